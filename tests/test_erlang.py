"""Validation of wfmcourse.domain.erlang: published examples, high precision, properties, bad input."""
import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.domain import erlang

# ---------------------------------------------------------------------------
# 1. Published worked examples
# ---------------------------------------------------------------------------


def test_callcentrehelper_worked_example():
    """Call Centre Helper, "Erlang C Formula - Made Simple With an Easy Worked Example"
    (callcentrehelper.com): 100 calls per 30 minutes, AHT 180 s, target 80/20.
    Published: 10 Erlangs; with 14 agents P(wait) 0.1741, SL 88.8 %, ASA 7.8 s, occupancy 71.4 %;
    80/20 needs 14 agents (before shrinkage)."""
    a = erlang.traffic(100, 180, interval=1800)
    assert a == pytest.approx(10.0)
    assert erlang.erlang_c(14, a) == pytest.approx(0.1741319, abs=5e-8)
    assert erlang.service_level(14, a, 180, 20) == pytest.approx(0.88835, abs=5e-6)
    assert erlang.asa(14, a, 180) == pytest.approx(7.8359, abs=5e-5)
    assert erlang.occupancy(14, a) == pytest.approx(0.7142857, abs=5e-8)
    assert erlang.agents_needed(a, 180, 20, 0.8) == 14
    assert erlang.service_level(13, a, 180, 20) < 0.8


def test_mitan_step_by_step_example():
    """Mitan Ltd, "The Erlang-C formula" step-by-step example (mitan.co.uk/erlang/elgcmath.htm):
    360 calls per half hour, call duration 4 minutes, 55 agents, target answer time 15 s.
    Published (rounded): traffic 48 Erlangs, occupancy 0.873, P(wait) 0.2387 (24 %),
    ASA 8.18 s, service level 84.6 %."""
    a = erlang.traffic(360, 240, interval=1800)
    assert a == pytest.approx(48.0)
    assert erlang.occupancy(55, a) == pytest.approx(0.873, abs=5e-4)
    assert erlang.erlang_c(55, a) == pytest.approx(0.2387, abs=5e-5)
    assert erlang.asa(55, a, 240) == pytest.approx(8.18, abs=5e-3)
    assert erlang.service_level(55, a, 240, 15) == pytest.approx(0.846, abs=5e-4)


def test_vr_erlang_c_calculator_example():
    """Erlang C calculator manual by V. R. (personal.telefonica.terra.es/web/vr/erlang/eng/mcerlc.htm):
    600 calls per hour of 120 s = 20 Erlangs. For P(wait) <= 15 % 26 circuits are needed with an
    average delay of about 3 s per call; with 30 circuits P(wait) drops to 2.5 %; 30 circuits at
    15 % carry 23.6 Erlangs."""
    a = erlang.traffic(600, 120, interval=3600)
    assert a == pytest.approx(20.0)
    assert erlang.erlang_c(26, a) <= 0.15 < erlang.erlang_c(25, a)
    assert erlang.asa(26, a, 120) == pytest.approx(3.0, abs=0.15)
    assert erlang.erlang_c(30, a) == pytest.approx(0.025, abs=5e-4)
    assert erlang.erlang_c(30, 23.6) <= 0.15 < erlang.erlang_c(30, 23.65)


@pytest.mark.parametrize("servers, grade, table_traffic", [
    (5, 0.01, 1.36), (10, 0.01, 4.46), (20, 0.01, 12.03), (50, 0.01, 37.90), (100, 0.01, 84.06),
    (10, 0.02, 5.08), (20, 0.02, 13.18), (10, 0.05, 6.22),
])
def test_erlang_b_tables(servers, grade, table_traffic):
    """Standard Erlang B tables (e.g. the traffic tables in V. B. Iversen, "Teletraffic Engineering
    and Network Planning", DTU 2015, and the Erlang B table reproduced in most telephony handbooks):
    the offered traffic that gives the stated grade of service, printed with two decimals. Tables
    differ in rounding (down or to nearest), so the exact traffic solving B(n, A) = grade must lie
    within half a unit of the last printed digit."""
    from scipy.optimize import brentq

    exact = brentq(lambda a: erlang.erlang_b(servers, a) - grade, 1e-6, 2.0 * servers, xtol=1e-12)
    assert abs(exact - table_traffic) <= 0.005 + 1e-9


def test_pyworkforce_erlang_a_documentation_example():
    """pyworkforce documentation, "Erlang A (abandonment)" (pyworkforce.rodrigo-arenas.com):
    100 transactions per 30 minutes, AHT 3 min, ASA target 20 s, patience 5 min: 13 raw positions,
    service level 0.858, occupancy 0.750, abandonment 0.025, waiting probability 0.226 and an
    "average_speed_of_answer" of 0.125 min.

    The last value is not the ASA as contact centres define it (mean wait of *answered* calls):
    0.125 min is the mean wait of *all* offered calls, abandoned ones included, which by Little's
    law equals P(abandon) x mean patience = 0.02496 x 5 min. The answered calls wait 6.91 s
    (0.115 min) on average."""
    a = erlang.traffic(100, 180, interval=1800)
    assert erlang.agents_needed(a, 180, 20, 0.8, patience=300) == 13
    assert erlang.service_level(13, a, 180, 20, patience=300) == pytest.approx(0.858, abs=5e-4)
    assert erlang.occupancy(13, a, 180, patience=300) == pytest.approx(0.750, abs=5e-4)
    ab = erlang.abandonment(13, a, 180, 300)
    assert ab == pytest.approx(0.025, abs=5e-4)
    p_wait = erlang._erlang_a(13.0, a, 180.0, 300.0)["p_wait"]
    assert float(p_wait) == pytest.approx(0.226, abs=5e-4)
    assert ab * 300 / 60 == pytest.approx(0.125, abs=5e-4)   # the published "ASA"
    assert erlang.asa(13, a, 180, patience=300) / 60 == pytest.approx(0.1152, abs=5e-4)


# ---------------------------------------------------------------------------
# 2. High-precision cross-check (mpmath, 50 digits)
# ---------------------------------------------------------------------------
mp.mp.dps = 50


def mp_erlang_b(n, a):
    n, a = mp.mpf(n), mp.mpf(a)
    return mp.power(a, n) * mp.exp(-a) / mp.gammainc(n + 1, a)       # upper incomplete gamma


def mp_erlang_c(n, a):
    b = mp_erlang_b(n, a)
    return n * b / (n - a * (1 - b))


LOADS = [0.01, 0.5, 3.0, 10.7, 48.0, 333.3, 1000.0, 5000.0, 20000.0, 100000.0]


def grid():
    for a in LOADS:
        for n in sorted({max(0, int(a * 0.5)), max(0, int(a) - 1), int(a) + 1, int(a) + 2,
                         int(a + 2 * math.sqrt(a)) + 1, int(a + 5 * math.sqrt(a)) + 3, int(2 * a) + 10}):
            yield n, a


PRECISION_CASES = ([("B", n, a) for n, a in grid()]
                   + [("C", n, a) for n, a in grid() if n > a])


@pytest.mark.parametrize("formula, n, a", PRECISION_CASES)
def test_erlang_b_and_c_high_precision(formula, n, a):
    exact = {"B": mp_erlang_b, "C": mp_erlang_c}[formula](n, a)
    got = {"B": erlang.erlang_b, "C": erlang.erlang_c}[formula](n, a)
    if exact < mp.mpf("1e-300"):
        assert got < 1e-290
    else:
        assert abs(got - exact) <= 1e-9 * exact


def mp_erlang_a(n, a, aht, patience, awt):
    """Erlang A by direct summation of the birth-death chain (40 digits), independent of the
    package's closed forms: states 0..n+L, answered within awt via the Beta law of exp(-V/patience)
    (evaluated with mpmath's incomplete beta), ASA via the derivative of the Laplace transform."""
    with mp.workdps(40):
        lam, mu, theta = mp.mpf(a) / aht, mp.mpf(1) / aht, mp.mpf(1) / patience
        probs = [mp.mpf(1)]
        for k in range(1, n + 1):
            probs.append(probs[-1] * lam / (k * mu))
        j = 0
        while True:
            j += 1
            probs.append(probs[-1] * lam / (n * mu + j * theta))
            if j > 20 and probs[-1] < mp.mpf("1e-45") * sum(probs):
                break
        total = sum(probs)
        probs = [p / total for p in probs]
        p_wait = sum(probs[n:])
        x = n * mu / theta
        c = mp.exp(-theta * awt)
        served_late = 0
        served = 0
        wait_served = 0
        abandon = 0
        for jj, p in enumerate(probs[n:]):
            rates = [n * mu + k * theta for k in range(jj + 1)]
            laplace = lambda s, rates=rates: mp.fprod(r / (r + s) for r in rates)  # noqa: E731
            served_j = laplace(theta)                         # P(V < patience)
            served += p * served_j
            abandon += p * (1 - served_j)
            wait_served += p * (-mp.diff(laplace, theta))      # E[V exp(-theta V)]
            served_late += p * served_j * mp.betainc(x + 1, jj + 1, 0, c, regularized=True)
        sl = (1 - p_wait) + served - served_late
        answered = 1 - abandon
        return {"p_wait": p_wait, "p_abandon": abandon, "service_level": sl,
                "asa": wait_served / answered}


ERLANG_A_CASES = [
    (13, 10.0, 180.0, 300.0, 20.0),
    (9, 10.0, 180.0, 120.0, 20.0),     # fewer agents than the offered load: still stable
    (3, 2.5, 300.0, 30.0, 10.0),
    (25, 20.0, 240.0, 600.0, 30.0),
    (1, 0.2, 120.0, 60.0, 0.0),
    (40, 45.0, 200.0, 90.0, 15.0),
]


@pytest.mark.parametrize("n, a, aht, patience, awt", ERLANG_A_CASES)
def test_erlang_a_high_precision(n, a, aht, patience, awt):
    exact = mp_erlang_a(n, a, aht, patience, awt)
    got = erlang._erlang_a(np.array([n], float), np.array([a]), np.array([aht]),
                           np.array([patience]), np.array([awt]))
    for key, value in exact.items():
        assert abs(float(got[key][0]) - value) <= 1e-9 * value + 1e-15, key
    assert erlang.service_level(n, a, aht, awt, patience=patience) == float(got["service_level"][0])


# ---------------------------------------------------------------------------
# 3. Semantics at the edges
# ---------------------------------------------------------------------------


def test_unstable_erlang_c_queue():
    assert erlang.erlang_c(10, 10) == 1.0
    assert erlang.erlang_c(5, 10) == 1.0
    assert erlang.service_level(10, 10, 180, 20) == 0.0
    assert erlang.asa(9, 10, 180) == math.inf
    assert erlang.occupancy(9, 10) == 1.0


def test_zero_traffic():
    assert erlang.erlang_c(0, 0) == 0.0
    assert erlang.erlang_c(3, 0) == 0.0
    assert erlang.service_level(0, 0, 180, 20) == 1.0
    assert erlang.service_level(2, 0, 180, 20, patience=60) == 1.0
    assert erlang.asa(1, 0, 180) == 0.0
    assert erlang.abandonment(0, 0, 180, 60) == 0.0
    assert erlang.occupancy(0, 0) == 0.0
    assert erlang.agents_needed(0, 180, 20, 0.8) == 0
    assert erlang.agents_needed(0, 180, 20, 0.8, patience=60) == 0
    assert erlang.traffic(0, 180) == 0.0


def test_erlang_a_is_stable_below_the_offered_load():
    for n in range(1, 10):
        sl = erlang.service_level(n, 10, 180, 20, patience=120)
        wait = erlang.asa(n, 10, 180, patience=120)
        ab = erlang.abandonment(n, 10, 180, 120)
        assert 0 <= sl <= 1 and 0 <= ab <= 1 and 0 <= wait < math.inf


def test_erlang_a_staffing_can_lie_below_the_offered_load():
    """Impatient callers (30 s on AHT 300 s) and a 50 % target: fewer agents than Erlangs."""
    n = erlang.agents_needed(100, 300, 20, 0.5, patience=30)
    assert n < 100
    assert erlang.service_level(n, 100, 300, 20, patience=30) >= 0.5
    assert erlang.service_level(n - 1, 100, 300, 20, patience=30) < 0.5


def test_zero_agents_with_patience_everyone_abandons():
    assert erlang.abandonment(0, 5, 180, 60) == pytest.approx(1.0)
    assert erlang.service_level(0, 5, 180, 20, patience=60) == 0.0
    assert erlang.occupancy(0, 5, 180, patience=60) == 0.0


@pytest.mark.parametrize("a", [0.01, 1.0, 100.0, 10_000.0, 100_000.0])
def test_stable_from_hundredth_to_hundred_thousand_erlangs(a):
    n = np.unique(np.clip(np.round(a + np.array([-3, 0, 1, 2, 10, 50]) * np.sqrt(a)), 0, None))
    for values in (
        erlang.erlang_b(n, a), erlang.erlang_c(n, a), erlang.service_level(n, a, 300, 20),
        erlang.service_level(n, a, 300, 20, patience=120), erlang.abandonment(n, a, 300, 120),
        erlang.occupancy(n, a, 300, patience=120),
    ):
        assert np.all(np.isfinite(values)) and np.all((values >= 0) & (values <= 1))
    assert np.all(erlang.asa(n, a, 300, patience=120)[n > 0] >= 0)
    needed = erlang.agents_needed(a, 300, 20, 0.8)
    assert erlang.service_level(needed, a, 300, 20) >= 0.8 > erlang.service_level(needed - 1, a, 300, 20)
    needed_a = erlang.agents_needed(a, 300, 20, 0.8, patience=120)
    assert erlang.service_level(needed_a, a, 300, 20, patience=120) >= 0.8
    assert needed_a == 1 or erlang.service_level(needed_a - 1, a, 300, 20, patience=120) < 0.8


def test_scalar_in_scalar_out_and_arrays_broadcast():
    assert isinstance(erlang.erlang_c(14, 10.0), float)
    assert isinstance(erlang.agents_needed(10.0, 180, 20, 0.8), int)
    out = erlang.service_level(np.arange(11, 16)[:, None], np.array([9.0, 10.0]), 180, 20)
    assert out.shape == (5, 2)
    needed = erlang.agents_needed(np.array([[5.0, 10.0], [20.0, 0.0]]), 180, 20, 0.8)
    assert needed.shape == (2, 2) and needed.dtype.kind == "i"


def test_max_occupancy_and_max_asa_targets():
    assert erlang.agents_needed(10, 180, 20, 0.8, max_occupancy=0.6) == 17      # 10 / 17 <= 0.6
    n = erlang.agents_needed(10, 180, 20, 0.8, max_asa=2.0)
    assert erlang.asa(n, 10, 180) <= 2.0 < erlang.asa(n - 1, 10, 180)
    n = erlang.agents_needed(10, 180, 20, 0.5, patience=120, max_occupancy=0.7)
    assert erlang.occupancy(n, 10, 180, patience=120) <= 0.7 < erlang.occupancy(n - 1, 10, 180, patience=120)


# ---------------------------------------------------------------------------
# 4. Bad input: ValueError naming parameter and value
# ---------------------------------------------------------------------------
BAD_CALLS = [
    (lambda: erlang.erlang_c(14.5, 10), "agents", "14.5"),
    (lambda: erlang.erlang_c(-1, 10), "agents", "-1"),
    (lambda: erlang.erlang_b(5, float("nan")), "traffic", "nan"),
    (lambda: erlang.erlang_b(5, -2.0), "traffic", "-2"),
    (lambda: erlang.service_level(5, 3, 0, 20), "aht", "0"),
    (lambda: erlang.service_level(5, 3, 180, -5), "awt", "-5"),
    (lambda: erlang.service_level(5, 3, 180, 20, patience=0), "patience", "0"),
    (lambda: erlang.asa(5, 3, 180, patience=-1), "patience", "-1"),
    (lambda: erlang.occupancy(5, 3, patience=60), "aht", "None"),
    (lambda: erlang.agents_needed(10, 180, 20, 1.0), "target", "1"),
    (lambda: erlang.agents_needed(10, 180, 20, 80), "target", "80"),
    (lambda: erlang.agents_needed(10, 180, 20, 0.0), "target", "0"),
    (lambda: erlang.agents_needed(10, 180, 20, 0.8, max_occupancy=1.2), "max_occupancy", "1.2"),
    (lambda: erlang.agents_needed(10, 180, 20, 0.8, max_asa=0), "max_asa", "0"),
    (lambda: erlang.agents_needed(10, 180, 20, 0.8, patience=60, max_abandonment=0),
     "max_abandonment", "0"),
    (lambda: erlang.agents_needed(10, 180, 20, 0.8, patience=60, max_abandonment=1.5),
     "max_abandonment", "1.5"),
    (lambda: erlang.agents_needed(10, 180, 20, 0.8, patience=60, max_abandonment=float("nan")),
     "max_abandonment", "nan"),
    (lambda: erlang.traffic(100, 180, interval=0), "interval", "0"),
    (lambda: erlang.erlang_c([10, 11.5], 3), "agents", "11.5"),
    (lambda: erlang.traffic([1, 2, float("inf")], 180), "calls", "inf"),
]


@pytest.mark.parametrize("call, name, value", BAD_CALLS)
def test_bad_input_names_parameter_and_value(call, name, value):
    with pytest.raises(ValueError) as info:
        call()
    assert name in str(info.value) and value in str(info.value)


# Wrong types raise TypeError (a ValueError, or a silent conversion, before issue 13).
BAD_TYPES = [
    (lambda: erlang.abandonment(5, 3, 180, None), "patience", "None"),
    (lambda: erlang.traffic("veel", 180), "calls", "veel"),
    (lambda: erlang.erlang_c("10", b"5"), "agents", "'10'"),
    (lambda: erlang.erlang_b(True, 5), "agents", "True"),
    (lambda: erlang.erlang_b(5, np.array([3 + 1j])), "traffic", "imaginary"),
    (lambda: erlang.service_level(5, 3, 180, [True, False]), "awt", "True/False"),
]


@pytest.mark.parametrize("call, name, value", BAD_TYPES)
def test_wrong_types_raise_type_error(call, name, value):
    with pytest.raises(TypeError) as info:
        call()
    assert name in str(info.value) and value in str(info.value)


def test_shape_mismatch_names_the_parameters():
    with pytest.raises(ValueError, match=r"agents \(2,\), traffic \(3,\)"):
        erlang.erlang_c([5, 6], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"agents must be a number or a rectangular"):
        erlang.erlang_c([[5, 6], [7]], 3.0)


# ---------------------------------------------------------------------------
# 5. Properties (hypothesis)
# ---------------------------------------------------------------------------
loads = st.floats(min_value=0.01, max_value=2000.0, allow_nan=False)
ahts = st.floats(min_value=10.0, max_value=1200.0)
awts = st.floats(min_value=0.0, max_value=120.0)
patiences = st.floats(min_value=5.0, max_value=1800.0)


@settings(max_examples=60, deadline=None)
@given(a=loads, extra=st.integers(-5, 60), aht=ahts, awt=awts, patience=st.none() | patiences)
def test_service_level_rises_with_agents(a, extra, aht, awt, patience):
    n = max(0, int(a) + extra)
    low = erlang.service_level(n, a, aht, awt, patience=patience)
    high = erlang.service_level(n + 1, a, aht, awt, patience=patience)
    assert high >= low - 1e-12


@settings(max_examples=60, deadline=None)
@given(a=loads, extra=st.integers(-50, 80))
def test_erlang_b_below_erlang_c_below_one(a, extra):
    n = max(0, int(a) + extra)
    b, c = erlang.erlang_b(n, a), erlang.erlang_c(n, a)
    assert 0.0 <= b <= c + 1e-15 <= 1.0 + 1e-15


@settings(max_examples=40, deadline=None)
@given(a=st.floats(0.1, 200.0), extra=st.integers(1, 30), aht=ahts, awt=awts)
def test_erlang_a_tends_to_erlang_c(a, extra, aht, awt):
    n = int(a) + 1 + extra          # n >= a + 1, so the Erlang C ASA stays below one AHT
    patience = 1e7 * aht            # far longer than any wait, even in a long queue
    c_sl = erlang.service_level(n, a, aht, awt)
    a_sl = erlang.service_level(n, a, aht, awt, patience=patience)
    assert a_sl == pytest.approx(c_sl, abs=1e-4)
    assert erlang.asa(n, a, aht, patience=patience) == pytest.approx(erlang.asa(n, a, aht), rel=1e-3, abs=1e-6)
    assert erlang.abandonment(n, a, aht, patience) < 1e-4


@settings(max_examples=30, deadline=None)
@given(a=st.lists(loads, min_size=1, max_size=6), aht=ahts, awt=awts, patience=st.none() | patiences)
def test_vectorised_equals_scalar(a, aht, awt, patience):
    a = np.array(a)
    n = np.floor(a) + 2
    sl = erlang.service_level(n, a, aht, awt, patience=patience)
    need = erlang.agents_needed(a, aht, awt, 0.8, patience=patience)
    for i in range(a.size):
        # the batch sums the series to a common length, so agreement is to rounding, not bitwise
        one = erlang.service_level(int(n[i]), float(a[i]), aht, awt, patience=patience)
        assert sl[i] == pytest.approx(one, rel=1e-12, abs=1e-15)
        assert need[i] == erlang.agents_needed(float(a[i]), aht, awt, 0.8, patience=patience)


targets = st.floats(0.05, 0.99) | st.just(float(np.nextafter(1.0, 0.0)))
# Erlang A occupancy is monotone only to rounding (1e-12) where it lies that close to 1, so the
# caps stay clear of that band: such a cap means "no cap" in practice
caps = st.none() | st.floats(0.05, 0.999) | st.just(1.0) | st.just(1e-12)
asa_caps = st.none() | st.floats(1e-3, 120.0) | st.just(1e-300)
abandon_caps = st.none() | st.floats(1e-4, 1.0) | st.just(1e-300)


def meets_all(k, a, aht, awt, target, patience, max_occ, max_asa, max_ab):
    """Every target checked through the public functions, vectorised over agent counts k."""
    ok = erlang.service_level(k, a, aht, awt, patience=patience) >= target
    if max_occ is not None:
        ok &= erlang.occupancy(k, a, aht, patience=patience) <= max_occ
    if max_asa is not None:
        ok &= erlang.asa(k, a, aht, patience=patience) <= max_asa
    if max_ab is not None:
        ok &= erlang.abandonment(k, a, aht, patience) <= max_ab
    return ok


@settings(max_examples=80, deadline=None)
@given(a=st.floats(0.01, 60.0), aht=ahts, awt=awts, target=targets, patience=st.none() | patiences,
       max_occ=caps, max_asa=asa_caps, max_ab=abandon_caps)
def test_agents_needed_is_the_minimum(a, aht, awt, target, patience, max_occ, max_asa, max_ab):
    """Every combination of targets, including extreme ones (a target next to 1, an occupancy cap
    of 1e-12 that needs about 1e13 agents, an ASA or abandonment cap of 1e-300): the answer meets
    them all, one agent fewer does not, and (for answers small enough to list) no smaller count does."""
    if patience is None:
        max_ab = None           # Erlang C: nobody hangs up
    n = erlang.agents_needed(a, aht, awt, target, patience=patience, max_occupancy=max_occ,
                             max_asa=max_asa, max_abandonment=max_ab)
    args = (a, aht, awt, target, patience, max_occ, max_asa, max_ab)
    assert meets_all(n, *args)
    assert not meets_all(n - 1, *args)
    if n < 5000:
        assert not meets_all(np.arange(n), *args).any()


@settings(max_examples=30, deadline=None)
@given(a=st.floats(0.01, 200.0), aht=ahts, patience=patiences)
def test_erlang_a_metrics_are_monotone_in_the_agents(a, aht, patience):
    """The bisection in agents_needed is exact because each reported metric is monotone in n:
    occupancy, ASA and abandonment fall (to 1e-12 relative), the service level rises."""
    n = np.arange(1, int(2 * a + 10 * math.sqrt(a) + 20))
    occ = erlang.occupancy(n, a, aht, patience=patience)
    wait = erlang.asa(n, a, aht, patience=patience)
    ab = erlang.abandonment(n, a, aht, patience)
    sl = erlang.service_level(n, a, aht, 20, patience=patience)
    for falling in (occ, wait, ab):
        assert np.all(np.diff(falling) <= 1e-12 * falling[:-1] + 1e-300)
    assert np.all(np.diff(sl) >= -1e-9)     # the kernel carries ~1e-12 of noise where SL ~ 0


@pytest.mark.parametrize("load, aht, patience", [(5e-324, 451, 60), (2.2e-309, 451, 60), (1e-300, 451, 60),
                                                 (2.2250738585072014e-308 * 60 / 900, 60, 300)])
def test_erlang_a_subnormal_traffic_is_the_zero_traffic_limit(load, aht, patience):
    """Found by hypothesis through the dashboard: a * patience / aht underflowed to 0 and warned,
    and a Poisson pmf with a subnormal mean overflowed in (k - mu) / mu."""
    assert erlang.agents_needed(load, aht, 20, 0.8, patience=patience) == 1
    assert erlang.service_level(1, load, aht, 20, patience=patience) == pytest.approx(1.0)
    assert erlang.abandonment(1, load, aht, patience) == pytest.approx(0.0, abs=1e-250)


@settings(max_examples=300, deadline=None)
@given(st.floats(5e-324, 1e-200), st.floats(30, 900), st.floats(5, 900), st.integers(0, 5),
       st.floats(0, 120))
def test_tiny_traffic_gives_finite_answers_without_warnings(load, aht, patience, n, awt):
    """Warnings from wfmcourse are errors (pyproject filterwarnings), so this fails on any overflow."""
    assert erlang.agents_needed(load, aht, awt, 0.8, patience=patience) == 1
    assert erlang.agents_needed(load, aht, awt, 0.8) == 1
    for value in (erlang.service_level(n, load, aht, awt, patience=patience),
                  erlang.abandonment(n, load, aht, patience),
                  erlang.occupancy(n, load, aht, patience=patience),
                  erlang.service_level(n, load, aht, awt)):
        assert 0.0 <= value <= 1.0
    assert erlang.asa(n, load, aht, patience=patience) >= 0.0


# ---------------------------------------------------------------------------
# 6. Staffing search at the extremes (issue #13)
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("patience", [None, 60.0])
@pytest.mark.parametrize("cap", [1e-19, 1e-16, 1e-300])
def test_occupancy_cap_beyond_2_53_agents_is_refused(patience, cap):
    """Reported: max_occupancy=1e-19 returned -9223372036854775808, and with patience=60 and
    1e-16 the search never returned. 10 Erlang at such a cap needs more than 2**53 agents."""
    with pytest.raises(ValueError) as info:
        erlang.agents_needed(10, 180, 20, 0.8, patience=patience, max_occupancy=cap)
    message = str(info.value)
    assert message.startswith("max_occupancy") and repr(cap) in message and "2**53" in message


@pytest.mark.parametrize("patience", [None, 60.0])
@pytest.mark.parametrize("cap", [1e-14, 1.2e-15])
def test_occupancy_cap_up_to_2_53_agents_is_exact(patience, cap):
    n = erlang.agents_needed(10, 180, 20, 0.8, patience=patience, max_occupancy=cap)
    assert 10 / cap - 2 <= n <= 2 ** 53
    occ = erlang.occupancy(np.array([n - 1, n]), 10, 180, patience=patience)
    assert occ[1] <= cap < occ[0]


def test_traffic_beyond_2_53_agents_is_refused():
    """Used to walk up one agent at a time from 1e300 and never return."""
    for patience in (None, 60.0):
        with pytest.raises(ValueError, match=r"^target=0\.8 .*2\*\*53.*traffic=1e\+300"):
            erlang.agents_needed(1e300, 180, 20, 0.8, patience=patience)


@pytest.mark.parametrize("patience", [None, 60.0])
@pytest.mark.parametrize("max_asa", [1e-300, 5e-324])
def test_tiny_max_asa_is_exact(patience, max_asa):
    n = erlang.agents_needed(10, 180, 20, 0.8, patience=patience, max_asa=max_asa)
    wait = erlang.asa(np.array([n - 1, n]), 10, 180, patience=patience)
    assert wait[1] <= max_asa < wait[0]


@pytest.mark.parametrize("patience", [None, 60.0])
@pytest.mark.parametrize("awt", [0.0, 20.0])
def test_target_next_to_one_is_exact(patience, awt):
    target = float(np.nextafter(1.0, 0.0))
    n = erlang.agents_needed(1000, 180, awt, target, patience=patience)
    sl = erlang.service_level(np.array([n - 1, n]), 1000, 180, awt, patience=patience)
    assert sl[1] >= target > sl[0]


def test_large_scale_search_is_exact():
    """Bisection, not a walk of one agent at a time: a million Erlang with a 1e-12 ASA cap."""
    n = erlang.agents_needed(1e6, 180, 20, 0.8, max_asa=1e-12)
    wait = erlang.asa(np.array([n - 1, n]), 1e6, 180)
    assert wait[1] <= 1e-12 < wait[0]


def test_max_abandonment():
    """A cap on the share of callers who hang up (Erlang A), as pyworkforce 0.5.4's ErlangA has.
    pyworkforce's documentation example (100 calls per 30 min, AHT 3 min, patience 5 min, 80/20)
    needs 13 agents with 2.5 % abandonment; a 2 % cap needs more."""
    a = erlang.traffic(100, 180, interval=1800)
    assert erlang.agents_needed(a, 180, 20, 0.8, patience=300, max_abandonment=0.03) == 13
    n = erlang.agents_needed(a, 180, 20, 0.8, patience=300, max_abandonment=0.02)
    ab = erlang.abandonment(np.array([n - 1, n]), a, 180, 300)
    assert n > 13 and ab[1] <= 0.02 < ab[0]
    assert erlang.agents_needed(a, 180, 20, 0.8, patience=300, max_abandonment=1.0) == 13
    both = erlang.agents_needed([a, 2 * a], 180, 20, 0.8, patience=300, max_abandonment=[0.02, 0.5])
    assert both[0] == n and both[1] == erlang.agents_needed(2 * a, 180, 20, 0.8, patience=300)


def test_max_abandonment_needs_patience():
    with pytest.raises(ValueError) as info:
        erlang.agents_needed(10, 180, 20, 0.8, max_abandonment=0.05)
    assert str(info.value).startswith("max_abandonment") and "0.05" in str(info.value)
    assert "patience" in str(info.value)


def test_occupancy_is_one_rule_in_both_models():
    """Occupancy is the carried load per agent. Erlang C with agents <= traffic: every agent is
    busy all the time (1). Zero agents carry nothing: 0, in Erlang C as in Erlang A (it was 1 in
    Erlang C and 0 in Erlang A)."""
    assert erlang.occupancy(0, 5) == 0.0
    assert erlang.occupancy(0, 5, 180, patience=60) == 0.0
    assert erlang.occupancy(0, 0) == 0.0 and erlang.occupancy(3, 0, 180, patience=60) == 0.0
    np.testing.assert_array_equal(erlang.occupancy(np.arange(8), 5.0),
                                  [0, 1, 1, 1, 1, 1, 5 / 6, 5 / 7])
    erlang_a = erlang.occupancy(np.arange(1, 8), 5.0, 180, patience=60)
    assert np.all((erlang_a > 0) & (erlang_a < 1))


# ---------------------------------------------------------------------------
# a pandas Series keeps its index
# ---------------------------------------------------------------------------
def test_series_in_series_out_with_the_same_index():
    import pandas as pd

    times = pd.Index(["09:00", "09:15", "09:30"], name="tijd")
    calls = pd.Series([50.0, 80.0, 0.0], index=times)
    a = erlang.traffic(calls, 180, 900)
    assert isinstance(a, pd.Series) and a.index.equals(times) and a.name == "traffic"
    np.testing.assert_allclose(a, [10.0, 16.0, 0.0])
    n = erlang.agents_needed(a, 180, 20, 0.8)
    assert n.index.equals(times) and n.dtype == np.int64 and n.name == "agents_needed"
    np.testing.assert_array_equal(n, erlang.agents_needed(a.to_numpy(), 180, 20, 0.8))
    plain = a.to_numpy()
    cases = {
        "erlang_b": (erlang.erlang_b(n, a), erlang.erlang_b(n.to_numpy(), plain)),
        "erlang_c": (erlang.erlang_c(n, a), erlang.erlang_c(n.to_numpy(), plain)),
        "service_level": (erlang.service_level(n, a, 180, 20, patience=60),
                          erlang.service_level(n.to_numpy(), plain, 180, 20, patience=60)),
        "asa": (erlang.asa(14, a, 180), erlang.asa(14, plain, 180)),
        "abandonment": (erlang.abandonment(n, a, 180, 60), erlang.abandonment(n.to_numpy(), plain, 180, 60)),
        "occupancy": (erlang.occupancy(n, a), erlang.occupancy(n.to_numpy(), plain)),
    }
    for name, (series, array) in cases.items():
        assert isinstance(series, pd.Series) and series.index.equals(times) and series.name == name
        np.testing.assert_array_equal(series.to_numpy(), array)


def test_a_series_in_any_argument_keeps_the_index_and_scalars_stay_scalars():
    import pandas as pd

    aht = pd.Series([180.0, 240.0], index=pd.Index([1, 2], name="week"))
    out = erlang.service_level(14, 10.0, aht, 20)
    assert isinstance(out, pd.Series) and out.index.equals(aht.index)
    assert isinstance(erlang.service_level(14, 10.0, 180, 20), float)
    assert isinstance(erlang.agents_needed(10.0, 180, 20, 0.8), int)
    assert isinstance(erlang.occupancy([14, 15], 10.0), np.ndarray)


def test_series_with_different_indexes_are_refused():
    import pandas as pd

    first = pd.Series([10.0, 12.0], index=[0, 1])
    second = pd.Series([14, 15], index=[1, 2])
    with pytest.raises(ValueError, match="same index"):
        erlang.erlang_c(second, first)
    with pytest.raises(ValueError):
        erlang.service_level(np.array([[14], [15]]), first, 180, 20)   # 2-D result on a 1-D index
