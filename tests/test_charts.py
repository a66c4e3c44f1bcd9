"""The Erlang charts draw what the tables say, with Dutch labels, and leave no pyplot state behind."""
import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure

from wfmcourse.presentation import charts
from wfmcourse.domain import scenarios
from wfmcourse.domain.simulation import simulate_queue, wait_curve

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def no_pyplot_figures():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    yield
    assert plt.get_fignums() == before


def test_service_level_by_agents():
    table = scenarios.staffing_table(10.0, 180, 20, range(11, 19))
    fig = charts.service_level_by_agents(table, target=0.8, chosen=14)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    heights = [bar.get_height() for bar in ax.patches]
    np.testing.assert_allclose(heights, table["service_level"])
    colours = [bar.get_facecolor() for bar in ax.patches]
    assert colours[3] != colours[0]              # 14 agents stands out
    assert ax.get_xlabel() == "aantal medewerkers"
    assert "doel 80 %" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_service_level_and_occupancy():
    table = scenarios.staffing_table(10.0, 180, 20, range(11, 19))
    ax = charts.service_level_and_occupancy(table, target=0.8).axes[0]
    lines = {line.get_label(): line for line in ax.get_lines()}
    np.testing.assert_allclose(lines["occupancy"].get_ydata(), table["occupancy"])
    np.testing.assert_allclose(lines["service level"].get_xdata(), table.index)


def test_agents_per_erlang_curve_has_two_panels():
    table = scenarios.agents_per_erlang(np.arange(1, 51), 180, 20, 0.8)
    fig = charts.agents_per_erlang_curve(table)
    assert len(fig.axes) == 2
    np.testing.assert_allclose(fig.axes[0].get_lines()[0].get_ydata(), table["agents_per_erlang"])
    assert fig.axes[1].get_xlabel() == "verkeer (Erlang)"


def test_service_level_by_patience_one_line_per_column():
    table = scenarios.service_level_by_patience(10.0, 180, 20, range(9, 16), [60, 180])
    ax = charts.service_level_by_patience(table, target=0.8).axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels[:3] == ["Erlang C", "Erlang A, geduld 60 s", "Erlang A, geduld 180 s"]


def test_wait_curve():
    sim = simulate_queue(14, 10.0, 180, 20, callers=2_000, seed=1)
    table = wait_curve(sim, np.arange(0, 61, 5))
    ax = charts.wait_curve(table, awt=20).axes[0]
    assert [line.get_label() for line in ax.get_lines()][:2] == ["simulatie", "formule"]
    assert ax.get_ylabel() == "binnen t beantwoord"


def test_draw_into_given_axes_and_png():
    fig = Figure()
    ax = fig.add_subplot()
    table = scenarios.staffing_table(10.0, 180, 20, range(11, 15))
    assert charts.service_level_by_agents(table, ax=ax) is fig
    png = charts.to_png(fig)
    assert png[:4] == b"\x89PNG"
    assert charts.to_png(fig) == png              # deterministic


def test_figures_show_themselves_in_jupyter_without_pyplot():
    fig = charts.service_level_by_agents(scenarios.staffing_table(10.0, 180, 20, range(11, 15)))
    assert isinstance(fig, charts.CourseFigure)
    assert fig._repr_png_()[:4] == b"\x89PNG"


def test_missing_columns_raise():
    table = scenarios.agents_per_erlang([1, 2], 180, 20, 0.8)
    with pytest.raises(ValueError, match="table"):
        charts.service_level_by_agents(table)


def test_staffing_by_interval():
    from wfmcourse.apps.dashboard import interval_labels, staffing_plan

    calls = [60, 85, 110, 130, 140, 135, 120, 115, 125, 130, 110, 80, 70, 60, 50]
    plan = staffing_plan(calls, 300, interval=1800, labels=interval_labels("08:00", 1800, len(calls)))
    fig = charts.staffing_by_interval(plan.intervals, target=0.8)
    top, bottom = fig.axes
    np.testing.assert_allclose([bar.get_height() for bar in top.patches], plan.intervals["agents"])
    lines = {line.get_label(): line for line in bottom.get_lines()}
    np.testing.assert_allclose(lines["service level"].get_ydata(), plan.intervals["service_level"])
    np.testing.assert_allclose(lines["occupancy"].get_ydata(), plan.intervals["occupancy"])
    assert "in te roosteren (incl. shrinkage)" in [t.get_text() for t in top.get_legend().get_texts()]
    ticks = [t.get_text() for t in bottom.get_xticklabels()]
    assert ticks[0] == "08:00" and len(ticks) <= 12          # at most a dozen labels, evenly spread
    with pytest.raises(ValueError, match="intervals must have the columns"):
        charts.staffing_by_interval(plan.intervals.drop(columns="occupancy"))


def test_staffing_by_interval_week_labels_and_closed_intervals():
    from wfmcourse.apps.dashboard import staffing_plan

    labels = ["2025-11-17 08:00", "2025-11-17 08:15", "2025-11-17 08:30", "2025-11-18 08:00"]
    plan = staffing_plan([0, 40, 60, 50], 300, labels=labels)
    fig = charts.staffing_by_interval(plan.intervals, target=0.8)
    bottom = fig.axes[1]
    assert [t.get_text() for t in bottom.get_xticklabels()] == ["ma 08:00", "ma 08:15", "ma 08:30", "di 08:00"]
    lines = {line.get_label(): line for line in bottom.get_lines()}
    assert np.isnan(lines["service level"].get_ydata()[0])          # no calls: a gap, not 100 %
    np.testing.assert_allclose(lines["occupancy"].get_ydata()[1:], plan.intervals["occupancy"].iloc[1:])


def test_dutch_ticks_write_numbers_and_percentages_the_dutch_way():
    from matplotlib.ticker import PercentFormatter

    from wfmcourse.presentation import charts

    fig = charts.CourseFigure(figsize=(3, 2))
    ax = fig.add_subplot()
    ax.plot([0.0, 0.5, 1.5], [0.1, 0.8, 0.9])
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    charts.to_png(fig)
    assert ax.xaxis.get_major_formatter()(0.5, 0) == "0,5"
    assert ax.xaxis.get_major_formatter()(1500.0, 0) == "1.500"
    assert ax.yaxis.get_major_formatter()(0.8, 0) == "80 %"


def test_dutch_ticks_on_a_time_axis():
    import pandas as pd

    from wfmcourse.presentation import charts

    fig = charts.CourseFigure(figsize=(6, 2))
    ax = fig.add_subplot()
    times = pd.date_range("2025-11-18 08:00", periods=8, freq="15min")
    ax.plot(times.to_pydatetime(), range(8))
    charts.to_png(fig)
    from matplotlib.dates import date2num
    formatter = ax.xaxis.get_major_formatter()
    assert formatter(date2num(times[1].to_pydatetime()), 0) == "di 08:15"
    assert formatter(date2num(pd.Timestamp("2025-11-18").to_pydatetime()), 0) == "di 18 nov"
