"""Each person's choice of reminders: every kind is on until the person turns it off."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction

from .models import ReminderKind, ReminderOptOut


def chosen_kinds(user: User) -> list[str]:
    off = set(ReminderOptOut.objects.filter(user=user).values_list("kind", flat=True))
    return [kind for kind in ReminderKind.values if kind not in off]


def choose_kinds(user: User, kinds: Iterable[str]) -> None:
    """Turn on exactly `kinds`, and every other kind off (each change goes into the history)."""
    wanted = set(kinds)
    with transaction.atomic():
        for opt_out in ReminderOptOut.objects.filter(user=user, kind__in=wanted):
            opt_out.delete()
        off = set(ReminderOptOut.objects.filter(user=user).values_list("kind", flat=True))
        for kind in ReminderKind.values:
            if kind not in wanted and kind not in off:
                ReminderOptOut.objects.create(user=user, kind=kind)
