"""The cells of a history frame checked, and the messages naming a bad one.

A year cell that is no year, a value that is not a finite number, a row without a series
id, a cell marked as not published ("n/a", "—"), two values for one year or two units in
one series: the checks of :func:`idcforecast._series.split_series` (and of the batch
reader's chunks), each message naming the cell as the user typed it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FILE_YEAR_MAX",
    "FILE_YEAR_MIN",
    "NOT_CONVERTED",
    "STALE_MARK_FIX",
    "UNIT_AS_READ",
    "VALUE_UNREAD",
    "YEAR_MAX",
    "YEAR_MIN",
    "YEAR_REPEATED",
    "YEAR_UNREAD",
    "bad_year_message",
    "cell_repr",
    "duplicate_year_message",
    "marked_message",
    "missing_id_message",
    "mixed_units_message",
    "no_values_message",
    "not_published_mask",
    "one_unit_now",
    "true_false_cells",
    "unpublished_label",
    "unread_file_years",
    "value_not_finite_message",
    "year_numbers",
]

# At most four digits: a typo (20210) or a date read as nanoseconds must not become
# thousands of interpolated gap years. No lower bound: benchmarks index years 1..n.
YEAR_MIN, YEAR_MAX = 1, 9999  # years below 1 are index positions, not years (0, 1, 2...)
# The years a file's year cell is read as (read_series, read_long_table): '19' is no year
FILE_YEAR_MIN, FILE_YEAR_MAX = 1900, 2100

# How idcforecast.batch.read_long_table marks, in a row's note, a year or value cell it
# could not read, followed by the message naming the cell in its file ("markets.csv row 4,
# column 'value'"): the check that fails on that row (forecast()'s, forecast_many()'s) says
# that message instead of the frame's row. The year's is last in its note (but UNIT_AS_READ).
YEAR_UNREAD = "year not read: "
VALUE_UNREAD = "value not read: "
# ... and a row whose unit it could not convert (a series of mixed units, then)
NOT_CONVERTED = "not converted to the unit asked for: "
# ... and, followed by the row's place alone, a row whose series has another for its year
YEAR_REPEATED = "year repeated: "
# last in the note of a NOT_CONVERTED row, the unit the reader left in it ("'kg'", "none"):
# a unit set in the frame since is a correction (idcforecast._unit_marks)
UNIT_AS_READ = "unit as read: "


def one_unit_now(units: Any, marked: np.ndarray) -> bool:
    """Whether a series whose rows ``marked`` :data:`NOT_CONVERTED` by
    :func:`idcforecast.batch.read_long_table` (not all of them, each still with the unit
    it was read with) has one unit in every row of its ``unit`` column (None without one):
    a row whose value cell, not its unit, was refused ('800 MW' under 'racks'), or a
    row set back to its unit as read. The mark fails the series until the row's unit is
    changed or the mark removed (:data:`STALE_MARK_FIX` says so).

    Examples
    --------
    >>> import pandas as pd
    >>> marked = np.array([False, True])
    >>> one_unit_now(pd.Series(["MW", "MW"]), marked), one_unit_now(pd.Series(["MW", "kg"]), marked)
    (True, False)
    """
    import pandas as pd

    if units is None or marked.all():
        return False
    column = pd.Series(units)
    return not column.isna().any() and column.astype(str).nunique() == 1


# what keeps failing a series whose marked row still has the unit it was read with: the
# mark (its value cell may be what was wrong, '800 MW' under 'racks')
STALE_MARK_FIX = (
    "; read_long_table marked the row as not converted in its note, and its unit column "
    "still holds the unit it was read with: if that unit is what is wrong, set the right one "
    "in the frame (a unit changed since it was read is taken as your correction); if you "
    "have corrected its value, remove that mark from its note (the text from "
    f"{NOT_CONVERTED.strip()!r} on)"
)


def unread_file_years(notes: Any, years: np.ndarray) -> np.ndarray:
    """Whether each row is a year read_long_table marked as not read (:data:`YEAR_UNREAD`
    in its note) that is still outside a file's years (1900-2100: '19' is no year 2019):
    such a row fails its series although forecast() takes its year (1 to 9999); a year
    corrected in the frame since is read.

    Examples
    --------
    >>> notes = np.array(["year not read: series 'cn': year 19 ...", None, ""], dtype=object)
    >>> unread_file_years(notes, np.array([19.0, 19.0, 2019.0])).tolist()
    [True, False, False]
    """
    marked = np.array([isinstance(n, str) and YEAR_UNREAD in n for n in notes], dtype=bool)
    with np.errstate(invalid="ignore"):
        return marked & ((years < FILE_YEAR_MIN) | (years > FILE_YEAR_MAX))


def marked_message(note: Any, marker: str) -> str | None:
    """The message after ``marker`` in a row's ``note`` (None when the note has none): up
    to the next mark, if the reader marked the row twice.

    Examples
    --------
    >>> marked_message("estimate; value not read: series 's' year 2020 (f.csv row 3): x",
    ...                VALUE_UNREAD)
    "series 's' year 2020 (f.csv row 3): x"
    >>> marked_message(None, YEAR_UNREAD) is None
    True
    """
    if not isinstance(note, str) or marker not in note:
        return None
    message = note.split(marker, 1)[1]
    # (the reader adds them in this order; a conversion's note may follow a mark put on
    # the row before it was converted)
    marks = (NOT_CONVERTED, VALUE_UNREAD, YEAR_REPEATED, YEAR_UNREAD, UNIT_AS_READ)
    for later in (*marks, "converted from "):
        message = message.split(f"; {later}", 1)[0]
    return message


def cell_repr(value: Any) -> str:
    """A cell as the user typed it: ``2021`` not ``np.float64(2021.0)``, text quoted.

    Examples
    --------
    >>> cell_repr(np.float64(2021.0)), cell_repr("n/a"), cell_repr(2020.5)
    ('2021', "'n/a'", '2020.5')
    """
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return repr(value)


def year_numbers(column: pd.Series) -> pd.Series:
    """A ``year`` column as numbers (NaN where a cell is not a number).

    Dates and yearly periods count by their calendar year (a ``datetime64`` column from an
    Excel sheet would otherwise become nanoseconds, a period column its offset from 1970).

    Examples
    --------
    >>> import pandas as pd
    >>> year_numbers(pd.Series(pd.to_datetime(["2021-12-31", None]))).tolist()
    [2021.0, nan]
    >>> year_numbers(pd.Series(["2021", "x"])).tolist()
    [2021.0, nan]
    """
    import pandas as pd

    if isinstance(column.dtype, pd.PeriodDtype) or pd.api.types.is_datetime64_any_dtype(
        column.dtype
    ):
        return column.dt.year.astype("float64")
    return pd.to_numeric(column, errors="coerce")


def true_false_cells(column: pd.Series, numbers: np.ndarray) -> np.ndarray:
    """Which cells hold True/False (an Excel TRUE, a flag column): no value, though pandas
    reads them as 1 and 0 (a True among the values was forecast as the value 1).

    ``numbers`` is ``column`` read as float64 (``pandas.to_numeric``): only a cell read as
    0 or 1 can be a flag, so a large column is scanned only there.

    Examples
    --------
    >>> import pandas as pd
    >>> cells = pd.Series([2.0, True, 0, "x"], dtype=object)
    >>> true_false_cells(cells, np.array([2.0, 1.0, 0.0, np.nan])).tolist()
    [False, True, False, False]
    """
    import pandas as pd

    if column.dtype == bool or isinstance(column.dtype, pd.BooleanDtype):
        return np.ones(len(column), dtype=bool)
    flags = np.zeros(len(column), dtype=bool)
    if column.dtype != object:
        return flags
    rows = np.flatnonzero((numbers == 0) | (numbers == 1))
    cells = column.to_numpy()[rows]
    flags[rows] = [isinstance(cell, bool | np.bool_) for cell in cells]
    return flags


# The per-series input messages below are the one source of their wording: ``forecast()``
# raises them (via split_series) and ``forecast_many`` records them as a series' note.


def bad_year_message(
    series_id: str,
    cell: Any,
    number: float,
    *,
    row: Any = None,
    in_index: bool = False,
    place: str | None = None,
) -> str:
    """Message for a ``year`` cell that is not an integer year from 1 to 9999.

    ``number`` is the cell read as a number (NaN when it is not one). ``row`` names the
    frame's row holding the cell (its index label), when the years are a column;
    ``in_index``: the years are a Series' index, whose fix the message then gives (it gave
    that fix for a frame's year column too, read from a CSV file, which has no index to
    set). ``place`` names the cell in its file instead ("markets.csv row 4").

    Examples
    --------
    >>> bad_year_message("s", 2020.5, 2020.5)
    "series 's': year 2020.5 is not an integer year; use integers such as 2021"
    >>> bad_year_message("s", "20210", 20210.0, place="f.csv row 3")
    "series 's': year 20210 (f.csv row 3) is above 9999; use four-digit years such as 2021"
    >>> bad_year_message("s", 0, 0.0, in_index=True)  # doctest: +NORMALIZE_WHITESPACE
    "series 's': year 0 is not a year; use calendar years such as 2021 (positions 0, 1,
    2... instead of years? a Series needs its years as the index: s.index = range(2019,
    2019 + len(s)))"
    >>> bad_year_message("s", -3, -3.0, row=2)  # doctest: +NORMALIZE_WHITESPACE
    "series 's': year -3 (row 2 of the data) is not a year; use calendar years such as
    2021 in the year column (positions 0, 1, 2... instead of years?)"
    >>> bad_year_message("s", float("nan"), float("nan"))
    "series 's': a row has no year (a blank year cell); give its year, or drop the row"
    """
    from idcforecast._cells import is_blank

    if is_blank(cell):  # was "year nan is not an integer year"
        return (
            f"series {series_id!r}: a row has no year (a blank year cell"
            f"{'' if place is None else ', ' + place}); give its year, or drop the row"
        )
    where = (
        f" ({place})"
        if place is not None
        else ""
        if row is None
        else f" (row {cell_repr(row)} of the data)"
    )
    if np.isfinite(number) and float(number).is_integer() and number < YEAR_MIN:
        if in_index:
            return (
                f"series {series_id!r}: year {int(number)} is not a year; use calendar years "
                "such as 2021 (positions 0, 1, 2... instead of years? a Series needs its "
                "years as the index: s.index = range(2019, 2019 + len(s)))"
            )
        return (
            f"series {series_id!r}: year {int(number)}{where} is not a year; use calendar "
            "years such as 2021 in the year column (positions 0, 1, 2... instead of years?)"
        )
    if np.isfinite(number) and float(number).is_integer():
        return (
            f"series {series_id!r}: year {int(number)}{where} is above {YEAR_MAX}; "
            "use four-digit years such as 2021"
        )
    return (
        f"series {series_id!r}: year {cell_repr(cell)}{where} is not an integer year; "
        "use integers such as 2021"
    )


def missing_id_message(row: int, year: Any) -> str:
    """Message for a row (0-based position) whose ``series_id`` is missing.

    Examples
    --------
    >>> missing_id_message(0, 2010)
    'row 0 (year 2010) has no series_id; every row needs one: fill it or drop the row'
    """
    return (
        f"row {row} (year {cell_repr(year)}) has no series_id; every row needs one: fill it "
        "or drop the row"
    )


def value_not_finite_message(
    series_id: str, year: int, cell: Any, *, in_index: bool = False, place: str | None = None
) -> str:
    """Message for a ``value`` cell (in ``year``) that is missing, text or infinite.

    A missing cell (NaN, None: a blank cell of a file) is called blank "but the row is
    not", as :func:`idcforecast.read_series` words a long table's blank value: an error,
    never a gap in silence (a blank cell may be a value lost in an export); the fix names
    the two ways to say a year was not published, dropping the row or marking it "n/a"
    (in a wide table a blank cell is a year not published, no row). Text or an infinite
    number gets a fix for either layout; ``in_index`` (a year-indexed Series, which has
    neither rows nor cells) the Series' own: ``s.drop(2020)``. ``place`` names the cell in
    its file ("markets.csv row 4, column 'value'").

    Examples
    --------
    >>> value_not_finite_message("s", 2020, "abc").split(";")[0]
    "series 's' year 2020: value 'abc' is not a finite number"
    >>> value_not_finite_message("s", 2020, "abc", place="f.csv row 3").split(":")[0]
    "series 's' year 2020 (f.csv row 3)"
    >>> value_not_finite_message("s", 2020, float("inf"), in_index=True).split("; ")[1]
    'give a number, or leave the year out (a missing year is allowed: s.drop(2020))'
    >>> value_not_finite_message("s", 2020, "1,562.5").split(":")[1]
    " value '1,562.5' is a number written with thousands separators, text to pandas; pass 1562.5"
    >>> value_not_finite_message("s", 2020, float("nan"))  # doctest: +NORMALIZE_WHITESPACE
    "series 's' year 2020: the value is blank (NaN) but the row is not; expected a number;
    for a year not published, drop the row or write 'n/a' as its value (pandas.read_csv
    reads 'n/a' as NaN unless given keep_default_na=False; read_series and read_long_table
    keep it)"
    """
    from idcforecast._cells import is_blank

    where = "" if place is None else f" ({place})"
    if is_blank(cell):
        return (
            f"series {series_id!r} year {int(year)}{where}: the value is blank (NaN) but the "
            "row is not; expected a number; for a year not published, drop the row or write 'n/a' "
            "as its value (pandas.read_csv reads 'n/a' as NaN unless given "
            "keep_default_na=False; read_series and read_long_table keep it)"
        )
    how = f"s.drop({int(year)})" if in_index else "drop its row, or blank its cell in a wide table"
    message = (
        f"series {series_id!r} year {int(year)}{where}: value {cell_repr(cell)} is not a finite "
        f"number; give a number, or leave the year out (a missing year is allowed: {how})"
    )
    if isinstance(cell, str) and _GROUPED_NUMBER.match(cell):
        number = float(cell.replace(",", ""))
        return (
            f"series {series_id!r} year {int(year)}{where}: value {cell_repr(cell)} is a number "
            f"written with thousands separators, text to pandas; pass {number:g}: read the "
            "file with pandas.read_csv(..., thousands=',') or with idcforecast.read_series, "
            "which read such numbers, or convert the column (pandas.to_numeric("
            "df['value'].str.replace(',', ''))"
        )
    if isinstance(cell, str) and _FIGURE_TEXT.search(cell):
        message += (
            " (figure text, such as '1,562.5亿元', '800 MW' or '超过520', is read by "
            "idcforecast.read_series, idcforecast.read_long_table and the commands reading a "
            "file, `forecast --data` and `forecast-many`; forecast() and forecast_many() take "
            "numbers, the unit in a 'unit' column and a bound in a 'qualifier' column, "
            "'at_least' or 'at_most')"
        )
    return message


def no_values_message(series_id: str) -> str:
    """Message for a series every value of which is blank (a wide row of blank or "n/a"
    cells, read by :func:`idcforecast.batch.read_long_table` as one blank row).

    Examples
    --------
    >>> no_values_message("s").split(";")[0]
    "series 's' has no values: every year is blank (NaN) or not published"
    """
    return (
        f"series {series_id!r} has no values: every year is blank (NaN) or not published; "
        "give its values, or leave the series out"
    )


def not_published_mask(column: pd.Series) -> np.ndarray:
    """The cells of a ``value`` column marked as not published ("n/a", "—", "..", "暂无";
    see :func:`idcforecast._cells.is_not_published`), as a boolean array.

    A numeric column has none; otherwise only the distinct cells are tested.

    Examples
    --------
    >>> import pandas as pd
    >>> not_published_mask(pd.Series([1.0, " N/A", "—", None, "TBD"])).tolist()
    [False, True, True, False, False]
    """
    import pandas as pd

    from idcforecast._cells import is_not_published

    if pd.api.types.is_numeric_dtype(column.dtype):
        return np.zeros(len(column), dtype=bool)
    codes, uniques = pd.factorize(column, sort=False)
    marked = np.array([*(is_not_published(cell) for cell in uniques), False], dtype=bool)
    return marked[codes]  # code -1 (a missing cell) picks the trailing False


def unpublished_label(year: Any, cell: Any) -> str:
    """How a forecast's note names a year marked as not published: its year and the mark.

    Examples
    --------
    >>> unpublished_label(2018.0, " n/a ")
    "2018 ('n/a')"
    """
    return f"{cell_repr(year)} ({str(cell).strip()!r})"


# a number with a unit or magnitude after it ("1562.5亿元", "800 MW", "$71.2bn")
# a number with a unit after it ("800 MW") or a word or sign before it ("超过520", ">520")
# "1,200", "-12,345.6": a number with comma thousands separators, which pandas reads as text
_GROUPED_NUMBER = re.compile(r"^\s*[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*$")
_FIGURE_TEXT = re.compile(r"\d\s*[^\d\s.,+\-eE]|[^\d\s.,+\-eE]\s*\d")


def mixed_units_message(series_id: str, units: list[str]) -> str:
    """Message for a series whose rows carry more than one unit (in order of appearance).

    Examples
    --------
    >>> mixed_units_message("s", ["MW", "GW"])
    "series 's' mixes units 'MW', 'GW'; convert to one unit first (idcforecast.convert)"
    """
    return (
        f"series {series_id!r} mixes units {', '.join(repr(str(u)) for u in units)}; "
        "convert to one unit first (idcforecast.convert)"
    )


def duplicate_year_message(
    series_id: str, year: int, values: Any, places: Sequence[str | None] | None = None
) -> str:
    """Message for a series with several ``values`` for one ``year``; ``places`` names
    each value's row in its file (``read_long_table``'s frames), when known for all.

    Examples
    --------
    Values are shown to 15 significant digits, as the user wrote them (a sum such as
    0.1 + 133.0 stored as 133.10000000000001 reads 133.1).

    >>> duplicate_year_message("s", 2021, [2.0, 3.0])
    "series 's' has 2 values for year 2021 (2.0, 3.0); keep one row per year"
    >>> duplicate_year_message("s", 2021, [133.10000000000005, 0.1 + 0.2])
    "series 's' has 2 values for year 2021 (133.1, 0.3); keep one row per year"
    >>> duplicate_year_message("s", 2021, [2.0, 3.0], places=["f.csv row 3", "f.csv row 9"])
    "series 's' has 2 values for year 2021 (2.0 in f.csv row 3, 3.0 in f.csv row 9); keep one row per year"
    """  # noqa: E501
    listed = [_as_written(float(v)) for v in values]
    if places is not None and len(places) == len(listed) and all(places):
        listed = [f"{value} in {place}" for value, place in zip(listed, places, strict=True)]
    return (
        f"series {series_id!r} has {len(listed)} values for year {int(year)} "
        f"({', '.join(listed)}); keep one row per year"
    )


def _as_written(number: float) -> str:
    """``number`` as written: the shortest text of its value to 15 significant digits
    (float noise from arithmetic, 133.10000000000005, dropped; 2.0 stays ``2.0``).

    Examples
    --------
    >>> _as_written(133.10000000000005), _as_written(2.0), _as_written(1234567.1)
    ('133.1', '2.0', '1234567.1')
    """
    return repr(float(f"{number:.15g}"))
