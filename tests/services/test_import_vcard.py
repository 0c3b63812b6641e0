"""vCard 2.1, 3.0 and 4.0 files read into exactly the fields they hold."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry
from kesher_desktop.services.importing import read_file
from kesher_desktop.services.importing.records import VCARD

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


def _drafts(name: str) -> list[ContactDraft]:
    parsed = read_file(DATA / name)
    assert parsed.kind == VCARD
    return [record.draft for record in parsed.records]


def test_android_2_1_quoted_printable_split_inside_a_letter() -> None:
    assert _drafts("android-export.vcf") == [
        ContactDraft(
            given_name="דנה",
            family_name="לוי",
            notes="לקוח\nחדש",
            phones=[PhoneEntry("+972521234567", "mobile")],
        )
    ]


def test_2_1_bare_parameters_charset_and_soft_break() -> None:
    assert _drafts("vcard21-bare-params.vcf") == [
        ContactDraft(
            given_name="יוסי",
            notes="פגישה בשבוע הבא",
            phones=[
                PhoneEntry("054-555-0179", "mobile"),
                PhoneEntry("03-555-0177", "work"),
                PhoneEntry("03-555-0178", "fax"),
            ],
            emails=[EmailEntry("yossi@example.com", "other")],
            tags=["Suppliers"],
        )
    ]


def test_3_0_escapes_folding_types_and_pref() -> None:
    first, second = _drafts("vcard30.vcf")

    assert first == ContactDraft(
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
    assert second == ContactDraft(
        given_name="Sarah Cohen-Levy",
        notes="This note is folded over two lines with the space kept.",
        phones=[PhoneEntry("+1 (212) 555-0142", "other")],
    )


def test_4_0_uri_phones_pref_ranks_and_birthday_without_year() -> None:
    assert _drafts("vcard40.vcf") == [
        ContactDraft(
            given_name="נועה",
            family_name="פרץ",
            organisation="פרץ הנדסה",
            address="רחוב הרצל 1, ירושלים, 9100000, ישראל",
            notes="שורה ראשונה\nשורה שנייה",
            phones=[
                PhoneEntry("+972-52-987-6543", "mobile"),
                PhoneEntry("+972-3-555-0123", "work"),
            ],
            emails=[
                EmailEntry("noa.p@example.org", "home"),
                EmailEntry("noa@peretz.example", "work"),
            ],
            tags=["ספקים", "לקוחות"],
            fields=[("Birthday", "--0314")],
        )
    ]


def test_records_know_their_place_in_the_file() -> None:
    records = read_file(DATA / "vcard30.vcf").records

    assert [(record.number, record.line) for record in records] == [(1, 1), (2, 21)]


def test_lf_line_endings_and_a_missing_end_still_read(tmp_path: Path) -> None:
    path = tmp_path / "cards.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Gil Tal\nEMAIL:gil@example.com\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Rina Ziv\n",
        encoding="utf-8",
    )

    names = [record.draft.given_name for record in read_file(path).records]

    assert names == ["Gil Tal", "Rina Ziv"]
