"""A contact's tags while editing: removable chips and a field that adds one on Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout, QWidget

from kesher_desktop.services.contacts import DEFAULT_TAG_COLOR, TagInfo
from kesher_desktop.ui.widgets.chip import Chip
from kesher_desktop.ui.widgets.flow_layout import FlowLayout
from kesher_desktop.ui.widgets.retranslate import Retranslating


class TagEditor(Retranslating, QWidget):
    """Tags in order; a name typed but not yet added still counts when `tags()` is read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._colors: dict[str, str] = {}
        self._chips = QWidget()
        self._chip_layout = FlowLayout(self._chips)
        self.input = QLineEdit()
        self.input.setObjectName("tagInput")
        self.input.returnPressed.connect(self._add_typed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._chips)
        layout.addWidget(self.input)
        self.retranslate()

    def set_tags(self, names: list[str], known: list[TagInfo]) -> None:
        self._names = list(names)
        self._colors = {tag.name: tag.color for tag in known}
        completer = QCompleter([tag.name for tag in known], self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(completer)
        self.input.clear()
        self._rebuild()

    def tags(self) -> list[str]:
        typed = self.input.text().strip()
        return [*self._names, typed] if typed and not self._has(typed) else list(self._names)

    def add_tag(self, name: str) -> None:
        name = name.strip()
        if name and not self._has(name):
            self._names.append(name)
            self._rebuild()

    def remove_tag(self, name: str) -> None:
        if name not in self._names:
            # Its chip was clicked again before it was gone.
            return
        self._names.remove(name)
        self._rebuild()

    def retranslate(self) -> None:
        self.input.setPlaceholderText(self.tr("Add a tag and press Enter"))

    def _add_typed(self) -> None:
        self.add_tag(self.input.text())
        self.input.clear()

    def _has(self, name: str) -> bool:
        # "vip" beside "VIP" is the same tag, as the store keeps it.
        return name.casefold() in {known.casefold() for known in self._names}

    def _rebuild(self) -> None:
        self._chip_layout.clear()
        for name in self._names:
            chip = Chip(name, self._colors.get(name, DEFAULT_TAG_COLOR), removable=True)
            chip.remove_requested.connect(lambda n=name: self.remove_tag(n))
            self._chip_layout.addWidget(chip)
        self._chips.setVisible(bool(self._names))
