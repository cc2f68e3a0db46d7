"""What a project's page shows, read in a fixed number of queries however large the plan (`project_page`).

Everything the template would otherwise work out is worked out here once: which rows of the responsibilities
are inherited and for what, each milestone's state, each relation's other end with its link (or none for a
contact person without a role, who may not open the other pages), and what the reader may do.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from areas.models import FocusArea, Grouping
from byaftale.access import CHANGE_PROJECT, VIEW_PLAN, VIEW_PROGRESS
from byaftale.errors import RoleRequired

from .budget import HourTally, tally
from .changes import Change, last_change_for_project
from .models import FinancingItem, HourRegistration, Milestone, Project, Responsibility, StatusReport
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
class ProjectPage:
    project: Project
    today: datetime.date
    phase_name: str
    status_mismatch: list[str]
    contact_persons: list[str]
    change: Change | None
    timeline: ProjectTimeline | None
    milestones: list[MilestoneRow]
    area_milestones: list[MilestoneRow]
    responsibilities: list[ResponsibilityRow]
    relations: list[RelationRow]
    area_relations: list[RelationRow]
    financing: list[FinancingRow]
    area: Link
    may_report_status: bool
    may_register_hours: bool
    admin_url: str | None
    progress: Progress | None = None  # None for a reader who does not follow progress


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


def grouping_responsibility_rows(grouping: Grouping, *, links: bool) -> list[ResponsibilityRow]:
    """The responsibilities stated for a whole line or theme."""
    if grouping.kind == Grouping.Kind.LINE:
        stated = _("the whole strategic line %(name)s") % {"name": grouping.name}
    else:
        stated = _("the whole theme %(name)s") % {"name": grouping.name}
    return [responsibility_row(r, stated, inherited=True, links=links) for r in grouping.responsibilities.all()]


def area_responsibility_rows(area: FocusArea, *, links: bool) -> list[ResponsibilityRow]:
    """The responsibilities stated for a whole focus area, or for a named part of it."""
    rows = []
    for r in area.responsibilities.all():
        if r.concerning:
            stated = _("only %(part)s, in the focus area %(name)s") % {"part": r.concerning, "name": area.name}
        else:
            stated = _("the whole focus area %(name)s") % {"name": area.name}
        rows.append(responsibility_row(r, stated, inherited=True, links=links))
    return rows


def responsibility_rows(project: Project, *, links: bool) -> list[ResponsibilityRow]:
    """The project's own responsibilities, then those stated for its line or theme and for its area."""
    own = [
        responsibility_row(r, _("this project"), inherited=False, links=links) for r in project.responsibilities.all()
    ]
    grouping = grouping_responsibility_rows(project.grouping, links=links) if project.grouping is not None else []
    return [*own, *grouping, *area_responsibility_rows(project.area, links=links)]


def payer_link(item: FinancingItem, *, links: bool) -> Link | None:
    if item.payer is None:
        return None
    return Link(item.payer.name, item.payer.get_absolute_url() if links else None)


def project_link(project: Project, *, links: bool) -> Link:
    return Link(str(project), project.get_absolute_url() if links else None)


def relation_rows(project: Project, *, links: bool) -> list[RelationRow]:
    """The project's relations read from both ends: those it states, then those stated towards it."""
    rows = []
    for relation in project.relations_out.all():
        if relation.to_project is not None:
            other = project_link(relation.to_project, links=links)
        else:
            assert relation.to_area is not None  # a relation goes to exactly one project or area
            name = _("the whole focus area %(name)s") % {"name": relation.to_area.name}
            other = Link(name, relation.to_area.get_absolute_url() if links else None)
        rows.append(RelationRow(str(relation.get_kind_display()), other, relation.text))
    rows += [
        RelationRow(relation.inverse_label, project_link(relation.from_project, links=links), relation.text)
        for relation in project.relations_in.all()
    ]
    return rows


def area_relation_rows(project: Project, *, links: bool) -> list[RelationRow]:
    """The projects related to the project's whole focus area."""
    return [
        RelationRow(
            _("%(kind)s the whole focus area") % {"kind": relation.get_kind_display()},
            project_link(relation.from_project, links=links),
            relation.text,
        )
        for relation in project.area.relations_in.all()
    ]


def progress_of(project: Project, *, today: datetime.date) -> Progress:
    return Progress(
        hours=tally([project]),
        over_budget=project.hour_budget is not None and project.hours_used > project.hour_budget,
        latest_hours=list(project.hour_registrations.select_related("registered_by")[:LATEST_HOURS]),
        latest_reports=list(project.status_reports.select_related("reported_by")[:LATEST_REPORTS]),
        needs_report=needs_report(project, today),
        report_weeks=report_interval_weeks(),
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
    follows_progress = user.has_perm(VIEW_PROGRESS) or is_contact
    milestones = list(project.milestones.all())
    may_edit = user.is_staff and user.has_perm("projects.change_project")
    return ProjectPage(
        project=project,
        today=today,
        phase_name=str(Project.Phase(phase_of(project, today=today)).label),
        status_mismatch=status_mismatch(project, today=today) if user.has_perm(CHANGE_PROJECT) else [],
        contact_persons=[p.get_full_name() or p.get_username() for p in project.contact_persons.all()],
        change=last_change_for_project(project, follows_progress=follows_progress),
        timeline=project_timeline(project, milestones, today),
        milestones=milestone_rows(milestones, today=today),
        area_milestones=milestone_rows(list(project.area.milestones.all()), today=today),
        responsibilities=responsibility_rows(project, links=links),
        relations=relation_rows(project, links=links),
        area_relations=area_relation_rows(project, links=links),
        financing=[FinancingRow(item, payer_link(item, links=links)) for item in project.financing_items.all()],
        area=Link(project.area.name, project.area.get_absolute_url() if links else None),
        may_report_status=can_report_status(user, project),
        may_register_hours=can_register_hours(user, project),
        admin_url=reverse("admin:projects_project_change", args=[project.pk]) if may_edit else None,
        progress=progress_of(project, today=today) if follows_progress else None,
    )
