"""The marks :func:`idcforecast.batch.read_long_table` leaves in a row's ``note`` for a cell
it could not read (private): a year that is no year, a value that is no number, a year its
series repeats; each mark followed by the message (or the place) naming the file's cell.

The marks are the ``*_UNREAD``/``YEAR_REPEATED`` constants of
:mod:`idcforecast._series_cells`; :func:`idcforecast.forecast` (``split_series``) and
:func:`idcforecast.forecast_many` (``group_series``) read them where a row's check fails,
so a message names the file's line, not the frame's row, and a cell fixed in the frame is
read as fixed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from idcforecast._series_cells import VALUE_UNREAD, YEAR_REPEATED, YEAR_UNREAD

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "note_of",
    "record_repeated_years",
    "repeated_years",
    "values_not_read",
    "years_not_read",
]


def years_not_read(out: pd.DataFrame, place_of: Any, *, in_a_file: bool = False) -> pd.DataFrame:
    """``out`` with a note on each row whose year cell is not a year (-3, 99999, 2020.5,
    "20x0", blank), ending with :data:`YEAR_UNREAD` and the message naming the file's row:
    its series fails with it in :func:`forecast_many`, and :func:`idcforecast.forecast`
    names it so (was: "(row 2 of the data)", the frame's row, or a fix for a Series index,
    for a cell on the file's row 4; text and blank years were named by the frame's row).

    Examples
    --------
    >>> import pandas as pd
    >>> out = pd.DataFrame({"series_id": ["s", "s"], "year": [2019, -3], "value": [1.0, 2.0]})
    >>> years_not_read(out, lambda row, col: f"f.csv row {row + 2}")["note"].tolist()[1]
    "year not read: series 's': year -3 (f.csv row 3) is not a year; use calendar years such as 2021 in the year column (positions 0, 1, 2... instead of years?)"
    >>> out = pd.DataFrame({"series_id": ["s"], "year": ["20x0"], "value": [1.0]})
    >>> years_not_read(out, lambda row, col: f"f.csv row {row + 2}")["note"].tolist()[0]
    "year not read: series 's': year '20x0' (f.csv row 2) is not an integer year; use integers such as 2021"
    """  # noqa: E501
    from idcforecast._series_cells import FILE_YEAR_MAX, FILE_YEAR_MIN, bad_year_message
    from idcforecast.batch.series_units import with_notes

    numbers = _year_numbers(out)
    real = _real_years(numbers)
    # a file's year cell is read as read_series reads one, 1900 to 2100 (was: '19' read as
    # the year 19, forecast as 23, 24... in silence)
    out_of_range = real & ((numbers < FILE_YEAR_MIN) | (numbers > FILE_YEAR_MAX)) & in_a_file
    bad = np.flatnonzero(~real | out_of_range)
    if not bad.size:
        return out
    notes_of: dict[str, list[Any]] = {}
    for at in bad.tolist():
        label = out.index[at]
        if out_of_range[at]:
            message = _out_of_range(
                str(out["series_id"].iloc[at]), int(numbers[at]), place_of(label, "year")
            )
            notes_of.setdefault(f"{YEAR_UNREAD}{message}", []).append(np.array([at]))
            continue
        message = bad_year_message(
            str(out["series_id"].iloc[at]),
            out["year"].iloc[at],
            float(numbers[at]),
            place=place_of(label, "year"),
        )
        notes_of.setdefault(f"{YEAR_UNREAD}{message}", []).append(np.array([at]))
    return out.assign(note=with_notes(out, notes_of))


def _out_of_range(series_id: str, year: int, place: str) -> str:
    """The message for a file's year cell that is a whole number outside 1900-2100, as
    read_series words it, with the fix for a year in two digits ('19').

    Examples
    --------
    >>> _out_of_range("cn", 19, "f.csv row 2, column 'year'")  # doctest: +NORMALIZE_WHITESPACE
    "series 'cn': year 19 (f.csv row 2, column 'year') is not a year; expected a whole year
    between 1900 and 2100 such as 2019 (a year in two digits? write it in full, 2019 for 19)"
    """
    from idcforecast._series_cells import FILE_YEAR_MAX, FILE_YEAR_MIN

    two_digits = f" (a year in two digits? write it in full, {2000 + year} for {year})"
    return (
        f"series {series_id!r}: year {year} ({place}) is not a year; expected a whole year "
        f"between {FILE_YEAR_MIN} and {FILE_YEAR_MAX} such as 2019"
        + (two_digits if 0 <= year < 100 else "")
    )


def values_not_read(out: pd.DataFrame, place_of: Any) -> pd.DataFrame:
    """``out`` with a note on each row of a good year whose value cell is not a finite
    number (text kept as written, a blank cell), :data:`VALUE_UNREAD` and the message naming
    the file's cell (not in a series without any value, which is named as such): where the
    value check of :func:`forecast_many` or
    :func:`idcforecast.forecast` fails on that row, it says that message (was: the series
    and year only, the file's line left to find).

    Examples
    --------
    >>> import pandas as pd
    >>> out = pd.DataFrame({"series_id": ["s", "s"], "year": [2019, 2020], "value": [1.0, "x"]})
    >>> place = lambda row, col: f"f.csv row {row + 2}, column {col!r}"
    >>> values_not_read(out, place)["note"].tolist()[1].split("; ")[0]
    "value not read: series 's' year 2020 (f.csv row 3, column 'value'): value 'x' is not a finite number"
    """  # noqa: E501
    import pandas as pd

    from idcforecast._series_cells import true_false_cells, value_not_finite_message
    from idcforecast.batch.series_units import with_notes

    years = _year_numbers(out)
    values = pd.to_numeric(out["value"], errors="coerce").to_numpy(dtype=np.float64)
    unread = ~np.isfinite(values) | true_false_cells(out["value"], values)
    if not unread.any():  # (the common case: a million rows cost one pass)
        return out
    # a series with no value at all is named as such (its one row's place says nothing)
    codes = pd.factorize(out["series_id"], sort=False)[0]
    none_read = np.bincount(codes[unread], minlength=codes.max(initial=-1) + 1) == np.bincount(
        codes, minlength=codes.max(initial=-1) + 1
    )
    bad = np.flatnonzero(unread & _real_years(years) & ~none_read[codes])  # bad years first
    if not bad.size:
        return out
    notes_of: dict[str, list[Any]] = {}
    for at in bad.tolist():
        message = value_not_finite_message(
            str(out["series_id"].iloc[at]),
            int(years[at]),
            out["value"].iloc[at],
            place=place_of(out.index[at], "value"),
        )
        notes_of.setdefault(f"{VALUE_UNREAD}{message}", []).append(np.array([at]))
    return out.assign(note=with_notes(out, notes_of))


def repeated_years(
    out: pd.DataFrame, place_of: Any, codes: np.ndarray | None = None
) -> pd.DataFrame:
    """``out`` with a note on each row whose series has another row for its year:
    :data:`YEAR_REPEATED` and the row's place in the file, from which the duplicate-year
    error of :func:`idcforecast.forecast` and :func:`forecast_many` names each value's row
    (was: "series 'c' has 2 values for year 2019 (2.0, 3.0)", the rows left to find).
    ``codes``, when the caller has them, number each row's series (as ``pd.factorize``
    would): the ids are then not hashed again.

    Examples
    --------
    >>> import pandas as pd
    >>> out = pd.DataFrame({"series_id": ["s", "s", "s"], "year": [2019, 2020, 2019]})
    >>> notes = repeated_years(out, lambda row, col=None: f"f.csv row {row + 2}")["note"]
    >>> notes.tolist()[::2]
    ['year repeated: f.csv row 2', 'year repeated: f.csv row 4']
    """
    import pandas as pd

    from idcforecast.batch.series_units import with_notes

    years = _year_numbers(out)
    real = _real_years(years)
    # one integer per (series, year) (years are 1-9999 here): 5x faster than the pair
    if codes is None:
        codes = pd.factorize(out["series_id"], sort=False)[0]
    codes = codes.astype(np.int64)
    key = np.where(real, codes * 10_000 + np.where(real, years, 0).astype(np.int64), -1)
    bad = np.flatnonzero(pd.Series(key).duplicated(keep=False).to_numpy() & real)
    if not bad.size:
        return out
    notes_of: dict[str, list[Any]] = {}
    for at in bad.tolist():  # (a wide row's cells share its place)
        notes_of.setdefault(f"{YEAR_REPEATED}{place_of(out.index[at])}", []).append(np.array([at]))
    return out.assign(note=with_notes(out, notes_of))


def _year_numbers(out: pd.DataFrame) -> np.ndarray:
    from idcforecast._series_cells import year_numbers

    return year_numbers(out["year"]).to_numpy(dtype=np.float64, na_value=np.nan)


def _real_years(numbers: np.ndarray) -> np.ndarray:
    """Whether each number is a year forecast() takes (a whole number 1 to 9999)."""
    from idcforecast._series_cells import YEAR_MAX, YEAR_MIN

    with np.errstate(invalid="ignore"):
        return (numbers >= YEAR_MIN) & (numbers <= YEAR_MAX) & (numbers % 1 == 0)


def note_of(notes: tuple[NDArray[np.int64], Any], row: int) -> Any:
    """Row ``row``'s note of a factorized note column (NaN where it has none)."""
    codes, distinct = notes
    return distinct[codes[row]] if codes[row] >= 0 else None


def record_repeated_years(
    notes: tuple[NDArray[np.int64], Any],
    codes: NDArray[np.int64],
    years: NDArray[np.float64],
    values: NDArray[np.float64],
    ids: NDArray[np.object_],
    problems: dict[int, str],
) -> None:
    """Record the series whose rows ``read_long_table`` marked as a repeated year and that
    still repeat one, with the message the worker gives (its smallest repeated year, the
    values in the frame's order) naming each value's row in the file."""
    import pandas as pd

    from idcforecast._series_cells import duplicate_year_message, marked_message

    note_codes, distinct = notes
    flagged = [k for k, n in enumerate(distinct) if isinstance(n, str) and YEAR_REPEATED in n]
    if not flagged:
        return
    series = np.unique(codes[np.isin(note_codes, flagged)])
    rows = np.flatnonzero(np.isin(codes, series))  # only the marked series' rows
    pairs = pd.DataFrame({"code": codes[rows], "year": years[rows]})
    repeated = rows[pairs.duplicated(keep=False).to_numpy()]
    for code in np.unique(codes[repeated]).tolist():
        if code in problems:
            continue
        own = repeated[codes[repeated] == code]
        year = float(years[own].min())
        at = own[years[own] == year]
        places = [marked_message(note_of(notes, int(r)), YEAR_REPEATED) for r in at]
        problems[code] = duplicate_year_message(str(ids[code]), int(year), values[at], places)
