"""Reading an incoming message as Israeli mail really comes: headers, text and attachments.

Python's own header decoding decodes each RFC 2047 encoded word on its own, which breaks a
Hebrew letter that a mail program split across two words; here adjacent words of one charset
are joined as bytes first. The Hebrew charsets Python lacks (iso-8859-8-i and -e, the logical
and explicit-direction labels of iso-8859-8) are registered as aliases on import.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import email
import email.policy
import email.utils
import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from html.parser import HTMLParser

# Attachments up to this size are kept with the logged mail; larger ones are listed by name.
MAX_ATTACHMENT_BYTES = 12 * 1024 * 1024

# The same letters as iso-8859-8: the suffix only says how the text is ordered on screen.
_HEBREW_ALIASES = {"iso_8859_8_i", "iso_8859_8_e", "iso8859_8_i", "iso8859_8_e", "csiso88598i"}


def _hebrew_codecs(name: str) -> codecs.CodecInfo | None:
    if name.replace("-", "_").replace(" ", "_").lower() in _HEBREW_ALIASES:
        return codecs.lookup("iso-8859-8")
    return None


codecs.register(_hebrew_codecs)

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=")
_FOLD = re.compile(r"\r?\n(?=[ \t])")


@dataclass(frozen=True)
class Attachment:
    """A file carried by the message; `data` is None when it was too large to keep."""

    name: str
    mime_type: str
    size: int
    data: bytes | None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest() if self.data is not None else ""


@dataclass
class DecodedMail:
    """What the tracking mailbox needs of one message, decoded to text."""

    message_id: str
    subject: str
    sender: str
    to: list[str]
    cc: list[str]
    # The addresses the message was delivered to (Delivered-To and the like), where a
    # tracking tag in a Bcc shows up.
    delivered_to: list[str]
    sent_at: datetime | None
    body: str
    attachments: list[Attachment] = field(default_factory=list)
    # iMIP replies (METHOD:REPLY), as the bytes of each calendar part.
    calendar_replies: list[bytes] = field(default_factory=list)


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Text in its declared charset; an unknown or wrong label falls back to UTF-8, then 1255."""
    label = (charset or "").split("*", 1)[0].strip().strip('"') or "utf-8"
    try:
        return data.decode(label)
    except (LookupError, UnicodeDecodeError):
        pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("windows-1255", errors="replace")


def decode_header_value(value: str) -> str:
    """An unfolded header with its RFC 2047 encoded words decoded.

    Adjacent encoded words of one charset are joined as bytes before decoding, so a letter
    split between two of them comes out whole; blank space between encoded words is dropped,
    as RFC 2047 section 6.2 says.
    """
    value = _FOLD.sub("", value)
    pieces: list[str] = []
    words: list[bytes] = []
    charset = ""
    position = 0
    for match in _ENCODED_WORD.finditer(value):
        between = value[position : match.start()]
        word_charset = match.group(1).split("*", 1)[0].lower()
        joins = words and not between.strip()
        if not joins or word_charset != charset:
            pieces.append(_decode_words(words, charset))
            words = []
        if not joins:
            pieces.append(between)
        charset = word_charset
        words.append(_word_bytes(match.group(2), match.group(3)))
        position = match.end()
    pieces.append(_decode_words(words, charset))
    pieces.append(value[position:])
    return "".join(pieces).strip()


def _decode_words(words: list[bytes], charset: str) -> str:
    return decode_bytes(b"".join(words), charset) if words else ""


def _word_bytes(encoding: str, text: str) -> bytes:
    if encoding in "Qq":
        return binascii.a2b_qp(text.encode("ascii", "replace"), header=True)
    padded = text + "=" * (-len(text) % 4)
    try:
        return base64.b64decode(padded)
    except (binascii.Error, ValueError):
        return text.encode("ascii", "replace")


def parse_mail(raw: bytes) -> DecodedMail:
    """Decode a whole message as fetched from the server."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    body, attachments, replies = _walk(message)
    return DecodedMail(
        message_id=_message_id(message, raw),
        subject=_header(message, "Subject"),
        sender=", ".join(_addresses(message, "From")),
        to=_addresses(message, "To"),
        cc=_addresses(message, "Cc"),
        delivered_to=_delivery_addresses(message),
        sent_at=_date(message),
        body=body,
        attachments=attachments,
        calendar_replies=replies,
    )


def _header(message: Message, name: str) -> str:
    value = message.get(name)
    return decode_header_value(str(value)) if value is not None else ""


def _message_id(message: Message, raw: bytes) -> str:
    """The Message-ID, or for a message without one a stand-in made from its bytes."""
    value = str(message.get("Message-ID") or "").strip()
    if value:
        return value
    return f"<sha256-{hashlib.sha256(raw).hexdigest()}@kesher.invalid>"


def _addresses(message: Message, name: str) -> list[str]:
    """`Name <address>` or the bare address of each recipient, names decoded."""
    found = []
    raw_values = [str(value) for value in message.get_all(name, [])]
    for display, address in email.utils.getaddresses([_FOLD.sub("", v) for v in raw_values]):
        if not address:
            continue
        display = decode_header_value(display)
        found.append(f"{display} <{address}>" if display else address)
    return found


_DELIVERY_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "Bcc")
_RECEIVED_FOR = re.compile(r"\bfor\s+<?([^\s<>;]+@[^\s<>;]+)>?", re.IGNORECASE)


def _delivery_addresses(message: Message) -> list[str]:
    """Where the server delivered the message: a Bcc is never in To or Cc, only here."""
    found: list[str] = []
    for name in _DELIVERY_HEADERS:
        values = [_FOLD.sub("", str(v)) for v in message.get_all(name, [])]
        found += [address for _, address in email.utils.getaddresses(values) if address]
    for received in message.get_all("Received", []):
        found += _RECEIVED_FOR.findall(_FOLD.sub("", str(received)))
    return list(dict.fromkeys(found))


def _date(message: Message) -> datetime | None:
    value = message.get("Date")
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None
    # A Date without a zone (RFC 5322 "-0000") is read as UTC rather than dropped.
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _walk(message: Message) -> tuple[str, list[Attachment], list[bytes]]:
    """The text body (plain preferred, HTML as a fallback), the attachments, the replies."""
    plain: list[str] = []
    markup: list[str] = []
    attachments: list[Attachment] = []
    replies: list[bytes] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        if kind == "text/calendar" and _is_reply(part, data):
            replies.append(data)
        elif _is_attachment(part):
            attachments.append(_attachment(part, data))
        elif kind == "text/plain":
            plain.append(decode_bytes(data, part.get_content_charset()))
        elif kind == "text/html":
            markup.append(decode_bytes(data, part.get_content_charset()))
    body = "\n".join(plain) if plain else "\n".join(html_to_text(each) for each in markup)
    return body.replace("\r\n", "\n").strip(), attachments, replies


def _is_reply(part: Message, data: bytes) -> bool:
    method = str(part.get_param("method") or "").upper()
    if method:
        return method == "REPLY"
    unfolded = re.sub(rb"\r?\n[ \t]", b"", data)
    return re.search(rb"^METHOD:REPLY\s*$", unfolded, re.MULTILINE | re.IGNORECASE) is not None


def _is_attachment(part: Message) -> bool:
    disposition = str(part.get("Content-Disposition") or "").split(";", 1)[0].strip().lower()
    if disposition == "attachment" or part.get_filename():
        return True
    return part.get_content_maintype() != "text"


def _attachment(part: Message, data: bytes) -> Attachment:
    name = decode_header_value(part.get_filename() or "") or "attachment"
    kept = data if len(data) <= MAX_ATTACHMENT_BYTES else None
    return Attachment(name, part.get_content_type(), len(data), kept)


class _TextOfHtml(HTMLParser):
    """Collects the readable text of an HTML body, one line per block."""

    _BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"}
    _HIDDEN = {"script", "style", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The text of an HTML body: tags dropped, blocks on their own lines, entities read."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
