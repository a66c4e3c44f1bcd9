"""Every calculation notebook 08_dagsturing shows, recomputed another way, and the claims its text makes.

The notebook computes with ``wfmcourse.domain.intraday`` and ``control_room``; here the same numbers come from
the CSV read with the standard library, plain sums and Erlang directly, and the printed values are looked up
in the stored outputs (so the text a learner reads and the package agree).
"""
import csv
import json
import math
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from wfmcourse.course.exercises import dagsturing as ex08
from wfmcourse.data import datasets, synth
from wfmcourse.domain import control_room, erlang, intraday
from wfmcourse.presentation import dutch

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "08_dagsturing.ipynb"
DAY = "2025-03-04"
TARGET, AHT, PATIENCE = synth.CentreParameters().target, synth.CentreParameters().phone_aht, 180.0


@pytest.fixture(scope="module")
def printed():
    """Every text output of the notebook, one string."""
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    parts = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            parts.append("".join(output.get("text", "")))
            parts += ["".join(v) for k, v in output.get("data", {}).items() if k == "text/plain"]
    return "\n".join(parts)


def _row(printed, label, also=""):
    """Every line of a stored table whose row label is ``label`` (a wide table wraps into blocks, each
    starting with the row label), joined; ``also``: only lines containing it."""
    return " | ".join(line for line in printed.splitlines() if line.startswith(label) and also in line)


@pytest.fixture(scope="module")
def markdown():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


@pytest.fixture(scope="module")
def rows():
    """The open quarters of 4 March from data/intervals.csv, read with the csv module (plain Python)."""
    with open(ROOT / "data" / "intervals.csv", newline="", encoding="utf-8") as handle:
        found = [r for r in csv.DictReader(handle) if r["interval_start"].startswith(DAY) and r["is_open"] == "1"]
    return [{"time": r["interval_start"][11:16], "hour": int(r["interval_start"][11:13]),
             "forecast": float(r["forecast_calls"]), "offered": int(r["calls_offered"]),
             "in_time": int(r["answered_in_time"]), "abandoned": int(r["calls_abandoned"]),
             "aht": float(r["aht"]), "needed": int(r["agents_needed"]), "staffed": int(r["agents_staffed"])}
            for r in found]


@pytest.fixture(scope="module")
def day():
    year = datasets.load_intervals()
    one = year.loc[DAY]
    return one[one["is_open"]]


# --------------------------------------------------------------------------- 1 · the monitoring view

def test_the_first_three_hours_by_hand(rows, printed):
    assert len(rows) == 48 and rows[0]["time"] == "08:00"
    offered = in_time = 0
    for r in rows[:12]:
        offered += r["offered"]
        in_time += r["in_time"]
        line = _row(printed, r["time"] + " ")
        for value in (dutch.number(r["offered"] / r["forecast"], 2), dutch.number(r["aht"] / AHT, 2),
                      dutch.percent(r["in_time"] / r["offered"]), dutch.percent(in_time / offered)):
            assert value in line, (r["time"], value, line)
    assert dutch.number(sum(r["forecast"] for r in rows), 0) in printed


def test_poisson_noise(printed):
    """The mean absolute deviation of Poisson(lam), summed term by term (as notebook 06 measures noise)."""
    for lam in (60, 240):
        mad = sum(abs(k - lam) * math.exp(k * math.log(lam) - lam - math.lgamma(k + 1)) for k in range(4 * lam))
        assert f"afwijking {dutch.percent(mad / lam)} (Poisson" in printed
        assert 0.75 < mad / math.sqrt(lam) < 0.85           # the text: the standard deviation is about a quarter larger


# --------------------------------------------------------------------------- 2 · weighted day, recovery

def test_day_service_level_is_weighted_and_the_morning_weighs_most(rows, printed):
    weighted = sum(r["in_time"] for r in rows) / sum(r["offered"] for r in rows)
    unweighted = sum(r["in_time"] / r["offered"] for r in rows) / len(rows)
    assert f"(gewogen naar volume):   {dutch.percent(weighted)}" in printed
    assert f"(fout): {dutch.percent(unweighted)}" in printed
    assert unweighted > weighted                                    # the bad quarters are the busy ones
    morning = sum(r["offered"] for r in rows if r["hour"] < 12) / sum(r["offered"] for r in rows)
    assert f"heeft {dutch.percent(morning)} van de gesprekken" in printed
    assert morning > 16 / 48                                        # "de ochtend is de drukste tijd"


def test_recovery_by_plain_arithmetic(rows, day, printed):
    offered = in_time = abandoned = 0
    forecast_total = sum(r["forecast"] for r in rows)
    forecast_so_far = 0.0
    lost = lost_reforecast = None
    for k, r in enumerate(rows[:-1]):
        offered += r["offered"]
        in_time += r["in_time"]
        abandoned += r["abandoned"]
        forecast_so_far += r["forecast"]
        rest = forecast_total - forecast_so_far
        rest_new = rest * offered / forecast_so_far                  # the reforecast of that moment
        need = max((TARGET * (offered + rest) - in_time) / rest, 0.0)
        need_new = max((TARGET * (offered + rest_new) - in_time) / rest_new, 0.0)
        if need > 1 and lost is None:
            lost = r["time"]
        if need_new > 1 and lost_reforecast is None:
            lost_reforecast = r["time"]
        allowed = (0.05 * (offered + rest_new) - abandoned) / rest_new   # on the reforecast, as the text says
        if k % 4 == 3:                                              # the hourly rows the notebook shows
            line = _row(printed, r["time"] + " ")
            assert dutch.percent(need) in line and dutch.percent(need_new) in line, (r["time"], need, line)
            assert dutch.number(rest_new, 0) in line
            assert (dutch.percent(allowed) if allowed >= 0 else "niet meer te halen") in line, (r["time"], line)
        assert intraday.allowed_abandonment(abandoned, offered, rest_new,
                                            max_abandonment=0.05) == pytest.approx(allowed)
    assert f"Met de oorspronkelijke forecast: na het kwartier van {lost} is" in printed
    assert f"Met de reforecast (de juiste R): na het kwartier van {lost_reforecast}." in printed
    assert "12:00" <= lost < lost_reforecast < "16:00"                # "halverwege de middag", an hour later
    assert int(lost_reforecast[:2]) - int(lost[:2]) == 1 and lost[3:] == lost_reforecast[3:]   # "een uur te vroeg"
    total = sum(r["offered"] for r in rows)
    assert f"een factor {dutch.number(total / forecast_total, 2)}" in printed      # the day factor, not 1,2
    assert round(total / forecast_total, 2) == 1.14


def test_the_same_shortfall_costs_more_later(rows, printed):
    forecast_total = sum(r["forecast"] for r in rows)
    needs = []
    for time in ("09:45", "12:45", "15:45"):
        k = next(i for i, r in enumerate(rows) if r["time"] == time)
        so_far = sum(r["forecast"] for r in rows[:k + 1])
        rest = (forecast_total - so_far) * sum(r["offered"] for r in rows[:k + 1]) / so_far    # the reforecast
        need = TARGET + 100 / rest                                   # the shortfall spread over what is left
        needs.append(need)
        assert f"Om {time}" in printed and f"moet {dutch.percent(need)} halen" in printed
    assert needs == sorted(needs) and needs[-1] > 1


# --------------------------------------------------------------------------- 3 · adherence and conformance

def test_team_adherence_by_counting_states(printed):
    """data/agent_states.csv read with the csv module; per agent per day the quarters counted by hand, whole
    sick days (scheduled, logged out all day) left out; worked = phone states + break/training/overleg/coaching
    up to their scheduled length."""
    days = defaultdict(list)
    with open(ROOT / "data" / "agent_states.csv", newline="", encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            days[r["agent"], r["interval_start"][:10]].append((r["scheduled"], r["state"]))
    as_activity = {"available": "contact", "in_contact": "contact", "acw": "contact"}
    counts = defaultdict(lambda: [0, 0, 0])
    sick_quarters = aux = contact = logged_in = coaching = cancelled = 0
    for (agent, _), quarters in days.items():
        scheduled = [(p, a) for p, a in quarters if p != "off"]
        if all(a == "logged_out" for _, a in scheduled):
            sick_quarters += len(scheduled)
            continue
        counts[agent][0] += len(scheduled)
        counts[agent][1] += sum(as_activity.get(a, a) == p for p, a in scheduled)
        counts[agent][2] += sum(a in as_activity for _, a in quarters)
        for activity in ("break", "training", "meeting", "coaching"):
            counts[agent][2] += min(sum(a == activity for _, a in quarters), sum(p == activity for p, _ in quarters))
        contact += sum(p == "contact" for p, _ in scheduled)
        aux += sum(p == "contact" and a == "aux" for p, a in scheduled)
        logged_in += sum(a != "logged_out" for _, a in scheduled)
        coaching += sum(p == "coaching" for p, _ in scheduled)
        cancelled += sum(p == "coaching" and a in as_activity for p, a in scheduled)   # coaching became phone
    table = intraday.adherence(datasets.load_agent_states(), sick_days="exclude")
    for agent, (scheduled, adherent, worked) in counts.items():
        assert table.loc[agent, "adherence"] == pytest.approx(adherent / scheduled)
        assert table.loc[agent, "conformance"] == pytest.approx(worked / scheduled)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    assert f"{len(counts)} medewerkers, {dutch.number(total[0] / 4, 1)} ingeroosterde uren in de week " \
           f"(na {dutch.number(sick_quarters / 4, 1)} uur ziek" in printed
    assert f"adherence {dutch.percent(total[1] / total[0])}, conformance {dutch.percent(total[2] / total[0])}" \
        in printed
    counted = table["adherent_hours"].sum() * 4 / (total[0] + sick_quarters)
    assert f"(dubbel geteld): adherence {dutch.percent(counted)}" in printed
    assert f"uitgelopen pauze tellen dan mee): {dutch.percent(logged_in / total[0])}" in printed
    assert f"gepland stond: {aux} van de {contact}" in printed
    assert f"(medewerker aan de telefoon): {cancelled} van de {coaching}" in printed and cancelled > 0
    # the text: without sick days everyone between about 88 and 97 %; conformance close to adherence,
    # logged in / scheduled much higher; with the sick days the adherence a few points lower
    adherence = [a / s for s, a, _ in counts.values()]
    assert 0.87 < min(adherence) and max(adherence) < 0.975
    assert abs(total[2] - total[1]) / total[0] < 0.02 and logged_in / total[0] > total[2] / total[0] + 0.05
    assert 0.02 < total[1] / total[0] - counted < 0.05
    assert (table["sick_hours"] > 0).sum() == 4                   # the agents with a sick day, printed
    counted_in = intraday.adherence(datasets.load_agent_states(), sick_days="count")
    sick = table.index[table["sick_hours"] > 0]
    assert ", ".join(f"{m} {dutch.percent(counted_in.loc[m, 'adherence'])}" for m in sick) in printed
    assert (counted_in.loc[sick, "adherence"] < 0.75).all()       # "lijken dan slecht te presteren"


def test_one_agent_fewer_with_erlang_directly(day, printed):
    peak, quiet = day["forecast_calls"].idxmax(), day["forecast_calls"].idxmin()
    total = day["forecast_calls"].sum()
    drops = {}
    for model, patience in (("Erlang C", None), ("Erlang A", PATIENCE)):
        for moment in (peak, quiet):
            calls, n = day.loc[moment, "forecast_calls"], int(day.loc[moment, "agents_needed"])
            traffic = calls * AHT / 900
            with_all = erlang.service_level(n, traffic, AHT, 20, patience=patience)
            one_fewer = erlang.service_level(n - 1, traffic, AHT, 20, patience=patience)
            drops[model, moment] = (with_all - one_fewer, calls * (with_all - one_fewer))
            line = _row(printed, f"{model}, {moment:%H:%M}")
            assert dutch.percent(with_all) in line and dutch.percent(one_fewer) in line
            table = intraday.one_agent_fewer(day["forecast_calls"], AHT, day["agents_needed"], patience=patience)
            assert table.loc[moment, "day_drop"] == pytest.approx(calls * (with_all - one_fewer) / total)
        # the text: the quarter's drop is larger in the quiet quarter, the calls late are more in the peak
        assert drops[model, quiet][0] > drops[model, peak][0]
        assert drops[model, peak][1] > drops[model, quiet][1]
    for moment in (peak, quiet):                                      # Erlang A gives smaller differences
        assert drops["Erlang A", moment][0] < drops["Erlang C", moment][0]


# --------------------------------------------------------------------------- 4 · reforecast

def test_reforecast_of_the_day_by_hand(rows, printed):
    for hours in (1, 2, 4):
        k = 4 * hours
        factor = sum(r["offered"] for r in rows[:k]) / sum(r["forecast"] for r in rows[:k])
        rest_forecast = sum(r["forecast"] for r in rows[k:])
        rest_actual = sum(r["offered"] for r in rows[k:])
        rescaled, damped = rest_forecast * factor, rest_forecast * (1 + 0.5 * (factor - 1))
        line = _row(printed, f"{hours}  ", dutch.number(factor, 2))
        for value in (rest_forecast, rescaled, damped, rest_actual):
            assert dutch.number(value, 0) in line, (hours, value, line)
        assert factor > 1 and abs(rescaled - rest_actual) < abs(rest_forecast - rest_actual)   # the text


def test_the_wape_level_of_notebook_06_is_quoted_right(markdown):
    """08 says 06's WAPE per kwartier is about 16 %: 06's stored output for its profile forecast."""
    nb06 = json.loads((ROOT / "notebooks" / "06_forecast_rooster.ipynb").read_text(encoding="utf-8"))
    text = "".join("".join(o.get("text", "")) for c in nb06["cells"] for o in c.get("outputs", []))
    line = next(row for row in text.splitlines() if row.startswith("Profiel (8 weken)"))
    value = float(line.split("WAPE")[1].split("%")[0].replace(",", "."))
    assert f"(daar ongeveer {round(value)} %)" in markdown


def test_reforecast_reliability_day_by_day():
    """WAPE over the year computed per day in a loop, with intraday.reforecast on each day."""
    year = datasets.load_intervals()
    table = intraday.reforecast_reliability(year, hours=(1, 2, 4), damping=0.5)
    open_days = year[year["is_open"]].groupby(year[year["is_open"]].index.normalize())
    for hours in (1, 2, 4):
        k = 4 * hours
        err = {"forecast": 0.0, "rescaled": 0.0, "damped": 0.0}
        volume = 0.0
        days = 0
        for _, one in open_days:
            f, a = one["forecast_calls"].to_numpy(), one["calls_offered"].to_numpy(float)
            if f[:k].sum() <= 0 or f[k:].sum() <= 0:
                continue
            days += 1
            actual = a[k:].sum()
            volume += actual
            err["forecast"] += abs(f[k:].sum() - actual)
            series = one["forecast_calls"]
            err["rescaled"] += abs(intraday.reforecast(series, a, hours).sum() - actual)
            err["damped"] += abs(intraday.reforecast(series, a, hours, damping=0.5).sum() - actual)
        assert table.loc[hours, "days"] == days
        for name in err:
            assert table.loc[hours, f"wape_{name}"] == pytest.approx(err[name] / volume)
    # the three lessons the text draws
    assert table.loc[1, "wape_rescaled"] >= table.loc[1, "wape_forecast"]
    assert table.loc[1, "wape_damped"] < table.loc[1, "wape_forecast"]
    assert table.loc[2, "wape_rescaled"] < table.loc[2, "wape_forecast"]
    assert table.loc[4, "wape_rescaled"] == table.loc[4].drop("days").min()


# --------------------------------------------------------------------------- 5 · interventions

def _day_level(calls, agents, patience=PATIENCE):
    """Volume-weighted Erlang A service level of a day, quarter by quarter with erlang.service_level."""
    levels = [erlang.service_level(int(n), c * AHT / 900, AHT, 20, patience=patience) if c > 0 else 1.0
              for c, n in zip(calls, agents)]
    return sum(c * s for c, s in zip(calls, levels)) / sum(calls)


def test_interventions_by_erlang_directly(rows, printed):
    calls = np.array([r["offered"] for r in rows], float)
    agents = np.array([r["staffed"] for r in rows])
    hour = np.array([r["hour"] for r in rows])
    before = _day_level(calls, agents)
    assert f"service level van de dag {dutch.percent(before)}" in printed
    waiting = np.array([1 - erlang.service_level(int(n), c * AHT / 900, AHT, control_room.CALLBACK_AFTER,
                                                 patience=PATIENCE) for c, n in zip(calls, agents)])
    peak = np.where((hour >= 10) & (hour < 16), waiting, 0.0)
    moved = calls * peak * 0.4
    evening = hour >= 18
    callback = -moved + np.where(evening, moved.sum() / evening.sum(), 0.0)
    rate, premium = control_room.HOURLY_COST, control_room.OVERTIME_RATE
    # the callbacks are served by the evening's rostered agents: counted once, in the evening's service level
    # name: (agents added, calls changed, extra paid hours, euro per paid hour, postponed hours, chat backlog hours)
    cases = {
        dutch.LABELS["move_training"]: (np.where(hour == 10, 3, np.where(hour == 19, -3, 0)), 0.0, 0.0, 0, 0.0, 0.0),
        dutch.LABELS["cancel_coaching"]: (np.where(hour == 14, 2, 0), 0.0, 0.0, 0, 2.0, 0.0),
        dutch.LABELS["overtime"] + " (2": (np.where(hour == 11, 2, 0), 0.0, 2.0, rate * premium, 0.0, 0.0),
        dutch.LABELS["overtime"] + " (3": (np.where(hour == 10, 3, 0), 0.0, 3.0, rate * premium, 0.0, 0.0),
        dutch.LABELS["voluntary_time_off"]: (np.where(hour >= 17, -1, 0), 0.0, -3.0, rate, 0.0, 0.0),
        dutch.LABELS["move_from_chat"]: (np.where(hour == 11, 2, 0), 0.0, 0.0, 0, 0.0, 2.0),
        dutch.LABELS["ivr_message"]: (0, np.where((hour >= 9) & (hour < 12), -calls * 0.2 * 0.5, 0.0), 0.0, 0, 0.0,
                                      0.0),
        dutch.LABELS["callback"]: (0, callback, 0.0, rate, 0.0, 0.0),
    }
    change = {}
    for name, (extra, call_change, paid, euro, postponed, backlog) in cases.items():
        after = _day_level(calls + call_change, agents + extra)
        change[name] = 100 * (after - before)
        lines = [line for line in printed.splitlines() if line.startswith(name)]
        assert len(lines) == 5, (name, lines)   # uren + uitgesteld, werkvoorraad, service level, verschil, kosten
        assert lines[0].split()[-2:] == [dutch.number(paid, 2), dutch.number(postponed, 1)], (name, lines)
        assert lines[1].split()[-1] == dutch.number(backlog, 1), (name, lines)
        assert lines[2].rstrip().endswith(dutch.percent(after)), (name, after, lines)
        assert lines[4].split()[-1] == dutch.number(paid * euro, 0), (name, lines)
    # what the text says about them
    label = dutch.LABELS
    assert max(change, key=change.get) == label["ivr_message"]
    assert round(change[label["overtime"] + " (2"], 1) == round(change[label["move_from_chat"]], 1)
    assert change[label["move_training"]] < change[label["overtime"] + " (3"]      # "minder dan drie mensen overwerk"
    assert change[label["callback"]] > 0 and change[label["voluntary_time_off"]] < 0
    assert 0 < change[label["move_training"]] < change[label["move_from_chat"]] * 3 / 2


def test_the_exercise_situations_in_the_questions_match_the_module(markdown):
    s, r = ex08.OUTAGE_4, ex08.RECOVERY_5
    assert f"AHT {s['aht']:.0f} seconden" in markdown and f"{s['calls']:.0f} gesprekken bij {s['agents']}" in markdown
    assert s["cause_share"] == 0.25 and "Een kwart van de bellers" in markdown
    assert s["drop_share"] == 0.5 and "de helft van de bellers over de storing ophangt" in markdown
    assert s["from_chat"] == 2 and "Twee medewerkers van de chat" in markdown
    assert f"{dutch.number(r['offered_so_far'], 0)} gesprekken aangeboden, waarvan " \
           f"{r['answered_in_time_so_far']} op tijd" in markdown
    assert f"({dutch.percent(r['answered_in_time_so_far'] / r['offered_so_far'], 0)})" in markdown
    assert f"nog {r['remaining_forecast']} gesprekken" in markdown
    assert f"norm voor de dag is {dutch.percent(r['target'], 0)[:-2]} %" in markdown


# --------------------------------------------------------------------------- 7-8 · the control room and the evaluation

def test_the_replayed_day_adds_up(printed):
    game = datasets.game_day()
    start = control_room.new_day(game["forecast_calls"], game["agents_needed"], seed=3, scenario="campaign")
    choices = {3: (control_room.Action("cancel_coaching"), control_room.Action("callback"),
                   control_room.Action("overtime", agents=3)),
               4: (control_room.Action("move_from_chat", agents=2),)}
    played = control_room.play(start, lambda s: choices.get(s.hour, ()))
    results = played.results
    offered = sum(r["offered"] for r in results)
    in_time = sum(r["answered_in_time"] for r in results)
    callbacks = sum(r["callbacks"] for r in results)
    cost = (3 + callbacks * played.day.aht / 3600) * control_room.OVERTIME_RATE * control_room.HOURLY_COST
    day = control_room.evaluate_day(played)
    assert day["service_level"] == pytest.approx(in_time / offered)
    assert day["cost"] == pytest.approx(cost)
    table = control_room.references(played)
    learner = _row(printed, "jij ")
    assert dutch.percent(in_time / offered) in learner
    assert learner.split()[-1] == dutch.number(cost, 0)
    # the text: doing nothing ends far below the norm; the learner's day between the two, cheaper than the playbook
    assert table.loc["do_nothing", "service_level"] < TARGET - 0.1
    assert table.loc["do_nothing", "service_level"] < day["service_level"] < table.loc["playbook", "service_level"]
    assert day["cost"] < table.loc["playbook", "cost"]
    # the text: the playbook misses the norm and the abandonment limit too
    assert table.loc["playbook", "service_level"] < TARGET
    assert table.loc["playbook", "abandonment"] > control_room.MAX_ABANDONMENT
    assert f"het draaiboek haalt {dutch.percent(table.loc['playbook', 'service_level'])}" in printed
    # the chart's story: from 10:00 more calls than forecast, the service level so far drops in the campaign's
    # first hour far below the norm and stays about there
    assert all(r["offered"] > r["forecast"] for r in results[2:])
    assert results[2]["service_level_so_far"] < TARGET - 0.1
    assert abs(results[-1]["service_level_so_far"] - results[2]["service_level_so_far"]) < 0.05
    # the first hour of the view by hand: callers arriving between 08:00 and 09:00
    first = sum(1 for t in played.day.arrival if t < 3600)
    assert results[0]["offered"] == first
    # the evaluation
    back = control_room.feedback(played)
    forecast = sum(r["forecast"] for r in results)
    assert back["volume_vs_forecast"] == pytest.approx(offered / forecast)
    assert back["hours_below_target"] == sum(r["answered_in_time"] < 0.8 * r["offered"] for r in results)
    assert f"Volume t.o.v. forecast:  {dutch.number(offered / forecast, 2)}" in printed
    assert back["volume_vs_forecast"] > 1.15 and abs(back["aht_vs_plan"] - 1) < 0.05      # the text


def test_the_rules_printed_are_the_packages(printed):
    # the surprise is not told before the game: neither the start hour nor the uplift
    before_game = printed.split("[de controlekamer")[0]
    assert dutch.percent(control_room.CAMPAIGN_UPLIFT, 0) + " meer" not in before_game
    assert f"vanaf {control_room.CAMPAIGN_FROM}:00" not in before_game
    assert f"Vrijwillig eerder naar huis: vanaf {control_room.TIME_OFF_FROM}:00" in printed
    assert control_room.TRAINING == (10, 3) and control_room.COACHING == (14, 2)   # the table of section 5
