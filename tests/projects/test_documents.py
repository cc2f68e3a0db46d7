"""The board's PDFs read back: every project is in them, the contents point to the right pages,
nothing runs off the page, and a change to the plan makes the next download fresh."""

import datetime
import re
from io import BytesIO

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from areas.models import ActionPlan, FocusArea
from projects import documents
from projects.models import Project
from tests.projects.pdf_reading import full_text, page_texts, words_outside_their_page

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
TODAY = datetime.date(2026, 11, 22)


@pytest.fixture
def plan(seeded) -> ActionPlan:
    return ActionPlan.objects.get()


@pytest.fixture
def action_plan_pdf(plan) -> bytes:
    return documents.action_plan_document(plan, today=TODAY).content


def expected_facts(project: Project) -> list[str]:
    facts = [project.title, project.period_text()]
    if project.label:
        facts.append(project.label)
    if project.hour_budget is not None:
        facts.append(f"{project.hour_budget:,}".replace(",", "."))
    return facts


def test_the_action_plan_holds_every_projects_label_title_hours_and_period(action_plan_pdf):
    text = full_text(action_plan_pdf)

    missing = [
        (str(project), fact)
        for project in Project.objects.select_related("area")
        for fact in expected_facts(project)
        if fact not in text
    ]
    assert missing == []
    assert "1.750" in text and "Total 1750 timer" in text


def test_the_table_of_contents_points_to_the_pages_where_the_sections_begin(action_plan_pdf):
    pages = page_texts(action_plan_pdf)
    toc = next(page for page in pages if page.startswith("Indholdsfortegnelse"))
    entries = re.findall(
        r"((?:Byaftale|Tidsplan) – [^.]+?|Masterplan ver\. 1\.3 \[Varighed i mdr\.\]) ?\.{3,} ?(\d+)", toc
    )

    assert [title for title, _ in entries][:2] == ["Byaftale – Energi og klima", "Tidsplan – Energi og klima"]
    assert len(entries) == 9
    for title, page in entries:
        assert pages[int(page) - 1].startswith(title), f"{title} is not at the top of page {page}"


def test_the_action_plan_has_a_cover_with_title_version_and_date_of_the_data(action_plan_pdf):
    cover = page_texts(action_plan_pdf)[0]

    assert "Byaftale mellem de almene boligorganisationer i Odense og Odense Kommune Handlingsplan" in cover
    assert "Masterplan ver. 1.3" in cover
    assert "Data pr. 17. december 2010" in cover
    assert "Side" not in cover and "·" not in cover  # no footer on the cover


def test_every_page_after_the_cover_says_side_x_af_y(action_plan_pdf):
    pages = page_texts(action_plan_pdf)

    for number, text in enumerate(pages[1:], start=2):
        assert f"Side {number} af {len(pages)}" in text


def test_no_text_runs_outside_the_page(plan, action_plan_pdf):
    masterplan_a4 = documents.masterplan_document(plan, today=TODAY).content

    assert words_outside_their_page(action_plan_pdf) == []
    assert words_outside_their_page(masterplan_a4) == []


def test_the_pdfs_carry_title_author_and_danish_and_are_tagged(action_plan_pdf):
    reader = PdfReader(BytesIO(action_plan_pdf))

    assert reader.metadata.title == "Byaftale – Handlingsplan"
    assert "Odense Kommune" in reader.metadata.author
    assert reader.trailer["/Root"]["/Lang"] == "da"
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in reader.trailer["/Root"]


@pytest.mark.parametrize(("paper", "width", "height"), [("A4", 842, 595), ("A3", 1191, 842)])
def test_the_masterplan_is_landscape_in_the_paper_asked_for(plan, paper, width, height):
    reader = PdfReader(BytesIO(documents.masterplan_document(plan, today=TODAY, paper=paper).content))

    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (width, height)


def test_the_masterplan_repeats_its_header_on_every_page_and_never_splits_a_row(plan):
    pdf = documents.masterplan_document(plan, today=TODAY, paper="A4").content
    pages = page_texts(pdf)

    assert len(pages) > 1
    for text in pages:
        assert "Nr. Projekt Timer 2011 2012 2013" in text
        assert "jan. feb. mar. apr. maj jun. jul. aug. sep. okt. nov. dec." in text
    for project in Project.objects.all():
        whole = [n for n, text in enumerate(pages) if project.title in text]
        assert len(whole) == 1, f"{project} is split or missing"


def test_one_pdf_per_focus_area_holds_only_that_area(plan):
    area = FocusArea.objects.get(slug="boligsociale-indsatser")

    document = documents.area_document(area, today=TODAY)
    text = full_text(document.content)

    assert document.filename == "byaftale-boligsociale-indsatser-ver-1.3-2026-11-22.pdf"
    assert "Netværk i udvalgte boligområder" in text and "Tidsplan – Boligsociale indsatser" in text
    assert "Demonstratorium" not in text


def test_file_names_carry_the_version_and_the_date(plan):
    assert documents.action_plan_document(plan, today=TODAY).filename == (
        "byaftale-handlingsplan-ver-1.3-2026-11-22.pdf"
    )
    assert documents.masterplan_document(plan, today=TODAY, paper="A3").filename == (
        "byaftale-masterplan-a3-ver-1.3-2026-11-22.pdf"
    )


def test_a_second_download_is_served_from_the_cache_and_a_change_renders_anew(plan, monkeypatch):
    cache.clear()
    renders = []
    real_render = documents.render_pdf
    monkeypatch.setattr(documents, "render_pdf", lambda *a, **k: renders.append(a[0]) or real_render(*a, **k))

    first = documents.masterplan_document(plan, today=TODAY)
    again = documents.masterplan_document(plan, today=TODAY)
    project = Project.objects.get(area__slug="energi-og-klima", number=3)
    project.end_date = datetime.date(2011, 12, 1)
    project.save()
    changed = documents.masterplan_document(plan, today=TODAY)

    assert len(renders) == 2
    assert again.content == first.content
    assert "1. april 2011 – 1. december 2011" in full_text(changed.content)
    assert "1. april 2011 – 1. september 2011" not in full_text(changed.content)
