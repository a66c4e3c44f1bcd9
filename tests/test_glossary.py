"""Tests for wfmcourse.course.glossary and data/glossary.csv."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.apps import glossary_explorer as ge
from wfmcourse.course import glossary as g
from wfmcourse.data.files import DataFileError, data_path

SEED_FILE = Path("/work/shared/seeds/001_7999541131f15f39.txt")

#: The 90 term headings of the A-Z source glossary, each with the term it became in our file.
#: Italian headings became Dutch terms; "X - Long name" headings became the long name with
#: the abbreviation in its own column.
SEED_TERMS = {
    "AHT – Average Handling Time": "Average Handling Time",
    "ASA – Average Speed of Answer": "Average Speed of Answer",
    "ACD – Automatic Call Distributor": "Automatic Call Distributor",
    "ACW – After Call Work": "After Call Work",
    "Adherence (to schedule)": "Adherence",
    "Abandon rate / Average Time to Abandon": "Abandon rate",
    "Auxiliary Time (Aux Time)": "Aux time",
    "Bereikbaarheid": "Bereikbaarheid",
    "Blending (media/skills)": "Blending",
    "BPM – Business Process Management": "Business Process Management",
    "Benchmarking": "Benchmarking",
    "Bot (Chatbot)": "Chatbot",
    "Call drivers": "Call drivers",
    "Contactcenter vs Callcenter": "Contactcenter",
    "CSAT – Customer Satisfaction": "Customer Satisfaction",
    "CRM – Customer Relationship Management": "Customer Relationship Management",
    "Customer Journey": "Customer journey",
    "Conversie (service-sales)": "Conversie",
    "CES – Customer Effort Score": "Customer Effort Score",
    "Churn": "Churn",
    "Dagstart": "Dagstart",
    "Dialer (predictive/progressive)": "Dialer",
    "Dashboard": "Dashboard",
    "Deflectie": "Deflectie",
    "L'empatia": "Empathie",
    "Erlang C": "Erlang C",
    "Escalatie": "Escalatie",
    "FCR – First Call Resolution": "First Contact Resolution",
    "FTF – First Time Fix": "First Time Fix",
    "Forecasting": "Forecasting",
    "FTE – Full Time Equivalent": "Full Time Equivalent",
    "Gesprekstijd (ATT)": "Gesprekstijd",
    "GDPR/AVG": "Algemene verordening gegevensbescherming",
    "Gamification": "Gamification",
    "Hold time": "Hold time",
    "Herhaalverkeer": "Herhaalverkeer",
    "Hybrid Model": "Hybride werken",
    "Inbound telefonie": "Inbound telefonie",
    "IVR – Interactive Voice Response": "Interactive Voice Response",
    "Intraday Management": "Intraday management",
    "Jaarplan (service)": "Jaarplan",
    "Journey Mapping": "Journey mapping",
    "KPI – Key Performance Indicator": "Key Performance Indicator",
    "Kennisbank": "Kennisbank",
    "Kwaliteitsmonitoring (QM)": "Kwaliteitsmonitoring",
    "Soddisfazione del cliente": "Klanttevredenheid",
    "LSD – Luisteren, Samenvatten, Doorvragen": "Luisteren, Samenvatten, Doorvragen",
    "Live Chat": "Live chat",
    "MTO – Medewerkerstevredenheidsonderzoek": "Medewerkerstevredenheidsonderzoek",
    "Multicanale": "Multichannel",
    "Metrics": "Metrics",
    "NPS – Net Promoter Score": "Net Promoter Score",
    "Nawerktijd (ACW)": "Nawerktijd",
    "Not Ready Time": "Not Ready Time",
    "Occupancy": "Occupancy",
    "Outbound bellen": "Outbound bellen",
    "Outsourcing": "Outsourcing",
    "Omnichannel": "Omnichannel",
    "Planning (WFM)": "Planning",
    "Peak Hours": "Piekuren",
    "Productivity": "Productiviteit",
    "Quality Monitoring (QM)": "Quality Monitoring",
    "Queue Management": "Queue management",
    "Roostering": "Roostering",
    "Rapportage & Analyse": "Rapportage & analyse",
    "RONA – Reroute On No Answer": "Reroute On No Answer",
    "Real-time Monitoring": "Real-time monitoring",
    "Retention": "Retentie",
    "Service Level (SLA-doel)": "Service level",
    "Skills": "Skills",
    "Selfservice": "Selfservice",
    "Shrinkage": "Shrinkage",
    "SPIN-methode": "SPIN-methode",
    "Sentiment Analyse": "Sentimentanalyse",
    "Talk Time (ATT)": "Talk time",
    "Trafficmanagement": "Trafficmanagement",
    "Teammanager": "Teammanager",
    "Training": "Training",
    "Ticket System": "Ticketsysteem",
    "Upsell": "Upsell",
    "Utilization": "Utilisatie",
    "Verloop": "Verloop",
    "Verificatie": "Verificatie",
    "Verzuim": "Verzuim",
    "Voice vs Non-Voice": "Voice vs non-voice",
    "Voice of the Customer (VoC)": "Voice of the Customer",
    "Volume": "Volume",
    "WFM – Workforcemanagement": "Workforcemanagement",
    "Webcare": "Webcare",
    "Wet Poortwachter": "Wet Poortwachter",
}

#: Terms the course needs that the source lacks (term -> abbreviation or "").
REQUIRED_EXTRAS = {
    "Erlang A": "",
    "Erlang B": "",
    "Acceptable Wait Time": "AWT",
    "Verkeersintensiteit": "",
    "Bruto-netto": "",
    "Weighted Absolute Percentage Error": "WAPE",
    "Failure demand": "",
    "Watermeloenrapport": "",
    "Impact-effort-matrix": "",
    "CAP-overleg": "CAP",
    "Circle of Influence": "",
    "Ondernemingsraad": "OR",
    "Poolmanagement": "",
    "X+n weeknotatie": "",
    "Service Level Agreement": "SLA",
    "Short abandon": "",
    "Klantgeduld": "",
    "Interval": "",
    "Bezetting": "",
    "Kern-contact model": "",
    "Outputsturing": "",
    "Inputsturing": "",
    "Werving": "",
    "Stakeholder": "",
}

#: Pairs that are (nearly) the same concept or a classic confusion: they must point to each
#: other and sit in the same category.
TWINS = [
    ("After Call Work", "Nawerktijd"),
    ("Gesprekstijd", "Talk time"),
    ("Kwaliteitsmonitoring", "Quality Monitoring"),
    ("Aux time", "Not Ready Time"),
    ("Intraday management", "Trafficmanagement"),
    ("Trafficmanagement", "Real-time monitoring"),
    ("Customer Satisfaction", "Klanttevredenheid"),
    ("Customer journey", "Journey mapping"),
    ("Occupancy", "Utilisatie"),
    ("First Contact Resolution", "First Time Fix"),
    ("Service level", "Service Level Agreement"),
    ("Multichannel", "Omnichannel"),
    ("Outputsturing", "Inputsturing"),
    ("Churn", "Retentie"),
]
#: Exact synonyms (Dutch and English name of one concept): also the same formula.
SYNONYMS = TWINS[:3] + [("Intraday management", "Trafficmanagement")]

TEXT_FIELDS = ["term", "english", "definition", "formula", "why", "pitfalls", "actions"]
ITALIAN_MARKERS = [" della ", " che ", "il cliente", "tempo", "soddisfazione", "empatia",
                   "multicanale", "servizio", "cos'è", " dei clienti", " gli "]


@pytest.fixture(scope="module")
def gl():
    return g.load()


def _row(gl, term):
    return gl.loc[gl["term"] == term].iloc[0]


# ---------------------------------------------------------------------------
# the data file
# ---------------------------------------------------------------------------
def test_file_columns_and_quoting():
    path = data_path("glossary.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == g.COLUMNS
    assert all(len(r) == len(g.COLUMNS) for r in rows), "every row needs exactly 12 fields"
    assert len(rows) - 1 == len(g.load())


def test_seed_map_has_all_90_headings():
    assert len(SEED_TERMS) == 90
    assert len(set(SEED_TERMS.values())) == 90


@pytest.mark.skipif(not SEED_FILE.exists(), reason="source glossary not available")
def test_seed_map_matches_the_source_headings():
    lines = SEED_FILE.read_text(encoding="utf-8").splitlines()
    headings = []
    for i, line in enumerate(lines):
        if line.startswith("Definitie:"):
            j = i - 1
            while not lines[j].strip():
                j -= 1
            headings.append(lines[j].strip())
    assert len(headings) == 90
    assert headings == list(SEED_TERMS)


def test_all_seed_terms_present(gl):
    missing = sorted(set(SEED_TERMS.values()) - set(gl["term"]))
    assert not missing, f"seed terms missing: {missing}"


def test_required_extras_present(gl):
    for term, abbr in REQUIRED_EXTRAS.items():
        assert term in set(gl["term"]), term
        assert _row(gl, term)["abbreviation"] == abbr, term
    assert len(gl) >= 90 + 14


def _markdown(stem):
    """The markdown of a course notebook, lower case, whitespace collapsed."""
    import json

    cells = json.loads((Path(__file__).parents[1] / "notebooks" / f"{stem}.ipynb")
                       .read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return re.sub(r"\s+", " ", text.lower())


def test_every_term_occurs_in_the_notebook_it_links_to(gl):
    """'Behandeld in' points to a lesson whose text uses the term (or its abbreviation).

    A term that no lesson treats yet links to nothing, not to a notebook that never mentions it.
    """
    texts = {stem: _markdown(stem) for stem in set(gl["notebook"]) - {""}}
    missing = []
    for _, row in gl[gl["notebook"] != ""].iterrows():
        names = [row["term"]] + ([row["abbreviation"]] if row["abbreviation"] else [])
        if not any(re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", texts[row["notebook"]])
                   for n in names):
            missing.append((row["term"], row["notebook"]))
    assert missing == []


def test_categories_letters_notebooks(gl):
    assert 7 <= len(g.CATEGORIES) <= 9
    assert set(gl["category"]) == set(g.CATEGORIES), "every category is used"
    assert set(gl["notebook"]) <= set(g.NOTEBOOK_KEYS) | {""}
    for term, letter in zip(gl["term"], gl["letter"]):
        assert letter == g.fold(term)[0].upper()
    assert gl["term"].is_unique


def test_no_italian_left(gl):
    for _, row in gl.iterrows():
        text = " ".join(row[f] for f in TEXT_FIELDS).lower()
        for marker in ITALIAN_MARKERS:
            assert marker not in f" {text} ", (row["term"], marker)


def test_italian_entries_became_dutch_with_a_note(gl):
    for term in ("Empathie", "Klanttevredenheid", "Multichannel"):
        assert "Correctie t.o.v. de bron" in _row(gl, term)["pitfalls"]
    # the stray Italian heading after this term in the source was dropped, and the card says so
    assert "Italiaanse kop" in _row(gl, "Inbound telefonie")["pitfalls"]


def test_related_terms_exist_and_are_symmetric(gl):
    terms = set(gl["term"])
    links = {t: set(g.split_items(r)) for t, r in zip(gl["term"], gl["related"])}
    for term, related in links.items():
        assert related <= terms, (term, related - terms)
        assert term not in related
        for other in related:
            assert term in links[other], f"{other} should point back to {term}"


@pytest.mark.parametrize("a, b", TWINS)
def test_twins_point_to_each_other(gl, a, b):
    ra, rb = _row(gl, a), _row(gl, b)
    assert b in g.split_items(ra["related"])
    assert a in g.split_items(rb["related"])
    assert ra["category"] == rb["category"]


@pytest.mark.parametrize("a, b", SYNONYMS)
def test_synonyms_agree(gl, a, b):
    ra, rb = _row(gl, a), _row(gl, b)
    assert ra["formula"] == rb["formula"]
    assert ra["notebook"] == rb["notebook"]
    for this, other in ((ra, b), (rb, a)):
        assert "Let op" in this["pitfalls"] and other in this["pitfalls"]


def test_fields_are_concise(gl):
    for _, row in gl.iterrows():
        sentences = re.findall(r"[.!?](?:\s|$)", row["definition"])
        assert 1 <= len(sentences) <= 3, row["term"]
        for field in ("pitfalls", "actions"):
            assert 1 <= len(g.split_items(row[field])) <= 3, (row["term"], field)


def test_corrected_formulas(gl):
    fte = _row(gl, "Full Time Equivalent")["formula"]
    # the full-time week is a parameter from the cao (36, 38 and 40 hours all occur), not a fixed number
    assert "contracturen" in fte and "parameter" in fte and "cao" in fte
    assert all(hours in fte for hours in ("36", "38", "40"))
    sl = _row(gl, "Service level")["formula"]
    for words in ("van beantwoord", "van aangeboden", "korte afhakers", "AWT"):
        assert words in sl
    occ = _row(gl, "Occupancy")["formula"]
    util = _row(gl, "Utilisatie")["formula"]
    assert "vrije tijd" in occ and "wachttijd" not in occ and "betaalde" in util and occ != util
    erlang_c = _row(gl, "Erlang C")["formula"]
    assert "N!" in erlang_c and "e^" in erlang_c and "ASA" in erlang_c
    assert "tools" not in erlang_c
    assert _row(gl, "Piekuren")["formula"] == ""
    assert "Identificeer" not in " ".join(gl["formula"])
    assert "Σ |werkelijk − forecast|" in _row(gl, "Weighted Absolute Percentage Error")["formula"]
    assert "/ (1 − shrinkage)" in _row(gl, "Bruto-netto")["formula"]
    for term in ("Full Time Equivalent", "Service level", "Erlang C", "Occupancy", "Utilisatie",
                 "Volume", "Piekuren", "First Contact Resolution", "Average Handling Time"):
        assert "Correctie t.o.v. de bron" in _row(gl, term)["pitfalls"], term


def test_abbreviations_are_unique(gl):
    abbrs = [g.fold(a) for a in gl["abbreviation"] if a]
    assert len(abbrs) == len(set(abbrs))


# ---------------------------------------------------------------------------
# loader errors
# ---------------------------------------------------------------------------
def _write(tmp_path, edit) -> Path:
    frame = pd.read_csv(data_path("glossary.csv"), dtype=str, keep_default_na=False)
    frame = edit(frame)
    target = tmp_path / "glossary_kapot.csv"
    frame.to_csv(target, index=False, encoding="utf-8")
    return target


def _set(column, row, value):
    def edit(frame):
        frame.loc[row, column] = value
        return frame
    return edit


@pytest.mark.parametrize("edit, line, column, words", [
    (_set("category", 4, "Techniek"), 6, "category", "must be one of"),
    (_set("notebook", 0, "09_extra"), 2, "notebook", "must be one of"),
    (_set("letter", 2, "Z"), 4, "letter", "first letter"),
    (_set("definition", 7, " "), 9, "definition", "required"),
    (_set("related", 3, "Shrinkage; Bestaat Niet"), 5, "related", "unknown term 'Bestaat Niet'"),
    (_set("related", 10, "Shrinkag"), 12, "related", "did you mean 'Shrinkage'"),
])
def test_loader_errors_name_file_line_and_column(tmp_path, edit, line, column, words):
    path = _write(tmp_path, edit)
    with pytest.raises(DataFileError) as info:
        g.load(path)
    err = info.value
    assert err.line == line and err.column == column
    message = str(err)
    assert "glossary_kapot.csv" in message and f"line {line}" in message
    assert f"column '{column}'" in message and words in message


def test_loader_related_to_itself(tmp_path):
    def edit(frame):
        frame.loc[5, "related"] = frame.loc[5, "term"]
        return frame
    with pytest.raises(DataFileError, match="line 7, column 'related'.*itself"):
        g.load(_write(tmp_path, edit))


def test_loader_duplicate_term(tmp_path):
    def edit(frame):
        frame.loc[9, "term"] = frame.loc[8, "term"].upper()
        frame.loc[9, "letter"] = frame.loc[8, "letter"]
        return frame
    with pytest.raises(DataFileError, match=r"line 11, column 'term'.*duplicate.*line 10"):
        g.load(_write(tmp_path, edit))


def test_loader_duplicate_abbreviation(tmp_path):
    def edit(frame):
        other = frame.index[frame["term"] == "Volume"][0]
        frame.loc[other, "abbreviation"] = "aht"
        return frame
    with pytest.raises(DataFileError, match=r"column 'abbreviation'.*duplicate"):
        g.load(_write(tmp_path, edit))


def test_loader_missing_column(tmp_path):
    path = _write(tmp_path, lambda frame: frame.drop(columns=["why"]))
    with pytest.raises(DataFileError, match=r"glossary_kapot.csv: line 1, column 'why'"):
        g.load(path)


def test_loader_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        g.load(tmp_path / "nope.csv")


# ---------------------------------------------------------------------------
# search, lookup, filter
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("query, first", [
    ("aht", "Average Handling Time"),
    ("AHT", "Average Handling Time"),
    ("FCR", "First Contact Resolution"),
    ("fcr", "First Contact Resolution"),
    ("wape", "Weighted Absolute Percentage Error"),
    ("or", "Ondernemingsraad"),
    ("acw", "After Call Work"),
    ("Bereikbaarheid", "Bereikbaarheid"),
    ("bereikbaarheid", "Bereikbaarheid"),
    ("BEREIKBAARHEID", "Bereikbaarheid"),
    ("Béréikbaarheid", "Bereikbaarheid"),
    ("empathíe", "Empathie"),
    ("x+n", "X+n weeknotatie"),
    ("real time", "Real-time monitoring"),
    ("erlang", "Erlang A"),
    ("gdpr", "Algemene verordening gegevensbescherming"),
])
def test_search_finds_first(gl, query, first):
    result = g.search(query, gl)
    assert result.iloc[0]["term"] == first


def test_search_accent_in_data(gl):
    # The definition of Customer journey says "oriëntatie": found with and without the accent.
    assert "Customer journey" in set(g.search("orientatie", gl)["term"])
    assert "Customer journey" in set(g.search("oriëntatie", gl)["term"])


def test_search_abbreviation_twin_order(gl):
    terms = list(g.search("ACW", gl)["term"])
    assert terms[:2] == ["After Call Work", "Nawerktijd"]


def test_search_definition_matches_rank_last(gl):
    terms = list(g.search("shrinkage", gl)["term"])
    assert terms[0] == "Shrinkage"
    assert "Bruto-netto" in terms        # found via its definition


def test_search_empty_returns_all(gl):
    for query in ("", "   ", None, "?!"):
        assert list(g.search(query, gl)["term"]) == list(gl["term"])


def test_search_no_match_and_bad_type(gl):
    assert g.search("qqqzzz", gl).empty
    with pytest.raises(TypeError, match="query must be a text"):
        g.search(42, gl)
    with pytest.raises(TypeError, match="DataFrame"):
        g.search("aht", glossary=["not", "a", "frame"])


def test_search_default_glossary():
    assert g.search("aht").iloc[0]["term"] == "Average Handling Time"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30))
def test_search_never_raises_and_returns_a_subset(query):
    gl = g.load()
    result = g.search(query, gl)
    assert set(result.index) <= set(gl.index)
    assert result.index.is_unique
    assert list(result.columns) == list(gl.columns)
    # case-insensitive: upper- and lower-case queries give the same terms
    if g.fold(query.upper()) == g.fold(query.lower()):
        assert list(g.search(query.upper(), gl)["term"]) == list(g.search(query.lower(), gl)["term"])


@given(st.sampled_from(sorted(g.load()["term"])))
def test_search_for_a_term_puts_it_first(term):
    assert g.search(term).iloc[0]["term"] == term
    assert g.lookup(term.upper())["term"] == term


@pytest.mark.parametrize("query, term", [
    ("AHT", "Average Handling Time"),
    ("aht", "Average Handling Time"),
    ("average handling time", "Average Handling Time"),
    ("OR", "Ondernemingsraad"),
    ("Bereikbaarheid", "Bereikbaarheid"),
    ("bereikbaarheid", "Bereikbaarheid"),
    ("émpathie", "Empathie"),
    ("Talk time", "Talk time"),            # term wins over Gesprekstijd's English name
    ("ATT", "Talk time"),
    ("Works council", "Ondernemingsraad"),  # unique English term
])
def test_lookup(gl, query, term):
    row = g.lookup(query, gl)
    assert isinstance(row, pd.Series)
    assert row["term"] == term


def test_lookup_unknown_suggests(gl):
    with pytest.raises(KeyError) as info:
        g.lookup("Erlang D", gl)
    message = str(info.value)
    assert "No glossary term" in message and "'Erlang D'" in message
    assert "Did you mean" in message and "Erlang C" in message
    with pytest.raises(KeyError, match="Occupancy"):
        g.lookup("ocupancy", gl)
    with pytest.raises(KeyError, match="search"):
        g.lookup("qqqzzz", gl)
    with pytest.raises(KeyError):
        g.lookup("", gl)
    with pytest.raises(TypeError):
        g.lookup(None, gl)


def test_filter_terms(gl):
    e = g.filter_terms(gl, letter="e")
    assert set(e["letter"]) == {"E"} and "Erlang C" in set(e["term"])
    cap = g.filter_terms(gl, category="Capaciteit & Erlang")
    assert {"Erlang A", "Erlang B", "Erlang C", "Shrinkage"} <= set(cap["term"])
    both = g.filter_terms(gl, letter="E", category="Capaciteit & Erlang")
    assert set(both["term"]) == {"Erlang A", "Erlang B", "Erlang C"}
    assert g.filter_terms(gl) is not None and len(g.filter_terms(gl)) == len(gl)
    assert list(g.filter_terms(gl, letter="Q").index) == list(gl.index[gl["letter"] == "Q"])
    with pytest.raises(ValueError, match="letter"):
        g.filter_terms(gl, letter="AB")
    with pytest.raises(ValueError, match="category"):
        g.filter_terms(gl, category="Techniek")


# ---------------------------------------------------------------------------
# card and widget
# ---------------------------------------------------------------------------
def test_card_html_labels_and_content(gl):
    card = ge.card_html(g.lookup("FTE", gl))
    for label in ("Definitie", "Formule", "Waarom belangrijk", "Valkuilen", "Verbeteracties",
                  "Zie ook", "Behandeld in"):
        assert f"<b>{label}:</b>" in card
    assert "Full Time Equivalent" in card and "04_shrinkage_fte" in card
    assert "Capaciteit &amp; Erlang" in card     # escaped ampersand


def test_card_html_escapes_and_skips_empty():
    row = {"term": "<script>x</script>", "abbreviation": "", "english": "A & B",
           "category": "Klantbeleving", "definition": "Een <b>vet</b> begrip.", "formula": "",
           "why": "", "pitfalls": "", "actions": "", "related": "", "notebook": ""}
    card = ge.card_html(row)
    assert "<script>" not in card and "&lt;script&gt;" in card
    assert "&lt;b&gt;vet&lt;/b&gt;" in card and "A &amp; B" in card
    assert "Formule" not in card and "Zie ook" not in card and "Definitie" in card


def test_explorer_builds_and_reacts(gl):
    ex = ge.explorer(gl)
    assert len(ex.select.options) == len(gl)
    assert ex.letter.options[0] == "Alle" and ex.category.options[0] == "Alle"
    assert ex.search.continuous_update
    assert ex.search.description == "Zoeken:"

    before = ex.select.options
    ex.search.value = "aht"
    assert ex.select.options != before
    assert ex.select.value == "Average Handling Time"
    assert "Average Handling Time" in ex.card.value and "Definitie" in ex.card.value

    ex.select.value = ex.select.options[1][1]
    assert ge.card_html(_row(gl, ex.select.value)) == ex.card.value

    ex.search.value = "qqqzzz"
    assert ex.select.options == () and "Geen begrippen gevonden" in ex.card.value

    ex.search.value = ""
    ex.letter.value = "E"
    assert {v for _, v in ex.select.options} == set(gl.loc[gl["letter"] == "E", "term"])
    ex.category.value = "Capaciteit & Erlang"
    assert {v for _, v in ex.select.options} == {"Erlang A", "Erlang B", "Erlang C"}
    assert "3 begrippen" in ex.count.value
    ex.letter.value = "Alle"
    ex.category.value = "Alle"
    assert len(ex.select.options) == len(gl)


def test_explorer_keeps_selection_when_still_listed(gl):
    ex = ge.explorer(gl)
    ex.select.value = "Shrinkage"
    ex.search.value = "shrink"
    assert ex.select.value == "Shrinkage"


def test_explorer_labels_show_abbreviation(gl):
    ex = ge.explorer()
    labels = dict((v, lab) for lab, v in ex.select.options)
    assert labels["Average Handling Time"] == "Average Handling Time (AHT)"
    assert labels["Occupancy"] == "Occupancy"


def test_review_of_the_glossary_against_notebooks_00_to_04(gl):
    """The trainer's review (issue 12): glosses, denominators and links that contradicted the lessons."""
    assert "abandon" not in _row(gl, "Klantgeduld")["english"].lower()     # ATA underestimates the patience
    assert "ingeroosterd" not in _row(gl, "Utilisatie")["formula"]          # one denominator: paid time
    assert "betaalde uren" in _row(gl, "Verzuim")["formula"]                # as notebook 04 and the data
    assert "First Call Resolution" in _row(gl, "First Contact Resolution")["english"]
    assert "in-gesprektoon" in _row(gl, "Erlang B")["why"]
    assert _row(gl, "Occupancy")["notebook"] == "03_erlang"
    assert _row(gl, "Adherence")["notebook"] == "08_dagsturing"     # taught there (02 only names it)
    assert "dagsturing" in _row(gl, "Trafficmanagement")["definition"]
    assert "netto" in _row(gl, "Bezetting")["definition"] and "bruto" in _row(gl, "Bezetting")["definition"]
    for term in ("Automatic Call Distributor", "Interactive Voice Response", "Customer Relationship Management",
                 "Webcare", "Contactcenter", "Empathie", "Klanttevredenheid",
                 "Medewerkerstevredenheidsonderzoek", "Skills"):
        assert _row(gl, term)["notebook"] == "", term     # only named in a list there, not treated


def test_resolve_gives_the_shipped_glossary_or_checks_the_given_one(gl):
    assert g.resolve() is g.resolve(None)                  # read once
    assert g.resolve(gl) is gl
    with pytest.raises(TypeError, match="glossary must be a pandas DataFrame") as error:
        g.resolve(["not", "a", "frame"])
    assert error.value.parameter == "glossary"
    with pytest.raises(ValueError, match="definition") as error:
        g.resolve(gl.drop(columns="definition"))
    assert error.value.kind == "columns"


def test_notebook_keys_and_card_titles_come_from_the_one_list_of_notebooks():
    from wfmcourse.course import contents

    assert g.NOTEBOOK_KEYS == tuple(nb.file.removesuffix(".ipynb") for nb in contents.NOTEBOOKS)
    card = ge.card_html(g.lookup("Klantgeduld"))
    assert "03_erlang.ipynb (Erlang C en Erlang A)" in card


def test_explorer_stored_text_is_dutch(gl):
    """A stored notebook shows the explorer's plain-text form until the cell runs: a Dutch line."""
    text = repr(ge.explorer(gl))
    assert text.startswith("[begrippenverkenner") and "children" not in text


@pytest.mark.parametrize("stem", ["00_start", "01_begrippen", "02_kpis", "03_erlang", "04_shrinkage_fte"])
def test_terms_named_at_the_end_of_a_notebook_are_in_the_glossary(stem):
    """"Begrippen uit dit notebook" names glossary terms exactly, so the learner finds each in the explorer."""
    import json

    nb = json.loads((Path(__file__).parent.parent / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    found = re.search(r"\*\*Begrippen uit dit notebook\*\*[^:]*:(.*?)(?:\n\n|\Z)", text, flags=re.S)
    assert found, f"{stem} has no 'Begrippen uit dit notebook'"
    names = [re.sub(r"\s*\([^)]*\)", "", part).strip(" .\n")
             for item in re.split(r"\.(?:\s|$)", found.group(1).replace("\n", " "))[0].split(", ")
             for part in item.split(" / ")]
    assert names
    for name in names:
        assert g.lookup(name)["term"].casefold() == name.casefold(), name
