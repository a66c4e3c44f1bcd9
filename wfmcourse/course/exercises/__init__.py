"""Exercises with feedback, in the style of Kaggle's learntools.

Each *Opdracht* in a notebook is an :class:`Exercise` with three methods:

* ``check(answer)`` shows Dutch feedback: correct, what is off (without giving the answer away),
  or - when the learner has not answered yet (``None``, ``...`` or ``""``, the value the notebooks
  ship with) - a friendly reminder. It never raises, so a notebook runs top to bottom as shipped.
* ``hint()`` shows a hint; ``solution()`` shows the worked solution.

Feedback is displayed through ``IPython.display``: JupyterLab shows it as HTML (a coloured label,
words never broken mid-line), a terminal or a plain-text front end gets the same text. Outside
IPython it is printed. ``evaluate(answer)`` returns the :class:`Feedback` without showing it, for
tests.

Expected values are computed by the package itself (pass a callable), so an exercise can never
disagree with the numbers a notebook shows; never type an expected number in.

Constructors and their keywords
-------------------------------
``number(title, expected, *, hint, solution, decimals, printed=(), unit="", fraction=False, mistakes=None)``
    A numeric answer. ``decimals`` is the precision the question asks for (0 = a whole number,
    1 = one decimal, ...); ``printed`` the precision(s) at which the notebook and the solution
    print the value. An answer is right when it is the expected value correctly rounded to any
    precision at least as fine as the coarsest of these (or more precise and agreeing at the
    finest): with ``decimals=1, printed=0`` both ``37`` and ``36,6`` are right for 36.63, ``36``
    and ``36,7`` are wrong. An answer that is correctly rounded but too coarse gets "rond af op
    één decimaal", never "te hoog/te laag". For ``fraction=True`` answers the decimals count in
    the fraction (``decimals=2``: 0,78 or 78 %); ``"78%"``/``"78 %"`` strings are accepted and a
    bare 78 gets a "geef een fractie" message, a fraction with a percent sign (``"0.86 %"``) one that
    says so. ``unit`` is shown in feedback ("40,8 FTE klopt")
    and must appear in the notebook's question. ``mistakes`` maps a label to
    ``(value_or_callable, message)``: a typical wrong answer, matched at the learner's precision,
    and the feedback that explains it. The old ``rel=``/``abs_tol=`` keywords still work (a plain
    relative tolerance) but declare no precision; course exercises use ``decimals=``.
``whole_number(title, expected, *, hint, solution, kind="aantal", unit="", mistakes=None, direction=True)``
    A whole-number answer. ``kind`` fits the messages to what is counted: ``"medewerkers"``
    (a fraction gets "je kunt geen deel van een medewerker inroosteren"), ``"week"`` (a week
    number: "week 12 klopt", "te vroeg/te laat"; "week 12" as text is accepted) or ``"aantal"``
    (any other count, with ``unit`` such as ``"contacten"``). ``direction=False`` leaves out
    higher/lower hints, for questions where that would give the answer away.
``choice(title, correct, options, *, hint, solution, feedback=None)``
    Multiple choice; ``correct`` is a key or a set of keys (then all must be given, "a,c").
``term(title, expected, *, hint, solution)``
    A word; case, accents and punctuation are ignored.
``open_question(title, *, model_answer, points, hint, min_words=15)``
    An open question (an advice): the answer is "goed" when it makes every point in ``points``
    (point -> words that show it), otherwise the feedback names the missing points;
    ``.solution()`` shows the model answer.

Every answer form a learner may type is accepted: int, float, numpy scalars, strings with a
decimal comma or point (``"24,6"``), a trailing unit - in full, by a part of a compound unit or by a
synonym (``"45,4 FTE"`` or ``"45,4 per jaar"`` for "FTE per jaar", ``"25 man"`` for medewerkers) - and
percentage strings, each with or without a closing full stop (``"86 %."``). Multiple choice also
accepts letters without a separator (``"bd"``). A
wrong type (list, dict, ``True``, text) gets a clear Dutch message.

Metadata for tests
------------------
Every exercise carries what the tests need to try it without knowing it: ``answer_type``
(``"number"``, ``"whole_number"``, ``"choice"``, ``"term"``, ``"open"``), ``expected_value()``,
``mistake_values()`` (label -> value), ``decimals``, ``printed``, ``fraction``, ``unit``,
``kind``, ``options``, and ``question_requirements()``: the phrases (units, precision, options)
the notebook's question cell must contain so a learner can answer. A :class:`Feedback` carries a
``reason`` (``"goed"``, ``"te grof"``, ``"afronding"``, a mistake label, ...).

In a notebook, an exercise is a markdown cell with the heading ``### Opdracht N`` (explanations may
precede it in the same cell) that shows everything needed to answer - options as ``a) text``
exactly as in ``options``, the unit and the precision in words ("op één decimaal") - followed by
a code cell with ``oefeningen.opdracht_N.check(antwoord_N)``; tests/test_exercise_answers.py checks this.

Exercise sets per notebook live in a module named after the notebook without its number
(``03_erlang.ipynb`` -> ``wfmcourse.course.exercises.erlang``, see ``Notebook.exercises`` in
:mod:`wfmcourse.course.contents`), imported in the notebook as
``from wfmcourse.course.exercises import erlang as oefeningen``; each has ``OPDRACHTEN`` (its exercises)
and ``ANSWERS`` (one right and one wrong answer each). Names never carry the number, so renumbering
the course never gives an existing name a new meaning. The names of the first numbering (``nb00`` ...
``nb08``, used by learners' copies made before notebooks 05, 07 and 08 were added) still import the
exercises they always meant (:data:`FIRST_NUMBERING`).
"""
from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import numpy as np

from wfmcourse.presentation import dutch

CORRECT, INCORRECT, UNANSWERED = "goed", "fout", "leeg"

_WORDS = {0: "nul", 1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes"}


@dataclass(frozen=True)
class Feedback:
    """Outcome of checking one answer: ``status`` is ``"goed"``, ``"fout"`` or ``"leeg"``;
    ``reason`` says which rule decided (``"goed"``, ``"te grof"``, a mistake label, ...)."""

    status: str
    message: str
    reason: str = ""

    @property
    def correct(self) -> bool:
        return self.status == CORRECT


# --------------------------------------------------------------------------- display

_STYLES = {
    # status: (label, colour) -- dark enough for contrast on white and on JupyterLab's dark theme
    CORRECT: ("Goed!", "#2e7d32"),
    INCORRECT: ("Nog niet goed.", "#c62828"),
    UNANSWERED: ("Let op:", "#b26a00"),
    "hint": ("Hint:", "#1565c0"),
    "oplossing": ("Oplossing:", "#00796b"),
}


class Shown:
    """Feedback as the learner sees it: HTML in JupyterLab, the same words as plain text elsewhere."""

    def __init__(self, style: str, title: str, text: str) -> None:
        self.style, self.title, self.text = style, title, text

    def __str__(self) -> str:
        label = _STYLES[self.style][0]
        if self.style in ("hint", "oplossing"):
            return f"{label[:-1]} bij {self.title}: {self.text}".rstrip()
        return f"{self.title} - {label} {self.text}".rstrip()

    __repr__ = __str__

    def _repr_html_(self) -> str:
        label, colour = _STYLES[self.style]
        text = re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(self.text))
        return (f'<div style="border-left: 4px solid {colour}; padding: 0.2em 0 0.2em 0.7em; '
                'white-space: normal; word-break: normal; overflow-wrap: normal; hyphens: manual; '
                f'line-height: 1.5"><span style="color: {colour}; font-weight: bold">'
                f'{html.escape(self.title)} · {html.escape(label)}</span> {text}</div>')


def _show(shown: Shown) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython is a dependency of the notebooks
        print(shown)
        return
    if get_ipython() is None:
        print(shown)
    else:
        display(shown)


# --------------------------------------------------------------------------- parsing

def _resolve(value: Any) -> Any:
    return value() if callable(value) else value


_NUMBER = re.compile(r"^([-+]?)(\d[\d.,]*|[.,]\d+)$")


def _describe(answer) -> str:
    """How a wrong-type answer is called in a message."""
    if isinstance(answer, (bool, np.bool_)):
        return f"{answer} (ja/nee)"
    if type(answer).__name__ in ("Series", "DataFrame"):
        return "een pandas-tabel of -reeks (haal het getal eruit, bijvoorbeeld met .iloc[0])"
    if isinstance(answer, dict):
        return "een dictionary"
    if isinstance(answer, (list, tuple, set, np.ndarray)):
        return "een lijst van waarden"
    text = repr(answer)
    return text if len(text) <= 40 else text[:37] + "..."


# Units a learner may write after a number: groups of words that mean the same unit, with their common
# abbreviations (matched case-insensitively). A compound unit ("FTE per jaar", "mensen per jaar") may be
# written in full, by its first part ("45,4 FTE", "32 mensen"), by its period ("32 per jaar") or as
# "FTE/jaar"; each part in any form of its group.
_UNIT_GROUPS = (
    ("seconden", "seconde", "sec", "s"),
    ("uren", "uur", "u", "h", "medewerkeruren", "medewerkeruur", "mdw-uren", "manuren", "werkuren"),
    ("minuten", "minuut", "min", "m"),
    ("erlang", "e"),
    ("medewerkers", "medewerker", "mensen", "mens", "personen", "persoon", "man", "mdw"),
    ("contacten", "contact", "gesprekken", "gesprek"),
    ("e-mails", "e-mail", "emails", "email", "mails", "mail"),
    ("fte",),
    ("jaar", "jr"),
    ("week", "weken", "wk"),
    ("maand", "maanden", "mnd"),
    ("dag", "dagen"),
)
_MINUTES = r"\s*(minuten|minuut|min|m)\.?\s*$"


def _unit_forms(word: str) -> list[str]:
    """``word`` and the words of its synonym group, longest first (so "uren" is tried before "u")."""
    group = next((g for g in _UNIT_GROUPS if word.lower() in g), ())
    return sorted({word, *group}, key=len, reverse=True)


def _alternation(word: str) -> str:
    return "(?:" + "|".join(re.escape(form) for form in _unit_forms(word)) + ")"


def _unit_pattern(unit: str) -> str:
    """A regex for ``unit``, a part of it or a synonym at the end of an answer ("450 s", "37u",
    "45,4 fte", "45,4 FTE/jaar", "32 per jaar", "25 man")."""
    head, _sep, period = (part.strip() for part in unit.partition(" per "))
    alternatives = [re.escape(unit)]
    if head:
        alternatives.append(" ".join(_alternation(word) for word in head.split()))
    if period:
        per = r"(?:per|/|p\.)\s*" + _alternation(period)
        alternatives.insert(0, (alternatives[-1] + r"\s*" + per) if head else per)
        alternatives.append(per)
    return r"(?<=[\d\s])\s*(" + "|".join(alternatives) + r")\.?\s*$"


def _in_minutes(answer, unit: str) -> bool:
    """The learner answered in minutes ("7,5 min") where the question asks for seconds or hours."""
    asks_time = bool(unit) and bool({"seconden", "uren"} & set(_unit_forms(unit)))
    typed = isinstance(answer, str) and re.search(r"\d" + _MINUTES, answer, flags=re.IGNORECASE) is not None
    return asks_time and typed


def _parse_number(answer: Any, unit: str = "") -> tuple[float | None, int, bool]:
    """``(value, decimals_typed, percent)`` from an int, float, numpy scalar or a Dutch/English
    string ("0,8", "24.6", "1.234,5", "78 %", "78 procent", "40,8 FTE", "450 s"); ``(None, 0, False)``
    if it is no number."""
    if isinstance(answer, np.ndarray) and answer.ndim == 0:
        answer = answer[()]                     # a 0-d array is a number
    if isinstance(answer, (bool, np.bool_)):
        return None, 0, False
    if isinstance(answer, (int, np.integer)):
        return float(answer), 0, False
    if isinstance(answer, (float, np.floating)):
        value = float(answer)
        if not math.isfinite(value):
            return None, 0, False
        text = np.format_float_positional(answer, unique=True, trim="-")
        return value, len(text.partition(".")[2]), False
    if not isinstance(answer, str):
        return None, 0, False
    text = answer.strip().replace("\u2212", "-")    # a typographic minus sign
    text = re.sub(r"(?<=\S)\s*\.\s*$", "", text)         # a full stop ending the answer: "86 %.", "24,6."
    scale = 1.0
    if re.search(r"\beuro\b", unit, flags=re.IGNORECASE):   # "€ 62.000,-", "62000 EUR", "88 duizend"
        text = re.sub(r"(?<=\d)\s*k\b", " duizend", text, flags=re.IGNORECASE)             # "93k"
        if re.search(r"\bduizend\b", text, flags=re.IGNORECASE) and not re.search(r"\bduizend\b", unit, re.I):
            text, scale = re.sub(r"\s*\bduizend\b", "", text, flags=re.IGNORECASE), 1000.0   # "62 duizend" euro
        text = re.sub(r"^(€|eur\b|euro\b)\s*", "", text, flags=re.IGNORECASE)
        text = re.sub(r"\s*(per|/)\s*jaar$", "", text, flags=re.IGNORECASE)   # "62.000 euro per jaar"
        text = re.sub(r",-+$", "", text)
        text = re.sub(r"\s*(€|\beur\b|\beuro\b)", "", text, flags=re.IGNORECASE).strip()
        unit = re.sub(r"\s*\beuro\b", "", unit, flags=re.IGNORECASE).strip()
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):   # an amount in euros: the dots group thousands
            text = text.replace(".", "")
    if unit:
        text = re.sub(_unit_pattern(unit), "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*(procent|pct\.?)\s*$", "%", text, flags=re.IGNORECASE)
    text = text.replace(" ", "").replace("\u00a0", "")
    percent = text.endswith("%")
    text = text.rstrip("%")
    match = _NUMBER.match(text)
    if not match:
        return None, 0, False
    body = match.group(2)
    if "," in body and "." in body:          # the last separator is the decimal one
        decimal_sep = "," if body.rfind(",") > body.rfind(".") else "."
        body = body.replace("." if decimal_sep == "," else ",", "").replace(decimal_sep, ".")
    elif body.count(".") > 1 or body.count(",") > 1:   # 1.234.567: only thousands separators
        if not re.fullmatch(r"\d{1,3}([.,]\d{3})+", body):
            return None, 0, False
        body = body.replace(".", "").replace(",", "")
    else:
        body = body.replace(",", ".")
    try:
        exact = Decimal(match.group(1) + body)
    except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
        return None, 0, False
    decimals = max(0, -exact.as_tuple().exponent)
    value = float(exact)
    if scale != 1.0:
        value, decimals = value * scale, max(0, decimals - 3)
    if percent:
        value, decimals = value / 100.0, decimals + 2
    return value, decimals, percent


_MINUTES_MESSAGE = {
    "seconden": "Je antwoord is in minuten, maar de vraag vraagt seconden. Alle tijden in het pakket "
                "zijn in seconden: reken om (1 minuut = 60 seconden).",
    "uren": "Je antwoord is in minuten, maar de vraag vraagt uren: reken om (60 minuten = 1 uur).",
}


def _comma_tip(answer) -> str:
    """The decimal-comma tip, only when a comma is what went wrong: ``24,6`` typed without quotes is a
    tuple in Python; a string with a comma that is no number."""
    if isinstance(answer, tuple) and len(answer) == 2 and all(isinstance(a, (int, np.integer)) for a in answer):
        whole, part = answer
        return (f" Zonder aanhalingstekens leest Python {whole},{part} als twee getallen: schrijf {whole}.{part} "
                f"of \"{whole},{part}\".")
    if isinstance(answer, str) and "," in answer:
        return " Een decimale komma mag, maar schrijf dan alleen het getal (en eventueel de eenheid): \"24,6\"."
    return ""


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _unanswered(answer) -> bool:
    return answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip())


# --------------------------------------------------------------------------- precision

def precision_phrase(decimals: int, fraction: bool = False) -> str:
    """How a precision is said in a question and in feedback: 'één decimaal', 'twee decimalen',
    'een geheel getal'; for fractions with the matching percentage ('twee decimalen (hele procenten)')."""
    if decimals == 0:
        base = "een geheel getal"
    else:
        base = f"{_WORDS.get(decimals, str(decimals))} decima{'al' if decimals == 1 else 'len'}"
    if fraction and decimals >= 2:
        pct = "hele procenten" if decimals == 2 else \
            f"procenten met {precision_phrase(decimals - 2)}"
        return f"{base} ({pct})"
    return base


def _precision_alternatives(decimals: int, fraction: bool) -> list[str]:
    """Phrases of which one must appear in a question that asks for this precision."""
    if decimals == 0:
        return ["geheel getal", "hele getal", "afgerond op hele", "0 decimalen"]
    word = _WORDS.get(decimals, str(decimals))
    noun = "decimaal" if decimals == 1 else "decimalen"
    found = [f"{word} {noun}", f"{decimals} {noun}"]
    if decimals == 1:
        found.append("een decimaal")
    if fraction and decimals == 2:
        found.append("hele procent")
    if fraction and decimals == 3:
        found += ["procent met één decimaal", "procenten met één decimaal"]
    return found


def _round_half_up(x: float, places: int) -> Decimal:
    return Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _agrees(value: float, typed: int, target: float, finest: int) -> bool:
    """The answer, typed with ``typed`` decimals, is the target correctly rounded; typed with more
    decimals than the finest accepted precision, it may also round (half up) to the same value as the
    target there (40,85 and 40,9 for 40,8497 at one decimal; 87,02 is not 88 for 87,51)."""
    half = 0.5 * 10.0 ** -typed
    if abs(value - target) <= half * (1 + 1e-9) + 1e-12 * max(1.0, abs(target)):
        return True
    return typed > finest and _round_half_up(value, finest) == _round_half_up(target, finest)


def _show_value(value: float, decimals: int, fraction: bool, percent: bool, unit: str) -> str:
    if fraction and percent:
        text = dutch.percent(value, max(decimals - 2, 0))
    else:
        text = dutch.number(value, decimals)
    return f"{text} {unit}".rstrip() if unit else text


# --------------------------------------------------------------------------- exercises

class Exercise:
    """One exercise: a checker function plus hint and solution texts (Dutch), and the metadata
    that lets tests try it (see the module docstring)."""

    def __init__(self, title: str, checker: Callable[[Any], Feedback], hint: str, solution: str | Callable[[], str],
                 *, answer_type: str = "", expected=None, unit: str = "", kind: str = "",
                 decimals: int | None = None, printed: tuple[int, ...] = (), fraction: bool = False,
                 mistakes: dict | None = None, options: dict | None = None) -> None:
        self.title = title
        self._checker = checker
        self._hint = hint
        self._solution = solution
        self.attempts = 0
        self.solved = False
        self.answer_type = answer_type
        self.expected = expected
        self.unit = unit
        self.kind = kind
        self.decimals = decimals
        self.printed = tuple(printed)
        self.fraction = fraction
        self.mistakes = dict(mistakes or {})
        self.options = dict(options or {})

    # -- metadata
    def expected_value(self) -> Any:
        """The right answer: a number, a set of option keys or a list of accepted terms."""
        return _resolve(self.expected)

    def mistake_values(self) -> dict:
        return {label: _resolve(value) for label, (value, _message) in self.mistakes.items()}

    def question_requirements(self) -> list[tuple[str, list[str]]]:
        """``(what, alternatives)`` pairs: the question cell must contain one of the alternatives."""
        needs = []
        if self.answer_type == "choice":
            needs += [(f"optie {key}", [f"{key}) {text}"]) for key, text in self.options.items()]
        if self.unit:
            needs += [(f"eenheid {word}", [word]) for word in self.unit.split() if word not in ("per",)]
        if self.kind == "week":
            needs.append(("weeknummer", ["week"]))
        elif self.answer_type == "whole_number":
            needs.append(("een geheel aantal", ["geheel", "hele"]))
        if self.fraction:
            needs.append(("fractie of percentage", ["fractie", "%", "procent"]))
        if self.decimals is not None:
            needs.append((f"precisie {self.decimals}", _precision_alternatives(self.decimals, self.fraction)))
        return needs

    # -- use
    def evaluate(self, answer=None) -> Feedback:
        if _unanswered(answer):
            return Feedback(UNANSWERED, "Nog niet beantwoord: vul je antwoord in op de plek van "
                                        "`None` en voer de cel opnieuw uit.", "leeg")
        return self._checker(answer)

    def check(self, answer=None) -> None:
        feedback = self.evaluate(answer)
        if feedback.status != UNANSWERED:
            self.attempts += 1
            self.solved = self.solved or feedback.correct
        _show(Shown(feedback.status, self.title, feedback.message))

    def hint(self) -> None:
        _show(Shown("hint", self.title, self._hint))

    def solution(self) -> None:
        _show(Shown("oplossing", self.title, _resolve(self._solution)))

    def __repr__(self) -> str:
        return f"<Exercise {self.title!r}: gebruik .check(antwoord), .hint() of .solution()>"


def _with_other_unit(answer) -> tuple[float, int, str] | None:
    """``(value, decimals, unit word)`` when ``answer`` is a number followed by a unit of another question
    ("11,5 Erlang", "82 seconden"); None otherwise."""
    if not isinstance(answer, str):
        return None
    for group in _UNIT_GROUPS:
        for word in sorted(group, key=len, reverse=True):
            if len(word) < 2:
                continue                       # "s", "u", "m", "e" alone say too little
            match = re.search(rf"(?<=[\d\s]){re.escape(word)}\.?\s*$", answer.strip(), flags=re.IGNORECASE)
            if match:
                value, typed, percent = _parse_number(answer.strip()[:match.start()])
                if value is not None and not percent:
                    return value, typed, group[0]
    return None


def _in_euros(answer, unit: str, value: float | None, expected) -> bool:
    """For an answer asked in thousands of euros: an amount typed in euros ("93 euro", "€ 93.000", or a number
    whose thousands lie within 1 of the answer, such as 92.499 for 92,6)."""
    if not re.fullmatch(r"duizend euro(?: per \w+)?", unit.strip(), flags=re.IGNORECASE):
        return False
    if isinstance(answer, str) and re.search(r"€|\beur(o)?\b", answer, flags=re.IGNORECASE) and \
            not re.search(r"\bduizend\b|\d\s*k\b", answer, flags=re.IGNORECASE):
        return True
    if value is None:
        return False
    target = float(_resolve(expected))
    return abs(value) >= 1000 and abs(round(value / 1000) - round(target)) <= 1


def _typed_mistake(mistakes: dict, value: float, typed: int, levels: list) -> Feedback | None:
    """The typical mistake ``value`` (typed with ``typed`` decimals) matches, at that precision."""
    finest = levels[-1] if levels else typed
    for label, (wrong, message) in mistakes.items():
        if _agrees(value, typed, float(_resolve(wrong)), max(finest, typed)):
            return Feedback(INCORRECT, message, label)
    return None


def number(title: str, expected, *, hint: str, solution, decimals: int | None = None,
           printed: int | tuple[int, ...] = (), unit: str = "", mistakes: dict | None = None,
           fraction: bool = False, rel: float = 1e-3, abs_tol: float = 0.0) -> Exercise:
    """An exercise whose answer is a number, right at the declared precision(s); see the module
    docstring. Without ``decimals`` and ``printed`` it falls back to the relative tolerance ``rel``."""
    mistakes = mistakes or {}
    printed = (printed,) if isinstance(printed, int) else tuple(printed)
    levels = sorted({*printed, *(() if decimals is None else (decimals,))})
    unit_text = f" (in {unit})" if unit else ""

    def legacy_close(a: float, b: float) -> bool:
        return math.isclose(a, b, rel_tol=rel, abs_tol=abs_tol)

    def checker(answer) -> Feedback:
        if _in_minutes(answer, unit):
            asked = "uren" if "uren" in _unit_forms(unit) else "seconden"
            return Feedback(INCORRECT, _MINUTES_MESSAGE[asked], "minuten")
        value, typed, percent = _parse_number(answer, unit)
        if value is None:
            other = _with_other_unit(answer)       # "11,5 Erlang" where the question asks hours
            if other is not None:
                found = _typed_mistake(mistakes, *other[:2], levels)
                if found is not None:
                    return found
                return Feedback(INCORRECT, f"De vraag vraagt het antwoord{unit_text}, niet in {other[2]}.", "eenheid")
            return Feedback(INCORRECT, f"Je antwoord moet één getal zijn{unit_text}, niet {_describe(answer)}."
                                       f"{_comma_tip(answer)}", "type")
        if _in_euros(answer, unit, value, expected):
            if value is not None and abs(value) < 1000:       # "€ 93": the number may be right, the € says euros
                return Feedback(INCORRECT, "Met een euroteken of 'euro' erbij is het een bedrag in euro's. De vraag "
                                           "is in duizenden euro's: geef alleen het getal, of schrijf 'duizend' "
                                           "erbij.", "in euro")
            return Feedback(INCORRECT, "Dat is het bedrag in euro's. De vraag is in duizenden euro's: deel door "
                                       "1.000.", "in euro")
        if percent and not fraction:
            found = _typed_mistake(mistakes, value * 100.0, max(typed - 2, 0), levels) or _typed_mistake(
                mistakes, value, typed, levels)      # "82 %": a mistake as the number typed, or as a fraction
            if found is not None:
                return found
            return Feedback(INCORRECT, f"Deze vraag vraagt geen percentage: geef het getal{unit_text}, "
                                       "zonder procentteken.", "type")
        target = float(_resolve(expected))
        if levels:
            coarsest, finest = levels[0], levels[-1]

            def same(goal: Any) -> bool:
                return _agrees(value, typed, float(_resolve(goal)), finest)
        else:
            coarsest = finest = typed

            def same(goal: Any) -> bool:
                return legacy_close(value, float(_resolve(goal)))

        exact = bool(levels) and _agrees(value, max(typed, finest), target, finest)   # e.g. 40 for exactly 40.0
        # A whole percentage ending in 0 ("40 %") may be rounded to tens of percents: one decimal as a fraction.
        loose = typed
        if percent and typed == 2 and round(value * 100) % 10 == 0 and round(value * 100) % 100:
            loose = 1
        # A fraction typed without decimals (0 or 1) is not a rounding of a share but a claim of 0 % or 100 %.
        whole_fraction = fraction and not percent and typed == 0
        too_coarse = bool(levels) and not exact and not whole_fraction and (
            (typed < coarsest and same(target)) or (loose < coarsest and _agrees(value, loose, target, finest)))
        if exact or (typed >= coarsest and same(target)):
            shown = _show_value(value if typed <= finest else target, min(typed, finest), fraction, percent, unit)
            finer = ""
            if levels and typed < finest and not exact:
                finer = f" (nauwkeuriger: {_show_value(target, finest, fraction, percent, unit)})"
            return Feedback(CORRECT, f"{shown} klopt{finer}.", "goed")
        if too_coarse:        # before the mistakes: 0,4 for 0,43 is right, only too coarse, even when 0,40 is a
            return Feedback(INCORRECT, f"Je antwoord is te grof afgerond: rond af op "   # typical mistake
                                       f"{precision_phrase(coarsest, fraction)}.", "te grof")
        for label, (wrong, message) in mistakes.items():     # a typical mistake, to the last printed digit
            if levels and _agrees(value, finest, float(_resolve(wrong)), finest):
                return Feedback(INCORRECT, message, label)
        if typed < coarsest and same(target) and not whole_fraction:
            return Feedback(INCORRECT, f"Je antwoord is te grof afgerond: rond af op "
                                       f"{precision_phrase(coarsest, fraction)}.", "te grof")
        for label, (wrong, message) in mistakes.items():    # at the learner's precision, if fine enough to judge
            if (not levels or typed >= coarsest) and same(wrong):
                return Feedback(INCORRECT, message, label)
        if fraction and not percent and levels and value > 1:    # a typical mistake typed as a bare percentage
            found = _typed_mistake(mistakes, value / 100.0, typed + 2, levels)
            if found is not None:
                return found
        if fraction and not percent and levels and _agrees(value / 100.0, typed + 2, target, finest):
            return Feedback(INCORRECT, "Je antwoord lijkt een percentage; geef een fractie tussen 0 en 1 "
                                       "(bijvoorbeeld 0,8 in plaats van 80), of schrijf het als tekst met "
                                       "procentteken: \"80 %\".", "percentage")
        if fraction and percent and levels and _agrees(value * 100.0, max(typed - 2, 0), target, finest):
            places = max(typed - 2, 0)
            return Feedback(INCORRECT, f"Je schreef een fractie mét procentteken: {dutch.percent(value, places)} "
                                       f"is {dutch.number(value, typed)}. Geef de fractie zonder procentteken "
                                       f"({dutch.number(value * 100.0, places)}) of het percentage mét "
                                       f"procentteken (\"{dutch.percent(value * 100.0, max(places - 2, 0))}\").",
                            "percentage")
        if fraction and not percent and not levels and legacy_close(value / 100.0, target):
            return Feedback(INCORRECT, "Je antwoord lijkt een percentage; geef een fractie tussen 0 en 1 "
                                       "(bijvoorbeeld 0,8 in plaats van 80).", "percentage")
        if typed < coarsest and abs(value - target) < 10.0 ** -typed and not whole_fraction:
            return Feedback(INCORRECT, f"Je antwoord is te grof (en niet goed) afgerond: rond af op "
                                       f"{precision_phrase(coarsest, fraction)}.", "te grof")
        direction = "te hoog" if value > target else "te laag"
        unit_step = 10.0 ** -min(typed, finest)     # one in the last digit the learner typed
        # 0 or 1 for a fraction is no rounding slip; nor is a miss of a target that is exact at the typed precision
        exact_target = abs(target - round(target, min(typed, finest))) <= 1e-12 * max(1.0, abs(target))
        if levels and abs(value - target) < unit_step and not whole_fraction and not exact_target:
            return Feedback(INCORRECT, f"Bijna: je antwoord is net {direction}, want niet goed afgerond. Rond "
                                       "pas aan het eind af (5 en hoger naar boven) en reken de tussenstappen "
                                       "zonder afronden.", "afronding")
        if levels and abs(value - target) < 1.5 * unit_step and not whole_fraction:
            return Feedback(INCORRECT, f"Bijna: je antwoord is net {direction}. Kijk je berekening na en reken "
                                       "de tussenstappen zonder afronden, of vraag om een hint met .hint().",
                            "richting")
        ratio = value / target if target else math.inf
        size = "ver " if not (0.5 <= ratio <= 2) else ""
        return Feedback(INCORRECT, f"Je antwoord is {size}{direction}. Kijk je berekening nog eens na, "
                                   f"of vraag om een hint met .hint().", "richting")

    return Exercise(title, checker, hint, solution, answer_type="number", expected=expected, unit=unit,
                    decimals=decimals, printed=printed, fraction=fraction, mistakes=mistakes)


_KINDS = {
    "medewerkers": "Geef een geheel aantal medewerkers: je kunt geen deel van een medewerker inroosteren. "
                   "Rond naar boven af als een norm gehaald moet worden.",
    "week": "Een weeknummer is een geheel getal, bijvoorbeeld 5.",
    "aantal": "Geef een geheel getal: een aantal{unit} heeft geen decimalen.",
}


def whole_number(title: str, expected, *, hint: str, solution, unit: str = "", kind: str | None = None,
                 mistakes: dict | None = None, direction: bool = True, wrong: str | None = None) -> Exercise:
    """An exercise whose answer is a whole number; ``kind`` is ``"medewerkers"``, ``"week"`` or
    ``"aantal"`` (default: ``"medewerkers"`` if that is the unit, else ``"aantal"``).

    ``direction=False`` (a look-up, not a count) never says higher/lower or earlier/later; ``wrong``
    is then the message for any other answer, with ``{answer}`` for it ("Week 52")."""
    mistakes = mistakes or {}
    if kind is None:
        kind = "medewerkers" if unit == "medewerkers" else "aantal"
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {sorted(_KINDS)}, got {kind!r}")
    if kind == "medewerkers" and not unit:
        unit = "medewerkers"
    if kind == "week":
        unit = ""

    def label(n: int) -> str:
        return f"week {n}" if kind == "week" else f"{dutch.number(n, 0)} {unit}".rstrip()

    def checker(answer) -> Feedback:
        given = answer
        if _in_minutes(answer, unit):
            asked = "uren" if "uren" in _unit_forms(unit) else "seconden"
            return Feedback(INCORRECT, _MINUTES_MESSAGE[asked], "minuten")
        if kind == "week" and isinstance(answer, str):
            given = re.sub(r"^\s*week\s*", "", answer, flags=re.IGNORECASE)
        if isinstance(given, str) and re.fullmatch(r"\s*\d{1,3}(\.\d{3})+\s*(\D.*)?", given):
            given = given.replace(".", "")       # a whole number has no decimals: "7.000" is Dutch 7000
        value, _typed, percent = _parse_number(given, unit)
        if value is None or percent:
            what = "een weeknummer" if kind == "week" else f"een geheel getal{' (' + unit + ')' if unit else ''}"
            return Feedback(INCORRECT, f"Je antwoord moet {what} zijn, niet {_describe(answer)}.", "type")
        if value != round(value):
            return Feedback(INCORRECT, _KINDS[kind].format(unit=" " + unit if unit else ""), "geen geheel getal")
        target = int(_resolve(expected))
        given_int = int(round(value))
        if given_int == target:
            text = label(target)
            return Feedback(CORRECT, f"{text[0].upper()}{text[1:]} klopt.", "goed")
        for name, (mistake, message) in mistakes.items():
            if given_int == int(round(float(_resolve(mistake)))):
                return Feedback(INCORRECT, message, name)
        if not direction:
            what = "de goede week" if kind == "week" else "het goede antwoord"
            message = wrong or "{answer} is niet " + what + ". Kijk nog eens, of vraag om een hint met .hint()."
            return Feedback(INCORRECT, message.format(answer=label(given_int).capitalize()), "richting")
        gap = "net " if abs(given_int - target) == 1 else ""
        if kind == "week":
            way = "te laat" if given_int > target else "te vroeg"
            return Feedback(INCORRECT, f"Week {given_int} is {gap}{way}.", "richting")
        way = "te hoog" if given_int > target else "te laag"
        return Feedback(INCORRECT, f"Je antwoord is {gap}{way}.", "richting")

    return Exercise(title, checker, hint, solution, answer_type="whole_number", expected=expected, unit=unit,
                    kind=kind, decimals=None, printed=(0,), mistakes=mistakes)


def _choice_keys(answer, options=()) -> set[str] | None:
    """The option keys in an answer: "b", "a,c", "a en c", ["a", "c"], or letters without a separator
    ("bd") when every letter is an option."""
    if isinstance(answer, str):
        parts = re.split(r"[\s,;/&+]+|\ben\b", answer.strip().lower())
    elif isinstance(answer, (list, tuple, set)) and all(isinstance(part, str) for part in answer):
        parts = [part.lower() for part in answer]
    else:
        return None
    keys = set()
    for part in (part.strip(" ().\"'") for part in parts):
        if len(part) > 1 and len(set(part)) == len(part) and set(part) <= set(options):
            keys |= set(part)
        elif part:
            keys.add(part)
    return keys


def _letters(keys) -> str:
    """'a, b, c of d'."""
    keys = sorted(keys)
    return keys[0] if len(keys) == 1 else f"{', '.join(keys[:-1])} of {keys[-1]}"


def choice(title: str, correct, options: dict[str, str], *, hint: str, solution,
           feedback: dict[str, str] | None = None) -> Exercise:
    """A multiple-choice exercise. ``options`` maps a key ("a", "b", ...) to its text;
    ``correct`` is one key or a set of keys (then all of them must be given, e.g. "a,c")."""
    feedback = feedback or {}
    options = dict(sorted(options.items()))

    def wanted() -> set[str]:
        value = _resolve(correct)
        return {value} if isinstance(value, str) else set(value)

    if len(wanted()) == 1:
        example = f"de letter van je keuze: {_letters(options)}"
    else:
        example = f"de letters van je keuzes, gescheiden door een komma (uit {_letters(options)})"

    by_text = {_normalise(text): key for key, text in options.items()}

    def checker(answer) -> Feedback:
        given = _choice_keys(answer, options)
        if isinstance(answer, str):            # the option's text, or "b) text" copied from the question
            labelled = re.fullmatch(r"\s*\(?([a-z])\s*[).:]\s*(.*)", answer, flags=re.IGNORECASE | re.DOTALL)
            if _normalise(answer) in by_text:
                given = {by_text[_normalise(answer)]}
            elif labelled and labelled.group(1).lower() in options and \
                    _normalise(labelled.group(2)) in ("", _normalise(options[labelled.group(1).lower()])):
                given = {labelled.group(1).lower()}
        if given is None:
            return Feedback(INCORRECT, f"Schrijf je antwoord als tekst tussen aanhalingstekens, niet "
                                       f"{_describe(answer)}. Geef {example}.", "type")
        unknown = given - set(options)
        if any(len(part) > 1 for part in unknown):
            return Feedback(INCORRECT, f"Geef alleen {example}.", "geen optie")
        if unknown or not given:
            return Feedback(INCORRECT, f"Kies uit {', '.join(sorted(options))}; "
                                       f"{', '.join(sorted(unknown)) or 'niets'} is geen optie.", "geen optie")
        right = wanted()
        if len(right) == 1 and len(given) > 1:
            return Feedback(INCORRECT, f"Kies één antwoord, niet meer: geef {example}.", "meer dan één")
        if given == right:
            return Feedback(CORRECT, feedback.get("goed", ""), "goed")
        wrong = sorted(given - right)
        if wrong and wrong[0] in feedback:
            return Feedback(INCORRECT, feedback[wrong[0]], wrong[0])
        if given < right:
            return Feedback(INCORRECT, "Je bent op de goede weg, maar er is meer dan één juist antwoord.",
                            "onvolledig")
        return Feedback(INCORRECT, "Dat is niet het juiste antwoord. Lees de vraag nog eens.", "richting")

    return Exercise(title, checker, hint, solution, answer_type="choice", expected=lambda: wanted(),
                    options=options)


def _bare_term(text: str) -> str:
    """A term without a leading article or a gloss in brackets: "de Shrinkage (krimp)" -> "shrinkage"."""
    text = re.sub(r"\([^)]*\)", " ", str(text))
    return re.sub(r"^(de|het|een)\s+", "", _normalise(text))


def term(title: str, expected: str | list[str], *, hint: str, solution,
         feedback: dict[str, str] | None = None) -> Exercise:
    """An exercise whose answer is a word or term; case, accents, punctuation, a leading article and a
    gloss in brackets are ignored. ``feedback`` maps a typical wrong term to its own message."""
    terms = [expected] if isinstance(expected, str) else list(expected)
    accepted = {_bare_term(e) for e in terms}
    nudges = {_bare_term(wrong): message for wrong, message in (feedback or {}).items()}

    def checker(answer) -> Feedback:
        if not isinstance(answer, str):
            return Feedback(INCORRECT, f"Geef je antwoord als tekst tussen aanhalingstekens, "
                                       f"niet {_describe(answer)}.", "type")
        if _bare_term(answer) in accepted:
            return Feedback(CORRECT, "", "goed")
        if _bare_term(answer) in nudges:
            return Feedback(INCORRECT, nudges[_bare_term(answer)], _bare_term(answer))
        return Feedback(INCORRECT, "Dat is niet het begrip dat we zoeken.", "richting")

    return Exercise(title, checker, hint, solution, answer_type="term", expected=terms)



#: Status of a free-text answer: never "goed" (no machine judges an advice), only what was recognised.
OPEN = "vergelijk"
_STYLES.setdefault(OPEN, ("Vergelijk zelf:", "#1565c0"))
#: Words that negate or reject what stands near them in the same clause.
#: "raad af" / "afraden" rejects what follows: "ik raad af om meer personeel aan te nemen".
_NEGATION = re.compile(r"\b(niet|geen|nooit|onzin|onnodig|overbodig|zinloos|hoeft|hoeven|"
                       r"raadt?(?: \w+){0,2} af|afraden|af te raden|afgeraden|ontraden|ontraadt?)\b")
#: "hoeven" goes with a negation ("hoeft geen", "hoeven niet") and then is part of that one negation,
#: not a second one: "hoeft geen mensen aan te nemen" says "geen mensen aannemen", no double negation.
_WITH_NEGATION = re.compile(r"\b(hoeft|hoeven)\b")
#: "niet alleen" and "niet meer dan" do not reject anything.
_NOT_A_NEGATION = re.compile(r"\bniet (alleen|slechts|enkel|meer dan)\b")
#: Clauses: a negation only counts in the clause of the words it negates.
_CLAUSE = re.compile(r"[.;:!?,()\n]|\s(?:maar|terwijl|want|omdat|zodat|en|of|dus)\s")


def _pattern(entry: str) -> re.Pattern:
    """A plain word or phrase matches as whole words; anything else is a regular expression."""
    if re.fullmatch(r"[\w ]+", entry):
        return re.compile(r"\b" + re.escape(_normalise(entry)) + r"\b")
    return re.compile(entry)


def _clauses(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return [part.strip() for part in _CLAUSE.split(f" {text} ") if part and part.strip()]


def _negated(clause: str, match: re.Match) -> bool:
    """A negation in the clause outside the matched words (a negation inside them is part of the point,
    so for a point that is itself negative, "geen mensen aannemen", that negation is agreement).
    "hoeft"/"hoeven" next to another negation in the clause belongs to it and negates nothing itself."""
    rest = clause[:match.start()] + " | " + clause[match.end():]
    if _NEGATION.search(_WITH_NEGATION.sub(" ", _NOT_A_NEGATION.sub(" ", clause))):
        rest = _WITH_NEGATION.sub(" ", rest)
    return bool(_NEGATION.search(_NOT_A_NEGATION.sub(" ", rest)))


def _contradicts(pattern, clause) -> bool:
    """A contradiction pattern counts in a clause without negation, or anywhere when the pattern spells
    the negation itself ("geen uitzendkrachten", "de training hoeft niet verplaatst")."""
    if not pattern.search(clause):
        return False
    spelled = re.sub(r"\\[a-zA-Z]", " ", pattern.pattern)      # an escape such as \\b is no part of a word
    return bool(_NEGATION.search(spelled)) or not _NEGATION.search(_NOT_A_NEGATION.sub(" ", clause))


def recognise(text: str, points: dict, contradictions: dict | None = None) -> dict[str, str]:
    """Per point: ``"herkend"`` (its words occur, not negated), ``"tegengesproken"`` (they occur only
    negated, or one of its contradiction patterns occurs in a clause without any negation) or
    ``"niet herkend"``."""
    contradictions = contradictions or {}
    clauses = _clauses(text)
    verdict = {}
    for point, words in points.items():
        found = negated = False
        for pattern in map(_pattern, words):
            for clause in clauses:
                for match in pattern.finditer(clause):
                    if _negated(clause, match):
                        negated = True
                    else:
                        found = True
        against = any(_contradicts(pattern, clause)
                      for pattern in map(_pattern, contradictions.get(point, ())) for clause in clauses)
        verdict[point] = "tegengesproken" if against or (negated and not found) else \
            "herkend" if found else "niet herkend"
    return verdict


def open_question(title: str, *, model_answer: str | Callable[[], str], points: dict[str, list[str]],
                  hint: str, min_words: int = 15, contradictions: dict[str, list[str]] | None = None,
                  notes: dict[str, str] | None = None, solution_call: str = ".solution()") -> Exercise:
    """An open question (an advice, an explanation) with a model answer to compare against.

    ``points`` maps each point a good answer makes (shown to the learner, Dutch) to words, phrases
    or regular expressions of which one shows the point is made; case and accents are ignored. A
    point whose words occur only in a negated clause ("verplaats de training niet") counts as
    contradicted, as does one of its ``contradictions`` patterns occurring un-negated. No machine
    judges free text, so the verdict is never "goed": the feedback lists per point "herkend", "niet
    herkend" or "tegengesproken" (with ``notes[point]`` as explanation) and always sends the learner
    to the model answer (``.solution()``). Fewer than ``min_words`` words asks for a fuller answer.
    """
    if not points:
        raise ValueError(f"points must name at least one point a good answer makes, got {points!r}")
    notes = notes or {}

    def checker(answer) -> Feedback:
        if not isinstance(answer, str):
            return Feedback(INCORRECT, f"Schrijf je antwoord als tekst tussen aanhalingstekens, "
                                       f"niet {_describe(answer)}.", "type")
        if len(answer.split()) < min_words:
            return Feedback(INCORRECT, f"Schrijf je antwoord uit in een paar zinnen (minstens {min_words} "
                                       "woorden): wat adviseer je, en waarom?", "te kort")
        verdict = recognise(answer, points, contradictions)
        against = [point for point, v in verdict.items() if v == "tegengesproken"]
        missing = [point for point, v in verdict.items() if v == "niet herkend"]
        lines = "; ".join(f"{point}: {v}" for point, v in verdict.items())
        explain = " ".join(notes[point] for point in against if point in notes)
        text = (f"Checklist (een grove controle op woorden, geen oordeel) - {lines}."
                + (f" Je tekst zegt het tegendeel van: {'; '.join(against)}. {explain}".rstrip() if against else "")
                + f" Vergelijk zelf met het modelantwoord: `{solution_call}`.")
        reason = "tegengesproken" if against else "onvolledig" if missing else "alles herkend"
        return Feedback(OPEN, text, reason)

    return Exercise(title, checker, hint, model_answer, answer_type="open", expected=model_answer,
                    options={point: ", ".join(words) for point, words in points.items()})


#: The module names of the first numbering (00-08) -> the exercise module they meant. Learners'
#: copies in mijn-werk/ made before the renumbering import these; they keep checking the same exercises.
FIRST_NUMBERING = {"nb00": "start", "nb01": "begrippen", "nb02": "kpis", "nb03": "erlang",
                   "nb04": "shrinkage_fte", "nb05": "forecast_rooster", "nb06": "stakeholders",
                   "nb07": "kerncontact", "nb08": "eindcase"}


def __getattr__(name: str) -> Any:
    if name in FIRST_NUMBERING:
        import importlib

        return importlib.import_module(f"{__name__}.{FIRST_NUMBERING[name]}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
