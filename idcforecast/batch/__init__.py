"""Many series at once: :func:`forecast_many` and its engines (serial, local processes, Dask).

Layout: ``chunks`` groups a long frame into per-series arrays and chunks, ``worker`` runs
one chunk (pandas-free), ``engines`` dispatches chunks, ``progress`` draws the bar and
``api`` assembles the result frame, ``reading`` reads a long file of many series.
"""

from __future__ import annotations

from idcforecast.batch.api import forecast_many
from idcforecast.batch.reading import read_long_table

__all__ = ["forecast_many", "read_long_table"]
