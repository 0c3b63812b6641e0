"""Folder links kept as documents: on the contact or an activity, listed with the files,
kept once, removed with undo, and what a check found; the check itself over sources."""

from __future__ import annotations

from datetime import timedelta

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services import folder_links
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.folder_links import (
    FolderLink,
    FolderLinkError,
    FolderSource,
    LinkService,
    LinkState,
    LinkToCheck,
    check_links,
)

LEVI = FolderLink(
    LinkService.DROPBOX,
    "https://www.dropbox.com/scl/fo/abc/Levi?rlkey=x&dl=0",
    "Levi Consulting",
    "/Clients/Levi Consulting",
    "id:abc",
)
PLANS = FolderLink(
    LinkService.DRIVE, "https://drive.google.com/drive/folders/1xyz", "תוכניות", "", "1xyz"
)


def _meeting(services: Services, contact_id: int) -> int:
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.title = "פגישת היכרות"
    return services.activities.create(contact_id, draft)


def test_links_are_listed_with_the_files_on_the_contact_and_its_activity(
    services: Services, contact_id: int
) -> None:
    meeting = _meeting(services, contact_id)
    own = services.documents.add_link(contact_id, None, LEVI)
    on_meeting = services.documents.add_link(None, meeting, PLANS)

    listing = services.documents.listing(contact_id)

    [mine] = listing.own
    assert mine.id == own and mine.link is not None and mine.size is None
    assert (mine.link.service, mine.link.url, mine.link.path) == (
        LinkService.DROPBOX,
        LEVI.url,
        LEVI.path,
    )
    [group] = listing.by_activity
    assert [d.id for d in group.documents] == [on_meeting]
    assert [d.name for d in services.documents.for_activity(meeting)] == ["תוכניות"]
    assert services.documents.file_path(own) is None


def test_the_same_link_twice_on_one_place_is_kept_once(
    services: Services, contact_id: int
) -> None:
    meeting = _meeting(services, contact_id)
    first = services.documents.add_link(contact_id, None, LEVI)

    again = services.documents.add_link(contact_id, None, LEVI)
    elsewhere = services.documents.add_link(None, meeting, LEVI)

    assert again == first and elsewhere != first
    assert len(services.documents.for_contact(contact_id)) == 1


def test_a_removed_link_comes_back_with_undo(services: Services, contact_id: int) -> None:
    link = services.documents.add_link(contact_id, None, LEVI)

    services.documents.remove(link)
    assert services.documents.for_contact(contact_id) == []
    assert services.documents.links_to_check(contact_id) == []
    services.documents.restore(link)

    assert [d.id for d in services.documents.for_contact(contact_id)] == [link]


def test_a_check_is_kept_and_only_stale_links_are_asked_about_again(
    services: Services, contact_id: int, clock: FrozenClock
) -> None:
    levi = services.documents.add_link(contact_id, None, LEVI)
    plans = services.documents.add_link(contact_id, None, PLANS)
    clock.advance(timedelta(minutes=20))
    recently = clock.now() - timedelta(minutes=15)
    assert {link.document_id for link in services.documents.links_to_check(contact_id)} == {
        levi,
        plans,
    }
    assert len(services.documents.links_to_check(contact_id, checked_before=recently)) == 2

    changed = services.documents.mark_links({levi: LinkState.DEAD, plans: LinkState.LIVE})

    assert changed == [levi]
    states = {d.id: d.link.state for d in services.documents.for_contact(contact_id) if d.link}
    assert states == {levi: LinkState.DEAD, plans: LinkState.LIVE}
    assert services.documents.links_to_check(contact_id, checked_before=recently) == []


class _Source:
    def __init__(self, service: LinkService, alive: set[str], failing: str = "") -> None:
        self.service = service
        self._alive = alive
        self._failing = failing
        self.asked: list[str] = []

    def is_alive(self, url: str, target: str) -> bool:
        self.asked.append(target)
        if self._failing:
            raise FolderLinkError(self._failing)
        return target in self._alive


def test_a_check_answers_dead_or_live_and_leaves_out_what_it_could_not_ask() -> None:
    dropbox = _Source(LinkService.DROPBOX, alive={"id:a"})
    drive = _Source(LinkService.DRIVE, set(), failing=folder_links.RECONNECT_NEEDED)
    links = [
        LinkToCheck(1, LinkService.DROPBOX, "u1", "id:a"),
        LinkToCheck(2, LinkService.DROPBOX, "u2", "id:b"),
        LinkToCheck(3, LinkService.DRIVE, "u3", "1a"),
        LinkToCheck(4, LinkService.DRIVE, "u4", "1b"),
    ]
    sources: dict[LinkService, FolderSource] = {
        LinkService.DROPBOX: dropbox,  # type: ignore[dict-item]
        LinkService.DRIVE: drive,  # type: ignore[dict-item]
    }

    states = check_links(links, sources.get)

    assert states == {1: LinkState.LIVE, 2: LinkState.DEAD}
    # A refused account is not asked again for each of its other links.
    assert drive.asked == ["1a"]
