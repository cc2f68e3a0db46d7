"""The secretariat edits the public pages (the accessibility statement) here, with their history."""

from django.contrib import admin

from byaftale.admin_base import HistoryAdmin

from .models import SitePage


@admin.register(SitePage)
class SitePageAdmin(HistoryAdmin):
    list_display = ("title", "slug", "updated_on")
    search_fields = ("title", "text")
    fields = ("title", "slug", "updated_on", "text")
