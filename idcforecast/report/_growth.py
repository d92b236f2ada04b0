"""Growth figures for charts and tables, from a one-series tidy history (private)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd


def yoy_percent(hist: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Years and YoY growth in percent, only where the previous year is present."""
    years = hist["year"].to_numpy(dtype=int)
    values = hist["value"].to_numpy(dtype=float)
    consecutive = np.diff(years) == 1
    growth = 100.0 * (values[1:] / values[:-1] - 1.0)
    return years[1:][consecutive], growth[consecutive]


def cagr_percent(hist: pd.DataFrame) -> float | None:
    """Compound annual growth, percent, from the first to the last year (None if undefined)."""
    years = hist["year"].to_numpy(dtype=int)
    values = hist["value"].to_numpy(dtype=float)
    if len(years) < 2 or values[0] <= 0 or values[-1] <= 0:
        return None
    return float(100.0 * ((values[-1] / values[0]) ** (1.0 / (years[-1] - years[0])) - 1.0))
