"""Validation of wfmcourse.domain.kpi: worked examples, properties, Series handling, bad input.

Every glossary formula (data seed "Formule:" lines) has a worked example below. Numbers marked
"worked by hand" were computed on paper from the formula in the docstring.
"""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.domain import kpi
from wfmcourse.validation import ParameterValueError

# ---------------------------------------------------------------------------
# 1. Worked examples, one per glossary formula
# ---------------------------------------------------------------------------


def test_aht_worked_example():
    """Worked by hand: 100 calls, 18 000 s talk, 2 000 s hold, 4 000 s ACW -> 24 000 / 100 = 240 s."""
    assert kpi.aht(18_000, 2_000, 4_000, 100) == pytest.approx(240.0)


def test_asa_worked_example():
    """Worked by hand: 50 answered calls waited 1 000 s in total -> ASA 20 s."""
    assert kpi.asa(1_000, 50) == pytest.approx(20.0)


def test_mean_wait_and_ata_worked_example():
    """Worked by hand: 60 callers, 50 answered after 1 000 s of waiting in total, 10 hung up after
    400 s in total -> ASA 1 000 / 50 = 20 s, mean wait of all 1 400 / 60 = 23.33 s, ATA 400 / 10 = 40 s."""
    assert kpi.mean_wait(1_400, 60) == pytest.approx(1_400 / 60)
    assert kpi.ata(400, 10) == pytest.approx(40.0)
    waits = pd.Series([1_400.0, 0.0], index=["ma", "di"])
    assert list(kpi.mean_wait(waits, 60).index) == ["ma", "di"]
    with pytest.raises(ValueError, match="abandoned must be > 0"):
        kpi.ata(0.0, 0)


def test_abandon_rate_worked_example():
    """Worked by hand: 1 000 offered, 60 abandoned -> 6 %. With 20 of them short abandons (< 5 s):
    (60 - 20) / (1 000 - 20) = 40 / 980 = 4.0816 %."""
    assert kpi.abandon_rate(60, 1_000) == pytest.approx(0.06)
    assert kpi.abandon_rate(60, 1_000, short_abandoned=20) == pytest.approx(40 / 980)
    assert kpi.abandon_rate(60, 1_000, 20) == pytest.approx(0.0408163265)


def test_accessibility_worked_example():
    """Worked by hand: 940 of 1 000 offered contacts answered -> 94 %."""
    assert kpi.accessibility(940, 1_000) == pytest.approx(0.94)


def test_service_level_variants_worked_example():
    """Worked by hand, one interval: offered 100, answered 90 (10 abandoned, 4 of them within 5 s),
    72 answered within 20 s.
    of offered: 72 / 100 = 0.72; of answered: 72 / 90 = 0.8; excluding short abandons:
    72 / (100 - 4) = 0.75. The same interval meets 80/20 in one variant and misses it in the others."""
    assert kpi.service_level(72, 100) == pytest.approx(0.72)
    assert kpi.service_level(72, 100, variant="offered") == pytest.approx(0.72)
    assert kpi.service_level(72, 100, answered=90, variant="answered") == pytest.approx(0.8)
    assert kpi.service_level(72, 100, short_abandoned=4,
                             variant="excluding_short_abandons") == pytest.approx(0.75)


def test_combine_service_levels_weighted_not_plain_mean():
    """Worked by hand: 07:00 has 10 calls at SL 0.5 (5 in time), 10:00 has 290 calls at SL 0.9
    (261 in time). All calls together: 266 / 300 = 0.88667. The plain mean (0.7) is wrong."""
    combined = kpi.combine_service_levels([0.5, 0.9], [10, 290])
    assert combined == pytest.approx(266 / 300)
    assert combined != pytest.approx(np.mean([0.5, 0.9]))
    # equals the service level of the pooled counts
    assert combined == pytest.approx(kpi.service_level(5 + 261, 10 + 290))


def test_csat_worked_example():
    """Worked by hand: scores 5, 4, 4, 3, 2, 5, 1, 4 on 1-5 -> 5 of 8 are >= 4 -> 62.5 %;
    with threshold 5 only 2 of 8 -> 25 %."""
    scores = [5, 4, 4, 3, 2, 5, 1, 4]
    assert kpi.csat(scores) == pytest.approx(0.625)
    assert kpi.csat(scores, threshold=5) == pytest.approx(0.25)
    assert kpi.csat([7, 6, 3], threshold=6, scale=(1, 7)) == pytest.approx(2 / 3)


def test_ces_worked_example():
    """Worked by hand: scores 2, 3, 5, 2 on 1-5 -> mean 12 / 4 = 3.0; 1-7 scale: 7, 6, 2 -> 5.0."""
    assert kpi.ces([2, 3, 5, 2]) == pytest.approx(3.0)
    assert kpi.ces(pd.Series([7, 6, 2]), scale=(1, 7)) == pytest.approx(5.0)


def test_churn_and_retention_worked_example():
    """Worked by hand: 2 000 customers at the start, 150 lost -> churn 7.5 %, retention 92.5 %."""
    assert kpi.churn_rate(150, 2_000) == pytest.approx(0.075)
    assert kpi.retention_rate(1_850, 2_000) == pytest.approx(0.925)
    assert kpi.churn_rate(150, 2_000) + kpi.retention_rate(1_850, 2_000) == pytest.approx(1.0)


def test_fcr_and_repeat_rate_worked_example():
    """Worked by hand: 800 contacts, 600 resolved in the first contact -> FCR 75 %;
    120 repeat contacts -> repeat rate 15 %."""
    assert kpi.fcr(600, 800) == pytest.approx(0.75)
    assert kpi.repeat_rate(120, 800) == pytest.approx(0.15)


def test_fte_uses_the_given_contract_week():
    """Worked by hand: 720 hours per week at a 36-hour contract week = 20 FTE; at 38 h 18.95 FTE.
    The glossary's 40 h would give 18 FTE: the contract week must be explicit."""
    assert kpi.fte(720, 36) == pytest.approx(20.0)
    assert kpi.fte(720, contract_hours=38) == pytest.approx(18.947368421)
    with pytest.raises(TypeError):
        kpi.fte(720)  # no hidden default of 40 hours


def test_nps_worked_example():
    """Bain & Company definition (netpromotersystem.com): NPS = % promoters (9-10) - % detractors
    (0-6). Worked by hand: 10 answers 10, 9, 9, 9, 10, 8, 7, 7, 6, 0 -> 5 promoters (50 %),
    2 detractors (20 %) -> NPS 30."""
    assert kpi.nps([10, 9, 9, 9, 10, 8, 7, 7, 6, 0]) == pytest.approx(30.0)
    assert kpi.nps([9, 10]) == 100.0
    assert kpi.nps(np.array([0, 6])) == -100.0
    assert kpi.nps(pd.Series([7, 8])) == 0.0


def test_not_ready_rate_worked_example():
    """Worked by hand: 30 minutes not ready out of 8 hours logged in -> 30 / 480 = 6.25 %."""
    assert kpi.not_ready_rate(30, 480) == pytest.approx(0.0625)


def test_occupancy_utilisation_worked_example():
    """Worked by hand, one agent-day of 8 paid hours (480 min): 60 min breaks/meetings (shrinkage),
    420 min available, of which 357 min handling and 63 min idle.
    occupancy = 357 / 420 = 85 %; utilisation = 357 / 480 = 74.375 %;
    shrinkage = 60 / 480 = 12.5 %; utilisation = occupancy * (1 - shrinkage)."""
    occ = kpi.occupancy(357, 63)
    util = kpi.utilisation(357, 480)
    shrink = kpi.shrinkage(60, 480)
    assert occ == pytest.approx(0.85)
    assert util == pytest.approx(0.74375)
    assert shrink == pytest.approx(0.125)
    assert util == pytest.approx(occ * (1 - shrink))
    assert util < occ


def test_productivity_worked_example():
    """Worked by hand: 96 contacts in 8 hours -> 12 contacts per hour."""
    assert kpi.productivity(96, 8) == pytest.approx(12.0)


def test_turnover_rate_worked_example():
    """Worked by hand: 45 leavers in a year, headcount 100 at the start and 125 at the end ->
    average 112.5 -> 40 %; turnover above 100 % is possible and allowed."""
    assert kpi.turnover_rate(45, (100 + 125) / 2) == pytest.approx(0.4)
    assert kpi.turnover_rate(130, 100) == pytest.approx(1.3)


def test_sickness_rate_worked_example():
    """Worked by hand: 20 employees x 250 available days = 5 000 days, 300 sick days -> 6 %."""
    assert kpi.sickness_rate(300, 20 * 250) == pytest.approx(0.06)


def test_volume_from_arrival_times():
    """Worked by hand: arrivals at 09:01, 09:14, 09:16 and 09:50 -> 15-minute volumes
    09:00 2, 09:15 1, 09:30 0, 09:45 1; per hour 4."""
    times = pd.to_datetime(["2024-03-04 09:01", "2024-03-04 09:14", "2024-03-04 09:16",
                            "2024-03-04 09:50"])
    v = kpi.volume(pd.Series(times))
    assert list(v) == [2, 1, 0, 1]
    assert v.index[0] == pd.Timestamp("2024-03-04 09:00")
    assert list(kpi.volume(times, freq="h")) == [4]


def test_volume_from_counts():
    """Worked by hand: 5-minute counts 1..6 from 09:00 -> 15-minute sums 1+2+3 = 6 and 4+5+6 = 15."""
    idx = pd.date_range("2024-03-04 09:00", periods=6, freq="5min")
    v = kpi.volume(pd.Series([1, 2, 3, 4, 5, 6], index=idx), freq="15min")
    assert list(v) == [6, 15]
    assert list(v.index) == [pd.Timestamp("2024-03-04 09:00"), pd.Timestamp("2024-03-04 09:15")]


def test_peak_hours_worked_example():
    """Worked by hand: hours 8..12 with 40, 95, 120, 95, 60 calls -> top 2: 10, then 9 (the tie
    with 11 keeps the earlier hour); top 3 adds 11."""
    v = pd.Series([40, 95, 120, 95, 60], index=[8, 9, 10, 11, 12])
    assert list(kpi.peak_hours(v, k=2)) == [10, 9]
    assert list(kpi.peak_hours(v, k=3)) == [10, 9, 11]
    assert list(kpi.peak_hours(v)) == [10, 9, 11]


# ---------------------------------------------------------------------------
# 2. Scalars, arrays and Series
# ---------------------------------------------------------------------------
def test_scalar_in_scalar_out():
    assert isinstance(kpi.fcr(3, 4), float)
    assert isinstance(kpi.aht(1, 2, 3, 4), float)
    assert isinstance(kpi.service_level(3, 4), float)


def test_array_in_array_out():
    out = kpi.accessibility(np.array([90, 45]), np.array([100, 50]))
    assert isinstance(out, np.ndarray)
    np.testing.assert_allclose(out, [0.9, 0.9])
    np.testing.assert_allclose(kpi.abandon_rate([1, 2], 10), [0.1, 0.2])


def test_series_in_series_out_keeps_index():
    idx = pd.date_range("2024-03-04 09:00", periods=3, freq="15min")
    offered = pd.Series([100, 80, 10], index=idx)
    in_time = pd.Series([80, 40, 10], index=idx)
    sl = kpi.service_level(in_time, offered)
    assert isinstance(sl, pd.Series)
    assert sl.index.equals(idx)
    np.testing.assert_allclose(sl.to_numpy(), [0.8, 0.5, 1.0])
    # a Series mixed with a scalar also keeps the index
    assert kpi.aht(pd.Series([300.0, 600.0], index=["a", "b"]), 0, 0, 2).index.tolist() == ["a", "b"]


def test_series_with_different_indexes_raise():
    a = pd.Series([1, 2], index=["x", "y"])
    b = pd.Series([5, 5], index=["y", "z"])
    with pytest.raises(ParameterValueError, match="same index"):
        kpi.fcr(a, b)


def test_mismatched_lengths_raise_naming_parameters():
    with pytest.raises(ParameterValueError, match=r"answered.*offered"):
        kpi.accessibility([1, 2, 3], [4, 5])


# ---------------------------------------------------------------------------
# 3. Properties (hypothesis)
# ---------------------------------------------------------------------------
counts = st.integers(min_value=0, max_value=10_000)

RATES = [kpi.abandon_rate, kpi.accessibility, kpi.churn_rate, kpi.retention_rate, kpi.fcr,
         kpi.repeat_rate, kpi.not_ready_rate, kpi.utilisation, kpi.shrinkage, kpi.sickness_rate,
         kpi.service_level]


@pytest.mark.parametrize("rate", RATES, ids=lambda f: f.__name__)
@settings(max_examples=40, deadline=None)
@given(part=counts, extra=counts)
def test_rates_stay_in_unit_interval(rate, part, extra):
    whole = part + extra
    if whole == 0:
        return
    value = rate(part, whole)
    assert 0.0 <= value <= 1.0


@settings(max_examples=60, deadline=None)
@given(in_time=counts, late=counts, abandoned=counts, short_share=st.floats(0, 1))
def test_service_level_variants_ordered(in_time, late, abandoned, short_share):
    """With the same interval: of offered <= excluding short abandons <= of answered."""
    answered = in_time + late
    offered = answered + abandoned
    short = math.floor(abandoned * short_share)
    if answered == 0:
        return
    of_offered = kpi.service_level(in_time, offered)
    excl = kpi.service_level(in_time, offered, short_abandoned=short,
                             variant="excluding_short_abandons")
    of_answered = kpi.service_level(in_time, offered, answered=answered, variant="answered")
    assert 0 <= of_offered <= excl + 1e-12
    assert excl <= of_answered + 1e-12 <= 1 + 1e-12


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 1_000)), min_size=1, max_size=30))
def test_combined_service_level_between_min_and_max(pairs):
    sls = [p[0] for p in pairs]
    vols = [p[1] for p in pairs]
    if sum(vols) == 0:
        return
    combined = kpi.combine_service_levels(sls, vols)
    used = [s for s, v in pairs if v > 0]
    assert min(used) - 1e-12 <= combined <= max(used) + 1e-12


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 10), min_size=1, max_size=200))
def test_nps_in_range_and_matches_counts(scores):
    value = kpi.nps(scores)
    assert -100.0 <= value <= 100.0
    promoters = sum(s >= 9 for s in scores)
    detractors = sum(s <= 6 for s in scores)
    assert value == pytest.approx(100 * (promoters - detractors) / len(scores))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=100), st.integers(1, 5))
def test_csat_in_unit_interval_and_ces_in_scale(scores, threshold):
    assert 0.0 <= kpi.csat(scores, threshold=threshold) <= 1.0
    assert 1.0 <= kpi.ces(scores) <= 5.0


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1e5), st.floats(0, 1e5))
def test_occupancy_in_unit_interval_and_at_least_utilisation(handling, idle):
    if handling + idle == 0:
        return
    occ = kpi.occupancy(handling, idle)
    assert 0.0 <= occ <= 1.0
    # paid time includes shrinkage on top of available time, so utilisation <= occupancy
    assert kpi.utilisation(handling, (handling + idle) * 1.25) <= occ + 1e-12


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(counts, counts), min_size=1, max_size=20))
def test_series_in_series_out_property(pairs):
    idx = pd.date_range("2024-01-01", periods=len(pairs), freq="15min")
    answered = pd.Series([p[0] for p in pairs], index=idx)
    offered = pd.Series([p[0] + p[1] + 1 for p in pairs], index=idx)
    out = kpi.accessibility(answered, offered)
    assert isinstance(out, pd.Series)
    assert out.index.equals(idx)
    assert ((out >= 0) & (out <= 1)).all()


# ---------------------------------------------------------------------------
# 4. Impossible input: the message names the parameter and the value
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("call, pattern", [
    (lambda: kpi.accessibility(110, 100), r"answered must be <= offered.*110"),
    (lambda: kpi.abandon_rate(120, 100), r"abandoned must be <= offered.*120"),
    (lambda: kpi.abandon_rate(5, 100, short_abandoned=6), r"short_abandoned must be <= abandoned.*6"),
    (lambda: kpi.service_level(101, 100), r"answered_in_time must be <= offered.*101"),
    (lambda: kpi.service_level(95, 100, answered=90, variant="answered"),
     r"answered_in_time must be <= answered.*95"),
    (lambda: kpi.service_level(50, 100, answered=101, variant="answered"),
     r"answered must be <= offered.*101"),
    (lambda: kpi.service_level(50, 100, short_abandoned=101, variant="excluding_short_abandons"),
     r"short_abandoned must be <= offered.*101"),
    (lambda: kpi.service_level(98, 100, short_abandoned=5, variant="excluding_short_abandons"),
     r"answered_in_time must be <= offered - short_abandoned.*98"),
    (lambda: kpi.fcr(9, 8), r"resolved_first_contact must be <= questions.*9"),
    (lambda: kpi.repeat_rate(9, 8), r"repeat_contacts must be <= contacts.*9"),
    (lambda: kpi.churn_rate(3, 2), r"lost_customers must be <= customers.*3"),
    (lambda: kpi.retention_rate(3, 2), r"retained_customers must be <= customers.*3"),
    (lambda: kpi.not_ready_rate(500, 480), r"not_ready_time must be <= logged_in_time.*500"),
    (lambda: kpi.utilisation(500, 480), r"handling_time must be <= paid_time.*500"),
    (lambda: kpi.shrinkage(500, 480), r"non_productive_time must be <= paid_time.*500"),
    (lambda: kpi.sickness_rate(260, 250), r"sick_days must be <= available_days.*260"),
])
def test_part_above_whole_raises(call, pattern):
    with pytest.raises(ParameterValueError, match=pattern):
        call()


@pytest.mark.parametrize("call, pattern", [
    (lambda: kpi.aht(-1, 0, 0, 1), r"talk_time must be >= 0, got -1"),
    (lambda: kpi.aht(1, -2, 0, 1), r"hold_time must be >= 0, got -2"),
    (lambda: kpi.aht(1, 0, -3, 1), r"acw must be >= 0, got -3"),
    (lambda: kpi.aht(1, 0, 0, -4), r"contacts must be >= 0, got -4"),
    (lambda: kpi.asa(-5, 1), r"total_wait must be >= 0, got -5"),
    (lambda: kpi.abandon_rate(-1, 10), r"abandoned must be >= 0, got -1"),
    (lambda: kpi.accessibility(5, -10), r"offered must be >= 0, got -10"),
    (lambda: kpi.occupancy(-1, 5), r"handling_time must be >= 0, got -1"),
    (lambda: kpi.occupancy(1, -5), r"idle_time must be >= 0, got -5"),
    (lambda: kpi.productivity(-3, 8), r"contacts must be >= 0, got -3"),
    (lambda: kpi.fte(-8, 36), r"hours must be >= 0, got -8"),
    (lambda: kpi.turnover_rate(-1, 10), r"leavers must be >= 0, got -1"),
    (lambda: kpi.fcr([1, -2], [5, 5]), r"resolved_first_contact must be >= 0, got -2 \(at index 1\)"),
    (lambda: kpi.accessibility(float("nan"), 10), r"answered must be a finite number, got nan"),
    (lambda: kpi.aht(1, 0, 0, float("inf")), r"contacts must be a finite number, got inf"),
    (lambda: kpi.service_level(pd.Series([1.0, np.nan]), 10),
     r"answered_in_time must be a finite number, got nan \(at index 1\)"),
])
def test_negative_and_non_finite_input_raise(call, pattern):
    with pytest.raises(ParameterValueError, match=pattern):
        call()


@pytest.mark.parametrize("call, pattern", [
    (lambda: kpi.aht(0, 0, 0, 0), r"contacts must be > 0 \(AHT is undefined.*got 0"),
    (lambda: kpi.asa(0, 0), r"answered must be > 0 \(ASA is undefined.*got 0"),
    (lambda: kpi.abandon_rate(0, 0), r"offered - short_abandoned must be > 0.*got 0"),
    (lambda: kpi.abandon_rate(3, 3, short_abandoned=3), r"offered - short_abandoned must be > 0"),
    (lambda: kpi.accessibility(0, 0), r"offered must be > 0.*got 0"),
    (lambda: kpi.service_level(0, 0), r"offered must be > 0 \(the service level is undefined"),
    (lambda: kpi.service_level(0, 5, answered=0, variant="answered"), r"answered must be > 0.*got 0"),
    (lambda: kpi.service_level(0, 5, short_abandoned=5, variant="excluding_short_abandons"),
     r"offered - short_abandoned must be > 0"),
    (lambda: kpi.service_level([5, 0], [10, 0]), r"offered must be > 0.*got 0.0 \(at index 1\)"),
    (lambda: kpi.fcr(0, 0), r"questions must be > 0"),
    (lambda: kpi.occupancy(0, 0), r"handling_time \+ idle_time must be > 0"),
    (lambda: kpi.utilisation(0, 0), r"paid_time must be > 0"),
    (lambda: kpi.productivity(5, 0), r"hours must be > 0 \(productivity is undefined"),
    (lambda: kpi.fte(36, 0), r"contract_hours must be > 0, got 0"),
    (lambda: kpi.turnover_rate(0, 0), r"average_headcount must be > 0"),
    (lambda: kpi.sickness_rate(0, 0), r"available_days must be > 0"),
    (lambda: kpi.not_ready_rate(0, 0), r"logged_in_time must be > 0"),
    (lambda: kpi.shrinkage(0, 0), r"paid_time must be > 0"),
    (lambda: kpi.churn_rate(0, 0), r"customers must be > 0"),
    (lambda: kpi.retention_rate(0, 0), r"customers must be > 0"),
    (lambda: kpi.repeat_rate(0, 0), r"contacts must be > 0"),
])
def test_zero_denominator_raises(call, pattern):
    with pytest.raises(ParameterValueError, match=pattern):
        call()


@pytest.mark.parametrize("call, pattern", [
    (lambda: kpi.nps([9, 11]), r"scores must be <= 10, got 11 \(at index 1\)"),
    (lambda: kpi.nps([-1, 9]), r"scores must be >= 0, got -1"),
    (lambda: kpi.nps([9, 7.5]), r"scores must be a whole number, got 7.5"),
    (lambda: kpi.nps([9, float("nan")]), r"scores must be a finite number, got nan"),
    (lambda: kpi.nps([]), r"scores must contain at least one response"),
    (lambda: kpi.csat([1, 6]), r"scores must be <= 5, got 6"),
    (lambda: kpi.csat([0, 5]), r"scores must be >= 1, got 0"),
    (lambda: kpi.csat([4, 4.5]), r"scores must be a whole number, got 4.5"),
    (lambda: kpi.csat([4, 5], threshold=6), r"threshold must be <= 5, got 6"),
    (lambda: kpi.csat([4, 5], scale=(5, 1)), r"scale must have low < high"),
    (lambda: kpi.ces([1, 8], scale=(1, 7)), r"scores must be <= 7, got 8"),
    (lambda: kpi.ces([]), r"scores must contain at least one response"),
])
def test_bad_survey_scores_raise(call, pattern):
    with pytest.raises(ParameterValueError, match=pattern):
        call()


@pytest.mark.parametrize("call, pattern", [
    (lambda: kpi.service_level(5, 10, variant="answerd"), r"variant must be one of.*answerd"),
    (lambda: kpi.service_level(5, 10, variant="answered"), r"answered must be given.*got None"),
    (lambda: kpi.service_level(5, 10, variant="excluding_short_abandons"),
     r"short_abandoned must be given"),
    (lambda: kpi.service_level(5, 10, answered=8), r"answered is only used with variant='answered'"),
    (lambda: kpi.service_level(5, 10, short_abandoned=1, variant="answered", answered=8),
     r"short_abandoned is only used with variant='excluding_short_abandons'"),
])
def test_service_level_variant_arguments(call, pattern):
    with pytest.raises(ParameterValueError, match=pattern):
        call()


@pytest.mark.parametrize("call, pattern", [
    (lambda: kpi.combine_service_levels([0.8, 1.2], [10, 10]), r"service_levels must be <= 1, got 1.2"),
    (lambda: kpi.combine_service_levels([0.8, -0.1], [10, 10]), r"service_levels must be >= 0, got -0.1"),
    (lambda: kpi.combine_service_levels([0.8, 0.9], [10, -1]), r"volumes must be >= 0, got -1"),
    (lambda: kpi.combine_service_levels([0.8, 0.9], [0, 0]), r"volumes must sum to > 0.*\[0, 0\]"),
    (lambda: kpi.combine_service_levels([0.8, 0.9], [10]), r"equal length"),
])
def test_combine_service_levels_bad_input(call, pattern):
    with pytest.raises(ParameterValueError, match=pattern):
        call()


@pytest.mark.parametrize("call, pattern", [
    (lambda: kpi.peak_hours(pd.Series([1, 2]), k=3), r"k must be <= .*\(2\), got 3"),
    (lambda: kpi.peak_hours(pd.Series([1, 2]), k=0), r"k must be >= 1, got 0"),
    (lambda: kpi.peak_hours(pd.Series([1, 2]), k=1.5), r"k must be a whole number, got 1.5"),
    (lambda: kpi.peak_hours(pd.Series([1, -2])), r"volume must be >= 0, got -2"),
    (lambda: kpi.volume(pd.Series([1, -2], index=pd.date_range("2024-01-01", periods=2, freq="5min"))),
     r"contacts must be >= 0, got -2"),
    (lambda: kpi.volume(pd.DatetimeIndex(["2024-01-01 09:00", None])), r"missing arrival times"),
])
def test_volume_and_peak_hours_bad_input(call, pattern):
    with pytest.raises(ParameterValueError, match=pattern):
        call()


# Wrong types raise TypeError (a ValueError before the strict input checks of issue 13).
@pytest.mark.parametrize("call, pattern", [
    (lambda: kpi.csat([4, 5], threshold="5"), r"threshold must be a real number.*'5'"),
    (lambda: kpi.nps("5"), r"scores must be a real number.*'5'"),
    (lambda: kpi.nps([True, False]), r"scores must be a real number"),
    (lambda: kpi.aht(1 + 2j, 0, 0, 1), r"talk_time must be .*imaginary part"),
    (lambda: kpi.volume(pd.DatetimeIndex(["2024-01-01 09:00"]), freq=None), r"freq must be"),
    (lambda: kpi.fcr("many", 10), r"resolved_first_contact must be a real number.*'many'"),
    (lambda: kpi.csat([4, 5], scale=5), r"scale must be a pair"),
    (lambda: kpi.peak_hours([1, 2, 3]), r"volume must be a pandas Series, got \[1, 2, 3\] \(type list\)"),
    (lambda: kpi.volume([1, 2, 3]), r"contacts must be arrival times.*type list"),
])
def test_wrong_types_raise_type_error(call, pattern):
    with pytest.raises(TypeError, match=pattern):
        call()


# ---------------------------------------------------------------------------
# a Series in gives a Series out on the same index (issue 15)
# ---------------------------------------------------------------------------
_TIMES = pd.date_range("2025-03-03 09:00", periods=3, freq="15min", name="interval_start")


@pytest.mark.parametrize("function, arguments", [
    (kpi.aht, ([300.0, 200.0, 100.0], 10.0, 20.0, [3, 2, 1])),
    (kpi.asa, ([30.0, 20.0, 10.0], [3, 2, 1])),
    (kpi.abandon_rate, ([1, 2, 0], [10, 10, 10])),
    (kpi.accessibility, ([9, 8, 10], [10, 10, 10])),
    (kpi.service_level, ([8, 7, 9], [10, 10, 10])),
    (kpi.fcr, ([8, 7, 9], [10, 10, 10])),
    (kpi.repeat_rate, ([1, 2, 3], [10, 10, 10])),
    (kpi.churn_rate, ([1, 2, 3], [10, 10, 10])),
    (kpi.retention_rate, ([9, 8, 7], [10, 10, 10])),
    (kpi.occupancy, ([50.0, 40.0, 30.0], [10.0, 20.0, 30.0])),
    (kpi.utilisation, ([50.0, 40.0, 30.0], [100.0, 100.0, 100.0])),
    (kpi.not_ready_rate, ([5.0, 4.0, 3.0], [100.0, 100.0, 100.0])),
    (kpi.productivity, ([50, 40, 30], [8.0, 8.0, 8.0])),
    (kpi.shrinkage, ([30.0, 20.0, 10.0], [100.0, 100.0, 100.0])),
    (kpi.fte, ([36.0, 18.0, 72.0], 36.0)),
    (kpi.turnover_rate, ([3, 2, 1], [10.0, 10.0, 10.0])),
    (kpi.sickness_rate, ([3, 2, 1], [50.0, 50.0, 50.0])),
])
def test_a_series_keeps_its_index(function, arguments):
    """Each element-wise KPI keeps the index of a Series argument, whichever argument it is,
    and gives the same numbers as for plain lists."""
    plain = function(*arguments)
    for k, value in enumerate(arguments):
        if np.ndim(value) == 0:
            continue
        args = list(arguments)
        args[k] = pd.Series(value, index=_TIMES)
        out = function(*args)
        assert isinstance(out, pd.Series) and out.index.equals(_TIMES)
        np.testing.assert_allclose(out.to_numpy(), plain)


# ---------------------------------------------------------------------------
# weighted AHT
# ---------------------------------------------------------------------------
def test_weighted_aht_worked_example():
    """Two days: 100 contacts at 300 s and 300 contacts at 200 s: (30.000 + 60.000) / 400 = 225 s
    (the plain mean of the two AHTs, 250 s, weighs the quiet day as much as the busy one)."""
    assert kpi.weighted_aht([300.0, 200.0], [100, 300]) == pytest.approx(225.0)
    days = pd.Index(["ma", "di"])
    assert kpi.weighted_aht(pd.Series([300.0, 200.0], index=days),
                            pd.Series([100, 300], index=days)) == pytest.approx(225.0)


@settings(max_examples=60)
@given(st.lists(st.tuples(st.floats(1, 3600), st.integers(0, 10_000)), min_size=1, max_size=30)
       .filter(lambda rows: sum(n for _, n in rows) > 0))
def test_weighted_aht_is_total_handling_time_over_contacts(rows):
    aht, handled = zip(*rows)
    total = math.fsum(h * n for h, n in rows)
    out = kpi.weighted_aht(list(aht), list(handled))
    assert out == pytest.approx(total / sum(handled), rel=1e-12)
    assert min(h for h, n in rows if n) * (1 - 1e-12) <= out <= max(h for h, n in rows if n) * (1 + 1e-12)


def test_weighted_aht_refuses_bad_input():
    with pytest.raises(ValueError, match="handled"):
        kpi.weighted_aht([300.0, 200.0], [0, 0])
    with pytest.raises(ValueError, match="handled"):
        kpi.weighted_aht([300.0, 200.0], [1, 2, 3])
    with pytest.raises(ValueError, match="aht"):
        kpi.weighted_aht([300.0, float("nan")], [1, 2])
