"""Test data for the meetings: small make_*() helpers and sample files of each accepted type."""

from __future__ import annotations

import datetime
import io
import zipfile
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meetings.models import AgendaItem, Decision, FollowUpPoint, Mandate, Meeting, Paper, Participant
from parties.models import Party
from tests.factories import make_party, make_user

JOINT_GROUP = "Den Fælles Boligstrategiske Gruppe"


def joint_group() -> Party:
    return Party.objects.get_or_create(name=JOINT_GROUP, defaults={"kind": Party.Kind.JOINT_BODY})[0]


def at(day: datetime.date, hour: int = 14) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def make_meeting(**fields) -> Meeting:
    day = fields.pop("day", datetime.date(2011, 5, 12))
    defaults = dict(body=joint_group(), starts_at=at(day, 14), ends_at=at(day, 16), place="Odense Rådhus, mødelokale 1")
    return Meeting.objects.create(**{**defaults, **fields})


def make_item(meeting: Meeting | None = None, **fields) -> AgendaItem:
    meeting = meeting or make_meeting()
    position = fields.pop("position", meeting.items.count() + 1)
    defaults = dict(title=f"Punkt {position}", kind=AgendaItem.Kind.DECISION, background="Baggrund for punktet.")
    return AgendaItem.objects.create(meeting=meeting, position=position, **{**defaults, **fields})


def make_mandate(**fields) -> Mandate:
    party = fields.pop("party", None) or make_party(name="Odense Kommune", kind=Party.Kind.MUNICIPALITY)
    defaults = dict(description="Kurser og konferencer", economic_frame=Decimal("100000"))
    return Mandate.objects.create(party=party, **{**defaults, **fields})


def make_decision(item: AgendaItem | None = None, **fields) -> Decision:
    defaults = dict(text="Gruppen godkender oplægget.", taken=True)
    return Decision.objects.create(item=item or make_item(), **{**defaults, **fields})


def make_point(**fields) -> FollowUpPoint:
    decision = fields.pop("decision", None) or make_decision()
    if "person" not in fields and "party" not in fields:
        fields["person"] = make_user()
    defaults = dict(what="Send oplægget til høring", due_date=datetime.date(2011, 5, 19))
    return FollowUpPoint.objects.create(meeting=decision.item.meeting, decision=decision, **{**defaults, **fields})


def make_participant(meeting: Meeting, person, **fields) -> Participant:  # noqa: ANN001
    return Participant.objects.create(meeting=meeting, person=person, **fields)


# Sample files: the least content each type needs to be recognised.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def zip_bytes(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return buffer.getvalue()


DOCX_BYTES = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX_BYTES = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT_BYTES = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def make_paper(meeting: Meeting, *, item: AgendaItem | None = None, internal: bool = False, **fields) -> Paper:
    from meetings.papers import paper_attach

    return paper_attach(
        meeting=meeting,
        item=item,
        upload=upload(fields.pop("name", "Oplæg.pdf"), fields.pop("content", PDF_BYTES)),
        title=fields.pop("title", "Oplæg om energi"),
        uploaded_by=fields.pop("uploaded_by", None) or make_user(),
        internal=internal,
        name=fields.pop("raw_name", None),
    )


def sample_meeting_url() -> str:
    """A meeting as the pages checks see it: items linked to a seed project, a decision and a follow-up point."""
    from projects.models import Project

    meeting = make_meeting(day=datetime.date(2011, 5, 12), title="Møde om energiindsatsen")
    item = make_item(meeting, title="Status på energimærkningen", position=1)
    project = Project.objects.order_by("pk").first()
    if project is not None:
        item.projects.add(project)
    make_item(meeting, title="Eventuelt", position=2, kind=AgendaItem.Kind.BRIEFING)
    make_point(decision=make_decision(item), what="Indhent tilbud", person=make_user(first_name="Lise"))
    return meeting.get_absolute_url()
