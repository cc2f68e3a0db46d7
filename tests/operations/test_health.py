"""/healthz answers a load balancer without sign-in and without data: database, cache and the task worker's
heartbeat; 503 when one fails."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from operations.models import WorkerHeartbeat
from operations.worker import Schedule, reminders_due

pytestmark = pytest.mark.django_db

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_healthy_without_signing_in_and_naming_no_data(client, settings):
    settings.TASKS = DATABASE_BACKEND
    WorkerHeartbeat.objects.create(worker_id="w1", seen_at=timezone.now())

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "worker": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_a_silent_worker_makes_it_unhealthy(client, settings):
    settings.TASKS = DATABASE_BACKEND
    WorkerHeartbeat.objects.create(worker_id="w1", seen_at=timezone.now() - datetime.timedelta(minutes=10))

    response = client.get(reverse("operations:healthz"))

    assert response.status_code == 503
    assert response.json()["worker"] == "failing"
    assert response.json()["status"] == "failing"


def test_a_failing_cache_makes_it_unhealthy(client, settings, monkeypatch):
    settings.TASKS = DATABASE_BACKEND
    WorkerHeartbeat.objects.create(worker_id="w1", seen_at=timezone.now())

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr("django.core.cache.cache.set", broken)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "failing", "database": "ok", "cache": "failing", "worker": "ok"}


def test_the_worker_schedule_beats_and_enqueues_the_reminders_once_a_day(settings, monkeypatch):
    settings.REMINDER_HOUR = 6
    enqueued = []
    monkeypatch.setattr("operations.tasks.send_daily_reminders", SimpleNamespace(enqueue=lambda: enqueued.append(1)))
    # The worker closes stale connections each tick; here the connection is the test's transaction.
    monkeypatch.setattr("operations.worker.close_old_connections", lambda: None)
    WorkerHeartbeat.objects.create(worker_id="gone", seen_at=datetime.datetime(2026, 12, 5, 6, 0, tzinfo=COPENHAGEN))
    schedule = Schedule("worker-a")
    early = datetime.datetime(2026, 12, 7, 5, 59, tzinfo=COPENHAGEN)
    monkeypatch.setattr("django.utils.timezone.now", lambda: early)
    schedule.tick()
    assert WorkerHeartbeat.objects.get(worker_id="worker-a").seen_at == early
    # A worker silent for more than a day (a former start) is forgotten.
    assert not WorkerHeartbeat.objects.filter(worker_id="gone").exists()
    assert not enqueued

    later = datetime.datetime(2026, 12, 7, 6, 0, tzinfo=COPENHAGEN)
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    schedule.tick()
    schedule.tick()
    assert enqueued == [1]
    assert not reminders_due(later + datetime.timedelta(hours=5), schedule.last_reminders)
    assert reminders_due(later + datetime.timedelta(days=1), schedule.last_reminders)
