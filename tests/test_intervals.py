"""The interval-file reader (wfmcourse.data.intervals) and its two users, the CLI and the dashboard.

Issue #13 §4: a file is never read silently wrong. Each reported bug is reproduced here; the
command line and the dashboard accept and refuse the same table of files with the same Dutch
sentence; hypothesis checks the number rules and the physical line numbers.
"""
import datetime as dt
import html

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.apps import cli
from wfmcourse.apps import dashboard as d
from wfmcourse.data import intervals
from wfmcourse.data.files import DataFileError
from wfmcourse.presentation import messages
from wfmcourse.presentation.messages import explain


def refused(content, aht=180, name="f.csv") -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        intervals.read(content, name=name, aht=aht)
    return caught.value


def run_cli(tmp_path, capsys, content, *extra, name="f.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    code = cli.main(["staff", "--csv", str(path), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ---------------------------------------------------------------------------
# the reported bugs (each failed on the code before this reader)
# ---------------------------------------------------------------------------
def test_decimal_comma_in_a_comma_file_is_refused_with_its_line(tmp_path, capsys):
    """Was: calls = [5, 5] and exit 0."""
    code, out, err = run_cli(tmp_path, capsys, b"calls,aht\n12,5,180\n13,5,180\n")
    assert code == 1 and out == ""
    assert err.startswith("fout: Het bestand f.csv klopt niet (regel 2): deze regel heeft 3 velden, "
                          "de kopregel 2. Dit lijkt een decimale komma")
    assert "puntkomma's" in err and "decimale punt" in err
    error = refused(b"calls,aht\n12,5,180\n13,5,180\n")
    assert (error.kind, error.line, error.column) == ("decimal_comma", 2, None)
    assert "f.csv: line 2: 3 fields where the header has 2; this looks like a decimal comma" in str(error)


def test_dutch_thousands_separator_is_read_as_thousands():
    """Was: "1.234" in a semicolon file gave 1.234 calls."""
    forecast = d.read_forecast("nl.csv", b"calls;aht\n1.234;180\n12.345.678;200\n1.234,5;21,5\n")
    assert forecast.calls.tolist() == [1234, 12345678, 1234.5]
    assert forecast.aht.tolist() == [180, 200, 21.5]


def test_a_decimal_point_in_a_semicolon_file_is_refused():
    error = refused(b"calls;aht\n10;180\n1.5;180\n")
    assert (error.kind, error.line, error.column, error.value) == ("decimal_mark", 3, "calls", "1.5")
    assert "schrijf een decimale komma (12,5)" in explain(error)


@pytest.mark.parametrize("content", [
    b"calls,aht\n10,180\n\n\n\nveel,180\n",
    b"calls;aht\n10;180\n\n\n\nveel;180\n",
    b"calls;aht\r\n10;180\r\n\r\n\r\n\r\nveel;180\r\n",
    b"\xef\xbb\xbfcalls;aht\n10;180\n;\n\n\nveel;180\n",
])
def test_line_numbers_are_physical(tmp_path, capsys, content):
    """Was: line 4 in the CLI and the dashboard, line 3 in the semicolon path."""
    error = refused(content)
    assert (error.line, error.column) == (6, "calls")
    code, _, err = run_cli(tmp_path, capsys, content)
    assert code == 1 and "(regel 6, kolom 'calls')" in err
    assert "(regel 6, kolom 'calls')" in explain(error)


@pytest.mark.parametrize("content, line", [
    (b"\n\nsep=;\ncalls;calls\n1;2\n", 4),            # blank lines and Excel's sep= line count
    (b"\r\nuur;volume\r\n1;2\r\n", 2),            # (tijd;aantal is read since issue 19)
    (b'start,calls,aht\n"ma\n08:00",1,180\n\n08:15,x,180\n', 5),   # a quoted line break counts
])
def test_header_and_quoted_line_breaks_keep_physical_lines(content, line):
    assert refused(content).line == line


def test_a_file_with_only_a_header_is_an_error_in_the_cli(tmp_path, capsys):
    """Was: exit 0 and an empty table."""
    code, out, err = run_cli(tmp_path, capsys, b"calls,aht\n", "--aht", "180")
    assert code == 1 and out == ""
    assert "(regel 2, kolom 'calls'): er staat alleen een kopregel in, geen intervallen" in err


@pytest.mark.parametrize("content", [b"calls,aht,calls\n1,180,2\n", b"calls;calls\n1;2\n",
                                     b"calls, calls\n1,2\n"])
def test_a_duplicate_header_is_an_error_naming_the_column(content):
    """Was: accepted silently."""
    error = refused(content)
    assert (error.kind, error.line, error.column) == ("duplicate_column", 1, "calls")
    assert "kolom 'calls'): deze kolom staat twee keer in de kopregel" in explain(error)


@pytest.mark.parametrize("typed", ["1" * 400, "80 1" + "0" * 320, "2" * 309 + ",5"])
def test_parse_calls_refuses_numbers_that_overflow(typed):
    """Was: inf."""
    with pytest.raises(ValueError, match="calls must be numbers") as info:
        d.parse_calls(typed)
    assert info.value.kind == "not_finite"
    board = d.dashboard()
    board.calls.value = typed
    message = html.unescape(board.message.value)
    assert "te groot om mee te rekenen" in message and typed.split()[-1] in message
    assert board.plan is None


@pytest.mark.parametrize("typed", ["nan", "inf", "-inf", "NaN", "1e999"])
def test_parse_calls_refuses_nan_and_inf_literals(typed):
    with pytest.raises(ValueError, match="calls must be numbers") as info:
        d.parse_calls(typed)
    assert info.value.kind in ("not_a_number", "not_finite")


def test_the_cli_message_was_english_and_is_now_the_dashboards(tmp_path, capsys):
    content = b"calls,aht\n40,180\n-3,180\n"
    _, _, err = run_cli(tmp_path, capsys, content)
    assert err == "fout: " + explain(refused(content)) + "\n"
    assert "line" not in err and "regel 3" in err


# ---------------------------------------------------------------------------
# one table of files, two front ends, the same answer
# ---------------------------------------------------------------------------
GOOD = [
    (b"calls,aht\n40,180\n55.5,200\n", [40, 55.5], [180, 200]),
    (b"interval_start,calls\n2026-11-23 08:00,80\n2026-11-23 08:15,90\n", [80, 90], [180, 180]),
    ("\ufeffstart;calls;aht\nma 08:00;12,5;\nma 08:15;1.234;300\n".encode(), [12.5, 1234], [180, 300]),
    ("calls;opmerking\n10;drukte\n20;\u00e9\u00e9n\n".encode("cp1252"), [10, 20], [180, 180]),
    (b"sep=;\ncalls;aht\n12,5;180\n", [12.5], [180]),
    (b'calls,aht\n"1,234",180\n', [1234], [180]),
    (b"calls;aht;;\n12;180;;\n;;;\n\n13;190;;\n", [12, 13], [180, 190]),
    (b"calls\r\n12,5\r\n0.25\r\n1.234.567\r\n", [12.5, 0.25, 1234567], [180, 180, 180]),
    (b'start,calls,aht\n"ma\n08:00",1e3,180\n', [1000], [180]),
]
BAD = [   # content, kind, line, column
    (b"calls,aht\n12,5,180\n", "decimal_comma", 2, None),
    (b"start,calls,aht\n08:00,40,x,180\n", "too_many_fields", 2, None),
    (b"calls,aht\n40\n", "too_few_fields", 2, None),
    (b"calls,aht,\n12,5,180\n", "unnamed_column", 2, None),
    (b"calls;aht\n1.5;180\n", "decimal_mark", 2, "calls"),
    (b'calls,aht\n"12,5",180\n', "decimal_mark", 2, "calls"),
    (b"calls\n1.234\n", "ambiguous_number", 2, "calls"),
    (b"calls\n1,234\n", "ambiguous_number", 2, "calls"),
    (b"calls\n" + b"1" * 400 + b"\n", "not_finite", 2, "calls"),
    (b"calls\n1e400\n", "not_finite", 2, "calls"),
    (b"calls\nnan\n", "not_a_number", 2, "calls"),
    (b"calls\n10\ninf\n", "not_a_number", 3, "calls"),
    (b"calls,aht\n10,180\n\n\nveel,180\n", "not_a_number", 5, "calls"),
    (b"calls\n-1\n", "negative", 2, "calls"),
    (b"calls,aht\n1,0\n", "not_positive", 2, "aht"),
    (b"calls,agents\n1,2.5\n", "not_whole", 2, "agents"),
    (b"calls,agents\n1,1e30\n", "not_finite", 2, "agents"),
    (b"calls,agents\n1,\n", "value_required", 2, "agents"),
    (b"calls\n\n", "no_rows", 2, "calls"),
    (b"calls,calls\n1,2\n", "duplicate_column", 1, "calls"),
    (b"tijd,volume\n08:00,80\n", "missing_column", 1, "calls"),
    (b'calls,aht\n"1,180\n', "bad_quotes", 2, None),
    (b"calls,aht\n10,4.7\n", "aht_minutes", 2, "aht"),
    (b"tijd,calls\n08:00,10\ntotaal,10\n", "not_a_time", 3, "tijd"),
    (b"calls\n1\n2\n3\n6\n", "total_row", 5, "calls"),
    (b"tijd,calls\n2026-11-30 08:00,1\n30-11-2026 08:00,2\n", "duplicate_time", 3, "tijd"),
    (b"tijd,calls\n30-11-26 08:00,1\n", "ambiguous_date", 2, "tijd"),
    (b"datum,tijd,calls\n11/30/2026,08:00,1\n", "ambiguous_date", 2, "datum"),
    (b"", "empty", None, None),
    (b" \r\n\n", "empty", None, None),
    (b"PK\x03\x04\x14\x00\x06\x00", "workbook", None, None),
    (b"c\x00a\x00l\x00l\x00s\x00", "not_text", None, None),
    (b"calls\n\x81\x8d\n", "not_text", None, None),
]


@pytest.mark.parametrize("content, calls, aht", GOOD)
def test_good_files_read_the_same_in_cli_and_dashboard(tmp_path, capsys, content, calls, aht):
    forecast = d.read_forecast("f.csv", content, aht=180)
    assert forecast.calls.tolist() == calls and forecast.aht.tolist() == aht
    code, out, err = run_cli(tmp_path, capsys, content, "--aht", "180")
    assert code == 0 and err == ""
    data = intervals.read(tmp_path / "f.csv", aht=180)
    style = cli._csv_style(data)
    table = pd.read_csv(pd.io.common.StringIO(out), sep=style["sep"], decimal=style["decimal"],
                        dtype={"calls": str, "aht": str})
    assert table["verkeer (Erlang)"].to_numpy() == pytest.approx(np.array(calls) * np.array(aht) / 900,
                                                        rel=1e-6)
    assert len(table) == len(calls)


@pytest.mark.parametrize("content, kind, line, column", BAD)
def test_bad_files_are_refused_the_same_in_cli_and_dashboard(tmp_path, capsys, content, kind,
                                                             line, column):
    error = refused(content)
    assert (error.kind, error.line, error.column) == (kind, line, column)
    assert error.path.name == "f.csv" and isinstance(error, ValueError)
    sentence = explain(error)
    assert sentence.startswith("Het bestand f.csv klopt niet")
    if line is not None:
        assert f"regel {line}" in sentence
    if column is not None:
        shown = {"calls": "gesprekken"}.get(column, column) if kind == "missing_column" else column
        assert f"kolom '{shown}'" in sentence
    assert all(word not in sentence for word in ("line", "column", "got", "must"))
    code, out, err = run_cli(tmp_path, capsys, content, "--aht", "180")
    assert (code, out) == (1, "")
    assert err == "fout: " + " ".join(sentence.split()) + "\n"
    board = d.dashboard()
    board.source.value = "file"
    board.upload.value = ({"name": "f.csv", "type": "text/csv", "size": len(content),
                           "content": memoryview(content),
                           "last_modified": dt.datetime(2026, 11, 23)},)
    assert html.unescape(board.message.value).startswith(
        "<div class='wfm-fout' style='color:#b00020'><b>Controleer de invoer.</b> " + sentence)
    assert board.plan is None and board.error_field is board.upload


def test_every_kind_has_a_dutch_sentence():
    kinds = {kind for _, kind, _, _ in BAD} | {"too_large"}
    assert kinds == set(messages.FILE_KINDS)


def test_too_large_file_is_refused_before_reading(tmp_path, capsys):
    path = tmp_path / "groot.csv"
    with open(path, "wb") as handle:
        handle.truncate(intervals.MAX_BYTES + 1)        # sparse: nothing is written
    with pytest.raises(DataFileError) as caught:
        intervals.read(path, aht=180)
    assert caught.value.kind == "too_large" and caught.value.details["size"] == intervals.MAX_BYTES + 1
    code, _, err = run_cli(tmp_path, capsys, b"", "--aht", "180", name="leeg.csv")
    assert code == 1 and "leeg.csv klopt niet: het bestand is leeg" in err


def test_bad_default_aht_names_aht_before_the_file():
    with pytest.raises(ValueError, match=r"^aht must be > 0, got 0"):
        intervals.read(b"veel", name="x.csv", aht=0)
    with pytest.raises(ValueError, match=r"^aht must be one number"):
        intervals.read(b"calls\n1\n", name="x.csv", aht=[180, 200])


@pytest.mark.parametrize("source", [180, None, ["f.csv"], 1.5, {"calls": [1]}])
def test_a_source_of_the_wrong_type_is_a_type_error_naming_source(source):
    with pytest.raises(TypeError, match=r"^source must be the bytes of a file or a file path"):
        intervals.read(source, aht=180)


def test_missing_path_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        intervals.read(tmp_path / "weg.csv")


def test_cli_writes_a_dutch_file_back_the_dutch_way(tmp_path, capsys):
    src = tmp_path / "nl.csv"
    src.write_bytes(b"start;calls\nma 08:00;12,5\nma 08:15;1.234\n")
    out = tmp_path / "uit.csv"
    assert cli.main(["staff", "--csv", str(src), "--aht", "180", "--out", str(out)]) == 0
    capsys.readouterr()
    again = intervals.read(out, aht=180)              # its own output reads back
    assert again.separator == ";" and again.calls.tolist() == [12.5, 1234]
    assert again.text["verkeer (Erlang)"].tolist() == ["2,5", "246,8"]


def test_labels_and_text_are_kept():
    data = intervals.read(b"interval_start,calls,aht,note\n 08:00 ,1,180,x\n08:15,2,,\n",
                             name="a.csv", aht=200)
    assert data.labels == ["08:00", "08:15"] and data.lines.tolist() == [2, 3]
    assert list(data.text.columns) == ["interval_start", "calls", "aht", "note"]
    assert data.aht.tolist() == [180, 200] and data.agents is None


def test_windows_path_as_upload_name():
    assert d.read_forecast("C:\\Users\\x\\week.csv", b"calls\n5\n", aht=180).name == "week.csv"
    assert intervals.read(b"calls\n5\n", name="..", aht=180).name == "upload.csv"


# ---------------------------------------------------------------------------
# properties (hypothesis)
# ---------------------------------------------------------------------------
def dutch(value: float, grouped: bool) -> str:
    """How Dutch Excel writes a number: 1.234,5 (grouped) or 1234,5."""
    whole, _, decimals = f"{value:.3f}".rstrip("0").rstrip(".").partition(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", ".")
    return whole + ("," + decimals if decimals else "")


amounts = st.integers(0, 10**9).map(lambda n: n / 1000)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(amounts, st.booleans()), min_size=1, max_size=20))
def test_dutch_numbers_read_back_exactly(rows):
    content = "calls;aht\n" + "".join(f"{dutch(v, g)};180\n" for v, g in rows)
    data = intervals.read(content.encode(), name="nl.csv")
    expected = [float(f"{v:.3f}") for v, _ in rows]
    assert data.calls.tolist() == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(amounts, min_size=1, max_size=20))
def test_english_numbers_read_back_exactly(values):
    content = "calls,aht\n" + "".join(f'"{v:,}",180\n' if v >= 1000 else f"{v!r},180\n"
                                      for v in values)
    assert intervals.read(content.encode(), name="en.csv").calls.tolist() == values


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=2, max_size=12), st.data(),
       st.sampled_from([",", ";"]), st.sampled_from(["\n", "\r\n"]))
def test_the_reported_line_is_the_physical_line(blanks, data, sep, newline):
    """Blank lines anywhere; the bad row is reported on the line where it stands."""
    bad = data.draw(st.integers(0, len(blanks) - 1))
    lines = ["calls" + sep + "aht"]
    for row, before in enumerate(blanks):
        lines += [""] * before
        lines.append(("veel" if row == bad else str(row)) + sep + "180")
    where = len(lines) - lines[::-1].index("veel" + sep + "180")
    error = refused(newline.join(lines).encode())
    assert (error.line, error.column, error.kind) == (where, "calls", "not_a_number")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.text(alphabet="calsht,;.\"\n\r 0123456789-e", max_size=80)
       .map(lambda t: ("calls,aht\n" + t).encode()))
def test_any_bytes_are_read_or_refused_with_a_located_error(content):
    """Never another exception, never a number that is not finite and >= 0."""
    try:
        data = intervals.read(content, name="z.csv", aht=180)
    except DataFileError as error:
        assert error.kind in messages.FILE_KINDS
        assert explain(error).startswith("Het bestand z.csv klopt niet")
        return
    assert len(data.calls) >= 1 and np.all(np.isfinite(data.calls)) and np.all(data.calls >= 0)
    assert np.all(data.aht > 0) and len(data.lines) == len(data.calls)


# ---------------------------------------------------------------------------
# issue 19: Dutch headers and durations as clients write them
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("header", [
    "Tijd;Gesprekken;Afhandeltijd", "interval;aantal;AHT", "start;Aantal gesprekken;afhandeltijd (s)",
    "interval_start;calls;aht",
])
def test_dutch_headers_are_read(header):
    data = intervals.read(f"{header}\n08:00;12;300\n08:15;14;5:00\n".encode(), name="f.csv")
    assert data.calls.tolist() == [12, 14] and data.aht.tolist() == [300, 300]
    assert data.labels == ["08:00", "08:15"]
    assert list(data.text.columns) == header.split(";")            # written back as the client wrote it


def test_chats_column_is_typed_and_a_dutch_duplicate_is_refused():
    data = intervals.read(b"tijd;gesprekken;chats\n08:00;12;3\n", name="f.csv", aht=180)
    assert data.chats.tolist() == [3.0] and data.headers["chats"] == "chats"
    error = refused(b"calls;gesprekken\n1;2\n")
    assert (error.kind, error.column) == ("duplicate_column", "gesprekken")


@pytest.mark.parametrize("cell, seconds", [
    ("300", 300), ("5:00", 300), ("4:30", 270), ("1:02:03", 3723), ("4 min", 240), ("4min", 240),
    ("4,5 minuten", 270), ("240 s", 240), ("240 sec", 240), ("240 seconden", 240),
])
def test_read_duration(cell, seconds):
    assert intervals.read_duration(cell) == (seconds, None)


@pytest.mark.parametrize("cell, kind", [("4 uur", "not_a_number"), ("5:7", "not_a_number"),
                                        ("1.234 min", "ambiguous_number"), ("", "not_a_number")])
def test_read_duration_refuses(cell, kind):
    value, got = intervals.read_duration(cell)
    assert np.isnan(value) and got == kind


@pytest.mark.parametrize("cell, fraction", [("35", 0.35), ("35%", 0.35), ("35 %", 0.35), ("35,5 %", 0.355)])
def test_read_percent(cell, fraction):
    assert intervals.read_percent(cell) == (pytest.approx(fraction), None)


def test_a_bad_duration_in_a_file_names_the_dutch_column():
    error = refused(b"tijd;gesprekken;afhandeltijd\n08:00;12;vijf min\n")
    assert (error.line, error.column, error.kind) == (2, "afhandeltijd", "not_a_number")


# --- the consultant's review (#19 follow-up) ---------------------------------------------------
def test_a_total_row_without_a_time_is_refused_with_its_line():
    """Was: a "Totaal" row was read as an interval and doubled the volume."""
    error = refused(b"tijd;gesprekken;aht\n08:00;10;300\n08:15;20;300\n08:30;30;300\nTotaal;60;300\n")
    assert (error.kind, error.line, error.column, error.value) == ("not_a_time", 5, "tijd", "Totaal")
    assert "totaalregel" in explain(error)


def test_a_last_row_that_is_the_sum_of_the_others_is_refused():
    error = refused(b"gesprekken;aht\n10;300\n20;300\n30;300\n60;300\n")
    assert (error.kind, error.line, error.column) == ("total_row", 5, "gesprekken")
    assert "totaalregel" in explain(error)
    assert d.read_forecast("x.csv", b"gesprekken;aht\n10;300\n20;300\n30;300\n61;300\n").calls.sum() == 121
    assert d.read_forecast("x.csv", b"gesprekken;aht\n0;300\n1;300\n0;300\n1;300\n").calls.sum() == 2  # a quiet night


def test_an_aht_in_decimal_minutes_is_refused():
    """Was: "4,7" was read as 4,7 seconds (FTE 2,6)."""
    error = refused(b"gesprekken;aht\n10;4,7\n")
    assert (error.kind, error.line, error.value) == ("aht_minutes", 2, "4,7")
    assert "lijkt minuten; schrijf 4:42 of 4,7 min" in explain(error)
    assert d.read_forecast("x.csv", b"gesprekken;aht\n10;4,7 min\n").aht.tolist() == [282]


def test_dutch_day_first_dates_and_a_date_column_give_iso_labels_and_missing_days():
    forecast = d.read_forecast("x.csv", b"tijd;gesprekken;aht\n30-11-2026 08:00;10;300\n1-12-2026 8:00;12;300\n")
    assert forecast.labels == ["2026-11-30 08:00", "2026-12-01 08:00"]
    data = intervals.read(b"datum;tijd;gesprekken;AHT (sec)\n30-11-2026;08:00;10;300\n30-11-2026;08:15;12;300\n"
                          b"2-12-2026;08:00;12;300\n", name="x.csv")
    assert data.labels == ["2026-11-30 08:00", "2026-11-30 08:15", "2026-12-02 08:00"]
    assert data.missing_days == ("2026-12-01",)
    assert data.headers["aht"] == "AHT (sec)"
    midnight = intervals.read(b"datum;tijd;gesprekken;aht\n30-11-2026 00:00;08:15;10;300\n", name="x.csv")
    assert midnight.labels == ["2026-11-30 08:15"]
    assert intervals.read_time("30-11-26 08:00") == (None, None)        # two-digit year: ambiguous, refused
    assert intervals.read_time("08:00-08:15") == (None, "08:00")


def test_a_repeated_date_time_names_both_lines():
    error = refused(b"tijd;gesprekken;aht\n30-11-2026 08:00;10;300\n30-11-2026 08:00;10;300\n")
    assert (error.kind, error.line, error.details["first"]) == ("duplicate_time", 3, 2)
    assert "regel 2" in explain(error) and "Timestamp" not in explain(error)


@pytest.mark.parametrize("header", ["AHT (s)", "AHT (sec)", "afhandeltijd (s)", "Afhandeltijd in seconden",
                                    "aht (seconden)"])
def test_common_aht_headers_are_recognised(header):
    content = f"gesprekken;{header}\n10;300\n".encode()
    assert d.read_forecast("x.csv", content).aht.tolist() == [300]


def test_a_tab_file_or_a_title_line_names_the_separator_and_the_headers_found():
    tabs = explain(refused(b"tijd\tgesprekken\taht\n08:00\t10\t300\n"))
    assert "kolom 'gesprekken'" in tabs and "tabs" in tabs and "'tijd', 'gesprekken', 'aht'" in tabs
    title = explain(refused(b"Forecast week 48\ntijd;gesprekken;aht\n08:00;10;300\n"))
    assert "titelregel" in title and "'Forecast week 48'" in title and "kolom 'calls'" not in title
