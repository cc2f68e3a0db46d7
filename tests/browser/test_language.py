"""The portal's language in Chromium: an English browser still gets the Danish portal and its hours are read
as typed, and the header's visible switch changes to English and back, remembered from page to page."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from byaftale.access import STEERING_GROUP
from projects.models import HourRegistration
from tests.browser.conftest import PASSWORD
from tests.factories import make_project, make_user


@pytest.mark.browser_context_args(locale="en-US")
def test_an_english_browser_registers_seven_and_a_half_hours_typed_with_a_comma(
    page: Page, live_server, transactional_db
):
    project = make_project(label="Delprojekt 3", title="Energi på dagsordenen")
    project.contact_persons.add(make_user(username="kontakt", password=PASSWORD))
    assert page.evaluate("navigator.language") == "en-US"

    page.goto(f"{live_server.url}/log-ind/")
    expect(page.locator("html")).to_have_attribute("lang", "da")  # Danish, whatever the browser asks for
    page.get_by_label("Brugernavn").fill("kontakt")
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Energi på dagsordenen")  # their project
    page.get_by_role("link", name="Registrér timer").click()
    page.get_by_label("Timer:", exact=True).fill("7,5")
    page.get_by_label("Note").fill("Workshop med driftschefer")
    page.get_by_role("button", name="Registrér timer").click()

    expect(page.get_by_role("status")).to_contain_text("Timerne er registreret")
    row = page.locator("table", has=page.locator("#hours-caption")).locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("td.number")).to_have_text("7,50")
    assert HourRegistration.objects.get().hours == Decimal("7.5")


def test_the_visible_switch_changes_the_portal_to_english_and_back(page: Page, live_server, seeded_live, sign_in):
    sign_in(STEERING_GROUP, username="styregruppe")
    header = page.locator("header.site-header")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overblik over handlingsplanen")

    to_english = header.get_by_role("button", name="Skift sprog til English")
    expect(to_english).to_be_visible()
    expect(to_english.locator("span[lang=en]")).to_have_text("English")  # seen; the rest is for screen readers
    to_english.focus()  # the keyboard reaches it and Enter presses it, no JavaScript of ours involved
    page.keyboard.press("Enter")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Overview"))
    expect(header.get_by_role("button", name="Sign out")).to_be_visible()
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Masterplan").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")  # remembered on the next page

    header.get_by_role("button", name="Change language to Dansk").click()

    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(header.get_by_role("button", name="Log ud")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/masterplan/$"))  # back on the page where the switch was pressed
