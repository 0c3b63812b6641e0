"""Words about attached files, in the user's language: sizes and why a file was refused."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kesher_desktop.services.attachment_intake import (
    MAX_ATTACHMENT_BYTES,
    RefusalReason,
    RefusedFile,
)
from kesher_desktop.ui.widgets.bidi import isolate

KIB = 1024
MIB = 1024 * 1024


def size_text(size: int | None) -> str:
    """The size as "48 KB" or "12.5 MB"; empty when it is not known."""
    if size is None:
        return ""
    if size < MIB:
        amount = str(max(1, round(size / KIB)))
        text = QCoreApplication.translate("FileTexts", "{size} KB").format(size=amount)
    else:
        amount = f"{size / MIB:.1f}".removesuffix(".0")
        text = QCoreApplication.translate("FileTexts", "{size} MB").format(size=amount)
    # A line never breaks between the number and its unit.
    return text.replace(" ", "\u00a0")


def refusal_text(refused: RefusedFile) -> str:
    """One sentence naming the file and why it was not attached."""
    name = isolate(refused.name or untitled())
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
