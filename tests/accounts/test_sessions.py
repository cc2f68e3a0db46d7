"""Sessions end after a working day without activity (BYAFTALE_SESSION_IDLE_HOURS), not two weeks after
signing in; each request moves the end on; and they may be set to end when the browser closes."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from byaftale.access import BOARD_MEMBER
from tests.factories import make_user

pytestmark = pytest.mark.django_db

WORKING_DAY = 8 * 60 * 60


@pytest.fixture
def signed_in(client, seeded):
    client.force_login(make_user(BOARD_MEMBER))
    return client


def stored_session(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_every_page_renews_the_session_for_a_working_day(signed_in):
    response = signed_in.get(reverse("documents:masterplan"))

    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == WORKING_DAY
    assert cookie.value == signed_in.session.session_key


def test_activity_moves_the_end_of_the_session_on(signed_in):
    session = stored_session(signed_in)
    # As if the last request had been seven hours ago: one hour left.
    session.expire_date = timezone.now() + datetime.timedelta(hours=1)
    session.save()

    signed_in.get(reverse("documents:masterplan"))

    ends = stored_session(signed_in).expire_date - timezone.now()
    assert datetime.timedelta(hours=7, minutes=59) < ends <= datetime.timedelta(hours=8)


def test_a_session_idle_for_a_working_day_has_ended(signed_in):
    signed_in.get(reverse("documents:masterplan"))
    # Travel a working day and a minute on, without a request in between.
    session = stored_session(signed_in)
    session.expire_date -= datetime.timedelta(hours=8, minutes=1)
    session.save()

    response = signed_in.get(reverse("documents:masterplan"))

    assert response.status_code == 302
    assert response["Location"] == "/log-ind/?next=/masterplan/"


@override_settings(SESSION_EXPIRE_AT_BROWSER_CLOSE=True)
def test_a_session_can_be_set_to_end_when_the_browser_closes(signed_in):
    response = signed_in.get(reverse("documents:masterplan"))

    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
    # The server still ends it after a working day without activity.
    ends = stored_session(signed_in).expire_date - timezone.now()
    assert datetime.timedelta(hours=7, minutes=59) < ends <= datetime.timedelta(hours=8)
