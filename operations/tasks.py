"""The operations app's background tasks (Django 6's task API, through the django-tasks backport)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from .reminders import send_reminders


@task()
def send_daily_reminders() -> int:
    """The daily reminder run, enqueued by the worker's schedule (operations.worker); the number of mails sent."""
    return send_reminders(today=timezone.localdate())
