"""Typed errors are explained in Dutch in a learner's notebook (wfmcourse.course.notebook)."""
import subprocess
import sys

import pandas as pd
import pytest

from wfmcourse.course import notebook
from wfmcourse.domain import erlang, kpi, shrinkage


def test_explanation_is_dutch_and_names_parameter_and_value():
    with pytest.raises(ValueError) as info:
        erlang.service_level(-1, 5.0, 180, 20)
    text = notebook.dutch_explanation(info.value)
    assert "parameter agents" in text and "ingevuld: -1" in text
    assert "must" not in text


class _Shell:
    def __init__(self):
        self.handlers, self.shown = None, []

    def set_custom_exc(self, types, handler):
        self.handlers = (types, handler)

    def showtraceback(self, exc_tuple, tb_offset=None):
        self.shown.append(exc_tuple)


def test_install_registers_a_handler_that_prints_dutch_then_the_traceback(capsys):
    shell = _Shell()
    assert notebook.install(shell)
    types, handler = shell.handlers
    assert ValueError not in types and types == notebook.TYPED_ERRORS + (KeyError,)
    try:
        erlang.traffic(10, -5, 900)
    except ValueError as error:
        handler(shell, type(error), error, error.__traceback__)
    assert "AHT" in capsys.readouterr().out and len(shell.shown) == 1
    assert not notebook.install(object())


def test_a_real_ipython_shell_shows_the_dutch_sentence():
    code = ("from IPython.testing.globalipapp import start_ipython\n"
            "ip = start_ipython()\n"
            "ip.run_cell('from wfmcourse import erlang')\n"
            "ip.run_cell('erlang.traffic(10, -5, 900)')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "Het gaat om de parameter aht; ingevuld: -5." in out.stdout + out.stderr


def _explained(call):
    with pytest.raises(Exception) as info:
        call()
    return notebook.dutch_explanation(info.value)


def test_a_percentage_for_a_fraction_says_how_to_write_it():
    text = _explained(lambda: erlang.agents_needed(30, 180, 20, 80))
    assert "0,8 voor 80 %" in text and "in code: 0.8" in text
    assert "0,8 voor 80 %" in _explained(lambda: erlang.agents_needed(30, 180, 20, "80%"))
    assert "0,85 voor 85 %" in _explained(lambda: erlang.agents_needed(30, 180, 20, 0.8, max_occupancy=85))
    assert "0,3 voor 30 %" in _explained(lambda: shrinkage.gross_up(100, 30))
    assert "voor" not in _explained(lambda: erlang.agents_needed(30, 180, 20, 800))


def test_a_part_larger_than_its_whole_is_named_and_each_value_shown_once_the_dutch_way():
    text = _explained(lambda: kpi.service_level(1000, 750))
    assert "kan niet meer zijn dan offered (750)" in text and "goede volgorde" in text
    assert text.count("1.000") == 1 and "1000.0" not in text


def test_the_value_is_shown_once():
    text = _explained(lambda: erlang.service_level(14, -1.5, 180, 20))
    assert text.count("-1,5") == 1 and "-1.5" not in text


def test_patience_is_keyword_only():
    with pytest.raises(TypeError):
        erlang.service_level(14, 10, 180, 20, 0.8)
    with pytest.raises(TypeError):
        erlang.asa(14, 10, 180, 600)
    with pytest.raises(TypeError):
        erlang.occupancy(14, 10, 180, 600)


def test_a_dutch_header_as_key_names_the_column_in_the_code(capsys):
    frame = pd.DataFrame({"green": [1], "service_level": [0.8]})
    assert _explained(lambda: frame["groen"]) == "Kolom 'groen' heet in de code 'green' (zie dutch.legend)."
    assert "'service_level'" in _explained(lambda: frame["service level"])
    several = _explained(lambda: frame["verschil"])
    assert "'difference'" in several and "'agents_difference'" in several
    assert _explained(lambda: frame["iets anders"]) == ""
    shell = _Shell()
    notebook.install(shell)
    _, handler = shell.handlers
    try:
        frame["groen"]
    except KeyError as error:
        handler(shell, type(error), error, error.__traceback__)
    assert "'green'" in capsys.readouterr().out and len(shell.shown) == 1
    try:
        {}["x"]
    except KeyError as error:
        handler(shell, type(error), error, error.__traceback__)
    assert capsys.readouterr().out == "" and len(shell.shown) == 2


def test_a_real_ipython_shell_names_the_column_of_a_dutch_header():
    code = ("from IPython.testing.globalipapp import start_ipython\n"
            "ip = start_ipython()\n"
            "ip.run_cell('import wfmcourse, pandas as pd')\n"
            "ip.run_cell('pd.DataFrame({\"green\": [1]})[\"groen\"]')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "Kolom 'groen' heet in de code 'green' (zie dutch.legend)." in out.stdout + out.stderr
