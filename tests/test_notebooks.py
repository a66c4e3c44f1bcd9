"""Structure of the course notebooks and their exercise sets.

The numbers in the notebooks are checked by nbval (pytest --nbval over notebooks/); this file checks
what every notebook must contain and feeds every exercise a right and a wrong answer.
"""
import importlib
import re
from pathlib import Path

import nbformat
import pytest

from wfmcourse.course import contents

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
PRESENT = [nb for nb in contents.NOTEBOOKS if (NOTEBOOK_DIR / nb.file).exists()]


def read(nb):
    return nbformat.read(NOTEBOOK_DIR / nb.file, as_version=4)


def test_the_first_notebook_exists():
    assert (NOTEBOOK_DIR / "00_start.ipynb").exists()


@pytest.mark.parametrize("nb", PRESENT, ids=lambda nb: nb.file)
def test_first_cell_has_title_goals_duration_and_prior_knowledge(nb):
    first = read(nb).cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    for word in ("**Leerdoelen**", "**Duur**", "**Voorkennis**"):
        assert word in first.source, word
    minutes = re.search(r"\*\*Duur\*\*:[^0-9]*(\d+)\s*minuten", first.source)
    assert minutes and int(minutes.group(1)) == nb.minutes


@pytest.mark.parametrize("nb", PRESENT, ids=lambda nb: nb.file)
def test_at_least_three_checked_exercises_and_a_summary_with_next_link(nb):
    notebook = read(nb)
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    checks = set(re.findall(r"(opdracht_\d+)\.check\(", code))
    assert len(checks) >= 3
    last = notebook.cells[-1]
    assert last.cell_type == "markdown" and "## Samenvatting" in last.source
    index = [n.file for n in contents.NOTEBOOKS].index(nb.file)
    if index + 1 < len(contents.NOTEBOOKS):
        assert f"({contents.NOTEBOOKS[index + 1].file})" in last.source


@pytest.mark.parametrize("nb", PRESENT, ids=lambda nb: nb.file)
def test_notebook_is_stored_executed_in_order(nb):
    counts = [c.execution_count for c in read(nb).cells if c.cell_type == "code"]
    assert all(counts) and counts == sorted(counts)


def exercise_sets():
    for nb in PRESENT:                  # every notebook has its exercise set, named without the number
        yield importlib.import_module(f"wfmcourse.course.exercises.{nb.exercises}")


CASES = [(module, key) for module in exercise_sets() for key in module.ANSWERS]


@pytest.mark.parametrize("module, key", CASES, ids=[f"{m.__name__.rsplit('.', 1)[-1]}.{k}" for m, k in CASES])
def test_every_exercise_accepts_right_and_rejects_wrong(module, key):
    exercise = getattr(module, key)
    right, wrong = module.ANSWERS[key]
    if exercise.answer_type == "open":      # free text is never "goed": every point recognised is the best verdict
        assert exercise.evaluate(right).reason == "alles herkend"
    else:
        assert exercise.evaluate(right).correct
    feedback = exercise.evaluate(wrong)
    assert feedback.status == "fout" and feedback.message
    assert exercise.evaluate(None).status == "leeg"


@pytest.mark.parametrize("module", list(exercise_sets()), ids=lambda m: m.__name__)
def test_every_exercise_in_a_set_has_test_answers(module):
    from wfmcourse.course.exercises import Exercise

    defined = {name for name, value in vars(module).items() if isinstance(value, Exercise)}
    assert defined == set(module.ANSWERS)


def test_readme_lists_every_notebook_with_its_study_time():
    """The README's table of contents agrees with contents.NOTEBOOKS (the one list of notebooks)."""
    readme = (NOTEBOOK_DIR.parent / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\d\d_\w+\.ipynb)` \|[^|]*\| (\d+) min \|$", readme, flags=re.M))
    assert rows == {nb.file: str(nb.minutes) for nb in contents.NOTEBOOKS}


def test_split_stream_outputs_are_stored_as_one():
    from wfmcourse.course.authoring import merge_streams

    outputs = [{"output_type": "stream", "name": "stdout", "text": "Tabbladen:"},
               {"output_type": "stream", "name": "stdout", "text": " Invoer\n"},
               {"output_type": "stream", "name": "stderr", "text": "let op\n"},
               {"output_type": "execute_result", "data": {}, "metadata": {}, "execution_count": 1}]
    merged = merge_streams(outputs)
    assert [o["output_type"] for o in merged] == ["stream", "stream", "execute_result"]
    assert merged[0]["text"] == "Tabbladen: Invoer\n" and merged[1]["name"] == "stderr"
