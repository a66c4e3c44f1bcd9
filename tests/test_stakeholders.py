"""wfmcourse.domain.stakeholders (quadrant logic, the effect helpers) and its data file, read by
wfmcourse.data.datasets.load_stakeholders (the map is tested in tests/test_charts.py)."""
import csv
import io

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wfmcourse.data import datasets
from wfmcourse.data.files import DataFileError, data_path
from wfmcourse.domain import stakeholders as sh
from wfmcourse.presentation.dutch import LABELS

REQUIRED = ["directie", "marketing", "hr", "recruitment", "management", "it", "bi",
            "ondernemingsraad", "outsource-partij", "finance", "postkamer"]


@pytest.fixture(scope="module")
def frame():
    return datasets.load_stakeholders()


# ---------------------------------------------------------------------------
# the shipped file
# ---------------------------------------------------------------------------
def test_all_required_parties_present(frame):
    names = set(frame["stakeholder"].str.casefold())
    assert set(REQUIRED) <= names
    assert {n.casefold() for n in datasets.CORE_STAKEHOLDERS} <= names


def test_needs_are_filled_in_both_ways(frame):
    for column in ["role", "needs_from_wfm", "wfm_needs", "trigger", "effect_example"]:
        assert (frame[column].str.len() >= 20).all(), column   # a real sentence, not a stub
    assert (frame["rhythm"].str.len() > 0).all()
    # needs both ways really differ
    assert (frame["needs_from_wfm"] != frame["wfm_needs"]).all()


def test_types_scores_and_signs(frame):
    assert frame["stakeholder"].is_unique
    assert frame["effect_type"].isin(sh.EFFECT_TYPES).all()
    assert frame["influence"].between(1, 5).all() and frame["interest"].between(1, 5).all()
    assert ((frame["effect_size"] > -1) & (frame["effect_size"] <= 1)).all()
    for etype, size in zip(frame["effect_type"], frame["effect_size"]):
        assert sh.effect_size_problem(etype, size) is None
    # the course cases: a peak, an invoice shift and a capacity loss are all in the file
    assert {"volume_peak", "volume_shift", "capacity_loss"} <= set(frame["effect_type"])


def test_every_quadrant_occurs_in_the_shipped_map(frame):
    assert set(sh.quadrant(frame["influence"], frame["interest"])) == set(sh.QUADRANTS)


def test_load_default_path_is_the_data_file(frame):
    pd.testing.assert_frame_equal(datasets.load_stakeholders(data_path("stakeholders.csv")), frame)


# ---------------------------------------------------------------------------
# quadrant
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("influence, interest, threshold, expected", [
    (5, 5, 3, "manage_closely"),
    (5, 1, 3, "keep_satisfied"),
    (1, 5, 3, "keep_informed"),
    (1, 1, 3, "monitor_only"),
    (3, 3, 3, "manage_closely"),      # the threshold is inclusive
    (2, 3, 3, "keep_informed"),
    (3, 2, 3, "keep_satisfied"),
    (2, 2, 3, "monitor_only"),
    (4, 4, 5, "monitor_only"),
    (5, 4, 5, "keep_satisfied"),
    (1, 2, 2, "keep_informed"),
])
def test_quadrant_table(influence, interest, threshold, expected):
    assert sh.quadrant(influence, interest, threshold) == expected


def test_quadrant_vectorised_keeps_shape_and_index():
    arr = sh.quadrant(np.array([5, 1]), np.array([5, 1]))
    assert isinstance(arr, np.ndarray) and arr.tolist() == ["manage_closely", "monitor_only"]
    series = sh.quadrant(pd.Series([5, 2], index=["a", "b"]), pd.Series([1, 4], index=["a", "b"]))
    assert list(series.index) == ["a", "b"]
    assert series.tolist() == ["keep_satisfied", "keep_informed"]
    assert sh.quadrant([[5, 1], [1, 5]], 5).shape == (2, 2)


scores = st.integers(min_value=1, max_value=5)


@given(scores, scores, st.integers(min_value=2, max_value=5))
def test_quadrant_property_exactly_one_and_boundary(influence, interest, threshold):
    label = sh.quadrant(influence, interest, threshold)
    assert sum(label == q for q in sh.QUADRANTS) == 1
    high_inf = label in ("manage_closely", "keep_satisfied")
    high_int = label in ("manage_closely", "keep_informed")
    assert high_inf == (influence >= threshold)
    assert high_int == (interest >= threshold)


@pytest.mark.parametrize("kwargs, name, shown", [
    (dict(influence=0, interest=3), "influence", "0"),
    (dict(influence=3, interest=6), "interest", "6"),
    (dict(influence=2.5, interest=3), "influence", "2.5"),
    (dict(influence=[3, 9], interest=3), "influence", "9"),
    (dict(influence=np.nan, interest=3), "influence", "nan"),
    (dict(influence=3, interest=3, threshold=1), "threshold", "1"),
    (dict(influence=3, interest=3, threshold=6), "threshold", "6"),
    (dict(influence=3, interest=3, threshold=2.5), "threshold", "2.5"),
])
def test_quadrant_rejects_bad_scores(kwargs, name, shown):
    with pytest.raises(ValueError, match=name) as info:
        sh.quadrant(**kwargs)
    assert shown in str(info.value)


# ---------------------------------------------------------------------------
# loader errors name file, line and column
# ---------------------------------------------------------------------------
def _write_modified(tmp_path, edit):
    lines = data_path("stakeholders.csv").read_text(encoding="utf-8").splitlines()
    target = tmp_path / "stakeholders_kapot.csv"
    target.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")
    return target


def _replace_field(line, column_index, new_value):
    fields = next(csv.reader([line]))
    fields[column_index] = new_value
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(fields)
    return out.getvalue()


COLUMNS = list(datasets.STAKEHOLDERS_SCHEMA)


def _set(row_number, column, value):
    """Edit: set ``column`` on file line ``row_number`` (header = 1)."""
    def edit(lines):
        lines[row_number - 1] = _replace_field(lines[row_number - 1], COLUMNS.index(column), value)
        return lines
    return edit


@pytest.mark.parametrize("edit, line, column, words", [
    (_set(4, "effect_type", "volumepiek"), 4, "effect_type", "must be one of"),
    (_set(3, "influence", "7"), 3, "influence", "<= 5"),
    (_set(5, "interest", "0"), 5, "interest", ">= 1"),
    (_set(2, "effect_size", "-1"), 2, "effect_size", "> -1"),
    (_set(2, "effect_size", "1.5"), 2, "effect_size", "<= 1"),
    (_set(3, "effect_size", "-0.25"), 3, "effect_size", "volume_peak"),
    (_set(6, "wfm_needs", ""), 6, "wfm_needs", "required"),
    (_set(7, "stakeholder", "hr"), 7, "stakeholder", "duplicate"),
    (lambda lines: lines + [lines[1]], 13, "stakeholder", "duplicate"),
])
def test_loader_errors_name_file_line_and_column(tmp_path, edit, line, column, words):
    path = _write_modified(tmp_path, edit)
    with pytest.raises(DataFileError) as info:
        datasets.load_stakeholders(path)
    err = info.value
    assert (err.line, err.column) == (line, column)
    message = str(err)
    assert "stakeholders_kapot.csv" in message and f"line {line}" in message
    assert f"'{column}'" in message and words in message


def test_loader_missing_column(tmp_path):
    def drop_interest(lines):
        index = COLUMNS.index("interest")
        out = []
        for line in lines:
            fields = next(csv.reader([line]))
            del fields[index]
            buf = io.StringIO()
            csv.writer(buf, lineterminator="").writerow(fields)
            out.append(buf.getvalue())
        return out
    path = _write_modified(tmp_path, drop_interest)
    with pytest.raises(DataFileError, match=r"stakeholders_kapot\.csv: line 1, column 'interest'"):
        datasets.load_stakeholders(path)


# ---------------------------------------------------------------------------
# effect helpers
# ---------------------------------------------------------------------------
def test_campaign_peak():
    assert sh.campaign_peak(400, 0.25) == pytest.approx(500.0)
    out = sh.campaign_peak(np.array([100.0, 100.0, 100.0]), [0.3, 0.1, 0.0])
    np.testing.assert_allclose(out, [130.0, 110.0, 100.0])
    series = sh.campaign_peak(pd.Series([10.0, 20.0], index=["ma", "di"], name="volume"), 0.5)
    assert list(series.index) == ["ma", "di"] and series.tolist() == [15.0, 30.0]


def test_quadrant_keys_have_dutch_labels():
    assert [LABELS[q] for q in sh.QUADRANTS] == ["nauw betrekken", "tevreden houden", "informeren", "monitoren"]
    assert [LABELS[e] for e in sh.EFFECT_TYPES] == ["volumepiek", "volumeverschuiving", "capaciteitsverlies",
                                                    "capaciteitswinst", "geen"]


def test_effect_size_problem_names_the_rule():
    assert sh.effect_size_problem("volume_peak", 0.25) is None
    assert "volume_peak" in sh.effect_size_problem("volume_peak", -0.25)
    assert "> -1" in sh.effect_size_problem("capacity_loss", -1.0)
    assert sh.effect_size_problem("no_effect", 0.0) is None
    with pytest.raises(ValueError, match="effect_type"):
        sh.effect_size_problem("piek", 0.1)
    with pytest.raises(TypeError, match="size"):
        sh.effect_size_problem("no_effect", "0")


def test_effect_helpers_keep_the_index_of_either_series():
    uplift = pd.Series([0.5, 0.0], index=["ma", "di"], name="opslag")
    out = sh.campaign_peak(100.0, uplift)
    assert isinstance(out, pd.Series) and list(out.index) == ["ma", "di"] and out.tolist() == [150.0, 100.0]
    agents = pd.Series([40.0, 20.0], index=pd.Index([9, 10], name="uur"), name="agents")
    lost = sh.capacity_loss(agents, 0.25)
    assert lost.index.equals(agents.index) and lost.name == "agents" and lost.tolist() == [30.0, 15.0]
    assert sh.capacity_gain(agents, 0.5).tolist() == [60.0, 30.0]
    assert isinstance(sh.apply_effect(agents, "no_effect", 0), pd.Series)
    with pytest.raises(ValueError, match="same index"):
        sh.campaign_peak(pd.Series([1.0, 2.0]), pd.Series([0.1, 0.2], index=[5, 6]))
    weeks = pd.Series([100.0, 400.0], index=pd.Index([1, 2], name="week"))
    longer = sh.shifted_volume(weeks, 0.5, cyclic=False)        # one week longer: no index to keep
    assert isinstance(longer, np.ndarray) and longer.tolist() == [50.0, 250.0, 200.0]
    assert isinstance(sh.capacity_loss(60, 0.15), float)


def test_shifted_volume_invoice_in_two_parts():
    # monthly cycle with the invoice week in week 2: half of its reaction moves a week on
    out = sh.shifted_volume([100, 400, 100, 100], 0.5)
    np.testing.assert_allclose(out, [100, 250, 250, 100])
    out = sh.shifted_volume([100, 400, 100, 100], 0.5, cyclic=False)
    np.testing.assert_allclose(out, [50, 250, 250, 100, 50])
    out = sh.shifted_volume([0, 300, 0, 0], 1.0, weeks=3)
    np.testing.assert_allclose(out, [100, 0, 100, 100])


@given(
    st.lists(st.floats(min_value=0, max_value=1e5, allow_nan=False), min_size=1, max_size=20),
    st.floats(min_value=0, max_value=1),
    st.integers(min_value=1, max_value=6),
    st.booleans(),
)
def test_shifted_volume_conserves_the_total(volume, share, weeks, cyclic):
    out = sh.shifted_volume(volume, share, weeks, cyclic=cyclic)
    assert out.sum() == pytest.approx(sum(volume), rel=1e-9, abs=1e-6)
    assert np.all(out >= -1e-9)
    assert len(out) == len(volume) + (0 if cyclic else weeks)


def test_shifted_volume_vectorised_and_series():
    two = sh.shifted_volume(np.array([[100, 200, 300], [10, 20, 30]]), [[0.5], [0.1]])
    np.testing.assert_allclose(two.sum(axis=1), [600, 60])
    series = pd.Series([100.0, 400.0], index=pd.Index([1, 2], name="week"))
    out = sh.shifted_volume(series, 0.25)
    assert isinstance(out, pd.Series) and out.index.equals(series.index)
    assert out.sum() == pytest.approx(500)
    assert sh.shifted_volume([5, 5], 0).tolist() == [5, 5]


def test_capacity_loss_and_gain():
    assert sh.capacity_loss(60, 0.15) == pytest.approx(51.0)
    np.testing.assert_allclose(sh.capacity_loss([20, 40], [0.0, 0.25]), [20, 30])
    assert sh.capacity_loss(60, 1.0) == 0.0
    assert sh.capacity_gain(60, 0.1) == pytest.approx(66.0)


def test_apply_effect_dispatches_with_file_signs(frame):
    assert sh.apply_effect(400, "volume_peak", 0.25) == pytest.approx(500)
    assert sh.apply_effect(60, "capacity_loss", -0.15) == pytest.approx(51)
    assert sh.apply_effect(60, "capacity_gain", 0.2) == pytest.approx(72)
    assert sh.apply_effect(60, "no_effect", 0) == 60.0
    np.testing.assert_allclose(sh.apply_effect([100, 400, 100, 100], "volume_shift", 0.5),
                               [100, 250, 250, 100])
    # every row of the shipped file can be applied as it stands
    for etype, size in zip(frame["effect_type"], frame["effect_size"]):
        out = sh.apply_effect(np.full(4, 100.0), etype, size)
        assert out.shape == (4,)
        if etype in ("volume_shift", "no_effect"):
            assert out.sum() == pytest.approx(400)


BAD = [
    (lambda: sh.campaign_peak(-5, 0.2), "volume", "-5"),
    (lambda: sh.campaign_peak(100, -0.2), "uplift", "-0.2"),
    (lambda: sh.campaign_peak([1, np.inf], 0.2), "volume", "inf"),
    (lambda: sh.campaign_peak([1, 2, 3], [0.1, 0.2]), "uplift", "(2,)"),
    (lambda: sh.shifted_volume([100, 100], 1.5), "share_moved", "1.5"),
    (lambda: sh.shifted_volume([100, 100], -0.1), "share_moved", "-0.1"),
    (lambda: sh.shifted_volume([100, 100], 0.5, weeks=0), "weeks", "0"),
    (lambda: sh.shifted_volume([100, 100], 0.5, weeks=1.5), "weeks", "1.5"),
    (lambda: sh.shifted_volume(100, 0.5), "weekly_volume", "100"),
    (lambda: sh.shifted_volume([], 0.5), "weekly_volume", "[]"),
    (lambda: sh.shifted_volume([100, -1], 0.5), "weekly_volume", "-1"),
    (lambda: sh.capacity_loss(-3, 0.1), "agents", "-3"),
    (lambda: sh.capacity_loss(30, 1.2), "loss_fraction", "1.2"),
    (lambda: sh.capacity_gain(30, -0.1), "gain_fraction", "-0.1"),
    (lambda: sh.apply_effect(100, "piek", 0.2), "effect_type", "piek"),
    (lambda: sh.apply_effect(100, "capacity_loss", 0.15), "effect_size", "0.15"),
    (lambda: sh.apply_effect(100, "volume_peak", -0.1), "effect_size", "-0.1"),
    (lambda: sh.apply_effect(100, "no_effect", 0.1), "effect_size", "0.1"),
    (lambda: sh.apply_effect(100, "capacity_loss", -1.0), "effect_size", "-1"),
    (lambda: sh.apply_effect(100, "volume_peak", [0.1, 0.2]), "effect_size", "0.1"),
]


def test_wrong_types_raise_type_error():
    """Text, flags and None are refused with TypeError (issue 13), also for the arguments that
    apply_effect only passes on."""
    with pytest.raises(TypeError, match="loss_fraction.*'veel'"):
        sh.capacity_loss(30, "veel")
    with pytest.raises(TypeError, match="cyclic must be True or False"):
        sh.shifted_volume([100, 100], 0.5, cyclic="ja")
    with pytest.raises(TypeError, match="weeks must be"):
        sh.apply_effect(100, "volume_peak", 0.2, weeks=None)
    with pytest.raises(TypeError, match="values must be"):
        sh.apply_effect("100", "volume_peak", 0.2)
    with pytest.raises(TypeError, match="effect_type must be one of"):
        sh.apply_effect(100, None, 0.2)


@pytest.mark.parametrize("call, name, shown", BAD)
def test_helpers_reject_bad_input(call, name, shown):
    with pytest.raises(ValueError, match=name) as info:
        call()
    assert shown in str(info.value)
