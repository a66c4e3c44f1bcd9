"""validation.regular_time_index: the one check that a time index has one interval length."""
import pandas as pd
import pytest

from wfmcourse.validation import ParameterValueError, regular_time_index


def test_regular_index_gives_its_interval_in_seconds():
    quarter = pd.date_range("2025-03-03", periods=96, freq="15min")
    assert regular_time_index("x", quarter) == 900.0
    assert regular_time_index("x", quarter, interval=900) == 900.0
    assert regular_time_index("x", quarter[::-1]) == 900.0                 # order is free by default
    assert regular_time_index("x", quarter.delete([10, 11, 12])) == 900.0  # closed intervals left out
    hourly = pd.date_range("2025-03-29", periods=72, freq="h", tz="Europe/Amsterdam")   # over DST
    assert regular_time_index("x", hourly, gaps=False, increasing=True) == 3600.0
    assert regular_time_index("x", quarter[:1]) == 900.0                    # from its freq
    assert regular_time_index("x", pd.DatetimeIndex(["2025-03-03"]), interval=1800) == 1800.0


@pytest.mark.parametrize("call, parameter, pattern", [
    (lambda: regular_time_index("x", pd.RangeIndex(3)), "x", "x must have a DatetimeIndex"),
    (lambda: regular_time_index("x", pd.DatetimeIndex(["2025-03-03", None])), "x", "without NaT"),
    (lambda: regular_time_index("x", pd.DatetimeIndex(["2025-03-03"] * 2)), "x", "unique"),
    (lambda: regular_time_index("x", pd.date_range("2025-03-03", periods=3, freq="h")[::-1],
                                increasing=True), "x", "increasing"),
    (lambda: regular_time_index("x", pd.DatetimeIndex(["2025-03-03 09:00", "2025-03-03 09:15",
                                                      "2025-03-03 09:40"])), "x", "fixed frequency"),
    (lambda: regular_time_index("x", pd.date_range("2025-03-03", periods=4, freq="15min").delete(1),
                                gaps=False), "x", "no gaps"),
    (lambda: regular_time_index("x", pd.DatetimeIndex(["2025-03-03"])), "x", "at least 2 timestamps"),
    (lambda: regular_time_index("x", pd.date_range("2025-03-03", periods=3, freq="30min"), interval=900),
     "interval", "interval must match the index of x: its smallest step is 0 days 00:30:00"),
    (lambda: regular_time_index("x", pd.date_range("2025-03-03", periods=3, freq="30min"), interval=0),
     "interval", "interval must be > 0"),
])
def test_irregular_index_raises_naming_the_parameter(call, parameter, pattern):
    with pytest.raises(ParameterValueError, match=pattern) as caught:
        call()
    assert caught.value.parameter == parameter
