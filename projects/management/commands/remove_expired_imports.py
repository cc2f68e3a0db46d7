"""Delete the sheets uploaded to the admin's import preview and never confirmed, once they are older than
BYAFTALE_IMPORT_PREVIEW_MINUTES. Every import request does this too; run it from cron where imports are rare."""

from typing import Any

from django.core.management.base import BaseCommand

from byaftale.import_files import remove_expired_import_files


class Command(BaseCommand):
    help = "Delete uploaded sheets whose import preview was never confirmed and has expired."

    def handle(self, *args: Any, **options: Any) -> None:
        removed = remove_expired_import_files()
        self.stdout.write(f"Removed {removed} expired import file(s).")
