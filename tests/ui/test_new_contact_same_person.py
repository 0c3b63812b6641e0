"""File > New contact asks before adding someone already there (same e-mail or phone)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, SamePerson
from kesher_desktop.settings import Settings
from kesher_desktop.ui.main_window import MainWindow
from kesher_desktop.ui.new_contact_dialog import (
    LRM,
    RLM,
    NewContactDialog,
    SamePersonAnswer,
    SamePersonQuestion,
)
from kesher_desktop.ui.widgets.bidi import FSI, LRI, PDI

Answers = list[SamePersonAnswer]


@pytest.fixture
def window(qtbot: QtBot, services: Services, contact_id: int) -> MainWindow:
    """The window over Dana Levi and Avi Cohen, with Avi (first by name) on the page."""
    services.contacts.create(ContactDraft(given_name="אבי", family_name="כהן"))
    shown = MainWindow(Settings())
    qtbot.addWidget(shown)
    shown.attach_services(services)
    shown.show()
    assert shown.contact_page is not None and shown.contact_page.contact_id != contact_id
    return shown


def _new_contact(
    window: MainWindow, email: str, phone: str, answers: Answers, asked: list[SamePerson]
) -> NewContactDialog:
    """Run File > New contact: type a second Dana, press OK, answer the question."""
    opened: list[NewContactDialog] = []

    def fill_and_accept(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewContactDialog)
        opened.append(dialog)
        dialog.ask_about_same_person = (  # type: ignore[method-assign]
            lambda same: asked.append(same) or answers.pop(0)
        )
        dialog.given_name.setText("דנה")
        dialog.family_name.setText("לוי")
        dialog.email.setText(email)
        dialog.phone.setText(phone)
        dialog._buttons.accepted.emit()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.run_dialog = fill_and_accept  # type: ignore[method-assign]
    window.new_contact_action.trigger()
    return opened[0]


def _open_on_page(window: MainWindow) -> int | None:
    assert window.contact_page is not None
    return window.contact_page.contact_id


def test_open_shows_the_stored_contact_and_creates_nothing(
    window: MainWindow, services: Services, contact_id: int
) -> None:
    asked: list[SamePerson] = []

    dialog = _new_contact(window, "DANA.Levi@example.com", "", [SamePersonAnswer.OPEN], asked)

    assert asked == [SamePerson(contact_id, "דנה לוי", email="dana.levi@example.com")]
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.created_id is None
    assert services.contacts.count() == 2
    assert _open_on_page(window) == contact_id
    assert window.contact_list is not None
    assert window.contact_list.view.currentIndex().data() == "דנה לוי"


def test_the_same_phone_written_another_way_is_asked_about_too(
    window: MainWindow, services: Services, contact_id: int
) -> None:
    asked: list[SamePerson] = []

    _new_contact(window, "", "+972 52 123 4567", [SamePersonAnswer.OPEN], asked)

    assert asked == [SamePerson(contact_id, "דנה לוי", phone="052-123-4567")]
    assert services.contacts.count() == 2 and _open_on_page(window) == contact_id


def test_create_anyway_creates_the_second_contact_and_shows_it(
    window: MainWindow, services: Services, contact_id: int
) -> None:
    asked: list[SamePerson] = []

    dialog = _new_contact(
        window, "dana.levi@example.com", "052-123-4567", [SamePersonAnswer.CREATE], asked
    )

    assert [(same.email, same.phone) for same in asked] == [
        ("dana.levi@example.com", "052-123-4567")
    ]
    assert services.contacts.count() == 3
    assert dialog.created_id not in (None, contact_id)
    assert _open_on_page(window) == dialog.created_id


def test_going_back_keeps_everything_typed_and_creates_nothing(
    window: MainWindow, services: Services, contact_id: int
) -> None:
    asked: list[SamePerson] = []
    page_before = _open_on_page(window)

    dialog = _new_contact(window, "dana.levi@example.com", "", [SamePersonAnswer.BACK], asked)

    assert len(asked) == 1 and dialog.result() != QDialog.DialogCode.Accepted
    typed = (dialog.given_name, dialog.family_name, dialog.email, dialog.phone)
    assert [field.text() for field in typed] == ["דנה", "לוי", "dana.levi@example.com", ""]
    assert services.contacts.count() == 2 and _open_on_page(window) == page_before

    # Corrected, the address is no one's: created without a question.
    dialog.email.setText("dana.l@example.net")
    dialog._buttons.accepted.emit()
    assert len(asked) == 1 and dialog.result() == QDialog.DialogCode.Accepted
    assert services.contacts.count() == 3


def test_a_bad_address_is_named_before_anything_is_asked(
    window: MainWindow, services: Services
) -> None:
    asked: list[SamePerson] = []

    dialog = _new_contact(window, "dana.levi@", "052-123-4567", [], asked)

    assert asked == [] and "dana.levi@" in dialog.error.text()
    assert services.contacts.count() == 2


def test_the_question_names_the_contact_and_what_matched() -> None:
    same = SamePerson(7, "דנה לוי", "dana.levi@example.com", "052-123-4567")
    question = SamePersonQuestion(same)

    assert question.text() == (
        f"{LRM}{FSI}דנה לוי{PDI} is already in your contacts with the e-mail address "
        f"{LRI}dana.levi@example.com{PDI} and the phone number {LRI}052-123-4567{PDI}."
    )
    assert question.open_button.text() == f"Open {FSI}דנה לוי{PDI}"
    assert question.create_button.text() == "Create anyway"
    assert question.back_button.text() == "Go back"
    assert question.defaultButton() == question.open_button
    assert question.escapeButton() == question.back_button

    only_phone = SamePersonQuestion(SamePerson(8, "", phone="03-555-0101"))
    assert only_phone.text() == (
        f"{LRM}{FSI}03-555-0101{PDI} is already in your contacts "
        f"with the phone number {LRI}03-555-0101{PDI}."
    )


def test_a_very_long_name_is_cut_in_the_sentence_and_on_the_button() -> None:
    name = "דנה " + "לוי" * 70
    question = SamePersonQuestion(SamePerson(7, name, email="dana.levi@example.com"))

    assert name not in question.text()
    assert f"{FSI}{name[:79]}…{PDI} is already in your contacts" in question.text()
    assert question.open_button.text() == f"Open {FSI}{name[:29]}…{PDI}"


def test_the_question_reads_in_the_page_direction(language: str) -> None:
    # Opening with a name in the other script must not turn the sentence around.
    name = "Dana Levi" if language == "he" else "דנה לוי"
    question = SamePersonQuestion(SamePerson(7, name, email="dana.levi@example.com"))

    assert question.text().startswith(RLM if language == "he" else LRM)
    assert name in question.text() and name in question.open_button.text()


@pytest.mark.parametrize(
    ("press", "expected"),
    [
        ("open_button", SamePersonAnswer.OPEN),
        ("create_button", SamePersonAnswer.CREATE),
        ("back_button", SamePersonAnswer.BACK),
    ],
)
def test_each_button_of_the_real_question_gives_its_answer(
    qtbot: QtBot, services: Services, press: str, expected: SamePersonAnswer
) -> None:
    dialog = NewContactDialog(services.contacts)
    qtbot.addWidget(dialog)
    same = SamePerson(1, "דנה לוי", email="dana.levi@example.com")

    _when_asked(dialog, lambda question: getattr(question, press).click())
    assert dialog.ask_about_same_person(same) is expected


def test_escape_on_the_real_question_goes_back(qtbot: QtBot, services: Services) -> None:
    dialog = NewContactDialog(services.contacts)
    qtbot.addWidget(dialog)

    _when_asked(dialog, lambda question: question.reject())
    assert dialog.ask_about_same_person(SamePerson(1, "דנה לוי")) is SamePersonAnswer.BACK


def _when_asked(dialog: NewContactDialog, answer: Callable[[SamePersonQuestion], None]) -> None:
    """Answer the dialog's question once it is up; close it if still open after 5 s, so a
    test that went wrong fails rather than waits for ever."""

    def find_and_answer() -> None:
        question = QApplication.activeModalWidget()
        assert isinstance(question, SamePersonQuestion)
        answer(question)

    def close_any() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, SamePersonQuestion) and widget.isVisible():
                widget.reject()

    # Timed on the dialog, so nothing fires into a later test once it is gone.
    QTimer.singleShot(0, dialog, find_and_answer)
    QTimer.singleShot(5000, dialog, close_any)
