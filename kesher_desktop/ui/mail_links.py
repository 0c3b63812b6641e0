"""Opening the user's mail program on a message to a contact, with the tracking Bcc.

Every e-mail address and mail icon goes through `open_contact_mail`: with a tracking
mailbox set up, its address tagged for the contact goes in Bcc, so the sent mail comes back
to be logged on the contact; without one the link is a plain mailto:.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from kesher_desktop.services.mailto import MailtoLink, mailto_link, tracked_mailto

if TYPE_CHECKING:
    from kesher_desktop.services.bundle import Services
    from kesher_desktop.services.mail_tracking import TrackingService
    from kesher_desktop.settings import Settings

log = logging.getLogger(__name__)


def open_url(url: str) -> bool:
    """Hand a URL to the desktop (the mail program for mailto:); tests replace this."""
    return QDesktopServices.openUrl(QUrl(url))


def tell(parent: QWidget | None, title: str, text: str) -> None:
    """Show a short notice; tests replace this."""
    QMessageBox.information(parent, title, text)


def window_settings(widget: QWidget | None) -> Settings | None:
    """The settings of the window `widget` sits in (the main window keeps them)."""
    window = widget.window() if widget is not None else None
    return getattr(window, "settings", None)


def contact_mail_link(
    services: Services,
    settings: Settings | None,
    contact_id: int,
    address: str,
    subject: str = "",
    body: str = "",
) -> MailtoLink:
    """The link `open_contact_mail` opens: tracked when a tracking mailbox is set up."""
    mailbox = settings.imap() if settings is not None else None
    if mailbox is None:
        return mailto_link(address, subject, body)
    bcc = tracking_for(services).tracking_address(mailbox.address, contact_id)
    return tracked_mailto(address, bcc, subject, body)


def tracking_for(services: Services) -> TrackingService:
    """The bundle's tracking service, made (once) when the app has not started tracking."""
    tracking = getattr(services, "tracking", None)
    if tracking is None:
        from kesher_desktop.services.mail_tracking import TrackingService

        tracking = TrackingService(services.store, services.clock, services.activities)
        services.tracking = tracking  # type: ignore[attr-defined]
    return tracking


def open_contact_mail(
    parent: QWidget,
    services: Services,
    settings: Settings | None,
    contact_id: int,
    address: str,
    subject: str = "",
    body: str = "",
) -> bool:
    """Open the mail program on a message to `address` (one of the contact's).

    `settings` None means those of `parent`'s window. Returns whether the desktop took
    the link; says so when it did not, and when the text had to be cut to fit a link.
    """
    if not address.strip():
        return False
    if settings is None:
        settings = window_settings(parent)
    link = contact_mail_link(services, settings, contact_id, address, subject, body)
    opened = open_url(link.url)
    title = QCoreApplication.translate("MailLinks", "Write an e-mail")
    if not opened:
        log.warning("mail program not opened contact=%s", contact_id)
        tell(
            parent,
            title,
            QCoreApplication.translate(
                "MailLinks",
                "No mail program opened. Set one as your desktop's default for e-mail "
                "links, then try again.",
            ),
        )
    elif link.cut:
        tell(
            parent,
            title,
            QCoreApplication.translate(
                "MailLinks",
                "The text was too long for a mail link, so the message opens with its "
                "beginning only. Copy the rest into it yourself.",
            ),
        )
    return opened
