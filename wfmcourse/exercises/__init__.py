"""Exercises with feedback, in the style of Kaggle's learntools.

Each *Opdracht* in a notebook is an :class:`Exercise` with three methods:

* ``check(answer)`` prints Dutch feedback: correct, what is off (without giving the answer away),
  or - when the learner has not answered yet (``None``, the value the notebooks ship with) - a
  friendly reminder. It never raises, so a notebook runs top to bottom as shipped.
* ``hint()`` prints a hint; ``solution()`` prints the worked solution.

Expected values are computed by the package itself (pass a callable), so an exercise can never
disagree with the numbers a notebook shows. ``evaluate(answer)`` returns the :class:`Feedback`
without printing, for tests.

Exercise sets per notebook live in the modules ``wfmcourse.exercises.nb01`` ... ``nb08``.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from .. import nl

CORRECT, INCORRECT, UNANSWERED = "goed", "fout", "leeg"


@dataclass(frozen=True)
class Feedback:
    """Outcome of checking one answer: ``status`` is ``"goed"``, ``"fout"`` or ``"leeg"``."""

    status: str
    message: str

    @property
    def correct(self) -> bool:
        return self.status == CORRECT


def _resolve(value):
    return value() if callable(value) else value


def _parse_number(answer):
    """A number from an int, float, numpy scalar or a Dutch/English string ("0,8", "80%")."""
    if isinstance(answer, (bool, np.bool_)):
        return None, False
    if isinstance(answer, str):
        text = answer.strip().replace(" ", "")
        percent = text.endswith("%")
        text = text.rstrip("%").replace(",", ".")
        try:
            return float(text), percent
        except ValueError:
            return None, False
    if np.ndim(answer) == 0:
        try:
            return float(answer), False
        except (TypeError, ValueError):
            return None, False
    return None, False


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


class Exercise:
    """One exercise: a checker function plus hint and solution texts (Dutch)."""

    def __init__(self, title: str, checker: Callable[[Any], Feedback], hint: str, solution: str | Callable[[], str]):
        self.title = title
        self._checker = checker
        self._hint = hint
        self._solution = solution
        self.attempts = 0
        self.solved = False

    def evaluate(self, answer=None) -> Feedback:
        if answer is None or answer is Ellipsis:
            return Feedback(UNANSWERED, "Nog niet beantwoord: vul je antwoord in op de plek van "
                                        "`None` en voer de cel opnieuw uit.")
        return self._checker(answer)

    def check(self, answer=None) -> None:
        feedback = self.evaluate(answer)
        if feedback.status != UNANSWERED:
            self.attempts += 1
            self.solved = self.solved or feedback.correct
        label = {CORRECT: "Goed!", INCORRECT: "Nog niet goed.", UNANSWERED: "Let op:"}[feedback.status]
        print(f"{self.title} - {label} {feedback.message}".rstrip())

    def hint(self) -> None:
        print(f"Hint bij {self.title}: {self._hint}")

    def solution(self) -> None:
        print(f"Oplossing van {self.title}: {_resolve(self._solution)}")

    def __repr__(self) -> str:
        return f"<Exercise {self.title!r}: gebruik .check(antwoord), .hint() of .solution()>"


def number(title: str, expected, *, hint: str, solution, rel: float = 1e-3, abs_tol: float = 0.0,
           unit: str = "", mistakes: dict | None = None, fraction: bool = False) -> Exercise:
    """An exercise whose answer is a number.

    ``expected`` may be a callable (evaluated when checked). ``mistakes`` maps a label to
    ``(value_or_callable, message)``: a typical wrong answer and the feedback that explains it.
    ``fraction=True`` recognises an answer given as a percentage (80 instead of 0.8).
    """
    mistakes = mistakes or {}

    def close(a, b):
        return math.isclose(a, b, rel_tol=rel, abs_tol=abs_tol)

    def checker(answer) -> Feedback:
        value, percent = _parse_number(answer)
        if value is None or not math.isfinite(value):
            return Feedback(INCORRECT, f"Je antwoord moet één getal zijn{' (in ' + unit + ')' if unit else ''}, "
                                       f"niet {answer!r}.")
        if percent:
            value /= 100.0
        target = float(_resolve(expected))
        if close(value, target):
            return Feedback(CORRECT, f"{_format(target)}{' ' + unit if unit else ''} klopt.")
        for wrong, message in mistakes.values():
            if close(value, float(_resolve(wrong))):
                return Feedback(INCORRECT, message)
        if fraction and close(value / 100.0, target):
            return Feedback(INCORRECT, "Je antwoord lijkt een percentage; geef een fractie tussen 0 en 1 "
                                       "(bijvoorbeeld 0,8 in plaats van 80).")
        direction = "te hoog" if value > target else "te laag"
        ratio = value / target if target else math.inf
        size = "ver " if not (0.5 <= ratio <= 2) else ""
        return Feedback(INCORRECT, f"Je antwoord is {size}{direction}. Kijk je berekening nog eens na, "
                                   f"of vraag om een hint met .hint().")

    return Exercise(title, checker, hint, solution)


def whole_number(title: str, expected, *, hint: str, solution, unit: str = "",
                 mistakes: dict | None = None) -> Exercise:
    """An exercise whose answer is a whole number (e.g. a number of agents)."""
    mistakes = mistakes or {}

    def checker(answer) -> Feedback:
        value, _ = _parse_number(answer)
        if value is None or not math.isfinite(value):
            return Feedback(INCORRECT, f"Je antwoord moet een geheel getal zijn, niet {answer!r}.")
        if value != round(value):
            return Feedback(INCORRECT, "Geef een geheel getal: je kunt geen deel van een medewerker "
                                       "inroosteren. Rond af naar boven als een norm gehaald moet worden.")
        target = int(_resolve(expected))
        if int(value) == target:
            return Feedback(CORRECT, f"{target}{' ' + unit if unit else ''} klopt.")
        for wrong, message in mistakes.values():
            if int(value) == int(_resolve(wrong)):
                return Feedback(INCORRECT, message)
        gap = "net " if abs(int(value) - target) == 1 else ""
        direction = "te hoog" if value > target else "te laag"
        return Feedback(INCORRECT, f"Je antwoord is {gap}{direction}.")

    return Exercise(title, checker, hint, solution)


def choice(title: str, correct, options: dict[str, str], *, hint: str, solution,
           feedback: dict[str, str] | None = None) -> Exercise:
    """A multiple-choice exercise. ``options`` maps a key ("a", "b", ...) to its text;
    ``correct`` is one key or a set of keys (then all of them must be given, e.g. "a,c")."""
    feedback = feedback or {}
    wanted = {correct} if isinstance(correct, str) else set(correct)

    def checker(answer) -> Feedback:
        if isinstance(answer, str):
            given = {part for part in re.split(r"[\s,;]+", answer.strip().lower()) if part}
        elif isinstance(answer, (list, tuple, set)):
            given = {str(part).strip().lower() for part in answer}
        else:
            return Feedback(INCORRECT, f"Geef de letter van je keuze als tekst, bijvoorbeeld \"b\", niet {answer!r}.")
        unknown = given - set(options)
        if unknown or not given:
            return Feedback(INCORRECT, f"Kies uit {', '.join(sorted(options))}; "
                                       f"{', '.join(sorted(unknown)) or 'niets'} is geen optie.")
        if given == wanted:
            return Feedback(CORRECT, feedback.get("goed", ""))
        wrong = sorted(given - wanted)
        if wrong and wrong[0] in feedback:
            return Feedback(INCORRECT, feedback[wrong[0]])
        if given < wanted:
            return Feedback(INCORRECT, "Je bent op de goede weg, maar er is meer dan één juist antwoord.")
        return Feedback(INCORRECT, "Dat is niet het juiste antwoord. Lees de vraag nog eens.")

    return Exercise(title, checker, hint, solution)


def term(title: str, expected: str | list[str], *, hint: str, solution) -> Exercise:
    """An exercise whose answer is a word or term; case, accents and punctuation are ignored."""
    accepted = {_normalise(e) for e in ([expected] if isinstance(expected, str) else expected)}

    def checker(answer) -> Feedback:
        if not isinstance(answer, str):
            return Feedback(INCORRECT, f"Geef je antwoord als tekst tussen aanhalingstekens, niet {answer!r}.")
        if _normalise(answer) in accepted:
            return Feedback(CORRECT, "")
        return Feedback(INCORRECT, "Dat is niet het begrip dat we zoeken.")

    return Exercise(title, checker, hint, solution)


def _format(value: float) -> str:
    """A number the Dutch way: decimal comma, up to four significant decimals."""
    if float(value).is_integer():
        return nl.number(value, 0)
    return f"{value:.4g}".replace(".", ",")
