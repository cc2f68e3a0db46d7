"""Calendars in iCalendar (RFC 5545): a person's private feed and the invitation's attachment.

The feed holds the person's meetings (where they are a participant), the plan's milestones (for those who read
the plan) and their open follow-up points by their due date. Its address carries a random token; revoking it
deletes the token, so the old address answers 404, and a new address gets a new token.
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import User as Account
from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event

from projects.models import Milestone

from .models import CalendarFeed, FollowUpPoint, Meeting

PRODID = "-//Byaftale//Odense//DA"
UTC = datetime.UTC


def uid(kind: str, pk: int) -> str:
    return f"{kind}-{pk}@byaftale"


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def meeting_event(meeting: Meeting, *, stamp: datetime.datetime, base_url: str = "") -> Event:
    event = Event()
    event.add("uid", uid("meeting", meeting.pk))
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("summary", meeting.name)
    event.add("location", meeting.place)
    event.add("status", "CONFIRMED")
    if base_url:
        event.add("url", f"{base_url}{meeting.get_absolute_url()}")
    return event


def day_event(kind: str, pk: int, day: datetime.date, summary: str, *, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", uid(kind, pk))
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    return event


def calendar_bytes(
    name: str,
    *,
    meetings: Iterable[Meeting] = (),
    milestones: Iterable[Milestone] = (),
    points: Iterable[FollowUpPoint] = (),
    base_url: str = "",
) -> bytes:
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    calendar = new_calendar(name)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, stamp=stamp, base_url=base_url))
    for milestone in milestones:
        owner = milestone.project or milestone.area
        calendar.add_component(
            day_event("milestone", milestone.pk, milestone.date, f"Milepæl: {milestone.title} ({owner})", stamp=stamp)
        )
    for point in points:
        calendar.add_component(
            day_event("follow-up", point.pk, point.due_date, f"Opfølgning: {point.what}", stamp=stamp)
        )
    return calendar.to_ical()


def meeting_invitation(meeting: Meeting, *, base_url: str = "") -> bytes:
    """The meeting as an iCalendar request, for the invitation's .ics attachment."""
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    calendar = new_calendar(meeting.name)
    calendar.add("method", "PUBLISH")
    calendar.add_component(meeting_event(meeting, stamp=stamp, base_url=base_url))
    return calendar.to_ical()


def person_feed(feed: CalendarFeed, *, base_url: str = "") -> bytes:
    """The person's calendar: a fixed number of queries however many meetings, milestones and points."""
    person = feed.person
    meetings = Meeting.objects.filter(participants__person=person).select_related("body").distinct()
    milestones: Iterable[Milestone] = ()
    if person.has_perm("projects.view_plan"):
        milestones = Milestone.objects.select_related("project", "area")
    points = FollowUpPoint.objects.open().for_person(person)
    name = f"Byaftale – {person.get_full_name() or person.get_username()}"
    return calendar_bytes(name, meetings=meetings, milestones=milestones, points=points, base_url=base_url)


def feed_of(person: Account) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(person=person).first()


@transaction.atomic
def calendar_feed_renew(*, person: Account) -> CalendarFeed:
    """A new private address for the person's calendar; any old address stops working."""
    CalendarFeed.objects.filter(person=person).delete()
    return CalendarFeed.objects.create(person=person, token=secrets.token_urlsafe(32))


@transaction.atomic
def calendar_feed_revoke(*, person: Account) -> bool:
    """Revoke the person's calendar address; True when there was one."""
    deleted, _ = CalendarFeed.objects.filter(person=person).delete()
    return bool(deleted)


def site_base_url() -> str:
    return getattr(settings, "PORTAL_BASE_URL", "")
