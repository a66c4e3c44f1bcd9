"""Blending phone and backlog work (wfmcourse.domain.blending), checked three ways.

(a) exact special cases: ``reserve >= agents`` is Erlang C (to 1e-12); a dense truncated chain written
    separately, with the waiting time by matrix exponentials, agrees to 1e-9; ``reserve = 0`` uses every idle
    moment, so the agents' worth of backlog work is ``(agents - traffic)`` times the useful share
    ``backlog_aht / (backlog_aht + switch_time)``, and :func:`idle_hours` is Erlang's ``(n - A) interval``;
    a small chain (2 agents, reserve 1) worked out by hand below;
(b) an independent discrete-event simulation (tests/blending_simulation.py, plain Python, no Markov chain)
    on six cases, reserve 0 to 3, with and without a switching cost: service level, P(wait), ASA and the
    backlog items per second agree within 3.5 standard errors (measured: all within 2.5); with fixed
    (not exponential) backlog item times the model is conservative, the size is pinned;
(c) hypothesis properties: probabilities in [0, 1]; a larger reserve gives a better phone and less
    backlog work; more switching cost gives fewer items; the staffing meets both targets and its phone
    part is the exact minimum.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from backlog_reference import run
from blending_simulation import dense_chain, simulate
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.domain import blending, erlang


# ---------------------------------------------------------------------------
# (a) exact special cases
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("agents, traffic", [(1, 0.5), (5, 3.0), (10, 8.0), (30, 25.0), (60, 55.5)])
def test_no_blending_is_erlang_c(agents, traffic):
    row = blending.evaluate(agents, traffic, 300, 20, 600, reserve=agents).iloc[0]
    assert row["service_level"] == pytest.approx(erlang.service_level(agents, traffic, 300, 20), abs=1e-12)
    assert row["wait_probability"] == pytest.approx(erlang.erlang_c(agents, traffic), abs=1e-12)
    assert row["asa"] == pytest.approx(erlang.asa(agents, traffic, 300), rel=1e-12)
    assert row["occupancy"] == pytest.approx(traffic / agents, rel=1e-12)
    assert row["backlog_agents"] == 0.0


@pytest.mark.parametrize("switch_time", [0.0, 60.0, 300.0])
def test_no_reserve_fills_every_idle_moment(switch_time):
    frame = blending.evaluate([5, 10, 20], [3.0, 8.0, 15.5], 300, 20, 600, reserve=0, switch_time=switch_time)
    useful = 600 / (600 + switch_time)
    np.testing.assert_allclose(frame["backlog_agents"], (np.array([5, 10, 20]) - [3.0, 8.0, 15.5]) * useful,
                               rtol=1e-9)
    np.testing.assert_allclose(frame["wait_probability"], 1.0, atol=1e-12)     # nobody is ever idle
    idle = blending.idle_hours([5, 10, 20], [3.0, 8.0, 15.5], 900)
    np.testing.assert_allclose(idle, np.array([2.0, 2.0, 4.5]) / 4, rtol=1e-12)
    np.testing.assert_allclose(frame["backlog_hours"] + frame["switching_hours"], idle, rtol=1e-9)
    np.testing.assert_allclose(frame["switching_hours"],
                               frame["backlog_items"] * switch_time / 3600, rtol=1e-12)


def test_two_agents_by_hand():
    """Two agents, reserve 1, a call every 600 s on average (lambda = 1/600), aht 300 s (mu = 1/300),
    backlog items of 300 s (nu = 1/300), awt 0. With one agent in reserve at most one agent does
    backlog work; with no call waiting exactly one does while an agent would otherwise be idle.
    The states with no queue are (0, 1) [one on backlog, one idle], (1, 1) [one call, one backlog],
    (1, 0) and (2, 0) [calls only]; then the queue (k, 1) and (k, 0) for k >= 2. The moves that matter,
    by hand:
    from (0, 1): arrival -> (1, 1) at 1/600; from (1, 1): the call ends -> (0, 1) (the freed agent
    would make 1 idle = reserve: stays idle) at 1/300; the item ends -> the agent would leave 1 idle
    with a call in service: 2 - 0 - 1 = 1 <= reserve, so (1, 0) at 1/300; from (1, 0): arrival ->
    (2, 0); the call ends -> 2 - 0 - 0 = 2 idle > 1: start an item, (0, 1) at 1/300.
    A call that arrives in (0, 1) is answered at once; in (1, 1) it waits (both busy): P(wait) is the
    stationary mass of the states with every agent busy. The independent simulation confirms it."""
    row = blending.evaluate(2, 0.5, 300, 0, 300, reserve=1, interval=1).iloc[0]
    sim = simulate(2, 0.5, 300, 0, 300, 1, hours=4000, seed=5)
    assert abs(row["wait_probability"] - sim["wait_probability"][0]) < 3.5 * sim["wait_probability"][1]
    assert row["service_level"] == pytest.approx(1 - row["wait_probability"], abs=1e-12)   # awt 0


@pytest.mark.parametrize("case", [(2, 0.5, 300, 0, 300, 1, 60), (3, 1.5, 300, 20, 600, 1, 80),
                                  (4, 2.5, 240, 30, 900, 0, 100), (5, 3.0, 300, 20, 600, 2, 100),
                                  (6, 4.0, 300, 60, 300, 3, 120)])
def test_against_the_dense_chain(case):
    """The quasi-birth-death solution against a dense chain truncated at `calls` calls, written
    separately (tests/blending_simulation.py): measured differences up to 3e-11 (truncation and the
    dense least-squares solve)."""
    *args, calls = case
    dense = dense_chain(*args, calls)
    qbd = blending._chain(*args)
    for key in ("service_level", "wait_probability", "backlog_busy"):
        assert qbd[key] == pytest.approx(dense[key], abs=1e-9)
    assert qbd["asa"] == pytest.approx(dense["asa"], rel=1e-8)


@pytest.mark.parametrize("case", [(10, 9.0, 300, 20, 3600, 0), (10, 9.5, 300, 20, 7200, 1),
                                  (50, 47.0, 300, 20, 3600, 0)])
def test_truncation(case, monkeypatch):
    """Heavy load and slow backlog items (the longest queues): the waiting-time sums stopped at a level
    mass of 1e-18 against 1e-33."""
    n, a, aht, awt, item, reserve = case
    usual = blending._chain(n, a, aht, awt, item, reserve)
    monkeypatch.setattr(blending, "_TAIL", 1e-30)
    deep = blending._chain(n, a, aht, awt, item, reserve)
    for key in usual:
        assert usual[key] == pytest.approx(deep[key], rel=1e-6 if key == "asa" else 1e-8, abs=1e-10)


# ---------------------------------------------------------------------------
# (b) against the independent simulation
# ---------------------------------------------------------------------------
CASES = [  # agents, traffic, aht, awt, backlog_aht, reserve, switch_time
    (5, 3.0, 300, 20, 600, 0, 0),
    (6, 4.0, 300, 20, 600, 1, 60),
    (10, 7.0, 240, 20, 900, 2, 0),
    (15, 11.0, 300, 30, 480, 2, 120),
    (20, 16.0, 180, 20, 600, 3, 60),
    (8, 5.5, 300, 60, 300, 1, 30),
]


@pytest.mark.parametrize("case", CASES)
def test_against_the_simulation(case):
    n, a, aht, awt, item, reserve, switch = case
    row = blending.evaluate(n, a, aht, awt, item, reserve=reserve, switch_time=switch, interval=1).iloc[0]
    sim = simulate(n, a, aht, awt, item + switch, reserve, hours=3000, seed=n)
    for metric, model in (("service_level", row["service_level"]), ("wait_probability", row["wait_probability"]),
                          ("asa", row["asa"]), ("backlog_rate", row["backlog_items"])):
        mean, se = sim[metric]
        assert abs(model - mean) < 3.5 * se, (metric, model, mean, se)


def test_fixed_item_times_model_is_conservative():
    """The chain takes backlog items as exponential; with fixed 900 s items (10 agents, 7 Erlang,
    reserve 2) the simulated phone does a little better: service level 0.336 vs the model's 0.327,
    ASA 105 s vs 125 s; the backlog work is the same (0.00292 items/s)."""
    row = blending.evaluate(10, 7.0, 240, 20, 900, reserve=2, interval=1).iloc[0]
    sim = simulate(10, 7.0, 240, 20, 900, 2, hours=3000, seed=3, item_times="fixed")
    assert 0.0 < sim["service_level"][0] - row["service_level"] < 0.02
    assert 10 < row["asa"] - sim["asa"][0] < 30
    assert abs(row["backlog_items"] - sim["backlog_rate"][0]) < 3.5 * sim["backlog_rate"][1]


# ---------------------------------------------------------------------------
# (c) properties
# ---------------------------------------------------------------------------
small = st.tuples(st.integers(1, 12), st.floats(0.05, 0.95), st.integers(0, 12), st.floats(0, 300),
                  st.floats(60, 1200))


@settings(max_examples=60, deadline=None)
@given(small)
def test_probabilities_and_reserve(case):
    n, load, reserve, switch, item = case
    a = n * load
    lower = blending.evaluate(n, a, 300, 20, item, reserve=min(reserve, n), switch_time=switch).iloc[0]
    higher = blending.evaluate(n, a, 300, 20, item, reserve=min(reserve, n) + 1, switch_time=switch).iloc[0]
    for row in (lower, higher):
        assert 0.0 <= row["service_level"] <= 1.0 and 0.0 <= row["wait_probability"] <= 1.0
        assert row["asa"] >= 0 and row["backlog_agents"] >= 0
        assert row["backlog_agents"] <= (n - a) + 1e-9
    assert higher["service_level"] >= lower["service_level"] - 1e-9
    assert higher["backlog_items"] <= lower["backlog_items"] + 1e-9


@settings(max_examples=40, deadline=None)
@given(small, st.floats(1, 300))
def test_switching_costs_items(case, more):
    n, load, reserve, switch, item = case
    a = n * load
    cheap = blending.evaluate(n, a, 300, 20, item, reserve=min(reserve, n), switch_time=switch).iloc[0]
    dear = blending.evaluate(n, a, 300, 20, item, reserve=min(reserve, n), switch_time=switch + more).iloc[0]
    assert dear["backlog_items"] <= cheap["backlog_items"] + 1e-9


def test_series_and_overload():
    index = pd.date_range("2025-03-03 08:00", periods=3, freq="15min")
    frame = blending.evaluate(pd.Series([5, 3, 0], index=index), 3.0, 300, 20, 600, reserve=1)
    assert frame.index.equals(index)
    assert frame["service_level"].iloc[1] == 0.0 and np.isinf(frame["asa"].iloc[1])
    assert frame["backlog_agents"].iloc[1] == 0.0
    idle = blending.idle_hours(pd.Series([5, 3, 0], index=index), 3.0)
    assert idle.index.equals(index) and idle.tolist() == [0.5, 0.0, 0.0]


def test_staffing_meets_both_and_the_phone_part_is_minimal():
    """A KlantDirect morning: 16 quarter-hours, e-mail due within 2 working hours."""
    traffic = np.array([2, 4, 6, 8, 9, 9, 8, 7, 6, 6, 7, 8, 7, 5, 4, 3], dtype=float)
    mail = np.array([20, 10, 8, 6, 5, 5, 6, 8, 8, 8, 6, 5, 4, 4, 4, 4], dtype=float)
    plan = blending.agents_needed(traffic, 300, 20, 0.8, mail, 480, 2 * 3600, reserve=2, switch_time=60)
    assert (plan["service_level"] >= 0.8).all()
    assert (plan["overdue"] == 0).all()
    rows = run(list(mail), list(plan["backlog_agents"] * 900 / 480), [1] * 16, 8, 900)
    assert max(r["overdue"] for r in rows) <= 1e-7
    assert (plan["agents"] >= plan["agents_phone"]).all()
    fewer = blending.evaluate(plan["agents_phone"] - 1, traffic, 300, 20, 480, reserve=2, switch_time=60)
    assert (fewer["service_level"] < 0.8).all()
    assert (plan["agents_phone"] >= erlang.agents_needed(traffic, 300, 20, 0.8)).all()
    # with e-mail that the idle time covers, no agent is added
    light = blending.agents_needed(traffic, 300, 20, 0.8, mail / 10, 480, 2 * 3600, reserve=2, switch_time=60)
    assert (light["agents"] == light["agents_phone"]).all()


def test_staffing_with_the_least_reserve():
    """reserve=None: Erlang C's agents on the phone, each interval with the least reserve that keeps the
    target (one less reserve misses it), and agents added only where the e-mail would be late."""
    traffic = np.array([2, 4, 6, 8, 9, 9, 8, 7, 6, 6, 7, 8, 7, 5, 4, 3], dtype=float)
    mail = np.array([20, 10, 8, 6, 5, 5, 6, 8, 8, 8, 6, 5, 4, 4, 4, 4], dtype=float)
    plan = blending.agents_needed(traffic, 300, 20, 0.8, mail, 480, 2 * 3600, switch_time=60)
    np.testing.assert_array_equal(plan["agents_phone"], erlang.agents_needed(traffic, 300, 20, 0.8))
    assert (plan["service_level"] >= 0.8).all() and (plan["overdue"] == 0).all()
    for agents, load, reserve in zip(plan["agents"], traffic, plan["reserve"]):
        if reserve > 0:
            less = blending.evaluate(agents, load, 300, 20, 480, reserve=reserve - 1, switch_time=60)
            assert less["service_level"].iloc[0] < 0.8
    fixed = blending.agents_needed(traffic, 300, 20, 0.8, mail, 480, 2 * 3600, reserve=2, switch_time=60)
    assert plan["agents"].sum() <= fixed["agents"].sum()
