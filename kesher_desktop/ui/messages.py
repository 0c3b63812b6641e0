"""Turns the error codes that services raise into words in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kesher_desktop.services.errors import ServiceError
from kesher_desktop.ui.widgets.bidi import isolate, shorten

# lupdate reads the context from each call, so it is spelled out there as "Messages".
CONTEXT = "Messages"


def message_for(error: ServiceError) -> str:
    """A sentence naming the problem, for showing beside a field or in a box."""
    params = {key: isolate(shorten(str(value))) for key, value in error.params.items()}
    template = TEXTS.get(error.code)
    if template is None:
        return QCoreApplication.translate("Messages", "Something went wrong ({code}).").format(
            code=error.code
        )
    translated = QCoreApplication.translate(CONTEXT, template)
    try:
        return translated.format(**params)
    except (KeyError, IndexError):
        return translated


# Marked here and translated when shown, so a language switch takes effect at once.
TEXTS = {
    "email_malformed": QT_TRANSLATE_NOOP("Messages", "“{address}” is not a valid e-mail address."),
    "phone_malformed": QT_TRANSLATE_NOOP("Messages", "“{number}” is not a phone number."),
    "contact_needs_name": QT_TRANSLATE_NOOP(
        "Messages", "Give the contact a name, an organisation, an e-mail or a phone."
    ),
    "too_long": QT_TRANSLATE_NOOP("Messages", "This is too long: at most {limit} characters."),
    "contact_not_found": QT_TRANSLATE_NOOP("Messages", "This contact no longer exists."),
    "activity_not_found": QT_TRANSLATE_NOOP("Messages", "This activity no longer exists."),
    "tag_not_found": QT_TRANSLATE_NOOP("Messages", "There is no tag named “{name}”."),
    "end_before_start": QT_TRANSLATE_NOOP("Messages", "The end must be after the start."),
    "start_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "The start date must be in the years {first} to {last}."
    ),
    "end_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "The end date must be in the years {first} to {last}."
    ),
    "due_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "The due date must be in the years {first} to {last}."
    ),
    "task_needs_title": QT_TRANSLATE_NOOP("Messages", "A task needs a title."),
    "task_needs_responsible": QT_TRANSLATE_NOOP(
        "Messages", "Choose at least one person responsible for the task."
    ),
    "field_required": QT_TRANSLATE_NOOP("Messages", "This field is required."),
    "duration_negative": QT_TRANSLATE_NOOP("Messages", "The duration cannot be negative."),
    "unknown_participant": QT_TRANSLATE_NOOP("Messages", "One of the participants is not known."),
    "reminder_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "A reminder can be at most 60 days before."
    ),
    "email_is_read_only": QT_TRANSLATE_NOOP("Messages", "A logged e-mail cannot be changed."),
    "kind_cannot_change": QT_TRANSLATE_NOOP(
        "Messages", "The kind of an activity cannot be changed."
    ),
    "user_needs_name": QT_TRANSLATE_NOOP("Messages", "A user needs a name."),
    "user_email_taken": QT_TRANSLATE_NOOP(
        "Messages", "“{email}” is already the address of the user “{name}”."
    ),
    "invalid_date": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not a date; write it as day/month/year."
    ),
    "mail_not_set_up": QT_TRANSLATE_NOOP(
        "Messages",
        "Mail is not set up, so the invitation cannot be sent. "
        "Set up the mail server in File > Settings.",
    ),
    "invalid_time": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not a time; write it as hours:minutes."
    ),
}


def store_problem_text(error: Exception) -> str:
    """Why the contacts file cannot be opened, for the window and the command line."""
    from kesher_desktop.db.migrate import DatabaseTooNewError
    from kesher_desktop.db.store import StoreUnavailableError

    if isinstance(error, DatabaseTooNewError):
        return QCoreApplication.translate(
            "Messages",
            "Your contacts file was written by a newer version of Kesher. "
            "Install the newest version to open it; the file was not changed.",
        )
    if isinstance(error, StoreUnavailableError):
        return QCoreApplication.translate(
            "Messages", "Cannot open or create the contacts file {path}: {reason}"
        ).format(path=isolate(str(error.path)), reason=isolate(error.reason))
    return QCoreApplication.translate("Messages", "Cannot open the contacts file.")
