"""Turns the error codes that services raise into words in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kesher_desktop.services.errors import ServiceError


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def message_for(error: ServiceError) -> str:
    """A sentence naming the problem, for showing beside a field or in a box."""
    params = {key: str(value) for key, value in error.params.items()}
    texts = {
        "email_malformed": _tr("“{address}” is not a valid e-mail address."),
        "phone_malformed": _tr("“{number}” is not a phone number."),
        "contact_needs_name": _tr(
            "Give the contact a name, an organisation, an e-mail or a phone."
        ),
        "too_long": _tr("This is too long: at most {limit} characters."),
        "contact_not_found": _tr("This contact no longer exists."),
        "activity_not_found": _tr("This activity no longer exists."),
        "tag_not_found": _tr("There is no tag named “{name}”."),
        "end_before_start": _tr("The end must be after the start."),
        "task_needs_title": _tr("A task needs a title."),
        "task_needs_responsible": _tr("Choose at least one person responsible for the task."),
        "field_required": _tr("This field is required."),
        "duration_negative": _tr("The duration cannot be negative."),
        "unknown_participant": _tr("One of the participants is not known."),
        "reminder_out_of_range": _tr("A reminder can be at most 60 days before."),
        "email_is_read_only": _tr("A logged e-mail cannot be changed."),
        "kind_cannot_change": _tr("The kind of an activity cannot be changed."),
        "user_needs_name": _tr("A user needs a name."),
        "invalid_date": _tr("“{text}” is not a date; write it as day/month/year."),
        "invalid_time": _tr("“{text}” is not a time; write it as hours:minutes."),
    }
    template = texts.get(error.code)
    if template is None:
        return _tr("Something went wrong ({code}).").format(code=error.code)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
