"""Typed errors are explained in Dutch in a learner's notebook (wfmcourse.course.notebook)."""
import subprocess
import sys

import pytest

from wfmcourse.course import notebook
from wfmcourse.domain import erlang


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
    assert ValueError not in types and notebook.TYPED_ERRORS == types
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
