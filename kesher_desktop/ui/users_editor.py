"""Who "me" is, and the other people who can take part in activities or own tasks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.errors import ValidationError
from kesher_desktop.ui.messages import message_for
from kesher_desktop.ui.widgets.bidi import isolate_ltr, make_ltr
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from kesher_desktop.services.users import UserService

log = logging.getLogger(__name__)


class UsersEditor(Retranslating, QWidget):
    """My name and address, saved by `save_me`; other users are added at once."""

    def __init__(self, users: UserService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._users = users
        me = users.me()

        self.my_name = QLineEdit(me.name)
        self.my_email = make_ltr(QLineEdit(me.email))
        self.me_error = FieldError()
        self.others = QListWidget()
        self.others.setMaximumHeight(120)
        self.new_name = QLineEdit()
        self.new_email = make_ltr(QLineEdit())
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_user)
        self.add_error = FieldError()

        self._labels = [QLabel() for _ in range(3)]
        me_form = QFormLayout()
        me_form.addRow(self._labels[0], self.my_name)
        me_form.addRow(self._labels[1], self.my_email)
        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 2)
        adding.addWidget(self.new_email, 3)
        adding.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(me_form)
        layout.addWidget(self.me_error)
        layout.addWidget(self._labels[2])
        layout.addWidget(self.others)
        layout.addLayout(adding)
        layout.addWidget(self.add_error)
        self._list_others()
        self.retranslate()

    def retranslate(self) -> None:
        self._labels[0].setText(self.tr("Your name"))
        self._labels[1].setText(self.tr("Your e-mail"))
        self._labels[2].setText(self.tr("Other users, who can take part in activities"))
        self.new_name.setPlaceholderText(self.tr("Name"))
        self.new_email.setPlaceholderText(self.tr("E-mail (optional)"))
        self.add_button.setText(self.tr("Add user"))

    def check_me(self) -> bool:
        """Whether my name and address can be saved; False, with the reason shown, if not."""
        return self._about_me(self._users.check_me)

    def save_me(self) -> bool:
        """Store my name and address; False, with the reason shown, when they are wrong."""
        return self._about_me(self._users.rename_me)

    def add_user(self) -> None:
        try:
            self._users.add(self.new_name.text(), self.new_email.text())
        except ValidationError as error:
            # What was typed stays in the fields to be corrected, the wrong one in focus.
            self.add_error.show_message(message_for(error))
            self._adding_field(error.field).setFocus()
            return
        log.info("user added")
        self.add_error.clear()
        self.new_name.clear()
        self.new_email.clear()
        self._list_others()

    def _about_me(self, act: Callable[[str, str], None]) -> bool:
        """Run `act` on my name and address as typed; show why it refused, or clear that."""
        try:
            act(self.my_name.text(), self.my_email.text())
        except ValidationError as error:
            self.me_error.show_message(message_for(error))
            return False
        self.me_error.clear()
        return True

    def _adding_field(self, name: str) -> QLineEdit:
        """The field of the new user that a ValidationError's `field` names."""
        return self.new_email if name == "email" else self.new_name

    def _list_others(self) -> None:
        self.others.clear()
        for user in self._users.all():
            if not user.is_me:
                email = f"  {isolate_ltr(user.email)}" if user.email else ""
                self.others.addItem(user.name + email)
