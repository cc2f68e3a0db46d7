"""The dashboard's contents for a fixed today: each area's figures in the plan's order, and counts by phase that
add up to every project and agree with the attention lists."""

import datetime
from decimal import Decimal

import pytest

from areas.models import ActionPlan, FocusArea
from dashboard.pages import plan_dashboard
from projects.demo import generate_demo_projects
from projects.models import Project
from projects.progress import attention_rows, state_of
from tests.factories import make_hours, make_project

pytestmark = pytest.mark.django_db

# The seed's projects run 2011–2013; a day inside that horizon makes them running projects.
TODAY = datetime.date(2012, 3, 15)
DAY = datetime.timedelta(days=1)


def test_the_dashboard_has_the_figures_of_each_area_in_the_plans_order(seeded):
    plan = ActionPlan.objects.select_related("agreement").get()
    energy = Project.objects.get(area__slug="energi-og-klima", number=3)
    make_hours(project=energy, hours=Decimal("320.5"))

    dashboard = plan_dashboard(plan, today=TODAY)

    assert [a.area.slug for a in dashboard.areas] == [
        "energi-og-klima",
        "tidssvarende-boliger",
        "boligsociale-indsatser",
        "faelles-omraadetilgang",
    ]
    assert [a.figures.count for a in dashboard.areas] == [10, 3, 5, 15]
    assert dashboard.areas[0].figures.hours.budget == 5660
    assert [s.project for s in dashboard.figures.over_budget] == [energy]
    assert dashboard.revision.year == 2012
    assert [(bar.label, bar.budget) for bar in dashboard.hour_chart.bars] == [
        ("Energi og klima", 5660),
        ("Tidssvarende boliger", 0),
        ("Boligsociale indsatser", 0),
        ("Fælles områdetilgang", 0),
    ]
    assert dashboard.status_chart.total == dashboard.light_chart.total == 33


@pytest.mark.parametrize("today", [TODAY, datetime.date(2026, 12, 1)])
def test_the_counts_by_phase_add_up_to_every_project_and_agree_with_the_attention_lists(seeded, today):
    plan = ActionPlan.objects.select_related("agreement").get()
    generate_demo_projects(plan=plan, count=120)
    area = FocusArea.objects.get(slug="energi-og-klima")
    # Marked «ikke startet», not due to start, yet 20 % done with 110 hours registered.
    odd = make_project(area=area, number=99, start_date=today + 10 * DAY, end_date=today + 400 * DAY, progress=20)
    for day in range(5):
        make_hours(project=odd, date=today - day * DAY, hours=Decimal("22"))

    dashboard = plan_dashboard(plan, today=today)

    f = dashboard.figures
    counts = {c.phase: c.count for c in f.phases}
    assert sum(counts.values()) == f.count == Project.objects.count()
    assert dashboard.status_chart.total == Project.objects.count()
    for phase, count in counts.items():  # the areas add up to the plan, phase by phase
        assert sum(a.figures.phases[list(counts).index(phase)].count for a in dashboard.areas) == count
    # The same counts in SQL, by the annotation the rules' SQL twin gives.
    in_sql = dict.fromkeys(counts, 0)
    for phase in Project.objects.with_phase(today=today).values_list("phase", flat=True):
        in_sql[phase] += 1
    assert in_sql == counts
    # The report flag watches exactly the projects counted as under way: running or late.
    followed = list(Project.objects.followed())
    states = [state_of(p, today=today) for p in followed]
    assert f.under_way == counts["running"] + counts["late"]
    assert {s.phase for s in f.unreported} <= {"running", "late"}
    # Each count the database gives is the count of the projects the Python rules put on the list.
    assert f.reports_list.count == len(f.unreported) == sum(s.needs_report for s in states)
    assert f.budget_list.count == f.hours.over_budget == sum(s.over_budget for s in states)
    assert f.mismatch_list.count == sum(bool(s.mismatch) for s in states)
    assert f.lights_list.count == f.lights.red + f.lights.yellow
    assert f.hours.used == sum(p.hours_used for p in followed)
    assert len(f.reports_list.first) == min(10, f.reports_list.count)
    # The odd project counts once, as running, and is on the secretariat's list with its reasons.
    odd_state = next(s for s in states if s.project.pk == odd.pk)
    assert odd_state.phase == "running"
    assert odd.pk in {p.pk for p in attention_rows(Project.objects.all(), "status", today=today)}
    assert odd_state.mismatch == ["der er registreret 110,00 timer", "fremdriften er 20 %"]
    assert all(s.project.status == Project.Status.NOT_STARTED for s in f.mismatched)
    assert counts["planned"] == sum(s.project.status == Project.Status.NOT_STARTED and not s.mismatch for s in states)
