"""Load the seed content of both source documents (fixtures/*.yaml) into an empty database."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from areas.models import ActionPlan

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"


def seed_fixture_files() -> list[Path]:
    """The seed fixtures in load order: their file names start with a number."""
    return sorted(FIXTURES_DIR.glob("*.yaml"))


class Command(BaseCommand):
    help = "Loads the action plan, the cooperation agreement and the parties from fixtures/ into an empty database."

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing, and succeed, when the plan is already loaded."
        )

    def handle(self, *args, if_empty: bool = False, **options) -> None:
        if ActionPlan.objects.exists():
            if if_empty:
                self.stdout.write("The seed data is already loaded.")
                return
            raise CommandError("The database already holds an action plan; load the seed data into an empty database.")
        files = seed_fixture_files()
        if not files:
            raise CommandError(f"No fixtures found in {FIXTURES_DIR}.")
        with transaction.atomic():
            call_command("loaddata", *[str(f) for f in files], verbosity=options.get("verbosity", 1))
