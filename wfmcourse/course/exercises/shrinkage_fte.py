"""Opdrachten bij notebook 04_shrinkage_fte."""
from wfmcourse.course.exercises import choice, number
from wfmcourse.domain import capacity, shrinkage
from wfmcourse.presentation.dutch import number as _dec
from wfmcourse.presentation.dutch import percent as _pct

# Opdracht 1: planned versus unplanned shrinkage
opdracht_1 = choice(
    "Opdracht 1",
    {"b", "e"},
    {
        "a": "Vakantieverlof dat in januari is aangevraagd en goedgekeurd.",
        "b": "Een medewerker meldt zich op maandagochtend ziek.",
        "c": "De maandelijkse producttraining van twee uur.",
        "d": "Het wekelijkse teamoverleg.",
        "e": "Een storing in het CRM waardoor een half uur niemand klanten kan helpen.",
    },
    hint="Gepland is alles wat al in het rooster staat voordat de dag begint. Welke posten overkomen je op de "
         "dag zelf? Er is meer dan één juist antwoord; geef ze als \"x,y\".",
    solution="b en e: een ziekmelding en een systeemstoring zijn ongeplande shrinkage; die vang je niet op in het "
             "rooster maar met een buffer op basis van historische cijfers. Verlof, training en overleg zijn gepland: "
             "die zet je in het rooster op momenten dat het rustig is.",
    feedback={
        "a": "Goedgekeurd verlof staat al vast als het rooster gemaakt wordt: dat is geplande shrinkage.",
        "c": "Een training wordt vooraf ingeroosterd: geplande shrinkage (leg hem in een rustig dagdeel).",
        "d": "Het teamoverleg staat vooraf in het rooster: geplande shrinkage.",
    },
)


# Opdracht 2: absence on paid time, floor shrinkage on attended time -> compound
def _total_2():
    return shrinkage.total_shrinkage({"absent": 0.11 + 0.06, "at_work": 0.16}, method="compound")


opdracht_2 = number(
    "Opdracht 2",
    _total_2,
    fraction=True,
    decimals=3,
    printed=(3, 4),
    hint="Verlof en verzuim zijn allebei gemeten als deel van de betaalde uren: die mag je optellen. De 16 % is "
         "gemeten als deel van de uren dat iemand er wél is. Welk deel van de betaalde tijd blijft over na "
         "afwezigheid, en welk deel daarvan gaat dan nog op aan pauzes, overleg en training?",
    solution=lambda: "Afwezig: 11 % + 6 % = 17 % van de betaalde tijd, dus 83 % is aanwezig. Daarvan gaat 16 % "
                     "op aan pauzes, overleg, coaching en training. Totaal: 1 - 0,83 x 0,84 = "
                     f"{_dec(_total_2(), 4)}, dus {_pct(_total_2())}. In code: shrinkage.total_shrinkage("
                     "{'absent': 0.17, 'at_work': 0.16}, method='compound').",
    mistakes={
        "opgeteld": (0.11 + 0.06 + 0.16,
                     "Je telde alles op (33 %). Maar de 16 % is een deel van de aanwezige uren, niet van de "
                     "betaalde uren: zo tel je de pauzes van mensen die met verlof zijn ook mee."),
        "alles_compound": (lambda: shrinkage.total_shrinkage([0.11, 0.06, 0.16], method="compound"),
                           "Je vermenigvuldigde alle drie. Verlof en verzuim zijn allebei een deel van dezelfde "
                           "betaalde uren: die tel je eerst op (17 %), pas daarna komt de 16 % erbovenop."),
    },
)


# Opdracht 3: gross-up of 320 net hours at 35 % shrinkage
def _gross_3():
    return shrinkage.gross_up(320, 0.35)


opdracht_3 = number(
    "Opdracht 3",
    _gross_3,
    unit="uur",
    decimals=1,
    printed=1,
    hint="Shrinkage is een deel van de bruto (betaalde) uren. Zoek de bruto uren waarvan na 35 % shrinkage "
         "precies 320 uur overblijft: bruto x (1 - 0,35) = 320.",
    solution=lambda: f"shrinkage.gross_up(320, 0.35) = 320 / 0,65 = {_dec(_gross_3(), 1)} uur. Controle: "
                     f"{_dec(_gross_3(), 1)} x 0,35 = {_dec(_gross_3() * 0.35, 1)} uur shrinkage, dus "
                     "precies 320 uur over voor de klant.",
    mistakes={
        "naief": (lambda: shrinkage.naive_gross_up(320, 0.35),
                  "Je rekende 320 x 1,35. Dat is de bekende spreadsheetfout: van 432 betaalde uur gaat 35 % af "
                  "(151,2 uur) en blijft 280,8 uur over, 39 uur te weinig. Deel door (1 - shrinkage)."),
        "vermenigvuldigd": (320 * 0.65,
                            "Je vermenigvuldigde met 0,65: dat is wat er netto overblijft van 320 bruto uren. "
                            "Hier is het omgekeerd: 320 uur moet er netto overblijven."),
    },
)


# Opdracht 4: from weekly net hours to FTE with a 36-hour contract
def _fte_4():
    return shrinkage.fte(shrinkage.gross_up(610, 0.31), 36)


opdracht_4 = number(
    "Opdracht 4",
    _fte_4,
    unit="FTE",
    decimals=1,
    printed=(1, 2),
    hint="Eerst van netto naar bruto uren (delen door 1 - shrinkage), dan delen door de contracturen van een "
         "voltijdweek bij deze organisatie.",
    solution=lambda: f"Bruto: 610 / 0,69 = {_dec(shrinkage.gross_up(610, 0.31), 1)} uur per week. FTE: "
                     f"{_dec(shrinkage.gross_up(610, 0.31), 1)} / 36 = {_dec(_fte_4(), 2)} FTE. In code: "
                     "shrinkage.fte(shrinkage.gross_up(610, 0.31), 36).",
    mistakes={
        "veertig": (lambda: shrinkage.fte(shrinkage.gross_up(610, 0.31), 40),
                    "Je deelde door 40 uur. Deze organisatie heeft een voltijdweek van 36 uur; met 40 uur kom je "
                    "ruim 2 FTE te laag uit en werf je te weinig mensen."),
        "naief": (lambda: shrinkage.fte(shrinkage.naive_gross_up(610, 0.31), 36),
                  "Je rekende 610 x 1,31. Deel door (1 - 0,31): dat is de enige ophoging die na shrinkage "
                  "precies 610 uur overlaat."),
        "netto": (610 / 36,
                  "Dit zijn alleen de netto uren gedeeld door 36: de shrinkage ontbreekt nog."),
    },
)


# Opdracht 5: hires per year to keep 120 productive FTE
def _staffing_5():
    return capacity.staffing_with_turnover(120, 0.35, 10, vacancy_weeks=6)


opdracht_5 = number(
    "Opdracht 5",
    lambda: _staffing_5().hires_fte,
    unit="FTE per jaar",
    decimals=1,
    printed=1,
    hint="Gebruik capacity.staffing_with_turnover(120, 0.35, 10, vacancy_weeks=6).hires_fte (het veld "
         "hires_fte is de instroom in FTE per jaar). Denk na over wat er "
         "gebeurt met de capaciteit in de weken dat een plek leeg is en een nieuwe collega nog leert.",
    solution=lambda: (
        f"Elk vertrek kost 6 + 10 x 0,5 = 11 weken capaciteit; dat is 0,35 x 11 / 52 = "
        f"{_pct(_staffing_5().loss_share)} van de bezetting. Je hebt dus 120 / (1 - "
        f"{_dec(_staffing_5().loss_share, 4)}) = {_dec(_staffing_5().headcount_fte, 1)} FTE in dienst nodig, en "
        f"daarvan vertrekt 35 % per jaar: {_dec(_staffing_5().hires_fte, 1)} FTE aan nieuwe mensen per jaar."),
    mistakes={
        "inwerken helemaal kwijt": (
            lambda: capacity.staffing_with_turnover(120, 0.35, 10, vacancy_weeks=6, ramp_productivity=0).hires_fte,
            "Je rekende de 10 inwerkweken als helemaal verloren. Een nieuwe collega is in die weken al half "
            "productief: elk vertrek kost 6 + 10 x 0,5 = 11 weken, niet 16."),
        "vacature vergeten": (lambda: capacity.staffing_with_turnover(120, 0.35, 10).hires_fte,
                              "Je vergat de 6 weken dat een plek leeg staat voordat de nieuwe collega begint: "
                              "geef vacancy_weeks=6 mee."),
        "zonder_inwerken": (120 * 0.35,
                            "Met 120 x 0,35 = 42 vervang je alleen wie vertrekt. Maar lege plekken en nieuwe "
                            "collega's die nog leren kosten ook capaciteit: je hebt meer mensen in dienst nodig, "
                            "en van hen vertrekt ook 35 %."),
    },
)

# Opdracht 6: spot the errors in a colleague's staffing sheet
SHEET_6 = {"leave": 0.10, "sickness": 0.06, "at_work": 0.15}    # the last one as part of attended hours
NET_6 = 1000


def _sheet_6():
    """(the colleague's gross hours, the right gross hours) for the sheet of opdracht 6."""
    added = sum(SHEET_6.values())
    right = shrinkage.total_shrinkage({"absent": SHEET_6["leave"] + SHEET_6["sickness"],
                                       "at_work": SHEET_6["at_work"]}, method="compound")
    return shrinkage.naive_gross_up(NET_6, added), shrinkage.gross_up(NET_6, right)


opdracht_6 = choice(
    "Opdracht 6",
    {"a", "b"},
    {
        "a": "Hij telt percentages op die op verschillende uren gemeten zijn: de 15 % is een deel van de aanwezige "
             "uren, niet van de betaalde.",
        "b": "Hij hoogt op door te vermenigvuldigen met (1 + s) in plaats van te delen door (1 − s).",
        "c": "Verzuim hoort niet in de shrinkage; dat reken je apart uit.",
        "d": "Hij had de netto uren eerst nog door de occupancy moeten delen.",
    },
    hint="Loop de drie stappen van dit notebook langs: op welke uren is elk percentage gemeten, hoe tel je "
         "ze samen, en hoe hoog je netto op naar bruto?",
    solution=lambda: (
        "a en b. De 15 % is gemeten op de aanwezige uren, dus: afwezig 10 % + 6 % = 16 %, en dan compound "
        f"1 − 0,84 × 0,85 = {_dec(1 - 0.84 * 0.85, 3)} (niet 31 %). En bruto = netto / (1 − s): "
        f"{_dec(_sheet_6()[1], 0)} uur in plaats van zijn {_dec(_sheet_6()[0], 0)}. De twee fouten werken "
        "tegen elkaar in, maar heffen elkaar niet op: zijn begroting is te laag."),
    feedback={
        "c": "Verzuim is juist een onderdeel van de shrinkage: tel het niet dubbel, maar laat het er ook niet uit.",
        "d": "De netto uren uit Erlang bevatten de wachttijd tussen gesprekken al (de occupancy zit erin). "
             "Nog eens delen door de occupancy telt die dubbel.",
    },
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4, opdracht_5, opdracht_6)

# Exercises that test judgement rather than arithmetic (issue 12, section 2).
JUDGEMENT = (opdracht_6,)

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": ("b,e", "a,b"),
    "opdracht_2": (1 - 0.83 * 0.84, 0.33),
    "opdracht_3": (320 / 0.65, 432),
    "opdracht_4": (24.6, 610 / 0.69 / 40),
    "opdracht_5": (120 / (1 - 0.35 * 11 / 52) * 0.35, 42),
    "opdracht_6": ("a,b", "b"),
}
