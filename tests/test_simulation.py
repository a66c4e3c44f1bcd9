"""The queue simulator of wfmcourse.domain.simulation: exact against simpy on the same random numbers,
statistically against the Erlang formulas, reproducible, and strict about its input."""
import numpy as np
import pandas as pd
import pytest
from simpy_reference import simpy_queue

from wfmcourse.domain import erlang
from wfmcourse.domain.simulation import compare_with_erlang, estimate_patience, simulate_queue, wait_curve


@pytest.mark.parametrize("agents, traffic, patience", [(3, 2.5, None), (4, 5.0, 60.0), (12, 10.0, 200.0)])
def test_identical_to_simpy_call_by_call(agents, traffic, patience):
    sim = simulate_queue(agents, traffic, 180, 20, patience=patience, callers=3_000, seed=5, warmup=0)
    wait, answered = simpy_queue(agents, traffic, 180.0, patience, 3_000, 5)
    np.testing.assert_allclose(sim.callers["wait"], wait, rtol=0, atol=1e-7)
    np.testing.assert_array_equal(sim.callers["answered"], answered)


def within(table, limit=4.0):
    return (table["z_score"].abs() < limit).all()


def test_erlang_c_worked_example_within_four_standard_errors():
    sim = simulate_queue(14, 10.0, 180, 20, callers=20_000, seed=1)
    table = compare_with_erlang(sim)
    assert within(table), table
    assert list(table.index) == ["service_level", "asa", "abandonment", "wait_probability", "occupancy"]
    assert sim.callers["answered"].all()
    assert table.loc["abandonment", "simulated"] == 0.0


@pytest.mark.parametrize("agents, traffic, patience, seed", [(9, 10.0, 120.0, 11), (12, 10.0, 60.0, 2),
                                                             (45, 50.0, 180.0, 3)])
def test_erlang_a_within_four_standard_errors(agents, traffic, patience, seed):
    """Also with fewer agents than Erlangs: abandonment keeps the queue stable."""
    table = compare_with_erlang(simulate_queue(agents, traffic, 180, 20, patience=patience, callers=20_000,
                                               seed=seed))
    assert within(table), table
    assert "wait_probability" not in table.index


def test_same_seed_same_result_other_seed_other_result():
    one = simulate_queue(12, 10.0, 180, 20, callers=1_000, seed=4)
    two = simulate_queue(12, 10.0, 180, 20, callers=1_000, seed=4)
    three = simulate_queue(12, 10.0, 180, 20, callers=1_000, seed=5)
    pd.testing.assert_frame_equal(one.callers, two.callers)
    pd.testing.assert_frame_equal(one.summary, two.summary)
    assert not one.callers.equals(three.callers)


def test_shapes_and_consistency_of_the_per_call_table():
    sim = simulate_queue(11, 10.0, 180, 20, patience=90, callers=2_000, seed=8, warmup=300)
    calls = sim.callers
    assert len(calls) == 2_000
    assert list(calls.columns) == ["arrival", "wait", "answered", "in_time"]
    assert (calls["wait"] >= 0).all()
    assert np.all(np.diff(calls["arrival"]) > 0)
    assert not (calls["in_time"] & ~calls["answered"]).any()          # hung up never counts as in time
    assert (calls.loc[calls["in_time"], "wait"] <= 20).all()
    assert sim.summary.loc["service_level", "simulated"] == pytest.approx(calls["in_time"].mean())
    assert sim.summary.loc["abandonment", "simulated"] == pytest.approx(1 - calls["answered"].mean())
    assert (sim.summary["standard_error"] > 0).all()


def test_wait_curve_matches_formula_and_service_level():
    sim = simulate_queue(14, 10.0, 180, 20, callers=20_000, seed=1)
    curve = wait_curve(sim, [0, 10, 20, 60])
    assert curve.index.name == "wait"
    assert curve.loc[20.0, "simulated"] == pytest.approx(sim.summary.loc["service_level", "simulated"])
    assert curve.loc[0.0, "formula"] == pytest.approx(1 - erlang.erlang_c(14, 10.0))
    assert np.all(np.diff(curve["simulated"]) >= 0)
    assert np.allclose(curve["simulated"], curve["formula"], atol=0.05)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        (dict(agents=0), "agents"),
        (dict(agents=2.5), "agents"),
        (dict(agents=[3, 4]), "agents"),
        (dict(traffic=0), "traffic"),
        (dict(traffic=-1), "traffic"),
        (dict(aht=0), "aht"),
        (dict(aht=float("nan")), "aht"),
        (dict(awt=-5), "awt"),
        (dict(patience=0), "patience"),
        (dict(patience=[60, 90]), "patience"),
        (dict(callers=50), "callers"),
        (dict(callers=1000.5), "callers"),
        (dict(warmup=-1), "warmup"),
        (dict(batches=1), "batches"),
        (dict(seed=-3), "seed"),
        (dict(seed=1.5), "seed"),
        (dict(agents=10, traffic=10.0), "agents"),
    ],
)
def test_bad_input_names_the_parameter(kwargs, name):
    args = dict(agents=12, traffic=10.0, aht=180, awt=20, callers=1_000, seed=1)
    args.update(kwargs)
    with pytest.raises(ValueError, match=rf"^{name}"):
        simulate_queue(**args)


def test_overload_is_allowed_with_patience():
    sim = simulate_queue(8, 10.0, 180, 20, patience=60, callers=5_000, seed=2)
    assert 0.1 < sim.summary.loc["abandonment", "simulated"] < 0.5
    with pytest.raises(ValueError, match="waits"):
        wait_curve(sim, [[1, 2]])


def test_estimate_patience_recovers_the_simulated_patience_and_ata_does_not():
    sim = simulate_queue(10, 10.0, 180, 20, patience=120, callers=40_000, seed=6)
    est = estimate_patience(sim.callers["wait"], sim.callers["answered"])
    lost = int((~sim.callers["answered"]).sum())
    assert est["abandoned"] == lost
    # the estimate is a mean of ~lost exponential patience times: relative error about 1 / sqrt(lost)
    assert abs(est["patience_estimate"] - 120) < 4 * 120 / np.sqrt(lost)
    assert est["ata"] < 0.5 * est["patience_estimate"]


def test_estimate_patience_small_example_and_bad_input():
    est = estimate_patience([0, 30, 10, 20], [True, True, False, False])
    assert est["abandoned"] == 2 and est["ata"] == 15 and est["patience_estimate"] == 30
    with pytest.raises(ValueError, match="^answered"):
        estimate_patience([1, 2], [True, True])
    with pytest.raises(ValueError, match="^answered"):
        estimate_patience([1, 2], [True])
    with pytest.raises(TypeError, match="^answered must be True/False"):
        estimate_patience([1, 2], [1, 0])
    with pytest.raises(ValueError, match="^wait"):
        estimate_patience([-1, 2], [True, False])
