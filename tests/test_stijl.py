"""docs/STIJLGIDS.md, enforced: one Dutch word for one thing in every notebook's markdown and outputs.

The markdown is checked as written. The outputs are checked as stored; an output that predates a fix shows up
here until the notebooks are re-executed (``python cursus.py execute``).
"""
import json
import re
from html.parser import HTMLParser

import pytest

from wfmcourse.course.authoring import course_notebooks

#: (rule, pattern, flags): a pattern that must not occur in Dutch text.
WORDS = [
    ("medewerkers, niet agents", r"\bagents?\b", re.I),
    ("het service level", r"\bde service[ -]level\b", re.I),
    ("contactcenter", r"contactcentr(?:um|a)\b|klantcontactcent|\bcall ?cent(?:er|re)|\bcontact cent(?:er|re)", re.I),
    ("cao in kleine letters", r"\bCAO(?:'s)?\b", 0),
    ("afhandeltijd", r"\b(?:af)?handelingstijd", re.I),
    ("bezettingscalculator", r"personeelscalculator|capaciteitscalculator|staffing[ -]?calculator", re.I),
    ("taalfouten", r"\bhetzelfde KPI\b|\bMaar dat week\b|\bde wachttijden klagen\b", re.I),
]
#: failure demand only as a gloss: "(failure demand)", "(*failure demand*)" or "Failure demand (vermijdbaar contact)"
FAILURE_DEMAND = re.compile(r"failure demand", re.I)
GLOSS = re.compile(r"\(\**failure demand\**\)|failure demand\** \(vermijdbaar contact\)", re.I)

#: What stored outputs must not show.
OUTPUT = [
    ("pandas dtype-regel", r"\bdtype: |^Name: ", re.M),
    ("ja/nee in plaats van True/False, een streepje in plaats van NaN", r"\b(?:True|False|NaN|NaT)\b", 0),
    ("decimale komma", r"(?<![\d.,])0\.\d+\b|(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})\b(?![.,]\d)", 0),
    ("Nederlandse datum", r"\b\d{4}-\d{2}-\d{2}\b|\b\d\d-\d\d \d\d\b", 0),
]
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
#: Titles of cited English publications: quoted as published, not prose.
TITLES = ("Call Center Optimization", "A queueing model for call blending in call centers")



def _strip_code(markdown):
    """Markdown without code spans, code blocks, formulas and link targets (names there are code, not prose)."""
    text = re.sub(r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$", " ", markdown, flags=re.S)
    return re.sub(r"\]\([^)]*\)", "]", text)


def _exercise_cell(cell):
    source = "".join(cell["source"])
    return bool(re.search(r"opdracht_\d+\.", source)) or bool(re.match(r"#+ Opdracht", source.strip()))


def _cells(exercises):
    for path in course_notebooks():
        nb = json.loads(path.read_text(encoding="utf-8"))
        code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        for number, cell in enumerate(nb["cells"]):
            if _exercise_cell(cell) == exercises:
                yield path.stem, number, cell, code


#: The headers of a ``dutch.legend`` table: its first column shows the names to use in code, on purpose.
LEGEND = ["in de code", "in de tabel"]


def _outputs(cell):
    """Plain text of a code cell's outputs (widgets and images left out) and the headers of its HTML tables.

    Leaves out the key tables of ``dutch.legend``: names in code (``agents``, ``week_start``) are
    their point, and their Dutch side comes from ``dutch.LABELS``, which tests/test_dutch.py checks."""
    texts, headers = [], []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if any("widget" in kind for kind in data):
            continue
        html = "".join(data.get("text/html", ""))
        table = _table_headers(html) if "<table" in html else []
        if table[:2] == LEGEND:
            continue
        texts.append("".join(output.get("text", "")) + "".join(data.get("text/plain", "")))
        headers += table
    return "\n".join(texts), headers


class _Headers(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside, self.found = False, []

    def handle_starttag(self, tag, attrs):
        if tag == "th":
            self.inside = True
            self.found.append("")

    def handle_endtag(self, tag):
        if tag == "th":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.found[-1] += data


def _table_headers(html):
    parser = _Headers()
    parser.feed(html)
    return [h.strip() for h in parser.found if h.strip()]


def _problems(exercises, outputs):
    found = []
    for stem, number, cell, code in _cells(exercises):
        where = f"{stem} cel {number}"
        if cell["cell_type"] == "markdown" and not outputs:
            text = _strip_code("".join(cell["source"]))
            for title in TITLES:
                text = text.replace(title, " ")
            found += [(where, rule, m.group(0)) for rule, pattern, flags in WORDS
                      for m in re.finditer(pattern, text, flags)]
            found += [(where, "vermijdbaar contact", m.group(0)) for m in FAILURE_DEMAND.finditer(text)
                      if not any(g.start() <= m.start() < g.end() for g in GLOSS.finditer(text))]
        elif cell["cell_type"] == "code" and outputs:
            text, headers = _outputs(cell)
            found += [(where, rule, m.group(0)) for rule, pattern, flags in WORDS + OUTPUT
                      for m in re.finditer(pattern, text, flags)]
            # names the learner uses in code may show as values, never as headers
            found += [(where, "Nederlandse namen", m.group(0)) for m in SNAKE.finditer(text)
                      if m.group(0) not in code]
            found += [(where, "Nederlandse tabelkop", h) for h in headers if SNAKE.search(h)]
    return found


def _by_notebook(found):
    out = {}
    for where, rule, hit in found:
        out.setdefault(where.split(" ")[0], []).append((where, rule, hit))
    return out


def _notebooks():
    return [p.stem for p in course_notebooks()]


@pytest.mark.parametrize("stem", _notebooks())
def test_markdown_follows_the_style_guide(stem):
    assert _by_notebook(_problems(exercises=False, outputs=False)).get(stem, []) == []


@pytest.mark.parametrize("stem", _notebooks())
def test_outputs_follow_the_style_guide(stem):
    assert _by_notebook(_problems(exercises=False, outputs=True)).get(stem, []) == []


def test_exercise_cells_follow_the_style_guide():
    found = _problems(exercises=True, outputs=False) + _problems(exercises=True, outputs=True)
    assert found == []


def test_the_checks_catch_what_the_guide_forbids():
    text = "De agents zien dat de service level in het contactcentrum daalt (CAO, handelingstijd)."
    rules = {rule for rule, pattern, flags in WORDS if re.search(pattern, text, flags)}
    assert rules == {"medewerkers, niet agents", "het service level", "contactcenter", "cao in kleine letters",
                     "afhandeltijd"}
    assert _strip_code("zet `agents_needed` in") .count("agents") == 0
    output = "offered    0.872\nName: service_level, dtype: float64\nTrue 2025-03-03"
    rules = {rule for rule, pattern, flags in OUTPUT if re.search(pattern, output, flags)}
    assert len(rules) == 4
    assert GLOSS.search("vermijdbaar contact (*failure demand*)") and not GLOSS.search("de failure demand")
    assert _table_headers("<table><tr><th>week_start</th><th>aangeboden</th></tr></table>") == [
        "week_start", "aangeboden"]


def test_a_legend_may_show_code_names():
    legend = {"outputs": [{"data": {
        "text/plain": "  in de code in de tabel\n1 agents_needed  nodig",
        "text/html": "<table><tr><th></th><th>in de code</th><th>in de tabel</th></tr>"
                     "<tr><th>1</th><td>agents_needed</td><td>nodig</td></tr></table>"}}]}
    assert _outputs(legend) == ("", [])
