"""Where a project stands on a day, by the one definition in projects.phase, and its SQL twin agreeing with it."""

import datetime
from decimal import Decimal

import pytest

from areas.models import ActionPlan
from projects.demo import generate_demo_projects
from projects.models import Project
from projects.phase import phase_of, status_mismatch
from tests.factories import make_hours, make_project, make_status_report

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2012, 3, 15)
DAY = datetime.timedelta(days=1)
Status, Phase = Project.Status, Project.Phase


def fetched(project: Project) -> Project:
    return Project.objects.filter(pk=project.pk).with_hours_used().with_latest_report().get()


def ahead(**fields) -> Project:
    """Marked «ikke startet», starting after TODAY: planned unless something says otherwise."""
    defaults = dict(start_date=TODAY + 30 * DAY, end_date=TODAY + 300 * DAY, status=Status.NOT_STARTED, progress=0)
    return make_project(**{**defaults, **fields})


@pytest.mark.parametrize(
    ("fields", "phase"),
    [
        ({}, Phase.PLANNED),
        ({"start_date": None, "end_date": None}, Phase.PLANNED),
        ({"status": Status.IN_PROGRESS}, Phase.RUNNING),
        ({"start_date": TODAY}, Phase.RUNNING),
        ({"progress": 20}, Phase.RUNNING),
        ({"start_date": TODAY - 300 * DAY, "end_date": TODAY - DAY}, Phase.LATE),
        ({"status": Status.IN_PROGRESS, "start_date": None, "end_date": TODAY - DAY}, Phase.LATE),
        (
            {"status": Status.IN_PROGRESS, "start_date": None, "end_date": TODAY},
            Phase.RUNNING,
        ),  # its last day is not late yet
        ({"status": Status.PAUSED, "start_date": TODAY - 300 * DAY}, Phase.PAUSED),
        ({"status": Status.DONE, "start_date": TODAY - 300 * DAY, "end_date": TODAY - DAY}, Phase.DONE),
        ({"status": Status.CANCELLED, "progress": 40}, Phase.CANCELLED),
    ],
)
def test_the_phase_follows_the_status_the_dates_and_the_progress(fields, phase):
    project = fetched(ahead(**fields))

    assert phase_of(project, today=TODAY) == phase
    assert Project.objects.with_phase(today=TODAY).get(pk=project.pk).phase == phase


def test_hours_or_a_status_report_make_a_project_not_yet_due_to_start_running():
    with_hours, with_report = ahead(), ahead()
    make_hours(project=with_hours, date=TODAY - DAY, hours=Decimal("2"))
    make_status_report(project=with_report, date=TODAY - DAY)

    assert [phase_of(fetched(p), today=TODAY) for p in (with_hours, with_report)] == [Phase.RUNNING] * 2
    annotated = Project.objects.with_phase(today=TODAY).filter(pk__in=[with_hours.pk, with_report.pk])
    assert {p.phase for p in annotated} == {Phase.RUNNING}


def test_a_project_at_20_percent_with_110_hours_marked_not_started_is_running_and_says_why():
    project = ahead(progress=20)
    for day in range(5):  # 5 × 22 hours: a registration holds at most a day's hours
        make_hours(project=project, date=TODAY - day * DAY, hours=Decimal("22"))
    project = fetched(project)

    assert phase_of(project, today=TODAY) == Phase.RUNNING
    assert status_mismatch(project, today=TODAY) == ["der er registreret 110,00 timer", "fremdriften er 20 %"]


def test_a_status_matching_the_data_gives_no_reasons():
    assert status_mismatch(fetched(ahead()), today=TODAY) == []
    assert status_mismatch(fetched(ahead(status=Status.IN_PROGRESS, progress=50)), today=TODAY) == []
    started = fetched(ahead(start_date=TODAY - 10 * DAY))
    assert status_mismatch(started, today=TODAY) == ["startdatoen 5. marts 2012 er passeret"]


@pytest.mark.parametrize("today", [TODAY, datetime.date(2026, 12, 1)])
def test_the_sql_annotation_agrees_with_the_rules_over_the_seed_and_generated_data(seeded, today):
    generate_demo_projects(plan=ActionPlan.objects.get(), count=80)
    ahead(progress=20)
    ahead(status=Status.PAUSED)

    in_python = {p.pk: phase_of(p, today=today) for p in Project.objects.with_hours_used().with_latest_report()}
    in_sql = dict(Project.objects.with_phase(today=today).values_list("pk", "phase"))

    assert in_sql == in_python
    assert len(set(in_python.values())) >= 3  # the data spans several phases, so agreement means something
