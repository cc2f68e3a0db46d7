"""What every admin of the portal shares: history that shows who changed what, field by field, and can
restore an old version; spreadsheet import and export with a preview; compact inlines."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models, transaction
from django.db.models import QuerySet
from django.forms import Textarea
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.formats import date_format, number_format, time_format
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject, ModelChange
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name

from .fields import UnambiguousDecimalField
from .import_files import ImportFileMissing, UserImportStorage, remove_expired_import_files
from .sheets import CSV, XLSX, SheetRefused, in_sheet_language, read_file, read_sheet, row_error_messages
from .versioning import StaleVersion, Versioned

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
    if isinstance(value, Decimal) and field.name == "amount":
        return readable_amount(value)
    if isinstance(value, int | float | Decimal):
        return str(value) if "year" in field.name else number_format(value)  # 2010, but 1.750 hours
    return str(value)


def readable_amount(value: Decimal | None) -> str:
    """An amount as written in the reader's language, grouped and with its two decimals: «500.000,00»."""
    return EMPTY if value is None else number_format(value, decimal_pos=2, force_grouping=True)


def person_or_object_name(obj: Any) -> str:
    """A user by their full name (their username if they have none); anything else as it names itself."""
    if hasattr(obj, "get_full_name"):
        return obj.get_full_name() or obj.get_username()
    return str(obj)


class ReadableChanges(HistoricalRecordContextHelper):
    """The history's "Changes" column in the admin's own words: «End: 1 April 2012 → 30 June 2012»;
    many-to-many fields (a project's contact persons) as the names of those related: «Anna Andersen, Bo Berg»."""

    def prepare_delta_change_value(self, change: ModelChange, value: Any) -> Any:
        field = self.model._meta.get_field(change.field)
        if field.many_to_many:
            other_side = field.m2m_reverse_field_name()
            names = sorted(person_or_object_name(row[other_side]) for row in value or [])
            return ", ".join(names) or EMPTY
        return readable_value(field, value)


def verbose_names(model: type[models.Model], names: list[str]) -> list[str]:
    """Field names as untranslated verbose names, which the admin's change message translates when read."""
    with translation.override(None):
        labels = []
        for name in names:
            try:
                labels.append(str(getattr(model._meta.get_field(name), "verbose_name", name)))
            except FieldDoesNotExist:
                labels.append(name)
        return labels


LOADED_VERSION = "loaded_version"


def current_version(instance: models.Model) -> int | None:
    """The row's version in the database, locked until the end of the transaction where there is one."""
    rows = type(instance)._base_manager.filter(pk=instance.pk)
    if transaction.get_connection().in_atomic_block:
        rows = rows.select_for_update()
    return rows.values_list("version", flat=True).first()


def when_text(moment: datetime.datetime) -> str:
    moment = timezone.localtime(moment)
    return gettext("%(date)s at %(time)s") % {"date": date_format(moment), "time": time_format(moment)}


def record_changes(record: Any, before: Any) -> str:
    """What one history record changed, field by field: «Titel: «Gammel» → «Ny»»; else its reason."""
    texts = []
    if before is not None:
        delta = record.diff_against(before, foreign_keys_are_objs=True)
        for change in delta.changes:
            field = record.instance_type._meta.get_field(change.field)
            label = capfirst(field.verbose_name)
            if field.many_to_many:
                texts.append(gettext("%(field)s changed") % {"field": label})
            else:
                old, new = readable_value(field, change.old), readable_value(field, change.new)
                texts.append(f"{label}: «{old}» → «{new}»")
    return "; ".join(texts) or (record.history_change_reason or "").rstrip(".")


def stale_edit_message(instance: Versioned, loaded_version: int) -> str:
    """Who changed the object since the user opened it at `loaded_version`, when, and what they changed."""
    history = instance.history  # type: ignore[attr-defined]  # django-simple-history adds it at run time
    before = history.filter(version__lte=loaded_version).order_by("-history_date", "-history_id").first()
    records = history.filter(version__gt=loaded_version).select_related("history_user")
    parts = []
    for record in records.order_by("history_date", "history_id"):
        user = record.history_user
        who = (user.get_full_name() or user.get_username()) if user else gettext("someone else")
        parts.append((f"{who} {when_text(record.history_date)}", record_changes(record, before)))
        before = record
    name = f"{capfirst(instance._meta.verbose_name)} «{instance}»"
    if len(parts) == 1:
        (who, changes), *_ = parts
        return gettext(
            "%(object)s was changed by %(who)s after you opened it: %(changes)s. "
            "Your changes are not saved; amend them and save again."
        ) % {"object": name, "who": who, "changes": changes}
    named = [f"{who} ({changes})" if changes else who for who, changes in parts] or [gettext("someone else")]
    listed = (
        named[0]
        if len(named) == 1
        else gettext("%(first)s and %(last)s")
        % {
            "first": ", ".join(named[:-1]),
            "last": named[-1],
        }
    )
    return gettext(
        "%(object)s was changed by %(who)s after you opened it. Your changes are not saved; amend them and save again."
    ) % {"object": name, "who": listed}


class LoadedVersionField(forms.IntegerField):
    """The version the page was opened at, sent back hidden; it is never a change the user made."""

    widget = forms.HiddenInput

    def has_changed(self, initial: Any, data: Any) -> bool:
        return False


class VersionedModelForm(forms.ModelForm):
    """A change form that refuses to save over a change made after the user opened it.

    The refused form keeps what the user changed and shows everything else as it now is, with the new version,
    so that saving it again applies the user's changes on top of the other person's.
    """

    loaded_version = LoadedVersionField(required=False, min_value=1)
    # The object's own form is refused whenever it is stale; an inline row only when the user changed it.
    is_inline_row = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.left_alone = False
        if isinstance(self.instance, Versioned) and not self.instance._state.adding:
            self.initial.setdefault(LOADED_VERSION, self.instance.version)

    def has_changed(self) -> bool:
        return not self.left_alone and super().has_changed()

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean() or {}
        loaded = cleaned_data.get(LOADED_VERSION)
        instance = self.instance
        if loaded is None or not isinstance(instance, Versioned) or instance._state.adding:
            return cleaned_data
        if self.is_inline_row and not (self.has_changed() or cleaned_data.get("DELETE")):
            return cleaned_data
        current = current_version(instance)
        if current is None or current == loaded:
            instance.version = loaded
            return cleaned_data
        history = instance.history  # type: ignore[attr-defined]  # django-simple-history adds it at run time
        opened = history.filter(version__lte=loaded).order_by("-history_date", "-history_id").first()
        if self.is_inline_row and opened is not None and not cleaned_data.get("DELETE"):
            if not self.changed_since(opened):
                # Someone else changed a row this user left alone: leave it as they saved it.
                self.left_alone = True
                return cleaned_data
        self.add_error(None, stale_edit_message(instance, loaded))
        if opened is not None:  # without the version the user opened, their changes cannot be told apart
            self.show_current_values_beside_the_users(opened, current)
        return cleaned_data

    def concrete_field_names(self) -> list[str]:
        concrete = {field.name for field in self._meta.model._meta.concrete_fields}
        return [name for name in self.fields if name in concrete]

    def changed_since(self, opened: Any) -> list[str]:
        """The fields the user changed from the version they opened (a history record)."""
        names = self.concrete_field_names()
        as_opened = model_to_dict(opened.instance, fields=names)
        return [name for name in names if self.fields[name].has_changed(as_opened.get(name), self[name].data)]

    def show_current_values_beside_the_users(self, opened: Any, current: int) -> None:
        names = self.concrete_field_names()
        theirs = set(self.changed_since(opened))
        now = model_to_dict(self._meta.model._base_manager.get(pk=self.instance.pk), fields=names)
        data = self.data.copy()  # type: ignore[attr-defined]  # a bound form's data is a QueryDict
        for name in names:
            if name in now and name not in theirs:
                data[self.add_prefix(name)] = "" if now[name] is None else now[name]
        for name, values in self.many_to_many_changed_by_others(opened).items():
            if hasattr(data, "setlist"):
                data.setlist(self.add_prefix(name), [str(pk) for pk in values])
            else:
                data[self.add_prefix(name)] = [str(pk) for pk in values]
        data[self.add_prefix(LOADED_VERSION)] = current
        self.data = data

    def many_to_many_changed_by_others(self, opened: Any) -> dict[str, list]:
        """The chosen objects (contact persons) as they now are, for each list the user left as they opened it."""
        lists = {}
        for field in getattr(opened, "_history_m2m_fields", []):
            if field.name not in self.fields:
                continue
            target = get_m2m_reverse_field_name(field)
            as_opened = list(getattr(opened, field.name).values_list(f"{target}_id", flat=True))
            if not self.fields[field.name].has_changed(as_opened, self[field.name].data):
                lists[field.name] = list(getattr(self.instance, field.name).values_list("pk", flat=True))
        return lists


class VersionedInlineForm(VersionedModelForm):
    is_inline_row = True


def with_loaded_version(fieldsets: list, obj: models.Model | None) -> list:
    """The fieldsets with the hidden version field added to the first, so that the page sends it back."""
    if not isinstance(obj, Versioned) or not fieldsets or LOADED_VERSION in flatten_fieldsets(fieldsets):
        return fieldsets
    (name, options), *rest = fieldsets
    return [(name, {**options, "fields": [*options["fields"], LOADED_VERSION]}), *rest]


class VersionedInline:
    """An inline whose rows each carry the version they were opened at and are refused when someone changed
    them since."""

    form: Any = VersionedInlineForm

    def get_fields(self, request: HttpRequest, obj: models.Model | None = None) -> list:
        fields = list(super().get_fields(request, obj))  # type: ignore[misc]  # a mixin: the admin class is beside it
        versioned = issubclass(self.model, Versioned)  # type: ignore[attr-defined]  # the mixin's admin has a model
        return [*fields, LOADED_VERSION] if versioned and LOADED_VERSION not in fields else fields


class HistoryAdmin(SimpleHistoryAdmin):
    """An admin whose "History" shows who changed what and when, field by field, and can restore an old version.

    Each save's history record carries the admin's change message as its reason ("Changed end and hour budget.",
    "Added milestone «…»."), so changes made in the inlines show in the history of the object they belong to.
    Its change form carries the version the user opened and refuses a save made after someone else's.
    """

    form = VersionedModelForm
    formfield_overrides = DECIMAL_FIELD

    def get_historical_record_context_helper(self, request: HttpRequest, historical_record: Any) -> ReadableChanges:
        return ReadableChanges(self.model, historical_record)

    def readable_reason(self, reason: str) -> str:
        """A stored history reason as the reader sees it; an app whose reasons are stored as facts says how to
        read them in the reader's language (projects' admin does, for status reports)."""
        return reason

    def set_history_delta_changes(self, request: HttpRequest, historical_records: Any, *args: Any, **kw: Any) -> None:
        super().set_history_delta_changes(request, historical_records, *args, **kw)
        for record in historical_records:  # reasons stored as facts are shown in the reader's language
            # A record without a reason would read «None».
            record.history_change_reason = self.readable_reason(record.history_change_reason) or EMPTY

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

    def get_fieldsets(self, request: HttpRequest, obj: models.Model | None = None) -> list:
        return with_loaded_version(super().get_fieldsets(request, obj), obj)

    def get_form(self, request: HttpRequest, obj: models.Model | None = None, **kwargs: Any) -> type[forms.ModelForm]:
        if getattr(request, "history_version_id", None) is not None and isinstance(obj, Versioned):
            # Restoring an old version replaces the current one: it is checked against the version that was
            # current when the restore page was opened, not the old version's own number.
            obj.version = current_version(obj) or obj.version
        return super().get_form(request, obj, **kwargs)

    def changeform_view(
        self, request: HttpRequest, object_id: str | None = None, form_url: str = "", extra_context: dict | None = None
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleVersion:
            # Another save came between this form's check and its save (SQLite has no row lock to hold it off),
            # and all of this save was rolled back: show the form again, which now names the other change.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: dict | None = None
    ) -> HttpResponse:
        # simple-history only hides the Revert button from those who may merely view; refuse their POST too.
        if request.method == "POST" and (
            self.revert_disabled(request) or not self.has_change_history_permission(request)
        ):
            raise PermissionDenied
        request.history_version_id = version_id  # type: ignore[attr-defined]  # read back by the form in this request
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        version_id = getattr(request, "history_version_id", None)
        if version_id is not None:
            version = obj.history.get(history_id=version_id)  # type: ignore[attr-defined]  # django-simple-history's
            when = date_format(timezone.localtime(version.history_date), "DATETIME_FORMAT")
            reason = gettext("Restored the version of %(when)s.") % {"when": when}
            obj._change_reason = reason  # type: ignore[attr-defined]  # django-simple-history reads it on save
        super().save_model(request, obj, form, change)


class SheetAdmin(ImportExportMixin, HistoryAdmin):
    """An admin that also exports to and imports from xlsx and csv, with a preview before anything is written.

    The preview checks the file whole (size, encoding, sheet, headers, number of rows) before it reads a row, and
    keeps the file for the confirmation only when every row is good, in a storage bound to the user
    (byaftale.import_files); the confirmation opens only a file its own user's preview kept, and deletes it.
    """

    import_formats = export_formats = [XLSX, CSV]
    import_template_name = "admin/import_export/sheet_import.html"
    tmp_storage_class = UserImportStorage

    def get_import_data_kwargs(self, **kwargs: Any) -> dict:
        # The confirmed import re-reads the file; should a row have turned invalid since the preview, apply nothing.
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def import_action(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if not self.has_import_permission(request):
            raise PermissionDenied
        remove_expired_import_files()
        context = self.get_import_context_data()
        form = self.create_import_form(request)
        resource_kwargs = self.get_import_resource_kwargs(request, form=form, **kwargs)
        resources = [resource_class(**resource_kwargs) for resource_class in self.get_import_resource_classes(request)]
        if request.POST and form.is_valid():
            import_file = form.cleaned_data["import_file"]
            file_format = self.get_import_formats()[int(form.cleaned_data["format"])](encoding=self.from_encoding)
            resources = [self.choose_import_resource_class(form, request)(**resource_kwargs)]
            try:
                data = read_file(import_file)
                dataset = read_sheet(data, file_format, resource=resources[0])
            except SheetRefused as refusal:
                form.add_error("import_file", str(refusal))
            else:
                result = resources[0].import_data(
                    dataset,
                    dry_run=True,
                    raise_errors=False,
                    file_name=import_file.name,
                    user=request.user,
                    **self.get_import_data_kwargs(request=request, form=form, **kwargs),
                )
                context["result"] = result
                if not result.has_errors() and not result.has_validation_errors():
                    storage = self.get_tmp_storage_class()(user=request.user, **self.get_tmp_storage_class_kwargs())
                    storage.save(data)
                    import_file.tmp_storage_name = storage.name
                    context["confirm_form"] = self.create_confirm_form(request, import_form=form)
        context.update(self.admin_site.each_context(request))
        context.update(
            title=gettext("Import"),
            form=form,
            opts=self.model._meta,
            media=self.media + form.media,
            fields_list=[
                (resource.get_display_name(), [f.column_name for f in resource.get_user_visible_fields()])
                for resource in resources
            ],
            import_error_display=self.import_error_display,
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)

    @method_decorator(require_POST)
    def process_import(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if not self.has_import_permission(request):
            raise PermissionDenied
        remove_expired_import_files()
        import_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        form = self.create_confirm_form(request)
        formats = self.get_import_formats()
        if not form.is_valid() or form.cleaned_data["format"] not in {str(i) for i in range(len(formats))}:
            messages.error(request, gettext("The import could not be confirmed; upload the file again."))
            return HttpResponseRedirect(import_url)
        storage = self.get_tmp_storage_class()(
            user=request.user, name=form.cleaned_data["import_file_name"], **self.get_tmp_storage_class_kwargs()
        )
        try:
            data = storage.read()
        except ImportFileMissing:
            # Say nothing of the file: the name came from the browser and may be anything.
            messages.error(
                request,
                gettext(
                    "The preview of this import no longer exists: it was confirmed already, or it is more than "
                    "%(minutes)s minutes old. Upload the file again."
                )
                % {"minutes": settings.IMPORT_PREVIEW_MINUTES},
            )
            return HttpResponseRedirect(import_url)
        try:
            file_format = formats[int(form.cleaned_data["format"])](encoding=self.from_encoding)
            resource = self.choose_import_resource_class(form, request)(
                **self.get_import_resource_kwargs(request, form=form, **kwargs)
            )
            dataset = read_sheet(data, file_format, resource=resource)
            result = self.process_dataset(dataset, form, request, **kwargs)
        except SheetRefused as refusal:
            messages.error(request, str(refusal))
            return HttpResponseRedirect(import_url)
        finally:
            storage.remove()
        return self.process_result(result, request)

    def process_result(self, result: Any, request: HttpRequest) -> HttpResponse:
        if result.has_errors() or result.has_validation_errors():
            for message in row_error_messages(result):
                messages.error(request, message)
            return HttpResponseRedirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import"))
        return super().process_result(result, request)

    def get_export_data(self, file_format: Any, request: HttpRequest, queryset: QuerySet, **kwargs: Any) -> Any:
        # django-import-export writes native dates and numbers only for its own xlsx class, not for ours.
        if not self.has_export_permission(request):
            raise PermissionDenied
        data = self.get_data_for_export(request, queryset, force_native_type=file_format.is_binary(), **kwargs)
        export_data = file_format.export_data(data)
        encoding = kwargs.get("encoding")
        return export_data.encode(encoding) if encoding and not file_format.is_binary() else export_data

    def get_export_filename(self, request: HttpRequest, queryset: QuerySet, file_format: Any) -> str:
        danish_letters = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
        name = slugify(in_sheet_language(self.opts.verbose_name_plural).lower().translate(danish_letters))
        return f"{name}-{timezone.localdate():%Y-%m-%d}.{file_format.get_extension()}"


def name_widget(widget: forms.Widget, name: str) -> None:
    """Give a widget (or the one a related-object wrapper holds) an accessible name of its own."""
    inner = getattr(widget, "widget", widget)
    inner.attrs = {**inner.attrs, "aria-label": name}


class CompactTabularInline(VersionedInline, admin.TabularInline):
    """A tabular inline whose text fields take two lines, so a project's many rows fit on the page.

    A tabular inline labels its columns only in the table's header, which screen readers do not tie to the
    inputs below; each input is named after its field (and the delete box after the row's action) instead.
    """

    # The stubs want each key to be exactly Field; DECIMAL_FIELD's is DecimalField.
    formfield_overrides = {
        **DECIMAL_FIELD,  # type: ignore[dict-item]
        models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 50})},
    }
    extra = 0

    def formfield_for_dbfield(self, db_field: models.Field, request: HttpRequest, **kwargs: Any) -> forms.Field | None:
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and not formfield.widget.is_hidden:
            name_widget(formfield.widget, str(capfirst(db_field.verbose_name)))
        return formfield

    def get_formset(self, request: HttpRequest, obj: models.Model | None = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        delete_name = gettext("Delete %(object)s") % {"object": self.model._meta.verbose_name}

        class NamedDeleteFormSet(formset):  # type: ignore[valid-type, misc]  # a class made at run time
            def add_fields(self, form: forms.Form, index: int | None) -> None:
                super().add_fields(form, index)
                if "DELETE" in form.fields:
                    name_widget(form.fields["DELETE"].widget, delete_name)

        return NamedDeleteFormSet
