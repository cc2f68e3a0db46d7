"""Data that would rot the plan is refused twice: by the form, with a Danish message naming the field,
and by the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from projects.models import FinancingItem, Milestone, Project, Relation, Responsibility
from tests.factories import make_area, make_grouping, make_milestone, make_party, make_project

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
