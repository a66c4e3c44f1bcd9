"""Validation of wfmcourse.capaciteit: worked examples, properties, bad input."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wfmcourse import capaciteit, shrinkage


def test_gross_up_comparison_worked_example():
    """30 % shrinkage: right factor 1 / 0.7 = 1.428571, wrong 1.3, which leaves
    1.3 * 0.7 = 0.91 of the net requirement on the phones: 9 % short (= 0.3^2)."""
    table = capaciteit.gross_up_comparison([0.0, 0.3])
    row = table.iloc[1]
    assert row["shrinkage"] == pytest.approx(0.3)
    assert row["juiste factor"] == pytest.approx(1.428571428)
    assert row["foute factor"] == pytest.approx(1.3)
    assert row["netto over bij foute factor"] == pytest.approx(0.91)
    assert row["tekort"] == pytest.approx(0.09)
    assert table.iloc[0][["juiste factor", "foute factor", "netto over bij foute factor"]].tolist() == [1, 1, 1]


@given(st.lists(st.floats(0.0, 0.95), min_size=1, max_size=10))
def test_gross_up_comparison_properties(values):
    table = capaciteit.gross_up_comparison(values)
    assert (table["juiste factor"] >= table["foute factor"] - 1e-12).all()
    np.testing.assert_allclose(table["tekort"], np.asarray(values) ** 2, atol=1e-12)


@pytest.mark.parametrize("bad", [[1.0], [-0.1], [], [[0.1, 0.2]], ["x"]])
def test_gross_up_comparison_bad_input(bad):
    with pytest.raises(ValueError, match="shrinkages"):
        capaciteit.gross_up_comparison(bad)


def test_staffing_with_turnover_worked_example():
    """By hand: 80 productive FTE, 40 % turnover, 8 weeks to productive at 50 % on average,
    4 vacant weeks: lost weeks per leaver = 4 + 8 * 0.5 = 8; loss share = 0.4 * 8 / 52 = 0.061538.
    Headcount = 80 / (1 - 0.061538) = 85.2459; hires = 0.4 * 85.2459 = 34.098 FTE;
    with 0.8 FTE per person that is 42.623 people."""
    result = capaciteit.staffing_with_turnover(80, 0.4, 8, vacancy_weeks=4, fte_per_person=0.8)
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
    result = capaciteit.staffing_with_turnover(50, 0.0, 10)
    assert result.headcount_fte == 50 and result.hires_fte == 0 and result.loss_fte == 0


@given(st.floats(0.0, 1.0), st.floats(0.0, 12.0))
def test_more_turnover_means_more_hires_and_headcount(turnover, weeks):
    low = capaciteit.staffing_with_turnover(100, turnover, weeks)
    high = capaciteit.staffing_with_turnover(100, turnover + 0.1, weeks)
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
    with pytest.raises(ValueError, match=name):
        capaciteit.staffing_with_turnover(**kwargs)
