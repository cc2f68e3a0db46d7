"""Publishing: from the code, from manage.py publish_version; a name is published once."""

import datetime
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from areas.models import ActionPlan
from projects.models import Project
from versions.models import PlanVersion, VersionProject

pytestmark = pytest.mark.django_db


def test_publishing_freezes_the_plan_and_names_todays_plan_after_it(plan, publish):
    version = publish("1.4", note="Revideret efter styregruppemødet", approved_by="Den Fælles Boligstrategiske Gruppe")

    plan.refresh_from_db()
    assert plan.masterplan_version == "1.4"
    assert plan.masterplan_title == "Masterplan ver. 1.4 [Varighed i mdr.]"
    assert version.snapshot["plan"]["masterplan_title"] == "Masterplan ver. 1.4 [Varighed i mdr.]"
    assert plan.history.first().history_change_reason == "Udgivet som ver. 1.4"
    assert VersionProject.objects.filter(version=version).count() == Project.objects.count()
    kept = VersionProject.objects.get(version=version, area_slug="energi-og-klima", number=1)
    assert (kept.start_date, kept.end_date, kept.hour_budget) == (
        datetime.date(2011, 4, 1),
        datetime.date(2013, 4, 1),
        1750,
    )


def test_a_name_already_published_is_refused(plan, publish):
    publish("1.4")
    with pytest.raises(ValidationError) as error:
        publish("1.4")
    assert error.value.message_dict["name"] == ["Version 1.4 er allerede udgivet."]
    assert PlanVersion.objects.count() == 2


def test_the_command_publishes_with_note_approver_and_date(plan):
    out = StringIO()
    call_command(
        "publish_version",
        "1.4",
        "--note",
        "Godkendt på mødet",
        "--approved-by",
        "Den Fælles Boligstrategiske Gruppe",
        "--date",
        "2011-05-12",
        stdout=out,
    )

    version = PlanVersion.objects.get(name="1.4")
    assert (version.note, version.approved_by, version.approved_on) == (
        "Godkendt på mødet",
        "Den Fælles Boligstrategiske Gruppe",
        datetime.date(2011, 5, 12),
    )
    assert version.published_by == "manage.py publish_version"
    assert "Published ver. 1.4 with 33 projects." in out.getvalue()


def test_the_command_refuses_a_name_that_exists(plan):
    with pytest.raises(CommandError, match="1.3 er allerede udgivet"):
        call_command("publish_version", "1.3", stdout=StringIO())
    assert PlanVersion.objects.count() == 1


def test_the_command_refuses_a_date_it_cannot_read(plan):
    with pytest.raises(CommandError, match="--date"):
        call_command("publish_version", "1.4", "--date", "12.05.2011", stdout=StringIO())
    assert not PlanVersion.objects.filter(name="1.4").exists()


def test_the_command_needs_a_plan(db):
    with pytest.raises(CommandError, match="No action plan"):
        call_command("publish_version", "1.4", stdout=StringIO())


def test_loading_the_seed_again_into_a_plan_with_versions_publishes_nothing_more(plan):
    from versions.publishing import publish_seed_version

    assert publish_seed_version() is None
    assert list(PlanVersion.objects.values_list("name", flat=True)) == ["1.3"]
    assert ActionPlan.objects.get().masterplan_version == "1.3"


def test_publishing_under_the_name_the_plan_already_has_still_moves_its_last_change(plan, publish):
    from projects.plan import plan_last_changed

    plan.masterplan_version = "1.4"
    plan.save()
    before = plan_last_changed(plan)

    publish("1.4")

    assert plan_last_changed(plan) > before
