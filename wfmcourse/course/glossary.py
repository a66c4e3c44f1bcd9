"""The course glossary: ``data/glossary.csv``, search and lookup, an HTML card and a widget.

``data/glossary.csv`` has one row per term with a Dutch definition, an optional plain-text
formula, why the term matters, pitfalls and improvement actions (items separated by ``"; "``),
related terms (also ``"; "``-separated, each one a term of the same file) and the notebook
that treats it. :func:`load` checks all of that and raises
:class:`~wfmcourse.data.files.DataFileError` naming file, line and column.

The logic lives in pure functions (:func:`search`, :func:`lookup`, :func:`filter_terms`,
:func:`card_html`); :func:`explorer` is a thin ipywidgets layer over them. Matching ignores
case, accents (Unicode NFKD) and punctuation, so ``"aht"``, ``"AHT"`` and ``"bezettingsgraad"``
behave as a learner expects, and ``"real time"`` finds ``"Real-time monitoring"``.
"""
from __future__ import annotations

import difflib
import html
import re
import unicodedata
from functools import lru_cache

import ipywidgets as widgets
import numpy as np
import pandas as pd

from wfmcourse.validation import type_error

from wfmcourse.data.files import Column, DataFileError, data_path, read_table

__all__ = [
    "CATEGORIES",
    "NOTEBOOKS",
    "NOTEBOOK_TITLES",
    "LETTERS",
    "COLUMNS",
    "SCHEMA",
    "CARD_LABELS",
    "load",
    "fold",
    "split_items",
    "search",
    "lookup",
    "filter_terms",
    "option_label",
    "card_html",
    "explorer",
    "GlossaryExplorer",
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

#: The course notebooks a term can point to, with their Dutch titles.
NOTEBOOK_TITLES = {
    "00_start": "Welkom en de WFM-cyclus",
    "01_begrippen": "Begrippen van A tot Z",
    "02_kpis": "KPI's berekenen en lezen",
    "03_erlang": "Erlang C en Erlang A",
    "04_shrinkage_fte": "Shrinkage en FTE",
    "05_forecast_rooster": "Van forecast naar rooster",
    "06_stakeholders": "Stakeholders rond WFM",
    "07_kerncontact": "Kern-contact: verbeteren aan de bron",
    "08_eindcase": "Eindcase: advies aan een klant",
}
NOTEBOOKS = tuple(NOTEBOOK_TITLES)

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
    "notebook": Column("str", required=False, choices=NOTEBOOKS),
}

#: Dutch labels of the detail card, by column.
CARD_LABELS = {
    "definition": "Definitie",
    "formula": "Formule",
    "why": "Waarom belangrijk",
    "pitfalls": "Valkuilen",
    "actions": "Verbeteracties",
    "related": "Zie ook",
    "notebook": "Behandeld in",
}

ALL = "Alle"   # the "no filter" choice of the widget dropdowns
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
    :data:`CATEGORIES`, notebooks from :data:`NOTEBOOKS`, letters A-Z) it checks that

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


def _glossary(glossary):
    """The given glossary, or the shipped file (read once)."""
    if glossary is None:
        return _shipped()
    if not isinstance(glossary, pd.DataFrame):
        raise TypeError(f"glossary must be a pandas DataFrame from glossary.load(), "
                        f"got {type(glossary).__name__}")
    missing = [c for c in ("term", "abbreviation", "english", "definition") if c not in glossary]
    if missing:
        raise ValueError(f"glossary is missing column {missing[0]!r}; use glossary.load()")
    return glossary


# ---------------------------------------------------------------------------
# search and lookup
# ---------------------------------------------------------------------------
def _text(query, name="query") -> str:
    if query is None:
        return ""
    if not isinstance(query, str):
        raise TypeError(f"{name} must be a string, got {type(query).__name__}")
    return query


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
    frame = _glossary(glossary)
    q = fold(_text(query))
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

    def __str__(self):
        return str(self.args[0]) if self.args else ""


def lookup(term, glossary=None) -> pd.Series:
    """The row of ``term`` (matched on term, then abbreviation, then English term).

    Case, accents and punctuation are ignored: ``lookup("aht")`` and ``lookup("average
    handling time")`` give the same row. An unknown term raises ``KeyError`` that suggests
    close matches.
    """
    frame = _glossary(glossary)
    if not isinstance(term, str):
        raise TypeError(f"term must be a string, got {type(term).__name__}")
    text = term
    key = fold(text)
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
    raise GlossaryKeyError(f"No glossary term or abbreviation {text!r}.{hint}")


def filter_terms(glossary, letter=None, category=None) -> pd.DataFrame:
    """Rows of ``glossary`` with the given first ``letter`` and/or ``category`` (order kept).

    ``None`` means no filter. ``letter`` is one letter A-Z (any case); ``category`` one of
    :data:`CATEGORIES`. Anything else raises ``ValueError``.
    """
    frame = _glossary(glossary)
    mask = np.ones(len(frame), dtype=bool)
    if letter is not None:
        if not isinstance(letter, str):
            raise type_error("letter", letter, "one letter A-Z or None")
        if letter.upper() not in LETTERS:
            raise ValueError(f"letter must be one letter A-Z or None, got {letter!r}")
        mask &= (frame["letter"] == letter.upper()).to_numpy()
    if category is not None:
        if not isinstance(category, str):
            raise type_error("category", category, "a category name or None")
        if category not in CATEGORIES:
            raise ValueError(f"category must be one of {', '.join(CATEGORIES)} or None, "
                             f"got {category!r}")
        mask &= (frame["category"] == category).to_numpy()
    return frame[mask]


# ---------------------------------------------------------------------------
# presentation
# ---------------------------------------------------------------------------
def option_label(row) -> str:
    """The list label of a term: the term, with the abbreviation in brackets when it differs."""
    term, abbr = str(row["term"]), str(row.get("abbreviation", "") or "")
    return f"{term} ({abbr})" if abbr and fold(abbr) != fold(term) else term


def _field(row, name) -> str:
    value = row.get(name, "") if hasattr(row, "get") else row[name]
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


def card_html(row) -> str:
    """An HTML detail card (Dutch labels) for one glossary row; all data is HTML-escaped.

    ``row`` is a Series from :func:`lookup` or a row of :func:`load`, or a dict with the same
    keys. Empty fields are left out, except the definition.
    """
    esc = html.escape
    term = _field(row, "term")
    abbr, english = _field(row, "abbreviation"), _field(row, "english")
    shown_abbr = abbr if fold(abbr) != fold(term) else ""
    shown_english = english if fold(english) != fold(term) else ""
    subtitle = " · ".join(p for p in (shown_abbr, shown_english) if p)

    parts = [
        '<div class="wfm-begrip" style="border:1px solid #ccc;border-radius:6px;'
        'padding:10px 14px;max-width:720px;">',
        f'<h3 style="margin:0 0 2px 0;">{esc(term)}</h3>',
    ]
    if subtitle:
        parts.append(f'<div style="color:#555;margin-bottom:4px;">{esc(subtitle)}</div>')
    if _field(row, "category"):
        parts.append(f'<div style="color:#777;font-size:90%;margin-bottom:8px;">'
                     f'{esc(_field(row, "category"))}</div>')

    def block(label, content_html):
        parts.append(f'<p style="margin:6px 0;"><b>{esc(label)}:</b> {content_html}</p>')

    def listing(label, items):
        lis = "".join(f"<li>{esc(i[:1].upper() + i[1:])}</li>" for i in items)
        parts.append(f'<div style="margin:6px 0;"><b>{esc(label)}:</b>'
                     f'<ul style="margin:2px 0 0 0;">{lis}</ul></div>')

    block(CARD_LABELS["definition"], esc(_field(row, "definition")))
    if _field(row, "formula"):
        block(CARD_LABELS["formula"], f"<code>{esc(_field(row, 'formula'))}</code>")
    if _field(row, "why"):
        block(CARD_LABELS["why"], esc(_field(row, "why")))
    for name in ("pitfalls", "actions"):
        items = split_items(_field(row, name))
        if items:
            listing(CARD_LABELS[name], items)
    related = split_items(_field(row, "related"))
    if related:
        block(CARD_LABELS["related"], ", ".join(esc(r) for r in related))
    notebook = _field(row, "notebook")
    if notebook:
        title = NOTEBOOK_TITLES.get(notebook)
        shown = f"{notebook}.ipynb" + (f" ({title})" if title else "")
        block(CARD_LABELS["notebook"], esc(shown))
    parts.append("</div>")
    return "\n".join(parts)


def _empty_card(query) -> str:
    text = f"Geen begrippen gevonden voor '{query}'." if query.strip() else \
        "Geen begrippen gevonden met deze filters."
    return (f'<div class="wfm-begrip" style="color:#555;padding:10px 14px;">{html.escape(text)} '
            "Probeer een deel van het woord, een afkorting (zoals AHT) of zet de filters op "
            "&quot;Alle&quot;.</div>")


# ---------------------------------------------------------------------------
# widget
# ---------------------------------------------------------------------------
class GlossaryExplorer(widgets.VBox):
    """The glossary browser returned by :func:`explorer`: a ``VBox`` with the parts as attributes.

    All filtering is done by :func:`search` and :func:`filter_terms`; the card comes from
    :func:`card_html`.
    """

    def __init__(self, glossary: pd.DataFrame):
        letters = sorted(set(glossary["letter"]))
        categories = [c for c in CATEGORIES if c in set(glossary["category"])]
        wide = {"description_width": "initial"}
        search_box = widgets.Text(value="", placeholder="Zoek een begrip of afkorting, bijv. AHT",
                                  description="Zoeken:", continuous_update=True, style=wide,
                                  layout=widgets.Layout(width="340px"))
        letter = widgets.Dropdown(options=[ALL] + letters, value=ALL, description="Letter:",
                                  style=wide, layout=widgets.Layout(width="140px"))
        category = widgets.Dropdown(options=[ALL] + categories, value=ALL,
                                    description="Categorie:", style=wide,
                                    layout=widgets.Layout(width="300px"))
        select = widgets.Select(options=[], rows=14, layout=widgets.Layout(width="320px"))
        count = widgets.HTML()
        card = widgets.HTML(layout=widgets.Layout(margin="0 0 0 12px"))
        super().__init__([
            widgets.HBox([search_box, letter, category]),
            widgets.HBox([widgets.VBox([select, count]), card]),
        ])
        self.glossary = glossary
        self.search, self.letter, self.category = search_box, letter, category
        self.select, self.count, self.card = select, count, card
        for control in (search_box, letter, category):
            control.observe(self._refresh, names="value")
        select.observe(self._show, names="value")
        self._refresh()

    def matches(self) -> pd.DataFrame:
        """The rows currently listed (search, then letter and category filters)."""
        letter = None if self.letter.value == ALL else self.letter.value
        category = None if self.category.value == ALL else self.category.value
        return filter_terms(search(self.search.value, self.glossary), letter, category)

    def _refresh(self, _change=None):
        found = self.matches()
        options = [(option_label(r), r["term"]) for _, r in found.iterrows()]
        keep = self.select.value if self.select.value in set(found["term"]) else None
        self.select.options = options        # resets the value
        if options:
            self.select.value = keep if keep is not None else options[0][1]
        n = len(options)
        self.count.value = f"<i>{n} {'begrip' if n == 1 else 'begrippen'} gevonden</i>"
        self._show()

    def _show(self, _change=None):
        term = self.select.value
        if term is None:
            self.card.value = _empty_card(self.search.value)
            return
        row = self.glossary.loc[self.glossary["term"] == term].iloc[0]
        self.card.value = card_html(row)


def explorer(glossary=None) -> GlossaryExplorer:
    """A small glossary browser for JupyterLab and Voilà (plain ipywidgets).

    A search box (updates while typing), a letter filter and a category filter narrow the
    list of terms; choosing a term shows its card (:func:`card_html`). The returned
    :class:`GlossaryExplorer` exposes ``search``, ``letter``, ``category``, ``select``,
    ``count`` and ``card`` for scripting and tests.
    """
    return GlossaryExplorer(_glossary(glossary))
