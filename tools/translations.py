"""Keep the Hebrew catalogue in step with the code: extract strings, then compile.

    python tools/translations.py update    # add new tr() strings to resources/translations
    python tools/translations.py release   # compile the .ts files into the .qm the app loads

Translations are written in the .ts files (Qt Linguist opens them); English is the source.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("he",)


def tool(name: str) -> str:
    """A PySide6 tool from the environment this Python runs in, even if it is not on PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found; install the project with pip first")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "kesher_desktop").rglob("*.py"))


def catalogue(language: str) -> Path:
    return TRANSLATIONS / f"kesher_{language}.ts"


def update(target: Path | None = None, language: str = "he") -> None:
    """Extract every translatable string into the catalogue, keeping what is translated."""
    target = target or catalogue(language)
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            language,
            "-ts",
            str(target),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def release(source: Path, compiled: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(source), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        for language in LANGUAGES:
            update(language=language)
        return 0
    if command == "release":
        for language in LANGUAGES:
            release(catalogue(language), catalogue(language).with_suffix(".qm"))
        return 0
    sys.stderr.write(__doc__ or "")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
