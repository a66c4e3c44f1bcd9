"""Loaders for the synthetic course data of "KlantDirect BV" (made by :mod:`wfmcourse.data.synth`).

* :func:`load_intervals` - ``data/intervals.csv``: a year of 15-minute intervals of the phone
  queue, returned with a :class:`pandas.DatetimeIndex` named ``interval_start``;
* :func:`load_contacts` - ``data/contacts.csv``: one month of contacts (phone and chat), with
  the timestamp column ``arrival`` and a plain RangeIndex;
* :func:`load_agent_hours` - ``data/agent_hours.csv``: hours per agent per working day, with the
  date column ``date`` and a plain RangeIndex;
* :func:`load_stakeholders` - ``data/stakeholders.csv``: one row per party around WFM, with its
  typical effect on the planning (the sign rules are :func:`wfmcourse.domain.stakeholders.effect_size_problem`);
* :func:`load_daily_history` - ``data/daily_history.csv``: four years of daily calls offered and AHT with the
  events of each day, returned with a daily :class:`pandas.DatetimeIndex` named ``date``;
* :func:`client_plan` - how KlantDirect planned the ``agents_needed`` of ``intervals.csv``;
* :func:`load_agent_states` - ``data/agent_states.csv``: a week of per-agent schedules and agent states per
  quarter, with the timestamp column ``interval_start`` and a plain RangeIndex;
* :func:`game_day` - the open quarters of one day of ``intervals.csv`` with its forecast and plan, the day the
  control room (:mod:`wfmcourse.domain.control_room`) plays.

Each loader reads the file with a full schema (:func:`wfmcourse.data.files.read_table`: types,
required cells, bounds, allowed values) and then checks the rules that tie columns together
(``calls_answered + calls_abandoned == calls_offered``, no talk time on an abandoned contact,
hours that add up, ...). Any problem raises :class:`~wfmcourse.data.files.DataFileError` naming
the file, the line (the header is line 1) and the column. The columns are described in
``data/README.md``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from wfmcourse.data.files import Column, DataFileError, data_path, read_table
from wfmcourse.data.synth import CHANNELS, CONTACT_REASONS, TEAMS, CentreParameters
from wfmcourse.domain.intraday import ACTIVITIES, STATES
from wfmcourse.domain.stakeholders import EFFECT_TYPES, effect_size_problem
from wfmcourse.validation import type_error, value_error

__all__ = [
    "INTERVALS_SCHEMA",
    "CONTACTS_SCHEMA",
    "AGENT_HOURS_SCHEMA",
    "STAKEHOLDERS_SCHEMA",
    "CORE_STAKEHOLDERS",
    "load_intervals",
    "load_contacts",
    "load_agent_hours",
    "load_stakeholders",
    "DAILY_HISTORY_SCHEMA",
    "load_daily_history",
    "client_plan",
    "GAME_DAY",
    "game_day",
    "AGENT_STATES_SCHEMA",
    "load_agent_states",
]

INTERVALS_FILE, CONTACTS_FILE, AGENT_HOURS_FILE = "intervals.csv", "contacts.csv", "agent_hours.csv"
STAKEHOLDERS_FILE = "stakeholders.csv"
DAILY_HISTORY_FILE = "daily_history.csv"

INTERVALS_SCHEMA = {
    "interval_start": Column("datetime"),
    "is_open": Column("bool"),
    "holiday": Column("str", required=False),
    "forecast_calls": Column("float", low=0),
    "calls_offered": Column("int", low=0),
    "calls_answered": Column("int", low=0),
    "calls_abandoned": Column("int", low=0),
    "answered_in_time": Column("int", low=0),
    "aht": Column("float", required=False, low=0),
    "agents_needed": Column("int", low=0),
    "agents_staffed": Column("int", low=0),
    "chats_offered": Column("int", low=0),
}

_SCORE = {"csat": (1, 5), "nps": (0, 10), "ces": (1, 5)}

CONTACTS_SCHEMA = {
    "contact_id": Column("int", low=1),
    "arrival": Column("datetime"),
    "customer_id": Column("int", low=1),
    "channel": Column("str", choices=CHANNELS),
    "wait": Column("int", low=0),
    "abandoned": Column("bool"),
    "talk": Column("int", low=0),
    "hold": Column("int", low=0),
    "acw": Column("int", low=0),
    "reason": Column("str", choices=tuple(label for label, *_ in CONTACT_REASONS)),
    "avoidable": Column("bool"),
    "repeat": Column("bool"),
    "fcr": Column("bool"),
    **{name: Column("int", required=False, low=lo, high=hi) for name, (lo, hi) in _SCORE.items()},
}

_HOUR_PARTS = ("scheduled_hours", "verlof_hours", "verzuim_hours", "training_hours",
               "overleg_hours", "pauze_hours")

AGENT_HOURS_SCHEMA = {
    "date": Column("date"),
    "agent_id": Column("str"),
    "team": Column("str", choices=TEAMS),
    "contract_hours": Column("int", low=1, high=40),
    "paid_hours": Column("float", low=0, high=24),
    "scheduled_hours": Column("float", low=0, high=24),
    "logged_in_hours": Column("float", low=0, high=24),
    "productive_hours": Column("float", low=0, high=24),
    "verlof_hours": Column("float", low=0, high=24),
    "verzuim_hours": Column("float", low=0, high=24),
    "training_hours": Column("float", low=0, high=24),
    "overleg_hours": Column("float", low=0, high=24),
    "pauze_hours": Column("float", low=0, high=24),
}

_HOURS_TOLERANCE = 0.015     # hours are written with 2 decimals


def _reject(path, mask, column, problem) -> None:
    """Raise for the first row where ``mask`` is true; ``problem(row)`` describes it."""
    mask = np.asarray(mask, dtype=bool)
    if mask.any():
        row = int(np.flatnonzero(mask)[0])
        raise DataFileError(path, row + 2, column, problem(row))


def _not_decreasing(path, frame, column) -> None:
    values = frame[column]
    back = (values.diff() < pd.Timedelta(0)).to_numpy()
    _reject(path, back, column,
            lambda r: f"rows must be in time order ({values.iloc[r]} comes after {values.iloc[r - 1]})")


def _duplicates(path, frame, columns, column) -> None:
    repeated = frame.duplicated(subset=list(columns)).to_numpy()

    def problem(r) -> str:
        key = tuple(frame[c].iloc[r] for c in columns)
        shown = key[0] if len(key) == 1 else key
        return f"duplicate {' + '.join(columns)} {shown!s}"

    _reject(path, repeated, column, problem)


# ---------------------------------------------------------------------------
# intervals.csv
# ---------------------------------------------------------------------------
def load_intervals(path=None) -> pd.DataFrame:
    """Read ``data/intervals.csv`` (or ``path``) and check it.

    Returns a DataFrame with a DatetimeIndex ``interval_start`` (15-minute interval starts)
    and the columns ``is_open`` (bool), ``holiday`` (str, "" on ordinary days),
    ``forecast_calls`` (float), ``calls_offered``, ``calls_answered``, ``calls_abandoned``,
    ``answered_in_time`` (int64), ``aht`` (float seconds, NaN without answered calls),
    ``agents_needed``, ``agents_staffed``, ``chats_offered`` (int64).

    Rules besides the schema: starts on a quarter hour, unique and in time order;
    ``calls_answered + calls_abandoned == calls_offered``; ``answered_in_time <=
    calls_answered``; ``aht`` given exactly when calls were answered (and above 0); a closed
    interval has no calls, chats or staffed agents.
    """
    path = data_path(INTERVALS_FILE) if path is None else path
    frame = read_table(path, INTERVALS_SCHEMA)
    start = frame["interval_start"]
    _reject(path, (start != start.dt.floor("15min")).to_numpy(), "interval_start",
            lambda r: f"must start on a quarter hour (got {start.iloc[r]})")
    _not_decreasing(path, frame, "interval_start")
    _duplicates(path, frame, ["interval_start"], "interval_start")
    offered, answered = frame["calls_offered"], frame["calls_answered"]
    abandoned, in_time = frame["calls_abandoned"], frame["answered_in_time"]
    _reject(path, answered + abandoned != offered, "calls_offered",
            lambda r: (f"calls_answered + calls_abandoned must equal calls_offered "
                       f"(got {answered.iloc[r]} + {abandoned.iloc[r]} != {offered.iloc[r]})"))
    _reject(path, in_time > answered, "answered_in_time",
            lambda r: (f"cannot exceed calls_answered (got {in_time.iloc[r]} > "
                       f"{answered.iloc[r]})"))
    aht = frame["aht"]
    _reject(path, (answered > 0) & aht.isna(), "aht",
            lambda r: f"a value is required when calls were answered ({answered.iloc[r]})")
    _reject(path, (answered == 0) & aht.notna(), "aht",
            lambda r: f"must be empty when no calls were answered (got {aht.iloc[r]!r})")
    _reject(path, aht.notna() & (aht <= 0), "aht", lambda r: f"must be > 0 (got {aht.iloc[r]!r})")
    closed = ~frame["is_open"].astype(bool)
    for column in ("calls_offered", "chats_offered", "agents_staffed"):
        values = frame[column]
        _reject(path, closed & (values > 0), column,
                lambda r, v=values, c=column: f"must be 0 when is_open is 0 (got {v.iloc[r]})")
    return frame.set_index("interval_start")


#: the day of ``intervals.csv`` the control room plays (a Tuesday in March, open 08:00-20:00)
GAME_DAY = "2025-03-04"


def game_day(date=GAME_DAY, path=None) -> pd.DataFrame:
    """The open quarters of ``date`` in ``data/intervals.csv`` (or ``path``), with the columns
    ``forecast_calls`` (calls per quarter) and ``agents_needed`` (the plan: agents on the phones), on the
    DatetimeIndex ``interval_start``: what :func:`wfmcourse.domain.control_room.new_day` takes."""
    if not isinstance(date, str):
        raise type_error("date", date, "a date as text, '2025-03-04'")
    try:
        day = pd.Timestamp(date)
    except ValueError:
        raise value_error("date", date, "format", "be a date like '2025-03-04'") from None
    year = load_intervals(path)
    rows = year[(year.index.normalize() == day.normalize()) & year["is_open"]]
    if rows.empty:
        raise value_error("date", date, "inconsistent", "be an open day of the interval file")
    return rows[["forecast_calls", "agents_needed"]].copy()


# ---------------------------------------------------------------------------
# agent_states.csv
# ---------------------------------------------------------------------------
AGENT_STATES_FILE = "agent_states.csv"
AGENT_STATES_SCHEMA = {
    "agent": Column("str"),
    "interval_start": Column("datetime"),
    "scheduled": Column("str", choices=ACTIVITIES),
    "state": Column("str", choices=STATES),
}


def load_agent_states(path=None) -> pd.DataFrame:
    """Read ``data/agent_states.csv`` (or ``path``) and check it.

    Returns a DataFrame with a RangeIndex and the columns ``agent`` (str), ``interval_start``
    (datetime64, a quarter), ``scheduled`` (one of :data:`wfmcourse.domain.intraday.ACTIVITIES`) and
    ``state`` (one of :data:`wfmcourse.domain.intraday.STATES`): the input of
    :func:`wfmcourse.domain.intraday.adherence`.

    Rules besides the schema: quarters start on a quarter hour; one row per agent per quarter; per agent in
    time order.
    """
    path = data_path(AGENT_STATES_FILE) if path is None else path
    frame = read_table(path, AGENT_STATES_SCHEMA)
    start = frame["interval_start"]
    _reject(path, (start != start.dt.floor("15min")).to_numpy(), "interval_start",
            lambda r: f"must start on a quarter hour (got {start.iloc[r]})")
    _duplicates(path, frame, ["agent", "interval_start"], "interval_start")
    same = (frame["agent"] == frame["agent"].shift()).to_numpy()
    back = same & (start.diff() < pd.Timedelta(0)).to_numpy()
    _reject(path, back, "interval_start",
            lambda r: f"must be in time order per agent (got {start.iloc[r]} after {start.iloc[r - 1]})")
    return frame


# ---------------------------------------------------------------------------
# daily_history.csv
# ---------------------------------------------------------------------------
DAILY_HISTORY_SCHEMA = {
    "date": Column("date"),
    "holiday": Column("str", required=False),
    "is_open": Column("bool"),
    "quiet_holiday": Column("bool"),
    "catch_up": Column("bool"),
    "invoice_day": Column("int", low=0, high=3),
    "campaign": Column("bool"),
    "expected_calls": Column("float", low=0),
    "calls_offered": Column("int", low=0),
    "expected_aht": Column("float", low=0),
    "aht": Column("float", required=False, low=0),
}


def load_daily_history(path=None) -> pd.DataFrame:
    """Read ``data/daily_history.csv`` (or ``path``) and check it.

    Returns a DataFrame with a daily DatetimeIndex ``date`` and the columns ``holiday`` (str, "" on ordinary
    days), ``is_open``, ``quiet_holiday``, ``catch_up``, ``campaign`` (bool), ``invoice_day`` (int 0-3),
    ``expected_calls`` (float), ``calls_offered`` (int64), ``expected_aht`` and ``aht`` (float seconds, NaN on
    days without calls).

    Rules besides the schema: one row per day, in order, without gaps; a closed day has no calls and no
    expected calls; ``aht`` given exactly when calls were offered (and above 0).
    """
    path = data_path(DAILY_HISTORY_FILE) if path is None else path
    frame = read_table(path, DAILY_HISTORY_SCHEMA)
    date = frame["date"]
    step = date.diff().iloc[1:]
    _reject(path, np.r_[False, (step != pd.Timedelta(days=1)).to_numpy()], "date",
            lambda r: f"rows must be consecutive days ({date.iloc[r].date()} follows {date.iloc[r - 1].date()})")
    closed = ~frame["is_open"].astype(bool)
    calls, aht = frame["calls_offered"], frame["aht"]
    for column in ("calls_offered", "expected_calls"):
        values = frame[column]
        _reject(path, closed & (values > 0), column,
                lambda r, v=values: f"must be 0 when is_open is 0 (got {v.iloc[r]})")
    _reject(path, (calls > 0) & aht.isna(), "aht",
            lambda r: f"a value is required when calls were offered ({calls.iloc[r]})")
    _reject(path, (calls == 0) & aht.notna(), "aht",
            lambda r: f"must be empty when no calls were offered (got {aht.iloc[r]!r})")
    _reject(path, aht.notna() & (aht <= 0), "aht", lambda r: f"must be > 0 (got {aht.iloc[r]!r})")
    return frame.set_index(pd.DatetimeIndex(date, name="date")).drop(columns="date")


# ---------------------------------------------------------------------------
# contacts.csv
# ---------------------------------------------------------------------------
def load_contacts(path=None) -> pd.DataFrame:
    """Read ``data/contacts.csv`` (or ``path``) and check it.

    Returns a DataFrame with a RangeIndex and the columns ``contact_id``, ``customer_id``
    (int64), ``arrival`` (datetime64), ``channel`` ("telefoon"/"chat"), ``wait``, ``talk``,
    ``hold``, ``acw`` (int64 seconds), ``abandoned``, ``avoidable``, ``repeat``, ``fcr`` (bool),
    ``reason`` (str) and ``csat``, ``nps``, ``ces`` (Int64, <NA> when not surveyed).

    Rules besides the schema: unique ``contact_id``; arrivals in time order; an abandoned
    contact has no talk, hold or after-call work, no ``fcr`` and no survey answers; an answered
    contact has talk time; a survey has all three scores or none; every ``reason`` has one
    ``avoidable`` value throughout the file.
    """
    path = data_path(CONTACTS_FILE) if path is None else path
    frame = read_table(path, CONTACTS_SCHEMA)
    _duplicates(path, frame, ["contact_id"], "contact_id")
    _not_decreasing(path, frame, "arrival")
    abandoned = frame["abandoned"].astype(bool)
    for column in ("talk", "hold", "acw"):
        values = frame[column]
        _reject(path, abandoned & (values > 0), column,
                lambda r, v=values: f"must be 0 for an abandoned contact (got {v.iloc[r]})")
    _reject(path, ~abandoned & (frame["talk"] == 0), "talk",
            lambda r: "must be above 0 for an answered contact (got 0)")
    _reject(path, abandoned & frame["fcr"].astype(bool), "fcr",
            lambda r: "must be 0 for an abandoned contact (got 1)")
    answers = frame[list(_SCORE)].notna()
    for column in _SCORE:
        _reject(path, abandoned & answers[column], column,
                lambda r, c=column: f"must be empty for an abandoned contact (got {frame[c].iloc[r]})")
    partial = answers.any(axis=1) & ~answers.all(axis=1)
    _reject(path, partial, "csat",
            lambda r: ("csat, nps and ces must be all filled in or all empty (got "
                       + ", ".join(f"{c}={frame[c].iloc[r]}" for c in _SCORE) + ")"))
    flag = frame["avoidable"].astype(bool)
    first_flag = flag.groupby(frame["reason"]).transform("first")
    _reject(path, flag != first_flag, "avoidable",
            lambda r: (f"reason {frame['reason'].iloc[r]!r} is marked {int(flag.iloc[r])} here "
                       f"but {int(first_flag.iloc[r])} on an earlier line"))
    return frame


# ---------------------------------------------------------------------------
# agent_hours.csv
# ---------------------------------------------------------------------------
def load_agent_hours(path=None) -> pd.DataFrame:
    """Read ``data/agent_hours.csv`` (or ``path``) and check it.

    Returns a DataFrame with a RangeIndex and the columns ``date`` (datetime64, midnight),
    ``agent_id``, ``team`` (str), ``contract_hours`` (int64, per week) and the hours (float):
    ``paid_hours``, ``scheduled_hours``, ``logged_in_hours``, ``productive_hours``,
    ``verlof_hours``, ``verzuim_hours``, ``training_hours``, ``overleg_hours``, ``pauze_hours``.

    Rules besides the schema (to 0.015 h for the rounding): ``paid = scheduled + verlof +
    verzuim + training + overleg + pauze``; ``logged_in <= scheduled``; ``productive <=
    logged_in``; one row per agent per date; one contract and one team per agent.
    """
    path = data_path(AGENT_HOURS_FILE) if path is None else path
    frame = read_table(path, AGENT_HOURS_SCHEMA)
    _duplicates(path, frame, ["agent_id", "date"], "agent_id")
    parts = frame[list(_HOUR_PARTS)].sum(axis=1)
    paid = frame["paid_hours"]
    _reject(path, (parts - paid).abs() > _HOURS_TOLERANCE, "paid_hours",
            lambda r: (f"must equal scheduled + verlof + verzuim + training + overleg + pauze "
                       f"hours (got {paid.iloc[r]:.2f}, the parts add up to {parts.iloc[r]:.2f})"))
    for part, whole in (("logged_in_hours", "scheduled_hours"),
                        ("productive_hours", "logged_in_hours")):
        _reject(path, frame[part] > frame[whole] + _HOURS_TOLERANCE, part,
                lambda r, p=part, w=whole: (f"cannot exceed {w} (got {frame[p].iloc[r]:.2f} > "
                                            f"{frame[w].iloc[r]:.2f})"))
    for column in ("contract_hours", "team"):
        first = frame.groupby("agent_id")[column].transform("first")
        _reject(path, frame[column] != first, column,
                lambda r, c=column, f=first: (f"agent {frame['agent_id'].iloc[r]} has "
                                              f"{frame[c].iloc[r]!r} here but {f.iloc[r]!r} on an "
                                              f"earlier line"))
    return frame


# ---------------------------------------------------------------------------
# stakeholders.csv
# ---------------------------------------------------------------------------
STAKEHOLDERS_SCHEMA = {
    "stakeholder": Column("str"),
    "role": Column("str"),
    "needs_from_wfm": Column("str"),
    "wfm_needs": Column("str"),
    "trigger": Column("str"),
    "effect_type": Column("str", choices=EFFECT_TYPES),
    "effect_size": Column("float", low=-1.0, high=1.0),   # -1 itself is excluded by the sign rules
    "effect_example": Column("str"),
    "rhythm": Column("str"),
    "influence": Column("int", low=1, high=5),
    "interest": Column("int", low=1, high=5),
}

#: Parties that the shipped ``stakeholders.csv`` must contain (the course refers to them by these names).
CORE_STAKEHOLDERS = (
    "Directie", "Marketing", "HR", "Recruitment", "Management", "IT", "BI",
    "Ondernemingsraad", "Outsource-partij", "Finance", "Postkamer",
)


def load_stakeholders(path=None) -> pd.DataFrame:
    """Read ``data/stakeholders.csv`` (or ``path``) and check it; a DataFrame with a RangeIndex.

    Besides the column types and bounds of :data:`STAKEHOLDERS_SCHEMA` it checks that
    ``effect_size`` (a fraction) is in (-1, 1] and has the sign its ``effect_type`` requires
    (:func:`wfmcourse.domain.stakeholders.effect_size_problem`), and that stakeholder names are
    unique (ignoring case). Any problem raises :class:`~wfmcourse.data.files.DataFileError`
    naming file, line and column.
    """
    path = data_path(STAKEHOLDERS_FILE) if path is None else path
    frame = read_table(path, STAKEHOLDERS_SCHEMA)
    for row, (etype, size) in enumerate(zip(frame["effect_type"], frame["effect_size"])):
        problem = effect_size_problem(etype, float(size))
        if problem:
            raise DataFileError(path, row + 2, "effect_size", f"{problem} (got {size!r})")
    names = frame["stakeholder"].str.casefold()
    duplicated = names.duplicated()
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0])
        first = int(np.flatnonzero((names == names.iloc[row]).to_numpy())[0])
        raise DataFileError(path, row + 2, "stakeholder",
                            f"duplicate name {frame['stakeholder'].iloc[row]!r} "
                            f"(first on line {first + 2})")
    return frame.reset_index(drop=True)


# ---------------------------------------------------------------------------
# how the synthetic centre planned
# ---------------------------------------------------------------------------
def client_plan() -> dict:
    """How KlantDirect planned its phone staffing (``agents_needed`` in ``intervals.csv``).

    Erlang A on the forecast with the centre's own assumptions, taken from
    :class:`wfmcourse.data.synth.CentreParameters`: ``aht`` and ``patience`` in seconds, ``awt`` in
    seconds and ``target`` the planning target (a fraction, a margin above the norm of 0.8). Pass the
    values to :func:`wfmcourse.domain.erlang.agents_needed` to reproduce the plan.
    """
    p = CentreParameters()
    return {"aht": p.phone_aht, "awt": p.awt, "target": p.planning_target, "patience": p.patience}
