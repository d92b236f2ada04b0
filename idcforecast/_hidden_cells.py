"""Rows and columns of an Excel sheet that Excel hides (by hand or by a filter): read as data
like the cells shown, and named in a :class:`~idcforecast.errors.HiddenCellsWarning`.

:func:`hidden_cells` finds them in the sheet's XML; :func:`warn_hidden_cells` names them.
:func:`idcforecast.read_series` names only those that hold a value of a series it returns
(:func:`hidden_cells_read`), or no value at all (a hidden row of provenance cells, or one
whose cells are blank): reading one series, a hidden row of another is no concern of it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from idcforecast._caller import caller_stacklevel
from idcforecast._excel_sheets import sheet_xml_findall

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    import pandas as pd

    from idcforecast._normalize import Observation

__all__ = ["hidden_cells", "hidden_cells_read", "warn_hidden_cells"]

# the row and column tags that hide them, found in one pass (only those are collected: a
# large sheet has a tag per row)
_HIDDEN_TAG = re.compile(rb'<(?:\w+:)?(?:row|col)\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_IS_ROW = re.compile(rb"<(?:\w+:)?row\b")


def _attribute(tag: bytes, name: str) -> int | None:
    found = re.search(rb"\b" + name.encode() + rb'="(\d+)"', tag)
    return int(found.group(1)) if found else None


def hidden_cells(
    table: pd.DataFrame, worksheet: Any, path: Path, header_row: int
) -> tuple[list[int], list[tuple[int, str]]]:
    """The table's hidden rows (Excel's 1-based row numbers) and hidden columns (1-based
    position, ``"C (old)"``: letter and header as read), in sheet order."""
    from openpyxl.utils import get_column_letter

    first, last = header_row + 2, header_row + 1 + len(table)  # 1-based data rows
    rows: set[int] = set()
    columns: set[int] = set()
    for tag in sheet_xml_findall(path, worksheet, _HIDDEN_TAG):
        if _IS_ROW.match(tag):
            row = _attribute(tag, "r")
            if row is not None and first <= row <= last:
                rows.add(row)
            continue
        low, high = _attribute(tag, "min"), _attribute(tag, "max")
        if low is not None and high is not None:
            columns.update(range(low, min(high, table.shape[1]) + 1))
    return sorted(rows), [
        (j, f"{get_column_letter(j)} ({table.columns[j - 1]!s})") for j in sorted(columns)
    ]


def warn_hidden_cells(
    name: str,
    sheet: str,
    rows: list[int],
    columns: Iterable[str],
    series_of: dict[int, str] | None = None,
) -> None:
    """A HiddenCellsWarning naming hidden ``rows`` (Excel's numbers) and ``columns`` ("C
    (old)") read as data; none if there are none. ``series_of`` names the series a row
    holds (Excel's number: series id), said after it: "rows 4, 5 (series 'india')"."""
    import warnings

    from idcforecast.errors import HiddenCellsWarning

    columns = list(columns)
    if not rows and not columns:
        return
    parts = []
    if rows:
        shown = _rows_shown(rows[:10], series_of or {}) + (", ..." if len(rows) > 10 else "")
        parts.append(f"{'row' if len(rows) == 1 else 'rows'} {shown}")
    if columns:
        parts.append(f"{'column' if len(columns) == 1 else 'columns'} {', '.join(columns)}")
    one = len(rows) + len(columns) == 1
    warnings.warn(
        HiddenCellsWarning(
            f"{name}, sheet {sheet!r}: {' and '.join(parts)} hidden in Excel (by hand or by "
            f"a filter) {'was' if one else 'were'} read as data like the cells shown; delete "
            f"{'it' if one else 'them'} from the sheet (or save a copy without) if not part "
            "of the table"
        ),
        stacklevel=caller_stacklevel(),
    )


def _rows_shown(rows: list[int], series_of: dict[int, str]) -> str:
    """Row numbers joined, each run of rows of one series followed by its name.

    Examples
    --------
    >>> _rows_shown([4, 5, 9, 12], {4: "india", 5: "india", 9: "china"})
    "4, 5 (series 'india'), 9 (series 'china'), 12"
    """
    shown: list[str] = []
    for k, row in enumerate(rows):
        series = series_of.get(row)
        last = k + 1 == len(rows) or series_of.get(rows[k + 1]) != series
        shown.append(f"{row} (series {series!r})" if series is not None and last else str(row))
    return ", ".join(shown)


def hidden_cells_read(
    table: pd.DataFrame,
    observations: list[Observation],
    place_of: Callable[..., str],
    *,
    layout: str,
    series_id: str | None,
) -> tuple[list[int], list[str]]:
    """Of ``table.attrs["hidden"]`` (rows by table position and Excel number, columns by
    table column and label), those that hold a value of ``series_id`` (of any series when
    it is None) or no value of any series."""
    rows, columns = table.attrs["hidden"]
    read = {o.place for o in observations if series_id in (None, o.series_id)}
    other = {o.place for o in observations} - read

    def concerns(places: set[str]) -> bool:
        return bool(places & read) or not places & other

    def row_places(i: int) -> set[str]:
        if layout == "long":  # a long row's observation is named by its row
            return {place_of(i)}
        return {place_of(i, column) for column in table.columns}

    def column_places(column: Any) -> set[str]:
        if layout == "long":  # a long table's column holds a cell of every row
            return read | other
        return {place_of(i, column) for i in range(len(table))}

    shown_rows = [row for i, row in rows if concerns(row_places(i))]
    shown_columns = [
        label for column, label in columns if column is None or concerns(column_places(column))
    ]
    return shown_rows, shown_columns
