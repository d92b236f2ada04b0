"""Checks the table layouts of :mod:`idcforecast.io` run before reading values: thousands
split across columns, values without a header, columns left out, series hidden in a
statistic column, description rows above a table and second header rows (units, A/E marks).
Each raises a typed error naming the file, row or column and the fix, or warns."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from idcforecast._caller import caller_stacklevel
from idcforecast._cells import (
    ACTUAL_MARKS,
    is_blank,
    is_number_column,
    marked_year,
)
from idcforecast._table_headers import is_headerless
from idcforecast.errors import (
    DataError,
    IdcForecastError,
)

if TYPE_CHECKING:
    import pandas as pd

# columns that describe an observation rather than hold one
META = ("series_id", "unit", "qualifier", "as_of", "source", "quote", "confidence", "scope",
        "derived", "note")  # fmt: skip


_SMALL_WHOLE = re.compile(r"\s*[+-]?\d{1,3}\s*")
_THREE_DIGITS = re.compile(r"\d{3}(?:\.\d+)?")  # what follows a thousands comma
_TEXT_META = ("qualifier", "as_of", "source", "quote", "confidence", "scope", "note")


def no_split_thousands(table: pd.DataFrame, value_column: str, place_of: Any) -> None:
    """'2019,1,562.5,' in a comma-separated file with an optional text column after the value
    splits 1,562.5 into value 1 and note '562.5' with the right number of fields: an error,
    not a silent 1."""
    columns = list(table.columns)
    position = columns.index(value_column)
    if position + 1 >= len(columns):
        return
    after = columns[position + 1]
    if after not in (*_TEXT_META, "unit"):
        return
    match = _THREE_DIGITS.fullmatch if after != "unit" else _THREE_DIGITS.match
    for i, (value, next_cell) in enumerate(zip(table[value_column], table[after], strict=True)):
        if not (isinstance(value, str) and isinstance(next_cell, str)):
            continue  # typed cells (Excel, a DataFrame) were not split by a separator
        text = next_cell.strip()
        if _SMALL_WHOLE.fullmatch(value) and match(text):
            joined = f"{str(value).strip()},{text}"
            raise DataError(
                f"{place_of(i, value_column)}: value {str(value).strip()!r} and {after} "
                f"{text!r} look like one number split at its thousands comma ({joined}); "
                f'quote it in the file ("{joined}") or save with another separator; if the '
                f"{after} is meant to be {text!r}, add a word to it",
                place=place_of(i, value_column),
            )


def names_without_header(table: pd.DataFrame, others: list[Any], describing: Any) -> Any:
    """The label of a wide table's first column when its header cell is blank but it can
    only hold the series' names (``",2019,2020"`` over ``"China IDC (亿元),1562.5,..."``, as
    research firms export a table): it is the first column, year columns stand to its
    right, its cells are text, and no other column (of ``others``, the columns not read as
    years) could name a series: each is ``describing`` (unit, source, ...; not a
    ``series_id`` column) or blank throughout. Else None: a value under no header stays
    an error.

    Examples
    --------
    >>> import pandas as pd
    >>> wide = pd.DataFrame({"Unnamed: 0": ["China IDC"], "2019": [1562.5]})
    >>> names_without_header(wide, ["Unnamed: 0"], ())
    'Unnamed: 0'
    >>> two = wide.assign(region=["Asia"])  # which of the two names the series? not guessed
    >>> names_without_header(two, ["Unnamed: 0", "region"], ()) is None
    True
    """
    columns = list(table.columns)
    if not columns or not is_headerless(columns[0]) or columns[0] not in others:
        return None
    first = columns[0]
    if len(others) == len(columns):  # no year column beside it
        return None
    for column in others:
        if column == first or (column in describing and column != "series_id"):
            continue
        if not is_headerless(column) or not all(is_blank(c) for c in table[column]):
            return None
    cells = [c for c in table[first] if not is_blank(c)]
    if not cells or not all(isinstance(c, str) and not is_number_column([c]) for c in cells):
        return None  # numbers: a year column whose header was lost, not names
    return first


def years_without_header(table: pd.DataFrame) -> Any:
    """The label of a table's first column when its header cell is blank but it can only
    hold the years (``",China IDC,US colo"`` over ``"2019,1562.5,30.2"``, an Excel chart's
    data range with a year per row): every filled cell of it is a year ("2019", "2019年",
    "2021E") and every other column has a header (or is blank throughout), so no other
    column could hold them. Else None, and the missing year column stays an error.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"Unnamed: 0": ["2019", "2020"], "China IDC": ["1562.5", "2023"]})
    >>> years_without_header(rows)
    'Unnamed: 0'
    >>> years_without_header(rows.assign(**{"Unnamed: 2": ["x", ""]})) is None
    True
    """
    from idcforecast._year_cells import estimate_year, year_label

    columns = list(table.columns)
    if len(columns) < 2 or not is_headerless(columns[0]):
        return None
    for column in columns[1:]:
        if is_headerless(column) and not all(is_blank(c) for c in table[column]):
            return None  # a second column without a header: which holds the years?
    cells = [c for c in table[columns[0]] if not is_blank(c)]
    if not cells or any(year_label(c) is None and estimate_year(c) is None for c in cells):
        return None
    return columns[0]


def no_headerless_values(
    table: pd.DataFrame, columns: list[Any], place_of: Any, expected: str
) -> None:
    """A DataError for the first value in a column of ``columns`` that has no header: a
    value there belongs to nothing the reader can name (a wide table's year whose header was
    deleted; a series with no name), so it is never dropped or guessed."""
    for column in columns:
        if not is_headerless(column):
            continue
        for i, cell in enumerate(table[column]):
            if not is_blank(cell):
                place = place_of(i, column)
                raise DataError(
                    f"{place}: a column without a header holds {cell!r}; expected {expected} "
                    "in its header; write it there, or delete the column"
                    + (
                        index_hint(table[column])
                        or merged_hint(table, column)
                        or above_hint(table, column)
                    ),
                    place=place,
                )


def merged_hint(table: pd.DataFrame, column: Any) -> str:
    """Advice for a headerless column whose header cell is merged across columns into
    another's (a two-row header's heading over sub-columns), from
    ``table.attrs["merged_across_header"]``; else ""."""
    match = re.fullmatch(r"Unnamed: (\d+)", str(column))
    if match is None:
        return ""
    return str(table.attrs.get("merged_across_header", {}).get(int(match.group(1)), ""))


def above_hint(table: pd.DataFrame, column: Any) -> str:
    """Advice for a headerless column whose cell in the row above the header holds text
    (a two-row header, "地区" above a blank cell, as a CSV saves a merged header): that text
    may be its name; else "". ``table.attrs["above_header"]`` holds that row as read."""
    above = table.attrs.get("above_header") or []
    match = re.fullmatch(r"Unnamed: (\d+)", str(column))
    if match is None or int(match.group(1)) >= len(above):
        return ""
    text = above[int(match.group(1))]
    if is_blank(text):
        return ""
    return (
        f" (the row above the header holds {str(text).strip()!r} in this column: if that is "
        "its name, write it in the header row)"
    )


def index_hint(cells: Any) -> str:
    """Advice for a headerless column that counts its rows from 0 (or 1): the index pandas
    writes with ``to_excel``/``to_csv`` unless told ``index=False``; else "".

    Examples
    --------
    >>> index_hint([0, 1, 2]), index_hint(["cn", "us"])
    (' (it counts the rows 0, 1, 2...: the index pandas writes unless told index=False)', '')
    """
    numbers = []
    for cell in cells:
        if is_blank(cell):
            continue
        try:
            number = float(str(cell).strip())
        except ValueError:
            return ""
        if not number.is_integer():
            return ""
        numbers.append(int(number))
    if len(numbers) < 2 or numbers[0] not in (0, 1):
        return ""
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return ""
    first = numbers[0]
    return (
        f" (it counts the rows {first}, {first + 1}, {first + 2}...: the index pandas writes "
        "unless told index=False)"
    )


def warn_ignored(table: pd.DataFrame, known: tuple[str, ...], name: str) -> None:
    """Columns of a long table with a value that are not read: named in a warning, as a
    unit column under a header not known ("Einheit") would otherwise vanish in silence."""
    import warnings

    from idcforecast.errors import IgnoredColumnWarning

    ignored = [
        column
        for column in table.columns
        if column not in known and any(not is_blank(cell) for cell in table[column])
    ]
    if ignored:
        position = {c: j for j, c in enumerate(table.columns)}
        shown = ", ".join(
            f"{position[c] + 1} (no header)" if is_headerless(c) else repr(str(c)) for c in ignored
        )
        numbers = [c for c in ignored if is_number_column(table[c])]
        series_hint = (
            f"; {'it holds' if len(ignored) == 1 else 'some hold'} numbers: a growth rate is "
            "computed from the values (idcforecast.yoy); a second series is read as one "
            "when the table has a column per series: give the value column its series' "
            "name (a table with a year column and no value column is read so)"
            if numbers
            else ""
        )
        warnings.warn(
            f"{name}: {'column' if len(ignored) == 1 else 'columns'} {shown} not read; a long "
            "table is read as series_id, year, value and "
            f"the provenance columns {', '.join(META[1:])}; rename a column to one of those "
            f"if it is one (a unit column above all), or delete it{series_hint}",
            IgnoredColumnWarning,
            stacklevel=caller_stacklevel(),
        )


def _is_statistic_column(cells: Any) -> bool:
    """A column of numbers that cannot be series codes: percentages or fractions ("27.2%",
    0.272), as a growth column beside a long table's values; whole numbers (1, 2) may be
    codes naming series, and stay the error of :func:`no_hidden_series`."""
    if not is_number_column(cells):
        return False
    filled = [cell for cell in cells if not is_blank(cell)]
    return any(
        "%" in cell or "." in cell if isinstance(cell, str) else float(cell) % 1 != 0
        for cell in filled
    )


def no_hidden_series(table: pd.DataFrame, known: tuple[str, ...], place_of: Any) -> None:
    """A long table without ``series_id`` whose other column varies may hold several series
    ("market": A, B): an error, not one series merged from them."""
    for column in table.columns:
        if column in known or str(column).startswith("Unnamed: "):
            continue
        if _is_statistic_column(table[column]):
            continue  # a growth rate ("yoy": 27.2%, 43.3%) names no series: warn_ignored does
        filled = [(i, cell) for i, cell in enumerate(table[column]) if not is_blank(cell)]
        kinds = list(dict.fromkeys(str(cell).strip() for _, cell in filled))
        if len(kinds) > 1:
            where = place_of(filled[0][0], column)
            shown = ", ".join(repr(k) for k in kinds[:3]) + (", ..." if len(kinds) > 3 else "")
            if actual_and_estimate_marks(kinds):
                raise DataError(
                    f"{where}: column {column!r} marks actuals and estimates ({shown}); "
                    "expected the mark in the year ('2021E'; '2020A' is read as 2020), so "
                    "that estimates= decides what is read; write it there and delete the "
                    "column",
                    place=where,
                    column=str(column),
                )
            raise DataError(
                f"{where}: column {column!r} holds {len(kinds)} different values ({shown}) "
                "and the table has no 'series_id' column; if it names the series, rename it "
                "series_id; if it is a remark, rename it note (or drop it)",
                place=where,
                column=str(column),
            )


def actual_and_estimate_marks(texts: list[str]) -> bool:
    """True when every text is a mark of an actual or an estimate as broker tables write
    them after a year ("A", "E", "实际", "预测"), with both kinds among them: series named
    "A" and "B" are not marks (B, a budget, is an estimate mark too)."""
    marks = [marked_year(f"2000{text}") for text in texts]
    kinds = {mark[1].lower() for mark in marks if mark is not None}
    return (
        None not in marks
        and bool(kinds & ACTUAL_MARKS)
        and bool(kinds - ACTUAL_MARKS - {"b", "budget"})
    )


def no_description_rows(
    table: pd.DataFrame, year_column: str, series_columns: list[Any], place_of: Any
) -> None:
    """A DataError for rows between the header and the first year that describe the series
    ("频率", "单位", "指标ID", "来源", as Wind and iFinD export a series per column): read
    as data, the first was "'频率' is not a year; a note under the table?"."""
    from idcforecast._cells import estimate_year, year_label
    from idcforecast._table_headers import HEADER_ALIASES

    labels: list[tuple[int, str]] = []
    for i, cell in enumerate(table[year_column]):
        if year_label(cell) is not None or estimate_year(cell) is not None:
            break
        if is_blank(cell):
            continue
        if not isinstance(cell, str) or any(ch.isdigit() for ch in cell):
            return  # a bad year cell: read_year names it
        labels.append((i, cell.strip()))
    else:
        return  # no year at all: read_year names the first cell
    if not labels or len(labels) > 10:
        return
    shown = ", ".join(repr(label) for _, label in labels)
    unit_row = next(
        (i for i, label in labels if HEADER_ALIASES.get(label.casefold(), label) == "unit"),
        None,
    )
    example = ""
    if unit_row is not None and series_columns:
        first = series_columns[0]
        unit = table[first].iloc[unit_row]
        if not is_blank(unit):
            example = f" ('{first}（{str(unit).strip()}）')"
    rows = f"the {len(labels)} rows" if len(labels) > 1 else "the row"
    place = place_of(labels[0][0], year_column)
    raise DataError(
        f"{place}: {rows} under the header before the first year ({shown}) describe the "
        "series, as Wind and iFinD exports write them; expected the years right under the "
        f"header: write each series' unit in brackets after its name{example} and delete "
        f"{'those rows' if len(labels) > 1 else 'the row'}",
        place=place,
    )


def no_second_header_row(
    table: pd.DataFrame, label_columns: list[Any], cells: list[Any], place_of: Any, layout: str
) -> None:
    """A DataError for a first row that is a second header row: blank under the names
    (``label_columns``: the year column, or a wide table's name columns), or labelled as the
    units' row ("单位", "Unit"), and, in ``cells``,
    only units ("亿元", "万架") or marks of actuals and estimates ("A", "E"). Read as data,
    it was "the series name is blank" or "a blank cell is not a year", which point nowhere
    near the fix."""
    from idcforecast._table_headers import HEADER_ALIASES
    from idcforecast.units import parse_unit

    def no_name(cell: Any) -> bool:  # blank, or a label saying the row holds units ("单位")
        label = str(cell).strip().casefold() if isinstance(cell, str) else None
        return is_blank(cell) or label == "unit" or HEADER_ALIASES.get(label or "") == "unit"

    if table.empty or not all(
        no_name(table.iat[0, table.columns.get_loc(c)]) for c in label_columns
    ):
        return
    filled = [(c, table[c].iloc[0]) for c in cells if not is_blank(table[c].iloc[0])]
    if not filled or not all(isinstance(cell, str) for _, cell in filled):
        return
    texts = [str(cell).strip() for _, cell in filled]
    shown = ", ".join(map(repr, texts[:4])) + (", ..." if len(texts) > 4 else "")
    place = place_of(0)
    if actual_and_estimate_marks(texts):
        raise DataError(
            f"{place}: the row holds {shown}, a second header row marking actuals and "
            "estimates; expected one header row: write each mark into the year it marks "
            "('2021E'; '2020A' is read as 2020) and delete this row (estimates= then says "
            "what to do with the estimates)",
            place=place,
        )
    units = []
    for text in texts:
        try:
            unit = parse_unit(text)
        except IdcForecastError:
            return
        if unit.base == "count" and unit.magnitude is None:
            return
        units.append(unit)
    example = f"{filled[0][0]}（{texts[0]}）" if layout == "years_as_rows" else None
    target = (
        f"the unit in brackets after each series' name in the header ({example!r})"
        if example is not None
        else "the unit in brackets after each series' name ('China (USD bn)') or a 'unit' column"
    )
    raise DataError(
        f"{place}: the row holds {shown}, a second header row of units; expected one header "
        f"row: write {target} and delete this row",
        place=place,
    )


def no_repeated_header_rows(
    table: pd.DataFrame, keys: list[Any], years: dict[Any, int], place_of: Any
) -> None:
    """A DataError for a row of a wide table that is the header of a second table stacked
    below the first (research sheets stack them, a blank row between): its name cells
    repeat the name headers ("地区" under "地区"), or every year cell holds a year, each the
    header's year shifted alike ("2021, 2022" under "2019, 2020"). Read as data it was a
    series "地区" of values 2021 and 2022, and the rows below it were read under the first
    table's years, in silence."""
    from idcforecast._cells import year_label

    heads = [str(c).strip().casefold() for c in keys]
    for i, row in enumerate(table.itertuples(index=False)):
        cells = dict(zip(table.columns, row, strict=True))
        names = [str(cells[c]).strip().casefold() for c in keys if not is_blank(cells[c])]
        repeated = bool(keys) and names == heads
        shifts = {
            (year_label(cells[c]) or 0) - year
            for c, year in years.items()
            if not is_blank(cells[c])
        }
        filled = sum(not is_blank(cells[c]) for c in years)
        shifted = (
            filled >= 2
            and len(shifts) == 1
            and all(year_label(cells[c]) is not None for c in years if not is_blank(cells[c]))
        )
        if repeated or shifted:
            shown = [str(cell).strip() for cell in row if not is_blank(cell)]
            raise stacked_table_error(place_of(i), shown)


def stacked_table_error(place: str, cells: list[str]) -> DataError:
    """The error of a row that is the header of a second table stacked below the first
    (:func:`no_repeated_header_rows`; the batch reader finds such rows its own way)."""
    shown = ", ".join(map(repr, cells))
    return DataError(
        f"{place}: the row holds {shown}, a header (of a second table below the first?); "
        "expected one table a sheet or file: move the second table to a sheet (or file) of "
        "its own, or delete it",
        place=place,
    )
