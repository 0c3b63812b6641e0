"""Telling a file's encoding and format from its content, and refusing what is not contacts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kesher_desktop.services.importing import UnreadableFileError, read_file
from kesher_desktop.services.importing.encoding import decode_bytes, decode_file
from kesher_desktop.services.importing.records import VCARD

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("שלום".encode(), ("שלום", "utf-8")),
        (b"\xef\xbb\xbf" + "שלום".encode(), ("שלום", "utf-8-sig")),
        ("שלום".encode("cp1255"), ("שלום", "windows-1255")),
        ("שלום".encode("utf-16"), ("שלום", "utf-16")),
    ],
)
def test_decoding(data: bytes, expected: tuple[str, str]) -> None:
    assert decode_file(data) == expected


def test_quoted_printable_bytes_use_their_charset_else_guess() -> None:
    assert decode_bytes("יוסי".encode("cp1255"), "windows-1255") == "יוסי"
    assert decode_bytes("יוסי".encode(), "no-such-charset") == "יוסי"
    assert decode_bytes("יוסי".encode("cp1255")) == "יוסי"


def test_format_comes_from_content_not_extension(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_bytes((DATA / "vcard40.vcf").read_bytes())

    assert read_file(path).kind == VCARD


@pytest.mark.parametrize(
    ("name", "code"),
    [("not-contacts.txt", "unknown_format"), ("binary.xlsx", "not_text")],
)
def test_files_that_are_not_contacts(name: str, code: str) -> None:
    with pytest.raises(UnreadableFileError) as raised:
        read_file(DATA / name)

    assert raised.value.code == code
    assert raised.value.path == DATA / name


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError) as raised:
        read_file(tmp_path / "gone.vcf")

    assert raised.value.code == "cannot_open"
