"""The preferences dialog: language, users, starting at login, and side by side the
sections for mail, sent-mail tracking and the Google and Dropbox accounts."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.autostart import Autostart
from kesher_desktop.services.calendar_client import GOOGLE_API_BASE
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import Settings
from kesher_desktop.ui.dropbox_section import DropboxSection
from kesher_desktop.ui.google_section import GoogleSection
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.mail_sections import MailSection, TrackingSection
from kesher_desktop.ui.users_editor import UsersEditor
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from kesher_desktop.services.users import UserService

log = logging.getLogger(__name__)


class _Columns(QScrollArea):
    """The sections side by side, scrolled rather than squeezed when error lines make them
    taller than the screen leaves room for: Qt does not hold a window to the height its
    wrapped lines need, and squeezed fields and errors would overlap."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        # As big as what it holds: a scroll area asks for a fixed small size otherwise.
        content = self.widget()
        return content.sizeHint() if content is not None else super().sizeHint()


class SettingsDialog(Retranslating, QDialog):
    """Edits `Settings`; OK applies and saves them, Cancel leaves them as they were."""

    def __init__(
        self,
        settings: Settings,
        users: UserService | None = None,
        parent: QWidget | None = None,
        secrets: SecretStore | None = None,
        autostart: Autostart | None = None,
        api_base: str = GOOGLE_API_BASE,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._autostart = autostart or Autostart()
        # Users live in the store, so they can be edited only once it is open.
        self.users = UsersEditor(users) if users is not None else None

        self.language = QComboBox()
        # Each language is named in itself, so a user can find theirs whatever is showing.
        self.language.addItem("עברית", "he")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self._language_label = QLabel()
        secrets = secrets or SecretStore()
        self.mail = MailSection(settings, secrets)
        self.tracking = TrackingSection(settings, secrets)
        self.google = GoogleSection(settings, secrets, api_base=api_base)
        self.dropbox = DropboxSection(settings, secrets)
        self.start_at_login = QCheckBox()
        self.start_at_login.setChecked(settings.start_at_login)
        self.start_error = FieldError()

        form = QFormLayout()
        form.addRow(self._language_label, self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.start_at_login)
        layout.addWidget(self.start_error)
        if self.users is not None:
            layout.addWidget(self.users)
        # Side by side, so the dialog stays within a laptop screen's height.
        columns = QWidget()
        mail_row = QHBoxLayout(columns)
        mail_row.setContentsMargins(0, 0, 0, 0)
        for section in (self.mail, self.tracking):
            mail_row.addWidget(section, 1)
        # The accounts Kesher connects to share a column: a fourth would not fit the width.
        accounts = QVBoxLayout()
        accounts.addWidget(self.google)
        accounts.addWidget(self.dropbox, 1)
        mail_row.addLayout(accounts, 1)
        self.columns = _Columns(columns)
        layout.addWidget(self.columns, 1)
        layout.addWidget(buttons)
        # Wide enough for the three sections' fields and their error lines, and still
        # within a 1366-pixel-wide laptop screen.
        self.setMinimumWidth(1240)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self._language_label.setText(self.tr("Language"))
        self.start_at_login.setText(self.tr("Start Kesher when I log in"))
        if self.users is not None:
            # Two addresses of mine, for two jobs: say which this one is (see Send from).
            self.users.my_email.setPlaceholderText(self.tr("Empty: the address mail is sent from"))
            self.users.my_email.setToolTip(
                self.tr(
                    "Invitations name you at this address as their organiser, and your "
                    "contacts' answers go to it."
                )
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._keep_on_screen()

    def apply(self) -> None:
        """Check every section, then save them all; nothing is kept while one is wrong."""
        mail = self.mail.values()
        tracking = self.tracking.values()
        google_ok = self.google.check()
        me_ok = self._check_me()
        if mail is None or tracking is None or not google_ok or not me_ok:
            self._make_room()
            return
        # Saved in the order they can still fail: the keyring or the autostart folder may
        # refuse, while my name, checked above, will not.
        if not self.mail.save(mail) or not self.tracking.save(tracking):
            return
        self.google.save()
        self.dropbox.save()
        if not self._apply_start_at_login():
            return
        if self.users is not None and not self.users.save_me():
            return

        language = self.language.currentData()
        if language != self._settings.language:
            self._settings.language = language
            install_language(QApplication.instance(), language)
        self._settings.save()
        self.accept()

    def _make_room(self) -> None:
        """Grow for the error lines just shown, as far as the screen allows; beyond that
        the sections scroll."""
        wanted = self.sizeHint().height()
        if wanted > self.height():
            self.resize(self.width(), wanted)
        self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        """Shrink the dialog to its screen's free height and move it wholly onto it: grown
        where it stood, its OK and Cancel would fall below a laptop screen's edge."""
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry()
        # The title bar and borders take room on the screen too.
        decorations = self.frameGeometry().height() - self.height()
        if self.height() + decorations > room.height():
            self.resize(self.width(), room.height() - decorations)

        frame = self.frameGeometry()
        # Wider than the screen, its left edge stays on it.
        left = max(room.left(), min(frame.left(), room.right() + 1 - frame.width()))
        top = max(room.top(), min(frame.top(), room.bottom() + 1 - frame.height()))
        if (left, top) != (frame.left(), frame.top()):
            self.move(left, top)

    def _check_me(self) -> bool:
        """My name and address checked by the rules `UserService.rename_me` applies, the
        address taken by another user included, before any section is saved."""
        return self.users is None or self.users.check_me()

    def _apply_start_at_login(self) -> bool:
        wanted = self.start_at_login.isChecked()
        self.start_error.clear()
        try:
            # Written again when on, so a moved installation starts from where it is now.
            if wanted or self._autostart.is_enabled():
                self._autostart.apply(wanted)
        except OSError as error:
            log.warning("start at login not changed wanted=%s", wanted, exc_info=True)
            self.start_error.show_message(
                self.tr("Could not change starting at login: {reason}").format(
                    reason=error.strerror or str(error)
                )
            )
            return False
        self._settings.start_at_login = wanted
        return True
