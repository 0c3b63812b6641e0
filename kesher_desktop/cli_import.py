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
from kesher_desktop.db.store import open_sqlite
from kesher_desktop.services.importing import ContactImporter, ImportReport, Skip
from kesher_desktop.services.importing.records import UnreadableFileError
from kesher_desktop.settings import Settings
from kesher_desktop.ui.i18n import install_language

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_UNREADABLE = 2
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
    store = open_sqlite(paths.database_path(), paths.backup_dir())
    try:
        report = ContactImporter(store, Clock()).import_paths(
            [Path(arg) for arg in argv], cancelled=stop.is_set
        )
    except UnreadableFileError as error:
        _write(file_error_text(error), sys.stderr)
        return EXIT_UNREADABLE
    finally:
        store.close()
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)

    _write(report_text(report), sys.stdout)
    return EXIT_CANCELLED if report.cancelled else EXIT_OK


# -- wording ----------------------------------------------------------------------------
# Every string is spelled out in its own translate() call so that lupdate finds it.


def report_text(report: ImportReport) -> str:
    """The report as lines of text: the counts, then one line for each person skipped."""
    translate = QCoreApplication.translate
    # lupdate only sees a plural's count when it is a plain name, so each gets one.
    created, merged, skipped = report.created, report.merged, len(report.skipped)
    lines = [
        translate("ImportReport", "%n contact(s) created.", None, created),
        translate("ImportReport", "%n merged into existing contacts.", None, merged),
        translate("ImportReport", "%n skipped.", None, skipped),
    ]
    if report.cancelled:
        not_imported = report.not_processed
        lines.append(
            translate(
                "ImportReport",
                "Cancelled: %n not imported; everything before the cancel was kept.",
                None,
                not_imported,
            )
        )
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
    reason = reasons.get(skip.reason, skip.reason).format(detail=skip.detail)
    if skip.name:
        text = translate("ImportReport", "{file}, line {line}: {name} skipped: {reason}")
    else:
        text = translate("ImportReport", "{file}, line {line}: skipped: {reason}")
    return text.format(file=skip.path.name, line=skip.line, name=skip.name, reason=reason)


def file_error_text(error: UnreadableFileError) -> str:
    """Why a file cannot be imported; when one cannot, nothing from any file is imported."""
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
    template = texts.get(error.code) or translate("ImportReport", "Cannot import {file}.")
    name = error.path.name if error.path else ""
    return template.format(file=name, reason=error.params.get("reason", ""))


def _write(text: str, stream: TextIO) -> None:
    # The command's output is its interface, so it is written, not logged.
    stream.write(text + "\n")
