"""The plan as one JSON document, and back: how a version holds the plan it froze.

Why a snapshot and not django-simple-history's `as_of`: reading a version must be fast and exact. A
snapshot is one row read in one query whatever the plan's size, and it holds exactly what was published;
`as_of` rebuilds every model's state from its history tables (a query per model and per relation, growing
with the history), and it changes whenever the history does (a history record pruned, reverted or
corrected in the admin changes the past). The snapshot keeps what the documents show: areas with their
sections, lines/themes, responsibilities and milestones; projects with their dates, hours, texts,
responsibilities, relations, financing and milestones; the names of the parties they name.

`SCHEMA` is the document's version: a reader of an older schema is kept beside the new one, never dropped.
Dates are ISO strings, amounts decimal strings, so the document reads the same on SQLite and PostgreSQL.

Reading a snapshot back gives unsaved model instances (never saved: `PlanVersion` guards the data, and the
instances carry their relations in Django's prefetch caches), so the plan's own templates, timeline and
sheets read a version exactly as they read today's plan.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch

from areas.models import ActionPlan, AreaSection, FocusArea, Grouping
from parties.models import Party
from projects.models import FinancingItem, Milestone, Project, Relation, Responsibility
from projects.plan import AreaPart, PlanContents
from projects.timeline import build_masterplan

SCHEMA = 1

PLAN_FIELDS = ("slug", "title", "between", "subtitle", "year", "masterplan_title", "masterplan_version")
AREA_FIELDS = ("position", "slug", "name", "name_in_table", "last_updated", "last_updated_wording")
SECTION_FIELDS = ("kind", "note", "body")
GROUPING_FIELDS = ("kind", "position", "name", "description")
PROJECT_FIELDS = (
    "number", "label", "title", "description", "responsibility_text", "relations_text", "financing_text",
    "timeline_text", "start_date", "start_wording", "start_assumed", "end_date", "end_wording", "end_assumed",
    "hour_budget", "status", "progress",
)  # fmt: skip
RESPONSIBILITY_FIELDS = ("role", "wording", "concerning")
RELATION_FIELDS = ("kind", "text")
FINANCING_FIELDS = ("kind", "amount", "is_estimate", "description")
MILESTONE_FIELDS = ("date", "date_wording", "date_assumed", "title", "description", "reached")

DATE_FIELDS = {"last_updated", "start_date", "end_date", "date"}


def _value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _fields(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {"id": obj.pk, **{name: _value(getattr(obj, name)) for name in names}}


def _responsibility(r: Responsibility) -> dict[str, Any]:
    return {**_fields(r, RESPONSIBILITY_FIELDS), "party": r.party_id}


def _milestone(m: Milestone) -> dict[str, Any]:
    return _fields(m, MILESTONE_FIELDS)


def build_snapshot(plan: ActionPlan) -> dict[str, Any]:
    """The plan as it stands, in SCHEMA; a fixed number of queries whatever the plan's size."""
    areas = list(FocusArea.objects.with_plan_details().filter(plan=plan))
    projects = list(
        Project.objects.filter(area__plan=plan)
        .prefetch_related(
            "milestones",
            "financing_items__payer",
            Prefetch("responsibilities", queryset=Responsibility.objects.select_related("party")),
            "relations_out",  # its targets are named by id; the snapshot has them all
        )
        .order_by("area__position", "number")
    )
    parties: dict[int, str] = {}

    def named(responsibilities: Any) -> list[dict[str, Any]]:
        out = []
        for r in responsibilities:
            parties[r.party_id] = r.party.name
            out.append(_responsibility(r))
        return out

    snapshot_areas = []
    for area in areas:
        snapshot_areas.append(
            {
                **_fields(area, AREA_FIELDS),
                "sections": [_fields(s, SECTION_FIELDS) for s in area.sections.all()],
                "groupings": [
                    {**_fields(g, GROUPING_FIELDS), "responsibilities": named(g.responsibilities.all())}
                    for g in sorted(area.groupings.all(), key=lambda g: g.position)
                ],
                "responsibilities": named(area.responsibilities.all()),
                "milestones": [_milestone(m) for m in area.milestones.all()],
            }
        )
    snapshot_projects = []
    for project in projects:
        financing = []
        for item in project.financing_items.all():
            if item.payer_id is not None:
                parties[item.payer_id] = item.payer.name
            financing.append({**_fields(item, FINANCING_FIELDS), "payer": item.payer_id})
        snapshot_projects.append(
            {
                **_fields(project, PROJECT_FIELDS),
                "area": project.area_id,
                "grouping": project.grouping_id,
                "responsibilities": named(project.responsibilities.all()),
                "relations": [
                    {**_fields(r, RELATION_FIELDS), "to_project": r.to_project_id, "to_area": r.to_area_id}
                    for r in project.relations_out.all()
                ],
                "financing": financing,
                "milestones": [_milestone(m) for m in project.milestones.all()],
            }
        )
    return {
        "schema": SCHEMA,
        "plan": _fields(plan, PLAN_FIELDS),
        "parties": {str(pk): name for pk, name in sorted(parties.items())},
        "areas": snapshot_areas,
        "projects": snapshot_projects,
    }


def snapshot_digest(snapshot: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(snapshot, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


# Reading a snapshot back.


def _attrs(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    out = {"pk": data["id"]}
    for name in names:
        value = data.get(name)
        if name in DATE_FIELDS and value:
            value = datetime.date.fromisoformat(value)
        elif name == "amount" and value is not None:
            value = Decimal(value)
        out[name] = value
    return out


def _frozen(instance: Any) -> Any:
    # Never saved: treated as read from a database, so nothing takes it for a new object to insert.
    instance._state.adding = False
    instance._prefetched_objects_cache = {}
    return instance


def _prefetched(instance: Any, name: str, objects: list[Any]) -> None:
    instance._prefetched_objects_cache[name] = objects


@dataclass
class VersionContents(PlanContents):
    """A version's plan, shaped as `projects.plan.read_plan` shapes today's, plus its projects by id."""

    projects: list[Project] = field(default_factory=list)

    @property
    def hour_budget(self) -> int:
        return sum(p.hour_budget or 0 for p in self.projects)


def read_snapshot(snapshot: dict[str, Any], *, today: datetime.date | None = None) -> VersionContents:
    """The plan a snapshot holds as unsaved model instances with their relations in place. No queries.

    `today` draws the chart's today line; a version's documents pass None, so a version looks the same
    whenever it is read."""
    if snapshot.get("schema") != SCHEMA:
        raise ValueError(f"Unknown snapshot schema {snapshot.get('schema')!r}.")
    plan = _frozen(ActionPlan(**_attrs(snapshot["plan"], PLAN_FIELDS)))
    parties = {int(pk): _frozen(Party(pk=int(pk), name=name)) for pk, name in snapshot["parties"].items()}

    def responsibilities(rows: list[dict[str, Any]], **scope: Any) -> list[Responsibility]:
        out = []
        for row in rows:
            r = _frozen(Responsibility(**_attrs(row, RESPONSIBILITY_FIELDS), **scope))
            r.party = parties[row["party"]]
            out.append(r)
        return out

    areas, groupings = [], {}
    for row in snapshot["areas"]:
        area = _frozen(FocusArea(**_attrs(row, AREA_FIELDS)))
        area.plan = plan
        _prefetched(
            area, "sections", [_frozen(AreaSection(area=area, **_attrs(s, SECTION_FIELDS))) for s in row["sections"]]
        )
        area_groupings = []
        for g in row["groupings"]:
            grouping = _frozen(Grouping(area=area, **_attrs(g, GROUPING_FIELDS)))
            _prefetched(grouping, "responsibilities", responsibilities(g["responsibilities"], grouping=grouping))
            groupings[grouping.pk] = grouping
            area_groupings.append(grouping)
        _prefetched(area, "groupings", area_groupings)
        _prefetched(area, "responsibilities", responsibilities(row["responsibilities"], area=area))
        _prefetched(
            area,
            "milestones",
            [_frozen(Milestone(area=area, **_attrs(m, MILESTONE_FIELDS))) for m in row["milestones"]],
        )
        areas.append(area)
    areas_by_id = {a.pk: a for a in areas}

    projects = []
    for row in snapshot["projects"]:
        project = _frozen(Project(**_attrs(row, PROJECT_FIELDS)))
        project.area = areas_by_id[row["area"]]
        project.grouping = groupings.get(row["grouping"]) if row["grouping"] else None
        _prefetched(project, "responsibilities", responsibilities(row["responsibilities"], project=project))
        financing = []
        for f in row["financing"]:
            item = _frozen(FinancingItem(project=project, **_attrs(f, FINANCING_FIELDS)))
            item.payer = parties.get(f["payer"]) if f["payer"] else None
            financing.append(item)
        _prefetched(project, "financing_items", financing)
        _prefetched(
            project,
            "milestones",
            [_frozen(Milestone(project=project, **_attrs(m, MILESTONE_FIELDS))) for m in row["milestones"]],
        )
        _prefetched(project, "relations_in", [])
        projects.append(project)
    by_id = {p.pk: p for p in projects}
    for row, project in zip(snapshot["projects"], projects, strict=True):
        relations = []
        for r in row["relations"]:
            relation = _frozen(Relation(from_project=project, **_attrs(r, RELATION_FIELDS)))
            # A relation to a project the version does not hold cannot happen: relations cascade with projects.
            relation.to_project = by_id.get(r["to_project"]) if r["to_project"] else None
            relation.to_area = areas_by_id.get(r["to_area"]) if r["to_area"] else None
            relations.append(relation)
            if relation.to_project is not None:
                relation.to_project._prefetched_objects_cache["relations_in"].append(relation)
        _prefetched(project, "relations_out", relations)

    chart_day = today or datetime.date.min
    parts = []
    for area in areas:
        own = [p for p in projects if p.area_id == area.pk]
        parts.append(AreaPart(area, own, build_masterplan([area], own, today=chart_day)))
    return VersionContents(plan, areas, build_masterplan(areas, projects, today=chart_day), parts, projects)


def project_rows(snapshot: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {row["id"]: row for row in snapshot["projects"]}
