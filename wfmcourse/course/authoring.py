"""Tools for course authors: re-execute the notebooks so their stored outputs are current.

    python cursus.py execute                      all notebooks under notebooks/
    python -m wfmcourse.course.authoring execute FILE    one or more notebooks

Each notebook runs top to bottom in a fresh kernel with its own folder as working directory,
exactly as nbval will run it; the executed notebook is written back in place.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

#: The folder of the course notebooks in the repository.
NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"


def course_notebooks() -> list[Path]:
    """All notebooks of the course, numbered ones first, then the apps."""
    found = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb")) + sorted(NOTEBOOK_DIR.glob("apps/*.ipynb"))
    return [p for p in found if ".ipynb_checkpoints" not in p.parts]


def execute(path: Path, timeout: int = 600) -> float:
    """Execute one notebook in place; return the seconds it took."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:                 # timestamps only make diffs noisy
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def merge_streams(outputs: list) -> list:
    """Join consecutive stream outputs of the same stream: how a kernel flushes ``print`` is
    timing, so one printed line can arrive as two outputs; stored once, a re-run gives no diff."""
    merged: list = []
    for output in outputs:
        last = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and last is not None
                and last.get("output_type") == "stream" and last.get("name") == output.get("name")):
            last["text"] = "".join(last["text"]) + "".join(output["text"])
        else:
            merged.append(output)
    return merged


def main(argv: list[str]) -> None:
    """``execute [FILE ...]``: execute the given notebooks, or all of them (:func:`course_notebooks`)."""
    if not argv or argv[0] != "execute":
        raise SystemExit(__doc__)
    paths = [Path(p).resolve() for p in argv[1:]] or course_notebooks()
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise SystemExit(f"no such notebook: {', '.join(missing)}")
    for path in paths:
        seconds = execute(path)
        shown = path.relative_to(NOTEBOOK_DIR.parent) if path.is_relative_to(NOTEBOOK_DIR.parent) else path
        print(f"{shown}: {seconds:.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
