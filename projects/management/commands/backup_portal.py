"""Back up the whole portal, its database and its uploaded files, into a new folder (projects/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from projects.backup import BackupError, portal_backup


class Command(BaseCommand):
    help = (
        "Writes a new backup folder (the database and the uploaded files) into --out, by default "
        "BYAFTALE_BACKUP_DIR, and prints its path. restore_portal reads it back."
    )

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument(
            "--out", type=Path, default=None, help="The folder to write the backup folder into (BYAFTALE_BACKUP_DIR)."
        )

    def handle(self, *args, out: Path | None, verbosity: int = 1, **options) -> None:
        try:
            folder = portal_backup(out_dir=out or Path(settings.BACKUP_DIR), verbosity=verbosity)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
