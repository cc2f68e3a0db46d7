"""Follow-up points as a spreadsheet for the secretariat (export only: they are kept in the portal)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from import_export import fields, widgets

from byaftale.sheets import Column, DateWidget, SheetResource, TextWidget, YesNoWidget, in_sheet_language
from parties.resources import PartyWidget

from .models import FollowUpPoint


class NameWidget(widgets.Widget):
    """An object written as its name (a meeting, a person, a decision); export only."""

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        if value is None:
            return ""
        if hasattr(value, "get_full_name"):
            return value.get_full_name() or value.get_username()
        return str(value)


class NamedColumn(fields.Field):
    """A column headed by a field's verbose name, written as the object's name."""

    def __init__(self, name: str) -> None:
        super().__init__(attribute=name, widget=NameWidget(), readonly=True)
        self.name = name

    @property
    def column_name(self) -> str:
        field = FollowUpPoint._meta.get_field(self.name)
        return in_sheet_language(getattr(field, "verbose_name", self.name)).capitalize()

    @column_name.setter
    def column_name(self, value: str | None) -> None:
        """The header follows the model's verbose name."""


class FollowUpPointResource(SheetResource):
    meeting = NamedColumn("meeting")
    what = Column(FollowUpPoint, "what", TextWidget())
    person = NamedColumn("person")
    party = Column(FollowUpPoint, "party", PartyWidget())
    due_date = Column(FollowUpPoint, "due_date", DateWidget())
    done = Column(FollowUpPoint, "done", YesNoWidget())
    decision = NamedColumn("decision")

    class Meta:
        model = FollowUpPoint
        fields = ("meeting", "what", "person", "party", "due_date", "done", "decision")
        export_order = fields

    def filter_export(self, queryset: QuerySet[FollowUpPoint], **kwargs: Any) -> QuerySet[FollowUpPoint]:
        return queryset.select_related("meeting__body", "person", "party", "decision")
