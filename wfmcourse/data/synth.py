"""Synthetic but realistic course data for a fictional Dutch contact centre, "KlantDirect BV".

Five data sets, all reproducible from a seed:

* :func:`interval_data` - a year (2025) of 15-minute intervals for the phone queue: forecast,
  calls offered/answered/abandoned/answered in time, AHT, required and staffed agents, and the
  chats offered;
* :func:`contact_data` - one month (March 2025) of contact-level records (phone and chat) from
  a first-come-first-served queue simulation, with contact reasons, failure demand, repeat
  contacts, first-contact resolution and survey answers;
* :func:`agent_hours` - the agent hours of the same month, one row per agent per working day,
  with leave, sickness, training, meetings, breaks, logged-in and productive hours;
* :func:`daily_history` - four years (2022-2025) of daily calls offered and AHT, the history a year forecast
  learns from (trend, yearly and weekly season, Dutch public holidays and catch-up days, invoice runs and
  campaigns; parameters in :class:`HistoryParameters`). A separate draw: its 2025 is not the sum of
  ``intervals.csv``;
* :func:`agent_state_week` - a week (ISO week 10 of 2025) of per-agent schedules and agent states per
  quarter, the input of adherence and conformance (:func:`wfmcourse.domain.intraday.adherence`).

:func:`generate_all` writes them to ``intervals.csv``, ``contacts.csv``, ``agent_hours.csv``,
``daily_history.csv`` and ``agent_states.csv``, plus ``prognose_week47.csv`` (:func:`forecast_example`: the
forecast of the open intervals of week 47, a file to try in the dashboard);
``python -m wfmcourse.data.synth [--out data] [--seed 2025]`` does the same.

How the year is built (all vectorised over the intervals):

1. **Expected volume** per day = ``weekly_calls`` x weekday share x month factor x invoice-run
   factor x campaign factor x holiday factor (x catch-up factor after a closed weekday); spread
   over the open intervals with an intraday profile (a morning peak around 10:00 and a smaller
   one after lunch).
2. **Forecast**: the same, except for the campaign weeks that marketing did not announce to WFM
   (``unannounced_campaign_weeks``): there the forecast lacks the campaign uplift.
3. **Staffing**: :func:`wfmcourse.domain.erlang.agents_needed` (Erlang A) on the forecast gives the
   required agents; the staffed agents deviate from it by a random -1..+2 per interval, by
   random blocks of under-staffing (unexpected absence) and, in the "watermelon" week
   (``watermelon_week``), by a training planned on the morning peaks that is made up for with
   extra agents in the afternoon: the week is green, its morning peaks are red.
4. **Realisation**: calls offered are Poisson with the expected volume times a day-level Gamma
   noise (mean 1); abandoned and answered-in-time calls are binomial draws with the
   probabilities of Erlang A (:func:`wfmcourse.domain.erlang.abandonment`,
   :func:`wfmcourse.domain.erlang.service_level`) for the staffed agents at the realised traffic;
   the AHT of an interval is the mean of lognormal handle times of its answered calls.

Every part has its own random stream (``default_rng([seed, part])``), so the contacts of March
see the same day-level noise and staffing as the intervals of March, and changing one part
does not change the others. Times are seconds, hours are hours, shares are fractions 0-1.
"""
from __future__ import annotations

import argparse
import heapq
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from wfmcourse.data.files import DATA_DIR
from wfmcourse.domain import erlang, events
from wfmcourse.domain.shrinkage import in_day_shrinkage
from wfmcourse.domain.simulation import fcfs_queue
from wfmcourse.validation import as_array

__all__ = [
    "CentreParameters",
    "HistoryParameters",
    "HOLIDAYS_2025",
    "CONTACT_REASONS",
    "CHANNELS",
    "TEAMS",
    "CONTRACTS",
    "FILE_NAMES",
    "interval_data",
    "contact_data",
    "agent_hours",
    "forecast_example",
    "daily_history",
    "generate_all",
    "main",
    "agent_states",
    "agent_state_week",
    "STATE_WEEK",
]

FILE_NAMES = ("intervals.csv", "contacts.csv", "agent_hours.csv", "prognose_week47.csv", "daily_history.csv",
              "agent_states.csv")
EXAMPLE_WEEK = ("2025-11-17", "2025-11-23")     # ISO week 47, the forecast week of notebook 08

#: Dutch public holidays 2025 (date -> name), hard-coded.
HOLIDAYS_2025 = {
    "2025-01-01": "Nieuwjaarsdag",
    "2025-04-18": "Goede Vrijdag",
    "2025-04-20": "Eerste Paasdag",
    "2025-04-21": "Tweede Paasdag",
    "2025-04-26": "Koningsdag",
    "2025-05-05": "Bevrijdingsdag",
    "2025-05-29": "Hemelvaartsdag",
    "2025-06-08": "Eerste Pinksterdag",
    "2025-06-09": "Tweede Pinksterdag",
    "2025-12-25": "Eerste Kerstdag",
    "2025-12-26": "Tweede Kerstdag",
}

#: Contact reasons: (Dutch label, share of contacts, avoidable (failure demand),
#: talk-time factor, probability that the contact resolves the question).
CONTACT_REASONS = (
    ("factuur", 0.17, False, 1.00, 0.85),
    ("factuur onduidelijk", 0.09, True, 1.10, 0.75),
    ("betaling", 0.10, False, 0.90, 0.90),
    ("adreswijziging", 0.07, False, 0.70, 0.95),
    ("storing", 0.12, False, 1.30, 0.70),
    ("opzegging", 0.05, False, 1.20, 0.90),
    ("klacht", 0.06, True, 1.50, 0.60),
    ("status bestelling", 0.09, True, 0.70, 0.85),
    ("waar blijft mijn monteur", 0.05, True, 0.80, 0.80),
    ("informatie", 0.12, False, 0.90, 0.90),
    ("nieuw contract", 0.08, False, 1.40, 0.90),
)

CHANNELS = ("telefoon", "chat")
TEAMS = ("Team Amstel", "Team Maas", "Team Rijn")   # Rijn handles the chats
CONTRACTS = (24, 32, 36, 38)
_DAYS_PER_WEEK = {24: 3, 32: 4, 36: 4, 38: 5}

# random streams, one per part: default_rng([seed, stream])
_DAY_NOISE, _STAFFING, _OUTCOMES, _CONTACTS, _HOURS, _HISTORY = range(6)


@dataclass(frozen=True)
class CentreParameters:
    """Everything that shapes the synthetic data, with defaults for "KlantDirect BV".

    Volumes and calendar

    * ``name``: name of the fictional centre.
    * ``year``: the calendar year of :func:`interval_data` (the holidays are those of 2025).
    * ``weekly_calls``: expected phone calls in an ordinary week (month factor 1, no events).
    * ``weekday_factors``: relative volume Monday..Sunday; Sunday is closed, so 0. The share of
      a weekday in the week is its factor over the sum.
    * ``month_factors``: seasonality January..December (January: annual bills; summer quieter).
    * ``opening_hours``: (open, close) in hours per weekday Monday..Sunday; ``None`` = closed.
    * ``morning_peak``, ``afternoon_peak``: (hour, width in hours, weight) of the two Gaussian
      bumps of the intraday profile; ``profile_base`` is the flat part under them.
    * ``chat_share``: chats offered as a share of the calls offered (same day pattern).
    * ``chat_profile_base``: flat part of the chat intraday profile (chats are spread more evenly).
    * ``day_noise_cv``: coefficient of variation of the day-level Gamma noise (mean 1) on the
      volume: days differ more than Poisson alone.

    Events

    * ``closed_holidays``: holidays on which the centre is closed (names from
      :data:`HOLIDAYS_2025`); ``quiet_holidays`` are open with ``quiet_holiday_factor`` volume.
    * ``catch_up_factor``: volume factor on the first open weekday after a closed weekday.
    * ``invoice_spike``: volume factors on working days ``invoice_first_workday``,
      ``invoice_first_workday + 1``, ... of each month (the invoices go out on the first
      working day and customers call a few days later: the "factuurrun").
    * ``campaign_weeks``: ISO weeks with a marketing campaign, volume x ``campaign_factor``.
    * ``unannounced_campaign_weeks``: campaign weeks that WFM did not hear about: the forecast
      misses the uplift, so the centre is under-staffed all week.

    Phone queue and handle times

    * ``awt``, ``target``: service-level norm (80 % within 20 s); ``answered_in_time`` counts
      calls answered within ``awt``.
    * ``planning_target``: the service level the planners aim at with Erlang A (a margin above
      ``target`` for the day-to-day variation of the volume).
    * ``patience``: mean (exponential) patience of a caller in seconds (Erlang A).
    * ``talk_mean``, ``talk_cv``: talk time (lognormal) mean in seconds and coefficient of variation.
    * ``hold_probability``, ``hold_mean``: share of calls with hold time, and its mean
      (exponential) in seconds.
    * ``acw_mean``, ``acw_cv``: after-call work (lognormal).
    * ``handle_cv``: coefficient of variation of the lognormal handle time in :func:`interval_data`
      whose mean is :attr:`phone_aht`.

    Chat queue (:func:`contact_data` only; one chat at a time per agent, a simplification)

    * ``chat_awt``, ``chat_target``, ``chat_patience``, ``chat_talk_mean``, ``chat_talk_cv``,
      ``chat_acw_mean``: as for the phone.

    Staffing deviations

    * ``deviation_values``, ``deviation_probabilities``: agents added to the requirement per
      open interval (rounding of shifts, a missing agent).
    * ``shortfall_day_probability``: chance per open day of a block of unexpected absence;
      the block lasts ``shortfall_intervals`` (min, max) intervals and removes a share
      ``shortfall_share`` (min, max) of the agents.
    * ``watermelon_week``: ISO week in which a training is planned on the morning peak
      (``watermelon_hours``, Monday-Friday) taking ``watermelon_share`` of the agents away;
      ``watermelon_extra`` agents are added from ``watermelon_extra_from`` o'clock to closing.

    Contacts (:func:`contact_data`)

    * ``contact_month``: the month of the contact records (``"2025-03"``).
    * ``contact_volume_scale``: volume of the contact records relative to the interval data
      (1 = the whole centre).
    * ``customers``: size of the customer base from which customer numbers are drawn.
    * ``callback_unresolved``, ``callback_abandoned``: chance that a customer whose question was
      not resolved, or who hung up, contacts again; ``callback_delay_unresolved`` and
      ``callback_delay_abandoned`` are the mean delays (exponential) in seconds; a callback later
      than ``repeat_window`` seconds is dropped.
    * ``survey_rate``: share of answered contacts with a survey answer (CSAT 1-5, NPS 0-10,
      CES 1-5).

    Agent hours (:func:`agent_hours`), shares of paid hours

    * ``verlof``, ``verzuim``, ``training``, ``overleg``, ``pauze``: leave, sickness, training,
      meetings/coaching and paid breaks; ``adherence``: logged-in hours over scheduled hours.
    * ``sick_persistence``: chance that a sick agent is still sick on the next working day:
      sickness comes in spells of on average ``1 / (1 - sick_persistence)`` working days,
      drawn until the month holds ``verzuim`` x its agent days of sickness.
    * ``training_block``, ``overleg_block``: hours of one training session / one meeting.
    * ``contract_shares``: shares of the 24/32/36/38-hour contracts.
    """

    name: str = "KlantDirect BV"
    year: int = 2025
    weekly_calls: float = 9000.0
    weekday_factors: tuple = (1.30, 1.08, 1.00, 0.97, 0.90, 0.45, 0.0)
    month_factors: tuple = (1.10, 1.00, 1.02, 0.98, 0.95, 0.95, 0.88, 0.90, 1.02, 1.00, 1.00, 0.92)
    opening_hours: tuple = ((8, 20), (8, 20), (8, 20), (8, 20), (8, 20), (9, 17), None)
    morning_peak: tuple = (10.25, 1.1, 1.0)
    afternoon_peak: tuple = (14.5, 1.4, 0.65)
    profile_base: float = 0.35
    chat_share: float = 0.30
    chat_profile_base: float = 0.7
    day_noise_cv: float = 0.08

    closed_holidays: tuple = ("Nieuwjaarsdag", "Eerste Paasdag", "Tweede Paasdag", "Koningsdag",
                              "Hemelvaartsdag", "Eerste Pinksterdag", "Tweede Pinksterdag",
                              "Eerste Kerstdag", "Tweede Kerstdag")
    quiet_holidays: tuple = ("Goede Vrijdag", "Bevrijdingsdag")
    quiet_holiday_factor: float = 0.35
    catch_up_factor: float = 1.15
    invoice_spike: tuple = (1.25, 1.18, 1.08)
    invoice_first_workday: int = 3
    campaign_weeks: tuple = (10, 37, 38)
    campaign_factor: float = 1.25
    unannounced_campaign_weeks: tuple = (38,)

    awt: float = 20.0
    target: float = 0.80
    planning_target: float = 0.85
    patience: float = 180.0
    talk_mean: float = 245.0
    talk_cv: float = 0.65
    hold_probability: float = 0.25
    hold_mean: float = 60.0
    acw_mean: float = 40.0
    acw_cv: float = 0.5
    handle_cv: float = 0.55

    chat_awt: float = 60.0
    chat_target: float = 0.80
    chat_patience: float = 300.0
    chat_talk_mean: float = 420.0
    chat_talk_cv: float = 0.6
    chat_acw_mean: float = 30.0

    deviation_values: tuple = (-1, 0, 1, 2)
    deviation_probabilities: tuple = (0.12, 0.53, 0.25, 0.10)
    shortfall_day_probability: float = 0.10
    shortfall_intervals: tuple = (4, 8)
    shortfall_share: tuple = (0.25, 0.40)
    watermelon_week: int = 12
    watermelon_hours: tuple = (9.5, 11.0)
    watermelon_share: float = 0.20
    watermelon_extra: int = 3
    watermelon_extra_from: float = 12.0

    contact_month: str = "2025-03"
    contact_volume_scale: float = 1.0
    customers: int = 400_000
    callback_unresolved: float = 0.75
    callback_abandoned: float = 0.60
    callback_delay_unresolved: float = 1.5 * 86400
    callback_delay_abandoned: float = 1800.0
    repeat_window: float = 7 * 86400
    survey_rate: float = 0.15

    verlof: float = 0.10
    verzuim: float = 0.055
    training: float = 0.04
    overleg: float = 0.04
    pauze: float = 0.05
    adherence: float = 0.95
    sick_persistence: float = 0.60
    training_block: float = 4.0
    overleg_block: float = 1.0
    contract_shares: tuple = (0.20, 0.35, 0.30, 0.15)

    interval: int = field(default=900, init=False)

    def __post_init__(self) -> None:
        for name in ("weekly_calls", "patience", "talk_mean", "acw_mean", "hold_mean",
                     "chat_patience", "chat_talk_mean", "customers"):
            as_array(name, getattr(self, name), low=0.0, low_inclusive=False)
        for name in ("chat_share", "day_noise_cv", "talk_cv", "acw_cv", "handle_cv", "chat_talk_cv",
                     "hold_probability", "shortfall_day_probability", "watermelon_share",
                     "callback_unresolved", "callback_abandoned", "survey_rate", "verlof",
                     "verzuim", "training", "overleg", "pauze"):
            as_array(name, getattr(self, name), high=1.0)
        as_array("sick_persistence", self.sick_persistence, high=1.0, high_inclusive=False)
        for name in ("target", "planning_target", "chat_target", "adherence"):
            as_array(name, getattr(self, name), low=0.0, low_inclusive=False, high=1.0)
        as_array("weekday_factors", self.weekday_factors)
        as_array("month_factors", self.month_factors)
        if len(self.weekday_factors) != 7 or len(self.opening_hours) != 7:
            raise ValueError("weekday_factors and opening_hours need 7 entries (Monday..Sunday)")
        if len(self.month_factors) != 12:
            raise ValueError(f"month_factors needs 12 entries, got {len(self.month_factors)}")
        for day, (factor, hours) in enumerate(zip(self.weekday_factors, self.opening_hours)):
            if (hours is None) != (factor == 0):
                raise ValueError(f"weekday {day}: a closed day needs factor 0 and an open day a "
                                 f"factor above 0, got factor {factor!r} and hours {hours!r}")
        probabilities = as_array("deviation_probabilities", self.deviation_probabilities)
        if len(probabilities) != len(self.deviation_values) or abs(probabilities.sum() - 1) > 1e-9:
            raise ValueError("deviation_probabilities must match deviation_values and add up to 1, "
                             f"got {self.deviation_probabilities!r}")
        contracts = as_array("contract_shares", self.contract_shares)
        if len(contracts) != len(CONTRACTS) or abs(contracts.sum() - 1) > 1e-9:
            raise ValueError(f"contract_shares needs {len(CONTRACTS)} shares adding up to 1, "
                             f"got {self.contract_shares!r}")
        unknown = set(self.closed_holidays + self.quiet_holidays) - set(HOLIDAYS_2025.values())
        if unknown:
            raise ValueError(f"unknown holiday name(s): {sorted(unknown)}")
        if self.year != 2025:
            raise ValueError(f"only 2025 is supported (its holidays are hard-coded), got {self.year!r}")
        if not set(self.unannounced_campaign_weeks) <= set(self.campaign_weeks):
            raise ValueError("unannounced_campaign_weeks must be among campaign_weeks")
        if self.planned_shrinkage >= 1:
            raise ValueError("verlof + verzuim + training + overleg + pauze must stay below 1")

    @property
    def phone_aht(self) -> float:
        """Expected phone handle time in seconds: talk + hold + after-call work."""
        return self.talk_mean + self.hold_probability * self.hold_mean + self.acw_mean

    @property
    def chat_aht(self) -> float:
        """Expected chat handle time in seconds."""
        return self.chat_talk_mean + self.chat_acw_mean

    @property
    def weekday_shares(self) -> np.ndarray:
        """Share of each weekday (Monday..Sunday) in the volume of an ordinary week."""
        factors = np.asarray(self.weekday_factors, float)
        return factors / factors.sum()

    @property
    def planned_shrinkage(self) -> float:
        """Leave + sickness + training + meetings + breaks, as a share of paid hours."""
        return self.verlof + self.verzuim + self.training + self.overleg + self.pauze

    @property
    def pause_of_worked(self) -> float:
        """Breaks as a share of the hours of worked days: ``pauze / (1 - verlof - verzuim)``. The
        shrinkage of an extra hour of overtime or temp work: only the break, no meeting or training."""
        return in_day_shrinkage({"leave": self.verlof, "sickness": self.verzuim, "breaks": self.pauze})

    @property
    def expected_shrinkage(self) -> float:
        """Total shrinkage ``1 - logged_in / paid``: the planned part plus the adherence loss."""
        return self.planned_shrinkage + (1 - self.planned_shrinkage) * (1 - self.adherence)

    @property
    def avoidable_share(self) -> float:
        """Expected share of contacts with an avoidable reason (failure demand)."""
        return float(sum(share for _, share, avoidable, _, _ in CONTACT_REASONS if avoidable))


def _rng(seed: int, stream: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), stream])


def _lognormal(rng: np.random.Generator, mean, cv, size) -> np.ndarray:
    """Lognormal draws with the given mean and coefficient of variation."""
    sigma2 = np.log1p(np.square(cv))
    return rng.lognormal(np.log(mean) - sigma2 / 2, np.sqrt(sigma2), size)


# ---------------------------------------------------------------------------
# calendar, forecast and staffing plan (shared by the three data sets)
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Plan:
    start: pd.DatetimeIndex          # interval starts of the year
    is_open: np.ndarray              # bool per interval
    holiday: np.ndarray              # holiday name or "" per interval
    expected: np.ndarray             # true expected calls (without day noise)
    forecast: np.ndarray             # the forecast WFM planned with
    chat_expected: np.ndarray
    day_noise: np.ndarray            # per interval (the day's Gamma factor)
    agents_needed: np.ndarray        # Erlang A on the forecast
    staffed: np.ndarray              # agents actually on the phones


def _day_factors(params: CentreParameters, days: pd.DatetimeIndex
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Expected volume factor per day and the holiday name per day (vectorised over days)."""
    weekday = days.day_of_week.to_numpy()
    names = np.array([HOLIDAYS_2025.get(d, "") for d in days.strftime("%Y-%m-%d")], dtype=object)
    closed = (np.asarray(params.weekday_factors)[weekday] == 0) | np.isin(names, params.closed_holidays)
    factor = params.weekly_calls * params.weekday_shares[weekday]
    factor = factor * np.asarray(params.month_factors)[days.month.to_numpy() - 1]
    factor = np.where(np.isin(names, params.quiet_holidays), factor * params.quiet_holiday_factor, factor)
    # catch-up on the first open weekday after a closed weekday (Mon-Fri)
    closed_weekday = closed & (weekday < 5)
    after = np.zeros(days.size, bool)
    for i in np.flatnonzero(closed_weekday):
        j = i + 1
        while j < days.size and closed[j]:
            j += 1
        if j < days.size and weekday[j] < 5:
            after[j] = True
    factor = np.where(after & ~closed_weekday, factor * params.catch_up_factor, factor)
    # invoice run: working days k, k+1, ... of each month (holidays are no working days)
    workday = ~closed & (weekday < 5) & (names == "")
    month = days.month.to_numpy()
    rank = np.zeros(days.size, int)
    for m in np.unique(month):
        in_month = (month == m) & workday
        rank[in_month] = np.arange(1, in_month.sum() + 1)
    spike = np.ones(days.size)
    for offset, value in enumerate(params.invoice_spike):
        spike[rank == params.invoice_first_workday + offset] = value
    factor = factor * spike
    week = days.isocalendar().week.to_numpy()
    campaign = np.isin(week, params.campaign_weeks)
    unannounced = np.isin(week, params.unannounced_campaign_weeks)
    expected = np.where(campaign, factor * params.campaign_factor, factor)
    forecast = np.where(campaign & ~unannounced, factor * params.campaign_factor, factor)
    expected = np.where(closed, 0.0, expected)
    forecast = np.where(closed, 0.0, forecast)
    return expected, forecast, closed, names


def _profile(params: CentreParameters, slot_hours, weekday, base) -> tuple[np.ndarray, np.ndarray]:
    """Intraday weights per interval, normalised to 1 over the open intervals of each weekday.

    ``slot_hours`` is the midpoint of each interval in hours; returns (weights, open) where
    ``open`` marks the intervals inside the opening hours of their weekday.
    """
    hours = (np.arange(96) + 0.5) / 4
    table = np.full(hours.shape, base)
    for centre, width, weight in (params.morning_peak, params.afternoon_peak):
        table = table + weight * np.exp(-0.5 * ((hours - centre) / width) ** 2)
    weights = np.zeros((7, 96))
    for day, span in enumerate(params.opening_hours):
        if span is not None:
            inside = (hours >= span[0]) & (hours < span[1])
            weights[day] = np.where(inside, table, 0.0) / table[inside].sum()
    slot = np.rint(slot_hours * 4 - 0.5).astype(np.int64)
    chosen = weights[weekday, slot]
    return chosen, chosen > 0


@lru_cache(maxsize=4)
def _plan(params: CentreParameters, seed) -> _Plan:
    """Calendar, expected volume, forecast, day noise and staffing of the year (cached)."""
    year = params.year
    start = pd.date_range(f"{year}-01-01", f"{year + 1}-01-01", freq="15min", inclusive="left")
    days = pd.date_range(f"{year}-01-01", f"{year}-12-31", freq="D")
    expected_day, forecast_day, closed_day, names = _day_factors(params, days)
    day_index = (np.arange(start.size) // 96)
    hours = (start.hour.to_numpy() + start.minute.to_numpy() / 60.0) + 7.5 / 60.0
    weekday = start.day_of_week.to_numpy()
    profile, open_hours = _profile(params, hours, weekday, params.profile_base)
    chat_profile, _ = _profile(params, hours, weekday, params.chat_profile_base)
    is_open = open_hours & ~closed_day[day_index]
    expected = np.where(is_open, expected_day[day_index] * profile, 0.0)
    # rounded as written to intervals.csv, so the file shows exactly what was planned with
    forecast = np.round(np.where(is_open, forecast_day[day_index] * profile, 0.0), 2)
    chat_expected = np.where(is_open, params.chat_share * expected_day[day_index] * chat_profile, 0.0)

    shape = 1.0 / params.day_noise_cv ** 2
    noise_day = _rng(seed, _DAY_NOISE).gamma(shape, 1.0 / shape, days.size)
    day_noise = noise_day[day_index]

    aht = params.phone_aht
    agents_needed = erlang.agents_needed(erlang.traffic(forecast, aht), aht, params.awt,
                                         params.planning_target, patience=params.patience)
    agents_needed = np.where(is_open, np.maximum(agents_needed, 1), 0)
    staffed = _deviate(params, agents_needed, is_open, start, _rng(seed, _STAFFING))
    return _Plan(start, is_open, names[day_index], expected, forecast, chat_expected, day_noise,
                 agents_needed.astype(np.int64), staffed.astype(np.int64))


def _deviate(params: CentreParameters, agents_needed, is_open, start, rng) -> np.ndarray:
    """Staffed agents: the agents needed plus planning deviations, absence blocks and the watermelon week."""
    n = agents_needed.size
    step = rng.choice(np.asarray(params.deviation_values), size=n, p=params.deviation_probabilities)
    staffed = agents_needed + step
    # blocks of unexpected absence: one per affected day, inside the open hours
    day = np.arange(n) // 96
    open_days = np.unique(day[is_open])
    hit = open_days[rng.random(open_days.size) < params.shortfall_day_probability]
    lo, hi = params.shortfall_intervals
    length = rng.integers(lo, hi + 1, hit.size)
    share = rng.uniform(*params.shortfall_share, hit.size)
    where = rng.random(hit.size)
    factor = np.ones(n)
    for d, k, s, u in zip(hit, length, share, where):
        slots = np.flatnonzero(is_open[d * 96:(d + 1) * 96]) + d * 96
        first = int(u * max(slots.size - k, 1))
        factor[slots[first:first + k]] = 1 - s
    staffed = np.floor(staffed * factor + 0.5)
    # the watermelon week: training on the morning peak, extra agents in the afternoon
    week = start.isocalendar().week.to_numpy()
    hours = start.hour.to_numpy() + start.minute.to_numpy() / 60
    in_week = (week == params.watermelon_week) & (start.day_of_week.to_numpy() < 5)
    morning = in_week & (hours >= params.watermelon_hours[0]) & (hours < params.watermelon_hours[1])
    afternoon = in_week & (hours >= params.watermelon_extra_from)
    staffed = np.where(morning, np.floor(agents_needed * (1 - params.watermelon_share) + 0.5), staffed)
    staffed = np.where(afternoon, agents_needed + params.watermelon_extra, staffed)
    return np.where(is_open, np.maximum(staffed, 1), 0)


# ---------------------------------------------------------------------------
# interval data
# ---------------------------------------------------------------------------
def interval_data(params: CentreParameters | None = None, seed=2025) -> pd.DataFrame:
    """A year of 15-minute intervals of the phone queue (all 35,040 intervals of 2025).

    Closed intervals (nights, Sundays, closed holidays) are kept, with zero calls and agents.
    Columns: ``interval_start`` (datetime64), ``is_open`` (bool), ``holiday`` (str, Dutch name or
    ""), ``forecast_calls`` (float), ``calls_offered``, ``calls_answered``, ``calls_abandoned``,
    ``answered_in_time`` (int; answered within ``params.awt`` seconds), ``aht`` (float seconds,
    NaN when nothing was answered), ``agents_needed``, ``agents_staffed``, ``chats_offered``
    (int).
    """
    params = CentreParameters() if params is None else params
    plan = _plan(params, seed)
    rng = _rng(seed, _OUTCOMES)
    offered = rng.poisson(plan.expected * plan.day_noise)
    chats = rng.poisson(plan.chat_expected * plan.day_noise)
    aht = params.phone_aht
    load = erlang.traffic(offered, aht)
    p_abandon = erlang.abandonment(plan.staffed, load, aht, params.patience)
    sl = erlang.service_level(plan.staffed, load, aht, params.awt, patience=params.patience)
    abandoned = rng.binomial(offered, p_abandon)
    answered = offered - abandoned
    # P(answered in time | answered) = SL / (1 - P(abandon)); guard the rounding at the edge
    in_time_given_answered = np.clip(np.divide(sl, 1 - p_abandon, out=np.ones_like(sl),
                                               where=p_abandon < 1), 0.0, 1.0)
    in_time = rng.binomial(answered, in_time_given_answered)
    handle = _lognormal(rng, aht, params.handle_cv, int(answered.sum()))
    owner = np.repeat(np.arange(offered.size), answered)
    total = np.bincount(owner, weights=handle, minlength=offered.size)
    mean_handle = np.full(offered.size, np.nan)
    np.divide(total, answered, out=mean_handle, where=answered > 0)
    return pd.DataFrame({
        "interval_start": plan.start,
        "is_open": plan.is_open,
        "holiday": plan.holiday.astype(str),
        "forecast_calls": plan.forecast,
        "calls_offered": offered,
        "calls_answered": answered,
        "calls_abandoned": abandoned,
        "answered_in_time": in_time,
        "aht": mean_handle,
        "agents_needed": plan.agents_needed,
        "agents_staffed": plan.staffed,
        "chats_offered": chats,
    })


# ---------------------------------------------------------------------------
# contact data
# ---------------------------------------------------------------------------
def _month_slice(plan: _Plan, month: str) -> np.ndarray:
    period = pd.Period(month, "M")
    mask = (plan.start >= period.start_time) & (plan.start <= period.end_time)
    return np.flatnonzero(mask)


def _channel_contacts(params: CentreParameters, plan: _Plan, idx, rng, channel: str) -> pd.DataFrame:
    """Arrivals, reasons, handle times and the queue simulation of one channel in one month."""
    scale = params.contact_volume_scale
    if channel == "telefoon":
        rate = plan.expected[idx] * plan.day_noise[idx] * scale
        forecast = plan.forecast[idx] * scale
        aht, awt, target, patience = (params.phone_aht, params.awt, params.planning_target,
                                      params.patience)
    else:
        rate = plan.chat_expected[idx] * plan.day_noise[idx] * scale
        forecast = plan.chat_expected[idx] * scale
        aht, awt, target, patience = (params.chat_aht, params.chat_awt, params.chat_target,
                                      params.chat_patience)
    if channel == "telefoon" and scale == 1.0:
        agents = plan.staffed[idx]
    else:
        agents = erlang.agents_needed(erlang.traffic(forecast, aht), aht, awt, target,
                                      patience=patience)
        agents = np.where(plan.is_open[idx], np.maximum(agents, 1), 0)
    counts = rng.poisson(rate)
    slot = np.repeat(np.arange(idx.size), counts)
    arrival = np.sort(slot * params.interval + rng.random(slot.size) * params.interval)
    arrival = np.floor(arrival)                      # whole seconds, as an ACD reports them
    size = arrival.size
    labels, shares, avoidable, factors, resolve = zip(*CONTACT_REASONS)
    shares = np.asarray(shares) / np.sum(shares)
    factors = np.asarray(factors) / np.dot(shares, factors)   # keep the mean talk time
    reason = rng.choice(len(labels), size=size, p=shares)
    if channel == "telefoon":
        talk = _lognormal(rng, params.talk_mean * factors[reason], params.talk_cv, size)
        hold = np.where(rng.random(size) < params.hold_probability,
                        rng.exponential(params.hold_mean, size), 0.0)
        acw = _lognormal(rng, params.acw_mean, params.acw_cv, size)
    else:
        talk = _lognormal(rng, params.chat_talk_mean * factors[reason], params.chat_talk_cv, size)
        hold = np.zeros(size)
        acw = _lognormal(rng, params.chat_acw_mean, params.acw_cv, size)
    talk, hold, acw = (np.maximum(np.rint(x), 0.0) for x in (talk, hold, acw))
    talk = np.maximum(talk, 1.0)
    give_up = rng.exponential(patience, size)
    wait, answered = fcfs_queue(arrival, talk + hold + acw, give_up, agents, params.interval, rng)
    return pd.DataFrame({
        "t": arrival,
        "channel": channel,
        "wait": np.rint(wait),
        "abandoned": ~answered,
        "talk": np.where(answered, talk, 0.0),
        "hold": np.where(answered, hold, 0.0),
        "acw": np.where(answered, acw, 0.0),
        "reason_code": reason,
    })


def contact_data(params: CentreParameters | None = None, seed=2025) -> pd.DataFrame:
    """Contact-level records of one month (``params.contact_month``), phone and chat.

    Arrivals are Poisson per 15-minute interval (the expected volume of :func:`interval_data`
    times the same day noise), spread uniformly within the interval; each channel is a
    first-come-first-served queue with exponential patience (mean ``params.patience`` /
    ``params.chat_patience``). The phone uses the staffed agents of :func:`interval_data`; the
    chat its own Erlang A requirement. Customers whose question was not resolved or who hung up
    may come back (``callback_*``) with the same reason; ``repeat`` and ``fcr`` are then
    computed from the records by their definitions (same customer within 7 days).

    Columns: ``contact_id`` (int), ``arrival`` (datetime64), ``customer_id`` (int), ``channel``
    ("telefoon"/"chat"), ``wait`` (int s; for an abandoned contact the time until hanging up),
    ``abandoned`` (bool), ``talk``, ``hold``, ``acw`` (int s; 0 when abandoned), ``reason``
    (str), ``avoidable`` (bool), ``repeat`` (bool: the same customer had a contact in the 7
    days before), ``fcr`` (bool: answered and no contact of the same customer in the 7 days
    after), ``csat`` (1-5), ``nps`` (0-10), ``ces`` (1-5) (Int64, <NA> when not surveyed).
    """
    params = CentreParameters() if params is None else params
    plan = _plan(params, seed)
    rng = _rng(seed, _CONTACTS)
    idx = _month_slice(plan, params.contact_month)
    origin = plan.start[idx[0]]
    frames = [_channel_contacts(params, plan, idx, rng, channel) for channel in CHANNELS]
    frame = pd.concat(frames, ignore_index=True)
    frame["_channel_order"] = frame["channel"].map({c: i for i, c in enumerate(CHANNELS)})
    frame = frame.sort_values(["t", "_channel_order"], kind="stable").reset_index(drop=True)
    size = len(frame)
    labels, _, avoidable, _, resolve = zip(*CONTACT_REASONS)
    reason = frame["reason_code"].to_numpy()
    answered = ~frame["abandoned"].to_numpy()
    resolved = answered & (rng.random(size) < np.asarray(resolve)[reason])
    # customers: a pending callback with the same reason takes the contact, else a random customer
    callback_p = np.where(answered, params.callback_unresolved, params.callback_abandoned)
    delay_mean = np.where(answered, params.callback_delay_unresolved, params.callback_delay_abandoned)
    calls_back = ~resolved & (rng.random(size) < callback_p)
    delay = rng.exponential(delay_mean)
    calls_back &= delay < params.repeat_window
    fresh = rng.integers(1, params.customers + 1, size)
    customer = np.empty(size, np.int64)
    pending = [[] for _ in labels]             # per reason: heap of (due time, order, customer)
    t = frame["t"].to_numpy()
    for i in range(size):
        queue = pending[reason[i]]
        if queue and queue[0][0] <= t[i]:
            customer[i] = heapq.heappop(queue)[2]
        else:
            customer[i] = fresh[i]
        if calls_back[i]:
            heapq.heappush(queue, (t[i] + delay[i], i, customer[i]))
    frame["customer_id"] = customer
    # repeat / fcr by definition: another contact of the same customer within 7 days
    order = frame.sort_values(["customer_id", "t"], kind="stable")
    same_prev = order["customer_id"].eq(order["customer_id"].shift())
    gap_prev = order["t"].diff()
    same_next = order["customer_id"].eq(order["customer_id"].shift(-1))
    gap_next = order["t"].shift(-1) - order["t"]
    frame["repeat"] = (same_prev & (gap_prev <= params.repeat_window)).reindex(frame.index)
    later = (same_next & (gap_next <= params.repeat_window)).reindex(frame.index)
    frame["fcr"] = answered & ~later.to_numpy()
    # survey answers of a sample of the answered contacts
    surveyed = answered & (rng.random(size) < params.survey_rate)
    is_complaint = np.asarray(labels)[reason] == "klacht"
    mood = (0.2 + 1.1 * resolved - 0.5 * np.minimum(frame["wait"].to_numpy(), 600) / 300
            - 0.8 * is_complaint - 0.3 * np.asarray(avoidable)[reason] + rng.normal(0, 1, size))
    csat = np.clip(np.rint(3.6 + 0.9 * (mood + rng.normal(0, 0.4, size))), 1, 5)
    nps = np.clip(np.rint(6.7 + 1.8 * (mood + rng.normal(0, 0.4, size))), 0, 10)
    ces = np.clip(np.rint(2.6 - 0.9 * (mood + rng.normal(0, 0.4, size))), 1, 5)
    out = pd.DataFrame({
        "contact_id": np.arange(1, size + 1),
        "arrival": origin + pd.to_timedelta(t, unit="s"),
        "customer_id": customer,
        "channel": frame["channel"].to_numpy(),
        "wait": frame["wait"].to_numpy().astype(np.int64),
        "abandoned": frame["abandoned"].to_numpy(),
        "talk": frame["talk"].to_numpy().astype(np.int64),
        "hold": frame["hold"].to_numpy().astype(np.int64),
        "acw": frame["acw"].to_numpy().astype(np.int64),
        "reason": np.asarray(labels, dtype=object)[reason],
        "avoidable": np.asarray(avoidable)[reason],
        "repeat": frame["repeat"].to_numpy(bool),
        "fcr": frame["fcr"].to_numpy(bool),
    })
    for name, score in (("csat", csat), ("nps", nps), ("ces", ces)):
        out[name] = pd.array(np.where(surveyed, score, np.nan)).astype("Int64")
    return out


# ---------------------------------------------------------------------------
# agent hours
# ---------------------------------------------------------------------------
def agent_hours(params: CentreParameters | None = None, seed=2025) -> pd.DataFrame:
    """Agent hours of ``params.contact_month``: one row per agent per working day.

    The headcount follows from the staffed agent hours of the month (phone as in
    :func:`interval_data`, chat by its Erlang A requirement) grossed up with
    :attr:`CentreParameters.expected_shrinkage`. Each agent works the days of their contract
    (24 h: 3, 32 and 36 h: 4, 38 h: 5 days a week), chosen per week with the staffed hours per
    weekday as weights. A day is sick (``verzuim``, in spells), leave (``verlof``) or worked; a
    worked day may hold a training block and a meeting, always holds paid breaks, and the rest
    is scheduled on the queues. Logged-in hours are the scheduled hours times an adherence draw
    (mean ``params.adherence``), productive hours the logged-in hours times the day's occupancy.

    Columns: ``date`` (datetime64, midnight), ``agent_id`` (str "A001"...), ``team`` (str),
    ``contract_hours`` (int, per week), and in hours (float, 2 decimals): ``paid_hours``,
    ``scheduled_hours``, ``logged_in_hours``, ``productive_hours``, ``verlof_hours``,
    ``verzuim_hours``, ``training_hours``, ``overleg_hours``, ``pauze_hours``.
    ``paid = scheduled + verlof + verzuim + training + overleg + pauze``.
    """
    params = CentreParameters() if params is None else params
    plan = _plan(params, seed)
    rng = _rng(seed, _HOURS)
    idx = _month_slice(plan, params.contact_month)
    start = plan.start[idx]
    chat_agents = erlang.agents_needed(erlang.traffic(plan.chat_expected[idx], params.chat_aht),
                                       params.chat_aht, params.chat_awt, params.chat_target,
                                       patience=params.chat_patience)
    chat_agents = np.where(plan.is_open[idx], np.maximum(chat_agents, 1), 0)
    phone_agents = plan.staffed[idx]
    staffed_hours = (phone_agents + chat_agents) * params.interval / 3600
    # expected occupancy per day: carried load over staffed agents, both queues
    phone_load = erlang.traffic(plan.expected[idx] * plan.day_noise[idx], params.phone_aht)
    chat_load = erlang.traffic(plan.chat_expected[idx] * plan.day_noise[idx], params.chat_aht)
    carried = (phone_load * (1 - erlang.abandonment(phone_agents, phone_load, params.phone_aht,
                                                    params.patience))
               + chat_load * (1 - erlang.abandonment(chat_agents, chat_load, params.chat_aht,
                                                     params.chat_patience)))
    dates = start.normalize()
    per_day = pd.DataFrame({"date": dates, "carried": carried, "agents": phone_agents + chat_agents})
    per_day = per_day.groupby("date").sum()
    occupancy = np.divide(per_day["carried"].to_numpy(), per_day["agents"].to_numpy(),
                          out=np.zeros(len(per_day)), where=per_day["agents"].to_numpy() > 0)
    occupancy = pd.Series(occupancy, index=per_day.index)
    weeks = len(per_day) / 7
    paid_per_week = staffed_hours.sum() / weeks / (1 - params.expected_shrinkage)
    # headcount: draw contracts until the paid hours are covered
    contracts = []
    while sum(contracts) < paid_per_week:
        contracts.append(int(rng.choice(CONTRACTS, p=params.contract_shares)))
    contracts = np.asarray(contracts)
    chat_part = chat_agents.sum() / (phone_agents.sum() + chat_agents.sum())
    n_agents = contracts.size
    n_chat = int(round(chat_part * n_agents))
    team = np.where(np.arange(n_agents) < n_agents - n_chat,
                    np.where(np.arange(n_agents) % 2 == 0, TEAMS[0], TEAMS[1]), TEAMS[2])
    # days each agent works: per ISO week, weekdays drawn with the staffed hours as weights
    weekday_hours = pd.Series(staffed_hours, index=start).groupby(start.day_of_week).sum()
    weights = weekday_hours.reindex(range(7), fill_value=0.0).to_numpy()
    open_days = np.flatnonzero(weights > 0)
    weights = weights[open_days] / weights[open_days].sum()
    period = pd.Period(params.contact_month, "M")
    month_days = pd.date_range(period.start_time, period.end_time.normalize(), freq="D")
    week_starts = pd.date_range(month_days[0] - pd.Timedelta(days=month_days[0].day_of_week),
                                month_days[-1], freq="7D")
    rows = []
    for agent, hours in enumerate(contracts):
        k = _DAYS_PER_WEEK[int(hours)]
        for monday in week_starts:
            chosen = np.sort(rng.choice(open_days, size=k, replace=False, p=weights))
            for d in chosen:
                day = monday + pd.Timedelta(days=int(d))
                if period.start_time <= day <= period.end_time:
                    rows.append((day, agent, hours / k))
    frame = pd.DataFrame(rows, columns=["date", "agent", "paid"])
    frame = frame.sort_values(["agent", "date"], kind="stable").reset_index(drop=True)
    size = len(frame)
    # sickness in spells (geometric lengths in working days) at random agents and days, drawn
    # until the month holds its expected number of sick days
    sick = np.zeros(size, bool)
    rows_of = [np.flatnonzero(frame["agent"].to_numpy() == a) for a in range(contracts.size)]
    target_days = int(round(params.verzuim * size))
    while sick.sum() < target_days:
        rows = rows_of[int(rng.integers(contracts.size))]
        first = int(rng.integers(rows.size))
        length = int(rng.geometric(1 - params.sick_persistence))
        sick[rows[first:first + length]] = True
    leave = ~sick & (rng.random(size) < params.verlof / (1 - params.verzuim))
    worked = ~sick & ~leave
    paid = frame["paid"].to_numpy()
    work_share = 1 - params.verlof - params.verzuim
    p_training = np.clip(params.training * paid / (work_share * params.training_block), 0, 1)
    p_overleg = np.clip(params.overleg * paid / (work_share * params.overleg_block), 0, 1)
    training = np.where(worked & (rng.random(size) < p_training), params.training_block, 0.0)
    overleg = np.where(worked & (rng.random(size) < p_overleg), params.overleg_block, 0.0)
    pauze = np.where(worked, params.pauze / work_share * paid, 0.0)
    cents = lambda x: np.rint(np.asarray(x) * 100).astype(np.int64)   # noqa: E731
    paid_c = cents(paid)
    verzuim_c = np.where(sick, paid_c, 0)
    verlof_c = np.where(leave, paid_c, 0)
    training_c, overleg_c, pauze_c = cents(training), cents(overleg), cents(pauze)
    scheduled_c = np.maximum(paid_c - verzuim_c - verlof_c - training_c - overleg_c - pauze_c, 0)
    # a long training on a short day leaves no scheduled time: shorten the meeting, then training
    excess = verzuim_c + verlof_c + training_c + overleg_c + pauze_c + scheduled_c - paid_c
    overleg_c = overleg_c - np.minimum(excess, overleg_c)
    excess = verzuim_c + verlof_c + training_c + overleg_c + pauze_c + scheduled_c - paid_c
    training_c = training_c - excess
    adherence = rng.beta(60 * params.adherence, 60 * (1 - params.adherence), size)
    logged_c = np.rint(scheduled_c * adherence).astype(np.int64)
    day_occupancy = occupancy.reindex(frame["date"]).to_numpy()
    productive_share = np.clip(day_occupancy * rng.normal(1.0, 0.03, size), 0.0, 0.98)
    productive_c = np.rint(logged_c * productive_share).astype(np.int64)
    out = pd.DataFrame({
        "date": frame["date"].to_numpy(),
        "agent_id": [f"A{a + 1:03d}" for a in frame["agent"]],
        "team": team[frame["agent"].to_numpy()],
        "contract_hours": contracts[frame["agent"].to_numpy()],
        "paid_hours": paid_c / 100,
        "scheduled_hours": scheduled_c / 100,
        "logged_in_hours": logged_c / 100,
        "productive_hours": productive_c / 100,
        "verlof_hours": verlof_c / 100,
        "verzuim_hours": verzuim_c / 100,
        "training_hours": training_c / 100,
        "overleg_hours": overleg_c / 100,
        "pauze_hours": pauze_c / 100,
    })
    return out.sort_values(["date", "agent_id"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------
# daily history: the years a year forecast learns from
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class HistoryParameters:
    """What shapes :func:`daily_history` (KlantDirect, phone, one row per day).

    * ``start``, ``end``: first and last day (inclusive).
    * ``weekly_calls``: expected calls in an ordinary week (no events, yearly season 1) on ``reference_day``;
      ``growth``: yearly growth of that level (0.04 = 4 % a year, compounded: ``(1 + growth) ** years``).
    * ``weekday_factors``: relative volume Monday..Sunday (Sunday closed: 0), as in :class:`CentreParameters`.
    * ``yearly``: (amplitude of the annual cosine, amplitude of the half-year cosine, day of year of the peak):
      ``season(doy) = 1 + a1 cos(2 pi (doy - peak) / 365.25) + a2 cos(4 pi (doy - peak) / 365.25)``; the peak
      in January (annual bills), the trough in the summer holidays.
    * ``quiet_holiday_factor``: volume on open holidays (Goede vrijdag, Bevrijdingsdag); other public holidays
      (:func:`wfmcourse.domain.events.public_holidays`) are closed. ``catch_up_factor``: the first open weekday
      after a closed weekday. ``invoice_spike``: factors on invoice days 1, 2, 3 (working days
      ``invoice_first_workday``.. of the month). ``campaign_weeks``: ISO weeks of a marketing campaign each
      year, volume x ``campaign_factor``. Events multiply.
    * ``day_noise_cv``: day-level Gamma noise (mean 1) on the expected volume; the calls are Poisson on top.
    * AHT: ``aht_start`` seconds on ``start``, drifting ``aht_drift`` seconds a year (contacts get more complex
      as simple questions move online), a yearly cosine of relative amplitude ``aht_yearly`` (peak on the volume
      peak), ``campaign_aht_factor`` on campaign days (new contracts take longer), a day-level noise
      ``aht_day_cv`` and the mean of the day's ``calls_offered`` handle times (coefficient of variation
      ``handle_cv``).
    """

    start: str = "2022-01-01"
    end: str = "2025-12-31"
    # the level, week pattern and events of the interval year (CentreParameters' defaults)
    weekly_calls: float = CentreParameters.weekly_calls
    reference_day: str = "2025-07-01"
    growth: float = 0.04
    weekday_factors: tuple = CentreParameters.weekday_factors
    yearly: tuple = (0.07, 0.025, 15)
    quiet_holiday_factor: float = CentreParameters.quiet_holiday_factor
    catch_up_factor: float = CentreParameters.catch_up_factor
    invoice_spike: tuple = CentreParameters.invoice_spike
    invoice_first_workday: int = CentreParameters.invoice_first_workday
    campaign_weeks: tuple = CentreParameters.campaign_weeks
    campaign_factor: float = CentreParameters.campaign_factor
    day_noise_cv: float = 0.05
    aht_start: float = 285.0
    aht_drift: float = 5.0
    aht_yearly: float = 0.02
    campaign_aht_factor: float = 1.06
    aht_day_cv: float = 0.015
    handle_cv: float = 0.55

    def __post_init__(self) -> None:
        for name in ("weekly_calls", "aht_start", "quiet_holiday_factor", "catch_up_factor", "campaign_factor",
                     "campaign_aht_factor"):
            as_array(name, getattr(self, name), low=0.0, low_inclusive=False)
        for name in ("day_noise_cv", "aht_day_cv", "handle_cv"):
            as_array(name, getattr(self, name), high=1.0)
        if len(self.weekday_factors) != 7 or self.weekday_factors[6] != 0:
            raise ValueError("weekday_factors needs 7 entries (Monday..Sunday) with Sunday closed (0)")
        if len(self.invoice_spike) != 3:
            raise ValueError(f"invoice_spike needs 3 factors, got {self.invoice_spike!r}")
        if pd.Timestamp(self.end) < pd.Timestamp(self.start) + pd.Timedelta(days=3 * 365):
            raise ValueError("the history must cover at least three years")

    def campaigns(self) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
        """The campaign weeks as (Monday, Sunday) pairs over the years of the history."""
        years = range(pd.Timestamp(self.start).year, pd.Timestamp(self.end).year + 1)
        mondays = [pd.Timestamp.fromisocalendar(y, w, 1) for y in years for w in self.campaign_weeks]
        return [(m, m + pd.Timedelta(days=6)) for m in mondays]


def daily_history(params: HistoryParameters | None = None, seed=2025) -> pd.DataFrame:
    """Daily calls offered and AHT of KlantDirect over :class:`HistoryParameters` ``start``..``end``.

    ``expected = weekly_calls x (1 + growth) ** years_from_reference x season(doy) x weekday share x events``
    (events from :func:`wfmcourse.domain.events.event_calendar`: closed days 0, quiet holidays, catch-up days,
    invoice days, campaigns); ``calls_offered ~ Poisson(expected x Gamma day noise)``; ``aht`` the mean handle
    time of the day's calls around an expected AHT that drifts (``expected_aht``). Columns: ``date``,
    ``holiday``, ``is_open``, ``quiet_holiday``, ``catch_up``, ``invoice_day`` (0 or 1-3), ``campaign``,
    ``expected_calls``, ``calls_offered``, ``expected_aht``, ``aht`` (seconds; empty on closed days).
    """
    p = HistoryParameters() if params is None else params
    rng = _rng(seed, _HISTORY)
    days = pd.date_range(p.start, p.end, freq="D")
    cal = events.event_calendar(days, campaigns=p.campaigns(), invoice_first_workday=p.invoice_first_workday)
    years = ((days - pd.Timestamp(p.reference_day)) / pd.Timedelta(days=365.25)).to_numpy()
    a1, a2, peak = p.yearly
    angle = 2 * np.pi * (days.day_of_year.to_numpy() - peak) / 365.25
    season = 1 + a1 * np.cos(angle) + a2 * np.cos(2 * angle)
    factors = np.asarray(p.weekday_factors, float)
    share = (factors / factors.sum())[days.day_of_week.to_numpy()]
    uplift = {"quiet_holiday": p.quiet_holiday_factor, "catch_up": p.catch_up_factor, "campaign": p.campaign_factor,
              **{f"invoice_day_{k + 1}": f for k, f in enumerate(p.invoice_spike)}}
    event = events.event_factors(cal, uplift).to_numpy()
    expected = p.weekly_calls * (1 + p.growth) ** years * season * share * event
    noise = rng.gamma(1 / p.day_noise_cv ** 2, p.day_noise_cv ** 2, days.size)
    calls = rng.poisson(expected * noise)
    since = ((days - days[0]) / pd.Timedelta(days=365.25)).to_numpy()
    campaign = cal["campaign"].to_numpy()
    aht_true = ((p.aht_start + p.aht_drift * since) * (1 + p.aht_yearly * np.cos(angle))
                * np.where(campaign, p.campaign_aht_factor, 1.0))
    day_aht = aht_true * rng.gamma(1 / p.aht_day_cv ** 2, p.aht_day_cv ** 2, days.size)
    # the mean of n handle times with coefficient of variation handle_cv: Gamma with shape n / cv^2
    shape = np.maximum(calls, 1) / p.handle_cv ** 2
    aht = np.where(calls > 0, rng.gamma(shape, day_aht / shape), np.nan)
    invoice = sum(k * cal[f"invoice_day_{k}"].to_numpy(int) for k in (1, 2, 3))
    return pd.DataFrame({
        "date": days, "holiday": cal["holiday"].to_numpy(), "is_open": ~cal["closed"].to_numpy(),
        "quiet_holiday": cal["quiet_holiday"].to_numpy(), "catch_up": cal["catch_up"].to_numpy(),
        "invoice_day": invoice, "campaign": campaign, "expected_calls": expected, "calls_offered": calls,
        "expected_aht": aht_true, "aht": aht,
    })


# ---------------------------------------------------------------------------
# files
# ---------------------------------------------------------------------------
def _to_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write deterministically: ISO timestamps, booleans as 0/1, floats with 2 decimals."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            fmt = "%Y-%m-%d" if (column == column.dt.normalize()).all() and name == "date" \
                else "%Y-%m-%dT%H:%M:%S"
            out[name] = column.dt.strftime(fmt)
        elif pd.api.types.is_bool_dtype(column):
            out[name] = column.astype(np.int64)
    out.to_csv(path, index=False, float_format="%.2f", lineterminator="\n", encoding="utf-8",
               na_rep="")


def forecast_example(intervals) -> pd.DataFrame:
    """The forecast of week 47's open intervals as a dashboard upload: ``interval_start``, ``calls``.

    ``intervals`` as made by :func:`interval_data` (``interval_start`` as index or column).
    """
    frame = intervals.set_index("interval_start") if "interval_start" in intervals else intervals
    week = frame.loc[EXAMPLE_WEEK[0]:f"{EXAMPLE_WEEK[1]} 23:59"]
    week = week[week["is_open"].astype(bool)]
    return pd.DataFrame({"interval_start": week.index, "calls": week["forecast_calls"].to_numpy()})


def generate_all(out_dir="data", seed=2025, params: CentreParameters | None = None) -> dict:
    """Write the files of :data:`FILE_NAMES` to ``out_dir``.

    Returns ``{file name: Path}``. The same seed and parameters give the same bytes.
    """
    params = CentreParameters() if params is None else params
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    intervals = interval_data(params, seed)
    frames = (intervals, contact_data(params, seed), agent_hours(params, seed),
              forecast_example(intervals), daily_history(seed=seed), agent_state_week(seed=seed))
    paths = {}
    for name, frame in zip(FILE_NAMES, frames):
        path = out / name
        _to_csv(frame, path)
        paths[name] = path
    return paths


def main(argv: list[str] | None = None) -> None:
    """Command line: ``python -m wfmcourse.data.synth [--out data] [--seed 2025]``."""
    parser = argparse.ArgumentParser(prog="python -m wfmcourse.data.synth",
                                     description="Regenerate the synthetic course data files.")
    parser.add_argument("--out", default=str(DATA_DIR),
                        help="output folder (default: the repository's data/)")
    parser.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    paths = generate_all(args.out, seed=args.seed)
    for path in paths.values():
        print(f"{path}  ({path.stat().st_size / 1e6:.2f} MB)")
    print(f"klaar in {time.perf_counter() - began:.1f} s")


_AGENT_STATES = 6          # the random stream of agent_states (after the six streams of the data files)


def agent_states(date="2025-03-04", agents=12, seed=2025) -> pd.DataFrame:
    """A seeded day of schedule and agent-state data for ``agents`` agents (the input of
    :func:`wfmcourse.domain.intraday.adherence`), one row per agent per quarter from 08:00 to 20:00.

    Columns ``agent`` (``"M01"``...), ``interval_start``, ``scheduled`` (``contact``, ``break``,
    ``training``, ``meeting``, ``off``) and ``state`` (``available``, ``in_contact``, ``acw``, ``break``,
    ``training``, ``meeting``, ``aux``, ``logged_out``). Schedules: 8-hour shifts starting between 08:00
    and 12:00 with a half-hour break halfway, every third agent an hour of training and every fourth an
    hour of overleg. States: during contact time in contact 60 %, ACW 13 %, available 20 %, aux 7 %; a late
    login (10 %), a break that runs a quarter over (20 %), leaving a quarter early (8 %) and a quarter of
    overtime (5 %). Not a shipped file: it is generated when needed and never changes for a seed.
    """
    day = pd.Timestamp(date)
    n = int(agents)
    rng = _rng(seed, _AGENT_STATES)
    index = pd.date_range(day + pd.Timedelta(hours=8), periods=48, freq="15min")
    rows = []
    for a in range(n):
        start = int(rng.integers(0, 17))                 # quarter of the start, 08:00 .. 12:00
        scheduled = np.array(["off"] * 48, dtype=object)
        scheduled[start:start + 32] = "contact"
        scheduled[start + 15:start + 17] = "break"
        if a % 3 == 0:
            scheduled[start + 4:start + 8] = "training"
        elif a % 4 == 1:
            scheduled[start + 22:start + 26] = "meeting"
        contact = rng.choice(["in_contact", "acw", "available", "aux"], 48, p=[0.60, 0.13, 0.20, 0.07])
        state = np.where(scheduled == "contact", contact, scheduled).astype(object)
        state[scheduled == "off"] = "logged_out"
        end = min(start + 32, 48)
        if rng.random() < 0.10:
            state[start] = "logged_out"
        if rng.random() < 0.20:
            state[start + 17] = "break"
        if rng.random() < 0.08:
            state[end - 1] = "logged_out"
        if end < 48 and rng.random() < 0.05:
            state[end] = "in_contact"
        rows.append(pd.DataFrame({"agent": f"M{a + 1:02d}", "interval_start": index, "scheduled": scheduled,
                                  "state": state}))
    return pd.concat(rows, ignore_index=True)


_AGENT_WEEK = 7            # the random stream of agent_state_week
#: the days of agent_states.csv: Monday to Saturday of ISO week 10 (the campaign week of the control room's day)
STATE_WEEK = ("2025-03-03", "2025-03-08")
_WEEK_AGENTS = 30
_STATE_P = {"in_contact": 0.60, "acw": 0.13, "available": 0.20, "aux": 0.07}


def agent_state_week(seed=2025) -> pd.DataFrame:
    """A week of per-agent schedules and agent states per quarter (``data/agent_states.csv``).

    The phone team "M01" ... "M30", Monday 3 to Saturday 8 March 2025 (:data:`STATE_WEEK`). One row per agent
    per quarter from 08:00 to 20:00 on each day the agent is rostered (48 rows a day), with the columns
    ``agent``, ``interval_start``, ``scheduled`` (``contact``, ``break``, ``training``, ``meeting``,
    ``coaching``, ``off``) and ``state`` (``available``, ``in_contact``, ``acw``, ``break``, ``training``,
    ``meeting``, ``coaching``, ``aux``, ``logged_out``): the codes of :mod:`wfmcourse.domain.intraday`.

    Schedule: every third agent works 5 days of 7.5 hours (37.5 hours a week), the others 4 days of 8 hours,
    the days drawn from Monday to Saturday with the weekday pattern of the volume as weights. A shift starts
    between 08:00 and 12:00 on a weekday and at 09:00 on Saturday (open 09:00-17:00), with a half-hour break
    halfway. Every third agent
    has an hour of training on the first working day; whoever works Wednesday 13:00-14:00 has the team
    overleg then (unless on a break); every second agent has half an hour of coaching on the second working
    day. States: during contact time in contact 60 %, ACW 13 %, available 20 %, aux 7 %. Per agent-day: a
    sick day (3 %: logged out all day), a late login (10 %: first quarter), a break that runs a quarter over
    (20 %), leaving a quarter early (8 %), a quarter of overtime (5 %, weekdays); a coaching cancelled by the
    traffic planner (25 %: the agent takes calls) and an overleg skipped for the phones (10 %).
    """
    rng = _rng(seed, _AGENT_WEEK)
    days = pd.date_range(*STATE_WEEK, freq="D")
    weights = np.array(CentreParameters().weekday_factors[:len(days)], dtype=float)
    weights /= weights.sum()
    frames = []
    for a in range(_WEEK_AGENTS):
        count = 5 if a % 3 == 0 else 4
        worked = np.sort(rng.choice(len(days), count, replace=False, p=weights))
        for number, d in enumerate(worked):
            day = days[d]
            saturday = day.day_of_week == 5
            start = 4 if saturday else int(rng.integers(0, 17))
            end = start + (30 if count == 5 else 32)
            half = start + (end - start) // 2
            scheduled = np.array(["off"] * 48, dtype=object)
            scheduled[start:end] = "contact"
            scheduled[half - 1:half + 1] = "break"
            if a % 3 == 0 and number == 0:
                scheduled[start + 4:start + 8] = "training"
            if a % 2 == 1 and number == 1:
                scheduled[start + 24:start + 26] = "coaching"
            meeting = np.arange(20, 24)                         # 13:00-14:00
            if day.day_of_week == 2 and start <= 20 and end >= 24 and (scheduled[meeting] == "contact").all():
                scheduled[meeting] = "meeting"
            contact = rng.choice(list(_STATE_P), 48, p=list(_STATE_P.values()))
            state = np.where(scheduled == "contact", contact, scheduled).astype(object)
            state[scheduled == "off"] = "logged_out"
            sick, late, overrun, early, overtime, cancelled, skipped = rng.random(7)
            if cancelled < 0.25:
                state[scheduled == "coaching"] = "in_contact"
            if skipped < 0.10:
                state[scheduled == "meeting"] = "in_contact"
            if late < 0.10:
                state[start] = "logged_out"
            if overrun < 0.20:
                state[half + 1] = "break"
            if early < 0.08:
                state[end - 1] = "logged_out"
            if overtime < 0.05 and end < 48 and not saturday:
                state[end] = "in_contact"
            if sick < 0.03:
                state[:] = "logged_out"
            index = pd.date_range(day + pd.Timedelta(hours=8), periods=48, freq="15min")
            frames.append(pd.DataFrame({"agent": f"M{a + 1:02d}", "interval_start": index,
                                        "scheduled": scheduled, "state": state}))
    return pd.concat(frames, ignore_index=True)


if __name__ == "__main__":
    main()
