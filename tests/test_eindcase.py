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
    ("advies.xlsx", {"results": {"x" * 32: pd.DataFrame()}}, "sheet name"),
    ("advies.xlsx", {"results": {"Invoer": pd.DataFrame()}}, "reserved"),
])
def test_export_rejects_bad_input(tmp_path, path, kwargs, word):
    args = dict(inputs={}, assumptions={}, results={})
    args.update(kwargs)
    with pytest.raises(ValueError, match=word):
        eindcase.export_workbook(tmp_path / path, **args)
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
        eindcase.export_workbook(**args)
    assert not (tmp_path / "advies.xlsx").exists()


def test_figures_draw_what_the_tables_say():
    from wfmcourse import datasets, rapportage

    data = datasets.load_intervals()
    report = rapportage.weekly_report(data)
    ax = eindcase.watermelon_figure(report, highlight=12).axes[0]
    np.testing.assert_allclose([bar.get_height() for bar in ax.patches], report["service_level"])
    red = [line for line in ax.get_lines() if line.get_label().startswith("aandeel")][0]
    np.testing.assert_allclose(red.get_ydata(), report["share_below_target"])
    assert "week 12" in [t.get_text() for t in ax.texts]
    with pytest.raises(ValueError, match="highlight must be <= 53, got 60"):
        eindcase.watermelon_figure(report, highlight=60)

    table = rapportage.service_level_by_hour(data, weeks=[11, 12])
    fig = eindcase.hour_heatmap(table)
    np.testing.assert_allclose(fig.axes[0].images[0].get_array(), table.to_numpy())
    assert "51%" in [t.get_text() for t in fig.axes[0].texts]      # week 12, 10:00: the training

    week = data.loc["2025-11-17"]
    required = week["agents_required"]
    staffed = week["agents_staffed"]
    ax = eindcase.gap_figure(required, staffed).axes[0]
    open_part = (required > 0) | (staffed > 0)
    first, last = np.flatnonzero(open_part)[[0, -1]]
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), required.iloc[first:last + 1])
    assert ax.get_xticklabels()[0].get_text() == required.index[first].strftime("%H:%M")
    with pytest.raises(ValueError, match="same index"):
        eindcase.gap_figure(required, staffed.iloc[:-1])
    with pytest.raises(ValueError, match="zero everywhere"):
        eindcase.gap_figure(required * 0, staffed * 0)
