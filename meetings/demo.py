"""Synthetic meetings for benchmarks and query-count tests, clearly marked so nobody mistakes them for real ones.

Every demo meeting's title starts with "[Demo]"; each has three agenda items (linked to projects of the plan
where there are any), a decision and a follow-up point. `delete_demo_meetings` removes exactly those.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from parties.models import Party
from projects.demo import demo_user
from projects.models import Project

from .models import AgendaItem, Decision, FollowUpPoint, Meeting, Participant

DEMO_TITLE = "[Demo]"
JOINT_GROUP = "Den Fælles Boligstrategiske Gruppe"


@transaction.atomic
def generate_demo_meetings(*, count: int, seed: int = 2011) -> list[Meeting]:
    rng = random.Random(seed)
    body = Party.objects.filter(name=JOINT_GROUP).first() or Party.objects.filter(kind=Party.Kind.JOINT_BODY).first()
    if body is None:
        body = Party.objects.create(name=JOINT_GROUP, kind=Party.Kind.JOINT_BODY)
    user = demo_user()
    project_ids = list(Project.objects.order_by("pk").values_list("pk", flat=True)[:200])
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    statuses = list(Meeting.Status)
    starts = [now + datetime.timedelta(days=rng.randrange(-700, 300), hours=rng.randrange(0, 8)) for _ in range(count)]
    meetings = Meeting.objects.bulk_create(
        Meeting(
            body=body,
            title=f"{DEMO_TITLE} Syntetisk møde {i + 1}",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            place="[Demo] Mødelokale",
            status=rng.choice(statuses),
        )
        for i, start in enumerate(starts)
    )
    Participant.objects.bulk_create(Participant(meeting=m, person=user, party=body) for m in meetings)
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=m,
            position=position,
            title=f"{DEMO_TITLE} Punkt {position}",
            kind=rng.choice(list(AgendaItem.Kind)),
            background="Genereret testdata; ikke en del af programmet.",
        )
        for m in meetings
        for position in (1, 2, 3)
    )
    if project_ids:
        Link = AgendaItem.projects.through
        Link.objects.bulk_create(Link(agendaitem=item, project_id=rng.choice(project_ids)) for item in items)
    decisions = Decision.objects.bulk_create(
        Decision(item=item, text=f"{DEMO_TITLE} Besluttet.", taken=True) for item in items if item.position == 3
    )
    FollowUpPoint.objects.bulk_create(
        FollowUpPoint(
            meeting_id=d.item.meeting_id,
            decision=d,
            what=f"{DEMO_TITLE} Følg op",
            person=user,
            party=body,
            due_date=timezone.localdate() + datetime.timedelta(days=rng.randrange(-60, 90)),
            done=rng.random() < 0.3,
        )
        for d in decisions
    )
    return meetings


@transaction.atomic
def delete_demo_meetings() -> int:
    deleted, _ = Meeting.objects.filter(title__startswith=DEMO_TITLE).delete()
    return deleted
