"""When a project or a focus area was last changed, and by whom, read from the history of everything
that belongs to it: a new milestone or an hour registration changes the project as much as a new end date.

Who follows progress (the dashboard's readers, a project's contact persons) reads who made the change and what
it was. Everyone else, the board members, reads only the date of the newest change to the plan's content: the
staff's names, hours and status reports (whose traffic light a project's history gives as the reason for a new
progress) are not theirs to see.

One query, whatever the amount of history: the history tables are combined with UNION and the newest row wins.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import CharField, Q, QuerySet, Value
from django.utils.translation import gettext

from areas.models import AreaSection, FocusArea, Grouping

from .history_reasons import readable_reason
from .models import FinancingItem, HourRegistration, Milestone, Project, Relation, Responsibility, StatusReport


@dataclass(frozen=True)
class Change:
    when: datetime.datetime
    who: str  # "" when nobody signed in made it (the seed load), or for a reader who may not know
    what: str  # "" for a reader who may not know


@cache
def _historical(model: type[models.Model]) -> type[models.Model]:
    """The model's history table. Kept, because `model.history` builds a new manager class on each access,
    which cost a project's page more than its query."""
    return model.history.model  # type: ignore[attr-defined]  # django-simple-history's manager


def _history(model: type[models.Model], condition: Q) -> QuerySet:
    return (
        _historical(model)
        ._default_manager.filter(condition)
        .annotate(model_label=Value(model._meta.label_lower, output_field=CharField()))
        .values_list("history_date", "history_user_id", "history_type", "history_change_reason", "model_label")
        .order_by()
    )


def _newest(queries: list[QuerySet], *, detailed: bool) -> Change | None:
    first, *rest = queries
    rows = list(first.union(*rest, all=True).order_by("-history_date")[:1])
    if not rows:
        return None
    when, user_id, change_type, reason, label = rows[0]
    if not detailed:
        return Change(when=when, who="", what="")
    model = apps.get_model(label)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    who = (user.get_full_name() or user.get_username()) if user else ""
    return Change(when=when, who=who, what=readable_reason(reason) if reason else describe(model, change_type))


def describe(model: type[models.Model], change_type: str) -> str:
    """«Milepæl tilføjet», «projekt ændret»: the model's name and what happened to it."""
    action = {
        "+": gettext("%(thing)s added"),
        "~": gettext("%(thing)s changed"),
        "-": gettext("%(thing)s deleted"),
    }[change_type]
    return (action % {"thing": model._meta.verbose_name}).capitalize()


def last_change_for_project(project: Project, *, follows_progress: bool) -> Change | None:
    """The newest change to the project or anything of it: responsibilities, relations it states,
    financing, milestones, and for those who follow progress hours and status reports, with who and what.

    For anyone else only the date of the newest change to the plan's content."""
    plan_content = [
        _history(Project, Q(id=project.pk)),
        _history(Responsibility, Q(project_id=project.pk)),
        _history(Relation, Q(from_project_id=project.pk)),
        _history(FinancingItem, Q(project_id=project.pk)),
        _history(Milestone, Q(project_id=project.pk)),
    ]
    if not follows_progress:
        return _newest(plan_content, detailed=False)
    follow_up = [
        _history(HourRegistration, Q(project_id=project.pk)),
        _history(StatusReport, Q(project_id=project.pk)),
    ]
    return _newest(plan_content + follow_up, detailed=True)


def last_change_for_area(area: FocusArea, *, follows_progress: bool) -> Change | None:
    """The newest change to the area, its sections, lines and themes, responsibilities and milestones
    stated for it, or any of its projects (their own fields; a project's page tells the rest).

    Who made it and what it was only for those who follow progress: a project's change may be a status
    report's progress, with the report's traffic light as its reason."""
    return _newest(
        [
            _history(FocusArea, Q(id=area.pk)),
            _history(AreaSection, Q(area_id=area.pk)),
            _history(Grouping, Q(area_id=area.pk)),
            _history(Responsibility, Q(area_id=area.pk)),
            _history(Milestone, Q(area_id=area.pk)),
            _history(Project, Q(area_id=area.pk)),
        ],
        detailed=follows_progress,
    )
