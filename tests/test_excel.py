"""The Excel writer (wfmcourse.presentation.excel): sheets, round trip, bad input."""
import io

import pandas as pd
import pytest

from wfmcourse.presentation import excel


def test_export_round_trip(tmp_path):
    table = pd.DataFrame({"FTE": [1.5, 2.25], "agents": [3, 4]}, index=pd.Index(["A", "B"], name="scenario"))
    out = excel.write_workbook(tmp_path / "advies.xlsx", inputs={"week": 47, "klant": "KlantDirect BV"},
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
    one = excel.write_workbook(tmp_path / "1.xlsx", **kwargs)
    two = excel.write_workbook(tmp_path / "2.xlsx", **kwargs)
    for sheet in ("Invoer", "Aannames", "t"):
        pd.testing.assert_frame_equal(pd.read_excel(one, sheet_name=sheet), pd.read_excel(two, sheet_name=sheet))


@pytest.mark.parametrize("path, kwargs, word", [
    ("advies.csv", {}, "path"),
    ("advies.xlsx", {"results": {"x" * 32: pd.DataFrame()}}, "sheet name"),
    ("advies.xlsx", {"results": {"Invoer": pd.DataFrame()}}, "reserved"),
])
def test_export_rejects_bad_input(tmp_path, path, kwargs, word):
    args = dict(inputs={}, assumptions={}, results={})
    args.update(kwargs)
    with pytest.raises(ValueError, match=word):
        excel.write_workbook(tmp_path / path, **args)
    assert not (tmp_path / path).exists()


@pytest.mark.parametrize("kwargs, word", [
    ({"results": {"t": [1, 2]}}, r"results\['t'\] must be a pandas DataFrame"),
    ({"inputs": [1]}, "inputs must be a dict"),
    ({"path": 5}, "path must be a file path"),
])
def test_export_rejects_wrong_types(tmp_path, kwargs, word):
    args = dict(path=tmp_path / "advies.xlsx", inputs={}, assumptions={}, results={})
    args.update(kwargs)
    with pytest.raises(TypeError, match=word):
        excel.write_workbook(**args)
    assert not (tmp_path / "advies.xlsx").exists()


def test_bytes_are_the_written_file(tmp_path):
    kwargs = dict(inputs={"a": 1}, assumptions={"b": "x"}, results={"t": pd.DataFrame({"x": [1.5]})})
    data = excel.workbook_bytes(**kwargs)
    assert data[:4] == b"PK\x03\x04"
    path = excel.write_workbook(tmp_path / "w.xlsx", **kwargs)
    for sheet in ("Invoer", "Aannames", "t"):
        pd.testing.assert_frame_equal(pd.read_excel(io.BytesIO(data), sheet_name=sheet),
                                      pd.read_excel(path, sheet_name=sheet))
