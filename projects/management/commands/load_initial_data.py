"""Load the seed content of both source documents (fixtures/*.yaml) into an empty database."""

from django.core.management.base import BaseCommand, CommandError

from areas.models import ActionPlan
from projects.seed import FIXTURES_DIR, load_seed, seed_fixture_files


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
        if not seed_fixture_files():
            raise CommandError(f"No fixtures found in {FIXTURES_DIR}.")
        load_seed(verbosity=options.get("verbosity", 1))
