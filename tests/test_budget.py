"""Validation of wfmcourse.domain.budget: hand-computed budgets, the service-level/cost curve against Erlang C by
hand, turnover in euros against a long week-by-week projection, and property tests."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.domain import budget, hiring
from wfmcourse.validation import ParameterTypeError, ParameterValueError

# the hand calculations below were written for these euros (the package defaults changed since)
HAND_COSTS = hiring.Costs(fte_hour_cost=32.0, overtime_hour_cost=42.0, flex_hour_cost=48.0, hire_cost=4000.0,
                          class_cost=3000.0)


def _one_hour_profile():
    """All of a week's calls in one hour: the week's staffing is that hour's."""
    share = np.zeros(168)
    share[9] = 1.0
    return pd.Series(share, index=pd.TimedeltaIndex(np.arange(168) * pd.Timedelta(hours=1)))


def test_cost_per_contact_by_hand():
    """2,600,000 euro for 480,000 contacts: 5.4167 euro a contact."""
    assert budget.cost_per_contact(2_600_000, 480_000) == pytest.approx(5.416667, rel=1e-6)
    np.testing.assert_allclose(budget.cost_per_contact([100.0, 300.0], [50.0, 100.0]), [2.0, 3.0])
    with pytest.raises(ParameterValueError, match="contacts"):
        budget.cost_per_contact(100.0, 0)


def test_year_budget_by_hand():
    """Two weeks, 10 people of 1 FTE at 30 euro x 36 h = 1080 euro a week each: salaries 20 x 1080 = 21,600;
    2 hires x 4000 = 8000; one class 1000; 5 flex hours x 48 = 240; 3 overtime hours x 42 = 126. Total 30,966
    euro for 1000 + 2000 contacts: 10.322 euro a contact."""
    weeks = pd.DataFrame({"headcount": [10.0, 10.0], "hires": [2.0, 0.0], "classes": [1.0, 0.0],
                          "flex_hours": [5.0, 0.0], "overtime_hours": [0.0, 3.0]})
    costs = hiring.Costs(fte_hour_cost=30.0, overtime_hour_cost=42.0, flex_hour_cost=48.0, hire_cost=4000.0,
                         class_cost=1000.0)
    policy = hiring.Policy(fte_per_person=1.0, hours_per_fte=36.0)
    out = budget.year_budget(weeks, costs, policy, [1000.0, 2000.0])
    assert out[["salaries", "hiring", "training_classes", "flex", "overtime"]].tolist() == [21600, 8000, 1000, 240, 126]
    assert out["total"] == pytest.approx(30_966)
    assert out["cost_per_contact"] == pytest.approx(10.322)
    assert out["weeks"] == 2 and out["mean_headcount"] == 10
    # without flex and overtime columns (a project_supply frame) they cost nothing
    plain = budget.year_budget(weeks.drop(columns=["flex_hours", "overtime_hours"]), costs, policy, 3000.0)
    assert plain["total"] == pytest.approx(30_600)


def test_service_level_curve_by_hand():
    """One week of 100 calls of 180 s, all in one hour (5 Erlang). Erlang C needs 8 agents for 80 % in 20 s
    (SL(7) = 0.7404, SL(8) = 0.8801, see test_hiring) and 9 for 90 % (SL(9) = 0.9484): 8 and 9 net hours,
    / (1 - 0.3) / 36 FTE. A year is 52 such weeks: 8 / 0.7 x 52 = 594.29 paid hours, x 32 euro = 19,017 euro;
    9 agents: 668.57 hours, 21,394 euro. At 80 % one point more (81 %) still needs 8 agents: it costs 0; at
    88 % one point more (89 %) needs 9: 21,394 - 19,017 = 2,377 euro."""
    forecast = pd.DataFrame({"calls": [100.0], "aht": [180.0]})
    curve = budget.service_level_curve(forecast, 0.3, _one_hour_profile(), HAND_COSTS, [0.8, 0.88, 0.9])
    assert curve["year_hours"].tolist() == pytest.approx([8 / 0.7 * 52, 8 / 0.7 * 52, 9 / 0.7 * 52])
    assert curve["year_cost"].tolist() == pytest.approx([8 / 0.7 * 52 * 32, 8 / 0.7 * 52 * 32, 9 / 0.7 * 52 * 32])
    assert curve["next_point_cost"].tolist() == pytest.approx([0.0, 1 / 0.7 * 52 * 32, 0.0])
    assert curve["mean_fte"].iloc[0] == pytest.approx(8 / 0.7 / 36)
    assert curve.index.name == "target"


def test_asa_curve_by_hand():
    """5 Erlang, AHT 180 s: ASA = P(wait) x 180 / (n - 5). n = 7: 0.32415 x 90 = 29.17 s; n = 8: 0.16727 x 60
    = 10.04 s; n = 9: P(wait) = A^9/9! x 9/4 / (sum_{k<9} + that) = 0.08051, x 45 = 3.62 s. ASA at most 30 s
    needs 7 agents, 11 s needs 8, 10 s needs 9 (10.04 > 10)."""
    forecast = pd.DataFrame({"calls": [100.0], "aht": [180.0]})
    curve = budget.asa_curve(forecast, 0.3, _one_hour_profile(), HAND_COSTS, [30.0, 11.0, 10.0])
    assert curve["year_hours"].tolist() == pytest.approx([7 / 0.7 * 52, 8 / 0.7 * 52, 9 / 0.7 * 52])
    # one second less: 29 s needs 8 (29.17 > 29), 10 s needs 9, 9 s still 9
    assert curve["second_less_cost"].tolist() == pytest.approx([1 / 0.7 * 52 * 32, 1 / 0.7 * 52 * 32, 0.0])


@settings(max_examples=25)
@given(calls=st.lists(st.floats(0, 4000), min_size=1, max_size=3), aht=st.floats(60, 600), s=st.floats(0, 0.5),
       targets=st.lists(st.floats(0.05, 0.97), min_size=2, max_size=4))
def test_cost_never_falls_as_the_target_rises(calls, aht, s, targets):
    profile = pd.Series(np.r_[np.full(20, 1.0), np.zeros(148)],
                        index=pd.TimedeltaIndex(np.arange(168) * pd.Timedelta(hours=1)))
    forecast = pd.DataFrame({"calls": calls, "aht": aht})
    curve = budget.service_level_curve(forecast, s, profile, HAND_COSTS, sorted(targets))
    assert (np.diff(curve["year_cost"]) >= -1e-9).all()
    assert (curve["next_point_cost"] >= 0).all()


@settings(max_examples=20)
@given(calls=st.floats(1, 4000), aht=st.floats(60, 600), limits=st.lists(st.floats(2, 300), min_size=2, max_size=4))
def test_cost_never_falls_as_the_asa_limit_tightens(calls, aht, limits):
    profile = pd.Series(np.r_[np.full(20, 1.0), np.zeros(148)],
                        index=pd.TimedeltaIndex(np.arange(168) * pd.Timedelta(hours=1)))
    forecast = pd.DataFrame({"calls": [calls], "aht": [aht]})
    curve = budget.asa_curve(forecast, 0.3, profile, HAND_COSTS, sorted(limits))
    assert (np.diff(curve["year_cost"]) <= 1e-9).all()
    assert (curve["second_less_cost"] >= 0).all()


# ---------------------------------------------------------------------------
# turnover in euros
# ---------------------------------------------------------------------------
def test_turnover_cost_by_hand():
    """One rate for everybody, q = weekly_rate(2 % a month) = 1 - exp(ln 0.98 x 12/52) = 1 - exp(-0.0046622) =
    0.0046513; expected tenure E = 1/q = 214.99 weeks (annual turnover 52/E = 24.19 %). Two training weeks,
    then one week at 50 %: L = S(0) + S(1) + 0.5 S(2) = 1 + 0.99535 + 0.5 x 0.99072 = 2.4907 weeks of pay
    without output per hire. 40 productive FTE at 1 FTE a person: H = 40 / (214.99 - 2.49) = 0.18823 hires a
    week, 9.788 a year; headcount H E = 40.469. Hiring 9.788 x 4000 = 39,153 euro; learning 9.788 x 2.4907 x
    1152 (32 euro x 36 h) = 28,085 euro."""
    policy = hiring.Policy(turnover=0.02, new_hire_turnover=0.02, training_weeks=2, learning_curve=(0.5,),
                           fte_per_person=1.0, hours_per_fte=36.0)
    out = budget.turnover_cost(40, policy, HAND_COSTS)
    q = 1 - 0.98 ** (12 / 52)
    tenure, lost = 1 / q, 1 + (1 - q) + 0.5 * (1 - q) ** 2
    assert q == pytest.approx(0.0046513, abs=1e-7) and tenure == pytest.approx(214.99, abs=0.01)
    assert out["expected_tenure_weeks"] == pytest.approx(tenure, rel=1e-9)
    assert out["lost_weeks_per_hire"] == pytest.approx(lost, rel=1e-12)
    per_week = 40 / (tenure - lost)
    assert out["hires_per_year"] == pytest.approx(52 * per_week) == pytest.approx(9.788, abs=1e-3)
    assert out["headcount"] == pytest.approx(per_week * tenure) == pytest.approx(40.469, abs=1e-3)
    assert out["annual_turnover"] == pytest.approx(52 / tenure)
    assert out["hiring"] == pytest.approx(52 * per_week * 4000) == pytest.approx(39_152.5, abs=0.1)
    assert out["learning_cost"] == pytest.approx(52 * per_week * lost * 1152) == pytest.approx(28_085.0, abs=0.1)
    assert out["turnover_cost"] == pytest.approx(out["hiring"] + out["learning_cost"])
    assert out["salaries"] == pytest.approx(52 * out["headcount"] * 1152)
    assert out["total"] == pytest.approx(out["salaries"] + out["hiring"])


def test_turnover_cost_is_the_long_run_of_a_weekly_class():
    """Hire one person every week for 3,000 weeks with project_supply: the headcount and productive FTE
    settle at ``E`` and ``E - L`` per weekly hire, as turnover_cost's closed form says."""
    policy = hiring.Policy(turnover=0.03, new_hire_turnover=0.08, new_hire_months=6, recruitment_weeks=0,
                           training_weeks=3, learning_curve=(0.4, 0.7, 0.9), min_class=1, fte_per_person=0.8)
    weeks = 3000
    supply = hiring.project_supply([(t, 1) for t in range(weeks)], 0, policy, weeks)
    steady = budget.turnover_cost(10.0, policy, HAND_COSTS)
    per_week = steady["hires_per_year"] / 52
    assert supply["headcount"].iloc[-1] * per_week == pytest.approx(steady["headcount"], rel=1e-6)
    assert supply["productive_fte"].iloc[-1] * per_week == pytest.approx(10.0, rel=1e-6)
    assert supply["leavers"].iloc[-1] == pytest.approx(1.0, rel=1e-6)        # in a steady state leavers = hires


def test_no_turnover_costs_nothing():
    policy = hiring.Policy(turnover=0.0, new_hire_turnover=0.0, fte_per_person=0.8)
    out = budget.turnover_cost(40, policy, HAND_COSTS)
    assert out["hires_per_year"] == 0 and out["turnover_cost"] == 0 and out["annual_turnover"] == 0
    assert out["headcount"] == pytest.approx(50)


monthly = st.floats(0.001, 0.2)


@settings(max_examples=60)
@given(old=monthly, new=monthly, more_old=st.floats(0, 0.2), more_new=st.floats(0, 0.2),
       curve=st.lists(st.floats(0.05, 1), max_size=4).map(lambda xs: tuple(sorted(xs))),
       training=st.integers(0, 6))
def test_more_turnover_never_lowers_hires_or_their_cost(old, new, more_old, more_new, curve, training):
    """Both rates up (a learning curve that only rises): never fewer hires, never a lower turnover cost."""
    def policy(a, b):
        return hiring.Policy(turnover=a, new_hire_turnover=b, training_weeks=training, learning_curve=curve)
    low = budget.turnover_cost(40, policy(old, new), HAND_COSTS)
    high = budget.turnover_cost(40, policy(min(old + more_old, 0.99), min(new + more_new, 0.99)), HAND_COSTS)
    assert high["hires_per_year"] >= low["hires_per_year"] * (1 - 1e-12)
    assert high["turnover_cost"] >= low["turnover_cost"] * (1 - 1e-12)
    assert high["headcount"] >= low["headcount"] * (1 - 1e-12)


def test_turnover_comparison_of_the_recruitment_article():
    """Cheap hires who leave fast (8 % a month in the first half year, 3 % after) beside better-matched hires
    who cost more to select (6000 euro) but stay (2 %, then 1 %): the second costs less a year in all."""
    scenarios = {
        "snel verloop": (hiring.Policy(turnover=0.03, new_hire_turnover=0.08), hiring.Costs(hire_cost=4000.0)),
        "beter passend": (hiring.Policy(turnover=0.01, new_hire_turnover=0.02), hiring.Costs(hire_cost=6000.0)),
    }
    table = budget.turnover_comparison(40, scenarios)
    assert list(table.index) == ["snel verloop", "beter passend"] and table.index.name == "scenario"
    for name, (policy, costs) in scenarios.items():
        pd.testing.assert_series_equal(table.loc[name], budget.turnover_cost(40, policy, costs), check_names=False)
    fast, matched = table.loc["snel verloop"], table.loc["beter passend"]
    assert fast["hires_per_year"] > 2 * matched["hires_per_year"]
    assert fast["turnover_cost"] > matched["turnover_cost"]
    assert fast["total"] > matched["total"]


def test_turnover_comparison_refuses_other_scenarios():
    with pytest.raises(ParameterTypeError, match="scenarios"):
        budget.turnover_comparison(40, {"a": (hiring.Policy(),)})
    with pytest.raises(ParameterValueError, match="scenarios"):
        budget.turnover_comparison(40, {})


def test_curves_with_patience_are_erlang_a():
    """With ``patience`` the curves use Erlang A: the same hours as required_fte with that patience, and fewer
    than Erlang C (impatient callers hang up, so fewer agents reach the target)."""
    forecast = pd.DataFrame({"calls": [400.0], "aht": [300.0]})
    a = budget.service_level_curve(forecast, 0.3, _one_hour_profile(), HAND_COSTS, [0.85], patience=180)
    c = budget.service_level_curve(forecast, 0.3, _one_hour_profile(), HAND_COSTS, [0.85])
    direct = hiring.required_fte(forecast, 0.3, _one_hour_profile(), target=0.85, patience=180)
    assert a["year_hours"].iloc[0] == pytest.approx(direct["required_hours"].sum() * 52)
    assert a["year_hours"].iloc[0] <= c["year_hours"].iloc[0]
    asa_a = budget.asa_curve(forecast, 0.3, _one_hour_profile(), HAND_COSTS, [20.0], patience=180)
    asa_c = budget.asa_curve(forecast, 0.3, _one_hour_profile(), HAND_COSTS, [20.0])
    assert asa_a["year_hours"].iloc[0] <= asa_c["year_hours"].iloc[0]
