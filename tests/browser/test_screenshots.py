"""Screenshots of the dashboard, a focus area and a project page at desktop and phone width, for people to look
at (var/screenshots/, not committed): the plan in a lived-in state, with hours, status reports and one project
over its budget."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from byaftale.access import STEERING_GROUP
from projects.models import Project, StatusReport
from tests.browser.accessibility import has_horizontal_scroll
from tests.factories import make_hours

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def lived_in_plan(seeded_live):
    """Five energy projects under way: hours registered (Delprojekt 2 beyond its budget) and status reports."""
    today = timezone.localdate()
    secretary = get_user_model().objects.create_user("sanne", first_name="Sanne", last_name="Sekretær")
    lights = ["green", "green", "red", "yellow", None]
    for number, light in zip(range(1, 6), lights, strict=True):
        project = Project.objects.get(area__slug="energi-og-klima", number=number)
        project.status, project.progress = Project.Status.IN_PROGRESS, 20 * number
        project.save()
        hours = project.hour_budget * Decimal("1.1" if number == 2 else "0.4")
        # More than a day holds, so spread over the days before, as a timesheet would have it.
        make_hours(project=project, date=today - datetime.timedelta(days=10), hours=hours, registered_by=secretary)
        if light:
            StatusReport.objects.create(
                project=project,
                date=today - datetime.timedelta(days=3 * number),
                light=light,
                text="Forløber som planlagt." if light == "green" else "Udbuddet er forsinket.",
                reported_by=secretary,
            )


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_of_the_dashboard_an_area_and_a_project(page, live_server, lived_in_plan, sign_in, width):
    sign_in(STEERING_GROUP, username="styregruppe")
    page.set_viewport_size(WIDTHS[width])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = {
        "dashboard": reverse("dashboard:dashboard"),
        "area": reverse("areas:area", args=["energi-og-klima"]),
        "project": reverse("projects:project", args=["energi-og-klima", 2]),
    }
    for name, url in pages.items():
        page.goto(live_server.url + url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert not has_horizontal_scroll(page), f"{name} scrolls sideways at {width} width"
        path = SCREENSHOTS / f"{name}-{width}.png"
        page.screenshot(path=path, full_page=True)
        assert path.read_bytes().startswith(b"\x89PNG")
