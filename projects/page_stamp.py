"""A stamp that moves with every write a project's page shows, for the key of its cached parts (`page_stamp`).

The page's plan content (facts, time plan, milestones, responsibilities, relations, financing) draws on the
project's own row and on rows around it: its area and line or theme, the area's milestones, responsibilities
and relations, the parties and the other projects it names. The stamp is read in one query whose cost does not
grow with the plan, so that a cached page stays cheap at 5,000 projects:

- the project's own row with its annotations (hours used, the latest report), already fetched for the page:
  any change to it, by any path, moves the stamp;
- for each table the page reads, its highest id (moved by any insert, `bulk_create` included) and its newest
  history record, id and date (moved by every save and delete, the admin's, the forms', the imports'
  `bulk_*_with_history`, and a queryset's delete; the date because ids are handed out again after a
  rollback, dates are not);
- the sum of the versions of the rows stated for this project, its line or theme and its area, read through
  their indexes (moved by every save: `Versioned` bumps it, and a bulk update must bump it too, as for
  `projects.plan.plan_revision`).

The tables' marks are `byaftale.stamps.write_stamp`'s; this module adds the project's own rows.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import connection, models

from areas.models import FocusArea, Grouping
from byaftale.stamps import write_stamp
from parties.models import Party

from .models import FinancingItem, Milestone, Project, Relation, Responsibility

# Every table whose rows a project's page shows beside the project's own row.
PAGE_MODELS: tuple[type[models.Model], ...] = (
    FocusArea,
    Grouping,
    Project,
    Milestone,
    Responsibility,
    Relation,
    FinancingItem,
    Party,
)

# The rows stated for the project (%(project)s), its line or theme (%(grouping)s) or its area (%(area)s).
OWN_ROWS: tuple[tuple[type[models.Model], str], ...] = (
    (Milestone, "project_id = %(project)s OR area_id = %(area)s"),
    (Responsibility, "project_id = %(project)s OR grouping_id = %(grouping)s OR area_id = %(area)s"),
    (Relation, "from_project_id = %(project)s OR to_project_id = %(project)s OR to_area_id = %(area)s"),
    (FinancingItem, "project_id = %(project)s"),
)


def _row_values(project: Project) -> Sequence[Any]:
    """The project's own fields and the annotations the page reads (hours used, latest report)."""
    annotations = ("hours_used", "hour_registration_count", "latest_report_date", "latest_report_light")
    return [
        *(getattr(project, field.attname) for field in Project._meta.concrete_fields),
        *(getattr(project, name, None) for name in annotations),
    ]


def page_stamp(project: Project, *, today: datetime.date, variant: Sequence[Any]) -> str:
    """The key of the project's cached page parts as of `today` for one kind of reader (`variant`: the
    language and what the reader may see); one query."""
    quote = connection.ops.quote_name
    own = [
        f"(SELECT SUM({quote('version')}) FROM {quote(model._meta.db_table)} WHERE {condition})"
        for model, condition in OWN_ROWS
    ]
    return write_stamp(
        PAGE_MODELS,
        today=today,
        variant=variant,
        extra_columns=own,
        params={"project": project.pk, "grouping": project.grouping_id or 0, "area": project.area_id},
        values=_row_values(project),
    )
