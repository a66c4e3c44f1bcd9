"""Calendar events that move daily contact volume: Dutch public holidays, catch-up days, invoice runs, campaigns.

* :func:`event_calendar` - per day: the public holiday (from the ``holidays`` package, Dutch names), whether the
  centre is closed, the catch-up day after a closed weekday, the working days of the monthly invoice run and the
  known campaign days. Future days get the same calendar, so a forecast knows next year's events.
* :func:`catch_up_days` - the first open weekday after one or more closed weekdays (the calls of the closed day
  come a day later).
* :func:`event_uplift` - how much an event lifts (or lowers) the volume, estimated from history:
  ``uplift_e = sum_{d in E} v_d / sum_{d in E} b_d`` over the days ``E`` with event ``e`` and no other event, with
  ``b_d`` the mean volume on the same weekday 1..``weeks`` weeks before and after ``d`` on days without events
  (trend and yearly season hardly move in a few weeks). A ratio of sums, so busy days weigh more, like WAPE.

Days are a daily :class:`pandas.DatetimeIndex` (midnight timestamps, no gaps). Volumes are counts per day.
"""
from __future__ import annotations

import holidays as _holidays
import numpy as np
import pandas as pd

from wfmcourse.validation import (
    ParameterValueError,
    as_array,
    one_dimensional,
    regular_time_index,
    series,
    type_error,
    value_error,
)

__all__ = [
    "EVENT_COLUMNS",
    "public_holidays",
    "catch_up_days",
    "event_calendar",
    "event_factors",
    "event_uplift",
]

#: The 0/1 event columns of :func:`event_calendar` that :func:`event_uplift` estimates, in this order.
EVENT_COLUMNS = ("quiet_holiday", "catch_up", "invoice_day_1", "invoice_day_2", "invoice_day_3", "campaign")


def _days(name, days):
    """A daily DatetimeIndex of midnights without gaps, in order."""
    if not isinstance(days, pd.DatetimeIndex):
        raise type_error(name, days, "a pandas DatetimeIndex of days")
    if len(days) == 0:
        raise value_error(name, days, "empty", "hold at least one day")
    if days.hasnans or (days != days.normalize()).any():
        raise value_error(name, days, "index", "hold midnight timestamps (one per day)", repr(days[:3]))
    if len(days) > 1 and regular_time_index(name, days, gaps=False, increasing=True) != 86400:
        raise value_error(name, days, "index", "be daily (one timestamp per day)", repr(days[:3]))
    return days


def public_holidays(days) -> pd.Series:
    """Dutch public holiday per day (Dutch name, ``""`` on other days), from ``holidays.country_holidays("NL")``.

    ``days``: a daily DatetimeIndex. The package knows the moving feasts (Easter, Ascension, Pentecost), that
    King's Day moves to the 26th when the 27th is a Sunday, and that Liberation Day (5 May) is a holiday in the
    lustrum years only. Returns a Series ``holiday`` on ``days``.
    """
    days = _days("days", days)
    table = _holidays.country_holidays("NL", years=range(days.year.min(), days.year.max() + 1), language="nl")
    names = [table.get(day, "") for day in days.date]
    return pd.Series(names, index=days, name="holiday", dtype=object)


def catch_up_days(closed) -> pd.Series:
    """True on the first open day after one or more closed weekdays (Monday-Friday), if that day is a weekday.

    ``closed``: bool Series on a daily DatetimeIndex. A closed Sunday is the normal week and gives no catch-up;
    Christmas on Thursday and Friday gives a catch-up Monday only when Saturday is closed too. Vectorised: with
    ``c_d`` the running count of closed weekdays, an open weekday ``d`` catches up when ``c_d`` grew since the
    previous open day.
    """
    series("closed", closed, index=pd.DatetimeIndex)
    _days("closed", closed.index)
    if closed.dtype != bool:
        raise type_error("closed", closed, "a Series of booleans")
    shut = closed.to_numpy()
    weekday = closed.index.day_of_week.to_numpy() < 5
    count = np.cumsum(shut & weekday)
    open_pos = np.flatnonzero(~shut)
    grew = np.zeros(len(shut), bool)
    if open_pos.size:
        before = np.r_[0, count[open_pos[:-1]]]         # count at the previous open day (0 before the first)
        grew[open_pos] = count[open_pos] > before
    return pd.Series(grew & weekday, index=closed.index, name="catch_up")


def event_calendar(days, *, campaigns=(), closed_weekdays=(6,), quiet_holidays=("Goede vrijdag", "Bevrijdingsdag"),
                   invoice_first_workday=3) -> pd.DataFrame:
    """The event calendar of KlantDirect for ``days`` (a daily DatetimeIndex), one row per day.

    Columns: ``holiday`` (Dutch name or ``""``), ``closed`` (a closed weekday in ``closed_weekdays``, 0 = Monday,
    or a public holiday not in ``quiet_holidays``), ``quiet_holiday`` (open holiday with little volume),
    ``catch_up`` (:func:`catch_up_days`), ``invoice_day_1..3`` (the invoices go out on the first working day of
    the month; working days ``invoice_first_workday``, +1 and +2 of the month, counted over open Monday-Friday
    days without a holiday, are the days customers call about them) and ``campaign`` (days in ``campaigns``:
    pairs ``(first day, last day)``, inclusive). All flags are booleans.
    """
    days = _days("days", days)
    week_closed = one_dimensional("closed_weekdays", closed_weekdays, nonempty=False, low=0, high=6, integer=True)
    first = int(as_array("invoice_first_workday", invoice_first_workday, low=1.0, high=20.0, integer=True))
    if isinstance(quiet_holidays, str) or not isinstance(quiet_holidays, (list, tuple, set, frozenset)) \
            or not all(isinstance(q, str) for q in quiet_holidays):
        raise type_error("quiet_holidays", quiet_holidays, "a list of holiday names")
    holiday = public_holidays(days)
    weekday = days.day_of_week.to_numpy()
    is_holiday = (holiday != "").to_numpy()
    quiet = is_holiday & holiday.isin(quiet_holidays).to_numpy()
    closed = np.isin(weekday, week_closed) | (is_holiday & ~quiet)
    work = ~closed & (weekday < 5) & ~is_holiday
    month = days.year * 12 + days.month
    rank = pd.Series(work.astype(int), index=days).groupby(month).cumsum().to_numpy()
    frame = pd.DataFrame({"holiday": holiday.to_numpy(), "closed": closed, "quiet_holiday": quiet & ~closed,
                          "catch_up": catch_up_days(pd.Series(closed, index=days)).to_numpy()}, index=days)
    for k in (1, 2, 3):
        frame[f"invoice_day_{k}"] = work & (rank == first + k - 1)
    frame["campaign"] = _in_periods("campaigns", campaigns, days)
    return frame


def _in_periods(name, periods, days):
    if isinstance(periods, (str, bytes)) or not hasattr(periods, "__iter__"):
        raise type_error(name, periods, "a list of (first day, last day) pairs")
    inside = np.zeros(len(days), bool)
    for pair in periods:
        if isinstance(pair, (str, bytes)) or not hasattr(pair, "__len__") or len(pair) != 2:
            raise type_error(name, periods, "a list of (first day, last day) pairs")
        try:
            start, end = (pd.Timestamp(p) for p in pair)
        except (TypeError, ValueError) as error:
            raise ParameterValueError(name, periods, "format",
                                      f"{name} must hold dates, got {pair!r}") from error
        if end < start:
            raise value_error(name, periods, "inconsistent", "end on or after their first day", repr(pair))
        inside |= (days >= start) & (days <= end)
    return inside


def event_factors(calendar, uplift) -> pd.Series:
    """Volume factor per day: ``0`` on closed days, else ``prod_e uplift_e`` over the events of the day.

    ``calendar``: a frame as made by :func:`event_calendar`; ``uplift``: factors per event column (a Series or
    dict, e.g. the ``uplift`` column of :func:`event_uplift`; events not given count as 1). Returns ``factor``.
    """
    _calendar(calendar)
    if isinstance(uplift, pd.DataFrame) or not isinstance(uplift, (pd.Series, dict)):
        raise type_error("uplift", uplift, "a Series or dict of factors per event")
    up = pd.Series(uplift, dtype=object)
    unknown = sorted(set(up.index) - set(EVENT_COLUMNS))
    if unknown:
        raise value_error("uplift", uplift, "choice", f"name events among {EVENT_COLUMNS}", repr(unknown))
    values = as_array("uplift", up.to_numpy(), low=0.0) if len(up) else np.array([])
    factor = np.ones(len(calendar))
    for name, value in zip(up.index, np.atleast_1d(values)):
        factor = np.where(calendar[name].to_numpy(bool), factor * value, factor)
    factor = np.where(calendar["closed"].to_numpy(bool), 0.0, factor)
    return pd.Series(factor, index=calendar.index, name="factor")


def _calendar(calendar):
    if not isinstance(calendar, pd.DataFrame):
        raise type_error("calendar", calendar, "a DataFrame made by event_calendar")
    missing = [c for c in ("closed", *EVENT_COLUMNS) if c not in calendar.columns]
    if missing:
        raise value_error("calendar", calendar, "columns", "have the columns of event_calendar",
                          repr(missing))
    _days("calendar", calendar.index)


def event_uplift(volume, calendar, *, weeks=3) -> pd.DataFrame:
    """Uplift factor of each event in :data:`EVENT_COLUMNS`, estimated from the history ``volume``.

    ``uplift_e = sum_{d in E} v_d / sum_{d in E} b_d``: ``E`` the open days with event ``e`` and no other event,
    ``b_d`` the mean volume on the same weekday ``1..weeks`` weeks before and after ``d``, over open days without
    any event or holiday. 1.25 means the event brings 25 % more contacts than that day would have had. Returns a
    frame indexed by ``event`` with ``uplift`` (NaN-free; an event that never occurs cleanly gets 1.0 and
    ``days`` 0) and ``days`` (the number of days it was measured on).
    """
    series("volume", volume, index=pd.DatetimeIndex)
    as_array("volume", volume, low=0.0)
    _calendar(calendar)
    w = int(as_array("weeks", weeks, low=1.0, high=52.0, integer=True))
    if not volume.index.equals(calendar.index):
        raise value_error("calendar", calendar, "inconsistent", "have the same days as volume",
                          f"{calendar.index[0]}..{calendar.index[-1]}")
    flags = calendar[list(EVENT_COLUMNS)].to_numpy(bool)
    closed = calendar["closed"].to_numpy(bool)
    plain = ~closed & ~flags.any(axis=1) & (calendar["holiday"] == "").to_numpy()
    v = volume.to_numpy(float)
    clean = pd.Series(np.where(plain, v, np.nan), index=volume.index)
    shifted = [clean.shift(7 * k) for k in range(1, w + 1)] + [clean.shift(-7 * k) for k in range(1, w + 1)]
    baseline = pd.concat(shifted, axis=1).mean(axis=1).to_numpy()     # NaN-skipping mean of the neighbours
    rows = []
    for j, name in enumerate(EVENT_COLUMNS):
        only = flags[:, j] & (flags.sum(axis=1) == 1) & ~closed & np.isfinite(baseline)
        total = baseline[only].sum()
        rows.append((name, float(v[only].sum() / total) if total > 0 else 1.0, int(only.sum())))
    return pd.DataFrame(rows, columns=["event", "uplift", "days"]).set_index("event")
