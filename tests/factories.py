"""Small builders for test data: each makes a valid object with sensible defaults that a test can override."""

import datetime
import itertools

from areas.models import ActionPlan, FocusArea, Grouping
from parties.models import Party
from projects.models import Milestone, Project, Relation, Responsibility

_counter = itertools.count(1)


def make_plan(**fields) -> ActionPlan:
    n = next(_counter)
    defaults = dict(
        slug=f"plan-{n}",
        title="Byaftale",
        between="mellem de almene boligorganisationer i Odense og Odense Kommune",
        subtitle="Handlingsplan",
        year=2010,
        masterplan_title="Masterplan ver. 1.3 [Varighed i mdr.]",
        masterplan_version="1.3",
    )
    return ActionPlan.objects.create(**{**defaults, **fields})


def make_area(**fields) -> FocusArea:
    n = next(_counter)
    plan = fields.pop("plan", None) or make_plan()
    defaults = dict(
        plan=plan,
        position=n,
        slug=f"area-{n}",
        name=f"Indsatsområde {n}",
        name_in_table=f"Indsatsområde {n}",
        last_updated=datetime.date(2010, 10, 13),
    )
    return FocusArea.objects.create(**{**defaults, **fields})


def make_grouping(**fields) -> Grouping:
    n = next(_counter)
    area = fields.pop("area", None) or make_area()
    defaults = dict(area=area, kind=Grouping.Kind.THEME, position=n, name=f"Tema {n}")
    return Grouping.objects.create(**{**defaults, **fields})


def make_project(**fields) -> Project:
    n = next(_counter)
    area = fields.pop("area", None) or make_area()
    defaults = dict(
        area=area,
        number=n,
        label=f"Delprojekt {n}",
        title=f"Projekt nummer {n}",
        start_date=datetime.date(2011, 4, 1),
        end_date=datetime.date(2012, 4, 1),
        hour_budget=100,
    )
    return Project.objects.create(**{**defaults, **fields})


def make_party(**fields) -> Party:
    n = next(_counter)
    defaults = dict(name=f"Boligforening {n}", kind=Party.Kind.HOUSING_ORGANISATION)
    return Party.objects.create(**{**defaults, **fields})


def make_responsibility(**fields) -> Responsibility:
    if not {"project", "grouping", "area"} & fields.keys():
        fields["project"] = make_project()
    defaults = dict(role=Responsibility.Role.RESPONSIBLE)
    party = fields.pop("party", None) or make_party()
    return Responsibility.objects.create(party=party, **{**defaults, **fields})


def make_relation(**fields) -> Relation:
    from_project = fields.pop("from_project", None) or make_project()
    if not {"to_project", "to_area"} & fields.keys():
        fields["to_project"] = make_project(area=from_project.area)
    defaults = dict(kind=Relation.Kind.SUPPORTS)
    return Relation.objects.create(from_project=from_project, **{**defaults, **fields})


def make_milestone(**fields) -> Milestone:
    if not {"project", "area"} & fields.keys():
        fields["project"] = make_project()
    defaults = dict(date=datetime.date(2011, 6, 1), title="Første analyse foreligger")
    return Milestone.objects.create(**{**defaults, **fields})
