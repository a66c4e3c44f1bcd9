"""Erlang A (M/M/n+M) in 40-digit mpmath arithmetic, independent of wfmcourse.

Written from the birth-death chain. With x = n patience / aht and y = A patience / aht the queue
states n + j carry the weights t_j = y^j / ((x+1)...(x+j)) relative to state n (birth rate
lambda, death rate n mu + j theta). A caller who finds j queued waits (in units of the mean
patience, u = theta V) for j + 1 exponential phases with rates x, x+1, ..., x+j, so the Laplace
transform of u is prod_i (x+i) / (x+i+s), and summed over the queue

    G(s) = sum_j t_j prod_{i=0..j} (x+i) / (x+i+s) = x S(x+s) / (x+s),
    S(x') = sum_j y^j / ((x'+1)...(x'+j)) = x' e^y y^-x' gamma(x', y)      (Mandelbaum & Zeltyn 2004)
          = x' * integral_0^1 s^(x'-1) e^(y (1-s)) ds                      (Euler's integral of gamma).

The caller is answered when the patience exceeds the wait: probability e^-u. So, given a wait,
  answered            G(1) / S(x)            = x I(x, 1) / S
  answered after awt  x I(x, c) / S, c = exp(-awt / patience)   (P(x+1, y c) of Mandelbaum & Zeltyn)
  E[u e^-u]           -G'(1) / S             = -x I(x, 1, log s) / S
with I(p, c, f) = integral_0^c s^p e^(y (1-s)) f(s) ds, evaluated by mpmath's tanh-sinh
quadrature with breakpoints around the peak of the integrand. P(wait) = S / ((1-B)/B + S) with
B = Erlang B from mpmath's incomplete gamma function. Used by the Erlang A tests and benchmarks.
"""
import mpmath as mp

DPS = 40


def _integral(p, y, c, weight=None):
    """integral_0^c s^p e^(y (1 - s)) weight(s) ds (mpmath, breakpoints around the peak)."""
    if p < 0:
        # s^p is nearly non-integrable at 0 for p close to -1: substitute s = r^(1/(p+1))
        e = 1 / (p + 1)
        g = lambda r: mp.exp(y * (1 - r ** e)) * (1 if weight is None else weight(r ** e))  # noqa: E731
        return e * mp.quad(g, [0, c ** (p + 1)])
    log_f = lambda s: p * mp.log(s) + y * (1 - s)        # noqa: E731
    peak = min(max(p / y, mp.mpf(0)), c)
    # local scale of the log-integrand at the peak (or at the end it rises to)
    curvature = p / peak ** 2 if p > 0 and peak > 0 else mp.inf
    slope = abs(p / peak - y) if peak > 0 else mp.inf
    scale = min(1 / mp.sqrt(curvature) if curvature > 0 else mp.inf,
                1 / slope if slope > 0 else mp.inf, c)
    if p <= 0:
        scale = min(1 / y, c)
    points = {mp.mpf(0), c, peak}
    for k in (0.3, 1, 2, 4, 7, 11, 16, 25, 40, 70, 150, 400, 1e3, 1e4, 1e5, 1e6):
        for q in (peak - k * scale, peak + k * scale):
            if 0 < q < c:
                points.add(q)
    top = log_f(peak) if peak > 0 else log_f(min(c, scale))
    f = lambda s: mp.exp(log_f(s) - top) * (1 if weight is None else weight(s))   # noqa: E731
    return mp.quad(f, sorted(points)) * mp.exp(top)


def mp_erlang_b(n, a):
    n, a = mp.mpf(n), mp.mpf(a)
    return mp.exp(n * mp.log(a) - a) / mp.gammainc(n + 1, a)


def reference(n, a, aht, patience, awt):
    """P(wait), abandonment, ASA (answered calls, seconds) and service level, 40 digits."""
    with mp.workdps(DPS):
        n, a, aht, patience, awt = (mp.mpf(v) for v in (n, a, aht, patience, awt))
        x, y = n * patience / aht, a * patience / aht
        c = mp.exp(-awt / patience)
        s_q = x * _integral(x - 1, y, mp.mpf(1))
        served = x * _integral(x, y, mp.mpf(1)) / s_q
        late = x * _integral(x, y, c) / s_q if c > 0 else mp.mpf(0)
        wait_served = -x * _integral(x, y, mp.mpf(1), mp.log) / s_q
        b = mp_erlang_b(n, a)
        p_wait = s_q / ((1 - b) / b + s_q)
        p_abandon = p_wait * (1 - served)
        return {"p_wait": p_wait, "p_abandon": p_abandon,
                "asa": p_wait * wait_served * patience / (1 - p_abandon),
                "service_level": 1 - p_wait + p_wait * (served - late)}
