"""Validation of wfmcourse.domain.forecast: worked examples, the Poisson floor, properties, bad input."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.tseries.frequencies import to_offset
from scipy.stats import poisson

from wfmcourse.domain import forecast
from wfmcourse.validation import ParameterValueError

# ---------------------------------------------------------------------------
# 1. Accuracy measures: worked examples
# ---------------------------------------------------------------------------


def test_wape_mape_bias_worked_example():
    """Worked by hand: actual 2 (07:00) and 300 (10:00), forecast 4 and 270.
    WAPE = (2 + 30) / 302 = 0.10596; MAPE = (2/2 + 30/300) / 2 = (1.0 + 0.1) / 2 = 0.55;
    bias = (2 - 30) / 302 = -0.09272 (under-forecast). MAPE is dominated by the quiet interval."""
    actual, fc = [2, 300], [4, 270]
    assert forecast.wape(actual, fc) == pytest.approx(32 / 302)
    assert forecast.mape(actual, fc) == pytest.approx(0.55)
    assert forecast.bias(actual, fc) == pytest.approx(-28 / 302)
    assert forecast.mape(actual, fc) > 5 * forecast.wape(actual, fc)


def test_bias_sign_and_cancellation():
    """Worked by hand: +10 and -10 cancel in bias (0) but not in WAPE (20 / 200 = 0.1);
    a forecast 10 % too high everywhere has bias +0.1."""
    assert forecast.bias([100, 100], [110, 90]) == pytest.approx(0.0)
    assert forecast.wape([100, 100], [110, 90]) == pytest.approx(0.1)
    assert forecast.bias([100, 50], [110, 55]) == pytest.approx(0.1)
    assert forecast.bias([100, 50], [90, 45]) == pytest.approx(-0.1)


def test_wape_allows_zero_actuals_where_mape_cannot():
    """Worked by hand: actual 0, 10; forecast 1, 10 -> WAPE 1 / 10 = 0.1; MAPE undefined."""
    assert forecast.wape([0, 10], [1, 10]) == pytest.approx(0.1)
    with pytest.raises(ParameterValueError, match=r"actual must be > 0 for MAPE.*got 0.0 \(at index 0\)"):
        forecast.mape([0, 10], [1, 10])


def test_accuracy_accepts_series():
    idx = pd.date_range("2024-03-04 09:00", periods=3, freq="15min")
    a = pd.Series([10, 20, 30], index=idx)
    f = pd.Series([12, 18, 30], index=idx)
    assert forecast.wape(a, f) == pytest.approx(4 / 60)
    with pytest.raises(ParameterValueError, match="same index"):
        forecast.wape(a, pd.Series([12, 18, 30]))


# ---------------------------------------------------------------------------
# 2. Forecasts
# ---------------------------------------------------------------------------
def test_seasonal_naive_worked_example():
    """Worked by hand: history 1..7 with season 3 -> last season (5, 6, 7) repeated:
    horizon 5 gives 5, 6, 7, 5, 6."""
    out = forecast.seasonal_naive(pd.Series([1, 2, 3, 4, 5, 6, 7]), season_length=3, horizon=5)
    assert list(out) == [5, 6, 7, 5, 6]
    assert list(out.index) == [7, 8, 9, 10, 11]
    np.testing.assert_array_equal(forecast.seasonal_naive(np.arange(1, 8), 3, 2), [5, 6])


def test_seasonal_naive_same_time_last_week():
    """A 15-minute history of two weeks: the forecast for the next day equals the same day of
    the last week, on the next timestamps."""
    idx = pd.date_range("2024-03-04", periods=2 * 672, freq="15min")
    history = pd.Series(np.arange(2 * 672) % 672 + 0.0, index=idx)
    out = forecast.seasonal_naive(history, season_length=672, horizon=96)
    assert out.index[0] == pd.Timestamp("2024-03-18 00:00")
    assert out.index.freq == pd.Timedelta(minutes=15)
    np.testing.assert_array_equal(out.to_numpy(), np.arange(96))


def _weeks(values_per_week, freq="15min", start="2024-03-04", tz=None):
    """A history of whole weeks; week w gets a profile scaled by values_per_week[w]."""
    per_week = pd.Timedelta(weeks=1) // pd.Timedelta(to_offset(freq))
    idx = pd.date_range(start, periods=per_week * len(values_per_week), freq=freq, tz=tz)
    slot = np.arange(len(idx)) % per_week
    scale = np.repeat(values_per_week, per_week)
    return pd.Series(scale * (slot % 7 + 1.0), index=idx)


def test_profile_forecast_worked_example():
    """Worked by hand: hourly history of three weeks where every slot is 1, 2 and 6 times a base
    pattern. The profile over all weeks is 3 x the pattern ((1 + 2 + 6) / 3); over the last two
    weeks 4 x ((2 + 6) / 2)."""
    history = _weeks([1, 2, 6], freq="h")
    base = _weeks([1], freq="h").to_numpy()
    all_weeks = forecast.profile_forecast(history, periods=168)
    assert all_weeks.index[0] == history.index[-1] + pd.Timedelta(hours=1)
    assert all_weeks.name == "forecast"
    np.testing.assert_allclose(all_weeks.to_numpy(), 3 * base)
    np.testing.assert_allclose(forecast.profile_forecast(history, periods=168, weeks=2).to_numpy(),
                               4 * base)


def test_profile_forecast_on_given_index_and_time_zone():
    """The forecast for a chosen index picks the slot of its weekday and local time; with
    Europe/Amsterdam timestamps across the DST change the local slots stay aligned."""
    history = _weeks([1, 1], tz="Europe/Amsterdam")   # 2024-03-04 .. 2024-03-17, before DST
    wanted = pd.DatetimeIndex(["2024-04-02 09:15", "2024-04-06 23:45"]).tz_localize("Europe/Amsterdam")
    out = forecast.profile_forecast(history, index=wanted)
    expected = [history[(history.index.day_of_week == d) & (history.index.time == t.time())].iloc[0]
                for d, t in zip(wanted.day_of_week, wanted)]
    assert out.index.equals(wanted)
    np.testing.assert_allclose(out.to_numpy(), expected)


def test_profile_forecast_is_a_groupby_mean():
    """Cross-check against a direct pandas computation on random data."""
    rng = np.random.default_rng(7)
    idx = pd.date_range("2024-01-01", periods=4 * 672, freq="15min")
    history = pd.Series(rng.poisson(20, len(idx)).astype(float), index=idx)
    out = forecast.profile_forecast(history, periods=672, weeks=3)
    recent = history.iloc[-3 * 672:]
    direct = recent.to_numpy().reshape(3, 672).mean(axis=0)
    np.testing.assert_allclose(out.to_numpy(), direct)


# ---------------------------------------------------------------------------
# 3. The Poisson noise floor
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("lam", [0.3, 1.0, 2.5, 4.0, 7.0, 20.0, 123.4, 400.0])
def test_poisson_mad_equals_direct_summation(lam):
    """E|X - lambda| summed directly over the Poisson probabilities up to far in the tail."""
    k = np.arange(0, int(lam + 40 * np.sqrt(lam) + 60))
    direct = np.sum(np.abs(k - lam) * poisson.pmf(k, lam))
    assert forecast.poisson_mad(lam) == pytest.approx(direct, rel=1e-10)


def test_poisson_mad_known_values():
    """Worked by hand: lambda = 1: E|X - 1| = 2 P(X = 0) = 2 / e = 0.735759;
    lambda = 4: 2 * 4 * e^-4 4^4 / 4! = 0.390734 * 4 (floor 39 % as the docstring says)."""
    assert forecast.poisson_mad(1.0) == pytest.approx(2 / np.e)
    assert forecast.poisson_mad(4.0) == pytest.approx(2 * 4 * np.exp(-4) * 4 ** 4 / 24)
    assert forecast.poisson_noise_floor(4.0) == pytest.approx(0.3907, abs=5e-5)
    assert forecast.poisson_noise_floor(400.0) == pytest.approx(0.0399, abs=5e-5)
    assert forecast.poisson_mad(0.0) == 0.0


def _mpmath_poisson_mad(lam):
    """Independent reference: 2 lambda e^-lambda lambda^k / k! (k = floor lambda) in mpmath, with
    enough digits for the cancellation in k ln(lambda) - lambda - ln k! (about log10(lambda ln
    lambda) of them) plus 30 more."""
    import mpmath

    x = mpmath.mpf(float(lam))
    with mpmath.workdps(30 + int(mpmath.log10(x * mpmath.log(x + 2) + 1))):
        k = mpmath.floor(x)
        return float(2 * x * mpmath.exp(k * mpmath.log(x) - x - mpmath.loggamma(k + 1)))


@pytest.mark.parametrize("lam", [1e-300, 1e-3, 0.5, 1.0, 15.999, 16.0, 16.5, 1e3 + 0.37, 123456.789,
                                 2.0 ** 52 + 0.5, 1e15, 1e15 + 0.25, 1e100, 1e300, 1.7e308])
def test_poisson_mad_matches_mpmath_at_every_scale(lam):
    """Issue #13: at 1e15 the scipy pmf gave 2.25e8 (true 2.52e7), at 1e300 it gave 0."""
    assert forecast.poisson_mad(lam) == pytest.approx(_mpmath_poisson_mad(lam), rel=1e-13)


def test_poisson_mad_reported_huge_values():
    assert forecast.poisson_mad(1e15) == pytest.approx(2.5231325220201597e7, rel=1e-13)
    assert forecast.poisson_mad(1e300) == pytest.approx(np.sqrt(2e300 / np.pi), rel=1e-13)


@settings(max_examples=150, deadline=None)
@given(st.floats(1e-3, 1e300))
def test_poisson_mad_matches_mpmath_property(lam):
    assert forecast.poisson_mad(lam) == pytest.approx(_mpmath_poisson_mad(lam), rel=1e-13)


@settings(max_examples=200, deadline=None)
@given(st.floats(1.0, 1e300))
def test_poisson_mad_asymptotic_bounds(lam):
    """With k = floor(lambda), f = lambda - k: MAD / sqrt(2 lambda / pi) = 1 + (f/2 - f^2/2 - 1/12)/k
    + O(1/k^2), so it lies between 1 - 1/(11 lambda) and 1 + 1/(23 lambda) (1/12 and 1/24 leading)."""
    ratio = forecast.poisson_mad(lam) / np.sqrt(2 * lam / np.pi)
    assert 1 - 1 / (11 * lam) - 1e-15 <= ratio <= 1 + 1 / (23 * lam) + 1e-15     # + rounding


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 1e12), st.floats(0.0, 1e12))
def test_poisson_mad_grows_with_lambda(a, b):
    """On [k, k+1) the derivative of 2 e^-x x^(k+1) / k! is positive and the pieces meet at the
    integers, so E|X - lambda| increases with lambda (up to rounding)."""
    lo, hi = sorted((a, b))
    assert forecast.poisson_mad(lo) <= forecast.poisson_mad(hi) * (1 + 1e-14)


def test_poisson_noise_floor_against_seeded_simulation():
    """A day of 15-minute intervals with quiet mornings and a busy peak: simulate 4 000 days of
    Poisson arrivals with a fixed seed, forecast the true expected volume, and compare the
    total absolute error per expected contact with the exact floor."""
    expected = np.concatenate([np.full(8, 2.0), np.full(16, 40.0), np.full(12, 15.0), [0.5, 0.0]])
    rng = np.random.default_rng(20240304)
    actual = rng.poisson(expected, size=(4_000, expected.size))
    simulated = np.abs(actual - expected).sum() / (4_000 * expected.sum())
    floor = forecast.poisson_noise_floor(expected)
    assert simulated == pytest.approx(floor, rel=0.01)
    # the quiet intervals alone cannot be forecast better than about half their volume
    assert forecast.poisson_noise_floor(np.full(8, 2.0)) > 0.5 > floor


def test_poisson_mad_series_in_series_out():
    idx = pd.date_range("2024-03-04 07:00", periods=3, freq="15min")
    out = forecast.poisson_mad(pd.Series([1.0, 4.0, 0.0], index=idx))
    assert isinstance(out, pd.Series) and out.index.equals(idx)
    assert out.iloc[2] == 0.0
    assert isinstance(forecast.poisson_mad(3.0), float)


# ---------------------------------------------------------------------------
# 4. Properties (hypothesis)
# ---------------------------------------------------------------------------
volumes = st.lists(st.integers(0, 500), min_size=1, max_size=50)


@settings(max_examples=100, deadline=None)
@given(volumes)
def test_perfect_forecast_has_zero_error(actual):
    if sum(actual) == 0:
        return
    assert forecast.wape(actual, actual) == 0.0
    assert forecast.bias(actual, actual) == 0.0
    if min(actual) > 0:
        assert forecast.mape(actual, actual) == 0.0


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), min_size=1, max_size=50))
def test_wape_bounds(pairs):
    a = [p[0] for p in pairs]
    f = [p[1] for p in pairs]
    if sum(a) == 0:
        return
    w = forecast.wape(a, f)
    assert w >= 0
    assert abs(forecast.bias(a, f)) <= w + 1e-12
    assert forecast.wape(a, [0] * len(a)) == pytest.approx(1.0)


@settings(max_examples=100, deadline=None)
@given(st.floats(0.0, 2_000.0))
def test_poisson_mad_below_standard_deviation(lam):
    """E|X - lambda| <= sqrt(Var X) = sqrt(lambda) (Jensen), and close to sqrt(2 lambda / pi)
    for large lambda."""
    mad = forecast.poisson_mad(lam)
    assert 0.0 <= mad <= np.sqrt(lam) + 1e-12
    if lam > 200:
        assert mad == pytest.approx(np.sqrt(2 * lam / np.pi), rel=0.01)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 50), min_size=7, max_size=40), st.integers(1, 7), st.integers(1, 30))
def test_seasonal_naive_repeats_last_season(values, m, h):
    out = forecast.seasonal_naive(pd.Series(values), season_length=m, horizon=h)
    assert len(out) == h
    for step in range(h):
        assert out.iloc[step] == values[len(values) - m + step % m]


# ---------------------------------------------------------------------------
# 5. Impossible input
# ---------------------------------------------------------------------------
hourly = pd.Series(1.0, index=pd.date_range("2024-03-04", periods=168, freq="h"))


@pytest.mark.parametrize("call, pattern", [
    (lambda: forecast.wape([1, 2], [1]), r"equal length"),
    (lambda: forecast.wape([], []), r"at least one interval"),
    (lambda: forecast.wape([0, 0], [1, 1]), r"actual must sum to > 0 \(WAPE is undefined"),
    (lambda: forecast.bias([0, 0], [1, 1]), r"actual must sum to > 0 \(bias is undefined"),
    (lambda: forecast.wape([1, -2], [1, 1]), r"actual must be >= 0, got -2 \(at index 1\)"),
    (lambda: forecast.wape([1, 2], [1, -1]), r"forecast must be >= 0, got -1 \(at index 1\)"),
    (lambda: forecast.mape([1, float("nan")], [1, 1]), r"actual must be a finite number, got nan"),
    (lambda: forecast.mape([3, 0], [1, 1]), r"actual must be > 0 for MAPE.*got 0.0 \(at index 1\)"),
    (lambda: forecast.bias([1, 2], [1, float("inf")]), r"forecast must be a finite number, got inf"),
    (lambda: forecast.seasonal_naive([1, 2], 3, 1), r"at least season_length=3"),
    (lambda: forecast.seasonal_naive([1, 2, 3], 0, 1), r"season_length must be >= 1, got 0"),
    (lambda: forecast.seasonal_naive([1, 2, 3], 1, 0), r"horizon must be >= 1, got 0"),
    (lambda: forecast.seasonal_naive([1, 2, 3], 1.5, 1), r"season_length must be a whole number"),
    (lambda: forecast.seasonal_naive(pd.Series([1.0, 2.0, 3.0], index=pd.DatetimeIndex(
        ["2024-01-01", "2024-01-03", "2024-01-04"])), 1, 1), r"history must have a fixed frequency"),
    (lambda: forecast.seasonal_naive(pd.Series([1.0], index=pd.DatetimeIndex(["2024-01-01"])), 1, 1),
     r"history must have a fixed frequency \(at least 2 timestamps"),
    (lambda: forecast.profile_forecast(pd.Series([1.0, 2.0, 3.0]), periods=1),
     r"history must have a DatetimeIndex"),
    (lambda: forecast.profile_forecast(hourly.drop(hourly.index[5]), periods=1),
     r"history must have a fixed frequency"),
    (lambda: forecast.profile_forecast(hourly.iloc[::-1], periods=1), r"increasing timestamps"),
    (lambda: forecast.profile_forecast(hourly, periods=None), r"exactly one of periods and index"),
    (lambda: forecast.profile_forecast(hourly, periods=3, index=hourly.index),
     r"exactly one of periods and index"),
    (lambda: forecast.profile_forecast(hourly, periods=0), r"periods must be >= 1, got 0"),
    (lambda: forecast.profile_forecast(hourly, periods=1, weeks=0), r"weeks must be > 0, got 0"),
    (lambda: forecast.profile_forecast(hourly.iloc[:24], periods=48),
     r"history has no data for Tuesday 00:00:00"),
    (lambda: forecast.profile_forecast(hourly, index=pd.DatetimeIndex(["2024-04-01 09:30"])),
     r"history has no data for Monday 09:30:00"),
    (lambda: forecast.profile_forecast(hourly.where(hourly.index.hour != 3, -1.0), periods=1),
     r"history must be >= 0, got -1"),
    (lambda: forecast.poisson_mad(-1.0), r"expected must be >= 0, got -1"),
    (lambda: forecast.poisson_mad([1.0, float("nan")]), r"expected must be a finite number, got nan"),
    (lambda: forecast.poisson_noise_floor([0.0, 0.0]), r"expected must sum to > 0"),
])
def test_bad_input_raises(call, pattern):
    with pytest.raises(ParameterValueError, match=pattern):
        call()


# Wrong types raise TypeError (a ValueError before the strict input checks of issue 13).
@pytest.mark.parametrize("call, pattern", [
    (lambda: forecast.profile_forecast([1, 2, 3], periods=1), r"history must be a pandas Series"),
    (lambda: forecast.profile_forecast(hourly, index=[1, 2]), r"index must be a pandas DatetimeIndex"),
    (lambda: forecast.wape([1, 2], ["1", "2"]), r"forecast must be a real number"),
])
def test_wrong_types_raise_type_error(call, pattern):
    with pytest.raises(TypeError, match=pattern):
        call()


def test_poisson_mad_keeps_a_series_index():
    idx = pd.date_range("2025-03-03 09:00", periods=3, freq="15min")
    out = forecast.poisson_mad(pd.Series([1.0, 4.0, 20.0], index=idx))
    assert isinstance(out, pd.Series) and out.index.equals(idx)
    np.testing.assert_allclose(out.to_numpy(), forecast.poisson_mad([1.0, 4.0, 20.0]))
