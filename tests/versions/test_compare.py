"""Comparing two versions, or a version and today's plan: exactly what changed, grouped by focus area,
dates moved in months, texts as word diffs."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from projects.models import FinancingItem, Milestone, Project, Relation, Responsibility
from tests.factories import make_party
from versions.compare import ADDED, CHANGED, REMOVED, compare_snapshots, months_text, word_diff
from versions.models import PlanVersion
from versions.snapshot import build_snapshot

pytestmark = pytest.mark.django_db


def compared(old: str, new: str | None = None):  # noqa: ANN201
    a = PlanVersion.objects.get(name=old)
    b = PlanVersion.objects.get(name=new).snapshot if new else build_snapshot(a.plan)
    with translation.override("da"):
        return compare_snapshots(a.snapshot, b, old_label=f"ver. {old}", new_label=f"ver. {new}" if new else "nu")


def rows(comparison) -> list[tuple]:
    """Every change as (area, project, what, before, after, moved)."""
    with translation.override("da"):
        return [
            (area.name, project.title, change.what, change.old, change.new, change.moved)
            for area in comparison.areas
            for project in area.projects
            for change in project.changes
        ]


def test_the_comparison_lists_exactly_the_end_moved_the_hours_and_the_milestone(slipped):
    """The issue's «Done when»: 1.4 from the seed, the project's end +3 months, its hours and a milestone, 1.5."""
    comparison = compared("1.4", "1.5")

    assert rows(comparison) == [
        (
            "Boligsociale indsatser",
            slipped.title,
            "Slut",
            "i drift primo 2012",
            "1. april 2012",
            "+3 mdr.",
        ),
        ("Boligsociale indsatser", slipped.title, "Timebudget", "–", "600 timer", ""),
        (
            "Boligsociale indsatser",
            slipped.title,
            "Milepæl «I drift»",
            "januar 2012 (antaget)",
            "april 2012 (antaget)",
            "+3 mdr.",
        ),
    ]
    assert (comparison.added, comparison.removed, comparison.changed) == (0, 0, 1)
    assert not any(area.changes for area in comparison.areas)


def test_nothing_changed_between_a_version_and_the_plan_it_froze(plan):
    comparison = compared("1.3")
    assert comparison.is_empty


def test_a_version_against_todays_plan_shows_todays_changes(slipped, publish):
    comparison = compared("1.4")
    assert [r[2:] for r in rows(comparison)] == [r[2:] for r in rows(compared("1.4", "1.5"))]


def test_projects_added_and_removed_are_named_under_their_focus_area(plan, publish):
    publish("1.4")
    removed = Project.objects.get(area__slug="energi-og-klima", number=5)
    removed.milestones.all().delete()
    Relation.objects.filter(to_project=removed).delete()
    removed.delete()
    area = Project.objects.get(area__slug="energi-og-klima", number=1).area
    Project.objects.create(area=area, number=99, label="Delprojekt 99", title="Solceller på taget")

    comparison = compared("1.4")

    energy = next(a for a in comparison.areas if a.name == "Energi og klima")
    assert [(p.title, p.kind) for p in energy.projects if p.kind != CHANGED] == [
        (removed.title, REMOVED),
        ("Solceller på taget", ADDED),
    ]
    assert (comparison.added, comparison.removed) == (1, 1)


def test_responsibilities_relations_and_financing_added_removed_and_changed(plan, publish):
    publish("1.4")
    project = Project.objects.get(area__slug="energi-og-klima", number=1)
    other = Project.objects.get(area__slug="energi-og-klima", number=2)
    party = make_party(name="Boligforeningen Ny")
    Responsibility.objects.create(project=project, party=party, role=Responsibility.Role.CONTRIBUTOR)
    changed = project.responsibilities.exclude(party=party).first()
    changed.role = Responsibility.Role.CONTRIBUTOR if changed.role != "contributor" else Responsibility.Role.LEAD
    changed.save()
    kind = next(k for k in Relation.Kind if not Relation.objects.filter(from_project=project, kind=k, to_project=other))
    Relation.objects.create(from_project=project, to_project=other, kind=kind)
    FinancingItem.objects.create(project=project, kind=FinancingItem.Kind.ONE_OFF, amount=Decimal("500000"))

    comparison = compared("1.4")
    changes = [c for a in comparison.areas for p in a.projects for c in p.changes]

    assert {(c.what, c.kind) for c in changes} == {
        ("Ansvar", ADDED),
        ("Ansvar", CHANGED),
        ("Sammenhæng", ADDED),
        ("Finansieringstal", ADDED),
    }
    with translation.override("da"):
        assert any(c.new == "Boligforeningen Ny (bidrager)" for c in changes)
        assert any(c.new == f"{kind.label} {other.label}: {other.title}" for c in changes)
        assert any(c.new == "500.000 kr." for c in changes)


def test_a_changed_text_is_a_readable_word_diff(plan, publish):
    publish("1.4")
    project = Project.objects.get(area__slug="energi-og-klima", number=1)
    project.description = project.description.replace("Overordnet", "Samlet", 1) + " Nyt afsnit."
    project.save()

    change = next(c for a in compared("1.4").areas for p in a.projects for c in p.changes)

    assert change.what == "Beskrivelse"
    ops = [(s.op, s.text) for s in change.diff]
    assert ops[:2] == [("delete", "Overordnet"), ("insert", "Samlet")]
    assert ops[-1] == ("insert", " Nyt afsnit.")


def test_word_diff_keeps_what_is_equal():
    assert [(s.op, s.text) for s in word_diff("Opstart i april 2011", "Opstart i juni 2011")] == [
        ("equal", "Opstart i "),
        ("delete", "april"),
        ("insert", "juni"),
        ("equal", " 2011"),
    ]


@pytest.mark.parametrize(("months", "text"), [(3, "+3 mdr."), (1, "+1 md."), (-1, "−1 md."), (-14, "−14 mdr.")])
def test_months_read_as_the_board_writes_them(months, text):
    with translation.override("da"):
        assert months_text(months) == text


def test_an_area_milestone_moved_is_listed_under_the_area(plan, publish):
    publish("1.4")
    milestone = Milestone.objects.filter(area__isnull=False).first()
    milestone.date = milestone.date + datetime.timedelta(days=62)
    milestone.save()

    comparison = compared("1.4")
    area = next(a for a in comparison.areas if a.changes)
    assert area.changes[0].months == 2
