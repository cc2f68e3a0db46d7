"""The roles' rights on meetings: granted by their migration, kept when the roles are synced again."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP, sync_roles

pytestmark = pytest.mark.django_db


def meeting_rights() -> dict[str, set[str]]:
    return {
        role: set(
            Group.objects.get(name=role)
            .permissions.filter(content_type__app_label="meetings")
            .values_list("codename", flat=True)
        )
        for role in (SECRETARIAT, STEERING_GROUP, BOARD_MEMBER)
    }


def test_each_role_holds_its_rights_on_meetings():
    rights = meeting_rights()
    assert {"change_meeting", "add_paper", "delete_decision", "change_followuppoint"} <= rights[SECRETARIAT]
    assert {"view_meeting", "view_paper", "add_agendacomment"} <= rights[STEERING_GROUP]
    assert not {"change_meeting", "add_paper", "view_calendarfeed"} & rights[STEERING_GROUP]
    assert rights[BOARD_MEMBER] == {"view_approved_minutes"}


def test_syncing_the_roles_again_keeps_the_rights_the_migration_granted():
    granted = meeting_rights()
    sync_roles(apps)
    assert meeting_rights() == granted
