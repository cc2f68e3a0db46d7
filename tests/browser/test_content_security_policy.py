"""The admin under the Content-Security-Policy in a real browser: nothing is blocked, and the export
page's "select all" box (an inline handler in django-import-export's template) still works."""

from django.urls import reverse
from playwright.sync_api import ConsoleMessage, Page, expect

from tests.factories import make_project


def blocked_by_the_policy(page: Page) -> list[str]:
    messages: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            messages.append(message.text)

    page.on("console", note)
    return messages


def test_the_admins_pages_run_with_nothing_blocked(signed_in_page, live_server):
    page = signed_in_page
    project = make_project(title="Energimærkning af boligafdelinger")
    blocked = blocked_by_the_policy(page)

    for name, args in [
        ("admin:index", []),
        ("admin:projects_project_changelist", []),
        ("admin:projects_project_change", [project.pk]),
        ("admin:projects_project_add", []),
        ("admin:projects_project_import", []),
        ("admin:projects_project_export", []),
    ]:
        response = page.goto(live_server.url + reverse(name, args=args))
        assert "unsafe-inline" not in response.headers["content-security-policy"]
        page.wait_for_load_state("load")

    assert blocked == []


def test_the_export_pages_select_all_box_clears_and_ticks_every_column(signed_in_page, live_server):
    page = signed_in_page
    make_project()
    page.goto(live_server.url + reverse("admin:projects_project_export"))
    columns = page.locator('.selectable-field-export-row input[type="checkbox"]:not(.select-toggle)')
    expect(columns.first).to_be_checked()

    page.locator("input.select-toggle").uncheck()
    assert [columns.nth(i).is_checked() for i in range(columns.count())] == [False] * columns.count()

    page.locator("input.select-toggle").check()
    assert all(columns.nth(i).is_checked() for i in range(columns.count()))
