"""pandas inputs of :func:`idcforecast.read_series` (private): a frame whose years are its
index, a yearly ``PeriodIndex``/``DatetimeIndex`` checked to be yearly, and a year-indexed
Series as a ``year, value`` table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from idcforecast.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check_yearly_index", "index_of_years", "series_as_table"]


def index_of_years(frame: pd.DataFrame, year_column: str) -> bool:
    """Whether a frame without a year column holds its years in an unnamed (or "年份",
    "Year") index: every label a year, and no year headers (a wide frame's index names its
    series). A year-indexed Series is read so; such a frame was told to pass header_row=N,
    an option frames refuse."""
    from idcforecast._cells import has_year_headers, year_label
    from idcforecast._table_headers import HEADER_ALIASES

    name = frame.index.name
    named_year = isinstance(name, str) and (
        HEADER_ALIASES.get(name.strip()) == "year"
        or name.strip().casefold() in ("year", year_column.casefold())
    )
    return (
        (name is None or named_year)
        and len(frame.index) > 0
        and not has_year_headers(frame.columns)
        and all(year_label(label) is not None for label in frame.index)
    )


def check_yearly_index(index: Any, name: str) -> None:
    """Refuse an index of periods shorter than a year (quarters, months) and dates of which
    two fall in one year: read by their year, they were a ``DuplicateYearError`` telling
    to give "a different observation date its own series id", or (one quarter a year) one
    quarter's figure read as the year's."""
    import pandas as pd
    from pandas.tseries.offsets import YearBegin, YearEnd

    fix = (
        "make it yearly first: frame.groupby(frame.index.year).sum() for a flow (revenue, "
        "power used), .last() for a stock (racks, capacity at year-end)"
    )
    if isinstance(index, pd.PeriodIndex) and not isinstance(index.freq, YearEnd | YearBegin):
        shown = ", ".join(str(p) for p in index[:2]) + (", ..." if len(index) > 2 else "")
        raise DataError(
            f"{name}: the index holds {index.freqstr} periods ({shown}), not years; expected "
            f"a yearly index (2019, 2020 or periods of freq 'Y'); {fix}",
            source=name,
        )
    if isinstance(index, pd.DatetimeIndex):
        years = pd.Series(index.year)
        twice = years[years.duplicated(keep=False)]
        if len(twice):
            first, second = twice.index[:2]
            raise DataError(
                f"{name}: the index holds {index[first].date()} and {index[second].date()}, "
                f"two dates in {years[first]}; expected one date a year (each is read as its "
                f"year); {fix}",
                source=name,
            )


def series_as_table(data: pd.Series, year_column: str, value_column: str) -> pd.DataFrame:
    """A year-indexed Series (integer years, a yearly PeriodIndex or a DatetimeIndex) as a
    ``year, value`` table indexed by those years (so a value's place is "Series 'cidc' year
    2020"); ``attrs["name"]`` keeps its name (None when it has none)."""
    import pandas as pd

    index = data.index
    years = index.year if isinstance(index, pd.PeriodIndex | pd.DatetimeIndex) else index
    table = pd.DataFrame(
        {year_column: list(years), value_column: list(data)}, index=pd.Index(list(years))
    )
    table.attrs["name"] = None if data.name is None else str(data.name)
    table.attrs["year_index"] = True
    return table
