"""Helpers for the final case (notebook 08): diagnose a year of KlantDirect intervals against the
client's own plan, compare staffing options with one model, and three figures (the Excel export is
:mod:`wfmcourse.presentation.excel`).

* :func:`client_plan` - how KlantDirect planned (Erlang A, its own AHT, patience and target), so
  every comparison with its staffing is like with like;
* :func:`week_diagnosis` - per week: the dashboard figures and the three deviations that explain a
  red week (volume against forecast, staffing against plan, the weakest hour against plan);
  :func:`likely_cause` names the deviation that stands out, :func:`watermelon_week` finds the
  week that is green on the dashboard and red in one hour;
* :func:`staffing_gap`, :func:`week_rows`, :func:`block_mask`, :func:`move_block` - shortfall
  against a plan, the rows of one week, the intervals of a daily block (a training) and the same
  block moved to other hours;
* :func:`expected_service_level`, :func:`compare_options` - staffing options evaluated with the
  same Erlang A model on the calls that actually came.

Times in seconds, hours in hours, shares are fractions 0-1.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from wfmcourse.domain import erlang, forecast
from wfmcourse.presentation import dutch
from wfmcourse.validation import (ParameterTypeError, as_array, dataframe, instance, one_dimensional,
                      optional_scalar, scalar, text, type_error, value_error, whole)
from wfmcourse.domain.shrinkage import gross_up

__all__ = ["client_plan", "week_diagnosis", "as_text", "CAUSES", "likely_cause", "watermelon_week",
           "staffing_gap", "week_rows", "first_estimate_hours", "block_mask", "move_block", "expected_service_level", "compare_options",
           "watermelon_figure", "hour_heatmap", "gap_figure"]



def staffing_gap(required, staffed):
    """Extra agents per interval to reach the requirement: ``max(required - staffed, 0)``.

    ``required`` and ``staffed`` are agents per interval (numbers or equally long sequences; a
    Series keeps its index). Intervals that already have enough agents get 0.
    """
    r = as_array("required", required)
    s = as_array("staffed", staffed)
    if r.shape != s.shape:
        raise ValueError(f"required and staffed must have the same shape, got {r.shape} and {s.shape}")
    gap = np.maximum(r - s, 0.0)
    if isinstance(required, pd.Series):
        return pd.Series(gap, index=required.index, name="tekort")
    return gap if gap.ndim else float(gap)


def client_plan() -> dict:
    """How KlantDirect planned its phone staffing (``agents_required`` in ``intervals.csv``).

    Erlang A on the forecast with the centre's own assumptions, taken from
    :class:`wfmcourse.data.synth.CentreParameters`: ``aht`` and ``patience`` in seconds, ``awt`` in
    seconds and ``target`` the planning target (a margin above the norm of 80 %). Pass the values to
    :func:`wfmcourse.domain.erlang.agents_needed` to reproduce the plan.
    """
    from wfmcourse.data.synth import CentreParameters

    p = CentreParameters()
    return {"aht": p.phone_aht, "awt": p.awt, "target": p.planning_target, "patience": p.patience}


_PLAN_COLUMNS = ("is_open", "forecast_calls", "calls_offered", "answered_in_time", "agents_required",
                 "agents_staffed")
#: Columns of :func:`week_diagnosis` that are shares (written as percentages by :func:`as_text`).
_SHARES = ("service level", "rode kwartieren", "zwakste uur", "volume t.o.v. forecast",
           "bezetting t.o.v. plan", "zwakste uur t.o.v. plan")
_SIGNED = ("volume t.o.v. forecast", "bezetting t.o.v. plan", "zwakste uur t.o.v. plan")


def _intervals(intervals, columns=_PLAN_COLUMNS):
    dataframe("intervals", intervals, columns)
    _datetime_index("intervals", intervals)
    for column in columns[1:]:
        as_array(column, intervals[column])
    return intervals


def _datetime_index(name, value):
    """A ValueError naming ``name`` unless ``value`` (a DataFrame or Series) has a DatetimeIndex."""
    if not isinstance(value.index, pd.DatetimeIndex):
        raise value_error(name, value, "index", "have a DatetimeIndex of interval starts",
                          f"an index of type {type(value.index).__name__}")


def week_diagnosis(intervals, target=0.8) -> pd.DataFrame:
    """One row per whole week (Monday to Sunday) of interval data, indexed by the ISO week number.

    ``intervals`` as from ``datasets.load_intervals`` (with ``forecast_calls``,
    ``agents_required`` = the client's plan and ``agents_staffed``); weeks not entirely in the data
    are left out. Columns (shares as fractions):

    * ``aangeboden``; ``service level`` = sum answered in time / sum offered (volume-weighted);
      ``groen`` = service level >= ``target``; ``rode kwartieren`` = share of open intervals with
      calls whose own service level is below ``target``;
    * ``zwakste uur``: the lowest volume-weighted service level of one hour of the day, all days of
      the week together (as :func:`wfmcourse.domain.reporting.service_level_by_hour`);
    * ``volume t.o.v. forecast`` = sum offered / sum forecast - 1;
    * ``bezetting t.o.v. plan`` = sum staffed / sum required - 1 (agent intervals);
    * ``zwakste uur t.o.v. plan`` = the lowest ``sum staffed / sum required - 1`` of one hour of
      the day over the week: a block of people missing at the same hour every day.
    """
    frame = _intervals(intervals)
    t = scalar("target", target, high=1.0)
    rows = frame[frame["is_open"].astype(bool)]
    monday = rows.index.normalize() - pd.to_timedelta(rows.index.day_of_week, unit="D")
    first, last = frame.index.min().normalize(), frame.index.max().normalize()
    whole = (monday >= first) & (monday + pd.Timedelta(days=6) <= last)
    rows, monday = rows[whole], monday[whole]
    if rows.empty:
        raise ValueError("intervals must cover at least one whole week (Monday to Sunday)")
    offered = rows["calls_offered"].to_numpy(float)
    in_time = rows["answered_in_time"].to_numpy(float)
    sums = pd.DataFrame({"offered": offered, "in_time": in_time, "forecast": rows["forecast_calls"],
                         "required": rows["agents_required"], "staffed": rows["agents_staffed"],
                         "red": np.where(offered > 0, in_time < t * offered, False),
                         "with_calls": offered > 0}, index=rows.index)
    week = sums.groupby(monday).sum()
    hour = sums.groupby([monday, rows.index.hour]).sum()
    hour_sl = (hour["in_time"] / hour["offered"].where(hour["offered"] > 0)).groupby(level=0).min()
    hour_plan = (hour["staffed"] / hour["required"].where(hour["required"] > 0) - 1).groupby(level=0).min()
    sl = week["in_time"] / week["offered"]
    table = pd.DataFrame({
        "aangeboden": week["offered"].astype("int64"),
        "service level": sl,
        "groen": sl >= t,
        "rode kwartieren": week["red"] / week["with_calls"],
        "zwakste uur": hour_sl,
        "volume t.o.v. forecast": week["offered"] / week["forecast"] - 1,
        "bezetting t.o.v. plan": week["staffed"] / week["required"] - 1,
        "zwakste uur t.o.v. plan": hour_plan,
    })
    table.index = pd.Index([int(d.isocalendar().week) for d in table.index], name="week")
    return table


def as_text(table, decimals=1) -> pd.DataFrame:
    """A copy of a table of this module with every number written the Dutch way, for display.

    Share columns become percentages (``"82,7 %"``; deviations with a sign, ``"+20,4 %"``), yes/no
    columns ``ja``/``nee``, counts get a thousands dot, other numbers ``decimals`` decimals.
    """
    dataframe("table", table)
    decimals = whole("decimals", decimals)
    out = {}
    for name, column in table.items():
        if column.dtype == bool:
            out[name] = column.map({True: "ja", False: "nee"})
        elif name in _SHARES or str(name).startswith("service level"):
            out[name] = column.map(lambda v, s=name in _SIGNED: dutch.percent(v, decimals, signed=s))
        elif pd.api.types.is_integer_dtype(column):
            out[name] = column.map(lambda v: dutch.number(v, 0))
        else:
            out[name] = column.map(lambda v: dutch.number(v, decimals, signed=name.startswith("extra")))
    return pd.DataFrame(out, index=table.index)


#: The causes :func:`likely_cause` can name (key -> Dutch description).
CAUSES = {
    "volume": "meer gesprekken dan de forecast",
    "bezetting": "minder mensen dan gepland",
    "uren": "mensen op de verkeerde uren",
    "toeval": "geen vaste oorzaak: toeval",
}


def likely_cause(row, tolerance=0.10) -> str:
    """Which deviation of a :func:`week_diagnosis` row stands out (a key of :data:`CAUSES`).

    The deviations compared with ``tolerance`` (a fraction): ``volume t.o.v. forecast`` above it
    is ``"volume"``, ``bezetting t.o.v. plan`` below minus it is ``"bezetting"``, ``zwakste uur
    t.o.v. plan`` below minus it is ``"uren"``; the largest relative to the tolerance wins. None
    beyond it: ``"toeval"``.
    """
    tol = scalar("tolerance", tolerance, low=0.0, low_inclusive=False)
    if not isinstance(row, (pd.Series, Mapping)):
        raise type_error("row", row, "a row of week_diagnosis (a pandas Series or a dict)")
    keys = ("volume t.o.v. forecast", "bezetting t.o.v. plan", "zwakste uur t.o.v. plan")
    if not all(key in row for key in keys):
        raise value_error("row", row, "columns", "be a row of week_diagnosis (with the deviations "
                          f"against forecast and plan: {', '.join(map(repr, keys))})")
    volume, staffing, hour = (scalar(f"row[{key!r}]", row[key], low=None) for key in keys)
    size = {"volume": volume, "bezetting": -staffing, "uren": -hour}
    cause, value = max(size.items(), key=lambda item: item[1])
    return cause if value > tol else "toeval"


def watermelon_week(diagnosis) -> int:
    """The week that is green on the dashboard but has the lowest weakest hour: the watermelon.

    ``diagnosis`` is a :func:`week_diagnosis`; raises ``ValueError`` if no week is green.
    """
    dataframe("diagnosis", diagnosis)
    if not {"groen", "zwakste uur"} <= set(diagnosis) or diagnosis["groen"].dtype != bool:
        raise value_error("diagnosis", diagnosis, "columns", "be a week_diagnosis table (with the "
                          "columns 'groen' of True/False and 'zwakste uur')")
    as_array("diagnosis['zwakste uur']", diagnosis["zwakste uur"], low=None)
    green = diagnosis[diagnosis["groen"]]
    if green.empty:
        raise ValueError("diagnosis has no green week, so no watermelon")
    return int(green["zwakste uur"].idxmin())


def week_rows(intervals, week) -> pd.DataFrame:
    """The rows of one ISO week (Monday to Sunday) of interval data with a DatetimeIndex.

    When the data holds two weeks with this number (the last days of December can be week 1 of
    the next year), the first one is returned.
    """
    _datetime_index("intervals", dataframe("intervals", intervals))
    number = whole("week", week, low=1, high=53)
    monday = intervals.index.normalize() - pd.to_timedelta(intervals.index.day_of_week, unit="D")
    chosen = monday[intervals.index.isocalendar().week.to_numpy() == number]
    if not len(chosen):
        raise ValueError(f"week must be an ISO week in intervals, got {week!r}")
    return intervals[monday == chosen.min()]


def first_estimate_hours(intervals, week, *, weeks=8, awt=20, target=0.8) -> float:
    """Net phone hours of notebook 05's first estimate for an ISO ``week``: Erlang C (``target``
    within ``awt`` seconds) per interval on the profile forecast of the ``weeks`` weeks before, with
    the AHT of those weeks weighted by answered calls. ``sum(agents) * 0.25`` hours (quarter hours)."""
    rows = week_rows(intervals, week)
    weeks = whole("weeks", weeks, low=1)
    history = intervals["calls_offered"][intervals.index < rows.index[0]]
    recent = intervals[(intervals.index >= rows.index[0] - pd.Timedelta(weeks=weeks))
                       & (intervals.index < rows.index[0]) & (intervals["calls_answered"] > 0)]
    aht = float(np.average(recent["aht"], weights=recent["calls_answered"]))
    profile = forecast.profile_forecast(history, index=rows.index, weeks=weeks)
    agents = erlang.agents_needed(erlang.traffic(np.asarray(profile, float), aht, interval=900), aht, awt, target)
    return float(np.sum(agents)) / 4


def block_mask(index, start, end, weekdays=(0, 1, 2, 3, 4)) -> np.ndarray:
    """Boolean array: the intervals of ``index`` (a DatetimeIndex) from ``start`` up to ``end``
    (clock times ``"09:30"``) on the given weekdays (0 = Monday)."""
    instance("index", index, pd.DatetimeIndex, "a pandas DatetimeIndex")
    first, stop = (_clock(name, value) for name, value in (("start", start), ("end", end)))
    if stop <= first:
        raise value_error("end", end, "too_small", "be later than start",
                          f"start={start!r}, end={end!r}")
    days = one_dimensional("weekdays", weekdays, high=6, integer=True)
    minute = index.hour.to_numpy() * 60 + index.minute.to_numpy()
    return (minute >= first) & (minute < stop) & np.isin(index.day_of_week.to_numpy(), days)


def _clock(name, value) -> int:
    """Minutes after midnight of a clock time ``"09:30"`` (00:00 to 24:00)."""
    text(name, value)
    try:
        hours, minutes = (int(part) for part in value.split(":"))
    except ValueError:
        raise value_error(name, value, "format", "be a clock time like '09:30'") from None
    if not (0 <= hours <= 24 and 0 <= minutes < 60) or hours * 60 + minutes > 24 * 60:
        raise value_error(name, value, "too_large", "be a clock time between 00:00 and 24:00")
    return hours * 60 + minutes


def move_block(staffed, removed, starts) -> pd.Series:
    """Staffing with a daily block of absent people (a training) moved to other hours.

    ``staffed`` (agents per interval, a Series on a DatetimeIndex) is what stood with the block;
    ``removed`` (same index) the agents the block took off the phones, 0 outside it. The block's
    people are put back, and on the same day the same pattern is taken off from each clock time in
    ``starts`` (e.g. ``["14:00", "15:30"]``): with two starts the group is split in two halves that
    train one after the other. The total agent time stays the same.
    """
    s = _series("staffed", staffed)
    r = _series("removed", removed)
    if not s.index.equals(r.index):
        raise value_error("removed", removed, "shape", "have the same index as staffed",
                          f"{len(r)} values against {len(s)}")
    if isinstance(starts, str):
        raise value_error("starts", starts, "shape", "be a list of clock times like ['14:00']")
    if not isinstance(starts, (list, tuple)):
        raise type_error("starts", starts, "a list of clock times like ['14:00']")
    if not starts:
        raise value_error("starts", starts, "empty", "be a list of clock times like ['14:00']")
    for start in starts:
        _clock("starts", start)
    moved = s + r
    groups = len(starts)
    step = s.index.to_series().diff().min() if len(s) > 1 else pd.Timedelta(minutes=15)
    for day, taken in r[r > 0].groupby(r[r > 0].index.normalize()):
        for k, start in enumerate(starts):
            part = np.floor((taken.to_numpy() + k) / groups)     # halves: floor and ceil
            first = day + pd.Timedelta(minutes=_clock("starts", start))
            slots = pd.date_range(first, periods=len(part), freq=step)
            if not slots.isin(s.index).all() or slots[-1].normalize() != day:
                raise ValueError(f"starts: a block from {start} on {day:%d-%m} does not fit in the data")
            moved.loc[slots] -= part
    if (moved < 0).any():
        raise ValueError(f"starts: moving the block to {list(starts)} leaves fewer than 0 agents (is the centre open then?)")
    return moved.rename("ingezet")


def _series(name, value):
    instance(name, value, pd.Series, "a pandas Series on a DatetimeIndex")
    _datetime_index(name, value)
    as_array(name, value)
    return value.astype(float)


def expected_service_level(staffed, calls, *, aht, awt, target=None, patience=None, interval=900):
    """Erlang service level per interval for ``staffed`` agents and ``calls`` offered calls.

    ``aht``, ``awt``, ``patience`` in seconds (``patience=None``: Erlang C); ``target`` is
    accepted and ignored so that ``**client_plan()`` can be passed. An interval without calls
    gets 1. Returns a Series on the index of ``calls`` when it is one.
    """
    n = as_array("staffed", staffed, integer=True)
    c = as_array("calls", calls)
    if n.shape != c.shape:
        raise value_error("calls", calls, "shape", "have the same shape as staffed",
                          f"staffed and calls of the shapes {n.shape} and {c.shape}")
    aht = scalar("aht", aht, low=0.0, low_inclusive=False)
    awt = scalar("awt", awt)
    optional_scalar("target", target, high=1.0)
    patience = optional_scalar("patience", patience, low=0.0, low_inclusive=False)
    interval = scalar("interval", interval, low=0.0, low_inclusive=False)
    load = erlang.traffic(c, aht, interval)
    busy = c > 0
    sl = np.ones_like(c)
    if busy.any():
        sl[busy] = erlang.service_level(n[busy], load[busy], aht, awt, patience=patience)
    if isinstance(calls, pd.Series):
        return pd.Series(sl, index=calls.index, name="service level")
    return sl


def compare_options(options, calls, *, plan, block, pause, interval=900):
    """Staffing options side by side, all evaluated with one model on the same calls.

    ``options`` maps a Dutch name to staffed agents per interval (Series on the index of
    ``calls``); the first option is the reference. ``plan`` holds the model (as
    :func:`client_plan`); ``block`` is a boolean mask of the intervals that matter most (the
    morning peak). Per option: ``netto uren`` (agent hours on the phones), ``extra betaalde uren``
    against the reference in the same week (``gross_up(extra hours, pause)``: hours added for one
    week carry only their breaks, ``pause`` as a share of worked hours, no leave or sickness), the expected
    ``service level week`` and ``service level piek`` (volume-weighted, Erlang A with ``plan``)
    and ``zwakste uur`` (the lowest hour of the day over the week, all days together).
    """
    instance("options", options, dict, "a dict of name -> staffing")
    if not options:
        raise value_error("options", options, "empty", "be a non-empty dict of name -> staffing")
    c = _series("calls", calls)
    mask = _mask("block", block)
    if mask.shape != c.shape or not c[mask].sum() > 0:
        raise value_error("block", block, "shape",
                          "be a boolean mask on the calls with at least one call inside")
    plan = _plan(plan)
    pause = scalar("pause", pause, high=1.0, high_inclusive=False)
    interval = scalar("interval", interval, low=0.0, low_inclusive=False)
    rows, reference = {}, None
    for name, staffed in options.items():
        s = _series(f"options[{name!r}]", staffed)
        if not s.index.equals(c.index):
            raise value_error(f"options[{name!r}]", staffed, "shape", "have the index of calls")
        sl = expected_service_level(s, c, **plan, interval=interval)
        answered = sl * c
        hour = answered.groupby(c.index.hour).sum() / c.groupby(c.index.hour).sum()
        hours = float(s.sum() * interval / 3600.0)
        reference = hours if reference is None else reference
        extra = hours - reference
        rows[name] = {"netto uren": hours,
                      "extra betaalde uren": float(np.sign(extra) * gross_up(abs(extra), pause)),
                      "service level week": float(answered.sum() / c.sum()),
                      "service level piek": float(answered[mask].sum() / c[mask].sum()),
                      "zwakste uur": float(hour.min())}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "optie"
    return table


def _mask(name, value):
    """``value`` as a boolean array: True/False per interval, nothing else."""
    if value is None or isinstance(value, (str, bytes, Mapping)):
        raise type_error(name, value, "a boolean mask (True/False per interval)")
    try:
        mask = np.asarray(value)
    except ValueError:
        raise value_error(name, value, "shape", "be a rectangular (not ragged) boolean mask") from None
    if mask.dtype != bool:
        raise ParameterTypeError(name, value, "type", f"{name} must be a boolean mask (True/False per "
                                 f"interval), got values of dtype {mask.dtype}")
    return mask


_PLAN_KEYS = ("aht", "awt", "target", "patience")


def _plan(plan):
    """A staffing model as :func:`client_plan` gives it, checked (``aht`` and ``awt`` required)."""
    instance("plan", plan, dict, "a dict like client_plan() with aht, awt, target and patience")
    unknown = [key for key in plan if key not in _PLAN_KEYS]
    missing = [key for key in ("aht", "awt") if key not in plan]
    if unknown or missing:
        raise value_error("plan", plan, "columns", f"have the keys aht and awt (and optionally "
                          f"target and patience), missing {missing}, unknown {unknown}")
    scalar("plan['aht']", plan["aht"], low=0.0, low_inclusive=False)
    scalar("plan['awt']", plan["awt"])
    optional_scalar("plan['target']", plan.get("target"), high=1.0)
    optional_scalar("plan['patience']", plan.get("patience"), low=0.0, low_inclusive=False)
    return plan


def watermelon_figure(report, target=0.8, highlight=None, figsize=(10, 3.5)):
    """The dashboard against the quarters: weekly service level and the share of red quarters.

    ``report`` is a :func:`wfmcourse.domain.reporting.weekly_report`. Bars: the volume-weighted
    service level per week, green when it meets ``target`` (fraction), red when not (both in the
    legend); line: the share of intervals below ``target``. Pass whole weeks only: a partial
    week at the turn of the year gets the same ISO number as a whole one. ``highlight`` (a week number) gets an outline and a label.
    """
    from matplotlib.patches import Patch

    from wfmcourse.presentation.charts import CourseFigure, GREEN, GREY, _percent_axis

    red = "#c62828"

    dataframe("report", report, ["week", "service_level", "share_below_target"])
    target = scalar("target", target, high=1.0)
    highlight = None if highlight is None else whole("highlight", highlight, low=1, high=53)
    fig = CourseFigure(figsize=figsize, dpi=100, layout="constrained")
    ax = fig.add_subplot()
    x = np.arange(len(report))
    ok = report["service_level"].to_numpy() >= target
    bars = ax.bar(x, report["service_level"], color=np.where(ok, GREEN, red), width=0.8)
    ax.plot(x, report["share_below_target"], color="black", linewidth=1.4,
            label=f"aandeel kwartieren onder {dutch.percent(target, 0)}")
    ax.axhline(target, color=GREY, linestyle="--", linewidth=1.2, label=f"norm {dutch.percent(target, 0)}")
    if highlight is not None:
        where = np.flatnonzero(report["week"].to_numpy() == highlight)
        if not where.size:
            raise ValueError(f"highlight must be a week in the report, got {highlight!r}")
        bars[where[0]].set_edgecolor("black")
        bars[where[0]].set_linewidth(2)
        ax.annotate(f"week {highlight}", (where[0], float(report["service_level"].iloc[where[0]])),
                    xytext=(0, 8), textcoords="offset points", ha="center", fontsize="small")
    step = max(1, len(x) // 13)
    ax.set_xticks(x[::step], [str(w) for w in report["week"].iloc[::step]])
    ax.set_xlabel("week")
    ax.set_ylim(0, 1.05)
    _percent_axis(ax.yaxis)
    ax.set_title("Groen op het dashboard, rood in de kwartieren")
    handles = [Patch(color=GREEN, label=f"week groen: service level (gewogen) ≥ {dutch.percent(target, 0)}"),
               Patch(color=red, label=f"week rood: onder {dutch.percent(target, 0)}"), *ax.get_lines()]
    ax.legend(handles=handles, loc="lower left", frameon=True, fontsize="small", ncols=2)
    return fig


def hour_heatmap(table, target=0.8, figsize=(10, 3.2)):
    """Service level per week (rows) and hour (columns) as coloured cells with the percentage.

    ``table`` is a :func:`wfmcourse.domain.reporting.service_level_by_hour`. Cells below ``target``
    turn red, cells above green; a block of red in the same hours shows a planning cause, red
    cells scattered over the week are mostly chance.
    """
    from matplotlib.colors import TwoSlopeNorm

    from wfmcourse.presentation.charts import CourseFigure

    values = as_array("table", dataframe("table", table), high=1.0)
    target = scalar("target", target, high=1.0)
    if values.ndim != 2 or not values.size:
        raise ValueError(f"table must be a non-empty weeks x hours table, got shape {values.shape}")
    fig = CourseFigure(figsize=figsize, dpi=100, layout="constrained")
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


def gap_figure(required, staffed, title="Plan tegenover ingezet", label="plan", figsize=(10, 3.5)):
    """Required and staffed agents per interval (two Series on one time index); shortfall shaded.

    ``label`` names the requirement in the legend (say which model and target it comes from).
    Only the hours with a requirement or staff are drawn, so a closed night does not fill the chart.
    """
    from wfmcourse.presentation.charts import BLUE, CourseFigure, ORANGE

    text("title", title)
    text("label", label)
    r = pd.Series(as_array("required", required),
                  index=required.index if isinstance(required, pd.Series) else None)
    s = pd.Series(as_array("staffed", staffed),
                  index=staffed.index if isinstance(staffed, pd.Series) else None)
    if len(r) != len(s) or not r.index.equals(s.index):
        raise ValueError("required and staffed must be Series on the same index, got "
                         f"{len(r)} and {len(s)} values")
    active = np.flatnonzero((r.to_numpy() > 0) | (s.to_numpy() > 0))
    if not active.size:
        raise ValueError("required and staffed are zero everywhere: nothing to draw")
    r, s = r.iloc[active[0]:active[-1] + 1], s.iloc[active[0]:active[-1] + 1]
    fig = CourseFigure(figsize=figsize, dpi=100, layout="constrained")
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
