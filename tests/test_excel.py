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


def test_finished_workbook_formats_chart_and_summary_first():
    """Issue 19: bold frozen headers, widths, Excel number formats (88,8 % in a Dutch Excel), a native chart."""
    import openpyxl

    table = pd.DataFrame({"nodig": [3, 4], "service level": [0.888, 0.9]}, index=pd.Index(["08:00", "08:15"],
                                                                                          name="interval"))
    data = excel.workbook_bytes(summary={"Service level": 0.888, "FTE": 12.345}, inputs={"AHT (s)": 180},
                                assumptions={"Model": "Erlang C"}, results={"Per interval": table},
                                formats={"service level": excel.PERCENT, "Service level": excel.PERCENT,
                                         "FTE": excel.ONE},
                                chart={"sheet": "Per interval", "bars": ["nodig"], "lines": ["service level"],
                                       "title": "Medewerkers per interval", "y_title": "medewerkers"})
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Samenvatting", "Per interval", "Invoer", "Aannames"]
    summary = book["Samenvatting"]
    assert (summary["B2"].value, summary["B2"].number_format) == (0.888, "0.0 %")
    assert (summary["B3"].value, summary["B3"].number_format) == (12.345, "#,##0.0")
    per = book["Per interval"]
    assert per["C2"].number_format == "0.0 %" and per["B2"].number_format == "General"
    assert per.freeze_panes == "B2" and per["A1"].font.b and per["C1"].font.b
    assert per.column_dimensions["C"].width >= len("service level")
    assert len(per._charts) == 1
    assert book["Invoer"]["B2"].value == 180


def test_chart_must_name_a_result_sheet_and_its_columns():
    table = pd.DataFrame({"x": [1.0]})
    with pytest.raises(ValueError, match="chart"):
        excel.workbook_bytes(inputs={}, assumptions={}, results={"t": table}, chart={"sheet": "nee"})
    with pytest.raises(ValueError, match="chart"):
        excel.workbook_bytes(inputs={}, assumptions={}, results={"t": table}, chart={"sheet": "t", "bars": ["y"]})
