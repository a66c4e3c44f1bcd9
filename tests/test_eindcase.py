import numpy as np
import pandas as pd
import pytest

from wfmcourse import eindcase


def test_staffing_gap_is_shortfall_only():
    req = pd.Series([3, 5, 2], index=list("abc"))
    gap = eindcase.staffing_gap(req, [4, 2, 2])
    assert list(gap) == [0, 3, 0] and list(gap.index) == list("abc")
    assert eindcase.staffing_gap(5, 7) == 0.0


@pytest.mark.parametrize("req, st, word", [([1, 2], [1], "same shape"), ([-1], [0], "required"),
                                           ([1], [np.nan], "staffed")])
def test_staffing_gap_rejects_bad_input(req, st, word):
    with pytest.raises(ValueError, match=word):
        eindcase.staffing_gap(req, st)


def test_export_round_trip(tmp_path):
    table = pd.DataFrame({"FTE": [1.5, 2.25], "agents": [3, 4]}, index=pd.Index(["A", "B"], name="scenario"))
    out = eindcase.export_workbook(tmp_path / "advies.xlsx", inputs={"week": 47, "klant": "KlantDirect BV"},
                                   assumptions={"shrinkage": 0.32}, results={"Scenario's": table})
    assert out.exists()
    book = pd.read_excel(out, sheet_name=None)
    assert list(book) == ["Invoer", "Aannames", "Scenario's"]
    assert book["Invoer"]["onderdeel"].tolist() == ["week", "klant"]
    assert book["Invoer"]["waarde"].tolist() == [47, "KlantDirect BV"]
    assert book["Aannames"]["waarde"].tolist() == [0.32]
    back = pd.read_excel(out, sheet_name="Scenario's", index_col=0)
    pd.testing.assert_frame_equal(back, table)


def test_export_is_deterministic(tmp_path):
    kwargs = dict(inputs={"a": 1}, assumptions={"b": 2}, results={"t": pd.DataFrame({"x": [1.0]})})
    one = eindcase.export_workbook(tmp_path / "1.xlsx", **kwargs)
    two = eindcase.export_workbook(tmp_path / "2.xlsx", **kwargs)
    for sheet in ("Invoer", "Aannames", "t"):
        pd.testing.assert_frame_equal(pd.read_excel(one, sheet_name=sheet), pd.read_excel(two, sheet_name=sheet))


@pytest.mark.parametrize("path, kwargs, word", [
    ("advies.csv", {}, "path"),
    ("advies.xlsx", {"results": {"t": [1, 2]}}, "results"),
    ("advies.xlsx", {"results": {"x" * 32: pd.DataFrame()}}, "sheet name"),
    ("advies.xlsx", {"results": {"Invoer": pd.DataFrame()}}, "reserved"),
    ("advies.xlsx", {"inputs": [1]}, "inputs"),
])
def test_export_rejects_bad_input(tmp_path, path, kwargs, word):
    args = dict(inputs={}, assumptions={}, results={})
    args.update(kwargs)
    with pytest.raises(ValueError, match=word):
        eindcase.export_workbook(tmp_path / path, **args)
    assert not (tmp_path / path).exists()
