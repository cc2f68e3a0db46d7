"""A published version never changes: not through the models, not through bulk queries, not in SQL."""

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import translation

from versions.models import Immutable, PlanVersion, VersionProject

pytestmark = pytest.mark.django_db


def test_a_published_version_refuses_to_be_saved_again_or_deleted(plan):
    version = PlanVersion.objects.get()
    version.note = "Rettet bagefter"

    with pytest.raises(Immutable):
        version.save()
    with pytest.raises(Immutable):
        version.delete()
    assert PlanVersion.objects.get().note != "Rettet bagefter"


def test_bulk_updates_and_deletes_are_refused(plan):
    with pytest.raises(Immutable):
        PlanVersion.objects.update(note="x")
    with pytest.raises(Immutable):
        PlanVersion.objects.all().delete()
    with pytest.raises(Immutable):
        VersionProject.objects.filter(number=1).update(end_date=None)
    with pytest.raises(Immutable):
        VersionProject.objects.first().delete()
    assert VersionProject.objects.count() == 33


def test_the_database_refuses_an_update_in_sql(plan):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE versions_planversion SET note = 'x'")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE versions_versionproject SET end_date = NULL")
    assert PlanVersion.objects.get().note != "x"


@pytest.mark.parametrize("name", ["nu", "1.4.pdf", "1 4", "1.4/", "-1", "1.4."])
def test_a_name_that_cannot_be_an_address_is_refused(plan, name):
    version = PlanVersion(plan=plan, name=name, approved_on=PlanVersion.objects.get().approved_on)
    with pytest.raises(ValidationError) as error:
        version.full_clean(exclude=["published_at", "snapshot", "digest", "project_count", "hour_budget"])
    assert "name" in error.value.message_dict


def test_a_version_reads_as_its_name_and_approval(plan, publish):
    version = publish("1.4", approved_by="Den Fælles Boligstrategiske Gruppe")

    assert str(version) == "ver. 1.4"
    assert version.get_absolute_url() == "/versioner/1.4/"
    with translation.override("da"):
        assert version.approval_text == "Godkendt af Den Fælles Boligstrategiske Gruppe 12. maj 2011"
