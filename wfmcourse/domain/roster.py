"""From the agents needed per interval to a shift plan ("van forecast naar rooster").

The staffing step (:func:`wfmcourse.domain.erlang.agents_needed`) says how many agents must be *on the
phones* in every interval. This module turns those agents needed into shifts: how many agents start
at 08:00 for 8 hours, how many at 10:30 for 4 hours, and so on, with legal breaks, at the lowest
number of paid hours. It is the classic set-covering model of Dantzig (1954) for shift
scheduling, solved exactly as an integer program with :func:`scipy.optimize.milp` (HiGHS).

Model
-----
* Intervals ``t`` of ``interval`` seconds (default 900, a quarter of an hour); agents needed
  ``r_t`` (whole agents).
* Shift types ``j``: a start (every ``start_step_minutes`` within opening hours), a length
  (``lengths`` in hours) and a fixed break pattern. Integer variable ``x_j`` = number of agents
  working shift ``j``. ``a_tj = 1`` when shift ``j`` is at work and *not on break* in interval
  ``t``: a break interval does not count as coverage.
* Coverage ``c_t = sum_j a_tj x_j``. Hard mode: ``c_t >= r_t`` in every interval. With
  ``under_penalty`` set: ``c_t + u_t >= r_t`` with a shortfall ``u_t >= 0`` that costs
  ``under_penalty`` per agent-hour short.
* Minimum staffing: ``c_t >= min_staff`` in every open interval (always hard).
* Optional limits: ``sum_j x_j <= max_agents`` (one shift per agent per day) and
  ``sum_j paid_j x_j <= max_paid_hours``.
* Objective: minimise ``sum_j paid_j x_j + under_penalty * interval_hours * sum_t u_t``.

Breaks: Arbeidstijdenwet art. 5:4
---------------------------------
Art. 5:4 of the Dutch Working Hours Act (Arbeidstijdenwet, wetten.overheid.nl, BWBR0007671):
an employee who works more than 5.5 hours per shift interrupts the work with a break of at
least 30 minutes in total, which may be split into breaks of at least 15 minutes each (lid 1);
more than 10 hours needs at least 45 minutes, again splittable into pieces of at least 15
minutes, so 3 x 15 (lid 2). A collective agreement (CAO) may deviate, down to 15 minutes for
more than 5.5 hours (lid 3); this module applies the statutory default. In the law a break is
at least 15 consecutive minutes that *interrupt* the shift, so a break at the very start or
end of a shift does not count.
The law counts *working time*; this module applies the threshold to the whole shift length
(break included). That is slightly stricter (a 5.75-hour shift gets 30 minutes instead of the
legal minimum of 15) and therefore always compliant. Art. 5:7 caps a shift at 12 hours, so
longer lengths are refused.

Break placement (``break_placement``):

* ``"middle"`` (default): one fixed pattern per shift. One break block centred in the shift or,
  with ``split_breaks=True``, 15-minute pieces spread evenly over the shift.
* ``"window"``: the same pattern may move ``break_window_minutes`` earlier or later in steps of
  one interval; every position is its own shift type, so the solver staggers the breaks. A
  break never touches the first or last interval of a shift (that would just be a shorter
  shift).

Input: ``agents_needed`` is a pandas Series indexed by a regular DatetimeIndex or TimedeltaIndex
(one value per interval), or a 1-D array/list (then the intervals start at 00:00, labelled by
a TimedeltaIndex). Bad input and infeasible requests raise ``ValueError`` naming the parameter,
the interval or the limit that causes the problem. Times: ``interval`` in seconds, the options
ending in ``_minutes`` in minutes, ``lengths`` and ``*_hours`` in hours.

Besides the solver: :func:`plan_week` solves a week day by day, :func:`shift_table` gives a
display table of the chosen shifts and :func:`planning_calendar` shows the X+n week rhythm
(forecast ready, roster published, execution). Tables have English column names; their Dutch
headers are in :data:`wfmcourse.presentation.dutch.LABELS`, and
:func:`wfmcourse.presentation.charts.coverage_figure` draws a plan.
"""
from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csc_array, hstack, vstack

from wfmcourse.validation import (
    ParameterValueError,
    _show,
    as_array,
    choice,
    flag,
    instance,
    ndim,
    one_dimensional,
    scalar,
    series,
    type_error,
    value_error,
    whole,
)

__all__ = [
    "INTERVAL",
    "MAX_SHIFT_HOURS",
    "required_break_minutes",
    "shift_types",
    "RosterResult",
    "plan_shifts",
    "plan_week",
    "shift_table",
    "planning_calendar",
]

INTERVAL = 900                   # default interval length in seconds (a quarter of an hour)
MAX_SHIFT_HOURS = 12.0           # Arbeidstijdenwet art. 5:7: at most 12 hours per shift
_BREAK_RULES = ((10.0, 45), (5.5, 30))   # (more than this many hours, at least this many minutes)
_MIN_BREAK_PIECE = 15            # art. 5:4: a split break is made of pieces of at least 15 minutes
_PLACEMENTS = ("middle", "window")


# ---------------------------------------------------------------------------
# breaks
# ---------------------------------------------------------------------------
def required_break_minutes(shift_hours) -> int | np.ndarray:
    """Minimum total break in minutes for a shift of ``shift_hours`` (Arbeidstijdenwet art. 5:4).

    More than 5.5 hours: 30 minutes; more than 10 hours: 45 minutes; otherwise 0. The threshold
    is applied to the whole shift length (see the module docstring). Scalars give an int,
    arrays an int array. Shifts longer than 12 hours (art. 5:7) raise ``ValueError``.
    """
    scalar = ndim(shift_hours) == 0
    hours = as_array("shift_hours", shift_hours, low=0.0, low_inclusive=False,
                     high=MAX_SHIFT_HOURS)
    minutes = np.zeros(hours.shape, dtype=int)
    for threshold, need in reversed(_BREAK_RULES):
        minutes[hours > threshold] = need
    return int(minutes) if scalar else minutes


def _break_pattern(length, interval_minutes, split):
    """Break offsets (interval numbers within the shift) of the centred pattern, or ().

    The break is rounded up to whole intervals (never shorter than the law asks). Split breaks
    become pieces of at least 15 minutes (art. 5:4), as many as fit, spread evenly.
    """
    need = required_break_minutes(length * interval_minutes / 60)
    if need == 0:
        return ()
    n = math.ceil(need / interval_minutes)
    per = math.ceil(_MIN_BREAK_PIECE / interval_minutes)    # intervals in a 15-minute piece
    pieces = max(1, n // per) if split else 1
    widths = [n // pieces + (k < n % pieces) for k in range(pieces)]
    out = []
    for k, width in enumerate(widths, start=1):
        first = int(math.floor(k * length / (pieces + 1) - width / 2 + 0.5))
        out.extend(range(first, first + width))
    return tuple(out)


# ---------------------------------------------------------------------------
# validation of the agents needed and the settings
# ---------------------------------------------------------------------------
def _fmt(label):
    """Readable interval label for messages and tables."""
    if isinstance(label, pd.Timestamp):
        return label.strftime("%Y-%m-%d %H:%M")
    if isinstance(label, pd.Timedelta):
        total = int(label.total_seconds() // 60)
        days, minutes = divmod(total, 24 * 60)
        text = f"{minutes // 60:02d}:{minutes % 60:02d}"
        return f"day {days + 1} {text}" if days else text
    return str(label)


def _agents_needed(agents_needed, interval):
    """Validated agents needed as (int array, index, interval length in minutes)."""
    minutes = None if interval is None else _interval_minutes(interval)
    if isinstance(agents_needed, pd.DataFrame):
        raise type_error("agents_needed", agents_needed, "a Series or a 1-D array, not a DataFrame")
    if isinstance(agents_needed, pd.Series):
        index = agents_needed.index
        if not isinstance(index, (pd.DatetimeIndex, pd.TimedeltaIndex)):
            raise ParameterValueError("agents_needed", agents_needed, "shape",
                                      "agents_needed index must be a DatetimeIndex or TimedeltaIndex, "
                                      f"got {type(index).__name__}")
        if len(index) == 0:
            raise value_error("agents_needed", agents_needed, "empty", "have at least one interval",
                              "an empty Series")
        if len(index) > 1:
            steps = (index[1:] - index[:-1]).total_seconds().to_numpy()
            irregular = (steps != steps[0]) | (steps <= 0)
            if irregular.any():
                bad = int(np.flatnonzero(irregular)[0]) + 1
                raise ParameterValueError("agents_needed", agents_needed, "shape",
                                          "agents_needed index must be regular and increasing, got a step "
                                          f"of {index[bad] - index[bad - 1]} at {_fmt(index[bad])}")
            step = float(steps[0])
            if minutes is None:
                minutes = _interval_minutes(step)
            elif step != minutes * 60:
                raise value_error("interval", interval, "shape", f"match the agents_needed index step "
                                  f"of {step:g} s")
        elif minutes is None:
            minutes = INTERVAL // 60
        values = agents_needed.to_numpy()
    else:
        values = one_dimensional("agents_needed", agents_needed, scalar_ok=False, integer=True)
        minutes = INTERVAL // 60 if minutes is None else minutes
        index = pd.timedelta_range(0, periods=len(values), freq=f"{minutes}min")
    arr = as_array("agents_needed", values, integer=True)
    return arr.astype(np.int64), index, minutes


def _interval_minutes(interval):
    """``interval`` (seconds) as whole minutes; it must be whole minutes that divide an hour."""
    seconds = scalar("interval", interval, low=0.0, low_inclusive=False, integer=True)
    if seconds % 60 or 3600 % seconds:
        raise value_error("interval", interval, "choice", "be whole minutes that divide an hour, in "
                          "seconds (300, 600, 900, 1200, 1800 or 3600)")
    return int(seconds // 60)


def _minutes_to_intervals(name, minutes, interval_minutes, positive=True):
    arr = as_array(name, minutes, low=0.0, low_inclusive=not positive)
    bad = arr % interval_minutes != 0
    if bad.any():
        raise value_error(name, minutes, "not_integer", f"be a multiple of the interval ({interval_minutes} "
                          "minutes)", _show(minutes, bad))
    return (arr // interval_minutes).astype(int)


def _lengths(lengths, min_shift_hours, interval_minutes):
    hours = one_dimensional("lengths", lengths, low=0.0, low_inclusive=False, high=MAX_SHIFT_HOURS)
    minutes = hours * 60
    bad = np.abs(minutes / interval_minutes - np.round(minutes / interval_minutes)) > 1e-9
    if bad.any():
        raise value_error("lengths", lengths, "not_integer", f"be multiples of the interval "
                          f"({interval_minutes} minutes)", f"{_show(lengths, bad)} hours")
    if min_shift_hours is not None:
        low = float(as_array("min_shift_hours", min_shift_hours, high=MAX_SHIFT_HOURS))
        hours = hours[hours >= low - 1e-12]
        if hours.size == 0:
            raise ParameterValueError("min_shift_hours", min_shift_hours, "too_large",
                                      f"min_shift_hours={min_shift_hours!r} excludes every shift length "
                                      f"in lengths={np.atleast_1d(lengths).tolist()}")
    return sorted({int(round(m / interval_minutes)) for m in hours * 60})


def _clock(name, value):
    """'HH:MM' (or datetime.time) to minutes since midnight; '24:00' is allowed as an end."""
    if isinstance(value, _dt.time):
        return value.hour * 60 + value.minute
    if isinstance(value, str):
        parts = value.strip().split(":")
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            h, m = int(parts[0]), int(parts[1])
            if (0 <= h < 24 and 0 <= m < 60) or (h == 24 and m == 0):
                return h * 60 + m
    raise value_error(name, value, "format", "be a time 'HH:MM' between 00:00 and 24:00", repr(value))


def _open_mask(index, need, opening, interval_minutes):
    """Boolean array: which intervals are open."""
    n = len(index)
    if opening is None:
        busy = np.flatnonzero(need > 0)
        mask = np.zeros(n, dtype=bool)
        if busy.size:
            mask[busy[0]:busy[-1] + 1] = True
        return mask
    if not isinstance(opening, (tuple, list)):
        raise type_error("opening", opening, "a pair of times ('HH:MM', 'HH:MM') or None")
    if len(opening) != 2:
        raise value_error("opening", opening, "shape", "be a pair of times ('HH:MM', 'HH:MM')", repr(opening))
    start, end = _clock("opening", opening[0]), _clock("opening", opening[1])
    if start >= end:
        raise value_error("opening", opening, "too_small", "close after it opens", repr(opening))
    if isinstance(index, pd.DatetimeIndex):
        offset = (index - index.normalize()).total_seconds().to_numpy() / 60
    else:
        offset = (index.total_seconds().to_numpy() / 60) % (24 * 60)
    return (offset >= start) & (offset + interval_minutes <= end)


def _blocks(mask):
    """(first, stop) pairs of the runs of True in ``mask``."""
    padded = np.concatenate(([False], mask, [False])).astype(int)
    edges = np.flatnonzero(np.diff(padded))
    return list(zip(edges[::2], edges[1::2]))


# ---------------------------------------------------------------------------
# shift types
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Columns:
    start: np.ndarray       # first interval of every shift type
    length: np.ndarray      # length in intervals
    breaks: list            # tuple of absolute break intervals per shift type
    matrix: csc_array       # a_tj: 1 when at work and not on break


def _build_columns(n, open_mask, lengths, step, placement, window, split, interval_minutes):
    starts, lens, breaks = [], [], []
    for first, stop in _blocks(open_mask):
        for length in lengths:
            if stop - first < length:
                continue
            options = set(range(first, stop - length + 1, step))
            options.add(stop - length)       # the shift that ends exactly at closing time
            pattern = _break_pattern(length, interval_minutes, split)
            shifts = [0]
            if placement == "window" and pattern:
                shifts = range(-window, window + 1)
            for s in sorted(options):
                for d in shifts:
                    moved = tuple(p + d for p in pattern)
                    if moved and (min(moved) < 1 or max(moved) > length - 2):
                        continue
                    starts.append(s)
                    lens.append(length)
                    breaks.append(tuple(s + p for p in moved))
    rows, cols = [], []
    for j, (s, length, brk) in enumerate(zip(starts, lens, breaks)):
        at_work = [t for t in range(s, s + length) if t not in set(brk)]
        rows.extend(at_work)
        cols.extend([j] * len(at_work))
    matrix = csc_array((np.ones(len(rows)), (np.asarray(rows, dtype=int),
                                              np.asarray(cols, dtype=int))),
                       shape=(n, len(starts)))
    return _Columns(np.asarray(starts, dtype=int), np.asarray(lens, dtype=int), breaks, matrix)


def _settings(agents_needed, *, lengths, start_step_minutes, opening, interval,
              break_placement, break_window_minutes, split_breaks, min_shift_hours):
    need, index, im = _agents_needed(agents_needed, interval)
    choice("break_placement", break_placement, _PLACEMENTS)
    flag("split_breaks", split_breaks)
    step = int(_minutes_to_intervals("start_step_minutes", start_step_minutes, im))
    window = int(_minutes_to_intervals("break_window_minutes", break_window_minutes, im,
                                       positive=False))
    lens = _lengths(lengths, min_shift_hours, im)
    mask = _open_mask(index, need, opening, im)
    cols = _build_columns(len(need), mask, lens, step, break_placement, window,
                          bool(split_breaks), im)
    return need, index, im, mask, cols, lens


def _shift_frame(cols, index, im, counts=None):
    """One row per shift type (or per chosen shift type when ``counts`` is given)."""
    step = pd.Timedelta(minutes=im)
    j = np.arange(len(cols.start)) if counts is None else np.flatnonzero(counts > 0)
    rows = []
    for k in j:
        s, length, brk = cols.start[k], cols.length[k], cols.breaks[k]
        pieces = []
        for t in brk:      # merge consecutive break intervals into (start, end) pairs
            if pieces and pieces[-1][1] == index[t]:
                pieces[-1] = (pieces[-1][0], index[t] + step)
            else:
                pieces.append((index[t], index[t] + step))
        row = {"start": index[s], "end": index[s] + length * step,
               "length_hours": length * im / 60, "breaks": tuple(pieces),
               "break_minutes": len(brk) * im}
        if counts is not None:
            row["count"] = int(counts[k])
        rows.append(row)
    columns = ["start", "end", "length_hours", "breaks", "break_minutes"]
    if counts is not None:
        columns.append("count")
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["start", "length_hours"], kind="stable").reset_index(drop=True)


def shift_types(agents_needed, *, lengths=(4, 6, 8, 9), start_step_minutes=30, opening=None,
                interval=None, break_placement="middle", break_window_minutes=60,
                split_breaks=False, min_shift_hours=None) -> pd.DataFrame:
    """The candidate shift types :func:`plan_shifts` chooses from, as a DataFrame.

    Columns: ``start``, ``end``, ``length_hours``, ``breaks`` (tuple of (start, end) pairs) and
    ``break_minutes``. Starts lie every ``start_step_minutes`` from opening time, plus for every
    length the shift that ends exactly at closing time. Arguments as in :func:`plan_shifts`.
    """
    _, index, im, _, cols, _ = _settings(
        agents_needed, lengths=lengths, start_step_minutes=start_step_minutes, opening=opening,
        interval=interval, break_placement=break_placement,
        break_window_minutes=break_window_minutes, split_breaks=split_breaks,
        min_shift_hours=min_shift_hours)
    return _shift_frame(cols, index, im)


# ---------------------------------------------------------------------------
# the result
# ---------------------------------------------------------------------------
@dataclass(eq=False)
class RosterResult:
    """Outcome of :func:`plan_shifts` or :func:`plan_week`.

    ``shifts``: chosen shifts (``start``, ``end``, ``length_hours``, ``breaks``,
    ``break_minutes``, ``count``). ``agents_needed``, ``coverage``, ``over`` and ``under``: one
    whole number of agents per interval (``over = max(coverage - agents_needed, 0)``, ``under``
    likewise the other way; Series named ``agents_needed``, ``coverage``, ``over_coverage`` and
    ``under_coverage``). ``paid_hours``: total paid hours (breaks included unless ``paid_breaks=False``).
    ``productive_hours``: hours at work and not on break (= coverage summed over intervals).
    ``status``: ``"optimal"`` or ``"time_limit"`` (a feasible plan, optimality not proven).
    ``interval``: interval length in seconds. ``n_shift_types``: number of candidate shift types
    (integer variables), summed over the days for :func:`plan_week`. ``per_day``: for
    :func:`plan_week`, the result of every planned day.
    """

    shifts: pd.DataFrame
    agents_needed: pd.Series
    coverage: pd.Series
    over: pd.Series
    under: pd.Series
    paid_hours: float
    productive_hours: float
    status: str
    interval: int
    n_shift_types: int
    per_day: dict = field(default_factory=dict)

    @property
    def agents(self) -> int:
        """Number of shifts (= agents working) in the plan."""
        return int(self.shifts["count"].sum())

    @property
    def hours_needed(self) -> float:
        """Agent-hours needed: ``sum_t agents_needed_t * interval / 3600``."""
        return float(self.agents_needed.sum() * self.interval / 3600)

    def summary(self) -> pd.Series:
        """Key figures as a Series ``value`` (hours in hours, rounded to 2 decimals).

        Keys: ``number_of_shifts``, ``hours_needed``, ``paid_hours``, ``productive_hours``,
        ``over_coverage_hours``, ``under_coverage_hours`` and ``efficiency`` = hours needed /
        paid hours, the share of paid time the agents needed actually ask for (breaks and
        over-coverage make it lower than 1; 3 decimals).
        """
        h = self.interval / 3600
        values = {
            "number_of_shifts": self.agents,
            "hours_needed": round(self.hours_needed, 2),
            "paid_hours": round(self.paid_hours, 2),
            "productive_hours": round(self.productive_hours, 2),
            "over_coverage_hours": round(float(self.over.sum() * h), 2),
            "under_coverage_hours": round(float(self.under.sum() * h), 2),
            "efficiency": (round(self.hours_needed / self.paid_hours, 3) if self.paid_hours
                           else np.nan),
        }
        return pd.Series(values, name="value", dtype=object)


# ---------------------------------------------------------------------------
# the integer program
# ---------------------------------------------------------------------------
def _solve(c, integrality, matrix, lb, ub, upper, time_limit):
    options = {"disp": False, "mip_rel_gap": 0.0}
    if time_limit is not None:
        options["time_limit"] = float(time_limit)
    return milp(c, integrality=integrality, bounds=Bounds(np.zeros(len(c)), upper),
                constraints=[LinearConstraint(matrix, lb, ub)], options=options)


def _cover_problem(cover, floor, objective):
    """min objective.x s.t. cover.x >= floor, x integer >= 0 (no limits): used for diagnosis."""
    n = cover.shape[1]
    return _solve(objective, np.ones(n), cover, floor, np.full(len(floor), np.inf),
                  np.full(n, np.inf), None)


def plan_shifts(agents_needed, *, lengths=(4, 6, 8, 9), start_step_minutes=30, opening=None,
                min_staff=0, max_agents=None, max_paid_hours=None, min_shift_hours=None,
                under_penalty=None, interval=None, break_placement="middle",
                break_window_minutes=60, split_breaks=False, paid_breaks=True,
                time_limit=None) -> RosterResult:
    """Cheapest set of shifts that covers ``agents_needed``, solved exactly with scipy's ``milp``.

    Parameters
    ----------
    agents_needed : Series (regular DatetimeIndex/TimedeltaIndex) or 1-D array of whole numbers
        Agents needed on the phones per interval (e.g. from ``erlang.agents_needed``, after
        rounding up). Arrays start at 00:00.
    lengths : shift lengths in hours (multiples of the interval, at most 12).
    start_step_minutes : shifts may start every this many minutes from opening time.
    opening : ``("HH:MM", "HH:MM")`` opening hours per day, or ``None``: open from the first to
        the last interval with agents needed. Shifts lie entirely within opening hours.
    min_staff : at least this many agents on the phones (not on break) whenever open.
    max_agents : at most this many shifts (agents) in total; ``None`` for no limit.
    max_paid_hours : at most this many paid hours in total; ``None`` for no limit.
    min_shift_hours : drop shift lengths below this.
    under_penalty : ``None`` (default) for hard coverage; a positive number allows
        under-coverage at this cost per agent-hour short (in paid-hour units: 10 means an hour
        short weighs as much as 10 paid hours). Minimum staffing stays hard.
    interval : length of an interval in seconds (whole minutes that divide an hour); taken
        from the Series index when omitted (900 for arrays).
    break_placement, break_window_minutes, split_breaks : see the module docstring.
    paid_breaks : whether breaks are paid (default True; paid hours then equal shift lengths).
    time_limit : optional solver time limit in seconds (status ``"time_limit"`` when hit).

    Returns a :class:`RosterResult`. Raises ``ValueError`` for bad values and for infeasible
    requests, naming the interval or the limit that makes it infeasible; ``TypeError`` for
    arguments of the wrong type.
    """
    need, index, im, mask, cols, lens = _settings(
        agents_needed, lengths=lengths, start_step_minutes=start_step_minutes, opening=opening,
        interval=interval, break_placement=break_placement,
        break_window_minutes=break_window_minutes, split_breaks=split_breaks,
        min_shift_hours=min_shift_hours)
    m = int(as_array("min_staff", min_staff, integer=True))
    cap_agents = None if max_agents is None else int(as_array("max_agents", max_agents,
                                                              integer=True))
    cap_hours = None if max_paid_hours is None else float(as_array("max_paid_hours",
                                                                   max_paid_hours))
    penalty = None if under_penalty is None else float(
        as_array("under_penalty", under_penalty, low=0.0, low_inclusive=False))
    flag("paid_breaks", paid_breaks)
    if time_limit is not None:
        as_array("time_limit", time_limit, low=0.0, low_inclusive=False)
    h = im / 60

    # --- checks that name the interval or the limit -----------------------------------------
    outside = np.flatnonzero((need > 0) & ~mask)
    if outside.size:
        t = outside[0]
        raise ValueError(f"agents_needed of {need[t]} agents at {_fmt(index[t])} lies outside the "
                         f"opening hours {opening!r}; no shift may cover it")
    floor = np.where(mask, np.maximum(need, m), 0)
    cover = cols.matrix
    coverable = np.asarray(cover.sum(axis=1)).ravel() > 0
    bad = np.flatnonzero((floor > 0) & ~coverable)
    if bad.size:
        t = bad[0]
        if len(cols.start) == 0:
            span = int(mask.sum()) * h
            raise ValueError(f"no shift type fits in the opening hours ({span:g} hours open, from "
                             f"{_fmt(index[np.flatnonzero(mask)[0]])}); the shortest allowed "
                             f"length is {lens[0] * h:g} hours")
        raise ValueError(f"no shift type covers the interval at {_fmt(index[t])} "
                         f"(agents_needed {need[t]}, min_staff {m}); allow other lengths, starts "
                         f"(start_step_minutes) or break placement")
    if cap_agents is not None:
        if m > cap_agents:
            raise ValueError(f"min_staff={m} exceeds max_agents={cap_agents}")
        if penalty is None and floor.max() > cap_agents:
            t = int(np.argmax(floor))
            raise ValueError(f"agents_needed of {floor[t]} agents at {_fmt(index[t])} exceeds "
                             f"max_agents={cap_agents}")
    if cap_hours is not None:
        hard_floor = floor if penalty is None else np.where(mask, m, 0)
        least = hard_floor.sum() * h
        if least > cap_hours + 1e-9:
            what = "agents_needed" if penalty is None else "min_staff"
            raise ValueError(f"max_paid_hours={cap_hours:g} is below the {least:g} agent-hours "
                             f"that {what} alone needs")

    # --- the integer program -----------------------------------------------------------------
    n_int = len(cols.start)
    break_len = np.array([len(b) for b in cols.breaks], dtype=float)
    paid = (cols.length - (0 if paid_breaks else break_len)) * h
    if penalty is None:
        matrix, lb = cover, floor
        c = paid
        upper = np.full(n_int, np.inf)
        integrality = np.ones(n_int)
    else:
        short_idx = np.flatnonzero(floor > m * mask)     # intervals where shortfall may occur
        k = short_idx.size
        slack = csc_array((np.ones(k), (short_idx, np.arange(k))), shape=(len(need), k))
        matrix = hstack([cover, slack], format="csc")
        lb = floor
        c = np.concatenate([paid, np.full(k, penalty * h)])
        upper = np.concatenate([np.full(n_int, np.inf),
                                (floor[short_idx] - m * mask[short_idx]).astype(float)])
        integrality = np.concatenate([np.ones(n_int), np.zeros(k)])
    rows, lbs, ubs = [matrix], [lb], [np.full(len(lb), np.inf)]
    extra = []
    if cap_agents is not None:
        extra.append((np.concatenate([np.ones(n_int), np.zeros(len(c) - n_int)]), cap_agents))
    if cap_hours is not None:
        extra.append((np.concatenate([paid, np.zeros(len(c) - n_int)]), cap_hours))
    if extra:
        rows.append(csc_array(np.vstack([e[0] for e in extra])))
        lbs.append(np.full(len(extra), -np.inf))
        ubs.append(np.array([e[1] for e in extra], dtype=float))
        full = vstack(rows, format="csc")
    else:
        full = matrix
    if not floor.any():          # nothing to cover: the empty plan is optimal
        counts, status = np.zeros(n_int, dtype=int), "optimal"
    else:
        res = _solve(c, integrality, full, np.concatenate(lbs), np.concatenate(ubs), upper,
                     time_limit)
        if res.status == 2:
            _explain_infeasible(cover, floor, paid, cap_agents, cap_hours, penalty, m, mask)
        if res.x is None:
            raise RuntimeError(f"milp stopped without a plan: {res.message}")
        counts = np.round(res.x[:n_int]).astype(int)
        status = "optimal" if res.status == 0 else "time_limit"
    coverage = np.asarray(cover @ counts).astype(np.int64)
    return RosterResult(
        shifts=_shift_frame(cols, index, im, counts),
        **_per_interval(need, coverage, index),
        paid_hours=float(paid @ counts),
        productive_hours=float(coverage.sum() * h),
        status=status, interval=im * 60, n_shift_types=n_int)


def _per_interval(need, coverage, index):
    """The four Series of a RosterResult: agents needed, coverage, over and under coverage."""
    return dict(agents_needed=pd.Series(need, index=index, name="agents_needed"),
                coverage=pd.Series(coverage, index=index, name="coverage"),
                over=pd.Series(np.maximum(coverage - need, 0), index=index, name="over_coverage"),
                under=pd.Series(np.maximum(need - coverage, 0), index=index, name="under_coverage"))


def _explain_infeasible(cover, floor, paid, cap_agents, cap_hours, penalty, m, mask):
    """Raise a ValueError that says which limit makes the plan impossible and by how much."""
    hard = floor if penalty is None else np.where(mask, m, 0)
    n = cover.shape[1]
    parts = []
    if cap_agents is not None:
        res = _cover_problem(cover, hard, np.ones(n))
        if res.x is not None and res.fun > cap_agents + 0.5:
            parts.append(f"max_agents={cap_agents} (breaks included, at least "
                         f"{int(round(res.fun))} shifts are needed)")
    if cap_hours is not None:
        res = _cover_problem(cover, hard, paid)
        if res.x is not None and res.fun > cap_hours + 1e-9:
            parts.append(f"max_paid_hours={cap_hours:g} (at least {res.fun:g} paid hours are "
                         "needed)")
    if not parts:
        limits = [f"max_agents={cap_agents}" if cap_agents is not None else None,
                  f"max_paid_hours={cap_hours:g}" if cap_hours is not None else None]
        parts.append(" together with ".join(x for x in limits if x) or "the shift types")
    what = "agents_needed" if penalty is None else f"min_staff={m}"
    raise ValueError(f"no roster meets {what} within " + " and ".join(parts))


# ---------------------------------------------------------------------------
# a week, day by day
# ---------------------------------------------------------------------------
def plan_week(agents_needed, **options) -> RosterResult:
    """Plan several days of agents needed one calendar day at a time with :func:`plan_shifts`.

    ``agents_needed`` must be a Series with a DatetimeIndex. Every day with agents needed
    is solved on its own (shifts do not cross midnight); days that need no agents count
    as closed and get no shifts. ``options`` go to :func:`plan_shifts` and apply per day
    (``max_agents`` and ``max_paid_hours`` are daily limits). Returns a :class:`RosterResult`
    for the whole period; ``per_day`` maps each planned date to its own result. An infeasible
    day raises ``ValueError`` naming the date.
    """
    series("agents_needed", agents_needed, index=pd.DatetimeIndex)
    index = agents_needed.index
    if not (index.is_monotonic_increasing and index.is_unique):
        raise ParameterValueError("agents_needed", agents_needed, "shape", "agents_needed index must be "
                                  "increasing without duplicates for plan_week")
    need = as_array("agents_needed", agents_needed.to_numpy(), integer=True).astype(np.int64)
    interval = options.get("interval")
    days = index.normalize()
    per_day, frames = {}, []
    coverage = np.zeros(len(need), dtype=np.int64)
    paid = productive = 0.0
    n_types = 0
    status = "optimal"
    for day in days.unique():
        sel = days == day
        if need[sel].sum() == 0:
            continue
        try:
            res = plan_shifts(agents_needed[sel], **options)
        except ParameterValueError as err:        # keep the parameter and kind, name the day
            raise ParameterValueError(err.parameter, err.value, err.kind,
                                      f"{day.date().isoformat()}: {err}") from None
        except ValueError as err:
            raise ValueError(f"{day.date().isoformat()}: {err}") from None
        per_day[day.date()] = res
        frames.append(res.shifts)
        coverage[sel] = res.coverage.to_numpy()
        paid += res.paid_hours
        productive += res.productive_hours
        n_types += res.n_shift_types
        if res.status != "optimal":
            status = res.status
        interval = res.interval
    if interval is None:
        interval = int((index[1] - index[0]).total_seconds()) if len(index) > 1 else INTERVAL
    columns = ["start", "end", "length_hours", "breaks", "break_minutes", "count"]
    shifts = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    return RosterResult(
        shifts=shifts,
        **_per_interval(need, coverage, index),
        paid_hours=paid, productive_hours=productive, status=status,
        interval=interval, n_shift_types=n_types, per_day=per_day)


# ---------------------------------------------------------------------------
# display layers
# ---------------------------------------------------------------------------
def _time_text(value):
    if isinstance(value, pd.Timestamp):
        return value.strftime("%H:%M")
    return _fmt(value)


def _result(result) -> RosterResult:
    return instance("result", result, RosterResult, "a RosterResult from plan_shifts or plan_week")


def shift_table(result) -> pd.DataFrame:
    """The chosen shifts as a small display table, times as text.

    Columns: ``shift_start`` and ``shift_end`` ("08:00"), ``shift_hours`` (length in hours),
    ``shift_breaks`` ("12:00-12:30", or ``no_break``) and ``shift_count`` (agents on that
    shift); a multi-day plan also gets ``shift_date`` (a ``datetime.date``) first.
    """
    s = _result(result).shifts
    table = pd.DataFrame({
        "shift_start": [_time_text(v) for v in s["start"]],
        "shift_end": [_time_text(v) for v in s["end"]],
        "shift_hours": s["length_hours"].astype(float).to_numpy(),
        "shift_breaks": [", ".join(f"{_time_text(a)}-{_time_text(b)}" for a, b in brk) or "no_break"
                         for brk in s["breaks"]],
        "shift_count": s["count"].astype(int).to_numpy(),
    })
    if len(s) and isinstance(s["start"].iloc[0], pd.Timestamp) \
            and pd.DatetimeIndex(s["start"]).normalize().nunique() > 1:
        table.insert(0, "shift_date", [v.date() for v in s["start"]])
    return table


# ---------------------------------------------------------------------------
# the X+n planning calendar
# ---------------------------------------------------------------------------
def planning_calendar(week, *, year=None, forecast_lead=6, roster_lead=3) -> pd.DataFrame:
    """When must the forecast for week X be ready and when is the roster published?

    The X+n rhythm, with X the current week (as in the course glossary): in week X the forecast
    for week X + ``forecast_lead`` is ready and the roster for week X + ``roster_lead`` is
    published; counted from an execution week W, that is week W - ``forecast_lead`` and W -
    ``roster_lead``. The n differs per organisation: it follows from the cao or agreements with
    the works council (ondernemingsraad) on how far ahead rosters are published, often 2 to 4
    weeks, and the forecast has to be ready a few weeks before that to leave time for staffing,
    scheduling and swaps. Legal backdrop: Arbeidstijdenwet art. 4:2 asks for working times to be
    known 28 days (4 weeks) ahead unless a collective arrangement (CAO, or with the works
    council) sets another term, so the default ``roster_lead=3`` assumes such an arrangement.

    ``week`` is an ISO week number (1-53) or a list of them. With ``year`` the weeks are exact
    ISO weeks and the table shows the Monday of each week; without ``year`` weeks before week 1
    wrap into a previous year of 52 weeks (years with 53 ISO weeks, such as 2026, shift this
    by one: pass ``year`` to be exact).

    Returns a DataFrame with one row per step and execution week and the columns
    ``execution_week``, ``step`` (``forecast_ready``, ``roster_published``, ``roster_executed``),
    ``weeks_ahead``, ``year`` (with ``year``), ``week`` and ``monday_of_week`` (a
    ``datetime.date``, with ``year``).
    """
    w = one_dimensional("week", week, low=1, high=53, integer=True).astype(int)
    f = whole("forecast_lead", forecast_lead)
    r = whole("roster_lead", roster_lead)
    if f < r:
        raise value_error("forecast_lead", forecast_lead, "too_small", f"be at least roster_lead={r} (the "
                          "roster is built on the forecast)", str(f))
    if year is not None:
        y = whole("year", year, low=1900, high=2999)
        last = _dt.date(y, 12, 28).isocalendar()[1]
        bad = w > last
        if bad.any():
            raise value_error("week", week, "too_large", f"exist in {y} (1-{last})", _show(w, bad))
    steps = (("forecast_ready", f), ("roster_published", r), ("roster_executed", 0))
    rows = []
    for x in w:
        for name, lead in steps:
            row = {"execution_week": int(x), "step": name, "weeks_ahead": lead}
            if year is not None:
                monday = _dt.date.fromisocalendar(y, int(x), 1) - _dt.timedelta(weeks=lead)
                iso = monday.isocalendar()
                row.update({"year": iso[0], "week": iso[1], "monday_of_week": monday})
            else:
                row["week"] = (int(x) - lead - 1) % 52 + 1
            rows.append(row)
    return pd.DataFrame(rows)
