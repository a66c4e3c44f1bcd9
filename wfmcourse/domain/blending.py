"""Blending: phone agents fill their idle time with backlog work (e-mail), phone first.

Why a module of its own: the backlog model (:mod:`wfmcourse.domain.backlog`) needs no queueing and
Erlang needs no backlog; blending joins the two (the idle time Erlang leaves becomes backlog capacity)
and adds its own queue, in which the backlog work takes phone agents away.

What Erlang leaves
------------------
With ``n`` agents and ``A`` Erlang of calls (Erlang C) the agents are idle ``n - A`` agent-seconds per
second: :func:`idle_hours` gives ``(n - A) interval / 3600`` hours per interval (0 when ``n <= A``).
That is an upper bound: not all of it can be used without hurting the phone.

The blended queue (phone first, a reserve, a switching cost)
------------------------------------------------------------
The threshold policy of Bhulai and Koole (S. Bhulai, G. Koole, "A queueing model for call blending in
call centers", IEEE Transactions on Automatic Control 48(8), 2003, 1434-1438): there is always backlog
work waiting; an agent who becomes free takes the next waiting call; with no call waiting she starts a
backlog item only if more than ``reserve`` agents would otherwise stay idle (the reserve keeps agents
free for the next calls). Backlog items are not interrupted. Calls arrive Poisson at
``lambda = traffic / aht``; handling times are exponential, calls with mean ``aht``, backlog items with
mean ``backlog_aht + switch_time``: ``switch_time`` seconds is the cost of each switch from the phone to
the backlog and back (the glossary's warning on blending: every switch costs start-up time and
concentration), so only ``backlog_aht / (backlog_aht + switch_time)`` of the time on backlog work is
useful work.

The state is ``(k, m)``: ``k`` calls in the system, ``m`` agents on backlog work (``m <= n - reserve``).
Calls in service ``min(k, n - m)``. From ``(k, m)``: a call arrives at rate ``lambda`` (``k + 1``); a
call ends at rate ``min(k, n - m) / aht`` (``k - 1``, and ``m + 1`` when no call waits and more than
``reserve`` agents are idle); a backlog item ends at rate ``m / (backlog_aht + switch_time)`` (``m - 1``
when a call waits or at most ``reserve`` agents would be idle; otherwise the agent starts the next
item). From ``n + 1`` calls on a call always waits, no backlog item starts, and the chain repeats
level after level: a quasi-birth-death process, solved exactly with the matrix-geometric method
(``pi_{n+1+j} = pi_{n+1} R^j``, ``R`` by logarithmic reduction; G. Latouche and V. Ramaswami, "A
logarithmic reduction algorithm for quasi-birth-death processes", Journal of Applied Probability 30,
1993), the levels up to ``n + 1`` as one sparse linear system. Checked in ``tests/test_blending.py``
against a dense truncated chain written separately (to 1e-9) and a simulation.

An arriving call (PASTA) that finds ``k >= n - m`` waits for ``k - (n - m) + 1`` agents to become free;
while it waits no backlog item starts, each freeing comes at rate ``(n - m) / aht + m / (backlog_aht +
switch_time)`` and a finished backlog item lowers ``m`` by one. The waiting time is phase-type on
(freeings still needed, ``m``): ``P(W > awt)`` by uniformisation, ``ASA`` by the mean recursion.
``reserve >= agents`` switches blending off: the chain is Erlang C (checked to 1e-12 in the tests).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.linalg import spsolve
from scipy.stats import poisson

from wfmcourse.domain import backlog, erlang
from wfmcourse.validation import (
    as_array,
    broadcast,
    is_scalar_call,
    one_dimensional,
    scalar,
    series_index,
    value_error,
    whole,
    wrap,
)

__all__ = ["idle_hours", "evaluate", "agents_needed"]

_TAIL = 1e-15               # the waiting-time sums stop at levels whose mass is below _TAIL / 1000
_MAX_STATES = 2 ** 21       # (agents + 2) (agents - reserve + 1) states at most per interval
_COLUMNS = ("service_level", "wait_probability", "asa", "occupancy", "backlog_agents", "backlog_items",
            "backlog_hours", "switching_hours")


def idle_hours(agents, traffic, interval=900) -> float | np.ndarray | pd.Series:
    """Agent hours per interval that Erlang C leaves idle: ``(agents - traffic) interval / 3600``.

    ``agents * (1 - occupancy) * interval / 3600`` with the Erlang C occupancy ``traffic / agents``;
    0 when ``agents <= traffic`` (every agent busy all the time). The most backlog work the phone
    team could absorb, before the reserve and the cost of switching.
    """
    scalar_call = is_scalar_call(agents, traffic, interval)
    index = series_index(agents=agents, traffic=traffic, interval=interval)
    n, a, t = broadcast(agents=as_array("agents", agents, integer=True), traffic=as_array("traffic", traffic),
                        interval=as_array("interval", interval, low=0.0, low_inclusive=False))
    occupancy = erlang.occupancy(n, a)
    return wrap(n * (1.0 - occupancy) * t / 3600.0, scalar_call, index, "idle_hours")


# ---------------------------------------------------------------------------
# the chain of one interval (plain numbers in)
# ---------------------------------------------------------------------------
def _chain(n, a, aht, awt, item_time, reserve):
    """Metrics of the blended queue for n agents, a Erlang: a dict of floats (per second rates).

    A quasi-birth-death process: level k (calls), phase m (agents on backlog work). From level n + 1
    on every state has a call waiting, so no backlog item starts and the blocks repeat: up
    ``A0 = lambda I``, down ``A2 = diag(mu (n - m))``, within ``A1`` (a finished item: m -> m - 1 at
    ``nu m``). Then ``pi_{n+1+j} = pi_{n+1} R^j`` with ``R`` the minimal solution of
    ``A0 + R A1 + R^2 A2 = 0`` (logarithmic reduction, Latouche and Ramaswami 1993); the levels
    0 .. n + 1 are solved as one sparse linear system, level n + 1 with ``A1 + R A2``.
    """
    if a <= 0:
        on_backlog = float(max(n - reserve, 0))
        return dict(service_level=1.0, wait_probability=0.0, asa=0.0, occupancy=0.0,
                    backlog_rate=on_backlog / item_time, backlog_busy=on_backlog)
    if n <= a:
        return dict(service_level=0.0, wait_probability=1.0, asa=np.inf, occupancy=1.0,
                    backlog_rate=0.0, backlog_busy=0.0)
    lam, mu, nu = a / aht, 1.0 / aht, 1.0 / item_time
    top = max(n - reserve, 0)                                   # most agents on backlog work
    width = top + 1
    first = n + 1                                               # the first repeating level
    if (first + 1) * width > _MAX_STATES:
        raise value_error("agents", n, "too_large", f"keep (agents + 2) (agents - reserve + 1) <= {_MAX_STATES} "
                          "(the states of the blended queue)")
    r_mat = _rate_matrix(n, lam, mu, nu, top)
    k, m = np.meshgrid(np.arange(first + 1), np.arange(width), indexing="ij")
    k, m = k.ravel(), m.ravel()

    def at(kk, mm):
        return kk * width + mm

    in_service = np.minimum(k, n - m)
    waiting = k - in_service
    rows, cols, rates = [], [], []
    ok = k < first                                               # arrivals (level first: in R A2 below)
    rows.append(at(k[ok], m[ok]))
    cols.append(at(k[ok] + 1, m[ok]))
    rates.append(np.full(ok.sum(), lam))
    ok = in_service > 0                                          # a call ends
    idle_after = n - m - (k - 1)
    starts = ok & (waiting == 0) & (idle_after > reserve) & (m < top)
    rows.append(at(k[ok], m[ok]))
    cols.append(at(k[ok] - 1, np.where(starts, m + 1, m)[ok]))
    rates.append(mu * in_service[ok])
    idle_after = n - (m - 1) - k                                 # a backlog item ends
    ok = (m > 0) & ((waiting > 0) | (idle_after <= reserve))
    rows.append(at(k[ok], m[ok]))
    cols.append(at(k[ok], m[ok] - 1))
    rates.append(nu * m[ok])
    rows, cols, rates = (np.concatenate(x) for x in (rows, cols, rates))
    moves = rows != cols                                         # self-loops change nothing
    rows, cols, rates = rows[moves], cols[moves], rates[moves]
    size = k.size
    out = np.bincount(rows, weights=rates, minlength=size)
    # level `first`: its own block becomes A1 + R A2 (leaving up at lambda, coming back through R A2)
    ms = np.arange(width)
    back = r_mat * (mu * (n - ms))[None, :]                      # R A2
    ii, jj = np.meshgrid(ms, ms, indexing="ij")
    out[at(first, ms)] += lam
    # balance pi Q = 0 as Q^T pi = 0 (equation = target state), the first replaced by the normalisation
    eq = np.concatenate((cols, np.arange(size), at(first, jj.ravel())))
    var = np.concatenate((rows, np.arange(size), at(first, ii.ravel())))
    val = np.concatenate((rates, -out, back.ravel()))
    above = np.linalg.solve(np.eye(width) - r_mat, np.ones(width))   # (I - R)^-1 1: level first and above
    norm = np.ones(size)
    norm[at(first, ms)] = above
    keep = eq != 0
    eq, var, val = (np.concatenate((x[keep], y)) for x, y in
                    ((eq, np.zeros(size, dtype=int)), (var, np.arange(size)), (val, norm)))
    system = sparse.csr_matrix((val, (eq, var)), shape=(size, size))     # CSR: SuperLU is much faster here
    rhs = np.zeros(size)
    rhs[0] = 1.0
    pi = spsolve(system, rhs)
    pi = np.where(pi < 0, 0.0, pi)                               # solver noise around 0
    # the levels above `first`: pi_{first + j} = pi_first R^j, until their mass is below _TAIL
    levels = [pi[at(first, ms)]]
    while levels[-1].sum() > _TAIL * 1e-3 and len(levels) < _MAX_STATES // width:
        levels.append(levels[-1] @ r_mat)
    upper = np.array(levels[1:]).reshape(-1, width) if len(levels) > 1 else np.zeros((0, width))
    k_up = np.repeat(np.arange(first + 1, first + 1 + len(upper)), width)
    m_up = np.tile(ms, len(upper))
    pi_all = np.concatenate((pi, upper.ravel()))
    k_all, m_all = np.concatenate((k, k_up)), np.concatenate((m, m_up))
    pi_all /= pi_all.sum()
    serving = np.minimum(k_all, n - m_all)
    must_wait = k_all >= n - m_all                               # every agent busy (calls or backlog)
    need = np.where(must_wait, k_all - serving + 1, 0)           # freeings the arriving call waits for
    p_wait = float(pi_all[must_wait].sum())
    tail, mean = _wait_given(n, mu, nu, top, int(need.max(initial=0)), awt)
    late = float(np.sum(pi_all[must_wait] * tail[need[must_wait], m_all[must_wait]]))
    asa = float(np.sum(pi_all[must_wait] * mean[need[must_wait], m_all[must_wait]]))
    on_backlog = float(np.sum(pi_all * m_all))
    occupancy = float(np.sum(pi_all * serving)) / n
    # sums of probabilities that add up to 1: rounding (1e-16) may not push them past [0, 1]
    p_wait, late = min(max(p_wait, 0.0), 1.0), min(max(late, 0.0), 1.0)
    return dict(service_level=1.0 - late, wait_probability=p_wait, asa=asa, occupancy=occupancy,
                backlog_rate=on_backlog * nu, backlog_busy=on_backlog)


def _rate_matrix(n, lam, mu, nu, top):
    """R of the repeating levels (logarithmic reduction for G, then R = A0 (-(A1 + A0 G))^-1)."""
    ms = np.arange(top + 1)
    eye = np.eye(top + 1)
    a0 = lam * eye
    a2 = np.diag(mu * (n - ms))
    a1 = np.diag(-(lam + mu * (n - ms) + nu * ms)) + np.diag(nu * ms[1:], -1)
    inv = np.linalg.inv(-a1)
    up, down = inv @ a0, inv @ a2
    g, t = down.copy(), up.copy()
    for _ in range(60):                        # each step doubles the levels covered: 2^60 at most
        mix = np.linalg.inv(eye - (up @ down + down @ up))
        up, down = mix @ (up @ up), mix @ (down @ down)
        g = g + t @ down
        t = t @ up
        if np.max(np.abs(1.0 - g.sum(axis=1))) < 1e-14 or np.max(np.abs(t)) < 1e-17:
            break
    return a0 @ np.linalg.inv(-(a1 + a0 @ g))


def _wait_given(n, mu, nu, top, most, awt):
    """P(W > awt) and E[W] for a call that needs i freeings with m agents on backlog work:
    arrays [i, m] for i = 0 .. most, m = 0 .. top (uniformisation and the mean recursion)."""
    ms = np.arange(top + 1)
    call_rate, item_rate = mu * (n - ms), nu * ms
    total = call_rate + item_rate
    mean = np.zeros((most + 1, top + 1))
    for i in range(1, most + 1):
        shifted = np.concatenate(([0.0], mean[i - 1, :-1]))
        with np.errstate(divide="ignore", invalid="ignore"):
            mean[i] = (1.0 + call_rate * mean[i - 1] + item_rate * shifted) / total
    big = float(total.max())
    x = big * awt
    # uniformisation at rate big: P(W > awt | i, m) = sum_s Poisson(s; x) h_s(i, m), h_s the chance that
    # s steps of the uniformised chain do not serve the call; h_s(i, .) = 1 while s < i (each step frees
    # at most one agent), so step s only updates the rows i <= s. Steps until the Poisson tail < 1e-17.
    cap = int(np.ceil(x + 12.0 * np.sqrt(x) + 40.0)) if x > 0 else 0
    beyond = poisson.sf(np.arange(cap + 1), x) if x > 0 else np.zeros(1)
    steps = int(np.argmax(beyond < 1e-17)) if np.any(beyond < 1e-17) else cap
    weights = poisson.pmf(np.arange(steps + 1), x) if x > 0 else np.array([1.0])
    h = np.ones((most + 1, top + 1))
    h[0] = 0.0                                                   # no freeing needed: served
    before = np.concatenate(([0.0], np.cumsum(weights)))        # sum of w_s for s < i
    tail = np.zeros((most + 1, top + 1))
    tail[1:] = before[np.minimum(np.arange(1, most + 1), steps + 1), None]
    stay, by_call, by_item = 1.0 - total / big, call_rate / big, item_rate / big
    for step in range(1, steps + 1):
        hi = min(step, most)
        old = h[: hi + 1].copy()
        h[1: hi + 1] = stay * old[1:] + by_call * old[:-1] + by_item * np.concatenate(
            (np.zeros((hi, 1)), old[:-1, :-1]), axis=1)
        tail[1: hi + 1] += weights[step] * h[1: hi + 1]
    return np.minimum(tail, 1.0), mean


# ---------------------------------------------------------------------------
# public functions
# ---------------------------------------------------------------------------
def _inputs(agents, traffic, aht, awt, backlog_aht, reserve, switch_time, interval):
    values = dict(agents=as_array("agents", agents, integer=True), traffic=as_array("traffic", traffic))
    n, a = broadcast(**values)
    return (n, a, scalar("aht", aht, low=0.0, low_inclusive=False), scalar("awt", awt),
            scalar("backlog_aht", backlog_aht, low=0.0, low_inclusive=False), whole("reserve", reserve),
            scalar("switch_time", switch_time), scalar("interval", interval, low=0.0, low_inclusive=False))


def _row(n, a, aht, awt, item, switch, reserve, interval):
    out = _chain(int(n), float(a), aht, awt, item + switch, reserve)
    items = out["backlog_rate"] * interval
    return dict(service_level=out["service_level"], wait_probability=out["wait_probability"], asa=out["asa"],
                occupancy=out["occupancy"], backlog_agents=items * item / interval, backlog_items=items,
                backlog_hours=items * item / 3600.0, switching_hours=items * switch / 3600.0)


def evaluate(agents, traffic, aht, awt, backlog_aht, reserve=0, switch_time=0.0, interval=900) -> pd.DataFrame:
    """The phone and the backlog per interval when ``agents`` blend (phone first, ``reserve`` kept idle).

    Columns: ``service_level`` (calls answered within ``awt`` seconds), ``wait_probability``, ``asa``
    (seconds), ``occupancy`` (share of agent time on calls), ``backlog_agents`` (agents' worth of useful
    backlog work, ``items backlog_aht / interval``: use it as ``agents`` in
    :func:`wfmcourse.domain.backlog.track` with ``aht=backlog_aht``), ``backlog_items`` handled per
    interval (``E[m] interval / (backlog_aht + switch_time)``, ``E[m]`` the mean number of agents on
    backlog work), ``backlog_hours`` of useful backlog work per interval (``backlog_items backlog_aht /
    3600``: what the idle time yields, at most :func:`idle_hours`) and ``switching_hours`` lost per
    interval (``backlog_items switch_time / 3600``).
    ``agents`` and ``traffic`` per interval (Erlang C calls, ``aht`` seconds); ``backlog_aht`` and
    ``switch_time`` seconds per backlog item; ``reserve >= agents`` means no blending (Erlang C).
    With ``agents <= traffic`` the queue grows: service level 0, ASA infinite, no backlog work.
    """
    n, a, h, t, item, reserve, switch, length = _inputs(agents, traffic, aht, awt, backlog_aht, reserve,
                                                         switch_time, interval)
    index = series_index(agents=agents, traffic=traffic)
    flat_n, flat_a = np.ravel(n), np.ravel(a)
    cache = {}
    rows = []
    for ni, ai in zip(flat_n, flat_a):
        key = (ni, ai)
        if key not in cache:
            cache[key] = _row(ni, ai, h, t, item, switch, reserve, length)
        rows.append(cache[key])
    frame = pd.DataFrame(rows, columns=list(_COLUMNS))
    if index is not None and len(index) == len(frame):
        frame.index = index
    return frame


def agents_needed(traffic, aht, awt, target, backlog_arrivals, backlog_aht, deadline, reserve=None,
                  switch_time=0.0, interval=900, open_intervals=None) -> pd.DataFrame:
    """Phone agents per interval that meet the phone service level *and* the backlog's deadline by blending.

    ``reserve``: ``None`` (default) chooses per interval the smallest reserve whose blended service level
    still reaches ``target`` (the phone first; the service level rises with the reserve, so a bisection
    from 0 to ``agents``, where it is Erlang C's), or a fixed whole number for every interval.
    Step 1: per interval the fewest agents that reach ``target`` (Erlang C's answer with a chosen
    reserve; with a fixed reserve the backlog work takes agents away and more may be needed).
    Step 2: the backlog (``backlog_arrivals`` items per interval, ``backlog_aht`` seconds each,
    ``deadline`` seconds of working time, ``open_intervals``) is run through
    :func:`wfmcourse.domain.backlog.track` with the blended backlog capacity; while an item would be
    late, one agent is added in the interval where it falls due (the latest moment, as in
    :func:`wfmcourse.domain.backlog.minimum_agents`) and the run is repeated. Columns: ``agents_phone``
    (step 1), ``agents`` (the answer), ``reserve``, the columns of :func:`evaluate` at ``agents``, and
    ``backlog``, ``oldest_age``, ``overdue`` of the backlog run. The answer meets both; step 2 adds
    agents one at a time where the first miss falls due, which is not always the fewest agent-hours.
    """
    a = one_dimensional("traffic", traffic)
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    t = scalar("awt", awt)
    goal = scalar("target", target, low=0.0, low_inclusive=False, high=1.0, high_inclusive=False)
    arrivals = one_dimensional("backlog_arrivals", backlog_arrivals)
    if arrivals.size != a.size:
        raise value_error("backlog_arrivals", backlog_arrivals, "shape",
                          f"have one value per interval of traffic ({a.size})", f"{arrivals.size} values")
    item = scalar("backlog_aht", backlog_aht, low=0.0, low_inclusive=False)
    fixed = None if reserve is None else whole("reserve", reserve)
    switch = scalar("switch_time", switch_time)
    length = scalar("interval", interval, low=0.0, low_inclusive=False)
    index = series_index(traffic=traffic, backlog_arrivals=backlog_arrivals, open_intervals=open_intervals)
    backlog.track(arrivals, 0.0, item, deadline, length, open_intervals)       # checks deadline and flags

    cache = {}

    def row(ni, i, r):
        key = (int(ni), float(a[i]), int(r))
        if key not in cache:
            cache[key] = _row(ni, a[i], h, t, item, switch, r, length)
        return cache[key]

    hints = {}

    def best(ni, i):
        """(reserve, metrics) at ni agents: the fixed reserve, or the least one reaching the target
        (the service level rises with the reserve: a walk from the last answer of this interval, or a
        bisection the first time)."""
        if fixed is not None:
            return fixed, row(ni, i, fixed)
        meets = lambda r: row(ni, i, r)["service_level"] >= goal     # noqa: E731
        if i in hints:
            r = min(hints[i], int(ni))
            if meets(r):
                while r > 0 and meets(r - 1):
                    r -= 1
            else:
                while not meets(r):                            # meets at r = ni (Erlang C) when ni >= phone
                    r += 1
        elif meets(0):
            r = 0
        else:
            low, high = 0, int(ni)                             # fails at low, meets at high (Erlang C)
            while high - low > 1:
                mid = (low + high) // 2
                low, high = (low, mid) if meets(mid) else (mid, high)
            r = high
        hints[i] = r
        return r, row(ni, i, r)

    phone = np.asarray(erlang.agents_needed(a, h, t, goal), dtype=int)
    for i in range(a.size):
        while best(phone[i], i)[1]["service_level"] < goal:
            phone[i] += 1
    agents = phone.copy()
    while True:
        capacity = np.array([best(agents[i], i)[1]["backlog_agents"] for i in range(a.size)])
        run = backlog.track(arrivals, capacity, item, deadline, length, open_intervals)
        late = np.flatnonzero(run["overdue"].to_numpy() > 0)
        if late.size == 0:
            break
        agents[late[0]] += 1
    chosen = [best(agents[i], i) for i in range(a.size)]
    frame = pd.DataFrame([metrics for _, metrics in chosen], columns=list(_COLUMNS))
    frame.insert(0, "reserve", [r for r, _ in chosen])
    frame.insert(0, "agents", agents)
    frame.insert(0, "agents_phone", phone)
    for column in ("backlog", "oldest_age", "overdue"):
        frame[column] = run[column].to_numpy()
    if index is not None:
        frame.index = index
    return frame
