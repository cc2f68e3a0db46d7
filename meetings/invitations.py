"""The invitation to a meeting: one e-mail to each participant, with the meeting as an .ics attachment."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User as Account
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .calendar import meeting_invitation
from .models import Meeting


def invitation_filename(meeting: Meeting) -> str:
    return f"byaftale-moede-{meeting.date.isoformat()}.ics"


@transaction.atomic
def invitation_send(*, meeting: Meeting, sent_by: Account, base_url: str = "") -> int:
    """Send the invitation to every participant with an e-mail address, and mark the meeting's invitation sent.
    Returns how many were sent."""
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    participants = list(meeting.participants.select_related("person", "party"))
    items = list(meeting.items.order_by("position"))
    ics = meeting_invitation(meeting, base_url=base_url)
    messages = []
    with translation.override("da"):
        subject = render_to_string("meetings/email/invitation_subject.txt", {"meeting": meeting}).strip()
        for participant in participants:
            if not participant.person.email:
                continue
            context = {"meeting": meeting, "items": items, "participant": participant, "base_url": base_url}
            message = EmailMultiAlternatives(
                subject=subject,
                body=render_to_string("meetings/email/invitation.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[participant.person.email],
            )
            message.attach(invitation_filename(meeting), ics, "text/calendar; method=PUBLISH; charset=utf-8")
            messages.append(message)
    sent = get_connection().send_messages(messages) if messages else 0
    if meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.INVITATION_SENT
        meeting._change_reason = "Invitation sent."  # type: ignore[attr-defined]
        meeting._history_user = sent_by  # type: ignore[attr-defined]
        meeting.save(update_fields=["status"])
    return sent or 0
