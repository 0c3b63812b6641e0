"""The review list: mail no contact claimed, assigned to a contact or discarded."""

from __future__ import annotations

import base64

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kesher_desktop.models import Activity, ActivityKind, ReviewReason
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.mail_decoding import parse_mail
from kesher_desktop.services.mail_tracking import TrackingService
from kesher_desktop.settings import Settings
from kesher_desktop.ui.main_window import MainWindow
from kesher_desktop.ui.review_list import Column, ReviewList, ReviewRole
from kesher_desktop.ui.widgets.bidi import FSI, LRI, PDI
from tests.imap_server import build_message

MAILBOX = "track@example.com"


@pytest.fixture
def tracking(services: Services) -> TrackingService:
    services.tracking = TrackingService(services.store, services.clock, services.activities)
    return services.tracking


def _arrive(tracking: TrackingService, raw: bytes) -> None:
    tracking.record(parse_mail(raw), raw, MAILBOX)


def _stranger_and_forged(tracking: TrackingService, contact_id: int) -> None:
    _arrive(
        tracking,
        build_message(message_id="<s1@example.com>", to="stranger@example.org", subject=b"Hi"),
    )
    forged = f"track+c{contact_id}-k0000000000@example.com"
    _arrive(tracking, build_message(message_id="<f1@example.com>", delivered_to=forged))


def _emails(services: Services, contact_id: int) -> list[str]:
    with services.store.session() as session:
        return list(
            session.scalars(
                select(Activity.title).where(
                    Activity.contact_id == contact_id, Activity.kind == ActivityKind.EMAIL
                )
            )
        )


def _list(qtbot: QtBot, services: Services, tracking: TrackingService) -> ReviewList:
    review = ReviewList(tracking, services.contacts, services.clock.zone)
    qtbot.addWidget(review)
    return review


def test_rows_name_the_recipients_subject_and_reason_and_mark_a_forged_tag(
    qtbot: QtBot, qtmodeltester, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    _stranger_and_forged(tracking, contact_id)
    review = _list(qtbot, services, tracking)
    model = review.model
    qtmodeltester.check(model)

    assert model.rowCount() == 2
    first = [model.index(0, column).data() for column in Column]
    # Whom it went to: the sender is always me, and says nothing about whose mail it is.
    assert "stranger@example.org" in first[0] and "me@example.com" not in first[0]
    assert model.headerData(Column.RECIPIENTS, Qt.Orientation.Horizontal) == "To"
    assert first[1] == "Hi"
    assert "10/03/2026" in first[2] and "No recipient" in first[3]
    forged = model.index(1, Column.REASON)
    assert "Forged" in forged.data() and forged.data(ReviewRole.REASON) == "forged_tag"
    assert forged.data(Qt.ItemDataRole.FontRole).bold()


def test_assign_logs_the_message_on_the_contact_found_by_name(
    qtbot: QtBot, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    _stranger_and_forged(tracking, contact_id)
    review = _list(qtbot, services, tracking)
    counts: list[int] = []
    review.count_changed.connect(counts.append)
    assert not review.assign_button.isEnabled()

    review.search.setText("דנה")
    assert review.matches.count() == 1 and review.assign_button.isEnabled()
    with qtbot.waitSignal(review.assigned) as assigned:
        review.assign_button.click()

    assert assigned.args[0] == contact_id
    assert _emails(services, contact_id) == ["Hi"]
    assert counts[-1] == 1 and review.model.rowCount() == 1
    assert [item.reason for item in tracking.review_items()] == [ReviewReason.FORGED_TAG]


def test_to_and_cc_are_listed_with_names_in_their_direction_and_addresses_ltr(
    qtbot: QtBot, services: Services, tracking: TrackingService
) -> None:
    _arrive(
        tracking,
        build_message(
            message_id="<r1@example.com>",
            to="=?utf-8?b?" + base64.b64encode("רונית אברהם".encode()).decode() + "?= "
            "<ronit@example.org>",
            cc="other@example.org",
        ),
    )
    review = _list(qtbot, services, tracking)

    shown = review.model.index(0, Column.RECIPIENTS).data()
    assert shown == (
        f"\u200e{FSI}רונית אברהם{PDI} {LRI}<ronit@example.org>{PDI}, {LRI}other@example.org{PDI}"
    )
    tip = review.model.index(0, Column.RECIPIENTS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.split("\n")[1] == f"{LRI}other@example.org{PDI}"


def test_after_assign_the_next_message_needs_a_contact_chosen_afresh(
    qtbot: QtBot, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    _stranger_and_forged(tracking, contact_id)
    review = _list(qtbot, services, tracking)
    review.search.setText("דנה")
    assert review.assign_button.isEnabled()

    assert review.assign_selected()

    assert review.selected_item_id() is not None  # the next message is chosen
    assert review.selected_contact_id() is None and not review.assign_button.isEnabled()
    assert review.search.text() == "" and review.matches.count() == 0
    review.assign_button.click()
    assert _emails(services, contact_id) == ["Hi"]
    assert len(tracking.review_items()) == 1


def test_discard_removes_the_message_for_good(
    qtbot: QtBot, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    _stranger_and_forged(tracking, contact_id)
    review = _list(qtbot, services, tracking)
    review.table.selectRow(1)

    review.discard_button.click()
    review.discard_button.click()

    assert review.model.rowCount() == 0 and tracking.review_items() == []
    assert review.empty.isVisibleTo(review) and not review.discard_button.isEnabled()
    assert _emails(services, contact_id) == []


def test_the_window_action_counts_what_waits_and_opens_the_list(
    qtbot: QtBot, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    _stranger_and_forged(tracking, contact_id)
    window = MainWindow(Settings(language="en"))
    qtbot.addWidget(window)
    window.attach_services(services)
    assert not window.review_action.isVisible() and not window.check_mail_action.isVisible()

    window.show_tracking(True, len(tracking.review_items()))
    assert window.review_action.isVisible() and window.check_mail_action.isVisible()
    assert window.review_action.text() == "Mail to review (2)…"

    window.review_action.trigger()
    review = window.review_list
    assert review is not None and review.isVisible()
    review.discard_selected()
    assert window.review_action.text() == "Mail to review (1)…"
