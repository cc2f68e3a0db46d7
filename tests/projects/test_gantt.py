"""The masterplan's SVG drawing: one element per bar, milestone and label, legible in black and white and on A4."""

import base64
import datetime
import re

import pytest
from django.utils import translation

from areas.models import FocusArea
from projects.gantt import BLOCK_MAX_H, CHART_W, HEADER_H, INK, LABELS_W, PAPERS, blocks_of, gantt_html, rows_of
from projects.models import Project
from projects.timeline import Baseline, build_masterplan
from tests.factories import make_area, make_grouping, make_milestone, make_project

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2011, 6, 15)


def chart_for(area, baselines=None, today=TODAY):
    areas = list(FocusArea.objects.filter(pk=area.pk).prefetch_related("milestones"))
    projects = list(Project.objects.filter(area=area).select_related("grouping", "area").prefetch_related("milestones"))
    return build_masterplan(areas, projects, today=today, baselines=baselines)


def drawing(area, **kwargs) -> str:
    with translation.override("da"):
        return str(gantt_html(chart_for(area, **kwargs), chart_id="t", label="Tidsplan – Test"))


def test_the_drawing_grows_with_its_rows_not_with_its_months():
    short, long = make_area(), make_area()
    make_project(area=short, start_date=datetime.date(2011, 1, 1), end_date=datetime.date(2011, 7, 1))
    make_project(area=long, start_date=datetime.date(2011, 1, 1), end_date=datetime.date(2011, 7, 1))
    make_project(area=long, start_date=datetime.date(2030, 1, 1), end_date=datetime.date(2030, 7, 1))

    bars = [len(re.findall(r"<rect |<div class=\"gantt-lp", drawing(a))) for a in (short, long)]
    # One more project over twenty more years of months: one more bar, and its row in the label column
    # and in the numbers column a phone keeps in view.
    assert bars[1] - bars[0] == 3


def test_each_row_has_one_sentence_for_screen_readers_and_the_drawing_is_hidden_from_them():
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

    html = drawing(area)

    assert '<li class="gantt-row" data-project="' in html
    assert "Delprojekt 3: Energi på dagsordenen, april–september 2011, 300 timer</li>" in html
    assert all('aria-hidden="true"' in svg for svg in re.findall(r"<svg [^>]*>", html))


def test_approximate_periods_are_hatched_by_an_svg_pattern_and_open_ends_fade_with_their_wording():
    area = make_area()
    make_project(
        area=area,
        start_date=datetime.date(2011, 7, 1),
        end_date=None,
        start_wording="medio 2011",
        end_wording="løbende",
    )

    html = drawing(area, today=datetime.date(2014, 1, 1))

    assert 'fill="url(#gantt-t-0-hatch)"' in html and "<pattern " in html
    assert "gradient" not in re.sub(r"linearGradient", "", html)  # no CSS gradient anywhere
    assert html.count('fill-opacity="') >= 3  # the fade, in steps
    assert ">løbende</text>" in html
    assert "ingen slutdato: tegnet nogle måneder frem og derefter udtonet" in html


def test_nothing_is_printed_smaller_than_7_pt_and_the_chart_fits_a4_landscape():
    area = make_area()
    make_project(area=area, start_date=datetime.date(2011, 1, 1), end_date=datetime.date(2013, 1, 1))

    html = drawing(area)

    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', html)]
    assert min(sizes) >= 7
    assert LABELS_W + CHART_W <= 770


def test_the_scale_shows_month_initials_under_the_years_and_quarters_when_the_span_is_long():
    short, long = make_area(), make_area()
    make_project(area=short, start_date=datetime.date(2011, 1, 1), end_date=datetime.date(2013, 1, 1))
    make_project(area=long, start_date=datetime.date(2011, 1, 1), end_date=datetime.date(2021, 1, 1))

    short_html, long_html = drawing(short), drawing(long)

    assert ">2011</text>" in short_html and ">2012</text>" in short_html
    assert re.findall(r'y="21" text-anchor="middle">(\w+)<', short_html)[:12] == list("JFMAMJJASOND")
    assert re.findall(r'y="21" text-anchor="middle">(\w+)<', long_html)[:4] == ["K1", "K2", "K3", "K4"]


def test_a_baseline_is_a_thin_bar_under_the_current_one_with_hollow_milestones_and_its_slippage():
    area = make_area()
    project = make_project(area=area, start_date=datetime.date(2011, 4, 1), end_date=datetime.date(2012, 1, 1))
    make_milestone(project=project, date=datetime.date(2011, 6, 1), title="Nu")
    baseline = Baseline(datetime.date(2011, 4, 1), datetime.date(2011, 10, 1), [(datetime.date(2011, 9, 1), "Før")])

    plain, with_baseline = drawing(area), drawing(area, baselines={project.pk: baseline})

    assert 'fill="#8a8a8a"' not in plain and "den godkendte versions periode" not in plain
    assert 'height="2.5" fill="#8a8a8a"' in with_baseline
    assert re.search(r'fill="#fff" stroke="#000" stroke-width="0.8"><title>Før</title>', with_baseline)
    assert re.search(r'fill="#000" stroke="#fff" stroke-width="0.8"><title>Nu \(juni 2011\)</title>', with_baseline)
    assert ">+3 mdr.</text>" in with_baseline
    assert "den godkendte versions periode" in with_baseline
    assert "planlagt april–september 2011, nu april–december 2011, 3 måneder senere" in with_baseline


def test_blocks_fit_a_page_and_never_end_with_a_heading():
    area = make_area()
    for g in range(12):
        grouping = make_grouping(area=area, name=f"Gruppe {g}", position=g)
        for p in range(3):
            make_project(area=area, grouping=grouping, number=g * 3 + p + 1)

    blocks = blocks_of(rows_of(chart_for(area), area_headings=True))

    assert len(blocks) > 1
    assert all(block[-1].kind == "project" for block in blocks)
    assert all(HEADER_H + sum(r.height for r in block) <= BLOCK_MAX_H for block in blocks)
    continued = [r for b in blocks for r in b if r.text[-1].endswith("(fortsat)")]
    assert sum(len(b) for b in blocks) - len(continued) == 12 + 36 + 1
    # A block that starts inside the area, or inside a line or theme, says whose rows it continues.
    for before, block in zip(blocks, blocks[1:], strict=False):
        assert block[0].kind == "area" and block[0].text[-1] == f"{area.name} (fortsat)"
        if block[1].kind == "project":
            group = next(r for r in reversed(before) if r.kind == "group")
            assert block[1].kind == "project" or block[1].text[-1] == f"{group.text[-1]} (fortsat)"


def test_the_web_page_scrolls_one_drawing_and_a3_prints_wider_months_than_a4():
    area = make_area()
    for p in range(60):
        make_project(area=area, number=p + 1)
    chart = chart_for(area)

    web = gantt_html(chart, chart_id="w", label="Tidsplan")
    a4 = gantt_html(chart, chart_id="a4", label="Tidsplan", for_print=True)
    a3 = gantt_html(chart, chart_id="a3", label="Tidsplan", for_print=True, paper="A3")

    assert web.count('class="gantt-block') == 1
    assert a4.count('class="gantt-block') > a3.count('class="gantt-block') > 1
    assert f'width="{CHART_W:g}pt"' in printed_drawing(a4)
    assert f'width="{PAPERS["A3"][0]:g}pt"' in printed_drawing(a3)


def printed_drawing(html: str) -> str:
    """The first block's drawing, which print gives as an SVG image."""
    source = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert source is not None
    return base64.b64decode(source.group(1)).decode()


def test_the_today_line_stands_on_the_chart(settings):
    area = make_area()
    make_project(area=area, start_date=datetime.date(2011, 1, 1), end_date=datetime.date(2012, 1, 1))

    html = drawing(area)

    x = CHART_W * (5 + 14 / 30) / 12
    assert f'<path d="M{x:.1f}'.rstrip("0") in html and 'stroke="#c00"' in html


def test_in_print_the_drawing_holds_only_what_is_printed_and_the_same_months_and_bars():
    area = make_area()
    project = make_project(area=area, start_date=datetime.date(2011, 1, 1), end_date=datetime.date(2012, 7, 1))
    make_milestone(project=project, date=datetime.date(2011, 6, 1), title="Nu")
    with translation.override("da"):
        printed = str(gantt_html(chart_for(area), chart_id="t", label="Tidsplan – Test", for_print=True))
    images = re.findall(
        r'<img class="gantt-chart" alt="Tidsplan – Test" src="data:image/svg\+xml;base64,([^"]+)"', printed
    )
    svg = "".join(base64.b64decode(image).decode() for image in images)

    assert images and "<svg" not in printed.split("gantt-legend")[0]
    assert "gantt-text" not in printed and "gantt-numbers" not in printed and "<title>" not in svg
    assert re.findall(r'y="21">(\w+)<', svg)[:12] == list("JFMAMJJASOND")
    assert 'text-anchor="middle"' not in svg
    assert svg.count(f'fill="{INK}"') == drawing(area).split("gantt-legend")[0].count(f'fill="{INK}"')
    assert project.title in printed
