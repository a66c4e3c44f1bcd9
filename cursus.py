#!/usr/bin/env python3
"""One entry point for learners, trainers and authors (works on Linux, macOS and Windows).

Only the Python standard library is used here, so this file runs before anything is installed. It checks
the Python version before it touches anything. Everything it prints for learners is Dutch (see USAGE).

Installation: ``.venv`` is trusted only when its Python runs, is a supported version, no install was left
unfinished (``.venv/.installing``) and the stamp for the lock (written last) matches the lock files.
Anything else is rebuilt. pip's output goes to ``installatie.log``; a failure is summarised in one sentence.

The learner's workspace: ``mijn-werk/`` (git-ignored) holds the learner's copies of the course notebooks;
``mijn-werk/.cursus-versies.json`` records, per file written there, the hash of the course version it was
copied from. ``start`` and ``update`` copy new notebooks, replace copies the learner never changed, and put
a changed course notebook beside a copy the learner did change as ``<naam>-nieuwe-versie.ipynb``.
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
RUNTIME_LOCK = ROOT / "binder" / "requirements.txt"
RUNTIME_INPUT = ROOT / "binder" / "requirements.in"
TEST_LOCK = ROOT / "tests" / "requirements.txt"
BENCH_LOCK = ROOT / "benchmarks" / "requirements.txt"
COURSE = ROOT / "notebooks"
WORKSPACE = ROOT / "mijn-werk"
MANIFEST = WORKSPACE / ".cursus-versies.json"
FIRST_NOTEBOOK = "00_start.ipynb"
DASHBOARD = "notebooks/apps/bezettingscalculator.ipynb"
LAB_SETTINGS = ROOT / "binder" / "overrides.json"
INSTALL_LOG = ROOT / "installatie.log"
OLDEST_PYTHON = (3, 11, 5)           # soupsieve (via nbconvert) needs 3.11.5; contourpy needs 3.11
NEWEST_PYTHON = (3, 14)              # newest minor version the lock is checked for (tests/test_lock_platforms.py)
ADVISED_PYTHON = "3.13"
PORT = 8888
CLI_COMMANDS = ("staff", "chat")    # forwarded to the course calculator: python -m wfmcourse staff ...
# Folders a learner does not need in JupyterLab's file browser (the course originals live in notebooks/).
HIDDEN_IN_LAB = ("notebooks", "tests", "benchmarks", "binder", "test-artifacts", "*.egg-info", "__pycache__",
                 "*.pyc", "*.log")

USAGE = """\
Gebruik: python cursus.py COMMANDO

  start      installeert de cursus (de eerste keer een paar minuten) en opent JupyterLab
             bij 00_start in je eigen werkmap mijn-werk/
  update     haalt de nieuwste versie van de cursus op (git pull) en zet nieuwe en gewijzigde
             notebooks in mijn-werk/, zonder jouw antwoorden te overschrijven
  staff ...  rekent uit hoeveel medewerkers je nodig hebt (python cursus.py staff --help)
  chat ...   hetzelfde voor chat, met meer chats tegelijk per medewerker (python cursus.py chat --help)
  demo       opent de bezettingscalculator (Voila) in de browser
  test       installeert de testomgeving en draait ruff en alle tests
  execute    voor auteurs: voert alle notebooks in notebooks/ opnieuw uit
  bench      snelheidsmetingen (met pyworkforce, in benchmarks/.venv)
  lock       voor auteurs: maakt binder/requirements.txt opnieuw uit binder/requirements.in

Werkt op Linux, macOS en Windows, met Python {oldest} tot en met {newest}.
Stoppen: Ctrl-C.
""".format(oldest=".".join(map(str, OLDEST_PYTHON)), newest=".".join(map(str, NEWEST_PYTHON)))


class CourseError(Exception):
    """A problem explained to the learner in Dutch; printed without a traceback."""


# ---------------------------------------------------------------------------
# Python version
# ---------------------------------------------------------------------------
def python_problem(version: tuple = tuple(sys.version_info[:3])) -> str | None:
    """Dutch explanation of why ``version`` cannot run the course, or None when it can."""
    if OLDEST_PYTHON <= tuple(version) and tuple(version[:2]) <= NEWEST_PYTHON:
        return None
    shown = ".".join(map(str, version))
    why = "te oud" if tuple(version) < OLDEST_PYTHON else "nieuwer dan de versies waarvoor de cursus getest is"
    oldest, newest, advised = ".".join(map(str, OLDEST_PYTHON)), ".".join(map(str, NEWEST_PYTHON)), ADVISED_PYTHON
    return (
        f"Deze Python ({shown}) is {why}: de cursus werkt met Python {oldest} tot en met {newest}.\n"
        f"Installeer Python {advised} en start de cursus daarmee opnieuw:\n"
        f"  Windows: installeer Python {advised} van https://www.python.org/downloads/ en typ\n"
        f"           py -{advised} cursus.py start\n"
        f"  macOS:   installeer Python {advised} van https://www.python.org/downloads/ (of: brew install "
        f"python@{advised}) en typ\n"
        f"           python{advised} cursus.py start\n"
        f"  Linux:   installeer python{advised} met je pakketbeheerder (Ubuntu: sudo apt install python{advised} "
        f"python{advised}-venv;\n"
        f"           Fedora: sudo dnf install python{advised}); heeft je distributie hem niet (zoals Debian 12,\n"
        f"           met Python 3.11.2), gebruik dan uv (uv python install {advised}) of pyenv. Typ daarna\n"
        f"           python{advised} cursus.py start"
    )


# ---------------------------------------------------------------------------
# Installation
# ---------------------------------------------------------------------------
def venv_python(venv_dir: Path = VENV) -> Path:
    """The Python of the virtual environment ``venv_dir`` (Windows and POSIX layout)."""
    return venv_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*args: str | Path, **kwargs) -> None:
    """Show and run a command in the repository; a non-zero exit raises CalledProcessError."""
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kwargs)


def _lock_hash(lock: Path) -> str:
    wanted = hashlib.sha256()
    for path in (lock, RUNTIME_LOCK, ROOT / "pyproject.toml"):
        wanted.update(path.read_bytes())
    return wanted.hexdigest()


def _stamp(venv_dir: Path, lock: Path) -> Path:
    return venv_dir / f".installed-{lock.parent.name}"


def installed(lock: Path, venv_dir: Path = VENV) -> bool:
    """True when ``venv_dir`` holds ``lock`` (the test lock includes the runtime lock, so it counts too)."""
    locks = [lock, TEST_LOCK] if lock == RUNTIME_LOCK else [lock]
    return any(_stamp(venv_dir, each).is_file() and _stamp(venv_dir, each).read_text() == _lock_hash(each)
               for each in locks)


def venv_trusted(venv_dir: Path) -> bool:
    """Its Python runs, is supported and has pip, and no install was left unfinished."""
    python = venv_python(venv_dir)
    if not python.exists() or (venv_dir / ".installing").exists():
        return False
    try:
        answer = subprocess.run([str(python), "-c", "import sys, pip; print(*sys.version_info[:3])"],
                                capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return False
    if answer.returncode != 0:
        return False
    return python_problem(tuple(int(part) for part in answer.stdout.split())) is None


def create_venv(venv_dir: Path) -> None:
    """Make a fresh virtual environment in ``venv_dir`` (an old or broken one is removed first)."""
    if venv_dir.exists() or venv_dir.is_symlink():
        print(f"De map {venv_dir.name} is onvolledig of hoort bij een andere Python; ik maak hem opnieuw aan.",
              flush=True)
        if venv_dir.is_symlink():
            venv_dir.unlink()
        else:
            shutil.rmtree(venv_dir)
    print(f"Ik maak de map {venv_dir.name} aan voor de cursus ...", flush=True)
    try:
        venv.create(venv_dir, with_pip=True)
    except (subprocess.CalledProcessError, OSError) as error:
        shutil.rmtree(venv_dir, ignore_errors=True)
        raise CourseError(
            f"Python kon geen virtuele omgeving maken ({error}). Op Debian en Ubuntu ontbreekt dan meestal "
            f"het pakket python3-venv: sudo apt install python3-venv") from None


def summarise_pip_error(log: str) -> str:
    """One Dutch sentence saying why pip failed, from pip's output."""
    missing = re.findall(r"No matching distribution found for (\S+)", log)
    if missing:
        version = ".".join(map(str, sys.version_info[:3]))
        return f"pip vond geen installeerbare versie van {missing[-1]} voor deze Python ({version}) op dit systeem"
    if re.search(r"NewConnectionError|Name or service not known|Temporary failure in name resolution|"
                 r"ConnectTimeout|ReadTimeout|Network is unreachable|Could not fetch URL|ProxyError|"
                 r"getaddrinfo failed", log):
        return "pip kon de pakketbron (PyPI) niet bereiken; controleer je internetverbinding of proxy"
    if "No space left on device" in log:
        return "de schijf is vol"
    if "Permission denied" in log or "Access is denied" in log:
        return "pip mocht een bestand niet schrijven (geen rechten, of een ander programma gebruikt het)"
    building = re.findall(r"Failed (?:to )?build(?:ing wheel for)? (\S+)", log)
    if building:
        return f"pip kon het pakket {building[-1]} niet bouwen"
    return "pip stopte met een fout"


def pip_install(python: Path, *args: str | Path) -> None:
    """``pip install ARGS`` with its output in installatie.log; a failure becomes a one-sentence CourseError."""
    command = [str(python), "-m", "pip", "install", "--disable-pip-version-check", *map(str, args)]
    with open(INSTALL_LOG, "a", encoding="utf-8") as log:
        log.write(f"\n$ {' '.join(command)}\n")
        log.flush()
        result = subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        reason = summarise_pip_error(INSTALL_LOG.read_text(encoding="utf-8", errors="replace"))
        raise CourseError(f"De installatie is mislukt: {reason}; het volledige verslag staat in {INSTALL_LOG}.")


def setup(lock: Path, venv_dir: Path = VENV) -> Path:
    """Make ``venv_dir`` hold ``lock`` plus this package; skipped when it already does.

    The stamp is written last, so an install that fails or is interrupted is never trusted: the next run
    builds the environment again from scratch.
    """
    python = venv_python(venv_dir)
    if installed(lock, venv_dir) and venv_trusted(venv_dir):
        if venv_dir == VENV:
            install_lab_settings(venv_dir)
        return python
    if not venv_trusted(venv_dir):
        create_venv(venv_dir)
    marker = venv_dir / ".installing"
    marker.write_text("an install into this environment started and has not finished\n")
    INSTALL_LOG.write_text("", encoding="utf-8")
    print(f"Ik installeer de pakketten in {venv_dir.name} (de eerste keer duurt dat een paar minuten) ...",
          flush=True)
    pip_install(python, "-r", lock)
    pip_install(python, "--no-deps", "-e", ".")
    if venv_dir == VENV:
        install_lab_settings(venv_dir)
    marker.unlink()
    _stamp(venv_dir, lock).write_text(_lock_hash(lock))
    print("Installatie klaar.", flush=True)
    return python


def install_lab_settings(venv_dir: Path) -> None:
    """JupyterLab in Dutch by default, as on Binder (binder/postBuild does the same there)."""
    settings = venv_dir / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LAB_SETTINGS, settings / "overrides.json")


def as_root() -> list[str]:
    """Jupyter refuses to run as root (common in containers) unless told it is deliberate."""
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


# ---------------------------------------------------------------------------
# The learner's workspace
# ---------------------------------------------------------------------------
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _beside(target: Path, manifest: dict) -> Path:
    """Free name next to ``target`` for a new course version (reusing one the learner never touched)."""
    for number in range(1, 1000):
        suffix = "-nieuwe-versie" if number == 1 else f"-nieuwe-versie-{number}"
        candidate = target.with_name(f"{target.stem}{suffix}{target.suffix}")
        key = candidate.relative_to(WORKSPACE).as_posix()
        if not candidate.exists() or manifest.get(key) == _digest(candidate):
            return candidate
    raise CourseError(f"Te veel nieuwe versies naast {target}; ruim er een paar op.")


def renamed_notebooks() -> dict[str, str]:
    """The course's renamed notebooks (old -> new), read from ``RENAMED`` in wfmcourse/course/contents.py.

    Read as a literal, because ``start`` runs before the package's dependencies are installed.
    """
    tree = ast.parse((ROOT / "wfmcourse" / "course" / "contents.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "RENAMED" for t in node.targets):
            return ast.literal_eval(node.value)
    return {}


def _move_renamed(manifest: dict) -> list[str]:
    """Move learner copies of renamed course notebooks to their new names (never over an existing file)."""
    lines = []
    for old, new in renamed_notebooks().items():
        before, after = WORKSPACE / old, WORKSPACE / new
        if before.exists() and not after.exists():
            after.parent.mkdir(parents=True, exist_ok=True)
            before.rename(after)
            if old in manifest:
                manifest[new] = manifest.pop(old)
            lines.append(f"Nieuwe nummering: {WORKSPACE.name}/{old} heet nu {WORKSPACE.name}/{new} "
                         f"(met je eigen antwoorden erin).")
    return lines


def sync_workspace() -> list[str]:
    """Bring new and changed course notebooks into mijn-werk/ without overwriting the learner's work.

    Returns Dutch lines saying what changed.
    """
    first_time = not WORKSPACE.exists()
    WORKSPACE.mkdir(exist_ok=True)
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.exists() else {}
    new, refreshed, beside = [], [], []
    moved = [] if first_time else _move_renamed(manifest)
    for source in sorted(COURSE.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in source.parts:
            continue
        key = source.relative_to(COURSE).as_posix()
        target = WORKSPACE / key
        course = _digest(source)
        if not target.exists():
            new.append(key)
        elif manifest.get(key) == course:
            continue                                   # the learner has this version (maybe with answers)
        elif _digest(target) == course:
            manifest[key] = course                     # identical already: just remember it
            continue
        elif manifest.get(key) == _digest(target):
            refreshed.append(key)                      # the learner never changed the old copy: replace it
        else:
            fresh = _beside(target, manifest)
            beside.append((key, fresh.relative_to(WORKSPACE).as_posix()))
            target = fresh
            manifest[target.relative_to(WORKSPACE).as_posix()] = course
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        manifest[key] = course
    MANIFEST.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if first_time:
        return [f"Je werkmap {WORKSPACE.name}/ is aangemaakt met {len(new)} notebooks. Je werkt daarin; "
                f"de originelen in notebooks/ blijven ongewijzigd."]
    lines = moved + [f"Nieuw in de cursus: {WORKSPACE.name}/{key}" for key in new]
    lines += [f"Bijgewerkt (je had er nog niets in veranderd): {WORKSPACE.name}/{key}" for key in refreshed]
    lines += [f"De cursus heeft een nieuwe versie van {key}. Jouw {WORKSPACE.name}/{key} met je antwoorden "
              f"blijft zoals hij is; de nieuwe versie staat ernaast als {WORKSPACE.name}/{fresh}."
              for key, fresh in beside]
    return lines


def update() -> None:
    """``update``: git pull (when this is a clone), then bring mijn-werk/ up to date with the course."""
    if (ROOT / ".git").exists() and shutil.which("git"):
        print("Ik haal de nieuwste versie van de cursus op (git pull) ...", flush=True)
        pulled = subprocess.run(["git", "pull", "--ff-only"], cwd=ROOT)
        if pulled.returncode != 0:
            print("Ophalen met git lukte niet (zie de melding hierboven). Heb je zelf iets buiten mijn-werk/ "
                  "veranderd, zet dat dan opzij met: git stash. Ik werk je werkmap nu bij met de cursusversie die "
                  "op je computer staat.", flush=True)
    else:
        print("Dit is geen git-kloon: haal de nieuwe versie van de cursus zelf op (download) en pak hem uit "
              "over deze map; daarna zet dit commando de nieuwe notebooks in je werkmap.", flush=True)
    lines = sync_workspace()
    print("\n".join(lines) if lines else f"Je werkmap {WORKSPACE.name}/ is bij met de cursus.", flush=True)


# ---------------------------------------------------------------------------
# JupyterLab
# ---------------------------------------------------------------------------
def _answers(url: str, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def running_server(python: Path) -> tuple[str, str] | None:
    """(base URL, token) of a course JupyterLab that already runs for this folder, or None."""
    found = subprocess.run([str(python), "-c", "from jupyter_core.paths import jupyter_runtime_dir as d; print(d())"],
                           capture_output=True, text=True)
    if found.returncode != 0:
        return None
    for info_file in sorted(Path(found.stdout.strip()).glob("jpserver-*.json")):
        try:
            info = json.loads(info_file.read_text(encoding="utf-8"))
            same_folder = Path(info["root_dir"]).resolve() == ROOT
        except (OSError, ValueError, KeyError):
            continue
        base = f"http://127.0.0.1:{info.get('port')}/"
        if same_folder and _answers(f"{base}api/status?token={info.get('token', '')}", timeout=15):
            return base, info.get("token", "")
    return None


def _free_port(first: int = PORT) -> int:
    for port in range(first, first + 50):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise CourseError(f"Geen vrije poort gevonden tussen {first} en {first + 49}.")


# Server messages a learner can do nothing about: a deprecation warning that Voila's server extension
# triggers in Jupyter Server, and the note that a notebook's stored outputs are not signed on this machine.
SERVER_NOISE = ("ServerApp.token config is deprecated", "return self._get_trait_default_generator",
                "is not trusted", "Kernel is running over TCP without encryption")


def _relay(stream) -> None:
    """Copy the server's messages to the terminal, without SERVER_NOISE."""
    for line in stream:
        if not any(noise in line for noise in SERVER_NOISE):
            sys.stderr.write(line)
            sys.stderr.flush()


def notebook_url(base: str, token: str) -> str:
    """Address of the first notebook in the learner's workspace, with the access token."""
    return f"{base}lab/tree/{WORKSPACE.name}/{FIRST_NOTEBOOK}?token={token}"


def start(extra: list[str]) -> None:
    """``start``: install if needed, sync mijn-werk/ and open JupyterLab there (or show the running one)."""
    python = setup(RUNTIME_LOCK)
    print("\n".join(sync_workspace()), flush=True)
    running = running_server(python)
    if running:
        url = notebook_url(*running)
        print(f"De cursus draait al (in een ander venster); ik start geen tweede JupyterLab.\n"
              f"Open hem in je browser op:\n\n    {url}\n\nStoppen doe je in dat andere venster met Ctrl-C.",
              flush=True)
        if "--no-browser" not in extra:
            import webbrowser
            webbrowser.open(url)
        return
    port = _free_port()
    if port != PORT:
        print(f"Poort {PORT} is bezet door een ander programma; de cursus gebruikt poort {port}.", flush=True)
    token = secrets.token_hex(24)
    base = f"http://127.0.0.1:{port}/"
    args = [str(python), "-m", "jupyter", "lab", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0", f"--ServerApp.root_dir={ROOT}", "--ServerApp.answer_yes=True",
            f"--LabApp.default_url=/lab/tree/{WORKSPACE.name}/{FIRST_NOTEBOOK}", "--Application.log_level=WARN",
            "--ContentsManager.pre_save_hook=wfmcourse.course.workspace.refuse_saving_originals",
            *(f"--ContentsManager.hide_globs={pattern}" for pattern in HIDDEN_IN_LAB), *as_root(), *extra]
    # The token goes through a config file only this user can read (not the process list, and not
    # JUPYTER_TOKEN, for which Jupyter Server prints a deprecation warning).
    config = VENV / "jupyter_cursus_config.json"
    config.unlink(missing_ok=True)
    with os.fdopen(os.open(config, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as out:
        json.dump({"IdentityProvider": {"token": token}}, out)
    args.append(f"--config={config}")
    server = subprocess.Popen(args, cwd=ROOT, env={k: v for k, v in os.environ.items() if k != "JUPYTER_TOKEN"},
                              stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    threading.Thread(target=_relay, args=(server.stderr,), daemon=True).start()
    try:
        while server.poll() is None and not _answers(f"{base}api/status?token={token}"):
            time.sleep(0.3)
        config.unlink(missing_ok=True)                 # read at startup; the token need not stay on disk
        if server.poll() is None:
            print(f"\nDe cursus staat klaar in JupyterLab. Opent er geen browser, open dan dit adres:\n\n"
                  f"    {notebook_url(base, token)}\n\nJe werk staat in {WORKSPACE.name}/. "
                  f"Stoppen: Ctrl-C in dit venster.\n", flush=True)
        server.wait()
    except KeyboardInterrupt:
        print("\nJupyterLab stopt ...", flush=True)
        try:
            server.wait(timeout=30)
        except (KeyboardInterrupt, subprocess.TimeoutExpired):
            server.terminate()
            server.wait()
        print("Gestopt. Je werk is bewaard in mijn-werk/.", flush=True)
        return
    if server.returncode not in (0, None):
        raise CourseError(f"JupyterLab stopte met foutcode {server.returncode} (zie de meldingen hierboven).")


# ---------------------------------------------------------------------------
# Other commands
# ---------------------------------------------------------------------------
def demo() -> None:
    """``demo``: the staffing calculator app in Voila."""
    python = setup(RUNTIME_LOCK)
    run(python, "-m", "voila", DASHBOARD)


def calculator(argv: list[str]) -> None:
    """``staff ...``: forward to ``python -m wfmcourse`` in the course environment."""
    python = setup(RUNTIME_LOCK)
    sys.exit(subprocess.run([str(python), "-m", "wfmcourse", *argv], cwd=Path.cwd()).returncode)


def test(extra: list[str]) -> None:
    """ruff over the repository, then pytest (with ``extra``); the run fails when either finds a problem.

    pytest runs also after ruff findings, so one run shows everything that is wrong.
    """
    python = setup(TEST_LOCK)
    print("+ ruff check", flush=True)
    lint = subprocess.run([str(python), "-m", "ruff", "check", "."], cwd=ROOT)
    result = subprocess.run([str(python), "-m", "pytest", *extra], cwd=ROOT)
    if lint.returncode != 0:
        print("ruff vond problemen in de code (zie boven, 'ruff check'); de testrun is daarom mislukt.",
              file=sys.stderr, flush=True)
    sys.exit(result.returncode or lint.returncode)


def bench() -> None:
    """``bench``: the speed measurements against pyworkforce, in their own environment."""
    python = setup(BENCH_LOCK, ROOT / "benchmarks" / ".venv")
    # pyworkforce 0.5.4 (the first with Erlang A) declares Python >= 3.12, but its queuing code
    # runs on 3.11; its dependencies are pinned in benchmarks/requirements.txt
    run(python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps",
        "--ignore-requires-python", "pyworkforce==0.5.4")
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        run(python, script)


def execute() -> None:
    """``execute``: re-execute every course notebook in place (authors)."""
    python = setup(TEST_LOCK)
    run(python, "-m", "wfmcourse.course.authoring", "execute")


def lock() -> None:
    """Freeze binder/requirements.in on this machine.

    Pins in requirements.in that the freeze leaves out are carried over as written: pins with a marker that
    is false here (other platforms) and setuptools (pip freeze never lists it).
    """
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        venv.create(tmp, with_pip=True)
        py = Path(tmp) / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        run(py, "-m", "pip", "install", "-q", "-r", RUNTIME_INPUT)
        frozen = subprocess.run([str(py), "-m", "pip", "freeze"], check=True, capture_output=True,
                                text=True).stdout
    frozen_names = {re.sub(r"[-_.]+", "-", line.partition("==")[0]).lower() for line in frozen.splitlines()}
    elsewhere = [line.split("#", 1)[0].strip() for line in RUNTIME_INPUT.read_text().splitlines()
                 if line.split("#", 1)[0].strip()
                 and re.sub(r"[-_.]+", "-", line.partition("==")[0].strip()).lower() not in frozen_names]
    header = ("# Full lock of the course environment (Binder and local). "
              "Regenerate from binder/requirements.in with: python cursus.py lock\n")
    RUNTIME_LOCK.write_text(header + frozen + "".join(f"{line}\n" for line in elsewhere))


def main(argv: list[str]) -> None:
    """Dispatch ``python cursus.py COMMANDO`` after checking the Python version."""
    problem = python_problem()
    if problem:
        raise CourseError(problem)
    commands = {"start": lambda: start(argv[1:]), "update": update, "demo": demo, "execute": execute,
                "lock": lock, "bench": bench, "test": lambda: test(argv[1:])}
    if not argv or argv[0] in ("-h", "--help", "help", "hulp"):
        print(USAGE)
        return
    if argv[0] in CLI_COMMANDS:
        calculator(argv)
    elif argv[0] in commands:
        commands[argv[0]]()
    else:
        print(f"Onbekend commando: {argv[0]}\n\n{USAGE}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except CourseError as error:
        print(error, file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("\nGestopt (Ctrl-C). Start opnieuw met hetzelfde commando; een onderbroken installatie wordt "
              "dan opnieuw gedaan.", file=sys.stderr)
        sys.exit(130)
