"""Dutch error messages in the learner's notebook.

A learner who calls a function wrongly gets the package's typed error. In a Jupyter kernel
:func:`install` makes IPython show, above the usual traceback, the same Dutch sentence the apps
show (:func:`wfmcourse.presentation.messages.explain`), with the parameter and the value. The
English message stays in the traceback for whoever needs it. ``import wfmcourse`` installs it when
it runs inside IPython; outside IPython nothing changes.
"""
from __future__ import annotations

from wfmcourse.data.files import DataFileError
from wfmcourse.presentation import messages
from wfmcourse.validation import ParameterTypeError, ParameterValueError, short_repr

__all__ = ["TYPED_ERRORS", "dutch_explanation", "install"]

#: the errors that get a Dutch explanation
TYPED_ERRORS = (ParameterValueError, ParameterTypeError, DataFileError)


def dutch_explanation(error: BaseException) -> str:
    """The Dutch lines shown above the traceback: the sentence, and which parameter got which value."""
    text = messages.explain(error)
    if isinstance(error, (ParameterValueError, ParameterTypeError)):
        text += f"\n(Het gaat om de parameter {error.parameter}; ingevuld: {short_repr(error.value)}.)"
    return text


def _show(shell, etype, value, tb, tb_offset=None):
    print(dutch_explanation(value))
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install(shell) -> bool:
    """Let ``shell`` (an IPython shell) explain the package's typed errors in Dutch; True when done."""
    if not hasattr(shell, "set_custom_exc"):
        return False
    shell.set_custom_exc(TYPED_ERRORS, _show)
    return True
