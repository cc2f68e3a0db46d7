"""The secretariat's everyday round in a real browser: sign in, change a project, find the change in its history."""

import datetime

from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import make_project


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
