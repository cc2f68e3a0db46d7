"""The plan's timeline in months: where each project's bar and milestones fall on the masterplan.

The source's charts ("Masterplan ver. 1.3 [Varighed i mdr.]") were images and are lost; this module
redraws them from the dates. A period "1. april 2011 – 1. april 2013" is read as the source reads
it: 24 months, April 2011 up to and including March 2013. An end on the first of a month is the
boundary, any other end day includes its month. An open end (the source gives only a start) runs
to the end of the chart and is marked open; the drawing (projects.gantt) fades it out after a few months.
Each row also carries its text alternative, one sentence, and optionally an earlier version's period
(a baseline) with how far the period has moved since.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

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


OPEN_END_MONTHS = 6  # an open end is drawn solid for half of these, then fades out


def last_month(end: datetime.date) -> Month:
    """The last month a period ending on `end` covers: the first of a month is a boundary."""
    return Month.of(end).plus(-1) if end.day == 1 else Month.of(end)


def months_between(first: Month, last: Month) -> list[Month]:
    return [first.plus(i) for i in range(last.index - first.index + 1)]


@dataclass(frozen=True)
class Baseline:
    """A project's period and milestones as an earlier, approved version of the plan had them.

    Supplied by whoever compares plan versions (issue 12), keyed by project id; the chart draws it as
    a thin bar under the current one, its milestones hollow, and says how far the period has moved."""

    start_date: datetime.date | None
    end_date: datetime.date | None
    milestones: Sequence[tuple[datetime.date, str]] = ()


@dataclass
class BaselineBar:
    """A baseline laid out on the chart's months, like a Bar; milestones as (month offset + position, text)."""

    offset: int | None
    span: int
    open_end: bool
    period: str
    milestones: list[tuple[float, str]] = field(default_factory=list)


@dataclass
class Bar:
    """A project's row on the chart; offsets count months from the chart's first month.

    `sentence` is the row read as one sentence: the text alternative of the drawing, made once here."""

    project: Project
    offset: int | None
    span: int
    open_end: bool
    milestones: list[tuple[int, Milestone]] = field(default_factory=list)
    baseline: BaselineBar | None = None
    slippage: int | None = None  # months the end (or, where either end is open, the start) has moved
    sentence: str = ""
    period_text: str = ""  # the project's period_text(), formatted once for the label and the sentence

    @property
    def approximate(self) -> bool:
        return bool(self.project.start_wording or self.project.end_wording)

    @property
    def slippage_label(self) -> str:
        """ "+3 mdr." beside the row; nothing where the period has not moved."""
        if not self.slippage:
            return ""
        sign = "+" if self.slippage > 0 else "−"
        return _("%(sign)s%(months)s mo.") % {"sign": sign, "months": abs(self.slippage)}


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

    @property
    def has_baseline(self) -> bool:
        return any(bar.baseline is not None for section in self.sections for bar in section.bars)

    @property
    def has_open_end(self) -> bool:
        return any(bar.open_end for section in self.sections for bar in section.bars)


def month_position(date: datetime.date) -> float:
    """Where in its month a day falls: 0 is the month's left edge, just below 1 its right edge."""
    days = (Month.of(date).plus(1).first_day - Month.of(date).first_day).days
    return (date.day - 0.5) / days


@lru_cache(maxsize=8)
def month_names(language: str) -> tuple[str, ...]:
    """The months' names in a language, formatted once per process and language."""
    with translation.override(language):
        return tuple(date_format(datetime.date(2000, m, 1), "F") for m in range(1, 13))


def months_text(first: Month, last: Month) -> str:
    """A run of months read aloud: "april–september 2011", "april 2011–marts 2013", "april 2011"."""
    names = month_names(translation.get_language() or "da")
    if first == last:
        return f"{names[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{names[first.month - 1]}–{names[last.month - 1]} {last.year}"
    return f"{names[first.month - 1]} {first.year}–{names[last.month - 1]} {last.year}"


def period_sentence(start: datetime.date | None, end: datetime.date | None) -> str:
    if start is None:
        return str(_("no period given"))
    first = Month.of(start)
    if end is None:
        return _("from %(start)s, no end given") % {"start": months_text(first, first)}
    return months_text(first, max(first, last_month(end)))


def project_period_sentence(project: Project, period_text: str | None = None) -> str:
    """The period in whole months where the plan gives dates; the source's own words (and «antaget») where
    it gives words or the portal placed a date, since months alone would claim more than is known.
    `period_text` is the project's period_text() where the caller has it already."""
    if project.start_wording or project.end_wording or project.start_assumed or project.end_assumed:
        return (project.period_text() if period_text is None else period_text) or str(_("no period given"))
    return period_sentence(project.start_date, project.end_date)


def slippage_sentence(months: int) -> str:
    if months > 0:
        return ngettext("%(n)s month later", "%(n)s months later", months) % {"n": months}
    if months < 0:
        return ngettext("%(n)s month earlier", "%(n)s months earlier", -months) % {"n": -months}
    return str(_("as planned"))


def row_sentence(bar: Bar) -> str:
    """ "Delprojekt 3: Energi på dagsordenen, april–september 2011, 300 timer"; with a baseline "…, planlagt
    april–september 2011, nu april–december 2011, 3 måneder senere, …"; the milestones after it."""
    project = bar.project
    parts = [str(project)]
    period = project_period_sentence(project, bar.period_text)
    if bar.baseline is not None:
        parts.append(_("planned %(then)s, now %(now)s") % {"then": bar.baseline.period, "now": period})
        if bar.slippage is not None:
            parts.append(slippage_sentence(bar.slippage))
    else:
        parts.append(period)
    if project.hour_budget is not None:
        hours = number_format(project.hour_budget, force_grouping=True)
        parts.append(ngettext("%(hours)s hour", "%(hours)s hours", project.hour_budget) % {"hours": hours})
    sentence = ", ".join(parts)
    if bar.milestones:
        marks = "; ".join(f"{m.title} ({m.date_label})" for _offset, m in bar.milestones)
        label = ngettext("Milestone: %(marks)s", "Milestones: %(marks)s", len(bar.milestones))
        sentence += ". " + label % {"marks": marks}
    return sentence


def chart_range(
    projects: Sequence[Project], milestones: Iterable[Milestone], baselines: Iterable[Baseline] = ()
) -> tuple[Month, Month] | None:
    """The months from the earliest start or milestone to the latest end or milestone, baselines included."""
    firsts = [Month.of(p.start_date) for p in projects if p.start_date]
    lasts = [last_month(p.end_date) for p in projects if p.end_date]
    # An open end is drawn for half a year before it has faded out: the chart holds that much.
    lasts += [Month.of(p.start_date).plus(OPEN_END_MONTHS - 1) for p in projects if p.start_date and not p.end_date]
    marks = [Month.of(m.date) for m in milestones]
    for baseline in baselines:
        firsts += [Month.of(baseline.start_date)] if baseline.start_date else []
        lasts += [last_month(baseline.end_date)] if baseline.end_date else []
        marks += [Month.of(date) for date, _title in baseline.milestones]
    points = firsts + lasts + marks
    if not points:
        return None
    return min(points), max(points)


def _span(start: datetime.date | None, end: datetime.date | None, first: Month, last: Month) -> tuple[int | None, int]:
    if start is None:
        return None, 0
    begin = Month.of(start)
    stop = max(last_month(end) if end else last, begin)
    return begin.index - first.index, stop.index - begin.index + 1


def baseline_bar(baseline: Baseline, first: Month, last: Month) -> BaselineBar:
    offset, span = _span(baseline.start_date, baseline.end_date, first, last)
    marks = [(Month.of(d).index - first.index + month_position(d), title) for d, title in baseline.milestones]
    period = period_sentence(baseline.start_date, baseline.end_date)
    return BaselineBar(offset, span, baseline.start_date is not None and baseline.end_date is None, period, marks)


def slippage_of(project: Project, baseline: Baseline) -> int | None:
    """Months the end moved since the baseline; where either end is open, how far the start moved."""
    if project.end_date and baseline.end_date:
        return last_month(project.end_date).index - last_month(baseline.end_date).index
    if project.start_date and baseline.start_date:
        return Month.of(project.start_date).index - Month.of(baseline.start_date).index
    return None


def bar_for(
    project: Project,
    first: Month,
    last: Month,
    baseline: Baseline | None = None,
    milestones: Sequence[Milestone] | None = None,
) -> Bar:
    """The project's row; `milestones` are its milestones where the caller has read them already."""
    own = project.milestones.all() if milestones is None else milestones
    marks = [(Month.of(m.date).index - first.index, m) for m in own]
    offset, span = _span(project.start_date, project.end_date, first, last)
    bar = Bar(project, offset, span, project.start_date is not None and project.end_date is None, marks)
    bar.period_text = project.period_text()
    if baseline is not None:
        bar.baseline = baseline_bar(baseline, first, last)
        bar.slippage = slippage_of(project, baseline)
    bar.sentence = row_sentence(bar)
    return bar


def build_masterplan(
    areas: Sequence[FocusArea],
    projects: Sequence[Project],
    *,
    today: datetime.date,
    baselines: Mapping[int, Baseline] | None = None,
    project_milestones: Mapping[int, Sequence[Milestone]] | None = None,
    area_milestones: Mapping[int, Sequence[Milestone]] | None = None,
) -> Masterplan:
    """Lay out the chart for these areas and projects; `baselines` (by project id) adds an earlier version's
    period under a project's bar.

    `projects` must come with `grouping` selected and either `milestones` prefetched or their milestones in
    `project_milestones` (by project id); the areas' milestones likewise, prefetched on `areas` or in
    `area_milestones`; so the layout runs no queries of its own.
    """
    baselines = baselines or {}
    # Each prefetched list read once: every .all() on a prefetched relation builds a queryset of its own.
    if area_milestones is not None:
        milestones_of_area = {area.pk: list(area_milestones.get(area.pk, ())) for area in areas}
    else:
        milestones_of_area = {area.pk: list(area.milestones.all()) for area in areas}
    if project_milestones is not None:
        milestones_of = {id(p): list(project_milestones.get(p.pk, ())) for p in projects}
    else:
        milestones_of = {id(p): list(p.milestones.all()) for p in projects}
    every_milestone = [m for marks in (*milestones_of_area.values(), *milestones_of.values()) for m in marks]
    shown_baselines = [baselines[p.pk] for p in projects if p.pk in baselines]
    span = chart_range(projects, every_milestone, shown_baselines)
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
            Group(grouping, [bar_for(p, first, last, baselines.get(p.pk), milestones_of[id(p)]) for p in members])
            for grouping, members in groupby(area_projects, key=lambda p: p.grouping)
        ]
        marks = [(Month.of(m.date).index - first.index, m) for m in milestones_of_area[area.pk]]
        sections.append(Section(area, groups, marks))

    today_offset = None
    if first.first_day <= today < last.plus(1).first_day:
        days_in_month = (Month.of(today).plus(1).first_day - Month.of(today).first_day).days
        today_offset = Month.of(today).index - first.index + (today.day - 1) / days_in_month
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
