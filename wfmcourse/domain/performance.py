"""Performance diagnosis for the final case (notebook 11): diagnose a year of interval data against
the client's own plan and compare staffing options with one model.

* :func:`week_diagnosis` - per week: the dashboard figures and the three deviations that explain a
  red week (volume against forecast, staffing against plan, the weakest hour against plan);
  :func:`likely_cause` names the deviation that stands out (a key of :data:`CAUSES`),
  :func:`watermelon_week` finds the week that is green on the dashboard and red in one hour;
* :func:`staffing_gap`, :func:`week_rows`, :func:`block_mask`, :func:`move_block` - shortfall
  against the agents needed, the rows of one week, the intervals of a daily block (a training) and
  the same block moved to other hours;
* :func:`expected_service_level`, :func:`compare_options` - staffing options evaluated with the
  same Erlang model (a plan such as :func:`wfmcourse.data.datasets.client_plan`) on the calls that
  actually came.

Times in seconds, hours in hours, shares are fractions 0-1. Column names are English; their Dutch
headers are in :data:`wfmcourse.presentation.dutch.LABELS`.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from wfmcourse.domain import erlang, forecast
from wfmcourse.domain.shrinkage import gross_up
from wfmcourse.validation import (
    ParameterTypeError,
    as_array,
    dataframe,
    instance,
    is_scalar_call,
    one_dimensional,
    optional_scalar,
    regular_time_index,
    scalar,
    series_index,
    text,
    type_error,
    value_error,
    whole,
    wrap,
)

__all__ = ["week_diagnosis", "DEVIATIONS", "CAUSES", "likely_cause", "watermelon_week",
           "staffing_gap", "week_rows", "first_estimate_hours", "block_mask", "move_block",
           "expected_service_level", "compare_options"]


def staffing_gap(agents_needed, agents_staffed) -> float | np.ndarray | pd.Series:
    """Extra agents per interval to reach the agents needed: ``max(agents_needed - agents_staffed, 0)``.

    ``agents_needed`` and ``agents_staffed`` are agents per interval (numbers or equally long
    sequences). A Series (either argument; two Series must share their index) gives a Series on
    that index named ``shortfall``. Intervals that already have enough agents get 0.
    """
    r = as_array("agents_needed", agents_needed)
    s = as_array("agents_staffed", agents_staffed)
    if r.shape != s.shape:
        raise value_error("agents_staffed", agents_staffed, "shape", "have the same shape as agents_needed",
                          f"shapes {r.shape} and {s.shape}")
    index = series_index(agents_needed=agents_needed, agents_staffed=agents_staffed)
    return wrap(np.maximum(r - s, 0.0), is_scalar_call(agents_needed, agents_staffed), index, "shortfall")


_PLAN_COLUMNS = ("is_open", "forecast_calls", "calls_offered", "answered_in_time", "agents_needed",
                 "agents_staffed")
#: The deviations of a :func:`week_diagnosis` row that :func:`likely_cause` weighs (fractions).
DEVIATIONS = ("volume_vs_forecast", "staffing_vs_plan", "weakest_hour_vs_plan")


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
    ``agents_needed`` = the agents needed by the client's plan, and ``agents_staffed``); weeks not
    entirely in the data are left out. ``target`` is the service-level norm (a fraction). Columns
    (shares as fractions):

    * ``offered`` (calls); ``service_level`` = sum answered in time / sum offered (volume-weighted);
      ``green`` = service level >= ``target``; ``red_intervals`` = share of open intervals with
      calls whose own service level is below ``target``;
    * ``weakest_hour``: the lowest volume-weighted service level of one hour of the day, all days of
      the week together (as :func:`wfmcourse.domain.reporting.service_level_by_hour`);
    * ``volume_vs_forecast`` = sum offered / sum forecast - 1;
    * ``staffing_vs_plan`` = sum staffed / sum needed - 1 (agent intervals);
    * ``weakest_hour_vs_plan`` = the lowest ``sum staffed / sum needed - 1`` of one hour of
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
                         "needed": rows["agents_needed"], "staffed": rows["agents_staffed"],
                         "red": np.where(offered > 0, in_time < t * offered, False),
                         "with_calls": offered > 0}, index=rows.index)
    week = sums.groupby(monday).sum()
    hour = sums.groupby([monday, rows.index.hour]).sum()
    hour_sl = (hour["in_time"] / hour["offered"].where(hour["offered"] > 0)).groupby(level=0).min()
    hour_plan = (hour["staffed"] / hour["needed"].where(hour["needed"] > 0) - 1).groupby(level=0).min()
    sl = week["in_time"] / week["offered"]
    table = pd.DataFrame({
        "offered": week["offered"].astype("int64"),
        "service_level": sl,
        "green": sl >= t,
        "red_intervals": week["red"] / week["with_calls"],
        "weakest_hour": hour_sl,
        "volume_vs_forecast": week["offered"] / week["forecast"] - 1,
        "staffing_vs_plan": week["staffed"] / week["needed"] - 1,
        "weakest_hour_vs_plan": hour_plan,
    })
    table.index = pd.Index([int(d.isocalendar().week) for d in table.index], name="week")
    return table


#: The causes :func:`likely_cause` can name: more calls than forecast, fewer agents than planned,
#: agents at the wrong hours, no fixed cause (chance). Their Dutch descriptions are in the course layer.
CAUSES = ("volume", "staffing", "hours", "chance")


def likely_cause(row, tolerance=0.10) -> str:
    """Which deviation of a :func:`week_diagnosis` row stands out (one of :data:`CAUSES`).

    The deviations compared with ``tolerance`` (a fraction): ``volume_vs_forecast`` above it
    is ``"volume"``, ``staffing_vs_plan`` below minus it is ``"staffing"``,
    ``weakest_hour_vs_plan`` below minus it is ``"hours"``; the largest wins. None beyond it:
    ``"chance"``.
    """
    tol = scalar("tolerance", tolerance, low=0.0, low_inclusive=False)
    if not isinstance(row, (pd.Series, Mapping)):
        raise type_error("row", row, "a row of week_diagnosis (a pandas Series or a dict)")
    keys = DEVIATIONS
    if not all(key in row for key in keys):
        raise value_error("row", row, "columns", "be a row of week_diagnosis (with the deviations "
                          f"against forecast and plan: {', '.join(map(repr, keys))})")
    volume, staffing, hour = (scalar(f"row[{key!r}]", row[key], low=None) for key in keys)
    size = {"volume": volume, "staffing": -staffing, "hours": -hour}
    cause, value = max(size.items(), key=lambda item: item[1])
    return cause if value > tol else "chance"


def watermelon_week(diagnosis) -> int:
    """The week that is green on the dashboard but has the lowest weakest hour: the watermelon.

    ``diagnosis`` is a :func:`week_diagnosis`; raises ``ValueError`` if no week is green.
    """
    dataframe("diagnosis", diagnosis)
    if not {"green", "weakest_hour"} <= set(diagnosis) or diagnosis["green"].dtype != bool:
        raise value_error("diagnosis", diagnosis, "columns", "be a week_diagnosis table (with the "
                          "columns 'green' of True/False and 'weakest_hour')")
    as_array("diagnosis['weakest_hour']", diagnosis["weakest_hour"], low=None)
    green = diagnosis[diagnosis["green"]]
    if green.empty:
        raise ValueError("diagnosis has no green week, so no watermelon")
    return int(green["weakest_hour"].idxmin())


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
    """Net phone hours of notebook 06's first estimate for an ISO ``week``: Erlang C (``target``
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
    the result (named ``agents_staffed``) is what stands with the block moved.
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
    step = pd.Timedelta(seconds=regular_time_index("staffed", s.index, interval=None if len(s) > 1 else 900))
    for day, taken in r[r > 0].groupby(r[r > 0].index.normalize()):
        for k, start in enumerate(starts):
            part = np.floor((taken.to_numpy() + k) / groups)     # halves: floor and ceil
            first = day + pd.Timedelta(minutes=_clock("starts", start))
            slots = pd.date_range(first, periods=len(part), freq=step)
            if not slots.isin(s.index).all() or slots[-1].normalize() != day:
                raise ValueError(f"starts: a block from {start} on {day:%d-%m} does not fit in the data")
            moved.loc[slots] -= part
    if (moved < 0).any():
        raise value_error("starts", starts, "too_small",
                          "not leave fewer than 0 agents anywhere (is the centre open then?)",
                          f"{list(starts)}")
    return moved.rename("agents_staffed")


def _series(name, value):
    instance(name, value, pd.Series, "a pandas Series on a DatetimeIndex")
    _datetime_index(name, value)
    as_array(name, value)
    return value.astype(float)


def expected_service_level(staffed, calls, *, aht, awt, target=None, patience=None,
                           interval=900) -> np.ndarray | pd.Series:
    """Erlang service level (fraction answered within ``awt``) per interval for ``staffed`` agents
    and ``calls`` offered calls.

    ``aht``, ``awt``, ``patience`` and ``interval`` in seconds (``patience=None``: Erlang C);
    ``target`` is accepted and ignored so that ``**datasets.client_plan()`` can be passed. An
    interval without calls gets 1. Returns a Series (``service_level``) on the index of ``calls``
    when it is one.
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
        return pd.Series(sl, index=calls.index, name="service_level")
    return sl


def compare_options(options, calls, *, plan, block, pause, interval=900) -> pd.DataFrame:
    """Staffing options side by side, all evaluated with one model on the same calls.

    ``options`` maps a name (the learner's label) to staffed agents per interval (Series on the
    index of ``calls``); the first option is the reference. ``plan`` holds the model (as
    :func:`wfmcourse.data.datasets.client_plan`); ``block`` is a boolean mask of the intervals that
    matter most (the morning peak); ``interval`` in seconds. One row per option (index ``option``):
    ``net_hours`` (agent hours on the phones), ``extra_paid_hours`` against the reference in the
    same week (``gross_up(extra hours, pause)``: hours added for one week carry only their breaks,
    ``pause`` as a share of worked hours, no leave or sickness), the expected ``service_level_week``
    and ``service_level_peak`` (fractions, volume-weighted, Erlang A with ``plan``) and
    ``weakest_hour`` (the lowest hour of the day over the week, all days together).
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
        rows[name] = {"net_hours": hours,
                      "extra_paid_hours": float(np.sign(extra) * gross_up(abs(extra), pause)),
                      "service_level_week": float(answered.sum() / c.sum()),
                      "service_level_peak": float(answered[mask].sum() / c[mask].sum()),
                      "weakest_hour": float(hour.min())}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "option"
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
    """A staffing model as :func:`wfmcourse.data.datasets.client_plan` gives it, checked
    (``aht`` and ``awt`` required)."""
    instance("plan", plan, dict, "a dict like datasets.client_plan() with aht, awt, target and patience")
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


