"""The private calendar feed (RFC 5545, parsed back with icalendar) and the invitation with its .ics."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from byaftale.access import BOARD_MEMBER, SECRETARIAT
from meetings.calendar import calendar_feed_renew, calendar_feed_revoke
from meetings.invitations import invitation_send
from meetings.models import CalendarFeed, Meeting
from tests.factories import make_milestone, make_project, make_user
from tests.meetings.factories import make_item, make_meeting, make_participant, make_point

pytestmark = pytest.mark.django_db


def parsed(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def summaries(calendar: Calendar) -> list[str]:
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


def test_the_feed_holds_the_persons_meetings_the_plans_milestones_and_their_points_due(client):
    person = make_user(BOARD_MEMBER)
    mine = make_meeting(day=datetime.date(2011, 5, 12), title="Møde om energi")
    make_meeting(day=datetime.date(2011, 6, 1), title="Et andet møde")
    make_participant(mine, person)
    make_milestone(project=make_project(), date=datetime.date(2011, 6, 1), title="Første analyse foreligger")
    make_point(person=person, what="Send referatet", due_date=datetime.date(2011, 5, 19))
    feed = calendar_feed_renew(person=person)
    calendar = parsed(client.get(reverse("meetings:calendar-feed", args=[feed.token])))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    names = summaries(calendar)
    assert "Møde om energi" in names and "Et andet møde" not in names
    assert any("Første analyse foreligger" in name for name in names)
    assert "Opfølgning: Send referatet" in names
    meeting_event = next(e for e in calendar.walk("VEVENT") if e["SUMMARY"] == "Møde om energi")
    assert meeting_event.decoded("DTSTART") == mine.starts_at
    assert all(event.get("UID") and event.get("DTSTAMP") for event in calendar.walk("VEVENT"))


def test_the_feed_answers_404_after_revoking_and_a_new_address_works(client):
    person = make_user(SECRETARIAT)
    old = calendar_feed_renew(person=person)
    url = reverse("meetings:calendar-feed", args=[old.token])
    assert client.get(url).status_code == 200
    assert calendar_feed_revoke(person=person)
    assert client.get(url).status_code == 404
    new = calendar_feed_renew(person=person)
    assert new.token != old.token
    assert client.get(reverse("meetings:calendar-feed", args=[new.token])).status_code == 200


def test_the_person_revokes_and_renews_the_address_from_my_tasks(client):
    person = make_user()
    client.force_login(person)
    client.post(reverse("meetings:my-tasks"), {"action": "calendar-renew"})
    feed = CalendarFeed.objects.get(person=person)
    page = client.get(reverse("meetings:my-tasks")).content.decode()
    assert feed.token in page
    client.post(reverse("meetings:my-tasks"), {"action": "calendar-revoke"})
    assert not CalendarFeed.objects.exists()
    client.logout()
    assert client.get(reverse("meetings:calendar-feed", args=[feed.token])).status_code == 404


def test_an_unknown_token_is_not_found():
    from django.test import Client

    assert Client().get(reverse("meetings:calendar-feed", args=["gættet"])).status_code == 404


def test_the_invitation_goes_to_each_participant_with_the_meeting_as_ics():
    meeting = make_meeting(day=datetime.date(2011, 5, 12))
    make_item(meeting, title="Handlingsplan 2012", position=1)
    make_participant(meeting, make_user(email="lise@example.dk"))
    make_participant(meeting, make_user(email="ole@example.dk"))
    make_participant(meeting, make_user(email=""))  # no address: nothing to send
    sent = invitation_send(meeting=meeting, sent_by=make_user(SECRETARIAT), base_url="https://byaftale.example.dk")
    assert sent == 2 and len(mail.outbox) == 2
    message = mail.outbox[0]
    assert message.subject == "Invitation: Møde i Den Fælles Boligstrategiske Gruppe 12. maj 2011"
    assert "1. Handlingsplan 2012 (beslutning)" in message.body
    assert "https://byaftale.example.dk/moeder/" in message.body
    ((name, content, mimetype),) = message.attachments
    assert name == "byaftale-moede-2011-05-12.ics" and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == meeting.starts_at and str(event["LOCATION"]) == meeting.place
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.INVITATION_SENT
