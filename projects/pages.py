"""What a project's page shows, read in a fixed number of queries however large the plan (`project_page`).

Everything the template would otherwise work out is worked out here once: which rows of the responsibilities
are inherited and for what, each milestone's state, each relation's other end with its link (or none for a
contact person without a role, who may not open the other pages), and what the reader may do.

The plan content of the page (facts, time plan, responsibilities, relations, financing: `PlanPart`) is the
same for every reader who may follow the same links, on the same day, in the same language. The template
caches its rendering under `ProjectPage.cache_key` (`projects.page_stamp`, which every write to what it shows
moves), and `ProjectPage.plan` reads it only when that rendering is missing. What names people (contact
persons, the last change, hours and reports) or depends on the reader (the actions, meetings) is read for
every request: user accounts keep no history to stamp.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from areas.models import FocusArea, Grouping
from byaftale.access import CHANGE_PROJECT, VIEW_PLAN, VIEW_PROGRESS
from byaftale.errors import RoleRequired

from .budget import HourTally, tally
from .changes import Change, last_change_for_project
from .models import FinancingItem, HourRegistration, Milestone, Project, Relation, Responsibility, StatusReport
from .page_stamp import page_stamp
from .phase import phase_of, status_mismatch
from .reporting import (
    can_register_hours,
    can_report_status,
    is_contact_person,
    needs_report,
    report_interval_weeks,
)
from .timeline import ProjectTimeline, project_timeline

Reader = User | AnonymousUser

LATEST_HOURS = 10
LATEST_REPORTS = 5
# The cached page parts are keyed on the day too (a milestone's state, today's line); a day is their longest life.
PLAN_PART_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Link:
    """A name, with the address of its page where the reader may open it."""

    text: str
    url: str | None = None


@dataclass(frozen=True)
class MilestoneRow:
    milestone: Milestone
    state: str  # "reached", "overdue" or "ahead"


@dataclass(frozen=True)
class ResponsibilityRow:
    party: Link
    role: str
    stated_for: str  # "this project", "the whole theme En by i byen", …
    wording: str
    inherited: bool  # stated for the project's line, theme or area, not for the project itself


@dataclass(frozen=True)
class RelationRow:
    label: str  # "supports", or read from the other end: "is supported by"
    other: Link
    text: str


@dataclass(frozen=True)
class FinancingRow:
    item: FinancingItem
    payer: Link | None  # None where the source names no payer


@dataclass(frozen=True)
class Progress:
    """What those who follow progress see: the hours against the budget and the latest reports."""

    hours: HourTally
    over_budget: bool
    latest_hours: list[HourRegistration]
    latest_reports: list[StatusReport]
    needs_report: bool
    report_weeks: int


@dataclass(frozen=True)
class PlanPart:
    """The plan content of the page, the same for every reader with the same links and rights."""

    phase_name: str
    status_mismatch: list[str]
    timeline: ProjectTimeline | None
    milestones: list[MilestoneRow]
    area_milestones: list[MilestoneRow]
    responsibilities: list[ResponsibilityRow]
    relations: list[RelationRow]
    area_relations: list[RelationRow]
    financing: list[FinancingRow]


@dataclass
class ProjectPage:
    project: Project
    today: datetime.date
    contact_persons: list[str]
    change: Change | None
    area: Link
    may_report_status: bool
    may_register_hours: bool
    admin_url: str | None
    cache_key: str  # of the rendered plan content, for this reader's links and rights
    read_plan: Callable[[], PlanPart] = field(repr=False)
    progress: Progress | None = None  # None for a reader who does not follow progress
    cache_seconds: int = PLAN_PART_SECONDS

    @cached_property
    def plan(self) -> PlanPart:
        """Read only where the template's cached rendering of it is missing."""
        return self.read_plan()


def milestone_rows(milestones: list[Milestone], *, today: datetime.date) -> list[MilestoneRow]:
    def state(milestone: Milestone) -> str:
        if milestone.reached:
            return "reached"
        return "overdue" if milestone.date < today else "ahead"

    return [MilestoneRow(milestone, state(milestone)) for milestone in milestones]


def responsibility_row(
    responsibility: Responsibility, stated_for: str, *, inherited: bool, links: bool
) -> ResponsibilityRow:
    party = responsibility.party
    return ResponsibilityRow(
        party=Link(party.name, party.get_absolute_url() if links else None),
        role=str(responsibility.get_role_display()),
        stated_for=stated_for,
        wording=responsibility.wording,
        inherited=inherited,
    )


def grouping_responsibility_rows(
    grouping: Grouping, *, links: bool, responsibilities: list[Responsibility] | None = None
) -> list[ResponsibilityRow]:
    """The responsibilities stated for a whole line or theme (`responsibilities` where they are read already)."""
    if responsibilities is None:
        responsibilities = list(grouping.responsibilities.all())
    if grouping.kind == Grouping.Kind.LINE:
        stated = _("the whole strategic line %(name)s") % {"name": grouping.name}
    else:
        stated = _("the whole theme %(name)s") % {"name": grouping.name}
    return [responsibility_row(r, stated, inherited=True, links=links) for r in responsibilities]


def area_responsibility_rows(
    area: FocusArea, *, links: bool, responsibilities: list[Responsibility] | None = None
) -> list[ResponsibilityRow]:
    """The responsibilities stated for a whole focus area, or for a named part of it (`responsibilities` where
    they are read already)."""
    if responsibilities is None:
        responsibilities = list(area.responsibilities.all())
    rows = []
    for r in responsibilities:
        if r.concerning:
            stated = _("only %(part)s, in the focus area %(name)s") % {"part": r.concerning, "name": area.name}
        else:
            stated = _("the whole focus area %(name)s") % {"name": area.name}
        rows.append(responsibility_row(r, stated, inherited=True, links=links))
    return rows


def responsibility_rows(project: Project, *, links: bool) -> list[ResponsibilityRow]:
    """The project's own responsibilities, then those stated for its line or theme and for its area; one query."""
    stated = Q(project=project) | Q(area_id=project.area_id)
    if project.grouping_id is not None:
        stated |= Q(grouping_id=project.grouping_id)
    found = list(Responsibility.objects.filter(stated).select_related("party"))
    own = [responsibility_row(r, _("this project"), inherited=False, links=links) for r in found if r.project_id]
    grouping = (
        grouping_responsibility_rows(
            project.grouping, links=links, responsibilities=[r for r in found if r.grouping_id]
        )
        if project.grouping is not None
        else []
    )
    area = area_responsibility_rows(project.area, links=links, responsibilities=[r for r in found if r.area_id])
    return [*own, *grouping, *area]


def payer_link(item: FinancingItem, *, links: bool) -> Link | None:
    if item.payer is None:
        return None
    return Link(item.payer.name, item.payer.get_absolute_url() if links else None)


def project_link(project: Project, *, links: bool) -> Link:
    return Link(str(project), project.get_absolute_url() if links else None)


def relation_rows(project: Project, *, links: bool) -> tuple[list[RelationRow], list[RelationRow]]:
    """The project's relations read from both ends (those it states, then those stated towards it), and the
    projects related to its whole focus area; one query."""
    found = list(
        Relation.objects.filter(
            Q(from_project=project) | Q(to_project=project) | Q(to_area_id=project.area_id)
        ).select_related("from_project__area", "to_project__area", "to_area")
    )
    rows = []
    for relation in (r for r in found if r.from_project_id == project.pk):
        if relation.to_project is not None:
            other = project_link(relation.to_project, links=links)
        else:
            assert relation.to_area is not None  # a relation goes to exactly one project or area
            name = _("the whole focus area %(name)s") % {"name": relation.to_area.name}
            other = Link(name, relation.to_area.get_absolute_url() if links else None)
        rows.append(RelationRow(str(relation.get_kind_display()), other, relation.text))
    rows += [
        RelationRow(relation.inverse_label, project_link(relation.from_project, links=links), relation.text)
        for relation in found
        if relation.to_project_id == project.pk
    ]
    area_rows = [
        RelationRow(
            _("%(kind)s the whole focus area") % {"kind": relation.get_kind_display()},
            project_link(relation.from_project, links=links),
            relation.text,
        )
        for relation in found
        if relation.to_area_id == project.area_id
    ]
    return rows, area_rows


def progress_of(project: Project, *, today: datetime.date) -> Progress:
    return Progress(
        hours=tally([project]),
        over_budget=project.hour_budget is not None and project.hours_used > project.hour_budget,
        latest_hours=list(project.hour_registrations.select_related("registered_by")[:LATEST_HOURS]),
        latest_reports=list(project.status_reports.select_related("reported_by")[:LATEST_REPORTS]),
        needs_report=needs_report(project, today),
        report_weeks=report_interval_weeks(),
    )


def plan_part(project: Project, *, today: datetime.date, links: bool, shows_mismatch: bool) -> PlanPart:
    """The plan content of the page: four queries (milestones, responsibilities, relations, financing)."""
    milestones = list(Milestone.objects.filter(Q(project=project) | Q(area_id=project.area_id)))
    own = [m for m in milestones if m.project_id == project.pk]
    relations, area_relations = relation_rows(project, links=links)
    return PlanPart(
        phase_name=str(Project.Phase(phase_of(project, today=today)).label),
        status_mismatch=status_mismatch(project, today=today) if shows_mismatch else [],
        timeline=project_timeline(project, own, today),
        milestones=milestone_rows(own, today=today),
        area_milestones=milestone_rows([m for m in milestones if m.area_id is not None], today=today),
        responsibilities=responsibility_rows(project, links=links),
        relations=relations,
        area_relations=area_relations,
        financing=[
            FinancingRow(item, payer_link(item, links=links))
            for item in project.financing_items.select_related("payer")
        ],
    )


def project_page(area_slug: str, number: int, *, user: Reader, today: datetime.date) -> ProjectPage:
    """A project's page as `user` may see it: 404 for no such project, 403 for a reader who neither reads
    the plan nor is a contact person of the project."""
    project = get_object_or_404(Project.objects.for_project_page(), area__slug=area_slug, number=number)
    is_contact = is_contact_person(user, project)
    if not (user.has_perm(VIEW_PLAN) or is_contact):
        raise RoleRequired(VIEW_PLAN, contact_person=True)
    # A contact person without a role sees no links to the area, party and other project pages they cannot
    # open; the names stay as plain text.
    links = user.has_perm(VIEW_PLAN)
    shows_mismatch = user.has_perm(CHANGE_PROJECT)
    follows_progress = user.has_perm(VIEW_PROGRESS) or is_contact
    may_edit = user.is_staff and user.has_perm("projects.change_project")
    return ProjectPage(
        project=project,
        today=today,
        contact_persons=[p.get_full_name() or p.get_username() for p in project.contact_persons.all()],
        change=last_change_for_project(project, follows_progress=follows_progress),
        area=Link(project.area.name, project.area.get_absolute_url() if links else None),
        may_report_status=can_report_status(user, project),
        may_register_hours=can_register_hours(user, project),
        admin_url=reverse("admin:projects_project_change", args=[project.pk]) if may_edit else None,
        cache_key=page_stamp(project, today=today, variant=(get_language(), links, shows_mismatch)),
        read_plan=lambda: plan_part(project, today=today, links=links, shows_mismatch=shows_mismatch),
        progress=progress_of(project, today=today) if follows_progress else None,
    )
