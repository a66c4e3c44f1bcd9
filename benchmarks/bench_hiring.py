"""Speed of the year's hiring plan (wfmcourse.domain.hiring and .budget).

    python cursus.py bench          (or: PYTHONPATH=. python benchmarks/bench_hiring.py)

1. Demand: the 52-week forecast of the shipped history (forecast.year_forecast, aht_forecast, weekly_forecast;
   not timed) through Erlang C on every quarter-hour of the week (hiring.required_fte: 52 x 672 intervals),
   with hiring.weekly_shrinkage.
2. The plan: hiring.plan_hiring with scipy.optimize.milp on the 52 weeks, every start week allowed (42 with a
   10-week lead time), flex up to 150 hours and overtime up to 10 % a week, 50 productive FTE at the end;
   the same with demand growing 30 % over the year (several classes); and two years (104 weeks) of that.
3. The service-level/cost curve over 10 targets (budget.service_level_curve: 20 Erlang years).
Timings are the best of several repeats (time.perf_counter).
"""
from __future__ import annotations

import platform
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import scipy

from wfmcourse.data import datasets
from wfmcourse.domain import budget, events, forecast, hiring

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_erlang import best_of  # this script's folder is on the path


def year_forecast() -> pd.DataFrame:
    history = datasets.load_daily_history()
    calendar = events.event_calendar(pd.date_range(history.index[0], history.index[-1] + pd.Timedelta(days=400)))
    daily = forecast.year_forecast(history["calls_offered"], calendar, 52)["forecast"]
    return forecast.weekly_forecast(daily, forecast.aht_forecast(history["aht"], history["calls_offered"], 52))


def main() -> None:
    print(f"Python {platform.python_version()}, scipy {scipy.__version__}, {platform.machine()}")
    weekly = year_forecast()
    profile = hiring.week_profile(datasets.load_intervals()["calls_offered"])
    shrink = hiring.weekly_shrinkage(index=weekly.index)
    seconds, need = best_of(lambda: hiring.required_fte(weekly, shrink, profile, target=0.85, patience=180), 5)
    print(f"\n1. required_fte, 52 weeks x {len(profile)} intervals (Erlang A, 85 % in 20 s, 180 s patience): "
          f"{seconds * 1000:.1f} ms; "
          f"required FTE {need['required_fte'].min():.1f} .. {need['required_fte'].max():.1f}")

    policy, costs = hiring.Policy(), hiring.Costs()
    growth = need["required_fte"].to_numpy() * np.linspace(1.0, 1.3, len(need))
    two_years = np.concatenate([growth, growth * 1.3])
    every_week = None
    every_fourth = list(range(0, 104 - policy.lead_weeks, 4))
    cases = [("52 weeks, shipped forecast", need["required_fte"], 60, 50.0, every_week, None),
             ("52 weeks, demand +30 % over the year", growth, 63, 60.0, every_week, None),
             ("104 weeks, demand +30 % a year, a class every 4th week at most", two_years, 63, 75.0, every_fourth,
              None),
             ("104 weeks, demand +30 % a year, every week, time_limit 10 s", two_years, 63, 75.0, every_week, 10.0)]
    print("\n2. plan_hiring (scipy.optimize.milp, HiGHS; exact, mip_rel_gap 0, unless a time limit stops it)")
    value = hiring.flex_hour_value(shrink).to_numpy()      # an extra hour loses only its pause
    for label, required, staff, final, starts, limit in cases:
        seconds, plan = best_of(lambda r=required, s=staff, f=final, k=starts, t=limit: hiring.plan_hiring(
            r, s, policy, costs, start_weeks=k, max_flex_hours=150.0, max_overtime_share=0.1, final_fte=f,
            time_limit=t, flex_value=np.resize(value, len(r))), 1 if limit else 3)
        n = len(plan.weeks)
        candidates = n - policy.lead_weeks if starts is None else len(starts)
        classes = ", ".join(f"week {row.start_week}: {row.size}" for row in plan.classes.itertuples())
        print(f"   {label}: {seconds:.3f} s, {plan.status} (gap {plan.gap:,.0f} euro); {2 * candidates} integer "
              f"and {2 * n} continuous variables; classes {classes or 'none'}; cost {plan.total_cost:,.0f} euro; "
              f"flex {plan.weeks['flex_hours'].sum():,.0f} h, overtime {plan.weeks['overtime_hours'].sum():,.0f} h")

    targets = np.round(np.linspace(0.6, 0.95, 10), 3)
    seconds, curve = best_of(lambda: budget.service_level_curve(weekly, shrink, profile, costs, targets,
                                                                           patience=180), 3)
    print(f"\n3. service_level_curve, 10 targets: {seconds:.3f} s")
    print(curve[["mean_fte", "year_cost", "next_point_cost"]].round(1).to_string())


if __name__ == "__main__":
    main()
