"""Building mailto: links (RFC 6068) for opening the user's own mail program.

Qt-free, so the exact text of a link can be checked in a plain test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

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


def _addresses(addresses: Iterable[str]) -> str:
    """Trimmed addresses joined by commas, each encoded except its `@`."""
    cleaned = [address.strip() for address in addresses if address.strip()]
    return ",".join(quote(address, safe="@") for address in cleaned)
