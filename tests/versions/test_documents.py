"""A version's documents read back: its own dates, not today's; the same file on every download; and the
board's PDF of the changes."""

import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.cache import cache

from tests.pdf_reading import full_text, page_texts, words_with_boxes
from versions.documents import version_document
from versions.models import PlanVersion, VersionDocument

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_version_1_4s_action_plan_still_shows_the_old_end_after_1_5(slipped, client, admin_client_da):
    response = admin_client_da.get("/versioner/1.4/handlingsplan.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="byaftale-handlingsplan-ver-1.4.pdf"'
    text = full_text(response.content)
    assert "Version: Masterplan ver. 1.4" in text
    assert "Data pr. 12. maj 2011" in text
    assert "medio 2011 – i drift primo 2012" in text
    assert "medio 2011 – 1. april 2012" not in text

    newer = full_text(admin_client_da.get("/versioner/1.5/handlingsplan.pdf").content)
    assert "medio 2011 – 1. april 2012" in newer


def test_a_versions_document_downloads_the_same_bytes_every_time(slipped, admin_client_da):
    first = admin_client_da.get("/versioner/1.4/masterplan-a4.pdf").content
    cache.clear()
    again = admin_client_da.get("/versioner/1.4/masterplan-a4.pdf").content

    assert first == again
    assert VersionDocument.objects.filter(version__name="1.4").count() == 1
    texts = page_texts(first)
    assert "Masterplan ver. 1.4 [Varighed i mdr.]" in texts[0]


def test_a_second_first_download_keeps_the_first_document(slipped):
    version = PlanVersion.objects.get(name="1.4")
    kept = version_document(version, "masterplan-A3")
    assert version_document(version, "masterplan-A3").content == kept.content


def test_the_comparison_pdf_names_its_versions_and_the_changes(slipped, admin_client_da):
    response = admin_client_da.get("/versioner/1.4/sammenlign/1.5.pdf")

    assert response["Content-Disposition"] == 'attachment; filename="byaftale-aendringer-ver-1.4-til-1.5.pdf"'
    text = full_text(response.content)
    assert "Ændringer fra ver. 1.4 til ver. 1.5" in text
    assert "Boligsociale indsatser" in text
    assert "Slut i drift primo 2012 1. april 2012 +3 mdr." in text
    assert "Timebudget – 600 timer" in text
    assert "Milepæl «I drift» januar 2012 (antaget) april 2012 (antaget) +3 mdr." in text
    assert "1 ændret" in text


def page_image(pdf: bytes, page: int, dpi: int = 72):  # noqa: ANN201 - a PIL image
    """A page as pdftoppm draws it, at 72 dpi so a pixel is a point of pdftotext's boxes."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), str(path), f"{tmp}/p"], check=True
        )
        return Image.open(next(Path(tmp).glob("p*.png"))).convert("RGB")


def rightmost(image, top: int, bottom: int, left: int, matches, run: int = 6) -> int:  # noqa: ANN001
    """The right end of the rightmost horizontal run of at least `run` pixels that `matches` in the band (a bar,
    not a grid line crossing it), or -1."""
    found = -1
    for y in range(top, bottom):
        length = 0
        for x in range(left, image.width):
            length = length + 1 if matches(image.getpixel((x, y))) else 0
            if length >= run:
                found = max(found, x)
    return found


def is_baseline_grey(rgb) -> bool:  # noqa: ANN001
    r, g, b = rgb
    return 120 <= r <= 150 and abs(r - g) < 8 and abs(g - b) < 8


def is_ink(rgb) -> bool:  # noqa: ANN001
    r, g, b = rgb
    return r < 70 and g < 90 and 60 < b < 130


def test_the_masterplan_with_baseline_1_4_draws_both_periods_of_the_slipped_project(slipped, admin_client_da):
    """The issue's «Done when»: the project's period in 1.4 (July–December 2011) as a thin grey bar under its
    period today (to March 2012), with «+3 mdr.» beside it, read back as text and looked at as an image."""
    response = admin_client_da.get("/dokumenter/masterplan-a4.pdf?baseline=1.4")
    pdf = response.content

    text = full_text(pdf)
    assert "Grundlinje: ver. 1.4 (Godkendt af Den Fælles Boligstrategiske Gruppe 12. maj 2011)" in text
    assert "medio 2011 – 1. april 2012" in text
    _sizes, words = words_with_boxes(pdf)
    title = next(
        w
        for i, w in enumerate(words)
        if w.text == "Kortlægning" and [v.text for v in words[i + 1 : i + 3]] == ["af", "indsatser"]
    )
    slip = [w for w in words if w.page == title.page and w.text == "+3" and abs(w.y_min - title.y_min) < 20]
    assert len(slip) == 1  # «+3 mdr.» stands in the project's row, and in no other row of its page

    image = page_image(pdf, title.page)
    top, bottom, chart_left = int(title.y_min) - 2, int(title.y_min) + 18, 390
    today_end = rightmost(image, top, bottom, chart_left, is_ink)
    baseline_end = rightmost(image, top, bottom, chart_left, is_baseline_grey)
    assert baseline_end > chart_left, "no baseline bar in the project's row"
    month = (today_end - baseline_end) / 3
    assert 10 < month < 25, f"the bars should end three months (≈17 pt each) apart, not {today_end - baseline_end} pt"
    assert slip[0].x_min > today_end  # the months stand beside the bars

    # Without a baseline asked for, the latest approved (1.5) holds today's period: nothing is drawn under it.
    latest = admin_client_da.get("/dokumenter/masterplan-a4.pdf").content
    assert "Grundlinje" not in full_text(latest)
    assert "+3 mdr." not in full_text(latest)
