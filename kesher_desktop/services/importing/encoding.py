"""Turning the bytes of an imported file into text: UTF-8 (with or without BOM) or windows-1255.

Strict UTF-8 almost never decodes text written in another code page, so trying it first and
falling back to windows-1255 (what Hebrew Windows and Outlook write) tells the two apart.
"""

from __future__ import annotations

import codecs
import logging

from kesher_desktop.services.importing.records import UnreadableFileError

log = logging.getLogger(__name__)

UTF8 = "utf-8"
HEBREW_WINDOWS = "windows-1255"


def decode_file(data: bytes) -> tuple[str, str]:
    """The text of a file and the name of the encoding it was read in."""
    if data.startswith(codecs.BOM_UTF8):
        # A BOM declares UTF-8; a stray bad byte after it should not lose the whole file.
        return data[len(codecs.BOM_UTF8) :].decode(UTF8, errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"

    if b"\x00" in data:
        raise UnreadableFileError("not_text")
    for encoding in (UTF8, HEBREW_WINDOWS):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableFileError("unknown_encoding")


def decode_bytes(data: bytes, charset: str = "") -> str:
    """Bytes from inside a file (a quoted-printable value), in their declared charset if any."""
    if charset:
        try:
            return data.decode(charset)
        except LookupError:
            log.debug("unknown charset=%s; guessing", charset)
        except UnicodeDecodeError:
            log.debug("value not in its declared charset=%s; guessing", charset)
    try:
        return data.decode(UTF8)
    except UnicodeDecodeError:
        return data.decode(HEBREW_WINDOWS, errors="replace")
