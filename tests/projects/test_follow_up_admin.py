"""Hours and status reports in the secretariat's admin: registered in the secretariat's own name unless it
names someone, refused with a Danish message beside the field when wrong, and kept in the history."""

import datetime
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from byaftale.access import SECRETARIAT, STEERING_GROUP
from projects.models import HourRegistration, StatusReport
from tests.admin_pages import change_form_data
from tests.factories import make_hours, make_project, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(client):
    user = make_user(SECRETARIAT, is_staff=True, first_name="Sanne", last_name="Sekretær")
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "da"
    return user


def add_form(client, model: str) -> dict:
    return change_form_data(client.get(reverse(f"admin:projects_{model}_add")))


def test_hours_are_registered_in_the_secretarys_name_by_default(client, secretary):
    project = make_project(hour_budget=100)
    data = add_form(client, "hourregistration")
    assert data["registered_by"] == str(secretary.pk)

    data.update(project=project.pk, date="2026-11-02", hours="7.5", note="Styregruppemøde")
    response = client.post(reverse("admin:projects_hourregistration_add"), data)

    assert response.status_code == 302
    registration = HourRegistration.objects.get()
    assert (registration.project, registration.hours, registration.registered_by) == (project, 7.5, secretary)
    assert registration.history.get().history_user == secretary


@pytest.mark.parametrize(("language", "shown"), [("da", "7,50"), ("en", "7.50")])
def test_the_admin_shows_hours_in_the_chosen_language_and_saves_them_back_unchanged(client, secretary, language, shown):
    registration = make_hours(hours=Decimal("7.5"), registered_by=secretary)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = reverse("admin:projects_hourregistration_change", args=[registration.pk])
    response = client.get(url)
    hours_input = re.search(r'<input[^>]*name="hours"[^>]*>', response.content.decode()).group(0)
    assert f'value="{shown}"' in hours_input

    response = client.post(url, {**change_form_data(response), "hours": shown}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.hours == Decimal("7.5")


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_admin_reads_a_decimal_comma_whatever_the_language(client, secretary, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    data = {**add_form(client, "hourregistration"), "project": make_project().pk, "date": "2026-11-02", "hours": "7,5"}

    assert client.post(reverse("admin:projects_hourregistration_add"), data).status_code == 302
    assert HourRegistration.objects.get().hours == Decimal("7.5")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hours", "0", "Timerne skal være flere end 0."),
        ("date", "2099-01-01", "Datoen kan ikke ligge i fremtiden."),
        ("hours", "25", "En registrering gælder én dag: højst 24 timer."),
        ("date", "2007-12-31", "Datoen kan ikke ligge før 2008, hvor samarbejdet begyndte."),
    ],
)
def test_wrong_hours_are_refused_beside_the_field(client, secretary, field, value, message):
    project = make_project()
    data = {**add_form(client, "hourregistration"), "project": project.pk, "date": "2026-11-02", "hours": "3"}
    data[field] = value

    response = client.post(reverse("admin:projects_hourregistration_add"), data)

    assert response.status_code == 200
    assert message in response.context["adminform"].form.errors[field]
    assert not HourRegistration.objects.exists()


def test_a_status_report_with_progress_moves_the_projects_progress_and_says_why_in_its_history(client, secretary):
    project = make_project(progress=10)
    today = timezone.localdate()
    data = {
        **add_form(client, "statusreport"),
        "project": project.pk,
        "date": today.isoformat(),
        "light": StatusReport.Light.YELLOW,
        "text": "Forsinket af udbuddet.",
        "progress": "35",
    }

    response = client.post(reverse("admin:projects_statusreport_add"), data)

    assert response.status_code == 302
    report = StatusReport.objects.get()
    assert report.reported_by == secretary
    project.refresh_from_db()
    assert project.progress == 35
    latest = project.history.first()
    assert latest.history_user == secretary
    assert latest.history_change_reason == f"status-report {today.isoformat()} yellow"


def test_the_report_list_shows_light_and_reporter(client, secretary):
    project = make_project(label="Delprojekt 3")
    StatusReport.objects.create(
        project=project,
        date=datetime.date(2026, 11, 2),
        light=StatusReport.Light.RED,
        text="Mangler finansiering.",
        reported_by=secretary,
    )

    page = client.get(reverse("admin:projects_statusreport_changelist")).content.decode()

    assert "rød: går ikke efter planen" in page
    assert "Delprojekt 3" in page and "Sanne Sekretær" in page


def test_the_steering_group_cannot_register_hours_in_the_admin(client):
    client.force_login(make_user(STEERING_GROUP, is_staff=True))

    assert client.get(reverse("admin:projects_hourregistration_add")).status_code == 403
    assert client.get(reverse("admin:projects_hourregistration_changelist")).status_code == 200


# Who made it: the signed-in user, unless the secretariat names someone else


def report_data(client, project, **fields) -> dict:
    return {
        **add_form(client, "statusreport"),
        "project": project.pk,
        "date": timezone.localdate().isoformat(),
        "light": StatusReport.Light.RED,
        "text": "Udbuddet er forsinket.",
        **fields,
    }


def test_a_steering_group_member_files_reports_in_their_own_name_even_when_the_post_names_someone_else(client):
    member = make_user(STEERING_GROUP, is_staff=True)
    someone_else = make_user(SECRETARIAT, first_name="Sanne", last_name="Sekretær")
    client.force_login(member)

    form = client.get(reverse("admin:projects_statusreport_add")).content.decode()
    response = client.post(
        reverse("admin:projects_statusreport_add"), report_data(client, make_project(), reported_by=someone_else.pk)
    )

    assert 'name="reported_by"' not in form
    assert response.status_code == 302
    assert StatusReport.objects.get().reported_by == member


def test_the_secretariat_may_file_a_report_in_someone_elses_name(client, secretary):
    member = make_user(STEERING_GROUP, first_name="Gitte", last_name="Gruppe")

    form = client.get(reverse("admin:projects_statusreport_add")).content.decode()
    response = client.post(
        reverse("admin:projects_statusreport_add"), report_data(client, make_project(), reported_by=member.pk)
    )

    assert 'name="reported_by"' in form
    assert response.status_code == 302
    assert StatusReport.objects.get().reported_by == member


def test_who_may_add_but_not_change_hours_registers_them_in_their_own_name(client):
    clerk = make_user(is_staff=True)
    clerk.user_permissions.add(*Permission.objects.filter(codename__in=["add_hourregistration", "view_project"]))
    someone_else = make_user(SECRETARIAT)
    client.force_login(clerk)
    data = {
        **add_form(client, "hourregistration"),
        "project": make_project().pk,
        "date": "2026-11-02",
        "hours": "3",
        "registered_by": someone_else.pk,
    }

    response = client.post(reverse("admin:projects_hourregistration_add"), data)

    assert response.status_code == 302
    assert HourRegistration.objects.get().registered_by == clerk


def test_the_secretariat_may_register_hours_in_someone_elses_name(client, secretary):
    person = make_user(first_name="Kim", last_name="Kontakt")
    data = {
        **add_form(client, "hourregistration"),
        "project": make_project().pk,
        "date": "2026-11-02",
        "hours": "3",
        "registered_by": person.pk,
    }

    response = client.post(reverse("admin:projects_hourregistration_add"), data)

    assert response.status_code == 302
    assert HourRegistration.objects.get().registered_by == person
