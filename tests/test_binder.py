"""The binder/ environment: fully pinned, widgets front end matching the kernel side, Dutch JupyterLab.

The browser tests (test_browser.py) run JupyterLab and Voilà from this very lock; these checks say
why a Binder build gives the same result.
"""
import importlib.metadata
import json
import re
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"


def _pins() -> dict[str, str]:
    pins = {}
    for line in (BINDER / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition(";")[0].partition("==")     # a marker may follow (other platforms)
            assert version, f"binder/requirements.txt: {line!r} is not pinned with =="
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    return pins


def test_lock_has_what_the_course_needs():
    pins = _pins()
    for name in ("numpy", "scipy", "pandas", "matplotlib", "ipywidgets", "jupyterlab", "voila",
                 "openpyxl", "jupyterlab-language-pack-nl-nl", "jupyterlab-widgets", "widgetsnbextension",
                 "statsmodels", "holidays"):
        assert name in pins, f"{name} missing from binder/requirements.txt"


def test_widgets_front_end_matches_ipywidgets():
    """ipywidgets pins its front ends (jupyterlab_widgets for Lab and Voila); the lock must agree."""
    pins = _pins()
    assert importlib.metadata.version("ipywidgets") == pins["ipywidgets"]
    for requirement in map(Requirement, importlib.metadata.requires("ipywidgets")):
        key = re.sub(r"[-_.]+", "-", requirement.name).lower()
        if key in ("jupyterlab-widgets", "widgetsnbextension"):
            assert requirement.specifier.contains(pins[key]), f"{key}=={pins[key]} vs {requirement}"


def test_jupyterlab_defaults_to_dutch_and_stays_quiet():
    overrides = json.loads((BINDER / "overrides.json").read_text())
    locale = overrides["@jupyterlab/translation-extension:plugin"]["locale"]
    packs = {entry.name for entry in importlib.metadata.entry_points(group="jupyterlab.languagepack")}
    assert locale == "nl_NL" and locale in packs, f"no language pack for {locale}: {packs}"
    assert overrides["@jupyterlab/apputils-extension:notification"] == {"fetchNews": "false",
                                                                         "checkForUpdates": False}


def test_post_build_installs_package_and_settings():
    script = (BINDER / "postBuild").read_text()
    assert "pip install --no-deps -e ." in script
    assert "share/jupyter/lab/settings" in script and "cp binder/overrides.json" in script
    assert (BINDER / "runtime.txt").read_text().strip() == "python-3.11"


def test_jupyterlab_is_in_the_series_of_the_dutch_language_pack():
    """Language packs follow JupyterLab's minor series: 4.5.postN holds the strings of JupyterLab 4.5."""
    pins = _pins()
    lab, pack = pins["jupyterlab"].split("."), pins["jupyterlab-language-pack-nl-nl"].split(".")
    assert lab[:2] == pack[:2], (f"jupyterlab=={pins['jupyterlab']} with the nl-NL pack "
                                 f"{pins['jupyterlab-language-pack-nl-nl']}")


def test_test_lock_pins_every_test_tool_and_the_linter():
    """``python cursus.py test`` installs tests/requirements.txt and runs ruff from it: every tool of the
    ``test`` extra (ruff among them) is pinned there, and ruff's settings live in pyproject.toml."""
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    pinned = {}
    for line in (ROOT / "tests" / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-r"):
            name, _, version = line.partition("==")
            pinned[re.sub(r"[-_.]+", "-", name).lower()] = version
    for spec in map(Requirement, pyproject["project"]["optional-dependencies"]["test"]):
        key = re.sub(r"[-_.]+", "-", spec.name).lower()
        assert key in pinned, f"{spec.name} (test extra) is not pinned in tests/requirements.txt"
        assert spec.specifier.contains(pinned[key]), f"{key}=={pinned[key]} does not satisfy {spec}"
    lint = pyproject["tool"]["ruff"]["lint"]["select"]
    assert {"E", "F", "W", "I", "UP", "B", "ANN201", "D100"} <= set(lint)
    assert '"-m", "ruff", "check"' in (ROOT / "cursus.py").read_text()
