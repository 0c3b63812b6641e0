"""Activities: defaults, validation, the derived overdue state and the row menu's operations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activities import ActivityDraft, PersonRef, ReminderEntry
from kesher_desktop.services.activity_state import ActivityState
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft
from kesher_desktop.services.errors import NotFoundError, ServiceError, ValidationError


def _state(services: Services, activity_id: int) -> ActivityState:
    return services.activities.row(activity_id).state


def test_new_meeting_has_me_and_the_contact(services: Services, contact_id: int) -> None:
    me = services.users.me()
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    assert draft.participants == [PersonRef("user", me.id), PersonRef("contact", contact_id)]
    assert draft.starts_at == datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    assert draft.ends_at == datetime(2026, 3, 10, 10, 0, tzinfo=UTC)


def test_new_task_has_me_responsible_due_today(services: Services, contact_id: int) -> None:
    draft = services.activities.new_draft(contact_id, ActivityKind.TASK)
    assert draft.responsible == [services.users.me().id]
    assert draft.due_date == date(2026, 3, 10)
    assert draft.participants == []


def test_meeting_overdue_once_it_ended(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    meeting = services.activities.create(contact_id, draft)
    clock.set(datetime(2026, 3, 10, 9, 30, tzinfo=UTC))
    assert _state(services, meeting) is ActivityState.TODO
    clock.set(datetime(2026, 3, 10, 10, 0, tzinfo=UTC))
    assert _state(services, meeting) is ActivityState.OVERDUE
    services.activities.set_done(meeting, True)
    assert _state(services, meeting) is ActivityState.DONE
    services.activities.set_done(meeting, False)
    assert _state(services, meeting) is ActivityState.OVERDUE


def test_task_with_no_time_is_due_at_the_end_of_the_day_in_israel(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    draft = ActivityDraft(
        ActivityKind.TASK, title="לשלוח הצעה", due_date=date(2026, 3, 10), responsible=[1]
    )
    services.users.me()
    task = services.activities.create(contact_id, draft)
    # 23:59 in Jerusalem (UTC+2 in March before the change) is 21:59Z.
    clock.set(datetime(2026, 3, 10, 21, 59, tzinfo=UTC))
    assert _state(services, task) is ActivityState.TODO
    clock.set(datetime(2026, 3, 10, 22, 0, tzinfo=UTC))
    assert _state(services, task) is ActivityState.OVERDUE


def test_call_overdue_once_its_time_passed(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    call = services.activities.create(
        contact_id, services.activities.new_draft(contact_id, ActivityKind.CALL)
    )
    clock.advance(timedelta(hours=1))
    assert _state(services, call) is ActivityState.OVERDUE


def test_cancel_delete_restore(services: Services, contact_id: int) -> None:
    call = services.activities.create(
        contact_id, services.activities.new_draft(contact_id, ActivityKind.CALL)
    )
    services.activities.set_cancelled(call, True)
    assert _state(services, call) is ActivityState.CANCELLED
    services.activities.delete(call)
    assert services.activities.rows_for_contact(contact_id) == []
    with pytest.raises(NotFoundError):
        services.activities.row(call)
    services.activities.restore(call)
    assert [row.id for row in services.activities.rows_for_contact(contact_id)] == [call]


def test_do_again_plans_a_copy_from_the_next_hour(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.title = "פגישת היכרות"
    draft.location = "תל אביב"
    draft.reminders = [ReminderEntry(15), ReminderEntry(60, notify_others=True)]
    original = services.activities.create(contact_id, draft)
    services.activities.set_done(original, True)
    clock.advance(timedelta(days=2, minutes=10))

    copy = services.activities.do_again_draft(original)

    assert copy.starts_at == datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
    assert copy.ends_at == datetime(2026, 3, 12, 10, 0, tzinfo=UTC)
    assert (copy.title, copy.location, copy.done) == ("פגישת היכרות", "תל אביב", False)
    assert copy.reminders == draft.reminders
    again = services.activities.create(contact_id, copy)
    assert _state(services, again) is ActivityState.TODO


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        (lambda d: setattr(d, "ends_at", d.starts_at), "end_before_start", "ends_at"),
        (lambda d: setattr(d, "starts_at", None), "field_required", "starts_at"),
        (
            lambda d: d.participants.append(PersonRef("contact", 999)),
            "unknown_participant",
            "participants",
        ),
        (
            lambda d: d.reminders.append(ReminderEntry(-5)),
            "reminder_out_of_range",
            "reminders",
        ),
    ],
)
def test_meeting_validation(
    services: Services, contact_id: int, change: object, code: str, field: str
) -> None:
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    change(draft)  # type: ignore[operator]
    with pytest.raises(ValidationError) as raised:
        services.activities.create(contact_id, draft)
    assert (raised.value.code, raised.value.field) == (code, field)
    assert services.activities.rows_for_contact(contact_id) == []


def test_task_needs_title_and_someone_responsible(services: Services, contact_id: int) -> None:
    draft = services.activities.new_draft(contact_id, ActivityKind.TASK)
    with pytest.raises(ValidationError) as raised:
        services.activities.create(contact_id, draft)
    assert raised.value.code == "task_needs_title"
    draft.title = "להתקשר"
    draft.responsible = []
    with pytest.raises(ValidationError) as raised:
        services.activities.create(contact_id, draft)
    assert raised.value.code == "task_needs_responsible"


def test_task_handed_to_another_user(services: Services, contact_id: int) -> None:
    other = services.users.add("יוסי", "yossi@example.com")
    draft = services.activities.new_draft(contact_id, ActivityKind.TASK)
    draft.title = "להכין חוזה"
    draft.responsible = [other]
    task = services.activities.create(contact_id, draft)
    assert services.activities.draft_of(task).responsible == [other]
    assert [p.name for p in services.activities.row(task).people] == ["יוסי"]


def test_logged_email_is_done_and_read_only(services: Services, contact_id: int) -> None:
    sent = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
    email = services.activities.log_email(
        contact_id, "הצעת מחיר", sent, "me@example.com", "dana.levi@example.com", "", "שלום"
    )
    assert _state(services, email) is ActivityState.DONE
    with pytest.raises(ServiceError):
        services.activities.set_done(email, False)


def test_rows_list_open_soonest_first_then_done_latest_first(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    ids = []
    for hours in (5, 1, 3):
        draft = services.activities.new_draft(contact_id, ActivityKind.CALL)
        draft.starts_at = clock.now() + timedelta(hours=hours)
        ids.append(services.activities.create(contact_id, draft))
    services.activities.set_done(ids[0], True)
    clock.advance(timedelta(minutes=1))
    services.activities.set_done(ids[2], True)
    assert [row.id for row in services.activities.rows_for_contact(contact_id)] == [
        ids[1],
        ids[2],
        ids[0],
    ]


def test_logged_email_headers_come_back_for_the_reader(
    services: Services, contact_id: int
) -> None:
    sent = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
    email = services.activities.log_email(
        contact_id, "סיכום", sent, "me@example.com", "dana.levi@example.com", "b@x.example", "גוף"
    )
    logged = services.activities.logged_email(email)
    assert (logged.subject, logged.sender, logged.to, logged.cc, logged.sent_at, logged.body) == (
        "סיכום",
        "me@example.com",
        "dana.levi@example.com",
        "b@x.example",
        sent,
        "גוף",
    )


def _dated(services: Services, contact_id: int, kind: ActivityKind, at: datetime) -> ActivityDraft:
    """A draft of `kind` that would be saved, but for when it is."""
    draft = services.activities.new_draft(contact_id, kind)
    draft.title = "לתכנן"
    if kind is ActivityKind.TASK:
        draft.due_date = services.clock.local(at).date()
        return draft
    draft.starts_at = at
    draft.ends_at = at + timedelta(minutes=30) if kind is ActivityKind.MEETING else None
    return draft


@pytest.mark.parametrize("kind", [ActivityKind.MEETING, ActivityKind.CALL, ActivityKind.TASK])
def test_dates_must_fall_in_the_years_people_plan_for(
    services: Services, contact_id: int, kind: ActivityKind
) -> None:
    zone = services.clock.zone
    # The first and the last half hour of the years allowed, on the user's clock.
    first = datetime(1900, 1, 1, 0, 0, tzinfo=zone).astimezone(UTC)
    last = datetime(2199, 12, 31, 23, 30, tzinfo=zone).astimezone(UTC)
    field = "due_date" if kind is ActivityKind.TASK else "starts_at"
    code = "due_out_of_range" if kind is ActivityKind.TASK else "start_out_of_range"

    for outside in (first - timedelta(minutes=1), last + timedelta(minutes=30)):
        with pytest.raises(ValidationError) as raised:
            services.activities.create(contact_id, _dated(services, contact_id, kind, outside))
        assert (raised.value.code, raised.value.field) == (code, field)
        assert raised.value.params == {"first": 1900, "last": 2199}
    assert services.activities.rows_for_contact(contact_id) == []

    for inside in (first, last - timedelta(minutes=1)):
        services.activities.create(contact_id, _dated(services, contact_id, kind, inside))


def test_a_meeting_ending_after_the_years_allowed_is_refused_at_its_end(
    services: Services, contact_id: int
) -> None:
    last = datetime(2199, 12, 31, 23, 30, tzinfo=services.clock.zone).astimezone(UTC)
    draft = _dated(services, contact_id, ActivityKind.MEETING, last)
    draft.ends_at = last + timedelta(hours=1)

    with pytest.raises(ValidationError) as raised:
        services.activities.create(contact_id, draft)

    assert (raised.value.code, raised.value.field) == ("end_out_of_range", "ends_at")


def test_a_task_at_a_set_time_is_checked_by_its_day(services: Services, contact_id: int) -> None:
    draft = _dated(services, contact_id, ActivityKind.TASK, datetime(2026, 3, 12, tzinfo=UTC))
    draft.starts_at = datetime(1752, 9, 14, 9, tzinfo=UTC)

    with pytest.raises(ValidationError) as raised:
        services.activities.create(contact_id, draft)

    assert (raised.value.code, raised.value.field) == ("due_out_of_range", "due_date")


def test_a_contact_taking_part_sees_the_activity_on_their_page_until_taken_off(
    services: Services, contact_id: int
) -> None:
    guest = services.contacts.create(ContactDraft(given_name="נועה", family_name="לוי"))
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.participants.append(PersonRef("contact", guest))
    meeting = services.activities.create(contact_id, draft)
    task_draft = services.activities.new_draft(contact_id, ActivityKind.TASK)
    task_draft.title = "להכין הצעה"
    task = services.activities.create(contact_id, task_draft)

    [row] = services.activities.rows_for_contact(guest)

    assert row.id == meeting and row.contact_id == contact_id
    assert row.concerns(guest) and row.concerns(contact_id)
    assert {row.id for row in services.activities.rows_for_contact(contact_id)} == {meeting, task}

    draft.participants.remove(PersonRef("contact", guest))
    services.activities.update(meeting, draft)

    assert services.activities.rows_for_contact(guest) == []
    assert not services.activities.row(meeting).concerns(guest)
