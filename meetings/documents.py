"""The meeting pack (dagsorden) and the minutes (referat) as PDFs, with the action plan's machinery and house
style: WeasyPrint from templates/meetings/pdf/, the portal's fetcher (static files and data: URIs only),
tagged PDF/UA-1, in Danish. File names carry the meeting's date: byaftale-dagsorden-2011-05-12.pdf.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from projects.roles import VIEW_PROGRESS

from .models import Meeting
from .pages import meeting_page

STYLESHEETS = ("css/print.css", "css/meetings_print.css")


@dataclass(frozen=True)
class Document:
    filename: str
    content: bytes
    pages: int


def render_pdf(template: str, context: dict, *, title: str) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages."""
    # Heavy imports, only when a PDF is made.
    from weasyprint import CSS, HTML  # noqa: PLC0415

    from projects.pdf_fetcher import PDF_ORIGIN, PortalFetcher, static_url  # noqa: PLC0415

    with translation.override("da"):
        html = render_to_string(template, {**context, "title": title})
    fetcher = PortalFetcher()
    stylesheets = [CSS(url=static_url(s), url_fetcher=fetcher) for s in STYLESHEETS]
    document = HTML(string=html, base_url=f"{PDF_ORIGIN}/", url_fetcher=fetcher)
    rendered = document.render(stylesheets=stylesheets, pdf_variant="pdf/ua-1")
    return rendered.write_pdf(pdf_variant="pdf/ua-1"), len(rendered.pages)


def document_filename(kind: str, meeting: Meeting) -> str:
    return f"byaftale-{kind}-{meeting.date.isoformat()}.pdf"


def agenda_document(meeting: Meeting, *, user: Any, today: datetime.date) -> Document:
    """The meeting pack: cover, the agenda, and per item its background, papers and linked projects' status."""
    # Hours and status reports are for those who follow progress; a board member's pack names the projects only.
    page = meeting_page(meeting, user=user, today=today, with_projects=user.has_perm(VIEW_PROGRESS))
    with translation.override("da"):
        title = f"Dagsorden – {meeting.name} {meeting.date_text}"
    content, pages = render_pdf("meetings/pdf/agenda.html", {"page": page, "today": today}, title=title)
    return Document(document_filename("dagsorden", meeting), content, pages)


def minutes_document(meeting: Meeting, *, user: object, today: datetime.date) -> Document:
    """The minutes: attendance, each item's decisions and follow-up points."""
    page = meeting_page(meeting, user=user, today=today)
    with translation.override("da"):
        title = f"Referat – {meeting.name} {meeting.date_text}"
    content, pages = render_pdf("meetings/pdf/minutes.html", {"page": page, "today": today}, title=title)
    return Document(document_filename("referat", meeting), content, pages)
