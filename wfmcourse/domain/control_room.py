"""The control room (de controlekamer): a seeded day of calls the learner steers hour by hour.

:func:`new_day` draws every caller of the day once (arrival, handle time, patience, and two uniform
numbers for the IVR message and the callback offer) from ``numpy.random.default_rng(seed)``, with the
actual volume and AHT differing from the plan by the ``scenario``: ``"campaign"`` (an unannounced
marketing campaign: from 10:00 the volume runs ``CAMPAIGN_UPLIFT`` above forecast), ``"it_outage"`` (from
09:00 to 12:00 the AHT runs ``OUTAGE_AHT`` times the plan and extra callers ask about the outage) or
``"plain"`` (the forecast is right). :func:`step` applies the learner's actions and simulates the next
hour contact by contact with the package's FCFS queue with abandonment
(:func:`wfmcourse.domain.simulation.fcfs_queue`). The state is an immutable dataclass: the same seed and
the same actions give the same day. :func:`evaluate_day` sums the day up; :func:`play` replays a policy
(``do_nothing`` or ``playbook_policy``) from the start.

Actions (each a :class:`Action`, ``agents`` where it applies):

* ``overtime``: ``agents`` extra for one hour, from the next hour on (one hour notice). Typically a shift
  extension for agents already present; the premium depends on the cao (``OVERTIME_RATE``, a parameter);
* ``move_training``: the training block in the peak (``TRAINING``) moves to the last hour of the day;
  once, and only before it starts;
* ``cancel_coaching``: the coaching block (``COACHING``) is cancelled, its agents take calls; before it starts;
* ``voluntary_time_off``: ``agents`` go home from this hour on, for the rest of the day; only in the quiet
  evening hours (from ``TIME_OFF_FROM``:00, so at most the rest of a shift that ends at closing) and never
  leaving fewer than one agent on the phones in an open interval;
* ``move_from_chat``: ``agents`` (at most ``CHAT_TEAM``) from live chat take calls for this hour;
* ``ivr_message``: from this hour on, ``IVR_DROP`` of the callers about a known cause hang up after the
  message (they do not count as offered). Only the IT outage has a known cause (the outage, from
  ``OUTAGE_HOURS[0]``); the unannounced campaign has nothing to announce, so the message changes nothing there;
* ``callback``: from this hour on, a caller who has waited ``CALLBACK_AFTER`` seconds is offered a callback;
  ``CALLBACK_ACCEPT`` accept and leave the queue. They count as offered but not as answered in time.

The cost model (one rule, :func:`action_costs` is its table and :func:`evaluate_day` charges it): the cost
of an action is the extra paid agent hours times the rate; work that is moved or postponed costs no money
and is shown in hours, not euro:

* overtime: ``agents`` x 1 hour x ``HOURLY_COST`` x ``OVERTIME_RATE`` (paid);
* callback: the callers who accepted are called back after the last hour, outside the roster (the last
  hour's agents are planned for that hour's own calls), so their handle time (planned AHT each) is a shift
  extension like overtime: extra paid hours at ``HOURLY_COST`` x ``OVERTIME_RATE`` (one rule for work after
  the roster). The callbacks are not put on the roster's agents as well: counted once, as paid hours;
* voluntary time off: the agent hours sent home (at most the rest of the day from ``TIME_OFF_FROM``:00),
  times ``HOURLY_COST`` x ``time_off_saving``, saved.
  It saves money only when those hours are not paid: unpaid leave, flex or min-max contracts
  (``TIME_OFF_SAVING = 1``, the game's assumption). With fixed contracts the hours are paid anyway
  (``time_off_saving=0``);
* cancel coaching: no money; the coaching agent hours are postponed (``postponed_hours``: the coaching must be
  held another day);
* move training: no money and nothing postponed: the training is held in the last hour (its agents leave the
  phones then, which the simulation counts);
* move from chat: no money; the agent hours are taken from live chat (``chat_hours_taken``): chat is
  synchronous, so they lower the chat service level and raise chat abandonment (notebook 05), not a backlog;
* IVR message: no money, no hours.

The playbook (:func:`playbook_policy`, the draaiboek the notebook shows) is the table
:data:`POLICY_THRESHOLDS` read on :func:`signals`: cheap, reversible actions on live signals of the last
hour (the longest wait) but only while the service level so far is below target (the longest wait is a
maximum over some 200 callers and is often long by chance), the costly ones on the trend (workload against
plan two hours in a row), time off only in the evening when the service level so far is far above target
and the volume below forecast. On the campaign and the outage it
beats every zero-cost play (tests/test_control_room.py checks it): the zero-cost means (IVR, coaching,
training, chat) are limited, and the playbook uses them too.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from wfmcourse.domain import hiring, simulation
from wfmcourse.validation import (
    choice,
    instance,
    one_dimensional,
    scalar,
    series,
    type_error,
    value_error,
    whole,
)

__all__ = ["SCENARIOS", "ACTIONS", "Action", "Day", "State", "new_day", "step", "view", "evaluate_day",
           "feedback", "do_nothing", "playbook_policy", "play", "references", "action_costs", "signals",
           "POLICY_THRESHOLDS"]

SCENARIOS = ("campaign", "it_outage", "plain")
ACTIONS = ("overtime", "move_training", "cancel_coaching", "voluntary_time_off", "move_from_chat",
           "ivr_message", "callback")

CAMPAIGN_UPLIFT = 0.30        # campaign: actual volume from 10:00 is 1.30 x forecast
CAMPAIGN_FROM = 10            # hour of the day
OUTAGE_AHT = 1.4              # IT outage: AHT x 1.4 from 09:00 to 12:00
OUTAGE_HOURS = (9, 12)
OUTAGE_CALLERS = 0.15         # and 15 % extra callers about the outage
IVR_DROP = 0.5                # share of the callers about the cause who hang up after the IVR message
CALLBACK_AFTER = 60.0         # seconds waited before the callback offer
AWT = 20.0                    # seconds: the service-level threshold (80/20)
CALLBACK_ACCEPT = 0.4         # share of offered callers who accept
TRAINING = (10, 3)            # training block: hour of the day and agents (in the plan, off the phones)
COACHING = (14, 2)            # coaching block: hour of the day and agents
# KlantDirect's one set of hourly costs, the year plan's (hiring.Costs): wages without overhead, the cost that
# changes when an agent works an hour more or less
HOURLY_COST = hiring.Costs().fte_hour_cost                              # euro per agent hour
OVERTIME_RATE = hiring.Costs().overtime_hour_cost / HOURLY_COST         # 1.5: the premium depends on the cao
MAX_ABANDONMENT = 0.05        # the day's limit on the abandonment rate (shown beside the day's outcome)
TIME_OFF_FROM = 17            # hour of the day from which voluntary time off is possible (the quiet evening)
TIME_OFF_SAVING = 1.0         # share of HOURLY_COST saved per hour sent home: 1 = unpaid (leave, flex, min-max
#                               contract, the game's assumption); 0 = fixed contract, the hours are paid anyway
CHAT_TEAM = 3                 # agents on live chat who can take calls (per hour)
CHAT_HOURS_MAX = 6.0          # agent hours a day chat can give up (more: the chat service level is lost)
OVERTIME_STEP = 0.10          # the playbook calls one overtime agent per 10 % workload above plan

#: The playbook's thresholds (one row per condition; an action fires when all its rows hold on
#: :func:`signals` at the start of an hour). Cheap, reversible actions on live signals of the last hour
#: (longest wait) while the service level so far is below target, the rest on the trend (workload against plan
#: two hours in a row), time off only in the evening when the service level is far above target and the volume
#: below forecast (occupancy is a consequence, not a target).
POLICY_THRESHOLDS = pd.DataFrame([
    ("ivr_message", "known_cause", ">", 0.5, "live"),
    ("move_from_chat", "longest_wait", ">", 60.0, "live"),
    ("move_from_chat", "sl_so_far_above_target", "<", 0.0, "trend"),
    ("callback", "longest_wait", ">", 120.0, "live"),
    ("callback", "sl_so_far_above_target", "<", 0.0, "trend"),
    ("move_training", "workload_vs_plan_two_hours", ">", 1.05, "trend"),
    ("cancel_coaching", "workload_vs_plan_two_hours", ">", 1.05, "trend"),
    ("overtime", "workload_vs_plan_two_hours", ">", 1.10, "trend"),
    ("voluntary_time_off", "hour_of_day", ">", TIME_OFF_FROM - 0.5, "trend"),
    ("voluntary_time_off", "sl_so_far_above_target", ">", 0.10, "trend"),
    ("voluntary_time_off", "volume_vs_forecast_so_far", "<", 0.90, "trend"),
], columns=["action", "signal", "comparison", "threshold", "signal_basis"])


@dataclass(frozen=True)
class Action:
    """One intervention: ``name`` from :data:`ACTIONS`, ``agents`` for overtime, time off and moves."""

    name: str
    agents: int = 1

    def __post_init__(self):
        choice("name", self.name, ACTIONS)
        whole("agents", self.agents, low=1)


@dataclass(frozen=True)
class Day:
    """The fixed part of a game day: the plan and every caller, drawn once by :func:`new_day`."""

    seed: int
    scenario: str
    start: pd.Timestamp                 # opening time
    interval: float                     # seconds
    forecast: tuple                     # forecast calls per interval
    planned_agents: tuple               # agents on the phones per interval in the roster
    aht: float                          # planned AHT (seconds)
    arrival: tuple                      # seconds from opening, sorted
    handle: tuple
    patience: tuple
    cause: tuple                        # True for a caller about the scenario's cause
    u_ivr: tuple
    u_callback: tuple

    @property
    def hours(self) -> int:
        """Opening hours of the day."""
        return int(len(self.forecast) * self.interval // 3600)


@dataclass(frozen=True)
class State:
    """Where the day stands: ``hour`` hours simulated, the staffing plan now, what was used and the results.

    ``results`` holds one dict per simulated hour (the monitoring view of :func:`view`).
    """

    day: Day
    hour: int = 0
    agents: tuple = ()
    training_moved: bool = False
    coaching_cancelled: bool = False
    ivr_from: int | None = None
    callback_from: int | None = None
    overtime_hours: float = 0.0
    saved_hours: float = 0.0
    chat_hours_taken: float = 0.0
    postponed_hours: float = 0.0
    actions: tuple = ()
    results: tuple = field(default_factory=tuple)


def _block(day, at_hour, agents):
    per_hour = int(3600 // day.interval)
    k = int((at_hour - day.start.hour) * per_hour)
    return range(k, k + per_hour), agents


def new_day(forecast, agents, *, seed=1, scenario="campaign", aht=300.0, patience=180.0) -> State:
    """A new game day: ``forecast`` calls and ``agents`` on the phones per interval (Series on the day's time
    index, from opening), the roster's training and coaching blocks taken off the phones.

    The callers are drawn from ``numpy.random.default_rng(seed)``: per interval a Poisson number with mean
    forecast x the scenario's factor, arrival times uniform in the interval, handle times exponential with
    mean ``aht`` (x ``OUTAGE_AHT`` in the outage hours), patience exponential with mean ``patience``.
    """
    f = series("forecast", forecast, index=pd.DatetimeIndex)
    values = one_dimensional("forecast", f, scalar_ok=False)
    n = one_dimensional("agents", agents, integer=True, scalar_ok=False)
    if n.size != values.size:
        raise value_error("agents", agents, "shape", f"have one value per forecast interval ({values.size})")
    seed = whole("seed", seed, low=0)
    scenario = choice("scenario", scenario, SCENARIOS)
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    p = scalar("patience", patience, low=0.0, low_inclusive=False)
    interval = float((f.index[1] - f.index[0]).total_seconds()) if len(f) > 1 else 900.0
    if len(f) < 2 or np.any(np.diff(f.index.asi8) != np.diff(f.index.asi8)[0]) or 3600 % interval:
        raise value_error("forecast", forecast, "index", "have a regular time index of at least two intervals "
                          "that divide an hour")
    hour_of = f.index.hour.to_numpy()
    factor = np.ones(values.size)
    cause_share = np.zeros(values.size)
    outage = (hour_of >= OUTAGE_HOURS[0]) & (hour_of < OUTAGE_HOURS[1])
    if scenario == "campaign":       # no known cause to announce: cause_share stays 0
        factor = np.where(hour_of >= CAMPAIGN_FROM, 1 + CAMPAIGN_UPLIFT, 1.0)
    elif scenario == "it_outage":
        factor = np.where(outage, 1 + OUTAGE_CALLERS, 1.0)
        cause_share = (factor - 1) / factor
    rng = np.random.default_rng(seed)
    counts = rng.poisson(values * factor)
    which = np.repeat(np.arange(values.size), counts)
    arrival = (which + rng.random(which.size)) * interval
    order = np.argsort(arrival, kind="stable")
    arrival, which = arrival[order], which[order]
    mean_handle = np.where(outage[which], OUTAGE_AHT * h, h) if scenario == "it_outage" else np.full(which.size, h)
    handle = rng.exponential(1.0, which.size) * mean_handle
    give_up = rng.exponential(p, which.size)
    cause = rng.random(which.size) < cause_share[which]
    u_ivr, u_callback = rng.random(which.size), rng.random(which.size)
    day = Day(seed, scenario, f.index[0], interval, tuple(values.tolist()), tuple(int(x) for x in n), h,
              tuple(arrival.tolist()), tuple(handle.tolist()), tuple(give_up.tolist()), tuple(cause.tolist()),
              tuple(u_ivr.tolist()), tuple(u_callback.tolist()))
    for at, k in (TRAINING, COACHING):
        rows, _ = _block(day, at, k)
        if rows[0] < 0 or rows[-1] >= values.size - int(3600 // interval):
            raise value_error("forecast", forecast, "inconsistent",
                              f"cover the training ({TRAINING[0]}:00) and coaching ({COACHING[0]}:00) hours and "
                              "an hour after them")
    start = _start(day)
    if min(start.agents) < 0:
        raise value_error("agents", agents, "too_small", "leave room for the training and coaching blocks")
    return start


def _start(day):
    """The state at opening: the roster's agents minus the training and coaching blocks."""
    plan = np.asarray(day.planned_agents, dtype=np.int64).copy()
    for at, k in (TRAINING, COACHING):
        rows, _ = _block(day, at, k)
        plan[list(rows)] -= k
    return State(day=day, agents=tuple(int(x) for x in plan))


def _apply(state, action):
    day, per_hour = state.day, int(3600 // state.day.interval)
    agents = list(state.agents)
    now = state.hour * per_hour
    name, k = action.name, action.agents
    if name == "overtime":
        start = now + per_hour
        if start >= len(agents):
            raise value_error("actions", action, "no_notice", "leave an hour after the notice for overtime")
        for i in range(start, start + per_hour):
            agents[i] += k
        return replace(state, agents=tuple(agents), overtime_hours=state.overtime_hours + k)
    if name in ("move_training", "cancel_coaching"):
        done = state.training_moved if name == "move_training" else state.coaching_cancelled
        rows, size = _block(day, *(TRAINING if name == "move_training" else COACHING))
        if done:
            raise value_error("actions", action, "used_twice", "be used once (" + name + ")")
        if rows[0] < now:
            raise value_error("actions", action, "already_started", "be used before the block starts (" + name + ")")
        for i in rows:
            agents[i] += size
        if name == "move_training":      # held in the last hour: moved, not postponed
            for i in range(len(agents) - per_hour, len(agents)):
                agents[i] = max(agents[i] - size, 0)
            return replace(state, agents=tuple(agents), training_moved=True)
        postponed = state.postponed_hours + size * len(rows) / per_hour
        return replace(state, agents=tuple(agents), coaching_cancelled=True, postponed_hours=postponed)
    if name == "voluntary_time_off":
        if day.start.hour + state.hour < TIME_OFF_FROM:
            raise value_error("actions", action, "quiet_hours", f"be from {TIME_OFF_FROM}:00 (the quiet evening)")
        rest = range(now, len(agents))
        if any(agents[i] - k < 1 for i in rest):
            raise value_error("actions", action, "too_large", "leave at least one agent for the rest of the day")
        for i in rest:
            agents[i] -= k
        return replace(state, agents=tuple(agents), saved_hours=state.saved_hours + k * len(rest) / per_hour)
    if name == "move_from_chat":
        if k > CHAT_TEAM or state.chat_hours_taken + k > CHAT_HOURS_MAX:
            raise value_error("actions", action, "team_size", f"move at most CHAT_TEAM = {CHAT_TEAM} agents "
                              f"an hour and CHAT_HOURS_MAX = {CHAT_HOURS_MAX:g} agent hours a day from chat")
        for i in range(now, now + per_hour):
            agents[i] += k
        return replace(state, agents=tuple(agents), chat_hours_taken=state.chat_hours_taken + k)
    if name == "ivr_message":
        return state if state.ivr_from is not None else replace(state, ivr_from=state.hour)
    return state if state.callback_from is not None else replace(state, callback_from=state.hour)


def _simulate(state, until):
    """Wait, answered and callback flags of every caller arriving before ``until`` seconds, under ``state``."""
    day = state.day
    arrival = np.asarray(day.arrival)
    m = int(np.searchsorted(arrival, until))
    arrival = arrival[:m]
    handle = np.asarray(day.handle)[:m]
    patience = np.asarray(day.patience)[:m].copy()
    hour = arrival // 3600
    present = np.ones(m, bool)
    if state.ivr_from is not None:
        present &= ~((hour >= state.ivr_from) & np.asarray(day.cause)[:m] & (np.asarray(day.u_ivr)[:m] < IVR_DROP))
    accepts = np.zeros(m, bool)
    if state.callback_from is not None:
        accepts = (hour >= state.callback_from) & (np.asarray(day.u_callback)[:m] < CALLBACK_ACCEPT)
        accepts &= patience > CALLBACK_AFTER
        patience[accepts] = CALLBACK_AFTER
    keep = np.flatnonzero(present)
    wait = np.zeros(m)
    answered = np.zeros(m, bool)
    if keep.size:
        w, a = simulation.fcfs_queue(arrival[keep], handle[keep], patience[keep],
                                     np.asarray(state.agents, dtype=np.int64), day.interval,
                                     np.random.default_rng(day.seed + 1))
        wait[keep], answered[keep] = w, a
    callback = accepts & present & ~answered
    return arrival, handle, wait, answered, present, callback


def step(state, actions=()) -> State:
    """Apply ``actions`` (a sequence of :class:`Action`) and simulate the next hour; a new :class:`State`.

    The hour's row of results counts the callers who arrived in it. A caller still waiting when the hour
    ends gets the outcome the staffing planned at this step gives them (a later action does not rewrite
    a reported hour). ``service_level_so_far`` = answered in time over offered over the reported hours.
    """
    instance("state", state, State, "a State from new_day")
    if isinstance(actions, Action):
        actions = (actions,)
    if not isinstance(actions, (tuple, list)):
        raise type_error("actions", actions, "a list of Action")
    if state.hour >= state.day.hours:
        raise value_error("state", state, "inconsistent", "be a day that is not over yet")
    for action in actions:
        instance("actions", action, Action, "a list of Action")
        state = _apply(state, action)
    start, end = state.hour * 3600.0, (state.hour + 1) * 3600.0
    arrival, handle, wait, answered, present, callback = _simulate(state, end)
    now = arrival >= start
    offered = now & present
    in_time = offered & answered & (wait <= AWT)
    clock = state.day.start + pd.Timedelta(seconds=start)
    plan = np.asarray(state.day.forecast)
    per_hour = int(3600 // state.day.interval)
    # queue at the end of the hour: callers present and still waiting at ``end``
    queue = int(np.sum(present & (arrival + wait > end)))
    result = {
        "hour_start": clock,
        "forecast": float(plan[state.hour * per_hour:(state.hour + 1) * per_hour].sum()),
        "offered": int(offered.sum()),
        "answered": int((offered & answered).sum()),
        "answered_in_time": int(in_time.sum()),
        "abandoned": int((offered & ~answered & ~callback).sum()),
        "callbacks": int((offered & callback).sum()),
        "asa": float(wait[offered & answered].mean()) if (offered & answered).any() else 0.0,
        "longest_wait": float(wait[offered].max()) if offered.any() else 0.0,
        "queue": queue,
        "agents": int(round(np.mean(state.agents[state.hour * per_hour:(state.hour + 1) * per_hour]))),
        "aht": float(handle[offered & answered].mean()) if (offered & answered).any() else 0.0,
    }
    offered_so_far = sum(r["offered"] for r in state.results) + result["offered"]
    in_time_so_far = sum(r["answered_in_time"] for r in state.results) + result["answered_in_time"]
    result["service_level_so_far"] = in_time_so_far / offered_so_far if offered_so_far else 1.0
    return replace(state, hour=state.hour + 1, actions=state.actions + (tuple(actions),),
                   results=state.results + (result,))


def view(state) -> pd.DataFrame:
    """The monitoring view: one row per simulated hour (index ``hour_start``), forecast next to actual."""
    instance("state", state, State, "a State from new_day")
    columns = ["forecast", "offered", "answered", "answered_in_time", "abandoned", "callbacks", "asa",
               "longest_wait", "queue", "agents", "aht", "service_level_so_far"]
    if not state.results:
        return pd.DataFrame(columns=columns, index=pd.DatetimeIndex([], name="hour_start"))
    return pd.DataFrame(list(state.results)).set_index("hour_start")[columns]


def action_costs(*, hourly_cost=HOURLY_COST, overtime_rate=OVERTIME_RATE,
                 time_off_saving=TIME_OFF_SAVING) -> pd.DataFrame:
    """The cost model, one row per action (index ``action``, the order of :data:`ACTIONS`): ``euro_per_hour``
    is what one agent hour of the action costs in euro (negative: saved) and ``kind_of_hours`` what those
    hours are: ``"extra_paid"`` (extra paid hours after the roster: overtime and callback work, both at
    ``hourly_cost`` x ``overtime_rate``), ``"sent_home"`` (time off: -``hourly_cost`` x ``time_off_saving``; 0 with
    fixed contracts), ``"postponed"`` (coaching: 0 euro), ``"moved"`` (the training, held in the last hour:
    0 euro, no hours), ``"from_chat"`` (0 euro) or ``"no_hours"``
    (the IVR message). :func:`evaluate_day` charges exactly these rates."""
    rate = scalar("hourly_cost", hourly_cost, low=0.0)
    premium = scalar("overtime_rate", overtime_rate, low=1.0)
    saving = scalar("time_off_saving", time_off_saving, low=0.0, high=1.0)
    rows = {"overtime": (rate * premium, "extra_paid"), "move_training": (0.0, "moved"),
            "cancel_coaching": (0.0, "postponed"), "voluntary_time_off": (-rate * saving, "sent_home"),
            "move_from_chat": (0.0, "from_chat"), "ivr_message": (0.0, "no_hours"),
            "callback": (rate * premium, "extra_paid")}
    table = pd.DataFrame([rows[name] for name in ACTIONS], index=pd.Index(ACTIONS, name="action"),
                         columns=["euro_per_hour", "kind_of_hours"])
    return table


def evaluate_day(state, *, time_off_saving=TIME_OFF_SAVING) -> dict:
    """The day's outcome: volume-weighted ``service_level``, ``asa`` (s), ``abandonment``, ``abandoned``,
    ``callbacks``; the agent hours per kind: ``overtime_hours`` and ``callback_hours`` (extra paid),
    ``saved_hours`` (sent home), ``postponed_hours`` (coaching) and ``chat_hours_taken`` (taken
    from live chat); and the ``cost`` in euro = sum over actions of hours x ``euro_per_hour`` of :func:`action_costs`
    (callback hours = callbacks x planned AHT / 3600)."""
    instance("state", state, State, "a State from new_day")
    rates = action_costs(time_off_saving=time_off_saving)["euro_per_hour"]
    table = view(state)
    offered = int(table["offered"].sum())
    answered = int(table["answered"].sum())
    callback_hours = float(table["callbacks"].sum() * state.day.aht / 3600)
    cost = (state.overtime_hours * rates["overtime"] + callback_hours * rates["callback"]
            + state.saved_hours * rates["voluntary_time_off"])
    return {"hours_played": state.hour, "offered": offered,
            "service_level": float(table["answered_in_time"].sum() / offered) if offered else 1.0,
            "asa": float((table["asa"] * table["answered"]).sum() / answered) if answered else 0.0,
            "abandoned": int(table["abandoned"].sum()),
            "abandonment": float(table["abandoned"].sum() / offered) if offered else 0.0,
            "callbacks": int(table["callbacks"].sum()),
            "overtime_hours": state.overtime_hours, "callback_hours": callback_hours,
            "saved_hours": state.saved_hours, "postponed_hours": state.postponed_hours,
            "chat_hours_taken": state.chat_hours_taken, "cost": float(cost)}


def feedback(state) -> dict:
    """What goes back to forecast and planning: actual volume over forecast, actual AHT over plan, per day."""
    instance("state", state, State, "a State from new_day")
    table = view(state)
    forecast = float(table["forecast"].sum())
    answered = table["answered"].to_numpy()
    aht = float((table["aht"] * answered).sum() / answered.sum()) if answered.sum() else state.day.aht
    return {"volume_vs_forecast": float(table["offered"].sum() / forecast) if forecast else 1.0,
            "aht_vs_plan": aht / state.day.aht,
            "hours_below_target": int((table["answered_in_time"] < 0.8 * table["offered"]).sum())}


def do_nothing(state) -> tuple:
    """The reference policy that never intervenes."""
    instance("state", state, State, "a State from new_day")
    return ()


def signals(state, *, target=0.8) -> dict:
    """The signals the playbook reads at the start of the coming hour (:data:`POLICY_THRESHOLDS`), from the
    last reported hour: ``longest_wait`` (s) and ``queue`` (callers still waiting at its end), live;
    ``workload_vs_plan`` = offered x actual AHT / (forecast x planned AHT) and ``sl_above_target`` = the
    hour's service level - ``target``, the hourly trend; ``workload_vs_plan_two_hours`` = the lower workload
    ratio of the last two hours (0 after one hour: a trend needs two); ``hour_of_day`` of the coming hour;
    ``hours_played``, ``sl_so_far_above_target`` = service
    level so far - ``target`` and ``volume_vs_forecast_so_far`` = offered / forecast so far, the day's trend;
    ``known_cause`` = 1 while a cause callers ask about is
    known and running in the coming hour (the IT outage), else 0. Before the first hour: an empty dict."""
    instance("state", state, State, "a State from new_day")
    t = scalar("target", target, low=0.0, high=1.0)
    if not state.results:
        return {}
    last, day = state.results[-1], state.day
    clock = day.start.hour + state.hour

    def ratio(row):
        planned = row["forecast"] * day.aht
        return row["offered"] * (row["aht"] or day.aht) / planned if planned else 1.0

    two = min(ratio(r) for r in state.results[-2:]) if len(state.results) >= 2 else 0.0
    in_time = last["answered_in_time"] / last["offered"] if last["offered"] else 1.0
    offered = sum(r["offered"] for r in state.results)
    forecast = sum(r["forecast"] for r in state.results)
    return {"longest_wait": last["longest_wait"], "queue": float(last["queue"]),
            "workload_vs_plan": ratio(last), "workload_vs_plan_two_hours": two, "sl_above_target": in_time - t,
            "hour_of_day": float(clock),
            "hours_played": float(state.hour), "sl_so_far_above_target": last["service_level_so_far"] - t,
            "volume_vs_forecast_so_far": offered / forecast if forecast else 1.0,
            "known_cause": float(day.scenario == "it_outage" and OUTAGE_HOURS[0] <= clock < OUTAGE_HOURS[1])}


def _holds(row, value) -> bool:
    return value > row.threshold if row.comparison == ">" else value < row.threshold


def playbook_policy(state, *, target=0.8) -> tuple:
    """The playbook (draaiboek): every action whose rows of :data:`POLICY_THRESHOLDS` all hold on
    :func:`signals`, if it is still possible. Sizes: overtime one agent per ``OVERTIME_STEP`` of workload
    above plan (the lower of the last two hours; for the next hour, renewed each hour the trend holds),
    ``CHAT_TEAM`` agents from live
    chat while the day's ``CHAT_HOURS_MAX`` lasts, one agent home at a time."""
    instance("state", state, State, "a State from new_day")
    now = signals(state, target=target)
    if not now:
        return ()
    wanted = {}
    for row in POLICY_THRESHOLDS.itertuples():
        wanted[row.action] = wanted.get(row.action, True) and _holds(row, now[row.signal])
    per_hour = int(3600 // state.day.interval)
    start, last_hour = state.hour * per_hour, state.hour + 1 >= state.day.hours
    actions = []
    for name in ACTIONS:
        if not wanted.get(name, False):
            continue
        if name == "overtime" and not last_hour:
            extra = now["workload_vs_plan_two_hours"] - 1
            actions.append(Action(name, agents=max(1, int(round(extra / OVERTIME_STEP)))))
        elif name == "move_training" and not state.training_moved and _block(state.day, *TRAINING)[0][0] >= start:
            actions.append(Action(name))
        elif name == "cancel_coaching" and not state.coaching_cancelled \
                and _block(state.day, *COACHING)[0][0] >= start:
            actions.append(Action(name))
        elif name == "move_from_chat" and state.chat_hours_taken + CHAT_TEAM <= CHAT_HOURS_MAX:
            actions.append(Action(name, agents=CHAT_TEAM))
        elif name == "voluntary_time_off" and min(state.agents[start:]) > 2:
            actions.append(Action(name))
        elif name == "ivr_message" and state.ivr_from is None or name == "callback" and state.callback_from is None:
            actions.append(Action(name))
    return tuple(actions)


def references(state) -> pd.DataFrame:
    """The learner's day beside the two references played from the same opening on the same callers:
    ``do_nothing`` and ``playbook_policy``. One row per ``policy`` (``learner``, ``do_nothing``,
    ``playbook``) with the columns of :func:`evaluate_day`. The learner's day must be played to the end."""
    instance("state", state, State, "a State from new_day")
    if state.hour < state.day.hours:
        raise value_error("state", state, "inconsistent", "be a day played to the end (see play)")
    opening = _start(state.day)
    rows = {"learner": evaluate_day(state), "do_nothing": evaluate_day(play(opening, do_nothing)),
            "playbook": evaluate_day(play(opening, playbook_policy))}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "policy"
    return table


def play(state, policy) -> State:
    """Play the rest of the day from ``state``, asking ``policy(state)`` for the actions of each hour."""
    instance("state", state, State, "a State from new_day")
    if not callable(policy):
        raise type_error("policy", policy, "a function of the state")
    while state.hour < state.day.hours:
        state = step(state, policy(state))
    return state
