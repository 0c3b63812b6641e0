"""Editing a contact's details on a laptop screen, drawer shut or open, in Hebrew and in
English: a typical phone and e-mail address show whole, and so does each one's kind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
)
from pytestqt.qtbot import QtBot

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import EmailEntry, PhoneEntry
from kesher_desktop.settings import Settings
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.main_window import MainWindow

# A 1366x768 laptop screen.
SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 768
PHONE, EMAIL = "+972 52-123-4567", "dana.levi@example.co.il"


def _settle(qtbot: QtBot) -> None:
    """Let docks and layouts finish what a show, a click or a resize set off."""
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(10)


def _line_edit_text_room(edit: QLineEdit) -> int:
    """How wide the line edit's text may be before it scrolls (QLineEdit's own sums)."""
    option = QStyleOptionFrame()
    option.initFrom(edit)
    option.rect = edit.rect()
    option.lineWidth = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    option.state |= QStyle.StateFlag.State_Sunken
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    # QLineEdit keeps 2 pixels clear on each side of its text.
    return contents.width() - margins.left() - margins.right() - 2 * 2


def _combo_text_room(combo: QComboBox) -> int:
    """How wide the combo box's text may be before it is cut."""
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = combo.currentText()
    option.editable = combo.isEditable()
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox,
        option,
        QStyle.SubControl.SC_ComboBoxEditField,
        combo,
    )
    return field.width()


def _assert_rows_fit(window: MainWindow) -> None:
    assert window.contact_page is not None
    general = window.contact_page.general
    edits = general.phones.findChildren(QLineEdit) + general.emails.findChildren(QLineEdit)
    assert [edit.text() for edit in edits] == [PHONE, "03-555-1234", EMAIL]
    for edit in edits:
        assert edit.isVisible()
        # The text and the cursor after it.
        needed = edit.fontMetrics().horizontalAdvance(edit.text()) + 1
        assert needed <= _line_edit_text_room(edit), edit.text()
    combos = general.phones.findChildren(QComboBox) + general.emails.findChildren(QComboBox)
    assert len(combos) == len(edits)
    for combo in combos:
        assert combo.isVisible()
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
        assert needed <= _combo_text_room(combo), combo.currentText()
        assert combo.width() >= combo.sizeHint().width(), combo.currentText()


@pytest.mark.parametrize("drawer_open", [False, True], ids=["drawer-shut", "drawer-open"])
def test_phone_and_email_show_whole_while_editing_on_a_laptop_screen(
    qtbot: QtBot, services: Services, contact_id: int, language: str, drawer_open: bool
) -> None:
    draft = services.contacts.get(contact_id)
    draft.phones = [PhoneEntry(PHONE, "mobile"), PhoneEntry("03-555-1234", "work")]
    draft.emails = [EmailEntry(EMAIL, "work")]
    services.contacts.update(contact_id, draft)
    window = MainWindow(Settings(language=language))
    qtbot.addWidget(window)
    window.attach_services(services)
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    window.show()
    assert window.drawer is not None and window.contact_page is not None
    # Closed at the end while still editing: no question to answer.
    window.confirm_quit = lambda: True  # type: ignore[method-assign]
    window.contact_page.show_contact(contact_id)
    if drawer_open:
        window.drawer.open_new(contact_id, ActivityKind.MEETING)
    _settle(qtbot)
    general = window.contact_page.general
    general.section.edit_button.click()
    _settle(qtbot)

    assert window.width() <= SCREEN_WIDTH
    assert window.minimumSizeHint().width() <= SCREEN_WIDTH
    _assert_rows_fit(window)

    # The other language while editing: its kinds' words fit too ("Mobile" after "נייד").
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "en" if language == "he" else "he")
    _settle(qtbot)
    _assert_rows_fit(window)
