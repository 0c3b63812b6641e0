"""Files dropped on the activity drawer: held by a new activity's draft, attached on saving."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.attachment_intake import MAX_ATTACHMENT_BYTES
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.folder_links import FolderLink, LinkService
from kesher_desktop.ui.activity_drawer import ActivityDrawer, Mode
from kesher_desktop.ui.attachment_area import AttachmentArea
from kesher_desktop.ui.contact_page import dock_area_for
from kesher_desktop.ui.i18n import install_language
from tests.ui.attachment_drops import FakeDesk, drop, file_urls, odd_files, paperclip_drawing

ARCHIVE = FolderLink(LinkService.DROPBOX, "https://dropbox.test/s/a", "Archive", "/Archive", "/a")


class Discard:
    def __init__(self) -> None:
        self.asked = 0

    def __call__(self) -> bool:
        self.asked += 1
        return True


@pytest.fixture
def discard() -> Discard:
    return Discard()


@pytest.fixture
def drawer(qtbot, services: Services, discard: Discard) -> Iterator[ActivityDrawer]:
    window = QMainWindow()
    qtbot.addWidget(window)
    drawer = ActivityDrawer(services, window)
    drawer.confirm_discard = discard  # type: ignore[method-assign]
    window.addDockWidget(dock_area_for(window.layoutDirection()), drawer)
    window.resize(1200, 800)
    window.show()
    yield drawer


def _area(drawer: ActivityDrawer) -> AttachmentArea:
    assert drawer.form is not None
    return drawer.form.attachments


def _names(area: AttachmentArea) -> list[str]:
    return [row.name_label.text() for row in area.rows]


def test_files_dropped_on_a_new_meeting_wait_for_the_save_then_become_its_documents(
    qtbot, drawer: ActivityDrawer, services: Services, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    drawer.open_new(contact_id, ActivityKind.MEETING)
    area = _area(drawer)
    assert area.drop_hint.isVisibleTo(area)

    assert drop(area, file_urls(list(files.values())))

    # Every file but the one over 12 MiB is held, with its name shown as it was.
    assert _names(area)[:2] == ["הצעת מחיר #3 (סופי).pdf", "notes with spaces.txt"]
    assert _names(area)[3] == "at-limit.bin" and len(area.rows) == 4
    assert _names(area)[2].startswith("פרוטוקול ישיבה") and _names(area)[2].endswith("….docx")
    assert "attached on saving" in area.rows[0].meta_label.text()
    refusal = area.problem.text()
    assert not area.problem.isHidden() and "גדול מדי.iso" in refusal
    assert f"{MAX_ATTACHMENT_BYTES + 1:,} bytes" in refusal and "12\u00a0MB" in refusal
    assert services.documents.listing(contact_id).is_empty()
    assert drawer.is_modified()
    held = _names(area)

    with qtbot.waitSignal(drawer.activity_saved, timeout=1000) as saved:
        QTest.mouseClick(drawer.save_button, Qt.MouseButton.LeftButton)

    documents = services.documents.for_activity(saved.args[0])
    assert [d.name for d in documents] == held
    assert documents[3].size == MAX_ATTACHMENT_BYTES
    listing = services.documents.listing(contact_id)
    assert listing.own == [] and [g.activity_id for g in listing.by_activity] == saved.args


def test_held_files_not_attached_on_saving_keep_the_drawer_open_on_the_saved_activity(
    qtbot,
    drawer: ActivityDrawer,
    services: Services,
    contact_id: int,
    tmp_path: Path,
    discard: Discard,
) -> None:
    files = odd_files(tmp_path / "desk")
    drawer.open_new(contact_id, ActivityKind.MEETING)
    area = _area(drawer)
    drop(area, file_urls([files["small"], files["spaces"]]))
    area.take_link(ARCHIVE)
    # The store's copy of a held file is lost before the save (a clean-up, a failing disk).
    lost = area.pending_files()[0]
    services.documents.files.path(lost.sha256).unlink()

    with qtbot.waitSignal(drawer.activity_saved, timeout=1000) as saved:
        QTest.mouseClick(drawer.save_button, Qt.MouseButton.LeftButton)

    [meeting] = saved.args
    attached = [d.name for d in services.documents.for_activity(meeting)]
    assert attached == ["notes with spaces.txt", "Archive"]
    assert drawer.isVisible() and drawer.mode is Mode.EDIT and drawer.heading.text() == "Meeting"
    assert lost.name in drawer.general_error.text() and drawer.general_error.isVisible()
    assert "notes with spaces.txt" not in drawer.general_error.text()
    # Said again in the language chosen meanwhile, still naming the file.
    app = QApplication.instance()
    try:
        install_language(app, "he")
        assert drawer.general_error.text().startswith("הפעילות נשמרה, אבל")
        assert lost.name in drawer.general_error.text()
    finally:
        install_language(app, "en")
    assert drawer.general_error.text().startswith("The activity is saved")
    assert area.pending_files() == [lost] and _names(area) == [*attached, lost.name]
    assert drawer.is_modified() and discard.asked == 0

    # Taken off and attached anew, it goes straight onto the saved activity.
    area.rows[-1].action("remove").trigger()
    drop(area, file_urls([files["small"]]))
    with qtbot.waitSignal(drawer.activity_saved, timeout=1000):
        QTest.mouseClick(drawer.save_button, Qt.MouseButton.LeftButton)

    assert not drawer.isVisible()
    assert len(services.documents.for_activity(meeting)) == 3
    assert len(services.activities.rows_for_contact(contact_id)) == 1


def test_a_file_dropped_again_on_a_new_activity_is_held_once(
    qtbot, drawer: ActivityDrawer, services: Services, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    drawer.open_new(contact_id, ActivityKind.MEETING)
    area = _area(drawer)
    assert drop(area, file_urls([files["small"], files["spaces"]]))

    assert drop(area, file_urls([files["small"]]))

    assert _names(area) == ["הצעת מחיר #3 (סופי).pdf", "notes with spaces.txt"]
    assert len(area.pending_files()) == 2
    assert area.problem.isVisibleTo(area)
    assert area.problem.text() == "“\u2068הצעת מחיר #3 (סופי).pdf\u2069” is already attached."
    with qtbot.waitSignal(drawer.activity_saved, timeout=1000) as saved:
        QTest.mouseClick(drawer.save_button, Qt.MouseButton.LeftButton)
    assert len(services.documents.for_activity(saved.args[0])) == 2


def test_a_file_dropped_again_on_a_saved_activity_is_attached_once(
    qtbot, drawer: ActivityDrawer, services: Services, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    meeting = services.activities.create(
        contact_id, services.activities.new_draft(contact_id, ActivityKind.MEETING)
    )
    # On the contact itself too: that is another place, and does not count.
    services.documents.add_files(contact_id, None, [files["spaces"]])
    drawer.open_existing(meeting)
    area = _area(drawer)
    with qtbot.waitSignal(drawer.documents_changed, timeout=1000):
        assert drop(area, file_urls([files["small"], files["spaces"]]))

    with qtbot.assertNotEmitted(drawer.documents_changed):
        assert drop(area, file_urls([files["spaces"]]))

    assert len(services.documents.for_activity(meeting)) == 2 and len(area.rows) == 2
    assert area.problem.text() == "“\u2068notes with spaces.txt\u2069” is already attached."


def test_discarding_a_new_activity_attaches_nothing(
    drawer: ActivityDrawer, services: Services, contact_id: int, tmp_path: Path, discard: Discard
) -> None:
    files = odd_files(tmp_path / "desk")
    drawer.open_new(contact_id, ActivityKind.TASK)
    drop(_area(drawer), file_urls([files["small"]]))

    assert drawer.cancel()

    assert discard.asked == 1
    assert services.documents.listing(contact_id).is_empty()
    drawer.open_new(contact_id, ActivityKind.CALL)
    assert _area(drawer).rows == [] and not drawer.is_modified()


def test_a_folder_link_alone_makes_the_draft_worth_asking_about(
    drawer: ActivityDrawer, contact_id: int, discard: Discard
) -> None:
    drawer.open_new(contact_id, ActivityKind.TASK)
    assert not drawer.is_modified()
    _area(drawer).take_link(ARCHIVE)

    assert drawer.is_modified()
    assert drawer.cancel() and discard.asked == 1


def test_a_pending_file_can_be_taken_off_the_draft(
    drawer: ActivityDrawer, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    drawer.open_new(contact_id, ActivityKind.MEETING)
    area = _area(drawer)
    drop(area, file_urls([files["small"], files["spaces"]]))
    assert not area.rows[0].action("rename").isVisible()

    area.rows[0].action("remove").trigger()

    assert _names(area) == ["notes with spaces.txt"]
    assert [f.name for f in area.pending_files()] == ["notes with spaces.txt"]


def test_a_saved_activity_takes_files_at_once_and_removing_one_can_be_undone(
    qtbot, drawer: ActivityDrawer, services: Services, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    meeting = services.activities.create(
        contact_id, services.activities.new_draft(contact_id, ActivityKind.MEETING)
    )
    drawer.open_existing(meeting)
    area = _area(drawer)

    with qtbot.waitSignal(drawer.documents_changed, timeout=1000):
        assert drop(area, file_urls([files["small"]]))

    [document] = services.documents.for_activity(meeting)
    assert document.name == "הצעת מחיר #3 (סופי).pdf"
    assert not drawer.is_modified()

    area.rows[0].action("remove").trigger()
    assert services.documents.for_activity(meeting) == [] and area.rows == []
    assert area.undo_bar.isVisibleTo(area) and "הצעת מחיר" in area.undo_bar.message.text()

    QTest.mouseClick(area.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert [d.id for d in services.documents.for_activity(meeting)] == [document.id]
    assert _names(area) == [document.name]


def test_the_paperclip_button_attaches_what_the_file_dialog_picked(
    drawer: ActivityDrawer, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    drawer.open_new(contact_id, ActivityKind.CALL)
    area = _area(drawer)
    area.actions.desk = FakeDesk(picks=[files["spaces"], files["over"]])

    QTest.mouseClick(area.attach_button, Qt.MouseButton.LeftButton)

    assert _names(area) == ["notes with spaces.txt"]
    assert "גדול מדי.iso" in area.problem.text()


def test_the_attach_button_shows_the_paperclip_beside_its_words(
    drawer: ActivityDrawer, contact_id: int
) -> None:
    drawer.open_new(contact_id, ActivityKind.MEETING)
    button = _area(drawer).attach_button

    assert button.text() == "Attach files…"
    assert button.icon().pixmap(16, 16).toImage() == paperclip_drawing(16)


def test_a_drag_of_web_links_is_not_taken(drawer: ActivityDrawer, contact_id: int) -> None:
    drawer.open_new(contact_id, ActivityKind.MEETING)

    assert not drop(_area(drawer), [QUrl("https://example.com/report.pdf")])
    assert _area(drawer).rows == []
