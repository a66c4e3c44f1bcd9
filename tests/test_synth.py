"""wfmcourse.data.synth: the shipped data files are reproducible and carry the generator's parameters.

The KPI checks run on the shipped files (read with the validated loaders), so they also guard
against a hand-edited file. Tolerances are a few standard errors of the sampling noise (noted
per test), not tuned to this seed.
"""
import numpy as np
import pandas as pd
import pytest

from wfmcourse.data import datasets, synth
from wfmcourse.data.files import data_path
from wfmcourse.domain import erlang, simulation

P = synth.CentreParameters()


@pytest.fixture(scope="module")
def intervals():
    return datasets.load_intervals()


@pytest.fixture(scope="module")
def open_intervals(intervals):
    frame = intervals[intervals["is_open"]].copy()
    frame["week"] = frame.index.isocalendar().week.to_numpy()
    return frame


@pytest.fixture(scope="module")
def contacts():
    return datasets.load_contacts()


@pytest.fixture(scope="module")
def hours():
    return datasets.load_agent_hours()


def _sl(frame):
    return frame["answered_in_time"].sum() / frame["calls_offered"].sum()


# ---------------------------------------------------------------------------
# reproducibility and parameters
# ---------------------------------------------------------------------------
def test_regeneration_reproduces_the_shipped_files_byte_for_byte(tmp_path):
    paths = synth.generate_all(tmp_path, seed=2025)
    assert sorted(paths) == sorted(synth.FILE_NAMES)
    for name, path in paths.items():
        assert path.read_bytes() == data_path(name).read_bytes(), name


def test_command_line_writes_the_files(tmp_path, capsys):
    synth.main(["--out", str(tmp_path), "--seed", "2025"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(synth.FILE_NAMES)
    assert "intervals.csv" in capsys.readouterr().out
    text = (tmp_path / "intervals.csv").read_bytes()
    assert b"\r\n" not in text and text == data_path("intervals.csv").read_bytes()


def test_other_seed_gives_other_data_same_plan():
    a = synth.interval_data(P, seed=1)
    b = synth.interval_data(P, seed=2025)
    assert not a["calls_offered"].equals(b["calls_offered"])
    pd.testing.assert_series_equal(a["forecast_calls"], b["forecast_calls"])


@pytest.mark.parametrize("change, word", [
    ({"weekly_calls": -1}, "weekly_calls"),
    ({"target": 1.2}, "target"),
    ({"weekday_factors": (1, 1, 1, 1, 1, 1)}, "7 entries"),
    ({"weekday_factors": (1, 1, 1, 1, 1, 1, 1)}, "closed day"),
    ({"deviation_probabilities": (0.5, 0.5, 0.5, 0.5)}, "deviation_probabilities"),
    ({"closed_holidays": ("Sinterklaas",)}, "unknown holiday"),
    ({"unannounced_campaign_weeks": (20,)}, "unannounced"),
    ({"verlof": 0.5, "verzuim": 0.3, "pauze": 0.3}, "below 1"),
])
def test_parameters_are_checked(change, word):
    with pytest.raises(ValueError, match=word):
        synth.CentreParameters(**change)


def test_derived_parameters():
    assert P.phone_aht == pytest.approx(245 + 0.25 * 60 + 40)
    assert P.weekday_shares.sum() == pytest.approx(1.0)
    assert P.avoidable_share == pytest.approx(0.29)
    assert P.expected_shrinkage == pytest.approx(0.285 + 0.715 * 0.05)
    assert P.pause_of_worked == pytest.approx(0.05 / 0.845)           # 5 % of paid hours is 5.9 % of worked hours
    assert sum(share for _, share, *_ in synth.CONTACT_REASONS) == pytest.approx(1.0)


# ---------------------------------------------------------------------------
# intervals.csv
# ---------------------------------------------------------------------------
def test_a_full_year_of_quarter_hours(intervals):
    assert len(intervals) == 35_040
    assert intervals.index[0] == pd.Timestamp("2025-01-01 00:00")
    assert intervals.index[-1] == pd.Timestamp("2025-12-31 23:45")
    closed = intervals[~intervals["is_open"]]
    assert (closed[["calls_offered", "agents_staffed", "agents_needed"]] == 0).all().all()
    sundays = intervals[intervals.index.day_of_week == 6]
    assert not sundays["is_open"].any()
    hour = intervals.index.hour
    weekday_open = intervals[(intervals.index.day_of_week < 5) & intervals["is_open"]]
    assert weekday_open.index.hour.min() == 8 and weekday_open.index.hour.max() == 19
    assert not intervals[(hour < 8) | (hour >= 20)]["is_open"].any()


def _ordinary_days(intervals):
    """Daily totals without holidays, the day after, the first ten days of a month and campaigns."""
    daily = intervals.groupby(intervals.index.normalize()).agg(
        offered=("calls_offered", "sum"), holiday=("holiday", "first"))
    holiday = daily["holiday"] != ""
    after = holiday.shift(1, fill_value=False) | holiday.shift(2, fill_value=False)
    week = daily.index.isocalendar().week.to_numpy()
    keep = (~holiday & ~after & (daily.index.day > 10) & ~np.isin(week, P.campaign_weeks)
            & (daily.index.day_of_week < 6))
    return daily[keep]


def test_weekly_pattern_matches_the_weekday_factors(intervals):
    daily = _ordinary_days(intervals)
    mean = daily.groupby(daily.index.day_of_week)["offered"].mean()
    factors = np.asarray(P.weekday_factors[:6])
    # ~25 days per weekday, day noise 8 % and months mixed: a mean is good to about 2 %
    np.testing.assert_allclose(mean / mean.sum(), factors / factors.sum(), rtol=0.05)
    monday_vs_rest = mean[0] / mean[1:5].mean()
    assert monday_vs_rest == pytest.approx(factors[0] / factors[1:5].mean(), rel=0.05)
    assert mean[5] < 0.6 * mean[1:5].min()            # a quiet Saturday


def test_intraday_peaks(open_intervals):
    weekdays = open_intervals[open_intervals.index.day_of_week < 5]
    profile = weekdays.groupby(weekdays.index.hour * 60 + weekdays.index.minute)["calls_offered"].mean()
    peak = profile.idxmax()
    assert 9 * 60 + 30 <= peak <= 10 * 60 + 45
    lunch, afternoon, evening = profile[12 * 60 + 30], profile[14 * 60 + 30], profile[19 * 60 + 30]
    assert lunch < afternoon < profile[peak]
    assert evening < 0.5 * profile[peak]


def test_holidays_are_closed_or_quiet(intervals):
    daily = intervals.groupby(intervals.index.normalize()).agg(
        offered=("calls_offered", "sum"), holiday=("holiday", "first"))
    names = {pd.Timestamp(day): name for day, name in synth.HOLIDAYS_2025.items()}
    assert {day: daily.loc[day, "holiday"] for day in names} == names
    ordinary = _ordinary_days(intervals)
    weekday_mean = ordinary.groupby(ordinary.index.day_of_week)["offered"].mean()
    for day, name in names.items():
        if name in P.closed_holidays:
            assert daily.loc[day, "offered"] == 0, name
        else:
            assert 0 < daily.loc[day, "offered"] < 0.5 * weekday_mean[day.day_of_week], name
    assert daily.loc[pd.Timestamp("2025-04-26"), "offered"] == 0       # Koningsdag, a Saturday


def test_invoice_run_spike(intervals):
    daily = intervals.groupby(intervals.index.normalize())["calls_offered"].sum()
    ordinary = _ordinary_days(intervals)["offered"]
    by_weekday = ordinary.groupby(ordinary.index.day_of_week).mean()
    relative = daily / by_weekday.reindex(daily.index.day_of_week).to_numpy()
    # 2025-03: working days 3-5 are 5, 6 and 7 March (in campaign week 10), so use other months
    spikes = [relative[pd.Timestamp(d)] for d in ("2025-02-05", "2025-06-04", "2025-10-03")]
    assert min(spikes) > 1.1


def test_forecast_misses_only_the_unannounced_campaign(open_intervals):
    weekly = open_intervals.groupby("week")[["calls_offered", "forecast_calls"]].sum()
    ratio = weekly["calls_offered"] / weekly["forecast_calls"]
    unannounced = list(P.unannounced_campaign_weeks)
    # a week of ~9,000 calls with six days of 8 % noise: a week ratio within about 4 %
    assert ratio.drop(unannounced).between(0.88, 1.12).all()
    assert ratio.drop(unannounced).mean() == pytest.approx(1.0, abs=0.02)
    assert ratio[unannounced].to_numpy() == pytest.approx(P.campaign_factor, rel=0.08)
    for week in P.campaign_weeks:
        if week not in unannounced:
            neighbours = weekly.loc[[week - 2, week + 2], "calls_offered"].mean()
            assert weekly.loc[week, "calls_offered"] > 1.1 * neighbours


def test_aht_is_the_lognormal_mean(open_intervals):
    answered = open_intervals["calls_answered"]
    mean_aht = (open_intervals["aht"].fillna(0) * answered).sum() / answered.sum()
    # ~430,000 draws with cv 0.55: standard error under 0.1 %
    assert mean_aht == pytest.approx(P.phone_aht, rel=0.005)
    busy = open_intervals[answered >= 30]
    spread = busy["aht"].std() / P.phone_aht
    assert spread == pytest.approx(P.handle_cv / np.sqrt(busy["calls_answered"]).mean(), rel=0.3)


def test_required_agents_are_erlang_a_on_the_forecast(open_intervals):
    need = erlang.agents_needed(erlang.traffic(open_intervals["forecast_calls"], P.phone_aht),
                                P.phone_aht, P.awt, P.planning_target, patience=P.patience)
    np.testing.assert_array_equal(np.maximum(need, 1), open_intervals["agents_needed"])
    diff = open_intervals["agents_staffed"] - open_intervals["agents_needed"]
    assert (diff < 0).mean() > 0.1 and (diff > 0).mean() > 0.3


def test_outcomes_follow_erlang_a_for_the_staffing_used(open_intervals):
    offered = open_intervals["calls_offered"].to_numpy()
    agents = open_intervals["agents_staffed"].to_numpy()
    load = erlang.traffic(offered, P.phone_aht)
    p_abandon = erlang.abandonment(agents, load, P.phone_aht, P.patience)
    sl = erlang.service_level(agents, load, P.phone_aht, P.awt, patience=P.patience)
    for actual, p in ((open_intervals["calls_abandoned"].sum(), p_abandon),
                      (open_intervals["answered_in_time"].sum(), sl)):
        expected = (offered * p).sum()
        sd = np.sqrt((offered * p * (1 - p)).sum())
        assert abs(actual - expected) < 4 * sd
    total_sl = _sl(open_intervals)
    assert 0.78 < total_sl < 0.88
    abandon_rate = open_intervals["calls_abandoned"].sum() / offered.sum()
    assert 0.03 < abandon_rate < 0.08


def test_watermelon_week_is_green_with_red_mornings(open_intervals):
    weekly_sl = open_intervals.groupby("week").apply(_sl)
    assert (weekly_sl >= P.target).sum() >= 40              # most weeks are green
    week = open_intervals[open_intervals["week"] == P.watermelon_week]
    assert _sl(week) >= P.target
    hour = week.index.hour + week.index.minute / 60
    lo, hi = P.watermelon_hours
    mornings = week[(hour >= lo) & (hour < hi) & (week.index.day_of_week < 5)]
    assert _sl(mornings) < 0.65
    interval_sl = mornings["answered_in_time"] / mornings["calls_offered"]
    assert (interval_sl < P.target).sum() >= 20
    for unannounced in P.unannounced_campaign_weeks:
        assert weekly_sl[unannounced] < 0.75                  # the campaign WFM did not hear about


# ---------------------------------------------------------------------------
# contacts.csv
# ---------------------------------------------------------------------------
def test_contacts_cover_the_month_within_opening_hours(contacts, intervals):
    arrival = contacts["arrival"]
    month = pd.Period(P.contact_month, "M")
    assert arrival.min() >= month.start_time and arrival.max() <= month.end_time
    slot = arrival.dt.floor("15min")
    assert intervals.loc[slot.unique(), "is_open"].all()
    phone = contacts[contacts["channel"] == "telefoon"]
    in_month = intervals[(intervals.index >= month.start_time) & (intervals.index <= month.end_time)]
    # two Poisson samples of the same expected volume (and the same day noise)
    assert len(phone) == pytest.approx(in_month["calls_offered"].sum(), rel=0.03)
    assert len(contacts) < 80_000


def test_contact_handle_times(contacts):
    answered = contacts[~contacts["abandoned"]]
    for channel, aht in (("telefoon", P.phone_aht), ("chat", P.chat_aht)):
        part = answered[answered["channel"] == channel]
        handle = part["talk"] + part["hold"] + part["acw"]
        assert handle.mean() == pytest.approx(aht, rel=0.03), channel
    chat = answered[answered["channel"] == "chat"]
    assert (chat["hold"] == 0).all()
    phone = answered[answered["channel"] == "telefoon"]
    assert (phone["hold"] > 0).mean() == pytest.approx(P.hold_probability, abs=0.02)


def test_patience_estimate_recovers_the_parameter(contacts):
    for channel, patience in (("telefoon", P.patience), ("chat", P.chat_patience)):
        part = contacts[contacts["channel"] == channel]
        # censored exponential: total time spent waiting / number who hung up
        estimate = part["wait"].sum() / part["abandoned"].sum()
        assert estimate == pytest.approx(patience, rel=0.2), channel


def test_simulated_queue_is_close_to_erlang_a(contacts, intervals):
    phone = contacts[contacts["channel"] == "telefoon"]
    slot = phone["arrival"].dt.floor("15min")
    counts = slot.value_counts().sort_index()
    agents = intervals.loc[counts.index, "agents_staffed"].to_numpy()
    load = erlang.traffic(counts.to_numpy(), P.phone_aht)
    weights = counts.to_numpy() / counts.sum()
    predicted_abandon = (weights * erlang.abandonment(agents, load, P.phone_aht, P.patience)).sum()
    predicted_sl = (weights * erlang.service_level(agents, load, P.phone_aht, P.awt, patience=P.patience)).sum()
    simulated_abandon = phone["abandoned"].mean()
    simulated_sl = (~phone["abandoned"] & (phone["wait"] <= P.awt)).mean()
    # lognormal handle times (cv ~0.6) vary less than Erlang's exponential ones, so the
    # simulated queue does somewhat better than Erlang A predicts; never worse
    assert 0.5 * predicted_abandon < simulated_abandon < 1.1 * predicted_abandon
    assert predicted_sl - 0.01 < simulated_sl < predicted_sl + 0.08


def test_queue_engine_matches_erlang_a_with_exponential_times():
    rng = np.random.default_rng(11)
    agents, load, aht, patience, n = 20, 18.0, 300.0, 180.0, 60_000
    arrival = np.cumsum(rng.exponential(aht / load, n))
    handle = rng.exponential(aht, n)
    give_up = rng.exponential(patience, n)
    periods = int(arrival[-1] // 900) + 2
    wait, answered = simulation.fcfs_queue(arrival, handle, give_up, np.full(periods, agents), 900, rng)
    measured = slice(2_000, None)                                   # skip the empty start
    p_abandon = erlang.abandonment(agents, load, aht, patience)
    sl = erlang.service_level(agents, load, aht, 20, patience=patience)
    # queue correlation inflates the binomial error; 0.01 is several batch standard errors
    assert (~answered[measured]).mean() == pytest.approx(p_abandon, abs=0.01)
    assert (answered[measured] & (wait[measured] <= 20)).mean() == pytest.approx(sl, abs=0.02)


def test_reasons_and_avoidable_share(contacts):
    shares = contacts["reason"].value_counts(normalize=True)
    expected = {label: share for label, share, *_ in synth.CONTACT_REASONS}
    for label, share in expected.items():
        assert shares[label] == pytest.approx(share, abs=0.01), label
    # 55,000 contacts: standard error of the share about 0.002
    assert contacts["avoidable"].mean() == pytest.approx(P.avoidable_share, abs=0.01)
    flags = contacts.groupby("reason")["avoidable"].first()
    assert flags["factuur onduidelijk"] and flags["status bestelling"] and not flags["factuur"]


def test_repeat_and_fcr_flags_follow_their_definition(contacts):
    frame = contacts.sort_values(["customer_id", "arrival"], kind="stable")
    same = frame["customer_id"].eq(frame["customer_id"].shift())
    window = pd.Timedelta(days=7)
    repeat = same & (frame["arrival"].diff() <= window)
    later = (frame["customer_id"].eq(frame["customer_id"].shift(-1))
             & (frame["arrival"].shift(-1) - frame["arrival"] <= window))
    pd.testing.assert_series_equal(repeat.sort_index(), contacts["repeat"], check_names=False)
    fcr = ~frame["abandoned"] & ~later
    pd.testing.assert_series_equal(fcr.sort_index(), contacts["fcr"], check_names=False)
    assert 0.08 < contacts["repeat"].mean() < 0.25
    answered = contacts[~contacts["abandoned"]]
    assert 0.75 < answered["fcr"].mean() < 0.95
    # unresolved reasons come back more: storing and klacht have the lowest FCR
    by_reason = answered.groupby("reason")["fcr"].mean()
    assert set(by_reason.nsmallest(2).index) == {"klacht", "storing"}


def test_survey_sample(contacts):
    answered = contacts[~contacts["abandoned"]]
    surveyed = answered["csat"].notna()
    assert surveyed.mean() == pytest.approx(P.survey_rate, abs=0.01)
    assert contacts.loc[contacts["abandoned"], ["csat", "nps", "ces"]].isna().all().all()
    scores = answered[surveyed]
    assert scores["csat"].between(1, 5).all() and scores["nps"].between(0, 10).all()
    assert set(scores["csat"].unique()) == {1, 2, 3, 4, 5}
    nps = (scores["nps"] >= 9).mean() - (scores["nps"] <= 6).mean()
    assert -0.2 < nps < 0.6
    # resolved contacts score better than those that came back
    assert scores.loc[scores["fcr"], "csat"].mean() > scores.loc[~scores["fcr"], "csat"].mean()
    assert scores.loc[scores["fcr"], "ces"].mean() < scores.loc[~scores["fcr"], "ces"].mean()


# ---------------------------------------------------------------------------
# agent_hours.csv
# ---------------------------------------------------------------------------
def test_shrinkage_components_near_their_parameters(hours):
    paid = hours["paid_hours"].sum()
    # sick days are drawn in spells up to their expected number: only the day lengths vary
    assert hours["verzuim_hours"].sum() / paid == pytest.approx(P.verzuim, abs=0.006)
    # ~1,200 agent days of leave at 10 %: standard error about 0.009
    assert hours["verlof_hours"].sum() / paid == pytest.approx(P.verlof, abs=0.025)
    assert hours["training_hours"].sum() / paid == pytest.approx(P.training, abs=0.015)
    assert hours["overleg_hours"].sum() / paid == pytest.approx(P.overleg, abs=0.01)
    assert hours["pauze_hours"].sum() / paid == pytest.approx(P.pauze, abs=0.005)
    worked = paid - hours["verlof_hours"].sum() - hours["verzuim_hours"].sum()
    assert hours["pauze_hours"].sum() / worked == pytest.approx(P.pause_of_worked, abs=0.006)
    adherence = hours["logged_in_hours"].sum() / hours["scheduled_hours"].sum()
    assert adherence == pytest.approx(P.adherence, abs=0.01)
    shrinkage = 1 - hours["logged_in_hours"].sum() / paid
    assert shrinkage == pytest.approx(P.expected_shrinkage, abs=0.04)
    occupancy = hours["productive_hours"].sum() / hours["logged_in_hours"].sum()
    assert 0.6 < occupancy < 0.9


def test_agents_and_contracts(hours, intervals):
    agents = hours.groupby("agent_id").agg(contract=("contract_hours", "first"),
                                           paid=("paid_hours", "first"), team=("team", "first"))
    assert set(agents["contract"]) <= set(synth.CONTRACTS)
    per_day = agents["contract"] / agents["contract"].map({24: 3, 32: 4, 36: 4, 38: 5})
    np.testing.assert_allclose(agents["paid"], per_day, atol=0.006)
    assert set(agents["team"]) == set(synth.TEAMS)
    assert (hours["date"].dt.day_of_week < 6).all()                       # no Sundays
    month = pd.Period(P.contact_month, "M")
    assert hours["date"].min() >= month.start_time and hours["date"].max() <= month.end_time
    # the logged-in hours cover the staffed phone hours of the month plus the chat
    phone = intervals.loc[str(month), "agents_staffed"].sum() / 4
    assert phone < hours["logged_in_hours"].sum() < 1.8 * phone


def test_sickness_comes_in_spells(hours):
    frame = hours.sort_values(["agent_id", "date"])
    sick = frame["verzuim_hours"] > 0
    same = frame["agent_id"].eq(frame["agent_id"].shift())
    still = (sick & sick.shift(fill_value=False) & same).sum() / (sick.shift(fill_value=False) & same).sum()
    assert still > 0.4          # far above the share of sick days: spells, not loose days


# ---------------------------------------------------------------------------
# agent_states.csv: a week of schedules and agent states (issue 18)
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def states():
    return datasets.load_agent_states()


def test_agent_states_cover_the_week_within_opening_hours(states, intervals):
    days = states["interval_start"].dt.normalize()
    assert sorted(days.unique()) == list(pd.date_range(*synth.STATE_WEEK, freq="D"))
    assert states["agent"].nunique() == 30
    per_agent = days.groupby(states["agent"]).nunique()
    assert set(per_agent) == {4, 5}
    # 48 quarters 08:00-20:00 on each rostered day, scheduled work only while the centre is open
    assert (states.groupby([states["agent"], days]).size() == 48).all()
    working = states[states["scheduled"] != "off"]
    assert intervals.loc[working["interval_start"], "is_open"].all()
    # 37.5 hours for the five-day agents, 32 for the others
    hours = (states["scheduled"] != "off").groupby(states["agent"]).sum() / 4
    assert set(hours[per_agent == 5]) == {37.5} and set(hours[per_agent == 4]) == {32.0}


def test_agent_states_follow_the_schedule_with_the_documented_deviations(states):
    scheduled, state = states["scheduled"], states["state"]
    contact = state[scheduled == "contact"].value_counts(normalize=True)
    # contact time: in contact 60 %, ACW 13 %, available 20 %, aux 7 % (minus the few late/early quarters)
    n = int((scheduled == "contact").sum())
    for name, p in (("in_contact", 0.60), ("acw", 0.13), ("available", 0.20), ("aux", 0.07)):
        assert abs(contact[name] - p) < 4 * np.sqrt(p * (1 - p) / n) + 0.02, name
    # off-schedule states only where the generator puts them
    off = states[scheduled == "off"]
    assert set(off["state"]) <= {"logged_out", "in_contact"}                  # overtime
    assert (off["state"] == "in_contact").mean() < 0.01
    assert set(state[scheduled == "coaching"]) <= {"coaching", "in_contact", "logged_out"}
    assert set(state[scheduled == "training"]) <= {"training", "logged_out"}
    # the team overleg: Wednesday 13:00-14:00
    meeting = states.loc[scheduled == "meeting", "interval_start"]
    assert (meeting.dt.day_of_week == 2).all() and set(meeting.dt.hour) == {13}


def test_adherence_of_the_week_counted_by_hand(states):
    """Independent count for every agent (plain Python over the rows) against intraday.adherence; and the
    week's levels are what the generator's rates imply (adherence near 1 - aux - deviations)."""
    from wfmcourse.domain import intraday

    table = intraday.adherence(states)
    days = {}
    for agent, start, planned, actual in states[["agent", "interval_start", "scheduled", "state"]].itertuples(
            index=False):
        days.setdefault((agent, start.date()), []).append((planned, actual))
    counts = {}
    for (agent, _), rows in days.items():
        c = counts.setdefault(agent, [0, 0, 0])
        if all(actual == "logged_out" for planned, actual in rows if planned != "off"):
            continue                                   # a sick day leaves the schedule
        c[0] += sum(planned != "off" for planned, _ in rows)
        c[1] += sum(planned != "off" and intraday.STATE_ACTIVITY[actual] == planned for planned, actual in rows)
        c[2] += sum(actual in ("available", "in_contact", "acw") for _, actual in rows)
        for activity in ("break", "training", "meeting", "coaching"):
            c[2] += min(sum(actual == activity for _, actual in rows), sum(planned == activity for planned, _ in rows))
    for agent, (planned, adherent, worked) in counts.items():
        assert table.loc[agent, "adherence"] == pytest.approx(adherent / planned)
        assert table.loc[agent, "conformance"] == pytest.approx(worked / planned)
    assert 0.88 < table["adherence"].mean() < 0.95
    assert 0.88 < table["conformance"].mean() < 1.0
    assert (table["conformance"] >= table["adherence"]).all()
    # the figures data/README.md quotes (mean over the agents, whole percentages; rows)
    from wfmcourse.presentation import dutch

    readme = (data_path("README.md")).read_text(encoding="utf-8")
    assert (f"de adherence over de week gemiddeld ongeveer {dutch.percent(table['adherence'].mean(), 0)} en de "
            f"conformance ongeveer {dutch.percent(table['conformance'].mean(), 0)}") in " ".join(readme.split())
    assert f"{dutch.number(len(states), 0)} regels" in readme


def test_agent_states_file_is_checked(tmp_path):
    from wfmcourse.data.files import DataFileError

    lines = data_path("agent_states.csv").read_text(encoding="utf-8").splitlines()[:5]
    path = tmp_path / "agent_states.csv"
    path.write_text("\n".join(lines + [lines[2]]) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="duplicate") as info:
        datasets.load_agent_states(path)
    assert info.value.line == 6
    path.write_text("\n".join(lines[:2] + [lines[2].replace(",contact,", ",koffie,")]) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="scheduled"):
        datasets.load_agent_states(path)
    path.write_text("\n".join([lines[0], lines[2], lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="time order per agent"):
        datasets.load_agent_states(path)
