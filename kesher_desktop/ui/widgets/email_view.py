"""A logged e-mail shown read-only: subject, from, to, cc, date and body.

Its mail button answers in the mail program, to the first address the mail went to,
through `open_contact_mail`, so the answer is logged on the contact too.
"""

from __future__ import annotations

import logging
from email.utils import getaddresses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.errors import ServiceError
from kesher_desktop.ui.mail_links import open_contact_mail
from kesher_desktop.ui.widgets.bidi import align_leading, isolate, isolate_ltr
from kesher_desktop.ui.widgets.retranslate import Retranslating
from kesher_desktop.ui.widgets.zoned_time import format_instant

log = logging.getLogger(__name__)


class EmailView(Retranslating, QWidget):
    """Read-only; addresses are isolated so they stay left-to-right in Hebrew."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emailView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._services = services
        self._contact_id: int | None = None
        self._subject = ""
        self._answer_to = ""
        self.subject = QLabel()
        self.subject.setObjectName("emailSubject")
        self.subject.setWordWrap(True)
        self.sender, self.to, self.cc, self.date = QLabel(), QLabel(), QLabel(), QLabel()
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self._captions = [QLabel() for _ in range(4)]

        form = QFormLayout()
        for caption, value in zip(
            self._captions, (self.sender, self.to, self.cc, self.date), strict=True
        ):
            value.setWordWrap(True)
            form.addRow(caption, value)
        self.answer_button = QPushButton()
        self.answer_button.setObjectName("answerButton")
        self.answer_button.clicked.connect(self.answer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.subject, 1)
        head.addWidget(self.answer_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        self.retranslate()

    def show_email(self, activity_id: int) -> None:
        email = self._services.activities.logged_email(activity_id)
        try:
            self._contact_id = self._services.activities.row(activity_id).contact_id
        except ServiceError:
            self._contact_id = None
        self._subject = email.subject
        self.subject.setText(email.subject)
        self.sender.setText(people_text(email.sender))
        self.to.setText(people_text(email.to))
        self.cc.setText(people_text(email.cc))
        self._answer_to = next((a for _, a in getaddresses([email.to]) if a), "")
        self.answer_button.setVisible(bool(self._answer_to and self._contact_id is not None))
        zone = self._services.clock.zone
        self.date.setText(
            isolate_ltr(format_instant(email.sent_at, zone)) if email.sent_at else ""
        )
        self.body.setPlainText(email.body)
        for label in (self.subject, self.sender, self.to, self.cc, self.date):
            align_leading(label)

    def retranslate(self) -> None:
        names = (self.tr("From"), self.tr("To"), self.tr("Cc"), self.tr("Date"))
        for caption, name in zip(self._captions, names, strict=True):
            caption.setText(name)
        self.answer_button.setText("\u2709 " + self.tr("Follow up"))
        self.answer_button.setToolTip(
            self.tr("Write again in your mail program; the answer is logged here too")
        )

    def answer(self) -> bool:
        """Write again to the first address this e-mail went to."""
        return self.write_to(self._answer_to)

    def write_to(self, address: str) -> bool:
        """Open the mail program on an answer to `address`, logged on this e-mail's contact."""
        if self._contact_id is None or not address:
            return False
        subject = self._subject
        if subject and not subject.casefold().startswith("re:"):
            subject = f"Re: {subject}"
        return open_contact_mail(self, self._services, None, self._contact_id, address, subject)


def people_text(header: str) -> str:
    """`Name <address>, ...` with each name in its own direction and each `<address>`
    left-to-right, so no bracket or comma strays to the other end of a Hebrew line."""
    people = [
        f"{isolate(name)} {isolate_ltr(f'<{address}>')}" if name else isolate_ltr(address)
        for name, address in getaddresses([header])
        if address
    ]
    if not people:
        return isolate(header)
    return ", ".join(people)
