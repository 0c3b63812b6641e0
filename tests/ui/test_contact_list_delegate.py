"""The contact list's row painter: texts that fit stay whole, longer ones are elided."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from kesher_desktop.ui.contact_list_delegate import FittingFont


def test_a_short_name_is_kept_whole(qapp: QApplication) -> None:
    font = FittingFont(QFont())

    assert font.fitted("דנה לוי", 300) == "דנה לוי"


def test_a_long_line_is_elided_to_its_width(qapp: QApplication) -> None:
    font = FittingFont(QFont())
    text = "לוי ייעוץ וניהול פרויקטים בע״מ · \u2066052-123-4567\u2069" * 3

    fitted = font.fitted(text, 200)

    assert fitted != text
    assert "…" in fitted
    assert font.metrics.horizontalAdvance(fitted) <= 200


def test_a_text_just_under_the_width_is_checked_by_qt(qapp: QApplication) -> None:
    font = FittingFont(QFont())
    text = "Dana Levi-Mizrahi"
    # A pixel more than the measured width, as Qt rounds fractional widths up when eliding.
    exact = font.metrics.horizontalAdvance(text) + 1

    # Within the margin the estimate cannot vouch for it, so Qt's eliding decides.
    assert font.fitted(text, exact) == text
    assert font.fitted(text, exact - 10).endswith("…")
