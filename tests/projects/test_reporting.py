"""Keeping the plan alive: who may report on a project, filing a status report, and which projects have
gone too long without one."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from projects.models import Project, StatusReport
from projects.reporting import (
    can_register_hours,
    can_report_status,
    file_status_report,
    is_contact_person,
    needs_report,
    report_due_since,
)
from tests.factories import make_project, make_status_report, make_user

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 20)


def latest(project: Project) -> Project:
    return Project.objects.filter(pk=project.pk).with_latest_report().get()


# Who may report


def test_a_contact_person_is_one_of_the_projects_own_people():
    project, person, stranger = make_project(), make_user(), make_user()
    project.contact_persons.add(person)

    assert is_contact_person(person, project)
    assert not is_contact_person(stranger, project)
    assert not is_contact_person(AnonymousUser(), project)


def test_prefetched_contact_persons_are_read_without_a_query(django_assert_num_queries):
    project, person = make_project(), make_user()
    project.contact_persons.add(person)
    project = Project.objects.prefetch_related("contact_persons").get(pk=project.pk)

    with django_assert_num_queries(0):
        assert is_contact_person(person, project)


@pytest.mark.parametrize(
    ("role", "status", "hours"),
    [(SECRETARIAT, True, True), (STEERING_GROUP, True, False), (BOARD_MEMBER, False, False), (None, False, False)],
)
def test_what_each_role_may_report_on_any_project(role, status, hours):
    user, project = make_user(role), make_project()

    assert can_report_status(user, project) is status
    assert can_register_hours(user, project) is hours


@pytest.mark.parametrize("role", [BOARD_MEMBER, None])
def test_a_contact_person_reports_status_and_hours_on_their_own_project_only(role):
    person, own, other = make_user(role), make_project(), make_project()
    own.contact_persons.add(person)

    assert can_report_status(person, own) and can_register_hours(person, own)
    assert not can_report_status(person, other) and not can_register_hours(person, other)


def test_strangers_report_nothing():
    project = make_project()

    assert not can_report_status(AnonymousUser(), project)
    assert not can_register_hours(AnonymousUser(), project)


# Filing a report


def test_a_report_with_progress_moves_the_project_and_gives_the_reason():
    project = make_project(progress=10)
    report = StatusReport(
        project=project, reported_by=make_user(), date=datetime.date(2026, 11, 2), light="yellow", text="Forsinket.",
        progress=35,
    )  # fmt: skip

    file_status_report(report)

    project.refresh_from_db()
    assert report.pk is not None
    assert project.progress == 35
    # A fact, not a sentence in the reporter's language; readers get it in theirs (see test_history_reasons.py).
    assert project.history.first().history_change_reason == "status-report 2026-11-02 yellow"


@pytest.mark.parametrize("progress", [None, 10])
def test_a_report_without_new_progress_leaves_the_project_alone(progress):
    project = make_project(progress=10)
    versions = project.history.count()

    file_status_report(
        StatusReport(project=project, reported_by=make_user(), light="green", text="Ok.", progress=progress)
    )

    project.refresh_from_db()
    assert project.progress == 10
    assert project.history.count() == versions


def test_a_report_writes_only_the_progress_over_the_project_as_it_now_stands_and_its_history_shows_that():
    project = make_project(title="Gammel", hour_budget=1750, progress=0)
    read_before = Project.objects.get(pk=project.pk)
    project.title = "Ny"
    project.save()

    file_status_report(
        StatusReport(project=read_before, reported_by=make_user(), light="green", text="Godt i gang.", progress=70)
    )

    project.refresh_from_db()
    assert (project.title, project.hour_budget, project.progress) == ("Ny", 1750, 70)
    latest = project.history.first()
    assert (latest.title, latest.progress) == ("Ny", 70), "the history shows the project as it is, not as read"
    assert latest.history_change_reason.startswith("status-report ")  # the report, stored as a fact


def test_a_back_dated_report_is_kept_but_leaves_the_newer_reports_progress():
    project = make_project(progress=0)
    file_status_report(make_report(project, datetime.date(2026, 11, 10), progress=60))
    versions = project.history.count()

    back_dated = file_status_report(make_report(project, datetime.date(2026, 11, 1), progress=30))

    project.refresh_from_db()
    assert back_dated.pk is not None
    assert project.progress == 60
    assert project.history.count() == versions


def test_a_report_of_the_same_day_as_the_newest_counts_as_the_newest():
    project = make_project(progress=0)
    file_status_report(make_report(project, datetime.date(2026, 11, 10), progress=60))

    file_status_report(make_report(project, datetime.date(2026, 11, 10), progress=65))

    project.refresh_from_db()
    assert project.progress == 65


def make_report(project: Project, date: datetime.date, progress: int) -> StatusReport:
    return StatusReport(
        project=project, reported_by=make_user(), date=date, light="green", text="Ok.", progress=progress
    )


# Which projects need a report


def test_a_report_is_due_when_the_latest_is_older_than_the_interval(settings):
    settings.STATUS_REPORT_WEEKS = 4

    assert report_due_since(TODAY) == datetime.date(2026, 10, 23)
    assert report_due_since(TODAY, weeks=1) == datetime.date(2026, 11, 13)


def test_the_latest_report_is_the_newest_date_and_then_the_last_filed():
    project, quiet = make_project(), make_project()
    make_status_report(project=project, date=datetime.date(2026, 10, 1), light="green")
    make_status_report(project=project, date=datetime.date(2026, 11, 1), light="red")
    last = make_status_report(project=project, date=datetime.date(2026, 11, 1), light="yellow")

    annotated = latest(project)
    assert (annotated.latest_report_date, annotated.latest_report_light) == (datetime.date(2026, 11, 1), "yellow")
    assert annotated.latest_report_id == last.pk
    assert latest(quiet).latest_report_date is None


def test_a_running_project_needs_a_report_when_it_has_none_or_only_old_ones(settings):
    settings.STATUS_REPORT_WEEKS = 4
    never, stale, fresh = (make_project(start_date=datetime.date(2026, 1, 1), end_date=None) for _ in range(3))
    make_status_report(project=stale, date=datetime.date(2026, 10, 22))
    make_status_report(project=fresh, date=datetime.date(2026, 10, 23))

    assert [needs_report(latest(p), TODAY) for p in (never, stale, fresh)] == [True, True, False]
    assert needs_report(latest(fresh), TODAY, weeks=2)


@pytest.mark.parametrize("status", [Project.Status.DONE, Project.Status.CANCELLED])
def test_a_finished_project_needs_no_more_reports(status):
    project = make_project(start_date=datetime.date(2026, 1, 1), end_date=None, status=status)

    assert not needs_report(latest(project), TODAY)


def test_a_project_that_has_not_started_needs_no_report_yet():
    project = make_project(start_date=datetime.date(2027, 1, 1), end_date=None)

    assert not needs_report(latest(project), TODAY)
