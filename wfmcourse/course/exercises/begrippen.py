"""Opdrachten bij notebook 01_begrippen."""
from wfmcourse.course import glossary, glossary_graph
from wfmcourse.course.exercises import choice, term
from wfmcourse.domain import erlang, kpi, shrinkage
from wfmcourse.presentation import dutch

_SHRINKAGE = glossary.lookup("Shrinkage")

opdracht_1 = term(
    "Opdracht 1",
    [_SHRINKAGE["term"], _SHRINKAGE["english"]],
    hint="Zoek in de verkenner (of met glossary.search) op 'betaalde tijd' of 'verlof'. "
         "Het begrip hoort bij de categorie Capaciteit & Erlang.",
    solution=lambda: f"{_SHRINKAGE['term']}: {_SHRINKAGE['definition']}",
    feedback={"uitval": "Uitval is spreektaal voor mensen of uren die wegvallen, vaak alleen ziekte. De omschrijving "
                        "gaat over álle betaalde tijd zonder klantcontact (ook verlof, training en overleg): dat "
                        "begrip heeft een eigen vaknaam in de woordenlijst. Zoek op 'betaalde tijd'.",
              "krimp": "Krimp is de letterlijke vertaling. De cursus gebruikt, net als Nederlandse planners, het "
                       "vakwoord zelf: zoek de naam van het begrip in de woordenlijst.",
              "verzuim": "Verzuim is alleen afwezigheid door ziekte: één onderdeel van wat we zoeken. De omschrijving "
                         "gaat over álle betaalde tijd zonder klantcontact, ook verlof, training en overleg.",
              "verlof": "Verlof is één onderdeel van wat we zoeken. De omschrijving gaat over álle betaalde tijd "
                        "zonder klantcontact, ook ziekte, training en overleg: zoek op 'betaalde tijd'.",
              "bezetting": "Bezetting is het aantal medewerkers in een interval, geen deel van de betaalde tijd. "
                           "Zoek het begrip voor de tijd die je bij de bezetting optelt: zoek op 'betaalde tijd'.",
              "bruto-netto": "Bruto-netto is de omrekening die dit begrip gebruikt (netto bezetting ophogen naar "
                             "bruto), niet het deel van de tijd zelf. Hoe heet dat deel?",
              "ziekte": "Ziekte (verzuim) is één onderdeel van wat we zoeken. De omschrijving gaat over álle "
                        "betaalde tijd zonder klantcontact, ook verlof, training en overleg."},
)

# the options of opdracht 2: exactly one pair is not a twin according to the glossary itself
_PAIRS = {
    "a": ("After Call Work", "Nawerktijd"),
    "b": ("Gesprekstijd", "Talk time"),
    "c": ("Occupancy", "Utilisatie"),
    "d": ("Kwaliteitsmonitoring", "Quality Monitoring"),
}
_NOT_TWIN = [k for k, (a, b) in _PAIRS.items() if not glossary_graph.is_twin(a, b)]
assert len(_NOT_TWIN) == 1, _NOT_TWIN

opdracht_2 = choice(
    "Opdracht 2",
    _NOT_TWIN[0],
    {k: f"{a} en {b}" for k, (a, b) in _PAIRS.items()},
    hint="Een tweeling is één begrip met een Nederlandse en een Engelse naam. Zoek elk van de acht begrippen "
         "op in de woordenlijst (glossary.lookup) en vergelijk de definities: beschrijven ze precies hetzelfde?",
    solution="c: occupancy deelt de afhandeltijd door de beschikbare ingelogde tijd (in gesprek of vrij, zonder "
             "aux/not-ready), "
             "utilisatie door de betaalde tijd. Het zijn twee verschillende "
             "begrippen; utilisatie is altijd lager. De andere drie paren zijn hetzelfde begrip "
             "in het Nederlands en het Engels.",
    feedback={
        "a": "Nawerktijd is gewoon de Nederlandse naam voor After Call Work: dat is wél een "
             "tweeling.",
        "b": "Gesprekstijd en Talk time zijn hetzelfde begrip in twee talen: wél een tweeling.",
        "d": "Kwaliteitsmonitoring en Quality Monitoring zijn hetzelfde begrip: wél een tweeling.",
    },
)

# opdracht 3: a team leader reads utilisation as idle time. The numbers are those of the chain in section 4:
# 100 calls per half hour, AHT 180 s, 80/20, 30 % shrinkage.
_CHAIN_TRAFFIC = erlang.traffic(100, 180, interval=1800)
_CHAIN_AGENTS = erlang.agents_needed(_CHAIN_TRAFFIC, 180, 20, 0.8)
_CHAIN_SHRINK = 0.30
_OCCUPANCY = erlang.occupancy(_CHAIN_AGENTS, _CHAIN_TRAFFIC)
_UTILISATION = kpi.utilisation(_CHAIN_TRAFFIC, shrinkage.gross_up(_CHAIN_AGENTS, _CHAIN_SHRINK))


def _pct(value):
    return dutch.percent(value, 0)


opdracht_3 = choice(
    "Opdracht 3",
    "a",
    {
        "a": f"Utilisatie deelt door de betaalde tijd, en daarin zitten ook verlof, verzuim, training, overleg en "
             f"pauzes. De medewerkers aan de telefoon zijn {_pct(_OCCUPANCY)} van hun beschikbare ingelogde tijd met "
             f"klanten bezig (occupancy); met minder mensen haalt het team 80/20 niet meer.",
        "b": f"Dat klopt: met een utilisatie van {_pct(_UTILISATION)} kan het team kleiner.",
        "c": "De teamleider bedoelt occupancy: dat is hetzelfde cijfer onder een andere naam.",
        "d": f"De andere {_pct(1 - _UTILISATION)} is shrinkage: verlof, verzuim, training, overleg en pauzes.",
    },
    hint="Zet de formules van occupancy en utilisatie hierboven naast elkaar: waardoor deelt elk van de twee? "
         "En wat gebeurt er volgens Erlang C met het service level als er een medewerker minder is?",
    solution=lambda: (
        f"a. Utilisatie = afhandeltijd / betaalde tijd = {_pct(_UTILISATION)}. Van de betaalde tijd gaat "
        f"{_pct(_CHAIN_SHRINK)} op aan shrinkage; van de {_pct(1 - _CHAIN_SHRINK)} die overblijft zijn de "
        f"medewerkers {_pct(_OCCUPANCY)} bezig: {dutch.number(1 - _CHAIN_SHRINK, 1)} × "
        f"{dutch.number(_OCCUPANCY, 3)} = {dutch.number(_UTILISATION, 2)}. De rest is wachten op het volgende gesprek, "
        f"en dat is precies de ruimte die de wachttijd kort houdt: met {_CHAIN_AGENTS - 1} in plaats van "
        f"{_CHAIN_AGENTS} medewerkers zakt het service level naar "
        f"{dutch.percent(erlang.service_level(_CHAIN_AGENTS - 1, _CHAIN_TRAFFIC, 180, 20))}."),
    feedback={
        "b": "Utilisatie is geen maat voor stilzitten: in de noemer zitten ook verlof, verzuim, training en "
             "pauzes. Kijk naar de occupancy van de mensen die aan de telefoon zitten.",
        "c": "Juist niet: occupancy deelt door de beschikbare ingelogde tijd (in gesprek of vrij, zonder "
             "aux/not-ready), utilisatie door de betaalde tijd. Daarom "
             "verschillen de twee cijfers zo veel.",
        "d": f"De shrinkage is {_pct(_CHAIN_SHRINK)}, niet {_pct(1 - _UTILISATION)}. Het verschil zit in de "
             "tijd dat beschikbare medewerkers op het volgende gesprek wachten, en die ruimte heb je nodig "
             "voor 80/20.",
    },
)

# opdracht 4: which service-level definition flatters the figure when many callers hang up?
_OFFERED, _ANSWERED, _IN_TIME, _SHORT = 500, 400, 320, 30
_SL = {
    "a": kpi.service_level(_IN_TIME, _OFFERED),
    "b": kpi.service_level(_IN_TIME, _OFFERED, answered=_ANSWERED, variant="answered"),
    "c": kpi.service_level(_IN_TIME, _OFFERED, short_abandoned=_SHORT,
                           variant="excluding_short_abandons"),
}

opdracht_4 = choice(
    "Opdracht 4",
    max(_SL, key=_SL.get),
    {
        "a": "beantwoord binnen de AWT / aangeboden",
        "b": "beantwoord binnen de AWT / beantwoord",
        "c": "beantwoord binnen de AWT / (aangeboden - korte afhakers)",
    },
    hint="Reken de drie varianten uit met kpi.service_level (variant='offered', 'answered' en "
         "'excluding_short_abandons') en vergelijk.",
    solution=lambda: (
        f"b: {dutch.percent(_SL['b'], 0)} tegen {dutch.percent(_SL['a'], 0)} (aangeboden) en "
        f"{dutch.percent(_SL['c'])} (zonder korte afhakers). Wie alleen door "
        "beantwoorde gesprekken deelt, laat de 100 afhakers buiten "
        "beeld: hoe meer klanten ophangen, hoe mooier het cijfer lijkt."),
    feedback={
        "a": "Delen door alle aangeboden contacten telt afhakers als 'te laat': dat is juist de "
             "strengste variant.",
        "c": "Zonder korte afhakers valt het cijfer iets hoger uit dan 'aangeboden', maar er is "
             "een variant die nog gunstiger is.",
    },
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4)

# Exercises that test judgement rather than arithmetic (issue 12, section 2).
JUDGEMENT = (opdracht_3,)

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": ("shrinkage", "Verzuim"),
    "opdracht_2": ("c", "a"),
    "opdracht_3": ("a", "d"),
    "opdracht_4": ("b", "a"),
}
