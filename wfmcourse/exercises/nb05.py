"""Opdrachten bij notebook 05_forecast_rooster."""
from .. import erlang, forecast, rooster, shrinkage
from . import choice, number, whole_number
from ..nl import number as _dec

ACTUAL = [2, 40, 120, 80, 10]
FORECAST = [5, 45, 110, 85, 4]

opdracht_1 = number(
    "Opdracht 1",
    lambda: forecast.wape(ACTUAL, FORECAST),
    fraction=True,
    hint="WAPE = som van de absolute fouten gedeeld door de som van de werkelijke aantallen. "
         "Tel eerst alle |werkelijk - forecast| op.",
    solution=lambda: f"forecast.wape({ACTUAL}, {FORECAST}) = {_dec(forecast.wape(ACTUAL, FORECAST), 4)}: "
                     "de fouten 3 + 5 + 10 + 5 + 6 = 29 gesprekken op 252 werkelijke gesprekken, dus 11,5 %.",
    mistakes={
        "mape": (lambda: forecast.mape(ACTUAL, FORECAST),
                 "Dat is de MAPE: het gemiddelde van de procentuele fouten per interval. De rustige "
                 "kwartieren (2 en 10 gesprekken) tellen dan even zwaar als de drukke en blazen de fout op. "
                 "Deel de som van de fouten door de som van het aanbod."),
        "bias": (lambda: forecast.bias(ACTUAL, FORECAST),
                 "Dat is de bias: daar vallen fouten naar boven en naar beneden tegen elkaar weg. "
                 "Voor de WAPE neem je de absolute waarde van elke fout."),
        "forecast": (29 / sum(FORECAST),
                     "Je deelde door de forecast. De WAPE deelt door het werkelijke aanbod."),
    },
)

PEAK_CALLS, PEAK_AHT = 81, 300

opdracht_2 = whole_number(
    "Opdracht 2",
    lambda: erlang.agents_needed(erlang.traffic(PEAK_CALLS, PEAK_AHT, interval=900),
                                 PEAK_AHT, 20, 0.8),
    unit="agents",
    hint="Reken eerst het verkeer uit: 81 gesprekken x 300 s / 900 s. Zoek dan met "
         "erlang.agents_needed(verkeer, aht=300, awt=20, target=0.8) het kleinste aantal dat 80/20 haalt.",
    solution=lambda: "Verkeer = 81 x 300 / 900 = 27 Erlang; erlang.agents_needed(27, 300, 20, 0.8) = "
                     f"{erlang.agents_needed(27.0, 300, 20, 0.8)} agents op de telefoon (netto, vóór shrinkage).",
    mistakes={
        "verkeer": (27, "27 is het verkeer in Erlang: met precies zoveel agents is iedereen altijd bezig "
                        "en groeit de wachtrij zonder eind. Je hebt er meer nodig om 80/20 te halen."),
        "bruto": (lambda: round(shrinkage.gross_up(
                      erlang.agents_needed(27.0, 300, 20, 0.8), 0.32)),
                  "Je hebt al shrinkage opgeteld. De vraag gaat over agents op de telefoon (netto); "
                  "shrinkage komt er pas bij als je naar betaalde uren en FTE gaat."),
    },
)

opdracht_3 = number(
    "Opdracht 3",
    lambda: shrinkage.gross_up(1000, 0.30) / 36,
    unit="FTE",
    rel=5e-3,
    hint="Eerst bruto uren = netto uren / (1 - shrinkage), daarna delen door de contracturen.",
    solution=lambda: f"shrinkage.gross_up(1000, 0.30) = {_dec(shrinkage.gross_up(1000, 0.30), 1)} betaalde uren; "
                     f"gedeeld door 36 uur per FTE is dat {_dec(shrinkage.gross_up(1000, 0.30) / 36, 1)} FTE.",
    mistakes={
        "naief": (lambda: shrinkage.naive_gross_up(1000, 0.30) / 36,
                  "Je rekende 1.000 x 1,3. Shrinkage is een deel van de bruto tijd: van 1.300 uur gaat "
                  "30 % af en dan houd je maar 910 uur over. Deel door (1 - 0,30)."),
        "netto": (1000 / 36, "Dat zijn alleen de netto uren gedeeld door 36: de shrinkage ontbreekt."),
    },
)

opdracht_4 = choice(
    "Opdracht 4",
    "b",
    {
        "a": "Korte diensten hebben een hogere productiviteit per uur.",
        "b": "Een dienst tot en met 5,5 uur heeft wettelijk geen pauze nodig en een korte dienst "
             "volgt de pieken van het aanbod nauwkeuriger, dus er is minder betaalde overdekking.",
        "c": "Het model kan geen lange diensten maken als er ook korte mogelijk zijn.",
        "d": "De Arbeidstijdenwet verbiedt diensten van meer dan 8 uur.",
    },
    hint="Vergelijk het aantal betaalde uren dat niet op de telefoon wordt doorgebracht: pauzes en "
         "uren met meer mensen dan nodig.",
    solution="b: het model minimaliseert betaalde uren. Een dienst van 4 uur heeft geen pauze (art. 5:4 vraagt "
             "pas een pauze boven 5,5 uur) en kan precies op de ochtend- of middagpiek liggen. Mensen willen en "
             "kunnen vaak niet alleen 4-uursdiensten werken; daarom stel je een minimale dienstlengte in.",
    feedback={
        "a": "Het model rekent niet met vermoeidheid of productiviteit per uur; het ziet alleen betaalde uren "
             "en dekking.",
        "c": "Het model kiest vrij uit alle dienstsoorten; lange diensten zijn alleen duurder per gedekt uur.",
        "d": "De grens in art. 5:7 is 12 uur per dienst, niet 8 uur.",
    },
)

opdracht_5 = whole_number(
    "Opdracht 5",
    lambda: int(rooster.planning_calendar(12, roster_lead=4)
                .query("stap == 'Rooster gepubliceerd'")["week"].iloc[0]),
    unit="(weeknummer)",
    hint="Met X-4 tel je vier weken terug vanaf de uitvoeringsweek.",
    solution="Week 12 - 4 = week 8: rooster.planning_calendar(12, roster_lead=4). Vier weken is de 28 dagen "
             "van art. 4:2 Arbeidstijdenwet als de CAO niets anders regelt.",
    mistakes={
        "vooruit": (16, "Je telde vooruit. Het rooster moet vóór de uitvoeringsweek bekend zijn: tel terug."),
        "forecast": (6, "Week 6 is X-6, het moment waarop de forecast klaar is in het standaardritme. "
                        "De vraag gaat over publicatie van het rooster bij X-4."),
    },
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4, opdracht_5)

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": (29 / 252, forecast.mape(ACTUAL, FORECAST)),
    "opdracht_2": (erlang.agents_needed(27.0, 300, 20, 0.8), 27),
    "opdracht_3": (1000 / 0.7 / 36, 1300 / 36),
    "opdracht_4": ("b", "d"),
    "opdracht_5": (8, 16),
}
