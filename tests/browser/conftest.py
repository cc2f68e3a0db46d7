"""Browser tests: Playwright drives Debian's Chromium against Django's live server.

Never run `playwright install`: it downloads a browser of its own, which this machine cannot
fetch. bin/setup --test installs Debian's chromium instead, and the launch arguments below use it.
"""

from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import Page, expect

from byaftale.access import sync_roles

CHROMIUM = "/usr/bin/chromium"
# Headless as root in a container; and no calls home, which the closed network would refuse.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

BROWSER_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test, whether or not its file says so."""
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    headless = browser_type_launch_args.get("headless", True)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": (["--headless"] if headless else []) + CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    # The secretariat's browsers ask for Danish; Chromium's own default would ask for English.
    return {**browser_context_args, "locale": "da-DK", "timezone_id": "Europe/Copenhagen"}


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


@pytest.fixture
def seeded_live(transactional_db) -> None:
    """The seed content, in a database the live server can see (committed, not rolled back)."""
    call_command("load_initial_data", verbosity=0)


@pytest.fixture(autouse=True)
def roles(transactional_db) -> None:
    """The roles a migration creates, put back before each test: a live-server test empties the database
    when it ends. (Serialized rollback cannot do it here: Playwright's sync API gives the test another
    database connection object, one without the serialized contents.)"""
    sync_roles(django_apps)


@pytest.fixture
def sign_in(page: Page, live_server, transactional_db, django_user_model):
    """Sign in through the portal's own sign-in page as a new user in `role` (or none); returns the user."""

    def sign_in_as(role: str | None, *, username: str = "bruger", staff: bool = False, **fields):
        user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=staff, **fields)
        if role:
            user.groups.add(Group.objects.get(name=role))
        page.goto(f"{live_server.url}/log-ind/")
        page.get_by_label("Brugernavn").fill(username)
        page.get_by_label("Adgangskode").fill(PASSWORD)
        page.get_by_role("button", name="Log ind").click()
        expect(page.get_by_role("button", name="Log ud")).to_be_visible()
        return user

    return sign_in_as
