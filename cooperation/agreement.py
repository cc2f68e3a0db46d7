"""The agreement's page and its revisions: what the portal shows of the cooperation agreement, and when it is
next due for revision.

The rule (§7) says every second year, first in 2010; once a revision has been held the next is due two years
after it, whatever the calendar rule says, and it is overdue the day after.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch

from .models import AgreementRevision, AgreementSection, CooperationAgreement, SectionText, Signatory


def years_later(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class RevisionDue:
    """When the agreement is next due for revision, after which revision, and whether that day has passed."""

    agreement: CooperationAgreement
    due_on: datetime.date
    last: AgreementRevision | None
    overdue: bool

    @property
    def by_rule(self) -> bool:
        """No revision held yet: the date comes from the rule (the end of the first revision year)."""
        return self.last is None


def revision_due(
    agreement: CooperationAgreement, *, today: datetime.date, revisions: list[AgreementRevision] | None = None
) -> RevisionDue:
    """The next revision: two years (the agreement's interval) after the last one held, or by the rule within
    the first revision year. One query unless `revisions` are given."""
    if revisions is None:
        revisions = list(agreement.revisions.filter(held_on__lte=today).order_by("-held_on")[:1])
    held = sorted((r for r in revisions if r.held_on <= today), key=lambda r: r.held_on)
    last = held[-1] if held else None
    if last is not None:
        due = years_later(last.held_on, agreement.revision_interval_years)
    else:
        due = datetime.date(agreement.first_revision_year, 12, 31)
    return RevisionDue(agreement, due, last, overdue=today > due)


@dataclass
class AgreementPage:
    agreement: CooperationAgreement
    sections: list[AgreementSection]
    tasks: list
    signatories: list[Signatory]
    revisions: list[AgreementRevision]
    due: RevisionDue

    @property
    def signatories_by_side(self) -> list[tuple[str, list[Signatory]]]:
        sides: dict[str, list[Signatory]] = {}
        for signatory in self.signatories:
            sides.setdefault(signatory.get_side_display(), []).append(signatory)
        return list(sides.items())


def agreement_page(agreement: CooperationAgreement, *, today: datetime.date) -> AgreementPage:
    """The agreement with its sections (each with the wordings revisions gave it), tasks, signatories and
    revisions. Seven queries whatever their number."""
    sections = list(
        agreement.sections.prefetch_related(
            Prefetch("texts", queryset=SectionText.objects.select_related("revision"))
        ).order_by("number")
    )
    revisions = list(
        agreement.revisions.prefetch_related(
            Prefetch("changed_sections", queryset=AgreementSection.objects.order_by("number"))
        ).order_by("-held_on")
    )
    return AgreementPage(
        agreement=agreement,
        sections=sections,
        tasks=list(agreement.tasks.order_by("position")),
        signatories=list(agreement.signatories.select_related("party").order_by("position")),
        revisions=revisions,
        due=revision_due(agreement, today=today, revisions=revisions),
    )
