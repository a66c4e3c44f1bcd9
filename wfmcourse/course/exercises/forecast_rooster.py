"""Opdrachten bij notebook 06_forecast_rooster."""
from wfmcourse.course.exercises import choice, number, whole_number
from wfmcourse.domain import erlang, forecast, roster, shrinkage
from wfmcourse.presentation.dutch import number as _dec
from wfmcourse.presentation.dutch import percent as _pct

ACTUAL = [2, 40, 120, 80, 10]
FORECAST = [5, 45, 110, 85, 4]
_ERRORS = [abs(a - f) for a, f in zip(ACTUAL, FORECAST)]

opdracht_1 = number(
    "Opdracht 1",
    lambda: forecast.wape(ACTUAL, FORECAST),
    fraction=True,
    decimals=3,
    printed=(3, 4),
    hint="WAPE = som van de absolute fouten gedeeld door de som van de werkelijke aantallen. "
         "Tel eerst alle |werkelijk - forecast| op.",
    solution=lambda: f"forecast.wape({ACTUAL}, {FORECAST}) = {_dec(forecast.wape(ACTUAL, FORECAST), 4)}: "
                     f"de fouten {' + '.join(str(e) for e in _ERRORS)} = {sum(_ERRORS)} gesprekken op "
                     f"{sum(ACTUAL)} werkelijke gesprekken, dus {_pct(forecast.wape(ACTUAL, FORECAST))}.",
    mistakes={
        "mape": (lambda: forecast.mape(ACTUAL, FORECAST),
                 "Dat is de MAPE: het gemiddelde van de procentuele fouten per interval. De rustige "
                 "kwartieren (2 en 10 gesprekken) tellen dan even zwaar als de drukke en blazen de fout op. "
                 "Deel de som van de fouten door de som van het aanbod."),
        "bias": (lambda: forecast.bias(ACTUAL, FORECAST),
                 "Dat is de bias: daar vallen fouten naar boven en naar beneden tegen elkaar weg. "
                 "Voor de WAPE neem je de absolute waarde van elke fout."),
        "nauwkeurigheid": (lambda: 1 - forecast.wape(ACTUAL, FORECAST),
                           "Dat is 1 − WAPE, wat soms 'nauwkeurigheid' heet. De vraag is de WAPE zelf: het deel "
                           "van het werkelijke aanbod dat de forecast ernaast zat."),
        "forecast": (sum(_ERRORS) / sum(FORECAST),
                     "Je deelde door de forecast. De WAPE deelt door het werkelijke aanbod."),
    },
)

PEAK_CALLS, PEAK_AHT, PEAK_TARGET = 81, 300, 0.9


def _peak_agents(target=PEAK_TARGET, aht=PEAK_AHT):
    return erlang.agents_needed(erlang.traffic(PEAK_CALLS, aht, interval=900), aht, 20, target)


opdracht_2 = whole_number(
    "Opdracht 2",
    _peak_agents,
    unit="medewerkers",
    hint="Reken eerst het verkeer uit: 81 gesprekken x 300 s / 900 s. Zoek dan met "
         "erlang.agents_needed(verkeer, aht=300, awt=20, target=0.9) het kleinste aantal dat 90/20 haalt.",
    solution=lambda: f"Verkeer = 81 x 300 / 900 = 27 Erlang; erlang.agents_needed(27, 300, 20, 0.9) = "
                     f"{_peak_agents()} medewerkers aan de telefoon (netto, vóór shrinkage), "
                     f"{_peak_agents() - _peak_agents(0.8)} meer dan voor 80/20.",
    mistakes={
        "tachtig": (lambda: _peak_agents(0.8),
                    "Dat is het aantal voor 80/20, zoals in de piek hierboven. De manager vraagt 90 % binnen "
                    "20 seconden: geef target=0.9."),
        "verkeer": (27, "27 is het verkeer in Erlang: met precies zoveel medewerkers is iedereen altijd bezig "
                        "en groeit de wachtrij zonder eind. Je hebt er meer nodig."),
        "aht in minuten": (lambda: _peak_agents(aht=PEAK_AHT / 60),
                           "Je gaf de AHT in minuten (5). Erlang rekent alle tijden in seconden: AHT 300, "
                           "wachttijd 20 en het interval 900."),
        "x(1+s)": (lambda: round(shrinkage.naive_gross_up(_peak_agents(), 0.32)),
                   "Je vermenigvuldigde met 1 + shrinkage. De vraag gaat over medewerkers op de telefoon "
                   "(netto), zonder shrinkage. En wie later ophoogt, deelt door (1 − shrinkage) in plaats van te "
                   "vermenigvuldigen met (1 + shrinkage)."),
        "bruto": (lambda: round(shrinkage.gross_up(_peak_agents(), 0.32)),
                  "Je hebt al shrinkage opgeteld. De vraag gaat over medewerkers op de telefoon (netto); "
                  "shrinkage komt er pas bij als je naar betaalde uren en FTE gaat."),
    },
)


# Opdracht 3: a colleague compares the roster's paid hours with the gross hours of section 5
opdracht_3 = choice(
    "Opdracht 3",
    "d",
    {
        "a": "Klopt: het roostermodel werkt efficiënter dan de shrinkageberekening, dus er kan minder geworven "
             "worden.",
        "b": "Het verschil is toeval in de forecast; neem het gemiddelde van de twee.",
        "c": "De bruto uren van §5 zijn te hoog, omdat daar met een contract van 36 uur is gerekend.",
        "d": "Het rooster dekt alleen de uren op de vloer, met pauzes en overdekking. Verlof, verzuim, training en "
             "overleg staan er niet in. Hoog de betaalde uren van het rooster op met de shrinkage zonder pauzes: "
             "dan zijn er méér bruto uren nodig dan in §5, niet minder.",
    },
    hint="Welke soorten shrinkage zitten in de betaalde uren van het dienstenrooster, en welke niet? "
         "Lees ook de opmerking over de pauzes in §5 nog eens.",
    solution="d. De bruto uren van §5 zijn netto / (1 − 0,32): daarin zit álle shrinkage, ook verlof, verzuim, "
             "training en overleg. Het weekrooster plant alleen diensten op de vloer: de pauzes zitten er al in "
             "(die plant het model), de rest van de shrinkage niet, en er is overdekking omdat diensten niet "
             "precies op de behoefte passen. Wie de betaalde uren van het rooster ophoogt met de shrinkage zonder "
             "pauzes, komt boven de bruto uren van §5 uit: er moet meer geworven worden, niet minder.",
    feedback={
        "a": "Het rooster heeft juist overdekking (efficiëntie onder 100 %). Het lijkt goedkoper omdat verlof, "
             "verzuim, training en overleg er niet in staan.",
        "b": "Beide getallen komen uit dezelfde forecast; het verschil zit in wat er wel en niet in meetelt.",
        "c": "De contracturen bepalen alleen de omrekening van uren naar FTE; de vergelijking gaat over uren.",
    },
)

opdracht_4 = choice(
    "Opdracht 4",
    "a",
    {
        "a": "Een dienst tot en met 5,5 uur heeft wettelijk geen pauze nodig en een korte dienst "
             "volgt de pieken van het aanbod nauwkeuriger, dus er is minder betaalde overdekking.",
        "b": "Korte diensten hebben een hogere productiviteit per uur.",
        "c": "Het model kan geen lange diensten maken als er ook korte mogelijk zijn.",
        "d": "De Arbeidstijdenwet verbiedt diensten van meer dan 8 uur.",
    },
    hint="Vergelijk het aantal betaalde uren dat niet op de telefoon wordt doorgebracht: pauzes en "
         "uren met meer mensen dan nodig.",
    solution="a: het model minimaliseert betaalde uren. Een dienst van 4 uur heeft geen pauze (art. 5:4 vraagt "
             "pas een pauze boven 5,5 uur) en kan precies op de ochtend- of middagpiek liggen. Mensen willen en "
             "kunnen vaak niet alleen 4-uursdiensten werken; daarom stel je een minimale dienstlengte in.",
    feedback={
        "b": "Het model rekent niet met vermoeidheid of productiviteit per uur; het ziet alleen betaalde uren "
             "en dekking.",
        "c": "Het model kiest vrij uit alle dienstsoorten; lange diensten zijn alleen duurder per gedekt uur.",
        "d": "De grens in art. 5:7 is 12 uur per dienst, niet 8 uur.",
    },
)

WEEK_5 = 12                 # the week of execution the question asks about
TABLE_WEEKS_5 = (47, 48)    # the weeks of the planning calendar shown in the notebook


def _published_5(week=WEEK_5):
    calendar = roster.planning_calendar(week, roster_lead=4)
    return int(calendar.loc[calendar["step"] == "roster_published", "week"].iloc[0])


def _table_week_message(week):
    return (f"Week {_published_5(week)} is de publicatieweek van het rooster voor week {week}, uit de tabel "
            f"hierboven: een andere uitvoeringsweek. De vraag gaat over week {WEEK_5}: tel vanaf die week vier "
            "weken terug.")


opdracht_5 = whole_number(
    "Opdracht 5",
    lambda: _published_5(),
    kind="week",
    hint="Tel vier weken terug vanaf de uitvoeringsweek.",
    solution=lambda: f"Week 12 - 4 = week {_published_5()}: "
                     "dutch.table(roster.planning_calendar(12, roster_lead=4)). Vier "
                     "weken is de 28 dagen van art. 4:2 Arbeidstijdenwet, als de cao of een regeling met de OR niets "
                     "anders regelt.",
    mistakes={
        **{f"tabel week {week}": (lambda week=week: _published_5(week), _table_week_message(week))
           for week in TABLE_WEEKS_5},
        "vooruit": (12 + 4, "Je telde vooruit. Het rooster moet vóór de uitvoeringsweek bekend zijn: tel terug."),
        "forecast": (6, "Week 6 is zes weken vooraf: het moment waarop de forecast klaar is in het "
                        "standaardritme. Het rooster dan al publiceren mag, maar de vraag is de laatste week "
                        "waarin het kan: vier weken vooraf."),
        "uitvoering": (12, "Week 12 is de week waarin het rooster wordt uitgevoerd; het moet vier weken eerder "
                           "bekend zijn."),
        # earlier than needed is allowed, only not what is asked: no "te vroeg"
        **{f"eerder, week {week}": (week, f"Week {week}: eerder publiceren mag, maar de vraag is de laatste week "
                                          "waarin het kan. Tel vanaf week 12 precies vier weken terug.")
           for week in range(1, WEEK_5 - 4) if week != 6},
    },
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4, opdracht_5)

# Exercises that test judgement rather than arithmetic (issue 12, section 2).
JUDGEMENT = (opdracht_3,)

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": ("11,5 %", forecast.mape(ACTUAL, FORECAST)),
    "opdracht_2": (_peak_agents(), 27),
    "opdracht_3": ("d", "a"),
    "opdracht_4": ("a", "d"),
    "opdracht_5": (8, 16),
}
