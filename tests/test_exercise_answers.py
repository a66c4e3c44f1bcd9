"""Every exercise of every notebook, tried the way learners answer (issue 12).

Data-driven from the metadata on the :class:`~wfmcourse.course.exercises.Exercise` objects, so a new
exercise (or a rebuilt notebook 11) gets the same tests without writing any:

* numeric answers: the expected value rounded as the solution prints it and as the question asks,
  with a decimal comma, as a percentage string (fractions), a too coarse and a wrongly rounded
  value, every anticipated mistake, ``None`` and wrong types - each must get the right verdict;
* whole numbers and multiple choice likewise;
* the notebook's question cell shows what the checker expects (options, unit, precision), the
  check cell comes after it, and no earlier cell prints the answer.
"""
import importlib
import math
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

from wfmcourse.course import contents
from wfmcourse.course.exercises import Exercise
from wfmcourse.presentation import dutch

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"


def _modules():
    for nb in contents.NOTEBOOKS:
        if not (NOTEBOOK_DIR / nb.file).exists():
            continue
        try:
            yield nb, importlib.import_module(f"wfmcourse.course.exercises.{nb.exercises}")
        except ModuleNotFoundError:
            continue


EXERCISES = [(nb, module, name, value) for nb, module in _modules()
             for name, value in vars(module).items() if isinstance(value, Exercise)]
IDS = [f"{module.__name__.rsplit('.', 1)[-1]}.{name}" for _nb, module, name, _ex in EXERCISES]


def _of_type(kind):
    chosen = [(ex, i) for (_nb, _m, _n, ex), i in zip(EXERCISES, IDS) if ex.answer_type == kind]
    return pytest.mark.parametrize("ex", [ex for ex, _ in chosen], ids=[i for _, i in chosen])


def _comma(value, decimals):
    return dutch.number(value, decimals, thousands=False)


def _levels(ex):
    return sorted({*ex.printed, ex.decimals})


# --------------------------------------------------------------------------- numbers

@_of_type("number")
def test_declares_the_precision_it_asks_for(ex):
    assert ex.decimals is not None, f"{ex.title}: declare decimals= (the precision the question asks for)"


@_of_type("number")
def test_right_at_every_accepted_precision_in_every_form(ex):
    x = float(ex.expected_value())
    for places in _levels(ex):
        rounded = round(x, places)
        answers = [rounded, _comma(rounded, places), f" {_comma(rounded, places)} "]
        if places == 0:
            answers.append(int(rounded))
        if ex.fraction and places >= 2:
            answers += [f"{_comma(100 * rounded, places - 2)}%", f"{_comma(100 * rounded, places - 2)} %"]
        for answer in answers + [x, np.float64(x)]:
            feedback = ex.evaluate(answer)
            assert feedback.correct, (ex.title, answer, feedback)


@_of_type("number")
def test_too_coarse_gets_the_rounding_message_never_a_direction(ex):
    x = float(ex.expected_value())
    coarsest, finest = _levels(ex)[0], _levels(ex)[-1]
    if coarsest == 0:
        pytest.skip("a whole number is the coarsest answer asked for")
    coarse = round(x, coarsest - 1)
    if abs(coarse - x) <= 0.5 * 10.0 ** -finest:
        pytest.skip("the expected value is exact at the coarser precision")
    # a coarse value that is also a typical mistake (0,4 for 0,43 next to the mistake 0,40) gets "te grof" too
    feedback = ex.evaluate(coarse)
    assert feedback.reason == "te grof", (ex.title, coarse, feedback)
    assert "te hoog" not in feedback.message and "te laag" not in feedback.message


@_of_type("number")
def test_wrongly_rounded_is_wrong(ex):
    x = float(ex.expected_value())
    places = _levels(ex)[-1]
    for wrong in (round(x, places) + 10.0 ** -places, round(x, places) - 10.0 ** -places):
        assert ex.evaluate(_comma(wrong, places)).status == "fout", (ex.title, wrong)


@_of_type("number")
def test_every_anticipated_mistake_gets_its_own_message(ex):
    assert ex.mistakes, f"{ex.title}: name the typical mistakes"
    coarsest, finest = _levels(ex)[0], _levels(ex)[-1]
    x = float(ex.expected_value())
    for label, value in ex.mistake_values().items():
        for answer in (float(value), round(float(value), finest), _comma(float(value), finest)):
            feedback = ex.evaluate(answer)
            typed = finest if isinstance(answer, str) else \
                len(np.format_float_positional(answer, trim="-").partition(".")[2])
            claim = getattr(ex, "fraction", False) and float(value) in (0.0, 1.0)   # 0 or 1: a 0 %/100 % claim
            if typed < coarsest and abs(float(value) - round(x, typed)) <= 1e-9 and not claim:
                # the mistake, typed with fewer decimals, is also the right answer too coarsely rounded (0,4 for
                # 0,43 when 0,40 is a typical mistake): the learner is asked for the precision first
                assert feedback.reason == "te grof", (ex.title, label, answer, feedback)
                continue
            assert feedback.status == "fout" and feedback.reason == label, (ex.title, label, answer, feedback)


@_of_type("number")
def test_percentages_are_recognised(ex):
    x = float(ex.expected_value())
    if ex.fraction:
        places = _levels(ex)[-1]
        assert ex.evaluate(round(100 * x, max(places - 2, 0))).reason == "percentage"
    else:
        assert ex.evaluate("12 %").reason in {"type", *ex.mistakes}   # or a typical mistake typed with %


# --------------------------------------------------------------------------- whole numbers

@_of_type("whole_number")
def test_whole_number_forms_and_messages(ex):
    n = int(ex.expected_value())
    for answer in (n, str(n), np.int64(n), float(n), f" {n} "):
        assert ex.evaluate(answer).correct, (ex.title, answer)
    if ex.kind == "week":
        assert ex.evaluate(f"week {n}").correct
        assert ex.evaluate(n).message.startswith(f"Week {n} ")
    else:
        assert ex.evaluate(n).message.startswith(f"{dutch.number(n, 0)} {ex.unit}".rstrip())
    fraction = ex.evaluate(n + 0.5)
    assert fraction.reason == "geen geheel getal"
    assert ("deel van een medewerker" in fraction.message) == (ex.kind == "medewerkers")
    assert ex.mistakes, f"{ex.title}: name the typical mistakes"
    for label, value in ex.mistake_values().items():
        assert int(value) != n, (ex.title, label)
        assert ex.evaluate(int(value)).reason == label


# --------------------------------------------------------------------------- multiple choice

@_of_type("choice")
def test_choice_forms(ex):
    right = sorted(ex.expected_value())
    for answer in (",".join(right), ", ".join(right).upper(), " en ".join(right), list(right)):
        assert ex.evaluate(answer).correct, (ex.title, answer)
    for key in ex.options:
        if key not in right:
            assert ex.evaluate(key).status == "fout"
    assert ex.evaluate("z").reason == "geen optie"


# --------------------------------------------------------------------------- every exercise

@pytest.mark.parametrize("ex", [e for *_, e in EXERCISES], ids=IDS)
@pytest.mark.parametrize("answer", [None, ..., ""])
def test_unanswered_is_a_reminder(ex, answer):
    assert ex.evaluate(answer).status == "leeg"


@pytest.mark.parametrize("ex", [e for *_, e in EXERCISES], ids=IDS)
@pytest.mark.parametrize("answer", [[1, 2], {"antwoord": 1}, True, 3.5j])
def test_wrong_types_are_explained_in_dutch(ex, answer):
    feedback = ex.evaluate(answer)
    assert feedback.status == "fout" and feedback.reason == "type", feedback
    assert feedback.message


@pytest.mark.parametrize("ex", [e for *_, e in EXERCISES], ids=IDS)
def test_solution_shows_the_expected_value_as_printed(ex):
    from wfmcourse.course.exercises import _resolve

    text = _resolve(ex._solution)
    if ex.answer_type == "number":
        x = float(ex.expected_value())
        shown = {_comma(x, p) for p in ex.printed} | {dutch.number(x, p) for p in ex.printed}
        if ex.fraction:
            shown |= {dutch.percent(x, p - 2).replace(" %", "") for p in ex.printed if p >= 2}
        assert any(s in text for s in shown), (ex.title, shown, text)
    elif ex.answer_type == "whole_number":
        n = int(ex.expected_value())
        assert any(re.search(rf"(?<![\d,.]){re.escape(form)}(?![\d,])", text)
                   for form in {str(n), dutch.number(n, 0)}), (ex.title, text)


# --------------------------------------------------------------------------- the notebook cells

def _plain(text):
    return re.sub(r"\s+", " ", text.replace("*", "").replace("`", "")).strip().lower()


def _cells(nb, module, name, ex):
    """The notebook, the indices of the markdown cells with the exercise's heading, and of its check cells."""
    notebook = nbformat.read(NOTEBOOK_DIR / nb.file, as_version=4)
    heading = re.compile(rf"^#+\s*{re.escape(ex.title)}(?!\d)", re.M)
    question = [i for i, c in enumerate(notebook.cells) if c.cell_type == "markdown" and heading.search(c.source)]
    imports = f"from wfmcourse.course.exercises import {nb.exercises} as oefeningen"
    assert any(imports in c.source for c in notebook.cells if c.cell_type == "code"), f"{nb.file}: no '{imports}'"
    call = f"oefeningen.{name}.check("
    checks = [i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and call in c.source]
    return notebook, question, checks


def _question_text(notebook, index, ex):
    """The question: from the exercise's heading to the next heading (explanations may precede it)."""
    source = notebook.cells[index].source
    start = re.search(rf"^#+\s*{re.escape(ex.title)}(?!\d)", source, re.M).start()
    body = source.find("\n", start) + 1 or len(source)
    following = re.search(r"^#", source[body:], re.M)
    return source[start: body + following.start()] if following else source[start:]


@pytest.mark.parametrize("nb, module, name, ex", EXERCISES, ids=IDS)
def test_question_cell_shows_what_the_checker_expects(nb, module, name, ex):
    notebook, question, checks = _cells(nb, module, name, ex)
    assert len(question) == 1 and len(checks) == 1, (ex.title, question, checks)
    assert question[0] < checks[0]
    text = _plain(_question_text(notebook, question[0], ex))
    for what, alternatives in ex.question_requirements():
        assert any(_plain(a) in text for a in alternatives), \
            f"{ex.title}: the question must show {what}: {alternatives}"


def _shown_before(notebook, index):
    parts = []
    for cell in notebook.cells[:index]:
        parts.append(cell.source)
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.extend(str(v) for k, v in output.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(parts)


def _answer_forms(ex):
    """The expected value as the notebook would print it: at each printed precision, with a comma or a point,
    and for fractions as a percentage ("51,2 %")."""
    x = float(ex.expected_value())
    forms = set()
    for places in ex.printed:
        forms |= {_comma(x, places), f"{x:.{places}f}"}
        if ex.fraction and places >= 2:
            forms.add(dutch.percent(x, places - 2))
    return {text for text in forms if sum(ch.isdigit() for ch in text) >= 3 and not math.isclose(x, round(x))}


def _assert_not_shown(ex, text_shown, where):
    for text in _answer_forms(ex):
        assert not re.search(rf"(?<![\d.,]){re.escape(text)}(?![\d])", text_shown), \
            f"{ex.title}: {text} is shown {where}"


NUMBERS = [e for e in EXERCISES if e[3].answer_type == "number"]
NUMBER_IDS = [i for e, i in zip(EXERCISES, IDS) if e[3].answer_type == "number"]


@pytest.mark.parametrize("nb, module, name, ex", NUMBERS, ids=NUMBER_IDS)
def test_no_earlier_cell_gives_the_answer_away(nb, module, name, ex):
    notebook, question, _checks = _cells(nb, module, name, ex)
    earlier = _shown_before(notebook, question[0])
    source = notebook.cells[question[0]].source
    earlier += source[: source.find(_question_text(notebook, question[0], ex))]
    _assert_not_shown(ex, earlier, "before the question")


def _outputs(cells):
    parts = []
    for cell in cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.extend(str(v) for k, v in output.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(parts)


@pytest.mark.parametrize("nb, module, name, ex", NUMBERS, ids=NUMBER_IDS)
def test_no_output_right_below_gives_the_answer_away(nb, module, name, ex):
    """A notebook ships with its outputs: the cells between an exercise and the next exercise (or the end of
    the notebook) must not show the answer, or a learner reads it just by scrolling on (07 Opdracht 1 printed
    "Vermijdbaar aandeel: 51,2 %" two cells below its check)."""
    notebook, question, checks = _cells(nb, module, name, ex)
    heading = re.compile(r"^#+\s*Opdracht \d+", re.M)
    following = [i for i, c in enumerate(notebook.cells)
                 if i > question[0] and c.cell_type == "markdown" and heading.search(c.source)]
    end = following[0] if following else len(notebook.cells)
    _assert_not_shown(ex, _outputs(notebook.cells[checks[0] + 1: end]), "right below the exercise")


@pytest.mark.parametrize("module, name, answers", [
    ("kpis", "opdracht_4", [37, 36.6, "36,6", "37 uur"]),   # notebook prints whole hours, exact 36.64
    ("erlang", "opdracht_3", [0.78, "0,78", "78 %", 0.783]),   # the question asks two decimals, exact 0.7829
    ("shrinkage_fte", "opdracht_4", [24.6, "24,6", 24.56]),           # exact 24.557
], ids=["02-4", "03-3", "04-4"])
def test_reported_right_answers_are_accepted(module, name, answers):
    exercise = getattr(importlib.import_module(f"wfmcourse.course.exercises.{module}"), name)
    for answer in answers:
        assert exercise.evaluate(answer).correct, answer


@pytest.mark.parametrize("module, name, answers", [
    ("start", "opdracht_1", ["Traffic & dagsturing", "d) Traffic & dagsturing", "d)"]),   # the option text
    ("start", "opdracht_2", ["40 E", "40 erlang"]),
    ("begrippen", "opdracht_1", ["de shrinkage", "Shrinkage (krimp)"]),
    ("kpis", "opdracht_1", ["450 s", "450s", "450 sec"]),
    ("kpis", "opdracht_4", ["37u", "37 u"]),
    ("erlang", "opdracht_2", ["25 mdw"]),
], ids=["00-1", "00-2", "01-1", "02-1", "02-4", "03-2"])
def test_review_right_answers_are_accepted(module, name, answers):
    """The learner's review of 00-04 (issue 12): forms a learner types that were rejected."""
    exercise = getattr(importlib.import_module(f"wfmcourse.course.exercises.{module}"), name)
    for answer in answers:
        assert exercise.evaluate(answer).correct, answer


def test_review_typical_mistakes_get_their_own_message():
    from wfmcourse.course.exercises import begrippen as nb01
    from wfmcourse.course.exercises import erlang as nb03
    from wfmcourse.course.exercises import kpis as nb02
    from wfmcourse.course.exercises import start as nb00
    for answer in (7.5, "7,5", "7,5 min", "7.5 minuten"):       # minutes where seconds are asked
        feedback = nb02.opdracht_1.evaluate(answer)
        assert feedback.reason == "minuten" and "seconden" in feedback.message, answer
    scrambled = nb00.opdracht_1.evaluate("dagsturing")
    assert scrambled.message == "Geef alleen de letter van je keuze: a, b, c of d."
    assert "Krimp" in nb01.opdracht_1.evaluate("krimp").message
    assert "180 seconden" in nb03.opdracht_2.evaluate(24).message    # the table of 03 §6 uses AHT 180 s
    assert "Valkuil 1" in nb02.opdracht_6._hint                      # the ASA pitfall
    assert "tegelijk" not in nb02.opdracht_1._solution() or "één chat tegelijk" in nb02.opdracht_1._solution()


@pytest.mark.parametrize("module, name, answer, reason", [
    ("forecast_rooster", "opdracht_1", 0.885, "nauwkeurigheid"),       # 1 - WAPE, "nauwkeurigheid"
    ("forecast_rooster", "opdracht_2", 1, "aht in minuten"),           # AHT 5 instead of 300
    ("forecast_rooster", "opdracht_2", 45, "x(1+s)"),                  # 34 x 1,32
    ("kerncontact", "opdracht_2", 9, "evenredig omlaag"),         # 20 % of 46, rounded down
    ("kerncontact", "opdracht_4", 6.27, "minuten"),               # the AHT in minutes
    ("eindcase", "opdracht_2", 0.539, "kwartier van 11:00"),   # the 11:00 quarter included
    ("eindcase", "opdracht_2", 0.425, "alleen maandag"),       # Monday only
    ("eindcase", "opdracht_5", 0.36, "x(1+s)"),                # 9,75 x 1,32 / 36, now asked at two decimals
    # the second learner review
    ("eindcase", "opdracht_2", 0.486, "kwartier van 10:45"),   # the peak mask ending at 10:45
    ("eindcase", "opdracht_2", 0.51, "model"),                 # the model's 51,0 % from the table of options
    ("kpis", "opdracht_2", 0.846, "vorige week"),          # week 13, the last one in the table
    ("kpis", "opdracht_2", "85 %", "vorige week"),
    ("stakeholders", "opdracht_2", 8, "marketing"),                # Marketing's +25 % instead of the Postkamer's +20 %
    ("shrinkage_fte", "opdracht_5", 47.1, "inwerken helemaal kwijt"),   # all 10 training weeks fully lost
    ("shrinkage_fte", "opdracht_5", 43.5, "vacature vergeten"),     # the vacancy weeks forgotten
    ("forecast_rooster", "opdracht_5", 44, "tabel week 48"),           # the roster week of week 48 in the table
    ("begrippen", "opdracht_1", "Uitval", "uitval"),
], ids=lambda v: str(v))
def test_reviewers_typical_mistakes_get_their_own_message(module, name, answer, reason):
    """Typical mistakes a learner typed in review (issue 12) got generic feedback; now each is named."""
    exercise = getattr(importlib.import_module(f"wfmcourse.course.exercises.{module}"), name)
    feedback = exercise.evaluate(answer)
    assert feedback.status == "fout" and feedback.reason == reason, feedback


@pytest.mark.parametrize("module, name, answers", [
    ("shrinkage_fte", "opdracht_5", ["45,4 FTE", "45.4 FTE", "45,4 fte", "45,4 FTE per jaar", "45,4 FTE/jaar",
                            "45,4 per jaar"]),
    ("stakeholders", "opdracht_5", ["46 mensen", "46 per jaar", "46 mensen per jaar", "46 medewerkers per jaar"]),
    ("stakeholders", "opdracht_2", ["7 mensen", "7 man", "7 medewerkers"]),
    ("erlang", "opdracht_2", ["25 man", "25 personen", "25 medewerkers"]),
    ("stakeholders", "opdracht_3", ["7000 gesprekken", "7.000 contacten"]),
    ("kpis", "opdracht_4", ["37 uren", "37 uur", "37 h"]),
    ("shrinkage_fte", "opdracht_1", ["be", "b e", "e,b"]),
    ("kpis", "opdracht_5", ["bd", "db", "b en d"]),
], ids=["04-5", "06-5", "06-2", "03-2", "06-3", "02-4", "04-1", "02-5"])
def test_second_review_right_answers_are_accepted(module, name, answers):
    """The second learner review (issue 12): a part or a synonym of the unit, letters without separator."""
    exercise = getattr(importlib.import_module(f"wfmcourse.course.exercises.{module}"), name)
    for answer in answers:
        assert exercise.evaluate(answer).correct, answer


def test_right_choices_are_spread_and_the_format_message_gives_nothing_away():
    singles = [ex for *_, ex in EXERCISES if ex.answer_type == "choice" and len(ex.expected_value()) == 1]
    keys = [next(iter(ex.expected_value())) for ex in singles]
    assert max(keys.count(k) for k in set(keys)) <= len(keys) // 3 + 1, keys
    for ex in singles:
        message = ex.evaluate("zomaar een woord").message
        assert '"' not in message and "a, b" in message, message
    multi = [ex for *_, ex in EXERCISES if ex.answer_type == "choice" and len(ex.expected_value()) > 1]
    for ex in multi:
        assert "letters" in ex.evaluate("zomaar een woord").message


def test_second_review_messages_fit_the_mistake():
    from wfmcourse.course.exercises import forecast_rooster as nb05
    from wfmcourse.course.exercises import kpis as nb02
    from wfmcourse.course.exercises import stakeholders as nb06
    assert "Postkamer" in nb06.opdracht_2.evaluate(8).message
    assert "te laat" not in nb05.opdracht_5.evaluate(44).message
    assert "andere uitvoeringsweek" in nb05.opdracht_5.evaluate(44).message
    # off by one on either side of 450,4 is "net te hoog" / "net te laag", never one "afronding" and one generic
    above, below = nb02.opdracht_1.evaluate(451), nb02.opdracht_1.evaluate(449)
    assert "net te hoog" in above.message and "net te laag" in below.message
    assert "unweighted_mean" not in nb02.opdracht_2._hint and "ongewogen gemiddelde" in nb02.opdracht_2._hint


@_of_type("choice")
def test_solution_names_the_right_letter(ex):
    """After reordering options, the solution, the right key and the option texts must still agree."""
    from wfmcourse.course.exercises import _resolve

    first = sorted(ex.expected_value())[0]
    assert re.match(rf"\s*{first}\b", _resolve(ex._solution)), (ex.title, first, _resolve(ex._solution)[:40])
