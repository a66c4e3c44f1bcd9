"""Numbers written the Dutch way, for everything a learner or client reads.

Decimal comma, a dot between thousands (``1.234,5``), ``oneindig`` for an infinite value and
a dash for a missing one. One place, so the calculator, the command line, the dashboard and
the exercise feedback all write ``78,3 %`` the same way.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from ._checks import flag, type_error, whole

__all__ = ["number", "percent", "short"]


def _real(name, value):
    """``value`` as a float: a real number (NaN and infinity allowed), never text or a bool."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.number)) \
            or isinstance(value, np.complexfloating):
        raise type_error(name, value, "a real number or None")
    return float(value)


def number(value, decimals=1, *, thousands=True, signed=False) -> str:
    """``1234.56 -> "1.234,6"``; ``None -> "–"``, ``inf -> "oneindig"``.

    ``thousands=False`` leaves out the thousands dot (``"1234,6"``); ``signed=True`` writes a
    plus sign before positive numbers (``"+2,5"``), as for a bias or a change.
    """
    decimals = whole("decimals", decimals)
    thousands, signed = flag("thousands", thousands), flag("signed", signed)
    if value is None:
        return "–"
    value = _real("value", value)
    if math.isnan(value):
        return "–"
    if math.isinf(value):
        return "oneindig" if value > 0 else "min oneindig"
    text = f"{value:{'+' if signed else ''}{',' if thousands else ''}.{decimals}f}"
    if text.lstrip("+-").strip("0,.") == "":       # -0.0 rounds to "-0,0": show "0,0"
        text = text.lstrip("+-")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def percent(fraction, decimals=1, *, space=True, signed=False) -> str:
    """A fraction as a percentage: ``0.7829 -> "78,3 %"`` (``space=False``: ``"78,3%"``)."""
    space = flag("space", space)
    if fraction is None:
        number(None, decimals, signed=signed)          # checks decimals and signed
        return "–"
    return number(100.0 * _real("fraction", fraction), decimals, signed=signed) + (" %" if space else "%")


def short(value) -> str:
    """A number without needless decimals: ``20.0 -> "20"``, ``85.5 -> "85,5"``, ``1/3 -> "0,33"``."""
    value = _real("value", value)
    if value.is_integer():
        return number(value, 0)
    return number(value, 2).rstrip("0").rstrip(",")
