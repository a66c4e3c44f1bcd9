"""How glossary terms hang together: twins (one concept, two names) and source corrections.

Pure functions over a frame from :func:`wfmcourse.course.glossary.load`. A *twin* is a pair of rows
that describe the same concept under a Dutch and an English name: each row's ``pitfalls``
starts with ``"Let op: zelfde begrip als <other term>"`` and lists the other in ``related``.
A *correction* is a row whose ``pitfalls`` contains ``"Correctie t.o.v. de bron"``: there the
course deliberately differs from the source glossary it was rewritten from.
"""
from __future__ import annotations

import re

import pandas as pd

from wfmcourse.course.glossary import resolve, split_items
from wfmcourse.validation import type_error

__all__ = ["TWIN_MARK", "CORRECTION_MARK", "twins", "corrections", "is_twin"]

TWIN_MARK = "zelfde begrip als"
CORRECTION_MARK = "Correctie t.o.v. de bron"

_TWIN = re.compile(r"zelfde begrip als\s+([^;(]+?)\s*(?:\(|;|$)", re.IGNORECASE)


def _twin_target(pitfalls: str) -> str | None:
    items = split_items(pitfalls)
    for item in items:
        match = _TWIN.search(item)
        if match:
            return match.group(1).strip()
    return None


def twins(glossary=None) -> pd.DataFrame:
    """Pairs of terms that name the same concept and point to each other.

    Returns a frame with columns ``term`` and ``twin`` (one row per pair, ``term`` the first of
    the two in file order). A pair counts only when *both* rows say "zelfde begrip als" the
    other and list it in ``related``; a one-sided mention is not a twin.
    """
    frame = resolve(glossary)
    target = {t: _twin_target(p) for t, p in zip(frame["term"], frame["pitfalls"])}
    related = {t: set(split_items(r)) for t, r in zip(frame["term"], frame["related"])}
    pairs, seen = [], set()
    for term in frame["term"]:
        other = target.get(term)
        if (other is None or other in seen or target.get(other) != term
                or other not in related[term] or term not in related.get(other, set())):
            continue
        pairs.append((term, other))
        seen.update((term, other))
    return pd.DataFrame(pairs, columns=["term", "twin"])


def is_twin(a, b, glossary=None) -> bool:
    """Whether terms ``a`` and ``b`` (exact term names) form a twin pair, in either order."""
    for name, value in (("a", a), ("b", b)):
        if not isinstance(value, str):
            raise type_error(name, value, "a term name (str)")
    pairs = twins(glossary)
    return bool(((pairs["term"] == a) & (pairs["twin"] == b)).any()
                or ((pairs["term"] == b) & (pairs["twin"] == a)).any())


def corrections(glossary=None) -> pd.DataFrame:
    """Rows where the course corrects the source: ``term``, ``category`` and ``correction``.

    ``correction`` is the pitfall item that starts with :data:`CORRECTION_MARK`, without that
    mark; file order is kept.
    """
    frame = resolve(glossary)
    rows = []
    for term, category, pitfalls in zip(frame["term"], frame["category"], frame["pitfalls"]):
        for item in split_items(pitfalls):
            if item.startswith(CORRECTION_MARK):
                text = item[len(CORRECTION_MARK):].lstrip(" :")
                rows.append((term, category, text))
                break
    return pd.DataFrame(rows, columns=["term", "category", "correction"])
