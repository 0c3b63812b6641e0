"""A long run of ordinary UI work in one process must not crash or leak into an abort.

PySide6 6.12.0 on CPython 3.11 lost a reference to None on each Qt call returning nothing
and aborted after a few thousand; this keeps 20,000 operations in one process as a guard.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta
from itertools import cycle

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activity_state import ActivityState
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft
from kesher_desktop.settings import Settings
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.main_window import MainWindow

OPERATIONS = int(os.environ.get("KESHER_SOAK_OPERATIONS", "20000"))
KINDS = (ActivityKind.MEETING, ActivityKind.CALL, ActivityKind.TASK)


def test_twenty_thousand_operations_in_one_process(
    qtbot: QtBot, services: Services, clock: FrozenClock
) -> None:
    contacts = [
        services.contacts.create(ContactDraft(given_name=f"איש {n}", family_name="קשר"))
        for n in range(12)
    ]
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.attach_services(services)
    window.show()
    page, drawer, listing = window.contact_page, window.drawer, window.contact_list
    assert page is not None and drawer is not None and listing is not None
    pane = page.activities
    app = QApplication.instance()
    state = {"contact": contacts[0], "activity": 0, "kind": cycle(KINDS)}

    def pick_contact() -> None:
        state["contact"] = contacts[(contacts.index(state["contact"]) + 1) % len(contacts)]
        page.show_contact(state["contact"])

    def plan() -> None:
        kind = next(state["kind"])  # type: ignore[call-overload]
        drawer.open_new(state["contact"], kind)
        drawer.form.title.setText(f"פעולה {state['activity']}")
        saved = drawer.save()
        assert saved is not None
        state["activity"] = saved

    steps: list[Callable[[], None]] = [
        lambda: listing.search.setText("איש"),
        lambda: listing.search.setText("איש 1"),
        lambda: listing.search.clear(),
        pick_contact,
        plan,
        lambda: pane.set_done(state["activity"], True),
        lambda: pane.undo_bar.undo(),
        lambda: pane.set_cancelled(state["activity"], True),
        lambda: clock.advance(timedelta(minutes=7)),
        lambda: pane.refresh(),
        lambda: pane.menu_for(state["activity"]).deleteLater(),
        lambda: pane.delete(state["activity"]),
        lambda: app.processEvents(),  # type: ignore[union-attr]
    ]
    done = 0
    while done < OPERATIONS:
        for step in steps:
            step()
            done += 1
        if done % 2600 == 0:
            install_language(app, "he" if done % 5200 else "en")  # type: ignore[arg-type]

    install_language(app, "en")  # type: ignore[arg-type]
    # The work really happened: every planned activity was completed, undone and cancelled.
    page.show_contact(contacts[0])
    assert services.activities.rows_for_contact(contacts[0]) == []
    planned = state["activity"]
    services.activities.restore(planned)
    assert services.activities.row(planned).state is ActivityState.CANCELLED
    assert planned >= OPERATIONS // len(steps)
