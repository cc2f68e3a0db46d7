"""Reading the whole action plan at once, for the masterplan page and the PDFs, in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Subquery

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
