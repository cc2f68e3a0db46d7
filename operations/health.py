"""What /healthz checks: the database answers, the cache keeps a value, and a task worker reported
recently (its heartbeat, operations.worker). Nothing of the plan is read or shown."""

from __future__ import annotations

import datetime
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Health:
    database: bool
    cache: bool
    worker: bool

    @property
    def ok(self) -> bool:
        return self.database and self.cache and self.worker

    def as_dict(self) -> dict[str, str]:
        def word(good: bool) -> str:
            return "ok" if good else "failing"

        return {
            "status": word(self.ok),
            "database": word(self.database),
            "cache": word(self.cache),
            "worker": word(self.worker),
        }


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 - any failure means unhealthy; the log says which
        logger.exception("Health check: the database does not answer")
        return False


def _cache() -> bool:
    key, value = "healthz:probe", uuid.uuid4().hex
    try:
        cache.set(key, value, 30)
        return cache.get(key) == value
    except Exception:  # noqa: BLE001
        logger.exception("Health check: the cache does not answer")
        return False


def _worker() -> bool:
    # Only the database backend has a worker of ours; with another (RQ, immediate) there is nothing to see.
    if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return True
    try:
        since = timezone.now() - datetime.timedelta(seconds=settings.WORKER_HEARTBEAT_SECONDS)
        return WorkerHeartbeat.objects.filter(seen_at__gte=since).exists()
    except Exception:  # noqa: BLE001
        logger.exception("Health check: cannot read the worker's heartbeat")
        return False


def check_health() -> Health:
    return Health(database=_database(), cache=_cache(), worker=_worker())
