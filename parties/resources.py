"""The parties as a spreadsheet: one row a party, other parties named by their names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from import_export.instance_loaders import ModelInstanceLoader

from byaftale.bulk_import import lookup
from byaftale.sheets import ChoiceWidget, Column, LookupWidget, SheetResource, TextWidget, YesNoWidget

from .models import Party


class PartyWidget(LookupWidget):
    """A party by its name, or by its short name (BO) where that is unambiguous."""

    def find(self, text: str, row: dict[str, Any]) -> Party:
        return lookup(("party", text), lambda: self.find_uncached(text))

    def find_uncached(self, text: str) -> Party:
        matches = list(Party.objects.filter(name=text)) or list(
            Party.objects.filter(Q(name__iexact=text) | Q(short_name__iexact=text))
        )
        if len(matches) == 1:
            return matches[0]
        if matches:
            names = ", ".join(f"«{party.name}»" for party in matches)
            raise ValueError(gettext("«%(value)s» could be any of %(names)s.") % {"value": text, "names": names})
        raise ValueError(gettext("No party is called «%(value)s».") % {"value": text})

    def name(self, value: Party) -> str:
        return value.name


def referenced_first(parties: Iterable[Party]) -> Iterator[Party]:
    """The parties ordered so that one that administers or contains another comes before it.

    A sheet is imported row by row, so an exported sheet in this order imports into an empty table.
    """
    pending = {party.pk: party for party in parties}
    placed: set[int] = set()

    def place(party: Party, path: frozenset[int]) -> Iterator[Party]:
        for parent_id in (party.administered_by_id, party.part_of_id):
            if parent_id in pending and parent_id not in placed and parent_id not in path:
                yield from place(pending[parent_id], path | {party.pk})
        if party.pk not in placed:
            placed.add(party.pk)
            yield party

    for party in list(pending.values()):
        yield from place(party, frozenset())


class PartyResource(SheetResource):
    name = Column(Party, "name", TextWidget())
    name_by_portal = Column(Party, "name_by_portal", YesNoWidget())
    short_name = Column(Party, "short_name", TextWidget())
    kind = Column(Party, "kind", ChoiceWidget(Party.Kind))
    administered_by = Column(Party, "administered_by", PartyWidget())
    part_of = Column(Party, "part_of", PartyWidget())
    description = Column(Party, "description", TextWidget())
    description_by_portal = Column(Party, "description_by_portal", YesNoWidget())

    class Meta:
        model = Party
        fields = (
            "name", "name_by_portal", "short_name", "kind", "administered_by", "part_of",
            "description", "description_by_portal",
        )  # fmt: skip
        import_order = export_order = fields
        import_id_fields = ("name",)
        # A row may name a party an earlier row of the same sheet creates (administered by, part of): rows are
        # saved one by one, so each finds the ones above it.
        use_bulk = False
        instance_loader_class = ModelInstanceLoader

    def filter_export(self, queryset: QuerySet[Party], **kwargs: Any) -> QuerySet[Party]:
        return queryset.select_related("administered_by", "part_of")

    def iter_queryset(self, queryset: Iterable[Party]) -> Iterator[Party]:
        return referenced_first(super().iter_queryset(queryset))
