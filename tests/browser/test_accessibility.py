"""Every main page, as a person sees it in Chromium at desktop and phone width: axe-core finds no serious
or critical WCAG 2.1 AA violation, and nothing makes the page itself scroll sideways on a 360 px phone."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from byaftale.access import SECRETARIAT
from tests.browser.accessibility import blocking_violations, has_horizontal_scroll
from tests.main_pages import MAIN_PAGES

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def assert_accessible_at_both_widths(page: Page, url: str) -> None:
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        page.goto(url)
        assert blocking_violations(page) == [], f"{url} at {size['width']} px"
        if size is PHONE:
            assert not has_horizontal_scroll(page), f"{url} scrolls sideways at {size['width']} px"


@pytest.mark.parametrize("name", MAIN_PAGES)
def test_main_pages_pass_axe_at_desktop_and_phone_width(page, live_server, seeded_live, sign_in, name):
    sign_in(SECRETARIAT, staff=True)

    assert_accessible_at_both_widths(page, live_server.url + MAIN_PAGES[name]())


def test_the_sign_in_page_passes_axe(page, live_server, transactional_db):
    assert_accessible_at_both_widths(page, f"{live_server.url}/log-ind/")


def test_a_form_showing_its_errors_passes_axe(page, live_server, seeded_live, sign_in):
    sign_in(SECRETARIAT, staff=True)
    page.goto(live_server.url + MAIN_PAGES["hour registration form"]())
    page.get_by_label("Timer").fill("0")
    page.get_by_role("button", name="Registrér timer").click()

    assert page.get_by_text("Timerne skal være flere end 0.", exact=True).is_visible()
    assert blocking_violations(page) == []


def test_the_skip_link_is_the_first_stop_of_the_keyboard_and_leads_to_the_content(
    page, live_server, seeded_live, sign_in
):
    sign_in(SECRETARIAT, staff=True)
    page.goto(live_server.url + reverse("dashboard:dashboard"))

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Gå til indholdet"
    page.keyboard.press("Enter")

    assert page.evaluate("location.hash") == "#main"


def test_the_accessibility_statement_and_the_error_pages_pass_axe(page, live_server, seeded_live, sign_in):
    from pages.models import ACCESSIBILITY_STATEMENT, SitePage

    # A live-server test starts from a flushed database, without the statement the migration made.
    SitePage.objects.get_or_create(
        slug=ACCESSIBILITY_STATEMENT, defaults={"title": "Tilgængelighedserklæring", "text": "Afsnit.\n\nAfsnit."}
    )
    assert_accessible_at_both_widths(page, f"{live_server.url}/tilgaengelighed/")
    sign_in(None)
    for url in ("/findes-ikke/", reverse("documents:masterplan")):
        assert_accessible_at_both_widths(page, live_server.url + url)
        assert page.get_by_role("link", name="Til forsiden").is_visible()
