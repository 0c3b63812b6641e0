"""Folder links in the drawer's attachment area: its buttons, a link on a saved activity,
and one held by an unsaved activity's draft until it is saved (or discarded)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.folder_links import LinkService
from kesher_desktop.ui.attachment_area import AttachmentArea
from tests.ui.folder_link_scene import LinkScene, link_scene, pick, shown_browser


@pytest.fixture
def scene(
    monkeypatch: pytest.MonkeyPatch, file_keyring: object, tmp_path: Path
) -> Iterator[LinkScene]:
    with link_scene(monkeypatch, tmp_path) as made:
        made.connect_dropbox()
        made.connect_google()
        yield made


@pytest.fixture
def area(qtbot, services: Services) -> AttachmentArea:
    area = AttachmentArea(services)
    qtbot.addWidget(area)
    area.resize(420, 400)
    area.show()
    return area


@pytest.fixture
def meeting(services: Services, contact_id: int) -> int:
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.title = "פגישת היכרות"
    return services.activities.create(contact_id, draft)


def test_the_buttons_show_only_with_a_service_set_up(
    area: AttachmentArea, scene: LinkScene, contact_id: int, meeting: int
) -> None:
    area.show_for(contact_id, meeting)
    assert not area.link_buttons.isVisibleTo(area)

    area.use_link_sources(scene.sources)

    buttons = area.link_buttons.buttons
    assert buttons[LinkService.DROPBOX].isVisibleTo(area)
    assert buttons[LinkService.DRIVE].isVisibleTo(area)


def test_a_folder_linked_on_a_saved_activity_is_its_document(
    qtbot,
    area: AttachmentArea,
    scene: LinkScene,
    services: Services,
    contact_id: int,
    meeting: int,
) -> None:
    area.use_link_sources(scene.sources)
    area.show_for(contact_id, meeting)

    area.link_buttons.buttons[LinkService.DRIVE].click()
    with qtbot.waitSignal(area.documents_changed, timeout=3000):
        pick(qtbot, shown_browser(qtbot, area.linker), "לקוחות")

    [document] = services.documents.for_activity(meeting)
    assert document.name == "לקוחות" and document.link is not None
    assert [row.name_label.text() for row in area.rows] == ["לקוחות"]
    assert services.documents.for_contact(contact_id) == []


def test_an_unsaved_activity_holds_its_link_until_saved(
    qtbot,
    area: AttachmentArea,
    scene: LinkScene,
    services: Services,
    contact_id: int,
    meeting: int,
) -> None:
    area.use_link_sources(scene.sources)
    area.show_for(contact_id, None)

    area.link_buttons.buttons[LinkService.DROPBOX].click()
    with qtbot.waitSignal(area.draft_changed, timeout=3000):
        pick(qtbot, shown_browser(qtbot, area.linker), "Archive")

    [row] = area.rows
    assert "linked on saving" in row.meta_label.text() and area.has_pending()
    assert services.documents.for_activity(meeting) == []
    assert area.attach_pending(meeting) == []
    [kept] = services.documents.for_activity(meeting)
    assert kept.link is not None and kept.name == "Archive"
    assert not area.has_pending() and [r.shown.key for r in area.rows] == [kept.id]


def test_a_discarded_draft_links_nothing(
    qtbot, area: AttachmentArea, scene: LinkScene, services: Services, contact_id: int
) -> None:
    area.use_link_sources(scene.sources)
    area.show_for(contact_id, None)
    area.link_buttons.buttons[LinkService.DROPBOX].click()
    with qtbot.waitSignal(area.draft_changed, timeout=3000):
        pick(qtbot, shown_browser(qtbot, area.linker), "Archive")

    area.forget_pending()

    assert area.rows == [] and area.pending_links() == []
    assert services.documents.listing(contact_id).is_empty()
