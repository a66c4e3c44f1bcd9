"""Independent check of Erlang C and Erlang A by discrete-event simulation (simpy, seeded).

Each run simulates a single queue with Poisson arrivals, exponential handle times and (for
Erlang A) exponential patience, first come first served. The estimates are compared with the
formulas within four standard errors, estimated by batch means.
"""
import numpy as np
import pytest
from simpy_reference import simpy_queue

from wfmcourse.domain import erlang

pytestmark = pytest.mark.slow


def simulate(agents, traffic, aht, awt, patience=None, callers=60_000, seed=1, warmup=2_000):
    """Per-call arrays after the warm-up: wait, answered, answered within awt."""
    wait, answered = simpy_queue(agents, traffic, aht, patience, callers, seed)
    keep = slice(warmup, None)
    return wait[keep], answered[keep], (answered & (wait <= awt))[keep]


def batch_mean(values, batches=30):
    parts = np.array_split(np.asarray(values, float), batches)
    means = np.array([p.mean() for p in parts])
    return means.mean(), means.std(ddof=1) / np.sqrt(batches)


def test_erlang_c_against_simulation():
    """Call Centre Helper example: 10 Erlangs, AHT 180 s, 12 agents, 20 s."""
    wait, answered, in_time = simulate(12, 10.0, 180.0, 20.0, seed=7)
    assert answered.all()
    sl, sl_se = batch_mean(in_time)
    assert abs(sl - erlang.service_level(12, 10.0, 180, 20)) < 4 * sl_se
    pw, pw_se = batch_mean(wait > 0)
    assert abs(pw - erlang.erlang_c(12, 10.0)) < 4 * pw_se
    mean_wait, wait_se = batch_mean(wait)
    assert abs(mean_wait - erlang.asa(12, 10.0, 180)) < 4 * wait_se


def test_erlang_a_against_simulation():
    """Fewer agents than Erlangs (9 on 10 Erlangs), mean patience 120 s: stable thanks to abandonment."""
    wait, answered, in_time = simulate(9, 10.0, 180.0, 20.0, patience=120.0, seed=11)
    sl, sl_se = batch_mean(in_time)
    assert abs(sl - erlang.service_level(9, 10.0, 180, 20, patience=120)) < 4 * sl_se
    ab, ab_se = batch_mean(~answered)
    assert abs(ab - erlang.abandonment(9, 10.0, 180, 120)) < 4 * ab_se
    # ASA: mean wait of answered calls only; batch means over answered calls in arrival order
    asa, asa_se = batch_mean(wait[answered])
    assert abs(asa - erlang.asa(9, 10.0, 180, patience=120)) < 4 * asa_se
    occ = erlang.occupancy(9, 10.0, 180, patience=120)
    assert abs(occ - 10.0 * answered.mean() / 9) < 4 * ab_se * 10 / 9
