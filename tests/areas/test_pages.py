"""A focus area's page for a fixed today: its lines or themes with their projects and responsibilities, the
projects of no line apart, relations to the whole area and its milestones."""

import datetime

import pytest

from areas.models import FocusArea
from areas.pages import area_content

pytestmark = pytest.mark.django_db

# The seed's projects run 2011–2013; a day inside that horizon makes them running projects.
TODAY = datetime.date(2012, 3, 15)


def test_an_area_page_has_its_themes_with_their_projects_and_responsibilities(seeded):
    area = FocusArea.objects.get(slug="faelles-omraadetilgang")

    page = area_content(area, today=TODAY)

    assert [(g.grouping.name, len(g.states)) for g in page.groupings] == [
        ("En by i byen", 3),
        ("Markedsføring", 4),
        ("Faste årlige traditioner", 3),
        ("Hus 88 som fyrtårn", 2),
        ("Stoffrit Blangstedgård", 3),
    ]
    assert [r.party.name for r in page.groupings[3].responsibilities] == ["Korsløkke Ungdomsskole"]
    assert not page.ungrouped
    assert [r.from_project.number for r in page.relations] == [1, 2, 3, 4, 5]
    assert [r.inverse_label for r in page.relations][:2] == ["har sammenhæng med", "understøttes af"]
    assert [m.date for m in page.area_milestones] == [datetime.date(2011, 12, 1), datetime.date(2013, 7, 1)]
    assert page.overdue_area_milestones == {page.area_milestones[0].pk}
    assert page.hour_chart is None  # no budgets and no hours: nothing to draw


def test_an_area_whose_projects_have_no_line_lists_them_apart_and_draws_their_hours(seeded):
    area = FocusArea.objects.get(slug="energi-og-klima")

    page = area_content(area, today=TODAY)

    assert [len(g.states) for g in page.groupings] == [0, 0, 0, 0]
    assert len(page.ungrouped) == 10
    assert page.ungrouped_hours.budget == 5660
    assert page.hour_chart.bars[-1].label == "Ingen linie eller tema"
    assert page.hour_chart.bars[-1].budget == 5660
