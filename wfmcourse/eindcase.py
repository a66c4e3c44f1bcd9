"""Helpers for the final case (notebook 08): staffing gap, two figures and the Excel export of the advice."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from . import nl
from ._checks import as_array, dataframe, instance, scalar, text, whole

__all__ = ["staffing_gap", "watermelon_figure", "hour_heatmap", "gap_figure", "export_workbook"]

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


def watermelon_figure(report, target=0.8, highlight=None, figsize=(10, 3.5)):
    """The dashboard against the quarters: weekly service level and the share of red quarters.

    ``report`` is a :func:`wfmcourse.rapportage.weekly_report`. Bars: the volume-weighted
    service level per week, green when it meets ``target`` (fraction); line: the share of
    intervals below ``target``. ``highlight`` (a week number) gets an outline and a label.
    """
    from .plots import CourseFigure, GREEN, GREY, ORANGE, _percent_axis

    dataframe("report", report, ["week", "service_level", "share_below_target"])
    target = scalar("target", target, high=1.0)
    highlight = None if highlight is None else whole("highlight", highlight, low=1, high=53)
    fig = CourseFigure(figsize=figsize, dpi=100, layout="constrained")
    ax = fig.add_subplot()
    x = np.arange(len(report))
    ok = report["service_level"].to_numpy() >= target
    bars = ax.bar(x, report["service_level"], color=np.where(ok, GREEN, ORANGE), width=0.8,
                  label="service level van de week (gewogen)")
    ax.plot(x, report["share_below_target"], color="black", linewidth=1.4,
            label=f"aandeel kwartieren onder {target:.0%}")
    ax.axhline(target, color=GREY, linestyle="--", linewidth=1.2, label=f"norm {target:.0%}")
    if highlight is not None:
        where = np.flatnonzero(report["week"].to_numpy() == highlight)
        if not where.size:
            raise ValueError(f"highlight must be a week in the report, got {highlight!r}")
        bars[where[0]].set_edgecolor("black")
        bars[where[0]].set_linewidth(2)
        ax.annotate(f"week {highlight}", (where[0], float(report["service_level"].iloc[where[0]])),
                    xytext=(0, 8), textcoords="offset points", ha="center", fontsize="small")
    step = max(1, len(x) // 13)
    ax.set_xticks(x[::step], [str(w) for w in report["week"].iloc[::step]])
    ax.set_xlabel("week")
    ax.set_ylim(0, 1.05)
    _percent_axis(ax.yaxis)
    ax.set_title("Groen op het dashboard, rood in de kwartieren")
    ax.legend(loc="lower left", frameon=True, fontsize="small", ncols=3)
    return fig


def hour_heatmap(table, target=0.8, figsize=(10, 3.2)):
    """Service level per week (rows) and hour (columns) as coloured cells with the percentage.

    ``table`` is a :func:`wfmcourse.rapportage.service_level_by_hour`. Cells below ``target``
    turn red, cells above green; a block of red in the same hours shows a planning cause, red
    cells scattered over the week are mostly chance.
    """
    from matplotlib.colors import TwoSlopeNorm

    from .plots import CourseFigure

    values = as_array("table", dataframe("table", table), high=1.0)
    target = scalar("target", target, high=1.0)
    if values.ndim != 2 or not values.size:
        raise ValueError(f"table must be a non-empty weeks x hours table, got shape {values.shape}")
    fig = CourseFigure(figsize=figsize, dpi=100, layout="constrained")
    ax = fig.add_subplot()
    norm = TwoSlopeNorm(vmin=min(0.5, values.min()), vcenter=target, vmax=1.0)
    image = ax.imshow(values, cmap="RdYlGn", norm=norm, aspect="auto")
    for (row, column), value in np.ndenumerate(values):
        ax.text(column, row, nl.percent(value, 0, space=False), ha="center", va="center",
                fontsize="small")
    ax.set_xticks(range(values.shape[1]), [f"{h}:00" for h in table.columns])
    ax.set_yticks(range(values.shape[0]), [f"week {w}" for w in table.index])
    ax.set_xlabel("uur van de dag (alle dagen van de week samen)")
    ax.set_title(f"Service level per uur: rood = onder {nl.percent(target, 0, space=False)}")
    fig.colorbar(image, ax=ax, format=lambda v, _: nl.percent(v, 0, space=False), shrink=0.9)
    return fig


def gap_figure(required, staffed, title="Benodigd tegenover ingezet", figsize=(10, 3.5)):
    """Required and staffed agents per interval (two Series on one time index); shortfall shaded.

    Only the hours with a requirement or staff are drawn, so a closed night does not fill the chart.
    """
    from .plots import BLUE, CourseFigure, ORANGE

    text("title", title)
    r = pd.Series(as_array("required", required),
                  index=required.index if isinstance(required, pd.Series) else None)
    s = pd.Series(as_array("staffed", staffed),
                  index=staffed.index if isinstance(staffed, pd.Series) else None)
    if len(r) != len(s) or not r.index.equals(s.index):
        raise ValueError("required and staffed must be Series on the same index, got "
                         f"{len(r)} and {len(s)} values")
    active = np.flatnonzero((r.to_numpy() > 0) | (s.to_numpy() > 0))
    if not active.size:
        raise ValueError("required and staffed are zero everywhere: nothing to draw")
    r, s = r.iloc[active[0]:active[-1] + 1], s.iloc[active[0]:active[-1] + 1]
    fig = CourseFigure(figsize=figsize, dpi=100, layout="constrained")
    ax = fig.add_subplot()
    x = np.arange(len(r))
    ax.step(x, r, where="mid", color=BLUE, linewidth=1.8, label="benodigd (Erlang C, 80/20)")
    ax.step(x, s, where="mid", color="black", linewidth=1.2, label="ingezet")
    ax.fill_between(x, s, r, where=r.to_numpy() > s.to_numpy(), step="mid", color=ORANGE, alpha=0.5,
                    label="tekort")
    labels = [t.strftime("%H:%M") if hasattr(t, "strftime") else str(t) for t in r.index]
    step = max(1, len(x) // 12)
    ax.set_xticks(x[::step], labels[::step])
    ax.set_ylabel("agents")
    ax.set_title(title)
    ax.legend(loc="upper left", frameon=False, fontsize="small", ncols=3)
    ax.set_ylim(0, 1.25 * max(r.max(), s.max()))
    return fig


def _key_value_frame(name, mapping):
    instance(name, mapping, dict, "a dict label -> value")
    return pd.DataFrame({"onderdeel": [str(k) for k in mapping], "waarde": list(mapping.values())})


def export_workbook(path, *, inputs: dict, assumptions: dict, results: dict) -> Path:
    """Write an Excel workbook with the sheets "Invoer", "Aannames" and one sheet per result table.

    ``inputs`` and ``assumptions`` map a label to a value (one row each, columns ``onderdeel``
    and ``waarde``); ``results`` maps a sheet name (at most 31 characters) to a DataFrame,
    written with its index. Written with openpyxl; the same input gives the same cell
    contents. Returns the path as a :class:`~pathlib.Path`.
    """
    target = Path(instance("path", path, (str, os.PathLike), "a file path (str or pathlib.Path)"))
    if target.suffix.lower() != ".xlsx":
        raise ValueError(f"path must end in .xlsx, got {str(path)!r}")
    sheets = {"Invoer": _key_value_frame("inputs", inputs),
              "Aannames": _key_value_frame("assumptions", assumptions)}
    instance("results", results, dict, "a dict sheet name -> DataFrame")
    for name, table in results.items():
        if not isinstance(name, str) or not name or len(name) > MAX_SHEET_NAME:
            raise ValueError(f"results sheet name must be a text of 1-{MAX_SHEET_NAME} characters, got {name!r}")
        if name in RESERVED:
            raise ValueError(f"results sheet name {name!r} is reserved for inputs/assumptions")
        dataframe(f"results[{name!r}]", table)
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
        for name, table in results.items():
            table.to_excel(writer, sheet_name=name)
    return target
