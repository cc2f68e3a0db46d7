"""The background worker bin/serve starts: django-tasks-db's db_worker, plus the heartbeat and the daily
schedule (operations.worker)."""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from operations.worker import Schedule


class Command(DbWorkerCommand):
    help = "Run the background worker: queued tasks, the heartbeat /healthz reads and the daily reminders."

    def handle(self, *args: Any, **options: Any) -> None:
        Schedule(options["worker_id"]).start()
        super().handle(*args, **options)
