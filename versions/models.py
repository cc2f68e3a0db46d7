"""Published versions of the action plan: what the board approved, frozen.

A version holds a snapshot of the whole plan (`versions.snapshot`) as one JSON document in a stable
schema, and an index of its projects' periods and budgets (`VersionProject`) for the pages that ask one
question of every version (a project's version history, the slippage on the dashboard). Neither ever
changes after publishing: the models refuse saves and deletes of a published version, the querysets
refuse bulk updates and deletes, and the database refuses UPDATEs (migration 0002's triggers).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# A version name goes into addresses (/versioner/1.4/) and file names: digits, letters, dots and dashes.
VERSION_NAME_PATTERN = r"[0-9A-Za-z](?:[0-9A-Za-z.-]{0,18}[0-9A-Za-z])?"
# "nu" stands for today's plan in a comparison's address; no version may take it.
RESERVED_NAMES = {"nu"}


class Immutable(Exception):
    """An attempt to change or delete what a published version holds."""


def not_reserved(value: str) -> None:
    if value.lower() in RESERVED_NAMES or value.lower().endswith(".pdf") or value.lower().endswith(".xlsx"):
        raise ValidationError(_("«%(name)s» cannot be the name of a version."), params={"name": value})


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise Immutable("A published version cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise Immutable("A published version cannot be deleted.")


class PlanVersionQuerySet(ImmutableQuerySet):
    def without_snapshot(self) -> PlanVersionQuerySet:
        """Versions for a list: the snapshot is the big part and a list never shows it."""
        return self.defer("snapshot")

    def latest_approved(self) -> PlanVersion | None:
        return self.order_by("-approved_on", "-published_at").first()


class PlanVersion(models.Model):
    """A version of the action plan as published by the secretariat: «1.4», approved on a date by someone."""

    plan = models.ForeignKey(
        "areas.ActionPlan", verbose_name=_("action plan"), on_delete=models.PROTECT, related_name="versions"
    )
    name = models.CharField(
        _("version"),
        max_length=20,
        validators=[
            RegexValidator(
                rf"^{VERSION_NAME_PATTERN}$",
                _("Use digits, letters, dots and dashes, e.g. 1.4."),
            ),
            not_reserved,
        ],
        help_text=_("As the board names it, e.g. 1.4."),
    )
    approved_on = models.DateField(_("approved on"))
    approved_by = models.CharField(
        _("approved by"), max_length=300, blank=True, help_text=_("E.g. Den Fælles Boligstrategiske Gruppe.")
    )
    note = models.TextField(_("note"), blank=True)
    published_at = models.DateTimeField(_("published at"), editable=False)
    published_by = models.CharField(
        _("published by"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("Kept as a name: a version outlives the accounts of the people who published it."),
    )
    snapshot = models.JSONField(_("snapshot"), editable=False)
    digest = models.CharField(
        _("digest"), max_length=64, editable=False, help_text=_("SHA-256 of the snapshot, which never changes.")
    )
    project_count = models.PositiveIntegerField(_("projects"), editable=False)
    hour_budget = models.PositiveIntegerField(_("hour budget"), editable=False)

    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["-approved_on", "-published_at"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="plan_version_name_unique"),
        ]

    def __str__(self) -> str:
        return _("ver. %(name)s") % {"name": self.name}

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise Immutable(f"Version {self.name} is published and cannot be changed.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("versions:version", args=[self.name])

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise Immutable(f"Version {self.name} is published and cannot be deleted.")

    @property
    def approval_text(self) -> str:
        """«Godkendt af Den Fælles Boligstrategiske Gruppe 12. maj 2011», or only the date."""
        day = date_format(self.approved_on)
        if self.approved_by:
            return _("Approved by %(who)s %(date)s") % {"who": self.approved_by, "date": day}
        return _("Approved %(date)s") % {"date": day}


class VersionProject(models.Model):
    """One project as a version holds it, for the questions asked of every version at once: its period
    and hour budget. Written with the version, never changed. `project_id` is no foreign key: the project
    may be deleted later, and the version still tells what it was."""

    version = models.ForeignKey(
        PlanVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="projects"
    )
    project_id = models.PositiveBigIntegerField(_("project"))
    area_slug = models.SlugField(_("focus area"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    hour_budget = models.PositiveIntegerField(_("hour budget"), null=True, blank=True)

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("project in a version")
        verbose_name_plural = _("projects in a version")
        ordering = ["version", "area_slug", "number"]
        indexes = [models.Index(fields=["project_id"], name="version_project_by_project")]
        constraints = [
            models.UniqueConstraint(fields=["version", "project_id"], name="version_project_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.version}: {self.title}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise Immutable("A published version cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise Immutable("A published version cannot be deleted.")

    @property
    def period_text(self) -> str:
        """«1. april 2011 – 1. april 2013», «fra 1. april 2011»: the period the version gave the project."""
        start = date_format(self.start_date) if self.start_date else ""
        end = date_format(self.end_date) if self.end_date else ""
        if start and end:
            return f"{start} – {end}"
        if start:
            return _("from %(start)s") % {"start": start}
        return _("until %(end)s") % {"end": end} if end else ""


class VersionDocument(models.Model):
    """A PDF of a version, kept as first rendered: a version's documents download the same, byte for byte,
    however the layouts change later."""

    version = models.ForeignKey(
        PlanVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="documents"
    )
    key = models.CharField(_("document"), max_length=60)
    filename = models.CharField(_("file name"), max_length=200)
    content = models.BinaryField(_("content"))
    pages = models.PositiveIntegerField(_("pages"))
    made_at = models.DateTimeField(_("made at"))

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("version document")
        verbose_name_plural = _("version documents")
        ordering = ["version", "key"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="version_document_unique"),
        ]

    def __str__(self) -> str:
        return self.filename

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise Immutable("A version's document cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise Immutable("A version's document cannot be deleted.")
