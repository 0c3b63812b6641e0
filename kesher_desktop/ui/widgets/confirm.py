"""The one question asked before unsaved edits are thrown away."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_discard(parent: QWidget, text: str) -> bool:
    """Whether the user agrees to lose their unsaved edits; keeping them is the default.

    The buttons carry our own words: Qt's Hebrew catalogue calls Discard "שכח".
    """
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Confirm", "Discard changes?"),
        text,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    discard = box.button(QMessageBox.StandardButton.Discard)
    discard.setText(QCoreApplication.translate("Confirm", "Discard changes"))
    keep = box.button(QMessageBox.StandardButton.Cancel)
    keep.setText(QCoreApplication.translate("Confirm", "Keep editing"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Discard
