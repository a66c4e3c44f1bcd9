"""wfmcourse.data.datasets: the loaders return the documented frames and reject broken files by file,
line and column."""
import numpy as np
import pandas as pd
import pytest

from wfmcourse.data import datasets
from wfmcourse.data.files import DataFileError, data_path

HEAD = 400          # lines of a shipped file used for the broken copies (keeps the tests fast)


def _lines(name):
    return data_path(name).read_text(encoding="utf-8").splitlines()[:HEAD]


def _write(tmp_path, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _edit(tmp_path, name, line, column, value, *, where=None):
    """A copy of the first lines of ``name`` with one cell changed (``line`` counts the header as 1).

    With ``where`` (a function of the row dict) the first line after the header that matches is
    edited instead; returns (path, line number).
    """
    lines = _lines(name)
    header = lines[0].split(",")
    if where is not None:
        line = next(i + 1 for i, text in enumerate(lines) if i and where(dict(zip(header, text.split(",")))))
    cells = lines[line - 1].split(",")
    cells[header.index(column)] = value
    lines[line - 1] = ",".join(cells)
    return _write(tmp_path, name, lines), line


def _raises(path, load, line, column, words=""):
    with pytest.raises(DataFileError) as info:
        load(path)
    message = str(info.value)
    assert message.startswith(f"{path.name}: ")
    assert f"line {line}, column '{column}'" in message
    assert words in message
    assert info.value.line == line and info.value.column == column
    return message


# ---------------------------------------------------------------------------
# the shipped files load with the documented types
# ---------------------------------------------------------------------------
def test_load_intervals_types():
    frame = datasets.load_intervals()
    assert isinstance(frame.index, pd.DatetimeIndex) and frame.index.name == "interval_start"
    assert frame.index.is_monotonic_increasing and frame.index.is_unique
    assert list(frame.columns) == [c for c in datasets.INTERVALS_SCHEMA if c != "interval_start"]
    assert frame["is_open"].dtype == bool
    for column in ("calls_offered", "calls_answered", "calls_abandoned", "answered_in_time",
                   "agents_needed", "agents_staffed", "chats_offered"):
        assert frame[column].dtype == np.int64, column
    assert frame["aht"].dtype == float and frame["forecast_calls"].dtype == float
    assert frame["aht"].isna().sum() == (frame["calls_answered"] == 0).sum()
    assert set(frame["holiday"].unique()) >= {"", "Koningsdag"}


def test_load_contacts_types():
    frame = datasets.load_contacts()
    assert isinstance(frame.index, pd.RangeIndex)
    assert pd.api.types.is_datetime64_any_dtype(frame["arrival"])
    for column in ("contact_id", "customer_id", "wait", "talk", "hold", "acw"):
        assert frame[column].dtype == np.int64, column
    for column in ("abandoned", "avoidable", "repeat", "fcr"):
        assert frame[column].dtype == bool, column
    for column in ("csat", "nps", "ces"):
        assert str(frame[column].dtype) == "Int64", column
    assert set(frame["channel"]) == {"telefoon", "chat"}
    assert frame["contact_id"].is_unique


def test_load_agent_hours_types():
    frame = datasets.load_agent_hours()
    assert isinstance(frame.index, pd.RangeIndex)
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert (frame["date"] == frame["date"].dt.normalize()).all()
    assert frame["contract_hours"].dtype == np.int64
    hours = [c for c in frame.columns if c.endswith("_hours") and c != "contract_hours"]
    assert len(hours) == 9 and all(frame[c].dtype == float for c in hours)


def test_loaders_take_a_path(tmp_path):
    path = _write(tmp_path, "intervals.csv", _lines("intervals.csv"))
    assert len(datasets.load_intervals(path)) == HEAD - 1
    path = _write(tmp_path, "contacts.csv", _lines("contacts.csv"))
    assert len(datasets.load_contacts(path)) == HEAD - 1
    path = _write(tmp_path, "agent_hours.csv", _lines("agent_hours.csv"))
    assert len(datasets.load_agent_hours(path)) == HEAD - 1


# ---------------------------------------------------------------------------
# broken copies: schema errors
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("name, load, column", [
    ("intervals.csv", datasets.load_intervals, "calls_abandoned"),
    ("contacts.csv", datasets.load_contacts, "reason"),
    ("agent_hours.csv", datasets.load_agent_hours, "verzuim_hours"),
])
def test_missing_column(tmp_path, name, load, column):
    frame = pd.read_csv(data_path(name), dtype=str, keep_default_na=False, nrows=50)
    path = tmp_path / name
    frame.drop(columns=column).to_csv(path, index=False)
    _raises(path, load, 1, column, "missing from the header")


@pytest.mark.parametrize("name, load, column", [
    ("intervals.csv", datasets.load_intervals, "calls_offered"),
    ("contacts.csv", datasets.load_contacts, "wait"),
    ("agent_hours.csv", datasets.load_agent_hours, "paid_hours"),
])
def test_not_a_number(tmp_path, name, load, column):
    path, line = _edit(tmp_path, name, 37, column, "veel")
    _raises(path, load, line, column, "not a number (got 'veel')")


def test_bad_choice_and_bounds(tmp_path):
    path, line = _edit(tmp_path, "contacts.csv", 12, "channel", "email")
    _raises(path, datasets.load_contacts, line, "channel", "must be one of telefoon, chat")
    path, line = _edit(tmp_path, "contacts.csv", 0, "nps", "11", where=lambda r: r["nps"] != "")
    _raises(path, datasets.load_contacts, line, "nps", "must be <= 10")
    path, line = _edit(tmp_path, "intervals.csv", 5, "is_open", "2")
    _raises(path, datasets.load_intervals, line, "is_open", "must be 0 or 1")
    path, line = _edit(tmp_path, "agent_hours.csv", 8, "team", "Team IJssel")
    _raises(path, datasets.load_agent_hours, line, "team", "must be one of")
    path, line = _edit(tmp_path, "intervals.csv", 9, "interval_start", "2025-13-01T02:00:00")
    _raises(path, datasets.load_intervals, line, "interval_start", "not a date-time")


# ---------------------------------------------------------------------------
# broken copies: rules across columns
# ---------------------------------------------------------------------------
def _busy(row):
    return row["is_open"] == "1" and int(row["calls_answered"]) > 3


def test_answered_above_offered(tmp_path):
    lines = _lines("intervals.csv")
    header = lines[0].split(",")
    line = next(i + 1 for i, text in enumerate(lines) if i and _busy(dict(zip(header, text.split(",")))))
    cells = lines[line - 1].split(",")
    offered = int(cells[header.index("calls_offered")])
    cells[header.index("calls_answered")] = str(offered + 5)
    lines[line - 1] = ",".join(cells)
    path = _write(tmp_path, "intervals.csv", lines)
    message = _raises(path, datasets.load_intervals, line, "calls_offered",
                      "calls_answered + calls_abandoned must equal calls_offered")
    assert f"{offered + 5} + " in message


def test_in_time_above_answered(tmp_path):
    path, line = _edit(tmp_path, "intervals.csv", 0, "answered_in_time", "999", where=_busy)
    _raises(path, datasets.load_intervals, line, "answered_in_time", "cannot exceed calls_answered")


def test_aht_must_match_answered_calls(tmp_path):
    path, line = _edit(tmp_path, "intervals.csv", 0, "aht", "", where=_busy)
    _raises(path, datasets.load_intervals, line, "aht", "required when calls were answered")
    path, line = _edit(tmp_path, "intervals.csv", 3, "aht", "300.00")
    _raises(path, datasets.load_intervals, line, "aht", "must be empty")


def test_closed_interval_without_calls(tmp_path):
    path, line = _edit(tmp_path, "intervals.csv", 0, "is_open", "0", where=_busy)
    _raises(path, datasets.load_intervals, line, "calls_offered", "must be 0 when is_open is 0")


def test_interval_order_and_grid(tmp_path):
    lines = _lines("intervals.csv")
    lines[20], lines[21] = lines[21], lines[20]
    path = _write(tmp_path, "intervals.csv", lines)
    _raises(path, datasets.load_intervals, 22, "interval_start", "time order")
    path, line = _edit(tmp_path, "intervals.csv", 30, "interval_start", "2025-01-01T07:10:00")
    _raises(path, datasets.load_intervals, line, "interval_start", "quarter hour")


def test_abandoned_contact_rules(tmp_path):
    answered = lambda r: r["abandoned"] == "0"        # noqa: E731
    path, line = _edit(tmp_path, "contacts.csv", 0, "abandoned", "1",
                       where=lambda r: answered(r) and r["fcr"] == "0" and r["csat"] == "")
    _raises(path, datasets.load_contacts, line, "talk", "must be 0 for an abandoned contact")
    path, line = _edit(tmp_path, "contacts.csv", 0, "talk", "0", where=answered)
    _raises(path, datasets.load_contacts, line, "talk", "above 0 for an answered contact")
    path, line = _edit(tmp_path, "contacts.csv", 0, "ces", "", where=lambda r: r["csat"] != "")
    _raises(path, datasets.load_contacts, line, "csat", "all filled in or all empty")


def test_contact_ids_and_reason_flags(tmp_path):
    lines = _lines("contacts.csv")
    lines[10] = lines[10].replace(lines[10].split(",")[0], lines[9].split(",")[0], 1)
    path = _write(tmp_path, "contacts.csv", lines)
    _raises(path, datasets.load_contacts, 11, "contact_id", "duplicate contact_id")
    path, line = _edit(tmp_path, "contacts.csv", 0, "avoidable", "1",
                       where=lambda r: r["reason"] == "factuur")
    lines = path.read_text().splitlines()
    first = next(i + 1 for i, t in enumerate(lines) if i and t.split(",")[9] == "factuur")
    assert first == line               # the first 'factuur' line sets the flag; a later one clashes
    later = next(i + 1 for i, t in enumerate(lines) if i + 1 > line and t.split(",")[9] == "factuur")
    _raises(path, datasets.load_contacts, later, "avoidable", "'factuur' is marked 0")


def test_agent_hours_rules(tmp_path):
    worked = lambda r: float(r["scheduled_hours"]) > 1       # noqa: E731
    path, line = _edit(tmp_path, "agent_hours.csv", 0, "verlof_hours", "1.00", where=worked)
    _raises(path, datasets.load_agent_hours, line, "paid_hours", "the parts add up to")
    path, line = _edit(tmp_path, "agent_hours.csv", 0, "logged_in_hours", "23.00", where=worked)
    _raises(path, datasets.load_agent_hours, line, "logged_in_hours", "cannot exceed scheduled_hours")
    path, line = _edit(tmp_path, "agent_hours.csv", 0, "productive_hours", "23.00", where=worked)
    _raises(path, datasets.load_agent_hours, line, "productive_hours", "cannot exceed logged_in_hours")
    lines = _lines("agent_hours.csv")
    lines.append(lines[5])
    path = _write(tmp_path, "agent_hours.csv", lines)
    _raises(path, datasets.load_agent_hours, len(lines), "agent_id", "duplicate agent_id + date")


def test_missing_file_is_a_file_not_found_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        datasets.load_contacts(tmp_path / "nope.csv")


# ---------------------------------------------------------------------------
# read_table: the line in an error is the physical line of the file
# ---------------------------------------------------------------------------
def test_line_after_blank_lines_and_a_quoted_line_break_is_the_physical_line(tmp_path):
    from wfmcourse.data.files import Column, read_table

    path = tmp_path / "t.csv"
    # line 1 header, 2 ok, 3-4 blank, 5-6 one record with a quoted line break, 7 bad
    path.write_text('name,calls\na,1\n\n\n"b\nb",2\nc,x\n', encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_table(path, {"name": Column("str"), "calls": Column("int")})
    assert info.value.line == 7 and info.value.column == "calls"
    assert "line 7, column 'calls'" in str(info.value)


def test_a_row_with_another_number_of_fields_is_refused_at_its_line(tmp_path):
    from wfmcourse.data.files import Column, read_table

    for body, line in (('name,calls\na,1\n\nb,2,3\n', 4), ('name,calls\na\n', 2)):
        path = tmp_path / "t.csv"
        path.write_text(body, encoding="utf-8")
        with pytest.raises(DataFileError, match="fields, the header has 2") as info:
            read_table(path, {"name": Column("str"), "calls": Column("int")})
        assert info.value.line == line


def test_a_duplicated_column_is_refused(tmp_path):
    from wfmcourse.data.files import Column, read_table

    path = tmp_path / "t.csv"
    path.write_text("calls,calls\n1,2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="appears twice") as info:
        read_table(path, {"calls": Column("int")})
    assert info.value.line == 1 and info.value.column == "calls"
