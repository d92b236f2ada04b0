"""Table headers: tidied, matched to the names a reader knows, and hints when misplaced.

:func:`tidy_headers` strips headers, gives a known name in other letter case or other words
(:data:`HEADER_ALIASES`: "单位", "Sources") that name, and refuses a header the file
repeats; :func:`is_headerless` and :func:`without_unused_columns` deal with columns read
without a header; :func:`header_hint` says which ``header_row`` (or ``sep``) to pass when
the header row read is not the table's header.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from idcforecast._text_files import SEPARATORS
from idcforecast.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "HEADER_ALIASES",
    "header_hint",
    "header_over_years",
    "is_headerless",
    "tidy_headers",
    "without_unused_columns",
]


def header_hint(
    table: pd.DataFrame, *, header_row: int = 0, names: tuple[str, ...] = ("year",)
) -> str:
    """What to pass when the header row read is not the table's header (a sentence tail).

    When a row below looks like the header (a cell named like ``names``, or two or more
    year headers such as 2019, 2020), the hint names its ``header_row``.
    """
    if table.columns.size == 1:
        only = str(table.columns[0])
        for candidate in SEPARATORS[1:]:
            if candidate in only:
                return (
                    f" (one column whose name holds {candidate!r}: the separator was not "
                    f"detected, some line splits differently; pass sep={candidate!r})"
                )
        if "," in only:  # ',' is detected unless another sep was passed (was: "a title?")
            return (
                " (one column whose name holds ',': the file is comma-separated, not by the "
                "separator given; to detect it, pass sep=None)"
            )
    found = _header_below(table, names)
    if found is not None:
        row = header_row + 1 + found
        cells = list(table.iloc[found])
        if repeated_years(cells) is not None:
            above = list(table.columns) if found == 0 else list(table.iloc[found - 1])
            above = [None if is_headerless(c) else c for c in above]
            return (
                # the table's blank columns are dropped: no column numbers to cut by here
                f" (row {row + 1} looks like the header, but "
                f"{_side_by_side(cells, above, blocks=False)}; "
                "expected one table per sheet or file: move each block to one of its own and "
                f"read it with header_row={row})"
            )
        if _blank_year_header(table, found):
            return (
                f" (a title above the header? row {row + 1} looks like the header but its "
                f"first cell, over the years, is blank: write {names[0]!r} there and pass "
                f"header_row={row}, the 0-based row of the header)"
            )
        return (
            f" (a title above the header? row {row + 1} looks like the header: pass "
            f"header_row={row}, the 0-based row of the header)"
        )
    return " (a title above the header? pass header_row=N, the 0-based row of the header)"


def header_over_years(
    table: pd.DataFrame, column: Any, header_row: int
) -> tuple[int, str, list[str]] | None:
    """When the header read is a title and the table's header lies below it (a Statista
    sheet: its title in B2, "Characteristic" and "Revenue in billion U.S. dollars" in row
    4, the years under "Characteristic"): the 0-based file row of that header, its cell
    over the years in ``column`` and the row's filled cells, else None. The row is the one
    right above ``column``'s first year, a text cell there and another filled beside it,
    under a header read that holds one cell alone, the title (a Wind export's rows under a
    full header, "来源, 科智咨询" over its dates, describe the series: another error)."""
    from idcforecast._cells import estimate_year, is_blank, year_label

    if sum(not is_headerless(c) for c in table.columns) != 1:
        return None
    cells = table[column].head(200).tolist()
    first = next(
        (i for i, c in enumerate(cells) if year_label(c) is not None or estimate_year(c)),
        None,
    )
    if not first:  # no year, or years from the first row on: the header read is the header
        return None
    label = cells[first - 1]
    filled = [str(c).strip() for c in table.iloc[first - 1] if not is_blank(c)]
    if not isinstance(label, str) or is_blank(label) or len(filled) < 2:
        return None
    return header_row + first, label.strip(), filled


def repeated_years(cells: list[Any]) -> list[int] | None:
    """0-based positions where a header row's years start again, when its year cells are
    two rising runs or more that share a year ("Region, 2019, 2020, 2019, 2020": two
    tables side by side, each under its own heading), else None.

    Examples
    --------
    >>> repeated_years(["Region", 2019, 2020, 2021, None, 2020, 2021, 2022])
    [1, 5]
    >>> repeated_years(["Region", 2019, 2020, 2021]) is None
    True
    """
    from idcforecast._cells import estimate_year, year_label

    found = [(j, y) for j, c in enumerate(cells) if (y := year_label(c) or estimate_year(c))]
    runs: list[list[tuple[int, int]]] = []
    for j, year in found:
        if runs and year > runs[-1][-1][1]:
            runs[-1].append((j, year))
        else:
            runs.append([(j, year)])
    if len(runs) < 2 or any(len(run) < 2 for run in runs):
        return None
    seen = [{y for _, y in run} for run in runs]
    if not any(a & b for a, b in itertools.combinations(seen, 2)):
        return None  # numbers of a data row that fall in the years' range
    return [run[0][0] for run in runs]


def _side_by_side(cells: list[Any], above: list[Any] | None, *, blocks: bool = True) -> str:
    """What a header row whose years repeat (:func:`repeated_years`) holds, for messages:
    the columns where the years start again, the headings over them in ``above``
    ("'Revenue (USD bn)' and 'Capacity (MW)'") and, with ``blocks`` (``cells`` as the file
    has them, blank columns kept), each block's columns to cut."""
    from idcforecast._cells import estimate_year, year_label

    starts = repeated_years(cells) or [0]
    years = [y for c in cells if (y := year_label(c) or estimate_year(c))]
    span = f" {min(years)}-{max(years)}" if years else ""
    again = " and ".join(str(j + 1) for j in starts[1:])
    headings = [str(c).strip() for c in (above or [])[starts[0] :] if not _is_blank(c)]
    under = f" under {' and '.join(map(repr, headings))}" if len(headings) >= 2 else ""
    return (
        f"its years{span} run from column {starts[0] + 1} and start again at column "
        f"{again}: {len(starts)} tables side by side{under}"
        + (f", {_blocks_said(cells, _block_starts(cells, starts))}" if blocks else "")
    )


def _block_starts(cells: list[Any], starts: list[int]) -> list[int]:
    """Where each block of a header row begins: the first block at the row's first filled
    cell, each later one at the first filled cell after a blank one before its years (its
    own label column, "Capacity (MW)" before its 2019), else at its first year."""
    filled = [j for j, c in enumerate(cells) if not _is_blank(c)]
    begins = [filled[0] if filled else 0]
    for start in starts[1:]:
        j = start
        while j - 1 > begins[-1] and not _is_blank(cells[j - 1]):
            j -= 1
        begins.append(j if j - 1 > begins[-1] and _is_blank(cells[j - 1]) else start)
    return begins


def _blocks_said(cells: list[Any], begins: list[int]) -> str:
    """The columns of each block, by number and spreadsheet letter: "columns 1-4 (A-D) and
    6-9 (F-I)" (a block ends at its last filled cell before the next block).

    Examples
    --------
    >>> _blocks_said(["Region", 2019, 2020, None, "Region", 2019, 2020], [0, 4])
    'columns 1-3 (A-C) and 5-7 (E-G)'
    """
    from openpyxl.utils import get_column_letter

    ends = [*begins[1:], len(cells)]
    spans = []
    for begin, end in zip(begins, ends, strict=True):
        last = max((j for j in range(begin, end) if not _is_blank(cells[j])), default=begin)
        letters = f"{get_column_letter(begin + 1)}-{get_column_letter(last + 1)}"
        spans.append(f"{begin + 1}-{last + 1} ({letters})")
    return f"columns {' and '.join(spans)}"


def _repeated_blocks(cells: list[Any], key: str, again: int) -> list[int] | None:
    """Where the blocks begin when the header ``key`` (the row's first filled cell) starts
    again at ``again`` right after a blank column ("year, Revenue, , year, Capacity": two
    tables side by side, each with its own header), else None."""
    filled = [j for j, c in enumerate(cells) if not _is_blank(c)]
    if not filled or str(cells[filled[0]]).strip() != key or not _is_blank(cells[again - 1]):
        return None
    begins = [filled[0]]
    for j in range(filled[0] + 1, len(cells)):
        if str(cells[j]).strip() == key and _is_blank(cells[j - 1]):
            begins.append(j)
    return begins


def _header_below(table: pd.DataFrame, names: tuple[str, ...], rows: int = 30) -> int | None:
    """Position of the first of ``rows`` data rows that looks like a header, else None."""
    from idcforecast._cells import estimate_year, year_label

    wanted = {name.casefold() for name in names}
    # the headers analysts give them ("年份" for year), taken for the header only with a
    # year below them: "年" is also a cell of a Wind export's frequency row ("频率, 年, 年")
    aliases = {alias for alias, known in HEADER_ALIASES.items() if known in wanted}
    head = table.head(rows + 1)
    for i, row in enumerate(head.head(rows).itertuples(index=False)):
        texts = [cell for cell in row if isinstance(cell, str)]
        if any(cell.strip().casefold() in wanted for cell in texts):
            return i
        below = list(head.iloc[i + 1]) if i + 1 < len(head) else [None] * len(row)
        if any(
            isinstance(cell, str)
            and cell.strip().casefold() in aliases
            and (year_label(under) or estimate_year(under)) is not None
            for cell, under in zip(row, below, strict=True)
        ):
            return i
        # year headers: text ("2019", "2021E") or numbers (an Excel header row of years),
        # rising from left to right: a data row (2021, 1900, 2012.1) holds numbers in the
        # years' range too, in no order
        years = [y for c in row if (y := year_label(c) or estimate_year(c)) is not None]
        if len(years) >= 2 and all(b > a for a, b in itertools.pairwise(years)):
            return i
        if repeated_years(list(row)) is not None:  # two tables side by side
            return i
        if _blank_year_header(table, i):
            return i
    return None


def _blank_year_header(table: pd.DataFrame, i: int) -> bool:
    """Row ``i`` reads like a header whose year column has no name: a blank first cell,
    text in every other filled cell, and a year first in the row below (",East,West" over
    "2019,1000,562.5")."""
    from idcforecast._cells import is_blank, is_number_column, year_label

    if i + 1 >= len(table):
        return False
    row, below = list(table.iloc[i]), list(table.iloc[i + 1])
    rest = [c for c in row[1:] if not is_blank(c)]
    return (
        is_blank(row[0])
        and bool(rest)
        and not any(is_number_column([c]) for c in rest)
        and year_label(below[0]) is not None
    )


def _is_a_unit(text: str) -> bool:
    """Whether a header is a unit of money or with a magnitude ("USD m", "亿元"), not a name.

    Examples
    --------
    >>> _is_a_unit("USD m"), _is_a_unit("亿元"), _is_a_unit("China"), _is_a_unit("MW")
    (True, True, False, False)
    """
    from idcforecast._unit_lines import _unit_alone

    return _unit_alone(text) is not None


def is_headerless(column: Any) -> bool:
    """True for a column read without a header: pandas names it "Unnamed: 2".

    Examples
    --------
    >>> is_headerless("Unnamed: 2"), is_headerless(None), is_headerless("capacity")
    (True, True, False)
    """
    return _is_blank(column) or (isinstance(column, str) and column.startswith("Unnamed: "))


def without_unused_columns(table: pd.DataFrame, headerless: dict[Any, int]) -> pd.DataFrame:
    """``table`` without the columns that have neither a header nor a value (a trailing
    comma on every CSV line, a sheet whose table starts at column C, a blank spacer
    column): they hold nothing, and pandas would name them "Unnamed: 2"."""
    unused = [c for c in headerless if bool(table[c].map(_is_blank).all())]
    return table.drop(columns=unused) if unused else table


def _is_blank(cell: Any) -> bool:
    from idcforecast._cells import is_blank

    return is_blank(cell)


# Other headers analysts give the columns read_series knows (case-folded); a header is
# renamed only when its name is one the reader asked for and the table lacks it
_UNIT_ALIASES = ("units", "单位", "單位", "计量单位", "計量單位", "unit of measure")
_SOURCE_ALIASES = ("sources", "data source", "来源", "來源", "数据来源", "數據來源", "资料来源",
                   "資料來源", "出处", "出處")  # fmt: skip
_NOTE_ALIASES = ("notes", "remark", "remarks", "comment", "comments", "备注", "備註", "注",
                 "说明", "說明")  # fmt: skip
HEADER_ALIASES = {
    **dict.fromkeys(_UNIT_ALIASES, "unit"),
    **dict.fromkeys(_SOURCE_ALIASES, "source"),
    **dict.fromkeys(_NOTE_ALIASES, "note"),
    **dict.fromkeys(("年份", "年度", "年"), "year"),
    **dict.fromkeys(("数值", "數值"), "value"),
}


def tidy_headers(
    table: pd.DataFrame,
    known: tuple[str, ...],
    name: str,
    *,
    raw_header: list[Any] | None,
    above: list[Any] | None = None,
) -> pd.DataFrame:
    """Headers without surrounding spaces, known names in their own letter case (and a
    :data:`HEADER_ALIASES` header, "单位" or "Sources", as the known name it means); a header
    that ``raw_header`` (the file's header cells) repeats is an error, which names two
    tables side by side when the years repeat (their headings from ``above``, the row
    above the header)."""
    from idcforecast._cells import is_blank

    first: dict[str, int] = {}
    for j, cell in enumerate(raw_header or ()):
        if is_blank(cell):
            continue
        key = str(cell).strip()
        if key in first:
            if repeated_years(list(raw_header or ())) is not None:
                raise DataError(
                    f"{name}: the header {key!r} appears twice (columns {first[key] + 1} and "
                    f"{j + 1}); {_side_by_side(list(raw_header or ()), above)}; expected one "
                    "table per sheet or file (a sheet's years once): move each block to a "
                    "sheet or file of its own, with its unit, and read each",
                    source=name,
                    column=key,
                )
            blocks = _repeated_blocks(list(raw_header or ()), key, j)
            if blocks is not None:
                raise DataError(
                    f"{name}: the header {key!r} appears twice (columns {first[key] + 1} and "
                    f"{j + 1}, after a blank column): {len(blocks)} tables side by side, "
                    f"{_blocks_said(list(raw_header or ()), blocks)}; expected one table per "
                    "sheet or file: move each block to a sheet or file of its own, with its "
                    "unit, and read each",
                    source=name,
                    column=key,
                )
            if _is_a_unit(key):  # "Region, USD m, USD m" over the years' row
                raise DataError(
                    f"{name}: the header {key!r} appears twice (columns {first[key] + 1} and "
                    f"{j + 1}) and is a unit: a row of units over the header? expected one "
                    "header row: pass header_row=N, the 0-based row of the header below "
                    "it (the unit row is then checked against unit=), or write the unit in "
                    "brackets after each series' name and delete the row",
                    source=name,
                    column=key,
                )
            raise DataError(
                f"{name}: the header {key!r} appears twice (columns {first[key] + 1} and "
                f"{j + 1}); expected unique column names; rename or delete one (pandas would "
                "read the second as a different column)",
                source=name,
                column=key,
            )
        first[key] = j
    present = {str(c) for c in table.columns}
    renames: dict[Any, str] = {}
    for column in table.columns:
        if not isinstance(column, str):
            continue
        stripped = " ".join(column.split())  # a line break in a cell (Alt+Enter): a space
        target = next((k for k in known if stripped.lower() == k.lower()), stripped)
        alias = HEADER_ALIASES.get(stripped.casefold())
        if target == stripped and alias in known:
            target = alias
        if target != column and target not in present:
            renames[column] = target
            present.add(target)
    return table.rename(columns=renames) if renames else table
