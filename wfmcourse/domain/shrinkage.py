"""From agents on the phones to people on the payroll: shrinkage, gross-up and FTE.

Shrinkage is the share of paid time in which an agent is *not* available for contacts:
leave, sickness (verzuim), breaks, training, meetings, coaching. The Erlang result
(:func:`wfmcourse.domain.erlang.agents_needed`) is *net*: agents actually handling or waiting for
contacts. Planning needs the *gross* number of paid hours that leaves that net after shrinkage:

``net = gross * (1 - shrinkage)``  so  ``gross = net / (1 - shrinkage)``.

Conventions: shrinkage and rates are fractions 0-1 (never percentages); hours are hours;
``interval`` is in seconds as in :mod:`wfmcourse.domain.erlang`. Scalars in give a Python float out,
a pandas Series in gives a Series with the same index. Impossible input raises
``ParameterValueError`` (a wrong type ``ParameterTypeError``) naming the parameter and the value.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from wfmcourse.domain.kpi import fte
from wfmcourse.validation import (
    ParameterValueError,
    as_array,
    broadcast,
    choice,
    is_scalar_call,
    ndim,
    one_dimensional,
    regular_time_index,
    scalar,
    series_index,
    type_error,
    value_error,
    wrap,
)

__all__ = [
    "total_shrinkage",
    "gross_up",
    "in_day_shrinkage",
    "naive_gross_up",
    "rostered_hours",
    "fte",
    "WeeklyStaffing",
    "weekly_fte",
    "sickness_fte",
    "hires_needed",
    "blended_turnover",
    "turnover_capacity_loss",
]

WEEKS_PER_YEAR = 52.0


def _fraction_below_one(name, value):
    return as_array(name, value, high=1.0, high_inclusive=False)


def total_shrinkage(components, method="additive") -> float:
    """Total shrinkage from its components (fractions 0-1).

    ``components`` is a dict ``{"leave": 0.11, "sickness": 0.06, ...}`` or a sequence.

    * ``"additive"``: ``S = sum_i s_i``. Right when every component is measured as a share
      of the same paid time (the usual WFM report).
    * ``"compound"``: ``S = 1 - prod_i (1 - s_i)``. Right when each component is a share of the
      time *left over* by the previous ones (e.g. breaks as a share of the days actually
      worked, after leave and sickness). Always <= the additive total.

    A component or a total of 1 or more raises: nobody would be left on the phones.
    """
    choice("method", method, ("additive", "compound"))
    if isinstance(components, Mapping):
        names = [f"components[{k!r}]" for k in components]
        values = list(components.values())
    else:
        if isinstance(components, (str, bytes)) or not hasattr(components, "__iter__"):
            raise type_error("components", components,
                             "a dict name -> fraction or a sequence of fractions")
        if ndim(components) != 1:
            raise ParameterValueError("components", components, "shape",
                f"components must be a dict name -> fraction or a one-dimensional "
                f"sequence of fractions, got {components!r}")
        values = list(components)
        names = [f"components[{i}]" for i in range(len(values))]
    for name, value in zip(names, values):
        if np.ndim(value) != 0:
            raise ParameterValueError(name, value, "shape",
                f"{name} must be a single fraction, got {value!r}")
        _fraction_below_one(name, value)
    s = np.asarray(values, dtype=float)
    total = float(s.sum()) if method == "additive" else float(0.0 - np.expm1(np.log1p(-s).sum()))
    if total >= 1.0:
        raise ParameterValueError("components", components, "too_large",
            f"total shrinkage must be < 1 (no productive time would be left), "
            f"got {total!r} from components {components!r}")
    return total


#: Components that take whole days off the roster: whoever is on leave or sick is not rostered.
ABSENCE = ("leave", "sickness")


def in_day_shrinkage(components) -> float:
    """Shrinkage within a worked day, the one to gross up the roster of one interval with:
    ``sum(other components) / (1 - leave - sickness)``.

    ``components`` is a dict like :func:`total_shrinkage`'s, each a share of paid hours. Leave and
    sickness (:data:`ABSENCE`, 0 when left out) take whole days off; the rest (breaks, training,
    meetings, not logged in) is rebased on the hours of the days actually worked. For FTE use all
    shrinkage (:func:`total_shrinkage`).
    """
    if not isinstance(components, Mapping):
        raise type_error("components", components, "a dict name -> fraction of paid hours")
    total_shrinkage(components)                      # every component and the total below 1
    absent = sum(float(v) for k, v in components.items() if k in ABSENCE)
    within = sum(float(v) for k, v in components.items() if k not in ABSENCE)
    return within / (1.0 - absent)


def gross_up(net, shrinkage) -> float | np.ndarray | pd.Series:
    """Gross (paid/scheduled) capacity that leaves ``net`` after shrinkage:
    ``gross = net / (1 - shrinkage)``.

    Why not ``net * (1 + shrinkage)``? Shrinkage is a share of the *gross* time. With 30 %
    shrinkage and 100 net hours, ``100 * 1.3 = 130`` paid hours lose ``0.3 * 130 = 39`` hours and
    leave only 91 on the phones; ``100 / 0.7 = 142.9`` paid hours lose 42.9 and leave exactly 100.
    The error grows with shrinkage (see :func:`naive_gross_up`).

    Works for hours, agents or FTE alike; ``shrinkage`` may vary per interval (array/Series).
    """
    scalar = is_scalar_call(net, shrinkage)
    index = series_index(net=net, shrinkage=shrinkage)
    n, s = broadcast(net=as_array("net", net),
                      shrinkage=_fraction_below_one("shrinkage", shrinkage))
    return wrap(n / (1.0 - s), scalar, index, "gross")


def naive_gross_up(net, shrinkage) -> float | np.ndarray | pd.Series:
    """WRONG on purpose, for teaching only: ``net * (1 + shrinkage)``.

    This common spreadsheet shortcut under-staffs: after shrinkage it leaves
    ``net * (1 + s) * (1 - s) = net * (1 - s^2)`` on the phones (91 of 100 hours at 30 %).
    Use :func:`gross_up`.
    """
    scalar = is_scalar_call(net, shrinkage)
    index = series_index(net=net, shrinkage=shrinkage)
    n, s = broadcast(net=as_array("net", net),
                      shrinkage=_fraction_below_one("shrinkage", shrinkage))
    return wrap(n * (1.0 + s), scalar, index, "naive_gross")


def rostered_hours(net_hours, roster_efficiency, shrinkage_outside_roster) -> float | np.ndarray | pd.Series:
    """Paid hours needed when the net hours are covered by workable shifts:
    ``net_hours / roster_efficiency / (1 - shrinkage_outside_roster)``.

    ``roster_efficiency`` (0 < e <= 1) is the required hours divided by the paid hours of the
    roster that covers them (:meth:`wfmcourse.domain.roster.RosterPlan.summary`, "efficiency"):
    notebook 06's week of shifts of at least 6 hours has 1,033.75 required and 1,404 paid hours,
    e = 0.74. Those paid hours already hold the breaks and the over-coverage, so the roster is
    grossed up only with the shrinkage that is *not* in it (``shrinkage_outside_roster``: leave,
    sickness, training, meetings, coaching; not the breaks, which would then count twice,
    notebook 06 §5 and exercise 3). Every share is a fraction of paid hours.
    """
    scalar = is_scalar_call(net_hours, roster_efficiency, shrinkage_outside_roster)
    index = series_index(net_hours=net_hours, roster_efficiency=roster_efficiency,
                         shrinkage_outside_roster=shrinkage_outside_roster)
    n, e, s = broadcast(net_hours=as_array("net_hours", net_hours, low=0.0),
                        roster_efficiency=as_array("roster_efficiency", roster_efficiency, low=0.0,
                                                   low_inclusive=False, high=1.0),
                        shrinkage_outside_roster=_fraction_below_one("shrinkage_outside_roster",
                                                                     shrinkage_outside_roster))
    return wrap(n / e / (1.0 - s), scalar, index, "rostered_hours")


@dataclass(frozen=True)
class WeeklyStaffing:
    """Result of :func:`weekly_fte`: hours over the week and the FTE they take."""

    net_hours: float      #: productive hours on the phones (the agents needed by Erlang)
    gross_hours: float    #: paid/scheduled hours needed to leave net_hours after shrinkage
    fte: float            #: gross_hours / contract_hours
    contract_hours: float


def weekly_fte(agents_needed, interval=900, shrinkage=0.3, contract_hours=36) -> WeeklyStaffing:
    """Turn one week of agents needed per interval into net hours, gross hours and FTE.

    * ``net_hours = sum_t agents_t * interval / 3600``
    * ``gross_hours = sum_t agents_t / (1 - shrinkage_t) * interval / 3600``
    * ``fte = gross_hours / contract_hours``

    ``agents_needed``: agents needed on the phones per interval (e.g. a Series of
    :func:`wfmcourse.domain.erlang.agents_needed` over the 15-minute intervals of a week; closed
    intervals may be left out). ``interval`` in seconds; ``shrinkage`` a fraction, one value or
    one per interval; ``contract_hours`` the full-time week (Dutch CAOs: often 36-38).

    With a DatetimeIndex the index must be one interval length equal to ``interval``
    (:func:`wfmcourse.validation.regular_time_index`; closed intervals may be missing) and span at
    most one week: otherwise the FTE would not be a weekly figure.
    """
    series_index(agents_needed=agents_needed, shrinkage=shrinkage)
    agents = one_dimensional("agents_needed", agents_needed, scalar_ok=False)
    seconds = scalar("interval", interval, low=0.0, low_inclusive=False)
    s = _fraction_below_one("shrinkage", shrinkage)
    hours = scalar("contract_hours", contract_hours, low=0.0, low_inclusive=False)
    agents, s = broadcast(agents_needed=agents, shrinkage=s)
    if isinstance(agents_needed, pd.Series) and isinstance(agents_needed.index, pd.DatetimeIndex):
        index = agents_needed.index
        regular_time_index("agents_needed", index, interval=seconds)
        span = index.max() - index.min() + pd.Timedelta(seconds=seconds)
        if span > pd.Timedelta(days=7):
            raise value_error("agents_needed", agents_needed, "too_large",
                              "cover at most one week", f"a span of {span}")
    net = float(agents.sum() * seconds / 3600.0)
    gross = float((agents / (1.0 - s)).sum() * seconds / 3600.0)
    return WeeklyStaffing(net_hours=net, gross_hours=gross, fte=gross / hours,
                          contract_hours=hours)


def sickness_fte(fte, sickness_rate) -> float | np.ndarray | pd.Series:
    """FTE lost to sickness (verzuim) on average: ``fte * sickness_rate`` (a fraction 0-1, as
    from :func:`wfmcourse.domain.kpi.sickness_rate`).

    Example: 120 FTE at 6 % sickness have 7.2 FTE sick on an average day. Sickness is also one of
    the shrinkage components; do not count it twice.
    """
    scalar = is_scalar_call(fte, sickness_rate)
    index = series_index(fte=fte, sickness_rate=sickness_rate)
    f, v = broadcast(fte=as_array("fte", fte),
                     sickness_rate=as_array("sickness_rate", sickness_rate, high=1.0))
    return wrap(f * v, scalar, index, "sickness_fte")


def hires_needed(headcount, annual_turnover, growth=0.0) -> float | np.ndarray | pd.Series:
    """New hires per year to keep (or grow) a team: ``headcount * annual_turnover + growth``.

    ``annual_turnover`` a fraction (may exceed 1), ``growth`` extra people wanted (>= 0).
    """
    scalar = is_scalar_call(headcount, annual_turnover, growth)
    index = series_index(headcount=headcount, annual_turnover=annual_turnover, growth=growth)
    h, t, g = broadcast(headcount=as_array("headcount", headcount),
                         annual_turnover=as_array("annual_turnover", annual_turnover),
                         growth=as_array("growth", growth))
    return wrap(h * t + g, scalar, index, "hires_needed")


def blended_turnover(headcount, annual_turnover) -> float:
    """Turnover of a team made of groups (age bands, locations, contract types):
    ``sum_g headcount_g * turnover_g / sum_g headcount_g``.

    This is how "fishing in another pond" pays off: moving part of the intake from a group with
    high turnover (for example 23-30-year-olds) to a group with lower turnover lowers the team's
    turnover and so :func:`hires_needed` and :func:`turnover_capacity_loss`.
    """
    h = as_array("headcount", headcount)
    t = as_array("annual_turnover", annual_turnover)
    if h.ndim != 1 or h.shape != t.shape:
        raise ParameterValueError("annual_turnover", annual_turnover, "shape",
            f"headcount and annual_turnover must be one-dimensional and of equal "
            f"length, got shapes {h.shape} and {t.shape}")
    series_index(headcount=headcount, annual_turnover=annual_turnover)
    if h.sum() == 0:
        raise ParameterValueError("headcount", headcount, "too_small",
            f"headcount must sum to > 0, got {headcount!r}")
    return float(np.average(t, weights=h))


def turnover_capacity_loss(headcount, annual_turnover, weeks_to_productive, *, vacancy_weeks=0.0,
                           ramp_productivity=0.5) -> float | np.ndarray | pd.Series:
    """Average FTE lost over a year because people leave and successors still have to learn.

    Every leaver costs ``vacancy_weeks`` with nobody in the seat plus ``weeks_to_productive``
    in which the successor works at ``ramp_productivity`` of a fully trained agent on average
    (0.5 for a straight climb from 0 to 100 %; 0 while in classroom training). So:

    ``lost_weeks = vacancy_weeks + weeks_to_productive * (1 - ramp_productivity)``
    ``loss_fte = headcount * annual_turnover * lost_weeks / 52``

    ``headcount`` in FTE. Dividing by ``headcount`` gives the loss as a share of capacity,
    comparable to a shrinkage component. A loss of the whole team or more raises.

    Example: 100 FTE, 40 % turnover, 8 weeks to productive, 4 weeks vacancy:
    40 leavers * (4 + 8 * 0.5) weeks / 52 = 6.15 FTE lost all year round.
    """
    scalar = is_scalar_call(headcount, annual_turnover, weeks_to_productive, vacancy_weeks,
                            ramp_productivity)
    index = series_index(headcount=headcount, annual_turnover=annual_turnover,
                          weeks_to_productive=weeks_to_productive, vacancy_weeks=vacancy_weeks,
                          ramp_productivity=ramp_productivity)
    h, t, w, v, r = broadcast(
        headcount=as_array("headcount", headcount),
        annual_turnover=as_array("annual_turnover", annual_turnover),
        weeks_to_productive=as_array("weeks_to_productive", weeks_to_productive),
        vacancy_weeks=as_array("vacancy_weeks", vacancy_weeks),
        ramp_productivity=as_array("ramp_productivity", ramp_productivity, high=1.0))
    share = t * (v + w * (1.0 - r)) / WEEKS_PER_YEAR
    if (share >= 1).any():
        bad = share >= 1
        raise ParameterValueError("annual_turnover", annual_turnover, "too_large",
            f"annual_turnover * lost weeks / 52 must be < 1 (the whole team would "
            f"be lost), got {share[bad].flat[0].item()!r} with annual_turnover="
            f"{t[bad].flat[0].item()!r}")
    return wrap(h * share, scalar, index, "turnover_loss_fte")
