"""E-mail and other backlog work: a FIFO backlog over intervals, its deadline, and the least work that meets it.

Work with a deadline ("every e-mail answered within 8 working hours") needs no Erlang: it needs enough
work over the window, spent so that no item waits past its deadline.

The model (fluid, per interval, FIFO)
-------------------------------------
* ``arrivals[t]`` items arrive in interval ``t`` (intervals of ``interval`` seconds, one after the other).
  They count as arrived at the *start* of their interval (their age is counted from there, so the age
  is rounded up to whole intervals) and can be handled in that same interval.
* ``agents[t]`` agents work on the backlog in interval ``t`` (fractions allowed: 0.5 is half an agent's
  time); each item takes ``aht`` seconds, so the interval can handle ``c[t] = agents[t] interval / aht``
  items. Items are handled first in, first out, and fluidly (part of an item may be left for later).
* ``open_intervals[t]`` (True/False, default all True) says whether interval ``t`` counts for the deadline:
  the deadline runs in *working* time. An item that arrives at night starts its clock at the next open
  interval.
* ``deadline`` (seconds of working time, a whole number of intervals ``D``): an item arriving in interval
  ``t`` is due at the end of interval ``due[t]``, the ``D``-th open interval from ``t`` on (``t`` included).
  With ``O(s)`` the number of open intervals in ``0..s``: ``due[t] = min{s : O(s) >= O(t - 1) + D}``.
  Items due after the last interval are not checked (they are still in the backlog at the end).

The numbers
-----------
With cumulative arrivals ``A(s)`` and capacity ``C(s)`` (``A(-1) = C(-1) = 0``), the backlog at the end of
interval ``s`` is the Lindley recursion ``B(s) = max(0, B(s - 1) + a(s) - c(s))``, in closed form
``B(s) = S(s) - min(0, min_{j <= s} S(j))`` with ``S = A - C``; the items handled by the end of ``s``
are ``H(s) = A(s) - B(s) = min(A(s), min_{j < s} A(j) + C(s) - C(j))``. FIFO makes the items of interval
``t`` done by the end of ``s`` exactly when ``H(s) >= A(t)``, so

* the oldest item waiting at the end of ``s`` arrived in the first interval ``t`` with ``A(t) > H(s)``,
  and its age is the working time ``(O(s) - O(t - 1)) interval`` seconds;
* the items overdue at the end of ``s`` are ``max(0, R(s) - H(s))`` with ``R(s) = A(T(s))``, ``T(s)`` the
  last arrival interval due by ``s``; the deadline is met when nothing is ever overdue;
* the least work that meets the deadline: every plan must have ``H(s) >= R(s)``, and the plan that
  handles exactly ``R(s) - R(s - 1)`` items in interval ``s`` meets it (``R <= A``), so
  ``(R(s) - R(s - 1)) aht / interval`` agents per interval is the pointwise least cumulative work
  (:func:`minimum_agents`, "just in time": work is done in the interval where it falls due);
* a level plan ``agents[s] = x profile[s]`` (the profile is the shape of the roster, by default the
  open intervals) meets the deadline exactly when ``C(s) - C(j) >= R(s) - A(j)`` for all ``j < s``, so
  the least level is ``x = aht / interval max_{j < s} (R(s) - A(j)) / (P(s) - P(j))`` with ``P`` the
  cumulative profile (:func:`level_agents`).

When the arrivals run above the capacity, the backlog grows by the excess every cycle (day, week) and
never recovers unless the capacity flexes (Koole's point; :func:`growth_per_cycle`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.validation import (
    as_array,
    broadcast,
    one_dimensional,
    scalar,
    series_index,
    value_error,
)

__all__ = ["track", "minimum_agents", "level_agents", "growth_per_cycle"]

_NOISE = 1e-9          # relative rounding noise of the cumulative sums (items)
_PAIRS = 2 ** 22       # at most this many (s, j) pairs held at once by level_agents


# ---------------------------------------------------------------------------
# validated arguments
# ---------------------------------------------------------------------------
def _grid(arrivals, aht, deadline, interval, open_intervals):
    """The checked arrivals, aht, deadline in intervals, interval and open flags (floats 0/1)."""
    a = one_dimensional("arrivals", arrivals)
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    t = scalar("interval", interval, low=0.0, low_inclusive=False)
    d = scalar("deadline", deadline, low=0.0, low_inclusive=False)
    steps = d / t
    if abs(steps - round(steps)) > 1e-9 * max(1.0, steps) or round(steps) < 1:
        raise value_error("deadline", deadline, "inconsistent",
                          f"be a whole number of intervals of {t:g} s (working time)")
    if open_intervals is None:
        flags = np.ones(a.size)
    else:
        flags = one_dimensional("open_intervals", open_intervals, allow_bool=True, high=1.0, integer=True)
        _same_length("open_intervals", open_intervals, flags, a)
    return a, h, int(round(steps)), t, flags


def _same_length(name, value, arr, arrivals):
    if arr.size != arrivals.size:
        raise value_error(name, value, "shape", f"have one value per interval of arrivals ({arrivals.size})",
                          f"{arr.size} values")


def _per_interval(name, value, arrivals, **limits):
    """A number or one value per interval, as an array of the arrivals' length."""
    arr = as_array(name, value, **limits)
    if arr.ndim == 0:
        return np.full(arrivals.size, float(arr))
    arr = one_dimensional(name, value, **limits)
    _same_length(name, value, arr, arrivals)
    return arr


def _index(arrivals, **others):
    return series_index(arrivals=arrivals, **others)


# ---------------------------------------------------------------------------
# the kernel (checked arrays in)
# ---------------------------------------------------------------------------
def _due(flags, steps):
    """due[t]: the interval at whose end the items of interval t are due (n when after the horizon)."""
    opened = np.cumsum(flags)
    before = np.concatenate(([0.0], opened[:-1]))           # O(t - 1)
    return np.searchsorted(opened, before + steps - 0.5, side="right"), opened, before


def _required(arrivals, flags, steps):
    """R(s): the items that must be handled by the end of s (A of the last interval due by s)."""
    due, _, _ = _due(flags, steps)
    cum = np.cumsum(arrivals)
    last = np.searchsorted(due, np.arange(arrivals.size), side="right") - 1
    return np.where(last >= 0, cum[np.maximum(last, 0)], 0.0), cum


def _clean(x, scale):
    """Differences of cumulative sums: rounding noise below _NOISE * scale is 0."""
    return np.where(np.abs(x) <= _NOISE * np.maximum(scale, 1.0), 0.0, x)


# ---------------------------------------------------------------------------
# public functions
# ---------------------------------------------------------------------------
def track(arrivals, agents, aht, deadline, interval=900, open_intervals=None) -> pd.DataFrame:
    """The backlog per interval when ``agents`` work on it first in, first out.

    ``arrivals`` items per interval, ``agents`` per interval (or one number for all), ``aht`` seconds
    per item, ``deadline`` seconds of working time (whole intervals), ``open_intervals`` True/False per
    interval (default all open). Columns, per interval: ``arrivals``; ``capacity`` (items the agents can
    handle, ``agents interval / aht``); ``handled``; ``backlog`` (items left at the end,
    ``B(s) = max(0, B(s-1) + arrivals - capacity)``); ``oldest_age`` (working seconds the oldest waiting
    item has waited at the end, 0 without backlog); ``overdue`` (items past their deadline at the end).
    The deadline is met when ``overdue`` is 0 everywhere. A Series of arrivals gives its index.
    """
    a, h, steps, t, flags = _grid(arrivals, aht, deadline, interval, open_intervals)
    n = _per_interval("agents", agents, a)
    index = _index(arrivals, agents=agents, open_intervals=open_intervals)
    cap = n * t / h
    cum_a, cum_c = np.cumsum(a), np.cumsum(cap)
    s = cum_a - cum_c
    backlog = _clean(s - np.minimum(0.0, np.minimum.accumulate(s)), cum_a)
    done = cum_a - backlog                                    # H(s)
    handled = np.diff(np.concatenate(([0.0], done)))
    # the oldest waiting item: the first arrival interval with A(t) > H(s)
    _, opened, before = _due(flags, steps)
    first = np.searchsorted(cum_a, done + _NOISE * np.maximum(cum_a, 1.0), side="right")
    first = np.minimum(first, a.size - 1)
    age = np.where(backlog > 0, (opened - before[first]) * t, 0.0)
    required, _ = _required(a, flags, steps)
    overdue = _clean(np.maximum(0.0, required - done), cum_a)
    frame = pd.DataFrame({"arrivals": a, "capacity": cap, "handled": handled, "backlog": backlog,
                          "oldest_age": age, "overdue": overdue})
    if index is not None:
        frame.index = index
    return frame


def minimum_agents(arrivals, aht, deadline, interval=900, open_intervals=None) -> np.ndarray | pd.Series:
    """The least work that meets the deadline: agents per interval, just in time.

    ``(R(s) - R(s - 1)) aht / interval`` with ``R(s)`` the items due by the end of ``s`` (see the module
    docstring). Every plan that meets the deadline has at least this much work done by the end of each
    interval, so its cumulative work is the least possible at every moment (and in total). Work falls in
    the intervals where items fall due; items due after the last interval get none. Same arguments as
    :func:`track`; a Series of arrivals gives a Series named ``agents_needed``.
    """
    a, h, steps, t, flags = _grid(arrivals, aht, deadline, interval, open_intervals)
    index = _index(arrivals, open_intervals=open_intervals)
    required, cum = _required(a, flags, steps)
    need = _clean(np.diff(np.concatenate(([0.0], required))), cum) * h / t
    return need if index is None else pd.Series(need, index=index, name="agents_needed")


def level_agents(arrivals, aht, deadline, interval=900, open_intervals=None, profile=None) -> float:
    """The least level ``x`` so that ``x * profile`` agents per interval meet the deadline.

    ``x = aht / interval * max_{j < s} (R(s) - A(j)) / (P(s) - P(j))`` over the pairs with
    ``R(s) > A(j)`` (``A`` cumulative arrivals from ``A(-1) = 0``, ``P`` the cumulative profile).
    ``profile`` (one weight >= 0 per interval) is the shape of the plan, by default ``open_intervals``:
    the same number of agents in every open interval. Returns agents (a float; 0 when nothing falls due).
    A window where items fall due but the profile is 0 throughout cannot be met: ``ParameterValueError``
    (kind ``"no_capacity"``) on ``profile``.
    """
    a, h, steps, t, flags = _grid(arrivals, aht, deadline, interval, open_intervals)
    _index(arrivals, open_intervals=open_intervals, profile=profile)
    shape = flags if profile is None else _per_interval("profile", profile, a)
    required, cum_a = _required(a, flags, steps)
    cum_p = np.cumsum(shape)
    a_before = np.concatenate(([0.0], cum_a))                # A(j) for j = -1 .. n-1
    p_before = np.concatenate(([0.0], cum_p))
    best = 0.0
    rows = max(1, _PAIRS // (a.size + 1))
    for start in range(0, a.size, rows):
        s = np.arange(start, min(start + rows, a.size))
        need = required[s, None] - a_before[None, :]          # R(s) - A(j)
        room = cum_p[s, None] - p_before[None, :]             # P(s) - P(j)
        valid = (np.arange(a.size + 1)[None, :] <= s[:, None]) & (need > _NOISE * np.maximum(cum_a[-1], 1.0))
        if np.any(valid & (room <= 0)):
            where = int(s[np.argmax(np.any(valid & (room <= 0), axis=1))])
            raise value_error("profile", profile, "no_capacity",
                              f"leave some capacity before every deadline (items fall due by interval "
                              f"{where} with no capacity in their window)", f"profile {shape.tolist()[:6]}...")
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(valid, need / np.where(room > 0, room, 1.0), 0.0)
        best = max(best, float(ratio.max(initial=0.0)))
    return best * h / t


def growth_per_cycle(arrivals, agents, aht, interval=900) -> float:
    """How many items the backlog grows by per repeated cycle (a day or a week), in the long run.

    When the same cycle of ``arrivals`` and ``agents`` repeats, the backlog after ``k`` cycles grows
    like ``k * max(0, sum(arrivals) - sum(agents) interval / aht)``: the excess of the arrivals over
    the capacity of one cycle, in items (Koole's point: consistently more load than planned makes the
    backlog grow without bound unless the capacity flexes). 0 when the capacity covers the arrivals.
    """
    a = one_dimensional("arrivals", arrivals)
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    t = scalar("interval", interval, low=0.0, low_inclusive=False)
    n = _per_interval("agents", agents, a)
    broadcast(arrivals=a, agents=n)
    return max(0.0, float(a.sum() - n.sum() * t / h))
