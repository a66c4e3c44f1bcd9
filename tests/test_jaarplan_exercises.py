"""The exercises of notebook 07_jaarplan accept what a careful learner types and explain typical mistakes.

Each expected value is recomputed another way (plain arithmetic, a simulation, a plain-pandas sum), fed in the forms
a learner uses, next to every anticipated mistake; the judgement exercise gives a reason for every wrong option; the
question cells show what the checker expects and no earlier output gives an answer away.
"""
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

from wfmcourse.course.exercises import Exercise
from wfmcourse.course.exercises import jaarplan as oefeningen
from wfmcourse.domain import hiring
from wfmcourse.presentation import dutch

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "07_jaarplan.ipynb"
EXERCISES = {name: value for name, value in vars(oefeningen).items() if isinstance(value, Exercise)}


def _cells():
    return nbformat.read(NOTEBOOK, as_version=4).cells


def _question(number):
    """The markdown of '### Opdracht N' and the code cell that checks it, with their positions."""
    cells = _cells()
    start = next(i for i, c in enumerate(cells)
                 if c.cell_type == "markdown" and re.search(rf"^###\s+Opdracht {number}\b", c.source, re.M))
    check = next(i for i, c in enumerate(cells) if c.cell_type == "code" and f"opdracht_{number}.check(" in c.source)
    return cells, start, check


# ----------------------------------------------------------------------------------------------- expected values
def test_opdracht_1_share_above_an_80_percent_band_by_simulation():
    """Draw errors, put the band at their 10th and 90th percentile: about 10 % of new draws lie above it."""
    rng = np.random.default_rng(3)
    past, future = rng.normal(size=200_000), rng.normal(size=200_000)
    high = np.quantile(past, 0.9)
    assert (future > high).mean() == pytest.approx(oefeningen.opdracht_1.expected_value(), abs=0.005)


def test_opdracht_2_class_survival_month_by_month_and_by_the_cohort():
    people = 12.0
    for _month in range(6):
        people -= 0.04 * people
    assert oefeningen.opdracht_2.expected_value() == pytest.approx(people, rel=1e-12)
    # the hiring engine's weekly cohort says the same after 26 weeks (= 6 months of 52/12 weeks)
    path = hiring.cohort(hiring.Policy(new_hire_turnover=0.04, new_hire_months=6.0), 27)
    assert 12 * path["survival"].iloc[26] == pytest.approx(people, rel=1e-12)


def test_opdracht_3_by_hand():
    assert oefeningen.opdracht_3.expected_value() == pytest.approx(80 * 0.40 * 4000 - 80 * 0.15 * 5500)
    assert oefeningen.opdracht_3.expected_value() == pytest.approx(62_000)


def test_opdracht_4_timeline_follows_the_policy():
    policy = hiring.Policy()
    start = oefeningen.START_OPTIONS["c"]
    first_day, on_phones, productive = oefeningen.class_timeline(start)
    assert first_day == start + policy.recruitment_weeks
    assert on_phones == start + policy.lead_weeks
    assert productive == oefeningen.PEAK_WEEK == on_phones + len(policy.learning_curve)
    # b counts back only the lead time: on the phones in the peak week, still on the learning curve
    assert oefeningen.class_timeline(oefeningen.START_OPTIONS["b"])[1] == oefeningen.PEAK_WEEK
    # a starts recruiting in the peak week; d is productive months before it
    assert oefeningen.class_timeline(oefeningen.START_OPTIONS["a"])[1] > oefeningen.PEAK_WEEK + 8
    assert oefeningen.class_timeline(oefeningen.START_OPTIONS["d"])[2] < oefeningen.PEAK_WEEK - 10


def test_opdracht_5_from_the_erlang_c_hours_of_the_capacity_plan():
    """The curve's cost difference is the paid hours at 85 % minus those at 80 % times the hourly cost, and the
    hours at 80 % are the capacity plan's required hours (another path: hiring.required_fte)."""
    curve = oefeningen.sl_curve()
    hourly = hiring.Costs().fte_hour_cost
    assert oefeningen.opdracht_5.expected_value() == pytest.approx(
        (curve.loc[0.85, "year_hours"] - curve.loc[0.8, "year_hours"]) * hourly / 1000, rel=1e-12)
    assert curve.loc[0.85, "year_cost"] > curve.loc[0.8, "year_cost"] + 5 * curve.loc[0.8, "next_point_cost"] * 0.99


# ----------------------------------------------------------------------------------------------- answer forms
@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_right_and_wrong_answers(name):
    exercise = EXERCISES[name]
    right, wrong = oefeningen.ANSWERS[name]
    assert exercise.evaluate(right).correct, (name, right)
    feedback = exercise.evaluate(wrong)
    assert feedback.status == "fout" and feedback.message
    for empty in (None, ..., ""):
        assert exercise.evaluate(empty).status == "leeg"
    for bad in ([1, 2], {"antwoord": 1}, True):
        assert exercise.evaluate(bad).reason == "type"


@pytest.mark.parametrize("answer", ["0,1", 0.1, "0,10", "10 %", "10%", 0.10000001])
def test_opdracht_1_forms(answer):
    assert oefeningen.opdracht_1.evaluate(answer).correct


@pytest.mark.parametrize("answer", ["9,4", 9.4, "9,39", "9,4 mensen", 9.393])
def test_opdracht_2_forms(answer):
    assert oefeningen.opdracht_2.evaluate(answer).correct


@pytest.mark.parametrize("answer", [62000, "62.000", "62000", "62.000 euro", 62000.0])
def test_opdracht_3_forms(answer):
    assert oefeningen.opdracht_3.evaluate(answer).correct, answer


def test_opdracht_3_mistakes():
    for label, value in oefeningen.opdracht_3.mistake_values().items():
        assert oefeningen.opdracht_3.evaluate(int(value)).reason == label


def test_opdracht_5_forms_and_the_rounding_of_thousands():
    x = oefeningen.opdracht_5.expected_value()
    for answer in (round(x), str(round(x)), dutch.number(x, 1), f"{round(x)} duizend euro"):
        assert oefeningen.opdracht_5.evaluate(answer).correct, answer
    # the two printed yearly costs (whole euros) subtracted by hand give the same whole thousands
    curve = oefeningen.sl_curve()
    by_hand = (round(curve.loc[0.85, "year_cost"]) - round(curve.loc[0.8, "year_cost"])) / 1000
    assert round(by_hand) == round(x)


@pytest.mark.parametrize("name", [n for n, e in EXERCISES.items() if e.answer_type == "number"])
def test_every_mistake_gets_its_own_message(name):
    exercise = EXERCISES[name]
    assert exercise.mistakes
    places = max(exercise.decimals, *exercise.printed) if exercise.printed else exercise.decimals
    for label, value in exercise.mistake_values().items():
        feedback = exercise.evaluate(round(float(value), places))
        assert feedback.status == "fout" and feedback.reason == label, (name, label, value, feedback)


def test_judgement_exercise_gives_a_reason_for_every_wrong_option():
    exercise = oefeningen.opdracht_4
    assert exercise in oefeningen.JUDGEMENT
    reasons = {"a": "Te laat", "b": "Net te krap", "d": "Te vroeg"}
    for key, start in reasons.items():
        feedback = exercise.evaluate(key)
        assert feedback.status == "fout" and feedback.message.startswith(start), (key, feedback)
        assert len(feedback.message.split()) > 15          # a reason, not only a verdict
    assert "leercurve" in exercise.evaluate("b").message
    assert "vertrekken" in exercise.evaluate("d").message
    assert exercise.evaluate("c").correct


# ----------------------------------------------------------------------------------------------- the notebook
@pytest.mark.parametrize("number", range(1, len(oefeningen.OPDRACHTEN) + 1))
def test_question_cell_shows_what_the_checker_expects(number):
    cells, start, check = _question(number)
    assert start < check
    exercise = getattr(oefeningen, f"opdracht_{number}")
    text = re.sub(r"\s+", " ", cells[start].source.replace("*", "").replace("`", "")).lower()
    for what, alternatives in exercise.question_requirements():
        assert any(re.sub(r"\s+", " ", a.replace("*", "").replace("`", "")).lower() in text
                   for a in alternatives), (number, what, alternatives)


@pytest.mark.parametrize("number", range(1, len(oefeningen.OPDRACHTEN) + 1))
def test_no_earlier_output_gives_the_answer_away(number):
    cells, start, _check = _question(number)
    exercise = getattr(oefeningen, f"opdracht_{number}")
    if exercise.answer_type != "number":
        pytest.skip("a choice: the options are the question")
    x = float(exercise.expected_value())
    forms = {dutch.number(x, p) for p in (*exercise.printed, exercise.decimals)}
    forms = {f for f in forms if sum(ch.isdigit() for ch in f) >= 3}
    shown = "\n".join("".join(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
                      for c in cells[:start] for o in c.get("outputs", []))
    for form in forms:
        assert not re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d])", shown), (number, form)


def test_notebook_ships_unanswered_and_checks_every_exercise():
    cells = _cells()
    for number in range(1, len(oefeningen.OPDRACHTEN) + 1):
        _cells_, _start, check = _question(number)
        assert f"antwoord_{number} = None" in cells[check].source
        outputs = "".join(str(o.get("data", {}).get("text/plain", "")) + o.get("text", "")
                          for o in cells[check].get("outputs", []))
        assert "Nog niet beantwoord" in outputs


def test_opdracht_3_thousands_and_a_negative_saving_get_their_own_message():
    assert oefeningen.opdracht_3.evaluate(62).reason == "in duizenden"
    assert oefeningen.opdracht_3.evaluate(-62000).reason == "negatief"
    assert oefeningen.opdracht_3.evaluate("€ 62.000").correct


def test_opdracht_5_euros_whose_thousands_round_to_the_answer_get_the_euro_message():
    """Every amount in euros a learner may type whose thousands round to the answer (x.500, x.000, x+500) is told
    to divide by 1.000, not just the exact amount."""
    k = round(oefeningen.opdracht_5.expected_value())
    for euros in (1000 * k - 500, 1000 * k, 1000 * k + 500, round(1000 * oefeningen.opdracht_5.expected_value())):
        feedback = oefeningen.opdracht_5.evaluate(euros)
        assert not feedback.correct and "deel door 1.000" in feedback.message, euros


def test_opdracht_5_euros_within_a_thousand_either_side_and_euro_without_duizend():
    """The euro message whenever answer / 1000 rounds within 1 of the result (92000, 94000, 92499 for 92,6), and
    for a number followed by "euro" without "duizend"; the cost at 80 % has its own message."""
    x = oefeningen.opdracht_5.expected_value()
    k = round(x)
    for answer in (1000 * (k - 1), 1000 * (k + 1), 1000 * (k - 1) + 499, f"{k} euro", f"€ {k}",
                   dutch.number(1000 * x, 0)):
        feedback = oefeningen.opdracht_5.evaluate(answer)
        assert not feedback.correct and feedback.reason == "in euro", answer
    assert oefeningen.opdracht_5.evaluate(f"{k} duizend euro").correct
    at_80 = round(oefeningen.sl_curve().loc[0.8, "year_cost"] / 1000)
    assert oefeningen.opdracht_5.evaluate(at_80).reason == "kosten bij 80 %"


@pytest.mark.parametrize("answer", ["62 duizend", "€ 62 duizend", "62 duizend euro", "62,0 duizend"])
def test_opdracht_3_accepts_duizend_as_a_multiplier(answer):
    assert oefeningen.opdracht_3.evaluate(answer).correct, answer


def test_opdracht_2_added_up_feedback_does_not_give_the_calculation():
    message = oefeningen.opdracht_2.evaluate(round(12 * (1 - 6 * 0.04), 1)).message
    assert "0,96" not in message and "kleinere groep" in message
