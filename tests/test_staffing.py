"""wfmcourse.domain.staffing.evaluate: the one staffing evaluator.

Checked against a published worked example, against the simulation of the same queue, against
the Erlang functions cell by cell, and with hypothesis properties.
"""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.domain import erlang, simulation, staffing
from wfmcourse.validation import ParameterTypeError, ParameterValueError


def test_callcentrehelper_worked_example():
    """Call Centre Helper, "Erlang C Formula - Made Simple With an Easy Worked Example"
    (callcentrehelper.com): 100 calls per 30 minutes, AHT 180 s, 80/20 -> 10 Erlang, 14 agents,
    SL 88.8 %, ASA 7.8 s, occupancy 71.4 %."""
    row = staffing.evaluate(100, 180, interval=1800, awt=20, target=0.8).iloc[0]
    assert row["traffic"] == pytest.approx(10.0)
    assert row["agents_needed"] == row["agents"] == 14
    assert row["service_level"] == pytest.approx(0.88835, abs=5e-6)
    assert row["asa"] == pytest.approx(7.8359, abs=5e-5)
    assert row["occupancy"] == pytest.approx(0.7142857, abs=5e-8)
    assert row["shortfall"] == 0 and row["meets_target"]
    assert list(staffing.evaluate(100, 180).columns) == [c for c in staffing.COLUMNS if c != "abandonment"]


@pytest.mark.slow
def test_simulated_queue_achieves_what_the_evaluator_says():
    """The seeded simulation of the same Erlang A queue lands within its confidence interval."""
    row = staffing.evaluate(120, 180, interval=1800, awt=20, target=0.8, patience=120).iloc[0]
    sim = simulation.simulate_queue(int(row["agents"]), row["traffic"], 180, 20, patience=120,
                                    callers=60_000, seed=7).summary
    for metric in ("service_level", "abandonment"):
        mean, se = sim.loc[metric, "simulated"], sim.loc[metric, "standard_error"]
        assert abs(row[metric] - mean) <= 4 * se, (metric, row[metric], mean, se)


def test_series_index_is_kept_and_columns_match_erlang():
    times = pd.Index(["09:00", "09:15", "09:30"], name="tijd")
    calls = pd.Series([50.0, 80.0, 0.0], index=times)
    table = staffing.evaluate(calls, 240, interval=900, awt=30, target=0.9, patience=90)
    assert table.index.equals(times)
    a = erlang.traffic(calls.to_numpy(), 240, 900)
    n = erlang.agents_needed(a, 240, 30, 0.9, patience=90)
    np.testing.assert_array_equal(table["agents_needed"], n)
    np.testing.assert_allclose(table["service_level"], erlang.service_level(n, a, 240, 30, patience=90))
    np.testing.assert_allclose(table["abandonment"], erlang.abandonment(n, a, 240, 90))
    assert table.loc["09:30", "agents"] == 0 and table.loc["09:30", "occupancy"] == 0


def test_given_agents_are_evaluated_with_their_shortfall():
    table = staffing.evaluate([100.0, 100.0, 100.0], 180, interval=1800, agents=[12, 14, 16])
    assert list(table["agents"]) == [12, 14, 16]
    assert list(table["shortfall"]) == [2, 0, 0]
    assert list(table["meets_target"]) == [False, True, True]


def test_every_target_is_passed_on():
    base = staffing.evaluate(100, 180, interval=1800).iloc[0]["agents"]
    capped = staffing.evaluate(100, 180, interval=1800, max_occupancy=0.6).iloc[0]["agents"]
    asa = staffing.evaluate(100, 180, interval=1800, max_asa=2).iloc[0]["agents"]
    lost = staffing.evaluate(100, 180, interval=1800, patience=60, max_abandonment=0.005).iloc[0]
    assert capped == erlang.agents_needed(10.0, 180, 20, 0.8, max_occupancy=0.6) > base
    assert asa == erlang.agents_needed(10.0, 180, 20, 0.8, max_asa=2) > base
    assert lost["abandonment"] <= 0.005


@pytest.mark.parametrize(("kwargs", "error", "parameter"), [
    (dict(calls=-1, aht=180), ParameterValueError, "calls"),
    (dict(calls=[[1.0, 2.0]], aht=180), ParameterValueError, "calls"),
    (dict(calls=10, aht=0), ParameterValueError, "aht"),
    (dict(calls=10, aht=180, target=80), ParameterValueError, "target"),
    (dict(calls=10, aht=180, interval="15min"), ParameterTypeError, "interval"),
    (dict(calls=10, aht=180, agents=2.5), ParameterValueError, "agents"),
    (dict(calls=[1.0, 2.0], aht=[180.0, 200.0, 300.0]), ParameterValueError, "aht"),
])
def test_bad_input_names_the_parameter(kwargs, error, parameter):
    with pytest.raises(error) as info:
        staffing.evaluate(**kwargs)
    assert info.value.parameter == parameter


@settings(max_examples=60)
@given(calls=st.floats(0, 3000), aht=st.floats(30, 900), target=st.floats(0.05, 0.95),
       patience=st.one_of(st.none(), st.floats(5, 600)))
def test_the_staffing_is_the_smallest_that_meets_the_target(calls, aht, target, patience):
    row = staffing.evaluate(calls, aht, interval=900, awt=20, target=target, patience=patience).iloc[0]
    n, a = int(row["agents"]), row["traffic"]
    assert 0.0 <= row["service_level"] <= 1.0 and 0.0 <= row["occupancy"] <= 1.0 and row["asa"] >= 0
    assert row["service_level"] >= target
    if n > 0:
        assert erlang.service_level(n - 1, a, aht, 20, patience=patience) < target
