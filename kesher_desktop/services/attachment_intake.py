"""Taking files the user attached into the file store, refusing those that may not go in.

Each file's size is read from the disk before anything is copied, so a file over the limit
costs no copy at all; the others are streamed into the store under their SHA-256.
"""

from __future__ import annotations

import enum
import logging
import mimetypes
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kesher_desktop.services.attachment_names import display_name
from kesher_desktop.services.file_store import FileStore, FileTooLargeError

log = logging.getLogger(__name__)

# 12 MiB: what a mail server takes as one attachment, and what mail tracking keeps.
MAX_ATTACHMENT_BYTES = 12 * 1024 * 1024
UNKNOWN_TYPE = "application/octet-stream"


class RefusalReason(enum.StrEnum):
    TOO_LARGE = "too_large"
    NOT_A_FILE = "not_a_file"
    UNREADABLE = "unreadable"
    # The same content is on the contact or activity already, or came twice in one go.
    ALREADY_ATTACHED = "already_attached"


@dataclass(frozen=True)
class StoredFile:
    """A file now in the store, with what is shown about it; not yet on any document."""

    sha256: str
    name: str
    size: int
    mime_type: str
    modified_at: datetime | None


@dataclass(frozen=True)
class RefusedFile:
    """A file that was not taken, and why; `size` as the disk gave it, when it could."""

    name: str
    size: int | None
    reason: RefusalReason


@dataclass
class Intake:
    stored: list[StoredFile] = field(default_factory=list)
    refused: list[RefusedFile] = field(default_factory=list)


class AttachmentIntake:
    """Checks and stores files picked or dropped by the user."""

    def __init__(self, files: FileStore, max_bytes: int = MAX_ATTACHMENT_BYTES) -> None:
        self._files = files
        self._max_bytes = max_bytes

    def take(self, sources: list[Path]) -> Intake:
        """Store every acceptable file of `sources`; the others are refused, one by one."""
        intake = Intake()
        for source in sources:
            taken = self._take_one(source)
            if isinstance(taken, StoredFile):
                intake.stored.append(taken)
            else:
                intake.refused.append(taken)
                log.info("attachment refused reason=%s size=%s", taken.reason, taken.size)
        return intake

    def _take_one(self, source: Path) -> StoredFile | RefusedFile:
        name = display_name(str(source))
        try:
            status = source.stat()
        except OSError:
            return RefusedFile(name, None, RefusalReason.UNREADABLE)
        if not stat.S_ISREG(status.st_mode):
            return RefusedFile(name, None, RefusalReason.NOT_A_FILE)
        if status.st_size > self._max_bytes:
            return RefusedFile(name, status.st_size, RefusalReason.TOO_LARGE)

        try:
            digest, size = self._files.put_file(source, self._max_bytes)
        except FileTooLargeError:
            # It grew between the look and the copy; the limit holds all the same.
            return RefusedFile(name, None, RefusalReason.TOO_LARGE)
        except OSError:
            log.warning("attachment could not be read", exc_info=True)
            return RefusedFile(name, status.st_size, RefusalReason.UNREADABLE)
        modified_at = datetime.fromtimestamp(status.st_mtime, UTC)
        return StoredFile(digest, name, size, mime_type_of(name), modified_at)


def refuse_repeats(intake: Intake, present: set[str]) -> Intake:
    """The intake with each stored file whose content is in `present` (by SHA-256), or
    came earlier in the intake, refused as already attached instead.

    The store keeps such content once anyway; a second document of it would only be a
    second, identical row.
    """
    kept = Intake(refused=list(intake.refused))
    seen = set(present)
    for file in intake.stored:
        if file.sha256 in seen:
            kept.refused.append(RefusedFile(file.name, file.size, RefusalReason.ALREADY_ATTACHED))
            log.info(
                "attachment refused reason=%s size=%s", RefusalReason.ALREADY_ATTACHED, file.size
            )
            continue
        seen.add(file.sha256)
        kept.stored.append(file)

    # A file picked twice is refused twice, for one reason; the user is told once.
    kept.refused = list(dict.fromkeys(kept.refused))
    return kept


def mime_type_of(name: str) -> str:
    """The media type a file's name suggests; the generic binary type when it says nothing."""
    guessed, _encoding = mimetypes.guess_type(name, strict=False)
    return guessed or UNKNOWN_TYPE
