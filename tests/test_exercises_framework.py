"""The exercise framework: unanswered never raises, wrong answers get a hint without the answer."""
import numpy as np
import pytest

from wfmcourse import exercises as ex


def make_number():
    return ex.number("Opdracht T", lambda: 0.8883, hint="h", solution="s", rel=1e-3, fraction=True,
                     mistakes={"gemiddelde": (0.5, "Je nam het ongewogen gemiddelde.")})


def test_unanswered_prints_a_reminder_and_does_not_raise(capsys):
    exercise = make_number()
    exercise.check(None)
    out = capsys.readouterr().out
    assert "Nog niet beantwoord" in out and exercise.attempts == 0


@pytest.mark.parametrize("answer", [0.8883, "0,8883", "88,83%", np.float64(0.88835)])
def test_right_answers_in_many_forms(answer):
    assert make_number().evaluate(answer).correct


def test_wrong_answer_says_direction_but_not_the_value():
    fb = make_number().evaluate(0.95)
    assert fb.status == "fout" and "te hoog" in fb.message and "0,888" not in fb.message


def test_known_mistake_and_percentage_get_specific_feedback():
    assert "ongewogen" in make_number().evaluate(0.5).message
    assert "percentage" in make_number().evaluate(88.83).message


def test_non_numbers_are_explained():
    assert "één getal" in make_number().evaluate("veel").message
    assert make_number().evaluate([1, 2]).status == "fout"


def test_check_counts_attempts(capsys):
    exercise = make_number()
    exercise.check(0.1)
    exercise.check(0.8883)
    assert exercise.attempts == 2 and exercise.solved
    assert "Goed!" in capsys.readouterr().out


def test_whole_number():
    exercise = ex.whole_number("O", 14, hint="h", solution="s")
    assert exercise.evaluate(14).correct and exercise.evaluate("14").correct
    assert "net te laag" in exercise.evaluate(13).message
    assert "geheel getal" in exercise.evaluate(13.5).message


def test_choice_single_and_multiple():
    single = ex.choice("O", "b", {"a": "x", "b": "y", "c": "z"}, hint="h", solution="s",
                       feedback={"a": "a is een valkuil"})
    assert single.evaluate("B").correct
    assert single.evaluate("a").message == "a is een valkuil"
    assert "geen optie" in single.evaluate("q").message
    multi = ex.choice("O", {"a", "c"}, {"a": "x", "b": "y", "c": "z"}, hint="h", solution="s")
    assert multi.evaluate("a, c").correct and multi.evaluate(["c", "a"]).correct
    assert "meer dan één" in multi.evaluate("a").message


def test_term_ignores_case_and_accents():
    exercise = ex.term("O", ["Bereikbaarheid"], hint="h", solution="s")
    assert exercise.evaluate("  bereikbáárheid ").correct
    assert not exercise.evaluate("service level").correct


def test_hint_and_solution_print(capsys):
    exercise = ex.number("Opdracht X", 1.0, hint="Denk aan Erlang.", solution=lambda: "Het is 1.")
    exercise.hint()
    exercise.solution()
    out = capsys.readouterr().out
    assert "Denk aan Erlang." in out and "Het is 1." in out
