"""What a focus area's page shows, read in a fixed number of queries however large the plan
(`area_page`): its last change, and (`area_content`, cached under a key every write to what it shows moves)
the area's figures, a page of its projects with their Tidsplan, its lines or themes with their first
projects, milestones, schedule and relations. The figures come from `projects.progress`, counted in the
database."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from byaftale import charts
from byaftale.stamps import CACHE_SECONDS, write_stamp
from projects.budget import HourTally
from projects.changes import Change, last_change_for_area
from projects.models import HourRegistration, Milestone, Project, Relation, Responsibility, StatusReport
from projects.pages import (
    MilestoneRow,
    ResponsibilityRow,
    area_responsibility_rows,
    grouping_responsibility_rows,
    milestone_rows,
)
from projects.plan import PLAN_MODELS, baseline_for, differs
from projects.progress import (
    Figures,
    MilestoneOutlook,
    ProjectState,
    Rows,
    Schedule,
    Tally,
    figures_from,
    milestone_outlook,
    schedule_for,
    states_of,
    tallies,
)
from projects.reporting import report_interval_weeks
from projects.timeline import Masterplan, build_masterplan

from .models import FocusArea, Grouping

# The area's projects are shown in pages of this many, with their Tidsplan; a line or theme lists its first few.
AREA_PAGE_PROJECTS = 50
GROUPING_ROWS = 10
# The relations of projects to the whole area shown on its page (each project's page shows its own).
RELATION_ROWS = 25


@dataclass(frozen=True)
class GroupingPart:
    """A line or theme of the area with its first projects, the responsibilities stated for it and its hours."""

    grouping: Grouping
    states: Rows[ProjectState]
    hours: HourTally
    responsibilities: list[Responsibility]


@dataclass(frozen=True)
class AreaContent:
    """What the area's page shows of the plan: everything but its last change and the meetings."""

    today: datetime.date
    area: FocusArea
    figures: Figures
    projects: list[ProjectState]  # this page's rows of the projects table
    pages: Page[Project]  # which page of the area's projects this is
    groupings: list[GroupingPart]
    ungrouped: Rows[ProjectState]  # projects of no line or theme, where the area has lines or themes
    ungrouped_hours: HourTally
    area_milestones: list[Milestone]  # the milestones stated for the whole area, reached or not
    milestones: MilestoneOutlook  # the area's and its projects' milestones not reached
    schedule: Schedule
    relations: Rows[Relation]
    hour_chart: charts.HourChart | None  # hours per line or theme; None without lines, themes or hours
    status_chart: charts.CountChart
    light_chart: charts.CountChart
    chart: Masterplan  # the Tidsplan of this page's projects
    baseline: Any = None  # the version the Tidsplan draws under its bars (versions.baseline.BaselineChoice)

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

    @property
    def query(self) -> str:
        """What the pager's links keep of the address besides the page."""
        asked_for = getattr(self.baseline, "asked_for", None)
        return f"{urlencode({'baseline': asked_for})}&" if asked_for else ""


# Every table the area page's cached parts read (the plan's, and hours and reports): a write to any of them
# moves their key. The versions the
# Tidsplan's baseline comes from are not among them (the plan's apps do not know the versions app): a version
# is never changed, and publishing one renames the plan, which moves ActionPlan's mark.
AREA_TABLES = (*PLAN_MODELS, HourRegistration, StatusReport)


@dataclass
class AreaPage:
    """A focus area's page as a reader gets it: the plan's part, read only where its cached rendering under
    `cache_key` is missing, and the last change, read each time (it names a person, who keeps no history)."""

    area: FocusArea
    change: Change | None  # the area's last change, as the reader may see it
    cache_key: str
    read: Callable[[], AreaContent] = field(repr=False)
    cache_seconds: int = CACHE_SECONDS

    @cached_property
    def content(self) -> AreaContent:
        return self.read()


def area_page(
    area: FocusArea,
    *,
    today: datetime.date,
    follows_progress: bool,
    shows_mismatches: bool = False,
    baseline: str | None = None,
    number: str | None = None,
) -> AreaPage:
    """A focus area's page: its last change (who made it only for those who follow progress), and the rest
    (`area_content`) cached for each kind of reader, language, page and baseline."""
    variant = (area.pk, get_language(), follows_progress, shows_mismatches, number, baseline)
    return AreaPage(
        area=area,
        change=last_change_for_area(area, follows_progress=follows_progress),
        cache_key=write_stamp(AREA_TABLES, today=today, variant=variant),
        read=lambda: area_content(area, today=today, baseline=baseline, number=number),
    )


def area_content(
    area: FocusArea, *, today: datetime.date, baseline: str | None = None, number: str | None = None
) -> AreaContent:
    """What a focus area's page shows of the plan: its figures, page `number` of its projects (404 beyond the
    last) with their Tidsplan, its lines or themes with their first projects and hours, milestones, what starts
    and ends soon and the relations to the whole area. The figures are counted in the database and every list
    fetches only the rows it shows, so the page costs the same however many projects the area has."""
    # With everything the page shows of the area itself: its sections, milestones, lines, themes and who is
    # responsible.
    area = FocusArea.objects.with_plan_details().select_related("plan").get(pk=area.pk)
    projects = Project.objects.filter(area=area)
    weeks = report_interval_weeks()
    by_grouping = tallies(projects, by="grouping_id", today=today, weeks=weeks)
    total = sum(by_grouping.values(), Tally())
    figures = figures_from(total, projects, today=today, weeks=weeks)
    rows = projects.followed().with_phase(today=today)

    paginator = Paginator(rows, AREA_PAGE_PROJECTS, allow_empty_first_page=True)
    paginator.count = total.count  # known from the tally: no COUNT query
    try:
        shown = paginator.page(number or 1)
    except InvalidPage as error:
        raise Http404("No such page.") from error
    states = states_of(shown.object_list, today=today, weeks=weeks)

    groupings = list(area.groupings.all())
    first: dict[int | None, list[ProjectState]] = {}
    if groupings:
        ranked = rows.annotate(
            row=Window(RowNumber(), partition_by=F("grouping_id"), order_by=[F("number").asc()])
        ).filter(row__lte=GROUPING_ROWS)
        for state in states_of(ranked, today=today, weeks=weeks):
            first.setdefault(state.project.grouping_id, []).append(state)

    def listed(key: int | None) -> Rows[ProjectState]:
        return Rows(first.get(key, []), by_grouping.get(key, Tally()).count)

    parts = [
        GroupingPart(
            grouping,
            listed(grouping.pk),
            by_grouping.get(grouping.pk, Tally()).hours,
            list(grouping.responsibilities.all()),
        )
        for grouping in groupings
    ]
    ungrouped = listed(None) if groupings else Rows([], 0)
    ungrouped_hours = by_grouping.get(None, Tally()).hours if groupings else Tally().hours
    hour_chart = None
    # Bars only where there is something to draw; the table beside them always gives the figures.
    if groupings and (figures.hours.budget or figures.hours.used):
        # The name alone: a chart's label must fit a phone's width, and the kind is in the table.
        bars = [(p.grouping.name, p.hours.budget, p.hours.used) for p in parts]
        if ungrouped:
            bars.append((str(_("No line or theme")), ungrouped_hours.budget, ungrouped_hours.used))
        hour_chart = charts.hour_chart(bars)

    # The Tidsplan draws the projects of this page, with a baseline: the version `baseline` names, or else the
    # latest approved.
    chosen = baseline_for(area.plan, baseline)
    charted = list(
        Project.objects.filter(pk__in=[s.project.pk for s in states])
        .select_related("area", "grouping")
        .prefetch_related("milestones")
        .order_by(F("grouping__position").asc(nulls_first=True), "number")
    )
    baselines = chosen.baselines if chosen else None
    if baselines:
        baselines = {p.pk: baselines[p.pk] for p in charted if p.pk in baselines and differs(p, baselines[p.pk])}
    chart = build_masterplan([area], charted, today=today, baselines=baselines)

    area_milestones = sorted(area.milestones.all(), key=lambda m: (m.date, m.pk))
    milestones = Milestone.objects.filter(Q(project__area=area) | Q(area=area)).select_related("project__area", "area")
    relations = (
        Relation.objects.filter(to_area=area)
        .select_related("from_project__area")
        .order_by("from_project__number", "pk")
    )
    return AreaContent(
        today=today,
        area=area,
        figures=figures,
        projects=states,
        pages=shown,
        groupings=parts,
        ungrouped=ungrouped,
        ungrouped_hours=ungrouped_hours,
        area_milestones=area_milestones,
        milestones=milestone_outlook(milestones, today=today),
        schedule=schedule_for(projects, today=today),
        relations=Rows(list(relations[:RELATION_ROWS]), relations.count()),
        hour_chart=hour_chart,
        status_chart=figures.status_chart(),
        light_chart=figures.light_chart(),
        chart=chart,
        baseline=chosen,
    )
