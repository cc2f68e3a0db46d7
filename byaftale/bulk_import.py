"""What lets a sheet import run near the speed of a plain `bulk_create`: work done once per sheet, not per row.

- `lookup()`: a cache that lives for one import, so a focus area, a line or a party named in a thousand rows
  is looked up once; `full_clean()` checks a field's value once per import, as Column.clean reads a cell once;
- `SheetInstanceLoader`: the rows' existing objects in one query, keyed by the import's id columns;
- `check_constraints()`: a model's check constraints evaluated in Python on the instance (no query per row;
  anything the evaluator does not know goes to the database as Django would), with unique constraints
  checked per sheet: duplicates within the sheet at once, against the database in one query per constraint;
- `create_history()`: the created objects' history copied from their rows inside the database, a few queries
  for a whole sheet instead of a historical object built and sent over per row.

Errors are the model's own messages on the same fields as `ConstraintErrorsOnFields` places them, so an import
names the row and the column exactly as before.
"""

from __future__ import annotations

import contextvars
import functools
import operator
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import connections, models, router
from django.db.models import F, Q
from django.db.models.expressions import DatabaseDefault
from django.utils import timezone
from import_export.instance_loaders import BaseInstanceLoader
from simple_history.utils import get_change_reason_from_object, get_history_model_for_model

_cache: contextvars.ContextVar[dict[Any, Any] | None] = contextvars.ContextVar("sheet_import_cache", default=None)
MISSING = object()


@contextmanager
def import_cache() -> Iterator[dict[Any, Any]]:
    """Open a lookup cache for the import that runs inside the block."""
    token = _cache.set({})
    try:
        yield _cache.get()  # type: ignore[misc]
    finally:
        _cache.reset(token)


def lookup(key: Any, find: Callable[[], Any]) -> Any:
    """`find()` once per import for this key; uncached outside one. A miss is not kept: a sheet saved row by
    row may create the object a later row names."""
    cache = _cache.get()
    if cache is None:
        return find()
    hit = cache.get(key, MISSING)
    if hit is MISSING:
        hit = cache[key] = find()
    return hit


def current_cache() -> dict[Any, Any] | None:
    """The cache of the import running now, or None outside one."""
    return _cache.get()


@functools.cache
def relation_names(model: type[models.Model]) -> tuple[str, ...]:
    """The model's foreign keys and one-to-one fields, by name."""
    return tuple(f.name for f in model._meta.concrete_fields if f.is_relation)


def full_clean(instance: models.Model, exclude: set[str]) -> None:
    """Model.full_clean without its unique and constraint checks (the import makes those per sheet), each
    field's value checked once per import: a timesheet's thousand rows hold the same few dates and hours,
    and a field's check reads its value alone (a relation's, whether the object exists, which only a
    later row of the same sheet could change from no to yes, and a refusal is not kept)."""
    cache = _cache.get()
    model = type(instance)
    overridden = model.clean_fields is not models.Model.clean_fields or model.full_clean is not models.Model.full_clean
    if cache is None or overridden:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        return
    errors: dict[str, Any] = {}
    for field in instance._meta.fields:
        if field.name in exclude or field.generated:
            continue
        raw = getattr(instance, field.attname)
        if (field.blank and raw in field.empty_values) or isinstance(raw, DatabaseDefault):
            continue
        # 7.5 and 7.500 are equal, but only one has two decimal places: a decimal is kept by how it is written.
        key = ("field", field, type(raw), raw, str(raw) if isinstance(raw, Decimal) else None)
        try:
            cleaned = cache[key]
        except KeyError:
            try:
                cleaned = cache[key] = field.clean(raw, instance)
            except ValidationError as error:
                errors[field.name] = error.error_list
                continue
        except TypeError:  # a value that cannot be a dictionary key
            try:
                cleaned = field.clean(raw, instance)
            except ValidationError as error:
                errors[field.name] = error.error_list
                continue
        setattr(instance, field.attname, cleaned)
    # Model.full_clean runs the model's clean() even where a field failed; so does this.
    try:
        instance.clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def attname(model: type[models.Model], name: str) -> str:
    """The column attribute of a concrete field ("area_id" for "area")."""
    return cast(models.Field, model._meta.get_field(name)).attname


def value_name(model: type[models.Model], attribute: str | None) -> str | None:
    """The attribute that holds a model field's value on an instance (a related object's key for a relation);
    None for anything else."""
    try:
        field = model._meta.get_field(attribute or "")
    except FieldDoesNotExist:
        return None
    return cast(models.Field, field).attname if field.concrete and not field.many_to_many else None


class SheetInstanceLoader(BaseInstanceLoader):
    """Every object the sheet's rows name by their id columns, read in one query when first asked for."""

    def __init__(self, resource: Any, dataset: Any = None) -> None:
        super().__init__(resource, dataset)
        self.loaded: dict[tuple, models.Model] | None = None
        # Each row's key, by the row's cells: worked out when the objects are read and found again per row.
        self.keys: dict[tuple, tuple | None] = {}

    def key(self, row: dict) -> tuple | None:
        cells = tuple(row.values())
        try:
            return self.keys[cells]
        except KeyError:
            key = self.keys[cells] = self.key_of(row)
            return key
        except TypeError:  # a cell that cannot be a dictionary key
            return self.key_of(row)

    def key_of(self, row: dict) -> tuple | None:
        values = []
        for name in self.resource.get_import_id_fields():
            try:
                value = self.resource.fields[name].clean(row)
            except (KeyError, ValueError, ValidationError):
                return None
            values.append(value.pk if isinstance(value, models.Model) else value)
        return tuple(values)

    def load(self) -> dict[tuple, models.Model]:
        names = list(self.resource.get_import_id_fields())
        attributes = [self.resource.fields[name].attribute for name in names]
        keys = {key for row in self.dataset.dict if (key := self.key(row)) is not None}
        if not keys:
            return {}
        condition = Q()
        for i, attribute in enumerate(attributes):
            values = {key[i] for key in keys}
            known = [v for v in values if v is not None]
            term = Q(**{f"{attribute}__in": known}) if known else Q(pk__in=[])
            if None in values:
                term |= Q(**{f"{attribute}__isnull": True})
            condition &= term
        model = self.resource._meta.model
        attnames = [attname(model, a) for a in attributes]
        loaded = {}
        for instance in self.resource.get_queryset().filter(condition):
            loaded[tuple(getattr(instance, a) for a in attnames)] = instance
        return loaded

    def get_instance(self, row: dict) -> models.Model | None:
        if self.loaded is None:
            self.loaded = self.load()
        key = self.key(row)
        return None if key is None else self.loaded.get(key)


# Check constraints in Python, with SQL's three-valued logic: a comparison with NULL is unknown, and a
# constraint holds unless its condition is false.
UNKNOWN = object()
UNSUPPORTED = object()
COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "exact": operator.eq,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


@functools.cache
def _value_attribute(model: type[models.Model], name: str) -> str | None:
    """The attribute a constraint's field name reads on an instance (a relation's key), None if not a field."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return attname(model, name) if field.is_relation else name


def _value(instance: models.Model, name: str) -> Any:
    attribute = _value_attribute(type(instance), name)
    return UNSUPPORTED if attribute is None else getattr(instance, attribute)


def _lookup(instance: models.Model, lookup: str, value: Any) -> Any:
    name, _sep, op = lookup.partition("__")
    op = op or "exact"
    left = _value(instance, name)
    if left is UNSUPPORTED:
        return UNSUPPORTED
    if op == "isnull":
        return (left is None) == bool(value)
    if isinstance(value, F):
        right = _value(instance, value.name)
        if right is UNSUPPORTED:
            return UNSUPPORTED
    elif hasattr(value, "resolve_expression"):
        return UNSUPPORTED
    else:
        right = value
    if op == "in":
        return UNKNOWN if left is None else left in right
    if op not in COMPARISONS:
        return UNSUPPORTED
    if left is None or right is None:
        return UNKNOWN
    try:
        return COMPARISONS[op](left, right)
    except TypeError:
        return UNSUPPORTED


def evaluate(q: Q, instance: models.Model) -> Any:
    """True, False, UNKNOWN (NULL) or UNSUPPORTED."""
    results = []
    for child in q.children:
        if isinstance(child, Q):
            result = evaluate(child, instance)
        else:
            lookup, value = cast(tuple[str, Any], child)
            result = _lookup(instance, lookup, value)
        if result is UNSUPPORTED:
            return UNSUPPORTED
        results.append(result)
    if q.connector == Q.OR:
        out = True if True in results else UNKNOWN if UNKNOWN in results else False
    else:
        out = False if False in results else UNKNOWN if UNKNOWN in results else True
    if q.negated and out is not UNKNOWN:
        out = not out
    return out


@functools.cache
def unique_sets(model: type[models.Model]) -> list[tuple[tuple[str, ...], models.UniqueConstraint | None]]:
    """Each set of fields the model keeps unique: unique fields and plain unique constraints."""
    sets: list[tuple[tuple[str, ...], models.UniqueConstraint | None]] = [
        ((f.name,), None) for f in model._meta.concrete_fields if f.unique and not f.primary_key
    ]
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields and not constraint.condition:
            if not constraint.expressions:
                sets.append((tuple(constraint.fields), constraint))
    return sets


def place(instance: models.Model, errors: dict[str, list[ValidationError]], exclude: set[str]) -> dict:
    """Move constraint errors onto their fields as ConstraintErrorsOnFields does."""
    on_fields = getattr(instance, "constraint_error_fields", {})
    placed: dict[str, list[ValidationError]] = {}
    for name, items in errors.items():
        for item in items:
            target = on_fields.get(item.code or "", name)
            if target in exclude:
                target = name
            placed.setdefault(target, []).append(item)
    return placed


@functools.cache
def check_constraints_of(model: type[models.Model]) -> list[tuple[models.CheckConstraint, Q | None, frozenset[str]]]:
    """Each check constraint of the model, with its condition if the evaluator can read it (a Q) and the fields
    it names; worked out once, not per row."""
    checks = []
    for constraint in model._meta.constraints:
        if not isinstance(constraint, models.CheckConstraint):
            continue
        condition = constraint.condition
        readable = condition if isinstance(condition, Q) else None
        # An expression: the evaluator reads only Q, so the database decides.
        names = frozenset(child[0].split("__")[0] for child in _leaves(readable or Q(pk__in=[])))
        checks.append((constraint, readable, names))
    return checks


def check_constraints(instance: models.Model, exclude: set[str]) -> None:
    """The model's check constraints, without a query where the evaluator can read the condition."""
    errors: dict[str, list[ValidationError]] = {}
    for constraint, condition, names in check_constraints_of(type(instance)):
        if names & exclude:
            continue
        result = UNSUPPORTED if condition is None else evaluate(condition, instance)
        if result is UNSUPPORTED:
            try:
                constraint.validate(type(instance), instance, exclude=exclude)  # type: ignore[attr-defined]
            except ValidationError as error:
                errors.setdefault(NON_FIELD_ERRORS, []).extend(error.error_list)
        elif result is False:
            errors.setdefault(NON_FIELD_ERRORS, []).append(
                ValidationError(constraint.get_violation_error_message(), code=constraint.violation_error_code)
            )
    if errors:
        raise ValidationError(place(instance, errors, exclude))


def _leaves(q: Q) -> Iterator[tuple[str, Any]]:
    for child in q.children:
        if isinstance(child, Q):
            yield from _leaves(child)
        else:
            yield cast(tuple[str, Any], child)


def unique_error(instance: models.Model, fields: tuple[str, ...], constraint: models.UniqueConstraint | None) -> dict:
    if constraint is not None:
        error = ValidationError(constraint.get_violation_error_message(), code=constraint.violation_error_code)
        return place(instance, {NON_FIELD_ERRORS: [error]}, set())
    key = fields[0] if len(fields) == 1 else NON_FIELD_ERRORS
    return {key: [instance.unique_error_message(type(instance), fields)]}


def conflicts_in_database(
    model: type[models.Model], keyed: list[tuple[tuple[str, ...], Any, tuple, models.Model, int]]
) -> list[tuple[int, models.Model, tuple[str, ...], Any]]:
    """(row, instance, fields, constraint) for each sheet key some other row of the table already holds; one
    query per unique set."""
    found = []
    by_set: dict[tuple, list] = {}
    for fields, constraint, key, instance, number in keyed:
        by_set.setdefault((fields, id(constraint)), []).append((fields, constraint, key, instance, number))
    for entries in by_set.values():
        fields = entries[0][0]
        attnames = [attname(model, f) for f in fields]
        # Each column's values in one IN list (a superset of the keys); the keys themselves compared here.
        condition = Q(**{f"{a}__in": {key[i] for _f, _c, key, _i, _n in entries} for i, a in enumerate(attnames)})
        rows = model._base_manager.filter(condition).values_list("pk", *attnames)
        taken = {tuple(row[1:]): row[0] for row in rows}
        for _fields, constraint, key, instance, number in entries:
            holder = taken.get(key)
            if holder is not None and holder != instance.pk:
                found.append((number, instance, fields, constraint))
    return found


HISTORY_BATCH = 500  # primary keys per INSERT … SELECT, under every database's limit on parameters


def can_copy_history(model: type[models.Model]) -> bool:
    """Whether `create_history` can write this model's history: the created objects know their keys (SQLite
    and PostgreSQL say them on insert) and the historical model has only simple_history's own fields."""
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return False
    history = get_history_model_for_model(model)
    connection = connections[router.db_for_write(history)]
    return connection.features.can_return_rows_from_bulk_insert and not hasattr(history, "history_relation")


def create_history(
    instances: list[models.Model], model: type[models.Model], *, default_user: Any, default_change_reason: str
) -> None:
    """The "+" history of objects just created, as bulk_history_create writes it, copied from their rows by
    INSERT … SELECT: one query per 500 objects, the values those the database holds. Each object's user and
    reason are its `_history_user` and `_change_reason`, or the defaults; all get the same moment."""
    history = get_history_model_for_model(model)
    connection = connections[router.db_for_write(history)]
    quote = connection.ops.quote_name
    tracked = list(history.tracked_fields)
    columns = [history._meta.get_field(field.name).column for field in tracked]
    meta = history._meta
    columns += [meta.get_field(name).column for name in HISTORY_FIELDS]
    sources = ", ".join(f"{quote(model._meta.db_table)}.{quote(field.column)}" for field in tracked)
    pk = f"{quote(model._meta.db_table)}.{quote(model._meta.pk.column)}"
    moment = meta.get_field("history_date").get_db_prep_save(timezone.now(), connection)
    default = MISSING
    groups: dict[tuple, list[Any]] = {}
    for instance in instances:
        user = getattr(instance, "_history_user", MISSING)
        if user is MISSING:
            if default is MISSING:  # as bulk_history_create's default, asked once rather than per object
                default = default_user or history.get_default_history_user(instance)
            user = default
        reason = get_change_reason_from_object(instance) or default_change_reason
        groups.setdefault((getattr(user, "pk", None), reason), []).append(instance.pk)
    with connection.cursor() as cursor:
        for (user_id, reason), pks in groups.items():
            for start in range(0, len(pks), HISTORY_BATCH):
                batch = pks[start : start + HISTORY_BATCH]
                cursor.execute(
                    f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
                    f"SELECT {sources}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
                    f"WHERE {pk} IN ({', '.join(['%s'] * len(batch))}) ORDER BY {pk}",
                    [moment, user_id, reason, "+", *batch],
                )


HISTORY_FIELDS = ("history_date", "history_user", "history_change_reason", "history_type")
