"""Reasons written to a project's history as language-neutral facts, and read back in the reader's language.

A history row outlives the request that wrote it, so it must not hold the writer's language: a status report
that moves a project's progress is stored as ``status-report <ISO date> <light>``, for example
``status-report 2026-12-01 yellow``, and shown as «Statusrapport 1. december 2026: gul: i risiko» in Danish
and «Status report 1 December 2026: yellow: at risk» in English. Other reasons are shown as stored.
"""

from __future__ import annotations

import datetime
import re

from django.utils.formats import date_format
from django.utils.translation import gettext

from .models import StatusReport

STATUS_REPORT_FACT = re.compile(r"^status-report (?P<date>\d{4}-\d{2}-\d{2}) (?P<light>green|yellow|red)$")


def status_report_reason(report: StatusReport) -> str:
    """The fact a report leaves in its project's history: «status-report 2026-12-01 yellow»."""
    return f"status-report {report.date.isoformat()} {report.light}"


def readable_reason(reason: str) -> str:
    """A stored history reason in the active language; a reason that is no known fact is shown as stored."""
    match = STATUS_REPORT_FACT.match(reason or "")
    if match is None:
        return reason
    when = datetime.date.fromisoformat(match["date"])
    return gettext("Status report %(date)s: %(light)s") % {
        "date": date_format(when),
        "light": StatusReport.Light(match["light"]).label,
    }
