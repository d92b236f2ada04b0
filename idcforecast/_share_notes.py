"""The note of a forecast in percent that passes 100%: a share cannot, and the methods,
which extrapolate levels, do not know it. Added by :func:`idcforecast.forecast` and
:func:`idcforecast.forecast_many` alike, from the finished frame, so both word it the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["add_past_100_notes", "past_100_note"]


def past_100_note(
    years: np.ndarray, mean: np.ndarray, upper: np.ndarray | None, level: str | None
) -> str:
    """The note for one forecast in percent, "" when no bound passes 100%; ``upper`` and
    ``level`` None for a forecast without intervals (``level=()``): the central value.

    Examples
    --------
    >>> import numpy as np
    >>> past_100_note(np.array([2025, 2026]), np.array([90.0, 101.0]), np.array([99.0, 120.0]), "95")
    'forecast passes 100% (95% upper bound in 2026, central value in 2026): a share cannot; if the series is one, cap it at 100 (cap=100; forecast --cap 100)'
    >>> past_100_note(np.array([2025, 2026]), np.array([90.0, 101.0]), None, None)[:49]
    'forecast passes 100% (central value in 2026): a s'
    """  # noqa: E501
    central = years[mean > 100.0]
    if upper is None:
        if not central.size:
            return ""
        when = f"central value in {int(central.min())}"
    else:
        over = years[upper > 100.0]
        if not over.size:
            return ""
        when = f"{level}% upper bound in {int(over.min())}" + (
            f", central value in {int(central.min())}" if central.size else ""
        )
    return (
        f"forecast passes 100% ({when}): a share cannot; if the series is one, cap it at "
        "100 (cap=100; forecast --cap 100)"
    )


def add_past_100_notes(frame: pd.DataFrame, history_max: Mapping[str, float]) -> pd.DataFrame:
    """``frame`` (a forecast frame: ``series_id, year, model, mean, lo_*/hi_*, unit, note``)
    with :func:`past_100_note` appended to the note of each series in "%" and method whose
    widest interval (without intervals, central value) passes 100%, when the series'
    history never did (``history_max``, by series id as text; a series above 100% is no
    share)."""
    if "unit" not in frame.columns or not (frame["unit"] == "%").any():
        return frame
    highs = [c for c in frame.columns if c.startswith("hi_")]
    # no intervals (level=()): the central value alone (it was not checked at all)
    widest = max(highs, key=lambda c: float(c[3:].replace("_", "."))) if highs else None
    level = None if widest is None else widest[3:].replace("_", ".")
    frame = frame.copy()
    percent = frame[frame["unit"] == "%"]
    for (sid, _), rows in percent.groupby(["series_id", "model"], sort=False):
        if history_max.get(str(sid), np.inf) > 100.0:
            continue
        note = past_100_note(
            rows["year"].to_numpy(dtype=float),
            rows["mean"].to_numpy(dtype=float),
            None if widest is None else rows[widest].to_numpy(dtype=float),
            level,
        )
        if note:
            old = rows["note"].iloc[0]
            frame.loc[rows.index, "note"] = f"{old}; {note}" if old else note
    return frame
