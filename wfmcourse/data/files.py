"""Reading the course's CSV files with a schema.

A malformed file is rejected with a :class:`DataFileError` (a ``ValueError``) that names the
file, the line (the header is line 1) and the column, so a learner who edits a file can find
the mistake.
"""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Never

import numpy as np
import pandas as pd

from wfmcourse.validation import instance, text, type_error, value_error, whole

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


class DataFileError(ValueError):
    """A data file does not match its schema.

    ``path`` (a :class:`~pathlib.Path`; its ``name`` is the file name), ``line`` (physical line,
    1-based, or ``None`` for the whole file), ``column`` (or ``None`` for a whole line) and
    ``problem`` (English). Readers that callers translate also set ``kind`` (a stable key such as
    ``"not_a_number"``), ``value`` (the text found) and ``details`` (numbers for the message).
    """

    def __init__(self, path, line, column, problem, *, kind=None, value=None, details=None) -> None:
        self.path, self.line, self.column, self.problem = Path(path), line, column, problem
        self.kind, self.value, self.details = kind, value, dict(details or {})
        where = [f"line {line}"] if line is not None else []
        where += [f"column '{column}'"] if column is not None else []
        super().__init__(f"{Path(path).name}: {', '.join(where) + ': ' if where else ''}{problem}")


@dataclass(frozen=True)
class Column:
    """One column of a schema.

    kind: "str", "int", "float", "bool" (0/1), "datetime" (ISO 8601) or "date".
    required: an empty cell is an error. choices: the allowed values (for "str").
    low/high: inclusive bounds for numbers.
    """

    kind: str = "str"
    required: bool = True
    choices: tuple | None = None
    low: float | None = None
    high: float | None = None


def data_path(name: str) -> Path:
    """Path of a shipped file in ``data/``."""
    return DATA_DIR / text("name", name)


def read_table(path, schema: dict[str, Column]) -> pd.DataFrame:
    """Read a UTF-8 CSV file and return it with the schema's types; extra columns are kept as text."""
    path = Path(instance("path", path, (str, os.PathLike), "a file path (str or pathlib.Path)"))
    instance("schema", schema, Mapping, "a dict column name -> Column")
    for name, col in schema.items():
        if not isinstance(col, Column):
            raise type_error(f"schema[{name!r}]", col, "a Column")
    header, rows, lines = _records(path)
    missing = [name for name in schema if name not in header]
    if missing:
        raise DataFileError(path, lines[0], missing[0], "column is missing from the header")
    raw = pd.DataFrame(rows, columns=header, dtype=str)
    out = raw.copy()
    for name, col in schema.items():
        out[name] = _convert(path, raw[name], name, col, lines[1:])
    return out


def csv_records(handle, *, delimiter=",", skipped=0) -> list[tuple[int, list[str]]]:
    """``(line, cells)`` for every non-blank CSV record of the text file ``handle``, with the
    physical line (1-based) where the record starts: blank lines count, and a quoted field may
    span lines.

    ``skipped``: lines already read before ``handle`` starts. A broken quote raises ``csv.Error``
    with ``.line`` set to the physical line where the broken record starts.
    """
    instance("handle", handle, io.TextIOBase, "a text file (open(..., newline='') or io.StringIO)")
    if len(text("delimiter", delimiter)) != 1:
        raise value_error("delimiter", delimiter, "length", "be one character")
    skipped = whole("skipped", skipped, low=0)
    reader = csv.reader(handle, delimiter=delimiter, strict=True)
    records, start = [], skipped + 1
    try:
        for cells in reader:
            if "".join(cells).strip():
                records.append((start, cells))
            start = skipped + reader.line_num + 1
    except csv.Error as exc:
        exc.line = start
        raise
    return records


def _records(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, data rows and the physical line of each record (see :func:`csv_records`).

    A record with another number of fields than the header, or a duplicated column name, is
    refused.
    """
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            numbered = csv_records(handle)
    except UnicodeDecodeError as exc:
        raise DataFileError(path, None, None, f"not UTF-8 text ({exc.reason})") from None
    except csv.Error as exc:
        raise DataFileError(path, exc.line, None, f"not a valid CSV file ({exc})") from None
    if not numbered:
        raise DataFileError(path, None, None, "the file is empty (no header)")
    lines = [line for line, _ in numbered]
    records = [cells for _, cells in numbered]
    header = [name.strip() for name in records[0]]
    for i, name in enumerate(header):
        if name in header[:i]:
            raise DataFileError(path, lines[0], name, "column name appears twice in the header")
    for record, line in zip(records[1:], lines[1:]):
        if len(record) != len(header):
            raise DataFileError(path, line, None, f"has {len(record)} fields, the header has "
                                                  f"{len(header)}")
    return header, records[1:], lines


def _fail(path, series, mask, name, problem, lines) -> Never:
    row = int(np.flatnonzero(np.asarray(mask))[0])
    raise DataFileError(path, lines[row], name, f"{problem} (got {series.iloc[row]!r})")


def _convert(path, series: pd.Series, name: str, col: Column, lines) -> pd.Series:
    text = series.str.strip()
    empty = text == ""
    if col.required and empty.any():
        _fail(path, series, empty, name, "a value is required", lines)
    if col.kind == "str":
        if col.choices is not None:
            bad = ~empty & ~text.isin(col.choices)
            if bad.any():
                _fail(path, series, bad, name, f"must be one of {', '.join(map(str, col.choices))}", lines)
        return text
    if col.kind in ("int", "float", "bool"):
        values = pd.to_numeric(text.where(~empty), errors="coerce")
        bad = ~empty & (values.isna() | ~np.isfinite(values.fillna(0)))
        if bad.any():
            _fail(path, series, bad, name, "not a number", lines)
        if col.kind in ("int", "bool"):
            bad = ~empty & (values != values.round())
            if bad.any():
                _fail(path, series, bad, name, "not a whole number", lines)
        if col.kind == "bool":
            bad = ~empty & ~values.isin([0, 1])
            if bad.any():
                _fail(path, series, bad, name, "must be 0 or 1", lines)
        if col.low is not None and (bad := ~empty & (values < col.low)).any():
            _fail(path, series, bad, name, f"must be >= {col.low:g}", lines)
        if col.high is not None and (bad := ~empty & (values > col.high)).any():
            _fail(path, series, bad, name, f"must be <= {col.high:g}", lines)
        if col.kind == "bool":
            return values.astype("boolean") if empty.any() else values.astype(bool)
        if col.kind == "int":
            return values.astype("Int64") if empty.any() else values.astype(np.int64)
        return values.astype(float)
    if col.kind in ("datetime", "date"):
        fmt = "%Y-%m-%d" if col.kind == "date" else "ISO8601"
        values = pd.to_datetime(text.where(~empty), errors="coerce", format=fmt)
        bad = ~empty & values.isna()
        if bad.any():
            wanted = "date (YYYY-MM-DD)" if col.kind == "date" else "date-time (ISO 8601)"
            _fail(path, series, bad, name, f"not a {wanted}", lines)
        return values
    raise ValueError(f"kind must be str, int, float, bool, datetime or date, got {col.kind!r}")
