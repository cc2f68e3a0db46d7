"""Publish the plan as it stands as a named version: manage.py publish_version 1.4 --note "…"."""

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from areas.models import ActionPlan
from versions.publishing import publish_version


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be a date like 2011-05-12, not {value!r}.") from None


class Command(BaseCommand):
    help = "Publishes the plan as it stands as a version (e.g. 1.4); refuses a version name already published."

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument("name", help="The version's name, e.g. 1.4.")
        parser.add_argument("--note", default="", help="What the version is, e.g. what the board approved.")
        parser.add_argument("--approved-by", default="", help="E.g. Den Fælles Boligstrategiske Gruppe.")
        parser.add_argument("--date", type=iso_date, default=None, help="Approved on (YYYY-MM-DD); today if left out.")

    def handle(self, *args, name: str, note: str, approved_by: str, date: datetime.date | None, **options) -> None:
        plan = ActionPlan.objects.order_by("-year", "pk").first()
        if plan is None:
            raise CommandError("No action plan is loaded; run load_initial_data first.")
        try:
            version = publish_version(
                plan,
                name=name,
                approved_on=date or timezone.localdate(),
                note=note,
                approved_by=approved_by,
                published_by="manage.py publish_version",
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Published {version} with {version.project_count} projects.")
