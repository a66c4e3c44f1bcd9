"""The locks install on every supported Python, on Linux, macOS and Windows, as wheels.

For each (Python version, platform) pip itself resolves tests/requirements.txt (which includes
binder/requirements.txt) without installing anything:
``pip install --dry-run --ignore-installed --only-binary=:all: --python-version X --platform P --target T``.
pip evaluates environment markers for the machine it runs on, not for the target, so the lock is first
narrowed to the pins whose markers hold on the target, and afterwards the dependencies in pip's report are
walked with the target's markers: every package the target needs must be pinned (pywinpty on Windows,
appnope on macOS, ...). Pins that only other platforms need belong in binder/requirements.in with a marker;
``python cursus.py lock`` carries them over.

Needs only the package registry (pip's cache is reused). When the registry cannot be reached the tests are
skipped with a message; under CI (CI=true) that is a failure.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import cursus  # noqa: E402  (the entry point knows the supported range)

VERSIONS = [".".join(map(str, cursus.OLDEST_PYTHON))] + [
    f"3.{minor}" for minor in range(cursus.OLDEST_PYTHON[1] + 1, cursus.NEWEST_PYTHON[1] + 1)]
MANYLINUX = range(31, 16, -1)          # glibc 2.31 (e.g. Debian 11, Ubuntu 20.04) down to manylinux2014
PLATFORMS = {
    "linux-x86_64": ([f"manylinux_2_{g}_x86_64" for g in MANYLINUX] + ["manylinux2014_x86_64"],
                     {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
                      "platform_machine": "x86_64"}),
    "linux-aarch64": ([f"manylinux_2_{g}_aarch64" for g in MANYLINUX] + ["manylinux2014_aarch64"],
                      {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
                       "platform_machine": "aarch64"}),
    "macos-arm64": (["macosx_14_0_arm64"], {"sys_platform": "darwin", "platform_system": "Darwin",
                                            "os_name": "posix", "platform_machine": "arm64"}),
    "macos-x86_64": (["macosx_13_0_x86_64"], {"sys_platform": "darwin", "platform_system": "Darwin",
                                              "os_name": "posix", "platform_machine": "x86_64"}),
    "windows-amd64": (["win_amd64"], {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                                      "platform_machine": "AMD64"}),
}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock_lines(path: Path) -> list[str]:
    lines = []
    for raw in path.read_text().splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line.startswith("-r "):
            lines += _lock_lines(path.parent / line[3:].strip())
        elif line:
            lines.append(line)
    return lines


def _environment(version: str, platform: str) -> dict:
    full = version if version.count(".") == 2 else f"{version}.0"
    return {"python_version": ".".join(full.split(".")[:2]), "python_full_version": full,
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            "implementation_version": full, "platform_release": "", "platform_version": "", "extra": "",
            **PLATFORMS[platform][1]}


def _needed(report: dict, roots: set[str], environment: dict) -> set[str]:
    """Names of every distribution the roots need on the target, following extras."""
    requires = {_norm(item["metadata"]["name"]): item["metadata"].get("requires_dist", [])
                for item in report["install"]}
    seen, todo = set(), [(name, "") for name in roots]
    while todo:
        name, extra = todo.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        for spec in requires.get(name, []):
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({**environment, "extra": extra}):
                todo.append((_norm(requirement.name), ""))
                todo.extend((_norm(requirement.name), wanted) for wanted in requirement.extras)
    return {name for name, _ in seen}


@pytest.fixture(scope="module")
def registry():
    try:
        urllib.request.urlopen("https://pypi.org/simple/pip/", timeout=15).close()
    except OSError as error:
        message = f"the package registry (PyPI) cannot be reached, so the cross-platform lock check cannot run: {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def _pins(environment: dict) -> dict[str, str]:
    pins = {}
    for line in _lock_lines(cursus.TEST_LOCK):
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(environment):
            (pin,) = requirement.specifier
            assert pin.operator == "==", f"{line!r} is not pinned with =="
            pins[_norm(requirement.name)] = pin.version
    return pins


def _resolve(version: str, platform: str, folder: Path) -> tuple[subprocess.CompletedProcess, Path]:
    folder.mkdir()
    wanted = folder / "requirements.txt"
    pins = _pins(_environment(version, platform))
    wanted.write_text("".join(f"{name}=={pinned}\n" for name, pinned in sorted(pins.items())))
    platforms = [arg for tag in PLATFORMS[platform][0] for arg in ("--platform", tag)]
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--only-binary=:all:",
         "--disable-pip-version-check", "--quiet", "--python-version", version, *platforms,
         "--target", str(folder / "target"), "--report", str(folder / "report.json"), "-r", str(wanted)],
        capture_output=True, text=True)
    return result, folder / "report.json"


@pytest.fixture(scope="module")
def resolutions(registry, tmp_path_factory):
    """pip's resolution for every (version, platform), four at a time (mostly waiting for the registry)."""
    folder = tmp_path_factory.mktemp("resolutions")
    combinations = [(version, platform) for version in VERSIONS for platform in PLATFORMS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = pool.map(lambda combination: _resolve(*combination, folder / "-".join(combination)),
                           combinations)
        return dict(zip(combinations, results))


@pytest.mark.parametrize("platform", list(PLATFORMS))
@pytest.mark.parametrize("version", VERSIONS)
def test_locks_install_as_wheels(resolutions, version, platform):
    result, report_file = resolutions[version, platform]
    errors = "\n".join(line for line in result.stderr.splitlines() if not line.startswith("WARNING"))
    assert result.returncode == 0, f"Python {version} on {platform}:\n{errors[-3000:]}"
    environment = _environment(version, platform)
    pins = _pins(environment)
    report = json.loads(report_file.read_text())
    resolved = {_norm(item["metadata"]["name"]): item["metadata"]["version"] for item in report["install"]}
    other = {name: found for name, found in resolved.items() if pins.get(name) != found}
    assert not other, f"Python {version} on {platform}: pip chose packages or versions outside the lock: {other}"
    unpinned = _needed(report, set(pins), environment) - set(pins)
    assert not unpinned, (f"Python {version} on {platform} also needs {sorted(unpinned)}: pin them in "
                          f"binder/requirements.in with a marker and run python cursus.py lock")


def test_supported_range_is_stated_consistently():
    pyproject = (ROOT / "pyproject.toml").read_text()
    oldest = ".".join(map(str, cursus.OLDEST_PYTHON))
    assert f'requires-python = ">={oldest},<3.{cursus.NEWEST_PYTHON[1] + 1}"' in pyproject
    runtime = (ROOT / "binder" / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.\d+", runtime), runtime
    assert cursus.OLDEST_PYTHON[:2] <= tuple(map(int, runtime[7:].split("."))) <= cursus.NEWEST_PYTHON
    readme = (ROOT / "README.md").read_text()
    assert f"Python {oldest} tot en met 3.{cursus.NEWEST_PYTHON[1]}" in readme
