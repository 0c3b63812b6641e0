"""Files kept by the app (attachments, later documents), each named by its SHA-256.

The same content is stored once however often it arrives; a file is written to a temporary
name and renamed into place, so a crash never leaves half a file under a real name.
"""

from __future__ import annotations

import hashlib
import logging
import os
import uuid
from pathlib import Path

from kesher_desktop import paths

log = logging.getLogger(__name__)

# Read and hashed a piece at a time, so a large file never sits whole in memory.
CHUNK_BYTES = 1024 * 1024


class FileTooLargeError(Exception):
    """The file grew past the size it was allowed while it was being copied."""


class FileStore:
    """Content-addressed files under one folder: `root/ab/abcdef…`."""

    def __init__(self, root: Path | None = None) -> None:
        self._root = root

    @property
    def root(self) -> Path:
        # Read at each use, so KESHER_HOME set after construction (tests) is honoured.
        return self._root or paths.data_dir() / "files"

    def put(self, data: bytes) -> str:
        """Store `data` and return its SHA-256 in hex."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{digest}.{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(target)
        return digest

    def put_file(self, source: Path, max_bytes: int | None = None) -> tuple[str, int]:
        """Copy the file at `source` in, hashing as it goes; returns its SHA-256 and size.

        The copy lands under a temporary name inside the store and is renamed to its hash
        once complete, so only the store's own naming decides where anything is written.
        Raises FileTooLargeError when more than `max_bytes` arrive, OSError when `source`
        cannot be read.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".incoming-{os.getpid()}-{uuid.uuid4().hex}.tmp"
        try:
            digest, size = _copy_hashing(source, temporary, max_bytes)
            target = self.path(digest)
            if target.exists():
                return digest, size
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.replace(target)
            return digest, size
        finally:
            temporary.unlink(missing_ok=True)

    def has(self, digest: str) -> bool:
        """Whether the file named by `digest` is in the store; False for an empty digest."""
        return bool(digest) and self.path(digest).is_file()

    def read(self, digest: str) -> bytes:
        return self.path(digest).read_bytes()

    def path(self, digest: str) -> Path:
        if len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
            raise ValueError(f"not a SHA-256: {digest!r}")
        return self.root / digest[:2] / digest


def _copy_hashing(source: Path, target: Path, max_bytes: int | None) -> tuple[str, int]:
    hasher = hashlib.sha256()
    size = 0
    with source.open("rb") as reading, target.open("xb") as writing:
        while chunk := reading.read(CHUNK_BYTES):
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                raise FileTooLargeError(str(source))
            hasher.update(chunk)
            writing.write(chunk)
        writing.flush()
        os.fsync(writing.fileno())
    return hasher.hexdigest(), size
