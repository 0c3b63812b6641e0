"""`kesher-desktop import FILE [FILE...]`: import contacts from the command line.

Also words an import report for people (the import dialog shows the same text), in the
"ImportReport" translation context.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from kesher_desktop import paths
from kesher_desktop.clock import Clock
from kesher_desktop.db.migrate import DatabaseTooNewError
from kesher_desktop.db.store import StoreUnavailableError, open_sqlite
from kesher_desktop.services.importing import ContactImporter, ImportReport, Skip
from kesher_desktop.services.importing.records import (
    NoReadableFileError,
    UnreadableFile,
    UnreadableFileError,
)
from kesher_desktop.settings import Settings
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.messages import store_problem_text
from kesher_desktop.ui.widgets.bidi import isolate, shorten

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_UNREADABLE = 2
EXIT_STORE = 3
EXIT_CANCELLED = 130


def run_import(argv: list[str]) -> int:
    """Import the files named in `argv` (the arguments after `import`) into the user's store."""
    # translate() needs an application object; it must live until the report is written.
    app = QCoreApplication.instance() or QCoreApplication(["kesher-desktop"])
    install_language(app, Settings.load().language)
    log.debug("import from the command line app=%s files=%d", app.applicationName(), len(argv))
    if not argv or any(arg in ("-h", "--help") for arg in argv):
        usage = QCoreApplication.translate(
            "ImportReport", "Usage: kesher-desktop import FILE [FILE...]"
        )
        _write(usage, sys.stderr)
        return EXIT_OK if argv else EXIT_USAGE

    # Ctrl+C asks the import to stop after the batch under way, keeping what was imported.
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda _number, _frame: stop.set())
    try:
        store = open_sqlite(paths.database_path(), paths.backup_dir())
    except (DatabaseTooNewError, StoreUnavailableError) as error:
        _write(store_problem_text(error), sys.stderr)
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
        return EXIT_STORE
    try:
        report = ContactImporter(store, Clock()).import_paths(
            [Path(arg) for arg in argv], cancelled=stop.is_set
        )
    except UnreadableFileError as error:
        # Only when no file at all could be read; otherwise the report names those not read.
        _write(no_file_read_text(error), sys.stderr)
        return EXIT_UNREADABLE
    finally:
        store.close()
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)

    _write(report_text(report), sys.stdout)
    return EXIT_CANCELLED if report.cancelled else EXIT_OK


# -- wording ----------------------------------------------------------------------------
# Every string is spelled out in its own translate() call so that lupdate finds it.


def report_text(report: ImportReport) -> str:
    """The report as lines of text: the counts, then a line for each file not read and for
    each person skipped.
    """
    translate = QCoreApplication.translate
    # Counts follow a colon, so one wording reads right for any number in both languages.
    lines = [
        translate("ImportReport", "Contacts created: {count}").format(count=report.created),
        translate("ImportReport", "Merged into existing contacts: {count}").format(
            count=report.merged
        ),
        translate("ImportReport", "Skipped: {count}").format(count=len(report.skipped)),
    ]
    if report.unreadable:
        lines.append(
            translate("ImportReport", "Files that could not be read: {count}").format(
                count=len(report.unreadable)
            )
        )
    if report.cancelled:
        lines.append(
            translate(
                "ImportReport",
                "Cancelled before the end; not imported: {count}. "
                "Everything imported before the cancel was kept.",
            ).format(count=report.not_processed)
        )
    lines.extend(unreadable_file_text(file) for file in report.unreadable)
    lines.extend(skip_text(skip) for skip in report.skipped)
    return "\n".join(lines)


def skip_text(skip: Skip) -> str:
    """One skipped person: where in which file, who, and why."""
    translate = QCoreApplication.translate
    reasons = {
        "no_name_or_address": translate("ImportReport", "no name, organisation, e-mail or phone"),
        "malformed_email": translate("ImportReport", "“{detail}” is not a valid e-mail address"),
        "malformed_phone": translate("ImportReport", "“{detail}” is not a phone number"),
        "too_long": translate("ImportReport", "a field is too long ({detail})"),
    }
    detail = isolate(shorten(skip.detail))
    reason = reasons.get(skip.reason, skip.reason).format(detail=detail)
    if skip.name:
        text = translate("ImportReport", "{file}, line {line}: {name} skipped: {reason}")
    else:
        text = translate("ImportReport", "{file}, line {line}: skipped: {reason}")
    return text.format(
        file=isolate(skip.path.name),
        line=skip.line,
        name=isolate(shorten(skip.name)),
        reason=reason,
    )


def no_file_read_text(error: UnreadableFileError) -> str:
    """Why no file could be imported: one line for each file given."""
    files = error.files if isinstance(error, NoReadableFileError) else [UnreadableFile.of(error)]
    return "\n".join(unreadable_file_text(file) for file in files)


def unreadable_file_text(file: UnreadableFile) -> str:
    """Why a file cannot be imported, in the same words alone or in a report."""
    translate = QCoreApplication.translate
    texts = {
        "cannot_open": translate("ImportReport", "Cannot open {file}: {reason}."),
        "not_text": translate("ImportReport", "{file} is not a text file."),
        "unknown_encoding": translate(
            "ImportReport", "{file} is neither UTF-8 nor Hebrew Windows (1255) text."
        ),
        "unknown_format": translate(
            "ImportReport", "{file} is neither a vCard nor a Google or Outlook CSV file."
        ),
    }
    template = texts.get(file.code) or translate("ImportReport", "Cannot import {file}.")
    return template.format(file=isolate(file.path.name), reason=file.reason)


def _write(text: str, stream: TextIO) -> None:
    # The command's output is its interface, so it is written, not logged.
    stream.write(text + "\n")
