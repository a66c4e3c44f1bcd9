"""Dutch number formatting shared by the calculator, the command line, the dashboard and the exercises."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wfmcourse.presentation import dutch


@pytest.mark.parametrize("value, decimals, text", [
    (1234.56, 1, "1.234,6"), (0.5, 2, "0,50"), (1234567, 0, "1.234.567"), (-2.25, 1, "-2,2"),
    (-0.04, 1, "0,0"), (None, 1, "–"), (math.inf, 1, "oneindig"), (math.nan, 1, "–"),
])
def test_number(value, decimals, text):
    assert dutch.number(value, decimals) == text


def test_number_without_thousands_dot():
    assert dutch.number(1234.5, 1, thousands=False) == "1234,5"


def test_signed():
    assert dutch.number(2.5, 1, signed=True) == "+2,5" and dutch.number(-2.5, 1, signed=True) == "-2,5"
    assert dutch.number(0.0, 1, signed=True) == "0,0"
    assert dutch.percent(-0.034, signed=True) == "-3,4 %" and dutch.percent(0.1, 0, signed=True) == "+10 %"


def test_percent_and_short():
    assert dutch.percent(0.7829) == "78,3 %"
    assert dutch.percent(0.7829, space=False) == "78,3%"
    assert dutch.percent(None) == "–"
    assert [dutch.short(v) for v in (20.0, 85.5, 1 / 3, 1500)] == ["20", "85,5", "0,33", "1.500"]


@given(st.floats(-1e9, 1e9, allow_nan=False), st.integers(0, 4))
def test_number_reads_back(value, decimals):
    text = dutch.number(value, decimals)
    assert float(text.replace(".", "").replace(",", ".")) == pytest.approx(round(value, decimals), abs=10 ** -decimals)


# ---------------------------------------------------------------------------
# table: what a learner sees of a pandas table
# ---------------------------------------------------------------------------
def test_table_writes_every_cell_the_dutch_way():
    import pandas as pd

    frame = pd.DataFrame({"offered": [12989, 8668], "service_level": [0.8721, 0.9],
                          "aht": [268.25, 300.0], "open": [True, False]},
                         index=pd.DatetimeIndex(["2025-03-03", "2025-11-17 10:15"], name="week_start"))
    out = dutch.table(frame, {"aht": 0}, percent=["service_level"], labels={"open": "open"})
    assert list(out.columns) == ["aangeboden", "service level", "AHT (s)", "open"]
    assert out.index.name == "week vanaf"
    assert list(out.index) == ["3 mrt 2025", "17 nov 2025 10:15"]
    assert out.iloc[0].tolist() == ["12.989", "87,2 %", "268", "ja"]
    assert out.iloc[1].tolist() == ["8.668", "90,0 %", "300", "nee"]


def test_table_of_a_series_has_no_dtype_line_and_missing_values_get_a_dash():
    import numpy as np
    import pandas as pd

    out = dutch.table(pd.Series([1.25, np.nan], index=["paid", "idle"], name="uren"), 2)
    text = out.to_string()
    assert "dtype" not in text and "Name:" not in text and "NaN" not in text
    assert out.loc["betaald", "uren"] == "1,25" and out.loc["ingelogd, niet bezig", "uren"] == "–"


def test_table_short_numbers_for_mixed_rows():
    import pandas as pd

    out = dutch.table(pd.Series([47, 192.25, 220.0, 0.874], index=["a", "b", "c", "d"], dtype=object), None)
    assert out.iloc[:, 0].tolist() == ["47", "192,25", "220", "0,87"]


def test_table_float_index():
    import pandas as pd

    out = dutch.table(pd.DataFrame({"x": [1, 2]}, index=pd.Index([0.7, 10.0], name="Erlang")))
    assert list(out.index) == ["0,7", "10"] and out.index.name == "Erlang"


def test_table_bad_input():
    import pandas as pd

    with pytest.raises(TypeError, match="data must be a pandas DataFrame or Series, got list"):
        dutch.table([1, 2])
    with pytest.raises(ValueError, match=r"percent names columns that data does not have: \['x'\]"):
        dutch.table(pd.DataFrame({"a": [0.5]}), percent=["x"])


def test_date():
    assert dutch.date("2025-03-03") == "3 mrt 2025"
    assert dutch.date("2025-11-17 08:00") == "17 nov 2025 08:00"
    assert dutch.date("2025-11-17", time=True) == "17 nov 2025 00:00"


def test_one_english_name_has_one_dutch_label():
    from wfmcourse.presentation import dutch as d

    seen = {}
    for area in d._AREAS:
        for name, label in area.items():
            assert seen.setdefault(name, label) == label, (name, seen[name], label)


def test_legend_pairs_code_names_with_dutch_headers():
    import pandas as pd

    from wfmcourse.presentation import dutch as d

    frame = pd.DataFrame({"calls": [1], "aht": [180.0], "eigen": [2]})
    key = d.legend(frame, labels={"eigen": "mijn kolom"})
    assert key["in de code"].tolist() == ["calls", "aht", "eigen"]
    assert key["in de tabel"].tolist() == [d.LABELS["calls"], d.LABELS["aht"], "mijn kolom"]
    assert list(d.table(frame, labels={"eigen": "mijn kolom"}).columns) == key["in de tabel"].tolist()
    assert d.legend(pd.Series([1.0], name="service_level"))["in de tabel"].tolist() == ["service level"]
    with pytest.raises(TypeError, match="data"):
        d.legend([1, 2])
