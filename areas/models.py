"""The Byaftale action plan, its four focus areas, their text sections and their lines or themes."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from byaftale.versioning import Versioned


class ActionPlanManager(models.Manager["ActionPlan"]):
    def get_by_natural_key(self, slug: str) -> "ActionPlan":
        return self.get(slug=slug)


class ActionPlan(Versioned):
    slug = models.SlugField(_("short name"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    between = models.CharField(_("between"), max_length=300)
    subtitle = models.CharField(_("subtitle"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    masterplan_title = models.CharField(_("masterplan title"), max_length=200)
    masterplan_version = models.CharField(_("masterplan version"), max_length=20)
    agreement = models.ForeignKey(
        "cooperation.CooperationAgreement",
        verbose_name=_("cooperation agreement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_plans",
        help_text=_("The cooperation the plan rests on."),
    )

    objects = ActionPlanManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return f"{self.title} – {self.subtitle}"

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class FocusAreaQuerySet(models.QuerySet["FocusArea"]):
    def with_plan_details(self) -> "FocusAreaQuerySet":
        """Everything the plan's pages and documents show of an area: its sections, milestones and the
        responsibilities stated for it and for its lines or themes, in the plan's order."""
        from projects.models import Responsibility  # noqa: PLC0415 - projects' models refer to areas'

        parties = Responsibility.objects.select_related("party")
        return self.prefetch_related(
            "sections",
            "milestones",
            models.Prefetch("responsibilities", queryset=parties),
            models.Prefetch("groupings__responsibilities", queryset=parties),
        ).order_by("position")


class FocusAreaManager(models.Manager.from_queryset(FocusAreaQuerySet)):  # type: ignore[misc]  # a class made at run time
    def get_by_natural_key(self, slug: str) -> "FocusArea":
        return self.get(slug=slug)


class FocusArea(Versioned):
    """An indsatsområde of the action plan."""

    plan = models.ForeignKey(ActionPlan, verbose_name=_("action plan"), on_delete=models.PROTECT, related_name="areas")
    position = models.PositiveSmallIntegerField(_("position"))
    slug = models.SlugField(_("short name"), unique=True)
    name = models.CharField(_("name"), max_length=200, help_text=_("As in the heading, e.g. Fælles områdetilgang."))
    name_in_table = models.CharField(
        _("name in the table"), max_length=200, help_text=_("The 'Indsatsområde' cell as written, e.g. Områdetilgang.")
    )
    last_updated = models.DateField(_("last updated"))
    last_updated_wording = models.CharField(_("last updated, as written"), max_length=60, blank=True)

    objects = FocusAreaManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="focus_area_position_unique"),
            models.UniqueConstraint(fields=["plan", "name"], name="focus_area_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("areas:area", args=[self.slug])

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class AreaSection(Versioned):
    """One of the text sections every focus area has, in the order of the source."""

    class Kind(models.IntegerChoices):
        PROJECT_IDEA = 1, _("project idea")
        BACKGROUND = 2, _("background")
        CONTENT = 3, _("content")
        RESPONSIBILITIES = 4, _("division of responsibilities")
        RELATIONS = 5, _("relation to the other projects")
        FINANCING = 6, _("financing")
        TIMELINE = 7, _("time horizon")

    # The project text that continues each section in the plan's table, as the source writes it.
    PROJECT_TEXTS: dict[int, str] = {
        Kind.CONTENT: "description",
        Kind.RESPONSIBILITIES: "responsibility_text",
        Kind.RELATIONS: "relations_text",
        Kind.FINANCING: "financing_text",
        Kind.TIMELINE: "timeline_text",
    }

    area = models.ForeignKey(FocusArea, verbose_name=_("focus area"), on_delete=models.CASCADE, related_name="sections")
    kind = models.PositiveSmallIntegerField(_("section"), choices=Kind.choices)
    note = models.CharField(
        _("reference"),
        max_length=200,
        blank=True,
        help_text=_("The remark after the heading, e.g. 'Der henvises desuden til Byaftalen'."),
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_("The area's own text; what the source says per project is kept on the projects."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["area", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["area", "kind"], name="area_section_kind_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.get_kind_display()}"


class GroupingManager(models.Manager["Grouping"]):
    def get_by_natural_key(self, area_slug: str, name: str) -> "Grouping":
        return self.get(area__slug=area_slug, name=name)


class Grouping(Versioned):
    """A strategic line (overordnet linie) or a theme (tema) that groups the projects of one area."""

    class Kind(models.TextChoices):
        LINE = "line", _("strategic line")
        THEME = "theme", _("theme")

    area = models.ForeignKey(
        FocusArea, verbose_name=_("focus area"), on_delete=models.CASCADE, related_name="groupings"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    objects = GroupingManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("line or theme")
        verbose_name_plural = _("lines and themes")
        ordering = ["area", "position"]
        constraints = [
            models.UniqueConstraint(fields=["area", "position"], name="grouping_position_unique"),
            models.UniqueConstraint(fields=["area", "name"], name="grouping_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str, str]:
        return (self.area.slug, self.name)

    natural_key.dependencies = ["areas.focusarea"]  # type: ignore[attr-defined]  # read by dumpdata
