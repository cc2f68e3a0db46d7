"""Projects, responsibilities, milestones and hours as spreadsheets.

A project is named by its focus area and number ("energi-og-klima/3"), a line or theme by its focus area and
name ("energi-og-klima/Lokal efterspørgsel"), a focus area by its short name (or its name), a party by its name.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext
from import_export import widgets

from areas.models import FocusArea, Grouping
from byaftale.bulk_import import lookup
from byaftale.sheets import (
    ChoiceWidget,
    Column,
    DateWidget,
    LookupWidget,
    SheetResource,
    TextWidget,
    WholeNumberWidget,
    YesNoWidget,
)
from parties.resources import PartyWidget

from .models import HourRegistration, Milestone, Project, Responsibility


class FocusAreaWidget(LookupWidget):
    """A focus area by its short name (energi-og-klima), its name or its name in the plan's table."""

    def find(self, text: str, row: dict[str, Any]) -> FocusArea:
        return lookup(("focus area", text), lambda: self.find_uncached(text))

    def find_uncached(self, text: str) -> FocusArea:
        matches = list(FocusArea.objects.filter(slug=text)) or list(
            FocusArea.objects.filter(Q(name__iexact=text) | Q(name_in_table__iexact=text))
        )
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValueError(
                gettext("More than one focus area is called «%(value)s»; use its short name.") % {"value": text}
            )
        raise ValueError(gettext("No focus area is called «%(value)s».") % {"value": text})

    def name(self, value: FocusArea) -> str:
        return value.slug


class GroupingInRowsAreaWidget(LookupWidget):
    """A line or theme by its name, within the focus area the same row names."""

    same_for_same_cell = False  # it reads the row's focus area too

    def __init__(self, area_column: Column) -> None:
        super().__init__()
        self.area_column = area_column

    def find(self, text: str, row: dict[str, Any]) -> Grouping | None:
        try:
            area = self.area_column.clean(row)
        except (KeyError, ValueError):
            area = None
        if area is None:
            return None  # the focus area's own column reports what is wrong with it
        return find_grouping(area, text)

    def name(self, value: Grouping) -> str:
        return value.name


def find_grouping(area: FocusArea, name: str) -> Grouping:
    return lookup(("grouping", area.pk, name.casefold()), lambda: find_grouping_uncached(area, name))


def find_grouping_uncached(area: FocusArea, name: str) -> Grouping:
    try:
        return Grouping.objects.get(area=area, name__iexact=name)
    except Grouping.DoesNotExist:
        raise ValueError(
            gettext("«%(area)s» has no line or theme called «%(value)s».") % {"area": area.slug, "value": name}
        ) from None


class ProjectWidget(LookupWidget):
    """A project as focus area/number: energi-og-klima/3."""

    def find(self, text: str, row: dict[str, Any]) -> Project:
        area_text, _slash, number_text = text.rpartition("/")
        if not area_text or not number_text.strip().isdigit():
            raise ValueError(gettext("Write the project as focus area/number, e.g. energi-og-klima/3."))
        area = FocusAreaWidget().find(area_text.strip(), row)
        return lookup(("project", area.pk, int(number_text)), lambda: self.find_in(area, number_text))

    def find_in(self, area: FocusArea, number_text: str) -> Project:
        try:
            return Project.objects.select_related("area").get(area=area, number=int(number_text))
        except Project.DoesNotExist:
            raise ValueError(
                gettext("«%(area)s» has no project number %(number)s.") % {"area": area.slug, "number": number_text}
            ) from None

    def name(self, value: Project) -> str:
        return f"{value.area.slug}/{value.number}"


class GroupingWidget(LookupWidget):
    """A line or theme as focus area/name: energi-og-klima/Lokal efterspørgsel."""

    def find(self, text: str, row: dict[str, Any]) -> Grouping:
        area_text, slash, name = text.partition("/")
        if not slash or not name.strip():
            raise ValueError(
                gettext("Write the line or theme as focus area/name, e.g. energi-og-klima/Lokal efterspørgsel.")
            )
        return find_grouping(FocusAreaWidget().find(area_text.strip(), row), name.strip())

    def name(self, value: Grouping) -> str:
        return f"{value.area.slug}/{value.name}"


class ProjectResource(SheetResource):
    """Every field of a project; a row is the same project as one with the same focus area and number."""

    area = Column(Project, "area", FocusAreaWidget())
    grouping = Column(Project, "grouping", GroupingInRowsAreaWidget(area_column=area))
    number = Column(Project, "number", WholeNumberWidget())
    label = Column(Project, "label", TextWidget())
    title = Column(Project, "title", TextWidget())
    description = Column(Project, "description", TextWidget())
    responsibility_text = Column(Project, "responsibility_text", TextWidget())
    relations_text = Column(Project, "relations_text", TextWidget())
    financing_text = Column(Project, "financing_text", TextWidget())
    timeline_text = Column(Project, "timeline_text", TextWidget())
    start_date = Column(Project, "start_date", DateWidget())
    start_wording = Column(Project, "start_wording", TextWidget())
    start_assumed = Column(Project, "start_assumed", YesNoWidget())
    end_date = Column(Project, "end_date", DateWidget())
    end_wording = Column(Project, "end_wording", TextWidget())
    end_assumed = Column(Project, "end_assumed", YesNoWidget())
    hour_budget = Column(Project, "hour_budget", WholeNumberWidget())
    status = Column(Project, "status", ChoiceWidget(Project.Status))
    progress = Column(Project, "progress", WholeNumberWidget())

    class Meta:
        model = Project
        fields = (
            "area", "grouping", "number", "label", "title", "description",
            "responsibility_text", "relations_text", "financing_text", "timeline_text",
            "start_date", "start_wording", "start_assumed", "end_date", "end_wording", "end_assumed",
            "hour_budget", "status", "progress",
        )  # fmt: skip
        import_order = export_order = fields
        import_id_fields = ("area", "number")

    def get_queryset(self) -> QuerySet[Project]:
        return Project.objects.order_by("area__position", "number")

    def filter_export(self, queryset: QuerySet[Project], **kwargs: Any) -> QuerySet[Project]:
        return queryset.select_related("area", "grouping")


class ResponsibilityResource(SheetResource):
    """Who is responsible for what: a party and a role for one project, one line or theme, or one focus area."""

    party = Column(Responsibility, "party", PartyWidget())
    role = Column(Responsibility, "role", ChoiceWidget(Responsibility.Role))
    project = Column(Responsibility, "project", ProjectWidget())
    grouping = Column(Responsibility, "grouping", GroupingWidget())
    area = Column(Responsibility, "area", FocusAreaWidget())
    wording = Column(Responsibility, "wording", TextWidget())
    concerning = Column(Responsibility, "concerning", TextWidget())

    class Meta:
        model = Responsibility
        fields = ("party", "role", "project", "grouping", "area", "wording", "concerning")
        import_order = export_order = fields
        import_id_fields = ("party", "project", "grouping", "area")

    def filter_export(self, queryset: QuerySet[Responsibility], **kwargs: Any) -> QuerySet[Responsibility]:
        return queryset.select_related("party", "project__area", "grouping__area", "area")


class MilestoneResource(SheetResource):
    """Milestones of projects (or of whole focus areas); a row is the same milestone as one with the same title."""

    project = Column(Milestone, "project", ProjectWidget())
    area = Column(Milestone, "area", FocusAreaWidget())
    date = Column(Milestone, "date", DateWidget())
    date_wording = Column(Milestone, "date_wording", TextWidget())
    date_assumed = Column(Milestone, "date_assumed", YesNoWidget())
    title = Column(Milestone, "title", TextWidget())
    description = Column(Milestone, "description", TextWidget())
    reached = Column(Milestone, "reached", YesNoWidget())

    class Meta:
        model = Milestone
        fields = ("project", "area", "date", "date_wording", "date_assumed", "title", "description", "reached")
        import_order = export_order = fields
        import_id_fields = ("project", "area", "title")

    def filter_export(self, queryset: QuerySet[Milestone], **kwargs: Any) -> QuerySet[Milestone]:
        return queryset.select_related("project__area", "area")


class HoursWidget(widgets.Widget):
    """Hours as a timesheet writes them: 7,5 or 7.5 or 7½-free decimals, or a number cell."""

    same_for_same_cell = True

    NUMBER = re.compile(r"\d+([.,]\d{1,2})?")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Decimal | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool):
            raise ValueError(gettext("Write the hours as a number, such as 7,5."))
        if isinstance(value, int | float | Decimal):
            return Decimal(str(value)).quantize(Decimal("0.01"))
        text = str(value).strip().replace("\xa0", "").replace(" ", "")
        if not self.NUMBER.fullmatch(text):
            raise ValueError(gettext("Write the hours as a number, such as 7,5."))
        return Decimal(text.replace(",", "."))

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else number_format(value, decimal_pos=2)


class PersonWidget(LookupWidget):
    """A person by user name, or by e-mail address."""

    def find(self, text: str, row: dict[str, Any]) -> Any:
        return lookup(("person", text.casefold()), lambda: self.find_uncached(text))

    def find_uncached(self, text: str) -> Any:
        users = get_user_model()._default_manager
        matches = list(users.filter(username__iexact=text)) or list(users.filter(email__iexact=text))
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValueError(gettext("More than one person has the e-mail address «%(value)s».") % {"value": text})
        raise ValueError(gettext("No person has the user name or e-mail address «%(value)s».") % {"value": text})

    def name(self, value: Any) -> str:
        return value.get_username()


class HourRegistrationResource(SheetResource):
    """Hours kept in a timesheet: date, project, hours, person, note; one registration per row.

    A row the same as a registration already there (same date, project, hours, person and note) is that
    registration, so a timesheet imported twice adds its hours once."""

    date = Column(HourRegistration, "date", DateWidget())
    project = Column(HourRegistration, "project", ProjectWidget())
    hours = Column(HourRegistration, "hours", HoursWidget())
    registered_by = Column(HourRegistration, "registered_by", PersonWidget())
    note = Column(HourRegistration, "note", TextWidget())

    class Meta:
        model = HourRegistration
        fields = ("date", "project", "hours", "registered_by", "note")
        import_order = export_order = fields
        import_id_fields = fields

    def filter_export(self, queryset: QuerySet[HourRegistration], **kwargs: Any) -> QuerySet[HourRegistration]:
        return queryset.select_related("project__area", "registered_by")
