"""The consultant dashboard: a day or week of intervals in, agents, KPIs, FTE and Excel out.

Shown by the Voilà app ``notebooks/apps/bezettingscalculator.ipynb`` (``python cursus.py demo``).
The logic is in pure functions that the tests call directly:

* :func:`parse_calls` / :func:`interval_labels` -- typed calls per interval and their start times;
  :func:`parse_seconds` / :func:`parse_percent` -- fields as clients type them (``5:00``, ``4 min``,
  ``35 %``), by the rules of the interval reader;
* :func:`read_forecast` -- the bytes of an uploaded CSV file of interval forecasts (comma or
  semicolon separated, Dutch headers, as Dutch Excel writes it), through
  :func:`wfmcourse.data.intervals.read`, the reader of the command line;
* :func:`staffing_plan` -- agents per interval (:func:`wfmcourse.domain.staffing.evaluate`, one
  vectorised Erlang C/A call with the occupancy, ASA and abandonment limits), whole people to
  roster (in-day shrinkage only), totals, the required FTE and the rostered FTE (roster
  efficiency, :func:`wfmcourse.domain.shrinkage.rostered_hours`), optionally costs;
  :func:`data_days` -- the days a dated file covers;
* :func:`compare_scenarios` -- plans side by side (goal, volume, AHT) and their differences;
* :func:`summary_values`, :func:`plan_html`, :func:`scenario_html`, :func:`plan_workbook`,
  :func:`plan_pdf`, :func:`download_link` -- the Dutch summary (one list for screen, Excel and
  PDF), the Excel workbook for the client (:mod:`wfmcourse.presentation.excel`), a one-page PDF
  and HTML download buttons.

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

from wfmcourse.apps.calculator import INTERVALS
from wfmcourse.data import intervals
from wfmcourse.data.files import DataFileError
from wfmcourse.domain import alignment, kpi, shrinkage, staffing
from wfmcourse.presentation import charts, dutch, excel, messages
from wfmcourse.validation import (
    ParameterTypeError,
    as_array,
    dataframe,
    flag,
    instance,
    optional_scalar,
    regular_time_index,
    scalar,
    type_error,
    value_error,
    whole,
)
from wfmcourse.validation import text as _text

__all__ = [
    "ROSTER_EFFICIENCY",
    "SCENARIO_CHANGES",
    "compare_scenarios",
    "data_days",
    "parse_percent",
    "parse_seconds",
    "plan_pdf",
    "scenario_frame",
    "scenario_html",
    "summary_values",
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
PDF = "application/pdf"
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
    """Interval forecasts read from a file: ``labels`` (text), ``calls``, ``aht`` (seconds),
    ``chats`` (``None`` without a chats column) and ``missing_days`` (ISO dates of weekdays inside
    the file's week without any row)."""

    name: str
    labels: list
    calls: np.ndarray
    aht: np.ndarray
    chats: np.ndarray | None = None
    missing_days: tuple = ()


def read_forecast(name, content, aht=None) -> Forecast:
    """Read an uploaded CSV file of interval forecasts (``content`` as bytes).

    The reader of ``python -m wfmcourse staff --csv`` (:func:`wfmcourse.data.intervals.read`):
    ``calls`` (required), optionally ``aht`` per row (else the ``aht`` argument) and a label
    ``interval_start`` or ``start``; comma or semicolon separated (Dutch Excel). Problems raise
    :class:`~wfmcourse.data.files.DataFileError` naming the file, physical line and column.
    """
    data = intervals.read(bytes(content), name=name, aht=aht)
    return Forecast(data.name, data.labels, data.calls, data.aht, data.chats, data.missing_days)


def missing_days_note(forecast: Forecast) -> str:
    """A Dutch warning naming the weekdays inside the file's week without any row, or ``""``."""
    instance("forecast", forecast, Forecast, "a Forecast from read_forecast")
    if not forecast.missing_days:
        return ""
    days = ", ".join(f"{_WEEKDAYS[pd.Timestamp(day).day_of_week]} {dutch.date(day)}" for day in forecast.missing_days)
    return (f"Let op: het bestand heeft geen regels op {days}. Ontbreekt die dag? Dan is de FTE te laag; "
            f"was het centrum dicht, dan klopt hij.")


_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


# ---------------------------------------------------------------------------
# the calculation
# ---------------------------------------------------------------------------
#: default roster efficiency WITHOUT breaks: required hours / productive roster hours (paid hours
#: minus breaks) of notebook 06's test week with shifts of at least 6 hours and breaks by the
#: Arbeidstijdenwet (1.033,75 / 1.306 = 0,79; with the breaks in the paid hours it is 0,74). The
#: breaks are then always added through the in-day shrinkage, so the FTE to roster is never below
#: the required FTE.
ROSTER_EFFICIENCY = 0.79
WEEKS_PER_YEAR = 52


@dataclass(frozen=True)
class StaffingPlan:
    """The outcome of :func:`staffing_plan`.

    ``intervals``: one row per interval (index: the labels) with ``calls``, ``aht``,
    ``traffic``, ``agents_needed``, ``service_level``, ``asa``, ``occupancy``, ``abandonment``
    (Erlang A only) and ``agents_to_roster`` (whole people to roster: grossed up by the in-day
    shrinkage only; Dutch headers in :data:`wfmcourse.presentation.dutch.LABELS`). ``totals``:
    the period as a whole (see :func:`staffing_plan`). ``inputs``: the settings used.
    """

    intervals: pd.DataFrame
    totals: dict
    inputs: dict


def data_days(labels) -> int | None:
    """How many calendar days date-time labels ("2025-11-17 08:00") cover; ``None`` for labels
    without dates (clock times, numbers), which cannot say it."""
    if isinstance(labels, (str, bytes)) or not hasattr(labels, "__iter__"):
        raise type_error("labels", labels, "a sequence of texts, one per interval")
    stamps = dutch.label_times([str(x) for x in labels])
    return None if stamps is None or not len(stamps) else int(stamps.dt.normalize().nunique())


def _check_times(labels, seconds, days_per_week, count):
    """Dates with times must fit ``interval`` and one week; more than a day of intervals is a week
    of data, so ``days_per_week`` must then be 1 (never 5 times a week of data)."""
    stamps = dutch.label_times(labels)
    if stamps is None or len(stamps) < 2:
        if count * seconds > 86400 and days_per_week != 1:
            raise value_error("days_per_week", days_per_week, "longer_than_a_day",
                              f"be 1 when the {count} intervals of {seconds:g} s cover more than a day")
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


def _share(name, value) -> float:
    return scalar(name, value, high=1.0, high_inclusive=False)


def staffing_plan(calls, aht, *, interval=900, target=0.8, awt=20, patience=None, max_occupancy=None,
                  max_asa=None, max_abandonment=None, absence=0.15, breaks=0.05, other_shrinkage=0.10,
                  roster_efficiency=ROSTER_EFFICIENCY, contract_hours=36.0, days_per_week=1, labels=None,
                  hourly_cost=None) -> StaffingPlan:
    """Agents per interval for a forecast, with totals, the FTE required and the FTE to roster.

    ``calls`` per interval (sequence), ``aht`` in seconds (one value or one per interval),
    ``interval``, ``awt``, ``patience`` and ``max_asa`` in seconds, ``target``,
    ``max_occupancy`` and ``max_abandonment`` fractions (the limits of
    :func:`wfmcourse.domain.staffing.evaluate`, the one evaluator). Erlang C, or Erlang A with
    ``patience``. Shrinkage in three parts, each a fraction of paid hours (notebook 04):
    ``absence`` (leave and sickness: whole days), ``breaks`` and ``other_shrinkage`` (meetings,
    training, coaching). ``roster_efficiency``: required / productive roster hours, breaks NOT
    included (default 0.79, notebook 06: 1.033,75 / 1.306). ``contract_hours`` the full-time
    week; ``days_per_week``: how many days a week
    this pattern occurs (must be 1 when the intervals cover more than a day); ``labels``: text per
    interval (default 1, 2, ...); dates with times are checked against ``interval``;
    ``hourly_cost`` (euro per paid hour, optional) prices the rostered hours.

    Per interval ``agents_to_roster = ceil(agents_needed / (1 - s_day))`` whole people, with the
    in-day shrinkage ``s_day = (breaks + other) / (1 - absence)``
    (:func:`wfmcourse.domain.shrinkage.in_day_shrinkage`): who is on leave is not in the roster.

    Totals (per week, ``x days_per_week``): ``intervals``, ``calls``, ``agents_peak``,
    ``roster_peak``, ``service_level`` (weighted by calls), ``asa`` (weighted by answered calls),
    ``occupancy`` (``sum(carried) / sum(agents)``, 0 without agents), ``abandonment`` (weighted by
    calls; ``None`` for Erlang C), ``net_hours = sum(agents) * interval``, ``gross_hours =
    net_hours / (1 - absence - breaks - other)``, ``fte = gross_hours / contract_hours`` (the
    required FTE, no roster loss), ``rostered_hours = net_hours / roster_efficiency / (1 - absence
    - breaks - other) = gross_hours / roster_efficiency``
    (:func:`wfmcourse.domain.shrinkage.rostered_hours` with all shrinkage outside the efficiency: the
    breaks always count, so ``rostered_fte >= fte``), ``rostered_fte``, ``in_day_shrinkage``,
    ``total_shrinkage`` and with ``hourly_cost``
    ``cost_per_week`` and ``cost_per_year`` (52 weeks). ``None`` where a figure has no calls.
    """
    c = as_array("calls", calls)
    if c.ndim != 1 or not len(c):
        raise value_error("calls", calls, "shape", "be a non-empty sequence of numbers")
    h = as_array("aht", aht, low=0.0, low_inclusive=False)
    if h.ndim > 1 or (h.ndim == 1 and h.shape != c.shape):
        raise value_error("aht", aht, "shape", f"be one number or one per interval ({len(c)})")
    seconds = scalar("interval", interval, low=0.0, low_inclusive=False)
    days = whole("days_per_week", days_per_week, low=1, high=7)
    parts = {"leave": _share("absence", absence), "breaks": _share("breaks", breaks),
             "other": _share("other_shrinkage", other_shrinkage)}
    total = shrinkage.total_shrinkage(parts)
    in_day = shrinkage.in_day_shrinkage(parts)
    efficiency = scalar("roster_efficiency", roster_efficiency, low=0.0, low_inclusive=False, high=1.0)
    cost = optional_scalar("hourly_cost", hourly_cost)
    if labels is None:
        labels = [str(i) for i in range(1, len(c) + 1)]
    elif isinstance(labels, (str, bytes)) or not hasattr(labels, "__iter__"):
        raise type_error("labels", labels, "a sequence of texts, one per interval, or None")
    else:
        labels = [str(x) for x in labels]
    if len(labels) != len(c):
        raise value_error("labels", labels, "shape", f"have one text per interval ({len(c)})",
                          str(len(labels)))
    _check_times(labels, seconds, days, len(c))
    result = staffing.evaluate(c, h, interval=seconds, awt=awt, target=target, patience=patience,
                               max_occupancy=max_occupancy, max_asa=max_asa,
                               max_abandonment=max_abandonment)
    agents = result["agents_needed"].to_numpy(dtype=np.int64)
    week = shrinkage.weekly_fte(agents, seconds, total, contract_hours)
    columns = ["calls", "aht", "traffic", "agents_needed", "service_level", "asa", "occupancy"]
    if patience is not None:
        columns.append("abandonment")
    table = result[columns].set_axis(pd.Index(labels, name="interval"))
    table["aht"] = table["aht"].astype(float)
    table["agents_to_roster"] = alignment.agents_to_roster(agents, in_day)   # whole people
    abandoned = table["abandonment"].to_numpy() if "abandonment" in table else np.zeros(len(c))
    answered = c * (1.0 - abandoned)
    has_calls = c.sum() > 0
    rostered = shrinkage.rostered_hours(week.net_hours * days, efficiency, total)
    totals = {
        "intervals": len(c),
        "calls": float(c.sum()),
        "agents_peak": int(agents.max()),
        "roster_peak": int(table["agents_to_roster"].max()),
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
        "rostered_hours": rostered,
        "rostered_fte": rostered / week.contract_hours,
        "in_day_shrinkage": in_day,
        "total_shrinkage": total,
        "cost_per_week": None if cost is None else rostered * cost,
        "cost_per_year": None if cost is None else rostered * cost * WEEKS_PER_YEAR,
    }
    inputs = {"model": _model(patience), "interval": seconds, "target": float(target),
              "awt": float(awt), "patience": None if patience is None else float(patience),
              "max_occupancy": max_occupancy, "max_asa": max_asa, "max_abandonment": max_abandonment,
              "aht": float(np.average(h, weights=c)) if h.ndim and has_calls else float(np.mean(h)),
              "absence": parts["leave"], "breaks": parts["breaks"], "other_shrinkage": parts["other"],
              "roster_efficiency": efficiency, "contract_hours": week.contract_hours,
              "days_per_week": days, "hourly_cost": cost}
    return StaffingPlan(table, totals, inputs)


def _model(patience) -> str:
    return "Erlang C" if patience is None else "Erlang A"


#: what a scenario may change: the goal, the volume (factor) and the AHT (seconds added)
SCENARIO_CHANGES = ("target", "awt", "volume", "aht_change", "patience")


def compare_scenarios(calls, aht, *, scenarios, **settings) -> tuple[dict, pd.DataFrame]:
    """Plans side by side: ``scenarios`` maps a name to changes of the base ``settings``.

    Changes (:data:`SCENARIO_CHANGES`): ``target``, ``awt``, ``patience`` replace the setting;
    ``volume`` multiplies the calls (1.1 for +10 %), ``aht_change`` adds seconds to the AHT
    (-15). The first scenario is the base of the comparison (give it ``{}`` for the settings as
    they are). ``settings`` are :func:`staffing_plan`'s keywords; with ``hourly_cost`` the table
    holds the cost per week and year.

    Returns ``(plans, table)``: the :class:`StaffingPlan` per name, and a frame with one row per
    key figure (``agents_peak``, ``roster_peak``, ``service_level``, ``asa``, ``occupancy``,
    ``fte``, ``rostered_fte``, ``cost_per_week``, ``cost_per_year``) and one column per
    scenario, then a column ``difference <name>`` (this minus the first) for every other one.
    """
    instance("scenarios", scenarios, dict, "a dict name -> dict of changes")
    if not scenarios:
        raise value_error("scenarios", scenarios, "empty", "hold at least one scenario")
    base_calls, base_aht = as_array("calls", calls), as_array("aht", aht, low=0.0, low_inclusive=False)
    plans = {}
    for name, changes in scenarios.items():
        _text("scenarios", name)
        instance(f"scenarios[{name!r}]", changes, dict, "a dict of changes")
        unknown = set(changes) - set(SCENARIO_CHANGES)
        if unknown:
            raise value_error("scenarios", sorted(unknown), "choice",
                              f"change only {', '.join(SCENARIO_CHANGES)}")
        volume = scalar("volume", changes.get("volume", 1.0))
        shift = scalar("aht_change", changes.get("aht_change", 0.0), low=-np.inf)
        if np.any(base_aht + shift <= 0):
            raise value_error("aht_change", shift, "too_small", "leave an AHT > 0 in every interval")
        kwargs = {**settings, **{k: v for k, v in changes.items() if k in ("target", "awt", "patience")}}
        plans[name] = staffing_plan(base_calls * volume, base_aht + shift, **kwargs)
    keys = ["agents_peak", "roster_peak", "service_level", "asa", "occupancy", "fte", "rostered_fte"]
    if settings.get("hourly_cost") is not None:
        keys += ["cost_per_week", "cost_per_year"]
    table = pd.DataFrame({name: [plan.totals[k] for k in keys] for name, plan in plans.items()},
                         index=pd.Index(keys, name="key"), dtype=float)
    first = next(iter(plans))
    for name in list(plans)[1:]:
        table[f"difference {name}"] = table[name] - table[first]
    return plans, table


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------
# the plan table says whose number it is: "medewerkers nodig" where the course's tables say "nodig"
_HEADERS = {**dutch.LABELS, "agents_needed": "medewerkers nodig"}
#: how each kind of figure shows: on screen (Dutch text) and in Excel (number format)
_KINDS = {
    "whole": (lambda v: dutch.number(v, 0), excel.WHOLE),
    "one": (lambda v: dutch.number(v, 1), excel.ONE),
    "two": (lambda v: dutch.number(v, 2), excel.TWO),
    "percent": (dutch.percent, excel.PERCENT),
    "seconds": (lambda v: f"{dutch.number(v, 1)} s", excel.ONE),
    "euro": (lambda v: f"{'-' if v < 0 else ''}€ {dutch.number(abs(v), 0)}", excel.EURO),
    "text": (str, None),
}
_COLUMN_KINDS = {"calls": "one", "aht": "one", "traffic": "two", "agents_needed": "whole", "asa": "one",
                 "agents_to_roster": "whole", **{key: "percent" for key in _FRACTIONS}}


def dutch_table(intervals: pd.DataFrame, *, as_text=False) -> pd.DataFrame:
    """The interval table with Dutch column names (:data:`wfmcourse.presentation.dutch.LABELS`);
    ``as_text`` formats numbers the Dutch way."""
    dataframe("intervals", intervals)
    flag("as_text", as_text)
    table = intervals.rename(columns=_HEADERS)
    if not as_text:
        return table
    formats = {**_COLUMN_KINDS, "calls": "short", "aht": "short"}
    show = {key: (dutch.short if kind == "short" else _KINDS[kind][0]) for key, kind in formats.items()}
    return pd.DataFrame({_HEADERS[k]: intervals[k].map(show[k]) for k in intervals.columns},
                        index=intervals.index)


def summary_values(plan: StaffingPlan) -> list[tuple[str, str, object, str]]:
    """The figures a manager reads, as ``(key, Dutch label, value, kind)``: the one list behind the
    screen, the Excel sheet "Samenvatting" and the PDF (``kind`` says how it shows: ``whole``,
    ``one``, ``two``, ``percent``, ``seconds``, ``euro`` or ``text``)."""
    instance("plan", plan, StaffingPlan, "a StaffingPlan from staffing_plan")
    t, i = plan.totals, plan.inputs
    period = "per week" if i["days_per_week"] == 1 else f"per week ({i['days_per_week']} dagen)"
    model = i["model"] + ("" if i["patience"] is None else f", geduld {dutch.short(i['patience'])} s")
    rows = [
        ("model", "Rekenmodel", model, "text"),
        ("intervals", f"Intervallen van {dutch.short(i['interval'] / 60)} minuten", t["intervals"], "whole"),
        ("calls", "Gesprekken", t["calls"], "whole"),
        ("agents_peak", "Medewerkers nodig aan de telefoon (piek)", t["agents_peak"], "whole"),
        ("roster_peak", "In te roosteren medewerkers (piek, hele mensen, incl. shrinkage binnen de dag)",
         t["roster_peak"], "whole"),
        ("service_level", f"Service level (doel {dutch.percent(i['target'])} binnen {dutch.short(i['awt'])} s)",
         t["service_level"], "percent"),
        ("asa", "ASA (s, gemiddelde wachttijd)", t["asa"], "seconds"),
        ("occupancy", "Occupancy", t["occupancy"], "percent"),
        ("abandonment", "Afhaakpercentage", t["abandonment"], "percent"),
        ("net_hours", f"Netto uren aan de telefoon {period}", t["net_hours"], "one"),
        ("fte", f"Benodigde FTE (alle shrinkage {dutch.percent(t['total_shrinkage'])}, "
                f"contract {dutch.short(i['contract_hours'])} uur)", t["fte"], "one"),
        ("rostered_fte", f"In te roosteren FTE (incl. roosterverlies, roosterefficiëntie "
                         f"{_percent0(i['roster_efficiency'])})",
         t["rostered_fte"], "one"),
    ]
    if t["cost_per_week"] is not None:
        rows += [("cost_per_week", f"Loonkosten per week (€ {dutch.number(i['hourly_cost'], 2)} per uur)",
                  t["cost_per_week"], "euro"),
                 ("cost_per_year", "Loonkosten per jaar (52 weken)", t["cost_per_year"], "euro")]
    return rows


def _percent0(fraction) -> str:
    """A share as ``79 %`` (as typed: no trailing decimal zero)."""
    return f"{dutch.short(100 * fraction)} %"


def _shown(value, kind) -> str:
    if value is None:
        return "–"
    return _KINDS[kind][0](value)


def _summary_rows(plan: StaffingPlan) -> list[tuple[str, str, str]]:
    rows = []
    for key, label, value, kind in summary_values(plan):
        text_ = _shown(value, kind)
        if key == "abandonment" and value is None:
            text_ = "niet berekend: Erlang C neemt aan dat niemand ophangt"
        rows.append((key, label, text_))
    return rows


def plan_html(plan: StaffingPlan) -> str:
    """Dutch HTML: the totals (each value cell carries ``data-key``) and the interval table."""
    instance("plan", plan, StaffingPlan, "a StaffingPlan from staffing_plan")
    body = "".join(
        f"<tr><td style='padding:2px 14px 2px 0'>{html.escape(label)}</td>"
        f"<td data-key='{key}'><b>{html.escape(value)}</b></td></tr>"
        for key, label, value in _summary_rows(plan))
    note = ("<p style='font-size:small;color:#555;max-width:560px'>Benodigde FTE: de uren aan de "
            "telefoon, opgehoogd met alle shrinkage (ook pauzes), zonder roosterverlies. In te roosteren FTE "
            "(incl. roosterverlies): de benodigde FTE gedeeld door de roosterefficiëntie, wat werkbare "
            "diensten echt vragen; nooit minder dan de benodigde FTE. De roosterefficiëntie is zonder pauzes: "
            "benodigde uren gedeeld door de productieve roosteruren. De standaard 79 % komt uit notebook 06 van "
            "de cursus (1.033,75 benodigde uren / 1.306 productieve uren van een weekrooster met diensten van "
            "minstens 6 uur en pauzes volgens de Arbeidstijdenwet).</p>")
    detail = dutch_table(plan.intervals, as_text=True).to_html(border=0, classes="wfm-intervallen")
    return (f"<div class='wfm-resultaat'><table style='border-collapse:collapse'>{body}</table>{note}"
            f"<details style='margin-top:8px'><summary>Per interval</summary>"
            f"<div style='max-height:320px;overflow:auto'>{detail}</div></details></div>")


_SCENARIO_KEYS = ("agents_peak", "roster_peak", "service_level", "asa", "occupancy", "fte", "rostered_fte",
                  "cost_per_week", "cost_per_year")
# the scenario table's rows: the Dutch labels of dutch.LABELS, with a capital as a row heading
# ("fte" stays out of LABELS: kpi.fte names any FTE Series "fte", not only the required FTE)
_SCENARIO_LABELS = {key: label[0].upper() + label[1:] for key in _SCENARIO_KEYS
                    for label in [{**dutch.LABELS, "fte": "benodigde FTE"}[key]]}
_SCENARIO_KINDS = {"agents_peak": "whole", "roster_peak": "whole", "service_level": "percent",
                   "asa": "seconds", "occupancy": "percent", "fte": "one", "rostered_fte": "one",
                   "cost_per_week": "euro", "cost_per_year": "euro"}


def scenario_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The table of :func:`compare_scenarios` with Dutch labels ("verschil ..."), numbers kept."""
    dataframe("table", table)
    out = table.rename(index=_SCENARIO_LABELS,
                       columns=lambda c: c.replace("difference ", "verschil ", 1))
    out.index.name = "kengetal"
    return out


def scenario_html(table: pd.DataFrame) -> str:
    """Dutch HTML of the :func:`compare_scenarios` table (differences with a sign)."""
    dataframe("table", table)
    head = "".join(f"<th style='padding:2px 10px'>{html.escape(str(c))}</th>"
                   for c in scenario_frame(table).columns)
    rows = []
    for key, values in table.iterrows():
        kind = _SCENARIO_KINDS.get(key, "two")
        cells = []
        for column, value in values.items():
            if pd.isna(value):
                text_ = "–"
            elif str(column).startswith("difference ") and kind == "percent":
                text_ = f"{'+' if value > 0 else ''}{dutch.number(100 * value, 1)} procentpunt"
            elif str(column).startswith("difference "):
                text_ = ("+" if value > 0 else "") + _KINDS[kind][0](value)
            else:
                text_ = _KINDS[kind][0](value)
            cells.append(f"<td data-key='{key}' style='padding:2px 10px;text-align:right'>{html.escape(text_)}</td>")
        rows.append(f"<tr><td>{html.escape(_SCENARIO_LABELS.get(key, key))}</td>{''.join(cells)}</tr>")
    return (f"<table class='wfm-scenarios' style='border-collapse:collapse'><tr><th></th>{head}</tr>"
            f"{''.join(rows)}</table>")


def _assumptions(plan: StaffingPlan) -> dict:
    i = plan.inputs
    model = ("Erlang C: klanten wachten onbeperkt, niemand hangt op." if i["patience"] is None
             else f"Erlang A: klanten hangen op na gemiddeld {dutch.short(i['patience'])} s geduld "
                  f"(exponentieel verdeeld).")
    return {
        "Aankomsten": "Klanten bellen willekeurig en onafhankelijk van elkaar (Poisson-proces), met "
                      "hetzelfde gemiddelde binnen elk interval.",
        "Afhandeltijd": "Exponentieel verdeeld rond de AHT.",
        "Wachtrij": model,
        "Medewerkers": "Het kleinste aantal dat per interval alle doelen haalt: service level, en waar "
                       "ingevuld de maximale occupancy, ASA en afhakers.",
        "In te roosteren": "Per interval: nodig / (1 - shrinkage binnen de dag), naar boven afgerond op hele "
                           "mensen. Shrinkage binnen de dag = (pauzes + overleg, training, coaching) / "
                           "(1 - verlof en verzuim): wie met verlof of ziek is, staat niet in het rooster.",
        "Benodigde FTE": f"Netto uren / (1 - alle shrinkage, {_percent0(plan.totals['total_shrinkage'])}) / "
                         f"contracturen ({dutch.short(i['contract_hours'])} uur): de ondergrens, zonder "
                         f"verlies door werkbare diensten.",
        "In te roosteren FTE": f"Benodigde FTE / roosterefficiëntie ({_percent0(i['roster_efficiency'])}). "
                               f"De roosterefficiëntie is de benodigde uren gedeeld door de productieve uren "
                               f"(zonder pauzes) van een werkbaar rooster; de pauzes tellen mee in de shrinkage. "
                               f"Zo is de in te roosteren FTE nooit lager dan de benodigde FTE.",
    }


def _workbook_inputs(plan: StaffingPlan, source: str) -> dict:
    i = plan.inputs

    def maybe(value):
        return "–" if value is None else value
    return {
        "Bron": source,
        "Rekenmodel": i["model"],
        "Lengte interval (s)": i["interval"],
        "AHT (s, gewogen gemiddelde)": i["aht"],
        "Service-leveldoel": i["target"],
        "Binnen (s)": i["awt"],
        "Gemiddeld geduld (s)": maybe(i["patience"]),
        "Maximale occupancy": maybe(i["max_occupancy"]),
        "Maximale ASA (s)": maybe(i["max_asa"]),
        "Maximaal afhaakpercentage": maybe(i["max_abandonment"]),
        "Verlof en verzuim": i["absence"],
        "Pauzes": i["breaks"],
        "Overleg, training, coaching": i["other_shrinkage"],
        "Roosterefficiëntie (zonder pauzes)": i["roster_efficiency"],
        "Contracturen per week": i["contract_hours"],
        "Dagen per week met dit patroon": i["days_per_week"],
        "Uurkosten (€)": maybe(i["hourly_cost"]),
    }


_INPUT_FORMATS = {"Service-leveldoel": excel.PERCENT, "Maximale occupancy": excel.PERCENT,
                  "Maximaal afhaakpercentage": excel.PERCENT, "Verlof en verzuim": excel.PERCENT,
                  "Pauzes": excel.PERCENT, "Overleg, training, coaching": excel.PERCENT,
                  "Roosterefficiëntie (zonder pauzes)": excel.PERCENT, "AHT (s, gewogen gemiddelde)": excel.ONE,
                  "Uurkosten (€)": excel.TWO}


def plan_workbook(plan: StaffingPlan, source="ingetypt", scenarios=None) -> bytes:
    """The Excel workbook for the client (bytes): Samenvatting, Per interval (with a chart),
    Scenario's (with ``scenarios``, a :func:`compare_scenarios` table), Invoer and Aannames.
    Numbers stay numbers, shown with Excel number formats (``88,8 %``)."""
    instance("plan", plan, StaffingPlan, "a StaffingPlan from staffing_plan")
    _text("source", source)
    instance("scenarios", scenarios, (pd.DataFrame, type(None)), "a table from compare_scenarios, or None")
    rows = summary_values(plan)
    summary = {label: ("–" if value is None else value) for _, label, value, _ in rows}
    formats = {label: _KINDS[kind][1] for _, label, _, kind in rows if _KINDS[kind][1]}
    formats.update(_INPUT_FORMATS)
    formats.update({_HEADERS[k]: _KINDS[kind][1] for k, kind in _COLUMN_KINDS.items()})
    per_interval = dutch_table(plan.intervals)
    stamps = dutch.label_times(per_interval.index)
    if stamps is not None:                                     # real Excel date-times
        per_interval.index = pd.DatetimeIndex(stamps, name=per_interval.index.name)
        formats[per_interval.index.name] = excel.DATETIME
    results = {"Per interval": per_interval}
    if scenarios is not None:
        frame = scenario_frame(scenarios)
        differences = [c for c in frame.columns if str(c).startswith("verschil ")]
        for key, kind in _SCENARIO_KINDS.items():
            label = _SCENARIO_LABELS[key]
            formats[label] = _KINDS[kind][1]
            for column in differences:                          # signed; percentages in procentpunt
                formats[label, column] = excel.SIGNED[_KINDS[kind][1]]
                if kind == "percent" and label in frame.index:
                    frame.loc[label, column] = 100 * frame.loc[label, column]
        results["Scenario's"] = frame
    chart = {"sheet": "Per interval", "bars": [_HEADERS["agents_needed"]], "lines": [_HEADERS["agents_to_roster"]],
             "title": "Medewerkers per interval", "y_title": "medewerkers", "x_title": "interval"}
    return excel.workbook_bytes(summary=summary, inputs=_workbook_inputs(plan, source),
                                assumptions=_assumptions(plan), results=results, formats=formats, chart=chart)


def plan_pdf(plan: StaffingPlan, source="ingetypt") -> bytes:
    """A one-page PDF (bytes) of the summary and the agents per interval, for the client's e-mail."""
    instance("plan", plan, StaffingPlan, "a StaffingPlan from staffing_plan")
    _text("source", source)
    rows = [(label, "niet berekend (Erlang C)" if key == "abandonment" and plan.totals[key] is None else value)
            for key, label, value in _summary_rows(plan)]
    note = f"Bron: {source}. " + _assumptions(plan)["In te roosteren FTE"]
    figure = charts.summary_page(rows, plan.intervals, title=_pdf_title(plan), note=note)
    return charts.to_pdf(figure)


def _pdf_title(plan: StaffingPlan) -> str:
    """"Bezettingsadvies", with the week and its dates when the labels carry dates."""
    stamps = dutch.label_times(plan.intervals.index)
    if stamps is None:
        return "Bezettingsadvies"
    first, last = stamps.min(), stamps.max()
    week = first.isocalendar()[1]
    span = dutch.date(first, time=False) if first.normalize() == last.normalize() else \
        f"{dutch.date(first, time=False)} t/m {dutch.date(last, time=False)}"
    return f"Bezettingsadvies week {week} ({span})"


def download_link(data: bytes, filename="bezettingsadvies.xlsx", label="Download Excel-werkboek") -> str:
    """An HTML link, styled as a button, that downloads ``data`` as ``filename`` (the type follows
    the extension: ``.xlsx`` or ``.pdf``)."""
    instance("data", data, bytes, "the file contents as bytes")
    _text("filename", filename)
    _text("label", label)
    mime = PDF if filename.lower().endswith(".pdf") else XLSX
    encoded = base64.b64encode(data).decode("ascii")
    return (f"<a download='{html.escape(filename)}' href='data:{mime};base64,{encoded}' "
            f"class='wfm-download' style='display:inline-block;padding:6px 14px;border-radius:4px;"
            f"background:#1f6fb4;color:white;text-decoration:none;margin-right:8px'>{html.escape(label)}</a>")


# ---------------------------------------------------------------------------
# the widget
# ---------------------------------------------------------------------------
_STYLE = ("<style>.wfm-verouderd{opacity:.45;filter:grayscale(1)}"
          ".wfm-fout-veld input,.wfm-fout-veld textarea,.wfm-fout-veld select"
          "{border:2px solid #b00020 !important;background:#fff4f4}</style>")


def parse_seconds(text, name) -> float:
    """Seconds typed in a field: a number (``"300"``) or a duration (``"5:00"``, ``"4 min"``,
    ``"240 s"``) by :func:`wfmcourse.data.intervals.read_duration`, the rules of a file's AHT.
    For ``name`` ``"aht"`` a value under :data:`~wfmcourse.data.intervals.MIN_AHT` seconds is
    refused (``kind`` ``"aht_minutes"``: "4,7" is minutes).
    Raises :class:`~wfmcourse.validation.ParameterValueError` naming ``name``; ranges are the
    caller's."""
    _text("name", name)
    value, kind = intervals.read_duration(_text(name, text))
    if kind is not None:
        raise value_error(name, text, "not_a_number" if kind == "decimal_mark" else kind,
                          "be a number of seconds or a duration like 5:00 or 4 min")
    if name == "aht" and 0 < value < intervals.MIN_AHT:
        raise value_error(name, text, "aht_minutes",
                          f"be at least {intervals.MIN_AHT:g} s; a smaller number is most likely minutes")
    return value


def parse_percent(text, name, *, optional=False) -> float | None:
    """A percentage typed in a field as a fraction: ``"35"``, ``"35%"``, ``"35 %"`` -> 0.35
    (:func:`wfmcourse.data.intervals.read_percent`); with ``optional`` empty text is ``None``."""
    _text("name", name)
    flag("optional", optional)
    if optional and not _text(name, text).strip():
        return None
    value, kind = intervals.read_percent(_text(name, text))
    if kind is not None:
        raise value_error(name, text, "not_a_number" if kind == "decimal_mark" else kind,
                          "be a percentage like 35 or 35 %")
    return value


def parse_efficiency(text, name) -> float:
    """A share typed as a percentage or a fraction: ``"79 %"``, ``"79"`` and ``"0,79"`` -> 0.79.

    With a ``%`` sign, or a number above 1, it is a percentage (a share is at most 1, so this is
    unambiguous); otherwise a fraction. Raises :class:`~wfmcourse.validation.ParameterValueError`
    naming ``name``; ranges are the caller's."""
    _text("name", name)
    typed = _text(name, text).strip()
    if typed.endswith("%"):
        return parse_percent(typed, name)
    value = dutch.parse_number(typed, name)
    return value / 100.0 if value > 1 else value


class Dashboard(widgets.VBox):
    """The dashboard returned by :func:`dashboard`; the parts are attributes for tests and trainers.

    Inputs: ``source`` ("typed" or "file"), ``calls`` (text), ``start``, ``upload``,
    ``interval``, ``aht`` (seconds, or 5:00 / 4 min), ``target`` (percent), ``awt``,
    ``use_patience``, ``patience``, ``max_occupancy``, ``max_asa``, ``max_abandonment`` (empty: no
    limit), ``absence``, ``breaks``, ``other_shrinkage`` (percent of paid hours),
    ``roster_efficiency``, ``contract_hours``, ``days_per_week``, ``hourly_cost``; per scenario
    B and C ``scenario_target``, ``scenario_volume`` and ``scenario_aht`` (dicts "B"/"C" -> field).
    Outputs: ``message``, ``result`` (HTML), ``scenarios`` (HTML), ``chart`` (PNG) and ``download``
    (links to the workbook and the PDF). ``plan`` holds the latest :class:`StaffingPlan` (``None``
    after bad input); ``shown`` the last good one, which stays on screen greyed while the input is
    wrong, with the field concerned marked (``error_field``).
    """

    def __init__(self, calls=EXAMPLE_CALLS, interval=1800, aht=300, target=80, awt=20):
        wide = {"description_width": "230px"}
        size = widgets.Layout(width="390px")

        def text(value, description, tooltip=None, placeholder=""):
            field = widgets.Text(value=str(value), description=description, style=wide, layout=size,
                                 continuous_update=False, placeholder=placeholder)
            if tooltip:
                field.tooltip = tooltip
            return field

        def small(value, placeholder):
            return widgets.Text(value=str(value), placeholder=placeholder, continuous_update=False,
                                layout=widgets.Layout(width="110px"))

        self.source = widgets.ToggleButtons(options=(("Zelf invullen", "typed"), ("CSV-bestand", "file")),
                                            value="typed", description="Aanbod", style=wide)
        self.calls = widgets.Textarea(value=calls, description="Gesprekken per interval",
                                      placeholder="bijvoorbeeld: 80 110 140 150", style=wide,
                                      layout=widgets.Layout(width="390px", height="80px"),
                                      continuous_update=False)
        self.start = text("08:00", "Eerste interval begint om")
        self.upload = widgets.FileUpload(accept=".csv", multiple=False, description="Kies CSV-bestand",
                                         layout=widgets.Layout(width="200px"))
        self.file_status = widgets.HTML()
        self.file_help = widgets.HTML(
            "<small>Kolommen: <code>gesprekken</code> (of <code>aantal</code>; verplicht), "
            "<code>afhandeltijd</code> (of <code>AHT</code>; seconden, 5:00 of 4 min) en "
            "<code>tijd</code> (of <code>interval</code>, <code>start</code>) mogen. Puntkomma met "
            "decimale komma (12,5; 1.234 is 1234), zoals Nederlandse Excel opslaat, of komma met "
            "decimale punt (12.5).</small>")
        self.interval = widgets.Dropdown(options=INTERVALS, value=interval, description="Lengte interval",
                                         style=wide, layout=size)
        self.aht = text(aht, "AHT (seconden, of 5:00)", "Seconden, of minuten:seconden (5:00) of '4 min'.")
        self.target = text(target, "Service level (%)")
        self.awt = text(awt, "Binnen (seconden)")
        self.max_occupancy = text("", "Maximale occupancy (%)", placeholder="geen grens")
        self.max_asa = text("", "Maximale ASA (seconden)", placeholder="geen grens")
        self.use_patience = widgets.Checkbox(value=False, indent=False,
                                             description="Klanten haken af (Erlang A)")
        self.patience = text(120, "Gemiddeld geduld (seconden)")
        self.max_abandonment = text("", "Maximaal afhaakpercentage (%)", placeholder="geen grens")
        self.absence = text(15, "Verlof en verzuim (%)", "Deel van de betaalde uren; hele dagen afwezig.")
        self.breaks = text(5, "Pauzes (%)", "Deel van de betaalde uren.")
        self.other_shrinkage = text(10, "Overleg, training, coaching (%)", "Deel van de betaalde uren.")
        self.roster_efficiency = text(
            "79 %", "Roosterefficiëntie (%, zonder pauzes)",
            "Benodigde uren gedeeld door de productieve roosteruren (betaalde uren min pauzes); de pauzes "
            "tellen mee in de shrinkage. 79 % is gemeten in notebook 06 van de cursus: een weekrooster met "
            "diensten van minstens 6 uur en pauzes volgens de Arbeidstijdenwet (1.033,75 / 1.306 uur). "
            "Ook 0,79 mag.")
        self.contract_hours = text(36, "Contracturen per week")
        self.days_per_week = text(5, "Dagen per week",
                                  "Hoe vaak per week komt dit patroon voor? 1 als de invoer al een hele "
                                  "week beslaat.")
        self.days_note = widgets.HTML()
        self.hourly_cost = text("", "Uurkosten (€, voor de scenario's)", placeholder="bijvoorbeeld 35")
        self.scenario_target = {name: small("", "zelfde") for name in ("B", "C")}
        self.scenario_volume = {name: small("", "+0 %") for name in ("B", "C")}
        self.scenario_aht = {name: small("", "+0 s") for name in ("B", "C")}
        self.scenario_target["B"].value = "90"
        self.scenario_volume["C"].value = "10"
        self.message = widgets.HTML()
        self.result = widgets.HTML()
        self.scenarios = widgets.HTML()
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="640px"))
        self.download = widgets.HTML()
        self.plan = None
        self.shown = None
        self.error_field = None
        self._typed = widgets.VBox([self.calls, self.start])
        self._file = widgets.VBox([widgets.HBox([self.upload, self.file_status]), self.file_help])

        def heading(text_):
            return widgets.HTML(f"<b style='display:block;margin-top:8px'>{html.escape(text_)}</b>")

        grid = [widgets.HBox([widgets.HTML("<span style='display:inline-block;width:150px'></span>"),
                              widgets.HTML("<span style='width:110px;display:inline-block'>Service level (%)"
                                           "</span>"),
                              widgets.HTML("<span style='width:110px;display:inline-block'>Volume (± %)</span>"),
                              widgets.HTML("<span style='width:110px;display:inline-block'>AHT (± s)</span>")])]
        for name in ("B", "C"):
            grid.append(widgets.HBox([widgets.HTML(f"<span style='display:inline-block;width:150px'>"
                                                   f"Scenario {name}</span>"),
                                      self.scenario_target[name], self.scenario_volume[name],
                                      self.scenario_aht[name]]))
        inputs = widgets.VBox([
            self.source, self._typed, self._file, self.interval, self.aht,
            heading("Doelen"), self.target, self.awt, self.max_occupancy, self.max_asa,
            self.use_patience, self.patience, self.max_abandonment,
            heading("Shrinkage, rooster en FTE"), self.absence, self.breaks, self.other_shrinkage,
            self.roster_efficiency, self.contract_hours, self.days_per_week, self.days_note,
            heading("Scenario's naast elkaar (leeg = zoals de basis)"), self.hourly_cost, *grid],
            layout=widgets.Layout(min_width="420px"))
        self._outputs = widgets.VBox([self.result, self.download, self.chart, heading("Scenario's"),
                                      self.scenarios])
        super().__init__([widgets.HTML(_STYLE), self.message, widgets.HBox([inputs, self._outputs])])
        self._fields = {
            "calls": self.calls, "start": self.start, "aht": self.aht, "interval": self.interval,
            "target": self.target, "awt": self.awt, "patience": self.patience,
            "max_occupancy": self.max_occupancy, "max_asa": self.max_asa,
            "max_abandonment": self.max_abandonment, "absence": self.absence, "breaks": self.breaks,
            "other_shrinkage": self.other_shrinkage, "components": self.absence,
            "roster_efficiency": self.roster_efficiency, "contract_hours": self.contract_hours,
            "days_per_week": self.days_per_week, "hourly_cost": self.hourly_cost, "labels": self.interval}
        controls = [self.source, self.calls, self.start, self.upload, self.interval, self.aht, self.target,
                    self.awt, self.max_occupancy, self.max_asa, self.use_patience, self.patience,
                    self.max_abandonment, self.absence, self.breaks, self.other_shrinkage,
                    self.roster_efficiency, self.contract_hours, self.days_per_week, self.hourly_cost,
                    *self.scenario_target.values(), *self.scenario_volume.values(), *self.scenario_aht.values()]
        for control in controls:
            control.observe(self.update, names="value")
        self.update()

    # -- reading the fields ------------------------------------------------------------
    def _read(self, field, parse, name, *args):
        """``parse(field.value, name)``; an error remembers the field it came from."""
        try:
            return parse(field.value, name, *args)
        except ValueError as error:
            error.field = field
            raise

    def _optional(self, field, parse, name):
        return None if not field.value.strip() else self._read(field, parse, name)

    def _forecast(self):
        """Calls, AHT, labels and a description of the source, from the chosen input."""
        aht = self._read(self.aht, parse_seconds, "aht")
        if self.source.value == "typed":
            calls = self._read(self.calls, lambda v, _n: parse_calls(v), "calls")
            labels = interval_labels(self._read(self.start, lambda v, _n: parse_start(v), "start"),
                                     self.interval.value, len(calls))
            return calls, aht, labels, "ingetypt"
        if not self.upload.value:
            self.file_status.value = ""
            return None
        upload = self.upload.value[0]
        self.file_status.value = f"<span style='margin-left:8px'>{html.escape(upload['name'])}</span>"
        # the AHT field fills rows without an AHT; a bad field raises the AHT's own error
        forecast = read_forecast(upload["name"], upload["content"], aht=aht)
        if forecast.chats is not None:             # read and checked, but this calculator is for calls
            self.file_status.value += (f"<small style='margin-left:8px'>kolom chats gelezen "
                                       f"({dutch.short(forecast.chats.sum())} chats); de berekening gaat over "
                                       f"de gesprekken, chats tellen niet mee</small>")
        if forecast.missing_days:
            note = html.escape(missing_days_note(forecast))
            self.file_status.value += f"<br><small style='color:#b00020'>{note}</small>"
        return forecast.calls, forecast.aht, forecast.labels, f"bestand {forecast.name}"

    def _settings(self, labels) -> dict:
        days = data_days(labels)
        derived = days is not None and days > 1
        self.days_per_week.disabled = derived
        self.days_note.value = (f"<small>Uit de tijden in het bestand: {days} dagen. Het bestand is de week; "
                                f"'Dagen per week' telt niet mee.</small>" if derived else "")
        return dict(
            interval=self.interval.value,
            target=self._read(self.target, parse_percent, "target"),
            awt=self._read(self.awt, parse_seconds, "awt"),
            patience=self._read(self.patience, parse_seconds, "patience") if self.use_patience.value else None,
            max_occupancy=self._optional(self.max_occupancy, parse_percent, "max_occupancy"),
            max_asa=self._optional(self.max_asa, parse_seconds, "max_asa"),
            max_abandonment=self._optional(self.max_abandonment, parse_percent, "max_abandonment"),
            absence=self._read(self.absence, parse_percent, "absence"),
            breaks=self._read(self.breaks, parse_percent, "breaks"),
            other_shrinkage=self._read(self.other_shrinkage, parse_percent, "other_shrinkage"),
            roster_efficiency=self._read(self.roster_efficiency, parse_efficiency, "roster_efficiency"),
            contract_hours=self._read(self.contract_hours, dutch.parse_number, "contract_hours"),
            days_per_week=1 if derived else self._read(self.days_per_week, dutch.parse_number, "days_per_week"),
            hourly_cost=self._optional(self.hourly_cost, dutch.parse_number, "hourly_cost"),
            labels=labels)

    def _scenarios(self) -> dict:
        found = {"A: basis": {}}
        for name in ("B", "C"):
            changes, parts = {}, []
            target = self._optional(self.scenario_target[name], parse_percent, "target")
            volume = self._optional(self.scenario_volume[name], parse_percent, "volume")
            shift = self._optional(self.scenario_aht[name], dutch.parse_number, "aht_change")
            if target is not None:
                changes["target"] = target
                parts.append(f"{dutch.short(100 * target)} %")
            if volume is not None:
                changes["volume"] = 1.0 + volume
                parts.append(f"volume {'+' if volume >= 0 else ''}{dutch.short(100 * volume)} %")
            if shift is not None:
                changes["aht_change"] = shift
                parts.append(f"AHT {'+' if shift >= 0 else ''}{dutch.short(shift)} s")
            if changes:
                found[f"{name}: {', '.join(parts)}"] = changes
        return found

    # -- showing -----------------------------------------------------------------------
    def _mark(self, field) -> None:
        if self.error_field is not None and self.error_field is not field:
            self.error_field.remove_class("wfm-fout-veld")
        self.error_field = field
        if field is not None:
            field.add_class("wfm-fout-veld")

    def _show(self, plan, source, table):
        """Replace every output at once (no blank in between): numbers, chart, scenarios, files."""
        figure = charts.staffing_by_interval(plan.intervals, target=plan.inputs["target"], figsize=(6.4, 4.6))
        png = charts.to_png(figure)
        workbook = plan_workbook(plan, source, table)
        pdf = plan_pdf(plan, source)
        page = plan_html(plan)
        self._mark(None)
        self.message.value = ""
        self.plan = self.shown = plan
        self.result.value = page
        self.chart.value = png
        self.chart.layout.display = None
        self.scenarios.value = scenario_html(table)
        self.download.value = (download_link(workbook) +
                               download_link(pdf, "bezettingsadvies.pdf", "Download PDF (één pagina)"))
        self._outputs.remove_class("wfm-verouderd")

    def _fail(self, sentence, field=None):
        """A Dutch message above, the field marked, the last good result kept but greyed."""
        self.message.value = _error_html(sentence, stale=self.shown is not None)
        self.plan = None
        self._mark(field)
        self.download.value = ("<small>De downloads komen terug zodra de invoer klopt.</small>"
                               if self.shown is not None else "")
        if self.shown is None:
            self.chart.layout.display = "none"
        self._outputs.add_class("wfm-verouderd")

    def update(self, _change=None) -> None:
        changed = _change.get("owner") if isinstance(_change, dict) else None
        typed = self.source.value == "typed"
        self._typed.layout.display = None if typed else "none"
        self._file.layout.display = "none" if typed else None
        self.patience.disabled = not self.use_patience.value
        try:
            forecast = self._forecast()
            if forecast is None:
                self._fail("Kies een CSV-bestand met de prognose per interval.", self.upload)
                self.message.value = "<div>Kies een CSV-bestand met de prognose per interval.</div>"
                return
            calls, aht, labels, source = forecast
            settings = self._settings(labels)
            plans, table = compare_scenarios(calls, aht, scenarios=self._scenarios(), **settings)
            plan = next(iter(plans.values()))
        except DataFileError as error:
            self._fail(messages.explain(error), self.upload)
            return
        except (ValueError, ParameterTypeError) as error:
            typed = {name: field.value for name, field in self._fields.items()
                     if isinstance(field.value, str) or name == "interval"}
            field = getattr(error, "field", None) or self._fields.get(getattr(error, "parameter", None))
            shares = (self.absence, self.breaks, self.other_shrinkage)
            if field is self.absence and getattr(error, "parameter", None) == "components" and changed in shares:
                field = changed                  # the sum is too large: mark the part just changed
            sentence = messages.explain(error, typed)
            if getattr(field, "description", "") and field is not self.upload:
                sentence = f"{field.description}: {sentence}"      # name the field the message is about
            self._fail(sentence, field)
            return
        except Exception as error:  # noqa: BLE001 -- promise: a Dutch message, never a traceback
            self._fail("Dit kon niet worden doorgerekend "
                       f"({type(error).__name__}). Controleer de invoer.")
            return
        self._show(plan, source, table)


def _error_html(sentence: str, stale=False) -> str:
    kept = (" <span style='color:#555'>Hieronder staat nog de vorige uitkomst, grijs.</span>" if stale else "")
    return (f"<div class='wfm-fout' style='color:#b00020'><b>Controleer de invoer.</b> "
            f"{html.escape(sentence)}{kept}</div>")


def dashboard(**settings) -> Dashboard:
    """The consultant dashboard (ipywidgets), e.g. ``dashboard(interval=900, aht=240)``."""
    return Dashboard(**settings)
