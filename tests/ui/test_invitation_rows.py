"""The activity rows show where their invitations stand, sent through a real SMTP server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from mail_server import SmtpServer, smtp_server  # tests/ is on the path via its conftest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from kesher_desktop.models import ActivityKind
from kesher_desktop.models.invitation import CalendarMethod, InvitationAnswer
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.invitation_views import (
    InvitationState,
    InvitationStatus,
    InviteeState,
)
from kesher_desktop.ui.activities_pane import ActivitiesPane
from kesher_desktop.ui.activity_drawer import ActivityDrawer
from kesher_desktop.ui.activity_list_model import (
    ActivityListModel,
    ActivityRole,
    invitation_text,
)
from kesher_desktop.ui.contact_page import ContactPage, connect_page_and_drawer, dock_area_for
from tests.services.invitation_scene import DANA, ME, MOSHE, YOSSI, Scene, make_scene


@dataclass
class Hosted:
    window: QMainWindow
    page: ContactPage
    drawer: ActivityDrawer
    scene: Scene

    @property
    def pane(self) -> ActivitiesPane:
        return self.page.activities


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as running:
        yield running


def host(qtbot, services: Services, contact_id: int, server: SmtpServer | None) -> Hosted:
    """The page and the drawer wired as the real window wires them, with invitations on."""
    scene = make_scene(services, contact_id, server.settings(sender=ME) if server else None)
    services.invitations = scene.invitations
    window = QMainWindow()
    qtbot.addWidget(window)
    page = ContactPage(services)
    drawer = ActivityDrawer(services, window)
    drawer.confirm_discard = lambda: True  # type: ignore[method-assign]
    window.setCentralWidget(page)
    window.addDockWidget(dock_area_for(window.layoutDirection()), drawer)
    drawer.hide()
    connect_page_and_drawer(page, drawer)
    window.resize(1400, 900)
    window.show()
    page.show_contact(contact_id)
    return Hosted(window, page, drawer, scene)


@pytest.fixture
def hosted(qtbot, services: Services, contact_id: int, server: SmtpServer) -> Hosted:
    return host(qtbot, services, contact_id, server)


def _save_meeting(qtbot, hosted: Hosted, invite: bool = True) -> int:
    """Plan a meeting in the drawer, tick "send an invitation" and save, as a user would."""
    QTest.mouseClick(hosted.pane._kind_buttons[ActivityKind.MEETING], Qt.MouseButton.LeftButton)
    form = hosted.drawer.form
    assert form is not None
    form.title.setText("סקירה רבעונית")
    form.send_invitation.setChecked(invite)
    with qtbot.waitSignal(hosted.drawer.activity_saved, timeout=1000) as saved:
        QTest.mouseClick(hosted.drawer.save_button, Qt.MouseButton.LeftButton)
    return saved.args[0]


def _mark(model: ActivityListModel, activity_id: int) -> tuple[str, str]:
    index = model.index(model.row_of(activity_id))
    return index.data(ActivityRole.INVITATION), index.data(ActivityRole.INVITATION_TEXT)


def _menu_action(pane: ActivitiesPane, activity_id: int, name: str) -> QAction | None:
    return pane.menu_for(activity_id).findChild(QAction, name)


def test_saving_a_ticked_meeting_queues_the_invitation_and_the_row_follows_it_to_sent(
    qtbot, hosted: Hosted, server: SmtpServer
) -> None:
    meeting = _save_meeting(qtbot, hosted)

    assert _mark(hosted.pane.todo_model, meeting) == ("pending", "Invitation pending")
    assert hosted.scene.queued() == 1

    hosted.scene.sender().drain()
    hosted.pane.refresh_invitations()

    assert [str(r.message["To"]) for r in server.received] == [DANA]
    assert _mark(hosted.pane.todo_model, meeting) == ("sent", "Invitation sent")
    tip = hosted.pane.todo_model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Invitation sent" in tip and "דנה לוי: sent" in tip.replace("\u2068", "").replace(
        "\u2069", ""
    )


def test_a_meeting_without_invitation_shows_no_mark_and_no_resend(qtbot, hosted: Hosted) -> None:
    meeting = _save_meeting(qtbot, hosted, invite=False)

    assert _mark(hosted.pane.todo_model, meeting) == ("", "")
    assert _menu_action(hosted.pane, meeting, "resendAction") is None
    assert hosted.scene.queued() == 0


def test_an_update_is_marked_pending_until_sent(qtbot, hosted: Hosted) -> None:
    meeting = _save_meeting(qtbot, hosted)
    hosted.scene.sender().drain()

    hosted.drawer.open_existing(meeting)
    assert hosted.drawer.form is not None
    hosted.drawer.form.location.setText("חדר הישיבות")
    with qtbot.waitSignal(hosted.drawer.activity_saved, timeout=1000):
        QTest.mouseClick(hosted.drawer.save_button, Qt.MouseButton.LeftButton)

    assert _mark(hosted.pane.todo_model, meeting) == ("pending", "Update pending")


def test_a_refused_invitation_is_red_with_the_reason_and_resend_sends_it(
    qtbot, services: Services, contact_id: int
) -> None:
    with smtp_server(reply="451 4.3.0 Try again later") as refusing:
        hosted = host(qtbot, services, contact_id, refusing)
        meeting = _save_meeting(qtbot, hosted)
        hosted.scene.sender().drain()
    hosted.pane.refresh_invitations()

    model = hosted.pane.todo_model
    assert _mark(model, meeting) == ("failed", "Invitation failed")
    tip = model.index(model.row_of(meeting)).data(ActivityRole.INVITATION_TIP)
    assert "451 4.3.0 Try again later" in tip
    assert "The mail server refused the message." in tip
    assert "451 4.3.0 Try again later" in model.index(0).data(Qt.ItemDataRole.ToolTipRole)

    with smtp_server() as working:
        hosted.scene.set_mail(working.settings(sender=ME))
        resend = _menu_action(hosted.pane, meeting, "resendAction")
        assert resend is not None and resend.text() == "Resend invitation"
        resend.trigger()
        # Made due at once; it stays marked failed until the next attempt goes through.
        assert hosted.scene.queued() == 1
        hosted.scene.sender().drain()
    hosted.pane.refresh_invitations()

    assert [str(r.message["To"]) for r in working.received] == [DANA]
    assert _mark(model, meeting) == ("sent", "Invitation sent")
    assert hosted.pane.error.isHidden()


def test_resend_without_mail_says_mail_is_not_set_up(
    qtbot, services: Services, contact_id: int
) -> None:
    hosted = host(qtbot, services, contact_id, None)
    meeting = _save_meeting(qtbot, hosted)

    assert _mark(hosted.pane.todo_model, meeting) == ("mail_not_set_up", "Mail not set up")
    tip = hosted.pane.todo_model.index(0).data(ActivityRole.INVITATION_TIP)
    assert "File > Settings" in tip

    resend = _menu_action(hosted.pane, meeting, "resendAction")
    assert resend is not None
    resend.trigger()

    assert not hosted.pane.error.isHidden()
    assert hosted.pane.error.text() == (
        "Mail is not set up, so the invitation cannot be sent. "
        "Set up the mail server in File > Settings."
    )


def test_cancelling_shows_the_cancellation_among_the_done(qtbot, hosted: Hosted) -> None:
    meeting = _save_meeting(qtbot, hosted)
    hosted.scene.sender().drain()

    hosted.pane.set_cancelled(meeting, True)

    assert _mark(hosted.pane.done_model, meeting) == ("pending", "Cancellation pending")
    hosted.scene.sender().drain()
    hosted.pane.refresh_invitations()
    assert _mark(hosted.pane.done_model, meeting) == ("sent", "Cancellation sent")


def test_a_change_published_on_another_thread_reaches_the_row(
    qtbot, services: Services, contact_id: int, server: SmtpServer
) -> None:
    hosted = host(qtbot, services, contact_id, server)
    scene = hosted.scene
    # Made with the services, not the drawer: Moshe and Yossi are invited too.
    meeting = services.activities.create(contact_id, scene.meeting())
    hosted.pane.refresh()
    scene.sender().drain()
    assert _mark(hosted.pane.todo_model, meeting) == ("pending", "Invitation pending")

    # The IMAP poller records replies on its own thread; the feed is told there.
    worker = threading.Thread(target=lambda: scene.invitations.changes.publish(meeting))
    worker.start()
    worker.join()

    qtbot.waitUntil(lambda: _mark(hosted.pane.todo_model, meeting)[0] == "sent", timeout=2000)
    assert sorted(str(r.message["To"]) for r in server.received) == [DANA, MOSHE, YOSSI]


def test_the_model_with_invitation_states_passes_the_model_tester(
    qtbot, qtmodeltester, hosted: Hosted
) -> None:
    _save_meeting(qtbot, hosted)
    _save_meeting(qtbot, hosted, invite=False)

    model = hosted.pane.todo_model
    assert [model.index(row).data(ActivityRole.INVITATION) for row in range(2)].count("") == 1
    qtmodeltester.check(model)


@pytest.mark.parametrize(
    ("method", "sequence", "text"),
    [
        (CalendarMethod.REQUEST, 0, "Invitation failed"),
        (CalendarMethod.REQUEST, 2, "Update failed"),
        (CalendarMethod.CANCEL, 3, "Cancellation failed"),
    ],
)
def test_a_failure_names_what_failed(method: CalendarMethod, sequence: int, text: str) -> None:
    invitee = InviteeState(
        address=DANA,
        name="דנה",
        invited=method is CalendarMethod.REQUEST,
        status=InvitationStatus.FAILED,
        method=method,
        sequence=sequence,
        error="451 4.3.0 Try again later",
        answer=InvitationAnswer.NONE,
    )

    assert invitation_text(InvitationState(InvitationStatus.FAILED, (invitee,))) == text
