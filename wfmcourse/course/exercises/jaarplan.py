"""Opdrachten bij notebook 07_jaarplan (het jaarplan: forecast, werving en budget)."""
import functools

import pandas as pd

from wfmcourse.course.exercises import choice, number, whole_number
from wfmcourse.data import datasets
from wfmcourse.domain import budget, events, forecast, hiring
from wfmcourse.presentation.dutch import number as _dec
from wfmcourse.presentation.dutch import percent as _pct

# ---------------------------------------------------------------------------------------------------------------
# Opdracht 1: planning on the upper limit of an 80 % band; how often is the week busier than planned?
# ---------------------------------------------------------------------------------------------------------------
BAND_COVERAGE = 0.8


def _above_band(coverage=BAND_COVERAGE):
    """Share of weeks above the upper limit of a central band: ``(1 - coverage) / 2``."""
    return (1 - coverage) / 2


opdracht_1 = number(
    "Opdracht 1",
    _above_band,
    fraction=True,
    decimals=2,
    printed=2,
    hint="Een band van 80 % laat 20 % van de weken buiten de band vallen. Aan welke kant(en)?",
    solution=lambda: f"(1 − 0,8) / 2 = {_dec(_above_band(), 2)}, dus {_pct(_above_band(), 0)} van de weken. De "
                     "band is centraal: de ondergrens is het 10e percentiel van de fouten, de bovengrens het 90e. "
                     "Van de 20 % buiten de band valt de helft eronder (rustiger dan gepland, geen probleem voor "
                     "het service level) en de helft erboven. En dat geldt alleen als de band eerlijk is: een "
                     "te smalle band (zoals die van het model zelf) geeft vaker een tekort.",
    mistakes={
        "beide kanten": (1 - BAND_COVERAGE,
                         "20 % valt buiten de band, maar aan twee kanten. Weken onder de ondergrens zijn rustiger "
                         "dan gepland: daar heb je juist genoeg mensen. Alleen de bovenkant telt."),
        "binnen": (BAND_COVERAGE, "80 % is het deel van de weken bínnen de band. De vraag is hoe vaak een week "
                                  "drukker is dan de bovengrens."),
        "onder": (1 - _above_band(), "Dat is het deel van de weken dat de bovengrens níét haalt: binnen de band of "
                                     "eronder. De vraag is het omgekeerde: hoe vaak het drukker is."),
    },
)

# ---------------------------------------------------------------------------------------------------------------
# Opdracht 2: how many of a class of 12 are still there after 6 months at 4 % new-hire turnover a month?
# ---------------------------------------------------------------------------------------------------------------
CLASS_SIZE, NEW_HIRE_MONTHLY, MONTHS = 12, 0.04, 6


def _still_there(monthly=NEW_HIRE_MONTHLY, months=MONTHS, size=CLASS_SIZE):
    """Expected people left of a class: ``size x (1 - monthly) ** months`` (each month a share leaves of who is
    still there)."""
    return size * (1 - monthly) ** months


opdracht_2 = number(
    "Opdracht 2",
    _still_there,
    decimals=1,
    printed=1,
    unit="mensen",
    hint="Elke maand vertrekt 4 % van wie er dán nog is, niet 4 % van de oorspronkelijke klas. Na één maand is "
         "er 0,96 van de klas over, na twee maanden 0,96 × 0,96, ...",
    solution=lambda: f"12 × 0,96⁶ = 12 × {_dec((1 - NEW_HIRE_MONTHLY) ** MONTHS, 3)} = {_dec(_still_there(), 1)} "
                     f"mensen. Een verwachting, dus met een decimaal: in de ene klas blijven er 8, in de andere 11. "
                     f"Wie 6 × 4 % = 24 % van de klas aftrekt, komt op {_dec(CLASS_SIZE * (1 - MONTHS * 0.04), 1)}: "
                     "te weinig, omdat wie al weg is niet nog eens kan vertrekken.",
    mistakes={
        "opgeteld": (CLASS_SIZE * (1 - MONTHS * NEW_HIRE_MONTHLY),
                     "Je trok 6 × 4 % = 24 % in één keer af. Maar wie in de eerste maand vertrok, kan in de "
                     "tweede niet nog eens vertrekken: elke maand gaat er 4 % af van een kleinere groep."),
        "vertrokken": (CLASS_SIZE - _still_there(),
                       "Dat is het aantal dat naar verwachting vertrekt. De vraag is hoeveel er nog zijn."),
        "aandeel": ((1 - NEW_HIRE_MONTHLY) ** MONTHS,
                    "Dat is het deel van de klas dat er nog is. De vraag is het aantal mensen: vermenigvuldig met "
                    "de 12 starters."),
        "een maand": (CLASS_SIZE * (1 - NEW_HIRE_MONTHLY),
                      "Dat is het aantal na één maand. Reken zes maanden door."),
    },
)

# ---------------------------------------------------------------------------------------------------------------
# Opdracht 3: the recruitment article in euros - hiring and onboarding money of two ponds
# ---------------------------------------------------------------------------------------------------------------
TEAM = 80                                  # people in service (whole people, kept at this level)
SAME_POND = (0.40, 4000)                   # annual turnover, euro per hire (recruitment and onboarding)
OTHER_POND = (0.15, 5500)


def _hires(turnover, team=TEAM):
    """Hires a year to keep ``team`` people: ``team x annual turnover`` (every leaver is replaced)."""
    return float(team) * float(turnover)


def _hiring_cost(pond, team=TEAM):
    """Hires per year to keep ``team`` people times the cost per hire: ``team x turnover x cost``."""
    turnover, cost = pond
    return _hires(turnover, team) * cost


def _saving():
    return _hiring_cost(SAME_POND) - _hiring_cost(OTHER_POND)


opdracht_3 = whole_number(
    "Opdracht 3",
    lambda: round(_saving()),
    unit="euro",
    hint="Reken per vijver: aannames per jaar = team × jaarverloop (wie vertrekt, wordt vervangen), kosten = "
         "aannames × kosten per aanname. Trek de twee van elkaar af.",
    solution=lambda: f"Dezelfde vijver: {_dec(_hires(SAME_POND[0]), 0)} aannames × "
                     f"€ {_dec(SAME_POND[1], 0)} = € {_dec(_hiring_cost(SAME_POND), 0)}. De andere vijver: "
                     f"{_dec(_hires(OTHER_POND[0]), 0)} aannames × "
                     f"€ {_dec(OTHER_POND[1], 0)} = € {_dec(_hiring_cost(OTHER_POND), 0)}. Verschil: "
                     f"€ {_dec(_saving(), 0)} per jaar, ook al is elke aanname in de andere vijver duurder. Het "
                     "productiviteitsverlies van de leercurve komt daar nog bij.",
    mistakes={
        "zelfde prijs": (round(_hires(SAME_POND[0] - OTHER_POND[0]) * SAME_POND[1]),
                         "Je rekende beide vijvers met € 4.000 per aanname. In de andere vijver kost een aanname "
                         "meer (breder werven via andere kanalen, een eerlijke kennismaking met het werk): € 5.500."),
        "alleen zelfde vijver": (round(_hiring_cost(SAME_POND)),
                                 "Dat zijn de kosten van dezelfde vijver. De vraag is wat de andere vijver "
                                 "bespaart: trek de kosten van de andere vijver ervan af."),
        "alleen andere vijver": (round(_hiring_cost(OTHER_POND)),
                                 "Dat zijn de kosten van de andere vijver. De vraag is het verschil met dezelfde "
                                 "vijver."),
        "in duizenden": (round(_saving() / 1000),
                         "Dat is het bedrag in duizenden euro's. De vraag is in euro's: geef het hele bedrag "
                         "(bijvoorbeeld 12000 of \"€ 12.000\")."),
        "negatief": (-round(_saving()),
                     "Een besparing is een positief bedrag: wat de andere vijver per jaar minder kost. Reken "
                     "dezelfde vijver min de andere vijver."),
        "verschil in aannames": (round(_hires(SAME_POND[0] - OTHER_POND[0])),
                                 "Dat is het verschil in aannames per jaar. Reken het om naar euro's: elke "
                                 "aanname heeft zijn eigen prijs per vijver."),
    },
)

# ---------------------------------------------------------------------------------------------------------------
# Opdracht 4 (judgement): when to start recruiting for the autumn peak with a 10-week lead time
# ---------------------------------------------------------------------------------------------------------------
PEAK_WEEK = 37              # the first campaign week of the autumn (marketing calendar)
_POLICY = hiring.Policy()   # KlantDirect's hiring rules, as in the notebook
RECRUITMENT_WEEKS, TRAINING_WEEKS = int(_POLICY.recruitment_weeks), int(_POLICY.training_weeks)
LEARNING_WEEKS = len(_POLICY.learning_curve)
LEAD_WEEKS = RECRUITMENT_WEEKS + TRAINING_WEEKS
START_OPTIONS = {"a": PEAK_WEEK, "b": PEAK_WEEK - LEAD_WEEKS, "c": PEAK_WEEK - LEAD_WEEKS - LEARNING_WEEKS,
                 "d": 12}


def class_timeline(start) -> tuple[int, int, int]:
    """The weeks of a class that starts recruiting in ``start``: (first working day = start of training,
    end of training = first week on the phones, fully productive)."""
    on_phones = start + LEAD_WEEKS
    return start + RECRUITMENT_WEEKS, on_phones, on_phones + LEARNING_WEEKS


def _option(key):
    start = START_OPTIONS[key]
    first_day, on_phones, productive = class_timeline(start)
    return (f"week {start}: in dienst in week {first_day}, aan de telefoon vanaf week {on_phones}, volledig "
            f"productief vanaf week {productive}")


opdracht_4 = choice(
    "Opdracht 4",
    "c",
    {key: _option(key) for key in START_OPTIONS},
    hint="Tel vanaf de start van de werving: 6 weken werven, 4 weken training, dan nog 3 weken leercurve. Wanneer "
         "moet de klas op volle snelheid zijn? En wat kost het om veel eerder te beginnen?",
    solution=lambda: f"c: begin in week {START_OPTIONS['c']} met werven. De nieuwe mensen zijn in week "
                     f"{class_timeline(START_OPTIONS['c'])[1]} klaar met de training en hebben dan drie weken om op "
                     f"snelheid te komen vóór de campagne van week {PEAK_WEEK}. Eerder (d) betaalt "
                     f"{START_OPTIONS['c'] - START_OPTIONS['d']} weken extra salaris voor mensen die je nog niet "
                     "nodig hebt, en een deel vertrekt al vóór de piek: nieuwe mensen vertrekken het snelst. Precies "
                     "de doorlooptijd terugtellen (b) laat geen ruimte voor "
                     "de leercurve of voor een vacature die langzaam vol raakt. Het optimalisatiemodel hieronder "
                     "kiest een paar weken later en vangt de leercurve met overuren op; het rekent ook uit dat de "
                     "marge van c maar weinig kost: een goedkope verzekering tegen een werving die uitloopt.",
    feedback={
        "a": f"Te laat: wie pas begint met werven als de piek begint, heeft die mensen pas in week "
             f"{class_timeline(START_OPTIONS['a'])[1]} aan de telefoon. De campagne is dan al lang voorbij.",
        "b": f"Net te krap: {LEAD_WEEKS} weken terugtellen zet de klas in week {PEAK_WEEK} aan de telefoon, maar "
             "dan nog op halve snelheid (de leercurve). En als de werving een week uitloopt, mis je de piek. Tel de "
             "leercurve mee.",
        "d": f"Te vroeg: de klas staat dan al in week {class_timeline(START_OPTIONS['d'])[1]} aan de telefoon, "
             "midden in de rustigste weken van het jaar. Je betaalt maanden "
             "salaris voor capaciteit die je nog niet nodig hebt, en nieuwe mensen vertrekken in hun eerste "
             "maanden het snelst: een deel van de klas is weg vóór de piek.",
    },
)

# ---------------------------------------------------------------------------------------------------------------
# Opdracht 5: what five points of service level (80 -> 85 % in 20 s) cost a year, in thousands of euros
# ---------------------------------------------------------------------------------------------------------------
CAMPAIGN_WEEKS = (10, 37, 38)
PATIENCE = 180      # seconds: KlantDirect plans with Erlang A (notebooks 06 and 11)
_IN_EURO = "Dat is het bedrag in euro's. De vraag is in duizenden euro's: deel door 1.000."


@functools.cache
def sl_curve() -> pd.DataFrame:
    """The notebook's service-level/cost curve at 80 % and 85 % (the 2026 forecast of KlantDirect, Erlang A with
    180 s patience per interval of the 2025 week profile, the default weekly shrinkage and costs)."""
    history = datasets.load_daily_history()
    calls = history["calls_offered"]
    campaigns = [(pd.Timestamp.fromisocalendar(year, week, 1), pd.Timestamp.fromisocalendar(year, week, 7))
                 for year in range(2022, 2027) for week in CAMPAIGN_WEEKS]
    calendar = events.event_calendar(pd.date_range("2022-01-01", "2026-12-31"), campaigns=campaigns)
    daily = forecast.year_forecast(calls, calendar, 52)["forecast"]
    plan = forecast.weekly_forecast(daily, forecast.aht_forecast(history["aht"], calls, 52, season_length=52))
    profile = hiring.week_profile(datasets.load_intervals()["calls_offered"])
    return budget.service_level_curve(plan, hiring.weekly_shrinkage(index=plan.index), profile, hiring.Costs(),
                                      [0.8, 0.85], awt=20, patience=PATIENCE)


def _five_points():
    curve = sl_curve()
    return (curve.loc[0.85, "year_cost"] - curve.loc[0.8, "year_cost"]) / 1000


opdracht_5 = number(
    "Opdracht 5",
    _five_points,
    decimals=0,
    printed=0,
    unit="duizend euro",
    hint="Zoek in de tabel de kosten per jaar bij 80 % en bij 85 %, en trek ze van elkaar af. Deel door 1.000.",
    solution=lambda: f"€ {_dec(sl_curve().loc[0.85, 'year_cost'], 0)} − € {_dec(sl_curve().loc[0.8, 'year_cost'], 0)}"
                     f" = € {_dec(1000 * _five_points(), 0)} per jaar, afgerond {_dec(_five_points(), 0)} duizend "
                     "euro: de prijs van de marge tussen de norm (80 %) en het plandoel (85 %). Vijf keer de 'kosten "
                     "van een procentpunt meer' bij 80 % is te weinig: elk volgend punt kost meer dan het vorige.",
    mistakes={
        "een punt": (lambda: sl_curve().loc[0.8, "next_point_cost"] / 1000,
                     "Dat is wat één procentpunt meer kost (van 80 % naar 81 %). De vraag gaat over vijf punten, "
                     "van 80 % naar 85 %."),
        "vijf keer een punt": (lambda: 5 * sl_curve().loc[0.8, "next_point_cost"] / 1000,
                               "Je nam vijf keer de kosten van het eerste punt. Maar elk volgend punt kost meer dan "
                               "het vorige: neem het verschil tussen de kosten per jaar bij 85 % en bij 80 %."),
        "in euro": (lambda: 1000 * _five_points(), _IN_EURO),
        # rounded amounts in euros (92.000, "93 euro") get the framework's "in euro" message too
        "kosten bij 80 %": (lambda: sl_curve().loc[0.8, "year_cost"] / 1000,
                            "Dat zijn de kosten per jaar bij 80 %. De vraag is wat de stap van 80 % naar 85 % "
                            "extra kost: trek dit af van de kosten bij 85 %."),
        "totaal": (lambda: sl_curve().loc[0.85, "year_cost"] / 1000,
                   "Dat zijn de kosten per jaar bij 85 %. De vraag is wat de stap van 80 % naar 85 % extra kost."),
        "uren": (lambda: (sl_curve().loc[0.85, "year_hours"] - sl_curve().loc[0.8, "year_hours"]) / 1000,
                 "Dat is het verschil in betaalde uren (in duizenden). Neem de kosten per jaar in euro's."),
    },
)


OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4, opdracht_5)

# Exercises that test judgement rather than arithmetic.
JUDGEMENT = (opdracht_4,)



class _Answers(dict):
    """A dict whose values may be functions, called on look-up (opdracht 5 needs the year forecast)."""

    def __getitem__(self, key):
        value = super().__getitem__(key)
        return value() if callable(value) else value


# For the tests: one right and one wrong answer per exercise.
ANSWERS = _Answers({
    "opdracht_1": ("10 %", 0.2),
    "opdracht_2": ("9,4", 9.1),
    "opdracht_3": ("62.000", round(_hiring_cost(SAME_POND))),
    "opdracht_4": ("c", "b"),
    "opdracht_5": lambda: (round(_five_points()), round(5 * sl_curve().loc[0.8, "next_point_cost"] / 1000)),
})
