"""Reading one file to import: its encoding, then its format told from its content."""

from __future__ import annotations

import logging
from pathlib import Path

from kesher_desktop.services.importing.csv_contacts import csv_layout, read_table
from kesher_desktop.services.importing.encoding import decode_file
from kesher_desktop.services.importing.google_csv import parse_google
from kesher_desktop.services.importing.outlook_csv import parse_outlook
from kesher_desktop.services.importing.records import (
    GOOGLE_CSV,
    VCARD,
    ParsedFile,
    UnreadableFileError,
)
from kesher_desktop.services.importing.vcard import parse_vcards

log = logging.getLogger(__name__)


def read_file(path: Path) -> ParsedFile:
    """Every person in the file; raises UnreadableFileError when it cannot be imported."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(
            "cannot_open", path, reason=error.strerror or type(error).__name__
        ) from error

    try:
        text, encoding = decode_file(data)
    except UnreadableFileError as error:
        raise UnreadableFileError(error.code, path) from error

    parsed = parse_text(text, path, encoding)
    log.info(
        "read import file path=%s kind=%s encoding=%s records=%d",
        path,
        parsed.kind,
        encoding,
        len(parsed.records),
    )
    return parsed


def parse_text(text: str, path: Path, encoding: str = "utf-8") -> ParsedFile:
    """The people in already decoded text; the extension plays no part, the content does."""
    if text.lstrip().casefold().startswith("begin:vcard"):
        return ParsedFile(path, VCARD, encoding, parse_vcards(text))

    layout = csv_layout(text)
    if layout is None:
        raise UnreadableFileError("unknown_format", path)
    kind, delimiter = layout
    table = read_table(text, delimiter)
    records = parse_google(table) if kind == GOOGLE_CSV else parse_outlook(table)
    return ParsedFile(path, kind, encoding, records)
