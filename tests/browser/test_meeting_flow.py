"""The joint group's meeting in Chromium (issue 11, "Done when"): the secretariat prepares a meeting with three
items linked to projects and a PDF paper, downloads the meeting pack and finds each item and each linked
project's status in it; records a decision with a follow-up point due in a week, which then shows on the
dashboard, on the project's page and on the responsible person's "Mine opgaver"; a board member reads the
approved minutes and is refused a draft and a paper."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from byaftale.access import BOARD_MEMBER, SECRETARIAT
from meetings.models import Decision, FollowUpPoint, Meeting, Paper
from meetings.storage import PrivateFileSystemStorage
from parties.models import Party
from projects.models import Project
from tests.browser.conftest import PASSWORD
from tests.meetings.factories import PDF_BYTES, make_meeting, make_paper

PROJECTS = {
    1: ("energi-og-klima", 3, "Energi på dagsordenen"),
    2: ("energi-og-klima", 4, None),
    3: ("tidssvarende-boliger", 1, None),
}


@pytest.fixture(autouse=True)
def papers_dir(monkeypatch, tmp_path):
    location = tmp_path / "papers"
    monkeypatch.setattr(Paper._meta.get_field("file"), "storage", PrivateFileSystemStorage(location=location))
    return location


def pdf_text(path: str) -> str:
    reader = PdfReader(io.BytesIO(Path(path).read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def choose(page: Page, select_id: str, text: str) -> None:
    """Pick an option in one of the admin's autocomplete (select2) fields by typing part of its name."""
    page.locator(f"#{select_id} + .select2").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def sign_in_as(page: Page, live_server, username: str) -> None:
    if page.get_by_role("button", name="Log ud").count():
        page.get_by_role("button", name="Log ud").first.click()
    page.goto(f"{live_server.url}/log-ind/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    expect(page.get_by_role("button", name="Log ud")).to_be_visible()


def test_the_secretariat_prepares_a_meeting_and_follow_up_reaches_everyone(
    page: Page, live_server, seeded_live, django_user_model
):
    secretariat = django_user_model.objects.create_user("sekretariat", password=PASSWORD, is_staff=True)
    secretariat.groups.add(Group.objects.get(name=SECRETARIAT))
    lise = django_user_model.objects.create_user("lise", password=PASSWORD, first_name="Lise", last_name="Jensen")
    bente = django_user_model.objects.create_user("bente", password=PASSWORD, first_name="Bente")
    bente.groups.add(Group.objects.get(name=BOARD_MEMBER))
    projects = {n: Project.objects.get(area__slug=slug, number=number) for n, (slug, number, _) in PROJECTS.items()}
    day = timezone.localdate() + datetime.timedelta(days=14)
    # A draft meeting with a paper: the board member must be refused both.
    draft = make_meeting(day=day + datetime.timedelta(days=30), title="Budgetmøde")
    draft_paper = make_paper(draft, title="Budgetudkast", uploaded_by=secretariat)

    sign_in_as(page, live_server, "sekretariat")
    page.goto(f"{live_server.url}/admin/meetings/meeting/add/")
    choose(page, "id_body", "Den Fælles Boligstrategiske")
    page.locator("#id_starts_at_0").fill(day.strftime("%d.%m.%Y"))
    page.locator("#id_starts_at_1").fill("14:00")
    page.locator("#id_ends_at_0").fill(day.strftime("%d.%m.%Y"))
    page.locator("#id_ends_at_1").fill("16:00")
    page.locator("#id_place").fill("Odense Rådhus, mødelokale 1")
    items = page.locator("#items-group")
    for n, project in projects.items():
        items.locator(".add-row a").click()
        page.locator(f"#id_items-{n - 1}-position").fill(str(n))
        page.locator(f"#id_items-{n - 1}-title").fill(f"Punkt om {project.title[:40]}")
        choose(page, f"id_items-{n - 1}-projects", project.title[:25])
    page.locator("#papers-group .add-row a").click()
    page.locator("#id_papers-0-title").fill("Bilag 1: Oplæg om energi")
    page.locator("#id_papers-0-file").set_input_files(
        files=[{"name": "Oplæg om energi.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    meeting = Meeting.objects.exclude(pk=draft.pk).get()
    assert meeting.items.count() == 3 and Paper.objects.filter(meeting=meeting).get().original_name == (
        "Oplæg om energi.pdf"
    )

    # The meeting pack, read back: each item and each linked project's status.
    page.goto(f"{live_server.url}/moeder/{meeting.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Møde i Den Fælles Boligstrategiske Gruppe")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Dagsorden (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"byaftale-dagsorden-{day.isoformat()}.pdf"
    text = pdf_text(download.path())
    for n, project in projects.items():
        assert f"{n}. Punkt om {' '.join(project.title[:40].split())}" in text
        assert " ".join(project.title.split()) in text
    assert "Ikke startet" in text or "Planlagt" in text or "I gang" in text or "Forsinket" in text
    assert "Bilag 1: Oplæg om energi" in text

    # A decision on the first item, with a follow-up point for Lise due in a week.
    due = timezone.localdate() + datetime.timedelta(days=7)
    page.goto(f"{live_server.url}/admin/meetings/decision/add/")
    choose(page, "id_item", "Punkt om Energi")
    page.locator("#id_text").fill("Gruppen igangsætter energimærkningen.")
    page.locator("#follow_up_points-group .add-row a").click()
    page.locator("#id_follow_up_points-0-what").fill("Indhent tilbud på energimærkning")
    choose(page, "id_follow_up_points-0-person", "lise")
    page.locator("#id_follow_up_points-0-due_date").fill(due.strftime("%d.%m.%Y"))
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    point = FollowUpPoint.objects.get()
    assert (point.person, point.meeting, point.due_date) == (lise, meeting, due)
    assert Decision.objects.get().item.projects.get() == projects[1]

    # On the dashboard beside the milestones, and on the project's page.
    page.goto(f"{live_server.url}/")
    expect(page.locator("#follow-up-heading")).to_be_visible()
    expect(page.get_by_role("link", name="Indhent tilbud på energimærkning")).to_be_visible()
    page.goto(f"{live_server.url}{projects[1].get_absolute_url()}")
    expect(page.get_by_text("Behandlet på møde", exact=False).first).to_be_visible()
    expect(page.get_by_role("link", name="Indhent tilbud på energimærkning")).to_be_visible()

    # The minutes approved, in the admin.
    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    page.locator("#id_status").select_option("minutes_approved")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    # On Lise's "Mine opgaver".
    sign_in_as(page, live_server, "lise")
    page.goto(f"{live_server.url}/mine-opgaver/")
    expect(page.get_by_role("row", name=re.compile("Indhent tilbud på energimærkning"))).to_be_visible()

    # The board member reads the approved minutes and is refused the draft and its paper.
    sign_in_as(page, live_server, "bente")
    page.goto(f"{live_server.url}/moeder/")
    page.get_by_role("link", name="Møde i Den Fælles Boligstrategiske Gruppe").click()
    expect(page.get_by_text("Gruppen igangsætter energimærkningen.")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Referat (PDF)").click()
    minutes = pdf_text(download_info.value.path())
    assert "Gruppen igangsætter energimærkningen." in minutes and "Indhent tilbud på energimærkning" in minutes
    assert download_info.value.suggested_filename == f"byaftale-referat-{day.isoformat()}.pdf"
    expect(page.get_by_role("link", name="Budgetmøde")).to_have_count(0)
    response = page.goto(f"{live_server.url}/moeder/{draft.pk}/")
    assert response.status == 403
    expect(page.get_by_text("Sekretariat eller Styregruppe")).to_be_visible()
    response = page.request.get(f"{live_server.url}{draft_paper.get_absolute_url()}")
    assert response.status == 403
    assert Party.objects.filter(name="Den Fælles Boligstrategiske Gruppe").exists()


def test_a_meetings_change_form_with_its_inlines_passes_axe(signed_in_page: Page, live_server, seeded_live):
    from django.urls import reverse

    from tests.browser.accessibility import blocking_violations
    from tests.meetings.factories import sample_meeting_url

    page = signed_in_page
    page.set_viewport_size({"width": 1280, "height": 800})
    sample_meeting_url()
    meeting = Meeting.objects.get()
    make_paper(meeting, title="Oplæg")
    page.goto(live_server.url + reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    expect(page.locator("#items-group")).to_be_visible()
    found = blocking_violations(page)
    assert found == [], "\n".join(found)
