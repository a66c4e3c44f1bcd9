"""Opdrachten bij notebook 01_begrippen."""
from .. import glossary, glossary_graph, kpi, shrinkage
from . import _format, choice, number, term

_SHRINKAGE = glossary.lookup("Shrinkage")

opdracht_1 = term(
    "Opdracht 1",
    [_SHRINKAGE["term"], _SHRINKAGE["english"]],
    hint="Zoek in de verkenner (of met glossary.search) op 'betaalde tijd' of 'verlof'. "
         "Het begrip hoort bij de categorie Capaciteit & Erlang.",
    solution=lambda: f"{_SHRINKAGE['term']}: {_SHRINKAGE['definition']}",
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
    hint="Een tweeling is één begrip met een Nederlandse en een Engelse naam. Kijk bij elk paar "
         "of de noemer (waardoor je deelt) hetzelfde is.",
    solution="c: occupancy deelt de afhandeltijd door de beschikbare tijd (ingelogd en klaar), "
             "utilisatie door de betaalde of ingeroosterde tijd. Het zijn twee verschillende "
             "begrippen; utilisatie is altijd lager. De andere drie paren zijn hetzelfde begrip "
             "in het Nederlands en het Engels.",
    feedback={
        "a": "Nawerktijd is gewoon de Nederlandse naam voor After Call Work: dat is wél een "
             "tweeling.",
        "b": "Gesprekstijd en Talk time zijn hetzelfde begrip in twee talen: wél een tweeling.",
        "d": "Kwaliteitsmonitoring en Quality Monitoring zijn hetzelfde begrip: wél een tweeling.",
    },
)

# opdracht 3: 12 agents on the phones for 45 opening hours a week, 30 % shrinkage
_NET_HOURS = 12 * 45
_SHRINK = 0.30


def _fte(contract_hours):
    return shrinkage.fte(shrinkage.gross_up(_NET_HOURS, _SHRINK), contract_hours)


opdracht_3 = number(
    "Opdracht 3",
    lambda: _fte(36),
    unit="FTE",
    rel=2e-3,
    hint="Eerst netto uren (medewerkers x openingsuren), dan ophogen voor shrinkage met "
         "shrinkage.gross_up, dan delen door de contracturen met shrinkage.fte.",
    solution=lambda: (
        f"{_NET_HOURS} netto uren / (1 - 0,30) = "
        f"{_format(shrinkage.gross_up(_NET_HOURS, _SHRINK))} bruto uren; / 36 uur = "
        f"{_format(_fte(36))} FTE. Met 40 uur kom je op {_format(_fte(40))} FTE: "
        f"{_format(round(_fte(36) - _fte(40), 1))} FTE te weinig in de begroting."),
    mistakes={
        "40 uur": (lambda: _fte(40),
                   "Je rekende met een voltijdweek van 40 uur. De opdracht (en de meeste "
                   "Nederlandse cao's) gaat uit van 36 uur: deel door 36."),
        "zonder shrinkage": (lambda: shrinkage.fte(_NET_HOURS, 36),
                             "Je vergat de shrinkage: 540 netto uren zijn niet genoeg als 30 % van "
                             "de betaalde tijd opgaat aan verlof, ziekte, pauzes en training."),
        "naief": (lambda: shrinkage.fte(shrinkage.naive_gross_up(_NET_HOURS, _SHRINK), 36),
                  "Je deed netto x 1,3. Shrinkage is een deel van de bruto tijd, dus deel door "
                  "(1 - 0,30) in plaats van te vermenigvuldigen met 1,30."),
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
        f"b: {_format(_SL['b'] * 100)}% tegen {_format(_SL['a'] * 100)}% (aangeboden) en "
        f"{_format(round(_SL['c'] * 100, 1))}% (zonder korte afhakers). Wie alleen door "
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

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": ("shrinkage", "Verzuim"),
    "opdracht_2": ("c", "a"),
    "opdracht_3": (12 * 45 / 0.7 / 36, 12 * 45 / 0.7 / 40),
    "opdracht_4": ("b", "a"),
}
