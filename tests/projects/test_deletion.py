"""Deleting a project cannot wipe its history of work: hours and status reports protect it, in the database and in
the admin, which says in Danish that it can be cancelled instead; what a delete takes is listed with counts, every
deleted row stays in its history, and a deleted project comes back whole from its history page."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils.html import strip_tags

from byaftale.access import STEERING_GROUP
from projects.deletion import project_delete, project_restore, projects_delete
from projects.models import FinancingItem, HourRegistration, Milestone, Project, Relation, Responsibility, StatusReport
from tests.factories import (
    make_area,
    make_hours,
    make_milestone,
    make_project,
    make_relation,
    make_responsibility,
    make_status_report,
    make_user,
)

pytestmark = pytest.mark.django_db

CANCEL_INSTEAD = (
    "Et projekt med registrerede timer eller statusrapporter kan ikke slettes: de er historikken over arbejdet med det."
)


def page_text(response) -> str:
    return " ".join(strip_tags(response.content.decode()).split())


def a_project_with_everything():
    """A project with two responsibilities, two milestones, a financing figure, a relation out and one in, and a
    contact person; and the other project of the relations."""
    project = make_project(label="Delprojekt 3", title="Energi på dagsordenen")
    other = make_project(area=project.area, label="Delprojekt 8", title="Energirådgivning")
    make_responsibility(project=project)
    make_responsibility(project=project)
    make_milestone(project=project, date=datetime.date(2011, 6, 1), title="Analyse foreligger")
    make_milestone(project=project, date=datetime.date(2012, 1, 1), title="Kampagne afsluttet")
    FinancingItem.objects.create(project=project, kind=FinancingItem.Kind.ONE_OFF, amount=Decimal("500000"))
    make_relation(from_project=project, to_project=other, kind=Relation.Kind.SUPPORTS)
    make_relation(from_project=other, to_project=project, kind=Relation.Kind.PART_OF)
    project.contact_persons.add(make_user(first_name="Kim", last_name="Kontakt"))
    return project, other


def what_belongs_to(project_id: int) -> dict[str, int]:
    return {
        "responsibilities": Responsibility.objects.filter(project_id=project_id).count(),
        "milestones": Milestone.objects.filter(project_id=project_id).count(),
        "financing": FinancingItem.objects.filter(project_id=project_id).count(),
        "relations out": Relation.objects.filter(from_project_id=project_id).count(),
        "relations in": Relation.objects.filter(to_project_id=project_id).count(),
        "contact persons": Project.contact_persons.through.objects.filter(project_id=project_id).count(),
    }


EVERYTHING = {
    "responsibilities": 2,
    "milestones": 2,
    "financing": 1,
    "relations out": 1,
    "relations in": 1,
    "contact persons": 1,
}


@pytest.mark.parametrize("make_work", [make_hours, make_status_report], ids=["hours", "status report"])
def test_a_project_with_hours_or_reports_cannot_be_deleted_by_any_orm_path(make_work):
    project, _ = a_project_with_everything()
    work = make_work(project=project)

    with pytest.raises(ProtectedError):
        project.delete()
    with pytest.raises(ProtectedError):
        Project.objects.filter(pk=project.pk).delete()
    with pytest.raises(ProtectedError):
        project_delete(project=project)

    assert type(work).objects.filter(pk=work.pk).exists()
    assert what_belongs_to(project.pk) == EVERYTHING


def test_deleting_the_focus_area_or_the_plan_above_a_project_with_hours_is_refused():
    project = make_project()
    make_hours(project=project)

    for above in (project.area, project.area.plan):
        with pytest.raises(ProtectedError):
            above.delete()

    assert HourRegistration.objects.filter(project=project).count() == 1


def test_the_admin_refuses_to_delete_a_project_with_hours_and_says_in_danish_to_cancel_it(admin_client_da):
    project, _ = a_project_with_everything()
    make_hours(project=project, hours=Decimal("7.5"))
    url = reverse("admin:projects_project_delete", args=[project.pk])

    page = page_text(admin_client_da.get(url))
    response = admin_client_da.post(url, {"post": "yes"})

    assert "Kan ikke slette projekt" in page
    assert "beskyttede relaterede objekter" in page
    assert "Timeregistrering: Delprojekt 3: Energi på dagsordenen: 7.50 t." in page
    assert CANCEL_INSTEAD in page and "til «aflyst» i stedet" in page
    assert response.status_code == 200 and CANCEL_INSTEAD in page_text(response)
    assert Project.objects.filter(pk=project.pk).exists()
    assert what_belongs_to(project.pk) == EVERYTHING
    assert HourRegistration.objects.filter(project=project).count() == 1


def test_the_admins_delete_selected_action_refuses_projects_with_status_reports_and_deletes_none(admin_client_da):
    with_report = make_project(label="Delprojekt 3")
    make_status_report(project=with_report)
    without = make_project(area=with_report.area, label="Delprojekt 4")
    selected = {"action": "delete_selected", "_selected_action": [str(with_report.pk), str(without.pk)]}
    url = reverse("admin:projects_project_changelist")

    page = page_text(admin_client_da.post(url, selected))
    response = admin_client_da.post(url, {**selected, "post": "yes"})

    assert "beskyttede relaterede objekter" in page
    assert "Statusrapport: Delprojekt 3" in page
    assert CANCEL_INSTEAD in page and "til «aflyst» i stedet" in page
    assert response.status_code == 200
    assert set(Project.objects.values_list("pk", flat=True)) == {with_report.pk, without.pk}
    assert StatusReport.objects.filter(project=with_report).count() == 1


def summary(response) -> dict[str, str]:
    """The "Sammendrag" of a delete confirmation page: what would be deleted, model by model, with counts."""
    html = response.content.decode()
    block = re.search(r"<h2>Sammendrag</h2>\s*<ul>(.*?)</ul>", html, re.S)
    assert block, "the page has no summary"
    items = [strip_tags(item).strip() for item in re.findall(r"<li>(.*?)</li>", block.group(1), re.S)]
    return dict(item.rsplit(": ", 1) for item in items)


EVERYTHING_SUMMARY = {
    "Projekter": "1",
    "Ansvar": "2",
    "Milepæle": "2",
    "Finansieringstal": "1",
    "Sammenhænge": "2",
    "Kontaktpersoner": "1",
}


def test_the_delete_page_of_a_project_without_work_lists_what_goes_with_it_with_counts(admin_client_da):
    project, _ = a_project_with_everything()

    response = admin_client_da.get(reverse("admin:projects_project_delete", args=[project.pk]))

    assert summary(response) == EVERYTHING_SUMMARY
    page = page_text(response)
    assert "Kontaktperson: Kim Kontakt" in page
    assert "relation" not in page.lower().replace("relaterede", "")  # not Django's "projekt-bruger-relation"


def test_the_delete_selected_page_lists_what_goes_with_the_projects_with_counts(admin_client_da):
    project, _ = a_project_with_everything()
    selected = {"action": "delete_selected", "_selected_action": [str(project.pk)]}

    response = admin_client_da.post(reverse("admin:projects_project_changelist"), selected)

    assert summary(response) == EVERYTHING_SUMMARY
    assert "Kontaktperson: Kim Kontakt" in page_text(response)


def deletion_records(model, **where):
    return list(model.history.filter(history_type="-", **where))


def test_every_row_deleted_with_a_project_in_the_admin_stays_in_its_history(admin_client_da, secretariat_admin):
    project, other = a_project_with_everything()
    contact = project.contact_persons.get()
    rows = {
        Responsibility: set(project.responsibilities.values_list("pk", flat=True)),
        Milestone: set(project.milestones.values_list("pk", flat=True)),
        FinancingItem: set(project.financing_items.values_list("pk", flat=True)),
        Relation: set(Relation.objects.values_list("pk", flat=True)),
    }

    response = admin_client_da.post(reverse("admin:projects_project_delete", args=[project.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Project.objects.filter(pk=project.pk).exists()
    assert what_belongs_to(project.pk) == dict.fromkeys(EVERYTHING, 0)
    [deleted] = deletion_records(Project, id=project.pk)
    assert deleted.history_user == secretariat_admin
    assert [row.user for row in deleted.contact_persons.all()] == [contact]
    for model, pks in rows.items():
        records = deletion_records(model)
        assert {record.id for record in records} == pks, model
        for record in records:
            assert record.history_user == secretariat_admin
            assert record.history_date == deleted.history_date
            assert record.history_change_reason == "Slettet med projektet «Delprojekt 3: Energi på dagsordenen»."
    assert Project.objects.filter(pk=other.pk).exists()


def test_the_delete_selected_action_deletes_projects_without_work_and_keeps_each_row_in_its_history(admin_client_da):
    first = make_project()
    second = make_project(area=first.area)
    make_relation(from_project=first, to_project=second)
    make_milestone(project=second)
    selected = {"action": "delete_selected", "_selected_action": [str(first.pk), str(second.pk)], "post": "yes"}

    response = admin_client_da.post(reverse("admin:projects_project_changelist"), selected, follow=True)

    assert not Project.objects.exists() and not Relation.objects.exists() and not Milestone.objects.exists()
    assert {record.id for record in deletion_records(Project)} == {first.pk, second.pk}
    assert len(deletion_records(Relation)) == 1 and len(deletion_records(Milestone)) == 1
    assert "kan gendannes" in page_text(response)


RESTORE_BUTTON = 'value="Gendan det slettede projekt"'


def test_a_deleted_project_is_restored_whole_from_its_history_page(admin_client_da, secretariat_admin):
    project, other = a_project_with_everything()
    contact = project.contact_persons.get()
    before = {
        "responsibilities": sorted(project.responsibilities.values_list("pk", "party_id", "role")),
        "milestones": sorted(project.milestones.values_list("pk", "date", "title")),
        "financing": sorted(project.financing_items.values_list("pk", "amount")),
        "relations": sorted(Relation.objects.values_list("pk", "from_project_id", "kind", "to_project_id")),
    }
    delete = admin_client_da.post(
        reverse("admin:projects_project_delete", args=[project.pk]), {"post": "yes"}, follow=True
    )
    assert "Et slettet projekt kan gendannes" in page_text(delete)

    history = admin_client_da.get(reverse("admin:projects_project_history", args=[project.pk]))
    assert RESTORE_BUTTON in history.content.decode()
    response = admin_client_da.post(reverse("admin:projects_project_restore", args=[project.pk]), follow=True)

    assert "er gendannet" in page_text(response)
    project = Project.objects.get(pk=project.pk)
    assert project.title == "Energi på dagsordenen"
    assert list(project.contact_persons.all()) == [contact]
    assert before == {
        "responsibilities": sorted(project.responsibilities.values_list("pk", "party_id", "role")),
        "milestones": sorted(project.milestones.values_list("pk", "date", "title")),
        "financing": sorted(project.financing_items.values_list("pk", "amount")),
        "relations": sorted(Relation.objects.values_list("pk", "from_project_id", "kind", "to_project_id")),
    }
    restored = project.history.latest()
    assert (restored.history_type, restored.history_user) == ("+", secretariat_admin)
    assert restored.history_change_reason == "Gendannede det slettede projekt."
    assert [row.user for row in restored.contact_persons.all()] == [contact]
    milestone = project.milestones.first().history.latest()
    assert milestone.history_type == "+"
    assert milestone.history_change_reason == "Gendannet med projektet «Delprojekt 3: Energi på dagsordenen»."
    # Restored once is restored: the history page offers nothing more.
    history = admin_client_da.get(reverse("admin:projects_project_history", args=[project.pk]))
    assert history.status_code == 200 and RESTORE_BUTTON not in history.content.decode()


def test_a_relation_between_two_deleted_projects_comes_back_with_the_second_one_restored():
    first = make_project()
    second = make_project(area=first.area)
    relation = make_relation(from_project=first, to_project=second)
    first_pk, second_pk = first.pk, second.pk

    projects_delete(projects=[first, second])
    project_restore(project_id=first_pk)
    assert not Relation.objects.exists()
    project_restore(project_id=second_pk)

    assert list(Relation.objects.values_list("pk", flat=True)) == [relation.pk]


def test_a_project_whose_number_has_been_taken_since_is_not_restored_and_the_admin_says_why(admin_client_da):
    area = make_area()
    project = make_project(area=area, number=3)
    make_milestone(project=project)
    deleted_pk = project.pk
    project_delete(project=project)
    make_project(area=area, number=3, title="Nyt projekt 3")

    response = admin_client_da.post(reverse("admin:projects_project_restore", args=[deleted_pk]), follow=True)

    assert "Indsatsområdet har allerede et projekt med dette nummer." in page_text(response)
    assert Project.objects.get(area=area, number=3).title == "Nyt projekt 3"
    assert not Milestone.objects.exists()


def test_the_steering_group_may_read_a_deleted_projects_history_but_not_restore_it(client):
    deleted_pk = make_project().pk
    project_delete(project=Project.objects.get(pk=deleted_pk))
    client.force_login(make_user(STEERING_GROUP, is_staff=True))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "da"

    history = client.get(reverse("admin:projects_project_history", args=[deleted_pk]))
    response = client.post(reverse("admin:projects_project_restore", args=[deleted_pk]))

    assert history.status_code == 200 and "Slettet" in page_text(history)
    assert RESTORE_BUTTON not in history.content.decode()
    assert response.status_code == 403
    assert not Project.objects.exists()


def test_the_focus_area_above_a_project_with_hours_is_not_deleted_in_the_admin_either(admin_client_da):
    project = make_project(label="Delprojekt 3")
    make_hours(project=project)
    url = reverse("admin:areas_focusarea_delete", args=[project.area.pk])

    response = admin_client_da.post(url, {"post": "yes"})

    assert response.status_code == 200
    page = page_text(response)
    assert "Kan ikke slette indsatsområde" in page and "Projekt: Delprojekt 3" in page
    assert HourRegistration.objects.filter(project=project).count() == 1
