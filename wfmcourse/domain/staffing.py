"""Staffing per interval: the one evaluator behind the command line, the calculator, the
dashboard and the lesson tables.

Every caller asks the same question - how many agents does this interval need, and what do
these agents achieve? - so every caller uses :func:`evaluate`, with one keyword order and one
meaning per name: ``interval``, ``aht``, ``awt``, ``patience`` and ``max_asa`` in seconds;
``target``, ``max_occupancy`` and ``max_abandonment`` fractions (0.8 for 80/20).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.domain import erlang
from wfmcourse.validation import as_array, broadcast, series_index, value_error

__all__ = ["COLUMNS", "evaluate"]

#: the columns of :func:`evaluate`, in order (``abandonment`` only with ``patience``)
COLUMNS = ("calls", "aht", "traffic", "agents_needed", "agents", "shortfall", "meets_target",
           "service_level", "asa", "occupancy", "abandonment")


def evaluate(calls, aht, *, interval=900, awt=20, target=0.8, patience=None, agents=None,
             max_occupancy=None, max_asa=None, max_abandonment=None) -> pd.DataFrame:
    """One row per interval: the agents needed to meet every target, and what the staffing achieves.

    ``calls`` offered per interval of ``interval`` seconds. Erlang C, or Erlang A when
    ``patience`` (mean patience, seconds) is given. Without ``agents`` the staffing is the
    smallest whole number meeting every target (:func:`~wfmcourse.domain.erlang.agents_needed`);
    with ``agents`` that staffing is evaluated. Inputs are numbers, sequences or Series that
    broadcast to one dimension; a Series' index becomes the frame's index (a scalar call gives
    one row).

    Columns: ``calls``, ``aht``, ``traffic`` (Erlang, ``calls * aht / interval``),
    ``agents_needed``, ``agents``, ``shortfall`` (``max(agents_needed - agents, 0)``),
    ``meets_target``, ``service_level``, ``asa`` (seconds; ``inf`` when the Erlang C queue
    grows without bound), ``occupancy`` and, with ``patience``, ``abandonment`` (fraction).
    """
    index = series_index(calls=calls, aht=aht, interval=interval, awt=awt, target=target,
                         patience=patience, agents=agents)
    c = as_array("calls", calls)
    h = as_array("aht", aht, low=0.0, low_inclusive=False)
    n_given = None if agents is None else as_array("agents", agents, integer=True)
    c, h, n_given = broadcast(calls=c, aht=h, agents=n_given)
    if c.ndim > 1:
        raise value_error("calls", calls, "shape",
                          "be a number or a one-dimensional sequence (one per interval)")
    c, h = np.atleast_1d(c), np.atleast_1d(h)
    a = np.atleast_1d(erlang.traffic(c, h, interval))
    needed = np.atleast_1d(erlang.agents_needed(
        a, h, awt, target, patience=patience, max_occupancy=max_occupancy, max_asa=max_asa,
        max_abandonment=max_abandonment)).astype(np.int64)
    n = needed if n_given is None else np.atleast_1d(n_given).astype(np.int64)
    needed, n, a, h, c = np.broadcast_arrays(needed, n, a, h, c)
    if index is not None and len(index) != len(c):
        raise value_error("calls", calls, "shape",
                          f"have one value per row of the Series index ({len(index)})")
    table = pd.DataFrame({
        "calls": c,
        "aht": h,
        "traffic": a,
        "agents_needed": needed,
        "agents": n,
        "shortfall": np.maximum(needed - n, 0),
        "meets_target": n >= needed,
        "service_level": np.atleast_1d(erlang.service_level(n, a, h, awt, patience=patience)),
        "asa": np.atleast_1d(erlang.asa(n, a, h, patience=patience)),
        "occupancy": np.atleast_1d(erlang.occupancy(n, a, h, patience=patience)),
    }, index=index)
    if patience is not None:
        table["abandonment"] = np.atleast_1d(erlang.abandonment(n, a, h, patience))
    return table
