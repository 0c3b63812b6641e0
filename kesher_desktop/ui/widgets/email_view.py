"""A logged e-mail shown read-only: subject, from, to, cc, date and body."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from kesher_desktop.services.bundle import Services
from kesher_desktop.ui.widgets.bidi import align_leading, isolate_ltr
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.subject)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        self.retranslate()

    def show_email(self, activity_id: int) -> None:
        email = self._services.activities.logged_email(activity_id)
        self.subject.setText(email.subject)
        self.sender.setText(isolate_ltr(email.sender))
        self.to.setText(isolate_ltr(email.to))
        self.cc.setText(isolate_ltr(email.cc))
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
