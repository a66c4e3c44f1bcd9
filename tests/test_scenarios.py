"""The what-if tables of wfmcourse.domain.scenarios agree with wfmcourse.domain.erlang cell by cell."""
import numpy as np
import pytest

from wfmcourse.domain import erlang, scenarios


def test_staffing_table_worked_example():
    """100 calls per half hour, AHT 180 s: 10 Erlang; 14 agents is the first to reach 80/20."""
    table = scenarios.staffing_table(10.0, 180, 20, range(11, 19))
    assert table.index.name == "medewerkers" and list(table.index) == list(range(11, 19))
    assert list(table.columns) == ["P(wachten)", "service level", "ASA (s)", "occupancy"]
    row = table.loc[14]
    assert row["P(wachten)"] == pytest.approx(0.1741, abs=5e-5)
    assert row["service level"] == pytest.approx(0.888, abs=5e-4)
    assert row["ASA (s)"] == pytest.approx(7.8, abs=0.05)
    assert row["occupancy"] == pytest.approx(10 / 14)
    assert table.loc[13, "service level"] < 0.8 <= table.loc[14, "service level"]
    assert np.all(np.diff(table["service level"]) > 0) and np.all(np.diff(table["ASA (s)"]) < 0)


def test_staffing_table_unstable_rows_and_erlang_a():
    table = scenarios.staffing_table(10.0, 180, 20, [9, 10, 11])
    assert np.isinf(table.loc[10, "ASA (s)"]) and table.loc[9, "service level"] == 0
    a = scenarios.staffing_table(10.0, 180, 20, [9, 10, 11], patience=120)
    assert list(a.columns) == ["service level", "ASA (s)", "afhakers", "occupancy"]
    assert np.isfinite(a["ASA (s)"]).all()
    assert a.loc[9, "afhakers"] == pytest.approx(erlang.abandonment(9, 10.0, 180, 120))
    assert a.loc[11, "service level"] == pytest.approx(erlang.service_level(11, 10.0, 180, 20, patience=120))


def test_occupancy_targets_trade_service_for_occupancy():
    table = scenarios.occupancy_targets(10.0, 180, 20, [0.7, 0.8, 0.9, 1.0])
    assert list(table["medewerkers"]) == [15, 13, 12, 10]      # 10 / 0.8 = 12.5 -> 13, not 12 by rounding
    assert (table["occupancy"] <= table.index.to_numpy() + 1e-12).all()
    assert np.all(np.diff(table["service level"]) < 0)
    assert table.loc[1.0, "service level"] == 0 and np.isinf(table.loc[1.0, "ASA (s)"])


def test_occupancy_by_load_rises_with_size_and_cap_adds_agents():
    table = scenarios.occupancy_by_load([1, 10, 100, 200], 180, 20, 0.8, max_occupancy=0.85)
    assert np.all(np.diff(table["occupancy"]) > 0)
    assert (table["occupancy met plafond"] <= 0.85).all()
    assert (table["medewerkers met plafond"] >= table["medewerkers"]).all()
    assert table.loc[200.0, "medewerkers met plafond"] > table.loc[200.0, "medewerkers"]
    assert "occupancy met plafond" not in scenarios.occupancy_by_load([5], 180, 20, 0.8)


def test_pooling_two_queues_of_five_versus_one_of_ten():
    table = scenarios.pooling_comparison(5.0, 2, 180, 20, 0.8)
    assert list(table.index) == ["gescheiden", "samengevoegd"]
    assert list(table["medewerkers totaal"]) == [2 * erlang.agents_needed(5.0, 180, 20, 0.8),
                                                 erlang.agents_needed(10.0, 180, 20, 0.8)]
    assert list(table["medewerkers totaal"]) == [16, 14]
    assert (table["service level"] >= 0.8).all()
    assert table.loc["samengevoegd", "occupancy"] > table.loc["gescheiden", "occupancy"]


def test_agents_per_erlang_falls_towards_one():
    loads = np.arange(1, 201)
    table = scenarios.agents_per_erlang(loads, 180, 20, 0.8)
    assert len(table) == 200
    np.testing.assert_array_equal(table["medewerkers"], erlang.agents_needed(loads, 180, 20, 0.8))
    assert table.loc[1.0, "medewerkers per Erlang"] == 3
    assert 1 < table.loc[200.0, "medewerkers per Erlang"] < 1.1
    ratio = table["medewerkers per Erlang"]
    assert ratio.loc[1.0] > ratio.loc[10.0] > ratio.loc[50.0] > ratio.loc[100.0] > ratio.loc[200.0]
    assert not ratio.is_monotonic_decreasing      # whole agents make the curve a saw tooth
    a = scenarios.agents_per_erlang([10, 100], 180, 20, 0.8, patience=120)
    assert (a["medewerkers"].to_numpy() <= table.loc[[10.0, 100.0], "medewerkers"].to_numpy()).all()


def test_sensitivity_four_scenarios():
    table = scenarios.sensitivity(400, 180, 1800, 20, 0.8)
    assert list(table.index) == ["basis", "meer volume", "langere AHT", "allebei"]
    assert list(table["gesprekken"]) == pytest.approx([400, 440, 400, 440])
    assert list(table["AHT (s)"]) == [180, 180, 190, 190]
    expected = erlang.agents_needed(erlang.traffic(np.array([400, 440, 400, 440.0]),
                                                   np.array([180, 180, 190, 190.0]), 1800),
                                    np.array([180, 180, 190, 190.0]), 20, 0.8)
    np.testing.assert_array_equal(table["medewerkers"], expected)
    assert table.loc["basis", "extra medewerkers"] == 0
    assert table.loc["allebei", "extra medewerkers"] >= table.loc["meer volume", "extra medewerkers"] > 0


def test_erlang_c_versus_a():
    table = scenarios.erlang_c_versus_a(10.0, 180, 20, 0.8, [60, 120, 180])
    assert (table["Erlang C"] == 14).all()
    assert (table["verschil"] == table["Erlang C"] - table["Erlang A"]).all()
    assert (table["verschil"] > 0).all()
    assert (table["service level"] >= 0.8).all()
    assert table.loc[120.0, "afhakers"] == pytest.approx(erlang.abandonment(12, 10.0, 180, 120))


def test_service_level_by_patience_columns():
    table = scenarios.service_level_by_patience(10.0, 180, 20, range(9, 16), [60, 180])
    assert list(table.columns) == ["Erlang C", "Erlang A, geduld 60 s", "Erlang A, geduld 180 s"]
    assert table.loc[12, "Erlang A, geduld 60 s"] == pytest.approx(
        erlang.service_level(12, 10.0, 180, 20, patience=60))
    # impatient callers leave the queue, so the rest is answered faster than in Erlang C
    assert (table["Erlang A, geduld 60 s"] >= table["Erlang A, geduld 180 s"]).all()
    assert (table["Erlang A, geduld 180 s"] >= table["Erlang C"]).all()


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: scenarios.staffing_table(10, 0, 20, [12]), "aht"),
        (lambda: scenarios.staffing_table(10, 180, 20, [12.5]), "agents"),
        (lambda: scenarios.staffing_table(10, 180, 20, [[12]]), "agents"),
        (lambda: scenarios.staffing_table([10, 11], 180, 20, [12]), "traffic"),
        (lambda: scenarios.staffing_table(10, 180, 20, [12], patience=-1), "patience"),
        (lambda: scenarios.occupancy_targets(10, 180, 20, [0.8, 1.2]), "occupancies"),
        (lambda: scenarios.occupancy_targets(0, 180, 20, [0.8]), "traffic"),
        (lambda: scenarios.pooling_comparison(5, 1.5, 180, 20, 0.8), "queues"),
        (lambda: scenarios.pooling_comparison(5, 0, 180, 20, 0.8), "queues"),
        (lambda: scenarios.agents_per_erlang([0, 1], 180, 20, 0.8), "loads"),
        (lambda: scenarios.sensitivity(100, 180, 1800, 20, 0.8, extra_aht=-200), "extra_aht"),
        (lambda: scenarios.sensitivity(100, 180, 1800, 20, 1.2), "target"),
        (lambda: scenarios.erlang_c_versus_a(10, 180, 20, 0.8, [0]), "patiences"),
        (lambda: scenarios.service_level_by_patience(10, 180, 20, [12], [[60]]), "patiences"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=rf"^{name}"):
        call()
