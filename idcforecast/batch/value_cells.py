"""Value cells of a many-series file as numbers, for :func:`idcforecast.batch.read_long_table`.

Plain numbers are read vectorised; only the distinct cells that are not plain numbers go
through the figure parser, as :func:`idcforecast.read_series` reads them: a percentage
("27.8%", in unit "%"), a bound or "about" before a number ("超过520"), figure text with a
unit ("1000亿元", in its own unit), a mark of a year not published ("n/a"). Other cells are
kept as written, for their series' note.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._cells import is_not_published, read_figure
from idcforecast._series_cells import NOT_CONVERTED
from idcforecast._value_units import (
    sign_names_currency,
    sign_note,
    unit_clash_message,
    units_agree,
)
from idcforecast.errors import DataError, IdcForecastError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["bool_cells", "cell_units_read", "percent_unit", "value_numbers"]

# text made only of digits, signs, spaces and separators: a number in some notation, so a
# cell the figure parser rejects is a format problem of the file (wrong decimal mark)
_NUMBER_LIKE = re.compile(r"[\s\d.,'+-]*\d[\s\d.,'+-]*")
_COMMA_DECIMAL = r"\s*[+-]?\d+(?:,\d+)?\s*"  # "1234,5": no grouping dots, vectorisable


def percent_unit(data: pd.DataFrame, percent: pd.Series, place_of: Any) -> pd.DataFrame:
    """Rows whose value was written as a percentage ("27.8%", an Excel cell formatted as
    one) are in unit "%": a blank or missing unit becomes "%", another unit is an error."""
    out = data.copy()
    units = out["unit"] if "unit" in out.columns else None
    if units is None:
        out["unit"] = percent.map({True: "%", False: None}).astype(object)
        return out
    clash = percent & units.notna() & (units != "%")
    if clash.any():
        label = clash.index[np.argmax(clash.to_numpy())]
        where = place_of(label, "value")
        raise DataError(
            f"{where}: the value is written as a percentage but the row's unit is "
            f"{units[label]!r}; write the value as a plain number, or the unit as '%'",
            place=where,
        )
    out["unit"] = units.where(~(percent & units.isna()), "%")
    return out


def cell_units_read(
    out: pd.DataFrame, cell_units: pd.Series, cells: pd.Series, place_of: Any
) -> pd.DataFrame:
    """Rows whose value cell writes its own unit ("1000亿元") are in that unit, as
    :func:`idcforecast.read_series` reads them: a blank unit takes it; another unit (the
    unit column's, the value header's) gives way to it, with read_series' note naming both;
    but a number with its currency's sign or code alone ("$1,200", "1200 USD") under a
    unit of that currency with a magnitude ("value (USD mn)") is in that unit, noted, as
    read_series reads it (it was 1,200 dollars). A unit of another kind or currency ("€80"
    under "USD mn", "800 MW" beside "racks"), which read_series refuses, fails the row's
    series with read_series' error (:data:`NOT_CONVERTED` in its note; the row keeps its
    unit; it was read in the cell's unit, and its series converted to it).
    """
    import pandas as pd

    own = cell_units.notna()
    if "unit" not in out.columns:
        return out.assign(unit=cell_units.astype(object))
    units = out["unit"].astype(object)
    other = own & units.notna() & (units != cell_units)
    # "$1,200" under "value (USD mn)": the sign names the currency, the cell is in USD mn
    signed = pd.Series(False, index=out.index)
    notes_of: dict[Any, str] = {}
    combined = pd.Series(None, index=out.index, dtype=object)
    for label in other[other].index:
        cell = str(cells[label]).strip()
        # "1562m" under "Revenue (USD)": the cell's magnitude on the header's unit
        both = _magnitude_on(cell, cell_units[label], units[label], place_of(label, "value"))
        if both is not None:
            kind, said = both
            signed[label] = kind != "unit"  # "1.5bn" under "USD mn": the row's, failing
            if kind == "unit":
                combined[label] = said
            else:
                notes_of[label] = f"{NOT_CONVERTED}{said}"
            continue
        read = _how_read(cell, cell_units[label], units[label], place_of(label, "value"))
        signed[label] = read not in ("own",)  # a sign, or a clash: the row's unit
        notes_of[label] = (
            sign_note(cell, units[label])
            if read == "sign"
            else f"read in the cell's own unit {cell_units[label]!r} ({cell!r}), not in "
            f"the unit of its header or unit column, {units[label]!r}"
            if read == "own"
            else f"{NOT_CONVERTED}{read}"  # "€80" under "USD mn": its series fails
        )
    unit = units.where(~own | signed, cell_units)
    out = out.assign(unit=unit.where(combined.isna(), combined))
    if notes_of:
        notes = out["note"] if "note" in out.columns else pd.Series(None, index=out.index)
        notes = notes.astype(object)
        for label, note in notes_of.items():
            old = notes[label]
            notes[label] = f"{old}; {note}" if isinstance(old, str) and old else note
        out["note"] = notes
    return out


def _magnitude_on(cell: str, cell_unit: str, row_unit: str, place: str) -> tuple[str, str] | None:
    """For a cell of a magnitude with no unit ("1562m", "1.5亿") beside the row's unit, as
    read_series reads it: ``("unit", canonical)``, the row's unit at the cell's magnitude
    ("USD mn" under "Revenue (USD)"), or ``("error", message)`` when the row's unit has a
    magnitude of its own ("1.5bn" under "USD mn": which one holds?); None for any other cell.

    Examples
    --------
    >>> _magnitude_on("1562m", "count mn", "USD", "f.csv row 2")
    ('unit', 'USD mn')
    >>> _magnitude_on("1.5bn", "count bn", "USD mn", "f.csv row 2")[1]
    "f.csv row 2: '1.5bn' has the magnitude 'bn' and the unit 'USD mn' its own; expected one magnitude: a plain number in the cell, or the unit 'USD'"
    >>> _magnitude_on("800 MW", "MW", "racks", "f.csv row 2") is None
    True
    """  # noqa: E501
    from idcforecast._unit_headings import canonical_table_unit
    from idcforecast.units import parse_unit

    try:
        own, row = parse_unit(str(cell_unit)), parse_unit(str(row_unit))
    except IdcForecastError:
        return None
    if own.base != "count" or own.magnitude is None or row.base == "count":
        return None
    if row.magnitude is not None or row.per:
        return (
            "error",
            f"{place}: {cell!r} has the magnitude {own.magnitude!r} and the unit "
            f"{row.canonical!r} its own; expected one magnitude: a plain number in the cell, "
            f"or the unit {row.base!r}",
        )
    try:
        return "unit", canonical_table_unit(f"{row.base} {own.magnitude}")
    except IdcForecastError:
        return None


def _how_read(cell: str, cell_unit: str, row_unit: str, place: str) -> str:
    """How a cell with its own unit is read beside the row's other unit, as
    :func:`idcforecast.read_series` reads it: ``"sign"``, in the row's unit (a currency
    sign alone under a unit with a magnitude, "$1,200" under "USD mn"); ``"own"``, in its
    own ("1.2万亿元" under "亿元"); else the error naming ``place`` that read_series raises
    ("€80" under "USD mn", "800 MW" beside "racks": one of the two is wrong)."""
    from idcforecast.units import parse_unit

    try:
        column = parse_unit(str(row_unit))
    except IdcForecastError:  # a unit that does not read: its series fails on converting
        return "own"
    own = parse_unit(str(cell_unit))
    if sign_names_currency(cell, own, column):
        return "sign"
    if units_agree(own, column):
        return "own"
    return unit_clash_message(place, cell, own, column, str(row_unit).strip())


def bool_cells(column: pd.Series) -> pd.Series:
    """The mask of ``column``'s cells holding a bool (an Excel TRUE/FALSE cell; pandas would
    read it as 1.0 or 0.0). A CSV's text column (pandas' string dtype) or a numeric one
    holds none: not tested cell by cell (0.36 s on 200,000 rows).

    Examples
    --------
    >>> import pandas as pd
    >>> bool_cells(pd.Series([True, 1.5, "2020"], dtype=object)).tolist()
    [True, False, False]
    >>> bool_cells(pd.Series(["2020", "2021"], dtype="string")).tolist()
    [False, False]
    """
    import pandas as pd

    if pd.api.types.is_bool_dtype(column.dtype):
        return column.notna().astype(bool)
    if column.dtype != object:  # StringDtype, float, int: no Python bool objects
        return pd.Series(False, index=column.index)
    return column.map(lambda cell: isinstance(cell, bool)).astype(bool)


def value_numbers(
    column: pd.Series, decimal: str, place_of: Any
) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series, pd.Series, pd.Series]:
    """Value cells as floats (cells that are not numbers keep their original object),
    the mask of cells written as percentages ("27.8%" is 27.8, in unit "%"), the mask of
    cells marked as not published ("n/a", "—": NaN, a gap), the qualifier each cell
    wrote before its number ("超过520": "at_least"; None for the others), and the unit a
    figure cell writes ("1000亿元": 1000 in "CNY 100m"; None for the others), and the
    footnote marker written after a figure ("3,200*", "3,200[1]": 3200, marker '*' or
    '[1]'; None for the others), as ``read_series`` reads them."""
    import pandas as pd

    if isinstance(column.dtype, pd.StringDtype):  # a CSV's text column: no per-cell test
        is_text = column.notna()
    else:
        is_text = column.map(lambda cell: isinstance(cell, str)).astype(bool)
    values = pd.Series(np.nan, index=column.index, dtype=np.float64)
    # Excel TRUE/FALSE cells are not numbers (pandas would read them as 1.0 and 0.0)
    others = ~is_text & column.notna() & ~bool_cells(column)
    values[others] = pd.to_numeric(column[others], errors="coerce")  # Excel number cells
    text = column[is_text].astype(str)
    if decimal == ".":
        # to_numeric reads " 12.5 " itself: only the cells it leaves are stripped (a text
        # column of 200,000 numbers stripped cost 0.29 s)
        values[is_text] = pd.to_numeric(text, errors="coerce")
        text = text[values[is_text].isna().to_numpy()].str.strip()
    else:
        text = text.str.strip()
        simple = text.str.fullmatch(_COMMA_DECIMAL).astype(bool)
        swapped = text[simple].str.replace(",", ".", regex=False)
        values[simple[simple].index] = pd.to_numeric(swapped, errors="coerce")
    # the text cells left (with '.', those to_numeric did not read)
    unread = text[values[text.index].isna().to_numpy() & text.ne("").to_numpy()]
    read: dict[str, float] = {}
    qualified: dict[str, str] = {}  # cells read with a bound or "about" ("超过520")
    units_of: dict[str, str] = {}  # figure cells with their own unit ("1000亿元")
    marked: dict[str, str] = {}  # figure cells with a footnote marker after ("3,200*")
    percent_marked: set[str] = set()  # "27.8%*": a percentage, the marker after it
    not_published: set[str] = set()
    for label, cell in unread.drop_duplicates().items():
        if is_not_published(cell):
            not_published.add(cell)
            continue
        number = _plain_number(cell, decimal, place_of(label, "value"))
        if number is not None:
            read[cell] = number[0]
            if number[1] != "exact":
                qualified[cell] = number[1]
            if number[2] is not None:
                units_of[cell] = number[2]
            if number[3]:
                marked[cell] = number[3]
                if number[2] == "%" and number[4]:
                    percent_marked.add(cell)
                    del units_of[cell]
    percent = pd.Series(False, index=column.index)
    unpublished = pd.Series(False, index=column.index)
    qualifiers = pd.Series(None, index=column.index, dtype=object)
    cell_units = pd.Series(None, index=column.index, dtype=object)
    markers = pd.Series(None, index=column.index, dtype=object)
    if marked:
        markers[unread.index] = unread.map(marked)
    if read:
        as_read = unread.map(read)
        values[as_read.index] = as_read
        percent[as_read.index] = as_read.notna() & (
            unread.str.endswith("%") | unread.isin(percent_marked)
        )
    if qualified:
        qualifiers[unread.index] = unread.map(qualified)
    if units_of:
        cell_units[unread.index] = unread.map(units_of)
    if not_published:
        unpublished[unread.index] = unread.isin(not_published)
    # cells kept as written: text read as no number (not a not-published mark) and other
    # cells that are no number (an Excel TRUE); blank and not-published cells stay NaN
    text_kept = ~is_text & column.notna() & values.isna()
    text_kept[unread.index] = values[unread.index].isna() & ~unpublished[unread.index]
    if not text_kept.any():
        return values, percent, unpublished, qualifiers, cell_units, markers
    kept = values.astype(object)
    kept[text_kept] = column[text_kept]
    return kept, percent, unpublished, qualifiers, cell_units, markers


def _plain_number(
    cell: str, decimal: str, place: str
) -> tuple[float, str, str | None, str, bool] | None:
    """The number a text cell writes, its qualifier, its own unit, the footnote marker after
    it ("3,200*", "3,200[1]": '*', '[1]'; "" for none) and whether it is written as a
    percentage, or None for text that is not one number.

    A number with a bound or "about" written before it ("超过520", "> 1500", "约300", "at
    least 520") is read as ``read_series`` reads it: the number, qualified (``"at_least"``,
    ``"at_most"``, ``"approximately"``). Figure text with a unit ("1000亿元", "$71.2
    billion") is its number in that unit (canonical spelling), as ``read_series`` reads it;
    a range in the cell is not one number.

    Raises the figure parser's ``ParseError`` (naming ``place``) for number-like text the
    decimal mark contradicts: that is the whole file's format, not one series' problem.

    Examples
    --------
    >>> _plain_number("超过520", ".", "f.csv row 2"), _plain_number("1,000", ".", "row 3")
    ((520.0, 'at_least', None, '', False), (1000.0, 'exact', None, '', False))
    >>> _plain_number("3亿元", ".", "row 4"), _plain_number("300-340", ".", "row 5")
    ((3.0, 'exact', 'CNY 100m', '', False), None)
    >>> _plain_number("3,200[1]", ".", "row 6"), _plain_number("27.8%*", ".", "row 7")
    ((3200.0, 'exact', None, '[1]', False), (27.8, 'exact', '%', '*', True))
    """
    try:
        figure = read_figure(cell, place=place, decimal_mark=decimal)
    except IdcForecastError:
        if _NUMBER_LIKE.fullmatch(cell):
            raise
        return None
    one_number = figure.low is None and np.isfinite(figure.value)
    if not one_number:
        return None
    written = cell.strip()
    if figure.marker:  # "27.8%*": what is left of the marker
        body = written.rstrip()
        for ch in reversed(figure.marker):
            body = body.rstrip()[:-1] if body.rstrip().endswith(ch) else body
        written = body.rstrip()
    percent = figure.unit == "%" and written.endswith("%")
    if figure.marker:
        return figure.value, figure.qualifier, figure.unit, figure.marker, percent
    unitless = figure.unit is None or percent
    return figure.value, figure.qualifier, None if unitless else figure.unit, "", percent
