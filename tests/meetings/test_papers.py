"""Papers are checked by content, size and name before anything is stored."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from meetings.models import Paper
from meetings.papers import check_file
from tests.factories import make_user
from tests.meetings.factories import (
    DOCX_BYTES,
    JPG_BYTES,
    ODT_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    XLSX_BYTES,
    make_meeting,
    make_paper,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "content", "found"),
    [
        ("Oplæg.pdf", PDF_BYTES, "pdf"),
        ("Notat.docx", DOCX_BYTES, "docx"),
        ("Budget.xlsx", XLSX_BYTES, "xlsx"),
        ("Notat.odt", ODT_BYTES, "odt"),
        ("Kort.png", PNG_BYTES, "png"),
        ("Foto.JPEG", JPG_BYTES, "jpg"),
    ],
)
def test_each_accepted_type_is_recognised_by_its_content(name, content, found):
    assert check_file(upload(name, content)).file_type == found


def refusal(name: str, content: bytes) -> str:
    with translation.override("da"), pytest.raises(ValidationError) as caught:
        check_file(upload("fil", content), name=name)
    return " ".join(caught.value.message_dict["file"])


def test_a_file_whose_content_is_not_what_its_name_claims_is_refused_in_danish():
    message = refusal("Oplæg.pdf", b"MZ\x90\x00 this is a Windows program")
    assert "Oplæg.pdf" in message and "ikke en fil af en godkendt type" in message


def test_a_docx_name_on_pdf_content_is_refused():
    assert "navngivet som en .docx-fil" in refusal("Notat.docx", PDF_BYTES)


def test_a_zip_that_is_no_office_document_is_refused():
    from tests.meetings.factories import zip_bytes

    assert "ikke en fil af en godkendt type" in refusal("Notat.docx", zip_bytes({"evil.sh": b"rm -rf /"}))


def test_an_oversized_file_is_refused_in_danish(settings):
    settings.PAPER_MAX_BYTES = 1_000_000
    assert refusal("Oplæg.pdf", PDF_BYTES + b"x" * 1_500_000) == "Filen fylder 1,5 MB; et bilag må højst fylde 1 MB."


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "..\\boot.pdf", "mappe/Oplæg.pdf", "a\x00.pdf", "..pdf"])
def test_a_path_traversal_name_is_refused_in_danish(name):
    assert "ikke tilladt" in refusal(name, PDF_BYTES)


def test_a_refused_paper_stores_nothing(papers_dir):
    meeting = make_meeting()
    with pytest.raises(ValidationError):
        make_paper(meeting, raw_name="../../Oplæg.pdf")
    with pytest.raises(ValidationError):
        make_paper(meeting, name="Oplæg.pdf", content=b"<html>not a pdf</html>")
    assert not Paper.objects.exists()
    assert not papers_dir.exists() or not any(p.is_file() for p in papers_dir.rglob("*"))


def test_a_stored_paper_gets_a_random_name_and_keeps_the_original_for_download(papers_dir):
    paper = make_paper(make_meeting(), name="Oplæg til mødet.pdf", uploaded_by=make_user())
    assert paper.original_name == "Oplæg til mødet.pdf"
    assert "Oplæg" not in paper.file.name and paper.file.name.endswith(".pdf")
    stored = list(p for p in papers_dir.rglob("*") if p.is_file())
    assert len(stored) == 1 and stored[0].read_bytes() == PDF_BYTES


def test_the_papers_storage_has_no_public_address():
    paper = make_paper(make_meeting())
    with pytest.raises(NotImplementedError):
        paper.file.url  # noqa: B018
