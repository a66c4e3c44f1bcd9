"""What-if tables over the Erlang engine, for notebook 03 and the staffing calculator.

Every function is a thin, vectorised layer over :mod:`wfmcourse.domain.erlang`: it builds the
arrays of scenarios, calls the engine once, and returns a small ``pandas.DataFrame`` with
Dutch column names (the tables are shown to learners as they are). Fractions stay fractions
(0.888, not 88.8); times are in seconds. Bad input raises ``ValueError`` naming the parameter.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.domain import erlang
from wfmcourse.validation import one_dimensional, optional_array, scalar as _scalar

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

    Without ``patience`` (Erlang C) the table has the columns ``P(wachten)``, ``service level``,
    ``ASA (s)`` and ``occupancy``; ASA is ``inf`` where ``agents <= traffic`` (unstable queue).
    With ``patience`` (Erlang A, seconds) ``P(wachten)`` gives way to ``afhakers``, the share
    of callers who hang up. The index is ``medewerkers``.
    """
    a = _scalar("traffic", traffic)
    h = _scalar("aht", aht, low=0.0, low_inclusive=False)
    t = _scalar("awt", awt)
    p = optional_array("patience", patience, low=0.0, low_inclusive=False)
    if p is not None and p.ndim:
        raise ValueError(f"patience must be a single number, got {patience!r}")
    n = _agent_range(agents)
    index = pd.Index(n, name="medewerkers")
    if p is None:
        return pd.DataFrame(
            {
                "P(wachten)": erlang.erlang_c(n, a),
                "service level": erlang.service_level(n, a, h, t),
                "ASA (s)": erlang.asa(n, a, h),
                "occupancy": erlang.occupancy(n, a),
            },
            index=index,
        )
    return pd.DataFrame(
        {
            "service level": erlang.service_level(n, a, h, t, patience=p),
            "ASA (s)": erlang.asa(n, a, h, patience=p),
            "afhakers": erlang.abandonment(n, a, h, p),
            "occupancy": erlang.occupancy(n, a, h, patience=p),
        },
        index=index,
    )


def occupancy_targets(traffic, aht, awt, occupancies) -> pd.DataFrame:
    """What happens when the number of agents is set from an occupancy goal instead of a service level.

    For each goal ``o`` the staffing is the smallest whole number with ``traffic / n <= o``
    (``ceil(traffic / o)``); the table shows the agents, the occupancy that results, the
    Erlang C service level and the ASA. Index: ``occupancy-doel``.
    """
    a = _scalar("traffic", traffic, low=0.0, low_inclusive=False)
    h = _scalar("aht", aht, low=0.0, low_inclusive=False)
    t = _scalar("awt", awt)
    occ = one_dimensional("occupancies", occupancies, low=0.0, low_inclusive=False, high=1.0)
    # round away the last bits of 10 / 0.8 = 12.499999... before taking the ceiling
    n = np.ceil(np.round(a / occ, 9)).astype(np.int64)
    return pd.DataFrame(
        {
            "medewerkers": n,
            "occupancy": erlang.occupancy(n, a),
            "service level": erlang.service_level(n, a, h, t),
            "ASA (s)": erlang.asa(n, a, h),
        },
        index=pd.Index(occ, name="occupancy-doel"),
    )


def occupancy_by_load(loads, aht, awt, target, max_occupancy=None) -> pd.DataFrame:
    """Agents for a service-level target per load, the occupancy that follows, and, with
    ``max_occupancy``, the agents when occupancy is capped as well (Erlang C).

    Index: ``Erlang``. Columns: ``medewerkers``, ``occupancy`` and, with a cap,
    ``medewerkers met plafond`` and ``occupancy met plafond``.
    """
    a = one_dimensional("loads", loads)
    n = erlang.agents_needed(a, aht, awt, target)
    table = pd.DataFrame({"medewerkers": n, "occupancy": erlang.occupancy(n, a)},
                         index=pd.Index(a, name="Erlang"))
    if max_occupancy is not None:
        capped = erlang.agents_needed(a, aht, awt, target, max_occupancy=max_occupancy)
        table["medewerkers met plafond"] = capped
        table["occupancy met plafond"] = erlang.occupancy(capped, a)
    return table


def pooling_comparison(traffic, queues, aht, awt, target) -> pd.DataFrame:
    """``queues`` separate queues of ``traffic`` Erlang each versus one pooled queue with all the work.

    Erlang C, same service-level target for both. Index: ``gescheiden`` and ``samengevoegd``.
    Columns: ``wachtrijen``, ``Erlang per wachtrij``, ``medewerkers per wachtrij``,
    ``medewerkers totaal``, ``occupancy`` and ``service level``.
    """
    a = _scalar("traffic", traffic, low=0.0, low_inclusive=False)
    k = int(_scalar("queues", queues, low=1.0, integer=True))
    loads = np.array([a, a * k])
    n = erlang.agents_needed(loads, aht, awt, target)
    counts = np.array([k, 1])
    return pd.DataFrame(
        {
            "wachtrijen": counts,
            "Erlang per wachtrij": loads,
            "medewerkers per wachtrij": n,
            "medewerkers totaal": n * counts,
            "occupancy": erlang.occupancy(n, loads),
            "service level": erlang.service_level(n, loads, aht, awt),
        },
        index=pd.Index(["gescheiden", "samengevoegd"], name="opzet"),
    )


def agents_per_erlang(loads, aht, awt, target, patience=None) -> pd.DataFrame:
    """Agents needed per Erlang of load: the economies of scale of a bigger queue.

    One vectorised call of :func:`wfmcourse.domain.erlang.agents_needed` for all ``loads``.
    Index: ``Erlang``. Columns: ``medewerkers``, ``medewerkers per Erlang``, ``occupancy``.
    """
    a = one_dimensional("loads", loads, low=0.0, low_inclusive=False)
    n = erlang.agents_needed(a, aht, awt, target, patience=patience)
    occ = erlang.occupancy(n, a) if patience is None else erlang.occupancy(n, a, aht, patience=patience)
    return pd.DataFrame(
        {"medewerkers": n, "medewerkers per Erlang": n / a, "occupancy": occ},
        index=pd.Index(a, name="Erlang"),
    )


def sensitivity(calls, aht, interval, awt, target, *, extra_volume=0.10, extra_aht=10.0,
                patience=None) -> pd.DataFrame:
    """Extra agents when the volume rises by ``extra_volume`` (fraction) and/or the AHT by
    ``extra_aht`` seconds, all four scenarios in one vectorised call.

    Index: ``scenario`` (``basis``, ``meer volume``, ``langere AHT``, ``allebei``). Columns:
    ``gesprekken``, ``AHT (s)``, ``Erlang``, ``medewerkers``, ``extra medewerkers``.
    """
    c = _scalar("calls", calls)
    h = _scalar("aht", aht, low=0.0, low_inclusive=False)
    dv = _scalar("extra_volume", extra_volume, low=-1.0, low_inclusive=False)
    dh = _scalar("extra_aht", extra_aht, low=-h, low_inclusive=False)
    volume = c * np.array([1.0, 1.0 + dv, 1.0, 1.0 + dv])
    handle = h + np.array([0.0, 0.0, dh, dh])
    load = erlang.traffic(volume, handle, interval)
    n = erlang.agents_needed(load, handle, awt, target, patience=patience)
    return pd.DataFrame(
        {
            "gesprekken": volume,
            "AHT (s)": handle,
            "Erlang": load,
            "medewerkers": n,
            "extra medewerkers": n - n[0],
        },
        index=pd.Index(["basis", "meer volume", "langere AHT", "allebei"], name="scenario"),
    )


def erlang_c_versus_a(traffic, aht, awt, target, patiences) -> pd.DataFrame:
    """Agents for the same target by Erlang C (infinite patience) and Erlang A (mean patience
    in seconds), with the abandonment and service level Erlang A expects at its own answer.

    Index: ``geduld (s)``. Columns: ``Erlang C``, ``Erlang A``, ``verschil``, ``afhakers``,
    ``service level``.
    """
    a = _scalar("traffic", traffic, low=0.0, low_inclusive=False)
    p = one_dimensional("patiences", patiences, low=0.0, low_inclusive=False)
    c = erlang.agents_needed(a, aht, awt, target)
    n = erlang.agents_needed(a, aht, awt, target, patience=p)
    return pd.DataFrame(
        {
            "Erlang C": np.full(p.shape, c),
            "Erlang A": n,
            "verschil": c - n,
            "afhakers": erlang.abandonment(n, a, aht, p),
            "service level": erlang.service_level(n, a, aht, awt, patience=p),
        },
        index=pd.Index(p, name="geduld (s)"),
    )


def service_level_by_patience(traffic, aht, awt, agents, patiences) -> pd.DataFrame:
    """Service level per agent count for Erlang C and for Erlang A with each mean patience.

    One broadcast call per model. Index: ``medewerkers``; columns ``Erlang C`` and
    ``Erlang A, geduld <p> s`` for each patience ``p``.
    """
    a = _scalar("traffic", traffic)
    n = _agent_range(agents)
    p = one_dimensional("patiences", patiences, low=0.0, low_inclusive=False)
    table = pd.DataFrame({"Erlang C": erlang.service_level(n, a, aht, awt)},
                         index=pd.Index(n, name="medewerkers"))
    by_patience = erlang.service_level(n[:, None], a, aht, awt, patience=p[None, :])
    for j, value in enumerate(p):
        table[f"Erlang A, geduld {value:g} s"] = by_patience[:, j]
    return table
