"""The what-if tables of wfmcourse.domain.scenarios agree with wfmcourse.domain.erlang cell by cell."""
import numpy as np
import pytest

from wfmcourse.domain import erlang, scenarios


def test_staffing_table_worked_example():
    """100 calls per half hour, AHT 180 s: 10 Erlang; 14 agents is the first to reach 80/20."""
    table = scenarios.staffing_table(10.0, 180, 20, range(11, 19))
    assert table.index.name == "agents" and list(table.index) == list(range(11, 19))
    assert list(table.columns) == ["wait_probability", "service_level", "asa", "occupancy"]
    row = table.loc[14]
    assert row["wait_probability"] == pytest.approx(0.1741, abs=5e-5)
    assert row["service_level"] == pytest.approx(0.888, abs=5e-4)
    assert row["asa"] == pytest.approx(7.8, abs=0.05)
    assert row["occupancy"] == pytest.approx(10 / 14)
    assert table.loc[13, "service_level"] < 0.8 <= table.loc[14, "service_level"]
    assert np.all(np.diff(table["service_level"]) > 0) and np.all(np.diff(table["asa"]) < 0)


def test_staffing_table_unstable_rows_and_erlang_a():
    table = scenarios.staffing_table(10.0, 180, 20, [9, 10, 11])
    assert np.isinf(table.loc[10, "asa"]) and table.loc[9, "service_level"] == 0
    a = scenarios.staffing_table(10.0, 180, 20, [9, 10, 11], patience=120)
    assert list(a.columns) == ["service_level", "asa", "abandonment", "occupancy"]
    assert np.isfinite(a["asa"]).all()
    assert a.loc[9, "abandonment"] == pytest.approx(erlang.abandonment(9, 10.0, 180, 120))
    assert a.loc[11, "service_level"] == pytest.approx(erlang.service_level(11, 10.0, 180, 20, patience=120))


def test_occupancy_targets_trade_service_for_occupancy():
    table = scenarios.occupancy_targets(10.0, 180, 20, [0.7, 0.8, 0.9, 1.0])
    assert list(table["agents"]) == [15, 13, 12, 10]      # 10 / 0.8 = 12.5 -> 13, not 12 by rounding
    assert (table["occupancy"] <= table.index.to_numpy() + 1e-12).all()
    assert np.all(np.diff(table["service_level"]) < 0)
    assert table.loc[1.0, "service_level"] == 0 and np.isinf(table.loc[1.0, "asa"])


def test_occupancy_by_load_rises_with_size_and_cap_adds_agents():
    table = scenarios.occupancy_by_load([1, 10, 100, 200], 180, 20, 0.8, max_occupancy=0.85)
    assert np.all(np.diff(table["occupancy"]) > 0)
    assert (table["occupancy_capped"] <= 0.85).all()
    assert (table["agents_capped"] >= table["agents"]).all()
    assert table.loc[200.0, "agents_capped"] > table.loc[200.0, "agents"]
    assert "occupancy_capped" not in scenarios.occupancy_by_load([5], 180, 20, 0.8)


def test_pooling_two_queues_of_five_versus_one_of_ten():
    table = scenarios.pooling_comparison(5.0, 180, 20, 0.8, queues=2)
    assert list(table.index) == ["separate", "pooled"]
    assert list(table["agents_total"]) == [2 * erlang.agents_needed(5.0, 180, 20, 0.8),
                                                 erlang.agents_needed(10.0, 180, 20, 0.8)]
    assert list(table["agents_total"]) == [16, 14]
    assert (table["service_level"] >= 0.8).all()
    assert table.loc["pooled", "occupancy"] > table.loc["separate", "occupancy"]


def test_agents_per_erlang_falls_towards_one():
    loads = np.arange(1, 201)
    table = scenarios.agents_per_erlang(loads, 180, 20, 0.8)
    assert len(table) == 200
    np.testing.assert_array_equal(table["agents"], erlang.agents_needed(loads, 180, 20, 0.8))
    assert table.loc[1.0, "agents_per_erlang"] == 3
    assert 1 < table.loc[200.0, "agents_per_erlang"] < 1.1
    ratio = table["agents_per_erlang"]
    assert ratio.loc[1.0] > ratio.loc[10.0] > ratio.loc[50.0] > ratio.loc[100.0] > ratio.loc[200.0]
    assert not ratio.is_monotonic_decreasing      # whole agents make the curve a saw tooth
    a = scenarios.agents_per_erlang([10, 100], 180, 20, 0.8, patience=120)
    assert (a["agents"].to_numpy() <= table.loc[[10.0, 100.0], "agents"].to_numpy()).all()


def test_sensitivity_four_scenarios():
    table = scenarios.sensitivity(400, 180, interval=1800, awt=20, target=0.8)
    assert list(table.index) == ["base", "more_volume", "longer_aht", "volume_and_aht"]
    assert list(table["calls"]) == pytest.approx([400, 440, 400, 440])
    assert list(table["aht"]) == [180, 180, 190, 190]
    expected = erlang.agents_needed(erlang.traffic(np.array([400, 440, 400, 440.0]),
                                                   np.array([180, 180, 190, 190.0]), 1800),
                                    np.array([180, 180, 190, 190.0]), 20, 0.8)
    np.testing.assert_array_equal(table["agents"], expected)
    assert table.loc["base", "extra_agents"] == 0
    assert table.loc["volume_and_aht", "extra_agents"] >= table.loc["more_volume", "extra_agents"] > 0


def test_erlang_c_versus_a():
    table = scenarios.erlang_c_versus_a(10.0, 180, 20, 0.8, [60, 120, 180])
    assert (table["agents_erlang_c"] == 14).all()
    assert (table["agents_difference"] == table["agents_erlang_c"] - table["agents_erlang_a"]).all()
    assert (table["agents_difference"] > 0).all()
    assert (table["service_level"] >= 0.8).all()
    assert table.loc[120.0, "abandonment"] == pytest.approx(erlang.abandonment(12, 10.0, 180, 120))


def test_service_level_by_patience_columns():
    table = scenarios.service_level_by_patience(10.0, 180, 20, range(9, 16), [60, 180])
    assert table.columns.name == "patience" and list(table.columns) == [np.inf, 60.0, 180.0]
    assert table.index.name == "agents"
    assert table.loc[12, 60.0] == pytest.approx(erlang.service_level(12, 10.0, 180, 20, patience=60))
    assert table.loc[12, np.inf] == pytest.approx(erlang.service_level(12, 10.0, 180, 20))
    # impatient callers leave the queue, so the rest is answered faster than in Erlang C
    assert (table[60.0] >= table[180.0]).all()
    assert (table[180.0] >= table[np.inf]).all()


def test_sensitivity_is_the_staffing_evaluator_per_scenario():
    from wfmcourse.domain import staffing

    table = scenarios.sensitivity(100, 180, interval=1800, awt=20, target=0.8, patience=120)
    rows = staffing.evaluate([100.0, 110.0, 100.0, 110.0], [180.0, 180.0, 190.0, 190.0],
                             interval=1800, awt=20, target=0.8, patience=120)
    np.testing.assert_array_equal(table["agents"], rows["agents"])
    np.testing.assert_allclose(table["load"], rows["traffic"])
    assert table.index.name == "scenario"


def test_column_and_index_names_have_a_dutch_label():
    from wfmcourse.presentation import dutch

    tables = [scenarios.staffing_table(10.0, 180, 20, [12, 13]),
              scenarios.staffing_table(10.0, 180, 20, [12, 13], patience=60),
              scenarios.occupancy_targets(10.0, 180, 20, [0.8]),
              scenarios.occupancy_by_load([5], 180, 20, 0.8, max_occupancy=0.8),
              scenarios.pooling_comparison(5.0, 180, 20, 0.8, queues=2),
              scenarios.agents_per_erlang([5], 180, 20, 0.8),
              scenarios.sensitivity(100, 180),
              scenarios.erlang_c_versus_a(10.0, 180, 20, 0.8, [60])]
    for table in tables:
        for name in [*table.columns, table.index.name]:
            assert name in dutch.LABELS, name
    for value in ("separate", "pooled", "base", "more_volume", "longer_aht", "volume_and_aht"):
        assert value in dutch.LABELS


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
        (lambda: scenarios.pooling_comparison(5, 180, 20, 0.8, queues=1.5), "queues"),
        (lambda: scenarios.pooling_comparison(5, 180, 20, 0.8, queues=0), "queues"),
        (lambda: scenarios.agents_per_erlang([0, 1], 180, 20, 0.8), "traffic"),
        (lambda: scenarios.sensitivity(100, 180, interval=1800, extra_aht=-200), "extra_aht"),
        (lambda: scenarios.sensitivity(100, 180, interval=1800, target=1.2), "target"),
        (lambda: scenarios.erlang_c_versus_a(10, 180, 20, 0.8, [0]), "patiences"),
        (lambda: scenarios.service_level_by_patience(10, 180, 20, [12], [[60]]), "patiences"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=rf"^{name}"):
        call()
