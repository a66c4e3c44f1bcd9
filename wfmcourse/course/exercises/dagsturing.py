"""Opdrachten bij notebook 08_dagsturing, with the small examples the questions show: a monitoring
excerpt (opdracht 1), one agent's schedule and states (opdrachten 2 and 3), a quarter of an IT outage with
the interventions at hand (opdracht 4) and a morning to recover (opdracht 5)."""
import pandas as pd

from wfmcourse.course.exercises import choice, number
from wfmcourse.domain import intraday
from wfmcourse.presentation import dutch
from wfmcourse.presentation.dutch import number as _dec
from wfmcourse.presentation.dutch import percent as _pct


def _condition(signal, comparison, value):
    """One playbook condition in Dutch, percentages and percentage points where a planner expects them."""
    label = dutch.LABELS.get(signal, signal)
    if signal == "known_cause":
        return "een bekende oorzaak (zoals een storing)" if comparison == ">" and value < 1 \
            else f"{label} {comparison} {_dec(value, 1)}"
    if signal == "longest_wait":
        return f"langste wachttijd vorig uur {comparison} {_dec(value, 0)} s"
    if signal in ("workload_vs_plan", "workload_vs_plan_two_hours", "volume_vs_forecast_so_far",
                  "volume_vs_forecast"):
        return f"{label} {comparison} {_pct(value, 0)}"
    if signal in ("sl_so_far_above_target", "sl_above_target"):
        if value == 0:
            return "service level tot nu onder de norm" if comparison == "<" else "service level tot nu boven de norm"
        return f"{label} {comparison} {_dec(100 * value, 0)} procentpunt"
    if signal == "hour_of_day" and comparison == ">":
        return f"het is {int(value) + 1}:00 of later"
    if signal == "hours_played":
        return f"{label} {comparison} {_dec(value, 1)} uur"
    return f"{label} {comparison} {_dec(value, 2)}"


def playbook() -> pd.DataFrame:
    """:data:`wfmcourse.domain.intraday.PLAYBOOK` (the control room's POLICY_THRESHOLDS plus the reforecast) for
    the notebook: one row per action with all its conditions (an action fires only when all of them hold) and
    the kinds of signal, in Dutch; thresholds in percentages, procentpunten, seconds and clock times (the numbers
    are the playbook's own)."""
    table = intraday.PLAYBOOK
    rows = []
    for action in dict.fromkeys(table["action"]):
        part = table[table["action"] == action]
        rows.append({"action": dutch.LABELS.get(action, action),
                     "conditions": " en ".join(_condition(*row) for row in
                                               part[["signal", "comparison", "threshold"]].itertuples(index=False)),
                     "signal_basis": " en ".join(dutch.LABELS[b] for b in dict.fromkeys(part["signal_basis"]))})
    shown = pd.DataFrame(rows)
    shown.index = range(1, len(shown) + 1)
    return shown


# Opdracht 1: reading the monitoring view (service level so far, volume weighted)
def monitoring_1() -> pd.DataFrame:
    """Four quarters of a monitoring view from 10:00: forecast, offered and answered in time per quarter."""
    index = pd.date_range("2025-03-11 10:00", periods=4, freq="15min", name="interval_start")
    return pd.DataFrame({"forecast": [42.0, 60.0, 70.0, 72.0], "offered": [40, 62, 95, 88],
                         "answered_in_time": [36, 50, 52, 61]}, index=index)


def _view_1():
    frame = monitoring_1()
    return intraday.monitor(frame["offered"], frame["answered_in_time"], frame["forecast"])


def _quarters_1():
    frame = monitoring_1()
    return frame["answered_in_time"] / frame["offered"]


opdracht_1 = number(
    "Opdracht 1",
    lambda: _view_1()["service_level_so_far"].iloc[-1],
    fraction=True,
    decimals=3,
    printed=(3,),
    hint="Het service level tot nu telt alle gesprekken van de vier kwartieren samen: op tijd beantwoord gedeeld "
         "door aangeboden, elk opgeteld over de kwartieren. Een druk kwartier weegt dus zwaarder dan een rustig.",
    solution=lambda: (
        f"Op tijd: {int(monitoring_1()['answered_in_time'].sum())} van de "
        f"{int(monitoring_1()['offered'].sum())} aangeboden gesprekken, dus "
        f"{_dec(_view_1()['service_level_so_far'].iloc[-1], 3)} ({_pct(_view_1()['service_level_so_far'].iloc[-1])}). "
        "In code: intraday.monitor(offered, answered_in_time, forecast)['service_level_so_far']. Het gemiddelde van "
        f"de vier kwartiercijfers is {_pct(_quarters_1().mean())}: te gunstig, omdat de twee drukke, slechte "
        "kwartieren dan net zo zwaar tellen als de twee rustige."),
    mistakes={
        "ongewogen": (lambda: _quarters_1().mean(),
                      "Je nam het gemiddelde van de vier kwartierpercentages. Zo telt een kwartier met 40 gesprekken "
                      "even zwaar als een met 95. Het service level van de dag telt gesprekken, niet kwartieren: "
                      "tel eerst de gesprekken op tijd en de aangeboden gesprekken op en deel dan."),
        "laatste_kwartier": (lambda: _quarters_1().iloc[-1],
                             "Dit is alleen het laatste kwartier. Het service level tot nu loopt vanaf het begin "
                             "van het overzicht (10:00) tot en met het laatste kwartier."),
        "perfect": (1.0,
                    "100 % zou betekenen dat elk gesprek binnen 20 seconden is beantwoord. Kijk naar de kolom op tijd "
                    "beantwoord: in elk kwartier is dat minder dan aangeboden. Tel beide kolommen op en deel."),
        "norm": (0.8,
                 "80 % is de norm, niet wat deze vier kwartieren haalden. Tel de gesprekken op tijd en de aangeboden "
                 "gesprekken op en deel."),
        "forecast": (lambda: monitoring_1()["answered_in_time"].sum() / monitoring_1()["forecast"].sum(),
                     "Je deelde door de forecast. Het service level gaat over de gesprekken die echt zijn "
                     "aangeboden; bij meer gesprekken dan voorspeld maakt delen door de forecast het cijfer "
                     "mooier dan het is."),
    },
)


# Opdrachten 2 and 3: adherence and conformance of one agent
def agent_2() -> pd.DataFrame:
    """One agent's morning, 09:00-14:00 per quarter: the schedule and the actual state (the input of
    :func:`wfmcourse.domain.intraday.adherence`). Logs in half an hour late, the break runs a quarter
    over, a quarter of aux, stays on a call into the overleg and finishes a call a quarter after the shift."""
    scheduled = (["off"] + ["contact"] * 6 + ["break"] * 2 + ["contact"] * 4 + ["meeting"] * 2
                 + ["contact"] * 4 + ["off"])
    state = (["logged_out"] * 3 + ["in_contact", "acw", "in_contact", "available"] + ["break"] * 3
             + ["in_contact", "aux", "in_contact"] + ["in_contact", "meeting"]
             + ["in_contact", "acw", "available", "in_contact"] + ["in_contact"])
    index = pd.date_range("2025-03-11 09:00", periods=len(scheduled), freq="15min", name="interval_start")
    return pd.DataFrame({"agent": "M31", "scheduled": scheduled, "state": state}, index=index)


def _adherence_2():
    return intraday.adherence(agent_2()).iloc[0]


def _quarters_2(what):
    """Counts of quarters of agent_2: scheduled, adherent, worked, aux, scheduled-and-logged-in."""
    frame = agent_2()
    scheduled = frame["scheduled"] != "off"
    counts = {"scheduled": scheduled.sum(), "logged_in": (frame["state"] != "logged_out").sum(),
              "worked": round(_adherence_2()["worked_hours"] * 4),
              "logged_in_scheduled": (scheduled & (frame["state"] != "logged_out")).sum(),
              "all": len(frame), "overtime": (~scheduled & (frame["state"] != "logged_out")).sum(),
              "adherent": round(_adherence_2()["adherent_hours"] * 4)}
    return int(counts[what])


opdracht_2 = number(
    "Opdracht 2",
    lambda: _adherence_2()["adherence"],
    fraction=True,
    decimals=3,
    printed=(3,),
    hint="Adherence kijkt kwartier voor kwartier: deed de medewerker op dat moment wat er in het rooster stond? "
         "Tel alleen de ingeroosterde kwartieren (niet 'vrij'). Een pauze in een pauzekwartier en overleg in een "
         "overlegkwartier tellen mee als volgens rooster; beschikbaar, in gesprek en nawerk tellen als "
         "'klantcontact'.",
    solution=lambda: (
        f"Ingeroosterd: {_quarters_2('scheduled')} kwartieren. Niet volgens rooster: de twee kwartieren te laat "
        "ingelogd (09:15 en 09:30), de uitgelopen pauze (11:15), het aux-kwartier (11:45) en het gesprek dat "
        f"doorliep in het overleg (12:15). Dus {_quarters_2('adherent')} van de "
        f"{_quarters_2('scheduled')} = {_dec(_adherence_2()['adherence'], 3)}. In code: "
        "intraday.adherence(states)['adherence']."),
    mistakes={
        "conformance": (lambda: _adherence_2()["conformance"],
                        "Dit is de conformance: de gewerkte uren gedeeld door de ingeroosterde uren, ongeacht "
                        "wanneer. Adherence vraagt of iemand het juiste deed op het juiste moment; het kwartier na de "
                        "dienst telt daar niet mee, en de uitgelopen pauze en het aux-kwartier zijn niet volgens "
                        "rooster."),
        "aux_meegeteld": (lambda: (_quarters_2("adherent") + 1) / _quarters_2("scheduled"),
                          "Je telde één kwartier te veel als volgens rooster. Loop de kwartieren nog eens langs en "
                          "vraag bij elk alleen: hoort de status bij wat er in het rooster stond? Ook een kwartier "
                          "met goed gedrag, zoals een gesprek afmaken terwijl er overleg gepland stond, is niet "
                          "volgens rooster; adherence beoordeelt het gedrag niet, het meet alleen de afwijking."),
        "perfect": (1.0,
                    "100 % adherence zou betekenen dat M31 in elk ingeroosterd kwartier precies deed wat er stond. "
                    "Kijk naar 09:15 en 09:30 (uitgelogd), 11:15, 11:45 en 12:15: daar wijkt de status af. 100 % "
                    "komt in de praktijk ook nooit voor: gesprekken houden zich niet aan het kwartier."),
        "hele_ochtend": (lambda: _quarters_2("adherent") / _quarters_2("all"),
                         "Je deelde door alle twintig kwartieren. De kwartieren waarin de medewerker vrij is "
                         "(09:00 en 13:45) horen niet in de noemer: adherence meet je over de ingeroosterde tijd."),
        "alleen_ingelogd": (lambda: _quarters_2("adherent") / _quarters_2("logged_in_scheduled"),
                            "Je deelde alleen door de ingelogde kwartieren. Het te laat inloggen is juist een "
                            "afwijking van het rooster: die twee kwartieren horen in de noemer."),
    },
)

opdracht_3 = number(
    "Opdracht 3",
    lambda: _adherence_2()["conformance"],
    fraction=True,
    decimals=3,
    printed=(3,),
    hint="Conformance vraagt of de uren gewerkt zijn, niet wanneer. Tel de kwartieren in gesprek, nawerk of "
         "beschikbaar (ook buiten de dienst), plus pauze en overleg tot hun geroosterde lengte; aux en een "
         "uitgelopen pauze tellen niet. Deel door de ingeroosterde kwartieren.",
    solution=lambda: (
        f"Gewerkt: {_quarters_2('worked')} kwartieren: 12 in gesprek, nawerk of beschikbaar (ook 12:15 in het "
        "overleg en 13:45 na de dienst), 2 kwartieren pauze (de geroosterde lengte; het derde pauzekwartier, 11:15, "
        "is uitgelopen en telt niet) en 1 kwartier overleg. Niet: 09:15 en 09:30 (uitgelogd) en 11:45 (aux). "
        f"Ingeroosterd: {_quarters_2('scheduled')}. Conformance = {_quarters_2('worked')} / "
        f"{_quarters_2('scheduled')} = {_dec(_adherence_2()['conformance'], 3)}. Adherence is lager "
        f"({_dec(_adherence_2()['adherence'], 3)}): het gesprek in het overleg en het kwartier na de dienst zijn "
        "gewerkt, maar niet op het geplande moment."),
    mistakes={
        "adherence": (lambda: _adherence_2()["adherence"],
                      "Dit is de adherence: alleen de kwartieren waarin de medewerker precies deed wat er gepland "
                      "stond. Conformance telt alle gewerkte tijd, waar die ook valt: ook het gesprek dat in het "
                      "overleg doorliep en het kwartier na de dienst. Of telde je de pauze niet mee? Een pauze "
                      "telt tot zijn geroosterde lengte als gewerkt."),
        "ingelogd": (lambda: _quarters_2("logged_in") / _quarters_2("scheduled"),
                     "Je telde elk ingelogd kwartier als gewerkt. Dat is 'ingelogd t.o.v. ingeroosterd', een ruwe "
                     "conformance: het aux-kwartier (11:45) en de uitgelopen pauze (11:15) zijn ingelogd, maar geen "
                     "werk. Een hele dienst in aux zou zo 100 % halen."),
        "een_te_veel": (lambda: (_quarters_2("worked") + 1) / _quarters_2("scheduled"),
                        "Je telde één kwartier te veel. Het aux-kwartier (11:45) en de uitgelopen pauze (11:15) "
                        "tellen niet als gewerkt: een pauze telt alleen tot zijn geroosterde lengte. Of telde je "
                        "alle ingelogde kwartieren en liet je het kwartier na de dienst (13:45) weg? Dat kwartier "
                        "telt wel: conformance telt gewerkte tijd hoe die ook valt."),
        "zonder_overwerk": (lambda: (_quarters_2("worked") - _quarters_2("overtime"))
                            / _quarters_2("scheduled"),
                            "Je liet het kwartier na de dienst (13:45) weg. Conformance telt de gewerkte uren hoe ze "
                            "ook vallen: een kwartier later doorwerken maakt het late inloggen voor een deel goed."),
        "perfect": (1.0,
                    "100 % zou betekenen dat M31 alle ingeroosterde uren werkte. M31 logde een halfuur te laat in, "
                    "zat een kwartier in aux en liet de pauze uitlopen; het kwartier na de dienst maakt dat maar "
                    "voor een deel goed."),
    },
)


# Opdracht 4: which intervention helps most in this quarter (an IT outage at 09:30)
OUTAGE_4 = {"calls": 84.0, "aht": 420.0, "agents": 41, "cause_share": 0.25, "drop_share": 0.5, "from_chat": 2}


def outage_4() -> pd.DataFrame:
    """The service level in the quarter 09:30-09:45 of opdracht 4 after each intervention (Erlang C).

    One row per option: ``calls_after``, ``agents_after``, ``service_level_after`` and ``hours`` (agent hours
    the option adds in this quarter). Overtime and cancelling the coaching change nothing in this quarter:
    overtime needs an hour's notice and the coaching is at 14:00."""
    s = OUTAGE_4
    ivr = float(intraday.ivr_change([s["calls"]], s["cause_share"], s["drop_share"])[0])
    options = {"a": (0, 0.0), "b": (0, ivr), "c": (s["from_chat"], 0.0), "d": (-1, 0.0), "e": (0, 0.0)}
    rows = {key: intraday.intervention_effect([s["calls"]], s["aht"], [s["agents"]], agent_change=change,
                                              call_change=calls).iloc[0]
            for key, (change, calls) in options.items()}
    return pd.DataFrame(rows).T[["calls", "calls_after", "agents_after", "service_level", "service_level_after",
                                 "hours"]]


opdracht_4 = choice(
    "Opdracht 4",
    "b",
    {
        "a": "Nu twee collega's vragen om overuren te maken.",
        "b": "Een IVR-melding over de storing aanzetten.",
        "c": "Twee medewerkers van de chat dit kwartier aan de telefoon zetten.",
        "d": "Eén medewerker vrijwillig eerder naar huis laten gaan om kosten te besparen.",
        "e": "Het coachingsblok van 14:00 schrappen.",
    },
    hint="Welke ingreep werkt in dít kwartier al, en hoeveel werk haalt hij weg of voegt hij toe? Reken het werk "
         "om in medewerkers: gesprekken x AHT / 900 seconden.",
    solution=lambda: (
        f"b. De IVR-melding haalt {_dec(OUTAGE_4['calls'] - outage_4().loc['b', 'calls_after'], 1)} "
        f"gesprekken van elk {OUTAGE_4['aht']:.0f} seconden weg: dat is meer werk dan twee extra medewerkers "
        "aankunnen, ze werkt meteen en kost geen uren. Het service level in het kwartier gaat van "
        f"{_pct(outage_4().loc['b', 'service_level'])} naar {_pct(outage_4().loc['b', 'service_level_after'])}; "
        f"twee van de chat halen geeft {_pct(outage_4().loc['c', 'service_level_after'])} en laat het service "
        "level van de chat zakken. "
        "Overuren komen pas over een uur (als de storing misschien al voorbij is) en de coaching staat pas om 14:00."),
    feedback={
        "goed": "De melding haalt meteen werk uit de rij en kost niets; de andere ingrepen helpen pas later, minder "
                "of maken het erger.",
        "a": "Overuren vragen een uur vooraankondiging: de collega's zitten er pas om 10:30, dit kwartier helpen ze "
             "niet. En ze kosten anderhalf keer de uurkosten. Houd dit achter de hand als de storing langer duurt.",
        "c": "Dit helpt wel meteen, maar minder dan de IVR-melding: twee medewerkers nemen minder werk over dan "
             "de melding wegneemt, en de chatklanten gaan nu langer wachten. Doe het als tweede stap.",
        "d": "Vrijwillig eerder naar huis is voor een rustige middag met te veel mensen. Nu er een rij staat, maakt "
             "één medewerker minder het service level nog lager.",
        "e": "De coaching staat om 14:00: schrappen helpt pas dan, niet in dit kwartier. Het kan een goede zet zijn "
             "voor de middag, maar het lost de rij van nu niet op.",
    },
)


# Opdracht 5: what the rest of the day must reach to end on 80 %
RECOVERY_5 = {"offered_so_far": 1200, "answered_in_time_so_far": 840, "remaining_forecast": 700, "target": 0.8}


def _required_5():
    r = RECOVERY_5
    return intraday.required_service_level(r["answered_in_time_so_far"], r["offered_so_far"],
                                           r["remaining_forecast"], target=r["target"])


opdracht_5 = number(
    "Opdracht 5",
    _required_5,
    fraction=True,
    decimals=3,
    printed=(3,),
    hint="Aan het eind van de dag moeten (gesprekken tot nu + rest van de dag) x 0,80 gesprekken op tijd zijn "
         "beantwoord. Hoeveel daarvan heb je al? De rest moet uit de resterende forecast komen.",
    solution=lambda: (
        f"Nodig op de hele dag: 0,80 x (1.200 + 700) = {_dec(0.8 * 1900, 0)} gesprekken op tijd. Je hebt er 840, "
        f"dus de rest van de dag moet er {_dec(0.8 * 1900 - 840, 0)} van de 700 op tijd beantwoorden: "
        f"{_dec(_required_5(), 3)} ({_pct(_required_5())}). In code: intraday.required_service_level(840, 1200, 700, "
        "target=0.8). Hetzelfde als 0,80 + het tekort van de ochtend (0,80 x 1.200 - 840 = 120 gesprekken) "
        "gedeeld door de 700 die nog komen. Dat kan nog net: boven 1 (100 %) was de dag niet meer te redden."),
    mistakes={
        "symmetrisch": (lambda: 2 * RECOVERY_5["target"] - 840 / 1200,
                        "Je rekende 80 % + (80 % - 70 %) = 90 %: de middag even veel boven de norm als de ochtend "
                        "eronder zat. Dat klopt alleen als de middag even veel gesprekken heeft als de ochtend. Er "
                        "komen nog maar 700 gesprekken tegen 1.200 tot nu: het tekort moet over minder gesprekken "
                        "worden ingehaald, dus de middag moet méér boven de norm."),
        "alleen_tekort": (lambda: (0.8 * 1200 - 840) / 700,
                          "Dit is alleen het tekort van de ochtend gedeeld door de gesprekken die nog komen. De rest "
                          "van de dag moet daarnaast zelf ook 80 % halen: tel de norm erbij op."),
        "perfect": (1.0,
                    "Dat is niet de uitkomst van de formule. Reken uit hoeveel gesprekken er op de hele dag op tijd "
                    "moeten zijn, hoeveel je er al hebt, en deel het verschil door de gesprekken die nog komen."),
        "norm": (0.8,
                 "De rest van de dag op 80 % houdt het tekort van de ochtend in stand: de dag eindigt dan onder de "
                 "norm. Reken uit hoeveel gesprekken er op de hele dag op tijd moeten zijn."),
    },
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4, opdracht_5)

# Exercises that test judgement rather than arithmetic.
JUDGEMENT = (opdracht_4,)

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": (199 / 285, 0.737),
    "opdracht_2": (13 / 18, 17 / 18),
    "opdracht_3": (15 / 18, 13 / 18),
    "opdracht_4": ("b", "a"),
    "opdracht_5": ((0.8 * 1900 - 840) / 700, 0.9),
}
