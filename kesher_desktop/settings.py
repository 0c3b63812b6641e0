"""The user's preferences, declared once with their defaults and kept as JSON.

Window and dock geometry are not preferences; Qt keeps those apart (see ui/window_state.py).
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from kesher_desktop import paths

log = logging.getLogger(__name__)


@dataclass
class Settings:
    language: str = "he"
    # An IANA zone name; empty means the operating system's zone.
    time_zone: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or settings_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            log.warning("settings file unreadable, using defaults path=%s", path, exc_info=True)
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in raw.items() if key in known})

    def save(self, path: Path | None = None) -> None:
        path = path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        # Replace in one step, so a crash mid-write never leaves half a file.
        temporary.replace(path)


def settings_path() -> Path:
    return paths.config_dir() / "settings.json"
