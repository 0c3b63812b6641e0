"""Importing into the store: merging by e-mail or phone, skips with reasons, progress, cancel."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db import ranking, sort_rank
from kesher_desktop.db.store import Store
from kesher_desktop.models import Contact, ContactPhone
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry
from kesher_desktop.services.importing import (
    ContactImporter,
    NoReadableFileError,
    ParsedFile,
    ParsedRecord,
    Skip,
    UnreadableFile,
    UnreadableFileError,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


def _importer(store: Store, clock: FrozenClock, batch_size: int = 500) -> ContactImporter:
    return ContactImporter(store, clock, batch_size=batch_size)


def test_stores_every_field_and_the_e164_forms(
    store: Store, clock: FrozenClock, services: Services
) -> None:
    report = _importer(store, clock).import_paths([DATA / "vcard30.vcf"])

    assert (report.total, report.created, report.merged, report.skipped) == (2, 2, 0, [])
    avi = services.contacts.get(report.changed_ids[0])
    assert avi == ContactDraft(
        given_name="Avi Ben",
        family_name="Mizrahi",
        organisation="Acme, Ltd",
        role="Head of sales",
        address="12 Herzl St, floor 3, Tel Aviv, 6100000, Israel",
        birthday=date(1980, 7, 21),
        notes="Met at the fair; wants a quote.\nCall back in May.",
        phones=[
            PhoneEntry("+972 54 765 4321", "mobile"),
            PhoneEntry("03-555-0199", "work"),
            PhoneEntry("03-555-0198", "fax"),
        ],
        emails=[
            EmailEntry("Avi.Mizrahi@Acme.example", "work"),
            EmailEntry("avi.home@example.net", "home"),
        ],
        tags=["Clients", "VIP"],
        fields=[("Home address", "4 Hagefen St, Haifa, Israel")],
    )
    with store.session() as session:
        e164s = session.scalars(
            select(ContactPhone.e164)
            .where(ContactPhone.contact_id == report.changed_ids[0])
            .order_by(ContactPhone.position)
        ).all()
    assert e164s == ["+972547654321", "+97235550199", "+97235550198"]


def test_imported_contacts_are_searchable(
    store: Store, clock: FrozenClock, services: Services
) -> None:
    _importer(store, clock).import_paths([DATA / "vcard30.vcf", DATA / "vcard40.vcf"])

    assert [row.name for row in services.contacts.list_page("mizr", 0, 10)] == ["Avi Ben Mizrahi"]
    assert [row.name for row in services.contacts.list_page("052-987", 0, 10)] == ["נועה פרץ"]


def test_merges_into_a_stored_contact_without_overwriting(
    store: Store, clock: FrozenClock, services: Services, contact_id: int
) -> None:
    report = _importer(store, clock).import_paths([DATA / "google-contacts-export.csv"])

    assert (report.created, report.merged, report.changed_ids) == (0, 1, [contact_id])
    assert services.contacts.get(contact_id) == ContactDraft(
        given_name="דנה",
        family_name="לוי",
        organisation="לוי ייעוץ",
        phones=[PhoneEntry("052-123-4567", "mobile"), PhoneEntry("03-555-0101", "work")],
        emails=[
            EmailEntry("dana.levi@example.com", "work"),
            EmailEntry("dana.home@example.net", "home"),
        ],
        tags=["VIP", "לקוחות"],
    )
    assert services.contacts.count() == 1


def test_same_phone_in_two_formats_merges_across_files(
    store: Store, clock: FrozenClock, services: Services
) -> None:
    report = _importer(store, clock).import_paths(
        [DATA / "android-export.vcf", DATA / "google-contacts-export.csv"]
    )

    assert (report.created, report.merged) == (1, 1)
    (only,) = report.changed_ids[:1]
    assert services.contacts.get(only) == ContactDraft(
        given_name="דנה",
        family_name="לוי",
        notes="לקוח\nחדש",
        phones=[PhoneEntry("+972521234567", "mobile"), PhoneEntry("03-555-0101", "work")],
        emails=[
            EmailEntry("dana.levi@example.com", "work"),
            EmailEntry("dana.home@example.net", "home"),
        ],
        tags=["VIP", "לקוחות"],
    )


@pytest.mark.parametrize("batch_size", [1, 3, 500])
def test_duplicates_inside_one_file_and_skips(
    store: Store, clock: FrozenClock, services: Services, batch_size: int
) -> None:
    path = DATA / "duplicates.csv"

    report = _importer(store, clock, batch_size).import_paths([path])

    assert (report.total, report.created, report.merged) == (7, 2, 2)
    assert report.skipped == [
        Skip(path, 5, 6, "Bad Mail", "malformed_email", "bad@@example"),
        Skip(path, 6, 7, "", "no_name_or_address", "given_name"),
        Skip(path, 7, 8, "No Digits", "malformed_phone", "call me"),
    ]
    rows = services.contacts.list_page("", 0, 10)
    assert [row.name for row in rows] == ["Boaz Adler", "Yael Katz"]
    yael = services.contacts.get(rows[1].id)
    assert yael == ContactDraft(
        given_name="Yael",
        family_name="Katz",
        organisation="Katz Design",
        phones=[PhoneEntry("052-555-0150", "mobile"), PhoneEntry("03-555-0151", "work")],
        emails=[EmailEntry("yael.katz@example.com", "work")],
        tags=["Clients", "Partners"],
    )
    boaz = services.contacts.get(rows[0].id)
    assert (boaz.organisation, boaz.phones) == (
        "Adler Ltd",
        [PhoneEntry("+972 52 555 0160", "mobile")],
    )


def test_importing_again_adds_nothing_twice(
    store: Store, clock: FrozenClock, services: Services
) -> None:
    importer = _importer(store, clock)
    first = importer.import_paths([DATA / "outlook-1255.csv"])

    again = importer.import_paths([DATA / "outlook-1255.csv"])

    assert (first.created, again.created, again.merged) == (2, 0, 2)
    assert sorted(again.changed_ids) == sorted(first.changed_ids)
    ronit = services.contacts.get(first.changed_ids[0])
    assert len(ronit.phones) == 3
    assert len(ronit.emails) == 2


def test_progress_after_each_batch(store: Store, clock: FrozenClock) -> None:
    calls: list[tuple[int, int]] = []

    _importer(store, clock, batch_size=2).import_paths(
        [DATA / "google-bom.csv", DATA / "vcard30.vcf"],
        progress=lambda done, total: calls.append((done, total)),
    )

    assert calls == [(0, 4), (2, 4), (4, 4)]


def test_cancel_keeps_committed_batches(
    store: Store, clock: FrozenClock, services: Services
) -> None:
    done_so_far: list[int] = []

    report = _importer(store, clock, batch_size=2).import_paths(
        [DATA / "google-bom.csv", DATA / "vcard30.vcf"],
        progress=lambda done, _total: done_so_far.append(done),
        cancelled=lambda: done_so_far[-1] >= 2,
    )

    assert report.cancelled
    assert (report.created, report.merged, report.not_processed) == (2, 0, 2)
    assert [row.name for row in services.contacts.list_page("", 0, 10)] == ["Itai", "תמר שלום"]


def test_the_readable_files_are_imported_and_each_unreadable_one_named(
    store: Store, clock: FrozenClock, services: Services, tmp_path: Path
) -> None:
    calls: list[tuple[int, int]] = []
    paths = [
        DATA / "binary.xlsx",
        DATA / "vcard30.vcf",
        tmp_path / "gone.csv",
        DATA / "google-bom.csv",
        DATA / "not-contacts.txt",
    ]

    report = _importer(store, clock, batch_size=2).import_paths(
        paths, progress=lambda done, total: calls.append((done, total))
    )

    # The counts and the progress cover the two files that could be read.
    assert (report.total, report.created, report.merged, report.skipped) == (4, 4, 0, [])
    assert not report.cancelled and report.not_processed == 0
    assert calls == [(0, 4), (2, 4), (4, 4)]
    assert report.unreadable == [
        UnreadableFile(DATA / "binary.xlsx", "not_text"),
        UnreadableFile(tmp_path / "gone.csv", "cannot_open", os.strerror(errno.ENOENT)),
        UnreadableFile(DATA / "not-contacts.txt", "unknown_format"),
    ]
    assert [row.name for row in services.contacts.list_page("", 0, 10)] == [
        "Avi Ben Mizrahi",
        "Itai",
        "Sarah Cohen-Levy",
        "תמר שלום",
    ]


def test_when_no_file_can_be_read_each_is_named_and_nothing_imported(
    store: Store, clock: FrozenClock, services: Services
) -> None:
    with pytest.raises(NoReadableFileError) as raised:
        _importer(store, clock).import_paths([DATA / "binary.xlsx", DATA / "not-contacts.txt"])

    assert raised.value.files == [
        UnreadableFile(DATA / "binary.xlsx", "not_text"),
        UnreadableFile(DATA / "not-contacts.txt", "unknown_format"),
    ]
    # Whoever expects the one file's UnreadableFileError still gets it.
    assert isinstance(raised.value, UnreadableFileError)
    assert (raised.value.code, raised.value.path) == ("not_text", DATA / "binary.xlsx")
    assert services.contacts.count() == 0


def test_a_file_read_cleanly_leaves_nothing_unreadable(store: Store, clock: FrozenClock) -> None:
    assert _importer(store, clock).import_paths([DATA / "vcard30.vcf"]).unreadable == []


def _people(path: Path, names: list[str]) -> ParsedFile:
    records = [
        ParsedRecord(number, number + 1, ContactDraft(given_name=name))
        for number, name in enumerate(names, start=1)
    ]
    return ParsedFile(path, "google_csv", "utf-8", records)


@pytest.mark.parametrize("highest", [20, 32])
def test_imported_contacts_ranked_before_they_go_in_stay_in_name_order(
    store: Store,
    clock: FrozenClock,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    highest: int,
) -> None:
    # New contacts are ranked before their rows are inserted. With 32 ranks their
    # neighbours are spaced out to make room; with 20 the ranking gives up and everyone is
    # renumbered once the rows are in.
    monkeypatch.setattr(sort_rank, "HIGHEST", highest)
    monkeypatch.setattr(ranking, "HIGHEST", highest)
    monkeypatch.setattr(sort_rank, "SPACING", 1)
    monkeypatch.setattr(ranking, "MIN_STEP", 2)
    monkeypatch.setattr(ranking, "FIRST_WINDOW", 1)
    existing = list("bcdefgh")
    for name in existing:
        services.contacts.create(ContactDraft(given_name=name))

    added = ["gggggg", "bb", "ggg", "gg", "ggggg", "gggg"]
    report = _importer(store, clock).import_files([_people(DATA / "made-up.csv", added)])

    assert report.created == len(added)
    names = sorted(existing + added)
    assert [row.name for row in services.contacts.list_page("", 0, 20)] == names
    with store.session() as session:
        ranks = session.scalars(select(Contact.search_rank).order_by(Contact.sort_key)).all()
    assert None not in ranks and list(ranks) == sorted(ranks)
    for name in names:
        assert name in [row.name for row in services.contacts.list_page(name, 0, 20)]


def test_imported_timestamps_are_stored_as_the_store_writes_them(
    store: Store, clock: FrozenClock, services: Services, contact_id: int
) -> None:
    report = _importer(store, clock).import_paths([DATA / "vcard30.vcf"])

    with store.session() as session:
        rows = session.execute(text("SELECT id, created_at || '|' || updated_at FROM contacts"))
        stored = {contact: stamps for contact, stamps in rows}
    assert stored[report.changed_ids[0]] == stored[contact_id]
