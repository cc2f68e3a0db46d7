"""When the cooperation agreement is due for revision: every second year, first in 2010."""

import datetime
from dataclasses import dataclass

from .models import CooperationAgreement


def revision_years(agreement: CooperationAgreement, *, until: int) -> list[int]:
    """The years the agreement is due for revision, from the first up to and including `until`."""
    return list(range(agreement.first_revision_year, until + 1, agreement.revision_interval_years))


def next_revision_year(agreement: CooperationAgreement, *, today: datetime.date) -> int:
    """The first revision year that is this year or later: the agreement is revised every Nth year."""
    first, step = agreement.first_revision_year, agreement.revision_interval_years
    if today.year <= first:
        return first
    return first + -(-(today.year - first) // step) * step


@dataclass(frozen=True)
class Revision:
    """The agreement's next revision as the dashboard shows it."""

    agreement: CooperationAgreement
    year: int
    this_year: bool


def next_revision(agreement: CooperationAgreement | None, *, today: datetime.date) -> Revision | None:
    """When the cooperation agreement the plan rests on is next due for revision; None without one."""
    if agreement is None:
        return None
    year = next_revision_year(agreement, today=today)
    return Revision(agreement, year, this_year=year == today.year)
