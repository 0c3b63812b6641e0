"""The import dialog: work off the UI thread, progress, cancel and the report it shows."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import Store
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.importing import ContactImporter, ImportReport
from kesher_desktop.services.importing.importer import DEFAULT_BATCH_SIZE
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.import_dialog import ImportDialog

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


def _dialog(qtbot: QtBot, store: Store, clock: FrozenClock, *names: str) -> ImportDialog:
    dialog = ImportDialog(store, clock, [DATA / name for name in names])
    qtbot.addWidget(dialog)
    return dialog


def test_imports_off_the_ui_thread_and_shows_the_report(
    qtbot: QtBot,
    store: Store,
    clock: FrozenClock,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[int] = []
    real = ContactImporter.import_paths

    def spying(self: ContactImporter, *args: object, **kwargs: object) -> ImportReport:
        threads.append(threading.get_ident())
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ContactImporter, "import_paths", spying)
    dialog = _dialog(qtbot, store, clock, "duplicates.csv")

    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
        dialog.show()

    report = finished.args[0]
    assert threads and threads[0] != threading.get_ident()
    assert (report.created, report.merged, len(report.skipped)) == (2, 2, 3)
    assert services.contacts.count() == 2
    assert dialog.status.text() == "Import finished."
    assert dialog.details.isVisible()
    assert dialog.details.toPlainText().splitlines()[:3] == [
        "Contacts created: 2",
        "Merged into existing contacts: 2",
        "Skipped: 3",
    ]
    assert (dialog.progress.value(), dialog.progress.maximum()) == (7, 7)
    assert not dialog.is_running()


def test_cancel_before_the_first_batch_imports_nothing(
    qtbot: QtBot, store: Store, clock: FrozenClock, services: Services
) -> None:
    dialog = _dialog(qtbot, store, clock, "vcard30.vcf")
    dialog.cancel()

    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
        dialog.start()

    report = finished.args[0]
    assert report.cancelled
    assert report.not_processed == 2
    assert services.contacts.count() == 0
    assert dialog.status.text() == "Import cancelled."


def test_cancel_button_while_running_keeps_the_batches_committed_and_stops(
    qtbot: QtBot,
    store: Store,
    clock: FrozenClock,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # Three batches' worth of people; the worker is held after its first batch.
    people = 2 * DEFAULT_BATCH_SIZE + 10
    cards = "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Person{i};Test;;;\r\nFN:Test Person{i}\r\n"
        f"EMAIL;TYPE=INTERNET:person{i}@example.com\r\nEND:VCARD\r\n"
        for i in range(people)
    )
    file = tmp_path / "many.vcf"
    file.write_text(cards, encoding="utf-8")
    first_batch_done, resume = threading.Event(), threading.Event()
    real = ContactImporter._import_batch

    def held_after_the_first(self: ContactImporter, *args: object) -> None:
        real(self, *args)  # type: ignore[arg-type]
        first_batch_done.set()
        assert resume.wait(timeout=10)

    monkeypatch.setattr(ContactImporter, "_import_batch", held_after_the_first)
    dialog = ImportDialog(store, clock, [file])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(first_batch_done.is_set, timeout=10_000)

    dialog.buttons.rejected.emit()

    # Still open, Cancel greyed out until the batch under way is committed.
    assert dialog.isVisible() and not dialog.buttons.isEnabled()
    assert dialog.status.text() == "Cancelling after the current batch…"
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
        resume.set()
    report = finished.args[0]
    assert report.cancelled
    assert report.created == DEFAULT_BATCH_SIZE
    assert report.not_processed == people - DEFAULT_BATCH_SIZE
    assert services.contacts.count() == DEFAULT_BATCH_SIZE
    assert dialog.status.text() == "Import cancelled."
    assert dialog.buttons.isEnabled() and not dialog.is_running()


def test_unreadable_file_is_explained(qtbot: QtBot, store: Store, clock: FrozenClock) -> None:
    dialog = _dialog(qtbot, store, clock, "not-contacts.txt")

    dialog.show()

    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=10_000)
    assert dialog.status.text() == (
        "\u2068not-contacts.txt\u2069 is neither a vCard nor a Google or Outlook CSV file."
    )
    assert dialog.report is None


def test_readable_files_are_imported_and_each_unreadable_one_is_named(
    qtbot: QtBot, store: Store, clock: FrozenClock, services: Services
) -> None:
    dialog = _dialog(qtbot, store, clock, "binary.xlsx", "vcard30.vcf", "not-contacts.txt")

    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
        dialog.show()

    report = finished.args[0]
    assert (report.total, report.created, report.merged, len(report.skipped)) == (2, 2, 0, 0)
    assert [row.name for row in services.contacts.list_page("", 0, 10)] == [
        "Avi Ben Mizrahi",
        "Sarah Cohen-Levy",
    ]
    assert dialog.status.text() == "Import finished."
    assert dialog.details.isVisible()
    assert dialog.details.toPlainText().splitlines() == [
        "Contacts created: 2",
        "Merged into existing contacts: 0",
        "Skipped: 0",
        "Files that could not be read: 2",
        "\u2068binary.xlsx\u2069 is not a text file.",
        "\u2068not-contacts.txt\u2069 is neither a vCard nor a Google or Outlook CSV file.",
    ]
    assert (dialog.progress.value(), dialog.progress.maximum()) == (2, 2)


def test_the_unreadable_file_in_the_report_follows_a_change_of_language(
    qtbot: QtBot, store: Store, clock: FrozenClock
) -> None:
    dialog = _dialog(qtbot, store, clock, "android-export.vcf", "binary.xlsx")
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
        dialog.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    install_language(app, "he")
    try:
        lines = dialog.details.toPlainText().splitlines()
        hebrew = QCoreApplication.translate("ImportReport", "{file} is not a text file.")
    finally:
        install_language(app, "en")

    assert hebrew != "{file} is not a text file."
    assert hebrew.format(file="\u2068binary.xlsx\u2069") in lines


def test_when_no_file_can_be_read_each_is_named_and_there_is_no_report(
    qtbot: QtBot, store: Store, clock: FrozenClock, services: Services
) -> None:
    dialog = _dialog(qtbot, store, clock, "not-contacts.txt", "binary.xlsx")

    dialog.show()

    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=10_000)
    assert dialog.status.text().splitlines() == [
        "\u2068not-contacts.txt\u2069 is neither a vCard nor a Google or Outlook CSV file.",
        "\u2068binary.xlsx\u2069 is not a text file.",
    ]
    assert dialog.report is None
    assert not dialog.details.isVisible()
    assert services.contacts.count() == 0


def _line_edges(edit: QPlainTextEdit) -> list[tuple[float, float]]:
    """Where each line of the text box starts and ends, in the box's own pixels."""
    edges = []
    block = edit.document().firstBlock()
    while block.isValid():
        line = block.layout().lineAt(0)
        edges.append((line.naturalTextRect().left(), line.naturalTextRect().right()))
        block = block.next()
    return edges


@pytest.mark.parametrize("language", ["he", "en"])
def test_report_lines_start_at_the_leading_edge(
    qtbot: QtBot, store: Store, clock: FrozenClock, language: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, language)
    try:
        dialog = _dialog(qtbot, store, clock, "duplicates.csv")
        with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
            dialog.show()
        qtbot.waitUntil(lambda: dialog.details.document().firstBlock().layout().lineCount() > 0)
        edges = _line_edges(dialog.details)
    finally:
        install_language(app, "en")

    # Counts and skipped people alike, in both languages, hug the edge the page reads from.
    margin = dialog.details.document().documentMargin()
    leading_edge = margin if language == "en" else dialog.details.viewport().width() - margin
    assert len(edges) == 6
    assert all(
        abs((left if language == "en" else right) - leading_edge) < 1 for left, right in edges
    )
