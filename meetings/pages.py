"""Read functions named after the pages that show them: the meetings list, a meeting's page, a person's
follow-up points ("Mine opgaver"), the meeting pack and minutes, and the small parts other pages show
(follow-up on the dashboard, "Behandlet på møde …" on project and area pages, the activities' frame).

Each runs a fixed number of queries however many meetings, items and points there are; the tests hold them
to it at 10 and 1,000 meetings.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as Account
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from areas.models import FocusArea
from projects.models import Project, StatusReport
from projects.phase import phase_of

from .access import COMMENT_AGENDA, reads_all_meetings, visible_items, visible_meetings, visible_papers
from .models import (
    Activity,
    AgendaComment,
    AgendaItem,
    Decision,
    EconomicFrame,
    FollowUpPoint,
    Meeting,
    Paper,
    Participant,
)

User = Account | AnonymousUser
DASHBOARD_POINTS = 10
PAST_MEETINGS = 20
ZERO = Decimal("0")


@dataclass
class MeetingList:
    coming: list[Meeting]
    past: list[Meeting]


def meetings_page(user: User, *, now: datetime.datetime) -> MeetingList:
    """The coming meetings and the latest past ones the user may read: two queries."""
    meetings = visible_meetings(user).select_related("body")
    return MeetingList(coming=list(meetings.coming(now=now)), past=list(meetings.past(now=now)[:PAST_MEETINGS]))


@dataclass
class ProjectFacts:
    """A linked project as the meeting pack shows it: status, traffic light, hours against budget, latest report."""

    project: Project
    phase: str
    light: str
    light_label: str
    hours_used: Decimal
    hour_budget: int | None
    latest_report: StatusReport | None


@dataclass
class MeetingPage:
    meeting: Meeting
    participants: list[Participant]
    items: list[AgendaItem]
    meeting_papers: list[Paper]
    follow_up_points: list[FollowUpPoint]
    project_facts: dict[int, ProjectFacts] = field(default_factory=dict)
    reads_drafts: bool = False
    can_comment: bool = False

    @property
    def attended(self) -> list[Participant]:
        return [p for p in self.participants if p.attended == Participant.Attendance.YES]

    @property
    def absent(self) -> list[Participant]:
        return [p for p in self.participants if p.attended == Participant.Attendance.NO]


def meeting_page(meeting: Meeting, *, user: User, today: datetime.date, with_projects: bool = False) -> MeetingPage:
    """Everything a meeting's page (and its PDFs) show, filtered by what the user may read.

    Eleven queries (thirteen with the linked projects' facts), however many items, papers and decisions.
    """
    reads_drafts = reads_all_meetings(user)
    papers = visible_papers(user, Paper.objects.all()).order_by("title", "id")
    decisions = Decision.objects.order_by("id").prefetch_related(
        Prefetch("follow_up_points", queryset=FollowUpPoint.objects.select_related("person", "party"))
    )
    prefetches: list[str | Prefetch[Any, Any, Any]] = [
        Prefetch("projects", queryset=Project.objects.select_related("area")),
        Prefetch("areas", queryset=FocusArea.objects.order_by("position")),
        "sections",
        Prefetch("papers", queryset=papers),
        Prefetch("decisions", queryset=decisions),
    ]
    if reads_drafts:
        prefetches.append(Prefetch("comments", queryset=AgendaComment.objects.select_related("author")))
    items = list(
        visible_items(user, meeting.items.all())
        .select_related("presenter")
        .prefetch_related(*prefetches)
        .order_by("position")
    )
    page = MeetingPage(
        meeting=meeting,
        participants=list(meeting.participants.select_related("person", "party")),
        items=items,
        meeting_papers=list(papers.filter(meeting=meeting, item__isnull=True)),
        follow_up_points=list(
            meeting.follow_up_points.select_related("person", "party", "decision").filter(
                Q(decision__isnull=True) | Q(decision__item__in=[i.pk for i in items])
            )
        ),
        reads_drafts=reads_drafts,
        can_comment=user.has_perm(COMMENT_AGENDA) and meeting.agenda_open_for_comments,
    )
    if with_projects:
        page.project_facts = project_facts([p.pk for item in items for p in item.projects.all()], today=today)
        for item in items:
            for project in item.projects.all():
                project.facts = page.project_facts.get(project.pk)  # type: ignore[attr-defined]
    return page


def project_facts(project_ids: list[int], *, today: datetime.date) -> dict[int, ProjectFacts]:
    """Status, traffic light, hours and latest report of the given projects: two queries."""
    projects = list(Project.objects.filter(pk__in=set(project_ids)).with_hours_used().with_latest_report())
    reports = StatusReport.objects.in_bulk([p.latest_report_id for p in projects if p.latest_report_id])
    lights = dict(StatusReport.Light.choices)
    facts = {}
    for project in projects:
        phase = phase_of(project, today=today)
        facts[project.pk] = ProjectFacts(
            project=project,
            phase=str(Project.Phase(phase).label),
            light=project.latest_report_light or "",
            light_label=str(lights.get(project.latest_report_light, "")),
            hours_used=project.hours_used,
            hour_budget=project.hour_budget,
            latest_report=reports.get(project.latest_report_id),
        )
    return facts


@dataclass
class MyTasks:
    open_points: list[FollowUpPoint]
    done_points: list[FollowUpPoint]
    today: datetime.date

    @property
    def overdue(self) -> list[FollowUpPoint]:
        return [p for p in self.open_points if p.is_overdue(self.today)]


def my_tasks_page(user: User, *, today: datetime.date) -> MyTasks:
    """The person's own follow-up points, open first by due date, and the 20 last done: two queries."""
    points = FollowUpPoint.objects.for_person(user).select_related("meeting__body", "party", "decision")
    return MyTasks(
        open_points=list(points.open().order_by("due_date", "id")),
        done_points=list(points.filter(done=True).order_by("-due_date", "-id")[:20]),
        today=today,
    )


# The parts other pages show. The host page's read function calls these; their partials render them.


@dataclass
class FollowUpSummary:
    points: list[FollowUpPoint]
    open_count: int
    overdue_count: int
    today: datetime.date


def dashboard_follow_up(*, today: datetime.date, limit: int = DASHBOARD_POINTS) -> FollowUpSummary:
    """The open follow-up points, the overdue first, with the counts: two queries."""
    open_points = FollowUpPoint.objects.open()
    counts = open_points.aggregate(
        open_count=Count("pk"),
        overdue_count=Count("pk", filter=Q(due_date__lt=today)),
    )
    points = list(open_points.select_related("person", "party", "meeting").order_by("due_date", "id")[:limit])
    return FollowUpSummary(points=points, today=today, **counts)


@dataclass
class TreatedAt:
    """Where a project or area was on a meeting's agenda ("Behandlet på møde 12. maj 2011"), and its open points."""

    items: list[AgendaItem]
    points: list[FollowUpPoint]
    today: datetime.date


def _treated(user: User, items: QuerySet[AgendaItem], *, today: datetime.date) -> TreatedAt:
    meetings = visible_meetings(user)
    items = visible_items(user, items).filter(meeting__in=meetings).select_related("meeting__body")
    listed = list(items.order_by("-meeting__starts_at", "position")[:20])
    points = list(
        FollowUpPoint.objects.open()
        .filter(decision__item__in=items, meeting__in=meetings)
        .select_related("person", "party", "meeting")
        .order_by("due_date", "id")
    )
    return TreatedAt(items=listed, points=points, today=today)


def project_treated_at(project: Project, *, user: User, today: datetime.date) -> TreatedAt:
    """The meetings that treated the project and the open follow-up points from their decisions: two queries."""
    return _treated(user, AgendaItem.objects.filter(projects=project), today=today)


def area_treated_at(area: FocusArea, *, user: User, today: datetime.date) -> TreatedAt:
    return _treated(user, AgendaItem.objects.filter(areas=area), today=today)


@dataclass
class FrameSummary:
    frame: EconomicFrame | None
    committed: Decimal
    spent: Decimal
    activities: int

    @property
    def remaining(self) -> Decimal:
        return (self.frame.amount if self.frame else ZERO) - self.committed

    @property
    def over(self) -> bool:
        return self.frame is not None and self.committed > self.frame.amount


def activities_frame(*, year: int) -> FrameSummary:
    """The year's frame, what its activities commit (their budgets) and what they have cost: two queries."""
    frame = EconomicFrame.objects.filter(year=year).first()
    totals = Activity.objects.filter(frame__year=year).aggregate(
        committed=Coalesce(Sum("budget"), ZERO), spent=Coalesce(Sum("actual_cost"), ZERO), activities=Count("pk")
    )
    return FrameSummary(
        frame=frame, committed=totals["committed"], spent=totals["spent"], activities=totals["activities"] or 0
    )
