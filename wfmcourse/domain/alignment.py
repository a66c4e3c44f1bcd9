"""Alignment cases in numbers: what a campaign, a split invoice or an IT outage does to the plan.

Small pure helpers on top of :mod:`wfmcourse.domain.erlang`, :mod:`wfmcourse.domain.shrinkage` and
:mod:`wfmcourse.domain.stakeholders`, used by notebook 06. Tables come back with Dutch column names,
because they are shown to learners as they are.

* :func:`interval_table` - per scenario (one interval each): offered load, service level, ASA,
  abandonment (Erlang A, when ``patience`` is given), agents needed and the shortfall.
* :func:`available_agents` - whole agents left after a capacity loss (rounded down).
* :func:`agents_to_roster` - whole agents to roster so that enough remain after a known loss.
* :func:`weekly_hours` - weekly workload, net and gross hours from a weekly volume.

Bad input raises ``ValueError`` naming the parameter and value.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.domain import erlang
from wfmcourse.domain import shrinkage as _shrinkage
from wfmcourse.domain import stakeholders as _stakeholders
from wfmcourse.validation import as_array, broadcast, scalar, type_error

__all__ = ["interval_table", "available_agents", "agents_to_roster", "weekly_hours"]

_ROUNDING = 1e-9   # absorbs float noise such as 40 * (1 - 0.15) = 33.99999...


def _labels(labels, n):
    if labels is None:
        return pd.RangeIndex(n)
    if isinstance(labels, (str, bytes)) or not hasattr(labels, "__iter__"):
        raise type_error("labels", labels, "a sequence of labels, one per scenario, or None")
    labels = list(labels)
    if len(labels) != n:
        raise ValueError(f"labels must have one label per scenario ({n}), got {len(labels)}: {labels!r}")
    return pd.Index(labels)


def interval_table(calls, agents, aht, *, awt=20, target=0.8, interval=900, patience=None,
                   labels=None, rostered=None) -> pd.DataFrame:
    """One row per scenario: what ``agents`` achieve against ``calls`` in one interval.

    ``calls`` and ``agents`` (whole numbers) are scalars or sequences that broadcast together;
    ``aht``, ``awt``, ``interval`` and ``patience`` in seconds, ``target`` the service-level
    fraction (0.8 for 80/20 with ``awt=20``). Without ``patience`` everything is Erlang C, with it
    Erlang A (callers hang up) and the table gets an ``afhakers`` column.

    Columns: ``aanbod``, ``verkeer (Erlang)``, ``ingeroosterd``, ``service level`` (fraction),
    ``ASA (s)`` (``inf`` in Erlang C when agents <= traffic), [``afhakers`` (fraction)],
    ``nodig`` (smallest whole number meeting ``target``, same model) and
    ``tekort`` (``nodig - ingeroosterd``, 0 when enough agents are planned).

    With ``rostered`` (whole agents per scenario, as ``agents``) the agents are those left after a
    loss: the table shows ``ingeroosterd`` (``rostered``) beside ``beschikbaar`` (``agents``), and
    ``tekort`` is ``nodig - beschikbaar``.
    """
    c = as_array("calls", calls)
    n = as_array("agents", agents, integer=True)
    if rostered is None:
        c, n = broadcast(calls=np.atleast_1d(c), agents=np.atleast_1d(n))
    else:
        c, n, r = broadcast(calls=np.atleast_1d(c), agents=np.atleast_1d(n),
                            rostered=np.atleast_1d(as_array("rostered", rostered, integer=True)))
    if c.ndim != 1:
        raise ValueError(f"calls must be a number or a one-dimensional sequence, got {calls!r}")
    a = erlang.traffic(c, aht, interval)
    need = erlang.agents_needed(a, aht, awt, target, patience=patience)
    table = pd.DataFrame({
        "aanbod": c,
        "verkeer (Erlang)": a,
        "ingeroosterd": n.astype(int),
        "service level": erlang.service_level(n, a, aht, awt, patience=patience),
        "ASA (s)": erlang.asa(n, a, aht, patience=patience),
    }, index=_labels(labels, len(c)))
    if patience is not None:
        table["afhakers"] = erlang.abandonment(n, a, aht, patience)
    table["nodig"] = np.asarray(need, dtype=int)
    table["tekort"] = np.maximum(table["nodig"] - table["ingeroosterd"], 0)
    if rostered is not None:
        table = table.rename(columns={"ingeroosterd": "beschikbaar"})
        table.insert(2, "ingeroosterd", r.astype(int))
    return table


def available_agents(agents, loss_fraction):
    """Whole agents still available when ``loss_fraction`` (0 to 1) of the capacity is lost.

    :func:`wfmcourse.domain.stakeholders.capacity_loss` rounded **down**: 15 % of 39 agents lost leaves
    33.15 agent-equivalents, and Erlang needs whole agents, so 33 (planning on 34 would promise
    capacity that is not there). Scalars give an ``int``, arrays an integer array.
    """
    left = np.asarray(_stakeholders.capacity_loss(as_array("agents", agents), loss_fraction))
    whole = np.floor(left + _ROUNDING).astype(int)
    return int(whole) if whole.ndim == 0 else whole


def agents_to_roster(needed, loss_fraction):
    """Whole agents to roster so that at least ``needed`` remain when ``loss_fraction`` is lost.

    ``ceil(needed / (1 - loss_fraction))``, the gross-up of :func:`wfmcourse.domain.shrinkage.gross_up`
    rounded **up**: with 39 needed and a known 15 % loss, 46 (45.9 rounded up). Adding 15 % on top
    (``39 * 1.15 = 44.85``, 45) is too little, for the same reason as with shrinkage.
    ``loss_fraction`` in [0, 1). Scalars give an ``int``, arrays an integer array.
    """
    n, f = broadcast(needed=as_array("needed", needed),
                     loss_fraction=as_array("loss_fraction", loss_fraction, high=1.0,
                                            high_inclusive=False))
    gross = np.asarray(_shrinkage.gross_up(n, f), dtype=float)
    whole = np.ceil(gross - _ROUNDING).astype(int)
    return int(whole) if whole.ndim == 0 else whole


def weekly_hours(weekly_volume, aht, *, occupancy=0.85, shrinkage=0.3) -> pd.DataFrame:
    """Weekly hours from a weekly volume, the rough way used in capacity meetings.

    * ``werklast (uur)`` = volume x AHT / 3600 (pure handling time);
    * ``netto uren`` = workload / ``occupancy`` (agents cannot be busy 100 % of the time; the
      precise figure comes from Erlang per interval, see notebooks 03 and 05);
    * ``bruto uren`` = net hours grossed up for ``shrinkage``: net / (1 - shrinkage).

    ``weekly_volume`` a sequence or Series (a Series keeps its index), ``aht`` in seconds (> 0),
    ``occupancy`` in (0, 1], ``shrinkage`` in [0, 1).
    """
    v = as_array("weekly_volume", weekly_volume)
    if v.ndim != 1 or v.size == 0:
        raise ValueError(f"weekly_volume must be a non-empty one-dimensional sequence, got {weekly_volume!r}")
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    scalar("shrinkage", shrinkage, high=1.0, high_inclusive=False)
    occ = scalar("occupancy", occupancy, low=0.0, low_inclusive=False, high=1.0)
    workload = v * h / 3600.0
    net = workload / occ
    gross = np.asarray(_shrinkage.gross_up(net, shrinkage), dtype=float)
    index = weekly_volume.index if isinstance(weekly_volume, pd.Series) else None
    return pd.DataFrame({"volume": v, "werklast (uur)": workload, "netto uren": net,
                         "bruto uren": gross}, index=index)
