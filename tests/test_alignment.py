"""wfmcourse.domain.alignment: interval scenarios, capacity after a loss and weekly hours."""
import math

import numpy as np
import pandas as pd
import pytest

from wfmcourse.domain import alignment as af
from wfmcourse.domain import erlang, shrinkage


def test_interval_table_erlang_c_matches_erlang_module():
    table = af.interval_table([100, 125], 39, 300, labels=["forecast", "actie"])
    assert list(table.index) == ["forecast", "actie"]
    assert list(table.columns) == ["aanbod", "verkeer (Erlang)", "ingeroosterd", "service level",
                                   "ASA (s)", "nodig", "tekort"]
    a = 125 * 300 / 900
    assert table.loc["actie", "verkeer (Erlang)"] == pytest.approx(a)
    assert table.loc["forecast", "service level"] == pytest.approx(
        erlang.service_level(39, 100 * 300 / 900, 300, 20))
    # 39 agents for 41.7 Erlang: unstable in Erlang C
    assert table.loc["actie", "service level"] == 0.0
    assert math.isinf(table.loc["actie", "ASA (s)"])
    assert table.loc["actie", "nodig"] == erlang.agents_needed(a, 300, 20, 0.8)
    assert table.loc["actie", "tekort"] == table.loc["actie", "nodig"] - 39
    assert table.loc["forecast", "tekort"] == 0


def test_interval_table_shows_rostered_beside_available():
    """Casus 3 of notebook 06: 39 rostered, 33 left during maintenance; 46 rostered leave 39."""
    table = af.interval_table(100, [39, 33, 39], 300, patience=180, rostered=[39, 39, 46])
    assert list(table.columns[:4]) == ["aanbod", "verkeer (Erlang)", "ingeroosterd", "beschikbaar"]
    assert list(table["ingeroosterd"]) == [39, 39, 46] and list(table["beschikbaar"]) == [39, 33, 39]
    assert list(table["tekort"]) == list(np.maximum(table["nodig"] - table["beschikbaar"], 0))
    plain = af.interval_table(100, [39, 33, 39], 300, patience=180)
    assert list(plain["service level"]) == list(table["service level"])


def test_interval_table_erlang_a_adds_abandonment():
    table = af.interval_table(125, [39, 44], 300, patience=180)
    assert "afhakers" in table.columns
    a = 125 * 300 / 900
    assert table["afhakers"].iloc[0] == pytest.approx(erlang.abandonment(39, a, 300, 180))
    assert table["nodig"].iloc[0] == erlang.agents_needed(a, 300, 20, 0.8, patience=180)
    assert np.isfinite(table["ASA (s)"]).all()
    # more agents: higher service level, fewer callers hang up
    assert table["service level"].iloc[1] > table["service level"].iloc[0]
    assert table["afhakers"].iloc[1] < table["afhakers"].iloc[0]


def test_interval_table_rejects_bad_input():
    with pytest.raises(ValueError, match="agents"):
        af.interval_table(100, 38.5, 300)
    with pytest.raises(ValueError, match="calls"):
        af.interval_table(-1, 30, 300)
    with pytest.raises(ValueError, match="labels"):
        af.interval_table([100, 120], 30, 300, labels=["één"])
    with pytest.raises(ValueError, match=r"calls \(2,\), agents \(3,\)"):
        af.interval_table([100, 120], [30, 31, 32], 300)
    with pytest.raises(TypeError, match="labels"):
        af.interval_table([100, 120], 30, 300, labels=5)


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
    assert table.loc["week 1", "werklast (uur)"] == pytest.approx(8400 * 330 / 3600)
    assert table.loc["week 1", "netto uren"] == pytest.approx(770 / 0.85)
    assert table.loc["week 1", "bruto uren"] == pytest.approx(shrinkage.gross_up(770 / 0.85, 0.3))
    # hours are proportional to volume in this rough method
    ratio = table["bruto uren"] / table["volume"]
    assert ratio.iloc[0] == pytest.approx(ratio.iloc[1])
    for kwargs, name in [({"occupancy": 0}, "occupancy"), ({"occupancy": 1.2}, "occupancy"),
                         ({"shrinkage": 1}, "shrinkage")]:
        with pytest.raises(ValueError, match=name):
            af.weekly_hours([100], 300, **kwargs)
    with pytest.raises(ValueError, match="aht"):
        af.weekly_hours([100], 0)
    with pytest.raises(ValueError, match="weekly_volume"):
        af.weekly_hours([], 300)
