"""Reading a CSV file of interval forecasts: one reader for the command line and the dashboard.

:func:`read` takes a path or the bytes of an upload and returns an :class:`IntervalFile`. A file
is read exactly or refused with a :class:`~wfmcourse.data.files.DataFileError` naming the file,
the physical line (1-based, counting the header and blank lines) and the column, with a stable
``kind`` that :func:`wfmcourse.presentation.messages.explain` turns into the one Dutch sentence
both front ends show.

The rules (documented for users in the README and ``data/README.md``):

* Text: UTF-8 (with or without BOM) or Windows-1252; an Excel workbook or other binary file is
  refused. At most :data:`MAX_BYTES`.
* Separator: comma, or semicolon (Dutch Excel); taken from the header line (an Excel
  ``sep=;`` first line is honoured). Every row must have as many fields as the header, so a
  decimal comma in a comma-separated file (``12,5,180`` under ``calls,aht``) is refused, not
  shifted into the next column. Blank lines (also ``;;;``) are skipped but counted.
* Numbers follow the separator. Comma file: decimal point, ``1,234`` (quoted) is 1234.
  Semicolon file: decimal comma, ``1.234`` and ``12.345.678`` are thousands (1234, 12345678),
  ``1.234,5`` is 1234.5; ``1.5`` is refused (a decimal point in a Dutch file: ambiguous).
  File with one column (no separator in the header): a decimal point or comma, but ``1.234`` and
  ``1,234`` are refused as ambiguous (1234 or 1.234?). ``nan``, ``inf`` and numbers too large
  for a float are refused.
* Columns: ``calls`` (required, >= 0), ``aht`` (seconds > 0; an empty cell takes the caller's
  ``aht``), ``agents`` (whole numbers >= 0, a given staffing), ``chats`` (>= 0, chats per
  interval, kept for the caller) and a label ``interval_start`` or ``start`` (text). Header names
  are matched without case, and the Dutch names clients use are accepted (:data:`ALIASES`):
  ``gesprekken``/``aantal`` for calls, ``afhandeltijd`` for aht, ``tijd``/``interval`` for the
  label. Other columns are kept as text. Names are unique (also after the Dutch names are
  mapped: ``calls`` and ``gesprekken`` together is a duplicate); a column without a name must stay
  empty. At least one interval.
* An AHT cell may also be a duration (:func:`read_duration`): ``5:00`` (minutes:seconds),
  ``1:02:03``, ``4 min``, ``4,5 minuten``, ``240 s`` or ``240 sec``. An AHT below
  :data:`MIN_AHT` (20 s) is refused (``"aht_minutes"``: ``4,7`` is minutes). ``AHT (sec)`` and
  similar headers with a seconds unit are the AHT column.
* Times (:func:`read_time`): a ``datum``/``date`` column and/or the label; ISO dates or Dutch
  day-first ``30-11-2026`` (four-digit year). When some rows have a date or time, a row without
  one is refused (``"not_a_time"``: a "Totaal" row), and so is a date that reads two ways
  (``"ambiguous_date"``: ``30-11-26``, ``11/30/2026``); with dates the labels become ISO
  ``YYYY-MM-DD HH:MM``, a repeated date-time is refused (``"duplicate_time"``) and weekdays
  without rows are listed in ``missing_days``. A last row (after at least three) whose calls are
  the sum of the rows above, and more than each of them, is refused (``"total_row"``).
"""
from __future__ import annotations

import codecs
import csv
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from wfmcourse.data.files import DataFileError, csv_records
from wfmcourse.validation import optional_array, text, type_error, value_error

__all__ = ["ALIASES", "LABEL_COLUMNS", "MAX_BYTES", "MIN_AHT", "IntervalFile", "read", "read_duration",
           "read_number", "read_percent", "read_time"]

MAX_BYTES = 5_000_000
LABEL_COLUMNS = ("interval_start", "start")
#: the smallest AHT (seconds) a file or a field may give: a smaller number is most likely minutes ("4,7")
MIN_AHT = 20.0

#: header names (lower case) -> the column they mean; the English names map onto themselves
ALIASES = {
    "calls": "calls", "gesprekken": "calls", "aantal": "calls", "aantal gesprekken": "calls",
    "aht": "aht", "aht (s)": "aht", "afhandeltijd": "aht", "afhandeltijd (s)": "aht",
    "agents": "agents", "chats": "chats", "aantal chats": "chats",
    "interval_start": "interval_start", "start": "start", "tijd": "start", "interval": "start",
    "begintijd": "start", "datum": "date", "date": "date", "dag": "date",
}
# a unit after an AHT header ("AHT (sec)", "afhandeltijd in seconden") says seconds: the same column
_SECONDS_SUFFIX = re.compile(r"\s*(?:\((?:s|sec|sec\.|secs|seconde|seconden|seconds)\)|in seconden|\[s\])$")
_WHOLE_LIMIT = 2.0 ** 53          # whole numbers above this are not exact as a float

# (thousands mark, decimal mark) pairs each separator allows; a number must read one way only
_NUMBER_STYLES = {",": ((",", "."),), ";": ((".", ","),), None: ((",", "."), (".", ","))}


@dataclass(frozen=True)
class _Column:
    """A typed column: ``whole`` numbers or not, bounds, and whether the header must have it."""

    whole: bool = False
    positive: bool = False          # > 0 rather than >= 0
    required: bool = True           # the column must be in the header


# the typed columns (ALIASES maps the Dutch header names onto these keys)
_COLUMNS = {"calls": _Column(), "aht": _Column(positive=True, required=False),
            "agents": _Column(whole=True, required=False), "chats": _Column(required=False)}


@dataclass(frozen=True)
class IntervalFile:
    """A read interval file.

    ``name``: file name; ``separator``: ``","`` or ``";"`` (``None`` for one column);
    ``text``: every named column as written (stripped), for writing back; ``lines``: the
    physical line of each interval; ``labels``: the ``interval_start``/``start`` text, or 1, 2, ...;
    ``calls``, ``aht`` (seconds, the caller's ``aht`` where a row has none), ``agents`` and
    ``chats`` (``None`` without that column) as arrays; ``headers`` maps each typed column
    (``calls``, ``aht``, ``agents``, ``chats``, ``start``, ``date``) to its header as written.
    When the rows carry dates (a date-time label, ISO ``2026-11-30 08:00`` or Dutch day-first
    ``30-11-2026 08:00``, or a ``datum`` column with a ``tijd`` column) the ``labels`` are ISO
    ``YYYY-MM-DD HH:MM``; ``missing_days``: ISO dates of weekdays (Monday-Friday) between the first
    and the last date without any row (a Wednesday absent from a week).
    """

    name: str
    separator: str | None
    text: pd.DataFrame
    lines: np.ndarray
    labels: list
    calls: np.ndarray
    aht: np.ndarray
    agents: np.ndarray | None
    chats: np.ndarray | None = None
    headers: dict | None = None
    missing_days: tuple = ()


def read(source, *, name=None, aht=None) -> IntervalFile:
    """Read an interval CSV file from a path or from ``bytes`` (then ``name`` names it).

    ``aht`` (one number of seconds, > 0) fills rows and files without an AHT; without it every
    row needs one; a bad ``aht`` raises ``ValueError`` naming ``aht`` before the file is read.
    A bad file raises :class:`~wfmcourse.data.files.DataFileError` (``.path``, ``.line``,
    ``.column``, ``.kind``, ``.value``); a missing path raises ``FileNotFoundError``.
    """
    default = optional_array("aht", aht, low=0.0, low_inclusive=False)
    if default is not None and default.ndim != 0:
        raise value_error("aht", aht, "shape", "be one number of seconds for the whole file")
    text("name", name, optional=True)
    if not isinstance(source, (bytes, bytearray, memoryview, str, os.PathLike)):
        raise type_error("source", source, "the bytes of a file or a file path (str or pathlib.Path)")
    if isinstance(source, (bytes, bytearray, memoryview)):
        name = _file_name(name)
        content = bytes(source)
        if len(content) > MAX_BYTES:
            _refuse(name, None, None, "too_large", f"file is larger than {MAX_BYTES:,} bytes "
                    f"(got {len(content):,})", details={"size": len(content)})
    else:
        path = Path(source)
        name = path.name
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            _refuse(name, None, None, "too_large", f"file is larger than {MAX_BYTES:,} bytes "
                    f"(got {size:,})", details={"size": size})
        content = path.read_bytes()
    decoded = _decode(name, content)
    header_line, separator, header, rows = _records(name, decoded)
    return _typed(name, separator, header_line, header, rows,
                  None if default is None else float(default))


def _file_name(name) -> str:
    """The last part of an upload's name (a browser may send a Windows path)."""
    base = str(name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return "upload.csv" if base in ("", ".", "..") else base


def _refuse(name, line, column, kind, problem, value=None, details=None):
    shown = f" (got {value!r})" if value is not None else ""
    raise DataFileError(name, line, column, problem + shown, kind=kind, value=value,
                        details=details)


# ---------------------------------------------------------------------------
# bytes -> text -> records with their physical lines
# ---------------------------------------------------------------------------
def _decode(name, content: bytes) -> str:
    if content.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        _refuse(name, None, None, "workbook", "an Excel workbook, not a CSV file")
    if b"\x00" in content:
        _refuse(name, None, None, "not_text", "not a text file (it contains NUL bytes)")
    if content.startswith(codecs.BOM_UTF8):
        content = content[len(codecs.BOM_UTF8):]
    for encoding in ("utf-8", "cp1252"):          # Excel's "CSV UTF-8", then its Windows "CSV"
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        _refuse(name, None, None, "not_text", "not UTF-8 or Windows-1252 text")
    if not text.strip():
        _refuse(name, None, None, "empty", "the file is empty")
    return text


def _separator(header: str) -> str | None:
    """Semicolon or comma as the header uses it; with both, the one that gives a calls column."""
    found = [sep for sep in (";", ",") if sep in header]
    if len(found) == 2:
        with_calls = [sep for sep in found if "calls" in
                      (ALIASES.get(cell.strip().lower())
                       for cell in next(csv.reader([header], delimiter=sep)))]
        found = with_calls or [max(found, key=header.count)]
    return found[0] if found else None


def _records(name, text: str):
    """Header line, separator, header cells and ``(line, cells)`` of every non-blank record."""
    lines = io.StringIO(text, newline="")
    skipped = 0
    first = lines.readline()
    while first and not first.strip():              # blank lines before the header
        skipped, first = skipped + 1, lines.readline()
    if first.strip().lower() in ("sep=;", "sep=,"):   # Excel's hint line
        separator = first.strip()[4]
        skipped += 1
        first = lines.readline()
    else:
        separator = _separator(first)
    lines = io.StringIO(first + lines.read(), newline="")
    try:
        records = csv_records(lines, delimiter=separator or "\0", skipped=skipped)
    except csv.Error as exc:
        _refuse(name, exc.line, None, "bad_quotes", f"quotes do not match ({exc})")
    if not records:
        _refuse(name, None, None, "empty", "the file is empty")
    header_line, header = records[0]
    return header_line, separator, [cell.strip() for cell in header], records[1:]


# ---------------------------------------------------------------------------
# records -> typed columns
# ---------------------------------------------------------------------------
def _canonical(cell: str) -> str:
    """The column a header cell means: its :data:`ALIASES` entry (also with a seconds unit after an
    AHT name, "AHT (sec)"), else the cell itself."""
    key = " ".join(cell.lower().split())
    if key in ALIASES:
        return ALIASES[key]
    bare = _SECONDS_SUFFIX.sub("", key)
    return "aht" if ALIASES.get(bare) == "aht" else cell


def _check_header(name, line, header, aht, separator=None):
    seen = set()
    for cell in header:
        key = _canonical(cell)
        if key in ("interval_start", "start"):
            key = "label"
        if cell and key in seen:
            _refuse(name, line, cell, "duplicate_column", "the column appears twice in the header")
        seen.add(key)
    for column, spec in _COLUMNS.items():
        if column not in seen and (spec.required or (column == "aht" and aht is None)):
            tabs = len(header) == 1 and "\t" in header[0]
            found = header[0].split("\t") if tabs else header
            _refuse(name, line, column, "missing_column", "column is missing from the header",
                    details={"separator": "tab" if tabs else separator,
                             "found": ", ".join(f"'{cell}'" for cell in found)})


def _check_fields(name, separator, header, rows):
    """Every row has the header's number of fields, and nothing under a column without a name."""
    width = len(header)
    unnamed = [position for position, cell in enumerate(header) if not cell]
    for line, cells in rows:
        counts = {"fields": len(cells), "header": width}
        if len(cells) > width:
            split = separator == "," and any(
                re.fullmatch(r"\s*[+-]?\d+", a) and re.fullmatch(r"\d+\s*", b)
                for a, b in zip(cells, cells[1:]))
            kind = "decimal_comma" if split else "too_many_fields"
            problem = f"{len(cells)} fields where the header has {width}"
            if split:
                problem += ("; this looks like a decimal comma: save the file with semicolons "
                            "as separator or use a decimal point")
            _refuse(name, line, None, kind, problem, value=separator.join(cells), details=counts)
        if len(cells) < width:
            _refuse(name, line, None, "too_few_fields",
                    f"{len(cells)} fields where the header has {width}",
                    value=(separator or ",").join(cells), details=counts)
        for position in unnamed:
            if cells[position].strip():
                _refuse(name, line, None, "unnamed_column",
                        f"a value in field {position + 1}, which has no name in the header",
                        value=cells[position], details={"field": position + 1})


def _number_pattern(thousands: str, decimal: str) -> re.Pattern:
    t, d = re.escape(thousands), re.escape(decimal)
    return re.compile(rf"[+-]?(?:(?:\d+|[1-9]\d{{0,2}}(?:{t}\d{{3}})+)(?:{d}\d+)?|{d}\d+)"
                      rf"(?:[eE][+-]?\d+)?")


_PATTERNS = {style: _number_pattern(*style) for style in _NUMBER_STYLES[None]}
_PROBLEMS = {"ambiguous_number": "ambiguous: the point or comma may separate thousands or decimals",
             "decimal_mark": "the decimal mark does not fit the separator of the file",
             "not_a_number": "not a number", "not_finite": "too large for a number",
             "not_whole": "not a whole number", "negative": "must be >= 0",
             "not_positive": "must be > 0", "value_required": "a value is required"}


def read_number(cell: str, separator=None) -> tuple[float, str | None]:
    """``(value, None)``, or ``(nan, kind)`` when ``cell`` is not exactly one finite number.

    The number rules of a file with ``separator`` ``","``, ``";"`` or ``None`` (one column; also
    the rules for a number typed in a field, :func:`wfmcourse.presentation.dutch.parse_number`):
    ``kind`` is ``"ambiguous_number"``, ``"decimal_mark"``, ``"not_a_number"`` or ``"not_finite"``.
    """
    if not isinstance(cell, str):
        raise type_error("cell", cell, "a text (str)")
    if separator not in _NUMBER_STYLES:
        raise value_error("separator", separator, "choice", "be ',', ';' or None")
    readings = {float(cell.replace(thousands, "").replace(decimal, "."))
                for thousands, decimal in _NUMBER_STYLES[separator]
                if _PATTERNS[thousands, decimal].fullmatch(cell)}
    if len(readings) == 1:
        value = readings.pop()
        return (value, None) if np.isfinite(value) else (np.nan, "not_finite")
    if readings:
        return np.nan, "ambiguous_number"
    wrong = any(pattern.fullmatch(cell) for pattern in _PATTERNS.values())
    return np.nan, "decimal_mark" if wrong else "not_a_number"


_DURATION_UNITS = {"s": 1, "sec": 1, "seconde": 1, "seconden": 1, "min": 60, "minuut": 60,
                   "minuten": 60, "m": 60}
_CLOCK = re.compile(r"(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)")


def read_duration(cell: str, separator=None) -> tuple[float, str | None]:
    """``(seconds, None)`` for a number of seconds or a duration as clients write it, else
    ``(nan, kind)`` as :func:`read_number` gives.

    ``"300"`` and ``"300 s"``/``"300 sec"`` are seconds; ``"5:00"`` is minutes:seconds (300),
    ``"1:02:03"`` hours:minutes:seconds (3723); ``"4 min"``, ``"4,5 minuten"`` are minutes
    (240, 270). The number before a unit follows the rules of :func:`read_number` for
    ``separator``.
    """
    if not isinstance(cell, str):
        raise type_error("cell", cell, "a text (str)")
    text_ = cell.strip()
    clock = _CLOCK.fullmatch(text_)
    if clock:
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        return float(3600 * hours + 60 * minutes + seconds), None
    unit = re.fullmatch(r"(.*?)\s*([a-z]+)\.?", text_.lower())
    if unit and unit.group(2) in _DURATION_UNITS:
        value, kind = read_number(unit.group(1), separator)
        return (value * _DURATION_UNITS[unit.group(2)], None) if kind is None else (value, kind)
    return read_number(text_, separator)


_TIME_TEXT = r"(\d{1,2}):(\d{2})(?::(\d{2}))?"
_CLOCK_LABEL = re.compile(rf"{_TIME_TEXT}(?:\s*-\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH_DATE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_AMBIGUOUS_DATE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?:\s|$)")


def read_time(cell: str) -> tuple[str | None, str | None]:
    """``(date, time)`` of an interval label as ISO text (``"2026-11-30"``, ``"08:00"``), each
    ``None`` when absent; ``(None, None)`` when ``cell`` is not a date and/or time.

    Dates: ISO ``2026-11-30`` or Dutch day-first ``30-11-2026`` (a four-digit year: ``30-11-26``
    and ``11/30/2026`` are not read, they are ambiguous). Times: ``8:00``, ``08:00:00``, or the
    start of a range ``08:00-08:15``; a date and time are separated by a space or ``T``.
    """
    if not isinstance(cell, str):
        raise type_error("cell", cell, "a text (str)")
    parts = cell.strip().replace("T", " ", 1).split(None, 1) if cell.strip() else []
    if not parts:
        return None, None
    date, rest = None, cell.strip()
    iso, dutch_ = _ISO_DATE.fullmatch(parts[0]), _DUTCH_DATE.fullmatch(parts[0])
    if iso or dutch_:
        year, month, day = (int(x) for x in (iso.groups() if iso else dutch_.groups()[::-1]))
        try:
            date = f"{pd.Timestamp(year, month, day):%Y-%m-%d}"
        except ValueError:
            return None, None
        rest = parts[1] if len(parts) > 1 else ""
    if not rest:
        return date, None
    clock = _CLOCK_LABEL.fullmatch(rest.strip())
    if not clock:
        return None, None
    hours, minutes, seconds = (int(x or 0) for x in clock.groups())
    if hours > 23 or minutes > 59 or seconds > 59:
        return None, None
    return date, f"{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def read_percent(cell: str) -> tuple[float, str | None]:
    """``(fraction, None)`` for a percentage typed in a percent field, else ``(nan, kind)``.

    ``"35"``, ``"35%"``, ``"35 %"`` and ``"35,5 %"`` are 0.35 and 0.355: the field is in percent,
    so a bare number is a percentage too. The number follows :func:`read_number` (one column).
    """
    if not isinstance(cell, str):
        raise type_error("cell", cell, "a text (str)")
    text_ = cell.strip()
    if text_.endswith("%"):
        text_ = text_[:-1].rstrip()
    value, kind = read_number(text_)
    return (value / 100.0, None) if kind is None else (value, kind)


def _numbers(cells: list, separator, spec: _Column, reader=None):
    """Numbers of one column (NaN where empty) and, per cell, the first problem (``None`` if fine).

    Each distinct text is parsed once (``reader``, default :func:`read_number`); bounds are
    checked on the array.
    """
    reader = reader or read_number
    parsed = {cell: reader(cell, separator) for cell in set(cells) if cell}
    parsed[""] = (np.nan, None)
    values = np.array([parsed[cell][0] for cell in cells], dtype=float)
    kinds = np.array([parsed[cell][1] for cell in cells], dtype=object)
    checks = [(np.abs(values) > _WHOLE_LIMIT, "not_finite"), (values % 1 != 0, "not_whole")] \
        if spec.whole else []
    checks.append((values <= 0, "not_positive") if spec.positive else (values < 0, "negative"))
    with np.errstate(invalid="ignore"):
        for mask, kind in checks:
            kinds[np.equal(kinds, None) & mask & ~np.isnan(values)] = kind
    return values, kinds


def _typed(name, separator, header_line, header, rows, aht) -> IntervalFile:
    _check_header(name, header_line, header, aht, separator)
    if not rows:
        _refuse(name, header_line + 1, "calls", "no_rows", "the file has a header but no intervals")
    _check_fields(name, separator, header, rows)
    lines = np.array([line for line, _ in rows])
    named = [i for i, cell in enumerate(header) if cell]
    raw = {header[i]: [cells[i].strip() for _, cells in rows] for i in named}
    text = pd.DataFrame(raw, dtype=str)
    headers = {_canonical(header[i]): header[i] for i in named
               if _canonical(header[i]) in (*_COLUMNS, *LABEL_COLUMNS, "date")}
    columns, first = {}, None
    for column, spec in _COLUMNS.items():
        if column not in headers:
            continue
        cells = raw[headers[column]]
        columns[column], kinds = _numbers(cells, separator, spec,
                                          read_duration if column == "aht" else None)
        if column != "aht" or aht is None:
            kinds[[cell == "" for cell in cells]] = "value_required"
        bad = np.flatnonzero(~np.equal(kinds, None))
        if bad.size and (first is None or lines[bad[0]] < first[0]):
            first = (lines[bad[0]], kinds[bad[0]], cells[bad[0]], headers[column])
    if first is not None:
        line, kind, value, column = first
        _refuse(name, int(line), column, kind, _PROBLEMS[kind], value=value,
                details={"separator": separator})
    row_aht = columns.get("aht", np.full(len(rows), np.nan))
    if aht is not None:
        row_aht = np.where(np.isnan(row_aht), float(aht), row_aht)
    if "aht" in columns:
        low = np.flatnonzero(columns["aht"] < MIN_AHT)
        if low.size:
            cell = raw[headers["aht"]][low[0]]
            _refuse(name, int(lines[low[0]]), headers["aht"], "aht_minutes",
                    f"an AHT below {MIN_AHT:g} s is most likely minutes; write 4:42 or 4,7 min", value=cell)
    label = next((headers[c] for c in LABEL_COLUMNS if c in headers), None)
    labels = list(text[label]) if label else [str(i) for i in range(1, len(rows) + 1)]
    labels, missing = _times(name, lines, raw, headers, label, labels)
    _check_total(name, lines, columns["calls"], headers["calls"])
    agents = columns["agents"].astype(np.int64) if "agents" in columns else None
    return IntervalFile(name, separator, text, lines, labels, columns["calls"], row_aht, agents,
                        columns.get("chats"), headers, missing)


def _times(name, lines, raw, headers, label, labels):
    """ISO labels when the rows carry dates, and the weekdays missing between the first and last.

    A row whose date or time cannot be read while other rows have one (a "Totaal" row, a remark) is
    refused, and so is a date-time that appears twice."""
    date_column = headers.get("date")
    columns = [c for c in (date_column, label) if c is not None]
    if not columns:
        return labels, ()
    for column in columns:                 # 30-11-26 or 11/30/2026: which is the day? refuse, don't guess
        for row, cell in enumerate(raw[column]):
            if _AMBIGUOUS_DATE.match(cell.strip()) and read_time(cell) == (None, None):
                _refuse(name, int(lines[row]), column, "ambiguous_date",
                        "a date that may be read two ways; write 30-11-2026 or 2026-11-30", value=cell)
    found = []
    for row in range(len(lines)):
        date, time = None, None
        readable = True
        for column in columns:
            cell = raw[column][row]
            d, t = read_time(cell)
            readable &= d is not None or t is not None
            date, time = date or d, t or time       # the label's time wins over a date column's 00:00
        found.append((date, time) if readable else None)
    has = [item is not None for item in found]
    if not any(has):
        return labels, ()
    dated = any(item[0] for item in found if item)
    for row, item in enumerate(found):
        if item is None or (dated and not item[0]):
            column = next((c for c in columns if read_time(raw[c][row]) == (None, None)), columns[0])
            cells = [raw[c][row] for c in columns]
            _refuse(name, int(lines[row]), column, "not_a_time",
                    "no date or time where the other rows have one (a total row?)",
                    value=" ".join(cell for cell in cells if cell) or "")
    if not dated:
        return labels, ()
    iso = [f"{d} {t}" if t else d for d, t in found]
    seen = {}
    for row, stamp in enumerate(iso):
        if stamp in seen:
            _refuse(name, int(lines[row]), label or date_column, "duplicate_time",
                    f"the same date and time as line {seen[stamp]}", value=stamp,
                    details={"first": seen[stamp]})
        seen[stamp] = int(lines[row])
    days = pd.DatetimeIndex(sorted({d for d, _ in found}))
    every = pd.date_range(days[0], days[-1], freq="D")
    missing = tuple(f"{day:%Y-%m-%d}" for day in every.difference(days) if day.day_of_week < 5)
    return iso, missing


def _check_total(name, lines, calls, header):
    """Refuse a last row whose calls equal the sum of the (at least three) rows above and exceed each
    of them: a total (a quiet night ``0, 1, 0, 1`` is not one)."""
    if len(calls) >= 4 and calls[-1] > calls[:-1].max() and np.isclose(calls[-1], calls[:-1].sum(),
                                                                       rtol=1e-9, atol=0):
        _refuse(name, int(lines[-1]), header, "total_row",
                "the calls of this row are the sum of the other rows (a total row?)",
                value=f"{calls[-1]:g}")
