"""Fixtures the widget tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.style import apply_style


@pytest.fixture(params=["he", "en"], name="language")
def styled_language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The app's look and language, as the real app sets them, put back afterwards.

    A test module may define its own `language` fixture; that one wins there.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app)
    install_language(app, request.param)
    yield request.param
    install_language(app, "en")
    app.setStyleSheet("")
