"""Improving at the source (kern-contact) instead of planning around avoidable demand.

The logic behind notebook 10 (the lesson's Dutch texts and example table live in
:mod:`wfmcourse.course.exercises.kerncontact`, the Dutch headers in :data:`wfmcourse.presentation.dutch.LABELS`):

* :func:`pareto` - contact reasons sorted by volume with share and cumulative share, and the
  "vital few" that together make up the first 80 % (the cutoff is a parameter);
* :func:`avoidable_savings` and :func:`reason_savings` - what removing part of the avoidable
  (failure) demand saves in contacts, workload hours, agents (Erlang C per interval via
  :func:`wfmcourse.domain.erlang.agents_needed`) and FTE (via :func:`wfmcourse.domain.shrinkage.gross_up`
  and the contract hours); :func:`reason_savings` gives each contact reason its own AHT;
* :func:`remaining_aht` - the AHT of the contact mix that is left, so a learner sees why an
  AHT target can turn red *because* an improvement worked;
* :func:`impact_effort_quadrant` and :func:`prioritise` - the impact-effort matrix with the
  quadrant keys of :data:`QUADRANTS`, computed from scores instead of placed by hand (drawn by
  :func:`wfmcourse.presentation.charts.impact_effort_matrix`);
* :func:`self_assessment` - scores (1-5) on a set of starting points (the kern-contact approach's
  are in the course layer), with the strongest and weakest points.

Functions are pure and vectorised; bad input raises ``ValueError`` (a wrong type
``TypeError``) naming the parameter and the value (via :mod:`wfmcourse.validation`). Fractions are
0-1, times in seconds, counts in contacts.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from wfmcourse.domain import erlang
from wfmcourse.domain.kpi import fte as _fte
from wfmcourse.domain.shrinkage import gross_up
from wfmcourse.validation import (
    as_array,
    broadcast,
    dataframe,
    one_dimensional,
    scalar,
    two_by_two,
    type_error,
    value_error,
)

__all__ = [
    "QUADRANTS",
    "avoidable_share",
    "pareto",
    "avoidable_savings",
    "reason_savings",
    "remaining_aht",
    "impact_effort_quadrant",
    "prioritise",
    "SelfAssessment",
    "self_assessment",
]

#: The quadrants of the impact-effort matrix, in the order in which you tackle them:
#: high impact/low effort, high/high, low/low, low impact/high effort.
QUADRANTS = ("do_now", "plan_project", "later_list", "do_not")


# ---------------------------------------------------------------------------
# Pareto of contact reasons
# ---------------------------------------------------------------------------
def avoidable_share(counts, avoidable) -> float:
    """Share (fraction 0-1) of all contacts that is avoidable: ``sum(counts * avoidable) / sum(counts)``.

    ``counts`` per contact reason (>= 0), ``avoidable`` a flag (bool/0/1) or a fraction 0-1 per
    reason. Weighted by contacts, not by reasons.
    """
    c, f = broadcast(counts=as_array("counts", counts),
                     avoidable=as_array("avoidable", avoidable, high=1.0, allow_bool=True))
    if c.sum() <= 0:
        raise ValueError(f"counts must add up to more than 0, got {counts!r}")
    return float(np.average(f, weights=c))


def pareto(reasons, counts=None, *, cutoff=0.8) -> pd.DataFrame:
    """Contact reasons sorted by volume, with share, cumulative share and the "vital few".

    ``reasons`` is either one label per contact (counted), or - with ``counts`` - the labels
    belonging to ``counts`` (repeated labels are added up). A pandas Series with a numeric dtype
    and no ``counts`` is read as counts indexed by reason (the output of ``value_counts``).

    Returns a DataFrame indexed by ``contact_reason`` with the columns ``contacts``, ``contact_share``
    (fraction), ``cumulative_share`` (fraction, the last row exactly 1) and ``vital_few``: True for
    the smallest set of top reasons whose cumulative share reaches ``cutoff`` (0.8 = the 80 %
    of the 80/20 rule). Equal counts are ordered by label so the result is deterministic.
    """
    c = float(as_array("cutoff", cutoff, low=0.0, low_inclusive=False, high=1.0))
    if counts is None and isinstance(reasons, pd.Series) and pd.api.types.is_numeric_dtype(reasons):
        labels, values = reasons.index, reasons.to_numpy()
        counts_name = "reasons"
    elif isinstance(reasons, (str, bytes)) or not hasattr(reasons, "__iter__"):
        raise type_error("reasons", reasons, "a sequence of labels")
    elif counts is None:
        if np.ndim(reasons) != 1:
            raise ValueError(f"reasons must be a one-dimensional sequence of labels, got {reasons!r}")
        labels = pd.Index(pd.Series(reasons).to_numpy())
        if labels.isna().any():
            raise ValueError(f"reasons must not contain missing labels, got {reasons!r}")
        values = np.ones(len(labels))
        counts_name = "counts"
    else:
        if np.ndim(reasons) != 1:
            raise ValueError(f"reasons must be a one-dimensional sequence of labels, got {reasons!r}")
        labels, values, counts_name = pd.Index(list(reasons)), counts, "counts"
    values = as_array(counts_name, values)
    if values.ndim != 1 or len(values) != len(labels):
        raise ValueError(f"counts must have one number per reason, got {len(labels)} reasons and "
                         f"counts of shape {values.shape}")
    if len(values) == 0:
        raise ValueError(f"reasons must not be empty, got {reasons!r}")
    total_counts = pd.Series(values, index=labels).groupby(level=0, sort=True).sum()
    if (values == np.round(values)).all():
        total_counts = total_counts.astype(np.int64)   # whole contacts stay whole numbers
    if total_counts.sum() <= 0:
        raise ValueError(f"{counts_name} must add up to more than 0, got {values.sum()!r}")
    order = np.lexsort((np.arange(len(total_counts)), -total_counts.to_numpy()))
    table = total_counts.iloc[order].to_frame("contacts")
    table.index.name = "contact_reason"
    total = table["contacts"].sum()
    table["contact_share"] = table["contacts"] / total
    table["cumulative_share"] = table["contacts"].cumsum() / total
    before = table["cumulative_share"] - table["contact_share"]
    table["vital_few"] = (before < c - 1e-12).to_numpy()
    return table


# ---------------------------------------------------------------------------
# What removing avoidable contacts saves
# ---------------------------------------------------------------------------
def _check_norm(interval, awt, target, shrinkage, contract_hours):
    seconds = scalar("interval", interval, low=0.0, low_inclusive=False)
    as_array("awt", awt)
    as_array("target", target, low=0.0, low_inclusive=False, high=1.0, high_inclusive=False)
    s = scalar("shrinkage", shrinkage, high=1.0, high_inclusive=False)
    hours = scalar("contract_hours", contract_hours, low=0.0, low_inclusive=False)
    return seconds, s, hours


def _savings_table(vol, avoided, aht_before, workload_avoided, red, seconds, awt, target, s, hours):
    """Erlang C before and after per interval; ``avoided``/``workload_avoided`` are reduction x interval.

    After the removal each interval keeps ``vol - avoided`` contacts with the workload
    ``vol * aht_before - workload_avoided`` seconds, so its AHT is workload / contacts.
    """
    before = erlang.agents_needed(erlang.traffic(vol, aht_before, seconds), aht_before, awt, target)
    left = vol[None, :] - avoided
    work_left = np.maximum(vol * aht_before - workload_avoided, 0.0)
    busy = left > 0
    aht_after = np.where(busy, work_left / np.where(busy, left, 1.0), aht_before)
    traffic_after = np.where(busy, work_left / seconds, 0.0)
    after = erlang.agents_needed(traffic_after, aht_after, awt, target)
    net_hours = (before[None, :] - after).sum(axis=1) * seconds / 3600.0
    gross = gross_up(net_hours, s)
    return pd.DataFrame({
        "reduction": red,
        "contacts_avoided": avoided.sum(axis=1),
        "workload_hours_saved": workload_avoided.sum(axis=1) / 3600.0,
        "net_hours_saved": net_hours,
        "gross_hours_saved": gross,
        "fte_saved": _fte(gross, hours),
        "peak_agents_saved": before.max() - after.max(axis=1),
    })


def avoidable_savings(volume, avoidable_share, reduction, aht, *, interval=900, awt=20,
                      target=0.8, shrinkage=0.3, contract_hours=36.0) -> pd.DataFrame:
    """What removing ``reduction`` of the avoidable contacts saves, one row per reduction.

    For contacts that all have the same AHT; when the avoidable reasons have their own AHT, use
    :func:`reason_savings`.

    ``volume``: contacts per interval (a number or a sequence/Series covering the period you
    want the FTE for, usually one week of 15-minute intervals); ``avoidable_share``: fraction of
    the contacts that is avoidable (failure demand), one value or one per interval;
    ``reduction``: fraction of the avoidable contacts you manage to remove, one value or a
    sequence (one output row each); ``aht`` in seconds; ``interval`` in seconds; ``awt`` and
    ``target`` the service-level norm (80/20 by default); ``shrinkage`` a fraction < 1;
    ``contract_hours`` the full-time week.

    Per interval: ``avoided = volume * avoidable_share * reduction``; the agents are
    :func:`wfmcourse.domain.erlang.agents_needed` (Erlang C) before and after. Columns:

    * ``reduction`` - the reduction (fraction);
    * ``contacts_avoided`` - ``sum(avoided)`` contacts;
    * ``workload_hours_saved`` - ``sum(avoided) * aht / 3600`` hours: pure handling time;
    * ``net_hours_saved`` - ``sum(agents_before - agents_after) * interval / 3600`` agent hours;
    * ``gross_hours_saved`` - :func:`~wfmcourse.domain.shrinkage.gross_up` of the net hours;
    * ``fte_saved`` - gross hours / ``contract_hours``;
    * ``peak_agents_saved`` - agents needed in the busiest interval before minus after.

    Savings are zero at reduction 0 and never decrease as the reduction grows. Because Erlang
    rounds up to whole agents per interval, the net hours move in steps; because of the scale
    effect, the agents saved are a smaller share than the contacts removed.
    """
    vol = one_dimensional("volume", volume)
    share = as_array("avoidable_share", avoidable_share, high=1.0)
    red = one_dimensional("reduction", reduction, high=1.0)
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    seconds, s, hours = _check_norm(interval, awt, target, shrinkage, contract_hours)
    vol, share = broadcast(volume=vol, avoidable_share=np.atleast_1d(share))
    avoided = red[:, None] * (vol * share)[None, :]          # reduction x interval
    return _savings_table(vol, avoided, h, avoided * h, red, seconds, awt, target, s, hours)


def reason_savings(counts, aht, avoidable, volume, reduction, *, interval=900, awt=20,
                   target=0.8, shrinkage=0.3, contract_hours=36.0) -> pd.DataFrame:
    """What removing ``reduction`` of the avoidable contacts saves, each reason with its own AHT.

    ``counts``, ``aht`` (seconds) and ``avoidable`` (flag or fraction 0-1) per contact reason
    describe the mix; ``volume`` is the contacts per interval (the mix is the same in every
    interval: reason ``i`` has ``volume_t * counts_i / sum(counts)`` contacts in interval ``t``).
    Removing ``reduction`` of the avoidable contacts takes away, per interval,

    ``avoided_t = r * volume_t * sum_i(p_i * f_i)`` contacts and
    ``r * volume_t * sum_i(p_i * f_i * aht_i)`` seconds of work (``p_i`` the reason's share).

    Before, Erlang C runs on the mix AHT ``sum(p_i * aht_i)``; after, on the AHT of what is left
    (workload left / contacts left), which rises when the removed reasons are short. Same
    columns, arguments and guarantees as :func:`avoidable_savings`; with one AHT for every reason
    both give the same table.
    """
    c = as_array("counts", counts)
    a = as_array("aht", aht, low=0.0, low_inclusive=False)
    f = as_array("avoidable", avoidable, high=1.0, allow_bool=True)   # a flag or a fraction
    c, a, f = broadcast(counts=np.atleast_1d(c), aht=np.atleast_1d(a), avoidable=np.atleast_1d(f))
    if c.ndim != 1 or c.sum() <= 0:
        raise value_error("counts", counts, "shape", "be one number per reason adding up to more than 0")
    vol = one_dimensional("volume", volume)
    red = one_dimensional("reduction", reduction, high=1.0)
    seconds, s, hours = _check_norm(interval, awt, target, shrinkage, contract_hours)
    p = c / c.sum()
    mix_aht = float(np.sum(p * a))
    avoided = red[:, None] * (vol * np.sum(p * f))[None, :]
    work_avoided = red[:, None] * (vol * np.sum(p * f * a))[None, :]
    return _savings_table(vol, avoided, mix_aht, work_avoided, red, seconds, awt, target, s, hours)


def remaining_aht(counts, aht, removed=0.0) -> float:
    """AHT (seconds) of the contact mix after removing a fraction of some reasons' contacts.

    ``counts`` and ``aht`` per contact reason; ``removed`` the fraction of each reason's
    contacts that disappears (one value or one per reason; 0 for reasons you do not touch), or a
    flag per reason (True: all its contacts go, as ``~reasons["avoidable"]`` keeps only the
    avoidable ones):

    ``AHT = sum(counts * (1 - removed) * aht) / sum(counts * (1 - removed))``.

    When the short, simple (often avoidable) contacts go, the remaining mix is harder and its
    AHT rises although nobody works slower. Raises when nothing is left.
    """
    c, a, r = broadcast(counts=as_array("counts", counts),
                        aht=as_array("aht", aht, low=0.0, low_inclusive=False),
                        removed=as_array("removed", removed, high=1.0, allow_bool=True))
    left = c * (1.0 - r)
    if left.sum() <= 0:
        raise ValueError(f"no contacts are left: counts {counts!r} with removed {removed!r}")
    return float(np.average(a, weights=left))


# ---------------------------------------------------------------------------
# Impact-effort matrix
# ---------------------------------------------------------------------------
def _score(name, value):
    return as_array(name, value, low=1.0, high=5.0)


def impact_effort_quadrant(impact, effort, threshold=3) -> str | np.ndarray | pd.Series:
    """The quadrant (a key of :data:`QUADRANTS`) for impact and effort scores from 1 to 5.

    A score counts as *high* when it is **>= threshold** (inclusive; ``threshold`` in (1, 5]):

    ================  ===================  ==================
    impact \\ effort   low (< t)            high (>= t)
    ================  ===================  ==================
    high (>= t)       ``"do_now"``         ``"plan_project"``
    low (< t)         ``"later_list"``     ``"do_not"``
    ================  ===================  ==================

    Scalars give a ``str``, arrays a numpy array of ``str``, a Series a Series with its index.
    """
    t = scalar("threshold", threshold, low=1.0, low_inclusive=False, high=5.0)
    return two_by_two(impact, effort, ("impact", "effort"),
                      _score("impact", impact) >= t, _score("effort", effort) >= t,
                      {(True, False): QUADRANTS[0], (True, True): QUADRANTS[1],
                       (False, False): QUADRANTS[2], (False, True): QUADRANTS[3]})


def prioritise(findings, threshold=3) -> pd.DataFrame:
    """The findings with their computed ``quadrant``, in the order to tackle them.

    ``findings`` has the columns ``finding``, ``impact`` and ``effort`` (scores 1-5).
    Sorted by quadrant (in the order of :data:`QUADRANTS`), then highest impact, then lowest
    effort; the original index is kept.
    """
    dataframe("findings", findings, ("finding", "impact", "effort"))
    quadrant = impact_effort_quadrant(np.asarray(findings["impact"]),
                                      np.asarray(findings["effort"]), threshold)
    out = findings.assign(quadrant=np.atleast_1d(quadrant).astype(object))
    rank = out["quadrant"].map({q: i for i, q in enumerate(QUADRANTS)})
    keys = pd.DataFrame({"rank": rank, "imp": -out["impact"], "eff": out["effort"]})
    return out.loc[keys.sort_values(["rank", "imp", "eff"], kind="stable").index]


# ---------------------------------------------------------------------------
# Self-assessment on the starting points
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class SelfAssessment:
    """Result of :func:`self_assessment`."""

    #: one row per starting point (index ``starting_point``): ``statement`` and ``score``, lowest first
    table: pd.DataFrame
    average: float        #: mean score (1-5)
    strongest: tuple      #: keys with the highest score
    weakest: tuple        #: keys with the lowest score


def self_assessment(answers, statements) -> SelfAssessment:
    """Score a set of starting points (answers 1-5, whole numbers).

    ``statements`` maps each starting point's key to the statement a learner scores (the
    kern-contact approach's are :data:`wfmcourse.course.exercises.kerncontact.STARTING_POINTS`);
    ``answers`` must be a dict with exactly those keys. The table lists the points lowest score
    first (ties in the order of ``statements``): start improving at the top.
    ``strongest``/``weakest`` hold every key tied at the max/min.
    """
    if not isinstance(statements, Mapping) or not statements:
        raise type_error("statements", statements, "a non-empty dict starting point -> statement")
    if not isinstance(answers, dict):
        raise type_error("answers", answers, "a dict starting point -> score")
    unknown = [k for k in answers if k not in statements]
    if unknown:
        raise ValueError(f"answers has unknown starting point {unknown[0]!r}; choose from "
                         f"{list(statements)}")
    missing = [k for k in statements if k not in answers]
    if missing:
        raise ValueError(f"answers is missing the starting point {missing[0]!r}")
    keys = list(statements)
    for key in keys:
        scalar(f"answers[{key!r}]", answers[key], low=1, high=5, integer=True)
    scores = np.array([float(answers[k]) for k in keys])
    table = pd.DataFrame({"statement": [statements[k] for k in keys],
                          "score": scores.astype(int)}, index=pd.Index(keys, name="starting_point"))
    table = table.iloc[np.argsort(scores, kind="stable")]
    return SelfAssessment(
        table=table,
        average=float(scores.mean()),
        strongest=tuple(k for k, v in zip(keys, scores) if v == scores.max()),
        weakest=tuple(k for k, v in zip(keys, scores) if v == scores.min()),
    )
