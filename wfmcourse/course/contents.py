"""The course's table of contents: the one list of notebooks, with titles, WFM processes and study times.

Every other list of notebooks is derived from :data:`NOTEBOOKS` (the glossary's notebook keys, the
titles on a glossary card, the structure tests).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["PROCESSES", "Notebook", "NOTEBOOKS", "RENAMED", "table_of_contents", "total_minutes"]

PROCESSES = (
    "Forecasting",
    "Planning & roostering",
    "Traffic & dagsturing",
    "Rapportage & analyse",
)


@dataclass(frozen=True)
class Notebook:
    """One course notebook: its file name, Dutch title, WFM processes and study time in minutes."""

    file: str
    title: str
    processes: tuple[str, ...]
    minutes: int

    @property
    def key(self) -> str:
        """The file name without ``.ipynb`` (``"03_erlang"``), as the glossary names a notebook."""
        return self.file.removesuffix(".ipynb")

    @property
    def exercises(self) -> str:
        """The exercise module's name: the key without its number (``"erlang"`` for ``03_erlang``)."""
        return self.key.split("_", 1)[1]


#: The course notebooks in order. Minutes are the study time of a careful learner who reads
#: everything, runs every cell and does every exercise before looking at a solution (see
#: :func:`total_minutes`). The final case asks no in-day steering, so it carries the other three processes.
_WITHOUT_TRAFFIC = tuple(p for p in PROCESSES if p != "Traffic & dagsturing")
NOTEBOOKS = (
    Notebook("00_start.ipynb", "Welkom en de WFM-cyclus", PROCESSES, 25),
    Notebook("01_begrippen.ipynb", "Begrippen van A tot Z", PROCESSES, 60),
    Notebook("02_kpis.ipynb", "KPI's berekenen en lezen", ("Rapportage & analyse",), 80),
    Notebook("03_erlang.ipynb", "Erlang C en Erlang A", ("Planning & roostering",), 120),
    Notebook("04_shrinkage_fte.ipynb", "Shrinkage en FTE", ("Planning & roostering",), 75),
    Notebook("05_kanalen.ipynb", "Kanalen: chat, e-mail en blending", ("Planning & roostering",), 90),
    Notebook("06_forecast_rooster.ipynb", "Van forecast naar rooster",
             ("Forecasting", "Planning & roostering"), 120),
    Notebook("07_jaarplan.ipynb", "Het jaarplan: forecast, werving en budget",
             ("Forecasting", "Planning & roostering"), 100),
    Notebook("08_dagsturing.ipynb", "Dagsturing: de dag bijsturen", ("Traffic & dagsturing",), 100),
    Notebook("09_stakeholders.ipynb", "Stakeholders rond WFM",
             ("Planning & roostering", "Rapportage & analyse"), 110),
    Notebook("10_kerncontact.ipynb", "Kern-contact: verbeteren aan de bron", ("Rapportage & analyse",), 75),
    Notebook("11_eindcase.ipynb", "Eindcase: advies aan een klant", _WITHOUT_TRAFFIC, 120),
)


#: Course files renamed when notebooks were added (05 kanalen, 07 jaarplan, 08 dagsturing): old -> new name.
#: ``python cursus.py start`` and ``update`` move a learner's copy in mijn-werk/ to the new name, its content
#: as the learner left it (cursus.py reads this literal without importing the package).
RENAMED = {
    "05_forecast_rooster.ipynb": "06_forecast_rooster.ipynb",
    "06_stakeholders.ipynb": "09_stakeholders.ipynb",
    "07_kerncontact.ipynb": "10_kerncontact.ipynb",
    "08_eindcase.ipynb": "11_eindcase.ipynb",
}


def table_of_contents() -> pd.DataFrame:
    """The notebooks with their WFM processes and estimated study time (Dutch column names)."""
    return pd.DataFrame(
        {
            "notebook": [nb.file for nb in NOTEBOOKS],
            "onderwerp": [nb.title for nb in NOTEBOOKS],
            "processen": [", ".join(nb.processes) for nb in NOTEBOOKS],
            "duur (min)": [nb.minutes for nb in NOTEBOOKS],
        }
    ).set_index("notebook")


def total_minutes() -> int:
    """Total study time of the course in minutes (the sum over :data:`NOTEBOOKS`)."""
    return sum(nb.minutes for nb in NOTEBOOKS)
