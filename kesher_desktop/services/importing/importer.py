"""Importing parsed files into the store in batches, with progress, cancel and a report."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.services.contacts import ContactService
from kesher_desktop.services.errors import ValidationError
from kesher_desktop.services.importing.person import Person
from kesher_desktop.services.importing.reader import read_file
from kesher_desktop.services.importing.records import (
    NoReadableFileError,
    ParsedFile,
    ParsedRecord,
    UnreadableFile,
    UnreadableFileError,
)
from kesher_desktop.services.importing.report import (
    MALFORMED_EMAIL,
    MALFORMED_PHONE,
    NO_NAME_OR_ADDRESS,
    TOO_LONG,
    ImportReport,
    Skip,
)
from kesher_desktop.services.importing.writer import write_batch

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# Each batch is one transaction; bigger ones write the search index out in fewer, larger
# pieces. A cancel waits for the batch under way, a fraction of a second at this size.
DEFAULT_BATCH_SIZE = 2000

# The contact rules' error codes, as reasons for skipping a person.
_REASONS = {
    "contact_needs_name": NO_NAME_OR_ADDRESS,
    "email_malformed": MALFORMED_EMAIL,
    "phone_malformed": MALFORMED_PHONE,
    "too_long": TOO_LONG,
}


def _no_progress(done: int, total: int) -> None:
    """Progress nobody listens to."""


def _never_cancelled() -> bool:
    return False


class ContactImporter:
    """Imports people into the store, merging each into whoever shares an e-mail or phone.

    Each batch is one transaction, so a cancelled (or failed) import keeps every batch
    committed before it and nothing of the batch under way.
    """

    def __init__(self, store: Store, clock: Clock, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self._store = store
        self._clock = clock
        self._batch_size = batch_size

    def import_paths(
        self,
        paths: Sequence[Path],
        progress: Progress = _no_progress,
        cancelled: Cancelled = _never_cancelled,
    ) -> ImportReport:
        """Import every file that can be read; the report names each one that cannot.

        Every file is read before any is imported, so the progress total is known from the
        start. Raises NoReadableFileError, importing nothing, when no file can be read.
        """
        with _collector_paused():
            files, unreadable = _read_files(paths)
            if unreadable and not files:
                raise NoReadableFileError(unreadable)

            report = self.import_files(files, progress, cancelled)

        report.unreadable = unreadable
        return report

    def import_files(
        self,
        files: Sequence[ParsedFile],
        progress: Progress = _no_progress,
        cancelled: Cancelled = _never_cancelled,
    ) -> ImportReport:
        report = ImportReport(total=sum(len(parsed.records) for parsed in files))
        done = 0
        progress(done, report.total)

        with _collector_paused(), _what_exists_set_aside():
            for parsed in files:
                for batch in _batches(parsed.records, self._batch_size):
                    if cancelled():
                        report.cancelled = True
                        log.info("import cancelled done=%d total=%d", done, report.total)
                        return report
                    self._import_batch(parsed.path, batch, report)
                    gc.collect(0)
                    done += len(batch)
                    progress(done, report.total)

        log.info(
            "import finished created=%d merged=%d skipped=%d",
            report.created,
            report.merged,
            len(report.skipped),
        )
        return report

    def _import_batch(self, path: Path, batch: list[ParsedRecord], report: ImportReport) -> None:
        people: list[Person] = []
        skips: list[Skip] = []
        for record in batch:
            try:
                people.append(Person.of(ContactService.validate(record.draft)))
            except ValidationError as error:
                skips.append(_skip(path, record, error))

        with self._store.session() as session:
            outcome = write_batch(session, self._store.backend, people, self._clock.now())

        # Counted only once committed, so a failed batch is not reported as imported.
        report.skipped.extend(skips)
        report.created += len(outcome.created_ids)
        report.merged += outcome.merged_people
        report.changed_ids.extend(outcome.created_ids)
        report.changed_ids.extend(outcome.merged_ids)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause automatic garbage collection; the import collects after each batch instead.

    An import keeps every field of every person read alive until it ends, and Python's
    collections, triggered by that growth, walked all of it again and again: a seventh of
    the import's time. Pausing nests, and is undone however the import ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@contextmanager
def _what_exists_set_aside() -> Iterator[None]:
    """Leave every object there is now, the people read above all, out of collections.

    They live through the import anyway; the collection after each batch then looks only
    at what that batch made, a few milliseconds' work.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _read_files(paths: Sequence[Path]) -> tuple[list[ParsedFile], list[UnreadableFile]]:
    """The files that could be read, and why each of the others could not.

    One unreadable file among several should not cost the user the people in the rest.
    """
    files: list[ParsedFile] = []
    unreadable: list[UnreadableFile] = []
    for path in paths:
        try:
            files.append(read_file(path))
        except UnreadableFileError as error:
            log.warning("import file unreadable path=%s code=%s", path, error.code)
            unreadable.append(UnreadableFile.of(error))
    return files, unreadable


def _skip(path: Path, record: ParsedRecord, error: ValidationError) -> Skip:
    detail = error.params.get("address") or error.params.get("number") or error.field
    draft = record.draft
    return Skip(
        path=path,
        number=record.number,
        line=record.line,
        name=draft.display_name or draft.organisation,
        reason=_REASONS.get(error.code, error.code),
        detail=str(detail or ""),
    )


def _batches(records: list[ParsedRecord], size: int) -> Iterator[list[ParsedRecord]]:
    for start in range(0, len(records), size):
        yield records[start : start + size]
