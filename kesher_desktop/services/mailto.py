"""Building mailto: links (RFC 6068) for opening the user's own mail program.

Qt-free, so the exact text of a link can be checked in a plain test.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote

# Links longer than this fail in some mail programs and in Windows' ShellExecute; the
# issue asks for "under 2,000 characters".
MAX_URL_LENGTH = 1999

# A header is one line: a line break inside a subject would end the header in the mail
# program, so breaks there become a single space.
_LINE_BREAKS = re.compile(r"\s*(?:\r\n|\r|\n)\s*")
_BODY_BREAKS = re.compile(r"\r\n|\r|\n")


def mailto_url(
    to: str | Iterable[str],
    subject: str = "",
    body: str = "",
    cc: Iterable[str] = (),
    bcc: Iterable[str] = (),
) -> str:
    """A mailto: URL with every value UTF-8 percent-encoded; empty fields are left out.

    Only unreserved characters (and the `@` and `,` of addresses) stay as they are: `&`,
    `=`, `:`, `+` and spaces are encoded, a space as %20, never as `+`, which some mail
    programs would keep as a plus.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    params = [
        ("subject", quote(_LINE_BREAKS.sub(" ", subject.strip()), safe="")),
        ("cc", _addresses(cc)),
        ("bcc", _addresses(bcc)),
        # RFC 6068 section 5: a line break in the body is written as %0D%0A.
        ("body", quote(_BODY_BREAKS.sub("\r\n", body), safe="")),
    ]
    query = "&".join(f"{name}={value}" for name, value in params if value)

    url = "mailto:" + _addresses(recipients)
    return f"{url}?{query}" if query else url


@dataclass(frozen=True)
class MailtoLink:
    """A mailto: URL, and whether the body (or subject) had to be cut to fit.

    The caller tells the user when `cut` is set: the mail program opens with less text
    than was meant.
    """

    url: str
    cut: bool = False


def mailto_link(
    to: str | Iterable[str],
    subject: str = "",
    body: str = "",
    cc: Iterable[str] = (),
    bcc: Iterable[str] = (),
    limit: int = MAX_URL_LENGTH,
) -> MailtoLink:
    """`mailto_url` kept within `limit` characters: the body is cut at a letter boundary
    (never inside a percent-escape or a UTF-8 sequence, never between a letter and its
    points), and should that not do, the subject too."""
    recipients = [to] if isinstance(to, str) else list(to)
    cc, bcc = list(cc), list(bcc)
    head = mailto_url(recipients, subject, "", cc, bcc)
    whole = mailto_url(recipients, subject, body, cc, bcc)
    if len(whole) <= limit:
        return MailtoLink(whole)

    room = limit - len(head) - len("&body=")
    kept = _fit(_BODY_BREAKS.sub("\r\n", body), room)
    if kept.strip():
        return MailtoLink(mailto_url(recipients, subject, kept, cc, bcc), cut=True)

    bare = mailto_url(recipients, "", "", cc, bcc)
    cleaned = _LINE_BREAKS.sub(" ", subject.strip())
    room = limit - len(bare) - len("?subject=")
    return MailtoLink(mailto_url(recipients, _fit(cleaned, room), "", cc, bcc), cut=True)


def tracked_mailto(
    to: str | Iterable[str], tracking_address: str, subject: str = "", body: str = ""
) -> MailtoLink:
    """A link with the contact in To and the tracking address (with its tag) in Bcc."""
    bcc = [tracking_address] if tracking_address.strip() else []
    return mailto_link(to, subject, body, bcc=bcc)


def _fit(text: str, room: int) -> str:
    """The longest start of `text`, in whole letters, whose encoded form fits in `room`."""
    used = 0
    end = 0
    for letter in _letters(text):
        used += len(quote(letter, safe=""))
        if used > room:
            break
        end += len(letter)
    return text[:end]


def _letters(text: str) -> Iterator[str]:
    """`text` in units never to be split: a letter with its combining marks (Hebrew points,
    accents), an emoji joined by ZWJ, a CRLF line break."""
    start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and _continues(text, index):
            continue
        yield text[start:index]
        start = index


def _continues(text: str, index: int) -> bool:
    char, before = text[index], text[index - 1]
    if before == "\r" and char == "\n":
        return True
    if char in _JOINERS or before == _ZWJ:
        return True
    return unicodedata.category(char).startswith("M")


_ZWJ = "\u200d"
_JOINERS = {_ZWJ, "\ufe0e", "\ufe0f"}


def _addresses(addresses: Iterable[str]) -> str:
    """Trimmed addresses joined by commas, each encoded except its `@`."""
    cleaned = [address.strip() for address in addresses if address.strip()]
    return ",".join(quote(address, safe="@") for address in cleaned)
