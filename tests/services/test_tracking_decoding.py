"""Decoding incoming mail as Israeli mail comes: split encoded words, Hebrew charsets, HTML."""

from __future__ import annotations

import base64
import codecs
from datetime import UTC, datetime

from kesher_desktop.services.mail_decoding import (
    MAX_ATTACHMENT_BYTES,
    decode_bytes,
    decode_header_value,
    html_to_text,
    parse_mail,
)

SHALOM = "שלום"


def _b(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_a_letter_split_between_two_encoded_words_comes_out_whole() -> None:
    encoded = "פגישה מחר".encode()
    # Cut inside the two bytes of the third letter.
    first, second = encoded[:5], encoded[5:]

    value = f"=?UTF-8?B?{_b(first)}?=\r\n =?UTF-8?B?{_b(second)}?="

    assert decode_header_value(value) == "פגישה מחר"


def test_split_q_words_are_joined_too() -> None:
    assert decode_header_value("=?utf-8?Q?=D7?= =?utf-8?Q?=A9_=D7=9C?=") == "ש ל"


def test_text_between_encoded_words_is_kept_and_blank_space_between_them_dropped() -> None:
    value = "Re: =?windows-1255?B?+ezl7Q==?= and =?iso-8859-8?Q?=F9=EC=E5=ED?= =?utf-8?Q?!?="

    assert decode_header_value(value) == f"Re: {SHALOM} and {SHALOM}!"


def test_the_logical_and_explicit_hebrew_labels_are_known() -> None:
    assert codecs.lookup("iso-8859-8-i").name == codecs.lookup("iso-8859-8").name
    assert codecs.lookup("ISO_8859-8-E").name == codecs.lookup("iso-8859-8").name
    assert decode_header_value("=?ISO-8859-8-I?B?+ezl7Q==?=") == SHALOM
    assert decode_bytes(SHALOM.encode("iso-8859-8"), "iso-8859-8-e") == SHALOM


def test_windows_1255_keeps_its_points_and_the_shekel() -> None:
    text = "שָׁלוֹם ₪"

    assert decode_bytes(text.encode("windows-1255"), "windows-1255") == text


def test_a_wrong_charset_label_falls_back_to_utf8() -> None:
    assert decode_bytes(SHALOM.encode(), "no-such-charset") == SHALOM
    assert decode_bytes(SHALOM.encode(), "us-ascii") == SHALOM


def test_html_is_read_as_text() -> None:
    markup = (
        "<html><head><style>p {color: red}</style></head><body>"
        "<p>שלום&nbsp;דנה,</p><div>נתראה <b>מחר</b> &amp; נדבר</div>"
        "<script>alert(1)</script></body></html>"
    )

    assert html_to_text(markup) == "שלום דנה,\n\nנתראה מחר & נדבר"


def _message(*parts: bytes) -> bytes:
    head = (
        b"From: Me <me@example.com>\r\n"
        b"To: =?utf-8?B?" + _b("דנה לוי".encode()).encode() + b"?= <dana@example.com>\r\n"
        b"Cc: avi@example.co.il\r\n"
        b"Delivered-To: track+c1-kabc@example.com\r\n"
        b"Subject: =?windows-1255?B?+ezl7Q==?=\r\n"
        b"Date: Tue, 10 Mar 2026 10:00:00 +0200\r\n"
        b"Message-ID: <m1@example.com>\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="B"\r\n\r\n'
    )
    body = b"".join(b"--B\r\n" + part + b"\r\n" for part in parts)
    return head + body + b"--B--\r\n"


def test_a_whole_message_with_plain_text_and_html_prefers_the_plain_text() -> None:
    raw = _message(
        b'Content-Type: multipart/alternative; boundary="A"\r\n\r\n'
        b"--A\r\nContent-Type: text/plain; charset=iso-8859-8-i\r\n\r\n"
        + "שלום דנה".encode("iso-8859-8")
        + b"\r\n--A\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>HTML</p>\r\n--A--",
    )

    mail = parse_mail(raw)

    assert mail.message_id == "<m1@example.com>"
    assert mail.subject == SHALOM
    assert mail.sender == "Me <me@example.com>"
    assert mail.to == ["דנה לוי <dana@example.com>"]
    assert mail.cc == ["avi@example.co.il"]
    assert mail.delivered_to == ["track+c1-kabc@example.com"]
    assert mail.sent_at == datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    assert mail.body == "שלום דנה"
    assert mail.attachments == []


def test_html_is_the_fallback_body() -> None:
    raw = _message(
        b"Content-Type: text/html; charset=windows-1255\r\n\r\n<p>"
        + "שלום".encode("windows-1255")
        + b"</p>"
    )

    assert parse_mail(raw).body == SHALOM


def test_attachments_are_kept_up_to_the_limit_and_listed_beyond_it() -> None:
    small = b"%PDF-1.4 small"
    large = b"x" * (MAX_ATTACHMENT_BYTES + 1)
    raw = _message(
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nbody",
        b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Disposition: attachment; filename*=utf-8''%D7%94%D7%A6%D7%A2%D7%94.pdf"
        b"\r\n\r\n" + base64.encodebytes(small),
        b"Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
        b'Content-Disposition: attachment; filename="=?utf-8?B?'
        + _b("גדול.bin".encode()).encode()
        + b'?="\r\n\r\n'
        + base64.encodebytes(large),
    )

    mail = parse_mail(raw)

    assert [(a.name, a.size, a.data) for a in mail.attachments] == [
        ("הצעה.pdf", len(small), small),
        ("גדול.bin", len(large), None),
    ]
    assert mail.attachments[1].sha256 == ""


def test_a_calendar_reply_is_set_apart_as_bytes() -> None:
    calendar = b"BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n"
    raw = _message(
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nAccepted",
        b"Content-Type: text/calendar; charset=utf-8; method=REPLY\r\n\r\n" + calendar,
    )

    mail = parse_mail(raw)

    assert mail.calendar_replies == [calendar]
    assert mail.body == "Accepted"
    assert mail.attachments == []


def test_a_message_without_message_id_gets_a_stable_stand_in() -> None:
    raw = b"From: a@example.com\r\nSubject: x\r\n\r\nbody\r\n"

    first, again = parse_mail(raw).message_id, parse_mail(raw).message_id

    assert first == again
    assert first.startswith("<sha256-") and first.endswith("@kesher.invalid>")


def test_a_bcc_copy_is_found_by_the_address_it_was_delivered_to() -> None:
    raw = (
        b"Received: from mx.example.com by imap.example.com\r\n"
        b"  for <track+c5-kabc@example.com>; Tue, 10 Mar 2026 10:00:01 +0200\r\n"
        b"X-Original-To: track+c5-kabc@example.com\r\n"
        b"Envelope-To: other@example.com\r\n"
        b"From: me@example.com\r\nTo: dana@example.com\r\nSubject: x\r\n\r\nbody\r\n"
    )

    assert parse_mail(raw).delivered_to == ["track+c5-kabc@example.com", "other@example.com"]
