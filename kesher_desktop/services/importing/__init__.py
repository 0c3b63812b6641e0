"""Importing contacts from vCard and CSV files into the store; Qt-free."""

from kesher_desktop.services.importing.importer import ContactImporter
from kesher_desktop.services.importing.reader import read_file
from kesher_desktop.services.importing.records import (
    NoReadableFileError,
    ParsedFile,
    ParsedRecord,
    UnreadableFile,
    UnreadableFileError,
)
from kesher_desktop.services.importing.report import ImportReport, Skip

__all__ = [
    "ContactImporter",
    "ImportReport",
    "NoReadableFileError",
    "ParsedFile",
    "ParsedRecord",
    "Skip",
    "UnreadableFile",
    "UnreadableFileError",
    "read_file",
]
