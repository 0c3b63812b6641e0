"""Errors that services raise for the UI to show as a translated message.

Services never build user-facing text: they name the problem with a code and its
parameters, and `kesher_desktop.ui.messages` turns that into words in the user's language.
"""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """Something the user asked for cannot be done."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(f"{code} {params}" if params else code)
        self.code = code
        self.params = params


class ValidationError(ServiceError):
    """Input that breaks a rule; `field` names the form field to mark, when there is one."""

    def __init__(self, code: str, field: str = "", **params: Any) -> None:
        super().__init__(code, **params)
        self.field = field


class NotFoundError(ServiceError):
    """The contact, activity or user asked for is not (or no longer) in the store."""
