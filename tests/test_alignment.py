"""wfmcourse.domain.alignment: interval scenarios, capacity after a loss and weekly hours."""
import math

import numpy as np
import pandas as pd
import pytest

from wfmcourse.domain import alignment as af
from wfmcourse.domain import erlang, shrinkage


def test_interval_table_erlang_c_matches_erlang_module():
    table = af.interval_table([100, 125], 300, agents=39, labels=["forecast", "actie"])
    assert list(table.index) == ["forecast", "actie"]
    assert list(table.columns) == ["offered_calls", "traffic", "agents_scheduled", "service_level",
                                   "asa", "agents_needed", "shortfall"]
    a = 125 * 300 / 900
    assert table.loc["actie", "traffic"] == pytest.approx(a)
    assert table.loc["forecast", "service_level"] == pytest.approx(
        erlang.service_level(39, 100 * 300 / 900, 300, 20))
    # 39 agents for 41.7 Erlang: unstable in Erlang C
    assert table.loc["actie", "service_level"] == 0.0
    assert math.isinf(table.loc["actie", "asa"])
    assert table.loc["actie", "agents_needed"] == erlang.agents_needed(a, 300, 20, 0.8)
    assert table.loc["actie", "shortfall"] == table.loc["actie", "agents_needed"] - 39
    assert table.loc["forecast", "shortfall"] == 0


def test_interval_table_shows_rostered_beside_available():
    """Casus 3 of notebook 09: 39 rostered, 33 left during maintenance; 46 rostered leave 39."""
    table = af.interval_table(100, 300, agents=[39, 33, 39], patience=180, rostered=[39, 39, 46])
    assert list(table.columns[:4]) == ["offered_calls", "traffic", "agents_scheduled", "agents_available"]
    assert list(table["agents_scheduled"]) == [39, 39, 46] and list(table["agents_available"]) == [39, 33, 39]
    assert list(table["shortfall"]) == list(np.maximum(table["agents_needed"] - table["agents_available"], 0))
    plain = af.interval_table(100, 300, agents=[39, 33, 39], patience=180)
    assert list(plain["service_level"]) == list(table["service_level"])


def test_interval_table_erlang_a_adds_abandonment():
    table = af.interval_table(125, 300, agents=[39, 44], patience=180)
    assert "abandonment" in table.columns
    a = 125 * 300 / 900
    assert table["abandonment"].iloc[0] == pytest.approx(erlang.abandonment(39, a, 300, 180))
    assert table["agents_needed"].iloc[0] == erlang.agents_needed(a, 300, 20, 0.8, patience=180)
    assert np.isfinite(table["asa"]).all()
    # more agents: higher service level, fewer callers hang up
    assert table["service_level"].iloc[1] > table["service_level"].iloc[0]
    assert table["abandonment"].iloc[1] < table["abandonment"].iloc[0]


def test_interval_table_is_the_staffing_evaluator_for_the_given_agents():
    from wfmcourse.domain import staffing

    table = af.interval_table([100, 125], 300, agents=[39, 41], patience=180, interval=1800)
    rows = staffing.evaluate([100, 125], 300, interval=1800, patience=180, agents=[39, 41])
    for ours, theirs in [("traffic", "traffic"), ("service_level", "service_level"),
                         ("asa", "asa"), ("abandonment", "abandonment"),
                         ("agents_needed", "agents_needed"), ("shortfall", "shortfall")]:
        np.testing.assert_array_equal(table[ours].to_numpy(), rows[theirs].to_numpy())


def test_interval_table_rejects_bad_input():
    with pytest.raises(ValueError, match="agents"):
        af.interval_table(100, 300, agents=38.5)
    with pytest.raises(ValueError, match="calls"):
        af.interval_table(-1, 300, agents=30)
    with pytest.raises(ValueError, match="labels"):
        af.interval_table([100, 120], 300, agents=30, labels=["één"])
    with pytest.raises(ValueError, match=r"calls \(2,\), agents \(3,\)"):
        af.interval_table([100, 120], 300, agents=[30, 31, 32])
    with pytest.raises(TypeError, match="labels"):
        af.interval_table([100, 120], 300, agents=30, labels=5)


def test_available_agents_rounds_down_and_absorbs_float_noise():
    assert af.available_agents(39, 0.15) == 33          # 33.15
    assert af.available_agents(40, 0.15) == 34          # 34.0 (float 33.999...)
    assert list(af.available_agents([46, 20], 0.15)) == [39, 17]
    assert af.available_agents(10, 0) == 10
    with pytest.raises(ValueError, match="loss_fraction"):
        af.available_agents(10, 1.5)
    with pytest.raises(ValueError, match="agents"):
        af.available_agents(-3, 0.1)


def test_agents_to_roster_is_the_rounded_up_gross_up():
    assert af.agents_to_roster(39, 0.15) == 46          # 45.88
    assert af.agents_to_roster(34, 0.15) == 40          # exactly 40.0
    assert af.agents_to_roster(20, 0) == 20
    for needed in range(0, 80):
        rostered = af.agents_to_roster(needed, 0.15)
        assert af.available_agents(rostered, 0.15) >= needed
        assert rostered == 0 or af.available_agents(rostered - 1, 0.15) < needed
    with pytest.raises(ValueError, match="loss_fraction"):
        af.agents_to_roster(10, 1)


def test_weekly_hours():
    weeks = pd.Series([8400, 6600], index=["week 1", "week 2"])
    table = af.weekly_hours(weeks, 330, occupancy=0.85, shrinkage=0.3)
    assert list(table.index) == ["week 1", "week 2"]
    assert table.loc["week 1", "workload_hours"] == pytest.approx(8400 * 330 / 3600)
    assert table.loc["week 1", "net_hours"] == pytest.approx(770 / 0.85)
    assert table.loc["week 1", "gross_hours"] == pytest.approx(shrinkage.gross_up(770 / 0.85, 0.3))
    # hours are proportional to volume in this rough method
    ratio = table["gross_hours"] / table["volume"]
    assert ratio.iloc[0] == pytest.approx(ratio.iloc[1])
    for kwargs, name in [({"occupancy": 0}, "occupancy"), ({"occupancy": 1.2}, "occupancy"),
                         ({"shrinkage": 1}, "shrinkage")]:
        with pytest.raises(ValueError, match=name):
            af.weekly_hours([100], 300, **kwargs)
    with pytest.raises(ValueError, match="aht"):
        af.weekly_hours([100], 0)
    with pytest.raises(ValueError, match="weekly_volume"):
        af.weekly_hours([], 300)
