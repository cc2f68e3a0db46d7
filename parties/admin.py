"""The secretariat's admin for the parties: housing organisations, the municipality and its units, joint bodies."""

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from byaftale.admin_base import SheetAdmin

from .models import Party
from .resources import PartyResource


class ListedPartiesInline(admin.TabularInline):
    """Parties that point at this one, listed with a link; each is edited on its own page."""

    model = Party
    fields = ("name", "short_name", "kind")
    extra = 0
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Party | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Party | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Party | None = None) -> bool:
        return False


class AdministeredPartiesInline(ListedPartiesInline):
    fk_name = "administered_by"
    verbose_name = _("administered organisation")
    verbose_name_plural = _("organisations this party administers")


class UnitsInline(ListedPartiesInline):
    fk_name = "part_of"
    verbose_name = _("unit")
    verbose_name_plural = _("units that are part of this party")


@admin.register(Party)
class PartyAdmin(SheetAdmin):
    resource_classes = [PartyResource]
    list_display = (
        "name", "short_name", "kind", "administered_by", "part_of", "name_by_portal", "description_by_portal",
    )  # fmt: skip
    list_filter = (
        "kind", "name_by_portal", "description_by_portal", ("administered_by", admin.RelatedOnlyFieldListFilter),
    )  # fmt: skip
    list_select_related = ("administered_by", "part_of")
    search_fields = ("name", "short_name", "description")
    ordering = ("name",)
    autocomplete_fields = ("administered_by", "part_of")
    inlines = (AdministeredPartiesInline, UnitsInline)
    fields = (
        ("name", "name_by_portal"),
        "short_name",
        "kind",
        "administered_by",
        "part_of",
        ("description", "description_by_portal"),
    )
