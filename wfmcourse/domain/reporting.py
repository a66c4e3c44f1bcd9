"""Reporting helpers: from contact records, interval rows and agent hours to the totals that the
KPI formulas of :mod:`wfmcourse.domain.kpi` need, plus the aggregations behind a dashboard.

* :func:`contact_summary` - counts and time totals of a set of contacts (one channel or all);
* :func:`interval_service_levels` - the service level of every open interval with calls;
* :func:`weekly_report` - per week: the volume-weighted service level, the (wrong) plain mean of
  the interval service levels and the share of intervals below target, the ingredients of a
  "watermelon" report (green outside, red inside);
* :func:`service_level_by_hour` - per week and hour of the day: the volume-weighted service
  level, which shows whether red intervals are scattered (chance) or a fixed block (planning);
* :func:`share_below_target` - share of service levels below a target;
* :func:`contacts_per_question`, :func:`workload_hours` - what repeat contacts cost: the
  workload of a number of customer questions for a given AHT and FCR;
* :func:`agent_time_summary` - the hour totals behind occupancy and utilisation.

Times are seconds unless the name says hours; rates are fractions 0-1. Tables have English
column names (Dutch headers in :data:`wfmcourse.presentation.dutch.LABELS`); bad input raises
``ParameterValueError`` or ``ParameterTypeError`` naming the parameter.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.domain import kpi
from wfmcourse.validation import (
    ParameterValueError,
    as_array,
    broadcast,
    dataframe,
    gap,
    is_scalar_call,
    one_dimensional,
    series_index,
    text,
    wrap,
)

__all__ = [
    "contact_summary",
    "interval_service_levels",
    "weekly_report",
    "service_level_by_hour",
    "share_below_target",
    "contacts_per_question",
    "workload_hours",
    "agent_time_summary",
]

_CONTACT_COLUMNS = ("channel", "wait", "abandoned", "talk", "hold", "acw", "fcr", "repeat")
_INTERVAL_COLUMNS = ("is_open", "calls_offered", "calls_answered", "answered_in_time")
_HOUR_COLUMNS = ("paid_hours", "scheduled_hours", "logged_in_hours", "productive_hours")


def contact_summary(contacts, *, awt=20, short_abandon=5, channel=None) -> pd.Series:
    """Counts and time totals of contact records (as from ``datasets.load_contacts``).

    ``channel`` (e.g. ``"telefoon"``) keeps one channel; ``None`` keeps all. ``awt`` is the
    acceptable waiting time in seconds (answered with ``wait <= awt`` counts as in time);
    an abandoned contact with ``wait < short_abandon`` seconds is a short abandon.

    Returns a Series of ints with the index ``offered``, ``answered``, ``abandoned``,
    ``short_abandoned``, ``answered_in_time``, ``talk``, ``hold``, ``acw`` (seconds over the
    answered contacts), ``wait_answered``, ``wait_abandoned``, ``wait_all`` (seconds),
    ``questions`` (new customer questions: contacts with no contact of the same customer in the
    7 days before, ``repeat == 0``), ``resolved_first_contact`` (of those questions, the ones
    whose first contact was answered and not followed by another contact within 7 days,
    ``fcr == 1``), ``repeat_contacts`` and ``surveys`` (contacts with a survey answer, only
    when the column ``csat`` is present, else 0). FCR is ``resolved_first_contact / questions``:
    a repeat contact is no new question, and a repeat that solves the question is no
    first-contact resolution. The Series is named ``total``.
    """
    dataframe("contacts", contacts, _CONTACT_COLUMNS)
    as_array("awt", awt)
    as_array("short_abandon", short_abandon)
    if text("channel", channel, optional=True) is not None:
        known = sorted(contacts["channel"].unique())
        if channel not in known:
            raise ParameterValueError("channel", channel, "choice",
                f"channel must be one of {known} or None, got {channel!r}")
        contacts = contacts[contacts["channel"] == channel]
    if contacts.empty:
        raise ParameterValueError("contacts", contacts, "empty",
            "contacts must contain at least one contact")
    abandoned = contacts["abandoned"].astype(bool)
    answered = ~abandoned
    repeat = contacts["repeat"].astype(bool)
    wait = contacts["wait"]
    surveys = int(contacts["csat"].notna().sum()) if "csat" in contacts.columns else 0
    totals = {
        "offered": len(contacts),
        "answered": int(answered.sum()),
        "abandoned": int(abandoned.sum()),
        "short_abandoned": int((abandoned & (wait < short_abandon)).sum()),
        "answered_in_time": int((answered & (wait <= awt)).sum()),
        "talk": int(contacts.loc[answered, "talk"].sum()),
        "hold": int(contacts.loc[answered, "hold"].sum()),
        "acw": int(contacts.loc[answered, "acw"].sum()),
        "wait_answered": int(wait[answered].sum()),
        "wait_abandoned": int(wait[abandoned].sum()),
        "wait_all": int(wait.sum()),
        "questions": int((~repeat).sum()),
        "resolved_first_contact": int((~repeat & answered & contacts["fcr"].astype(bool)).sum()),
        "repeat_contacts": int(repeat.sum()),
        "surveys": surveys,
    }
    return pd.Series(totals, dtype="int64", name="total")


def interval_service_levels(intervals) -> pd.DataFrame:
    """The service level (of offered) of every open interval with at least one call.

    ``intervals`` as from ``datasets.load_intervals`` (DatetimeIndex of interval starts).
    Returns a DataFrame with the same index (closed and empty intervals dropped) and the
    columns ``offered``, ``answered_in_time`` and ``service_level`` (fraction 0-1).
    """
    dataframe("intervals", intervals, _INTERVAL_COLUMNS)
    if not isinstance(intervals.index, pd.DatetimeIndex):
        raise ParameterValueError("intervals", intervals, "index",
            "intervals must have a DatetimeIndex of interval starts, "
            f"got {type(intervals.index).__name__}")
    keep = intervals["is_open"].astype(bool) & (intervals["calls_offered"] > 0)
    rows = intervals[keep]
    if rows.empty:
        raise ParameterValueError("intervals", intervals, "empty",
            "intervals must contain at least one open interval with calls")
    offered = rows["calls_offered"].astype("int64")
    in_time = rows["answered_in_time"].astype("int64")
    return pd.DataFrame({
        "offered": offered,
        "answered_in_time": in_time,
        "service_level": kpi.service_level(in_time, offered),
    })


def share_below_target(service_levels, target=0.8) -> float:
    """Share (fraction 0-1) of the service levels strictly below ``target`` (a fraction):
    ``mean(service_levels < target)``."""
    sl = as_array("service_levels", service_levels, high=1.0).ravel()
    t = float(as_array("target", target, high=1.0))
    if sl.size == 0:
        raise ParameterValueError("service_levels", service_levels, "empty",
            f"service_levels must contain at least one value, got {service_levels!r}")
    return float(np.mean(sl < t))


def weekly_report(intervals, target=0.8) -> pd.DataFrame:
    """One row per week (Monday to Sunday) of the interval data: the dashboard view.

    Index ``week_start`` (the Monday). Columns: ``week`` (ISO week number), ``offered``,
    ``intervals`` (open intervals with calls), ``service_level`` (volume-weighted, i.e. the
    service level of all calls of the week, :func:`kpi.combine_service_levels`),
    ``unweighted_mean`` (the plain mean of the interval service levels: a common mistake,
    shown for comparison) and ``share_below_target`` (share of intervals below ``target``).
    """
    table = interval_service_levels(intervals)
    as_array("target", target, high=1.0)
    week_start = table.index.to_period("W-SUN").start_time
    rows = []
    for start, group in table.groupby(week_start):
        rows.append({
            "week_start": start,
            "week": int(start.isocalendar().week),
            "offered": int(group["offered"].sum()),
            "intervals": len(group),
            "service_level": kpi.combine_service_levels(group["service_level"], group["offered"]),
            "unweighted_mean": float(group["service_level"].mean()),
            "share_below_target": share_below_target(group["service_level"], target),
        })
    return pd.DataFrame(rows).set_index("week_start")


def service_level_by_hour(intervals, weeks) -> pd.DataFrame:
    """Volume-weighted service level per ISO week (rows) and hour of the day (columns).

    ``SL(week, hour) = sum answered_in_time / sum offered`` over the intervals of that hour in
    that week (all days). ``weeks`` is a sequence of ISO week numbers present in ``intervals``
    (as from ``datasets.load_intervals``, one year). Hours without calls are left out. The row
    index is named ``week``, the columns ``hour``.
    """
    table = interval_service_levels(intervals)
    wanted = [int(w) for w in one_dimensional("weeks", weeks, low=1, high=53, integer=True)]
    week = table.index.isocalendar().week.to_numpy()
    missing = sorted(set(wanted) - set(week.tolist()))
    if missing:
        raise ParameterValueError("weeks", weeks, "choice",
            f"weeks must be ISO weeks with calls in intervals, got {missing}")
    chosen = np.isin(week, wanted)
    rows = table[chosen]
    totals = rows.groupby([week[chosen], rows.index.hour])[["answered_in_time", "offered"]].sum()
    result = kpi.service_level(totals["answered_in_time"], totals["offered"]).unstack()
    result.index.name, result.columns.name = "week", "hour"
    return result


def contacts_per_question(fcr, callback=1.0) -> float | np.ndarray | pd.Series:
    """Expected contacts per customer question when unresolved contacts come back.

    Every contact resolves the question with probability ``fcr``; when it does not, the customer
    contacts again with probability ``callback``. The number of contacts is then geometric:
    ``1 / (1 - (1 - fcr) * callback)`` contacts (>= 1). With ``callback=1`` this is ``1 / fcr``.
    """
    scalar = is_scalar_call(fcr, callback)
    index = series_index(fcr=fcr, callback=callback)
    f, c = broadcast(fcr=as_array("fcr", fcr, high=1.0),
                     callback=as_array("callback", callback, high=1.0))
    if np.any((f == 0) & (c == 1)):
        raise ParameterValueError("fcr", fcr, "inconsistent",
            f"fcr must be > 0 when callback is 1 (the question is never resolved), "
            f"got fcr={fcr!r}")
    return wrap(1.0 / (1.0 - (1.0 - f) * c), scalar, index, "contacts_per_question")


def workload_hours(questions, aht, fcr, callback=1.0) -> float | np.ndarray | pd.Series:
    """Handling workload in hours of ``questions`` customer questions.

    ``questions x contacts_per_question(fcr, callback) x aht / 3600`` (``aht`` in seconds): a
    lower AHT with a lower FCR can still mean more work, because the repeat contacts also have to
    be handled.
    """
    scalar = is_scalar_call(questions, aht, fcr, callback)
    index = series_index(questions=questions, aht=aht, fcr=fcr, callback=callback)
    q, a, f, c = broadcast(questions=as_array("questions", questions), aht=as_array("aht", aht),
                           fcr=as_array("fcr", fcr, high=1.0),
                           callback=as_array("callback", callback, high=1.0))
    result = q * contacts_per_question(f, c) * a / 3600.0
    return wrap(result, scalar, index, "workload_hours")


def agent_time_summary(hours) -> pd.Series:
    """Hour totals of agent hours (as from ``datasets.load_agent_hours``).

    Returns a Series (hours, floats) with ``paid``, ``scheduled``, ``logged_in``, ``productive``
    (handling contacts), ``idle`` (logged in but not handling: waiting for a contact or not
    ready, ``logged_in - productive``) and ``not_logged_in`` (scheduled for the phone but not
    logged in, ``scheduled - logged_in``); only rounding noise below zero is set to 0, real
    negative totals raise ``ValueError``. Occupancy is ``productive / (productive + idle)``,
    utilisation ``productive / paid`` (:func:`kpi.occupancy`, :func:`kpi.utilisation`). The
    Series is named ``hours``.
    """
    dataframe("hours", hours, _HOUR_COLUMNS, nonempty=True)
    total = {name.removesuffix("_hours"): float(as_array(f"hours[{name!r}]", hours[name]).sum())
             for name in _HOUR_COLUMNS}
    total["idle"] = float(gap("hours", "logged_in_hours", total["logged_in"],
                              "productive_hours", total["productive"]))
    total["not_logged_in"] = float(gap("hours", "scheduled_hours", total["scheduled"],
                                       "logged_in_hours", total["logged_in"]))
    return pd.Series(total, name="hours")
