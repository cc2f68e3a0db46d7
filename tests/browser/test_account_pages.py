"""The sign-in's own pages in Chromium: the lock-out page, the password reset and change pages pass axe at
desktop and phone width, and a locked-out person reads in Danish when to try again."""

import re

from playwright.sync_api import Page, expect

from byaftale.access import BOARD_MEMBER
from tests.browser.accessibility import blocking_violations
from tests.browser.test_accessibility import DESKTOP, PHONE, assert_accessible_at_both_widths


def test_the_password_pages_pass_axe(page: Page, live_server, seeded_live, sign_in):
    assert_accessible_at_both_widths(page, f"{live_server.url}/log-ind/glemt-adgangskode/")
    sign_in(BOARD_MEMBER)
    assert_accessible_at_both_widths(page, f"{live_server.url}/konto/adgangskode/")


def test_guessing_ends_on_the_lock_out_page_which_passes_axe(page: Page, live_server, transactional_db):
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        page.goto(f"{live_server.url}/log-ind/")
        for _ in range(5):
            page.get_by_label("Brugernavn").fill(f"gaet-{size['width']}")
            page.get_by_label("Adgangskode").fill("forkert")
            page.get_by_role("button", name="Log ind").click()
            if page.get_by_role("heading", name="Log ind er spærret").is_visible():
                break

        expect(page.get_by_role("heading", name="Log ind er spærret")).to_be_visible()
        expect(page.get_by_text(re.compile(r"Du kan prøve igen kl\. \d\d:\d\d, om 15 minutter\."))).to_be_visible()
        assert blocking_violations(page) == [], f"the lock-out page at {size['width']} px"
