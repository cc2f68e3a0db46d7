"""Spreadsheets in and out of the portal: columns, the values they hold, and an import that applies whole or not at all.

Rows are numbered as a person sees them in Excel or LibreOffice: the header is row 1 and the first data row is
row 2. The admin's import preview and `import_sheet()` both number rows this way (django-import-export itself
counts data rows from 1; `SheetResult` shifts its numbers by the header row).

Column headers are the model fields' verbose names in the portal's language (settings.LANGUAGE_CODE), whatever
language the person exporting or importing reads the admin in, so that a sheet one person exports another can
import. Values are written the way people write them: names and short names instead of database ids, choice
labels instead of codes, Danish dates and numbers accepted.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.formats import base_formats
from import_export.results import Result, RowResult

HEADER_ROWS = 1


class CSV(base_formats.CSV):
    """CSV separated by commas, or by semicolons as Danish Excel saves it."""

    def create_dataset(self, in_stream: bytes | str, **kwargs: Any) -> Any:
        text = in_stream.decode(self.encoding or "utf-8-sig") if isinstance(in_stream, bytes) else in_stream
        header = text.lstrip("\ufeff").partition("\n")[0]
        if "delimiter" not in kwargs and header.count(";") > header.count(","):
            kwargs["delimiter"] = ";"
        return super().create_dataset(text, **kwargs)


SHEET_FORMATS: dict[str, type[base_formats.Format]] = {"csv": CSV, "xlsx": base_formats.XLSX}


def in_sheet_language(text: Any) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)


class Column(fields.Field):
    """A column for one model field, headed by the field's verbose name in the portal's language."""

    def __init__(self, model: type[models.Model], name: str, widget: widgets.Widget, **kwargs: Any) -> None:
        self.model = model
        # An empty cell means the model's default (a new project is "not started", at 0 %).
        kwargs.setdefault("default", model._meta.get_field(name).default)
        super().__init__(attribute=name, widget=widget, **kwargs)

    @property
    def column_name(self) -> str:
        return capfirst(in_sheet_language(self.model._meta.get_field(self.attribute).verbose_name))

    @column_name.setter
    def column_name(self, value: str | None) -> None:
        """Field.__init__ assigns a name; the header follows the model's verbose name instead."""


class TextWidget(widgets.CharWidget):
    def __init__(self) -> None:
        super().__init__(coerce_to_string=True, allow_blank=True)


class WholeNumberWidget(widgets.Widget):
    """A whole number, written 1750, 1.750 (Danish thousands) or stored as a number in the sheet."""

    DANISH_THOUSANDS = re.compile(r"[-+]?\d{1,3}(\.\d{3})+")
    PLAIN = re.compile(r"[-+]?\d+")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> int | None:
        if value is None or isinstance(value, bool):
            return None if value is None else self.refuse()
        if isinstance(value, int):
            return value
        if isinstance(value, float | Decimal):
            return int(value) if value == int(value) else self.refuse()
        text = str(value).strip().replace("\xa0", "").replace(" ", "")
        if not text:
            return None
        if self.DANISH_THOUSANDS.fullmatch(text):
            text = text.replace(".", "")
        if self.PLAIN.fullmatch(text):
            return int(text)
        return self.refuse()

    def refuse(self) -> int:
        raise ValueError(gettext("Enter a whole number, such as 1750."))

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        if kwargs.get("force_native_type"):
            return value
        return "" if value is None else str(value)


class DateWidget(widgets.Widget):
    """A date: a date cell, 2011-04-01, or the Danish 1.4.2011 / 01-04-2011."""

    DANISH = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> datetime.date | None:
        if isinstance(value, datetime.datetime):  # an Excel date cell arrives as a datetime at midnight
            return value.date()
        if isinstance(value, datetime.date) or value is None:
            return value
        text = str(value).strip()
        if not text:
            return None
        try:
            if match := self.DANISH.fullmatch(text):
                day, month, year = (int(part) for part in match.groups())
                return datetime.date(year, month, day)
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(gettext("Enter a date such as 1.4.2011 or 2011-04-01.")) from None

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        if kwargs.get("force_native_type"):
            return value
        return value.isoformat() if value else ""


class YesNoWidget(widgets.Widget):
    """Yes or no: ja/nej in the sheet, and whatever else people and spreadsheets write for it."""

    YES = {"1", "true", "yes", "ja", "x"}
    NO = {"0", "false", "no", "nej"}

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> bool | None:
        if isinstance(value, bool) or value is None:
            return value
        text = str(value).strip().casefold()
        if not text:
            return None
        if text in self.YES or text == in_sheet_language(_("yes")).casefold():
            return True
        if text in self.NO or text == in_sheet_language(_("no")).casefold():
            return False
        raise ValueError(gettext("Enter «ja» or «nej»."))

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        if kwargs.get("force_native_type") or value is None:
            return value
        return in_sheet_language(_("yes") if value else _("no"))


class ChoiceWidget(widgets.Widget):
    """One of a field's choices, written as its label (in the sheet's language) or as its stored value."""

    def __init__(self, choices: type[models.Choices]) -> None:
        super().__init__()
        self.choices = choices

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        wanted = text.casefold()
        for choice in self.choices:
            if wanted in {
                str(choice.value).casefold(),
                in_sheet_language(choice.label).casefold(),
                str(choice.label).casefold(),
            }:
                return choice.value
        labels = ", ".join(in_sheet_language(choice.label) for choice in self.choices)
        raise ValueError(gettext("«%(value)s» is not one of: %(choices)s.") % {"value": text, "choices": labels})

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return in_sheet_language(self.choices(value).label) if value not in (None, "") else ""


class LookupWidget(widgets.Widget):
    """A foreign key written as people name the object; subclasses say how to find it and how to write it."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> models.Model | None:
        text = "" if value is None else str(value).strip()
        return self.find(text, row or {}) if text else None

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "" if value is None else self.name(value)

    def find(self, text: str, row: dict[str, Any]) -> models.Model | None:
        raise NotImplementedError

    def name(self, value: Any) -> str:
        raise NotImplementedError


class SheetResult(Result):
    """An import result whose row numbers are the spreadsheet's own (the header is row 1)."""

    def append_invalid_row(self, number: int, row: dict, validation_error: ValidationError) -> None:
        super().append_invalid_row(number + HEADER_ROWS, row, validation_error)

    def append_error_row(self, number: int, row: dict, errors: list) -> None:
        super().append_error_row(number + HEADER_ROWS, row, errors)

    def row_errors(self) -> list[tuple[int, list]]:
        return [(error_row.number, error_row.errors) for error_row in self.error_rows]

    @property
    def messages(self) -> list[str]:
        """Every problem, each naming its row and column; the admin's preview lists them above the table."""
        return row_error_messages(self)


class SheetResource(resources.ModelResource):
    """A model as a spreadsheet: validated like a form, keyed by natural values, headed in the portal's language.

    Every row is run through the model's full_clean(); errors are keyed by the column header so that the admin's
    preview and `import_sheet()` name the column a person sees. An import with any bad row writes nothing.
    """

    class Meta:
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True

    @classmethod
    def get_result_class(cls) -> type[Result]:
        return SheetResult

    @classmethod
    def get_display_name(cls) -> str:
        return capfirst(cls._meta.model._meta.verbose_name_plural)

    def get_instance(self, instance_loader: Any, row: dict) -> models.Model | None:
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None  # a bad key value; importing the field itself reports it against its column

    def skip_row(self, instance: models.Model, original: Any, row: dict, import_validation_errors: Any = None) -> bool:
        # Spreadsheets keep rows whose cells were emptied; they are skipped, and the rows below keep their numbers.
        if all(value is None or str(value).strip() == "" for value in row.values()):
            return True
        return super().skip_row(instance, original, row, import_validation_errors)

    def validate_instance(
        self, instance: models.Model, import_validation_errors: dict | None = None, validate_unique: bool = True
    ) -> None:
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as error:
            headers = {column.attribute: column.column_name for column in self.fields.values()}
            by_column: dict[str, list[ValidationError]] = {}
            for name, errors in error.error_dict.items():
                if name != NON_FIELD_ERRORS and name not in headers:
                    headers[name] = capfirst(in_sheet_language(instance._meta.get_field(name).verbose_name))
                by_column.setdefault(headers.get(name, NON_FIELD_ERRORS), []).extend(errors)
            raise ValidationError(by_column) from None

    def before_import(self, dataset: Any, **kwargs: Any) -> None:
        # A sheet may leave out the key columns it does not use (a list of project milestones needs no area column).
        headers = [str(header) for header in dataset.headers or [] if header]
        for name in self.get_import_id_fields():
            column_name = self.fields[name].column_name
            if column_name not in headers and len(dataset):
                dataset.append_col([None] * len(dataset), header=column_name)
        known = {column.column_name for column in self.fields.values()}
        unknown = [header for header in headers if header not in known]
        if unknown:
            raise ValueError(
                gettext("The sheet has columns this import does not know: %(unknown)s. It knows: %(known)s.")
                % {"unknown": ", ".join(f"«{name}»" for name in unknown), "known": ", ".join(sorted(known))}
            )

    def before_save_instance(self, instance: models.Model, row: dict, **kwargs: Any) -> None:
        user = kwargs.get("user")
        if user is not None and user.is_authenticated:
            instance._history_user = user  # type: ignore[attr-defined]
        file_name = kwargs.get("file_name")
        instance._change_reason = (  # type: ignore[attr-defined]
            gettext("Imported from %(file)s") % {"file": file_name} if file_name else gettext("Imported from a sheet")
        )

    def after_export(self, queryset: Any, dataset: Any, **kwargs: Any) -> None:
        dataset.title = capfirst(in_sheet_language(self._meta.model._meta.verbose_name_plural))


@dataclass
class ImportReport:
    """What an import did, or would have done, and why it refused if it did."""

    created: int = 0
    updated: int = 0
    skipped: int = 0  # rows identical to what the database holds, and empty rows
    errors: list[str] = field(default_factory=list)

    @property
    def succeeded(self) -> bool:
        return not self.errors


def row_error_messages(result: Result) -> list[str]:
    """Every problem of an import, each naming the spreadsheet row and the column: 'Row 3, «End»: …'."""
    messages = [str(error.error) for error in result.base_errors]
    for invalid in result.invalid_rows:
        for column, texts in invalid.error_dict.items():
            for text in texts:
                if column == NON_FIELD_ERRORS:
                    messages.append(gettext("Row %(row)s: %(message)s") % {"row": invalid.number, "message": text})
                else:
                    messages.append(
                        gettext("Row %(row)s, «%(field)s»: %(message)s")
                        % {"row": invalid.number, "field": column, "message": text}
                    )
    for error_row in result.error_rows:
        for error in error_row.errors:
            messages.append(gettext("Row %(row)s: %(message)s") % {"row": error_row.number, "message": error.error})
    return messages


def sheet_format(format: str | base_formats.Format) -> base_formats.Format:
    if isinstance(format, base_formats.Format):
        return format
    return SHEET_FORMATS[format.lower().lstrip(".")](encoding="utf-8-sig")


def read_sheet(file: bytes | str | Path | IO[bytes], format: str | base_formats.Format) -> Any:
    """A tablib Dataset from a file's bytes, a path or an open binary file."""
    if isinstance(file, str | Path):
        data = Path(file).read_bytes()
    elif isinstance(file, bytes):
        data = file
    else:
        data = file.read()
    return sheet_format(format).create_dataset(data)


def import_sheet(
    *,
    resource: SheetResource,
    file: bytes | str | Path | IO[bytes],
    format: str | base_formats.Format,
    dry_run: bool = False,
    user: Any = None,
    file_name: str = "",
) -> ImportReport:
    """Import a sheet (csv or xlsx) through a resource, writing nothing unless every row is valid.

    Messages name the spreadsheet row (the header is row 1, the first data row row 2) and the column:
    "Row 3, «End»: The end cannot come before the start." in the active language. With `dry_run` the import
    is checked and counted but rolled back. `user` is recorded as the author in each object's history.
    """
    result = resource.import_data(
        read_sheet(file, format),
        dry_run=dry_run,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
        user=user,
        file_name=file_name or (Path(file).name if isinstance(file, str | Path) else ""),
    )
    return ImportReport(
        created=result.totals[RowResult.IMPORT_TYPE_NEW],
        updated=result.totals[RowResult.IMPORT_TYPE_UPDATE],
        skipped=result.totals[RowResult.IMPORT_TYPE_SKIP],
        errors=row_error_messages(result),
    )


def export_sheet(
    *, resource: SheetResource, format: str | base_formats.Format, queryset: QuerySet | None = None
) -> bytes:
    """The resource's objects (or those of `queryset`) as a csv or xlsx file, dates and numbers native in xlsx."""
    file_format = sheet_format(format)
    dataset = resource.export(queryset=queryset, force_native_type=file_format.is_binary())
    data = file_format.export_data(dataset)
    return data if isinstance(data, bytes) else data.encode("utf-8")
