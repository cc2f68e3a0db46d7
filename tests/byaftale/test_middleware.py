"""The portal speaks Danish whatever the browser asks for (byaftale/middleware.py); English only for those who
chose it with the header's language switch, which remembers the choice, on the portal's pages and in the admin."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from byaftale.access import BOARD_MEMBER
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def switch_of(html: str) -> str:
    match = re.search(r'<form class="language-switch".*?</form>', html, re.S)
    assert match, "no language switch"
    return match.group(0)


def test_an_english_browser_gets_the_danish_portal(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    html = response.content.decode()
    assert '<html lang="da">' in html
    assert "Log ind" in html
    assert response["Content-Language"] == "da"


def test_the_language_cookie_chooses_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="da")

    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Sign in" in html
    assert response["Content-Language"] == "en"
    assert "Cookie" in response["Vary"] and "Accept-Language" not in response["Vary"]


def test_a_cookie_naming_no_language_of_the_portal_gives_danish_not_the_browsers_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"

    assert '<html lang="da">' in client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_switch_on_the_sign_in_page_chooses_english_before_signing_in_and_remembers_it(client):
    switch = switch_of(client.get(reverse("login")).content.decode())
    assert 'action="/i18n/setlang/"' in switch
    assert '<button type="submit" name="language" value="en">' in switch
    assert '<span class="visually-hidden">Skift sprog til </span><span lang="en">English</span>' in switch
    assert '<input type="hidden" name="next" value="/log-ind/">' in switch

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/log-ind/"})

    assert response.status_code == 302 and response["Location"] == "/log-ind/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert int(cookie["max-age"]) >= 300 * 24 * 60 * 60  # remembered, not for the browser session only
    html = client.get("/log-ind/", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "Sign in" in html
    assert '<span class="visually-hidden">Change language to </span><span lang="da">Dansk</span>' in switch_of(html)


def test_a_signed_in_reader_finds_the_switch_in_the_header_and_switches_back_to_danish(client, seeded):
    client.force_login(make_user(BOARD_MEMBER))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("documents:masterplan")).content.decode()
    assert 'value="da"' in switch_of(html)
    assert '<html lang="en">' in html

    client.post("/i18n/setlang/", {"language": "da", "next": reverse("documents:masterplan")})

    assert '<html lang="da">' in client.get(reverse("documents:masterplan")).content.decode()


def test_the_admin_follows_the_chosen_language_and_has_the_switch(admin_client_da):
    html = admin_client_da.get(reverse("admin:index")).content.decode()
    assert '<html lang="da"' in html
    assert 'value="en"' in switch_of(html)

    admin_client_da.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = admin_client_da.get(reverse("admin:index")).content.decode()
    assert '<html lang="en"' in html
    assert "Log out" in html
    assert 'value="da"' in switch_of(html)
