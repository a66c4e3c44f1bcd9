"""Guards for the learner's JupyterLab that ``python cursus.py start`` opens (root: the repository).

The learner works in ``mijn-werk/``; the course originals in ``notebooks/`` stay as git has them, so a
``git pull`` that updates the course never conflicts with the learner's answers.
"""
from __future__ import annotations

COURSE_FOLDER = "notebooks"


def refuse_saving_originals(model: dict, path: str, contents_manager: object, **kwargs: object) -> None:
    """Jupyter Server pre-save hook: refuse to save into notebooks/, with a Dutch explanation."""
    if path.strip("/").split("/", 1)[0] == COURSE_FOLDER:
        from tornado.web import HTTPError

        raise HTTPError(403, f"{path} is een origineel van de cursus en wordt niet opgeslagen. Werk in je "
                             f"eigen kopie in mijn-werk/ (python cursus.py start zet die klaar).")
