"""Every public function refuses bad input with a TypeError or ValueError naming the parameter.

The table ``CASES`` gives, per public function, a valid baseline call and what each parameter
is (a number, an option, a flag, a table, ...). The tests substitute one parameter at a time
with values of the wrong type (None where required, text, bytes, bools, complex numbers, dicts)
and wrong values (NaN, infinities, negatives, non-whole numbers, empty, ragged and mismatched
shapes, unknown options). A wrong type must raise ``TypeError``, a wrong value ``ValueError``,
and the message must name the parameter: never a silent result, a numpy message, an
AttributeError or an IndexError. ``test_every_public_function_is_covered`` keeps the table
complete when functions or modules are added (the modules are found with ``pkgutil``; only
``SKIPPED`` functions, each with its reason, are left out). Hypothesis adds random bad numbers
on top of the fixed ones.
"""
from __future__ import annotations

import importlib
import inspect
import io
import pkgutil
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import wfmcourse
from wfmcourse.apps import calculator, cli
from wfmcourse.data.datasets import STAKEHOLDERS_SCHEMA
from wfmcourse.data.files import DataFileError, data_path
from wfmcourse.domain import (
    backlog,
    erlang,
    events,
    forecast,
    improvement,
    kpi,
    performance,
    reporting,
    roster,
    scenarios,
    shrinkage,
    simulation,
)

matplotlib.use("Agg")

pytestmark = pytest.mark.slow

# Every public module of the package (found, not listed, so a new module cannot escape the fuzz);
# the exercises subpackage holds notebook exercises, not functions a learner calls with data.
# Keyed by the module's own name (``erlang``, ``dutch``); the layer is in PATHS.
_FOUND = [m.name for m in pkgutil.walk_packages(wfmcourse.__path__, "wfmcourse.")
          if not m.ispkg and not m.name.rpartition(".")[2].startswith("_")
          and ".exercises." not in m.name and m.name != "wfmcourse.validation"]
PATHS = {name.rpartition(".")[2]: name for name in _FOUND}
MODULES = sorted(PATHS)

# Functions not fuzzed here, with the reason.
SKIPPED = {
    "notebook.install": "registers an IPython handler; tests/test_notebook_errors.py drives it with a shell",
    "messages.shown": "shows any value (it formats the bad value of a message, so it refuses none); "
                      "tests/test_notebook_errors.py checks the Dutch number format",
    "workspace.refuse_saving_originals": "Jupyter Server pre-save hook, called by the server with its own "
                                         "arguments; tests/test_workspace.py drives it through a running server",
    "cli.read_intervals": "file reader, covered by the file-format tests",
    "cli.staff_table": "works on the frames made by read_intervals (file-format tests)",
    "cli.main": "command line, covered by tests/test_cli.py",
    "cli.chat_table": "works on the IntervalFile of intervals.read (tests/test_cli.py chat CSV tests)",
    "authoring.execute": "runs a notebook in a Jupyter kernel (minutes per call); author tool",
    "authoring.main": "command line of the author tool",
    "authoring.merge_streams": "author tool over the outputs nbclient gives; tests/test_notebooks.py covers it",
    "dashboard.parse_calls": "text parser, covered by the file-format tests",
    "dashboard.read_forecast": "file reader, covered by the file-format tests",
    "dutch.label_times": "reads any labels: what is not an ISO date with time gives None by design "
                         "(tests/test_charts.py)",
    "dashboard.dashboard": "user interface",
    "calculator.staffing_calculator": "user interface",
    "calculator.agents_slider": "user interface",
    "control_room_game.control_room": "user interface (tests/test_control_room_game.py clicks it through)",
    "glossary_explorer.*": "user interface (the glossary browser widget and its HTML card)",
    "synth.*": "generator of the course data, not called by learners",
}

NAN, INF = float("nan"), float("inf")
_TMP = Path(tempfile.mkdtemp(prefix="wfm-bad-input-"))
RAGGED = [[1.0, 2.0], [3.0]]


@dataclass
class Case:
    """One public function: a valid call and the kind of each parameter."""

    name: str
    args: dict
    kinds: dict                       # parameter -> space-separated tags (see bad_values)
    mismatch: dict = field(default_factory=dict)   # parameter -> a value of the wrong shape

    @property
    def function(self):
        module, name = self.name.split(".")
        return getattr(importlib.import_module(PATHS[module]), name)


def _diagnosis_intervals():
    """Two whole weeks (Monday to Sunday) of hourly intervals with a plan, as week_diagnosis needs."""
    index = pd.date_range("2025-03-03", periods=14 * 24, freq="h")
    open_ = (index.hour >= 8) & (index.hour < 18)
    offered = np.where(open_, 20.0 + index.hour % 3, 0.0)
    return pd.DataFrame({"is_open": open_, "forecast_calls": np.where(open_, 20.0, 0.0),
                         "calls_offered": offered, "answered_in_time": np.ceil(0.85 * offered),
                         "agents_needed": np.where(open_, 5.0, 0.0),
                         "agents_staffed": np.where(open_, 4.0 + index.hour % 2, 0.0)}, index=index)


def _intraday_day():
    """A day of 48 open quarters from 08:00 with a forecast and a plan (for intraday and the control room)."""
    index = pd.date_range("2025-03-04 08:00", periods=48, freq="15min")
    return pd.Series(np.full(48, 40.0), index=index), pd.Series(np.full(48, 16), index=index)


def _intraday_year():
    """Two open days of eight quarters with forecast and actual calls, as reforecast_reliability reads."""
    index = pd.date_range("2025-03-03 08:00", periods=8, freq="15min").append(
        pd.date_range("2025-03-04 08:00", periods=8, freq="15min"))
    return pd.DataFrame({"is_open": True, "forecast_calls": 10.0, "calls_offered": np.arange(16.0) + 5},
                        index=index)


def _control_room_state():
    from wfmcourse.domain import control_room
    forecast, agents = _intraday_day()
    return control_room.new_day(forecast, agents, seed=1, scenario="plain")


def _control_room_day():
    from wfmcourse.domain import control_room
    return control_room.play(_control_room_state(), control_room.do_nothing)


def _control_room_view():
    from wfmcourse.domain import control_room
    return control_room.view(_control_room_day())


def _read_error():
    from wfmcourse.data import intervals
    try:
        intervals.read(b"calls\nveel\n", name="f.csv")
    except DataFileError as error:
        return error
    raise AssertionError("the file should have been refused")    # pragma: no cover


def _weekly_calls():
    """Calls per week on the Mondays of four weeks (the year plan's charts)."""
    return pd.Series([9000.0, 9500.0, 8800.0, 9100.0], index=pd.date_range("2026-01-05", periods=4, freq="W-MON"))


def _week_volume():
    index = pd.date_range("2025-03-03", periods=7 * 24, freq="h")
    hours = np.tile(np.r_[np.zeros(8), np.full(10, 20.0), np.zeros(6)], 7)
    return pd.Series(hours + np.arange(len(index)) % 3, index=index)


def _daily():
    """Twelve whole weeks of daily calls (Sunday closed), from Monday 2025-01-06."""
    index = pd.date_range("2025-01-06", periods=84, freq="D")
    week = np.array([130.0, 108, 100, 97, 90, 45, 0])
    return pd.Series(np.tile(week, 12) * (1 + 0.01 * np.arange(84) % 3), index=index)


def _weekly():
    return pd.Series(100.0 + np.arange(12) % 4 * 10, index=pd.date_range("2025-01-06", periods=12, freq="W-MON"))


def _calendar():
    return events.event_calendar(pd.date_range("2025-01-06", periods=120, freq="D"),
                                 campaigns=[("2025-02-03", "2025-02-09")])


def _intervals():
    index = pd.date_range("2025-03-10 09:00", periods=4, freq="15min").append(
        pd.date_range("2025-03-17 09:00", periods=2, freq="15min"))
    return pd.DataFrame({"is_open": [True, True, True, False, True, True],
                         "calls_offered": [100, 10, 0, 0, 50, 50],
                         "calls_answered": [95, 10, 0, 0, 50, 40],
                         "answered_in_time": [90, 5, 0, 0, 45, 30]}, index=index)


def _contacts():
    return pd.DataFrame({"channel": ["telefoon"] * 3 + ["chat"], "wait": [10, 30, 3, 100],
                         "abandoned": [False, False, True, False], "talk": [200, 300, 0, 400],
                         "hold": [10, 0, 0, 0], "acw": [30, 40, 0, 10],
                         "fcr": [True, False, False, True], "repeat": [False, True, False, False]})


def _agent_hours():
    return pd.DataFrame({"paid_hours": [8.0, 8.0], "scheduled_hours": [7.0, 8.0],
                         "logged_in_hours": [6.5, 8.0], "productive_hours": [5.0, 6.0],
                         "verlof_hours": [0.0, 1.0], "verzuim_hours": [1.0, 0.0],
                         "training_hours": [0.5, 0.0], "overleg_hours": [0.0, 0.5],
                         "pauze_hours": [0.5, 0.5]})


def _simulation():
    return simulation.simulate_queue(3, 2.0, 180, 20, callers=200, batches=2, warmup=10)


def _findings():
    return pd.DataFrame({"finding": ["a", "b"], "impact": [5, 2], "effort": [1, 4]})


def _forecast():
    from wfmcourse.apps import dashboard
    return dashboard.read_forecast("f.csv", b"tijd;gesprekken;aht\n2026-11-30 08:00;10;300\n2026-12-02 08:00;10;300\n")


def _figure():
    from wfmcourse.presentation.charts import CourseFigure
    return CourseFigure()


def _plan():
    from wfmcourse.apps import dashboard
    return dashboard.staffing_plan([100.0, 120.0], 180)


def _roster():
    return roster.plan_shifts(REQ, lengths=(2, 3), start_step_minutes=60)


def _glossary_frame():
    from wfmcourse.course import glossary
    return glossary.load()


def hiring_policy():
    from wfmcourse.domain import hiring
    return hiring.Policy(recruitment_weeks=1, training_weeks=1, learning_curve=(0.5,), min_class=2, max_class=8)


def hiring_costs():
    from wfmcourse.domain import hiring
    return hiring.Costs()


def _hiring_forecast():
    """Two weeks of forecast as hiring.required_fte reads it (calls, aht per week)."""
    return pd.DataFrame({"calls": [2000.0, 2400.0], "aht": [300.0, 310.0]},
                        index=pd.date_range("2026-01-05", periods=2, freq="W-MON"))


def _hiring_profile():
    from wfmcourse.domain import hiring
    return hiring.week_profile(_week_volume())


def _hiring_supply():
    from wfmcourse.domain import hiring
    return hiring.project_supply([(0, 6)], 20, hiring.Policy(recruitment_weeks=1, training_weeks=1), 4)


def _hiring_scenarios():
    from wfmcourse.domain import hiring
    return {"snel": (hiring.Policy(new_hire_turnover=0.1), hiring.Costs()),
            "passend": (hiring.Policy(new_hire_turnover=0.03), hiring.Costs(hire_cost=6000.0))}


DIAGNOSIS_INTERVALS = _diagnosis_intervals()
DIAGNOSIS = performance.week_diagnosis(DIAGNOSIS_INTERVALS)
_DAY = DIAGNOSIS_INTERVALS.loc["2025-03-03"]
STAFFED, CALLS = _DAY["agents_staffed"], _DAY["calls_offered"]
BLOCK = (_DAY.index.hour >= 9) & (_DAY.index.hour < 11)
REMOVED = pd.Series(np.where(BLOCK, 1.0, 0.0), index=_DAY.index)
SCORES = [4, 5, 3, 1]
REQ = [0, 1, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2, 2, 1, 0]
SKIP = "skip"          # drawing options (ax, figsize) are matplotlib's

CASES = [
    # --- erlang ---------------------------------------------------------------------------
    Case("erlang.traffic", dict(calls=[100.0, 50.0], aht=180, interval=900),
         dict(calls="num nonneg", aht="num nonneg", interval="num nonneg"),
         mismatch={"aht": [1.0, 2.0, 3.0]}),
    Case("erlang.erlang_b", dict(agents=[5, 6], traffic=3.0),
         dict(agents="num nonneg int", traffic="num nonneg"), mismatch={"traffic": [1.0, 2, 3]}),
    Case("erlang.erlang_c", dict(agents=[5, 6], traffic=3.0),
         dict(agents="num nonneg int", traffic="num nonneg"), mismatch={"traffic": [1.0, 2, 3]}),
    Case("erlang.service_level", dict(agents=[5, 6], traffic=3.0, aht=180, awt=20, patience=None),
         dict(agents="num nonneg int", traffic="num nonneg", aht="num nonneg", awt="num nonneg",
              patience="num nonneg"), mismatch={"awt": [1.0, 2, 3], "patience": [1.0, 2, 3]}),
    Case("erlang.asa", dict(agents=[5, 6], traffic=3.0, aht=180, patience=None),
         dict(agents="num nonneg int", traffic="num nonneg", aht="num nonneg",
              patience="num nonneg"), mismatch={"aht": [1.0, 2, 3], "patience": [1.0, 2, 3]}),
    Case("erlang.abandonment", dict(agents=[5, 6], traffic=3.0, aht=180, patience=60),
         dict(agents="num nonneg int", traffic="num nonneg", aht="num nonneg",
              patience="num nonneg"), mismatch={"patience": [1.0, 2, 3]}),
    Case("erlang.occupancy", dict(agents=[5, 6], traffic=3.0, aht=180, patience=None),
         dict(agents="num nonneg int", traffic="num nonneg", aht="num nonneg",
              patience="num nonneg"), mismatch={"traffic": [1.0, 2, 3]}),
    Case("erlang.agents_needed", dict(traffic=[3.0, 4.0], aht=180, awt=20, target=0.8,
                                      patience=120.0, max_occupancy=None, max_asa=None,
                                      max_abandonment=None),
         dict(traffic="num nonneg", aht="num nonneg", awt="num nonneg", target="num nonneg",
              patience="num nonneg", max_occupancy="num nonneg", max_asa="num nonneg",
              max_abandonment="num nonneg"),
         mismatch={"target": [0.8, 0.8, 0.8]}),
    # --- chat -----------------------------------------------------------------------------
    Case("chat.handling_time", dict(aht=[300.0, 400.0], concurrency=2, slowdown=0.25),
         dict(aht="num nonneg", concurrency="num nonneg int", slowdown="num nonneg"),
         mismatch={"concurrency": [1, 2, 3]}),
    *[Case(f"chat.{name}", dict(agents=[5, 6], traffic=6.0, aht=300, max_chats=2, slowdown=0.25,
                                patience=patience),
           dict(agents="num nonneg int", traffic="num nonneg", aht="num nonneg",
                max_chats="num nonneg int", slowdown="num nonneg", patience="num nonneg"),
           mismatch={"traffic": [1.0, 2, 3], "patience": [60.0, 60.0, 60.0]})
      for name, patience in (("p_wait", None), ("asa", 60.0), ("occupancy", None),
                             ("mean_concurrency", 60.0))],
    Case("chat.service_level", dict(agents=[5, 6], traffic=6.0, aht=300, awt=30, max_chats=2,
                                    slowdown=0.25, patience=None),
         dict(agents="num nonneg int", traffic="num nonneg", aht="num nonneg", awt="num nonneg",
              max_chats="num nonneg int", slowdown="num nonneg", patience="num nonneg"),
         mismatch={"awt": [1.0, 2, 3], "max_chats": [1, 2, 3]}),
    Case("chat.abandonment", dict(agents=[5, 6], traffic=6.0, aht=300, patience=60, max_chats=3,
                                  slowdown=0.0),
         dict(agents="num nonneg int", traffic="num nonneg", aht="num nonneg",
              patience="num nonneg", max_chats="num nonneg int", slowdown="num nonneg"),
         mismatch={"patience": [1.0, 2, 3]}),
    Case("chat.agents_needed", dict(traffic=[6.0, 8.0], aht=300, awt=30, target=0.8, max_chats=3,
                                    slowdown=0.25, patience=120.0, max_occupancy=None,
                                    max_asa=None, max_abandonment=None),
         dict(traffic="num nonneg", aht="num nonneg", awt="num nonneg", target="num nonneg",
              max_chats="num nonneg int", slowdown="num nonneg", patience="num nonneg",
              max_occupancy="num nonneg", max_asa="num nonneg", max_abandonment="num nonneg"),
         mismatch={"target": [0.8, 0.8, 0.8]}),
    Case("chat.rule_of_thumb_agents", dict(traffic=[6.0, 8.0], aht=300, awt=30, target=0.8,
                                           max_chats=3, rule="divide_agents", patience=None),
         dict(traffic="num nonneg", aht="num nonneg", awt="num nonneg", target="num nonneg",
              max_chats="num nonneg int", rule="choice", patience="num nonneg"),
         mismatch={"max_chats": [1, 2, 3]}),
    # --- backlog --------------------------------------------------------------------------
    Case("backlog.track", dict(arrivals=[12.0, 6, 6], agents=[1.0, 1, 0], aht=600, deadline=7200,
                               interval=3600, open_intervals=[1, 1, 0]),
         dict(arrivals="num nonneg nonempty", agents="num nonneg", aht="num nonneg",
              deadline="num nonneg", interval="num nonneg", open_intervals="num nonneg bool_ok"),
         mismatch={"agents": [1.0, 2.0], "open_intervals": [1, 1]}),
    Case("backlog.minimum_agents", dict(arrivals=[12.0, 6, 6], aht=600, deadline=7200, interval=3600,
                                        open_intervals=[True, True, False]),
         dict(arrivals="num nonneg nonempty", aht="num nonneg", deadline="num nonneg",
              interval="num nonneg", open_intervals="num nonneg bool_ok"),
         mismatch={"open_intervals": [1, 1]}),
    Case("backlog.level_agents", dict(arrivals=[12.0, 6, 6], aht=600, deadline=7200, interval=3600,
                                      open_intervals=[1, 1, 0], profile=[1.0, 2.0, 0.0]),
         dict(arrivals="num nonneg nonempty", aht="num nonneg", deadline="num nonneg",
              interval="num nonneg", open_intervals="num nonneg bool_ok", profile="num nonneg"),
         mismatch={"open_intervals": [1, 1], "profile": [1.0, 1.0]}),
    Case("backlog.growth_per_cycle", dict(arrivals=[12.0, 6, 6], agents=[1.0, 1, 0], aht=600,
                                          interval=3600),
         dict(arrivals="num nonneg nonempty", agents="num nonneg", aht="num nonneg", interval="num nonneg"),
         mismatch={"agents": [1.0, 2.0]}),
    # --- blending -------------------------------------------------------------------------
    Case("blending.idle_hours", dict(agents=[5, 6], traffic=3.0, interval=900),
         dict(agents="num nonneg int", traffic="num nonneg", interval="num nonneg"),
         mismatch={"traffic": [1.0, 2, 3]}),
    Case("blending.evaluate", dict(agents=[5, 6], traffic=3.0, aht=300, awt=20, backlog_aht=600,
                                   reserve=1, switch_time=60.0, interval=900),
         dict(agents="num nonneg int", traffic="num nonneg", aht="num nonneg", awt="num nonneg",
              backlog_aht="num nonneg", reserve="num nonneg int", switch_time="num nonneg",
              interval="num nonneg"),
         mismatch={"traffic": [1.0, 2, 3]}),
    Case("blending.agents_needed", dict(traffic=[2.0, 3.0], aht=300, awt=20, target=0.8,
                                        backlog_arrivals=[5.0, 2.0], backlog_aht=480, deadline=1800,
                                        reserve=None, switch_time=60.0, interval=900, open_intervals=[1, 1]),
         dict(traffic="num nonneg nonempty", aht="num nonneg", awt="num nonneg", target="num nonneg",
              backlog_arrivals="num nonneg nonempty", backlog_aht="num nonneg", deadline="num nonneg",
              reserve="num nonneg int", switch_time="num nonneg", interval="num nonneg",
              open_intervals="num nonneg bool_ok"),
         mismatch={"backlog_arrivals": [1.0, 2, 3], "open_intervals": [1, 1, 1]}),
    # --- kpi ------------------------------------------------------------------------------
    Case("kpi.aht", dict(talk_time=[100.0, 200.0], hold_time=10.0, acw=20.0, contacts=2),
         dict(talk_time="num nonneg", hold_time="num nonneg", acw="num nonneg",
              contacts="num nonneg"), mismatch={"contacts": [1.0, 2, 3]}),
    Case("kpi.weighted_aht", dict(aht=[300.0, 200.0], handled=[100, 300]),
         dict(aht="num nonneg nonempty", handled="num nonneg nonempty"),
         mismatch={"handled": [1.0, 2, 3]}),
    Case("kpi.asa", dict(total_wait=[100.0, 50.0], answered=10),
         dict(total_wait="num nonneg", answered="num nonneg"), mismatch={"answered": [1.0, 2, 3]}),
    Case("kpi.mean_wait", dict(total_wait=[100.0, 50.0], offered=10),
         dict(total_wait="num nonneg", offered="num nonneg"), mismatch={"offered": [1.0, 2, 3]}),
    Case("kpi.ata", dict(total_wait=[100.0, 50.0], abandoned=10),
         dict(total_wait="num nonneg", abandoned="num nonneg"), mismatch={"abandoned": [1.0, 2, 3]}),
    Case("kpi.abandon_rate", dict(abandoned=[5.0, 6.0], offered=100, short_abandoned=1),
         dict(abandoned="num nonneg", offered="num nonneg", short_abandoned="num nonneg"),
         mismatch={"offered": [1.0, 2, 3]}),
    *[Case(f"kpi.{name}", {a: [1.0, 2.0], b: 10.0}, {a: "num nonneg", b: "num nonneg"},
           mismatch={b: [10.0, 10, 10]})
      for name, a, b in [("accessibility", "answered", "offered"),
                         ("fcr", "resolved_first_contact", "questions"),
                         ("repeat_rate", "repeat_contacts", "contacts"),
                         ("churn_rate", "lost_customers", "customers"),
                         ("retention_rate", "retained_customers", "customers"),
                         ("occupancy", "handling_time", "idle_time"),
                         ("utilisation", "handling_time", "paid_time"),
                         ("not_ready_rate", "not_ready_time", "logged_in_time"),
                         ("productivity", "contacts", "hours"),
                         ("shrinkage", "non_productive_time", "paid_time"),
                         ("fte", "hours", "contract_hours"),
                         ("turnover_rate", "leavers", "average_headcount"),
                         ("sickness_rate", "sick_days", "available_days")]],
    Case("kpi.service_level", dict(answered_in_time=[80.0, 70.0], offered=100, answered=None,
                                   short_abandoned=None, variant="offered"),
         dict(answered_in_time="num nonneg", offered="num nonneg", answered="num nonneg",
              short_abandoned="num nonneg", variant="choice"), mismatch={"offered": [1.0, 2, 3]}),
    Case("kpi.combine_service_levels", dict(service_levels=[0.8, 0.9], volumes=[100, 50]),
         dict(service_levels="num nonneg nonempty", volumes="num nonneg nonempty"),
         mismatch={"volumes": [1.0, 2, 3]}),
    Case("kpi.nps", dict(scores=[9, 10, 3]), dict(scores="num nonneg int nonempty")),
    Case("kpi.csat", dict(scores=SCORES, threshold=4, scale=(1, 5)),
         dict(scores="num nonneg int nonempty", threshold="num nonneg", scale="pair")),
    Case("kpi.ces", dict(scores=SCORES, scale=(1, 5)),
         dict(scores="num nonneg int nonempty", scale="pair")),
    Case("kpi.volume", dict(contacts=pd.DatetimeIndex(["2025-01-01 09:01", "2025-01-01 09:20"]),
                            freq="15min"),
         dict(contacts="series", freq="freq")),
    Case("kpi.peak_hours", dict(volume=pd.Series([3.0, 5.0, 1.0]), k=2),
         dict(volume="series", k="num nonneg int")),
    # --- shrinkage ------------------------------------------------------------------------
    Case("shrinkage.total_shrinkage", dict(components={"leave": 0.1, "sickness": 0.05},
                                           method="additive"),
         dict(components="container", method="choice")),
    Case("shrinkage.in_day_shrinkage", dict(components={"leave": 0.1, "sickness": 0.05, "breaks": 0.05}),
         dict(components="container")),
    Case("shrinkage.gross_up", dict(net=[10.0, 20.0], shrinkage=0.3),
         dict(net="num nonneg", shrinkage="num nonneg"), mismatch={"shrinkage": [0.1, 0.2, 0.3]}),
    Case("shrinkage.rostered_hours", dict(net_hours=[10.0, 20.0], roster_efficiency=0.74,
                                          shrinkage_outside_roster=0.25),
         dict(net_hours="num nonneg", roster_efficiency="num nonneg", shrinkage_outside_roster="num nonneg"),
         mismatch={"roster_efficiency": [0.7, 0.8, 0.9]}),
    Case("shrinkage.naive_gross_up", dict(net=[10.0, 20.0], shrinkage=0.3),
         dict(net="num nonneg", shrinkage="num nonneg"), mismatch={"shrinkage": [0.1, 0.2, 0.3]}),
    Case("shrinkage.weekly_fte", dict(agents_needed=[3.0, 4.0], interval=900,
                                      shrinkage=0.3, contract_hours=36),
         dict(agents_needed="num nonneg nonempty", interval="num nonneg",
              shrinkage="num nonneg", contract_hours="num nonneg"),
         mismatch={"shrinkage": [0.1, 0.2, 0.3]}),
    Case("shrinkage.sickness_fte", dict(fte=[10.0, 20.0], sickness_rate=0.05),
         dict(fte="num nonneg", sickness_rate="num nonneg"), mismatch={"sickness_rate": [0.1, 0.2, 0.3]}),
    Case("shrinkage.hires_needed", dict(headcount=[10.0, 20.0], annual_turnover=0.3, growth=1.0),
         dict(headcount="num nonneg", annual_turnover="num nonneg", growth="num nonneg"),
         mismatch={"growth": [1.0, 2, 3]}),
    Case("shrinkage.blended_turnover", dict(headcount=[10.0, 20.0], annual_turnover=[0.3, 0.2]),
         dict(headcount="num nonneg nonempty", annual_turnover="num nonneg nonempty"),
         mismatch={"annual_turnover": [0.1, 0.2, 0.3]}),
    Case("shrinkage.turnover_capacity_loss",
         dict(headcount=[10.0, 20.0], annual_turnover=0.3, weeks_to_productive=8,
              vacancy_weeks=2.0, ramp_productivity=0.5),
         dict(headcount="num nonneg", annual_turnover="num nonneg",
              weeks_to_productive="num nonneg", vacancy_weeks="num nonneg",
              ramp_productivity="num nonneg"), mismatch={"vacancy_weeks": [1.0, 2, 3]}),
    # --- forecast -------------------------------------------------------------------------
    *[Case(f"forecast.{name}", dict(actual=[10.0, 20.0, 30.0], forecast=[12.0, 18.0, 30.0]),
           dict(actual="num nonneg nonempty", forecast="num nonneg nonempty"),
           mismatch={"forecast": [1.0, 2.0]}) for name in ("wape", "mape", "bias")],
    Case("forecast.seasonal_naive", dict(history=[1.0, 2.0, 3.0, 4.0], season_length=2, horizon=3),
         dict(history="num nonneg nonempty", season_length="num nonneg int",
              horizon="num nonneg int")),
    Case("forecast.profile_forecast", dict(history=_week_volume(), periods=24, index=None,
                                           weeks=None),
         dict(history="series", periods="num nonneg int", index="series", weeks="num nonneg")),
    Case("forecast.poisson_mad", dict(expected=[1.0, 4.0]), dict(expected="num nonneg")),
    Case("forecast.poisson_noise_floor", dict(expected=[1.0, 4.0]),
         dict(expected="num nonneg nonempty")),
    Case("forecast.ets_forecast", dict(history=_weekly(), horizon=4, season_length=4, trend="add",
                                       damped_trend=True, seasonal="mul"),
         dict(history="series", horizon="num nonneg int", season_length="num nonneg int", trend="choice none_ok",
              damped_trend="flag", seasonal="choice none_ok")),
    Case("forecast.ets_interval", dict(history=_weekly(), horizon=4, season_length=4, trend="add",
                                       damped_trend=True, seasonal="mul", coverage=0.8, repetitions=50, seed=1),
         dict(history="series", horizon="num nonneg int", season_length="num nonneg int", trend="choice none_ok",
              damped_trend="flag", seasonal="choice none_ok", coverage="num nonneg", repetitions="num nonneg int",
              seed="num nonneg int")),
    Case("forecast.weekly_totals", dict(daily=_daily()), dict(daily="series")),
    Case("forecast.weekly_aht", dict(aht=_daily() * 0 + 300.0, calls=_daily()), dict(aht="series", calls="series")),
    Case("forecast.aht_forecast", dict(aht=_daily() * 0 + 300.0, calls=_daily(), horizon=2, season_length=None),
         dict(aht="series", calls="series", horizon="num nonneg int", season_length="num nonneg int")),
    Case("forecast.year_forecast", dict(volume=_daily(), calendar=_calendar(), horizon=2, uplift={"campaign": 1.2},
                                        weeks=2, season_length=4, coverage=0.8, repetitions=50, seed=1),
         dict(volume="series", calendar="frame", horizon="num nonneg int", uplift="dict", weeks="num nonneg int",
              season_length="num nonneg int", coverage="num nonneg", repetitions="num nonneg int",
              seed="num nonneg int")),
    Case("forecast.weekly_forecast", dict(daily=_daily(), aht=pd.Series(300.0, index=_weekly().index)),
         dict(daily="series", aht="series")),
    Case("forecast.intraday_forecast",
         dict(daily=pd.Series([100.0, 50.0], index=pd.date_range("2025-03-10", periods=2)),
              history=_week_volume(), weeks=1),
         dict(daily="series", history="series", weeks="num nonneg")),
    Case("forecast.rolling_origin", dict(history=_weekly(), methods={"naive": lambda p, h: [p.iloc[-1]] * h},
                                         origins=2, horizon=2, step=1),
         dict(history="series", methods="dict", origins="num nonneg int", horizon="num nonneg int",
              step="num nonneg int")),
    Case("forecast.rolling_accuracy", dict(results=pd.DataFrame({"method": ["a", "a"], "actual": [1.0, 2.0],
                                                                 "forecast": [1.5, 2.0]}), by="method"),
         dict(results="frame", by=SKIP)),
    Case("forecast.error_band", dict(results=pd.DataFrame({"method": ["a", "a"], "actual": [1.0, 2.0],
                                                           "forecast": [1.5, 2.0]}), coverage=0.8),
         dict(results="frame", coverage="num nonneg")),
    Case("events.public_holidays", dict(days=pd.date_range("2025-01-01", periods=10)), dict(days="series")),
    Case("events.catch_up_days", dict(closed=pd.Series(False, index=pd.date_range("2025-01-01", periods=10))),
         dict(closed="series")),
    Case("events.event_calendar", dict(days=pd.date_range("2025-01-01", periods=10), campaigns=[("2025-01-06",
                                                                                             "2025-01-07")],
                                       closed_weekdays=(6,), quiet_holidays=("Goede vrijdag",),
                                       invoice_first_workday=3),
         dict(days="series", campaigns="container", closed_weekdays="num nonneg int", quiet_holidays="container",
              invoice_first_workday="num nonneg int")),
    Case("events.event_factors", dict(calendar=_calendar(), uplift={"campaign": 1.2}),
         dict(calendar="frame", uplift="dict")),
    Case("events.event_uplift", dict(volume=_daily(), calendar=_calendar().iloc[:84], weeks=2),
         dict(volume="series", calendar="frame", weeks="num nonneg int")),
    # --- capaciteit -----------------------------------------------------------------------
    Case("capacity.agent_hours_components", dict(agent_hours=_agent_hours()),
         dict(agent_hours="frame")),
    Case("capacity.shrinkage_breakdown", dict(hours={"leave": 10.0, "sickness": 5.0},
                                                paid_hours=100.0, unplanned=("sickness",)),
         dict(hours="container", paid_hours="num nonneg", unplanned="labels")),
    Case("capacity.absence_and_floor",
         dict(hours={"leave": 10.0, "sickness": 5.0, "breaks": 4.0}, paid_hours=100.0,
              absence=("leave", "sickness")),
         dict(hours="container", paid_hours="num nonneg", absence="labels")),
    Case("capacity.gross_up_comparison", dict(shrinkages=[0.1, 0.3]),
         dict(shrinkages="num nonneg nonempty")),
    Case("capacity.staffing_with_turnover",
         dict(productive_fte=50.0, annual_turnover=0.3, weeks_to_productive=8, vacancy_weeks=2.0,
              ramp_productivity=0.5, fte_per_person=0.8),
         dict(productive_fte="num nonneg", annual_turnover="num nonneg",
              weeks_to_productive="num nonneg", vacancy_weeks="num nonneg",
              ramp_productivity="num nonneg", fte_per_person="num nonneg")),
    # --- afstemming -----------------------------------------------------------------------
    Case("alignment.interval_table", dict(calls=[100.0, 120.0], agents=[12, 14], aht=180, awt=20,
                                           target=0.8, interval=900, patience=None, labels=None,
                                           rostered=[14, 16]),
         dict(calls="num nonneg", agents="num nonneg int", aht="num nonneg", awt="num nonneg",
              target="num nonneg", interval="num nonneg", patience="num nonneg",
              labels="labels", rostered="num nonneg int"),
         mismatch={"agents": [1, 2, 3], "rostered": [1, 2, 3]}),
    Case("alignment.available_agents", dict(agents=[39.0, 40.0], loss_fraction=0.15),
         dict(agents="num nonneg", loss_fraction="num nonneg"),
         mismatch={"loss_fraction": [0.1, 0.2, 0.3]}),
    Case("alignment.agents_to_roster", dict(agents_needed=[39.0, 40.0], loss_fraction=0.15),
         dict(agents_needed="num nonneg", loss_fraction="num nonneg"),
         mismatch={"loss_fraction": [0.1, 0.2, 0.3]}),
    Case("alignment.weekly_hours", dict(weekly_volume=[1000.0, 1200.0], aht=180, occupancy=0.85,
                                         shrinkage=0.3),
         dict(weekly_volume="num nonneg nonempty", aht="num nonneg", occupancy="num nonneg",
              shrinkage="num nonneg")),
    # --- rapportage -----------------------------------------------------------------------
    Case("reporting.contact_summary", dict(contacts=_contacts(), awt=20, short_abandon=5,
                                            channel=None),
         dict(contacts="frame", awt="num nonneg", short_abandon="num nonneg", channel="text")),
    Case("reporting.interval_service_levels", dict(intervals=_intervals()),
         dict(intervals="frame")),
    Case("reporting.weekly_report", dict(intervals=_intervals(), target=0.8),
         dict(intervals="frame", target="num nonneg")),
    Case("reporting.service_level_by_hour", dict(intervals=_intervals(), weeks=[11]),
         dict(intervals="frame", weeks="num nonneg int nonempty")),
    Case("reporting.share_below_target", dict(service_levels=[0.7, 0.9], target=0.8),
         dict(service_levels="num nonneg nonempty", target="num nonneg")),
    Case("reporting.contacts_per_question", dict(fcr=[0.7, 0.8], callback=1.0),
         dict(fcr="num nonneg", callback="num nonneg"), mismatch={"callback": [0.1, 0.2, 0.3]}),
    Case("reporting.workload_hours", dict(questions=[100.0, 200.0], aht=180, fcr=0.7,
                                           callback=1.0),
         dict(questions="num nonneg", aht="num nonneg", fcr="num nonneg",
              callback="num nonneg"), mismatch={"aht": [1.0, 2, 3]}),
    Case("reporting.agent_time_summary", dict(hours=_agent_hours()), dict(hours="frame")),
    # --- forecast profiles ------------------------------------------------------------------
    Case("forecast.weekday_profile", dict(volume=_week_volume()), dict(volume="series")),
    Case("forecast.intraday_profile", dict(volume=_week_volume(), weekdays=[0, 1]),
         dict(volume="series", weekdays="num nonneg int nonempty")),
    # --- rooster --------------------------------------------------------------------------
    Case("roster.required_break_minutes", dict(shift_hours=[4.0, 8.0]),
         dict(shift_hours="num nonneg")),
    Case("roster.shift_types", dict(agents_needed=REQ, lengths=(2, 3), start_step_minutes=60,
                                     opening=None, interval=None,
                                     break_placement="middle", break_window_minutes=60,
                                     split_breaks=False, min_shift_hours=None),
         dict(agents_needed="num nonneg int nonempty", lengths="num nonneg nonempty",
              start_step_minutes="num nonneg", opening="pair", interval="num nonneg",
              break_placement="choice", break_window_minutes="num nonneg", split_breaks="flag",
              min_shift_hours="num nonneg")),
    Case("roster.plan_shifts", dict(agents_needed=REQ, lengths=(2, 3), start_step_minutes=60,
                                     opening=None, min_staff=0, max_agents=None,
                                     max_paid_hours=None, min_shift_hours=None,
                                     under_penalty=None, interval=None,
                                     break_placement="middle", break_window_minutes=60,
                                     split_breaks=False, paid_breaks=True, time_limit=None),
         dict(agents_needed="num nonneg int nonempty", lengths="num nonneg nonempty",
              start_step_minutes="num nonneg", opening="pair", min_staff="num nonneg int",
              max_agents="num nonneg int", max_paid_hours="num nonneg",
              min_shift_hours="num nonneg", under_penalty="num nonneg",
              interval="num nonneg", break_placement="choice",
              break_window_minutes="num nonneg", split_breaks="flag", paid_breaks="flag",
              time_limit="num nonneg")),
    Case("roster.plan_week", dict(agents_needed=pd.Series(
        [1] * 16, index=pd.date_range("2025-03-03 08:00", periods=16, freq="15min"))),
         dict(agents_needed="series")),
    Case("roster.planning_calendar", dict(week=[10, 11], year=None, forecast_lead=6,
                                           roster_lead=3),
         dict(week="num nonneg int nonempty", year="num nonneg int",
              forecast_lead="num nonneg int", roster_lead="num nonneg int")),
    # --- scenarios ------------------------------------------------------------------------
    Case("scenarios.staffing_table", dict(traffic=3.0, aht=180, awt=20, agents=[4, 5],
                                          patience=None),
         dict(traffic="num nonneg", aht="num nonneg", awt="num nonneg",
              agents="num nonneg int nonempty", patience="num nonneg")),
    Case("scenarios.occupancy_targets", dict(traffic=3.0, aht=180, awt=20,
                                             occupancies=[0.7, 0.8]),
         dict(traffic="num nonneg", aht="num nonneg", awt="num nonneg",
              occupancies="num nonneg nonempty")),
    Case("scenarios.occupancy_by_load", dict(traffic=[3.0, 4.0], aht=180, awt=20, target=0.8,
                                             max_occupancy=None),
         dict(traffic="num nonneg nonempty", aht="num nonneg", awt="num nonneg",
              target="num nonneg", max_occupancy="num nonneg")),
    Case("scenarios.pooling_comparison", dict(traffic=3.0, queues=2, aht=180, awt=20, target=0.8),
         dict(traffic="num nonneg", queues="num nonneg int", aht="num nonneg",
              awt="num nonneg", target="num nonneg")),
    Case("scenarios.agents_per_erlang", dict(traffic=[3.0, 4.0], aht=180, awt=20, target=0.8,
                                             patience=None),
         dict(traffic="num nonneg nonempty", aht="num nonneg", awt="num nonneg",
              target="num nonneg", patience="num nonneg")),
    Case("scenarios.sensitivity", dict(calls=100.0, aht=180, interval=900, awt=20, target=0.8,
                                       extra_volume=0.1, extra_aht=10.0, patience=None),
         dict(calls="num nonneg", aht="num nonneg", interval="num nonneg", awt="num nonneg",
              target="num nonneg", extra_volume="num", extra_aht="num",
              patience="num nonneg")),
    Case("scenarios.erlang_c_versus_a", dict(traffic=3.0, aht=180, awt=20, target=0.8,
                                             patiences=[60.0, 120.0]),
         dict(traffic="num nonneg", aht="num nonneg", awt="num nonneg", target="num nonneg",
              patiences="num nonneg nonempty")),
    Case("scenarios.service_level_by_patience", dict(traffic=3.0, aht=180, awt=20, agents=[4, 5],
                                                     patiences=[60.0, 120.0]),
         dict(traffic="num nonneg", aht="num nonneg", awt="num nonneg",
              agents="num nonneg int nonempty", patiences="num nonneg nonempty")),
    # --- simulation -----------------------------------------------------------------------
    Case("simulation.simulate_queue", dict(agents=3, traffic=2.0, aht=180, awt=20, patience=None,
                                           callers=200, seed=1, warmup=10, batches=2),
         dict(agents="num nonneg int", traffic="num nonneg", aht="num nonneg",
              awt="num nonneg", patience="num nonneg", callers="num nonneg int",
              seed="num nonneg int", warmup="num nonneg int", batches="num nonneg int")),
    Case("simulation.compare_with_erlang", dict(result=_simulation()), dict(result="object")),
    Case("simulation.wait_curve", dict(result=_simulation(), waits=[0.0, 20.0]),
         dict(result="object", waits="num nonneg nonempty")),
    Case("simulation.estimate_patience", dict(wait=[10.0, 20.0, 5.0],
                                              answered=[True, False, False]),
         dict(wait="num nonneg nonempty", answered="flags"), mismatch={"answered": [True]}),
    # --- stakeholders ---------------------------------------------------------------------
    Case("stakeholders.quadrant", dict(influence=[1, 5], interest=[5, 2], threshold=3),
         dict(influence="num nonneg int", interest="num nonneg int", threshold="num nonneg int"),
         mismatch={"interest": [1, 2, 3]}),
    Case("stakeholders.campaign_peak", dict(volume=[100.0, 200.0], uplift=0.25),
         dict(volume="num nonneg", uplift="num nonneg"), mismatch={"uplift": [0.1, 0.2, 0.3]}),
    Case("stakeholders.shifted_volume", dict(weekly_volume=[100.0, 200.0, 50.0], share_moved=0.3,
                                             weeks=1, cyclic=True),
         dict(weekly_volume="num nonneg nonempty", share_moved="num nonneg",
              weeks="num nonneg int", cyclic="flag"), mismatch={"share_moved": [0.1, 0.2]}),
    Case("stakeholders.capacity_loss", dict(agents=[40.0, 20.0], loss_fraction=0.15),
         dict(agents="num nonneg", loss_fraction="num nonneg"),
         mismatch={"loss_fraction": [0.1, 0.2, 0.3]}),
    Case("stakeholders.capacity_gain", dict(agents=[40.0, 20.0], gain_fraction=0.15),
         dict(agents="num nonneg", gain_fraction="num nonneg"),
         mismatch={"gain_fraction": [0.1, 0.2, 0.3]}),
    Case("stakeholders.effect_size_problem", dict(effect_type="volume_peak", size=0.2),
         dict(effect_type="choice", size="real")),
    Case("stakeholders.apply_effect", dict(values=[100.0, 80.0], effect_type="volume_peak",
                                           effect_size=0.2, weeks=1, cyclic=True),
         dict(values="num nonneg", effect_type="choice", effect_size="num nonneg",
              weeks="num nonneg int", cyclic="flag")),
    # --- improvement -----------------------------------------------------------------------
    Case("improvement.avoidable_share", dict(counts=[100.0, 50.0], avoidable=[True, False]),
         dict(counts="num nonneg nonempty", avoidable="flags"), mismatch={"avoidable": [1, 0, 1]}),
    Case("improvement.pareto", dict(reasons=["a", "b", "a"], counts=[3.0, 2.0, 1.0], cutoff=0.8),
         dict(reasons="labels", counts="num nonneg nonempty", cutoff="num nonneg"),
         mismatch={"counts": [1.0, 2.0]}),
    Case("improvement.avoidable_savings", dict(volume=[100.0, 120.0], avoidable_share=0.3,
                                               reduction=[0.0, 0.5], aht=180, interval=900,
                                               awt=20, target=0.8, shrinkage=0.3,
                                               contract_hours=36.0),
         dict(volume="num nonneg nonempty", avoidable_share="num nonneg",
              reduction="num nonneg nonempty", aht="num nonneg", interval="num nonneg",
              awt="num nonneg", target="num nonneg", shrinkage="num nonneg",
              contract_hours="num nonneg"), mismatch={"avoidable_share": [0.1, 0.2, 0.3]}),
    Case("improvement.remaining_aht", dict(counts=[100.0, 50.0], aht=[180.0, 300.0], removed=0.2),
         dict(counts="num nonneg nonempty", aht="num nonneg", removed="num nonneg bool_ok"),
         mismatch={"aht": [1.0, 2, 3]}),
    Case("improvement.impact_effort_quadrant", dict(impact=[5, 2], effort=[1, 4], threshold=3),
         dict(impact="num nonneg", effort="num nonneg", threshold="num nonneg"),
         mismatch={"effort": [1, 2, 3]}),
    Case("improvement.prioritise", dict(findings=_findings(), threshold=3),
         dict(findings="frame", threshold="num nonneg")),
    Case("improvement.reason_savings",
         dict(counts=[100.0, 50.0], aht=[180.0, 300.0], avoidable=[True, False],
              volume=[100.0, 120.0], reduction=[0.0, 0.5], interval=900, awt=20, target=0.8,
              shrinkage=0.3, contract_hours=36.0),
         dict(counts="num nonneg nonempty", aht="num nonneg", avoidable="num nonneg bool_ok",
              volume="num nonneg nonempty", reduction="num nonneg nonempty",
              interval="num nonneg", awt="num nonneg", target="num nonneg",
              shrinkage="num nonneg", contract_hours="num nonneg"),
         mismatch={"aht": [1.0, 2.0, 3.0], "avoidable": [True, False, True]}),
    Case("improvement.self_assessment", dict(answers={"a": 3, "b": 4}, statements={"a": "x", "b": "y"}),
         dict(answers="dict", statements="dict")),
    # --- performance ----------------------------------------------------------------------
    Case("performance.staffing_gap", dict(agents_needed=[5.0, 6.0], agents_staffed=[4.0, 7.0]),
         dict(agents_needed="num nonneg", agents_staffed="num nonneg"), mismatch={"agents_staffed": [1.0, 2, 3]}),
    Case("datasets.client_plan", {}, {}),
    Case("performance.week_diagnosis", dict(intervals=DIAGNOSIS_INTERVALS, target=0.8),
         dict(intervals="frame", target="num nonneg")),
    Case("performance.likely_cause", dict(row=DIAGNOSIS.iloc[0], tolerance=0.1),
         dict(row="row", tolerance="num nonneg")),
    Case("performance.watermelon_week", dict(diagnosis=DIAGNOSIS), dict(diagnosis="frame")),
    Case("performance.week_rows", dict(intervals=DIAGNOSIS_INTERVALS, week=10),
         dict(intervals="frame anycols", week="num nonneg int")),
    Case("performance.first_estimate_hours", dict(intervals=DIAGNOSIS_INTERVALS.assign(
        calls_answered=DIAGNOSIS_INTERVALS["calls_offered"], aht=300.0), week=11, weeks=1, awt=20,
                                               target=0.8),
         dict(intervals="frame anycols", week="num nonneg int", weeks="num nonneg int", awt="num nonneg",
              target="num nonneg")),
    Case("performance.block_mask", dict(index=DIAGNOSIS_INTERVALS.index, start="09:00", end="11:00",
                                     weekdays=(0, 1, 2, 3, 4)),
         dict(index="series", start="clock", end="clock", weekdays="num nonneg int nonempty")),
    Case("performance.move_block", dict(staffed=STAFFED, removed=REMOVED, starts=["14:00"]),
         dict(staffed="series", removed="series", starts="clocks"),
         mismatch={"removed": REMOVED.iloc[1:]}),
    Case("performance.expected_service_level",
         dict(staffed=STAFFED, calls=CALLS, aht=300, awt=20, target=0.8, patience=180,
              interval=3600),
         dict(staffed="num nonneg int", calls="num nonneg", aht="num nonneg", awt="num nonneg",
              target="num nonneg", patience="num nonneg", interval="num nonneg"),
         mismatch={"calls": [1.0, 2.0, 3.0]}),
    Case("performance.compare_options",
         dict(options={"zo": STAFFED, "meer": STAFFED + 1}, calls=CALLS,
              plan={"aht": 300, "awt": 20, "target": 0.8, "patience": 180}, block=BLOCK,
              pause=0.06, interval=3600),
         dict(options="dict", calls="series", plan="dict", block="flags", pause="num nonneg",
              interval="num nonneg"),
         mismatch={"block": BLOCK[1:]}),
    Case("excel.write_workbook", dict(path=str(_TMP / "advies.xlsx"), inputs={"a": 1},
                                      assumptions={"b": "x"},
                                      results={"Tabel": pd.DataFrame({"x": [1]})}, summary=None,
                                      formats=None, chart=None),
         dict(path="path", inputs="dict", assumptions="dict", results="dict", summary="dict",
              formats="dict", chart="dict")),
    Case("excel.workbook_bytes", dict(inputs={"a": 1}, assumptions={"b": "x"},
                                      results={"Tabel": pd.DataFrame({"x": [1]})}, summary={"c": 1},
                                      formats={"x": "0.0 %"}, chart={"sheet": "Tabel", "bars": ["x"]}),
         dict(inputs="dict", assumptions="dict", results="dict", summary="dict", formats="dict",
              chart="dict")),
    # --- drawing --------------------------------------------------------------------------
    Case("charts.service_level_by_agents",
         dict(table=scenarios.staffing_table(3.0, 180, 20, [4, 5]), target=0.8, chosen=5, ax=None,
              figsize=(6, 3)),
         dict(table="frame", target="num nonneg", chosen="num nonneg int", ax=SKIP, figsize=SKIP)),
    Case("charts.service_level_and_occupancy",
         dict(table=scenarios.staffing_table(3.0, 180, 20, [4, 5]), target=0.8, ax=None,
              figsize=(6, 3)),
         dict(table="frame", target="num nonneg", ax=SKIP, figsize=SKIP)),
    Case("charts.agents_per_erlang_curve",
         dict(table=scenarios.agents_per_erlang([3.0, 4.0], 180, 20, 0.8), figsize=(6, 3)),
         dict(table="frame", figsize=SKIP)),
    Case("charts.service_level_by_patience",
         dict(table=scenarios.service_level_by_patience(3.0, 180, 20, [4, 5], [60.0]),
              target=0.8, ax=None, figsize=(6, 3)),
         dict(table="frame anycols", target="num nonneg", ax=SKIP, figsize=SKIP)),
    Case("charts.wait_curve", dict(table=simulation.wait_curve(_simulation(), [0.0, 20.0]), awt=20,
                                  ax=None, figsize=(6, 3)),
         dict(table="frame", awt="num nonneg", ax=SKIP, figsize=SKIP)),
    Case("charts.staffing_by_interval", dict(intervals=_plan().intervals, target=0.8, figsize=(6, 3)),
         dict(intervals="frame", target="num nonneg", figsize=SKIP)),
    Case("charts.to_png", dict(fig=_figure()), dict(fig="object")),
    Case("charts.to_pdf", dict(fig=_figure()), dict(fig="object")),
    Case("charts.summary_page", dict(rows=[("a", "1")], intervals=_plan().intervals, title="Advies", note=""),
         dict(rows="container", intervals="frame", title="text", note="text")),
    Case("charts.pareto_chart", dict(table=improvement.pareto(["a", "b", "a"]), figsize=(6, 3)),
         dict(table="frame", figsize=SKIP)),
    Case("charts.impact_effort_matrix", dict(findings=_findings(), ax=None, threshold=3,
                                             figsize=(6, 3)),
         dict(findings="frame", ax=SKIP, threshold="num nonneg", figsize=SKIP)),
    Case("charts.profile_figure",
         dict(weekday=forecast.weekday_profile(_week_volume()),
              intraday=forecast.intraday_profile(_week_volume()), figsize=(6, 3)),
         dict(weekday="series", intraday="series", figsize=SKIP)),
    Case("charts.forecast_figure", dict(actual=_week_volume(), forecast=_week_volume(),
                                        figsize=(6, 3)),
         dict(actual="series", forecast="series", figsize=SKIP)),
    Case("charts.coverage_figure", dict(result=_roster(), ax=None, figsize=(6, 3)),
         dict(result="object", ax=SKIP, figsize=SKIP)),
    Case("charts.watermelon_figure", dict(report=reporting.weekly_report(_intervals()),
                                          target=0.8, highlight=11, figsize=(6, 3)),
         dict(report="frame", target="num nonneg", highlight="num nonneg int", figsize=SKIP)),
    Case("charts.hour_heatmap", dict(table=reporting.service_level_by_hour(_intervals(), [11]),
                                     target=0.8, figsize=(6, 3)),
         dict(table="frame anycols", target="num nonneg", figsize=SKIP)),
    Case("charts.gap_figure", dict(agents_needed=pd.Series([5.0, 6.0]), agents_staffed=pd.Series([4.0, 7.0]),
                                   title="x", label="plan", figsize=(6, 3)),
         dict(agents_needed="num nonneg", agents_staffed="num nonneg", title="text", label="text",
              figsize=SKIP), mismatch={"agents_staffed": [1.0, 2, 3]}),
    Case("charts.backlog_figure", dict(runs={"plan": backlog.track([4.0, 2.0, 0.0], 1.0, 450, 1800)},
                                       deadline=1800, title="x", figsize=(6, 3)),
         dict(runs="dict", deadline="num nonneg", title="text", figsize=SKIP)),
    Case("charts.year_forecast_figure",
         dict(history=_weekly_calls(), forecast=_weekly_calls(), lower=None, upper=None, band_label="band",
              figsize=(6, 3)),
         dict(history="series", forecast="series", lower=SKIP, upper=SKIP, band_label="text", figsize=SKIP)),
    Case("charts.capacity_plan_figure",
         dict(needed=_weekly_calls(), available=_weekly_calls(), hires=None, title="x", unit="FTE",
              figsize=(6, 3), short_label="tekort"),
         dict(needed="series", available="series", hires=SKIP, title="text", unit="text", figsize=SKIP,
              short_label="text")),
    Case("charts.cost_curve_figure", dict(service_level=[0.7, 0.8], cost=[1.0, 2.0], chosen=0.8, figsize=(6, 3)),
         dict(service_level="num nonneg", cost="num nonneg", chosen="num nonneg", figsize=SKIP),
         mismatch={"cost": [1.0, 2.0, 3.0]}),
    Case("roster.shift_table", dict(result=_roster()), dict(result="object")),
    Case("charts.stakeholder_map", dict(frame=None, ax=None, threshold=3, figsize=(6, 3)),
         dict(frame="frame", ax=SKIP, threshold="num nonneg int", figsize=SKIP)),
    # --- data files -----------------------------------------------------------------------
    *[Case(name, dict(path=None), dict(path="path"))
      for name in ("datasets.load_intervals", "datasets.load_contacts",
                   "datasets.load_agent_hours", "glossary.load", "datasets.load_stakeholders",
                   "datasets.load_daily_history", "datasets.load_agent_states")],
    # --- nl -------------------------------------------------------------------------------
    Case("dutch.number", dict(value=1234.5, decimals=1, thousands=True, signed=False),
         dict(value="real missing_ok", decimals="num nonneg int", thousands="flag", signed="flag")),
    Case("dutch.percent", dict(fraction=0.5, decimals=1, space=True, signed=False),
         dict(fraction="real missing_ok", decimals="num nonneg int", space="flag", signed="flag")),
    Case("dutch.short", dict(value=20.5), dict(value="real nan_ok")),
    Case("dutch.date", dict(value="2025-03-03 09:30", time=None), dict(value="date missing_ok", time="flag none_ok")),
    Case("dutch.legend", dict(data=pd.DataFrame({"offered": [100, 200]}), labels=None),
         dict(data="frame anycols", labels=SKIP)),
    Case("dutch.table", dict(data=pd.DataFrame({"offered": [100, 200], "service_level": [0.8, 0.9]}),
                          decimals=1, percent=["service_level"], signed=["service_level"],
                          labels={"offered": "aanbod"}),
         dict(data="frame anycols", decimals="decimals none_ok", percent="labels", signed="labels",
              labels="dict")),
    Case("charts.dutch_ticks", dict(fig=_figure()), dict(fig="object")),
    # --- interval files (the file itself: tests/test_intervalfile.py) ----------------------
    Case("intervals.read", dict(source=b"calls,aht\n10,180\n", name="f.csv", aht=180),
         dict(source="path", name="text", aht="num nonneg")),
    Case("messages.explain", dict(error=_read_error(), typed=None, value=True),
         dict(error="object", typed="dict", value="flag")),
    Case("dutch.parse_number", dict(text="12,5", name="aht"), dict(text="text", name="text")),
    Case("intervals.read_number", dict(cell="12,5", separator=None), dict(cell="text", separator=SKIP)),
    Case("intervals.read_duration", dict(cell="5:00", separator=None), dict(cell="text", separator=SKIP)),
    Case("intervals.read_percent", dict(cell="35 %"), dict(cell="text")),
    Case("intervals.read_time", dict(cell="30-11-2026 08:00"), dict(cell="text")),
    Case("files.data_path", dict(name="glossary.csv"), dict(name="text")),
    Case("files.csv_records", dict(handle=io.StringIO("calls\n5\n"), delimiter=",", skipped=0),
         dict(handle="object", delimiter="text", skipped="num nonneg int")),
    Case("files.read_table", dict(path=data_path("stakeholders.csv"), schema=STAKEHOLDERS_SCHEMA),
         dict(path="path", schema="dict")),
    # --- no arguments: the call must work -----------------------------------------------------
    Case("cli.build_parser", {}, {}),
    Case("contents.table_of_contents", {}, {}),
    Case("contents.total_minutes", {}, {}),
    Case("authoring.course_notebooks", {}, {}),
    # --- glossary -------------------------------------------------------------------------
    Case("glossary.resolve", dict(glossary=None), dict(glossary="frame")),
    Case("glossary.fold", dict(text="Real-time"), dict(text="text")),
    Case("glossary.split_items", dict(text="a; b"), dict(text="text none_ok")),
    Case("glossary.search", dict(query="aht", glossary=None),
         dict(query="text none_ok", glossary="frame")),
    Case("glossary.lookup", dict(term="aht", glossary=None), dict(term="text", glossary="frame")),
    Case("glossary.filter_terms", dict(glossary=_glossary_frame(), letter="A", category=None),
         dict(glossary="frame none_ok", letter="choice", category="choice")),
    Case("glossary_graph.twins", dict(glossary=None), dict(glossary="frame")),
    Case("glossary_graph.corrections", dict(glossary=None), dict(glossary="frame")),
    Case("glossary_graph.is_twin", dict(a="AHT", b="ASA", glossary=None),
         dict(a="text", b="text", glossary="frame")),
    # --- command line, dashboard and calculator (their pure functions) -------------------
    Case("cli.parse_sl", dict(text="80/20"), dict(text="text")),
    Case("cli.in_day_shrinkage", dict(shrinkage_rate=0.3, absence=0.15),
         dict(shrinkage_rate="num nonneg", absence="num nonneg")),
    Case("cli.dutch_output", dict(table=pd.DataFrame({"calls": ["1"], "occupancy": [0.5]}), text_columns=["calls"],
                                  headers=None),
         dict(table="object", text_columns=SKIP, headers="dict")),
    Case("notebook.dutch_explanation", dict(error=ValueError("x")), dict(error="object")),
    Case("staffing.evaluate", dict(calls=[100.0, 120.0], aht=180, interval=900, awt=20, target=0.8,
                                   patience=120.0, agents=None, max_occupancy=None, max_asa=None,
                                   max_abandonment=None),
         dict(calls="num nonneg", aht="num nonneg", interval="num nonneg", awt="num nonneg",
              target="num nonneg", patience="num nonneg", agents="num nonneg int",
              max_occupancy="num nonneg", max_asa="num nonneg", max_abandonment="num nonneg"),
         mismatch={"agents": [1, 2, 3]}),
    Case("cli.staff_summary", dict(calls=100.0, aht=180, interval=900, awt=20,
                                   target=0.8, patience=120.0, agents=None, max_occupancy=None,
                                   max_asa=None, max_abandonment=None, shrinkage_rate=None,
                                   contract_hours=None, absence=None),
         dict(calls="num nonneg", aht="num nonneg", interval="num nonneg", awt="num nonneg",
              target="num nonneg", patience="num nonneg", agents="num nonneg int",
              max_occupancy="num nonneg", max_asa="num nonneg", max_abandonment="num nonneg",
              shrinkage_rate="num nonneg", absence=SKIP,
              contract_hours="num nonneg")),
    Case("dashboard.parse_start", dict(text="08:00"), dict(text="text")),
    Case("dashboard.interval_labels", dict(start="08:00", interval=900, count=4),
         dict(start="text", interval="num nonneg", count="num nonneg int")),
    Case("dashboard.staffing_plan", dict(calls=[100.0, 120.0], aht=180, interval=900, target=0.8,
                                         awt=20, patience=None, max_occupancy=None, max_asa=None,
                                         max_abandonment=None, absence=0.15, breaks=0.05,
                                         other_shrinkage=0.1, roster_efficiency=0.74,
                                         contract_hours=36.0, days_per_week=1, labels=None, hourly_cost=None),
         dict(calls="num nonneg nonempty", aht="num nonneg", interval="num nonneg",
              target="num nonneg", awt="num nonneg", patience="num nonneg", max_occupancy="num nonneg",
              max_asa="num nonneg", max_abandonment=SKIP, absence="num nonneg", breaks="num nonneg",
              other_shrinkage="num nonneg", roster_efficiency="num nonneg", contract_hours="num nonneg",
              days_per_week="num nonneg int", labels="labels", hourly_cost="num nonneg"),
         mismatch={"aht": [1.0, 2, 3]}),
    Case("dashboard.compare_scenarios", dict(calls=[100.0, 120.0], aht=180, scenarios={"a": {}, "b": {"volume": 1.1}}),
         dict(calls="num nonneg nonempty", aht="num nonneg", scenarios="dict")),
    Case("dashboard.data_days", dict(labels=["2026-11-23 08:00"]), dict(labels="labels")),
    Case("dashboard.parse_seconds", dict(text="5:00", name="aht"), dict(text="text", name="text")),
    Case("dashboard.parse_efficiency", dict(text="79 %", name="roster_efficiency"), dict(text="text", name="text")),
    Case("dashboard.missing_days_note", dict(forecast=_forecast()), dict(forecast="object")),
    Case("dashboard.parse_percent", dict(text="35 %", name="target", optional=False),
         dict(text="text", name="text", optional="flag")),
    Case("dashboard.summary_values", dict(plan=_plan()), dict(plan="object")),
    Case("dashboard.plan_pdf", dict(plan=_plan(), source="ingetypt"), dict(plan="object", source="text")),
    Case("dashboard.scenario_frame", dict(table=pd.DataFrame({"a": [1.0]}, index=["fte"])),
         dict(table="frame anycols")),
    Case("dashboard.scenario_html", dict(table=pd.DataFrame({"a": [1.0]}, index=["fte"])),
         dict(table="frame anycols")),
    Case("cli.format_summary", dict(summary=cli.staff_summary(100.0, 180)), dict(summary="dict")),
    Case("cli.chat_summary", dict(chats=120.0, aht=600, max_chats=3, slowdown=0.25, interval=900, awt=60,
                                  target=0.8, patience=300.0, agents=None, max_occupancy=None, max_asa=None,
                                  max_abandonment=None),
         dict(chats="num nonneg", aht="num nonneg", max_chats="num nonneg int", slowdown="num nonneg",
              interval="num nonneg", awt="num nonneg", target="num nonneg", patience="num nonneg",
              agents="num nonneg int", max_occupancy="num nonneg", max_asa="num nonneg",
              max_abandonment="num nonneg")),
    Case("cli.format_chat_summary", dict(summary=cli.chat_summary(120.0, 600, max_chats=3)), dict(summary="dict")),
    Case("dashboard.dutch_table", dict(intervals=_plan().intervals, as_text=True),
         dict(intervals="frame anycols", as_text="flag")),
    Case("dashboard.plan_html", dict(plan=_plan()), dict(plan="object")),
    Case("dashboard.plan_workbook", dict(plan=_plan(), source="ingetypt", scenarios=None),
         dict(plan="object", source="text", scenarios="object")),
    Case("dashboard.download_link", dict(data=b"PK", filename="a.xlsx", label="Download"),
         dict(data="bytes", filename="text", label="text")),
    Case("calculator.result_html",
         dict(result=calculator.calculate_staffing(100.0, 180, interval=1800, awt=20, target=0.8)),
         dict(result="dict")),
    Case("calculator.calculate_staffing", dict(calls=100.0, aht=180, interval=1800, awt=20,
                                               target=0.8, patience=120.0, max_occupancy=None,
                                               max_abandonment=None),
         dict(calls="num nonneg", aht="num nonneg", interval="num nonneg", awt="num nonneg",
              target="num nonneg", patience="num nonneg", max_occupancy="num nonneg",
              max_abandonment="num nonneg")),
    Case("calculator.calculate_chat_staffing", dict(chats=120.0, aht=600, max_chats=3, slowdown=0.25,
                                                    interval=900, awt=60, target=0.8, patience=300.0,
                                                    max_occupancy=None, max_abandonment=None),
         dict(chats="num nonneg", aht="num nonneg", max_chats="num nonneg int", slowdown="num nonneg",
              interval="num nonneg", awt="num nonneg", target="num nonneg", patience="num nonneg",
              max_occupancy="num nonneg", max_abandonment="num nonneg")),
    # intraday and the control room (issue 18)
    Case("intraday.monitor", dict(offered=[10.0, 20.0], answered_in_time=[8.0, 15.0], forecast=[12.0, 18.0],
                                  target=0.8, abandoned=[1.0, 2.0], max_abandonment=0.05, rescale=True),
         dict(offered="num nonneg", answered_in_time="num nonneg", forecast="num nonneg", target="num nonneg",
              abandoned="num nonneg", max_abandonment="num nonneg", rescale="flag"),
         mismatch=dict(offered=[1.0, 2.0, 3.0], forecast=[1.0, 2.0, 3.0], abandoned=[1.0, 2.0, 3.0])),
    Case("intraday.required_service_level",
         dict(answered_in_time_so_far=350.0, offered_so_far=500.0, remaining_forecast=1500.0, target=0.8),
         dict(answered_in_time_so_far="num nonneg", offered_so_far="num nonneg", remaining_forecast="num nonneg",
              target="num nonneg")),
    Case("intraday.allowed_abandonment",
         dict(abandoned_so_far=40.0, offered_so_far=500.0, remaining_forecast=1500.0, max_abandonment=0.05),
         dict(abandoned_so_far="num nonneg", offered_so_far="num nonneg", remaining_forecast="num nonneg",
              max_abandonment="num nonneg")),
    Case("intraday.one_agent_fewer", dict(calls=[50.0, 20.0], aht=300.0, agents=[20, 10], interval=900, awt=20,
                                          patience=180.0),
         dict(calls="num nonneg", aht="num nonneg", agents="num nonneg int", interval="num nonneg",
              awt="num nonneg", patience="num nonneg")),
    Case("intraday.reforecast", dict(forecast=_intraday_day()[0], actual=[45.0] * 4, hours=1, interval=900,
                                     damping=0.5),
         dict(forecast="series", actual="num nonneg", hours="num nonneg", interval="num nonneg",
              damping="num nonneg")),
    Case("intraday.reforecast_reliability", dict(intervals=_intraday_year(), hours=[1], damping=0.5),
         dict(intervals="frame", hours="num nonneg", damping="num nonneg")),
    Case("intraday.adherence", dict(states=pd.DataFrame({"agent": ["A", "A"], "scheduled": ["contact", "break"],
                                                         "state": ["available", "break"]}), interval=900,
                                    sick_days="exclude"),
         dict(states="frame", interval="num nonneg", sick_days="choice")),
    Case("intraday.day_service_level", dict(calls=[100.0, 300.0], service_level=[0.9, 0.7]),
         dict(calls="num nonneg", service_level="num nonneg"),
         mismatch=dict(service_level=[0.9, 0.7, 0.5])),
    Case("intraday.intervention_effect", dict(calls=[50.0, 20.0], aht=300.0, agents=[20, 10], agent_change=[1, -1],
                                              call_change=[-5.0, 5.0], interval=900, awt=20, patience=180.0),
         dict(calls="num nonneg", aht="num nonneg", agents="num nonneg int", agent_change="num int",
              call_change="num", interval="num nonneg", awt="num nonneg", patience="num nonneg"),
         mismatch=dict(agent_change=[1, 2, 3], call_change=[1.0, 2.0, 3.0])),
    Case("intraday.ivr_change", dict(calls=[50.0, 20.0], cause_share=0.3, drop_share=0.5),
         dict(calls="num nonneg", cause_share="num nonneg", drop_share="num nonneg")),
    Case("intraday.callback_change", dict(calls=[50.0, 20.0, 5.0], waiting=[0.6, 0.2, 0.1], acceptance=0.4,
                                          serve_at=2),
         dict(calls="num nonneg", waiting="num nonneg", acceptance="num nonneg", serve_at="num nonneg int"),
         mismatch=dict(waiting=[0.1, 0.2])),
    Case("control_room.new_day", dict(forecast=_intraday_day()[0], agents=_intraday_day()[1], seed=1,
                                      scenario="campaign", aht=300.0, patience=180.0),
         dict(forecast="series", agents="num nonneg int", seed="num nonneg int", scenario="choice",
              aht="num nonneg", patience="num nonneg")),
    Case("control_room.step", dict(state=_control_room_state(), actions=()), dict(state="object", actions="object")),
    Case("control_room.view", dict(state=_control_room_state()), dict(state="object")),
    Case("control_room.evaluate_day", dict(state=_control_room_state(), time_off_saving=1.0),
         dict(state="object", time_off_saving="num nonneg")),
    Case("control_room.action_costs", dict(hourly_cost=35.0, overtime_rate=1.5, time_off_saving=1.0),
         dict(hourly_cost="num nonneg", overtime_rate="num nonneg", time_off_saving="num nonneg")),
    Case("control_room.feedback", dict(state=_control_room_state()), dict(state="object")),
    Case("control_room.signals", dict(state=_control_room_state(), target=0.8),
         dict(state="object", target="num nonneg")),
    Case("control_room.do_nothing", dict(state=_control_room_state()), dict(state="object")),
    Case("control_room.playbook_policy", dict(state=_control_room_state(), target=0.8),
         dict(state="object", target="num nonneg")),
    Case("control_room.play", dict(state=_control_room_state(), policy=lambda s: ()),
         dict(state="object", policy="object")),
    Case("control_room.references", dict(state=_control_room_day()), dict(state="object")),
    Case("datasets.game_day", dict(date="2025-03-04", path=None), dict(date="date", path="path")),
    Case("control_room_game.action_text", dict(name="overtime"), dict(name="choice")),
    Case("control_room_game.monitor_table", dict(state=_control_room_state()), dict(state="object")),
    Case("control_room_game.status_text", dict(state=_control_room_state()), dict(state="object")),
    Case("control_room_game.summary_table", dict(state=_control_room_day()), dict(state="object")),
    Case("charts.control_room_figure", dict(view=_control_room_view(), target=0.8, figsize=(6, 3)),
         dict(view="frame", target="num nonneg", figsize=SKIP)),
    # --- hiring and budget (the year plan) ----------------------------------------------------
    Case("hiring.weekly_shrinkage", dict(base=0.3, summer_leave=0.08, summer_weeks=(28, 35), december_leave=0.06,
                                         december_weeks=(51, 52), sickness=0.02, sickness_weeks=(45, 10),
                                         index=None),
         dict(base="num nonneg", summer_leave="num nonneg", summer_weeks="pair", december_leave="num nonneg",
              december_weeks="pair", sickness="num nonneg", sickness_weeks="pair", index="object")),
    Case("hiring.week_profile", dict(volume=_week_volume()), dict(volume="series")),
    Case("hiring.required_fte", dict(forecast=_hiring_forecast(), shrinkage=[0.3, 0.35], profile=_hiring_profile(),
                                     awt=20, target=0.8, max_asa=None, patience=None, hours_per_fte=36.0),
         dict(forecast="frame", shrinkage="num nonneg", profile="series", awt="num nonneg", target="num nonneg",
              max_asa="num nonneg", patience="num nonneg", hours_per_fte="num nonneg"),
         mismatch=dict(shrinkage=[0.3, 0.3, 0.3])),
    Case("hiring.workload_fte", dict(forecast=_hiring_forecast(), shrinkage=[0.3, 0.35], occupancy=0.85,
                                     hours_per_fte=36.0),
         dict(forecast="frame", shrinkage="num nonneg", occupancy="num nonneg", hours_per_fte="num nonneg"),
         mismatch=dict(shrinkage=[0.3, 0.3, 0.3], occupancy=[0.8, 0.8, 0.8])),
    Case("hiring.weekly_rate", dict(monthly=[0.02, 0.05]), dict(monthly="num nonneg")),
    Case("hiring.cohort", dict(policy=hiring_policy(), weeks=10), dict(policy="object", weeks="num nonneg int")),
    Case("hiring.project_supply", dict(classes=[(0, 6), (2, 5)], initial_headcount=20, policy=hiring_policy(),
                                       weeks=6),
         dict(classes="container", initial_headcount="num nonneg", policy="object", weeks="num nonneg int")),
    Case("hiring.capacity_gap", dict(required_fte=[10.0, 12.0, 14.0, 15.0], supply=_hiring_supply(),
                                     hours_per_fte=36.0),
         dict(required_fte="num nonneg", supply="frame", hours_per_fte="num nonneg"),
         mismatch=dict(required_fte=[1.0, 2.0])),
    Case("hiring.flex_hour_value", dict(shrinkage=[0.3, 0.32, 0.38], pause=0.059),
         dict(shrinkage="num nonneg", pause="num nonneg")),
    Case("hiring.fill_gaps", dict(required_fte=[10.0, 12.0, 14.0, 15.0], supply=_hiring_supply(),
                                  costs=hiring_costs(), max_flex_hours=50.0, max_overtime_share=0.1,
                                  hours_per_fte=36.0, flex_value=1.4),
         dict(required_fte="num nonneg", supply="frame", costs="object", max_flex_hours="num nonneg",
              max_overtime_share="num nonneg", hours_per_fte="num nonneg", flex_value="num nonneg"),
         mismatch=dict(required_fte=[1.0, 2.0], max_flex_hours=[1.0, 2.0])),
    *[Case(f"hiring.{name}", dict(required_fte=[10.0, 12.0, 16.0, 18.0, 18.0, 18.0], initial_headcount=14,
                                  policy=hiring_policy(), **extra, start_weeks=[0, 1], max_flex_hours=20.0,
                                  max_overtime_share=0.1, committed=[(-1, 5)], final_fte=15.0, flex_value=1.4),
           dict(required_fte="num nonneg", initial_headcount="num nonneg", policy="object", **kinds,
                start_weeks="num nonneg int", max_flex_hours="num nonneg", max_overtime_share="num nonneg",
                committed="container", final_fte="num nonneg", flex_value="num nonneg"),
           mismatch=dict(max_flex_hours=[1.0, 2.0], flex_value=[1.0, 2.0]))
      for name, extra, kinds in (("uncoverable_weeks", {}, {}),
                                 ("plan_hiring", dict(costs=hiring_costs(), objective="cost", time_limit=None),
                                  dict(costs="object", objective="choice", time_limit="num nonneg")))],
    Case("budget.cost_per_contact", dict(cost=[1000.0, 2000.0], contacts=[100.0, 400.0]),
         dict(cost="num nonneg", contacts="num nonneg"), mismatch=dict(contacts=[1.0, 2.0, 3.0])),
    Case("budget.year_budget", dict(weeks=_hiring_supply(), costs=hiring_costs(), policy=hiring_policy(),
                                    contacts=[100.0, 200.0, 300.0, 400.0]),
         dict(weeks="frame", costs="object", policy="object", contacts="num nonneg"),
         mismatch=dict(contacts=[1.0, 2.0])),
    Case("budget.service_level_curve", dict(forecast=_hiring_forecast(), shrinkage=0.3, profile=_hiring_profile(),
                                            costs=hiring_costs(), targets=[0.7, 0.8], awt=20, hours_per_fte=36.0,
                                            patience=180.0),
         dict(forecast="frame", shrinkage="num nonneg", profile="series", costs="object",
              targets="num nonneg nonempty", awt="num nonneg", hours_per_fte="num nonneg", patience="num nonneg")),
    Case("budget.asa_curve", dict(forecast=_hiring_forecast(), shrinkage=0.3, profile=_hiring_profile(),
                                  costs=hiring_costs(), max_asas=[20.0, 30.0], hours_per_fte=36.0, patience=180.0),
         dict(forecast="frame", shrinkage="num nonneg", profile="series", costs="object",
              max_asas="num nonneg nonempty", hours_per_fte="num nonneg", patience="num nonneg")),
    Case("budget.turnover_cost", dict(productive_fte=40.0, policy=hiring_policy(), costs=hiring_costs()),
         dict(productive_fte="num nonneg", policy="object", costs="object")),
    Case("budget.turnover_comparison", dict(productive_fte=40.0, scenarios=_hiring_scenarios()),
         dict(productive_fte="num nonneg", scenarios="dict")),
]
BY_NAME = {c.name: c for c in CASES}

# The families of bad values: (label, value, expected error class).
TYPE = TypeError
VALUE = ValueError


def _with_first(base, value):
    """The baseline array with its first element replaced (a bad element inside an array)."""
    arr = np.array(base, dtype=object if not isinstance(value, float) else float)
    arr.flat[0] = value
    return arr if isinstance(value, float) else arr.tolist()


def bad_values(case, parameter):
    """[(label, bad value, expected error class)] for one parameter of one case."""
    tags = case.kinds[parameter].split()
    base = case.args[parameter]
    default = inspect.signature(case.function).parameters[parameter].default
    required = default is inspect.Parameter.empty or default is not None
    out = []
    if required and not {"none_ok", "missing_ok"} & set(tags):
        out.append(("None", None, TYPE))
    kind = tags[0]
    if kind in ("num", "real"):
        out += [("numeric text", "10", TYPE), ("bytes", b"5", TYPE), ("complex", 3 + 2j, TYPE),
                ("dict", {"a": 1}, TYPE)]
        if "bool_ok" not in tags:                      # a flag or a fraction: True/False is fine
            out += [("bool", True, TYPE), ("numpy bool", np.bool_(False), TYPE)]
        if not {"missing_ok", "nan_ok"} & set(tags):
            out += [("nan", NAN, VALUE), ("inf", INF, VALUE), ("-inf", -INF, VALUE)]
        if kind == "num":
            out += [("complex array", np.array([1 + 1j, 2 + 0j]), TYPE), ("ragged", RAGGED, VALUE)]
            if "bool_ok" not in tags:
                out.append(("bool list", [True, False], TYPE))
        if np.ndim(base) == 1:
            out += [("text inside", _with_first(base, "1"), TYPE),
                    ("None inside", _with_first(base, None), TYPE),
                    ("nan inside", _with_first(base, NAN), VALUE)]
        if "nonneg" in tags:
            out.append(("negative", -1.0, VALUE))
        if "int" in tags:
            out.append(("not whole", 2.5, VALUE))
        if "nonempty" in tags:
            out.append(("empty", [], VALUE))
    elif kind == "choice":
        out += [("unknown option", "no-such-option", VALUE), ("number", 5, TYPE),
                ("bytes", b"x", TYPE)]
    elif kind == "flag":
        out += [("text", "yes", TYPE), ("number", 1.5, TYPE), ("int", 1, TYPE)]
        if not required and "none_ok" not in tags:
            out.append(("None", None, TYPE))
    elif kind == "flags":
        out += [("text", "yes", TYPE), ("text list", ["yes", "no", "no"][:np.size(base)], TYPE),
                ("complex", 1j, TYPE)]
    elif kind == SKIP:
        return []
    elif kind in ("frame", "series", "object"):
        out += [("text", "x", TYPE), ("number", 5, TYPE), ("list", [1, 2], TYPE)]
        if kind == "frame" and "anycols" not in tags:
            out.append(("missing columns", pd.DataFrame({"no_such_column": [1]}), VALUE))
    elif kind == "path":
        out += [("number", 5, TYPE), ("list", ["a.csv"], TYPE)]
    elif kind == "bytes":
        out += [("text", "x", TYPE), ("number", 5, TYPE)]
    elif kind == "text":
        out += [("number", 5, TYPE), ("bytes", b"x", TYPE), ("list", ["a"], TYPE)]
    elif kind == "clock":
        out += [("number", 930, TYPE), ("bytes", b"09:30", TYPE), ("list", ["09:30"], TYPE),
                ("not a time", "9.30", VALUE), ("too late", "25:00", VALUE)]
    elif kind == "clocks":
        out += [("number", 14, TYPE), ("bytes", b"14:00", TYPE), ("number inside", [14], TYPE),
                ("empty", [], VALUE), ("not a time", ["14.00"], VALUE)]
    elif kind == "date":
        out += [("number", 5, TYPE), ("bool", True, TYPE), ("bytes", b"2025-03-03", TYPE),
                ("list", ["2025-03-03"], TYPE), ("not a date", "no-such-date", VALUE)]
    elif kind == "row":
        out += [("text", "x", TYPE), ("number", 5, TYPE), ("list", [1, 2], TYPE),
                ("missing keys", {"service_level": 0.8}, VALUE),
                ("text inside", {**base, "volume_vs_forecast": "0.2"}, TYPE),
                ("nan inside", {**base, "volume_vs_forecast": NAN}, VALUE)]
    elif kind == "decimals":
        out += [("numeric text", "1", TYPE), ("bytes", b"1", TYPE), ("bool", True, TYPE),
                ("complex", 1j, TYPE), ("negative", -1, VALUE), ("not whole", 1.5, VALUE),
                ("nan", NAN, VALUE), ("bad value in dict", {"offered": 1.5}, VALUE),
                ("text in dict", {"offered": "1"}, TYPE)]
    elif kind == "freq":
        out += [("number", 5, TYPE), ("bytes", b"x", TYPE), ("unknown", "no-such-freq", VALUE)]
    elif kind in ("pair", "labels", "container", "dict"):
        out += [("number", 5, TYPE), ("bytes", b"x", TYPE)]
        if kind in ("container", "dict"):
            out += [("text", "x", TYPE)]
        if kind == "dict":
            out += [("list", [1, 2], TYPE)]
        if kind == "pair":
            out += [("one value", ("08:00",) if parameter == "opening" else (1,), VALUE)]
    else:                                                  # pragma: no cover - table typo
        raise AssertionError(f"unknown kind {kind!r} for {case.name}({parameter})")
    if parameter in case.mismatch:
        out.append(("mismatched shape", case.mismatch[parameter], VALUE))
    return out


def _call(case, parameter, value):
    args = dict(case.args)
    args[parameter] = value
    return case.function(**args)


def check_refused(case, parameter, label, value, expected):
    """None when the call is refused properly, else a description of what went wrong."""
    try:
        result = _call(case, parameter, value)
    except Exception as error:              # noqa: BLE001 - the type is what is checked
        message = str(error)
        if not isinstance(error, expected):
            return (f"{label} {value!r}: expected {expected.__name__}, got "
                    f"{type(error).__name__}: {message}")
        if type(error).__module__.startswith("numpy"):
            return f"{label} {value!r}: numpy's own error {type(error).__name__}: {message}"
        if not re.search(rf"(?<![A-Za-z_]){re.escape(parameter)}(?![A-Za-z_])", message):
            return f"{label} {value!r}: message does not name {parameter!r}: {message}"
        return None
    return f"{label} {value!r}: accepted, returned {type(result).__name__}"


def _module_functions(module_name):
    module = importlib.import_module(PATHS[module_name])
    names = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
    return [f"{module_name}.{n}" for n in names
            if inspect.isfunction(getattr(module, n))
            and getattr(module, n).__module__ == module.__name__]


def test_every_public_function_is_covered():
    missing = [name for m in MODULES for name in _module_functions(m)
               if name not in BY_NAME and name not in SKIPPED
               and f"{name.split('.')[0]}.*" not in SKIPPED]
    assert not missing, f"add these functions to CASES (or SKIPPED with a reason): {missing}"
    for case in CASES:
        parameters = inspect.signature(case.function).parameters
        named = {p for p, v in parameters.items() if v.kind not in (v.VAR_POSITIONAL, v.VAR_KEYWORD)}
        assert set(case.kinds) == named, case.name
        assert set(case.args) == set(case.kinds), case.name


def test_modules_are_found_and_skips_are_current():
    assert {"erlang", "performance", "intervals", "dutch", "cli"} <= set(MODULES)
    assert not {"exercises", "validation", "__main__"} & set(MODULES)
    assert len(PATHS) == len(_FOUND)  # no two modules share a name
    functions = {name for m in MODULES for name in _module_functions(m)}
    stale = [name for name in SKIPPED if not name.endswith(".*") and name not in functions]
    assert not stale, f"SKIPPED names functions that are gone: {stale}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_baseline_call_is_valid(case):
    case.function(**case.args)


PARAMETERS = [(case, p) for case in CASES for p in case.kinds]


@pytest.mark.parametrize(("case", "parameter"), PARAMETERS,
                         ids=[f"{c.name}-{p}" for c, p in PARAMETERS])
def test_bad_values_are_refused_naming_the_parameter(case, parameter):
    problems = [problem for label, value, expected in bad_values(case, parameter)
                if (problem := check_refused(case, parameter, label, value, expected))]
    assert not problems, f"{case.name}({parameter}=...):\n  " + "\n  ".join(problems)


# ---------------------------------------------------------------------------
# random bad numbers (hypothesis) for every numeric parameter
# ---------------------------------------------------------------------------
NUMERIC = [(case, p) for case, p in PARAMETERS if case.kinds[p].split()[0] == "num"]

_wrong_type = st.one_of(
    st.text(max_size=8),
    st.binary(max_size=4),
    st.booleans(),
    st.complex_numbers(allow_nan=False, allow_infinity=False, max_magnitude=1e6)
      .filter(lambda z: z.imag != 0),
    st.lists(st.booleans(), min_size=1, max_size=3),
    st.lists(st.text(max_size=3), min_size=1, max_size=3),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)
_wrong_value = st.one_of(
    st.sampled_from([NAN, INF, -INF]),
    st.lists(st.floats(0, 10), min_size=1, max_size=3).flatmap(
        lambda xs: st.integers(0, len(xs) - 1).flatmap(
            lambda i: st.sampled_from([NAN, INF, -INF]).map(
                lambda bad: xs[:i] + [bad] + xs[i + 1:]))),
    st.lists(st.lists(st.floats(0, 10), min_size=1, max_size=3), min_size=2, max_size=3)
      .filter(lambda rows: len({len(r) for r in rows}) > 1),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_bad_numbers_are_refused(data):
    case, parameter = data.draw(st.sampled_from(NUMERIC), label="parameter")
    expected = data.draw(st.sampled_from([TYPE, VALUE]), label="family")
    value = data.draw(_wrong_type if expected is TYPE else _wrong_value, label="value")
    assume("bool_ok" not in case.kinds[parameter]
           or not all(isinstance(v, bool) for v in np.ravel(np.array(value, dtype=object))))
    problem = check_refused(case, parameter, "random", value, expected)
    assert problem is None, f"{case.name}({parameter}=...): {problem}"


# ---------------------------------------------------------------------------
# the typed errors themselves
# ---------------------------------------------------------------------------
def test_errors_carry_parameter_value_and_kind():
    from wfmcourse.validation import ParameterTypeError, ParameterValueError

    with pytest.raises(ParameterTypeError) as info:
        erlang.erlang_c("10", 5)
    assert (info.value.parameter, info.value.value, info.value.kind) == ("agents", "10", "type")
    with pytest.raises(ParameterValueError) as info:
        erlang.erlang_c(5, [1.0, float("nan")])
    assert (info.value.parameter, info.value.kind) == ("traffic", "not_finite")
    with pytest.raises(ParameterValueError) as info:
        erlang.erlang_c([5, 6], [1.0, 2.0, 3.0])
    assert info.value.kind == "shape" and "agents (2,)" in str(info.value)
    assert "traffic (3,)" in str(info.value)


def test_errors_survive_pickling():
    import pickle

    from wfmcourse.validation import ParameterValueError

    error = ParameterValueError("aht", -1, "too_small", "aht must be > 0, got -1")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.parameter, copy.value, copy.kind, str(copy)) == ("aht", -1, "too_small",
                                                                  str(error))


# ---------------------------------------------------------------------------
# the examples of issue 13, one by one
# ---------------------------------------------------------------------------
ISSUE_EXAMPLES = [
    (lambda: erlang.erlang_c("10", b"5"), TypeError, "agents"),
    (lambda: erlang.erlang_b(True, 5), TypeError, "agents"),
    (lambda: kpi.nps("5"), TypeError, "scores"),
    (lambda: erlang.traffic(np.array([100 + 5j]), 180), TypeError, "calls"),
    (lambda: roster.shift_types([1] * 16, lengths=True), TypeError, "lengths"),
    (lambda: erlang.service_level([5, 6], [3.0, 3.0, 3.0], 180, 20), ValueError, "traffic"),
    (lambda: erlang.erlang_c([[5, 6], [7]], 3.0), ValueError, "agents"),
    (lambda: shrinkage.weekly_fte([3, 4], interval=[]), ValueError, "interval"),
    (lambda: kpi.csat([4, 5], threshold="5"), TypeError, "threshold"),
    (lambda: kpi.volume(pd.DatetimeIndex(["2025-01-01 09:00"]), freq=None), TypeError,
     "freq"),
    (lambda: roster.plan_shifts([1] * 16, lengths=None), TypeError, "lengths"),
    (lambda: roster.plan_shifts([1] * 16, lengths=[]), ValueError, "lengths"),
    (lambda: roster.planning_calendar(None), TypeError, "week"),
    (lambda: simulation.wait_curve(None, [0, 20]), TypeError, "result"),
]


@pytest.mark.parametrize(("call", "error", "name"), ISSUE_EXAMPLES)
def test_issue_13_examples(call, error, name):
    with pytest.raises(error, match=rf"^{name} "):
        call()
