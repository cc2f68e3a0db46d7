"""Hours budgeted against hours registered, for a project, a line or theme, a focus area and the whole plan.

Registered hours are summed in the database (`with_hours_used`), so a page that lists many projects
runs one query however many registrations there are; the roll-ups then add up the annotated projects.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from .charts import whole_percent
from .models import HourRegistration, Project

ZERO = Decimal("0")


def with_hours_used(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate each project with `hours_used`, the sum of its registered hours (0 when none).

    A subquery rather than a join, so the sum stays right beside other annotations and prefetches.
    """
    registered = (
        HourRegistration.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    hours = DecimalField(max_digits=12, decimal_places=2)
    return projects.annotate(
        hours_used=Coalesce(Subquery(registered, output_field=hours), Value(ZERO), output_field=hours)
    )


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
    """Add up projects annotated by `with_hours_used`."""
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
