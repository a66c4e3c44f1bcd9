"""Opdrachten bij notebook 09_stakeholders, with the lesson's Dutch advice per quadrant of the
stakeholder map."""
import math

from wfmcourse.course.exercises import choice, number, whole_number
from wfmcourse.data import datasets
from wfmcourse.domain import alignment, erlang, shrinkage, stakeholders
from wfmcourse.presentation.dutch import LABELS
from wfmcourse.presentation.dutch import number as _dec
from wfmcourse.presentation.dutch import percent as _nl_percent


def _pct(value):
    return _nl_percent(value, 0, signed=True)


# Opdracht 2: the postkamer sends a big batch of letters without telling WFM.
# Interval: 80 calls forecast, AHT 360 s, staffed for 80/20; the letters add the Postkamer's
# effect_size from data/stakeholders.csv (+20 %).
CALLS_1, AHT_1 = 80, 360


def _uplift_1(party="Postkamer"):
    frame = datasets.load_stakeholders().set_index("stakeholder")
    return float(frame.loc[party, "effect_size"])


def _planned_1():
    return erlang.agents_needed(erlang.traffic(CALLS_1, AHT_1), AHT_1, 20, 0.8)


def _table_1(party="Postkamer"):
    calls = stakeholders.campaign_peak(CALLS_1, _uplift_1(party))
    return alignment.interval_table(calls, AHT_1, agents=_planned_1())


def _short_1(party="Postkamer"):
    return int(_table_1(party)["shortfall"].iloc[0])


def _linear_1():
    return math.ceil(_planned_1() * (1 + _uplift_1())) - _planned_1()


_LINEAR_1 = ("Je verhoogde het aantal medewerkers met hetzelfde percentage als het volume. Erlang heeft "
             "schaalvoordeel: bij meer aanbod heb je naar verhouding iets minder extra mensen nodig. Reken het "
             "benodigde aantal opnieuw uit met Erlang C.")


def _marketing_message_1():
    """The message for the answer with Marketing's uplift; when that equals the linear mistake, both causes."""
    text = (f"Nam je de opslag van Marketing ({_pct(_uplift_1('Marketing'))})? De brieven komen van de "
            f"Postkamer: neem die rij ({_pct(_uplift_1())}).")
    if _short_1("Marketing") == _linear_1():
        text += " Of, als je wel de Postkamer nam: " + _LINEAR_1[0].lower() + _LINEAR_1[1:]
    return text


opdracht_2 = whole_number(
    "Opdracht 2",
    _short_1,
    unit="medewerkers",
    hint="Reken eerst met erlang.agents_needed uit hoeveel medewerkers er voor 80 gesprekken zijn "
         "ingeroosterd. Verhoog het aanbod met stakeholders.campaign_peak en laat "
         "alignment.interval_table het tekort uitrekenen.",
    solution=lambda: f"Ingeroosterd voor 80 gesprekken: {_planned_1()} medewerkers. Met de brieven komen er "
                     f"{_dec(float(_table_1()['offered_calls'].iloc[0]), 0)} gesprekken; daarvoor zijn er "
                     f"{int(_table_1()['agents_needed'].iloc[0])} nodig, dus {_short_1()} te weinig. Met "
                     f"{_planned_1()} medewerkers is het service level in Erlang C "
                     f"{_dec(100 * float(_table_1()['service_level'].iloc[0]), 0)} %: de rij groeit door.",
    mistakes={
        "marketing": (lambda: _short_1("Marketing"), _marketing_message_1()),
        # when the linear mistake gives the same number, the Marketing message names both causes
        **({} if _short_1("Marketing") == _linear_1() else {"lineair": (_linear_1, _LINEAR_1)}),
        "totaal": (lambda: int(_table_1()["agents_needed"].iloc[0]),
                   "Dat is het totale aantal dat nodig is. De vraag is hoeveel er ontbreken ten opzichte "
                   "van wat er al is ingeroosterd."),
    },
)


#: A one-line Dutch approach per quadrant of the stakeholder map (keys of stakeholders.QUADRANTS).
QUADRANT_ADVICE = {
    "manage_closely": "Samen plannen: vaste plek in het CAP-overleg en vroeg meebeslissen.",
    "keep_satisfied": "Kort en op tijd informeren over wat voor hen telt; geen details.",
    "keep_informed": "Regelmatig op de hoogte houden; zij merken de gevolgen als eerste.",
    "monitor_only": "Af en toe nagaan of hun invloed of belang verandert.",
}

# Opdracht 1: quadrant of a party that is not in the file: communicatie, influence 3, interest 2.
#: The answer options (Dutch quadrant names) and the quadrant key each stands for.
QUADRANT_OPTIONS = {"a": "nauw betrekken", "b": "tevreden houden", "c": "informeren", "d": "monitoren"}
_OPTION_QUADRANT = dict(zip(QUADRANT_OPTIONS, stakeholders.QUADRANTS))


def _key_2():
    label = stakeholders.quadrant(3, 2)
    return next(key for key, value in _OPTION_QUADRANT.items() if value == label)


opdracht_1 = choice(
    "Opdracht 1",
    _key_2(),
    QUADRANT_OPTIONS,
    hint="Een score telt als hoog vanaf de drempel 3 (de drempel telt mee). Invloed 3 is dus hoog, "
         "belang 2 laag. Controleer met `dutch.LABELS[stakeholders.quadrant(3, 2)]`: de functie geeft de sleutel "
         "van het kwadrant in de code (Engels), `dutch.LABELS` de Nederlandse naam.",
    solution=lambda: f"{_key_2()}, {LABELS[stakeholders.quadrant(3, 2)]}: `stakeholders.quadrant(3, 2)` geeft de "
                     f"sleutel '{stakeholders.quadrant(3, 2)}', en `dutch.LABELS` maakt daar "
                     f"'{LABELS[stakeholders.quadrant(3, 2)]}' van. Invloed 3 "
                     "telt als hoog, belang 2 als laag. Communicatie kan veel in gang zetten (een "
                     "persbericht, een brief aan alle klanten), maar ligt er niet wakker van: kort en op tijd "
                     "informeren over wat voor hen telt.",
    feedback={
        "a": "Het belang (2) ligt onder de drempel 3; voor nauw betrekken moeten beide scores hoog zijn.",
        "c": "Je hebt invloed en belang omgedraaid: invloed 3 is hoog, belang 2 is laag.",
        "d": "De drempel telt mee: een invloed van 3 is al hoog. Met de standaarddrempel 3 is 1-2 laag "
             "en 3-5 hoog.",
    },
)


# Opdracht 3: invoice split. Invoice questions per week of the 4-week cycle plus other contacts;
# 40 % of the invoice questions of week 1 move one week later.
INVOICE_3 = (3000, 800, 500, 500)
OTHER_3 = 5000
SHARE_3 = 0.4


def _week2_3():
    shifted = stakeholders.shifted_volume(list(INVOICE_3), [SHARE_3, 0, 0, 0])
    return float(shifted[1] + OTHER_3)


def _all_weeks_3():
    return float(stakeholders.shifted_volume(list(INVOICE_3), SHARE_3)[1] + OTHER_3)


opdracht_3 = whole_number(
    "Opdracht 3",
    _week2_3,
    kind="aantal",
    unit="contacten",
    hint="Alleen de factuurvragen van week 1 schuiven: geef shifted_volume als aandeel de lijst "
         "[0.4, 0, 0, 0], en tel daarna de 5.000 andere contacten op.",
    solution=lambda: f"Week 2 krijgt zijn eigen 800 factuurvragen plus 40 % van de 3.000 uit week 1 "
                     f"(1.200), samen 2.000, plus 5.000 andere contacten: {_dec(_week2_3(), 0)}.",
    mistakes={
        "hele week": (OTHER_3 + INVOICE_3[1] + SHARE_3 * (OTHER_3 + INVOICE_3[0]),
                      "Je schoof 40 % van álle contacten van week 1 door. Alleen de factuurvragen "
                      "schuiven mee met de factuur; de andere contacten blijven waar ze waren."),
        "elke week": (_all_weeks_3,
                      "Je schoof in elke week 40 % van de factuurvragen door, ook die van week 2 zelf. "
                      "Alleen de factuur van week 1 wordt in delen verstuurd: gebruik [0.4, 0, 0, 0]."),
        "niet geschoven": (INVOICE_3[1] + OTHER_3,
                           "Dat is week 2 zoals het nu is. Door de factuur in delen komt er 40 % van de "
                           "factuurvragen van week 1 bij."),
        "vergeten": (INVOICE_3[1] + SHARE_3 * INVOICE_3[0],
                     "Dat zijn alleen de factuurvragen. Tel de 5.000 andere contacten er nog bij op."),
    },
)


# Opdracht 5: hires per year after fishing in another pond.
HEADCOUNT_4 = (72, 48)          # 23-30 years, other ages
TURNOVER_4 = (0.50, 0.20)   # the assumption of notebook 04


def _hires_4():
    rate = shrinkage.blended_turnover(list(HEADCOUNT_4), list(TURNOVER_4))
    return float(shrinkage.hires_needed(sum(HEADCOUNT_4), rate))


opdracht_5 = number(
    "Opdracht 5",
    _hires_4,
    unit="mensen per jaar",
    decimals=0,
    printed=1,
    hint="Bereken eerst het verloop van het hele team met shrinkage.blended_turnover (gewogen naar het "
         "aantal mensen per groep), daarna de instroom met shrinkage.hires_needed.",
    solution=lambda: f"Verloop van het team: ({HEADCOUNT_4[0]} × 0,50 + {HEADCOUNT_4[1]} × 0,20) / 120 = "
                     f"{_dec(shrinkage.blended_turnover(list(HEADCOUNT_4), list(TURNOVER_4)), 2)}; "
                     f"instroom = 120 × dat verloop = {_dec(_hires_4(), 1)} mensen per jaar, afgerond "
                     f"{_dec(_hires_4(), 0)} mensen per jaar.",
    mistakes={
        "ongewogen": (float(shrinkage.hires_needed(120, sum(TURNOVER_4) / 2)),
                      "Je nam het gewone gemiddelde van 50 % en 20 %. De groepen zijn niet even groot: "
                      "weeg het verloop naar het aantal mensen per groep."),
        "alleen jong": (float(shrinkage.hires_needed(120, TURNOVER_4[0])),
                        "Je rekende het hele team met het verloop van de groep 23-30 jaar. Dat geldt alleen "
                        f"voor {HEADCOUNT_4[0]} van de 120 mensen."),
        "per maand": (_hires_4() / 12,
                      "Dat is per maand; de vraag is per jaar."),
    },
)


# Opdracht 4: IT announces maintenance that costs 20 % capacity in an interval that needs 52 agents.
NEEDED_5, LOSS_5 = 52, 0.20


def _roster_5():
    return alignment.agents_to_roster(NEEDED_5, LOSS_5)


opdracht_4 = whole_number(
    "Opdracht 4",
    _roster_5,
    unit="medewerkers",
    hint="Na het verlies moet er 52 overblijven: ingeroosterd × (1 - 0,20) ≥ 52. Gebruik "
         "alignment.agents_to_roster.",
    solution=lambda: f"52 / 0,80 = 65, dus {_roster_5()} medewerkers inroosteren; daarvan blijven er "
                     f"{alignment.available_agents(_roster_5(), LOSS_5)} beschikbaar.",
    mistakes={
        "erbij": (math.ceil(NEEDED_5 * (1 + LOSS_5)),
                  "Je telde 20 % bij de 52 op. Het verlies is 20 % van wat je inroostert, niet van wat je "
                  "nodig hebt: deel door 0,80 in plaats van te vermenigvuldigen met 1,20 (net als bij "
                  "shrinkage)."),
        "verlies": (alignment.available_agents(NEEDED_5, LOSS_5),
                    "Dat is wat er van 52 overblijft tijdens het onderhoud. De vraag is hoeveel je moet "
                    "inroosteren zodat er 52 overblijven."),
    },
)


# Opdracht 6: what Erlang C's "service level 0, infinite ASA" of case 1 means for the floor
opdracht_6 = choice(
    "Opdracht 6",
    "c",
    {
        "a": "Geen enkele klant wordt binnen 20 seconden geholpen, en de wachtrij groeit de rest van de dag door.",
        "b": "Het is een rekenfout: met de geplande medewerkers kan het service level nooit 0 zijn.",
        "c": "Erlang C neemt aan dat klanten eindeloos wachten. In werkelijkheid haken ze af; Erlang A, met het "
             "geduld van de klanten, laat zien wat er op de vloer gebeurt: een service level ver onder het doel "
             "en veel afhakers, van wie een deel later terugbelt.",
        "d": "Het valt mee: afhakers tellen in het service level niet mee, dus de klanten die wachten worden "
             "gewoon op tijd geholpen.",
    },
    hint="Welke aanname van Erlang C (notebook 03) klopt niet meer als er meer werk binnenkomt dan de "
         "medewerkers aankunnen? En welk model houdt rekening met klanten die ophangen?",
    solution="c. Met minder medewerkers dan Erlangs (n < A) groeit de rij in Erlang C zonder eind, omdat "
             "niemand ophangt. Een kwartier duurt maar een kwartier en klanten haken af: Erlang A geeft het "
             "beeld voor de vloer, met een service level ver onder 80 % en veel afhakers. Vertel de teamleider "
             "dus wat Erlang A laat zien, en spreek met marketing af dat acties vooraf gemeld worden.",
    feedback={
        "a": "Dat is wat Erlang C letterlijk zegt, maar het neemt aan dat niemand ophangt. Echte klanten haken "
             "af, en na het kwartier loopt de rij weer leeg.",
        "b": "Het is geen rekenfout: met minder medewerkers dan Erlangs heeft Erlang C geen evenwicht. Het model "
             "past alleen niet op klanten die ophangen.",
        "d": "Afhakers tellen juist als niet op tijd geholpen (de noemer is alle aangeboden gesprekken), en wie "
             "blijft wachten, wacht lang.",
    },
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4, opdracht_5, opdracht_6)

# Exercises that test judgement rather than arithmetic (issue 12, section 2).
JUDGEMENT = (opdracht_6,)

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": (_key_2(), "d"),
    "opdracht_2": (_short_1(), math.ceil(_planned_1() * (1 + _uplift_1())) - _planned_1()),
    "opdracht_3": (_week2_3(), _all_weeks_3()),
    "opdracht_4": (_roster_5(), math.ceil(NEEDED_5 * (1 + LOSS_5))),
    "opdracht_5": (_hires_4(), float(shrinkage.hires_needed(120, 0.30))),
    "opdracht_6": ("c", "a"),
}
