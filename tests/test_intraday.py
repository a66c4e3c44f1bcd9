"""Intraday management (wfmcourse.domain.intraday): every formula by a worked example computed by hand,
an independent recomputation (plain Python, Erlang directly or the queue simulation) and hypothesis
properties; bad input raises typed errors."""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.data import datasets, synth
from wfmcourse.domain import erlang, intraday
from wfmcourse.domain.simulation import compare_with_erlang, simulate_queue
from wfmcourse.validation import ParameterTypeError, ParameterValueError


@pytest.fixture(scope="module")
def year():
    return datasets.load_intervals()


@pytest.fixture(scope="module")
def day(year):
    one = year.loc["2025-03-04"]
    return one[one["is_open"]]


# ---------------------------------------------------------------------------
# 1. monitoring and recovery
# ---------------------------------------------------------------------------
def test_recovery_worked_example():
    """A morning of 500 calls with 350 in time (70 %); 1500 calls still to come; target 80 %.
    The day needs 0.8 * (500 + 1500) = 1600 calls in time; 1600 - 350 = 1250 of the remaining 1500
    must be in time: 1250 / 1500 = 83.3 %."""
    assert intraday.required_service_level(350, 500, 1500, target=0.8) == pytest.approx(1250 / 1500)
    # a worse morning: 1000 offered, 500 in time, 500 to come: 1200 - 500 = 700 of 500 -> 140 %: impossible,
    # because even 500 of 500 gives (500 + 500) / 1500 = 66.7 % < 80 %
    assert intraday.required_service_level(500, 1000, 500, target=0.8) == pytest.approx(1.4)
    # already safe: 0.8 * 1000 = 800 <= 900
    assert intraday.required_service_level(900, 950, 50, target=0.8) == 0.0
    # abandonment: 40 of 500 abandoned (8 %), cap 5 %, 1500 to come: 0.05 * 2000 - 40 = 60 of 1500 = 4 %
    assert intraday.allowed_abandonment(40, 500, 1500, max_abandonment=0.05) == pytest.approx(0.04)
    assert intraday.allowed_abandonment(200, 1000, 500, max_abandonment=0.05) < 0      # 75 - 200 < 0
    assert intraday.required_service_level(10, 20, 0) == math.inf
    assert intraday.allowed_abandonment(0, 20, 0) == math.inf


def test_monitor_matches_a_plain_python_loop(day):
    table = intraday.monitor(day["calls_offered"], day["answered_in_time"], day["forecast_calls"],
                             abandoned=day["calls_abandoned"], max_abandonment=0.05)
    assert table.index.equals(day.index)
    offered = answered = abandoned = 0.0
    forecasts = day["forecast_calls"].tolist()
    for k, (o, i, a) in enumerate(zip(day["calls_offered"], day["answered_in_time"], day["calls_abandoned"])):
        offered, answered, abandoned = offered + o, answered + i, abandoned + a
        rest = sum(forecasts[k + 1:])
        row = table.iloc[k]
        assert row["service_level_so_far"] == pytest.approx(answered / offered)
        assert row["remaining_forecast"] == pytest.approx(rest, abs=1e-6)
        if rest > 1e-6:
            needed = max(0.0, (0.8 * (offered + rest) - answered) / rest)
            assert row["required_service_level"] == pytest.approx(needed)
            assert row["allowed_abandonment"] == pytest.approx((0.05 * (offered + rest) - abandoned) / rest)
        assert row["recoverable"] == (row["required_service_level"] <= 1)
    # the shipped Tuesday: below 80 % all day; recovery becomes impossible in the afternoon
    assert not table["recoverable"].iloc[-1] and table["recoverable"].iloc[0]


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 1e4), st.floats(0, 1), st.floats(1, 1e4), st.floats(0.05, 0.99))
def test_recovery_properties(offered, ratio, remaining, target):
    answered = offered * ratio
    need = intraday.required_service_level(answered, offered, remaining, target=target)
    best = (answered + remaining) / (offered + remaining)
    assert (need <= 1 + 1e-9) == (best >= target - 1e-9) or abs(best - target) < 1e-9
    if need > 0:   # reaching exactly the requirement ends the day exactly on target
        assert (answered + need * remaining) / (offered + remaining) == pytest.approx(target)
    # a better morning never needs a better afternoon
    assert intraday.required_service_level(answered * 0.5, offered, remaining, target=target) >= need - 1e-12


def test_monitor_refuses_bad_input():
    with pytest.raises(ParameterValueError) as info:
        intraday.monitor([10, 10], [11, 5], [10, 10])
    assert info.value.parameter == "answered_in_time" and info.value.kind == "inconsistent"
    with pytest.raises(ParameterValueError, match="max_abandonment"):
        intraday.monitor([10, 10], [5, 5], [10, 10], abandoned=[1, 1])
    with pytest.raises(ParameterTypeError, match="offered"):
        intraday.monitor("10", [5], [10])
    with pytest.raises(ParameterValueError, match="target"):
        intraday.required_service_level(1, 2, 3, target=1.5)


# ---------------------------------------------------------------------------
# 2. the cost of a missing agent
# ---------------------------------------------------------------------------
def test_one_agent_fewer_worked_example():
    """5 calls of 180 s in 900 s = 1 Erlang. Erlang C by hand: C(3, 1) = (1/3! * 3/2) / (1 + 1 + 1/2 + 1/4)
    = 1/11; C(2, 1) = (1/2 * 2) / (1 + 1 + 1) = 1/3. SL = 1 - C * exp(-(n - a) * 20 / 180)."""
    table = intraday.one_agent_fewer([5.0], 180, [3])
    sl3 = 1 - (1 / 11) * math.exp(-2 * 20 / 180)
    sl2 = 1 - (1 / 3) * math.exp(-1 * 20 / 180)
    assert table["service_level"].iloc[0] == pytest.approx(sl3, rel=1e-12)
    assert table["service_level_one_fewer"].iloc[0] == pytest.approx(sl2, rel=1e-12)
    assert table["calls_late"].iloc[0] == pytest.approx(5 * (sl3 - sl2))
    assert table["day_drop"].iloc[0] == pytest.approx(sl3 - sl2)


def test_missing_agent_costs_more_in_the_peak(day):
    """The shipped Tuesday's plan (forecast, planned AHT, agents needed): one agent missing in the peak
    quarter against the quietest quarter, Erlang C and A. The service level of the quarter itself falls
    more in the quiet quarter (one of 10 agents is a bigger share than one of 31), but the peak has four
    times the calls, so more calls are late and the day's volume-weighted service level falls more."""
    params = synth.CentreParameters()
    calls, aht = day["forecast_calls"], params.phone_aht
    peak, quiet = calls.idxmax(), calls.idxmin()
    for patience in (None, params.patience):
        table = intraday.one_agent_fewer(calls, aht, day["agents_needed"], patience=patience)
        assert table.index.equals(day.index)
        assert table.loc[peak, "calls_late"] > table.loc[quiet, "calls_late"]
        assert table.loc[peak, "day_drop"] > table.loc[quiet, "day_drop"]
        assert table.loc[peak, "drop"] < table.loc[quiet, "drop"]
        assert (table["drop"] >= 0).all()
        # independent: Erlang directly
        a = erlang.traffic(calls[peak], aht)
        direct = erlang.service_level(int(day.loc[peak, "agents_needed"]) - 1, a, aht, 20, patience=patience)
        assert table.loc[peak, "service_level_one_fewer"] == pytest.approx(direct, rel=1e-12)
        assert table.loc[peak, "day_drop"] == pytest.approx(table.loc[peak, "calls_late"] / calls.sum())


def test_missing_agent_in_the_peak_agrees_with_the_simulation(day):
    """The queue simulation with one agent fewer in the peak quarter (Erlang A) within 4 standard errors."""
    params = synth.CentreParameters()
    peak = day["forecast_calls"].idxmax()
    a = erlang.traffic(day.loc[peak, "forecast_calls"], params.phone_aht)
    sim = simulate_queue(int(day.loc[peak, "agents_needed"]) - 1, a, params.phone_aht, 20,
                         patience=params.patience, callers=20_000, seed=4)
    table = compare_with_erlang(sim)
    assert (table["z_score"].abs() < 4).all(), table


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.floats(0.5, 30))
def test_one_fewer_never_helps(agents, traffic):
    calls = traffic * 900 / 240
    table = intraday.one_agent_fewer([calls], 240, [agents], patience=90.0)
    assert 0 <= table["service_level_one_fewer"].iloc[0] <= table["service_level"].iloc[0] + 1e-12


# ---------------------------------------------------------------------------
# 3. the intraday reforecast
# ---------------------------------------------------------------------------
def test_reforecast_worked_example():
    """Half-hour forecast 10, 10, 20, 20; after 1 hour 12 + 14 = 26 against 20: factor 1.3, so the rest
    becomes 26, 26; damped halfway (1 + 0.5 * 0.3 = 1.15): 23, 23."""
    index = pd.date_range("2025-03-04 08:00", periods=4, freq="30min")
    forecast = pd.Series([10.0, 10.0, 20.0, 20.0], index=index)
    rest = intraday.reforecast(forecast, [12.0, 14.0], 1, interval=1800)
    assert rest.tolist() == pytest.approx([26.0, 26.0]) and rest.index.equals(index[2:])
    assert intraday.reforecast(forecast, [12.0, 14.0], 1, interval=1800, damping=0.5).tolist() == \
        pytest.approx([23.0, 23.0])
    assert intraday.reforecast(forecast, [12.0, 14.0], 1, interval=1800, damping=0).tolist() == [20.0, 20.0]
    with pytest.raises(ParameterValueError, match="hours"):
        intraday.reforecast(forecast, [12.0, 14.0], 0.25, interval=1800)
    with pytest.raises(ParameterValueError, match="hours"):
        intraday.reforecast(forecast, [12.0, 14.0], 2, interval=1800)


def test_reforecast_reliability_recomputed_with_plain_pandas(year):
    table = intraday.reforecast_reliability(year, hours=(1, 2, 4), damping=0.5)
    open_ = year[year["is_open"]].copy()
    open_["day"] = open_.index.date
    open_["k"] = open_.groupby("day").cumcount()
    for h in (1, 2, 4):
        early = open_[open_["k"] < 4 * h].groupby("day")[["forecast_calls", "calls_offered"]].sum()
        rest = open_[open_["k"] >= 4 * h].groupby("day")[["forecast_calls", "calls_offered"]].sum()
        factor = early["calls_offered"] / early["forecast_calls"]
        actual = rest["calls_offered"]
        assert table.loc[h, "days"] == len(rest)
        assert table.loc[h, "wape_forecast"] == pytest.approx((rest["forecast_calls"] - actual).abs().sum()
                                                              / actual.sum())
        assert table.loc[h, "wape_rescaled"] == pytest.approx((rest["forecast_calls"] * factor - actual).abs()
                                                              .sum() / actual.sum())
        assert table.loc[h, "wape_damped"] == pytest.approx(
            (rest["forecast_calls"] * (1 + 0.5 * (factor - 1)) - actual).abs().sum() / actual.sum())
    # on the shipped year the full rescale gets better the longer the morning: 1 h < 2 h < 4 h in error
    assert table["wape_rescaled"].is_monotonic_decreasing
    assert table.loc[4, "wape_rescaled"] < table.loc[4, "wape_forecast"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(1, 100), min_size=8, max_size=8), st.floats(0.5, 2), st.floats(0, 1))
def test_reforecast_properties(values, factor, damping):
    index = pd.date_range("2025-03-04 08:00", periods=8, freq="15min")
    forecast = pd.Series(values, index=index)
    actual = [v * factor for v in values[:4]]
    rest = intraday.reforecast(forecast, actual, 1, damping=damping)
    assert rest.sum() == pytest.approx(sum(values[4:]) * (1 + damping * (factor - 1)))


# ---------------------------------------------------------------------------
# 4. adherence and conformance
# ---------------------------------------------------------------------------
def test_adherence_worked_example():
    """Agent A, eight quarters: scheduled 6 x contact, 1 x break, 1 x off. States: available, in_contact,
    acw, aux, in_contact, break (where contact was scheduled), in_contact (where the break was), available
    (in the off quarter: overtime). Adherent: quarters 1, 2, 3, 5 = 4 of 7 scheduled -> 4/7. Worked: 6 quarters
    in a phone state + 1 quarter of break (one break quarter scheduled), not the aux quarter -> 7/7. Agent B:
    4 x contact, logged out in the last 2: adherence 2/4, conformance 2/4."""
    states = pd.DataFrame({
        "agent": ["A"] * 8 + ["B"] * 4,
        "scheduled": ["contact"] * 6 + ["break", "off"] + ["contact"] * 4,
        "state": ["available", "in_contact", "acw", "aux", "in_contact", "break", "in_contact", "available",
                  "available", "acw", "logged_out", "logged_out"],
    })
    table = intraday.adherence(states)
    assert table.loc["A", "adherence"] == pytest.approx(4 / 7)
    assert table.loc["A", "conformance"] == pytest.approx(7 / 7)
    assert table.loc["A", "scheduled_hours"] == pytest.approx(7 / 4)
    assert table.loc["B", "adherence"] == pytest.approx(0.5)
    assert table.loc["B", "conformance"] == pytest.approx(0.5)
    with pytest.raises(ParameterValueError, match="states"):
        intraday.adherence(states.assign(state="sleeping"))


def test_sick_days_leave_the_schedule():
    """Agent C, two days of 4 quarters: day 1 logged out all day (a sick day), day 2 contact x 3 + aux.
    Excluded: scheduled 4 quarters = 1 h, adherence 3/4, conformance 3/4 (aux is not work), sick_hours 1.
    Counted: 8 quarters, adherence 3/8. A break overrun counts as work only up to the scheduled break."""
    times = list(pd.date_range("2025-03-03 09:00", periods=4, freq="15min")) + \
        list(pd.date_range("2025-03-04 09:00", periods=4, freq="15min"))
    states = pd.DataFrame({"agent": "C", "interval_start": times, "scheduled": ["contact"] * 8,
                           "state": ["logged_out"] * 4 + ["available", "in_contact", "acw", "aux"]})
    out = intraday.adherence(states).loc["C"]
    assert out["scheduled_hours"] == pytest.approx(1.0) and out["sick_hours"] == pytest.approx(1.0)
    assert out["adherence"] == pytest.approx(3 / 4) and out["conformance"] == pytest.approx(3 / 4)
    counted = intraday.adherence(states, sick_days="count").loc["C"]
    assert counted["adherence"] == pytest.approx(3 / 8) and counted["scheduled_hours"] == pytest.approx(2.0)
    # the same with the times as index
    assert intraday.adherence(states.set_index("interval_start")).loc["C", "adherence"] == pytest.approx(3 / 4)
    overrun = pd.DataFrame({"agent": "D", "scheduled": ["contact", "break", "contact", "contact"],
                            "state": ["in_contact", "break", "break", "aux"]})
    d = intraday.adherence(overrun).loc["D"]
    assert d["adherence"] == pytest.approx(2 / 4) and d["conformance"] == pytest.approx(2 / 4)
    # a whole shift in aux is no work: conformance 0 (it was 100 % when conformance meant 'logged in')
    assert intraday.adherence(overrun.assign(state="aux")).loc["D", "conformance"] == 0.0
    with pytest.raises(ParameterValueError, match="sick_days"):
        intraday.adherence(overrun, sick_days="ignore")
    with pytest.raises(ParameterValueError, match="states"):
        intraday.adherence(states.iloc[:4])             # only a sick day: nothing left to measure


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(intraday.ACTIVITIES[:-1]), st.sampled_from(intraday.STATES)),
                min_size=1, max_size=40))
def test_adherence_properties(rows):
    states = pd.DataFrame({"agent": "A", "scheduled": [r[0] for r in rows], "state": [r[1] for r in rows]})
    if all(r[1] == "logged_out" for r in rows):           # a whole sick day: nothing left to measure
        with pytest.raises(ParameterValueError):
            intraday.adherence(states)
        return
    table = intraday.adherence(states)
    # adherence is a share of the scheduled time; adherent time is worked time, so adherence <= conformance
    assert 0 <= table.loc["A", "adherence"] <= table.loc["A", "conformance"] <= 1 + 1e-12
    plain = sum(intraday.STATE_ACTIVITY[s] == a for a, s in rows) / len(rows)
    assert table.loc["A", "adherence"] == pytest.approx(plain)


# ---------------------------------------------------------------------------
# 5. interventions
# ---------------------------------------------------------------------------
def test_interventions_move_service_level_the_right_way(day):
    calls, aht, agents = day["calls_offered"], day["aht"], day["agents_staffed"]
    peak = (calls.index.hour >= 9) & (calls.index.hour < 11)
    quiet = calls.index.hour >= 18
    move = pd.Series(np.where(peak, 3, 0) - np.where(quiet, 3, 0), index=calls.index)   # training out of peak
    table = intraday.intervention_effect(calls, aht, agents, agent_change=move, patience=120.0)
    before = intraday.day_service_level(calls, table["service_level"])
    after = intraday.day_service_level(table["calls_after"], table["service_level_after"])
    assert after > before
    assert table["hours"].sum() == 0.0              # moving costs no hours
    assert (table.loc[peak, "service_level_after"] >= table.loc[peak, "service_level"]).all()
    # voluntary time off in the quiet afternoon frees hours and costs little service level
    vto = intraday.intervention_effect(calls, aht, agents, agent_change=-np.where(quiet, 1, 0), patience=120.0)
    assert vto["hours"].sum() == pytest.approx(-quiet.sum() / 4)
    assert intraday.day_service_level(calls, vto["service_level_after"]) <= before + 1e-12
    # IVR message: half of the 30 % callers about an outage drop out
    change = intraday.ivr_change(calls, 0.3, 0.5)
    assert change.sum() == pytest.approx(-0.15 * calls.sum())
    ivr = intraday.intervention_effect(calls, aht, agents, call_change=change, patience=120.0)
    assert (ivr["service_level_after"] >= ivr["service_level"] - 1e-12).all()
    # callbacks move calls from the waiting peak to the last quarter: the day total stays the same
    wait = erlang.erlang_c(np.maximum(agents, 1), np.minimum(erlang.traffic(calls, aht), agents - 0.5))
    back = intraday.callback_change(calls, wait, 0.4, len(calls) - 1)
    assert back.sum() == pytest.approx(0.0, abs=1e-9) and back[-1] > 0 and (back[:-1] <= 0).all()


def test_day_service_level_is_volume_weighted():
    """Hand: 100 calls at 90 % and 300 at 70 %: (90 + 210) / 400 = 75 %, not the mean 80 %."""
    assert intraday.day_service_level([100, 300], [0.9, 0.7]) == pytest.approx(0.75)


def test_playbook_is_the_control_rooms_table():
    """The draaiboek the notebook shows and the playbook the control room plays: the same thresholds."""
    from wfmcourse.domain import control_room
    own = intraday.PLAYBOOK[intraday.PLAYBOOK["action"] != "reforecast"].reset_index(drop=True)
    pd.testing.assert_frame_equal(own, control_room.POLICY_THRESHOLDS.reset_index(drop=True))
    assert set(intraday.PLAYBOOK["signal_basis"]) == {"live", "trend"}
    # cheap, reversible actions on live signals; overtime and time off on the trend
    basis = intraday.PLAYBOOK.groupby("action")["signal_basis"].agg(set)
    assert basis["callback"] == basis["move_from_chat"] == {"live", "trend"}   # live wait, only below target
    for action in ("callback", "move_from_chat"):
        rows = intraday.PLAYBOOK[intraday.PLAYBOOK["action"] == action]
        assert set(rows.loc[rows["signal_basis"] == "live", "signal"]) == {"longest_wait"}
        assert rows.loc[rows["signal_basis"] == "trend", ["signal", "comparison", "threshold"]].values.tolist() == [
            ["sl_so_far_above_target", "<", 0.0]]
    assert basis["overtime"] == basis["voluntary_time_off"] == {"trend"}
    assert "occupancy" not in set(intraday.PLAYBOOK["signal"])


def test_generated_agent_states_are_seeded_and_realistic():
    states = synth.agent_states("2025-03-04", agents=12, seed=7)
    assert states.equals(synth.agent_states("2025-03-04", agents=12, seed=7))
    assert not states.equals(synth.agent_states("2025-03-04", agents=12, seed=8))
    assert set(states["scheduled"]) <= set(intraday.ACTIVITIES) and set(states["state"]) <= set(intraday.STATES)
    assert len(states) == 12 * 48
    table = intraday.adherence(states)
    assert (table["scheduled_hours"] == 8).all()
    # realistic: adherence mostly 85-100 %, never all agents perfect; conformance (aux is no work) near adherence
    assert 0.85 <= table["adherence"].mean() < 0.99 and table["adherence"].min() >= 0.75
    assert table["conformance"].between(0.75, 1.1).all()
    assert (table["adherence"] <= table["conformance"] + 1e-12).all()


def test_playbook_actions_are_control_room_actions():
    from wfmcourse.domain import control_room
    assert set(intraday.PLAYBOOK["action"]) - {"reforecast"} == set(control_room.ACTIONS)


def test_monitor_on_the_reforecast():
    """Hand: forecast 10, 10, 10, 10; offered 12, 12, ...: after quarter 1 the rest is 30 x 12/10 = 36;
    after quarter 2: 20 x 24/20 = 24. Without rescale 30 and 20. Same as reforecast() at that moment."""
    view = intraday.monitor([12, 12, 12, 12], [10, 10, 10, 10], [10.0] * 4, rescale=True)
    assert view["remaining_forecast"].iloc[:3].tolist() == pytest.approx([36.0, 24.0, 12.0])
    plain = intraday.monitor([12, 12, 12, 12], [10, 10, 10, 10], [10.0] * 4)
    assert plain["remaining_forecast"].iloc[:3].tolist() == pytest.approx([30.0, 20.0, 10.0])
    # with more calls left the rest of the day needs less: I + S R = 0.8 (O + R)
    need = view["required_service_level"].iloc[0]
    assert 10 + need * 36 == pytest.approx(0.8 * (12 + 36))
    with pytest.raises(ParameterTypeError, match="rescale"):
        intraday.monitor([12], [10], [10.0], rescale="yes")
