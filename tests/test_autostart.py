"""Start at login: each operating system's entry is written, read back and removed."""

from __future__ import annotations

import configparser
import plistlib
import sys
from pathlib import Path

import pytest

from kesher_desktop.autostart import ENTRY_NAME, Autostart, start_command

COMMAND = ["/opt/Kesher Desktop/bin/python3", "-m", "kesher_desktop"]


class MemoryRunKey:
    """The Windows Run key as a dict."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {"OneDrive": "onedrive.exe /background"}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def _exec_words(desktop_file: Path) -> list[str]:
    """Read Exec as a desktop would: the string escapes, then the argument quoting."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(desktop_file, encoding="utf-8")
    value = parser["Desktop Entry"]["Exec"].replace("\\\\", "\\")
    return [word.replace("%%", "%") for word in _split_exec(value)]


def _split_exec(value: str) -> list[str]:
    """The spec's argument rules: spaces part words; in double quotes \\ escapes "`$\\."""
    words: list[str] = []
    word: list[str] | None = None
    quoted = False
    chars = iter(value)
    for char in chars:
        if quoted and char == "\\":
            word.append(next(chars))  # type: ignore[union-attr]
        elif char == '"':
            quoted = not quoted
            word = word if word is not None else []
        elif char == " " and not quoted:
            if word is not None:
                words.append("".join(word))
            word = None
        else:
            word = (word or []) + [char]
    if word is not None:
        words.append("".join(word))
    return words


def test_linux_writes_an_xdg_autostart_entry_that_runs_the_command(tmp_path: Path) -> None:
    autostart = Autostart("linux", base=tmp_path / "autostart")
    assert not autostart.is_enabled()

    odd = ["/home/noa/קשר $HOME/python", "-m", "kesher_desktop", "100%", 'say "hi"\\']
    autostart.enable(odd)

    entry = tmp_path / "autostart" / "kesher-desktop.desktop"
    assert autostart.is_enabled() and autostart.entry_path() == entry
    assert _exec_words(entry) == odd
    text = entry.read_text(encoding="utf-8")
    assert "Type=Application" in text and "X-GNOME-Autostart-enabled=true" in text

    autostart.disable()
    assert not entry.exists() and not autostart.is_enabled()
    autostart.disable()  # already off: nothing to do, nothing raised


def test_linux_defaults_to_the_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    expected = tmp_path / "config" / "autostart" / "kesher-desktop.desktop"
    assert Autostart("linux").entry_path() == expected


def test_macos_writes_a_launch_agent(tmp_path: Path) -> None:
    autostart = Autostart("darwin", base=tmp_path / "LaunchAgents")

    autostart.enable(COMMAND)

    entry = autostart.entry_path()
    assert entry.parent == tmp_path / "LaunchAgents" and entry.suffix == ".plist"
    agent = plistlib.loads(entry.read_bytes())
    assert agent["ProgramArguments"] == COMMAND
    assert agent["RunAtLoad"] is True and agent["Label"] == entry.stem
    assert autostart.is_enabled()

    autostart.disable()
    assert not entry.exists() and not autostart.is_enabled()


def test_windows_writes_the_run_key_and_leaves_other_values() -> None:
    registry = MemoryRunKey()
    autostart = Autostart("win32", registry=registry)
    assert not autostart.is_enabled()

    autostart.enable([r"C:\Program Files\Kesher\kesher.exe"])

    assert registry.values[ENTRY_NAME] == r'"C:\Program Files\Kesher\kesher.exe"'
    assert autostart.is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()
    assert registry.values == {"OneDrive": "onedrive.exe /background"}


def test_apply_follows_the_setting(tmp_path: Path) -> None:
    autostart = Autostart("linux", base=tmp_path)

    autostart.apply(True)
    assert autostart.is_enabled()
    assert _exec_words(autostart.entry_path()) == start_command()
    autostart.apply(False)
    assert not autostart.is_enabled()


def test_the_command_is_this_python_running_the_package_or_the_frozen_program(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert start_command("linux") == [sys.executable, "-m", "kesher_desktop", "--in-tray"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert start_command("win32") == [sys.executable, "--in-tray"]


def test_windows_starts_the_python_that_opens_no_console(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    python = tmp_path / "Python311" / "python.exe"
    python.parent.mkdir()
    python.write_bytes(b"")
    monkeypatch.setattr(sys, "executable", str(python))
    # Without pythonw.exe beside it (some embedded Pythons), python.exe is all there is.
    assert start_command("win32")[0] == str(python)

    (python.parent / "pythonw.exe").write_bytes(b"")

    assert start_command("win32") == [
        str(python.parent / "pythonw.exe"),
        "-m",
        "kesher_desktop",
        "--in-tray",
    ]
    assert start_command("darwin")[0] == str(python)
