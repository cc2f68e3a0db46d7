"""The 2008 cooperation agreement (samarbejdsaftale): its sections, its three tasks and its signatories."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from byaftale.versioning import Versioned


class CooperationAgreementManager(models.Manager["CooperationAgreement"]):
    def get_by_natural_key(self, slug: str) -> "CooperationAgreement":
        return self.get(slug=slug)


class CooperationAgreement(Versioned):
    slug = models.SlugField(_("short name"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    between = models.CharField(_("between"), max_length=300, help_text=_("The parties as the title page names them."))
    signed_on = models.DateField(_("signed"), help_text=_("Placed on the first day of the month the agreement gives."))
    signed_wording = models.CharField(_("signed, as written"), max_length=60, blank=True)
    revision_interval_years = models.PositiveSmallIntegerField(
        _("revised every (years)"), default=2, validators=[MinValueValidator(1)]
    )
    first_revision_year = models.PositiveSmallIntegerField(_("first revision (year)"))
    organisation_overview_title = models.CharField(
        _("organisation overview"),
        max_length=300,
        blank=True,
        help_text=_("Heading of the organisation chart attached to the agreement (the chart itself was an image)."),
    )

    objects = CooperationAgreementManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        ordering = ["-signed_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(revision_interval_years__gte=1), name="agreement_revision_interval_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def clean(self) -> None:
        if self.signed_on and self.first_revision_year and self.first_revision_year < self.signed_on.year:
            raise ValidationError({"first_revision_year": _("The first revision cannot come before the signing.")})


class AgreementSection(Versioned):
    agreement = models.ForeignKey(
        CooperationAgreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="sections"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    heading = models.CharField(_("heading"), max_length=200)
    body = models.TextField(_("text"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement section")
        verbose_name_plural = _("agreement sections")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="agreement_section_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.heading}"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:agreement") + f"#paragraf-{self.number}"

    @property
    def versions(self) -> list["SectionText"]:
        """The wordings revisions gave the section, oldest first (prefetch `texts__revision`)."""
        return sorted(self.texts.all(), key=lambda text: text.revision.held_on)

    @property
    def current_heading(self) -> str:
        versions = self.versions
        return versions[-1].heading if versions else self.heading

    @property
    def current_body(self) -> str:
        versions = self.versions
        return versions[-1].body if versions else self.body


class AgreementTask(Versioned):
    """One of the three tasks the parties lift together (strategi, faglig udvikling, koordinering)."""

    class Key(models.TextChoices):
        STRATEGY = "strategy", _("strategy")
        PROFESSIONAL_DEVELOPMENT = "professional_development", _("professional development")
        COORDINATION = "coordination", _("coordination")

    agreement = models.ForeignKey(
        CooperationAgreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="tasks"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    key = models.CharField(_("task"), max_length=32, choices=Key.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    heading = models.CharField(_("heading of the description"), max_length=200)
    description = models.TextField(_("description"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement task")
        verbose_name_plural = _("agreement tasks")
        ordering = ["agreement", "position"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "key"], name="agreement_task_key_unique"),
            models.UniqueConstraint(fields=["agreement", "position"], name="agreement_task_position_unique"),
        ]

    def __str__(self) -> str:
        return self.title


class Signatory(Versioned):
    class Side(models.TextChoices):
        HOUSING_ORGANISATIONS = "housing_organisations", _("for the housing organisations")
        MUNICIPALITY = "municipality", _("for Odense Kommune")

    agreement = models.ForeignKey(
        CooperationAgreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="signatories"
    )
    side = models.CharField(_("signs for"), max_length=32, choices=Side.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    party = models.ForeignKey(
        "parties.Party", verbose_name=_("party"), on_delete=models.PROTECT, related_name="signatures"
    )
    name = models.CharField(_("name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["agreement", "position"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "position"], name="signatory_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.party}" if not self.job_title else f"{self.name}, {self.job_title}, {self.party}"


def not_in_the_future(value: datetime.date) -> None:
    if value > timezone.localdate():
        raise ValidationError(_("A revision is recorded once it has been held; the date cannot lie in the future."))


class AgreementRevision(Versioned):
    """A revision of the agreement the parties held (§7: every second year, first in 2010): when, what came
    of it, which sections changed. A changed section's new wording is kept as its own text (SectionText)."""

    agreement = models.ForeignKey(
        CooperationAgreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="revisions"
    )
    held_on = models.DateField(_("held on"), validators=[not_in_the_future])
    outcome = models.TextField(_("outcome"), help_text=_("What the parties agreed, e.g. 'Aftalen fortsætter uændret'."))
    changed_sections = models.ManyToManyField(
        AgreementSection, verbose_name=_("sections changed"), blank=True, related_name="revisions"
    )

    history = HistoricalRecords(m2m_fields=[changed_sections])

    class Meta:
        verbose_name = _("revision of the agreement")
        verbose_name_plural = _("revisions of the agreement")
        ordering = ["agreement", "-held_on"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "held_on"], name="agreement_revision_date_unique"),
        ]

    def __str__(self) -> str:
        return _("Revision of %(date)s") % {"date": date_format(self.held_on)}

    def clean(self) -> None:
        if self.held_on and self.agreement_id and self.held_on < self.agreement.signed_on:
            raise ValidationError({"held_on": _("A revision cannot be held before the agreement was signed.")})


class SectionText(Versioned):
    """A section's wording as a revision set it: the section's next version. The newest is the section's
    text today; the original wording (AgreementSection.body) is its first version."""

    section = models.ForeignKey(
        AgreementSection, verbose_name=_("section"), on_delete=models.CASCADE, related_name="texts"
    )
    revision = models.ForeignKey(
        AgreementRevision, verbose_name=_("revision"), on_delete=models.CASCADE, related_name="section_texts"
    )
    heading = models.CharField(_("heading"), max_length=200)
    body = models.TextField(_("text"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section text after a revision")
        verbose_name_plural = _("section texts after revisions")
        ordering = ["section", "revision__held_on"]
        constraints = [
            models.UniqueConstraint(fields=["section", "revision"], name="section_text_once_per_revision"),
        ]

    def __str__(self) -> str:
        return f"{self.section.number}. {self.heading} ({self.revision})"

    def clean(self) -> None:
        if self.section_id and self.revision_id and self.section.agreement_id != self.revision.agreement_id:
            raise ValidationError({"section": _("The section belongs to another agreement than the revision.")})
