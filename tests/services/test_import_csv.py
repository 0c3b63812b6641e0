"""Google Contacts and Outlook CSV exports read into exactly the fields they hold."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry
from kesher_desktop.services.importing import read_file
from kesher_desktop.services.importing.records import GOOGLE_CSV, OUTLOOK_CSV

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


def test_google_export_older_columns() -> None:
    parsed = read_file(DATA / "google-contacts-export.csv")

    assert (parsed.kind, parsed.encoding) == (GOOGLE_CSV, "utf-8")
    assert [record.draft for record in parsed.records] == [
        ContactDraft(
            given_name="דנה",
            family_name="לוי",
            phones=[PhoneEntry("+972 52-123-4567", "mobile"), PhoneEntry("03-555-0101", "work")],
            emails=[
                EmailEntry("dana.levi@example.com", "work"),
                EmailEntry("dana.home@example.net", "home"),
            ],
            tags=["לקוחות", "VIP"],
        )
    ]


def test_google_export_current_columns_with_bom() -> None:
    parsed = read_file(DATA / "google-bom.csv")

    assert (parsed.kind, parsed.encoding) == (GOOGLE_CSV, "utf-8-sig")
    assert [(record.number, record.line) for record in parsed.records] == [(1, 2), (2, 4)]
    assert [record.draft for record in parsed.records] == [
        ContactDraft(
            given_name="תמר",
            family_name="שלום",
            organisation="שלום ושות'",
            role="יועצת",
            address="רחוב הנביאים 7, חיפה",
            birthday=date(1975, 11, 2),
            notes="לקוחה מהכנס",
            phones=[PhoneEntry("050-555-0131", "mobile"), PhoneEntry("09-555-0132", "mobile")],
            # The "* " marks the primary address, which goes first.
            emails=[
                EmailEntry("tamar@shalom.example", "work"),
                EmailEntry("tamar@example.org", "home"),
            ],
            tags=["ספקים"],
        ),
        ContactDraft(
            given_name="Itai",
            address="5 Rothschild Blvd, Tel Aviv, Israel",
            phones=[PhoneEntry("+972 3 555 0140", "fax")],
        ),
    ]


def test_outlook_export_in_windows_1255() -> None:
    parsed = read_file(DATA / "outlook-1255.csv")

    assert (parsed.kind, parsed.encoding) == (OUTLOOK_CSV, "windows-1255")
    assert [record.draft for record in parsed.records] == [
        ContactDraft(
            given_name="רונית",
            family_name="אזולאי",
            organisation="אזולאי שיווק",
            role="מנהלת",
            address="רחוב יפו 5, ירושלים, 9422205, ישראל",
            birthday=date(1985, 3, 14),
            notes="לקוחה ותיקה\nמעדיפה טלפון",
            phones=[
                PhoneEntry("052-555-0102", "mobile"),
                PhoneEntry("02-555-0101", "work"),
                PhoneEntry("02-555-0100", "fax"),
            ],
            emails=[
                EmailEntry("ronit@azoulay.example", "other"),
                EmailEntry("ronit.home@example.net", "other"),
            ],
            tags=["לקוחות", "VIP"],
        ),
        # An Exchange user's directory path is not an e-mail address and is left out; the
        # file's 14/3/1985 shows its dates are day first, so 1/2/1990 is the 1st of February.
        ContactDraft(
            given_name="Omer",
            family_name="Biton",
            address="3 Ha'Atzmaut Rd, Ashdod, 7700000, Israel",
            birthday=date(1990, 2, 1),
            phones=[PhoneEntry("08-555-0111", "home")],
            tags=["Suppliers"],
        ),
    ]


def test_outlook_columns_found_by_name_in_any_order_month_first(tmp_path: Path) -> None:
    path = tmp_path / "outlook.csv"
    path.write_text(
        "Notes,E-mail Address,Mobile Phone,Last Name,First Name,Birthday,Categories\n"
        "Likes tea,gal@example.com,052-555-0170,Noy,Gal,3/25/1991,A; B\n",
        encoding="utf-8",
    )

    (record,) = read_file(path).records

    assert record.draft == ContactDraft(
        given_name="Gal",
        family_name="Noy",
        birthday=date(1991, 3, 25),
        notes="Likes tea",
        phones=[PhoneEntry("052-555-0170", "mobile")],
        emails=[EmailEntry("gal@example.com", "other")],
        tags=["A", "B"],
    )


def test_semicolon_separated_csv(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text("First Name;Last Name;E-mail Address\nLior;Dahan;lior@example.com\n")

    (record,) = read_file(path).records

    assert (record.draft.given_name, record.draft.emails) == (
        "Lior",
        [EmailEntry("lior@example.com", "other")],
    )
