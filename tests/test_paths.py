"""Where the app's files go, and KESHER_HOME moving them all under one folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from kesher_desktop import paths


def test_kesher_home_holds_data_logs_and_settings(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KESHER_HOME", str(tmp_path / "portable"))

    assert paths.database_path() == tmp_path / "portable" / "data" / "kesher.sqlite3"
    assert paths.log_dir() == tmp_path / "portable" / "logs"
    assert paths.config_dir() == tmp_path / "portable" / "config"


def test_a_relative_kesher_home_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first page opens the file by URI, which a relative path cannot be.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KESHER_HOME", "home")

    assert paths.database_path().is_absolute()
    assert paths.database_path() == tmp_path / "home" / "data" / "kesher.sqlite3"
    assert paths.database_path().as_uri().startswith("file:///")
