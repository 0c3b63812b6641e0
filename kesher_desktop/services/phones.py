"""Phone numbers in E.164, with Israel as the region when a number has no country code.

`phonenumbers` carries the whole world's numbering plans and takes a noticeable share of
start-up to import, so it is loaded on the first number converted, not with the app.
"""

from __future__ import annotations

DEFAULT_REGION = "IL"


def to_e164(number: str, region: str = DEFAULT_REGION) -> str:
    """The E.164 form of a number, or "" when it cannot be read as a phone number."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(parsed):
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
