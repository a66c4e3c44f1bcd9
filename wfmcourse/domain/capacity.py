"""Capacity from measured hours: shrinkage per component, absence, gross-up and turnover.

Builds on :mod:`wfmcourse.domain.shrinkage` (used in notebook 04).

* :func:`agent_hours_components` - shrinkage hours per component from agent-hours records.
* :func:`shrinkage_breakdown` - measured hours per shrinkage component as shares of the paid
  hours, marked planned or unplanned.
* :func:`absence_and_floor` - the same hours split into absence (share of paid hours) and
  shrinkage at work (share of the hours present), the two rates that compound.
* :func:`gross_up_comparison` - the right gross-up ``1 / (1 - s)`` next to the wrong
  ``1 + s`` and what the wrong one leaves on the phones, per shrinkage level.
* :func:`staffing_with_turnover` - the headcount (in FTE) and the hires per year needed to keep a
  given number of *productive* FTE when people leave and successors need time to learn.

Conventions as in :mod:`wfmcourse.domain.shrinkage`: fractions 0-1, hours, FTE. The shrinkage
components are named ``leave`` (verlof), ``sickness`` (verzuim), ``training``, ``meetings``
(overleg), ``breaks`` (pauzes) and ``not_logged_in``; tables have English column names (Dutch
headers in :data:`wfmcourse.presentation.dutch.LABELS`). Bad input raises ``ParameterValueError``
(a wrong type ``ParameterTypeError``) naming the parameter and the value.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from wfmcourse.domain import shrinkage as _shrinkage
from wfmcourse.validation import ParameterValueError, as_array, dataframe, gap, one_dimensional, scalar, type_error

__all__ = ["agent_hours_components", "shrinkage_breakdown", "absence_and_floor",
           "gross_up_comparison", "TurnoverStaffing", "staffing_with_turnover"]


#: Shrinkage component -> its column in the agent-hours data (the data file keeps Dutch names).
_COMPONENT_COLUMNS = {"leave": "verlof_hours", "sickness": "verzuim_hours",
                      "training": "training_hours", "meetings": "overleg_hours",
                      "breaks": "pauze_hours"}


def agent_hours_components(agent_hours) -> pd.Series:
    """Shrinkage hours per component, summed over agent-hours records.

    ``agent_hours`` as returned by :func:`wfmcourse.data.datasets.load_agent_hours` (any subset of
    rows). The components ``leave``, ``sickness``, ``training``, ``meetings``, ``breaks`` are the
    sums of their columns; ``not_logged_in`` is ``scheduled_hours - logged_in_hours``: rostered for the
    phones but not logged in (late, left early, unplanned offline). Only rounding noise below
    zero is set to 0; a row logged in longer than scheduled raises ``ValueError``. Together
    with the logged-in hours they add up to the paid hours. The Series is named ``hours``.
    """
    columns = list(_COMPONENT_COLUMNS.values()) + ["scheduled_hours", "logged_in_hours"]
    dataframe("agent_hours", agent_hours, columns, nonempty=True)
    for column in columns:
        as_array(f"agent_hours[{column!r}]", agent_hours[column])
    hours = {name: float(agent_hours[column].sum()) for name, column in _COMPONENT_COLUMNS.items()}
    hours["not_logged_in"] = float(gap("agent_hours", "scheduled_hours", agent_hours["scheduled_hours"],
                                       "logged_in_hours", agent_hours["logged_in_hours"],
                                       agent_hours.index).sum())
    return pd.Series(hours, name="hours")


def _hours_by_component(hours):
    if isinstance(hours, pd.Series):
        series = pd.Series(as_array("hours", hours), index=hours.index)
    elif isinstance(hours, Mapping):
        series = pd.Series({name: scalar(f"hours[{name!r}]", value) for name, value in hours.items()},
                           dtype=float)
    else:
        raise type_error("hours", hours, "a dict or Series component -> hours")
    if series.empty or not series.index.is_unique:
        raise ParameterValueError("hours", hours, "empty" if series.empty else "inconsistent",
            f"hours must name each component once, got {hours!r}")
    return series


def _components(name, value, series):
    """The component names in ``value`` (a list/tuple of names that all occur in ``series``)."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise type_error(name, value, "a list of component names")
    names = list(value)
    if not set(names) <= set(series.index):
        raise ParameterValueError(name, value, "choice",
            f"{name} must list components that occur in hours, got {value!r}")
    return names


def _paid(paid_hours, series):
    paid = scalar("paid_hours", paid_hours, low=0.0, low_inclusive=False)
    if series.sum() >= paid:
        raise ParameterValueError("paid_hours", paid_hours, "too_small",
            f"paid_hours must exceed the shrinkage hours ({series.sum():g}), "
            f"got {paid_hours!r}")
    return paid


def shrinkage_breakdown(hours, paid_hours, unplanned=("sickness",)) -> pd.DataFrame:
    """Shrinkage per component as a share of the paid hours.

    ``hours``: dict or Series component -> non-productive hours over a period; ``paid_hours``: all
    paid hours of the same people over the same period; ``unplanned``: the components that happen
    on the day itself (sickness, outages) - every other component is planned.

    Returns one row per component (index ``component``) with the columns ``hours``,
    ``share`` (= hours / paid_hours, a fraction) and ``kind`` (``"planned"``/``"unplanned"``),
    largest first.
    """
    series = _hours_by_component(hours)
    paid = _paid(paid_hours, series)
    unplanned = _components("unplanned", unplanned, series)
    table = pd.DataFrame({"hours": series, "share": series / paid,
                          "kind": ["unplanned" if name in set(unplanned) else "planned"
                                   for name in series.index]})
    table.index.name = "component"
    return table.sort_values("hours", ascending=False, kind="stable")


def absence_and_floor(hours, paid_hours, absence=_shrinkage.ABSENCE) -> dict[str, float]:
    """Split shrinkage into the two rates that compound (fractions 0-1).

    * ``"absent"`` = absence hours / paid hours (whole days not there: leave, sickness);
    * ``"at_work"`` = other shrinkage hours / (paid hours - absence hours), a share of the
      hours people are present (breaks, meetings, training, coaching).

    ``total_shrinkage(result, method="compound")`` equals the additive total of
    :func:`shrinkage_breakdown` on the same hours: both are right on their own base.
    """
    series = _hours_by_component(hours)
    paid = _paid(paid_hours, series)
    absence = _components("absence", absence, series)
    away = float(series[list(absence)].sum())
    floor = float(series.drop(list(absence)).sum())
    return {"absent": away / paid, "at_work": floor / (paid - away)}


def gross_up_comparison(shrinkages) -> pd.DataFrame:
    """Per shrinkage level (fractions 0-1) the factor by which net capacity must be multiplied.

    Columns: ``shrinkage``, ``right_factor`` = ``1 / (1 - s)``, ``naive_factor`` = ``1 + s``,
    ``net_left_naive`` = ``(1 + s)(1 - s) = 1 - s^2`` (share of the net capacity needed that is
    really on the phones after the naive gross-up) and ``shortfall_share`` = ``s^2`` (the share
    missing). A Series of shrinkages keeps its index; otherwise the rows are numbered 0, 1, ...
    """
    s = one_dimensional("shrinkages", shrinkages, scalar_ok=False, high=1.0, high_inclusive=False)
    right = _shrinkage.gross_up(1.0, s)
    wrong = _shrinkage.naive_gross_up(1.0, s)
    left = wrong * (1.0 - s)
    index = shrinkages.index if isinstance(shrinkages, pd.Series) else None
    return pd.DataFrame(index=index, data={
        "shrinkage": s,
        "right_factor": right,
        "naive_factor": wrong,
        "net_left_naive": left,
        "shortfall_share": 1.0 - left,
    })


@dataclass(frozen=True)
class TurnoverStaffing:
    """Result of :func:`staffing_with_turnover` (all in FTE unless stated)."""

    productive_fte: float   #: fully trained capacity that must be available all year
    loss_share: float       #: share of the headcount lost to vacancies and learning time
    headcount_fte: float    #: FTE in service needed: productive_fte / (1 - loss_share)
    loss_fte: float         #: headcount_fte - productive_fte
    hires_fte: float        #: hires per year in FTE: headcount_fte * annual_turnover
    hires_people: float     #: hires per year in people: hires_fte / fte_per_person


def staffing_with_turnover(productive_fte, annual_turnover, weeks_to_productive, *,
                           vacancy_weeks=0.0, ramp_productivity=0.5, fte_per_person=1.0
                           ) -> TurnoverStaffing:
    """Headcount and hires per year to keep ``productive_fte`` fully productive FTE.

    Every leaver costs ``vacancy_weeks + weeks_to_productive * (1 - ramp_productivity)`` weeks of
    capacity (see :func:`wfmcourse.domain.shrinkage.turnover_capacity_loss`). As a share of the headcount
    that is ``loss_share = annual_turnover * lost_weeks / 52``; it works like a shrinkage
    component, so the headcount is grossed up the same way:

    ``headcount = productive_fte / (1 - loss_share)``, ``hires = headcount * annual_turnover``.

    ``fte_per_person`` is the average contract size (0.8 for a team of 4-day contracts); it only
    converts the hires from FTE into people.
    """
    productive = scalar("productive_fte", productive_fte)
    turnover = scalar("annual_turnover", annual_turnover)
    per_person = scalar("fte_per_person", fte_per_person, low=0.0, low_inclusive=False)
    share = float(_shrinkage.turnover_capacity_loss(1.0, turnover, weeks_to_productive,
                                                    vacancy_weeks=vacancy_weeks,
                                                    ramp_productivity=ramp_productivity))
    headcount = float(_shrinkage.gross_up(productive, share))
    hires = float(_shrinkage.hires_needed(headcount, turnover))
    return TurnoverStaffing(productive_fte=productive, loss_share=share, headcount_fte=headcount,
                            loss_fte=headcount - productive, hires_fte=hires,
                            hires_people=hires / per_person)
