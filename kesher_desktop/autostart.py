"""Starting Kesher when the user logs in, through each operating system's per-user mechanism.

Linux (and other XDG desktops): a .desktop file in ~/.config/autostart. macOS: a LaunchAgent
property list in ~/Library/LaunchAgents. Windows: a value under the user's Run key. Tests
point each writer at a temporary folder, or an in-memory registry.
"""

from __future__ import annotations

import logging
import os
import plistlib
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

ENTRY_NAME = "KesherDesktop"
LAUNCH_AGENT_LABEL = "il.kesher.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


# Started at login, Kesher waits in the tray (where there is one) instead of opening its window.
IN_TRAY_ARGUMENT = "--in-tray"


def start_command(platform: str = sys.platform) -> list[str]:
    """The installed program, told to start in the tray: the frozen executable, or this
    Python running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, IN_TRAY_ARGUMENT]
    return [_windowless_python(sys.executable, platform), "-m", "kesher_desktop", IN_TRAY_ARGUMENT]


def _windowless_python(executable: str, platform: str) -> str:
    """On Windows, pythonw.exe beside python.exe: python.exe opens a console at login."""
    path = Path(executable)
    if platform != "win32" or path.name.lower() != "python.exe":
        return executable
    windowless = path.with_name("pythonw.exe")
    return str(windowless) if windowless.is_file() else executable


class RunKey(Protocol):
    """The few registry operations the Windows writer needs, so tests can pass a dict."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class WindowsRunKey:
    """HKEY_CURRENT_USER\\...\\Run through winreg; only importable on Windows."""

    def __init__(self, path: str = RUN_KEY) -> None:
        import winreg  # only on Windows, so imported where used

        self._winreg = winreg
        self._path = path

    def get(self, name: str) -> str | None:
        winreg = self._winreg
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, self._path) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        winreg = self._winreg
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, self._path) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        winreg = self._winreg
        access = winreg.KEY_SET_VALUE
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, self._path, 0, access) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


class Autostart:
    """Turns start-at-login on or off for this user on one platform.

    `platform` is a `sys.platform` value; `base` replaces the folder the entry is written in
    (~/.config/autostart or ~/Library/LaunchAgents); `registry` replaces the Windows Run key.
    """

    def __init__(
        self,
        platform: str = sys.platform,
        base: Path | None = None,
        registry: RunKey | None = None,
    ) -> None:
        self.platform = platform
        self._base = base
        self._registry = registry

    def enable(self, command: Sequence[str] | None = None) -> None:
        command = list(command or start_command())
        if self.platform == "win32":
            self._run_key().set(ENTRY_NAME, subprocess.list2cmdline(command))
        elif self.platform == "darwin":
            self._write(self.entry_path(), _launch_agent(command))
        else:
            self._write(self.entry_path(), _desktop_entry(command).encode("utf-8"))
        log.info("start at login enabled platform=%s", self.platform)

    def disable(self) -> None:
        if self.platform == "win32":
            self._run_key().delete(ENTRY_NAME)
        else:
            self.entry_path().unlink(missing_ok=True)
        log.info("start at login disabled platform=%s", self.platform)

    def is_enabled(self) -> bool:
        if self.platform == "win32":
            return self._run_key().get(ENTRY_NAME) is not None
        return self.entry_path().is_file()

    def apply(self, wanted: bool) -> None:
        """Make the entry match the setting; writing it again refreshes the command."""
        if wanted:
            self.enable()
        elif self.is_enabled():
            self.disable()

    def entry_path(self) -> Path:
        """The file that holds the entry (Linux and macOS)."""
        if self.platform == "darwin":
            base = self._base or Path.home() / "Library" / "LaunchAgents"
            return base / f"{LAUNCH_AGENT_LABEL}.plist"
        base = self._base or _xdg_config_home() / "autostart"
        return base / "kesher-desktop.desktop"

    # -- helpers ---------------------------------------------------------------------------

    def _run_key(self) -> RunKey:
        if self._registry is None:
            self._registry = WindowsRunKey()
        return self._registry

    @staticmethod
    def _write(path: Path, content: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(content)
        # Replace in one step, so the desktop never reads half a file at login.
        temporary.replace(path)


def _xdg_config_home() -> Path:
    configured = os.environ.get("XDG_CONFIG_HOME")
    return Path(configured) if configured else Path.home() / ".config"


# Characters that make the Desktop Entry spec ask for an argument in double quotes.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _exec_argument(part: str) -> str:
    """One argument quoted as the Desktop Entry spec asks (double quotes, few escapes)."""
    # No field codes are wanted, so a literal % is doubled.
    part = part.replace("%", "%%")
    if part and not any(char in part for char in _RESERVED):
        return part
    escaped = "".join("\\" + char if char in '"`$\\' else char for char in part)
    return f'"{escaped}"'


def _desktop_entry(command: Sequence[str]) -> str:
    exec_line = " ".join(_exec_argument(part) for part in command)
    # The string-value escape applies on top of the quoting: a backslash is written twice.
    exec_line = exec_line.replace("\\", "\\\\")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Kesher\n"
        f"Exec={exec_line}\n"
        "X-GNOME-Autostart-enabled=true\n"
        "Terminal=false\n"
    )


def _launch_agent(command: Sequence[str]) -> bytes:
    agent = {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    return plistlib.dumps(agent)
