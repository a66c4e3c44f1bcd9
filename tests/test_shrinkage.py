"""Validation of wfmcourse.domain.shrinkage: worked examples, properties, bad input."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.domain import erlang, kpi, shrinkage
from wfmcourse.validation import ParameterValueError

# ---------------------------------------------------------------------------
# 1. Worked examples
# ---------------------------------------------------------------------------


def test_total_shrinkage_additive_and_compound_worked_example():
    """Worked by hand: leave 10 %, sickness 5 %, breaks 10 %, training 5 %.
    additive: 0.30; compound: 1 - 0.9 * 0.95 * 0.9 * 0.95 = 1 - 0.731025 = 0.268975."""
    parts = {"leave": 0.10, "sickness": 0.05, "breaks": 0.10, "training": 0.05}
    assert shrinkage.total_shrinkage(parts) == pytest.approx(0.30)
    assert shrinkage.total_shrinkage(parts, method="additive") == pytest.approx(0.30)
    assert shrinkage.total_shrinkage(parts, method="compound") == pytest.approx(0.268975)
    assert shrinkage.total_shrinkage([0.10, 0.05, 0.10, 0.05], "compound") == pytest.approx(0.268975)
    assert shrinkage.total_shrinkage([]) == 0.0
    assert shrinkage.total_shrinkage((0.2,), "compound") == pytest.approx(0.2)


def test_gross_up_worked_example_and_why_naive_is_wrong():
    """Worked by hand (also in the docstring): 100 net hours at 30 % shrinkage.
    gross_up: 100 / 0.7 = 142.857 paid hours, which leave 142.857 * 0.7 = 100 on the phones.
    naive: 100 * 1.3 = 130 paid hours leave 130 * 0.7 = 91 = 100 * (1 - 0.3^2)."""
    gross = shrinkage.gross_up(100, 0.3)
    assert gross == pytest.approx(142.857142857)
    assert gross * (1 - 0.3) == pytest.approx(100)
    naive = shrinkage.naive_gross_up(100, 0.3)
    assert naive == pytest.approx(130)
    assert naive * (1 - 0.3) == pytest.approx(91)
    assert naive * (1 - 0.3) == pytest.approx(100 * (1 - 0.3 ** 2))
    assert shrinkage.gross_up(14, 0) == 14.0


def test_gross_up_per_interval_series():
    """Worked by hand: 14, 20 and 7 agents at 20 %, 30 % and 30 % shrinkage -> 17.5, 28.571, 10."""
    idx = pd.date_range("2024-03-04 09:00", periods=3, freq="15min")
    out = shrinkage.gross_up(pd.Series([14, 20, 7], index=idx), pd.Series([0.2, 0.3, 0.3], index=idx))
    assert isinstance(out, pd.Series) and out.index.equals(idx)
    np.testing.assert_allclose(out.to_numpy(), [17.5, 20 / 0.7, 10.0])


def test_fte_is_the_kpi_fte():
    """Worked by hand: 1 440 hours a week at 36 h = 40 FTE."""
    assert shrinkage.fte is kpi.fte
    assert shrinkage.fte(1_440, 36) == pytest.approx(40.0)


def test_weekly_fte_worked_example():
    """Worked by hand: Monday-Friday 08:00-18:00 (40 quarter hours a day), 10 agents every
    interval -> 5 * 40 * 10 * 0.25 h = 500 net hours; 30 % shrinkage -> 500 / 0.7 = 714.29 gross
    hours; 36-hour contract week -> 19.84 FTE (17.86 FTE at 40 h would under-hire)."""
    days = pd.date_range("2024-03-04", periods=5, freq="D")
    idx = pd.DatetimeIndex([d + pd.Timedelta(hours=8) + k * pd.Timedelta(minutes=15)
                            for d in days for k in range(40)])
    req = pd.Series(10, index=idx)
    result = shrinkage.weekly_fte(req, interval=900, shrinkage=0.3, contract_hours=36)
    assert result.net_hours == pytest.approx(500.0)
    assert result.gross_hours == pytest.approx(500 / 0.7)
    assert result.fte == pytest.approx(500 / 0.7 / 36)
    assert result.fte == pytest.approx(19.8412698)
    assert result.contract_hours == 36.0
    assert shrinkage.weekly_fte(req, contract_hours=40).fte == pytest.approx(17.857142857)


def test_weekly_fte_with_erlang_requirement_and_varying_shrinkage():
    """Worked by hand: the Call Centre Helper example needs 14 agents (see test_erlang); two
    half-hour intervals of 14 agents = 14 net hours; shrinkage 0.3 then 0.44 -> 7 / 0.7 + 7 / 0.56
    = 10 + 12.5 = 22.5 gross hours."""
    need = erlang.agents_needed(erlang.traffic(100, 180, interval=1800), 180, 20, 0.8)
    assert need == 14
    result = shrinkage.weekly_fte([need, need], interval=1800, shrinkage=[0.3, 0.44],
                                  contract_hours=36)
    assert result.net_hours == pytest.approx(14.0)
    assert result.gross_hours == pytest.approx(22.5)
    assert result.fte == pytest.approx(22.5 / 36)


def test_sickness_fte_worked_example():
    """Worked by hand (docstring): 120 FTE at 6 % sickness -> 7.2 FTE sick on an average day."""
    assert shrinkage.sickness_fte(120, 0.06) == pytest.approx(7.2)
    assert shrinkage.sickness_fte(120, kpi.sickness_rate(300, 5_000)) == pytest.approx(7.2)


def test_hires_and_blended_turnover_worked_example():
    """Worked by hand: team of 100, 60 aged 23-30 with 50 % turnover and 40 older with 15 %:
    blended (60 * 0.5 + 40 * 0.15) / 100 = 36 % -> 36 hires a year (+5 growth = 41).
    Recruiting in another pond so the mix becomes 30/70: (15 + 10.5) / 100 = 25.5 % -> 25.5 hires."""
    before = shrinkage.blended_turnover([60, 40], [0.5, 0.15])
    after = shrinkage.blended_turnover(pd.Series([30, 70]), pd.Series([0.5, 0.15]))
    assert before == pytest.approx(0.36)
    assert after == pytest.approx(0.255)
    assert shrinkage.hires_needed(100, before) == pytest.approx(36.0)
    assert shrinkage.hires_needed(100, before, growth=5) == pytest.approx(41.0)
    assert shrinkage.hires_needed(100, after) == pytest.approx(25.5)


def test_turnover_capacity_loss_worked_example():
    """Worked by hand (docstring): 100 FTE, 40 % turnover, 8 weeks to productive at half speed on
    average, 4 weeks vacancy -> 40 leavers * (4 + 4) weeks / 52 = 6.1538 FTE lost all year.
    In classroom training (ramp_productivity 0): 40 * (4 + 8) / 52 = 9.2308 FTE."""
    assert shrinkage.turnover_capacity_loss(100, 0.4, 8, vacancy_weeks=4) == pytest.approx(320 / 52)
    assert shrinkage.turnover_capacity_loss(100, 0.4, 8, vacancy_weeks=4,
                                            ramp_productivity=0) == pytest.approx(480 / 52)
    assert shrinkage.turnover_capacity_loss(100, 0.0, 8) == 0.0
    out = shrinkage.turnover_capacity_loss(pd.Series([100, 50], index=["A", "B"]), 0.4, 8)
    assert list(out.index) == ["A", "B"]
    np.testing.assert_allclose(out.to_numpy(), [160 / 52, 80 / 52])


# ---------------------------------------------------------------------------
# 2. Properties (hypothesis)
# ---------------------------------------------------------------------------
fractions = st.floats(min_value=0.0, max_value=0.2)


@settings(max_examples=100, deadline=None)
@given(st.lists(fractions, min_size=0, max_size=4))
def test_compound_at_most_additive(parts):
    additive = shrinkage.total_shrinkage(parts, "additive")
    compound = shrinkage.total_shrinkage(parts, "compound")
    assert 0.0 <= compound <= additive + 1e-12
    assert compound >= max(parts, default=0.0) - 1e-12


@settings(max_examples=100, deadline=None)
@given(st.floats(0, 1e6), st.floats(0, 0.95))
def test_gross_up_inverts_net(net, s):
    gross = shrinkage.gross_up(net, s)
    assert gross * (1 - s) == pytest.approx(net, rel=1e-12, abs=1e-9)
    assert gross >= shrinkage.naive_gross_up(net, s) - 1e-9 * max(net, 1)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 200), min_size=1, max_size=96), st.floats(0, 0.9),
       st.floats(20, 40))
def test_weekly_fte_consistent(agents, s, hours):
    result = shrinkage.weekly_fte(agents, interval=900, shrinkage=s, contract_hours=hours)
    assert result.net_hours == pytest.approx(sum(agents) / 4)
    assert result.gross_hours == pytest.approx(shrinkage.gross_up(result.net_hours, s))
    assert result.fte == pytest.approx(shrinkage.fte(result.gross_hours, hours))


# ---------------------------------------------------------------------------
# 3. Impossible input
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("call, pattern", [
    (lambda: shrinkage.total_shrinkage({"sickness": 1.0}), r"components\['sickness'\] must be < 1, got 1"),
    (lambda: shrinkage.total_shrinkage([0.1, -0.2]), r"components\[1\] must be >= 0, got -0.2"),
    (lambda: shrinkage.total_shrinkage([0.1, float("nan")]), r"components\[1\] must be a finite"),
    (lambda: shrinkage.total_shrinkage([0.6, 0.5]), r"total shrinkage must be < 1.*1.1"),
    (lambda: shrinkage.total_shrinkage([0.5, 0.5]), r"total shrinkage must be < 1.*got 1.0"),
    (lambda: shrinkage.total_shrinkage([0.1], method="multiplicative"), r"method must be.*multiplicative"),
    (lambda: shrinkage.total_shrinkage({"a": [0.1, 0.2]}), r"components\['a'\] must be a single fraction"),
    (lambda: shrinkage.gross_up(100, 1.0), r"shrinkage must be < 1, got 1"),
    (lambda: shrinkage.gross_up(100, -0.1), r"shrinkage must be >= 0, got -0.1"),
    (lambda: shrinkage.gross_up(-5, 0.3), r"net must be >= 0, got -5"),
    (lambda: shrinkage.gross_up([10, 20], [0.3, 1.5]), r"shrinkage must be < 1, got 1.5 \(at index 1\)"),
    (lambda: shrinkage.naive_gross_up(100, 1.2), r"shrinkage must be < 1, got 1.2"),
    (lambda: shrinkage.weekly_fte([10, -1]), r"agents_needed must be >= 0, got -1"),
    (lambda: shrinkage.weekly_fte([10, 10], shrinkage=1), r"shrinkage must be < 1, got 1"),
    (lambda: shrinkage.weekly_fte([10, 10], interval=0), r"interval must be > 0, got 0"),
    (lambda: shrinkage.weekly_fte([10, 10], contract_hours=0), r"contract_hours must be > 0, got 0"),
    (lambda: shrinkage.weekly_fte([10, 10], shrinkage=[0.3, 0.3, 0.3]),
     r"shrinkage must have a shape that broadcasts.*agents_needed \(2,\), shrinkage \(3,\)"),
    (lambda: shrinkage.weekly_fte([3, 4], interval=[]), r"interval must be a single number"),
    (lambda: shrinkage.weekly_fte(10), r"agents_needed must be a one-dimensional sequence"),
    (lambda: shrinkage.weekly_fte(pd.Series(1, index=pd.date_range("2024-01-01", periods=8 * 96,
                                                                    freq="15min"))),
     r"at most one week"),
    (lambda: shrinkage.weekly_fte(pd.Series(1, index=pd.date_range("2024-01-01", periods=4,
                                                                    freq="15min")), interval=1800),
     r"interval must match.*interval=1800"),
    (lambda: shrinkage.sickness_fte(100, 1.5), r"sickness_rate must be <= 1, got 1.5"),
    (lambda: shrinkage.sickness_fte(-1, 0.05), r"fte must be >= 0, got -1"),
    (lambda: shrinkage.hires_needed(100, -0.1), r"annual_turnover must be >= 0, got -0.1"),
    (lambda: shrinkage.hires_needed(100, 0.3, growth=-2), r"growth must be >= 0, got -2"),
    (lambda: shrinkage.blended_turnover([0, 0], [0.3, 0.2]), r"headcount must sum to > 0"),
    (lambda: shrinkage.blended_turnover([10, 20], [0.3]), r"equal length"),
    (lambda: shrinkage.turnover_capacity_loss(100, 0.4, -1), r"weeks_to_productive must be >= 0, got -1"),
    (lambda: shrinkage.turnover_capacity_loss(100, 0.4, 8, ramp_productivity=1.5),
     r"ramp_productivity must be <= 1, got 1.5"),
    (lambda: shrinkage.turnover_capacity_loss(100, 2.0, 52, ramp_productivity=0),
     r"annual_turnover \* lost weeks / 52 must be < 1.*annual_turnover=2.0"),
])
def test_bad_input_raises(call, pattern):
    with pytest.raises(ParameterValueError, match=pattern):
        call()


# Wrong types raise TypeError (a ValueError before the strict input checks of issue 13).
@pytest.mark.parametrize("call, pattern", [
    (lambda: shrinkage.gross_up(10, "0.3"), r"shrinkage must be a real number"),
    (lambda: shrinkage.total_shrinkage([0.1], method=None), r"method must be one of"),
    (lambda: shrinkage.total_shrinkage(0.3), r"components must be a dict.*0.3"),
    (lambda: shrinkage.total_shrinkage("0.3"), r"components must be a dict"),
])
def test_wrong_types_raise_type_error(call, pattern):
    with pytest.raises(TypeError, match=pattern):
        call()


def test_in_day_shrinkage_by_hand():
    """data/README.md: pause is 5 % of paid hours; with 10 % leave and 5.5 % sickness that is 50 of the
    845 hours worked per 1,000 paid: 5.9 %. Leave and sickness take whole days off the roster."""
    assert shrinkage.in_day_shrinkage({"leave": 0.10, "sickness": 0.055, "breaks": 0.05}) == pytest.approx(50 / 845)
    parts = {"leave": 0.095, "sickness": 0.057, "breaks": 0.05, "training": 0.042, "meetings": 0.041,
             "not_logged_in": 0.035}
    assert shrinkage.in_day_shrinkage(parts) == pytest.approx(0.168 / 0.848)
    assert shrinkage.in_day_shrinkage({"breaks": 0.05}) == 0.05
    with pytest.raises(TypeError, match="components"):
        shrinkage.in_day_shrinkage([0.1, 0.05])
    with pytest.raises(ParameterValueError, match="below 1|< 1"):
        shrinkage.in_day_shrinkage({"leave": 0.6, "breaks": 0.5})


@settings(max_examples=60)
@given(st.floats(0, 0.4), st.floats(0, 0.2), st.floats(0, 0.3))
def test_in_day_shrinkage_leaves_the_same_net_hours(leave, sick, within):
    """Per 1 paid hour: the worked hours (1 - leave - sick) less the in-day share are the net hours."""
    s = shrinkage.in_day_shrinkage({"leave": leave, "sickness": sick, "rest": within})
    worked = 1 - leave - sick
    assert worked * (1 - s) == pytest.approx(1 - leave - sick - within, abs=1e-12)


# ---------------------------------------------------------------------------
# a Series in gives a Series out on the same index (issue 15)
# ---------------------------------------------------------------------------
_TIMES = pd.date_range("2025-03-03 09:00", periods=3, freq="15min")


@pytest.mark.parametrize("function, arguments", [
    (shrinkage.gross_up, ([10.0, 12.0, 14.0], [0.3, 0.2, 0.25])),
    (shrinkage.naive_gross_up, ([10.0, 12.0, 14.0], [0.3, 0.2, 0.25])),
    (shrinkage.sickness_fte, ([10.0, 12.0, 14.0], [0.05, 0.06, 0.07])),
    (shrinkage.hires_needed, ([10.0, 12.0, 14.0], [0.3, 0.2, 0.25])),
    (shrinkage.turnover_capacity_loss, ([10.0, 12.0, 14.0], [0.3, 0.2, 0.25], [8.0, 8.0, 8.0])),
])
def test_a_series_keeps_its_index(function, arguments):
    plain = function(*arguments)
    for k in range(len(arguments)):
        args = list(arguments)
        args[k] = pd.Series(arguments[k], index=_TIMES)
        out = function(*args)
        assert isinstance(out, pd.Series) and out.index.equals(_TIMES)
        np.testing.assert_allclose(out.to_numpy(), plain)


def test_weekly_fte_takes_a_series_of_agents_needed_with_closed_intervals_left_out():
    """The index is checked with validation.regular_time_index: one interval length, gaps allowed."""
    week = pd.Series(2.0, index=pd.date_range("2025-03-03", periods=7 * 96, freq="15min"))
    open_only = week[(week.index.hour >= 8) & (week.index.hour < 20)]
    result = shrinkage.weekly_fte(open_only, interval=900, shrinkage=0.0, contract_hours=36)
    assert result.net_hours == pytest.approx(7 * 12 * 2)
    shifted = open_only.copy()
    shifted.index = shifted.index.where(shifted.index != shifted.index[5],
                                        shifted.index[5] + pd.Timedelta(minutes=7))
    with pytest.raises(ParameterValueError, match="agents_needed must have a fixed frequency"):
        shrinkage.weekly_fte(shifted, interval=900)


# ---------------------------------------------------------------------------
# rostered_hours: workable shifts cost efficiency (issue 19)
# ---------------------------------------------------------------------------
def test_rostered_hours_notebook_05_week():
    """Notebook 05 §7: 1.033,75 required hours, 1.404 paid roster hours (efficiency 0,74)."""
    efficiency = 1033.75 / 1404
    assert shrinkage.rostered_hours(1033.75, efficiency, 0.0) == pytest.approx(1404)
    # with 27 % shrinkage outside the roster (32 % minus 5 % breaks): 1404 / 0.73
    assert shrinkage.rostered_hours(1033.75, efficiency, 0.27) == pytest.approx(1404 / 0.73)


@given(st.floats(0, 1e4), st.floats(0.05, 1), st.floats(0, 0.9))
def test_rostered_hours_is_gross_up_of_the_roster(net, efficiency, rate):
    """Independent route: the roster's paid hours net / e, grossed up by gross_up."""
    got = shrinkage.rostered_hours(net, efficiency, rate)
    assert got == pytest.approx(shrinkage.gross_up(net / efficiency, rate))
    assert got >= shrinkage.gross_up(net, rate) - 1e-9          # a roster never needs fewer hours


def test_rostered_hours_keeps_the_index_and_refuses_bad_efficiency():
    net = pd.Series([10.0, 20.0], index=["ma", "di"])
    assert shrinkage.rostered_hours(net, 0.5, 0.0).index.tolist() == ["ma", "di"]
    for bad in (0.0, 1.2):
        with pytest.raises(ValueError, match="roster_efficiency"):
            shrinkage.rostered_hours(10.0, bad, 0.2)
