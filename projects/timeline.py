"""The plan's timeline in months: where each project's bar and milestones fall on the masterplan.

The source's charts ("Masterplan ver. 1.3 [Varighed i mdr.]") were images and are lost; this module
redraws them from the dates. A period "1. april 2011 – 1. april 2013" is read as the source reads
it: 24 months, April 2011 up to and including March 2013. An end on the first of a month is the
boundary, any other end day includes its month. An open end (the source gives only a start) runs
to the end of the chart and is drawn as open.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from areas.models import FocusArea, Grouping

from .models import Milestone, Project

# Short forms for the chart's scale ("apr. 2011"); Django's own Danish abbreviations write "sept".
MONTH_ABBREVIATIONS = [
    pgettext_lazy("month abbreviation", "Jan."),
    pgettext_lazy("month abbreviation", "Feb."),
    pgettext_lazy("month abbreviation", "Mar."),
    pgettext_lazy("month abbreviation", "Apr."),
    pgettext_lazy("month abbreviation", "May"),
    pgettext_lazy("month abbreviation", "Jun."),
    pgettext_lazy("month abbreviation", "Jul."),
    pgettext_lazy("month abbreviation", "Aug."),
    pgettext_lazy("month abbreviation", "Sep."),
    pgettext_lazy("month abbreviation", "Oct."),
    pgettext_lazy("month abbreviation", "Nov."),
    pgettext_lazy("month abbreviation", "Dec."),
]


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, date: datetime.date) -> Month:
        return cls(date.year, date.month)

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    def plus(self, months: int) -> Month:
        i = self.index + months
        return Month(i // 12, i % 12 + 1)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def abbreviation(self) -> str:
        return str(MONTH_ABBREVIATIONS[self.month - 1])

    def __str__(self) -> str:
        return f"{self.abbreviation} {self.year}"


def last_month(end: datetime.date) -> Month:
    """The last month a period ending on `end` covers: the first of a month is a boundary."""
    return Month.of(end).plus(-1) if end.day == 1 else Month.of(end)


def months_between(first: Month, last: Month) -> list[Month]:
    return [first.plus(i) for i in range(last.index - first.index + 1)]


@dataclass
class Cell:
    """One month of one row, or a run of empty months: whether the bar covers it and which milestones
    fall in it. Empty months are merged (never across a new year), which keeps big charts fast to print."""

    month: Month
    span: int = 1
    on: bool = False
    first: bool = False
    last: bool = False
    open: bool = False
    today: bool = False
    milestones: list[Milestone] = field(default_factory=list)


def row_cells(
    months: Sequence[Month],
    *,
    offset: int | None,
    span: int,
    open_end: bool,
    milestones: Sequence[tuple[int, Milestone]],
    today_month: int | None,
) -> list[Cell]:
    cells = [Cell(month, today=(i == today_month)) for i, month in enumerate(months)]
    if offset is not None:
        for i in range(offset, offset + span):
            cells[i].on = True
            cells[i].open = open_end
        cells[offset].first = True
        cells[offset + span - 1].last = True
    for i, milestone in milestones:
        cells[i].milestones.append(milestone)
    return merge_empty_months(cells)


def merge_empty_months(cells: list[Cell]) -> list[Cell]:
    merged: list[Cell] = []
    for cell in cells:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and not (previous.on or previous.today or previous.milestones)
            and not (cell.on or cell.today or cell.milestones)
            and cell.month.month != 1
        ):
            previous.span += 1
        else:
            merged.append(cell)
    return merged


@dataclass
class Bar:
    """A project's row on the chart; offsets count months from the chart's first month."""

    project: Project
    offset: int | None
    span: int
    open_end: bool
    milestones: list[tuple[int, Milestone]] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)

    @property
    def approximate(self) -> bool:
        return bool(self.project.start_wording or self.project.end_wording)


@dataclass
class Group:
    """The projects of one line or theme (or of the area where it has none)."""

    grouping: Grouping | None
    bars: list[Bar]


@dataclass
class Section:
    area: FocusArea
    groups: list[Group]
    milestones: list[tuple[int, Milestone]]
    milestone_cells: list[Cell] = field(default_factory=list)

    @property
    def bars(self) -> list[Bar]:
        return [bar for group in self.groups for bar in group.bars]


@dataclass
class Masterplan:
    months: list[Month]
    sections: list[Section]
    today_offset: float | None

    @property
    def years(self) -> list[tuple[int, int]]:
        """Each year on the scale with the number of its months shown."""
        return [(year, len(list(months))) for year, months in groupby(self.months, key=lambda m: m.year)]

    @property
    def hour_budget(self) -> int:
        return sum(bar.project.hour_budget or 0 for section in self.sections for bar in section.bars)


def chart_range(projects: Sequence[Project], milestones: Iterable[Milestone]) -> tuple[Month, Month] | None:
    """The months from the earliest start or milestone to the latest end or milestone."""
    firsts = [Month.of(p.start_date) for p in projects if p.start_date]
    lasts = [last_month(p.end_date) for p in projects if p.end_date]
    marks = [Month.of(m.date) for m in milestones]
    points = firsts + lasts + marks
    if not points:
        return None
    return min(points), max(points)


def bar_for(project: Project, first: Month, last: Month) -> Bar:
    milestones = [(Month.of(m.date).index - first.index, m) for m in project.milestones.all()]
    if project.start_date is None:
        return Bar(project, None, 0, open_end=False, milestones=milestones)
    start = Month.of(project.start_date)
    end = last_month(project.end_date) if project.end_date else last
    end = max(end, start)
    return Bar(project, start.index - first.index, end.index - start.index + 1, project.end_date is None, milestones)


def build_masterplan(areas: Sequence[FocusArea], projects: Sequence[Project], *, today: datetime.date) -> Masterplan:
    """Lay out the chart for these areas and projects.

    `projects` must come with `milestones` prefetched and `grouping` selected; area milestones are
    read from `areas` (prefetch `milestones` there too) so the layout runs no queries of its own.
    """
    area_milestones = [m for area in areas for m in area.milestones.all()]
    project_milestones = [m for p in projects for m in p.milestones.all()]
    span = chart_range(projects, area_milestones + project_milestones)
    if span is None:
        return Masterplan(months=[], sections=[], today_offset=None)
    first, last = span
    months = months_between(first, last)

    by_area: dict[int, list[Project]] = {}
    for project in projects:
        by_area.setdefault(project.area_id, []).append(project)

    sections = []
    for area in areas:
        area_projects = sorted(
            by_area.get(area.pk, []),
            key=lambda p: (p.grouping.position if p.grouping else -1, p.number),
        )
        groups = [
            Group(grouping, [bar_for(p, first, last) for p in members])
            for grouping, members in groupby(area_projects, key=lambda p: p.grouping)
        ]
        marks = [(Month.of(m.date).index - first.index, m) for m in area.milestones.all()]
        sections.append(Section(area, groups, marks))

    today_offset = None
    if first.first_day <= today < last.plus(1).first_day:
        days_in_month = (Month.of(today).plus(1).first_day - Month.of(today).first_day).days
        today_offset = Month.of(today).index - first.index + (today.day - 1) / days_in_month
    today_month = int(today_offset) if today_offset is not None else None
    for section in sections:
        section.milestone_cells = row_cells(
            months, offset=None, span=0, open_end=False, milestones=section.milestones, today_month=today_month
        )
        for bar in section.bars:
            bar.cells = row_cells(
                months,
                offset=bar.offset,
                span=bar.span,
                open_end=bar.open_end,
                milestones=bar.milestones,
                today_month=today_month,
            )
    return Masterplan(months=months, sections=sections, today_offset=today_offset)


# A single project's period, drawn on its own page as a bar over its months with numbered milestones.


@dataclass(frozen=True)
class TimelineMark:
    x: str  # a percentage of the chart's width, as SVG reads it
    label: str


@dataclass(frozen=True)
class TimelineMilestone:
    x: str
    number: int
    milestone: Milestone
    overdue: bool

    @property
    def state(self) -> str:
        """ "reached", "overdue" or "ahead": the mark's class on the drawing."""
        return "reached" if self.milestone.reached else "overdue" if self.overdue else "ahead"


@dataclass(frozen=True)
class ProjectTimeline:
    """The project's period drawn as one bar over its months, with its milestones numbered on it."""

    bar_start: str
    bar_width: str
    open_end: bool
    approximate: bool
    months: int
    month_ticks: list[str]
    years: list[TimelineMark]
    milestones: list[TimelineMilestone]
    today: str | None
    today_position: str  # "before", "within" or "after" the drawn months
    end_label: str = ""  # the end as written under the bar's end, or that the source gives none

    @property
    def css_class(self) -> str:
        return " ".join(
            [
                "timeline",
                *(["timeline-approximate"] if self.approximate else []),
                *(["timeline-open"] if self.open_end else []),
            ]
        )


def project_timeline(project: Project, milestones: list[Milestone], today: datetime.date) -> ProjectTimeline | None:
    """The months from the project's start to its end (a year where the end is open), widened to take in
    milestones outside them. None without a start."""
    if project.start_date is None:
        return None
    first = Month.of(project.start_date)
    last = last_month(project.end_date) if project.end_date else first.plus(11)
    last = max([last, first, *(Month.of(m.date) for m in milestones)])
    first = min([first, *(Month.of(m.date) for m in milestones)])
    begin, stop = first.first_day, last.plus(1).first_day
    days = (stop - begin).days

    def x(date: datetime.date) -> float:
        return 1 + 98 * min(max((date - begin).days, 0), days) / days

    def pct(value: float) -> str:
        return f"{value:.2f}%"

    bar_end = x(project.end_date) if project.end_date else x(stop)
    months = [first.plus(i) for i in range(last.index - first.index + 1)]
    years, previous = [], None
    for month in months:
        if month == first or month.month == 1:
            position = x(month.first_day)
            # A January close after the first label would overlap it.
            if previous is None or position - previous > 8:
                years.append(TimelineMark(pct(position), str(month.year)))
                previous = position
    numbered = [
        TimelineMilestone(pct(x(m.date)), i, m, overdue=not m.reached and m.date < today)
        for i, m in enumerate(milestones, start=1)
    ]
    return ProjectTimeline(
        bar_start=pct(x(project.start_date)),
        bar_width=pct(bar_end - x(project.start_date)),
        open_end=project.end_date is None,
        approximate=bool(project.start_wording or project.end_wording),
        months=len(months),
        month_ticks=[pct(x(m.first_day)) for m in months[1:]],
        years=years,
        milestones=numbered,
        today=pct(x(today)) if begin <= today < stop else None,
        today_position="before" if today < begin else "after" if today >= stop else "within",
        end_label=str(_("no end given")) if project.end_date is None else project.end_text,
    )
