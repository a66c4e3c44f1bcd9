"""The consultant dashboard: a day or week of intervals in, agents, KPIs, FTE and Excel out.

Shown by the Voilà app ``notebooks/apps/bezettingscalculator.ipynb`` (``python cursus.py demo``).
The logic is in pure functions that the tests call directly:

* :func:`parse_calls` / :func:`interval_labels` -- typed calls per interval and their start times;
* :func:`read_forecast` -- the bytes of an uploaded CSV file of interval forecasts (comma or
  semicolon separated, as Dutch Excel writes it), through :func:`wfmcourse.data.intervals.read`,
  the reader of the command line;
* :func:`staffing_plan` -- agents per interval (:func:`wfmcourse.domain.staffing.evaluate`, one
  vectorised Erlang C/A call), totals over the period and scheduled FTE
  (:mod:`wfmcourse.domain.shrinkage`);
* :func:`plan_html`, :func:`plan_workbook`, :func:`download_link` -- Dutch summary, the Excel
  workbook for the client (:mod:`wfmcourse.presentation.excel`) and an HTML download button.

Numbers typed in the fields are read by :func:`wfmcourse.presentation.dutch.parse_number`; every
error is a typed error that :func:`wfmcourse.presentation.messages.explain` turns into Dutch.

:class:`Dashboard` is the thin ipywidgets layer: it reads the inputs, calls these functions and
shows the result; bad input shows a Dutch message, never a traceback.
"""
from __future__ import annotations

import base64
import datetime as dt
import html
import math
import re
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import pandas as pd

from wfmcourse import __version__
from wfmcourse.apps.calculator import INTERVALS
from wfmcourse.data import intervals
from wfmcourse.domain import kpi, shrinkage, staffing
from wfmcourse.presentation import charts, dutch, excel, messages
from wfmcourse.validation import (
    ParameterTypeError,
    as_array,
    dataframe,
    flag,
    instance,
    regular_time_index,
    scalar,
    type_error,
    value_error,
    whole,
)
from wfmcourse.validation import text as _text

__all__ = [
    "Dashboard",
    "Forecast",
    "StaffingPlan",
    "dashboard",
    "download_link",
    "dutch_table",
    "interval_labels",
    "parse_calls",
    "parse_start",
    "plan_html",
    "plan_workbook",
    "read_forecast",
    "staffing_plan",
]

EXAMPLE_CALLS = "60 85 110 130 140 135 120 115 125 130 110 80"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = intervals.MAX_BYTES
_FRACTIONS = ("service_level", "occupancy", "abandonment")


# ---------------------------------------------------------------------------
# input
# ---------------------------------------------------------------------------
def parse_calls(text) -> np.ndarray:
    """Calls per interval typed as text: ``"80 110 140"`` -> ``array([80., 110., 140.])``.

    Numbers are separated by spaces, new lines or semicolons, or by a comma followed by a
    space (``"80, 110"``); each is read by :func:`wfmcourse.presentation.dutch.parse_number`
    (decimal comma or point). Raises :class:`~wfmcourse.validation.ParameterValueError` naming
    ``calls``, with the first item that is not a number (``kind`` of ``parse_number``), is
    negative (``"too_small"``), or ``"empty"`` when there is no number at all.
    """
    items = [item for item in re.split(r"[\s;]+|,(?=\s)", _text("calls", text)) if item]
    if not items:
        raise value_error("calls", text, "empty", "hold at least one number")
    values = []
    for position, item in enumerate(items, start=1):
        try:
            value = dutch.parse_number(item, "calls")
        except ValueError as error:
            raise value_error("calls", item, error.kind, f"be numbers of 0 or more (item {position})"
                              ) from None
        if value < 0:
            raise value_error("calls", item, "too_small", f"be numbers of 0 or more (item {position})")
        values.append(value)
    return np.asarray(values)


def parse_start(text) -> dt.time:
    """The start of the first interval, ``"08:00"`` or ``"8.30"`` -> :class:`datetime.time`."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", _text("start", text))
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise value_error("start", text, "format", "be a time of day like 08:00")
    return dt.time(int(match.group(1)), int(match.group(2)))


def interval_labels(start, interval, count) -> list[str]:
    """Start times ``HH:MM`` of ``count`` intervals of ``interval`` seconds from ``start``.

    ``start`` is a :class:`datetime.time` or text for :func:`parse_start`. Past midnight the
    labels go on at 00:00 (a night shift).
    """
    first = start if isinstance(start, dt.time) else parse_start(start)
    seconds = scalar("interval", interval, low=0.0, low_inclusive=False)
    n = whole("count", count)
    origin = pd.Timestamp(2000, 1, 1, first.hour, first.minute)
    stamps = origin + pd.to_timedelta(np.arange(n) * seconds, unit="s")
    return [stamp.strftime("%H:%M") for stamp in stamps]


@dataclass(frozen=True)
class Forecast:
    """Interval forecasts read from a file: ``labels`` (text), ``calls`` and ``aht`` (seconds)."""

    name: str
    labels: list
    calls: np.ndarray
    aht: np.ndarray


def read_forecast(name, content, aht=None) -> Forecast:
    """Read an uploaded CSV file of interval forecasts (``content`` as bytes).

    The reader of ``python -m wfmcourse staff --csv`` (:func:`wfmcourse.data.intervals.read`):
    ``calls`` (required), optionally ``aht`` per row (else the ``aht`` argument) and a label
    ``interval_start`` or ``start``; comma or semicolon separated (Dutch Excel). Problems raise
    :class:`~wfmcourse.data.files.DataFileError` naming the file, physical line and column.
    """
    data = intervals.read(bytes(content), name=name, aht=aht)
    return Forecast(data.name, data.labels, data.calls, data.aht)


# ---------------------------------------------------------------------------
# the calculation
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class StaffingPlan:
    """The outcome of :func:`staffing_plan`.

    ``intervals``: one row per interval (index: the labels) with ``calls``, ``aht``,
    ``traffic``, ``agents_needed``, ``service_level``, ``asa``, ``occupancy``, ``abandonment``
    (Erlang A only) and ``agents_to_roster`` (agents to roster including shrinkage; Dutch headers
    in :data:`wfmcourse.presentation.dutch.LABELS`). ``totals``: the period as a
    whole (see :func:`staffing_plan`). ``inputs``: the settings used.
    """

    intervals: pd.DataFrame
    totals: dict
    inputs: dict


def _check_times(labels, seconds, days_per_week):
    """When the labels are dates with times, they must fit ``interval`` and one week."""
    stamps = dutch.label_times(labels)
    if stamps is None or len(stamps) < 2:
        return
    ordered = stamps.sort_values()
    smallest = pd.Timedelta(seconds=regular_time_index("labels", pd.DatetimeIndex(ordered)))
    if smallest != pd.Timedelta(seconds=seconds):
        raise value_error("labels", smallest.total_seconds(), "step",
                          f"be {seconds:g} s apart to match interval={seconds:g} s",
                          f"a smallest step of {smallest.total_seconds():g} s")
    days = ordered.dt.normalize().nunique()
    span = ordered.iloc[-1] - ordered.iloc[0] + smallest
    if span > pd.Timedelta(days=7):
        raise value_error("labels", math.ceil(span / pd.Timedelta(days=1)), "too_long",
                          "cover at most one week (FTE is a weekly figure)",
                          f"{math.ceil(span / pd.Timedelta(days=1))} days")
    if days > 1 and days_per_week != 1:
        raise value_error("days_per_week", days_per_week, "labels_span",
                          f"be 1 when the labels already span {days} days")


def staffing_plan(calls, aht, *, interval=900, target=0.8, awt=20, patience=None, shrinkage_rate=0.3,
                  contract_hours=36.0, days_per_week=1, labels=None) -> StaffingPlan:
    """Agents per interval for a forecast, with totals and the FTE to schedule per week.

    ``calls`` per interval (sequence), ``aht`` in seconds (one value or one per interval),
    ``interval``, ``awt`` and ``patience`` in seconds, ``target`` and ``shrinkage_rate``
    fractions, ``contract_hours`` the full-time week. Erlang C, or Erlang A with ``patience``.
    ``days_per_week``: how many days a week this pattern occurs (1 when the intervals already
    cover a week). ``labels``: text per interval (default 1, 2, ...); dates with times are
    checked against ``interval``.

    Totals: ``intervals``, ``calls``, ``agents_peak``, ``scheduled_peak``, ``service_level``
    (weighted by calls, :func:`wfmcourse.domain.kpi.combine_service_levels`), ``asa`` (weighted by
    answered calls), ``occupancy`` (``sum(carried Erlang) / sum(agents)``, 0 without agents
    as in :func:`~wfmcourse.domain.erlang.occupancy`), ``abandonment``
    (weighted by calls; ``None`` for Erlang C), ``net_hours`` and ``gross_hours`` per week
    (``agents * interval``, and divided by ``1 - shrinkage``), ``fte = gross_hours /
    contract_hours``. Fractions, seconds and hours; ``None`` where a figure has no calls to
    weigh.
    """
    c = as_array("calls", calls)
    if c.ndim != 1 or not len(c):
        raise value_error("calls", calls, "shape", "be a non-empty sequence of numbers")
    h = as_array("aht", aht, low=0.0, low_inclusive=False)
    if h.ndim > 1 or (h.ndim == 1 and h.shape != c.shape):
        raise value_error("aht", aht, "shape", f"be one number or one per interval ({len(c)})")
    seconds = scalar("interval", interval, low=0.0, low_inclusive=False)
    days = whole("days_per_week", days_per_week, low=1, high=7)
    scalar("shrinkage_rate", shrinkage_rate, high=1.0, high_inclusive=False)
    if labels is None:
        labels = [str(i) for i in range(1, len(c) + 1)]
    elif isinstance(labels, (str, bytes)) or not hasattr(labels, "__iter__"):
        raise type_error("labels", labels, "a sequence of texts, one per interval, or None")
    else:
        labels = [str(x) for x in labels]
    if len(labels) != len(c):
        raise value_error("labels", labels, "shape", f"have one text per interval ({len(c)})",
                          str(len(labels)))
    _check_times(labels, seconds, days)
    result = staffing.evaluate(c, h, interval=seconds, awt=awt, target=target, patience=patience)
    agents = result["agents_needed"].to_numpy(dtype=np.int64)
    week = shrinkage.weekly_fte(agents, seconds, shrinkage_rate, contract_hours)
    columns = ["calls", "aht", "traffic", "agents_needed", "service_level", "asa", "occupancy"]
    if patience is not None:
        columns.append("abandonment")
    table = result[columns].set_axis(pd.Index(labels, name="interval"))
    table["aht"] = table["aht"].astype(float)
    table["agents_to_roster"] = np.asarray(shrinkage.gross_up(agents, shrinkage_rate), dtype=float)
    abandoned = table["abandonment"].to_numpy() if "abandonment" in table else np.zeros(len(c))
    answered = c * (1.0 - abandoned)
    has_calls = c.sum() > 0
    totals = {
        "intervals": len(c),
        "calls": float(c.sum()),
        "agents_peak": int(agents.max()),
        "scheduled_peak": float(table["agents_to_roster"].max()),
        "service_level": kpi.combine_service_levels(table["service_level"].to_numpy(), c)
        if has_calls else None,
        "asa": float(np.average(table["asa"], weights=answered)) if answered.sum() > 0 else None,
        # zero agents carry nothing: 0, the rule of erlang.occupancy
        "occupancy": float((table["occupancy"] * agents).sum() / agents.sum())
        if agents.sum() > 0 else 0.0,
        "abandonment": float(np.average(abandoned, weights=c))
        if "abandonment" in table and has_calls else None,
        "net_hours": week.net_hours * days,
        "gross_hours": week.gross_hours * days,
        "fte": week.fte * days,
    }
    inputs = {"model": _model(patience), "interval": seconds, "target": float(target),
              "awt": float(awt), "patience": None if patience is None else float(patience),
              "shrinkage": float(shrinkage_rate), "contract_hours": week.contract_hours,
              "days_per_week": days}
    return StaffingPlan(table, totals, inputs)


def _model(patience) -> str:
    return "Erlang C" if patience is None else "Erlang A"


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------
# the plan table says whose number it is: "medewerkers nodig" where the course's tables say "nodig"
_HEADERS = {**dutch.LABELS, "agents_needed": "medewerkers nodig"}


def dutch_table(intervals: pd.DataFrame, *, as_text=False) -> pd.DataFrame:
    """The interval table with Dutch column names (:data:`wfmcourse.presentation.dutch.LABELS`);
    ``as_text`` formats numbers the Dutch way."""
    dataframe("intervals", intervals)
    flag("as_text", as_text)
    table = intervals.rename(columns=_HEADERS)
    if not as_text:
        return table
    formats = {"calls": dutch.short, "aht": dutch.short, "traffic": lambda v: dutch.number(v, 2),
               "agents_needed": lambda v: str(int(v)), "asa": dutch.number,
               "agents_to_roster": dutch.number,
               **{key: dutch.percent for key in _FRACTIONS}}
    return pd.DataFrame({_HEADERS[k]: intervals[k].map(formats[k]) for k in intervals.columns},
                        index=intervals.index)


def _summary_rows(plan: StaffingPlan) -> list[tuple[str, str, str]]:
    t, i = plan.totals, plan.inputs
    per = f"{dutch.short(i['interval'] / 60)} minuten"
    period = "per week" if i["days_per_week"] == 1 else f"per week ({i['days_per_week']} dagen)"
    rows = [
        ("model", "Rekenmodel", i["model"] + ("" if i["patience"] is None
                                              else f", geduld {dutch.short(i['patience'])} s")),
        ("intervals", "Intervallen", f"{t['intervals']} van {per}, {dutch.short(t['calls'])} gesprekken"),
        ("agents_peak", "Medewerkers nodig (piek)", str(t["agents_peak"])),
        ("scheduled_peak", "In te roosteren (piek)", dutch.number(t["scheduled_peak"])),
        ("service_level", f"Service level (binnen {dutch.short(i['awt'])} s)",
         f"{dutch.percent(t['service_level'])} (doel {dutch.percent(i['target'])})"),
        ("asa", "ASA", "–" if t["asa"] is None else f"{dutch.number(t['asa'])} s"),
        ("occupancy", "Occupancy", dutch.percent(t["occupancy"])),
        ("abandonment", "Afhakers", "niet berekend: Erlang C neemt aan dat niemand ophangt"
         if t["abandonment"] is None else dutch.percent(t["abandonment"])),
        ("net_hours", f"Netto uren {period}", dutch.number(t["net_hours"])),
        ("gross_hours", f"Bruto uren {period} (shrinkage {dutch.percent(i['shrinkage'])})",
         dutch.number(t["gross_hours"])),
        ("fte", f"Ingeroosterde FTE (contract {dutch.short(i['contract_hours'])} uur)",
         dutch.number(t["fte"], 2)),
    ]
    return rows


def plan_html(plan: StaffingPlan) -> str:
    """Dutch HTML: the totals (each value cell carries ``data-key``) and the interval table."""
    instance("plan", plan, StaffingPlan, "a StaffingPlan from staffing_plan")
    body = "".join(
        f"<tr><td style='padding:2px 14px 2px 0'>{html.escape(label)}</td>"
        f"<td data-key='{key}'><b>{html.escape(value)}</b></td></tr>"
        for key, label, value in _summary_rows(plan))
    detail = dutch_table(plan.intervals, as_text=True).to_html(border=0, classes="wfm-intervallen")
    return (f"<div class='wfm-resultaat'><table style='border-collapse:collapse'>{body}</table>"
            f"<details style='margin-top:8px'><summary>Per interval</summary>"
            f"<div style='max-height:320px;overflow:auto'>{detail}</div></details></div>")


def _assumptions(plan: StaffingPlan) -> dict:
    i = plan.inputs
    model = ("Erlang C: klanten wachten onbeperkt, niemand hangt op." if i["patience"] is None
             else f"Erlang A: klanten hangen op na gemiddeld {dutch.short(i['patience'])} s geduld "
                  f"(exponentieel verdeeld).")
    return {
        "Aankomsten": "Poisson-proces binnen elk interval (gespreksaanbod zonder pieken binnen het interval).",
        "Afhandeltijd": "Exponentieel verdeeld rond de AHT.",
        "Wachtrij": model,
        "Medewerkers": "Het minste aantal dat het service-leveldoel per interval haalt.",
        "Shrinkage": "In te roosteren = nodig / (1 - shrinkage).",
        "FTE": "Bruto uren per week / uren van een voltijd contractweek.",
        "Berekend met": f"wfmcourse {__version__}",
    }


def plan_workbook(plan: StaffingPlan, source="ingetypt") -> bytes:
    """The Excel workbook for the client: Invoer, Aannames, Per interval and Totaal (bytes)."""
    instance("plan", plan, StaffingPlan, "a StaffingPlan from staffing_plan")
    _text("source", source)
    i, t = plan.inputs, plan.totals
    inputs = {
        "Bron": source,
        "Rekenmodel": i["model"],
        "Lengte interval (s)": i["interval"],
        "Service-leveldoel": i["target"],
        "Binnen (s)": i["awt"],
        "Gemiddeld geduld (s)": "–" if i["patience"] is None else i["patience"],
        "Shrinkage": i["shrinkage"],
        "Contracturen per week": i["contract_hours"],
        "Dagen per week met dit patroon": i["days_per_week"],
    }
    rows = _summary_rows(plan)
    values = {**t, "model": i["model"]}
    totals = pd.DataFrame({"waarde": [values[key] for key, _, _ in rows]},
                          index=pd.Index([label for _, label, _ in rows], name="onderdeel"))
    return excel.workbook_bytes(inputs=inputs, assumptions=_assumptions(plan),
                                results={"Per interval": dutch_table(plan.intervals),
                                         "Totaal": totals})


def download_link(data: bytes, filename="bezettingsadvies.xlsx", label="Download Excel-werkboek") -> str:
    """An HTML link, styled as a button, that downloads ``data`` as ``filename``."""
    instance("data", data, bytes, "the file contents as bytes")
    _text("filename", filename)
    _text("label", label)
    encoded = base64.b64encode(data).decode("ascii")
    return (f"<a download='{html.escape(filename)}' href='data:{XLSX};base64,{encoded}' "
            f"class='wfm-download' style='display:inline-block;padding:6px 14px;border-radius:4px;"
            f"background:#1f6fb4;color:white;text-decoration:none'>{html.escape(label)}</a>")


# ---------------------------------------------------------------------------
# the widget
# ---------------------------------------------------------------------------
class Dashboard(widgets.VBox):
    """The dashboard returned by :func:`dashboard`; the parts are attributes for tests and trainers.

    Inputs: ``source`` ("typed" or "file"), ``calls`` (text), ``start``, ``upload``,
    ``interval``, ``aht``, ``target`` (percent), ``awt``, ``use_patience``, ``patience``,
    ``shrinkage`` (percent), ``contract_hours``, ``days_per_week``. Outputs: ``message``,
    ``result`` (HTML), ``chart`` (PNG) and ``download`` (HTML link). ``plan`` holds the latest
    :class:`StaffingPlan`, or ``None`` after bad input.
    """

    def __init__(self, calls=EXAMPLE_CALLS, interval=1800, aht=300, target=80, awt=20):
        wide = {"description_width": "200px"}
        size = widgets.Layout(width="360px")

        def text(value, description):
            return widgets.Text(value=str(value), description=description, style=wide, layout=size,
                                continuous_update=False)

        self.source = widgets.ToggleButtons(options=(("Zelf invullen", "typed"), ("CSV-bestand", "file")),
                                            value="typed", description="Aanbod", style=wide)
        self.calls = widgets.Textarea(value=calls, description="Gesprekken per interval",
                                      placeholder="bijvoorbeeld: 80 110 140 150", style=wide,
                                      layout=widgets.Layout(width="360px", height="80px"),
                                      continuous_update=False)
        self.start = text("08:00", "Eerste interval begint om")
        self.upload = widgets.FileUpload(accept=".csv", multiple=False, description="Kies CSV-bestand",
                                         layout=widgets.Layout(width="200px"))
        self.file_status = widgets.HTML()
        self.file_help = widgets.HTML(
            "<small>Kolommen: <code>calls</code> (verplicht), <code>aht</code> en "
            "<code>interval_start</code> (mogen). Komma als scheidingsteken met decimale punt "
            "(12.5), of puntkomma met decimale komma (12,5; 1.234 is 1234), "
            "zoals Excel opslaat.</small>")
        self.interval = widgets.Dropdown(options=INTERVALS, value=interval, description="Lengte interval",
                                         style=wide, layout=size)
        self.aht = text(aht, "AHT (seconden)")
        self.target = text(target, "Service level (%)")
        self.awt = text(awt, "Binnen (seconden)")
        self.use_patience = widgets.Checkbox(value=False, indent=False,
                                             description="Klanten haken af (Erlang A)")
        self.patience = text(120, "Gemiddeld geduld (seconden)")
        self.shrinkage = text(30, "Shrinkage (%)")
        self.contract_hours = text(36, "Contracturen per week")
        self.days_per_week = text(5, "Dagen per week")
        self.days_per_week.tooltip = ("Hoe vaak per week komt dit patroon voor? "
                                      "1 als de invoer al een hele week beslaat.")
        self.message = widgets.HTML()
        self.result = widgets.HTML()
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="640px"))
        self.download = widgets.HTML()
        self.plan = None
        self._typed = widgets.VBox([self.calls, self.start])
        self._file = widgets.VBox([widgets.HBox([self.upload, self.file_status]), self.file_help])
        inputs = widgets.VBox([
            self.source, self._typed, self._file, self.interval, self.aht, self.target, self.awt,
            self.use_patience, self.patience, self.shrinkage, self.contract_hours,
            self.days_per_week], layout=widgets.Layout(min_width="380px"))
        outputs = widgets.VBox([self.message, self.result, self.download, self.chart])
        super().__init__([widgets.HBox([inputs, outputs])])
        for control in (self.source, self.calls, self.start, self.upload, self.interval, self.aht,
                        self.target, self.awt, self.use_patience, self.patience, self.shrinkage,
                        self.contract_hours, self.days_per_week):
            control.observe(self.update, names="value")
        self.update()

    def _forecast(self):
        """Calls, AHT, labels and a description of the source, from the chosen input."""
        aht = dutch.parse_number(self.aht.value, "aht")
        if self.source.value == "typed":
            calls = parse_calls(self.calls.value)
            labels = interval_labels(self.start.value, self.interval.value, len(calls))
            return calls, aht, labels, "ingetypt"
        if not self.upload.value:
            self.file_status.value = ""
            return None
        upload = self.upload.value[0]
        self.file_status.value = f"<span style='margin-left:8px'>{html.escape(upload['name'])}</span>"
        # the AHT field fills rows without an AHT; a bad field raises the AHT's own error
        forecast = read_forecast(upload["name"], upload["content"], aht=aht)
        return forecast.calls, forecast.aht, forecast.labels, f"bestand {forecast.name}"

    def _show(self, message="", plan=None, source=None):
        self.message.value = message
        self.plan = plan
        if plan is None:
            self.result.value, self.download.value = "", ""
            self.chart.layout.display = "none"
            return
        self.download.value = download_link(plan_workbook(plan, source))
        figure = charts.staffing_by_interval(plan.intervals, target=plan.inputs["target"],
                                            figsize=(6.4, 4.6))
        self.chart.value = charts.to_png(figure)
        self.chart.layout.display = None
        self.result.value = plan_html(plan)       # last: once the numbers show, all parts are current

    def update(self, _change=None) -> None:
        typed = self.source.value == "typed"
        self._typed.layout.display = None if typed else "none"
        self._file.layout.display = "none" if typed else None
        self.patience.disabled = not self.use_patience.value
        try:
            forecast = self._forecast()
            if forecast is None:
                self._show("<div>Kies een CSV-bestand met de prognose per interval.</div>")
                return
            calls, aht, labels, source = forecast
            plan = staffing_plan(
                calls, aht, interval=self.interval.value,
                target=_percent_fraction("target", self.target.value),
                awt=dutch.parse_number(self.awt.value, "awt"),
                patience=dutch.parse_number(self.patience.value, "patience")
                if self.use_patience.value else None,
                shrinkage_rate=_percent_fraction("shrinkage_rate", self.shrinkage.value),
                contract_hours=dutch.parse_number(self.contract_hours.value, "contract_hours"),
                days_per_week=dutch.parse_number(self.days_per_week.value, "days_per_week"),
                labels=labels)
        except (ValueError, ParameterTypeError) as error:
            typed = {name: getattr(self, name).value for name in
                     ("aht", "target", "awt", "patience", "contract_hours", "days_per_week",
                      "interval")}
            typed["shrinkage_rate"] = self.shrinkage.value
            self._show(_error_html(messages.explain(error, typed)))
            return
        except Exception as error:  # noqa: BLE001 -- promise: a Dutch message, never a traceback
            self._show(_error_html("Dit kon niet worden doorgerekend "
                                   f"({type(error).__name__}). Controleer de invoer."))
            return
        self._show(plan=plan, source=source)


def _percent_fraction(name, text) -> float:
    """A percentage typed in a text box, as a fraction (``"80" -> 0.8``); the range is checked
    where the fraction is used."""
    return dutch.parse_number(text, name) / 100.0


def _error_html(sentence: str) -> str:
    return (f"<div class='wfm-fout' style='color:#b00020'><b>Controleer de invoer.</b> "
            f"{html.escape(sentence)}</div>")


def dashboard(**settings) -> Dashboard:
    """The consultant dashboard (ipywidgets), e.g. ``dashboard(interval=900, aht=240)``."""
    return Dashboard(**settings)
