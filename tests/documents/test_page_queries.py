"""The pages that are not covered beside their own tests run the same number of SQL queries whether the plan
has 10 or 1,000 projects: the masterplan, a focus area's masterplan, the documents list, the whole of an
attention list, the two reporting forms, and the admin's lists of hours and status reports."""

import pytest
from django.urls import reverse

from areas.models import ActionPlan
from byaftale.access import SECRETARIAT
from projects.demo import generate_demo_projects
from tests.factories import make_user

pytestmark = pytest.mark.django_db

# page: (its address, the exact number of queries it runs, the session's renewal's three included)
PAGES = {
    # A page of the chart: the areas with the totals (also the tabs), the projects, the milestones of both
    # (was 24 with everything prefetched, then 18); two for the baseline it draws (the versions, and the chosen
    # one's snapshot). An area's page reads the area first.
    "masterplan": (lambda: reverse("documents:masterplan"), 15),
    "area masterplan": (lambda: reverse("documents:area-masterplan", args=["energi-og-klima"]), 16),
    # One more for the plan's last change, which names the cached PDFs whose facts the page shows.
    "documents": (lambda: reverse("documents:documents"), 12),
    # A page of the list: its count, then its rows.
    "attention list": (lambda: reverse("dashboard:attention", args=["statusrapport"]), 12),
    "area's attention list": (lambda: reverse("dashboard:attention", args=["status"]) + "?omraade=energi-og-klima", 13),
    "status report form": (lambda: reverse("projects:new-status-report", args=["energi-og-klima", 3]), 11),
    "hour registration form": (lambda: reverse("projects:new-hours", args=["energi-og-klima", 3]), 11),
    "admin: hours": (lambda: reverse("admin:projects_hourregistration_changelist"), 16),
    "admin: status reports": (lambda: reverse("admin:projects_statusreport_changelist"), 15),
}


@pytest.mark.parametrize("size", [10, 1000])
@pytest.mark.parametrize("page", PAGES)
def test_the_page_runs_the_same_queries_at_10_and_at_1000_projects(
    client, seeded, django_assert_num_queries, page, size
):
    generate_demo_projects(plan=ActionPlan.objects.get(), count=size)
    client.force_login(make_user(SECRETARIAT, is_staff=True))
    url, queries = PAGES[page]

    with django_assert_num_queries(queries):
        response = client.get(url())

    assert response.status_code == 200
