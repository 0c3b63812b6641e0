"""`kesher-desktop import FILE...`: the report it prints and what it returns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kesher_desktop import paths
from kesher_desktop.cli_import import run_import
from kesher_desktop.clock import Clock
from kesher_desktop.db.store import open_sqlite
from kesher_desktop.services.contacts import ContactService
from kesher_desktop.settings import Settings
from kesher_desktop.ui.i18n import install_language

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


def _iso(text: str) -> str:
    return f"\u2068{text}\u2069"


@pytest.fixture(autouse=True)
def _application(qapp: QApplication) -> Iterator[None]:
    """The test session's QApplication, so run_import does not make a bare core one.

    The report follows the language in the settings; these tests read it in English and
    put the shared application back to English afterwards.
    """
    Settings(language="en").save()
    yield
    install_language(qapp, "en")


def test_report_is_in_the_language_of_the_settings(capsys: pytest.CaptureFixture[str]) -> None:
    Settings(language="he").save()
    assert run_import([str(DATA / "android-export.vcf")]) == 0
    out = capsys.readouterr().out
    assert "Contacts created" not in out
    assert any("\u05d0" <= char <= "\u05ea" for char in out)


def test_imports_into_the_users_store_and_prints_the_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = run_import([str(DATA / "duplicates.csv"), str(DATA / "android-export.vcf")])

    assert code == 0
    assert capsys.readouterr().out.splitlines() == [
        "Contacts created: 3",
        "Merged into existing contacts: 2",
        "Skipped: 3",
        # Values are set off with bidi isolates, so they read right inside Hebrew sentences.
        f"{_iso('duplicates.csv')}, line 6: {_iso('Bad Mail')} skipped: "
        f"“{_iso('bad@@example')}” is not a valid e-mail address",
        f"{_iso('duplicates.csv')}, line 7: skipped: no name, organisation, e-mail or phone",
        f"{_iso('duplicates.csv')}, line 8: {_iso('No Digits')} skipped: "
        f"“{_iso('call me')}” is not a phone number",
    ]
    store = open_sqlite(paths.database_path())
    try:
        assert ContactService(store, Clock()).count() == 3
    finally:
        store.close()


def _stored_names() -> list[str]:
    store = open_sqlite(paths.database_path())
    try:
        return [row.name for row in ContactService(store, Clock()).list_page("", 0, 10)]
    finally:
        store.close()


def test_the_readable_files_are_imported_and_the_unreadable_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = run_import(
        [str(DATA / "vcard30.vcf"), str(DATA / "not-contacts.txt"), str(DATA / "binary.xlsx")]
    )

    assert code == 0
    printed = capsys.readouterr()
    assert printed.out.splitlines() == [
        "Contacts created: 2",
        "Merged into existing contacts: 0",
        "Skipped: 0",
        "Files that could not be read: 2",
        f"{_iso('not-contacts.txt')} is neither a vCard nor a Google or Outlook CSV file.",
        f"{_iso('binary.xlsx')} is not a text file.",
    ]
    assert printed.err == ""
    assert _stored_names() == ["Avi Ben Mizrahi", "Sarah Cohen-Levy"]


def test_the_unreadable_file_is_named_in_the_language_of_the_settings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Settings(language="he").save()

    assert run_import([str(DATA / "binary.xlsx"), str(DATA / "android-export.vcf")]) == 0

    (line,) = [line for line in capsys.readouterr().out.splitlines() if "binary.xlsx" in line]
    assert "not a text file" not in line
    assert any("\u05d0" <= char <= "\u05ea" for char in line)


def test_a_lone_unreadable_file_returns_2_and_imports_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = run_import([str(DATA / "not-contacts.txt")])

    assert code == 2
    printed = capsys.readouterr()
    assert printed.err.strip() == (
        f"{_iso('not-contacts.txt')} is neither a vCard nor a Google or Outlook CSV file."
    )
    assert printed.out == ""
    assert _stored_names() == []


def test_when_no_file_can_be_read_each_is_named_and_2_returned(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = run_import([str(DATA / "binary.xlsx"), str(DATA / "not-contacts.txt")])

    assert code == 2
    printed = capsys.readouterr()
    assert printed.err.splitlines() == [
        f"{_iso('binary.xlsx')} is not a text file.",
        f"{_iso('not-contacts.txt')} is neither a vCard nor a Google or Outlook CSV file.",
    ]
    assert printed.out == ""
    assert _stored_names() == []


def test_missing_file_returns_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run_import([str(tmp_path / "gone.vcf")]) == 2
    assert capsys.readouterr().err.startswith(f"Cannot open {_iso('gone.vcf')}:")


def test_no_files_prints_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import([]) == 1
    assert "Usage: kesher-desktop import FILE" in capsys.readouterr().err


def test_a_database_from_a_newer_version_is_refused_with_a_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import sqlite3

    open_sqlite(paths.database_path()).close()
    with sqlite3.connect(paths.database_path()) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")

    assert run_import([str(DATA / "vcard30.vcf")]) == 3
    assert "newer version of Kesher" in capsys.readouterr().err


def test_a_data_folder_that_cannot_be_made_is_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A file where the data folder should be: no folder can be made there, even as root.
    blocker = tmp_path / "blocked"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KESHER_HOME", str(blocker))

    assert run_import([str(DATA / "vcard30.vcf")]) == 3
    err = capsys.readouterr().err
    # The settings sit in that folder too, so the message comes in the default Hebrew.
    assert "לא ניתן לפתוח או ליצור את קובץ אנשי הקשר" in err
    assert str(blocker / "data" / "kesher.sqlite3") in err
