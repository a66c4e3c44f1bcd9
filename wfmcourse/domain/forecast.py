"""Forecasting contact volumes and measuring forecast accuracy.

* Accuracy: :func:`wape` (the WFM standard), :func:`mape` (and why it misleads),
  :func:`bias` (systematic over- or under-forecasting).
* Simple, honest forecasts: :func:`seasonal_naive` (same slot one season ago) and
  :func:`profile_forecast` (mean per weekday and time-of-day slot over recent weeks).
* The floor: :func:`poisson_mad` and :func:`poisson_noise_floor`. Contacts arrive at random
  (Poisson), so even a forecast that knows the true expected volume ``lambda`` has an error;
  in quiet intervals that error is large relative to the volume and no model can beat it.

Volumes are counts, so ``actual`` and ``forecast`` must be >= 0 and finite. Accuracy measures
aggregate over all intervals and return one float. Impossible input raises
``ParameterValueError`` (a ``ValueError``) naming the parameter and the value.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import gammaln

from wfmcourse.validation import (
    ParameterValueError,
    as_array,
    is_scalar_call,
    one_dimensional,
    regular_time_index,
    series,
    series_index,
    show_bad,
    type_error,
    value_error,
    wrap,
)

__all__ = [
    "wape",
    "mape",
    "bias",
    "seasonal_naive",
    "profile_forecast",
    "poisson_mad",
    "poisson_noise_floor",
    "WEEKDAYS",
    "weekday_profile",
    "intraday_profile",
]


def _pair(actual, forecast):
    """Validated, equally long 1-d arrays of actual and forecast volumes."""
    series_index(actual=actual, forecast=forecast)
    a = np.atleast_1d(as_array("actual", actual))
    f = np.atleast_1d(as_array("forecast", forecast))
    if a.ndim != 1 or f.ndim != 1 or a.shape != f.shape:
        raise ParameterValueError("forecast", forecast, "shape",
            f"actual and forecast must be one-dimensional and of equal length, "
            f"got shapes {a.shape} and {f.shape}")
    if a.size == 0:
        raise ParameterValueError("actual", actual, "empty",
            "actual and forecast must contain at least one interval, got none")
    return a, f


def _positive_total(a, measure):
    if a.sum() == 0:
        raise ParameterValueError("actual", a, "too_small",
            f"actual must sum to > 0 ({measure} is undefined when every actual is "
            f"0), got sum 0")


def wape(actual, forecast) -> float:
    """Weighted absolute percentage error: ``WAPE = sum|a - f| / sum|a|`` (fraction, >= 0).

    The total absolute error as a share of the total volume. Busy intervals weigh in
    proportion to their volume, which is what staffing cares about. 0 for a perfect forecast;
    it can exceed 1.
    """
    a, f = _pair(actual, forecast)
    _positive_total(a, "WAPE")
    return float(np.abs(a - f).sum() / np.abs(a).sum())


def mape(actual, forecast) -> float:
    """Mean absolute percentage error: ``MAPE = mean(|a - f| / |a|)`` (fraction, >= 0).

    Every interval weighs the same, however quiet. At 07:00 with 2 calls, a forecast of 4 is a
    100 % error, while 30 calls too many at 10:00 (300 calls) is 10 %; the quiet intervals
    dominate the mean even though they hardly matter for staffing, and random (Poisson)
    variation alone makes their percentage errors large (see :func:`poisson_noise_floor`).
    An actual of 0 makes the percentage undefined, so it raises; use :func:`wape`.
    """
    a, f = _pair(actual, forecast)
    zero = a == 0
    if zero.any():
        raise ParameterValueError("actual", actual, "too_small",
            f"actual must be > 0 for MAPE (the percentage error is undefined when "
            f"an actual is 0; use wape), got {show_bad(a, zero)}")
    return float(np.mean(np.abs(a - f) / np.abs(a)))


def bias(actual, forecast) -> float:
    """Forecast bias: ``bias = sum(f - a) / sum(a)`` (fraction).

    Sign convention: positive means the forecast was too high (over-forecast, over-staffing),
    negative too low (under-forecast, queues). Unlike WAPE, errors of opposite sign cancel,
    so bias shows a systematic error that WAPE alone hides.
    """
    a, f = _pair(actual, forecast)
    _positive_total(a, "bias")
    return float((f - a).sum() / a.sum())


# ---------------------------------------------------------------------------
# forecasts
# ---------------------------------------------------------------------------
def _frequency(index, name="history"):
    """The fixed step of a DatetimeIndex without gaps (:func:`regular_time_index`), as a Timedelta."""
    return pd.Timedelta(seconds=regular_time_index(name, index, gaps=False, increasing=True))


def _future_index(history, horizon):
    if isinstance(history.index, pd.DatetimeIndex):
        freq = _frequency(history.index)
        return pd.date_range(history.index[-1] + freq, periods=horizon, freq=freq)
    return pd.RangeIndex(len(history), len(history) + horizon)


def seasonal_naive(history, season_length, horizon) -> np.ndarray | pd.Series:
    """Seasonal naive forecast: every future slot gets the value one season earlier.

    ``forecast[T + h] = history[T + h - season_length * ceil(h / season_length)]``, i.e. the
    last full season repeated. With 15-minute data ``season_length=96`` is "same time
    yesterday", ``672`` "same time last week". The benchmark every other model must beat.

    A Series with a DatetimeIndex at a fixed frequency gives a Series over the next
    ``horizon`` timestamps; another Series gives positions ``len(history), ...``; an array
    gives an array.
    """
    m = int(as_array("season_length", season_length, low=1.0, integer=True))
    h = int(as_array("horizon", horizon, low=1.0, integer=True))
    values = np.atleast_1d(as_array("history", history))
    if values.ndim != 1 or values.size < m:
        raise ParameterValueError("history", history, "shape",
            f"history must be one-dimensional with at least season_length={m} "
            f"values, got shape {values.shape}")
    out = np.resize(values[-m:], h)
    if not isinstance(history, pd.Series):
        return out
    return pd.Series(out, index=_future_index(history, h), name="forecast")


def profile_forecast(history, periods=None, *, index=None, weeks=None) -> pd.Series:
    """Weekday x time-of-day profile: the mean volume per (weekday, slot) over recent weeks.

    ``forecast(Tuesday 09:15) = mean of history on Tuesdays at 09:15`` over the last ``weeks``
    weeks (all history when ``weeks`` is None).

    ``history``: Series of volumes with a DatetimeIndex at a fixed frequency (e.g. 15 minutes;
    closed intervals as 0, not left out). Give either ``periods`` (the next ``periods``
    timestamps after the history) or ``index`` (any DatetimeIndex whose slots occur in the
    history). Returns a Series named ``"forecast"`` on that index.
    """
    series("history", history)
    if index is not None and not isinstance(index, pd.DatetimeIndex):
        raise type_error("index", index, "a pandas DatetimeIndex or None")
    freq = _frequency(history.index)
    as_array("history", history)
    if (periods is None) == (index is None):
        raise ParameterValueError("periods", periods, "inconsistent",
            f"give exactly one of periods and index, got periods={periods!r} and "
            f"index={'None' if index is None else 'a DatetimeIndex'}")
    if index is None:
        n = int(as_array("periods", periods, low=1.0, integer=True))
        target = pd.date_range(history.index[-1] + freq, periods=n, freq=freq)
    else:
        if index.hasnans:
            raise ParameterValueError("index", index, "not_finite",
                f"index must be a DatetimeIndex without NaT, got {index!r}")
        target = index
    recent = history
    if weeks is not None:
        w = float(as_array("weeks", weeks, low=0.0, low_inclusive=False))
        start = history.index[-1] + freq - pd.Timedelta(weeks=w)
        recent = history[history.index >= start]
    stamps = recent.index
    profile = recent.groupby([stamps.day_of_week, stamps.time]).mean()
    keys = pd.MultiIndex.from_arrays([target.day_of_week, target.time])
    values = profile.reindex(keys)
    missing = values.isna().to_numpy()
    if missing.any():
        day, slot = keys[int(np.argmax(missing))]
        names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
        raise ParameterValueError("history", history, "inconsistent",
            f"history has no data for {names[day]} {slot} (needed for index "
            f"{target[int(np.argmax(missing))]}); use at least one full week of "
            f"history with the same time slots")
    return pd.Series(values.to_numpy(dtype=float), index=target, name="forecast")


# ---------------------------------------------------------------------------
# the Poisson floor
# ---------------------------------------------------------------------------
def poisson_mad(expected) -> float | np.ndarray | pd.Series:
    """Mean absolute deviation of Poisson arrivals: ``E|X - lambda|`` for ``X ~ Poisson(lambda)``.

    Exact closed form (the Poisson mean absolute deviation), with ``k = floor(lambda)``:
    ``E|X - lambda| = 2 lambda P(X = k) = 2 exp(-lambda) lambda^(k+1) / k!``. For ``k >= 16`` the
    probability is evaluated without cancellation (Loader 2000, as in R's ``dpois``):
    ``P(X = k) = exp(-stirlerr(k) - bd0) / sqrt(2 pi k)`` with ``bd0 = f - k log1p(f / k)``,
    ``f = lambda - k``, and ``stirlerr(k) = ln k! - (k + 1/2) ln k + k - ln sqrt(2 pi)`` from its
    asymptotic series, so it stays accurate (about 1e-15 relative) up to the largest float. It
    grows like ``sqrt(2 lambda / pi) (1 + O(1 / lambda))``, so relative to ``lambda`` it shrinks
    as volume grows. ``expected`` are contacts per interval; 0 gives 0. Series in gives Series out.
    """
    scalar = is_scalar_call(expected)
    index = series_index(expected=expected)
    lam = as_array("expected", expected)
    mad = np.zeros(lam.shape)
    k = np.floor(lam)
    small = (lam > 0) & (k < 16)
    ls, ks = lam[small], k[small]
    mad[small] = 2.0 * ls * np.exp(ks * np.log(ls) - ls - gammaln(ks + 1.0))
    big = k >= 16
    lb, kb = lam[big], k[big]
    bd0 = (lb - kb) - kb * np.log1p((lb - kb) / kb)
    mad[big] = (np.sqrt(2.0 / np.pi) * np.sqrt(lb) * np.sqrt(lb / kb)
                * np.exp(-_stirling_error(kb) - bd0))
    return wrap(mad, scalar, index, "poisson_mad")


def _stirling_error(k):
    """``ln k! - (k + 1/2) ln k + k - ln sqrt(2 pi)`` for whole ``k >= 16`` (asymptotic series;
    the first omitted term, ``691 / (360360 k^11)``, is below 1e-16)."""
    x = (1.0 / k) ** 2
    return (1.0 / 12 - x * (1.0 / 360 - x * (1.0 / 1260 - x * (1.0 / 1680 - x / 1188)))) / k


def poisson_noise_floor(expected) -> float:
    """The WAPE that even a perfect forecast has, because arrivals are Poisson.

    ``floor = sum_t E|X_t - lambda_t| / sum_t lambda_t`` with ``lambda_t = expected[t]`` the
    true expected volume per interval (see :func:`poisson_mad`). It is the ratio of the
    expected total error to the expected total volume, the natural expected WAPE of the
    forecast ``f_t = lambda_t``. One interval with ``lambda = 4`` has a floor of 39 %; with
    ``lambda = 400`` about 4 %: quiet intervals cannot be forecast better than that.
    """
    lam = np.atleast_1d(as_array("expected", expected))
    total = lam.sum()
    if total == 0:
        raise ParameterValueError("expected", expected, "too_small",
            "expected must sum to > 0 (the noise floor is a share of the expected "
            "volume, undefined without volume), got sum 0")
    return float(np.sum(poisson_mad(lam)) / total)


# ---------------------------------------------------------------------------
# Weekly and intraday volume profiles (drawn by
# wfmcourse.presentation.charts.profile_figure). ``volume`` is a Series of counts with a DatetimeIndex.
# ---------------------------------------------------------------------------
#: English weekday names, Monday first (pandas ``day_of_week`` order); the index of
#: :func:`weekday_profile`. Their Dutch labels are in :data:`wfmcourse.presentation.dutch.LABELS`.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _volume(name, volume):
    series(name, volume, index=pd.DatetimeIndex)
    as_array(name, volume)
    if volume.sum() <= 0:
        raise value_error(name, volume, "too_small", "have a positive total", repr(volume.sum()))
    return volume.astype(float)


def weekday_profile(volume) -> pd.Series:
    """Share of the total volume per weekday: ``share_d = sum_{t in d} v_t / sum_t v_t`` (fractions).

    Returns a Series ``share`` indexed by ``weekday`` (:data:`WEEKDAYS`, Monday first, all seven
    days, 0 for a day without volume) that sums to 1. Use whole weeks, or the weekdays that
    occur more often weigh more.
    """
    v = _volume("volume", volume)
    per_day = v.groupby(v.index.day_of_week).sum().reindex(range(7), fill_value=0.0)
    share = per_day / per_day.sum()
    share.index = pd.Index(WEEKDAYS, name="weekday")
    return share.rename("share")


def intraday_profile(volume, weekdays=None) -> pd.Series:
    """Mean share of a day's volume per time slot, over the days that had volume (fractions).

    ``share_s = mean over days d of v_{d,s} / sum_s v_{d,s}``; each day weighs the same, so a
    busy Monday does not dominate the shape, and closed days are left out (not counted as
    zero). ``weekdays``: optional list of day numbers (0 = Monday) to restrict to, e.g.
    ``[0, 1, 2, 3, 4]``. Returns a Series ``share`` indexed by ``time_of_day``
    (``datetime.time``) that sums to 1.
    """
    v = _volume("volume", volume)
    if weekdays is not None:
        days = one_dimensional("weekdays", weekdays, low=0, high=6, integer=True).astype(int)
        v = v[v.index.day_of_week.isin(days)]
        if v.sum() <= 0:
            raise value_error("weekdays", weekdays, "empty", "select days with volume")
    grid = v.groupby([v.index.normalize(), v.index.time]).sum().unstack(fill_value=0.0)
    grid = grid[grid.sum(axis=1) > 0]
    shares = grid.div(grid.sum(axis=1), axis=0).mean()
    shares.index.name = "time_of_day"
    return shares.rename("share")
