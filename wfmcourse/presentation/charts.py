"""Matplotlib charts for the course, with Dutch labels: every chart of the package lives here.

The functions are thin: each takes a result made by a tested domain function (from
:mod:`wfmcourse.domain.scenarios`, :mod:`~wfmcourse.domain.simulation`, :mod:`~wfmcourse.domain.forecast`,
:mod:`~wfmcourse.domain.roster`, :mod:`~wfmcourse.domain.improvement`, :mod:`~wfmcourse.domain.stakeholders`,
:mod:`~wfmcourse.domain.reporting`, :mod:`~wfmcourse.domain.performance` and :mod:`~wfmcourse.domain.backlog`)
and draws it, without computing anything of its own. They build a :class:`CourseFigure` (a
:class:`matplotlib.figure.Figure`, no pyplot), so a notebook shows the returned figure exactly once and no
global state is left behind; where a chart takes ``ax`` it draws into that existing axes instead. Every chart
returns its figure.
The English column names a chart reads are looked up in one place at the top of the chart.
"""
from __future__ import annotations

import io
import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, MultipleLocator, PercentFormatter

from wfmcourse.data import datasets
from wfmcourse.domain import improvement, stakeholders
from wfmcourse.domain.roster import RosterResult
from wfmcourse.presentation import dutch
from wfmcourse.validation import as_array, dataframe, instance, optional_scalar, scalar, series, text, whole

__all__ = [
    "service_level_by_agents",
    "service_level_and_occupancy",
    "agents_per_erlang_curve",
    "service_level_by_patience",
    "wait_curve",
    "staffing_by_interval",
    "profile_figure",
    "forecast_figure",
    "control_room_figure",
    "coverage_figure",
    "pareto_chart",
    "impact_effort_matrix",
    "stakeholder_map",
    "watermelon_figure",
    "hour_heatmap",
    "gap_figure",
    "backlog_figure",
    "year_forecast_figure",
    "capacity_plan_figure",
    "cost_curve_figure",
    "to_png",
    "to_pdf",
    "summary_page",
    "dutch_ticks",
    "CourseFigure",
]

BLUE, ORANGE, GREY, GREEN = "#1f6fb4", "#e07b00", "#8c8c8c", "#2a9d55"


class CourseFigure(Figure):
    """A matplotlib figure that shows itself as PNG in Jupyter without pyplot or ``%matplotlib``."""

    def _repr_png_(self) -> bytes:
        return to_png(self)


def _figure(figsize) -> CourseFigure:
    """The one place a course figure is made: 100 dpi, constrained layout."""
    return CourseFigure(figsize=figsize, dpi=100, layout="constrained")


def _axes(ax, figsize):
    if ax is not None:
        return ax.figure, ax
    fig = _figure(figsize)
    return fig, fig.add_subplot()


def _percent_axis(axis):
    axis.set_major_formatter(PercentFormatter(1.0, decimals=0))


def dutch_ticks(fig) -> Figure:
    """Write the numbers on every axis of ``fig`` the Dutch way: ``0,5`` and ``80 %``, not ``0.5``, ``80%``.

    Replaces matplotlib's default number formatter and :class:`~matplotlib.ticker.PercentFormatter`
    (same scale and decimals) by :mod:`wfmcourse.presentation.dutch`, and date ticks by a Dutch day with the time
    (``di 08:00``) or, at midnight, the date (``di 18 nov``); category and custom labels are left alone.
    Applied by :func:`to_png`, so every course figure shows Dutch ticks. Returns ``fig``.
    """
    from matplotlib.ticker import FuncFormatter, ScalarFormatter

    instance("fig", fig, Figure, "a matplotlib Figure")

    def percent_formatter(old):
        decimals = old.decimals if old.decimals is not None else 0
        return FuncFormatter(lambda v, _pos: dutch.percent(v / old.xmax, decimals))

    from matplotlib.dates import AutoDateFormatter, ConciseDateFormatter, DateFormatter, num2date

    def when(value, _pos):
        t = num2date(value)
        day = _DAYS[t.weekday()]
        return f"{day} {t:%H:%M}" if (t.hour, t.minute) != (0, 0) else f"{day} {dutch.date(t.date())[:-5]}"

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            formatter = axis.get_major_formatter()
            if isinstance(formatter, (AutoDateFormatter, ConciseDateFormatter, DateFormatter)):
                axis.set_major_formatter(FuncFormatter(when))
            elif isinstance(formatter, PercentFormatter):
                axis.set_major_formatter(percent_formatter(formatter))
            elif type(formatter) is ScalarFormatter:
                axis.set_major_formatter(FuncFormatter(lambda v, _pos: dutch.short(v)))
    return fig


def _agent_axes(ax, ylabel, title):
    """Agents on the x axis (whole numbers), a fraction shown as percentage on the y axis."""
    ax.set_ylim(0, 1.02)
    _percent_axis(ax.yaxis)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("aantal medewerkers")
    ax.set_ylabel(ylabel)
    ax.set_title(title)


def service_level_by_agents(table, target=None, chosen=None, ax=None, figsize=(6, 3)) -> Figure:
    """Bars of the service level per number of agents (a :func:`~wfmcourse.domain.scenarios.staffing_table`).

    ``target`` (fraction) draws the goal as a dashed line; ``chosen`` (an agent count)
    colours that bar.
    """
    dataframe("table", table, ["service_level"])
    target = optional_scalar("target", target, high=1.0)
    chosen = optional_scalar("chosen", chosen, integer=True)
    fig, ax = _axes(ax, figsize)
    agents = np.asarray(table.index)
    colours = [ORANGE if chosen is not None and n == chosen else BLUE for n in agents]
    ax.bar(agents, table["service_level"], color=colours, width=0.7)
    if target is not None:
        ax.axhline(target, color=GREY, linestyle="--", linewidth=1.2, label=f"doel {dutch.percent(target, 0)}")
        ax.legend(loc="upper left", frameon=False)
    _agent_axes(ax, "service level", "Service level per aantal medewerkers")
    return fig


def service_level_and_occupancy(table, target=None, ax=None, figsize=(7, 3.5)) -> Figure:
    """Service level and occupancy against the number of agents: more of one means less of the other."""
    dataframe("table", table, ["service_level", "occupancy"])
    target = optional_scalar("target", target, high=1.0)
    fig, ax = _axes(ax, figsize)
    agents = np.asarray(table.index)
    ax.plot(agents, table["service_level"], marker="o", color=BLUE, label="service level")
    ax.plot(agents, table["occupancy"], marker="s", color=ORANGE, label="occupancy")
    if target is not None:
        ax.axhline(target, color=GREY, linestyle="--", linewidth=1.2,
                   label=f"doel service level {dutch.percent(target, 0)}")
    _agent_axes(ax, "percentage", "Meer medewerkers: hoger service level, lagere occupancy")
    ax.legend(loc="lower right", frameon=False)
    return fig


def agents_per_erlang_curve(table, figsize=(9, 3.5)) -> Figure:
    """Two panels from :func:`~wfmcourse.domain.scenarios.agents_per_erlang`: agents per Erlang and
    occupancy against the load."""
    dataframe("table", table, ["agents_per_erlang", "occupancy"])
    fig = _figure(figsize)
    left, right = fig.subplots(1, 2)
    load = np.asarray(table.index, float)
    left.plot(load, table["agents_per_erlang"], color=BLUE)
    left.axhline(1.0, color=GREY, linestyle=":", linewidth=1)
    left.set_xlabel("verkeer (Erlang)")
    left.set_ylabel("medewerkers per Erlang")
    left.set_title("Benodigde medewerkers per Erlang")
    right.plot(load, table["occupancy"], color=ORANGE)
    right.set_ylim(0, 1.02)
    _percent_axis(right.yaxis)
    right.set_xlabel("verkeer (Erlang)")
    right.set_ylabel("occupancy")
    right.set_title("Occupancy bij hetzelfde service-leveldoel")
    return fig


def service_level_by_patience(table, target=None, ax=None, figsize=(7, 3.5)) -> Figure:
    """One line per column of :func:`~wfmcourse.domain.scenarios.service_level_by_patience` (Erlang C and Erlang A)."""
    dataframe("table", table)
    target = optional_scalar("target", target, high=1.0)
    fig, ax = _axes(ax, figsize)
    agents = np.asarray(table.index)
    styles = ["-", "--", "-.", ":"]
    for i, column in enumerate(table.columns):
        ax.plot(agents, table[column], marker="o", markersize=3, linestyle=styles[i % len(styles)],
                label="Erlang C" if np.isinf(column) else f"Erlang A, geduld {column:g} s")
    if target is not None:
        ax.axhline(target, color=GREY, linewidth=1, label=f"doel {dutch.percent(target, 0)}")
    ax.set_ylim(0, 1.02)
    _percent_axis(ax.yaxis)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("aantal medewerkers")
    ax.set_ylabel("service level")
    ax.set_title("Service level: Erlang C tegenover Erlang A")
    ax.legend(loc="lower right", frameon=False, fontsize="small")
    return fig


def wait_curve(table, awt=None, ax=None, figsize=(7, 3.5)) -> Figure:
    """Share answered within t seconds: simulation against formula (:func:`~wfmcourse.domain.simulation.wait_curve`)."""
    dataframe("table", table, ["simulated", "formula"])
    awt = optional_scalar("awt", awt)
    fig, ax = _axes(ax, figsize)
    t = np.asarray(table.index, float)
    ax.plot(t, table["simulated"], linestyle="none", marker="o", markersize=3.5, color=BLUE,
            label="simulatie")
    ax.plot(t, table["formula"], color=ORANGE, label="formule")
    if awt is not None:
        ax.axvline(awt, color=GREY, linestyle=":", linewidth=1, label=f"AWT {awt:g} s")
    low = np.floor(20 * min(table["simulated"].min(), table["formula"].min())) / 20
    ax.set_ylim(low, 1.0)
    ax.yaxis.set_major_locator(MultipleLocator(0.05 if low >= 0.5 else 0.1))
    _percent_axis(ax.yaxis)
    ax.set_xlabel("wachttijd t (seconden)")
    ax.set_ylabel("binnen t beantwoord")
    ax.set_title("Aandeel bellers beantwoord binnen t seconden")
    ax.legend(loc="lower right", frameon=False)
    return fig


def staffing_by_interval(intervals, target=None, figsize=(8, 5)) -> Figure:
    """Two panels over the intervals of a :func:`~wfmcourse.apps.dashboard.staffing_plan`.

    Top: agents needed (bars) and, when the table has ``agents_to_roster``, the agents to roster
    with the in-day shrinkage (line). Bottom: service level and occupancy per interval, ``target``
    (fraction) as a dashed line. The index gives the interval labels.
    """
    agents, scheduled, calls = "agents_needed", "agents_to_roster", "calls"   # the columns of staffing_plan()
    service_level, occupancy = "service_level", "occupancy"
    dataframe("intervals", intervals, [agents, service_level, occupancy])
    target = optional_scalar("target", target, high=1.0)
    fig = _figure(figsize)
    top, bottom = fig.subplots(2, 1, sharex=True)
    x = np.arange(len(intervals))
    top.bar(x, intervals[agents], color=BLUE, width=0.8, label="nodig aan de telefoon")
    if scheduled in intervals.columns:
        top.step(x, intervals[scheduled], where="mid", color=ORANGE, linewidth=1.6,
                 label="in te roosteren (shrinkage binnen de dag)")
    highest = max(intervals.get(scheduled, intervals[agents]).max(), intervals[agents].max(), 1)
    top.set_ylim(0, 1.3 * highest)                      # room for the legend above the bars
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.set_ylabel("medewerkers")
    top.set_title("Medewerkers per interval")
    top.legend(loc="upper left", frameon=False, fontsize="small", ncols=2)
    busy = intervals[calls] > 0 if calls in intervals.columns else True
    # an interval without calls has no service level worth drawing: leave a gap in the lines
    bottom.plot(x, intervals[service_level].where(busy), marker="o", markersize=3, color=BLUE,
                label="service level")
    bottom.plot(x, intervals[occupancy].where(busy), marker="s", markersize=3, color=ORANGE,
                label="occupancy")
    if target is not None:
        bottom.axhline(target, color=GREY, linestyle="--", linewidth=1.2,
                       label=f"doel {dutch.percent(target, 0)}")
    bottom.set_ylim(0, 1.02)
    _percent_axis(bottom.yaxis)
    bottom.set_ylabel("percentage")
    bottom.legend(loc="lower left", frameon=False, fontsize="small", ncols=3)
    step = max(1, int(np.ceil(len(x) / 12)))
    bottom.set_xticks(x[::step], _time_labels(intervals.index)[::step], rotation=45, ha="right",
                      fontsize="small")
    bottom.set_xlabel("interval")
    return fig


# ---------------------------------------------------------------------------
# forecast and roster (notebook 06)
# ---------------------------------------------------------------------------
def profile_figure(weekday, intraday, figsize=(10, 3.5)) -> Figure:
    """Two panels: the weekday shares (bars) and the intraday shares (line), in percent.

    ``weekday`` is a :func:`~wfmcourse.domain.forecast.weekday_profile` (fractions per weekday, the
    bars labelled with the Dutch day: "ma", "di", ...), ``intraday`` an
    :func:`~wfmcourse.domain.forecast.intraday_profile` (fractions per time of day, x axis in hours).
    """
    as_array("weekday", series("weekday", weekday))
    as_array("intraday", series("intraday", intraday))
    fig = _figure(figsize)
    left, right = fig.subplots(1, 2, width_ratios=(1, 2))
    days = [str(dutch.LABELS.get(day, day))[:2] for day in weekday.index]
    left.bar(days, weekday.to_numpy(), color=BLUE)
    left.set_title("Weekpatroon: aandeel per weekdag")
    hours = [t.hour + t.minute / 60 for t in intraday.index]
    right.step(hours, intraday.to_numpy(), where="post", color=ORANGE)
    right.set_title("Dagpatroon: aandeel per kwartier")
    right.set_xlabel("Uur van de dag")
    for ax in (left, right):
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=1))
        ax.set_ylim(bottom=0)
    return fig


def forecast_figure(actual, forecast, figsize=(10, 3.5)) -> Figure:
    """Actual volume ("Werkelijk") against the forecast ("Forecast") over time, calls per interval."""
    as_array("actual", series("actual", actual))
    as_array("forecast", series("forecast", forecast))
    fig = _figure(figsize)
    ax = fig.add_subplot()
    ax.plot(actual.index, actual.to_numpy(), color=GREY, linewidth=1, label="Werkelijk")
    ax.plot(forecast.index, forecast.to_numpy(), color=BLUE, linewidth=1.5, label="Forecast")
    ax.set_ylabel("Gesprekken per kwartier")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper right")
    return fig


def control_room_figure(view, target=0.8, figsize=(8, 3.2)) -> Figure:
    """The control room's day so far: calls offered per hour (bars) against the forecast (line), and on the right
    axis the service level so far with the ``target`` (fraction). ``view`` is
    :func:`wfmcourse.domain.control_room.view` (columns ``forecast``, ``offered``, ``service_level_so_far``;
    index ``hour_start``)."""
    frame = dataframe("view", view, ("forecast", "offered", "service_level_so_far"), nonempty=True)
    target = scalar("target", target, high=1.0)
    hours = [f"{t:%H:%M}" if isinstance(t, pd.Timestamp) else str(t) for t in frame.index]
    fig = _figure(figsize)
    ax = fig.add_subplot()
    x = np.arange(len(frame))
    ax.bar(x, as_array("view", frame["offered"]), color=GREY, width=0.7, label="Aangeboden")
    ax.plot(x, as_array("view", frame["forecast"]), color=BLUE, marker="o", linewidth=1.5, label="Forecast")
    ax.set_xticks(x, hours)
    ax.set_ylabel("Gesprekken per uur")
    ax.set_ylim(bottom=0)
    right = ax.twinx()
    right.plot(x, as_array("view", frame["service_level_so_far"], high=1.0), color=ORANGE, linewidth=2,
               label="Service level tot nu")
    right.axhline(target, color=RED, linestyle="--", linewidth=1, label=f"Doel {dutch.percent(target, 0)}")
    right.set_ylim(0, 1.02)
    _percent_axis(right.yaxis)
    lines = ax.get_legend_handles_labels()
    more = right.get_legend_handles_labels()
    ax.legend(lines[0] + more[0], lines[1] + more[1], loc="upper center", bbox_to_anchor=(0.5, -0.12),
              fontsize="small", ncols=4, frameon=False)
    ax.set_title("Aanbod, forecast en service level tot nu")
    return fig


def coverage_figure(result, ax=None, figsize=(10, 4)) -> Figure:
    """Agents needed ("Benodigd") against scheduled coverage ("Ingepland") per interval of a roster.

    ``result`` is a :class:`~wfmcourse.domain.roster.RosterResult` (from ``plan_shifts`` or
    ``plan_week``). Over-coverage is shaded green ("Overdekking"), under-coverage red
    ("Onderdekking"); the x axis shows the hour of the day (a plan without dates) or the time.
    """
    instance("result", result, RosterResult, "a RosterResult from plan_shifts or plan_week")
    needed, coverage = result.agents_needed, result.coverage
    fig, ax = _axes(ax, figsize)
    index = needed.index
    step = pd.Timedelta(seconds=result.interval)
    edges = index.append(index[-1:] + step)
    if isinstance(index, pd.TimedeltaIndex):
        x = edges.total_seconds().to_numpy() / 3600
        ax.set_xlabel("Uur van de dag")
    else:
        x = edges.to_pydatetime()
        ax.set_xlabel("Tijd")
    need = np.append(needed.to_numpy(), needed.iloc[-1])
    cov = np.append(coverage.to_numpy(), coverage.iloc[-1])
    ax.fill_between(x, need, cov, where=cov >= need, step="post", color="tab:green", alpha=0.3,
                    label="Overdekking")
    ax.fill_between(x, need, cov, where=cov < need, step="post", color="tab:red", alpha=0.4,
                    label="Onderdekking")
    ax.step(x, need, where="post", color="black", linewidth=1.5, label="Benodigd")
    ax.step(x, cov, where="post", color="tab:blue", linewidth=1.5, label="Ingepland")
    ax.set_ylabel("Aantal medewerkers")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper right")
    return fig


# ---------------------------------------------------------------------------
# improvement and stakeholders (notebooks 09 and 10)
# ---------------------------------------------------------------------------
def pareto_chart(table, figsize=(8, 4)) -> Figure:
    """Bars of the counts per reason (busiest left) with the cumulative share as a line.

    ``table`` is a :func:`~wfmcourse.domain.improvement.pareto`; vital-few bars are dark, the rest
    light, and a dashed line marks 80 %.
    """
    count, cumulative, vital = "contacts", "cumulative_share", "vital_few"     # the columns of pareto()
    dataframe("table", table, [count, cumulative, vital])
    fig = _figure(figsize)
    ax = fig.add_subplot()
    x = np.arange(len(table))
    colours = np.where(table[vital].to_numpy(), BLUE, "#a6c8e6")
    ax.bar(x, table[count], color=colours)
    ax.set_xticks(x, [str(i) for i in table.index], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("Aantal contacten")
    right = ax.twinx()
    right.plot(x, table[cumulative], color=ORANGE, marker="o", markersize=3)
    right.axhline(0.8, color=GREY, linestyle="--", linewidth=1)
    right.set_ylim(0, 1.02)
    _percent_axis(right.yaxis)
    right.set_ylabel("Cumulatief aandeel")
    ax.set_title("Pareto van contactredenen (donker = topredenen)")
    return fig


_PRIORITY_COLOURS = (GREEN, BLUE, GREY, "#c0392b")       # per improvement.QUADRANTS, in that order
_PRIORITY_CORNERS = ((0.02, 0.98, "left", "top"), (0.98, 0.98, "right", "top"),
                     (0.02, 0.02, "left", "bottom"), (0.98, 0.02, "right", "bottom"))


def impact_effort_matrix(findings, ax=None, threshold=3, figsize=(7, 5.5)) -> Figure:
    """The impact-effort matrix: effort ("Inspanning", 1-5) across, impact (1-5) up.

    ``findings`` as for :func:`~wfmcourse.domain.improvement.prioritise` (which also checks it and
    ``threshold``). Points are coloured by quadrant and numbered in the row order of
    ``prioritise``; the Dutch quadrant names sit in the corners.
    """
    impact, effort, quadrant = "impact", "effort", "quadrant"    # the columns of prioritise()
    table = improvement.prioritise(findings, threshold)
    colours = dict(zip(improvement.QUADRANTS, _PRIORITY_COLOURS))
    fig, ax = _axes(ax, figsize)
    for number, (_, row) in enumerate(table.iterrows(), start=1):
        ax.scatter(row[effort], row[impact], s=160, color=colours[row[quadrant]],
                   edgecolors="black", linewidths=0.5, zorder=3)
        ax.annotate(str(number), (row[effort], row[impact]), ha="center", va="center",
                    fontsize=8, color="white", fontweight="bold", zorder=4)
    line = float(threshold) - 0.5 if float(threshold).is_integer() else float(threshold)
    ax.axvline(line, color="grey", linestyle="--", linewidth=1)
    ax.axhline(line, color="grey", linestyle="--", linewidth=1)
    for name, (cx, cy, ha, va) in zip(improvement.QUADRANTS, _PRIORITY_CORNERS):
        ax.text(cx, cy, dutch.LABELS.get(name, name), transform=ax.transAxes, ha=ha, va=va, fontsize=11,
                fontweight="bold", color=colours[name], alpha=0.85)
    _score_axes(ax)
    ax.set_xlabel("Inspanning (1 = weinig, 5 = veel)")
    ax.set_ylabel("Impact (1 = weinig, 5 = veel)")
    ax.set_title("Impact-effort-matrix (nummers = volgorde van aanpak)")
    return fig


def _score_axes(ax):
    """Both axes from 1 to 5 (scores), with room around the outer points."""
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))


_STAKEHOLDER_COLOURS = ("tab:red", "tab:orange", "tab:blue", "tab:gray")   # per stakeholders.QUADRANTS
_STAKEHOLDER_CORNERS = ((0.98, 0.98, "right", "top"), (0.02, 0.98, "left", "top"),
                        (0.98, 0.02, "right", "bottom"), (0.02, 0.02, "left", "bottom"))


def _spread(x, y, radius=0.18):
    """Move points that share a grid cell onto a small circle so all stay visible and in their cell."""
    x, y = np.asarray(x, float).copy(), np.asarray(y, float).copy()
    keys = list(zip(x.tolist(), y.tolist()))
    groups: dict = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    for members in groups.values():
        m = len(members)
        if m > 1:
            for k, i in enumerate(members):
                angle = np.pi / 2 + 2 * np.pi * k / m
                x[i] += radius * np.cos(angle)
                y[i] += radius * np.sin(angle)
    return x, y


def stakeholder_map(frame=None, ax=None, *, threshold=3, figsize=(7, 6)) -> Figure:
    """The stakeholder map: interest ("Belang", 1-5) across, influence ("Invloed", 1-5) up.

    One point per row of ``frame`` (default: :func:`wfmcourse.data.datasets.load_stakeholders`), coloured
    by :func:`~wfmcourse.domain.stakeholders.quadrant` and labelled with its name; dashed lines
    between ``threshold - 1`` and ``threshold`` (the threshold is inclusive) and the Dutch quadrant
    names in the corners. Parties with the same scores are spread on a small circle within their
    cell. Label texts carry ``gid="stakeholder"``, quadrant names ``gid="kwadrant"``.
    """
    name, influence, interest = "stakeholder", "influence", "interest"    # the columns of load_stakeholders()
    frame = datasets.load_stakeholders() if frame is None else dataframe("frame", frame, (name, influence, interest))
    quadrants = np.atleast_1d(stakeholders.quadrant(np.asarray(frame[influence]), np.asarray(frame[interest]),
                                                    threshold))
    colours = dict(zip(stakeholders.QUADRANTS, _STAKEHOLDER_COLOURS))
    fig, ax = _axes(ax, figsize)
    x, y = _spread(frame[interest], frame[influence])
    ax.scatter(x, y, c=[colours[q] for q in quadrants], s=70, edgecolors="black",
               linewidths=0.5, zorder=3)
    for party, xi, yi in zip(frame[name], x, y):
        right_edge = xi > 4.5   # last column: label below the point, inside the axes
        ax.annotate(str(party), (xi, yi), xytext=(4, -14) if right_edge else (6, 4),
                    textcoords="offset points", ha="right" if right_edge else "left",
                    fontsize=9, zorder=4, gid="stakeholder")
    line = float(threshold) - 0.5
    ax.axvline(line, color="gray", linestyle="--", linewidth=1)
    ax.axhline(line, color="gray", linestyle="--", linewidth=1)
    for quadrant, (cx, cy, ha, va) in zip(stakeholders.QUADRANTS, _STAKEHOLDER_CORNERS):
        ax.text(cx, cy, dutch.LABELS.get(quadrant, quadrant), transform=ax.transAxes, ha=ha, va=va,
                fontsize=10, fontweight="bold", color=colours[quadrant], alpha=0.8, gid="kwadrant")
    _score_axes(ax)
    ax.set_xlabel("Belang")
    ax.set_ylabel("Invloed")
    ax.set_title("Stakeholderkaart rond WFM")
    return fig


# ---------------------------------------------------------------------------
# the final case (notebook 11)
# ---------------------------------------------------------------------------
RED = "#c62828"


def watermelon_figure(report, target=0.8, highlight=None, figsize=(10, 3.5)) -> Figure:
    """The dashboard against the quarters: weekly service level and the share of red quarters.

    ``report`` is a :func:`wfmcourse.domain.reporting.weekly_report`. Bars: the volume-weighted
    service level per week, green when it meets ``target`` (fraction), red when not (both in the
    legend); line: the share of intervals below ``target``. Pass whole weeks only: a partial
    week at the turn of the year gets the same ISO number as a whole one. ``highlight`` (a week
    number) gets an outline and a label.
    """
    from matplotlib.patches import Patch

    week, service_level, below = "week", "service_level", "share_below_target"   # weekly_report()
    dataframe("report", report, [week, service_level, below])
    target = scalar("target", target, high=1.0)
    highlight = None if highlight is None else whole("highlight", highlight, low=1, high=53)
    fig = _figure(figsize)
    ax = fig.add_subplot()
    x = np.arange(len(report))
    ok = report[service_level].to_numpy() >= target
    bars = ax.bar(x, report[service_level], color=np.where(ok, GREEN, RED), width=0.8)
    ax.plot(x, report[below], color="black", linewidth=1.4,
            label=f"aandeel kwartieren onder {dutch.percent(target, 0)}")
    ax.axhline(target, color=GREY, linestyle="--", linewidth=1.2, label=f"norm {dutch.percent(target, 0)}")
    if highlight is not None:
        where = np.flatnonzero(report[week].to_numpy() == highlight)
        if not where.size:
            raise ValueError(f"highlight must be a week in the report, got {highlight!r}")
        bars[where[0]].set_edgecolor("black")
        bars[where[0]].set_linewidth(2)
        ax.annotate(f"week {highlight}", (where[0], float(report[service_level].iloc[where[0]])),
                    xytext=(0, 8), textcoords="offset points", ha="center", fontsize="small")
    step = max(1, len(x) // 13)
    ax.set_xticks(x[::step], [str(w) for w in report[week].iloc[::step]])
    ax.set_xlabel("week")
    ax.set_ylim(0, 1.05)
    _percent_axis(ax.yaxis)
    ax.set_title("Groen op het dashboard, rood in de kwartieren")
    handles = [Patch(color=GREEN, label=f"week groen: service level (gewogen) ≥ {dutch.percent(target, 0)}"),
               Patch(color=RED, label=f"week rood: onder {dutch.percent(target, 0)}"), *ax.get_lines()]
    ax.legend(handles=handles, loc="lower left", frameon=True, fontsize="small", ncols=2)
    return fig


def hour_heatmap(table, target=0.8, figsize=(10, 3.2)) -> Figure:
    """Service level per week (rows) and hour (columns) as coloured cells with the percentage.

    ``table`` is a :func:`wfmcourse.domain.reporting.service_level_by_hour` (fractions; index: ISO
    weeks, columns: hours). Cells below ``target`` (fraction) turn red, cells above green; a block
    of red in the same hours shows a planning cause, red cells scattered over the week are mostly chance.
    """
    from matplotlib.colors import TwoSlopeNorm

    values = as_array("table", dataframe("table", table), high=1.0)
    target = scalar("target", target, high=1.0)
    if values.ndim != 2 or not values.size:
        raise ValueError(f"table must be a non-empty weeks x hours table, got shape {values.shape}")
    fig = _figure(figsize)
    ax = fig.add_subplot()
    norm = TwoSlopeNorm(vmin=min(0.5, values.min()), vcenter=target, vmax=1.0)
    image = ax.imshow(values, cmap="RdYlGn", norm=norm, aspect="auto")
    for (row, column), value in np.ndenumerate(values):
        ax.text(column, row, dutch.percent(value, 0, space=False), ha="center", va="center",
                fontsize="small")
    ax.set_xticks(range(values.shape[1]), [f"{h}:00" for h in table.columns])
    ax.set_yticks(range(values.shape[0]), [f"week {w}" for w in table.index])
    ax.set_xlabel("uur van de dag (alle dagen van de week samen)")
    ax.set_title(f"Service level per uur: rood = onder {dutch.percent(target, 0, space=False)}")
    fig.colorbar(image, ax=ax, format=lambda v, _: dutch.percent(v, 0, space=False), shrink=0.9)
    return fig


def gap_figure(agents_needed, agents_staffed, title="Plan tegenover ingezet", label="plan",
               figsize=(10, 3.5)) -> Figure:
    """Agents needed and agents staffed per interval (two Series on one time index); shortfall shaded.

    ``label`` names the agents needed in the legend (say which model and target they come from).
    Only the hours with agents needed or staffed are drawn, so a closed night does not fill the chart.
    """
    text("title", title)
    text("label", label)
    r = pd.Series(as_array("agents_needed", agents_needed),
                  index=agents_needed.index if isinstance(agents_needed, pd.Series) else None)
    s = pd.Series(as_array("agents_staffed", agents_staffed),
                  index=agents_staffed.index if isinstance(agents_staffed, pd.Series) else None)
    if len(r) != len(s) or not r.index.equals(s.index):
        raise ValueError("agents_needed and agents_staffed must be Series on the same index, got "
                         f"{len(r)} and {len(s)} values")
    active = np.flatnonzero((r.to_numpy() > 0) | (s.to_numpy() > 0))
    if not active.size:
        raise ValueError("agents_needed and agents_staffed are zero everywhere: nothing to draw")
    r, s = r.iloc[active[0]:active[-1] + 1], s.iloc[active[0]:active[-1] + 1]
    fig = _figure(figsize)
    ax = fig.add_subplot()
    x = np.arange(len(r))
    ax.step(x, r, where="mid", color=BLUE, linewidth=1.8, label=label)
    ax.step(x, s, where="mid", color="black", linewidth=1.2, label="ingezet")
    ax.fill_between(x, s, r, where=r.to_numpy() > s.to_numpy(), step="mid", color=ORANGE, alpha=0.5,
                    label="tekort")
    labels = [t.strftime("%H:%M") if hasattr(t, "strftime") else str(t) for t in r.index]
    step = max(1, len(x) // 12)
    ax.set_xticks(x[::step], labels[::step])
    ax.set_ylabel("medewerkers")
    ax.set_title(title)
    ax.legend(loc="upper left", frameon=False, fontsize="small", ncols=3)
    ax.set_ylim(0, 1.25 * max(r.max(), s.max()))
    return fig


def backlog_figure(runs, deadline, title="Werkvoorraad e-mail", figsize=(10, 4.5)) -> Figure:
    """The backlog (top) and the age of the oldest item in working hours (bottom) per interval, one line per run.

    ``runs`` maps a Dutch label to a frame of :func:`wfmcourse.domain.backlog.track` (columns ``backlog`` and
    ``oldest_age`` in seconds), all on the same index; ``deadline`` (seconds of working time) is drawn as a
    dashed line in the bottom panel. A time index gets a tick at the start of each day.
    """
    text("title", title)
    limit = scalar("deadline", deadline, low=0.0, low_inclusive=False)
    instance("runs", runs, dict, "a dict label -> frame of backlog.track")
    if not runs:
        raise ValueError("runs must name at least one run of backlog.track, got an empty dict")
    frames = {text("runs label", label): dataframe(f"runs[{label!r}]", frame, ("backlog", "oldest_age"),
                                                   nonempty=True)
              for label, frame in runs.items()}
    index = next(iter(frames.values())).index
    if any(not frame.index.equals(index) for frame in frames.values()):
        raise ValueError("the frames in runs must share one index (the same intervals)")
    fig = _figure(figsize)
    top, bottom = fig.subplots(2, 1, sharex=True)
    x = np.arange(len(index))
    for (label, frame), colour in zip(frames.items(), (BLUE, ORANGE, GREEN, GREY)):
        top.plot(x, frame["backlog"].to_numpy(dtype=float), color=colour, linewidth=1.5, label=label)
        bottom.plot(x, frame["oldest_age"].to_numpy(dtype=float) / 3600.0, color=colour, linewidth=1.5,
                    label=label)
    bottom.axhline(limit / 3600.0, color="black", linestyle="--", linewidth=1, label="deadline")
    top.set_ylabel("werkvoorraad")
    bottom.set_ylabel("oudste wacht\n(werkuren)")
    top.set_title(title)
    top.set_ylim(bottom=0)
    bottom.set_ylim(bottom=0)
    top.legend(loc="upper left", frameon=False, fontsize="small")
    bottom.legend(loc="upper left", frameon=False, fontsize="small", ncols=len(frames) + 1)
    stamps = dutch.label_times(index)
    if stamps is not None:
        starts = [i for i, t in enumerate(stamps) if i == 0 or t.date() != stamps.iloc[i - 1].date()]
        bottom.set_xticks(starts, [f"{_DAYS[stamps.iloc[i].weekday()]} {stamps.iloc[i].day}" for i in starts])
    return fig


# ---------------------------------------------------------------------------
# the year plan (notebook 07): weekly forecast, capacity plan, service level against cost
# ---------------------------------------------------------------------------
def _weekly(name, values):
    """A Series of finite numbers per week on a DatetimeIndex (the Monday of each week)."""
    series(name, values, index=pd.DatetimeIndex)
    as_array(name, values)
    if len(values) == 0:
        raise ValueError(f"{name} must hold at least one week, got none")
    return values.astype(float)


def _month_ticks(ax, start, end):
    """Ticks on the first of every third month between ``start`` and ``end``, labelled "jan 2025"."""
    from matplotlib.dates import date2num

    firsts = pd.date_range(start.to_period("Q").to_timestamp(), end, freq="QS")
    firsts = firsts[firsts >= start]
    ax.set_xticks(date2num(firsts.to_pydatetime()), [dutch.date(t.date())[-8:] for t in firsts])


def year_forecast_figure(history, forecast, lower=None, upper=None, band_label="80 %-band",
                         figsize=(10, 3.5)) -> Figure:
    """Calls per week: the history ("werkelijk", grey) and the forecast ("forecast", blue), with the band
    ``lower``..``upper`` shaded (``band_label``) when given.

    All are Series on weekly DatetimeIndexes (the Monday of each week), as made by
    :func:`wfmcourse.domain.forecast.weekly_totals`; ``lower`` and ``upper`` on the index of ``forecast``.
    """
    h, f = _weekly("history", history), _weekly("forecast", forecast)
    text("band_label", band_label)
    if (lower is None) != (upper is None):
        raise ValueError("give both lower and upper, or neither")
    fig = _figure(figsize)
    ax = fig.add_subplot()
    ax.plot(h.index, h.to_numpy(), color=GREY, linewidth=1, label="werkelijk")
    if lower is not None:
        lo, hi = _weekly("lower", lower), _weekly("upper", upper)
        if not (lo.index.equals(f.index) and hi.index.equals(f.index)):
            raise ValueError("lower and upper must be on the index of forecast")
        ax.fill_between(f.index, lo.to_numpy(), hi.to_numpy(), color=BLUE, alpha=0.2, linewidth=0,
                        label=band_label)
    ax.plot(f.index, f.to_numpy(), color=BLUE, linewidth=1.5, label="forecast")
    ax.set_ylabel("gesprekken per week")
    ax.set_ylim(bottom=0)
    _month_ticks(ax, min(h.index[0], f.index[0]), max(h.index[-1], f.index[-1]))
    ax.legend(loc="lower left", frameon=False, ncols=3)
    return fig


def _week_numbers(index):
    """ISO week numbers of a weekly DatetimeIndex, or the index itself for week numbers."""
    if isinstance(index, pd.DatetimeIndex):
        return index.isocalendar().week.to_numpy().astype(int)
    return np.asarray(index)


def capacity_plan_figure(needed, available, hires=None, title="Capaciteitsplan", unit="FTE",
                         figsize=(10, 4), short_label="tekort") -> Figure:
    """Needed ("nodig") against available capacity ("inzetbare FTE") per week, shortfall as an orange bar per
    week (``short_label``: "tekort", or "flex/overuren" when a plan covers it), surplus as a green bar ("over");
    optional bars of ``hires`` per week ("instroom", right axis). One bar per week, so a single short week shows.

    ``needed``, ``available`` (and ``hires``): Series on one index of weeks (the Mondays, or week numbers);
    the x axis shows week numbers. ``unit`` names the y axis ("FTE").
    """
    text("title", title)
    text("unit", unit)
    text("short_label", short_label)
    r = series("needed", needed)
    s = series("available", available)
    as_array("needed", r)
    as_array("available", s)
    if not r.index.equals(s.index) or len(r) == 0:
        raise ValueError("needed and available must be non-empty Series on the same index")
    x = np.arange(len(r))
    fig = _figure(figsize)
    ax = fig.add_subplot()
    need, have = r.to_numpy(float), s.to_numpy(float)
    short = have < need
    ax.bar(x[short], (need - have)[short], bottom=have[short], width=1.0, color=ORANGE, alpha=0.5,
           label=short_label)
    ax.bar(x[~short], (have - need)[~short], bottom=need[~short], width=1.0, color=GREEN, alpha=0.25, label="over")
    ax.step(x, need, where="mid", color="black", linewidth=1.5, label="nodig")
    ax.step(x, have, where="mid", color=BLUE, linewidth=1.5, label="inzetbare FTE")
    if hires is not None:
        n = series("hires", hires)
        as_array("hires", n, low=0.0)
        if not n.index.equals(r.index):
            raise ValueError("hires must be on the index of needed")
        bars = ax.twinx()
        bars.bar(x, n.to_numpy(float), color=GREY, alpha=0.5, width=0.8, label="instroom")
        bars.set_ylabel("instroom (mensen)")
        bars.set_ylim(0, max(1.0, 4 * float(n.max())))
        bars.yaxis.set_major_locator(MaxNLocator(integer=True))
        handles, names = ax.get_legend_handles_labels()
        more, more_names = bars.get_legend_handles_labels()
        ax.legend(handles + more, names + more_names, loc="lower left", frameon=False, ncols=5)
    else:
        ax.legend(loc="lower left", frameon=False, ncols=4)
    weeks = _week_numbers(r.index)
    step = max(1, len(x) // 13)
    ax.set_xticks(x[::step], [str(w) for w in weeks[::step]])
    ax.set_xlabel("week")
    ax.set_ylabel(unit)
    low = min(need.min(), have.min())
    ax.set_ylim(bottom=0 if low < 0.5 * max(need.max(), have.max()) else 0.8 * low)
    ax.set_title(title)
    return fig


def cost_curve_figure(service_level, cost, chosen=None, figsize=(7, 3.5)) -> Figure:
    """Cost per year (euro, y axis, in thousands) against the service level it buys (x axis, percent).

    ``service_level`` (fractions) and ``cost`` (euro): equally long sequences or Series, one point per plan;
    ``chosen`` (a service level) marks the plan the centre runs. The curve bends upwards: every next point of
    service level costs more than the one before.
    """
    sl = np.atleast_1d(as_array("service_level", service_level, low=0.0, high=1.0))
    c = np.atleast_1d(as_array("cost", cost, low=0.0))
    if sl.ndim != 1 or sl.shape != c.shape or sl.size < 2:
        raise ValueError(f"service_level and cost must be two equally long lists of at least 2 values, got "
                         f"{sl.shape} and {c.shape}")
    order = np.argsort(sl)
    fig = _figure(figsize)
    ax = fig.add_subplot()
    ax.plot(sl[order], c[order] / 1000, color=BLUE, marker="o", linewidth=1.5)
    if chosen is not None:
        level = scalar("chosen", chosen, low=0.0, high=1.0)
        ax.axvline(level, color=ORANGE, linestyle="--", label=f"gekozen: {dutch.percent(level, 0)}")
        ax.legend(loc="upper left", frameon=False)
    from matplotlib.ticker import FuncFormatter
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: dutch.percent(v, 0)))      # "60 %", not "60%"
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: dutch.number(v, 0)))       # "3.000", not "3000"
    ax.set_xlabel("service-leveldoel")
    ax.set_ylabel("kosten per jaar (duizend euro)")
    return fig


_DAYS = tuple(day[:2] for day in dutch.DAY_NAMES)      # "ma", "di", ...


def _time_labels(index) -> list[str]:
    """Tick labels: "ma 08:00" for date-times (Dutch day names), else the labels as text."""
    stamps = dutch.label_times(index)
    if stamps is None:
        return [str(label) for label in index]
    return [f"{_DAYS[t.weekday()]} {t:%H:%M}" for t in stamps]


def summary_page(rows, intervals, title="Bezettingsadvies", note="") -> Figure:
    """One A4 page (portrait): ``title``, a two-column table of ``rows`` (label, text) and the
    agents per interval of :func:`staffing_by_interval` (top panel) below it, the legend under the
    chart and, for date-time labels spanning several days, one tick per day; ``note`` in small
    print at the bottom. For the one-page PDF of the consultant dashboard (:func:`to_pdf`)."""
    instance("rows", rows, list, "a list of (label, text) pairs")
    dataframe("intervals", intervals, ["agents_needed"])
    text("title", title)
    text("note", note)
    fig = _figure((8.27, 11.69))
    text_ax, chart_ax, note_ax = fig.subplots(3, 1, height_ratios=[1.1, 1, 0.12])
    text_ax.axis("off")
    note_ax.axis("off")
    text_ax.set_title(title, loc="left", fontsize=16, fontweight="bold")
    table = text_ax.table(cellText=[[str(a), str(b)] for a, b in rows], colWidths=[0.64, 0.36],
                          loc="upper left", cellLoc="left", edges="horizontal")
    table.auto_set_font_size(False)
    table.set_fontsize(9)
    table.scale(1, 1.35)
    x = np.arange(len(intervals))
    chart_ax.bar(x, intervals["agents_needed"], color=BLUE, width=0.8, label="nodig aan de telefoon")
    if "agents_to_roster" in intervals.columns:
        chart_ax.step(x, intervals["agents_to_roster"], where="mid", color=ORANGE, linewidth=1.6,
                      label="in te roosteren (shrinkage binnen de dag)")
    chart_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    chart_ax.set_ylabel("medewerkers")
    chart_ax.set_title("Medewerkers per interval")
    chart_ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, frameon=False,
                    fontsize="small")                      # below the chart: the bars stay readable
    stamps = dutch.label_times(intervals.index)
    if stamps is not None and stamps.dt.normalize().nunique() > 1:   # a week: one tick per day
        days = stamps.dt.normalize()
        first = np.flatnonzero(~days.duplicated().to_numpy())
        chart_ax.set_xticks(x[first], [f"{_DAYS[stamps.iloc[i].weekday()]} {stamps.iloc[i]:%d-%m}" for i in first],
                            fontsize="small")
    else:
        step = max(1, int(np.ceil(len(x) / 16)))
        chart_ax.set_xticks(x[::step], _time_labels(intervals.index)[::step], rotation=45, ha="right",
                            fontsize="small")
    if note:
        note_ax.text(0, 0, textwrap.fill(note, 140), fontsize=7, color=GREY, ha="left", va="bottom",
                     transform=note_ax.transAxes)
    return fig


def to_pdf(fig) -> bytes:
    """The figure as PDF bytes (one page), with Dutch tick labels (:func:`dutch_ticks`)."""
    instance("fig", fig, Figure, "a matplotlib Figure")
    dutch_ticks(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="pdf", metadata={"Creator": None, "Producer": None, "CreationDate": None})
    return buffer.getvalue()


def to_png(fig) -> bytes:
    """The figure as PNG bytes (for an ``ipywidgets.Image``), with Dutch tick labels (:func:`dutch_ticks`)."""
    instance("fig", fig, Figure, "a matplotlib Figure")
    dutch_ticks(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
