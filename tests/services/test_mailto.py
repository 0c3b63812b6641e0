"""The mailto: links the e-mail button hands to the user's mail program."""

from __future__ import annotations

from kesher_desktop.services.mailto import mailto_url


def test_address_alone_has_no_query() -> None:
    assert mailto_url("dana.levi@example.com") == "mailto:dana.levi@example.com"


def test_empty_fields_are_left_out() -> None:
    url = mailto_url("dana@example.com", subject="", body="", cc=[""], bcc=[])

    assert url == "mailto:dana@example.com"


def test_hebrew_subject_is_utf8_percent_encoded() -> None:
    url = mailto_url("dana@example.com", subject="פגישה")

    assert url == "mailto:dana@example.com?subject=%D7%A4%D7%92%D7%99%D7%A9%D7%94"


def test_spaces_are_percent_20_and_delimiters_are_encoded() -> None:
    url = mailto_url("dana@example.com", subject="Q&A: 1+1 = 2")

    assert url == "mailto:dana@example.com?subject=Q%26A%3A%201%2B1%20%3D%202"


def test_body_line_breaks_become_crlf() -> None:
    url = mailto_url("dana@example.com", body="שלום\nלהתראות\r\nד.")

    assert url == (
        "mailto:dana@example.com?body="
        "%D7%A9%D7%9C%D7%95%D7%9D%0D%0A"
        "%D7%9C%D7%94%D7%AA%D7%A8%D7%90%D7%95%D7%AA%0D%0A"
        "%D7%93."
    )


def test_subject_line_breaks_become_one_space() -> None:
    assert mailto_url("a@example.com", subject="one\n two") == (
        "mailto:a@example.com?subject=one%20two"
    )


def test_plus_in_address_is_encoded_and_several_recipients_are_joined() -> None:
    url = mailto_url(["dana+crm@example.com", " avi@example.co.il "])

    assert url == "mailto:dana%2Bcrm@example.com,avi@example.co.il"


def test_parameters_come_in_a_fixed_order() -> None:
    url = mailto_url(
        "dana@example.com",
        subject="Hi",
        body="Text",
        cc=["x@example.com", "y@example.com"],
        bcc=["z@example.com"],
    )

    assert url == (
        "mailto:dana@example.com?subject=Hi&cc=x@example.com,y@example.com"
        "&bcc=z@example.com&body=Text"
    )
