"""The meeting pack (dagsorden) and the minutes (referat) as PDFs, with the action plan's machinery and house
style (byaftale.pdf.render_pdf: WeasyPrint from templates/meetings/pdf/, the portal's fetcher that loads only
static files and data: URIs, tagged PDF/UA-1, in Danish). File names carry the meeting's date:
byaftale-dagsorden-2011-05-12.pdf.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import translation

from byaftale.access import VIEW_PROGRESS
from byaftale.pdf import render_pdf

from .models import Meeting
from .pages import meeting_page

STYLESHEETS = ("css/print.css", "css/meetings_print.css")


@dataclass(frozen=True)
class Document:
    filename: str
    content: bytes
    pages: int


def document_filename(kind: str, meeting: Meeting) -> str:
    return f"byaftale-{kind}-{meeting.date.isoformat()}.pdf"


def agenda_document(meeting: Meeting, *, user: Any, today: datetime.date) -> Document:
    """The meeting pack: cover, the agenda, and per item its background, papers and linked projects' status."""
    # Hours and status reports are for those who follow progress; a board member's pack names the projects only.
    page = meeting_page(meeting, user=user, today=today, with_projects=user.has_perm(VIEW_PROGRESS))
    with translation.override("da"):
        title = f"Dagsorden – {meeting.name} {meeting.date_text}"
    content, pages = render_pdf(
        "meetings/pdf/agenda.html", {"page": page, "today": today}, title=title, stylesheets=STYLESHEETS
    )
    return Document(document_filename("dagsorden", meeting), content, pages)


def minutes_document(meeting: Meeting, *, user: Any, today: datetime.date) -> Document:
    """The minutes: attendance, each item's decisions and follow-up points."""
    page = meeting_page(meeting, user=user, today=today)
    with translation.override("da"):
        title = f"Referat – {meeting.name} {meeting.date_text}"
    content, pages = render_pdf(
        "meetings/pdf/minutes.html", {"page": page, "today": today}, title=title, stylesheets=STYLESHEETS
    )
    return Document(document_filename("referat", meeting), content, pages)
