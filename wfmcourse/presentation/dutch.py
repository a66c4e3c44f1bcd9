"""Numbers written (and read) the Dutch way, for everything a learner or client reads or types.

Decimal comma, a dot between thousands (``1.234,5``), ``oneindig`` for an infinite value and
a dash for a missing one. One place, so the calculator, the command line, the dashboard and
the exercise feedback all write ``78,3 %`` the same way. :func:`parse_number` reads a number a
user typed (decimal comma or point) for the command line and the dashboard, by the rules of the
interval-file reader.

:func:`table` does the same for a whole table in a notebook: Dutch column and index names (from
:data:`LABELS`), numbers with a decimal comma, percentages as ``87,2 %``, ``ja``/``nee`` for
booleans and Dutch dates, and no pandas ``Name: ... dtype`` line under a Series.
"""
from __future__ import annotations

import datetime as _dt
import math
import numbers
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from wfmcourse.data.intervals import read_number
from wfmcourse.validation import (
    ParameterTypeError,
    flag,
    type_error,
    value_error,
    whole,
)
from wfmcourse.validation import text as _text

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DAY_NAMES", "LABELS", "date", "label_times", "legend", "number", "parse_number", "percent", "short",
           "table"]


def _real(name, value):
    """``value`` as a float: a real number (NaN and infinity allowed), never text or a bool."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.number)) \
            or isinstance(value, np.complexfloating):
        raise type_error(name, value, "a real number or None")
    return float(value)


def number(value, decimals=1, *, thousands=True, signed=False) -> str:
    """``1234.56 -> "1.234,6"``; ``None -> "–"``, ``inf -> "oneindig"``.

    ``thousands=False`` leaves out the thousands dot (``"1234,6"``); ``signed=True`` writes a
    plus sign before positive numbers (``"+2,5"``), as for a bias or a change.
    """
    decimals = whole("decimals", decimals)
    thousands, signed = flag("thousands", thousands), flag("signed", signed)
    if value is None:
        return "–"
    value = _real("value", value)
    if math.isnan(value):
        return "–"
    if math.isinf(value):
        return "oneindig" if value > 0 else "min oneindig"
    text = f"{value:{'+' if signed else ''}{',' if thousands else ''}.{decimals}f}"
    if text.lstrip("+-").strip("0,.") == "":       # -0.0 rounds to "-0,0": show "0,0"
        text = text.lstrip("+-")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def percent(fraction, decimals=1, *, space=True, signed=False) -> str:
    """A fraction as a percentage: ``0.7829 -> "78,3 %"`` (``space=False``: ``"78,3%"``)."""
    space = flag("space", space)
    if fraction is None:
        number(None, decimals, signed=signed)          # checks decimals and signed
        return "–"
    return number(100.0 * _real("fraction", fraction), decimals, signed=signed) + (" %" if space else "%")


def short(value) -> str:
    """A number without needless decimals: ``20.0 -> "20"``, ``85.5 -> "85,5"``, ``1/3 -> "0,33"``."""
    value = _real("value", value)
    if value.is_integer():
        return number(value, 0)
    return number(value, 2).rstrip("0").rstrip(",")


_NUMBER_PROBLEMS = {
    "not_a_number": "be a number (decimal comma or point, e.g. 12,5)",
    "ambiguous_number": "be a number that reads one way only (1.234 and 1,234 may be thousands "
                        "or decimals: write 1234 or 1,234 with another digit count)",
    "not_finite": "be a number small enough to compute with",
}


def parse_number(text, name) -> float:
    """A number typed by a user: ``"12,5" -> 12.5``, ``"12.5" -> 12.5``, ``"1.234,5" -> 1234.5``.

    Decimal comma or point, an optional sign and exponent (``"1e-3"``), thousands marks only where
    the reading is unambiguous: ``"1.234"`` and ``"1,234"`` (thousands or decimals?) are refused,
    as in a one-column interval file (:func:`wfmcourse.data.intervals.read_number`). Leading and
    trailing spaces are ignored. Ranges are the caller's: ``"-1"`` is -1.0.

    Raises :class:`~wfmcourse.validation.ParameterValueError` naming ``name`` with ``value`` the
    text and ``kind`` ``"not_a_number"`` (also for ``nan``, ``inf`` and empty text),
    ``"ambiguous_number"`` or ``"not_finite"`` (too large for a float).
    """
    _text("name", name)
    typed = _text(name, text)
    value, kind = read_number(typed.strip())
    if kind == "decimal_mark":            # not produced without a separator; kept for safety
        kind = "not_a_number"
    if kind is not None:
        raise value_error(name, text, kind, _NUMBER_PROBLEMS[kind])
    return value


# Dutch labels for the English column and index names of the package's tables, one dict per
# area so that each area keeps its own list; one English name has one Dutch label everywhere
# (tests/test_dutch.py checks that no two areas label the same name differently).
_GENERAL = {
    "abbreviation": "afkorting", "english": "Engels", "term": "begrip", "category": "categorie",
    "correction": "correctie", "twin": "tweeling", "definition": "definitie", "notebook": "notebook",
    "offered": "aangeboden", "answered": "beantwoord", "abandoned": "afgehaakt",
    "short_abandoned": "korte afhakers", "answered_in_time": "op tijd beantwoord",
    "talk": "gesprekstijd (s)", "hold": "wachtstand (s)", "acw": "nawerk (s)",
    "wait_answered": "wachttijd beantwoord (s)", "wait_abandoned": "wachttijd afhakers (s)",
    "wait_all": "wachttijd iedereen (s)", "questions": "klantvragen",
    "resolved_first_contact": "in één keer opgelost", "repeat_contacts": "herhaalcontacten",
    "surveys": "enquêtes", "paid": "betaald", "scheduled": "ingeroosterd voor klantcontact",
    "logged_in": "ingelogd",
    "productive": "productief", "idle": "ingelogd, niet bezig", "not_logged_in": "niet ingelogd",
    "week_start": "week vanaf", "interval_start": "kwartier", "week": "week", "intervals": "kwartieren",
    "service_level": "service level", "unweighted_mean": "ongewogen gemiddelde",
    "share_below_target": "kwartieren onder de norm", "agents": "medewerkers",
    "agents_staffed": "ingezet", "calls": "gesprekken", "aht": "AHT (s)", "hour": "uur",
    # the columns of data/intervals.csv (datasets.load_intervals)
    "is_open": "open", "holiday": "feestdag", "forecast_calls": "forecast (gesprekken)",
    "calls_offered": "aangeboden gesprekken", "calls_answered": "beantwoorde gesprekken",
    "calls_abandoned": "afgehaakte gesprekken", "chats_offered": "aangeboden chats",
}

_QUEUEING = {   # erlang, staffing, scenarios, alignment, simulation, cli
    # queue metrics (scenarios, alignment, simulation)
    "traffic": "verkeer (Erlang)", "load": "Erlang", "wait_probability": "P(wachten)", "asa": "ASA (s)",
    "occupancy": "occupancy", "abandonment": "afhaakpercentage",
    # scenarios
    "occupancy_goal": "occupancy-doel", "agents_capped": "medewerkers met plafond",
    "occupancy_capped": "occupancy met plafond", "setup": "opzet", "separate": "gescheiden",
    "pooled": "samengevoegd", "queues": "wachtrijen", "traffic_per_queue": "Erlang per wachtrij",
    "agents_per_queue": "medewerkers per wachtrij", "agents_total": "medewerkers totaal",
    "agents_per_erlang": "medewerkers per Erlang", "scenario": "scenario", "base": "basis",
    "more_volume": "meer volume", "longer_aht": "langere AHT", "volume_and_aht": "allebei",
    "extra_agents": "extra medewerkers", "patience": "geduld (s)",
    "agents_erlang_c": "Erlang C", "agents_erlang_a": "Erlang A", "agents_difference": "verschil",
    # alignment
    "offered_calls": "aanbod",
    "agents_scheduled": "gepland aan de telefoon", "agents_available": "beschikbaar",
    "agents_needed": "nodig", "shortfall": "tekort", "workload_hours": "werklast (uur)",
    "net_hours": "netto uren", "gross_hours": "bruto uren",
    # simulation
    "metric": "kengetal", "simulated": "simulatie", "standard_error": "standaardfout",
    "formula": "formule", "z_score": "verschil in standaardfouten", "arrival": "aankomst (s)",
    "wait": "wachttijd (s)", "in_time": "op tijd", "ata": "ATA (s)",
    "patience_estimate": "geschat geduld (s)",
}

_MEASURES = {   # kpi, forecast, shrinkage, capacity, reporting
    "total": "totaal", "hours": "uren",
    "component": "onderdeel", "share": "aandeel", "kind": "soort",
    "planned": "gepland", "unplanned": "ongepland",
    "leave": "verlof", "sickness": "verzuim", "meetings": "overleg", "breaks": "pauzes",
    "absent": "afwezig", "at_work": "op het werk",
    "right_factor": "juiste factor", "naive_factor": "foute factor",
    "net_left_naive": "netto over bij foute factor", "shortfall_share": "tekort",
}

_ROSTER = {     # roster, forecast profiles, charts
    # roster.RosterResult: the series per interval and the key figures of summary()
    "coverage": "ingepland", "over_coverage": "overdekking", "under_coverage": "onderdekking",
    "number_of_shifts": "Aantal diensten", "hours_needed": "Benodigde uren", "paid_hours": "Betaalde uren",
    "productive_hours": "Productieve uren", "over_coverage_hours": "Overdekking (uren)",
    "under_coverage_hours": "Onderdekking (uren)", "efficiency": "Efficiëntie", "value": "waarde",
    # roster.planning_calendar
    "execution_week": "uitvoeringsweek", "step": "stap", "weeks_ahead": "weken vooraf", "year": "jaar",
    "monday_of_week": "maandag", "forecast_ready": "Forecast klaar",
    "roster_published": "Rooster gepubliceerd", "roster_executed": "Uitvoering",
    # roster.shift_table
    "shift_date": "Datum", "shift_start": "Begin", "shift_end": "Einde", "shift_hours": "Lengte (uur)",
    "shift_breaks": "Pauze", "shift_count": "Aantal", "no_break": "geen",
    # forecast.weekday_profile and forecast.intraday_profile
    "share": "aandeel", "weekday": "weekdag", "time_of_day": "tijdvak",
    "monday": "maandag", "tuesday": "dinsdag", "wednesday": "woensdag", "thursday": "donderdag",
    "friday": "vrijdag", "saturday": "zaterdag", "sunday": "zondag",
}

_IMPROVEMENT = {  # improvement, stakeholders, performance
    # improvement: Pareto of contact reasons, savings, impact-effort matrix, self-assessment
    "reason": "reden", "avoidable": "vermijdbaar", "contact_reason": "contactreden", "contacts": "aantal",
    "contact_share": "aandeel", "cumulative_share": "cumulatief", "vital_few": "topreden",
    "reduction": "reductie", "contacts_avoided": "contacten minder",
    "workload_hours_saved": "werklast minder (uur)", "net_hours_saved": "netto uren minder",
    "gross_hours_saved": "bruto uren minder", "fte_saved": "FTE minder", "peak_agents_saved": "piek minder",
    "finding": "bevinding", "effort": "inspanning", "quadrant": "kwadrant", "approach": "aanpak",
    "do_now": "nu doen", "plan_project": "plannen", "later_list": "later-lijst", "do_not": "niet doen",
    "starting_point": "sleutel", "statement": "startpunt",
    # stakeholders: the quadrants of the stakeholder map and the kinds of effect on the planning
    "manage_closely": "nauw betrekken", "keep_satisfied": "tevreden houden", "keep_informed": "informeren",
    "monitor_only": "monitoren", "volume_peak": "volumepiek", "volume_shift": "volumeverschuiving",
    "capacity_loss": "capaciteitsverlies", "capacity_gain": "capaciteitswinst", "no_effect": "geen",
    # stakeholders: the columns of data/stakeholders.csv and the tables of notebook 09
    "stakeholder": "partij", "stakeholders": "partijen", "role": "rol", "needs_from_wfm": "heeft van WFM nodig",
    "wfm_needs": "WFM heeft van hen nodig", "trigger": "aanleiding", "effect_type": "soort effect",
    "effect_size": "effectgrootte", "effect_example": "voorbeeld", "rhythm": "overlegritme", "influence": "invloed",
    "interest": "belang", "uplift": "opslag", "with_campaign": "met actie",
    "invoice_calls_now": "factuurvragen nu", "invoice_calls_split": "factuurvragen in delen",
    "total_now": "totaal nu", "total_split": "totaal in delen", "gross_hours_now": "bruto uren nu",
    "gross_hours_split": "bruto uren in delen", "difference": "verschil", "turnover": "verloop",
    "team_turnover": "verloop team", "hires_per_year": "instroom per jaar",
    # performance: the week diagnosis and the staffing options of the final case
    "green": "groen", "red_intervals": "kwartieren onder de norm", "weakest_hour": "zwakste uur",
    "volume_vs_forecast": "volume t.o.v. forecast", "staffing_vs_plan": "bezetting t.o.v. plan",
    "weakest_hour_vs_plan": "zwakste uur t.o.v. plan", "option": "optie", "net_hours": "netto uren",
    "extra_paid_hours": "extra betaalde uren", "service_level_week": "service level week",
    "service_level_peak": "service level piek", "shortfall": "tekort",
}

_APPS = {       # calculator, dashboard, excel
    "traffic": "verkeer (Erlang)", "asa": "ASA (s)",
    "occupancy": "occupancy", "abandonment": "afhaakpercentage", "agents_to_roster": "in te roosteren",
    "agents_peak": "medewerkers nodig (piek)", "roster_peak": "in te roosteren (piek)",
    "rostered_fte": "in te roosteren FTE (incl. roosterverlies)", "rostered_hours": "ingeroosterde uren",
    "cost_per_week": "loonkosten per week (€)", "cost_per_year": "loonkosten per jaar (€)",
    "in_day_shrinkage": "shrinkage binnen de dag", "total_shrinkage": "alle shrinkage",
}

_COURSE = {     # contents, glossary, datasets
}

_CHANNELS = {   # backlog (e-mail), blending, chat
    # backlog.track and backlog.minimum_agents
    "arrivals": "binnengekomen", "capacity": "capaciteit (stuks)", "handled": "afgehandeld",
    "backlog": "werkvoorraad", "oldest_age": "oudste wacht (s)", "overdue": "te laat",
    # blending.idle_hours, blending.evaluate and blending.agents_needed
    "idle_hours": "vrije uren", "agents_phone": "nodig voor telefoon",
    "backlog_agents": "medewerkers op uitgesteld werk", "backlog_items": "uitgesteld werk afgehandeld",
    "backlog_hours": "uitgesteld werk (uur)",
    "email_hours_done": "e-mail gedaan (uur)",   # notebook 05: the backlog hours of blending.evaluate, all e-mail
    "switching_hours": "wisseltijd (uur)", "oldest_age_hours": "oudste wacht (werkuren)",
    # chat (notebook 05, the command line's chat command and the calculator's chat section)
    "agents_one_chat": "één chat tegelijk (Erlang A)", "agents_rule_of_thumb": "delen door drie",
    "agents_rule_slow_aht": "delen door drie, AHT bij drie chats", "agents_chat_model": "chatmodel",
    "abandonment_chat_model": "afhaakpercentage chatmodel",
    "agents_rule_measured_aht": "delen door drie, gemeten AHT", "chats_forecast": "verwachte chats",
    "share_with_chat": "bezet met minstens één chat",
    "max_chats": "max. chats tegelijk", "handling_time": "duur van een chat (s)",
    "mean_concurrency": "gem. chats tegelijk",
    "chats": "chats", "slowdown": "vertraging per extra chat", "rule_of_thumb_agents": "vuistregel (Erlang C / chats)",
}

_INTRADAY = {   # intraday (dagsturing) and control_room (de controlekamer)
    # intraday.monitor, allowed_abandonment and the control room's view
    "forecast": "forecast", "offered_so_far": "aangeboden tot nu", "answered_in_time_so_far": "op tijd tot nu",
    "service_level_so_far": "service level tot nu", "remaining_forecast": "forecast rest van de dag",
    "remaining_reforecast": "reforecast rest van de dag", "required_on_reforecast": "nodig op de reforecast",
    "required_service_level": "nodig service level rest van de dag", "recoverable": "nog te halen",
    "abandonment_so_far": "afhaakpercentage tot nu", "allowed_abandonment": "toegestaan afhaken rest van de dag",
    "hour_start": "uur vanaf", "callbacks": "terugbelverzoeken", "longest_wait": "langste wachttijd (s)",
    "queue": "in de wachtrij",
    # intraday.one_agent_fewer and intervention_effect
    "service_level_one_fewer": "service level met één minder", "drop": "daling", "calls_late": "extra te laat",
    "day_drop": "daling service level dag", "calls_after": "gesprekken na ingreep",
    "agents_after": "medewerkers na ingreep", "service_level_after": "service level na ingreep",
    # intraday.reforecast_reliability
    "hours": "uren", "days": "dagen", "wape_forecast": "WAPE forecast", "wape_rescaled": "WAPE herschaald",
    "wape_damped": "WAPE gedempt",
    # intraday.adherence
    "agent": "medewerker", "scheduled_hours": "ingeroosterde uren", "adherent_hours": "uren volgens rooster",
    "worked_hours": "gewerkte uren", "sick_hours": "ziek (uit het rooster)",
    "adherence": "adherence", "conformance": "conformance",
    # intraday.PLAYBOOK
    "signal": "signaal", "threshold": "drempel", "action": "actie",
    # control_room.evaluate_day, references and feedback
    "hours_played": "gespeelde uren", "overtime_hours": "overuren", "callback_hours": "terugbeluren",
    "chat_hours_taken": "uren weg van de chat (chat-SL daalt)", "saved_hours": "uren eerder naar huis",
    "postponed_hours": "uitgestelde uren", "cost": "kosten (euro)",
    # control_room.action_costs
    "euro_per_hour": "euro per medewerkeruur", "kind_of_hours": "soort uren", "extra_paid": "extra betaald",
    "sent_home": "eerder naar huis", "postponed": "uitgesteld", "from_chat": "weg van de chat",
    "no_hours": "geen uren",
    # control_room.signals and POLICY_THRESHOLDS (the playbook the game plays)
    "comparison": "vergelijking", "signal_basis": "soort signaal", "live": "live (vorig uur)",
    "trend": "trend", "known_cause": "bekende oorzaak (1 = ja)", "workload_vs_plan": "werklast t.o.v. plan vorig uur",
    "sl_above_target": "service level vorig uur min norm", "sl_so_far_above_target": "service level tot nu min norm",
    "volume_vs_forecast_so_far": "volume t.o.v. forecast tot nu",
    "workload_vs_plan_two_hours": "werklast t.o.v. plan, twee uur achter elkaar",
    "conditions": "voorwaarden (alle samen)", "hour_of_day": "tijdstip",
    "within_abandonment_limit": "binnen de afhaakgrens", "moved": "verplaatst",
    "policy": "aanpak", "learner": "jij", "do_nothing": "niets doen", "playbook": "draaiboek",
    "aht_vs_plan": "AHT t.o.v. plan", "hours_below_target": "uren onder de norm",
    # intraday.ACTIVITIES and STATES as values (notebook 08); the state "acw" keeps its column label
    "contact": "klantcontact", "break": "pauze", "training": "training", "meeting": "overleg",
    "coaching": "coaching", "off": "vrij", "available": "beschikbaar", "in_contact": "in gesprek",
    "aux": "aux", "logged_out": "uitgelogd", "state": "status", "schedule": "rooster",
    # intraday.PLAYBOOK's signals and actions beyond control_room.ACTIONS (below)
    "known_cause_share": "aandeel bekende oorzaak", "reforecast": "reforecast",
    # notebook 08's tables
    "intervention": "ingreep", "change_points": "verschil (procentpunt)", "factor": "factor",
    "rest_forecast": "rest forecast", "rest_rescaled": "rest herschaald", "rest_damped": "rest gedempt",
    "rest_actual": "rest werkelijk",
    # control_room.ACTIONS (the interventions of the playbook, also in intraday.PLAYBOOK's action column)
    "overtime": "overwerk", "move_training": "training verplaatsen", "cancel_coaching": "coaching schrappen",
    "voluntary_time_off": "vrijwillig eerder naar huis", "move_from_chat": "medewerkers van de chat",
    "ivr_message": "IVR-melding", "callback": "terugbellen aanbieden",
}

_YEARPLAN = {   # the year plan (notebook 07): year forecast, rolling origin, events, turnover
    # forecast.rolling_accuracy and error_band
    "method": "methode", "wape": "WAPE", "bias": "bias", "periods": "voorspellingen",
    "lower": "ondergrens", "upper": "bovengrens", "errors": "fouten",
    "ets": "exponentiële afvlakking (ETS)", "seasonal_naive": "naïef (zelfde week vorig jaar)",
    "profile_8_weeks": "profiel (gemiddelde 8 weken)",
    # events.event_uplift and the columns of data/daily_history.csv
    "event": "gebeurtenis", "quiet_holiday": "stille feestdag", "catch_up": "inhaaldag",
    "invoice_day_1": "factuurdag 1 (werkdag 3)", "invoice_day_2": "factuurdag 2 (werkdag 4)",
    "invoice_day_3": "factuurdag 3 (werkdag 5)",
    "campaign": "campagne", "invoice_day": "factuurdag", "expected_calls": "verwachte gesprekken",
    "expected_aht": "verwachte AHT (s)", "closed": "dicht",
    # forecast.year_forecast and weekly_forecast
    "factor": "factor",
}

_HIRING = {     # hiring (capacity and hiring plan) and budget (the year's money)
    "shrinkage": "shrinkage", "required_fte": "benodigde FTE", "required_hours": "benodigde betaalde uren",
    "offset": "tijd in de week", "tenure": "weken in dienst", "leave_rate": "uitstroomkans per week",
    "survival": "nog in dienst", "productivity": "productiviteit",
    "expected_productivity": "verwachte productiviteit", "hires": "instroom", "classes": "klassen",
    "headcount": "medewerkers in dienst", "in_training": "in opleiding", "leavers": "uitstroom",
    "productive_fte": "inzetbare FTE", "gap_fte": "verschil (FTE)", "gap_hours": "verschil (uren)",
    "short_hours": "tekort (uren)", "flex_hours": "flexuren", "uncovered_hours": "niet gedekt (uren)",
    "max_hours": "hoogstens te dekken (uren)", "start_week": "start werving (week)",
    "hire_week": "eerste werkdag (week)", "productive_week": "eerste week aan de telefoon", "size": "klasgrootte",
    "salaries": "loonkosten (euro)", "hiring": "werving (euro)", "training_classes": "trainer en lokaal (euro)",
    "flex": "flexpool (euro)",    # "overtime": "overwerk" is in _INTRADAY (one English name, one label)
    "contacts": "aantal", "cost_per_contact": "kosten per aangeboden telefoongesprek (euro)", "weeks": "weken",
    "mean_headcount": "gemiddeld in dienst", "target": "service-leveldoel", "max_asa": "maximale ASA (s)",
    "year_hours": "betaalde uren per jaar", "mean_fte": "gemiddeld benodigde FTE",
    "year_cost": "kosten per jaar (euro)", "next_point_cost": "kosten van een procentpunt meer (euro)",
    "second_less_cost": "kosten van een seconde sneller (euro)",
    "hires_per_year": "instroom per jaar", "annual_turnover": "verloop per jaar",
    "expected_tenure_weeks": "verwachte tijd in dienst (weken)",
    "lost_weeks_per_hire": "weken loon zonder volle productie per instromer",
    "learning_cost": "loon tijdens opleiding en leercurve (euro)", "turnover_cost": "kosten van verloop (euro)",
}

_AREAS = (_GENERAL, _QUEUEING, _MEASURES, _ROSTER, _IMPROVEMENT, _APPS, _COURSE, _CHANNELS, _INTRADAY, _HIRING,
          _YEARPLAN)

#: Dutch labels for the English column and index names the package's tables use in code.
LABELS = {name: label for area in _AREAS for name, label in area.items()}

#: The Dutch day names, Monday first (``datetime.weekday()`` and pandas ``day_of_week`` order).
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def date(value, *, time=None) -> str:
    """A date the Dutch way: ``2025-03-03 -> "3 mrt 2025"``, with the time ``"3 mrt 2025 09:30"``.

    ``time=None`` shows the clock only when it is not midnight.
    """
    import pandas as pd

    time = None if time is None else flag("time", time)
    if value is None:
        return "–"
    if not isinstance(value, (str, _dt.date, np.datetime64)):      # a Timestamp is a date too
        raise type_error("value", value, "a date (datetime.date, pandas Timestamp or text "
                         "'2025-03-03') or None")
    try:
        ts = pd.Timestamp(value)
    except ValueError:
        raise value_error("value", value, "format", "be a date like '2025-03-03'") from None
    if pd.isna(ts):
        return "–"
    text = f"{ts.day} {_MONTHS[ts.month - 1]} {ts.year}"
    show_time = (ts.hour, ts.minute, ts.second) != (0, 0, 0) if time is None else time
    return f"{text} {ts:%H:%M}" if show_time else text


def label_times(labels) -> pd.Series | None:
    """The labels as date-times (a pandas Series) when every one is an ISO date with time
    ("2025-11-17 08:00"), else None.

    Clock times alone ("08:00") stay text: they carry no date to check against a week.
    """
    import pandas as pd

    text = pd.Series([str(label).strip() for label in labels], dtype=str)
    if text.empty or not text.str.match(r"\d{4}-\d{2}-\d{2}").all():
        return None
    stamps = pd.to_datetime(text, errors="coerce", format="ISO8601")
    return None if stamps.isna().any() else stamps


def _label(name, labels):
    if name in labels:
        return labels[name]
    return LABELS.get(name, name) if isinstance(name, str) else name


def _cell(value, decimals, as_percent, signed=False):
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return "–"
    if isinstance(value, str):
        return LABELS.get(value, value) if "_" in value else value   # a code name as value
    if isinstance(value, (bool, np.bool_)):
        return "ja" if value else "nee"
    if isinstance(value, (pd.Timestamp, _dt.date)):
        return date(value)
    if isinstance(value, (int, np.integer)) and not as_percent:
        return number(value, 0)
    if isinstance(value, (int, float, np.integer, np.floating)):
        if decimals is None:
            return short(100 * value) + " %" if as_percent else short(value)
        return percent(value, decimals, signed=signed) if as_percent else number(value, decimals, signed=signed)
    return str(value)


def legend(data, *, labels=None) -> pd.DataFrame:
    """The key to a table: each column name to use in code next to the Dutch header that
    :func:`table` shows for it (``labels`` as in :func:`table`). One row per column of ``data``
    (a DataFrame, or a Series by its name), in order; columns ``in de code`` and ``in de tabel``.
    """
    import pandas as pd

    if labels is not None and not isinstance(labels, Mapping):
        raise type_error("labels", labels, "a dict name -> Dutch label, or None")
    if isinstance(data, pd.Series):
        names = [data.name if data.name is not None else "waarde"]
    elif isinstance(data, pd.DataFrame):
        names = list(data.columns)
    else:
        raise type_error("data", data, "a pandas DataFrame or Series")
    extra = dict(labels or {})
    return pd.DataFrame({"in de code": [str(n) for n in names],
                         "in de tabel": [str(_label(n, extra)) for n in names]},
                        index=pd.RangeIndex(1, len(names) + 1))


def table(data, decimals=1, *, percent=(), signed=(), labels=None) -> pd.DataFrame:
    """A table (DataFrame or Series) ready to show to a learner, every cell a Dutch string.

    ``decimals`` is one number or a dict column -> decimals (missing columns get 1); ``None``
    writes a number without needless decimals (:func:`short`: ``220.0 -> "220"``);
    ``percent`` names the columns holding fractions to show as ``87,2 %``; ``signed`` the columns
    whose numbers get a plus sign when positive (a deviation: ``+20,4 %``); ``labels`` maps
    column, index or Series names to Dutch, on top of :data:`LABELS`. Whole numbers get a
    thousands dot, booleans ``ja``/``nee``, dates :func:`date`, missing values a dash, a code
    name with an underscore that :data:`LABELS` knows its Dutch label, a float
    index :func:`short` (``0.7 -> "0,7"``). A Series
    becomes a one-column table named after the Series. The numbers are text afterwards: compute
    first, show with ``table`` last.
    """
    import pandas as pd

    if labels is not None and not isinstance(labels, Mapping):
        raise type_error("labels", labels, "a dict name -> Dutch label, or None")
    labels = dict(labels or {})
    if isinstance(data, pd.Series):
        data = data.to_frame(data.name if data.name is not None else "waarde")
    if not isinstance(data, pd.DataFrame):
        raise ParameterTypeError("data", data, "type", "data must be a pandas DataFrame or Series, "
                                 f"got {type(data).__name__}")
    if isinstance(decimals, Mapping):
        for column, d in decimals.items():
            if d is not None:
                whole(f"decimals[{column!r}]", d)
    elif decimals is not None:
        whole("decimals", decimals)
    for name, columns in (("percent", percent), ("signed", signed)):
        if isinstance(columns, (str, bytes)) or not isinstance(columns, (list, tuple, set, frozenset,
                                                                          pd.Index)):
            raise type_error(name, columns, "a list of column names")
        unknown = [c for c in columns if c not in data.columns]
        if unknown:
            raise ValueError(f"{name} names columns that data does not have: {unknown}")
    out = pd.DataFrame(index=data.index)
    for column in data.columns:
        d = decimals.get(column, 1) if isinstance(decimals, dict) else decimals
        if column in ("jaar", "year"):                  # 2025, not 2.025
            out[column] = [number(v, 0, thousands=False) for v in data[column].tolist()]
            continue
        out[column] = [_cell(v, d, column in percent, column in signed) for v in data[column].tolist()]
    index = data.index
    if index.dtype.kind == "f":
        index = pd.Index([short(v) for v in index], name=index.name)
    elif isinstance(index, pd.DatetimeIndex):
        index = pd.Index([date(v) for v in index], name=index.name)
    elif index.dtype == bool:
        index = pd.Index(["ja" if v else "nee" for v in index], name=index.name)
    out.index = index.rename([_label(n, labels) for n in index.names]) if index.nlevels > 1 \
        else index.rename(_label(index.name, labels))
    out.index = out.index.map(lambda v: _label(v, labels) if isinstance(v, str) else v)
    out.columns = [_label(c, labels) for c in out.columns]
    return out
