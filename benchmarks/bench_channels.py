"""Speed of the backlog (e-mail) and blending engines (wfmcourse.domain.backlog, .blending).

    python cursus.py bench          (or: PYTHONPATH=. python benchmarks/bench_channels.py)

1. backlog over a week of 672 quarter-hours (open 08:00-18:00 on weekdays, deadline 8 working hours):
   backlog.track, backlog.minimum_agents and backlog.level_agents (the level is O(n^2) pairs).
2. blending on the busiest KlantDirect day of data/intervals.csv (calls_offered, its aht): the blended
   queue of every interval at the Erlang C staffing (blending.evaluate, reserve 2, switch 60 s), and
   blending.agents_needed with e-mail due within 4 working hours and the least reserve per interval.
   The blended queue is one sparse Markov chain per interval (distinct agents-and-load pairs once).
Timings are the best of several repeats (time.perf_counter).
"""
from __future__ import annotations

import platform
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from wfmcourse.domain import backlog, blending, erlang

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_erlang import best_of  # this script's folder is on the path

ROOT = Path(__file__).resolve().parent.parent
MAIL_AHT, AHT, AWT, TARGET, INTERVAL, RESERVE, SWITCH = 480.0, 300.0, 20.0, 0.8, 900.0, 2, 60.0


def week_of_mail() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(16)
    slot = np.arange(7 * 96)
    flags = ((slot % 96 >= 32) & (slot % 96 < 72) & (slot < 5 * 96)).astype(int)
    return rng.poisson(np.where(flags, 12, 2)).astype(float), flags


def busiest_day() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    data = pd.read_csv(ROOT / "data" / "intervals.csv", parse_dates=["interval_start"])
    day = data.groupby(data["interval_start"].dt.date)["calls_offered"].sum().idxmax()
    rows = data[data["interval_start"].dt.date == day]
    aht = rows["aht"].fillna(AHT).to_numpy()
    return rows["calls_offered"].to_numpy(float), aht, rows["is_open"].to_numpy(int)


def main() -> None:
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"numpy {np.__version__}")
    mail, flags = week_of_mail()
    level = backlog.level_agents(mail, MAIL_AHT, 8 * 3600, INTERVAL, flags)
    t_track, _ = best_of(lambda: backlog.track(mail, level * flags, MAIL_AHT, 8 * 3600, INTERVAL, flags), repeat=7)
    t_min, _ = best_of(lambda: backlog.minimum_agents(mail, MAIL_AHT, 8 * 3600, INTERVAL, flags), repeat=7)
    t_level, _ = best_of(lambda: backlog.level_agents(mail, MAIL_AHT, 8 * 3600, INTERVAL, flags), repeat=3)
    print(f"Backlog, a week of {mail.size} quarter-hours ({int(mail.sum())} e-mails, 8 working hours):")
    print(f"  backlog.track          {t_track * 1e3:7.2f} ms")
    print(f"  backlog.minimum_agents {t_min * 1e3:7.2f} ms")
    print(f"  backlog.level_agents   {t_level * 1e3:7.2f} ms (level {level:.2f} agents)")

    calls, aht, is_open = busiest_day()
    load = erlang.traffic(calls, aht, INTERVAL)
    phone = erlang.agents_needed(load, AHT, AWT, TARGET)
    t_eval, frame = best_of(lambda: blending.evaluate(phone, load, AHT, AWT, MAIL_AHT, reserve=RESERVE,
                                                      switch_time=SWITCH, interval=INTERVAL), repeat=3)
    print(f"Blending, busiest KlantDirect day ({int(calls.sum())} calls, peak {int(phone.max())} agents), "
          f"reserve {RESERVE}, switch {SWITCH:.0f} s:")
    print(f"  blending.evaluate at the Erlang C staffing: {t_eval:6.2f} s "
          f"({frame['backlog_hours'].sum():.1f} backlog hours; phone service level at the peak "
          f"{frame['service_level'].iloc[int(np.argmax(phone))]:.3f})")
    e_mail = np.where(is_open, 10.0, 1.0)
    t_need, plan = best_of(lambda: blending.agents_needed(load, AHT, AWT, TARGET, e_mail, MAIL_AHT, 4 * 3600,
                                                          switch_time=SWITCH, interval=INTERVAL,
                                                          open_intervals=is_open), repeat=1)
    print(f"  blending.agents_needed, least reserve per interval (e-mail 10 per open quarter-hour, "
          f"4 working hours): {t_need:6.2f} s "
          f"({int(plan['agents_phone'].sum())} phone agent-intervals, {int(plan['agents'].sum())} with e-mail)")


if __name__ == "__main__":
    main()
