"""The secretariat's admin for the projects and what belongs to them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import URLPattern, reverse
from django.urls import path as url_path
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from areas.models import FocusArea
from byaftale.admin_base import EMPTY, CompactTabularInline, HistoryAdmin, SheetAdmin, readable_amount

from .deletion import deletion_record, project_delete, project_restore, projects_delete
from .history_reasons import readable_reason
from .models import FinancingItem, HourRegistration, Milestone, Project, Relation, Responsibility, StatusReport
from .reporting import file_status_report
from .resources import HourRegistrationResource, MilestoneResource, ProjectResource, ResponsibilityResource


class FocusAreaScopeFilter(admin.SimpleListFilter):
    """The focus area a row belongs to, whether it is stated for a project, a line or theme, or the area itself."""

    title = _("focus area")
    parameter_name = "focus_area"
    paths: tuple[str, ...] = ("area",)

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[Any, str]]:
        return [(area.pk, area.name) for area in FocusArea.objects.order_by("plan", "position")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() is None:
            return queryset
        condition = Q()
        for path in self.paths:
            condition |= Q(**{path: self.value()})
        return queryset.filter(condition)


class ResponsibilityAreaFilter(FocusAreaScopeFilter):
    paths = ("project__area", "grouping__area", "area")


class MilestoneAreaFilter(FocusAreaScopeFilter):
    paths = ("project__area", "area")


class ResponsibilityInline(CompactTabularInline):
    model = Responsibility
    fields = ("party", "role", "wording", "concerning")
    autocomplete_fields = ("party",)


class RelationInline(CompactTabularInline):
    model = Relation
    fk_name = "from_project"
    fields = ("kind", "to_project", "to_area", "text")
    autocomplete_fields = ("to_project",)
    verbose_name_plural = _("relations to other projects")


class FinancingItemInline(CompactTabularInline):
    model = FinancingItem
    fields = ("kind", "amount", "is_estimate", "payer", "description")
    autocomplete_fields = ("payer",)


class MilestoneInline(CompactTabularInline):
    model = Milestone
    fields = ("date", "date_assumed", "date_wording", "title", "reached", "description")


@admin.register(Project)
class ProjectAdmin(SheetAdmin):
    # A status report's effect on the project is stored as a fact and read in the reader's language.
    readable_reason = staticmethod(readable_reason)
    resource_classes = [ProjectResource]
    list_display = (
        "label_or_number", "title", "placement", "start", "end", "hour_budget", "status", "progress_bar",
    )  # fmt: skip
    list_display_links = ("label_or_number", "title")
    list_filter = ("area", "grouping", "status")
    list_select_related = ("area", "grouping")
    search_fields = ("label", "title", "description", "area__name", "grouping__name")
    ordering = ("area__position", "number")
    date_hierarchy = "start_date"
    readonly_fields = ("relations_from_other_projects",)
    autocomplete_fields = ("contact_persons",)
    inlines = (ResponsibilityInline, RelationInline, FinancingItemInline, MilestoneInline)
    fieldsets = (
        (None, {"fields": (("area", "grouping"), ("number", "label"), "title", "description")}),
        (
            _("Period, hours and progress"),
            {
                "fields": (
                    ("start_date", "start_assumed", "start_wording"),
                    ("end_date", "end_assumed", "end_wording"),
                    "hour_budget",
                    ("status", "progress"),
                )
            },
        ),
        (_("Contact persons"), {"fields": ("contact_persons",)}),
        (
            _("As written in the action plan"),
            {
                "classes": ("collapse",),
                "fields": ("responsibility_text", "relations_text", "financing_text", "timeline_text"),
            },
        ),
        (_("Relations from other projects"), {"fields": ("relations_from_other_projects",)}),
    )

    @admin.display(description=_("label"), ordering="number")
    def label_or_number(self, project: Project) -> str:
        return project.label or f"#{project.number}"

    @admin.display(description=_("focus area"), ordering="area__position")
    def placement(self, project: Project) -> str:
        # One column for area and line or theme, so dates, hours, status and progress fit beside the filters.
        if project.grouping is None:
            return project.area.name
        return format_html('{}<br><span class="quiet">{}</span>', project.area.name, project.grouping.name)

    @admin.display(description=_("start"), ordering="start_date")
    def start(self, project: Project) -> str:
        return project.start_text or EMPTY

    @admin.display(description=_("end"), ordering="end_date")
    def end(self, project: Project) -> str:
        return project.end_text or EMPTY

    @admin.display(description=_("progress (%)"), ordering="progress")
    def progress_bar(self, project: Project) -> str:
        return format_html('<progress max="100" value="{}"></progress> {} %', project.progress, project.progress)

    @admin.display(description=_("relations from other projects"))
    def relations_from_other_projects(self, project: Project) -> str:
        """Relations other projects state towards this one, read from this end: «is supported by Delprojekt 8»."""
        relations = project.relations_in.select_related("from_project").order_by("kind") if project.pk else []
        if not relations:
            return EMPTY
        return format_html_join(
            mark_safe("<br>"),
            '{} <a href="{}">{}</a>',
            (
                (
                    relation.inverse_label,
                    reverse("admin:projects_project_change", args=[relation.from_project_id]),
                    relation.from_project,
                )
                for relation in relations
            ),
        )

    # Deleting: hours and status reports protect a project (Django's page then explains, in Danish, that it can be
    # cancelled instead); what goes with one is listed with counts, kept in its history and can be restored.
    object_history_template = "admin/projects/project/object_history.html"

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> tuple[list, dict, set, list]:
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        # The contact persons' rows belong to Django's hidden through model, which reads "project-user-relation".
        through = Project.contact_persons.through
        if through._meta.verbose_name_plural in model_count:
            model_count[Project._meta.get_field("contact_persons").verbose_name] = model_count.pop(
                through._meta.verbose_name_plural
            )
        readable = {
            f"{capfirst(through._meta.verbose_name)}: {row}": f"{capfirst(_('contact person'))}: "
            f"{row.user.get_full_name() or row.user.get_username()}"
            for row in through.objects.filter(project__in=objs).select_related("user")
        }
        return _replace_items(deleted, readable), model_count, perms_needed, protected

    def delete_model(self, request: HttpRequest, obj: Project) -> None:
        project_delete(project=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Project]) -> None:
        projects = [(project.pk, str(project)) for project in queryset]
        projects_delete(projects=queryset)
        self.message_user(request, _restore_hint(projects))

    def response_delete(self, request: HttpRequest, obj_display: str, obj_id: Any) -> HttpResponse:
        response = super().response_delete(request, obj_display, obj_id)
        self.message_user(request, _restore_hint([(obj_id, obj_display)]))
        return response

    def history_view(self, request: HttpRequest, object_id: str, extra_context: dict | None = None) -> HttpResponse:
        context = dict(extra_context or {})
        if object_id.isdigit() and deletion_record(project_id=int(object_id)) and self.has_add_permission(request):
            context["restore_url"] = reverse("admin:projects_project_restore", args=[object_id])
        return super().history_view(request, object_id, context)

    def get_urls(self) -> list[URLPattern]:
        restore = url_path(
            "<int:object_id>/restore/",
            self.admin_site.admin_view(require_POST(self.restore_view)),
            name="projects_project_restore",
        )
        return [restore, *super().get_urls()]

    def restore_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        try:
            project = project_restore(project_id=object_id)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:projects_project_history", args=[object_id]))
        self.message_user(
            request,
            gettext("The project «%(project)s» is restored with what was deleted with it.") % {"project": project},
        )
        return HttpResponseRedirect(reverse("admin:projects_project_change", args=[project.pk]))


def _replace_items(items: list, readable: dict[str, str]) -> list:
    """The admin's nested list of what a delete takes, with some items put in plain words."""
    return [_replace_items(item, readable) if isinstance(item, list) else readable.get(item, item) for item in items]


def _restore_hint(projects: list[tuple[Any, str]]) -> str:
    """Where deleted projects are restored from: their history pages, linked by name."""
    links = format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        ((reverse("admin:projects_project_history", args=[pk]), name) for pk, name in projects),
    )
    text = ngettext(
        "A deleted project can be restored, with what was deleted with it, from its history: {links}.",
        "Deleted projects can be restored, with what was deleted with them, from their history: {links}.",
        len(projects),
    )
    return format_html(text, links=links)


@admin.register(Responsibility)
class ResponsibilityAdmin(SheetAdmin):
    resource_classes = [ResponsibilityResource]
    list_display = ("party", "role", "scope_display", "wording")
    list_filter = ("role", ResponsibilityAreaFilter, "party__kind")
    list_select_related = ("party", "project", "grouping", "area")
    search_fields = ("party__name", "party__short_name", "project__title", "grouping__name", "area__name", "wording")
    ordering = ("party__name", "role")
    autocomplete_fields = ("party", "project")
    fields = ("party", "role", "project", "grouping", "area", "wording", "concerning")

    @admin.display(description=_("responsible for"))
    def scope_display(self, responsibility: Responsibility) -> str:
        return str(responsibility.scope)


@admin.register(Relation)
class RelationAdmin(HistoryAdmin):
    list_display = ("from_project", "kind", "target_display", "text")
    list_filter = ("kind", ("from_project__area", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("from_project", "to_project", "to_area")
    search_fields = ("from_project__title", "from_project__label", "to_project__title", "to_area__name", "text")
    ordering = ("from_project__area__position", "from_project__number", "kind")
    autocomplete_fields = ("from_project", "to_project")
    fields = ("from_project", "kind", "to_project", "to_area", "text")

    @admin.display(description=_("related to"))
    def target_display(self, relation: Relation) -> str:
        return str(relation.target)


@admin.register(FinancingItem)
class FinancingItemAdmin(HistoryAdmin):
    list_display = ("project", "amount_display", "kind", "is_estimate", "payer")
    list_filter = ("kind", "is_estimate", ("project__area", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("project", "payer")
    search_fields = ("project__title", "project__label", "payer__name", "description")
    ordering = ("project__area__position", "project__number", "kind")
    autocomplete_fields = ("project", "payer")
    fields = ("project", "kind", "amount", "is_estimate", "payer", "description")

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, item: FinancingItem) -> str:
        # «500.000,00»; the unit (kr., kr./år, årsværk, timer) is the next column.
        return readable_amount(item.amount)


@admin.register(Milestone)
class MilestoneAdmin(SheetAdmin):
    resource_classes = [MilestoneResource]
    list_display = ("date", "date_wording", "title", "scope_display", "reached")
    list_editable = ("reached",)
    list_filter = ("reached", MilestoneAreaFilter)
    list_select_related = ("project", "area")
    search_fields = ("title", "description", "project__title", "project__label", "area__name")
    ordering = ("date", "id")
    date_hierarchy = "date"
    autocomplete_fields = ("project",)
    fields = ("project", "area", "date", "date_assumed", "date_wording", "title", "description", "reached")

    @admin.display(description=_("milestone of"))
    def scope_display(self, milestone: Milestone) -> str:
        return str(milestone.project or milestone.area)


class ReportedByAdmin(HistoryAdmin):
    """Registrations made in the admin are the signed-in user's unless the secretariat names someone else.

    Whoever may change every registration of the kind (the secretariat) may name who made one; anyone else,
    such as a steering group member filing a report, reads the field and is always the one named.
    """

    who_field = ""

    @admin.display(description=_("by"))
    def who(self, obj) -> str:  # noqa: ANN001
        person = getattr(obj, self.who_field)
        return person.get_full_name() or person.get_username()

    def names_someone_else(self, request: HttpRequest) -> bool:
        return request.user.has_perm(f"{self.opts.app_label}.change_{self.opts.model_name}")

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> tuple:  # noqa: ANN001
        readonly = tuple(super().get_readonly_fields(request, obj))
        return readonly if self.names_someone_else(request) else (*readonly, self.who_field)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        return {**super().get_changeform_initial_data(request), self.who_field: request.user.pk}

    def set_who(self, request: HttpRequest, obj, change: bool) -> None:  # noqa: ANN001
        # A read-only field is left out of the form, so a forged value never reaches obj; set it regardless.
        if not change and (not self.names_someone_else(request) or not getattr(obj, f"{self.who_field}_id")):
            setattr(obj, self.who_field, request.user)

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:  # noqa: ANN001
        self.set_who(request, obj, change)
        super().save_model(request, obj, form, change)


@admin.register(HourRegistration)
class HourRegistrationAdmin(SheetAdmin, ReportedByAdmin):
    # The secretariat imports timesheets kept in Excel: date, project, hours, person, note.
    resource_classes = [HourRegistrationResource]
    who_field = "registered_by"
    list_display = ("date", "project", "hours", "who", "note")
    list_filter = (
        ("project__area", admin.RelatedOnlyFieldListFilter),
        ("registered_by", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("project", "registered_by")
    search_fields = ("project__title", "project__label", "note", "registered_by__username", "registered_by__first_name")
    ordering = ("-date", "-id")
    date_hierarchy = "date"
    autocomplete_fields = ("project", "registered_by")
    fields = ("project", "date", "hours", "registered_by", "note")


@admin.register(StatusReport)
class StatusReportAdmin(ReportedByAdmin):
    who_field = "reported_by"
    list_display = ("date", "project", "light", "progress", "who", "text")
    list_filter = ("light", ("project__area", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("project", "reported_by")
    search_fields = ("project__title", "project__label", "text", "reported_by__username")
    ordering = ("-date", "-id")
    date_hierarchy = "date"
    autocomplete_fields = ("project", "reported_by")
    fields = ("project", "date", "light", "text", "progress", "reported_by")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
        else:
            # A new report's progress carries over to the project, as when filed from the portal.
            self.set_who(request, obj, change)
            file_status_report(obj)
