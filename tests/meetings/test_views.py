"""The meetings' pages as each role meets them: what they show, what they refuse, and the PDFs read back."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from meetings.models import AgendaComment, Meeting, Participant
from projects.models import StatusReport
from tests.factories import make_hours, make_project, make_status_report, make_user
from tests.meetings.factories import (
    PDF_BYTES,
    make_decision,
    make_item,
    make_meeting,
    make_paper,
    make_participant,
    make_point,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    """A held meeting with approved minutes, a draft, each with a public and an internal paper."""
    approved = make_meeting(day=datetime.date(2011, 5, 12), status=Meeting.Status.MINUTES_APPROVED)
    draft = make_meeting(day=datetime.date(2011, 9, 1))
    open_item = make_item(approved, title="Energirenovering af Vollsmose", position=1)
    secret_item = make_item(approved, title="Forhandling om husleje", position=2, internal=True)
    make_decision(open_item, text="Gruppen igangsætter energirenoveringen.")
    make_item(draft, title="Udkast til budget 2012", position=1)
    return {
        "approved": approved,
        "draft": draft,
        "public paper": make_paper(approved, item=open_item, title="Oplæg om energi"),
        "internal paper": make_paper(approved, title="Fortroligt notat", internal=True),
        "paper on internal item": make_paper(approved, item=secret_item, title="Huslejeberegning"),
        "draft paper": make_paper(draft, title="Budgetudkast"),
    }


def client_for(client, role):
    user = make_user(role)
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (SECRETARIAT, {"approved": 200, "draft": 200}),
        (STEERING_GROUP, {"approved": 200, "draft": 200}),
        (BOARD_MEMBER, {"approved": 200, "draft": 403}),
        (None, {"approved": 403, "draft": 403}),
    ],
)
def test_who_reads_which_meeting_and_its_pdfs(client, meetings, role, expected):
    client = client_for(client, role)
    for key, status in expected.items():
        meeting = meetings[key]
        assert client.get(meeting.get_absolute_url()).status_code == status, key
        assert client.get(reverse("meetings:agenda-pdf", args=[meeting.pk])).status_code == status, key
        assert client.get(reverse("meetings:minutes-pdf", args=[meeting.pk])).status_code == status, key


def test_a_board_member_is_refused_a_draft_with_the_roles_that_open_it(client, meetings):
    response = client_for(client, BOARD_MEMBER).get(meetings["draft"].get_absolute_url())
    assert response.status_code == 403
    assert "Sekretariat eller Styregruppe" in response.content.decode()


def test_the_list_shows_a_board_member_only_approved_meetings(client, meetings):
    page = client_for(client, BOARD_MEMBER).get(reverse("meetings:meetings")).content.decode()
    assert meetings["approved"].get_absolute_url() in page
    assert meetings["draft"].get_absolute_url() not in page


def test_the_list_shows_the_steering_group_coming_and_past_meetings_in_danish(client, meetings):
    page = client_for(client, STEERING_GROUP).get(reverse("meetings:meetings")).content.decode()
    assert "Kommende møder" in page and "Afholdte møder" in page
    assert "12. maj 2011" in page and "1. september 2011" in page


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (SECRETARIAT, {"public paper": 200, "internal paper": 200, "paper on internal item": 200, "draft paper": 200}),
        (
            STEERING_GROUP,
            {"public paper": 200, "internal paper": 200, "paper on internal item": 200, "draft paper": 200},
        ),
        (BOARD_MEMBER, {"public paper": 200, "internal paper": 403, "paper on internal item": 403, "draft paper": 403}),
        (None, {"public paper": 403, "internal paper": 403, "paper on internal item": 403, "draft paper": 403}),
    ],
)
def test_who_downloads_which_paper(client, meetings, role, expected):
    client = client_for(client, role)
    for key, status in expected.items():
        response = client.get(meetings[key].get_absolute_url())
        assert response.status_code == status, key
        if status == 200:
            assert b"".join(response.streaming_content) == PDF_BYTES
            assert response["Content-Type"] == "application/pdf"
            assert "attachment" in response["Content-Disposition"]


def test_a_stranger_is_sent_to_sign_in_for_a_paper(client, meetings):
    response = client.get(meetings["public paper"].get_absolute_url())
    assert response.status_code == 302 and "/log-ind/" in response["Location"]


def test_a_board_member_sees_neither_internal_items_nor_internal_papers(client, meetings):
    page = client_for(client, BOARD_MEMBER).get(meetings["approved"].get_absolute_url()).content.decode()
    assert "Energirenovering af Vollsmose" in page and "Gruppen igangsætter energirenoveringen." in page
    assert "Oplæg om energi" in page
    assert "Forhandling om husleje" not in page and "Fortroligt notat" not in page and "Huslejeberegning" not in page


def test_the_steering_group_comments_on_a_draft_agenda(client, meetings):
    client = client_for(client, STEERING_GROUP)
    draft = meetings["draft"]
    url = reverse("meetings:new-comment", args=[draft.pk, 1])
    response = client.post(url, {"text": "Husk Landsbyggefonden."})
    assert response.status_code == 302
    assert AgendaComment.objects.get().text == "Husk Landsbyggefonden."
    assert "Husk Landsbyggefonden." in client.get(draft.get_absolute_url()).content.decode()


def test_a_board_member_cannot_comment(client, meetings):
    client = client_for(client, BOARD_MEMBER)
    response = client.post(reverse("meetings:new-comment", args=[meetings["approved"].pk, 1]), {"text": "Hej"})
    assert response.status_code == 403 and not AgendaComment.objects.exists()


def pdf_text(response) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_the_meeting_pack_holds_each_item_and_each_linked_projects_status(client):
    meeting = make_meeting(day=datetime.date(2011, 5, 12))
    project = make_project(title="Energimærkning af boliger", hour_budget=1750)
    make_hours(project=project, hours=Decimal("12"))
    make_status_report(project=project, light=StatusReport.Light.YELLOW, text="Udbuddet er forsinket.")
    item = make_item(meeting, title="Status på energimærkningen", position=1, background="Projektet er i gang.")
    item.projects.add(project)
    make_paper(meeting, item=item, title="Bilag 1: Tidsplan")
    response = client_for(client, STEERING_GROUP).get(reverse("meetings:agenda-pdf", args=[meeting.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="byaftale-dagsorden-2011-05-12.pdf"'
    text, pages = pdf_text(response)
    assert pages >= 2
    for expected in [
        "Dagsorden",
        "Status på energimærkningen",
        "Projektet er i gang.",
        "Bilag 1: Tidsplan",
        "Energimærkning af boliger",
        "Gul: i risiko",
        "12 af 1.750 timer",
        "Udbuddet er forsinket.",
    ]:
        assert expected in text.replace("\n", " "), expected
    assert PdfReader(io.BytesIO(response.content)).pdf_header.startswith("%PDF-")


def test_the_minutes_hold_attendance_decisions_and_follow_up(client):
    meeting = make_meeting(day=datetime.date(2011, 5, 12), status=Meeting.Status.MINUTES_APPROVED)
    person = make_user(first_name="Lise", last_name="Jensen")
    make_participant(meeting, person, attended=Participant.Attendance.YES)
    decision = make_decision(make_item(meeting, title="Handlingsplan 2012", position=1), text="Planen godkendes.")
    make_point(decision=decision, person=person, what="Send planen til bestyrelserne")
    response = client_for(client, BOARD_MEMBER).get(reverse("meetings:minutes-pdf", args=[meeting.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="byaftale-referat-2011-05-12.pdf"'
    text, _ = pdf_text(response)
    text = text.replace("\n", " ")
    for expected in [
        "Referat",
        "Lise Jensen",
        "til stede",
        "Handlingsplan 2012",
        "Planen godkendes.",
        "Send planen til bestyrelserne",
    ]:
        assert expected in text, expected
    assert "Udkast" not in text


def test_my_tasks_lists_the_persons_own_points_and_marks_them_done(client):
    person = make_user()
    mine = make_point(person=person, what="Skriv til Landsbyggefonden", due_date=datetime.date(2011, 5, 19))
    make_point(what="Andens opgave")
    client.force_login(person)
    page = client.get(reverse("meetings:my-tasks")).content.decode()
    assert "Skriv til Landsbyggefonden" in page and "Andens opgave" not in page
    assert "overskredet" in page
    client.post(reverse("meetings:my-tasks"), {"action": "done", "point": mine.pk})
    mine.refresh_from_db()
    assert mine.done


def test_nobody_marks_another_persons_point_done(client):
    point = make_point()
    client.force_login(make_user())
    assert client.post(reverse("meetings:my-tasks"), {"action": "done", "point": point.pk}).status_code == 404
    point.refresh_from_db()
    assert not point.done


def test_a_board_members_pack_names_the_projects_without_their_hours_and_reports(client):
    meeting = make_meeting(day=datetime.date(2011, 5, 12), status=Meeting.Status.MINUTES_APPROVED)
    project = make_project(title="Energimærkning af boliger", hour_budget=1750)
    make_status_report(project=project, text="Udbuddet er forsinket.")
    make_item(meeting, title="Status på energimærkningen", position=1).projects.add(project)
    text, _ = pdf_text(client_for(client, BOARD_MEMBER).get(reverse("meetings:agenda-pdf", args=[meeting.pk])))
    assert "Energimærkning af boliger" in text
    assert "Udbuddet er forsinket." not in text and "1.750" not in text
