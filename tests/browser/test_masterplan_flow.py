"""A board member's round in a real browser: sign in, read the masterplan, download the PDFs."""

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.pdf_reading import full_text

SCREENSHOTS = Path("/tmp/byaftale-screenshots")


def test_the_masterplan_shows_the_plan_in_months_and_offers_its_pdf(signed_in_page, live_server, seeded_live):
    page = signed_in_page
    page.goto(f"{live_server.url}/masterplan/")

    expect(page.get_by_role("heading", name="Masterplan ver. 1.3 [Varighed i mdr.]")).to_be_visible()
    expect(page.locator(".gantt-row")).to_have_count(33)
    first = page.locator('.gantt-row[data-project="energi-og-klima/1"]')
    expect(first).to_contain_text("Koordinering af energi og klimaindsatsen")
    expect(first).to_contain_text("1.750")
    expect(first).to_contain_text("april 2011–marts 2013")  # its 24 months, read as one sentence
    expect(page.locator(".gantt-labels").first).to_be_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "masterplan.png", full_page=True)

    page.get_by_role("link", name="Tidssvarende boliger").click()
    expect(page).to_have_url(re.compile(r"/masterplan/tidssvarende-boliger/$"))
    expect(page.locator(".gantt-row")).to_have_count(3)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Hent som PDF").click()
    download = download_info.value
    assert re.fullmatch(r"byaftale-tidssvarende-boliger-ver-1\.3-\d{4}-\d{2}-\d{2}\.pdf", download.suggested_filename)
    text = full_text(Path(download.path()).read_bytes())
    assert "Kortlægning af boligafdelinger" in text and "Tidsplan – Tidssvarende boliger" in text


def test_the_documents_page_lists_every_pdf_and_the_handlingsplan_downloads(signed_in_page, live_server, seeded_live):
    page = signed_in_page
    page.goto(f"{live_server.url}/dokumenter/")

    links = page.locator(".document-list a")
    expect(links).to_have_count(7)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Byaftale – Handlingsplan").click()
    text = full_text(Path(download_info.value.path()).read_bytes())

    assert "Indholdsfortegnelse" in text
    assert "Demonstratorium" in text


def test_without_signing_in_the_masterplan_sends_you_to_the_login(page, live_server, seeded_live):
    page.goto(f"{live_server.url}/masterplan/")

    expect(page).to_have_url(re.compile(r"/log-ind/\?next=/masterplan/"))
