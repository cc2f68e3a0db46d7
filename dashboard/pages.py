"""What the dashboard pages show, read in a fixed number of queries: the whole plan's overview
(`plan_dashboard`, and `dashboard_page` around it, whose rendering is cached under a key every write to what it
shows moves), one whole attention list (`attention_page`) and where a person lands who does not follow
progress (`landing_page`). The figures themselves come from `projects.progress`."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import get_language

from areas.models import ActionPlan, FocusArea
from byaftale import charts
from byaftale.access import VIEW_PLAN
from byaftale.stamps import CACHE_SECONDS, write_stamp
from cooperation.models import AgreementRevision, CooperationAgreement
from cooperation.revision import Revision, next_revision
from meetings.pages import FollowUpSummary, FrameSummary, activities_frame, dashboard_follow_up
from projects.budget import HourTally
from projects.models import HourRegistration, Milestone, Project, StatusReport
from projects.progress import (
    ATTENTION_KINDS,
    Figures,
    MilestoneOutlook,
    ProjectState,
    Schedule,
    Tally,
    attention_rows,
    figures_from,
    milestone_outlook,
    schedule_for,
    states_of,
    tallies,
)
from projects.reporting import report_interval_weeks
from versions.models import PlanVersion


@dataclass(frozen=True)
class AreaFigures:
    area: FocusArea
    figures: Tally  # an area's row of the dashboard's tables: counts, hours and progress, no lists

    @property
    def url(self) -> str:
        return self.area.get_absolute_url()

    @property
    def hours(self) -> HourTally:
        return self.figures.hours


@dataclass(frozen=True)
class Dashboard:
    today: datetime.date
    plan: ActionPlan
    figures: Figures
    areas: list[AreaFigures]
    milestones: MilestoneOutlook
    schedule: Schedule
    revision: Revision | None
    hour_chart: charts.HourChart
    status_chart: charts.CountChart
    light_chart: charts.CountChart


def plan_dashboard(plan: ActionPlan, *, today: datetime.date) -> Dashboard:
    """The whole plan's dashboard: its figures, each area's, the milestones not reached, what starts and
    ends soon and the agreement's next revision. The figures are counted in the database, once per area, and
    the plan's are their sum; every list fetches only the rows it shows."""
    areas = list(plan.areas.order_by("position"))
    projects = Project.objects.filter(area__plan=plan)
    weeks = report_interval_weeks()
    by_area = tallies(projects, by="area_id", today=today, weeks=weeks)
    figures = figures_from(sum(by_area.values(), Tally()), projects, today=today, weeks=weeks)
    area_figures = [AreaFigures(area, by_area.get(area.pk, Tally())) for area in areas]
    return Dashboard(
        today=today,
        plan=plan,
        figures=figures,
        areas=area_figures,
        milestones=milestone_outlook(Milestone.objects.open_in(plan), today=today),
        schedule=schedule_for(projects, today=today),
        revision=next_revision(plan.agreement, today=today),
        hour_chart=charts.hour_chart([(a.area.name, a.figures.budget, a.figures.used) for a in area_figures]),
        status_chart=figures.status_chart(),
        light_chart=figures.light_chart(),
    )


# Every table the dashboard's cached part reads: a write to any of them moves its key.
DASHBOARD_TABLES = (
    ActionPlan,
    FocusArea,
    Project,
    HourRegistration,
    StatusReport,
    Milestone,
    CooperationAgreement,
    AgreementRevision,
    PlanVersion,
)


@dataclass
class DashboardPage:
    """The dashboard as a reader gets it: the plan's part, read only where its cached rendering under
    `cache_key` is missing, and the meetings' parts, read each time (they name people, who keep no history)."""

    cache_key: str
    read: Callable[[], Dashboard] = field(repr=False)
    follow_up: FollowUpSummary  # the meetings' open and overdue follow-up points, beside the milestones
    activities: FrameSummary  # this year's courses, conferences and workshops against their frame
    cache_seconds: int = CACHE_SECONDS

    @cached_property
    def content(self) -> Dashboard:
        return self.read()


def dashboard_page(
    plan: ActionPlan, *, today: datetime.date, shows_mismatches: bool, baseline: str | None
) -> DashboardPage:
    """The dashboard for a reader who follows progress; `shows_mismatches` for the secretariat, `baseline`
    the version the slippage panel compares with (None: the latest approved)."""
    return DashboardPage(
        cache_key=write_stamp(
            DASHBOARD_TABLES, today=today, variant=(plan.pk, get_language(), shows_mismatches, baseline)
        ),
        read=lambda: plan_dashboard(plan, today=today),
        follow_up=dashboard_follow_up(today=today),
        activities=activities_frame(year=today.year),
    )


# The whole attention list is shown in pages of this many projects.
ATTENTION_PAGE_ROWS = 100


def area_query(area: FocusArea | None) -> str:
    """What a list's pager links keep of the address besides the page: the area it is narrowed to."""
    return f"{urlencode({'omraade': area.slug})}&" if area else ""


def listed_area(plan: ActionPlan, slug: str | None) -> FocusArea | None:
    """The area `?omraade=` narrows a whole list to; 404 for one the plan does not have."""
    if not slug:
        return None
    area: FocusArea | None = FocusArea.objects.filter(plan=plan, slug=slug).first()
    if area is None:
        raise Http404("No such focus area.")
    return area


def page_of(rows: QuerySet[Any], number: str | None) -> Page[Any]:
    """Page `number` of a whole list, ATTENTION_PAGE_ROWS to a page; 404 for a page it does not have."""
    try:
        return Paginator(rows, ATTENTION_PAGE_ROWS).page(number or 1)
    except InvalidPage as error:
        raise Http404("No such page.") from error


@dataclass(frozen=True)
class AttentionPage:
    plan: ActionPlan
    area: FocusArea | None
    kind: str
    weeks: int
    states: list[ProjectState]  # this page's rows
    page: Page[Project]

    @property
    def query(self) -> str:
        return area_query(self.area)


def attention_page(
    plan: ActionPlan, kind: str, *, area_slug: str | None, today: datetime.date, number: str | None = None
) -> AttentionPage:
    """One page of one attention list of the plan, or of one area of it. 404 for a kind, area or page not
    known."""
    if kind not in ATTENTION_KINDS:
        raise Http404("No such attention list.")
    area = listed_area(plan, area_slug)
    projects = Project.objects.filter(area__plan=plan)
    if area is not None:
        projects = projects.filter(area=area)
    weeks = report_interval_weeks()
    page = page_of(attention_rows(projects, kind, today=today, weeks=weeks), number)
    states = states_of(page.object_list, today=today, weeks=weeks)
    return AttentionPage(plan=plan, area=area, kind=kind, weeks=weeks, states=states, page=page)


# The whole lists of milestones not reached, by the word their page's address uses.
MILESTONE_KINDS = ("overskredne", "kommende")


@dataclass(frozen=True)
class MilestonePage:
    plan: ActionPlan
    area: FocusArea | None
    kind: str  # a word of MILESTONE_KINDS
    today: datetime.date
    page: Page[Milestone]

    @property
    def overdue(self) -> bool:
        return self.kind == "overskredne"

    @property
    def query(self) -> str:
        return area_query(self.area)


def milestone_page(
    plan: ActionPlan, kind: str, *, area_slug: str | None, today: datetime.date, number: str | None = None
) -> MilestonePage:
    """One page of the milestones not reached, of the plan or of one area: the overdue ones, the longest
    overdue first, or those ahead, by date. 404 for a kind, area or page not known."""
    if kind not in MILESTONE_KINDS:
        raise Http404("No such list of milestones.")
    area = listed_area(plan, area_slug)
    milestones = Milestone.objects.open_in(plan)
    if area is not None:
        milestones = milestones.filter(Q(project__area=area) | Q(area=area))
    milestones = milestones.filter(date__lt=today) if kind == "overskredne" else milestones.filter(date__gte=today)
    page = page_of(milestones, number)
    return MilestonePage(plan=plan, area=area, kind=kind, today=today, page=page)


@dataclass(frozen=True)
class Landing:
    """Where the front page sends a person who does not follow progress: a board member reads the plan, a
    contact person without a role goes to their one project or chooses among theirs; `None` everywhere
    means the page is refused."""

    redirect_to: str | None = None
    own_projects: list[Project] | None = None


def landing_page(user: User | AnonymousUser) -> Landing:
    if user.has_perm(VIEW_PLAN):
        return Landing(redirect_to="documents:masterplan")
    own = list(Project.objects.filter(contact_persons=user).select_related("area"))
    if len(own) == 1:
        return Landing(redirect_to=own[0].get_absolute_url())
    return Landing(own_projects=own or None)
