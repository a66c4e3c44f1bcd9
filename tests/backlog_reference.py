"""An independent reference for wfmcourse.domain.backlog: a plain-Python FIFO queue of lots.

Written apart from the package kernel (no cumulative sums, no Lindley closed form): each interval's
arrivals are one lot in a deque with its arrival interval and due interval; the interval's capacity
is spent on the lots from the front, lot by lot, and whatever is left waits. Used by
tests/test_backlog.py and tests/test_blending.py.
"""
from __future__ import annotations

from collections import deque


def due_intervals(open_flags, steps):
    """For each interval t, the interval at whose end its items are due (len when after the horizon):
    walk forward from t, counting open intervals, until `steps` have been counted."""
    n = len(open_flags)
    out = []
    for t in range(n):
        count, s = 0, t
        while s < n:
            count += 1 if open_flags[s] else 0
            if count == steps:
                break
            s += 1
        out.append(s if count == steps else n)
    return out


def run(arrivals, capacity, open_flags, steps, interval):
    """Per interval: handled, backlog, oldest_age (working seconds), overdue; capacity in items."""
    due = due_intervals(open_flags, steps)
    lots = deque()                      # [arrival interval, due interval, items left]
    rows = []
    for s, (a, c) in enumerate(zip(arrivals, capacity)):
        if a > 0:
            lots.append([s, due[s], float(a)])
        left, handled = float(c), 0.0
        while lots and left > 0:
            take = min(left, lots[0][2])
            lots[0][2] -= take
            left -= take
            handled += take
            if lots[0][2] <= 1e-9:
                lots.popleft()
        backlog = sum(lot[2] for lot in lots)
        if lots:
            first = lots[0][0]
            age = sum(1 for u in range(first, s + 1) if open_flags[u]) * interval
        else:
            age = 0.0
        overdue = sum(lot[2] for lot in lots if lot[1] <= s)
        rows.append(dict(handled=handled, backlog=backlog, oldest_age=age, overdue=overdue))
    return rows


def meets(arrivals, capacity, open_flags, steps, interval):
    return all(r["overdue"] <= 1e-7 for r in run(arrivals, capacity, open_flags, steps, interval))


def least_level(arrivals, profile, open_flags, steps, interval, aht, high=1e4):
    """The least x with x * profile agents meeting the deadline, by bisection on the reference run."""
    low = 0.0
    for _ in range(200):
        mid = (low + high) / 2
        if meets(arrivals, [mid * p * interval / aht for p in profile], open_flags, steps, interval):
            high = mid
        else:
            low = mid
    return high
