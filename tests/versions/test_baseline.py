"""The baseline: each project's period and milestones in an approved version, and its slippage since in months;
the dashboard's slippage panel and a project's version history."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from projects.models import Project
from tests.factories import make_milestone, make_project
from versions.baseline import Baseline, baselines, chosen_baseline, month_span_text, slippage
from versions.models import PlanVersion

pytestmark = pytest.mark.django_db


def test_the_latest_approved_version_is_the_baseline_unless_one_is_chosen(slipped, plan):
    assert chosen_baseline(plan).name == "1.5"
    assert chosen_baseline(plan, "1.3").name == "1.3"
    assert chosen_baseline(plan, "9.9") is None


def test_a_slipped_project_reads_its_baseline_and_months(slipped):
    version = PlanVersion.objects.get(name="1.4")
    project = Project.objects.prefetch_related("milestones").get(pk=slipped.pk)

    baseline = baselines(version, [project])[project.pk]

    assert (baseline.start, baseline.end) == (datetime.date(2011, 7, 1), datetime.date(2012, 1, 1))
    assert (baseline.current_start, baseline.current_end) == (datetime.date(2011, 7, 1), datetime.date(2012, 4, 1))
    assert baseline.slip == 3
    assert [(m.title, m.date, m.months) for m in baseline.milestones] == [("I drift", datetime.date(2012, 1, 1), 3)]
    with translation.override("da"):
        assert baseline.slip_text == "+3 mdr."
        assert baseline.sentence == "planlagt juli–december 2011, nu juli 2011–marts 2012, 3 måneder senere"


def test_the_sentence_a_screen_reader_hears():
    baseline = Baseline(
        "1.4",
        datetime.date(2011, 4, 1),
        datetime.date(2011, 10, 1),
        datetime.date(2011, 4, 1),
        datetime.date(2012, 1, 1),
    )
    on_time = Baseline(
        "1.4",
        datetime.date(2011, 4, 1),
        datetime.date(2011, 10, 1),
        datetime.date(2011, 4, 1),
        datetime.date(2011, 10, 1),
    )
    with translation.override("da"):
        assert baseline.sentence == "planlagt april–september 2011, nu april–december 2011, 3 måneder senere"
        assert on_time.sentence == "som planlagt i ver. 1.4: april–september 2011"
        assert month_span_text(datetime.date(2011, 4, 1), None) == "fra april 2011"


def test_a_project_added_after_the_version_has_no_baseline(slipped):
    project = make_project(area=slipped.area, number=77)
    assert project.pk not in baselines(PlanVersion.objects.get(name="1.5"), [project])


def test_slippage_lists_who_slipped_most_the_months_per_area_and_milestones_moved_later(slipped, plan):
    other = Project.objects.get(area__slug="energi-og-klima", number=1)
    other.end_date = datetime.date(2013, 5, 1)  # one month later than in 1.4
    other.save()
    projects = list(Project.objects.select_related("area").prefetch_related("milestones"))

    found = slippage(plan, version=PlanVersion.objects.get(name="1.4"), projects=projects)

    assert [(s.project.pk, s.baseline.slip) for s in found.slipped] == [(slipped.pk, 3), (other.pk, 1)]
    assert [(a.name, a.months, a.projects) for a in found.areas] == [
        ("Energi og klima", 1, 1),
        ("Boligsociale indsatser", 3, 1),
    ]
    assert [(m.milestone.title, m.baseline.months) for m in found.milestones] == [("I drift", 3)]


def render(template: str, **context) -> str:
    request = RequestFactory().get("/", context.pop("query", {}))
    with translation.override("da"):
        return Template("{% load version_tags %}" + template).render(Context({"request": request, **context}))


def test_the_dashboard_panel_names_its_baseline_and_can_take_another(slipped, plan, django_assert_num_queries):
    with django_assert_num_queries(3):
        html = render("{% slippage_panel plan %}", plan=plan)
    assert "Skred siden ver. 1.5" in html
    assert "Intet projekt slutter senere end planlagt." in html

    html = render("{% slippage_panel plan %}", plan=plan, query={"baseline": "1.4"})
    assert "Skred siden ver. 1.4" in html
    assert "+3 mdr." in html
    assert 'href="/versioner/1.4/sammenlign/nu/"' in html

    assert "Der findes ingen version 9.9." in render("{% slippage_panel plan %}", plan=plan, query={"baseline": "9.9"})


def test_a_projects_version_history_gives_each_versions_period(slipped, django_assert_num_queries):
    with django_assert_num_queries(1):
        html = render("{% version_history project %}", project=slipped)

    assert html.index("ver. 1.5") < html.index("ver. 1.4") < html.index("ver. 1.3")
    assert "1. juli 2011 – 1. april 2012" in html
    assert html.count("1. juli 2011 – 1. januar 2012") == 2
    assert "12. maj 2011" in html


def test_a_new_project_is_in_no_version_yet(plan):
    project = make_project(area=Project.objects.first().area, number=78)
    make_milestone(project=project)
    assert "Projektet er endnu ikke med i nogen udgivet version." in render(
        "{% version_history project %}", project=project
    )


def test_the_gantt_draws_the_baseline_under_the_slipped_project(slipped, plan):
    from projects.gantt import gantt_html
    from projects.plan import read_plan
    from versions.baseline import chart_baselines

    contents = read_plan(plan, today=datetime.date(2011, 6, 1), baselines=chart_baselines(chosen_baseline(plan, "1.4")))
    bar = next(b for section in contents.masterplan.sections for b in section.bars if b.project.pk == slipped.pk)

    assert bar.slippage == 3
    with translation.override("da"):
        assert bar.slippage_label == "+3 mdr."
        html = gantt_html(contents.masterplan, chart_id="masterplan", label="Masterplan")
    assert "+3 mdr." in html
    assert "planlagt" in html


def test_only_projects_that_moved_get_a_baseline_drawn(slipped, plan):
    from projects.plan import read_plan
    from versions.baseline import baseline_choice

    choice = baseline_choice(plan, "1.4")
    contents = read_plan(plan, today=datetime.date(2011, 6, 1), baselines=choice.baselines)

    drawn = [b.project.pk for section in contents.masterplan.sections for b in section.bars if b.baseline]
    assert drawn == [slipped.pk]
    assert len(choice.baselines) == 33  # the version holds every project; the chart draws the one that moved


def test_the_baseline_choice_defaults_to_the_latest_approved_and_names_an_unknown_one(
    slipped, plan, django_assert_num_queries
):
    with django_assert_num_queries(2):
        choice = baseline_choice_of(plan, None)
    assert (choice.name, [v.name for v in choice.versions]) == ("1.5", ["1.5", "1.4", "1.3"])
    unknown = baseline_choice_of(plan, "7.0")
    assert (unknown.version, unknown.unknown, unknown.baselines) == (None, True, {})

    html = render("{% baseline_chooser choice %}", choice=baseline_choice_of(plan, "1.4"))
    assert "Grundlinje: ver. 1.4" in html
    assert '<option value="1.4" selected>' in html


def baseline_choice_of(plan, name):  # noqa: ANN001, ANN201
    from versions.baseline import baseline_choice

    return baseline_choice(plan, name)
