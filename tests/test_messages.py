"""The Dutch message table (wfmcourse.presentation.messages): every kind the package raises has Dutch."""
import ast
from pathlib import Path

import pytest

from wfmcourse.data import intervals
from wfmcourse.data.files import DataFileError
from wfmcourse.presentation import dutch, messages
from wfmcourse.validation import ParameterTypeError, ParameterValueError, value_error

PACKAGE = Path(__file__).resolve().parents[1] / "wfmcourse"


def _literal_kinds():
    """Kinds in the source: the third argument (or ``kind=``) of every value_error,
    ParameterValueError and ParameterTypeError call; "type" for type_error."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if func == "type_error":
                found.setdefault("type", path.name)
            if func not in ("value_error", "ParameterValueError", "ParameterTypeError"):
                continue
            args = list(node.args[2:3]) + [k.value for k in node.keywords if k.arg == "kind"]
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, path.name)
    return found


def _file_kinds():
    """Kinds of the interval reader's DataFileError: every literal passed to _refuse or assigned
    to ``kind``, and the problems it refuses cells for."""
    tree = ast.parse(Path(intervals.__file__).read_text())
    kinds = set(intervals._PROBLEMS)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_refuse":
            arg = node.args[3]
            if isinstance(arg, ast.Constant):
                kinds.add(arg.value)
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "kind" for t in node.targets):
            kinds |= {c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant)
                      and isinstance(c.value, str)}
    return kinds


def test_the_scan_finds_the_kinds():
    found = _literal_kinds()
    assert {"type", "too_small", "not_finite", "needs_patience", "unreachable", "step"} <= set(found)
    assert {"decimal_comma", "too_many_fields", "workbook", "not_whole"} <= _file_kinds()


def test_every_parameter_kind_has_dutch():
    kinds = set(_literal_kinds()) | set(dutch._NUMBER_PROBLEMS)
    missing = sorted(kinds - set(messages.KINDS))
    assert missing == [], f"kinds without a Dutch sentence in messages.KINDS: {missing}"


def test_every_file_kind_has_dutch():
    missing = sorted(_file_kinds() - set(messages.FILE_KINDS))
    assert missing == [], f"file kinds without a Dutch sentence in messages.FILE_KINDS: {missing}"


@pytest.mark.parametrize("kind", sorted(messages.KINDS))
def test_each_kind_gives_a_dutch_sentence(kind):
    sentence = messages.explain(ParameterValueError("iets", 3.5, kind, "iets must be ..., got 3.5"))
    assert sentence.strip() and "must" not in sentence and "got" not in sentence


def test_the_message_is_keyed_on_the_error_not_its_text():
    """The same kind and parameter give the same sentence, whatever the English says."""
    one = messages.explain(value_error("aht", 0, "too_small", "be > 0"))
    two = messages.explain(ParameterValueError("aht", 0, "too_small", "completely different words"))
    assert one == two == "De AHT moet groter dan 0 seconden zijn: elk gesprek kost tijd. Ingevuld: 0."
    assert messages.explain(ValueError("aht must be > 0, got 0")) == messages.GENERIC


def test_typed_text_is_quoted():
    error = ParameterTypeError("days_per_week", 2.5, "not_integer", "...")
    assert messages.explain(error, {"days_per_week": "2,5"}).endswith("Ingevuld: 2,5.")
    assert messages.explain(error).endswith("Ingevuld: 2,5.")      # the value the Dutch way


def test_file_errors_name_file_line_and_column():
    with pytest.raises(DataFileError) as info:
        intervals.read(b"calls\n10\nveel\n", name="f.csv", aht=180)
    assert messages.explain(info.value) == ("Het bestand f.csv klopt niet (regel 3, kolom 'calls'): "
                                            "dit is geen getal. Gevonden: 'veel'.")


@pytest.mark.parametrize("text, value", [("12,5", 12.5), ("12.5", 12.5), (" 1.234,5 ", 1234.5),
                                         ("-3", -3.0), ("1e-3", 0.001), ("0,85", 0.85)])
def test_parse_number(text, value):
    assert dutch.parse_number(text, "x") == value


@pytest.mark.parametrize("text, kind", [("1.234", "ambiguous_number"), ("1,234", "ambiguous_number"),
                                        ("veel", "not_a_number"), ("", "not_a_number"),
                                        ("nan", "not_a_number"), ("1" * 400, "not_finite")])
def test_parse_number_refuses(text, kind):
    with pytest.raises(ParameterValueError) as info:
        dutch.parse_number(text, "aht")
    assert (info.value.parameter, info.value.kind, info.value.value) == ("aht", kind, text)
    with pytest.raises(ParameterTypeError):
        dutch.parse_number(12, "aht")


def test_a_fraction_given_as_a_percentage_says_how_to_write_it():
    text = messages.explain(ParameterValueError("target", 80, "too_large", "x"))
    assert "0,8 voor 80 %" in text and text.endswith("Ingevuld: 80.")
    assert "0,8 voor 80 %" in messages.explain(ParameterTypeError("target", "80%", "type", "x"))
    assert "0,3 voor 30 %" in messages.explain(ParameterValueError("shrinkage", 30, "too_large", "x"))
    assert "voor" not in messages.explain(ParameterValueError("target", 800, "too_large", "x"))
    assert "voor" not in messages.explain(ParameterValueError("aht", 80, "too_large", "x"))
    assert "Ingevuld" not in messages.explain(ParameterValueError("target", 80, "too_large", "x"), value=False)


def test_the_notebooks_parameters_have_a_sentence():
    for name in ("traffic", "agents", "aht", "awt", "patience", "shrinkage", "answered", "offered",
                 "answered_in_time", "abandoned", "target"):
        assert name in messages.PARAMETERS, name
