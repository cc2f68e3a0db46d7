"""Spreadsheets in and out of the portal: columns, the values they hold, and an import that applies whole or not at all.

Rows are numbered as a person sees them in Excel or LibreOffice: the header is row 1 and the first data row is
row 2. The admin's import preview and `import_sheet()` both number rows this way (django-import-export itself
counts data rows from 1; `SheetResult` shifts its numbers by the header row).

Column headers are the model fields' verbose names in the portal's language (settings.LANGUAGE_CODE), whatever
language the person exporting or importing reads the admin in, so that a sheet one person exports another can
import. Values are written the way people write them: names and short names instead of database ids, choice
labels instead of codes, Danish dates and numbers accepted.

A file is checked whole before any row is read: its size, its encoding (UTF-8 or the cp1252 Danish Excel writes),
its sheet and its column headers; then at most `settings.IMPORT_MAX_ROWS` rows are read, and empty rows after
the last row with a value are never built. Text cells that a spreadsheet would run as a formula are written
with a leading apostrophe, which an import takes off again, so that an exported sheet imports unchanged.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import tablib
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, router, transaction
from django.db.models import QuerySet
from django.db.models.fields import NOT_PROVIDED
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.formats import base_formats
from import_export.resources import Diff
from import_export.results import Result, RowResult
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from . import bulk_import
from .bulk_import import SheetInstanceLoader

HEADER_ROWS = 1


# A spreadsheet runs a cell beginning with one of these as a formula (OWASP's list for CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
# An escaped cell, or a text that would read as one: apostrophes, then a trigger. Such text gets one more apostrophe.
NEEDS_ESCAPE = re.compile(ESCAPE + "*[" + re.escape("".join(FORMULA_TRIGGERS)) + "]")
# Unpacked, an xlsx file may be this many times its size; more means a zip bomb rather than a sheet.
XLSX_UNPACKED_FACTOR = 20

HeaderCheck = Callable[[list[str]], None]


class SheetRefused(ValueError):
    """A file refused whole, before any of its rows is imported; the message says why, for the person importing."""


def escape_formula(value: Any) -> Any:
    """A text a spreadsheet would run as a formula, with an apostrophe before it; `unescape_formula` undoes it."""
    if isinstance(value, str) and NEEDS_ESCAPE.match(value):
        return ESCAPE + value
    return value


def unescape_formula(value: Any) -> Any:
    """The text `escape_formula` was given: one leading apostrophe off, where apostrophes lead to a trigger."""
    if isinstance(value, str) and value.startswith(ESCAPE) and NEEDS_ESCAPE.match(value, 1):
        return value[1:]
    return value


def megabytes(size: int) -> str:
    """A size in megabytes as people read it: 5 MB, 52,4 MB."""
    value = round(size / 1_000_000, 1)
    return number_format(int(value)) if value == int(value) else number_format(value, decimal_pos=1)


def check_size(size: int) -> None:
    limit = settings.IMPORT_MAX_BYTES
    if size > limit:
        raise SheetRefused(
            gettext("The file is %(size)s MB; the largest file that can be imported is %(limit)s MB.")
            % {"size": megabytes(size), "limit": megabytes(limit)}
        )


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def sheet_rows(
    headers: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    *,
    check_headers: HeaderCheck | None = None,
    cells_beyond_headers_refused: bool = False,
) -> tablib.Dataset:
    """A dataset of at most `settings.IMPORT_MAX_ROWS` rows, read from an iterator only once the headers passed.

    Empty rows between rows with values are kept, so that rows keep their numbers; empty rows after the last
    value are counted but never built, however many a spreadsheet claims.
    """
    names = ["" if header is None else str(header).strip() for header in headers]
    while names and not names[-1]:
        names.pop()
    if not names:
        raise SheetRefused(gettext("The first row of the sheet must hold the column headers, but it is empty."))
    if check_headers is not None:
        check_headers(names)
    width, limit = len(names), settings.IMPORT_MAX_ROWS
    dataset = tablib.Dataset(headers=names)
    empty_rows_pending = 0
    for number, row in enumerate(rows, start=HEADER_ROWS + 1):
        values = list(row[:width])
        if cells_beyond_headers_refused and not all(is_blank(value) for value in row[width:]):
            # In csv a stray separator shifts the cells after it; refuse rather than import them in wrong columns.
            raise SheetRefused(
                gettext("Row %(row)s has more cells than the sheet has column headers (%(count)s).")
                % {"row": number, "count": width}
            )
        if all(is_blank(value) for value in values):
            empty_rows_pending += 1
            continue
        if number - HEADER_ROWS > limit:
            raise SheetRefused(
                gettext("The sheet has more than %(limit)s rows; split it into sheets of at most %(limit)s rows.")
                % {"limit": number_format(limit, force_grouping=True)}
            )
        for _empty in range(empty_rows_pending):
            dataset.append([None] * width)
        empty_rows_pending = 0
        dataset.append(values + [None] * (width - len(values)))
    return dataset


def decode_text(data: bytes) -> str:
    """The text of a csv file in UTF-8 (with or without a byte order mark) or cp1252, as Danish Excel saves it."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:  # UTF-16 and binary files decode in cp1252 too, full of NUL characters
            return text
    first_line = data.partition(b"\n")[0][:200].decode("utf-8", errors="replace").replace("\x00", "")
    raise SheetRefused(
        gettext(
            "The file could not be read as text in UTF-8 or Windows-1252 (Danish Excel); save it as «CSV UTF-8». "
            "Its first line as far as it could be read: «%(line)s»."
        )
        % {"line": first_line.strip()}
    )


class CSV(base_formats.CSV):
    """CSV separated by commas, or by semicolons as Danish Excel saves it, in UTF-8 or cp1252."""

    def create_dataset(self, in_stream: bytes | str, **kwargs: Any) -> tablib.Dataset:
        return self.read(in_stream, **kwargs)

    def read(self, in_stream: bytes | str, *, check_headers: HeaderCheck | None = None, **kwargs: Any) -> Any:
        text = decode_text(in_stream) if isinstance(in_stream, bytes) else in_stream.lstrip("\ufeff")
        header = text.partition("\n")[0]
        if "delimiter" not in kwargs and header.count(";") > header.count(","):
            kwargs["delimiter"] = ";"
        rows = csv.reader(io.StringIO(text, newline=""), **kwargs)
        try:
            return sheet_rows(next(rows, []), rows, check_headers=check_headers, cells_beyond_headers_refused=True)
        except csv.Error as error:
            raise SheetRefused(
                gettext("Row %(row)s could not be read as csv: %(error)s") % {"row": rows.line_num, "error": error}
            ) from None


class XLSX(base_formats.XLSX):
    """The active sheet of an Excel workbook, read row by row (openpyxl's read-only mode), values not formulas."""

    def create_dataset(self, in_stream: bytes) -> tablib.Dataset:
        return self.read(in_stream)

    def read(self, in_stream: bytes, *, check_headers: HeaderCheck | None = None) -> Any:
        import openpyxl

        try:
            unpacked = sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(in_stream)).infolist())
            if unpacked > settings.IMPORT_MAX_BYTES * XLSX_UNPACKED_FACTOR:
                raise SheetRefused(
                    gettext("Unpacked, the Excel file is %(size)s MB; it can be at most %(limit)s MB.")
                    % {
                        "size": megabytes(unpacked),
                        "limit": megabytes(settings.IMPORT_MAX_BYTES * XLSX_UNPACKED_FACTOR),
                    }
                )
            book = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            if isinstance(error, SheetRefused):
                raise
            raise SheetRefused(gettext("The file is not an Excel workbook (xlsx).")) from None
        try:
            sheet = book.active
            if sheet is None or not hasattr(sheet, "iter_rows"):
                raise SheetRefused(gettext("The Excel file has no sheet with rows."))
            # The size a sheet states for itself may be wrong or huge; read the rows that are there instead.
            sheet.reset_dimensions()
            headers = list(next(sheet.iter_rows(max_row=1, values_only=True), ()))
            while headers and is_blank(headers[-1]):
                headers.pop()
            return sheet_rows(
                headers,
                sheet.iter_rows(min_row=HEADER_ROWS + 1, max_col=max(len(headers), 1), values_only=True),
                check_headers=check_headers,
            )
        finally:
            book.close()


SHEET_FORMATS: dict[str, type[base_formats.Format]] = {"csv": CSV, "xlsx": XLSX}


_IN_SHEET_LANGUAGE: dict[tuple, str] = {}


def in_sheet_language(text: Any) -> str:
    """A (lazy) text in the portal's language; remembered, since a sheet's widgets ask for the same labels
    on every row and switching the language each time was most of an import's time."""
    args = getattr(text, "_args", None)  # a lazy translation: its msgid (and context)
    if args is None:
        with translation.override(settings.LANGUAGE_CODE):
            return str(text)
    key = (settings.LANGUAGE_CODE, args)
    if key not in _IN_SHEET_LANGUAGE:
        with translation.override(settings.LANGUAGE_CODE):
            _IN_SHEET_LANGUAGE[key] = str(text)
    return _IN_SHEET_LANGUAGE[key]


def verbose_name_of(model: type[models.Model], name: str) -> Any:
    """A model field's verbose name (lazy, so it is read in the language active where it is shown)."""
    return getattr(model._meta.get_field(name), "verbose_name", name)


class Column(fields.Field):
    """A column for one model field, headed by the field's verbose name in the portal's language."""

    def __init__(self, model: type[models.Model], name: str, widget: widgets.Widget, **kwargs: Any) -> None:
        self.model = model
        # An empty cell means the model's default (a new project is "not started", at 0 %).
        kwargs.setdefault("default", getattr(model._meta.get_field(name), "default", None))
        super().__init__(attribute=name, widget=widget, **kwargs)
        self.widget_reads_its_cell_only = getattr(widget, "same_for_same_cell", False)

    @property
    def column_name(self) -> str:
        # Read once: the header is in the portal's language whoever imports, and every row asks for it.
        name = self.__dict__.get("_column_name")
        if name is None:
            name = capfirst(in_sheet_language(verbose_name_of(self.model, self.attribute)))
            self.__dict__["_column_name"] = name
        return name

    @column_name.setter
    def column_name(self, value: str | None) -> None:
        """Field.__init__ assigns a name; the header follows the model's verbose name instead."""

    def clean(self, row: dict, **kwargs: Any) -> Any:
        """The cell's value; within one import a cell the column has read before is not read again (a timesheet
        names the same few projects, dates and people on thousands of rows), unless the widget reads other
        cells of the row too. A cell that is refused is read again each time, so each row reports it."""
        try:
            value = row[self.column_name]
        except KeyError:
            raise KeyError(
                f"Column '{self.column_name}' not found in dataset. Available columns are: {list(row)}"
            ) from None
        cache = bulk_import.current_cache() if self.widget_reads_its_cell_only else None
        if cache is None:
            cleaned = self.widget.clean(value, row=row, **kwargs)
        else:
            key = ("cell", self, type(value), value, str(value) if isinstance(value, Decimal) else None)
            try:
                cleaned = cache[key]
            except KeyError:
                cleaned = cache[key] = self.widget.clean(value, row=row, **kwargs)
            except TypeError:  # a value that cannot be a dictionary key
                cleaned = self.widget.clean(value, row=row, **kwargs)
        if cleaned in self.empty_values and self.default != NOT_PROVIDED:
            return self.default() if callable(self.default) else self.default
        return cleaned


class TextWidget(widgets.CharWidget):
    def __init__(self) -> None:
        super().__init__(coerce_to_string=True, allow_blank=True)


class WholeNumberWidget(widgets.Widget):
    """A whole number, written 1750, 1.750 (Danish thousands) or stored as a number in the sheet."""

    same_for_same_cell = True  # its value depends on its cell alone: Column.clean reads a cell once per import

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

    same_for_same_cell = True

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

    same_for_same_cell = True

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

    same_for_same_cell = True

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

    # The object a cell names is found once per import; a subclass that reads other cells of the row says False.
    same_for_same_cell = True

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


def preview_value(field: fields.Field, instance: models.Model) -> str:
    """A cell of the import's preview as the admin shows the value: a name, not a short name; a Danish date."""
    value = field.get_value(instance)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return date_format(value)
    return field.export(instance)


class ReadableDiff(Diff):
    """The import preview's rows in the admin's words; the sheet itself keeps its own formats."""

    # Diff calls its own class's reader by name (Diff._read_field_values), so both callers are replaced.
    def __init__(self, resource: resources.Resource, instance: models.Model, new: bool) -> None:
        super().__init__(resource, instance, new)
        self.left = self.read_values(resource, instance)

    def compare_with(self, resource: resources.Resource, instance: models.Model) -> None:
        self.right = self.read_values(resource, instance)

    @staticmethod
    def read_values(resource: resources.Resource, instance: models.Model) -> list[str]:
        return [preview_value(field, instance) for field in resource.get_import_fields()]


class NoPreview(Diff):
    """The diff of an import whose preview nobody sees: nothing is read or rendered."""

    def __init__(self, resource: resources.Resource, instance: models.Model, new: bool) -> None:
        self.left: list[str] = []
        self.right: list[str] = []
        self.new = new

    def compare_with(self, resource: resources.Resource, instance: models.Model) -> None:
        pass

    def as_html(self) -> list:
        return []


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
        # Rows are written together at the end (with their history, in bulk), once every row has passed.
        use_bulk = True
        batch_size = 10**9
        instance_loader_class = SheetInstanceLoader

    without_preview = False  # import_sheet() sets it: no diff is built for a preview nobody sees

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._unique_keys: list[tuple[tuple[str, ...], Any, tuple, models.Model, int]] = []
        self._seen_keys: dict[tuple, int] = {}
        self._rows: dict[int, dict] = {}
        self._history_user: Any = None
        self._change_reason = ""
        self._change_reason_for: str | None | bool = False
        self._row_number = 0
        self._columns_for: tuple | None = None
        self._columns: list[fields.Field] = []
        self._value_names: list[tuple[str | None, fields.Field]] | None = None

    @classmethod
    def get_result_class(cls) -> type[Result]:
        return SheetResult

    def get_diff_class(self) -> type[Diff]:
        return NoPreview if getattr(self, "without_preview", False) else ReadableDiff

    @classmethod
    def get_display_name(cls) -> str:
        return capfirst(cls._meta.model._meta.verbose_name_plural)

    def get_instance(self, instance_loader: Any, row: dict) -> models.Model | None:
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None  # a bad key value; importing the field itself reports it against its column

    def skip_row(self, instance: models.Model, original: Any, row: dict, import_validation_errors: Any = None) -> bool:
        if self.row_is_empty(row):
            return True
        return super().skip_row(instance, original, row, import_validation_errors)

    @staticmethod
    def row_is_empty(row: dict) -> bool:
        # Spreadsheets keep rows whose cells were emptied; they are skipped, and the rows below keep their numbers.
        return all(value is None or str(value).strip() == "" for value in row.values())

    def import_row(self, row: dict, instance_loader: Any, **kwargs: Any) -> RowResult:
        self._row_number = kwargs.get("row_number", 0)
        self._rows[self._row_number] = row
        if not self.without_preview:
            return super().import_row(row, instance_loader, **kwargs)
        return self.import_row_without_preview(row, instance_loader, **kwargs)

    def import_row_without_preview(self, row: dict, instance_loader: Any, **kwargs: Any) -> RowResult:
        """django-import-export's import_row, less what only its preview reads: no copy of each object before
        the row is applied (its imported values are compared instead, to skip an unchanged row) and no
        description of each object (an hour registration's formats a date)."""
        row_result = self.get_row_result_class()()
        try:
            self.before_import_row(row, **kwargs)
            instance, new = self.get_or_init_instance(instance_loader, row)
            self.after_init_instance(instance, new, row, **kwargs)
            row_result.import_type = RowResult.IMPORT_TYPE_NEW if new else RowResult.IMPORT_TYPE_UPDATE
            before = self.imported_values(instance)
            errors: dict = {}
            try:
                self.import_instance(instance, row, **kwargs)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
            if self.row_is_empty(row) or (
                self._meta.skip_unchanged and not errors and self.imported_values(instance) == before
            ):
                row_result.import_type = RowResult.IMPORT_TYPE_SKIP
            else:
                self.validate_instance(instance, errors)
                self.save_instance(instance, new, row, **kwargs)
            row_result.object_id = instance.pk
            self.after_import_row(row, row_result, **kwargs)
        except ValidationError as error:
            row_result.import_type = RowResult.IMPORT_TYPE_INVALID
            row_result.validation_error = error
        except Exception as error:  # noqa: BLE001 - reported against the row, as django-import-export does
            row_result.import_type = RowResult.IMPORT_TYPE_ERROR
            row_result.errors.append(self.get_error_result_class()(error, row=row, number=kwargs["row_number"]))
        return row_result

    def imported_columns(self, row: dict) -> list[fields.Field]:
        """The import's columns the sheet has, in import order; worked out once per sheet, not per row."""
        headers = tuple(row)
        if self._columns_for != headers:
            self._columns = [
                column
                for column in self.get_import_fields()
                if column.attribute
                and column.column_name in row
                and not isinstance(column.widget, widgets.ManyToManyWidget)
            ]
            self._columns_for = headers
        return self._columns

    def imported_values(self, instance: models.Model) -> list:
        """The values the import's fields hold, a related object by its key (reading one is no query); what
        django-import-export's skip_row compares to find an unchanged row."""
        if self._value_names is None:
            self._value_names = [
                (bulk_import.value_name(self._meta.model, column.attribute), column)
                for column in self.get_import_fields()
            ]
        return [
            column.get_value(instance) if name is None else getattr(instance, name)
            for name, column in self._value_names
        ]

    def import_instance(self, instance: models.Model, row: dict, **kwargs: Any) -> None:
        """Each column the sheet has set on the instance, as django-import-export's import_instance does."""
        errors = {}
        for column in self.imported_columns(row):
            try:
                if column.readonly:
                    continue
                if "__" in column.attribute:
                    column.save(instance, row, **kwargs)
                    continue
                cleaned = column.clean(row, **kwargs)
                if cleaned is not None or column.saves_null_values:
                    setattr(instance, column.attribute, cleaned)
            except ValueError as error:
                errors[column.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def validate_instance(
        self, instance: models.Model, import_validation_errors: dict | None = None, validate_unique: bool = True
    ) -> None:
        if not self._meta.use_bulk:
            try:
                super().validate_instance(instance, import_validation_errors, validate_unique)
            except ValidationError as error:
                self.raise_on_columns(instance, error)
            return
        errors = dict(import_validation_errors or {})
        try:
            # Field and model rules per row; check constraints in Python; unique ones once per sheet.
            # A related object the row named was read from the database by its lookup: no query to confirm it.
            related = instance._state.fields_cache
            found = {name for name in bulk_import.relation_names(type(instance)) if related.get(name) is not None}
            bulk_import.full_clean(instance, exclude={*errors, *found})
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            bulk_import.check_constraints(instance, set(errors))
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not errors and validate_unique:
            errors = self.note_unique_keys(instance)
        if errors:
            self.raise_on_columns(instance, ValidationError(errors))

    def note_unique_keys(self, instance: models.Model) -> dict:
        """Refuse a key an earlier row of the sheet already has; keep the rest for one query at the end."""
        model = type(instance)
        for fields_, constraint in bulk_import.unique_sets(model):
            key = tuple(getattr(instance, bulk_import.attname(model, f)) for f in fields_)
            if any(value is None for value in key):
                continue
            seen = (fields_, id(constraint), key)
            if seen in self._seen_keys and self._seen_keys[seen] != self._row_number:
                return bulk_import.unique_error(instance, fields_, constraint)
            self._seen_keys[seen] = self._row_number
            self._unique_keys.append((fields_, constraint, key, instance, self._row_number))
        return {}

    def raise_on_columns(self, instance: models.Model, error: ValidationError) -> None:
        """The error keyed by the columns' headers, as a person sees them."""
        headers = {column.attribute: column.column_name for column in self.fields.values()}
        by_column: dict[str, list[ValidationError]] = {}
        for name, errors in error.error_dict.items():
            if name != NON_FIELD_ERRORS and name not in headers:
                headers[name] = capfirst(in_sheet_language(verbose_name_of(type(instance), name)))
            by_column.setdefault(headers.get(name, NON_FIELD_ERRORS), []).extend(errors)
        raise ValidationError(by_column) from None

    def check_unique_in_database(self, result: Result) -> None:
        for number, instance, fields_, constraint in bulk_import.conflicts_in_database(
            self._meta.model, self._unique_keys
        ):
            error = ValidationError(bulk_import.unique_error(instance, fields_, constraint))
            try:
                self.raise_on_columns(instance, error)
            except ValidationError as error:
                result.append_invalid_row(number, self._rows.get(number, {}), error)
        self._unique_keys.clear()

    def bulk_create(
        self, using_transactions: bool, dry_run: bool, raise_errors: bool, batch_size: int | None = None,
        result: Any = None,
    ) -> None:  # fmt: skip
        if result is not None and self._unique_keys:
            self.check_unique_in_database(result)
        if result is not None and (result.has_validation_errors() or result.has_errors()):
            self.create_instances.clear()  # nothing of a refused sheet is written
            self.update_instances.clear()
            return
        if self.create_instances and (using_transactions or not dry_run):
            model = self._meta.model
            try:
                if bulk_import.can_copy_history(model):
                    with transaction.atomic(using=router.db_for_write(model), savepoint=False):
                        model._default_manager.bulk_create(self.create_instances, batch_size=500)
                        bulk_import.create_history(
                            self.create_instances,
                            model,
                            default_user=self._history_user,
                            default_change_reason=self._change_reason,
                        )
                else:
                    bulk_create_with_history(
                        self.create_instances,
                        model,
                        batch_size=500,
                        default_user=self._history_user,
                        default_change_reason=self._change_reason,
                    )
            except Exception as error:  # noqa: BLE001 - reported as the sheet's error, as django-import-export does
                self.handle_import_error(result, error, raise_errors)
        self.create_instances.clear()

    def bulk_update(
        self, using_transactions: bool, dry_run: bool, raise_errors: bool, batch_size: int | None = None,
        result: Any = None,
    ) -> None:  # fmt: skip
        if self.update_instances and (using_transactions or not dry_run):
            names = [self.fields[name].attribute for name in self.get_bulk_update_fields()]
            if any(f.name == "version" for f in self._meta.model._meta.concrete_fields):
                for instance in self.update_instances:
                    # A save from a copy read before the import is then refused as stale.
                    instance.version += 1
                names.append("version")
            try:
                bulk_update_with_history(
                    self.update_instances,
                    self._meta.model,
                    names,
                    batch_size=500,
                    default_user=self._history_user,
                    default_change_reason=self._change_reason,
                )
            except Exception as error:  # noqa: BLE001
                self.handle_import_error(result, error, raise_errors)
        self.update_instances.clear()

    def check_headers(self, headers: Sequence[str]) -> None:
        """Refuse a sheet whose headers this resource does not know, before any of its rows is read."""
        known = {column.column_name for column in self.fields.values()}
        unknown = [header for header in headers if header and header not in known]
        if unknown:
            raise SheetRefused(
                gettext("The sheet has columns this import does not know: %(unknown)s. It knows: %(known)s.")
                % {"unknown": ", ".join(f"«{name}»" for name in unknown), "known": ", ".join(sorted(known))}
            )
        twice = sorted({header for header in headers if header and headers.count(header) > 1})
        if twice:
            raise SheetRefused(
                gettext("The sheet has more than one column headed %(names)s.")
                % {"names": ", ".join(f"«{name}»" for name in twice)}
            )

    def import_data_inner(
        self, dataset: Any, dry_run: bool, raise_errors: bool, using_transactions: bool, collect_failed_rows: bool,
        **kwargs: Any,
    ) -> Result:  # fmt: skip
        # django-import-export reports an error raised before the rows and then imports them all the same.
        try:
            self.check_headers([str(header) for header in dataset.headers or [] if header])
        except SheetRefused as refusal:
            result = self.get_result_class()()
            self.handle_import_error(result, refusal, raise_errors)
            return result
        with bulk_import.import_cache():
            return super().import_data_inner(
                dataset, dry_run, raise_errors, using_transactions, collect_failed_rows, **kwargs
            )

    def before_import(self, dataset: Any, **kwargs: Any) -> None:
        for number, row in enumerate(dataset):
            unescaped = tuple(unescape_formula(value) for value in row)
            if unescaped != row:
                dataset[number] = unescaped
        # A sheet may leave out the key columns it does not use (a list of project milestones needs no area column).
        headers = [str(header) for header in dataset.headers or [] if header]
        for name in self.get_import_id_fields():
            column_name = self.fields[name].column_name
            if column_name not in headers and len(dataset):
                dataset.append_col([None] * len(dataset), header=column_name)

    def before_save_instance(self, instance: models.Model, row: dict, **kwargs: Any) -> None:
        user = kwargs.get("user")
        if user is not None and user.is_authenticated:
            instance._history_user = user  # type: ignore[attr-defined]  # django-simple-history reads it on save
            self._history_user = user
        file_name = kwargs.get("file_name")
        if self._change_reason_for != file_name:  # one reason for every row of the sheet, translated once
            self._change_reason_for = file_name
            self._change_reason = (
                gettext("Imported from %(file)s") % {"file": file_name}
                if file_name
                else gettext("Imported from a sheet")
            )
        instance._change_reason = self._change_reason  # type: ignore[attr-defined]  # django-simple-history reads it on save

    def after_export(self, queryset: Any, dataset: Any, **kwargs: Any) -> None:
        dataset.title = capfirst(in_sheet_language(self._meta.model._meta.verbose_name_plural))
        for number, row in enumerate(dataset):
            escaped = tuple(escape_formula(value) for value in row)
            if escaped != row:
                dataset[number] = escaped


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


def read_file(file: bytes | str | Path | IO[bytes]) -> bytes:
    """A file's bytes, from bytes, a path or an open (or uploaded) file, refused by its size before it is read."""
    if isinstance(file, bytes):
        check_size(len(file))
        return file
    if isinstance(file, str | Path):
        check_size(Path(file).stat().st_size)
        return Path(file).read_bytes()
    size = getattr(file, "size", None)
    if size is not None:
        check_size(size)
        if hasattr(file, "chunks"):
            return b"".join(file.chunks())
    data = file.read(settings.IMPORT_MAX_BYTES + 1)
    check_size(len(data))
    return data


def read_sheet(
    file: bytes | str | Path | IO[bytes], format: str | base_formats.Format, *, resource: SheetResource | None = None
) -> Any:
    """A tablib Dataset from a file's bytes, a path or an open binary file, checked whole before its rows are read.

    Raises SheetRefused, naming what is wrong, for a file too large, in an unknown encoding, not a sheet, with
    more than `settings.IMPORT_MAX_ROWS` rows, or (given the `resource`) with a column header it does not know.
    """
    file_format = sheet_format(format)
    data = read_file(file)
    if isinstance(file_format, CSV | XLSX):
        return file_format.read(data, check_headers=resource.check_headers if resource else None)
    return file_format.create_dataset(data)


def without_preview(resource: SheetResource) -> None:
    """No row-by-row preview nobody sees (it was most of a big import's time); unchanged rows are still
    found and skipped, which django-import-export's own skip_diff would give up."""
    resource.without_preview = True


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
    try:
        dataset = read_sheet(file, format, resource=resource)
    except SheetRefused as refusal:
        return ImportReport(errors=[str(refusal)])
    without_preview(resource)
    result = resource.import_data(
        dataset,
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
