"""Command line for quick staffing answers: ``python -m wfmcourse staff ...``.

Everything the command prints is Dutch; the logic lives in pure functions that the tests call
directly:

* :func:`staff_summary` / :func:`format_summary` -- one interval as a dict and as aligned text
  (the numbers from :func:`wfmcourse.domain.staffing.evaluate`, the one staffing evaluator);
* :func:`read_intervals` / :func:`staff_table` -- a CSV file of intervals with columns added;
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
from wfmcourse.domain import alignment, shrinkage, staffing
from wfmcourse.presentation import dutch, messages
from wfmcourse.validation import as_array, instance, scalar, value_error
from wfmcourse.validation import text as _text

__all__ = [
    "parse_sl",
    "staff_summary",
    "format_summary",
    "read_intervals",
    "staff_table",
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


def format_summary(summary: dict) -> str:
    """Aligned Dutch text for a :func:`staff_summary` dict (no trailing newline)."""
    instance("summary", summary, dict, "the dict from staff_summary")
    s = summary
    model = s["model"]
    if s["patience"] is not None:
        model += f" (klanten haken af, geduld gemiddeld {dutch.short(s['patience'])} s)"
    goal = f"{dutch.short(100 * s['target'])} % binnen {dutch.short(s['awt'])} s"
    if s["max_occupancy"] is not None:
        goal += f", occupancy hoogstens {dutch.short(100 * s['max_occupancy'])} %"
    if s["max_asa"] is not None:
        goal += f", ASA hoogstens {dutch.short(s['max_asa'])} s"
    if s["max_abandonment"] is not None:
        goal += f", afhaakpercentage hoogstens {dutch.short(100 * s['max_abandonment'])} %"
    lines = [
        _line("Model", model),
        _line("Aanbod", f"{dutch.short(s['calls'])} gesprekken per {_duration(s['interval'])}, "
                        f"AHT {dutch.short(s['aht'])} s = {dutch.number(s['traffic'], 2)} Erlang"),
        _line("Doel", goal),
    ]
    if s["agents_given"]:
        lines.append(_line("Medewerkers (gegeven)", str(s["agents"])))
        verdict = "ja" if s["meets_target"] else "nee"
        lines.append(_line("Doel gehaald", f"{verdict} (nodig: {s['agents_needed']} medewerkers)"))
    else:
        lines.append(_line("Medewerkers nodig", str(s["agents"])))
    lines.append(_line("Service level", f"{dutch.percent(s['service_level'])} binnen {dutch.short(s['awt'])} s"))
    lines.append(_line("ASA", "oneindig" if math.isinf(s["asa"]) else f"{dutch.number(s['asa'])} s"))
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


def dutch_output(table: pd.DataFrame, text_columns) -> pd.DataFrame:
    """The table as the command writes it: the added columns with Dutch headers
    (:data:`OUTPUT_HEADERS`), shares in percent (88.8, header "service level (%)"); the file's
    own ``text_columns`` keep their names (also a given ``agents`` column)."""
    instance("table", table, pd.DataFrame, "a table from staff_table")
    own = set(text_columns)
    out = table.copy()
    for key in PERCENT_COLUMNS:
        if key in out.columns and key not in own:
            out[key] = (100 * out[key]).round(4)
    return out.rename(columns={k: v for k, v in OUTPUT_HEADERS.items() if k not in own})


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
    goal = staff.add_argument_group("doel (standaard 80/20)")
    goal.add_argument("--sl", type=_sl, metavar="X/Y",
                      help="service level: X%% beantwoord binnen Y seconden, bijvoorbeeld 80/20")
    goal.add_argument("--target", type=_fraction, metavar="FRACTIE",
                      help="service-leveldoel als fractie (0.8), in plaats van --sl")
    goal.add_argument("--awt", type=_number, metavar="SECONDEN",
                      help="wachttijdgrens in seconden (20), in plaats van --sl")
    goal.add_argument("--max-occupancy", type=_fraction, metavar="FRACTIE",
                      help="hoogstens deze occupancy (0.85 of 85%%)")
    goal.add_argument("--max-asa", type=_number, metavar="SECONDEN",
                      help="hoogstens deze ASA in seconden")
    goal.add_argument("--max-abandonment", type=_fraction, metavar="FRACTIE",
                      help="hoogstens dit afhaakpercentage (0.05 of 5%%); vraagt ook --patience")
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
    return parser


def _goal(args) -> tuple[float, float]:
    if args.sl is not None:
        if args.target is not None or args.awt is not None:
            raise UsageError("gebruik --sl of --target/--awt, niet allebei")
        return args.sl
    return (0.8 if args.target is None else args.target, 20.0 if args.awt is None else args.awt)


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


# the option a parameter of the package comes from, to name it in a message
_OPTIONS = {"calls": "--calls", "aht": "--aht", "interval": "--interval", "awt": "--awt",
            "target": "--target", "agents": "--agents", "patience": "--patience",
            "max_occupancy": "--max-occupancy", "max_asa": "--max-asa",
            "max_abandonment": "--max-abandonment", "shrinkage_rate": "--shrinkage",
            "shrinkage": "--shrinkage", "contract_hours": "--contract-hours", "absence": "--absence"}


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
