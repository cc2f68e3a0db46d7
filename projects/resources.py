"""Projects, responsibilities and milestones as spreadsheets.

A project is named by its focus area and number ("energi-og-klima/3"), a line or theme by its focus area and
name ("energi-og-klima/Lokal efterspørgsel"), a focus area by its short name (or its name), a party by its name.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from areas.models import FocusArea, Grouping
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

from .models import Milestone, Project, Responsibility


class FocusAreaWidget(LookupWidget):
    """A focus area by its short name (energi-og-klima), its name or its name in the plan's table."""

    def find(self, text: str, row: dict[str, Any]) -> FocusArea:
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
        try:
            return Project.objects.get(area=area, number=int(number_text))
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
