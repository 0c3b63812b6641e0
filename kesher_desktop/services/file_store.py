"""Files kept by the app (attachments, later documents), each named by its SHA-256.

The same content is stored once however often it arrives; a file is written to a temporary
name and renamed into place, so a crash never leaves half a file under a real name.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from kesher_desktop import paths


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

    def read(self, digest: str) -> bytes:
        return self.path(digest).read_bytes()

    def path(self, digest: str) -> Path:
        if len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
            raise ValueError(f"not a SHA-256: {digest!r}")
        return self.root / digest[:2] / digest
