"""The plan kept alive, in Chromium: the secretariat moves an end date in the admin and the dashboard shows it;
a steering group member files a red status report and finds the project flagged on the dashboard."""

import datetime
import re

from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from byaftale.access import SECRETARIAT, STEERING_GROUP
from projects.models import Project, StatusReport


def energy(number: int) -> Project:
    return Project.objects.get(area__slug="energi-og-klima", number=number)


def row_of(page: Page, table_id: str, label: str):
    return page.locator(f"#{table_id} tbody tr").filter(has=page.get_by_role("link", name=re.compile(label)))


def test_the_secretariat_moves_an_end_date_in_the_admin_and_the_dashboard_shows_it(
    page, live_server, seeded_live, sign_in
):
    sign_in(SECRETARIAT, username="sekretariat", staff=True)
    expect(page.get_by_role("heading", level=1)).to_have_text("Overblik over handlingsplanen")
    expect(row_of(page, "schedule-ending", "Delprojekt 3")).to_have_count(0)

    new_end = timezone.localdate() + datetime.timedelta(days=45)
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Administration").click()
    page.locator("#projects-project").get_by_role("link", name="Projekter").click()
    page.get_by_role("link", name="Energi på dagsordenen").click()
    page.locator("#id_end_date").fill(new_end.strftime("%d.%m.%Y"))
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text("blev ændret")

    page.goto(f"{live_server.url}/")
    ending = row_of(page, "schedule-ending", "Delprojekt 3")
    expect(ending).to_have_count(1)
    expect(ending).to_contain_text(date_format(new_end, "j. F Y"))
    expect(ending).to_contain_text("Energi og klima")


def test_a_steering_group_member_files_a_red_report_and_sees_the_project_flagged(
    page, live_server, seeded_live, sign_in
):
    project = energy(3)
    project.status = Project.Status.IN_PROGRESS
    project.save()
    sign_in(STEERING_GROUP, username="styregruppe", first_name="Stine", last_name="Styregruppe")

    # Running and never reported on: flagged for its missing report, but no light yet.
    expect(row_of(page, "attention-reports", "Delprojekt 3")).to_contain_text("aldrig")
    expect(row_of(page, "attention-lights", "Delprojekt 3")).to_have_count(0)

    row_of(page, "attention-reports", "Delprojekt 3").get_by_role("link", name=re.compile("Delprojekt 3")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Energi på dagsordenen")
    page.get_by_role("link", name="Rapportér status").click()
    page.get_by_label(re.compile(r"Rød: ")).check()
    text = "Udbuddet af energirådgivningen er forsinket tre måneder."
    page.get_by_label("Sådan går projektet:", exact=True).fill(text)
    page.get_by_role("button", name="Rapportér status").click()

    expect(page.get_by_role("status")).to_contain_text("Statusrapporten er gemt")
    expect(page.get_by_text("Udbuddet af energirådgivningen er forsinket tre måneder.")).to_be_visible()
    report = StatusReport.objects.get(project=project)
    assert (report.light, report.reported_by.username) == ("red", "styregruppe")

    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Overblik").click()
    flagged = row_of(page, "attention-lights", "Delprojekt 3")
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text("Rød")
    expect(row_of(page, "attention-reports", "Delprojekt 3")).to_have_count(0)


def test_a_failed_report_takes_the_focus_to_its_summary_whose_links_lead_to_red_bordered_fields(
    page, live_server, seeded_live, sign_in
):
    project = energy(3)
    sign_in(STEERING_GROUP, username="styregruppe")
    page.goto(f"{live_server.url}/projekter/energi-og-klima/{project.number}/status/")
    page.get_by_role("button", name="Rapportér status").click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    text_field = page.get_by_label("Sådan går projektet:", exact=True)
    summary.get_by_role("link", name=re.compile("^Sådan går projektet: ")).click()
    expect(text_field).to_be_focused()
    # The invalid field's border is the error red (#a4161a), not the ordinary grey the type rules give.
    assert text_field.evaluate("e => getComputedStyle(e).borderTopColor") == "rgb(164, 22, 26)"
    assert page.locator("#id_date").evaluate("e => getComputedStyle(e).borderTopColor") != "rgb(164, 22, 26)"
    summary.get_by_role("link", name=re.compile("^Trafiklys: ")).click()
    expect(page.get_by_label(re.compile(r"Grøn: "))).to_be_focused()
