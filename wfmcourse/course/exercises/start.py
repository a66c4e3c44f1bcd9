"""Opdrachten bij notebook 00_start."""
from wfmcourse.course.exercises import choice, number
from wfmcourse.domain import erlang

opdracht_1 = choice(
    "Opdracht 1",
    "d",
    {
        "a": "Forecasting",
        "b": "Planning & roostering",
        "c": "Rapportage & analyse",
        "d": "Traffic & dagsturing",
    },
    hint="Het gaat om bijsturen op de dag zelf, terwijl de klanten bellen.",
    solution="d: traffic (ook wel realtime management of dagsturing) grijpt in op de dag zelf, "
             "bijvoorbeeld door pauzes te verschuiven of een extra team op de telefoon te zetten.",
    feedback={
        "a": "De forecast gaat over het voorspellen van het aanbod, ruim voor de dag zelf.",
        "b": "Het rooster ligt dan al vast; de vraag gaat over bijsturen op de dag zelf.",
        "c": "Rapportage kijkt terug; hier gaat het om ingrijpen terwijl het gebeurt.",
    },
)

opdracht_2 = number(
    "Opdracht 2",
    lambda: erlang.traffic(120, 300, interval=900),
    unit="Erlang",
    decimals=1,
    printed=0,
    hint="Verkeer in Erlang = aantal contacten x AHT / lengte van het interval, alles in seconden.",
    solution=lambda: f"erlang.traffic(120, 300, interval=900) = {erlang.traffic(120, 300, interval=900):g} Erlang: "
                     "120 gesprekken van 300 seconden is 36.000 seconden werk in een kwartier van 900 seconden.",
    mistakes={
        "minuten": (120 * 5 / 900,
                    "Je rekende de AHT in minuten en het interval in seconden: gebruik overal seconden."),
        "uur": (120 * 300 / 3600, "Een kwartier is 900 seconden, geen 3.600."),
    },
)

opdracht_3 = choice(
    "Opdracht 3",
    "c",
    {
        "a": "Het notebook stopt met een foutmelding.",
        "b": "Je krijgt meteen het juiste antwoord te zien.",
        "c": "Je krijgt een melding dat je nog niet hebt geantwoord, en het notebook loopt gewoon door.",
    },
    hint="Probeer het uit: voer een check-cel uit zonder iets in te vullen.",
    solution="c: een lege opdracht geeft alleen een herinnering; het antwoord zie je pas met .solution().",
    feedback={
        "a": "Een lege opdracht geeft nooit een foutmelding; zo kan een trainer het hele notebook laten draaien.",
        "b": "Het antwoord zie je alleen als je er zelf om vraagt met .solution().",
    },
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3)

# Exercises that test judgement rather than arithmetic (issue 12, section 2).
JUDGEMENT = (opdracht_1,)

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": ("d", "a"),
    "opdracht_2": (40.0, 120 * 5 / 900),
    "opdracht_3": ("c", "a"),
}
