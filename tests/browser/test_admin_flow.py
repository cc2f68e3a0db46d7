"""The secretariat's everyday round in a real browser: sign in, change a project, find the change in its history."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.factories import make_project

PASSWORD = "en-lang-hemmelig-kode-42"


@pytest.fixture
def signed_in_page(page: Page, live_server, transactional_db, django_user_model) -> Page:
    """A browser signed in as the secretariat through the admin's own, Danish, login form."""
    django_user_model.objects.create_superuser("sekretariat", "sekretariat@example.dk", PASSWORD)
    page.goto(f"{live_server.url}/admin/login/")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    page.get_by_label("Brugernavn").fill("sekretariat")
    page.get_by_label("Adgangskode").fill(PASSWORD)
    log_in = page.get_by_role("button", name="Log ind")
    expect(log_in).to_be_visible()
    log_in.click()
    expect(page.get_by_text("Velkommen,")).to_be_visible()
    expect(page.get_by_role("button", name="Log ud")).to_be_visible()
    return page


def test_secretariat_changes_a_project_end_date_and_finds_the_change_in_its_history(signed_in_page, live_server):
    page = signed_in_page
    project = make_project(title="Energimærkning af boligafdelinger", end_date=datetime.date(2012, 4, 1))

    page.goto(live_server.url + reverse("admin:projects_project_change", args=[project.pk]))
    end_date = page.locator("#id_end_date")
    expect(end_date).to_have_value("01.04.2012")  # Danish date input: day.month.year
    end_date.fill("30.06.2012")
    page.get_by_role("button", name="Gem", exact=True).click()

    expect(page.locator(".messagelist .success")).to_contain_text("blev ændret")
    project.refresh_from_db()
    assert project.end_date == datetime.date(2012, 6, 30)

    page.goto(live_server.url + reverse("admin:projects_project_change", args=[project.pk]))
    page.get_by_role("link", name="Historik").click()

    expect(page.get_by_role("heading", name="Historik:")).to_contain_text("Energimærkning af boligafdelinger")
    latest = page.locator("#change-history tbody tr").first
    expect(latest).to_contain_text("sekretariat")
    expect(latest).to_contain_text("slut")
    expect(latest).to_contain_text("1. april 2012")
    expect(latest).to_contain_text("30. juni 2012")
