"""The exercises of notebook 08_dagsturing (wfmcourse.course.exercises.dagsturing).

The generic checks of tests/test_exercise_answers.py (every answer form, the precision, every typical mistake,
unanswered and wrong types, the solution shows the value, the question cell shows what the checker expects and
nothing gives the answer away), run here on this module because the notebook is not yet in
``contents.NOTEBOOKS`` and calls its exercises as ``oefeningen.opdracht_N``. Then each expected value
recomputed by hand, and the feedback a typical misreading gets.
"""
import re
from pathlib import Path

import nbformat
import pytest
import test_exercise_answers as generic

from wfmcourse.course.exercises import Exercise
from wfmcourse.course.exercises import dagsturing as ex08
from wfmcourse.domain import erlang
from wfmcourse.presentation import dutch

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "08_dagsturing.ipynb"
EXERCISES = {name: value for name, value in vars(ex08).items() if isinstance(value, Exercise)}
NUMBERS = [name for name, e in EXERCISES.items() if e.answer_type == "number"]


def test_the_module_lists_its_exercises():
    assert set(EXERCISES.values()) == set(ex08.OPDRACHTEN)
    assert sorted(EXERCISES) == sorted(ex08.ANSWERS)
    assert len(ex08.OPDRACHTEN) >= 4 and ex08.JUDGEMENT


@pytest.mark.parametrize("name", NUMBERS)
def test_number_answers_the_generic_way(name):
    e = EXERCISES[name]
    generic.test_declares_the_precision_it_asks_for(e)
    generic.test_right_at_every_accepted_precision_in_every_form(e)
    generic.test_wrongly_rounded_is_wrong(e)
    generic.test_every_anticipated_mistake_gets_its_own_message(e)
    generic.test_percentages_are_recognised(e)


@pytest.mark.parametrize("name", NUMBERS)
def test_too_coarse_gets_the_rounding_message(name):
    generic.test_too_coarse_gets_the_rounding_message_never_a_direction(EXERCISES[name])


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_every_exercise_the_generic_way(name):
    e = EXERCISES[name]
    for answer in (None, ..., ""):
        generic.test_unanswered_is_a_reminder(e, answer)
    for answer in ([1, 2], {"antwoord": 1}, True, 3.5j):
        generic.test_wrong_types_are_explained_in_dutch(e, answer)
    generic.test_solution_shows_the_expected_value_as_printed(e)
    if e.answer_type == "choice":
        generic.test_choice_forms(e)
        generic.test_solution_names_the_right_letter(e)


@pytest.mark.parametrize("name", sorted(ex08.ANSWERS))
def test_the_reported_answers(name):
    right, wrong = ex08.ANSWERS[name]
    assert EXERCISES[name].evaluate(right).correct
    assert EXERCISES[name].evaluate(wrong).status == "fout"


# --------------------------------------------------------------------------- the notebook cells

def _cells(name):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    e = EXERCISES[name]
    heading = re.compile(rf"^#+\s*{re.escape(e.title)}(?!\d)", re.M)
    question = [i for i, c in enumerate(notebook.cells) if c.cell_type == "markdown" and heading.search(c.source)]
    checks = [i for i, c in enumerate(notebook.cells)
              if c.cell_type == "code" and f"oefeningen.{name}.check(" in c.source]
    return notebook, question, checks


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_question_cell_shows_what_the_checker_expects(name):
    e = EXERCISES[name]
    notebook, question, checks = _cells(name)
    assert len(question) == 1 and len(checks) == 1, (e.title, question, checks)
    assert question[0] < checks[0]
    text = generic._plain(generic._question_text(notebook, question[0], e))
    for what, alternatives in e.question_requirements():
        assert any(generic._plain(a) in text for a in alternatives), (e.title, what, alternatives)


@pytest.mark.parametrize("name", NUMBERS)
def test_nothing_gives_the_answer_away(name):
    e = EXERCISES[name]
    notebook, question, checks = _cells(name)
    earlier = generic._shown_before(notebook, question[0])
    generic._assert_not_shown(e, earlier, "before the question")
    following = [i for i, c in enumerate(notebook.cells) if i > question[0] and c.cell_type == "markdown"
                 and re.search(r"^#+\s*Opdracht \d+", c.source, re.M)]
    end = following[0] if following else len(notebook.cells)
    generic._assert_not_shown(e, generic._outputs(notebook.cells[checks[0] + 1:end]), "right below the exercise")


# --------------------------------------------------------------------------- the expected values by hand

def test_monitoring_is_volume_weighted():
    frame = ex08.monitoring_1()
    assert ex08.opdracht_1.expected_value() == pytest.approx((36 + 50 + 52 + 61) / (40 + 62 + 95 + 88))
    unweighted = (36 / 40 + 50 / 62 + 52 / 95 + 61 / 88) / 4
    assert ex08.opdracht_1.evaluate(round(unweighted, 3)).reason == "ongewogen"
    assert "gesprekken" in ex08.opdracht_1.evaluate(round(unweighted, 3)).message
    assert ex08.opdracht_1.evaluate(round(61 / 88, 3)).reason == "laatste_kwartier"
    assert ex08.opdracht_1.evaluate(round(199 / frame["forecast"].sum(), 3)).reason == "forecast"
    assert ex08.opdracht_1.evaluate("69,8 %").correct


def test_adherence_and_conformance_by_counting_quarters():
    """M31: 18 quarters scheduled (09:15-13:45); not adherent: 09:15 and 09:30 (logged out), 11:15 (break in a
    contact quarter), 11:45 (aux), 12:15 (a call in the overleg): 13 of 18. Worked: 12 quarters in a phone state
    (09:45-10:30, 11:30, 12:00, 12:15, 12:45-13:45), 2 of the 3 break quarters (2 scheduled), 1 overleg quarter;
    not the aux quarter and not the logged-out ones: 15 of 18. Logged in (the rough reading): 17 of 18."""
    frame = ex08.agent_2()
    assert (frame["scheduled"] != "off").sum() == 18
    assert ex08.opdracht_2.expected_value() == pytest.approx(13 / 18)
    assert ex08.opdracht_3.expected_value() == pytest.approx(15 / 18)
    # confusing the two is the typical misreading, and each one says so
    assert ex08.opdracht_2.evaluate(round(15 / 18, 3)).reason == "conformance"
    assert "conformance" in ex08.opdracht_2.evaluate(round(15 / 18, 3)).message.lower()
    assert ex08.opdracht_3.evaluate(round(13 / 18, 3)).reason == "adherence"
    assert ex08.opdracht_2.evaluate(round(14 / 18, 3)).reason == "aux_meegeteld"
    assert ex08.opdracht_2.evaluate(round(13 / 20, 3)).reason == "hele_ochtend"
    assert ex08.opdracht_3.evaluate(round(14 / 18, 3)).reason == "zonder_overwerk"
    # logged in counted as worked (aux and the overrun break too), and one quarter too many in either reading
    assert ex08.opdracht_3.evaluate(round(17 / 18, 3)).reason == "ingelogd"
    feedback = ex08.opdracht_3.evaluate(round(16 / 18, 3))
    assert feedback.reason == "een_te_veel" and "aux" in feedback.message and "13:45" in feedback.message
    # the hint and the solution teach the overrun break as not worked
    assert "uitgelopen pauze tellen niet" in ex08.opdracht_3._hint
    assert "is uitgelopen en telt niet" in ex08.opdracht_3._solution()


def test_a_hundred_percent_is_answered_in_dutch():
    """"1" and "100 %" are claims of 100 %: exercises 1-3 say why that cannot be; 5 gives nothing away (the answer
    is close to 100 %) and points back to the formula."""
    for ex, word in ((ex08.opdracht_1, "100 %"), (ex08.opdracht_2, "100 % adherence"), (ex08.opdracht_3, "100 %"),
                     (ex08.opdracht_5, "Reken uit")):
        for answer in ("1", "100 %", 1):
            feedback = ex.evaluate(answer)
            assert feedback.status == "fout" and feedback.reason == "perfect" and word in feedback.message, \
                (ex.title, answer, feedback)
    message = ex08.opdracht_5.evaluate("100 %").message
    assert "net" not in message.split() and "minder" not in message and "kan" not in message.split()
    assert "kost niets" in ex08.opdracht_4.evaluate("b").message                # one line of explanation
    assert "pauze niet mee" in ex08.opdracht_3.evaluate(round(13 / 18, 3)).message
    assert "overleg" in ex08.opdracht_2.evaluate(round(14 / 18, 3)).message


def test_the_outage_quarter_judgement_holds():
    """The IVR message takes 84 x 0.25 x 0.5 = 10.5 calls away at once: more work (10.5 x 420 / 900 = 4.9
    agent-quarters) than two agents from chat bring, and overtime and the coaching do nothing this quarter."""
    s = ex08.OUTAGE_4
    traffic = s["calls"] * s["aht"] / 900
    before = erlang.service_level(s["agents"], traffic, s["aht"], 20)
    ivr = erlang.service_level(s["agents"], (s["calls"] - 10.5) * s["aht"] / 900, s["aht"], 20)
    chat = erlang.service_level(s["agents"] + 2, traffic, s["aht"], 20)
    assert ivr > chat > before
    table = ex08.outage_4()
    assert table["service_level_after"].idxmax() == "b"
    assert table.loc["b", "service_level_after"] == pytest.approx(ivr)
    assert table.loc["a", "service_level_after"] == table.loc["e", "service_level_after"] == pytest.approx(before)
    assert ex08.opdracht_4.evaluate("b").correct
    for wrong, reason in (("a", "vooraankondiging"), ("c", "chat"), ("d", "rustige"), ("e", "14:00")):
        feedback = ex08.opdracht_4.evaluate(wrong)
        assert feedback.status == "fout" and reason in feedback.message, (wrong, feedback)


def test_recovery_by_hand():
    """0.8 x (1200 + 700) = 1520 calls in time for the day; 840 so far; 680 of the 700 still to come."""
    assert ex08.opdracht_5.expected_value() == pytest.approx(680 / 700)
    assert ex08.opdracht_5.evaluate(round(0.8 + (0.8 - 0.7), 3)).reason == "symmetrisch"
    assert ex08.opdracht_5.evaluate(round(120 / 700, 3)).reason == "alleen_tekort"
    assert ex08.opdracht_5.evaluate(0.8).reason == "norm"
    assert ex08.opdracht_5.evaluate("97,1 %").correct


def test_the_playbook_in_dutch_keeps_the_packages_numbers():
    """One row per action with all its conditions (AND); every threshold of the package appears in Dutch."""
    from wfmcourse.domain import intraday

    table = ex08.playbook()
    assert len(table) == intraday.PLAYBOOK["action"].nunique()
    for row in intraday.PLAYBOOK.itertuples():
        shown = table.loc[table["action"] == dutch.LABELS[row.action], "conditions"].iloc[0]
        assert not re.search(r"\d\.\d", shown) and not re.search(r"[a-z]+_[a-z]+", shown)
        value = row.threshold
        if row.signal in ("workload_vs_plan_two_hours", "volume_vs_forecast_so_far"):   # fractions as percentages
            assert f"{dutch.LABELS[row.signal]} {row.comparison} {round(100 * value)} %" in shown, (row, shown)
        elif row.signal == "sl_so_far_above_target" and value:
            assert f"{round(100 * value)} procentpunt" in shown, (row, shown)
        elif row.signal == "sl_so_far_above_target":
            assert "service level tot nu onder de norm" in shown, (row, shown)
        elif row.signal == "longest_wait":
            assert f"{value:.0f} s" in shown, (row, shown)
        elif row.signal == "hour_of_day":
            assert f"het is {intraday.control_room.TIME_OFF_FROM}:00 of later" in shown, (row, shown)
    assert (table.loc[table["action"] == "vrijwillig eerder naar huis", "conditions"].str.count(" en ") == 2).all()
    assert not table["action"].str.contains("_").any() and not table["conditions"].str.contains("_").any()
