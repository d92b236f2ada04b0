"""Many series at once: :func:`forecast_many` and its engines (serial, local processes, Dask).

Layout: ``chunks`` groups a long frame into per-series arrays and chunks, ``worker`` runs
one chunk (pandas-free), ``engines`` dispatches chunks, ``progress`` draws the bar and
``api`` assembles the result frame, ``reading`` reads a long file of many series.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from idcforecast.batch.api import forecast_many

if TYPE_CHECKING:
    from idcforecast.batch.reading import read_long_table

__all__ = ["forecast_many", "read_long_table"]


def __getattr__(name: str) -> Any:
    # The file readers (reading and the table, cell and Excel modules it needs) are loaded
    # when a file is read: they were ~40 of the ~80 ms CPU of importing this package, paid
    # by every forecast of a frame, the local engine's fork server and each Dask worker.
    if name == "read_long_table":
        from idcforecast.batch.reading import read_long_table

        globals()[name] = read_long_table
        return read_long_table
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
