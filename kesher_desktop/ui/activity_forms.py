"""The form of one activity kind, turning an ActivityDraft into fields and back."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.models import ActivityKind, InvitationAnswer
from kesher_desktop.services.activities import ActivityDraft, PersonRef
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.errors import ServiceError
from kesher_desktop.services.google_errors import GoogleAccountError
from kesher_desktop.ui.attachment_area import AttachmentArea
from kesher_desktop.ui.google_connect_dialog import google_problem_text
from kesher_desktop.ui.widgets.date_time_edit import ZonedDateTimeEdit, make_numeric
from kesher_desktop.ui.widgets.field_row import FieldRow, field_row
from kesher_desktop.ui.widgets.people_editor import PeopleEditor
from kesher_desktop.ui.widgets.reminders_editor import RemindersEditor
from kesher_desktop.ui.widgets.retranslate import Retranslating
from kesher_desktop.ui.widgets.zoned_time import (
    QT_DAY_FORMAT,
    from_qdate,
    from_wall_qdatetime,
    to_qdate,
    to_wall_qdatetime,
)

if TYPE_CHECKING:
    from kesher_desktop.ui.calendar_wiring import CalendarSync

log = logging.getLogger(__name__)

# Which fields each kind shows; the keys are the draft's field names, as ValidationError
# names them, so an error lands beside its field.
FIELDS_OF = {
    ActivityKind.MEETING: (
        "title", "starts_at", "ends_at", "location", "participants", "topics", "reminders",
    ),
    ActivityKind.CALL: (
        "title", "starts_at", "duration_minutes", "participants", "topics", "reminders",
    ),
    ActivityKind.TASK: ("title", "due_date", "responsible", "topics", "reminders"),
}  # fmt: skip
# The kinds whose form offers to send the contact an invitation.
INVITING_KINDS = (ActivityKind.MEETING, ActivityKind.CALL)


class ActivityForm(Retranslating, QWidget):
    """Every field of a meeting, a call or a task; `set_draft` picks which ones show.

    "Add to Google Calendar" shows once the app has handed over its calendar
    (`set_calendar`). Ticking it without a usable Google client file says what is missing
    and leaves it unticked; with no account connected, it asks to connect one first.
    """

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityForm")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._services = services
        self._zone: ZoneInfo = services.clock.zone
        self._kind = ActivityKind.MEETING
        self._rows: dict[str, FieldRow] = {}
        self._calendar: CalendarSync | None = None
        # Why the calendar box was just unticked again, shown under it; None when it was not.
        self._calendar_problem: GoogleAccountError | None = None
        self._contact_id: int | None = None

        self._build_editors()
        self._build_layout()
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    @property
    def kind(self) -> ActivityKind:
        return self._kind

    def set_calendar(self, calendar: CalendarSync | None) -> None:
        """Offer "Add to Google Calendar" through `calendar`."""
        self._calendar = calendar
        self._offer_calendar()

    def set_draft(
        self,
        draft: ActivityDraft,
        answers: dict[str, InvitationAnswer] | None = None,
        contact_id: int | None = None,
    ) -> None:
        """Show `draft` of the activity with `contact_id`; `answers` are the invitees'
        answers, by case-folded address."""
        self._kind = draft.kind
        self._contact_id = contact_id
        self.clear_errors()
        for name, row in self._rows.items():
            row.box.setVisible(name in FIELDS_OF[draft.kind])
        # Meetings and calls go to the invitees' calendars; a task is nobody's appointment.
        self.send_invitation.setVisible(draft.kind in INVITING_KINDS)
        self._calendar_problem = None
        self._offer_calendar()

        self.title.setText(draft.title)
        now = self._services.clock.now()
        self.starts.set_instant(draft.starts_at or now)
        self.ends.set_instant(draft.ends_at or draft.starts_at or now)
        self._set_due(draft)
        self.duration.setValue(draft.duration_minutes or 0)
        self.location.setText(draft.location)
        self.topics.setPlainText(draft.topics)
        self.participants.set_people(draft.participants, answers)
        self.responsible.set_people([PersonRef("user", uid) for uid in draft.responsible])
        self.reminders.set_reminders(draft.reminders)
        self.send_invitation.setChecked(draft.send_invitation)
        self.add_to_calendar.setChecked(draft.add_to_calendar)
        self.done.setChecked(draft.done)
        self._show_invitation_reach()
        self.retranslate()

    def draft(self) -> ActivityDraft:
        """What the fields say now, for the kind being edited."""
        kind = self._kind
        draft = ActivityDraft(
            kind=kind,
            title=self.title.text(),
            topics=self.topics.toPlainText(),
            add_to_calendar=self.add_to_calendar.isChecked(),
            send_invitation=kind is not ActivityKind.TASK and self._inviting(),
            done=self.done.isChecked(),
            reminders=self.reminders.reminders(),
        )
        if kind is ActivityKind.TASK:
            draft.due_date = from_qdate(self.due_day.date())
            if self.at_time.isChecked():
                wall = QDateTime(self.due_day.date(), self.due_time.time(), QTimeZone.utc())
                draft.starts_at = from_wall_qdatetime(wall, self._zone)
            draft.responsible = [ref.id for ref in self.responsible.people()]
            return draft

        draft.starts_at = self.starts.instant()
        draft.participants = self.participants.people()
        if kind is ActivityKind.MEETING:
            draft.ends_at = self.ends.instant()
            draft.location = self.location.text()
        else:
            draft.duration_minutes = self.duration.value() or None
        return draft

    def can_invite(self) -> bool:
        """Whether anyone on the activity but me has an e-mail address to invite."""
        refs = [PersonRef("contact", self._contact_id)] if self._contact_id is not None else []
        refs += self.participants.people()
        try:
            me = self._services.users.me().id
            people = self._services.activities.people(list(dict.fromkeys(refs)))
        except ServiceError as error:
            log.warning("invitees unread code=%s", error.code)
            return True
        return any(
            person.email.strip()
            for person in people
            if not (person.ref.kind == "user" and person.ref.id == me)
        )

    def set_answers(self, answers: dict[str, InvitationAnswer]) -> None:
        """Show each invitee's answer beside their name (by case-folded address)."""
        self.participants.set_answers(answers)

    def show_error(self, field: str, message: str) -> bool:
        """Put `message` under `field`; False when this kind has no such field."""
        row = self._rows.get(field)
        if row is None or field not in FIELDS_OF[self._kind]:
            return False
        row.error.show_message(message)
        return True

    def error_text(self, field: str) -> str:
        row = self._rows.get(field)
        return row.error.text() if row is not None and not row.error.isHidden() else ""

    def clear_errors(self) -> None:
        for row in self._rows.values():
            row.error.clear()

    def retranslate(self) -> None:
        task = self._kind is ActivityKind.TASK
        captions = {
            "title": self.tr("Title") if task else self.tr("Topic"),
            "starts_at": self.tr("Starts")
            if self._kind is ActivityKind.MEETING
            else self.tr("When"),
            "ends_at": self.tr("Ends"),
            "due_date": self.tr("Due"),
            "duration_minutes": self.tr("Duration (minutes)"),
            "location": self.tr("Location"),
            "participants": self.tr("Participants"),
            "responsible": self.tr("Responsible"),
            "topics": self.tr("Description") if task else self.tr("Topics and summary"),
            "reminders": self.tr("Reminders"),
        }
        for name, caption in captions.items():
            self._rows[name].caption.setText(caption)
        self._attachments_row.caption.setText(self.tr("Attachments"))

        self.at_time.setText(self.tr("At a set time"))
        self.duration.setSpecialValueText(self.tr("Not set"))
        self.location.setPlaceholderText(self.tr("Address, room or video link"))
        self.send_invitation.setText(self.tr("Send an invitation to the contact"))
        no_address = self.tr(
            "The contact has no e-mail address, so no invitation can be sent. Add one on "
            "the contact's page, or add a participant who has one."
        )
        self.no_address.setText(no_address)
        self.send_invitation.setToolTip(
            self.tr(
                "On saving, the contact and every participant with an e-mail address receive "
                "an invitation their calendar can accept; changes send an update."
            )
            if self.send_invitation.isEnabled()
            else no_address
        )
        self.add_to_calendar.setText(self.tr("Add to Google Calendar"))
        self.add_to_calendar.setToolTip(
            self.tr("On saving, the activity is added to your Google Calendar and kept in step.")
        )
        problem = self._calendar_problem
        self.calendar_missing.setText(google_problem_text(problem) if problem else "")
        self.calendar_missing.setVisible(problem is not None)
        self.done.setText(self.tr("Done") if task else self.tr("Took place"))

    # -- building --------------------------------------------------------------------------

    def _build_editors(self) -> None:
        self.title = QLineEdit()
        self.title.setObjectName("titleEdit")
        self.starts = ZonedDateTimeEdit(self._zone)
        self.starts.setObjectName("startsEdit")
        self.ends = ZonedDateTimeEdit(self._zone)
        self.ends.setObjectName("endsEdit")
        # Moving the start carries the end along, keeping the meeting's length.
        self.starts.dateTimeChanged.connect(self._keep_length)
        self._last_start = self.starts.dateTime()

        self.due_day = make_numeric(QDateEdit(), QT_DAY_FORMAT)
        self.at_time = QCheckBox()
        self.due_time = make_numeric(QTimeEdit(), "HH:mm")
        self.at_time.toggled.connect(self.due_time.setEnabled)

        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.location = QLineEdit()
        self.participants = PeopleEditor(self._services)
        self.responsible = PeopleEditor(self._services, users_only=True)
        self.topics = QPlainTextEdit()
        self.topics.setFixedHeight(110)
        self.reminders = RemindersEditor()
        # Not part of the draft: the drawer tells it which activity it is on (all kinds).
        self.attachments = AttachmentArea(self._services)

        self.send_invitation = QCheckBox()
        self.send_invitation.setObjectName("sendInvitationCheck")
        self.no_address = QLabel()
        self.no_address.setObjectName("fieldCaption")
        self.no_address.setWordWrap(True)
        self.no_address.hide()
        self.participants.people_changed.connect(self._show_invitation_reach)
        self.add_to_calendar = QCheckBox()
        self.add_to_calendar.setObjectName("addToCalendarCheck")
        # Only the user's own click asks to connect; setChecked from a draft does not.
        self.add_to_calendar.clicked.connect(self._calendar_ticked)
        self.calendar_missing = QLabel()
        self.calendar_missing.setObjectName("fieldCaption")
        self.calendar_missing.setWordWrap(True)
        self.calendar_missing.hide()
        self.done = QCheckBox()
        self.done.setObjectName("doneCheck")

    def _build_layout(self) -> None:
        due = QWidget()
        due_line = QHBoxLayout(due)
        due_line.setContentsMargins(0, 0, 0, 0)
        due_line.addWidget(self.due_day)
        due_line.addWidget(self.at_time)
        due_line.addWidget(self.due_time)
        due_line.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        editors = {
            "title": self.title,
            "starts_at": self.starts,
            "ends_at": self.ends,
            "due_date": due,
            "duration_minutes": self.duration,
            "location": self.location,
            "participants": self.participants,
            "responsible": self.responsible,
            "topics": self.topics,
            "reminders": self.reminders,
        }
        for name, editor in editors.items():
            self._rows[name] = field_row(editor)
            layout.addWidget(self._rows[name].box)
        self._attachments_row = field_row(self.attachments)
        layout.addWidget(self._attachments_row.box)
        checks = (self.send_invitation, self.no_address, self.add_to_calendar)
        for check in (*checks, self.calendar_missing, self.done):
            layout.addWidget(check)
        layout.addStretch(1)

    # -- helpers ---------------------------------------------------------------------------

    def _offer_calendar(self) -> None:
        # Shown even without a client file, so a user who looks for it learns what is missing.
        self.add_to_calendar.setVisible(self._calendar is not None)
        self.calendar_missing.setVisible(self._calendar_problem is not None)

    def _calendar_ticked(self, checked: bool) -> None:
        """Ticked with no usable client file: say what is missing and untick. With no account
        connected: connect one now, or untick. Nothing else in the form changes."""
        calendar = self._calendar
        self._calendar_problem = None
        if checked and calendar is not None:
            self._calendar_problem = calendar.client_problem()
            if self._calendar_problem is not None:
                self.add_to_calendar.setChecked(False)
            elif not calendar.is_connected() and not calendar.ask_to_connect(self):
                self.add_to_calendar.setChecked(False)
        self.retranslate()

    def _show_invitation_reach(self) -> None:
        """Offer the invitation only when someone can receive it, and say why not."""
        reachable = self._kind not in INVITING_KINDS or self.can_invite()
        self.send_invitation.setEnabled(reachable)
        self.no_address.setVisible(not reachable)
        self.retranslate()

    def _inviting(self) -> bool:
        # Kept ticked while nobody can be invited, so adding someone brings it back.
        return self.send_invitation.isChecked() and self.send_invitation.isEnabled()

    def _set_due(self, draft: ActivityDraft) -> None:
        if draft.starts_at is not None and draft.kind is ActivityKind.TASK:
            wall = to_wall_qdatetime(draft.starts_at, self._zone)
            self.due_day.setDate(wall.date())
            self.due_time.setTime(wall.time())
            self.at_time.setChecked(True)
        else:
            today = self._services.clock.local(self._services.clock.now()).date()
            self.due_day.setDate(to_qdate(draft.due_date or today))
            self.due_time.setTime(QTime(9, 0))
            self.at_time.setChecked(False)
        self.due_time.setEnabled(self.at_time.isChecked())

    def _keep_length(self, start: QDateTime) -> None:
        shift = self._last_start.secsTo(start)
        self._last_start = start
        if self._kind is ActivityKind.MEETING and shift:
            self.ends.setDateTime(self.ends.dateTime().addSecs(shift))
