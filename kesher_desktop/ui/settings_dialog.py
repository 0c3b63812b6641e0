"""The preferences dialog: language, and who the users are; later issues add mail and calendar."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.settings import Settings
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.users_editor import UsersEditor
from kesher_desktop.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from kesher_desktop.services.users import UserService

log = logging.getLogger(__name__)


class SettingsDialog(Retranslating, QDialog):
    """Edits `Settings`; OK applies and saves them, Cancel leaves them as they were."""

    def __init__(
        self, settings: Settings, users: UserService | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        # Users live in the store, so they can be edited only once it is open.
        self.users = UsersEditor(users) if users is not None else None

        self.language = QComboBox()
        # Each language is named in itself, so a user can find theirs whatever is showing.
        self.language.addItem("עברית", "he")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self._language_label = QLabel()

        form = QFormLayout()
        form.addRow(self._language_label, self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.users is not None:
            layout.addWidget(self.users)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self._language_label.setText(self.tr("Language"))

    def apply(self) -> None:
        if self.users is not None and not self.users.save_me():
            return
        language = self.language.currentData()
        if language != self._settings.language:
            self._settings.language = language
            install_language(QApplication.instance(), language)
        self._settings.save()
        self.accept()
