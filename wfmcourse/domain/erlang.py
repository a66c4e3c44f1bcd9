"""Queueing formulas that turn a forecast into the number of agents needed.

* Erlang B (M/M/n/n): share of calls blocked when there is no queue.
* Erlang C (M/M/n): callers wait with infinite patience.
* Erlang A (M/M/n+M, Palm's model): callers hang up after an exponential patience time.

Conventions: all times in seconds, ``traffic`` in Erlangs (``calls * aht / interval``),
``agents`` a whole number. Every function takes scalars, numpy arrays or pandas Series that
broadcast together: scalars in give a Python scalar out, arrays an array, and a Series (all
Series arguments sharing one index) a Series with that index.

Numerics: nothing uses factorials or powers. Erlang B is the ratio of the Poisson
probability ``p(n; A)`` (computed through Loader's saddle-point form) and the Poisson
distribution function (the regularised incomplete gamma function of scipy), with an
exactly summed series where that function would underflow. Erlang A integrates over the
virtual wait ``V`` of a caller who finds every agent busy (Mandelbaum & Zeltyn 2004): with
``x = n patience / aht`` and ``y = A patience / aht`` its density in ``u = V / patience`` is
proportional to ``exp(-x u + y (1 - e^-u))``. This is the birth-death chain summed over the
queue length (a caller who finds ``j`` queued has ``e^-u`` Beta(x, j+1) distributed, and
Beta(x+1, j+1) when answered), so the cost does not grow with the queue. The log-concave
integrand is cut into panels where its logarithm has dropped by fixed amounts, each with a
16-point Gauss-Legendre rule: a fixed number of nodes at every scale.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.special import gammaincc, gammaln, xlogy

from wfmcourse.validation import (
    ParameterValueError,
    as_array,
    broadcast,
    finish,
    is_scalar_call,
    optional_array,
    series_index,
    value_error,
    wrap,
)

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


# ---------------------------------------------------------------------------
# Erlang A: the queue as an integral over the virtual wait
# ---------------------------------------------------------------------------
# Every panel gets a 16-point Gauss-Legendre rule. Panels end where the log-integrand has
# dropped _LEVELS below its maximum (beyond the last edge the integrand is below exp(-40)),
# and, where those panels are wider than the unit scale of e^-u, at _UNIT_EDGES from the peak.
_GL_X, _GL_W = np.polynomial.legendre.leggauss(16)
_LEVELS = np.array([6.0, 40.0])
_H_SERIES = 1.0 / np.array([math.factorial(i + 2) for i in range(17)])   # h(w) / w^2 = sum (-w)^i / (i+2)!
_UNIT_EDGES = np.array([1.0, 3.0, 8.0, 20.0])
_CHUNK = 2048      # rows per batch of node arrays (at most 2048 x 10 panels x 16 nodes)
_FLUID = 1e150      # above this x = n patience / aht the queue is a fluid to double precision


def _d_minus_log1p(d):
    """d - log(1 + d) >= 0 for d > -1, without cancellation for small d."""
    v = d / (2.0 + d)                      # log1p(d) = 2 atanh(v), and d - 2 v = d v
    v2 = v * v
    series = np.zeros_like(v)
    for k in range(39, 1, -2):
        series = series * v2 + 1.0 / k     # sum_k v^(2k) / (2k + 1), k >= 1
    out = d * v - 2.0 * v * v2 * series
    with np.errstate(divide="ignore", invalid="ignore"):
        direct = d - np.log1p(d)
    return np.where(np.abs(v) < 0.25, out, direct)


class _Kernel:
    """exp(phi(u) - phi(m)) with phi(u) = -K u + y (1 - exp(-u)), concave, maximal at m.

    Written as exp(-k w - c h(w)) with w = u - m: c = y exp(-m) (the curvature at the
    maximum) and k = K - c >= 0 (zero when the maximum lies inside (0, inf)).
    """

    def __init__(self, big_k, y):
        inside = y > big_k
        self.m = np.where(inside, np.log(np.where(inside, y, 1.0)) - np.log(big_k), 0.0)
        self.c = np.where(inside, big_k, y)
        self.k = np.where(inside, 0.0, big_k - y)
        self.curved = self.c > 1e4

    def integrate(self, t, full=True):
        """Integrals of the kernel over u in (0, inf) with the weights 1, u and 1 - e^-u, and
        with weight 1 over (0, t); without ``full`` the weights u and 1 - e^-u are left out (NaN).

        Rows are grouped by the panels they need: a left side only when m > 0, and extra
        edges at fixed distances from m where the panels are wider than the unit scale of
        the e^-u term (k + c small)."""
        out = [np.full(self.m.size, np.nan) for _ in range(4)]
        left, wide = self.m > 0, self.k + self.c < 3.0
        for has_left in (False, True):
            for is_wide in (False, True):
                group = np.flatnonzero((left == has_left) & (wide == is_wide))
                # ordered by m sqrt(c) (the peak in units of its width), so that the panels a
                # chunk can drop (cut off at u = 0 in every row) line up
                group = group[np.argsort(self.m[group] * np.sqrt(self.c[group]), kind="stable")]
                # in chunks: memory stays bounded and the node arrays stay in the cache
                for start in range(0, group.size, _CHUNK):
                    sel = group[start:start + _CHUNK]
                    for target, part in zip(out, self._group(sel, has_left, is_wide, t[sel], full)):
                        if part is not None:
                            target[sel] = part
        return out

    def _group(self, sel, has_left, is_wide, t, full):
        m, k, c = self.m[sel, None], self.k[sel, None], self.c[sel, None]
        # right of m: k w + c w^2 / (2 + w) <= k w + c h(w) (within 15 %) equals each level
        q = 2.0 * k - _LEVELS
        disc = np.sqrt(q * q + 8.0 * _LEVELS * (k + c))
        with np.errstate(divide="ignore", invalid="ignore"):
            right = np.where(q > 0, 4.0 * _LEVELS / (q + disc), (disc - q) / (2.0 * (k + c)))
        # the peak is an edge only where it is the end of the range (m = 0); an inner peak
        # lies in the middle of a panel reaching the first level on both sides
        edges = [right, t[:, None] - m] if has_left else [np.zeros_like(m), right, t[:, None] - m]
        if is_wide:
            edges.append(np.minimum(_UNIT_EDGES, right[:, -1:]))
        if has_left:
            # left of m (k = 0 there): c (e^v - 1 - v) = level, Newton from above
            ratio = _LEVELS / c
            v = np.sqrt(2.0 * ratio)
            v = np.where(ratio >= 1.0, np.minimum(v, np.log1p(ratio) + np.log1p(np.log1p(ratio))), v)
            for _ in range(4):
                v = v - (np.expm1(v) - v - ratio) / np.expm1(v)
            edges.append(-v)
        # panel edges in w = u - m, within u in [0, last right edge]
        edges = np.sort(np.clip(np.concatenate(edges, axis=1), -m, right[:, -1:]), axis=1)
        lo, hi = edges[:, :-1], edges[:, 1:]
        used = (hi > lo).any(axis=0)              # panels empty in every row are left out
        lo, hi = lo[:, used], hi[:, used]
        half, mid = 0.5 * (hi - lo), 0.5 * (hi + lo)
        shape = half.shape + _GL_X.shape
        neg_w = np.multiply.outer(half, -_GL_X)                               # -w at the nodes
        neg_w -= mid[..., None]
        em = np.expm1(neg_w)                                                   # e^-w - 1
        with np.errstate(over="ignore", invalid="ignore"):
            if self.curved[sel].any():
                curved = np.broadcast_to(self.curved[sel, None, None], shape)
                value = _h_series(-neg_w, em - neg_w, curved)
                value *= -c[..., None]
                value += k[..., None] * neg_w
            else:                                  # -k w - c h(w) = (k + c)(-w) - c (e^-w - 1)
                value = (k + c)[..., None] * neg_w
                value -= np.multiply(c[..., None], em, out=None if full else em)
            np.exp(value, out=value)

        def weighted(weights, values=value):      # Gauss-Legendre sums per panel
            # einsum, not matmul: BLAS threads only add contention for these short sums
            return np.einsum("...k,k->...", values, weights) * half

        panel = weighted(_GL_W)                                                # weight 1
        j = panel.sum(axis=1)
        j_t = np.where(hi <= (t[:, None] - m), panel, 0.0).sum(axis=1)
        if not full:
            return j, None, None, j_t
        # weight -w = -mid - half x: two sums instead of a product at every node
        panel_w = -mid * panel - half * weighted(_GL_W * _GL_X)
        em *= value
        panel_em = weighted(_GL_W, em)                                         # weight e^-w - 1
        j_u = m[:, 0] * j - panel_w.sum(axis=1)              # u = m + w
        # 1 - e^-u = (1 - e^-m) - e^-m (e^-w - 1)
        j_ab = -np.expm1(-m[:, 0]) * j - np.exp(-m[:, 0]) * panel_em.sum(axis=1)
        return j, j_u, j_ab, j_t


def _h_series(w, direct, curved):
    """h(w) = w - 1 + e^-w where ``curved`` (huge curvature): Taylor series for |w| < 1/2.

    The direct form ``w + expm1(-w)`` has an absolute error of about eps |w|, which only
    matters where it is multiplied by a huge curvature."""
    ws = w[curved]
    poly = np.zeros_like(ws)
    for coef in _H_SERIES[::-1]:
        poly = poly * -ws + coef
    out = direct.copy()
    out[curved] = np.where(np.abs(ws) < 0.5, ws * ws * poly, direct[curved])
    return out


def _queue_metrics(x, y, t, full=True):
    """Erlang A queue shares for rows with 0 < x, y < _FLUID.

    The virtual wait V of a caller who finds every agent busy, in units of the mean patience
    (u = V / patience), has density x exp(-x u + y (1 - e^-u)) / S_q (Mandelbaum & Zeltyn 2004,
    with x = n patience / aht and y = A patience / aht). The caller is answered when the
    patience exceeds V, with probability e^-u. With M = integral of e^-u exp(-x u + y (1 - e^-u))
    (the kernel for K = x + 1), integration by parts gives S_q = 1 + y M, the answered share
    x M / S_q and the abandoned share (M + y integral (1 - e^-u) ...) / S_q, all sums of
    positive terms. Returns log S_q and, given a wait, the answered share, the abandoned share,
    the mean u of the answered callers and the share answered within t = awt / patience.
    """
    big_k = x + 1.0
    kern = _Kernel(big_k, y)
    j, j_u, j_ab, j_t = kern.integrate(t, full)
    # log M = phi(m) + log J with phi(m) = K (d - log(1 + d)), d = y / K - 1, when m > 0
    log_m = np.where(y > big_k, big_k * _d_minus_log1p((y - big_k) / big_k), 0.0) + np.log(j)
    log_sq = np.logaddexp(0.0, np.log(y) + log_m)
    with np.errstate(over="ignore"):
        share = 1.0 / (y + np.exp(-log_m))      # M / S_q, without subtracting huge logs
    f_s = x * share
    return log_sq, f_s, share * (1.0 + y * j_ab / j), j_u / j, f_s * j_t / j


def _erlang_a(n, a, aht, patience, awt=None, full=True):
    """Core of Erlang A (M/M/n+M), for a > 0; the tiny-AHT (fluid) limit and n = 0 exactly.

    With x = n patience / aht and y = a patience / aht, the queue states n + j have
    probabilities pi_n t_j with t_j = y^j / ((x+1)...(x+j)); their sum
    S_q = sum_j t_j = x e^y y^-x gamma(x, y) is evaluated as the integral of the virtual
    wait (see :func:`_queue_metrics`), whose cost does not grow with the queue length.
    P(wait) = S_q / ((1 - B) / B + S_q) with B the Erlang B value.

    Returns a dict of arrays: ``p_wait``, ``p_abandon``, ``asa`` and, if ``awt`` is
    given, ``service_level``. Without ``full``, ``p_abandon`` and ``asa`` are skipped (NaN
    where the queue integrals would be needed).
    """
    arrays = np.broadcast_arrays(n, a, aht, patience, 0.0 if awt is None else awt)
    n, a, aht, patience, awt_b = (np.ascontiguousarray(v, dtype=float).ravel() for v in arrays)
    shape = arrays[0].shape
    with np.errstate(over="ignore"):
        x = n * (patience / aht)
        y = a * (patience / aht)
    t = awt_b / patience
    p_wait, f_s, f_a, mean_u, f_t = (np.zeros_like(x) for _ in range(5))
    no_wait = np.zeros_like(x)      # 1 - P(wait), computed without cancellation
    # no agents: everybody waits and hangs up
    none = n == 0
    p_wait[none], f_a[none] = 1.0, 1.0
    # tiny AHT: the queue is a fluid; waits concentrate at u = log(a / n) when a > n
    fluid = ~none & (x > _FLUID)
    if fluid.any():
        nf, af = n[fluid], a[fluid]
        over = af >= nf
        p_wait[fluid] = np.where(over, 1.0, _erlang_c(nf, af))
        no_wait[fluid] = 1.0 - p_wait[fluid]
        f_s[fluid] = np.where(over, nf / af, 1.0)
        f_a[fluid] = np.where(over, 1.0 - nf / af, 0.0)
        mean_u[fluid] = np.where(over, np.log(np.where(over, af / nf, 1.0)), 0.0)
        f_t[fluid] = np.where(t[fluid] > mean_u[fluid], f_s[fluid], 0.0)
    rows = ~none & ~fluid
    if rows.any():
        shares = _queue_metrics(x[rows], y[rows], t[rows], full)
        log_sq, f_s[rows], f_a[rows], mean_u[rows], f_t[rows] = shares
        b = _erlang_b(n[rows], a[rows])
        with np.errstate(divide="ignore", over="ignore"):
            log_sb = np.log1p(-b) - np.log(b)      # log(sum of pi_k / pi_n over k < n)
            p_wait[rows] = 1.0 / (1.0 + np.exp(log_sb - log_sq))
            no_wait[rows] = 1.0 / (1.0 + np.exp(log_sq - log_sb))
    p_abandon = p_wait * f_a
    # answered = 1 - P(abandon) as a sum of positive terms: near total overload 1 - p_abandon
    # would cancel (occupancy, carried = A answered, must stay monotone in n to 1e-12)
    answered = no_wait + p_wait * f_s
    with np.errstate(divide="ignore", invalid="ignore"):
        asa = np.where(none, np.inf, p_wait * f_s * mean_u * patience / answered)
    # the fluid limit below the load: Erlang C, with its ASA C aht / (n - a)
    low = fluid & (a < n)
    asa[low] = p_wait[low] * aht[low] / (n[low] - a[low])
    result = {"p_wait": p_wait, "p_abandon": p_abandon, "answered": answered, "asa": asa}
    if awt is not None:
        result["service_level"] = 1.0 - p_wait * (1.0 - f_t)
    return {key: value.reshape(shape) for key, value in result.items()}


def _erlang_a_metrics(n, a, aht, patience, awt=None, full=True):
    """Erlang A metrics for any a >= 0 (zero traffic handled here)."""
    arrays = np.broadcast_arrays(n, a, aht, patience, 0.0 if awt is None else awt)
    shape = arrays[0].shape
    # y = a * patience / aht underflows to 0 only for subnormal traffic; the zero-traffic values
    # are then exact to double precision
    pos = arrays[1] * arrays[3] / arrays[2] > 0
    out = {
        "p_wait": np.zeros(shape),
        "p_abandon": np.zeros(shape),
        "answered": np.ones(shape),
        "asa": np.zeros(shape),
        "service_level": np.ones(shape),
    }
    if pos.any():
        sub = _erlang_a(*(v[pos] for v in arrays[:4]), None if awt is None else arrays[4][pos], full)
        for key, value in sub.items():
            out[key][pos] = value
    return out


# ---------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------
def traffic(calls, aht, interval=900) -> float | np.ndarray | pd.Series:
    """Offered load in Erlangs: ``A = calls * aht / interval`` (aht and interval in seconds)."""
    scalar = is_scalar_call(calls, aht, interval)
    index = series_index(calls=calls, aht=aht, interval=interval)
    c, h, t = broadcast(calls=as_array("calls", calls), aht=as_array("aht", aht),
                        interval=as_array("interval", interval, low=0.0, low_inclusive=False))
    return wrap(c * h / t, scalar, index, "traffic")


def erlang_b(agents, traffic) -> float | np.ndarray | pd.Series:
    """Erlang B: probability that a call finds all ``agents`` busy when there is no queue.

    ``B(n, A) = (A^n / n!) / sum_{k=0..n} A^k / k!``
    """
    scalar = is_scalar_call(agents, traffic)
    index = series_index(agents=agents, traffic=traffic)
    n, a = broadcast(agents=_agents(agents), traffic=_traffic(traffic))
    return wrap(_erlang_b(n, a), scalar, index, "erlang_b")


def erlang_c(agents, traffic) -> float | np.ndarray | pd.Series:
    """Erlang C: probability that a call has to wait.

    ``C = n B / (n - A (1 - B))`` with ``B`` the Erlang B value; 1 when ``agents <= traffic``
    (the queue grows without bound), 0 when there is no traffic.
    """
    scalar = is_scalar_call(agents, traffic)
    index = series_index(agents=agents, traffic=traffic)
    n, a = broadcast(agents=_agents(agents), traffic=_traffic(traffic))
    return wrap(_erlang_c(n, a), scalar, index, "erlang_c")


def service_level(agents, traffic, aht, awt, *, patience=None) -> float | np.ndarray | pd.Series:
    """Share of offered calls answered within ``awt`` seconds.

    Erlang C: ``SL = 1 - C exp(-(n - A) awt / aht)`` (0 when ``agents <= traffic``).
    Erlang A (``patience`` in seconds given, keyword only): callers who hang up count as not
    answered in time.
    """
    scalar = is_scalar_call(agents, traffic, aht, awt, patience)
    index = series_index(agents=agents, traffic=traffic, aht=aht, awt=awt, patience=patience)
    n, a, h, t, p = broadcast(agents=_agents(agents), traffic=_traffic(traffic), aht=_aht(aht),
                              awt=_awt(awt), patience=_patience(patience))
    if p is None:
        return wrap(_erlang_c_metrics(n, a, h, t)["service_level"], scalar, index, "service_level")
    return wrap(_erlang_a_metrics(n, a, h, p, t)["service_level"], scalar, index, "service_level")


def asa(agents, traffic, aht, *, patience=None) -> float | np.ndarray | pd.Series:
    """Average speed of answer: mean wait in seconds of the calls that are answered.

    Erlang C: ``ASA = C aht / (n - A)``, infinite when ``agents <= traffic``.
    Erlang A (``patience`` in seconds, keyword only): finite for every agent count above zero.
    """
    scalar = is_scalar_call(agents, traffic, aht, patience)
    index = series_index(agents=agents, traffic=traffic, aht=aht, patience=patience)
    n, a, h, p = broadcast(agents=_agents(agents), traffic=_traffic(traffic), aht=_aht(aht),
                           patience=_patience(patience))
    if p is None:
        return wrap(_erlang_c_metrics(n, a, h)["asa"], scalar, index, "asa")
    return wrap(_erlang_a_metrics(n, a, h, p)["asa"], scalar, index, "asa")


def abandonment(agents, traffic, aht, patience) -> float | np.ndarray | pd.Series:
    """Share of offered calls that hang up before being answered (Erlang A)."""
    scalar = is_scalar_call(agents, traffic, aht, patience)
    index = series_index(agents=agents, traffic=traffic, aht=aht, patience=patience)
    n, a, h, p = broadcast(agents=_agents(agents), traffic=_traffic(traffic), aht=_aht(aht),
                           patience=as_array("patience", patience, low=0.0, low_inclusive=False))
    return wrap(_erlang_a_metrics(n, a, h, p)["p_abandon"], scalar, index, "abandonment")


def occupancy(agents, traffic, aht=None, *, patience=None) -> float | np.ndarray | pd.Series:
    """Share of agent time spent handling calls: the carried load per agent, ``carried / n``.

    Erlang C: ``A / n``; when ``agents <= traffic`` the queue grows without end and every agent
    is busy all the time, so 1. Erlang A: only the answered load is carried,
    ``A (1 - abandonment) / n``; then ``aht`` is needed too (``patience`` is keyword only). Zero
    agents carry nothing and have no time to fill: 0, in both models (so an interval without calls
    and agents shows 0 %).

    This is the occupancy the model *predicts*; :func:`wfmcourse.domain.kpi.occupancy` *measures*
    the same share afterwards as ``handling_time / (handling_time + idle_time)``.
    """
    scalar = is_scalar_call(agents, traffic, aht, patience)
    index = series_index(agents=agents, traffic=traffic, aht=aht, patience=patience)
    n, a, _, p = broadcast(agents=_agents(agents), traffic=_traffic(traffic),
                           aht=optional_array("aht", aht, low=0.0, low_inclusive=False),
                           patience=_patience(patience))
    if p is None:
        return wrap(_occupancy_c(n, a), scalar, index, "occupancy")
    if aht is None:
        raise value_error("aht", aht, "needs_aht",
                          "be given together with patience (Erlang A occupancy needs it)")
    h = _aht(aht)
    m = _erlang_a_metrics(*np.broadcast_arrays(n, a, h, p))
    return wrap(_occupancy_a(n, a, m["answered"]), scalar, index, "occupancy")


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


def _occupancy_a(n, a, answered):
    """Erlang A occupancy ``A (1 - abandonment) / n`` from the answered share, 0 for zero agents
    (see :func:`occupancy`)."""
    n, a, answered = np.broadcast_arrays(n, a, answered)
    with np.errstate(divide="ignore", invalid="ignore"):
        occ = np.where(n > 0, a * answered / n, 0.0)
    return np.minimum(occ, 1.0)      # carried <= n exactly; this only drops rounding in the last bit


_MAX_AGENTS = 2 ** 53    # every whole number up to here is exact in float64, so the search is too
_WALK_STEPS = 64         # Erlang C: agents tried one by one before the bisection takes over


def agents_needed(traffic, aht, awt, target, *, patience=None, max_occupancy=None, max_asa=None,
                  max_abandonment=None) -> int | np.ndarray | pd.Series:
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
    a ``ParameterValueError`` (kind ``"unreachable"``) naming the target.
    """
    scalar = is_scalar_call(traffic, aht, awt, target, patience, max_occupancy, max_asa,
                            max_abandonment)
    index = series_index(traffic=traffic, aht=aht, awt=awt, target=target, patience=patience,
                         max_occupancy=max_occupancy, max_asa=max_asa,
                         max_abandonment=max_abandonment)
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
            # abandonment and ASA only where a target on occupancy, ASA or abandonment needs them
            full = bool((occ_ < 1.0).any() or np.isfinite(wait_).any() or (lost_ < 1.0).any())

            def a_checks(m, n, rows):
                out = [(m["service_level"] >= sl[rows], "target", sl)]
                if full:
                    out += [(_occupancy_a(n, a[rows], m["answered"]) <= occ_[rows],
                             "max_occupancy", occ_),
                            (m["asa"] <= wait_[rows], "max_asa", wait_),
                            (m["p_abandon"] <= lost_[rows], "max_abandonment", lost_)]
                return out

            def metrics(n, rows):
                return _erlang_a_metrics(n, a[rows], h[rows], p_[rows], t[rows], full)

            def checks(n, rows):
                return a_checks(metrics(n, rows), n, rows)

            def evaluate(n, rows):
                m = metrics(n, rows)
                ok = np.ones(rows.size, dtype=bool)
                for passed, _, _ in a_checks(m, n, rows):
                    ok &= passed
                return ok, m["service_level"]
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
            need[busy[rows]] = _bisect(checks, low.astype(np.int64), guess, rows, a)
        else:
            need[busy] = _search_erlang_a(evaluate, checks, sl, guess, a)
    if index is not None:
        return wrap(need.reshape(shape), scalar, index, "agents_needed").astype(np.int64)
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
    raise ParameterValueError(name, float(value), "unreachable",
                              f"{name}={float(value)!r} cannot be met with at most {_MAX_AGENTS} "
                              f"agents (2**53, the largest agent count computed exactly) at "
                              f"traffic={float(a)!r} Erlang")


def _logit(p):
    return np.log(p) - np.log1p(-p)


def _search_erlang_a(evaluate, checks, target, guess, a):
    """Bracketing search on the agent count: Erlang A service level and occupancy are monotone in n.

    The bracket (low fails, high meets every target) starts at 0 and a + 3 sqrt(a) + 3, whose
    check is left until the bracket has closed on it (doubling it when it fails). Each step tests
    a count strictly inside together with the count below it, which gives the local slope of
    logit(SL) (close to linear in n around the answer); the next count is where that secant
    reaches logit(target) (a jump of more than 4 is tested alone, the secant then runs through
    the last two counts). Without a slope yet: the offered load, or the interpolation between
    the ends, or the midpoint after an interpolation that left more than half of the bracket.
    The answer is exact either way; the choice of counts only saves evaluations.

    ``evaluate(n, rows)`` returns whether ``n`` agents meet every target and the service level;
    ``checks`` is the check list of :func:`agents_needed` (to name a target that even ``2**53``
    agents miss); ``guess`` the first upper end.
    """

    def meets(n, rows):
        ok, sl = evaluate(n, rows)
        return ok, _logit(np.clip(sl, 1e-300, 1.0 - 1e-16))

    rows = np.arange(a.size)
    high = np.ceil(guess)
    checked = np.zeros(a.size, dtype=bool)          # high known to meet the targets
    low = np.zeros_like(high)     # zero agents never meet a service-level target above 0
    z_low, z_high = np.full_like(high, -np.inf), np.full_like(high, np.inf)
    # the last tested pair of neighbouring counts: logit(SL) at the upper one and the slope
    near_n, near_z, slope = np.zeros_like(high), np.zeros_like(high), np.full_like(high, np.nan)
    halve = np.zeros(a.size, dtype=bool)
    goal = _logit(target)
    todo = rows
    while todo.size:
        # a closed bracket whose upper end is unchecked: check it, double it if it fails
        closed = todo[(high[todo] - low[todo] <= 1) & ~checked[todo]]
        if closed.size:
            ok, z = meets(high[closed], closed)
            checked[closed[ok]], z_high[closed[ok]] = True, z[ok]
            fail = closed[~ok]   # SL -> 1, ASA and abandonment -> 0 as n grows; occupancy -> 0
            stuck = fail[high[fail] >= _MAX_AGENTS]
            if stuck.size:
                _unreachable(checks, stuck[:1], a)
            low[fail], z_low[fail] = high[fail], z[~ok]
            high[fail] = np.minimum(2.0 * high[fail], _MAX_AGENTS)
        todo = todo[high[todo] - low[todo] > 1]
        if not todo.size:
            break
        lo, hi = low[todo], high[todo]
        with np.errstate(divide="ignore", invalid="ignore"):
            ends = lo + (goal[todo] - z_low[todo]) / (z_high[todo] - z_low[todo]) * (hi - lo)
            newton = near_n[todo] + (goal[todo] - near_z[todo]) / slope[todo]
        local = np.isfinite(newton) & (slope[todo] > 0)
        guess = np.ceil(np.where(local, newton, ends))
        interpolate = ~halve[todo] & np.isfinite(guess)
        first = np.floor(a[todo])
        trial = np.where(interpolate, np.clip(guess, lo + 1.0, hi - 1.0),
                         np.where((lo == 0) & (first > lo) & (first < hi), first,
                                  np.floor((lo + hi) / 2.0)))
        # a long secant step is rarely exact: test it alone and take the secant through it
        far = local & (np.abs(trial - near_n[todo]) > 4.0)
        pair = (trial - 1.0 > lo) & ~far
        rows_t = np.concatenate([todo, todo[pair]])
        n_t = np.concatenate([trial, trial[pair] - 1.0])
        ok, z = meets(n_t, rows_t)
        z_trial = z[:todo.size]
        with np.errstate(divide="ignore", invalid="ignore"):
            secant = (z_trial - near_z[todo]) / (trial - near_n[todo])
        slope[todo] = np.where(far, secant, np.nan)
        slope[todo[pair]] = z_trial[pair] - z[todo.size:]
        near_n[todo], near_z[todo] = trial, z_trial
        # lower the upper end / raise the lower end to the tested counts (two per row at most)
        for part in (slice(todo.size, None), slice(0, todo.size)):
            r, n_p, ok_p, z_p = rows_t[part], n_t[part], ok[part], z[part]
            up = ok_p & (n_p <= high[r])
            high[r[up]], z_high[r[up]], checked[r[up]] = n_p[up], z_p[up], True
            down = ~ok_p & (n_p >= low[r])
            low[r[down]], z_low[r[down]] = n_p[down], z_p[down]
        # an interpolation between the ends that left more than half of the bracket is
        # followed by a midpoint (a local secant step is trusted)
        halve[todo] = interpolate & ~local & (high[todo] - low[todo] > (hi - lo) / 2.0)
    return high.astype(np.int64)
