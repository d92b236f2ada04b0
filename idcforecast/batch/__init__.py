"""Many series at once: :func:`forecast_many` and its engines (serial, local processes, Dask).

Layout: ``chunks`` groups a long frame into per-series arrays and chunks, ``worker`` runs
one chunk (pandas-free), ``engines`` dispatches chunks, ``progress`` draws the bar and
``api`` assembles the result frame.
"""

from __future__ import annotations

from idcforecast.batch.api import forecast_many

__all__ = ["forecast_many"]
