"""Command line for quick staffing answers: ``python -m wfmcourse staff ...`` and ``... chat ...``.

Everything the command prints is Dutch; the logic lives in pure functions that the tests call
directly:

* :func:`staff_summary` / :func:`format_summary` -- one interval as a dict and as aligned text
  (the numbers from :func:`wfmcourse.domain.staffing.evaluate`, the one staffing evaluator);
* :func:`read_intervals` / :func:`staff_table` -- a CSV file of intervals with columns added;
* :func:`chat_summary` / :func:`format_chat_summary` / :func:`chat_table` -- the same for chat
  (``python -m wfmcourse chat ...``): agents who handle several chats at once
  (:mod:`wfmcourse.domain.chat`), with the rule of thumb "Erlang C divided by max_chats" beside it;
* :func:`main` -- argument parsing and exit codes (0 fine, 1 bad value or file, 2 bad usage).

Errors never show a traceback: one line ``fout: ...`` on stderr. A bad CSV file gets the Dutch
sentence of :func:`wfmcourse.presentation.messages.explain` (file, line and column), the same the
dashboard shows; other bad values the Dutch sentence for the typed error (its ``kind`` and
parameter) from the same table, and argparse's own complaints are put in Dutch as well.
"""
from __future__ import annotations

import argparse
import math
import os
import re
import sys

import pandas as pd

from wfmcourse.data import intervals
from wfmcourse.data.files import DataFileError
from wfmcourse.domain import alignment, chat, erlang, shrinkage, staffing
from wfmcourse.presentation import dutch, messages
from wfmcourse.validation import as_array, instance, scalar, value_error
from wfmcourse.validation import text as _text

__all__ = [
    "parse_sl",
    "staff_summary",
    "format_summary",
    "read_intervals",
    "staff_table",
    "chat_summary",
    "format_chat_summary",
    "chat_table",
    "dutch_output",
    "in_day_shrinkage",
    "build_parser",
    "main",
]

PROG = "python -m wfmcourse"
LABEL_COLUMNS = intervals.LABEL_COLUMNS
RESULT_COLUMNS = ("traffic", "agents_needed", "service_level", "asa", "occupancy", "abandonment",
                  "agents_to_roster")
#: the result columns as the written file shows them: Dutch headers, shares in percent
PERCENT_COLUMNS = ("service_level", "occupancy", "abandonment")
OUTPUT_HEADERS = {key: dutch.LABELS[key] + (" (%)" if key in PERCENT_COLUMNS else "")
                  for key in ("traffic", "agents", "agents_needed", "service_level", "asa", "occupancy",
                              "abandonment", "agents_to_roster")}
_WIDTH = 24          # width of the label column in format_summary


class UsageError(Exception):
    """The command line itself is wrong (exit code 2)."""


# ---------------------------------------------------------------------------
# calculations (pure)
# ---------------------------------------------------------------------------
def parse_sl(text: str) -> tuple[float, float]:
    """``"80/20"`` -> ``(0.8, 20.0)``: target fraction and acceptable wait time in seconds.

    Also accepts a decimal comma (``"80,5/20"``), a percent sign and a trailing ``s``
    (``"80%/20s"``). The percentage must lie strictly between 0 and 100.
    """
    match = re.fullmatch(r"\s*([\d.,]+)\s*%?\s*/\s*([\d.,]+)\s*s?\s*", _text("sl", text))
    if not match:
        raise value_error("sl", text, "format", "look like 80/20 (percent/seconds)")
    percent, awt = (dutch.parse_number(part, "sl") for part in match.groups())
    if not 0 < percent < 100:
        raise value_error("sl", text, "too_large" if percent >= 100 else "too_small",
                          "have a percentage > 0 and < 100")
    return percent / 100.0, awt


_SCALARS = ("calls", "aht", "interval", "awt", "target", "agents", "patience", "max_occupancy",
            "max_asa", "max_abandonment", "shrinkage_rate", "contract_hours", "absence")


def in_day_shrinkage(shrinkage_rate, absence=None) -> float:
    """The shrinkage within a day: ``(shrinkage_rate - absence) / (1 - absence)`` (fractions).

    ``absence`` (leave and sickness, whole days; default 0) is the part of ``shrinkage_rate`` that
    keeps people out of the roster; the rest (breaks, meetings, training, coaching) happens within
    the day (:func:`wfmcourse.domain.shrinkage.in_day_shrinkage`, the dashboard's rule)."""
    total = scalar("shrinkage_rate", shrinkage_rate, high=1.0, high_inclusive=False)
    leave = 0.0 if absence is None else scalar("absence", absence, high=total)
    return shrinkage.in_day_shrinkage({"leave": leave, "other": total - leave})


def staff_summary(calls, aht, *, interval=900, awt=20, target=0.8, patience=None, agents=None,
                  max_occupancy=None, max_asa=None, max_abandonment=None, shrinkage_rate=None,
                  contract_hours=None, absence=None) -> dict:
    """One interval: the inputs plus the row of :func:`~wfmcourse.domain.staffing.evaluate`, as
    Python scalars (times in seconds, ``target`` and the caps fractions).

    ``model`` is "Erlang C" or "Erlang A"; ``agents_given`` tells whether ``agents`` was
    evaluated rather than searched; ``abandonment`` is ``None`` for Erlang C. With
    ``shrinkage_rate`` (a fraction, of which ``absence`` is leave and sickness) it adds
    ``in_day_shrinkage`` (:func:`in_day_shrinkage`) and ``agents_to_roster``, whole people:
    ``ceil(agents / (1 - in_day_shrinkage))``; with ``contract_hours`` as well,
    ``gross_hours`` and ``fte`` of this single interval
    (:func:`~wfmcourse.domain.shrinkage.weekly_fte`). Otherwise these are ``None``.
    """
    given = dict(calls=calls, aht=aht, interval=interval, awt=awt, target=target, agents=agents,
                 patience=patience, max_occupancy=max_occupancy, max_asa=max_asa,
                 max_abandonment=max_abandonment, shrinkage_rate=shrinkage_rate,
                 contract_hours=contract_hours, absence=absence)
    for name in _SCALARS:
        if given[name] is not None:
            scalar(name, given[name], low=None)            # one interval: single numbers only
    if shrinkage_rate is not None:
        scalar("shrinkage_rate", shrinkage_rate, high=1.0, high_inclusive=False)
    if absence is not None and shrinkage_rate is None:
        raise value_error("absence", absence, "inconsistent", "be given only with shrinkage_rate")
    if contract_hours is not None and shrinkage_rate is None:
        raise value_error("shrinkage_rate", None, "inconsistent", "be given when contract_hours is given")
    table = staffing.evaluate(calls, aht, interval=interval, awt=awt, target=target,
                              patience=patience, agents=agents, max_occupancy=max_occupancy,
                              max_asa=max_asa, max_abandonment=max_abandonment)
    row = {column: table[column].iloc[0].item() for column in table.columns}
    summary = {
        "model": "Erlang C" if patience is None else "Erlang A",
        **{name: None if given[name] is None else float(given[name])
           for name in ("calls", "aht", "interval", "awt", "target", "patience", "max_occupancy",
                        "max_asa", "max_abandonment")},
        "agents_given": agents is not None,
        **{key: row[key] for key in ("traffic", "agents", "agents_needed", "meets_target",
                                     "service_level", "asa", "occupancy")},
        "abandonment": row.get("abandonment"),
        "shrinkage": None, "absence": None, "in_day_shrinkage": None, "agents_to_roster": None,
        "contract_hours": None,
        "gross_hours": None, "fte": None,
    }
    if shrinkage_rate is not None:
        in_day = in_day_shrinkage(shrinkage_rate, absence)
        summary.update(shrinkage=float(shrinkage_rate), absence=0.0 if absence is None else float(absence),
                       in_day_shrinkage=in_day,
                       agents_to_roster=alignment.agents_to_roster(summary["agents"], in_day))
    if contract_hours is not None:
        week = shrinkage.weekly_fte([summary["agents"]], interval, shrinkage_rate, contract_hours)
        summary.update(contract_hours=week.contract_hours, gross_hours=week.gross_hours,
                       fte=week.fte)
    return summary


# ---------------------------------------------------------------------------
# Dutch text
# ---------------------------------------------------------------------------
def _line(label: str, value: str) -> str:
    return f"{label + ':':<{_WIDTH}}{value}"


def _duration(seconds: float) -> str:
    minutes = seconds / 60.0
    plain = f"{seconds:g}".replace(".", ",") + " s"
    return f"{dutch.short(minutes)} min ({plain})" if minutes.is_integer() else plain


def _goal_text(s: dict) -> str:
    """The target and the caps of a summary, in Dutch."""
    goal = f"{dutch.short(100 * s['target'])} % binnen {dutch.short(s['awt'])} s"
    if s["max_occupancy"] is not None:
        goal += f", occupancy hoogstens {dutch.short(100 * s['max_occupancy'])} %"
    if s["max_asa"] is not None:
        goal += f", ASA hoogstens {dutch.short(s['max_asa'])} s"
    if s["max_abandonment"] is not None:
        goal += f", afhaakpercentage hoogstens {dutch.short(100 * s['max_abandonment'])} %"
    return goal


def _staffing_lines(s: dict) -> list[str]:
    """The agents (needed, or given and whether they meet the target), service level and ASA."""
    if s["agents_given"]:
        verdict = "ja" if s["meets_target"] else "nee"
        lines = [_line("Medewerkers (gegeven)", str(s["agents"])),
                 _line("Doel gehaald", f"{verdict} (nodig: {s['agents_needed']} medewerkers)")]
    else:
        lines = [_line("Medewerkers nodig", str(s["agents"]))]
    return lines + [
        _line("Service level", f"{dutch.percent(s['service_level'])} binnen {dutch.short(s['awt'])} s"),
        _line("ASA", "oneindig" if math.isinf(s["asa"]) else f"{dutch.number(s['asa'])} s")]


def format_summary(summary: dict) -> str:
    """Aligned Dutch text for a :func:`staff_summary` dict (no trailing newline)."""
    instance("summary", summary, dict, "the dict from staff_summary")
    s = summary
    model = s["model"]
    if s["patience"] is not None:
        model += f" (klanten haken af, geduld gemiddeld {dutch.short(s['patience'])} s)"
    goal = _goal_text(s)
    lines = [
        _line("Model", model),
        _line("Aanbod", f"{dutch.short(s['calls'])} gesprekken per {_duration(s['interval'])}, "
                        f"AHT {dutch.short(s['aht'])} s = {dutch.number(s['traffic'], 2)} Erlang"),
        _line("Doel", goal),
    ]
    lines += _staffing_lines(s)
    lines.append(_line("Occupancy", dutch.percent(s["occupancy"])))
    if s["abandonment"] is not None:
        lines.append(_line("Afhaakpercentage", dutch.percent(s["abandonment"])))
    if s["agents_to_roster"] is not None:
        lines.append(_line("In te roosteren", f"{s['agents_to_roster']} medewerkers (hele mensen, incl. "
                                              f"{dutch.percent(s['in_day_shrinkage'])} shrinkage "
                                              f"binnen de dag)"))
    if s["fte"] is not None:
        lines.append(_line("Benodigde FTE",
                           f"{dutch.number(s['fte'], 2)} voor dit interval "
                           f"({dutch.number(s['gross_hours'])} bruto uur / "
                           f"{dutch.short(s['contract_hours'])} uur contractweek)"))
    if s["patience"] is None and s["agents"] <= s["traffic"] and s["traffic"] > 0:
        lines.append(f"Let op: {s['agents']} medewerkers voor {dutch.number(s['traffic'], 2)} Erlang "
                     f"aanbod; in Erlang C groeit de wachtrij dan zonder eind.")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# CSV files of intervals
# ---------------------------------------------------------------------------
def read_intervals(path, aht=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a CSV file of intervals (:func:`wfmcourse.data.intervals.read`); returns ``(text, values)``.

    ``text`` is the file as written (the named columns as text, for writing back);
    ``values`` holds the typed columns: ``calls`` (>= 0), ``aht`` (seconds > 0; from the file
    where a row has it, else the ``aht`` argument) and ``agents`` (whole numbers, only when the
    file has that column: a given staffing to evaluate). Problems raise
    :class:`~wfmcourse.data.files.DataFileError` naming the file, physical line and column.
    """
    return _split(intervals.read(path, aht=aht))


def _split(data: intervals.IntervalFile) -> tuple[pd.DataFrame, pd.DataFrame]:
    values = pd.DataFrame({"calls": data.calls, "aht": data.aht}, index=data.text.index)
    if data.agents is not None:
        values["agents"] = data.agents
    return data.text, values


def dutch_output(table: pd.DataFrame, text_columns, headers=None) -> pd.DataFrame:
    """The table as the command writes it: the added columns with Dutch headers
    (``headers``, default :data:`OUTPUT_HEADERS`; :data:`CHAT_HEADERS` for :func:`chat_table`),
    shares in percent (88.8, header "service level (%)"); the file's own ``text_columns`` keep
    their names (also a given ``agents`` column)."""
    instance("table", table, pd.DataFrame, "a table from staff_table or chat_table")
    headers = OUTPUT_HEADERS if headers is None else instance("headers", headers, dict, "English -> Dutch")
    own = set(text_columns)
    out = table.copy()
    for key in PERCENT_COLUMNS:
        if key in out.columns and key not in own:
            out[key] = (100 * out[key]).round(4)
    return out.rename(columns={k: v for k, v in headers.items() if k not in own})


def _csv_style(data: intervals.IntervalFile) -> dict:
    """Write back as read: semicolons and decimal commas for a Dutch file, else commas and points."""
    dutch = data.separator == ";" or (
        data.separator is None and data.text.apply(lambda c: c.str.contains(",")).to_numpy().any())
    return {"sep": ";", "decimal": ","} if dutch else {"sep": ",", "decimal": "."}


def staff_table(text: pd.DataFrame, values: pd.DataFrame, *, interval=900, awt=20, target=0.8,
                patience=None, agents=None, max_occupancy=None, max_asa=None,
                max_abandonment=None, shrinkage_rate=None, absence=None) -> pd.DataFrame:
    """The intervals of :func:`read_intervals` with the columns of
    :func:`~wfmcourse.domain.staffing.evaluate` added, one vectorised computation.

    Added columns: ``traffic``, ``agents`` (searched, or the given staffing: the file's
    ``agents`` column or the ``agents`` argument for every row), ``agents_needed`` (only when a
    staffing was given), ``service_level``, ``asa``, ``occupancy`` (fractions and seconds),
    ``abandonment`` (Erlang A only) and ``agents_to_roster`` (with ``shrinkage_rate``, of which
    ``absence`` is leave and sickness: whole people, ``ceil(agents / (1 - in_day_shrinkage))``).
    The original columns keep their text; result columns from an earlier run (English names or the
    Dutch headers of :data:`OUTPUT_HEADERS`) are replaced.
    """
    if agents is not None and "agents" in values.columns:
        raise value_error("agents", agents, "inconsistent",
                          "not be given when the file has an agents column")
    given = values["agents"].to_numpy() if "agents" in values.columns else agents
    result = staffing.evaluate(values["calls"].to_numpy(), values["aht"].to_numpy(),
                               interval=interval, awt=awt, target=target, patience=patience,
                               agents=given, max_occupancy=max_occupancy, max_asa=max_asa,
                               max_abandonment=max_abandonment)
    stale = {*RESULT_COLUMNS, *OUTPUT_HEADERS.values()} - {"agents"}
    out = text.drop(columns=[c for c in text.columns if c in stale])     # results of an earlier run
    columns = ["traffic", "agents"] + (["agents_needed"] if given is not None else []) + [
        c for c in ("service_level", "asa", "occupancy", "abandonment") if c in result.columns]
    for column in columns:
        out[column] = result[column].to_numpy()
    if shrinkage_rate is not None:
        out["agents_to_roster"] = alignment.agents_to_roster(out["agents"].to_numpy(),
                                                      in_day_shrinkage(shrinkage_rate, absence))
    floats = out.select_dtypes("float").columns
    out[floats] = out[floats].round(6)
    return out


def _table_totals(labels, table, interval, shrinkage_rate, contract_hours) -> list[str]:
    """Dutch summary lines for a written table (printed only with --out)."""
    net_hours = float(table["agents"].sum()) * interval / 3600.0
    lines = [f"{len(table)} intervallen, samen {dutch.number(net_hours)} netto uur aan de telefoon"]
    if contract_hours is not None:
        agents = table["agents"]
        if labels:
            stamps = pd.to_datetime(pd.Series(labels), errors="coerce", format="ISO8601")
            if len(stamps) and stamps.notna().all():
                agents = pd.Series(agents.to_numpy(), index=pd.DatetimeIndex(stamps))
        week = shrinkage.weekly_fte(agents, interval, shrinkage_rate, contract_hours)
        lines.append(f"Benodigde FTE (in dienst, bruto, alle shrinkage): {dutch.number(week.gross_hours)} bruto uur = "
                     f"{dutch.number(week.fte, 2)} FTE "
                     f"bij een contractweek van {dutch.short(contract_hours)} uur "
                     f"(klopt als het bestand één week beslaat)")
    return lines


# ---------------------------------------------------------------------------
# chat (wfmcourse.domain.chat): agents who handle several chats at once
# ---------------------------------------------------------------------------
CHAT_COLUMNS = ("traffic", "agents", "agents_needed", "service_level", "asa", "occupancy", "mean_concurrency",
                "abandonment", "rule_of_thumb_agents")
CHAT_HEADERS = {key: dutch.LABELS[key] + (" (%)" if key in PERCENT_COLUMNS else "") for key in CHAT_COLUMNS}


def _chat_metrics(agents, traffic, aht, awt, *, max_chats, slowdown, patience) -> dict:
    """The chat model's numbers for ``agents`` (arrays or numbers), by name."""
    kw = dict(max_chats=max_chats, slowdown=slowdown, patience=patience)
    out = {"service_level": chat.service_level(agents, traffic, aht, awt, **kw),
           "asa": chat.asa(agents, traffic, aht, **kw),
           "occupancy": chat.occupancy(agents, traffic, aht, **kw),
           "mean_concurrency": chat.mean_concurrency(agents, traffic, aht, **kw),
           "p_wait": chat.p_wait(agents, traffic, aht, **kw)}
    out["abandonment"] = (None if patience is None else
                          chat.abandonment(agents, traffic, aht, patience, max_chats=max_chats, slowdown=slowdown))
    return out


def chat_summary(chats, aht, *, max_chats, slowdown=0.0, interval=900, awt=60, target=0.8, patience=None,
                 agents=None, max_occupancy=None, max_asa=None, max_abandonment=None) -> dict:
    """One interval of chats: the inputs, the chat model's staffing and metrics, and the rule of thumb.

    ``chats`` offered in ``interval`` seconds, ``aht`` seconds for a chat handled alone, at most
    ``max_chats`` at once per agent, each extra chat adding ``slowdown`` (fraction) of ``aht``;
    traffic ``chats * aht / interval`` single-chat Erlangs. ``agents`` is the smallest count that
    meets ``target`` within ``awt`` seconds and the caps (:func:`wfmcourse.domain.chat.agents_needed`),
    or the given count (``agents_given``; then ``agents_needed`` is the minimum and ``meets_target``
    whether the given count reaches it). Metrics at ``agents``: ``service_level``, ``asa`` (seconds),
    ``occupancy`` (share of agent time with at least one chat), ``mean_concurrency`` (chats per busy
    agent), ``p_wait``, ``abandonment`` (``None`` without ``patience``). ``phone_agents``: Erlang C (or
    A with ``patience``) for the same traffic as if every chat were a call; ``rule_of_thumb_agents``:
    ``ceil(phone_agents / max_chats)`` (:func:`wfmcourse.domain.chat.rule_of_thumb_agents`) and
    ``rule_of_thumb_service_level`` what that count reaches in the chat model. Python scalars.
    """
    c = scalar("chats", chats)
    for name, value in (("aht", aht), ("interval", interval), ("awt", awt), ("target", target),
                        ("max_chats", max_chats), ("slowdown", slowdown), ("agents", agents), ("patience", patience),
                        ("max_occupancy", max_occupancy), ("max_asa", max_asa),
                        ("max_abandonment", max_abandonment)):
        if value is not None:
            scalar(name, value, low=None)                  # one interval: single numbers only
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    load = float(erlang.traffic(c, h, scalar("interval", interval, low=0.0, low_inclusive=False)))
    kw = dict(max_chats=max_chats, slowdown=slowdown, patience=patience)
    needed = int(chat.agents_needed(load, h, awt, target, **kw, max_occupancy=max_occupancy, max_asa=max_asa,
                                    max_abandonment=max_abandonment))
    n = needed if agents is None else int(scalar("agents", agents, integer=True))
    rule = int(chat.rule_of_thumb_agents(load, h, awt, target, max_chats=max_chats, patience=patience))
    metrics = {key: None if value is None else float(value)
               for key, value in _chat_metrics(n, load, h, awt, **kw).items()}
    return {
        "model": "chat" if patience is None else "chat met afhakers",
        "chats": c, "aht": h, "interval": float(interval), "awt": float(awt), "target": float(target),
        "max_chats": int(max_chats), "slowdown": float(slowdown),
        "patience": None if patience is None else float(patience),
        **{name: None if value is None else float(value)
           for name, value in (("max_occupancy", max_occupancy), ("max_asa", max_asa),
                               ("max_abandonment", max_abandonment))},
        "traffic": load,
        "handling_time_full": float(chat.handling_time(h, max_chats, slowdown)),
        "agents_given": agents is not None, "agents": n, "agents_needed": needed, "meets_target": n >= needed,
        **metrics,
        "phone_agents": int(erlang.agents_needed(load, h, awt, target, patience=patience)),
        "rule_of_thumb_agents": rule,
        "rule_of_thumb_service_level": float(chat.service_level(rule, load, h, awt, **kw)),
    }


def format_chat_summary(summary: dict) -> str:
    """Aligned Dutch text for a :func:`chat_summary` dict (no trailing newline)."""
    instance("summary", summary, dict, "the dict from chat_summary")
    s = summary
    m = s["max_chats"]
    model = f"chat, hoogstens {m} {'chat' if m == 1 else 'chats'} tegelijk per medewerker"
    if s["patience"] is not None:
        model += f" (klanten haken af, geduld gemiddeld {dutch.short(s['patience'])} s)"
    aht = f"AHT {dutch.short(s['aht'])} s voor één chat"
    if m > 1 and s["slowdown"] > 0:
        aht += (f", {dutch.short(s['handling_time_full'])} s per chat bij {m} tegelijk "
                f"(+{dutch.short(100 * s['slowdown'])} % per extra chat)")
    elif m > 1:
        aht += f", even lang bij {m} tegelijk (geen vertraging)"
    goal = _goal_text(s)
    lines = [
        _line("Model", model),
        _line("Aanbod", f"{dutch.short(s['chats'])} chats per {_duration(s['interval'])} = "
                        f"{dutch.number(s['traffic'], 2)} Erlang"),
        _line("Afhandeltijd", aht),
        _line("Doel", goal),
    ]
    lines += _staffing_lines(s)
    lines.append(_line("Bezet met chat", f"{dutch.percent(s['occupancy'])} van de tijd minstens één chat "
                                         "(niet de occupancy van de telefoon)"))
    lines.append(_line("Chats tegelijk", f"{dutch.number(s['mean_concurrency'], 2)} gemiddeld per bezette "
                                         f"medewerker"))
    if s["abandonment"] is not None:
        lines.append(_line("Afhaakpercentage", dutch.percent(s["abandonment"])))
    rule = s["rule_of_thumb_agents"]
    phone = "Erlang C" if s["patience"] is None else "Erlang A"
    lines.append(_line("Vuistregel", f"{phone} {s['phone_agents']} / {m} = {rule} medewerkers: service level "
                                     f"{dutch.percent(s['rule_of_thumb_service_level'])} binnen "
                                     f"{dutch.short(s['awt'])} s"))
    gap = rule - s["agents_needed"]
    people = f"{abs(gap)} {'medewerker' if abs(gap) == 1 else 'medewerkers'}"
    if gap < 0:
        verdict = f"de vuistregel plant {people} te weinig"
        if s["slowdown"] > 0:
            verdict += f": ze rekent alsof {m} chats tegelijk even snel gaan als één"
    elif gap > 0:
        verdict = f"de vuistregel plant {people} te veel"
    else:
        verdict = "de vuistregel komt hier op hetzelfde aantal uit"
    lines.append(_WIDTH * " " + verdict)
    if s["patience"] is None and math.isinf(s["asa"]) and s["traffic"] > 0:
        lines.append(f"Let op: {s['agents']} medewerkers kunnen {dutch.number(s['traffic'], 2)} Erlang aan chats "
                     f"niet aan; de wachtrij groeit dan zonder eind.")
    return "\n".join(lines)


def chat_table(data: intervals.IntervalFile, aht, *, max_chats, slowdown=0.0, interval=900, awt=60,
               target=0.8, patience=None, max_occupancy=None, max_asa=None,
               max_abandonment=None) -> pd.DataFrame:
    """The chats of an interval file staffed per interval, one vectorised computation.

    Keeps the file's time columns and its chats column as written and adds :data:`CHAT_COLUMNS`
    except ``agents_needed``: ``traffic`` (single-chat Erlangs, ``chats * aht / interval``),
    ``agents`` (:func:`wfmcourse.domain.chat.agents_needed`), ``service_level``, ``asa`` (seconds),
    ``occupancy``, ``mean_concurrency``, ``abandonment`` (with ``patience``) and
    ``rule_of_thumb_agents`` (:func:`wfmcourse.domain.chat.rule_of_thumb_agents`). ``aht`` (seconds)
    is one number for every chat: a file's AHT column is the phone's. A file without a chats column
    raises :class:`~wfmcourse.data.files.DataFileError` (``missing_column``, line 1).
    """
    instance("data", data, intervals.IntervalFile, "a file from wfmcourse.data.intervals.read")
    if data.chats is None:
        raise DataFileError(data.name, 1, "chats", "missing column 'chats' (or 'aantal chats')",
                            kind="missing_column")
    h = scalar("aht", aht, low=0.0, low_inclusive=False)
    load = erlang.traffic(data.chats, h, scalar("interval", interval, low=0.0, low_inclusive=False))
    kw = dict(max_chats=max_chats, slowdown=slowdown, patience=patience)
    agents = chat.agents_needed(load, h, awt, target, **kw, max_occupancy=max_occupancy, max_asa=max_asa,
                                max_abandonment=max_abandonment)
    metrics = _chat_metrics(agents, load, h, awt, **kw)
    keep = [data.headers[key] for key in ("date", "interval_start", "start", "chats") if key in data.headers]
    out = data.text[keep].copy()
    out["traffic"], out["agents"] = load, agents
    for key in ("service_level", "asa", "occupancy", "mean_concurrency", "abandonment"):
        if metrics[key] is not None:
            out[key] = metrics[key]
    out["rule_of_thumb_agents"] = chat.rule_of_thumb_agents(load, h, awt, target, max_chats=max_chats,
                                                            patience=patience)
    floats = out.select_dtypes("float").columns
    out[floats] = out[floats].round(6)
    return out


# ---------------------------------------------------------------------------
# command line
# ---------------------------------------------------------------------------
def _number(text: str) -> float:
    """A number; a decimal comma is fine ("0,85"), see :func:`wfmcourse.presentation.dutch.parse_number`."""
    try:
        return dutch.parse_number(text, "getal")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(messages.explain(exc)) from None


def _fraction(text: str) -> float:
    """A fraction ("0,85", "0.85") or a percentage ("85%", "85 %")."""
    text = text.strip()
    if text.endswith("%"):
        value, kind = intervals.read_percent(text)
        if kind is None:
            return value
    return _number(text)


def _seconds(text: str) -> float:
    """Seconds, or a duration as the interval reader takes it ("5:00", "4 min", "240 s")."""
    value, kind = intervals.read_duration(str(text))
    if kind is not None:
        raise argparse.ArgumentTypeError(
            messages.explain(value_error("aht", text, kind, "be a number of seconds or a duration")))
    if 0 < value < intervals.MIN_AHT:
        raise argparse.ArgumentTypeError(messages.explain(value_error(
            "aht", text, "aht_minutes", f"be at least {intervals.MIN_AHT:g} s (minutes?)")))
    return value


def _whole(text: str) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen geheel getal: {text!r}") from None


def _sl(text: str) -> tuple[float, float]:
    try:
        return parse_sl(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(messages.explain(exc)) from None


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch headings and a one-line error instead of usage + exit."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._optionals.title = "opties"
        self._positionals.title = "argumenten"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message):
        raise UsageError(f"{_dutch_usage(message)} (zie: {self.prog} --help)")


# argparse's own English complaints -> Dutch (the rest of the message is ours, already Dutch)
_USAGE = ((r"^argument (\S+): ", r"optie \1: "),
          (r"^unrecognized arguments: ", "onbekende argumenten: "),
          (r"^the following arguments are required: ", "deze argumenten zijn verplicht: "),
          (r"expected one argument", "hier hoort één waarde achter"),
          (r"invalid choice: (.*?) \(choose from (.*)\)", r"onbekende keuze \1 (kies uit \2)"),
          (r"ambiguous option: (\S+) could match (.*)", r"optie \1 is dubbelzinnig: \2"),
          (r"invalid (\w+) value: (.*)", r"ongeldige waarde: \2"))


def _dutch_usage(message: str) -> str:
    for pattern, dutch_text in _USAGE:
        message = re.sub(pattern, dutch_text, message)
    return message


_STAFF_EPILOG = """\
voorbeelden:
  python -m wfmcourse staff --calls 100 --interval 1800 --aht 180 --sl 80/20
  python -m wfmcourse staff --calls 100 --interval 1800 --aht 180 --sl 80/20 --patience 120
  python -m wfmcourse staff --calls 100 --interval 1800 --aht 180 --agents 12
  python -m wfmcourse staff --csv intervallen.csv --aht 180 --out resultaat.csv

Het CSV-bestand heeft een kolom gesprekken (of aantal of calls; verplicht) en mag een kolom
tijd (of interval, start of interval_start; label), afhandeltijd of aht (seconden per regel, of
5:00 of 4 min), chats en agents (een gegeven aantal medewerkers om door te rekenen) hebben.
Komma als scheidingsteken met een decimale punt (12.5), of puntkomma (Nederlandse Excel)
met een decimale komma (12,5; daar is 1.234 duizendtweehonderdvierendertig en wordt 1.5
geweigerd). Elke regel heeft evenveel velden als de kopregel; een fout wordt gemeld met bestand,
regel en kolom, en het bestand wordt dan niet doorgerekend.
Er komen kolommen bij: verkeer (Erlang), medewerkers, service level (%), ASA (s), occupancy (%),
afhaakpercentage (%) met --patience en 'in te roosteren' (hele mensen, opgehoogd met de shrinkage
binnen de dag) met --shrinkage en --absence; een puntkommabestand komt terug met
puntkomma's en decimale komma's. Met --out verschijnt op het scherm een
korte samenvatting, met --contract-hours ook de FTE over het hele bestand."""


def _goal_options(parser, awt, busy=None) -> None:
    """The target options of a command (``--sl`` or ``--target``/``--awt``, the caps); ``awt`` the default."""
    goal = parser.add_argument_group(f"doel (standaard 80/{awt})")
    goal.add_argument("--sl", type=_sl, metavar="X/Y",
                      help=f"service level: X%% beantwoord binnen Y seconden, bijvoorbeeld 80/{awt}")
    goal.add_argument("--target", type=_fraction, metavar="FRACTIE",
                      help="service-leveldoel als fractie (0.8), in plaats van --sl")
    goal.add_argument("--awt", type=_number, metavar="SECONDEN",
                      help=f"wachttijdgrens in seconden ({awt}), in plaats van --sl")
    goal.add_argument("--max-occupancy", type=_fraction, metavar="FRACTIE",
                      help="hoogstens deze occupancy (0.85 of 85%%)" + (f": {busy}" if busy else ""))
    goal.add_argument("--max-asa", type=_number, metavar="SECONDEN",
                      help="hoogstens deze ASA in seconden")
    goal.add_argument("--max-abandonment", type=_fraction, metavar="FRACTIE",
                      help="hoogstens dit afhaakpercentage (0.05 of 5%%); vraagt ook --patience")


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser with the ``staff`` command."""
    parser = _Parser(prog=PROG, description="Snelle WFM-antwoorden voor contactcenters.")
    commands = parser.add_subparsers(dest="command", title="commando's", metavar="COMMANDO",
                                     parser_class=_Parser)
    staff = commands.add_parser(
        "staff", help="medewerkers per interval (Erlang C, of Erlang A met --patience)",
        description="Hoeveel medewerkers heb je nodig in één interval, of per interval van een\n"
                    "CSV-bestand? Erlang C, of Erlang A als klanten afhaken (--patience).",
        epilog=_STAFF_EPILOG)
    source = staff.add_argument_group("aanbod (kies --calls of --csv)")
    source.add_argument("--calls", type=_number, metavar="AANTAL",
                        help="aangeboden gesprekken in het interval")
    source.add_argument("--csv", metavar="BESTAND", help="CSV-bestand met één interval per regel")
    source.add_argument("--out", metavar="BESTAND",
                        help="schrijf het resultaat van --csv hierheen (anders naar het scherm)")
    source.add_argument("--interval", type=_number, default=900.0, metavar="SECONDEN",
                        help="lengte van het interval in seconden (standaard: 900)")
    source.add_argument("--aht", type=_seconds, metavar="SECONDEN",
                        help="gemiddelde afhandeltijd in seconden, of als 5:00 of '4 min' "
                             "(bij --csv mag een kolom afhandeltijd)")
    _goal_options(staff, awt=20)
    model = staff.add_argument_group("model en personeel")
    model.add_argument("--patience", type=_number, metavar="SECONDEN",
                       help="gemiddeld geduld van de klant in seconden: Erlang A met afhakers")
    model.add_argument("--agents", type=_whole, metavar="N",
                       help="reken dit aantal medewerkers door in plaats van het minimum te zoeken")
    model.add_argument("--shrinkage", type=_fraction, metavar="FRACTIE",
                       help="alle shrinkage als fractie (0.3 of 30%%): toont hoeveel hele mensen je "
                            "inroostert (met de shrinkage binnen de dag) en de benodigde FTE")
    model.add_argument("--absence", type=_fraction, metavar="FRACTIE",
                       help="het deel van --shrinkage dat verlof en verzuim is (0.15 of 15%%): hele dagen "
                            "afwezig, dus niet in het rooster; de rest is shrinkage binnen de dag "
                            "(standaard 0)")
    model.add_argument("--contract-hours", type=_number, metavar="UREN",
                       help="uren van een voltijd contractweek (bijv. 36): toont FTE; "
                            "vraagt ook --shrinkage")
    staff.set_defaults(func=_run_staff)
    _add_chat(commands)
    return parser


_CHAT_EPILOG = """\
voorbeelden:
  python -m wfmcourse chat --chats 120 --aht 600 --max-chats 3 --slowdown 0.25
  python -m wfmcourse chat --chats 120 --aht 600 --max-chats 3 --slowdown 25% --patience 300 --sl 80/60
  python -m wfmcourse chat --chats 120 --aht 600 --max-chats 3 --agents 40
  python -m wfmcourse chat --csv intervallen.csv --aht 600 --max-chats 3 --slowdown 0.25 --out chat.csv

Het model: elke medewerker voert tot --max-chats chats tegelijk; met meer chats tegelijk duurt
elke chat langer (--slowdown: elke extra chat voegt dit deel van de AHT toe). Nieuwe chats gaan
naar een vrije plek; zijn alle plekken bezet, dan wachten ze op hun beurt. Het model neemt aan dat
de chats steeds zo gelijk mogelijk over de medewerkers verdeeld zijn (zie wfmcourse.domain.chat).
Ernaast staat de vuistregel 'Erlang C gedeeld door het aantal chats tegelijk'.
Met --csv leest het commando de kolom chats (of 'aantal chats') van het bestand (dat ook een kolom
gesprekken heeft) en rekent elk interval door met de ene --aht voor chat (een kolom afhandeltijd
in het bestand hoort bij de telefoon en telt hier niet mee)."""


def _add_chat(commands) -> None:
    """The ``chat`` command: chat staffing with concurrency (:mod:`wfmcourse.domain.chat`)."""
    parser = commands.add_parser(
        "chat", help="chatmedewerkers per interval (meer chats tegelijk per medewerker)",
        description="Hoeveel chatmedewerkers heb je nodig als elke medewerker meer chats tegelijk\n"
                    "voert? Met de vuistregel 'Erlang C gedeeld door het aantal chats' ernaast.",
        epilog=_CHAT_EPILOG)
    source = parser.add_argument_group("aanbod (kies --chats of --csv)")
    source.add_argument("--chats", type=_number, metavar="AANTAL", help="aangeboden chats in het interval")
    source.add_argument("--csv", metavar="BESTAND", help="CSV-bestand met een kolom chats, één interval per regel")
    source.add_argument("--out", metavar="BESTAND",
                        help="schrijf het resultaat van --csv hierheen (anders naar het scherm)")
    source.add_argument("--interval", type=_number, default=900.0, metavar="SECONDEN",
                        help="lengte van het interval in seconden (standaard: 900)")
    source.add_argument("--aht", type=_seconds, metavar="SECONDEN", required=True,
                        help="gemiddelde afhandeltijd van één chat als de medewerker niets anders doet, in "
                             "seconden of als 10:00 of '10 min' (verplicht)")
    model = parser.add_argument_group("chatmodel")
    model.add_argument("--max-chats", type=_whole, metavar="N", required=True,
                       help="hoogstens zoveel chats tegelijk per medewerker (verplicht)")
    model.add_argument("--slowdown", type=_fraction, default=0.0, metavar="FRACTIE",
                       help="extra afhandeltijd per extra chat tegelijk, als deel van de AHT (0.25 of 25%%; "
                            "standaard 0)")
    model.add_argument("--patience", type=_number, metavar="SECONDEN",
                       help="gemiddeld geduld van de klant in seconden: klanten haken af")
    model.add_argument("--agents", type=_whole, metavar="N",
                       help="reken dit aantal medewerkers door in plaats van het minimum te zoeken (bij --chats)")
    _goal_options(parser, awt=60, busy="deel van de tijd met minstens één chat")
    parser.set_defaults(func=_run_chat)


def _goal(args, awt=20.0) -> tuple[float, float]:
    if args.sl is not None:
        if args.target is not None or args.awt is not None:
            raise UsageError("gebruik --sl of --target/--awt, niet allebei")
        return args.sl
    return (0.8 if args.target is None else args.target, awt if args.awt is None else args.awt)


def _run_staff(args, out) -> int:
    target, awt = _goal(args)
    if (args.calls is None) == (args.csv is None):
        raise UsageError("geef --calls (één interval) of --csv (een bestand), "
                         "precies één van de twee")
    if args.contract_hours is not None and args.shrinkage is None:
        raise UsageError("--contract-hours vraagt ook --shrinkage")
    if args.absence is not None and args.shrinkage is None:
        raise UsageError("--absence vraagt ook --shrinkage (verlof en verzuim is een deel van de shrinkage)")
    if args.max_abandonment is not None and args.patience is None:
        raise UsageError("--max-abandonment vraagt ook --patience (in Erlang C haakt niemand af)")
    options = dict(patience=args.patience, agents=args.agents, max_occupancy=args.max_occupancy,
                   max_asa=args.max_asa, max_abandonment=args.max_abandonment)
    if args.calls is not None:
        if args.out is not None:
            raise UsageError("--out hoort bij --csv")
        if args.aht is None:
            raise UsageError("--aht is verplicht bij --calls")
        summary = staff_summary(args.calls, args.aht, interval=args.interval, awt=awt, target=target, **options,
                                shrinkage_rate=args.shrinkage, contract_hours=args.contract_hours,
                                absence=args.absence)
        print(format_summary(summary), file=out)
        return 0
    # validate the scalar options before reading the file, so their errors name the option
    # (the reader checks --aht itself before it reads)
    as_array("interval", args.interval, low=0.0, low_inclusive=False)
    data = intervals.read(args.csv, aht=args.aht)
    if data.missing_days:
        days = ", ".join(dutch.date(day) for day in data.missing_days)
        print(f"let op: {data.name} heeft geen regels op {days}; ontbreekt die dag, dan is de FTE te laag",
              file=sys.stderr)
    text, values = _split(data)
    table = staff_table(text, values, interval=args.interval, awt=awt, target=target, **options,
                        shrinkage_rate=args.shrinkage, absence=args.absence)
    written = dutch_output(table, text.columns)
    if args.out is None:
        written.to_csv(out, index=False, **_csv_style(data))
        return 0
    written.to_csv(args.out, index=False, **_csv_style(data))
    print(f"Geschreven: {args.out}", file=out)
    for line in _table_totals(data.labels, table, args.interval, args.shrinkage, args.contract_hours):
        print(line, file=out)
    return 0


def _run_chat(args, out) -> int:
    target, awt = _goal(args, awt=60.0)
    if (args.chats is None) == (args.csv is None):
        raise UsageError("geef --chats (één interval) of --csv (een bestand), precies één van de twee")
    if args.max_abandonment is not None and args.patience is None:
        raise UsageError("--max-abandonment vraagt ook --patience (zonder geduld haakt niemand af)")
    options = dict(max_chats=args.max_chats, slowdown=args.slowdown, interval=args.interval, awt=awt,
                   target=target, patience=args.patience, max_occupancy=args.max_occupancy,
                   max_asa=args.max_asa, max_abandonment=args.max_abandonment)
    if args.chats is not None:
        if args.out is not None:
            raise UsageError("--out hoort bij --csv")
        print(format_chat_summary(chat_summary(args.chats, args.aht, agents=args.agents, **options)), file=out)
        return 0
    if args.agents is not None:
        raise UsageError("--agents hoort bij --chats (één interval)")
    as_array("interval", args.interval, low=0.0, low_inclusive=False)
    data = intervals.read(args.csv, aht=args.aht)
    table = chat_table(data, args.aht, **options)
    written = dutch_output(table, data.text.columns, CHAT_HEADERS)
    written.to_csv(args.out if args.out is not None else out, index=False, **_csv_style(data))
    if args.out is not None:
        print(f"Geschreven: {args.out}", file=out)
        hours = float(table["agents"].sum()) * args.interval / 3600.0
        print(f"{len(table)} intervallen, samen {dutch.number(hours)} netto uur aan chat "
              f"(de vuistregel: {dutch.number(float(table['rule_of_thumb_agents'].sum()) * args.interval / 3600.0)}"
              f" uur)", file=out)
    return 0


# the option a parameter of the package comes from, to name it in a message
_OPTIONS = {"calls": "--calls", "aht": "--aht", "interval": "--interval", "awt": "--awt",
            "target": "--target", "agents": "--agents", "patience": "--patience",
            "max_occupancy": "--max-occupancy", "max_asa": "--max-asa",
            "max_abandonment": "--max-abandonment", "shrinkage_rate": "--shrinkage",
            "shrinkage": "--shrinkage", "contract_hours": "--contract-hours", "absence": "--absence",
            "chats": "--chats", "max_chats": "--max-chats", "slowdown": "--slowdown"}


def _fail(message, code) -> int:
    print("fout: " + " ".join(str(message).split()), file=sys.stderr)
    return code


def _silence_stdout():
    """After a broken pipe, point stdout at devnull so that Python's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):   # no real file descriptor (e.g. captured)
        pass


def main(argv=None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit code.

    0: done; 1: a bad value or file (message from the package); 2: bad usage. Messages are one
    line on stderr starting with ``fout:``.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        return _fail(exc, 2)
    except SystemExit as exc:          # --help
        return exc.code if isinstance(exc.code, int) else 0
    if args.command is None:
        parser.print_help(sys.stdout)
        return 0
    try:
        return args.func(args, sys.stdout)
    except UsageError as exc:
        return _fail(exc, 2)
    except BrokenPipeError:            # e.g. "| head": the reader left; stop quietly
        _silence_stdout()
        return 1
    except FileNotFoundError as exc:
        return _fail(f"bestand niet gevonden: {exc.filename}", 1)
    except OSError as exc:
        return _fail(f"{exc.filename or ''}: {exc.strerror or exc}", 1)
    except DataFileError as exc:       # the same Dutch sentence as the dashboard shows
        return _fail(messages.explain(exc), 1)
    except (ValueError, TypeError) as exc:   # typed errors: the Dutch sentence for their kind
        option = _OPTIONS.get(getattr(exc, "parameter", None))
        return _fail((f"{option}: " if option else "") + messages.explain(exc), 1)
    except Exception as exc:           # noqa: BLE001 -- promise: never a traceback
        return _fail(f"onverwachte fout ({type(exc).__name__}: {exc})", 1)


if __name__ == "__main__":
    sys.exit(main())
