"""Beside the database worker's loop: a heartbeat for /healthz and the daily schedule.

A thread in the worker process writes the worker's heartbeat every HEARTBEAT_INTERVAL seconds and, once
a day after REMINDER_HOUR (local time), enqueues the reminder run. Two workers (or two machines) may
both enqueue it: the reminders' sent-log makes the second run send nothing.
"""

from __future__ import annotations

import datetime
import logging
import threading

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

HEARTBEAT_INTERVAL = 30


# A worker gets a new id at each start; the heartbeats of workers silent this long are removed.
FORGET_AFTER = datetime.timedelta(days=1)


def beat(worker_id: str) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id, defaults={"seen_at": now})
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()


def reminders_due(now: datetime.datetime, last_run: datetime.date | None) -> bool:
    """Whether the daily reminder run is due at `now` (local time), given the day it last ran."""
    local = timezone.localtime(now)
    return local.hour >= settings.REMINDER_HOUR and last_run != local.date()


class Schedule(threading.Thread):
    def __init__(self, worker_id: str) -> None:
        super().__init__(name="byaftale-schedule", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()
        self.last_reminders: datetime.date | None = None

    def tick(self) -> None:
        close_old_connections()
        beat(self.worker_id)
        now = timezone.now()
        if reminders_due(now, self.last_reminders):
            from .tasks import send_daily_reminders  # noqa: PLC0415 - the task module reads the app registry

            send_daily_reminders.enqueue()
            self.last_reminders = timezone.localtime(now).date()
            logger.info("Enqueued the daily reminders")

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                self.tick()
            except Exception:  # the schedule must outlive a database hiccup; the next tick tries again
                logger.exception("The worker's schedule failed; trying again in %d s", HEARTBEAT_INTERVAL)
            self.stopped.wait(HEARTBEAT_INTERVAL)
