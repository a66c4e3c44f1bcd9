"""A small, seeded simulation of one contact-centre queue, to show that the Erlang formulas hold.

The model is the one behind Erlang C and Erlang A: Poisson arrivals, exponential handle
times, ``agents`` identical agents, first come first served, and (optionally) exponential
patience after which a waiting caller hangs up.

The simulation is event driven without an event list: with first come first served and
identical agents, a caller is answered at ``max(arrival, moment the first agent comes free)``,
because every earlier caller has already either taken an agent or hung up. A heap holds the
moment each agent comes free; a caller whose wait would exceed their patience hangs up and
leaves the heap untouched. That is exact for this model and needs one heap operation per call.

Estimates come with standard errors by batch means: the measured calls are cut into
``batches`` consecutive groups in arrival order and the spread of the group averages gives
the uncertainty, which also accounts for the correlation between neighbouring callers.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
import pandas as pd

from wfmcourse.domain import erlang
from wfmcourse.validation import (
    instance,
    one_dimensional,
    scalar,
    type_error,
    value_error,
    whole,
)

__all__ = ["QueueSimulation", "simulate_queue", "compare_with_erlang", "wait_curve", "estimate_patience"]

#: the rows of :attr:`QueueSimulation.summary`, named as the columns of the Erlang tables
METRICS = ("service_level", "asa", "abandonment", "wait_probability", "occupancy")


@dataclass(frozen=True)
class QueueSimulation:
    """Result of :func:`simulate_queue`.

    ``callers`` has one row per measured caller in arrival order with the columns ``arrival``
    (seconds), ``wait`` (seconds in the queue; for a caller who hung up, the time until hanging
    up), ``answered`` and ``in_time`` (answered within ``awt``). ``summary`` has one row per
    metric of :data:`METRICS` (index ``metric``) with the columns ``simulated`` and
    ``standard_error``.
    """

    agents: int
    traffic: float
    aht: float
    awt: float
    patience: float | None
    callers: pd.DataFrame
    summary: pd.DataFrame


def _batch_mean(values, batches):
    """Mean of ``values`` and its standard error from ``batches`` consecutive batch means."""
    means = np.array([part.mean() for part in np.array_split(np.asarray(values, float), batches)])
    return means.mean(), means.std(ddof=1) / np.sqrt(batches)


def fcfs_queue(arrival, handle, patience, agents, interval=np.inf,
               rng=None) -> tuple[np.ndarray, np.ndarray]:
    """First-come-first-served queue with a varying number of agents per interval.

    ``arrival`` sorted (seconds from the start of ``agents``' first interval). A heap holds the
    moment each agent comes free; with FCFS and identical agents a caller is answered at
    ``max(arrival, earliest free agent)`` unless the wait exceeds their patience. At each
    interval boundary the pool is resized to the agents of that interval (new agents are free
    at the boundary, leaving agents are picked at random and finish their call). A caller who
    would still be waiting at the next boundary already sees the agents of that interval. At
    closing time the agents on duty clear the queue. Returns (wait, answered).

    With one interval (``agents`` of length 1, ``interval=inf``) the staffing is fixed, as in
    :func:`simulate_queue`; ``rng`` is only used to pick leaving agents.
    """
    n = arrival.size
    wait = np.empty(n)
    answered = np.zeros(n, bool)
    heap: list[float] = []
    applied = -1
    last = agents.size - 1

    def resize(k):
        nonlocal heap
        target, size = int(agents[k]), len(heap)
        if target > size:
            for _ in range(target - size):
                heapq.heappush(heap, k * interval if k else 0.0)
        elif target < size:
            keep = np.sort(rng.choice(size, target, replace=False))
            heap = [heap[i] for i in keep]
            heapq.heapify(heap)

    for i, (t, h, g) in enumerate(zip(arrival.tolist(), handle.tolist(), patience.tolist())):
        k = int(t // interval)
        while applied < k:
            applied += 1
            resize(applied)
        while (applied < last and agents[applied + 1] > 0 and (applied + 1) * interval < t + g
               and (not heap or heap[0] > (applied + 1) * interval)):
            applied += 1
            resize(applied)
        if not heap:
            wait[i] = g
            continue
        start = heap[0] if heap[0] > t else t
        if start - t > g:
            wait[i] = g
        else:
            wait[i] = start - t
            answered[i] = True
            heapq.heapreplace(heap, start + h)
    return wait, answered


def simulate_queue(agents, traffic, aht, awt, patience=None, callers=20_000, seed=1, *,
                   warmup=1_000, batches=20) -> QueueSimulation:
    """Simulate ``warmup + callers`` callers of one queue and measure the last ``callers`` of them.

    ``traffic`` in Erlangs, ``aht``, ``awt`` and ``patience`` (mean, exponential) in seconds;
    without ``patience`` nobody hangs up (Erlang C) and ``agents`` must exceed ``traffic``.
    The random numbers are drawn from ``numpy.random.default_rng(seed)`` in the order
    inter-arrival gaps, handle times, patience times, so a run is fully reproducible.

    The service level counts callers who hang up as not answered in time, as
    :func:`wfmcourse.domain.erlang.service_level` does; the ASA is the mean wait of answered calls.
    """
    n = whole("agents", agents, low=1)
    a = scalar("traffic", traffic, low=0.0, low_inclusive=False)
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    t = scalar("awt", awt)
    p = None if patience is None else scalar("patience", patience, low=0.0, low_inclusive=False)
    k = whole("batches", batches, low=2)
    m = whole("callers", callers, low=10 * k)
    w0 = whole("warmup", warmup, low=0)
    if p is None and n <= a:
        raise value_error("agents", n, "inconsistent",
                          "be above traffic when patience is None (the queue would grow without "
                          "bound)", f"agents={n} and traffic={a:g}")
    seed = whole("seed", seed)

    total = w0 + m
    rng = np.random.default_rng(seed)
    gaps = rng.exponential(h / a, total)
    handle = rng.exponential(h, total)
    give_up = rng.exponential(float(p), total) if p is not None else np.full(total, np.inf)
    arrival = np.cumsum(gaps)
    wait, answered = fcfs_queue(arrival, handle, give_up, np.array([n]), np.inf, rng)

    start = arrival[w0 - 1] if w0 else 0.0    # the measurement starts after the warm-up
    keep = slice(w0, None)
    arrival, wait, answered, handle = arrival[keep], wait[keep], answered[keep], handle[keep]
    in_time = answered & (wait <= t)
    per_caller = pd.DataFrame({"arrival": arrival, "wait": wait, "answered": answered,
                             "in_time": in_time})

    # occupancy per batch: handle time of the answered calls over the agent time of the batch
    parts = np.array_split(np.arange(m), k)
    busy = np.array([(handle[part] * answered[part]).sum() for part in parts])
    ends = np.array([arrival[part[-1]] for part in parts])
    occ_batches = busy / (n * np.diff(ends, prepend=start))

    rows = {
        "service_level": _batch_mean(in_time, k),
        "asa": _batch_mean(wait[answered], k) if answered.sum() >= 2 * k else (np.nan, np.nan),
        "abandonment": _batch_mean(~answered, k),
        "wait_probability": _batch_mean(wait > 0, k),
        "occupancy": (occ_batches.mean(), occ_batches.std(ddof=1) / np.sqrt(k)),
    }
    summary = pd.DataFrame(rows, index=["simulated", "standard_error"]).T
    summary.index.name = "metric"
    return QueueSimulation(n, a, h, t, None if p is None else float(p), per_caller, summary)


def compare_with_erlang(result: QueueSimulation) -> pd.DataFrame:
    """The simulated metrics next to the formulas of :mod:`wfmcourse.domain.erlang`.

    Columns: ``simulated``, ``standard_error``, ``formula`` and ``z_score`` (simulated minus
    formula, divided by the standard error; within about 2 most of the time).
    ``wait_probability`` has no Erlang A formula in the package and is left out with patience.
    """
    instance("result", result, QueueSimulation, "a QueueSimulation from simulate_queue")
    n, a, h, t, p = result.agents, result.traffic, result.aht, result.awt, result.patience
    formula = {
        "service_level": erlang.service_level(n, a, h, t, patience=p),
        "asa": erlang.asa(n, a, h, patience=p),
        "abandonment": 0.0 if p is None else erlang.abandonment(n, a, h, p),
        "occupancy": erlang.occupancy(n, a, h, patience=p),
    }
    if p is None:
        formula["wait_probability"] = erlang.erlang_c(n, a)
    table = result.summary.loc[[m for m in METRICS if m in formula]].copy()
    table["formula"] = [formula[m] for m in table.index]
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (table["simulated"] - table["formula"]) / table["standard_error"]
    # zero spread and zero difference (nobody hangs up in Erlang C) is a perfect match
    table["z_score"] = np.where(
        (table["standard_error"] == 0) & (table["simulated"] == table["formula"]), 0.0, z)
    return table


def wait_curve(result: QueueSimulation, waits) -> pd.DataFrame:
    """Share of offered calls answered within each wait ``t`` in ``waits`` (seconds):
    simulated and by the formula (:func:`wfmcourse.domain.erlang.service_level` with ``awt=t``).

    Index: ``wait`` (seconds); columns ``simulated`` and ``formula`` (fractions).
    """
    instance("result", result, QueueSimulation, "a QueueSimulation from simulate_queue")
    t = one_dimensional("waits", waits)
    answered = result.callers["answered"].to_numpy()
    wait = np.sort(result.callers["wait"].to_numpy()[answered])
    simulated = np.searchsorted(wait, t, side="right") / len(result.callers)
    formula = erlang.service_level(result.agents, result.traffic, result.aht, t, patience=result.patience)
    return pd.DataFrame({"simulated": simulated, "formula": formula},
                        index=pd.Index(t, name="wait"))


def estimate_patience(wait, answered) -> pd.Series:
    """Estimate the mean patience from per-call data: queue time of every caller and whether
    they were answered (callers answered without waiting included).

    With exponential patience the best estimate is the total time all callers spent waiting
    (answered and abandoned) divided by the number who hung up: an answered caller waited
    *at least* that long without giving up, so their waits count too. The average wait of only
    those who hung up (the ATA) is shown alongside; it is far too low as a patience estimate.

    Returns a Series named ``patience`` with ``abandoned`` (count), ``ata`` (seconds, average
    time to abandon) and ``patience_estimate`` (seconds).
    """
    w = one_dimensional("wait", wait, scalar_ok=False)
    ok = np.asarray(answered)
    if ok.dtype != bool:
        raise type_error("answered", answered, "True/False per caller")
    if ok.shape != w.shape:
        raise value_error("answered", answered, "shape",
                          f"have one True/False per caller in wait ({w.size})", f"shape {ok.shape}")
    lost = int((~ok).sum())
    if lost == 0:
        raise value_error("answered", answered, "inconsistent",
                          "contain at least one caller who hung up (False)", "none")
    return pd.Series({"abandoned": lost, "ata": w[~ok].mean(), "patience_estimate": w.sum() / lost},
                     name="patience")
