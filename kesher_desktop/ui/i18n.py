"""Loading the app's and Qt's own translations, and the layout direction that goes with them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from kesher_desktop.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("he", "en")
RIGHT_TO_LEFT = {"he"}

# Kept alive here: a translator that is garbage-collected silently stops translating.
_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, language: str) -> None:
    """Switch every translation to `language`; English is the source, so it needs none.

    Widgets that re-apply their texts on QEvent.LanguageChange follow at once.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    locale = QLocale(
        QLocale.Language.Hebrew if language == "he" else QLocale.Language.English,
        QLocale.Country.Israel,
    )
    QLocale.setDefault(locale)
    if language != "en":
        _load(app, f"kesher_{language}", str(resources_dir() / "translations"))
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _load(app, f"qtbase_{language}", qt_translations)

    if isinstance(app, QGuiApplication):
        direction = (
            Qt.LayoutDirection.RightToLeft
            if language in RIGHT_TO_LEFT
            else Qt.LayoutDirection.LeftToRight
        )
        app.setLayoutDirection(direction)
    log.info("language set to %s", language)


def _load(app: QCoreApplication, name: str, folder: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, folder):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.warning("translation %s not found in %s", name, folder)
