"""Growth figures for charts, from a one-series tidy history, via :mod:`idcforecast.growth`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd


def yoy_percent(hist: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Years and YoY growth in percent, only where the previous year is present.

    Rates across a gap are annualized averages (``annualized``), not observed year-on-year
    changes, so they are left out of the bars.
    """
    from idcforecast.growth import yoy

    if len(hist) < 2:
        return np.array([], dtype=int), np.array([], dtype=float)
    table = yoy(hist[["series_id", "year", "value"]])
    observed = table[~table["annualized"].astype(bool)]
    return observed["year"].to_numpy(dtype=int), 100.0 * observed["yoy"].to_numpy(dtype=float)


def cagr_percent(hist: pd.DataFrame) -> float | None:
    """Compound annual growth, percent, from the first to the last year.

    None when it is undefined (one year only, or a level <= 0), so the chart can omit it.
    """
    from idcforecast.growth import cagr

    values = hist["value"].to_numpy(dtype=float)
    if len(values) < 2 or values[0] <= 0 or values[-1] <= 0:
        return None
    return 100.0 * float(cagr(hist[["series_id", "year", "value"]]))
