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

from ._checks import as_array, broadcast, finish, is_scalar_call, optional_array

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
        n, a, h, t = np.broadcast_arrays(n, a, h, t)
        c = _erlang_c(n, a)
        sl = np.where(n > a, 1.0 - c * np.exp(-(n - a) * t / h), 0.0)
        sl = np.where(a == 0, 1.0, sl)
        return finish(np.clip(sl, 0.0, 1.0), scalar)
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
        n, a, h = np.broadcast_arrays(n, a, h)
        c = _erlang_c(n, a)
        with np.errstate(divide="ignore", invalid="ignore"):
            wait = np.where(n > a, c * h / (n - a), np.inf)
        return finish(np.where(a == 0, 0.0, wait), scalar)
    return finish(_erlang_a_metrics(n, a, h, p)["asa"], scalar)


def abandonment(agents, traffic, aht, patience):
    """Share of offered calls that hang up before being answered (Erlang A)."""
    scalar = is_scalar_call(agents, traffic, aht, patience)
    n, a, h, p = broadcast(agents=_agents(agents), traffic=_traffic(traffic), aht=_aht(aht),
                           patience=as_array("patience", patience, low=0.0, low_inclusive=False))
    return finish(_erlang_a_metrics(n, a, h, p)["p_abandon"], scalar)


def occupancy(agents, traffic, aht=None, patience=None):
    """Share of agent time spent handling calls.

    Erlang C: ``A / n`` (1 when ``agents <= traffic``). Erlang A: only the answered load counts,
    ``A (1 - abandonment) / n``; then ``aht`` is needed too. Zero agents give 0.
    """
    scalar = is_scalar_call(agents, traffic, aht, patience)
    n, a, _, p = broadcast(agents=_agents(agents), traffic=_traffic(traffic),
                           aht=optional_array("aht", aht, low=0.0, low_inclusive=False),
                           patience=_patience(patience))
    if p is None:
        n, a = np.broadcast_arrays(n, a)
        with np.errstate(divide="ignore", invalid="ignore"):
            occ = np.where(n > a, a / n, 1.0)
        return finish(np.where(a == 0, 0.0, occ), scalar)
    if aht is None:
        raise ValueError("aht must be given when patience is given, got None")
    h = _aht(aht)
    n, a, h, p = np.broadcast_arrays(n, a, h, p)
    carried = a * (1.0 - _erlang_a_metrics(n, a, h, p)["p_abandon"])
    with np.errstate(divide="ignore", invalid="ignore"):
        occ = np.where(n > 0, carried / n, 0.0)
    return finish(np.clip(occ, 0.0, 1.0), scalar)


def agents_needed(traffic, aht, awt, target, *, patience=None, max_occupancy=None, max_asa=None):
    """Smallest whole number of agents that meets every given target.

    ``target`` is the service-level fraction (0.8 for 80/20 with ``awt=20``); ``max_occupancy``
    a fraction in (0, 1]; ``max_asa`` seconds. Erlang C without ``patience``, Erlang A with it;
    in Erlang A the answer can lie below the offered load. Zero traffic needs 0 agents.
    """
    scalar = is_scalar_call(traffic, aht, awt, target, patience, max_occupancy, max_asa)
    a = _traffic(traffic)
    h = _aht(aht)
    t = _awt(awt)
    sl = as_array("target", target, low=0.0, low_inclusive=False, high=1.0, high_inclusive=False)
    p = _patience(patience)
    occ = optional_array("max_occupancy", max_occupancy, low=0.0, low_inclusive=False, high=1.0)
    wait = optional_array("max_asa", max_asa, low=0.0, low_inclusive=False)
    broadcast(traffic=a, aht=h, awt=t, target=sl, patience=p, max_occupancy=occ, max_asa=wait)
    arrays = np.broadcast_arrays(a, h, t, sl,
                                 np.nan if p is None else p,
                                 1.0 if occ is None else occ,
                                 np.inf if wait is None else wait)
    shape = arrays[0].shape
    a, h, t, sl, p_, occ_, wait_ = (np.ravel(v).astype(float) for v in arrays)
    need = np.zeros(a.shape, dtype=np.int64)
    busy = a > 0
    if busy.any():
        idx = np.flatnonzero(busy)
        if p is None:
            need[idx] = _search_erlang_c(a[idx], h[idx], t[idx], sl[idx], occ_[idx], wait_[idx])
        else:
            need[idx] = _search_erlang_a(a[idx], h[idx], t[idx], sl[idx], p_[idx], occ_[idx],
                                         wait_[idx])
    return finish(need.reshape(shape), scalar, dtype=int)


def _search_erlang_c(a, h, t, target, max_occ, max_wait):
    """Walk up from the first stable agent count with the Erlang B recursion B(n) = A B(n-1) / (n + A B(n-1))."""
    n = np.floor(a) + 1.0
    n = np.maximum(n, np.ceil(a / max_occ) - 1.0)   # -1: let the loop settle rounding at the edge
    b = _erlang_b(n, a)

    def meets(n, a, b, h, t, target, max_occ, max_wait):
        c = _erlang_c_from_b(n, a, b)
        stable = n > a
        with np.errstate(divide="ignore", invalid="ignore"):
            sl = np.where(stable, 1.0 - c * np.exp(-(n - a) * t / h), 0.0)
            wait = np.where(stable, c * h / (n - a), np.inf)
        return stable & (sl >= target) & (a / n <= max_occ) & (wait <= max_wait)

    todo = np.flatnonzero(~meets(n, a, b, h, t, target, max_occ, max_wait))
    while todo.size:
        n[todo] += 1.0
        b[todo] = a[todo] * b[todo] / (n[todo] + a[todo] * b[todo])
        ok = meets(n[todo], a[todo], b[todo], h[todo], t[todo], target[todo], max_occ[todo],
                   max_wait[todo])
        todo = todo[~ok]
    return n.astype(np.int64)


def _search_erlang_a(a, h, t, target, patience, max_occ, max_wait):
    """Bisection on the agent count: Erlang A service level and occupancy are monotone in n."""

    def meets(n, rows):
        m = _erlang_a_metrics(n, a[rows], h[rows], patience[rows], t[rows])
        carried = a[rows] * (1.0 - m["p_abandon"])
        with np.errstate(divide="ignore", invalid="ignore"):
            occ = np.clip(np.where(n > 0, carried / n, 0.0), 0.0, 1.0)   # as occupancy() reports it
        return ((m["service_level"] >= target[rows]) & (occ <= max_occ[rows])
                & (m["asa"] <= max_wait[rows]))

    rows = np.arange(a.size)
    high = np.ceil(a + 3.0 * np.sqrt(a) + 3.0)
    todo = rows[~meets(high, rows)]
    while todo.size:              # the targets are always reachable: SL -> 1, ASA -> 0 as n grows
        high[todo] *= 2.0
        todo = todo[~meets(high[todo], todo)]
    low = np.zeros_like(high)     # zero agents never meet a service-level target above 0
    todo = rows[high - low > 1]
    while todo.size:
        mid = np.floor((low[todo] + high[todo]) / 2.0)
        ok = meets(mid, todo)
        high[todo[ok]] = mid[ok]
        low[todo[~ok]] = mid[~ok]
        todo = todo[high[todo] - low[todo] > 1]
    return high.astype(np.int64)
