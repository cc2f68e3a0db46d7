"""Optimistic locking in the database: each save moves a row's version on, and a save from a copy read before
another save is refused instead of writing back the values it read."""

import threading
import time

import pytest
from django.db import connection, transaction

from byaftale.versioning import StaleVersion
from parties.models import Party
from projects.models import Milestone, Project
from tests.factories import make_milestone, make_party, make_project

pytestmark = pytest.mark.django_db


def test_every_save_moves_the_version_on_and_the_history_records_it():
    project = make_project()
    assert project.version == 1

    project.title = "Energi på dagsordenen"
    project.save()
    project.hour_budget = 2000
    project.save(update_fields=["hour_budget"])

    assert Project.objects.get(pk=project.pk).version == project.version == 3
    assert [record.version for record in project.history.order_by("history_date", "history_id")] == [1, 2, 3]


@pytest.mark.parametrize(
    ("make", "field", "first", "second"),
    [
        (make_project, "title", "Ny titel", "Gammel titel"),
        (make_milestone, "title", "Analysen er klar", "Analysen er udskudt"),
        (make_party, "short_name", "FAB", "Fyens"),
    ],
)
def test_a_save_from_a_copy_read_before_another_save_is_refused_and_changes_nothing(make, field, first, second):
    row = make()
    mine, theirs = type(row).objects.get(pk=row.pk), type(row).objects.get(pk=row.pk)
    setattr(theirs, field, first)
    theirs.save()

    setattr(mine, field, second)
    with pytest.raises(StaleVersion):
        mine.save()

    row.refresh_from_db()
    assert getattr(row, field) == first
    assert row.version == 2
    assert row.history.count() == 2, "the refused save leaves no history record"


def test_a_stale_save_of_only_some_fields_is_refused_too():
    project = make_project(title="Gammel")
    mine = Project.objects.get(pk=project.pk)
    project.title = "Ny"
    project.save()

    mine.progress = 70
    with pytest.raises(StaleVersion):
        mine.save(update_fields=["progress"])

    project.refresh_from_db()
    assert (project.title, project.progress) == ("Ny", 0)


def test_new_rows_start_at_version_1_and_bulk_reads_carry_the_version():
    make_milestone()
    make_party()

    assert list(Milestone.objects.values_list("version", flat=True)) == [1]
    assert set(Party.objects.values_list("version", flat=True)) == {1}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one write transaction at a time")
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_saves_from_the_same_version_cannot_both_win():
    project = make_project(title="Gammel", hour_budget=100)
    both_read = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(field: str, value: object) -> None:
        try:
            copy = Project.objects.get(pk=project.pk)
            both_read.wait(timeout=10)
            setattr(copy, field, value)
            with transaction.atomic():
                copy.save()
                time.sleep(0.3)  # hold the row so that the other save has to wait for this one to commit
            outcomes[field] = "saved"
        except StaleVersion:
            outcomes[field] = "refused"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=("title", "Ny")),
        threading.Thread(target=save, args=("hour_budget", 5)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["refused", "saved"]
    project.refresh_from_db()
    assert project.version == 2
    winner = next(field for field, outcome in outcomes.items() if outcome == "saved")
    assert (project.title, project.hour_budget) == (("Ny", 100) if winner == "title" else ("Gammel", 5))
