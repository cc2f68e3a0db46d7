"""Every change made in the admin is kept: who made it, when, which fields went from what to what; and an old
version can be restored from the history page by those who may change the project."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from projects.models import FinancingItem
from tests.admin_pages import change_form_data, form_values
from tests.factories import make_party, make_project, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return make_project(
        label="Delprojekt 3", title="Energi på dagsordenen", end_date=datetime.date(2012, 4, 1), hour_budget=1750
    )


def change_in_admin(client, project, **changes):
    url = reverse("admin:projects_project_change", args=[project.pk])
    data = change_form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return response


def test_changing_a_project_in_the_admin_records_who_changed_which_fields(admin_client_da, secretariat_admin, project):
    change_in_admin(admin_client_da, project, end_date="30.06.2012", hour_budget="2000")

    latest = project.history.latest()
    assert latest.history_user == secretariat_admin
    assert latest.history_type == "~"
    assert (latest.end_date, latest.hour_budget) == (datetime.date(2012, 6, 30), 2000)
    assert latest.history_change_reason == "Ændrede slut og timebudget."


def test_the_history_page_shows_each_change_field_by_field_in_danish(admin_client_da, project):
    change_in_admin(admin_client_da, project, end_date="30.06.2012", status="in_progress")

    response = admin_client_da.get(reverse("admin:projects_project_history", args=[project.pk]))

    assert response.status_code == 200
    [newest, oldest] = response.context["page_obj"].object_list
    assert newest.history_delta_changes == [
        {"field": "Slut", "old": "1. april 2012", "new": "30. juni 2012"},
        {"field": "Status", "old": "ikke startet", "new": "i gang"},
    ]
    page = " ".join(response.content.decode().split())
    assert "<strong>Slut:</strong> 1. april 2012 &nbsp;&rarr;&nbsp;&nbsp;30. juni 2012" in page
    assert ">sekretariat</a>" in page


def test_changes_made_in_an_inline_show_in_the_projects_history(admin_client_da, project):
    party = make_party(name="Bystrategisk Stab")

    change_in_admin(
        admin_client_da,
        project,
        **{
            "responsibilities-TOTAL_FORMS": "1",
            "responsibilities-0-party": str(party.pk),
            "responsibilities-0-role": "lead",
        },
    )

    responsibility = project.responsibilities.get()
    assert responsibility.party == party
    assert responsibility.history.get().history_user.username == "sekretariat"
    assert project.history.latest().history_change_reason.startswith("Tilføjede ansvar “Bystrategisk Stab")


def test_restoring_an_old_version_from_the_history_brings_back_its_values(admin_client_da, secretariat_admin, project):
    change_in_admin(admin_client_da, project, end_date="30.06.2012", hour_budget="2000")
    original = project.history.earliest()
    url = reverse("admin:projects_project_simple_history", args=[project.pk, original.history_id])

    form_page = admin_client_da.get(url)
    assert form_page.status_code == 200
    response = admin_client_da.post(url, form_values(form_page.context["adminform"].form))

    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.end_date, project.hour_budget) == (datetime.date(2012, 4, 1), 1750)
    restored = project.history.latest()
    assert restored.history_user == secretariat_admin
    with translation.override("da"):
        when = date_format(timezone.localtime(original.history_date), "DATETIME_FORMAT")
        assert restored.history_change_reason == gettext("Restored the version of %(when)s.") % {"when": when}
    assert project.history.count() == 3, "restoring adds a version; it does not erase the history"


def test_anonymous_visitors_see_no_history(client, project):
    url = reverse("admin:projects_project_history", args=[project.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_staff_who_may_only_view_a_project_can_read_its_history_but_not_restore_it(client, django_user_model, project):
    clerk = django_user_model.objects.create_user("kontor", password="x", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_project"))
    client.force_login(clerk)
    project.end_date = datetime.date(2012, 6, 30)
    project.save()
    original = project.history.earliest()
    url = reverse("admin:projects_project_simple_history", args=[project.pk, original.history_id])

    history = client.get(reverse("admin:projects_project_history", args=[project.pk]))
    version = client.get(url)
    restore = client.post(url, form_values(version.context["adminform"].form))

    assert history.status_code == 200
    assert version.status_code == 200
    assert restore.status_code == 403
    project.refresh_from_db()
    assert project.end_date == datetime.date(2012, 6, 30)


def test_naming_a_contact_person_is_in_the_projects_history(admin_client_da, secretariat_admin, project):
    contact = make_user(first_name="Kim", last_name="Kontakt")

    change_in_admin(admin_client_da, project, contact_persons=[str(contact.pk)])

    latest = project.history.latest()
    assert latest.history_user == secretariat_admin
    assert latest.history_change_reason == "Ændrede kontaktpersoner."
    assert [row.user for row in latest.contact_persons.all()] == [contact]
    response = admin_client_da.get(reverse("admin:projects_project_history", args=[project.pk]))
    assert response.status_code == 200
    assert "Kontaktpersoner" in response.content.decode()


def test_the_history_names_contact_persons_and_leaves_a_missing_reason_blank(admin_client_da, project):
    kim = make_user(first_name="Kim", last_name="Kontakt")
    change_in_admin(admin_client_da, project, contact_persons=[str(kim.pk)])

    response = admin_client_da.get(reverse("admin:projects_project_history", args=[project.pk]))

    records = response.context["page_obj"].object_list
    newest, created = records[0], records[len(records) - 1]
    assert newest.history_delta_changes == [{"field": "Kontaktpersoner", "old": "–", "new": "Kim Kontakt"}]
    page = response.content.decode()
    assert "Kim Kontakt" in page
    assert "&lt;Project" not in page and "{&#x27;project&#x27;" not in page
    # The record make_project() left has no reason: it reads as a dash, never «None».
    assert created.history_change_reason == "–"
    assert "None" not in page.split('id="change-history"')[1]


def test_the_history_of_a_financing_figure_shows_its_amount_in_danish(admin_client_da, project):
    item = FinancingItem.objects.create(project=project, kind=FinancingItem.Kind.ONE_OFF, amount=Decimal("500000"))
    url = reverse("admin:projects_financingitem_change", args=[item.pk])
    data = change_form_data(admin_client_da.get(url))
    admin_client_da.post(url, {**data, "amount": "750000"})

    response = admin_client_da.get(reverse("admin:projects_financingitem_history", args=[item.pk]))

    newest = response.context["page_obj"].object_list[0]
    assert newest.history_delta_changes == [{"field": "Beløb", "old": "500.000,00", "new": "750.000,00"}]
    listed = admin_client_da.get(reverse("admin:projects_financingitem_changelist")).content.decode()
    assert ">750.000,00</td>" in listed
