"""The secretariat manages people in the admin: it picks contact persons, gives roles and staff status with
them, and changes passwords, but it never makes a superuser, hands out single permissions or touches a
superuser's account."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from tests.admin_pages import change_form_data
from tests.factories import make_project, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary(client):
    user = make_user(SECRETARIAT, is_staff=True, first_name="Sanne", last_name="Sekretær")
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "da"
    return user


def change_url(user) -> str:
    return reverse("admin:auth_user_change", args=[user.pk])


def test_the_secretariat_picks_contact_persons_from_the_user_autocomplete(client, secretary):
    kim = make_user(username="kim", first_name="Kim", last_name="Kontakt")
    make_user(username="ole", first_name="Ole", last_name="Olsen")
    make_project()

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "projects", "model_name": "project", "field_name": "contact_persons", "term": "Kontakt"},
    )

    assert response.status_code == 200
    assert [result["id"] for result in response.json()["results"]] == [str(kim.pk)]


def test_the_steering_group_still_cannot_pick_users(client):
    client.force_login(make_user(STEERING_GROUP, is_staff=True))

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "projects", "model_name": "project", "field_name": "contact_persons", "term": "a"},
    )

    assert response.status_code == 403


def test_the_secretariat_offers_only_the_three_roles(client, secretary):
    Group.objects.create(name="Udviklere")
    person = make_user()

    form = client.get(change_url(person)).context["adminform"].form

    assert sorted(group.name for group in form.fields["groups"].queryset) == sorted(
        [SECRETARIAT, STEERING_GROUP, BOARD_MEMBER]
    )
    assert "is_superuser" not in form.fields and "user_permissions" not in form.fields


def test_posting_superuser_status_and_permissions_gives_a_role_and_nothing_more(client, secretary):
    person = make_user(username="kim")
    data = change_form_data(client.get(change_url(person)))
    data.update(
        is_staff="on",
        groups=[str(Group.objects.get(name=STEERING_GROUP).pk)],
        is_superuser="on",
        user_permissions=[str(Permission.objects.get(codename="change_group").pk)],
    )

    response = client.post(change_url(person), data)

    assert response.status_code == 302
    person.refresh_from_db()
    assert list(person.groups.values_list("name", flat=True)) == [STEERING_GROUP]
    assert person.is_staff
    assert not person.is_superuser
    assert not person.user_permissions.exists()
    assert not person.has_perm("auth.change_group")


def test_the_secretariat_cannot_make_itself_a_superuser_either(client, secretary):
    data = change_form_data(client.get(change_url(secretary)))
    data.update(is_superuser="on")

    client.post(change_url(secretary), data)

    secretary.refresh_from_db()
    assert not secretary.is_superuser and secretary.groups.filter(name=SECRETARIAT).exists()


def test_staff_status_needs_a_role_that_works_in_the_admin(client, secretary):
    person = make_user(BOARD_MEMBER)
    data = {**change_form_data(client.get(change_url(person))), "is_staff": "on"}

    response = client.post(change_url(person), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["is_staff"] == [
        "Administratorstatus hører til rollen Sekretariat eller Styregruppe; giv en af dem."
    ]
    person.refresh_from_db()
    assert not person.is_staff


def test_other_groups_a_user_is_in_stay_when_the_secretariat_changes_the_roles(client, secretary):
    developers = Group.objects.create(name="Udviklere")
    person = make_user(BOARD_MEMBER)
    person.groups.add(developers)
    data = change_form_data(client.get(change_url(person)))
    data["groups"] = [str(Group.objects.get(name=STEERING_GROUP).pk)]

    client.post(change_url(person), data)

    assert sorted(person.groups.values_list("name", flat=True)) == [STEERING_GROUP, "Udviklere"]


def test_the_secretariat_sets_a_colleagues_password_but_never_a_superusers(client, secretary, django_user_model):
    colleague = make_user(SECRETARIAT, is_staff=True)
    superuser = django_user_model.objects.create_superuser("chef", "chef@example.dk", "gammel-kode-42")
    new_password = {"password1": "ny-kode-9876-xyz", "password2": "ny-kode-9876-xyz"}
    password_url = "admin:auth_user_password_change"

    set_colleague = client.post(reverse(password_url, args=[colleague.pk]), new_password)
    set_superuser = client.post(reverse(password_url, args=[superuser.pk]), new_password)
    change_superuser = client.post(change_url(superuser), {"username": "chef", "email": "ny@example.dk"})

    assert set_colleague.status_code == 302
    colleague.refresh_from_db()
    assert colleague.check_password("ny-kode-9876-xyz")
    assert set_superuser.status_code == 403 and change_superuser.status_code == 403
    superuser.refresh_from_db()
    assert superuser.check_password("gammel-kode-42") and superuser.email == "chef@example.dk"
    assert 'name="_save"' not in client.get(change_url(superuser)).content.decode()


def test_the_secretariat_creates_an_account_to_give_a_role(client, secretary):
    password = {"usable_password": "true", "password1": "kode-1234-abcd", "password2": "kode-1234-abcd"}

    response = client.post(reverse("admin:auth_user_add"), {"username": "ny-kontakt", "is_superuser": "on", **password})

    created = secretary.__class__.objects.get(username="ny-kontakt")
    assert response.status_code == 302 and response["Location"] == change_url(created)
    assert not created.is_superuser and not created.is_staff


def test_a_superuser_keeps_the_whole_user_admin(admin_client_da):
    form = admin_client_da.get(change_url(make_user())).context["adminform"].form

    assert "is_superuser" in form.fields and "user_permissions" in form.fields
