"""A unit heading merged over a sheet's year columns ("RMB bn" across 2019..2023).

Research workbooks put the unit of a wide table in a cell merged across its year columns,
in the row above the years::

    |        |        RMB bn (merged B1:F1)         |
    | market | 2019 | 2020 | 2021 | 2022 | 2023 |
    | cidc   | 1562 | 2239 | ...

The header is the row of years (``header_row=1``), and the heading row was skipped unread:
bare numbers had no unit (a UnitError), or ``unit=`` relabelled them. A merged range in the
row right above the header that covers every year column, and whose text states one unit
("RMB bn", "单位：亿元", "市场规模（亿元）"), is the unit of every value below it
(:func:`merged_unit_heading`), as a "value (CNY bn)" header is a long table's: ``unit=``
converts from it. A unit cell or a series' name stating another unit is a UnitError
(:func:`with_heading_unit`); two such headings, or one over some of the years only, are not
used (the UnitError for bare numbers then names the line above, as before).

The same holds, as a default, for a unit in brackets in the header over a wide table's
names (its top-left cell: "地区（亿元）", "Revenue (US$ m)"; :func:`corner_unit`): rows that
state none take it, a row's own unit ("Growth (%)") holds. A unit a table writes the way
headers write it ("RMB 100 million", "US$ '000") is read so in a unit cell and ``unit=``
too (:func:`canonical_table_unit`).

Private: :func:`idcforecast._table_files.read_table` finds the heading, the layout readers
apply it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from idcforecast.errors import IdcForecastError, UnitError

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast._normalize import Observation

__all__ = [
    "BRACKETED",
    "UNIT_SAID",
    "canonical_table_unit",
    "corner_unit",
    "headings_above",
    "merged_unit_heading",
    "rows_with_heading_unit",
    "stated_unit",
    "with_corner_unit",
    "with_heading_unit",
]

# "单位：亿元", "计量单位: 万架", "Unit: CNY bn": a unit said in words (in a heading, or a
# line above the header: _unit_lines), and a bracketed part that may hold one, "(亿元)"
UNIT_SAID = re.compile(  # "单位：亿元", "Unit: CNY bn", and "单位为亿元" ("the unit is")
    # (Japanese: "単位：百万円", "単位は億円"; Korean: "단위: 억원")
    r"(?:(?:计量单位|單位|单位|単位)\s*(?:[:：]|均?[为為是]|は)|(?:units?|단위)\s*[:：])"
    r"\s*([^,，;；。、()（）\n]+)",
    re.IGNORECASE,
)
BRACKETED = re.compile(r"[(（]([^()（）]+)[)）]")


def stated_unit(text: Any) -> str | None:
    """The canonical unit a heading's text states: the whole text ("RMB bn"), after
    "单位：" or "Unit:", the one unit in its brackets ("市场规模（亿元）"), or its last words
    ("市场规模 亿元": :func:`~idcforecast._unit_tails.trailing_unit`); None for text
    stating none, a count ("(m)"), or two units in brackets.

    Examples
    --------
    >>> [stated_unit(t) for t in ("RMB bn", "单位：亿元", "Market size (US$ bn)", "Market")]
    ['CNY bn', 'CNY 100m', 'USD bn', None]
    >>> stated_unit("RMB 100 million"), stated_unit("Unit: RMB 100 million")
    ('CNY 100m', 'CNY 100m')
    >>> stated_unit("Size (CNY bn) and growth (%)") is None  # two units: which columns?
    True
    >>> stated_unit("IDC market RMB bn"), stated_unit("市场规模 亿元")  # after a space
    ('CNY bn', 'CNY 100m')
    """
    from idcforecast.units import canonical_unit

    if not isinstance(text, str) or not text.strip():
        return None

    from idcforecast._table_layouts import _as_unit_text

    def known(said: str) -> str | None:
        try:  # as a header's brackets read: "RMB 100 million" is CNY 100m
            unit = canonical_unit(_as_unit_text(said.strip()))
        except IdcForecastError:
            return None
        return None if unit.startswith("count") else unit

    whole = known(text)
    if whole is not None:
        return whole
    said = UNIT_SAID.search(text)
    if said is not None:
        words = said.group(1).split()
        for candidate in (" ".join(words), words[0] if words else ""):
            if (unit := known(candidate)) is not None:
                return unit
    inside = {u for part in BRACKETED.findall(text) if (u := known(part)) is not None}
    if inside:
        return inside.pop() if len(inside) == 1 else None
    from idcforecast._unit_tails import trailing_unit

    try:  # "IDC market RMB bn", "市场规模 亿元": the unit after the words, with a space
        return trailing_unit(text)
    except IdcForecastError:
        return None  # "Revenue bn": no unit to give the values (their own check says so)


def headings_above(
    ranges: list[tuple[int, int, int, int]], sheet: Any, header_row: int
) -> list[tuple[tuple[int, int, int, int], Any]]:
    """``(range, text)`` of the ``ranges`` (``(min_col, min_row, max_col, max_row)``,
    1-based) that end in the row right above the header (0-based ``header_row``) and span
    two columns or more, with their first cell's text (read while the workbook is open)."""
    return [
        (merged, sheet.cell(row=merged[1], column=merged[0]).value)
        for merged in ranges
        if header_row > 0 and merged[3] == header_row and merged[2] > merged[0]
    ]


def merged_unit_heading(
    headings: list[tuple[tuple[int, int, int, int], Any]], year_columns: list[int]
) -> tuple[str, str] | None:
    """``(unit, description)`` of the one heading of ``headings`` (:func:`headings_above`)
    that covers every one of ``year_columns`` (0-based positions) and states a unit
    (:func:`stated_unit`); None when there is none, or two (which one holds?).

    Examples
    --------
    >>> merged_unit_heading([((2, 1, 4, 1), "RMB bn")], [1, 2, 3])
    ('CNY bn', "cell B1 'RMB bn', merged over B1:D1 above the year columns")
    >>> merged_unit_heading([((2, 1, 3, 1), "RMB bn")], [1, 2, 3]) is None  # not over D
    True
    """
    from openpyxl.utils import get_column_letter

    if not year_columns:
        return None
    found = []
    for (min_col, min_row, max_col, max_row), text in headings:
        if not all(min_col - 1 <= j <= max_col - 1 for j in year_columns):
            continue
        unit = stated_unit(text)
        if unit is not None:
            first, last = get_column_letter(min_col), get_column_letter(max_col)
            found.append(
                (
                    unit,
                    f"cell {first}{min_row} {str(text).strip()!r}, merged over "
                    f"{first}{min_row}:{last}{max_row} above the year columns",
                )
            )
    return found[0] if len(found) == 1 else None


def with_heading_unit(
    observations: list[Observation], heading: tuple[str, str], series_id: str | None = None
) -> list[Observation]:
    """The observations of a wide table under a unit ``heading`` (:func:`merged_unit_heading`),
    each with that unit where its row states none; a unit cell or a series' name stating
    another unit is a UnitError naming both (which one holds?), for series ``series_id``
    alone when it is given (another series of the table, "增速 (%)", is not read)."""
    from idcforecast.units import canonical_unit

    unit, where = heading
    out = []
    for o in observations:
        if "unit" not in o.meta:
            out.append(replace(o, meta={**o.meta, "unit": unit}))
            continue
        try:
            own = canonical_unit(str(o.meta["unit"]).strip())
        except IdcForecastError:
            own = None  # an unknown unit cell: to_frame names it
        if own is not None and own != unit and series_id in (None, o.series_id):
            raise UnitError(
                f"{o.place} (series {o.series_id!r}): the unit heading ({where}) says "
                f"{unit!r}, but the row's unit (its unit cell or its name) says "
                f"{str(o.meta['unit']).strip()!r}; expected one unit; correct one of them",
                place=o.place,
                series_id=o.series_id,
                unit=unit,
            )
        out.append(o)
    return out


def rows_with_heading_unit(
    table: pd.DataFrame, heading: tuple[str, str], place_of: Any
) -> pd.DataFrame:
    """A melted wide ``table`` (``series_id, year, value`` [+ ``unit``]) under a unit
    ``heading``, as :func:`idcforecast.batch.read_long_table` reads it: rows without a unit
    take the heading's; a unit cell (or a series' name's, already in ``unit``) of another
    unit is a UnitError naming its row, as :func:`with_heading_unit` refuses it."""
    import numpy as np

    from idcforecast._cells import is_blank
    from idcforecast.units import canonical_unit

    unit, where = heading
    if "unit" not in table.columns:
        return table.assign(unit=unit)
    cells = table["unit"]
    blank = cells.map(is_blank).to_numpy(dtype=bool)
    for text in dict.fromkeys(cells[~blank].astype(str).str.strip()):
        try:
            own = canonical_unit(text)
        except IdcForecastError:
            continue  # an unknown unit cell: the unit check names it
        if own != unit:
            i = int(np.flatnonzero(~blank & (cells.astype(str).str.strip() == text).to_numpy())[0])
            place = place_of(i)
            raise UnitError(
                f"{place}: the unit heading ({where}) says {unit!r}, but the row's unit (its "
                f"unit cell or its name) says {text!r}; expected one unit; correct one of them",
                place=place,
                unit=unit,
            )
    return table.assign(unit=cells.astype(object).where(~blank, unit))


def canonical_table_unit(text: str) -> str:
    """The canonical spelling of a unit a table writes (a unit cell, a heading,
    ``unit=``): as the registry reads it, else as a header's brackets read it ("RMB 100
    million" -> "CNY 100m", "US$ '000" -> "USD thousand", "in US$ m" -> "USD mn"); else
    the registry's UnknownUnitError.

    Examples
    --------
    >>> canonical_table_unit("RMB 100 million"), canonical_table_unit("亿元")
    ('CNY 100m', 'CNY 100m')
    """
    from idcforecast._table_layouts import _as_unit_text
    from idcforecast.units import canonical_unit

    try:
        return canonical_unit(text)
    except IdcForecastError:
        written = _as_unit_text(str(text))
        if written == str(text).strip():
            raise
        try:
            return canonical_unit(written)
        except IdcForecastError:
            pass
        raise


def corner_unit(columns: list[Any]) -> tuple[str, str] | None:
    """``(unit, header)`` of the one name column of a wide table (not a year, not a
    ``unit``/``source``... column) whose header states a unit in brackets ("地区（亿元）",
    or in words: "单位：亿元", "Unit: USD m",
    "Revenue (US$ m)" over the names, as the top-left cell of a research table gives the
    table's unit); None when none does, or two do.

    Examples
    --------
    >>> corner_unit(["地区（亿元）", "2019年", "2020年"])
    ('CNY 100m', '地区（亿元）')
    >>> corner_unit(["Region", 2019, 2020]) is None
    True
    >>> corner_unit(["单位：亿元", "2019年"])  # the unit said in words in the corner
    ('CNY 100m', '单位：亿元')
    """
    from idcforecast._cells import estimate_year, year_label
    from idcforecast._layout_checks import META
    from idcforecast._table_layouts import header_unit

    found = []
    for column in columns:
        if column in META or year_label(column) is not None or estimate_year(column) is not None:
            continue
        try:
            unit = header_unit(column)
        except IdcForecastError:
            continue  # "Region (10k)": a magnitude alone, no unit to give the rows
        if unit is None and UNIT_SAID.search(str(column)):  # "单位：亿元", "Unit: USD m"
            unit = stated_unit(column)
        if unit is not None:
            found.append((unit, str(column)))
    return found[0] if len(found) == 1 else None


def with_corner_unit(observations: list[Observation], corner: tuple[str, str]) -> list[Observation]:
    """The observations of a wide table whose name column's header states a unit
    (:func:`corner_unit`), each with that unit where its row states none (a unit cell or
    the series' name, "Growth (%)", keeps its own); a remark beside the unit ("地区（亿元，
    估计）") is every row's note, as :func:`~idcforecast._table_layouts.value_header_unit`
    keeps a value header's."""
    from idcforecast._table_layouts import with_note

    unit, header = corner
    note = corner_remark_note(header)
    out = [
        o if "unit" in o.meta else replace(o, meta={**o.meta, "unit": unit}) for o in observations
    ]
    return out if note is None else [replace(o, meta=with_note(o.meta, note)) for o in out]


def corner_remark_note(header: str) -> str | None:
    """The note of a remark beside the unit in a wide table's corner header ("地区（亿元，
    估计）": "'估计' (from the header '地区（亿元，估计）')"), else None."""
    from idcforecast._table_layouts import header_remark

    remark = header_remark(header)
    return None if remark is None else f"{remark!r} (from the header {header.strip()!r})"
