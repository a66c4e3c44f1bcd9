#!/usr/bin/env python3
"""One entry point for learners, trainers and authors (works on Linux, macOS and Windows).

    python cursus.py start      set up .venv with the pinned environment and open the course in JupyterLab
    python cursus.py test       set up .venv with the pinned test environment and run every test
    python cursus.py demo       set up .venv and open the consultant dashboard (Voila app) in the browser
    python cursus.py execute    re-run all notebooks in place (for authors, after changing a notebook)
    python cursus.py bench      set up benchmarks/.venv (with pyworkforce) and print the speed comparisons
    python cursus.py lock       regenerate binder/requirements.txt from binder/requirements.in

Only the Python standard library is used here, so this file runs before anything is installed.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
RUNTIME_LOCK = ROOT / "binder" / "requirements.txt"
TEST_LOCK = ROOT / "tests" / "requirements.txt"
FIRST_NOTEBOOK = "notebooks/00_start.ipynb"
DASHBOARD = "notebooks/apps/bezettingscalculator.ipynb"
LAB_SETTINGS = ROOT / "binder" / "overrides.json"


BENCH_LOCK = ROOT / "benchmarks" / "requirements.txt"


def venv_python(venv_dir: Path = VENV) -> Path:
    return venv_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*args: str | Path, **kwargs) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kwargs)


def setup(lock: Path, venv_dir: Path = VENV) -> Path:
    """Create the virtual environment (once) and install ``lock`` plus this package.

    Skipped when neither the lock files nor pyproject.toml changed since the last install.
    """
    python = venv_python(venv_dir)
    if not python.exists():
        print(f"Creating {venv_dir} ...", flush=True)
        venv.create(venv_dir, with_pip=True)
    wanted = hashlib.sha256()
    for path in (lock, RUNTIME_LOCK, ROOT / "pyproject.toml"):
        wanted.update(path.read_bytes())
    stamp = venv_dir / f".installed-{lock.parent.name}"
    if not stamp.exists() or stamp.read_text() != wanted.hexdigest():
        run(python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", lock)
        run(python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps", "-e", ".")
        stamp.write_text(wanted.hexdigest())
    if venv_dir == VENV:
        install_lab_settings(venv_dir)
    return python


def install_lab_settings(venv_dir: Path) -> None:
    """JupyterLab in Dutch by default, as on Binder (binder/postBuild does the same there)."""
    settings = venv_dir / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LAB_SETTINGS, settings / "overrides.json")


def as_root() -> list[str]:
    """Jupyter refuses to run as root (common in containers) unless told it is deliberate."""
    return ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


def start() -> None:
    python = setup(RUNTIME_LOCK)
    run(python, "-m", "jupyter", "lab", FIRST_NOTEBOOK, *as_root())


def demo() -> None:
    python = setup(RUNTIME_LOCK)
    run(python, "-m", "voila", DASHBOARD)


def test(extra: list[str]) -> None:
    python = setup(TEST_LOCK)
    result = subprocess.run([str(python), "-m", "pytest", *extra], cwd=ROOT)
    sys.exit(result.returncode)


def bench() -> None:
    python = setup(BENCH_LOCK, ROOT / "benchmarks" / ".venv")
    # pyworkforce 0.5.4 (the first with Erlang A) declares Python >= 3.12, but its queuing code
    # runs on 3.11; its dependencies are pinned in benchmarks/requirements.txt
    run(python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps",
        "--ignore-requires-python", "pyworkforce==0.5.4")
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        run(python, script)


def execute() -> None:
    python = setup(TEST_LOCK)
    run(python, "-m", "wfmcourse.authoring", "execute")


def lock() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        venv.create(tmp, with_pip=True)
        py = Path(tmp) / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        run(py, "-m", "pip", "install", "-q", "-r", ROOT / "binder" / "requirements.in")
        frozen = subprocess.run([str(py), "-m", "pip", "freeze"], check=True, capture_output=True,
                                text=True).stdout
    header = ("# Full lock of the course environment (Binder and local). "
              "Regenerate from binder/requirements.in with: python cursus.py lock\n")
    RUNTIME_LOCK.write_text(header + frozen)


def main(argv: list[str]) -> None:
    commands = {"start": start, "demo": demo, "execute": execute, "lock": lock, "bench": bench}
    if not argv or argv[0] not in {*commands, "test"}:
        print(__doc__)
        sys.exit(2)
    if argv[0] == "test":
        test(argv[1:])
    else:
        commands[argv[0]]()


if __name__ == "__main__":
    main(sys.argv[1:])
