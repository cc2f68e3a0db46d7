"""A version's documents read back: its own dates, not today's; the same file on every download; and the
board's PDF of the changes."""

import pytest
from django.core.cache import cache

from tests.pdf_reading import full_text, page_texts
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
