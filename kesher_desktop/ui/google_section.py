"""The Google account group of Settings: its OAuth client file, the connection, the
calendar events go to, and whether Google sends the invitations."""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.calendar_client import GOOGLE_API_BASE
from kesher_desktop.services.calendar_list import writable_calendars
from kesher_desktop.services.google_account import GoogleAccount
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import GOOGLE_CLIENT_FILE_VARIABLE, Settings
from kesher_desktop.ui.account_section import AccountSection, wrap_to_column
from kesher_desktop.ui.calendar_picker import CalendarPicker
from kesher_desktop.ui.google_connect_dialog import (
    GoogleConnectDialog,
    google_problem_text,
    no_keyring_text,
)
from kesher_desktop.ui.widgets.bidi import align_leading, isolate_ltr, make_ltr
from kesher_desktop.ui.widgets.field_error import FieldError


class GoogleSection(AccountSection):
    """The Google account: its OAuth client file, the connection, the calendar, who invites.

    Connecting and disconnecting take effect at once (the key is in the keyring, or gone,
    by then), so they save the account and its client file straight away; the calendar and
    the invitations choice are saved with OK like the rest of the dialog. The calendars to
    choose from are asked of Google at `api_base` once an account is connected.
    """

    ACCOUNT_SETTING = "google_account"
    LOG_NAME = "google"

    def __init__(
        self,
        settings: Settings,
        secrets: SecretStore,
        parent: QWidget | None = None,
        api_base: str = GOOGLE_API_BASE,
    ) -> None:
        super().__init__(settings, secrets, parent)
        self.account = GoogleAccount(secrets, self._as_typed)
        variable = os.environ.get(GOOGLE_CLIENT_FILE_VARIABLE, "").strip()
        self._from_environment = bool(variable)

        self.client_file = make_ltr(QLineEdit(variable or settings.google_client_file))
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        self.client_problem = FieldError()
        self.client_note = QLabel()
        self.client_note.setObjectName("fieldCaption")
        self.client_note.setWordWrap(True)
        account = self.account
        self.calendar = CalendarPicker(
            settings.google_calendar_id,
            settings.google_calendar_name,
            lambda: writable_calendars(account.credentials(), api_base),
        )
        self.sends_invitations = QCheckBox()
        self.sends_invitations.setChecked(settings.google_sends_invitations)
        self.invitations_note = QLabel()
        self.invitations_note.setObjectName("fieldCaption")
        self.invitations_note.setWordWrap(True)
        self._labels = [QLabel() for _ in range(3)]

        for label in (self.client_problem, self.invitations_note):
            wrap_to_column(label)
        if self._from_environment:
            # Named for the whole machine by whoever installed Kesher: shown, not edited.
            self.client_file.setReadOnly(True)
            self.browse_button.setEnabled(False)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.client_file, 1)
        file_row.addWidget(self.browse_button)
        account_buttons = QHBoxLayout()
        account_buttons.setContentsMargins(0, 0, 0, 0)
        account_buttons.addWidget(self.connect_button)
        account_buttons.addWidget(self.disconnect_button)
        account_buttons.addStretch(1)

        form = QFormLayout(self)
        form.addRow(self._labels[0], _stacked(file_row, self.client_problem, self.client_note))
        form.addRow(self._labels[1], _stacked(self.state, account_buttons))
        form.addRow(self._labels[2], self.calendar)
        form.addRow(_stacked(self.sends_invitations, self.invitations_note))

        self.client_file.textChanged.connect(self._show_client_problem)
        self._read_account()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Google account"))
        texts = (self.tr("OAuth client file"), self.tr("Account"), self.tr("Calendar"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.browse_button.setText(self.tr("Browse…"))
        self.client_file.setPlaceholderText(self.tr("A JSON file supplied with Kesher"))
        self.client_note.setText(
            self.tr("Set for this computer by {variable}.").format(
                variable=isolate_ltr(GOOGLE_CLIENT_FILE_VARIABLE)
            )
        )
        self.client_note.setVisible(self._from_environment)
        self.sends_invitations.setText(self.tr("Google sends the invitations"))
        self.invitations_note.setText(
            self.tr("For activities in your calendar, Google mails them instead of Kesher.")
        )
        for label in (self.client_problem, self.client_note, self.state, self.invitations_note):
            align_leading(label)
        self._show_client_problem()
        self._show_account()

    # -- API -------------------------------------------------------------------------------

    def check(self) -> bool:
        """Whether the client file typed can be kept; if not, says why beside the field.

        An empty field only means Google is not set up yet. A file the environment names
        is not the user's to fix here, so it never holds the dialog open.
        """
        if self._from_environment or not self.client_file.text().strip():
            return True
        problem = self.account.client_problem()
        if problem is None:
            return True
        self.client_problem.show_message(google_problem_text(problem))
        return False

    def save(self) -> None:
        """Put the calendar, the invitations choice and the client file into the settings."""
        settings = self._settings
        if not self._from_environment:
            settings.google_client_file = self.client_file.text().strip()
        settings.google_calendar_id = self.calendar.calendar_id()
        settings.google_calendar_name = self.calendar.calendar_name()
        settings.google_sends_invitations = self.sends_invitations.isChecked()

    def choose_client_file(self) -> str:
        """Ask for the client file; "" when the user cancels. Tests replace this method."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the OAuth client file"),
            self.client_file.text(),
            self.tr("Google client file (*.json)"),
        )
        return path

    # -- helpers ---------------------------------------------------------------------------

    def _as_typed(self) -> Settings:
        """The settings with the client file the form shows, which may not be saved yet."""
        return replace(self._settings, google_client_file=self.client_file.text().strip())

    def _browse(self) -> None:
        path = self.choose_client_file()
        if path:
            self.client_file.setText(path)

    def _show_client_problem(self) -> None:
        problem = self.account.client_problem()
        if problem is None:
            self.client_problem.clear()
        else:
            self.client_problem.show_message(google_problem_text(problem))
        self._show_account()

    # -- AccountSection hooks ------------------------------------------------------------

    def _show_account(self) -> None:
        super()._show_account()
        usable = self._keyring_ok and not self._disconnecting
        self.calendar.set_available(usable and self._can_connect() and self._connected)

    def _can_connect(self) -> bool:
        return self.account.client_problem() is None

    def _make_connect_dialog(self) -> GoogleConnectDialog:
        # "Connect again…" stays with the account the calendar syncs with: another one would
        # move the calendar and strand its events. Switching is Disconnect, then Connect.
        linked = self._connected or self._needs_reconnect
        known = self._settings.google_account if linked else ""
        return GoogleConnectDialog(self.account, self, expected_account=known)

    def _keep_typed(self) -> None:
        if not self._from_environment:
            self._settings.google_client_file = self.client_file.text().strip()

    def _no_keyring_text(self) -> str:
        return no_keyring_text()

    def _reconnect_text(self) -> str:
        return self.tr("Google no longer accepts Kesher's access. Connect again.")

    def _not_told_text(self) -> str:
        return self.tr(
            "Forgotten on this computer, but Google could not be told. To withdraw "
            "Kesher's access there too, remove it in your Google account's security "
            "settings."
        )


def _stacked(*parts: QWidget | QHBoxLayout) -> QWidget:
    """Widgets and rows one under the other, as one form field."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for part in parts:
        if isinstance(part, QHBoxLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return box
