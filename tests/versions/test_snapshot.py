"""A version holds the plan as it was published: everything the documents show, unchanged by later edits,
read back in one query."""

import datetime

import pytest
from django.utils import timezone

from parties.models import Party
from projects.models import FinancingItem, Milestone, Project, Responsibility
from projects.plan import read_plan
from versions.models import PlanVersion
from versions.snapshot import SCHEMA, build_snapshot, read_snapshot

pytestmark = pytest.mark.django_db


def described(project) -> tuple:
    """What a board member reads about a project, from a live or a version's instance alike."""
    return (
        project.area.slug,
        project.number,
        str(project),
        project.grouping.name if project.grouping else None,
        project.period_text(),
        project.hour_budget,
        project.description,
        project.responsibility_text,
        [(m.title, m.date_label) for m in project.milestones.all()],
        sorted((r.party.name, r.role) for r in project.responsibilities.all()),
        sorted((r.kind, str(r.target)) for r in project.relations_out.all()),
        sorted((f.kind, f.amount, f.payer.name if f.payer else None) for f in project.financing_items.all()),
    )


def test_the_seed_is_published_as_version_1_3_dated_as_the_source(plan):
    version = PlanVersion.objects.get()

    assert version.name == "1.3"
    assert version.approved_on == datetime.date(2010, 12, 17)
    assert version.project_count == Project.objects.count() == 33
    assert version.hour_budget == sum(p.hour_budget or 0 for p in Project.objects.all())
    assert version.snapshot["schema"] == SCHEMA
    assert version.snapshot["plan"]["masterplan_title"] == "Masterplan ver. 1.3 [Varighed i mdr.]"


def test_a_version_reads_back_as_the_plan_it_froze(plan):
    live = read_plan(plan, today=datetime.date(2011, 1, 1))
    frozen = read_snapshot(PlanVersion.objects.get().snapshot)

    assert [described(p) for part in frozen.parts for p in part.projects] == [
        described(p) for part in live.parts for p in part.projects
    ]
    assert [(a.name, [s.body for s in a.sections.all()]) for a in frozen.areas] == [
        (a.name, [s.body for s in a.sections.all()]) for a in live.areas
    ]
    assert [(a.name, [m.title for m in a.milestones.all()]) for a in frozen.areas] == [
        (a.name, [m.title for m in a.milestones.all()]) for a in live.areas
    ]
    assert frozen.masterplan.hour_budget == live.masterplan.hour_budget
    assert [m.first_day for m in frozen.masterplan.months] == [m.first_day for m in live.masterplan.months]


def test_later_edits_never_change_what_a_version_holds(plan):
    before = read_snapshot(PlanVersion.objects.get().snapshot)
    expected = [described(p) for p in before.projects]

    project = Project.objects.get(area__slug="energi-og-klima", number=1)
    project.end_date = datetime.date(2014, 1, 1)
    project.title = "Et nyt navn"
    project.save()
    Milestone.objects.filter(project__isnull=False).first().delete()
    Responsibility.objects.filter(project__isnull=False).first().delete()
    FinancingItem.objects.update(amount=1)
    for party in Party.objects.filter(responsibilities__project__isnull=False).distinct()[:3]:
        party.name = f"{party.name} (omdøbt)"
        party.save()

    after = read_snapshot(PlanVersion.objects.get().snapshot)
    assert [described(p) for p in after.projects] == expected


def test_reading_a_version_is_one_query_and_reading_its_snapshot_none(plan, django_assert_num_queries):
    with django_assert_num_queries(1):
        version = PlanVersion.objects.get(name="1.3")
    with django_assert_num_queries(0):
        contents = read_snapshot(version.snapshot)
        [described(p) for p in contents.projects]


def test_the_snapshot_is_the_same_document_on_every_database(plan):
    """Dates as ISO strings, amounts as decimal strings: JSON that reads the same on SQLite and PostgreSQL."""
    snapshot = build_snapshot(plan)
    project = next(p for p in snapshot["projects"] if p["financing"])

    assert isinstance(project["start_date"], str)
    assert isinstance(project["financing"][0]["amount"], str)
    assert PlanVersion.objects.get().snapshot["projects"] == snapshot["projects"]


def test_a_version_draws_no_today_line(plan):
    contents = read_snapshot(PlanVersion.objects.get().snapshot, today=None)
    assert contents.masterplan.today_offset is None
    assert read_snapshot(PlanVersion.objects.get().snapshot, today=datetime.date(2012, 1, 5)).masterplan.today_offset


def test_a_snapshot_of_an_unknown_schema_is_refused(plan):
    with pytest.raises(ValueError, match="schema"):
        read_snapshot({**PlanVersion.objects.get().snapshot, "schema": 99})


def test_publishing_is_dated_now(plan):
    assert abs(PlanVersion.objects.get().published_at - timezone.now()) < datetime.timedelta(minutes=5)
