"""Forecasting contact volumes and measuring forecast accuracy.

* Accuracy: :func:`wape` (the WFM standard), :func:`mape` (and why it misleads),
  :func:`bias` (systematic over- or under-forecasting).
* Simple, honest forecasts: :func:`seasonal_naive` (same slot one season ago) and
  :func:`profile_forecast` (mean per weekday and time-of-day slot over recent weeks).
* The year forecast (exponential smoothing from ``statsmodels``, not hand-written): :func:`ets_forecast`
  (Holt-Winters on any regular series), :func:`year_forecast` (daily and weekly volume for the coming weeks:
  ETS on event-cleaned weekly totals, spread over the days with weekday shares and the event calendar of
  :mod:`wfmcourse.domain.events`), :func:`aht_forecast` (damped-trend ETS on the weekly call-weighted AHT),
  :func:`weekly_totals` and :func:`weekly_aht`; :func:`weekly_forecast` (calls, AHT and workload per week: what
  the capacity plan reads); :func:`intraday_forecast` spreads a daily forecast over
  the intervals of the day (top-down, for Erlang per interval).
* Out-of-sample accuracy: :func:`rolling_origin` (refit at each origin over the last periods),
  :func:`rolling_accuracy` (WAPE and bias per method and step ahead) and :func:`error_band` (how far off the
  method was before: an empirical prediction interval).
* The floor: :func:`poisson_mad` and :func:`poisson_noise_floor`. Contacts arrive at random
  (Poisson), so even a forecast that knows the true expected volume ``lambda`` has an error;
  in quiet intervals that error is large relative to the volume and no model can beat it.

Volumes are counts, so ``actual`` and ``forecast`` must be >= 0 and finite. Accuracy measures
aggregate over all intervals and return one float. Impossible input raises
``ParameterValueError`` (a ``ValueError``) naming the parameter and the value.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy.special import gammaln
from statsmodels.tools.sm_exceptions import ConvergenceWarning
from statsmodels.tsa.holtwinters import ExponentialSmoothing

from wfmcourse.domain import events
from wfmcourse.validation import (
    ParameterValueError,
    as_array,
    choice,
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
    "ets_forecast",
    "ets_interval",
    "weekly_totals",
    "weekly_aht",
    "year_forecast",
    "aht_forecast",
    "intraday_forecast",
    "weekly_forecast",
    "rolling_origin",
    "rolling_accuracy",
    "error_band",
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


# ---------------------------------------------------------------------------
# The year forecast: exponential smoothing (statsmodels) on weekly totals, events on the days
# ---------------------------------------------------------------------------
_COMPONENTS = ("add", "mul")       # seasonal; the trend is additive or None


def _ets_fit(history, season_length, trend, damped_trend, seasonal):
    """Validated statsmodels Holt-Winters fit: (fitted results, m or None, trend, seasonal)."""
    series("history", history)
    values = as_array("history", history)
    if values.ndim != 1:
        raise value_error("history", history, "shape", "be one-dimensional", f"shape {values.shape}")
    trend = None if trend is None else choice("trend", trend, ("add",))
    seasonal = None if seasonal is None else choice("seasonal", seasonal, _COMPONENTS)
    if not isinstance(damped_trend, (bool, np.bool_)):
        raise type_error("damped_trend", damped_trend, "True or False")
    m = None if season_length is None else int(as_array("season_length", season_length, low=2.0, integer=True))
    if seasonal is not None and m is None:
        raise ParameterValueError("season_length", season_length, "inconsistent",
                                  f"season_length is needed with seasonal={seasonal!r}, got None")
    need = 2 * m if seasonal is not None else 3
    if values.size < need:
        raise value_error("history", history, "too_small", f"hold at least {need} values for this model",
                          f"{values.size}")
    if "mul" in (trend, seasonal) and (values <= 0).any():
        raise value_error("history", history, "too_small", "be > 0 everywhere for a multiplicative model",
                          show_bad(values, values <= 0))
    model = ExponentialSmoothing(values, trend=trend, damped_trend=bool(damped_trend) and trend is not None,
                                 seasonal=seasonal, seasonal_periods=m if seasonal else None,
                                 initialization_method="estimated")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        fitted = model.fit()
    return fitted, (m if seasonal else None), trend, seasonal


def _ahead(history, h):
    """The ``h`` timestamps (or positions) after the history."""
    if isinstance(history.index, pd.DatetimeIndex) and history.index.freq is not None:
        return pd.date_range(history.index[-1], periods=h + 1, freq=history.index.freq)[1:]
    if isinstance(history.index, pd.DatetimeIndex):
        return _future_index(history, h)
    return pd.RangeIndex(len(history), len(history) + h)


def ets_interval(history, horizon, *, season_length=None, trend="add", damped_trend=True, seasonal="mul",
                 coverage=0.8, repetitions=1000, seed=2025) -> pd.DataFrame:
    """:func:`ets_forecast` with a prediction interval from simulated futures of the fitted model.

    ``repetitions`` futures are simulated with the model's own recursions and errors drawn from its residuals
    (bootstrap, no normality assumed; statsmodels ``simulate``, seeded with ``seed``). With ``q`` the quantiles
    ``(1 - coverage) / 2`` and ``(1 + coverage) / 2`` of the futures at step ``h`` and ``mu_h`` their mean:
    ``lower_h = forecast_h (1 - c (1 - q_lo / mu_h))``, ``upper_h = forecast_h (1 + c (q_hi / mu_h - 1))`` (the
    spread around the point forecast). ``c = sqrt(n / (n - k))`` with ``n`` observations and ``k`` fitted
    parameters and initial states: in-sample residuals understate the out-of-sample error (the degrees-of-freedom
    correction of a residual standard error); with a 52-week season on four years, ``c ~ 1.17``; with ``k >= n``
    the interval is unbounded. Returns a frame with ``forecast``, ``lower``, ``upper`` (``lower`` >= 0).
    """
    fitted, m, trend, seasonal = _ets_fit(history, season_length, trend, damped_trend, seasonal)
    h = int(as_array("horizon", horizon, low=1.0, integer=True))
    level = float(as_array("coverage", coverage, low=0.0, low_inclusive=False, high=1.0, high_inclusive=False))
    reps = int(as_array("repetitions", repetitions, low=10.0, high=100_000.0, integer=True))
    rng = np.random.default_rng(int(as_array("seed", seed, integer=True)))
    point = np.maximum(_forecast_from_states(fitted, h, m, trend, seasonal), 0.0)
    error = "mul" if seasonal == "mul" else "add"
    futures = np.asarray(fitted.simulate(h, repetitions=reps, error=error, random_errors="bootstrap", rng=rng),
                         dtype=float).reshape(h, reps)
    low, high = np.quantile(futures, [(1 - level) / 2, (1 + level) / 2], axis=1)
    centre = futures.mean(axis=1)
    n, k = fitted.model.nobs, fitted.k
    widen = np.sqrt(n / (n - k)) if n > k else np.inf
    safe = np.where(centre > 0, centre, 1.0)
    ratio_low = np.where(centre > 0, 1 - widen * (1 - low / safe), 1.0)
    ratio_high = np.where(centre > 0, 1 + widen * (high / safe - 1), 1.0)
    return pd.DataFrame({"forecast": point, "lower": np.maximum(point * ratio_low, 0.0),
                         "upper": point * ratio_high}, index=_ahead(history, h))


def ets_forecast(history, horizon, *, season_length=None, trend="add", damped_trend=True,
                 seasonal="mul") -> pd.Series:
    """Holt-Winters exponential smoothing (``statsmodels.tsa.holtwinters.ExponentialSmoothing``), fitted by
    maximum likelihood, forecast ``horizon`` periods ahead.

    Multiplicative season, damped additive trend (Hyndman & Athanasopoulos, *Forecasting: Principles and
    Practice*, 3rd ed., section 8.3): ``l_t = alpha y_t / s_{t-m} + (1 - alpha)(l_{t-1} + phi b_{t-1})``,
    ``b_t = beta (l_t - l_{t-1}) + (1 - beta) phi b_{t-1}``, ``s_t = gamma y_t / (l_{t-1} + phi b_{t-1}) +
    (1 - gamma) s_{t-m}``, ``yhat_{T+h} = (l_T + (phi + ... + phi^h) b_T) s_{T+h-m(k+1)}``. ``trend``: ``"add"``
    or None; ``seasonal``: ``"add"``, ``"mul"`` or None; ``season_length`` ``m`` (52 for weeks in a year) is needed with
    a season, and then at least two full seasons of history. Deterministic (no random start).

    ``history``: Series with a DatetimeIndex at a fixed step (the forecast gets the next ``horizon``
    timestamps) or another index (positions after the history). Volumes >= 0; a multiplicative season or trend
    needs values > 0. Returns a Series ``forecast``.
    """
    fitted, m, trend, seasonal = _ets_fit(history, season_length, trend, damped_trend, seasonal)
    h = int(as_array("horizon", horizon, low=1.0, integer=True))
    out = np.maximum(_forecast_from_states(fitted, h, m, trend, seasonal), 0.0)
    index = _ahead(history, h)
    return pd.Series(out, index=index, name="forecast")


def _forecast_from_states(fitted, horizon, m, trend, seasonal):
    """FPP3 8.3: ``yhat_{T+h} = (l_T + phi_h b_T) (x or +) s_{T+h-m(k+1)}``, ``k = floor((h-1)/m)``, ``phi_h =
    phi + ... + phi^h`` (``h`` without damping), from the final states statsmodels fitted.

    Not ``fitted.forecast``: statsmodels 0.15.0 uses ``s_{T-m}`` instead of the final seasonal state ``s_T`` at the
    horizons ``h = m, 2m, ...`` (statsmodels issue #9538, fixed after that release); the test compares both with
    the textbook recursions.
    """
    h = np.arange(1, horizon + 1)
    level = float(fitted.level[-1])
    if trend is None:
        steps = np.zeros(horizon)
        slope = 0.0
    else:
        slope = float(fitted.trend[-1])
        phi = fitted.params.get("damping_trend", 1.0)
        phi = 1.0 if phi is None or not np.isfinite(phi) else float(phi)
        steps = np.cumsum(phi ** h) if phi != 1.0 else h.astype(float)
    base = level + steps * slope
    if seasonal is None:
        return base
    states = np.asarray(fitted.season, dtype=float)[-m:]          # s_{T-m+1} .. s_T
    season = states[(h - 1) % m]
    return base * season if seasonal == "mul" else base + season


def _daily(name, volume):
    series(name, volume, index=pd.DatetimeIndex)
    as_array(name, volume)
    if len(volume) == 0:
        raise value_error(name, volume, "empty", "hold at least one day")
    if len(volume) > 1 and regular_time_index(name, volume.index, gaps=False, increasing=True) != 86400:
        raise value_error(name, volume, "index", "have one value per day, without gaps", repr(volume.index[:3]))
    if (volume.index != volume.index.normalize()).any():
        raise value_error(name, volume, "index", "be indexed by days (midnight timestamps)", repr(volume.index[:3]))
    return volume.astype(float)


def weekly_totals(daily) -> pd.Series:
    """Sum per whole week (Monday to Sunday): ``W_w = sum_{d in w} v_d``, indexed by the Monday.

    ``daily``: Series on a daily DatetimeIndex. Weeks that the data cover only partly are left out.
    Returns a Series ``weekly`` with a weekly index (``freq`` ``W-MON``).
    """
    v = _daily("daily", daily)
    monday = v.index - pd.to_timedelta(v.index.day_of_week, unit="D")
    grouped = v.groupby(monday)
    totals = grouped.sum()[grouped.size() == 7]
    if totals.empty:
        raise value_error("daily", daily, "too_small", "cover at least one whole week (Monday to Sunday)",
                          f"{len(v)} days")
    # whole weeks of gap-free days are consecutive Mondays
    return pd.Series(totals.to_numpy(), index=pd.date_range(totals.index[0], periods=len(totals), freq="W-MON"),
                     name="weekly")


def weekly_aht(aht, calls) -> pd.Series:
    """Call-weighted AHT per whole week: ``AHT_w = sum_d aht_d calls_d / sum_d calls_d`` (seconds).

    ``aht`` and ``calls``: Series on the same daily index (``aht`` may be NaN on days without calls). A week
    without calls is left out. Indexed by the Monday, like :func:`weekly_totals`.
    """
    c = _daily("calls", calls)
    series("aht", aht, index=pd.DatetimeIndex)
    if not aht.index.equals(calls.index):
        raise value_error("aht", aht, "inconsistent", "have the same days as calls", repr(aht.index[:3]))
    a = aht.to_numpy(float)
    present = c.to_numpy() > 0
    as_array("aht", a[present], low=0.0, low_inclusive=False)
    work = pd.Series(np.where(present, a * c.to_numpy(), 0.0), index=c.index)
    seconds, volume = weekly_totals(work), weekly_totals(c)
    keep = volume > 0
    return (seconds[keep] / volume[keep]).rename("aht")


def _weekday_shares(clean):
    """Mean clean volume per weekday over the last 52 weeks, normalised to sum 1 (closed weekdays 0)."""
    recent = clean[clean.index > clean.index[-1] - pd.Timedelta(weeks=52)]
    means = recent.groupby(recent.index.day_of_week).mean().reindex(range(7)).fillna(0.0)
    return (means / means.sum()).to_numpy()


def year_forecast(volume, calendar, horizon=52, *, uplift=None, weeks=3, season_length=52, coverage=0.8,
                  repetitions=1000, seed=2025) -> pd.DataFrame:
    """Daily forecast for ``horizon`` whole weeks after the last whole week of ``volume``.

    1. Event uplifts from history (:func:`wfmcourse.domain.events.event_uplift`), unless ``uplift`` is given.
    2. Clean the history: ``c_d = v_d / factor_d`` on open days (:func:`~wfmcourse.domain.events.event_factors`).
    3. Weekday shares ``s_k`` = mean clean volume per weekday over the last 52 weeks, normalised; the weekly
       base level ``W_w = sum_{open d} c_d / sum_{open d} s_{k(d)}`` (a closed holiday does not lower it).
    4. :func:`ets_forecast` of ``W`` (multiplicative yearly season of ``season_length`` weeks, damped trend).
    5. ``forecast_d = W_{w(d)} s_{k(d)} factor_d``: the events of the future days put back.

    ``volume``: daily calls (Series on a daily DatetimeIndex); ``calendar``: :func:`event_calendar` over the
    history and at least ``horizon`` weeks after it (campaigns planned ahead are in it). Returns a frame on the
    forecast days with ``base`` (calls without events), ``factor``, ``forecast`` and ``lower``/``upper``: the
    ``coverage`` prediction interval of the weekly level (:func:`ets_interval`, seeded), spread over the days like
    the forecast (the day-to-day noise comes on top of it; for a week's total it is the interval).
    """
    v = _daily("volume", volume)
    events._calendar(calendar)
    h = int(as_array("horizon", horizon, low=1.0, high=260.0, integer=True))
    as_array("weeks", weeks, low=1.0, high=52.0, integer=True)
    as_array("season_length", season_length, low=2.0, integer=True)
    if calendar.index[0] > v.index[0] or not v.index.isin(calendar.index).all():
        raise value_error("calendar", calendar, "inconsistent", "cover every day of volume",
                          f"{calendar.index[0].date()}..{calendar.index[-1].date()}")
    history_cal = calendar.loc[v.index]
    up = events.event_uplift(v, history_cal, weeks=weeks)["uplift"] if uplift is None else uplift
    factor = events.event_factors(history_cal, up).to_numpy()
    clean = pd.Series(np.where(factor > 0, v.to_numpy() / np.where(factor > 0, factor, 1.0), np.nan), index=v.index)
    shares = _weekday_shares(clean.dropna())
    share_day = pd.Series(np.where(np.isfinite(clean.to_numpy()), shares[v.index.day_of_week], 0.0), index=v.index)
    base = weekly_totals(clean.fillna(0.0)) / weekly_totals(share_day)
    band = ets_interval(base.rename("base"), h, season_length=season_length, coverage=coverage,
                        repetitions=repetitions, seed=seed)
    weekly = band["forecast"]
    first = weekly.index[0]
    future = pd.date_range(first, periods=7 * h, freq="D")
    if not future.isin(calendar.index).all():
        raise value_error("calendar", calendar, "too_small", f"reach {future[-1].date()} ({h} weeks ahead)",
                          f"it ends {calendar.index[-1].date()}")
    future_factor = events.event_factors(calendar.loc[future], up).to_numpy()
    day_base = np.repeat(weekly.to_numpy(), 7) * shares[future.day_of_week]
    spread = np.repeat((band[["lower", "upper"]].to_numpy() / np.maximum(weekly.to_numpy(), 1e-300)[:, None]),
                       7, axis=0)
    day = day_base * future_factor
    return pd.DataFrame({"base": day_base, "factor": future_factor, "forecast": day, "lower": day * spread[:, 0],
                         "upper": day * spread[:, 1]}, index=pd.DatetimeIndex(future, name="date"))


def aht_forecast(aht, calls, horizon=52, *, season_length=None) -> pd.Series:
    """Weekly AHT forecast (seconds): damped additive-trend exponential smoothing of :func:`weekly_aht`.

    ETS(A,Ad,N) (Holt's damped trend, FPP3 section 8.2) by default: AHT drifts slowly (more complex contacts,
    new hires, a new system), and a damped trend follows the drift without extrapolating it for ever.
    ``season_length`` (e.g. 52) adds an additive yearly season. ``aht``, ``calls``: daily Series on one index.
    Returns a Series ``aht`` over the ``horizon`` weeks after the last whole week.
    """
    weekly = weekly_aht(aht, calls)
    seasonal = None if season_length is None else "add"
    return ets_forecast(weekly, horizon, season_length=season_length, trend="add", seasonal=seasonal
                        ).rename("aht")


def weekly_forecast(daily, aht) -> pd.DataFrame:
    """The forecast a capacity plan reads: per week (indexed by the Monday) ``calls`` and ``aht``.

    ``calls_w = sum_{d in w} F_d`` over the whole weeks of ``daily`` (e.g. the ``forecast`` column of
    :func:`year_forecast`); ``aht``: the weekly AHT in seconds (:func:`aht_forecast`) for at least those weeks.
    Also ``workload_hours = calls x aht / 3600`` (hours of handling per week, before Erlang and shrinkage).
    """
    calls = weekly_totals(daily)
    series("aht", aht, index=pd.DatetimeIndex)
    as_array("aht", aht, low=0.0, low_inclusive=False)
    if not calls.index.isin(aht.index).all():
        raise value_error("aht", aht, "inconsistent", "cover every week of daily",
                          f"{aht.index[0].date()}..{aht.index[-1].date()}")
    seconds = aht.reindex(calls.index).to_numpy(float)
    volume = calls.to_numpy()
    frame = pd.DataFrame({"calls": volume, "aht": seconds, "workload_hours": volume * seconds / 3600},
                         index=calls.index)
    frame.index.name = "week"
    return frame


def intraday_forecast(daily, history, *, weeks=8) -> pd.Series:
    """Spread a daily forecast over the intervals of each day: ``f_{d,s} = F_d x share_{k(d),s}``.

    ``share_{k,s}`` is the mean share of slot ``s`` in the day's volume over the days of weekday ``k`` with volume
    in the last ``weeks`` weeks of ``history`` (a Series of interval volumes on a regular DatetimeIndex, closed
    intervals as 0), as :func:`intraday_profile` with one weekday. ``daily``: forecast volume per day (Series on a
    daily DatetimeIndex). A day with volume whose weekday had none in the history raises. Returns a Series
    ``forecast`` on the intervals of the forecast days (the history's step), summing per day to ``daily``.
    """
    d = _daily("daily", daily)
    series("history", history, index=pd.DatetimeIndex)
    as_array("history", history, low=0.0)
    step = _frequency(history.index)
    w = float(as_array("weeks", weeks, low=0.0, low_inclusive=False))
    recent = history[history.index > history.index[-1] - pd.Timedelta(weeks=w)].astype(float)
    day = recent.index.normalize()
    totals = recent.groupby(day).transform("sum")
    busy = (totals > 0).to_numpy()
    share = recent[busy] / totals[busy]
    table = share.groupby([share.index.day_of_week, share.index.time]).mean()
    per_day = int(round(pd.Timedelta(days=1) / step))
    index = pd.DatetimeIndex(np.repeat(d.index.to_numpy(), per_day)) + pd.to_timedelta(
        np.tile(np.arange(per_day), len(d)) * step)
    keys = pd.MultiIndex.from_arrays([index.day_of_week, index.time])
    shares = table.reindex(keys).to_numpy()
    known = table.index.get_level_values(0).unique()
    missing = (d.to_numpy() > 0) & ~d.index.day_of_week.isin(known)
    if missing.any():
        first = d.index[missing][0]
        raise value_error("history", history, "inconsistent", f"have volume on every weekday the forecast has "
                          f"volume (no {WEEKDAYS[first.day_of_week]} in the last {w:g} weeks)", repr(first.date()))
    out = np.repeat(d.to_numpy(), per_day) * np.nan_to_num(shares, nan=0.0)
    return pd.Series(out, index=index, name="forecast")


# ---------------------------------------------------------------------------
# out-of-sample evaluation with a rolling origin
# ---------------------------------------------------------------------------
def rolling_origin(history, methods, *, origins, horizon, step=1) -> pd.DataFrame:
    """Out-of-sample forecasts from ``origins`` forecast origins over the end of ``history``.

    Origin ``i`` (``i = 0 .. origins-1``) cuts the history after ``n - horizon - (origins - 1 - i) step``
    values; each method (``{name: f(history_part, horizon)}`` returning ``horizon`` values) forecasts the next
    ``horizon`` values, which are compared with what happened. Every forecast uses only data before its origin.
    Returns a long frame: ``method``, ``origin`` (first forecast timestamp), ``step`` (1..horizon), ``target``,
    ``actual``, ``forecast``. Score it with :func:`rolling_accuracy`, or with :func:`wape` per level.
    """
    series("history", history)
    as_array("history", history)
    if not isinstance(methods, dict) or not methods:
        raise type_error("methods", methods, "a non-empty dict of name -> function(history, horizon)")
    if not all(callable(f) for f in methods.values()):
        raise type_error("methods", methods, "a dict whose values are functions")
    o = int(as_array("origins", origins, low=1.0, integer=True))
    h = int(as_array("horizon", horizon, low=1.0, integer=True))
    s = int(as_array("step", step, low=1.0, integer=True))
    n = len(history)
    first_cut = n - h - (o - 1) * s
    if first_cut < 2:
        raise value_error("origins", origins, "too_large", f"leave history before the first origin "
                          f"(n={n}, horizon={h}, step={s})", str(o))
    frames = []
    for i in range(o):
        cut = first_cut + i * s
        past, actual = history.iloc[:cut], history.iloc[cut:cut + h]
        for name, method in methods.items():
            predicted = np.asarray(method(past, h), dtype=float).reshape(-1)
            if predicted.shape != (h,) or not np.isfinite(predicted).all():
                raise value_error("methods", methods, "shape", f"return {h} finite values ({name!r})",
                                  f"shape {predicted.shape}")
            frames.append(pd.DataFrame({"method": name, "origin": actual.index[0], "step": np.arange(1, h + 1),
                                        "target": actual.index, "actual": actual.to_numpy(float),
                                        "forecast": predicted}))
    return pd.concat(frames, ignore_index=True)


def rolling_accuracy(results, by=("method",)) -> pd.DataFrame:
    """WAPE and bias of :func:`rolling_origin` results per group (default per method; add ``"step"`` for the
    accuracy per step ahead): ``WAPE = sum|a - f| / sum a``, ``bias = sum(f - a) / sum a`` within each group."""
    if not isinstance(results, pd.DataFrame):
        raise type_error("results", results, "a DataFrame made by rolling_origin")
    keys = [by] if isinstance(by, str) else list(by)
    missing = [c for c in ("actual", "forecast", *keys) if c not in results.columns]
    if missing:
        raise value_error("results", results, "columns", "have the columns of rolling_origin", repr(missing))
    grouped = results.assign(abs_error=(results["forecast"] - results["actual"]).abs(),
                             error=results["forecast"] - results["actual"]).groupby(keys, sort=False)
    sums = grouped[["abs_error", "error", "actual"]].sum()
    if (sums["actual"] <= 0).any():
        raise value_error("results", results, "too_small", "have a positive actual total in every group",
                          repr(sums["actual"].min()))
    return pd.DataFrame({"wape": sums["abs_error"] / sums["actual"], "bias": sums["error"] / sums["actual"],
                         "periods": grouped.size()})


def error_band(results, coverage=0.8) -> pd.DataFrame:
    """Empirical prediction interval per method from :func:`rolling_origin` results: how far off it was before.

    With ``r = actual / forecast - 1`` over all origins and steps of a method, ``lower = q_{(1-coverage)/2}(r)``
    and ``upper = q_{(1+coverage)/2}(r)``; a new forecast ``F`` then gets the band ``F (1 + lower) .. F (1 +
    upper)``. It holds every source of error the method really had (noise, events, trend), not only the model's
    own; it needs enough origins (the band of 20 errors is rough). Returns ``lower``, ``upper`` and ``errors`` per
    method.
    """
    if not isinstance(results, pd.DataFrame):
        raise type_error("results", results, "a DataFrame made by rolling_origin")
    missing = [c for c in ("method", "actual", "forecast") if c not in results.columns]
    if missing:
        raise value_error("results", results, "columns", "have the columns of rolling_origin", repr(missing))
    level = float(as_array("coverage", coverage, low=0.0, low_inclusive=False, high=1.0, high_inclusive=False))
    f = as_array("results", results["forecast"].to_numpy(float))
    if (f <= 0).any():
        raise value_error("results", results, "too_small", "have forecasts > 0 (errors are relative)",
                          show_bad(f, f <= 0))
    ratio = pd.Series(as_array("results", results["actual"].to_numpy(float)) / f - 1, index=results.index)
    grouped = ratio.groupby(results["method"], sort=False)
    return pd.DataFrame({"lower": grouped.quantile((1 - level) / 2), "upper": grouped.quantile((1 + level) / 2),
                         "errors": grouped.size()})
