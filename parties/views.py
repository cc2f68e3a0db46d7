"""A party's page: who it is, how it hangs together with the other parties, what it is responsible for
across the plan, what it pays and whether it signed the cooperation agreement."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from byaftale.access import reads_plan
from cooperation.models import Signatory
from projects.models import FinancingItem, Responsibility

from .models import Party


def parties_for_page():  # noqa: ANN201 - a QuerySet of Party
    signatures = Signatory.objects.select_related("agreement")
    return Party.objects.select_related("administered_by", "part_of").prefetch_related(
        Prefetch("signatures", queryset=signatures),
        Prefetch("administered_by__signatures", queryset=signatures),
        Prefetch("administers", queryset=Party.objects.prefetch_related(Prefetch("signatures", queryset=signatures))),
        Prefetch("units", queryset=Party.objects.prefetch_related(Prefetch("signatures", queryset=signatures))),
        Prefetch(
            "responsibilities",
            queryset=Responsibility.objects.select_related("project__area", "grouping__area", "area"),
        ),
        Prefetch(
            "financing_items",
            queryset=FinancingItem.objects.select_related("project__area").order_by(
                "project__area__position", "project__number", "kind", "id"
            ),
        ),
    )


def scope_order(responsibility: Responsibility) -> tuple:
    """Whole areas first, then lines and themes, then projects, each in the plan's order."""
    if responsibility.area is not None:
        return (responsibility.area.position, 0, 0)
    if responsibility.grouping is not None:
        return (responsibility.grouping.area.position, 1, responsibility.grouping.position)
    project = responsibility.project
    assert project is not None  # a responsibility is stated for exactly one of area, line or theme, project
    return (project.area.position, 2, project.number)


@require_GET
@reads_plan
def party(request: HttpRequest, pk: int) -> HttpResponse:
    party = get_object_or_404(parties_for_page(), pk=pk)
    signatures = list(party.signatures.all())
    administrator_signatures = (
        list(party.administered_by.signatures.all()) if party.administered_by and not signatures else []
    )
    return render(
        request,
        "parties/party.html",
        {
            "party": party,
            "responsibilities": sorted(party.responsibilities.all(), key=scope_order),
            "financing_items": list(party.financing_items.all()),
            "signatures": signatures,
            "administrator_signatures": administrator_signatures,
            "administers": list(party.administers.all()),
            "units": list(party.units.all()),
        },
    )
