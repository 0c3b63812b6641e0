"""The Hebrew catalogue covers every string in the code, and the app really switches language."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import translations  # noqa: E402

from kesher_desktop.ui.i18n import install_language  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _messages(catalogue: Path) -> list[ElementTree.Element]:
    return list(ElementTree.parse(catalogue).getroot().iter("message"))


def test_every_string_in_the_code_has_a_hebrew_translation(tmp_path: Path) -> None:
    # Extract afresh into a copy, so a string added to the code without a translation shows.
    fresh = tmp_path / "kesher_he.ts"
    shutil.copy(translations.catalogue("he"), fresh)
    translations.update(fresh)

    missing = []
    for message in _messages(fresh):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(source)
        elif not "".join(translation.itertext()).strip():
            missing.append(source)
    assert missing == []


def test_translations_keep_the_placeholders() -> None:
    wrong = []
    for message in _messages(translations.catalogue("he")):
        source = message.findtext("source") or ""
        translated = "".join(message.find("translation").itertext())  # type: ignore[union-attr]
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translated)):
            wrong.append((source, translated))
    assert wrong == []


def test_compiled_catalogue_is_built_from_the_current_one(tmp_path: Path) -> None:
    compiled = tmp_path / "kesher_he.qm"
    translations.release(translations.catalogue("he"), compiled)
    shipped = translations.catalogue("he").with_suffix(".qm")
    assert compiled.read_bytes() == shipped.read_bytes(), "run tools/translations.py release"


@pytest.mark.usefixtures("qapp")
def test_hebrew_is_right_to_left_and_english_left_to_right() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install_language(app, "he")
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QCoreApplication.translate("MainWindow", "New contact") == "איש קשר חדש"
        # Qt's own strings come in Hebrew too.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "ביטול"

        install_language(app, "en")
        assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert QCoreApplication.translate("MainWindow", "New contact") == "New contact"
    finally:
        install_language(app, "en")


def _file_dialog_labels() -> list[str]:
    """The labels of Qt's own file dialog (not the desktop's), as File > Import shows it."""
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    names = ("lookInLabel", "fileNameLabel", "fileTypeLabel")
    labels = [dialog.findChild(QLabel, name) for name in names]
    texts = [label.text() for label in labels if label is not None]
    dialog.deleteLater()
    return texts


@pytest.mark.usefixtures("qapp")
def test_qt_own_dialogs_speak_hebrew_and_english_again() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install_language(app, "he")
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "חפש בתוך:"
        # Qt's catalogue knows some labels only without the mnemonic they have since gained.
        assert _file_dialog_labels() == ["&חפש בתוך:", "&שם קובץ:", "&קבצים מסוג:"]

        install_language(app, "en")
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"
        assert _file_dialog_labels() == ["&Look in:", "File &name:", "Files of &type:"]
    finally:
        install_language(app, "en")
