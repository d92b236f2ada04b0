"""Imported once by the local engine's fork server, so that its workers start warm.

On systems with the "forkserver" start method (Linux, macOS), the local engine's workers are
forked from a server process that imported this module: the worker code, numpy and pandas
are loaded and numba's compiled "auto" searches are loaded from their on-disk cache (compiled
on the very first run), once per Python session instead of once per worker and per call.
"""

from __future__ import annotations

from idcforecast._smoothing_compiled import warm_up
from idcforecast.batch import worker  # noqa: F401  (imported for the workers)

warm_up()
