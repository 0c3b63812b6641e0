"""Files into the store: the size limit read before copying, one copy per content, safe names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kesher_desktop.services.attachment_intake import (
    MAX_ATTACHMENT_BYTES,
    AttachmentIntake,
    RefusalReason,
    mime_type_of,
)
from kesher_desktop.services.attachment_names import (
    MAX_NAME_CHARS,
    display_name,
    with_long_runs_cut,
)
from kesher_desktop.services.file_store import FileStore, FileTooLargeError


def _sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no room on disk (all zeros but the last byte)."""
    with path.open("wb") as handle:
        handle.truncate(size - 1)
        handle.seek(size - 1)
        handle.write(b"\x01")
    return path


@pytest.fixture
def files(tmp_path: Path) -> FileStore:
    return FileStore(tmp_path / "store")


def _stored_files(store: FileStore) -> list[Path]:
    return [path for path in store.root.rglob("*") if path.is_file()]


def test_a_file_at_the_limit_goes_in_and_one_byte_more_is_refused_before_copying(
    tmp_path: Path, files: FileStore
) -> None:
    at_limit = _sparse(tmp_path / "at-limit.bin", MAX_ATTACHMENT_BYTES)
    over = _sparse(tmp_path / "over.bin", MAX_ATTACHMENT_BYTES + 1)
    assert MAX_ATTACHMENT_BYTES == 12_582_912

    intake = AttachmentIntake(files).take([over, at_limit])

    assert [(f.name, f.size) for f in intake.stored] == [("at-limit.bin", MAX_ATTACHMENT_BYTES)]
    assert [(r.name, r.size, r.reason) for r in intake.refused] == [
        ("over.bin", MAX_ATTACHMENT_BYTES + 1, RefusalReason.TOO_LARGE)
    ]
    # Only the accepted file was copied; nothing half-written is left beside it.
    assert [p.name for p in _stored_files(files)] == [intake.stored[0].sha256]
    assert files.read(intake.stored[0].sha256)[-1:] == b"\x01"


def test_the_same_content_twice_is_stored_once(tmp_path: Path, files: FileStore) -> None:
    first = tmp_path / "a.txt"
    first.write_bytes(b"hello")
    second = tmp_path / "copy of a.txt"
    second.write_bytes(b"hello")

    intake = AttachmentIntake(files).take([first, second])

    assert [f.name for f in intake.stored] == ["a.txt", "copy of a.txt"]
    assert intake.stored[0].sha256 == intake.stored[1].sha256
    assert len(_stored_files(files)) == 1


def test_the_copy_streams_in_chunks_and_stops_when_a_file_grows_past_the_limit(
    tmp_path: Path, files: FileStore
) -> None:
    big = _sparse(tmp_path / "big.bin", 3 * 1024 * 1024 + 5)
    digest, size = files.put_file(big)
    assert size == 3 * 1024 * 1024 + 5
    assert files.path(digest).stat().st_size == size

    with pytest.raises(FileTooLargeError):
        files.put_file(big, max_bytes=1024)
    assert len(_stored_files(files)) == 1


def test_folders_and_vanished_files_are_refused_by_name(tmp_path: Path, files: FileStore) -> None:
    folder = tmp_path / "תיקייה"
    folder.mkdir()

    intake = AttachmentIntake(files).take([folder, tmp_path / "gone.pdf"])

    assert [(r.name, r.reason) for r in intake.refused] == [
        ("תיקייה", RefusalReason.NOT_A_FILE),
        ("gone.pdf", RefusalReason.UNREADABLE),
    ]
    assert intake.stored == []


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_refused_and_the_others_go_in(
    tmp_path: Path, files: FileStore
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_bytes(b"secret")
    locked.chmod(0)
    fine = tmp_path / "fine.txt"
    fine.write_bytes(b"fine")

    intake = AttachmentIntake(files).take([locked, fine])

    assert [r.reason for r in intake.refused] == [RefusalReason.UNREADABLE]
    assert [f.name for f in intake.stored] == ["fine.txt"]


def test_odd_names_are_kept_for_showing_and_the_file_is_named_by_its_hash(
    tmp_path: Path, files: FileStore
) -> None:
    names = ["הצעת מחיר #3 (סופי).pdf", "a b  c.txt", "x" * 250 + ".docx"]
    sources = []
    for index, name in enumerate(names):
        sources.append(tmp_path / name)
        sources[-1].write_bytes(f"content {index}".encode())

    intake = AttachmentIntake(files).take(sources)

    shown = [f.name for f in intake.stored]
    assert shown[:2] == ["הצעת מחיר #3 (סופי).pdf", "a b c.txt"]
    assert len(shown[2]) == MAX_NAME_CHARS and shown[2].endswith("….docx")
    for stored in intake.stored:
        assert files.path(stored.sha256).parent.parent == files.root


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("C:\\Users\\דנה\\Documents\\חוזה.pdf", "חוזה.pdf"),
        ("\\\\server\\share\\folder\\report #2.xlsx", "report #2.xlsx"),
        ("../../etc/passwd", "passwd"),
        ("/tmp/a/..", ""),
        ("C:evil.exe", "evil.exe"),
        ("invoice\u202egpj.exe", "invoicegpj.exe"),
        ("\u2067שלום\u2069 \u200fworld\u200e.txt", "שלום world.txt"),
        ("new\nline\t.txt", "newline.txt"),
        ("  spaced   name .pdf ", "spaced name .pdf"),
        ("\u202e\u202e", ""),
    ],
)
def test_shown_names_lose_folders_drives_and_direction_controls(raw: str, shown: str) -> None:
    assert display_name(raw) == shown


def test_a_long_name_without_an_extension_is_cut_with_an_ellipsis() -> None:
    name = display_name("א" * 500)
    assert len(name) == MAX_NAME_CHARS and name.endswith("…")


def test_a_long_run_without_spaces_is_cut_in_the_middle_keeping_the_extension() -> None:
    name = "הצעת_מחיר_מעודכנת_לפרויקט_הטמעת_מערכת_ניהול_קשרי_לקוחות.xlsx"

    cut = with_long_runs_cut(name, longest=20)

    assert cut == "הצעת_מח…_לקוחות.xlsx" and len(cut) == 20
    assert with_long_runs_cut("short name.pdf", longest=8) == "short name.pdf"


def test_the_type_comes_from_the_name() -> None:
    assert mime_type_of("חוזה #1.pdf") == "application/pdf"
    assert mime_type_of("notes") == "application/octet-stream"


def test_a_digest_that_is_not_a_hash_never_becomes_a_path(files: FileStore) -> None:
    for digest in ("../" * 21 + "x", "a" * 63 + "/", "A" * 64):
        with pytest.raises(ValueError, match="not a SHA-256"):
            files.path(digest)
    assert not files.has("")
