"""Intraday management (dagsturing): monitoring the day, recovering a missed morning, the cost of a missing
agent, the intraday reforecast, adherence and conformance, and what an intervention does to a day.

Conventions: ``offered``, ``answered_in_time`` and ``abandoned`` are counts of calls per interval; a day is
a pandas Series or a sequence in time order (a Series' index is kept). ``target`` and ``max_abandonment``
are fractions. The day's service level is volume weighted: calls answered in time over calls offered,
summed over the intervals, so a busy interval weighs as much as its calls.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.domain import control_room, staffing
from wfmcourse.validation import (
    broadcast,
    choice,
    dataframe,
    flag,
    is_scalar_call,
    one_dimensional,
    scalar,
    series,
    series_index,
    value_error,
)

__all__ = ["ACTIVITIES", "STATES", "STATE_ACTIVITY", "monitor", "required_service_level",
           "allowed_abandonment", "one_agent_fewer", "reforecast", "reforecast_reliability",
           "adherence", "SICK_DAYS", "day_service_level", "intervention_effect", "ivr_change",
           "callback_change", "PLAYBOOK"]


def _day(name, value, low=0.0):
    return one_dimensional(name, value, low=low, scalar_ok=False)


def monitor(offered, answered_in_time, forecast, *, target=0.8, abandoned=None,
            max_abandonment=None, rescale=False) -> pd.DataFrame:
    """The traffic planner's view of a day, one row per interval (as the interval closes).

    Per interval ``k`` with ``O_k`` calls offered, ``I_k`` answered in time and ``F_k`` forecast:
    ``offered_so_far = sum_{j<=k} O_j``, ``service_level_so_far = sum I_j / sum O_j`` (1.0 while no
    call has been offered: nobody waited too long), ``remaining_forecast = sum_{j>k} F_j``, and what
    the rest of the day must reach to end on ``target``:
    ``required_service_level = (target * (offered_so_far + remaining_forecast) - answered_in_time_so_far)
    / remaining_forecast`` (0 when the day is already safe, ``inf`` when no forecast volume is left and
    the day is short). ``recoverable`` is ``required_service_level <= 1``. With ``abandoned`` and
    ``max_abandonment`` also ``abandonment_so_far`` and ``allowed_abandonment`` (the abandonment the rest
    of the day may still have, ``-inf``/negative meaning the day's cap is already lost).
    With ``rescale=True`` the remaining forecast is the intraday reforecast of that moment (see
    :func:`reforecast`, ``damping=1``): ``remaining_forecast = sum_{j>k} F_j * sum_{j<=k} O_j / sum_{j<=k} F_j``.
    """
    index = series_index(offered=offered, answered_in_time=answered_in_time, forecast=forecast,
                         abandoned=abandoned)
    o = _day("offered", offered)
    i = _day("answered_in_time", answered_in_time)
    f = _day("forecast", forecast)
    t = scalar("target", target, low=0.0, high=1.0)
    o, i, f = broadcast(offered=o, answered_in_time=i, forecast=f)
    if np.any(i > o):
        raise value_error("answered_in_time", answered_in_time, "inconsistent",
                          "be at most offered in every interval")
    so_far_o, so_far_i = np.cumsum(o), np.cumsum(i)
    remaining = f.sum() - np.cumsum(f)
    remaining = np.where(remaining < 1e-9 * max(1.0, f.sum()), 0.0, remaining)
    if flag("rescale", rescale):
        so_far_f = np.cumsum(f)
        remaining = remaining * np.divide(so_far_o, so_far_f, out=np.ones_like(so_far_o), where=so_far_f > 0)
    table = pd.DataFrame({
        "offered": o, "answered_in_time": i, "forecast": f,
        "offered_so_far": so_far_o, "answered_in_time_so_far": so_far_i,
        "service_level_so_far": np.divide(so_far_i, so_far_o, out=np.ones_like(so_far_i), where=so_far_o > 0),
        "remaining_forecast": remaining,
        "required_service_level": required_service_level(so_far_i, so_far_o, remaining, target=t),
    }, index=index)
    table["recoverable"] = table["required_service_level"] <= 1.0
    if abandoned is not None or max_abandonment is not None:
        if abandoned is None or max_abandonment is None:
            raise value_error("abandoned" if abandoned is None else "max_abandonment", None, "inconsistent",
                              "be given together with "
                              + ("max_abandonment" if abandoned is not None else "abandoned"))
        a = _day("abandoned", abandoned)
        _, a = broadcast(offered=o, abandoned=a)
        if np.any(a > o):
            raise value_error("abandoned", abandoned, "inconsistent", "be at most offered in every interval")
        so_far_a = np.cumsum(a)
        table["abandoned"] = a
        table["abandonment_so_far"] = np.divide(so_far_a, so_far_o, out=np.zeros_like(so_far_o),
                                                where=so_far_o > 0)
        table["allowed_abandonment"] = allowed_abandonment(so_far_a, so_far_o, remaining,
                                                           max_abandonment=max_abandonment)
    return table


def _recovery_inputs(so_far_good, offered_so_far, remaining, good_name):
    g = np.asarray(one_dimensional(good_name, so_far_good), float)
    o = np.asarray(one_dimensional("offered_so_far", offered_so_far), float)
    r = np.asarray(one_dimensional("remaining_forecast", remaining), float)
    g, o, r = broadcast(**{good_name: g, "offered_so_far": o, "remaining_forecast": r})
    if np.any(g > o * (1 + 1e-12)):
        raise value_error(good_name, so_far_good, "inconsistent", "be at most offered_so_far")
    return g, o, r


def required_service_level(answered_in_time_so_far, offered_so_far, remaining_forecast, *,
                           target=0.8) -> float | np.ndarray:
    """The service level the rest of the day must reach to end the day on ``target``.

    ``S = (target * (O + R) - I) / R`` with ``I`` answered in time and ``O`` offered so far, ``R`` the
    remaining forecast calls; 0 when ``I >= target * (O + R)`` (the day is safe), ``inf`` when ``R = 0``
    and the day is short. Above 1 the day cannot be recovered: even all remaining calls in time leave
    ``(I + R) / (O + R) < target``. Scalars give a float, sequences an array.
    """
    scalar_call = is_scalar_call(answered_in_time_so_far, offered_so_far, remaining_forecast)
    t = scalar("target", target, low=0.0, high=1.0)
    i, o, r = _recovery_inputs(answered_in_time_so_far, offered_so_far, remaining_forecast,
                               "answered_in_time_so_far")
    short = t * (o + r) - i
    with np.errstate(divide="ignore", invalid="ignore"):
        need = np.where(short <= 0, 0.0, np.where(r > 0, short / np.where(r > 0, r, 1.0), np.inf))
    return float(need[0]) if scalar_call else need


def allowed_abandonment(abandoned_so_far, offered_so_far, remaining_forecast, *,
                        max_abandonment=0.05) -> float | np.ndarray:
    """The abandonment the rest of the day may have and still end the day at ``max_abandonment``.

    ``A = (max_abandonment * (O + R) - B) / R`` with ``B`` abandoned and ``O`` offered so far and ``R``
    the remaining forecast calls. Negative: the day's cap is already lost (even no further abandoned
    call leaves ``B / (O + R) > max_abandonment``); with ``R = 0``: ``inf`` when within the cap, ``-inf``
    when not.
    """
    scalar_call = is_scalar_call(abandoned_so_far, offered_so_far, remaining_forecast)
    m = scalar("max_abandonment", max_abandonment, low=0.0, high=1.0)
    b, o, r = _recovery_inputs(abandoned_so_far, offered_so_far, remaining_forecast, "abandoned_so_far")
    room = m * (o + r) - b
    with np.errstate(divide="ignore", invalid="ignore"):
        allowed = np.where(r > 0, room / np.where(r > 0, r, 1.0), np.where(room >= 0, np.inf, -np.inf))
    return float(allowed[0]) if scalar_call else allowed


def one_agent_fewer(calls, aht, agents, *, interval=900, awt=20, patience=None) -> pd.DataFrame:
    """What one agent fewer costs in each interval, and in the day's volume-weighted service level.

    Through :func:`wfmcourse.domain.staffing.evaluate` (Erlang C, or Erlang A with ``patience``):
    ``service_level`` with ``agents``, ``service_level_one_fewer`` with ``agents - 1``, ``drop`` their
    difference, ``calls_late`` = ``calls * drop`` (extra calls not answered in time) and ``day_drop`` =
    ``calls * drop / sum(calls)``: how much the day's service level falls when the agent is missing in
    that interval only. Agents must be at least 1.
    """
    index = series_index(calls=calls, aht=aht, agents=agents)
    n = one_dimensional("agents", agents, low=1.0, integer=True, scalar_ok=False)
    c = one_dimensional("calls", calls, scalar_ok=False)
    base = staffing.evaluate(c, aht, interval=interval, awt=awt, agents=n, patience=patience)
    fewer = staffing.evaluate(c, aht, interval=interval, awt=awt, agents=n - 1, patience=patience)
    total = c.sum()
    drop = base["service_level"].to_numpy() - fewer["service_level"].to_numpy()
    table = pd.DataFrame({"calls": c, "agents": n.astype(np.int64),
                          "service_level": base["service_level"].to_numpy(),
                          "service_level_one_fewer": fewer["service_level"].to_numpy(),
                          "drop": drop, "calls_late": c * drop,
                          "day_drop": c * drop / total if total > 0 else np.zeros_like(drop)}, index=index)
    return table


def _elapsed(hours, interval):
    """Number of intervals in the first ``hours`` of the day."""
    count = hours * 3600 / interval
    if count != int(count):
        raise value_error("hours", hours, "inconsistent", f"be a whole number of intervals of {interval:g} s")
    return int(count)


def reforecast(forecast, actual, hours, *, interval=900, damping=1.0) -> pd.Series:
    """The rest of the day after ``hours`` hours, rescaled by actual over forecast so far.

    ``factor = sum(actual[:k]) / sum(forecast[:k])`` over the first ``k = hours * 3600 / interval``
    intervals of the day (from opening); the rest of the day becomes
    ``forecast[k:] * (1 + damping * (factor - 1))``. ``damping=1`` trusts the morning fully, ``0`` keeps
    the forecast, 0.5 goes halfway. ``actual`` need only cover the first ``k`` intervals. Returns the
    forecast's rest-of-day intervals (its index kept).
    """
    f = series("forecast", forecast)
    values = _day("forecast", f)
    a = _day("actual", actual)
    h = scalar("hours", hours, low=0.0, low_inclusive=False)
    d = scalar("damping", damping, low=0.0)
    seconds = scalar("interval", interval, low=0.0, low_inclusive=False)
    k = _elapsed(h, seconds)
    if k >= values.size or a.size < k:
        raise value_error("hours", hours, "too_large",
                          f"leave part of the day and be covered by actual ({values.size} intervals in "
                          f"the forecast, {a.size} actual)")
    so_far = values[:k].sum()
    if so_far <= 0:
        raise value_error("forecast", forecast, "inconsistent",
                          f"have forecast calls in the first {h:g} hours to compare with")
    factor = a[:k].sum() / so_far
    return pd.Series(values[k:] * (1 + d * (factor - 1)), index=f.index[k:], name="forecast")


def reforecast_reliability(intervals, *, hours=(1, 2, 4), damping=0.5) -> pd.DataFrame:
    """How well the rest of the day is forecast after ``hours`` hours, over every open day of ``intervals``.

    ``intervals`` has ``is_open``, ``forecast_calls`` and ``calls_offered`` on a 15-minute time index (the
    shipped ``data/intervals.csv``). Per day and ``h``: the rest-of-day volume ``V`` (actual), the original
    forecast of it, the rescaled one (:func:`reforecast`, ``damping=1``) and the damped one (``damping``).
    One row per ``h``; ``wape_forecast``, ``wape_rescaled``, ``wape_damped`` = ``sum |V_hat - V| / sum V``
    over the days, and ``days``.
    """
    frame = dataframe("intervals", intervals, ("is_open", "forecast_calls", "calls_offered"), nonempty=True)
    hs = one_dimensional("hours", hours, low=0.0, low_inclusive=False)
    d = scalar("damping", damping, low=0.0)
    open_ = frame[frame["is_open"].astype(bool)]
    if not isinstance(open_.index, pd.DatetimeIndex):
        raise value_error("intervals", intervals, "index", "have a DatetimeIndex")
    day = open_.index.normalize()
    position = open_.groupby(day).cumcount().to_numpy()
    f = open_["forecast_calls"].to_numpy(float)
    a = open_["calls_offered"].to_numpy(float)
    codes, _ = pd.factorize(day)
    rows = []
    for h in hs:
        k = _elapsed(h, 900.0)
        early = position < k
        f_early = np.bincount(codes, f * early)
        a_early = np.bincount(codes, a * early)
        f_rest = np.bincount(codes, f * ~early)
        a_rest = np.bincount(codes, a * ~early)
        keep = (f_early > 0) & (f_rest > 0)
        if not keep.any():
            raise value_error("hours", hours, "too_large", f"leave part of an open day with forecast calls ({h:g} h)")
        factor = a_early[keep] / f_early[keep]
        actual, fc = a_rest[keep], f_rest[keep]
        total = actual.sum()
        rows.append({"hours": float(h), "days": int(keep.sum()),
                     "wape_forecast": np.abs(fc - actual).sum() / total,
                     "wape_rescaled": np.abs(fc * factor - actual).sum() / total,
                     "wape_damped": np.abs(fc * (1 + d * (factor - 1)) - actual).sum() / total})
    return pd.DataFrame(rows).set_index("hours")


#: scheduled activities in an agent's schedule
ACTIVITIES = ("contact", "break", "training", "meeting", "coaching", "off")
#: actual agent states (ACD and WFM states) and the activity each one counts as
STATE_ACTIVITY = {"available": "contact", "in_contact": "contact", "acw": "contact", "break": "break",
                  "training": "training", "meeting": "meeting", "coaching": "coaching", "aux": "aux",
                  "logged_out": "off"}
STATES = tuple(STATE_ACTIVITY)


#: activities that are work only up to their scheduled length (a break, a training, an overleg, a coaching)
_TIMED = ("break", "training", "meeting", "coaching")
#: how :func:`adherence` treats whole sick days
SICK_DAYS = ("exclude", "count")


def _state_days(frame, states):
    """One day label per row: the date of ``interval_start`` (column or DatetimeIndex), else one day per agent."""
    if "interval_start" in frame.columns:
        times = pd.to_datetime(frame["interval_start"], errors="coerce")
        if times.isna().any():
            raise value_error("states", states, "inconsistent", "have interval_start times in every row")
        return times.dt.normalize().to_numpy()
    if isinstance(frame.index, pd.DatetimeIndex):
        return frame.index.normalize().to_numpy()
    return np.zeros(len(frame), dtype="datetime64[ns]")


def adherence(states, *, interval=900, sick_days="exclude") -> pd.DataFrame:
    """Adherence and conformance per agent from schedule and state data.

    ``states`` has one row per agent per interval with the columns ``agent``, ``scheduled`` (one of
    :data:`ACTIVITIES`) and ``state`` (one of :data:`STATES`), and the interval's time in a column
    ``interval_start`` or as a DatetimeIndex (without times all rows of an agent are one day).

    A **sick day** is a day on which the agent was scheduled and ``logged_out`` in every scheduled interval.
    With ``sick_days="exclude"`` (the practice: a reported sick day leaves the schedule, it is absence,
    unplanned shrinkage) those days are taken out first; ``"count"`` keeps them as non-adherent time.
    ``sick_hours`` gives the hours taken out.

    Per agent: ``scheduled_hours`` (intervals scheduled for anything but ``off``), ``adherent_hours`` (of
    those, the intervals whose state counts as the scheduled activity, :data:`STATE_ACTIVITY`),
    ``worked_hours``: per agent per day the intervals in a phone state (``available``, ``in_contact``,
    ``acw``, scheduled or not: overtime counts) plus, for break, training, meeting and coaching,
    ``min(intervals in that state, intervals scheduled for it)`` (a break counts only up to its scheduled
    length; aux and logged out never count). ``adherence = adherent_hours / scheduled_hours`` and
    ``conformance = worked_hours / scheduled_hours`` (above 1 for overtime). Hours = intervals *
    ``interval`` / 3600.
    """
    frame = dataframe("states", states, ("agent", "scheduled", "state"), nonempty=True)
    seconds = scalar("interval", interval, low=0.0, low_inclusive=False)
    choice("sick_days", sick_days, SICK_DAYS)
    bad = ~frame["scheduled"].isin(ACTIVITIES)
    if bad.any():
        raise value_error("states", states, "choice",
                          f"have scheduled activities from {ACTIVITIES}", repr(frame["scheduled"][bad].iloc[0]))
    bad = ~frame["state"].isin(STATES)
    if bad.any():
        raise value_error("states", states, "choice", f"have states from {STATES}",
                          repr(frame["state"][bad].iloc[0]))
    counts = frame["state"].map(STATE_ACTIVITY).to_numpy()
    planned = frame["scheduled"].to_numpy()
    state = frame["state"].to_numpy()
    scheduled = planned != "off"
    parts = pd.DataFrame({"agent": frame["agent"].to_numpy(), "day": _state_days(frame, states),
                          "scheduled_hours": scheduled, "adherent_hours": scheduled & (counts == planned),
                          "phone": counts == "contact", "present": scheduled & (state != "logged_out")})
    for activity in _TIMED:
        parts[f"in_{activity}"] = state == activity
        parts[f"for_{activity}"] = planned == activity
    days = parts.groupby(["agent", "day"], sort=True).sum()
    sick = (days["scheduled_hours"] > 0) & (days["present"] == 0)
    worked = days["phone"].astype(float)
    for activity in _TIMED:
        worked = worked + np.minimum(days[f"in_{activity}"], days[f"for_{activity}"])
    days = pd.DataFrame({"scheduled_hours": days["scheduled_hours"].astype(float),
                         "adherent_hours": days["adherent_hours"].astype(float), "worked_hours": worked,
                         "sick_hours": np.where(sick, days["scheduled_hours"], 0).astype(float)}, index=days.index)
    if sick_days == "exclude":
        days.loc[sick.to_numpy(), ["scheduled_hours", "adherent_hours", "worked_hours"]] = 0.0
    table = days.groupby(level="agent", sort=True).sum() * seconds / 3600
    if (table["scheduled_hours"] <= 0).any():
        raise value_error("states", states, "inconsistent",
                          "schedule every agent for at least one interval outside sick days",
                          repr(table.index[table["scheduled_hours"] <= 0][0]))
    table = table[["scheduled_hours", "adherent_hours", "worked_hours", "sick_hours"]]
    table["adherence"] = table["adherent_hours"] / table["scheduled_hours"]
    table["conformance"] = table["worked_hours"] / table["scheduled_hours"]
    return table


def day_service_level(calls, service_level) -> float:
    """The day's volume-weighted service level ``sum(calls * service_level) / sum(calls)`` (1.0 without calls)."""
    c = _day("calls", calls)
    s = _day("service_level", service_level)
    if s.max() > 1:
        raise value_error("service_level", service_level, "too_large", "be <= 1")
    c, s = broadcast(calls=c, service_level=s)
    total = c.sum()
    return float((c * s).sum() / total) if total > 0 else 1.0


def intervention_effect(calls, aht, agents, *, agent_change=0, call_change=0, interval=900, awt=20,
                        patience=None) -> pd.DataFrame:
    """What an intervention does to a day, interval by interval, and what it costs in agent hours.

    ``agent_change`` per interval: agents added to the phones (overtime, a training moved out, coaching
    cancelled, someone moved from chat or e-mail) or removed (negative: voluntary time off, the training
    moved in). ``call_change`` per interval: calls added or removed (an IVR message, callbacks moved to
    a later interval; see :func:`ivr_change` and :func:`callback_change`). Through
    :func:`wfmcourse.domain.staffing.evaluate`: ``service_level`` before and ``service_level_after``;
    ``hours`` = ``agent_change * interval / 3600`` (agent hours added; negative: freed).
    """
    index = series_index(calls=calls, aht=aht, agents=agents, agent_change=agent_change,
                         call_change=call_change)
    seconds = scalar("interval", interval, low=0.0, low_inclusive=False)
    n = one_dimensional("agents", agents, integer=True, scalar_ok=False)
    c = one_dimensional("calls", calls, scalar_ok=False)
    dn = one_dimensional("agent_change", agent_change, low=None, integer=True)
    dc = one_dimensional("call_change", call_change, low=None)
    n, dn = broadcast(agents=n, agent_change=dn)
    c, dc = broadcast(calls=c, call_change=dc)
    if np.any(n + dn < 0):
        raise value_error("agent_change", agent_change, "too_small", "leave 0 or more agents in every interval")
    if np.any(c + dc < -1e-9 * max(1.0, c.sum())):
        raise value_error("call_change", call_change, "too_small", "leave 0 or more calls in every interval")
    base = staffing.evaluate(c, aht, interval=seconds, awt=awt, agents=n, patience=patience)
    new = staffing.evaluate(np.maximum(c + dc, 0.0), aht, interval=seconds, awt=awt, agents=n + dn,
                            patience=patience)
    return pd.DataFrame({"calls": c, "calls_after": new["calls"].to_numpy(),
                         "agents": n.astype(np.int64), "agents_after": (n + dn).astype(np.int64),
                         "service_level": base["service_level"].to_numpy(),
                         "service_level_after": new["service_level"].to_numpy(),
                         "hours": dn * seconds / 3600}, index=index)


def ivr_change(calls, cause_share, drop_share) -> np.ndarray:
    """The calls an IVR message takes away: ``-calls * cause_share * drop_share`` per interval.

    ``cause_share``: the share of callers calling about the known cause (an outage); ``drop_share``: the
    share of those who hang up after hearing the message (their question is answered).
    """
    c = _day("calls", calls)
    p = scalar("cause_share", cause_share, high=1.0)
    q = scalar("drop_share", drop_share, high=1.0)
    return -c * p * q


def callback_change(calls, waiting, acceptance, serve_at) -> np.ndarray:
    """Calls moved by a callback offer: a share of the waiting callers is called back in a quiet interval.

    Per interval ``k != serve_at``: ``-calls_k * waiting_k * acceptance`` (``waiting``: the share of
    callers who would wait, e.g. Erlang C's probability of waiting); the interval ``serve_at`` (position)
    gets all of them back, so the change sums to 0. The callbacks' handle time moves with them.
    """
    c = _day("calls", calls)
    w = _day("waiting", waiting)
    if w.max() > 1:
        raise value_error("waiting", waiting, "too_large", "be <= 1")
    a = scalar("acceptance", acceptance, high=1.0)
    at = int(scalar("serve_at", serve_at, integer=True))
    c, w = broadcast(calls=c, waiting=w)
    if at >= c.size:
        raise value_error("serve_at", serve_at, "too_large", f"be a position in the day (< {c.size})")
    moved = c * w * a
    moved[at] = 0.0
    change = -moved
    change[at] = moved.sum()
    return change


#: the playbook (draaiboek) of the planners' briefing: :data:`wfmcourse.domain.control_room.POLICY_THRESHOLDS`,
#: the table the control room's playbook plays (one row per condition; an action fires when all its rows hold), plus the
#: intraday reforecast when the volume so far runs 10 % above forecast. Live signals (the longest wait while the
#: service level so far is below target, a known cause) trigger the cheap, reversible actions; the costly ones wait
#: for the trend (workload against plan two hours in a row); time off only in the evening, far above target with
#: volume below forecast (occupancy is a consequence, not a target).
PLAYBOOK = pd.concat([control_room.POLICY_THRESHOLDS,
                      pd.DataFrame([("reforecast", "volume_vs_forecast_so_far", ">", 1.10, "trend")],
                                   columns=control_room.POLICY_THRESHOLDS.columns)], ignore_index=True)
