"""Opdrachten bij notebook 03_erlang."""
from wfmcourse.course.exercises import choice, number, whole_number
from wfmcourse.domain import erlang
from wfmcourse.presentation.dutch import number as _dec
from wfmcourse.presentation.dutch import percent as _pct


# Opdracht 1: from calls and AHT to Erlangs (240 calls per hour, AHT 4.5 minutes)
def _load_1():
    return erlang.traffic(240, 4.5 * 60, interval=3600)


opdracht_1 = number(
    "Opdracht 1",
    _load_1,
    unit="Erlang",
    decimals=1,
    printed=0,
    hint="Zet eerst alles in seconden: een AHT van 4,5 minuten is 270 seconden, een uur is 3.600 seconden. "
         "Verkeer = gesprekken x AHT / intervallengte.",
    solution=lambda: f"erlang.traffic(240, 270, interval=3600) = {_load_1():g} Erlang: 240 gesprekken van "
                     "270 seconden is 64.800 seconden werk in een uur van 3.600 seconden, dus gemiddeld "
                     f"{_load_1():g} gesprekken tegelijk.",
    mistakes={
        "aht_in_minuten": (240 * 4.5 / 3600,
                           "Je liet de AHT in minuten staan terwijl het uur in seconden stond. Reken de AHT "
                           "eerst om naar seconden (4,5 x 60)."),
        "interval_in_minuten": (240 * 270 / 60,
                                "Je deelde door 60 (minuten) terwijl de AHT in seconden staat. Gebruik voor "
                                "het interval ook seconden: een uur is 3.600 seconden."),
        "kwartier": (240 * 270 / 900,
                     "Je rekende met een kwartier (900 s), maar de 240 gesprekken komen binnen in een heel uur."),
    },
)


# Opdracht 2: agents for 80/20 (150 calls per half hour, AHT 240 s)
def _load_2():
    return erlang.traffic(150, 240, interval=1800)


def _agents_2():
    return erlang.agents_needed(_load_2(), aht=240, awt=20, target=0.8)


opdracht_2 = whole_number(
    "Opdracht 2",
    _agents_2,
    unit="medewerkers",
    hint="Bereken eerst het verkeer met erlang.traffic (interval 1.800 s) en gebruik dan erlang.agents_needed "
         "met awt=20 en target=0.8. Of zoek in een tabel het kleinste aantal dat 80 % haalt.",
    solution=lambda: (
        f"Verkeer: 150 x 240 / 1.800 = {_load_2():g} Erlang. erlang.agents_needed({_load_2():g}, aht=240, "
        f"awt=20, target=0.8) = {_agents_2()}. Met {_agents_2() - 1} medewerkers haal je "
        f"{_pct(erlang.service_level(_agents_2() - 1, _load_2(), 240, 20))}, net onder het doel; met "
        f"{_agents_2()} haal je {_pct(erlang.service_level(_agents_2(), _load_2(), 240, 20))}."),
    mistakes={
        "naar_beneden": (lambda: _agents_2() - 1,
                         "Met dit aantal blijft het service level net onder de 80 %. Een norm haal je alleen "
                         "als je naar boven afrondt: kies het kleinste aantal dat het doel wel haalt. Nam je het "
                         "uit de tabel 'medewerkers per Erlang'? Die rekent met een AHT van 180 seconden; hier is "
                         "de AHT 240 seconden, en bij hetzelfde verkeer heb je dan meer medewerkers nodig."),
        "alleen_verkeer": (lambda: round(_load_2()),
                           "Dit is precies het verkeer in Erlang. Met zoveel medewerkers is iedereen de hele "
                           "tijd bezig en groeit de wachtrij zonder eind: je hebt er altijd meer nodig."),
    },
)


# Opdracht 3: service level when the volume turns out 10 % higher, staffing unchanged
def _sl_3():
    return erlang.service_level(14, erlang.traffic(110, 180, interval=1800), aht=180, awt=20)


opdracht_3 = number(
    "Opdracht 3",
    _sl_3,
    fraction=True,
    decimals=2,
    printed=3,
    hint="Het volume wordt 110 in plaats van 100; de AHT en de 14 medewerkers blijven gelijk. Reken het nieuwe "
         "verkeer uit en gebruik erlang.service_level(14, verkeer, aht=180, awt=20).",
    solution=lambda: f"Verkeer: 110 x 180 / 1.800 = 11 Erlang. erlang.service_level(14, 11, aht=180, awt=20) = "
                     f"{_dec(_sl_3(), 3)}, dus {_pct(_sl_3())}: tien procent meer bellers kost ruim tien procentpunt "
                     "service level.",
    mistakes={
        "oude_sl": (lambda: erlang.service_level(14, 10.0, aht=180, awt=20),
                    "Dit is het service level bij 100 gesprekken. Bij 110 gesprekken stijgt het verkeer naar "
                    "11 Erlang; reken opnieuw met dat verkeer."),
        "lineair": (lambda: erlang.service_level(14, 10.0, aht=180, awt=20) * 100 / 110,
                    "Je verlaagde het service level in dezelfde verhouding als het volume steeg. Zo werkt een "
                    "wachtrij niet: het effect is veel groter. Reken het uit met erlang.service_level."),
        "langere_aht": (lambda: erlang.service_level(14, erlang.traffic(100, 190, interval=1800), aht=190, awt=20),
                        "Dat is het service level bij 10 seconden langere AHT uit de tekst hierboven. Hier blijft "
                        "de AHT 180 s en stijgt het volume naar 110 gesprekken."),
        "bijgeroosterd": (lambda: erlang.service_level(15, erlang.traffic(110, 180, interval=1800), aht=180, awt=20),
                          "Je rekende met 15 medewerkers, het aantal dat bij 110 gesprekken nodig zou zijn. Maar "
                          "het rooster staat vast: er zijn er 14."),
    },
)


# Opdracht 4: two call types in one queue -- weight the AHT by the volumes
def _load_4():
    return erlang.traffic(300, 150, interval=1800) + erlang.traffic(100, 330, interval=1800)


opdracht_4 = number(
    "Opdracht 4",
    _load_4,
    unit="Erlang",
    decimals=1,
    printed=2,
    hint="Het verkeer van de hele wachtrij is de som van het werk van beide soorten gesprekken, gedeeld door de "
         "intervallengte. Let op: de ene soort komt drie keer zo vaak voor als de andere.",
    solution=lambda: f"(300 x 150 + 100 x 330) / 1.800 = 78.000 / 1.800 = {_dec(_load_4(), 2)} Erlang. De gewogen "
                     "AHT is 78.000 / 400 = 195 seconden; het gewone gemiddelde van 150 en 330 (240 s) telt "
                     "de zeldzame lange gesprekken te zwaar.",
    mistakes={
        "ongewogen": (400 * (150 + 330) / 2 / 1800,
                      "Je nam het gewone gemiddelde van de twee AHT's (240 s). Maar er zijn drie keer zoveel "
                      "korte als lange gesprekken: weeg de AHT naar het aantal gesprekken."),
        "een_soort": (300 * 150 / 1800,
                      "Dit is alleen het verkeer van de korte gesprekken; tel het werk van de lange gesprekken "
                      "erbij op."),
    },
)

opdracht_5 = choice(
    "Opdracht 5",
    "c",
    {
        "a": "Samen hebben ze evenveel medewerkers nodig: 5 + 5 Erlang is 10 Erlang.",
        "b": "Samen hebben ze meer medewerkers nodig, omdat één grote wachtrij langzamer loopt.",
        "c": "Samen hebben ze minder medewerkers nodig voor hetzelfde service level, en de occupancy stijgt.",
        "d": "Samen halen ze met hetzelfde aantal medewerkers een lager service level.",
    },
    hint="Kijk naar de tabel met gescheiden en samengevoegde wachtrijen, en naar de kromme van medewerkers per "
         "Erlang.",
    solution=lambda: (
        f"c: apart hebben twee teams van 5 Erlang elk {erlang.agents_needed(5.0, 180, 20, 0.8)} medewerkers "
        f"nodig voor 80/20 (samen {2 * erlang.agents_needed(5.0, 180, 20, 0.8)}), samengevoegd zijn "
        f"{erlang.agents_needed(10.0, 180, 20, 0.8)} genoeg. In een grote groep is er vaker iemand net vrij "
        "als er een klant belt. Voorwaarde: iedereen moet alle gesprekken kunnen afhandelen."),
    feedback={
        "a": "Het werk telt wel op, maar de reserve die je nodig hebt voor toevallige pieken niet: die is in "
             "één grote groep relatief kleiner.",
        "b": "Eén wachtrij loopt juist sneller door: een beller wacht niet terwijl er in het andere team "
             "iemand vrij zit.",
        "d": "Met hetzelfde aantal medewerkers halen ze samen juist een hoger service level.",
    },
)


# Opdracht 6: Erlang A for the team of opdracht 2 (150 calls per half hour, AHT 240 s), mean patience 90 s.
# (The notebook's table shows Erlang A for the 10-Erlang example, so this asks another team.)
PATIENCE_6 = 90


def _agents_6():
    return erlang.agents_needed(_load_2(), aht=240, awt=20, target=0.8, patience=PATIENCE_6)


opdracht_6 = whole_number(
    "Opdracht 6",
    _agents_6,
    unit="medewerkers",
    hint="Gebruik erlang.agents_needed met het verkeer van Opdracht 2, aht=240, awt=20, target=0.8 en "
         "patience=90 (in seconden).",
    solution=lambda: (
        f"erlang.agents_needed({_load_2():g}, aht=240, awt=20, target=0.8, patience=90) = {_agents_6()}, "
        f"tegenover {_agents_2()} volgens Erlang C. Let op de prijs: met {_agents_6()} medewerkers haakt "
        f"{_pct(erlang.abandonment(_agents_6(), _load_2(), 240, PATIENCE_6))} van de bellers af."),
    mistakes={
        "erlang_c": (_agents_2,
                     "Dat is het Erlang C-antwoord uit Opdracht 2, waarin niemand ophangt. Geef het geduld mee "
                     "met patience=90 om Erlang A te gebruiken."),
        "geduld_in_minuten": (lambda: erlang.agents_needed(_load_2(), 240, 20, 0.8, patience=1.5),
                              "Je gaf het geduld in minuten (1,5). Alle tijden in het pakket zijn in seconden: "
                              "patience=90."),
        "voorbeeld": (lambda: erlang.agents_needed(10.0, 180, 20, 0.8, patience=PATIENCE_6),
                      "Dat is het antwoord voor het uitgewerkte voorbeeld (10 Erlang, AHT 180 s). Deze vraag gaat "
                      "over het team van Opdracht 2: 150 gesprekken per half uur met een AHT van 240 s."),
    },
)


# Opdracht 7: when is Erlang C the wrong model?
opdracht_7 = choice(
    "Opdracht 7",
    "a",
    {
        "a": "Een klantenservice waar 9 % van de bellers ophangt voordat ze geholpen zijn; de ACD levert per "
             "kwartier de totale wachttijd en het aantal afhakers.",
        "b": "Een terugbelservice: wie belt, laat zijn nummer achter en wordt teruggebeld zodra er iemand vrij is; "
             "niemand hangt op in de wacht.",
        "c": "Het aantal telefoonlijnen naar een afdeling, waar wie geen vrije lijn vindt de bezettoon krijgt en "
             "niet in een wachtrij komt.",
        "d": "Een klantenservice waar vrijwel niemand ophangt, omdat de wachttijden kort zijn.",
    },
    hint="Erlang C neemt aan dat iedereen wacht tot hij geholpen wordt. Waar klopt die aanname duidelijk niet, "
         "en heb je toch de gegevens om het geduld te schatten?",
    solution="a. Waar bellers ophangen, overschat Erlang C de wachttijd en dus het aantal medewerkers; met de "
             "totale wachttijd en het aantal afhakers schat je het geduld (totale wachttijd / afhakers) en reken "
             "je met Erlang A. Kijk dan wel altijd naar het afhaakpercentage naast het service level.",
    feedback={
        "b": "Bij een terugbelservice hangt niemand op in de wacht: dat is precies de aanname van Erlang C.",
        "c": "Zonder wachtrij, met een bezettoon, gaat het om lijnen: daarvoor is Erlang B, niet Erlang A of C.",
        "d": "Als vrijwel niemand ophangt, geven Erlang C en Erlang A bijna hetzelfde antwoord; Erlang C is "
             "dan prima.",
    },
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4, opdracht_5, opdracht_6, opdracht_7)

# Exercises that test judgement rather than arithmetic (issue 12, section 2).
JUDGEMENT = (opdracht_7,)

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": (18.0, 0.3),
    "opdracht_2": (25, 24),
    "opdracht_3": (0.78, 0.888),
    "opdracht_4": (78000 / 1800, 400 * 240 / 1800),
    "opdracht_5": ("c", "a"),
    "opdracht_6": (_agents_6(), _agents_2()),
    "opdracht_7": ("a", "b"),
}
