"""WeasyPrint's stylesheet for HTML, narrowed for the portal's PDFs (byaftale.pdf), still prints lists as lists."""

from io import BytesIO

from pypdf import PdfReader

from byaftale import pdf


def test_a_list_in_a_pdf_keeps_its_numbers_and_bullets(monkeypatch):
    page = "<!DOCTYPE html><html lang='da'><title>x</title><ol><li>Dagsorden</li></ol><ul><li>Bilag</li></ul>"
    monkeypatch.setattr("django.template.loader.render_to_string", lambda template, context: page)

    content, pages = pdf.render_pdf("any.html", {}, title="Liste")

    # WeasyPrint writes a list's markers after its items' text.
    lines = PdfReader(BytesIO(content)).pages[0].extract_text().splitlines()
    assert pages == 1
    assert lines[:4] == ["Dagsorden", "Bilag", "1. ", "• "]


def test_the_pdfs_read_weasyprints_stylesheet_narrowed_not_its_own():
    # A WeasyPrint whose stylesheet no longer has the rules narrowed here gets its own back, silently
    # costing large PDFs their memory again: this says so.
    from weasyprint.html import UA_STYLESHEET

    assert pdf.user_agent_stylesheet() is not UA_STYLESHEET
