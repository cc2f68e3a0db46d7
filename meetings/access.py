"""Who sees which meeting, paper and decision (issue 11, point 8).

- The secretariat and the steering group read every meeting, its drafts and all its papers
  (`meetings.view_meeting`); the secretariat edits them in the admin.
- The steering group comments on a draft agenda (`meetings.add_agendacomment`).
- Board members read only meetings whose minutes are approved, their decisions, and the papers and items not
  marked internal (`meetings.view_approved_minutes`): the agreement's openness, without the drafts.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as Account
from django.db.models import Q, QuerySet

from byaftale.errors import RoleRequired

from .models import AgendaItem, Meeting, MeetingQuerySet, Paper

User = Account | AnonymousUser

VIEW_MEETINGS = "meetings.view_meeting"
VIEW_APPROVED_MINUTES = "meetings.view_approved_minutes"
COMMENT_AGENDA = "meetings.add_agendacomment"
CHANGE_MEETING = "meetings.change_meeting"


def reads_all_meetings(user: User) -> bool:
    return user.has_perm(VIEW_MEETINGS)


def reads_meetings(user: User) -> bool:
    return user.has_perm(VIEW_MEETINGS) or user.has_perm(VIEW_APPROVED_MINUTES)


def visible_meetings(user: User) -> MeetingQuerySet:
    if reads_all_meetings(user):
        return Meeting.objects.all()
    if user.has_perm(VIEW_APPROVED_MINUTES):
        return Meeting.objects.with_approved_minutes()
    return Meeting.objects.none()


def check_reads_meetings(user: User) -> None:
    if not reads_meetings(user):
        raise RoleRequired(VIEW_APPROVED_MINUTES)


def check_meeting(user: User, meeting: Meeting) -> None:
    """403 naming the roles that open the meeting: everyone who reads meetings for an approved one, else
    the roles that read drafts."""
    if reads_all_meetings(user):
        return
    if meeting.minutes_approved and user.has_perm(VIEW_APPROVED_MINUTES):
        return
    raise RoleRequired(VIEW_APPROVED_MINUTES if meeting.minutes_approved else VIEW_MEETINGS)


def visible_items(user: User, items: QuerySet[AgendaItem]) -> QuerySet[AgendaItem]:
    return items if reads_all_meetings(user) else items.filter(internal=False)


def visible_papers(user: User, papers: QuerySet[Paper]) -> QuerySet[Paper]:
    if reads_all_meetings(user):
        return papers
    return papers.filter(internal=False).filter(Q(item__isnull=True) | Q(item__internal=False))


def check_paper(user: User, paper: Paper) -> None:
    check_meeting(user, paper.meeting)
    if reads_all_meetings(user):
        return
    if paper.internal or (paper.item is not None and paper.item.internal):
        raise RoleRequired(VIEW_MEETINGS)
