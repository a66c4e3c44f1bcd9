"""The glossary explorer: a detail card per term and a small browser widget for JupyterLab and Voila.

A thin user-interface layer over :mod:`wfmcourse.course.glossary`, which does all searching,
filtering and lookup. :func:`card_html` renders one glossary row as an HTML card with Dutch labels
(every field HTML-escaped); :func:`explorer` returns a :class:`GlossaryExplorer`, an ipywidgets
``VBox`` with a search box, a letter and a category filter, the list of terms and the card.
Notebooks use it as ``from wfmcourse import glossary_explorer``.
"""
from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np
import pandas as pd

from wfmcourse.course.contents import NOTEBOOKS
from wfmcourse.course.glossary import CATEGORIES, filter_terms, fold, resolve, search, split_items

__all__ = ["CARD_LABELS", "card_html", "option_label", "explorer", "GlossaryExplorer"]

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

ALL = "Alle"   # the "no filter" choice of the dropdowns

_TITLES = {nb.key: nb.title for nb in NOTEBOOKS}     # "03_erlang" -> "Erlang C en Erlang A"


# ---------------------------------------------------------------------------
# the card
# ---------------------------------------------------------------------------
def option_label(row) -> str:
    """The list label of a term: the term, with the abbreviation in brackets when it differs."""
    term, abbr = str(row["term"]), str(row.get("abbreviation", "") or "")
    return f"{term} ({abbr})" if abbr and fold(abbr) != fold(term) else term


def _field(row, name: str) -> str:
    value = row.get(name, "") if hasattr(row, "get") else row[name]
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


def card_html(row) -> str:
    """An HTML detail card (Dutch labels) for one glossary row; all data is HTML-escaped.

    ``row`` is a Series from :func:`wfmcourse.course.glossary.lookup` or a row of
    :func:`wfmcourse.course.glossary.load`, or a dict with the same keys. Empty fields are left
    out, except the definition.
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

    def block(label: str, content_html: str) -> None:
        parts.append(f'<p style="margin:6px 0;"><b>{esc(label)}:</b> {content_html}</p>')

    def listing(label: str, items: list[str]) -> None:
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
        title = _TITLES.get(notebook)
        shown = f"{notebook}.ipynb" + (f" ({title})" if title else "")
        block(CARD_LABELS["notebook"], esc(shown))
    parts.append("</div>")
    return "\n".join(parts)


def _empty_card(query: str) -> str:
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

    All filtering is done by :func:`wfmcourse.course.glossary.search` and
    :func:`wfmcourse.course.glossary.filter_terms`; the card comes from :func:`card_html`.
    """

    def __repr__(self) -> str:
        """What a stored notebook shows until the cell runs: a Dutch line, not the widget tree."""
        return "[begrippenverkenner: voer de cel uit om hem te gebruiken]"

    def __init__(self, glossary: pd.DataFrame) -> None:
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

    def _refresh(self, _change: object = None) -> None:
        found = self.matches()
        options = [(option_label(r), r["term"]) for _, r in found.iterrows()]
        keep = self.select.value if self.select.value in set(found["term"]) else None
        self.select.options = options        # resets the value
        if options:
            self.select.value = keep if keep is not None else options[0][1]
        n = len(options)
        self.count.value = f"<i>{n} {'begrip' if n == 1 else 'begrippen'} gevonden</i>"
        self._show()

    def _show(self, _change: object = None) -> None:
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
    return GlossaryExplorer(resolve(glossary))
