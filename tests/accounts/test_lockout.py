"""Guessing passwords: after the failure limit a username, and separately an address, is locked out for the
cool-off, on the portal's sign-in page and the admin's alike; the lock-out page says in Danish when to try
again; every failure is in the log and in the admin."""

import datetime
import logging
import re

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone

from accounts.lockout import client_ip_address
from byaftale.access import BOARD_MEMBER
from tests.admin_pages import column_headers, result_table
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "en-lang-hemmelig-kode-42"
WRONG_CREDENTIALS = "Indtast venligst korrekt brugernavn og adgangskode."
LIMIT = 5  # BYAFTALE_LOGIN_FAILURE_LIMIT's default


@pytest.fixture
def birthe(db):
    return make_user(BOARD_MEMBER, username="birthe", password=PASSWORD)


def sign_in(client, username: str, password: str, *, address: str = "10.0.0.1", url: str = "/log-ind/"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def try_again_texts(cool_off_minutes: int = 15) -> set[str]:
    """The lock-out's message for an attempt made now, allowing for the minute turning during the test."""
    now = timezone.localtime(timezone.now() + datetime.timedelta(minutes=cool_off_minutes))
    return {
        f"Du kan prøve igen kl. {at:%H:%M}, om {cool_off_minutes} minutter."
        for at in (now - datetime.timedelta(minutes=1), now, now + datetime.timedelta(minutes=1))
    }


def assert_locked_out(response) -> None:
    html = response.content.decode()
    assert response.status_code == 429
    assert "<title>Log ind er spærret · Byaftale</title>" in html
    assert '<header class="site-header">' in html  # the portal's layout, not a bare text
    assert any(text in html for text in try_again_texts()), html
    assert response["Retry-After"] == str(15 * 60)


def test_the_fifth_wrong_password_locks_the_sign_in_page_and_says_when_to_try_again(client, birthe):
    for _ in range(LIMIT - 1):
        response = sign_in(client, "birthe", "forkert")
        assert response.status_code == 200 and WRONG_CREDENTIALS in response.content.decode()

    assert_locked_out(sign_in(client, "birthe", "forkert"))

    # Locked means locked: the right password does not get in either.
    assert_locked_out(sign_in(client, "birthe", PASSWORD))
    assert "_auth_user_id" not in client.session


def test_the_admin_login_is_locked_out_the_same_way(client, secretariat_admin):
    for _ in range(LIMIT - 1):
        response = sign_in(client, "sekretariat", "forkert", url="/admin/login/")
        assert response.status_code == 200
        assert "Indtast venligst det korrekte brugernavn og adgangskode for en personalekonto." in (
            response.content.decode()
        )

    assert_locked_out(sign_in(client, "sekretariat", "forkert", url="/admin/login/"))
    assert_locked_out(sign_in(client, "sekretariat", "hemmelig-kode-42", url="/admin/login/"))
    assert "_auth_user_id" not in client.session


def test_a_username_is_locked_out_whatever_address_the_guesses_come_from(client, birthe):
    for n in range(LIMIT):
        sign_in(client, "birthe", "forkert", address=f"10.0.1.{n}")

    assert_locked_out(sign_in(client, "birthe", PASSWORD, address="10.0.2.1"))
    # Another user at that address is not hindered.
    make_user(BOARD_MEMBER, username="bo", password=PASSWORD)
    assert sign_in(client, "bo", PASSWORD, address="10.0.2.1").status_code == 302


def test_an_address_is_locked_out_whatever_usernames_it_tries(client, birthe):
    for n in range(LIMIT):
        sign_in(client, f"gaet{n}", "forkert", address="10.0.3.1")

    assert_locked_out(sign_in(client, "birthe", PASSWORD, address="10.0.3.1"))
    # From another address birthe signs in.
    assert sign_in(client, "birthe", PASSWORD, address="10.0.3.2").status_code == 302


def test_a_forged_forwarded_for_header_does_not_give_the_guesses_fresh_addresses(client, birthe):
    for n in range(LIMIT):
        client.post(
            "/log-ind/",
            {"username": f"gaet{n}", "password": "forkert"},
            REMOTE_ADDR="10.0.4.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )

    assert_locked_out(sign_in(client, "birthe", PASSWORD, address="10.0.4.1"))


def test_a_successful_sign_in_forgets_the_earlier_failures(client, birthe):
    for _ in range(LIMIT - 1):
        sign_in(client, "birthe", "forkert")
    assert sign_in(client, "birthe", PASSWORD).status_code == 302
    client.post("/log-ud/")

    # Counting starts again from nought: four more are answered, the fifth locks out.
    for _ in range(LIMIT - 1):
        response = sign_in(client, "birthe", "forkert")
        assert response.status_code == 200
    assert_locked_out(sign_in(client, "birthe", "forkert"))


def test_after_the_cool_off_the_right_password_gets_in_again(client, birthe):
    for _ in range(LIMIT):
        sign_in(client, "birthe", "forkert")
    assert sign_in(client, "birthe", PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))

    response = sign_in(client, "birthe", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(birthe.pk)


@override_settings(AXES_COOLOFF_TIME=datetime.timedelta(minutes=1))
def test_the_lock_out_page_counts_a_single_minute_in_the_singular(client, birthe):
    for _ in range(LIMIT):
        response = sign_in(client, "birthe", "forkert")

    assert response.status_code == 429
    assert re.search(r"Du kan prøve igen kl\. \d\d:\d\d, om 1 minut\.", response.content.decode())


def test_each_failure_is_logged_with_username_and_address_but_never_the_password(client, birthe, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        sign_in(client, "birthe", "mit-forkerte-gaet", address="10.0.5.1")

    failures = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert failures, "no failure logged"
    assert 'username: "birthe"' in failures[0]
    assert 'ip_address: "10.0.5.1"' in failures[0]
    assert 'path_info: "/log-ind/"' in failures[0]
    assert all("mit-forkerte-gaet" not in message for message in caplog.messages)


def test_the_lock_out_itself_is_logged(client, birthe, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _ in range(LIMIT):
            sign_in(client, "birthe", "forkert", address="10.0.6.1")

    assert any(
        "Locking out" in message and 'username: "birthe"' in message and "10.0.6.1" in message
        for message in caplog.messages
    )


def test_the_secretariat_finds_the_failures_and_lock_outs_in_the_admin_in_danish(admin_client_da, birthe):
    for _ in range(LIMIT):
        sign_in(Client(), "birthe", "mit-forkerte-gaet", address="10.0.7.1")

    index = admin_client_da.get("/admin/").content.decode()
    assert "Loginforsøg" in index and "Fejlede logins" in index and "Spærringer og fejlede forsøg" in index

    failures = admin_client_da.get("/admin/axes/accessfailurelog/")
    assert column_headers(failures)[:3] == ["Tidspunkt", "IP-adresse", "Brugernavn"]
    assert "Spærret" in column_headers(failures)
    assert result_table(failures).count("birthe") == LIMIT
    assert "10.0.7.1" in result_table(failures)

    attempts = admin_client_da.get("/admin/axes/accessattempt/")
    assert "Fejlede forsøg" in column_headers(attempts)
    assert "birthe" in result_table(attempts) and "Spærret" in result_table(attempts)
    assert "mit-forkerte-gaet" not in attempts.content.decode()


def test_deleting_the_lock_out_in_the_admin_lets_the_user_in_again(admin_client_da, birthe):
    guesser = Client()
    for _ in range(LIMIT):
        sign_in(guesser, "birthe", "forkert")
    attempt = AccessAttempt.objects.get(username="birthe")

    response = admin_client_da.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert sign_in(guesser, "birthe", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "192.0.2.7", "10.0.0.9"),  # no proxy configured: the header is the client's own word
        (1, "192.0.2.66, 192.0.2.7", "192.0.2.7"),  # the right-most entry is what our proxy saw
        (2, "192.0.2.66, 192.0.2.7, 10.1.1.1", "192.0.2.7"),
        (1, "", "10.0.0.9"),
        (1, "not-an-address", "10.0.0.9"),
        (2, "192.0.2.7", "10.0.0.9"),  # fewer entries than proxies: the header is not from them
    ],
)
def test_the_address_of_a_sign_in_trusts_forwarded_for_only_as_far_as_proxies_are_configured(
    proxies, forwarded_for, expected
):
    request = RequestFactory().post("/log-ind/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR=forwarded_for)

    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip_address(request) == expected


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_clients_are_told_apart_by_their_forwarded_address(client, birthe):
    def through_the_proxy(username: str, password: str, client_address: str):
        data = {"username": username, "password": password}
        return client.post("/log-ind/", data, REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR=client_address)

    for n in range(LIMIT):
        through_the_proxy(f"gaet{n}", "forkert", "192.0.2.50")

    assert through_the_proxy("birthe", PASSWORD, "192.0.2.50").status_code == 429
    assert through_the_proxy("birthe", PASSWORD, "192.0.2.51").status_code == 302
