"""How a group of projects is doing, computed for a fixed today: hours against budgets, status and traffic
lights, what needs attention, the milestones ahead and overdue, and what starts and ends soon."""

import datetime
from decimal import Decimal

import pytest
from django.db.models import QuerySet, Sum

from areas.models import ActionPlan
from projects.models import Milestone, Project, StatusReport
from projects.progress import (
    NO_REPORT,
    add_months,
    figures_for,
    milestone_outlook,
    schedule_for,
    state_of,
)
from tests.factories import make_area, make_hours, make_milestone, make_project, make_status_report

pytestmark = pytest.mark.django_db

# The seed's projects run 2011–2013; a day inside that horizon makes them running projects.
TODAY = datetime.date(2012, 3, 15)
WEEK = datetime.timedelta(weeks=1)
DAY = datetime.timedelta(days=1)
Status, Light = Project.Status, StatusReport.Light


def followed(*projects: Project) -> QuerySet[Project]:
    """The projects as a group: the figures are counted in the database."""
    return Project.objects.filter(pk__in=[p.pk for p in projects]).order_by("pk")


def state(project: Project):
    return state_of(Project.objects.followed().get(pk=project.pk), today=TODAY)


def running(area=None, **fields) -> Project:
    """A project that started before TODAY and ends after it."""
    defaults = dict(start_date=TODAY - 30 * DAY, end_date=TODAY + 300 * DAY, status=Status.IN_PROGRESS)
    return make_project(area=area or make_area(), **{**defaults, **fields})


# Hours


def test_the_plan_adds_every_projects_budget_and_energi_og_klima_has_5660_hours(seeded):
    expected = Project.objects.aggregate(total=Sum("hour_budget"))["total"]

    plan = figures_for(Project.objects.all(), today=TODAY)
    energy = figures_for(Project.objects.filter(area__slug="energi-og-klima"), today=TODAY)

    assert plan.hours.budget == expected
    assert plan.hours.projects == 33
    assert energy.hours.budget == 5660
    assert energy.hours.used == 0


def test_a_project_with_more_hours_than_budgeted_is_over_budget_by_the_difference():
    area = make_area()
    over, within, unbudgeted = (running(area, hour_budget=b) for b in (10, 100, None))
    make_hours(project=over, hours=Decimal("12.5"))
    make_hours(project=within, hours=Decimal("99"))
    make_hours(project=unbudgeted, hours=Decimal("40"))

    figures = figures_for(followed(over, within, unbudgeted), today=TODAY)

    assert [s.project for s in figures.over_budget] == [over]
    assert figures.over_budget.first[0].hours_over == Decimal("2.5")
    assert state(over).used_percent == 125
    assert state(within).hours_over == 0
    assert state(unbudgeted).hours_over is None
    assert state(unbudgeted).used_percent is None
    assert figures.hours.budget == 110
    assert figures.hours.used == Decimal("151.5")


# Status and traffic lights


def test_projects_are_counted_by_phase_once_each_with_every_phase_listed():
    area = make_area()
    projects = [
        running(area),
        running(area, status=Status.NOT_STARTED, progress=20),  # the data says running, whatever the status
        running(area, status=Status.DONE),
        running(area, status=Status.NOT_STARTED, start_date=TODAY + DAY),
    ]

    counts = figures_for(followed(*projects), today=TODAY).phases

    assert [(c.phase, c.count) for c in counts] == [
        ("planned", 1),
        ("running", 2),
        ("late", 0),
        ("paused", 0),
        ("done", 1),
        ("cancelled", 0),
    ]
    assert counts[1].label == "i gang"


def test_the_latest_report_decides_a_projects_light():
    area = make_area()
    recovered, silent = running(area), running(area)
    make_status_report(project=recovered, date=TODAY - 3 * WEEK, light=Light.RED)
    make_status_report(project=recovered, date=TODAY - WEEK, light=Light.GREEN)

    lights = figures_for(followed(recovered, silent), today=TODAY).lights

    assert (lights.green, lights.yellow, lights.red, lights.none) == (1, 0, 0, 1)
    assert lights.total == 2
    assert lights.items() == [
        ("green", "Grøn", 1),
        ("yellow", "Gul", 0),
        ("red", "Rød", 0),
        (NO_REPORT, "Ingen rapport", 1),
    ]


def test_red_and_yellow_projects_need_attention_red_first_and_green_ones_do_not():
    area = make_area()
    yellow, red, green = running(area), running(area), running(area)
    for project, light in ((yellow, Light.YELLOW), (red, Light.RED), (green, Light.GREEN)):
        make_status_report(project=project, date=TODAY - DAY, light=light)

    attention = figures_for(followed(yellow, red, green), today=TODAY).attention

    assert [s.project for s in attention] == [red, yellow]
    assert [s.light_name for s in attention] == ["Rød", "Gul"]


# Status reports due


def test_a_running_project_without_a_report_in_four_weeks_is_flagged_and_one_with_a_fresh_report_is_not():
    area = make_area()
    stale, fresh, never = running(area), running(area), running(area)
    make_status_report(project=stale, date=TODAY - 5 * WEEK)
    make_status_report(project=fresh, date=TODAY - WEEK)

    figures = figures_for(followed(stale, fresh, never), today=TODAY)

    assert figures.weeks == 4
    assert [s.project for s in figures.unreported] == [stale, never]
    assert [s.report_age_weeks for s in figures.unreported] == [5, None]


def test_the_weeks_setting_decides_when_a_report_is_due(settings):
    settings.STATUS_REPORT_WEEKS = 6
    stale = running()
    make_status_report(project=stale, date=TODAY - 5 * WEEK)

    figures = figures_for(followed(stale), today=TODAY)

    assert figures.weeks == 6
    assert not figures.unreported
    assert figures_for(followed(stale), today=TODAY + 2 * WEEK).unreported.first[0].project == stale


def test_projects_not_yet_started_and_finished_ones_need_no_report():
    area = make_area()
    later = running(area, start_date=TODAY + DAY, status=Status.NOT_STARTED)
    done, cancelled = running(area, status=Status.DONE), running(area, status=Status.CANCELLED)

    assert not figures_for(followed(later, done, cancelled), today=TODAY).unreported


# Progress


def test_progress_is_weighted_by_hour_budget_when_every_project_has_one():
    area = make_area()
    big, small = running(area, hour_budget=1750, progress=50), running(area, hour_budget=250, progress=10)

    progress = figures_for(followed(big, small), today=TODAY).progress

    assert progress.weighted
    assert progress.percent == 45  # (50 × 1750 + 10 × 250) / 2000
    assert (progress.done, progress.counted) == (0, 2)


def test_progress_is_a_plain_average_where_a_project_has_no_budget():
    area = make_area()
    projects = [running(area, hour_budget=1750, progress=50), running(area, hour_budget=None, progress=10)]

    progress = figures_for(followed(*projects), today=TODAY).progress

    assert not progress.weighted
    assert progress.percent == 30


def test_a_project_done_counts_in_full_and_a_cancelled_one_not_at_all():
    area = make_area()
    done = running(area, hour_budget=100, progress=60, status=Status.DONE)
    cancelled = running(area, hour_budget=900, progress=0, status=Status.CANCELLED)
    halfway = running(area, hour_budget=100, progress=50)

    progress = figures_for(followed(done, cancelled, halfway), today=TODAY).progress

    assert progress.percent == 75
    assert (progress.done, progress.counted) == (1, 2)
    assert figures_for(followed(cancelled), today=TODAY).progress.percent is None
    assert figures_for(followed(), today=TODAY).progress.counted == 0


# Milestones


def test_the_next_milestones_are_those_within_the_horizon_and_the_overdue_ones_are_not_reached():
    project = running(end_date=TODAY + 400 * DAY)
    dates = [TODAY - 40 * DAY, TODAY - DAY, TODAY, TODAY + 20 * DAY, TODAY + 50 * DAY, TODAY + 80 * DAY]
    dates += [TODAY + 85 * DAY, TODAY + 88 * DAY, TODAY + 95 * DAY]
    milestones = [make_milestone(project=project, date=d, title=f"M{i}") for i, d in enumerate(dates)]
    make_milestone(project=project, date=TODAY + 10 * DAY, title="Nået", reached=True)
    make_milestone(project=project, date=TODAY - 10 * DAY, title="Nået før", reached=True)

    outlook = milestone_outlook(Milestone.objects.all(), today=TODAY)

    assert outlook.until == datetime.date(2012, 6, 15)
    assert [m.title for m in outlook.upcoming] == ["M2", "M3", "M4", "M5", "M6", "M7"]  # not M8, 95 days ahead
    assert [m.title for m in outlook.overdue] == ["M0", "M1"]  # the longest overdue first
    assert milestones[2].date == TODAY  # today is not overdue yet


def test_at_least_the_next_five_milestones_are_listed_even_beyond_the_horizon():
    project = running(end_date=TODAY + 1000 * DAY)
    for i in range(7):
        make_milestone(project=project, date=TODAY + (200 + 30 * i) * DAY, title=f"M{i}")

    outlook = milestone_outlook(Milestone.objects.all(), today=TODAY)

    assert [m.title for m in outlook.upcoming] == ["M0", "M1", "M2", "M3", "M4"]
    assert not outlook.overdue


def test_the_horizon_setting_decides_how_far_ahead_milestones_are_listed(settings):
    settings.DASHBOARD_HORIZON_MONTHS = 12
    project = running(end_date=TODAY + 1000 * DAY)
    for i in range(7):
        make_milestone(project=project, date=TODAY + (10 + 40 * i) * DAY, title=f"M{i}")

    outlook = milestone_outlook(Milestone.objects.all(), today=TODAY)

    assert outlook.months == 12
    assert len(outlook.upcoming) == 7


def test_the_seeds_milestones_ahead_and_overdue_in_march_2012(seeded):
    outlook = milestone_outlook(Milestone.objects.open_in(ActionPlan.objects.get()), today=TODAY)

    assert [m.date for m in outlook.upcoming] == [datetime.date(2013, 1, 1), datetime.date(2013, 7, 1)]
    assert outlook.upcoming.first[1].area.slug == "faelles-omraadetilgang"  # a milestone of the whole area
    assert len(outlook.overdue) == 10
    assert outlook.overdue[0].title == "Projekterne opstartes"


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (datetime.date(2026, 11, 23), 3, datetime.date(2027, 2, 23)),
        (datetime.date(2012, 1, 31), 1, datetime.date(2012, 2, 29)),
        (datetime.date(2011, 1, 31), 1, datetime.date(2011, 2, 28)),
        (datetime.date(2011, 12, 1), 12, datetime.date(2012, 12, 1)),
    ],
)
def test_months_are_added_as_on_the_calendar(start, months, end):
    assert add_months(start, months) == end


# Starting and ending soon


def test_projects_starting_and_ending_within_the_horizon():
    area = make_area()
    starts = make_project(area=area, start_date=TODAY + 10 * DAY, end_date=TODAY + 500 * DAY)
    starts_today = make_project(area=area, start_date=TODAY, end_date=TODAY + 500 * DAY)
    starts_late = make_project(area=area, start_date=TODAY + 100 * DAY, end_date=TODAY + 500 * DAY)
    ends = running(area, end_date=TODAY + 60 * DAY)
    ended = running(area, start_date=TODAY - 300 * DAY, end_date=TODAY - DAY)
    done = running(area, end_date=TODAY + 20 * DAY, status=Status.DONE)

    schedule = schedule_for(followed(starts, starts_today, starts_late, ends, ended, done), today=TODAY)

    assert schedule.starting.first == [starts_today, starts]
    assert schedule.ending.first == [ends]  # the one done already is no news
    assert schedule.until == datetime.date(2012, 6, 15)
