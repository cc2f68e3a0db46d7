"""Keeping the plan alive: who may report on a project, filing status reports and hours, and which
projects have gone too long without a report.

The secretariat registers hours and status for any project, the steering group files status reports,
and a project's contact persons do both for their own projects.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as Account
from django.db import transaction

from byaftale.access import ADD_HOUR_REGISTRATION, ADD_STATUS_REPORT

from .history_reasons import status_report_reason
from .models import Project, StatusReport
from .phase import UNDER_WAY, phase_of

User = Account | AnonymousUser


def is_contact_person(user: User, project: Project) -> bool:
    if not user.is_authenticated:
        return False
    if hasattr(project, "_prefetched_objects_cache") and "contact_persons" in project._prefetched_objects_cache:
        return any(person.pk == user.pk for person in project.contact_persons.all())
    return project.contact_persons.filter(pk=user.pk).exists()


def can_report_status(user: User, project: Project) -> bool:
    return user.has_perm(ADD_STATUS_REPORT) or is_contact_person(user, project)


def can_register_hours(user: User, project: Project) -> bool:
    return user.has_perm(ADD_HOUR_REGISTRATION) or is_contact_person(user, project)


@transaction.atomic
def file_status_report(report: StatusReport) -> StatusReport:
    """Save a validated report; where it gives a progress and is the newest report, the project takes the
    progress over, with the report as the reason in the project's history.

    Only the project's progress (and its version) is written, from the project as it stands in the database,
    so a report never reverts a field someone else changed. A back-dated report, older than the project's
    newest, is stored but leaves the newer progress alone.
    """
    # The row lock makes concurrent reports on a project take turns, so the newest one's progress wins.
    project = Project.objects.select_for_update().get(pk=report.project_id)
    report.project = project
    report.save()
    if report.progress is None or report.progress == project.progress:
        return report
    if StatusReport.objects.filter(project=project, date__gt=report.date).exists():
        return report
    project.progress = report.progress
    project._change_reason = status_report_reason(report)
    project.save(update_fields=["progress"])
    return report


def report_interval_weeks() -> int:
    return settings.STATUS_REPORT_WEEKS


def report_due_since(today: datetime.date, weeks: int | None = None) -> datetime.date:
    """A project whose latest report is older than this date is flagged."""
    return today - datetime.timedelta(weeks=report_interval_weeks() if weeks is None else weeks)


def needs_report(project: Project, today: datetime.date, weeks: int | None = None) -> bool:
    """A project under way (running or late, `projects.phase`) without a report in the last `weeks` weeks.

    The project must be annotated by `Project.objects.with_latest_report()` (and best `.with_hours_used()`).
    """
    if phase_of(project, today=today) not in UNDER_WAY:
        return False
    return project.latest_report_date is None or project.latest_report_date < report_due_since(today, weeks)
