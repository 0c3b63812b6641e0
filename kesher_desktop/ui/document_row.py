"""One attached file or linked folder as a row: its name, when it came and how big (or
where the folder is), and a ⋮ menu of actions."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.documents import FileState, LinkInfo
from kesher_desktop.services.folder_links import LinkState
from kesher_desktop.ui.file_texts import service_name, size_text, untitled
from kesher_desktop.ui.service_icons import service_icon
from kesher_desktop.ui.widgets.bidi import isolate, isolate_ltr
from kesher_desktop.ui.widgets.elided_label import ElidedLabel
from kesher_desktop.ui.widgets.retranslate import Retranslating
from kesher_desktop.ui.widgets.zoned_time import format_day, format_instant

log = logging.getLogger(__name__)

MENU_GLYPH = "\u22ee"
ICON_SIZE = 20


@dataclass(frozen=True)
class ShownFile:
    """What a row shows; `key` is the document's id, or a draft file's place in the draft."""

    key: int
    name: str
    size: int | None
    added_at: datetime | None
    state: FileState = FileState.PRESENT
    # A file or link held until its activity is saved: it can only be taken off again.
    pending: bool = False
    # Set when the row is a linked folder rather than a file.
    link: LinkInfo | None = None


class DocumentRow(Retranslating, QWidget):
    """A file's or folder link's row; the ⋮ menu opens, copies out (files), renames in place
    or removes it.

    Signals:
        open_requested(int): open the file in the system's program, or the link in the
            browser.
        save_copy_requested(int): save a copy of the file somewhere the user picks.
        rename_requested(int, str): show the file under the name given.
        remove_requested(int): take the file off.
    """

    open_requested = Signal(int)
    save_copy_requested = Signal(int)
    rename_requested = Signal(int, str)
    remove_requested = Signal(int)

    def __init__(self, shown: ShownFile, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentRow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.shown = shown
        self._zone = zone
        # Set apart from the stack's page: hiding the editor ends its editing (focus moves)
        # while the stack still shows it, and that must not count as a rename.
        self._renaming = False

        self.name_label = ElidedLabel()
        self.name_label.setObjectName("documentName")
        self.rename_edit = QLineEdit()
        self.rename_edit.setObjectName("documentRenameEdit")
        self.rename_edit.installEventFilter(self)
        self.rename_edit.editingFinished.connect(self._finish_rename)
        self._name_stack = QStackedWidget()
        self._name_stack.addWidget(self.name_label)
        self._name_stack.addWidget(self.rename_edit)
        self._name_stack.setSizePolicy(self.name_label.sizePolicy())
        # Elided too: a folder's path is as long as the user's folders are deep, and the row
        # must never push its ⋮ button out of the column.
        self.meta_label = ElidedLabel()
        self.meta_label.setObjectName("documentMeta")

        self.menu_button = QToolButton()
        self.menu_button.setObjectName("documentMenuButton")
        self.menu_button.setText(MENU_GLYPH)
        self.menu_button.setAutoRaise(True)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self)
        self.menu_button.setMenu(self.menu)
        self._actions = self._build_actions()

        self._build_layout()
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def is_missing(self) -> bool:
        return self.shown.link is None and self.shown.state is not FileState.PRESENT

    def is_link(self) -> bool:
        return self.shown.link is not None

    def is_dead_link(self) -> bool:
        """A link whose last check found its folder deleted or no longer shared."""
        return self.shown.link is not None and self.shown.link.state is LinkState.DEAD

    def action(self, name: str) -> QAction:
        """One of the menu's actions by object name: open, saveCopy, rename, remove."""
        return self._actions[name]

    def start_rename(self) -> None:
        """Swap the name for an editor holding it, the part before the extension selected."""
        self.rename_edit.setText(self.shown.name)
        stem = self.shown.name.rpartition(".")[0] or self.shown.name
        self.rename_edit.setSelection(0, len(stem))
        self._renaming = True
        self._name_stack.setCurrentWidget(self.rename_edit)
        self.rename_edit.setFocus()

    def is_renaming(self) -> bool:
        return self._renaming

    def cancel_rename(self) -> None:
        self._renaming = False
        self._name_stack.setCurrentWidget(self.name_label)

    def retranslate(self) -> None:
        self.name_label.setText(self.shown.name or untitled())
        self.meta_label.setText(self._meta_text())
        self.meta_label.setToolTip(self._meta_tooltip())
        if self.is_link():
            self.menu_button.setToolTip(self.tr("Actions on this folder link"))
            self.name_label.setToolTip(self._link_tooltip())
        else:
            self.menu_button.setToolTip(self.tr("Actions on this file"))
        texts = {
            "open": self.tr("Open in the browser") if self.is_link() else self.tr("Open"),
            "saveCopy": self.tr("Save a copy…"),
            "rename": self.tr("Rename"),
            "remove": self.tr("Remove"),
        }
        for name, text in texts.items():
            self._actions[name].setText(text)

    # -- Qt overrides ----------------------------------------------------------------------

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self.is_missing() and not self.shown.pending:
            self.open_requested.emit(self.shown.key)
        super().mouseDoubleClickEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.rename_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.cancel_rename()
            return True
        return super().eventFilter(watched, event)

    # -- helpers ---------------------------------------------------------------------------

    def _build_actions(self) -> dict[str, QAction]:
        key = self.shown.key
        actions: dict[str, QAction] = {}
        for name, handler in (
            ("open", lambda: self.open_requested.emit(key)),
            ("saveCopy", lambda: self.save_copy_requested.emit(key)),
            ("rename", self.start_rename),
            ("remove", lambda: self.remove_requested.emit(key)),
        ):
            action = self.menu.addAction("")
            action.setObjectName(name)
            action.triggered.connect(handler)
            actions[name] = action
        # A missing file can still be renamed or removed; there is nothing to open or copy.
        # A draft's file is on no document yet: it can only be taken off the draft.
        for name in ("open", "saveCopy"):
            actions[name].setEnabled(not self.is_missing() and not self.shown.pending)
        actions["rename"].setVisible(not self.shown.pending)
        # A folder has no copy to save; its link opens in the browser instead.
        actions["saveCopy"].setVisible(not self.is_link())
        return actions

    def _build_layout(self) -> None:
        self.icon = icon = QLabel()
        icon.setObjectName("documentIcon")
        if self.shown.link is not None:
            shown_icon = service_icon(self.shown.link.service)
        else:
            shown_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        icon.setPixmap(shown_icon.pixmap(ICON_SIZE, ICON_SIZE))
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(1)
        texts.addWidget(self._name_stack)
        texts.addWidget(self.meta_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 3, 0, 3)
        layout.setSpacing(6)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        layout.addWidget(self.menu_button, 0, Qt.AlignmentFlag.AlignVCenter)
        # Greyed, not hidden: the user should see which file (or folder) is gone.
        gone = self.is_missing() or self.is_dead_link()
        self.name_label.setEnabled(not gone)
        self.meta_label.setEnabled(not gone)
        self.setProperty("missing", gone)

    def _meta_text(self) -> str:
        if self.shown.link is not None:
            return self._link_meta(self.shown.link)
        if self.shown.state is FileState.MISSING:
            return self.tr("File missing")
        parts = []
        if self.shown.added_at is not None:
            # The day is enough beside the name in a narrow column; the hour is in the tooltip.
            day = self.shown.added_at.astimezone(self._zone).date()
            parts.append(isolate_ltr(format_day(day)))
        if self.shown.size is not None:
            parts.append(isolate(size_text(self.shown.size)))
        if self.shown.pending:
            parts.append(self.tr("attached on saving"))
        if self.shown.state is FileState.NOT_KEPT:
            # Mail tracking lists an attachment over the size limit by name only.
            parts.append(self.tr("not kept in the app"))
        return " \u00b7 ".join(parts)

    def _meta_tooltip(self) -> str:
        """When a file was added, to the minute; nothing for links."""
        if self.shown.link is not None or self.shown.added_at is None:
            return ""
        when = isolate_ltr(format_instant(self.shown.added_at, self._zone))
        return self.tr("Added {when}").format(when=when)

    def _link_meta(self, link: LinkInfo) -> str:
        if link.state is LinkState.DEAD:
            return self.tr("{service} folder not found, or no longer shared").format(
                service=service_name(link.service)
            )
        parts = [self.tr("{service} folder").format(service=service_name(link.service))]
        if link.path:
            # Folder names in the reader's direction: a leading "/" would end a Hebrew line.
            folders = [name for name in link.path.split("/") if name]
            parts.append(isolate(" / ".join(folders)))
        if self.shown.pending:
            parts.append(self.tr("linked on saving"))
        return " \u00b7 ".join(parts)

    def _link_tooltip(self) -> str:
        assert self.shown.link is not None
        # Addresses read left to right whatever the language around them.
        return isolate_ltr(self.shown.link.url)

    def _finish_rename(self) -> None:
        if not self.is_renaming():
            return
        self.cancel_rename()
        name = self.rename_edit.text().strip()
        if name and name != self.shown.name:
            self.rename_requested.emit(self.shown.key, name)
