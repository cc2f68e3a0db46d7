"""Reading the whole action plan at once, for the masterplan page and the PDFs, in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Subquery

from areas.models import ActionPlan, AreaSection, FocusArea, Grouping
from parties.models import Party

from .models import FinancingItem, Milestone, Project, Relation, Responsibility
from .seed import SEED_CHANGE_REASON
from .timeline import Baseline, Masterplan, build_masterplan

# Everything a plan document shows; a change to any of them makes the documents stale.
PLAN_MODELS = (
    ActionPlan,
    FocusArea,
    AreaSection,
    Grouping,
    Project,
    Responsibility,
    Relation,
    FinancingItem,
    Milestone,
    Party,
)


@dataclass(frozen=True)
class SectionPart:
    """A section of the area's table with the projects' own texts that continue it (their descriptions under
    Indhold, their responsibilities under Ansvarsfordeling …), each project that has one."""

    section: AreaSection
    texts: list[tuple[Project, str]]

    @property
    def is_content(self) -> bool:
        """Under Indhold each project's description follows under its full name; elsewhere a line each."""
        return self.section.kind == AreaSection.Kind.CONTENT


@dataclass
class AreaPart:
    """One focus area with its projects in the plan's order and its own Tidsplan."""

    area: FocusArea
    projects: list[Project]
    chart: Masterplan

    @property
    def sections(self) -> list[SectionPart]:
        parts = []
        for section in self.area.sections.all():
            name = AreaSection.PROJECT_TEXTS.get(section.kind)
            texts = [(p, getattr(p, name)) for p in self.projects if getattr(p, name)] if name else []
            parts.append(SectionPart(section, texts))
        return parts


@dataclass
class PlanContents:
    plan: ActionPlan
    areas: list[FocusArea]
    masterplan: Masterplan
    parts: list[AreaPart]


def read_plan(
    plan: ActionPlan,
    *,
    today: datetime.date,
    area: FocusArea | None = None,
    baselines: Mapping[int, Baseline] | None = None,
) -> PlanContents:
    """The plan (or one focus area of it) with its projects laid out on the masterplan; `baselines` (by
    project id, from an approved version: see baseline_for) are drawn under the bars of projects that moved."""
    areas = FocusArea.objects.with_plan_details().filter(plan=plan)
    projects = Project.objects.with_plan_details().filter(area__plan=plan)
    if area is not None:
        areas = areas.filter(pk=area.pk)
        projects = projects.filter(area=area)
    areas_list, projects_list = list(areas), list(projects)
    if baselines:
        # Drawn only where the project moved since: a baseline the same as the bar tells nothing and doubles the ink.
        baselines = {p.pk: baselines[p.pk] for p in projects_list if p.pk in baselines and differs(p, baselines[p.pk])}
    parts = []
    for each in areas_list:
        own = [p for p in projects_list if p.area_id == each.pk]
        parts.append(AreaPart(each, own, build_masterplan([each], own, today=today, baselines=baselines)))
    masterplan = build_masterplan(areas_list, projects_list, today=today, baselines=baselines)
    return PlanContents(plan, areas_list, masterplan, parts)


# How the charts find their baseline, an approved version of the plan: the versions app registers it when it
# loads (projects may not import versions). Without it the charts draw no baseline.
BaselineSource = Callable[[ActionPlan, "str | None"], Any]
_baseline_sources: list[BaselineSource] = []


def register_baseline_source(source: BaselineSource) -> None:
    _baseline_sources[:] = [source]


def baseline_for(plan: ActionPlan, name: str | None) -> Any:
    """The baseline the plan's charts draw: the version `name` (?baseline=1.3) or else the latest approved, as
    versions.baseline.BaselineChoice (its `baselines` go to read_plan); None where no app provides one."""
    return _baseline_sources[0](plan, name or None) if _baseline_sources else None


def differs(project: Project, baseline: Baseline) -> bool:
    """Whether the project's period or milestones are no longer what the baseline had."""
    milestones = sorted((m.date, m.title) for m in project.milestones.all())
    return (project.start_date, project.end_date, milestones) != (
        baseline.start_date,
        baseline.end_date,
        sorted(baseline.milestones),
    )


def plan_last_changed(plan: ActionPlan, *, since_seed: bool = False) -> datetime.datetime | None:
    """When anything in the plan last changed, from the history every edit, import and delete leaves;
    with `since_seed`, only changes made after the seed content was loaded count. One query: the newest
    history date of each plan model as a subquery, so the documents page can afford it."""
    newest = {}
    for model in PLAN_MODELS:
        records = model.history.all()
        if since_seed:
            records = records.exclude(history_change_reason=SEED_CHANGE_REASON)
        newest[f"newest_{model._meta.model_name}"] = Subquery(
            records.order_by("-history_date").values("history_date")[:1]
        )
    row = ActionPlan.objects.filter(pk=plan.pk).values(**newest).first() or {}
    known = [stamp for stamp in row.values() if isinstance(stamp, datetime.datetime)]
    return max(known) if known else None
