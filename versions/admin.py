"""Publishing in the admin: the secretariat fills in the version's name, date, approver and note, and the
plan as it stands is frozen under it. A published version is shown read-only and cannot be deleted."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from areas.models import ActionPlan

from .models import PlanVersion
from .publishing import publish_version


def the_plan() -> ActionPlan | None:
    return ActionPlan.objects.order_by("-year", "pk").first()


class PublishForm(forms.ModelForm):
    class Meta:
        model = PlanVersion
        fields = ["name", "approved_on", "approved_by", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "approved_on" in self.fields:  # the read-only view of a published version has no fields
            self.fields["approved_on"].initial = timezone.localdate
        plan = the_plan()
        if plan is not None:
            self.instance.plan = plan

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.instance.plan_id is None:
            raise forms.ValidationError(gettext("No action plan is loaded."))
        name = data.get("name")
        if name and PlanVersion.objects.filter(plan_id=self.instance.plan_id, name__iexact=name).exists():
            self.add_error("name", gettext("Version %(name)s is already published.") % {"name": name})
        return data


@admin.register(PlanVersion)
class PlanVersionAdmin(admin.ModelAdmin):
    form = PublishForm
    list_display = ["name", "approved_on", "approved_by", "project_count", "hour_budget", "published_at", "page"]
    search_fields = ["name", "note", "approved_by"]
    readonly_fields = ["published_at", "published_by", "project_count", "hour_budget", "digest", "page"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).defer("snapshot")

    def get_fields(self, request: HttpRequest, obj: PlanVersion | None = None) -> Any:
        if obj is None:
            return ["name", "approved_on", "approved_by", "note"]
        return ["name", "approved_on", "approved_by", "note", *self.readonly_fields]

    @admin.display(description=_("page"))
    def page(self, obj: PlanVersion) -> str:
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())

    def has_change_permission(self, request: HttpRequest, obj: PlanVersion | None = None) -> bool:
        return False  # published is published: the change page is read-only

    def has_delete_permission(self, request: HttpRequest, obj: PlanVersion | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: PlanVersion, form: forms.ModelForm, change: bool) -> None:
        version = publish_version(
            obj.plan,
            name=obj.name,
            approved_on=obj.approved_on,
            note=obj.note,
            approved_by=obj.approved_by,
            published_by=getattr(request.user, "get_full_name", lambda: "")() or request.user.get_username(),
        )
        # The admin logs and links to the object it was given: make it the published version.
        obj.__dict__.update(version.__dict__)
