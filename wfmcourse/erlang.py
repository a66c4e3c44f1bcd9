"""Queueing formulas that turn a forecast into the number of agents needed.

* Erlang B (M/M/n/n): share of calls blocked when there is no queue.
* Erlang C (M/M/n): callers wait with infinite patience.
* Erlang A (M/M/n+M, Palm's model): callers hang up after an exponential patience time.

Conventions: all times in seconds, ``traffic`` in Erlangs (``calls * aht / interval``),
``agents`` a whole number. Every function takes scalars or numpy arrays that broadcast
together; scalars in give a Python scalar out.

Numerics: nothing uses factorials or powers. Erlang B is the ratio of the Poisson
probability ``p(n; A)`` (computed through Loader's saddle-point form) and the Poisson
distribution function (the regularised incomplete gamma function of scipy), with an
exactly summed series where that function would underflow. Erlang A sums the birth-death
probabilities of the queue in log space; the waiting-time distribution uses the identity
that ``exp(-theta * V)`` is Beta distributed for a caller who finds ``j`` callers queued.
"""
from __future__ import annotations

import numpy as np
from scipy.special import gammainc, gammaincc, gammaln, xlogy

from ._checks import as_array, broadcast, finish, is_scalar_call, optional_array, value_error

__all__ = [
    "traffic",
    "erlang_b",
    "erlang_c",
    "service_level",
    "asa",
    "abandonment",
    "occupancy",
    "agents_needed",
]

_TINY = 1e-280          # below this the incomplete gamma function is replaced by a series
_SERIES_CELLS = 2_000_000   # memory bound for the Erlang A sums (rows x terms)


# ---------------------------------------------------------------------------
# validated arguments
# ---------------------------------------------------------------------------
def _agents(value):
    return as_array("agents", value, integer=True)


def _traffic(value):
    return as_array("traffic", value)


def _aht(value):
    return as_array("aht", value, low=0.0, low_inclusive=False)


def _awt(value):
    return as_array("awt", value)


def _patience(value):
    return optional_array("patience", value, low=0.0, low_inclusive=False)


# ---------------------------------------------------------------------------
# numerical kernels (arrays in, arrays out, no validation)
# ---------------------------------------------------------------------------
def _stirling_error(k):
    """log(k!) - [(k + 1/2) log k - k + log(2 pi)/2], accurate for k >= 16."""
    k2 = k * k
    return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * k2)) / k2) / k2) / k


def _log_poisson_pmf(k, mu):
    """log(exp(-mu) mu^k / Gamma(k + 1)) for real k >= 0 and mu > 0, without cancellation."""
    k, mu = np.broadcast_arrays(np.asarray(k, float), np.asarray(mu, float))
    out = np.empty(k.shape)
    small = k < 16
    out[small] = xlogy(k[small], mu[small]) - mu[small] - gammaln(k[small] + 1)
    kb, mb = k[~small], mu[~small]
    # deviance k log(k/mu) + mu - k written so that it is exact when k is close to mu
    with np.errstate(over="ignore"):
        ratio = (kb - mb) / mb
    # log1p keeps k close to mu exact; for a tiny mu the ratio overflows and log(k / mu) is exact
    log_ratio = np.where(np.isfinite(ratio), np.log1p(ratio), np.log(kb) - np.log(mb))
    bd0 = kb * log_ratio - (kb - mb)
    out[~small] = -0.5 * np.log(2 * np.pi * kb) - _stirling_error(kb) - bd0
    return out


def _product_series(ratio, shape):
    """1 + t_1 + t_2 + ... with t_k = t_{k-1} * ratio(k), summed until every term is negligible.

    Only used where the ratios fall below one quickly (deep tails), so few terms are needed.
    """
    term = np.ones(shape)
    total = np.ones(shape)
    k = 1
    while True:
        term = term * ratio(k)
        total += term
        k += 1
        if np.all(term <= 1e-17 * total):
            return total


def _log_gamma_lower(a, z):
    """log P(a, z), the regularised lower incomplete gamma function, also deep in its lower tail.

    Where scipy's value underflows (z far below a) it uses P(a, z) = p(a; z) * sum_k z^k / ((a+1)...(a+k)).
    """
    a, z = np.broadcast_arrays(np.asarray(a, float), np.asarray(z, float))
    p = gammainc(a, z)
    out = np.empty(a.shape)
    ok = p > _TINY
    with np.errstate(divide="ignore"):
        out[ok] = np.log(p[ok])
    if (~ok).any():
        aa, zz = a[~ok], z[~ok]
        total = _product_series(lambda k: zz / (aa + k), aa.shape)
        out[~ok] = _log_poisson_pmf(aa, zz) + np.log(total)
    return out


def _erlang_b(n, a):
    """Erlang B blocking probability for integer-valued n >= 0 and a >= 0 (float arrays)."""
    n, a = np.broadcast_arrays(n, a)
    out = np.where(n == 0, 1.0, 0.0)           # a == 0: blocked only without agents
    pos = a > 0
    if not pos.any():
        return out
    nn, aa = n[pos], a[pos]
    cdf = gammaincc(nn + 1, aa)                # P(Poisson(a) <= n)
    ok = cdf > _TINY
    b = np.empty(nn.shape)
    with np.errstate(divide="ignore"):
        b[ok] = np.exp(_log_poisson_pmf(nn[ok], aa[ok]) - np.log(cdf[ok]))
    if (~ok).any():
        # far overload (n well below a): 1/B = sum_j n!/(n-j)! / a^j, a fast-falling series
        ns, as_ = nn[~ok], aa[~ok]
        b[~ok] = 1.0 / _product_series(lambda j: np.maximum(ns - j + 1, 0.0) / as_, ns.shape)
    out[pos] = np.clip(b, 0.0, 1.0)            # guards only against rounding in the last bit
    return out


def _erlang_c_from_b(n, a, b):
    """Erlang C from Erlang B: C = n B / (n - a (1 - B)) for n > a; 1 when n <= a; 0 when a = 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.where(n > a, n * b / (n - a * (1.0 - b)), 1.0)
    c = np.where(a == 0, 0.0, c)
    return np.clip(c, 0.0, 1.0)


def _erlang_c(n, a):
    n, a = np.broadcast_arrays(n, a)
    return _erlang_c_from_b(n, a, _erlang_b(n, a))


def _erlang_a(n, a, aht, patience, awt=None):
    """Core of Erlang A (M/M/n+M).

    With x = n * patience / aht and y = a * patience / aht, the probability of j callers
    in the queue is proportional to t_j = y^j / ((x+1)(x+2)...(x+j)). A caller who finds j
    queued is answered with probability x / (x + j + 1) after a wait whose transform
    exp(-V / patience) is Beta(x, j + 1) distributed.

    Returns a dict of arrays: ``p_wait``, ``p_abandon``, ``asa`` and, if ``awt`` is
    given, ``service_level``. Requires a > 0 everywhere.
    """
    arrays = np.broadcast_arrays(n, a, aht, patience, 0.0 if awt is None else awt)
    n, a, aht, patience, awt_b = (np.ascontiguousarray(v, dtype=float).ravel() for v in arrays)
    shape = arrays[0].shape
    x = n * patience / aht
    y = a * patience / aht
    b = _erlang_b(n, a)
    with np.errstate(divide="ignore"):
        log_sb = np.log1p(-b) - np.log(b)      # log(sum of pi_k / pi_n over k < n)

    length = np.ceil(np.maximum(y - x, 0.0) + 10.0 * np.sqrt(y) + 50.0).astype(np.int64)
    log_sq = np.empty_like(x)
    frac_served = np.empty_like(x)
    frac_abandon = np.empty_like(x)
    frac_wait = np.empty_like(x)
    order = np.argsort(length, kind="stable")
    start = 0
    while start < order.size:
        width = length[order[start]]
        stop = start + 1
        while stop < order.size and (stop - start + 1) * length[order[stop]] <= _SERIES_CELLS:
            stop += 1
        rows = order[start:stop]
        width = length[rows].max()
        xs, ys = x[rows, None], y[rows, None]
        j = np.arange(width, dtype=float)[None, :]
        step = np.log(ys) - np.log(xs + j[:, 1:])                # log(t_j / t_{j-1})
        log_t = np.concatenate([np.zeros((rows.size, 1)), np.cumsum(step, axis=1)], axis=1)
        top = log_t.max(axis=1, keepdims=True)
        w = np.exp(log_t - top)
        total = w.sum(axis=1)
        answer = xs / (xs + j + 1)                            # P(answered | j queued ahead)
        harmonic = np.cumsum(1.0 / (xs + j + 1), axis=1)       # E[V] * theta given answered
        log_sq[rows] = top[:, 0] + np.log(total)
        frac_served[rows] = (w * answer).sum(axis=1) / total
        frac_abandon[rows] = (w * (j + 1) / (xs + j + 1)).sum(axis=1) / total
        frac_wait[rows] = (w * answer * harmonic).sum(axis=1) / total
        start = stop

    with np.errstate(over="ignore"):
        p_wait = 1.0 / (1.0 + np.exp(log_sb - log_sq))
    p_abandon = np.clip(p_wait * frac_abandon, 0.0, 1.0)
    answered = 1.0 - p_abandon
    with np.errstate(divide="ignore", invalid="ignore"):
        asa = np.where(n > 0, p_wait * frac_wait * patience / answered, np.inf)
    result = {"p_wait": p_wait, "p_abandon": p_abandon, "asa": asa}
    if awt is not None:
        # answered from the queue after awt, as a share of the queue mass:
        # (x / y) P(x + 1, y c) / p(x; y) / S_q with c = exp(-awt / patience)
        late = np.zeros_like(x)
        has = x > 0
        log_low = _log_gamma_lower(x[has] + 1, y[has] * np.exp(-awt_b[has] / patience[has]))
        with np.errstate(divide="ignore"):
            log_late = (np.log(x[has]) - np.log(y[has]) + log_low   # x / y overflows for tiny y
                        - _log_poisson_pmf(x[has], y[has]) - log_sq[has])
        late[has] = np.exp(log_late)
        in_time = np.clip(frac_served - late, 0.0, 1.0)
        result["service_level"] = np.clip(1.0 - p_wait + p_wait * in_time, 0.0, 1.0)
    return {key: value.reshape(shape) for key, value in result.items()}


def _erlang_a_metrics(n, a, aht, patience, awt=None):
    """Erlang A metrics for any a >= 0 (zero traffic handled here)."""
    arrays = np.broadcast_arrays(n, a, aht, patience, 0.0 if awt is None else awt)
    shape = arrays[0].shape
    # y = a * patience / aht underflows to 0 only for subnormal traffic; the zero-traffic values
    # are then exact to double precision
    pos = arrays[1] * arrays[3] / arrays[2] > 0
    out = {
        "p_wait": np.zeros(shape),
        "p_abandon": np.zeros(shape),
        "asa": np.zeros(shape),
        "service_level": np.ones(shape),
    }
    if pos.any():
        sub = _erlang_a(*(v[pos] for v in arrays[:4]), None if awt is None else arrays[4][pos])
        for key, value in sub.items():
            out[key][pos] = value
    return out


# ---------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------
def traffic(calls, aht, interval=900):
    """Offered load in Erlangs: ``A = calls * aht / interval`` (aht and interval in seconds)."""
    scalar = is_scalar_call(calls, aht, interval)
    c, h, t = broadcast(calls=as_array("calls", calls), aht=as_array("aht", aht),
                        interval=as_array("interval", interval, low=0.0, low_inclusive=False))
    return finish(c * h / t, scalar)


def erlang_b(agents, traffic):
    """Erlang B: probability that a call finds all ``agents`` busy when there is no queue.

    ``B(n, A) = (A^n / n!) / sum_{k=0..n} A^k / k!``
    """
    scalar = is_scalar_call(agents, traffic)
    n, a = broadcast(agents=_agents(agents), traffic=_traffic(traffic))
    return finish(_erlang_b(n, a), scalar)


def erlang_c(agents, traffic):
    """Erlang C: probability that a call has to wait.

    ``C = n B / (n - A (1 - B))`` with ``B`` the Erlang B value; 1 when ``agents <= traffic``
    (the queue grows without bound), 0 when there is no traffic.
    """
    scalar = is_scalar_call(agents, traffic)
    n, a = broadcast(agents=_agents(agents), traffic=_traffic(traffic))
    return finish(_erlang_c(n, a), scalar)


def service_level(agents, traffic, aht, awt, patience=None):
    """Share of offered calls answered within ``awt`` seconds.

    Erlang C: ``SL = 1 - C exp(-(n - A) awt / aht)`` (0 when ``agents <= traffic``).
    Erlang A (``patience`` in seconds given): callers who hang up count as not answered in time.
    """
    scalar = is_scalar_call(agents, traffic, aht, awt, patience)
    n, a, h, t, p = broadcast(agents=_agents(agents), traffic=_traffic(traffic), aht=_aht(aht),
                              awt=_awt(awt), patience=_patience(patience))
    if p is None:
        return finish(_erlang_c_metrics(n, a, h, t)["service_level"], scalar)
    return finish(_erlang_a_metrics(n, a, h, p, t)["service_level"], scalar)


def asa(agents, traffic, aht, patience=None):
    """Average speed of answer: mean wait in seconds of the calls that are answered.

    Erlang C: ``ASA = C aht / (n - A)``, infinite when ``agents <= traffic``.
    Erlang A: finite for every agent count above zero.
    """
    scalar = is_scalar_call(agents, traffic, aht, patience)
    n, a, h, p = broadcast(agents=_agents(agents), traffic=_traffic(traffic), aht=_aht(aht),
                           patience=_patience(patience))
    if p is None:
        return finish(_erlang_c_metrics(n, a, h)["asa"], scalar)
    return finish(_erlang_a_metrics(n, a, h, p)["asa"], scalar)


def abandonment(agents, traffic, aht, patience):
    """Share of offered calls that hang up before being answered (Erlang A)."""
    scalar = is_scalar_call(agents, traffic, aht, patience)
    n, a, h, p = broadcast(agents=_agents(agents), traffic=_traffic(traffic), aht=_aht(aht),
                           patience=as_array("patience", patience, low=0.0, low_inclusive=False))
    return finish(_erlang_a_metrics(n, a, h, p)["p_abandon"], scalar)


def occupancy(agents, traffic, aht=None, patience=None):
    """Share of agent time spent handling calls: the carried load per agent, ``carried / n``.

    Erlang C: ``A / n``; when ``agents <= traffic`` the queue grows without end and every agent
    is busy all the time, so 1. Erlang A: only the answered load is carried,
    ``A (1 - abandonment) / n``; then ``aht`` is needed too. Zero agents carry nothing and have
    no time to fill: 0, in both models (so an interval without calls and agents shows 0 %).
    """
    scalar = is_scalar_call(agents, traffic, aht, patience)
    n, a, _, p = broadcast(agents=_agents(agents), traffic=_traffic(traffic),
                           aht=optional_array("aht", aht, low=0.0, low_inclusive=False),
                           patience=_patience(patience))
    if p is None:
        return finish(_occupancy_c(n, a), scalar)
    if aht is None:
        raise ValueError("aht must be given when patience is given, got None")
    h = _aht(aht)
    m = _erlang_a_metrics(*np.broadcast_arrays(n, a, h, p))
    return finish(_occupancy_a(n, a, m["p_abandon"]), scalar)


# ---------------------------------------------------------------------------
# metrics as the public functions report them (the staffing search uses the same)
# ---------------------------------------------------------------------------
def _erlang_c_metrics(n, a, h, t=None, b=None):
    """Erlang C ``service_level`` (with ``t``), ``asa`` and ``occupancy`` for validated arrays
    (from the Erlang B value ``b`` when given)."""
    n, a, h, t = np.broadcast_arrays(n, a, h, 0.0 if t is None else t)
    c = _erlang_c(n, a) if b is None else _erlang_c_from_b(n, a, b)
    stable = n > a
    idle = a == 0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        sl = np.where(stable, 1.0 - c * np.exp(-(n - a) * t / h), 0.0)
        wait = np.where(stable, c * h / (n - a), np.inf)
    return {
        "service_level": np.where(idle, 1.0, np.clip(sl, 0.0, 1.0)),
        "asa": np.where(idle, 0.0, wait),
        "occupancy": _occupancy_c(n, a),
    }


def _occupancy_c(n, a):
    """Erlang C occupancy ``A / n``; 1 when ``n <= A`` (every agent busy all the time), 0 for
    zero agents or zero traffic (see :func:`occupancy`)."""
    n, a = np.broadcast_arrays(n, a)
    with np.errstate(divide="ignore", invalid="ignore"):
        occ = np.where(n > a, a / n, 1.0)
    return np.where((a == 0) | (n == 0), 0.0, occ)


def _occupancy_a(n, a, p_abandon):
    """Erlang A occupancy ``A (1 - abandonment) / n``, 0 for zero agents (see :func:`occupancy`)."""
    n, a, p_abandon = np.broadcast_arrays(n, a, p_abandon)
    with np.errstate(divide="ignore", invalid="ignore"):
        occ = np.where(n > 0, a * (1.0 - p_abandon) / n, 0.0)
    return np.minimum(occ, 1.0)      # carried <= n exactly; this only drops rounding in the last bit


_MAX_AGENTS = 2 ** 53    # every whole number up to here is exact in float64, so the search is too
_WALK_STEPS = 64         # Erlang C: agents tried one by one before the bisection takes over


def agents_needed(traffic, aht, awt, target, *, patience=None, max_occupancy=None, max_asa=None,
                  max_abandonment=None):
    """Smallest whole number of agents that meets every given target.

    ``target`` is the service-level fraction (0.8 for 80/20 with ``awt=20``); ``max_occupancy``
    a fraction in (0, 1]; ``max_asa`` seconds; ``max_abandonment`` a fraction in (0, 1] of the
    offered calls (Erlang A only). Erlang C without ``patience``, Erlang A with it; in Erlang A
    the answer can lie below the offered load. Zero traffic needs 0 agents.

    The answer is the minimum as :func:`service_level`, :func:`asa`, :func:`occupancy` and
    :func:`abandonment` report the metrics: ``n`` meets every target and ``n - 1`` misses one.
    Each metric is monotone in the agent count (Erlang C above the offered load; Erlang A
    occupancy up to rounding of about 1e-12 relative, where it lies that close to 1), so that
    ``n`` is the smallest count meeting them all (a bisection; for Erlang C first a cheap walk
    with the Erlang B recursion, confirmed with the direct formulas). Targets that need more than ``2**53`` agents (the
    largest count a float represents exactly, e.g. ``max_occupancy=1e-19`` at 10 Erlang) raise
    a ``ValueError`` naming the target.
    """
    scalar = is_scalar_call(traffic, aht, awt, target, patience, max_occupancy, max_asa,
                            max_abandonment)
    a = _traffic(traffic)
    h = _aht(aht)
    t = _awt(awt)
    sl = as_array("target", target, low=0.0, low_inclusive=False, high=1.0, high_inclusive=False)
    p = _patience(patience)
    occ = optional_array("max_occupancy", max_occupancy, low=0.0, low_inclusive=False, high=1.0)
    wait = optional_array("max_asa", max_asa, low=0.0, low_inclusive=False)
    lost = optional_array("max_abandonment", max_abandonment, low=0.0, low_inclusive=False,
                          high=1.0)
    if lost is not None and p is None:
        raise value_error("max_abandonment", max_abandonment, "needs_patience",
                          "be given together with patience (Erlang A; in Erlang C nobody hangs up)",
                          f"max_abandonment={max_abandonment!r} and patience=None")
    broadcast(traffic=a, aht=h, awt=t, target=sl, patience=p, max_occupancy=occ, max_asa=wait,
              max_abandonment=lost)
    arrays = np.broadcast_arrays(a, h, t, sl,
                                 np.nan if p is None else p,
                                 1.0 if occ is None else occ,
                                 np.inf if wait is None else wait,
                                 1.0 if lost is None else lost)
    shape = arrays[0].shape
    a, h, t, sl, p_, occ_, wait_, lost_ = (np.ravel(v).astype(float) for v in arrays)
    need = np.zeros(a.shape, dtype=np.int64)
    busy = np.flatnonzero(a > 0)
    if busy.size:
        a, h, t, sl, p_, occ_, wait_, lost_ = (v[busy] for v in (a, h, t, sl, p_, occ_, wait_,
                                                                  lost_))
        if p is None:
            def checks(n, rows, b=None):
                m = _erlang_c_metrics(n, a[rows], h[rows], t[rows], b)
                return [(m["service_level"] >= sl[rows], "target", sl),
                        (m["occupancy"] <= occ_[rows], "max_occupancy", occ_),
                        (m["asa"] <= wait_[rows], "max_asa", wait_)]
            least = a                       # n <= A: SL = 0
        else:
            def checks(n, rows):
                m = _erlang_a_metrics(n, a[rows], h[rows], p_[rows], t[rows])
                return [(m["service_level"] >= sl[rows], "target", sl),
                        (_occupancy_a(n, a[rows], m["p_abandon"]) <= occ_[rows],
                         "max_occupancy", occ_),
                        (m["asa"] <= wait_[rows], "max_asa", wait_),
                        (m["p_abandon"] <= lost_[rows], "max_abandonment", lost_)]
            least = sl * a * (1.0 - 1e-9)   # answered in time <= carried load <= n
        too_many = np.flatnonzero(least >= _MAX_AGENTS)
        if too_many.size:
            _too_many("target", sl[too_many[0]], a[too_many[0]])
        with np.errstate(over="ignore"):
            guess = np.minimum(np.maximum(a + 3.0 * np.sqrt(a) + 3.0, a / occ_), _MAX_AGENTS)
        rows = np.arange(a.size)
        if p is None:
            # the cheap walk usually lands on the answer; the direct formulas confirm it
            found = _walk_erlang_c(checks, a, occ_)
            sure = rows[found > 0]
            sure = sure[_meets(checks, found[sure], sure) & ~_meets(checks, found[sure] - 1, sure)]
            need[busy[sure]] = found[sure]
            left = np.ones(a.size, dtype=bool)
            left[sure] = False
            rows = rows[left]
            low = np.floor(a)                # n <= A misses the target
        else:
            low = np.zeros_like(a)           # zero agents answer nobody: 0 misses the target
        need[busy[rows]] = _bisect(checks, low.astype(np.int64), guess, rows, a)
    return finish(need.reshape(shape), scalar, dtype=int)


def _walk_erlang_c(checks, a, max_occ):
    """Erlang C candidates: walk up from the first stable agent count with the Erlang B recursion
    ``B(n) = A B(n-1) / (n + A B(n-1))``; -1 where that takes more than ``_WALK_STEPS`` agents."""
    with np.errstate(over="ignore"):
        n = np.maximum(np.floor(a) + 1.0, np.minimum(np.ceil(a / max_occ), _MAX_AGENTS) - 1.0)
    b = _erlang_b(n, a)
    found = np.full(a.shape, -1, dtype=np.int64)
    todo = np.flatnonzero(n < _MAX_AGENTS)
    for _ in range(_WALK_STEPS):
        ok = _meets(checks, n[todo], todo, b=b[todo])
        found[todo[ok]] = n[todo[ok]]
        todo = todo[~ok & (n[todo] < _MAX_AGENTS)]
        if not todo.size:
            break
        n[todo] += 1.0
        b[todo] = a[todo] * b[todo] / (n[todo] + a[todo] * b[todo])
    return found


def _meets(checks, n, rows, **extra):
    """True where ``n`` agents meet every check of :func:`agents_needed` (rows ``rows``)."""
    ok = np.ones(rows.size, dtype=bool)
    for passed, _, _ in checks(np.asarray(n, dtype=float), rows, **extra):
        ok &= passed
    return ok


def _bisect(checks, low, guess, rows, a):
    """Smallest n > low for which every check holds, for the rows ``rows``; ``low`` must fail.

    ``checks(n, rows)`` returns ``(ok, name, values)`` triples for the rows ``rows``: ``ok`` a
    boolean array, ``name`` the target's parameter and ``values`` its value for every row. The
    upper end doubles its distance from ``low`` until every check holds (at most up to
    ``2**53``); then the bracket halves. Integer arithmetic throughout; float only to evaluate.
    """
    high = np.clip(np.ceil(guess), low + 1, _MAX_AGENTS).astype(np.int64)
    low = low.copy()
    todo = rows[~_meets(checks, high[rows], rows)]
    while todo.size:
        stuck = todo[high[todo] >= _MAX_AGENTS]
        if stuck.size:
            _unreachable(checks, stuck[:1], a)
        gap = high[todo] - low[todo]
        low[todo] = high[todo]
        high[todo] = np.minimum(high[todo] + 2 * gap, _MAX_AGENTS)
        todo = todo[~_meets(checks, high[todo], todo)]
    todo = rows[high[rows] - low[rows] > 1]
    while todo.size:
        mid = low[todo] + (high[todo] - low[todo]) // 2
        ok = _meets(checks, mid, todo)
        high[todo[ok]] = mid[ok]
        low[todo[~ok]] = mid[~ok]
        todo = todo[high[todo] - low[todo] > 1]
    return high[rows]


def _unreachable(checks, row, a):
    """Raise the ValueError for a target that even ``2**53`` agents do not meet."""
    for passed, name, values in checks(np.array([float(_MAX_AGENTS)]), row):
        if not passed[0]:
            _too_many(name, values[row[0]], a[row[0]])
    raise AssertionError("unreachable")     # pragma: no cover


def _too_many(name, value, a):
    raise ValueError(f"{name}={float(value)!r} cannot be met with at most {_MAX_AGENTS} agents "
                     f"(2**53, the largest agent count computed exactly) at "
                     f"traffic={float(a)!r} Erlang")
