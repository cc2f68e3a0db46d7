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
from cooperation.models import CooperationAgreement
from meetings.models import AgendaComment, Meeting, Paper
from meetings.storage import PrivateFileSystemStorage
from projects.models import HourRegistration, Project, StatusReport
from tests.factories import make_area, make_milestone, make_party, make_project, make_responsibility, make_user
from tests.meetings.factories import make_item, make_meeting, make_paper
from versions.publishing import publish_version

pytestmark = pytest.mark.django_db

USERS = ["stranger", "no role", "contact person", "board member", "steering group", "secretariat"]

OK, REFUSED = 200, 403
SIGN_IN = "sign in"  # 302 to /log-ind/?next=…
ADMIN_LOGIN = "admin login"  # 302 to the admin's login, which tells a signed-in user they lack access
TO_PROJECT = "to project"  # 302 back to the project's page after saving
TO_MASTERPLAN = "to masterplan"
TO_COMPARISON = "to comparison"  # 302 from the versions' form to the comparison's stable address
TO_MEETING = "to meeting"  # 302 back to the meeting's page after a comment


@dataclass
class World:
    own: Project  # the contact person's project
    other: Project
    party_pk: int
    approved: Meeting  # a meeting with approved minutes: board members read it
    draft: Meeting  # a planned meeting: its agenda is a draft
    public_paper: Paper
    internal_paper: Paper
    feed_token: str


@pytest.fixture
def world(monkeypatch, tmp_path) -> World:
    area = make_area(slug="energi-og-klima", name="Energi og klima")
    own = make_project(area=area, number=3, label="Delprojekt 3", title="Energi på dagsordenen")
    other = make_project(area=area, number=4, label="Delprojekt 4", title="Energimærkning")
    party = make_party(name="Odense Kommune")
    make_responsibility(project=own, party=party)
    make_milestone(project=own, date=datetime.date(2011, 6, 1))
    # The plan rests on an agreement (its page) and has two published versions (their pages and comparisons).
    plan = area.plan
    plan.agreement = CooperationAgreement.objects.create(
        slug="aftale", title="Aftale", between="Parterne", signed_on=datetime.date(2008, 9, 1), first_revision_year=2010
    )
    plan.save()
    publish_version(plan, name="1.3", approved_on=datetime.date(2010, 12, 17))
    publish_version(plan, name="1.4", approved_on=datetime.date(2011, 5, 12))
    monkeypatch.setattr(Paper._meta.get_field("file"), "storage", PrivateFileSystemStorage(location=tmp_path))
    approved = make_meeting(day=datetime.date(2011, 5, 12), status=Meeting.Status.MINUTES_APPROVED)
    draft = make_meeting(day=datetime.date(2011, 9, 1))
    make_item(draft, position=1)
    from meetings.calendar import calendar_feed_renew

    return World(
        own=own, other=other, party_pk=party.pk, approved=approved, draft=draft,
        public_paper=make_paper(approved), internal_paper=make_paper(approved, internal=True),
        feed_token=calendar_feed_renew(person=make_user()).token,
    )  # fmt: skip


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
    ("milestones not reached, whole", "get", lambda w: reverse("dashboard:milestones", args=["overskredne"]), None,
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
    # Board members read published versions and their comparisons; only the secretariat publishes (admin below).
    ("versions", "get", lambda w: reverse("versions:list"), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("a version", "get", lambda w: reverse("versions:version", args=["1.3"]), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("a version's PDF", "get", lambda w: reverse("versions:pdf", args=["1.3", "masterplan-a4"]), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("a version's sheet", "get", lambda w: reverse("versions:xlsx", args=["1.3"]), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("two versions compared", "get", lambda w: reverse("versions:compare", args=["1.3", "1.4"]), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("a version and today compared, as PDF", "get", lambda w: reverse("versions:compare-pdf", args=["1.3", "nu"]),
     None, [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("the versions' comparison form", "get",
     lambda w: reverse("versions:choose-comparison") + "?fra=1.3&til=1.4", None,
     [SIGN_IN, REFUSED, REFUSED, TO_COMPARISON, TO_COMPARISON, TO_COMPARISON]),
    ("the agreement", "get", lambda w: reverse("cooperation:agreement"), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    # Meetings (issue 11): board members read approved minutes, not drafts or internal papers.
    ("meetings", "get", lambda w: reverse("meetings:meetings"), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("approved meeting", "get", lambda w: reverse("meetings:meeting", args=[w.approved.pk]), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("draft meeting", "get", lambda w: reverse("meetings:meeting", args=[w.draft.pk]), None,
     [SIGN_IN, REFUSED, REFUSED, REFUSED, OK, OK]),
    ("approved meeting's pack", "get", lambda w: reverse("meetings:agenda-pdf", args=[w.approved.pk]), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("draft minutes", "get", lambda w: reverse("meetings:minutes-pdf", args=[w.draft.pk]), None,
     [SIGN_IN, REFUSED, REFUSED, REFUSED, OK, OK]),
    ("public paper", "get", lambda w: w.public_paper.get_absolute_url(), None,
     [SIGN_IN, REFUSED, REFUSED, OK, OK, OK]),
    ("internal paper", "get", lambda w: w.internal_paper.get_absolute_url(), None,
     [SIGN_IN, REFUSED, REFUSED, REFUSED, OK, OK]),
    ("comment on a draft agenda", "post", lambda w: reverse("meetings:new-comment", args=[w.draft.pk, 1]),
     {"text": "Husk Landsbyggefonden."}, [SIGN_IN, REFUSED, REFUSED, REFUSED, TO_MEETING, TO_MEETING]),
    ("my tasks", "get", lambda w: reverse("meetings:my-tasks"), None,
     [SIGN_IN, OK, OK, OK, OK, OK]),
    # The private calendar address is its own key: calendar programs do not sign in.
    ("calendar feed", "get", lambda w: reverse("meetings:calendar-feed", args=[w.feed_token]), None,
     [OK, OK, OK, OK, OK, OK]),
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
    ("admin: publish a version", "get", lambda w: reverse("admin:versions_planversion_add"), None,
     [SIGN_IN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, REFUSED, OK]),
    ("admin: record a revision of the agreement", "get", lambda w: reverse("admin:cooperation_agreementrevision_add"),
     None, [SIGN_IN, ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, REFUSED, OK]),
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
    elif expected == TO_COMPARISON:
        assert location == reverse("versions:compare", args=["1.3", "1.4"])
    elif expected == TO_MEETING:
        assert location.startswith(world.draft.get_absolute_url())


def state(world: World) -> tuple:
    return (
        StatusReport.objects.count(),
        HourRegistration.objects.count(),
        Project.objects.get(pk=world.own.pk).title,
        AgendaComment.objects.count(),
    )


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
    if method == "post" and expected in (TO_PROJECT, TO_MEETING):
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
        for namespace in (
            "dashboard",
            "areas",
            "projects",
            "documents",
            "search",
            "parties",
            "pages",
            "meetings",
            "versions",
            "cooperation",
        )
        for pattern in get_resolver().namespace_dict[namespace][1].url_patterns
    }
    covered = {
        "dashboard:dashboard", "areas:area", "projects:project", "projects:new-status-report",
        "projects:new-hours", "search:search", "parties:party", "documents:masterplan",
        "documents:area-masterplan", "documents:documents", "documents:area-pdf", "dashboard:attention",
        "dashboard:milestones", "pages:accessibility",
        "meetings:meetings", "meetings:meeting", "meetings:new-comment", "meetings:agenda-pdf",
        "meetings:minutes-pdf", "meetings:paper", "meetings:my-tasks", "meetings:calendar-feed",
        # Rendered like the area PDF, and walked by tests/byaftale/test_access.py and tests/documents/test_views.py:
        "documents:action-plan-pdf", "documents:masterplan-pdf",
        "versions:list", "versions:version", "versions:pdf", "versions:xlsx", "versions:compare",
        "versions:compare-pdf", "versions:choose-comparison", "cooperation:agreement",
    }  # fmt: skip
    assert portal_routes == covered
