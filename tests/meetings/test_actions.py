"""Writes with rules: decisions within a mandate, follow-up points marked done, comments on a draft agenda."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from meetings.actions import agenda_comment_add, decision_record, follow_up_add, follow_up_set_done
from meetings.models import Decision, Meeting
from tests.factories import make_user
from tests.meetings.factories import make_item, make_mandate, make_point

pytestmark = pytest.mark.django_db


def test_recording_a_decision_over_the_frame_writes_nothing_unless_acknowledged():
    mandate = make_mandate(economic_frame=Decimal("50000"))
    item = make_item()
    with pytest.raises(ValidationError):
        decision_record(
            item=item, text="Konference", has_economic_consequences=True, amount=Decimal("60000"), mandate=mandate
        )
    assert not Decision.objects.exists()
    decision = decision_record(
        item=item,
        text="Konference",
        has_economic_consequences=True,
        amount=Decimal("60000"),
        mandate=mandate,
        over_frame_acknowledged=True,
    )
    assert decision.taken and decision.over_frame


def test_an_untaken_proposal_over_the_frame_may_be_recorded_as_a_draft():
    mandate = make_mandate(economic_frame=Decimal("50000"))
    decision = decision_record(
        item=make_item(),
        text="Forslag",
        has_economic_consequences=True,
        amount=Decimal("60000"),
        mandate=mandate,
        taken=False,
    )
    assert decision.over_frame and not decision.taken


def test_a_follow_up_point_from_a_decision_is_added_with_its_meeting():
    decision = decision_record(item=make_item(), text="Vi gør det.")
    person = make_user()
    point = follow_up_add(
        meeting=decision.item.meeting,
        decision=decision,
        what="Skriv til BO",
        person=person,
        due_date=datetime.date(2011, 5, 19),
    )
    assert point.meeting == decision.item.meeting and point.person == person


def test_marking_a_point_done_is_in_its_history_with_who_did_it():
    point = make_point()
    follow_up_set_done(point=point, done=True, by=point.person)
    point.refresh_from_db()
    latest = point.history.order_by("-history_date").first()
    assert point.done and latest.history_user == point.person
    assert latest.history_change_reason == "Marked done on «Mine opgaver»."


def test_a_comment_on_the_agenda_is_refused_once_the_meeting_is_held():
    item = make_item()
    author = make_user()
    agenda_comment_add(item=item, author=author, text="Punkt 2 bør komme først.")
    Meeting.objects.filter(pk=item.meeting_id).update(status=Meeting.Status.HELD)
    item.meeting.refresh_from_db()
    with pytest.raises(ValidationError):
        agenda_comment_add(item=item, author=author, text="For sent.")
    assert item.comments.count() == 1
