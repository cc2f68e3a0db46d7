"""Data that would rot the plan is refused twice: by the form, with a Danish message naming the field,
and by the database."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from projects.models import FinancingItem, HourRegistration, Milestone, Project, Relation, Responsibility, StatusReport
from tests.factories import (
    make_area,
    make_grouping,
    make_milestone,
    make_party,
    make_project,
    make_status_report,
    make_user,
)

pytestmark = pytest.mark.django_db


def danish_errors(obj) -> dict[str, list[str]]:
    with translation.override("da"), pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


def test_a_project_ending_before_it_starts_is_refused_with_a_danish_message():
    project = make_project()
    project.end_date = project.start_date - datetime.timedelta(days=1)

    assert danish_errors(project)["end_date"] == ["Slutdatoen kan ikke ligge før starten."]
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_negative_hours_are_refused():
    project = make_project()
    project.hour_budget = -5

    assert "hour_budget" in danish_errors(project)
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_progress_above_100_percent_is_refused():
    project = make_project()
    project.progress = 101

    assert danish_errors(project)["progress"] == ["Denne værdi skal være mindre end eller lig 100."]
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_two_projects_cannot_share_a_number_within_an_area():
    first = make_project(number=3)
    twin = Project(area=first.area, number=3, title="Energi på dagsordenen")

    assert danish_errors(twin)["number"] == ["Indsatsområdet har allerede et projekt med dette nummer."]
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_the_same_number_is_fine_in_another_area():
    first = make_project(number=1)
    other = make_project(number=1)

    assert first.area != other.area


def test_a_line_or_theme_must_belong_to_the_projects_area():
    project = make_project()
    project.grouping = make_grouping()

    assert danish_errors(project)["grouping"] == ["Linien eller temaet hører til et andet indsatsområde."]


def test_a_project_related_to_itself_is_refused():
    project = make_project()
    loop = Relation(from_project=project, to_project=project, kind=Relation.Kind.SUPPORTS)

    assert danish_errors(loop)["to_project"] == ["Et projekt kan ikke have en sammenhæng med sig selv."]
    with pytest.raises(IntegrityError), transaction.atomic():
        loop.save()


def test_a_relation_needs_exactly_one_target():
    project = make_project()
    both = Relation(from_project=project, to_project=make_project(), to_area=make_area(), kind=Relation.Kind.RELATED)

    assert danish_errors(both)["__all__"] == ["Vælg enten et andet projekt eller et indsatsområde."]
    with pytest.raises(IntegrityError), transaction.atomic():
        both.save()


def test_a_milestone_outside_its_projects_period_is_refused():
    project = make_project(start_date=datetime.date(2011, 4, 1), end_date=datetime.date(2011, 9, 1))
    late = Milestone(project=project, date=datetime.date(2011, 10, 1), title="Evaluering")

    message = danish_errors(late)["date"][0]
    assert message == "Milepælen ligger uden for projektets periode (1. april 2011 – 1. september 2011)."


def test_moving_a_projects_end_before_its_milestones_is_refused_naming_them():
    project = make_project(start_date=datetime.date(2011, 4, 1), end_date=datetime.date(2011, 12, 1))
    make_milestone(project=project, date=datetime.date(2011, 10, 1), title="Første udkast til blinklys")
    project.end_date = datetime.date(2011, 9, 1)

    message = danish_errors(project)["end_date"][0]
    assert message == "Perioden dækker ikke længere disse milepæle: «Første udkast til blinklys» (10.2011)."


def test_a_milestone_of_an_open_ended_project_may_lie_anywhere_after_the_start():
    project = make_project(start_date=datetime.date(2011, 7, 1), end_date=None)

    Milestone(project=project, date=datetime.date(2013, 1, 1), title="Opfølgning").full_clean()


def test_a_milestone_belongs_to_a_project_or_an_area_not_both():
    project = make_project()
    both = Milestone(project=project, area=project.area, date=datetime.date(2011, 6, 1), title="Status")

    assert danish_errors(both)["__all__"] == ["Vælg enten et projekt eller et indsatsområde."]
    with pytest.raises(IntegrityError), transaction.atomic():
        both.save()


def test_a_negative_amount_is_refused():
    item = FinancingItem(project=make_project(), kind=FinancingItem.Kind.ONE_OFF, amount=-475000)

    assert "amount" in danish_errors(item)
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_a_responsibility_is_stated_for_exactly_one_scope():
    project = make_project()
    nowhere = Responsibility(party=make_party(), role=Responsibility.Role.LEAD)
    everywhere = Responsibility(party=make_party(), role=Responsibility.Role.LEAD, project=project, area=project.area)

    for responsibility in (nowhere, everywhere):
        message = "Vælg præcis én af: projekt, linie eller tema, eller indsatsområde."
        assert danish_errors(responsibility)["__all__"] == [message]
        with pytest.raises(IntegrityError), transaction.atomic():
            responsibility.save()


# Hours and status reports: bounds a person would expect


def test_more_than_24_hours_in_one_registration_is_refused():
    registration = HourRegistration(
        project=make_project(), date=datetime.date(2026, 11, 2), hours=Decimal("24.25"), registered_by=make_user()
    )

    assert danish_errors(registration)["hours"] == ["En registrering gælder én dag: højst 24 timer."]
    with pytest.raises(IntegrityError), transaction.atomic():
        registration.save()


def test_a_whole_day_of_24_hours_is_fine():
    registration = HourRegistration(
        project=make_project(), date=datetime.date(2026, 11, 2), hours=Decimal("24"), registered_by=make_user()
    )

    registration.full_clean()
    registration.save()


@pytest.mark.parametrize("model", [HourRegistration, StatusReport])
def test_a_date_before_the_cooperation_began_is_refused(model):
    fields = {"hours": Decimal("2")} if model is HourRegistration else {"light": "green", "text": "Godt i gang."}
    who = "registered_by" if model is HourRegistration else "reported_by"
    obj = model(project=make_project(), date=datetime.date(2007, 12, 31), **{who: make_user()}, **fields)

    assert danish_errors(obj)["date"] == ["Datoen kan ikke ligge før 2008, hvor samarbejdet begyndte."]
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def test_a_status_of_more_than_5000_characters_is_refused():
    report = make_status_report()
    report.text = "x" * 5000
    report.full_clean()

    report.text = "x" * 5001

    assert danish_errors(report)["text"] == ["Status kan højst være på 5.000 tegn."]
    with pytest.raises(IntegrityError), transaction.atomic():
        report.save()
