"""The charts' geometry: round scales, bars in proportion to their figures, rows that never overlap."""

from decimal import Decimal

import pytest

from byaftale.charts import (
    AXIS_HEIGHT,
    COUNT_ROW_HEIGHT,
    HOUR_ROW_HEIGHT,
    PLOT_LEFT,
    PLOT_WIDTH,
    count_chart,
    hour_chart,
    nice_ticks,
    whole_percent,
)

# Scales


@pytest.mark.parametrize(
    ("maximum", "ticks"),
    [
        (5660, [0, 2000, 4000, 6000]),
        (1750, [0, 500, 1000, 1500, 2000]),
        (2000, [0, 500, 1000, 1500, 2000]),
        (320.5, [0, 100, 200, 300, 400]),
        (10, [0, 5, 10]),
        (3, [0, 1, 2, 3]),
        (Decimal("0.5"), [0, 1]),
    ],
)
def test_a_scale_runs_from_0_in_round_steps_to_at_least_the_largest_figure(maximum, ticks):
    assert nice_ticks(maximum) == ticks


def test_a_scale_never_has_more_ticks_than_asked_for():
    for maximum in (1, 7, 99, 101, 999, 1001, 4321, 98765):
        ticks = nice_ticks(maximum, at_most=5)
        assert 2 <= len(ticks) <= 5
        assert ticks[-1] >= maximum


def test_percentages_are_whole_with_halves_rounded_up():
    assert [whole_percent(v, 8) for v in (1, 3, 4, 0)] == [13, 38, 50, 0]
    assert whole_percent(Decimal("320.5"), 300) == 107
    assert whole_percent(5, 0) == 0


def test_an_empty_scale_still_has_a_unit_to_draw_on():
    assert nice_ticks(0) == [0, 1]


# Hours


def test_the_largest_budget_sets_the_scale_and_every_bar_is_in_proportion():
    chart = hour_chart([("Energi og klima", 5660, Decimal("920.5")), ("Tidssvarende boliger", 1000, 0)])

    energy, housing = chart.bars
    assert chart.scale == 6000
    assert energy.budget_width == pytest.approx(PLOT_WIDTH * 5660 / 6000)
    assert energy.used_width == pytest.approx(PLOT_WIDTH * 920.5 / 6000)
    assert housing.budget_width == pytest.approx(PLOT_WIDTH * 1000 / 6000)
    assert housing.used_width == 0
    assert energy.used_percent == 16
    assert not energy.is_over


def test_hours_beyond_the_budget_are_drawn_after_the_budgets_end():
    chart = hour_chart([("Delprojekt 3", 300, Decimal("320.5"))])

    bar = chart.bars[0]
    assert chart.scale == 400
    assert bar.is_over
    assert bar.hours_over == Decimal("20.5")
    assert bar.used_width == pytest.approx(bar.budget_width)  # filled up to the budget ...
    assert bar.over_x == pytest.approx(PLOT_LEFT + bar.budget_width)  # ... and hatched from there
    assert bar.over_width == pytest.approx(PLOT_WIDTH * 20.5 / 400)
    assert bar.used_percent == 107


def test_a_row_without_a_budget_has_no_budget_bar_and_no_percentage():
    bar = hour_chart([("Boligsociale indsatser", None, Decimal("12"))]).bars[0]

    assert not bar.has_budget
    assert bar.budget_width == 0
    assert bar.used_percent is None
    assert bar.is_over  # 12 hours against no budget at all
    assert bar.over_width > 0


def test_hour_rows_are_stacked_with_the_scale_below_them():
    chart = hour_chart([("A", 10, 1), ("B", 20, 2), ("C", 30, 3)])

    assert [bar.top for bar in chart.bars] == [0, HOUR_ROW_HEIGHT, 2 * HOUR_ROW_HEIGHT]
    assert all(bar.label_y < bar.bar_y < bar.figures_y < bar.top + HOUR_ROW_HEIGHT for bar in chart.bars)
    assert chart.height == 3 * HOUR_ROW_HEIGHT + AXIS_HEIGHT
    assert chart.bars[-1].figures_y < chart.axis_y < chart.tick_label_y <= chart.height
    assert chart.ticks[0].x == PLOT_LEFT
    assert chart.ticks[-1].x == pytest.approx(PLOT_LEFT + PLOT_WIDTH)


def test_no_rows_make_an_empty_chart():
    chart = hour_chart([])

    assert chart.bars == []
    assert chart.height == AXIS_HEIGHT


# Distributions


def test_a_distribution_divides_one_full_width_by_the_shares():
    chart = count_chart([("green", "Grøn", 3), ("yellow", "Gul", 1), ("red", "Rød", 0), ("none", "Ingen rapport", 4)])

    assert chart.total == 8
    assert [bar.width for bar in chart.bars] == pytest.approx([PLOT_WIDTH * 3 / 8, PLOT_WIDTH / 8, 0, PLOT_WIDTH / 2])
    assert sum(bar.width for bar in chart.bars) == pytest.approx(PLOT_WIDTH)
    assert [bar.percent for bar in chart.bars] == [38, 13, 0, 50]  # 37,5 and 12,5 rounded up
    assert [bar.label for bar in chart.bars] == ["Grøn", "Gul", "Rød", "Ingen rapport"]


def test_distribution_rows_are_stacked_in_the_order_given():
    chart = count_chart([("a", "A", 1), ("b", "B", 2)])

    assert [bar.top for bar in chart.bars] == [0, COUNT_ROW_HEIGHT]
    assert chart.height == 2 * COUNT_ROW_HEIGHT
    assert all(bar.label_y < bar.bar_y for bar in chart.bars)


def test_an_empty_distribution_draws_no_bars():
    chart = count_chart([("green", "Grøn", 0), ("red", "Rød", 0)])

    assert chart.total == 0
    assert [bar.width for bar in chart.bars] == [0, 0]
    assert [bar.percent for bar in chart.bars] == [0, 0]
