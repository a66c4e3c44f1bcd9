"""The staffing calculator: a pure calculation plus a thin ipywidgets layer (notebook 03, Voilà).

* :func:`calculate_staffing` does all the arithmetic (through the one staffing evaluator
  :func:`wfmcourse.domain.staffing.evaluate` and :mod:`wfmcourse.domain.scenarios`) and returns
  a plain dict; a dashboard can call it directly. :func:`calculate_chat_staffing` does the same
  for chat, where an agent handles several chats at once (:mod:`wfmcourse.domain.chat`, through
  the command line's :func:`wfmcourse.apps.cli.chat_summary`).
* :func:`result_html` turns that dict into a small Dutch HTML table; a bad input becomes a Dutch
  sentence through :func:`wfmcourse.presentation.messages.explain`.
* :func:`staffing_calculator` builds the widget: inputs on the left, numbers and a chart on
  the right, recomputed on every change. Bad input shows a Dutch message, never a traceback.

Times are in seconds, the service-level target is a fraction (0.8 for 80 %), as everywhere
in the package, also in :func:`staffing_calculator`; only the widget shows minutes and a
percentage slider.
"""
from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np
import pandas as pd

from wfmcourse.apps.cli import chat_summary
from wfmcourse.domain import chat, erlang, scenarios, staffing
from wfmcourse.presentation import charts, dutch, messages
from wfmcourse.validation import instance, optional_scalar, scalar

__all__ = [
    "INTERVALS",
    "StaffingCalculator",
    "agents_slider",
    "calculate_chat_staffing",
    "calculate_staffing",
    "result_html",
    "staffing_calculator",
]

INTERVALS = (("15 minuten", 900), ("30 minuten", 1800), ("60 minuten", 3600))

_TABLE_SPREAD = 4        # agent counts shown either side of the answer


def calculate_staffing(calls, aht, *, interval=1800, awt=20, target=0.8, patience=None,
                       max_occupancy=None, max_abandonment=None) -> dict:
    """Agents needed for one interval, and what they achieve.

    ``calls`` offered in an interval of ``interval`` seconds, ``aht`` and ``awt`` in seconds,
    ``target`` the service-level fraction (0.8 for 80/20 with ``awt=20``). Without ``patience``
    the model is Erlang C; with a mean patience in seconds it is Erlang A (callers hang up).
    ``max_occupancy`` (fraction) optionally caps the occupancy as well, and with ``patience``
    ``max_abandonment`` (fraction) the share of callers who hang up. The numbers come from
    :func:`wfmcourse.domain.staffing.evaluate` (traffic ``A = calls * aht / interval`` Erlang).

    Returns a dict with ``model`` ("Erlang C" or "Erlang A"), the inputs, ``traffic`` (Erlang),
    ``agents``, ``service_level``, ``asa`` (seconds), ``occupancy`` (0 with zero agents, see
    :func:`~wfmcourse.domain.erlang.occupancy`), ``abandonment`` (``None``
    for Erlang C, where nobody hangs up), ``p_wait`` (Erlang C only, else ``None``),
    ``erlang_c_agents`` (the Erlang C answer for comparison) and ``table``, a
    :func:`~wfmcourse.domain.scenarios.staffing_table` around the answer.
    """
    c = scalar("calls", calls)
    i = scalar("interval", interval, low=0.0, low_inclusive=False)
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    s = scalar("target", target, low=0.0, low_inclusive=False, high=1.0, high_inclusive=False)
    t = scalar("awt", awt)
    p = optional_scalar("patience", patience, low=0.0, low_inclusive=False)
    cap = optional_scalar("max_occupancy", max_occupancy, low=0.0, low_inclusive=False, high=1.0)
    lost = optional_scalar("max_abandonment", max_abandonment, low=0.0, low_inclusive=False,
                           high=1.0)

    row = staffing.evaluate(c, h, interval=i, awt=t, target=s, patience=p, max_occupancy=cap,
                            max_abandonment=lost).iloc[0]
    a, n = float(row["traffic"]), int(row["agents"])
    n_c = n if p is None else int(staffing.evaluate(c, h, interval=i, awt=t, target=s,
                                                    max_occupancy=cap).iloc[0]["agents"])
    low = max(1, n - _TABLE_SPREAD)
    table = scenarios.staffing_table(a, h, t, range(low, max(n, low) + _TABLE_SPREAD + 1), patience=p)
    return {
        "model": "Erlang C" if p is None else "Erlang A",
        "calls": c,
        "interval": i,
        "aht": h,
        "target": s,
        "awt": t,
        "patience": p,
        "max_occupancy": cap,
        "max_abandonment": lost,
        "traffic": a,
        "agents": n,
        "service_level": float(row["service_level"]),
        "asa": float(row["asa"]),
        "occupancy": float(row["occupancy"]),
        "abandonment": None if p is None else float(row["abandonment"]),
        "p_wait": erlang.erlang_c(n, a) if p is None else None,
        "erlang_c_agents": n_c,
        "table": table,
    }


def calculate_chat_staffing(chats, aht, *, max_chats, slowdown=0.0, interval=1800, awt=60, target=0.8,
                            patience=None, max_occupancy=None, max_abandonment=None) -> dict:
    """Chat agents needed for one interval when each agent handles up to ``max_chats`` chats at once.

    ``chats`` offered in ``interval`` seconds, ``aht`` seconds for a chat handled alone, each extra
    simultaneous chat adding ``slowdown`` (a fraction) of ``aht``; ``target`` the service-level
    fraction within ``awt`` seconds, ``patience`` (seconds) or ``None``, the optional caps as in
    :func:`calculate_staffing`. The dict of :func:`wfmcourse.apps.cli.chat_summary` (the numbers of
    :mod:`wfmcourse.domain.chat`: ``agents``, ``service_level``, ``asa``, ``occupancy``,
    ``mean_concurrency``, ``abandonment``, and the rule of thumb ``rule_of_thumb_agents`` =
    ``ceil(phone_agents / max_chats)``) plus ``table``: service level, ASA and occupancy (and
    abandonment) per agent count around the answer, indexed by ``agents``.
    """
    result = chat_summary(chats, aht, max_chats=max_chats, slowdown=slowdown, interval=interval, awt=awt,
                          target=target, patience=patience, max_occupancy=max_occupancy,
                          max_abandonment=max_abandonment)
    n, a, h = result["agents"], result["traffic"], result["aht"]
    low = max(1, n - _TABLE_SPREAD)
    agents = np.arange(low, max(n, low) + _TABLE_SPREAD + 1)
    kw = dict(max_chats=max_chats, slowdown=slowdown, patience=patience)
    table = pd.DataFrame({"service_level": chat.service_level(agents, a, h, awt, **kw),
                          "asa": chat.asa(agents, a, h, **kw), "occupancy": chat.occupancy(agents, a, h, **kw)},
                         index=pd.Index(agents, name="agents"))
    if patience is not None:
        table["abandonment"] = chat.abandonment(agents, a, h, patience, max_chats=max_chats, slowdown=slowdown)
    return {**result, "table": table}


# ---------------------------------------------------------------------------
# Dutch text
# ---------------------------------------------------------------------------
def _rows_html(head: str, rows) -> str:
    body = "".join(
        f"<tr><td style='padding:2px 12px 2px 0'>{html.escape(label)}</td><td>{value}</td></tr>"
        for label, value in rows
    )
    return f"<div>{head}<table style='border-collapse:collapse'>{body}</table></div>"


def _chat_html(result: dict) -> str:
    m = result["max_chats"]
    rows = [
        ("Rekenmodel", f"chat, hoogstens {m} tegelijk per medewerker"
                       + ("" if result["patience"] is None else ", klanten haken af")),
        ("Verkeer", f"{dutch.number(result['traffic'], 2)} Erlang"),
        ("Afhandeltijd bij " + str(m) + " tegelijk", f"{dutch.short(result['handling_time_full'])} s per chat"),
        ("Benodigde medewerkers", f"<b>{result['agents']}</b> (netto, zonder shrinkage)"),
        (f"Service level (binnen {dutch.number(result['awt'], 0)} s)",
         f"{dutch.percent(result['service_level'])} (doel {dutch.percent(result['target'])})"),
        ("ASA (gemiddelde wachttijd)", "oneindig" if result["asa"] == float("inf")
         else f"{dutch.number(result['asa'])} s"),
        ("Bezet met minstens één chat", dutch.percent(result["occupancy"])),
        ("Chats tegelijk (gemiddeld)", dutch.number(result["mean_concurrency"], 2)),
    ]
    if result["abandonment"] is not None:
        rows.append(("Afhaakpercentage", dutch.percent(result["abandonment"])))
    rule = result["rule_of_thumb_agents"]
    rows.append((f"Vuistregel: Erlang {'C' if result['patience'] is None else 'A'} / {m}",
                 f"{rule} medewerkers, service level {dutch.percent(result['rule_of_thumb_service_level'])}"))
    minutes = dutch.number(result["interval"] / 60, 0)
    head = (f"<b>{dutch.number(result['chats'], 0)} chats per {minutes} minuten, "
            f"AHT {dutch.number(result['aht'], 0)} s</b>")
    return _rows_html(head, rows)


def result_html(result: dict) -> str:
    """A small Dutch HTML table with the outcome of :func:`calculate_staffing` or :func:`calculate_chat_staffing`."""
    instance("result", result, dict, "the dict from calculate_staffing or calculate_chat_staffing")
    if "max_chats" in result:
        return _chat_html(result)
    minutes = dutch.number(result["interval"] / 60, 0)
    rows = [
        ("Rekenmodel", result["model"]),
        ("Verkeer", f"{dutch.number(result['traffic'], 2)} Erlang"),
        ("Benodigde medewerkers", f"<b>{result['agents']}</b> (netto, zonder shrinkage)"),
        (f"Service level (binnen {dutch.number(result['awt'], 0)} s)",
         f"{dutch.percent(result['service_level'])} (doel {dutch.percent(result['target'])})"),
        ("ASA (gemiddelde wachttijd)", f"{dutch.number(result['asa'])} s"),
        ("Occupancy", dutch.percent(result["occupancy"])),
    ]
    if result["abandonment"] is None:
        rows.append(("Afhaakpercentage", "niet berekend: Erlang C neemt aan dat niemand ophangt"))
    else:
        rows.append(("Afhaakpercentage", dutch.percent(result["abandonment"])))
        rows.append(("Erlang C zou vragen", f"{result['erlang_c_agents']} medewerkers"))
    head = (f"<b>{dutch.number(result['calls'], 0)} gesprekken per {minutes} minuten, "
            f"AHT {dutch.number(result['aht'], 0)} s</b>")
    return _rows_html(head, rows)


# ---------------------------------------------------------------------------
# the widget
# ---------------------------------------------------------------------------
class StaffingCalculator(widgets.HBox):
    """The calculator returned by :func:`staffing_calculator`: an ``HBox`` with the parts as attributes.

    Inputs: ``calls``, ``interval`` (seconds), ``aht``, ``target`` (a slider in percent), ``awt``,
    ``use_patience`` and ``patience``; for chat ``use_chat``, ``max_chats`` and ``slowdown`` (a
    slider in percent). Outputs: ``result`` (HTML) and ``chart`` (PNG image). ``last`` holds the
    latest :func:`calculate_staffing` (or, with ``use_chat``, :func:`calculate_chat_staffing`) dict,
    or ``None`` after bad input.
    """

    def __init__(self, calls=100, interval=1800, aht=180, target=0.8, awt=20, patience=None, max_chats=None,
                 slowdown=0.25):
        target = scalar("target", target, low=0.0, low_inclusive=False, high=1.0,
                        high_inclusive=False)
        wide = {"description_width": "190px"}
        size = widgets.Layout(width="330px")
        self.calls = widgets.IntText(value=calls, description="Gesprekken per interval", style=wide, layout=size)
        self.interval = widgets.Dropdown(options=INTERVALS, value=interval, description="Lengte interval",
                                         style=wide, layout=size)
        self.aht = widgets.IntText(value=aht, description="AHT (seconden)", style=wide, layout=size)
        self.target = widgets.IntSlider(value=round(100 * target), min=50, max=99, description="Service level (%)",
                                        style=wide, layout=size)
        self.awt = widgets.IntText(value=awt, description="Binnen (seconden)", style=wide, layout=size)
        self.use_patience = widgets.Checkbox(value=patience is not None, indent=False,
                                             description="Klanten haken af (Erlang A)")
        self.patience = widgets.IntSlider(value=120 if patience is None else patience, min=10, max=600,
                                          step=10, description="Gemiddeld geduld (s)", style=wide,
                                          layout=size, disabled=patience is None)
        self.use_chat = widgets.Checkbox(value=max_chats is not None, indent=False,
                                         description="Chat: meer chats tegelijk per medewerker")
        self.max_chats = widgets.IntSlider(value=3 if max_chats is None else max_chats, min=1, max=6,
                                           description="Chats tegelijk (hoogstens)", style=wide, layout=size,
                                           disabled=max_chats is None)
        self.slowdown = widgets.IntSlider(value=round(100 * slowdown), min=0, max=100, step=5,
                                          description="Vertraging per extra chat (%)", style=wide, layout=size,
                                          disabled=max_chats is None)
        self.result = widgets.HTML()
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="420px"))
        self.last = None
        inputs = widgets.VBox([self.calls, self.interval, self.aht, self.target, self.awt,
                               self.use_patience, self.patience, self.use_chat, self.max_chats, self.slowdown])
        super().__init__([inputs, widgets.VBox([self.result, self.chart])])
        for control in (self.calls, self.interval, self.aht, self.target, self.awt, self.use_patience,
                        self.patience, self.use_chat, self.max_chats, self.slowdown):
            control.observe(self.update, names="value")
        self.update()

    def __repr__(self) -> str:
        """What a stored notebook shows until the cell runs: a Dutch line, not the widget tree."""
        return "[bezettingscalculator: voer de cel uit om hem te gebruiken]"

    def update(self, _change=None) -> None:
        self.patience.disabled = not self.use_patience.value
        chat_mode = self.use_chat.value
        self.max_chats.disabled = self.slowdown.disabled = not chat_mode
        self.calls.description = "Chats per interval" if chat_mode else "Gesprekken per interval"
        self.aht.description = "AHT één chat (seconden)" if chat_mode else "AHT (seconden)"
        common = dict(interval=self.interval.value, awt=self.awt.value, target=self.target.value / 100,
                      patience=self.patience.value if self.use_patience.value else None)
        try:
            if chat_mode:
                result = calculate_chat_staffing(self.calls.value, self.aht.value, max_chats=self.max_chats.value,
                                                 slowdown=self.slowdown.value / 100, **common)
            else:
                result = calculate_staffing(self.calls.value, self.aht.value, **common)
        except ValueError as error:
            self.last = None
            self.result.value = (f"<div style='color:#b00020'><b>Controleer de invoer.</b> "
                                 f"{html.escape(messages.explain(error))}</div>")
            self.chart.layout.display = "none"
            return
        self.last = result
        self.result.value = result_html(result)
        figure = charts.service_level_by_agents(result["table"], target=result["target"],
                                               chosen=result["agents"], figsize=(5.2, 2.8))
        self.chart.value = charts.to_png(figure)
        self.chart.layout.display = None


def staffing_calculator(calls=100, interval=1800, aht=180, target=0.8, awt=20,
                        patience=None, max_chats=None, slowdown=0.25) -> StaffingCalculator:
    """The interactive staffing calculator (ipywidgets) with the given starting values.

    ``interval`` in seconds (900, 1800 or 3600), ``target`` a fraction (0.8; the slider shows
    it as 80 %), ``patience`` in seconds or ``None`` (Erlang C). All numbers come from
    :func:`calculate_staffing`; with ``max_chats`` (1 to 6) the calculator starts in chat mode
    (``calls`` are then chats, ``slowdown`` a fraction from 0 to 1 in steps of 0.05) and the numbers
    come from :func:`calculate_chat_staffing`.
    """
    return StaffingCalculator(calls, interval, aht, target, awt, patience, max_chats, slowdown)


def agents_slider(calls=100, interval=1800, aht=180, target=0.8, awt=20) -> widgets.VBox:
    """A slider for the calls per interval with the agents needed next to it (notebook 00).

    The first interactive element of the course: if the number changes when the slider moves,
    the widgets work. ``interval``, ``aht`` and ``awt`` in seconds, ``target`` a fraction.
    The text comes from :func:`calculate_staffing`.
    """
    slider = widgets.IntSlider(value=calls, min=0, max=400, step=10, description="Gesprekken",
                               continuous_update=False)
    answer = widgets.HTML()

    def show(_change=None):
        r = calculate_staffing(slider.value, aht, interval=interval, awt=awt, target=target)
        answer.value = (f"{slider.value} gesprekken per {dutch.short(interval / 60)} minuten, AHT "
                        f"{dutch.short(aht)} s: <b data-key='agents'>{r['agents']}</b> medewerkers "
                        f"nodig voor {dutch.short(100 * target)}/{dutch.short(awt)}")

    slider.observe(show, names="value")
    show()
    box = _SliderBox([slider, answer])
    box.slider, box.answer = slider, answer
    return box


class _SliderBox(widgets.VBox):
    """A VBox whose plain-text form, what a stored notebook shows until the cell runs, is Dutch."""

    def __repr__(self) -> str:
        return "[schuifje voor het aantal gesprekken: voer de cel uit om het te gebruiken]"
