"""Dutch error messages in the learner's notebook.

A learner who calls a function wrongly gets the package's typed error. In a Jupyter kernel
:func:`install` makes IPython show, above the usual traceback, the same Dutch sentence the apps
show (:func:`wfmcourse.presentation.messages.explain`), with the parameter and the value. A
``KeyError`` whose key is a Dutch table header (``week["service level"]``) gets a line with the
column's name in the code. The English message stays in the traceback for whoever needs it.
``import wfmcourse`` installs it when it runs inside IPython; outside IPython nothing changes.
"""
from __future__ import annotations

from wfmcourse.data.files import DataFileError
from wfmcourse.presentation import dutch, messages
from wfmcourse.validation import ParameterTypeError, ParameterValueError

__all__ = ["TYPED_ERRORS", "dutch_explanation", "install"]

#: the errors that get a Dutch explanation
TYPED_ERRORS = (ParameterValueError, ParameterTypeError, DataFileError)


def _column_hint(error: KeyError) -> str:
    """For a key that is a Dutch header of :data:`dutch.LABELS`: the column's name in the code, else ""."""
    key = error.args[0] if len(error.args) == 1 else None
    if not isinstance(key, str):
        return ""
    names = [name for name, label in dutch.LABELS.items() if label == key and name != key]
    if not names:
        return ""
    if len(names) == 1:
        return f"Kolom '{key}' heet in de code '{names[0]}' (zie dutch.legend)."
    listed = ", ".join(f"'{name}'" for name in names[:-1]) + f" of '{names[-1]}'"
    return f"Kolom '{key}' heet in de code {listed}, afhankelijk van de tabel (zie dutch.legend)."


def dutch_explanation(error: BaseException) -> str:
    """The Dutch lines shown above the traceback: the sentence, and which parameter got which value.

    A ``KeyError`` on a Dutch table header gives the column's name in the code; any other
    ``KeyError`` gives "".
    """
    if isinstance(error, KeyError) and not isinstance(error, TYPED_ERRORS):
        return _column_hint(error)
    if isinstance(error, (ParameterValueError, ParameterTypeError)):
        value = "" if error.kind == "exceeds_whole" else f"; ingevuld: {messages.shown(error.value)}"
        return messages.explain(error, value=False) + f"\n(Het gaat om de parameter {error.parameter}{value}.)"
    return messages.explain(error)


def _show(shell, etype, value, tb, tb_offset=None):
    text = dutch_explanation(value)
    if text:
        print(text)
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install(shell) -> bool:
    """Let ``shell`` (an IPython shell) explain the package's typed errors in Dutch, and a ``KeyError`` on a
    Dutch table header; True when done."""
    if not hasattr(shell, "set_custom_exc"):
        return False
    shell.set_custom_exc(TYPED_ERRORS + (KeyError,), _show)
    return True
