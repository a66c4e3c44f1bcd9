"""Every chart of the course draws what its table says, with Dutch labels, returns a figure and
leaves no pyplot state behind."""
import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from wfmcourse.domain import scenarios
from wfmcourse.domain.simulation import simulate_queue, wait_curve
from wfmcourse.presentation import charts, dutch

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
    np.testing.assert_allclose([bar.get_height() for bar in top.patches], plan.intervals["agents_needed"])
    lines = {line.get_label(): line for line in bottom.get_lines()}
    np.testing.assert_allclose(lines["service level"].get_ydata(), plan.intervals["service_level"])
    np.testing.assert_allclose(lines["occupancy"].get_ydata(), plan.intervals["occupancy"])
    assert "in te roosteren (shrinkage binnen de dag)" in [t.get_text() for t in top.get_legend().get_texts()]
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


# ---------------------------------------------------------------------------
# the time labels of the dashboard chart (parsed in presentation, no import of the dashboard)
# ---------------------------------------------------------------------------
def test_label_times_only_for_full_dates():
    from wfmcourse.presentation import dutch

    stamps = dutch.label_times(["2025-11-17 08:00", "2025-11-17T08:15"])
    assert stamps.dt.minute.tolist() == [0, 15]
    assert dutch.label_times(["08:00", "08:15"]) is None
    assert dutch.label_times(["2025-11-17 08:00", "geen tijd"]) is None
    assert dutch.label_times(["2025-13-45 08:00"]) is None
    assert dutch.label_times([]) is None


# ---------------------------------------------------------------------------
# forecast and roster (notebook 06)
# ---------------------------------------------------------------------------
def _week():
    index = pd.date_range("2025-03-03", periods=7 * 4, freq="6h")  # Monday, 4 slots a day
    return pd.Series(np.tile([0.0, 2.0, 6.0, 2.0], 7), index=index)


def test_profile_figure_draws_the_shares_with_dutch_days():
    from wfmcourse.domain import forecast

    weekday, intraday = forecast.weekday_profile(_week()), forecast.intraday_profile(_week())
    fig = charts.profile_figure(weekday, intraday)
    left, right = fig.axes
    np.testing.assert_allclose([bar.get_height() for bar in left.patches], weekday)
    assert [t.get_text() for t in left.get_xticklabels()] == ["ma", "di", "wo", "do", "vr", "za", "zo"]
    np.testing.assert_allclose(right.get_lines()[0].get_ydata(), intraday)
    assert fig._repr_png_()[:4] == b"\x89PNG"


def test_forecast_figure_draws_actual_and_forecast():
    v = _week()
    ax = charts.forecast_figure(v, v * 1.1).axes[0]
    assert [line.get_label() for line in ax.get_lines()] == ["Werkelijk", "Forecast"]
    np.testing.assert_allclose(ax.get_lines()[1].get_ydata(), v * 1.1)
    with pytest.raises(TypeError, match="forecast"):
        charts.forecast_figure(v, list(v))


@pytest.mark.parametrize("array_input", [False, True])
def test_coverage_figure_labels(array_input):
    from wfmcourse.domain import roster

    need = np.zeros(96, dtype=int)
    need[32:72] = np.r_[np.full(20, 3), np.full(20, 5)]
    agents_needed = need if array_input else pd.Series(need, index=pd.date_range("2025-03-03", periods=96,
                                                                                   freq="15min"))
    result = roster.plan_shifts(agents_needed, max_agents=4, under_penalty=10)
    fig = charts.coverage_figure(result)
    assert isinstance(fig, charts.CourseFigure)
    ax = fig.axes[0]
    labels = {t.get_text() for t in ax.get_legend().get_texts()}
    assert labels == {"Benodigd", "Ingepland", "Overdekking", "Onderdekking"}
    assert ax.get_ylabel() == "Aantal medewerkers"
    assert ax.get_xlabel() == ("Uur van de dag" if array_input else "Tijd")
    steps = {line.get_label(): line for line in ax.get_lines()}
    np.testing.assert_array_equal(steps["Benodigd"].get_ydata()[:-1], need)
    np.testing.assert_array_equal(steps["Ingepland"].get_ydata()[:-1], result.coverage)
    mine = Figure()
    assert charts.coverage_figure(result, ax=mine.add_subplot()) is mine
    with pytest.raises(TypeError, match="result"):
        charts.coverage_figure(result.coverage)


# ---------------------------------------------------------------------------
# improvement and stakeholders (notebooks 09 and 10)
# ---------------------------------------------------------------------------
FINDINGS = pd.DataFrame({
    "finding": ["brief", "kennisbank", "id-check", "ivr-tekst", "systeem"],
    "impact": [5, 4, 1, 2, 5],
    "effort": [1, 4, 5, 1, 5],
})


def test_pareto_chart_draws_one_bar_per_reason():
    from wfmcourse.domain import improvement

    table = improvement.pareto(["a", "b", "c"], [5, 3, 1])
    fig = charts.pareto_chart(table)
    assert isinstance(fig, charts.CourseFigure) and len(fig.axes[0].patches) == 3
    np.testing.assert_allclose([bar.get_height() for bar in fig.axes[0].patches], [5, 3, 1])
    np.testing.assert_allclose(fig.axes[1].get_lines()[0].get_ydata(), table["cumulative_share"])
    with pytest.raises(ValueError, match=r"table must have the columns .*missing \['cumulative_share', 'vital_few'\]"):
        charts.pareto_chart(pd.DataFrame({"contacts": [1]}))


def test_matrix_returns_course_figure_with_one_point_per_finding():
    from wfmcourse.domain import improvement

    fig = charts.impact_effort_matrix(FINDINGS)
    assert isinstance(fig, charts.CourseFigure)
    ax = fig.axes[0]
    assert len(ax.collections) == len(FINDINGS)
    order = improvement.prioritise(FINDINGS)
    np.testing.assert_allclose([c.get_offsets()[0] for c in ax.collections],
                               order[["effort", "impact"]].to_numpy())
    corners = {t.get_text() for t in ax.texts if len(t.get_text()) > 2}
    assert corners == {dutch.LABELS.get(q, q) for q in improvement.QUADRANTS}
    assert fig._repr_png_()[:4] == b"\x89PNG"
    mine = Figure()
    assert charts.impact_effort_matrix(FINDINGS, ax=mine.add_subplot()) is mine


@pytest.fixture(scope="module")
def parties():
    from wfmcourse.data import datasets

    return datasets.load_stakeholders()


def test_map_draws_one_point_and_label_per_party(parties):
    from wfmcourse.domain import stakeholders

    fig = charts.stakeholder_map(parties)
    assert isinstance(fig, charts.CourseFigure)
    ax = fig.axes[0]
    points = sum(len(c.get_offsets()) for c in ax.collections)
    assert points == len(parties)
    labels = [t.get_text() for t in ax.texts if t.get_gid() == "stakeholder"]
    assert sorted(labels) == sorted(parties["stakeholder"])
    quadrants = {t.get_text() for t in ax.texts if t.get_gid() == "kwadrant"}
    assert quadrants == {dutch.LABELS.get(q, q) for q in stakeholders.QUADRANTS}
    assert ax.get_xlabel() == "Belang" and ax.get_ylabel() == "Invloed"
    assert len(ax.lines) == 2   # the two quadrant lines
    # every plotted point stays in the cell of its scores (duplicates are only spread)
    xy = np.concatenate([c.get_offsets() for c in ax.collections])
    assert np.all(np.abs(xy[:, 0] - parties["interest"].to_numpy()) < 0.5)
    assert np.all(np.abs(xy[:, 1] - parties["influence"].to_numpy()) < 0.5)


def test_map_uses_given_axes_and_default_frame(parties):
    fig = Figure()
    ax = fig.add_subplot()
    assert charts.stakeholder_map(ax=ax) is fig
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(parties)


def test_map_rejects_frame_without_scores(parties):
    with pytest.raises(ValueError, match="interest"):
        charts.stakeholder_map(parties.drop(columns="interest"))
    with pytest.raises(ValueError, match="threshold"):
        charts.stakeholder_map(parties, threshold=6)


# ---------------------------------------------------------------------------
# the final case (notebook 11)
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def intervals():
    from wfmcourse.data import datasets

    return datasets.load_intervals()


def test_watermelon_figure_draws_the_weekly_report(intervals):
    from wfmcourse.domain import reporting

    report = reporting.weekly_report(intervals)
    ax = charts.watermelon_figure(report, highlight=12).axes[0]
    np.testing.assert_allclose([bar.get_height() for bar in ax.patches], report["service_level"])
    red = [line for line in ax.get_lines() if line.get_label().startswith("aandeel")][0]
    np.testing.assert_allclose(red.get_ydata(), report["share_below_target"])
    assert "week 12" in [t.get_text() for t in ax.texts]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(t.startswith("week rood") for t in legend) and any(t.startswith("week groen") for t in legend)
    assert all("%" not in t or " %" in t for t in legend)              # Dutch: "80 %"
    with pytest.raises(ValueError, match="highlight must be <= 53, got 60"):
        charts.watermelon_figure(report, highlight=60)


def test_hour_heatmap_shows_the_service_level_per_cell(intervals):
    from wfmcourse.domain import reporting

    table = reporting.service_level_by_hour(intervals, weeks=[11, 12])
    fig = charts.hour_heatmap(table)
    np.testing.assert_allclose(fig.axes[0].images[0].get_array(), table.to_numpy())
    assert "51%" in [t.get_text() for t in fig.axes[0].texts]      # week 12, 10:00: the training


def test_gap_figure_draws_the_open_hours_and_names_the_plan(intervals):
    day = intervals.loc["2025-11-17"]
    needed, staffed = day["agents_needed"], day["agents_staffed"]
    ax = charts.gap_figure(needed, staffed, label="plan van KlantDirect").axes[0]
    open_part = (needed > 0) | (staffed > 0)
    first, last = np.flatnonzero(open_part)[[0, -1]]
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), needed.iloc[first:last + 1])
    assert ax.get_xticklabels()[0].get_text() == needed.index[first].strftime("%H:%M")
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels[0] == "plan van KlantDirect" and "Erlang C" not in " ".join(labels)
    assert ax.get_ylabel() == "medewerkers"
    with pytest.raises(ValueError, match="same index"):
        charts.gap_figure(needed, staffed.iloc[:-1])
    with pytest.raises(ValueError, match="zero everywhere"):
        charts.gap_figure(needed * 0, staffed * 0)


def test_backlog_figure_draws_each_run_and_the_deadline(intervals):
    from wfmcourse.domain import backlog

    week = intervals.loc["2025-03-10":"2025-03-16"]
    mails = pd.Series(np.where(week["is_open"], 0.2 * week["forecast_calls"], 0.6), index=week.index)
    runs = {label: backlog.track(mails, np.where(week["is_open"], agents, 0.0), 360, 8 * 3600, 900, week["is_open"])
            for label, agents in (("genoeg", 2.8), ("te weinig", 2.4))}
    top, bottom = charts.backlog_figure(runs, 8 * 3600, title="Werkvoorraad").axes
    for line, (label, run) in zip(top.get_lines(), runs.items()):
        assert line.get_label() == label
        np.testing.assert_allclose(line.get_ydata(), run["backlog"])
    np.testing.assert_allclose(bottom.get_lines()[1].get_ydata(), runs["te weinig"]["oldest_age"] / 3600)
    deadline = [line for line in bottom.get_lines() if line.get_label() == "deadline"][0]
    assert set(deadline.get_ydata()) == {8.0}
    assert [t.get_text() for t in bottom.get_xticklabels()] == ["ma 10", "di 11", "wo 12", "do 13", "vr 14",
                                                                 "za 15", "zo 16"]
    assert top.get_ylabel() == "werkvoorraad" and top.get_title() == "Werkvoorraad"
    with pytest.raises(ValueError, match="at least one run"):
        charts.backlog_figure({}, 8 * 3600)
    with pytest.raises(ValueError, match="share one index"):
        charts.backlog_figure({"a": runs["genoeg"], "b": runs["genoeg"].iloc[:-1]}, 8 * 3600)
    with pytest.raises(ValueError, match="columns"):
        charts.backlog_figure({"a": runs["genoeg"].drop(columns="oldest_age")}, 8 * 3600)
    with pytest.raises(TypeError, match="runs"):
        charts.backlog_figure([runs["genoeg"]], 8 * 3600)


# ---------------------------------------------------------------------------
# the house rules: every chart here, no pyplot, one place that makes a figure
# ---------------------------------------------------------------------------
def _package_sources():
    from pathlib import Path

    import wfmcourse

    root = Path(wfmcourse.__file__).parent
    return {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8") for path in root.rglob("*.py")}


def test_no_pyplot_and_no_matplotlib_in_the_domain():
    import re

    for name, source in _package_sources().items():
        assert not re.search(r"matplotlib\.pyplot|from matplotlib import .*pyplot", source), name
        if name.startswith("domain/"):
            assert not re.search(r"^\s*(import|from) matplotlib", source, re.M), name
            assert not re.search(r"^\s*(from|import) wfmcourse\.presentation(\.charts| import .*charts)", source,
                                 re.M), name


def test_charts_do_not_import_the_apps():
    import re

    source = _package_sources()["presentation/charts.py"]
    assert not re.search(r"^\s*(from|import) wfmcourse\.(apps|course)", source, re.M)


def test_course_figures_are_made_in_one_place():
    import re

    for name, source in _package_sources().items():
        made = re.findall(r"(?<!class )CourseFigure\(", source)
        assert len(made) == (1 if name == "presentation/charts.py" else 0), name


def test_every_chart_returns_a_figure():
    import inspect

    for name in charts.__all__:
        function = getattr(charts, name)
        if inspect.isfunction(function) and name not in ("to_png", "to_pdf"):
            assert inspect.signature(function).return_annotation in ("Figure", Figure), name


def test_summary_page_of_a_week_has_one_tick_per_day_and_the_legend_below():
    labels = [f"2026-11-{day} {hour:02d}:00" for day in (23, 24, 25) for hour in (8, 9, 10)]
    intervals = pd.DataFrame({"agents_needed": np.arange(9), "agents_to_roster": np.arange(9) + 2}, index=labels)
    fig = charts.summary_page([("a", "b")], intervals, title="Bezettingsadvies week 48")
    chart = fig.axes[1]
    assert [tick.get_text() for tick in chart.get_xticklabels()] == ["ma 23-11", "di 24-11", "wo 25-11"]
    legend = chart.get_legend()
    assert legend._loc == 9 and legend.get_bbox_to_anchor().y0 < chart.get_window_extent().y0   # under the chart


# ---------------------------------------------------------------------------------------------- the year plan (07)
def _weeks(values, start="2026-01-05"):
    return pd.Series(np.asarray(values, float), index=pd.date_range(start, periods=len(values), freq="W-MON"))


def test_year_forecast_figure_draws_history_forecast_and_band():
    history = _weeks([100, 120, 110, 90], "2025-12-01")
    future = _weeks([105, 125, 115])
    fig = charts.year_forecast_figure(history, future, future * 0.9, future * 1.1, band_label="80 %-band")
    ax = fig.axes[0]
    lines = {line.get_label(): line for line in ax.get_lines()}
    np.testing.assert_allclose(lines["werkelijk"].get_ydata(), history)
    np.testing.assert_allclose(lines["forecast"].get_ydata(), future)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["werkelijk", "80 %-band", "forecast"]
    assert ax.get_ylabel() == "gesprekken per week"
    assert all(label.get_text()[-4:] in ("2025", "2026") for label in ax.get_xticklabels())
    assert len(charts.year_forecast_figure(history, future).axes[0].collections) == 0      # no band
    with pytest.raises(ValueError, match="both"):
        charts.year_forecast_figure(history, future, lower=future)
    with pytest.raises(ValueError, match="index of forecast"):
        charts.year_forecast_figure(history, future, history, history)


def test_capacity_plan_figure_shades_the_shortfall_and_shows_week_numbers():
    needed = _weeks([10, 12, 14, 12])
    available = _weeks([11, 11, 15, 13])
    fig = charts.capacity_plan_figure(needed, available, hires=_weeks([0, 5, 0, 0]))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2", "3", "4", "5"]      # ISO weeks of Jan 2026
    names = [t.get_text() for t in ax.get_legend().get_texts()]
    assert names == ["nodig", "inzetbare FTE", "tekort", "over", "instroom"]
    bars = fig.axes[1].patches
    assert [bar.get_height() for bar in bars] == [0, 5, 0, 0]
    assert ax.get_ylabel() == "FTE"
    # one bar per week: the single short week (week 3, 1 FTE) is a full bar, not a hairline
    gap_bars = sorted((round(b.get_x() + b.get_width() / 2), b.get_height(), b.get_y()) for b in ax.patches)
    assert gap_bars == [(0, 1, 10), (1, 1, 11), (2, 1, 14), (3, 1, 12)]
    covered = charts.capacity_plan_figure(needed, available, short_label="flex/overuren")
    assert [t.get_text() for t in covered.axes[0].get_legend().get_texts()][2] == "flex/overuren"
    with pytest.raises(ValueError, match="same index"):
        charts.capacity_plan_figure(needed, available.iloc[:3])


def test_cost_curve_figure_plots_cost_in_thousands_against_the_service_level():
    fig = charts.cost_curve_figure([0.9, 0.7, 0.8], [3_300_000, 3_000_000, 3_100_000], chosen=0.8)
    ax = fig.axes[0]
    line = ax.get_lines()[0]
    np.testing.assert_allclose(line.get_xdata(), [0.7, 0.8, 0.9])
    np.testing.assert_allclose(line.get_ydata(), [3000, 3100, 3300])
    assert "gekozen: 80 %" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert ax.xaxis.get_major_formatter()(0.6, 0) == "60 %"
    assert ax.yaxis.get_major_formatter()(3000, 0) == "3.000"
    with pytest.raises(ValueError, match="equally long"):
        charts.cost_curve_figure([0.8], [1.0])
