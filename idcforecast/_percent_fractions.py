"""Percentages written as fractions: a series in % whose every value is a plain number below 1
in size (0.125, 0.111), as a sheet holds 12.5% typed without the percent format or a program
exports it. Read as 0.125%, each is 100 times too small: :func:`warn_percent_fractions`
names the series in an :class:`~idcforecast.errors.AmbiguousNumberWarning`. A value written
with its sign ("0.125%") or a percent-formatted cell says what it is, and is not named."""

from __future__ import annotations

from typing import TYPE_CHECKING

from idcforecast._caller import caller_stacklevel

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["warn_percent_fractions"]


def warn_percent_fractions(frame: pd.DataFrame, name: str) -> None:
    """Warn for each series of ``frame`` (read_series' tidy frame) in "%" with two values or
    more, every one a plain number (no ``quote``: no sign written) between -1 and 1, not
    all zero."""
    import warnings

    from idcforecast.errors import AmbiguousNumberWarning

    rows = frame[frame["unit"] == "%"]
    for series_id, group in rows.groupby("series_id", sort=False):
        values = group["value"]
        plain = (group["quote"].fillna("") == "").all()
        if len(values) < 2 or not plain or not (values.abs() < 1).all() or not values.any():
            continue
        shown = ", ".join(f"{v:g}" for v in values.head(3)) + (", ..." if len(values) > 3 else "")
        warnings.warn(
            f"{name}: series {series_id!r} is in % and every value is a plain number below 1 "
            f"({shown}), as fractions are (0.125 for 12.5%) when a sheet's cells lack the "
            "percent format; they were read as percent (0.125 as 0.125%); if they are "
            "fractions, multiply them by 100 or format the cells as percentages",
            AmbiguousNumberWarning,
            stacklevel=caller_stacklevel(),
        )
