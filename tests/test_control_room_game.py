"""De controlekamer widget (wfmcourse.apps.control_room_game), driven in Python through its click handlers:
the numbers it shows are the domain's (wfmcourse.domain.control_room), a refusal is shown in Dutch and
leaves the hour, and a fixed sequence of clicks replays the fixed day of tests/test_control_room.py."""
import pandas as pd
import pytest
from test_control_room import REPLAY

from wfmcourse.apps import control_room_game as game
from wfmcourse.data import datasets
from wfmcourse.domain import control_room as cr
from wfmcourse.presentation import dutch, messages
from wfmcourse.validation import ParameterTypeError, ParameterValueError


@pytest.fixture(scope="module")
def plan():
    day = datasets.game_day()
    return day["forecast_calls"], day["agents_needed"]


def click(widget, hours, script=None):
    """Play ``hours`` hours; ``script`` = {hour: {action: agents or None}} ticks the boxes first."""
    for _ in range(hours):
        for name, agents in (script or {}).get(widget.state.hour, {}).items():
            widget.choices[name].value = True
            if agents is not None:
                widget.agents[name].value = agents
        widget.next_hour.click()


def test_the_game_day_is_the_day_of_the_domain_tests(plan):
    year = datasets.load_intervals().loc[datasets.GAME_DAY]
    year = year[year["is_open"]]
    pd.testing.assert_series_equal(plan[0], year["forecast_calls"])
    pd.testing.assert_series_equal(plan[1], year["agents_needed"])
    assert len(plan[0]) == 48 and plan[0].index[0] == pd.Timestamp("2025-03-04 08:00")
    with pytest.raises(ParameterValueError, match="date"):
        datasets.game_day("2025-01-01")                     # New Year's Day: closed
    with pytest.raises(ParameterTypeError, match="date"):
        datasets.game_day(20250304)


def test_before_start_and_after_start(plan):
    widget = game.control_room(*plan)
    assert widget.state is None and "Start de dag" in widget.status.value
    assert widget.playbook.layout.display == "none" and widget.monitor.value == ""
    assert repr(widget).startswith("[de controlekamer")
    assert widget.seed.description == "Dagnummer" and "Hetzelfde dagnummer geeft dezelfde dag" in widget.seed_note.value
    assert widget.agents["move_from_chat"].max == cr.CHAT_TEAM
    widget.next_hour.click()                                # nothing to play yet
    assert widget.state is None
    widget.scenario.value, widget.seed.value = "it_outage", 5
    widget.start.click()
    assert widget.state == cr.new_day(*plan, seed=5, scenario="it_outage")
    assert widget.playbook.layout.display is None
    assert "Het is 08:00" in widget.status.value and "0 van de 12 uur" in widget.status.value


def test_the_monitoring_view_shows_the_domain_numbers(plan):
    widget = game.control_room(*plan, scenario="campaign", seed=3)
    widget.start.click()
    click(widget, 3, {2: {"overtime": 2, "cancel_coaching": None}})
    expected = cr.play(cr.new_day(*plan, seed=3), lambda s: {2: (cr.Action("overtime", 2),
                                                                 cr.Action("cancel_coaching"))}.get(s.hour, ())
                       if s.hour < 3 else ())
    view = cr.view(widget.state)
    assert widget.state.hour == 3 and view.equals(cr.view(expected).iloc[:3])
    shown = game.monitor_table(widget.state)
    assert list(shown.index) == ["08:00", "09:00", "10:00"] and shown.index.name == "uur vanaf"
    for column in ("offered", "answered_in_time", "abandoned", "queue", "agents"):
        assert shown[dutch.LABELS[column]].tolist() == [dutch.number(v, 0) for v in view[column]]
    assert shown["service level tot nu"].tolist() == [dutch.percent(v) for v in view["service_level_so_far"]]
    for cell in shown["aangeboden"]:
        assert f"<td>{cell}</td>" in widget.monitor.value
    last = view["service_level_so_far"].iloc[-1]
    assert f"service level tot nu (binnen 20 s): {dutch.percent(last)}" in widget.status.value
    # the coming hour's plan: the forecast of 11:00-12:00 and the agents after the 10:00 overtime
    forecast = sum(widget.state.day.forecast[12:16])
    assert f"forecast {dutch.number(forecast, 0)} gesprekken" in widget.status.value
    assert all(not box.value for box in widget.choices.values())          # unticked after the hour


def test_a_refusal_is_explained_in_dutch_and_the_hour_waits(plan):
    widget = game.control_room(*plan)
    widget.start.click()
    click(widget, 1, {0: {"move_training": None}})
    before = widget.state
    click(widget, 1, {1: {"move_training": None}})              # the training can move once
    assert widget.state is before
    with pytest.raises(ParameterValueError) as info:
        cr.step(before, (cr.Action("move_training"),))
    text = messages.explain(info.value, {"actions": "Training verplaatsen"})
    assert text.startswith("De training is al verplaatst") and "Ingevuld: Training verplaatsen." in text
    assert text in widget.message.value.replace("&#x27;", "'") and "wfm-fout" in widget.message.value
    widget.choices["move_training"].value = False
    widget.next_hour.click()
    assert widget.state.hour == 2 and widget.message.value == ""
    widget.choices["voluntary_time_off"].value = True
    widget.agents["voluntary_time_off"].value = 1
    widget.next_hour.click()                                    # 10:00: time off only in the quiet evening
    assert widget.state.hour == 2 and f"pas vanaf {cr.TIME_OFF_FROM}:00" in widget.message.value
    widget.agents["voluntary_time_off"].value = 1
    widget.choices["voluntary_time_off"].value = False
    click(widget, 2, {2: {"move_from_chat": cr.CHAT_TEAM}, 3: {"move_from_chat": cr.CHAT_TEAM}})
    click(widget, 1, {4: {"move_from_chat": 1}})                # the day's chat hours are used up
    assert widget.state.hour == 4 and widget.state.chat_hours_taken == cr.CHAT_HOURS_MAX
    assert "Zoveel medewerkers van de chat zijn er niet" in widget.message.value


def test_a_running_ivr_message_or_callback_cannot_be_ticked_again(plan):
    widget = game.control_room(*plan, scenario="it_outage")
    widget.start.click()
    click(widget, 1, {0: {"ivr_message": None, "callback": None}})
    assert widget.state.ivr_from == 0 and widget.state.callback_from == 0
    for name in ("ivr_message", "callback"):
        assert widget.choices[name].disabled and "(staat aan)" in widget.choices[name].description


def test_a_fixed_sequence_of_clicks_replays_the_fixed_day(plan):
    """The replay of tests/test_control_room.py (campaign, seed 3; at 10:00 coaching cancelled and two
    overtime agents; callbacks from 13:00), now through the buttons; the summary shows the domain's day
    beside the two references."""
    widget = game.control_room(*plan, scenario="campaign", seed=3)
    widget.start.click()
    click(widget, 12, {2: {"cancel_coaching": None, "overtime": 2}, 5: {"callback": None}})
    result = cr.evaluate_day(widget.state)
    assert (result["service_level"], result["abandoned"], result["callbacks"]) == REPLAY
    assert widget.playbook.layout.display == "none" and "De dag is voorbij (20:00)" in widget.status.value
    refs = cr.references(widget.state)
    shown = game.summary_table(widget.state)
    assert list(shown.index) == ["jij", "niets doen", "draaiboek"]
    assert shown["service level"].tolist() == [dutch.percent(v) for v in refs["service_level"]]
    assert shown["afgehaakt"].tolist() == [dutch.number(v, 0) for v in refs["abandoned"]]
    assert shown["kosten (euro)"].tolist() == [dutch.number(v, 2) for v in refs["cost"]]
    assert shown["overuren"].tolist() == [dutch.number(v, 1) for v in refs["overtime_hours"]]
    assert shown["uitgestelde uren"].tolist() == [dutch.number(v, 1) for v in refs["postponed_hours"]]
    assert "uren weg van de chat (chat-SL daalt)" in shown.columns and "kosten (euro)" in shown.columns
    assert "wfm-dag-klaar" in widget.summary.value
    for cell in shown["service level"]:
        assert f"<td>{cell}</td>" in widget.summary.value
    back = cr.feedback(widget.state)
    assert f"Volume t.o.v. forecast: {dutch.number(back['volume_vs_forecast'], 2)}" in widget.summary.value
    assert shown["binnen de afhaakgrens"].tolist() == ["ja" if a <= cr.MAX_ABANDONMENT else "nee"
                                                      for a in refs["abandonment"]]
    assert "Negatieve kosten zijn een besparing" in widget.summary.value
    widget.next_hour.click()                                    # the day is over: nothing happens
    assert widget.state.hour == 12
    widget.start.click()                                        # a new day starts from the opening
    assert widget.state.hour == 0 and widget.summary.value == ""


def test_action_texts_show_cost_and_limits():
    assert "€ 36,00 per medewerker per uur" in game.action_text("overtime")          # hiring.Costs: 1,5 x € 24
    assert "een uur vooraankondiging" in game.action_text("overtime")
    assert "Eén keer" in game.action_text("move_training") and "10:00" in game.action_text("move_training")
    assert "50 %" in game.action_text("ivr_message") and "40 %" in game.action_text("callback")
    assert "dienstverlenging" in game.action_text("overtime") and "cao" in game.action_text("overtime")
    assert "€ 0,00" in game.action_text("move_from_chat")
    assert "service level van de chat" in game.action_text("move_from_chat")
    assert "€ 0,00" in game.action_text("cancel_coaching") and "uitgesteld" in game.action_text("cancel_coaching")
    assert "€ 24,00" in game.action_text("voluntary_time_off") and "vast contract" in game.action_text(
        "voluntary_time_off")
    assert "onaangekondigde actie" in game.action_text("ivr_message")
    assert "€ 36,00 per uur belwerk" in game.action_text("callback")              # after closing: the overtime rate
    assert f"vanaf {cr.TIME_OFF_FROM}:00" in game.action_text("voluntary_time_off")
    assert "minstens 1 medewerker" in game.action_text("voluntary_time_off")
    assert "negatieve kosten" in game.action_text("voluntary_time_off")
    assert set(game.ACTION_NAMES) == set(cr.ACTIONS) and set(game.SCENARIO_NAMES) == set(cr.SCENARIOS)
    with pytest.raises(ParameterValueError, match="name"):
        game.action_text("coffee")


def test_bad_arguments(plan):
    with pytest.raises(ParameterValueError, match="scenario"):
        game.control_room(*plan, scenario="flood")
    with pytest.raises(ParameterValueError, match="seed"):
        game.control_room(*plan, seed=-1)
    with pytest.raises(ParameterValueError, match="agents"):
        game.control_room(plan[0], plan[1].iloc[:10])
    with pytest.raises(ParameterValueError, match="state"):
        game.summary_table(cr.new_day(*plan))                 # the day is not over
    with pytest.raises(ParameterTypeError, match="state"):
        game.monitor_table("state")


def test_the_chart_is_drawn_on_request_from_the_view(plan):
    from matplotlib.figure import Figure

    from wfmcourse.presentation import charts

    widget = game.control_room(*plan)
    widget.start.click()
    widget.next_hour.click()
    assert widget.chart.layout.display == "none" and bytes(widget.chart.value) == b""    # off by default: fast clicks
    widget.show_chart.value = True
    assert widget.chart.layout.display is None and bytes(widget.chart.value).startswith(b"\x89PNG")
    widget.next_hour.click()
    figure = charts.control_room_figure(cr.view(widget.state))
    assert isinstance(figure, Figure)
    bars, line = figure.axes[0], figure.axes[1]
    assert [p.get_height() for p in bars.patches] == cr.view(widget.state)["offered"].tolist()
    assert [t.get_text() for t in bars.get_xticklabels()] == ["08:00", "09:00"]
    assert list(line.lines[0].get_ydata()) == cr.view(widget.state)["service_level_so_far"].tolist()
    assert line.lines[1].get_ydata()[0] == 0.8                                      # the target
    with pytest.raises(ParameterValueError, match="view"):
        charts.control_room_figure(cr.view(widget.state).drop(columns="offered"))


def test_app_notebook_only_calls_the_package_and_names_the_game_day():
    """notebooks/apps/controlekamer.ipynb (Voila): one code cell that builds the widget; its text names the day
    that datasets.game_day plays and the closing hour of that day."""
    import nbformat

    from wfmcourse.course.authoring import NOTEBOOK_DIR

    nb = nbformat.read(NOTEBOOK_DIR / "apps" / "controlekamer.ipynb", as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert [cell.source for cell in code] == ["from wfmcourse import control_room_game\n\n"
                                              "control_room_game.control_room()"]
    assert "nbval-ignore-output" in code[0].metadata.get("tags", [])
    text = nb.cells[0].source
    assert text.startswith("# De controlekamer")
    day = datasets.game_day()
    weekday = dutch.DAY_NAMES[day.index[0].weekday()]
    assert f"op {weekday} {day.index[0].day} maart {day.index[0].year}" in text
    closing = day.index[-1] + pd.Timedelta(minutes=15)
    assert f"tot de dag om {closing:%H:%M} voorbij is" in text
    assert f"met de afhaakgrens van {dutch.percent(cr.MAX_ABANDONMENT, 0)}" in text     # the limit the summary uses
    assert "negatieve kosten" in text and "rustige avond" in text and cr.TIME_OFF_FROM >= 17
