"""wfmcourse.domain.improvement: Pareto, avoidable-contact savings, impact-effort quadrants, self-assessment."""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wfmcourse.course.exercises import kerncontact as nb07
from wfmcourse.domain import erlang, shrinkage
from wfmcourse.domain import improvement as kc
from wfmcourse.presentation.dutch import LABELS


# ---------------------------------------------------------------------------
# pareto
# ---------------------------------------------------------------------------
def test_pareto_from_counts_sorts_and_marks_vital_few():
    table = kc.pareto(["a", "b", "c", "d"], [10, 50, 30, 10])
    assert list(table.index) == ["b", "c", "a", "d"]
    assert table["contacts"].tolist() == [50, 30, 10, 10]
    np.testing.assert_allclose(table["contact_share"], [0.5, 0.3, 0.1, 0.1])
    np.testing.assert_allclose(table["cumulative_share"], [0.5, 0.8, 0.9, 1.0])
    assert table["vital_few"].tolist() == [True, True, False, False]   # 80 % reached exactly at c
    assert table.index.name == "contact_reason"


def test_pareto_from_labels_and_from_value_counts_agree():
    labels = ["x"] * 5 + ["y"] * 3 + ["z"] * 2
    by_label = kc.pareto(labels)
    by_series = kc.pareto(pd.Series(labels).value_counts())
    pd.testing.assert_frame_equal(by_label, by_series, check_dtype=False)
    assert by_label["contacts"].tolist() == [5, 3, 2]


def test_pareto_adds_repeated_labels_and_breaks_ties_by_label():
    table = kc.pareto(["b", "a", "b"], [1, 2, 1])
    assert list(table.index) == ["a", "b"] and table["contacts"].tolist() == [2, 2]


@given(st.lists(st.integers(0, 1000), min_size=1, max_size=30).filter(lambda xs: sum(xs) > 0),
       st.floats(0.05, 1.0))
def test_pareto_properties(counts, cutoff):
    table = kc.pareto([f"r{i}" for i in range(len(counts))], counts, cutoff=cutoff)
    assert table["contact_share"].sum() == pytest.approx(1.0)
    assert table["cumulative_share"].iloc[-1] == 1.0
    assert (np.diff(table["cumulative_share"]) >= 0).all()
    assert (np.diff(table["contacts"]) <= 0).all()
    vital = table["vital_few"].to_numpy()
    k = vital.sum()
    assert k >= 1 and vital[:k].all() and not vital[k:].any()       # a prefix
    assert table["cumulative_share"].iloc[k - 1] >= cutoff - 1e-9           # reaches the cutoff
    if k > 1:
        assert table["cumulative_share"].iloc[k - 2] < cutoff               # and is the smallest such


@pytest.mark.parametrize("kwargs, fragment", [
    (dict(reasons=["a"], counts=[-1]), "counts must be >= 0, got -1"),
    (dict(reasons=["a", "b"], counts=[0, 0]), "counts must add up"),
    (dict(reasons=["a", "b"], counts=[1]), "one number per reason"),
    (dict(reasons=[], counts=[]), "reasons must not be empty"),
    (dict(reasons=["a"], counts=[1], cutoff=1.5), "cutoff must be <= 1, got 1.5"),
    (dict(reasons=["a", None]), "missing labels"),
])
def test_pareto_bad_input(kwargs, fragment):
    with pytest.raises(ValueError, match=fragment):
        kc.pareto(**kwargs)


def test_pareto_refuses_text_as_reasons():
    with pytest.raises(TypeError, match="reasons must be a sequence of labels, got 'abc'"):
        kc.pareto("abc")


def test_example_reasons_and_avoidable_share():
    ex = nb07.example_reasons()
    assert ex["contacts"].sum() == 8600 and ex.loc[ex["avoidable"], "contacts"].sum() == 3700
    assert kc.avoidable_share(ex["contacts"], ex["avoidable"]) == pytest.approx(3700 / 8600)
    # an address change is value demand (it may move to selfservice: a channel question), not failure demand
    assert not ex.set_index("reason").loc["Adres of gegevens wijzigen", "avoidable"]
    assert kc.avoidable_share([100, 300], [1.0, 0.5]) == pytest.approx(250 / 400)
    with pytest.raises(ValueError, match="avoidable must be <= 1, got 2"):
        kc.avoidable_share([1, 2], [0, 2])
    with pytest.raises(ValueError, match="counts must add up"):
        kc.avoidable_share([0, 0], [0, 1])


# ---------------------------------------------------------------------------
# avoidable_savings
# ---------------------------------------------------------------------------
WEEK = 60 + 40 * np.sin(np.linspace(0, 6 * np.pi, 200)) ** 2


def test_savings_zero_at_no_reduction():
    row = kc.avoidable_savings(WEEK, 0.3, 0.0, 300).iloc[0]
    assert row.drop("reduction").abs().max() == 0


def test_savings_match_erlang_and_shrinkage_by_hand():
    volume, share, red, aht = np.array([100.0, 40.0]), 0.25, 0.5, 240
    out = kc.avoidable_savings(volume, share, red, aht, shrinkage=0.3, contract_hours=36).iloc[0]
    before = erlang.agents_needed(erlang.traffic(volume, aht), aht, 20, 0.8)
    after = erlang.agents_needed(erlang.traffic(volume * (1 - share * red), aht), aht, 20, 0.8)
    net = (before - after).sum() * 900 / 3600
    assert out["contacts_avoided"] == pytest.approx(140 * 0.125)
    assert out["workload_hours_saved"] == pytest.approx(140 * 0.125 * 240 / 3600)
    assert out["net_hours_saved"] == pytest.approx(net)
    assert out["gross_hours_saved"] == pytest.approx(shrinkage.gross_up(net, 0.3))
    assert out["fte_saved"] == pytest.approx(shrinkage.gross_up(net, 0.3) / 36)
    assert out["peak_agents_saved"] == before.max() - after.max()


def test_savings_one_row_per_reduction_and_per_interval_share():
    out = kc.avoidable_savings(pd.Series(WEEK), np.full(len(WEEK), 0.3), [0.2, 0.5], 300)
    assert out["reduction"].tolist() == [0.2, 0.5] and len(out) == 2
    scalar = kc.avoidable_savings(WEEK, 0.3, [0.2, 0.5], 300)
    pd.testing.assert_frame_equal(out, scalar)


@given(st.lists(st.floats(0, 1), min_size=2, max_size=6), st.floats(0, 1),
       st.floats(30, 900))
def test_savings_monotone_in_reduction(reductions, share, aht):
    reductions = sorted(reductions)
    out = kc.avoidable_savings(WEEK[:24], share, reductions, aht)
    for column in out.columns:
        assert (np.diff(out[column]) >= -1e-9).all(), column


def test_agents_saved_are_a_smaller_share_than_contacts_removed():
    """Scale effect: removing 20 % of the work saves less than 20 % of the agents."""
    out = kc.avoidable_savings(WEEK, 1.0, 0.2, 300).iloc[0]
    total_net = erlang.agents_needed(erlang.traffic(WEEK, 300), 300, 20, 0.8).sum() * 0.25
    assert out["net_hours_saved"] / total_net < 0.2


@pytest.mark.parametrize("kwargs, fragment", [
    (dict(volume=-1), "volume must be >= 0, got -1"),
    (dict(avoidable_share=1.2), "avoidable_share must be <= 1, got 1.2"),
    (dict(reduction=-0.1), "reduction must be >= 0, got -0.1"),
    (dict(aht=0), "aht must be > 0, got 0"),
    (dict(shrinkage=1.0), "shrinkage must be < 1, got 1"),
    (dict(contract_hours=0), "contract_hours must be > 0, got 0"),
    (dict(target=1.0), "target must be < 1"),
    (dict(volume=[1, 2, 3], avoidable_share=[0.1, 0.2]),
     r"avoidable_share must have a shape that broadcasts.*volume \(3,\), avoidable_share \(2,\)"),
    (dict(volume=[[1, 2]]), "volume must be a number or a one-dimensional sequence"),
])
def test_savings_bad_input(kwargs, fragment):
    args = dict(volume=100, avoidable_share=0.3, reduction=0.2, aht=300) | kwargs
    with pytest.raises(ValueError, match=fragment):
        kc.avoidable_savings(**args)


# ---------------------------------------------------------------------------
# reason_savings: every contact reason with its own AHT
# ---------------------------------------------------------------------------
def _erlang_c_agents(traffic, aht, awt=20.0, target=0.8):
    """Fewest agents for the target, written out with the Erlang B recursion (no package code)."""
    if traffic <= 0:
        return 0
    n = int(math.floor(traffic)) + 1
    while True:
        b = 1.0
        for k in range(1, n + 1):
            b = traffic * b / (k + traffic * b)
        c = n * b / (n - traffic * (1 - b))
        if 1 - c * math.exp(-(n - traffic) * awt / aht) >= target:
            return n
        n += 1


def test_reason_savings_equal_a_contact_by_contact_recount():
    """The example week, recounted per reason and per interval with an independent Erlang C."""
    reasons = nb07.example_reasons()
    hourly = [100, 210, 240, 220, 170, 190, 210, 180, 130, 70] * 5
    total = reasons["contacts"].sum()
    out = kc.reason_savings(reasons["contacts"], reasons["aht"], reasons["avoidable"], hourly,
                            [0.2, 0.5], interval=3600, shrinkage=0.3, contract_hours=36)
    for row, r in zip(out.itertuples(index=False), (0.2, 0.5)):
        net_hours = removed = removed_work = 0.0
        for v in hourly:
            contacts_before = contacts_after = work_before = work_after = 0.0
            for n, aht, avoidable in reasons[["contacts", "aht", "avoidable"]].itertuples(index=False):
                here = v * n / total
                gone = here * r if avoidable else 0.0
                contacts_before += here
                work_before += here * aht
                contacts_after += here - gone
                work_after += (here - gone) * aht
                removed += gone
                removed_work += gone * aht
            net_hours += (_erlang_c_agents(work_before / 3600, work_before / contacts_before)
                          - _erlang_c_agents(work_after / 3600, work_after / contacts_after))
        assert row[1] == pytest.approx(removed)
        assert row[2] == pytest.approx(removed_work / 3600)
        assert row[3] == pytest.approx(net_hours)
        assert row[4] == pytest.approx(net_hours / 0.7)
        assert row[5] == pytest.approx(net_hours / 0.7 / 36)


def test_reason_savings_count_the_removed_reasons_own_aht():
    """The avoidable reasons are shorter (242 s against a mix of 268 s): the mix AHT overstates."""
    reasons = nb07.example_reasons()
    hourly = np.tile([100, 210, 240, 220, 170, 190, 210, 180, 130, 70], 5)
    own = kc.reason_savings(reasons["contacts"], reasons["aht"], reasons["avoidable"], hourly,
                            0.2, interval=3600).iloc[0]
    mix = kc.avoidable_savings(hourly, kc.avoidable_share(reasons["contacts"], reasons["avoidable"]),
                               0.2, kc.remaining_aht(reasons["contacts"], reasons["aht"]),
                               interval=3600).iloc[0]
    avoidable = reasons[reasons["avoidable"]]
    assert own["workload_hours_saved"] == pytest.approx(
        0.2 * (avoidable["contacts"] * avoidable["aht"]).sum() / 3600)
    assert own["contacts_avoided"] == mix["contacts_avoided"]
    assert own["fte_saved"] < 0.95 * mix["fte_saved"]
    assert own["workload_hours_saved"] < 0.95 * mix["workload_hours_saved"]


@given(st.lists(st.integers(0, 500), min_size=1, max_size=5).filter(lambda xs: sum(xs) > 0),
       st.lists(st.floats(0, 1), min_size=5, max_size=5), st.floats(30, 900),
       st.lists(st.floats(0, 1), min_size=1, max_size=3))
def test_reason_savings_with_one_aht_equal_avoidable_savings(counts, flags, aht, reductions):
    flags = flags[:len(counts)]
    share = kc.avoidable_share(counts, flags)
    by_reason = kc.reason_savings(counts, aht, flags, WEEK[:24], reductions)
    by_share = kc.avoidable_savings(WEEK[:24], share, reductions, aht)
    pd.testing.assert_frame_equal(by_reason, by_share, rtol=1e-9)


def test_reason_savings_everything_removed_needs_nobody():
    out = kc.reason_savings([10, 20], [120, 300], [1, 1], [5.0, 8.0], 1.0).iloc[0]
    before = erlang.agents_needed(erlang.traffic(np.array([5.0, 8.0]), 240), 240, 20, 0.8)
    assert out["net_hours_saved"] == pytest.approx(before.sum() * 0.25)


@pytest.mark.parametrize("kwargs, fragment", [
    (dict(counts=[1, 2], aht=[100, 200, 300]), "aht must have a shape that broadcasts"),
    (dict(counts=[0, 0]), "counts must be one number per reason adding up to more than 0"),
    (dict(aht=[0, 100]), "aht must be > 0, got"),
    (dict(avoidable=[0.5, 1.5]), "avoidable must be <= 1"),
    (dict(volume=-1), "volume must be >= 0, got -1"),
    (dict(reduction=1.1), "reduction must be <= 1"),
])
def test_reason_savings_bad_input(kwargs, fragment):
    args = dict(counts=[10, 20], aht=[120, 300], avoidable=[1, 0], volume=[50, 60],
                reduction=0.2) | kwargs
    with pytest.raises(ValueError, match=fragment):
        kc.reason_savings(**args)


# ---------------------------------------------------------------------------
# remaining_aht
# ---------------------------------------------------------------------------
def test_remaining_aht_rises_when_short_contacts_go():
    assert kc.remaining_aht([100, 100], [120, 480]) == pytest.approx(300)
    assert kc.remaining_aht([100, 100], [120, 480], [0.5, 0]) == pytest.approx(
        (50 * 120 + 100 * 480) / 150)
    with pytest.raises(ValueError, match="no contacts are left"):
        kc.remaining_aht([10], [100], 1.0)
    with pytest.raises(ValueError, match="removed must be <= 1, got 2"):
        kc.remaining_aht([10], [100], 2)
    # a flag per reason removes all of its contacts: only the avoidable reasons stay
    assert kc.remaining_aht([100, 100, 50], [120, 480, 300], [True, False, True]) == 480


# ---------------------------------------------------------------------------
# impact-effort
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("impact, effort, threshold, expected", [
    (5, 1, 3, "do_now"),
    (5, 5, 3, "plan_project"),
    (1, 1, 3, "later_list"),
    (1, 5, 3, "do_not"),
    (3, 2, 3, "do_now"),        # threshold inclusive for impact
    (3, 3, 3, "plan_project"),        # ... and for effort
    (2, 3, 3, "do_not"),
    (2.9, 2.9, 3, "later_list"),
    (4, 4, 4.5, "later_list"),
    (5, 1, 5, "do_now"),
])
def test_quadrant_table(impact, effort, threshold, expected):
    assert kc.impact_effort_quadrant(impact, effort, threshold) == expected


@given(st.lists(st.tuples(st.floats(1, 5), st.floats(1, 5)), min_size=1, max_size=20),
       st.floats(1.01, 5))
def test_quadrant_vectorised_equals_elementwise(pairs, threshold):
    imp, eff = np.array(pairs).T
    labels = kc.impact_effort_quadrant(imp, eff, threshold)
    assert list(labels) == [kc.impact_effort_quadrant(float(i), float(e), threshold)
                            for i, e in zip(imp, eff)]
    for lab, i, e in zip(labels, imp, eff):
        assert (lab in ("do_now", "plan_project")) == (i >= threshold)
        assert (lab in ("plan_project", "do_not")) == (e >= threshold)


def test_quadrant_series_keeps_index():
    out = kc.impact_effort_quadrant(pd.Series([5, 1], index=["p", "q"]), 2)
    assert isinstance(out, pd.Series) and list(out.index) == ["p", "q"]
    assert out.tolist() == ["do_now", "later_list"]


@pytest.mark.parametrize("args, fragment", [
    ((0, 3), "impact must be >= 1, got 0"),
    ((3, 6), "effort must be <= 5, got 6"),
    ((3, float("nan")), "effort must be a finite number"),
    ((3, 3, 1), "threshold must be > 1, got 1"),
    (([1, 2], [1, 2, 3]), r"impact \(2,\), effort \(3,\)"),
    ((3, 3, [2, 3]), "threshold must be a single number"),
])
def test_quadrant_bad_input(args, fragment):
    with pytest.raises(ValueError, match=fragment):
        kc.impact_effort_quadrant(*args)


FINDINGS = pd.DataFrame({
    "finding": ["brief", "kennisbank", "id-check", "ivr-tekst", "systeem"],
    "impact": [5, 4, 1, 2, 5],
    "effort": [1, 4, 5, 1, 5],
})


def test_prioritise_orders_by_quadrant_then_impact_then_effort():
    out = kc.prioritise(FINDINGS)
    assert out["finding"].tolist() == ["brief", "systeem", "kennisbank", "ivr-tekst", "id-check"]
    assert out["quadrant"].tolist() == ["do_now", "plan_project", "plan_project", "later_list", "do_not"]
    with pytest.raises(ValueError, match="missing \\['effort'\\]"):
        kc.prioritise(FINDINGS.drop(columns="effort"))


# ---------------------------------------------------------------------------
# self-assessment
# ---------------------------------------------------------------------------
def test_self_assessment_strongest_and_weakest():
    answers = dict.fromkeys(nb07.STARTING_POINTS, 3) | {"autonomie": 5, "werkplek": 1,
                                                      "voelsprieten": 1}
    result = kc.self_assessment(answers, nb07.STARTING_POINTS)
    assert result.strongest == ("autonomie",)
    assert result.weakest == ("werkplek", "voelsprieten")
    assert result.average == pytest.approx((3 * 6 + 5 + 1 + 1) / 9)
    assert list(result.table.index[:2]) == ["werkplek", "voelsprieten"]
    assert result.table.index[-1] == "autonomie"


@pytest.mark.parametrize("change, fragment", [
    ({"autonomie": 6}, "answers\\['autonomie'\\] must be <= 5, got 6"),
    ({"autonomie": 2.5}, "must be a whole number, got 2.5"),
    ({"onbekend": 3}, "unknown starting point 'onbekend'"),
])
def test_self_assessment_bad_input(change, fragment):
    with pytest.raises(ValueError, match=fragment):
        kc.self_assessment(dict.fromkeys(nb07.STARTING_POINTS, 3) | change, nb07.STARTING_POINTS)


def test_self_assessment_table_and_statements():
    statements = {"a": "eerste", "b": "tweede"}
    result = kc.self_assessment({"a": 4, "b": 2}, statements)
    assert list(result.table.index) == ["b", "a"] and result.table.index.name == "starting_point"
    assert result.table["statement"].tolist() == ["tweede", "eerste"]
    assert result.table["score"].tolist() == [2, 4]
    with pytest.raises(TypeError, match="statements"):
        kc.self_assessment({"a": 4}, ["a"])
    with pytest.raises(TypeError, match="statements"):
        kc.self_assessment({}, {})


def test_improvement_names_have_dutch_labels():
    assert [LABELS[q] for q in kc.QUADRANTS] == ["nu doen", "plannen", "later-lijst", "niet doen"]
    assert set(nb07.QUADRANT_ADVICE) == set(kc.QUADRANTS)
    table = kc.pareto(["a", "b"], [2, 1])
    assert [LABELS[c] for c in table.columns] == ["aantal", "aandeel", "cumulatief", "topreden"]
    assert LABELS[table.index.name] == "contactreden"
    savings = kc.avoidable_savings([100.0], 0.3, 0.5, 300)
    assert [LABELS[c] for c in savings.columns] == [
        "reductie", "contacten minder", "werklast minder (uur)", "netto uren minder", "bruto uren minder",
        "FTE minder", "piek minder"]


def test_self_assessment_missing_key():
    answers = dict.fromkeys(nb07.STARTING_POINTS, 3)
    answers.pop("werkplek")
    with pytest.raises(ValueError, match="missing the starting point 'werkplek'"):
        kc.self_assessment(answers, nb07.STARTING_POINTS)


def test_a_complaint_is_avoidable_contact_everywhere():
    """Notebook 07, data/README.md and the glossary (Seddon) count a complaint as failure demand."""
    ex = nb07.example_reasons().set_index("reason")
    assert ex.loc["Klacht over levering", "avoidable"]
    from wfmcourse.data import datasets
    contacts = datasets.load_contacts()
    assert contacts.loc[contacts["reason"] == "klacht", "avoidable"].all()
