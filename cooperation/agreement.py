"""The agreement's page: its sections as revised (with their earlier wordings), tasks, signatories and
revisions, and when it is next due for revision (cooperation.revision)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch

from .models import AgreementRevision, AgreementSection, CooperationAgreement, SectionText, Signatory
from .revision import Revision, next_revision


@dataclass
class AgreementPage:
    agreement: CooperationAgreement
    sections: list[AgreementSection]
    tasks: list
    signatories: list[Signatory]
    revisions: list[AgreementRevision]
    due: Revision | None

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
        due=next_revision(agreement, today=today, revisions=revisions),
    )
