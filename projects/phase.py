"""The one definition of where a project stands on a day: planned, running, late, paused, done or cancelled.

Every count, chart, list and label of the dashboard, the area pages and the project page reads a project's
phase from here, so "i gang" means the same everywhere. The rules, in order:

1. Status «afsluttet» (done) → done; status «aflyst» (cancelled) → cancelled; status «sat i bero» (paused)
   → paused. These are decisions the secretariat records, and the data cannot overrule them.
2. A project has *started* when its status is «i gang», or its start date has passed (is today or before),
   or hours are registered on it, or its progress is above 0 %, or a status report has been filed on it.
3. A started project whose end date has passed (is before today) → late: running past its end.
   A started project otherwise → running.
4. Anything else → planned: status «ikke startet», no start date passed and no work recorded.

The stored status stays what the secretariat set. Where it says «ikke startet» but the data shows the
project has started, the project counts once, by its phase, and `status_mismatch` gives the reasons so the
secretariat can correct the status.

`phase_of` works on one project fetched with its hours and latest report annotated (`Project.objects.with_hours_used()
.with_latest_report()`); `phase_expression` is the same rules as an SQL expression for
`Project.objects.with_phase(today=…)`. Tests hold the two to the same answer over the seed and generated data.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.db.models.expressions import Expression
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from .models import HourRegistration, Project, StatusReport

Phase = Project.Phase
Status = Project.Status

# The phases in which a project is under way: these need status reports and show as «i gang».
UNDER_WAY = (Phase.RUNNING, Phase.LATE)

# A recorded decision the data cannot overrule (rule 1).
DECIDED: dict[str, str] = {Status.DONE: Phase.DONE, Status.CANCELLED: Phase.CANCELLED, Status.PAUSED: Phase.PAUSED}


def _hours_used(project: Project) -> Decimal:
    if hasattr(project, "hours_used"):
        return project.hours_used
    # A project fetched without the annotation (a single object) asks once.
    return Decimal(1) if project.hour_registrations.exists() else Decimal(0)


def _has_report(project: Project) -> bool:
    if hasattr(project, "latest_report_date"):
        return project.latest_report_date is not None
    return project.status_reports.exists()


def has_started(project: Project, *, today: datetime.date) -> bool:
    """Rule 2: the status says so, or the start date has passed, or work is recorded."""
    return (
        project.status == Status.IN_PROGRESS
        or (project.start_date is not None and project.start_date <= today)
        or _hours_used(project) > 0
        or project.progress > 0
        or _has_report(project)
    )


def phase_of(project: Project, *, today: datetime.date) -> str:
    """The project's Project.Phase on `today`, by the rules in this module's docstring."""
    if project.status in DECIDED:
        return DECIDED[project.status]
    if not has_started(project, today=today):
        return Phase.PLANNED
    if project.end_date is not None and project.end_date < today:
        return Phase.LATE
    return Phase.RUNNING


def status_mismatch(project: Project, *, today: datetime.date) -> list[str]:
    """Why the data says a project marked «ikke startet» has started; empty when status and data agree."""
    if project.status != Status.NOT_STARTED:
        return []
    reasons = []
    if project.start_date is not None and project.start_date <= today:
        reasons.append(_("the start date %(date)s has passed") % {"date": date_format(project.start_date)})
    hours = _hours_used(project)
    if hours > 0 and hasattr(project, "hours_used"):
        reasons.append(_("%(hours)s hours are registered") % {"hours": number_format(hours, decimal_pos=2)})
    elif hours > 0:
        reasons.append(_("hours are registered"))
    if project.progress > 0:
        reasons.append(_("progress is %(percent)d %%") % {"percent": project.progress})
    if _has_report(project):
        reasons.append(_("a status report is filed"))
    return reasons


def phase_expression(*, today: datetime.date) -> Expression:
    """`phase_of` as an SQL expression over Project rows (used by `Project.objects.with_phase`)."""
    started = (
        Q(status=Status.IN_PROGRESS)
        | Q(start_date__lte=today)
        | Q(progress__gt=0)
        | Q(Exists(HourRegistration.objects.filter(project=OuterRef("pk"), hours__gt=0)))
        | Q(Exists(StatusReport.objects.filter(project=OuterRef("pk"))))
    )
    return Case(
        *(When(status=status, then=Value(phase)) for status, phase in DECIDED.items()),
        When(started & Q(end_date__lt=today), then=Value(Phase.LATE)),
        When(started, then=Value(Phase.RUNNING)),
        default=Value(Phase.PLANNED),
        output_field=CharField(),
    )
