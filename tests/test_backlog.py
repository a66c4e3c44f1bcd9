"""E-mail and other backlog work (wfmcourse.domain.backlog), checked three ways.

(a) a worked example computed by hand, step by step (below), for every column of ``track``, for
    ``minimum_agents`` and ``level_agents``. No published backlog example with a deadline in working
    hours gives its numbers per interval, so the example is written out here to be checked by hand;
(b) an independent plain-Python FIFO queue of lots (tests/backlog_reference.py), no cumulative sums,
    against ``track`` on random days, and its bisection for the least level against ``level_agents``;
(c) hypothesis properties: conservation, bounds, the minimum is a minimum (every plan that meets the
    deadline has at least its cumulative work; a little less misses), monotone in the agents;
plus Koole's point: 5 % more e-mail than planned every week makes the backlog grow by the same
amount every week.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from backlog_reference import least_level, run
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.domain import backlog

# ---------------------------------------------------------------------------
# (a) the worked example
# ---------------------------------------------------------------------------
# Six hours (interval 3600 s); hours 2 and 3 are closed (evening), the office opens again at 4.
# E-mails arrive 12, 6, 6, 0, 0, 6; one agent works in every open hour; an e-mail takes 600 s,
# so an agent handles 6 per hour; deadline: 2 working hours (7200 s).
# due[t] = the 2nd open hour from t on: due[0] = 1; due[1] = 4 (hours 2, 3 are closed);
#          due[2] = due[3] = due[4] = 5; due[5] = after the horizon.
# hour 0: 12 in, 6 handled, 6 left (of hour 0, age 1 open hour = 3600 s); nothing due yet.
# hour 1: 6 in, 6 handled (the rest of hour 0: all 12 of hour 0 done by their due hour 1), 6 left
#         (of hour 1, age 3600 s).
# hour 2 (closed): 6 in, nothing handled, 12 left; the oldest (hour 1) has waited 1 open hour: 3600 s.
# hour 3 (closed): 12 left, oldest still 3600 s.
# hour 4: 6 handled (hour 1's, due now: met), 6 left (hour 2's, 1 open hour since it came: 3600 s).
# hour 5: 6 in, 6 handled (hour 2's, due now: met), 6 left (hour 5's, 3600 s). Deadline met.
# Least work (R = items due by the end of each hour: 0, 12, 12, 12, 18, 24): handle 0, 12, 0, 0, 6, 6
# items, i.e. 0, 2, 0, 0, 1, 1 agents. Least level: 24 items due by hour 5 over 4 open hours, 18 by
# hour 4 over 3, 12 by hour 1 over 2: 6 per open hour, one agent.
# With half an agent in hour 4: 3 handled, 3 of hour 1's e-mails are late at the end of hour 4 (they
# have waited 2 open hours: 7200 s); in hour 5 the 6 handled are those 3 and 3 of hour 2's, so 3 of
# hour 2's (due at the end of hour 5) are late then.
ARRIVALS = [12, 6, 6, 0, 0, 6]
OPEN = [1, 1, 0, 0, 1, 1]
AGENTS = [1, 1, 0, 0, 1, 1]


def test_worked_example():
    frame = backlog.track(ARRIVALS, AGENTS, aht=600, deadline=7200, interval=3600, open_intervals=OPEN)
    assert frame["capacity"].tolist() == [6, 6, 0, 0, 6, 6]
    assert frame["handled"].tolist() == [6, 6, 0, 0, 6, 6]
    assert frame["backlog"].tolist() == [6, 6, 12, 12, 6, 6]
    assert frame["oldest_age"].tolist() == [3600] * 6
    assert frame["overdue"].tolist() == [0] * 6


def test_worked_example_late():
    agents = [1, 1, 0, 0, 0.5, 1]
    frame = backlog.track(ARRIVALS, agents, aht=600, deadline=7200, interval=3600, open_intervals=OPEN)
    assert frame["handled"].tolist() == [6, 6, 0, 0, 3, 6]
    assert frame["overdue"].tolist() == [0, 0, 0, 0, 3, 3]   # hour 1's 3 late, then 3 of hour 2's
    assert frame["oldest_age"].tolist()[4] == 2 * 3600      # hour 1's e-mails: open hours 1 and 4


def test_worked_example_least_work():
    need = backlog.minimum_agents(ARRIVALS, aht=600, deadline=7200, interval=3600, open_intervals=OPEN)
    assert need.tolist() == [0, 2, 0, 0, 1, 1]
    level = backlog.level_agents(ARRIVALS, aht=600, deadline=7200, interval=3600, open_intervals=OPEN)
    assert level == pytest.approx(1.0, rel=1e-12)


def test_series_keeps_its_index():
    index = pd.date_range("2025-03-03 08:00", periods=6, freq="h")
    frame = backlog.track(pd.Series(ARRIVALS, index=index), 1.0, 600, 7200, 3600)
    assert frame.index.equals(index)
    need = backlog.minimum_agents(pd.Series(ARRIVALS, index=index), 600, 7200, 3600)
    assert need.index.equals(index) and need.name == "agents_needed"


def test_no_capacity_in_the_window_is_refused():
    with pytest.raises(ValueError) as info:
        backlog.level_agents([5, 0, 0], 600, 7200, 3600, profile=[0, 0, 1])
    assert info.value.parameter == "profile" and info.value.kind == "no_capacity"


def test_deadline_must_be_whole_intervals():
    with pytest.raises(ValueError) as info:
        backlog.track([1, 2], 1, 600, deadline=1000, interval=900)
    assert info.value.parameter == "deadline" and info.value.kind == "inconsistent"


# ---------------------------------------------------------------------------
# (b) the independent FIFO queue of lots
# ---------------------------------------------------------------------------
def _random_day(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 60))
    arrivals = rng.poisson(4, n) * rng.integers(0, 2, n)
    flags = (rng.random(n) < 0.7).astype(int)
    agents = rng.random(n) * 2 * flags
    steps = int(rng.integers(1, 8))
    return arrivals, agents, flags, steps


@pytest.mark.parametrize("seed", range(40))
def test_track_against_the_lots(seed):
    arrivals, agents, flags, steps = _random_day(seed)
    frame = backlog.track(arrivals, agents, 300, steps * 900, 900, flags)
    rows = run(list(arrivals), list(agents * 900 / 300), list(flags), steps, 900)
    for column in ("handled", "backlog", "oldest_age", "overdue"):
        np.testing.assert_allclose(frame[column], [r[column] for r in rows], atol=1e-7, rtol=0)


@pytest.mark.parametrize("seed", range(15))
def test_level_against_bisection(seed):
    arrivals, _, flags, steps = _random_day(seed)
    if not flags.any():
        return
    level = backlog.level_agents(arrivals, 300, steps * 900, 900, flags)
    assert level == pytest.approx(least_level(list(arrivals), list(flags), list(flags), steps, 900, 300),
                                  rel=1e-7, abs=1e-9)


def test_a_week_of_email():
    """A KlantDirect-like week: 96 quarter-hours a day, open 08:00-18:00 weekdays, 8 working hours."""
    rng = np.random.default_rng(7)
    days, per_day = 7, 96
    quarter = np.arange(days * per_day) % per_day
    weekday = np.arange(days * per_day) // per_day < 5
    flags = ((quarter >= 32) & (quarter < 72) & weekday).astype(int)
    arrivals = rng.poisson(np.where(flags, 12, 2))
    need = backlog.minimum_agents(arrivals, 480, 8 * 3600, 900, flags)
    level = backlog.level_agents(arrivals, 480, 8 * 3600, 900, flags)
    rows = run(list(arrivals), list(level * flags * 900 / 480), list(flags), 32, 900)
    assert max(r["overdue"] for r in rows) <= 1e-7
    rows = run(list(arrivals), list(0.999 * level * flags * 900 / 480), list(flags), 32, 900)
    assert max(r["overdue"] for r in rows) > 0
    assert need.sum() <= level * flags.sum() + 1e-9


# ---------------------------------------------------------------------------
# (c) properties
# ---------------------------------------------------------------------------
days = st.integers(1, 40).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, 20), min_size=n, max_size=n),
    st.lists(st.floats(0, 3), min_size=n, max_size=n),
    st.lists(st.integers(0, 1), min_size=n, max_size=n),
    st.integers(1, 6)))


@settings(max_examples=150, deadline=None)
@given(days)
def test_conservation_and_bounds(day):
    arrivals, agents, flags, steps = day
    frame = backlog.track(arrivals, agents, 300, steps * 900, 900, flags)
    assert (frame["backlog"] >= 0).all() and (frame["overdue"] >= 0).all()
    assert (frame["handled"] <= frame["capacity"] + 1e-9).all()
    assert frame["handled"].sum() + frame["backlog"].iloc[-1] == pytest.approx(sum(arrivals), abs=1e-7)
    assert (frame["overdue"] <= frame["backlog"] + 1e-9).all()
    assert (frame["oldest_age"] <= 900 * np.cumsum(flags) + 1e-9).all()


@settings(max_examples=150, deadline=None)
@given(days, st.floats(0.0, 1.0))
def test_the_minimum_is_a_minimum(day, share):
    arrivals, agents, flags, steps = day
    need = backlog.minimum_agents(arrivals, 300, steps * 900, 900, flags)
    assert (backlog.track(arrivals, need, 300, steps * 900, 900, flags)["overdue"] == 0).all()
    # any plan that meets the deadline has done at least as much work by the end of every interval
    frame = backlog.track(arrivals, agents, 300, steps * 900, 900, flags)
    if (frame["overdue"] == 0).all():
        assert (np.cumsum(agents) >= np.cumsum(need) - 1e-9).all()
    # and taking some work away from the last interval with work misses the deadline
    if need.sum() > 1e-6:
        last = np.flatnonzero(need > 1e-9)[-1]
        less = need.copy()
        less[last] *= share * 0.99
        assert (backlog.track(arrivals, less, 300, steps * 900, 900, flags)["overdue"] > 0).any()


@settings(max_examples=100, deadline=None)
@given(days)
def test_level_is_the_least_level(day):
    arrivals, _, flags, steps = day
    if not any(flags):
        return
    level = backlog.level_agents(arrivals, 300, steps * 900, 900, flags)
    plan = np.array(flags, dtype=float)
    assert (backlog.track(arrivals, level * plan, 300, steps * 900, 900, flags)["overdue"] == 0).all()
    if level > 1e-6:
        assert (backlog.track(arrivals, 0.999 * level * plan, 300, steps * 900, 900, flags)["overdue"] > 0).any()


@settings(max_examples=100, deadline=None)
@given(days, st.floats(0, 2))
def test_more_agents_never_more_backlog(day, extra):
    arrivals, agents, flags, steps = day
    few = backlog.track(arrivals, agents, 300, steps * 900, 900, flags)
    more = backlog.track(arrivals, np.array(agents) + extra, 300, steps * 900, 900, flags)
    assert (more["backlog"] <= few["backlog"] + 1e-9).all()
    assert (more["overdue"] <= few["overdue"] + 1e-9).all()
    assert (more["oldest_age"] <= few["oldest_age"] + 1e-9).all()


# ---------------------------------------------------------------------------
# Koole's point: consistently more load than planned
# ---------------------------------------------------------------------------
def test_backlog_grows_without_bound_when_the_load_runs_above_plan():
    per_day, weeks = 96, 6
    quarter = np.arange(7 * per_day) % per_day
    flags = ((quarter >= 32) & (quarter < 72) & (np.arange(7 * per_day) < 5 * per_day)).astype(int)
    forecast = np.where(flags, 10.0, 1.0)
    # the least level that meets the forecast week after week: the deadlines of six weeks, and at least
    # the week's volume (else the backlog grows even on forecast; the last weekend's e-mails fall due
    # after the horizon)
    level = max(backlog.level_agents(np.tile(forecast, weeks), 480, 8 * 3600, 900, np.tile(flags, weeks)),
                forecast.sum() * 480 / (flags.sum() * 900))
    plan = level * flags
    actual = np.tile(forecast * 1.05, weeks)
    frame = backlog.track(actual, np.tile(plan, weeks), 480, 8 * 3600, 900, np.tile(flags, weeks))
    end_of_week = frame["backlog"].to_numpy()[7 * per_day - 1::7 * per_day]
    growth = backlog.growth_per_cycle(forecast * 1.05, plan, 480, 900)
    assert growth > 0
    np.testing.assert_allclose(np.diff(end_of_week), growth, rtol=1e-9)
    assert frame["overdue"].iloc[-1] > frame["overdue"].iloc[7 * per_day - 1]
    # with the forecast itself, nothing is late and the backlog does not grow
    steady = backlog.track(np.tile(forecast, weeks), np.tile(plan, weeks), 480, 8 * 3600, 900,
                           np.tile(flags, weeks))
    assert (steady["overdue"] == 0).all()
    assert backlog.growth_per_cycle(forecast, plan, 480, 900) == 0.0
