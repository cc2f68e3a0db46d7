"""The secretariat's admin for the action plan, its focus areas, their text sections and their lines and themes."""

from django.contrib import admin
from django.db.models import Count, QuerySet, Sum
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from byaftale.admin_base import CompactTabularInline, HistoryAdmin, VersionedInline
from projects.models import Milestone, Responsibility

from .models import ActionPlan, AreaSection, FocusArea, Grouping


class FocusAreaInline(admin.TabularInline):
    """The plan's focus areas, listed; each is edited on its own page."""

    model = FocusArea
    fields = ("position", "name", "slug", "last_updated")
    extra = 0
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: ActionPlan | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ActionPlan | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ActionPlan | None = None) -> bool:
        return False


@admin.register(ActionPlan)
class ActionPlanAdmin(HistoryAdmin):
    list_display = ("title", "subtitle", "year_display", "masterplan_version", "agreement")
    list_select_related = ("agreement",)
    search_fields = ("title", "subtitle", "slug")
    ordering = ("-year", "title")
    inlines = (FocusAreaInline,)
    fieldsets = (
        (None, {"fields": ("title", "subtitle", "between", "year", "slug", "agreement")}),
        (_("Masterplan"), {"fields": ("masterplan_title", "masterplan_version")}),
    )

    @admin.display(description=ActionPlan._meta.get_field("year").verbose_name, ordering="year")
    def year_display(self, plan: ActionPlan) -> str:
        return str(plan.year)  # 2010, not the thousands-grouped 2.010


class AreaSectionInline(VersionedInline, admin.StackedInline):
    model = AreaSection
    fields = ("kind", "note", "body")
    extra = 0


class GroupingInline(CompactTabularInline):
    model = Grouping
    fields = ("position", "kind", "name", "description")
    show_change_link = True


class AreaResponsibilityInline(CompactTabularInline):
    """Responsibilities the plan states for the whole focus area."""

    model = Responsibility
    fields = ("party", "role", "wording", "concerning")
    autocomplete_fields = ("party",)
    verbose_name_plural = _("responsibilities for the whole focus area")


class AreaMilestoneInline(CompactTabularInline):
    """Milestones the plan gives for the whole focus area rather than for one project."""

    model = Milestone
    fields = ("date", "date_assumed", "date_wording", "title", "reached", "description")
    verbose_name_plural = _("milestones of the whole focus area")


@admin.register(FocusArea)
class FocusAreaAdmin(HistoryAdmin):
    list_display = ("position", "name", "plan", "last_updated", "project_count", "hours_budgeted")
    list_display_links = ("name",)
    list_filter = ("plan",)
    list_select_related = ("plan",)
    search_fields = ("name", "name_in_table", "slug")
    ordering = ("plan", "position")
    date_hierarchy = "last_updated"
    inlines = (AreaSectionInline, GroupingInline, AreaResponsibilityInline, AreaMilestoneInline)
    fieldsets = (
        (None, {"fields": ("plan", "position", "name", "name_in_table", "slug")}),
        (_("Last updated"), {"fields": ("last_updated", "last_updated_wording")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[FocusArea]:
        return (
            super()
            .get_queryset(request)
            .annotate(project_count=Count("projects"), hours_budgeted=Sum("projects__hour_budget"))
        )

    @admin.display(description=_("projects"), ordering="project_count")
    def project_count(self, area: FocusArea) -> int:
        return area.project_count  # type: ignore[attr-defined]  # annotated by get_queryset

    @admin.display(description=_("hours budgeted"), ordering="hours_budgeted")
    def hours_budgeted(self, area: FocusArea) -> int | None:
        return area.hours_budgeted  # type: ignore[attr-defined]  # annotated by get_queryset


@admin.register(AreaSection)
class AreaSectionAdmin(HistoryAdmin):
    list_display = ("area", "kind", "note")
    list_filter = ("area", "kind")
    list_select_related = ("area",)
    search_fields = ("note", "body", "area__name")
    ordering = ("area__position", "kind")
    fields = ("area", "kind", "note", "body")


class GroupingResponsibilityInline(AreaResponsibilityInline):
    verbose_name_plural = _("responsibilities for the line or theme")


@admin.register(Grouping)
class GroupingAdmin(HistoryAdmin):
    list_display = ("name", "kind", "area", "position", "project_count")
    list_filter = ("area", "kind")
    list_select_related = ("area",)
    search_fields = ("name", "description", "area__name")
    ordering = ("area__position", "position")
    inlines = (GroupingResponsibilityInline,)
    fields = ("area", "kind", "position", "name", "description")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Grouping]:
        return super().get_queryset(request).annotate(project_count=Count("projects"))

    @admin.display(description=_("projects"), ordering="project_count")
    def project_count(self, grouping: Grouping) -> int:
        return grouping.project_count  # type: ignore[attr-defined]  # annotated by get_queryset
