"""The staffing calculator: the pure calculation, its Dutch text, and the widget reacting to input."""
import math

import ipywidgets as widgets
import pytest

from wfmcourse.apps.calculator import (
    StaffingCalculator,
    calculate_chat_staffing,
    calculate_staffing,
    result_html,
    staffing_calculator,
)
from wfmcourse.domain import chat, erlang, staffing
from wfmcourse.presentation.messages import explain as explain_error


def test_worked_example_erlang_c():
    r = calculate_staffing(100, 180, interval=1800, awt=20, target=0.8)
    assert r["model"] == "Erlang C"
    assert r["traffic"] == 10.0 and r["agents"] == 14 and r["erlang_c_agents"] == 14
    assert r["p_wait"] == pytest.approx(0.1741, abs=5e-5)
    assert r["service_level"] == pytest.approx(0.888, abs=5e-4)
    assert r["asa"] == pytest.approx(7.8, abs=0.05)
    assert r["occupancy"] == pytest.approx(10 / 14)
    assert r["abandonment"] is None
    assert list(r["table"].index) == list(range(10, 19))
    assert r["table"].loc[14, "service_level"] == pytest.approx(r["service_level"])


def test_erlang_a_with_patience():
    r = calculate_staffing(100, 180, interval=1800, awt=20, target=0.8, patience=120)
    assert r["model"] == "Erlang A" and r["patience"] == 120.0
    assert r["agents"] == erlang.agents_needed(10.0, 180, 20, 0.8, patience=120) == 12
    assert r["erlang_c_agents"] == 14
    assert r["abandonment"] == pytest.approx(erlang.abandonment(12, 10.0, 180, 120))
    assert r["service_level"] >= 0.8 and r["p_wait"] is None
    assert "abandonment" in r["table"].columns


def test_interval_and_occupancy_cap_are_passed_on():
    quarter = calculate_staffing(50, 180, interval=900, awt=20, target=0.8)
    assert quarter["traffic"] == 10.0 and quarter["agents"] == 14
    big = calculate_staffing(4000, 180, interval=1800, awt=20, target=0.8, max_occupancy=0.85)
    assert big["occupancy"] <= 0.85
    assert big["agents"] == erlang.agents_needed(400.0, 180, 20, 0.8, max_occupancy=0.85)


def test_no_calls_needs_no_agents():
    r = calculate_staffing(0, 180, interval=1800, awt=20, target=0.8)
    assert r["agents"] == 0 and r["service_level"] == 1.0 and r["asa"] == 0.0
    assert r["table"].index.min() == 1
    assert "0 gesprekken" in result_html(r)
    # zero agents carry nothing: occupancy 0 (erlang.occupancy), shown as 0,0 % like the CLI
    assert r["occupancy"] == 0.0 and "Occupancy</td><td>0,0 %</td>" in result_html(r)


def test_unreachable_target_is_explained_in_dutch():
    """More calls than 2**53 agents can answer (the IntText has no upper limit)."""
    with pytest.raises(ValueError, match=r"^target=0\.8 .*2\*\*53") as info:
        calculate_staffing(10 ** 17, 180, interval=900, awt=20, target=0.8)
    assert (info.value.parameter, info.value.kind) == ("target", "unreachable")
    text = explain_error(info.value)
    assert text.startswith("Dit doel is niet te halen") and "9.007.199.254.740.992" in text
    assert "Ingevuld: 0,8." in text
    calc = staffing_calculator(calls=10 ** 17)
    assert calc.last is None and "niet te halen" in calc.result.value


def test_abandonment_cap_is_passed_on():
    r = calculate_staffing(100, 180, interval=1800, awt=20, target=0.8, patience=120, max_abandonment=0.02)
    assert r["agents"] == erlang.agents_needed(10.0, 180, 20, 0.8, patience=120,
                                               max_abandonment=0.02) > 12
    assert r["abandonment"] <= 0.02 and r["max_abandonment"] == 0.02


@pytest.mark.parametrize(
    "args, kwargs, name, dutch",
    [
        ((100, 1800, 0, 0.8, 20), {}, "aht", "AHT"),
        ((-5, 1800, 180, 0.8, 20), {}, "calls", "gesprekken"),
        ((100, 0, 180, 0.8, 20), {}, "interval", "interval"),
        ((100, 1800, 180, 80, 20), {}, "target", "service-leveldoel"),
        ((100, 1800, 180, 0.8, -1), {}, "awt", "AWT"),
        ((100, 1800, 180, 0.8, 20), {"patience": 0}, "patience", "geduld"),
        ((100, 1800, 180, 0.8, 20), {"max_occupancy": 1.5}, "max_occupancy", "occupancy"),
        ((100, 1800, 180, 0.8, 20), {"patience": 60, "max_abandonment": 0}, "max_abandonment",
         "afhaakpercentage"),
        ((100, 1800, 180, 0.8, 20), {"max_abandonment": 0.05}, "max_abandonment", "geduld"),
        (([100, 200], 1800, 180, 0.8, 20), {}, "calls", "gesprekken"),
    ],
)
def test_bad_input_raises_and_is_explained_in_dutch(args, kwargs, name, dutch):
    calls, interval, aht, target, awt = args
    with pytest.raises(ValueError, match=rf"^{name}") as info:
        calculate_staffing(calls, aht, interval=interval, awt=awt, target=target, **kwargs)
    assert info.value.parameter == name
    text = explain_error(info.value)
    assert dutch in text and "Ingevuld" in text


def test_explain_error_unknown_message():
    assert "kan niet worden doorgerekend" in explain_error(ValueError("something odd"))


def test_the_numbers_are_the_staffing_evaluator():
    row = staffing.evaluate(100, 180, interval=1800, awt=20, target=0.8, patience=120).iloc[0]
    r = calculate_staffing(100, 180, interval=1800, awt=20, target=0.8, patience=120)
    assert r["agents"] == row["agents_needed"] and r["traffic"] == row["traffic"]
    for key in ("service_level", "asa", "occupancy", "abandonment"):
        assert r[key] == row[key]


def test_result_html_is_dutch():
    text = result_html(calculate_staffing(100, 180, interval=1800, awt=20, target=0.8))
    for part in ("Erlang C", "10,00 Erlang", "<b>14</b>", "88,8 %", "7,8 s", "71,4 %",
                 "30 minuten", "niemand ophangt"):
        assert part in text, part
    a = result_html(calculate_staffing(100, 180, interval=1800, awt=20, target=0.8, patience=120))
    assert "Erlang A" in a and "6,2 %" in a and "Erlang C zou vragen" in a


def test_result_html_infinite_asa():
    r = calculate_staffing(100, 180, interval=1800, awt=20, target=0.8)
    r = dict(r, asa=math.inf)
    assert "oneindig" in result_html(r)


def test_widget_builds_with_the_worked_example():
    calc = staffing_calculator()
    assert isinstance(calc, StaffingCalculator) and isinstance(calc, widgets.HBox)
    assert calc.last["agents"] == 14
    assert "<b>14</b>" in calc.result.value
    assert calc.chart.value[:4] == b"\x89PNG"
    assert calc.patience.disabled


def test_changing_a_value_updates_the_output():
    calc = staffing_calculator()
    before = calc.result.value
    calc.calls.value = 200
    assert calc.result.value != before
    assert calc.last["agents"] == erlang.agents_needed(20.0, 180, 20, 0.8)
    assert f"<b>{calc.last['agents']}</b>" in calc.result.value
    calc.interval.value = 3600
    assert calc.last["traffic"] == 10.0
    calc.target.value = 90
    assert calc.last["target"] == 0.9 and calc.last["service_level"] >= 0.9


def test_patience_checkbox_switches_to_erlang_a():
    calc = staffing_calculator()
    calc.use_patience.value = True
    assert not calc.patience.disabled
    assert calc.last["model"] == "Erlang A" and "Afhaakpercentage" in calc.result.value
    calc.patience.value = 60
    assert calc.last["patience"] == 60.0
    calc.use_patience.value = False
    assert calc.last["model"] == "Erlang C" and calc.patience.disabled


def test_bad_input_in_the_widget_shows_a_dutch_message_not_a_traceback():
    calc = staffing_calculator()
    calc.aht.value = 0
    assert calc.last is None
    assert "Controleer de invoer" in calc.result.value and "AHT" in calc.result.value
    assert "Traceback" not in calc.result.value and "ValueError" not in calc.result.value
    assert calc.chart.layout.display == "none"
    calc.aht.value = 240
    assert calc.last["agents"] == erlang.agents_needed(erlang.traffic(100, 240, 1800), 240, 20, 0.8)
    assert calc.chart.layout.display is None
    calc.awt.value = -3
    assert "AWT" in calc.result.value


def test_starting_values_can_be_set():
    calc = staffing_calculator(calls=50, interval=900, aht=240, target=0.9, awt=30, patience=90)
    assert calc.target.value == 90 and calc.last["target"] == 0.9
    assert calc.use_patience.value and calc.patience.value == 90
    assert calc.last["model"] == "Erlang A" and calc.last["awt"] == 30.0


def test_agents_slider_follows_the_slider():
    from wfmcourse.apps.calculator import agents_slider

    box = agents_slider()
    assert "<b data-key='agents'>14</b>" in box.answer.value and "100 gesprekken per 30 minuten" in box.answer.value
    box.slider.value = 200
    needed = erlang.agents_needed(erlang.traffic(200, 180, 1800), 180, 20, 0.8)
    assert f"<b data-key='agents'>{needed}</b>" in box.answer.value


def test_widgets_stored_text_is_dutch():
    """A stored notebook shows a widget's plain-text form until the cell runs: a Dutch line."""
    from wfmcourse.apps.calculator import agents_slider

    for widget, word in ((staffing_calculator(), "bezettingscalculator"), (agents_slider(), "schuifje")):
        text = repr(widget)
        assert text.startswith("[") and word in text and "children" not in text


# ---------------------------------------------------------------------------
# chat: agents who handle several chats at once
# ---------------------------------------------------------------------------
CHAT = dict(max_chats=3, slowdown=0.25)


def test_chat_staffing_is_the_chat_engine():
    """120 chats per quarter-hour, AHT 600 s alone = 80 Erlang: the numbers of domain.chat."""
    r = calculate_chat_staffing(120, 600, interval=900, awt=60, target=0.8, **CHAT)
    n = chat.agents_needed(80.0, 600, 60, 0.8, **CHAT)
    assert r["traffic"] == 80.0 and r["agents"] == n
    assert r["service_level"] == pytest.approx(chat.service_level(n, 80.0, 600, 60, **CHAT), rel=1e-12)
    assert r["asa"] == pytest.approx(chat.asa(n, 80.0, 600, **CHAT), rel=1e-12)
    assert r["mean_concurrency"] == pytest.approx(chat.mean_concurrency(n, 80.0, 600, **CHAT), rel=1e-12)
    assert r["rule_of_thumb_agents"] == chat.rule_of_thumb_agents(80.0, 600, 60, 0.8, max_chats=3) < n
    table = r["table"]
    assert list(table.index) == list(range(n - 4, n + 5))
    assert table.loc[n, "service_level"] == pytest.approx(r["service_level"])
    assert table.loc[n - 1, "service_level"] < 0.8 <= table.loc[n, "service_level"]


def test_chat_with_one_chat_at_a_time_is_erlang_c_and_erlang_a():
    for patience in (None, 120):
        phone = calculate_staffing(100, 180, interval=1800, awt=20, target=0.8, patience=patience)
        one = calculate_chat_staffing(100, 180, interval=1800, awt=20, target=0.8, max_chats=1, slowdown=0.5,
                                      patience=patience)
        assert one["agents"] == phone["agents"] == (14 if patience is None else 12)
        for key in ("service_level", "asa", "occupancy") + (() if patience is None else ("abandonment",)):
            assert one[key] == pytest.approx(phone[key], rel=1e-12, abs=1e-12), key


def test_chat_result_html_is_dutch():
    text = result_html(calculate_chat_staffing(120, 600, interval=900, awt=60, patience=300, **CHAT))
    for part in ("120 chats per 15 minuten", "AHT 600 s", "hoogstens 3 tegelijk", "klanten haken af",
                 "900 s per chat", "Chats tegelijk (gemiddeld)", "Afhaakpercentage", "Vuistregel: Erlang A / 3"):
        assert part in text, part


def test_chat_checkbox_switches_the_calculator_to_chat():
    calc = staffing_calculator(calls=120, interval=900, aht=600, awt=60)
    assert calc.last["model"] == "Erlang C" and calc.max_chats.disabled and calc.slowdown.disabled
    calc.use_chat.value = True
    assert not calc.max_chats.disabled and calc.calls.description == "Chats per interval"
    assert calc.last["agents"] == chat.agents_needed(80.0, 600, 60, 0.8, **CHAT)
    assert "Vuistregel" in calc.result.value and calc.chart.value[:4] == b"\x89PNG"
    calc.max_chats.value = 2
    calc.slowdown.value = 0
    assert calc.last["agents"] == chat.agents_needed(80.0, 600, 60, 0.8, max_chats=2)
    calc.use_patience.value = True
    assert calc.last["abandonment"] == pytest.approx(
        chat.abandonment(calc.last["agents"], 80.0, 600, 120, max_chats=2))
    calc.use_chat.value = False
    assert calc.last["model"] == "Erlang A" and calc.calls.description == "Gesprekken per interval"


def test_chat_starting_values_and_bad_input():
    calc = staffing_calculator(calls=40, interval=900, aht=300, awt=60, max_chats=2, slowdown=0.1)
    assert calc.use_chat.value and calc.max_chats.value == 2 and calc.slowdown.value == 10
    assert calc.last["agents"] == chat.agents_needed(erlang.traffic(40, 300, 900), 300, 60, 0.8,
                                                     max_chats=2, slowdown=0.1)
    calc.calls.value = -1
    assert calc.last is None and "Het aantal chats moet 0 of meer zijn" in calc.result.value
    with pytest.raises(ValueError, match="^max_chats") as info:
        calculate_chat_staffing(40, 300, max_chats=0)
    assert "chats tegelijk per medewerker" in explain_error(info.value)
    with pytest.raises(ValueError, match="^slowdown") as info:
        calculate_chat_staffing(40, 300, max_chats=2, slowdown=25)
    assert "0,25 voor 25 %" in explain_error(info.value)
