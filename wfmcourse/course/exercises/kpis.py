"""Opdrachten bij notebook 02_kpis."""
from functools import cache, lru_cache

from wfmcourse.course.exercises import choice, number
from wfmcourse.data import datasets
from wfmcourse.domain import kpi, reporting
from wfmcourse.presentation.dutch import number as _dec
from wfmcourse.presentation.dutch import percent as _pct

WEEK_2 = 14          # opdracht 2 asks for a week that the notebook's table does not show
PEAK_WEEK = 12       # opdracht 3: the week with the training on the morning peak


@cache
def _summary(channel):
    return reporting.contact_summary(datasets.load_contacts(), channel=channel)


@lru_cache(maxsize=1)
def _weeks():
    return reporting.weekly_report(datasets.load_intervals()).set_index("week")


@lru_cache(maxsize=1)
def _week_levels():
    sl = reporting.interval_service_levels(datasets.load_intervals())["service_level"]
    return sl[(sl.index.isocalendar().week == PEAK_WEEK).to_numpy()]


def _peak_share(first="09:30", last="10:45", weekdays_only=True):
    week = _week_levels()
    if weekdays_only:
        week = week[week.index.day_of_week < 5]
    return reporting.share_below_target(week.between_time(first, last), 0.8)


def _aht(channel="chat"):
    s = _summary(channel)
    return kpi.aht(s["talk"], s["hold"], s["acw"], s["answered"])


def _chat(column):
    return float(_summary("chat")[column])


opdracht_1 = number(
    "Opdracht 1", _aht, unit="seconden", decimals=0, printed=(0, 1),
    hint="Maak eerst de totalen van de chat: reporting.contact_summary(contacten, channel=\"chat\"). "
         "AHT = (gesprekstijd + wachtstand + nawerk) / aantal beantwoorde contacten.",
    solution=lambda: "chat = reporting.contact_summary(contacten, channel=\"chat\"); kpi.aht(chat['talk'], "
                     f"chat['hold'], chat['acw'], chat['answered']) = {_dec(_aht(), 1)} seconden, ongeveer "
                     f"anderhalf keer de {_dec(_aht('telefoon'), 0)} seconden van de telefoon: de klant typt, "
                     "leest terug en typt weer; in deze data voert een medewerker één chat tegelijk.",
    mistakes={
        "minuten": (lambda: _aht() / 60,
                    "Je antwoord is in minuten, maar de vraag vraagt seconden. Alle tijden in het pakket zijn in "
                    "seconden: laat het resultaat van kpi.aht staan."),
        "telefoon": (lambda: _aht("telefoon"),
                     "Dat is de AHT van de telefoon, die hierboven al staat. De vraag gaat over de chat: maak "
                     "de totalen met channel=\"chat\"."),
        "geen_acw": (lambda: (_chat("talk") + _chat("hold")) / _chat("answered"),
                     "Je vergat het nawerk (ACW); ook dat is werk voor het contact. (Wachtstand komt bij de chat "
                     "niet voor.)"),
        "offered": (lambda: (_chat("talk") + _chat("hold") + _chat("acw")) / _chat("offered"),
                    "Je deelde door het aangeboden aantal; afgebroken chats hebben geen afhandeltijd. Deel door "
                    "het aantal beantwoorde chats."),
    },
)

opdracht_2 = number(
    "Opdracht 2", lambda: _weeks().loc[WEEK_2, "service_level"], fraction=True, decimals=2, printed=3,
    hint="Weeg elk kwartier met zijn aangeboden volume: kpi.combine_service_levels(sl, volumes), of zoek de "
         "week op in het weekrapport `week`: de kolom die in de tabel 'service level' heet (in de code "
         "`service_level`), niet het 'ongewogen gemiddelde'.",
    solution=lambda: f"week.loc[week['week'] == {WEEK_2}, 'service_level'] = "
                     f"{_dec(_weeks().loc[WEEK_2, 'service_level'], 3)}: gewogen met het volume. Het ongewogen "
                     f"gemiddelde van de kwartieren is {_dec(_weeks().loc[WEEK_2, 'unweighted_mean'], 3)}.",
    mistakes={"vorige week": (lambda: _weeks().loc[WEEK_2 - 1, "service_level"],
                              f"Dat is week {WEEK_2 - 1}, de laatste week in de tabel hierboven. De vraag gaat "
                              f"over week {WEEK_2}: zoek die op in het weekrapport `week`."),
              "ongewogen": (lambda: _weeks().loc[WEEK_2, "unweighted_mean"],
                            "Dat is het ongewogen gemiddelde van de kwartieren: een rustig kwartier telt dan even "
                            "zwaar als de drukste piek. Weeg met het volume.")},
)

opdracht_3 = number(
    "Opdracht 3", _peak_share, fraction=True, decimals=2, printed=2,
    hint="w12 is een tabel; share_below_target wil de kolom met service levels (fracties). Neem alleen maandag "
         "tot en met vrijdag en de piek, en geef dan de kolom mee: ochtend = w12[w12.index.day_of_week < 5]"
         ".between_time(\"09:30\", \"10:45\"); reporting.share_below_target(ochtend[\"service_level\"], 0.8).",
    solution=lambda: f"{_dec(_peak_share(), 2)} van de ochtendpiek-kwartieren haalt de norm niet "
                     f"({_pct(_peak_share(), 0)}), tegen {_pct(_weeks().loc[PEAK_WEEK, 'share_below_target'], 0)} "
                     "over de hele week: het groene weekcijfer verbergt een rode ochtend.",
    mistakes={
        "hele_week": (lambda: _weeks().loc[PEAK_WEEK, "share_below_target"],
                      "Dat is het aandeel over de hele week; de vraag gaat over de ochtendpiek."),
        "zaterdag": (lambda: _peak_share(weekdays_only=False),
                     "Je nam de zaterdag mee. De training lag op werkdagen: neem alleen maandag tot en met vrijdag."),
        "tot_11": (lambda: _peak_share(last="11:00"),
                   "Je nam ook het kwartier dat om 11:00 begint mee; de piek loopt tot 11:00, dus het laatste "
                   "kwartier begint om 10:45."),
    },
)


def _extra_hours(callback=0.75):
    return (reporting.workload_hours(10_000, 270, 0.70, callback)
            - reporting.workload_hours(10_000, 300, 0.86, callback))


opdracht_4 = number(
    "Opdracht 4", _extra_hours, unit="uur", decimals=0, printed=(0, 1),
    hint="Bereken reporting.workload_hours(10_000, aht, fcr, callback=0.75) voor beide situaties en trek "
         "'nu' af van 'sneller'.",
    solution=lambda: "reporting.workload_hours(10_000, 270, 0.70, callback=0.75) - "
                     "reporting.workload_hours(10_000, 300, 0.86, callback=0.75) = "
                     f"{_dec(_extra_hours(), 1)} uur extra: 30 seconden sneller per gesprek, maar zoveel meer "
                     "terugbellers dat het totaal stijgt.",
    mistakes={
        "zonder_herhaal": (10_000 * (270 - 300) / 3600,
                           "Je rekende alleen met de lagere AHT en vergat de herhaalcontacten die door de lagere "
                           "FCR ontstaan."),
        "iedereen_belt_terug": (lambda: _extra_hours(callback=1.0),
                                "Je rekende alsof elke klant zonder oplossing terugbelt. De terugbelkans is 0,75: "
                                "geef callback=0.75 mee."),
        "omgekeerd": (lambda: -_extra_hours(),
                      "Je trok ze andersom af: 'sneller' kost méér werk, dus het antwoord is positief."),
    },
)

opdracht_5 = choice(
    "Opdracht 5", {"b", "d"},
    {"a": "het service level",
     "b": "de vaardigheden en de kennis van de medewerkers",
     "c": "de klanttevredenheid (CSAT)",
     "d": "de kwaliteit van het gesprek tussen medewerker en klant"},
    hint="Output is het resultaat dat je achteraf meet. Input is wat dat resultaat voortbrengt: wat de "
         "medewerkers meebrengen en hoe het gesprek met de klant verloopt.",
    solution="b en d. De manager uit de brief (notebook 10) wil sturen op vaardigheden, drijfveren, vertrouwen "
             "en de kwaliteit van de dialoog met de klant; service level en CSAT zijn de resultaten die laten "
             "zien of die inspanningen werken.",
    feedback={"a": "Het service level is een resultaat (output): het zegt hoe het ging, niet waardoor.",
              "c": "De klanttevredenheid is een resultaat (output) van het gesprek, niet het gesprek zelf."},
)

opdracht_6 = choice(
    "Opdracht 6", "d",
    {"a": "Hij heeft gelijk: een lagere ASA betekent altijd betere service.",
     "b": "Zuid heeft een hogere ASA en haalt dus ook een lager service level; Noord is beter.",
     "c": "Hij moet de ASA delen door het aangeboden aantal in plaats van het beantwoorde; dan klopt de "
          "vergelijking wel.",
     "d": "De ASA telt alleen de beantwoorde bellers. Bij Noord haken zes keer zoveel bellers af, en hun "
          "wachttijd zit niet in de ASA. Zet de abandon rate ernaast: dan doet Zuid het beter."},
    hint="Lees Valkuil 1 nog eens: wie telt er niet mee in de ASA?",
    solution="d. Een ASA zonder afhakers beloont een team waar klanten het opgeven: wie na een halve minuut "
             "ophangt, verdwijnt uit de ASA. Rapporteer de ASA daarom altijd samen met de abandon rate (of de "
             "wachttijd van alle bellers).",
    feedback={"a": "Kijk naar de afhakers: een lage ASA kan ook betekenen dat de langst wachtenden ophangen "
                   "en daardoor niet meetellen.",
              "b": "Het service level volgt niet uit de ASA alleen, en bij Noord tellen de vele afhakers als niet "
                   "op tijd geholpen.",
              "c": "Dan deel je de wachttijd van de beantwoorde bellers door een groter aantal: het cijfer wordt "
                   "nog mooier, en de afhakers zitten er nog steeds niet in."},
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4, opdracht_5, opdracht_6)

# Exercises that test judgement rather than arithmetic (issue 12, section 2).
JUDGEMENT = (opdracht_6,)

ANSWERS = {
    "opdracht_1": (round(_aht()), _aht("telefoon")),
    "opdracht_2": (round(_weeks().loc[WEEK_2, "service_level"], 2), _weeks().loc[WEEK_2, "unweighted_mean"]),
    "opdracht_3": (_peak_share(), _weeks().loc[PEAK_WEEK, "share_below_target"]),
    "opdracht_4": (round(_extra_hours()), -83.33),
    "opdracht_5": ("b,d", "a"),
    "opdracht_6": ("d", "a"),
}
