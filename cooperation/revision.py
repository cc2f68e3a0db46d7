"""When the cooperation agreement is due for revision: every second year, first in 2010 (§7), and two years
after the last revision held once one is recorded."""

import datetime
from dataclasses import dataclass

from .models import AgreementRevision, CooperationAgreement


def revision_years(agreement: CooperationAgreement, *, until: int) -> list[int]:
    """The years the agreement is due for revision, from the first up to and including `until`."""
    return list(range(agreement.first_revision_year, until + 1, agreement.revision_interval_years))


def next_revision_year(agreement: CooperationAgreement, *, today: datetime.date) -> int:
    """The first revision year that is this year or later: the agreement is revised every Nth year."""
    first, step = agreement.first_revision_year, agreement.revision_interval_years
    if today.year <= first:
        return first
    return first + -(-(today.year - first) // step) * step


def years_later(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Revision:
    """The agreement's next revision as the dashboard and the agreement's page show it: due by `due_on`,
    two years (the interval) after the last revision held, or by the rule (within the year) until one is."""

    agreement: CooperationAgreement
    year: int
    this_year: bool
    due_on: datetime.date | None = None
    last_held: AgreementRevision | None = None
    overdue: bool = False


def next_revision(
    agreement: CooperationAgreement | None,
    *,
    today: datetime.date,
    revisions: list[AgreementRevision] | None = None,
) -> Revision | None:
    """When the cooperation agreement the plan rests on is next due for revision; None without one. One query
    for the last revision held, unless `revisions` (all of the agreement's) are given."""
    if agreement is None:
        return None
    if revisions is None:
        revisions = list(agreement.revisions.filter(held_on__lte=today).order_by("-held_on")[:1])
    held = [r for r in revisions if r.held_on <= today]
    last = max(held, key=lambda r: r.held_on) if held else None
    if last is not None:
        due = years_later(last.held_on, agreement.revision_interval_years)
        return Revision(agreement, due.year, due.year == today.year, due, last, overdue=today > due)
    year = next_revision_year(agreement, today=today)
    return Revision(agreement, year, this_year=year == today.year, due_on=datetime.date(year, 12, 31))
