"""The contact page driven through its widgets: panes, activities lists, undo, drawer wiring."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QAction, QColor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind, Document
from kesher_desktop.services.activity_state import ActivityState
from kesher_desktop.services.activity_views import PersonRef
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry
from kesher_desktop.ui import mail_links
from kesher_desktop.ui.activity_drawer import ActivityDrawer
from kesher_desktop.ui.activity_list_model import OVERDUE_COLOR, ActivityRole
from kesher_desktop.ui.contact_page import ContactPage, connect_page_and_drawer, dock_area_for
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.widgets.chip import MAX_TEXT_WIDTH, Chip


@dataclass
class Hosted:
    window: QMainWindow
    page: ContactPage
    drawer: ActivityDrawer


@pytest.fixture
def hosted(qtbot, services: Services, contact_id: int) -> Iterator[Hosted]:
    """The page and the drawer in a bare main window, wired as the real one wires them."""
    window = QMainWindow()
    qtbot.addWidget(window)
    page = ContactPage(services)
    drawer = ActivityDrawer(services, window)
    drawer.confirm_discard = lambda: True  # type: ignore[method-assign]
    window.setCentralWidget(page)
    window.addDockWidget(dock_area_for(window.layoutDirection()), drawer)
    drawer.hide()
    connect_page_and_drawer(page, drawer)
    window.resize(1400, 900)
    window.show()
    page.show_contact(contact_id)
    yield Hosted(window, page, drawer)


def _create(
    qtbot, hosted: Hosted, kind: ActivityKind, title: str, start: datetime | None = None
) -> int:
    """Click the kind's toolbar button, fill the drawer and save, as a user would."""
    pane = hosted.page.activities
    button = {
        ActivityKind.MEETING: pane._kind_buttons[ActivityKind.MEETING],
        ActivityKind.CALL: pane._kind_buttons[ActivityKind.CALL],
        ActivityKind.TASK: pane._kind_buttons[ActivityKind.TASK],
    }[kind]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    form = hosted.drawer.form
    assert hosted.drawer.isVisible() and form is not None and form.kind is kind
    form.title.setText(title)
    if start is not None:
        form.starts.set_instant(start)
        form.ends.set_instant(start + timedelta(hours=1))
    with qtbot.waitSignal(hosted.drawer.activity_saved, timeout=1000) as saved:
        QTest.mouseClick(hosted.drawer.save_button, Qt.MouseButton.LeftButton)
    return saved.args[0]


def _trigger(page: ContactPage, activity_id: int, action_name: str) -> None:
    menu = page.activities.menu_for(activity_id)
    action = menu.findChild(QAction, action_name)
    assert action is not None, action_name
    action.trigger()


def _displayed(label: QLabel) -> str:
    """The text a label shows, as Qt decides it: markup rendered, plain text as it is."""
    text, form = label.text(), label.textFormat()
    rich = form is Qt.TextFormat.RichText or (
        form is Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if rich:
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return text.replace("\u200b", "")


def _titles(model) -> list[str]:
    return [model.index(row).data() for row in range(model.rowCount())]


def test_page_shows_the_contact_in_three_panes(hosted: Hosted) -> None:
    page = hosted.page

    assert page.general.name_label.text() == "דנה לוי"
    assert page.splitter.count() == 3
    assert "\u2066052-123-4567\u2069" in page.general._values["phones"].text()
    assert page.activities.todo_empty.isVisibleTo(page)


def test_created_activities_appear_in_to_do(
    qtbot, hosted: Hosted, qtmodeltester, clock: FrozenClock
) -> None:
    _create(qtbot, hosted, ActivityKind.MEETING, "Kick-off", clock.now() + timedelta(days=1))
    _create(qtbot, hosted, ActivityKind.CALL, "Follow-up", clock.now() + timedelta(hours=3))
    _create(qtbot, hosted, ActivityKind.TASK, "Send the offer")

    todo = hosted.page.activities.todo_model
    assert _titles(todo) == ["Follow-up", "Send the offer", "Kick-off"]
    assert hosted.page.activities.todo_view.isVisibleTo(hosted.page)
    qtmodeltester.check(todo)
    qtmodeltester.check(hosted.page.activities.done_model)


def test_moving_the_clock_turns_a_row_red_on_refresh(
    qtbot, hosted: Hosted, clock: FrozenClock
) -> None:
    _create(qtbot, hosted, ActivityKind.MEETING, "Kick-off", clock.now() + timedelta(hours=2))
    index = hosted.page.activities.todo_model.index(0)
    assert index.data(ActivityRole.STATE) == ActivityState.TODO

    clock.advance(timedelta(hours=4))
    hosted.page.refresh_activities()

    index = hosted.page.activities.todo_model.index(0)
    assert index.data(ActivityRole.STATE) == ActivityState.OVERDUE
    assert QColor(index.data(Qt.ItemDataRole.ForegroundRole)) == OVERDUE_COLOR


def test_the_minute_timer_runs_while_the_page_is_shown(hosted: Hosted) -> None:
    timer = hosted.page.activities._timer

    assert timer.isActive() and timer.interval() == 60_000
    hosted.page.hide()
    assert not timer.isActive()


def test_mark_done_moves_the_row_and_undo_brings_it_back(qtbot, hosted: Hosted) -> None:
    activity_id = _create(qtbot, hosted, ActivityKind.CALL, "Follow-up")
    pane = hosted.page.activities

    _trigger(hosted.page, activity_id, "doneAction")

    assert _titles(pane.todo_model) == []
    assert _titles(pane.done_model) == ["Follow-up"]
    assert pane.done_model.index(0).data(ActivityRole.STATE) == ActivityState.DONE
    assert pane.undo_bar.isVisibleTo(pane)

    QTest.mouseClick(pane.undo_bar.undo_button, Qt.MouseButton.LeftButton)

    assert _titles(pane.todo_model) == ["Follow-up"]
    assert not pane.undo_bar.isVisibleTo(pane)


def test_mark_not_done_from_the_done_list(qtbot, hosted: Hosted, services: Services) -> None:
    activity_id = _create(qtbot, hosted, ActivityKind.TASK, "Send the offer")
    services.activities.set_done(activity_id, True)
    hosted.page.refresh_activities()

    _trigger(hosted.page, activity_id, "doneAction")

    assert _titles(hosted.page.activities.todo_model) == ["Send the offer"]


def test_cancel_shows_the_row_as_cancelled_in_done(qtbot, hosted: Hosted) -> None:
    activity_id = _create(qtbot, hosted, ActivityKind.MEETING, "Kick-off")
    pane = hosted.page.activities

    _trigger(hosted.page, activity_id, "cancelAction")

    assert pane.done_model.index(0).data(ActivityRole.STATE) == ActivityState.CANCELLED
    assert pane.done_model.index(0).data(ActivityRole.STATE_NAME) == "Cancelled"
    assert pane.done_model.index(0).data(Qt.ItemDataRole.ForegroundRole) is not None

    _trigger(hosted.page, activity_id, "cancelAction")

    assert _titles(pane.todo_model) == ["Kick-off"]


def test_delete_offers_undo_which_restores(qtbot, hosted: Hosted, services: Services) -> None:
    activity_id = _create(qtbot, hosted, ActivityKind.CALL, "Follow-up")
    pane = hosted.page.activities

    _trigger(hosted.page, activity_id, "deleteAction")

    assert _titles(pane.todo_model) == []
    assert pane.undo_bar.message.text() == "Activity deleted"
    assert pane.undo_bar.undo_button.text() == "Undo"

    QTest.mouseClick(pane.undo_bar.undo_button, Qt.MouseButton.LeftButton)

    assert _titles(pane.todo_model) == ["Follow-up"]
    assert services.activities.row(activity_id).title == "Follow-up"


def test_do_again_opens_a_prefilled_drawer_that_saves_a_new_one(
    qtbot, hosted: Hosted, clock: FrozenClock
) -> None:
    original = _create(qtbot, hosted, ActivityKind.MEETING, "Weekly", clock.now())
    clock.advance(timedelta(days=7))

    _trigger(hosted.page, original, "againAction")

    form = hosted.drawer.form
    assert hosted.drawer.isVisible() and form is not None
    assert form.title.text() == "Weekly"
    with qtbot.waitSignal(hosted.drawer.activity_saved, timeout=1000) as saved:
        QTest.mouseClick(hosted.drawer.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0] != original
    assert _titles(hosted.page.activities.todo_model).count("Weekly") == 2


def test_a_guest_contact_sees_the_meeting_and_loses_it_when_taken_off(
    qtbot, hosted: Hosted, services: Services, contact_id: int
) -> None:
    guest = services.contacts.create(ContactDraft(given_name="נועה", family_name="לוי"))
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.title = "Board meeting"
    draft.participants.append(PersonRef("contact", guest))
    meeting = services.activities.create(contact_id, draft)
    hosted.page.show_contact(guest)
    todo = hosted.page.activities.todo_model
    assert _titles(todo) == ["Board meeting"]

    # "Do again" from the guest's page plans the copy with the contact it was planned with.
    _trigger(hosted.page, meeting, "againAction")
    with qtbot.waitSignal(hosted.drawer.activity_saved, timeout=1000) as saved:
        QTest.mouseClick(hosted.drawer.save_button, Qt.MouseButton.LeftButton)
    copy = services.activities.row(saved.args[0])
    assert copy.contact_id == contact_id and copy.concerns(guest)
    assert _titles(todo) == ["Board meeting", "Board meeting"]

    # Taken off the original from the guest's own page: it leaves the list there.
    _trigger(hosted.page, meeting, "editAction")
    form = hosted.drawer.form
    assert form is not None
    chip = form.participants.chip_of(PersonRef("contact", guest))
    assert chip is not None
    chip.remove_requested.emit()
    with qtbot.waitSignal(hosted.drawer.activity_saved, timeout=1000):
        QTest.mouseClick(hosted.drawer.save_button, Qt.MouseButton.LeftButton)

    assert todo.ids() == [copy.id]
    assert services.activities.row(meeting).contact_id == contact_id


def test_edit_from_the_menu_opens_the_drawer(qtbot, hosted: Hosted) -> None:
    activity_id = _create(qtbot, hosted, ActivityKind.CALL, "Follow-up")

    _trigger(hosted.page, activity_id, "editAction")

    assert hosted.drawer.isVisible()
    assert hosted.drawer.form is not None and hosted.drawer.form.title.text() == "Follow-up"


def test_email_button_opens_a_mailto_link(hosted: Hosted, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(mail_links, "open_url", lambda url: opened.append(url) or True)

    QTest.mouseClick(hosted.page.activities.email_button, Qt.MouseButton.LeftButton)

    assert opened == ["mailto:dana.levi@example.com"]


def test_without_an_address_the_email_button_says_why(hosted: Hosted, contact_id: int) -> None:
    pane = hosted.page.activities

    pane.show_contact(contact_id, "")

    assert not pane.email_button.isEnabled()
    assert "no e-mail address" in pane.email_button.toolTip()

    pane.show_contact(contact_id, "dana.levi@example.com")

    assert pane.email_button.isEnabled()
    assert "mail program" in pane.email_button.toolTip()


def test_general_pane_saves_the_whole_draft(
    qtbot, hosted: Hosted, services: Services, contact_id: int
) -> None:
    general = hosted.page.general
    QTest.mouseClick(general.section.edit_button, Qt.MouseButton.LeftButton)
    assert general.section.is_editing()
    general.role.setText("מנכ״לית")
    general.notes.setPlainText("מעדיפה בקרים")

    with qtbot.waitSignal(hosted.page.contact_changed, timeout=1000) as changed:
        QTest.mouseClick(general.section.save_button, Qt.MouseButton.LeftButton)

    assert changed.args == [contact_id]
    saved = services.contacts.get(contact_id)
    assert (saved.role, saved.notes) == ("מנכ״לית", "מעדיפה בקרים")
    assert saved.phones[0].number == "052-123-4567"
    assert saved.tags == ["לקוחות"]
    assert not general.section.is_editing()
    assert "מנכ״לית" in general.subtitle.text()


def test_typed_text_is_shown_as_typed_and_a_long_run_wraps_inside_the_window(
    qtbot, hosted: Hosted, services: Services, contact_id: int
) -> None:
    draft = services.contacts.get(contact_id)
    draft.address = "הרצל 5 & 7, תל אביב"
    draft.notes = "Tom & Jerry <b>\n" + "x" * 400
    draft.organisation = "כהן & בניו <בע״מ>"
    draft.fields = [("Link", "https://example.com/?a=1&b=2&" + "c" * 300)]
    services.contacts.update(contact_id, draft)
    window_width = hosted.window.width()

    hosted.page.show_contact(contact_id)

    general = hosted.page.general
    assert _displayed(general._values["address"]) == "הרצל 5 & 7, תל אביב"
    assert _displayed(general._values["notes"]) == "Tom & Jerry <b>\n" + "x" * 400
    assert _displayed(general.subtitle).endswith("כהן & בניו <בע״מ>")
    # However long the unbroken text, the page still fits the window it had.
    assert hosted.window.minimumSizeHint().width() < window_width
    qtbot.waitUntil(lambda: hosted.window.width() == window_width, timeout=1000)


def test_a_long_tag_is_cut_in_its_chip_and_the_edit_form_keeps_its_width(
    qtbot, hosted: Hosted, services: Services, contact_id: int
) -> None:
    long_tag = "תג ארוך " + "מאוד " * 12
    draft = services.contacts.get(contact_id)
    draft.tags = [*draft.tags, long_tag.strip()]
    services.contacts.update(contact_id, draft)
    hosted.page.show_contact(contact_id)
    general = hosted.page.general

    QTest.mouseClick(general.section.edit_button, Qt.MouseButton.LeftButton)

    chips = general.tags.findChildren(Chip)
    [chip] = [chip for chip in chips if chip.text() == long_tag.strip()]
    shown = chip.findChild(QLabel, "chipText")
    assert shown is not None and "\u2026" in shown.text()
    assert shown.toolTip() == long_tag.strip()
    assert chip.sizeHint().width() <= MAX_TEXT_WIDTH + 60
    assert general.minimumSizeHint().width() < 500


def test_a_contact_without_a_name_is_headed_as_the_list_names_it(
    hosted: Hosted, services: Services
) -> None:
    by_mail = services.contacts.create(
        ContactDraft(emails=[EmailEntry("info@example.com", "work")])
    )
    by_phone = services.contacts.create(ContactDraft(phones=[PhoneEntry("03-555-0199", "work")]))
    general = hosted.page.general

    hosted.page.show_contact(by_mail)
    assert general.name_label.text() == "info@example.com"
    hosted.page.show_contact(by_phone)
    assert general.name_label.text() == "03-555-0199"


def test_general_pane_shows_a_bad_email_beside_the_field(
    hosted: Hosted, services: Services, contact_id: int
) -> None:
    general = hosted.page.general
    general.section.start_editing()
    general.given_name.setText("דנה מ.")
    general.emails.add_entry("not-an-address", "home")

    QTest.mouseClick(general.section.save_button, Qt.MouseButton.LeftButton)

    # The address is set off with bidi isolates so it reads right inside Hebrew too.
    assert general.error_text("emails") == (
        "“\u2068not-an-address\u2069” is not a valid e-mail address."
    )
    assert general.section.is_editing()
    assert general.given_name.text() == "דנה מ."
    assert ("not-an-address", "home") in general.emails.entries()
    assert services.contacts.get(contact_id).given_name == "דנה"


def test_tag_colour_goes_through_one_replaceable_question(
    hosted: Hosted, services: Services
) -> None:
    general = hosted.page.general
    general.choose_tag_color = lambda name, current: "#ff0000"  # type: ignore[method-assign]

    general.recolor_tag("לקוחות")

    assert {t.name: t.color for t in services.contacts.tags()}["לקוחות"] == "#ff0000"


def test_details_pane_edits_the_free_fields(
    qtbot, hosted: Hosted, services: Services, contact_id: int
) -> None:
    details = hosted.page.details
    details.section.start_editing()
    details.editor.add_field("ח.פ.", "514567890")
    details.editor.add_field("", "")

    with qtbot.waitSignal(details.contact_saved, timeout=1000):
        QTest.mouseClick(details.section.save_button, Qt.MouseButton.LeftButton)

    assert services.contacts.get(contact_id).fields == [("ח.פ.", "514567890")]
    assert services.contacts.get(contact_id).emails[0].address == "dana.levi@example.com"


def test_labels_the_importer_wrote_read_in_the_users_language(
    hosted: Hosted, services: Services, contact_id: int
) -> None:
    draft = services.contacts.get(contact_id)
    draft.fields = [("Home address", "4 Hagefen St, Haifa"), ("ח.פ.", "514567890")]
    services.contacts.update(contact_id, draft)
    app = QApplication.instance()

    try:
        install_language(app, "he")
        hosted.page.show_contact(contact_id)
        captions = [
            label.text() for label in hosted.page.details.findChildren(QLabel, "fieldCaption")
        ]
    finally:
        install_language(app, "en")

    assert "כתובת בית" in captions and "ח.פ." in captions
    # Kept as written: the store does not change with the language.
    assert services.contacts.get(contact_id).fields[0][0] == "Home address"


def test_details_pane_lists_documents_with_an_attach_button(
    hosted: Hosted, services: Services, contact_id: int
) -> None:
    with services.store.session() as session:
        session.add(
            Document(
                contact_id=contact_id,
                name="הצעת מחיר.pdf",
                size=200_000,
                added_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
            )
        )
    hosted.page.refresh()

    [row] = hosted.page.details.documents.rows
    assert row.name_label.text() == "הצעת מחיר.pdf" and "195\u00a0KB" in row.meta_label.text()
    # The day beside the name (the column is narrow), the time it was added in the tooltip.
    assert "01/03/2026" in row.meta_label.text() and ":" not in row.meta_label.text()
    assert "01/03/2026 10:00" in row.meta_label.toolTip()
    # Attaching is in (tests/ui/test_attachments*.py); folder links show only where Dropbox
    # or Google is set up (tests/ui/test_folder_links*.py), and neither is here.
    card = hosted.page.details.documents
    assert card.attach_button.isVisibleTo(card)
    buttons = hosted.page.details.findChildren(QPushButton)
    shown = [b for b in buttons if b.isVisibleTo(card)]
    assert [b for b in shown if "link" in (b.text() + b.toolTip()).lower()] == []


def test_right_to_left_puts_the_general_pane_on_the_right(hosted: Hosted, qtbot) -> None:
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        qtbot.waitUntil(lambda: hosted.page.layoutDirection() == Qt.LayoutDirection.RightToLeft)
        hosted.page.splitter.refresh()
        general = hosted.page.splitter.widget(0).geometry()
        activities = hosted.page.splitter.widget(1).geometry()
        assert general.x() > activities.x()
        assert (
            dock_area_for(QApplication.layoutDirection()) == Qt.DockWidgetArea.RightDockWidgetArea
        )
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


class MarkingTranslator(QTranslator):
    """Translates every string to itself with a leading "~", to see which texts follow."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return "~" + source

    def isEmpty(self) -> bool:
        return False


def test_texts_follow_a_change_of_language(qtbot, hosted: Hosted, contact_id: int) -> None:
    page = hosted.page
    hosted.drawer.open_new(contact_id, ActivityKind.TASK)
    translator = MarkingTranslator()
    QApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: page.activities.todo_heading.text().startswith("~"))

        assert page.activities.todo_heading.text() == "~To do (0)"
        assert page.activities.email_button.text().endswith("~E-mail")
        assert page.general.section.title.text() == "~Details"
        assert page.details.documents.title.text() == "~Documents"
        assert hosted.drawer.save_button.text().endswith("~Save")
        assert hosted.drawer.form is not None
        assert hosted.drawer.form.done.text() == "~Done"
    finally:
        QApplication.removeTranslator(translator)
