"""«Last changed on … by …» on the project and area pages: the newest change to anything that belongs to them."""

import datetime

import pytest
from django.utils import timezone

from areas.models import FocusArea
from projects.changes import last_change_for_area, last_change_for_project
from tests.factories import make_area, make_hours, make_milestone, make_project, make_status_report, make_user

pytestmark = pytest.mark.django_db


def edit(obj, user, **fields):
    """Save the object as `user` would through a form, so history records who did it."""
    for name, value in fields.items():
        setattr(obj, name, value)
    obj._history_user = user
    obj.save()


def test_a_project_edit_names_who_made_it():
    project = make_project()
    clerk = make_user(first_name="Sanne", last_name="Sekretær")

    edit(project, clerk, end_date=datetime.date(2012, 6, 30))

    change = last_change_for_project(project, follows_progress=True)
    assert change.who == "Sanne Sekretær"
    assert change.what == "Projekt ændret"
    assert abs(change.when - timezone.now()) < datetime.timedelta(minutes=1)


def test_a_new_milestone_or_hour_registration_counts_as_a_change_of_the_project():
    project = make_project()
    edit(project, make_user(), title="Første titel")

    reporter = make_user(first_name="Kim", last_name="Kontakt")
    hours = make_hours(project=project, date=timezone.localdate())
    hours.history.update(history_user=reporter)

    change = last_change_for_project(project, follows_progress=True)
    assert change.who == "Kim Kontakt"
    assert change.what == "Timeregistrering tilføjet"

    make_milestone(project=project, date=datetime.date(2011, 9, 1))
    assert last_change_for_project(project, follows_progress=True).what == "Milepæl tilføjet"


def test_a_deleted_status_report_still_counts():
    project = make_project()
    report = make_status_report(project=project)
    report.delete()

    assert last_change_for_project(project, follows_progress=True).what == "Statusrapport slettet"


def test_the_seed_load_is_the_first_change_with_its_reason(seeded):
    area = FocusArea.objects.get(slug="energi-og-klima")

    change = last_change_for_area(area, follows_progress=True)

    assert change.who == ""
    assert change.what == "Indlæst fra kildedokumenterne"


def test_an_area_changes_when_one_of_its_projects_does():
    area = make_area()
    project = make_project(area=area)
    other_area_project = make_project()
    edit(project, make_user(first_name="Sanne", last_name="Sekretær"), hour_budget=250)
    edit(other_area_project, make_user(first_name="Ole", last_name="Olsen"), hour_budget=300)

    assert last_change_for_area(area, follows_progress=True).who == "Sanne Sekretær"


def test_a_reader_who_does_not_follow_progress_gets_only_the_date_of_the_newest_plan_change():
    project = make_project()
    edit(project, make_user(first_name="Sanne", last_name="Sekretær"), hour_budget=250)
    edited = project.history.first().history_date
    make_status_report(project=project, light="red", text="Udbuddet er forsinket.")
    make_hours(project=project)

    change = last_change_for_project(project, follows_progress=False)

    assert change.when == edited  # not the report's or the hours' time
    assert change.who == "" and change.what == ""
    assert last_change_for_project(project, follows_progress=True).what == "Timeregistrering tilføjet"


def test_an_area_tells_a_reader_who_does_not_follow_progress_neither_who_nor_why():
    area = make_area()
    edit(make_project(area=area), make_user(first_name="Sanne", last_name="Sekretær"), hour_budget=250)

    change = last_change_for_area(area, follows_progress=False)

    assert change.who == "" and change.what == ""
    assert last_change_for_area(area, follows_progress=True).who == "Sanne Sekretær"


def test_nothing_recorded_means_no_change():
    area = make_area()
    area.history.all().delete()

    assert last_change_for_area(area, follows_progress=True) is None


def test_the_last_change_is_one_query_however_long_the_history(django_assert_num_queries):
    project = make_project()
    for _ in range(20):
        make_hours(project=project)
    edit(project, make_user(), hour_budget=120)

    with django_assert_num_queries(2):  # the union, and the user who made the newest change
        last_change_for_project(project, follows_progress=True)
