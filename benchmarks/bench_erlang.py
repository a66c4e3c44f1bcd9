"""Speed of wfmcourse.domain.erlang against pyworkforce, measured side by side in one run.

    python cursus.py bench          (sets up benchmarks/.venv with pyworkforce 0.5.4, then runs this)

1. Erlang C staffing for a year of 15-minute intervals (35,040 intervals, peaks of 2,000 calls per
   interval, AHT 300 s, 80/20): wfmcourse.domain.erlang.agents_needed on the whole array versus
   pyworkforce's ErlangC(...).required_positions in a loop. The answers must be identical.
2. Erlang A staffing (patience 120 s) for the same year, against the Erlang C year of step 1.
3. Erlang A staffing for one day of 96 such intervals against pyworkforce's ErlangA loop. Every
   interval where the answers differ is printed with the exact service level (40-digit mpmath,
   tests/mp_reference.py) of both answers and of one agent fewer than ours.
Timings are the best of several repeats (time.perf_counter); the ratios are what matter, as all
run on the same machine in the same process.
"""
from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

import numpy as np

from wfmcourse.domain import erlang

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from mp_reference import reference  # noqa: E402

AHT, AWT, TARGET, INTERVAL, PATIENCE = 300.0, 20.0, 0.8, 900.0, 120.0


def year_of_calls(seed: int = 2025) -> np.ndarray:
    """35,040 quarter-hours of calls: intraday and weekly shape, noise, peaks of 2,000 per interval."""
    rng = np.random.default_rng(seed)
    slot = np.arange(96)
    intraday = np.exp(-0.5 * ((slot - 42) / 9.0) ** 2) + 0.6 * np.exp(-0.5 * ((slot - 58) / 8.0) ** 2)
    weekly = np.array([1.25, 1.05, 1.0, 0.95, 0.9, 0.45, 0.2])
    days = np.arange(365)
    shape = weekly[days % 7, None] * intraday[None, :] * rng.gamma(50, 1 / 50, size=(365, 1))
    calls = np.round(2000 * shape / shape.max())
    return calls.ravel()


def best_of(func, repeat: int) -> tuple[float, object]:
    best, result = np.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def exact_sl(agents: int, load: float) -> float:
    return float(reference(agents, load, AHT, PATIENCE, AWT)["service_level"])


def main() -> None:
    import pyworkforce
    from pyworkforce.queuing import ErlangA, ErlangC

    calls = year_of_calls()
    load = erlang.traffic(calls, AHT, INTERVAL)

    # 1. Erlang C year against pyworkforce
    ours_s, ours = best_of(lambda: erlang.agents_needed(load, AHT, AWT, TARGET), repeat=5)

    def pyworkforce_year():
        out = np.zeros(calls.size, dtype=int)
        for i, c in enumerate(calls):
            if c > 0:
                out[i] = ErlangC(transactions=c, aht=AHT, asa=AWT, interval=INTERVAL).required_positions(
                    service_level=TARGET)["raw_positions"]
        return out

    theirs_s, theirs = best_of(pyworkforce_year, repeat=1)
    same = np.array_equal(ours, theirs)

    # 2. Erlang A year against our Erlang C year
    year_a_s, year_a = best_of(lambda: erlang.agents_needed(load, AHT, AWT, TARGET, patience=PATIENCE),
                               repeat=5)

    # 3. Erlang A day against pyworkforce (pyworkforce works in minutes; only the units differ)
    first = 96 * 7                                   # a Monday
    day_calls, day = calls[first: first + 96], load[first: first + 96]
    day_s, day_agents = best_of(lambda: erlang.agents_needed(day, AHT, AWT, TARGET, patience=PATIENCE),
                                repeat=5)

    def pyworkforce_day():
        out = np.zeros(day.size, dtype=int)
        for i, c in enumerate(day_calls):
            if c > 0:
                out[i] = ErlangA(transactions=c, aht=AHT / 60, asa=AWT / 60, interval=INTERVAL / 60,
                                 patience=PATIENCE / 60).required_positions(service_level=TARGET)["raw_positions"]
        return out

    day_theirs_s, day_theirs = best_of(pyworkforce_day, repeat=1)
    differ = np.flatnonzero(day_agents != day_theirs)

    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"numpy {np.__version__}, pyworkforce {pyworkforce.__version__}")
    print(f"Erlang C, {calls.size:,} intervals, peak {int(calls.max()):,} calls, AHT {AHT:.0f} s, 80/20")
    print(f"  wfmcourse agents_needed (vectorised): {ours_s * 1e3:9.1f} ms")
    print(f"  pyworkforce ErlangC loop:             {theirs_s * 1e3:9.1f} ms")
    print(f"  speed-up: {theirs_s / ours_s:,.0f}x   identical answers: {same} "
          f"(peak {int(ours.max())} agents, total {int(ours.sum()):,} agent-intervals)")
    print(f"Erlang A, {calls.size:,} intervals, patience {PATIENCE:.0f} s")
    print(f"  wfmcourse agents_needed (vectorised): {year_a_s * 1e3:9.1f} ms "
          f"= {year_a_s / ours_s:.1f} x the Erlang C year "
          f"(peak {int(year_a.max())} agents, total {int(year_a.sum()):,} agent-intervals)")
    print(f"Erlang A, 96 intervals (one Monday), patience {PATIENCE:.0f} s")
    print(f"  wfmcourse agents_needed (vectorised): {day_s * 1e3:9.1f} ms")
    print(f"  pyworkforce ErlangA loop:             {day_theirs_s * 1e3:9.1f} ms")
    print(f"  speed-up: {day_theirs_s / day_s:,.0f}x   intervals with different answers: {differ.size} of 96")
    if differ.size:
        print("  exact service level (40-digit mpmath) of each answer, target 80 %:")
        print("   time   calls  Erlang   wfmcourse  SL        one fewer  SL        pyworkforce  SL")
        for i in differ:
            n_ours, n_theirs = int(day_agents[i]), int(day_theirs[i])
            print(f"  {i // 4:02d}:{15 * (i % 4):02d} {int(day_calls[i]):6d} {day[i]:8.1f}"
                  f"   {n_ours:6d}  {exact_sl(n_ours, day[i]):8.4f}"
                  f"   {n_ours - 1:6d}  {exact_sl(n_ours - 1, day[i]):8.4f}"
                  f"   {n_theirs:6d}  {exact_sl(n_theirs, day[i]):8.4f}")
    if not same:
        raise SystemExit("Erlang C answers differ from pyworkforce")


if __name__ == "__main__":
    main()
