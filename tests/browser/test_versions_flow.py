"""Plan versions in Chromium: the secretariat publishes 1.4 in the admin; a board member finds it, compares it
with 1.3 and with today's plan, and reads the changes; each page passes axe."""

import datetime
import re

from playwright.sync_api import expect

from byaftale.access import BOARD_MEMBER
from projects.models import Project
from tests.browser.accessibility import blocking_violations


def test_the_secretariat_publishes_and_a_board_member_reads_what_changed(
    page, live_server, seeded_live, signed_in_page, sign_in
):
    page.goto(f"{live_server.url}/admin/versions/planversion/add/")
    page.get_by_label("Version").fill("1.4")
    page.get_by_label("Godkendt den").fill("12.05.2011")
    page.get_by_label("Godkendt af").fill("Den Fælles Boligstrategiske Gruppe")
    page.get_by_label("Note").fill("Revideret tidsplan")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("ver. 1.4")

    project = Project.objects.get(area__slug="boligsociale-indsatser", number=3)
    project.end_date, project.end_wording, project.hour_budget = datetime.date(2012, 4, 1), "", 600
    project.save()

    page.get_by_role("button", name="Log ud").click()
    sign_in(BOARD_MEMBER, username="bestyrelse")

    page.goto(f"{live_server.url}/versioner/")
    expect(page.get_by_role("heading", name="Planversioner", level=1)).to_be_visible()
    expect(page.get_by_text("Godkendt af Den Fælles Boligstrategiske Gruppe 12. maj 2011")).to_be_visible()
    assert blocking_violations(page) == []

    page.get_by_label("Fra").select_option("1.3")
    page.get_by_label("til", exact=True).select_option("1.4")
    page.get_by_role("button", name="Sammenlign").click()
    expect(page).to_have_url(re.compile(r"/versioner/1\.3/sammenlign/1\.4/$"))
    expect(page.get_by_text("Intet i planen er ændret.")).to_be_visible()

    page.goto(f"{live_server.url}/versioner/1.4/sammenlign/nu/")
    row = page.get_by_role("row", name=re.compile("^Slut"))
    expect(row).to_contain_text("i drift primo 2012")
    expect(row).to_contain_text("1. april 2012")
    expect(row).to_contain_text("+3 mdr.")
    assert blocking_violations(page) == []

    page.goto(f"{live_server.url}/versioner/1.4/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("ver. 1.4")
    assert blocking_violations(page) == []
