"""Why a frame handed to forecast() is not a tidy table, and the pandas call that makes it
one: its years in the index or as columns, its series ids in the index, its columns named
in another case or spacing. Split out of :mod:`idcforecast._series` (the checks of a tidy
frame's cells stay there)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check_ids_not_in_index", "check_yearly_index", "years_in_index_hint"]


def years_in_index_hint(frame: pd.DataFrame, missing: list[str]) -> str:
    """The fix when the years are the frame's index (``df.set_index("year")``, a column
    per series), the commonest way an analyst's frame misses its ``year`` column; or when
    the index holds other columns (``groupby(["series_id", "year"]).sum()``), its columns
    are named in another case ("Year", "Value": was refused with no word of the case), or
    its years are its columns (a wide table: was refused with no fix, or told to use
    read_series, which needs a unit for a frame's bare numbers), or a column holds dates.
    """
    return (
        _year_index_hint(frame, missing)
        or _index_levels_hint(frame, missing)
        or _renaming_hint(frame, missing)
        or ("year" in missing and _years_as_columns_hint(frame))
        or ("year" in missing and _date_column_hint(frame))
        or ""
    )


def _date_column_hint(frame: pd.DataFrame) -> str:
    """``frame.assign(year=...)`` when a column holds dates (a ``date`` column from a
    database or ``pd.to_datetime``): was "missing column(s) 'year'" and no fix.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"date": pd.to_datetime(["2020-12-31"]), "value": [1.0]})
    >>> _date_column_hint(frame)
    "; column 'date' holds dates: pass frame.assign(year=frame['date'].dt.year), one row a year"
    """
    import pandas as pd

    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            return (
                f"; column {column!r} holds dates: pass "
                f"frame.assign(year=frame[{column!r}].dt.year), one row a year"
            )
        if isinstance(frame[column].dtype, pd.PeriodDtype):
            return (
                f"; column {column!r} holds periods: pass "
                f"frame.assign(year=frame[{column!r}].dt.year), one row a year"
            )
    return ""


def _year_index_hint(frame: pd.DataFrame, missing: list[str]) -> str:
    """The fix when the frame's one index holds its years (named so, or calendar years)."""
    if "year" not in missing:
        return ""
    index = frame.index
    named = index.name is not None and str(index.name).strip().lower() in ("year", "years")
    if not named:
        numbers = _index_numbers(index)  # calendar years, not positions 0, 1, 2 or 1, 2, 3
        named = bool(numbers.notna().all() and numbers.between(1800, 2200).all())
    if not named:
        return ""
    if "value" in missing:  # a column per series
        return (
            "; the years are the frame's index and each column a series: pass "
            "frame.rename_axis('year').reset_index().melt('year', var_name='series_id')"
        )
    return "; the years are the frame's index: pass frame.rename_axis('year').reset_index()"


def _index_levels_hint(frame: pd.DataFrame, missing: list[str]) -> str:
    """``frame.reset_index()`` when the index holds missing columns by name (a frame from
    ``groupby(["series_id", "year"]).sum()`` or ``set_index("series_id")``: was a
    NotImplementedError from pandas, or no fix).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"series_id": ["a"], "year": [2020], "value": [1.0]})
    >>> _index_levels_hint(frame.set_index(["series_id", "year"]), ["series_id", "year"])
    "; the frame's index holds 'series_id', 'year': pass frame.reset_index()"
    """
    levels = [name for name in frame.index.names if name in missing]
    if not levels:
        return ""
    return f"; the frame's index holds {', '.join(map(repr, levels))}: pass frame.reset_index()"


def check_ids_not_in_index(frame: pd.DataFrame) -> None:
    """Refuse a frame whose series ids are its index (``set_index("series_id")``) rather
    than a column: read as one series, "series", it failed with a pandas ValueError
    ("'series_id' is both an index level and a column label") or merged the series."""
    if "series_id" in frame.columns or "series_id" not in frame.index.names:
        return
    raise DataError(
        "data has its series ids in the index ('series_id'), not in a column; expected a "
        "tidy frame with series_id, year, value columns; pass frame.reset_index()",
        missing=["series_id"],
    )


def _renaming_hint(frame: pd.DataFrame, missing: list[str]) -> str:
    """``frame.rename(...)`` for the missing columns that a column of another case or
    spacing names ("Year", " value ", "Series ID"), and for ``series_id`` and ``unit``
    so named.

    Examples
    --------
    >>> import pandas as pd
    >>> _renaming_hint(pd.DataFrame(columns=["Series ID", "Year", "Value"]), ["year", "value"])
    "; the columns are named in another case or spacing: pass frame.rename(columns={'Year': 'year', 'Value': 'value', 'Series ID': 'series_id'})"
    """  # noqa: E501
    spelled: dict[str, str] = {}
    for column in frame.columns:
        if isinstance(column, str):
            key = "_".join(column.strip().lower().replace("-", " ").split())
            spelled.setdefault(key, column)
    # the optional columns too: renamed with the others, else read as absent in silence
    optional = [c for c in ("series_id", "unit") if c not in frame.columns and c not in missing]
    found = {spelled[name]: name for name in [*missing, *optional] if name in spelled}
    if not any(name in missing for name in found.values()):
        return ""
    return (
        f"; the columns are named in another case or spacing: pass frame.rename(columns={found!r})"
    )


def _years_as_columns_hint(frame: pd.DataFrame) -> str:
    """The reshaping of a wide frame (a column per year, a row per series) into a tidy one.

    Examples
    --------
    >>> import pandas as pd
    >>> _years_as_columns_hint(pd.DataFrame({2019: [1.0], 2020: [2.0]}, index=["a"]))
    "; the years are the frame's columns and each row a series: pass frame.rename_axis('series_id').reset_index().melt('series_id', var_name='year')"
    """  # noqa: E501
    years = _index_numbers(frame.columns)
    in_range = years.between(1800, 2200) & (years % 1 == 0)
    if int(in_range.sum()) < 2:
        return ""
    if "series_id" in frame.columns:
        return (
            "; the years are the frame's columns and each row a series: pass "
            "frame.melt('series_id', var_name='year')"
        )
    return (
        "; the years are the frame's columns and each row a series: pass "
        "frame.rename_axis('series_id').reset_index().melt('series_id', var_name='year')"
    )


def _index_numbers(index: Any) -> Any:
    import pandas as pd

    if isinstance(index, pd.MultiIndex):  # tuples are no years (pandas refused them)
        return pd.Series(np.nan, index=range(len(index)))
    return pd.Series(pd.to_numeric(pd.Series(index, dtype=object), errors="coerce"))


_PERIOD_WORDS = {"M": "monthly", "Q": "quarterly", "W": "weekly", "D": "daily", "B": "daily"}


def check_yearly_index(index: Any, years: np.ndarray, name: str) -> None:
    """Refuse a Series dated more often than yearly (a monthly ``DatetimeIndex``, a
    quarterly ``PeriodIndex``) with the aggregation that makes it yearly: it was "series
    's' has 12 values for year 2020 (0.0, 1.0, ...); keep one row per year", which named
    neither the dates nor the fix.

    Examples
    --------
    >>> import pandas as pd
    >>> index = pd.period_range("2020Q1", periods=8, freq="Q")
    >>> check_yearly_index(index, np.asarray(index.year), "s")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    idcforecast.errors.DuplicateYearError: series 's' is dated quarterly (2020Q1 to 2021Q4, 4 values in 2020): forecast() takes one value a year; ...
    """  # noqa: E501
    from idcforecast.errors import DuplicateYearError

    distinct, counts = np.unique(years, return_counts=True)
    if not (counts > 1).any():
        return
    first = int(distinct[np.argmax(counts > 1)])
    import pandas as pd

    freq = getattr(index, "freqstr", None)  # None: dates without a frequency set
    busiest = int(counts.max())
    often = _PERIOD_WORDS.get(
        str(freq or "").lstrip("0123456789")[:1],
        # as many in a year as a frequency gives ("M": 12 month ends in 2020)
        {12: "monthly", 4: "quarterly", 2: "half-yearly"}.get(busiest, "more than once a year"),
    )
    # a date without its time ("2020-01-01"), a period as pandas writes it ("2020Q1")
    dated = isinstance(index, pd.DatetimeIndex)
    start, end = (str(when)[:10] if dated else str(when) for when in (index.min(), index.max()))
    raise DuplicateYearError(
        f"series {name!r} is dated {often} ({start} to {end}, {busiest} values "
        f"in {first}): forecast() takes one value a year; make it yearly first: "
        "data.groupby(data.index.year).sum() for a flow over the year (revenue, "
        "shipments), .last() for a level at year end (racks in use, capacity), .mean() "
        "for an average (a price, a utilisation rate)",
        series_id=name,
        year=first,
    )
