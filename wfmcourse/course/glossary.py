"""The course glossary: ``data/glossary.csv``, with search and lookup.

``data/glossary.csv`` has one row per term with a Dutch definition, an optional plain-text
formula, why the term matters, pitfalls and improvement actions (items separated by ``"; "``),
related terms (also ``"; "``-separated, each one a term of the same file) and the notebook
that treats it. :func:`load` checks all of that and raises
:class:`~wfmcourse.data.files.DataFileError` naming file, line and column.

Pure functions (:func:`search`, :func:`lookup`, :func:`filter_terms`); the card and the
browser widget are in :mod:`wfmcourse.apps.glossary_explorer`. Matching ignores
case, accents (Unicode NFKD) and punctuation, so ``"aht"``, ``"AHT"`` and ``"bezettingsgraad"``
behave as a learner expects, and ``"real time"`` finds ``"Real-time monitoring"``.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

import numpy as np
import pandas as pd

from wfmcourse.course.contents import NOTEBOOKS
from wfmcourse.data.files import Column, DataFileError, data_path, read_table
from wfmcourse.validation import dataframe, type_error, value_error
from wfmcourse.validation import text as checked_text

__all__ = [
    "CATEGORIES",
    "NOTEBOOK_KEYS",
    "LETTERS",
    "COLUMNS",
    "SCHEMA",
    "load",
    "resolve",
    "fold",
    "split_items",
    "search",
    "lookup",
    "filter_terms",
    "GlossaryKeyError",
]

FILE_NAME = "glossary.csv"

#: The fixed set of categories (Dutch, shown to learners), in display order.
CATEGORIES = (
    "Bereikbaarheid & service",
    "Productiviteit & bezetting",
    "Capaciteit & Erlang",
    "Forecasting & planning",
    "Klantbeleving",
    "Kwaliteit & verbetering",
    "Medewerkers & HR",
    "Kanalen & techniek",
    "Organisatie & sturing",
)

#: The notebooks a term can point to (``"03_erlang"``), from the course's one list of notebooks.
NOTEBOOK_KEYS = tuple(nb.key for nb in NOTEBOOKS)

LETTERS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

#: Column order of the file.
COLUMNS = ("term", "abbreviation", "english", "letter", "category", "definition", "formula",
           "why", "pitfalls", "actions", "related", "notebook")

SCHEMA = {
    "term": Column("str"),
    "abbreviation": Column("str", required=False),
    "english": Column("str"),
    "letter": Column("str", choices=LETTERS),
    "category": Column("str", choices=CATEGORIES),
    "definition": Column("str"),
    "formula": Column("str", required=False),
    "why": Column("str"),
    "pitfalls": Column("str", required=False),
    "actions": Column("str", required=False),
    "related": Column("str", required=False),
    "notebook": Column("str", required=False, choices=NOTEBOOK_KEYS),
}

SEPARATOR = ";"


# ---------------------------------------------------------------------------
# text normalisation
# ---------------------------------------------------------------------------
_NON_WORD = re.compile(r"[\W_]+")


def fold(text) -> str:
    """Lower-case ``text`` without accents, with punctuation and runs of spaces as one space.

    ``fold("Real-time Monitoring")`` is ``"real time monitoring"`` and ``fold("Bezettingsgraad
    é")`` drops the accent. Used for every comparison in this module.
    """
    if not isinstance(text, str):
        raise type_error("text", text, "a text (str)")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NON_WORD.sub(" ", plain).strip()


def _first_letter(term: str) -> str:
    folded = fold(term).replace(" ", "")
    return folded[:1].upper()


def split_items(text) -> list[str]:
    """The non-empty ``"; "``-separated items of a field (``related``, ``pitfalls``, ``actions``)."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return []
    if not isinstance(text, str):
        raise type_error("text", text, "a text (str), None or NaN")
    return [item.strip() for item in text.split(SEPARATOR) if item.strip()]


# ---------------------------------------------------------------------------
# data file
# ---------------------------------------------------------------------------
def load(path=None) -> pd.DataFrame:
    """Read ``data/glossary.csv`` (or ``path``) and check it.

    Besides the column types and choices of :data:`SCHEMA` (categories from
    :data:`CATEGORIES`, notebooks from :data:`NOTEBOOK_KEYS`, letters A-Z) it checks that

    * ``letter`` is the first letter of ``term`` (accents ignored);
    * terms are unique, and no abbreviation equals another row's term or abbreviation
      (ignoring case and accents), so :func:`lookup` is unambiguous;
    * every ``related`` item is a term of the file, and not the row's own term.

    Any problem raises :class:`~wfmcourse.data.files.DataFileError` naming file, line (the
    header is line 1) and column. The frame keeps the file's row order.
    """
    path = data_path(FILE_NAME) if path is None else path
    frame = read_table(path, SCHEMA).reset_index(drop=True)

    for row, (term, letter) in enumerate(zip(frame["term"], frame["letter"])):
        expected = _first_letter(term)
        if letter != expected:
            raise DataFileError(path, row + 2, "letter",
                                f"must be the first letter of term {term!r}, {expected!r} "
                                f"(got {letter!r})")

    seen: dict[str, tuple[int, str]] = {}   # folded key -> (row, column)
    for row, (term, abbr) in enumerate(zip(frame["term"], frame["abbreviation"])):
        for column, value in (("term", term), ("abbreviation", abbr)):
            key = fold(value)
            if not key:
                if value:
                    raise DataFileError(path, row + 2, column,
                                        f"needs at least one letter or digit (got {value!r})")
                continue
            if key in seen and seen[key][0] != row:
                first_row, first_col = seen[key]
                raise DataFileError(path, row + 2, column,
                                    f"duplicate name {value!r} (already used as {first_col} "
                                    f"on line {first_row + 2})")
            seen.setdefault(key, (row, column))

    terms = set(frame["term"])
    for row, (term, related) in enumerate(zip(frame["term"], frame["related"])):
        for item in split_items(related):
            if item == term:
                raise DataFileError(path, row + 2, "related",
                                    f"a term cannot be related to itself (got {item!r})")
            if item not in terms:
                close = difflib.get_close_matches(item, sorted(terms), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise DataFileError(path, row + 2, "related",
                                    f"unknown term {item!r}: every related item must be a term "
                                    f"of the file, separated by '; '{hint}")
    return frame


@lru_cache(maxsize=1)
def _shipped() -> pd.DataFrame:
    return load()


def resolve(glossary=None) -> pd.DataFrame:
    """The given glossary frame (checked to have the columns of :func:`load`), or the shipped file.

    Every function here and in :mod:`wfmcourse.course.glossary_graph` takes ``glossary=None`` and
    resolves it with this: ``None`` means ``data/glossary.csv``, read and checked once.
    """
    if glossary is None:
        return _shipped()
    return dataframe("glossary", glossary, ("term", "abbreviation", "english", "definition"))


# ---------------------------------------------------------------------------
# search and lookup
# ---------------------------------------------------------------------------


def _rank(q: str, term: str, abbr: str, english: str, definition: str) -> int | None:
    """0 exact term/abbreviation, 1 exact English or prefix, 2 inside a name, 3 in the definition."""
    names = [n for n in (term, abbr) if n]
    if q in names:
        return 0
    if q == english or any(n.startswith(q) for n in names):
        return 1
    padded = f" {q}"
    if any(padded in f" {n}" for n in names + [english]):   # starts at a word
        return 2
    if any(q in n for n in names + [english]):
        return 3
    if q in definition:
        return 4
    return None


def search(query, glossary=None) -> pd.DataFrame:
    """Terms matching ``query``, best first, as a subset of the glossary (same index).

    Case, accents and punctuation are ignored. The order is: exact term or abbreviation
    (``"aht"`` finds *Average Handling Time* first); exact English term or a term/abbreviation
    starting with the query; the query at the start of a word in term, abbreviation or English
    term; anywhere in those; finally matches in the definition only. Within a rank terms are
    alphabetical. An empty query (or one without letters or digits) returns the whole glossary
    in its own order.
    """
    frame = resolve(glossary)
    q = fold(checked_text("query", query, optional=True) or "")
    if not q:
        return frame.copy()
    ranks = [
        _rank(q, fold(t), fold(a), fold(e), fold(d))
        for t, a, e, d in zip(frame["term"], frame["abbreviation"], frame["english"],
                              frame["definition"])
    ]
    order = sorted(
        (r, fold(t), i) for i, (r, t) in enumerate(zip(ranks, frame["term"])) if r is not None
    )
    return frame.iloc[[i for _, _, i in order]]


class GlossaryKeyError(KeyError):
    """Unknown glossary term; ``str()`` shows the message without KeyError's extra quotes."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def lookup(term, glossary=None) -> pd.Series:
    """The row of ``term`` (matched on term, then abbreviation, then English term).

    Case, accents and punctuation are ignored: ``lookup("aht")`` and ``lookup("average
    handling time")`` give the same row. An unknown term raises ``KeyError`` that suggests
    close matches.
    """
    frame = resolve(glossary)
    key = fold(checked_text("term", term))
    if key:
        for column in ("term", "abbreviation", "english"):
            hits = np.flatnonzero([fold(v) == key for v in frame[column]])
            if len(hits) == 1 or (len(hits) > 1 and column != "english"):
                return frame.iloc[int(hits[0])].copy()
    names = {}
    for column in ("term", "abbreviation"):
        for t, v in zip(frame["term"], frame[column]):
            if fold(v):
                names.setdefault(fold(v), t)
    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)
    if not close and key:
        close = [k for k in names if key in k][:3]
    suggestions = list(dict.fromkeys(names[k] for k in close))
    hint = (f" Did you mean: {', '.join(repr(s) for s in suggestions)}?" if suggestions
            else " Use glossary.search() to find terms by part of a word.")
    raise GlossaryKeyError(f"No glossary term or abbreviation {term!r}.{hint}")


def filter_terms(glossary, letter=None, category=None) -> pd.DataFrame:
    """Rows of ``glossary`` with the given first ``letter`` and/or ``category`` (order kept).

    ``None`` means no filter. ``letter`` is one letter A-Z (any case); ``category`` one of
    :data:`CATEGORIES`. Anything else raises ``ValueError``.
    """
    frame = resolve(glossary)
    mask = np.ones(len(frame), dtype=bool)
    if letter is not None:
        if not isinstance(letter, str):
            raise type_error("letter", letter, "one letter A-Z or None")
        if letter.upper() not in LETTERS:
            raise value_error("letter", letter, "choice", "be one letter A-Z or None")
        mask &= (frame["letter"] == letter.upper()).to_numpy()
    if category is not None:
        if not isinstance(category, str):
            raise type_error("category", category, "a category name or None")
        if category not in CATEGORIES:
            raise value_error("category", category, "choice",
                              f"be one of {', '.join(CATEGORIES)} or None")
        mask &= (frame["category"] == category).to_numpy()
    return frame[mask]
