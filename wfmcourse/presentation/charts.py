"""Matplotlib charts for the course, with Dutch labels.

The functions are thin: each takes a table made by a tested function (mostly from
:mod:`wfmcourse.domain.scenarios` and :mod:`wfmcourse.domain.simulation`) and draws it, without computing
anything of its own. They build a :class:`matplotlib.figure.Figure` directly (no pyplot), so
a notebook shows the returned figure exactly once and no global state is left behind; pass
``ax`` to draw into an existing axes instead. Every function returns the figure.
"""
from __future__ import annotations

import io

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, MultipleLocator, PercentFormatter

from wfmcourse.presentation import dutch
from wfmcourse.validation import dataframe, instance, optional_scalar

__all__ = [
    "service_level_by_agents",
    "service_level_and_occupancy",
    "agents_per_erlang_curve",
    "service_level_by_patience",
    "wait_curve",
    "staffing_by_interval",
    "to_png",
    "dutch_ticks",
    "CourseFigure",
]

BLUE, ORANGE, GREY, GREEN = "#1f6fb4", "#e07b00", "#8c8c8c", "#2a9d55"


class CourseFigure(Figure):
    """A matplotlib figure that shows itself as PNG in Jupyter without pyplot or ``%matplotlib``."""

    def _repr_png_(self):
        return to_png(self)


def _figure(figsize):
    return CourseFigure(figsize=figsize, dpi=100, layout="constrained")


def _axes(ax, figsize):
    if ax is not None:
        return ax.figure, ax
    fig = _figure(figsize)
    return fig, fig.add_subplot()


def _percent_axis(axis):
    axis.set_major_formatter(PercentFormatter(1.0, decimals=0))


def dutch_ticks(fig):
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


def service_level_by_agents(table, target=None, chosen=None, ax=None, figsize=(6, 3)):
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


def service_level_and_occupancy(table, target=None, ax=None, figsize=(7, 3.5)):
    """Service level and occupancy against the number of agents: more of one means less of the other."""
    dataframe("table", table, ["service_level", "occupancy"])
    target = optional_scalar("target", target, high=1.0)
    fig, ax = _axes(ax, figsize)
    agents = np.asarray(table.index)
    ax.plot(agents, table["service_level"], marker="o", color=BLUE, label="service level")
    ax.plot(agents, table["occupancy"], marker="s", color=ORANGE, label="occupancy")
    if target is not None:
        ax.axhline(target, color=GREY, linestyle="--", linewidth=1.2, label=f"doel service level {dutch.percent(target, 0)}")
    _agent_axes(ax, "percentage", "Meer medewerkers: hoger service level, lagere occupancy")
    ax.legend(loc="lower right", frameon=False)
    return fig


def agents_per_erlang_curve(table, figsize=(9, 3.5)):
    """Two panels from :func:`~wfmcourse.domain.scenarios.agents_per_erlang`: agents per Erlang and occupancy against the load."""
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


def service_level_by_patience(table, target=None, ax=None, figsize=(7, 3.5)):
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


def wait_curve(table, awt=None, ax=None, figsize=(7, 3.5)):
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


def staffing_by_interval(intervals, target=None, figsize=(8, 5)):
    """Two panels over the intervals of a :func:`~wfmcourse.apps.dashboard.staffing_plan`.

    Top: agents needed (bars) and, when the table has ``scheduled``, the agents to roster
    including shrinkage (line). Bottom: service level and occupancy per interval, ``target``
    (fraction) as a dashed line. The index gives the interval labels.
    """
    dataframe("intervals", intervals, ["agents", "service_level", "occupancy"])
    target = optional_scalar("target", target, high=1.0)
    fig = _figure(figsize)
    top, bottom = fig.subplots(2, 1, sharex=True)
    x = np.arange(len(intervals))
    top.bar(x, intervals["agents"], color=BLUE, width=0.8, label="nodig aan de telefoon")
    if "scheduled" in intervals.columns:
        top.step(x, intervals["scheduled"], where="mid", color=ORANGE, linewidth=1.6,
                 label="in te roosteren (incl. shrinkage)")
    highest = max(intervals.get("scheduled", intervals["agents"]).max(), intervals["agents"].max(), 1)
    top.set_ylim(0, 1.3 * highest)                      # room for the legend above the bars
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.set_ylabel("medewerkers")
    top.set_title("Medewerkers per interval")
    top.legend(loc="upper left", frameon=False, fontsize="small", ncols=2)
    busy = intervals["calls"] > 0 if "calls" in intervals.columns else True
    # an interval without calls has no service level worth drawing: leave a gap in the lines
    bottom.plot(x, intervals["service_level"].where(busy), marker="o", markersize=3, color=BLUE,
                label="service level")
    bottom.plot(x, intervals["occupancy"].where(busy), marker="s", markersize=3, color=ORANGE,
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


_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


def _time_labels(index) -> list[str]:
    """Tick labels: "ma 08:00" for date-times (Dutch day names), else the labels as text."""
    from wfmcourse.apps.dashboard import label_times       # dashboard draws with this module: import late

    stamps = label_times(index)
    if stamps is None:
        return [str(label) for label in index]
    return [f"{_DAYS[t.weekday()]} {t:%H:%M}" for t in stamps]


def to_png(fig) -> bytes:
    """The figure as PNG bytes (for an ``ipywidgets.Image``), with Dutch tick labels (:func:`dutch_ticks`)."""
    instance("fig", fig, Figure, "a matplotlib Figure")
    dutch_ticks(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
