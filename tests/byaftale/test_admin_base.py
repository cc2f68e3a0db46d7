"""The admin's change forms refuse a save made from a page opened before someone else's save: the refusal says
who changed what, keeps what the user typed, and the form saved again applies it on top (issue 8, point 4)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format

from byaftale import admin_base
from byaftale.access import STEERING_GROUP
from byaftale.sheets import import_sheet
from cooperation.models import CooperationAgreement
from projects.models import Milestone, Project
from projects.resources import ProjectResource
from tests.admin_pages import change_form_data, form_values
from tests.factories import (
    make_area,
    make_hours,
    make_milestone,
    make_party,
    make_project,
    make_status_report,
    make_user,
)

pytestmark = pytest.mark.django_db

REFUSED = "Dine ændringer er ikke gemt; ret dem til og gem igen."


@pytest.fixture
def anna(django_user_model):
    return django_user_model.objects.create_superuser(
        "anna", "anna@example.dk", "x", first_name="Anna", last_name="Andersen"
    )


@pytest.fixture
def bo(django_user_model):
    return django_user_model.objects.create_superuser("bo", "bo@example.dk", "x", first_name="Bo", last_name="Berg")


def signed_in_client(client_class, user):
    client = client_class()
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "da"
    return client


@pytest.fixture
def as_anna(client, anna):
    return signed_in_client(type(client), anna)


@pytest.fixture
def as_bo(client, bo):
    return signed_in_client(type(client), bo)


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def opened(client, obj) -> dict:
    """The change page's data as the browser would send it back."""
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return change_form_data(response)


def saved(client, obj, data: dict) -> None:
    response = client.post(change_url(obj), data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors


def when(moment: datetime.datetime) -> str:
    moment = timezone.localtime(moment)
    return f"{date_format(moment)} kl. {time_format(moment)}"


def field_value(html: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html)
    assert match, f"no input {name}"
    value = re.search(r'value="([^"]*)"', match.group())
    return value.group(1) if value else ""


@pytest.fixture
def project():
    return make_project(title="Gammel", hour_budget=1750, progress=0)


def test_the_issues_lost_update_is_refused_naming_the_change_and_keeping_what_b_typed(
    client, as_anna, as_bo, anna, project
):
    a_page, b_page = opened(as_anna, project), opened(as_bo, project)
    saved(as_anna, project, {**a_page, "title": "Ny"})
    member = make_user(STEERING_GROUP, first_name="Gitte", last_name="Gruppe")
    client.force_login(member)
    report_url = reverse("projects:new-status-report", args=[project.area.slug, project.number])
    client.post(
        report_url,
        {"date": timezone.localdate().isoformat(), "light": "green", "text": "Godt i gang.", "progress": "70"},
    )

    response = as_bo.post(change_url(project), {**b_page, "hour_budget": "2000"})

    assert response.status_code == 200, "B's save is refused, not redirected as saved"
    project.refresh_from_db()
    assert (project.title, project.progress, project.hour_budget) == ("Ny", 70, 1750)
    html = response.content.decode()
    anna_saved, report_saved = project.history.order_by("-history_date", "-history_id")[:2][::-1]
    assert f"Anna Andersen {when(anna_saved.history_date)} (Titel: «Gammel» → «Ny»)" in html
    assert f"Gitte Gruppe {when(report_saved.history_date)} (Fremdrift (%): «0» → «70»)" in html
    assert f"Projekt «{project}» er ændret af" in html
    assert REFUSED in html
    assert field_value(html, "hour_budget") == "2000", "what B typed is kept"
    assert field_value(html, "title") == "Ny", "what B left alone shows as it now is"
    assert field_value(html, "progress") == "70"

    again = response.context["adminform"].form
    saved(as_bo, project, change_form_data(response) | form_values(again))
    project.refresh_from_db()
    assert (project.title, project.progress, project.hour_budget) == ("Ny", 70, 2000)


def test_a_save_from_an_up_to_date_page_goes_through_and_moves_the_version(as_anna, project):
    saved(as_anna, project, {**opened(as_anna, project), "hour_budget": "2000"})

    project.refresh_from_db()
    assert (project.hour_budget, project.version) == (2000, 2)


def test_the_second_of_two_stale_saves_of_an_inline_row_is_refused(as_anna, as_bo, project):
    milestone = make_milestone(project=project, title="Analyse", date=datetime.date(2011, 6, 1))
    a_page, b_page = opened(as_anna, project), opened(as_bo, project)
    row = next(key for key, value in a_page.items() if key.endswith("-title") and value == "Analyse")
    saved(as_anna, project, {**a_page, row: "Analyse foreligger"})

    response = as_bo.post(change_url(project), {**b_page, row.replace("-title", "-date"): "01.09.2011"})

    assert response.status_code == 200
    milestone.refresh_from_db()
    assert (milestone.title, milestone.date) == ("Analyse foreligger", datetime.date(2011, 6, 1))
    assert "Milepæl «Analyse foreligger» er ændret af Anna Andersen" in response.content.decode()


def test_an_inline_row_changed_in_its_own_admin_refuses_a_stale_change_to_it_from_the_project(as_anna, as_bo, project):
    milestone = make_milestone(project=project, title="Analyse", date=datetime.date(2011, 6, 1))
    b_page = opened(as_bo, project)
    saved(as_anna, milestone, {**opened(as_anna, milestone), "reached": "on"})
    row = next(key for key, value in b_page.items() if key.endswith("-title") and value == "Analyse")

    response = as_bo.post(change_url(project), {**b_page, row: "Analyse udskudt"})

    assert response.status_code == 200
    milestone.refresh_from_db()
    assert (milestone.title, milestone.reached) == ("Analyse", True)
    assert "Nået: «nej» → «ja»" in response.content.decode()


def test_a_row_someone_else_changed_is_not_in_the_way_when_the_stale_page_leaves_it_alone(as_anna, as_bo, project):
    milestone = make_milestone(project=project, title="Analyse")
    b_page = opened(as_bo, project)
    saved(as_anna, milestone, {**opened(as_anna, milestone), "reached": "on"})

    saved(as_bo, project, {**b_page, "hour_budget": "2000"})

    project.refresh_from_db()
    milestone.refresh_from_db()
    assert (project.hour_budget, milestone.reached) == (2000, True)


@pytest.mark.parametrize(
    ("make", "field", "anna_types", "bo_types"),
    [
        (make_party, "name", "Fyens Almennyttige Boligselskab", "FAB"),
        (make_area, "name", "Energi og klima", "Klima"),
        (make_hours, "note", "Workshop", "Møde"),
        (make_status_report, "text", "Forsinket", "Går godt"),
    ],
)
def test_every_admin_refuses_the_second_of_two_stale_saves(as_anna, as_bo, make, field, anna_types, bo_types):
    obj = make()
    a_page, b_page = opened(as_anna, obj), opened(as_bo, obj)
    saved(as_anna, obj, {**a_page, field: anna_types})

    response = as_bo.post(change_url(obj), {**b_page, field: bo_types})

    assert response.status_code == 200
    obj.refresh_from_db()
    assert getattr(obj, field) == anna_types
    assert "er ændret af Anna Andersen" in response.content.decode()


def test_a_restore_page_opened_before_someone_elses_save_is_refused(as_anna, as_bo, project):
    saved(as_anna, project, {**opened(as_anna, project), "title": "Ny"})
    original = project.history.earliest()
    restore_url = reverse("admin:projects_project_simple_history", args=[project.pk, original.history_id])
    restore_page = form_values(as_bo.get(restore_url).context["adminform"].form)
    saved(as_anna, project, {**opened(as_anna, project), "hour_budget": "2000"})

    response = as_bo.post(restore_url, restore_page)

    assert response.status_code == 200
    project.refresh_from_db()
    assert (project.title, project.hour_budget) == ("Ny", 2000)
    assert "Timebudget: «1.750» → «2.000»" in response.content.decode()


def test_an_import_moves_the_version_on_so_a_page_opened_before_it_is_refused(as_bo, project):
    b_page = opened(as_bo, project)
    sheet = f"Indsatsområde,Nummer,Timebudget\n{project.area.slug},{project.number},2000\n"

    report = import_sheet(resource=ProjectResource(), file=sheet.encode(), format="csv")

    assert (report.updated, report.errors) == (1, [])
    project.refresh_from_db()
    assert (project.hour_budget, project.version) == (2000, 2)
    response = as_bo.post(change_url(project), {**b_page, "title": "Ny"})
    assert response.status_code == 200
    assert "Timebudget: «1.750» → «2.000»" in response.content.decode()
    assert Project.objects.get(pk=project.pk).title == "Gammel"
    assert Milestone.objects.count() == 0


def test_a_stale_save_of_a_stacked_inline_row_of_the_cooperation_agreement_is_refused(seeded, as_anna, as_bo):
    agreement = CooperationAgreement.objects.get()
    section = agreement.sections.order_by("number").first()
    a_page, b_page = opened(as_anna, agreement), opened(as_bo, agreement)
    heading = next(key for key, value in a_page.items() if key.endswith("-heading") and value == section.heading)
    saved(as_anna, agreement, {**a_page, heading: "Formål og mål"})

    response = as_bo.post(change_url(agreement), {**b_page, heading: "Formål"})

    assert response.status_code == 200
    section.refresh_from_db()
    assert section.heading == "Formål og mål"
    assert "er ændret af Anna Andersen" in response.content.decode()


def test_a_save_slipping_in_after_the_forms_check_rolls_back_and_shows_the_refusal(
    monkeypatch, as_anna, as_bo, project
):
    a_page, b_page = opened(as_anna, project), opened(as_bo, project)
    saved(as_anna, project, {**a_page, "title": "Ny"})
    real_current_version = admin_base.current_version
    checks = []

    def current_version_as_before_annas_save(instance):
        # The first check runs as if Anna's save had not yet committed, as can happen without a row lock.
        checks.append(instance)
        return 1 if len(checks) == 1 else real_current_version(instance)

    monkeypatch.setattr(admin_base, "current_version", current_version_as_before_annas_save)

    response = as_bo.post(change_url(project), {**b_page, "hour_budget": "2000"})

    assert response.status_code == 200
    project.refresh_from_db()
    assert (project.title, project.hour_budget) == ("Ny", 1750)
    assert "Titel: «Gammel» → «Ny»" in response.content.decode()
    assert project.history.count() == 2, "nothing of B's save is left, not even a history record"


def test_contact_persons_someone_else_named_stay_on_the_refused_form_and_after_saving_it_again(as_anna, as_bo, project):
    contact = make_user(first_name="Karin", last_name="Kontakt")
    a_page, b_page = opened(as_anna, project), opened(as_bo, project)
    saved(as_anna, project, {**a_page, "contact_persons": [str(contact.pk)]})

    refused = as_bo.post(change_url(project), {**b_page, "hour_budget": "2000"})

    assert refused.status_code == 200
    assert "Kontaktpersoner ændret" in refused.content.decode()
    assert refused.context["adminform"].form["contact_persons"].value() == [str(contact.pk)]
    saved(as_bo, project, change_form_data(refused) | form_values(refused.context["adminform"].form))
    project.refresh_from_db()
    assert (project.hour_budget, list(project.contact_persons.all())) == (2000, [contact])
