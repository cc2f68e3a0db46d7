"""What a focus area's page shows, read in a fixed number of queries however large the plan
(`area_page`): the area's figures, its lines or themes with their projects, milestones, schedule,
relations, Tidsplan and last change. The figures come from `projects.progress`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from byaftale import charts
from projects.budget import HourTally, tally, tally_by
from projects.changes import Change, last_change_for_area
from projects.models import Milestone, Project, Relation, Responsibility
from projects.pages import (
    MilestoneRow,
    ResponsibilityRow,
    area_responsibility_rows,
    grouping_responsibility_rows,
    milestone_rows,
)
from projects.plan import read_plan
from projects.progress import (
    Figures,
    MilestoneOutlook,
    ProjectState,
    Schedule,
    figures_for,
    milestone_outlook,
    schedule_for,
)
from projects.timeline import Masterplan

from .models import FocusArea, Grouping


@dataclass(frozen=True)
class GroupingPart:
    """A line or theme of the area with its projects, the responsibilities stated for it and its hours."""

    grouping: Grouping
    states: list[ProjectState]
    hours: HourTally
    responsibilities: list[Responsibility]


@dataclass(frozen=True)
class AreaPage:
    today: datetime.date
    area: FocusArea
    figures: Figures
    groupings: list[GroupingPart]
    ungrouped: list[ProjectState]  # projects of no line or theme, where the area has lines or themes
    ungrouped_hours: HourTally
    area_milestones: list[Milestone]  # the milestones stated for the whole area, reached or not
    milestones: MilestoneOutlook  # the area's and its projects' milestones not reached
    schedule: Schedule
    relations: list[Relation]
    hour_chart: charts.HourChart | None  # hours per line or theme; None without lines, themes or hours
    status_chart: charts.CountChart
    light_chart: charts.CountChart
    chart: Masterplan  # the area's Tidsplan
    change: Change | None  # the area's last change, as the reader may see it

    @property
    def overdue_area_milestones(self) -> set[int]:
        return {m.pk for m in self.area_milestones if not m.reached and m.date < self.today}

    @property
    def area_milestone_rows(self) -> list[MilestoneRow]:
        return milestone_rows(self.area_milestones, today=self.today)

    @property
    def responsibilities(self) -> list[ResponsibilityRow]:
        """The responsibilities stated for the whole area, then for each of its lines or themes."""
        rows = area_responsibility_rows(self.area, links=True)
        for part in self.groupings:
            rows += grouping_responsibility_rows(part.grouping, links=True)
        return rows


def area_page(area: FocusArea, *, today: datetime.date, follows_progress: bool) -> AreaPage:
    """A focus area's page: its figures, lines or themes with their projects and hours, milestones, what
    starts and ends soon, the relations to the whole area, its Tidsplan and its last change (who made it only
    for those who follow progress)."""
    contents = read_plan(area.plan, today=today, area=area)
    part = contents.parts[0]  # the area with its sections, lines or themes, responsibilities and milestones
    area = part.area
    projects = list(Project.objects.followed().filter(area=area))
    project_milestones = [milestone for project in part.projects for milestone in project.milestones.all()]
    relations = Relation.objects.filter(to_area=area).select_related("from_project__area")
    figures = figures_for(projects, today=today)
    groupings = list(area.groupings.all())
    by_grouping: dict[int | None, list[ProjectState]] = {}
    for state in figures.states:
        by_grouping.setdefault(state.project.grouping_id, []).append(state)
    hours = tally_by(projects, key=lambda p: p.grouping_id)
    empty = tally([])
    parts = [
        GroupingPart(
            grouping,
            by_grouping.get(grouping.pk, []),
            hours.get(grouping.pk, empty),
            list(grouping.responsibilities.all()),
        )
        for grouping in groupings
    ]
    area_milestones = sorted(area.milestones.all(), key=lambda m: (m.date, m.pk))
    ungrouped = by_grouping.get(None, []) if groupings else []
    ungrouped_hours = hours.get(None, empty) if groupings else empty
    hour_chart = None
    # Bars only where there is something to draw; the table beside them always gives the figures.
    if groupings and (figures.hours.budget or figures.hours.used):
        # The name alone: a chart's label must fit a phone's width, and the kind is in the table.
        rows = [(p.grouping.name, p.hours.budget, p.hours.used) for p in parts]
        if ungrouped:
            rows.append((str(_("No line or theme")), ungrouped_hours.budget, ungrouped_hours.used))
        hour_chart = charts.hour_chart(rows)
    return AreaPage(
        today=today,
        area=area,
        figures=figures,
        groupings=parts,
        ungrouped=ungrouped,
        ungrouped_hours=ungrouped_hours,
        area_milestones=area_milestones,
        milestones=milestone_outlook([*area_milestones, *project_milestones], today=today),
        schedule=schedule_for(projects, today=today),
        relations=list(relations),
        hour_chart=hour_chart,
        status_chart=figures.status_chart(),
        light_chart=figures.light_chart(),
        chart=contents.masterplan,
        change=last_change_for_area(area, follows_progress=follows_progress),
    )
