"""What lets a sheet import run near the speed of a plain `bulk_create`: work done once per sheet, not per row.

- `lookup()`: a cache that lives for one import, so a focus area, a line or a party named in a thousand rows
  is looked up once;
- `SheetInstanceLoader`: the rows' existing objects in one query, keyed by the import's id columns;
- `check_constraints()`: a model's check constraints evaluated in Python on the instance (no query per row;
  anything the evaluator does not know goes to the database as Django would), with unique constraints
  checked per sheet: duplicates within the sheet at once, against the database in one query per constraint.

Errors are the model's own messages on the same fields as `ConstraintErrorsOnFields` places them, so an import
names the row and the column exactly as before.
"""

from __future__ import annotations

import contextvars
import operator
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, cast

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import F, Q
from import_export.instance_loaders import BaseInstanceLoader

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


def attname(model: type[models.Model], name: str) -> str:
    """The column attribute of a concrete field ("area_id" for "area")."""
    return cast(models.Field, model._meta.get_field(name)).attname


class SheetInstanceLoader(BaseInstanceLoader):
    """Every object the sheet's rows name by their id columns, read in one query when first asked for."""

    def __init__(self, resource: Any, dataset: Any = None) -> None:
        super().__init__(resource, dataset)
        self.loaded: dict[tuple, models.Model] | None = None

    def key(self, row: dict) -> tuple | None:
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


def _value(instance: models.Model, name: str) -> Any:
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return UNSUPPORTED
    if field.is_relation:
        return getattr(instance, attname(type(instance), name))
    return getattr(instance, name)


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


def check_constraints(instance: models.Model, exclude: set[str]) -> None:
    """The model's check constraints, without a query where the evaluator can read the condition."""
    errors: dict[str, list[ValidationError]] = {}
    for constraint in instance._meta.constraints:
        if not isinstance(constraint, models.CheckConstraint):
            continue
        condition = constraint.condition
        if not isinstance(condition, Q):
            condition = Q(pk__in=[])  # an expression: the evaluator reads only Q, so the database decides
        names = {child[0].split("__")[0] for child in _leaves(condition)}
        if names & exclude:
            continue
        result = evaluate(condition, instance) if isinstance(constraint.condition, Q) else UNSUPPORTED
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
