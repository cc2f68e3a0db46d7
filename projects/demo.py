"""Synthetic projects for benchmarks and query-count tests, clearly marked so nobody mistakes them for the plan.

Every demo project's label starts with "Demo" and its title with "[Demo]"; `delete_demo_projects`
removes exactly those, with their hours and status reports. Hours and reports are registered by the
user «demo-data», who cannot sign in.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from areas.models import ActionPlan
from parties.models import Party

from .models import HourRegistration, Milestone, Project, Relation, Responsibility, StatusReport

DEMO_LABEL = "Demo"
DEMO_USER = "demo-data"
FIRST_DEMO_NUMBER = 1000


@transaction.atomic
def generate_demo_projects(*, plan: ActionPlan, count: int, seed: int = 2010) -> list[Project]:
    """Add `count` synthetic projects spread over the plan's areas, with a milestone, a responsibility,
    a relation, hour registrations and a status report each, dated 2011–2015 like the real plan's horizon."""
    rng = random.Random(seed)
    areas = list(plan.areas.prefetch_related("groupings").order_by("position"))
    parties = list(Party.objects.order_by("name")[:20])
    taken = {area.pk: set(area.projects.values_list("number", flat=True)) for area in areas}
    projects = []
    for i in range(count):
        area = areas[i % len(areas)]
        number = max([FIRST_DEMO_NUMBER - 1, *taken[area.pk]]) + 1
        taken[area.pk].add(number)
        start = datetime.date(2011 + rng.randrange(4), rng.randrange(1, 13), 1)
        months = rng.randrange(2, 30)
        end_month = start.month - 1 + months
        end = datetime.date(start.year + end_month // 12, end_month % 12 + 1, 1)
        groupings = list(area.groupings.all())
        projects.append(
            Project(
                area=area,
                grouping=rng.choice(groupings) if groupings else None,
                number=number,
                label=f"{DEMO_LABEL} {number}",
                title=f"[Demo] Syntetisk projekt {number}",
                description="Genereret testdata; ikke en del af handlingsplanen.",
                start_date=start,
                end_date=end,
                hour_budget=rng.randrange(50, 2000, 5),
            )
        )
    created = Project.objects.bulk_create(projects)
    Milestone.objects.bulk_create(
        Milestone(project=p, date=p.start_date, title=f"[Demo] Opstart {p.number}") for p in created
    )
    if parties:
        Responsibility.objects.bulk_create(
            Responsibility(project=p, party=rng.choice(parties), role=Responsibility.Role.LEAD) for p in created
        )
    Relation.objects.bulk_create(
        Relation(from_project=a, to_project=b, kind=Relation.Kind.SUPPORTS)
        for a, b in zip(created, created[1:], strict=False)
    )
    user = demo_user()
    today = timezone.localdate()
    HourRegistration.objects.bulk_create(
        HourRegistration(
            project=p,
            date=today - datetime.timedelta(days=rng.randrange(1, 400)),
            hours=rng.randrange(1, 25),  # a registration is for one day
            registered_by=user,
            note="[Demo]",
        )
        for p in created
        for _ in range(3)
    )
    lights = list(StatusReport.Light)
    StatusReport.objects.bulk_create(
        StatusReport(
            project=p,
            date=today - datetime.timedelta(days=rng.randrange(0, 120)),
            light=rng.choice(lights),
            text="[Demo] Syntetisk statusrapport.",
            reported_by=user,
        )
        for p in created
    )
    return created


def demo_user():  # noqa: ANN201 - the user model
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_USER, defaults={"first_name": "Demo", "last_name": "(syntetiske data)"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def delete_demo_projects(*, plan: ActionPlan) -> int:
    demo = Project.objects.filter(area__plan=plan, label__startswith=f"{DEMO_LABEL} ")
    # Hours and reports protect a real project from deletion; a demo project's are as synthetic as it is.
    hours, _ = HourRegistration.objects.filter(project__in=demo).delete()
    reports, _ = StatusReport.objects.filter(project__in=demo).delete()
    projects, _ = demo.delete()
    return hours + reports + projects
