"""The masterplan redraws the lost Gantt charts in months from the projects' dates."""

import datetime

import pytest
from django.utils import translation

from areas.models import FocusArea
from projects.models import Project
from projects.timeline import Baseline, Month, build_masterplan, last_month
from tests.factories import make_area, make_grouping, make_milestone, make_project

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


def chart_for(*areas):
    areas_qs = FocusArea.objects.filter(pk__in=[a.pk for a in areas]).prefetch_related("milestones")
    projects = Project.objects.filter(area__in=areas).select_related("grouping").prefetch_related("milestones")
    return build_masterplan(list(areas_qs), list(projects), today=TODAY)


def test_a_period_from_the_first_to_the_first_counts_whole_months():
    # "1. april 2011 – 1. april 2013 Total 1750 timer": 24 months, April 2011 to March 2013.
    assert last_month(datetime.date(2013, 4, 1)) == Month(2013, 3)
    assert last_month(datetime.date(2011, 12, 31)) == Month(2011, 12)


def test_each_project_becomes_a_bar_at_its_months():
    area = make_area()
    make_project(area=area, number=1, start_date=datetime.date(2011, 4, 1), end_date=datetime.date(2013, 4, 1))
    make_project(area=area, number=3, start_date=datetime.date(2011, 4, 1), end_date=datetime.date(2011, 9, 1))
    make_project(area=area, number=2, start_date=datetime.date(2012, 7, 1), end_date=datetime.date(2013, 4, 1))

    chart = chart_for(area)

    assert chart.months[0] == Month(2011, 4) and chart.months[-1] == Month(2013, 3)
    bars = chart.sections[0].bars
    assert [(b.project.number, b.offset, b.span) for b in bars] == [(1, 0, 24), (2, 15, 9), (3, 0, 5)]


def test_an_open_ended_project_runs_to_the_end_of_the_chart_and_is_marked_open():
    area = make_area()
    make_project(area=area, number=1, start_date=datetime.date(2011, 1, 1), end_date=datetime.date(2013, 1, 1))
    make_project(area=area, number=2, start_date=datetime.date(2011, 7, 1), end_date=None, start_wording="medio 2011")

    open_bar = chart_for(area).sections[0].bars[1]

    assert (open_bar.offset, open_bar.span, open_bar.open_end, open_bar.approximate) == (6, 18, True, True)


def test_projects_are_grouped_by_theme_in_the_themes_order():
    area = make_area()
    second = make_grouping(area=area, position=2, name="Markedsføring")
    first = make_grouping(area=area, position=1, name="En by i byen")
    make_project(area=area, number=4, grouping=second)
    make_project(area=area, number=1, grouping=first)
    make_project(area=area, number=2, grouping=first)

    groups = chart_for(area).sections[0].groups

    assert [(g.grouping.name, [b.project.number for b in g.bars]) for g in groups] == [
        ("En by i byen", [1, 2]),
        ("Markedsføring", [4]),
    ]


def test_milestones_stand_in_their_month_and_widen_the_chart():
    area = make_area()
    project = make_project(area=area, start_date=datetime.date(2011, 7, 1), end_date=datetime.date(2013, 1, 1))
    make_milestone(project=project, date=datetime.date(2013, 1, 1), title="Opfølgning")
    make_milestone(project=None, area=area, date=datetime.date(2013, 7, 1), title="25 års jubilæum")

    chart = chart_for(area)

    assert chart.months[-1] == Month(2013, 7)
    assert [(offset, m.title) for offset, m in chart.sections[0].bars[0].milestones] == [(18, "Opfølgning")]
    assert [(offset, m.title) for offset, m in chart.sections[0].milestones] == [(24, "25 års jubilæum")]


def test_the_today_line_stands_only_when_today_is_on_the_chart():
    area = make_area()
    make_project(area=area, start_date=datetime.date(2026, 1, 1), end_date=datetime.date(2027, 1, 1))

    chart = chart_for(area)

    assert chart.today_offset == pytest.approx(10 + 21 / 30)
    assert chart_for(make_area()).today_offset is None


def test_the_chart_sums_the_hour_budgets_shown():
    area = make_area()
    make_project(area=area, hour_budget=1750)
    make_project(area=area, hour_budget=415)
    make_project(area=area, hour_budget=None)

    assert chart_for(area).hour_budget == 2165


def test_laying_out_the_chart_runs_no_queries_beyond_the_fetch(django_assert_num_queries):
    area = make_area()
    for number in range(1, 8):
        project = make_project(area=area, number=number)
        make_milestone(project=project)
    areas = list(FocusArea.objects.filter(pk=area.pk).prefetch_related("milestones"))
    projects = list(Project.objects.filter(area=area).select_related("grouping").prefetch_related("milestones"))

    with django_assert_num_queries(0):
        build_masterplan(areas, projects, today=TODAY)


def test_each_row_reads_as_one_sentence_with_its_period_in_months_and_its_hours():
    area = make_area()
    make_project(
        area=area,
        number=3,
        label="Delprojekt 3",
        title="Energi på dagsordenen",
        start_date=datetime.date(2011, 4, 1),
        end_date=datetime.date(2011, 10, 1),
        hour_budget=300,
    )
    make_project(
        area=area,
        number=1,
        label="Projekt 1",
        start_date=datetime.date(2011, 4, 1),
        end_date=datetime.date(2013, 4, 1),
        hour_budget=1750,
    )

    with translation.override("da"):
        first, third = chart_for(area).sections[0].bars

    assert third.sentence == "Delprojekt 3: Energi på dagsordenen, april–september 2011, 300 timer"
    assert first.sentence.endswith(", april 2011–marts 2013, 1.750 timer")


def test_a_period_given_in_words_or_assumed_is_read_as_the_source_words_it():
    area = make_area()
    make_project(
        area=area,
        number=1,
        label="",
        title="Studietur",
        start_date=datetime.date(2011, 1, 1),
        end_date=datetime.date(2012, 1, 1),
        start_wording="2011",
        end_wording="2011",
        hour_budget=None,
    )
    make_project(
        area=area,
        number=2,
        label="",
        title="Åben",
        start_date=datetime.date(2011, 1, 1),
        end_date=None,
        start_assumed=True,
        hour_budget=None,
    )

    with translation.override("da"):
        words, assumed = chart_for(area).sections[0].bars

    assert words.sentence == "Studietur, 2011"
    assert assumed.sentence == "Åben, fra januar 2011 (antaget)"


def test_a_baseline_adds_the_planned_period_and_how_far_the_end_moved():
    area = make_area()
    project = make_project(
        area=area,
        label="Delprojekt 3",
        title="Energi på dagsordenen",
        start_date=datetime.date(2011, 4, 1),
        end_date=datetime.date(2012, 1, 1),
        hour_budget=300,
    )
    baseline = Baseline(
        datetime.date(2011, 4, 1), datetime.date(2011, 10, 1), [(datetime.date(2011, 9, 15), "Rapport")]
    )
    areas = list(FocusArea.objects.filter(pk=area.pk).prefetch_related("milestones"))
    projects = list(Project.objects.filter(area=area).select_related("grouping").prefetch_related("milestones"))

    with translation.override("da"):
        chart = build_masterplan(areas, projects, today=TODAY, baselines={project.pk: baseline})
        bar = chart.sections[0].bars[0]
        label = bar.slippage_label

    assert (bar.baseline.offset, bar.baseline.span, bar.slippage) == (0, 6, 3)
    assert [(round(at, 2), title) for at, title in bar.baseline.milestones] == [(5.48, "Rapport")]
    assert label == "+3 mdr."
    assert bar.sentence == (
        "Delprojekt 3: Energi på dagsordenen, planlagt april–september 2011, nu april–december 2011, "
        "3 måneder senere, 300 timer"
    )
    assert chart.has_baseline and not chart_for(area).has_baseline


def test_a_baseline_outside_the_current_period_widens_the_chart():
    area = make_area()
    project = make_project(area=area, start_date=datetime.date(2012, 1, 1), end_date=datetime.date(2012, 7, 1))
    areas = list(FocusArea.objects.filter(pk=area.pk).prefetch_related("milestones"))
    projects = list(Project.objects.filter(area=area).select_related("grouping").prefetch_related("milestones"))

    chart = build_masterplan(
        areas, projects, today=TODAY, baselines={project.pk: Baseline(datetime.date(2011, 7, 1), None)}
    )

    assert chart.months[0] == Month(2011, 7)
    assert chart.sections[0].bars[0].baseline.open_end
    assert chart.sections[0].bars[0].slippage == 6  # an open baseline end: the start moved six months
