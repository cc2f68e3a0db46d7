"""Who may do what, walked as a whole matrix: every kind of user × every page and action of the portal.

Each cell states what the user meets: the page (200), a redirect where one belongs (a saved form goes
back to its project; a board member's front page is the masterplan), the sign-in page for strangers,
the admin's own login for signed-in users without staff status, or 403. Never a 500, and a refused
action changes nothing.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.urls import reverse

from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from projects.models import HourRegistration, Project, StatusReport
from tests.factories import make_area, make_milestone, make_party, make_project, make_responsibility, make_user

pytestmark = pytest.mark.django_db

USERS = ["stranger", "no role", "contact person", "board member", "steering group", "secretariat"]

OK, REFUSED = 200, 403
SIGN_IN = "sign in"  # 302 to /log-ind/?next=…
ADMIN_LOGIN = "admin login"  # 302 to the admin's login, which tells a signed-in user they lack access
TO_PROJECT = "to project"  # 302 back to the project's page after saving
TO_MASTERPLAN = "to masterplan"


@dataclass
class World:
    own: Project  # the contact person's project
    other: Project
    party_pk: int


@pytest.fixture
def world() -> World:
    area = make_area(slug="energi-og-klima", name="Energi og klima")
    own = make_project(area=area, number=3, label="Delprojekt 3", title="Energi på dagsordenen")
    other = make_project(area=area, number=4, label="Delprojekt 4", title="Energimærkning")
    party = make_party(name="Odense Kommune")
    make_responsibility(project=own, party=party)
    make_milestone(project=own, date=datetime.date(2011, 6, 1))
    return World(own=own, other=other, party_pk=party.pk)


def user_for(kind: str, world: World):  # noqa: ANN201
    if kind == "stranger":
        return None
    role = {"board member": BOARD_MEMBER, "steering group": STEERING_GROUP, "secretariat": SECRETARIAT}.get(kind)
    # Both the secretariat and the steering group work in the admin, so both have staff status.
    user = make_user(role, is_staff=kind in ("steering group", "secretariat"))
    if kind == "contact person":
        world.own.contact_persons.add(user)
    return user


def project_url(name: str, project: Project) -> str:
    return reverse(name, args=[project.area.slug, project.number])


STATUS_REPORT = {"date": "2026-11-02", "light": "red", "text": "Udbuddet er forsinket."}
HOURS = {"date": "2026-11-02", "hours": "7,5", "note": "Møde"}

# (action, method, url, data, what each user in USERS meets)
MATRIX = [
    ("dashboard", "get", lambda w: reverse("dashboard:dashboard"), None,
     [SIGN_IN, REFUSED, TO_PROJECT, TO_MASTERPLAN, OK, OK]),
    ("area page", "get", lambda w: reverse("areas:area", args=["energi-og-klima"]), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("own project page", "get", lambda w: project_url("projects:project", w.own), None,
     [SIGN_IN, REFUSED, OK, OK, OK, OK]),
    ("other project page", "get", lambda w: project_url("projects:project", w.other), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("status form, own project", "get", lambda w: project_url("projects:new-status-report", w.own), None,
     [SIGN_IN, REFUSED, OK, REFUSED, OK, OK]),
    ("status form, other project", "get", lambda w: project_url("projects:new-status-report", w.other), None,
     [SIGN_IN, REFUSED, REFUSED, REFUSED, OK, OK]),
    ("file a status report, own project", "post", lambda w: project_url("projects:new-status-report", w.own),
     STATUS_REPORT, [SIGN_IN, REFUSED, TO_PROJECT, REFUSED, TO_PROJECT, TO_PROJECT]),
    ("file a status report, other project", "post", lambda w: project_url("projects:new-status-report", w.other),
     STATUS_REPORT, [SIGN_IN, REFUSED, REFUSED, REFUSED, TO_PROJECT, TO_PROJECT]),
    ("hours form, own project", "get", lambda w: project_url("projects:new-hours", w.own), None,
     [SIGN_IN, REFUSED, OK, REFUSED, REFUSED, OK]),
    ("register hours, own project", "post", lambda w: project_url("projects:new-hours", w.own), HOURS,
     [SIGN_IN, REFUSED, TO_PROJECT, REFUSED, REFUSED, TO_PROJECT]),
    ("register hours, other project", "post", lambda w: project_url("projects:new-hours", w.other), HOURS,
     [SIGN_IN, REFUSED, REFUSED, REFUSED, REFUSED, TO_PROJECT]),
    ("attention list, whole", "get", lambda w: reverse("dashboard:attention", args=["statusrapport"]), None,
     [SIGN_IN, REFUSED, REFUSED, REFUSED, OK, OK]),
    ("attention list, area's", "get",
     lambda w: reverse("dashboard:attention", args=["lys"]) + "?omraade=energi-og-klima", None,
     [SIGN_IN, REFUSED, REFUSED, REFUSED, OK, OK]),
    # Correcting a status is the secretariat's job, so the list of statuses the data contradicts is theirs.
    ("statuses the data contradicts", "get", lambda w: reverse("dashboard:attention", args=["status"]), None,
     [SIGN_IN, REFUSED, REFUSED, REFUSED, REFUSED, OK]),
    ("search", "get", lambda w: reverse("search:search") + "?q=energi", None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("party page", "get", lambda w: reverse("parties:party", args=[w.party_pk]), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("masterplan", "get", lambda w: reverse("documents:masterplan"), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("area masterplan", "get", lambda w: reverse("documents:area-masterplan", args=["energi-og-klima"]), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("documents", "get", lambda w: reverse("documents:documents"), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("area PDF", "get", lambda w: reverse("documents:area-pdf", args=["energi-og-klima"]), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    # Public-sector law: the accessibility statement is open to everyone, signed in or not.
    ("accessibility statement", "get", lambda w: reverse("pages:accessibility"), None,
     [OK, OK, OK, OK, OK, OK]),
    # The admin's front page is its own login page's business, for strangers too.
    ("admin", "get", lambda w: reverse("admin:index"), None,
     [ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK, OK]),
    ("admin: a project's form", "get", lambda w: reverse("admin:projects_project_change", args=[w.own.pk]), None,
     [SIGN_IN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK, OK]),
    ("admin: change a project", "post", lambda w: reverse("admin:projects_project_change", args=[w.own.pk]),
     {"title": "Ændret titel"}, [SIGN_IN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, REFUSED, OK]),
    ("admin: hours form", "get", lambda w: reverse("admin:projects_hourregistration_add"), None,
     [SIGN_IN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, REFUSED, OK]),
    ("admin: status report form", "get", lambda w: reverse("admin:projects_statusreport_add"), None,
     [SIGN_IN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK, OK]),
    ("admin: people", "get", lambda w: reverse("admin:auth_user_changelist"), None,
     [SIGN_IN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, REFUSED, OK]),
    ("admin: a project's history", "get", lambda w: reverse("admin:projects_project_history", args=[w.own.pk]),
     None, [SIGN_IN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK, OK]),
]  # fmt: skip

CELLS = [
    pytest.param(action, method, url, data, user, expected, id=f"{action} · {user}")
    for action, method, url, data, outcomes in MATRIX
    for user, expected in zip(USERS, outcomes, strict=True)
]


def assert_meets(response, expected, world: World, url: str) -> None:
    if expected in (OK, REFUSED):
        assert response.status_code == expected
        return
    assert response.status_code == 302
    location = response["Location"]
    if expected == SIGN_IN:
        assert location.startswith(f"{reverse('login')}?next=")
    elif expected == ADMIN_LOGIN:
        assert location.startswith(f"{reverse('admin:login')}?next=")
    elif expected == TO_PROJECT:
        project = world.other if "/4/" in url else world.own
        assert location == project_url("projects:project", project)
    elif expected == TO_MASTERPLAN:
        assert location == reverse("documents:masterplan")


def state(world: World) -> tuple:
    return StatusReport.objects.count(), HourRegistration.objects.count(), Project.objects.get(pk=world.own.pk).title


@pytest.mark.parametrize(("action", "method", "url", "data", "user", "expected"), CELLS)
def test_the_matrix(client, world, action, method, url, data, user, expected):
    person = user_for(user, world)
    if person is not None:
        client.force_login(person)
    url = url(world)
    before = state(world)

    response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)

    assert_meets(response, expected, world, url)
    after = state(world)
    if method == "post" and expected == TO_PROJECT:
        assert after != before, "a permitted action leaves its mark"
    elif method == "post" and expected != OK:
        assert after == before, "a refused action changes nothing"


def test_the_matrix_covers_every_page_of_the_portal():
    """A new page must be added to the matrix: every named route of the portal is walked here."""
    from django.urls import get_resolver

    walked = {name for name, *_ in MATRIX}
    assert len(walked) == len(MATRIX)
    portal_routes = {
        f"{namespace}:{pattern.name}"
        for namespace in ("dashboard", "areas", "projects", "documents", "search", "parties", "pages")
        for pattern in get_resolver().namespace_dict[namespace][1].url_patterns
    }
    covered = {
        "dashboard:dashboard", "areas:area", "projects:project", "projects:new-status-report",
        "projects:new-hours", "search:search", "parties:party", "documents:masterplan",
        "documents:area-masterplan", "documents:documents", "documents:area-pdf", "dashboard:attention",
        "pages:accessibility",
        # Rendered like the area PDF, and walked by tests/byaftale/test_access.py and tests/documents/test_views.py:
        "documents:action-plan-pdf", "documents:masterplan-pdf",
    }  # fmt: skip
    assert portal_routes == covered
