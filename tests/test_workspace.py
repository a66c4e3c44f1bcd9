"""cursus.py: supported Python, trustworthy .venv, Dutch messages, and the learner's own workspace.

The end-to-end test works in a temporary clone (of a temporary "upstream" made from this working tree): it
runs ``python cursus.py start`` without a browser, saves a notebook through the running server's contents
API the way JupyterLab autosaves, checks that git sees no change, starts a second time, stops with Ctrl-C,
and then updates the course (a new commit upstream, ``python cursus.py update``). Servers listen on
127.0.0.1 only; every step waits with its own timeout and the processes are always stopped.
"""
from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import cursus  # noqa: E402

STEP_SECONDS = 120
GIT = ["git", "-c", "user.name=Cursus Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]


# ---------------------------------------------------------------------------
# Python version, help text, pip errors, a broken .venv
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("version", [(3, 11, 5), (3, 11, 14), (3, 12, 0), (3, 13, 9), (3, 14, 2)])
def test_supported_pythons(version):
    assert cursus.python_problem(version) is None


@pytest.mark.parametrize("version, why", [((3, 10, 12), "te oud"), ((3, 11, 2), "te oud"),
                                          ((3, 15, 0), "nieuwer dan")])
def test_unsupported_python_is_explained_in_dutch(version, why):
    message = cursus.python_problem(version)
    assert why in message and "3.11.5 tot en met 3.14" in message
    for system in ("Windows:", "macOS:", "Linux:"):
        assert system in message


def test_version_is_checked_before_anything_else(monkeypatch):
    monkeypatch.setattr(cursus, "python_problem", lambda *args: "te oud")
    monkeypatch.setattr(cursus, "setup", lambda *args, **kwargs: pytest.fail("setup ran"))
    monkeypatch.setattr(cursus, "sync_workspace", lambda: pytest.fail("the workspace was touched"))
    with pytest.raises(cursus.CourseError, match="te oud"):
        cursus.main(["start"])


def test_help_is_dutch_and_unknown_commands_are_named():
    plain = subprocess.run([sys.executable, str(ROOT / "cursus.py")], capture_output=True, text=True)
    assert plain.returncode == 0 and plain.stdout.startswith("Gebruik: python cursus.py COMMANDO")
    for command in ("start", "update", "staff", "demo", "test"):
        assert f"\n  {command} " in plain.stdout
    wrong = subprocess.run([sys.executable, str(ROOT / "cursus.py"), "begin"], capture_output=True, text=True)
    assert wrong.returncode == 2 and wrong.stderr.startswith("Onbekend commando: begin")
    assert "Traceback" not in wrong.stderr


def test_calculator_runs_through_cursus_py():
    """The README's calculator call, without activating .venv."""
    if not (cursus.installed(cursus.RUNTIME_LOCK) and cursus.venv_trusted(cursus.VENV)):
        pytest.skip(".venv is not installed yet (python cursus.py test installs it)")
    result = subprocess.run([sys.executable, str(ROOT / "cursus.py"), "staff", "--calls", "100", "--interval",
                             "1800", "--aht", "180", "--sl", "80/20"], capture_output=True, text=True,
                            timeout=STEP_SECONDS)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^Medewerkers nodig:\s+14$", result.stdout, flags=re.MULTILINE), result.stdout


@pytest.mark.parametrize("log, sentence", [
    ("ERROR: Ignored the following versions that require a different python version: 4.1.2 Requires-Python "
     ">=3.11.5\nERROR: No matching distribution found for soupsieve==4.1.2",
     "pip vond geen installeerbare versie van soupsieve==4.1.2 voor deze Python"),
    ("WARNING: Retrying ... NewConnectionError('Failed to establish a new connection')",
     "pip kon de pakketbron (PyPI) niet bereiken"),
    ("OSError: [Errno 28] No space left on device", "de schijf is vol"),
    ("something unexpected", "pip stopte met een fout"),
])
def test_pip_errors_become_one_dutch_sentence(log, sentence):
    summary = cursus.summarise_pip_error(log)
    assert summary.startswith(sentence) and "\n" not in summary


def test_failed_install_is_never_trusted(tmp_path, monkeypatch):
    """A failing pip leaves no stamp, the .venv is marked unfinished, and the message points to the log."""
    monkeypatch.setattr(cursus, "INSTALL_LOG", tmp_path / "installatie.log")
    target = tmp_path / "venv"
    broken_lock = tmp_path / "requirements.txt"
    broken_lock.write_text(str(tmp_path / "bestaat-niet-1.0-py3-none-any.whl") + "\n")
    with pytest.raises(cursus.CourseError) as failure:
        cursus.setup(broken_lock, target)
    message = str(failure.value)
    assert message.startswith("De installatie is mislukt: ") and str(tmp_path / "installatie.log") in message
    assert message.count("\n") == 0
    assert "bestaat-niet" in (tmp_path / "installatie.log").read_text()
    assert not cursus.installed(broken_lock, target)
    assert not cursus.venv_trusted(target)                       # the next run builds it again


def test_foreign_venv_is_not_trusted(tmp_path):
    """A .venv made by an unsupported Python (say 3.10) is rebuilt instead of reused."""
    python = cursus.venv_python(tmp_path)
    python.parent.mkdir(parents=True)
    python.write_text("#!/bin/sh\necho 3 10 12\n")
    python.chmod(0o755)
    if os.name != "nt":
        assert not cursus.venv_trusted(tmp_path)
    assert not cursus.venv_trusted(tmp_path / "missing")


# ---------------------------------------------------------------------------
# Synchronising the workspace (no server)
# ---------------------------------------------------------------------------
def _notebook(text: str) -> str:
    return json.dumps({"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": text}],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


@pytest.fixture
def course(tmp_path, monkeypatch):
    monkeypatch.setattr(cursus, "COURSE", tmp_path / "notebooks")
    monkeypatch.setattr(cursus, "WORKSPACE", tmp_path / "mijn-werk")
    monkeypatch.setattr(cursus, "MANIFEST", tmp_path / "mijn-werk" / ".cursus-versies.json")
    (tmp_path / "notebooks" / "apps").mkdir(parents=True)
    for name in ("00_start.ipynb", "01_begrippen.ipynb", "apps/app.ipynb"):
        (tmp_path / "notebooks" / name).write_text(_notebook(f"{name} v1"))
    return tmp_path


def test_sync_copies_once_and_keeps_answers(course):
    assert "aangemaakt met 3 notebooks" in cursus.sync_workspace()[0]
    work = course / "mijn-werk"
    assert (work / "apps" / "app.ipynb").read_text() == _notebook("apps/app.ipynb v1")
    (work / "00_start.ipynb").write_text(_notebook("mijn antwoord"))
    assert cursus.sync_workspace() == []                                     # nothing new: nothing happens

    (course / "notebooks" / "00_start.ipynb").write_text(_notebook("00 v2"))  # the course changes
    (course / "notebooks" / "01_begrippen.ipynb").write_text(_notebook("01 v2"))
    (course / "notebooks" / "02_kpis.ipynb").write_text(_notebook("02 v1"))
    lines = cursus.sync_workspace()
    assert lines == ["Nieuw in de cursus: mijn-werk/02_kpis.ipynb",
                     "Bijgewerkt (je had er nog niets in veranderd): mijn-werk/01_begrippen.ipynb",
                     "De cursus heeft een nieuwe versie van 00_start.ipynb. Jouw mijn-werk/00_start.ipynb met je "
                     "antwoorden blijft zoals hij is; de nieuwe versie staat ernaast als "
                     "mijn-werk/00_start-nieuwe-versie.ipynb."]
    assert (work / "00_start.ipynb").read_text() == _notebook("mijn antwoord")
    assert (work / "00_start-nieuwe-versie.ipynb").read_text() == _notebook("00 v2")
    assert (work / "01_begrippen.ipynb").read_text() == _notebook("01 v2")
    assert cursus.sync_workspace() == []                                     # offered once, not again

    (course / "notebooks" / "00_start.ipynb").write_text(_notebook("00 v3"))  # untouched copy beside: reused
    cursus.sync_workspace()
    assert (work / "00_start-nieuwe-versie.ipynb").read_text() == _notebook("00 v3")
    (work / "00_start-nieuwe-versie.ipynb").write_text(_notebook("ook mijn antwoord"))
    (course / "notebooks" / "00_start.ipynb").write_text(_notebook("00 v4"))  # worked in it: a new name
    cursus.sync_workspace()
    assert (work / "00_start-nieuwe-versie.ipynb").read_text() == _notebook("ook mijn antwoord")
    assert (work / "00_start-nieuwe-versie-2.ipynb").read_text() == _notebook("00 v4")

    (work / "01_begrippen.ipynb").unlink()                                   # deleted: a fresh copy returns
    assert cursus.sync_workspace() == ["Nieuw in de cursus: mijn-werk/01_begrippen.ipynb"]


def test_renamed_notebook_moves_with_the_learners_answers(course, monkeypatch):
    monkeypatch.setattr(cursus, "renamed_notebooks", lambda: {"05_forecast_rooster.ipynb": "06_forecast_rooster.ipynb"})
    notebooks, work = course / "notebooks", course / "mijn-werk"
    (notebooks / "05_forecast_rooster.ipynb").write_text(_notebook("05 v1"))
    cursus.sync_workspace()
    (work / "05_forecast_rooster.ipynb").write_text(_notebook("mijn forecast"))
    (notebooks / "05_forecast_rooster.ipynb").rename(notebooks / "06_forecast_rooster.ipynb")   # the course renumbers
    (notebooks / "06_forecast_rooster.ipynb").write_text(_notebook("06 v2"))
    (notebooks / "05_kanalen.ipynb").write_text(_notebook("kanalen v1"))
    lines = cursus.sync_workspace()
    assert lines[0] == ("Nieuwe nummering: mijn-werk/05_forecast_rooster.ipynb heet nu "
                        "mijn-werk/06_forecast_rooster.ipynb (met je eigen antwoorden erin).")
    assert "Nieuw in de cursus: mijn-werk/05_kanalen.ipynb" in lines
    assert (work / "06_forecast_rooster.ipynb").read_text() == _notebook("mijn forecast")     # never overwritten
    assert (work / "06_forecast_rooster-nieuwe-versie.ipynb").read_text() == _notebook("06 v2")
    assert not (work / "05_forecast_rooster.ipynb").exists()
    assert cursus.sync_workspace() == []


def test_renamed_notebooks_are_read_from_the_course_contents():
    from wfmcourse.course import contents

    assert cursus.renamed_notebooks() == contents.RENAMED
    files = {nb.file for nb in contents.NOTEBOOKS}
    assert set(contents.RENAMED.values()) <= files and not set(contents.RENAMED) & files


def test_first_numbering_exercise_names_keep_their_meaning():
    import importlib

    from wfmcourse.course import contents, exercises

    by_slug = {nb.exercises for nb in contents.NOTEBOOKS}
    for old, slug in exercises.FIRST_NUMBERING.items():
        assert slug in by_slug
        assert importlib.import_module(f"wfmcourse.course.exercises.{slug}") is getattr(exercises, old)


# ---------------------------------------------------------------------------
# End to end in a temporary clone
# ---------------------------------------------------------------------------
class _Output:
    """Lines a process prints, read in a thread so every wait has its own timeout."""

    def __init__(self, process):
        self.lines, self.seen = queue.Queue(), []
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            self.lines.put(line)
        self.lines.put(None)

    def wait_for(self, pattern: str) -> re.Match:
        while True:
            try:
                line = self.lines.get(timeout=STEP_SECONDS)
            except queue.Empty:
                raise AssertionError(f"no {pattern!r} within {STEP_SECONDS} s:\n{''.join(self.seen)}") from None
            if line is None:
                raise AssertionError(f"the process ended without {pattern!r}:\n{''.join(self.seen)}")
            self.seen.append(line)
            if match := re.search(pattern, line):
                return match

    def rest(self) -> str:
        while (line := self.lines.get(timeout=STEP_SECONDS)) is not None:
            self.seen.append(line)
        return "".join(self.seen)


def _request(url: str, token: str, method="GET", body=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=STEP_SECONDS) as response:
        return response.status, json.loads(response.read() or b"null")


def _git(*args, cwd) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True,
                          timeout=STEP_SECONDS).stdout


@pytest.fixture
def learner(tmp_path):
    """A learner's clone of an upstream made from this working tree, using this test environment as .venv."""
    venv_dir = Path(sys.prefix)
    if not cursus.installed(cursus.RUNTIME_LOCK, venv_dir):
        message = "this environment was not installed by cursus.py from the current locks (run: python cursus.py test)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    upstream = tmp_path / "upstream"
    files = _git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=ROOT).split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (upstream / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, upstream / name)
    _git("init", "-q", "-b", "main", cwd=upstream)
    _git("add", "-A", cwd=upstream)
    _git("commit", "-q", "-m", "course", cwd=upstream)
    clone = tmp_path / "cursus"
    _git("clone", "-q", str(upstream), str(clone), cwd=tmp_path)
    (clone / ".venv").symlink_to(venv_dir, target_is_directory=True)
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR",
                 "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
        env[name] = str(tmp_path / name.lower())
    env.pop("JUPYTER_TOKEN", None)
    return upstream, clone, env


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="uses POSIX process groups for Ctrl-C")
def test_workspace_end_to_end(learner):
    upstream, clone, env = learner
    command = [sys.executable, str(clone / "cursus.py"), "start", "--no-browser"]
    # Ctrl-C as in a terminal: SIGINT to the process group. A test run started in the background inherits an
    # ignored SIGINT, which a learner's terminal never has, so the default is restored first.
    server = subprocess.Popen(command, cwd=clone, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        output = _Output(server)
        output.wait_for("aangemaakt met")
        match = output.wait_for(r"(http://127\.0\.0\.1:\d+/)lab/tree/mijn-werk/00_start\.ipynb\?token=(\w+)")
        base, token = match.groups()
        assert urllib.request.urlopen(match.group(0), timeout=STEP_SECONDS).status == 200

        # JupyterLab's autosave: GET the learner's notebook, change a cell, PUT it back
        status, model = _request(f"{base}api/contents/mijn-werk/03_erlang.ipynb?content=1", token)
        notebook = model["content"]
        notebook["cells"].append({"cell_type": "code", "id": "mijn-antwoord", "metadata": {}, "outputs": [],
                                  "execution_count": None, "source": "antwoord = 42  # mijn antwoord"})
        status, _ = _request(f"{base}api/contents/mijn-werk/03_erlang.ipynb", token, "PUT",
                             {"type": "notebook", "format": "json", "content": notebook})
        assert status == 200
        with pytest.raises(urllib.error.HTTPError) as refused:     # the originals are not saved over
            _request(f"{base}api/contents/notebooks/03_erlang.ipynb", token, "PUT",
                     {"type": "notebook", "format": "json", "content": notebook})
        assert refused.value.code == 403
        assert "mijn antwoord" in (clone / "mijn-werk" / "03_erlang.ipynb").read_text()
        assert _git("status", "--porcelain", cwd=clone) == ""

        # the data and the glossary are in the learner's file browser, the originals are not
        status, root = _request(f"{base}api/contents/?content=1", token)
        listed = {item["name"] for item in root["content"]}
        assert {"data", "mijn-werk"} <= listed and "notebooks" not in listed

        # a second start reuses the running server
        second = subprocess.Popen(command, cwd=clone, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, start_new_session=True)
        try:
            said = second.communicate(timeout=STEP_SECONDS)[0]
        except subprocess.TimeoutExpired:
            os.killpg(second.pid, signal.SIGKILL)
            said = second.communicate()[0]
        assert second.returncode == 0 and "De cursus draait al" in said, said
        assert f"{base}lab/tree/mijn-werk/00_start.ipynb" in said

        # Ctrl-C in the terminal: a clean stop
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=STEP_SECONDS)
        log = output.rest()
        assert server.returncode == 0 and "Traceback" not in log and "KeyboardInterrupt" not in log, log
        assert "Gestopt." in log
        assert not re.search(r"^\[I |Warning:", log, flags=re.MULTILINE), log     # no server chatter
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()

    # the course changes upstream: 03 (which the learner answered in) and 01 (untouched), and a new 09
    def change(name, text):
        path = upstream / "notebooks" / name
        notebook = json.loads(path.read_text())
        notebook["cells"].append({"cell_type": "markdown", "id": "nieuw-in-v2", "metadata": {}, "source": text})
        path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")

    change("03_erlang.ipynb", "Nieuw in versie 2 van hoofdstuk 3")
    change("01_begrippen.ipynb", "Nieuw in versie 2 van hoofdstuk 1")
    shutil.copyfile(upstream / "notebooks" / "00_start.ipynb", upstream / "notebooks" / "09_extra.ipynb")
    _git("add", "-A", cwd=upstream)
    _git("commit", "-q", "-m", "course v2", cwd=upstream)

    update = subprocess.run([sys.executable, str(clone / "cursus.py"), "update"], cwd=clone, env=env,
                            capture_output=True, text=True, timeout=STEP_SECONDS)
    assert update.returncode == 0, update.stdout + update.stderr
    work = clone / "mijn-werk"
    assert "Nieuw in de cursus: mijn-werk/09_extra.ipynb" in update.stdout
    assert "Bijgewerkt (je had er nog niets in veranderd): mijn-werk/01_begrippen.ipynb" in update.stdout
    assert "de nieuwe versie staat ernaast als mijn-werk/03_erlang-nieuwe-versie.ipynb" in update.stdout
    assert "mijn antwoord" in (work / "03_erlang.ipynb").read_text()
    assert "Nieuw in versie 2" not in (work / "03_erlang.ipynb").read_text()
    assert "Nieuw in versie 2 van hoofdstuk 3" in (work / "03_erlang-nieuwe-versie.ipynb").read_text()
    assert "Nieuw in versie 2 van hoofdstuk 1" in (work / "01_begrippen.ipynb").read_text()
    assert (work / "09_extra.ipynb").exists()
    assert _git("status", "--porcelain", cwd=clone) == ""
    again = subprocess.run([sys.executable, str(clone / "cursus.py"), "update"], cwd=clone, env=env,
                           capture_output=True, text=True, timeout=STEP_SECONDS)
    assert "Je werkmap mijn-werk/ is bij met de cursus." in again.stdout
