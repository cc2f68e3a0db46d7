"""What the dashboard pages show, read in a fixed number of queries: the whole plan's overview
(`plan_dashboard`), one whole attention list (`attention_page`) and where a person lands who does not follow
progress (`landing_page`). The figures themselves come from `projects.progress`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.http import Http404

from areas.models import ActionPlan, FocusArea
from byaftale import charts
from byaftale.access import VIEW_PLAN
from cooperation.revision import Revision, next_revision
from meetings.pages import FollowUpSummary, FrameSummary, activities_frame, dashboard_follow_up
from projects.models import Milestone, Project
from projects.progress import (
    ATTENTION_KINDS,
    AttentionList,
    Figures,
    MilestoneOutlook,
    Schedule,
    figures_for,
    milestone_outlook,
    schedule_for,
)


@dataclass(frozen=True)
class AreaFigures:
    area: FocusArea
    figures: Figures

    @property
    def url(self) -> str:
        return self.area.get_absolute_url()


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
    follow_up: FollowUpSummary  # the meetings' open and overdue follow-up points, beside the milestones
    activities: FrameSummary  # this year's courses, conferences and workshops against their frame


def plan_dashboard(plan: ActionPlan, *, today: datetime.date) -> Dashboard:
    """The whole plan's dashboard: its figures, each area's, the milestones not reached, what starts and
    ends soon and the agreement's next revision."""
    areas = list(plan.areas.order_by("position"))
    projects = list(Project.objects.followed().filter(area__plan=plan))
    figures = figures_for(projects, today=today)
    by_area: dict[int, list[Project]] = {area.pk: [] for area in areas}
    for project in projects:
        by_area.setdefault(project.area_id, []).append(project)
    area_figures = [
        AreaFigures(area, figures_for(by_area[area.pk], today=today, weeks=figures.weeks)) for area in areas
    ]
    return Dashboard(
        today=today,
        plan=plan,
        figures=figures,
        areas=area_figures,
        milestones=milestone_outlook(Milestone.objects.open_in(plan), today=today),
        schedule=schedule_for(projects, today=today),
        revision=next_revision(plan.agreement, today=today),
        hour_chart=charts.hour_chart(
            [(a.area.name, a.figures.hours.budget, a.figures.hours.used) for a in area_figures]
        ),
        status_chart=figures.status_chart(),
        light_chart=figures.light_chart(),
        follow_up=dashboard_follow_up(today=today),
        activities=activities_frame(year=today.year),
    )


@dataclass(frozen=True)
class AttentionPage:
    plan: ActionPlan
    area: FocusArea | None
    figures: Figures
    list: AttentionList


def attention_page(
    plan: ActionPlan, kind: str, *, area_slug: str | None, today: datetime.date
) -> AttentionPage:
    """The whole of one attention list of the plan, or of one area of it. 404 for a kind or area not known."""
    if kind not in ATTENTION_KINDS:
        raise Http404("No such attention list.")
    projects = Project.objects.followed().filter(area__plan=plan)
    area = None
    if area_slug:
        area = FocusArea.objects.filter(plan=plan, slug=area_slug).first()
        if area is None:
            raise Http404("No such focus area.")
        projects = projects.filter(area=area)
    figures = figures_for(list(projects), today=today)
    return AttentionPage(plan=plan, area=area, figures=figures, list=figures.attention_list(kind))


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
