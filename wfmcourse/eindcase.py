"""Helpers for the final case (notebook 08): staffing gap and the Excel export of the advice."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ._checks import as_array

__all__ = ["staffing_gap", "export_workbook"]

MAX_SHEET_NAME = 31
RESERVED = ("Invoer", "Aannames")


def staffing_gap(required, staffed):
    """Extra agents per interval to reach the requirement: ``max(required - staffed, 0)``.

    ``required`` and ``staffed`` are agents per interval (numbers or equally long sequences; a
    Series keeps its index). Intervals that already have enough agents get 0.
    """
    r = as_array("required", required)
    s = as_array("staffed", staffed)
    if r.shape != s.shape:
        raise ValueError(f"required and staffed must have the same shape, got {r.shape} and {s.shape}")
    gap = np.maximum(r - s, 0.0)
    if isinstance(required, pd.Series):
        return pd.Series(gap, index=required.index, name="extra agents")
    return gap if gap.ndim else float(gap)


def _key_value_frame(name, mapping):
    if not isinstance(mapping, dict):
        raise ValueError(f"{name} must be a dict, got {type(mapping).__name__}")
    return pd.DataFrame({"onderdeel": [str(k) for k in mapping], "waarde": list(mapping.values())})


def export_workbook(path, *, inputs: dict, assumptions: dict, results: dict) -> Path:
    """Write an Excel workbook with the sheets "Invoer", "Aannames" and one sheet per result table.

    ``inputs`` and ``assumptions`` map a label to a value (one row each, columns ``onderdeel``
    and ``waarde``); ``results`` maps a sheet name (at most 31 characters) to a DataFrame,
    written with its index. Written with openpyxl; the same input gives the same cell
    contents. Returns the path as a :class:`~pathlib.Path`.
    """
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValueError(f"path must end in .xlsx, got {str(path)!r}")
    sheets = {"Invoer": _key_value_frame("inputs", inputs),
              "Aannames": _key_value_frame("assumptions", assumptions)}
    if not isinstance(results, dict):
        raise ValueError(f"results must be a dict of DataFrames, got {type(results).__name__}")
    for name, table in results.items():
        if not isinstance(name, str) or not name or len(name) > MAX_SHEET_NAME:
            raise ValueError(f"results sheet name must be a text of 1-{MAX_SHEET_NAME} characters, got {name!r}")
        if name in RESERVED:
            raise ValueError(f"results sheet name {name!r} is reserved for inputs/assumptions")
        if not isinstance(table, pd.DataFrame):
            raise ValueError(f"results[{name!r}] must be a pandas DataFrame, got {type(table).__name__}")
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
        for name, table in results.items():
            table.to_excel(writer, sheet_name=name)
    return target
