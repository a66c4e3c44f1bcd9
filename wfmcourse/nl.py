"""Numbers written the Dutch way, for everything a learner or client reads.

Decimal comma, a dot between thousands (``1.234,5``), ``oneindig`` for an infinite value and
a dash for a missing one. One place, so the calculator, the command line, the dashboard and
the exercise feedback all write ``78,3 %`` the same way.
"""
from __future__ import annotations

import math

__all__ = ["number", "percent", "short"]


def number(value, decimals=1, *, thousands=True, signed=False) -> str:
    """``1234.56 -> "1.234,6"``; ``None -> "–"``, ``inf -> "oneindig"``.

    ``thousands=False`` leaves out the thousands dot (``"1234,6"``); ``signed=True`` writes a
    plus sign before positive numbers (``"+2,5"``), as for a bias or a change.
    """
    if value is None:
        return "–"
    value = float(value)
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
    if fraction is None:
        return "–"
    return number(100.0 * float(fraction), decimals, signed=signed) + (" %" if space else "%")


def short(value) -> str:
    """A number without needless decimals: ``20.0 -> "20"``, ``85.5 -> "85,5"``, ``1/3 -> "0,33"``."""
    value = float(value)
    if value.is_integer():
        return number(value, 0)
    return number(value, 2).rstrip("0").rstrip(",")
