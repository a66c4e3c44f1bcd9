"""wfmcourse.domain.forecast: the weekly and intraday volume profiles (shares that sum to 1)."""
import numpy as np
import pandas as pd
import pytest

from wfmcourse.domain import forecast
from wfmcourse.presentation import dutch


def week(values_per_day=None):
    index = pd.date_range("2025-03-03", periods=7 * 4, freq="6h")  # Monday, 4 slots a day
    v = np.tile([0.0, 2.0, 6.0, 2.0], 7)
    if values_per_day is not None:
        v = v * np.repeat(values_per_day, 4)
    return pd.Series(v, index=index)


def test_weekday_profile_sums_to_one_and_follows_the_days():
    share = forecast.weekday_profile(week([1, 1, 1, 1, 1, 1, 0]))
    assert list(share.index) == list(forecast.WEEKDAYS)
    assert (share.name, share.index.name) == ("share", "weekday")
    assert share.sum() == pytest.approx(1)
    assert share["sunday"] == 0
    assert share["monday"] == pytest.approx(1 / 6)


def test_weekdays_have_their_dutch_names():
    assert [dutch.LABELS[day] for day in forecast.WEEKDAYS] == list(dutch.DAY_NAMES)
    table = dutch.table(forecast.weekday_profile(week()), percent=["share"])
    assert table.index.name == "weekdag" and list(table.columns) == ["aandeel"]
    assert list(table.index) == list(dutch.DAY_NAMES)


def test_intraday_profile_weighs_days_equally_and_skips_closed_days():
    v = week([1, 10, 1, 1, 1, 1, 0])
    share = forecast.intraday_profile(v)
    assert (share.name, share.index.name) == ("share", "time_of_day")
    assert share.sum() == pytest.approx(1)
    np.testing.assert_allclose(share.to_numpy(), [0, 0.2, 0.6, 0.2])


def test_intraday_profile_for_selected_weekdays():
    v = week([1, 1, 1, 1, 1, 1, 1])
    v.iloc[5 * 4 + 1] = 8.0  # Saturday 06:00 busier
    weekdays = forecast.intraday_profile(v, weekdays=[0, 1, 2, 3, 4])
    np.testing.assert_allclose(weekdays.to_numpy(), [0, 0.2, 0.6, 0.2])


@pytest.mark.parametrize("bad, error", [(pd.Series([1.0, 2.0]), TypeError), ([1, 2], TypeError),
                                        (week() * 0, ValueError)])
def test_bad_volume_raises(bad, error):
    with pytest.raises(error, match="volume"):
        forecast.weekday_profile(bad)


def test_bad_weekdays_raise():
    with pytest.raises(ValueError, match="weekdays"):
        forecast.intraday_profile(week(), weekdays=[7])
    with pytest.raises(ValueError, match="weekdays"):
        forecast.intraday_profile(week([1, 1, 1, 1, 1, 1, 0]), weekdays=[6])
