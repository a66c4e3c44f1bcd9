import pandas as pd
import pytest

from wfmcourse.course import glossary
from wfmcourse.course import glossary_graph as gg


def frame(rows):
    cols = ["term", "abbreviation", "english", "definition", "category", "pitfalls", "related"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows])


TOY = frame([
    ("Nawerktijd", "", "ACW", "d", "Productiviteit & bezetting",
     "Let op: zelfde begrip als After Call Work; lang nawerk", "After Call Work"),
    ("After Call Work", "ACW", "ACW", "d", "Productiviteit & bezetting",
     "Let op: zelfde begrip als After Call Work (de Engelse term)", "Nawerktijd"),
    ("Gesprekstijd", "", "Talk", "d", "Productiviteit & bezetting",
     "Let op: zelfde begrip als Talk time", "Talk time"),
    ("Talk time", "ATT", "Talk", "d", "Productiviteit & bezetting", "", "Gesprekstijd"),
    ("FTE", "", "FTE", "d", "Capaciteit & Erlang",
     "Correctie t.o.v. de bron: geen vaste 40 uur; koppen zijn geen FTE", ""),
])


def test_one_sided_or_wrong_target_is_not_a_twin():
    # After Call Work points to itself, Talk time points nowhere: no pairs at all
    assert gg.twins(TOY).empty


def test_mutual_pair_is_found_once():
    toy = TOY.copy()
    toy.loc[1, "pitfalls"] = "Let op: zelfde begrip als Nawerktijd (de Nederlandse term)"
    pairs = gg.twins(toy)
    assert pairs.values.tolist() == [["Nawerktijd", "After Call Work"]]
    assert gg.is_twin("After Call Work", "Nawerktijd", toy)
    assert not gg.is_twin("Gesprekstijd", "Talk time", toy)


def test_pair_needs_related_both_ways():
    toy = TOY.copy()
    toy.loc[1, "pitfalls"] = "Let op: zelfde begrip als Nawerktijd"
    toy.loc[1, "related"] = ""
    assert gg.twins(toy).empty


def test_corrections_strip_the_mark_and_keep_the_item():
    out = gg.corrections(TOY)
    assert out["term"].tolist() == ["FTE"]
    assert out["correction"].iloc[0] == "geen vaste 40 uur"


def test_shipped_glossary_twins_and_corrections():
    pairs = {frozenset(p) for p in gg.twins().itertuples(index=False)}
    for a, b in [("After Call Work", "Nawerktijd"), ("Gesprekstijd", "Talk time"),
                 ("Kwaliteitsmonitoring", "Quality Monitoring"), ("Intraday management", "Trafficmanagement")]:
        assert frozenset((a, b)) in pairs
    fixed = set(gg.corrections()["term"])
    assert {"Empathie", "Klanttevredenheid", "Multichannel", "Full Time Equivalent",
            "Service level", "Occupancy", "Utilisatie", "Shrinkage", "Verzuim", "Average Speed of Answer"} <= fixed
    assert not gg.is_twin("Occupancy", "Utilisatie")
    assert len(gg.corrections(glossary.load())) == len(gg.corrections())


def test_bad_arguments():
    with pytest.raises(TypeError, match="a must be"):
        gg.is_twin(None, "Talk time")
    with pytest.raises(TypeError):
        gg.twins("not a frame")
