"""Opdrachten bij notebook 02_kpis."""
from functools import lru_cache

from .. import datasets, kpi, rapportage
from . import choice, number
from ..nl import number as _dec


@lru_cache(maxsize=1)
def _phone():
    return rapportage.contact_summary(datasets.load_contacts(), channel="telefoon")


@lru_cache(maxsize=1)
def _week12():
    report = rapportage.weekly_report(datasets.load_intervals())
    return report[report["week"] == 12].iloc[0]


@lru_cache(maxsize=1)
def _peak_share():
    sl = rapportage.interval_service_levels(datasets.load_intervals())["service_level"]
    week = sl[(sl.index.isocalendar().week == 12).to_numpy() & (sl.index.day_of_week < 5)]
    return rapportage.share_below_target(week.between_time("09:30", "10:45"), 0.8)


def _aht():
    s = _phone()
    return kpi.aht(s["talk"], s["hold"], s["acw"], s["answered"])


opdracht_1 = number(
    "Opdracht 1", _aht, unit="seconden",
    hint="AHT = (gesprekstijd + wachtstand + nawerk) / aantal beantwoorde gesprekken.",
    solution=lambda: f"kpi.aht(s['talk'], s['hold'], s['acw'], s['answered']) = {_dec(_aht(), 1)} seconden.",
    mistakes={
        "talk": (lambda: _phone()["talk"] / _phone()["answered"],
                 "Dat is alleen de gesprekstijd: tel wachtstand (hold) en nawerk (ACW) mee."),
        "geen_acw": (lambda: (_phone()["talk"] + _phone()["hold"]) / _phone()["answered"],
                     "Je vergeet het nawerk (ACW); ook dat is werk voor het contact."),
        "offered": (lambda: (_phone()["talk"] + _phone()["hold"] + _phone()["acw"]) / _phone()["offered"],
                    "Je deelt door het aangeboden aantal; afgebroken gesprekken hebben geen "
                    "afhandeltijd. Deel door het aantal beantwoorde gesprekken."),
    },
)

opdracht_2 = number(
    "Opdracht 2", lambda: _week12()["service_level"], fraction=True,
    hint="Weeg elk interval met zijn aangeboden volume: kpi.combine_service_levels(sl, volumes).",
    solution=lambda: f"De gewogen service level van week 12 is {_dec(_week12()['service_level'], 3)}.",
    mistakes={"ongewogen": (lambda: _week12()["unweighted_mean"],
                            "Dat is het ongewogen gemiddelde van de intervallen: een rustig kwartier "
                            "telt dan even zwaar als de drukste piek. Weeg met het volume.")},
)

opdracht_3 = number(
    "Opdracht 3", _peak_share, fraction=True,
    hint="Neem alleen ma-vr, intervallen 09:30 t/m 10:45 van week 12, en tel welk deel onder 0,8 ligt.",
    solution=lambda: f"{_dec(_peak_share(), 2)} van de ochtendpiek-intervallen haalt de norm niet.",
    mistakes={"hele_week": (lambda: _week12()["share_below_target"],
                            "Dat is het aandeel over de hele week; de vraag gaat over de ochtendpiek.")},
)

opdracht_4 = number(
    "Opdracht 4",
    lambda: rapportage.workload_hours(10_000, 270, 0.70, 0.75) - rapportage.workload_hours(10_000, 300, 0.86, 0.75),
    unit="uur",
    hint="Bereken workload_hours(10_000, aht, fcr, callback=0.75) voor beide situaties en trek ze af.",
    solution=lambda: "rapportage.workload_hours(10_000, 270, 0.70, 0.75) - "
                     "rapportage.workload_hours(10_000, 300, 0.86, 0.75) = "
                     f"{_dec(rapportage.workload_hours(10_000, 270, 0.70, 0.75) - rapportage.workload_hours(10_000, 300, 0.86, 0.75), 1)} uur extra.",
    mistakes={"zonder_herhaal": (10_000 * (270 - 300) / 3600,
                                 "Je rekent alleen met de lagere AHT en vergeet de herhaalcontacten "
                                 "die door de lagere FCR ontstaan.")},
)

opdracht_5 = choice(
    "Opdracht 5", {"b", "d"},
    {"a": "Service level", "b": "Schedule adherence", "c": "CSAT", "d": "Nawerktijd (ACW)"},
    hint="Input-KPI's beschrijven het werk dat een medewerker zelf beïnvloedt, niet het resultaat voor de klant.",
    solution="b en d: adherence en nawerk zijn input; service level en CSAT zijn output.",
    feedback={"a": "Service level is een uitkomst (output).", "c": "CSAT is een uitkomst (output)."},
)

OPDRACHTEN = (opdracht_1, opdracht_2, opdracht_3, opdracht_4, opdracht_5)

ANSWERS = {
    "opdracht_1": (_aht(), _phone()["talk"] / _phone()["answered"]),
    "opdracht_2": (_week12()["service_level"], _week12()["unweighted_mean"]),
    "opdracht_3": (_peak_share(), _week12()["share_below_target"]),
    "opdracht_4": (rapportage.workload_hours(10_000, 270, 0.70, 0.75)
                   - rapportage.workload_hours(10_000, 300, 0.86, 0.75), -83.33),
    "opdracht_5": ("b,d", "a"),
}
