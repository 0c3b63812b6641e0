"""Which mails a fired reminder queues: mine always, the others' only when it says so."""

from __future__ import annotations

from kesher_desktop.services.activity_views import PersonRef, PersonView
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.mail_outbox import MailOutbox
from kesher_desktop.settings import SmtpSecurity, SmtpSettings
from kesher_desktop.ui.reminder_mailing import ReminderMailing
from tests.services.reminder_scene import sample_fired

SMTP = SmtpSettings("127.0.0.1", 2525, SmtpSecurity.NONE, "", "me@example.com")


def queued_to(services: Services, outbox: MailOutbox, smtp: SmtpSettings | None, **fired):
    me = services.users.me().id
    mailing = ReminderMailing(outbox, lambda: smtp, services.clock, lambda: me)
    participants = [
        PersonView(PersonRef("user", me), "Noa Barak", "noa@kesher.co.il"),
        PersonView(PersonRef("contact", 3), "דנה לוי", "dana@example.com"),
        PersonView(PersonRef("user", me + 1), "Avi", ""),
    ]
    with services.store.session() as session:
        mailing(session, sample_fired(participants=participants, **fired))
    return sorted(address for mail in outbox.due() for address in mail.to)


def test_a_reminder_mails_me_at_my_reminder_address(qapp, services: Services) -> None:
    outbox = MailOutbox(services.store, services.clock)

    assert queued_to(services, outbox, SMTP) == ["me@example.com"]


def test_the_others_get_one_each_and_i_only_once(qapp, services: Services) -> None:
    outbox = MailOutbox(services.store, services.clock)

    # My own participant address differs from the reminder address; I still get one mail.
    assert queued_to(services, outbox, SMTP, notify_others=True) == [
        "dana@example.com",
        "me@example.com",
    ]


def test_with_mail_off_nothing_is_queued(qapp, services: Services) -> None:
    outbox = MailOutbox(services.store, services.clock)

    assert queued_to(services, outbox, None, notify_others=True) == []


def test_a_participant_is_not_told_of_a_meeting_with_themselves(qapp, services: Services) -> None:
    outbox = MailOutbox(services.store, services.clock)
    queued_to(services, outbox, SMTP, notify_others=True, title="", contact_name="דנה לוי")
    mails = {mail.to[0]: mail for mail in outbox.due()}

    # Mine is from my side; Dana's names the kind and who organises it, not "with Dana".
    assert mails["me@example.com"].text.startswith("Meeting with \u2068דנה לוי\u2069")
    dana = mails["dana@example.com"]
    assert dana.subject.startswith("Reminder: Meeting organised by Noa Barak (")
    assert dana.text.startswith("Meeting organised by \u2068Noa Barak\u2069\n")
    assert "Meeting with" not in dana.text + dana.subject + dana.html
