"""What running the portal keeps: the worker's heartbeat, each person's reminder choices, and the log of
reminders sent (so a reminder goes out once, however often the job runs)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ReminderKind(models.TextChoices):
    """The kinds of reminder; each person chooses which they get (all by default)."""

    MILESTONE_DUE = "milestone_due", _("A milestone of my project is due soon")
    MILESTONE_OVERDUE = "milestone_overdue", _("Milestones are overdue (secretariat)")
    REPORT_MISSING = "report_missing", _("My project needs a status report")
    FOLLOW_UP_DUE = "follow_up_due", _("A follow-up point from a meeting is due or overdue")
    REVISION_DUE = "revision_due", _("The cooperation agreement is due for revision (secretariat)")
    WEEKLY_DIGEST = "weekly_digest", _("The steering group's weekly digest")


class WorkerHeartbeat(models.Model):
    """The last sign of life of each background worker; /healthz reads the newest."""

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return self.worker_id


class ReminderOptOut(models.Model):
    """A kind of reminder a person has turned off on the preferences page."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="reminder_opt_outs"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ReminderKind.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reminder turned off")
        verbose_name_plural = _("reminders turned off")
        ordering = ["user", "kind"]
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="reminder_opt_out_once")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()}"


class SentReminder(models.Model):
    """One reminder about one thing sent to one person. `subject` names the thing and what makes it new
    (e.g. a milestone and its date, so a moved milestone is reminded of again); the unique constraint makes
    a second run, or two at once, send nothing twice."""

    kind = models.CharField(_("kind"), max_length=30, choices=ReminderKind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="+"
    )
    subject = models.CharField(_("about"), max_length=200)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "recipient", "subject"], name="reminder_sent_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}: {self.subject}"
