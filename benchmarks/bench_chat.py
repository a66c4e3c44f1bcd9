"""Speed of chat staffing (wfmcourse.domain.chat) against finding the same answer by simulation.

    python cursus.py bench          (or: PYTHONPATH=. python benchmarks/bench_chat.py)

1. chat.agents_needed for one day of 96 quarter-hours (peak 300 chats per quarter-hour, AHT 600 s
   for a chat handled alone, slowdown 0.25 per extra chat, at most 3 chats per agent, 80 % within
   60 s), without and with patience (180 s).
2. The same answer by simulation: for every interval the simpy simulation of tests/chat_simulation.py
   (least-loaded routing) is run at the model's answer and at one agent fewer, SIM_HOURS of steady
   state each - the least a simulation-based planner needs to confirm a minimum. Reports the time,
   the ratio, and in how many intervals the simulated service level agrees (answer >= target - 2 se,
   one fewer < target + 2 se).
Timings are the best of several repeats (time.perf_counter) for the model, one run for the simulation.
"""
from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

import numpy as np

from wfmcourse.domain import chat, erlang

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from bench_erlang import best_of  # this script's folder is on the path

AHT, AWT, TARGET, INTERVAL, PATIENCE = 600.0, 60.0, 0.8, 900.0, 180.0
MAX_CHATS, SLOWDOWN = 3, 0.25
SIM_HOURS = 20.0


def day_of_chats() -> np.ndarray:
    """96 quarter-hours: open 08:00-22:00, a late-morning and an evening peak, 300 chats at most."""
    slot = np.arange(96)
    shape = np.exp(-0.5 * ((slot - 44) / 8.0) ** 2) + 0.8 * np.exp(-0.5 * ((slot - 80) / 5.0) ** 2)
    shape[(slot < 32) | (slot >= 88)] = 0.0
    return np.round(300 * shape / shape.max())


def main() -> None:
    chats = day_of_chats()
    load = erlang.traffic(chats, AHT, INTERVAL)
    kw = dict(max_chats=MAX_CHATS, slowdown=SLOWDOWN)
    c_s, c_agents = best_of(lambda: chat.agents_needed(load, AHT, AWT, TARGET, **kw), repeat=7)
    a_s, a_agents = best_of(lambda: chat.agents_needed(load, AHT, AWT, TARGET, patience=PATIENCE, **kw),
                            repeat=7)
    rule = chat.rule_of_thumb_agents(load, AHT, AWT, TARGET, max_chats=MAX_CHATS)
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"numpy {np.__version__}")
    print(f"Chat staffing, 96 intervals, peak {int(chats.max())} chats per 15 min, AHT {AHT:.0f} s, "
          f"max {MAX_CHATS} chats, slowdown {SLOWDOWN}, {TARGET:.0%} within {AWT:.0f} s")
    print(f"  chat.agents_needed without patience: {c_s * 1e3:7.1f} ms "
          f"(peak {int(c_agents.max())} agents, {int(c_agents.sum())} agent-intervals; "
          f"rule of thumb {int(rule.sum())})")
    print(f"  chat.agents_needed, patience {PATIENCE:.0f} s:  {a_s * 1e3:7.1f} ms "
          f"(peak {int(a_agents.max())} agents, {int(a_agents.sum())} agent-intervals)")
    try:
        from chat_simulation import simulate_chat
    except ImportError:          # simpy is a test dependency; the bench environment may lack it
        print("  simulation skipped: simpy is not installed in this environment")
        return
    start, cpu = time.perf_counter(), time.process_time()
    agree = busy = 0
    for i in np.flatnonzero(load > 0):
        busy += 1
        n = int(a_agents[i])
        ok = True
        for agents, should_meet in ((n, True), (n - 1, False)):
            if agents == 0:
                continue
            sl, se = simulate_chat(agents, float(load[i]), AHT, MAX_CHATS, SLOWDOWN, PATIENCE, AWT,
                                   hours=SIM_HOURS, seed=int(i), batches=10)["service_level"]
            ok &= (sl >= TARGET - 2 * se) if should_meet else (sl < TARGET + 2 * se)
        agree += ok
    sim_s, sim_cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"  simulating answer and one fewer ({SIM_HOURS:.0f} h each, {busy} open intervals): "
          f"{sim_s:7.1f} s wall, {sim_cpu:.1f} s CPU = {sim_cpu / a_s:,.0f} x the model (CPU); "
          f"simulation agrees in {agree} of {busy} intervals")


if __name__ == "__main__":
    main()
