"""Geometry for the charts the dashboard and the focus area pages draw on the server as inline SVG.

Pure functions on plain numbers, no models and no formatting: the templates write the figures in Danish.
Horizontal positions and widths are percentages of the chart's width, vertical ones are pixels, so a chart
fills any screen from a 360 px phone up while its text keeps its size. Each row puts its label on a line
of its own above the bar and its figures below it: nothing has to fit beside a bar on a narrow screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

# Vertical layout in pixels: a label line, the bar, a line of figures.
LABEL_BASELINE = 15
BAR_TOP = 22
BAR_HEIGHT = 16
FIGURES_BASELINE = 53
HOUR_ROW_HEIGHT = 66
COUNT_ROW_HEIGHT = 44
AXIS_HEIGHT = 26
# Bars run from just inside the left edge to just inside the right, so their outlines are not cut off.
PLOT_LEFT = 0.5
PLOT_WIDTH = 99.0


def share(value: float | Decimal, whole: float | Decimal) -> float:
    """`value` as a percentage of `whole`, 0 when there is no whole."""
    if not whole:
        return 0.0
    return float(value) * 100 / float(whole)


def whole_percent(value: float | Decimal, whole: float | Decimal) -> int:
    """`value` as a whole percentage of `whole`, halves rounded up as people round them (12,5 % → 13 %)."""
    return math.floor(share(value, whole) + 0.5)


def bar_width(value: float | Decimal, whole: float | Decimal) -> float:
    """How much of the chart's width (in percent) `value` takes on a scale that ends at `whole`."""
    return PLOT_WIDTH * share(value, whole) / 100


def nice_ticks(maximum: float | Decimal, *, at_most: int = 5) -> list[int]:
    """Round values for a scale from 0 that reaches at least `maximum`: 0, 500, 1.000, ... in steps of
    1, 2, 2½ or 5 times a power of ten, with at most `at_most` ticks (0 included) and at least two."""
    maximum = float(maximum)
    if maximum <= 0:
        return [0, 1]
    raw_step = maximum / (at_most - 1)
    magnitude = 10 ** math.floor(math.log10(raw_step))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step >= raw_step and step == int(step):
            break
    else:  # pragma: no cover - factor 10 always qualifies
        step = 10 * magnitude
    step = max(int(step), 1)
    count = math.ceil(maximum / step)
    return [i * step for i in range(count + 1)]


@dataclass(frozen=True)
class Tick:
    value: int
    x: float  # percent


class ChartRow:
    """Where a row's label and bar stand, from the top of its row (`top`)."""

    top: int

    @property
    def label_y(self) -> int:
        return self.top + LABEL_BASELINE

    @property
    def bar_y(self) -> int:
        return self.top + BAR_TOP


@dataclass(frozen=True)
class HourBar(ChartRow):
    """One row of the hours chart: the budget as an outlined bar, the registered hours filled inside it,
    and what goes beyond the budget hatched after its end mark."""

    label: str
    budget: int
    used: Decimal
    top: int
    budget_width: float  # percent of the chart, from PLOT_LEFT
    used_width: float  # percent, the part within the budget, from PLOT_LEFT
    over_x: float  # percent, where the part beyond the budget starts
    over_width: float  # percent, 0 when within the budget
    used_percent: int | None  # registered hours as a percentage of the budget; None without a budget

    @property
    def is_over(self) -> bool:
        return self.used > self.budget

    @property
    def hours_over(self) -> Decimal:
        return max(self.used - self.budget, Decimal(0))

    @property
    def has_budget(self) -> bool:
        return self.budget > 0

    @property
    def figures_y(self) -> int:
        return self.top + FIGURES_BASELINE


@dataclass(frozen=True)
class HourChart:
    bars: list[HourBar]
    ticks: list[Tick]
    scale: int  # the value at the chart's right edge
    height: int
    bar_height: int = BAR_HEIGHT
    left: float = PLOT_LEFT

    @property
    def axis_y(self) -> int:
        return self.height - AXIS_HEIGHT + 4

    @property
    def tick_label_y(self) -> int:
        return self.height - 4


def hour_chart(rows: Sequence[tuple[str, int | None, Decimal | int]]) -> HourChart:
    """Lay out (label, hour budget, hours registered) rows on one scale, the largest budget or
    registration reaching (nearly) the right edge. A missing budget counts as 0."""
    values = [(label, budget or 0, Decimal(used)) for label, budget, used in rows]
    ticks = nice_ticks(max([0, *(max(budget, float(used)) for _, budget, used in values)]))
    scale = ticks[-1]
    bars = []
    for i, (label, budget, used) in enumerate(values):
        budget_width = bar_width(budget, scale)
        used_width = bar_width(min(used, Decimal(budget)), scale)
        over_width = bar_width(used - budget, scale) if used > budget else 0.0
        bars.append(
            HourBar(
                label=label,
                budget=budget,
                used=used,
                top=i * HOUR_ROW_HEIGHT,
                budget_width=budget_width,
                used_width=used_width,
                over_x=PLOT_LEFT + budget_width,
                over_width=over_width,
                used_percent=whole_percent(used, budget) if budget else None,
            )
        )
    return HourChart(
        bars=bars,
        ticks=[Tick(value, PLOT_LEFT + bar_width(value, scale)) for value in ticks],
        scale=scale,
        height=len(bars) * HOUR_ROW_HEIGHT + AXIS_HEIGHT,
    )


@dataclass(frozen=True)
class CountBar(ChartRow):
    """One category of a distribution: its label and count above a bar as long as its share of the whole."""

    key: str
    label: str
    count: int
    top: int
    width: float  # percent of the chart, from PLOT_LEFT: the category's share of the total
    percent: int  # the share rounded for the text


@dataclass(frozen=True)
class CountChart:
    bars: list[CountBar]
    total: int
    height: int
    bar_height: int = BAR_HEIGHT
    left: float = PLOT_LEFT


def count_chart(items: Sequence[tuple[str, str, int]]) -> CountChart:
    """Lay out (key, label, count) categories, each bar as wide as its share of the total, so the bars
    of a distribution add up to one full width."""
    total = sum(count for _, _, count in items)
    bars = [
        CountBar(
            key=key,
            label=label,
            count=count,
            top=i * COUNT_ROW_HEIGHT,
            width=bar_width(count, total),
            percent=whole_percent(count, total),
        )
        for i, (key, label, count) in enumerate(items)
    ]
    return CountChart(bars=bars, total=total, height=len(bars) * COUNT_ROW_HEIGHT)
