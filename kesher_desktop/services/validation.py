"""Small checks shared by the services."""

from __future__ import annotations

import re
from datetime import date

from kesher_desktop.services.errors import ValidationError

# Deliberately loose: one @, something on each side, a dot in the domain, no spaces. Strict
# RFC 5322 parsing refuses addresses people really use.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def check_email(address: str, field: str = "emails") -> str:
    address = address.strip()
    if not _EMAIL.match(address):
        raise ValidationError("email_malformed", field=field, address=address)
    return address


# Digits with the separators people write between them, an optional extension, and the
# leading star of Israeli short business numbers (*2700).
_PHONE = re.compile(r"^[+*]?[\d\s().\-/]*\d[\d\s().\-/]*(?:\s*(?:ext\.?|x|#)\s*\d+)?$", re.I)


def check_phone(number: str, field: str = "phones") -> str:
    number = number.strip()
    if not _PHONE.match(number):
        raise ValidationError("phone_malformed", field=field, number=number)
    return number


def check_length(value: str, limit: int, field: str) -> str:
    if len(value) > limit:
        raise ValidationError("too_long", field=field, limit=limit)
    return value


# The years a planned date may fall in. Qt's date fields alone take 14/09/1752 to 31/12/9999,
# so a slipped key would plan a call for the year 9999 without a word.
FIRST_YEAR = 1900
LAST_YEAR = 2199


def check_year(day: date, code: str, field: str) -> date:
    """`day`, if its year is FIRST_YEAR to LAST_YEAR; else ValidationError `code` on `field`."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(code, field=field, first=FIRST_YEAR, last=LAST_YEAR)
    return day
