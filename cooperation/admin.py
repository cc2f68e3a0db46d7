"""The secretariat's admin for the cooperation agreement: its sections, its three tasks and its signatories."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from byaftale.admin_base import CompactTabularInline, HistoryAdmin, VersionedInline

from .models import AgreementRevision, AgreementSection, AgreementTask, CooperationAgreement, SectionText, Signatory


class AgreementSectionInline(VersionedInline, admin.StackedInline):
    model = AgreementSection
    fields = ("number", "heading", "body")
    extra = 0


class AgreementTaskInline(VersionedInline, admin.StackedInline):
    model = AgreementTask
    fields = (("position", "key"), "title", "summary", "heading", "description")
    extra = 0


class SignatoryInline(CompactTabularInline):
    model = Signatory
    fields = ("position", "side", "name", "job_title", "party")
    autocomplete_fields = ("party",)


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(HistoryAdmin):
    list_display = ("title", "between", "signed_on", "revision_interval_years", "first_revision")
    search_fields = ("title", "between", "slug")
    ordering = ("-signed_on",)
    date_hierarchy = "signed_on"
    inlines = (AgreementSectionInline, AgreementTaskInline, SignatoryInline)
    fieldsets = (
        (None, {"fields": ("title", "between", "slug", "organisation_overview_title")}),
        (
            _("Signing and revision"),
            {"fields": (("signed_on", "signed_wording"), "revision_interval_years", "first_revision_year")},
        ),
    )

    @admin.display(
        description=CooperationAgreement._meta.get_field("first_revision_year").verbose_name,
        ordering="first_revision_year",
    )
    def first_revision(self, agreement: CooperationAgreement) -> str:
        return str(agreement.first_revision_year)  # 2010, not the thousands-grouped 2.010


@admin.register(AgreementSection)
class AgreementSectionAdmin(HistoryAdmin):
    list_display = ("number", "heading", "agreement")
    list_display_links = ("number", "heading")
    list_filter = ("agreement",)
    list_select_related = ("agreement",)
    search_fields = ("heading", "body")
    ordering = ("agreement", "number")
    fields = ("agreement", "number", "heading", "body")


@admin.register(AgreementTask)
class AgreementTaskAdmin(HistoryAdmin):
    list_display = ("position", "title", "key", "agreement")
    list_display_links = ("position", "title")
    list_filter = ("agreement", "key")
    list_select_related = ("agreement",)
    search_fields = ("title", "summary", "heading", "description")
    ordering = ("agreement", "position")
    fields = ("agreement", ("position", "key"), "title", "summary", "heading", "description")


@admin.register(Signatory)
class SignatoryAdmin(HistoryAdmin):
    list_display = ("name", "job_title", "party", "side", "agreement")
    list_filter = ("side", "agreement")
    list_select_related = ("party", "agreement")
    search_fields = ("name", "job_title", "party__name")
    ordering = ("agreement", "position")
    autocomplete_fields = ("party",)
    fields = ("agreement", "side", "position", "name", "job_title", "party")


class SectionTextInline(VersionedInline, admin.StackedInline):
    model = SectionText
    fields = ("section", "heading", "body")
    extra = 0
    verbose_name = _("new wording of a section")
    verbose_name_plural = _("new wordings of sections")


@admin.register(AgreementRevision)
class AgreementRevisionAdmin(HistoryAdmin):
    """A revision held: its date and outcome, the sections it changed and their new wording, each kept as
    the section's next version (the agreement's page shows the earlier ones)."""

    list_display = ("held_on", "agreement", "outcome")
    list_filter = ("agreement",)
    list_select_related = ("agreement",)
    search_fields = ("outcome",)
    date_hierarchy = "held_on"
    ordering = ("-held_on",)
    fields = ("agreement", "held_on", "outcome", "changed_sections")
    filter_horizontal = ("changed_sections",)
    inlines = (SectionTextInline,)
