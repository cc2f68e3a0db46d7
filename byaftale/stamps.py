"""Stamps that move with every write to a set of tables, for the keys of cached page parts (`write_stamp`).

A stamp is read in one query whose cost does not grow with the tables, so that a cached page stays cheap at
5,000 projects. For each table it reads:

- its highest id, moved by any insert, `bulk_create` without history (the demo generator) included;
- its newest history record, id and date, moved by every save and delete: the admin's, the forms', the
  imports' `bulk_*_with_history`, a queryset's delete (each through the model's signals). The date too,
  because ids are handed out again after a rollback and dates are not.

A bulk `.update()` writes neither. Where a page shows rows that may be written that way, its stamp adds what
moves with them (`projects.page_stamp` adds the versions of the rows stated for the project, which
`Versioned` bumps and a bulk update must bump too).

The SQL is written out once per process: the ORM would compile a subquery per column on every request,
which costs more than the rest of a cached page.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from django.db import connection, models

# How long a cached part is kept at most: its key moves with every write, and `today` is part of it.
CACHE_SECONDS = 24 * 60 * 60


@cache
def latest_write_columns(tables: tuple[type[models.Model], ...], vendor: str) -> tuple[str, ...]:
    """The SELECT's columns for `tables`: highest id, newest history id and date (`vendor`: the quoting is the
    backend's, and a process may talk to one backend only, but the cache is keyed on it all the same)."""
    quote = connection.ops.quote_name
    columns = []
    for model in tables:
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        columns.append(f"(SELECT MAX({pk}) FROM {table})")
        history = getattr(model, "history", None)  # simple-history's manager, where the model keeps history
        if history is not None:
            history_table = quote(history.model._meta.db_table)
            columns += [
                f"(SELECT MAX({quote('history_id')}) FROM {history_table})",
                f"(SELECT MAX({quote('history_date')}) FROM {history_table})",
            ]
    return tuple(columns)


def write_stamp(
    tables: Iterable[type[models.Model]],
    *,
    today: datetime.date,
    variant: Sequence[Any] = (),
    extra_columns: Sequence[str] = (),
    params: Mapping[str, Any] | None = None,
    values: Sequence[Any] = (),
) -> str:
    """A key that moves with every write to `tables`, with `today` and with `variant` (the language and what
    the reader may see); `extra_columns` (SQL with `%(name)s` parameters from `params`) and `values` (read
    already) add what the tables' marks do not cover. One query."""
    columns = [*latest_write_columns(tuple(tables), connection.vendor), *extra_columns]
    with connection.cursor() as cursor:
        # Named parameters as the backend wants them: SQLite takes %(name)s only through a dict, which the
        # PostgreSQL driver takes too.
        cursor.execute("SELECT " + ", ".join(columns), dict(params or {}))
        row = cursor.fetchone()
    text = repr((row, tuple(values), today, tuple(variant)))
    return hashlib.sha256(text.encode()).hexdigest()[:32]
