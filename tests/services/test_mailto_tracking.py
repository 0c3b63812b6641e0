"""mailto: links with the tracking Bcc, and long bodies cut to fit under 2,000 characters."""

from __future__ import annotations

from urllib.parse import unquote

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.mail_tracking import TrackingService
from kesher_desktop.services.mailto import MAX_URL_LENGTH, MailtoLink, mailto_link, tracked_mailto

TRACK = "track+c12-k8f3d2a1b0@example.com"


def test_contact_in_to_and_tracking_address_in_bcc_with_its_plus_encoded() -> None:
    link = tracked_mailto("dana@example.com", TRACK, subject="שלום: Q&A", body="1+1\n2")

    assert link == MailtoLink(
        "mailto:dana@example.com?subject=%D7%A9%D7%9C%D7%95%D7%9D%3A%20Q%26A"
        "&bcc=track%2Bc12-k8f3d2a1b0@example.com&body=1%2B1%0D%0A2",
        cut=False,
    )


def test_no_empty_parameters_without_subject_body_or_tracking() -> None:
    assert tracked_mailto("dana@example.com", "") == MailtoLink("mailto:dana@example.com")
    assert tracked_mailto("dana@example.com", TRACK).url == (
        "mailto:dana@example.com?bcc=track%2Bc12-k8f3d2a1b0@example.com"
    )


def test_a_hebrew_body_with_line_breaks_and_delimiters_is_encoded_exactly() -> None:
    link = tracked_mailto("dana@example.com", TRACK, body="שלום דנה,\r\nמחר ב-10:00 & אחרי\n+972")

    assert link.url == (
        "mailto:dana@example.com?bcc=track%2Bc12-k8f3d2a1b0@example.com&body="
        "%D7%A9%D7%9C%D7%95%D7%9D%20%D7%93%D7%A0%D7%94%2C%0D%0A"
        "%D7%9E%D7%97%D7%A8%20%D7%91-10%3A00%20%26%20%D7%90%D7%97%D7%A8%D7%99%0D%0A"
        "%2B972"
    )


def test_a_long_body_is_cut_under_the_limit_and_the_caller_told() -> None:
    body = "שלום " * 400

    link = tracked_mailto("dana@example.com", TRACK, subject="נושא", body=body)

    assert link.cut is True
    assert len(link.url) <= MAX_URL_LENGTH < 2000
    kept = unquote(link.url.split("&body=", 1)[1])
    assert body.startswith(kept)
    # Nothing more would have fitted: the next letter's escapes would pass the limit.
    assert len(link.url) + len("%D7%A9") > MAX_URL_LENGTH


def test_the_cut_never_splits_a_letter_from_its_points_or_an_escape() -> None:
    # Each "letter" here is a consonant with two points: 18 characters once encoded.
    pointed = "שָׁ"
    link = mailto_link("a@example.com", body=pointed * 200, limit=100)

    body = link.url.split("?body=", 1)[1]
    assert link.cut is True
    assert len(link.url) <= 100
    assert len(body) % len("%D7%A9%D6%B8%D7%81") == 0
    assert unquote(body, errors="strict") == pointed * (len(body) // 18)


def test_a_crlf_and_an_emoji_sequence_stay_whole() -> None:
    family = "👩\u200d👧"
    text = "a\n" + family * 5
    link = mailto_link("a@example.com", body=text, limit=len("mailto:a@example.com?body=") + 40)

    kept = unquote(link.url.split("?body=", 1)[1])
    assert link.cut is True
    assert kept == "a\r\n" + family


def test_a_subject_too_long_for_any_body_is_cut_as_well() -> None:
    link = mailto_link("a@example.com", subject="א" * 600, body="גוף", limit=200)

    assert link.cut is True
    assert len(link.url) <= 200
    assert "body=" not in link.url
    assert unquote(link.url.split("?subject=", 1)[1]) == "א" * 28  # (200 - 29) // 6


def test_the_service_link_uses_the_contacts_address_and_a_verifiable_tag(
    services: Services, contact_id: int
) -> None:
    tracking = TrackingService(services.store, services.clock, services.activities)

    link = tracking.mailto_for(contact_id, "track@example.com", subject="שלום")

    bcc = tracking.tracking_address("track@example.com", contact_id)
    assert bcc.startswith(f"track+c{contact_id}-k")
    assert link.url == (
        "mailto:dana.levi@example.com?subject=%D7%A9%D7%9C%D7%95%D7%9D&bcc="
        + bcc.replace("+", "%2B")
    )
