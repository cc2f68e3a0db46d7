"""The preferences page: each signed-in person ticks the reminders they want; every kind is on at first."""

import pytest
from django.urls import reverse

from byaftale.access import BOARD_MEMBER
from operations.models import ReminderKind, ReminderOptOut
from tests.factories import make_user

pytestmark = pytest.mark.django_db

URL = "/konto/paamindelser/"


def test_the_page_needs_signing_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_every_kind_is_ticked_at_first_in_danish(client):
    person = make_user(BOARD_MEMBER, email="birte@example.dk")
    client.force_login(person)

    page = client.get(URL).content.decode()

    assert '<h1 id="reminders-heading">Påmindelser på e-mail</h1>' in page
    assert "Påmindelserne sendes til birte@example.dk." in page
    assert page.count("checked") == len(ReminderKind.values)
    assert "Styregruppens ugentlige overblik" in page


def test_unticking_a_kind_turns_it_off_for_that_person_only(client):
    person, other = make_user(email="a@example.dk"), make_user(email="b@example.dk")
    client.force_login(person)
    kept = [k for k in ReminderKind.values if k != ReminderKind.WEEKLY_DIGEST]

    response = client.post(URL, {"kinds": kept}, follow=True)

    assert "Dit valg af påmindelser er gemt." in response.content.decode()
    assert list(ReminderOptOut.objects.values_list("user", "kind")) == [(person.pk, ReminderKind.WEEKLY_DIGEST)]
    assert ReminderOptOut.history.count() == 1

    client.post(URL, {"kinds": ReminderKind.values})
    assert not ReminderOptOut.objects.filter(user=other).exists()
    assert not ReminderOptOut.objects.exists()


def test_a_person_without_an_address_is_told_so(client):
    client.force_login(make_user(email=""))
    assert "Din konto har ingen e-mailadresse" in client.get(URL).content.decode()
