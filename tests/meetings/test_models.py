"""The meetings' rules, in the database as well as in clean()."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from meetings.models import Activity, Decision, EconomicFrame, FollowUpPoint, Meeting
from tests.meetings.factories import at, make_decision, make_item, make_mandate, make_meeting

pytestmark = pytest.mark.django_db


def test_a_meeting_must_end_after_it_starts_in_the_database_and_in_the_form():
    meeting = make_meeting()
    meeting.ends_at = meeting.starts_at
    with translation.override("da"), pytest.raises(ValidationError) as caught:
        meeting.full_clean()
    assert caught.value.message_dict["ends_at"] == ["Mødet skal slutte, efter det starter."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(ends_at=meeting.starts_at)


def test_a_meeting_is_named_after_its_body_and_dated_in_danish():
    meeting = make_meeting(day=datetime.date(2011, 5, 12))
    with translation.override("da"):
        assert str(meeting) == "Møde i Den Fælles Boligstrategiske Gruppe 12. maj 2011"
        assert meeting.time_text == "14.00–16.00"


def test_two_items_of_a_meeting_cannot_share_a_number():
    item = make_item()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_item(item.meeting, position=item.position)


def test_an_amount_needs_economic_consequences_in_the_database():
    item = make_item()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(item=item, text="x", amount=Decimal("10"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(item=item, text="x", has_economic_consequences=True)


def test_a_decision_over_its_mandates_frame_is_flagged_and_refused_as_taken_until_acknowledged():
    mandate = make_mandate(economic_frame=Decimal("100000"))
    make_decision(has_economic_consequences=True, amount=Decimal("80000"), mandate=mandate)
    decision = Decision(
        item=make_item(),
        text="Konference",
        has_economic_consequences=True,
        amount=Decimal("30000"),
        mandate=mandate,
        taken=True,
    )
    assert decision.over_frame
    with translation.override("da"), pytest.raises(ValidationError) as caught:
        decision.full_clean()
    assert "110.000 kr. dets ramme på 100.000 kr." in caught.value.message_dict["over_frame_acknowledged"][0]
    decision.over_frame_acknowledged = True
    decision.full_clean()


def test_a_decision_within_the_frame_is_not_flagged():
    mandate = make_mandate(economic_frame=Decimal("100000"))
    decision = Decision(
        item=make_item(),
        text="x",
        has_economic_consequences=True,
        amount=Decimal("100000"),
        mandate=mandate,
        taken=True,
    )
    assert not decision.over_frame
    decision.full_clean()


def test_economic_consequences_need_a_mandate():
    decision = Decision(item=make_item(), text="x", has_economic_consequences=True, amount=Decimal("5"))
    with pytest.raises(ValidationError) as caught:
        decision.full_clean()
    assert "mandate" in caught.value.message_dict


def test_a_follow_up_point_needs_someone_responsible():
    decision = make_decision()
    with pytest.raises(IntegrityError), transaction.atomic():
        FollowUpPoint.objects.create(
            meeting=decision.item.meeting, decision=decision, what="x", due_date=datetime.date(2011, 6, 1)
        )


def test_a_follow_up_point_belongs_to_the_meeting_of_its_decision():
    decision = make_decision()
    other = make_meeting(day=datetime.date(2011, 6, 1))
    point = FollowUpPoint(
        meeting=other, decision=decision, what="x", due_date=datetime.date(2011, 6, 1), party=decision.item.meeting.body
    )
    with pytest.raises(ValidationError) as caught:
        point.full_clean()
    assert "decision" in caught.value.message_dict


def test_an_activity_lies_within_its_frames_year():
    frame = EconomicFrame.objects.create(year=2011, amount=Decimal("200000"))
    activity = Activity(
        frame=frame, kind=Activity.Kind.COURSE, title="Kursus", date=datetime.date(2012, 1, 5), budget=Decimal("1000")
    )
    with pytest.raises(ValidationError) as caught:
        activity.full_clean()
    assert "date" in caught.value.message_dict


def test_every_change_to_a_meeting_is_in_its_history():
    meeting = make_meeting()
    meeting.place = "Boligforeningens lokaler"
    meeting.save()
    assert [h.place for h in meeting.history.order_by("history_date")][-1] == "Boligforeningens lokaler"
    assert meeting.history.count() == 2 and meeting.version == 2


def test_coming_and_past_meetings_are_split_at_now():
    past = make_meeting(day=datetime.date(2011, 5, 12))
    coming = make_meeting(day=datetime.date(2011, 9, 1))
    now = at(datetime.date(2011, 6, 1))
    assert list(Meeting.objects.coming(now=now)) == [coming]
    assert list(Meeting.objects.past(now=now)) == [past]
