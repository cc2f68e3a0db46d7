"""Passwords: a forgotten one is reset through a link by e-mail, without telling whether an address is known;
every signed-in user, whatever their role, changes their own on /konto/adgangskode/."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from tests.factories import make_project, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "en-lang-hemmelig-kode-42"
NEW_PASSWORD = "et-helt-nyt-kodeord-2027"
RESET_DONE_TEXT = "Hvis en bruger i portalen har den e-mailadresse, har vi sendt et link dertil"


@pytest.fixture
def birthe(db):
    return make_user(BOARD_MEMBER, username="birthe", email="birthe@example.dk", password=PASSWORD)


def signs_in(username: str, password: str) -> bool:
    response = Client().post("/log-ind/", {"username": username, "password": password})
    return response.status_code == 302


def test_the_sign_in_page_links_to_the_forgotten_password_page(client):
    html = client.get("/log-ind/").content.decode()

    assert '<a href="/log-ind/glemt-adgangskode/">Glemt adgangskode?</a>' in html


def test_the_admin_login_links_to_the_same_page(client):
    html = client.get("/admin/login/").content.decode()

    assert 'href="/log-ind/glemt-adgangskode/"' in html


def test_a_forgotten_password_is_reset_through_the_link_in_a_danish_e_mail(client, birthe, settings):
    settings.DEFAULT_FROM_EMAIL = "byaftale@odense.dk"
    page = client.get("/log-ind/glemt-adgangskode/").content.decode()
    assert "<title>Glemt adgangskode · Byaftale</title>" in page
    assert '<label for="id_email">E-mail:</label>' in page

    response = client.post("/log-ind/glemt-adgangskode/", {"email": "birthe@example.dk"}, follow=True)

    assert response.redirect_chain == [("/log-ind/glemt-adgangskode/sendt/", 302)]
    assert RESET_DONE_TEXT in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["birthe@example.dk"]
    assert message.from_email == "byaftale@odense.dk"
    assert message.subject == "Vælg en ny adgangskode til Byaftale"
    assert "Dit brugernavn er: birthe" in message.body
    link = re.search(r"http://testserver(/log-ind/nulstil/\S+/)", message.body).group(1)

    # The link leads to a form for the new password (Django moves the token out of the address first).
    form = client.get(link, follow=True)
    assert '<h1 id="reset-confirm-heading">Vælg en ny adgangskode</h1>' in form.content.decode()
    assert 'name="new_password1"' in form.content.decode()
    set_password_url = form.redirect_chain[-1][0]

    done = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True)

    assert done.redirect_chain == [("/log-ind/nulstil/faerdig/", 302)]
    assert "Din adgangskode er skiftet" in done.content.decode()
    assert signs_in("birthe", NEW_PASSWORD)
    assert not signs_in("birthe", PASSWORD)

    # The link works once.
    again = client.get(link, follow=True).content.decode()
    assert "Linket er udløbet eller allerede brugt. Bed om et nyt." in again
    assert 'name="new_password1"' not in again


def without_csrf_tokens(content: bytes) -> bytes:
    """The page without the form tokens, which are masked afresh for every response."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, birthe):
    known = client.post("/log-ind/glemt-adgangskode/", {"email": "birthe@example.dk"}, follow=True)
    mail.outbox.clear()

    unknown = client.post("/log-ind/glemt-adgangskode/", {"email": "ukendt@example.dk"}, follow=True)

    assert unknown.redirect_chain == known.redirect_chain == [("/log-ind/glemt-adgangskode/sendt/", 302)]
    assert RESET_DONE_TEXT in unknown.content.decode()
    assert without_csrf_tokens(unknown.content) == without_csrf_tokens(known.content)
    assert mail.outbox == []


def test_a_new_password_that_is_too_weak_is_refused_in_danish(client, birthe):
    client.post("/log-ind/glemt-adgangskode/", {"email": "birthe@example.dk"})
    link = re.search(r"http://testserver(/log-ind/nulstil/\S+/)", mail.outbox[0].body).group(1)
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]

    response = client.post(set_password_url, {"new_password1": "12345678", "new_password2": "12345678"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Adgangskoden blev ikke skiftet. Ret venligst felterne markeret nedenfor." in html
    assert "Denne adgangskode er for almindelig." in html
    assert signs_in("birthe", PASSWORD)


USERS = ["no role", "contact person", "board member", "steering group", "secretariat"]


def user_of_kind(kind: str):  # noqa: ANN201 - the user model
    role = {"board member": BOARD_MEMBER, "steering group": STEERING_GROUP, "secretariat": SECRETARIAT}.get(kind)
    user = make_user(role, username="bruger", password=PASSWORD)
    if kind == "contact person":
        make_project().contact_persons.add(user)
    return user


@pytest.mark.parametrize("kind", USERS)
def test_every_signed_in_user_may_change_their_own_password(client, kind):
    user = user_of_kind(kind)
    client.force_login(user)

    page = client.get("/konto/adgangskode/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<title>Skift adgangskode · Byaftale</title>" in html
    header = re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)
    assert '<a class="password-change" href="/konto/adgangskode/" aria-current="page">Skift adgangskode</a>' in header

    response = client.post(
        "/konto/adgangskode/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert response.redirect_chain == [("/konto/adgangskode/skiftet/", 302)]
    assert "Din adgangskode er skiftet" in response.content.decode()
    # Still signed in here, and the new password is the one that works from now on.
    assert client.session["_auth_user_id"] == str(user.pk)
    assert signs_in("bruger", NEW_PASSWORD)
    assert not signs_in("bruger", PASSWORD)


def test_a_stranger_is_sent_to_sign_in_from_the_password_page(client):
    response = client.get("/konto/adgangskode/")

    assert response.status_code == 302
    assert response["Location"] == "/log-ind/?next=/konto/adgangskode/"


def test_the_old_password_must_be_right_to_change_it(client, birthe):
    client.force_login(birthe)

    response = client.post(
        "/konto/adgangskode/",
        {"old_password": "forkert", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Din gamle adgangskode blev ikke indtastet korrekt. Indtast den venligst igen." in html
    assert signs_in("birthe", PASSWORD)


def test_the_header_links_to_the_password_page_next_to_sign_out(client, birthe, seeded):
    client.force_login(birthe)

    html = client.get(reverse("documents:masterplan")).content.decode()

    sign_out = re.search(r'<form class="sign-out".*?</form>', html, re.S).group(0)
    assert '<a class="password-change" href="/konto/adgangskode/">Skift adgangskode</a>' in sign_out
    assert "Log ud" in sign_out
