"""Speed of the control room (wfmcourse.domain.control_room) beside a plain simpy simulation of the same day.

    python cursus.py bench          (or: PYTHONPATH=. python benchmarks/bench_control_room.py)

The game day of the shipped data (datasets.game_day: Tuesday 4 March 2025, 48 open quarters), the campaign
scenario, seed 3, and a fixed script (10:00 coaching cancelled and 2 overtime agents, 12:00 one agent from chat).

1. ``control_room.step``: the first hour (08:00) and the last hour (19:00). A step simulates from opening to
   the end of its hour (earlier hours are re-simulated under the current staffing), so the last step is the
   most expensive one.
2. The whole day replayed: ``control_room.play`` with the script (12 steps), and what the widget adds:
   ``references`` at the end (the day beside doing nothing and the playbook: two more days), one click of
   "Volgend uur" in the widget (step plus the Dutch table).
3. The same day, the same callers and the final staffing, simulated once by
   ``simulation.fcfs_queue`` (the engine of a step) and by a plain discrete-event simulation in simpy
   (agents as tokens in a Store, patience as a timeout, the pool resized at every quarter). The service level
   and abandoned calls of all three are printed side by side: the simulations differ only in which agent
   leaves at a quarter boundary, so their numbers are close, not equal.
Timings are the best of several repeats (time.perf_counter); the simpy run is repeated fewer times.
"""
from __future__ import annotations

import platform
import sys
from pathlib import Path

import numpy as np
import simpy

from wfmcourse.data import datasets
from wfmcourse.domain import control_room as cr
from wfmcourse.domain import simulation

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_erlang import best_of  # this script's folder is on the path

SCRIPT = {2: (cr.Action("cancel_coaching"), cr.Action("overtime", agents=2)), 4: (cr.Action("move_from_chat"),)}


def scripted(state):
    """The fixed choices of the benchmark day."""
    return SCRIPT.get(state.hour, ())


def simpy_day(arrival, handle, patience, agents, interval) -> tuple[np.ndarray, np.ndarray]:
    """(wait, answered) per caller: a plain simpy DES, FCFS with abandonment and ``agents`` per interval."""
    n = arrival.size
    wait = np.zeros(n)
    answered = np.zeros(n, bool)
    env = simpy.Environment()
    free = simpy.Store(env)
    staff = {"on_duty": 0, "leaving": 0}

    def release():
        if staff["leaving"]:
            staff["leaving"] -= 1
            staff["on_duty"] -= 1
        else:
            free.put("agent")

    def roster():
        for k, target in enumerate(agents.tolist()):
            if k:
                yield env.timeout(interval)
            change = int(target) - (staff["on_duty"] - staff["leaving"])
            for _ in range(max(change, 0)):
                if staff["leaving"]:
                    staff["leaving"] -= 1
                else:
                    staff["on_duty"] += 1
                    free.put("agent")
            for _ in range(max(-change, 0)):
                if free.items:
                    free.items.pop()
                    staff["on_duty"] -= 1
                else:
                    staff["leaving"] += 1

    def caller(i):
        get = free.get()
        outcome = yield get | env.timeout(patience[i])
        wait[i] = env.now - arrival[i]
        if get in outcome:
            answered[i] = True
            yield env.timeout(handle[i])
            release()
        else:
            get.cancel()

    def source():
        now = 0.0
        for i in range(n):
            yield env.timeout(arrival[i] - now)
            now = arrival[i]
            env.process(caller(i))

    env.process(roster())
    env.process(source())
    env.run()
    return wait, answered


def outcome(wait, answered, awt=cr.AWT) -> tuple[float, int]:
    """Service level (answered within ``awt`` over offered) and abandoned calls."""
    return float(np.mean(answered & (wait <= awt))), int(np.sum(~answered))


def main() -> None:
    from wfmcourse.apps import control_room_game

    day = datasets.game_day()
    opening = cr.new_day(day["forecast_calls"], day["agents_needed"], seed=3, scenario="campaign")
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"numpy {np.__version__}, simpy {simpy.__version__}")
    print(f"Game day {datasets.GAME_DAY}, campaign, seed 3: {len(opening.day.arrival):,} callers, "
          f"{opening.day.hours} hours of {len(opening.day.forecast)} quarters")
    first_s, _ = best_of(lambda: cr.step(opening, SCRIPT.get(0, ())), repeat=30)
    before_last = opening
    while before_last.hour < before_last.day.hours - 1:
        before_last = cr.step(before_last, scripted(before_last))
    last_s, _ = best_of(lambda: cr.step(before_last), repeat=30)
    day_s, played = best_of(lambda: cr.play(opening, scripted), repeat=10)
    refs_s, _ = best_of(lambda: cr.references(played), repeat=5)
    widget = control_room_game.control_room(day["forecast_calls"], day["agents_needed"], seed=3)
    widget.start.click()
    widget.next_hour.click()

    at_noon = opening
    while at_noon.hour < 6:
        at_noon = cr.step(at_noon, scripted(at_noon))

    def click(state):
        widget.state = state
        widget.play_hour()

    noon_s, _ = best_of(lambda: click(at_noon), repeat=10)
    click_s, _ = best_of(lambda: click(before_last), repeat=10)
    for label, seconds in (("control_room.step, first hour (08:00)", first_s),
                           ("control_room.step, last hour (19:00, the day so far)", last_s),
                           ("control_room.play, the whole day (12 steps)", day_s),
                           ("control_room.references (two more days, at the end)", refs_s),
                           ("widget click 'Volgend uur' at 14:00 (step + table)", noon_s),
                           ("widget click 'Volgend uur' at 19:00 (+ the end)", click_s)):
        print(f"  {label:54s}{seconds * 1e3:7.1f} ms")

    d = played.day
    arrival, handle, patience = (np.asarray(x) for x in (d.arrival, d.handle, d.patience))
    agents = np.asarray(played.agents, dtype=np.int64)
    engine_s, (w1, a1) = best_of(lambda: simulation.fcfs_queue(arrival, handle, patience, agents, d.interval,
                                                                np.random.default_rng(d.seed + 1)), repeat=10)
    simpy_s, (w2, a2) = best_of(lambda: simpy_day(arrival, handle, patience, agents, d.interval), repeat=3)
    print(f"The same day once, same callers, final staffing ({int(agents.sum()) / 4:.0f} agent hours):")
    print(f"  {'simulation.fcfs_queue (heap, the engine of a step)':54s}{engine_s * 1e3:7.1f} ms")
    print(f"  {'plain simpy discrete-event simulation':54s}{simpy_s * 1e3:7.1f} ms "
          f"= {simpy_s / engine_s:.1f} x the engine, {simpy_s / day_s:.1f} x the whole replayed day")
    game = cr.evaluate_day(played)
    rows = [("game (hour by hour)", game["service_level"], game["abandoned"] + game["callbacks"]),
            ("fcfs_queue once", *outcome(w1, a1)), ("simpy once", *outcome(w2, a2))]
    print("  day service level and abandoned calls:")
    for name, sl, lost in rows:
        print(f"    {name:22s} SL {sl:6.1%}   abandoned {lost:5d}")


if __name__ == "__main__":
    main()
