"""Reading the whole action plan at once, for the masterplan page and the PDFs, in a fixed number of queries."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Max, Q, Subquery, Sum, Value

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


def differs(project: Project, baseline: Baseline, milestones: Iterable[Milestone] | None = None) -> bool:
    """Whether the project's period or milestones are no longer what the baseline had; `milestones` are the
    project's where the caller has read them already."""
    marks = sorted((m.date, m.title) for m in (project.milestones.all() if milestones is None else milestones))
    return (project.start_date, project.end_date, marks) != (
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


# The masterplan page shows the plan in pages of this many projects, so no page sends megabytes (about
# 0.8 kB of drawing per project); an area is one click away in the tabs above the chart.
MASTERPLAN_PAGE_PROJECTS = 250


@dataclass
class MasterplanPage:
    chart: Masterplan
    number: int
    has_next: bool
    hour_budget: int
    area_count: int
    areas: list[FocusArea]  # every focus area of the plan, in order: the page's tabs

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def masterplan_page(
    plan: ActionPlan,
    *,
    today: datetime.date,
    area: FocusArea | None = None,
    number: int = 1,
    baselines: Mapping[int, Baseline] | None = None,
) -> MasterplanPage:
    """One page of the masterplan (the whole plan or one area): only what the chart draws, in three queries
    (the focus areas with their totals, the projects, the milestones of both); `baselines` (see baseline_for)
    are drawn under the bars of the projects that moved."""
    projects = (
        Project.objects.filter(area__plan=plan)
        .select_related("grouping")  # the area is one of the areas read below
        .order_by("area__position", F("grouping__position").asc(nulls_first=True), "number")
    )
    # Every area of the plan (the page's tabs), each with its projects' hours and whether it has any: the
    # totals over all pages come with the areas rather than in a query of their own.
    all_areas: list[Any] = list(  # FocusAreas, annotated
        plan.areas.order_by("position").annotate(budget=Sum("projects__hour_budget"), project_count=Count("projects"))
    )
    areas = all_areas
    if area is not None:
        projects, areas = projects.filter(area=area), [a for a in all_areas if a.pk == area.pk]
    hours = sum(a.budget or 0 for a in areas)
    area_count = sum(1 for a in areas if a.project_count)
    start = (number - 1) * MASTERPLAN_PAGE_PROJECTS
    shown = list(projects[start : start + MASTERPLAN_PAGE_PROJECTS + 1])
    has_next = len(shown) > MASTERPLAN_PAGE_PROJECTS
    shown = shown[:MASTERPLAN_PAGE_PROJECTS]
    area_of = {a.pk: a for a in all_areas}
    for project in shown:
        project.area = area_of[project.area_id]
    on_page = {p.area_id for p in shown}
    area_list = [a for a in areas if a.pk in on_page or (number == 1 and not shown)]
    # The milestones of the projects and of the areas in one query, rather than a prefetch for each.
    project_milestones: dict[int, list[Milestone]] = {p.pk: [] for p in shown}
    area_milestones: dict[int, list[Milestone]] = {a.pk: [] for a in area_list}
    if shown or area_list:
        for milestone in Milestone.objects.filter(
            Q(project__in=list(project_milestones)) | Q(area__in=list(area_milestones))
        ):
            if milestone.project_id is not None:
                project_milestones[milestone.project_id].append(milestone)
            elif milestone.area_id is not None:
                area_milestones[milestone.area_id].append(milestone)
    if baselines:
        baselines = {
            p.pk: baselines[p.pk]
            for p in shown
            if p.pk in baselines and differs(p, baselines[p.pk], project_milestones[p.pk])
        }
    chart = build_masterplan(
        area_list,
        shown,
        today=today,
        baselines=baselines,
        project_milestones=project_milestones,
        area_milestones=area_milestones,
    )
    return MasterplanPage(
        chart=chart,
        number=number,
        has_next=has_next,
        hour_budget=hours,
        area_count=area_count or len(area_list),
        areas=all_areas,
    )


def plan_revision(plan: ActionPlan) -> str:
    """A stamp every write to the plan moves, for the PDF cache's key; one query.

    History alone is not enough: `bulk_create` (the demo generator) writes none. So each plan table adds
    its row count and highest id (moved by any insert or delete, bulk or not) and the sum of its rows'
    versions (moved by every save: `Versioned` bumps it in SQL; a bulk update must bump `version` too),
    and the newest history record (id and date) covers what the rest might not."""
    stamps: dict[str, Any] = {}
    for model in PLAN_MODELS:
        name = model._meta.model_name
        rows = model._base_manager.order_by().annotate(one=Value(1)).values("one")
        stamps[f"{name}_rows"] = Subquery(rows.annotate(n=Count("pk")).values("n")[:1])
        stamps[f"{name}_max"] = Subquery(rows.annotate(n=Max("pk")).values("n")[:1])
        if any(f.name == "version" for f in model._meta.get_fields()):
            stamps[f"{name}_versions"] = Subquery(rows.annotate(n=Sum("version")).values("n")[:1])
        newest = model.history.order_by("-history_id")
        stamps[f"{name}_history"] = Subquery(newest.values("history_id")[:1])
        # Its date too: ids are handed out again after a rollback, dates are not.
        stamps[f"{name}_history_date"] = Subquery(newest.values("history_date")[:1])
    row = ActionPlan.objects.filter(pk=plan.pk).values(**stamps).first() or {}
    return hashlib.sha256(repr(sorted(row.items())).encode()).hexdigest()[:20]
