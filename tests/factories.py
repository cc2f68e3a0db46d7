"""Small builders for test data: each makes a valid object with sensible defaults that a test can override."""

import datetime
import itertools
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from areas.models import ActionPlan, FocusArea, Grouping
from parties.models import Party
from projects.models import (
    MAX_HOURS_PER_REGISTRATION,
    HourRegistration,
    Milestone,
    Project,
    Relation,
    Responsibility,
    StatusReport,
)

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


def make_user(role: str | None = None, **fields):  # noqa: ANN201 - the user model
    """A user, in one of the roles of projects.roles (Sekretariat, Styregruppe, Bestyrelsesmedlem) or none."""
    n = next(_counter)
    defaults = dict(username=f"bruger{n}", first_name="Bruger", last_name=f"Nummer {n}")
    user = get_user_model().objects.create_user(**{**defaults, **fields})
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_hours(**fields) -> HourRegistration:
    """Hours on a project; more than a day holds (24) are spread over the days before, a day's at most each,
    and the latest registration is returned."""
    project = fields.pop("project", None) or make_project()
    who = fields.pop("registered_by", None) or make_user()
    values = {**dict(date=timezone.localdate(), hours=Decimal("7.5"), note="Møde i følgegruppen"), **fields}
    left, day, registrations = Decimal(values.pop("hours")), values.pop("date"), []
    while left > 0:
        hours = min(left, Decimal(MAX_HOURS_PER_REGISTRATION))
        registrations.append(
            HourRegistration.objects.create(project=project, registered_by=who, date=day, hours=hours, **values)
        )
        left, day = left - hours, day - datetime.timedelta(days=1)
    return registrations[0]


def make_status_report(**fields) -> StatusReport:
    project = fields.pop("project", None) or make_project()
    who = fields.pop("reported_by", None) or make_user()
    defaults = dict(date=timezone.localdate(), light=StatusReport.Light.GREEN, text="Forløber som planlagt.")
    return StatusReport.objects.create(project=project, reported_by=who, **{**defaults, **fields})
