"""Words about attached files and folder links, in the user's language: sizes, why a file
was refused, and what went wrong with a cloud service."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kesher_desktop.services import folder_links
from kesher_desktop.services.attachment_intake import (
    MAX_ATTACHMENT_BYTES,
    RefusalReason,
    RefusedFile,
)
from kesher_desktop.services.attachment_names import with_long_runs_cut
from kesher_desktop.services.folder_links import FolderLinkError, LinkService
from kesher_desktop.settings import DROPBOX_APP_KEY_VARIABLE, GOOGLE_CLIENT_FILE_VARIABLE
from kesher_desktop.ui.widgets.bidi import isolate, isolate_ltr

KIB = 1024
MIB = 1024 * 1024


def size_text(size: int | None) -> str:
    """The size as "48 KB" or "12.5 MB"; empty when it is not known."""
    if size is None:
        return ""
    if size < MIB:
        # As file managers count: an empty file is 0 KB, any other at least 1 KB.
        amount = str(max(1, round(size / KIB))) if size else "0"
        text = QCoreApplication.translate("FileTexts", "{size} KB").format(size=amount)
    else:
        amount = f"{size / MIB:.1f}".removesuffix(".0")
        text = QCoreApplication.translate("FileTexts", "{size} MB").format(size=amount)
    # A line never breaks between the number and its unit.
    return text.replace(" ", "\u00a0")


def refusal_text(refused: RefusedFile) -> str:
    """One sentence naming the file and why it was not attached."""
    # The message wraps only at spaces; a long name without any would run past the edge.
    name = isolate(with_long_runs_cut(refused.name or untitled()))
    if refused.reason is RefusalReason.TOO_LARGE:
        # The exact byte count matters here: "12.0 MB" and the 12 MB limit would look equal.
        template = QCoreApplication.translate(
            "FileTexts", "“{name}” was not attached: it is {size}, more than the {limit} allowed."
        )
        size = size_text(refused.size) if refused.size is not None else "?"
        if refused.size is not None and size == size_text(MAX_ATTACHMENT_BYTES):
            size = QCoreApplication.translate("FileTexts", "{bytes} bytes").format(
                bytes=f"{refused.size:,}"
            )
        limit = size_text(MAX_ATTACHMENT_BYTES)
        return template.format(name=name, size=isolate(size), limit=isolate(limit))
    if refused.reason is RefusalReason.ALREADY_ATTACHED:
        return QCoreApplication.translate("FileTexts", "“{name}” is already attached.").format(
            name=name
        )
    if refused.reason is RefusalReason.NOT_A_FILE:
        return QCoreApplication.translate(
            "FileTexts", "“{name}” was not attached: it is a folder, not a file."
        ).format(name=name)
    return QCoreApplication.translate(
        "FileTexts", "“{name}” could not be read, so it was not attached."
    ).format(name=name)


def untitled() -> str:
    """What a file whose name had nothing showable in it is called."""
    return QCoreApplication.translate("FileTexts", "Untitled file")


def service_name(service: LinkService) -> str:
    """The cloud service's own name; the brands are not translated."""
    return "Dropbox" if service is LinkService.DROPBOX else "Google Drive"


_LINK_PROBLEMS = {
    folder_links.NOT_CONFIGURED: QT_TRANSLATE_NOOP(
        "FileTexts",
        "{service} is not set up on this computer. Whoever installs Kesher gives its key "
        "in Settings or in {variable}.",
    ),
    folder_links.NOT_CONNECTED: QT_TRANSLATE_NOOP(
        "FileTexts", "No {service} account is connected. Connect one to link its folders."
    ),
    folder_links.RECONNECT_NEEDED: QT_TRANSLATE_NOOP(
        "FileTexts",
        "{service} no longer accepts Kesher's access (it was revoked or expired). "
        "Connect again to link folders.",
    ),
    folder_links.ACCESS_MISSING: QT_TRANSLATE_NOOP(
        "FileTexts", "Kesher is not yet allowed to see your {service} folders."
    ),
    folder_links.CODE_REFUSED: QT_TRANSLATE_NOOP(
        "FileTexts",
        "{service} did not accept this code. Copy the whole code again, or start over.",
    ),
    folder_links.UNREACHABLE: QT_TRANSLATE_NOOP(
        "FileTexts", "{service} could not be reached. Check the internet connection."
    ),
    folder_links.FOLDER_GONE: QT_TRANSLATE_NOOP(
        "FileTexts", "This folder is no longer in {service}."
    ),
}


def folder_link_problem_text(error: FolderLinkError, service: LinkService) -> str:
    """A sentence naming what went wrong while linking or listing folders."""
    template = _LINK_PROBLEMS.get(error.code)
    if template is None:
        template = QT_TRANSLATE_NOOP("FileTexts", "{service} refused the request.")
    variable = DROPBOX_APP_KEY_VARIABLE
    if service is LinkService.DRIVE:
        variable = GOOGLE_CLIENT_FILE_VARIABLE
    return QCoreApplication.translate("FileTexts", template).format(
        service=service_name(service), variable=isolate_ltr(variable)
    )
