"""Hours budgeted against hours registered, for a project, a line or theme, a focus area and the whole plan.

Registered hours are summed in the database (`Project.objects.with_hours_used()`), so a page that lists many projects
runs one query however many registrations there are; the roll-ups then add up the annotated projects.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from byaftale.charts import whole_percent

from .models import Project

ZERO = Decimal("0")


def is_over_budget(project: Project) -> bool:
    """More hours registered than budgeted. A project without a budget is never over it."""
    return project.hour_budget is not None and project.hours_used > project.hour_budget


@dataclass(frozen=True)
class HourTally:
    """Hours for a group of projects: budgeted (projects without a budget add nothing) against registered."""

    budget: int
    used: Decimal
    projects: int
    over_budget: int  # how many of the projects are over their own budget

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.used

    @property
    def is_over(self) -> bool:
        return self.used > self.budget

    @property
    def over(self) -> Decimal:
        """Hours registered beyond the budget; 0 within it."""
        return max(self.used - self.budget, ZERO)

    @property
    def used_percent(self) -> int | None:
        """Registered hours as a whole percentage of the budget, rounded as the charts round; None without a budget."""
        if not self.budget:
            return None
        return whole_percent(self.used, self.budget)


def tally(projects: Iterable[Project]) -> HourTally:
    """Add up projects annotated by `Project.objects.with_hours_used()`."""
    budget, used, count, over = 0, ZERO, 0, 0
    for project in projects:
        budget += project.hour_budget or 0
        used += project.hours_used
        count += 1
        over += is_over_budget(project)
    return HourTally(budget=budget, used=used, projects=count, over_budget=over)


def tally_by(projects: Iterable[Project], key: Callable[[Project], Hashable]) -> dict[Hashable, HourTally]:
    """One tally per key (area, line or theme), in the order the keys first appear."""
    groups: dict[Hashable, list[Project]] = {}
    for project in projects:
        groups.setdefault(key(project), []).append(project)
    return {group: tally(members) for group, members in groups.items()}
