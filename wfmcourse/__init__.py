"""wfmcourse: the Python package behind the Dutch WFM course for contact centres.

The package is built in layers (see ``docs/ARCHITECTURE.md``)::

    course, apps  ->  presentation  ->  data  ->  domain  ->  validation

Learners and notebooks import the modules by short names and never need to know the layer::

    from wfmcourse import erlang, kpi, shrinkage, dutch

The short names are loaded on first use, so ``python -m wfmcourse`` does not pay for
matplotlib or ipywidgets it does not need.
"""
import importlib
import sys
from types import ModuleType

__version__ = "0.1.0"

#: short name -> module, for every module a notebook uses
SHORT_NAMES = {
    "erlang": "wfmcourse.domain.erlang",
    "chat": "wfmcourse.domain.chat",
    "backlog": "wfmcourse.domain.backlog",
    "blending": "wfmcourse.domain.blending",
    "staffing": "wfmcourse.domain.staffing",
    "scenarios": "wfmcourse.domain.scenarios",
    "kpi": "wfmcourse.domain.kpi",
    "shrinkage": "wfmcourse.domain.shrinkage",
    "capacity": "wfmcourse.domain.capacity",
    "forecast": "wfmcourse.domain.forecast",
    "events": "wfmcourse.domain.events",
    "roster": "wfmcourse.domain.roster",
    "reporting": "wfmcourse.domain.reporting",
    "improvement": "wfmcourse.domain.improvement",
    "stakeholders": "wfmcourse.domain.stakeholders",
    "alignment": "wfmcourse.domain.alignment",
    "simulation": "wfmcourse.domain.simulation",
    "performance": "wfmcourse.domain.performance",
    "intraday": "wfmcourse.domain.intraday",
    "control_room": "wfmcourse.domain.control_room",
    "hiring": "wfmcourse.domain.hiring",
    "budget": "wfmcourse.domain.budget",
    "datasets": "wfmcourse.data.datasets",
    "synth": "wfmcourse.data.synth",
    "dutch": "wfmcourse.presentation.dutch",
    "charts": "wfmcourse.presentation.charts",
    "excel": "wfmcourse.presentation.excel",
    "calculator": "wfmcourse.apps.calculator",
    "dashboard": "wfmcourse.apps.dashboard",
    "control_room_game": "wfmcourse.apps.control_room_game",
    "contents": "wfmcourse.course.contents",
    "glossary": "wfmcourse.course.glossary",
    "glossary_graph": "wfmcourse.course.glossary_graph",
    "glossary_explorer": "wfmcourse.apps.glossary_explorer",
    "exercises": "wfmcourse.course.exercises",
}

__all__ = sorted(SHORT_NAMES)


def __getattr__(name: str) -> ModuleType:
    """Load a learner-facing module by its short name on first use (see :data:`SHORT_NAMES`)."""
    if name in SHORT_NAMES:
        module = importlib.import_module(SHORT_NAMES[name])
        globals()[name] = module
        return module
    raise AttributeError(f"module 'wfmcourse' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The attributes and the short names, for tab completion."""
    return sorted(set(globals()) | set(SHORT_NAMES))


def _dutch_errors_in_notebooks() -> None:
    """Inside IPython (a notebook), show the package's typed errors with a Dutch explanation."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    if shell is not None:
        from wfmcourse.course import notebook

        notebook.install(shell)


_dutch_errors_in_notebooks()
