"""Browser tests: Playwright drives Debian's Chromium against Django's live server.

Never run `playwright install`: it downloads a browser of its own, which this machine cannot
fetch. bin/setup --test installs Debian's chromium instead, and the launch arguments below use it.
"""

from pathlib import Path

import pytest

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
