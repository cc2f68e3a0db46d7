"""Deleting projects without losing their history, and bringing a deleted project back whole.

A project with registered hours or status reports cannot be deleted: those foreign keys PROTECT it, and it is
cancelled instead. A project without them goes with its responsibilities, milestones, financing figures, relations
in and out and contact persons. Every row deleted leaves a deletion record ("-") in its history, and
`projects_delete` gives all the records of one deletion the same time and reason, and keeps the contact persons in
the project's deletion record, so that `project_restore` can bring back exactly what went with the project.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext

from .models import FinancingItem, Milestone, Project, Relation, Responsibility

# What goes with a project when it is deleted, and which of their foreign keys point at it.
DELETED_WITH_PROJECT: dict[type[models.Model], tuple[str, ...]] = {
    Responsibility: ("project_id",),
    Milestone: ("project_id",),
    FinancingItem: ("project_id",),
    Relation: ("from_project_id", "to_project_id"),
}
REASON_LENGTH = 100  # simple-history's history_change_reason


def _reason(text: str) -> str:
    return Truncator(text).chars(REASON_LENGTH)


def _deleted_with(instance: models.Model, projects: dict[int, Project]) -> Project | None:
    """The deleted project a cascaded row belonged to (the first one, for a relation between two of them)."""
    for attname in DELETED_WITH_PROJECT.get(type(instance), ()):
        project = projects.get(getattr(instance, attname))
        if project is not None:
            return project
    return None


def _record_contact_persons(record: Any, rows: Iterable[tuple[int, int]]) -> None:
    """Store the contact persons' rows (id, user) in a project's history record, as simple-history does on a save."""
    history = record.contact_persons.model
    history.objects.bulk_create(
        history(history=record, id=row_id, project_id=record.id, user_id=user_id) for row_id, user_id in rows
    )


@transaction.atomic
def projects_delete(*, projects: Iterable[Project]) -> int:
    """Delete the projects and what belongs to them; raises ProtectedError, deleting nothing, if any has hours or
    status reports. Returns the number of rows deleted."""
    projects = list(projects)
    if not projects:
        return 0
    collector = Collector(using=router.db_for_write(Project))
    collector.collect(projects)  # ProtectedError here: nothing has been touched
    by_pk = {project.pk: project for project in projects}
    # One time and one reason for the whole deletion: that is how its records are found again to restore it.
    when = timezone.now()
    for instances in collector.data.values():
        for instance in instances:
            project = _deleted_with(instance, by_pk)
            instance._history_date = when  # type: ignore[attr-defined]  # django-simple-history reads these
            instance._change_reason = _reason(  # type: ignore[attr-defined]  # on delete
                gettext("Deleted with the project «%(project)s».") % {"project": project}
                if project is not None
                else gettext("Deleted.")
            )
    through = Project.contact_persons.through
    contact_persons: dict[int, list[tuple[int, int]]] = {}
    for row_id, project_id, user_id in through.objects.filter(project__in=projects).values_list(
        "id", "project_id", "user_id"
    ):
        contact_persons.setdefault(project_id, []).append((row_id, user_id))
    deleted, _ = collector.delete()
    # The contact persons' rows are gone before the project's deletion record is written; keep them in it.
    for record in Project.history.filter(history_type="-", history_date=when, id__in=contact_persons):
        _record_contact_persons(record, contact_persons[record.id])
    return deleted


def project_delete(*, project: Project) -> int:
    """Delete one project as `projects_delete` does."""
    return projects_delete(projects=[project])


def deletion_record(*, project_id: int) -> Any | None:
    """The history record of a project's deletion, if the project is deleted (and not restored since)."""
    if Project.objects.filter(pk=project_id).exists():
        return None
    latest = Project.history.filter(id=project_id).order_by("-history_date", "-history_id").first()
    return latest if latest is not None and latest.history_type == "-" else None


def _deleted_at(model: type[models.Model], when: datetime.datetime, project_id: int) -> list[Any]:
    condition = models.Q()
    for attname in DELETED_WITH_PROJECT[model]:
        condition |= models.Q(**{attname: project_id})
    deleted = model.history.filter(condition, history_type="-", history_date=when)  # type: ignore[attr-defined]  # simple-history's
    return list(deleted.order_by("history_id"))


@transaction.atomic
def project_restore(*, project_id: int) -> Project:
    """Bring back a deleted project with the rows deleted with it: responsibilities, milestones, financing figures,
    relations (those whose other end exists) and contact persons. Each restored row's history says so.

    Raises ValidationError, restoring nothing, if the project is not deleted or a row no longer fits (another project
    has taken its number, a party it named is gone)."""
    record = deletion_record(project_id=project_id)
    if record is None:
        raise ValidationError(gettext("The project is not deleted, so there is nothing to restore."))
    project = record.instance
    reason = _reason(gettext("Restored with the project «%(project)s».") % {"project": project})
    project._state.adding = True
    project.full_clean(validate_unique=True)
    project._change_reason = _reason(gettext("Restored the deleted project."))
    project.save(force_insert=True)
    users = get_user_model().objects.filter(pk__in=[row.user_id for row in record.contact_persons.all()])
    rows = [(row.id, row.user_id) for row in record.contact_persons.filter(user_id__in=users)]  # users still there
    if rows:
        # Rows written directly, so the restore is one history record that already names the contact persons.
        through = Project.contact_persons.through
        through.objects.bulk_create(
            through(id=row_id, project_id=project.pk, user_id=user_id) for row_id, user_id in rows
        )
        _record_contact_persons(project.history.latest(), rows)
    for model in DELETED_WITH_PROJECT:
        for deleted in _deleted_at(model, record.history_date, project.pk):
            row = deleted.instance
            if isinstance(row, Relation) and not _both_ends_exist(row):
                continue  # restored with the other project, when that is restored
            row._state.adding = True
            try:
                row.full_clean()
            except ValidationError as error:
                raise ValidationError(
                    gettext("%(row)s cannot be restored: %(errors)s")
                    % {"row": f"{model._meta.verbose_name} «{row}»", "errors": " ".join(error.messages)}
                ) from error
            row._change_reason = reason
            row.save(force_insert=True)
    return project


def _both_ends_exist(relation: Relation) -> bool:
    ends = {relation.from_project_id, relation.to_project_id} - {None}
    return Project.objects.filter(pk__in=ends).count() == len(ends)
