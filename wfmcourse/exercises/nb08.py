"""Opdrachten bij notebook 08_eindcase."""
from .. import shrinkage
from . import choice, number, whole_number
from ..nl import number as _dec

opdracht_1 = whole_number(
    "Opdracht 1",
    12,
    kind="week",
    hint="Kijk in de kleurentabel per uur: in welke week is elke ochtend hetzelfde uur rood, terwijl de week "
         "in het weekrapport boven 80 % zit?",
    solution="Week 12: gewogen 82,7 %, groen op het dashboard, maar om 9:00 en 10:00 elke werkdag ver onder de norm "
             "(een training op de ochtendpiek) en 's middags ruim erboven. Groen van buiten, rood van binnen: "
             "een watermeloen.",
    mistakes={
        "week 10": (10, "Week 10 haalt ook gewogen de norm niet; dat is gewoon een rode week, geen watermeloen."),
        "week 13": (13, "Week 13 zakt aan het eind van de middag (17:00 en 18:00) iets onder de norm, maar de "
                        "ochtenden zijn groen. Zoek de week waarin de ochtendpiek diep rood is en de middag "
                        "juist ruim groen."),
    },
)


opdracht_2 = number(
    "Opdracht 2",
    lambda: shrinkage.gross_up(1000, 0.32) / 36,
    unit="FTE",
    decimals=1,
    printed=1,
    hint="Bruto uren = netto uren / (1 - shrinkage); FTE = bruto uren / contracturen.",
    solution=lambda: f"1000 / (1 - 0,32) = {_dec(shrinkage.gross_up(1000, 0.32), 1)} bruto uur; "
                     f"gedeeld door 36 is dat {_dec(shrinkage.gross_up(1000, 0.32) / 36, 1)} FTE.",
    mistakes={
        "naief": (1000 * 1.32 / 36, "Je telde de shrinkage op bij de netto uren (x 1,32). Shrinkage is een deel "
                                    "van de bruto tijd: deel door 0,68."),
        "zonder shrinkage": (1000 / 36, "Dit zijn alleen de netto uren; reken eerst de shrinkage erbij."),
    },
)

opdracht_3 = choice(
    "Opdracht 3",
    "c",
    {
        "a": "Alleen scenario B: extra mensen lossen het probleem direct en blijvend op.",
        "b": "Alleen scenario A: met minder vermijdbaar contact is extra personeel nooit nodig.",
        "c": "Eerst B gericht op de rode kwartieren, tegelijk A starten, en het effect van A elke week meten.",
        "d": "Niets doen: het gewogen service level over de week is goed genoeg.",
    },
    hint="Welk scenario werkt op korte termijn, en welk scenario neemt de oorzaak weg?",
    solution="c: extra bezetting in de rode kwartieren helpt de klant nu; minder vermijdbaar contact verlaagt "
             "de vraag blijvend. Pas als het effect van A gemeten is, kun je de extra bezetting afbouwen.",
    feedback={
        "a": "Extra mensen kosten elke week geld en nemen de oorzaak van het vermijdbare contact niet weg.",
        "b": "Het effect van minder vermijdbaar contact komt pas na maanden en is kleiner dan evenredig.",
        "d": "Het gewogen gemiddelde verbergt juist de rode kwartieren: de watermeloen.",
    },
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3)

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": (12, 10),
    "opdracht_2": (1000 / 0.68 / 36, 1000 * 1.32 / 36),
    "opdracht_3": ("c", "a"),
}
