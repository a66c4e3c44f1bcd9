"""Contact-centre KPIs measured afterwards: one function for every formula in the course glossary.

These are *measured* figures, computed from what happened (counts and time totals from the ACD
or the WFM system, see :mod:`wfmcourse.domain.reporting`). The queueing model predicts several of
the same KPIs before the fact (:mod:`wfmcourse.domain.erlang`: service level, ASA, occupancy);
compare the two to see whether a plan worked.

Conventions
-----------
* **Rates are fractions** between 0 and 1, never percentages: ``abandon_rate(5, 100)`` is
  ``0.05``. Multiply by 100 only to print. The exception is :func:`nps`, which is by definition
  a number from -100 to 100.
* Times in any unit, as long as numerator and denominator use the same one (:func:`aht` and
  :func:`asa` return the unit they are given, usually seconds).
* Inputs are numbers, lists, numpy arrays or pandas Series that broadcast together. Scalars in
  give a Python float out; a Series in gives a Series out with the same index (all Series
  arguments must share one index); otherwise a numpy array.
* Impossible input raises ``ParameterValueError`` (a ``ValueError`` from
  :mod:`wfmcourse.validation`) naming the parameter and the value: negative or
  non-finite counts and times, a part larger than its whole (``answered > offered``), and a
  zero denominator where the KPI is undefined. A wrong type (text, a bool, a complex number,
  None) raises ``ParameterTypeError`` (a ``TypeError``). Nothing is clipped or converted.

Survey KPIs (:func:`nps`, :func:`csat`, :func:`ces`) and :func:`combine_service_levels`
aggregate: they take all responses or intervals at once and return one number.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.validation import (
    ParameterValueError,
    as_array,
    broadcast,
    choice,
    is_scalar_call,
    optional_array,
    series,
    series_index,
    short_repr,
    show_bad,
    type_error,
    value_error,
    wrap,
)

__all__ = [
    "aht",
    "weighted_aht",
    "asa",
    "mean_wait",
    "ata",
    "abandon_rate",
    "accessibility",
    "csat",
    "ces",
    "churn_rate",
    "fcr",
    "fte",
    "repeat_rate",
    "nps",
    "not_ready_rate",
    "occupancy",
    "utilisation",
    "productivity",
    "retention_rate",
    "service_level",
    "SERVICE_LEVEL_VARIANTS",
    "combine_service_levels",
    "shrinkage",
    "turnover_rate",
    "sickness_rate",
    "volume",
    "peak_hours",
]


def _not_above(part_name, part, whole_name, whole):
    """Raise when ``part > whole`` anywhere (a part can never exceed its whole)."""
    part, whole = broadcast(**{part_name: part, whole_name: whole})
    bad = part > whole
    if bad.any():
        i = tuple(int(k) for k in np.argwhere(bad)[0])
        where = "" if not i else f" (at index {i[0] if len(i) == 1 else i})"
        error = ParameterValueError(part_name, part[i].item(), "exceeds_whole",
            f"{part_name} must be <= {whole_name}, "
            f"got {part_name}={part[i].item()!r} > "
            f"{whole_name}={whole[i].item()!r}{where}")
        error.whole = (whole_name, whole[i].item())      # for the Dutch message
        raise error


def _denominator(name, arr, kpi):
    """Raise when a denominator is 0 (the KPI is undefined there)."""
    bad = np.asarray(arr) == 0
    if bad.any():
        raise ParameterValueError(name, arr, "too_small",
            f"{name} must be > 0 ({kpi} is undefined when {name} is 0), "
            f"got {show_bad(arr, bad if np.ndim(arr) else None)}")
    return arr


def _ratio(kpi, part_name, part, whole_name, whole, *, capped=True):
    """``part / whole`` for counts or times: both >= 0, ``whole > 0``, and ``part <= whole``
    unless ``capped`` is False."""
    scalar = is_scalar_call(part, whole)
    index = series_index(**{part_name: part, whole_name: whole})
    p = as_array(part_name, part)
    w = as_array(whole_name, whole)
    p, w = broadcast(**{part_name: p, whole_name: w})
    if capped:
        _not_above(part_name, p, whole_name, w)
    _denominator(whole_name, w, kpi)
    return wrap(p / w, scalar, index, kpi)


# ---------------------------------------------------------------------------
# handling and waiting
# ---------------------------------------------------------------------------
def aht(talk_time, hold_time, acw, contacts) -> float | np.ndarray | pd.Series:
    """Average handling time: ``AHT = (talk_time + hold_time + acw) / contacts``.

    Times are totals over the contacts (usually seconds); the result is in the same unit per
    contact. ``acw`` is after-call work (nawerk).
    """
    scalar = is_scalar_call(talk_time, hold_time, acw, contacts)
    index = series_index(talk_time=talk_time, hold_time=hold_time, acw=acw, contacts=contacts)
    t, h, a, c = broadcast(talk_time=as_array("talk_time", talk_time),
                            hold_time=as_array("hold_time", hold_time),
                            acw=as_array("acw", acw), contacts=as_array("contacts", contacts))
    _denominator("contacts", c, "AHT")
    return wrap((t + h + a) / c, scalar, index, "aht")


def weighted_aht(aht, handled) -> float:
    """AHT over several intervals or days: ``sum(aht_i * handled_i) / sum(handled_i)``, seconds.

    ``aht`` per period (seconds) and ``handled`` the contacts handled in it (the AHT's own
    denominator), one-dimensional and of equal length. The plain mean of the AHTs would weigh a
    quiet period as much as a busy one.
    """
    h = as_array("aht", aht)
    n = as_array("handled", handled)
    if h.ndim != 1 or n.ndim != 1 or h.shape != n.shape or h.size == 0:
        raise value_error("handled", handled, "shape",
                          f"be one-dimensional, non-empty and as long as aht ({h.shape})",
                          f"shape {n.shape}")
    series_index(aht=aht, handled=handled)
    total = n.sum()
    if total == 0:
        raise value_error("handled", handled, "too_small",
                          "sum to > 0 (the AHT is undefined without handled contacts)")
    return float(np.multiply(h, n).sum() / total)


def asa(total_wait, answered) -> float | np.ndarray | pd.Series:
    """Average speed of answer: ``ASA = total_wait / answered``.

    ``total_wait`` is the summed waiting time of the *answered* contacts only (the wait of
    callers who hung up belongs to the abandon statistics); same unit out as in.
    """
    scalar = is_scalar_call(total_wait, answered)
    index = series_index(total_wait=total_wait, answered=answered)
    w, n = broadcast(total_wait=as_array("total_wait", total_wait),
                      answered=as_array("answered", answered))
    _denominator("answered", n, "ASA")
    return wrap(w / n, scalar, index, "asa")


def _mean_time(total_name, total, count_name, count, kpi):
    """``total / count`` for a summed time over a count: both >= 0, ``count > 0``."""
    scalar = is_scalar_call(total, count)
    index = series_index(**{total_name: total, count_name: count})
    t, n = broadcast(**{total_name: as_array(total_name, total), count_name: as_array(count_name, count)})
    _denominator(count_name, n, kpi)
    return wrap(t / n, scalar, index, kpi)


def mean_wait(total_wait, offered) -> float | np.ndarray | pd.Series:
    """Mean wait of *all* callers, answered and abandoned: ``mean_wait = total_wait / offered``.

    ``total_wait`` is the summed waiting time of every offered contact (answered callers up to
    the answer, abandoned callers up to hanging up); same unit out as in. Unlike the ASA it does
    not improve when callers give up.
    """
    return _mean_time("total_wait", total_wait, "offered", offered, "mean_wait")


def ata(total_wait, abandoned) -> float | np.ndarray | pd.Series:
    """Average time to abandon: ``ATA = total_wait / abandoned``, the mean wait of the callers who
    hung up before being answered.

    ``total_wait`` is the summed waiting time of the abandoned contacts only; same unit out as in.
    The ATA is no estimate of patience (patient callers are answered before they give up).
    """
    return _mean_time("total_wait", total_wait, "abandoned", abandoned, "ata")


def abandon_rate(abandoned, offered, short_abandoned=0) -> float | np.ndarray | pd.Series:
    """Share of offered contacts that hung up before being answered (fraction 0-1).

    ``abandon_rate = (abandoned - short_abandoned) / (offered - short_abandoned)``

    ``short_abandoned`` (default 0) are callers who hung up within a short threshold (often
    5 s): wrong numbers and callers who heard the menu and left. They are part of
    ``abandoned`` and are taken out of both counts when given.
    """
    scalar = is_scalar_call(abandoned, offered, short_abandoned)
    index = series_index(abandoned=abandoned, offered=offered, short_abandoned=short_abandoned)
    a, o, s = broadcast(abandoned=as_array("abandoned", abandoned),
                         offered=as_array("offered", offered),
                         short_abandoned=as_array("short_abandoned", short_abandoned))
    _not_above("short_abandoned", s, "abandoned", a)
    _not_above("abandoned", a, "offered", o)
    _denominator("offered - short_abandoned", o - s, "the abandon rate")
    return wrap((a - s) / (o - s), scalar, index, "abandon_rate")


def accessibility(answered, offered) -> float | np.ndarray | pd.Series:
    """Accessibility (bereikbaarheid): ``answered / offered`` (fraction 0-1).

    Unlike the service level it ignores how long callers waited; it is ``1 - abandon_rate`` when
    every offered contact is either answered or abandoned.
    """
    return _ratio("accessibility", "answered", answered, "offered", offered)


# ---------------------------------------------------------------------------
# service level
# ---------------------------------------------------------------------------
SERVICE_LEVEL_VARIANTS = ("offered", "answered", "excluding_short_abandons")


def service_level(answered_in_time, offered, *, answered=None, short_abandoned=None,
                  variant="offered") -> float | np.ndarray | pd.Series:
    """Share of contacts answered within the acceptable waiting time (AWT), fraction 0-1.

    ``80/20`` means: ``service_level >= 0.8`` with AWT 20 seconds. The variants differ only in
    the denominator, and they give different numbers for the same interval, so always say which
    one a target uses:

    * ``"offered"`` (default): ``answered_in_time / offered``. Abandoned calls count as late,
      as in Erlang C/A (:func:`wfmcourse.domain.erlang.service_level`).
    * ``"answered"``: ``answered_in_time / answered`` (needs ``answered``). Ignores abandoned
      calls, so it looks better the more callers give up.
    * ``"excluding_short_abandons"``: ``answered_in_time / (offered - short_abandoned)``
      (needs ``short_abandoned``, the callers who hung up within a short threshold, e.g. 5 s).

    ``answered`` and ``short_abandoned`` belong to their variant; passing one with another
    variant raises instead of being silently ignored.
    """
    choice("variant", variant, SERVICE_LEVEL_VARIANTS)
    optional_array("answered", answered)
    optional_array("short_abandoned", short_abandoned)
    needs = {"answered": "answered", "excluding_short_abandons": "short_abandoned"}
    extra = {"answered": answered, "short_abandoned": short_abandoned}
    for name, value in extra.items():
        if value is None and needs.get(variant) == name:
            raise ParameterValueError(name, None, "inconsistent",
                f"{name} must be given for variant={variant!r}, got None")
        if value is not None and needs.get(variant) != name:
            raise ParameterValueError(name, value, "inconsistent",
                f"{name} is only used with variant="
                f"{[v for v, n in needs.items() if n == name][0]!r}, "
                f"got {name}={value!r} with variant={variant!r}")
    scalar = is_scalar_call(answered_in_time, offered, answered, short_abandoned)
    index = series_index(answered_in_time=answered_in_time, offered=offered,
                          answered=answered, short_abandoned=short_abandoned)
    t = as_array("answered_in_time", answered_in_time)
    o = as_array("offered", offered)
    t, o = broadcast(answered_in_time=t, offered=o)
    if variant == "offered":
        _not_above("answered_in_time", t, "offered", o)
        denominator = _denominator("offered", o, "the service level")
    elif variant == "answered":
        a = as_array("answered", answered)
        t, o, a = broadcast(answered_in_time=t, offered=o, answered=a)
        _not_above("answered", a, "offered", o)
        _not_above("answered_in_time", t, "answered", a)
        denominator = _denominator("answered", a, "the service level of answered contacts")
    else:
        s = as_array("short_abandoned", short_abandoned)
        t, o, s = broadcast(answered_in_time=t, offered=o, short_abandoned=s)
        _not_above("short_abandoned", s, "offered", o)
        # short abandons were not answered, so they cannot also be answered in time
        _not_above("answered_in_time", t, "offered - short_abandoned", o - s)
        denominator = _denominator("offered - short_abandoned", o - s, "the service level")
    return wrap(t / denominator, scalar, index, "service_level")


def combine_service_levels(service_levels, volumes) -> float:
    """Service level over several intervals or days: the volume-weighted mean.

    ``SL = sum_i SL_i * volume_i / sum_i volume_i``

    ``volumes`` must be the denominator of the variant used (offered contacts for the
    "of offered" service level, answered contacts for "of answered"). Then this is exactly the
    service level of all contacts together. The plain mean of the interval service levels is
    wrong: a quiet 07:00 interval with 3 calls would weigh as much as a busy 10:00 interval
    with 300.
    """
    sl = as_array("service_levels", service_levels, high=1.0)
    v = as_array("volumes", volumes)
    if sl.ndim != 1 or v.ndim != 1 or sl.shape != v.shape:
        raise ParameterValueError("volumes", volumes, "shape",
            f"service_levels and volumes must be one-dimensional and of equal "
            f"length, got shapes {sl.shape} and {v.shape}")
    series_index(service_levels=service_levels, volumes=volumes)
    total = v.sum()
    if total == 0:
        raise ParameterValueError("volumes", volumes, "too_small",
            f"volumes must sum to > 0 (the combined service level is undefined "
            f"without contacts), got {show_bad(volumes)}")
    return float(np.average(sl, weights=v))


# ---------------------------------------------------------------------------
# customer KPIs and surveys
# ---------------------------------------------------------------------------
def fcr(resolved_first_contact, questions) -> float | np.ndarray | pd.Series:
    """First contact resolution: ``resolved_first_contact / questions`` (fraction 0-1).

    ``questions`` counts customer questions, not contacts: a repeat contact about the same
    question is no new question (see :func:`wfmcourse.domain.reporting.contact_summary`).
    """
    return _ratio("fcr", "resolved_first_contact", resolved_first_contact, "questions", questions)


def repeat_rate(repeat_contacts, contacts) -> float | np.ndarray | pd.Series:
    """Repeat rate: ``repeat_contacts / contacts`` (fraction 0-1), the share of contacts that
    follow an earlier contact about the same question."""
    return _ratio("repeat_rate", "repeat_contacts", repeat_contacts, "contacts", contacts)


def churn_rate(lost_customers, customers) -> float | np.ndarray | pd.Series:
    """Churn rate: ``lost_customers / customers`` (fraction 0-1) over a period, with
    ``customers`` the number at the start of the period."""
    return _ratio("churn_rate", "lost_customers", lost_customers, "customers", customers)


def retention_rate(retained_customers, customers) -> float | np.ndarray | pd.Series:
    """Retention rate: ``retained_customers / customers`` (fraction 0-1); with the same
    ``customers`` it is ``1 - churn_rate``."""
    return _ratio("retention_rate", "retained_customers", retained_customers,
                  "customers", customers)


def _survey_scores(scores, scale):
    """Validated 1-d array of whole survey scores within ``scale = (low, high)``."""
    if isinstance(scale, (str, bytes)) or not hasattr(scale, "__len__"):
        raise type_error("scale", scale, "a pair (low, high) of whole numbers")
    if len(scale) != 2:
        raise ParameterValueError("scale", scale, "shape",
            f"scale must be a pair (low, high), got {short_repr(scale)}")
    low, high = scale
    low = float(as_array("scale", low, low=None, integer=True))
    high = float(as_array("scale", high, low=None, integer=True))
    if not low < high:
        raise ParameterValueError("scale", scale, "inconsistent",
            f"scale must have low < high, got {scale!r}")
    s = as_array("scores", scores, low=low, high=high, integer=True).ravel()
    if s.size == 0:
        raise ParameterValueError("scores", scores, "empty",
            f"scores must contain at least one response, got {scores!r}")
    return s, low, high


def nps(scores) -> float:
    """Net Promoter Score from raw 0-10 answers: ``% promoters - % detractors``, -100 to 100.

    Promoters answer 9 or 10, detractors 0 to 6; passives (7, 8) only count in the total.
    Every score must be a whole number from 0 to 10.
    """
    s, _, _ = _survey_scores(scores, (0, 10))
    return float(100.0 * (np.mean(s >= 9) - np.mean(s <= 6)))


def csat(scores, *, threshold=4, scale=(1, 5)) -> float:
    """Customer satisfaction: share of responses with ``score >= threshold`` (fraction 0-1).

    Default: scores 4 and 5 on a 1-5 scale count as positive. Every score must be a whole
    number within ``scale``, and ``threshold`` must lie within the scale too.
    """
    s, low, high = _survey_scores(scores, scale)
    as_array("threshold", threshold, low=low, high=high)
    return float(np.mean(s >= threshold))


def ces(scores, *, scale=(1, 5)) -> float:
    """Customer effort score: the mean score on ``scale`` (default 1-5).

    Check the direction of the questionnaire: on some CES scales a low score means little effort
    (good), on others a high score means "it was easy" (good).
    """
    s, _, _ = _survey_scores(scores, scale)
    return float(np.mean(s))


# ---------------------------------------------------------------------------
# agent time
# ---------------------------------------------------------------------------
def occupancy(handling_time, idle_time) -> float | np.ndarray | pd.Series:
    """Measured occupancy (bezettingsgraad): ``handling_time / (handling_time + idle_time)``, 0-1.

    Only time available for contacts counts: talking, holding, after-call work and waiting for
    the next contact. Breaks, meetings and training are outside it (see :func:`utilisation`).
    Times in any one unit (usually seconds or hours).

    The same concept as :func:`wfmcourse.domain.erlang.occupancy`, which *predicts* it from the
    queueing model (``traffic / agents`` with Erlang C, ``carried traffic / agents`` with Erlang A):
    this one measures it afterwards from the agents' time. Over a long enough period with the
    planned number of agents logged in, the two agree.
    """
    scalar = is_scalar_call(handling_time, idle_time)
    index = series_index(handling_time=handling_time, idle_time=idle_time)
    h, i = broadcast(handling_time=as_array("handling_time", handling_time),
                      idle_time=as_array("idle_time", idle_time))
    _denominator("handling_time + idle_time", h + i, "occupancy")
    return wrap(h / (h + i), scalar, index, "occupancy")


def utilisation(handling_time, paid_time) -> float | np.ndarray | pd.Series:
    """Utilisation: ``handling_time / paid_time`` (fraction 0-1).

    Unlike :func:`occupancy` the denominator is all paid (or scheduled) time, including breaks,
    meetings, training and not-ready time, so utilisation <= occupancy. Roughly
    ``utilisation = occupancy * (1 - shrinkage)``.
    """
    return _ratio("utilisation", "handling_time", handling_time, "paid_time", paid_time)


def not_ready_rate(not_ready_time, logged_in_time) -> float | np.ndarray | pd.Series:
    """Not ready %: ``not_ready_time / logged_in_time`` as a fraction 0-1."""
    return _ratio("not_ready_rate", "not_ready_time", not_ready_time,
                  "logged_in_time", logged_in_time)


def productivity(contacts, hours) -> float | np.ndarray | pd.Series:
    """Productivity: ``contacts / hours`` (contacts per hour, not a fraction)."""
    return _ratio("productivity", "contacts", contacts, "hours", hours, capped=False)


def shrinkage(non_productive_time, paid_time) -> float | np.ndarray | pd.Series:
    """Measured shrinkage: ``non_productive_time / paid_time`` (fraction 0-1).

    Non-productive: all paid time not available for contacts (leave, sickness, breaks,
    training, meetings, coaching). For planning with shrinkage see
    :mod:`wfmcourse.domain.shrinkage`.
    """
    return _ratio("shrinkage", "non_productive_time", non_productive_time, "paid_time", paid_time)


# ---------------------------------------------------------------------------
# staff
# ---------------------------------------------------------------------------
def fte(hours, contract_hours) -> float | np.ndarray | pd.Series:
    """Full-time equivalents: ``FTE = hours / contract_hours``.

    ``contract_hours`` is the full-time week of the organisation and must be given: Dutch
    collective agreements mostly use 36 to 38 hours, not 40. ``hours`` over the same period
    (usually a week).
    """
    scalar = is_scalar_call(hours, contract_hours)
    index = series_index(hours=hours, contract_hours=contract_hours)
    h, c = broadcast(hours=as_array("hours", hours),
                      contract_hours=as_array("contract_hours", contract_hours, low=0.0,
                                              low_inclusive=False))
    return wrap(h / c, scalar, index, "fte")


def turnover_rate(leavers, average_headcount) -> float | np.ndarray | pd.Series:
    """Turnover (verloop): ``leavers / average_headcount`` over a period, as a fraction.

    Not capped at 1: with many short stays a contact centre can lose more people in a year than
    its average headcount (an annual turnover above 100 %).
    """
    return _ratio("turnover_rate", "leavers", leavers, "average_headcount", average_headcount,
                  capped=False)


def sickness_rate(sick_days, available_days) -> float | np.ndarray | pd.Series:
    """Sickness absence rate (verzuim): ``sick_days / available_days`` (fraction 0-1).

    The Dutch ``verzuimpercentage``: calendar or working days lost to sickness over the days
    employees were available (under contract) in the period. Leave is not sickness: together
    they are the absence of :func:`wfmcourse.domain.capacity.absence_and_floor`.
    """
    return _ratio("sickness_rate", "sick_days", sick_days, "available_days", available_days)


# ---------------------------------------------------------------------------
# volume patterns
# ---------------------------------------------------------------------------
def volume(contacts, freq="15min") -> pd.Series:
    """Contacts per interval as a Series over consecutive intervals (empty intervals give 0).

    ``contacts`` is either the arrival times of individual contacts (a Series of datetimes or
    a DatetimeIndex) or a Series of counts with a DatetimeIndex at a finer grain, which is then
    summed per interval of ``freq`` (a pandas frequency such as ``"15min"``, ``"30min"``, ``"h"``;
    elsewhere ``interval`` is a length in seconds). ``volume[t] = #contacts in [t, t + freq)``.
    """
    if not isinstance(freq, str):
        raise type_error("freq", freq, 'a pandas frequency such as "15min"')
    try:
        pd.tseries.frequencies.to_offset(freq)
    except ValueError:
        raise value_error("freq", freq, "choice", 'be a pandas frequency such as "15min" or "h"') from None
    if isinstance(contacts, pd.DatetimeIndex):
        times = contacts
    elif isinstance(contacts, pd.Series) and pd.api.types.is_datetime64_any_dtype(contacts):
        times = pd.DatetimeIndex(contacts)
    elif isinstance(contacts, pd.Series) and isinstance(contacts.index, pd.DatetimeIndex):
        counts = as_array("contacts", contacts)
        if contacts.index.hasnans:
            raise ParameterValueError("contacts", contacts, "not_finite",
                "contacts must have no missing timestamps (NaT) in its index")
        return pd.Series(counts, index=contacts.index).resample(freq).sum().rename("volume")
    else:
        raise type_error("contacts", contacts, "arrival times (a DatetimeIndex or Series of "
                         "datetimes) or a Series of counts with a DatetimeIndex")
    if times.hasnans:
        raise ParameterValueError("contacts", contacts, "not_finite",
            "contacts must have no missing arrival times (NaT)")
    ones = pd.Series(1, index=times).sort_index()
    return ones.resample(freq).sum().astype(int).rename("volume")


def peak_hours(volume, k=3) -> pd.Index:
    """The ``k`` labels (intervals, hours, days) with the highest volume, busiest first.

    ``volume`` is a Series of contacts indexed by interval or hour. Ties keep the earlier
    label. For the busiest hours of the day over many days, first group, e.g.
    ``v.groupby(v.index.hour).mean()``.
    """
    series("volume", volume)
    as_array("volume", volume)
    n = int(as_array("k", k, low=1.0, integer=True))
    if n > len(volume):
        raise ParameterValueError("k", k, "too_large",
            f"k must be <= the number of labels in volume ({len(volume)}), got {k!r}")
    return volume.nlargest(n, keep="first").index
