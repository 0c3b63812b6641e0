"""A plain list of listeners told which activity changed, once the change is committed.

No Qt here: the UI and the reminder engine subscribe with ordinary callables and move the
news to their own thread themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

Listener = Callable[[int], None]


class ChangeFeed:
    """Tells every subscriber the id of an activity after a committed change to it.

    A listener that raises is logged and the others are still told: one broken view must
    not stop the reminders from being re-armed.
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, activity_id: int) -> None:
        # A copy, so a listener may unsubscribe itself while being told.
        for listener in list(self._listeners):
            try:
                listener(activity_id)
            except Exception:
                log.exception("change listener failed activity_id=%s", activity_id)
