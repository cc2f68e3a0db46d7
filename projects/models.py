"""Projects of the action plan and what the sources say about each: who is responsible, how it relates
to the others, how it is financed, its hours, its period and its milestones."""

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Aggregate, Count, F, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from byaftale.validation import ConstraintErrorsOnFields
from byaftale.versioning import Versioned

if TYPE_CHECKING:
    from areas.models import ActionPlan


def exactly_one(*fields: str) -> Q:
    """A condition that holds when exactly one of the nullable foreign keys is set."""
    condition = Q()
    for chosen in fields:
        term = Q(**{f"{chosen}__isnull": False})
        for other in fields:
            if other != chosen:
                term &= Q(**{f"{other}__isnull": True})
        condition |= term
    return condition


def assumed_text(date: datetime.date) -> str:
    """A date the portal placed, not the source: its month (or day), marked «(antaget)»."""
    shown = date_format(date, "YEAR_MONTH_FORMAT") if date.day == 1 else date_format(date)
    return _("%(date)s (assumed)") % {"date": shown}


def dated_text(date: datetime.date | None, wording: str, *, assumed: bool) -> str:
    if assumed and date:
        return assumed_text(date)
    return wording or (date_format(date) if date else "")


class ProjectQuerySet(models.QuerySet["Project"]):
    """The reads every page builds on, chained: `Project.objects.followed().filter(area=area)`."""

    def with_phase(self, *, today: datetime.date) -> "ProjectQuerySet":
        """Annotate each project with `phase`, the Project.Phase it is in on `today`, computed in SQL by the
        rules of `projects.phase.phase_of`, so a page can count projects by phase in the database."""
        from .phase import phase_expression  # the rules live with their Python twin

        return self.annotate(phase=phase_expression(today=today))

    def with_hours_used(self) -> "ProjectQuerySet":
        """Annotate each project with `hours_used`, the sum of its registered hours (0 when none).

        A subquery rather than a join, so the sum stays right beside other annotations and prefetches.
        """
        hours: models.DecimalField[Decimal, Decimal] = models.DecimalField(max_digits=12, decimal_places=2)
        total = _per_project(HourRegistration, Sum("hours"), hours)
        return self.annotate(hours_used=Coalesce(total, Value(Decimal(0)), output_field=hours))

    def with_registration_count(self) -> "ProjectQuerySet":
        """Annotate each project with `hour_registration_count`, how many hour registrations it has."""
        count = _per_project(HourRegistration, Count("pk"), models.IntegerField())
        return self.annotate(hour_registration_count=Coalesce(count, Value(0)))

    def with_latest_report(self) -> "ProjectQuerySet":
        """Annotate each project with its latest report's date, light and id (None when it has none)."""
        latest = StatusReport.objects.filter(project=OuterRef("pk")).order_by("-date", "-id")
        return self.annotate(
            latest_report_date=Subquery(latest.values("date")[:1]),
            latest_report_light=Subquery(latest.values("light")[:1]),
            latest_report_id=Subquery(latest.values("id")[:1]),
        )

    def in_plan_order(self) -> "ProjectQuerySet":
        return self.order_by("area__position", "number")

    def followed(self) -> "ProjectQuerySet":
        """What the dashboard and the area page follow of each project: its area and line or theme, hours
        registered and latest status report, in the plan's order."""
        return self.select_related("area", "grouping").with_hours_used().with_latest_report().in_plan_order()

    def with_plan_details(self) -> "ProjectQuerySet":
        """Everything the masterplan and the plan's documents show of a project, in the plan's order."""
        return (
            self.select_related("area", "grouping")
            .prefetch_related(
                "milestones",
                "financing_items__payer",
                Prefetch("responsibilities", queryset=Responsibility.objects.select_related("party")),
                Prefetch("relations_out", queryset=Relation.objects.select_related("to_project", "to_area")),
                Prefetch("relations_in", queryset=Relation.objects.select_related("from_project")),
            )
            .in_plan_order()
        )

    def for_project_page(self) -> "ProjectQuerySet":
        """A project with what its page shows for every request, in two queries: the row with its hours and
        latest report, and its contact persons. The rest of the page (milestones, responsibilities, relations,
        financing) is read by `projects.pages.plan_part` only when its cached rendering is missing."""
        return (
            self.select_related("area", "grouping")
            .with_hours_used()
            .with_latest_report()
            .with_registration_count()
            .prefetch_related("contact_persons")
        )


def _per_project(model: type[models.Model], aggregate: Aggregate, output_field: models.Field) -> Subquery:
    """One aggregate of a project's rows (its hours, its registrations) as a subquery on the project: the
    rows are grouped by project, so the value stays right beside other annotations and prefetches."""
    grouped = model._default_manager.filter(project=OuterRef("pk")).order_by().values("project")
    return Subquery(grouped.annotate(value=aggregate).values("value"), output_field=output_field)


class ProjectManager(models.Manager.from_queryset(ProjectQuerySet)):  # type: ignore[misc]  # a class made at run time
    def get_by_natural_key(self, area_slug: str, number: int) -> "Project":
        return self.get(area__slug=area_slug, number=number)


class Project(ConstraintErrorsOnFields, Versioned):
    """A project or sub-project (delprojekt), numbered within its focus area."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        PAUSED = "paused", _("paused")
        CANCELLED = "cancelled", _("cancelled")

    class Phase(models.TextChoices):
        """Where a project stands on a given day, read from its status and its data (`projects.phase`);
        not stored: the status field keeps what the secretariat set."""

        PLANNED = "planned", _("planned")
        RUNNING = "running", _("running")
        LATE = "late", _("running past its end")
        PAUSED = "paused", _("paused")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    area = models.ForeignKey(
        "areas.FocusArea", verbose_name=_("focus area"), on_delete=models.PROTECT, related_name="projects"
    )
    grouping = models.ForeignKey(
        "areas.Grouping",
        verbose_name=_("line or theme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("Unique within the focus area."))
    label = models.CharField(
        _("label"), max_length=40, blank=True, help_text=_("As written in the source, e.g. 'Delprojekt 2'.")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    responsibility_text = models.TextField(_("division of responsibilities, as written"), blank=True)
    relations_text = models.TextField(_("relation to the other projects, as written"), blank=True)
    financing_text = models.TextField(_("financing, as written"), blank=True)
    timeline_text = models.TextField(_("time horizon, as written"), blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    start_wording = models.CharField(
        _("start, as written"),
        max_length=100,
        blank=True,
        help_text=_("Where the source is approximate: 'medio 2011'."),
    )
    start_assumed = models.BooleanField(
        _("start assumed"),
        default=False,
        help_text=_(
            "The source does not give this start (e.g. only the month); the portal placed it. Shown as 'antaget'."
        ),
    )
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_wording = models.CharField(_("end, as written"), max_length=100, blank=True)
    end_assumed = models.BooleanField(
        _("end assumed"),
        default=False,
        help_text=_("The source does not give this end; the portal placed it. Shown as 'antaget'."),
    )
    hour_budget = models.PositiveIntegerField(_("hour budget"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    contact_persons = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact persons"),
        blank=True,
        related_name="contact_projects",
        help_text=_("They may report status and register hours for this project from the portal."),
    )

    objects = ProjectManager()
    history = HistoricalRecords(m2m_fields=[contact_persons])

    if TYPE_CHECKING:
        # What ProjectQuerySet's reads annotate; a project fetched without them has none of these.
        hours_used: Decimal
        hour_registration_count: int
        latest_report_date: datetime.date | None
        latest_report_light: str | None
        latest_report_id: int | None
        phase: str

    constraint_error_fields = {
        "duplicate_number": "number",
        "end_before_start": "end_date",
        "progress_above_100": "progress",
    }

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["area__position", "number"]
        permissions = [
            ("view_plan", _("Can read the plan and download its documents")),
            ("view_progress", _("Can follow progress: the dashboard, hours and status reports")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "number"],
                name="project_number_unique_in_area",
                violation_error_code="duplicate_number",
                violation_error_message=_("The focus area already has a project with this number."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="project_ends_after_start",
                violation_error_code="end_before_start",
                violation_error_message=_("The end cannot come before the start."),
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="project_progress_at_most_100",
                violation_error_code="progress_above_100",
                violation_error_message=_("Progress cannot exceed 100 %."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.title}" if self.label else self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:project", args=[self.area.slug, self.number])

    def natural_key(self) -> tuple[str, int]:
        return (self.area.slug, self.number)

    natural_key.dependencies = ["areas.focusarea", "areas.grouping"]  # type: ignore[attr-defined]  # read by dumpdata

    def clean(self) -> None:
        errors: dict[str, str | Promise] = {}
        if self.grouping is not None and self.area_id and self.grouping.area_id != self.area_id:
            errors["grouping"] = _("The line or theme belongs to another focus area.")
        ends_after_start = not (self.start_date and self.end_date and self.end_date < self.start_date)
        if self.pk and ends_after_start and not errors:
            outside = [m for m in self.milestones.all() if not self.covers(m.date)]
            if outside:
                names = ", ".join(f"«{m.title}» ({m.date:%m.%Y})" for m in outside)
                errors["end_date" if self.end_date else "start_date"] = _(
                    "The period no longer covers these milestones: %(names)s."
                ) % {"names": names}
        if errors:
            raise ValidationError(errors)

    def covers(self, date: datetime.date) -> bool:
        """Whether a date falls within the project's period (an open end covers everything after the start)."""
        return (self.start_date is None or date >= self.start_date) and (self.end_date is None or date <= self.end_date)

    @property
    def start_text(self) -> str:
        """The start as the source words it where approximate, else as a Danish date; an assumed start as
        the portal placed it, marked «(antaget)», since the source's words alone do not say it."""
        return dated_text(self.start_date, self.start_wording, assumed=self.start_assumed)

    @property
    def end_text(self) -> str:
        return dated_text(self.end_date, self.end_wording, assumed=self.end_assumed)

    def period_text(self) -> str:
        start, end = self.start_text, self.end_text  # each formats a date: read once
        if not end:
            return _("from %(start)s") % {"start": start} if start else ""
        if not start:
            return _("until %(end)s") % {"end": end}
        if start == end:
            return start  # "planlægges til 2011"
        return f"{start} – {end}"


class Responsibility(ConstraintErrorsOnFields, Versioned):
    """A party's responsibility, stated for one project, for a line or theme, or for a whole focus area."""

    class Role(models.TextChoices):
        LEAD = "lead", _("lead (tovholder)")
        RESPONSIBLE = "responsible", _("responsible")
        CONTRIBUTOR = "contributor", _("contributor")

    party = models.ForeignKey(
        "parties.Party", verbose_name=_("party"), on_delete=models.PROTECT, related_name="responsibilities"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="responsibilities",
    )
    grouping = models.ForeignKey(
        "areas.Grouping",
        verbose_name=_("line or theme"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="responsibilities",
    )
    area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="responsibilities",
    )
    wording = models.TextField(_("as written"), blank=True, help_text=_("The sentence of the source that says so."))
    concerning = models.CharField(
        _("concerning, as written"),
        max_length=300,
        blank=True,
        help_text=_(
            "Where the source gives the responsibility for part of the scope only, its words for that part, "
            "e.g. 'de tryghedsskabende foranstaltninger i Blangstedgård'."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        ordering = ["area", "grouping", "project", "role", "party__name"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("project", "grouping", "area"),
                name="responsibility_has_exactly_one_scope",
                violation_error_message=_("Choose exactly one of project, line or theme, and focus area."),
            ),
            models.UniqueConstraint(fields=["party", "project"], name="responsibility_unique_per_project"),
            models.UniqueConstraint(fields=["party", "grouping"], name="responsibility_unique_per_grouping"),
            models.UniqueConstraint(fields=["party", "area"], name="responsibility_unique_per_area"),
        ]

    def __str__(self) -> str:
        return f"{self.party} – {self.get_role_display()} – {self.scope}"

    @property
    def scope(self) -> object:
        return self.project or self.grouping or self.area


class Relation(ConstraintErrorsOnFields, Versioned):
    """How one project relates to another project or to a whole focus area; read from both ends."""

    class Kind(models.TextChoices):
        PART_OF = "part_of", _("is part of")
        SUPPORTS = "supports", _("supports")
        CAN_CONTRIBUTE = "can_contribute", _("can contribute to")
        COORDINATES = "coordinates", _("coordinates")
        RELATED = "related", _("is related to")

    INVERSE_LABELS = {
        Kind.PART_OF: _("includes"),
        Kind.SUPPORTS: _("is supported by"),
        Kind.CAN_CONTRIBUTE: _("can draw on"),
        Kind.COORDINATES: _("is coordinated by"),
        Kind.RELATED: _("is related to"),
    }

    from_project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="relations_out"
    )
    kind = models.CharField(_("relation"), max_length=20, choices=Kind.choices)
    to_project = models.ForeignKey(
        Project,
        verbose_name=_("other project"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="relations_in",
    )
    to_area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="relations_in",
    )
    text = models.TextField(_("as written"), blank=True)

    history = HistoricalRecords()

    constraint_error_fields = {"relation_to_itself": "to_project"}

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        ordering = ["from_project__area__position", "from_project__number", "kind", "to_project__number"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("to_project", "to_area"),
                name="relation_has_exactly_one_target",
                violation_error_message=_("Choose either another project or a focus area."),
            ),
            models.CheckConstraint(
                condition=~Q(to_project=F("from_project")),
                name="relation_not_to_itself",
                violation_error_code="relation_to_itself",
                violation_error_message=_("A project cannot be related to itself."),
            ),
            models.UniqueConstraint(fields=["from_project", "kind", "to_project"], name="relation_unique_to_project"),
            models.UniqueConstraint(fields=["from_project", "kind", "to_area"], name="relation_unique_to_area"),
        ]

    def __str__(self) -> str:
        return f"{self.from_project} {self.get_kind_display()} {self.target}"

    @property
    def target(self) -> object:
        return self.to_project or self.to_area

    @property
    def inverse_label(self) -> str:
        return str(self.INVERSE_LABELS[self.Kind(self.kind)])


class FinancingItem(ConstraintErrorsOnFields, Versioned):
    """A figure from a project's financing: an amount, its unit, who pays and the source's words."""

    class Kind(models.TextChoices):
        ONE_OFF = "one_off", _("one-off (kr.)")
        PER_YEAR = "per_year", _("per year (kr./år)")
        RUNNING_COST = "running_cost", _("yearly running cost (kr./år)")
        FULL_TIME = "full_time", _("full-time equivalents (årsværk)")
        HOURS = "hours", _("hours")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="financing_items"
    )
    kind = models.CharField(_("unit"), max_length=20, choices=Kind.choices)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    is_estimate = models.BooleanField(
        _("estimate"),
        default=False,
        help_text=_("The source says 'ca.', 'estimeret' or that experience 'peger på' it."),
    )
    payer = models.ForeignKey(
        "parties.Party",
        verbose_name=_("paid by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="financing_items",
    )
    description = models.TextField(_("as written"), blank=True)

    history = HistoricalRecords()

    constraint_error_fields = {"negative_amount": "amount"}

    class Meta:
        verbose_name = _("financing figure")
        verbose_name_plural = _("financing figures")
        ordering = ["project__area__position", "project__number", "kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="financing_amount_not_negative",
                violation_error_code="negative_amount",
                violation_error_message=_("The amount cannot be negative."),
            ),
        ]

    UNITS = {
        Kind.ONE_OFF: _("DKK"),
        Kind.PER_YEAR: _("DKK/year"),
        Kind.RUNNING_COST: _("DKK/year in running costs"),
        Kind.FULL_TIME: _("full-time equivalents"),
        Kind.HOURS: _("hours"),
    }

    def __str__(self) -> str:
        return f"{self.project}: {self.amount} {self.get_kind_display()}"

    @property
    def unit(self) -> str:
        """The unit the amount is read in: «500.000 kr./år», «1 årsværk»."""
        return str(self.UNITS[self.Kind(self.kind)])


class MilestoneQuerySet(models.QuerySet["Milestone"]):
    def open_in(self, plan: "ActionPlan") -> "MilestoneQuerySet":
        """The plan's milestones not yet reached, of projects and of whole areas, by date."""
        return (
            self.filter(reached=False)
            .filter(Q(project__area__plan=plan) | Q(area__plan=plan))
            .select_related("project__area", "area")
            .order_by("date", "id")
        )


class Milestone(ConstraintErrorsOnFields, Versioned):
    """A dated milestone of a project, or of a whole focus area where the source gives it for the area."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, null=True, blank=True, related_name="milestones"
    )
    area = models.ForeignKey(
        "areas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="milestones",
    )
    date = models.DateField(
        _("date"), help_text=_("Placed on the first day of the month where the source gives a month.")
    )
    date_wording = models.CharField(_("date, as written"), max_length=100, blank=True)
    date_assumed = models.BooleanField(
        _("date assumed"),
        default=False,
        help_text=_(
            "The source does not give this date (e.g. the year, or the month of 'I 2011'); the portal placed it. "
            "Shown as 'antaget'."
        ),
    )
    title = models.CharField(
        _("milestone"),
        max_length=300,
        help_text=_("The portal's short name; the source's words are under 'as written'."),
    )
    description = models.TextField(_("as written"), blank=True)
    reached = models.BooleanField(_("reached"), default=False)

    objects = MilestoneQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("project", "area"),
                name="milestone_has_exactly_one_scope",
                violation_error_message=_("Choose either a project or a focus area."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def date_text(self) -> str:
        """The date as shown: its month where placed on a month's first day, else the day; «(antaget)» where assumed."""
        if self.date_assumed:
            return assumed_text(self.date)
        return date_format(self.date, "YEAR_MONTH_FORMAT") if self.date.day == 1 else date_format(self.date)

    @property
    def shows_description(self) -> bool:
        """The description says more than the title (the seed often repeats the title as its description)."""
        return bool(self.description) and self.description != self.title

    @property
    def date_label(self) -> str:
        """The date as shown with the source's words beside it: «December 2011 (antaget); som skrevet: I 2011»."""
        if not self.date_wording:
            return self.date_text
        return _("%(date)s; as written: %(wording)s") % {"date": self.date_text, "wording": self.date_wording}

    def get_absolute_url(self) -> str:
        """A project's milestone is read on its project's page, an area's on the area's."""
        owner = self.project or self.area
        return owner.get_absolute_url() if owner is not None else ""

    def clean(self) -> None:
        project = self.project
        if project is not None and self.area_id is None and self.date and not project.covers(self.date):
            raise ValidationError(
                {
                    "date": _("The milestone lies outside the project's period (%(period)s).")
                    % {"period": project.period_text()}
                }
            )


# The cooperation agreement of 2008 set the programme up; no hours or reports can come from before it.
PROGRAMME_START = datetime.date(2008, 1, 1)
# A registration is for one day.
MAX_HOURS_PER_REGISTRATION = 24
# A status is a few words for the steering group, not a report's appendix.
STATUS_TEXT_MAX_LENGTH = 5000


def not_in_the_future(value: datetime.date) -> None:
    if value > timezone.localdate():
        raise ValidationError(_("The date cannot lie in the future."), code="future_date")


class HourRegistration(ConstraintErrorsOnFields, Versioned):
    """Hours spent on a project, registered by the person who spent them or by the secretariat."""

    # PROTECT: a project's hours are its history of work; a project that has some is cancelled, never deleted.
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="hour_registrations"
    )
    date = models.DateField(_("date"), validators=[not_in_the_future])
    hours = models.DecimalField(_("hours"), max_digits=7, decimal_places=2)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        related_name="hour_registrations",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, editable=False)

    history = HistoricalRecords()

    constraint_error_fields = {
        "hours_not_positive": "hours",
        "hours_above_a_day": "hours",
        "date_before_programme": "date",
    }

    class Meta:
        verbose_name = _("hour registration")
        verbose_name_plural = _("hour registrations")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["project", "date"], name="hours_by_project_and_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0),
                name="hour_registration_hours_positive",
                violation_error_code="hours_not_positive",
                violation_error_message=_("The hours must be more than 0."),
            ),
            models.CheckConstraint(
                condition=Q(hours__lte=MAX_HOURS_PER_REGISTRATION),
                name="hour_registration_at_most_a_day",
                violation_error_code="hours_above_a_day",
                violation_error_message=_("A registration is for one day: at most 24 hours."),
            ),
            models.CheckConstraint(
                condition=Q(date__gte=PROGRAMME_START),
                name="hour_registration_not_before_programme",
                violation_error_code="date_before_programme",
                violation_error_message=_("The date cannot lie before 2008, when the cooperation began."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.hours} t. ({date_format(self.date)})"


class StatusReport(ConstraintErrorsOnFields, Versioned):
    """How a project is doing, as a traffic light with a few words, reported by a contact person,
    the steering group or the secretariat."""

    class Light(models.TextChoices):
        GREEN = "green", _("green: on track")
        YELLOW = "yellow", _("yellow: at risk")
        RED = "red", _("red: off track")

    # PROTECT, as for hours: deleting the project must not take its reports with it.
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="status_reports"
    )
    date = models.DateField(_("date"), default=timezone.localdate, validators=[not_in_the_future])
    light = models.CharField(_("traffic light"), max_length=10, choices=Light.choices)
    text = models.TextField(_("status"), max_length=STATUS_TEXT_MAX_LENGTH)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Leave empty to keep the project's progress as it is."),
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.PROTECT,
        related_name="status_reports",
    )
    created_at = models.DateTimeField(_("reported at"), default=timezone.now, editable=False)

    history = HistoricalRecords()

    constraint_error_fields = {
        "progress_above_100": "progress",
        "text_too_long": "text",
        "date_before_programme": "date",
    }

    class Meta:
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["project", "-date", "-id"], name="latest_report_by_project")]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
                name="status_report_progress_at_most_100",
                violation_error_code="progress_above_100",
                violation_error_message=_("Progress cannot exceed 100 %."),
            ),
            # A TextField's max_length is the form's business only; the database holds the rule too.
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("text"), STATUS_TEXT_MAX_LENGTH),
                name="status_report_text_at_most_5000",
                violation_error_code="text_too_long",
                violation_error_message=_("The status can be at most 5,000 characters long."),
            ),
            models.CheckConstraint(
                condition=Q(date__gte=PROGRAMME_START),
                name="status_report_not_before_programme",
                violation_error_code="date_before_programme",
                violation_error_message=_("The date cannot lie before 2008, when the cooperation began."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.get_light_display()} ({date_format(self.date)})"
