"""Opdrachten bij notebook 05_kanalen (chat, e-mail en blending)."""

from wfmcourse.course.exercises import choice, number, whole_number
from wfmcourse.domain import backlog, blending, chat, erlang
from wfmcourse.presentation.dutch import number as _dec
from wfmcourse.presentation.dutch import percent as _pct

# The chat settings of KlantDirect used in the notebook and in Opdracht 2 (seconds, fractions).
CHAT_AHT = 450          # one chat handled alone: data/README.md, 420 s chat + 30 s wrap-up
CHAT_AWT = 60           # norm: 80 % within 60 s
CHAT_TARGET = 0.8
CHAT_PATIENCE = 300     # mean patience in the chat queue (data/README.md)
SLOWDOWN = 0.25         # assumption: every extra simultaneous chat adds a quarter of the AHT

opdracht_1 = choice(
    "Opdracht 1",
    {"a", "b"},
    {
        "a": "Telefoon",
        "b": "Live chat",
        "c": "E-mail",
        "d": "Een brief of webformulier",
        "e": "Messaging via WhatsApp (de klant komt later terug in het gesprek)",
    },
    hint="Welke kanalen zijn synchroon: de klant zit erbij en wacht op een antwoord? Voor die kanalen plan je met "
         "een wachtrijmodel en een service level; de andere plan je op doorlooptijd.",
    solution=lambda: "a en b. Aan de telefoon en in de live chat wacht de klant op een medewerker: daar reken je met "
                     "een wachtrij (Erlang, het chatmodel) en een service level in seconden. E-mail, brieven en "
                     "webformulieren zijn asynchroon: de klant verwacht een antwoord binnen een termijn (uren, "
                     "dagen), en je plant genoeg uren om de werkvoorraad op tijd weg te werken. Messaging via "
                     "WhatsApp lijkt op chat, maar is asynchroon: de klant komt later terug, dus ook daar plan je "
                     "met een werkvoorraad en een termijn.",
    feedback={
        "c": "E-mail is asynchroon: niemand zit bij zijn mailbox te wachten tot jij antwoordt. Daar plan je op "
             "een termijn (bijvoorbeeld binnen 8 werkuren) met een werkvoorraad, niet met een wachtrij in seconden.",
        "d": "Een brief of webformulier is asynchroon: de klant verwacht een antwoord binnen een termijn. Daar "
             "plan je met een werkvoorraad en een deadline, niet met een service level in seconden.",
        "e": "Messaging via WhatsApp is geen live chat: de klant stuurt een bericht en komt later terug, het gesprek "
             "mag uren duren. Dat is asynchroon en plan je zoals e-mail, met een werkvoorraad en een termijn. Alleen "
             "live chat, waarbij de klant het venster open houdt en wacht, plan je met een wachtrij.",
    },
)


# Opdracht 2: chat agents for 48 chats (a campaign) in a quarter, 3 chats at most, slowdown 0.25, patience 300 s
CHATS_2 = 48
TABLE_ROW_2 = 40     # the nearest row of the notebook's rule-of-thumb table (its chat model value is a mistake)


def _traffic_2():
    return erlang.traffic(CHATS_2, CHAT_AHT, 900)


def _agents_2(slowdown=SLOWDOWN, patience=CHAT_PATIENCE):
    return chat.agents_needed(_traffic_2(), CHAT_AHT, CHAT_AWT, CHAT_TARGET, max_chats=3, slowdown=slowdown,
                              patience=patience)


def _rule_2(rule="divide_agents"):
    return chat.rule_of_thumb_agents(_traffic_2(), CHAT_AHT, CHAT_AWT, CHAT_TARGET, max_chats=3,
                                     patience=CHAT_PATIENCE, rule=rule)


def _rule_slow_2():
    slow = chat.handling_time(CHAT_AHT, 3, SLOWDOWN)         # the AHT of a chat at three at once
    return chat.rule_of_thumb_agents(_traffic_2() * slow / CHAT_AHT, slow, CHAT_AWT, CHAT_TARGET, max_chats=3,
                                     patience=CHAT_PATIENCE)


def _rule_measured_2():
    """'Delen door drie' with the AHT at the mean concurrency the chat model gives (the table's last rule)."""
    concurrency = chat.mean_concurrency(_agents_2(), _traffic_2(), CHAT_AHT, max_chats=3, slowdown=SLOWDOWN,
                                        patience=CHAT_PATIENCE)
    measured = CHAT_AHT * (1 + SLOWDOWN * (concurrency - 1))
    return chat.rule_of_thumb_agents(_traffic_2() * measured / CHAT_AHT, measured, CHAT_AWT, CHAT_TARGET,
                                     max_chats=3, patience=CHAT_PATIENCE)


def _table_row_2():
    traffic = erlang.traffic(TABLE_ROW_2, CHAT_AHT, 900)
    return chat.agents_needed(traffic, CHAT_AHT, CHAT_AWT, CHAT_TARGET, max_chats=3, slowdown=SLOWDOWN,
                              patience=CHAT_PATIENCE)


opdracht_2 = whole_number(
    "Opdracht 2",
    _agents_2,
    unit="medewerkers",
    hint=f"Reken eerst het verkeer uit met erlang.traffic ({CHATS_2} chats, AHT 450 s, kwartier van 900 s). "
         "Gebruik dan chat.agents_needed met awt=60, target=0.8, max_chats=3, slowdown=0.25 en patience=300.",
    solution=lambda: (
        f"Verkeer: {CHATS_2} x 450 / 900 = {_dec(_traffic_2(), 0)} Erlang. "
        f"chat.agents_needed({_dec(_traffic_2(), 0)}, 450, 60, 0.8, max_chats=3, slowdown=0.25, patience=300) = "
        f"{_agents_2()}. Met één chat tegelijk (Erlang A) "
        f"waren het er {erlang.agents_needed(_traffic_2(), CHAT_AHT, CHAT_AWT, CHAT_TARGET, patience=CHAT_PATIENCE)}; "
        f"'delen door drie' geeft er maar {_rule_2()} ('AHT gedeeld door drie' ook {_rule_2('divide_aht')}), "
        "omdat die vuistregel vergeet dat een chat langer duurt als "
        "de medewerker er drie tegelijk voert; met de AHT bij drie chats (675 s) geeft hij er "
        f"{_rule_slow_2()}, te veel, omdat hij elke chat traag rekent. 'Delen door drie' met de gemeten AHT geeft "
        f"hier {_rule_measured_2()}, "
        f"{'precies het chatmodel' if _rule_measured_2() == _agents_2() else 'niet het chatmodel'}: bij deze drukte "
        "valt die regel samen met het model, net als in de grote rijen van de tabel. Maar de gemeten concurrency "
        "komt zelf uit het chatmodel (of uit een dag waarop je al zo bezet was), dus zonder model weet je niet "
        "welke AHT je moet meten."),
    mistakes={
        "delen_door_drie": (_rule_2,
                            "Dat is 'Erlang gedeeld door drie' (of het model zonder vertraging); 'AHT gedeeld door "
                            "drie' geeft hier hetzelfde aantal. Zo reken je alsof een chat even snel gaat als een "
                            "medewerker er drie tegelijk voert. Geef slowdown=0.25 mee: met drie chats duurt elke "
                            "chat anderhalf keer zo lang."),
        "aht_drie_chats": (_rule_slow_2,
                           "Dat is 'delen door drie' met de AHT van een chat bij drie tegelijk (675 s). Die regel "
                           "rekent alsof elke chat traag is, ook in de momenten dat een medewerker er minder voert en "
                           "ze sneller gaan. Zo plan je te veel mensen; het chatmodel laat de duur meegaan met het "
                           "aantal chats tegelijk."),
        "tabelrij": (_table_row_2,
                     f"Dat is de rij van {TABLE_ROW_2} chats in de tabel. Hier komen er {CHATS_2}: reken het verkeer "
                     "opnieuw uit en gebruik chat.agents_needed met die drukte."),
        "een_chat": (lambda: erlang.agents_needed(_traffic_2(), CHAT_AHT, CHAT_AWT, CHAT_TARGET,
                                                  patience=CHAT_PATIENCE),
                     "Dat is Erlang A met één chat tegelijk per medewerker. Hier voert iedereen er tot drie "
                     "tegelijk: geef max_chats=3 mee."),
        "zonder_geduld": (lambda: _agents_2(patience=None),
                          "Je rekende zonder geduld: dan haakt niemand af. Chatklanten haken wel af, gemiddeld na "
                          "300 seconden; geef patience=300 mee."),
        "vertraging_half": (lambda: _agents_2(slowdown=0.5),
                            "Je rekende met een vertraging van 0,5 per extra chat. In deze opdracht is dat 0,25: "
                            "slowdown=0.25."),
    },
)


# Opdracht 3 (judgement): the concurrency limit for a complex product
COMPLEX_CHATS = 16          # chats per quarter
COMPLEX_AHT = 720           # seconds, one chat handled alone
COMPLEX_SLOWDOWN = 0.5      # complex chats suffer more from doing several at once


def _complex_agents(max_chats):
    """Chat agents for the complex product of Opdracht 3 at ``max_chats`` (80 % in 60 s, patience 300 s)."""
    traffic = erlang.traffic(COMPLEX_CHATS, COMPLEX_AHT, 900)
    return chat.agents_needed(traffic, COMPLEX_AHT, CHAT_AWT, CHAT_TARGET, max_chats=max_chats,
                              slowdown=COMPLEX_SLOWDOWN, patience=CHAT_PATIENCE)


def _minutes(max_chats):
    return _dec(chat.handling_time(COMPLEX_AHT, max_chats, COMPLEX_SLOWDOWN) / 60, 0)


opdracht_3 = choice(
    "Opdracht 3",
    "b",
    {
        "a": "1 chat tegelijk",
        "b": "2 chats tegelijk",
        "c": "3 chats tegelijk",
        "d": "4 chats tegelijk",
    },
    hint="Kijk in de tabel hoeveel medewerkers elke extra chat nog bespaart, en hoe lang een chat dan duurt. Waar "
         "houdt de winst op en beginnen de kosten voor de klant en de kwaliteit te tellen?",
    solution=lambda: (
        f"b, 2 chats. Van 1 naar 2 chats tegelijk bespaar je {_complex_agents(1) - _complex_agents(2)} van de "
        f"{_complex_agents(1)} medewerkers, en een chat duurt {_minutes(2)} in plaats van {_minutes(1)} minuten. "
        f"Van 2 naar 3 bespaar je er nog maar {_complex_agents(2) - _complex_agents(3)}, terwijl elke chat "
        f"{_minutes(3)} minuten gaat duren: de klant wacht langer op elk antwoord en de medewerker moet bij een "
        "complexe vraag drie dossiers tegelijk in zijn hoofd houden, wat fouten en herhaalcontact oplevert. Eén chat "
        "tegelijk is te verdedigen voor echt emotionele gesprekken, maar die horen eerder aan de telefoon."),
    feedback={
        "goed": "Van 1 naar 2 chats bespaar je de meeste medewerkers; daarna bespaar je weinig en duurt elke chat "
                "veel langer.",
        "a": "Eén chat tegelijk is het veiligst voor de kwaliteit, maar dan plan je chat als telefoon (Erlang A): "
             f"{_complex_agents(1)} medewerkers in plaats van {_complex_agents(2)} met twee chats. Een tweede chat "
             "levert hier veel op en is bij de meeste complexe vragen goed te doen. Is een "
             "vraag zo emotioneel dat één chat al te veel is, dan past de telefoon beter (kanaalstrategie).",
        "c": "De derde chat bespaart hier nog maar één medewerker, en elke chat gaat dan twee keer zo lang duren als "
             "wanneer de medewerker hem alleen voert. Bij een complex product betekent dat lang wachten op elk "
             "antwoord, meer fouten en meer herhaalcontact.",
        "d": "Vier chats tegelijk bespaart op papier de meeste medewerkers, maar elke chat duurt dan twee en een half "
             "keer zo lang, en een medewerker kan vier complexe dossiers niet tegelijk goed volgen. De winst gaat op "
             "aan fouten, ontevreden klanten en herhaalcontact.",
    },
)


# Opdracht 4: Koole's point, the backlog when the load runs above the plan every week
PLANNED_4, ACTUAL_4, WEEKS_4, AHT_4 = 1000, 1080, 6, 360


def _growth_4():
    weekly_capacity_agents = PLANNED_4 * AHT_4 / 3600        # agents for one hour that handle the plan
    per_week = backlog.growth_per_cycle([ACTUAL_4], [weekly_capacity_agents], AHT_4, interval=3600)
    return round(per_week * WEEKS_4)


opdracht_4 = whole_number(
    "Opdracht 4",
    _growth_4,
    unit="e-mails",
    hint="Hoeveel e-mails blijven er elke week liggen als er 1.080 binnenkomen en het team er 1.000 afhandelt? "
         "Die rest gaat de volgende week mee, bovenop het nieuwe werk.",
    solution=lambda: (f"Elke week blijven er 1.080 - 1.000 = 80 e-mails liggen, en die schuiven mee. Na "
                      f"{WEEKS_4} weken is de werkvoorraad {WEEKS_4} x 80 = {_growth_4()} e-mails "
                      "(backlog.growth_per_cycle geeft de 80 per week). Hij wordt nooit vanzelf kleiner: alleen als de "
                      "capaciteit meebeweegt (overwerk, blending, extra mensen) loopt hij terug."),
    mistakes={
        "een_week": (ACTUAL_4 - PLANNED_4,
                     "Dat is wat er na één week blijft liggen. Die e-mails schuiven mee naar de volgende week, "
                     "bovenop het nieuwe werk: tel de weken op."),
        "alles": (ACTUAL_4 * WEEKS_4,
                  "Dat zijn alle e-mails die in zes weken binnenkomen. Het team handelt er elke week 1.000 af; alleen "
                  "wat daarboven binnenkomt blijft liggen."),
        "middelt_uit": (0,
                        "De werkvoorraad middelt niet uit: het aanbod ligt élke week boven de capaciteit, dus er is "
                        "nooit een rustige week die de werkvoorraad inloopt."),
    },
)


# Opdracht 5: idle hours one phone hour leaves for e-mail (150 calls of 276 s in an hour, 14 agents)
CALLS_5, AHT_5, AGENTS_5 = 150, 276, 14


def _traffic_5():
    return erlang.traffic(CALLS_5, AHT_5, 3600)


def _idle_5(interval=3600):
    return float(blending.idle_hours(AGENTS_5, _traffic_5(), interval=interval))


opdracht_5 = number(
    "Opdracht 5",
    _idle_5,
    unit="uur",
    decimals=1,
    printed=1,
    hint="Reken eerst het verkeer uit: 150 x 276 / 3.600 Erlang. Dat is het gemiddelde aantal medewerkers dat in "
         "gesprek is; de rest van de 14 zit gemiddeld vrij. Reken dat om naar uren in dit ene uur, of gebruik "
         "blending.idle_hours(14, verkeer, interval=3600).",
    solution=lambda: (f"Verkeer: 150 x 276 / 3.600 = {_dec(_traffic_5(), 1)} Erlang. Vrij: "
                      f"(14 - {_dec(_traffic_5(), 1)}) x 1 uur = {_dec(_idle_5(), 1)} uur "
                      f"(blending.idle_hours(14, {_traffic_5():g}, interval=3600)). "
                      f"De occupancy is {_pct(_traffic_5() / AGENTS_5)}. Dat is de bovengrens: met een reserve en "
                      "wisseltijd haal je er minder e-mail uit."),
    mistakes={
        "kwartier": (lambda: _idle_5(interval=900),
                     "Dat is de vrije tijd in één kwartier. De vraag gaat over een heel uur."),
        "occupancy": (lambda: _traffic_5() / AGENTS_5,
                      "Dat is de occupancy (als fractie): het deel van de tijd dat de medewerkers in gesprek "
                      "zijn. De vraag is hoeveel uur er vrij is."),
        "vrij_aandeel": (lambda: 1 - _traffic_5() / AGENTS_5,
                         "Dat is het deel van de tijd dat een medewerker vrij is. Vermenigvuldig met 14 medewerkers "
                         "om het aantal vrije uren van het team te krijgen."),
        "occupancy_procent": (lambda: 100 * _traffic_5() / AGENTS_5,
                              "Dat is de occupancy als percentage: het deel van de tijd dat de medewerkers in gesprek "
                              "zijn. De vraag is hoeveel uur er vrij is, in uur."),
        "verkeer": (_traffic_5,
                    "Dat is het verkeer: het aantal medewerkers dat gemiddeld in gesprek is. Vrij is de rest van "
                    "de 14."),
        "minuten": (lambda: 60 * _idle_5(),
                    "Dat is het antwoord in minuten. Geef het in uur."),
    },
)


OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4, opdracht_5)

# Exercises that test judgement rather than arithmetic.
JUDGEMENT = (opdracht_3,)

# For the tests: one right and one wrong answer per exercise.
ANSWERS = {
    "opdracht_1": ("a,b", "a,c"),
    "opdracht_2": (12, 9),
    "opdracht_3": ("b", "d"),
    "opdracht_4": (480, 80),
    "opdracht_5": (2.5, 0.625),
}
