"""`manage.py generate_demo --meetings N` adds clearly marked demo meetings; `--delete` removes them."""

import pytest
from django.core.management import call_command

from meetings.models import AgendaItem, Decision, FollowUpPoint, Meeting

pytestmark = pytest.mark.django_db


def test_the_command_adds_marked_demo_meetings_with_items_decisions_and_points_and_deletes_them(seeded):
    call_command("generate_demo", projects=1, meetings=5, verbosity=0)
    assert Meeting.objects.filter(title__startswith="[Demo]").count() == 5
    assert AgendaItem.objects.filter(meeting__title__startswith="[Demo]", projects__isnull=False).count() == 15
    assert Decision.objects.count() == 5 and FollowUpPoint.objects.count() == 5
    assert Meeting.objects.first().body.name == "Den Fælles Boligstrategiske Gruppe"
    call_command("generate_demo", delete=True, verbosity=0)
    assert not Meeting.objects.exists()
