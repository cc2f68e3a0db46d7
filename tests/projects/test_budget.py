"""Hours budgeted against hours registered, per project and added up for lines, themes, areas and the plan."""

from decimal import Decimal

import pytest

from projects.budget import is_over_budget, tally, tally_by
from projects.models import Project
from tests.factories import make_area, make_grouping, make_hours, make_project

pytestmark = pytest.mark.django_db


def annotated(*projects):
    return list(Project.objects.filter(pk__in=[p.pk for p in projects]).with_hours_used().order_by("pk"))


def test_registered_hours_are_summed_per_project():
    busy, idle = make_project(hour_budget=100), make_project(hour_budget=50)
    make_hours(project=busy, hours=Decimal("7.5"))
    make_hours(project=busy, hours=Decimal("30"))

    busy, idle = annotated(busy, idle)

    assert busy.hours_used == Decimal("37.5")
    assert idle.hours_used == 0


def test_a_project_is_over_budget_only_when_it_has_a_budget_and_more_hours_than_it():
    over, exact, unbudgeted = make_project(hour_budget=10), make_project(hour_budget=10), make_project(hour_budget=None)
    make_hours(project=over, hours=Decimal("10.25"))
    make_hours(project=exact, hours=Decimal("10"))
    make_hours(project=unbudgeted, hours=Decimal("400"))

    assert [is_over_budget(p) for p in annotated(over, exact, unbudgeted)] == [True, False, False]


def test_a_tally_adds_budgets_and_hours_and_counts_the_projects_over_budget():
    area = make_area()
    a, b, c = (make_project(area=area, hour_budget=budget) for budget in (1750, 415, None))
    make_hours(project=a, hours=Decimal("1800"))
    make_hours(project=c, hours=Decimal("12"))

    total = tally(annotated(a, b, c))

    assert (total.budget, total.used, total.projects, total.over_budget) == (2165, Decimal("1812"), 3, 1)
    assert total.remaining == Decimal("353")
    assert total.used_percent == 84
    assert not total.is_over


def test_without_a_budget_there_is_no_percentage():
    project = make_project(hour_budget=None)

    assert tally(annotated(project)).used_percent is None


def test_tallies_per_line_or_theme_keep_each_groups_own_sum():
    area = make_area()
    line, theme = make_grouping(area=area), make_grouping(area=area)
    on_line = [make_project(area=area, grouping=line, hour_budget=h) for h in (300, 350)]
    on_theme = make_project(area=area, grouping=theme, hour_budget=255)
    make_hours(project=on_theme, hours=Decimal("300"))

    tallies = tally_by(annotated(*on_line, on_theme), key=lambda p: p.grouping_id)

    assert tallies[line.pk].budget == 650 and tallies[line.pk].used == 0
    assert tallies[theme.pk].is_over and tallies[theme.pk].over_budget == 1


def test_the_hours_stay_right_beside_other_annotations_and_joins():
    project = make_project(hour_budget=100)
    for _ in range(3):
        make_hours(project=project, hours=Decimal("5"))

    (row,) = Project.objects.filter(pk=project.pk).with_hours_used().prefetch_related("hour_registrations")

    assert row.hours_used == Decimal("15")


def test_the_seed_energy_projects_budget_5660_hours(seeded):
    energy = Project.objects.filter(area__slug="energi-og-klima").with_hours_used()

    assert tally(energy).budget == 5660
