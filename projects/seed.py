"""Loading the seed content of both source documents (fixtures/*.yaml) into an empty database.

loaddata writes no history, so the load records a first history entry for every object itself,
with SEED_CHANGE_REASON: the first edit in the admin then has a "before" to show and to revert to.
"""

from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
SEED_APPS = ("parties", "cooperation", "areas", "projects")
SEED_CHANGE_REASON = "Indlæst fra kildedokumenterne"


def seed_fixture_files() -> list[Path]:
    """The seed fixtures in load order: their file names start with a number."""
    return sorted(FIXTURES_DIR.glob("*.yaml"))


def models_with_history() -> list[Any]:  # models with django-simple-history's `history` manager
    return [
        model
        for app_label in SEED_APPS
        for model in apps.get_app_config(app_label).get_models()
        if hasattr(model, "history") and not model.__name__.startswith("Historical")
    ]


@transaction.atomic
def load_seed(*, verbosity: int = 1) -> None:
    call_command("loaddata", *[str(f) for f in seed_fixture_files()], verbosity=verbosity)
    loaded_at = timezone.now()
    for model in models_with_history():
        model.history.bulk_history_create(
            list(model.objects.all()), default_change_reason=SEED_CHANGE_REASON, default_date=loaded_at
        )
