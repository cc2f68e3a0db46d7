"""The meetings on the other pages: open and overdue follow-up points and the activities' frame on the dashboard,
"Behandlet på møde …" with the open points on a project's and a focus area's page; queries fixed however many
meetings there are."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from byaftale.access import BOARD_MEMBER, STEERING_GROUP
from meetings.demo import generate_demo_meetings
from meetings.models import Activity, EconomicFrame, Meeting
from tests.factories import make_user
from tests.meetings.factories import make_decision, make_item, make_meeting, make_point

pytestmark = pytest.mark.django_db


@pytest.fixture
def treated(seeded):
    """Energi på dagsordenen treated at an approved meeting on 12 May 2011, with an overdue open point."""
    from projects.models import Project

    project = Project.objects.get(area__slug="energi-og-klima", number=3)
    meeting = make_meeting(day=datetime.date(2011, 5, 12), status=Meeting.Status.MINUTES_APPROVED)
    item = make_item(meeting, title="Energi på dagsordenen: status", position=1)
    item.projects.add(project)
    item.areas.add(project.area)
    make_point(
        decision=make_decision(item), what="Indhent tilbud på energimærkning", due_date=datetime.date(2011, 5, 19)
    )
    return project


def test_the_dashboard_shows_open_and_overdue_follow_up_points(client, treated):
    client.force_login(make_user(STEERING_GROUP))
    page = client.get("/").content.decode()
    assert "Opfølgning fra møderne" in page
    assert "1 åbent opfølgningspunkt" in page and "1 overskredet" in page
    assert "Indhent tilbud på energimærkning" in page


def test_the_dashboard_shows_the_activities_frame_committed_and_spent(client, seeded):
    year = timezone.localdate().year
    frame = EconomicFrame.objects.create(year=year, amount=Decimal("200000"))
    Activity.objects.create(
        frame=frame,
        kind=Activity.Kind.COURSE,
        title="Kursus",
        date=datetime.date(year, 3, 1),
        budget=Decimal("50000"),
        actual_cost=Decimal("42500"),
    )
    Activity.objects.create(
        frame=frame,
        kind=Activity.Kind.WORKSHOP,
        title="Workshop",
        date=datetime.date(year, 9, 1),
        budget=Decimal("30000"),
    )
    client.force_login(make_user(STEERING_GROUP))
    page = client.get("/").content.decode()
    assert f"Aktiviteter inden for rammen {year}" in page
    assert "200.000 kr." in page and "80.000 kr." in page and "42.500 kr." in page


def test_the_project_page_says_where_the_project_was_treated(client, treated):
    client.force_login(make_user(BOARD_MEMBER))
    page = client.get(treated.get_absolute_url()).content.decode()
    assert "Behandlet på møde 12. maj 2011" in page
    assert "Indhent tilbud på energimærkning" in page


def test_the_area_page_says_where_the_area_was_treated(client, treated):
    client.force_login(make_user(STEERING_GROUP))
    page = client.get(treated.area.get_absolute_url()).content.decode()
    assert "Behandlet på møde 12. maj 2011" in page


def test_a_board_member_does_not_see_a_draft_meetings_treatment(client, treated):
    Meeting.objects.update(status=Meeting.Status.PLANNED)
    client.force_login(make_user(BOARD_MEMBER))
    assert "Behandlet på møde" not in client.get(treated.get_absolute_url()).content.decode()


def count_queries(client, url: str) -> tuple[int, int]:
    """The page's queries rendered afresh, and then with its cached parts (the plan's: `byaftale.stamps`)."""
    cache.clear()
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    return counts[0], counts[1]


def test_the_dashboard_project_and_area_pages_query_the_same_at_10_and_1000_meetings(client, treated):
    client.force_login(make_user(STEERING_GROUP))
    urls = ["/", treated.get_absolute_url(), treated.area.get_absolute_url()]
    generate_demo_meetings(count=10)
    small = [count_queries(client, url) for url in urls]
    generate_demo_meetings(count=990, seed=7)
    assert [count_queries(client, url) for url in urls] == small
