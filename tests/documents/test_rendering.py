"""The board's PDFs read back: every project is in them, the contents point to the right pages,
nothing runs off the page, and a change to the plan makes the next download fresh."""

import datetime
import os
import re
import socket
import tempfile
import threading
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from areas.models import ActionPlan, AreaSection, FocusArea, Grouping
from documents import rendering as documents
from parties.models import Party
from projects.models import Milestone, Project
from tests.factories import (
    make_area,
    make_grouping,
    make_milestone,
    make_party,
    make_plan,
    make_project,
    make_responsibility,
)
from tests.pdf_reading import (
    filled_share,
    full_text,
    headings_left_at_the_foot,
    page_texts,
    words_outside_their_page,
)

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
    for title, page in entries[:-1]:
        assert pages[int(page) - 1].startswith(title), f"{title} is not at the top of page {page}"
    # The masterplan runs on below the last Tidsplan (both landscape), so it begins on its page, not at its top.
    masterplan_title, masterplan_page = entries[-1]
    assert masterplan_title in pages[int(masterplan_page) - 1]


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


def test_each_document_names_itself_in_its_footer(plan, action_plan_pdf):
    # The cover has no footer; every other page ends with the document's own name.
    for text in page_texts(action_plan_pdf)[1:]:
        assert re.search(r"\bHandlingsplan – Byaftale ver\. 1\.3 Side \d+ af \d+$", text)
    for paper in ("A4", "A3"):
        for text in page_texts(documents.masterplan_document(plan, today=TODAY, paper=paper).content):
            assert re.search(r"\bMasterplan – Byaftale ver\. 1\.3 Side \d+ af \d+$", text)
    for area in FocusArea.objects.all():
        pdf = documents.area_document(area, today=TODAY).content
        for text in page_texts(pdf):
            # The area's name, not "Masterplan": an area PDF is not the masterplan.
            assert re.search(rf"\b{re.escape(area.name)} – Byaftale ver\. 1\.3 Side \d+ af \d+$", text), area


def test_no_text_runs_outside_the_page(plan, action_plan_pdf):
    masterplan_a4 = documents.masterplan_document(plan, today=TODAY).content

    assert words_outside_their_page(action_plan_pdf) == []
    assert words_outside_their_page(masterplan_a4) == []


def test_no_page_of_the_action_plan_holds_only_a_few_lines(action_plan_pdf):
    # The cover and the contents stand alone by design and the last page ends the document; any other
    # page reaches at least a quarter of the way down, so no section spills a line or two onto a page
    # of its own and the masterplan does not start a page after a short Tidsplan.
    shares = filled_share(action_plan_pdf)

    slivers = [(number, round(share, 2)) for number, share in enumerate(shares, start=1) if share < 0.25]
    assert [number for number, _ in slivers if number not in (1, 2, len(shares))] == [], slivers
    assert len(shares) <= 21


def test_the_action_plans_charts_keep_each_heading_with_its_first_row(plan, action_plan_pdf):
    headings = [*(area.name for area in plan.areas.all()), "Tema:", "Overordnet linie:", plan.masterplan_title]

    after_the_contents = [
        (page, text) for page, text in headings_left_at_the_foot(action_plan_pdf, headings) if page > 2
    ]
    assert after_the_contents == []


@pytest.fixture
def long_masterplan() -> ActionPlan:
    """A plan of many small groups, so that page ends fall right after a group's heading somewhere."""
    plan = make_plan()
    for a in range(2):
        area = make_area(plan=plan, name=f"Område {a + 1}", position=a)
        for g in range(23):
            grouping = make_grouping(area=area, name=f"Gruppe {a + 1}.{g + 1}", position=g)
            for p in range(2):
                number = g * 2 + p + 1
                make_project(area=area, grouping=grouping, number=number, label=f"Delprojekt {number}")
    return plan


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_no_group_heading_in_the_masterplan_is_the_last_row_of_its_page(long_masterplan, paper):
    pdf = documents.masterplan_document(long_masterplan, today=TODAY, paper=paper).content

    assert len(page_texts(pdf)) > 1
    assert headings_left_at_the_foot(pdf, ["Område ", "Tema:"]) == []


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
        assert "Nr. Projekt Timer" in text
        assert all(year in text for year in ("2011", "2012", "2013"))
        assert "J F M A M J J A S O N D" in text
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


# Text a user could type into any name or text field: a newline ends a CSS string, and the rest would
# be read as CSS that loads a URL from this machine and draws a local file into the PDF.
# Short fields get a short form of it.
def hostile_texts(port: int, marker: Path) -> list[str]:
    return [
        f"Energi og klima\n}} }} body{{background-image:url(http://127.0.0.1:{port}/x)}}"
        f" body::before{{content:url({marker.as_uri()})}} @page{{@bottom-left{{content:counter(page)",
        f"\n}}*{{background:url(http://127.0.0.1:{port}/s)}}",
        f"\n}}*{{background:url(//127.0.0.1:{port})}}",
    ]


def fitted(texts: list[str], model: type, field: str, n: int = 0) -> str:
    """The longest hostile text the field holds, numbered for fields that must be unique."""
    max_length = model._meta.get_field(field).max_length or 10**6
    numbered = [f"{text} {n}" if n else text for text in texts]
    return next((text for text in numbered if len(text) <= max_length), numbered[-1][:max_length])


@pytest.fixture
def listener():
    """A server on a free port of 127.0.0.1 that notes every connection it receives."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.1)
    connections, stop = [], threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, address = server.accept()
            except TimeoutError:
                continue
            connections.append(address)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield SimpleNamespace(port=server.getsockname()[1], connections=connections)
    stop.set()
    thread.join()
    server.close()


@pytest.fixture
def marker() -> Path:
    """A local file that would show in a PDF as the word LOCALFILEMARKER; a short path, so the text fits a name."""
    handle, name = tempfile.mkstemp(suffix=".svg", dir="/tmp")
    with os.fdopen(handle, "w") as file:
        file.write(
            '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40">'
            '<text x="5" y="25" font-size="20">LOCALFILEMARKER</text></svg>'
        )
    yield Path(name)
    os.unlink(name)


@pytest.fixture
def hostile_plan(listener, marker) -> ActionPlan:
    """A plan whose every name and text that reaches a PDF holds the hostile text."""
    texts = hostile_texts(listener.port, marker)
    assert len(texts[0]) < 200 - 2  # the whole of it fits a plan title and a focus area's name
    plan = make_plan(
        **{f: fitted(texts, ActionPlan, f) for f in ("title", "between", "subtitle", "masterplan_title")},
        masterplan_version="1.3\n} body{x:y}",
    )
    for n in (1, 2):
        area = make_area(
            plan=plan, **{f: fitted(texts, FocusArea, f, n) for f in ("name", "name_in_table", "last_updated_wording")}
        )
        for kind in AreaSection.Kind:
            AreaSection.objects.create(area=area, kind=kind, body=texts[0], note=fitted(texts, AreaSection, "note"))
        grouping = make_grouping(area=area, name=fitted(texts, Grouping, "name", n))
        project_texts = ("label", "title", "description", "responsibility_text", "relations_text", "financing_text")
        project_texts += ("timeline_text", "start_wording", "end_wording")
        for number in (1, 2):
            project = make_project(
                area=area,
                grouping=grouping,
                number=number,
                **{f: fitted(texts, Project, f, number) for f in project_texts},
            )
            make_milestone(project=project, title=texts[0], date_wording=fitted(texts, Milestone, "date_wording"))
            party = make_party(**{f: fitted(texts, Party, f, project.pk) for f in ("name", "short_name")})
            make_responsibility(project=project, party=party)
        make_milestone(area=area, title=texts[0], date_wording=fitted(texts, Milestone, "date_wording"))
    return plan


def hostile_documents(plan: ActionPlan) -> list[documents.Document]:
    return [
        documents.action_plan_document(plan, today=TODAY),
        documents.masterplan_document(plan, today=TODAY, paper="A4"),
        documents.masterplan_document(plan, today=TODAY, paper="A3"),
        *(documents.area_document(area, today=TODAY) for area in plan.areas.all()),
    ]


def test_text_in_the_plan_makes_no_pdf_call_out_or_embed_a_local_file(hostile_plan, listener):
    rendered = hostile_documents(hostile_plan)

    assert listener.connections == []
    for document in rendered:
        text = full_text(document.content)
        assert "LOCALFILEMARKER" not in text
        assert b"/EmbeddedFile" not in document.content
        # The text is printed as it was typed, and the footer still names the page.
        assert "@bottom-left{content:counter(page)" in text
        assert re.search(r"Side \d+ af \d+", text)


def test_a_version_label_with_a_line_break_gives_a_plain_file_name(hostile_plan):
    document = documents.masterplan_document(hostile_plan, today=TODAY)

    assert document.filename == "byaftale-masterplan-a4-ver-1.3-body-x-y-2026-11-22.pdf"
