import numpy as np
import pandas as pd
import pytest

from wfmcourse.data import datasets
from wfmcourse.domain import kpi, reporting
from wfmcourse.validation import ParameterValueError


def contacts():
    return pd.DataFrame({
        "channel": ["telefoon"] * 5 + ["chat"],
        "wait": [10, 30, 3, 50, 20, 100],
        "abandoned": [False, False, True, True, False, False],
        "talk": [200, 300, 0, 0, 100, 400],
        "hold": [10, 0, 0, 0, 20, 0],
        "acw": [30, 40, 0, 0, 50, 10],
        "fcr": [True, True, False, False, True, True],
        "repeat": [False, True, False, True, False, False],
        "csat": pd.array([5, pd.NA, pd.NA, pd.NA, 3, 4], dtype="Int64"),
    })


def test_contact_summary_counts_by_hand():
    s = reporting.contact_summary(contacts(), channel="telefoon")
    assert s["offered"] == 5 and s["answered"] == 3 and s["abandoned"] == 2
    assert s["short_abandoned"] == 1 and s["answered_in_time"] == 2
    assert (s["talk"], s["hold"], s["acw"]) == (600, 30, 120)
    assert (s["wait_answered"], s["wait_abandoned"], s["wait_all"]) == (60, 53, 113)
    assert s["questions"] == 3 and s["repeat_contacts"] == 2 and s["surveys"] == 2
    # FCR counts questions: the repeat contact that solved the question (row 1) and the abandoned
    # first contact (row 2) are no first-contact resolutions; rows 0 and 4 are
    assert s["resolved_first_contact"] == 2
    assert kpi.aht(s["talk"], s["hold"], s["acw"], s["answered"]) == pytest.approx(250)


def test_contact_summary_all_channels_and_bad_input():
    assert reporting.contact_summary(contacts())["offered"] == 6
    with pytest.raises(ParameterValueError, match="channel"):
        reporting.contact_summary(contacts(), channel="mail")
    with pytest.raises(ParameterValueError, match="awt"):
        reporting.contact_summary(contacts(), awt=-1)
    with pytest.raises(ParameterValueError, match="missing"):
        reporting.contact_summary(contacts().drop(columns="fcr"))


def intervals():
    index = pd.date_range("2025-03-10 09:00", periods=4, freq="15min").append(
        pd.date_range("2025-03-17 09:00", periods=2, freq="15min"))
    return pd.DataFrame({
        "is_open": [True, True, True, False, True, True],
        "calls_offered": [100, 10, 0, 0, 50, 50],
        "calls_answered": [95, 10, 0, 0, 50, 40],
        "answered_in_time": [90, 5, 0, 0, 45, 30],
    }, index=index)


def test_interval_service_levels_drops_closed_and_empty():
    t = reporting.interval_service_levels(intervals())
    assert len(t) == 4
    np.testing.assert_allclose(t["service_level"], [0.9, 0.5, 0.9, 0.6])


def test_weekly_report_weighs_by_volume():
    r = reporting.weekly_report(intervals(), target=0.8)
    assert list(r["week"]) == [11, 12]
    first = r.iloc[0]
    assert first["service_level"] == pytest.approx(95 / 110)
    assert first["unweighted_mean"] == pytest.approx(0.7)
    assert first["share_below_target"] == pytest.approx(0.5)
    assert r.iloc[1]["service_level"] == pytest.approx(0.75)
    assert first["offered"] == 110 and first["intervals"] == 2


def test_share_below_target():
    assert reporting.share_below_target([0.9, 0.79, 0.8, 0.5]) == pytest.approx(0.5)
    with pytest.raises(ParameterValueError, match="service_levels"):
        reporting.share_below_target([80, 90])
    with pytest.raises(ParameterValueError, match="service_levels"):
        reporting.share_below_target([])


def test_contacts_per_question_is_geometric():
    assert reporting.contacts_per_question(0.8) == pytest.approx(1.25)
    assert reporting.contacts_per_question(0.8, callback=0.5) == pytest.approx(1 / 0.9)
    assert reporting.contacts_per_question(1.0, callback=0.3) == 1.0
    # the geometric series: 1 + p + p^2 + ... with p = (1 - fcr) * callback
    p = 0.2 * 0.75
    assert reporting.contacts_per_question(0.8, 0.75) == pytest.approx(sum(p ** k for k in range(60)))
    with pytest.raises(ParameterValueError, match="fcr"):
        reporting.contacts_per_question(0.0)
    with pytest.raises(ParameterValueError, match="fcr"):
        reporting.contacts_per_question(1.2)


def test_workload_hours():
    assert reporting.workload_hours(3600, 300, 1.0) == pytest.approx(300)
    assert reporting.workload_hours(3600, 300, 0.75) == pytest.approx(400)
    with pytest.raises(ParameterValueError, match="aht"):
        reporting.workload_hours(10, -1, 0.8)


def test_agent_time_summary():
    hours = pd.DataFrame({"paid_hours": [8, 8], "scheduled_hours": [7, 6],
                          "logged_in_hours": [6.5, 6], "productive_hours": [5, 4]})
    s = reporting.agent_time_summary(hours)
    assert s["paid"] == 16 and s["idle"] == pytest.approx(3.5) and s["not_logged_in"] == pytest.approx(0.5)
    assert kpi.occupancy(s["productive"], s["idle"]) == pytest.approx(9 / 12.5)
    with pytest.raises(ParameterValueError, match="productive_hours"):
        reporting.agent_time_summary(hours.assign(productive_hours=[-1, 2]))


def test_service_level_by_hour_weighs_all_days_of_the_hour():
    index = pd.date_range("2025-03-17 09:00", periods=2, freq="15min").append(
        pd.date_range("2025-03-18 09:00", periods=2, freq="15min"))
    intervals = pd.DataFrame({"is_open": 1, "calls_offered": [10, 30, 20, 40],
                              "calls_answered": [10, 30, 20, 40], "answered_in_time": [10, 15, 20, 20]},
                             index=index)
    table = reporting.service_level_by_hour(intervals, weeks=[12])
    assert table.loc[12, 9] == pytest.approx((10 + 15 + 20 + 20) / (10 + 30 + 20 + 40))
    with pytest.raises(ParameterValueError, match=r"weeks must be ISO weeks with calls in intervals, got \[13\]"):
        reporting.service_level_by_hour(intervals, weeks=[12, 13])
    with pytest.raises(ParameterValueError, match="weeks must be <= 53"):
        reporting.service_level_by_hour(intervals, weeks=[54])


def test_week_12_has_the_training_block():
    """The synthetic year plants a training on the morning peak of week 12 (wfmcourse.data.synth)."""
    table = reporting.service_level_by_hour(datasets.load_intervals(), weeks=[11, 12, 13])
    assert table.loc[12, 10] < 0.6 and table.loc[12, 10] == table.min().min()
    assert (table.loc[12, 12:] > 0.9).all()


def test_contacts_per_question_and_workload_keep_a_series_index():
    weeks = pd.Index([10, 11, 12], name="week")
    fcr = pd.Series([0.8, 0.75, 1.0], index=weeks)
    per_question = reporting.contacts_per_question(fcr)
    assert isinstance(per_question, pd.Series) and per_question.index.equals(weeks)
    np.testing.assert_allclose(per_question.to_numpy(), [1.25, 4 / 3, 1.0])
    hours = reporting.workload_hours(pd.Series([3600, 3600, 7200], index=weeks), 300, fcr)
    assert isinstance(hours, pd.Series) and hours.index.equals(weeks)
    np.testing.assert_allclose(hours.to_numpy(), [375.0, 400.0, 600.0])
    assert isinstance(reporting.workload_hours(3600, 300, 0.75), float)
    assert isinstance(reporting.contacts_per_question([0.8, 0.5]), np.ndarray)


def test_tables_have_english_names_with_dutch_headers():
    from wfmcourse.presentation import dutch
    assert reporting.contact_summary(contacts()).name == "total"
    assert dutch.table(reporting.contact_summary(contacts())).columns.tolist() == ["totaal"]
    hours = pd.DataFrame({"paid_hours": [8.0], "scheduled_hours": [7.0], "logged_in_hours": [6.0],
                          "productive_hours": [4.0]})
    assert reporting.agent_time_summary(hours).name == "hours"
    assert dutch.table(reporting.agent_time_summary(hours)).columns.tolist() == ["uren"]
