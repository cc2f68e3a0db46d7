"""axe-core in the page as a person sees it: the WCAG 2.1 A and AA rules, failing on serious and critical findings."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

_axe = Axe()


def blocking_violations(page: Page) -> list[str]:
    """One line per serious or critical violation: rule, impact, and the first offending elements."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] in BLOCKING:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return found


def has_horizontal_scroll(page: Page) -> bool:
    """Whether the page itself scrolls sideways (a wide table in its own scrolling region is fine)."""
    return page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1")
