"""Opdrachten bij notebook 11_eindcase.

Every expected answer is computed from ``data/intervals.csv`` with the same package functions the
notebook uses; nothing is typed in. The weeks and the quarter the questions are about are chosen
the same way (:func:`reddest_week`, :data:`CASE_WEEK`).
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import pandas as pd

from wfmcourse.course.exercises import choice, number, open_question, whole_number
from wfmcourse.data import datasets, synth
from wfmcourse.domain import erlang, performance, shrinkage
from wfmcourse.presentation import dutch

#: Shrinkage (KlantDirect's expected shrinkage, rounded) and the contract hours of one FTE.
SHRINKAGE, CONTRACT = round(synth.CentreParameters().expected_shrinkage, 2), 36
#: Breaks as a share of worked hours: the only shrinkage on hours added for one week.
PAUSE = synth.CentreParameters().pause_of_worked
#: The last whole week before KlantDirect asks for advice (Monday, Sunday).
CASE_WEEK = synth.EXAMPLE_WEEK
#: The morning block of the training in the watermelon week, and the quarter of Opdracht 4.
PEAK = ("09:30", "11:00")
QUARTER = "10:00"

#: Dutch descriptions of the causes :func:`wfmcourse.domain.performance.likely_cause` can name.
CAUSES = {
    "volume": "meer gesprekken dan de forecast",
    "staffing": "minder mensen dan gepland",
    "hours": "mensen op de verkeerde uren",
    "chance": "geen vaste oorzaak: toeval",
}

@lru_cache(maxsize=1)
def _data():
    return datasets.load_intervals()


@lru_cache(maxsize=1)
def _diagnosis():
    return performance.week_diagnosis(_data())


def reddest_week() -> int:
    """The week with the lowest volume-weighted service level of the year."""
    return int(_diagnosis()["service_level"].idxmin())


def _week_rows(week):
    return performance.week_rows(_data(), week)


def _peak_rows(end=PEAK[1], weekdays=(0, 1, 2, 3, 4)):
    rows = _week_rows(performance.watermelon_week(_diagnosis()))
    return rows[performance.block_mask(rows.index, PEAK[0], end, weekdays=weekdays)]


def _peak_service_level(weighted=True, of_answered=False, **block):
    rows = _peak_rows(**block)
    if not weighted:
        return float((rows["answered_in_time"] / rows["calls_offered"]).mean())
    base = rows["calls_answered"] if of_answered else rows["calls_offered"]
    return float(rows["answered_in_time"].sum() / base.sum())


def _model_peak_service_level():
    """The model's (Erlang A) expected service level on the peak as staffed: the 'service level piek' of
    'zoals het ging' in the notebook's table of options, shown after this exercise."""
    rows = _week_rows(performance.watermelon_week(_diagnosis()))
    table = performance.compare_options({"zoals het ging": rows["agents_staffed"]}, rows["calls_offered"],
                                     plan=datasets.client_plan(), block=performance.block_mask(rows.index, *PEAK),
                                     pause=PAUSE)
    return float(table["service_level_peak"].iloc[0])


def _quarter():
    """The intervals row of Monday QUARTER in the reddest week."""
    rows = _week_rows(reddest_week())
    monday = rows.index[rows.index.day_of_week == 0][0].normalize()
    return rows.loc[monday + pd.Timedelta(f"{QUARTER}:00")]


def _agents_for_quarter(**change):
    plan = {**datasets.client_plan(), **change}
    calls = float(_quarter()["calls_offered"])
    return int(erlang.agents_needed(erlang.traffic(calls, plan["aht"]), plan["aht"], plan["awt"],
                                    plan["target"], patience=plan["patience"]))


def _case_week():
    return _data().loc[CASE_WEEK[0]:CASE_WEEK[1]]


def _gap_fte(required=None, how="goed"):
    week = _case_week()
    required = week["agents_needed"] if required is None else required
    gap = performance.staffing_gap(required, week["agents_staffed"])
    net = float(gap.sum()) / 4
    if how == "x(1+s)":
        return shrinkage.naive_gross_up(net, SHRINKAGE) / CONTRACT
    if how == "netto":
        return net / CONTRACT
    if how == "kwartieren als uren":
        return shrinkage.gross_up(4 * net, SHRINKAGE) / CONTRACT
    return shrinkage.weekly_fte(gap, interval=900, shrinkage=SHRINKAGE, contract_hours=CONTRACT).fte


def _short_quarters():
    week = _case_week()
    return int((performance.staffing_gap(week["agents_needed"], week["agents_staffed"]) > 0).sum())


def erlang_c_requirement() -> pd.Series:
    """What a colleague compares with: agents needed per interval by Erlang C at 80 % within 20 s on
    KlantDirect's forecast (at least 1 while open, 0 when closed)."""
    week = _case_week()
    plan = datasets.client_plan()
    need = erlang.agents_needed(erlang.traffic(week["forecast_calls"].to_numpy(), plan["aht"]), plan["aht"],
                                plan["awt"], 0.8)
    return pd.Series(np.where(week["is_open"], np.maximum(need, 1), 0), index=week.index)


def _pct(value):
    return dutch.percent(value, 1)


# --------------------------------------------------------------------------- Opdracht 1
def runner_up_week() -> int:
    """The green week with the lowest weakest hour after the watermelon week (notebook 02 already
    shows that one): is the watermelon a pattern or an exception?"""
    diagnosis = _diagnosis()
    green = diagnosis[diagnosis["green"]].drop(index=performance.watermelon_week(diagnosis))
    return int(green["weakest_hour"].idxmin())


def _weakest(week):
    return _pct(_diagnosis().loc[week, "weakest_hour"])


opdracht_1 = whole_number(
    "Opdracht 1",
    runner_up_week,
    kind="week",
    direction=False,   # a look-up, not a count: no "te vroeg / te laat"
    wrong="{answer} heeft niet het op één na laagste zwakste uur van de groene weken. Houd alleen de groene "
          "weken over en sorteer op de kolom `weakest_hour` (zwakste uur).",
    hint="Houd alleen de groene weken over (`diagnose[diagnose[\"green\"]]`) en sorteer op de kolom "
         "`weakest_hour` (zwakste uur). De bovenste week ken je uit notebook 02; de vraag is welke daarna komt.",
    solution=lambda: (
        f"Week {runner_up_week()}: het zwakste uur haalt daar {_weakest(runner_up_week())}, tegen "
        f"{_weakest(performance.watermelon_week(_diagnosis()))} in week {performance.watermelon_week(_diagnosis())}. "
        "De trainingsweek uit notebook 02 is dus geen patroon maar een uitzondering: geen andere groene week "
        "heeft een uur dat zo diep rood is."),
    mistakes={
        "week uit 02": (lambda: performance.watermelon_week(_diagnosis()),
                        "Dat is de trainingsweek die je al kent uit notebook 02: die heeft het laagste zwakste "
                        "uur. De vraag is welke groene week het op één na laagste heeft."),
        "rode week": (reddest_week, "Die week is ook over de hele week rood: daar laat het dashboard het "
                                    "probleem gewoon zien. Zoek een week die groen is op het dashboard."),
    },
)

# --------------------------------------------------------------------------- Opdracht 2
opdracht_2 = number(
    "Opdracht 2",
    _peak_service_level,
    decimals=3,
    printed=3,
    fraction=True,
    hint="Tel eerst op, deel dan: `piek[\"answered_in_time\"].sum() / piek[\"calls_offered\"].sum()`. Het "
         "gemiddelde van de service levels per kwartier telt een rustig kwartier even zwaar als een druk.",
    solution=lambda: (
        f"Alle op tijd beantwoorde gesprekken van de ochtendpiek gedeeld door alle aangeboden gesprekken: "
        f"{dutch.number(_peak_rows()['answered_in_time'].sum(), 0)} / "
        f"{dutch.number(_peak_rows()['calls_offered'].sum(), 0)}"
        f" = {_pct(_peak_service_level())}. Van de ochtendbellers werd {_pct(1 - _peak_service_level())} niet "
        "binnen 20 seconden geholpen, in een week die op het dashboard groen was."),
    mistakes={
        "ongewogen": (lambda: _peak_service_level(weighted=False),
                      "Je nam het gemiddelde van de service levels per kwartier. Dan telt een kwartier met 10 "
                      "gesprekken even zwaar als een met 40. Tel de gesprekken op en deel daarna."),
        "van beantwoord": (lambda: _peak_service_level(of_answered=True),
                           "Je deelde door de beantwoorde gesprekken. Het service level van KlantDirect is "
                           "op tijd beantwoord gedeeld door aangeboden: wie ophing, telt ook mee."),
        "kwartier van 11:00": (lambda: _peak_service_level(end="11:15"),
                               "Je nam het kwartier van 11:00 tot 11:15 mee. De piek loopt van 9:30 tot 11:00: het "
                               "laatste kwartier begint om 10:45."),
        "kwartier van 10:45": (lambda: _peak_service_level(end="10:45"),
                               "Je liet het laatste kwartier weg (10:45 tot 11:00). De piek loopt tot 11:00: het "
                               "kwartier dat om 10:45 begint hoort erbij."),
        "model": (_model_peak_service_level,
                  "Dat is het service level dat het model (Erlang A) bij deze bezetting verwacht, uit de tabel "
                  "met opties. De vraag is wat er echt gebeurde: tel de op tijd beantwoorde gesprekken in `piek` "
                  "op en deel door de aangeboden gesprekken."),
        "alleen maandag": (lambda: _peak_service_level(weekdays=(0,)),
                           "Dat is alleen de maandag. De vraag gaat over de ochtendpiek van maandag tot en met "
                           "vrijdag samen: gebruik alle kwartieren in `piek`."),
        "hele week": (lambda: float(_diagnosis().loc[performance.watermelon_week(_diagnosis()), "service_level"]),
                      "Dat is het service level van de hele week. De vraag gaat alleen over de ochtendpiek."),
    },
)

# --------------------------------------------------------------------------- Opdracht 3
#: Which option letter goes with which cause of performance.CAUSES.
CAUSE_LETTER = {"staffing": "a", "volume": "b", "hours": "c", "chance": "d"}
OPTIONS_3 = {CAUSE_LETTER[key]: text for key, text in (
    ("staffing", "Er stonden minder mensen dan KlantDirect zelf had gepland."),
    ("volume", "Er kwamen veel meer gesprekken dan de forecast; de bezetting volgde het plan."),
    ("hours", "Er waren genoeg mensen, maar op de verkeerde uren (zoals een training op de piek)."),
    ("chance", "Er is geen vaste oorzaak: het is toeval, zoals in elke week."),
)}

opdracht_3 = choice(
    "Opdracht 3",
    lambda: CAUSE_LETTER[performance.likely_cause(_diagnosis().loc[reddest_week()])],
    dict(sorted(OPTIONS_3.items())),
    hint="Kijk naar de drie afwijkingen in de tabel: gesprekken tegenover de forecast, bezetting tegenover "
         "het plan, en het zwakste uur tegenover het plan. Welke is veel groter dan in een gewone week?",
    solution=lambda: (
        f"{CAUSE_LETTER[performance.likely_cause(_diagnosis().loc[reddest_week()])]}: in week {reddest_week()} kwamen "
        f"{_pct(_diagnosis().loc[reddest_week(), 'volume_vs_forecast'])} meer gesprekken dan de forecast, "
        "terwijl de bezetting maar "
        f"{dutch.percent(_diagnosis().loc[reddest_week(), 'staffing_vs_plan'], 1, signed=True)} van het plan "
        "afweek. Marketing verlengde een campagne zonder het aan WFM te melden. Meer mensen in vaste dienst lossen "
        "dat niet op; afspraken met marketing wel."),
    feedback={
        "goed": "De forecast miste het volume; de mensen stonden er zoals gepland.",
        "a": "Kijk naar de kolom 'bezetting t.o.v. plan': er stonden zelfs iets meer mensen dan gepland.",
        "c": "Het zwakste uur wijkt nauwelijks meer af van het plan dan in een gewone week. Het tekort zit "
             "niet in één uur, maar in de hele week.",
        "d": "Een gewone week wijkt een paar procent af van de forecast. Deze week wijkt veel meer af, en alle "
             "dagen dezelfde kant op: dat is geen toeval.",
    },
)

# --------------------------------------------------------------------------- Opdracht 4
opdracht_4 = whole_number(
    "Opdracht 4",
    _agents_for_quarter,
    kind="medewerkers",
    hint="Gebruik `erlang.agents_needed(erlang.traffic(gesprekken, plan[\"aht\"]), plan[\"aht\"], plan[\"awt\"], "
         "plan[\"target\"], patience=plan[\"patience\"])` met het werkelijke aantal gesprekken van dat kwartier. "
         "Alle tijden in seconden.",
    solution=lambda: (
        f"Met {dutch.number(_quarter()['calls_offered'], 0)} gesprekken, AHT "
        f"{dutch.short(datasets.client_plan()['aht'])} s, geduld "
        f"{dutch.short(datasets.client_plan()['patience'])} s en plandoel "
        f"{dutch.percent(datasets.client_plan()['target'], 0)} binnen {dutch.short(datasets.client_plan()['awt'])} s "
        f"geeft Erlang A {_agents_for_quarter()} medewerkers. Het plan op de forecast was "
        f"{int(_quarter()['agents_needed'])}."),
    mistakes={
        "plan op forecast": (lambda: int(_quarter()["agents_needed"]),
                             "Dat is het plan op de forecast (`agents_needed`). De vraag is wat het kwartier "
                             "nodig had met het werkelijke aantal gesprekken."),
        "erlang c 80": (lambda: _agents_for_quarter(patience=None, target=0.8),
                        "Dat is Erlang C op 80 %. KlantDirect plant met Erlang A (bellers haken af na gemiddeld "
                        "180 seconden) en een plandoel van 85 %. Reken met hun eigen model, anders vergelijk je "
                        "twee modellen in plaats van een plan met de werkelijkheid."),
        "erlang c 85": (lambda: _agents_for_quarter(patience=None),
                        "Je rekende met Erlang C. KlantDirect plant met Erlang A: geef ook het geduld mee "
                        "(`patience=plan[\"patience\"]`)."),
        "erlang a 80": (lambda: _agents_for_quarter(target=0.8),
                        "Je rekende met de norm van 80 %. KlantDirect plant op 85 %, met marge boven de norm: "
                        "gebruik `plan[\"target\"]`."),
        "aht in minuten": (lambda: _agents_for_quarter(aht=datasets.client_plan()["aht"] / 60),
                           "Je gaf de AHT in minuten. Erlang rekent in seconden: 5 minuten is 300 seconden."),
        "geduld in minuten": (lambda: _agents_for_quarter(patience=datasets.client_plan()["patience"] / 60),
                              "Je gaf het geduld in minuten. Erlang rekent in seconden: 3 minuten is 180 seconden."),
    },
)

# --------------------------------------------------------------------------- Opdracht 5
opdracht_5 = number(
    "Opdracht 5",
    _gap_fte,
    decimals=2,
    printed=2,
    unit="FTE",
    hint="Bereken per kwartier het tekort met `performance.staffing_gap(week47[\"agents_needed\"], "
         "week47[\"agents_staffed\"])` en zet dat met `shrinkage.weekly_fte(..., interval=900, shrinkage=SHRINKAGE, "
         "contract_hours=CONTRACT).fte` om naar FTE (het veld `.fte` is het getal dat je zoekt).",
    solution=lambda: (
        f"Tegen het eigen plan van KlantDirect stonden er in {_short_quarters()} kwartieren te weinig mensen, "
        f"samen {dutch.number(_gap_fte(how='netto') * CONTRACT, 2)} netto uur. "
        f"Met {dutch.percent(SHRINKAGE, 0)} shrinkage "
        f"en {CONTRACT} contracturen is dat {dutch.number(_gap_fte(), 2)} FTE, in een week met "
        f"{dutch.number(_case_week()['agents_staffed'].sum() / 4, 0)} medewerkeruren aan de telefoon."),
    mistakes={
        "erlang c": (lambda: _gap_fte(erlang_c_requirement()),
                     "Dat is het tekort tegen Erlang C op 80/20, het getal uit het rapport van je collega. "
                     "KlantDirect plande met Erlang A op 85 %: vergelijk met hun eigen plan, `agents_needed`."),
        "x(1+s)": (lambda: _gap_fte(how="x(1+s)"),
                   "Je vermenigvuldigde de netto uren met (1 + shrinkage). Shrinkage is een deel van de bruto "
                   "uren: deel door (1 − shrinkage)."),
        "kwartieren als uren": (lambda: _gap_fte(how="kwartieren als uren"),
                                "Je telde de kwartieren als uren. Een medewerker die een kwartier ontbreekt, is een "
                                "kwart uur: deel het aantal medewerker-kwartieren door 4, of laat "
                                "`shrinkage.weekly_fte(..., interval=900)` dat doen."),
        "netto": (lambda: _gap_fte(how="netto"),
                  "Dit zijn alleen de netto uren aan de telefoon. Reken de shrinkage erbij: wie een uur aan de "
                  "telefoon moet zitten, kost meer dan een uur."),
    },
)


# --------------------------------------------------------------------------- Opdracht 6 (open)
_PEOPLE = r"(mensen|medewerkers|personeel|fte|formatie|bezetting|capaciteit|collega'?s)"
_HIRE = r"(aannemen|aan te nemen|werven|wervings?\w*|uitbreiden|uitbreiding|inhuren|erbij)"
#: The checklist of the advice: what the advice must do -> the patterns that show it does. A pattern
#: met only in a negated clause ("verplaats de training niet") counts as contradicted.
ADVICE_POINTS = {
    "beantwoordt de vraag: structureel meer mensen is niet nodig": [
        rf"\b(geen|niet)\b.*\b(tekort|meer|extra)\b.*\b{_PEOPLE}",
        r"\bgeen\b.*\btekort\b",
        rf"\b(geen|niet)\b.*\b{_HIRE}",
        rf"\b({_PEOPLE}|{_HIRE})\b.*\b(niet|geen)\b.*\b(nodig|nuttig|zinvol|zin|de oplossing)\b",
        rf"\b(genoeg|voldoende)\b.*\b{_PEOPLE}", rf"\b{_PEOPLE}\b.*\b(genoeg|voldoende)\b",
        rf"\b({_PEOPLE}|{_HIRE}|werving)\w*\b.*\boverbodig\b",
    ],
    "plant de training buiten de ochtendpiek, met de trainingsuren in het rooster": [
        r"\b(training|opleiding|cursus|scholing)\w*.*\b(verschuiv|verplaats|verzet|buiten|middag|rustig|dal|ander)",
        r"\b(verschuiv|verplaats|verzet|plan)\w*.*\b(training|opleiding|cursus|scholing)",
        # "de training niet langer tijdens de ochtendpiek": the negation is the point (out of the peak)
        r"\bniet (langer|meer)\b.*\b(ochtend)?piek",
    ],
    "noemt wat de opties kosten, in FTE of uren": [r"\d[\d,.]*\s*(fte|uur|uren)\b", r"\b0\s*fte\b",
                                                  r"\bkost\w* (niets|niks|geen)"],
    "laat het dashboard per kwartier of per uur kijken, niet alleen per week": [
        r"\bkwartier", r"\bper uur\b", r"\buren\b.*\brood", r"\bwatermeloen\w*"],
    "regelt dat campagnes op tijd bij WFM bekend zijn": [r"\bcampagne\w*", r"\bmarketing\w*"],
    "vangt volume boven de forecast op met een flexibele schil (overwerk, uitzendkrachten)": [
        r"\bflexib\w*", r"\bschil\b", r"\buitzend\w*", r"\boverwerk\w*", r"\boproep\w*", r"\bpool\b",
        r"\bflex(pool|kracht)\w*"],
}
#: Words that say the opposite of a point even without a negation nearby.
ADVICE_CONTRADICTIONS = {
    "beantwoordt de vraag: structureel meer mensen is niet nodig": [
        rf"\b(meer|extra)\b.*\b{_PEOPLE}\b.*\b(aan\b|{_HIRE}|nodig|in vaste dienst)",
        r"\b(neem|nemen|werf|werven|huur)\b.*\b(meer|extra)\b", r"\bjuist meer\b",
    ],
    "plant de training buiten de ochtendpiek, met de trainingsuren in het rooster": [
        r"\b(training|opleiding)\w*.*\b(laat|houd|houden|laten)\b.*\b(ochtend|piek)",
        r"\b(laat|houd|houden|laten)\b.*\b(ochtend|piek)\w*\b.*\bstaan\b",
        r"\b(training|opleiding)\w* (hoeft|hoeven) niet (verplaatst|verschoven|verzet)",
    ],
    "vangt volume boven de forecast op met een flexibele schil (overwerk, uitzendkrachten)": [
        r"\bgeen (uitzend|overwerk|oproep|flex)",
        r"\b(uitzend|overwerk|flex)\w*( en \w+)? (is|zijn) te duur\b",
    ],
}
ADVICE_NOTES = {
    "beantwoordt de vraag: structureel meer mensen is niet nodig":
        "De diagnose zegt iets anders: in de trainingsweek waren er meer uren dan gepland, alleen op de verkeerde "
        "tijden, en de bezetting volgde het hele jaar het plan. Wat kost het om mensen te verplaatsen in plaats "
        "van erbij te zetten?",
}
_MIN_WORDS = 25


MODEL_ADVICE = (
    "KlantDirect heeft geen structureel tekort aan mensen. Over het jaar volgde de bezetting het eigen plan "
    "(Erlang A, 85 % binnen 20 seconden): per week lag ze tussen {low} en {high} van het plan; in de laatste week "
    "scheelde dat {gap} FTE. De klachten komen uit kwartieren die het weekgemiddelde verbergt: in week {melon} zat "
    "een training op de ochtendpiek, waardoor het service level van die piek {peak} was terwijl de week groen stond. "
    "De rode weken komen vooral door meer gesprekken dan de forecast: in {missed} van de {red_weeks} rode weken "
    "kwamen er meer dan 5 % meer gesprekken dan voorspeld, in week {red} {volume} door een niet gemelde campagne. "
    "Advies: (1) plan trainingen bewust buiten de ochtendpiek, bijvoorbeeld in twee halve groepen 's middags, en "
    "rooster de trainingsuren erbij: {training} medewerkeruren per trainingsweek, terwijl in week {melon} achteraf "
    "{above} medewerkeruren boven het plan werden ingezet (de training plus drie mensen extra de hele middag; "
    "allebei netto, zonder pauzes) en de ochtend toch rood bleef; "
    "(2) spreek met marketing af dat campagnes weken vooraf bij WFM bekend zijn, zodat de forecast ze meeneemt; "
    "(3) houd een flexibele schil achter de hand (overwerk, uitzendkrachten) voor weken waarin het volume toch "
    "boven de forecast uitkomt, en zoek na elke forecastmisser de oorzaak; (4) zet op het dashboard het service "
    "level per uur of het aandeel rode kwartieren naast het weekcijfer, zodat een watermeloen zichtbaar wordt. "
    "Meet na de volgende trainingsweek of de ochtendpiek op plan blijft."
)

def _training_rows():
    """The watermelon week, its training block, KlantDirect's plan and the agents the training took."""
    rows = _week_rows(performance.watermelon_week(_diagnosis()))
    block = performance.block_mask(rows.index, *PEAK)
    plan = rows["agents_needed"]
    return rows, block, plan, performance.staffing_gap(plan, rows["agents_staffed"]).where(block, 0)


def training_hours() -> float:
    """Agent hours the training took off the phones in the watermelon week (quarter hours / 4)."""
    return float(_training_rows()[3].sum()) / 4


def hours_above_plan() -> float:
    """Agent hours above the plan as it went, net (without breaks): phone hours above the plan plus the
    training hours, each a quarter hour per agent per interval (sum / 4)."""
    rows, _block, plan, _removed = _training_rows()
    return float((rows["agents_staffed"] - plan).sum()) / 4 + training_hours()


def _training_options():
    """The options table of the notebook for the watermelon week: as it went, the training on the peak
    or in the afternoon with nothing added, and with the training hours rostered in (then the phones
    hold exactly the plan, wherever the training is)."""
    rows, block, plan, removed = _training_rows()
    options = {"zoals het ging": rows["agents_staffed"],
               "op de piek, niets erbij": plan - removed,
               "'s middags, niets erbij": performance.move_block(plan - removed, removed, AFTERNOON),
               "trainingsuren erbij ingeroosterd": plan}
    return performance.compare_options(options, rows["calls_offered"], plan=datasets.client_plan(), block=block,
                                    pause=PAUSE)


#: Where the training goes in the option "verschoven": two half groups after each other.
AFTERNOON = ("14:00", "15:30")


def red_weeks_missed(margin=0.05) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The weeks red on the dashboard, and those of them with volume more than ``margin`` (a fraction)
    above forecast (two slices of ``performance.week_diagnosis``)."""
    diagnosis = _diagnosis()
    red = diagnosis[~diagnosis["green"]]
    return red, red[red["volume_vs_forecast"] > margin]


def _model_advice():
    diagnosis = _diagnosis()
    red, missed = red_weeks_missed()
    staffing = diagnosis["staffing_vs_plan"]
    return MODEL_ADVICE.format(
        low=dutch.percent(staffing.min(), 1, signed=True), high=dutch.percent(staffing.max(), 1, signed=True),
        gap=dutch.number(_gap_fte(), 2), melon=performance.watermelon_week(diagnosis), peak=_pct(_peak_service_level()),
        missed=len(missed), red_weeks=len(red),
        red=reddest_week(), volume=dutch.percent(diagnosis.loc[reddest_week(), "volume_vs_forecast"], 1, signed=True),
        training=dutch.number(training_hours(), 1), above=dutch.number(hours_above_plan(), 1))


opdracht_6 = open_question(
    "Opdracht 6",
    model_answer=_model_advice,
    points=ADVICE_POINTS,
    contradictions=ADVICE_CONTRADICTIONS,
    notes=ADVICE_NOTES,
    min_words=_MIN_WORDS,
    solution_call="oefeningen.opdracht_6.solution()",
    hint="Een goed advies (1) beantwoordt de vraag van de klant, (2) volgt uit de diagnose, (3) zegt wat het "
         "kost en (4) zegt wat er moet veranderen en hoe je meet of het werkt. De checklist: "
         + "; ".join(ADVICE_POINTS) + ".",
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4, opdracht_5, opdracht_6)

class _Computed(Mapping):
    """A dict whose values may be callables, called when read (the answers need the data file)."""

    def __init__(self, items):
        self._items = dict(items)

    def __getitem__(self, key):
        right, wrong = self._items[key]
        return tuple(value() if callable(value) else value for value in (right, wrong))

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)


# For the tests: one right and one wrong answer per exercise (computed from the data when read).
ANSWERS = _Computed({
    "opdracht_1": (runner_up_week, lambda: performance.watermelon_week(_diagnosis())),
    "opdracht_2": (lambda: round(_peak_service_level(), 3), lambda: round(_peak_service_level(weighted=False), 3)),
    "opdracht_3": (lambda: CAUSE_LETTER[performance.likely_cause(_diagnosis().loc[reddest_week()])], "a"),
    "opdracht_4": (_agents_for_quarter, lambda: _agents_for_quarter(patience=None, target=0.8)),
    "opdracht_5": (lambda: round(_gap_fte(), 2), lambda: round(_gap_fte(how="x(1+s)"), 2)),
    "opdracht_6": (_model_advice, "We moeten meer mensen aannemen, want de klanten wachten te lang."),
})
