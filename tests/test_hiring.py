"""Validation of wfmcourse.domain.hiring: hand-computed cases, an independent week-by-week model, a seeded
simulation of leavers, brute force over every plan of small instances, and property tests."""
import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.domain import hiring
from wfmcourse.presentation import messages
from wfmcourse.validation import ParameterTypeError, ParameterValueError

# the hand calculations below were written for these euros (the package defaults changed since)
HAND_COSTS = hiring.Costs(fte_hour_cost=32.0, overtime_hour_cost=42.0, flex_hour_cost=48.0, hire_cost=4000.0,
                          class_cost=3000.0)


# ---------------------------------------------------------------------------
# an independent model, written from the definitions (loops, no shared code)
# ---------------------------------------------------------------------------
def weekly(monthly):
    """Weekly leave rate: the share left after 52 weeks equals the share left after 12 months."""
    return 1 - (1 - monthly) ** (12 / 52)


def reference_supply(classes, n0, policy, weeks):
    """(headcount, productive FTE) per week: every cohort walked week by week, its tenure counted."""
    new_weeks = round(policy.new_hire_months * 52 / 12)
    head, productive = [], []
    settled = float(n0)
    cohorts = []                                # [hire week, expected people left]
    for start, size in classes:
        cohorts.append([start + policy.recruitment_weeks, float(size)])
    # walk the cohorts from their hire week (some may start before week 0)
    first = min([0] + [c[0] for c in cohorts])
    for t in range(first, weeks):
        if t >= 0:
            h = settled
            p = settled
            for hire_week, left in cohorts:
                tenure = t - hire_week
                if tenure < 0:
                    continue
                h += left
                if tenure < policy.training_weeks:
                    factor = 0.0
                elif tenure - policy.training_weeks < len(policy.learning_curve):
                    factor = policy.learning_curve[tenure - policy.training_weeks]
                else:
                    factor = 1.0
                p += left * factor
            head.append(h)
            productive.append(p * policy.fte_per_person)
            settled *= 1 - weekly(policy.turnover)
        for cohort in cohorts:                  # people leave at the end of the week
            tenure = t - cohort[0]
            if tenure >= 0:
                rate = policy.new_hire_turnover if tenure < new_weeks else policy.turnover
                cohort[1] *= 1 - weekly(rate)
    return np.array(head), np.array(productive)


def erlang_c_service_level(n, a, aht, awt):
    """Erlang C service level from the textbook formula with factorials (exact for small n)."""
    if n <= a:
        return 0.0
    top = a ** n / math.factorial(n) * n / (n - a)
    wait = top / (sum(a ** k / math.factorial(k) for k in range(n)) + top)
    return 1 - wait * math.exp(-(n - a) * awt / aht)


SMALL = hiring.Policy(turnover=0.02, new_hire_turnover=0.08, new_hire_months=1, recruitment_weeks=1,
                      training_weeks=1, learning_curve=(0.5,), min_class=2, max_class=5, fte_per_person=1.0,
                      hours_per_fte=36.0)


# ---------------------------------------------------------------------------
# rates and seasons
# ---------------------------------------------------------------------------
def test_weekly_rate_by_hand():
    """4 % a month: q = 1 - 0.96^(12/52) = 1 - exp(-0.0408220 x 0.230769) = 1 - exp(-0.0094205) = 0.0093762;
    after 52 weeks (1 - q)^52 = 0.96^12 = 0.612710 are left, as after 12 months."""
    q = hiring.weekly_rate(0.04)
    assert q == pytest.approx(0.0093762, abs=1e-7)
    assert (1 - q) ** 52 == pytest.approx(0.96 ** 12, rel=1e-12)
    assert hiring.weekly_rate(0.0) == 0.0
    np.testing.assert_allclose(hiring.weekly_rate([0.01, 0.5]), [weekly(0.01), weekly(0.5)], rtol=1e-12)


@given(st.floats(0, 0.99), st.floats(0, 0.99))
def test_weekly_rate_is_increasing(a, b):
    low, high = sorted((a, b))
    assert hiring.weekly_rate(low) <= hiring.weekly_rate(high) <= high + 1e-15


def test_weekly_shrinkage_by_hand():
    """Base 30 %; summer weeks 28-35 +8 %; December weeks 51-52 +6 %; sickness (45, 10) wraps over the new
    year, +2 %. Week 1: 0.30 + 0.02 = 0.32; week 20: 0.30; week 30: 0.30 + 0.08 = 0.38; week 46: 0.32;
    week 52: 0.30 + 0.06 + 0.02 = 0.38."""
    s = hiring.weekly_shrinkage(0.3, summer_leave=0.08, summer_weeks=(28, 35), december_leave=0.06,
                                december_weeks=(51, 52), sickness=0.02, sickness_weeks=(45, 10))
    assert list(s.index) == list(range(1, 53)) and s.index.name == "week"
    assert [s[1], s[20], s[30], s[46], s[52]] == pytest.approx([0.32, 0.30, 0.38, 0.32, 0.38])
    assert s[11] == pytest.approx(0.30) and s[10] == pytest.approx(0.32)
    mondays = pd.date_range("2026-01-05", periods=3, freq="W-MON")          # ISO weeks 2, 3, 4
    by_date = hiring.weekly_shrinkage(0.3, summer_leave=0.08, summer_weeks=(28, 35), december_leave=0.06,
                                      december_weeks=(51, 52), sickness=0.02, sickness_weeks=(3, 3), index=mondays)
    assert by_date.index.equals(mondays)
    assert by_date.tolist() == pytest.approx([0.30, 0.32, 0.30])


def test_week_53_takes_the_seasons_of_week_52():
    """2026 has an ISO week 53 (Monday 28 December): it gets the December leave and the sickness season."""
    mondays = pd.DatetimeIndex(["2026-12-21", "2026-12-28", "2027-01-04"])
    s = hiring.weekly_shrinkage(0.3, december_leave=0.06, december_weeks=(51, 52), sickness=0.02,
                                sickness_weeks=(45, 10), index=mondays)
    assert list(mondays.isocalendar().week) == [52, 53, 1]
    assert s.tolist() == pytest.approx([0.38, 0.38, 0.32])


def test_required_fte_with_patience_is_erlang_a():
    """With patience the staffing is Erlang A's: callers who hang up lower it (never raise it)."""
    from wfmcourse.domain import erlang

    forecast = pd.DataFrame({"calls": [100.0], "aht": [180.0]})
    out = hiring.required_fte(forecast, 0.3, _one_hour_profile(), patience=60.0)
    n = erlang.agents_needed(5.0, 180, 20, 0.8, patience=60.0)
    assert out["net_hours"].iloc[0] == pytest.approx(n) and n <= 8


def test_weekly_shrinkage_refuses_a_week_without_time():
    with pytest.raises(ParameterValueError) as info:
        hiring.weekly_shrinkage(0.9, summer_leave=0.1)
    assert info.value.parameter == "summer_leave" and info.value.kind == "too_large"
    with pytest.raises(ParameterValueError, match="summer_weeks"):
        hiring.weekly_shrinkage(0.3, summer_weeks=(0, 5))
    with pytest.raises(ParameterTypeError, match="summer_weeks"):
        hiring.weekly_shrinkage(0.3, summer_weeks=[28, 35])


# ---------------------------------------------------------------------------
# demand
# ---------------------------------------------------------------------------
def _one_hour_profile():
    """All of a week's calls in one hour (Monday 09:00): the week's staffing is that hour's."""
    share = np.zeros(168)
    share[9] = 1.0
    return pd.Series(share, index=pd.TimedeltaIndex(np.arange(168) * pd.Timedelta(hours=1)))


def test_week_profile_by_hand():
    """Two whole weeks from Monday 00:00 (after a Sunday that is left out): slot Monday 09:00 has 30 and 10
    calls (mean 20), slot Tuesday 10:00 has 0 and 20 (mean 10), the rest nothing: shares 2/3 and 1/3."""
    index = pd.date_range("2026-01-04", periods=24 + 2 * 168, freq="h")       # a Sunday, then two weeks
    v = pd.Series(0.0, index=index)
    v.iloc[:24] = 99.0                                                        # not a whole week: ignored
    v[pd.Timestamp("2026-01-05 09:00")] = 30.0
    v[pd.Timestamp("2026-01-12 09:00")] = 10.0
    v[pd.Timestamp("2026-01-13 10:00")] = 20.0
    share = hiring.week_profile(v)
    assert len(share) == 168 and share.sum() == pytest.approx(1.0)
    assert share[pd.Timedelta(hours=9)] == pytest.approx(2 / 3)
    assert share[pd.Timedelta(days=1, hours=10)] == pytest.approx(1 / 3)


def test_workload_fte_by_hand():
    """1000 calls x 360 s = 100 hours of work; / occupancy 0.8 = 125 hours logged in; / (1 - 0.375) =
    200 paid hours; / 40 hours per FTE = 5 FTE."""
    forecast = pd.DataFrame({"calls": [1000.0], "aht": [360.0]})
    row = hiring.workload_fte(forecast, 0.375, occupancy=0.8, hours_per_fte=40).iloc[0]
    assert row["workload_hours"] == pytest.approx(100)
    assert row["net_hours"] == pytest.approx(125)
    assert row["required_hours"] == pytest.approx(200)
    assert row["required_fte"] == pytest.approx(5)


def test_required_fte_by_hand():
    """100 calls of 180 s in one hour: A = 100 x 180 / 3600 = 5 Erlang. Erlang C by hand, n = 7:
    A^7/7! x 7/2 = 15.501 x 3.5 = 54.253, sum_{k<7} A^k/k! = 113.118, P(wait) = 54.253 / 167.371 = 0.32415,
    SL = 1 - 0.32415 exp(-2 x 20/180) = 0.7404 < 0.8; n = 8: 9.6881 x 8/3 = 25.835, sum = 128.619,
    P(wait) = 0.16727, SL = 1 - 0.16727 exp(-3 x 20/180) = 0.8801 >= 0.8. So 8 agents for one hour: net
    8 hours, / (1 - 0.3) = 11.43 paid hours, / 36 = 0.3175 FTE."""
    assert erlang_c_service_level(7, 5.0, 180, 20) == pytest.approx(0.7404, abs=1e-4)
    assert erlang_c_service_level(8, 5.0, 180, 20) == pytest.approx(0.8801, abs=1e-4)
    forecast = pd.DataFrame({"calls": [100.0, 0.0], "aht": [180.0, 180.0]})
    out = hiring.required_fte(forecast, 0.3, _one_hour_profile(), awt=20, target=0.8)
    assert out["net_hours"].tolist() == pytest.approx([8.0, 0.0])
    assert out["required_fte"].iloc[0] == pytest.approx(8 / 0.7 / 36)
    assert out["occupancy"].tolist() == pytest.approx([5 / 8, 0.0])
    assert out["required_hours"].iloc[0] == pytest.approx(8 / 0.7)


@settings(max_examples=40)
@given(calls=st.floats(0, 3000), aht=st.floats(60, 900), s=st.floats(0, 0.6), t1=st.floats(0.05, 0.95),
       t2=st.floats(0.05, 0.95))
def test_required_fte_properties(calls, aht, s, t1, t2):
    """Erlang never needs less than the work itself (occupancy <= 1), and a higher target never fewer FTE."""
    profile = pd.Series(np.r_[np.full(12, 1.0), np.zeros(156)],
                        index=pd.TimedeltaIndex(np.arange(168) * pd.Timedelta(hours=1)))
    forecast = pd.DataFrame({"calls": [calls], "aht": [aht]})
    low, high = sorted((t1, t2))
    a = hiring.required_fte(forecast, s, profile, target=low)
    b = hiring.required_fte(forecast, s, profile, target=high)
    floor = hiring.workload_fte(forecast, s, occupancy=1.0)
    assert a["required_fte"].iloc[0] >= floor["required_fte"].iloc[0] - 1e-9
    assert b["required_fte"].iloc[0] >= a["required_fte"].iloc[0]
    assert 0 <= a["occupancy"].iloc[0] <= 1


# ---------------------------------------------------------------------------
# supply
# ---------------------------------------------------------------------------
def test_cohort_by_hand():
    """New hires 8 % a month for 1 month (round(52/12) = 4 weeks), then 2 %; 1 training week, then 50 %.
    q_new = 1 - 0.92^(12/52), q = 1 - 0.98^(12/52). S = 1, (1-q_new), (1-q_new)^2, (1-q_new)^3, (1-q_new)^4,
    (1-q_new)^4 (1-q); p = 0, 0.5, 1, 1, 1, 1."""
    path = hiring.cohort(SMALL, 6)
    a, b = 0.92 ** (12 / 52), 0.98 ** (12 / 52)
    np.testing.assert_allclose(path["survival"], [1, a, a ** 2, a ** 3, a ** 4, a ** 4 * b], rtol=1e-12)
    assert path["productivity"].tolist() == [0.0, 0.5, 1.0, 1.0, 1.0, 1.0]
    np.testing.assert_allclose(path["expected_productivity"], [0, 0.5 * a, a ** 2, a ** 3, a ** 4, a ** 4 * b])
    np.testing.assert_allclose(path["leave_rate"], [1 - a] * 4 + [1 - b] * 2, rtol=1e-12)


def test_project_supply_without_turnover_by_hand():
    """No turnover, 20 people, a class of 10 starting recruitment in week 0: 2 recruitment weeks, so they
    start in week 2, train in week 2, work at 50 % in week 3 and fully from week 4. Contracts of 0.8 FTE:
    productive FTE = 0.8 x (20, 20, 20, 20 + 5, 30, 30) = 16, 16, 16, 20, 24, 24."""
    policy = hiring.Policy(turnover=0.0, new_hire_turnover=0.0, recruitment_weeks=2, training_weeks=1,
                           learning_curve=(0.5,), fte_per_person=0.8)
    out = hiring.project_supply([(0, 10)], 20, policy, 6)
    assert out["headcount"].tolist() == [20, 20, 30, 30, 30, 30]
    assert out["hires"].tolist() == [0, 0, 10, 0, 0, 0]
    assert out["classes"].tolist() == [0, 0, 1, 0, 0, 0]
    assert out["in_training"].tolist() == [0, 0, 10, 0, 0, 0]
    assert out["productive_fte"].tolist() == pytest.approx([16, 16, 16, 20, 24, 24])
    assert out["leavers"].tolist() == [0] * 6


@pytest.mark.parametrize("classes", [[(0, 5), (3, 4)], [(-2, 5)], [(-8, 3), (1, 2), (1, 3)], []])
def test_project_supply_equals_the_week_by_week_model(classes):
    head, productive = reference_supply(classes, 12, SMALL, 10)
    out = hiring.project_supply(classes, 12, SMALL, 10)
    np.testing.assert_allclose(out["headcount"], head, rtol=1e-12)
    np.testing.assert_allclose(out["productive_fte"], productive, rtol=1e-12)
    # what leaves in a week is what is missing the week after (no hires in between)
    later = out["headcount"].to_numpy()[1:] - out["hires"].to_numpy()[1:]
    np.testing.assert_allclose(out["headcount"].to_numpy()[:-1] - out["leavers"].to_numpy()[:-1], later, rtol=1e-12)


def test_project_supply_agrees_with_a_simulation_of_leavers():
    """20,000 seeded runs in which every person leaves with the weekly probability of his tenure: the mean
    headcount per week lies within 4 standard errors of the expected one."""
    rng = np.random.default_rng(17)
    runs, weeks = 20_000, 12
    policy = hiring.Policy(turnover=0.05, new_hire_turnover=0.25, new_hire_months=1, recruitment_weeks=1,
                           training_weeks=1, learning_curve=(), min_class=1, max_class=15)
    settled = np.full(runs, 10)
    cohort = np.zeros(runs, dtype=int)
    heads = []
    for t in range(weeks):
        if t == 1:                                            # recruitment from week 0, hired in week 1
            cohort += 8
        heads.append(settled + cohort)
        settled = settled - rng.binomial(settled, weekly(0.05))
        tenure = t - 1
        if tenure >= 0:
            rate = 0.25 if tenure < 4 else 0.05
            cohort = cohort - rng.binomial(cohort, weekly(rate))
    heads = np.array(heads, dtype=float)
    expected = hiring.project_supply([(0, 8)], 10, policy, weeks)["headcount"].to_numpy()
    error = heads.std(axis=1, ddof=1) / np.sqrt(runs)
    assert (np.abs(heads.mean(axis=1) - expected) <= 4 * error + 1e-12).all()


def test_capacity_gap_and_fill_gaps_by_hand():
    """Required 10 FTE, productive 7: gap -3 FTE = -108 hours at 36 h. Overtime (42 euro) is cheaper than flex
    (48 euro): overtime first, at most 10 % of 7 x 36 = 25.2 hours, then flex up to 50 hours; 108 - 25.2 -
    50 = 32.8 hours stay uncovered. Cost 25.2 x 42 + 50 x 48 = 3458.4 euro. Week 2: 12 productive, 2 FTE to
    spare: nothing to fill."""
    supply = pd.DataFrame({"productive_fte": [7.0, 12.0]})
    gap = hiring.capacity_gap([10.0, 10.0], supply, 36)
    assert gap["gap_fte"].tolist() == [-3.0, 2.0]
    assert gap["gap_hours"].tolist() == [-108.0, 72.0]
    assert gap["short_hours"].tolist() == [108.0, 0.0]
    filled = hiring.fill_gaps([10.0, 10.0], supply, hiring.Costs(overtime_hour_cost=42.0, flex_hour_cost=48.0),
                              max_flex_hours=50, max_overtime_share=0.1)
    assert filled["overtime_hours"].tolist() == pytest.approx([25.2, 0])
    assert filled["flex_hours"].tolist() == pytest.approx([50, 0])
    assert filled["uncovered_hours"].tolist() == pytest.approx([32.8, 0])
    assert filled["cost"].tolist() == pytest.approx([3458.4, 0])
    dear = hiring.fill_gaps([10.0, 10.0], supply, hiring.Costs(overtime_hour_cost=60.0, flex_hour_cost=48.0),
                           max_flex_hours=50)
    assert dear["flex_hours"].tolist() == pytest.approx([50, 0])             # flex first now
    assert dear["overtime_hours"].tolist() == pytest.approx([25.2, 0])


def test_capacity_gap_keeps_the_index_of_the_requirement():
    weeks = pd.date_range("2026-01-05", periods=2, freq="W-MON")
    gap = hiring.capacity_gap(pd.Series([1.0, 2.0], index=weeks), pd.DataFrame({"productive_fte": [1.0, 1.0]}))
    assert gap.index.equals(weeks)
    with pytest.raises(ParameterValueError, match="supply"):
        hiring.capacity_gap([1.0, 2.0, 3.0], pd.DataFrame({"productive_fte": [1.0, 1.0]}))


def test_policy_checks_its_fields():
    with pytest.raises(ParameterValueError, match="max_class"):
        hiring.Policy(min_class=10, max_class=5)
    with pytest.raises(ParameterValueError, match="new_hire_turnover"):
        hiring.Policy(new_hire_turnover=1.0)
    with pytest.raises(ParameterTypeError, match="learning_curve"):
        hiring.Policy(learning_curve=[0.5])
    with pytest.raises(ParameterValueError, match="learning_curve"):
        hiring.Policy(learning_curve=(0.5, 1.5))
    with pytest.raises(ParameterValueError, match="hire_cost"):
        hiring.Costs(hire_cost=-1)
    assert hiring.Policy().lead_weeks == 10 and hiring.Policy().new_hire_weeks == 26
    assert hiring.Costs().fte_year_cost(36) == pytest.approx(24 * 36 * 52)


# ---------------------------------------------------------------------------
# the plan: brute force over every plan of small instances
# ---------------------------------------------------------------------------
def brute_force(need, n0, policy, costs, starts, flex_cap, share, objective="cost", final=None, committed=()):
    """The cheapest plan by trying every size (0 or min..max) in every start week, flex and overtime filled
    per week with the cheaper kind first (optimal: each week's flex and overtime only serve that week).
    Committed classes are always there; their hires and class count in the cost when hired inside the plan.
    Returns (best cost or hires, sizes) or None when no plan covers every week."""
    inside = [size for start, size in committed if 0 <= start + policy.recruitment_weeks < len(need)]
    fixed_cost = costs.hire_cost * sum(inside) + costs.class_cost * sum(size > 0 for size in inside)
    h = policy.hours_per_fte
    wage = costs.fte_hour_cost * h * policy.fte_per_person
    options = [0, *range(policy.min_class, policy.max_class + 1)]
    best = None
    for sizes in itertools.product(options, repeat=len(starts)):
        classes = list(zip(starts, sizes)) + list(committed)
        head, productive = reference_supply(classes, n0, policy, len(need))
        short = np.maximum(h * (np.asarray(need) - productive), 0.0)
        ot_cap = share * h * productive
        if (short > ot_cap + flex_cap + 1e-7).any() or (final is not None and productive[-1] < final - 1e-9):
            continue
        cheap, dear = ((flex_cap, costs.flex_hour_cost), (ot_cap, costs.overtime_hour_cost))
        if costs.overtime_hour_cost < costs.flex_hour_cost:
            cheap, dear = dear, cheap
        first = np.minimum(short, cheap[0])
        second = short - first
        cost = (fixed_cost + wage * head.sum() + costs.hire_cost * sum(sizes)
                + costs.class_cost * sum(s > 0 for s in sizes) + first.sum() * cheap[1] + second.sum() * dear[1])
        value = cost if objective == "cost" else sum(sizes)
        if best is None or value < best[0] - 1e-9:
            best = (value, sizes)
    return best


instances = st.fixed_dictionaries({
    "need": st.lists(st.floats(4, 22), min_size=8, max_size=8),
    "n0": st.integers(0, 16),
    "starts": st.sampled_from([[0], [2], [0, 3], [1, 4], [0, 5]]),
    "flex": st.sampled_from([0.0, 40.0, 120.0]),
    "share": st.sampled_from([0.0, 0.1, 0.25]),
    "hire_cost": st.sampled_from([0.0, 3000.0, 20000.0]),
    "flex_cost": st.sampled_from([30.0, 48.0, 80.0]),
    "class_cost": st.sampled_from([0.0, 5000.0]),
    "final": st.sampled_from([None, None, 12.0, 18.0]),
    "committed": st.sampled_from([(), (), ((-1, 4),), ((2, 3),), ((-3, 2), (1, 5))]),
})


@settings(max_examples=60)
@given(instances)
def test_plan_hiring_equals_brute_force(case):
    costs = hiring.Costs(fte_hour_cost=32.0, overtime_hour_cost=42.0, flex_hour_cost=case["flex_cost"],
                         hire_cost=case["hire_cost"], class_cost=case["class_cost"])
    best = brute_force(case["need"], case["n0"], SMALL, costs, case["starts"], case["flex"], case["share"],
                       final=case["final"], committed=case["committed"])
    call = dict(start_weeks=case["starts"], max_flex_hours=case["flex"], max_overtime_share=case["share"],
                final_fte=case["final"], committed=list(case["committed"]))
    uncoverable = hiring.uncoverable_weeks(case["need"], case["n0"], SMALL, **call)
    # a plan is feasible exactly when the most supply covers every week
    assert (best is None) == (len(uncoverable) > 0)
    if best is None:
        with pytest.raises(ParameterValueError) as info:
            hiring.plan_hiring(case["need"], case["n0"], SMALL, costs, **call)
        assert info.value.kind == "uncoverable" and info.value.value == list(uncoverable.index)
        return
    plan = hiring.plan_hiring(case["need"], case["n0"], SMALL, costs, **call)
    assert plan.total_cost == pytest.approx(best[0], rel=1e-7, abs=1e-6)
    assert plan.weeks["uncovered_hours"].max() <= 1e-6
    assert ((plan.classes["size"] >= SMALL.min_class) & (plan.classes["size"] <= SMALL.max_class)).all()
    if case["final"] is not None:
        assert plan.weeks["productive_fte"].iloc[-1] >= case["final"] - 1e-6
    # the plan's weeks are project_supply of its classes (and the committed ones)
    again = hiring.project_supply(list(plan.classes[["start_week", "size"]].itertuples(index=False, name=None))
                                  + list(case["committed"]), case["n0"], SMALL, 8)
    pd.testing.assert_frame_equal(plan.weeks[again.columns].reset_index(drop=True), again.reset_index(drop=True),
                                  check_names=False)


@settings(max_examples=30)
@given(instances, st.floats(0, 0.05), st.floats(0, 0.1), st.floats(0, 0.05), st.floats(0, 0.1))
def test_more_turnover_never_lowers_the_hires_needed(case, old, new, extra_old, extra_new):
    """The fewest hires that cover every week: with more turnover (both rates up) never fewer."""
    low = hiring.Policy(turnover=old, new_hire_turnover=new, new_hire_months=1, recruitment_weeks=1,
                        training_weeks=1, learning_curve=(0.5,), min_class=2, max_class=5, fte_per_person=1.0)
    high = hiring.Policy(turnover=old + extra_old, new_hire_turnover=new + extra_new, new_hire_months=1,
                         recruitment_weeks=1, training_weeks=1, learning_curve=(0.5,), min_class=2, max_class=5,
                         fte_per_person=1.0)
    call = dict(start_weeks=case["starts"], max_flex_hours=case["flex"], max_overtime_share=case["share"],
                objective="hires")
    if len(hiring.uncoverable_weeks(case["need"], case["n0"], high, start_weeks=case["starts"],
                                    max_flex_hours=case["flex"], max_overtime_share=case["share"])):
        return
    fewer = hiring.plan_hiring(case["need"], case["n0"], low, hiring.Costs(), **call)
    more = hiring.plan_hiring(case["need"], case["n0"], high, hiring.Costs(), **call)
    assert more.hires >= fewer.hires
    best = brute_force(case["need"], case["n0"], high, hiring.Costs(), case["starts"], case["flex"], case["share"],
                       objective="hires")
    assert more.hires == best[0]


@settings(max_examples=25)
@given(instances, st.floats(0, 3))
def test_more_demand_never_lowers_the_cost(case, extra):
    """A higher requirement in every week (a higher service-level target) never costs less."""
    costs = hiring.Costs(hire_cost=case["hire_cost"], flex_hour_cost=case["flex_cost"])
    call = dict(start_weeks=case["starts"], max_flex_hours=case["flex"], max_overtime_share=case["share"])
    higher = [x + extra for x in case["need"]]
    if len(hiring.uncoverable_weeks(higher, case["n0"], SMALL, **call)):
        return
    low = hiring.plan_hiring(case["need"], case["n0"], SMALL, costs, **call)
    high = hiring.plan_hiring(higher, case["n0"], SMALL, costs, **call)
    assert high.total_cost >= low.total_cost - 1e-6 * max(1.0, low.total_cost)


def test_plan_hiring_by_hand():
    """No turnover, 10 people at 1 FTE, 36 h; 4 weeks need 10, 10, 10, 15 FTE. Recruitment 1 week, training 1,
    no learning curve: a class starting in week 0 or 1 is productive in week 2 or 3. Without flex or overtime
    week 3 needs 5 more: the class of week 1 (hired week 2, paid from then on: 2 weeks x 36 h x 32 euro =
    2304 euro a person) beats week 0 (3 paid weeks). Cost: 5 x (4000 + 2304) + one class 3000 + 10 people x
    4 weeks x 1152 = 31,520 + 3,000 + 46,080 = 80,600 euro."""
    policy = hiring.Policy(turnover=0.0, new_hire_turnover=0.0, recruitment_weeks=1, training_weeks=1,
                           learning_curve=(), min_class=2, max_class=8, fte_per_person=1.0)
    plan = hiring.plan_hiring([10.0, 10.0, 10.0, 15.0], 10, policy, HAND_COSTS, max_overtime_share=0.0,
                              start_weeks=[0, 1])
    assert plan.classes.to_dict("records") == [{"start_week": 1, "hire_week": 2, "productive_week": 3, "size": 5}]
    assert plan.costs["salaries"] == pytest.approx((10 * 4 + 5 * 2) * 1152)
    assert plan.costs["hiring"] == pytest.approx(20_000)
    assert plan.costs["training_classes"] == pytest.approx(3000)
    assert plan.total_cost == pytest.approx(80_600)
    # with 10 % overtime (42 euro an hour, cheaper than a hire) a class of 4 does: 14 x 36 = 504 hours and
    # 36 overtime hours (at most 10 % of 504 = 50.4) make 540; a class of 3 reaches 13 x 39.6 = 514.8 < 540
    cheaper = hiring.plan_hiring([10.0, 10.0, 10.0, 15.0], 10, policy, HAND_COSTS, max_overtime_share=0.1,
                                 start_weeks=[0, 1])
    assert cheaper.classes["size"].tolist() == [4]
    assert cheaper.weeks["overtime_hours"].tolist() == pytest.approx([0, 0, 0, 36])


def test_infeasible_plan_names_the_weeks_in_english_and_dutch():
    """A lead time of 10 weeks: a peak in week 3 can only be met by the people there now."""
    weeks = pd.date_range("2026-01-05", periods=12, freq="W-MON")
    need = pd.Series([10.0, 10.0, 10.0, 30.0] + [10.0] * 8, index=weeks)
    with pytest.raises(ParameterValueError) as info:
        hiring.plan_hiring(need, 12, hiring.Policy(), hiring.Costs(), max_flex_hours=36.0)
    error = info.value
    assert error.parameter == "required_fte" and error.kind == "uncoverable"
    assert error.value == ["2026-01-26"] and "2026-01-26" in str(error)
    sentence = messages.explain(error)
    assert "niet te dekken" in sentence and sentence.endswith("Weken: 2026-01-26.")
    table = hiring.uncoverable_weeks(need, 12, hiring.Policy(), max_flex_hours=36.0)
    # 12 people x 0.85 FTE, 1.1 x 36 hours each (with overtime) + 36 flex hours, after 3 weeks of turnover
    most = 12 * 0.85 * (1 - hiring.weekly_rate(0.015)) ** 3 * 36 * 1.1 + 36
    assert table["max_hours"].tolist() == pytest.approx([most])
    assert table["short_hours"].tolist() == pytest.approx([30 * 36 - most])


def test_plan_hiring_a_year_of_the_shipped_forecast():
    """The 52 weeks of the course data, 60 people now and 50 productive FTE at the end of the year: every week
    covered, a class hired in time for the end, the costs add up and year_budget agrees."""
    from wfmcourse.data import datasets
    from wfmcourse.domain import budget, events, forecast

    history = datasets.load_daily_history()
    calendar = events.event_calendar(pd.date_range(history.index[0], history.index[-1] + pd.Timedelta(days=400)))
    daily = forecast.year_forecast(history["calls_offered"], calendar, 52)["forecast"]
    weekly = forecast.weekly_forecast(daily, forecast.aht_forecast(history["aht"], history["calls_offered"], 52))
    profile = hiring.week_profile(datasets.load_intervals()["calls_offered"])
    need = hiring.required_fte(weekly, hiring.weekly_shrinkage(index=weekly.index), profile)
    policy, costs = hiring.Policy(), hiring.Costs()
    plan = hiring.plan_hiring(need["required_fte"], 60, policy, costs, max_flex_hours=150.0, final_fte=50.0)
    assert len(plan.weeks) == 52 and plan.weeks.index.equals(weekly.index)
    assert plan.weeks["uncovered_hours"].max() <= 1e-6
    assert plan.costs["total"] == pytest.approx(plan.costs.drop("total").sum())
    assert budget.year_budget(plan.weeks, costs, policy, weekly["calls"])["total"] == pytest.approx(plan.total_cost)
    assert len(plan.classes) >= 1 and plan.weeks["productive_fte"].iloc[-1] >= 50 - 1e-6


def test_a_time_limit_returns_the_best_plan_so_far():
    """Two years of growing demand with every start week allowed: a hard integer program. With a time limit of
    half a second the plan covers every week and says how far from the best it may be."""
    rng = np.random.default_rng(3)
    need = np.linspace(45, 80, 104) + rng.normal(0, 2, 104)
    plan = hiring.plan_hiring(need, 63, hiring.Policy(), hiring.Costs(), max_flex_hours=150.0, final_fte=75.0,
                              time_limit=0.5)
    assert plan.status in ("optimal", "time_limit")
    assert plan.weeks["uncovered_hours"].max() <= 1e-6
    assert isinstance(plan.gap, float) and plan.gap >= 0
    assert plan.status == "time_limit" or plan.gap == 0


def test_flex_value_counts_an_extra_hour_net_of_pause_only():
    """Notebook 11: a peak covered by extra hours needs only the pause on top, not the week's shrinkage.
    Shrinkage 32 %, pause 5.9 %: one extra hour covers 0.941 / 0.68 = 1.3838 paid requirement hours. A short of
    108 paid hours then takes 108 / 1.3838 = 78.05 flex hours; with a pool of 50 the rest, 108 - 50 x 1.3838 =
    38.81 hours, is uncovered (overtime share 0)."""
    value = hiring.flex_hour_value(0.32, pause=0.059)
    assert value == pytest.approx(0.941 / 0.68)
    per_week = hiring.flex_hour_value(pd.Series([0.3, 0.38], index=["a", "b"]))
    assert per_week.index.tolist() == ["a", "b"] and per_week.iloc[1] == pytest.approx(0.941 / 0.62)
    supply = pd.DataFrame({"productive_fte": [7.0, 12.0]})
    big = hiring.fill_gaps([10.0, 10.0], supply, hiring.Costs(), max_flex_hours=500, max_overtime_share=0.0,
                           flex_value=value)
    assert big["flex_hours"].tolist() == pytest.approx([108 / value, 0])
    assert big["uncovered_hours"].tolist() == pytest.approx([0, 0], abs=1e-9)
    small = hiring.fill_gaps([10.0, 10.0], supply, hiring.Costs(), max_flex_hours=50, max_overtime_share=0.0,
                             flex_value=value)
    assert small["uncovered_hours"].tolist() == pytest.approx([108 - 50 * value, 0])
    # the plan and the feasibility check use the same coverage: 50 flex hours are too few without, enough with
    policy = hiring.Policy(turnover=0.0, new_hire_turnover=0.0)
    need = [10.0, 10.0 + 60 / 36]       # week 2 short 60 paid hours
    assert len(hiring.uncoverable_weeks(need, 10 / 0.85, policy, max_flex_hours=50, max_overtime_share=0.0)) == 1
    assert hiring.uncoverable_weeks(need, 10 / 0.85, policy, max_flex_hours=50, max_overtime_share=0.0,
                                    flex_value=value).empty
    plan = hiring.plan_hiring(need, 10 / 0.85, policy, hiring.Costs(), max_flex_hours=50, max_overtime_share=0.0,
                              flex_value=value)
    assert plan.weeks["flex_hours"].tolist() == pytest.approx([0, 60 / value], abs=1e-6)
    assert plan.weeks["uncovered_hours"].max() == pytest.approx(0, abs=1e-6)
