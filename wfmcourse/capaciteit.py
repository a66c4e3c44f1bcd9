"""Capacity helpers for notebook 04 that build on :mod:`wfmcourse.shrinkage`.

* :func:`gross_up_comparison` - the right gross-up ``1 / (1 - s)`` next to the wrong
  ``1 + s`` and what the wrong one leaves on the phones, per shrinkage level.
* :func:`staffing_with_turnover` - the headcount (in FTE) and the hires per year needed to keep a
  given number of *productive* FTE when people leave and successors need time to learn.

Conventions as in :mod:`wfmcourse.shrinkage`: fractions 0-1, hours, FTE. Bad input raises
``ValueError`` naming the parameter and the value.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._checks import as_array
from . import shrinkage as _shrinkage

__all__ = ["gross_up_comparison", "TurnoverStaffing", "staffing_with_turnover"]


def gross_up_comparison(shrinkages) -> pd.DataFrame:
    """Per shrinkage level (fractions 0-1) the factor by which net capacity must be multiplied.

    Columns (Dutch, for the notebook): ``shrinkage``, ``juiste factor`` = ``1 / (1 - s)``,
    ``foute factor`` = ``1 + s``, ``netto over bij foute factor`` = ``(1 + s)(1 - s) = 1 - s^2``
    (share of the required net capacity that is really on the phones) and ``tekort`` = ``s^2``.
    """
    s = as_array("shrinkages", shrinkages, high=1.0, high_inclusive=False)
    if s.ndim != 1 or s.size == 0:
        raise ValueError(f"shrinkages must be a non-empty one-dimensional sequence, got {shrinkages!r}")
    right = _shrinkage.gross_up(1.0, s)
    wrong = _shrinkage.naive_gross_up(1.0, s)
    left = wrong * (1.0 - s)
    return pd.DataFrame({
        "shrinkage": s,
        "juiste factor": right,
        "foute factor": wrong,
        "netto over bij foute factor": left,
        "tekort": 1.0 - left,
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
                           vacancy_weeks=0.0, ramp_productivity=0.5, fte_per_person=1.0):
    """Headcount and hires per year to keep ``productive_fte`` fully productive FTE.

    Every leaver costs ``vacancy_weeks + weeks_to_productive * (1 - ramp_productivity)`` weeks of
    capacity (see :func:`wfmcourse.shrinkage.turnover_capacity_loss`). As a share of the headcount
    that is ``loss_share = annual_turnover * lost_weeks / 52``; it works like a shrinkage
    component, so the headcount is grossed up the same way:

    ``headcount = productive_fte / (1 - loss_share)``, ``hires = headcount * annual_turnover``.

    ``fte_per_person`` is the average contract size (0.8 for a team of 4-day contracts); it only
    converts the hires from FTE into people.
    """
    for name, value in (("productive_fte", productive_fte), ("annual_turnover", annual_turnover),
                        ("fte_per_person", fte_per_person)):
        if np.ndim(value):
            raise ValueError(f"{name} must be a single number, got {value!r}")
    productive = float(as_array("productive_fte", productive_fte))
    turnover = float(as_array("annual_turnover", annual_turnover))
    per_person = float(as_array("fte_per_person", fte_per_person, low=0.0, low_inclusive=False))
    share = float(_shrinkage.turnover_capacity_loss(1.0, turnover, weeks_to_productive,
                                                    vacancy_weeks=vacancy_weeks,
                                                    ramp_productivity=ramp_productivity))
    headcount = float(_shrinkage.gross_up(productive, share))
    hires = float(_shrinkage.hires_needed(headcount, turnover))
    return TurnoverStaffing(productive_fte=productive, loss_share=share, headcount_fte=headcount,
                            loss_fte=headcount - productive, hires_fte=hires,
                            hires_people=hires / per_person)
