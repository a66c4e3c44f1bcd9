"""The package's layers, read from the source with ``ast`` (see docs/ARCHITECTURE.md).

Dependencies point one way::

    course ─┐
            ├─> presentation ─> data ─> domain ─> validation
    apps ───┘        (apps may import course; course never imports apps)

Every ``import`` and ``from ... import`` of every module under ``wfmcourse/`` counts, also the ones
inside functions (a late import is still a dependency). The tests say which imports break a rule and
list the import cycles between modules. Importing the package root (``from wfmcourse import
__version__``) is allowed everywhere: ``wfmcourse/__init__.py`` holds only metadata and the lazy map
of short names. The habits (return annotations on public functions, module docstrings) are checked by
ruff (``[tool.ruff]`` in pyproject.toml), which ``python cursus.py test`` runs before pytest.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from wfmcourse import SHORT_NAMES

PACKAGE = "wfmcourse"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE

#: layer -> the layers it may import (besides itself and the standard/third-party libraries).
ALLOWED = {
    "validation": set(),
    "domain": {"validation"},
    "data": {"validation", "domain"},
    "presentation": {"validation", "domain", "data"},
    "apps": {"validation", "domain", "data", "presentation", "course"},
    "course": {"validation", "domain", "data", "presentation"},
    "package": {"validation", "domain", "data", "presentation", "apps", "course"},   # __init__, __main__
}

#: Third-party modules a layer may not import at all (any import of them or their submodules).
FORBIDDEN_LIBRARIES = {
    "domain": ("matplotlib", "ipywidgets", "IPython"),
    "validation": ("matplotlib", "ipywidgets", "IPython"),
}
#: Nobody uses pyplot's global state: charts are built on charts.CourseFigure.
NOWHERE = ("matplotlib.pyplot",)


@dataclass(frozen=True)
class Import:
    """One imported name: the importing module, the module imported and where."""

    source: str          # wfmcourse.domain.erlang
    target: str          # wfmcourse.validation, or a library such as matplotlib.pyplot
    line: int

    def __str__(self) -> str:
        return f"{self.source} -> {self.target} (line {self.line})"


def module_name(path: Path) -> str:
    """``wfmcourse/domain/erlang.py`` -> ``wfmcourse.domain.erlang`` (a package is its ``__init__``)."""
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def _resolve_relative(source: str, is_package: bool, level: int, module: str | None) -> str:
    base = source.split(".") if is_package else source.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def imports_of(name: str) -> list[Import]:
    """Every import in module ``name``, at any depth (functions, classes, ``if`` blocks)."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(name, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = (_resolve_relative(name, path.name == "__init__.py", node.level, node.module)
                    if node.level else node.module)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                if base == PACKAGE and alias.name in SHORT_NAMES:      # from wfmcourse import erlang
                    candidate = SHORT_NAMES[alias.name]
                # "from wfmcourse.domain import erlang" imports the module wfmcourse.domain.erlang
                found.append(Import(name, candidate if candidate in MODULES else base, node.lineno))
    return list(dict.fromkeys(found))          # "from x import a, b" is one import of x


ALL_IMPORTS = [each for name in MODULES for each in imports_of(name)]
INTERNAL = [each for each in ALL_IMPORTS if each.target == PACKAGE or each.target.startswith(PACKAGE + ".")]


def layer(name: str) -> str:
    """The layer of a module: ``wfmcourse.domain.erlang`` -> ``domain``; ``wfmcourse`` -> ``package``."""
    parts = name.split(".")
    if len(parts) == 1 or parts[1] in ("__main__",):
        return "package"
    return parts[1]


def test_every_module_is_in_a_known_layer():
    unknown = sorted(name for name in MODULES if layer(name) not in ALLOWED)
    assert not unknown, f"modules outside the layers {sorted(ALLOWED)}: {unknown}"


def test_no_import_against_the_arrow():
    wrong = [each for each in INTERNAL
             if each.target != PACKAGE and layer(each.target) != layer(each.source)
             and layer(each.target) not in ALLOWED[layer(each.source)]]
    assert not wrong, ("imports against the layers (course/apps -> presentation -> data -> domain -> "
                       "validation; apps may import course):\n  " + "\n  ".join(map(str, wrong)))


def test_no_forbidden_libraries():
    wrong = [each for each in ALL_IMPORTS
             if any(each.target == lib or each.target.startswith(lib + ".") for lib in NOWHERE)
             or any(each.target == lib or each.target.startswith(lib + ".")
                    for lib in FORBIDDEN_LIBRARIES.get(layer(each.source), ()))]
    assert not wrong, ("imports of matplotlib.pyplot (anywhere) or of matplotlib/ipywidgets/IPython in the "
                       "domain or validation:\n  " + "\n  ".join(map(str, wrong)))


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of ``graph`` with more than one node, or with a self-loop
    (Tarjan's algorithm, iterative so that a deep package cannot overflow the stack)."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph.get(successor, ())))))
                    advanced = True
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph.get(node, ()):
                    components.append(sorted(component))
    return components


def import_graph() -> dict[str, set[str]]:
    """module -> the package modules it imports (the package ``wfmcourse`` itself left out: its
    ``__init__`` only maps short names lazily)."""
    graph = {name: set() for name in MODULES}
    for each in INTERNAL:
        if each.target in MODULES and each.target != PACKAGE and each.source != PACKAGE:
            graph[each.source].add(each.target)
    return graph


def test_strongly_connected_finds_cycles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}, "f": set()}
    assert strongly_connected(graph) == [["a", "b", "c"], ["e"]]


def test_no_import_cycles():
    graph = import_graph()
    cycles = strongly_connected(graph)
    lines = []
    for component in cycles:
        members = set(component)
        lines.append(" <-> ".join(component) + ":")
        lines += [f"    {each}" for each in INTERNAL if each.source in members and each.target in members]
    assert not cycles, "import cycles between modules:\n  " + "\n  ".join(lines)


def test_package_ships_py_typed():
    """PEP 561: type checkers read the annotations of an installed wfmcourse (the wheel carries py.typed)."""
    import tomllib

    assert (ROOT / "py.typed").is_file()
    pyproject = tomllib.loads((ROOT.parent / "pyproject.toml").read_text())
    assert "py.typed" in pyproject["tool"]["setuptools"]["package-data"][PACKAGE]


def test_architecture_md_names_every_module():
    """docs/ARCHITECTURE.md has one line per module, so a new module cannot go undocumented."""
    import pkgutil
    from pathlib import Path

    import wfmcourse

    text = (Path(__file__).resolve().parents[1] / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    missing = [m.name for m in pkgutil.walk_packages(wfmcourse.__path__, "wfmcourse.")
               if not m.ispkg and ".exercises." not in m.name and not m.name.endswith("__main__")
               and f"`{m.name.removeprefix('wfmcourse.')}`" not in text]
    assert not missing, f"docs/ARCHITECTURE.md has no line for {missing}"
