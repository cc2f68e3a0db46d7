"""Restore a backup folder that backup_portal wrote into an empty database (projects/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from projects.backup import BackupError, portal_restore


class Command(BaseCommand):
    help = (
        "Restores a backup folder written by backup_portal (the database and the uploaded files) into the "
        "database of DATABASE_URL, which must be empty: created, but not migrated."
    )

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument("folder", type=Path, help="The backup folder, e.g. var/backups/byaftale-2026-12-01-210000.")

    def handle(self, *args, folder: Path, verbosity: int = 1, **options) -> None:
        try:
            portal_restore(folder=folder, verbosity=verbosity)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {folder}. If this code is newer than the backup, run manage.py migrate next; "
            "the portal needs the SECRET_KEY and the rest of .env, which no backup holds."
        )
