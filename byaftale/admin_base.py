"""What every admin of the portal shares: history that shows who changed what, field by field, and can
restore an old version; spreadsheet import and export with a preview; compact inlines."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.forms import Textarea
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.text import slugify
from django.utils.translation import gettext
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject, ModelChange
from simple_history.template_utils import HistoricalRecordContextHelper

from projects.history_reasons import readable_reason

from .fields import UnambiguousDecimalField
from .sheets import CSV, in_sheet_language, row_error_messages

EMPTY = "–"
# Hours and amounts read "7,5" and "7.5" alike in every language (byaftale/fields.py).
DECIMAL_FIELD = {models.DecimalField: {"form_class": UnambiguousDecimalField}}


def readable_value(field: models.Field, value: Any) -> str:
    """A value as the admin shows it: choice labels, Danish dates and numbers, yes/no, names of related objects."""
    if value is None or value == "" or (isinstance(value, DeletedObject) and value.pk is None):
        return EMPTY
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value)
    if isinstance(value, int | float | Decimal):
        return str(value) if "year" in field.name else number_format(value)  # 2010, but 1.750 hours
    return str(value)


class ReadableChanges(HistoricalRecordContextHelper):
    """The history's "Changes" column in the admin's own words: «End: 1 April 2012 → 30 June 2012»."""

    def prepare_delta_change_value(self, change: ModelChange, value: Any) -> Any:
        return readable_value(self.model._meta.get_field(change.field), value)


def verbose_names(model: type[models.Model], names: list[str]) -> list[str]:
    """Field names as untranslated verbose names, which the admin's change message translates when read."""
    with translation.override(None):
        labels = []
        for name in names:
            try:
                labels.append(str(model._meta.get_field(name).verbose_name))
            except FieldDoesNotExist:
                labels.append(name)
        return labels


class HistoryAdmin(SimpleHistoryAdmin):
    """An admin whose "History" shows who changed what and when, field by field, and can restore an old version.

    Each save's history record carries the admin's change message as its reason ("Changed end and hour budget.",
    "Added milestone «…»."), so changes made in the inlines show in the history of the object they belong to.
    """

    formfield_overrides = DECIMAL_FIELD

    def get_historical_record_context_helper(self, request: HttpRequest, historical_record: Any) -> ReadableChanges:
        return ReadableChanges(self.model, historical_record)

    def set_history_delta_changes(self, request: HttpRequest, historical_records: Any, *args: Any, **kw: Any) -> None:
        super().set_history_delta_changes(request, historical_records, *args, **kw)
        for record in historical_records:  # reasons stored as facts are shown in the reader's language
            record.history_change_reason = readable_reason(record.history_change_reason)

    def construct_change_message(self, request: HttpRequest, form: Any, formsets: Any, add: bool = False) -> list:
        # Django names changed fields by their form labels, which have no translation; use the verbose names.
        message = super().construct_change_message(request, form, formsets, add)
        changed_in_inlines = iter([change for formset in formsets or [] for change in formset.changed_objects])
        for entry in message:
            changed = entry.get("changed")
            if changed is None:
                continue
            if "name" in changed:
                changed_object, changed_fields = next(changed_in_inlines)
                changed["fields"] = verbose_names(type(changed_object), changed_fields)
            else:
                changed["fields"] = verbose_names(self.model, form.changed_data)
        return message

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        message = self.construct_change_message(request, form, formsets, not change)
        reason = LogEntry(change_message=json.dumps(message)).get_change_message()
        latest = form.instance.history.order_by("-history_date", "-history_id").first()
        if reason and latest is not None:
            type(latest).objects.filter(pk=latest.pk).update(history_change_reason=reason)

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: dict | None = None
    ) -> HttpResponse:
        # simple-history only hides the Revert button from those who may merely view; refuse their POST too.
        if request.method == "POST" and (
            self.revert_disabled(request) or not self.has_change_history_permission(request)
        ):
            raise PermissionDenied
        request.history_version_id = version_id  # type: ignore[attr-defined]
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        version_id = getattr(request, "history_version_id", None)
        if version_id is not None:
            version = obj.history.get(history_id=version_id)  # type: ignore[attr-defined]
            when = date_format(timezone.localtime(version.history_date), "DATETIME_FORMAT")
            obj._change_reason = gettext("Restored the version of %(when)s.") % {"when": when}  # type: ignore[attr-defined]
        super().save_model(request, obj, form, change)


class SheetAdmin(ImportExportMixin, HistoryAdmin):
    """An admin that also exports to and imports from xlsx and csv, with a preview before anything is written."""

    import_formats = export_formats = [base_formats.XLSX, CSV]
    import_template_name = "admin/import_export/sheet_import.html"

    def get_import_data_kwargs(self, **kwargs: Any) -> dict:
        # The confirmed import re-reads the file; should a row have turned invalid since the preview, apply nothing.
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def process_result(self, result: Any, request: HttpRequest) -> HttpResponse:
        if result.has_errors() or result.has_validation_errors():
            for message in row_error_messages(result):
                messages.error(request, message)
            return HttpResponseRedirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import"))
        return super().process_result(result, request)

    def get_export_filename(self, request: HttpRequest, queryset: QuerySet, file_format: Any) -> str:
        danish_letters = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
        name = slugify(in_sheet_language(self.opts.verbose_name_plural).lower().translate(danish_letters))
        return f"{name}-{timezone.localdate():%Y-%m-%d}.{file_format.get_extension()}"


class CompactTabularInline(admin.TabularInline):
    """A tabular inline whose text fields take two lines, so a project's many rows fit on the page."""

    formfield_overrides = {**DECIMAL_FIELD, models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 50})}}
    extra = 0
