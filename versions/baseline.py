"""The baseline: an approved version's periods and milestones beside today's plan, and how far each
project has slipped since, in months.

The Gantt draws the baseline under each current bar; the dashboard lists the projects that slipped
most, the months per focus area and the milestones moved later; a project's page lists the versions
it has been in. Every function here reads its version once (one query) and nothing per project.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from areas.models import ActionPlan
from projects.models import Milestone, Project
from projects.timeline import Baseline as ChartBaseline
from projects.timeline import Month, last_month

from .compare import months_text
from .models import PlanVersion, VersionProject


def chosen_baseline(plan: ActionPlan, name: str | None = None) -> PlanVersion | None:
    """The version named (`?baseline=1.3`), or else the latest approved; None when there is none. One query."""
    versions = PlanVersion.objects.filter(plan=plan)
    if name:
        return versions.filter(name=name).first()
    return versions.latest_approved()


@dataclass
class BaselineChoice:
    """The baseline a chart draws (`version`, None where there is none) and what the chooser offers."""

    version: PlanVersion | None
    versions: list[PlanVersion]
    asked_for: str | None
    baselines: dict[int, ChartBaseline]

    @property
    def name(self) -> str:
        return self.version.name if self.version is not None else ""

    @property
    def unknown(self) -> bool:
        return bool(self.asked_for) and self.version is None


def baseline_choice(plan: ActionPlan, asked_for: str | None) -> BaselineChoice:
    """The baseline `?baseline=1.3` names, or else the latest approved version, with every version to choose
    from. Two queries: the list (without the snapshots) and the chosen one's snapshot."""
    versions = list(PlanVersion.objects.filter(plan=plan).without_snapshot())
    if asked_for:
        chosen = next((v for v in versions if v.name == asked_for), None)
    else:
        chosen = versions[0] if versions else None  # the model's ordering: the latest approved first
    version = PlanVersion.objects.get(pk=chosen.pk) if chosen is not None else None
    return BaselineChoice(version, versions, asked_for or None, chart_baselines(version))


def chart_baselines(version: PlanVersion | None) -> dict[int, ChartBaseline]:
    """Every project's baseline in the version, shaped as the Gantt draws it (projects.timeline.Baseline),
    by project id. No queries: the version's snapshot holds them all."""
    if version is None:
        return {}
    return {
        row["id"]: ChartBaseline(
            _date(row["start_date"]),
            _date(row["end_date"]),
            tuple((datetime.date.fromisoformat(m["date"]), m["title"]) for m in row["milestones"]),
        )
        for row in version.snapshot["projects"]
    }


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def month_span_text(start: datetime.date | None, end: datetime.date | None) -> str:
    """«april–september 2011», «april 2011–marts 2013», «fra april 2011»: a period in whole months."""
    if start is None:
        return ""
    first = Month.of(start)
    if end is None:
        return _("from %(start)s") % {"start": date_format(first.first_day, "YEAR_MONTH_FORMAT")}
    last = max(last_month(end), first)
    if first == last:
        return date_format(first.first_day, "YEAR_MONTH_FORMAT")
    if first.year == last.year:
        return f"{date_format(first.first_day, 'F')}–{date_format(last.first_day, 'YEAR_MONTH_FORMAT')}"
    return f"{date_format(first.first_day, 'YEAR_MONTH_FORMAT')}–{date_format(last.first_day, 'YEAR_MONTH_FORMAT')}"


@dataclass(frozen=True)
class BaselineMilestone:
    pk: int
    date: datetime.date
    title: str
    months: int | None  # how far today's plan moved it; None where today's plan no longer has it


@dataclass(frozen=True)
class Baseline:
    """One project as the baseline version had it, and its slippage since: the end moved, in months."""

    version_name: str
    start: datetime.date | None
    end: datetime.date | None
    current_start: datetime.date | None
    current_end: datetime.date | None
    milestones: tuple[BaselineMilestone, ...] = field(default=())

    @property
    def slip(self) -> int | None:
        """Months the end moved (later positive); None where either side has no end."""
        if self.end is None or self.current_end is None:
            return None
        return last_month(self.current_end).index - last_month(self.end).index

    @property
    def start_moved(self) -> int | None:
        if self.start is None or self.current_start is None:
            return None
        return Month.of(self.current_start).index - Month.of(self.start).index

    @property
    def slip_text(self) -> str:
        """«+3 mdr.» beside the row; empty where the end did not move."""
        return months_text(self.slip) if self.slip else ""

    @property
    def changed(self) -> bool:
        return bool(self.slip or self.start_moved) or (self.end is None) != (self.current_end is None)

    @property
    def planned_text(self) -> str:
        return month_span_text(self.start, self.end)

    @property
    def now_text(self) -> str:
        return month_span_text(self.current_start, self.current_end)

    @property
    def sentence(self) -> str:
        """What a screen reader hears: «planlagt april–september 2011, nu april–december 2011, 3 måneder senere»."""
        planned = month_span_text(self.start, self.end) or _("no period")
        now = month_span_text(self.current_start, self.current_end) or _("no period")
        text = _("planned %(planned)s, now %(now)s") % {"planned": planned, "now": now}
        slip = self.slip
        if slip:
            if slip > 0:
                moved = ngettext("%(count)s month later", "%(count)s months later", slip) % {"count": slip}
            else:
                moved = ngettext("%(count)s month earlier", "%(count)s months earlier", -slip) % {"count": -slip}
            text = f"{text}, {moved}"
        elif not self.changed:
            text = _("as planned in ver. %(name)s: %(period)s") % {"name": self.version_name, "period": planned}
        return text


def _baseline(version_name: str, row: dict[str, Any], project: Project) -> Baseline:
    current = {m.pk: m for m in project.milestones.all()}
    milestones = []
    for m in row["milestones"]:
        date = datetime.date.fromisoformat(m["date"])
        now = current.get(m["id"])
        moved = Month.of(now.date).index - Month.of(date).index if now is not None else None
        milestones.append(BaselineMilestone(m["id"], date, m["title"], moved))
    return Baseline(
        version_name,
        _date(row["start_date"]),
        _date(row["end_date"]),
        project.start_date,
        project.end_date,
        tuple(milestones),
    )


def baselines(version: PlanVersion, projects: Iterable[Project]) -> dict[int, Baseline]:
    """Each project's baseline by its id, for the projects the version holds (a project added since has
    none). `projects` come with their milestones prefetched; no queries beyond the version's own row."""
    rows = {row["id"]: row for row in version.snapshot["projects"]}
    return {p.pk: _baseline(version.name, rows[p.pk], p) for p in projects if p.pk in rows}


@dataclass(frozen=True)
class SlippedProject:
    project: Project
    baseline: Baseline


@dataclass(frozen=True)
class AreaSlippage:
    name: str
    months: int
    projects: int


@dataclass(frozen=True)
class MovedMilestone:
    project: Project
    milestone: Milestone
    baseline: BaselineMilestone

    @property
    def moved_text(self) -> str:
        return months_text(self.baseline.months or 0)


@dataclass
class Slippage:
    """The dashboard's slippage panel: against which version, who slipped most, months per area, milestones
    moved later."""

    version: PlanVersion | None
    slipped: list[SlippedProject]
    areas: list[AreaSlippage]
    milestones: list[MovedMilestone]


def slippage(
    plan: ActionPlan, *, version: PlanVersion | None, projects: Sequence[Project], limit: int = 10
) -> Slippage:
    """Slippage of today's `projects` (milestones and area prefetched/selected) against `version`."""
    if version is None:
        return Slippage(None, [], [], [])
    by_project = baselines(version, projects)
    slipped = sorted(
        (
            SlippedProject(p, by_project[p.pk])
            for p in projects
            if p.pk in by_project and (by_project[p.pk].slip or 0) > 0
        ),
        key=lambda s: (-(s.baseline.slip or 0), s.project.area.position, s.project.number),
    )
    totals: dict[int, list[Any]] = {}
    for s in slipped:
        entry = totals.setdefault(s.project.area.pk, [s.project.area, 0, 0])
        entry[1] += s.baseline.slip or 0
        entry[2] += 1
    areas = [
        AreaSlippage(area.name, months, count)
        for area, months, count in sorted(totals.values(), key=lambda e: e[0].position)
    ]
    moved = []
    for p in projects:
        baseline = by_project.get(p.pk)
        if baseline is None:
            continue
        current = {m.pk: m for m in p.milestones.all()}
        moved += [MovedMilestone(p, current[bm.pk], bm) for bm in baseline.milestones if (bm.months or 0) > 0]
    moved.sort(key=lambda m: (-(m.baseline.months or 0), m.milestone.date))
    return Slippage(version, slipped[:limit], areas, moved[:limit])


def project_versions(project: Project) -> QuerySet[VersionProject]:
    """The versions a project has been in, newest first, with the period each gave it. One query."""
    return (
        VersionProject.objects.filter(project_id=project.pk)
        .select_related("version")
        .defer("version__snapshot")
        .order_by("-version__approved_on", "-version__published_at")
    )
