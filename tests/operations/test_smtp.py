"""A reminder delivered over real SMTP: an aiosmtpd server on 127.0.0.1 receives it, configured the way a
deployment configures mail (one EMAIL_URL), and the message read back is Danish, text and HTML."""

import datetime
import email
import email.policy
import socket

import environ
import pytest
from aiosmtpd.controller import Controller

from operations.reminders import send_reminders
from tests.factories import make_milestone, make_project, make_status_report, make_user

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2011, 6, 1)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    # As settings/base.py reads EMAIL_URL.
    for name, value in environ.Env.email_url_config(f"smtp://127.0.0.1:{controller.port}").items():
        setattr(settings, name, value)
    settings.DEFAULT_FROM_EMAIL = "byaftale@example.dk"
    yield inbox
    controller.stop()


def test_a_reminder_is_delivered_over_smtp_and_reads_back_in_danish(smtp_server, settings):
    settings.PORTAL_URL = "https://byaftale.example.dk"
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    person = make_user(email="kontakt@example.dk", first_name="Birte", last_name="Hansen")
    project = make_project(title="Boligsocial indsats")
    project.contact_persons.add(person)
    make_status_report(project=project, date=TODAY)
    make_milestone(project=project, date=TODAY + datetime.timedelta(days=5), title="Kommunen godkender")

    assert send_reminders(today=TODAY) == 1

    [(recipients, raw)] = smtp_server.messages
    assert recipients == ["kontakt@example.dk"]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Subject"] == "Byaftale: en milepæl nærmer sig"
    assert message["From"] == "byaftale@example.dk"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert text.startswith("Kære Birte Hansen")
    assert "Kommunen godkender (6. juni 2011)" in text
    assert f"https://byaftale.example.dk{project.get_absolute_url()}" in text
    assert "Vælg hvilke påmindelser, du får: https://byaftale.example.dk/konto/paamindelser/" in text
    assert '<a href="https://byaftale.example.dk/konto/paamindelser/">' in html

    # The second run the same day delivers nothing.
    assert send_reminders(today=TODAY) == 0
    assert len(smtp_server.messages) == 1
