"""Input validation and the Series plumbing shared by all modules (the bottom layer).

Every public function checks its arguments here, so bad input always fails the same way:

* :class:`ParameterTypeError` (a ``TypeError``) for a value of the wrong type: ``None`` where a
  number is needed, text, bytes, ``True``/``False``, complex numbers, dicts, sets;
* :class:`ParameterValueError` (a ``ValueError``) for a value of the right type that is not
  allowed: NaN or infinity, out of range, not whole, empty, ragged or of the wrong shape, an
  unknown option.

Both carry ``parameter`` (the name), ``value`` (the offending value) and ``kind`` (a short
machine-readable reason: ``"type"``, ``"not_finite"``, ``"too_small"``, ``"too_large"``,
``"not_integer"``, ``"shape"``, ``"empty"``, ``"choice"``, ``"columns"``, ``"inconsistent"``,
``"index"`` for a pandas index that is not the time index asked for, ``"exceeds_whole"`` for a
part larger than its whole, among others; :data:`wfmcourse.presentation.messages.KINDS` lists them
all with their Dutch sentence) next to a readable English message that names the parameter and
the value. Nothing is clipped or silently converted.
"""
from __future__ import annotations

import numbers
import reprlib
from collections.abc import Mapping

import numpy as np
import pandas as pd

_REPR = reprlib.Repr()
_REPR.maxstring = 60
_REPR.maxother = 60
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 6


class _ParameterProblem:
    """What the two typed errors share: the parameter, the value and the kind of problem."""

    def __init__(self, parameter, value, kind, message):
        super().__init__(message)
        self.parameter = parameter
        self.value = value
        self.kind = kind

    def __reduce__(self):
        return type(self), (self.parameter, self.value, self.kind, self.args[0])


class ParameterValueError(_ParameterProblem, ValueError):
    """A parameter of the right type with a value that is not allowed."""


class ParameterTypeError(_ParameterProblem, TypeError):
    """A parameter of the wrong type (text, bytes, a bool, a complex number, None, ...)."""


def short_repr(value) -> str:
    """A short one-line ``repr`` of ``value`` for messages (long lists and texts abbreviated)."""
    if isinstance(value, pd.DataFrame):
        return f"a DataFrame of shape {value.shape}"
    if isinstance(value, (pd.Series, pd.Index)):
        return f"{type(value).__name__}({_REPR.repr(value.tolist())}, dtype={value.dtype})"
    if isinstance(value, np.ndarray) and value.size > 6:
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    return _REPR.repr(value)


def show_bad(value, bad_mask=None) -> str:
    """A short representation of the offending value (first bad element of an array)."""
    arr = np.asarray(value)
    if arr.ndim == 0 or bad_mask is None:
        return short_repr(value) if arr.ndim else repr(arr.item())
    index = tuple(int(i) for i in np.argwhere(bad_mask)[0])
    where = index[0] if len(index) == 1 else index
    return f"{arr[index].item()!r} (at index {where})"


_show = show_bad      # roster and stakeholders still import the old private name: switch, then delete


def type_error(name, value, expected) -> ParameterTypeError:
    """A :class:`ParameterTypeError` saying what ``name`` must be and what it got."""
    return ParameterTypeError(name, value, "type",
                              f"{name} must be {expected}, got {short_repr(value)} "
                              f"(type {type(value).__name__})")


def value_error(name, value, kind, requirement, shown=None) -> ParameterValueError:
    """A :class:`ParameterValueError`: ``"{name} must {requirement}, got {shown}"``."""
    shown = short_repr(value) if shown is None else shown
    return ParameterValueError(name, value, kind, f"{name} must {requirement}, got {shown}")


# ---------------------------------------------------------------------------
# numbers and arrays of numbers
# ---------------------------------------------------------------------------
_NUMBERS = "a real number or an array of real numbers"
_REFUSED = (str, bytes, bytearray, Mapping, set, frozenset)


def _is_real(x, allow_bool):
    if isinstance(x, (bool, np.bool_)):
        return allow_bool
    return isinstance(x, (numbers.Real, np.integer, np.floating))


def _numeric(name, value, allow_bool):
    """``value`` as a numpy array of a real (or, if allowed, boolean) dtype; refuses the rest."""
    if type(value) in (float, int):                  # the common case, quickly (bool excluded)
        return np.asarray(value)
    expected = _NUMBERS if not allow_bool else _NUMBERS + " (or True/False flags)"
    if value is None or isinstance(value, _REFUSED):
        raise type_error(name, value, expected)
    if isinstance(value, (bool, np.bool_)) and not allow_bool:
        raise type_error(name, value, expected + " (True/False is not a number here)")
    if isinstance(value, (pd.Series, pd.Index, pd.DataFrame)):
        dtypes = list(value.dtypes) if isinstance(value, pd.DataFrame) else [value.dtype]
        for dtype in dtypes:
            if pd.api.types.is_bool_dtype(dtype):
                if not allow_bool:
                    raise type_error(name, value, f"{expected} (not a column of dtype {dtype})")
            elif dtype != np.dtype(object) and (not pd.api.types.is_numeric_dtype(dtype)
                                      or pd.api.types.is_complex_dtype(dtype)):
                raise type_error(name, value, f"{expected} (not a column of dtype {dtype})")
        if all(pd.api.types.is_numeric_dtype(d) and not pd.api.types.is_bool_dtype(d)
               for d in dtypes):
            return value.to_numpy(dtype=float, na_value=np.nan)    # pandas NA counts as NaN
        value = value.to_numpy()
    try:
        arr = np.asarray(value)
    except ValueError:
        raise value_error(name, value, "shape",
                          "be a number or a rectangular (not ragged) array of numbers") from None
    except TypeError:
        raise type_error(name, value, expected) from None
    kind = arr.dtype.kind
    if kind in "iuf" or (kind == "b" and allow_bool):
        return arr
    if kind == "b":
        raise type_error(name, value, expected + " (True/False is not a number here)")
    if kind == "O":
        flat = arr.ravel()
        bad = next((i for i, x in enumerate(flat) if not _is_real(x, allow_bool)), None)
        if bad is None:
            return arr.astype(float)
        if arr.ndim == 0:
            raise type_error(name, value, expected)
        where = np.unravel_index(bad, arr.shape)
        where = where[0] if len(where) == 1 else tuple(int(w) for w in where)
        raise ParameterTypeError(name, value, "type",
                                 f"{name} must be {expected}, got {short_repr(flat[bad])} "
                                 f"(type {type(flat[bad]).__name__}) at index {where}")
    raise type_error(name, value, expected if kind != "c"
                     else expected + " (a complex number would lose its imaginary part)")


def as_array(name, value, *, low=0.0, low_inclusive=True, high=None, high_inclusive=True,
             integer=False, allow_bool=False) -> np.ndarray:
    """Return ``value`` as a float array after checking its type, that it is finite and in range.

    Accepts Python and numpy real numbers, real numpy arrays, (nested, rectangular) lists and
    tuples of real numbers and pandas objects of a real dtype. ``allow_bool`` also accepts
    True/False (read as 1/0) for parameters documented as flags. Raises
    :class:`ParameterTypeError` or :class:`ParameterValueError` naming ``name`` and the value.
    """
    raw = _numeric(name, value, allow_bool)
    arr = raw.astype(float, copy=False)
    bad = ~np.isfinite(arr)
    if bad.any():
        raise value_error(name, value, "not_finite", "be a finite number", show_bad(raw, bad))
    if low is not None:
        bad = arr < low if low_inclusive else arr <= low
        if bad.any():
            sign = ">=" if low_inclusive else ">"
            raise value_error(name, value, "too_small", f"be {sign} {low:g}", show_bad(raw, bad))
    if high is not None:
        bad = arr > high if high_inclusive else arr >= high
        if bad.any():
            sign = "<=" if high_inclusive else "<"
            raise value_error(name, value, "too_large", f"be {sign} {high:g}", show_bad(raw, bad))
    if integer:
        bad = arr != np.round(arr)
        if bad.any():
            raise value_error(name, value, "not_integer", "be a whole number", show_bad(raw, bad))
    return arr


def optional_array(name, value, **limits) -> np.ndarray | None:
    """Like :func:`as_array`, but ``None`` passes through as ``None``."""
    return None if value is None else as_array(name, value, **limits)


def scalar(name, value, **limits) -> float:
    """One number (not an array) checked as by :func:`as_array`, as a ``float``."""
    arr = as_array(name, value, **limits)
    if arr.ndim:
        raise value_error(name, value, "shape", "be a single number")
    return float(arr)


def whole(name, value, **limits) -> int:
    """One whole number checked as by :func:`as_array`, as an ``int``."""
    return int(scalar(name, value, integer=True, **limits))


def one_dimensional(name, value, *, nonempty=True, scalar_ok=True, **limits) -> np.ndarray:
    """A one-dimensional array checked as by :func:`as_array`; a single number counts as one
    value unless ``scalar_ok`` is False. ``nonempty``: at least one value."""
    arr = as_array(name, value, **limits)
    if arr.ndim == 0 and scalar_ok:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        what = "a number or a one-dimensional sequence" if scalar_ok else "a one-dimensional sequence"
        raise value_error(name, value, "shape", f"be {what}", f"shape {arr.shape}")
    if nonempty and arr.size == 0:
        raise value_error(name, value, "empty", "contain at least one value")
    return arr


def broadcast(**arrays) -> list:
    """Broadcast validated arrays together; ``None`` values pass through as ``None``.

    A shape mismatch raises :class:`ParameterValueError` naming every parameter with its shape
    (``parameter`` is the first one that does not fit the ones before it).
    """
    given = {k: v for k, v in arrays.items() if v is not None}
    shape = ()
    for name, value in given.items():
        try:
            shape = np.broadcast_shapes(shape, np.shape(value))
        except ValueError:
            shapes = ", ".join(f"{k} {np.shape(v)}" for k, v in given.items())
            raise ParameterValueError(
                name, value, "shape",
                f"{name} must have a shape that broadcasts with the other arguments, got "
                f"shapes {shapes}") from None
    out = dict(zip(given, np.broadcast_arrays(*given.values()))) if given else {}
    return [out.get(k) for k in arrays]


# ---------------------------------------------------------------------------
# options, flags, text and tables
# ---------------------------------------------------------------------------
def choice(name, value, options) -> str:
    """``value`` if it is one of ``options`` (strings); otherwise a named error."""
    if not isinstance(value, str):
        raise type_error(name, value, f"one of {', '.join(map(repr, options))}")
    if value not in options:
        raise value_error(name, value, "choice", f"be one of {', '.join(map(repr, options))}")
    return value


def flag(name, value) -> bool:
    """``value`` as a bool; only True and False (Python or numpy) are accepted."""
    if not isinstance(value, (bool, np.bool_)):
        raise type_error(name, value, "True or False")
    return bool(value)


def text(name, value, *, optional=False) -> str | None:
    """``value`` if it is a ``str`` (or ``None`` when ``optional``)."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise type_error(name, value, "a text (str)" + (" or None" if optional else ""))
    return value


def dataframe(name, value, columns=(), *, nonempty=False) -> pd.DataFrame:
    """``value`` if it is a pandas DataFrame with ``columns`` (and, if asked, at least one row)."""
    if not isinstance(value, pd.DataFrame):
        raise type_error(name, value, "a pandas DataFrame")
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise ParameterValueError(name, value, "columns",
                                  f"{name} must have the columns {list(columns)}, missing "
                                  f"{missing}")
    if nonempty and value.empty:
        raise ParameterValueError(name, value, "empty",
                                  f"{name} must contain at least one row, got an empty DataFrame")
    return value


def series(name, value, *, index=None) -> pd.Series:
    """``value`` if it is a pandas Series (with an index of type ``index`` when given)."""
    wanted = "a pandas Series"
    if index is not None:
        wanted += " with a " + (index.__name__ if isinstance(index, type)
                                else " or ".join(i.__name__ for i in index))
    if not isinstance(value, pd.Series) or (index is not None
                                            and not isinstance(value.index, index)):
        raise type_error(name, value, wanted)
    return value


def ndim(value) -> int:
    """``np.ndim(value)``, but 1 for a ragged list (which :func:`as_array` then refuses by name)."""
    try:
        return np.ndim(value)
    except ValueError:
        return 1


def is_scalar_call(*values) -> bool:
    """True when every given argument is a scalar (so the result should be a scalar too)."""
    return all(ndim(v) == 0 for v in values if v is not None)


def finish(result, scalar, dtype=float) -> float | int | np.ndarray:
    """Return a Python scalar for scalar calls, otherwise an array of ``dtype``."""
    result = np.asarray(result, dtype=dtype)
    if scalar:
        return dtype(result.item()) if dtype in (float, int) else result[()]
    return result


def series_index(**named) -> pd.Index | None:
    """The index shared by the pandas Series among the arguments (None when there is none).

    Series arguments with different indexes raise :class:`ParameterValueError` (kind
    ``"inconsistent"``) naming both parameters; non-Series arguments are ignored.
    """
    index, first = None, None
    for name, value in named.items():
        if isinstance(value, pd.Series):
            if index is None:
                index, first = value.index, name
            elif not value.index.equals(index):
                raise ParameterValueError(
                    name, value, "inconsistent",
                    f"{name} and {first} must be Series with the same index, "
                    f"got {value.index!r} and {index!r}")
    return index


def wrap(result, scalar, index, name) -> float | np.ndarray | pd.Series:
    """Scalar, Series (keeping ``index``, named ``name``) or array, matching what came in.

    ``scalar`` (from :func:`is_scalar_call`) gives a Python float; ``index`` (from
    :func:`series_index`) a Series on that index; otherwise a float array.
    """
    if index is not None:
        result = np.asarray(result, dtype=float)
        if result.shape != (len(index),):
            raise ValueError(f"the result of {name} has shape {result.shape}, which does not fit "
                             f"the Series index of length {len(index)}")
        return pd.Series(result, index=index, name=name)
    return finish(result, scalar)


def regular_time_index(name, index, *, interval=None, gaps=True, increasing=False) -> float:
    """The interval length in seconds of a time index with one interval length.

    ``step = min_i (t[i+1] - t[i])`` over the sorted timestamps, and every timestamp must lie on
    the grid ``t[0] + k * step`` (k whole): one interval length, as in 15-minute data. With
    ``gaps=True`` intervals may be missing (closed intervals left out); with ``gaps=False`` every
    step must equal ``step``. ``increasing=True`` also refuses timestamps out of order.

    ``index`` belongs to the parameter ``name`` (a DatetimeIndex, unique, without NaT).
    ``interval`` (seconds), when given, must equal the step; it is also the answer for an index of
    one timestamp. Without ``interval`` such an index needs a fixed ``index.freq``. Problems
    raise :class:`ParameterValueError` (kind ``"index"``, or ``"inconsistent"`` naming
    ``interval`` when the step does not match it).
    """
    if not isinstance(index, pd.DatetimeIndex):
        raise value_error(name, index, "index", "have a DatetimeIndex", type(index).__name__)
    order = "unique, increasing" if increasing else "unique"
    if index.hasnans or not index.is_unique or (increasing and not index.is_monotonic_increasing):
        raise value_error(name, index, "index", f"have {order} timestamps without NaT",
                          short_repr(index))
    seconds = None if interval is None else scalar("interval", interval, low=0.0,
                                                   low_inclusive=False)
    if len(index) < 2:
        freq = index.freq
        if seconds is None and isinstance(freq, pd.tseries.offsets.Tick):
            seconds = pd.Timedelta(freq).total_seconds()
        if seconds is None:
            raise value_error(name, index, "index", "have a fixed frequency (at least 2 timestamps "
                              "one interval apart, e.g. every 15 minutes)", short_repr(index))
        return seconds
    ordered = index.sort_values().as_unit("ns").asi8        # nanoseconds since 1970 (UTC)
    steps = np.diff(ordered)
    smallest = int(steps.min())
    if (gaps and np.any((ordered - ordered[0]) % smallest)) or (not gaps and np.any(steps != smallest)):
        raise value_error(name, index, "index", "have a fixed frequency (one interval length "
                          "between timestamps" + (", no gaps" if not gaps else "") + ", e.g. every 15 "
                          "minutes)", short_repr(index))
    step = smallest / 1e9
    if seconds is not None and step != seconds:
        raise ParameterValueError(
            "interval", interval, "inconsistent",
            f"interval must match the index of {name}: its smallest step is "
            f"{pd.Timedelta(smallest, 'ns')}, got interval={interval!r} s")
    return step


def two_by_two(first, second, names, high_first, high_second, labels) -> str | np.ndarray | pd.Series:
    """Label each pair of scores with one of four quadrant names (a 2 x 2 matrix).

    ``high_first``/``high_second`` are boolean arrays (score >= threshold) of the validated
    ``first``/``second`` arguments, ``names`` the two parameter names for errors, and ``labels``
    maps ``(first_high, second_high)`` to the label. Scalars give a ``str``; when either argument
    is a pandas Series of the result's length, a Series with its index (named "kwadrant");
    otherwise a numpy array of ``str``.
    """
    high_first, high_second = broadcast(**{names[0]: high_first, names[1]: high_second})
    out = np.where(high_first,
                   np.where(high_second, labels[True, True], labels[True, False]),
                   np.where(high_second, labels[False, True], labels[False, False]))
    if out.ndim == 0:
        return str(out.item())
    for value in (first, second):
        if isinstance(value, pd.Series) and out.shape == (len(value),):
            return pd.Series(out.astype(object), index=value.index, name="kwadrant")
    return out


ROUNDING = 1e-9    # relative tolerance for float noise such as 7.15 - 7.15000000001


def gap(name, larger_name, larger, smaller_name, smaller, labels=None) -> np.ndarray:
    """``larger - smaller`` where it can only be >= 0 (e.g. scheduled - logged-in hours).

    Rounding noise (below ``ROUNDING`` relative to the sizes) is set to 0; a real negative gap
    is an inconsistency and raises :class:`ParameterValueError` naming ``name``, both columns
    and the first row (``labels`` gives the row labels).
    """
    big, small = np.asarray(larger, dtype=float), np.asarray(smaller, dtype=float)
    diff = big - small
    noise = ROUNDING * np.maximum(1.0, np.maximum(np.abs(big), np.abs(small)))
    bad = diff < -noise
    if bad.any():
        i = int(np.flatnonzero(np.ravel(bad))[0])
        where = "" if labels is None else f" at row {list(labels)[i]!r}"
        got_small, got_big = np.ravel(small)[i].item(), np.ravel(big)[i].item()
        raise ParameterValueError(
            name, got_small, "inconsistent",
            f"{name} must have {smaller_name} <= {larger_name}, got {smaller_name}="
            f"{got_small!r} > {larger_name}={got_big!r}{where}")
    return np.where(diff < 0, 0.0, diff)


def optional_scalar(name, value, **limits) -> float | None:
    """``None``, or one number checked as by :func:`as_array` (as a ``float``)."""
    return None if value is None else scalar(name, value, **limits)


def instance(name, value, kind, expected) -> object:
    """``value`` if it is an instance of ``kind``; otherwise a :class:`ParameterTypeError`
    saying it must be ``expected`` (e.g. ``"a RosterResult from plan_shifts"``)."""
    if not isinstance(value, kind):
        raise type_error(name, value, expected)
    return value
