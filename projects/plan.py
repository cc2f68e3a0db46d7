"""Reading the whole action plan at once, for the masterplan page and the PDFs, in a fixed number of queries."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Max, Subquery, Sum, Value

from areas.models import ActionPlan, AreaSection, FocusArea, Grouping
from parties.models import Party

from .models import FinancingItem, Milestone, Project, Relation, Responsibility
from .seed import SEED_CHANGE_REASON
from .timeline import Masterplan, build_masterplan

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


def read_plan(plan: ActionPlan, *, today: datetime.date, area: FocusArea | None = None) -> PlanContents:
    """The plan (or one focus area of it) with its projects laid out on the masterplan."""
    areas = FocusArea.objects.with_plan_details().filter(plan=plan)
    projects = Project.objects.with_plan_details().filter(area__plan=plan)
    if area is not None:
        areas = areas.filter(pk=area.pk)
        projects = projects.filter(area=area)
    areas_list, projects_list = list(areas), list(projects)
    parts = []
    for each in areas_list:
        own = [p for p in projects_list if p.area_id == each.pk]
        parts.append(AreaPart(each, own, build_masterplan([each], own, today=today)))
    return PlanContents(plan, areas_list, build_masterplan(areas_list, projects_list, today=today), parts)


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

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def masterplan_page(
    plan: ActionPlan, *, today: datetime.date, area: FocusArea | None = None, number: int = 1
) -> MasterplanPage:
    """One page of the masterplan (the whole plan or one area): only what the chart draws, in five queries."""
    projects = (
        Project.objects.filter(area__plan=plan)
        .select_related("area", "grouping")
        .prefetch_related("milestones")
        .order_by("area__position", F("grouping__position").asc(nulls_first=True), "number")
    )
    areas = plan.areas.prefetch_related("milestones").order_by("position")
    if area is not None:
        projects, areas = projects.filter(area=area), areas.filter(pk=area.pk)
    start = (number - 1) * MASTERPLAN_PAGE_PROJECTS
    shown = list(projects[start : start + MASTERPLAN_PAGE_PROJECTS + 1])
    has_next = len(shown) > MASTERPLAN_PAGE_PROJECTS
    shown = shown[:MASTERPLAN_PAGE_PROJECTS]
    totals = projects.order_by().aggregate(hours=Sum("hour_budget"), areas=Count("area", distinct=True))
    on_page = {p.area_id for p in shown}
    area_list = [a for a in areas if a.pk in on_page or (number == 1 and not shown)]
    return MasterplanPage(
        chart=build_masterplan(area_list, shown, today=today),
        number=number,
        has_next=has_next,
        hour_budget=totals["hours"] or 0,
        area_count=totals["areas"] or len(area_list),
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
