"""Validation of wfmcourse.domain.capacity: worked examples, properties, bad input."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wfmcourse.domain import capacity, shrinkage
from wfmcourse.validation import ParameterValueError


def test_gross_up_comparison_worked_example():
    """30 % shrinkage: right factor 1 / 0.7 = 1.428571, wrong 1.3, which leaves
    1.3 * 0.7 = 0.91 of the net requirement on the phones: 9 % short (= 0.3^2)."""
    table = capacity.gross_up_comparison([0.0, 0.3])
    row = table.iloc[1]
    assert row["shrinkage"] == pytest.approx(0.3)
    assert row["right_factor"] == pytest.approx(1.428571428)
    assert row["naive_factor"] == pytest.approx(1.3)
    assert row["net_left_naive"] == pytest.approx(0.91)
    assert row["shortfall_share"] == pytest.approx(0.09)
    assert table.iloc[0][["right_factor", "naive_factor", "net_left_naive"]].tolist() == [1, 1, 1]


@given(st.lists(st.floats(0.0, 0.95), min_size=1, max_size=10))
def test_gross_up_comparison_properties(values):
    table = capacity.gross_up_comparison(values)
    assert (table["right_factor"] >= table["naive_factor"] - 1e-12).all()
    np.testing.assert_allclose(table["shortfall_share"], np.asarray(values) ** 2, atol=1e-12)


@pytest.mark.parametrize("bad", [[1.0], [-0.1], [], [[0.1, 0.2]]])
def test_gross_up_comparison_bad_input(bad):
    with pytest.raises(ParameterValueError, match="shrinkages"):
        capacity.gross_up_comparison(bad)


def test_staffing_with_turnover_worked_example():
    """By hand: 80 productive FTE, 40 % turnover, 8 weeks to productive at 50 % on average,
    4 vacant weeks: lost weeks per leaver = 4 + 8 * 0.5 = 8; loss share = 0.4 * 8 / 52 = 0.061538.
    Headcount = 80 / (1 - 0.061538) = 85.2459; hires = 0.4 * 85.2459 = 34.098 FTE;
    with 0.8 FTE per person that is 42.623 people."""
    result = capacity.staffing_with_turnover(80, 0.4, 8, vacancy_weeks=4, fte_per_person=0.8)
    assert result.loss_share == pytest.approx(0.4 * 8 / 52)
    assert result.headcount_fte == pytest.approx(80 / (1 - 0.4 * 8 / 52))
    assert result.headcount_fte == pytest.approx(85.24590164)
    assert result.loss_fte == pytest.approx(5.24590164)
    assert result.hires_fte == pytest.approx(34.09836066)
    assert result.hires_people == pytest.approx(42.62295082)
    # consistent with the shrinkage module: the loss of the grossed-up team is exactly the gap
    assert shrinkage.turnover_capacity_loss(result.headcount_fte, 0.4, 8, vacancy_weeks=4) == \
        pytest.approx(result.loss_fte)


def test_staffing_without_turnover_needs_no_hires():
    result = capacity.staffing_with_turnover(50, 0.0, 10)
    assert result.headcount_fte == 50 and result.hires_fte == 0 and result.loss_fte == 0


@given(st.floats(0.0, 1.0), st.floats(0.0, 12.0))
def test_more_turnover_means_more_hires_and_headcount(turnover, weeks):
    low = capacity.staffing_with_turnover(100, turnover, weeks)
    high = capacity.staffing_with_turnover(100, turnover + 0.1, weeks)
    assert high.headcount_fte >= low.headcount_fte and high.hires_fte > low.hires_fte


@pytest.mark.parametrize("kwargs, name", [
    (dict(productive_fte=-1, annual_turnover=0.3, weeks_to_productive=8), "productive_fte"),
    (dict(productive_fte=10, annual_turnover=-0.3, weeks_to_productive=8), "annual_turnover"),
    (dict(productive_fte=10, annual_turnover=0.3, weeks_to_productive=-8), "weeks_to_productive"),
    (dict(productive_fte=10, annual_turnover=0.3, weeks_to_productive=8, fte_per_person=0),
     "fte_per_person"),
    (dict(productive_fte=10, annual_turnover=0.3, weeks_to_productive=8, ramp_productivity=1.5),
     "ramp_productivity"),
    (dict(productive_fte=[10, 20], annual_turnover=0.3, weeks_to_productive=8), "productive_fte"),
    (dict(productive_fte=10, annual_turnover=20.0, weeks_to_productive=8), "annual_turnover"),
])
def test_staffing_with_turnover_bad_input(kwargs, name):
    with pytest.raises(ParameterValueError, match=name):
        capacity.staffing_with_turnover(**kwargs)


HOURS = {"leave": 110.0, "sickness": 60.0, "breaks": 70.0, "training": 30.0, "meetings": 20.0}


def test_shrinkage_breakdown_worked_example():
    """1000 paid hours: leave 11 %, sickness 6 %, breaks 7 %, training 3 %, meetings 2 %; total 29 %."""
    table = capacity.shrinkage_breakdown(HOURS, 1000)
    assert list(table.index) == ["leave", "breaks", "sickness", "training", "meetings"]
    assert table.loc["sickness", "share"] == pytest.approx(0.06)
    assert table.loc["sickness", "kind"] == "unplanned"
    assert (table.drop("sickness")["kind"] == "planned").all()
    assert table["share"].sum() == pytest.approx(0.29)
    assert shrinkage.total_shrinkage(table["share"].to_dict()) == pytest.approx(0.29)


def test_absence_and_floor_compound_equals_additive():
    """Absence 170 of 1000 paid hours = 17 %; the other 120 hours of the 830 present = 14.458 %;
    1 - 0.83 * (1 - 120 / 830) = 1 - (830 - 120) / 1000 = 0.29, the additive total."""
    parts = capacity.absence_and_floor(HOURS, 1000)
    assert parts["absent"] == pytest.approx(0.17)
    assert parts["at_work"] == pytest.approx(120 / 830)
    assert shrinkage.total_shrinkage(parts, method="compound") == pytest.approx(0.29)
    assert shrinkage.total_shrinkage(parts, method="additive") > 0.29


@given(st.lists(st.floats(0.0, 50.0), min_size=3, max_size=6), st.floats(400.0, 2000.0))
def test_compound_on_its_base_always_equals_additive(values, paid):
    hours = {f"c{i}": v for i, v in enumerate(values)}
    parts = capacity.absence_and_floor(hours, paid, absence=("c0", "c1"))
    additive = capacity.shrinkage_breakdown(hours, paid, unplanned=("c1",))["share"].sum()
    assert shrinkage.total_shrinkage(parts, method="compound") == pytest.approx(additive, abs=1e-12)


@pytest.mark.parametrize("call, name", [
    (lambda: capacity.shrinkage_breakdown({"leave": -1.0}, 100), "hours"),
    (lambda: capacity.shrinkage_breakdown({}, 100), "hours"),
    (lambda: capacity.shrinkage_breakdown(HOURS, 0), "paid_hours"),
    (lambda: capacity.shrinkage_breakdown(HOURS, 200), "paid_hours"),
    (lambda: capacity.shrinkage_breakdown(HOURS, 1000, unplanned=("storing",)), "unplanned"),
    (lambda: capacity.absence_and_floor(HOURS, [1000, 2000]), "paid_hours"),
])
def test_breakdown_bad_input(call, name):
    with pytest.raises(ParameterValueError, match=name):
        call()


def _records():
    return pd.DataFrame({
        "paid_hours": [8.0, 7.6], "scheduled_hours": [3.5, 7.15], "logged_in_hours": [3.5, 6.65],
        "verlof_hours": [0.0, 0.0], "verzuim_hours": [0.0, 0.0], "training_hours": [4.0, 0.0],
        "overleg_hours": [0.0, 0.0], "pauze_hours": [0.5, 0.45]})


def test_agent_hours_components_worked_example():
    """Row 1: 4 h training, 0.5 h pause; row 2: 0.45 h pause and 7.15 - 6.65 = 0.5 h not logged in.
    Components 5.45 h of 15.6 paid; logged in 10.15 h; 5.45 + 10.15 = 15.6."""
    records = _records()
    hours = capacity.agent_hours_components(records)
    assert hours["training"] == 4.0 and hours["breaks"] == pytest.approx(0.95)
    assert hours["not_logged_in"] == pytest.approx(0.5)
    assert hours.sum() + records["logged_in_hours"].sum() == pytest.approx(records["paid_hours"].sum())


def test_agent_hours_components_on_the_shipped_data():
    from wfmcourse.data import datasets

    records = datasets.load_agent_hours()
    hours = capacity.agent_hours_components(records)
    assert hours.sum() + records["logged_in_hours"].sum() == pytest.approx(records["paid_hours"].sum(),
                                                                             abs=0.02 * len(records))
    assert 0 < hours.sum() / records["paid_hours"].sum() < 1


@pytest.mark.parametrize("bad, name", [
    (pd.DataFrame({"verlof_hours": [1.0]}), "columns"),
    (_records().iloc[:0], "agent_hours"),
    (_records().assign(verzuim_hours=[-1.0, 0.0]), "verzuim_hours"),
])
def test_agent_hours_components_bad_input(bad, name):
    with pytest.raises(ParameterValueError, match=name):
        capacity.agent_hours_components(bad)


# Wrong types raise TypeError (a ValueError before the strict input checks of issue 13).
@pytest.mark.parametrize("call, name", [
    (lambda: capacity.gross_up_comparison(["x"]), "shrinkages"),
    (lambda: capacity.shrinkage_breakdown([1.0, 2.0], 100), "hours"),
    (lambda: capacity.shrinkage_breakdown({"leave": "5"}, 100), "hours\\['leave'\\]"),
    (lambda: capacity.absence_and_floor(HOURS, 1000, absence="leave"), "absence"),
    (lambda: capacity.agent_hours_components([1, 2]), "agent_hours"),
    (lambda: capacity.staffing_with_turnover(True, 0.3, 8), "productive_fte"),
])
def test_wrong_types_raise_type_error(call, name):
    with pytest.raises(TypeError, match=name):
        call()


def test_agent_hours_components_clips_only_rounding_noise():
    """A gap of -1e-12 h is float noise and counts as 0; logged in half an hour longer than
    scheduled is an inconsistency in the records and raises, naming both columns and the row."""
    noisy = _records().assign(logged_in_hours=[3.5 + 1e-12, 6.65])
    assert capacity.agent_hours_components(noisy)["not_logged_in"] == pytest.approx(0.5)
    wrong = _records().assign(logged_in_hours=[4.0, 6.65])
    with pytest.raises(ParameterValueError, match=r"agent_hours must have logged_in_hours <= scheduled_hours, "
                                         r"got logged_in_hours=4.0 > scheduled_hours=3.5 at row 0"):
        capacity.agent_hours_components(wrong)


def test_gross_up_comparison_keeps_a_series_index():
    levels = pd.Series([0.1, 0.3], index=["laag", "hoog"])
    table = capacity.gross_up_comparison(levels)
    assert table.index.tolist() == ["laag", "hoog"]
    assert table.loc["hoog", "right_factor"] == pytest.approx(1 / 0.7)
    assert capacity.gross_up_comparison([0.1, 0.3]).index.tolist() == [0, 1]


def test_tables_have_english_names_with_dutch_headers():
    """English names in code; dutch.table shows the Dutch headers the notebook shows."""
    from wfmcourse.presentation import dutch
    table = capacity.shrinkage_breakdown(HOURS, 1000, unplanned=("sickness",))
    shown = dutch.table(table.replace({"kind": dutch.LABELS}), percent=["share"])
    assert shown.index.name == "onderdeel"
    assert shown.columns.tolist() == ["uren", "aandeel", "soort"]
    assert shown.index.tolist() == ["verlof", "pauzes", "verzuim", "training", "overleg"]
    assert shown.loc["verzuim", "soort"] == "ongepland"
    assert set(capacity.absence_and_floor(HOURS, 1000)) == {"absent", "at_work"}
    comparison = dutch.table(capacity.gross_up_comparison([0.3]))
    assert comparison.columns.tolist() == ["shrinkage", "juiste factor", "foute factor",
                                           "netto over bij foute factor", "tekort"]
