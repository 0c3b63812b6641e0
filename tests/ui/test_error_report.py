"""An unexpected error is logged and the user is told where the details are."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from kesher_desktop.ui import error_report


@pytest.mark.usefixtures("qapp")
def test_uncaught_error_is_logged_shown_and_told_on_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    error_report.install_error_report()

    try:
        raise RuntimeError("disk on fire")
    except RuntimeError:
        with caplog.at_level(logging.CRITICAL):
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]

    assert any("disk on fire" in (r.exc_text or "") or r.exc_info for r in caplog.records)
    assert len(shown) == 1 and "kesher.log" in shown[0]
    assert "RuntimeError: disk on fire" in capsys.readouterr().err
