"""Writes with rules: decisions within a mandate, follow-up points, comments on a draft agenda, and sending
the invitation. Each validates in full and runs in one transaction; the history records every change."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth.models import User as Account
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from parties.models import Party

from .models import AgendaComment, AgendaItem, Decision, FollowUpPoint, Mandate, Meeting


@transaction.atomic
def decision_record(
    *,
    item: AgendaItem,
    text: str,
    has_economic_consequences: bool = False,
    amount: Decimal | None = None,
    mandate: Mandate | None = None,
    taken: bool = True,
    over_frame_acknowledged: bool = False,
) -> Decision:
    """Record a decision on an item. One over its mandate's frame is refused as taken unless acknowledged."""
    if mandate is not None:
        # Concurrent decisions on one mandate take turns, so two cannot each fit a frame they overrun together.
        mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
    decision = Decision(
        item=item,
        text=text,
        has_economic_consequences=has_economic_consequences,
        amount=amount,
        mandate=mandate,
        taken=taken,
        over_frame_acknowledged=over_frame_acknowledged,
    )
    decision.full_clean()
    decision.save()
    return decision


@transaction.atomic
def follow_up_add(
    *,
    meeting: Meeting,
    what: str,
    due_date: datetime.date,
    person: Account | None = None,
    party: Party | None = None,
    decision: Decision | None = None,
) -> FollowUpPoint:
    point = FollowUpPoint(meeting=meeting, decision=decision, what=what, person=person, party=party, due_date=due_date)
    point.full_clean()
    point.save()
    return point


@transaction.atomic
def follow_up_set_done(*, point: FollowUpPoint, done: bool, by: Account) -> FollowUpPoint:
    """Mark a point done (or open again), by its person responsible or the secretariat."""
    point = FollowUpPoint.objects.select_for_update().get(pk=point.pk)
    if point.done != done:
        point.done = done
        # A history reason outlives the request: stored as written, not in the writer's language.
        point._change_reason = "Marked done on «Mine opgaver»." if done else "Opened again on «Mine opgaver»."  # type: ignore[attr-defined]
        point._history_user = by  # type: ignore[attr-defined]
        point.save(update_fields=["done"])
    return point


@transaction.atomic
def agenda_comment_add(*, item: AgendaItem, author: Account, text: str) -> AgendaComment:
    """The steering group's comment on an item of a draft agenda; refused once the meeting is held."""
    if not item.meeting.agenda_open_for_comments:
        raise ValidationError({"text": _("The meeting has been held; its agenda takes no more comments.")})
    comment = AgendaComment(item=item, author=author, text=text.strip())
    comment.full_clean()
    comment.save()
    return comment
