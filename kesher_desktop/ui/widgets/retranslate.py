"""The one place that turns a change of language or direction into `retranslate()`."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixin for a QWidget subclass with a `retranslate()` method; list it before QWidget.

    The widget calls `retranslate()` itself at the end of `__init__`; this calls it again
    whenever the application's translators or its layout direction change, since texts
    aligned to the leading edge depend on both.
    """

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.LayoutDirectionChange):
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
