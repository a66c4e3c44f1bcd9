"""Weekly and intraday volume profiles, and the charts of notebook 05 (forecast to roster).

* :func:`weekday_profile`: share of the volume per weekday (sums to 1).
* :func:`intraday_profile`: mean share of a day's volume per time-of-day slot (sums to 1),
  over the days with volume (closed days are left out, not counted as zero).
* :func:`profile_figure`, :func:`forecast_figure`, :func:`coverage_figure`: thin charts with
  Dutch labels that return a :class:`wfmcourse.presentation.charts.CourseFigure` (shown once in Jupyter).

``volume`` is a pandas Series of counts with a DatetimeIndex (for example ``calls_offered``
indexed by ``interval_start``). Impossible input raises ``ValueError`` naming the parameter (a wrong type ``TypeError``).
"""
from __future__ import annotations

import pandas as pd

from wfmcourse.validation import as_array, one_dimensional, series
from wfmcourse.presentation.charts import CourseFigure

__all__ = ["DAY_NAMES", "weekday_profile", "intraday_profile", "profile_figure",
           "forecast_figure", "coverage_figure"]

DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def _volume(name, volume):
    series(name, volume, index=pd.DatetimeIndex)
    as_array(name, volume)
    if volume.sum() <= 0:
        raise ValueError(f"{name} must have a positive total, got {volume.sum()!r}")
    return volume.astype(float)


def weekday_profile(volume):
    """Share of the total volume per weekday: ``share_d = sum_{t in d} v_t / sum_t v_t``.

    Returns a Series indexed by the Dutch day names (Monday first, all seven days, 0 for a day
    without volume) that sums to 1. Use whole weeks, or the weekdays that occur more often
    weigh more.
    """
    v = _volume("volume", volume)
    per_day = v.groupby(v.index.day_of_week).sum().reindex(range(7), fill_value=0.0)
    share = per_day / per_day.sum()
    share.index = pd.Index(DAY_NAMES, name="weekdag")
    return share.rename("aandeel")


def intraday_profile(volume, weekdays=None):
    """Mean share of a day's volume per time slot, over the days that had volume.

    ``share_s = mean over days d of v_{d,s} / sum_s v_{d,s}``; each day weighs the same, so a
    busy Monday does not dominate the shape. ``weekdays``: optional list of day numbers
    (0 = Monday) to restrict to, e.g. ``[0, 1, 2, 3, 4]``. Returns a Series indexed by the
    time of day (``datetime.time``) that sums to 1.
    """
    v = _volume("volume", volume)
    if weekdays is not None:
        days = one_dimensional("weekdays", weekdays, low=0, high=6, integer=True).astype(int)
        v = v[v.index.day_of_week.isin(days)]
        if v.sum() <= 0:
            raise ValueError(f"weekdays must select days with volume, got {weekdays!r}")
    grid = v.groupby([v.index.normalize(), v.index.time]).sum().unstack(fill_value=0.0)
    grid = grid[grid.sum(axis=1) > 0]
    shares = grid.div(grid.sum(axis=1), axis=0).mean()
    shares.index.name = "tijdvak"
    return shares.rename("aandeel")


def profile_figure(weekday, intraday, figsize=(10, 3.5)):
    """Two panels: the weekday shares (bars) and the intraday shares (line), in percent."""
    from matplotlib.ticker import PercentFormatter

    as_array("weekday", series("weekday", weekday))
    as_array("intraday", series("intraday", intraday))
    fig = CourseFigure(figsize=figsize, dpi=100, layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=(1, 2))
    left.bar([d[:2] for d in weekday.index], weekday.to_numpy(), color="#1f6fb4")
    left.set_title("Weekpatroon: aandeel per weekdag")
    hours = [t.hour + t.minute / 60 for t in intraday.index]
    right.step(hours, intraday.to_numpy(), where="post", color="#e07b00")
    right.set_title("Dagpatroon: aandeel per kwartier")
    right.set_xlabel("Uur van de dag")
    for ax in (left, right):
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=1))
        ax.set_ylim(bottom=0)
    return fig


def forecast_figure(actual, forecast, figsize=(10, 3.5)):
    """Actual volume ("Werkelijk") against the forecast ("Forecast") over time."""
    as_array("actual", series("actual", actual))
    as_array("forecast", series("forecast", forecast))
    fig = CourseFigure(figsize=figsize, dpi=100, layout="constrained")
    ax = fig.add_subplot()
    ax.plot(actual.index, actual.to_numpy(), color="#8c8c8c", linewidth=1, label="Werkelijk")
    ax.plot(forecast.index, forecast.to_numpy(), color="#1f6fb4", linewidth=1.5,
            label="Forecast")
    ax.set_ylabel("Gesprekken per kwartier")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper right")
    return fig


def coverage_figure(result, figsize=(10, 4)):
    """:func:`wfmcourse.domain.roster.coverage_plot` of a plan, drawn on a figure that shows once."""
    from wfmcourse.domain.roster import coverage_plot

    fig = CourseFigure(figsize=figsize, dpi=100, layout="constrained")
    coverage_plot(result, ax=fig.add_subplot())
    return fig
