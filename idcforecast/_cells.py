"""Reading single cells of user tables: blanks, years, figures, flags.

Private helpers of :func:`idcforecast.read_series`. Every function takes the cell's *place*
("sales.csv row 4, column 'value'") and puts it at the front of any error it raises.
"""

from __future__ import annotations

import contextlib
import decimal
import math
import numbers
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from idcforecast._year_cells import (  # the year cells, kept importable from here
    ACTUAL_MARKS,
    ESTIMATE_POLICIES,
    check_estimates_policy,
    estimate_year,
    has_year_headers,
    marked_year,
    read_year,
    read_year_or_estimate,
    unread_year,
    year_columns,
    year_label,
)
from idcforecast.errors import DataError, IdcForecastError, NonNumericValueError, ParseError

__all__ = [
    "ACTUAL_MARKS",
    "ESTIMATE_POLICIES",
    "Figure",
    "check_estimates_policy",
    "estimate_year",
    "footnote_marker",
    "has_year_headers",
    "in_context",
    "is_blank",
    "is_number_column",
    "joined_keys",
    "marked_year",
    "point_decimals",
    "read_figure",
    "read_flag",
    "read_year",
    "read_year_or_estimate",
    "unread_year",
    "year_columns",
    "year_label",
]

# joins the cells of several key columns (country, segment, metric) into one series id
KEY_SEPARATOR = " / "

_PLAIN_NUMBER = re.compile(r"\s*[+-]?[\d,\s]*\.?\d+\s*")
# a number written with a decimal comma: "1.234.567,89", "223,87", "1234" (dots group
# thousands, in threes); not part of a longer run of digits, dots and commas
_COMMA_DECIMAL_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\d.,])")
_DIGIT_DOT_DIGIT = re.compile(r"\d\.\d")
# a whole cell holding a number in scientific notation, as programs write it ("1.2e+12")
_SCIENTIFIC = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+\s*")
# a whole number with its decimal point and no digit after it ("12.", as some exports and
# hand-typed sheets write one): 12, as read_long_table (pandas) reads it; was "unit '.'"
_TRAILING_POINT = re.compile(r"\s*[+-]?\d+\.\s*")
# a whole cell of a number grouping thousands with apostrophes ("1'234.5", Swiss exports):
# an apostrophe is never a decimal mark ("1'234" is read with decimal=',' too, "1'234.5" not)
_APOSTROPHE_THOUSANDS = re.compile(r"\s*[+-]?\d{1,3}(?:['’]\d{3})+(?:\.\d+)?\s*")
# a whole cell in parentheses holding a number (with a magnitude, unit or % after it)
# a negative as SAP and other accounting exports write it: "12.5-", "1,234.50-"
_TRAILING_MINUS = re.compile(r"\s*(\d[\d.,' ]*)\s*[-\u2212]\s*")
_ACCOUNTING_NEGATIVE = re.compile(r"\s*[(（]\s*(\d[^()（）]*?)\s*[)）]\s*")
# a currency sign or code before a negative's brackets or minus: "($1,400)", "(US$1.4 bn)",
# "-$1,400", "−¥300" (figure text wants the sign after it: "$-1,400")
_CURRENCY_SIGN = r"(?:US\$|HK\$|S\$|A\$|C\$|\$|¥|￥|€|£|USD|CNY|RMB|EUR|GBP|JPY|HKD)"
_NEGATIVE_AFTER_SIGN = re.compile(
    rf"\s*(?:[(（]\s*({_CURRENCY_SIGN})\s*(\d[^()（）]*?)\s*[)）]"
    rf"|[-\u2212]\s*({_CURRENCY_SIGN})\s*(\d.*?))\s*"
)
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0", ""}


@dataclass(frozen=True)
class Figure:
    """One cell read as a figure. ``unit`` is None for a bare number (the row supplies it)."""

    value: float
    unit: str | None
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    quote: str = ""
    alternate: str = ""
    # a footnote marker written after the figure ("320①", "1,562.5亿元*"), not part of it
    marker: str = ""
    # the year written in brackets after the figure ("1562.5亿元（2019年）"), else None
    year: int | None = None


# symbols tables put after a figure to point to a footnote; and below, any "other number"
# character (circled ①, superscript ¹, parenthesized ⑴, "⒈") but a fraction: NFKC, which
# the figure parser applies, turns ① and ¹ into the digit 1, so "320①" would read as 3201
_MARK_SYMBOLS = frozenset("*†‡§※")
# footnote references in brackets after a figure ("3,200[1]", "1,562.5亿元 [12]", "[1][2]"),
# as _claim_marks reads a claim's; numbers only: "[a]" and "[E]" are left to the year-mark
# check (tables mark an actual or an estimate so), a word to the figure reader
_BRACKET_REFERENCES = re.compile(r"(?:\s*\[\s*\d{1,3}\s*\])+\s*$")


def footnote_numbers(text: str) -> list[int]:
    """Positions of the number characters of ``text`` that are no digits (①, ¹, ⑴, ⒈) and
    which NFKC would read as digits, outside a unit's exponent ("m²", "tCO₂"): footnote
    markers, or numbers no parser should read.

    Examples
    --------
    >>> footnote_numbers("320①"), footnote_numbers("500 m²"), footnote_numbers("320")
    ([3], [], [])
    """
    if text.isascii():
        return []  # no ASCII character is an "other number"
    # each distinct character is checked once per process (set operations, in C, do the rest)
    if _NOT_MARKS.issuperset(text):
        return []
    chars = set(text).difference(_NOT_MARKS)
    for ch in chars.difference(_MARKS):
        (_MARKS if _is_marker(ch) and ch not in _MARK_SYMBOLS else _NOT_MARKS).add(ch)
    marks = chars.intersection(_MARKS)
    if not marks:
        return []
    return [j for j, ch in enumerate(text) if ch in marks and not _is_exponent(text, j)]


# the characters found to be numbers that are no digits, and those found not to be
_MARKS: set[str] = set()
_NOT_MARKS: set[str] = set()


# the units a square or a cube belongs to ("m²", "ft³"); after any other word it is a
# footnote's number ("$3bn²")
_LENGTH_WORDS = frozenset({"m", "cm", "mm", "km", "ft", "in", "yd", "mi"})


def _is_exponent(text: str, j: int) -> bool:
    """Whether ``text[j]`` is part of a unit: a subscript right after a letter ("tCO₂"), or a
    square or a cube right after a length ("m²", "km²", "ft³"); another superscript there is
    a footnote's ("$3.2bn¹", "$3bn²")."""
    name = unicodedata.name(text[j], "")
    word = re.search(r"[A-Za-z]*\Z", text[:j])
    letters = word.group().casefold() if word else ""
    if name.startswith("SUBSCRIPT"):
        return bool(letters)
    return name in ("SUPERSCRIPT TWO", "SUPERSCRIPT THREE") and letters in _LENGTH_WORDS


def _is_marker(ch: str) -> bool:
    if ch in _MARK_SYMBOLS:
        return True
    return unicodedata.category(ch) == "No" and "FRACTION" not in unicodedata.name(ch, "")


def footnote_marker(text: str, *, place: str, noun: str = "cell") -> tuple[str, str]:
    """Split a text cell into the figure and the footnote marker written after it.

    The marker is what ends the cell among ``* † ‡ § ※`` and the numbers that are not
    digits (①, ¹, ⑴, ⒈); a superscript right after a letter ("m²") is part of the unit,
    not a marker, nor is a subscript ("CO₂"). Such a number anywhere else in the figure is
    a ``ParseError``: the figure parser would read "320①亿元" as 3201亿元. ``noun`` names
    what ``text`` is in that message ("cell" of a table, "figure" for ``parse_quantity``).

    Examples
    --------
    >>> footnote_marker("320①", place="f.csv row 2")
    ('320', '①')
    >>> footnote_marker("1,562.5亿元 *", place="f.csv row 3")
    ('1,562.5亿元', '*')
    >>> footnote_marker("2238.7", place="f.csv row 4")
    ('2238.7', '')
    """
    end = len(text.rstrip())
    k = end
    while k > 0 and (_is_marker(text[k - 1]) or (text[k - 1].isspace() and k < end)):
        k -= 1
    body, marker = text[:k].rstrip(), "".join(text[k:end].split())
    if marker and all(_is_exponent(text, j) for j in range(k, end) if not text[j].isspace()):
        body, marker = text, ""  # "500 m²": an exponent of the unit
    inside = [body[j] for j in footnote_numbers(body)]
    if inside:
        raise ParseError(
            f"{place}: {text.strip()!r} holds {inside[0]!r} inside the figure, where it would "
            f"be read as a digit; expected a footnote marker at the end of the {noun} "
            f"({body.replace(inside[0], '').strip() + inside[0]!r}), or none",
            place=place,
            value=text,
        )
    if marker and not any(unicodedata.category(ch) == "Nd" for ch in body):
        raise NonNumericValueError(
            f"{place}: {text.strip()!r} is a footnote marker without a figure; expected a "
            "number such as 1562.5 or figure text with a unit such as '1,562.5亿元' before "
            "it (a year not published: leave the cell blank or write 'n/a')",
            place=place,
            value=repr(text),
        )
    return body, marker


def in_context(err: IdcForecastError, prefix: str, **extra: Any) -> IdcForecastError:
    """The same error (class and fields) with ``prefix`` naming where it happened.

    Examples
    --------
    >>> from idcforecast.errors import UnitError
    >>> err = in_context(UnitError("no unit", unit="x"), "f.csv row 2", place="f.csv row 2")
    >>> str(err), err.unit, err.place
    ('f.csv row 2: no unit', 'x', 'f.csv row 2')
    """
    fields = {key: getattr(err, key) for key in err.fields}
    return type(err)(f"{prefix}: {err.message}", **{**fields, **extra})


def is_blank(cell: Any) -> bool:
    """True for an empty cell: None, NaN, pandas NA, or text of spaces only.

    Examples
    --------
    >>> [is_blank(c) for c in (None, float("nan"), " ", "0", 0)]
    [True, True, True, False, False]
    """
    if cell is None:
        return True
    if isinstance(cell, str):
        return not cell.strip()
    if isinstance(cell, float):
        return math.isnan(cell)
    try:
        import pandas as pd

        return bool(pd.isna(cell))
    except (TypeError, ValueError):  # array-like cells are not blank (and not numbers)
        return False


# what tables write in a cell for a year not published: dashes, "n/a", "..", "暂无"; "NM"
# (not meaningful, as broker tables mark a growth over a negative base); ":" (Eurostat)
_NOT_PUBLISHED = frozenset(
    {"-", "--", "—", "——", "–", "n/a", "n.a.", "na", "..", "...", "…", "暂无", "無", "无", "不详",
     "nm", "n.m.", "n/m", ":"}
)  # fmt: skip


def is_not_published(cell: Any) -> bool:
    """True for a cell that says its value was not published ("—", "n/a", "..", "暂无"):
    a gap, like a blank cell, not a value.

    Examples
    --------
    >>> [is_not_published(c) for c in ("—", " N/A ", "..", "0", None)]
    [True, True, True, False, False]
    """
    return isinstance(cell, str) and cell.strip().lower() in _NOT_PUBLISHED


_NUMBER_OR_PERCENT = re.compile(r"\s*[+-]?[\d,.\s]*\d[\d,.\s]*%?\s*")


def is_number_column(cells: Any) -> bool:
    """Whether every non-blank cell is a number or number text ("18.3%", "1,234.5"): a
    column of computed statistics (a CAGR beside year columns), not one naming series.

    Examples
    --------
    >>> is_number_column([0.183, "26.5%", None]), is_number_column(["colo", 1.0])
    (True, False)
    >>> is_number_column([None, " "])
    False
    """
    filled = [cell for cell in cells if not is_blank(cell)]
    return bool(filled) and all(
        (isinstance(cell, numbers.Real) and not isinstance(cell, bool))
        or (isinstance(cell, str) and _NUMBER_OR_PERCENT.fullmatch(cell) is not None)
        for cell in filled
    )


def joined_keys(columns: Iterable[Iterable[Any]]) -> list[str | None]:
    """Each row's series id from its key cells (one iterable per key column): the cells,
    stripped (a line break in a cell, Excel's Alt+Enter, made a space), joined by
    :data:`KEY_SEPARATOR`; None where every key cell is blank.

    A blank key cell before a filled one in its row takes the cell above it, as outline
    tables write a region once over its segments (it was left out: "cloud" for "China /
    cloud", or two rows named "cloud" in different regions).

    Examples
    --------
    >>> joined_keys([["China", "China", None], ["colo", None, " "]])
    ['China / colo', 'China', None]
    >>> joined_keys([["China", None, "US", None], ["colo", "cloud", "colo", "cloud"]])
    ['China / colo', 'China / cloud', 'US / colo', 'US / cloud']
    >>> joined_keys([["IDC market\\n(CNY bn)"]])
    ['IDC market (CNY bn)']
    """
    cells = [[None if is_blank(c) else " ".join(str(c).split()) for c in col] for col in columns]
    rows = [list(row) for row in zip(*cells, strict=True)]  # one table's columns: same length
    above: list[str | None] = []
    for row in rows:
        filled = [j for j, part in enumerate(row) if part is not None]
        for j in range(max(filled, default=-1)):
            if row[j] is None and j < len(above):
                row[j] = above[j]
        if filled:
            above = row
    return [
        KEY_SEPARATOR.join(p for p in row if p is not None)
        if any(p is not None for p in row)
        else None
        for row in rows
    ]


def read_figure(cell: Any, *, place: str, decimal_mark: str = ".") -> Figure:
    """Read a value cell: a number, or figure text ("1,562.5亿元", "> 1500", "$71.2 billion").

    A bare number (or number-only text, or text without a unit such as "> 1500") has
    ``unit=None``: its unit comes from the row or the caller. Figure text keeps its original
    text as ``quote``. With ``decimal_mark=","`` text cells are read the continental way
    ("1.234,5" is 1234.5; see :func:`point_decimals`). A footnote marker after the figure
    ("320①", "3012.3*") is not part of it: it is kept in ``marker`` (and the cell in
    ``quote``), never read as a digit (:func:`footnote_marker`).

    Examples
    --------
    >>> read_figure("1,562.5亿元", place="f.csv row 2").unit
    'CNY 100m'
    >>> read_figure(2238.7, place="f.csv row 3")  # doctest: +NORMALIZE_WHITESPACE
    Figure(value=2238.7, unit=None, qualifier='exact', low=None, high=None, quote='',
           alternate='', marker='', year=None)
    >>> figure = read_figure("320①", place="f.csv row 5")  # a footnote marker after it
    >>> figure.value, figure.marker, figure.quote
    (320.0, '①', '320①')
    >>> read_figure("1.2e+12", place="f.csv row 4").value  # a program's export
    1200000000000.0
    >>> read_figure("1'234.5", place="f.csv row 6").value  # thousands as Swiss exports group
    1234.5
    >>> read_figure("12.", place="f.csv row 7").value  # a point and no decimals
    12.0
    """
    # Decimal (database NUMERIC columns) is a Number but not a numbers.Real
    if isinstance(cell, numbers.Real | decimal.Decimal) and not isinstance(cell, bool):
        value = float(cell)
        if math.isfinite(value):
            return Figure(value, None)
    elif isinstance(cell, str) and any(ch.isdigit() for ch in cell):
        reference = _BRACKET_REFERENCES.search(cell)  # "3,200[1]": a footnote's number
        if reference and any(ch.isdigit() for ch in cell[: reference.start()]):
            figure = read_figure(cell[: reference.start()], place=place, decimal_mark=decimal_mark)
            marker = figure.marker + "".join(reference.group().split())
            return replace(figure, marker=marker, quote=cell.strip())
        body, marker = footnote_marker(cell, place=place)
        if marker:  # "320①": read 320, the marker kept apart (and in the quote)
            figure = read_figure(body, place=place, decimal_mark=decimal_mark)
            return replace(figure, marker=marker, quote=cell.strip())
        if decimal_mark == "." and _SCIENTIFIC.fullmatch(cell):
            return Figure(float(cell), None)  # "1.2e+12": a program's export, unambiguous
        if decimal_mark == "." and _TRAILING_POINT.fullmatch(cell):
            return Figure(float(cell), None)  # "12.": 12
        swiss = _APOSTROPHE_THOUSANDS.fullmatch(cell)
        if swiss and (decimal_mark == "." or "." not in cell):  # "1'234.5": Swiss thousands
            return Figure(float(re.sub(r"['’]", "", cell.strip())), None)
        if decimal_mark == ",":
            figure = _read_text(point_decimals(cell, place=place), place)
            return figure if not figure.quote else replace(figure, quote=cell.strip())
        return _read_text(cell, place)
    raise NonNumericValueError(
        f"{place}: {_shown(cell)} is not a number or a figure; expected a number such as 1562.5 "
        "or figure text with a unit such as '1,562.5亿元'",
        place=place,
        value=repr(cell),
    )


def _shown(cell: Any, limit: int = 80) -> str:
    """``repr(cell)``, cut to ``limit`` characters (a pasted paragraph is not an id).

    Examples
    --------
    >>> _shown("x" * 100, limit=12)
    "'xxxxxxx...' (100 characters)"
    """
    text = repr(cell)
    if len(text) <= limit:
        return text
    size = f" ({len(cell)} characters)" if isinstance(cell, str) else ""
    return f"{text[: limit - 4]}...{text[0]}{size}"


def point_decimals(text: str, *, place: str) -> str:
    """Rewrite numbers written with a decimal comma the way the figure parser reads them.

    Dots that group thousands are dropped and the decimal comma becomes a point; a dot
    between digits that does not group thousands contradicts the decimal comma and is an
    error, not a guess.

    Examples
    --------
    >>> point_decimals("1.234.567,89", place="f.csv row 2")
    '1234567.89'
    >>> point_decimals("27,8 % p.a.", place="f.csv row 3")
    '27.8 % p.a.'
    """

    def repoint(match: re.Match[str]) -> str:
        whole, fraction = match.group(1).replace(".", ""), match.group(2)
        return whole if fraction is None else f"{whole}.{fraction}"

    if _DIGIT_DOT_DIGIT.search(_COMMA_DECIMAL_NUMBER.sub(" ", text)):  # a dot left over
        raise ParseError(
            f"{place}: {text!r} has a decimal point, but the table is read with "
            "decimal=','; expected a decimal comma ('12,5') and dots only between groups of "
            "three digits ('1.234,5'), or read the table with decimal='.'",
            place=place,
            value=text,
        )
    return _COMMA_DECIMAL_NUMBER.sub(repoint, text)


# a number with a mark of an actual or an estimate after it ("3012.3E", "1562.5 (est.)")
_MARKED_NUMBER = re.compile(r"\s*([+-]?[\d,]*\.?\d+)\s*([^\d\s].*?)\s*")


def _read_text(text: str, place: str) -> Figure:
    from idcforecast.units import parse_quantity

    accounting = _ACCOUNTING_NEGATIVE.fullmatch(text)
    signed = _NEGATIVE_AFTER_SIGN.fullmatch(text)
    try:
        # "(12.5)": the accountants' negative, as spreadsheets and financial exports write it
        quantity = parse_quantity(f"-{accounting.group(1)}" if accounting else text)
    except IdcForecastError as err:
        if signed:  # "($1,400)", "-$1,400": the sign first, then the negative ("$-1,400")
            sign, number = signed.group(1) or signed.group(3), signed.group(2) or signed.group(4)
            with contextlib.suppress(IdcForecastError):
                quantity = parse_quantity(f"{sign}-{number}")
                return _figure(quantity, text)
        trailing = _TRAILING_MINUS.fullmatch(text)
        if trailing:
            raise ParseError(
                f"{place}: {text.strip()!r} has its minus sign after the number, as some "
                "accounting systems export negatives; expected the sign before it "
                f"('-{trailing.group(1)}'), or a range with both ends ('1500-1600')",
                place=place,
                value=text,
            ) from err
        marked = _MARKED_NUMBER.fullmatch(text)
        if marked and marked_year(f"2000{marked.group(2)}") is not None:
            raise ParseError(
                f"{place}: {text.strip()!r} is a number with {marked.group(2)!r} after it, "
                "the way tables mark a year as an actual or an estimate; expected the mark "
                f"on the year ('2021E', '2020A'; estimates= then decides) and the number "
                f"alone ({marked.group(1)!r})",
                place=place,
                value=text,
            ) from err
        raise in_context(err, place, place=place) from err
    return _figure(quantity, text)


def _figure(quantity: Any, text: str) -> Figure:
    """The Figure of ``quantity`` read from the cell ``text`` (its quote, unless a plain
    number)."""
    plain = bool(_PLAIN_NUMBER.fullmatch(text))
    unit = None if quantity.unit == "count" else quantity.unit
    alternate = "" if quantity.alternate is None else str(quantity.alternate)
    quote = "" if plain else text.strip()
    return Figure(
        quantity.value,
        unit,
        quantity.qualifier,
        quantity.low,
        quantity.high,
        quote,
        alternate,
        year=quantity.year,
    )


def read_flag(cell: Any, *, place: str) -> bool:
    """Read a true/false cell (``derived``); blank is False.

    Examples
    --------
    >>> read_flag("TRUE", place="p"), read_flag(None, place="p"), read_flag(0, place="p")
    (True, False, False)
    """
    if isinstance(cell, bool):
        return cell
    if is_blank(cell):
        return False
    text = str(cell).strip().lower()
    if isinstance(cell, numbers.Real):
        text = "1" if float(cell) == 1 else "0" if float(cell) == 0 else text
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise DataError(
        f"{place}: {cell!r} is not a true/false flag; expected true or false (or blank for false)",
        place=place,
        value=repr(cell),
    )
