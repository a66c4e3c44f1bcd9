"""Numbers in the notebooks' text come from the package too.

nbval checks every number a code cell prints. The explanations in markdown cells quote results as
well ("het service level zakt van 88,8 % naar 83,3 %"). Every decimal number in the text must either
appear in an output of the same notebook, or be listed in ``QUOTED`` below with the calculation
that produces it (``None`` for a number that is an example of the answer format, not a result).
Formulas between ``$...$`` are left out: they show the method, not a result.
"""
import json
import re

import pytest

from wfmcourse.course.authoring import course_notebooks
from wfmcourse.course.exercises import kerncontact as nb07
from wfmcourse.data import datasets, synth
from wfmcourse.domain import erlang, improvement
from wfmcourse.presentation import dutch

DECIMAL = re.compile(r"(?<![\d.,])(\d+),(\d+)(?!\d)")


def _traffic_03():
    return erlang.traffic(100, 190, 1800)          # 10 Erlang with 10 s extra AHT


def _it_loss():
    """The capacity lost to IT maintenance in data/stakeholders.csv (stored as a negative effect)."""
    return -float(datasets.load_stakeholders().set_index("stakeholder").loc["IT", "effect_size"])


def _contract_fte():
    """KlantDirect's average contract in FTE of its 36-hour cao week (data/agent_hours.csv)."""
    hours = datasets.load_agent_hours()
    return hours.groupby("agent_id")["contract_hours"].first().mean() / 36


def _pareto():
    reasons = nb07.example_reasons()
    return improvement.pareto(reasons["reason"], reasons["contacts"])


QUOTED = {
    ("04_shrinkage_fte", "0,9"): lambda: dutch.number(_contract_fte(), 1),
    ("04_shrinkage_fte", "1,06"): lambda: dutch.number(38 / 36, 2),
    ("03_erlang", "5,6"): lambda: dutch.number(100 * 10 / 180, 1),
    ("03_erlang", "10,6"): lambda: dutch.number(_traffic_03(), 1),
    ("03_erlang", "83,3"): lambda: dutch.number(100 * erlang.service_level(14, _traffic_03(), 190, 20), 1),
    ("03_erlang", "82,6"): lambda: dutch.number(100 * erlang.service_level(12, 10, 180, 20, patience=120), 1),
    ("03_erlang", "6,7"): lambda: dutch.number(100 * erlang.abandonment(
        erlang.agents_needed(100, 180, 20, 0.8, patience=120), 100, 180, 120), 1),
    ("03_erlang", "17,4"): lambda: dutch.number(100 * erlang.erlang_c(14, 10), 1),
    ("06_forecast_rooster", "0,25"): None,
    ("09_stakeholders", "41,7"): lambda: dutch.number(erlang.traffic(125, 300), 1),
    ("09_stakeholders", "1,15"): lambda: dutch.number(1 + _it_loss(), 2),       # the wrong gross-up
    ("09_stakeholders", "44,85"): lambda: dutch.number(39 * (1 + _it_loss()), 2),
    ("10_kerncontact", "79,1"): lambda: dutch.number(100 * _pareto()["cumulative_share"].iloc[4], 1),
    ("10_kerncontact", "0,25"): None,
    ("11_eindcase", "5,9"): lambda: dutch.number(100 * synth.CentreParameters().pause_of_worked, 1),
}


def _texts(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    markdown, printed = [], []
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            markdown.append(re.sub(r"\$\$.*?\$\$|\$[^$]*\$", "", source, flags=re.S))
        elif cell["cell_type"] == "code":
            printed.append(source)
            for output in cell.get("outputs", []):
                printed.append("".join(output.get("text", "")))
                printed += ["".join(v) for k, v in output.get("data", {}).items() if k.startswith("text")]
    return markdown, "\n".join(printed)


def _quoted():
    """Every decimal in the markdown: (notebook, number) -> (context, printed by an output?)."""
    found = {}
    for path in course_notebooks():
        markdown, printed = _texts(path)
        for text in markdown:
            for match in DECIMAL.finditer(text):
                whole, part = match.groups()
                shown = f"{whole},{part}" in printed or f"{whole}.{part}" in printed
                context = text[max(0, match.start() - 80):match.end() + 20]
                key = (path.stem, match.group(0))
                found[key] = (context, shown or found.get(key, ("", False))[1])
    return found


def test_every_decimal_in_the_text_is_printed_or_recomputed():
    quoted = _quoted()
    unknown = {key: context for key, (context, shown) in quoted.items()
               if not shown and key not in QUOTED}
    assert unknown == {}, "numbers in markdown that no output prints and no entry in QUOTED recomputes"
    # An entry may also be printed (a re-executed notebook can start to show it); it must still be quoted.
    stale = sorted(set(QUOTED) - set(quoted))
    assert stale == [], "QUOTED lists numbers the text no longer quotes"


@pytest.mark.parametrize("key", sorted(k for k, v in QUOTED.items() if v is not None))
def test_quoted_number_matches_the_package(key):
    assert QUOTED[key]() == key[1]
