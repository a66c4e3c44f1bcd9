"""Alignment cases in numbers: what a campaign, a split invoice or an IT outage does to the plan.

Small pure helpers on top of :mod:`wfmcourse.domain.staffing`, :mod:`wfmcourse.domain.shrinkage`
and :mod:`wfmcourse.domain.stakeholders`, used by notebook 09. Tables have English snake_case
column names (``presentation.dutch.table`` shows them in Dutch).

* :func:`interval_table` - per scenario (one interval each): offered load, service level, ASA,
  abandonment (Erlang A, when ``patience`` is given), agents needed and the shortfall.
* :func:`available_agents` - whole agents left after a capacity loss (rounded down).
* :func:`agents_to_roster` - whole agents to roster so that enough remain after a known loss.
* :func:`weekly_hours` - weekly workload, net and gross hours from a weekly volume.

Bad input raises a typed ``ValueError`` or ``TypeError`` naming the parameter and value.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.domain import shrinkage as _shrinkage
from wfmcourse.domain import staffing
from wfmcourse.domain import stakeholders as _stakeholders
from wfmcourse.validation import (
    as_array,
    broadcast,
    one_dimensional,
    scalar,
    type_error,
    value_error,
)

__all__ = ["interval_table", "available_agents", "agents_to_roster", "weekly_hours"]

_ROUNDING = 1e-9   # absorbs float noise such as 40 * (1 - 0.15) = 33.99999...


def _labels(labels, n):
    if labels is None:
        return pd.RangeIndex(n)
    if isinstance(labels, (str, bytes)) or not hasattr(labels, "__iter__"):
        raise type_error("labels", labels, "a sequence of labels, one per scenario, or None")
    labels = list(labels)
    if len(labels) != n:
        raise value_error("labels", labels, "shape", f"have one label per scenario ({n})",
                          f"{len(labels)}: {labels!r}")
    return pd.Index(labels)


def interval_table(calls, aht, *, interval=900, awt=20, target=0.8, patience=None, agents,
                   rostered=None, labels=None) -> pd.DataFrame:
    """One row per scenario: what ``agents`` achieve against ``calls`` in one interval.

    The row of :func:`wfmcourse.domain.staffing.evaluate` for the given staffing. ``calls`` and
    ``agents`` (whole numbers) are scalars or sequences that broadcast together; ``aht``,
    ``awt``, ``interval`` and ``patience`` in seconds, ``target`` the service-level fraction.
    Erlang C, or Erlang A with ``patience`` (then with an ``abandonment`` column).

    Columns: ``offered_calls``, ``traffic`` (Erlang), ``agents_scheduled``,
    ``service_level`` (fraction), ``asa`` (seconds; ``inf`` in Erlang C when agents <= load),
    [``abandonment`` (fraction)], ``agents_needed`` (smallest whole number meeting ``target``)
    and ``shortfall`` (``max(agents_needed - agents, 0)``).

    With ``rostered`` (whole agents per scenario) the agents are those left after a loss: the
    table shows ``agents_scheduled`` (``rostered``) beside ``agents_available`` (``agents``),
    and ``shortfall`` is ``agents_needed - agents_available``.
    """
    c = np.atleast_1d(as_array("calls", calls))
    n = np.atleast_1d(as_array("agents", agents, integer=True))
    r = None if rostered is None else np.atleast_1d(as_array("rostered", rostered, integer=True))
    c, n, r = broadcast(calls=c, agents=n, rostered=r)
    if c.ndim != 1:
        raise value_error("calls", calls, "shape", "be a number or a one-dimensional sequence")
    rows = staffing.evaluate(c, aht, interval=interval, awt=awt, target=target,
                             patience=patience, agents=n)
    names = {"calls": "offered_calls", "traffic": "traffic", "agents": "agents_scheduled",
             "service_level": "service_level", "asa": "asa", "abandonment": "abandonment",
             "agents_needed": "agents_needed", "shortfall": "shortfall"}
    table = rows[[column for column in names if column in rows.columns]].rename(columns=names)
    table.index = _labels(labels, len(c))
    if rostered is not None:
        table = table.rename(columns={"agents_scheduled": "agents_available"})
        table.insert(2, "agents_scheduled", r.astype(np.int64))
    return table


def available_agents(agents, loss_fraction) -> int | np.ndarray:
    """Whole agents still available when ``loss_fraction`` (0 to 1) of the capacity is lost.

    :func:`wfmcourse.domain.stakeholders.capacity_loss` rounded **down**: 15 % of 39 agents lost leaves
    33.15 agent-equivalents, and Erlang needs whole agents, so 33 (planning on 34 would promise
    capacity that is not there). Scalars give an ``int``, arrays an integer array.
    """
    left = np.asarray(_stakeholders.capacity_loss(as_array("agents", agents), loss_fraction))
    whole = np.floor(left + _ROUNDING).astype(int)
    return int(whole) if whole.ndim == 0 else whole


def agents_to_roster(agents_needed, loss_fraction) -> int | np.ndarray:
    """Whole agents to roster so that at least ``agents_needed`` remain when ``loss_fraction`` is lost.

    ``ceil(agents_needed / (1 - loss_fraction))``, the gross-up of :func:`wfmcourse.domain.shrinkage.gross_up`
    rounded **up**: with 39 needed and a known 15 % loss, 46 (45.9 rounded up). Adding 15 % on top
    (``39 * 1.15 = 44.85``, 45) is too little, for the same reason as with shrinkage.
    ``loss_fraction`` in [0, 1). Scalars give an ``int``, arrays an integer array.
    """
    n, f = broadcast(agents_needed=as_array("agents_needed", agents_needed),
                     loss_fraction=as_array("loss_fraction", loss_fraction, high=1.0,
                                            high_inclusive=False))
    gross = np.asarray(_shrinkage.gross_up(n, f), dtype=float)
    whole = np.ceil(gross - _ROUNDING).astype(int)
    return int(whole) if whole.ndim == 0 else whole


def weekly_hours(weekly_volume, aht, *, occupancy=0.85, shrinkage=0.3) -> pd.DataFrame:
    """Weekly hours from a weekly volume, the rough way used in capacity meetings.

    * ``workload_hours`` = volume x AHT / 3600 (pure handling time);
    * ``net_hours`` = workload / ``occupancy`` (agents cannot be busy 100 % of the time; the
      precise figure comes from Erlang per interval, see notebooks 03 and 05);
    * ``gross_hours`` = net hours grossed up for ``shrinkage``: net / (1 - shrinkage).

    ``weekly_volume`` a sequence or Series (a Series keeps its index), ``aht`` in seconds (> 0),
    ``occupancy`` in (0, 1], ``shrinkage`` in [0, 1).
    """
    v = one_dimensional("weekly_volume", weekly_volume, scalar_ok=False)
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    scalar("shrinkage", shrinkage, high=1.0, high_inclusive=False)
    occ = scalar("occupancy", occupancy, low=0.0, low_inclusive=False, high=1.0)
    workload = v * h / 3600.0
    net = workload / occ
    gross = np.asarray(_shrinkage.gross_up(net, shrinkage), dtype=float)
    index = weekly_volume.index if isinstance(weekly_volume, pd.Series) else None
    return pd.DataFrame({"volume": v, "workload_hours": workload, "net_hours": net,
                         "gross_hours": gross}, index=index)
