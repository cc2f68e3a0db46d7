"""The read functions run a fixed number of queries, the same at 10 and at 1,000 meetings."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from byaftale.access import SECRETARIAT, STEERING_GROUP
from meetings.demo import DEMO_TITLE, delete_demo_meetings, generate_demo_meetings
from meetings.models import Meeting
from meetings.pages import (
    activities_frame,
    area_treated_at,
    dashboard_follow_up,
    meeting_page,
    meetings_page,
    my_tasks_page,
    project_treated_at,
)
from projects.demo import demo_user
from tests.factories import make_area, make_project, make_status_report, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[10, 1000], ids=["10 meetings", "1000 meetings"])
def demo(request):
    area = make_area()
    for _ in range(5):
        make_project(area=area)
    generate_demo_meetings(count=request.param)
    return request.param


def test_demo_meetings_are_clearly_marked_and_removed_as_a_whole(demo):
    assert Meeting.objects.count() == demo
    assert not Meeting.objects.exclude(title__startswith=DEMO_TITLE).exists()
    delete_demo_meetings()
    assert not Meeting.objects.exists()


def test_the_read_functions_query_a_fixed_number_of_times(demo, django_assert_num_queries):
    user = make_user(STEERING_GROUP)
    user = type(user).objects.get(pk=user.pk)
    user.has_perm("meetings.view_meeting")  # the permissions are cached on the user from here on
    today = timezone.localdate()
    meeting = Meeting.objects.select_related("body").filter(items__projects__isnull=False).first()
    project = meeting.items.first().projects.first()
    with django_assert_num_queries(2):
        meetings_page(user, now=timezone.now())
    with django_assert_num_queries(11):
        meeting_page(meeting, user=user, today=today)
    # The linked projects' facts add two: the projects with their hours and latest report, and the reports.
    make_status_report(project=project)
    with django_assert_num_queries(13):
        meeting_page(meeting, user=user, today=today, with_projects=True)
    person = demo_user()
    with django_assert_num_queries(2):
        my_tasks_page(person, today=today)
    with django_assert_num_queries(2):
        dashboard_follow_up(today=today)
    with django_assert_num_queries(2):
        project_treated_at(project, user=user, today=today)
    area = project.area
    with django_assert_num_queries(2):
        area_treated_at(area, user=user, today=today)
    with django_assert_num_queries(2):
        activities_frame(year=today.year)


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def page_counts(client):
    """Query counts of the meetings' pages, measured at 10 and then at 1,000 meetings."""
    area = make_area()
    for _ in range(5):
        make_project(area=area)
    person = demo_user()
    client.force_login(make_user(SECRETARIAT))

    def measure() -> dict[str, int]:
        meeting = Meeting.objects.order_by("pk").first()
        return {
            "list": count_queries(client, reverse("meetings:meetings")),
            "meeting": count_queries(client, meeting.get_absolute_url()),
        }

    generate_demo_meetings(count=10)
    small = measure()
    generate_demo_meetings(count=990, seed=7)
    large = measure()
    client.force_login(person)
    return small, large


def test_the_pages_query_the_same_at_10_and_1000_meetings(page_counts):
    small, large = page_counts
    assert small == large


def test_my_tasks_queries_the_same_however_many_points(client):
    person = demo_user()
    client.force_login(person)
    generate_demo_meetings(count=10)
    small = count_queries(client, reverse("meetings:my-tasks"))
    generate_demo_meetings(count=990, seed=7)
    assert count_queries(client, reverse("meetings:my-tasks")) == small


def test_demo_meetings_lie_around_today():
    generate_demo_meetings(count=50)
    now = timezone.now()
    assert Meeting.objects.coming(now=now).exists() and Meeting.objects.past(now=now).exists()
    assert Meeting.objects.filter(starts_at__lt=now - datetime.timedelta(days=800)).count() == 0
