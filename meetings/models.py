"""The joint bodies' meetings (samarbejdsaftalen §7): agenda, papers, decisions within the parties' mandates,
follow-up points, and the activities run within the yearly economic frame.

A meeting moves planned → invitation sent → held → minutes approved; board members read it only once its
minutes are approved (`meetings.access`). Papers live in a storage of their own that no URL serves
(`STORAGES["meeting_papers"]`); they are downloaded through a view that checks the reader's role.
"""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage, storages
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from byaftale.validation import ConstraintErrorsOnFields
from byaftale.versioning import Versioned

ZERO = Decimal("0")


def paper_storage() -> Storage:
    """The private storage of the papers (a callable, so a deployment may point it at S3 by setting alone)."""
    return storages["meeting_papers"]


def paper_upload_to(paper: Paper, filename: str) -> str:
    # Never the uploader's name: a random name with the extension of the type the content was found to be.
    return f"papers/{timezone.now():%Y}/{uuid.uuid4().hex}.{paper.file_type}"


class Mandate(ConstraintErrorsOnFields, Versioned):
    """What a party has empowered its members of the joint group to decide, within an economic frame."""

    party = models.ForeignKey(
        "parties.Party", verbose_name=_("party"), on_delete=models.PROTECT, related_name="mandates"
    )
    description = models.CharField(_("mandate"), max_length=300)
    economic_frame = models.DecimalField(
        _("economic frame (kr.)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(ZERO)],
        help_text=_("The most that decisions resting on this mandate may commit together."),
    )

    history = HistoricalRecords()

    constraint_error_fields = {"frame_negative": "economic_frame"}

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["party__name", "description"]
        constraints = [
            models.CheckConstraint(
                condition=Q(economic_frame__gte=0),
                name="mandate_frame_not_negative",
                violation_error_code="frame_negative",
                violation_error_message=_("The economic frame cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party}: {self.description}"


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def coming(self, *, now: datetime.datetime) -> MeetingQuerySet:
        return self.filter(starts_at__gte=now).order_by("starts_at", "pk")

    def past(self, *, now: datetime.datetime) -> MeetingQuerySet:
        return self.filter(starts_at__lt=now).order_by("-starts_at", "-pk")

    def with_approved_minutes(self) -> MeetingQuerySet:
        return self.filter(status=Meeting.Status.MINUTES_APPROVED)


class Meeting(ConstraintErrorsOnFields, Versioned):
    """A meeting of one of the joint bodies: Den Fælles Boligstrategiske Gruppe, a strategy group, BO's
    steering group, a network."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        INVITATION_SENT = "invitation_sent", _("invitation sent")
        HELD = "held", _("held")
        MINUTES_APPROVED = "minutes_approved", _("minutes approved")

    body = models.ForeignKey(
        "parties.Party",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        related_name="meetings",
        help_text=_("The joint body that meets, from the parties register."),
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Leave empty to call it «Møde i» and the body's name.")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    constraint_error_fields = {"ends_before_start": "ends_at"}

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-id"]
        permissions = [
            ("view_approved_minutes", _("Can read meetings with approved minutes, their decisions and open papers")),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="meeting_by_status_and_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_code="ends_before_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.date_text}" if self.starts_at else self.name

    @property
    def name(self) -> str:
        if self.title:
            return self.title
        return _("Meeting in %(body)s") % {"body": self.body} if self.body_id else str(_("meeting"))

    @property
    def date(self) -> datetime.date:
        return timezone.localdate(self.starts_at)

    @property
    def date_text(self) -> str:
        return date_format(self.date)

    @property
    def time_text(self) -> str:
        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return f"{start:%H.%M}–{end:%H.%M}"

    @property
    def minutes_approved(self) -> bool:
        return self.status == self.Status.MINUTES_APPROVED

    @property
    def agenda_open_for_comments(self) -> bool:
        """The steering group comments on a draft agenda: before the meeting is held."""
        return self.status in (self.Status.PLANNED, self.Status.INVITATION_SENT)

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting", args=[self.pk])


class Participant(ConstraintErrorsOnFields, Versioned):
    class Attendance(models.TextChoices):
        UNKNOWN = "unknown", _("not recorded")
        YES = "yes", _("present")
        NO = "no", _("absent")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="meeting_seats"
    )
    party = models.ForeignKey(
        "parties.Party",
        verbose_name=_("represents"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_seats",
    )
    attended = models.CharField(_("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.UNKNOWN)

    history = HistoricalRecords()

    constraint_error_fields = {"participant_twice": "person"}

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["meeting", "party__name", "person__last_name", "person__first_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="participant_once_per_meeting",
                violation_error_code="participant_twice",
                violation_error_message=_("This person is already a participant of the meeting."),
            ),
        ]

    def __str__(self) -> str:
        name = self.person.get_full_name() or self.person.get_username()
        return f"{name} ({self.party})" if self.party_id else name


class AgendaItem(ConstraintErrorsOnFields, Versioned):
    class Kind(models.TextChoices):
        BRIEFING = "briefing", _("for information")
        DISCUSSION = "discussion", _("for discussion")
        DECISION = "decision", _("for decision")

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BRIEFING)
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("presenter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presented_items",
    )
    background = models.TextField(_("background"), blank=True)
    projects = models.ManyToManyField(
        "projects.Project", verbose_name=_("projects"), blank=True, related_name="agenda_items"
    )
    areas = models.ManyToManyField(
        "areas.FocusArea", verbose_name=_("focus areas"), blank=True, related_name="agenda_items"
    )
    sections = models.ManyToManyField(
        "cooperation.AgreementSection", verbose_name=_("agreement sections"), blank=True, related_name="agenda_items"
    )
    internal = models.BooleanField(
        _("internal"), default=False, help_text=_("Internal items are not shown to board members.")
    )

    history = HistoricalRecords(m2m_fields=[projects, areas, sections])

    constraint_error_fields = {"item_number_taken": "position"}

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"],
                name="agenda_item_number_unique_in_meeting",
                violation_error_code="item_number_taken",
                violation_error_message=_("The meeting already has an item with this number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#punkt-{self.position}"


class AgendaComment(Versioned):
    """The steering group's comment on a draft agenda, for the secretariat to take in before the invitation."""

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="agenda_comments"
    )
    text = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(_("written at"), default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comment on the agenda")
        verbose_name_plural = _("comments on the agenda")
        ordering = ["item", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:60]}"


class Paper(ConstraintErrorsOnFields, Versioned):
    """A paper (bilag) for a meeting or one of its items, kept where no URL reaches it."""

    class FileType(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (docx)"
        XLSX = "xlsx", "Excel (xlsx)"
        PPTX = "pptx", "PowerPoint (pptx)"
        ODT = "odt", "OpenDocument (odt)"
        PNG = "png", "PNG"
        JPG = "jpg", "JPEG"

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="papers")
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="papers",
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), storage=paper_storage, upload_to=paper_upload_to, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255, editable=False)
    file_type = models.CharField(_("type"), max_length=10, choices=FileType.choices, editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"), editable=False)
    internal = models.BooleanField(
        _("internal"), default=False, help_text=_("Internal papers are never shown to board members.")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)

    history = HistoricalRecords()

    constraint_error_fields = {"unknown_type": "file"}

    class Meta:
        verbose_name = _("paper")
        verbose_name_plural = _("papers")
        ordering = ["meeting", "item__position", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(file_type__in=["pdf", "docx", "xlsx", "pptx", "odt", "png", "jpg"]),
                name="paper_type_in_whitelist",
                violation_error_code="unknown_type",
                violation_error_message=_("This type of file cannot be attached."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.item is not None and self.meeting_id and self.item.meeting_id != self.meeting_id:
            raise ValidationError({"item": _("The item belongs to another meeting.")})

    def get_absolute_url(self) -> str:
        return reverse("meetings:paper", args=[self.meeting_id, self.pk])

    @property
    def kilobytes(self) -> int:
        return max(1, round(self.size / 1000))


class Decision(ConstraintErrorsOnFields, Versioned):
    """What the body decided on an item; one with economic consequences rests on a party's mandate."""

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="decisions"
    )
    text = models.TextField(_("decision"))
    has_economic_consequences = models.BooleanField(_("economic consequences"), default=False)
    amount = models.DecimalField(_("amount (kr.)"), max_digits=14, decimal_places=2, null=True, blank=True)
    mandate = models.ForeignKey(
        Mandate,
        verbose_name=_("mandate"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        help_text=_("The party's mandate the decision rests on."),
    )
    taken = models.BooleanField(_("taken"), default=False, help_text=_("Recorded as taken by the body."))
    over_frame_acknowledged = models.BooleanField(
        _("taken beyond the mandate's frame"),
        default=False,
        help_text=_("Tick only where the body took the decision knowing that it exceeds the mandate's frame."),
    )

    history = HistoricalRecords()

    constraint_error_fields = {"amount_without_consequences": "amount", "consequences_without_amount": "amount"}

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["item", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(has_economic_consequences=True) | Q(amount__isnull=True),
                name="decision_amount_only_with_consequences",
                violation_error_code="amount_without_consequences",
                violation_error_message=_("An amount needs economic consequences ticked."),
            ),
            models.CheckConstraint(
                condition=Q(has_economic_consequences=False) | Q(amount__isnull=False, amount__gte=0),
                name="decision_consequences_have_amount",
                violation_error_code="consequences_without_amount",
                violation_error_message=_("A decision with economic consequences needs its amount (0 or more)."),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def committed_on_mandate(self) -> Decimal:
        """What the mandate's other taken decisions commit, plus this one's amount."""
        if self.mandate_id is None:
            return self.amount or ZERO
        others = Decision.objects.filter(mandate_id=self.mandate_id, taken=True).exclude(pk=self.pk)
        return (others.aggregate(total=Sum("amount"))["total"] or ZERO) + (self.amount or ZERO)

    @property
    def over_frame(self) -> bool:
        return (
            self.has_economic_consequences
            and self.mandate is not None
            and (self.committed_on_mandate() > self.mandate.economic_frame)
        )

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.has_economic_consequences and self.mandate_id is None:
            errors["mandate"] = _("A decision with economic consequences must rest on a party's mandate.")
        elif self.mandate is not None and self.taken and self.over_frame and not self.over_frame_acknowledged:
            errors["over_frame_acknowledged"] = _(
                "Together with the mandate's other decisions, %(committed)s kr. exceeds its frame of %(frame)s kr. "
                "Record it as taken only if the body decided knowing this, and tick the box."
            ) % {
                "committed": f"{self.committed_on_mandate():,.0f}".replace(",", "."),
                "frame": f"{self.mandate.economic_frame:,.0f}".replace(",", "."),
            }
        if errors:
            raise ValidationError(errors)


class FollowUpPointQuerySet(models.QuerySet["FollowUpPoint"]):
    def open(self) -> FollowUpPointQuerySet:
        return self.filter(done=False)

    def overdue(self, *, today: datetime.date) -> FollowUpPointQuerySet:
        return self.open().filter(due_date__lt=today)

    def for_person(self, user: Any) -> FollowUpPointQuerySet:
        return self.filter(person=user)


class FollowUpPoint(ConstraintErrorsOnFields, Versioned):
    """An opfølgningspunkt: what is to be done, by whom, by when, and from which decision."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="follow_up_points"
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("from decision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_up_points",
    )
    what = models.CharField(_("what"), max_length=500)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person responsible"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_up_points",
    )
    party = models.ForeignKey(
        "parties.Party",
        verbose_name=_("party responsible"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_up_points",
    )
    due_date = models.DateField(_("due"))
    done = models.BooleanField(_("done"), default=False)

    objects = FollowUpPointQuerySet.as_manager()
    history = HistoricalRecords()

    constraint_error_fields = {"nobody_responsible": "person"}

    class Meta:
        verbose_name = _("follow-up point")
        verbose_name_plural = _("follow-up points")
        ordering = ["done", "due_date", "id"]
        indexes = [models.Index(fields=["done", "due_date"], name="follow_up_open_by_due")]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(party__isnull=False),
                name="follow_up_has_someone_responsible",
                violation_error_code="nobody_responsible",
                violation_error_message=_("Name a person or a party responsible."),
            ),
        ]

    def __str__(self) -> str:
        return self.what

    def clean(self) -> None:
        if self.decision is not None and self.meeting_id and self.decision.item.meeting_id != self.meeting_id:
            raise ValidationError({"decision": _("The decision was taken at another meeting.")})

    def is_overdue(self, today: datetime.date) -> bool:
        return not self.done and self.due_date < today

    @property
    def responsible_text(self) -> str:
        names = []
        if self.person is not None:
            names.append(self.person.get_full_name() or self.person.get_username())
        if self.party is not None:
            names.append(str(self.party))
        return ", ".join(names)

    def get_absolute_url(self) -> str:
        return f"{reverse('meetings:meeting', args=[self.meeting_id])}#opfoelgning-{self.pk}"


class EconomicFrame(ConstraintErrorsOnFields, Versioned):
    """The amount the joint group agreed for a year's courses, conferences and workshops (§7)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    amount = models.DecimalField(
        _("frame (kr.)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(ZERO)]
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()

    constraint_error_fields = {"frame_negative": "amount"}

    class Meta:
        verbose_name = _("economic frame")
        verbose_name_plural = _("economic frames")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="economic_frame_not_negative",
                violation_error_code="frame_negative",
                violation_error_message=_("The frame cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.year)


class Activity(ConstraintErrorsOnFields, Versioned):
    """A course, conference or workshop the joint group runs within the year's economic frame."""

    class Kind(models.TextChoices):
        COURSE = "course", _("course")
        CONFERENCE = "conference", _("conference")
        WORKSHOP = "workshop", _("workshop")

    frame = models.ForeignKey(
        EconomicFrame, verbose_name=_("economic frame"), on_delete=models.PROTECT, related_name="activities"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"))
    budget = models.DecimalField(
        _("budget (kr.)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(ZERO)]
    )
    actual_cost = models.DecimalField(
        _("actual cost (kr.)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
    )

    history = HistoricalRecords()

    constraint_error_fields = {"budget_negative": "budget", "cost_negative": "actual_cost"}

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget__gte=0),
                name="activity_budget_not_negative",
                violation_error_code="budget_negative",
                violation_error_message=_("The budget cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(actual_cost__isnull=True) | Q(actual_cost__gte=0),
                name="activity_cost_not_negative",
                violation_error_code="cost_negative",
                violation_error_message=_("The actual cost cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.frame_id and self.date and self.date.year != self.frame.year:
            raise ValidationError(
                {"date": _("The date lies outside the frame's year %(year)s.") % {"year": self.frame.year}}
            )


class CalendarFeed(Versioned):
    """A person's private calendar address; deleting it revokes the address, a new one gets a new token."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["person__username"]

    def __str__(self) -> str:
        return str(_("Calendar of %(person)s") % {"person": self.person})

    def get_absolute_url(self) -> str:
        return reverse("meetings:calendar-feed", args=[self.token])
