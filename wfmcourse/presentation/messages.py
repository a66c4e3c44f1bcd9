"""Dutch messages for the package's typed errors: one table, keyed on the error's ``kind``.

The package raises typed errors with an English text for developers:
:class:`~wfmcourse.validation.ParameterValueError` / :class:`~wfmcourse.validation.ParameterTypeError`
(``.parameter``, ``.kind``, ``.value``) and :class:`~wfmcourse.data.files.DataFileError`
(``.kind``, ``.path``, ``.line``, ``.column``, ``.value``, ``.details``). :func:`explain` turns
any of them into the one Dutch sentence that the calculator, the dashboard and the command line
show. It reads only those attributes, never the English text, so the English wording is free to
change. Every kind the package raises has a Dutch sentence here (``tests/test_messages.py``).
"""
from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from wfmcourse.data.files import DataFileError
from wfmcourse.data.intervals import MAX_BYTES, MIN_AHT
from wfmcourse.domain.control_room import CHAT_HOURS_MAX, CHAT_TEAM, TIME_OFF_FROM
from wfmcourse.presentation import dutch
from wfmcourse.validation import (
    ParameterTypeError,
    ParameterValueError,
    instance,
    short_repr,
)

__all__ = ["FILE_KINDS", "FRACTIONS", "KINDS", "PARAMETERS", "explain", "shown"]

GENERIC = "Deze invoer kan niet worden doorgerekend."

#: the rule for each parameter a user sets in the apps, in Dutch (shown for any problem with it)
PARAMETERS = {
    "calls": "Het aantal gesprekken moet 0 of meer zijn.",
    "interval": "De lengte van het interval moet groter dan 0 zijn.",
    "aht": "De AHT moet groter dan 0 seconden zijn: elk gesprek kost tijd.",
    "target": "Het service-leveldoel moet tussen 0 % en 100 % liggen (allebei niet meegerekend).",
    "awt": "De wachttijdgrens (AWT) moet 0 seconden of meer zijn.",
    "patience": "Het klantgeduld moet groter dan 0 seconden zijn.",
    "max_occupancy": "De maximale occupancy moet groter dan 0 % en hoogstens 100 % zijn.",
    "max_asa": "De maximale ASA moet groter dan 0 seconden zijn.",
    "max_abandonment": "Het maximale afhaakpercentage moet groter dan 0 % en hoogstens 100 % zijn, "
                       "en vraagt klantgeduld (Erlang A).",
    "agents": "Het aantal medewerkers moet een geheel getal van 0 of meer zijn.",
    "start": "Vul de begintijd in als uu:mm, bijvoorbeeld 08:00.",
    "days_per_week": "'Dagen per week' moet een geheel getal van 1 tot en met 7 zijn.",
    "shrinkage_rate": "De shrinkage moet 0 % of meer zijn en onder 100 % blijven.",
    "absence": "Verlof en verzuim moet 0 % of meer zijn en onder 100 % blijven.",
    "breaks": "De pauzes moeten 0 % of meer zijn en onder 100 % blijven.",
    "other_shrinkage": "Overleg, training en coaching moeten samen 0 % of meer zijn en onder 100 % blijven.",
    "components": "Verlof en verzuim, pauzes en overleg, training en coaching moeten samen onder 100 % "
                  "blijven: anders blijft er geen tijd over voor klanten.",
    "roster_efficiency": "De roosterefficiëntie moet groter dan 0 % en hoogstens 100 % zijn (79 % of 0,79 "
                         "betekent: 79 % van de productieve roosteruren, zonder pauzes, is nodig aan de "
                         "telefoon).",
    "hourly_cost": "De uurkosten moeten 0 euro of meer zijn.",
    "volume": "De volumeverandering kan niet onder -100 % liggen.",
    "aht_change": "Vul de AHT-verandering in als seconden, bijvoorbeeld -15; de AHT moet daarna groter "
                  "dan 0 seconden blijven.",
    "contract_hours": "De contracturen per week moeten groter dan 0 zijn.",
    "labels": "Geef één tijd of naam per interval.",
    "chats": "Het aantal chats moet 0 of meer zijn.",
    "max_chats": "Het aantal chats tegelijk per medewerker moet een geheel getal van 1 of meer zijn.",
    "slowdown": "De vertraging per extra chat is een deel van de AHT: 0 of meer en hoogstens 1 (0,25 is 25 %).",
    # the parameters of the functions the notebooks call
    "traffic": "Het verkeer (in Erlang) moet 0 of meer zijn.",
    "shrinkage": "De shrinkage is een deel van de betaalde tijd: 0 of meer en onder 1 (0,3 is 30 %).",
    "offered": "Het aantal aangeboden contacten moet 0 of meer zijn.",
    "answered": "Het aantal beantwoorde contacten moet 0 of meer zijn, en niet meer dan het aantal aangeboden "
                "contacten.",
    "answered_in_time": "Het aantal op tijd beantwoorde contacten moet 0 of meer zijn, en niet meer dan het "
                        "aantal aangeboden (of beantwoorde) contacten.",
    "abandoned": "Het aantal afhakers moet 0 of meer zijn, en niet meer dan het aantal aangeboden contacten.",
    "short_abandoned": "Het aantal korte afhakers moet 0 of meer zijn, en niet meer dan het aantal afhakers.",
    "handling_time": "De afhandeltijd moet 0 of meer zijn.",
    "paid_time": "De betaalde tijd moet groter dan 0 zijn.",
    # the inputs of the hiring-plan widget (notebook 07)
    "week_1": "De startweek van de werving is een weeknummer van 2026: een geheel getal van 1 tot en met 52.",
    "week_2": "De startweek van de werving is een weeknummer van 2026: een geheel getal van 1 tot en met 52.",
    "klas_1": "Een klas is 0 mensen (geen klas) of een geheel aantal van 5 tot en met 15 mensen.",
    "klas_2": "Een klas is 0 mensen (geen klas) of een geheel aantal van 5 tot en met 15 mensen.",
    "verloop_per_maand": "Het verloop per maand is een deel van 1 (0,015 is 1,5 %): 0 of meer, en zo klein dat "
                         "ook het hogere verloop van nieuwe mensen onder 100 % per maand blijft.",
    "zomerverlof": "Het zomerverlof is een deel van de betaalde tijd: 0 of meer, en samen met de gewone "
                   "shrinkage in de zomerweken onder 1 (0,08 is 8 %).",
}

#: parameters that are a fraction (0,8 is 80 %): a value above 1 and at most 100 is a percentage
#: typed as a whole number, and the message says how to write it
FRACTIONS = frozenset({"target", "max_occupancy", "max_abandonment", "shrinkage", "shrinkage_rate", "absence",
                       "breaks", "other_shrinkage", "occupancy", "service_level", "abandonment",
                       "roster_efficiency", "slowdown", "zomerverlof"})

_UNREACHABLE = (f"Dit doel is niet te halen: er zijn meer dan {dutch.number(2 ** 53, 0)} "
                f"medewerkers voor nodig.")

#: (parameter, kind) -> Dutch, where the kind says more than the parameter's rule; ``{value}``
#: is the error's value
_SPECIFIC = {
    ("calls", "empty"): "Vul minstens één aantal gesprekken in.",
    ("calls", "not_finite"): "Dit aantal gesprekken is te groot om mee te rekenen.",
    ("calls", "not_a_number"): "Vul de gesprekken per interval in als getallen van 0 of meer, "
                               "gescheiden door spaties of enters.",
    ("calls", "ambiguous_number"): "Vul de gesprekken per interval in als getallen van 0 of meer, "
                                   "gescheiden door spaties of enters. Een punt of komma met "
                                   "precies drie cijfers erachter (1.234) is dubbelzinnig: "
                                   "schrijf 1234.",
    ("max_abandonment", "needs_patience"): "Een maximaal afhaakpercentage vraagt klantgeduld "
                                           "(Erlang A): in Erlang C haakt niemand af.",
    ("answered", "inconsistent"): "Geef answered bij variant='answered' (en alleen dan).",
    ("short_abandoned", "inconsistent"): "Geef short_abandoned bij variant='excluding_short_abandons' "
                                         "(en alleen dan).",
    ("actions", "used_twice"): "De training is al verplaatst of de coaching al geschrapt: dat kan maar één keer.",
    ("actions", "already_started"): "De training of coaching is al begonnen: verplaatsen of schrappen kan alleen "
                                    "vóór de start.",
    ("actions", "no_notice"): "Overwerk vraagt een uur vooraankondiging: in het laatste uur komt het te laat.",
    ("actions", "quiet_hours"): f"Vrijwillig eerder naar huis kan pas vanaf {TIME_OFF_FROM}:00, in de rustige "
                                "avonduren.",
    ("actions", "team_size"): f"Zoveel medewerkers van de chat zijn er niet: het team kan per uur "
                              f"hoogstens {CHAT_TEAM} mensen missen en op een dag hoogstens "
                              f"{CHAT_HOURS_MAX:g} medewerkeruren, anders zakt het service level van de chat te ver.",
    ("actions", "too_large"): "Zoveel medewerkers kunnen niet naar huis: in elk kwartier van de rest van de dag "
                              "moet minstens 1 medewerker aan de telefoon blijven.",
    ("labels", "too_long"): "Het bestand beslaat {value} dagen. FTE is een weekcijfer: upload "
                            "één week of één dag.",
    ("days_per_week", "labels_span"): "De tijden in het bestand beslaan al meerdere dagen: zet "
                                      "'Dagen per week' op 1.",
}

#: every kind of parameter problem the package raises -> a Dutch sentence, the fallback when no
#: parameter rule or specific sentence applies
KINDS = {
    "type": "Deze invoer heeft niet de goede soort waarde.",
    "not_a_number": "Dit is geen getal (gebruik een decimale komma of punt, bijvoorbeeld 12,5).",
    "ambiguous_number": "Dit getal is dubbelzinnig: een punt of komma met precies drie cijfers "
                        "erachter kan duizendtallen of decimalen scheiden. Schrijf 1234 zonder "
                        "punt, of geef meer of minder decimalen.",
    "not_finite": "Dit getal moet eindig zijn en niet te groot om mee te rekenen.",
    "too_small": "Deze waarde is te klein.",
    "too_large": "Deze waarde is te groot.",
    "team_size": "Zoveel mensen heeft dat team niet.",
    "used_twice": "Dit kan maar één keer.",
    "already_started": "Dit kan alleen vóór de start.",
    "no_notice": "Dit vraagt meer vooraankondiging.",
    "quiet_hours": "Dit kan alleen op een rustig moment van de dag.",
    "not_integer": "Dit moet een geheel getal zijn.",
    "shape": "Deze invoer heeft niet het goede aantal waarden.",
    "empty": "Deze invoer is leeg.",
    "choice": "Dit is geen van de mogelijke keuzes.",
    "columns": "In deze tabel ontbreekt een kolom.",
    "inconsistent": "Deze invoer past niet bij de rest van de invoer.",
    "index": "De tijdas van deze invoer klopt niet.",
    "format": "Deze invoer heeft niet de goede vorm.",
    "length": "Deze invoer heeft niet de goede lengte.",
    "needs_patience": "Dit vraagt klantgeduld (Erlang A): in Erlang C haakt niemand af.",
    "needs_aht": "Met klantgeduld (Erlang A) is ook de AHT nodig: wie ophangt, wordt niet geholpen "
                 "en telt dus niet mee in de bezette tijd.",
    "unreachable": _UNREACHABLE,
    "unreachable_chat": "Dit doel is met chat niet te halen: er zijn meer dan "
                        f"{dutch.number(2 ** 22, 0)} chatplekken (medewerkers x chats tegelijk) voor nodig.",
    "no_capacity": "In dit plan staat geen capaciteit voordat het werk af moet: zet ook medewerkers in "
                   "de uren waarin het werk binnenkomt.",
    "step": "De tijden liggen niet zo ver uit elkaar als de lengte van het interval.",
    "too_long": "De tijden beslaan meer dan één week.",
    "labels_span": "De tijden beslaan al meerdere dagen: zet 'Dagen per week' op 1.",
    "longer_than_a_day": "De invoer beslaat meer dan 24 uur, dus meer dan één dag. Is het een hele week? "
                         "Zet dan 'Dagen per week' op 1. Anders: vul één dag in.",
    "exceeds_whole": "Een deel kan niet meer zijn dan het geheel; staan de getallen in de goede volgorde?",
    "aht_minutes": f"Een AHT onder {MIN_AHT:g} seconden lijkt minuten; schrijf 4:42 of 4,7 min.",
    "uncoverable": "In deze weken is de vraag niet te dekken, zelfs niet met de grootste klassen in elke "
                   "toegestane startweek, de hele flexpool en alle toegestane overuren: begin eerder met werven, "
                   "sta meer flexuren of overuren toe of verlaag het doel.",
}

# kinds that say more than the parameter's rule (a typo is not a range problem)
_KIND_FIRST = ("not_a_number", "ambiguous_number", "unreachable", "unreachable_chat", "needs_patience", "needs_aht",
               "longer_than_a_day", "exceeds_whole",
               "aht_minutes", "uncoverable")

#: every kind of :class:`~wfmcourse.data.files.DataFileError` of the interval reader -> Dutch
FILE_KINDS = {
    "too_large": f"het bestand is groter dan {MAX_BYTES // 1_000_000} MB",
    "workbook": "dit is een Excel-werkboek; sla het in Excel op als CSV-bestand (Opslaan als, CSV)",
    "not_text": "het bestand is geen tekst (UTF-8 of Windows); sla het op als CSV-bestand",
    "empty": "het bestand is leeg",
    "bad_quotes": "de aanhalingstekens kloppen niet (een veld begint met \" maar sluit niet goed af)",
    "duplicate_column": "deze kolom staat twee keer in de kopregel",
    "missing_column": "deze kolom ontbreekt in de kopregel",
    "no_rows": "er staat alleen een kopregel in, geen intervallen",
    "decimal_comma": "deze regel heeft {fields} velden, de kopregel {header}. Dit lijkt een "
                     "decimale komma in een bestand met komma's als scheidingsteken: sla het "
                     "bestand op met puntkomma's als scheidingsteken, of gebruik een decimale punt",
    "too_many_fields": "deze regel heeft {fields} velden, de kopregel maar {header}",
    "too_few_fields": "deze regel heeft {fields} velden, de kopregel {header}",
    "unnamed_column": "veld {field} heeft een waarde, maar die kolom heeft geen naam in de kopregel",
    "value_required": "hier ontbreekt een waarde",
    "not_a_number": "dit is geen getal",
    "not_finite": "dit getal is te groot om mee te rekenen",
    "not_whole": "dit is geen geheel getal",
    "negative": "het getal mag niet negatief zijn",
    "not_positive": "het getal moet groter dan 0 zijn",
    "ambiguous_number": "dit getal is dubbelzinnig: de punt of komma kan duizendtallen of decimalen "
                        "scheiden. Schrijf duizendtallen zonder punt of komma (1234), of zet "
                        "een tweede kolom in het bestand zodat het scheidingsteken de notatie "
                        "vastlegt",
    "decimal_mark": "dit getal past niet bij het scheidingsteken van het bestand",
    "aht_minutes": f"een AHT onder {MIN_AHT:g} seconden lijkt minuten; schrijf 4:42 of 4,7 min",
    "not_a_time": "hier staat geen datum of tijd, terwijl de andere regels die wel hebben: dit lijkt een "
                  "totaalregel of een opmerking. Haal die regel uit het bestand",
    "total_row": "het aantal gesprekken van deze laatste regel is precies de som van de regels erboven: "
                 "dit lijkt een totaalregel. Haal die regel uit het bestand",
    "duplicate_time": "deze datum en tijd staan ook al op regel {first}: elk interval mag maar één keer "
                      "in het bestand staan",
    "ambiguous_date": "deze datum is op twee manieren te lezen (welk getal is de dag?); schrijf de dag eerst "
                      "met een jaar van vier cijfers (30-11-2026) of ISO (2026-11-30)",
}
_DECIMAL_MARK = {
    ",": "dit bestand gebruikt komma's als scheidingsteken, dus een decimale punt (12.5), "
         "geen decimale komma",
    ";": "in een bestand met puntkomma's is de komma het decimaalteken en scheidt de punt alleen "
         "duizendtallen (1.234 is 1234): schrijf een decimale komma (12,5)",
}
# the Dutch name of a required column the header lacks (the reader names its internal column)
_COLUMN_NAMES = {"calls": "gesprekken", "aht": "afhandeltijd"}
_HINTS = {
    ("missing_column", "calls"): " Het bestand heeft een kolom 'gesprekken' nodig (of 'aantal' of "
                                 "'calls'), en mag 'afhandeltijd' (of 'aht'), 'chats', 'agents' en "
                                 "'tijd' (of 'interval' of 'start') hebben.",
    ("missing_column", "aht"): " Zet een kolom 'afhandeltijd' (of 'aht', per interval) in het "
                               "bestand, of geef één AHT op.",
    ("missing_column", "chats"): " Chat plannen vraagt een kolom 'chats' (of 'aantal chats') met de chats "
                                 "per interval.",
    ("value_required", "aht"): " Vul de AHT van deze regel in, of geef één AHT op voor de regels "
                               "zonder AHT.",
}


def explain(error: BaseException, typed: Mapping | None = None, *, value: bool = True) -> str:
    """The Dutch sentence for an error of the package, keyed on its type, ``kind`` and parameter.

    ``typed`` maps parameter names to what the user typed (or chose); the sentence then quotes
    that text ("Ingevuld: 2,5") rather than the value the package saw. ``value=False`` leaves
    that quote out (for a caller that shows the value itself). A
    :class:`~wfmcourse.data.files.DataFileError` names the file, line and column; an error
    without a kind gets a general sentence.
    """
    instance("error", error, BaseException, "an exception")
    instance("typed", typed, (Mapping, type(None)), "a dict parameter -> typed text, or None")
    instance("value", value, bool, "True or False")
    if isinstance(error, DataFileError):
        return _file_message(error)
    if isinstance(error, (ParameterValueError, ParameterTypeError)):
        return _parameter_message(error, dict(typed or {}), value)
    return GENERIC


def shown(value) -> str:
    """A value the package saw, the Dutch way: numbers with a decimal comma (``1000.0 -> "1.000"``),
    text in quotes, anything else as a short ``repr``."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return dutch.short(value) if math.isfinite(value) else dutch.number(value)
    return short_repr(value)


def _parameter_message(error, typed: dict, with_value: bool = True) -> str:
    name, kind = error.parameter, error.kind
    if kind == "step":                      # labels a file gives against the chosen interval
        return _step_message(error.value, typed.get("interval"))
    if kind == "exceeds_whole" and isinstance(getattr(error, "whole", None), tuple):
        whole_name, whole = error.whole
        return (f"Een deel kan niet meer zijn dan het geheel: {name} ({shown(error.value)}) kan niet meer zijn "
                f"dan {whole_name} ({shown(whole)}); staan de getallen in de goede volgorde?")
    sentence = (_SPECIFIC.get((name, kind)) or (KINDS[kind] if kind in _KIND_FIRST else None)
                or PARAMETERS.get(name) or KINDS.get(kind, GENERIC))
    sentence = sentence.format(value=error.value)
    if kind in ("too_long", "labels_span", "longer_than_a_day"):
        return sentence
    if kind == "uncoverable" and isinstance(error.value, (list, tuple)):     # hiring.plan_hiring: the weeks
        return f"{sentence} Weken: {', '.join(str(week) for week in error.value)}."
    if name in FRACTIONS and name not in typed:
        sentence += _as_fraction(error.value)
    if not with_value:
        return sentence
    value = str(typed[name]) if name in typed else shown(error.value)
    return f"{sentence} Ingevuld: {value}."


def _as_fraction(value) -> str:
    """For a fraction given as a percentage (80, or the text "80%"): how to write it, else ""."""
    if isinstance(value, str):
        text = value.strip().removesuffix("%").strip()
        try:
            percent = dutch.parse_number(text, "value")
        except ValueError:
            return ""
        if not value.strip().endswith("%") and percent <= 1:
            return f" Schrijf een getal, zonder aanhalingstekens: {dutch.short(percent)} (in code: {percent:g})."
    elif isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        percent = float(value)
    else:
        return ""
    if not (math.isfinite(percent) and (1 < percent <= 100 or isinstance(value, str) and 0 <= percent <= 100)):
        return ""
    fraction = percent / 100
    return (f" Geef het als deel van 1: {dutch.short(fraction)} voor {dutch.short(percent)} % "
            f"(in code: {fraction:g}).")

def _step_message(step_seconds, interval_seconds) -> str:
    step = dutch.short(float(step_seconds) / 60)
    text = f"De tijden in het bestand liggen {step} minuten uit elkaar"
    if interval_seconds is None:
        text += ", en dat past niet bij de lengte van het interval."
    else:
        text += (f", maar de lengte van het interval staat op "
                 f"{dutch.short(float(interval_seconds) / 60)} minuten.")
    return text + f" Kies {step} minuten (of controleer de tijden in het bestand)."


def _file_message(error: DataFileError) -> str:
    if error.kind == "decimal_mark":
        problem = _DECIMAL_MARK.get(error.details.get("separator"), FILE_KINDS["decimal_mark"])
    else:
        problem = FILE_KINDS.get(error.kind, error.problem).format(**error.details)
    where = []
    if error.line is not None:
        where.append(f"regel {error.line}")
    if error.column is not None:
        column = _COLUMN_NAMES.get(error.column, error.column) if error.kind == "missing_column" else error.column
        where.append(f"kolom '{column}'")
    text = f"Het bestand {error.path.name} klopt niet"
    text += f" ({', '.join(where)})" if where else ""
    text += f": {problem}."
    if error.value is not None and error.value != "":
        text += f" Gevonden: {error.value!r}."
    if error.kind in ("missing_column", "value_required"):
        text += _HINTS.get((error.kind, error.column), "")
    if error.kind == "missing_column" and "found" in error.details:
        text += _found_header(error.details)
    return text


_SEPARATORS = {",": "komma's", ";": "puntkomma's", "tab": "tabs", None: "geen (één kolom)"}


def _found_header(details: dict) -> str:
    """What the reader found in the header line: the separator and the column names."""
    separator = details.get("separator")
    text = f" Gevonden scheidingsteken: {_SEPARATORS.get(separator, repr(separator))}; gevonden kolommen: " \
           f"{details['found']}."
    if separator == "tab":
        text += " Sla het bestand in Excel op als CSV (puntkomma's of komma's), niet als tekst met tabs."
    elif separator is None:
        text += " Staat er een titelregel boven de kopregel? Haal die weg: de eerste regel moet de kopregel zijn."
    return text
