"""manage.py send_reminders: send today's e-mail reminders now (for cron, or by hand). Safe to run again:
a reminder already sent is not sent twice."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from operations.reminders import send_reminders


class Command(BaseCommand):
    help = "Send the e-mail reminders due today; each reminder goes out once, however often this runs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="Act as if today were this day (YYYY-MM-DD)."
        )

    def handle(self, *args: Any, date: datetime.date | None = None, **options: Any) -> None:
        sent = send_reminders(today=date or timezone.localdate())
        self.stdout.write(f"Sent {sent} reminder mail(s).")
