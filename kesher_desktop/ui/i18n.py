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
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt asks the translator installed last first, so this one only when all others
        # have no answer. Ours goes before Qt's: Qt's turns the layout direction at once,
        # and the widgets that follow must find their words already there.
        _load(app, _OlderQtWords(app), f"qtbase_{language}", qt_translations)
        translations = str(resources_dir() / "translations")
        _load(app, QTranslator(app), f"kesher_{language}", translations)
        _load(app, QTranslator(app), f"qtbase_{language}", qt_translations)

    if isinstance(app, QGuiApplication):
        direction = (
            Qt.LayoutDirection.RightToLeft
            if language in RIGHT_TO_LEFT
            else Qt.LayoutDirection.LeftToRight
        )
        app.setLayoutDirection(direction)
    log.info("language set to %s", language)


class _OlderQtWords(QTranslator):
    """Qt's own words whose source text has since gained a mnemonic ("&Look in:" in the
    file dialog), found in Qt's catalogue under their older text ("Look in:").

    Qt's Hebrew catalogue lags behind its sources, so without this a few labels of Qt's
    own dialogs stay in English in a Hebrew window. Nothing else is answered here.
    """

    def translate(  # type: ignore[override]
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "", for "not here": Qt takes an empty string as the translation.
        if source_text.count("&") != 1 or source_text.endswith("&"):
            return None
        older = source_text.replace("&", "")
        found = super().translate(context, older, disambiguation, n)
        return f"&{found}" if found else None


def _load(app: QCoreApplication, translator: QTranslator, name: str, folder: str) -> None:
    if translator.load(name, folder):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.warning("translation %s not found in %s", name, folder)
