"""The admin's project pages, as the secretariat sees them in Chromium at 1280 px: axe-core finds no serious or
critical WCAG 2.1 AA violation on the changelist or on a project's change form with all its inline rows, and the
changelist shows every column without scrolling sideways."""

from django.urls import reverse
from playwright.sync_api import Page, expect

from projects.models import Project
from tests.browser.accessibility import blocking_violations

DESKTOP = {"width": 1280, "height": 800}


def test_the_project_changelist_passes_axe_and_shows_its_dates_hours_status_and_progress(
    signed_in_page: Page, live_server, seeded_live
):
    page = signed_in_page
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + reverse("admin:projects_project_changelist"))
    found = blocking_violations(page)
    assert found == [], "\n".join(found)
    for column in ("Start", "Slut", "Timebudget", "Status", "Fremdrift (%)"):
        header = page.locator("#result_list thead th").filter(has_text=column).first
        expect(header).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")


def test_a_projects_change_form_with_every_inline_passes_axe(signed_in_page: Page, live_server, seeded_live):
    page = signed_in_page
    page.set_viewport_size(DESKTOP)
    # The project of the seed with the most responsibilities, relations, financing items and milestones.
    project = max(
        Project.objects.all(),
        key=lambda p: (
            p.responsibilities.count() + p.relations_out.count() + p.financing_items.count() + p.milestones.count()
        ),
    )
    page.goto(live_server.url + reverse("admin:projects_project_change", args=[project.pk]))
    expect(page.locator("#content h2").first).to_be_visible()
    found = blocking_violations(page)
    assert found == [], "\n".join(found)


def test_a_projects_history_reads_in_whole_words_on_a_phone(signed_in_page: Page, live_server, seeded_live):
    page = signed_in_page
    project = Project.objects.get(area__slug="energi-og-klima", number=3)
    page.goto(live_server.url + reverse("admin:projects_project_change", args=[project.pk]))
    page.locator("#id_title").fill("Energi på dagsordenen i hele byen")
    page.get_by_role("button", name="Gem", exact=True).click()
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + reverse("admin:projects_project_history", args=[project.pk]))

    cells = page.locator("#change-history tbody tr").first.locator("td")
    widths = cells.evaluate_all("cells => cells.map(cell => cell.getBoundingClientRect().width)")
    # One letter per line was about 20 px wide; every column now keeps room for whole words.
    assert min(widths) >= 100, widths
    expect(page.locator("#change-history")).to_contain_text("Energi på dagsordenen i hele byen")
    assert "None" not in page.locator("#change-history tbody").inner_text()
