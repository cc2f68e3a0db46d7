"""How a group of projects is doing: the figures the dashboard and the area pages show.

For a group of projects (the plan, an area, a line or theme): projects by phase (`projects.phase`), hours
budgeted against hours registered, progress, the latest traffic light of each project, and what needs
attention (red or yellow lights, no status report for too long, over budget, and for the secretariat a
status the data contradicts), each list shown as its first ten rows with a link to the whole list. Around
them: the milestones ahead and overdue, and the projects starting and ending soon.

The projects come from `Project.objects.followed()`, which annotates what these figures read.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from byaftale import charts

from .budget import HourTally, is_over_budget, tally
from .models import Milestone, Project, StatusReport
from .phase import UNDER_WAY, phase_of, status_mismatch
from .reporting import needs_report, report_interval_weeks

# How many milestones ahead are listed even when fewer fall within the horizon.
AT_LEAST_UPCOMING = 5

NO_REPORT = "none"
LIGHT_NAMES = {
    StatusReport.Light.GREEN: _("Green"),
    StatusReport.Light.YELLOW: _("Yellow"),
    StatusReport.Light.RED: _("Red"),
    NO_REPORT: _("No report"),
}
# The lights in the order the attention list reads them: the worst first.
ATTENTION_LIGHTS = (StatusReport.Light.RED, StatusReport.Light.YELLOW)
# An attention list on the dashboard or an area page shows this many rows, then links to the whole list.
ATTENTION_ROWS = 10
# The attention lists by the word their page's address uses, and the Figures attribute holding each.
ATTENTION_KINDS = {"lys": "attention", "statusrapport": "unreported", "budget": "over_budget", "status": "mismatched"}


# One project


def light_of(project: Project) -> str:
    """The latest report's light, or NO_REPORT; the project comes from `Project.objects.with_latest_report()`."""
    return project.latest_report_light or NO_REPORT


@dataclass(frozen=True)
class ProjectState:
    """A project as the dashboard sees it: its phase, over budget or not, its latest light, whether a report
    is due, and why its status contradicts its data (empty when it does not)."""

    project: Project
    phase: str
    over_budget: bool
    needs_report: bool
    report_age_weeks: int | None  # whole weeks since the latest report; None when never reported on
    mismatch: list[str]

    @property
    def phase_name(self) -> str:
        return str(Project.Phase(self.phase).label)

    @property
    def url(self) -> str:
        return self.project.get_absolute_url()

    @property
    def area_url(self) -> str:
        return self.project.area.get_absolute_url()

    @property
    def light(self) -> str:
        return light_of(self.project)

    @property
    def light_name(self) -> str:
        return str(LIGHT_NAMES[self.light])

    @property
    def hours(self) -> HourTally:
        return tally([self.project])

    @property
    def hours_used(self) -> Decimal:
        return self.project.hours_used

    @property
    def hours_over(self) -> Decimal | None:
        """Hours registered beyond the budget (0 within it); None without a budget."""
        return None if self.project.hour_budget is None else self.hours.over

    @property
    def used_percent(self) -> int | None:
        return self.hours.used_percent

    @property
    def latest_report_date(self) -> datetime.date | None:
        return self.project.latest_report_date


def state_of(project: Project, *, today: datetime.date, weeks: int | None = None) -> ProjectState:
    """The project's state on `today`; it must come from `Project.objects.followed()`."""
    reported = project.latest_report_date
    return ProjectState(
        project,
        phase=phase_of(project, today=today),
        over_budget=is_over_budget(project),
        needs_report=needs_report(project, today, weeks),
        report_age_weeks=(today - reported).days // 7 if reported is not None else None,
        mismatch=status_mismatch(project, today=today),
    )


# A group of projects


@dataclass(frozen=True)
class PhaseCount:
    phase: str
    label: str
    count: int


@dataclass(frozen=True)
class AttentionList:
    """One attention list: its first ATTENTION_ROWS rows are shown, `count` says how many there are in all."""

    kind: str  # a key of ATTENTION_KINDS
    states: list[ProjectState]

    @property
    def count(self) -> int:
        return len(self.states)

    @property
    def first(self) -> list[ProjectState]:
        return self.states[:ATTENTION_ROWS]

    @property
    def has_more(self) -> bool:
        return self.count > ATTENTION_ROWS


@dataclass(frozen=True)
class LightCounts:
    green: int = 0
    yellow: int = 0
    red: int = 0
    none: int = 0

    @property
    def total(self) -> int:
        return self.green + self.yellow + self.red + self.none

    def items(self) -> list[tuple[str, str, int]]:
        """(light, name, count) in the order green, yellow, red, no report."""
        return [
            (light, str(LIGHT_NAMES[light]), getattr(self, "none" if light == NO_REPORT else light))
            for light in (*StatusReport.Light.values, NO_REPORT)
        ]


@dataclass(frozen=True)
class Progress:
    percent: int | None  # None when no project counts
    weighted: bool  # True: weighted by hour budget; False: each project counts the same
    done: int
    counted: int  # the projects that count: all but the cancelled


def count_phases(states: Iterable[ProjectState]) -> list[PhaseCount]:
    """How many projects are in each phase, every phase listed in Project.Phase's order, also when 0; each
    project counts once, so the counts add up to the number of projects."""
    counts = dict.fromkeys(Project.Phase.values, 0)
    for state in states:
        counts[state.phase] += 1
    return [PhaseCount(phase, str(Project.Phase(phase).label), count) for phase, count in counts.items()]


def count_lights(projects: Iterable[Project]) -> LightCounts:
    """The projects by their latest status report's light; `none` counts those never reported on."""
    counts = dict.fromkeys((*StatusReport.Light.values, NO_REPORT), 0)
    for project in projects:
        counts[light_of(project)] += 1
    return LightCounts(counts["green"], counts["yellow"], counts["red"], counts[NO_REPORT])


def progress_of(projects: Iterable[Project]) -> Progress:
    """How far a group of projects has come, as a percentage and as a count of projects done.

    The percentage is the projects' progress weighted by hour budget: the budget is the plan's own
    measure of how big a project is, so the 1.750-hour coordination of Energi og klima half done weighs
    more than a 255-hour campaign finished, as it does in the hours the partners put in. Weighting only
    holds when every counted project has a budget (a project without one would silently drop out), so
    otherwise each project counts the same and `weighted` says so; the page names the method it shows.
    Beside it stands the plain count of projects done, which needs no weights and no one's estimate.

    A cancelled project will not progress and counts in neither; a project marked done counts as 100 %
    whatever its last reported progress.
    """
    counted = [p for p in projects if p.status != Project.Status.CANCELLED]
    done = sum(p.status == Project.Status.DONE for p in counted)
    if not counted:
        return Progress(percent=None, weighted=False, done=0, counted=0)

    def percent(project: Project) -> int:
        return 100 if project.status == Project.Status.DONE else project.progress

    weights = [p.hour_budget or 0 for p in counted]
    if all(weights) and sum(weights) > 0:
        value = sum(percent(p) * weight for p, weight in zip(counted, weights, strict=True)) / sum(weights)
        weighted = True
    else:
        value = sum(percent(p) for p in counted) / len(counted)
        weighted = False
    return Progress(percent=round(value), weighted=weighted, done=done, counted=len(counted))


@dataclass(frozen=True)
class Figures:
    """The figures and lists the steering group follows for one group of projects."""

    states: list[ProjectState]
    hours: HourTally
    phases: list[PhaseCount]
    lights: LightCounts
    progress: Progress
    over_budget: list[ProjectState]
    attention: list[ProjectState]  # latest light red or yellow, red first
    unreported: list[ProjectState]  # running or late without a report in the last `weeks` weeks
    mismatched: list[ProjectState]  # marked «ikke startet» though the data says started (for the secretariat)
    weeks: int

    @property
    def count(self) -> int:
        return len(self.states)

    @property
    def phases_present(self) -> list[PhaseCount]:
        """The phases some project is in."""
        return [p for p in self.phases if p.count]

    @property
    def under_way(self) -> int:
        """Projects running or late: those the report flag watches."""
        return sum(p.count for p in self.phases if p.phase in UNDER_WAY)

    def attention_list(self, kind: str) -> AttentionList:
        return AttentionList(kind, getattr(self, ATTENTION_KINDS[kind]))

    @property
    def lights_list(self) -> AttentionList:
        return self.attention_list("lys")

    @property
    def reports_list(self) -> AttentionList:
        return self.attention_list("statusrapport")

    @property
    def budget_list(self) -> AttentionList:
        return self.attention_list("budget")

    @property
    def mismatch_list(self) -> AttentionList:
        return self.attention_list("status")

    def status_chart(self) -> charts.CountChart:
        return charts.count_chart([(p.phase, p.label.capitalize(), p.count) for p in self.phases])

    def light_chart(self) -> charts.CountChart:
        return charts.count_chart(self.lights.items())


def figures_for(projects: Sequence[Project], *, today: datetime.date, weeks: int | None = None) -> Figures:
    """The figures of a group of projects fetched with `Project.objects.followed()`; `weeks` defaults to
    settings.STATUS_REPORT_WEEKS."""
    weeks = report_interval_weeks() if weeks is None else weeks
    states = [state_of(p, today=today, weeks=weeks) for p in projects]
    attention = sorted(
        (s for s in states if s.light in ATTENTION_LIGHTS),
        key=lambda s: ATTENTION_LIGHTS.index(s.light),  # stable: the plan's order within each light
    )
    return Figures(
        states=states,
        hours=tally(projects),
        phases=count_phases(states),
        lights=count_lights(projects),
        progress=progress_of(projects),
        over_budget=[s for s in states if s.over_budget],
        attention=attention,
        unreported=[s for s in states if s.needs_report],
        mismatched=[s for s in states if s.mismatch],
        weeks=weeks,
    )


# What lies ahead


def add_months(date: datetime.date, months: int) -> datetime.date:
    """The same day `months` months later, or the month's last day where that is shorter:
    31 January plus one month is the last of February."""
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def horizon_months() -> int:
    return int(settings.DASHBOARD_HORIZON_MONTHS)


@dataclass(frozen=True)
class MilestoneOutlook:
    upcoming: list[Milestone]  # not reached, from today, within the horizon or at least the next few
    overdue: list[Milestone]  # not reached, dated before today; the longest overdue first
    until: datetime.date
    months: int
    at_least: int


def milestone_outlook(
    milestones: Iterable[Milestone],
    *,
    today: datetime.date,
    months: int | None = None,
    at_least: int = AT_LEAST_UPCOMING,
) -> MilestoneOutlook:
    """The milestones not reached: those due from today up to `months` months ahead (or the next
    `at_least` of them where fewer fall within), and those whose date has passed."""
    months = horizon_months() if months is None else months
    until = add_months(today, months)
    open_ones = sorted((m for m in milestones if not m.reached), key=lambda m: (m.date, m.pk or 0))
    ahead = [m for m in open_ones if m.date >= today]
    within = [m for m in ahead if m.date <= until]
    upcoming = within if len(within) >= at_least else ahead[:at_least]
    return MilestoneOutlook(
        upcoming=upcoming,
        overdue=[m for m in open_ones if m.date < today],
        until=until,
        months=months,
        at_least=at_least,
    )


@dataclass(frozen=True)
class Schedule:
    """The projects starting and ending from today up to `until`, by date."""

    starting: list[Project]
    ending: list[Project]
    until: datetime.date
    months: int
    ending_phases: list[str]  # the phase of each project in `ending`

    @property
    def ending_rows(self) -> list[tuple[Project, str]]:
        """Each project ending soon with the name of its phase."""
        return [(p, str(Project.Phase(phase).label)) for p, phase in zip(self.ending, self.ending_phases, strict=True)]


def schedule_for(projects: Iterable[Project], *, today: datetime.date, months: int | None = None) -> Schedule:
    months = horizon_months() if months is None else months
    until = add_months(today, months)
    projects = list(projects)
    starting = [p for p in projects if p.start_date is not None and today <= p.start_date <= until]
    ending = sorted(
        (
            (p, phase)
            for p in projects
            if p.end_date is not None
            and today <= p.end_date <= until
            # A project that is over is no news.
            and (phase := phase_of(p, today=today)) not in (Project.Phase.DONE, Project.Phase.CANCELLED)
        ),
        key=lambda row: row[0].end_date or today,  # every one has an end: see the condition above
    )
    return Schedule(
        starting=sorted(starting, key=lambda p: p.start_date or today),
        ending=[p for p, _phase in ending],
        until=until,
        months=months,
        ending_phases=[phase for _p, phase in ending],
    )
