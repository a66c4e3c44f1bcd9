"""What-if tables over the Erlang engine, for notebook 03 and the staffing calculator.

Every function is a thin, vectorised layer over :mod:`wfmcourse.domain.erlang` (or, per
interval of calls, :func:`wfmcourse.domain.staffing.evaluate`): it builds the arrays of
scenarios, calls the engine once, and returns a small ``pandas.DataFrame`` with English
snake_case column and index names (``presentation.dutch.table`` shows them in Dutch).
Fractions stay fractions (0.888, not 88.8); times are in seconds. Bad input raises a typed
``ValueError`` naming the parameter.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.domain import erlang, staffing
from wfmcourse.validation import one_dimensional, optional_scalar, scalar

__all__ = [
    "staffing_table",
    "occupancy_targets",
    "occupancy_by_load",
    "pooling_comparison",
    "agents_per_erlang",
    "sensitivity",
    "erlang_c_versus_a",
    "service_level_by_patience",
]


def _agent_range(agents):
    return one_dimensional("agents", agents, integer=True).astype(np.int64)


def staffing_table(traffic, aht, awt, agents, patience=None) -> pd.DataFrame:
    """Service level, ASA and occupancy for each agent count in ``agents``.

``traffic`` in Erlang, ``aht``, ``awt`` and ``patience`` in seconds. Without ``patience``
    (Erlang C) the columns are ``wait_probability``, ``service_level``, ``asa`` (seconds) and
    ``occupancy`` (fractions); ``asa`` is ``inf`` where ``agents <= traffic`` (unstable queue).
    With ``patience`` (Erlang A) ``wait_probability`` gives way to ``abandonment``, the share of
    callers who hang up. Index: ``agents``.
    """
    a = scalar("traffic", traffic)
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    t = scalar("awt", awt)
    p = optional_scalar("patience", patience, low=0.0, low_inclusive=False)
    n = _agent_range(agents)
    index = pd.Index(n, name="agents")
    if p is None:
        return pd.DataFrame(
            {
                "wait_probability": erlang.erlang_c(n, a),
                "service_level": erlang.service_level(n, a, h, t),
                "asa": erlang.asa(n, a, h),
                "occupancy": erlang.occupancy(n, a),
            },
            index=index,
        )
    return pd.DataFrame(
        {
            "service_level": erlang.service_level(n, a, h, t, patience=p),
            "asa": erlang.asa(n, a, h, patience=p),
            "abandonment": erlang.abandonment(n, a, h, p),
            "occupancy": erlang.occupancy(n, a, h, patience=p),
        },
        index=index,
    )


def occupancy_targets(traffic, aht, awt, occupancies) -> pd.DataFrame:
    """What happens when the number of agents is set from an occupancy goal instead of a service level.

    For each goal ``o`` the staffing is the smallest whole number with ``traffic / n <= o``
    (``ceil(traffic / o)``). Columns: ``agents``, the resulting ``occupancy``, the Erlang C
    ``service_level`` and ``asa`` (seconds). Index: ``occupancy_goal`` (fractions).
    """
    a = scalar("traffic", traffic, low=0.0, low_inclusive=False)
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    t = scalar("awt", awt)
    occ = one_dimensional("occupancies", occupancies, low=0.0, low_inclusive=False, high=1.0)
    # round away the last bits of 10 / 0.8 = 12.499999... before taking the ceiling
    n = np.ceil(np.round(a / occ, 9)).astype(np.int64)
    return pd.DataFrame(
        {
            "agents": n,
            "occupancy": erlang.occupancy(n, a),
            "service_level": erlang.service_level(n, a, h, t),
            "asa": erlang.asa(n, a, h),
        },
        index=pd.Index(occ, name="occupancy_goal"),
    )


def occupancy_by_load(traffic, aht, awt, target, max_occupancy=None) -> pd.DataFrame:
    """Agents for a service-level target per load in ``traffic`` (Erlang), the occupancy that follows, and, with
    ``max_occupancy``, the agents when occupancy is capped as well (Erlang C).

    Index: ``load`` (Erlang). Columns: ``agents``, ``occupancy`` and, with a cap,
    ``agents_capped`` and ``occupancy_capped``.
    """
    a = one_dimensional("traffic", traffic)
    n = erlang.agents_needed(a, aht, awt, target)
    table = pd.DataFrame({"agents": n, "occupancy": erlang.occupancy(n, a)},
                         index=pd.Index(a, name="load"))
    if max_occupancy is not None:
        capped = erlang.agents_needed(a, aht, awt, target, max_occupancy=max_occupancy)
        table["agents_capped"] = capped
        table["occupancy_capped"] = erlang.occupancy(capped, a)
    return table


def pooling_comparison(traffic, aht, awt, target, *, queues) -> pd.DataFrame:
    """``queues`` separate queues of ``traffic`` Erlang each versus one pooled queue with all the work.

    Erlang C, same service-level target for both. Index ``setup``: ``separate`` and ``pooled``.
    Columns: ``queues``, ``traffic_per_queue`` (Erlang), ``agents_per_queue``, ``agents_total``,
    ``occupancy`` and ``service_level``.
    """
    a = scalar("traffic", traffic, low=0.0, low_inclusive=False)
    k = int(scalar("queues", queues, low=1.0, integer=True))
    loads = np.array([a, a * k])
    n = erlang.agents_needed(loads, aht, awt, target)
    counts = np.array([k, 1])
    return pd.DataFrame(
        {
            "queues": counts,
            "traffic_per_queue": loads,
            "agents_per_queue": n,
            "agents_total": n * counts,
            "occupancy": erlang.occupancy(n, loads),
            "service_level": erlang.service_level(n, loads, aht, awt),
        },
        index=pd.Index(["separate", "pooled"], name="setup"),
    )


def agents_per_erlang(traffic, aht, awt, target, patience=None) -> pd.DataFrame:
    """Agents needed per Erlang of load: the economies of scale of a bigger queue.

    One vectorised call of :func:`wfmcourse.domain.erlang.agents_needed` for all loads in ``traffic`` (Erlang).
    Index: ``load`` (Erlang). Columns: ``agents``, ``agents_per_erlang``, ``occupancy``.
    """
    a = one_dimensional("traffic", traffic, low=0.0, low_inclusive=False)
    n = erlang.agents_needed(a, aht, awt, target, patience=patience)
    occ = erlang.occupancy(n, a) if patience is None else erlang.occupancy(n, a, aht, patience=patience)
    return pd.DataFrame(
        {"agents": n, "agents_per_erlang": n / a, "occupancy": occ},
        index=pd.Index(a, name="load"),
    )


def sensitivity(calls, aht, *, interval=900, awt=20, target=0.8, patience=None,
                extra_volume=0.10, extra_aht=10.0) -> pd.DataFrame:
    """Extra agents when the volume rises by ``extra_volume`` (fraction) and/or the AHT by
    ``extra_aht`` seconds: four scenarios in one call of :func:`wfmcourse.domain.staffing.evaluate`.

    ``calls`` per interval of ``interval`` seconds, ``aht`` and ``awt`` in seconds, ``target`` a
    fraction. Index ``scenario``: ``base``, ``more_volume``, ``longer_aht``, ``volume_and_aht``.
    Columns: ``calls``, ``aht``, ``load`` (Erlang), ``agents`` and ``extra_agents`` (versus
    ``base``).
    """
    c = scalar("calls", calls)
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    dv = scalar("extra_volume", extra_volume, low=-1.0, low_inclusive=False)
    dh = scalar("extra_aht", extra_aht, low=-h, low_inclusive=False)
    table = staffing.evaluate(c * np.array([1.0, 1.0 + dv, 1.0, 1.0 + dv]),
                              h + np.array([0.0, 0.0, dh, dh]), interval=interval, awt=awt,
                              target=target, patience=patience)
    table = table[["calls", "aht", "traffic", "agents"]].rename(columns={"traffic": "load"})
    table.index = pd.Index(["base", "more_volume", "longer_aht", "volume_and_aht"], name="scenario")
    return table.assign(extra_agents=table["agents"] - table["agents"].iloc[0])


def erlang_c_versus_a(traffic, aht, awt, target, patiences) -> pd.DataFrame:
    """Agents for the same target by Erlang C (infinite patience) and Erlang A (mean patience
    in seconds), with the abandonment and service level Erlang A expects at its own answer.

    Index: ``patience`` (seconds). Columns: ``agents_erlang_c``, ``agents_erlang_a``,
    ``agents_difference`` (C minus A), ``abandonment`` and ``service_level`` (fractions).
    """
    a = scalar("traffic", traffic, low=0.0, low_inclusive=False)
    p = one_dimensional("patiences", patiences, low=0.0, low_inclusive=False)
    c = erlang.agents_needed(a, aht, awt, target)
    n = erlang.agents_needed(a, aht, awt, target, patience=p)
    return pd.DataFrame(
        {
            "agents_erlang_c": np.full(p.shape, c),
            "agents_erlang_a": n,
            "agents_difference": c - n,
            "abandonment": erlang.abandonment(n, a, aht, p),
            "service_level": erlang.service_level(n, a, aht, awt, patience=p),
        },
        index=pd.Index(p, name="patience"),
    )


def service_level_by_patience(traffic, aht, awt, agents, patiences) -> pd.DataFrame:
    """Service level per agent count for Erlang C and for Erlang A with each mean patience.

    One broadcast call per model. Index: ``agents``. Columns (named ``patience``): the mean
    patience in seconds, ``inf`` first for Erlang C (nobody hangs up), then each of ``patiences``.
    """
    a = scalar("traffic", traffic)
    n = _agent_range(agents)
    p = one_dimensional("patiences", patiences, low=0.0, low_inclusive=False)
    by_patience = erlang.service_level(n[:, None], a, aht, awt, patience=p[None, :])
    values = np.column_stack([erlang.service_level(n, a, aht, awt), by_patience])
    return pd.DataFrame(values, index=pd.Index(n, name="agents"),
                        columns=pd.Index(np.concatenate([[np.inf], p]), name="patience"))
