"""What the file readers hand to the importer: parsed people, the file they came from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kesher_desktop.services.contacts import ContactDraft
from kesher_desktop.services.errors import ServiceError

VCARD = "vcard"
GOOGLE_CSV = "google_csv"
OUTLOOK_CSV = "outlook_csv"


@dataclass
class ParsedRecord:
    """One person as read from a file, not yet checked or merged.

    `number` counts the people in the file from 1; `line` is the file line the person
    starts on, which is what the report points the user to.
    """

    number: int
    line: int
    draft: ContactDraft


@dataclass
class ParsedFile:
    """Every person read from one file, with how the file was understood."""

    path: Path
    kind: str
    encoding: str
    records: list[ParsedRecord] = field(default_factory=list)


class UnreadableFileError(ServiceError):
    """A file that cannot be imported at all.

    Codes: "cannot_open" (with `reason`), "not_text", "unknown_encoding", "unknown_format".
    """

    def __init__(self, code: str, path: Path | None = None, **params: Any) -> None:
        super().__init__(code, path=str(path or ""), **params)
        self.path = path


@dataclass(frozen=True)
class UnreadableFile:
    """A file left out of an import because it could not be read, and why.

    `code` is the UnreadableFileError's; `reason` is the system's, for "cannot_open". Kept
    instead of the error itself, whose traceback would hold the file's bytes in memory.
    """

    path: Path
    code: str
    reason: str = ""

    @classmethod
    def of(cls, error: UnreadableFileError) -> UnreadableFile:
        return cls(error.path or Path(), error.code, str(error.params.get("reason", "")))


class NoReadableFileError(UnreadableFileError):
    """None of the files given to one import could be read; `files` says why for each.

    Its own code, path and reason are the first file's, for those who expect just one.
    """

    def __init__(self, files: Sequence[UnreadableFile]) -> None:
        first = files[0]
        super().__init__(first.code, first.path, reason=first.reason)
        self.files = list(files)
