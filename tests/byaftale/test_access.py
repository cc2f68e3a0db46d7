"""The three roles every fresh database has, walked across the portal's pages and the admin:
what each may do, and that everything else is refused (403, or the login for strangers), never a 500."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP, sync_roles
from projects.models import Project

pytestmark = pytest.mark.django_db

READ_PAGES = [
    reverse("documents:masterplan"),
    reverse("documents:area-masterplan", args=["energi-og-klima"]),
    reverse("documents:documents"),
    reverse("documents:masterplan-pdf", kwargs={"paper": "a4"}),
]


@pytest.fixture
def user_with_role(django_user_model):
    def make(role: str | None, *, staff: bool = False):
        user = django_user_model.objects.create_user(f"bruger-{role or 'uden-rolle'}", password="kode-1234-abcd")
        user.is_staff = staff
        user.save()
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


def test_a_fresh_database_has_the_three_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {SECRETARIAT, STEERING_GROUP, BOARD_MEMBER}
    assert set(Group.objects.get(name=BOARD_MEMBER).permissions.values_list("codename", flat=True)) == {
        "view_plan",
        "view_approved_minutes",
    }


def auth_permissions(role: str) -> set[str]:
    return set(
        Group.objects.get(name=role)
        .permissions.filter(content_type__app_label="auth")
        .values_list("codename", flat=True)
    )


def test_the_secretariat_manages_people_but_neither_groups_nor_permissions():
    assert auth_permissions(SECRETARIAT) == {"view_user", "add_user", "change_user", "view_group"}
    assert auth_permissions(STEERING_GROUP) == set() and auth_permissions(BOARD_MEMBER) == set()


def test_syncing_the_roles_again_keeps_what_the_secretariat_may_do_with_people():
    plan_permissions = Group.objects.get(name=SECRETARIAT).permissions.exclude(content_type__app_label="auth").count()

    sync_roles(apps)

    assert auth_permissions(SECRETARIAT) == {"view_user", "add_user", "change_user", "view_group"}
    assert Group.objects.get(name=SECRETARIAT).permissions.exclude(content_type__app_label="auth").count() == (
        plan_permissions
    )
    assert auth_permissions(STEERING_GROUP) == set()


@pytest.mark.parametrize("role", [SECRETARIAT, STEERING_GROUP, BOARD_MEMBER])
@pytest.mark.parametrize("url", READ_PAGES)
def test_every_role_reads_the_plan_and_downloads_its_documents(client, seeded, user_with_role, role, url):
    client.force_login(user_with_role(role))

    response = client.get(url)

    assert response.status_code == 200
    if response["Content-Type"] == "application/pdf":
        assert response.content.startswith(b"%PDF")
    else:
        assert "Energi og klima" in response.content.decode()


@pytest.mark.parametrize("url", READ_PAGES)
def test_a_signed_in_user_without_a_role_is_refused(client, seeded, user_with_role, url):
    client.force_login(user_with_role(None))

    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", READ_PAGES)
def test_strangers_are_sent_to_sign_in(client, seeded, url):
    response = client.get(url)

    assert response.status_code == 302 and response["Location"].startswith("/log-ind/")


def test_the_secretariat_edits_the_plan_in_the_admin(client, seeded, user_with_role):
    client.force_login(user_with_role(SECRETARIAT, staff=True))
    project = Project.objects.get(area__slug="energi-og-klima", number=3)

    page = client.get(reverse("admin:projects_project_change", args=[project.pk]))

    assert page.status_code == 200
    assert 'name="_save"' in page.content.decode()


def test_the_steering_group_may_look_in_the_admin_but_not_change_the_plan(client, seeded, user_with_role):
    client.force_login(user_with_role(STEERING_GROUP, staff=True))
    project = Project.objects.get(area__slug="energi-og-klima", number=3)
    url = reverse("admin:projects_project_change", args=[project.pk])

    page = client.get(url)
    refused = client.post(url, {"title": "Ændret titel"})

    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert refused.status_code == 403
    project.refresh_from_db()
    assert project.title == "Energi på dagsordenen"


def test_a_board_member_cannot_open_the_admin(client, seeded, user_with_role):
    client.force_login(user_with_role(BOARD_MEMBER))

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
