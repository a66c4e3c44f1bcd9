"""The parties around WFM: the data file, the stakeholder map and small "what does it do to
my numbers" helpers for alignment cases.

``data/stakeholders.csv`` has one row per party (directie, marketing, HR, ...). Each row says
what the party needs from WFM, what WFM needs from it, a typical trigger and the typical effect
of that trigger on the planning, as an ``effect_type`` and a relative ``effect_size``.

Sign conventions of ``effect_size`` (a fraction, in (-1, 1]):

* ``volume_piek``          > 0: extra volume in the affected period (0.25 = +25 % contacts);
* ``volume_verschuiving``  in (0, 1]: share of the volume that moves to later weeks; the total
  stays the same;
* ``capaciteitsverlies``   in (-1, 0): capacity lost (-0.15 = 15 % fewer available agents/hours);
* ``capaciteitswinst``     > 0: capacity gained (0.10 = 10 % more available agents/hours);
* ``geen``                 exactly 0: no direct effect on volume or capacity.

The helpers (:func:`campaign_peak`, :func:`shifted_volume`, :func:`capacity_loss`,
:func:`capacity_gain` and the dispatcher :func:`apply_effect`) are pure and vectorised: they
take scalars, numpy arrays or pandas Series (a Series comes back as a Series with the same
index when the length is unchanged). Bad input raises ``ValueError`` (a wrong type
``TypeError``) naming the parameter and the offending value; nothing is clipped.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.validation import _show, as_array, broadcast, choice, flag, scalar, two_by_two, whole
from wfmcourse.data.files import Column, DataFileError, data_path, read_table

__all__ = [
    "EFFECT_TYPES",
    "QUADRANTS",
    "QUADRANT_ADVICE",
    "CORE_STAKEHOLDERS",
    "SCHEMA",
    "load",
    "quadrant",
    "campaign_peak",
    "shifted_volume",
    "capacity_loss",
    "capacity_gain",
    "apply_effect",
]

FILE_NAME = "stakeholders.csv"

EFFECT_TYPES = ("volume_piek", "volume_verschuiving", "capaciteitsverlies", "capaciteitswinst", "geen")

#: The four quadrants of the stakeholder map (influence x interest), in Dutch.
QUADRANTS = ("nauw betrekken", "tevreden houden", "informeren", "monitoren")

#: A one-line Dutch approach per quadrant, for notebooks.
QUADRANT_ADVICE = {
    "nauw betrekken": "Samen plannen: vaste plek in het CAP-overleg en vroeg meebeslissen.",
    "tevreden houden": "Kort en op tijd informeren over wat voor hen telt; geen details.",
    "informeren": "Regelmatig op de hoogte houden; zij merken de gevolgen als eerste.",
    "monitoren": "Af en toe nagaan of hun invloed of belang verandert.",
}

#: Parties that the shipped file must contain (the course refers to them by these names).
CORE_STAKEHOLDERS = (
    "Directie", "Marketing", "HR", "Recruitment", "Management", "IT", "BI",
    "Ondernemingsraad", "Outsource-partij", "Finance", "Postkamer",
)

SCHEMA = {
    "stakeholder": Column("str"),
    "role": Column("str"),
    "needs_from_wfm": Column("str"),
    "wfm_needs": Column("str"),
    "trigger": Column("str"),
    "effect_type": Column("str", choices=EFFECT_TYPES),
    "effect_size": Column("float", low=-1.0, high=1.0),   # -1 itself is excluded below
    "effect_example": Column("str"),
    "rhythm": Column("str"),
    "influence": Column("int", low=1, high=5),
    "interest": Column("int", low=1, high=5),
}


# ---------------------------------------------------------------------------
# effect sign rules, shared by the loader and apply_effect
# ---------------------------------------------------------------------------
def _sign_problem(effect_type: str, size: float) -> str | None:
    """None when ``size`` fits ``effect_type``, else a description of the rule."""
    if not -1.0 < size <= 1.0:
        return "must be > -1 and <= 1"
    if effect_type == "volume_piek" and not size > 0:
        return "must be > 0 for volume_piek (extra volume)"
    if effect_type == "volume_verschuiving" and not 0 < size <= 1:
        return "must be > 0 and <= 1 for volume_verschuiving (share of the volume moved)"
    if effect_type == "capaciteitsverlies" and not size < 0:
        return "must be < 0 for capaciteitsverlies (capacity lost is negative)"
    if effect_type == "capaciteitswinst" and not size > 0:
        return "must be > 0 for capaciteitswinst (capacity gained)"
    if effect_type == "geen" and size != 0:
        return "must be 0 for geen"
    return None


# ---------------------------------------------------------------------------
# data file
# ---------------------------------------------------------------------------
def load(path=None) -> pd.DataFrame:
    """Read ``data/stakeholders.csv`` (or ``path``) and check it.

    Besides the column types and bounds of :data:`SCHEMA` it checks that ``effect_size`` is
    in (-1, 1] and has the sign its ``effect_type`` requires (see the module docstring), and
    that stakeholder names are unique (ignoring case). Any problem raises
    :class:`~wfmcourse.data.files.DataFileError` naming file, line and column.
    """
    path = data_path(FILE_NAME) if path is None else path
    frame = read_table(path, SCHEMA)
    for row, (etype, size) in enumerate(zip(frame["effect_type"], frame["effect_size"])):
        problem = _sign_problem(etype, float(size))
        if problem:
            raise DataFileError(path, row + 2, "effect_size", f"{problem} (got {size!r})")
    names = frame["stakeholder"].str.casefold()
    duplicated = names.duplicated()
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0])
        first = int(np.flatnonzero((names == names.iloc[row]).to_numpy())[0])
        raise DataFileError(path, row + 2, "stakeholder",
                            f"duplicate name {frame['stakeholder'].iloc[row]!r} "
                            f"(first on line {first + 2})")
    return frame.reset_index(drop=True)


# ---------------------------------------------------------------------------
# stakeholder map
# ---------------------------------------------------------------------------
def _score(name, value):
    return as_array(name, value, low=1, high=5, integer=True)


def _threshold(value):
    return float(whole("threshold", value, low=2, high=5))


def quadrant(influence, interest, threshold=3):
    """The stakeholder-map quadrant (Dutch label) for influence and interest scores of 1 to 5.

    A score counts as *high* when it is **>= threshold** (the threshold is inclusive: with the
    default 3, a score of 3 is high). ``threshold`` is a whole number from 2 to 5, so both
    halves are non-empty.

    =====================  ==================  ===============
    influence \\ interest   high (>= t)         low (< t)
    =====================  ==================  ===============
    high (>= t)            "nauw betrekken"    "tevreden houden"
    low (< t)              "informeren"        "monitoren"
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
def _like(result, template):
    """Return a Series with the template's index when the template is a Series of the same length."""
    if isinstance(template, pd.Series) and np.ndim(result) == 1 and len(result) == len(template):
        return pd.Series(result, index=template.index, name=template.name)
    if np.ndim(result) == 0:
        return float(np.asarray(result).item())
    return result


def campaign_peak(volume, uplift):
    """Volume with a campaign peak: ``volume * (1 + uplift)``.

    ``uplift`` >= 0 is the relative extra volume (0.25 = +25 %); it may be an array, e.g. a
    decaying uplift per day ``[0.3, 0.15, 0.05, 0]``, that broadcasts against ``volume``.
    ``volume`` must be >= 0.
    """
    v = as_array("volume", volume)
    u = as_array("uplift", uplift)
    v, u = broadcast(volume=v, uplift=u)
    return _like(v * (1.0 + u), volume)


def shifted_volume(weekly_volume, share_moved, weeks=1, *, cyclic=True):
    """Volume per week after part of it moves to later weeks (e.g. an invoice sent in parts).

    Of every week's volume the fraction ``share_moved`` (0 to 1; scalar, or an array that
    broadcasts against ``weekly_volume``) is spread evenly over the next ``weeks`` weeks
    (whole number >= 1); the rest stays. The total is conserved:

    * ``cyclic=True`` (default): ``weekly_volume`` is one repeating cycle (e.g. the 4 weeks of
      a monthly invoice run), so volume moved past the last week lands at the start, exactly
      as the next cycle's moved volume would. Same length as the input.
    * ``cyclic=False``: the result is ``weeks`` weeks longer, holding what moved past the end.

    Works along the last axis, so a 2-D array holds several series (one per row).
    """
    v = as_array("weekly_volume", weekly_volume)
    if v.ndim == 0 or v.shape[-1] == 0:
        raise ValueError(f"weekly_volume must be a non-empty sequence of weeks, got {weekly_volume!r}")
    s = as_array("share_moved", share_moved, high=1.0)
    k = whole("weeks", weeks, low=1)
    cyclic = flag("cyclic", cyclic)
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
    return _like(out, weekly_volume)


def capacity_loss(agents, loss_fraction):
    """Agents (or hours) still available when a fraction is lost: ``agents * (1 - loss_fraction)``.

    ``loss_fraction`` is positive here (0.15 = 15 % lost, e.g. during a planned IT outage),
    from 0 to 1; ``agents`` >= 0. The result is not rounded.
    """
    a = as_array("agents", agents)
    f = as_array("loss_fraction", loss_fraction, high=1.0)
    a, f = broadcast(agents=a, loss_fraction=f)
    return _like(a * (1.0 - f), agents)


def capacity_gain(agents, gain_fraction):
    """Agents (or hours) available after a gain: ``agents * (1 + gain_fraction)``, gain >= 0."""
    a = as_array("agents", agents)
    g = as_array("gain_fraction", gain_fraction)
    a, g = broadcast(agents=a, gain_fraction=g)
    return _like(a * (1.0 + g), agents)


def apply_effect(values, effect_type, effect_size, *, weeks=1, cyclic=True):
    """Apply one row's effect (``effect_type``, ``effect_size`` as in the data file) to ``values``.

    ``values`` is a volume (for ``volume_piek``, ``volume_verschuiving`` and ``geen``) or a
    capacity in agents or hours (for ``capaciteitsverlies`` and ``capaciteitswinst``). The sign
    of ``effect_size`` must match the type (see the module docstring), so
    ``apply_effect(60, "capaciteitsverlies", -0.15)`` gives 51.0. ``weeks`` and ``cyclic`` are
    passed to :func:`shifted_volume`. ``geen`` returns the values unchanged (as floats).
    """
    choice("effect_type", effect_type, EFFECT_TYPES)
    size = scalar("effect_size", effect_size, low=None)
    as_array("values", values)
    whole("weeks", weeks, low=1)
    flag("cyclic", cyclic)
    problem = _sign_problem(effect_type, size)
    if problem:
        raise ValueError(f"effect_size {problem}, got {_show(effect_size)}")
    if effect_type == "volume_piek":
        return campaign_peak(values, size)
    if effect_type == "volume_verschuiving":
        return shifted_volume(values, size, weeks, cyclic=cyclic)
    if effect_type == "capaciteitsverlies":
        return capacity_loss(values, -size)
    if effect_type == "capaciteitswinst":
        return capacity_gain(values, size)
    return _like(as_array("values", values), values)
