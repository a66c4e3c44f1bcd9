"""The year's capacity and hiring plan: demand per week, supply after turnover and hiring, the gap, the plan.

API (plan weeks are positions ``0 .. n-1``; a week is 7 days, ``hours_per_fte`` paid hours a week):

* :class:`Policy` - the workforce rules: monthly turnover by tenure, recruitment and training weeks, the
  learning curve, the class size range, contract size and hours. :class:`Costs` - euros per FTE hour, per
  overtime and flex hour, per hire and per class.
* Demand: :func:`weekly_shrinkage` (52 weeks of shrinkage: a base plus summer and December leave and the
  sickness season), :func:`week_profile` (each interval's share of a week's calls),
  :func:`required_fte` (Erlang per interval of the week -> paid FTE per week), :func:`workload_fte`
  (the simple workload / occupancy / (1 - shrinkage) method, a cross-check).
* Supply: :func:`weekly_rate` (monthly turnover -> weekly), :func:`cohort` (a class's expected
  survival and productivity per week of tenure), :func:`project_supply` (headcount and productive FTE per
  week for given classes), :func:`capacity_gap` (the gap per week in FTE and hours), :func:`flex_hour_value`
  (paid requirement hours one extra hour covers: it loses only its pause), :func:`fill_gaps` (cheapest flex and
  overtime for a fixed plan).
* Plan: :func:`uncoverable_weeks` (weeks even the largest classes, the full flex pool and all overtime
  cannot cover), :func:`plan_hiring` (class start weeks and sizes, flex and overtime at least cost with
  ``scipy.optimize.milp``; optional ``final_fte`` floor for the last week, classes already ``committed``, a
  ``time_limit``) -> :class:`HiringPlan` (``classes``, ``weeks``, ``costs``, ``status``, ``gap``).

Money (budget, cost per contact, the service-level/cost curve, turnover in euros) is in
:mod:`wfmcourse.domain.budget`.

The model (all expected values, so it stays linear in the class sizes):

* A class starting recruitment in week ``k`` hires its people in week ``h = k + recruitment_weeks``; they are
  paid from then on (salary; ``Costs.hire_cost`` is the one-off recruitment and training cost on top). In
  week ``t`` a hire has tenure ``tau = t - h`` weeks.
* Turnover: a monthly rate ``m`` is ``q = 1 - (1 - m)^(12/52)`` a week; hires with tenure below
  ``new_hire_months`` (in weeks: ``round(months x 52/12)``) leave at ``new_hire_turnover``, the rest at
  ``turnover``. Expected survival ``S(tau) = prod_{s < tau} (1 - q(s))``, ``S(0) = 1``: of ``x`` hires,
  ``x S(tau)`` are still there. The current staff (``initial_headcount``) are past the new-hire period.
* Productivity ``p(tau)``: 0 during the ``training_weeks``, then ``learning_curve[0]``, ``[1]``, ... and 1
  after. Productive FTE in week ``t``: ``fte_per_person x (N0 (1 - q_settled)^t + sum_k x_k S(tau_k) p(tau_k))``.
* Demand ``R_t`` is in paid FTE: planned leave, sickness and the other shrinkage of the week are grossed up
  there (:func:`weekly_shrinkage`), so supply counts paid (contract) FTE and leave is not subtracted twice.
  The week is covered when
  ``hours_per_fte x productive_fte_t + flex_t + overtime_t >= hours_per_fte x R_t``, with
  ``flex_t <= max_flex_hours`` and ``overtime_t <= max_overtime_share x hours_per_fte x productive_fte_t``.
  By default an hour of flex or overtime covers an hour of the paid requirement. A flex or overtime hour is
  worked on top of the roster for one peak, so it carries only its pause, not the week's leave, sickness and
  training: ``flex_value`` (from :func:`flex_hour_value`, ``(1 - pause) / (1 - s_w)``) says how many paid
  requirement hours one such hour covers, and the coverage becomes
  ``hours_per_fte x productive_fte_t + flex_value_t (flex_t + overtime_t) >= hours_per_fte x R_t``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp

from wfmcourse.domain import erlang
from wfmcourse.validation import (
    as_array,
    choice,
    dataframe,
    instance,
    one_dimensional,
    regular_time_index,
    scalar,
    series,
    show_bad,
    type_error,
    value_error,
    whole,
)

__all__ = ["Policy", "Costs", "HiringPlan", "weekly_shrinkage", "week_profile", "required_fte", "workload_fte",
           "weekly_rate", "cohort", "project_supply", "capacity_gap", "flex_hour_value", "fill_gaps",
           "uncoverable_weeks", "plan_hiring"]

WEEKS_PER_MONTH = 52 / 12


# ---------------------------------------------------------------------------
# parameters
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Policy:
    """The workforce rules of a hiring plan (checked when made; a wrong value raises naming the field).

    Turnover rates are **monthly** fractions (0.05 = 5 % of the people leave per month).
    """

    turnover: float = 0.015           #: monthly turnover of people past the new-hire period
    new_hire_turnover: float = 0.04   #: monthly turnover in the first ``new_hire_months``
    new_hire_months: float = 6.0      #: how long the higher new-hire turnover lasts, months
    recruitment_weeks: int = 6        #: weeks from the start of recruitment to the first working day
    training_weeks: int = 4           #: weeks of classroom training (paid, not productive)
    learning_curve: tuple = (0.5, 0.7, 0.85)   #: productivity per week after training, fractions, then 1
    min_class: int = 5                #: smallest class that is worth training, people
    max_class: int = 15               #: largest class one trainer takes, people
    fte_per_person: float = 0.85      #: mean contract size (FTE per person)
    hours_per_fte: float = 36.0       #: paid hours per week of one FTE

    def __post_init__(self):
        scalar("turnover", self.turnover, high=1.0, high_inclusive=False)
        scalar("new_hire_turnover", self.new_hire_turnover, high=1.0, high_inclusive=False)
        scalar("new_hire_months", self.new_hire_months)
        whole("recruitment_weeks", self.recruitment_weeks)
        whole("training_weeks", self.training_weeks)
        if not isinstance(self.learning_curve, tuple):
            raise type_error("learning_curve", self.learning_curve, "a tuple of fractions (may be empty)")
        if self.learning_curve:
            one_dimensional("learning_curve", self.learning_curve, high=1.0)
        low = whole("min_class", self.min_class, low=1.0)
        if whole("max_class", self.max_class, low=1.0) < low:
            raise value_error("max_class", self.max_class, "too_small", f"be >= min_class ({low})")
        scalar("fte_per_person", self.fte_per_person, low=0.0, low_inclusive=False)
        scalar("hours_per_fte", self.hours_per_fte, low=0.0, low_inclusive=False)

    @property
    def lead_weeks(self) -> int:
        """Weeks from the start of recruitment to the first productive week: recruitment + training."""
        return int(self.recruitment_weeks) + int(self.training_weeks)

    @property
    def new_hire_weeks(self) -> int:
        """The new-hire period in weeks: ``round(new_hire_months x 52 / 12)``."""
        return int(round(float(self.new_hire_months) * WEEKS_PER_MONTH))


@dataclass(frozen=True)
class Costs:
    """Euros of a plan. ``fte_hour_cost`` is the employer's cost of one paid contract hour (salary, holiday pay,
    employer's charges; no overhead): 24 euro x 36 h x 52 = about 44,900 euro per FTE a year, a Dutch contact-centre
    agent. Training is paid once: the trainees' salary is in the salaries, the trainer and room in ``class_cost``,
    so ``hire_cost`` is recruitment only (advertising, selection, screening, workplace)."""

    fte_hour_cost: float = 24.0       #: euro per paid hour of an employee
    overtime_hour_cost: float = 36.0  #: euro per overtime hour (1.5 x the hourly cost)
    flex_hour_cost: float = 28.0      #: euro per hour of the flex pool (agency rate)
    hire_cost: float = 2000.0         #: euro per hire: recruitment and selection; training salary not included
    class_cost: float = 10000.0       #: euro per class: a trainer for the training weeks and a room

    def __post_init__(self):
        for name in ("fte_hour_cost", "overtime_hour_cost", "flex_hour_cost", "hire_cost", "class_cost"):
            scalar(name, getattr(self, name))

    def fte_year_cost(self, hours_per_fte=36.0) -> float:
        """Cost of one FTE for 52 weeks: ``fte_hour_cost x hours_per_fte x 52`` (euro)."""
        return float(self.fte_hour_cost) * scalar("hours_per_fte", hours_per_fte, low=0.0, low_inclusive=False) * 52


def _policy(value):
    return instance("policy", value, Policy, "a hiring.Policy")


def _costs(value):
    return instance("costs", value, Costs, "a hiring.Costs")


# ---------------------------------------------------------------------------
# demand
# ---------------------------------------------------------------------------
def _season(name, value):
    """An inclusive ISO week range ``(first, last)``; ``first > last`` wraps over the new year."""
    if not isinstance(value, tuple):
        raise type_error(name, value, "a pair (first week, last week) of ISO week numbers 1-53")
    weeks = one_dimensional(name, value, low=1.0, high=53.0, integer=True)
    if weeks.size != 2:
        raise value_error(name, value, "shape", "be a pair (first week, last week)")
    return int(weeks[0]), int(weeks[1])


def _in_season(week, season):
    """Whether ISO ``week`` lies in ``season``; week 53 (some years have one) also takes week 52's seasons."""
    first, last = season

    def inside(w):
        return (w >= first) & (w <= last) if first <= last else (w >= first) | (w <= last)
    return inside(week) | ((week == 53) & inside(52))


def weekly_shrinkage(base=0.3, *, summer_leave=0.08, summer_weeks=(28, 35), december_leave=0.06,
                     december_weeks=(51, 1), sickness=0.02, sickness_weeks=(1, 12), index=None) -> pd.Series:
    """Shrinkage per week of the year (fractions): ``s_w = base + leave and sickness of the seasons w lies in``.

    ``s_w = base + summer_leave [w in summer_weeks] + december_leave [w in december_weeks] + sickness [w in
    sickness_weeks]``. ``base`` is the shrinkage of an ordinary week (breaks, meetings, training, ordinary
    leave and sickness); the three extras are fractions of paid time on top. Seasons are inclusive ISO week
    ranges ``(first, last)``; ``first > last`` wraps over the new year (``(45, 10)`` is November to March).
    ``index`` ``None`` gives weeks 1..52 (index ``week``); a DatetimeIndex (the Mondays of a weekly forecast)
    gives a value per date by its ISO week, keeping that index (an ISO week 53 is in every season week 52 is
    in). Every ``s_w`` must stay below 1.
    """
    b = scalar("base", base, high=1.0, high_inclusive=False)
    extras = {"summer_leave": (scalar("summer_leave", summer_leave, high=1.0), _season("summer_weeks", summer_weeks)),
              "december_leave": (scalar("december_leave", december_leave, high=1.0),
                                 _season("december_weeks", december_weeks)),
              "sickness": (scalar("sickness", sickness, high=1.0), _season("sickness_weeks", sickness_weeks))}
    if index is None:
        weeks = np.arange(1, 53)
        out_index = pd.RangeIndex(1, 53, name="week")
    else:
        if not isinstance(index, pd.DatetimeIndex):
            raise type_error("index", index, "None or a pandas DatetimeIndex (the weeks of a forecast)")
        if len(index) == 0:
            raise value_error("index", index, "empty", "contain at least one week")
        weeks = index.isocalendar().week.to_numpy(int)
        out_index = index
    s = np.full(weeks.shape, b)
    for name, (extra, season) in extras.items():
        s = s + extra * _in_season(weeks, season)
        if (s >= 1).any():
            raise value_error(name, extra, "too_large", "leave base shrinkage plus the extras below 1 in every week",
                              f"{extra!r} (shrinkage {s.max():g} in week {int(weeks[np.argmax(s)])})")
    return pd.Series(s, index=out_index, name="shrinkage")


def week_profile(volume) -> pd.Series:
    """Each interval's share of a week's calls: ``share_i = mean_w v_{w,i} / sum_j mean_w v_{w,j}`` (fractions).

    ``volume``: calls per interval on a regular DatetimeIndex (e.g. ``load_intervals()["calls_offered"]``);
    the mean is taken over the whole weeks (Monday 00:00 to Sunday) in it, per slot of the week. Returns a
    Series ``share`` indexed by the offset from Monday 00:00 (a TimedeltaIndex whose step is the interval),
    summing to 1.
    """
    series("volume", volume, index=pd.DatetimeIndex)
    v = as_array("volume", volume)
    seconds = regular_time_index("volume", volume.index, gaps=False, increasing=True)
    step = pd.Timedelta(seconds=seconds)
    if pd.Timedelta(days=7) % step != pd.Timedelta(0):
        raise value_error("volume", volume, "index", "have an interval that divides a week", f"{seconds:g} s")
    per_week = int(pd.Timedelta(days=7) / step)
    offset = volume.index - volume.index.normalize() + pd.to_timedelta(volume.index.day_of_week, unit="D")
    start = int(np.flatnonzero(offset == pd.Timedelta(0))[0]) if (offset == pd.Timedelta(0)).any() else len(v)
    whole_weeks = (len(v) - start) // per_week
    if whole_weeks == 0:
        raise value_error("volume", volume, "shape", "hold at least one whole week (Monday 00:00 to Sunday)")
    mean = v[start:start + whole_weeks * per_week].reshape(whole_weeks, per_week).mean(axis=0)
    if mean.sum() <= 0:
        raise value_error("volume", volume, "too_small", "have calls in its whole weeks")
    return pd.Series(mean / mean.sum(), index=pd.TimedeltaIndex(np.arange(per_week) * step, name="offset"),
                     name="share")


def _forecast(forecast, columns=("calls", "aht")):
    dataframe("forecast", forecast, columns, nonempty=True)
    calls = as_array("forecast", forecast["calls"].to_numpy(float))
    aht = as_array("forecast", forecast["aht"].to_numpy(float), low=0.0, low_inclusive=False)
    return calls, aht


def _per_week(name, value, n, **limits):
    """One value per week: a number, or a sequence/Series of length ``n`` (by position)."""
    arr = as_array(name, value, **limits)
    if arr.ndim == 0:
        return np.full(n, float(arr))
    if arr.shape != (n,):
        raise value_error(name, value, "shape", f"be a number or have one value per week ({n})",
                          f"shape {arr.shape}")
    return arr


def _profile(profile):
    series("profile", profile, index=pd.TimedeltaIndex)
    share = as_array("profile", profile)
    if len(profile) < 2 or share.sum() <= 0:
        raise value_error("profile", profile, "shape", "be a week profile from week_profile (shares summing to 1)")
    step = profile.index[1] - profile.index[0]
    if step <= pd.Timedelta(0) or len(profile) * step != pd.Timedelta(days=7):
        raise value_error("profile", profile, "index", "cover one week in equal steps (week_profile)")
    return share / share.sum(), step.total_seconds()


def required_fte(forecast, shrinkage, profile, *, awt=20, target=0.8, max_asa=None, patience=None,
                 hours_per_fte=36.0) -> pd.DataFrame:
    """Paid FTE per week that meet the service target, through Erlang C on every interval of the week.

    For week ``w`` with ``C_w`` calls and AHT ``h_w`` seconds (``forecast``: columns ``calls``, ``aht``, as
    :func:`wfmcourse.domain.forecast.weekly_forecast`) the calls of interval ``i`` are ``C_w x share_i``
    (``profile`` from :func:`week_profile`, interval ``I`` seconds); ``n_{w,i}`` =
    ``erlang.agents_needed(C_w share_i h_w / I, h_w, awt, target, max_asa=max_asa, patience=patience)``
    (Erlang A when ``patience``, the callers' mean patience in seconds, is given). Then

    ``net_hours_w = sum_i n_{w,i} I / 3600`` (agents on the phones), ``required_fte_w = net_hours_w /
    (1 - s_w) / hours_per_fte`` (``shrinkage``: a number or one fraction per week, e.g.
    :func:`weekly_shrinkage`). Whole agents per interval carry the quiet intervals' idle time, so the
    implied ``occupancy = workload_hours / net_hours`` is below the busy hours' one.

    Returns the forecast's index with ``calls``, ``aht``, ``workload_hours``, ``shrinkage``, ``net_hours``,
    ``occupancy``, ``required_fte`` and ``required_hours`` (= ``required_fte x hours_per_fte``, paid hours).
    """
    calls, aht = _forecast(forecast)
    n = len(calls)
    s = _per_week("shrinkage", shrinkage, n, high=1.0, high_inclusive=False)
    share, interval = _profile(profile)
    hours = scalar("hours_per_fte", hours_per_fte, low=0.0, low_inclusive=False)
    scalar("awt", awt)
    scalar("target", target, low=0.0, low_inclusive=False, high=1.0, high_inclusive=False)
    if max_asa is not None:
        scalar("max_asa", max_asa, low=0.0, low_inclusive=False)
    if patience is not None:
        scalar("patience", patience, low=0.0, low_inclusive=False)
    traffic = np.outer(calls, share) * (aht / interval)[:, None]
    agents = erlang.agents_needed(traffic, np.broadcast_to(aht[:, None], traffic.shape), awt, target,
                                  max_asa=max_asa, patience=patience)
    net = np.asarray(agents, dtype=float).sum(axis=1) * interval / 3600
    workload = calls * aht / 3600
    fte = net / (1 - s) / hours
    with np.errstate(invalid="ignore", divide="ignore"):
        occ = np.where(net > 0, workload / np.where(net > 0, net, 1.0), 0.0)
    return pd.DataFrame({"calls": calls, "aht": aht, "workload_hours": workload, "shrinkage": s, "net_hours": net,
                         "occupancy": occ, "required_fte": fte, "required_hours": fte * hours}, index=forecast.index)


def workload_fte(forecast, shrinkage, *, occupancy=0.85, hours_per_fte=36.0) -> pd.DataFrame:
    """The simple method: ``required_fte_w = C_w h_w / 3600 / occupancy / (1 - s_w) / hours_per_fte``.

    ``occupancy``: the planned share of logged-in time spent handling calls (a fraction, one number or one
    per week). Easy to explain, but it ignores that a queue needs idle agents to answer fast: set it beside
    :func:`required_fte`. Same columns as :func:`required_fte`.
    """
    calls, aht = _forecast(forecast)
    n = len(calls)
    s = _per_week("shrinkage", shrinkage, n, high=1.0, high_inclusive=False)
    occ = _per_week("occupancy", occupancy, n, low=0.0, low_inclusive=False, high=1.0)
    hours = scalar("hours_per_fte", hours_per_fte, low=0.0, low_inclusive=False)
    workload = calls * aht / 3600
    net = workload / occ
    fte = net / (1 - s) / hours
    return pd.DataFrame({"calls": calls, "aht": aht, "workload_hours": workload, "shrinkage": s, "net_hours": net,
                         "occupancy": occ, "required_fte": fte, "required_hours": fte * hours}, index=forecast.index)


# ---------------------------------------------------------------------------
# supply
# ---------------------------------------------------------------------------
def weekly_rate(monthly) -> float | np.ndarray:
    """Weekly share of people leaving from a monthly one: ``q = 1 - (1 - m)^(12/52)`` (fractions 0-1).

    Twelve months are 52 weeks, so ``(1 - q)^52 = (1 - m)^12``: the same share is left after a year.
    """
    m = as_array("monthly", monthly, high=1.0, high_inclusive=False)
    q = -np.expm1(np.log1p(-m) / WEEKS_PER_MONTH)
    return float(q) if q.ndim == 0 else q


def cohort(policy, weeks) -> pd.DataFrame:
    """One hire's expected path over ``weeks`` weeks of tenure ``tau = 0, 1, ...`` (from the first working day).

    ``leave_rate`` ``q(tau)`` (weekly; the new-hire rate below ``policy.new_hire_weeks``), ``survival``
    ``S(tau) = prod_{s < tau} (1 - q(s))`` (expected share still employed, ``S(0) = 1``), ``productivity``
    ``p(tau)`` (0 in training, then the learning curve, then 1) and ``expected_productivity`` = ``S(tau) p(tau)``
    (productive FTE per person hired, before ``fte_per_person``).
    Index ``tenure`` (weeks).
    """
    p = _policy(policy)
    n = whole("weeks", weeks, low=1.0)
    tau = np.arange(n)
    q = np.where(tau < p.new_hire_weeks, weekly_rate(p.new_hire_turnover), weekly_rate(p.turnover))
    survival = np.concatenate([[1.0], np.cumprod(1 - q)[:-1]])
    curve = np.asarray(p.learning_curve, dtype=float)
    after = tau - int(p.training_weeks)
    productivity = np.where(after < 0, 0.0, 1.0)
    inside = (after >= 0) & (after < curve.size)
    productivity[inside] = curve[after[inside]]
    return pd.DataFrame({"leave_rate": q, "survival": survival, "productivity": productivity,
                         "expected_productivity": survival * productivity}, index=pd.RangeIndex(n, name="tenure"))


def _classes(classes, name="classes"):
    """Validated classes: arrays (start_week, size) from pairs or a DataFrame with those columns."""
    expected = "a list of (start_week, size) pairs or a DataFrame with those columns"
    if isinstance(classes, pd.DataFrame):
        dataframe(name, classes, ("start_week", "size"))
        starts, sizes = classes["start_week"].to_numpy(), classes["size"].to_numpy()
    elif isinstance(classes, Sequence) and not isinstance(classes, (str, bytes)):
        pairs = list(classes)
        if not all(isinstance(pair, (tuple, list)) for pair in pairs):
            raise type_error(name, classes, expected)
        if any(len(pair) != 2 for pair in pairs):
            raise value_error(name, classes, "shape", "hold pairs (start_week, size)")
        starts = [pair[0] for pair in pairs]
        sizes = [pair[1] for pair in pairs]
    else:
        raise type_error(name, classes, expected)
    starts = one_dimensional(name, starts, nonempty=False, low=None, integer=True)
    sizes = one_dimensional(name, sizes, nonempty=False, integer=True)
    return starts.astype(int), sizes


def _weekly_matrix(policy, weeks, starts):
    """(survival, productive) matrices weeks x classes: ``S(t - h_k)`` and ``S p`` (0 before the hire week)."""
    hire = np.asarray(starts, dtype=int) + int(policy.recruitment_weeks)
    tenure = np.arange(weeks)[:, None] - hire[None, :]
    longest = max(int(tenure.max(initial=0)) + 1, 1)
    path = cohort(policy, longest)
    safe = np.clip(tenure, 0, longest - 1)
    employed = tenure >= 0
    return (np.where(employed, path["survival"].to_numpy()[safe], 0.0),
            np.where(employed, path["expected_productivity"].to_numpy()[safe], 0.0))


def _initial(policy, weeks, initial_headcount):
    n0 = scalar("initial_headcount", initial_headcount)
    return n0 * (1 - weekly_rate(policy.turnover)) ** np.arange(weeks)


def project_supply(classes, initial_headcount, policy, weeks=52) -> pd.DataFrame:
    """Expected headcount and productive FTE per plan week ``t = 0 .. weeks-1`` for the given classes.

    ``classes``: ``(start_week, size)`` pairs (or a DataFrame with those columns): recruitment starts in
    ``start_week`` (a plan week; negative for a class already under way), ``size`` people start work in
    ``start_week + recruitment_weeks``. ``initial_headcount``: people employed in week 0 (past the new-hire
    period, fully productive). Columns (people unless stated): ``hires`` (first working day this week),
    ``classes`` (classes hired this week), ``headcount`` (employed: ``N0 (1-q)^t + sum_k x_k S(t - h_k)``),
    ``in_training``, ``leavers`` (expected during the week), ``productive_fte`` (``fte_per_person x
    (N0 (1-q)^t + sum_k x_k S p)``). Index ``week``.
    """
    p = _policy(policy)
    n = whole("weeks", weeks, low=1.0)
    starts, sizes = _classes(classes)
    base = _initial(p, n, initial_headcount)
    survival, productive = _weekly_matrix(p, n, starts)
    hire = starts + int(p.recruitment_weeks)
    hires = np.zeros(n)
    count = np.zeros(n)
    ok = (hire >= 0) & (hire < n)
    np.add.at(hires, hire[ok], sizes[ok])
    np.add.at(count, hire[ok], (sizes[ok] > 0).astype(float))
    tenure = np.arange(n)[:, None] - hire[None, :]
    training = (tenure >= 0) & (tenure < int(p.training_weeks))
    headcount = base + survival @ sizes
    q_settled = weekly_rate(p.turnover)
    path = cohort(p, max(int(tenure.max(initial=0)) + 1, 1))
    rate = np.where(tenure >= 0, path["leave_rate"].to_numpy()[np.clip(tenure, 0, len(path) - 1)], 0.0)
    leavers = base * q_settled + (survival * rate) @ sizes
    return pd.DataFrame({"hires": hires, "classes": count, "headcount": headcount,
                         "in_training": (survival * training) @ sizes, "leavers": leavers,
                         "productive_fte": p.fte_per_person * (base + productive @ sizes)},
                        index=pd.RangeIndex(n, name="week"))


def _required(required_fte):
    arr = one_dimensional("required_fte", required_fte, scalar_ok=False)
    index = required_fte.index if isinstance(required_fte, pd.Series) else pd.RangeIndex(arr.size, name="week")
    return arr, index


def capacity_gap(required_fte, supply, hours_per_fte=36.0) -> pd.DataFrame:
    """The gap per week: ``gap_fte = productive_fte - required_fte`` (negative: short), in hours times
    ``hours_per_fte``.

    ``required_fte``: paid FTE per week (``required_fte(...)["required_fte"]``); ``supply``: a frame with a
    ``productive_fte`` column of the same length (:func:`project_supply`), matched by position. Columns
    ``required_fte``, ``productive_fte``, ``gap_fte``, ``gap_hours`` and ``short_hours`` (``max(-gap_hours, 0)``),
    on the index of ``required_fte`` when it is a Series.
    """
    need, index = _required(required_fte)
    dataframe("supply", supply, ("productive_fte",))
    have = as_array("supply", supply["productive_fte"].to_numpy(float))
    if have.shape != need.shape:
        raise value_error("supply", supply, "shape", f"have one row per week of required_fte ({need.size})",
                          f"{have.size} rows")
    hours = scalar("hours_per_fte", hours_per_fte, low=0.0, low_inclusive=False)
    gap = have - need
    return pd.DataFrame({"required_fte": need, "productive_fte": have, "gap_fte": gap, "gap_hours": gap * hours,
                         "short_hours": np.maximum(-gap * hours, 0.0)}, index=index)


def flex_hour_value(shrinkage, pause=0.059) -> pd.Series | float:
    """Paid requirement hours one flex or overtime hour covers: ``(1 - pause) / (1 - s_w)`` (a ratio >= 0).

    The requirement of week ``w`` is grossed up for its whole shrinkage ``s_w`` (leave, sickness, training,
    meetings, pause); an hour worked on top of the roster for a peak only loses its ``pause`` (fraction of the
    hour). ``shrinkage``: a number or one fraction per week (a Series keeps its index). E.g. ``pause`` 5.9 % and
    ``s_w`` 32 %: one extra hour covers 1.38 paid requirement hours.
    """
    loss = scalar("pause", pause, high=1.0, high_inclusive=False)
    s = as_array("shrinkage", shrinkage, high=1.0, high_inclusive=False)
    if s.ndim > 1:
        raise value_error("shrinkage", shrinkage, "shape", "be a number or one fraction per week", f"shape {s.shape}")
    value = (1 - loss) / (1 - s)
    if np.ndim(value) == 0:
        return float(value)
    return pd.Series(value, index=shrinkage.index if isinstance(shrinkage, pd.Series) else None,
                     name="flex_value")


def _value(flex_value, n):
    return _per_week("flex_value", flex_value, n, low=0.0, low_inclusive=False)


def fill_gaps(required_fte, supply, costs, *, max_flex_hours=0.0, max_overtime_share=0.1, hours_per_fte=36.0,
              flex_value=1.0) -> pd.DataFrame:
    """Cover each week's shortfall with the cheaper of flex and overtime first, within their limits.

    Per week ``short = max(hours_per_fte (required_fte - productive_fte), 0)``; overtime is at most
    ``max_overtime_share x hours_per_fte x productive_fte`` hours, flex at most ``max_flex_hours`` (a number
    or one per week). The cheaper kind (``Costs``) is used first. One flex or overtime hour covers
    ``flex_value`` short hours (a number or one per week, :func:`flex_hour_value`; 1 by default). Columns
    ``flex_hours``, ``overtime_hours`` (hours worked), ``uncovered_hours`` (short requirement hours even after
    both), ``cost`` (euro of flex and overtime) on the index of ``required_fte``.
    """
    gap = capacity_gap(required_fte, supply, hours_per_fte)
    c = _costs(costs)
    n = len(gap)
    flex_cap = _per_week("max_flex_hours", max_flex_hours, n)
    share = scalar("max_overtime_share", max_overtime_share)
    ot_cap = share * float(hours_per_fte) * gap["productive_fte"].to_numpy()
    value = _value(flex_value, n)
    short = gap["short_hours"].to_numpy()
    if c.flex_hour_cost <= c.overtime_hour_cost:
        flex = np.minimum(short / value, flex_cap)
        ot = np.minimum(short / value - flex, ot_cap)
    else:
        ot = np.minimum(short / value, ot_cap)
        flex = np.minimum(short / value - ot, flex_cap)
    uncovered = np.maximum(short - value * (flex + ot), 0.0)
    return pd.DataFrame({"flex_hours": flex, "overtime_hours": ot, "uncovered_hours": uncovered,
                         "cost": flex * c.flex_hour_cost + ot * c.overtime_hour_cost}, index=gap.index)


# ---------------------------------------------------------------------------
# the plan
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class HiringPlan:
    """Result of :func:`plan_hiring` (people, FTE, hours per week, euros)."""

    classes: pd.DataFrame   #: per class: ``start_week``, ``hire_week``, ``productive_week``, ``size``
    #: per week: ``required_fte``, the columns of :func:`project_supply`, ``flex_hours``, ``overtime_hours``,
    #: ``gap_fte`` and ``gap_hours`` (productive minus required, as :func:`capacity_gap`) and
    #: ``uncovered_hours`` (short after flex and overtime: 0 up to rounding)
    weeks: pd.DataFrame
    costs: pd.Series        #: ``salaries``, ``hiring``, ``training_classes``, ``flex``, ``overtime``, ``total`` (euro)
    status: str             #: ``"optimal"``, or ``"time_limit"`` (the best plan found in ``time_limit`` seconds)
    #: how far the plan may lie above the best one, in the objective's unit (euro, or hires): 0 when optimal
    gap: float = 0.0

    @property
    def total_cost(self) -> float:
        """The plan's cost over its weeks in euro."""
        return float(self.costs["total"])

    @property
    def hires(self) -> float:
        """People hired in the plan's classes."""
        return float(self.classes["size"].sum())


def _starts(start_weeks, n, policy):
    if start_weeks is None:
        last = n - int(policy.lead_weeks)     # later classes would not be productive inside the plan
        return np.arange(0, max(last, 0))
    arr = one_dimensional("start_weeks", start_weeks, nonempty=False, integer=True)
    last = n - 1 - int(policy.recruitment_weeks)     # the class must start work inside the plan
    if (arr > last).any():
        raise value_error("start_weeks", start_weeks, "too_large",
                          f"be <= {last} (the class must start work inside the plan's {n} weeks)",
                          show_bad(arr, arr > last))
    if np.unique(arr).size != arr.size:
        raise value_error("start_weeks", start_weeks, "inconsistent", "list each week once")
    return np.sort(arr).astype(int)


def _limits(required_fte, initial_headcount, policy, start_weeks, max_flex_hours, max_overtime_share,
            committed, final_fte):
    """Everything the plan and its feasibility check share."""
    need, index = _required(required_fte)
    p = _policy(policy)
    n = need.size
    if final_fte is not None:
        scalar("final_fte", final_fte)
    starts = _starts(start_weeks, n, p)
    flex_cap = _per_week("max_flex_hours", max_flex_hours, n)
    share = scalar("max_overtime_share", max_overtime_share)
    _classes(committed, "committed")
    fixed = project_supply(committed, initial_headcount, p, n)
    _, productive = _weekly_matrix(p, n, starts)
    return need, index, p, starts, flex_cap, share, fixed, productive * p.fte_per_person


def _label(index, t):
    value = index[t]
    return str(value.date()) if isinstance(value, pd.Timestamp) else value


def uncoverable_weeks(required_fte, initial_headcount, policy, *, start_weeks=None, max_flex_hours=0.0,
                      max_overtime_share=0.1, committed=(), final_fte=None, flex_value=1.0) -> pd.DataFrame:
    """Weeks that even the most supply cannot cover: a class of ``max_class`` in every allowed start week,
    the whole flex pool and all overtime.

    Most hours in week ``t``: ``H P_t + v_t (H P_t max_overtime_share + max_flex_hours_t)`` with ``v_t`` the
    ``flex_value`` (:func:`flex_hour_value`, 1 by default) and ``P_t`` the productive
    FTE of that plan (every coefficient is >= 0, so no plan gives more in any week). A plan exists exactly
    when this covers ``H required_fte_t`` in every week (and, with ``final_fte``, ``H P_last >= H final_fte``:
    that floor counts productive hours only; when it is the larger shortfall, the last week's row shows it).
    Returns the weeks where it does not, with ``required_hours``, ``max_hours`` and ``short_hours`` (on the
    index of ``required_fte``; empty when the plan is feasible).
    """
    need, index, p, starts, flex_cap, share, fixed, productive = _limits(
        required_fte, initial_headcount, policy, start_weeks, max_flex_hours, max_overtime_share, committed,
        final_fte)
    h = float(p.hours_per_fte)
    value = _value(flex_value, need.size)
    most = fixed["productive_fte"].to_numpy() + productive @ np.full(starts.size, float(p.max_class))
    max_hours = h * most + value * (h * most * share + flex_cap)
    required = h * need
    if final_fte is not None and h * (float(final_fte) - most[-1]) > required[-1] - max_hours[-1]:
        required[-1], max_hours[-1] = h * float(final_fte), h * most[-1]
    bad = required > max_hours + 1e-9 * np.maximum(1.0, required)
    return pd.DataFrame({"required_hours": required[bad], "max_hours": max_hours[bad],
                         "short_hours": required[bad] - max_hours[bad]}, index=index[bad])


def plan_hiring(required_fte, initial_headcount, policy, costs, *, start_weeks=None, max_flex_hours=0.0,
                max_overtime_share=0.1, committed=(), final_fte=None, objective="cost", time_limit=None,
                flex_value=1.0) -> HiringPlan:
    """Class start weeks and sizes, flex and overtime hours per week that cover every week at least cost.

    Solved exactly as an integer program with ``scipy.optimize.milp`` (HiGHS). Variables per allowed start
    week ``k`` (``start_weeks``, default every week whose class is productive before the plan ends): the class
    size ``x_k`` (integer, 0 or ``min_class .. max_class``, with a binary ``y_k``); per week ``t``: flex
    ``f_t`` in ``[0, max_flex_hours_t]`` and overtime ``o_t`` in ``[0, max_overtime_share H P_t]`` (hours).
    Coverage ``H P_t(x) + v_t (f_t + o_t) >= H required_fte_t`` (see the module docstring; ``P_t`` linear in
    ``x``; ``v_t`` the ``flex_value``, :func:`flex_hour_value`, 1 by default).

    ``objective="cost"`` minimises ``sum_k x_k (hire_cost + w sum_{t >= h_k} S(t - h_k)) + class_cost y_k +
    sum_t (flex_hour_cost f_t + overtime_hour_cost o_t)`` with ``w = fte_hour_cost x hours_per_fte x
    fte_per_person`` the weekly salary of a person; the current staff's and ``committed`` classes' salaries
    are fixed and added to the reported cost. ``objective="hires"`` minimises the number of hires instead.
    ``final_fte``: the productive FTE the plan must leave in its last week, without flex or overtime (a floor
    for the weeks after the plan: without it a cost-minimal plan lets the staff run down, because a late hire
    costs more inside the plan than he gives back there). ``committed``: classes already under way (as in
    :func:`project_supply`), kept as they are. ``time_limit`` (seconds, optional): stop with the best plan found
    so far (``status="time_limit"``, ``gap`` says how far it may be from the best); without it the plan is
    proven optimal (52 weeks with every start week allowed take about a second; two years can take minutes:
    allow fewer start weeks, e.g. every fourth, or set a time limit).
    When no plan exists a ``ParameterValueError`` (kind ``"uncoverable"``) names the weeks that
    :func:`uncoverable_weeks` finds; its ``value`` is the list of those weeks.
    """
    need, index, p, starts, flex_cap, share, fixed, productive = _limits(
        required_fte, initial_headcount, policy, start_weeks, max_flex_hours, max_overtime_share, committed,
        final_fte)
    c = _costs(costs)
    goal = choice("objective", objective, ("cost", "hires"))
    limit = None if time_limit is None else scalar("time_limit", time_limit, low=0.0, low_inclusive=False)
    bad = uncoverable_weeks(required_fte, initial_headcount, p, start_weeks=start_weeks,
                            max_flex_hours=max_flex_hours, max_overtime_share=max_overtime_share,
                            committed=committed, final_fte=final_fte, flex_value=flex_value)
    if len(bad):
        weeks = [_label(bad.index, i) for i in range(len(bad))]
        raise value_error("required_fte", weeks, "uncoverable",
                          "be coverable by the largest classes, the whole flex pool and all overtime in every "
                          "week", f"weeks {weeks} short by {bad['short_hours'].round(1).tolist()} hours")
    n, m = need.size, starts.size
    value = _value(flex_value, n)
    h = float(p.hours_per_fte)
    wage = c.fte_hour_cost * h * p.fte_per_person
    survival, _ = _weekly_matrix(p, n, starts)
    base_fte = fixed["productive_fte"].to_numpy()
    # variables: x (m, integer), y (m, binary), f (n), o (n)
    if goal == "cost":
        objective_vector = np.concatenate([c.hire_cost + wage * survival.sum(axis=0), np.full(m, c.class_cost),
                                           np.full(n, c.flex_hour_cost), np.full(n, c.overtime_hour_cost)])
    else:
        objective_vector = np.concatenate([np.ones(m), np.zeros(m + 2 * n)])
    eye_n, eye_m = np.eye(n), np.eye(m)
    zeros_nm = np.zeros((n, m))
    cover = np.hstack([h * productive, zeros_nm, np.diag(value), np.diag(value)])                  # >= h (need - base)
    overtime = np.hstack([-share * h * productive, zeros_nm, np.zeros((n, n)), eye_n])   # <= share h base
    size_low = np.hstack([eye_m, -p.min_class * eye_m, np.zeros((m, 2 * n))])    # x - min y >= 0
    size_high = np.hstack([eye_m, -p.max_class * eye_m, np.zeros((m, 2 * n))])   # x - max y <= 0
    constraints = [LinearConstraint(cover, h * (need - base_fte), np.inf),
                   LinearConstraint(overtime, -np.inf, share * h * base_fte)]
    if m:
        constraints += [LinearConstraint(size_low, 0, np.inf), LinearConstraint(size_high, -np.inf, 0)]
    if final_fte is not None and m:
        floor = np.concatenate([productive[-1], np.zeros(m + 2 * n)])[None, :]
        constraints.append(LinearConstraint(floor, float(final_fte) - base_fte[-1], np.inf))
    upper = np.concatenate([np.full(m, float(p.max_class)), np.ones(m), flex_cap, np.full(n, np.inf)])
    integrality = np.concatenate([np.ones(2 * m), np.zeros(2 * n)])
    options = {"disp": False, "mip_rel_gap": 0.0}
    if limit is not None:
        options["time_limit"] = limit
    res = milp(objective_vector, integrality=integrality, bounds=Bounds(np.zeros(2 * m + 2 * n), upper),
               constraints=constraints, options=options)
    if res.x is None or res.status not in (0, 1):     # feasibility is checked above; 1: time limit with a plan
        raise RuntimeError(f"milp stopped without a plan: {res.message}")
    status, bound_gap = ("optimal", 0.0) if res.status == 0 else (
        "time_limit", float(max(res.fun - getattr(res, "mip_dual_bound", -np.inf), 0.0)))
    x = np.round(res.x[:m])
    flex = np.maximum(res.x[2 * m:2 * m + n], 0.0)
    ot = np.maximum(res.x[2 * m + n:], 0.0)
    chosen = x > 0
    new = pd.DataFrame({"start_week": starts[chosen], "size": x[chosen].astype(int)})
    start_col = new["start_week"].to_numpy()
    classes = pd.DataFrame({"start_week": start_col, "hire_week": start_col + int(p.recruitment_weeks),
                            "productive_week": start_col + p.lead_weeks, "size": new["size"].to_numpy()})
    all_classes = list(zip(start_col.tolist(), classes["size"].tolist()))
    committed_starts, committed_sizes = _classes(committed, "committed")
    all_classes += list(zip(committed_starts.tolist(), committed_sizes.tolist()))
    supply = project_supply(all_classes, initial_headcount, p, n)
    weeks = supply.set_axis(index)
    weeks.insert(0, "required_fte", need)
    weeks["flex_hours"] = flex
    weeks["overtime_hours"] = ot
    gap = weeks["productive_fte"].to_numpy() - need
    weeks["gap_fte"] = gap
    weeks["gap_hours"] = h * gap
    weeks["uncovered_hours"] = np.maximum(-h * gap - value * (flex + ot), 0.0)
    cost = pd.Series({"salaries": wage * weeks["headcount"].sum(),
                      "hiring": c.hire_cost * weeks["hires"].sum(),
                      "training_classes": c.class_cost * weeks["classes"].sum(),
                      "flex": c.flex_hour_cost * flex.sum(), "overtime": c.overtime_hour_cost * ot.sum()}, name="euro")
    cost["total"] = cost.sum()
    return HiringPlan(classes=classes, weeks=weeks, costs=cost, status=status, gap=bound_gap)
