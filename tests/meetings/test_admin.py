"""The secretariat's admin for meetings: items, participants and papers inline, papers checked before they are
stored, decisions over a mandate's frame refused until acknowledged, and follow-up points to xlsx."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from byaftale.access import SECRETARIAT, STEERING_GROUP
from meetings.models import Decision, Paper
from tests.admin_pages import change_form_data
from tests.factories import make_user
from tests.meetings.factories import PDF_BYTES, make_item, make_mandate, make_meeting, make_point

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(client):
    client.force_login(make_user(SECRETARIAT, is_staff=True))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "da"
    return client


def meeting_change(client, meeting):
    return client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))


def with_paper(client, meeting, name: str, content: bytes) -> tuple:
    data = change_form_data(meeting_change(client, meeting))
    # The admin splits a date and time into two inputs.
    data.update({"starts_at_0": "12.05.2011", "starts_at_1": "14:00", "ends_at_0": "12.05.2011", "ends_at_1": "16:00"})
    data.update(
        {"papers-TOTAL_FORMS": "1", "papers-0-title": "Oplæg", "papers-0-file": SimpleUploadedFile(name, content)}
    )
    return client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), data)


def test_the_meeting_page_has_participants_items_and_papers_inline(secretariat):
    meeting = make_meeting()
    page = meeting_change(secretariat, meeting)
    assert page.status_code == 200
    assert [f.opts.model._meta.model_name for f in page.context["inline_admin_formsets"]] == [
        "participant",
        "agendaitem",
        "paper",
    ]


def test_a_paper_is_attached_in_the_admin_with_a_random_stored_name(secretariat, papers_dir):
    meeting = make_meeting()
    response = with_paper(secretariat, meeting, "Oplæg til mødet.pdf", PDF_BYTES)
    assert response.status_code == 302
    paper = Paper.objects.get()
    assert paper.original_name == "Oplæg til mødet.pdf" and paper.file_type == "pdf"
    assert paper.uploaded_by is not None and "Oplæg" not in paper.file.name


def test_a_disguised_file_is_refused_in_the_admin_in_danish_and_nothing_is_stored(secretariat, papers_dir):
    meeting = make_meeting()
    response = with_paper(secretariat, meeting, "Oplæg.pdf", b"#!/bin/sh\necho pwned\n")
    assert response.status_code == 200
    assert "er ikke en fil af en godkendt type" in response.content.decode()
    assert not Paper.objects.exists()
    assert not papers_dir.exists() or not any(p.is_file() for p in papers_dir.rglob("*"))


def test_a_decision_over_the_frame_is_flagged_in_the_admin_until_acknowledged(secretariat):
    mandate = make_mandate(economic_frame=Decimal("10000"))
    item = make_item()
    data = {
        "item": item.pk,
        "text": "Workshop for afdelingsbestyrelser",
        "has_economic_consequences": "on",
        "amount": "25000",
        "mandate": mandate.pk,
        "taken": "on",
        "follow_up_points-TOTAL_FORMS": "0",
        "follow_up_points-INITIAL_FORMS": "0",
    }
    response = secretariat.post(reverse("admin:meetings_decision_add"), data)
    assert response.status_code == 200
    assert "overskrider 25.000 kr. dets ramme på 10.000 kr." in response.content.decode()
    assert not Decision.objects.exists()
    response = secretariat.post(reverse("admin:meetings_decision_add"), {**data, "over_frame_acknowledged": "on"})
    assert response.status_code == 302 and Decision.objects.get().over_frame_acknowledged


def test_follow_up_points_added_under_a_decision_belong_to_its_meeting(secretariat):
    item = make_item()
    person = make_user()
    data = {
        "item": item.pk,
        "text": "Vi skriver til BO.",
        "follow_up_points-TOTAL_FORMS": "1",
        "follow_up_points-INITIAL_FORMS": "0",
        "follow_up_points-0-what": "Skriv til BO",
        "follow_up_points-0-person": person.pk,
        "follow_up_points-0-due_date": "19.05.2011",
    }
    response = secretariat.post(reverse("admin:meetings_decision_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    point = Decision.objects.get().follow_up_points.get()
    assert point.meeting == item.meeting and point.due_date == datetime.date(2011, 5, 19)


def test_follow_up_points_export_to_xlsx_with_formulas_escaped(secretariat):
    make_point(what='=HYPERLINK("http://evil")', due_date=datetime.date(2011, 5, 19))
    response = secretariat.post(
        reverse("admin:meetings_followuppoint_export"),
        {
            "format": "0",
            "export_items": [],
            "resource": "0",
            **{
                f"followuppointresource_{n}": "on"
                for n in ("meeting", "what", "person", "party", "due_date", "done", "decision")
            },
        },
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Møde", "Hvad", "Ansvarlig person")
    assert rows[1][1] == '\'=HYPERLINK("http://evil")'


def test_the_steering_group_reads_meetings_in_the_admin_but_cannot_change_them(client):
    client.force_login(make_user(STEERING_GROUP, is_staff=True))
    meeting = make_meeting()
    assert client.get(reverse("admin:meetings_meeting_changelist")).status_code == 200
    assert client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), {}).status_code == 403


def test_the_invitation_is_sent_from_the_meetings_list(secretariat):
    from django.core import mail

    from tests.meetings.factories import make_participant

    meeting = make_meeting()
    make_participant(meeting, make_user(email="lise@example.dk"))
    response = secretariat.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "send_invitation", "_selected_action": [meeting.pk]},
        follow=True,
    )
    assert "1 indkaldelse sendt." in response.content.decode()
    assert len(mail.outbox) == 1 and mail.outbox[0].attachments[0][0].endswith(".ics")
    meeting.refresh_from_db()
    assert meeting.status == meeting.Status.INVITATION_SENT
    assert meeting.history.count() == 2
