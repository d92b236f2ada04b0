"""The decimal mark of a CSV whose fields are separated by ``;`` (or a tab, or ``|``), as
continental European exports write them: read by :func:`idcforecast.read_series`.

With the default ``decimal="."``, :func:`decimal_mark_of` reads such a file with a decimal
comma when that is the only way its numbers read: at least one number is written with one
("1,5", "27,8", "1.234,5", "0,1234": a comma before one, two or more than three digits, which
groups no thousands), and no number reads both ways ("1,500" may be 1500 or 1.5, "1.562"
1.562 or 1562) or only with a decimal point ("12.5"). Otherwise the file keeps ``"."``, and
:func:`warn_three_digit_groups` names numbers that all read both ways.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from idcforecast._caller import caller_stacklevel

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pandas as pd

__all__ = ["decimal_mark_of", "file_decimal_mark", "warn_three_digit_groups"]

# the number a cell starts with ("1,5", "1.234,5亿元", "(3,2%)", "-0,5"); text cells and
# provenance columns hold none
_LEADING_NUMBER = re.compile(
    r"\s*\(?[+\-\u2212]?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d.,])|\d[\d.,]*\d|\d)"
)
# a decimal comma that groups no thousands: a comma before 1-2 or 4+ digits, or after
# thousands grouped by points or spaces ("1.234,5", "1.234,567", "1 234,5")
_DECIMAL_COMMA = re.compile(
    r"(?:\d+,(?:\d{1,2}|\d{4,})|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+,\d+)"
)
# columns that describe a value rather than hold one ("ca. 1.234,5 Mrd. EUR" in a quote)
_TEXT_COLUMNS = frozenset(
    ("series_id", "qualifier", "as_of", "source", "quote", "confidence", "scope", "note")
)


def _numbers(table: pd.DataFrame, year_column: str) -> Iterator[str]:
    """The numbers the text cells of ``table`` start with, outside the year and text
    columns, in column order (a generator: a large file's check stops at its first number
    that decides it)."""
    for column in table.columns:
        if column == year_column or column in _TEXT_COLUMNS:
            continue
        for cell in table[column]:
            if isinstance(cell, str) and (match := _LEADING_NUMBER.match(cell)):
                yield match.group(1)


def decimal_mark_of(table: pd.DataFrame, *, year_column: str, decimal: str) -> str:
    """``","`` when ``decimal`` is the default ``"."``, ``table`` was read from a CSV
    separated by something other than a comma, and its numbers read only with a decimal
    comma (see the module's notes); else ``decimal``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"year": ["2019", "2020"], "value": ["1,5", "1.234,25"]})
    >>> table.attrs["sep"] = ";"
    >>> decimal_mark_of(table, year_column="year", decimal=".")
    ','
    >>> table["value"] = ["1,5", "1,500"]  # 1,500: 1500 or 1.5? not guessed
    >>> decimal_mark_of(table, year_column="year", decimal=".")
    '.'
    """
    if decimal != "." or table.attrs.get("sep") in (None, ","):
        return decimal
    marked = False  # a number with a comma or point seen, all read only with a comma
    for number in _numbers(table, year_column):
        if "," in number or "." in number:
            if not _DECIMAL_COMMA.fullmatch(number):
                return decimal  # one that reads both ways or with a point: not guessed
            marked = True
    return "," if marked else decimal


def file_decimal_mark(table: pd.DataFrame, *, year_column: str, decimal: str, name: str) -> str:
    """The decimal mark to read ``table``'s numbers with, as :func:`idcforecast.read_series`
    and :func:`idcforecast.batch.read_long_table` both read a file: :func:`decimal_mark_of`,
    and for a ';' file still read with ``"."``, :func:`warn_three_digit_groups`' warning
    when its numbers all read both ways."""
    decimal = decimal_mark_of(table, year_column=year_column, decimal=decimal)
    if table.attrs.get("sep") == ";" and decimal == ".":
        warn_three_digit_groups(table, year_column, name)
    elif table.attrs.get("workbook") and decimal == ".":  # numbers stored as text: "1.562"
        warn_three_digit_groups(table, year_column, name, in_workbook=True)
    return decimal


_DOT_THOUSANDS = re.compile(r"\s*[+-]?\d{1,3}(?:\.\d{3})+\s*")
_COMMA_THOUSANDS = re.compile(r"\s*[+-]?\d{1,3}(?:,\d{3})+\s*")
_PLAIN_NUMBER = re.compile(r"\s*[+-]?[\d.,]+\s*")


def warn_three_digit_groups(
    table: pd.DataFrame, year_column: str, name: str, *, in_workbook: bool = False
) -> None:
    """Every plain number of a ';'-separated file written like 1.562 or 12.345.678: read
    with '.' as the decimal mark (the default) it is 1000 times smaller than a continental
    export meant; say so, and how to read it the other way. The same for every number
    written like 1,562: read as 1562, 1000 times larger than a decimal comma means.
    ``in_workbook``: the text cells of an Excel sheet (numbers stored as text, as a
    continental export writes them; number cells are no text and not looked at), for
    which only the dots are said ("1,562" is what an English sheet's text shows)."""
    import warnings

    from idcforecast.errors import AmbiguousNumberWarning

    cells: list[str] = []  # the first three, shown
    count, dots, commas = 0, True, True
    for column in table.columns:
        if column == year_column or column in _TEXT_COLUMNS:
            continue  # a series_id column of 200,000 names: no number to decide by
        for cell in table[column]:
            if not (isinstance(cell, str) and _PLAIN_NUMBER.fullmatch(cell)):
                continue
            dots = dots and bool(_DOT_THOUSANDS.fullmatch(cell))
            commas = commas and bool(_COMMA_THOUSANDS.fullmatch(cell))
            if not dots and not commas:
                return  # (a large file: decided at its first other number)
            count += 1
            if len(cells) < 3:
                cells.append(cell)
    shown = ", ".join(repr(c.strip()) for c in cells)
    where = "number stored as text in the sheet" if in_workbook else "number"
    within = "" if in_workbook else " in a ';'-separated file"
    if count >= 2 and dots:
        warnings.warn(
            f"{name}: every {where} ({shown}...) has exactly three digits after its dot"
            f"{within}, as files that group thousands with '.' write them; they were "
            "read with '.' as the decimal mark (1.562 as 1.562, not 1562); if the dots group "
            "thousands, pass decimal=','",
            AmbiguousNumberWarning,
            stacklevel=caller_stacklevel(),
        )
    elif count >= 2 and commas and not in_workbook:
        # the mirror: ';' separates the fields of files whose decimal mark is ','
        warnings.warn(
            f"{name}: every number ({shown}...) has exactly three digits after its comma in a "
            "';'-separated file, as files that write ',' as the decimal mark may; they were "
            "read with ',' grouping thousands (1,562 as 1562, not 1.562); if the comma is the "
            "decimal mark, pass decimal=','",
            AmbiguousNumberWarning,
            stacklevel=caller_stacklevel(),
        )
