"""How a group of projects is doing: the figures the dashboard and the area pages show.

For a group of projects (the plan, an area, a line or theme): projects by phase (`projects.phase`), hours
budgeted against hours registered, progress, the latest traffic light of each project, and what needs
attention (red or yellow lights, no status report for too long, over budget, and for the secretariat a
status the data contradicts), each list shown as its first ten rows with a link to the whole list. Around
them: the milestones ahead and overdue, and the projects starting and ending soon.

The figures are counted and summed in the database (`tallies`: one query whatever the size of the plan),
and each list fetches only the rows a page shows, with the count of the rest, so a page's cost grows with
what it shows and not with the number of projects.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any, Generic, TypeVar, cast

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from byaftale import charts

from .budget import ZERO, HourTally, is_over_budget, tally
from .models import Milestone, Project, ProjectQuerySet, StatusReport
from .phase import UNDER_WAY, phase_of, status_mismatch
from .reporting import needs_report, report_due_since, report_interval_weeks

T = TypeVar("T")

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
# The other lists of a page (milestones, what starts and ends soon) show this many rows and say how many more.
LIST_ROWS = 10
# The attention lists by the word their page's address uses, and the Figures attribute holding each.
ATTENTION_KINDS = {"lys": "attention", "statusrapport": "unreported", "budget": "over_budget", "status": "mismatched"}


@dataclass(frozen=True)
class Rows(Generic[T]):
    """The first rows of a list a page shows, and how many there are in all: the rest are never fetched."""

    first: list[T]
    count: int

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def __iter__(self) -> Iterator[T]:
        return iter(self.first)

    def __getitem__(self, index: int) -> T:
        return self.first[index]

    @property
    def more(self) -> int:
        """How many are not shown."""
        return self.count - len(self.first)


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
class AttentionList(Rows["ProjectState"]):
    """One attention list: its first ATTENTION_ROWS rows, and `count`, how many there are in all (from the
    group's tally, so the rest are never fetched)."""

    kind: str = ""  # a key of ATTENTION_KINDS

    @property
    def has_more(self) -> bool:
        return self.count > len(self.first)


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


@dataclass(frozen=True)
class Tally:
    """What the figures of a group of projects are made of, counted and summed in the database (`tallies`).
    Tallies add up: the plan's is the sum of its areas', an area's the sum of its lines' and themes'."""

    count: int = 0
    by_phase: tuple[int, ...] = (0,) * len(Project.Phase.values)  # in Project.Phase's order
    by_light: tuple[int, ...] = (0, 0, 0, 0)  # green, yellow, red, no report
    budget: int = 0
    used: Decimal = ZERO
    over_budget: int = 0
    unreported: int = 0  # under way without a report in the last `weeks` weeks
    mismatched: int = 0  # marked «ikke startet» though the data says started
    attention: int = 0  # latest light red or yellow
    # Progress (see `progress`): the projects that count, those done, those without a budget, and the sums
    counted: int = 0
    done: int = 0
    unbudgeted: int = 0
    percent_sum: int = 0
    weighted_sum: int = 0
    weight: int = 0

    def __add__(self, other: Tally) -> Tally:
        values: dict[str, Any] = {}
        for field in fields(self):
            mine, theirs = getattr(self, field.name), getattr(other, field.name)
            if isinstance(mine, tuple):
                values[field.name] = tuple(a + b for a, b in zip(mine, theirs, strict=True))
            else:
                values[field.name] = mine + theirs
        return Tally(**values)

    @property
    def hours(self) -> HourTally:
        return HourTally(budget=self.budget, used=self.used, projects=self.count, over_budget=self.over_budget)

    @property
    def phases(self) -> list[PhaseCount]:
        """Every phase in Project.Phase's order, also when 0; each project counts once."""
        return [
            PhaseCount(phase, str(label), count)
            for (phase, label), count in zip(Project.Phase.choices, self.by_phase, strict=True)
        ]

    @property
    def lights(self) -> LightCounts:
        return LightCounts(*self.by_light)

    @property
    def progress(self) -> Progress:
        """How far the group has come, as a percentage and as a count of projects done.

        The percentage is the projects' progress weighted by hour budget: the budget is the plan's own
        measure of how big a project is, so the 1.750-hour coordination of Energi og klima half done weighs
        more than a 255-hour campaign finished, as it does in the hours the partners put in. Weighting only
        holds when every counted project has a budget (a project without one would silently drop out), so
        otherwise each project counts the same and `weighted` says so; the page names the method it shows.
        Beside it stands the plain count of projects done, which needs no weights and no one's estimate.

        A cancelled project will not progress and counts in neither; a project marked done counts as 100 %
        whatever its last reported progress.
        """
        if not self.counted:
            return Progress(percent=None, weighted=False, done=0, counted=0)
        if not self.unbudgeted and self.weight > 0:
            return Progress(round(self.weighted_sum / self.weight), weighted=True, done=self.done, counted=self.counted)
        return Progress(round(self.percent_sum / self.counted), weighted=False, done=self.done, counted=self.counted)


def _when(condition: str) -> str:
    return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def tallies(
    projects: ProjectQuerySet, *, by: str | None, today: datetime.date, weeks: int | None = None
) -> dict[Any, Tally]:
    """Each group's Tally, by the value of the field `by` (`"area_id"`, `"grouping_id"`; None: one group,
    keyed None), in one query whatever the number of projects.

    Each project's phase, hours and latest report are worked out once, in a derived table the ORM writes
    (the same SQL `Project.objects.with_phase()`, `.with_hours_used()` and `.with_latest_report()` give every
    other page), and the database counts and sums them per group. Written as SQL around that table because the
    ORM repeats an annotation's subqueries in every aggregate that reads it, about twelve times per project."""
    weeks = report_interval_weeks() if weeks is None else weeks
    inner = (
        projects.with_phase(today=today)
        .with_hours_used()
        .with_latest_report()
        .order_by()
        .values(  # type: ignore[misc]  # phase and the rest are annotations, which the stubs do not follow
            "phase",
            "status",
            "progress",
            "hour_budget",
            "hours_used",
            "latest_report_light",
            "latest_report_date",
            group_key=F(by) if by else Value(0),
        )  # fmt: skip
    )
    try:
        inner_sql, inner_params = inner.query.sql_with_params()
    except EmptyResultSet:  # a group that cannot have a project, such as pk__in=[]
        return {}
    Phase, Status, Light = Project.Phase, Project.Status, StatusReport.Light
    ops = connection.ops
    due = ops.adapt_datefield_value(report_due_since(today, weeks))
    percent = "(CASE WHEN p.status = %s THEN 100 ELSE p.progress END)"
    columns: list[tuple[str, list[Any]]] = [
        ("COUNT(*)", []),
        *((_when("p.phase = %s"), [phase]) for phase in Phase.values),
        *((_when("p.latest_report_light = %s"), [light]) for light in Light.values),
        (_when("p.latest_report_light IS NULL"), []),
        ("COALESCE(SUM(p.hour_budget), 0)", []),
        ("COALESCE(SUM(p.hours_used), 0)", []),
        (_when("p.hour_budget IS NOT NULL AND p.hours_used > p.hour_budget"), []),
        (
            _when("p.phase IN (%s, %s) AND (p.latest_report_date IS NULL OR p.latest_report_date < %s)"),
            [*UNDER_WAY, due],
        ),
        (_when("p.status = %s AND p.phase <> %s"), [Status.NOT_STARTED, Phase.PLANNED]),
        (_when("p.latest_report_light IN (%s, %s)"), list(ATTENTION_LIGHTS)),
        (_when("p.status <> %s"), [Status.CANCELLED]),
        (_when("p.status = %s"), [Status.DONE]),
        (_when("p.status <> %s AND COALESCE(p.hour_budget, 0) = 0"), [Status.CANCELLED]),
        (f"COALESCE(SUM(CASE WHEN p.status <> %s THEN {percent} END), 0)", [Status.CANCELLED, Status.DONE]),
        (
            f"COALESCE(SUM(CASE WHEN p.status <> %s THEN {percent} * p.hour_budget END), 0)",
            [Status.CANCELLED, Status.DONE],
        ),
        ("COALESCE(SUM(CASE WHEN p.status <> %s THEN p.hour_budget END), 0)", [Status.CANCELLED]),
    ]
    select = ", ".join(sql for sql, _params in columns)
    params = [param for _sql, column_params in columns for param in column_params]
    # MATERIALIZED: each project's row is worked out once; inlined, its subqueries would run for every column.
    sql = f"WITH p AS MATERIALIZED ({inner_sql}) SELECT p.group_key, {select} FROM p GROUP BY p.group_key"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*inner_params, *params])  # in the order they stand in the SQL
        rows = cursor.fetchall()
    phases, lights = len(Phase.values), len(Light.values) + 1
    result: dict[Any, Tally] = {}
    for key, count, *read in rows:
        # Every column is a whole number but the hours, which SQLite sums as a float and PostgreSQL as a Decimal.
        hours = read.pop(phases + lights + 1)
        numbers = [int(value) for value in read]
        by_phase, numbers = tuple(numbers[:phases]), numbers[phases:]
        by_light, numbers = tuple(numbers[:lights]), numbers[lights:]
        budget, over, unreported, mismatched, attention, counted, done, unbudgeted, *sums = numbers
        result[key if by else None] = Tally(
            count=count,
            by_phase=by_phase,
            by_light=by_light,
            budget=budget,
            used=Decimal(str(hours)).quantize(Decimal("0.01")),
            over_budget=over,
            unreported=unreported,
            mismatched=mismatched,
            attention=attention,
            counted=counted,
            done=done,
            unbudgeted=unbudgeted,
            percent_sum=sums[0],
            weighted_sum=sums[1],
            weight=sums[2],
        )
    return result


def tally_of(projects: ProjectQuerySet, *, today: datetime.date, weeks: int | None = None) -> Tally:
    """The whole group's Tally (an empty one for no projects)."""
    return tallies(projects, by=None, today=today, weeks=weeks).get(None, Tally())


@dataclass(frozen=True)
class Figures:
    """The figures and lists the steering group follows for one group of projects."""

    tally: Tally
    over_budget: AttentionList
    attention: AttentionList  # latest light red or yellow, red first
    unreported: AttentionList  # running or late without a report in the last `weeks` weeks
    mismatched: AttentionList  # marked «ikke startet» though the data says started (for the secretariat)
    weeks: int

    @property
    def count(self) -> int:
        return self.tally.count

    @property
    def hours(self) -> HourTally:
        return self.tally.hours

    @property
    def phases(self) -> list[PhaseCount]:
        return self.tally.phases

    @property
    def lights(self) -> LightCounts:
        return self.tally.lights

    @property
    def progress(self) -> Progress:
        return self.tally.progress

    @property
    def phases_present(self) -> list[PhaseCount]:
        """The phases some project is in."""
        return [p for p in self.phases if p.count]

    @property
    def under_way(self) -> int:
        """Projects running or late: those the report flag watches."""
        return sum(p.count for p in self.phases if p.phase in UNDER_WAY)

    def attention_list(self, kind: str) -> AttentionList:
        return cast(AttentionList, getattr(self, ATTENTION_KINDS[kind]))

    @property
    def lights_list(self) -> AttentionList:
        return self.attention

    @property
    def reports_list(self) -> AttentionList:
        return self.unreported

    @property
    def budget_list(self) -> AttentionList:
        return self.over_budget

    @property
    def mismatch_list(self) -> AttentionList:
        return self.mismatched

    def status_chart(self) -> charts.CountChart:
        return charts.count_chart([(p.phase, p.label.capitalize(), p.count) for p in self.phases])

    def light_chart(self) -> charts.CountChart:
        return charts.count_chart(self.lights.items())


def attention_rows(
    projects: ProjectQuerySet, kind: str, *, today: datetime.date, weeks: int | None = None
) -> ProjectQuerySet:
    """The projects on one attention list, in the list's order (red lights before yellow; otherwise the
    plan's), annotated as `state_of` needs; a page slices them."""
    weeks = report_interval_weeks() if weeks is None else weeks
    rows = projects.followed().with_phase(today=today)
    if kind == "lys":
        red_first = Case(When(latest_report_light=ATTENTION_LIGHTS[0], then=Value(0)), default=Value(1))
        return rows.filter(Q(latest_report_light__in=ATTENTION_LIGHTS)).order_by(red_first, "area__position", "number")
    if kind == "statusrapport":
        stale = Q(latest_report_date__isnull=True) | Q(latest_report_date__lt=report_due_since(today, weeks))
        return rows.filter(stale, Q(phase__in=UNDER_WAY))
    if kind == "budget":
        return rows.filter(Q(hour_budget__isnull=False, hours_used__gt=F("hour_budget")))
    if kind == "status":
        return rows.filter(Q(status=Project.Status.NOT_STARTED) & ~Q(phase=Project.Phase.PLANNED))
    raise ValueError(f"No attention list {kind!r}.")


def states_of(projects: Iterable[Project], *, today: datetime.date, weeks: int | None = None) -> list[ProjectState]:
    return [state_of(p, today=today, weeks=weeks) for p in projects]


def figures_from(tally: Tally, projects: ProjectQuerySet, *, today: datetime.date, weeks: int | None = None) -> Figures:
    """The figures of a group whose tally is known: the tally's counts, and the first rows of each attention
    list, one query each."""
    weeks = report_interval_weeks() if weeks is None else weeks
    lists = {}
    for kind, name in ATTENTION_KINDS.items():
        first = attention_rows(projects, kind, today=today, weeks=weeks)[:ATTENTION_ROWS]
        lists[name] = AttentionList(states_of(first, today=today, weeks=weeks), getattr(tally, name), kind=kind)
    return Figures(tally=tally, weeks=weeks, **lists)


def figures_for(projects: ProjectQuerySet, *, today: datetime.date, weeks: int | None = None) -> Figures:
    """The figures of a group of projects (a queryset of Project), in five queries whatever its size;
    `weeks` defaults to settings.STATUS_REPORT_WEEKS."""
    return figures_from(tally_of(projects, today=today, weeks=weeks), projects, today=today, weeks=weeks)


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
    upcoming: Rows[Milestone]  # not reached, from today, within the horizon or at least the next few
    overdue: Rows[Milestone]  # not reached, dated before today; the longest overdue first
    until: datetime.date
    months: int
    at_least: int
    ahead: int = 0  # how many are not reached from today on, within the horizon or beyond

    @property
    def more_ahead(self) -> bool:
        """Some milestone ahead is not listed: the horizon ends before it, or the list's rows do."""
        return self.ahead > len(self.upcoming.first)


def milestone_outlook(
    milestones: QuerySet[Milestone],
    *,
    today: datetime.date,
    months: int | None = None,
    at_least: int = AT_LEAST_UPCOMING,
) -> MilestoneOutlook:
    """The milestones not reached: those due from today up to `months` months ahead (or the next
    `at_least` of them where fewer fall within), and those whose date has passed; the first LIST_ROWS of each
    with their count, in three queries however many there are."""
    months = horizon_months() if months is None else months
    until = add_months(today, months)
    open_ones = milestones.filter(reached=False).order_by("date", "pk")
    counts = open_ones.aggregate(
        overdue=Count("pk", filter=Q(date__lt=today)),
        within=Count("pk", filter=Q(date__gte=today, date__lte=until)),
        ahead=Count("pk", filter=Q(date__gte=today)),
    )
    ahead = open_ones.filter(date__gte=today)
    if counts["within"] >= at_least:
        upcoming = Rows(list(ahead.filter(date__lte=until)[:LIST_ROWS]), counts["within"])
    else:
        upcoming = Rows(list(ahead[:at_least]), min(at_least, counts["ahead"]))
    return MilestoneOutlook(
        upcoming=upcoming,
        overdue=Rows(list(open_ones.filter(date__lt=today)[:LIST_ROWS]), counts["overdue"]),
        until=until,
        months=months,
        at_least=at_least,
        ahead=counts["ahead"],
    )


@dataclass(frozen=True)
class Schedule:
    """The projects starting and ending from today up to `until`, by date, each list's first LIST_ROWS."""

    starting: Rows[Project]
    ending: Rows[Project]  # annotated with `phase`
    until: datetime.date
    months: int

    @property
    def ending_rows(self) -> list[tuple[Project, str]]:
        """Each project ending soon with the name of its phase."""
        return [(p, str(Project.Phase(p.phase).label)) for p in self.ending.first]


def schedule_for(projects: ProjectQuerySet, *, today: datetime.date, months: int | None = None) -> Schedule:
    """What starts and ends soon among `projects`, in three queries however many there are."""
    months = horizon_months() if months is None else months
    until = add_months(today, months)
    projects = projects.select_related("area").order_by()
    starting = projects.filter(start_date__gte=today, start_date__lte=until)
    # A project that is over is no news.
    ending = projects.filter(end_date__gte=today, end_date__lte=until).exclude(
        status__in=[Project.Status.DONE, Project.Status.CANCELLED]
    )
    counts = projects.aggregate(
        starting=Count("pk", filter=Q(start_date__gte=today, start_date__lte=until)),
        ending=Count(
            "pk",
            filter=Q(end_date__gte=today, end_date__lte=until)
            & ~Q(status__in=[Project.Status.DONE, Project.Status.CANCELLED]),
        ),
    )
    return Schedule(
        starting=Rows(
            list(starting.order_by("start_date", "area__position", "number")[:LIST_ROWS]), counts["starting"]
        ),
        ending=Rows(
            list(ending.with_phase(today=today).order_by("end_date", "area__position", "number")[:LIST_ROWS]),
            counts["ending"],
        ),
        until=until,
        months=months,
    )
