"""projects/migrations/0010_history_reason_facts.py: the reasons status reports wrote in the reporter's language
become the facts written now, and back again, leaving every other reason alone."""

import importlib

import pytest
from django.apps import apps

from tests.factories import make_project

pytestmark = pytest.mark.django_db

migration = importlib.import_module("projects.migrations.0010_history_reason_facts")

OLD_AND_NEW = [
    ("Statusrapport 01.12.2026: gul: i risiko", "status-report 2026-12-01 yellow"),
    ("Statusrapport 02.11.2026: yellow: at risk", "status-report 2026-11-02 yellow"),
    ("Statusrapport 15.03.2025: grøn: går efter planen", "status-report 2025-03-15 green"),
    ("Statusrapport 15.03.2025: green: on track", "status-report 2025-03-15 green"),
    ("Statusrapport 09.01.2024: rød: går ikke efter planen", "status-report 2024-01-09 red"),
    ("Statusrapport 09.01.2024: red: off track", "status-report 2024-01-09 red"),
]
LEFT_ALONE = ["Ændrede slut og timebudget.", "Statusrapport om noget andet", "Statusrapport 01.12.2026: lilla", ""]


def history_with(reasons: list[str]) -> list[int]:
    """One historical project row per reason; their ids."""
    history = apps.get_model("projects", "HistoricalProject")
    ids = []
    for reason in reasons:
        project = make_project()
        row = history.objects.filter(id=project.pk).get()
        history.objects.filter(pk=row.pk).update(history_change_reason=reason)
        ids.append(row.pk)
    return ids


def reasons(ids: list[int]) -> list[str]:
    history = apps.get_model("projects", "HistoricalProject")
    by_id = dict(history.objects.filter(pk__in=ids).values_list("pk", "history_change_reason"))
    return [by_id[pk] for pk in ids]


def test_old_reasons_in_either_language_become_facts_and_others_stay():
    old = history_with([reason for reason, _fact in OLD_AND_NEW])
    other = history_with(LEFT_ALONE)

    migration.reasons_to_facts(apps, None)

    assert reasons(old) == [fact for _reason, fact in OLD_AND_NEW]
    assert reasons(other) == LEFT_ALONE


def test_going_back_writes_the_facts_in_the_danish_words_of_before():
    ids = history_with(["status-report 2026-12-01 yellow", "status-report 2024-01-09 red", "Ændrede titel."])

    migration.facts_to_reasons(apps, None)

    assert reasons(ids) == [
        "Statusrapport 01.12.2026: gul: i risiko",
        "Statusrapport 09.01.2024: rød: går ikke efter planen",
        "Ændrede titel.",
    ]


def test_the_migration_imports_no_live_application_code():
    source = importlib.util.find_spec(migration.__name__).loader.get_source(migration.__name__)

    assert "from projects" not in source and "import projects" not in source
