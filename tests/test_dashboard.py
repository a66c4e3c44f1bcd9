"""The consultant dashboard: parsing, the staffing plan and its totals, Excel, Dutch errors, the widget."""
import base64
import datetime as dt
import html
import io
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfmcourse.apps import dashboard as d
from wfmcourse.data.files import DataFileError
from wfmcourse.domain import erlang
from wfmcourse.presentation.messages import explain
from wfmcourse.validation import ParameterValueError


# ---------------------------------------------------------------------------
# typed input
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, calls", [
    ("80 110 140", [80, 110, 140]),
    ("80\n110\n\n140\n", [80, 110, 140]),
    ("80; 110;140", [80, 110, 140]),
    ("80, 110, 12,5", [80, 110, 12.5]),
    ("12.5 0", [12.5, 0]),
    ("100", [100]),
    ("1e3 1.234,5", [1000, 1234.5]),         # the number rules of dutch.parse_number
])
def test_parse_calls(text, calls):
    assert d.parse_calls(text).tolist() == calls


@pytest.mark.parametrize("text, kind, value", [
    ("", "empty", ""), ("   ", "empty", "   "), ("80 -5", "too_small", "-5"),
    ("80 tachtig", "not_a_number", "tachtig"), ("1.234", "ambiguous_number", "1.234"),
])
def test_parse_calls_rejects(text, kind, value):
    with pytest.raises(ParameterValueError, match=r"^calls ") as info:
        d.parse_calls(text)
    assert (info.value.parameter, info.value.kind, info.value.value) == ("calls", kind, value)


def test_interval_labels_go_on_past_midnight():
    assert d.interval_labels("23:30", 900, 4) == ["23:30", "23:45", "00:00", "00:15"]
    assert d.interval_labels("8.00", 1800, 3) == ["08:00", "08:30", "09:00"]
    assert d.interval_labels(dt.time(7, 0), 3600, 0) == []


@pytest.mark.parametrize("text", ["24:00", "8", "08:60", "acht uur", ""])
def test_parse_start_rejects(text):
    with pytest.raises(ValueError, match=r"^start must be a time of day like 08:00, got ") as info:
        d.parse_start(text)
    assert info.value.kind == "format"


# ---------------------------------------------------------------------------
# uploaded files
# ---------------------------------------------------------------------------
def test_read_forecast_comma_file_with_aht_per_row():
    content = b"interval_start,calls,aht\n2026-11-23 08:00,80,300\n2026-11-23 08:15,90,\n"
    forecast = d.read_forecast("prognose.csv", content, aht=240)
    assert forecast.name == "prognose.csv"
    assert forecast.labels == ["2026-11-23 08:00", "2026-11-23 08:15"]
    assert forecast.calls.tolist() == [80, 90] and forecast.aht.tolist() == [300, 240]


def test_read_forecast_dutch_excel_file():
    """Dutch Excel: BOM, semicolons and decimal commas; the label column may be called start."""
    content = "\ufeffstart;calls\nma 08:00;12,5\nma 08:15;20\n".encode("utf-8")
    forecast = d.read_forecast("C:\\Users\\x\\week.csv", content, aht=180)
    assert forecast.name == "week.csv"
    assert d.read_forecast("..", b"calls\n5\n", aht=180).name == "upload.csv"
    assert forecast.labels == ["ma 08:00", "ma 08:15"] and forecast.calls.tolist() == [12.5, 20]


def test_read_forecast_windows_encoding_and_no_labels():
    content = "calls;opmerking\n10;drukte na storing\n20;\u00e9\u00e9n\n".encode("cp1252")
    forecast = d.read_forecast("oud.csv", content, aht=200)
    assert forecast.labels == ["1", "2"] and forecast.calls.tolist() == [10, 20]


@pytest.mark.parametrize("content, line, column, problem", [
    (b"tijd,volume\n08:00,80\n", 1, "calls", "column is missing from the header"),
    (b"calls\n80\n-1\n", 3, "calls", "must be >= 0"),
    (b"calls\n80\nveel\n", 3, "calls", "not a number"),
    (b"calls,aht\n80,0\n", 2, "aht", "must be > 0"),
    (b"calls\n", 2, "calls", "the file has a header but no intervals"),
    (b"", None, None, "the file is empty"),
])
def test_read_forecast_errors_name_file_line_and_column(content, line, column, problem):
    with pytest.raises(DataFileError) as caught:
        d.read_forecast("prognose.csv", content, aht=180)
    error = caught.value
    assert (error.path.name, error.line, error.column) == ("prognose.csv", line, column)
    assert error.problem.startswith(problem)
    sentence = explain(error)
    assert sentence.startswith("Het bestand prognose.csv klopt niet")
    if line is not None:
        shown = {"calls": "gesprekken"}.get(column, column) if "missing" in problem else column
        assert f"regel {line}, kolom '{shown}'" in sentence


def test_read_forecast_refuses_huge_files():
    with pytest.raises(DataFileError, match="larger than"):
        d.read_forecast("groot.csv", b"calls\n" + b"1\n" * (d.MAX_UPLOAD_BYTES // 2), aht=180)


# ---------------------------------------------------------------------------
# the plan
# ---------------------------------------------------------------------------
def test_worked_example_one_interval_a_week():
    """By hand: 100 calls per 30 min, AHT 180 s -> 10 Erlang -> 14 agents for 80/20 (callcentrehelper
    example, checked in test_erlang). Shrinkage 15 % absence + 5 % breaks + 10 % other = 30 %.
    In-day shrinkage (5 + 10) / (100 - 15) = 17,6 %: 14 / 0.8235 = 17.0 -> 17 whole people (not
    14 / 0.7 = 20: who is on leave is not in the roster). Five days a week: net 14 x 0.5 h x 5 =
    35 h, gross 50 h, required FTE at 36 h = 50 / 36 = 1.389; rostered hours (efficiency without
    breaks 0.79, all shrinkage outside it) 35 / 0.79 / 0.70 = 63.29 h = 1.758 FTE."""
    plan = d.staffing_plan([100], 180, interval=1800, absence=0.15, breaks=0.05, other_shrinkage=0.10,
                           contract_hours=36, days_per_week=5)
    row = plan.intervals.iloc[0]
    assert row["traffic"] == 10.0 and row["agents_needed"] == 14 and row["agents_to_roster"] == 17
    assert row["occupancy"] == pytest.approx(10 / 14)
    t = plan.totals
    assert (t["agents_peak"], t["net_hours"]) == (14, pytest.approx(35))
    assert t["gross_hours"] == pytest.approx(50) and t["fte"] == pytest.approx(50 / 36)
    assert t["rostered_hours"] == pytest.approx(35 / 0.79 / 0.70)
    assert t["rostered_fte"] == pytest.approx(35 / 0.79 / 0.70 / 36)
    assert t["in_day_shrinkage"] == pytest.approx(0.15 / 0.85) and t["total_shrinkage"] == pytest.approx(0.3)
    assert t["service_level"] == pytest.approx(row["service_level"]) and t["abandonment"] is None
    assert plan.inputs["model"] == "Erlang C"


def test_totals_are_weighted_by_calls_and_agents():
    calls, aht = np.array([3.0, 300.0, 120.0]), np.array([200.0, 180.0, 240.0])
    plan = d.staffing_plan(calls, aht, interval=900, target=0.9, awt=15, patience=90,
                           absence=0.1, breaks=0.05, other_shrinkage=0.1, contract_hours=38,
                           labels=["a", "b", "c"])
    table = plan.intervals
    agents = erlang.agents_needed(erlang.traffic(calls, aht, 900), aht, 15, 0.9, patience=90)
    assert table["agents_needed"].tolist() == list(agents)
    ab = erlang.abandonment(agents, erlang.traffic(calls, aht, 900), aht, 90)
    t = plan.totals
    assert t["service_level"] == pytest.approx((table["service_level"] * calls).sum() / calls.sum())
    assert t["abandonment"] == pytest.approx((ab * calls).sum() / calls.sum())
    answered = calls * (1 - ab)
    assert t["asa"] == pytest.approx((table["asa"] * answered).sum() / answered.sum())
    assert t["occupancy"] == pytest.approx((table["occupancy"] * agents).sum() / agents.sum())
    assert t["fte"] == pytest.approx(agents.sum() * 0.25 / 0.75 / 38)
    assert list(table.index) == ["a", "b", "c"] and plan.inputs["model"] == "Erlang A"


def test_no_calls_at_all():
    plan = d.staffing_plan([0, 0], 180)
    t = plan.totals
    assert t["agents_peak"] == 0 and t["fte"] == 0
    assert t["service_level"] is None and t["asa"] is None
    # zero agents carry nothing: occupancy 0 (erlang.occupancy), per interval and in total
    assert t["occupancy"] == 0.0 and (plan.intervals["occupancy"] == 0.0).all()
    html_text = d.plan_html(plan)
    assert "–" in html_text and "<td data-key='occupancy'><b>0,0 %</b></td>" in html_text


def test_unreachable_target_is_explained_in_dutch():
    """1e17 calls in a quarter-hour need more than 2**53 agents: one Dutch sentence."""
    with pytest.raises(ValueError) as info:
        d.staffing_plan([1e17], 180)
    assert explain(info.value).startswith("Dit doel is niet te halen")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0, 400), min_size=1, max_size=12), st.floats(60, 600),
       st.sampled_from([None, 60.0, 300.0]), st.floats(0, 0.3), st.floats(0, 0.15), st.floats(0, 0.15),
       st.floats(0.3, 1), st.integers(1, 7))
def test_plan_properties(calls, aht, patience, absence, breaks, other, efficiency, days):
    plan = d.staffing_plan(calls, aht, interval=900, patience=patience, absence=absence, breaks=breaks,
                           other_shrinkage=other, roster_efficiency=efficiency, days_per_week=days)
    table, t = plan.intervals, plan.totals
    rate = absence + breaks + other
    assert (table["agents_to_roster"] >= table["agents_needed"]).all()
    assert table["agents_to_roster"].dtype.kind == "i"                              # whole people
    in_day = (breaks + other) / (1 - absence)
    assert (table["agents_to_roster"] - table["agents_needed"] / (1 - in_day) < 1).all()
    assert t["gross_hours"] == pytest.approx(t["net_hours"] / (1 - rate))
    assert t["rostered_hours"] == pytest.approx(t["net_hours"] / efficiency / (1 - rate))
    assert t["rostered_fte"] >= t["fte"] * (1 - 1e-12)              # roster loss never lowers the FTE
    assert t["rostered_fte"] == pytest.approx(t["rostered_hours"] / 36)
    assert t["fte"] == pytest.approx(t["gross_hours"] / 36)
    assert t["net_hours"] == pytest.approx(table["agents_needed"].sum() * 0.25 * days)
    if t["service_level"] is not None:
        busy = table[table["calls"] > 0]["service_level"]
        assert busy.min() - 1e-12 <= t["service_level"] <= busy.max() + 1e-12
        assert t["service_level"] >= 0.8 - 1e-12          # every interval meets 80/20
    for key in ("occupancy", "abandonment"):
        assert t[key] is None or 0 <= t[key] <= 1


def test_times_in_a_file_are_checked():
    week = [f"2026-11-{23 + day} {hour:02d}:{minute:02d}" for day in range(7) for hour in (8, 9)
            for minute in (0, 30)]
    plan = d.staffing_plan([10] * len(week), 180, interval=1800, labels=week)
    assert plan.totals["intervals"] == 28
    with pytest.raises(ValueError, match=r"^labels must be 900 s apart to match interval=900 s, "
                                         r"got a smallest step of 1800 s$") as info:
        d.staffing_plan([10] * len(week), 180, interval=900, labels=week)
    assert (info.value.kind, info.value.value) == ("step", 1800)
    assert explain(info.value, {"interval": 900}) == (
        "De tijden in het bestand liggen 30 minuten uit elkaar, maar de lengte van het interval "
        "staat op 15 minuten. Kies 30 minuten (of controleer de tijden in het bestand).")
    with pytest.raises(ValueError,
                       match=r"^days_per_week must be 1 when the labels already span 7 days, got 5") as info:
        d.staffing_plan([10] * len(week), 180, interval=1800, labels=week, days_per_week=5)
    assert info.value.kind == "labels_span" and "zet 'Dagen per week' op 1" in explain(info.value)
    with pytest.raises(ValueError, match=r"^labels must cover at most one week .* got 8 days") as info:
        d.staffing_plan([10] * 3, 180, interval=1800,
                        labels=["2026-11-23 08:00", "2026-11-23 08:30", "2026-11-30 08:00"])
    assert explain(info.value).startswith("Het bestand beslaat 8 dagen.")


@pytest.mark.parametrize("kwargs, pattern", [
    ({"calls": []}, r"^calls must be a non-empty sequence"),
    ({"calls": [10, -1]}, r"^calls must be >= 0, got -1 \(at index 1\)"),
    ({"aht": [180, 200, 300]}, r"^aht must be one number or one per interval \(2\)"),
    ({"aht": 0}, r"^aht must be > 0"),
    ({"interval": 0}, r"^interval must be > 0"),
    ({"days_per_week": 0}, r"^days_per_week must be >= 1, got 0"),
    ({"days_per_week": 2.5}, r"^days_per_week must be a whole number, got 2\.5"),
    ({"absence": 1.0}, r"^absence must be < 1, got 1.0"),
    ({"absence": 0.5, "breaks": 0.3, "other_shrinkage": 0.2}, r"total shrinkage must be < 1"),
    ({"roster_efficiency": 0}, r"^roster_efficiency must be > 0"),
    ({"roster_efficiency": 1.1}, r"^roster_efficiency must be <= 1"),
    ({"hourly_cost": -1}, r"^hourly_cost must be >= 0"),
    ({"calls": [10] * 97, "days_per_week": 5},
     r"^days_per_week must be 1 when the 97 intervals of 900 s cover more than a day"),
    ({"contract_hours": 0}, r"^contract_hours must be > 0"),
    ({"labels": ["x"]}, r"^labels must have one text per interval \(2\), got 1"),
    ({"target": 1.0}, r"^target must be"),
])
def test_plan_rejects_bad_input(kwargs, pattern):
    args = {"calls": [10, 20], "aht": 180, **kwargs}
    with pytest.raises(ValueError, match=pattern):
        d.staffing_plan(args.pop("calls"), args.pop("aht"), **args)


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------
def _plan():
    return d.staffing_plan([100, 140], 180, interval=1800, patience=120, days_per_week=5,
                           labels=["08:00", "08:30"])


def test_plan_html_is_dutch_and_marks_values():
    page = d.plan_html(_plan())
    peak = re.search(r"data-key='agents_peak'><b>(\d+)</b>", page).group(1)
    assert int(peak) == _plan().totals["agents_peak"]
    assert "Erlang A, geduld 120 s" in page and "per week (5 dagen)" in page
    assert re.search(r"data-key='fte'><b>\d+,\d</b>", page)       # decimal comma
    assert re.search(r"data-key='rostered_fte'><b>\d+,\d</b>", page)
    assert "Benodigde FTE" in page and "In te roosteren FTE (incl. roosterverlies, roosterefficiëntie 79 %)" in page
    assert "notebook 06" in page
    assert "medewerkers nodig" in page and "08:30" in page


def test_workbook_reads_back():
    plan = _plan()
    book = pd.read_excel(io.BytesIO(d.plan_workbook(plan, "bestand week47.csv")), sheet_name=None)
    assert list(book) == ["Samenvatting", "Per interval", "Invoer", "Aannames"]
    inputs = dict(zip(book["Invoer"]["onderdeel"], book["Invoer"]["waarde"]))
    assert inputs["Bron"] == "bestand week47.csv" and inputs["Rekenmodel"] == "Erlang A"
    assert float(inputs["Gemiddeld geduld (s)"]) == 120 and float(inputs["AHT (s, gewogen gemiddelde)"]) == 180
    rows = book["Per interval"]
    assert rows["medewerkers nodig"].tolist() == plan.intervals["agents_needed"].tolist()
    assert rows["afhaakpercentage"].to_numpy() == pytest.approx(plan.intervals["abandonment"].to_numpy())
    totals = dict(zip(book["Samenvatting"]["onderdeel"], book["Samenvatting"]["waarde"]))
    fte = next(v for k, v in totals.items() if k.startswith("In te roosteren FTE"))
    assert float(fte) == pytest.approx(plan.totals["rostered_fte"])
    lost = next(v for k, v in totals.items() if k == "Afhaakpercentage")
    assert float(lost) == pytest.approx(plan.totals["abandonment"])
    assert "Erlang A" in " ".join(book["Aannames"]["waarde"])


def test_download_link_carries_the_workbook():
    link = d.download_link(b"PK\x03\x04abc", "advies.xlsx")
    assert "download='advies.xlsx'" in link
    encoded = re.search(r"base64,([A-Za-z0-9+/=]+)'", link).group(1)
    assert base64.b64decode(encoded) == b"PK\x03\x04abc"


@pytest.mark.parametrize("call, dutch", [
    (lambda: d.parse_calls(""), "Vul minstens één"),
    (lambda: d.staffing_plan([1], 0), "De AHT moet groter dan 0"),
    (lambda: d.staffing_plan([1], 180, absence=1.0), "Verlof en verzuim moet 0 % of meer zijn"),
    (lambda: d.staffing_plan([1], 180, absence=0.6, breaks=0.4), "moeten samen onder 100 % blijven"),
    (lambda: d.staffing_plan([1] * 97, 180, days_per_week=5), "De invoer beslaat meer dan 24 uur"),
])
def test_errors_are_explained_in_dutch(call, dutch):
    with pytest.raises(ValueError) as info:
        call()
    assert dutch in explain(info.value)
    assert "kan niet worden doorgerekend" in explain(ValueError("something new, got 3"))


# ---------------------------------------------------------------------------
# the widget
# ---------------------------------------------------------------------------
def _upload(board, content, name="prognose.csv"):
    board.upload.value = ({"name": name, "type": "text/csv", "size": len(content),
                           "content": memoryview(content), "last_modified": dt.datetime(2026, 11, 23)},)


def test_dashboard_starts_with_the_example_and_reacts():
    board = d.dashboard()
    assert board.message.value == "" and board.plan is not None
    assert board.plan.totals["intervals"] == len(d.EXAMPLE_CALLS.split())
    assert "download=" in board.download.value and board.chart.value[:4] == b"\x89PNG"
    board.calls.value = "100"
    board.interval.value = 1800
    board.aht.value = "180"
    assert board.plan.totals["agents_peak"] == 14
    assert "data-key='agents_peak'><b>14</b>" in board.result.value
    board.use_patience.value = True
    assert board.plan.inputs["model"] == "Erlang A" and board.plan.totals["agents_peak"] == 12


@pytest.mark.parametrize("control, value, dutch", [
    ("calls", "80 veel", "Vul de gesprekken per interval in als getallen"),
    ("start", "25:00", "Vul de begintijd in"),
    ("aht", "0", "De AHT moet groter dan 0 seconden zijn: elk gesprek kost tijd. Ingevuld: 0."),
    ("aht", "drie minuten", "Dit is geen getal (gebruik een decimale komma of punt"),
    ("aht", "1.234", "Dit getal is dubbelzinnig"),
    ("target", "100", "Het service-leveldoel moet tussen 0 % en 100 %"),
    ("awt", "-1", "De wachttijdgrens (AWT)"),
    ("absence", "100", "Verlof en verzuim moet 0 % of meer zijn"),
    ("breaks", "80", "moeten samen onder 100 % blijven"),
    ("roster_efficiency", "120 %", "De roosterefficiëntie moet groter dan 0 % en hoogstens 100 % zijn"),
    ("max_occupancy", "0", "De maximale occupancy"),
    ("max_asa", "nul", "Dit is geen getal"),
    ("hourly_cost", "-5", "De uurkosten"),
    ("contract_hours", "0", "De contracturen per week"),
    ("days_per_week", "8", "'Dagen per week' moet een geheel getal van 1 tot en met 7 zijn. Ingevuld: 8."),
    ("days_per_week", "2,5", "Ingevuld: 2,5."),
])
def test_dashboard_bad_input_gives_a_dutch_message(control, value, dutch):
    """An error says what is wrong, marks the field and keeps the last good result, greyed."""
    board = d.dashboard()
    before = board.result.value
    getattr(board, control).value = value
    message = html.unescape(board.message.value)
    assert dutch in message and "Traceback" not in message
    assert board.plan is None and board.shown is not None
    assert board.result.value == before and board.chart.layout.display is None     # kept ...
    assert "wfm-verouderd" in board._outputs._dom_classes                          # ... greyed
    assert "download=" not in board.download.value                                 # no stale files
    field = getattr(board, control)
    assert board.error_field is field and "wfm-fout-veld" in field._dom_classes


def test_dashboard_patience_only_counts_when_ticked():
    board = d.dashboard()
    board.patience.value = "0"
    assert board.message.value == "" and board.patience.disabled
    board.use_patience.value = True
    assert "klantgeduld" in board.message.value and not board.patience.disabled


def test_dashboard_file_source():
    board = d.dashboard(interval=900)
    board.source.value = "file"
    assert board._typed.layout.display == "none" and board._file.layout.display is None
    assert "Kies een CSV-bestand" in board.message.value and board.plan is None
    _upload(board, b"interval_start;calls\n2026-11-23 08:00;50\n2026-11-23 08:15;62,5\n")
    assert board.message.value == "" and "prognose.csv" in board.file_status.value
    assert board.plan.intervals.index.tolist() == ["2026-11-23 08:00", "2026-11-23 08:15"]
    assert board.plan.intervals["calls"].tolist() == [50, 62.5]
    assert "bestand prognose.csv" in pd.read_excel(
        io.BytesIO(base64.b64decode(re.search(r"base64,([^']+)'", board.download.value).group(1))),
        sheet_name="Invoer")["waarde"].tolist()
    board.interval.value = 1800
    assert "liggen 15 minuten uit elkaar" in board.message.value
    board.aht.value = "0"                     # the field, not a missing column, is the problem
    assert "De AHT moet groter dan 0 seconden zijn" in html.unescape(board.message.value)
    board.aht.value = "drie"
    assert "Dit is geen getal" in html.unescape(board.message.value)
    board.aht.value = "300"
    _upload(board, b"calls\n80\n-3\n")
    assert "regel 3, kolom 'calls'" in html.unescape(board.message.value) and board.plan is None
    board.source.value = "typed"
    assert board.message.value == "" and board.plan is not None


def test_dashboard_never_shows_a_traceback(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    board = d.dashboard()
    monkeypatch.setattr(d, "staffing_plan", broken)
    board.calls.value = "10 20"
    assert "Dit kon niet worden doorgerekend (RuntimeError)" in board.message.value
    assert board.plan is None


def test_app_notebook_only_calls_the_package():
    import nbformat

    from wfmcourse.course.authoring import NOTEBOOK_DIR

    nb = nbformat.read(NOTEBOOK_DIR / "apps" / "bezettingscalculator.ipynb", as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert [cell.source for cell in code] == ["from wfmcourse import dashboard\n\ndashboard.dashboard()"]
    assert "nbval-ignore-output" in code[0].metadata.get("tags", [])
    assert nb.cells[0].source.startswith("# Bezettingscalculator")


def test_shipped_example_forecast_is_a_week_of_quarters():
    from wfmcourse.data.files import data_path

    path = data_path("prognose_week47.csv")
    forecast = d.read_forecast(path.name, path.read_bytes(), aht=300)
    plan = d.staffing_plan(forecast.calls, forecast.aht, interval=900, days_per_week=1,
                           labels=forecast.labels)
    assert plan.totals["intervals"] == len(forecast.calls) == 272
    assert forecast.labels[0] == "2025-11-17 08:00"
    with pytest.raises(ValueError, match="days_per_week must be 1 when the labels already span 6 days"):
        d.staffing_plan(forecast.calls, 300, interval=900, days_per_week=5, labels=forecast.labels)


def test_dashboard_uses_the_domain_not_the_command_line():
    """The staffing plan comes from domain.staffing.evaluate; no apps.cli, no domain.performance."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(d))
    imported = {node.module + "." + alias.name if isinstance(node, ast.ImportFrom) else alias.name
                for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names}
    assert "wfmcourse.domain.staffing" in imported
    assert not {name for name in imported if "cli" in name or "performance" in name or
                "tempfile" in name}


# ---------------------------------------------------------------------------
# issue 19: numbers that do not mislead, client input, what the client takes home
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, seconds", [("300", 300), ("5:00", 300), ("4 min", 240), ("4,5 min", 270),
                                           ("240 s", 240)])
def test_parse_seconds(text, seconds):
    assert d.parse_seconds(text, "aht") == seconds


@pytest.mark.parametrize("text, fraction", [("35", 0.35), ("35%", 0.35), ("35 %", 0.35), ("87,5 %", 0.875)])
def test_parse_percent(text, fraction):
    assert d.parse_percent(text, "target") == pytest.approx(fraction)
    assert d.parse_percent("  ", "max_occupancy", optional=True) is None


def test_parse_fields_refuse_in_dutch():
    with pytest.raises(ValueError) as info:
        d.parse_seconds("vier minuten", "aht")
    assert (info.value.parameter, info.value.kind) == ("aht", "not_a_number")
    assert explain(info.value).startswith("Dit is geen getal")
    with pytest.raises(ValueError) as info:
        d.parse_percent("veel", "target")
    assert info.value.parameter == "target"


def test_data_days():
    week = [f"2026-11-{23 + day} 08:00" for day in range(5)]
    assert d.data_days(week) == 5 and d.data_days(["08:00", "08:15"]) is None


def test_a_pasted_week_never_gives_five_weeks_of_fte():
    """272 quarter-hours typed with 'Dagen per week' 5 gave 140,6 FTE without a word."""
    with pytest.raises(ValueError) as info:
        d.staffing_plan([100] * 272, 300, interval=900, days_per_week=5)
    assert info.value.parameter == "days_per_week" and info.value.kind == "longer_than_a_day"
    assert "meer dan 24 uur" in explain(info.value)
    one = d.staffing_plan([100] * 272, 300, interval=900, days_per_week=1)
    assert one.totals["net_hours"] == pytest.approx(one.intervals["agents_needed"].sum() / 4)


def test_limits_reach_the_evaluator():
    base = d.staffing_plan([100], 180, interval=1800)
    capped = d.staffing_plan([100], 180, interval=1800, max_occupancy=0.6)
    assert capped.intervals["occupancy"].iloc[0] <= 0.6 < base.intervals["occupancy"].iloc[0]
    asa = d.staffing_plan([100], 180, interval=1800, max_asa=2)
    assert asa.intervals["asa"].iloc[0] <= 2
    lost = d.staffing_plan([100], 180, interval=1800, patience=60, max_abandonment=0.01)
    assert lost.intervals["abandonment"].iloc[0] <= 0.01
    assert lost.inputs["max_abandonment"] == 0.01


def test_compare_scenarios_by_hand():
    calls, aht = [100, 140], 180
    plans, table = d.compare_scenarios(
        calls, aht, interval=1800, hourly_cost=30,
        scenarios={"80/20": {}, "90/20": {"target": 0.9}, "+10 %": {"volume": 1.1},
                   "AHT -15 s": {"aht_change": -15}})
    assert plans["90/20"].totals["agents_peak"] == d.staffing_plan(calls, aht, interval=1800, target=0.9
                                                                   ).totals["agents_peak"]
    assert plans["+10 %"].intervals["calls"].tolist() == pytest.approx([110, 154])
    assert plans["AHT -15 s"].intervals["aht"].tolist() == [165, 165]
    assert list(table.columns) == ["80/20", "90/20", "+10 %", "AHT -15 s", "difference 90/20",
                                   "difference +10 %", "difference AHT -15 s"]
    base = plans["80/20"].totals
    assert table.loc["rostered_fte", "difference 90/20"] == pytest.approx(
        plans["90/20"].totals["rostered_fte"] - base["rostered_fte"])
    assert table.loc["cost_per_week", "80/20"] == pytest.approx(base["rostered_hours"] * 30)
    assert table.loc["cost_per_year", "80/20"] == pytest.approx(base["rostered_hours"] * 30 * 52)
    assert table.loc["fte", "difference 90/20"] > 0 and table.loc["fte", "difference AHT -15 s"] <= 0
    page = d.scenario_html(table)
    assert "verschil 90/20" in page and "Loonkosten per week" in page and "€ " in page


@pytest.mark.parametrize("scenarios, parameter", [
    ({}, "scenarios"), ({"x": {"agents": 3}}, "scenarios"), ({"x": {"aht_change": -180}}, "aht_change"),
    ({"x": {"volume": -0.5}}, "volume"),
])
def test_compare_scenarios_refuses(scenarios, parameter):
    with pytest.raises(ValueError) as info:
        d.compare_scenarios([10], 180, scenarios=scenarios)
    assert info.value.parameter == parameter


def _workbook(plan, **kwargs):
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(d.plan_workbook(plan, **kwargs)))


def test_workbook_looks_finished_and_equals_the_screen():
    plan = d.staffing_plan([100, 140, 120], 180, interval=1800, patience=120, hourly_cost=35,
                           labels=["08:00", "08:30", "09:00"])
    _, table = d.compare_scenarios([100, 140, 120], 180, interval=1800, patience=120, hourly_cost=35,
                                   labels=["08:00", "08:30", "09:00"],
                                   scenarios={"basis": {}, "90/20": {"target": 0.9}})
    book = _workbook(plan, scenarios=table)
    assert book.sheetnames == ["Samenvatting", "Per interval", "Scenario's", "Invoer", "Aannames"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B2" and all(cell.font.b for cell in sheet[1])
        assert sheet.column_dimensions["A"].width >= 10
    summary = {row[0].value: row[1] for row in book["Samenvatting"].iter_rows(min_row=2)}
    screen = dict(re.findall(r"data-key='(\w+)'><b>([^<]*)</b>", d.plan_html(plan)))
    for key, label, value, kind in d.summary_values(plan):
        cell = summary[label]
        assert cell.value == value or cell.value == pytest.approx(value)      # the number itself
        if kind == "percent":
            assert cell.number_format == "0.0 %"
            assert d.dutch.percent(cell.value) == html.unescape(screen[key])   # 88,8 % as on screen
        if kind == "one":
            assert cell.number_format == "#,##0.0" and d.dutch.number(cell.value, 1) == screen[key]
    per = book["Per interval"]
    headers = [c.value for c in per[1]]
    occupancy = headers.index("occupancy") + 1
    assert per.cell(2, occupancy).number_format == "0.0 %"
    assert per.cell(2, headers.index("in te roosteren") + 1).value == plan.intervals["agents_to_roster"].iloc[0]
    assert len(per._charts) == 1
    inputs = {row[0].value: row[1].value for row in book["Invoer"].iter_rows(min_row=2)}
    assert inputs["AHT (s, gewogen gemiddelde)"] == 180 and inputs["Roosterefficiëntie (zonder pauzes)"] == 0.79
    assert inputs["Verlof en verzuim"] == 0.15 and inputs["Uurkosten (€)"] == 35
    assumptions = " ".join(str(row[1].value) for row in book["Aannames"].iter_rows(min_row=2))
    assert "verlof" in assumptions and "79 %" in assumptions
    assert "notebook" not in assumptions and "wfmcourse" not in assumptions and "0,74" not in assumptions
    scen = {row[0].value: [c.value for c in row[1:]] for row in book["Scenario's"].iter_rows(min_row=2)}
    assert scen["In te roosteren FTE (incl. roosterverlies)"][2] == pytest.approx(
        table.loc["rostered_fte", "difference 90/20"])


def test_pdf_is_one_page():
    pdf = d.plan_pdf(_plan(), "ingetypt")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    link = d.download_link(pdf, "advies.pdf", "PDF")
    assert "data:application/pdf;base64," in link


def test_dashboard_reads_a_dutch_file_and_derives_the_days():
    board = d.dashboard(interval=900)
    board.source.value = "file"
    week = "".join(f"2026-11-{23 + day} 08:{minute:02d};{40 + day};4 min\n"
                   for day in range(5) for minute in (0, 15))
    _upload(board, ("Tijd;Gesprekken;Afhandeltijd\n" + week).encode("cp1252"))
    assert board.message.value == "" and board.plan is not None
    assert board.plan.intervals["aht"].tolist() == [240.0] * 10
    assert board.days_per_week.disabled and "5 dagen" in board.days_note.value
    assert board.plan.inputs["days_per_week"] == 1                # the file is the week


def test_dashboard_pasted_week_marks_days_per_week():
    board = d.dashboard(interval=900)
    board.calls.value = " ".join(["100"] * 272)
    assert board.error_field is board.days_per_week and board.plan is None
    assert "meer dan 24 uur" in html.unescape(board.message.value)
    board.days_per_week.value = "1"
    assert board.plan is not None and board.error_field is None
    assert "wfm-fout-veld" not in board.days_per_week._dom_classes
    assert "wfm-verouderd" not in board._outputs._dom_classes


def test_dashboard_never_blanks_an_output_while_updating():
    board = d.dashboard()
    seen = []
    for part in (board.result, board.download, board.scenarios):
        part.observe(lambda change: seen.append(change["new"]), names="value")
    board.aht.value = "5:00"
    board.target.value = "85 %"
    board.aht.value = "0"                          # an error: the numbers stay
    board.aht.value = "240"
    assert seen and all(value for value in seen)
    assert board.plan.inputs["target"] == pytest.approx(0.85)


def test_dashboard_scenarios_and_both_downloads():
    board = d.dashboard()
    board.hourly_cost.value = "35"
    board.scenario_aht["C"].value = "-15"
    assert "Loonkosten per week" in board.scenarios.value and "AHT -15 s" in board.scenarios.value
    links = re.findall(r"download='([^']+)' href='data:([^;]+);base64,([^']+)'", board.download.value)
    assert [name for name, _, _ in links] == ["bezettingsadvies.xlsx", "bezettingsadvies.pdf"]
    book = pd.read_excel(io.BytesIO(base64.b64decode(links[0][2])), sheet_name=None)
    assert "Scenario's" in book and base64.b64decode(links[1][2]).startswith(b"%PDF")
    board.scenario_volume["B"].value = "veel"
    assert board.error_field is board.scenario_volume["B"]


def test_scenario_differences_of_percentages_are_points():
    _, table = d.compare_scenarios([100], 180, interval=1800, scenarios={"a": {}, "b": {"target": 0.9}})
    page = d.scenario_html(table)
    assert "procentpunt" in page and re.search(r"<td data-key='fte'[^>]*>\+", page)


def test_dashboard_says_a_chats_column_is_not_counted():
    board = d.dashboard(interval=900)
    board.source.value = "file"
    _upload(board, b"tijd;gesprekken;chats\n08:00;40;12\n08:15;50;8\n")
    assert board.plan is not None and "kolom chats gelezen (20 chats)" in board.file_status.value
    assert d.read_forecast("f.csv", b"gesprekken;chats\n4;2\n", aht=180).chats.tolist() == [2.0]


# --- the consultant's review (#19 follow-up) ---------------------------------------------------
def _upload_file(board, content, name="f.csv"):
    board.source.value = "file"
    board.upload.value = ({"name": name, "type": "text/csv", "size": len(content), "content": memoryview(content),
                           "last_modified": dt.datetime(2026, 11, 23)},)


def test_an_aht_field_in_decimal_minutes_is_refused_naming_the_field():
    board = d.dashboard()
    board.aht.value = "4,7"
    assert board.plan is None and board.error_field is board.aht
    text = html.unescape(board.message.value)
    assert "AHT (seconden, of 5:00): Een AHT onder 20 seconden lijkt minuten; schrijf 4:42 of 4,7 min." in text
    board.aht.value = "4,7 min"
    assert board.plan is not None and board.plan.inputs["aht"] == pytest.approx(282)


def test_a_total_row_in_an_upload_is_refused_not_counted():
    board = d.dashboard()
    _upload_file(board, b"tijd;gesprekken;aht\n08:00;10;300\n08:15;20;300\nTotaal;30;300\n")
    assert board.plan is None and board.error_field is board.upload
    assert "totaalregel" in html.unescape(board.message.value)


def test_a_week_with_dutch_dates_is_detected_and_a_missing_wednesday_flagged():
    rows = "".join(f"{day}-11-2026 {hour:02d}:00;{10 + hour};300\n" for day in (23, 24, 26, 27) for hour in (8, 9))
    board = d.dashboard(interval=3600)
    _upload_file(board, ("tijd;gesprekken;aht\n" + rows).encode())
    assert board.plan is not None and board.plan.inputs["days_per_week"] == 1
    assert board.days_per_week.disabled and "4 dagen" in board.days_note.value
    assert "woensdag 25 nov 2026" in html.unescape(board.file_status.value)


def test_roster_efficiency_accepts_a_percentage_and_never_lowers_the_fte():
    board = d.dashboard()
    for typed in ("80 %", "80", "0,80"):
        board.roster_efficiency.value = typed
        assert board.plan is not None and board.plan.inputs["roster_efficiency"] == pytest.approx(0.8)
    board.roster_efficiency.value = "100 %"
    assert board.plan.totals["rostered_fte"] == pytest.approx(board.plan.totals["fte"])   # was below it


def test_client_documents_state_the_values_used_not_the_course():
    plan = d.staffing_plan([100, 120], 180, interval=1800, roster_efficiency=0.8, days_per_week=5)
    book = pd.read_excel(io.BytesIO(d.plan_workbook(plan)), sheet_name="Aannames")
    text = " ".join(map(str, book["waarde"]))
    assert "80 %" in text and "notebook" not in text and "cursus" not in text and "wfmcourse" not in text
    board = d.dashboard()
    assert "notebook 06" in board.roster_efficiency.tooltip          # the default's source: the app's help
    assert board.max_abandonment.description == "Maximaal afhaakpercentage (%)"


def test_workbook_has_signed_differences_date_times_and_the_pdf_a_week_title():
    import openpyxl

    labels = [f"2026-11-{day} 08:{minute:02d}" for day in (23, 24) for minute in (0, 30)]
    settings = dict(interval=1800, labels=labels, days_per_week=1, hourly_cost=35)
    plans, table = d.compare_scenarios([100, 120, 90, 110], 180, scenarios={"basis": {}, "90/20": {"target": 0.9}},
                                       **settings)
    plan = plans["basis"]
    book = openpyxl.load_workbook(io.BytesIO(d.plan_workbook(plan, scenarios=table)))
    scen = {row[0].value: row[1:] for row in book["Scenario's"].iter_rows(min_row=2)}
    level = scen["Service level"][2]                                # the difference column
    assert level.number_format == '+0.0" pp";-0.0" pp";0.0" pp"'
    assert level.value == pytest.approx(100 * table.loc["service_level", "difference 90/20"])
    assert scen["Medewerkers nodig (piek)"][2].number_format == "+#,##0;-#,##0;0"
    assert scen["Service level"][0].number_format == "0.0 %"       # the scenarios themselves stay percentages
    first = book["Per interval"].cell(2, 1)
    assert first.value == dt.datetime(2026, 11, 23, 8, 0) and first.number_format == "dd-mm-yyyy hh:mm"
    assert d._pdf_title(plan) == "Bezettingsadvies week 48 (23 nov 2026 t/m 24 nov 2026)"
    pdf = d.plan_pdf(plan)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    assert any(label.startswith("ASA (s") for _, label, _, _ in d.summary_values(plan))


def test_default_roster_efficiency_is_notebook_05s_week_roster_without_breaks():
    """The default (79 %) is notebook 06's roster of week 47 recomputed: hours needed over productive
    (paid minus breaks) hours, 1.033,75 / 1.306; breaks are in the shrinkage already."""
    from wfmcourse.data import datasets
    from wfmcourse.domain import erlang, forecast, kpi, roster

    data = datasets.load_intervals()
    calls = data["calls_offered"]
    week = calls["2025-11-17":"2025-11-23"]
    profile = forecast.profile_forecast(calls[:"2025-11-16"], index=week.index, weeks=8)
    last = data["2025-09-22":"2025-11-16"]
    answered = last["calls_answered"] > 0
    aht = kpi.weighted_aht(last.loc[answered, "aht"], last.loc[answered, "calls_answered"])
    needed = erlang.agents_needed(erlang.traffic(profile, aht, interval=900), aht, 20, 0.8)
    summary = roster.plan_week(needed, min_staff=2, min_shift_hours=6).summary()
    assert (summary["hours_needed"], summary["productive_hours"]) == (1033.75, 1306)
    assert d.ROSTER_EFFICIENCY == round(summary["hours_needed"] / summary["productive_hours"], 2)
