"""Imported once by the local engine's fork server, so that its workers start warm.

On systems with the "forkserver" start method (Linux, macOS), the local engine's workers are
forked from a server process that imported this module: the worker code, numpy and pandas
are loaded, numba's compiled "auto" searches are loaded from their on-disk cache (compiled
on the very first run), and one tiny "auto" chunk is forecast, so that what the worker path
imports on first use (pandas, parts of scipy: ~600 modules, ~0.3 s) is imported here, once
per Python session, instead of once per worker and per call.
"""

from __future__ import annotations

import contextlib

from idcforecast._smoothing_compiled import warm_up
from idcforecast.batch import worker


def _warm_worker_path() -> None:
    """Forecast one small series with "auto" through the worker's own code (the result is
    dropped). A failure here is left to the real call, which reports it."""
    import numpy as np
    import pandas as pd

    from idcforecast.batch.chunks import group_series, iter_chunks

    data = pd.DataFrame(
        {"series_id": "warm", "year": np.arange(2010, 2022), "value": np.geomspace(10, 40, 12)}
    )
    spec = worker.BatchSpec(horizon=2, methods=("auto",), levels=(80.0, 95.0))
    for chunk in iter_chunks(group_series(data), 1):
        worker.run_chunk(chunk, spec)


warm_up()
with contextlib.suppress(Exception):  # only a warm-up: the real call reports any error
    _warm_worker_path()
