"""The secretariat's admin for meetings: each meeting with its participants, agenda items and papers inline,
decisions with their follow-up points, mandates, and the activities within the yearly economic frame.

Every model keeps its history (django-simple-history) and refuses a stale save (byaftale.versioning).
Follow-up points export to xlsx and csv.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from byaftale.admin_base import (
    CompactTabularInline,
    HistoryAdmin,
    SheetAdmin,
    VersionedInlineForm,
    VersionedModelForm,
)

from .invitations import invitation_send
from .models import (
    Activity,
    AgendaComment,
    AgendaItem,
    CalendarFeed,
    Decision,
    EconomicFrame,
    FollowUpPoint,
    Mandate,
    Meeting,
    Paper,
    Participant,
)
from .papers import prepare_paper
from .resources import FollowUpPointResource


class PaperFileCheck:
    """A new file is checked by its content, size and name before anything is stored (meetings.papers)."""

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")  # type: ignore[attr-defined]
        if isinstance(upload, UploadedFile):
            try:
                prepare_paper(self.instance, upload)  # type: ignore[attr-defined]
            except ValidationError as refusal:
                raise ValidationError(refusal.message_dict["file"]) from None
        return upload


# A plain file input: Django's clearable one would link the stored file by its storage URL, which papers never have.
PAPER_WIDGETS = {"file": forms.FileInput}


class PaperInlineForm(PaperFileCheck, VersionedInlineForm):
    class Meta:
        widgets = PAPER_WIDGETS


class PaperForm(PaperFileCheck, VersionedModelForm):
    class Meta:
        widgets = PAPER_WIDGETS


class PaperDownload:
    @admin.display(description=_("download"))
    def download(self, paper: Paper) -> str:
        if not paper.pk:
            return "–"
        return format_html('<a href="{}">{}</a>', paper.get_absolute_url(), paper.original_name)


class ParticipantInline(CompactTabularInline):
    model = Participant
    fields = ("person", "party", "attended")
    autocomplete_fields = ("person", "party")


class AgendaItemInline(CompactTabularInline):
    model = AgendaItem
    # The item is read on its meeting's page; the row's own "view on site" link would only repeat the meeting's.
    view_on_site = False
    fields = ("position", "title", "kind", "presenter", "background", "projects", "areas", "sections", "internal")
    autocomplete_fields = ("presenter", "projects", "areas", "sections")
    show_change_link = True


class PaperInline(PaperDownload, CompactTabularInline):
    model = Paper
    form = PaperInlineForm
    fk_name = "meeting"
    fields = ("title", "item", "file", "internal", "download", "file_type")
    readonly_fields = ("download", "file_type")

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "item":
            meeting_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            kwargs["queryset"] = (
                AgendaItem.objects.filter(meeting_id=meeting_id) if meeting_id else AgendaItem.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def uploaded_by_current_user(request: HttpRequest, instances: list) -> None:
    for instance in instances:
        if isinstance(instance, Paper) and instance.uploaded_by_id is None:
            instance.uploaded_by = request.user


@admin.register(Meeting)
class MeetingAdmin(HistoryAdmin):
    list_display = ("starts_at", "name_display", "body", "place", "status", "item_count")
    list_filter = ("status", "body")
    list_select_related = ("body",)
    search_fields = ("title", "place", "body__name", "items__title")
    date_hierarchy = "starts_at"
    ordering = ("-starts_at",)
    autocomplete_fields = ("body",)
    inlines = (ParticipantInline, AgendaItemInline, PaperInline)
    actions = ("send_invitation",)
    fieldsets = ((None, {"fields": ("body", "title", ("starts_at", "ends_at"), "place", "status")}),)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Meeting]:
        return super().get_queryset(request).annotate(item_count=Count("items"))

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("starts_at", "ends_at") and formfield is not None:
            # The admin labels the date and time inputs with plain text; name each input for screen readers.
            name = capfirst(db_field.verbose_name)
            date_input, time_input = formfield.widget.widgets
            date_word, time_word = gettext("date"), gettext("time")
            date_input.attrs["aria-label"] = f"{name}: {date_word}"
            time_input.attrs["aria-label"] = f"{name}: {time_word}"
        return formfield

    @admin.display(description=_("meeting"), ordering="title")
    def name_display(self, meeting: Meeting) -> str:
        return meeting.name

    @admin.display(description=_("agenda items"), ordering="item_count")
    def item_count(self, meeting: Meeting) -> int:
        return meeting.item_count  # type: ignore[attr-defined]

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        instances = formset.save(commit=False)
        uploaded_by_current_user(request, instances)
        for instance in instances:
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()

    @admin.action(description=_("Send the invitation with the meeting as a calendar file"), permissions=["change"])
    def send_invitation(self, request: HttpRequest, queryset: QuerySet[Meeting]) -> None:
        base_url = request.build_absolute_uri("/").rstrip("/")
        total = 0
        for meeting in queryset:
            total += invitation_send(meeting=meeting, sent_by=request.user, base_url=base_url)  # type: ignore[arg-type]
        self.message_user(
            request,
            ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", total) % {"count": total},
            messages.SUCCESS,
        )


class DecisionInline(CompactTabularInline):
    model = Decision
    fields = ("text", "has_economic_consequences", "amount", "mandate", "taken", "over_frame_acknowledged")
    autocomplete_fields = ("mandate",)
    show_change_link = True


class AgendaCommentInline(CompactTabularInline):
    model = AgendaComment
    fields = ("author", "text", "created_at")
    readonly_fields = ("author", "text", "created_at")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AgendaItem)
class AgendaItemAdmin(HistoryAdmin):
    list_display = ("title", "position", "meeting", "kind", "internal")
    list_filter = ("kind", "internal", "meeting__body")
    list_select_related = ("meeting__body",)
    search_fields = ("title", "background", "meeting__title", "meeting__body__name")
    autocomplete_fields = ("meeting", "presenter", "projects", "areas", "sections")
    inlines = (DecisionInline, AgendaCommentInline)
    fields = (
        "meeting",
        "position",
        "title",
        "kind",
        "presenter",
        "background",
        "projects",
        "areas",
        "sections",
        "internal",
    )


class FollowUpPointInline(CompactTabularInline):
    model = FollowUpPoint
    fk_name = "decision"
    fields = ("what", "person", "party", "due_date", "done")
    autocomplete_fields = ("person", "party")


@admin.register(Decision)
class DecisionAdmin(HistoryAdmin):
    list_display = ("text_short", "item", "has_economic_consequences", "amount", "mandate", "taken")
    list_filter = ("taken", "has_economic_consequences", "item__meeting__body")
    list_select_related = ("item__meeting__body", "mandate__party")
    search_fields = ("text", "item__title")
    autocomplete_fields = ("item", "mandate")
    inlines = (FollowUpPointInline,)
    fieldsets = (
        (None, {"fields": ("item", "text")}),
        (_("Economy and mandate"), {"fields": (("has_economic_consequences", "amount"), "mandate")}),
        (None, {"fields": ("taken", "over_frame_acknowledged")}),
    )

    @admin.display(description=_("decision"), ordering="text")
    def text_short(self, decision: Decision) -> str:
        return str(decision)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        # A follow-up point belongs to the meeting its decision was taken at.
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, FollowUpPoint):
                instance.meeting_id = form.instance.item.meeting_id
            instance.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(FollowUpPoint)
class FollowUpPointAdmin(SheetAdmin):
    resource_classes = [FollowUpPointResource]
    list_display = ("what", "responsible", "due_date", "done", "meeting")
    list_filter = ("done", "due_date", "party")
    list_select_related = ("person", "party", "meeting__body")
    search_fields = ("what", "person__first_name", "person__last_name", "party__name")
    autocomplete_fields = ("meeting", "decision", "person", "party")
    date_hierarchy = "due_date"
    fields = ("meeting", "decision", "what", "person", "party", "due_date", "done")

    def has_import_permission(self, request: HttpRequest) -> bool:
        # Follow-up points are kept here; the sheet is for reading and sharing.
        return False

    @admin.display(description=_("responsible"))
    def responsible(self, point: FollowUpPoint) -> str:
        return point.responsible_text


@admin.register(Mandate)
class MandateAdmin(HistoryAdmin):
    list_display = ("party", "description", "economic_frame")
    list_select_related = ("party",)
    search_fields = ("description", "party__name")
    autocomplete_fields = ("party",)
    fields = ("party", "description", "economic_frame")


@admin.register(Paper)
class PaperAdmin(PaperDownload, HistoryAdmin):
    form = PaperForm
    list_display = ("title", "meeting", "item", "original_name", "file_type", "internal")
    list_filter = ("file_type", "internal")
    list_select_related = ("meeting__body", "item")
    search_fields = ("title", "original_name", "meeting__title")
    autocomplete_fields = ("meeting", "item")
    fields = ("meeting", "item", "title", "file", "internal", "download", "file_type", "size")
    readonly_fields = ("download", "file_type", "size")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if obj.uploaded_by_id is None:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


class ActivityInline(CompactTabularInline):
    model = Activity
    fields = ("kind", "title", "date", "budget", "actual_cost")


@admin.register(EconomicFrame)
class EconomicFrameAdmin(HistoryAdmin):
    list_display = ("year_display", "amount", "note")
    search_fields = ("note",)
    inlines = (ActivityInline,)
    fields = ("year", "amount", "note")

    @admin.display(description=_("year"), ordering="year")
    def year_display(self, frame: EconomicFrame) -> str:
        return str(frame.year)


@admin.register(Activity)
class ActivityAdmin(HistoryAdmin):
    list_display = ("title", "kind", "date", "budget", "actual_cost", "frame")
    list_filter = ("kind", "frame")
    list_select_related = ("frame",)
    search_fields = ("title",)
    fields = ("frame", "kind", "title", "date", "budget", "actual_cost")


@admin.register(AgendaComment)
class AgendaCommentAdmin(HistoryAdmin):
    list_display = ("item", "author", "created_at")
    list_select_related = ("item__meeting", "author")
    search_fields = ("text", "item__title")
    fields = ("item", "author", "text")
    autocomplete_fields = ("item", "author")


@admin.register(CalendarFeed)
class CalendarFeedAdmin(HistoryAdmin):
    """Lists who has a calendar address; deleting a row revokes that address. The token is never shown."""

    list_display = ("person", "created_at")
    list_select_related = ("person",)
    search_fields = ("person__username", "person__first_name", "person__last_name")
    fields = ("person", "created_at")
    readonly_fields = ("person", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
