"""Live chat with concurrency: service level, waits and staffing when agents handle several chats at once.

The model (a birth-death chain on the number of chats, the aggregation Koole's chat model uses)
------------------------------------------------------------------------------------------------
* ``agents`` agents each handle up to ``max_chats`` chats at once (``n`` agents, ``S = n m`` slots).
* A chat's handling time depends on the concurrency ``j`` of its agent (the number of chats that
  agent handles): exponential with mean ``handling_time(aht, j, slowdown) = aht (1 + slowdown (j - 1))``
  seconds. ``aht`` is the handling time of a chat handled alone; ``slowdown`` (a fraction, 0 to 1)
  is the extra handling time each further simultaneous chat adds, as a share of ``aht``
  (0.25: with three chats each takes 1.5 aht). An agent with ``j`` chats finishes
  ``f(j) = j / (aht (1 + slowdown (j - 1)))`` chats per second; ``slowdown <= 1`` keeps ``f``
  increasing and concave (at 1 concurrency adds no throughput at all).
* ``traffic`` is the offered load in single-chat Erlangs, ``chats * aht / interval``
  (:func:`wfmcourse.domain.erlang.traffic` with the base ``aht``): the arrival rate is
  ``lambda = traffic / aht`` per second.
* New chats go to a free slot; when all ``S`` slots are taken they wait in one FCFS queue.
  With ``patience`` (mean, seconds) a waiting customer leaves after an exponential patience.

The assumption (stated, and measured in ``tests/test_chat.py``)
---------------------------------------------------------------
The chain keeps only the number ``k`` of chats in the system and assumes the chats in service are
always spread as evenly as possible over the agents: with ``c = min(k, S) = q n + r`` chats in
service, ``r`` agents hold ``q + 1`` and ``n - r`` hold ``q``, so the total service rate is
``d(k) = r f(q + 1) + (n - r) f(q)``, plus ``(k - S) / patience`` abandonments. Least-loaded routing
places new chats evenly, but completions can leave the spread uneven; as ``f`` is concave, an
uneven spread serves more slowly, so the model is optimistic. The assumption is exact when
``slowdown = 0`` (then ``d(k) = c / aht`` whatever the spread) and when ``max_chats = 1``
(Erlang C, or Erlang A with ``patience``). It touches only the states below ``S``: once every slot
is taken every agent holds ``max_chats`` chats, so the queue and the waiting-time distribution
given a wait are exact; only the probability of waiting shifts. Measured against the exact chain
of least-loaded routing (``tests/test_chat.py``, 2 to 8 agents, 2 to 4 chats, 50 to 95 % load):
P(wait) is optimistic by at most 0.8 percentage points at slowdown 0.25 and 1.8 at 0.5 (exact at
0); occupancy (share of agents with a chat) is too high by up to 4 points and mean concurrency
too low by up to 0.13 chats, at every slowdown; the staffing is the same in 36 of 38 small
cases at slowdown 0.5 and one agent short in the other two.

The waiting time
----------------
With every slot busy the chat queue is served at ``D = n f(max_chats)`` per second, and each of
the ``i`` customers ahead abandons at ``theta = 1 / patience``. A chat that arrives with ``j``
customers queued ahead waits (until served, ignoring its own patience) ``V = sum_{i=0..j}``
of exponential phases with rates ``D + i theta``. It is answered with probability
``E[exp(-theta V)] = D / (D + (j + 1) theta)``; tilting by ``exp(-theta V)`` turns the phases into
rates ``D + (i + 1) theta`` (the answered wait ``V'``), and ``exp(-theta V') ~ Beta(D / theta + 1, j + 1)``,
so ``P(answered within t | j) = D / (D + (j + 1) theta) * I_{1 - exp(-theta t)}(j + 1, D / theta + 1)``
(regularised incomplete beta) and the answered wait has mean ``sum_{i=1..j+1} 1 / (D + i theta)``.
Without patience the queue is geometric: ``P(W > t) = P(wait) exp(-(D - lambda) t)`` and
``ASA = P(wait) / (D - lambda)``, which needs ``D > lambda`` (otherwise the queue grows without
bound: service level 0, ASA infinite).

Numerics: state probabilities as logarithms relative to the state ``S`` (cumulative sums of
``log(d(k) / lambda)``), sums by log-sum-exp; rows are processed in chunks of at most
``_BLOCK`` states, so memory stays bounded. With patience the queue states ``S + j`` have weights
``t_j = prod_{i=1..j} lambda / (D + i theta)``, summed in blocks until the remaining tail (a
geometric series bounded by its ratio, see :func:`_queue_sums`) is below 1e-17 of every sum.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import betainc

from wfmcourse.domain import erlang
from wfmcourse.validation import (
    ParameterValueError,
    as_array,
    broadcast,
    choice,
    finish,
    is_scalar_call,
    optional_array,
    series_index,
    value_error,
    wrap,
)

__all__ = [
    "handling_time",
    "p_wait",
    "service_level",
    "asa",
    "abandonment",
    "occupancy",
    "mean_concurrency",
    "agents_needed",
    "rule_of_thumb_agents",
]

_MAX_SLOTS = 2 ** 22      # agents * max_chats above this: refused (states are held in memory per row)
_BLOCK = 2 ** 20          # states per chunk of rows (about 8 MB per float array)
_QUEUE_BLOCK = 1024       # at most this many queue states summed per step (with patience)
_TAIL = 1e-17             # relative size of the queue tail left out


# ---------------------------------------------------------------------------
# validated arguments
# ---------------------------------------------------------------------------
def _inputs(agents, traffic, aht, max_chats, slowdown, patience, awt, *, with_agents=True):
    return dict(
        agents=as_array("agents", agents, integer=True) if with_agents else None,
        traffic=as_array("traffic", traffic),
        aht=as_array("aht", aht, low=0.0, low_inclusive=False),
        max_chats=as_array("max_chats", max_chats, low=1.0, integer=True),
        slowdown=as_array("slowdown", slowdown, high=1.0),
        patience=optional_array("patience", patience, low=0.0, low_inclusive=False),
        awt=None if awt is None and with_agents else as_array("awt", awt),
    )


def _check_slots(n, m, name="agents", value=None):
    too_many = n * m > _MAX_SLOTS
    if np.any(too_many):
        raise value_error(name, n if value is None else value, "too_large",
                          f"keep agents * max_chats <= {_MAX_SLOTS} (the chain holds every slot)")


def _rate(j, aht, s):
    """f(j) = j / (aht (1 + s (j - 1))): chats per second finished by an agent holding j chats."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(j > 0, j / (aht * (1.0 + s * (j - 1.0))), 0.0)


# ---------------------------------------------------------------------------
# the chain (flat float arrays in, no validation)
# ---------------------------------------------------------------------------
def _service_part(n, lam, aht, m, s):
    """States k = 0 .. S-1 (S = n m > 0, lam > 0): log(sum_k pi_k / pi_S) and, over those states,
    the mean number of busy agents E[min(k, n)] and of chats in service E[k].

    log(pi_{k-1} / pi_S) = sum_{i=k..S} log(d(i) / lam): a forward cumulative sum from S down.
    Rows are taken in chunks and their states in blocks of at most _BLOCK numbers in all, with
    running log-sum-exp sums, so memory does not grow with the number of agents."""
    log_sb, busy, chats = (np.empty(n.size) for _ in range(3))
    slots = n * m
    order = np.argsort(slots, kind="stable")
    start = 0
    while start < order.size:
        # rows sorted by their number of states: as many as fit in _BLOCK states (a row with
        # more states than that is streamed in blocks on its own)
        cost = np.arange(1, order.size - start + 1) * np.minimum(slots[order[start:]], _BLOCK)
        stop = start + max(1, int(np.searchsorted(cost, _BLOCK, side="right")))
        sel = order[start:stop]
        width, step = int(slots[sel].max()), max(1, _BLOCK // sel.size)
        ns, ss = n[sel, None], slots[sel, None]
        hs, sls, log_lam = aht[sel, None], s[sel, None], np.log(lam[sel, None])
        carry = np.zeros(sel.size)                  # log(pi_{k-1} / pi_S) at the end of a block
        top = np.full(sel.size, -np.inf)            # the sums below are relative to exp(top)
        total, busy_sum, chats_sum = (np.zeros(sel.size) for _ in range(3))
        for first in range(0, width, step):
            k = ss - np.arange(first, min(first + step, width), dtype=float)[None, :]
            valid = k >= 1                           # k = S, S-1, ..., 1
            kk = np.where(valid, k, 1.0)
            q = np.floor(kk / ns)
            r = kk - q * ns
            d = r * _rate(q + 1.0, hs, sls) + (ns - r) * _rate(q, hs, sls)
            log_pi = carry[:, None] + np.cumsum(np.where(valid, np.log(d) - log_lam, 0.0), axis=1)
            carry = log_pi[:, -1]
            log_pi = np.where(valid, log_pi, -np.inf)
            new_top = np.maximum(top, log_pi.max(axis=1))
            shrink = np.exp(np.where(np.isfinite(top), top - new_top, -np.inf))
            top = new_top
            w = np.exp(log_pi - top[:, None])
            state = kk - 1.0                         # the state whose weight log_pi holds
            total = total * shrink + w.sum(axis=1)
            busy_sum = busy_sum * shrink + (w * np.minimum(state, ns)).sum(axis=1)
            chats_sum = chats_sum * shrink + (w * state).sum(axis=1)
        log_sb[sel] = top + np.log(total)
        busy[sel] = busy_sum / total
        chats[sel] = chats_sum / total
        start = stop
    return log_sb, busy, chats


def _queue_sums(x, y, t):
    """Sums over the queue states S + j (j >= 0) with patience, in units of theta = 1 / patience:
    x = D / theta, y = lam / theta, t = awt theta (or None).

    Weights t_j = prod_{i=1..j} y / (x + i). Returns log(sum t_j) and the shares of that sum with
    the weights a_j = x / (x + j + 1) (answered), 1 - a_j (abandoned), a_j H_j with
    H_j = sum_{i=1..j+1} 1 / (x + i) (answered wait, units 1 / theta) and
    a_j I_{1-e^-t}(j + 1, x + 1) (answered within t).

    Truncation: past the mode the ratio t_{j+1} / t_j = y / (x + j + 1) falls, and the ratio of
    every weighted term is at most g = y / (x + J + 1) (1 + 1 / (J + 1)) for j >= J (the weights
    change by at most that factor: a_j falls, (j+1)/(x+j+1) and H_j grow by at most
    (j + 2) / (j + 1)). So the tail after J is at most term_J g / (1 - g); summing stops when that
    is below _TAIL times every sum so far.
    """
    rows = x.size
    with_t = t is not None
    sums = np.zeros((5, rows))                 # t, answered, abandoned, answered wait, in time
    scale = np.zeros(rows)                     # sums are relative to exp(scale)
    last_log = np.zeros(rows)                  # log t_{j0 - 1}
    last_h = np.zeros(rows)                    # H_{j0 - 1}
    todo = np.arange(rows)
    z = None if not with_t else -np.expm1(-t)
    j0, block = 0, 32
    while todo.size:
        steps = np.arange(block, dtype=float)[None, :]
        xs, ys = x[todo, None], y[todo, None]
        j = j0 + steps
        inc = np.where(j >= 1, np.log(ys) - np.log(xs + np.maximum(j, 1.0)), 0.0)
        log_t = last_log[todo, None] + np.cumsum(inc, axis=1)
        top = np.maximum(scale[todo], log_t.max(axis=1))
        sums[:, todo] *= np.exp(scale[todo] - top)
        scale[todo] = top
        w = np.exp(log_t - top[:, None])
        answered = xs / (xs + j + 1.0)
        abandoned = (j + 1.0) / (xs + j + 1.0)
        h = last_h[todo, None] + np.cumsum(1.0 / (xs + j + 1.0), axis=1)
        terms = [w, w * answered, w * abandoned, w * answered * h]
        if with_t:
            # the incomplete beta only where the weight counts (it is at most 1)
            counts = w > 1e-300
            in_time = np.zeros_like(w)
            in_time[counts] = betainc(np.broadcast_to(j + 1.0, w.shape)[counts],
                                      np.broadcast_to(xs + 1.0, w.shape)[counts],
                                      np.broadcast_to(z[todo, None], w.shape)[counts])
            terms.append(w * answered * in_time)
        for i, term in enumerate(terms):
            sums[i, todo] += term.sum(axis=1)
        last_log[todo], last_h[todo] = log_t[:, -1], h[:, -1]
        big_j = j0 + block - 1.0
        g = ys[:, 0] / (xs[:, 0] + big_j + 1.0) * (1.0 + 1.0 / (big_j + 1.0))
        with np.errstate(divide="ignore"):
            bound = np.where(g < 1.0, g / (1.0 - g), np.inf)
        done = g < 1.0
        with np.errstate(invalid="ignore"):          # 0 * inf before the mode: not done
            for i, term in enumerate(terms):
                done &= term[:, -1] * bound <= _TAIL * sums[i, todo]
        todo = todo[~done]
        j0 += block
        block = min(2 * block, _QUEUE_BLOCK)
    total = sums[0]
    log_sq = scale + np.log(total)
    shares = sums[1:] / total
    return (log_sq, shares[0], shares[1], shares[2], shares[3] if with_t else None)


def _metrics(n, a, aht, m, s, patience=None, awt=None):
    """Every metric of the chain for validated arrays that broadcast; a dict of arrays."""
    arrays = np.broadcast_arrays(n, a, aht, m, s, np.nan if patience is None else patience,
                                 0.0 if awt is None else awt)
    shape = arrays[0].shape
    n, a, aht, m, s, p, t = (np.ascontiguousarray(v, dtype=float).ravel() for v in arrays)
    size = n.size
    out = {key: np.zeros(size) for key in ("p_wait", "service_level", "asa", "abandonment",
                                           "answered", "occupancy", "mean_concurrency")}
    out["service_level"][:] = 1.0
    out["answered"][:] = 1.0
    # zero agents and traffic: everybody waits (and leaves, with patience); nobody is served
    none = (n == 0) & (a > 0)
    out["p_wait"][none], out["service_level"][none], out["asa"][none] = 1.0, 0.0, np.inf
    out["answered"][none] = 0.0
    if patience is not None:
        out["abandonment"][none] = 1.0
    with np.errstate(under="ignore"):
        rows = np.flatnonzero((n > 0) & (a / aht > 0))     # a subnormal traffic whose rate underflows: none
    if rows.size:
        nr, ar, hr, mr, sr, pr, tr = (v[rows] for v in (n, a, aht, m, s, p, t))
        lam = ar / hr
        big_d = nr * _rate(mr, hr, sr)                  # service rate with every slot busy
        slots = nr * mr
        if patience is None:
            # D > lambda, written on the load in agents (exact for slowdown 0: n m > traffic)
            slow = 1.0 + sr * (mr - 1.0)
            stable = nr * mr > ar * slow
            rows_u = rows[~stable]
            out["p_wait"][rows_u], out["service_level"][rows_u] = 1.0, 0.0
            out["asa"][rows_u], out["occupancy"][rows_u] = np.inf, 1.0
            out["mean_concurrency"][rows_u] = m[rows_u]
            sel = np.flatnonzero(stable)
            with np.errstate(divide="ignore"):       # lambda / D rounding to 1 at the edge: P(wait) = 1
                log_sq = -np.log1p(-lam[sel] / big_d[sel])
        else:
            sel = np.arange(rows.size)
            theta = 1.0 / pr
            log_sq, f_s, f_a, f_u, f_t = _queue_sums(big_d / theta, lam / theta,
                                                     None if awt is None else tr * theta)
        if sel.size:
            log_sb, busy, chats = _service_part(nr[sel], lam[sel], hr[sel], mr[sel], sr[sel])
            with np.errstate(over="ignore"):
                pw = 1.0 / (1.0 + np.exp(log_sb - log_sq))
                no_wait = 1.0 / (1.0 + np.exp(log_sq - log_sb))
            idx = rows[sel]
            out["p_wait"][idx] = pw
            agents_busy = no_wait * busy + pw * nr[sel]
            in_service = no_wait * chats + pw * slots[sel]
            out["occupancy"][idx] = np.minimum(agents_busy / nr[sel], 1.0)
            # the limit for traffic so small that the busy share underflows is one chat at a time
            out["mean_concurrency"][idx] = np.divide(in_service, agents_busy, out=np.ones_like(in_service),
                                                     where=agents_busy > 0)
            if patience is None:
                gap = (nr[sel] * mr[sel] / slow[sel] - ar[sel]) / hr[sel]      # D - lambda
                out["service_level"][idx] = 1.0 - pw * np.exp(-gap * tr[sel])
                out["asa"][idx] = pw / gap
            else:
                answered = no_wait + pw * f_s
                out["answered"][idx] = answered
                out["abandonment"][idx] = pw * f_a
                out["asa"][idx] = pw * f_u * pr / answered
                if awt is not None:
                    out["service_level"][idx] = no_wait + pw * f_t
    for key in ("p_wait", "service_level", "abandonment", "occupancy"):
        out[key] = np.clip(out[key], 0.0, 1.0)     # only rounding in the last bit
    return {key: value.reshape(shape) for key, value in out.items()}


def _evaluate(metric, agents, traffic, aht, *, max_chats, slowdown, patience, awt=None,
              need_patience=False):
    scalar = is_scalar_call(agents, traffic, aht, max_chats, slowdown, patience, awt)
    index = series_index(agents=agents, traffic=traffic, aht=aht, max_chats=max_chats,
                         slowdown=slowdown, patience=patience, awt=awt)
    if need_patience and patience is None:
        patience = as_array("patience", patience)          # the named type error
    v = _inputs(agents, traffic, aht, max_chats, slowdown, patience, awt)
    n, a, h, m, s, p, t = broadcast(**v)
    _check_slots(n, m, value=agents)
    return wrap(_metrics(n, a, h, m, s, p, t)[metric], scalar, index, metric)


# ---------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------
def handling_time(aht, concurrency, slowdown=0.0) -> float | np.ndarray | pd.Series:
    """Mean handling time in seconds of one chat when its agent handles ``concurrency`` chats:
    ``aht (1 + slowdown (concurrency - 1))`` (``aht``: seconds for a chat handled alone;
    ``slowdown``: fraction of ``aht`` added per extra simultaneous chat)."""
    scalar = is_scalar_call(aht, concurrency, slowdown)
    index = series_index(aht=aht, concurrency=concurrency, slowdown=slowdown)
    h, j, s = broadcast(aht=as_array("aht", aht, low=0.0, low_inclusive=False),
                        concurrency=as_array("concurrency", concurrency, low=1.0, integer=True),
                        slowdown=as_array("slowdown", slowdown, high=1.0))
    return wrap(h * (1.0 + s * (j - 1.0)), scalar, index, "handling_time")


def p_wait(agents, traffic, aht, *, max_chats, slowdown=0.0, patience=None) -> float | np.ndarray | pd.Series:
    """Probability that a chat finds every slot busy and has to wait: ``sum_{k >= S} pi_k``
    with ``S = agents * max_chats`` (1 without patience when ``D = agents f(max_chats) <= traffic / aht``).

    ``traffic`` in single-chat Erlangs (``chats * aht / interval``), ``aht`` and ``patience`` in
    seconds; see the module docstring for the model and its even-spread assumption.
    """
    return _evaluate("p_wait", agents, traffic, aht, max_chats=max_chats, slowdown=slowdown,
                     patience=patience)


def service_level(agents, traffic, aht, awt, *, max_chats, slowdown=0.0,
                  patience=None) -> float | np.ndarray | pd.Series:
    """Share of offered chats answered within ``awt`` seconds (customers who leave count as not
    answered in time).

    Without patience ``SL = 1 - P(wait) exp(-(D - lambda) awt)`` with ``D = agents f(max_chats)``
    and ``lambda = traffic / aht`` per second (0 when ``D <= lambda``); with patience
    ``SL = P(no wait) + sum_j pi_{S+j} D / (D + (j+1) theta) I_{1 - e^{-theta awt}}(j+1, D/theta + 1)``.
    """
    if awt is None:
        as_array("awt", awt)            # the named type error
    return _evaluate("service_level", agents, traffic, aht, max_chats=max_chats,
                     slowdown=slowdown, patience=patience, awt=awt)


def asa(agents, traffic, aht, *, max_chats, slowdown=0.0, patience=None) -> float | np.ndarray | pd.Series:
    """Average speed of answer: mean wait in seconds of the answered chats.

    Without patience ``ASA = P(wait) / (D - lambda)`` (infinite when ``D <= lambda``); with
    patience ``sum_j pi_{S+j} D / (D + (j+1) theta) sum_{i=1..j+1} 1 / (D + i theta)`` divided by
    the answered share.
    """
    return _evaluate("asa", agents, traffic, aht, max_chats=max_chats, slowdown=slowdown,
                     patience=patience)


def abandonment(agents, traffic, aht, patience, *, max_chats, slowdown=0.0) -> float | np.ndarray | pd.Series:
    """Share of offered chats whose customer leaves before being answered:
    ``sum_j pi_{S+j} (j + 1) theta / (D + (j + 1) theta)``, ``theta = 1 / patience`` (seconds)."""
    return _evaluate("abandonment", agents, traffic, aht, max_chats=max_chats, slowdown=slowdown,
                     patience=patience, need_patience=True)


def occupancy(agents, traffic, aht, *, max_chats, slowdown=0.0, patience=None) -> float | np.ndarray | pd.Series:
    """Share of agent time with at least one chat: ``E[min(k, agents)] / agents`` (fraction; 1
    without patience when the queue grows without bound, 0 without agents or traffic)."""
    return _evaluate("occupancy", agents, traffic, aht, max_chats=max_chats, slowdown=slowdown,
                     patience=patience)


def mean_concurrency(agents, traffic, aht, *, max_chats, slowdown=0.0, patience=None) -> float | np.ndarray | pd.Series:
    """Mean number of chats an agent handles while busy: ``E[min(k, S)] / E[min(k, agents)]``
    (chats, between 1 and ``max_chats``; 0 when nobody is busy)."""
    return _evaluate("mean_concurrency", agents, traffic, aht, max_chats=max_chats,
                     slowdown=slowdown, patience=patience)


def agents_needed(traffic, aht, awt, target, *, max_chats, slowdown=0.0, patience=None,
                  max_occupancy=None, max_asa=None, max_abandonment=None) -> int | np.ndarray | pd.Series:
    """Smallest whole number of chat agents that meets every given target.

    ``target`` the service-level fraction for ``awt`` seconds; ``max_occupancy`` a fraction of
    agent time with at least one chat; ``max_asa`` seconds; ``max_abandonment`` a fraction of the
    offered chats (only with ``patience``). Zero traffic needs 0 agents. Every metric is
    monotone in the agent count (tested), so a bisection between a count that misses (the
    largest unstable count without patience; with patience the largest count below
    ``target * load``, as the answered share is at most ``D / lambda``) and one that meets every
    target (doubled until it does) returns ``n`` with ``n`` meeting every target and ``n - 1`` missing one, as
    :func:`service_level`, :func:`occupancy`, :func:`asa` and :func:`abandonment` report them.
    A target that needs more than ``agents * max_chats = 2**22`` slots raises a
    ``ParameterValueError`` (kind ``"unreachable_chat"``) naming that target.
    """
    scalar = is_scalar_call(traffic, aht, awt, target, max_chats, slowdown, patience,
                            max_occupancy, max_asa, max_abandonment)
    index = series_index(traffic=traffic, aht=aht, awt=awt, target=target, max_chats=max_chats,
                         slowdown=slowdown, patience=patience, max_occupancy=max_occupancy,
                         max_asa=max_asa, max_abandonment=max_abandonment)
    v = _inputs(None, traffic, aht, max_chats, slowdown, patience, awt, with_agents=False)
    sl = as_array("target", target, low=0.0, low_inclusive=False, high=1.0, high_inclusive=False)
    occ = optional_array("max_occupancy", max_occupancy, low=0.0, low_inclusive=False, high=1.0)
    wait = optional_array("max_asa", max_asa, low=0.0, low_inclusive=False)
    lost = optional_array("max_abandonment", max_abandonment, low=0.0, low_inclusive=False, high=1.0)
    if lost is not None and v["patience"] is None:
        raise value_error("max_abandonment", max_abandonment, "needs_patience",
                          "be given together with patience (without patience nobody leaves)",
                          f"max_abandonment={max_abandonment!r} and patience=None")
    del v["agents"]
    broadcast(**v, target=sl, max_occupancy=occ, max_asa=wait, max_abandonment=lost)
    p = v["patience"]
    arrays = np.broadcast_arrays(v["traffic"], v["aht"], v["max_chats"], v["slowdown"],
                                 np.nan if p is None else p, v["awt"], sl,
                                 1.0 if occ is None else occ, np.inf if wait is None else wait,
                                 1.0 if lost is None else lost)
    shape = arrays[0].shape
    a, h, m, s, p_, t, sl, occ_, wait_, lost_ = (np.ravel(x).astype(float) for x in arrays)
    need = np.zeros(a.size, dtype=np.int64)
    busy = np.flatnonzero(a > 0)
    if busy.size:
        a, h, m, s, p_, t, sl, occ_, wait_, lost_ = (x[busy] for x in (a, h, m, s, p_, t, sl, occ_,
                                                                        wait_, lost_))
        cap = np.floor(_MAX_SLOTS / m)

        def checks(n, rows):
            mt = _metrics(n, a[rows], h[rows], m[rows], s[rows], None if p is None else p_[rows],
                          t[rows])
            out = [(mt["service_level"] >= sl[rows], "target", sl),
                   (mt["occupancy"] <= occ_[rows], "max_occupancy", occ_),
                   (mt["asa"] <= wait_[rows], "max_asa", wait_)]
            if p is not None:
                out.append((mt["abandonment"] <= lost_[rows], "max_abandonment", lost_))
            return out

        def meets(n, rows):
            ok = np.ones(rows.size, dtype=bool)
            for passed, _, _ in checks(n, rows):
                ok &= passed
            return ok

        load = a * (1.0 + s * (m - 1.0)) / m           # lambda / f(max_chats): agents at full load
        # without patience every count with D <= lambda misses (unstable); with patience the
        # answered share is at most D / lambda = n / load, so every n < target load misses
        if p is None:
            low = np.floor(load)
        else:
            low = np.maximum(np.ceil(sl * load * (1.0 - 1e-9)) - 1.0, 0.0)
        low = np.minimum(low, cap - 1.0)
        high = np.clip(np.ceil(load + 3.0 * np.sqrt(load) + 3.0), low + 1.0, cap)
        rows = np.arange(a.size)
        todo = rows[~meets(high, rows)]
        while todo.size:
            stuck = todo[high[todo] >= cap[todo]]
            if stuck.size:
                for passed, name, values in checks(high[stuck[:1]], stuck[:1]):
                    if not passed[0]:
                        raise ParameterValueError(
                            name, float(values[stuck[0]]), "unreachable_chat",
                            f"{name}={float(values[stuck[0]])!r} cannot be met with "
                            f"agents * max_chats <= {_MAX_SLOTS} at traffic={float(a[stuck[0]])!r} Erlang")
            gap = high[todo] - low[todo]
            low[todo] = high[todo]
            high[todo] = np.minimum(high[todo] + 2.0 * gap, cap[todo])
            todo = todo[~meets(high[todo], todo)]
        todo = rows[high - low > 1]
        while todo.size:
            mid = np.floor((low[todo] + high[todo]) / 2.0)
            ok = meets(mid, todo)
            high[todo[ok]] = mid[ok]
            low[todo[~ok]] = mid[~ok]
            todo = todo[high[todo] - low[todo] > 1]
        need[busy] = high.astype(np.int64)
    need = need.reshape(shape)
    if index is not None:
        return pd.Series(need, index=index, name="agents_needed")
    return finish(need, scalar, dtype=int)


_RULES = ("divide_agents", "divide_aht")


def rule_of_thumb_agents(traffic, aht, awt, target, *, max_chats, rule="divide_agents",
                         patience=None) -> int | np.ndarray | pd.Series:
    """The concurrency-factor rule of thumb planners use, to set beside :func:`agents_needed`.

    ``rule="divide_agents"``: ``ceil(N_C / max_chats)`` with ``N_C`` the Erlang C agents for
    ``traffic`` and ``aht`` (seconds); ``rule="divide_aht"``: Erlang C with the AHT divided by
    ``max_chats``, i.e. traffic ``traffic / max_chats`` at AHT ``aht / max_chats``. Erlang A with
    ``patience`` (seconds). The rule ignores the slowdown of concurrent chats.
    """
    choice("rule", rule, _RULES)
    scalar = is_scalar_call(traffic, aht, awt, target, max_chats, patience)
    index = series_index(traffic=traffic, aht=aht, awt=awt, target=target, max_chats=max_chats,
                         patience=patience)
    m = as_array("max_chats", max_chats, low=1.0, integer=True)
    a, h, mm = broadcast(traffic=as_array("traffic", traffic),
                         aht=as_array("aht", aht, low=0.0, low_inclusive=False), max_chats=m)
    if rule == "divide_agents":
        n_c = np.asarray(erlang.agents_needed(a, h, awt, target, patience=patience), dtype=float)
        need = np.ceil(n_c / mm)
    else:
        need = np.asarray(erlang.agents_needed(a / mm, h / mm, awt, target, patience=patience),
                          dtype=float)
    need = np.broadcast_to(need, np.broadcast_shapes(need.shape, mm.shape)).astype(np.int64)
    if index is not None:
        return pd.Series(need, index=index, name="agents_needed")
    return finish(need, scalar, dtype=int)
