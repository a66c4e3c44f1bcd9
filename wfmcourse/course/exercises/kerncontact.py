"""Opdrachten bij notebook 10_kerncontact, with the lesson's example week of contact reasons and its
Dutch texts (the advice per quadrant of the impact-effort matrix, the starting points of the
kern-contact approach)."""
import math

import pandas as pd

from wfmcourse.course.exercises import choice, number, whole_number
from wfmcourse.data import datasets
from wfmcourse.domain import erlang, improvement
from wfmcourse.presentation.dutch import number as _dec

#: A one-line Dutch approach per quadrant of the impact-effort matrix (keys of improvement.QUADRANTS).
QUADRANT_ADVICE = {
    "do_now": "Veel effect voor weinig moeite: meteen oppakken (snelle winst).",
    "plan_project": "Veel effect, veel moeite: voorbereiden en als project inplannen.",
    "later_list": "Weinig effect, weinig moeite: op de lijst, later opnieuw wegen.",
    "do_not": "Weinig effect, veel moeite: geen verbeterproject van maken.",
}

#: The starting points of the kern-contact approach (key -> Dutch statement to score 1-5).
STARTING_POINTS = {
    "echte praktijk": ("We weten hoe het echt gaat, ook achter groene cijfers "
                       "(geen watermeloenrapporten)."),
    "vermijdbaar contact": ("We zoeken actief welke vragen betere informatie had kunnen voorkomen, "
                            "en pakken die aan."),
    "kanaal per vraag": "Per type vraag is bepaald welk kanaal past; routinevragen kunnen via selfservice.",
    "werving op houding": "We werven op houding en laten vaardigheden daarna groeien met training.",
    "werkplek": "Onze werkplek is er een waar betrokken, gemotiveerde medewerkers graag willen werken.",
    "begeleiding": "Medewerkers krijgen coaching en handvatten voor complexe en emotionele gesprekken.",
    "autonomie": "Medewerkers hebben vertrouwen en ruimte om de klant echt te helpen.",
    "passende KPI's": ("We toetsen of targets en KPI's nog passen bij kanalen, vraagcomplexiteit "
                      "en klantbehoefte."),
    "voelsprieten": "Signalen van medewerkers over wat er misgaat komen aan bij wie het kan oplossen.",
}


def example_reasons() -> pd.DataFrame:
    """A small fictitious week of contact reasons of a web shop (for notebook 10 and its exercises).

    Columns: ``reason`` (Dutch label), ``contacts`` (contacts per week), ``avoidable`` (bool:
    failure demand that better information or a better process could prevent) and ``aht``
    (seconds). 8,600 contacts, of which 3,700 avoidable: a complaint is failure demand (something went
    wrong before); handling it well is the valuable part.
    """
    rows = [
        ("Waar blijft mijn bestelling?", 2400, True, 180),
        ("Vraag over factuur", 1500, False, 300),
        ("Retour aanvragen", 1300, False, 240),
        ("Productadvies", 900, False, 420),
        ("Adres of gegevens wijzigen", 700, False, 150),
        ("Klacht over levering", 600, True, 480),
        ("Betaling mislukt", 450, True, 270),
        ("Opzeggen abonnement", 300, False, 360),
        ("Inloggen lukt niet", 250, True, 210),
        ("Overig", 200, False, 300),
    ]
    return pd.DataFrame(rows, columns=["reason", "contacts", "avoidable", "aht"])


# Opdracht 1: share of avoidable contacts in the example week of contact reasons
def _avoidable_share():
    ex = example_reasons()
    return improvement.avoidable_share(ex["contacts"], ex["avoidable"])


def _avoidable_contacts():
    ex = example_reasons()
    return int(ex.loc[ex["avoidable"], "contacts"].sum())


def _all_contacts():
    return int(example_reasons()["contacts"].sum())


def _reason_share():
    return float(example_reasons()["avoidable"].mean())


opdracht_1 = number(
    "Opdracht 1",
    _avoidable_share,
    fraction=True,
    decimals=2,
    printed=3,
    hint="Tel de contacten van de vermijdbare redenen op en deel door alle contacten, of gebruik "
         "improvement.avoidable_share(redenen['contacts'], redenen['avoidable']).",
    solution=lambda: f"{_dec(_avoidable_contacts(), 0)} van de {_dec(_all_contacts(), 0)} contacten = "
                     f"{_dec(_avoidable_share(), 3)}: zo'n "
                     f"{_dec(100 * _avoidable_share(), 0)} % van alle contacten had met betere informatie "
                     "of een beter proces voorkomen kunnen worden.",
    mistakes={
        "klantdirect": (lambda: float(datasets.load_contacts()["avoidable"].mean()),
                        "Dat is het vermijdbare aandeel bij KlantDirect. De vraag gaat over de voorbeeldweek van "
                        "de webwinkel (de tabel redenen)."),
        "redenen": (_reason_share,
                    "Je telde contactredenen in plaats van contacten. Een reden met veel contacten weegt "
                    "zwaarder: neem het gemiddelde over alle contacten."),
    },
)


# Opdracht 2: agents saved in one busy quarter hour (120 contacts, AHT 300 s, 40 % avoidable, half removed)
def _agents(calls):
    return int(erlang.agents_needed(erlang.traffic(calls, 300, interval=900), 300, 20, 0.8))


def _before():
    return _agents(120)


def _saved(removed=0.5):
    return _before() - _agents(120 * (1 - 0.4 * removed))


opdracht_2 = whole_number(
    "Opdracht 2",
    _saved,
    unit="medewerkers",
    hint="Reken het aantal medewerkers (80/20) uit vóór en ná: na de verbetering komen er "
         "120 x (1 - 0,4 x 0,5) contacten. Gebruik twee keer `erlang.agents_needed` (interval 900 s).",
    solution=lambda: f"Voor: {_before()} medewerkers voor 120 contacten. Na: 96 contacten vragen "
                     f"{_before() - _saved()} medewerkers. Dat scheelt {_saved()} medewerkers, iets "
                     "minder dan 20 % van de bezetting: grote groepen werken efficiënter, dus een kleinere "
                     "groep verliest een beetje van dat schaalvoordeel.",
    mistakes={
        "evenredig": (lambda: math.ceil(_before() * 0.2),
                      "Je nam 20 % van de medewerkers. Erlang C is niet evenredig: door het schaalvoordeel "
                      "scheelt 20 % minder contacten iets minder dan 20 % van de medewerkers."),
        "evenredig omlaag": (lambda: math.floor(_before() * 0.2),
                             "Je nam 20 % van de medewerkers en rondde naar beneden af. Reken niet met een "
                             "percentage van de bezetting: Erlang C is niet evenredig. Reken het aantal medewerkers "
                             "vóór en ná uit met `erlang.agents_needed` en trek ze van elkaar af."),
        "alles_weg": (lambda: _saved(1.0),
                      "Je haalde alle vermijdbare contacten weg; de vraag gaat over de helft ervan."),
    },
)


# Opdracht 3: the mandatory identity check in the impact-effort matrix
opdracht_3 = choice(
    "Opdracht 3",
    "d",
    {
        "a": "nu doen: meteen schrappen, dat scheelt in elk gesprek tijd",
        "b": "plannen: een groot project om de controle af te schaffen",
        "c": "later-lijst",
        "d": "niet doen: de controle blijft, je steekt er geen verbeterproject in",
        "e": "niet doen: de controle wordt geschrapt",
    },
    hint="Bereken het kwadrant met dutch.LABELS[improvement.impact_effort_quadrant(2, 5)] en denk daarna "
         "na over wat "
         "'niet doen' betekent voor iets dat wettelijk verplicht is.",
    solution="d. Met impact 2 en inspanning 5 valt de bevinding in 'niet doen'. Dat betekent: geen "
             "verbeterproject, níet dat je het proces afschaft. Een wettelijk verplichte "
             "identiteitscontrole blijft gewoon bestaan.",
    feedback={
        "a": "Met inspanning 5 is dit geen snelle winst, en een verplichte controle kun je niet schrappen.",
        "b": "Plannen is voor bevindingen met veel impact; deze heeft maar impact 2.",
        "c": "De later-lijst is voor weinig impact én weinig inspanning; hier is de inspanning 5.",
        "e": "Het kwadrant klopt, maar 'niet doen' betekent geen verbeterproject. Een wettelijk verplichte "
             "controle kun je niet schrappen.",
    },
)


# Opdracht 4: AHT of the remaining mix after removing half of the short status questions
def _mix():
    return improvement.remaining_aht([1000, 600], [180, 540], [0.5, 0.0])


opdracht_4 = number(
    "Opdracht 4",
    _mix,
    unit="seconden",
    decimals=0,
    printed=1,
    hint="Na de verbetering zijn er 500 statusvragen van 180 s en 600 klachten van 540 s over. "
         "De AHT is de totale afhandeltijd gedeeld door het aantal contacten.",
    solution=lambda: f"(500 x 180 + 600 x 540) / 1.100 = {_dec(_mix(), 1)} seconden "
                     "(improvement.remaining_aht([1000, 600], [180, 540], [0.5, 0])). "
                     "Eerst was de AHT 315 s: "
                     "de AHT stijgt, terwijl niemand langzamer werkt. Alleen de mix is veranderd.",
    mistakes={
        "oude_aht": ((1000 * 180 + 600 * 540) / 1600,
                     "Dat is de AHT van vóór de verbetering. Haal eerst de helft van de statusvragen weg."),
        "alles_weg": (540.0,
                      "Je haalde alle statusvragen weg; de verbetering neemt er de helft van weg."),
        "minuten": (lambda: _mix() / 60,
                    "Je gaf de AHT in minuten. De vraag vraagt seconden, zoals de AHT's in de opgave."),
        "ongewogen": ((180 + 540) / 2,
                      "Je nam het gewone gemiddelde van de twee AHT's. Weeg met het aantal contacten dat "
                      "overblijft."),
    },
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4)

# Exercises that test judgement rather than arithmetic (issue 12, section 2).
JUDGEMENT = (opdracht_3,)

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": (_avoidable_share(), _reason_share()),
    "opdracht_2": (_saved(), math.ceil(_before() * 0.2)),
    "opdracht_3": ("d", "e"),
    "opdracht_4": (round(_mix()), 315.0),
}
