"""The year's money: budget of a hiring plan, cost per contact, the service-level/cost curve, turnover in euros.

API (parameters :class:`wfmcourse.domain.hiring.Policy` and :class:`wfmcourse.domain.hiring.Costs`):

* :func:`year_budget` - salaries, hiring, classes, flex and overtime of a plan's weeks, the total and the
  cost per contact.
* :func:`cost_per_contact` - ``cost / contacts``.
* :func:`service_level_curve` - per service-level target: the paid hours Erlang needs over the forecast,
  their cost per year and what one point more costs; :func:`asa_curve` the same per ASA limit (seconds)
  and what one second less costs.
* :func:`turnover_cost` - in a steady state, what turnover costs per year: hires times the onboarding cost
  plus the salary paid while hires are in training and on the learning curve; :func:`turnover_comparison`
  sets scenarios side by side (cheap hires who leave fast beside fewer, better-matched hires who stay).

Euros per year unless stated; weeks of 7 days; ``hours_per_fte`` paid hours a week.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from wfmcourse.domain import hiring
from wfmcourse.validation import (
    as_array,
    broadcast,
    dataframe,
    finish,
    instance,
    is_scalar_call,
    one_dimensional,
    scalar,
    type_error,
    value_error,
)

__all__ = ["year_budget", "cost_per_contact", "service_level_curve", "asa_curve", "turnover_cost",
           "turnover_comparison"]


def _policy(value):
    return instance("policy", value, hiring.Policy, "a hiring.Policy")


def _costs(value):
    return instance("costs", value, hiring.Costs, "a hiring.Costs")


def cost_per_contact(cost, contacts) -> float | np.ndarray:
    """Cost per handled contact: ``cost / contacts`` (euro; ``contacts > 0``)."""
    scalar_call = is_scalar_call(cost, contacts)
    c = as_array("cost", cost)
    n = as_array("contacts", contacts, low=0.0, low_inclusive=False)
    c, n = broadcast(cost=c, contacts=n)
    return finish(c / n, scalar_call)


def year_budget(weeks, costs, policy, contacts) -> pd.Series:
    """The budget of a plan's weeks (euro), and the cost per contact.

    ``weeks``: a frame with ``headcount``, ``hires`` and ``classes`` per week (:func:`hiring.project_supply`)
    and, when the plan uses them, ``flex_hours`` and ``overtime_hours`` (``HiringPlan.weeks``, or a
    :func:`hiring.fill_gaps` result joined on). Then

    ``salaries = sum_t headcount_t x fte_per_person x hours_per_fte x fte_hour_cost``,
    ``hiring = sum_t hires_t x hire_cost``, ``training_classes = sum_t classes_t x class_cost``,
    ``flex = sum_t flex_hours_t x flex_hour_cost``, ``overtime = sum_t overtime_hours_t x overtime_hour_cost``,
    ``total`` their sum and ``cost_per_contact = total / contacts`` (``contacts``: the contacts of the same
    weeks, a number or one per week). Also ``weeks`` (how many) and ``mean_headcount``.
    """
    dataframe("weeks", weeks, ("headcount", "hires", "classes"), nonempty=True)
    c = _costs(costs)
    p = _policy(policy)
    n = len(weeks)
    column = {name: as_array("weeks", weeks[name].to_numpy(float)) if name in weeks.columns else np.zeros(n)
              for name in ("headcount", "hires", "classes", "flex_hours", "overtime_hours")}
    volume = as_array("contacts", contacts)
    if volume.ndim and volume.shape != (n,):
        raise value_error("contacts", contacts, "shape", f"be a number or one value per week ({n})",
                          f"shape {volume.shape}")
    total_contacts = float(volume.sum())
    if total_contacts <= 0:
        raise value_error("contacts", contacts, "too_small", "add up to more than 0")
    wage = c.fte_hour_cost * p.hours_per_fte * p.fte_per_person
    out = pd.Series({"salaries": wage * column["headcount"].sum(),
                     "hiring": c.hire_cost * column["hires"].sum(),
                     "training_classes": c.class_cost * column["classes"].sum(),
                     "flex": c.flex_hour_cost * column["flex_hours"].sum(),
                     "overtime": c.overtime_hour_cost * column["overtime_hours"].sum()}, name="euro")
    out["total"] = out.sum()
    out["contacts"] = total_contacts
    out["cost_per_contact"] = out["total"] / total_contacts
    out["weeks"] = float(n)
    out["mean_headcount"] = float(column["headcount"].mean())
    return out


def _curve(forecast, shrinkage, profile, values, name, hours_per_fte, **erlang):
    """Paid hours per year that ``required_fte`` gives for each value of one target (scaled to 52 weeks)."""
    hours = []
    for value in values:
        frame = hiring.required_fte(forecast, shrinkage, profile, hours_per_fte=hours_per_fte,
                                    **{**erlang, name: value})
        hours.append(frame["required_hours"].sum() * 52 / len(frame))
    return np.array(hours)


def service_level_curve(forecast, shrinkage, profile, costs, targets, *, awt=20, hours_per_fte=36.0,
                        patience=None) -> pd.DataFrame:
    """The service-level/cost curve: per target, the yearly cost of the staff Erlang C (or, with ``patience``
    in seconds, Erlang A) needs, and of one point more.

    For each ``target`` (fraction, at most 0.98) :func:`hiring.required_fte` gives the paid hours of every
    week of ``forecast`` (Erlang C per interval of ``profile``, ``awt`` seconds, ``shrinkage`` per week);
    ``year_hours = sum_w required_hours_w x 52 / weeks`` (paid hours, scaled to a year), ``mean_fte =
    year_hours / (52 hours_per_fte)``, ``year_cost = year_hours x fte_hour_cost`` (the salary of exactly the
    required hours) and ``next_point_cost = year_cost(target + 0.01) - year_cost(target)``: what one
    point of service level more costs per year at that target. Index ``target``. Higher
    targets cost more; near 100 % each point costs more than the one before (whole agents make it uneven).
    """
    t = one_dimensional("targets", targets, low=0.0, low_inclusive=False, high=0.98)
    c = _costs(costs)
    hours = scalar("hours_per_fte", hours_per_fte, low=0.0, low_inclusive=False)
    paid = _curve(forecast, shrinkage, profile, t, "target", hours, awt=awt, patience=patience)
    more = _curve(forecast, shrinkage, profile, t + 0.01, "target", hours, awt=awt, patience=patience)
    return pd.DataFrame({"year_hours": paid, "mean_fte": paid / (52 * hours), "year_cost": paid * c.fte_hour_cost,
                         "next_point_cost": (more - paid) * c.fte_hour_cost}, index=pd.Index(t, name="target"))


def asa_curve(forecast, shrinkage, profile, costs, max_asas, *, hours_per_fte=36.0, patience=None) -> pd.DataFrame:
    """The ASA/cost curve: per ASA limit (seconds), the yearly cost of the staff Erlang C (Erlang A with
    ``patience`` seconds) needs for it.

    As :func:`service_level_curve`, with ``max_asa`` the only target (the service level target is set to a
    negligible ``1e-9`` at ``awt=0``): ``year_cost`` and ``second_less_cost = year_cost(max_asa - 1) -
    year_cost(max_asa)``, what one second less ASA costs per year (``max_asa > 1``). Index ``max_asa``.
    """
    limits = one_dimensional("max_asas", max_asas, low=1.0, low_inclusive=False)
    c = _costs(costs)
    hours = scalar("hours_per_fte", hours_per_fte, low=0.0, low_inclusive=False)
    settings = dict(awt=0, target=1e-9, patience=patience)
    paid = _curve(forecast, shrinkage, profile, limits, "max_asa", hours, **settings)
    less = _curve(forecast, shrinkage, profile, limits - 1, "max_asa", hours, **settings)
    return pd.DataFrame({"year_hours": paid, "mean_fte": paid / (52 * hours), "year_cost": paid * c.fte_hour_cost,
                         "second_less_cost": (less - paid) * c.fte_hour_cost},
                        index=pd.Index(limits, name="max_asa"))


def _steady_state(p):
    """(expected tenure in weeks, weeks of pay without output per hire) for the policy's cohort."""
    q_new, q_old = hiring.weekly_rate(p.new_hire_turnover), hiring.weekly_rate(p.turnover)
    t_new = p.new_hire_weeks
    stay_new = (1 - q_new) ** t_new
    first = t_new if q_new == 0 else (1 - stay_new) / q_new
    tenure = np.inf if q_old == 0 else first + stay_new / q_old
    ramp = int(p.training_weeks) + len(p.learning_curve)
    path = hiring.cohort(p, max(ramp, 1)).iloc[:ramp]
    lost = float((path["survival"] * (1 - path["productivity"])).sum())
    return tenure, lost


def turnover_cost(productive_fte, policy, costs) -> pd.Series:
    """What turnover costs per year in a steady state that keeps ``productive_fte`` productive FTE (euro).

    A hire's expected tenure ``E = sum_tau S(tau)`` weeks (closed form: ``(1 - a^T) / q_new + a^T / q``
    with ``a = 1 - q_new``, ``T`` the new-hire weeks, weekly rates from :func:`hiring.weekly_rate`) and the
    weeks paid without output ``L = sum_tau S(tau) (1 - p(tau))`` (training and the learning curve, for those
    still there). Hiring ``H`` people a week keeps ``headcount = H E`` employed and ``fte_per_person H (E - L)``
    productive FTE, so ``H = productive_fte / (fte_per_person (E - L))``. Then ``hires_per_year = 52 H``,
    ``annual_turnover = 52 / E`` (leavers per head per year), ``hiring = hires_per_year x hire_cost`` (recruitment
    and training), ``learning_cost = hires_per_year x L x w`` (``w`` the weekly salary of a person),
    ``turnover_cost`` = hiring + learning cost, ``salaries = 52 headcount w`` and ``total = salaries + hiring``
    (the learning cost is salary, so it is inside). With no turnover at all nobody is hired and turnover costs nothing.
    """
    fte = scalar("productive_fte", productive_fte)
    p = _policy(policy)
    c = _costs(costs)
    tenure, lost = _steady_state(p)
    wage = c.fte_hour_cost * p.hours_per_fte * p.fte_per_person
    if np.isinf(tenure):
        per_week, headcount = 0.0, fte / p.fte_per_person
    else:
        per_week = fte / (p.fte_per_person * (tenure - lost))
        headcount = per_week * tenure
    hires = 52 * per_week
    onboarding = hires * c.hire_cost
    learning = hires * lost * wage
    salary = 52 * headcount * wage
    return pd.Series({"productive_fte": fte, "headcount": headcount, "hires_per_year": hires,
                      "annual_turnover": 0.0 if np.isinf(tenure) else 52 / tenure,
                      "expected_tenure_weeks": tenure, "lost_weeks_per_hire": lost,
                      "hiring": onboarding, "learning_cost": learning, "turnover_cost": onboarding + learning,
                      "salaries": salary, "total": salary + onboarding}, name="euro")


def turnover_comparison(productive_fte, scenarios) -> pd.DataFrame:
    """:func:`turnover_cost` for each scenario, one row per scenario name.

    ``scenarios``: a dict name -> ``(Policy, Costs)``, e.g. cheap hires who leave fast beside fewer,
    better-matched hires with a dearer selection who stay longer. Index ``scenario``.
    """
    if not isinstance(scenarios, Mapping):
        raise type_error("scenarios", scenarios, "a dict name -> (Policy, Costs)")
    if not scenarios:
        raise value_error("scenarios", scenarios, "empty", "name at least one scenario")
    rows = {}
    for name, pair in scenarios.items():
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], hiring.Policy)
                and isinstance(pair[1], hiring.Costs)):
            raise type_error("scenarios", scenarios, f"a dict name -> (Policy, Costs); {name!r} is not")
        rows[name] = turnover_cost(productive_fte, pair[0], pair[1])
    table = pd.DataFrame(rows).T
    table.index.name = "scenario"
    return table
