"""Speed of wfmcourse.erlang against pyworkforce, measured side by side in one run.

    python cursus.py bench          (sets up benchmarks/.venv with pyworkforce, then runs this)

1. Erlang C staffing for a year of 15-minute intervals (35,040 intervals, peaks of 2,000 calls per
   interval, AHT 300 s, 80/20): wfmcourse.erlang.agents_needed on the whole array versus
   pyworkforce's ErlangC(...).required_positions in a loop. The answers must be identical.
2. Erlang A staffing (patience 120 s) for one day of 96 such intervals.
Timings are the best of several repeats (time.perf_counter); the ratio is what matters, as both
run on the same machine in the same process.
"""
from __future__ import annotations

import platform
import time

import numpy as np

from wfmcourse import erlang

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


def main() -> None:
    from pyworkforce.queuing import ErlangC
    import pyworkforce

    calls = year_of_calls()
    load = erlang.traffic(calls, AHT, INTERVAL)

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

    day = load[96 * 7: 96 * 8]                      # a Monday
    day_s, day_agents = best_of(lambda: erlang.agents_needed(day, AHT, AWT, TARGET, patience=PATIENCE),
                                repeat=5)
    day_c = erlang.agents_needed(day, AHT, AWT, TARGET)

    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"numpy {np.__version__}, pyworkforce {getattr(pyworkforce, '__version__', '0.5.1')}")
    print(f"Erlang C, {calls.size:,} intervals, peak {int(calls.max()):,} calls, AHT {AHT:.0f} s, 80/20")
    print(f"  wfmcourse agents_needed (vectorised): {ours_s * 1e3:9.1f} ms")
    print(f"  pyworkforce ErlangC loop:             {theirs_s * 1e3:9.1f} ms")
    print(f"  speed-up: {theirs_s / ours_s:,.0f}x   identical answers: {same} "
          f"(peak {int(ours.max())} agents, total {int(ours.sum()):,} agent-intervals)")
    print(f"Erlang A, 96 intervals, patience {PATIENCE:.0f} s")
    print(f"  wfmcourse agents_needed: {day_s * 1e3:9.1f} ms "
          f"(peak {int(day_agents.max())} agents vs Erlang C {int(day_c.max())})")
    if not same:
        raise SystemExit("answers differ from pyworkforce")


if __name__ == "__main__":
    main()
