import numpy as np
import pandas as pd
import pytest

from wfmcourse.domain import profiles, roster


def week(values_per_day=None):
    index = pd.date_range("2025-03-03", periods=7 * 4, freq="6h")  # Monday, 4 slots a day
    v = np.tile([0.0, 2.0, 6.0, 2.0], 7)
    if values_per_day is not None:
        v = v * np.repeat(values_per_day, 4)
    return pd.Series(v, index=index)


def test_weekday_profile_sums_to_one_and_follows_the_days():
    share = profiles.weekday_profile(week([1, 1, 1, 1, 1, 1, 0]))
    assert list(share.index) == list(profiles.DAY_NAMES)
    assert share.sum() == pytest.approx(1)
    assert share["zondag"] == 0
    assert share["maandag"] == pytest.approx(1 / 6)


def test_intraday_profile_weighs_days_equally_and_skips_closed_days():
    v = week([1, 10, 1, 1, 1, 1, 0])
    share = profiles.intraday_profile(v)
    assert share.sum() == pytest.approx(1)
    np.testing.assert_allclose(share.to_numpy(), [0, 0.2, 0.6, 0.2])


def test_intraday_profile_for_selected_weekdays():
    v = week([1, 1, 1, 1, 1, 1, 1])
    v.iloc[5 * 4 + 1] = 8.0  # Saturday 06:00 busier
    weekdays = profiles.intraday_profile(v, weekdays=[0, 1, 2, 3, 4])
    np.testing.assert_allclose(weekdays.to_numpy(), [0, 0.2, 0.6, 0.2])


@pytest.mark.parametrize("bad, error", [(pd.Series([1.0, 2.0]), TypeError), ([1, 2], TypeError),
                                        (week() * 0, ValueError)])
def test_bad_volume_raises(bad, error):
    with pytest.raises(error, match="volume"):
        profiles.weekday_profile(bad)


def test_bad_weekdays_raise():
    with pytest.raises(ValueError, match="weekdays"):
        profiles.intraday_profile(week(), weekdays=[7])
    with pytest.raises(ValueError, match="weekdays"):
        profiles.intraday_profile(week([1, 1, 1, 1, 1, 1, 0]), weekdays=[6])


def test_figures_render():
    v = week()
    fig = profiles.profile_figure(profiles.weekday_profile(v), profiles.intraday_profile(v))
    assert fig._repr_png_()[:4] == b"\x89PNG"
    assert profiles.forecast_figure(v, v * 1.1)._repr_png_()[:4] == b"\x89PNG"
    req = pd.Series([1, 2, 3, 3, 2, 1, 1, 1] * 2,
                    index=pd.date_range("2025-03-03 08:00", periods=16, freq="15min"))
    plan = roster.plan_shifts(req, lengths=(4,))
    assert profiles.coverage_figure(plan)._repr_png_()[:4] == b"\x89PNG"
