"""Erlang A (M/M/n+M) at every scale, against an independent 40-digit mpmath reference
(tests/mp_reference.py, written from the birth-death chain, not from the package's kernels).

Standard (issue 13): P(wait), abandonment, ASA and service level to 1e-9 relative or 1e-12
absolute for traffic 0.001..100,000 Erlang, patience 1 s..1e7 s, awt 0..1e6 s, agents
1..10 x traffic.
"""
import math
import os
import subprocess
import sys
import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mp_reference import DPS, mp_erlang_b, reference

from wfmcourse.domain import erlang


def package(n, a, aht, patience, awt):
    return {"p_wait": float(erlang._erlang_a(float(n), a, aht, patience)["p_wait"]),
            "p_abandon": erlang.abandonment(n, a, aht, patience),
            "asa": erlang.asa(n, a, aht, patience=patience),
            "service_level": erlang.service_level(n, a, aht, awt, patience=patience)}


def assert_matches(n, a, aht, patience, awt):
    exact = reference(n, a, aht, patience, awt)
    got = package(n, a, aht, patience, awt)
    for key, value in exact.items():
        err = abs(got[key] - value)
        assert err <= max(1e-9 * abs(value), 1e-12), (key, got[key], mp.nstr(value, 17))


# ---------------------------------------------------------------------------
# The reported failures (issue 13, section 1), each failing on the old kernel
# ---------------------------------------------------------------------------
def test_reference_agrees_with_the_birth_death_sum():
    """The reference itself: at a small scale the chain can be summed term by term."""
    n, a, aht, patience, awt = 4, 3.5, 180.0, 90.0, 15.0
    ref = reference(n, a, aht, patience, awt)
    with mp.workdps(DPS):
        x, y = mp.mpf(n) * patience / aht, mp.mpf(a) * patience / aht
        t, j, total, served, ws = mp.mpf(1), 0, mp.mpf(0), mp.mpf(0), mp.mpf(0)
        harmonic = mp.mpf(0)
        while t > mp.mpf(10) ** -45:
            answer = x / (x + j + 1)
            harmonic += 1 / (x + j + 1)          # E[u | answered, j ahead] = sum_i 1/(x+i+1)
            total += t
            served += t * answer
            ws += t * answer * harmonic
            j += 1
            t *= y / (x + j)
        b = mp_erlang_b(n, a)
        p_wait = total / ((1 - b) / b + total)
        p_abandon = p_wait * (1 - served / total)
        assert abs(ref["p_wait"] - p_wait) < mp.mpf(10) ** -30
        assert abs(ref["p_abandon"] - p_abandon) < mp.mpf(10) ** -30
        asa = p_wait * ws / total * patience / (1 - p_abandon)
        assert abs(ref["asa"] - asa) < mp.mpf(10) ** -28


@pytest.mark.parametrize("n, a, aht, awt, patience, exact", [
    (30010, 30000.0, 180.0, 20.0, 1e6, 0.720),
    (100160, 1e5, 180.0, 0.0, 1e5, 0.5013),
])
def test_large_scale_service_level(n, a, aht, awt, patience, exact):
    """scipy's gammainc is inaccurate at these arguments: the old kernel gave 0.852 and 0.5205."""
    assert erlang.service_level(n, a, aht, awt, patience=patience) == pytest.approx(exact, abs=5e-4)
    assert_matches(n, a, aht, patience, awt)


def test_awt_zero_is_one_minus_p_wait():
    sl = erlang.service_level(100160, 1e5, 180, 0, patience=1e5)
    p_wait = float(erlang._erlang_a(100160.0, 1e5, 180.0, 1e5)["p_wait"])
    assert sl == 1.0 - p_wait


@pytest.mark.parametrize("a, awt, target, patience, expected", [
    (30000.0, 20.0, 0.8, 1e6, None),
    (1e4, 20.0, 0.8, 3e5, None),
    (1e5, 0.0, 0.5, 1e5, 100160),
])
def test_large_scale_staffing_reaches_the_target(a, awt, target, patience, expected):
    """Old kernel: 30010 agents (reaching 72 %), 10012 (79.4 %), 100149 instead of 100160."""
    n = erlang.agents_needed(a, 180, awt, target, patience=patience)
    if expected is not None:
        assert n == expected
    for k, meets in ((n, True), (n - 1, False)):
        exact = reference(k, a, 180.0, patience, awt)["service_level"]
        assert (exact >= target) is meets


def run_in_400_mb(code):
    """Run ``code`` in a fresh interpreter whose address space is limited to 400 MB."""
    limited = ("import resource; resource.setrlimit(resource.RLIMIT_AS, (400 << 20, 400 << 20)); "
               + code)
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-c", limited], capture_output=True, text=True,
                          timeout=600, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
def test_memory_bounded_large_queues():
    """The old series had (traffic - agents) patience / aht terms: 2 GiB arrays here."""
    out = run_in_400_mb("from wfmcourse import erlang; "
                        "print(repr(erlang.abandonment(50000, 1e5, 180, 1e6))); "
                        "print(erlang.agents_needed(1e5, 180, 20, 0.8, patience=1e6))")
    abandon, n = out.split()
    assert float(abandon) == pytest.approx(float(reference(50000, 1e5, 180.0, 1e6, 0.0)["p_abandon"]),
                                           rel=1e-9)
    n = int(n)
    assert reference(n, 1e5, 180.0, 1e6, 20.0)["service_level"] >= 0.8
    assert reference(n - 1, 1e5, 180.0, 1e6, 20.0)["service_level"] < 0.8


@pytest.mark.slow
def test_cli_staffs_four_hundred_million_calls_in_bounded_memory():
    """The CLI asked for 1.6 TiB."""
    out = run_in_400_mb("import runpy, sys; "
                        "sys.argv = ['wfmcourse', 'staff', '--calls', '4e8', '--aht', '180', "
                        "'--patience', '1e6']; runpy.run_module('wfmcourse', run_name='__main__')")
    assert "Service level" in out


def test_tiny_aht_is_the_fluid_limit():
    """aht -> 0 with the patience fixed: the queue is a fluid. Above the load a share n / A
    is answered (abandonment 1 - n / A); below it Erlang C holds. The old kernel gave 0.0."""
    assert erlang.abandonment(5, 10, 1e-300, 60) == 0.5
    assert erlang.occupancy(5, 10, 1e-300, patience=60) == 1.0
    assert erlang.asa(5, 10, 1e-300, patience=60) == pytest.approx(60 * math.log(2), rel=1e-12)
    assert erlang.service_level(10, 5, 1e-300, 20, patience=60) == 1.0
    assert erlang.service_level(10, 5, 1e-300, 0, patience=60) == pytest.approx(
        1 - erlang.erlang_c(10, 5), rel=1e-12)
    # continuous in the limit: a small but ordinary AHT is already close
    assert erlang.abandonment(5, 10, 1e-6, 60) == pytest.approx(0.5, rel=1e-6)


def test_no_noise_where_the_service_level_is_one_minus_p_wait():
    """awt = 0: nobody who waits is answered in time, so SL = 1 - P(wait) exactly; the old
    kernel subtracted two sums and left ~1e-9 (relative) noise, 4.7e-15 here where 1 - P(wait) = 0."""
    for n, a, aht, patience in [(5, 50.0, 180.0, 600.0), (10, 9.0, 180.0, 120.0),
                                (900, 1000.0, 300.0, 60.0), (0, 5.0, 180.0, 60.0)]:
        sl = erlang.service_level(n, a, aht, 0, patience=patience)
        assert sl == 1.0 - float(erlang._erlang_a(float(n), a, aht, patience)["p_wait"])
    assert erlang.service_level(0, 5, 180, 20, patience=60) == 0.0


# ---------------------------------------------------------------------------
# The standard region
# ---------------------------------------------------------------------------
def _agent_counts(a):
    base = {1, max(1, int(a - 2 * math.sqrt(a))), int(a) + 1, int(a + 3 * math.sqrt(a)) + 1,
            max(1, int(10 * a))}
    return sorted(base)


QUICK = [(n, a, 180.0, patience, awt)
         for a, patience, awt in [(0.001, 60.0, 20.0), (0.5, 1.0, 0.0), (10.0, 300.0, 20.0),
                                  (10.0, 1e7, 1e6), (700.0, 120.0, 15.0), (700.0, 1e4, 600.0)]
         for n in _agent_counts(a)] + [
    # panels about as wide as the unit scale of e^-u (k + c from 1 to 8 in the kernel)
    (2, 3.0, 300.0, 120.0, 20.0), (5, 4.0, 300.0, 300.0, 45.0), (3, 8.0, 300.0, 200.0, 60.0),
    (4, 2.5, 180.0, 400.0, 10.0), (1, 6.0, 240.0, 150.0, 120.0), (7, 9.0, 600.0, 500.0, 30.0),
    # huge curvature: x = n patience / aht up to 1e12
    (100300, 1e5, 1.0, 1e7, 20.0), (100000, 1e5, 1.0, 1e7, 0.5), (99000, 1e5, 10.0, 1e7, 1.0),
    (1000000, 1e5, 180.0, 60.0, 20.0)]


@pytest.mark.parametrize("n, a, aht, patience, awt", QUICK)
def test_standard_region_quick(n, a, aht, patience, awt):
    assert_matches(n, a, aht, patience, awt)


FULL = [(n, a, aht, patience, awt)
        for a in (0.001, 0.3, 25.0, 3000.0, 1e5)
        for patience, awt, aht in ((1.0, 0.0, 180.0), (60.0, 20.0, 3.0), (1e4, 1e6, 180.0),
                                   (1e7, 20.0, 3600.0))
        for n in _agent_counts(a)]


@pytest.mark.slow
@pytest.mark.parametrize("n, a, aht, patience, awt", FULL)
def test_standard_region_full(n, a, aht, patience, awt):
    assert_matches(n, a, aht, patience, awt)


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(a=st.floats(0.001, 1e5), ratio=st.floats(0.0, 1.0), patience=st.floats(1.0, 1e7),
       aht=st.floats(1.0, 3600.0), awt=st.floats(0.0, 1e6))
def test_standard_region_hypothesis(a, ratio, patience, aht, awt):
    n = max(1, int(round(a * 10.0 ** (2 * ratio - 1))))         # agents from A/10 to 10 A
    n = min(n, max(1, int(10 * a)))
    assert_matches(n, a, aht, patience, awt)


@settings(max_examples=30, deadline=None)
@given(a=st.floats(0.01, 5e4), extra=st.floats(0.2, 5.0), aht=st.floats(10.0, 1200.0),
       awt=st.floats(0.0, 120.0))
def test_tends_to_erlang_c_as_patience_grows(a, extra, aht, awt):
    """Erlang A -> Erlang C as patience -> infinity: the differences shrink like 1 / patience."""
    n = int(a + extra * math.sqrt(a)) + 1
    c_sl, c_asa = erlang.service_level(n, a, aht, awt), erlang.asa(n, a, aht)
    gaps = []
    for patience in (1e3 * aht, 1e5 * aht, 1e7 * aht):
        gaps.append((abs(erlang.service_level(n, a, aht, awt, patience=patience) - c_sl),
                     abs(erlang.asa(n, a, aht, patience=patience) - c_asa) / c_asa,
                     erlang.abandonment(n, a, aht, patience)))
    assert all(g <= 1e-5 for g in gaps[-1])
    for before, after in zip(gaps, gaps[1:]):
        assert all(b2 <= 0.02 * b1 + 1e-12 for b1, b2 in zip(before, after))


def test_erlang_c_service_level_overload_does_not_overflow():
    """exp(-(n - A) awt / aht) overflowed where n <= A and leaked a RuntimeWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert erlang.service_level(5, 10, 180, 1e6) == 0.0


@settings(max_examples=80, deadline=None)
@given(a=st.lists(st.floats(0.01, 5000.0), min_size=1, max_size=5), aht=st.floats(10.0, 1200.0),
       awt=st.floats(0.0, 600.0), target=st.floats(0.05, 0.99), patience=st.floats(1.0, 1e5),
       max_occ=st.none() | st.floats(0.3, 1.0), max_asa=st.none() | st.floats(0.5, 300.0))
def test_erlang_a_staffing_is_the_exact_minimum_at_any_scale(a, aht, awt, target, patience,
                                                              max_occ, max_asa):
    """The search picks the counts it tests by a secant on logit(SL); whatever it tests, the
    answer meets every target and one agent fewer does not (the targets are monotone in n)."""
    a = np.array(a)
    need = erlang.agents_needed(a, aht, awt, target, patience=patience, max_occupancy=max_occ,
                                max_asa=max_asa)

    def meets(k, load):
        ok = erlang.service_level(k, load, aht, awt, patience=patience) >= target
        if max_occ is not None:
            ok &= erlang.occupancy(k, load, aht, patience=patience) <= max_occ
        if max_asa is not None:
            ok &= erlang.asa(k, load, aht, patience=patience) <= max_asa
        return ok

    for n, load in zip(need, a):
        assert meets(int(n), float(load))
        assert n == 0 or not meets(int(n) - 1, float(load))
