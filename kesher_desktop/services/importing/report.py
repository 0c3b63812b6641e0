"""What an import did: how many people were created, merged and skipped, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kesher_desktop.services.importing.records import UnreadableFile

# Why a person was skipped; the user interface words each of these.
NO_NAME_OR_ADDRESS = "no_name_or_address"
MALFORMED_EMAIL = "malformed_email"
MALFORMED_PHONE = "malformed_phone"
TOO_LONG = "too_long"


@dataclass(frozen=True)
class Skip:
    """One person left out: where in which file, who (as far as known), and the reason code.

    `detail` is the offending value: the bad e-mail address or phone number, or the name of
    the field that was too long.
    """

    path: Path
    number: int
    line: int
    name: str
    reason: str
    detail: str = ""


@dataclass
class ImportReport:
    """The outcome of one import run.

    `changed_ids` are the contacts created or merged into, so a view can refresh just them.
    A cancelled import keeps the batches committed before the cancel; `not_processed` says
    how many people it did not get to. The counts cover the files that could be read;
    `unreadable` names the others.
    """

    total: int = 0
    created: int = 0
    merged: int = 0
    skipped: list[Skip] = field(default_factory=list)
    cancelled: bool = False
    changed_ids: list[int] = field(default_factory=list)
    unreadable: list[UnreadableFile] = field(default_factory=list)

    @property
    def not_processed(self) -> int:
        return self.total - self.created - self.merged - len(self.skipped)
