"""The Excel workbook a client takes home: one generic writer for the final case and the dashboard.

A workbook has the sheets "Invoer" and "Aannames" (label -> value, columns ``onderdeel`` and
``waarde``) and one sheet per result table. :func:`workbook_bytes` returns the file as bytes (a
download button needs no file on disk); :func:`write_workbook` saves the same bytes to a path.
Written with openpyxl; the same input gives the same cell contents.
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd

from wfmcourse.validation import dataframe, instance, value_error

__all__ = ["MAX_SHEET_NAME", "RESERVED", "workbook_bytes", "write_workbook"]

MAX_SHEET_NAME = 31                      # Excel's limit on the length of a sheet name
RESERVED = ("Invoer", "Aannames")        # the sheets of the inputs and the assumptions


def _key_value_frame(name, mapping) -> pd.DataFrame:
    instance(name, mapping, dict, "a dict label -> value")
    return pd.DataFrame({"onderdeel": [str(k) for k in mapping], "waarde": list(mapping.values())})


def workbook_bytes(*, inputs: dict, assumptions: dict, results: dict) -> bytes:
    """An Excel workbook (``.xlsx`` bytes) with the sheets "Invoer", "Aannames" and one per result.

    ``inputs`` and ``assumptions`` map a label to a value (one row each, columns ``onderdeel``
    and ``waarde``); ``results`` maps a sheet name (1 to 31 characters, not "Invoer" or
    "Aannames") to a DataFrame, written with its index.
    """
    sheets = {"Invoer": _key_value_frame("inputs", inputs),
              "Aannames": _key_value_frame("assumptions", assumptions)}
    instance("results", results, dict, "a dict sheet name -> DataFrame")
    for name, table in results.items():
        if not isinstance(name, str) or not name or len(name) > MAX_SHEET_NAME:
            raise value_error("results", name, "length",
                              f"have sheet names of 1-{MAX_SHEET_NAME} characters")
        if name in RESERVED:
            raise value_error("results", name, "choice",
                              f"not use a reserved sheet name ({', '.join(RESERVED)}: inputs "
                              f"and assumptions)")
        dataframe(f"results[{name!r}]", table)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
        for name, table in results.items():
            table.to_excel(writer, sheet_name=name)
    return buffer.getvalue()


def write_workbook(path, *, inputs: dict, assumptions: dict, results: dict) -> Path:
    """Save the workbook of :func:`workbook_bytes` as ``path`` (ending in ``.xlsx``); returns it
    as a :class:`~pathlib.Path`."""
    target = Path(instance("path", path, (str, os.PathLike), "a file path (str or pathlib.Path)"))
    if target.suffix.lower() != ".xlsx":
        raise value_error("path", str(path), "format", "end in .xlsx")
    target.write_bytes(workbook_bytes(inputs=inputs, assumptions=assumptions, results=results))
    return target
