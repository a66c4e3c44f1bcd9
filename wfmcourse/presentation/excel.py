"""The Excel workbook a client takes home: one generic writer for the final case and the dashboard.

A workbook has the sheets "Invoer" and "Aannames" (label -> value, columns ``onderdeel`` and
``waarde``) and one sheet per result table; with a ``summary`` the first sheet is "Samenvatting"
(label -> value) and Invoer and Aannames come last. :func:`workbook_bytes` returns the file as
bytes (a download button needs no file on disk); :func:`write_workbook` saves the same bytes to a
path. Written with openpyxl; the same input gives the same cell contents.

Every sheet looks finished: bold header row, frozen below the header, columns as wide as their
text. ``formats`` maps a column header, a row label or a ``(row label, column header)`` pair (one
cell, e.g. a signed difference) to an Excel number format (the constants :data:`PERCENT`,
:data:`WHOLE`, :data:`ONE`, :data:`TWO`, :data:`EURO`, :data:`DATETIME`, and the signed
:data:`SIGNED`, keyed on those, for differences; a column of date-times takes :data:`DATETIME`):
Excel shows ``0.0 %`` as ``88,8 %`` in a Dutch Excel, the value in the cell stays the exact
number. ``chart`` adds a native Excel bar/line chart (openpyxl.chart) to a result sheet.
"""
from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pandas as pd
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from wfmcourse.validation import dataframe, instance, value_error

__all__ = ["DATETIME", "EURO", "MAX_SHEET_NAME", "ONE", "PERCENT", "POINTS", "RESERVED", "SIGNED", "TWO", "WHOLE",
           "workbook_bytes", "write_workbook"]

MAX_SHEET_NAME = 31                      # Excel's limit on the length of a sheet name
RESERVED = ("Invoer", "Aannames", "Samenvatting")   # the sheets of the inputs, assumptions, summary

#: Excel number formats (Excel shows them with the reader's decimal comma)
PERCENT, WHOLE, ONE, TWO, EURO = "0.0 %", "#,##0", "#,##0.0", "#,##0.00", "€ #,##0"
DATETIME = "dd-mm-yyyy hh:mm"
#: a difference of two percentages, in percentage points (the cell holds 100 x the fraction difference)
POINTS = '+0.0" pp";-0.0" pp";0.0" pp"'
#: the signed format of a difference, per plain format (a percent difference: :data:`POINTS`)
SIGNED = {WHOLE: "+#,##0;-#,##0;0", ONE: "+#,##0.0;-#,##0.0;0.0", TWO: "+#,##0.00;-#,##0.00;0.00",
          EURO: "+€ #,##0;-€ #,##0;€ 0", PERCENT: POINTS}
_MAX_WIDTH = 60


def _key_value_frame(name, mapping) -> pd.DataFrame:
    instance(name, mapping, dict, "a dict label -> value")
    return pd.DataFrame({"onderdeel": [str(k) for k in mapping], "waarde": list(mapping.values())})


def workbook_bytes(*, inputs: dict, assumptions: dict, results: dict, summary=None, formats=None,
                   chart=None) -> bytes:
    """An Excel workbook (``.xlsx`` bytes) with the sheets "Invoer", "Aannames" and one per result.

    ``inputs`` and ``assumptions`` map a label to a value (one row each, columns ``onderdeel``
    and ``waarde``); ``results`` maps a sheet name (1 to 31 characters, not a reserved name) to a
    DataFrame, written with its index. ``summary`` (label -> value) becomes the first sheet,
    "Samenvatting". ``formats``: header or row label -> Excel number format. ``chart``: a dict
    with ``sheet`` (a result sheet), ``bars`` and optionally ``lines`` (column headers of that
    sheet), ``title`` and ``y_title``; drawn right of the table.
    """
    instance("formats", formats, (dict, type(None)), "a dict header or label -> Excel number format")
    instance("chart", chart, (dict, type(None)), "a dict with sheet, bars, lines, title, y_title")
    sheets = {"Invoer": _key_value_frame("inputs", inputs),
              "Aannames": _key_value_frame("assumptions", assumptions)}
    first = {} if summary is None else {"Samenvatting": _key_value_frame("summary", summary)}
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
    if chart is not None and chart.get("sheet") not in results:
        raise value_error("chart", chart, "choice", "name a result sheet in 'sheet'")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in (sheets if summary is None else first).items():
            frame.to_excel(writer, sheet_name=name, index=False)
        for name, table in results.items():
            table.to_excel(writer, sheet_name=name)
        if summary is not None:
            for name, frame in sheets.items():
                frame.to_excel(writer, sheet_name=name, index=False)
        for sheet in writer.book.worksheets:
            _finish(sheet, formats or {})
        if chart is not None:
            _chart(writer.book[chart["sheet"]], chart)
    return buffer.getvalue()


def _finish(sheet, formats: dict) -> None:
    """Bold frozen header, number formats by header (columns) or by label (first column), widths."""
    headers = [cell.value for cell in sheet[1]]
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "B2"
    for column, header in enumerate(headers, start=1):
        if header in formats:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                if isinstance(cell.value, (int, float, dt.datetime)):
                    cell.number_format = formats[header]
    for row in sheet.iter_rows(min_row=2):
        label = row[0].value
        if label in formats:
            for cell in row[1:]:
                if isinstance(cell.value, (int, float)):
                    cell.number_format = formats[label]
        for cell, header in zip(row[1:], headers[1:]):          # (row label, column header): one cell
            if (label, header) in formats and isinstance(cell.value, (int, float)):
                cell.number_format = formats[label, header]
    for column in sheet.columns:
        width = max(len(str(cell.value)) if cell.value is not None else 0 for cell in column)
        sheet.column_dimensions[get_column_letter(column[0].column)].width = min(width + 2, _MAX_WIDTH)


def _chart(sheet, spec: dict) -> None:
    """A native Excel chart of columns of ``sheet``: ``bars`` as columns, ``lines`` as lines."""
    headers = [cell.value for cell in sheet[1]]
    rows = sheet.max_row
    categories = Reference(sheet, min_col=1, min_row=2, max_row=rows)

    def series(chart, names):
        for name in names:
            if name not in headers:
                raise value_error("chart", spec, "columns", f"name columns of the sheet (no {name!r})")
            column = headers.index(name) + 1
            chart.add_data(Reference(sheet, min_col=column, min_row=1, max_row=rows), titles_from_data=True)
        chart.set_categories(categories)

    bars = BarChart()
    series(bars, spec.get("bars", ()))
    if spec.get("lines"):
        lines = LineChart()
        series(lines, spec["lines"])
        bars += lines
    bars.title = spec.get("title")
    bars.y_axis.title = spec.get("y_title")
    bars.x_axis.title = spec.get("x_title")
    bars.height, bars.width = 9, 22
    sheet.add_chart(bars, f"{get_column_letter(len(headers) + 2)}2")


def write_workbook(path, *, inputs: dict, assumptions: dict, results: dict, summary=None, formats=None,
                   chart=None) -> Path:
    """Save the workbook of :func:`workbook_bytes` as ``path`` (ending in ``.xlsx``); returns it
    as a :class:`~pathlib.Path`."""
    target = Path(instance("path", path, (str, os.PathLike), "a file path (str or pathlib.Path)"))
    if target.suffix.lower() != ".xlsx":
        raise value_error("path", str(path), "format", "end in .xlsx")
    target.write_bytes(workbook_bytes(inputs=inputs, assumptions=assumptions, results=results,
                                      summary=summary, formats=formats, chart=chart))
    return target
