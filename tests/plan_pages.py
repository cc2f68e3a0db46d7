"""Reading the plan's pages as a person does, for the dashboard's and the area page's tests: a page as a role
sees it, its sections, tables and rows, Danish numbers, and a plan grown with demo projects."""

import datetime
import re

from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from areas.models import ActionPlan, FocusArea
from byaftale.access import STEERING_GROUP
from projects.demo import generate_demo_projects
from projects.models import Milestone, Project, Relation
from tests.factories import make_user
from tests.html import element, elements

DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(weeks=1)
DASHBOARD = reverse("dashboard:dashboard")


def area_url(slug: str) -> str:
    return reverse("areas:area", args=[slug])


def project_url(project: Project) -> str:
    return reverse("projects:project", args=[project.area.slug, project.number])


def energy(number: int) -> Project:
    return Project.objects.select_related("area").get(area__slug="energi-og-klima", number=number)


def page_of(client, url: str, role: str = STEERING_GROUP) -> str:
    client.force_login(make_user(role))
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, heading_id: str) -> str:
    """The content of the section headed by `heading_id`."""
    return element(html, "section", aria_labelledby=heading_id).inner


def table(html: str, table_id: str) -> str:
    return element(html, "table", id=table_id).inner


def row_with(html: str, text: str) -> str:
    """The first table row that holds `text`."""
    rows = [row.outer for row in elements(html, "tr") if text in row.outer]
    assert rows, f"no row with {text!r}"
    return rows[0]


def numbers_in(row: str) -> list[str]:
    return re.findall(r'<td class="number">\s*([\d.,]+)', row)


def danish(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def plan_total() -> int:
    return Project.objects.aggregate(total=Sum("hour_budget"))["total"]


def grow_plan(size: int) -> None:
    """Demo projects with milestones, responsibilities, relations, hours and reports, and relations to an area."""
    demo = generate_demo_projects(plan=ActionPlan.objects.get(), count=size)
    energy_area = FocusArea.objects.get(slug="energi-og-klima")
    Relation.objects.bulk_create(
        Relation(from_project=p, to_area=energy_area, kind=Relation.Kind.RELATED) for p in demo
    )
    Milestone.objects.bulk_create(
        Milestone(area=energy_area, date=timezone.localdate() + i * DAY, title=f"[Demo] {i}") for i in range(size)
    )


def heading_levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])\b", html)]


def assert_well_structured(html: str) -> None:
    levels = heading_levels(html)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    for each in re.findall(r'<table class="data dash-table".*?</table>', html, re.S):
        assert "<caption" in each
    assert not re.search(r"<th\b(?![^>]*scope=)[^>]*>", html)
