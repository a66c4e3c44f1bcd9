"""Real-browser tests: Voilà serves the dashboard and the control room, JupyterLab runs notebooks 00 and 03
in Dutch.

Headless Chromium from the system (Debian package ``chromium``) driven by Playwright. The tests
start and stop their own servers on 127.0.0.1 with a random free port; every request that would
leave the machine is blocked and recorded. Screenshots land in ``test-artifacts/``.

Without a Chromium on the machine these tests are skipped with a message; ``.ci/run`` installs
Chromium and sets ``WFM_REQUIRE_BROWSER=1``, which turns a missing browser into a failure.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

from wfmcourse.apps import dashboard
from wfmcourse.domain import erlang
from wfmcourse.presentation import dutch

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
APP = ROOT / "notebooks" / "apps" / "bezettingscalculator.ipynb"
ROOM = ROOT / "notebooks" / "apps" / "controlekamer.ipynb"
DATA = ROOT / "data"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
# Voila's page template asks CDNs for Font Awesome (icons) and, behind Jupyter Server, MathJax
# (formulas; the dashboard has none). Offline the page works without them; nothing else may leave.
OPTIONAL_OUTSIDE = ("https://cdn.jsdelivr.net/npm/@fortawesome/",
                    "https://cdnjs.cloudflare.com/ajax/libs/mathjax/")
TOKEN = "wfm-browser-test"
SERVER_START_SECONDS = 90


def _chromium() -> str | None:
    wanted = os.environ.get("WFM_CHROMIUM")
    if wanted:
        return wanted
    return next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = _chromium()
    if executable is None:
        message = ("no Chromium found for the browser tests (Debian/Ubuntu: apt-get install chromium; "
                   "or set WFM_CHROMIUM to its path)")
        if os.environ.get("WFM_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=executable, args=CHROMIUM_FLAGS, headless=True,
            viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        yield context
        context.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _server(args, ready_url, log, env):
    """Start a server process, wait until ``ready_url`` answers, stop it (and its kernels) afterwards."""
    with open(log, "w") as out:
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{args[2]} stopped with code {process.returncode}:\n"
                                   f"{Path(log).read_text()[-3000:]}")
            try:
                urllib.request.urlopen(ready_url, timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{args[2]} did not answer within {SERVER_START_SECONDS} s:\n"
                                       f"{Path(log).read_text()[-3000:]}") from None
                time.sleep(0.3)
        yield
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _isolated_env(tmp) -> dict:
    """Jupyter's user folders in ``tmp``: no settings or workspaces of the person running the tests."""
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
                 "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
        env[name] = str(tmp / name.lower())
    return env


@pytest.fixture
def keep_failure(request):
    """Pages registered here get a screenshot and an HTML dump in test-artifacts/ when the test fails."""
    pages = []
    yield pages.append
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        for number, page in enumerate(pages):
            if not page.is_closed():
                stem = ARTIFACTS / f"FAILED-{request.node.name}-{number}"
                page.screenshot(path=stem.with_suffix(".png"), full_page=True)
                stem.with_suffix(".html").write_text(page.content())


def _guarded_page(browser):
    """A new page whose requests may only go to this machine; the rest is blocked and listed."""
    page = browser.new_page()
    page.outside = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(LOCAL):
            request_route.continue_()
        else:
            page.outside.append(url)
            request_route.abort()

    page.route("**/*", route)
    return page


def _assert_offline(page):
    unexpected = [url for url in page.outside if not url.startswith(OPTIONAL_OUTSIDE)]
    assert unexpected == [], f"the page tried to leave the machine: {unexpected}"


def _value(page, key) -> str:
    return page.locator(f"[data-key='{key}']").first.inner_text().strip()


# ---------------------------------------------------------------------------
# Voilà: the consultant dashboard
# ---------------------------------------------------------------------------
@contextmanager
def _voila(tmp, notebook, log):
    port = _free_port()
    args = [sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={port}",
            "--Voila.ip=127.0.0.1"]
    url = f"http://127.0.0.1:{port}/"
    ARTIFACTS.mkdir(exist_ok=True)
    with _server(args, url, ARTIFACTS / log, _isolated_env(tmp)):
        yield url


@pytest.fixture(scope="module")
def voila_url(tmp_path_factory):
    with _voila(tmp_path_factory.mktemp("voila"), APP, "voila.log") as url:
        yield url


def _download(page, name, path):
    with page.expect_download() as download_info:
        page.get_by_role("link", name=name).click()
    download_info.value.save_as(path)
    return path


def test_voila_dashboard_reacts_to_input(browser, voila_url, tmp_path, keep_failure):
    """Issue 19: typed input, both downloads opened and checked, a Dutch-header file, an error that
    keeps the last result (greyed, field marked) and a scenario comparison with cost."""
    page = _guarded_page(browser)
    keep_failure(page)
    page.set_viewport_size({"width": 1400, "height": 2000})
    page.goto(voila_url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-key='agents_peak']", timeout=120_000)
    assert "import" not in page.inner_text("body")                     # the code is hidden
    start = dashboard.staffing_plan(dashboard.parse_calls(dashboard.EXAMPLE_CALLS), 300, interval=1800,
                                    days_per_week=5)               # the dashboard's starting values
    assert _value(page, "agents_peak") == str(start.totals["agents_peak"])
    assert _value(page, "rostered_fte") == dutch.number(start.totals["rostered_fte"], 1)
    page.screenshot(path=ARTIFACTS / "voila-start.png", full_page=True)

    # a scenario comparison with an hourly cost (this screenshot is the README's)
    cost = page.get_by_label("Uurkosten (€, voor de scenario's)")
    cost.fill("35")
    cost.press("Tab")
    page.wait_for_selector(".wfm-scenarios >> text=Loonkosten per week", timeout=30_000)
    table = page.locator(".wfm-scenarios").inner_text()
    assert "B: 90 %" in table and "C: volume +10 %" in table and "verschil B: 90 %" in table
    page.screenshot(path=ARTIFACTS / "voila-scenarios.png", full_page=True)

    calls = page.get_by_label("Gesprekken per interval")
    calls.fill("100")
    calls.press("Tab")
    expected = erlang.agents_needed(erlang.traffic(100, 300, 1800), 300, 20, 0.8)
    page.wait_for_function(
        f"document.querySelector(\"[data-key='agents_peak']\")?.innerText.trim() === '{expected}'",
        timeout=30_000)
    assert _value(page, "intervals") == "1"

    # both downloads, opened and checked
    page.wait_for_selector("text=Download PDF (één pagina)", timeout=30_000)
    book = pd.read_excel(_download(page, "Download Excel-werkboek", tmp_path / "advies.xlsx"), sheet_name=None)
    assert list(book)[:2] == ["Samenvatting", "Per interval"] and "Aannames" in book
    assert book["Per interval"]["medewerkers nodig"].tolist() == [expected]
    summary = dict(zip(book["Samenvatting"]["onderdeel"], book["Samenvatting"]["waarde"]))
    assert summary["Medewerkers nodig aan de telefoon (piek)"] == expected
    pdf = _download(page, "Download PDF (één pagina)", tmp_path / "advies.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1

    assert "Loonkosten per week" in page.locator(".wfm-scenarios").inner_text()

    # a client's file with Dutch headers: the forecast of week 47 (15-minute intervals, six days)
    week47 = pd.read_csv(DATA / "prognose_week47.csv")
    dutch_file = tmp_path / "prognose_nl.csv"
    rows = "".join(f"{t};{dutch.number(c, 2, thousands=False)};5:00\n"
                   for t, c in zip(week47["interval_start"], week47["calls"]))
    dutch_file.write_text("Tijd;Gesprekken;Afhandeltijd\n" + rows, encoding="cp1252")
    page.get_by_role("button", name="CSV-bestand").click()
    with page.expect_file_chooser() as chooser:          # the upload button opens the file dialog
        page.locator(".widget-upload").click()
    chooser.value.set_files(dutch_file)
    page.wait_for_selector("text=De tijden in het bestand liggen 15 minuten uit elkaar", timeout=30_000)
    page.get_by_label("Lengte interval").select_option(label="15 minuten")
    page.wait_for_selector("text=Uit de tijden in het bestand: 6 dagen", timeout=30_000)
    week = dashboard.read_forecast("prognose_nl.csv", dutch_file.read_bytes())
    plan = dashboard.staffing_plan(week.calls, week.aht, interval=900, labels=week.labels, hourly_cost=35)
    page.wait_for_function(
        f"document.querySelector(\"[data-key='agents_peak']\")?.innerText.trim() === "
        f"'{plan.totals['agents_peak']}' && !document.querySelector('.wfm-fout')", timeout=30_000)
    assert _value(page, "fte") == dutch.number(plan.totals["fte"], 1)
    assert _value(page, "rostered_fte") == dutch.number(plan.totals["rostered_fte"], 1)
    page.screenshot(path=ARTIFACTS / "voila-file.png", full_page=True)

    # an error keeps the last result, greyed, and marks the field
    aht = page.get_by_label("AHT (seconden, of 5:00)")
    aht.fill("0")
    aht.press("Tab")
    page.wait_for_selector(".wfm-fout", timeout=30_000)
    assert "De AHT moet groter dan 0 seconden zijn" in page.locator(".wfm-fout").inner_text()
    assert page.locator(".wfm-verouderd .wfm-resultaat [data-key='agents_peak']").count() == 1      # still there, grey
    assert _value(page, "agents_peak") == str(plan.totals["agents_peak"])
    assert page.locator(".wfm-fout-veld input").count() == 1
    opacity = page.evaluate("getComputedStyle(document.querySelector('.wfm-verouderd')).opacity")
    assert float(opacity) < 1
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error displaying widget" not in body
    page.screenshot(path=ARTIFACTS / "voila-error.png", full_page=True)
    _assert_offline(page)
    page.close()


# ---------------------------------------------------------------------------
# Voilà: the control room (issue 18), one day played through the real widgets
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def room_url(tmp_path_factory):
    with _voila(tmp_path_factory.mktemp("voila-room"), ROOM, "voila-controlekamer.log") as url:
        yield url


def _room_status(page, text):
    """Wait until the control room's status line contains ``text`` (the kernel answered the click)."""
    page.wait_for_function(f"document.querySelector(\"[data-key='status']\")?.innerText.includes({text!r})",
                           timeout=60_000)


def test_voila_control_room_plays_a_day(browser, room_url, keep_failure):
    """Scenario, start, interventions (one refused, in Dutch), "Volgend uur" until 20:00, and the summary
    shows the day the domain computes for the same clicks beside the two references."""
    from wfmcourse.apps import control_room_game
    from wfmcourse.data import datasets
    from wfmcourse.domain import control_room as cr

    page = _guarded_page(browser)
    keep_failure(page)
    page.set_viewport_size({"width": 1400, "height": 1600})
    page.goto(room_url, wait_until="domcontentloaded")
    page.wait_for_selector("text=Start de dag", timeout=120_000)
    assert "import" not in page.inner_text("body")                     # the code is hidden
    page.get_by_label("Scenario").select_option(label="Onaangekondigde marketingactie")
    assert page.get_by_label("Dagnummer").input_value() == "3"
    assert "Hetzelfde dagnummer geeft dezelfde dag" in page.inner_text("body")
    page.get_by_role("button", name="Start de dag").click()
    _room_status(page, "Het is 08:00")
    script = {2: ("cancel_coaching", ("overtime", 2)), 5: ("callback",)}
    for hour in range(12):
        for action in script.get(hour, ()):
            name, agents = (action, None) if isinstance(action, str) else action
            page.locator(f".wfm-actie-{name} input[type=checkbox]").check()
            if agents is not None:
                field = page.locator(f".wfm-actie-{name} input[type=number]")
                field.fill(str(agents))
                field.press("Tab")
        if hour == 3:                     # coaching was cancelled at 10:00: the domain refuses a second time
            page.locator(".wfm-actie-cancel_coaching input[type=checkbox]").check()
            page.get_by_role("button", name="Volgend uur").click()
            page.wait_for_selector(".wfm-fout", timeout=60_000)
            assert "dat kan maar één keer" in page.locator(".wfm-fout").inner_text()
            page.screenshot(path=ARTIFACTS / "voila-controlekamer-fout.png", full_page=True)
            page.locator(".wfm-actie-cancel_coaching input[type=checkbox]").uncheck()
        if hour == 1:                     # the chart, drawn by the kernel after the box is ticked
            page.get_by_label("Toon ook een grafiek per uur").check()
            page.wait_for_selector("img.widget-image", state="visible", timeout=60_000)
        if hour == 6:
            page.screenshot(path=ARTIFACTS / "voila-controlekamer.png", full_page=True)
        page.get_by_role("button", name="Volgend uur").click()
        _room_status(page, "De dag is voorbij" if hour == 11 else f"Het is {9 + hour:02d}:00")
    page.wait_for_selector(".wfm-dag-klaar", timeout=60_000)

    day = datasets.game_day()
    actions = {2: (cr.Action("cancel_coaching"), cr.Action("overtime", 2)), 5: (cr.Action("callback"),)}
    state = cr.play(cr.new_day(day["forecast_calls"], day["agents_needed"], seed=3, scenario="campaign"),
                    lambda s: actions.get(s.hour, ()))
    expected = control_room_game.summary_table(state)
    rows = page.locator(".wfm-summary tbody tr")
    assert rows.count() == 3
    for number, policy in enumerate(expected.index):
        cells = [cell.strip() for cell in rows.nth(number).locator("td").all_inner_texts()]
        assert cells == [policy, *expected.loc[policy].tolist()], policy
    assert "Dit gaat terug naar forecast en planning" in page.locator(".wfm-dag-klaar").inner_text()
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error displaying widget" not in body
    page.screenshot(path=ARTIFACTS / "voila-controlekamer-einde.png", full_page=True)
    _assert_offline(page)
    page.close()


# ---------------------------------------------------------------------------
# JupyterLab: the course notebooks
# ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    """JupyterLab on a copy of notebooks/, so autosave never touches the tracked files."""
    tmp = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", tmp / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    port = _free_port()
    args = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}", f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={tmp}", "--LabApp.expose_app_in_browser=True",
            "--ServerApp.allow_root=True"]
    url = f"http://127.0.0.1:{port}/"
    ARTIFACTS.mkdir(exist_ok=True)
    with _server(args, f"{url}api/status?token={TOKEN}", ARTIFACTS / "jupyterlab.log",
                 _isolated_env(tmp)):
        yield url


# JavaScript run in the page; each function takes the notebook's file name and finds its panel
# by path (not "the current widget": JupyterLab may still be restoring other tabs).
_FIND = ("const w = Array.from(window.jupyterapp.shell.widgets('main'))"
         ".find(p => p.context?.path?.endsWith(name));")
_READY = (f"name => {{ {_FIND} const k = w?.sessionContext?.session?.kernel; "
          f"return !!w && w.context.isReady && !!k && k.status === 'idle'; }}")
_CLEAR = (f"async name => {{ {_FIND} window.jupyterapp.shell.activateById(w.id); "
          f"if (window.jupyterapp.shell.currentWidget !== w) throw new Error('not active: ' + name); "
          f"await window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs'); "
          f"return w.content.widgets.every(c => c.model.type !== 'code' || c.model.executionCount === null); }}")
_RUN_ALL = (f"async name => {{ {_FIND} window.jupyterapp.shell.activateById(w.id); "
            f"if (window.jupyterapp.shell.currentWidget !== w) throw new Error('not active: ' + name); "
            f"window.jupyterapp.commands.execute('notebook:run-all-cells'); }}")
_ALL_RAN = (f"name => {{ {_FIND} const cells = w.content.widgets.filter(c => c.model.type === 'code'); "
            f"return cells.length > 0 && cells.every(c => c.model.executionCount !== null) "
            f"&& w.sessionContext.session.kernel.status === 'idle'; }}")
_ERRORS = (f"name => {{ {_FIND} return w.content.widgets.filter(c => c.model.type === 'code')"
           f".flatMap(c => c.model.toJSON().outputs.filter(o => o.output_type === 'error')"
           f".map(o => o.ename)); }}")
_workspaces = iter(range(1, 1000))


def _open_notebook(page, url, name):
    """Open ``name`` in a fresh workspace (no restored tabs) and wait for its kernel."""
    workspace = f"test{next(_workspaces)}"
    page.goto(f"{url}lab/workspaces/{workspace}/tree/notebooks/{name}?reset&token={TOKEN}",
              wait_until="domcontentloaded")
    page.wait_for_function("window.jupyterapp !== undefined", timeout=120_000)
    page.wait_for_function(_READY, arg=name, timeout=120_000)


def _run_notebook(page, url, name):
    """Open ``name`` in a fresh workspace, clear its outputs and run all cells."""
    _open_notebook(page, url, name)
    assert page.evaluate(_CLEAR, name), f"{name}: outputs were not cleared"
    page.evaluate(_RUN_ALL, name)
    page.wait_for_function(_ALL_RAN, arg=name, timeout=300_000, polling=500)
    page.wait_for_timeout(1000)                       # let the last widget views attach


@pytest.mark.parametrize("name, widget_views", [("00_start.ipynb", 1), ("03_erlang.ipynb", 2), ("07_jaarplan.ipynb", 1),
                                               ("08_dagsturing.ipynb", 1)])
def test_lab_runs_notebook_and_widgets_render(browser, lab_url, name, widget_views, keep_failure):
    page = _guarded_page(browser)
    keep_failure(page)
    _run_notebook(page, lab_url, name)
    assert page.evaluate(_ERRORS, name) == []
    rendered = page.locator(".jp-OutputArea-output .jupyter-widgets.widget-container, "
                            ".jp-OutputArea-output .jupyter-widgets.widget-inline-vbox, "
                            ".jp-OutputArea-output .jupyter-widgets.widget-inline-hbox")
    assert rendered.count() >= widget_views
    body = page.inner_text("body")
    assert "Error displaying widget" not in body
    assert "Bestand" in page.locator(".lm-MenuBar").inner_text()        # Dutch language pack
    rendered.first.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / f"lab-{name.removesuffix('.ipynb')}.png")
    _assert_offline(page)
    page.close()


def test_lab_widget_talks_to_the_kernel(browser, lab_url, keep_failure):
    """In 00_start, moving the slider recomputes the agents in the kernel and shows them."""
    page = _guarded_page(browser)
    keep_failure(page)
    _run_notebook(page, lab_url, "00_start.ipynb")
    answer = page.locator("[data-key='agents']")
    answer.scroll_into_view_if_needed()
    # the widget's text arrives from the kernel after the view renders: wait for it, as below
    page.wait_for_function("document.querySelector(\"[data-key='agents']\")?.innerText === '14'",
                           timeout=30_000)
    slider = page.locator(".jp-OutputArea-output .widget-slider").first
    handle = slider.locator(".noUi-handle, .ui-slider-handle").first
    handle.focus()
    for _ in range(10):                               # ten steps of 10 calls: 100 -> 200
        page.keyboard.press("ArrowRight")
    expected = erlang.agents_needed(erlang.traffic(200, 180, 1800), 180, 20, 0.8)
    page.wait_for_function(
        f"document.querySelector(\"[data-key='agents']\")?.innerText === '{expected}'",
        timeout=30_000)
    page.screenshot(path=ARTIFACTS / "lab-00_start-slider.png")
    _assert_offline(page)
    page.close()


def test_dashboard_through_the_binder_link(browser, lab_url, keep_failure):
    """The README's second Binder badge opens the dashboard via Voilà's server extension."""
    page = _guarded_page(browser)
    keep_failure(page)
    page.goto(f"{lab_url}voila/render/notebooks/apps/bezettingscalculator.ipynb?token={TOKEN}",
              wait_until="domcontentloaded")
    page.wait_for_selector("[data-key='agents_peak']", timeout=120_000)
    assert "Error displaying widget" not in page.inner_text("body")
    page.screenshot(path=ARTIFACTS / "binder-voila.png")
    _assert_offline(page)
    page.close()


# ---------------------------------------------------------------------------
# Menu paths quoted in the course and the README exist in the Dutch interface
# ---------------------------------------------------------------------------
# A menu path is written in italics with arrows between the steps, exactly as JupyterLab shows it:
# *Bestand → Download*. Bold text with arrows (**AHT → verkeer → ...**) is a chain of reasoning, not a menu.
MENU_PATH = re.compile(r"(?<![*\w])\*(?!\*)([^*\n]+?(?: → [^*\n]+?)+)\*(?![*\w])")


def _quoted_menu_paths() -> dict[str, str]:
    """Every menu path in the notebooks' markdown and in the README, with where it is quoted."""
    texts = [("README.md", (ROOT / "README.md").read_text())]
    for notebook in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        cells = json.loads(notebook.read_text())["cells"]
        texts += [(notebook.name, "".join(cell["source"])) for cell in cells if cell["cell_type"] == "markdown"]
    return {match.group(1): where for where, text in texts for match in MENU_PATH.finditer(text)}


def test_menu_paths_are_found_in_the_texts():
    paths = _quoted_menu_paths()
    assert {"Kernel → Herstart Kernel and Run All Cells…", "Bestand → Download", "Instellingen → Taal"} <= set(paths)


def _open_menu_path(page, steps) -> list[str]:
    """Click the top menu, hover each submenu; return the labels of the innermost open menu."""
    page.keyboard.press("Escape")
    bar = page.locator(".lm-MenuBar-item").filter(
        has=page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(steps[0])}$")))
    if bar.count() != 1:
        return page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    bar.click()
    labels = []
    for depth, step in enumerate(steps[1:], start=1):
        menu = page.locator(".lm-Menu").nth(depth - 1)
        menu.wait_for(state="visible", timeout=10_000)
        labels = [label.strip() for label in menu.locator(".lm-Menu-itemLabel").all_inner_texts()]
        if step not in labels:
            return labels
        if depth < len(steps) - 1:
            menu.locator(".lm-Menu-item").filter(
                has=page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(step)}$"))).hover()
    return labels


def test_quoted_menu_paths_exist_in_dutch_jupyterlab(browser, lab_url, keep_failure):
    page = _guarded_page(browser)
    keep_failure(page)
    _open_notebook(page, lab_url, "00_start.ipynb")
    top = [label.strip() for label in page.locator(".lm-MenuBar-itemLabel").all_inner_texts()]
    assert top[:4] == ["Bestand", "Bewerk", "Weergave", "Uitvoeren"], top          # the Dutch language pack
    missing = {}
    for path, where in _quoted_menu_paths().items():
        steps = path.split(" → ")
        shown = _open_menu_path(page, steps)
        if steps[-1] not in shown:
            missing[f"{path} ({where})"] = shown
    page.keyboard.press("Escape")
    assert not missing, f"menu paths that JupyterLab does not show (with what it does show): {missing}"
    _open_menu_path(page, ["Kernel", "Herstart Kernel and Run All Cells…"])
    page.screenshot(path=ARTIFACTS / "lab-menu-kernel.png")
    page.keyboard.press("Escape")
    _assert_offline(page)
    page.close()
