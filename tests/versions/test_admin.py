"""Publishing from the admin: the secretariat's form freezes the plan; a published version is read-only and
stays; the board has no way in."""

import datetime

import pytest
from django.urls import reverse

from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from tests.factories import make_user
from versions.models import PlanVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(client):
    user = make_user(SECRETARIAT, is_staff=True, first_name="Sara", last_name="Sekretær")
    client.force_login(user)
    return client


def test_the_secretariat_publishes_a_version_from_the_admin(plan, secretariat):
    response = secretariat.post(
        reverse("admin:versions_planversion_add"),
        {
            "name": "1.4",
            "approved_on": "12.05.2011",
            "approved_by": "Den Fælles Boligstrategiske Gruppe",
            "note": "Revideret tidsplan",
        },
    )

    assert response.status_code == 302
    version = PlanVersion.objects.get(name="1.4")
    assert version.approved_on == datetime.date(2011, 5, 12)
    assert version.published_by == "Sara Sekretær"
    assert version.project_count == 33


def test_the_admin_refuses_a_name_already_published_and_keeps_what_was_typed(plan, secretariat):
    response = secretariat.post(
        reverse("admin:versions_planversion_add"), {"name": "1.3", "approved_on": "12.05.2011", "note": "Mit notat"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Version 1.3 er allerede udgivet." in page
    assert "Mit notat" in page
    assert PlanVersion.objects.count() == 1


def test_a_published_version_is_read_only_in_the_admin(plan, secretariat):
    version = PlanVersion.objects.get()
    url = reverse("admin:versions_planversion_change", args=[version.pk])

    page = secretariat.get(url).content.decode()
    assert 'name="note"' not in page  # shown, not editable
    assert "/versioner/1.3/" in page
    assert secretariat.post(url, {"name": "9.9", "approved_on": "01.01.2011"}).status_code == 403
    assert (
        secretariat.post(reverse("admin:versions_planversion_delete", args=[version.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert PlanVersion.objects.get().name == "1.3"


@pytest.mark.parametrize(("role", "staff", "status"), [(STEERING_GROUP, True, 403), (BOARD_MEMBER, False, 302)])
def test_only_the_secretariat_publishes(plan, client, role, staff, status):
    client.force_login(make_user(role, is_staff=staff))
    response = client.post(reverse("admin:versions_planversion_add"), {"name": "1.4", "approved_on": "12.05.2011"})
    assert response.status_code == status
    assert not PlanVersion.objects.filter(name="1.4").exists()
