"""De controlekamer: a thin ipywidgets layer over :mod:`wfmcourse.domain.control_room` (notebook 08, Voilà).

The learner picks a scenario and starts the day; per hour the widget shows the monitoring view
(:func:`monitor_table`, Dutch headers from :data:`wfmcourse.presentation.dutch.LABELS`, and a chart of
volume and service level so far), the learner ticks
interventions from the playbook (each with its cost and limits, :func:`action_text`) and clicks
"Volgend uur", which calls :func:`wfmcourse.domain.control_room.step`. What the domain refuses (a training
moved twice, overtime without an hour's notice) is shown as the Dutch sentence of
:func:`wfmcourse.presentation.messages.explain`; the day does not move on. At the end
:func:`summary_table` sets the learner's day beside the two references the domain computes
(:func:`~wfmcourse.domain.control_room.references`: doing nothing and the playbook policy).

Every number shown comes from the domain; this module only formats and wires buttons.
Entry point: ``control_room_game.control_room(scenario="campaign", seed=3)`` returns the widget.
"""
from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from wfmcourse.data import datasets
from wfmcourse.domain import control_room as cr
from wfmcourse.presentation import charts, dutch, messages
from wfmcourse.validation import choice, instance, whole

__all__ = ["SCENARIO_NAMES", "ACTION_NAMES", "ControlRoom", "control_room", "action_text", "monitor_table",
           "summary_table", "status_text"]

#: scenario -> what the learner reads in the drop-down
SCENARIO_NAMES = {
    "campaign": "Onaangekondigde marketingactie",
    "it_outage": "IT-storing",
    "plain": "Gewone dag",
}

#: action -> its Dutch name on the check box (the label of dutch.LABELS with a capital)
ACTION_NAMES = {name: dutch.LABELS[name][:1].upper() + dutch.LABELS[name][1:] for name in cr.ACTIONS}

_WITH_AGENTS = ("overtime", "voluntary_time_off", "move_from_chat")

_MONITOR_COLUMNS = ["forecast", "offered", "answered_in_time", "abandoned", "callbacks", "asa", "longest_wait",
                    "queue", "agents", "aht", "service_level_so_far"]
_SUMMARY_COLUMNS = ["service_level", "asa", "abandoned", "abandonment", "callbacks", "overtime_hours",
                    "callback_hours", "saved_hours", "cost", "postponed_hours", "chat_hours_taken"]


def _euro(amount) -> str:
    return f"€ {dutch.number(amount, 2)}"


def action_text(name) -> str:
    """The Dutch line next to an intervention: what it does, what it costs (the rates of
    :func:`wfmcourse.domain.control_room.action_costs`: euro for extra paid hours, hours for postponed work and
    backlog) and its limits."""
    name = choice("name", name, cr.ACTIONS)
    rate = cr.action_costs()["euro_per_hour"]
    if name == "overtime":
        return (f"extra medewerkers voor één uur, vanaf het volgende uur (een uur vooraankondiging; niet in het "
                "laatste uur). Meestal een dienstverlenging van wie er al is; de toeslag hangt af van de cao: hier "
                f"{dutch.short(cr.OVERTIME_RATE)} × {_euro(cr.HOURLY_COST)} = {_euro(rate[name])} per medewerker "
                "per uur.")
    if name == "move_training":
        return (f"de training van {cr.TRAINING[0]}:00 ({cr.TRAINING[1]} medewerkers) gaat naar het laatste uur "
                f"van de dag. Eén keer, en alleen voordat hij begint. Kost {_euro(rate[name])}; de training gaat "
                f"door, maar dan missen er {cr.TRAINING[1]} medewerkers in het laatste uur.")
    if name == "cancel_coaching":
        return (f"de coaching van {cr.COACHING[0]}:00 ({cr.COACHING[1]} medewerkers) vervalt; zij nemen "
                f"gesprekken aan. Alleen voordat hij begint. Kost {_euro(rate[name])}; {cr.COACHING[1]} "
                "coachinguren uitgesteld naar een andere dag.")
    if name == "voluntary_time_off":
        return (f"medewerkers gaan vanaf dit uur naar huis, de rest van de dag; pas vanaf {cr.TIME_OFF_FROM}:00 "
                "(de rustige avond), en er blijft altijd minstens 1 medewerker aan de telefoon. Bespaart alleen geld "
                "als die uren niet betaald worden (onbetaald verlof, flex- of min-maxcontract): hier "
                f"{_euro(-rate[name])} per medewerker per uur, in de tabel als negatieve kosten. Met een vast "
                "contract bespaart het niets.")
    if name == "move_from_chat":
        return (f"hoogstens {cr.CHAT_TEAM} medewerkers van de chat nemen dit uur gesprekken aan, op een dag "
                f"samen hoogstens {dutch.short(cr.CHAT_HOURS_MAX)} medewerkeruren. Kost {_euro(rate[name])}, maar "
                "elk uur weg van de chat laat het service level van de chat dalen en meer chatklanten afhaken.")
    if name == "ivr_message":
        return (f"vanaf dit uur hangt {dutch.percent(cr.IVR_DROP, 0)} van de bellers over een bekende oorzaak "
                "(zoals een storing) op na de melding. Bij een onaangekondigde actie is er niets bekends te melden. "
                "Kost niets; eenmaal aan blijft hij aan.")
    return (f"vanaf dit uur krijgt wie {dutch.short(cr.CALLBACK_AFTER)} s wacht terugbellen aangeboden; "
            f"{dutch.percent(cr.CALLBACK_ACCEPT, 0)} neemt het aan. Zij worden na het laatste uur "
            f"teruggebeld: een verlenging van de dienst zoals overwerk, {_euro(rate[name])} per uur belwerk. Ze "
            "tellen niet als op tijd beantwoord.")


def monitor_table(state) -> pd.DataFrame:
    """The monitoring view of :func:`wfmcourse.domain.control_room.view` for the learner: one row per
    played hour (``08:00``), Dutch headers and numbers, the service level so far as a percentage."""
    instance("state", state, cr.State, "a State from control_room.new_day")
    view = cr.view(state)[_MONITOR_COLUMNS]
    view.index = pd.Index([f"{t:%H:%M}" for t in view.index], name="hour_start")
    decimals = dict.fromkeys(_MONITOR_COLUMNS, 0) | {"service_level_so_far": 1}
    return dutch.table(view, decimals, percent=["service_level_so_far"])


def summary_table(state) -> pd.DataFrame:
    """The end of the day: :func:`wfmcourse.domain.control_room.references` (the learner, doing nothing and
    the playbook policy on the same callers) with Dutch headers; service level and abandonment as
    percentages, ``within_abandonment_limit`` ("ja"/"nee": abandonment <= ``MAX_ABANDONMENT``), hours with one
    decimal, cost in euro."""
    instance("state", state, cr.State, "a State from control_room.new_day")
    refs = cr.references(state)[_SUMMARY_COLUMNS]
    within = refs["abandonment"] <= cr.MAX_ABANDONMENT
    refs.insert(refs.columns.get_loc("abandonment") + 1, "within_abandonment_limit",
                within.map({True: "ja", False: "nee"}))
    decimals = {"service_level": 1, "asa": 0, "abandoned": 0, "abandonment": 1, "callbacks": 0, "cost": 2}
    return dutch.table(refs, decimals, percent=["service_level", "abandonment"])


def status_text(state) -> str:
    """One Dutch line on where the day stands: the clock, the hours played, the service level so far and
    the plan for the coming hour (forecast calls and agents on the phones, from the state)."""
    instance("state", state, cr.State, "a State from control_room.new_day")
    day = state.day
    clock = day.start + pd.Timedelta(hours=state.hour)
    played = f"{state.hour} van de {day.hours} uur gespeeld"
    if state.results:
        so_far = dutch.percent(state.results[-1]["service_level_so_far"])
        played += f"; service level tot nu (binnen {dutch.short(cr.AWT)} s): {so_far}"
    if state.hour >= day.hours:
        return f"De dag is voorbij ({clock:%H:%M}): {played}."
    per_hour = int(3600 // day.interval)
    rows = slice(state.hour * per_hour, (state.hour + 1) * per_hour)
    forecast = sum(day.forecast[rows])
    agents = state.agents[rows]
    staffed = dutch.short(min(agents)) if min(agents) == max(agents) else f"{min(agents)} tot {max(agents)}"
    return (f"Het is {clock:%H:%M}: {played}. Komend uur: forecast {dutch.number(forecast, 0)} gesprekken, "
            f"{staffed} medewerkers aan de telefoon.")


_STYLE = ("<style>.wfm-monitor td,.wfm-summary td{text-align:right;padding:1px 10px}"
          ".wfm-monitor th,.wfm-summary th{padding:1px 10px;vertical-align:bottom}"
          ".wfm-monitor tbody tr:nth-child(odd),.wfm-summary tbody tr:nth-child(odd){background:#f4f4f4}</style>")


def _html_table(frame, key) -> str:
    body = frame.reset_index().to_html(classes=f"wfm-{key}", border=0, index=False)
    return f"<div data-key='{key}' style='max-width:100%;overflow:auto'>{body}</div>"


class ControlRoom(widgets.VBox):
    """The control room returned by :func:`control_room`: a ``VBox`` with the parts as attributes.

    ``scenario`` (drop-down), ``seed`` and ``start`` (button "Start de dag"); per hour ``status`` and
    ``monitor`` (HTML), ``show_chart`` (check box, off: a chart costs a few hundred ms per hour) and
    ``chart`` (PNG: :func:`wfmcourse.presentation.charts.control_room_figure`), ``choices`` and ``agents``
    (dicts action -> check box / number of agents) and ``next_hour`` (button "Volgend uur"); ``message``
    shows what the domain refused, ``summary`` the end of the day. ``state`` is the current
    :class:`wfmcourse.domain.control_room.State` (``None`` before start).
    """

    def __init__(self, forecast=None, agents=None, *, scenario="campaign", seed=3):
        choice("scenario", scenario, cr.SCENARIOS)
        whole("seed", seed, low=0)
        if forecast is None or agents is None:
            day = datasets.game_day()
            forecast = day["forecast_calls"] if forecast is None else forecast
            agents = day["agents_needed"] if agents is None else agents
        self._plan = (forecast, agents)
        cr.new_day(forecast, agents, seed=seed, scenario=scenario)        # refuse a bad plan now
        self.state = None
        wide = {"description_width": "110px"}
        self.scenario = widgets.Dropdown(options=[(SCENARIO_NAMES[s], s) for s in cr.SCENARIOS], value=scenario,
                                         description="Scenario", style=wide,
                                         layout=widgets.Layout(width="400px"))
        self.seed = widgets.BoundedIntText(value=seed, min=0, max=10 ** 6, description="Dagnummer", style=wide,
                                           layout=widgets.Layout(width="220px"))
        self.seed_note = widgets.HTML("<span style='font-size:small'>Hetzelfde dagnummer geeft dezelfde dag: "
                                      "dezelfde bellers, dus alleen je keuzes maken het verschil.</span>")
        self.start = widgets.Button(description="Start de dag", button_style="primary")
        self.status = widgets.HTML()
        self.monitor = widgets.HTML()
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="640px", display="none"))
        self.show_chart = widgets.Checkbox(value=False, description="Toon ook een grafiek per uur", indent=False)
        self.show_chart.observe(lambda _change: self._show(), names="value")
        self.message = widgets.HTML()
        self.summary = widgets.HTML()
        self.choices, self.agents, rows = {}, {}, []
        for name in cr.ACTIONS:
            box = widgets.Checkbox(value=False, description=ACTION_NAMES[name], indent=False,
                                   layout=widgets.Layout(width="250px"))
            parts = [box]
            if name in _WITH_AGENTS:
                most = cr.CHAT_TEAM if name == "move_from_chat" else 20
                self.agents[name] = widgets.BoundedIntText(value=1, min=1, max=most, description="aantal",
                                                           style={"description_width": "50px"},
                                                           layout=widgets.Layout(width="130px"))
                parts.append(self.agents[name])
            parts.append(widgets.HTML(f"<span style='font-size:small'>{html.escape(action_text(name))}</span>",
                                      layout=widgets.Layout(flex="1")))
            self.choices[name] = box
            row = widgets.HBox(parts)
            row.add_class(f"wfm-actie-{name}")
            rows.append(row)
        self.next_hour = widgets.Button(description="Volgend uur", button_style="success")
        self.playbook = widgets.VBox([widgets.HTML("<b>Ingrepen voor het komende uur</b> (vink aan wat je "
                                                   "wilt doen en klik op <i>Volgend uur</i>)"),
                                      *rows, self.next_hour])
        self.start.on_click(self.start_day)
        self.next_hour.on_click(self.play_hour)
        super().__init__([widgets.HTML(_STYLE), widgets.HBox([self.scenario, self.seed, self.start]),
                          self.seed_note, self.status, self.monitor, self.show_chart, self.chart, self.message,
                          self.playbook, self.summary])
        self._show()

    def __repr__(self) -> str:
        """What a stored notebook shows until the cell runs: a Dutch line, not the widget tree."""
        return "[de controlekamer: voer de cel uit om de dag te spelen]"

    def start_day(self, _button=None) -> None:
        """Start a new day with the chosen scenario and seed."""
        self.state = cr.new_day(*self._plan, seed=self.seed.value, scenario=self.scenario.value)
        self.message.value = ""
        self._show()

    def chosen_actions(self) -> tuple:
        """The ticked interventions as :class:`wfmcourse.domain.control_room.Action`, in the playbook's order."""
        return tuple(cr.Action(name, self.agents[name].value) if name in self.agents else cr.Action(name)
                     for name in cr.ACTIONS if self.choices[name].value)

    def play_hour(self, _button=None) -> None:
        """Apply the ticked interventions and simulate the next hour; a refusal is shown and the hour waits."""
        if self.state is None or self.state.hour >= self.state.day.hours:
            return
        try:
            self.state = cr.step(self.state, self.chosen_actions())
        except ValueError as error:
            action = getattr(error, "value", None)
            typed = {"actions": ACTION_NAMES[action.name]} if isinstance(action, cr.Action) else None
            self.message.value = ("<div class='wfm-fout' style='color:#b00020'><b>Dat kan niet.</b> "
                                  f"{html.escape(messages.explain(error, typed))}</div>")
            return
        self.message.value = ""
        for box in self.choices.values():
            box.value = False
        self._show()

    def _show(self) -> None:
        state = self.state
        playing = state is not None and state.hour < state.day.hours
        self.playbook.layout.display = None if playing else "none"
        if state is None:
            self.status.value = "Kies een scenario en klik op <b>Start de dag</b>."
            self.monitor.value = self.summary.value = ""
            self.chart.layout.display = "none"
            return
        self.monitor.value = _html_table(monitor_table(state), "monitor") if state.results else ""
        drawn = bool(state.results) and self.show_chart.value
        self.chart.layout.display = None if drawn else "none"
        if drawn:
            self.chart.value = charts.to_png(charts.control_room_figure(cr.view(state)))
        for name in ("ivr_message", "callback"):
            running = (state.ivr_from if name == "ivr_message" else state.callback_from) is not None
            self.choices[name].disabled = running
            self.choices[name].description = ACTION_NAMES[name] + (" (staat aan)" if running else "")
        if playing:
            self.summary.value = ""
        else:
            self.summary.value = self._summary_html(state)
        # the status last: a browser that sees the new status has every other part of this hour too
        self.status.value = f"<p data-key='status'>{html.escape(status_text(state))}</p>"

    def _summary_html(self, state) -> str:
        back = cr.feedback(state)
        weighted = ("Service level, ASA en afhaakpercentage gelden voor de hele dag, gewogen naar volume: een druk "
                    "uur telt mee naar zijn aantal gesprekken.")
        weighted += (f" De afhaakgrens is {dutch.percent(cr.MAX_ABANDONMENT, 0)} van de aangeboden gesprekken. "
                     "Negatieve kosten zijn een besparing (medewerkers eerder naar huis).")
        lines = (f"Volume t.o.v. forecast: {dutch.number(back['volume_vs_forecast'], 2)}; AHT t.o.v. plan: "
                 f"{dutch.number(back['aht_vs_plan'], 2)}; uren onder de norm: {back['hours_below_target']}. "
                 "Dit gaat terug naar forecast en planning.")
        return ("<div class='wfm-dag-klaar'><h4>Je dag naast niets doen en het draaiboek</h4>"
                f"{_html_table(summary_table(state), 'summary')}<p>{weighted}</p><p>{html.escape(lines)}</p></div>")


def control_room(forecast=None, agents=None, *, scenario="campaign", seed=3) -> ControlRoom:
    """The control room widget for a game day: ``forecast`` calls and ``agents`` on the phones per interval
    (Series on the day's time index; by default the game day of the shipped data, :func:`datasets.game_day`),
    with ``scenario`` and ``seed`` preselected. Every number comes from
    :mod:`wfmcourse.domain.control_room`."""
    return ControlRoom(forecast, agents, scenario=scenario, seed=seed)
