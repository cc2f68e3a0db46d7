"""The masterplan pages and the downloads: signed-in users only, the same drawing as the PDF."""

import base64
import re

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from areas.models import ActionPlan
from documents import rendering as documents
from projects.models import Project
from tests.admin_pages import change_form_data
from tests.pdf_reading import full_text

pytestmark = pytest.mark.django_db

DOWNLOADS = [
    ("documents:action-plan-pdf", {}, "byaftale-handlingsplan-ver-1.3-"),
    ("documents:masterplan-pdf", {"paper": "a4"}, "byaftale-masterplan-a4-ver-1.3-"),
    ("documents:masterplan-pdf", {"paper": "a3"}, "byaftale-masterplan-a3-ver-1.3-"),
    ("documents:area-pdf", {"area_slug": "energi-og-klima"}, "byaftale-energi-og-klima-ver-1.3-"),
]


def gantt_drawing(html: str) -> str:
    return re.search(r'<div class="gantt".*?<!-- /gantt -->', html, re.S).group(0)


def test_the_masterplan_page_is_only_for_signed_in_users(client, seeded):
    response = client.get(reverse("documents:masterplan"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_masterplan_page_shows_every_project_in_its_months(admin_client_da, seeded):
    response = admin_client_da.get(reverse("documents:masterplan"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Masterplan ver. 1.3 [Varighed i mdr.]" in html
    assert html.count('class="gantt-row"') == 33
    row = re.search(r'data-project="energi-og-klima/1">(.*?)</li>', html, re.S).group(1)
    assert "april 2011–marts 2013" in row  # 1. april 2011 – 1. april 2013: 24 months
    assert "1.750" in row


def test_the_masterplan_marks_the_dates_the_portal_assumed(admin_client_da, seeded):
    html = admin_client_da.get(reverse("documents:masterplan")).content.decode()

    row = re.search(r'data-project="tidssvarende-boliger/1">(.*?)</li>', html, re.S).group(1)
    assert "fra januar 2011 (antaget)" in row
    assert "(december 2011 (antaget); som skrevet: I 2011)" in html  # Fælles områdetilgang's milestone
    assert "en dato portalen har placeret; kilden angiver den ikke" in html  # the legend


def test_an_area_page_shows_only_its_projects_with_its_themes(admin_client_da, seeded):
    html = admin_client_da.get(reverse("documents:area-masterplan", args=["faelles-omraadetilgang"])).content.decode()

    assert html.count('class="gantt-row"') == 15
    assert "Tema: Hus 88 som fyrtårn" in html
    assert "Koordinering af energi og klimaindsatsen" not in html


def drawn_chart(html: str) -> tuple[list[str], list[str], str]:
    """A chart's label columns, its blocks' SVG (inline on the web, images in print) and its legend, less
    what only the web shows: the diamonds' tooltips, and the scale's centring by text-anchor, which print
    does by the letters' widths."""
    gantt = gantt_drawing(html)
    images = [base64.b64decode(source).decode() for source in re.findall(r'base64,([^"]+)"', gantt)]
    blocks = images or re.findall(r'<svg class="gantt-chart".*?</svg>', gantt)
    blocks = [re.sub(r"><title>[^<]*</title></path>", "/>", block) for block in blocks]
    blocks = [re.sub(r'<text x="[\d.]+" y="21"( text-anchor="middle")?>', '<text y="21">', block) for block in blocks]
    labels = re.findall(r'<div class="gantt-labels".*?</div></div>', gantt)
    return labels, blocks, re.search(r'<p class="gantt-legend">.*?</p>', gantt).group(0)


def test_the_web_page_and_the_masterplan_pdf_draw_the_same_chart(admin_client_da, seeded):
    page = admin_client_da.get(reverse("documents:masterplan")).content.decode()
    context = documents.masterplan_context(ActionPlan.objects.get(), today=timezone.localdate(), paper="A4")
    with translation.override("da"):
        pdf_html = render_to_string("documents/pdf/masterplan.html", {**context, "title": "Masterplan"})

    labels, blocks, legend = drawn_chart(pdf_html)
    web_labels, web_blocks, web_legend = drawn_chart(page)
    # Print cuts the drawing into blocks that each fit a page; the web page scrolls one.
    assert len(labels) == len(blocks) > 1
    assert len(web_labels) == len(web_blocks) == 1
    assert projects_in(labels) == projects_in(web_labels)
    assert bars_in(blocks) == bars_in(web_blocks)
    assert legend == web_legend


def projects_in(labels: list[str]) -> list[str]:
    """The project rows of the label columns, in order (print repeats a heading "(fortsat)", the web does not)."""
    return [row for column in labels for row in re.findall(r'<div class="gantt-lp">.*?</div>', column)]


def bars_in(blocks: list[str]) -> list[str]:
    """The projects' bars (8 pt tall), each with its months, wherever a block puts it (less its height on the
    block, and the block's number in the hatching's id)."""
    bars = [bar for block in blocks for bar in re.findall(r'<rect [^>]*height="8"[^>]*>', block)]
    return [re.sub(r'-\d+-hatch| y="[\d.]+"', "", bar) for bar in bars]


@pytest.mark.parametrize(("name", "kwargs", "filename"), DOWNLOADS)
def test_each_download_is_a_pdf_with_a_dated_file_name(admin_client_da, seeded, name, kwargs, filename):
    response = admin_client_da.get(reverse(name, kwargs=kwargs))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f'attachment; filename="{filename}' in response["Content-Disposition"]


@pytest.mark.parametrize(("name", "kwargs", "filename"), DOWNLOADS)
def test_downloads_need_a_signed_in_user(client, seeded, name, kwargs, filename):
    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code == 302
    assert response["Location"].startswith("/log-ind/?next=")


def test_the_addresses_are_stable():
    assert reverse("documents:action-plan-pdf") == "/dokumenter/handlingsplan.pdf"
    assert reverse("documents:masterplan-pdf", kwargs={"paper": "a3"}) == "/dokumenter/masterplan-a3.pdf"
    assert reverse("documents:area-pdf", args=["energi-og-klima"]) == "/dokumenter/indsatsomraade/energi-og-klima.pdf"


def test_an_unknown_paper_size_or_area_is_not_found(admin_client_da, seeded):
    assert admin_client_da.get("/dokumenter/masterplan-a5.pdf").status_code == 404
    assert admin_client_da.get("/dokumenter/indsatsomraade/findes-ikke.pdf").status_code == 404


def test_export_plan_writes_the_board_meeting_pack(seeded, tmp_path):
    call_command("export_plan", "--out", str(tmp_path), stdout=open("/dev/null", "w"))

    names = sorted(p.name.rsplit("-ver-", 1)[0] for p in tmp_path.glob("*.pdf"))
    assert names == sorted(
        [
            "byaftale-handlingsplan",
            "byaftale-masterplan-a4",
            "byaftale-masterplan-a3",
            "byaftale-energi-og-klima",
            "byaftale-tidssvarende-boliger",
            "byaftale-boligsociale-indsatser",
            "byaftale-faelles-omraadetilgang",
        ]
    )
    assert all(p.read_bytes().startswith(b"%PDF") for p in tmp_path.glob("*.pdf"))


def test_editing_an_end_date_in_the_admin_changes_the_next_masterplan_download(admin_client_da, seeded):
    pdf_url = reverse("documents:masterplan-pdf", kwargs={"paper": "a4"})
    before = full_text(admin_client_da.get(pdf_url).content)
    project = Project.objects.get(area__slug="energi-og-klima", number=3)
    change_url = reverse("admin:projects_project_change", args=[project.pk])
    data = change_form_data(admin_client_da.get(change_url))
    data["end_date"] = "01.12.2011"

    saved = admin_client_da.post(change_url, data)
    after = full_text(admin_client_da.get(pdf_url).content)

    assert saved.status_code == 302, saved.context["adminform"].form.errors if saved.context else saved
    assert "1. april 2011 – 1. september 2011" in before
    assert "1. april 2011 – 1. december 2011" in after
    assert "1. april 2011 – 1. september 2011" not in after


def test_the_documents_page_tells_a_made_pdfs_date_pages_and_size_and_warns_of_the_first_wait(
    admin_client_da, seeded, monkeypatch
):
    from io import BytesIO

    from django.core.cache import cache
    from django.utils.formats import date_format
    from pypdf import PdfReader

    cache.clear()
    area = ActionPlan.objects.get().areas.order_by("position").first()
    wait = "Dannes ved første hentning; det kan tage op til et halvt minut."
    before = admin_client_da.get(reverse("documents:documents")).content.decode()
    assert before.count(wait) == 3 + ActionPlan.objects.get().areas.count()

    pdf = admin_client_da.get(reverse("documents:area-pdf", args=[area.slug])).content
    made = timezone.localtime()

    def no_rendering(*args, **kwargs):
        raise AssertionError("the documents page rendered a PDF")

    monkeypatch.setattr(documents, "render_pdf", no_rendering)
    html = admin_client_da.get(reverse("documents:documents")).content.decode()
    item = re.search(rf'<li><a href="{reverse("documents:area-pdf", args=[area.slug])}">.*?</li>', html, re.S).group(0)
    pages = len(PdfReader(BytesIO(pdf)).pages)
    assert f"Dannet {date_format(made.date())} kl. {made:%H}:" in item
    assert f" · {pages} sider · {round(len(pdf) / 1000)} kB" in item
    assert wait not in item
    assert html.count(wait) == 2 + ActionPlan.objects.get().areas.count()


def test_a_large_plan_is_shown_in_pages_of_a_sensible_size(admin_client_da, seeded, settings):
    from projects.demo import generate_demo_projects
    from projects.plan import MASTERPLAN_PAGE_PROJECTS

    generate_demo_projects(plan=ActionPlan.objects.get(), count=300)
    total = Project.objects.count()

    first = admin_client_da.get(reverse("documents:masterplan")).content.decode()
    second = admin_client_da.get(reverse("documents:masterplan") + "?side=2").content.decode()

    assert first.count('class="gantt-row"') == MASTERPLAN_PAGE_PROJECTS
    assert second.count('class="gantt-row"') == total - MASTERPLAN_PAGE_PROJECTS
    assert 'href="?side=2" rel="next"' in first and 'href="?side=1" rel="prev"' in second
    assert len(first.encode()) < 600_000
    assert admin_client_da.get(reverse("documents:masterplan") + "?side=9").status_code == 404
