"""The year forecast (exponential smoothing), the event calendar and the daily history they learn from.

Three ways, as everywhere in the course:
* the published method: Holt-Winters as in Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*
  (3rd ed., OTexts 2021), section 8.3 (multiplicative method, component form) and 8.2 (damped trend);
* an independent method: those recursions written out in plain Python for fixed alpha, beta, gamma, phi and
  fixed initial states, compared with statsmodels at the same fixed parameters; the catch-up rule as a plain loop;
  the rolling-origin WAPE recomputed origin by origin with plain pandas;
* properties (hypothesis) and recovery of the effects the generator put into ``data/daily_history.csv``.
"""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.tsa.holtwinters import ExponentialSmoothing

from wfmcourse.data import datasets, synth
from wfmcourse.data.files import DataFileError, data_path
from wfmcourse.domain import events, forecast

P = synth.HistoryParameters()


@pytest.fixture(scope="module")
def history():
    return datasets.load_daily_history()


@pytest.fixture(scope="module")
def calendar():
    future = [(pd.Timestamp.fromisocalendar(2026, w, 1), pd.Timestamp.fromisocalendar(2026, w, 7))
              for w in P.campaign_weeks]
    return events.event_calendar(pd.date_range(P.start, "2026-12-31"), campaigns=P.campaigns() + future)


# ---------------------------------------------------------------------------
# Holt-Winters: statsmodels equals the textbook recursions (FPP3 8.2, 8.3) at fixed parameters
# ---------------------------------------------------------------------------
def _holt_winters(y, m, alpha, beta, gamma, phi, level, trend, season, horizon=None):
    """FPP3 eq. (8.3 multiplicative, with the damped trend of 8.2), one step at a time, in plain Python.

    yhat_t = (l + phi b) s_{t-m};  l_t = alpha y_t / s_{t-m} + (1 - alpha)(l + phi b);
    b_t = beta (l_t - l) + (1 - beta) phi b;  s_t = gamma y_t / (l + phi b) + (1 - gamma) s_{t-m}.
    ``season``: the m initial seasonal states s_{1-m} .. s_0, oldest first.
    """
    season = list(season)
    fitted = []
    for t, value in enumerate(y):
        s_old = season[t]
        fitted.append((level + phi * trend) * s_old)
        new_level = alpha * value / s_old + (1 - alpha) * (level + phi * trend)
        new_trend = beta * (new_level - level) + (1 - beta) * phi * trend
        season.append(gamma * value / (level + phi * trend) + (1 - gamma) * s_old)
        level, trend = new_level, new_trend
    n = len(y)
    ahead = []
    for h in range(1, (horizon or m) + 1):
        damp = sum(phi ** i for i in range(1, h + 1))
        ahead.append((level + damp * trend) * season[n + (h - 1) % m])     # s_{T+h-m(k+1)}, k = (h-1) // m
    return np.array(fitted), np.array(ahead)


# Published example: Hyndman & Athanasopoulos, Forecasting: Principles and Practice, 1st ed. (OTexts 2013),
# section 7.1, Table 7.1: oil production in Saudi Arabia 1996-2007 (millions of tonnes, R package fpp, `oil`),
# simple exponential smoothing. Optimised: alpha = 0.89, l0 = 447.5, forecast for 2008 496.5; with l0 = 446.7
# fixed, alpha = 0.2 gives 484.8 and alpha = 0.6 gives 501.8.
OIL = [446.6565, 454.4733, 455.663, 423.6322, 456.2713, 440.5881, 425.3325, 485.1494, 506.0482, 526.792,
       514.2689, 494.211]


def test_published_example_simple_exponential_smoothing_oil():
    oil = pd.Series(OIL, index=pd.date_range("1996", periods=12, freq="YS"))
    out = forecast.ets_forecast(oil, 3, trend=None, seasonal=None)
    assert out.round(1).tolist() == [496.5] * 3
    assert out.index[0] == pd.Timestamp("2008-01-01")
    fit = ExponentialSmoothing(np.array(OIL), initialization_method="estimated").fit()
    assert round(fit.params["smoothing_level"], 2) == 0.89 and round(fit.params["initial_level"], 1) == 447.5
    for alpha, published in ((0.2, 484.8), (0.6, 501.8)):
        fixed = ExponentialSmoothing(np.array(OIL), initialization_method="known", initial_level=446.7)
        assert round(float(fixed.fit(smoothing_level=alpha, optimized=False).forecast(1)[0]), 1) == published


# A small quarterly series, typed in (visitor-night-like: rising, a strong first quarter).
QUARTERLY = [30.1, 19.8, 25.3, 27.6, 32.4, 21.2, 27.0, 29.9, 35.1, 22.8, 28.9, 31.7, 37.0, 24.3, 30.6, 33.8]


@pytest.mark.parametrize("phi", [1.0, 0.9])
def test_statsmodels_holt_winters_equals_the_textbook_recursions(phi):
    alpha, beta, gamma = 0.35, 0.10, 0.20
    level, trend, season = 27.0, 0.5, [1.12, 0.75, 0.94, 1.03]
    model = ExponentialSmoothing(np.array(QUARTERLY), trend="add", damped_trend=phi < 1, seasonal="mul",
                                 seasonal_periods=4, initialization_method="known", initial_level=level,
                                 initial_trend=trend, initial_seasonal=season)
    fixed = dict(smoothing_level=alpha, smoothing_trend=beta, smoothing_seasonal=gamma, optimized=False)
    if phi < 1:
        fixed["damping_trend"] = phi
    fit = model.fit(**fixed)
    fitted, ahead = _holt_winters(QUARTERLY, 4, alpha, beta, gamma, phi, level, trend, season)
    np.testing.assert_allclose(fit.fittedvalues, fitted, rtol=1e-12)
    # the course's forecast from the fitted states: the textbook at every horizon
    ours = forecast._forecast_from_states(fit, 8, 4, "add", "mul")
    np.testing.assert_allclose(ours, np.r_[ahead, _holt_winters(QUARTERLY, 4, alpha, beta, gamma, phi, level,
                                                               trend, season, horizon=8)[1][4:]], rtol=1e-12)
    # statsmodels' own forecast agrees before h = m; at h = m it used s_{T-m} (statsmodels issue #9538)
    np.testing.assert_allclose(fit.forecast(4)[:3], ahead[:3], rtol=1e-12)


def test_ets_forecast_follows_a_clean_seasonal_trend():
    """Noise-free multiplicative season on a linear trend: the fitted model continues it (to 1 %)."""
    t = np.arange(16)
    season = np.array([1.2, 0.8, 0.9, 1.1])
    y = pd.Series((100 + 5 * t) * season[t % 4], index=pd.date_range("2022-01-03", periods=16, freq="W-MON"))
    out = forecast.ets_forecast(y, 4, season_length=4, damped_trend=False)
    truth = (100 + 5 * np.arange(16, 20)) * season[np.arange(16, 20) % 4]
    np.testing.assert_allclose(out.to_numpy(), truth, rtol=0.01)
    assert out.index[0] == y.index[-1] + pd.Timedelta(weeks=1) and out.name == "forecast"


@settings(max_examples=15, deadline=None)
@given(st.floats(min_value=1.0, max_value=1e5), st.sampled_from([(None, None), ("add", None), ("add", "mul")]))
def test_forecast_of_a_constant_series_is_that_constant(value, model):
    trend, seasonal = model
    y = pd.Series(np.full(24, value), index=pd.date_range("2024-01-01", periods=24, freq="W-MON"))
    out = forecast.ets_forecast(y, 6, season_length=4, trend=trend, seasonal=seasonal)
    np.testing.assert_allclose(out.to_numpy(), value, rtol=1e-6)


def test_ets_interval_brackets_the_forecast_and_is_seeded():
    t = np.arange(24)
    rng = np.random.default_rng(3)
    y = pd.Series((100 + 2 * t) * np.array([1.2, 0.8, 0.9, 1.1])[t % 4] * rng.gamma(400, 1 / 400, 24),
                  index=pd.date_range("2022-01-03", periods=24, freq="W-MON"))
    narrow = forecast.ets_interval(y, 8, season_length=4, coverage=0.5, repetitions=400, seed=1)
    wide = forecast.ets_interval(y, 8, season_length=4, coverage=0.95, repetitions=400, seed=1)
    pd.testing.assert_series_equal(narrow["forecast"], forecast.ets_forecast(y, 8, season_length=4))
    assert (wide["lower"] <= narrow["lower"]).all() and (narrow["upper"] <= wide["upper"]).all()
    assert (narrow["lower"] <= narrow["forecast"]).all() and (narrow["forecast"] <= narrow["upper"]).all()
    again = forecast.ets_interval(y, 8, season_length=4, coverage=0.95, repetitions=400, seed=1)
    pd.testing.assert_frame_equal(wide, again)


# ---------------------------------------------------------------------------
# event calendar
# ---------------------------------------------------------------------------
def _catch_up_loop(closed):
    out, gap = [], False
    for day, shut in closed.items():
        if shut:
            gap = gap or day.day_of_week < 5
            out.append(False)
        else:
            out.append(gap and day.day_of_week < 5)
            gap = False
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(st.booleans(), min_size=1, max_size=60), st.integers(0, 6))
def test_catch_up_days_match_a_plain_loop(flags, offset):
    days = pd.date_range("2025-01-06", periods=len(flags), freq="D") + pd.Timedelta(days=offset)
    closed = pd.Series(flags, index=days)
    got = events.catch_up_days(closed)
    assert got.tolist() == _catch_up_loop(closed)
    assert got.sum() <= (closed & (days.day_of_week < 5)).sum()


@settings(max_examples=20, deadline=None)
@given(st.integers(1990, 2060))
def test_calendar_holidays_come_from_the_holidays_package(year):
    cal = events.event_calendar(pd.date_range(f"{year}-01-01", f"{year}-12-31"))
    assert cal.loc[f"{year}-12-25", "holiday"] == "Eerste kerstdag" and cal.loc[f"{year}-12-25", "closed"]
    assert cal.loc[f"{year}-01-01", "closed"]
    easter = pd.Timestamp(__import__("dateutil.easter", fromlist=["easter"]).easter(year))
    assert cal.loc[easter + pd.Timedelta(days=1), "holiday"] == "Tweede paasdag"
    assert cal.loc[easter - pd.Timedelta(days=2), "quiet_holiday"]                 # Goede vrijdag: open, quiet
    assert cal.loc[easter + pd.Timedelta(days=2), "catch_up"]                      # Tuesday after Easter Monday
    assert (cal[["invoice_day_1", "invoice_day_2", "invoice_day_3"]].sum() == 12).all()   # one per month


def test_calendar_example_christmas_2025():
    cal = events.event_calendar(pd.date_range("2025-12-20", "2026-01-10"))
    assert cal.loc["2025-12-25":"2025-12-26", "closed"].all()
    assert not cal.loc["2025-12-27", "catch_up"]              # Saturday: open, but no weekday
    assert not cal.loc["2025-12-29", "catch_up"]              # Saturday was open in between
    assert cal.loc["2026-01-02", "catch_up"]                  # Friday after Nieuwjaarsdag
    assert cal.loc["2026-01-06", "invoice_day_1"]             # working days 1, 2 = 2 and 5 January


@settings(max_examples=20, deadline=None)
@given(st.lists(st.floats(0.3, 2.0), min_size=len(events.EVENT_COLUMNS), max_size=len(events.EVENT_COLUMNS)))
def test_event_uplift_is_exact_without_noise(factors):
    """No noise, no trend: each event's factor comes back exactly, and event_factors puts it back."""
    days = pd.date_range("2024-01-01", "2025-12-31")
    cal = events.event_calendar(days, campaigns=[("2024-03-04", "2024-03-10"), ("2025-09-08", "2025-09-21")])
    truth = dict(zip(events.EVENT_COLUMNS, factors))
    week = np.array([130.0, 108, 100, 97, 90, 45, 0])
    volume = pd.Series(week[days.day_of_week] * events.event_factors(cal, truth).to_numpy(), index=days)
    up = events.event_uplift(volume, cal)
    for name, value in truth.items():
        assert up.loc[name, "days"] > 0
        assert up.loc[name, "uplift"] == pytest.approx(value, rel=1e-12), name


def test_generator_expected_volume_is_the_documented_product():
    """expected_calls = weekly_calls x (1 + growth)^years x season x weekday share x event factors, recomputed."""
    frame = synth.daily_history(seed=7)
    days = pd.DatetimeIndex(frame["date"])
    cal = events.event_calendar(days, campaigns=P.campaigns())
    years = (days - pd.Timestamp(P.reference_day)) / pd.Timedelta(days=365.25)
    a1, a2, peak = P.yearly
    angle = 2 * np.pi * (days.day_of_year - peak) / 365.25
    share = np.asarray(P.weekday_factors) / sum(P.weekday_factors)
    factor = np.where(cal["closed"], 0.0, 1.0)
    factor = factor * np.where(cal["quiet_holiday"], P.quiet_holiday_factor, 1.0)
    factor = factor * np.where(cal["catch_up"], P.catch_up_factor, 1.0)
    factor = factor * np.where(cal["campaign"], P.campaign_factor, 1.0)
    for k, spike in enumerate(P.invoice_spike, start=1):
        factor = factor * np.where(cal[f"invoice_day_{k}"], spike, 1.0)
    expected = np.asarray(P.weekly_calls * (1 + P.growth) ** years * (1 + a1 * np.cos(angle) + a2 * np.cos(2 * angle))
                          * share[days.day_of_week] * factor, dtype=float)
    np.testing.assert_allclose(frame["expected_calls"], expected, rtol=1e-12)
    # the draws: calls / expected has mean 1 (Gamma x Poisson), to 4 standard errors of about 5.3 % / sqrt(n)
    open_ = frame["is_open"].to_numpy()
    ratio = frame["calls_offered"].to_numpy()[open_] / expected[open_]
    assert abs(ratio.mean() - 1) < 4 * 0.053 / np.sqrt(open_.sum())
    other = synth.daily_history(seed=8)
    assert not other["calls_offered"].equals(frame["calls_offered"])
    pd.testing.assert_series_equal(other["expected_calls"], frame["expected_calls"])


# ---------------------------------------------------------------------------
# the daily history: shipped, loaded, and the generator's effects are recovered
# ---------------------------------------------------------------------------
def test_daily_history_file(history):
    assert history.index[0] == pd.Timestamp(P.start) and history.index[-1] == pd.Timestamp(P.end)
    assert len(history) == 1461 and history.index.is_monotonic_increasing
    years = history["calls_offered"].groupby(history.index.year).sum()
    growth = years.iloc[-1] / years.iloc[0]
    assert growth == pytest.approx((1 + P.growth) ** 3, rel=0.02)        # 3 years apart; annual noise < 0.5 %
    assert set(history.loc[~history["is_open"], "calls_offered"]) == {0}
    assert history["holiday"].str.len().gt(0).sum() == 41                # 10 a year + Bevrijdingsdag 2025


def test_loader_refuses_calls_on_a_closed_day(tmp_path):
    lines = data_path("daily_history.csv").read_text().splitlines()
    closed = next(i for i, line in enumerate(lines) if ",0,0,0,0,0,0.00,0," in line)
    cells = lines[closed].split(",")
    cells[8] = "12"
    lines[closed] = ",".join(cells)
    path = tmp_path / "daily_history.csv"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataFileError, match="calls_offered"):
        datasets.load_daily_history(path)


def test_event_uplift_recovers_the_generated_effects(history, calendar):
    """Tolerance per event: 4 standard errors plus 1 % for the baseline's curvature.

    One day's relative noise is ``sqrt(day_noise_cv^2 + 1/calls) ~ 5.2 %``; the baseline averages up to 6
    neighbouring days (2.1 %), so one day's ratio has about 5.6 % noise and ``n`` days ``5.6 % / sqrt(n)``. The
    yearly cosine bends over the +-3 weeks of the baseline by at most ``0.07 (2 pi 21 / 365)^2 / 2 = 0.5 %``.
    """
    volume = history["calls_offered"]
    up = events.event_uplift(volume, calendar.loc[volume.index])
    truth = {"quiet_holiday": P.quiet_holiday_factor, "catch_up": P.catch_up_factor,
             "campaign": P.campaign_factor, **{f"invoice_day_{k + 1}": f for k, f in enumerate(P.invoice_spike)}}
    for name, value in truth.items():
        n = up.loc[name, "days"]
        assert n >= 5, name
        tolerance = 4 * 0.056 / np.sqrt(n) + 0.01
        assert up.loc[name, "uplift"] == pytest.approx(value, abs=tolerance * value), name


def test_event_uplift_is_unbiased_over_seeds():
    """Over 20 generated histories the mean estimate is within 3 standard errors of the generator's factor
    (the spread between seeds, sd / sqrt(20)), plus 0.5 % for the baseline's curvature."""
    cal = events.event_calendar(pd.date_range(P.start, P.end), campaigns=P.campaigns())
    estimates = pd.concat([events.event_uplift(pd.Series(synth.daily_history(seed=s)["calls_offered"].to_numpy(),
                                                         index=cal.index), cal)["uplift"] for s in range(20)], axis=1)
    truth = pd.Series({"quiet_holiday": P.quiet_holiday_factor, "catch_up": P.catch_up_factor,
                       "campaign": P.campaign_factor,
                       **{f"invoice_day_{k + 1}": f for k, f in enumerate(P.invoice_spike)}})
    mean, error = estimates.mean(axis=1), estimates.std(axis=1) / np.sqrt(20)
    assert ((mean - truth.reindex(mean.index)).abs() <= 3 * error + 0.005 * truth.reindex(mean.index)).all()


def test_a_closed_holiday_removes_its_volume_and_the_week_keeps_its_level(history, calendar):
    out = forecast.year_forecast(history["calls_offered"], calendar, 52)
    assert len(out) == 364 and out.index[0] == pd.Timestamp.fromisocalendar(2026, 1, 1)
    assert out.index.freq == "D" or (out.index[1:] - out.index[:-1] == pd.Timedelta(days=1)).all()
    closed = calendar.loc[out.index, "closed"]
    assert (out.loc[closed, "forecast"] == 0).all() and (out.loc[~closed, "forecast"] > 0).all()
    easter_monday = pd.Timestamp("2026-04-06")
    assert out.loc[easter_monday, "base"] > 0 and out.loc[easter_monday, "forecast"] == 0
    weekly = forecast.weekly_totals(out["forecast"])
    assert len(weekly) == 52 and weekly.index.freqstr.startswith("W")
    # the future days carry the uplifts estimated from history: a campaign-only day its campaign factor
    up = events.event_uplift(history["calls_offered"], calendar.loc[history.index])["uplift"]
    pd.testing.assert_series_equal(out["factor"], events.event_factors(calendar.loc[out.index], up),
                                   check_names=False, check_freq=False)
    cal = calendar.loc[out.index, list(events.EVENT_COLUMNS)]
    only_campaign = cal["campaign"] & (cal.sum(axis=1) == 1) & ~closed
    assert only_campaign.sum() >= 10
    assert np.allclose(out.loc[only_campaign, "factor"], up["campaign"])


def test_weekly_forecast_is_what_the_capacity_plan_reads(history, calendar):
    year = forecast.year_forecast(history["calls_offered"], calendar, 52)
    aht = forecast.aht_forecast(history["aht"], history["calls_offered"], 52)
    weekly = forecast.weekly_forecast(year["forecast"], aht)
    assert list(weekly.columns) == ["calls", "aht", "workload_hours"] and len(weekly) == 52
    assert isinstance(weekly.index, pd.DatetimeIndex) and (weekly.index.day_of_week == 0).all()
    assert weekly.index[0] == pd.Timestamp.fromisocalendar(2026, 1, 1)
    assert weekly["calls"].sum() == pytest.approx(year["forecast"].sum())
    assert (year["lower"] <= year["forecast"]).all() and (year["forecast"] <= year["upper"]).all()
    np.testing.assert_allclose(weekly["workload_hours"], weekly["calls"] * weekly["aht"] / 3600)
    # next year: about the growth above this year (holidays and 53 vs 52 weeks aside, within 3 %)
    last_year = history["calls_offered"]["2024-12-30":"2025-12-28"].sum()
    assert weekly["calls"].sum() / last_year == pytest.approx(1 + P.growth, rel=0.03)


def test_ets_beats_seasonal_naive_out_of_sample(history, calendar):
    """Rolling origin over the last 8 + 12 weeks, 13 weeks ahead, at week level."""
    volume = history["calls_offered"]
    weekly = forecast.weekly_totals(volume)

    def ets(past, horizon):
        end = past.index[-1] + pd.Timedelta(days=6)
        return forecast.weekly_totals(forecast.year_forecast(volume[:end], calendar, horizon)["forecast"])

    methods = {"ets": ets, "seasonal_naive": lambda p, h: forecast.seasonal_naive(p.to_numpy(), 52, h),
               "mean_8_weeks": lambda p, h: np.full(h, p.iloc[-8:].mean())}
    results = forecast.rolling_origin(weekly, methods, origins=8, horizon=13)
    table = forecast.rolling_accuracy(results)
    assert table.loc["ets", "wape"] < table.loc["seasonal_naive", "wape"] < table.loc["mean_8_weeks", "wape"]
    assert abs(table.loc["ets", "bias"]) < 0.02
    # the floor: even the true expected weekly volume misses by the Poisson noise of the calls
    expected = forecast.weekly_totals(history["expected_calls"]).loc[results["target"].unique()]
    assert table.loc["ets", "wape"] > forecast.poisson_noise_floor(expected)
    # independent: the seasonal-naive WAPE origin by origin with plain pandas
    n, errors, total = len(weekly), 0.0, 0.0
    for i in range(8):
        cut = n - 13 - 7 + i
        actual = weekly.iloc[cut:cut + 13].to_numpy()
        guess = weekly.iloc[cut - 52:cut - 52 + 13].to_numpy()
        errors += np.abs(actual - guess).sum()
        total += actual.sum()
    assert table.loc["seasonal_naive", "wape"] == pytest.approx(errors / total, rel=1e-12)
    assert table.loc["ets", "periods"] == 8 * 13


@pytest.mark.slow
def test_error_band_from_a_first_half_year_covers_the_second(history, calendar):
    """Empirical 80 % band from 13 origins in the first half of 2025 (4 weeks ahead), checked on 13 origins in the
    second half: the share of weekly actuals inside lies within about 3 standard errors of 80 % (the 52 checks
    overlap, so the effective number is nearer 13: 3 x sqrt(0.16 / 13) ~ 0.33; we ask 0.55..1)."""
    volume = history["calls_offered"]
    weekly = forecast.weekly_totals(volume)

    def ets(past, horizon):
        end = past.index[-1] + pd.Timedelta(days=6)
        return forecast.weekly_totals(forecast.year_forecast(volume[:end], calendar, horizon,
                                                             repetitions=10)["forecast"])

    first = forecast.rolling_origin(weekly.iloc[:-26], {"ets": ets}, origins=13, horizon=4, step=2)
    band = forecast.error_band(first)
    assert band.loc["ets", "lower"] < 0 < band.loc["ets", "upper"] and band.loc["ets", "errors"] == 52
    second = forecast.rolling_origin(weekly, {"ets": ets}, origins=13, horizon=4, step=2)
    low = second["forecast"] * (1 + band.loc["ets", "lower"])
    high = second["forecast"] * (1 + band.loc["ets", "upper"])
    inside = ((second["actual"] >= low) & (second["actual"] <= high)).mean()
    assert 0.55 <= inside <= 1.0
    # by construction the band covers its own errors at the asked share (each quantile to about one error in 52)
    own = ((first["actual"] / first["forecast"] - 1).between(band.loc["ets", "lower"], band.loc["ets", "upper"]))
    assert own.mean() == pytest.approx(0.8, abs=2.5 / 52)


def test_aht_forecast_follows_the_drift(history):
    """The generator's expected AHT in the first quarter of 2026 (drift + season, no campaign): within 2 %."""
    out = forecast.aht_forecast(history["aht"], history["calls_offered"], 13)
    days = pd.date_range(out.index[0], periods=91, freq="D")
    since = ((days - pd.Timestamp(P.start)) / pd.Timedelta(days=365.25)).to_numpy()
    angle = 2 * np.pi * (days.day_of_year.to_numpy() - P.yearly[2]) / 365.25
    truth = (P.aht_start + P.aht_drift * since) * (1 + P.aht_yearly * np.cos(angle))
    np.testing.assert_allclose(out.to_numpy(), truth.reshape(13, 7).mean(axis=1), rtol=0.02)
    assert out.name == "aht" and len(out) == 13


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(0, 1e4), min_size=2, max_size=20), st.floats(0, 2))
def test_rolling_accuracy_wape_is_non_negative_and_zero_for_a_perfect_forecast(actual, scale):
    actual = np.asarray(actual) + 1.0
    frame = pd.DataFrame({"method": "m", "actual": actual, "forecast": actual * scale})
    table = forecast.rolling_accuracy(frame)
    assert table.loc["m", "wape"] >= 0
    assert table.loc["m", "bias"] == pytest.approx(scale - 1, abs=1e-9)
    perfect = forecast.rolling_accuracy(frame.assign(forecast=actual))
    assert perfect.loc["m", "wape"] == 0


# ---------------------------------------------------------------------------
# interval level: the year of 15-minute data
# ---------------------------------------------------------------------------
def test_intraday_forecast_spreads_each_day_with_its_weekday_profile():
    index = pd.date_range("2025-03-03", periods=14 * 24, freq="h")
    open_ = (index.hour >= 8) & (index.hour < 12)
    history = pd.Series(np.where(open_, 1.0 + (index.hour == 9), 0.0), index=index)    # 09:00 twice the others
    daily = pd.Series([100.0, 50.0], index=pd.date_range("2025-03-17", periods=2))
    out = forecast.intraday_forecast(daily, history, weeks=2)
    assert len(out) == 48 and out.groupby(out.index.normalize()).sum().tolist() == [100.0, 50.0]
    assert out["2025-03-17 09:00"] == 40.0 and out["2025-03-17 08:00"] == 20.0 and out["2025-03-17 13:00"] == 0


def test_interval_level_accuracy_against_the_poisson_floor():
    """Four weekly origins in November 2025 (no holidays: those are judged at day level), one week ahead.

    ETS on the daily totals (weekly season) spread with the weekday profile (top-down) beats the seasonal naive
    and is not worse than the 8-week profile by more than a point; nothing beats the Poisson floor, computed with
    the planned ``forecast_calls`` as the expected volume.
    """
    intervals = datasets.load_intervals()
    calls = intervals["calls_offered"].astype(float)[:"2025-11-30"]

    def topdown(past, horizon):
        daily = past.resample("D").sum()
        days = forecast.ets_forecast(daily, horizon // 96, season_length=7, seasonal="add")
        days[days.index.day_of_week == 6] = 0.0                       # closed on Sunday (the calendar knows)
        return forecast.intraday_forecast(days, past, weeks=8).to_numpy()

    methods = {"seasonal_naive": lambda p, h: forecast.seasonal_naive(p.to_numpy(), 672, h),
               "profile_8_weeks": lambda p, h: forecast.profile_forecast(p, h, weeks=8).to_numpy(),
               "ets_top_down": topdown}
    results = forecast.rolling_origin(calls, methods, origins=4, horizon=672, step=672)
    assert results["origin"].min() == pd.Timestamp("2025-11-03")
    table = forecast.rolling_accuracy(results)
    planned = intervals["forecast_calls"].loc[results["target"].unique()]
    floor = forecast.poisson_noise_floor(planned)
    assert (table["wape"] > floor).all()
    assert table.loc["ets_top_down", "wape"] < table.loc["seasonal_naive", "wape"]
    assert table.loc["ets_top_down", "wape"] < table.loc["profile_8_weeks", "wape"] + 0.01
    assert (table["bias"].abs() < 0.05).all()
