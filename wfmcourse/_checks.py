"""Input validation shared by all modules.

Every public function turns its numeric arguments into float arrays through
:func:`as_array`, so bad input always fails the same way: a ``ValueError`` that
names the parameter and shows the offending value. Nothing is clipped.
"""
from __future__ import annotations

import numpy as np


def _show(value, bad_mask=None):
    """A short representation of the offending value (first bad element of an array)."""
    arr = np.asarray(value)
    if arr.ndim == 0 or bad_mask is None:
        return repr(value) if arr.ndim else repr(arr.item())
    index = tuple(int(i) for i in np.argwhere(bad_mask)[0])
    where = index[0] if len(index) == 1 else index
    return f"{arr[index].item()!r} (at index {where})"


def as_array(name, value, *, low=0.0, low_inclusive=True, high=None, high_inclusive=True,
             integer=False):
    """Return ``value`` as a float array after checking it is finite and in range.

    Raises ``ValueError`` naming ``name`` and the first offending value.
    """
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or an array of numbers, got {value!r}") from None
    bad = ~np.isfinite(arr)
    if bad.any():
        raise ValueError(f"{name} must be a finite number, got {_show(value, bad)}")
    if low is not None:
        bad = arr < low if low_inclusive else arr <= low
        if bad.any():
            sign = ">=" if low_inclusive else ">"
            raise ValueError(f"{name} must be {sign} {low:g}, got {_show(value, bad)}")
    if high is not None:
        bad = arr > high if high_inclusive else arr >= high
        if bad.any():
            sign = "<=" if high_inclusive else "<"
            raise ValueError(f"{name} must be {sign} {high:g}, got {_show(value, bad)}")
    if integer:
        bad = arr != np.round(arr)
        if bad.any():
            raise ValueError(f"{name} must be a whole number, got {_show(value, bad)}")
    return arr


def optional_array(name, value, **limits):
    """Like :func:`as_array`, but ``None`` passes through as ``None``."""
    return None if value is None else as_array(name, value, **limits)


def is_scalar_call(*values):
    """True when every given argument is a scalar (so the result should be a scalar too)."""
    return all(np.ndim(v) == 0 for v in values if v is not None)


def finish(result, scalar, dtype=float):
    """Return a Python scalar for scalar calls, otherwise an array of ``dtype``."""
    result = np.asarray(result, dtype=dtype)
    if scalar:
        return dtype(result.item()) if dtype in (float, int) else result[()]
    return result


def two_by_two(first, second, names, high_first, high_second, labels):
    """Label each pair of scores with one of four quadrant names (a 2 x 2 matrix).

    ``high_first``/``high_second`` are boolean arrays (score >= threshold) of the validated
    ``first``/``second`` arguments, ``names`` the two parameter names for errors, and ``labels``
    maps ``(first_high, second_high)`` to the label. Scalars give a ``str``; when either argument
    is a pandas Series of the result's length, a Series with its index (named "kwadrant");
    otherwise a numpy array of ``str``.
    """
    import pandas as pd

    try:
        high_first, high_second = np.broadcast_arrays(high_first, high_second)
    except ValueError:
        raise ValueError(f"{names[0]} and {names[1]} must have matching shapes, got "
                         f"{np.shape(first)} and {np.shape(second)}") from None
    out = np.where(high_first,
                   np.where(high_second, labels[True, True], labels[True, False]),
                   np.where(high_second, labels[False, True], labels[False, False]))
    if out.ndim == 0:
        return str(out.item())
    for value in (first, second):
        if isinstance(value, pd.Series) and out.shape == (len(value),):
            return pd.Series(out.astype(object), index=value.index, name="kwadrant")
    return out
