"""wfmcourse.domain.roster: shift plans with legal breaks, checked by hand, by brute force and by
properties."""
import datetime as dt
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.domain import erlang
from wfmcourse.domain import roster as ro
from wfmcourse.presentation import dutch

DAY = pd.Timestamp("2025-03-03")      # a Monday


def day_series(values, start="08:00", minutes=15, day=DAY):
    first = day + pd.Timedelta(start + ":00")
    return pd.Series(np.asarray(values), index=pd.date_range(first, periods=len(values),
                                                             freq=f"{minutes}min"))


def coverage_from_table(shifts, index, minutes):
    """Coverage recomputed from the shift table alone: at work and not inside a break."""
    step = pd.Timedelta(minutes=minutes)
    cov = np.zeros(len(index), dtype=int)
    for row in shifts.itertuples():
        at_work = (index >= row.start) & (index + step <= row.end)
        for b0, b1 in row.breaks:
            at_work &= ~((index >= b0) & (index + step <= b1))
        cov += row.count * at_work
    return cov


def check_plan(result, agents_needed=None, hard=True):
    """Invariants every plan must satisfy."""
    req = result.agents_needed.to_numpy()
    cov = result.coverage.to_numpy()
    if agents_needed is not None:
        np.testing.assert_array_equal(req, np.asarray(agents_needed))
    if hard:
        assert (cov >= req).all()
    np.testing.assert_array_equal(result.over.to_numpy(), np.maximum(cov - req, 0))
    np.testing.assert_array_equal(result.under.to_numpy(), np.maximum(req - cov, 0))
    np.testing.assert_array_equal(
        coverage_from_table(result.shifts, result.coverage.index, result.interval // 60), cov)
    h = result.interval / 3600
    assert result.productive_hours == pytest.approx(cov.sum() * h)
    s = result.shifts
    assert (s["count"] > 0).all()
    assert result.paid_hours == pytest.approx((s["length_hours"] * s["count"]).sum())
    assert result.paid_hours >= result.productive_hours - 1e-9
    for row in s.itertuples():
        # Arbeidstijdenwet art. 5:4 on every chosen shift
        if row.length_hours > 10:
            assert row.break_minutes >= 45
        elif row.length_hours > 5.5:
            assert row.break_minutes >= 30
        assert row.length_hours <= 12
        pieces = [(b1 - b0) for b0, b1 in row.breaks]
        assert sum(p.total_seconds() for p in pieces) / 60 == row.break_minutes
        assert all(p >= pd.Timedelta(minutes=15) for p in pieces)
        assert all(row.start < b0 and b1 < row.end for b0, b1 in row.breaks)
        assert row.end - row.start == pd.Timedelta(hours=row.length_hours)


# ---------------------------------------------------------------------------
# Arbeidstijdenwet art. 5:4 and the break patterns
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("hours, minutes", [
    (0.25, 0), (4, 0), (5.5, 0), (5.75, 30), (6, 30), (8, 30), (9, 30), (10, 30),
    (10.25, 45), (11, 45), (12, 45)])
def test_required_break_follows_article_5_4(hours, minutes):
    assert ro.required_break_minutes(hours) == minutes
    assert isinstance(ro.required_break_minutes(hours), int)


def test_required_break_vectorised_and_bad_input():
    np.testing.assert_array_equal(ro.required_break_minutes([4, 6, 10.5]), [0, 30, 45])
    with pytest.raises(ValueError, match="shift_hours must be <= 12"):
        ro.required_break_minutes(12.5)     # art. 5:7: at most 12 hours per shift
    with pytest.raises(ValueError, match="shift_hours must be > 0"):
        ro.required_break_minutes(0)
    with pytest.raises(ValueError, match="shift_hours must be a finite number"):
        ro.required_break_minutes(np.nan)


@pytest.mark.parametrize("split", [False, True])
@pytest.mark.parametrize("placement", ["middle", "window"])
def test_shift_types_break_patterns(split, placement):
    req = day_series(np.ones(48, dtype=int))        # 08:00-20:00
    types = ro.shift_types(req, lengths=(4, 6, 8, 10.5, 12), split_breaks=split,
                           break_placement=placement)
    step = pd.Timedelta(minutes=15)
    for row in types.itertuples():
        need = ro.required_break_minutes(row.length_hours)
        assert row.break_minutes == need
        pieces = row.breaks
        if need == 0:
            assert pieces == ()
        elif split:
            assert len(pieces) == need // 15 and all(b1 - b0 == step for b0, b1 in pieces)
        else:
            assert len(pieces) == 1
        assert all(row.start < b0 and b1 < row.end for b0, b1 in pieces)
        assert req.index[0] <= row.start and row.end <= req.index[-1] + step
    if placement == "middle":
        # one pattern per (start, length), break block centred in the shift
        assert not types.duplicated(["start", "length_hours"]).any()
        eight = types[types["length_hours"] == 8].iloc[0]
        if not split:
            assert eight["breaks"] == ((eight["start"] + pd.Timedelta("3h45min"),
                                        eight["start"] + pd.Timedelta("4h15min")),)
    else:
        sizes = types.groupby(["start", "length_hours"]).size()
        assert sizes.max() == 9        # +-60 minutes in steps of 15: 9 positions


def test_shift_types_grid_and_closing_aligned_starts():
    req = day_series(np.ones(38, dtype=int))        # 08:00-17:30
    types = ro.shift_types(req, lengths=(4, 9), start_step_minutes=60)
    fours = types[types["length_hours"] == 4]["start"].dt.strftime("%H:%M").tolist()
    assert fours == ["08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "13:30"]
    nines = types[types["length_hours"] == 9]["start"].dt.strftime("%H:%M").tolist()
    assert nines == ["08:00", "08:30"]     # the last one ends exactly at closing time
    assert (types["end"] <= req.index[-1] + pd.Timedelta(minutes=15)).all()


def test_break_pieces_with_coarse_and_fine_intervals():
    # 30-minute intervals: a 45-minute break is rounded up to 2 intervals (never shorter)
    req = day_series(np.ones(24, dtype=int), minutes=30)
    t = ro.shift_types(req, lengths=(11,), split_breaks=True, start_step_minutes=60)
    assert (t["break_minutes"] == 60).all()
    assert all(len(b) == 2 for b in t["breaks"])
    # 10-minute intervals: pieces of at least 15 minutes, 30 minutes in total
    req = day_series(np.ones(60, dtype=int), minutes=10)
    t = ro.shift_types(req, lengths=(8,), split_breaks=True, start_step_minutes=60)
    assert (t["break_minutes"] == 30).all()
    for brk in t["breaks"]:
        assert all(b1 - b0 >= pd.Timedelta(minutes=15) for b0, b1 in brk)


# ---------------------------------------------------------------------------
# hand-checkable instances and brute force
# ---------------------------------------------------------------------------
def brute_force_min_paid(agents_needed, types, minutes, max_shifts):
    """Cheapest multiset of at most ``max_shifts`` shift types (from the public table) that
    covers ``agents_needed``; None if none does."""
    index = agents_needed.index
    step = pd.Timedelta(minutes=minutes)
    columns = []
    for row in types.itertuples():
        at_work = (index >= row.start) & (index + step <= row.end)
        for b0, b1 in row.breaks:
            at_work &= ~((index >= b0) & (index + step <= b1))
        columns.append(at_work.astype(int))
    columns = np.array(columns)
    hours = types["length_hours"].to_numpy()
    req = agents_needed.to_numpy()
    best = None
    for k in range(1, max_shifts + 1):
        for combo in itertools.combinations_with_replacement(range(len(columns)), k):
            combo = list(combo)
            if (columns[combo].sum(axis=0) >= req).all():
                cost = hours[combo].sum()
                best = cost if best is None else min(best, cost)
    return best


def test_flat_three_for_eight_hours_needs_break_relief():
    """3 agents 08:00-16:00, only 8-hour shifts starting 07:00, 08:00 or 09:00 (open 07-17).

    Fixed breaks in the middle: with a, b, c agents starting at 7, 8, 9 every break must be
    covered by the other two groups, so a+c >= 3, b+c >= 3, a+b >= 3: at least 5 shifts
    (40 hours). With a break window the three 08:00 agents stagger their breaks and one
    extra agent relieves them: 3 shifts plus break relief, 4 x 8 = 32 hours.
    """
    req = pd.Series(3, index=pd.date_range(DAY + pd.Timedelta("07:00:00"), periods=40,
                                           freq="15min"))
    req[req.index.hour < 8] = 0
    req[req.index.hour >= 16] = 0
    opts = dict(lengths=(8,), start_step_minutes=60, opening=("07:00", "17:00"))
    fixed = ro.plan_shifts(req, **opts)
    check_plan(fixed, req)
    assert fixed.paid_hours == 40 and fixed.agents == 5
    window = ro.plan_shifts(req, break_placement="window", **opts)
    check_plan(window, req)
    assert window.paid_hours == 32 and window.agents == 4
    assert window.status == "optimal"
    for placement, result in (("middle", fixed), ("window", window)):
        types = ro.shift_types(req, break_placement=placement, **opts)
        assert brute_force_min_paid(req, types, 15, result.agents) == result.paid_hours
        assert brute_force_min_paid(req, types, 15, result.agents - 1) is None
    # the 3 regular agents at 08:00 have their breaks at different times
    eights = window.shifts[window.shifts["start"] == DAY + pd.Timedelta("08:00:00")]
    starts = [b[0][0] for b, n in zip(eights["breaks"], eights["count"]) for _ in range(n)]
    assert len(set(starts)) == len(starts)


def test_short_shifts_without_breaks_win_when_allowed():
    """Flat 3 for 8 hours with 4-hour shifts allowed: 6 x 4 h = 24 h, exactly the agents needed."""
    req = day_series(np.full(32, 3))
    result = ro.plan_shifts(req, lengths=(4, 8), start_step_minutes=60)
    check_plan(result, req)
    assert result.paid_hours == 24 and result.productive_hours == 24
    assert result.over.sum() == 0 and set(result.shifts["length_hours"]) == {4.0}
    assert result.summary()["efficiency"] == pytest.approx(1.0)
    # a minimum shift length of 6 hours forbids the 4-hour shifts
    longer = ro.plan_shifts(req, lengths=(4, 6, 8), start_step_minutes=60, min_shift_hours=6)
    check_plan(longer, req)
    assert (longer.shifts["length_hours"] >= 6).all()
    assert longer.paid_hours > 24


@pytest.mark.parametrize("seed", range(4))
def test_milp_matches_brute_force_on_tiny_random_instances(seed):
    rng = np.random.default_rng(seed)
    req = day_series(rng.integers(0, 3, size=32))           # 08:00-16:00
    opts = dict(lengths=(4, 6, 8), start_step_minutes=120, opening=("08:00", "16:00"))
    result = ro.plan_shifts(req, **opts)
    check_plan(result, req)
    types = ro.shift_types(req, **opts)
    assert len(types) <= 8
    bound = int(result.paid_hours // 4)       # no cheaper plan can have more shifts than this
    assert brute_force_min_paid(req, types, 15, bound) == result.paid_hours


def test_array_input_starts_at_midnight():
    req = np.zeros(96, dtype=int)
    req[36:68] = 2                          # 09:00-17:00
    result = ro.plan_shifts(req, lengths=(8,), break_placement="window")
    check_plan(result, req)
    assert isinstance(result.coverage.index, pd.TimedeltaIndex)
    assert result.shifts["start"].min() == pd.Timedelta("09:00:00")
    table = ro.shift_table(result)
    assert table["shift_start"].iloc[0] == "09:00"


def test_min_staff_applies_whenever_open():
    req = day_series(np.r_[np.zeros(8, dtype=int), np.full(24, 4), np.zeros(16, dtype=int)])
    result = ro.plan_shifts(req, opening=("08:00", "20:00"), min_staff=2)
    check_plan(result, req)
    assert (result.coverage >= 2).all()
    assert (result.coverage >= result.agents_needed).all()
    # without opening hours, open means from the first to the last interval with work
    lean = ro.plan_shifts(req, min_staff=2)
    busy = req.to_numpy() > 0
    assert (lean.coverage[busy] >= 4).all() and (lean.coverage[~busy] == 0).all()


def test_unpaid_breaks():
    req = day_series(np.full(36, 5))
    paid = ro.plan_shifts(req, lengths=(9,), break_placement="window", opening=("08:00", "20:00"))
    unpaid = ro.plan_shifts(req, lengths=(9,), break_placement="window",
                            opening=("08:00", "20:00"), paid_breaks=False)
    assert unpaid.paid_hours == pytest.approx(unpaid.productive_hours)
    shifts = paid.shifts
    assert paid.paid_hours == pytest.approx((shifts["length_hours"] * shifts["count"]).sum())
    assert unpaid.agents == paid.agents


# ---------------------------------------------------------------------------
# a realistic day and week from Erlang C
# ---------------------------------------------------------------------------
def weekday_agents_needed(day=DAY, scale=1.0):
    """08:00-20:00 call profile with a late-morning peak, staffed 80/20 with Erlang C."""
    t = np.arange(96)
    open_ = (t >= 32) & (t < 80)
    calls = np.where(open_, scale * (40 + 160 * np.exp(-((t - 44) / 10) ** 2)
                                     + 70 * np.exp(-((t - 60) / 8) ** 2)), 0)
    a = erlang.traffic(calls, 300, 900)
    need = erlang.agents_needed(a, 300, 20, 0.8)
    return pd.Series(need, index=pd.date_range(day, periods=96, freq="15min"))


def test_full_day_from_erlang_profile():
    req = weekday_agents_needed()
    assert len(req) == 96 and req.max() > 20
    result = ro.plan_shifts(req, opening=("08:00", "20:00"), min_staff=2)
    assert 40 <= result.n_shift_types <= 60
    assert result.status == "optimal"
    check_plan(result, req)
    assert result.paid_hours >= req.sum() * 0.25
    assert result.summary()["efficiency"] > 0.85
    # finer starts and a break window: more shift types, never more paid hours
    flexible = ro.plan_shifts(req, opening=("08:00", "20:00"), min_staff=2,
                              start_step_minutes=15, break_placement="window", split_breaks=True)
    check_plan(flexible, req)
    assert flexible.n_shift_types > result.n_shift_types
    assert flexible.paid_hours <= result.paid_hours + 1e-9


def test_plan_week_day_by_day():
    days = [weekday_agents_needed(DAY + pd.Timedelta(days=d), scale=s)
            for d, s in enumerate([1.0, 0.9, 0.85, 0.9, 0.8, 0.4, 0.0])]
    req = pd.concat(days)
    result = ro.plan_week(req, opening=("08:00", "20:00"), min_staff=1)
    check_plan(result, req)
    assert sorted(result.per_day) == [(DAY + pd.Timedelta(days=d)).date() for d in range(6)]
    sunday = req.index.normalize() == DAY + pd.Timedelta(days=6)
    assert (result.coverage[sunday] == 0).all()
    assert result.paid_hours == pytest.approx(sum(r.paid_hours for r in result.per_day.values()))
    assert not (result.shifts["start"].dt.normalize() != result.shifts["end"].dt.normalize()).any()
    table = ro.shift_table(result)
    assert list(table.columns) == ["shift_date", "shift_start", "shift_end", "shift_hours", "shift_breaks",
                                   "shift_count"]
    assert table["shift_count"].sum() == result.agents
    with pytest.raises(ValueError, match=r"2025-03-03: agents_needed of \d+ agents at 2025-03-03 "
                                         r".* exceeds max_agents=20"):
        ro.plan_week(req, opening=("08:00", "20:00"), max_agents=20)
    # agents needed in only the opening hours of each day (gaps overnight) works too
    open_only = req[(req.index.hour >= 8) & (req.index.hour < 20)]
    again = ro.plan_week(open_only, opening=("08:00", "20:00"), min_staff=1)
    assert again.paid_hours == result.paid_hours
    np.testing.assert_array_equal(again.coverage, result.coverage[open_only.index])
    closed = ro.plan_week(open_only * 0)
    assert closed.agents == 0 and closed.per_day == {} and closed.interval == 900
    with pytest.raises(TypeError, match="agents_needed must be a pandas Series with a DatetimeIndex"):
        ro.plan_week(np.ones(96))


# ---------------------------------------------------------------------------
# under-coverage with a penalty and the limits
# ---------------------------------------------------------------------------
def test_under_coverage_with_penalty():
    req = day_series(np.r_[np.full(16, 2), np.full(16, 6)])
    # hard: a peak of 6 with max_agents=4 is infeasible and the message names the interval
    with pytest.raises(ValueError, match="agents_needed of 6 agents at 2025-03-03 12:00 exceeds "
                                         "max_agents=4"):
        ro.plan_shifts(req, max_agents=4)
    soft = ro.plan_shifts(req, max_agents=4, under_penalty=20)
    check_plan(soft, req, hard=False)
    assert soft.agents <= 4
    assert soft.under.sum() > 0 and soft.under.max() >= 2
    # a penalty below the cost of a paid hour: staffing never pays off
    cheap = ro.plan_shifts(req, under_penalty=0.5)
    assert cheap.agents == 0 and cheap.paid_hours == 0
    np.testing.assert_array_equal(cheap.under, req)
    # min_staff stays hard under a penalty
    floor = ro.plan_shifts(req, under_penalty=0.5, min_staff=1)
    assert (floor.coverage >= 1).all()
    # a high penalty with enough agents gives the hard optimum
    hard = ro.plan_shifts(req)
    high = ro.plan_shifts(req, under_penalty=1000)
    assert high.under.sum() == 0 and high.paid_hours == hard.paid_hours


def test_limits_that_bind_and_that_are_infeasible():
    req = pd.Series(3, index=pd.date_range(DAY + pd.Timedelta("07:00:00"), periods=40,
                                           freq="15min"))
    req[(req.index.hour < 8) | (req.index.hour >= 16)] = 0
    opts = dict(lengths=(8,), start_step_minutes=60, opening=("07:00", "17:00"),
                break_placement="window")
    assert ro.plan_shifts(req, max_agents=4, **opts).agents == 4
    # peak 3 <= 3, but the breaks need a fourth agent
    with pytest.raises(ValueError, match=r"max_agents=3 \(breaks included, at least 4 shifts"):
        ro.plan_shifts(req, max_agents=3, **opts)
    with pytest.raises(ValueError, match=r"max_paid_hours=30 \(at least 32 paid hours"):
        ro.plan_shifts(req, max_paid_hours=30, **opts)
    with pytest.raises(ValueError, match="max_paid_hours=20 is below the 24 agent-hours"):
        ro.plan_shifts(req, max_paid_hours=20, **opts)
    with pytest.raises(ValueError, match="min_staff=5 exceeds max_agents=4"):
        ro.plan_shifts(req, min_staff=5, max_agents=4, **opts)
    # each limit alone can be met (6 x 4 h = 24 h; 4 agents), both together cannot
    both = dict(opts, lengths=(4, 8))
    assert ro.plan_shifts(req, max_paid_hours=27, **both).paid_hours == 24
    assert ro.plan_shifts(req, max_agents=4, **both).agents <= 4
    assert ro.plan_shifts(req, max_agents=4, max_paid_hours=28, **both).paid_hours == 28
    with pytest.raises(ValueError, match="within max_agents=4 together with max_paid_hours=27"):
        ro.plan_shifts(req, max_agents=4, max_paid_hours=27, **both)
    # max_paid_hours under a penalty: the plan stays within the budget and under-covers
    soft = ro.plan_shifts(req, max_paid_hours=24, under_penalty=10, **opts)
    assert soft.paid_hours <= 24 and soft.under.sum() > 0


def test_uncoverable_intervals_are_named():
    req = day_series(np.full(16, 2))                      # 08:00-12:00
    with pytest.raises(ValueError, match=r"no shift type fits in the opening hours \(4 hours "
                                         r"open, from 2025-03-03 08:00\); the shortest allowed "
                                         r"length is 6 hours"):
        ro.plan_shifts(req, lengths=(6, 8))
    with pytest.raises(ValueError, match=r"agents_needed of 2 agents at 2025-03-03 08:00 lies "
                                         r"outside the opening hours \('09:00', '17:00'\)"):
        ro.plan_shifts(req, opening=("09:00", "17:00"))
    # 8-hour shifts that all start at 08:00: nobody covers the fixed break
    flat = day_series(np.full(32, 3))
    with pytest.raises(ValueError, match="no shift type covers the interval at 2025-03-03 11:45"):
        ro.plan_shifts(flat, lengths=(8,), opening=("08:00", "16:00"))


# ---------------------------------------------------------------------------
# bad input
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, message", [
    (dict(agents_needed=[1, -1, 2]), r"agents_needed must be >= 0, got -1 \(at index 1\)"),
    (dict(agents_needed=[1, np.nan]), r"agents_needed must be a finite number, got nan \(at index 1\)"),
    (dict(agents_needed=[1, 2.5]), r"agents_needed must be a whole number, got 2\.5 \(at index 1\)"),
    (dict(agents_needed=[]), "agents_needed must contain at least one value"),
    (dict(agents_needed=np.ones((2, 48))), "agents_needed must be a one-dimensional sequence"),
    (dict(lengths=(4, 4.1)), r"lengths must be multiples of the interval \(15 minutes\), got "
                             r"4\.1 \(at index 1\) hours"),
    (dict(lengths=(8, 13)), r"lengths must be <= 12, got 13"),
    (dict(lengths=(0,)), "lengths must be > 0"),
    (dict(start_step_minutes=20), r"start_step_minutes must be a multiple of the interval "
                                  r"\(15 minutes\), got 20"),
    (dict(start_step_minutes=0), "start_step_minutes must be > 0"),
    (dict(break_window_minutes=10), "break_window_minutes must be a multiple of the interval"),
    (dict(interval=420), "interval must be whole minutes that divide an hour"),
    (dict(interval=450), "interval must be whole minutes that divide an hour"),
    (dict(interval=1800), "interval must match the agents_needed index step of 900 s, got 1800"),
    (dict(opening=("08:00",)), "opening must be a pair of times"),
    (dict(opening=("8 uur", "20:00")), "opening must be a time 'HH:MM'"),
    (dict(opening=("20:00", "08:00")), "opening must close after it opens"),
    (dict(break_placement="random"), "break_placement must be one of"),
    (dict(min_staff=-1), "min_staff must be >= 0, got -1"),
    (dict(min_staff=1.5), "min_staff must be a whole number, got 1.5"),
    (dict(max_agents=2.5), "max_agents must be a whole number, got 2.5"),
    (dict(max_paid_hours=-8), "max_paid_hours must be >= 0, got -8"),
    (dict(under_penalty=0), "under_penalty must be > 0, got 0"),
    (dict(min_shift_hours=10), r"min_shift_hours=10 excludes every shift length"),
    (dict(time_limit=0), "time_limit must be > 0"),
])
def test_bad_input_names_parameter_and_value(kwargs, message):
    args = dict(agents_needed=day_series(np.full(48, 2)))
    args.update(kwargs)
    agents_needed = args.pop("agents_needed")
    with pytest.raises(ValueError, match=message):
        ro.plan_shifts(agents_needed, **args)


# Wrong types raise TypeError (a ValueError, an IndexError or a silent conversion before issue 13).
@pytest.mark.parametrize("kwargs, message", [
    (dict(agents_needed=["a", "b"]), "agents_needed must be a real number or an array of real numbers"),
    (dict(split_breaks="ja"), "split_breaks must be True or False"),
    (dict(paid_breaks=1), "paid_breaks must be True or False"),
    (dict(lengths=True), "lengths must be a real number"),
    (dict(lengths=None), "lengths must be a real number"),
    (dict(opening=5), "opening must be a pair of times"),
    (dict(break_placement=None), "break_placement must be one of"),
])
def test_wrong_types_raise_type_error(kwargs, message):
    args = dict(agents_needed=day_series(np.full(48, 2)))
    args.update(kwargs)
    agents_needed = args.pop("agents_needed")
    with pytest.raises(TypeError, match=message):
        ro.plan_shifts(agents_needed, **args)
    if not set(kwargs) & {"agents_needed", "paid_breaks"}:
        with pytest.raises(TypeError, match=message):
            ro.shift_types(agents_needed, **args)


def test_empty_lengths_and_calendar_input_raise_value_error():
    with pytest.raises(ValueError, match="lengths must contain at least one value"):
        ro.plan_shifts(day_series(np.full(48, 2)), lengths=[])
    with pytest.raises(TypeError, match="week must be a real number"):
        ro.planning_calendar(None)
    with pytest.raises(ValueError, match="week must contain at least one value"):
        ro.planning_calendar([])


def test_bad_agents_needed_index():
    with pytest.raises(ValueError, match="agents_needed index must be a DatetimeIndex or "
                                         "TimedeltaIndex, got RangeIndex"):
        ro.plan_shifts(pd.Series([1, 2, 3]))
    gap = day_series(np.ones(8, dtype=int)).drop(DAY + pd.Timedelta("09:00:00"))
    with pytest.raises(ValueError, match="agents_needed index must be regular and increasing, "
                                         "got a step of 0 days 00:30:00 at 2025-03-03 09:15"):
        ro.plan_shifts(gap)
    with pytest.raises(TypeError, match="got a DataFrame"):
        ro.plan_shifts(pd.DataFrame({"a": [1]}))


# ---------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(values=st.lists(st.integers(0, 4), min_size=40, max_size=40),
       placement=st.sampled_from(["middle", "window"]),
       split=st.booleans(),
       min_staff=st.integers(0, 1))
def test_property_random_small_agents_needed(values, placement, split, min_staff):
    req = day_series(values)                                  # 08:00-18:00
    result = ro.plan_shifts(req, lengths=(4, 6, 8), opening=("08:00", "18:00"),
                            break_placement=placement, split_breaks=split, min_staff=min_staff)
    check_plan(result, values)
    assert (result.coverage >= min_staff).all()
    assert result.paid_hours >= sum(values) * 0.25 - 1e-9
    assert result.status == "optimal"


@settings(max_examples=25, deadline=None)
@given(values=st.lists(st.integers(0, 5), min_size=40, max_size=40),
       cap=st.integers(1, 4), penalty=st.sampled_from([2.0, 50.0]))
def test_property_penalised_plans_respect_the_cap(values, cap, penalty):
    req = day_series(values)
    result = ro.plan_shifts(req, lengths=(4, 6, 8), opening=("08:00", "18:00"),
                            max_agents=cap, under_penalty=penalty)
    check_plan(result, values, hard=False)
    assert result.agents <= cap


# ---------------------------------------------------------------------------
# display layers
# ---------------------------------------------------------------------------
def test_shift_table_and_summary_have_english_names_and_dutch_headers():
    req = day_series(np.full(32, 3))
    result = ro.plan_shifts(req, lengths=(8,), start_step_minutes=60,
                            opening=("07:00", "17:00"), break_placement="window")
    table = ro.shift_table(result)
    assert list(table.columns) == ["shift_start", "shift_end", "shift_hours", "shift_breaks", "shift_count"]
    assert table["shift_count"].sum() == result.agents == 4
    assert all(p.count("-") == 1 and ":" in p for p in table["shift_breaks"])
    shown = dutch.table(table, None)
    assert list(shown.columns) == ["Begin", "Einde", "Lengte (uur)", "Pauze", "Aantal"]
    summary = result.summary()
    assert summary["paid_hours"] == 32 and summary["hours_needed"] == 24
    assert summary["under_coverage_hours"] == 0
    assert summary["productive_hours"] == 30
    assert summary["over_coverage_hours"] == pytest.approx(30 - 24)
    assert list(dutch.table(summary, None).index) == [
        "Aantal diensten", "Benodigde uren", "Betaalde uren", "Productieve uren", "Overdekking (uren)",
        "Onderdekking (uren)", "Efficiëntie"]
    assert dutch.table(summary, None).columns.tolist() == ["waarde"]
    no_breaks = ro.plan_shifts(req, lengths=(4,), start_step_minutes=60, opening=("07:00", "17:00"))
    assert dutch.table(ro.shift_table(no_breaks))["Pauze"].eq("geen").all()


# ---------------------------------------------------------------------------
# the X-n planning calendar
# ---------------------------------------------------------------------------
def test_planning_calendar_with_year():
    cal = ro.planning_calendar(10, year=2025, forecast_lead=6, roster_lead=3)
    assert list(cal.columns) == ["execution_week", "step", "weeks_ahead", "year", "week",
                                 "monday_of_week"]
    assert cal["step"].tolist() == ["forecast_ready", "roster_published", "roster_executed"]
    assert list(dutch.table(cal).columns) == ["uitvoeringsweek", "stap", "weken vooraf", "jaar", "week",
                                              "maandag"]
    assert dutch.table(cal)["stap"].tolist() == ["Forecast klaar", "Rooster gepubliceerd", "Uitvoering"]
    assert cal["week"].tolist() == [4, 7, 10]
    assert cal["monday_of_week"].tolist() == [dt.date(2025, 1, 20), dt.date(2025, 2, 10),
                                       dt.date(2025, 3, 3)]
    # across the new year: 2025 has 52 ISO weeks, 2026 has 53
    cal = ro.planning_calendar(2, year=2026)
    assert cal[["year", "week"]].values.tolist() == [[2025, 48], [2025, 51], [2026, 2]]
    cal = ro.planning_calendar(2, year=2027)
    assert cal[["year", "week"]].values.tolist() == [[2026, 49], [2026, 52], [2027, 2]]
    assert ro.planning_calendar(53, year=2026)["week"].tolist() == [47, 50, 53]


def test_planning_calendar_without_year_and_several_weeks():
    cal = ro.planning_calendar([2, 20], forecast_lead=8, roster_lead=4)
    assert list(cal.columns) == ["execution_week", "step", "weeks_ahead", "week"]
    assert cal["week"].tolist() == [46, 50, 2, 12, 16, 20]
    assert cal["weeks_ahead"].tolist() == [8, 4, 0, 8, 4, 0]


@pytest.mark.parametrize("kwargs, message", [
    (dict(week=0), "week must be >= 1, got 0"),
    (dict(week=12.5), "week must be a whole number, got 12.5"),
    (dict(week=53, year=2025), r"week must exist in 2025 \(1-52\), got 53"),
    (dict(week=10, forecast_lead=2, roster_lead=3), "forecast_lead must be at least "
                                                    "roster_lead=3"),
    (dict(week=10, roster_lead=-1), "roster_lead must be >= 0, got -1"),
    (dict(week=10, year=25.5), "year must be >= 1900"),
])
def test_planning_calendar_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ro.planning_calendar(**kwargs)


def test_nothing_to_cover_gives_the_empty_plan():
    result = ro.plan_shifts(np.zeros(96, dtype=int), time_limit=30)
    assert result.status == "optimal" and result.agents == 0 and result.paid_hours == 0
    assert result.n_shift_types == 0
    assert ro.shift_table(result).empty
    assert np.isnan(result.summary()["efficiency"])
    # with opening hours and a minimum staffing there is still something to plan
    staffed = ro.plan_shifts(np.zeros(96, dtype=int), opening=("08:00", "12:00"), min_staff=1)
    assert staffed.agents == 1 and staffed.paid_hours == 4


def test_zero_break_window_equals_fixed_breaks():
    req = weekday_agents_needed()
    fixed = ro.plan_shifts(req, opening=("08:00", "20:00"))
    window0 = ro.plan_shifts(req, opening=("08:00", "20:00"), break_placement="window",
                             break_window_minutes=0)
    assert window0.n_shift_types == fixed.n_shift_types
    assert window0.paid_hours == fixed.paid_hours


# ---------------------------------------------------------------------------
# one meaning per name: interval in seconds, agents_needed, typed errors
# ---------------------------------------------------------------------------
def test_interval_is_in_seconds_for_arrays_and_series():
    need = [0, 2, 2, 2, 2, 2, 2, 2, 2, 0]
    half_hours = ro.plan_shifts(need, lengths=(4,), interval=1800)
    assert half_hours.interval == 1800
    assert half_hours.agents_needed.index[1] == pd.Timedelta(minutes=30)
    assert half_hours.hours_needed == pytest.approx(16 * 0.5)
    default = ro.plan_shifts(need, lengths=(2,))
    assert default.interval == ro.INTERVAL == 900
    series = day_series(np.full(8, 2), minutes=30)
    assert ro.plan_shifts(series, lengths=(4,)).interval == 1800            # from the index
    assert ro.plan_shifts(series, lengths=(4,), interval=1800).interval == 1800
    assert ro.plan_week(series, lengths=(4,)).interval == 1800
    assert ro.plan_shifts(series, lengths=(4,)).agents_needed.name == "agents_needed"


def test_bad_input_errors_carry_parameter_and_kind():
    from wfmcourse.validation import ParameterValueError

    cases = [(dict(interval=450), "interval", "choice"),
             (dict(interval=1800), "interval", "shape"),
             (dict(start_step_minutes=20), "start_step_minutes", "not_integer"),
             (dict(opening=("20:00", "08:00")), "opening", "too_small"),
             (dict(opening=("8 uur", "20:00")), "opening", "format")]
    for kwargs, parameter, kind in cases:
        with pytest.raises(ParameterValueError) as info:
            ro.plan_shifts(day_series(np.full(8, 2)), **kwargs)
        assert (info.value.parameter, info.value.kind) == (parameter, kind), kwargs
    with pytest.raises(ParameterValueError) as info:
        ro.plan_week(day_series(np.full(8, 2)), start_step_minutes=20)
    assert info.value.parameter == "start_step_minutes" and str(info.value).startswith("2025-03-03: ")
    with pytest.raises(ParameterValueError) as info:
        ro.planning_calendar(10, forecast_lead=2, roster_lead=3)
    assert (info.value.parameter, info.value.kind) == ("forecast_lead", "too_small")
