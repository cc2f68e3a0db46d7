"""The portal's own sign-in page: strangers land here from any page and go back where they were going;
a wrong password is answered in Danish without losing the username; signing out leads back here."""

import re

import pytest
from django.urls import reverse

from byaftale.access import BOARD_MEMBER
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "en-lang-hemmelig-kode-42"
WRONG_CREDENTIALS = (
    "Indtast venligst korrekt brugernavn og adgangskode. Bemærk at begge felter kan være versalfølsomme."
)


@pytest.fixture
def board_member(db):
    return make_user(BOARD_MEMBER, username="birthe", password=PASSWORD, first_name="Birthe", last_name="Bech")


def test_strangers_are_sent_from_the_front_page_to_sign_in(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/log-ind/?next=/"


def test_the_sign_in_page_has_a_heading_and_labelled_fields_browsers_can_fill(client):
    html = client.get("/log-ind/?next=/masterplan/").content.decode()

    assert "<title>Log ind · Byaftale</title>" in html
    assert re.search(r"<h1[^>]*>Log ind</h1>", html)
    assert '<label for="id_username">Brugernavn</label>' in html
    assert '<label for="id_password">Adgangskode</label>' in html
    assert re.search(r'<input type="text" name="username"[^>]*autocomplete="username"', html)
    assert re.search(r'<input type="password" name="password"[^>]*autocomplete="current-password"', html)
    assert '<input type="hidden" name="next" value="/masterplan/">' in html
    assert '<button type="submit">Log ind</button>' in html


def test_a_wrong_password_is_answered_in_danish_and_the_username_is_kept(client, board_member):
    response = client.post("/log-ind/", {"username": "birthe", "password": "forkert", "next": "/masterplan/"})
    html = response.content.decode()

    assert response.status_code == 200
    assert WRONG_CREDENTIALS in html
    assert re.search(r'<div class="errors" role="alert">', html)
    assert re.search(r'<input type="text" name="username" value="birthe"', html)
    assert "forkert" not in html
    assert '<input type="hidden" name="next" value="/masterplan/">' in html
    assert "_auth_user_id" not in client.session


def test_the_right_password_leads_to_the_page_asked_for(client, board_member):
    response = client.post("/log-ind/", {"username": "birthe", "password": PASSWORD, "next": "/masterplan/"})

    assert response.status_code == 302
    assert response["Location"] == "/masterplan/"
    assert client.session["_auth_user_id"] == str(board_member.pk)


def test_without_a_next_page_signing_in_leads_to_the_overview(client, board_member):
    response = client.post("/log-ind/", {"username": "birthe", "password": PASSWORD})

    assert response["Location"] == reverse("dashboard:dashboard")


def test_a_next_page_on_another_site_is_ignored(client, board_member):
    response = client.post("/log-ind/", {"username": "birthe", "password": PASSWORD, "next": "https://evil.example/"})

    assert response["Location"] == reverse("dashboard:dashboard")


def test_a_signed_in_user_is_sent_on_from_the_sign_in_page(client, board_member):
    client.force_login(board_member)

    response = client.get("/log-ind/?next=/dokumenter/")

    assert response.status_code == 302
    assert response["Location"] == "/dokumenter/"


def test_signing_out_leads_back_to_sign_in_and_the_pages_are_closed_again(client, seeded, board_member):
    client.force_login(board_member)
    assert client.get(reverse("documents:masterplan")).status_code == 200

    response = client.post(reverse("logout"))

    assert response.status_code == 302 and response["Location"] == "/log-ind/"
    again = client.get(reverse("documents:masterplan"))
    assert again.status_code == 302 and again["Location"] == "/log-ind/?next=/masterplan/"


def test_the_sign_in_page_shows_no_menu_search_or_sign_out(client):
    html = client.get("/log-ind/").content.decode()
    header = re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)

    assert "<nav" not in header
    assert 'role="search"' not in header
    assert "Log ud" not in header
    assert "Masterplan" not in header


def test_the_admin_signs_in_on_the_portals_own_sign_in_page(client, secretariat_admin):
    html = client.get(reverse("admin:login")).content.decode()

    assert '<h1 id="sign-in-heading">Log ind</h1>' in html
    assert "Odense Kommune og de almene boligorganisationer i Odense" in html
    assert f'href="{reverse("password_reset")}"' in html

    response = client.post(
        f"{reverse('admin:login')}?next=/admin/",
        {"username": "sekretariat", "password": "hemmelig-kode-42", "next": "/admin/"},
    )

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_signed_in_user_without_staff_status_is_told_so_on_the_admins_sign_in_page(client):
    client.force_login(make_user(username="birthe"))

    html = client.get(reverse("admin:login")).content.decode()

    assert "Du er logget ind som birthe, men den bruger har ikke adgang til administrationen." in html


def test_internal_pages_are_not_for_search_engines_but_the_sign_in_page_is(client, secretariat_admin):
    sign_in = client.get(reverse("login"))
    assert 'name="robots"' not in sign_in.content.decode()

    client.force_login(secretariat_admin)
    page = client.get(reverse("password_change"))

    assert page.status_code == 200
    assert '<meta name="robots" content="noindex, nofollow">' in page.content.decode()
    assert page.headers["X-Robots-Tag"] == "noindex, nofollow"
