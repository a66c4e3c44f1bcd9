"""Dutch number formatting shared by the calculator, the command line, the dashboard and the exercises."""
import math

import pytest
from hypothesis import given, strategies as st

from wfmcourse import nl


@pytest.mark.parametrize("value, decimals, text", [
    (1234.56, 1, "1.234,6"), (0.5, 2, "0,50"), (1234567, 0, "1.234.567"), (-2.25, 1, "-2,2"),
    (-0.04, 1, "0,0"), (None, 1, "–"), (math.inf, 1, "oneindig"), (math.nan, 1, "–"),
])
def test_number(value, decimals, text):
    assert nl.number(value, decimals) == text


def test_number_without_thousands_dot():
    assert nl.number(1234.5, 1, thousands=False) == "1234,5"


def test_signed():
    assert nl.number(2.5, 1, signed=True) == "+2,5" and nl.number(-2.5, 1, signed=True) == "-2,5"
    assert nl.number(0.0, 1, signed=True) == "0,0"
    assert nl.percent(-0.034, signed=True) == "-3,4 %" and nl.percent(0.1, 0, signed=True) == "+10 %"


def test_percent_and_short():
    assert nl.percent(0.7829) == "78,3 %"
    assert nl.percent(0.7829, space=False) == "78,3%"
    assert nl.percent(None) == "–"
    assert [nl.short(v) for v in (20.0, 85.5, 1 / 3, 1500)] == ["20", "85,5", "0,33", "1.500"]


@given(st.floats(-1e9, 1e9, allow_nan=False), st.integers(0, 4))
def test_number_reads_back(value, decimals):
    text = nl.number(value, decimals)
    assert float(text.replace(".", "").replace(",", ".")) == pytest.approx(round(value, decimals), abs=10 ** -decimals)
