"""The parties around WFM: the stakeholder map and small "what does it do to my numbers" helpers
for alignment cases (notebook 09).

``data/stakeholders.csv`` (read by :func:`wfmcourse.data.datasets.load_stakeholders`) has one row
per party (directie, marketing, HR, ...). Each row says what the party needs from WFM, what WFM
needs from it, a typical trigger and the typical effect of that trigger on the planning, as an
``effect_type`` and a relative ``effect_size``; :func:`effect_size_problem` holds the sign rules
that the loader and :func:`apply_effect` share.

Sign conventions of ``effect_size`` (a fraction, in (-1, 1]):

* ``volume_peak``    > 0: extra volume in the affected period (0.25 = +25 % contacts);
* ``volume_shift``   in (0, 1]: share of the volume that moves to later weeks; the total
  stays the same;
* ``capacity_loss``  in (-1, 0): capacity lost (-0.15 = 15 % fewer available agents/hours);
* ``capacity_gain``  > 0: capacity gained (0.10 = 10 % more available agents/hours);
* ``no_effect``      exactly 0: no direct effect on volume or capacity.

The helpers (:func:`campaign_peak`, :func:`shifted_volume`, :func:`capacity_loss`,
:func:`capacity_gain` and the dispatcher :func:`apply_effect`) are pure and vectorised: they
take scalars, numpy arrays or pandas Series (a Series comes back as a Series with the same
index when the length is unchanged). Bad input raises ``ValueError`` (a wrong type
``TypeError``) naming the parameter and the offending value; nothing is clipped. The quadrant
keys of :data:`QUADRANTS` and :data:`EFFECT_TYPES` get their Dutch names from
:data:`wfmcourse.presentation.dutch.LABELS`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.validation import (
    as_array,
    broadcast,
    choice,
    flag,
    is_scalar_call,
    scalar,
    series_index,
    show_bad,
    two_by_two,
    whole,
    wrap,
)

__all__ = [
    "EFFECT_TYPES",
    "QUADRANTS",
    "effect_size_problem",
    "quadrant",
    "campaign_peak",
    "shifted_volume",
    "capacity_loss",
    "capacity_gain",
    "apply_effect",
]

#: The kinds of effect a party's trigger has on the planning (the values of ``effect_type``).
EFFECT_TYPES = ("volume_peak", "volume_shift", "capacity_loss", "capacity_gain", "no_effect")

#: The four quadrants of the stakeholder map (influence x interest): high/high, high/low,
#: low/high, low/low.
QUADRANTS = ("manage_closely", "keep_satisfied", "keep_informed", "monitor_only")


# ---------------------------------------------------------------------------
# effect sign rules, shared by the loader and apply_effect
# ---------------------------------------------------------------------------
def effect_size_problem(effect_type: str, size: float) -> str | None:
    """None when the relative ``size`` (a fraction) fits ``effect_type``, else the rule it breaks.

    The rules of the module docstring: ``-1 < size <= 1`` and the sign of the type.
    """
    choice("effect_type", effect_type, EFFECT_TYPES)
    size = scalar("size", size, low=None)
    if not -1.0 < size <= 1.0:
        return "must be > -1 and <= 1"
    if effect_type == "volume_peak" and not size > 0:
        return "must be > 0 for volume_peak (extra volume)"
    if effect_type == "volume_shift" and not 0 < size <= 1:
        return "must be > 0 and <= 1 for volume_shift (share of the volume moved)"
    if effect_type == "capacity_loss" and not size < 0:
        return "must be < 0 for capacity_loss (capacity lost is negative)"
    if effect_type == "capacity_gain" and not size > 0:
        return "must be > 0 for capacity_gain (capacity gained)"
    if effect_type == "no_effect" and size != 0:
        return "must be 0 for no_effect"
    return None


# ---------------------------------------------------------------------------
# stakeholder map
# ---------------------------------------------------------------------------
def _score(name, value):
    return as_array(name, value, low=1, high=5, integer=True)


def _threshold(value):
    return float(whole("threshold", value, low=2, high=5))


def quadrant(influence, interest, threshold=3) -> str | np.ndarray | pd.Series:
    """The stakeholder-map quadrant (a key of :data:`QUADRANTS`) for influence and interest scores 1-5.

    A score counts as *high* when it is **>= threshold** (the threshold is inclusive: with the
    default 3, a score of 3 is high). ``threshold`` is a whole number from 2 to 5, so both
    halves are non-empty.

    =====================  ==================  ===============
    influence \\ interest   high (>= t)         low (< t)
    =====================  ==================  ===============
    high (>= t)            "manage_closely"    "keep_satisfied"
    low (< t)              "keep_informed"     "monitor_only"
    =====================  ==================  ===============

    Scores must be whole numbers from 1 to 5; otherwise ``ValueError`` names the parameter
    and value. Scalars give a ``str``, arrays a numpy array of ``str`` and a Series (either
    argument) a Series with its index.
    """
    t = _threshold(threshold)
    high_influence = _score("influence", influence) >= t
    high_interest = _score("interest", interest) >= t
    return two_by_two(influence, interest, ("influence", "interest"), high_influence, high_interest,
                      {(True, True): QUADRANTS[0], (True, False): QUADRANTS[1],
                       (False, True): QUADRANTS[2], (False, False): QUADRANTS[3]})


# ---------------------------------------------------------------------------
# effect helpers
# ---------------------------------------------------------------------------
def _keep(result, index, *values):
    """``result`` as a float (all ``values`` scalar), a Series on ``index`` (named after the first
    Series among ``values``) or an array."""
    name = next((v.name for v in values if isinstance(v, pd.Series)), None)
    return wrap(result, is_scalar_call(*values), index, name)


def campaign_peak(volume, uplift) -> float | np.ndarray | pd.Series:
    """Volume (contacts) with a campaign peak: ``volume * (1 + uplift)``.

    ``uplift`` >= 0 is the relative extra volume (0.25 = +25 %); it may be an array, e.g. a
    decaying uplift per day ``[0.3, 0.15, 0.05, 0]``, that broadcasts against ``volume``.
    ``volume`` must be >= 0.
    """
    v = as_array("volume", volume)
    u = as_array("uplift", uplift)
    index = series_index(volume=volume, uplift=uplift)
    v, u = broadcast(volume=v, uplift=u)
    return _keep(v * (1.0 + u), index, volume, uplift)


def shifted_volume(weekly_volume, share_moved, weeks=1, *, cyclic=True) -> np.ndarray | pd.Series:
    """Volume (contacts) per week after part of it moves to later weeks (e.g. an invoice sent in parts).

    Of every week's volume the fraction ``share_moved`` (0 to 1; scalar, or an array that
    broadcasts against ``weekly_volume``) is spread evenly over the next ``weeks`` weeks
    (whole number >= 1); the rest stays. The total is conserved:

    * ``cyclic=True`` (default): ``weekly_volume`` is one repeating cycle (e.g. the 4 weeks of
      a monthly invoice run), so volume moved past the last week lands at the start, exactly
      as the next cycle's moved volume would. Same length as the input.
    * ``cyclic=False``: the result is ``weeks`` weeks longer, holding what moved past the end.

    Works along the last axis, so a 2-D array holds several series (one per row). A Series
    comes back on its index when the length stays the same (``cyclic=True``).
    """
    v = as_array("weekly_volume", weekly_volume)
    if v.ndim == 0 or v.shape[-1] == 0:
        raise ValueError(f"weekly_volume must be a non-empty sequence of weeks, got {weekly_volume!r}")
    s = as_array("share_moved", share_moved, high=1.0)
    k = whole("weeks", weeks, low=1)
    cyclic = flag("cyclic", cyclic)
    index = series_index(weekly_volume=weekly_volume, share_moved=share_moved)
    v, s = broadcast(weekly_volume=v, share_moved=s)
    moved = v * s
    part = moved / k
    n = v.shape[-1]
    if cyclic:
        out = v - moved
        for step in range(1, k + 1):
            out = out + np.roll(part, step, axis=-1)
    else:
        out = np.zeros(v.shape[:-1] + (n + k,))
        out[..., :n] += v - moved
        for step in range(1, k + 1):
            out[..., step:step + n] += part
    return _keep(out, index if cyclic and out.ndim == 1 else None, weekly_volume, share_moved)


def capacity_loss(agents, loss_fraction) -> float | np.ndarray | pd.Series:
    """Agents (or hours) still available when a fraction is lost: ``agents * (1 - loss_fraction)``.

    ``loss_fraction`` is positive here (0.15 = 15 % lost, e.g. during a planned IT outage),
    from 0 to 1; ``agents`` >= 0. The result is not rounded.
    """
    a = as_array("agents", agents)
    f = as_array("loss_fraction", loss_fraction, high=1.0)
    index = series_index(agents=agents, loss_fraction=loss_fraction)
    a, f = broadcast(agents=a, loss_fraction=f)
    return _keep(a * (1.0 - f), index, agents, loss_fraction)


def capacity_gain(agents, gain_fraction) -> float | np.ndarray | pd.Series:
    """Agents (or hours) available after a gain: ``agents * (1 + gain_fraction)``, gain >= 0."""
    a = as_array("agents", agents)
    g = as_array("gain_fraction", gain_fraction)
    index = series_index(agents=agents, gain_fraction=gain_fraction)
    a, g = broadcast(agents=a, gain_fraction=g)
    return _keep(a * (1.0 + g), index, agents, gain_fraction)


def apply_effect(values, effect_type, effect_size, *, weeks=1, cyclic=True) -> float | np.ndarray | pd.Series:
    """Apply one row's effect (``effect_type``, ``effect_size`` as in the data file) to ``values``.

    ``values`` is a volume (for ``volume_peak``, ``volume_shift`` and ``no_effect``) or a
    capacity in agents or hours (for ``capacity_loss`` and ``capacity_gain``). The sign
    of ``effect_size`` must match the type (see the module docstring), so
    ``apply_effect(60, "capacity_loss", -0.15)`` gives 51.0. ``weeks`` and ``cyclic`` are
    passed to :func:`shifted_volume`. ``no_effect`` returns the values unchanged (as floats).
    """
    choice("effect_type", effect_type, EFFECT_TYPES)
    size = scalar("effect_size", effect_size, low=None)
    as_array("values", values)
    whole("weeks", weeks, low=1)
    flag("cyclic", cyclic)
    problem = effect_size_problem(effect_type, size)
    if problem:
        raise ValueError(f"effect_size {problem}, got {show_bad(effect_size)}")
    if effect_type == "volume_peak":
        return campaign_peak(values, size)
    if effect_type == "volume_shift":
        return shifted_volume(values, size, weeks, cyclic=cyclic)
    if effect_type == "capacity_loss":
        return capacity_loss(values, -size)
    if effect_type == "capacity_gain":
        return capacity_gain(values, size)
    return _keep(as_array("values", values), series_index(values=values), values)
