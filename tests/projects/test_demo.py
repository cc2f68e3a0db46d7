"""Demo projects are clearly marked synthetic data that can be added and removed without touching the plan."""

import pytest
from django.core.management import call_command

from projects.models import HourRegistration, Project, StatusReport

pytestmark = pytest.mark.django_db


def test_generate_demo_adds_marked_projects_spread_over_the_areas_and_delete_removes_only_them(seeded):
    call_command("generate_demo", "--projects", "12", stdout=open("/dev/null", "w"))

    demo = Project.objects.filter(label__startswith="Demo ")
    assert demo.count() == 12
    assert all(p.title.startswith("[Demo] ") for p in demo)
    assert set(demo.values_list("area__slug", flat=True)) == {
        "energi-og-klima",
        "tidssvarende-boliger",
        "boligsociale-indsatser",
        "faelles-omraadetilgang",
    }
    assert all(p.number >= 1000 for p in demo)
    for project in demo.prefetch_related("milestones"):
        project.full_clean()
        assert all(project.covers(m.date) for m in project.milestones.all())

    # Hours and status reports too, so the dashboard has something to add up, all marked and by a user
    # who cannot sign in.
    assert HourRegistration.objects.filter(project__in=demo).count() == 36
    assert StatusReport.objects.filter(project__in=demo).count() == 12
    reporter = HourRegistration.objects.select_related("registered_by").first().registered_by
    assert reporter.username == "demo-data" and not reporter.has_usable_password()
    for item in [*HourRegistration.objects.all(), *StatusReport.objects.all()]:
        item.full_clean()

    call_command("generate_demo", "--delete", stdout=open("/dev/null", "w"))

    assert Project.objects.count() == 33
    assert not HourRegistration.objects.exists() and not StatusReport.objects.exists()
