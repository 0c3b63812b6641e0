"""The one place that turns Qt's LanguageChange event into a widget's `retranslate()`."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixin for a QWidget subclass with a `retranslate()` method; list it before QWidget.

    The widget calls `retranslate()` itself at the end of `__init__`; this calls it again
    whenever the application's translators change.
    """

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
