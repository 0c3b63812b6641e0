"""Addresses and mail icons open the mail program with the contact in To and the tracking
address for that contact in Bcc."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.mail_tracking import TrackingService
from kesher_desktop.services.tracking_tag import make_tag
from kesher_desktop.settings import Settings
from kesher_desktop.ui import mail_links
from kesher_desktop.ui.contact_page import ContactPage
from kesher_desktop.ui.main_window import MainWindow

TRACKING = Settings(imap_host="imap.example.com", tracking_address="track@example.com")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(mail_links, "open_url", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(mail_links, "tell", lambda _parent, _title, text: texts.append(text))
    return texts


def _tag(services: Services, contact_id: int) -> str:
    key = TrackingService(services.store, services.clock, services.activities).keys.key()
    return make_tag(key, contact_id)


def test_the_tracked_link_is_exact(
    qtbot: QtBot, services: Services, contact_id: int, opened: list[str], told: list[str]
) -> None:
    window = MainWindow(TRACKING)
    qtbot.addWidget(window)

    assert mail_links.open_contact_mail(
        window, services, TRACKING, contact_id, "dana.levi@example.com", "שלום & Q", "1+1"
    )

    tag = _tag(services, contact_id)
    assert opened == [
        "mailto:dana.levi@example.com?subject=%D7%A9%D7%9C%D7%95%D7%9D%20%26%20Q"
        f"&bcc=track%2B{tag}@example.com&body=1%2B1"
    ]
    assert told == []


def test_without_tracking_the_link_is_plain(
    qtbot: QtBot, services: Services, contact_id: int, opened: list[str], told: list[str]
) -> None:
    window = MainWindow(Settings(tracking_address="track@example.com"))
    qtbot.addWidget(window)

    mail_links.open_contact_mail(window, services, None, contact_id, "dana.levi@example.com")

    assert opened == ["mailto:dana.levi@example.com"]


def test_a_cut_body_is_told_in_words(
    qtbot: QtBot, services: Services, contact_id: int, opened: list[str], told: list[str]
) -> None:
    window = MainWindow(TRACKING)
    qtbot.addWidget(window)

    mail_links.open_contact_mail(
        window, services, TRACKING, contact_id, "dana.levi@example.com", body="שלום " * 400
    )

    assert len(opened[0]) < 2000 and "too long" in told[0]


def test_a_desktop_without_a_mail_program_is_told(
    qtbot: QtBot,
    services: Services,
    contact_id: int,
    told: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mail_links, "open_url", lambda _url: False)
    window = MainWindow(TRACKING)
    qtbot.addWidget(window)

    assert not mail_links.open_contact_mail(
        window, services, TRACKING, contact_id, "dana.levi@example.com"
    )
    assert "No mail program" in told[0]


def test_an_address_on_the_contact_page_opens_the_tracked_link(
    qtbot: QtBot, services: Services, contact_id: int, opened: list[str], told: list[str]
) -> None:
    window = MainWindow(TRACKING)
    qtbot.addWidget(window)
    window.attach_services(services)
    page = window.contact_page
    assert isinstance(page, ContactPage)
    page.show_contact(contact_id)
    label = page.general._values["emails"]
    assert "kesher-mail:0" in label.text()

    label.linkActivated.emit("kesher-mail:0")

    assert opened == [
        f"mailto:dana.levi@example.com?bcc=track%2B{_tag(services, contact_id)}@example.com"
    ]


def test_the_mail_button_of_a_logged_email_follows_it_up_tracked(
    qtbot: QtBot, services: Services, contact_id: int, opened: list[str], told: list[str]
) -> None:
    from kesher_desktop.ui.widgets.email_view import EmailView

    window = MainWindow(TRACKING)
    qtbot.addWidget(window)
    view = EmailView(services, window)
    activity_id = services.activities.log_email(
        contact_id,
        subject="Offer",
        sent_at=services.clock.now(),
        sender="me@example.com",
        to="Dana <dana.levi@example.com>",
        cc="",
        body="",
    )
    view.show_email(activity_id)
    assert view.answer_button.isVisibleTo(view)

    view.answer_button.click()

    assert opened == [
        "mailto:dana.levi@example.com?subject=Re%3A%20Offer"
        f"&bcc=track%2B{_tag(services, contact_id)}@example.com"
    ]


def test_each_name_and_address_of_a_logged_email_is_isolated(
    qtbot: QtBot, services: Services, contact_id: int
) -> None:
    from kesher_desktop.ui.widgets.bidi import FSI, LRI, PDI
    from kesher_desktop.ui.widgets.email_view import EmailView

    view = EmailView(services)
    qtbot.addWidget(view)
    activity_id = services.activities.log_email(
        contact_id,
        subject="הצעה",
        sent_at=services.clock.now(),
        sender="Me <me@example.com>",
        to="רונית אברהם <ronit@example.com>, dana.levi@example.com",
        cc="",
        body="",
    )
    view.show_email(activity_id)

    assert view.sender.text() == f"{FSI}Me{PDI} {LRI}<me@example.com>{PDI}"
    assert view.to.text() == (
        f"{FSI}רונית אברהם{PDI} {LRI}<ronit@example.com>{PDI}, {LRI}dana.levi@example.com{PDI}"
    )
    assert view.cc.text() == ""
