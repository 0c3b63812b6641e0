"""The drawer's invitation checkbox, and each invitee's answer beside their name."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from kesher_desktop.models import ActivityKind, InvitationAnswer
from kesher_desktop.services.activity_views import PersonRef
from kesher_desktop.services.bundle import Services
from kesher_desktop.ui.activity_drawer import ActivityDrawer
from kesher_desktop.ui.contact_page import dock_area_for
from tests.services.invitation_scene import MOSHE, Scene, make_scene, smtp_settings


@pytest.fixture
def scene(services: Services, contact_id: int) -> Scene:
    made = make_scene(services, contact_id, smtp_settings())
    services.invitations = made.invitations
    return made


@pytest.fixture
def drawer(qtbot, services: Services, scene: Scene) -> Iterator[ActivityDrawer]:
    window = QMainWindow()
    qtbot.addWidget(window)
    drawer = ActivityDrawer(services, window)
    drawer.confirm_discard = lambda: True  # type: ignore[method-assign]
    window.addDockWidget(dock_area_for(window.layoutDirection()), drawer)
    drawer.hide()
    window.resize(1200, 800)
    window.show()
    yield drawer


def _reply(uid: str, address: str, partstat: str, stamp: str = "20260310T090000Z") -> bytes:
    """An iMIP reply as a calendar program sends it back."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "METHOD:REPLY",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "SEQUENCE:0",
        f"DTSTAMP:{stamp}",
        "DTSTART:20260312T080000Z",
        f"ATTENDEE;PARTSTAT={partstat}:mailto:{address}",
        "ORGANIZER:mailto:noa@kesher.example",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines).encode("utf-8") + b"\r\n"


@pytest.mark.parametrize(
    ("kind", "shown"),
    [(ActivityKind.MEETING, True), (ActivityKind.CALL, True), (ActivityKind.TASK, False)],
)
def test_the_invitation_checkbox_is_offered_for_meetings_and_calls_only(
    drawer: ActivityDrawer, contact_id: int, kind: ActivityKind, shown: bool
) -> None:
    drawer.open_new(contact_id, kind)
    form = drawer.form
    assert form is not None

    assert form.send_invitation.isVisible() is shown
    assert form.send_invitation.text() == "Send an invitation to the contact"
    # Without a Google client file the calendar box is not offered.
    assert form.add_to_calendar.isHidden()


@pytest.mark.parametrize("kind", [ActivityKind.MEETING, ActivityKind.CALL])
def test_the_checkbox_round_trips(
    qtbot, drawer: ActivityDrawer, services: Services, contact_id: int, kind: ActivityKind
) -> None:
    drawer.open_new(contact_id, kind)
    assert drawer.form is not None
    assert not drawer.form.send_invitation.isChecked()
    assert not drawer.is_modified()
    # Below the fold of the drawer's scroll area: clicked through its API.
    drawer.form.send_invitation.click()
    assert drawer.is_modified()
    drawer.form.title.setText("פגישת היכרות")

    with qtbot.waitSignal(drawer.activity_saved, timeout=1000) as saved:
        QTest.mouseClick(drawer.save_button, Qt.MouseButton.LeftButton)
    activity_id = saved.args[0]

    assert services.activities.draft_of(activity_id).send_invitation is True
    drawer.open_existing(activity_id)
    assert drawer.form.send_invitation.isChecked()
    assert not drawer.is_modified()

    drawer.form.send_invitation.setChecked(False)
    with qtbot.waitSignal(drawer.activity_saved, timeout=1000):
        QTest.mouseClick(drawer.save_button, Qt.MouseButton.LeftButton)
    assert services.activities.draft_of(activity_id).send_invitation is False


def test_a_task_never_asks_for_an_invitation(
    qtbot, drawer: ActivityDrawer, services: Services, contact_id: int
) -> None:
    drawer.open_new(contact_id, ActivityKind.TASK)
    assert drawer.form is not None
    drawer.form.title.setText("לשלוח הצעת מחיר")
    # Hidden, and even if ticked through the API it is not saved for a task.
    drawer.form.send_invitation.setChecked(True)

    with qtbot.waitSignal(drawer.activity_saved, timeout=1000) as saved:
        QTest.mouseClick(drawer.save_button, Qt.MouseButton.LeftButton)

    assert services.activities.draft_of(saved.args[0]).send_invitation is False


def test_each_invitees_answer_shows_beside_their_name(
    drawer: ActivityDrawer, scene: Scene
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    uid = scene.uid(meeting)
    assert scene.invitations.record_reply(_reply(uid, "Dana.Levi@Example.com", "ACCEPTED"))
    assert scene.invitations.record_reply(_reply(uid, MOSHE, "DECLINED"))

    drawer.open_existing(meeting)
    assert drawer.form is not None
    people = drawer.form.participants
    dana, moshe = PersonRef("contact", scene.contact_id), PersonRef("contact", scene.moshe_id)
    yossi, me = PersonRef("user", scene.yossi_id), PersonRef("user", scene.me_id)

    assert people.answer_of(dana) is InvitationAnswer.ACCEPTED
    assert people.answer_of(moshe) is InvitationAnswer.DECLINED
    assert people.answer_of(yossi) is InvitationAnswer.NONE
    assert people.answer_of(me) is InvitationAnswer.NONE
    dana_chip, moshe_chip, yossi_chip = (people.chip_of(r) for r in (dana, moshe, yossi))
    assert dana_chip is not None and moshe_chip is not None and yossi_chip is not None
    assert dana_chip.text().endswith(">\u2713</b>") and "Accepted" in dana_chip.toolTip()
    assert moshe_chip.text().endswith(">\u2717</b>") and "Declined" in moshe_chip.toolTip()
    assert yossi_chip.text() == "יוסי כהן" and yossi_chip.toolTip() == "yossi@example.com"
    # The answers are shown, not edited: the form is as it was read.
    assert not drawer.is_modified()


def test_a_reply_recorded_on_another_thread_updates_the_open_drawer(
    qtbot, drawer: ActivityDrawer, scene: Scene
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    uid = scene.uid(meeting)
    drawer.open_existing(meeting)
    assert drawer.form is not None
    moshe = PersonRef("contact", scene.moshe_id)
    assert drawer.form.participants.answer_of(moshe) is InvitationAnswer.NONE

    # The IMAP poller records replies on its own thread.
    worker = threading.Thread(
        target=lambda: scene.invitations.record_reply(_reply(uid, MOSHE, "TENTATIVE"))
    )
    worker.start()
    worker.join()

    form = drawer.form
    qtbot.waitUntil(
        lambda: form.participants.answer_of(moshe) is InvitationAnswer.TENTATIVE, timeout=2000
    )
    chip = form.participants.chip_of(moshe)
    assert chip is not None and chip.text().endswith(">?</b>") and "Maybe" in chip.toolTip()
    assert not drawer.is_modified()
