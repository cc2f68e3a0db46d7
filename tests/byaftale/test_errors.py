"""The error pages (byaftale/errors.py, templates/400.html … 500.html): the portal's frame, Danish text that
says what happened and what to do, and a way back; a refused page names the roles that open it."""

import pytest
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory
from django.urls import reverse
from django.views import defaults

from byaftale.access import BOARD_MEMBER
from tests.factories import make_project, make_user

pytestmark = pytest.mark.django_db

FRONT_PAGE_LINK = f'<a href="{reverse("dashboard:dashboard")}">Til forsiden</a>'
HEADER = '<header class="site-header">'
SENDER = "Odense Kommune og de almene boligorganisationer i Odense"


@pytest.fixture(autouse=True)
def contact(settings):
    settings.DEBUG = False
    settings.SECRETARIAT_CONTACT_NAME = "Boligstrategisk Sekretariat"
    settings.SECRETARIAT_CONTACT_EMAIL = "byaftale@odense.example"


def assert_in_the_frame(html: str) -> None:
    assert HEADER in html and SENDER in html
    assert '<footer class="site-footer">' in html
    assert FRONT_PAGE_LINK in html


def test_a_page_no_role_opens_names_the_roles_that_do_and_whom_to_ask(client):
    client.force_login(make_user())

    response = client.get(reverse("documents:masterplan"))

    assert response.status_code == 403
    html = response.content.decode()
    assert "Ingen adgang til siden" in html
    assert "Denne side kræver rollen Bestyrelsesmedlem, Sekretariat eller Styregruppe." in html
    assert "Spørg sekretariatet om adgang" in html
    assert '<a href="mailto:byaftale@odense.example">byaftale@odense.example</a>' in html
    assert_in_the_frame(html)


def test_the_status_form_names_the_roles_that_report_and_the_contact_person(client):
    project = make_project()
    client.force_login(make_user(BOARD_MEMBER))

    response = client.get(reverse("projects:new-status-report", args=[project.area.slug, project.number]))

    assert response.status_code == 403
    assert (
        "Denne side kræver rollen Sekretariat eller Styregruppe, eller at du er kontaktperson for projektet."
        in response.content.decode()
    )


def test_another_project_page_says_a_contact_person_opens_it_too(client):
    project = make_project()
    client.force_login(make_user())

    response = client.get(reverse("projects:project", args=[project.area.slug, project.number]))

    assert response.status_code == 403
    assert "eller at du er kontaktperson for projektet" in response.content.decode()


def test_a_missing_page_says_so_in_danish_with_a_way_back(client):
    client.force_login(make_user(BOARD_MEMBER))

    response = client.get("/findes-ikke/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Siden findes ikke" in html
    assert "Not Found" not in html
    assert_in_the_frame(html)


def test_a_request_for_another_host_gets_the_portals_bad_request_page(client):
    response = client.get(reverse("login"), HTTP_HOST="angriber.example")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Forespørgslen kunne ikke læses" in html
    assert "Bad Request" not in html
    assert_in_the_frame(html)


def test_a_server_error_is_drawn_without_a_request_in_the_portals_frame(django_assert_num_queries):
    request = RequestFactory().get("/")

    with django_assert_num_queries(0):
        response = defaults.server_error(request)

    html = response.content.decode()
    assert response.status_code == 500
    assert "Der skete en fejl" in html and "kontakt sekretariatet" in html
    assert "byaftale@odense.example" in html
    assert_in_the_frame(html)


def test_an_error_in_a_page_answers_with_the_portals_500_page(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("documents.views.current_plan", broken)
    client.raise_request_exception = False
    client.force_login(make_user(BOARD_MEMBER))

    response = client.get(reverse("documents:masterplan"))

    assert response.status_code == 500
    assert "Der skete en fejl" in response.content.decode()


def test_a_suspicious_request_is_a_bad_request_in_danish(rf):
    response = defaults.bad_request(rf.get("/"), SuspiciousOperation("altered"))

    assert response.status_code == 400
    assert "Forespørgslen kunne ikke læses" in response.content.decode()


def test_the_front_page_tells_a_user_without_a_role_or_project_which_roles_open_it(client):
    client.force_login(make_user())

    response = client.get(reverse("dashboard:dashboard"))

    assert response.status_code == 403
    assert "Denne side kræver rollen Bestyrelsesmedlem, Sekretariat eller Styregruppe." in response.content.decode()
