"""Reading single cells of user tables: blanks, years, figures, flags.

Private helpers of :func:`idcforecast.read_series`. Every function takes the cell's *place*
("sales.csv row 4, column 'value'") and puts it at the front of any error it raises.
"""

from __future__ import annotations

import datetime
import decimal
import math
import numbers
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from idcforecast._history_notes import estimate_note
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

# "2019", "2019年", "2019年度" (the year of an annual report), "FY2019" / "CY2019" (fiscal
# or calendar year: an analyst's table labels its columns so; read as that year), "2019财年"
# (FY2019)
# "2019", "FY2019", "2019年", and as programs write years: "2019.0" (a float column saved by
# pandas) and an ISO date "2019-12-31" (its calendar year, as Excel date cells are read);
# a stock at the year's end as Chinese statistics head it: "2019年末", "2019年底",
# "2019年12月31日" (a mid-year date, "2019年6月30日", is no year's figure: not read)
_YEAR_TEXT = re.compile(
    r"\s*(?:[FC]Y\s*)?(\d{4})(?:\.0+|-[01]\d-[0-3]\d)?\s*"
    r"(?:年度?|年\s*[末底]|年\s*12\s*月(?:\s*31\s*日)?(?:\s*[末底])?|[财財]年|[财財]政年度)?\s*",
    re.IGNORECASE,
)
# a year marked as an actual or as an estimate, the way broker and research tables head
# their columns: "2020A", "2021E", "2022F", "2023P", "2024B" (budget), "2025 (est.)",
# "2026年预测", "2027年（预期）"
_MARKED_YEAR = re.compile(
    r"\s*(?:[FC]Y\s*)?(\d{4})\s*(?:年度?)?\s*[(\[（]?\s*"
    r"(a|act\.?|actual|实际|e|est\.?|estimate[ds]?|f|fcst\.?|forecast|p|proj\.?|projected"
    r"|b|budget|预测|预计|预估|估计|预期)"
    r"\s*[)\]）]?\s*",
    re.IGNORECASE,
)
ACTUAL_MARKS = {"a", "act", "act.", "actual", "实际"}
ESTIMATE_POLICIES = ("error", "drop", "keep")
_PLAIN_NUMBER = re.compile(r"\s*[+-]?[\d,\s]*\.?\d+\s*")
# a number written with a decimal comma: "1.234.567,89", "223,87", "1234" (dots group
# thousands, in threes); not part of a longer run of digits, dots and commas
_COMMA_DECIMAL_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\d.,])")
_DIGIT_DOT_DIGIT = re.compile(r"\d\.\d")
# a whole cell holding a number in scientific notation, as programs write it ("1.2e+12")
_SCIENTIFIC = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+\s*")
# a whole cell in parentheses holding a number (with a magnitude, unit or % after it)
_ACCOUNTING_NEGATIVE = re.compile(r"\s*[(（]\s*(\d[^()（）]*?)\s*[)）]\s*")
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
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


# symbols tables put after a figure to point to a footnote; and below, any "other number"
# character (circled ①, superscript ¹, parenthesized ⑴, "⒈") but a fraction: NFKC, which
# the figure parser applies, turns ① and ¹ into the digit 1, so "320①" would read as 3201
_MARK_SYMBOLS = frozenset("*†‡§※")


def footnote_numbers(text: str) -> list[int]:
    """Positions of the number characters of ``text`` that are no digits (①, ¹, ⑴, ⒈) and
    which NFKC would read as digits, outside a unit's exponent ("m²", "tCO₂"): footnote
    markers, or numbers no parser should read.

    Examples
    --------
    >>> footnote_numbers("320①"), footnote_numbers("500 m²"), footnote_numbers("320")
    ([3], [], [])
    """
    return [
        j
        for j, ch in enumerate(text)
        if _is_marker(ch) and ch not in _MARK_SYMBOLS and not _is_exponent(text, j)
    ]


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


# what tables write in a cell for a year not published: dashes, "n/a", "..", "暂无"
_NOT_PUBLISHED = frozenset(
    {"-", "--", "—", "——", "–", "n/a", "n.a.", "na", "..", "...", "…", "暂无", "無", "无", "不详"}
)


def is_not_published(cell: Any) -> bool:
    """True for a cell that says its value was not published ("—", "n/a", "..", "暂无"):
    a gap, like a blank cell, not a value.

    Examples
    --------
    >>> [is_not_published(c) for c in ("—", " N/A ", "..", "0", None)]
    [True, True, True, False, False]
    """
    return isinstance(cell, str) and cell.strip().lower() in _NOT_PUBLISHED


def year_label(label: Any) -> int | None:
    """The year a column header names (2019, "2019", "2019年", 2019.0, "2019A"), else None.

    A year marked as an actual ("2019A", "2019 (act.)") is that year; one marked as an
    estimate ("2021E") is not a published figure: see :func:`estimate_year`. A date (an
    Excel year column formatted as dates, 2019-12-31) or a yearly period counts by its
    calendar year, as :func:`idcforecast.forecast_many` reads them.

    Examples
    --------
    >>> year_label("2019年"), year_label("value"), year_label(2019.0), year_label("2019A")
    (2019, None, 2019, 2019)
    >>> year_label("FY2019"), year_label("2019年度"), year_label("FY2019E")
    (2019, 2019, None)
    >>> year_label("2019.0"), year_label("2019-12-31"), year_label("2019.5")
    (2019, 2019, None)
    >>> year_label("2019年末"), year_label("2019年12月31日"), year_label("2019年6月30日")
    (2019, 2019, None)
    >>> year_label("2021E") is None
    True
    """
    if isinstance(label, bool):
        return None
    if isinstance(label, datetime.date) or _is_period(label):
        year = label.year  # an Excel year column formatted as dates: its calendar year
    elif isinstance(label, numbers.Real) and float(label).is_integer():
        year = int(float(label))
    elif isinstance(label, str) and (match := _YEAR_TEXT.fullmatch(label)):
        year = int(match.group(1))
    elif (marked := marked_year(label)) is not None and marked[1].lower() in ACTUAL_MARKS:
        year = marked[0]
    else:
        return None
    return year if _FIRST_YEAR <= year <= _LAST_YEAR else None


def _is_period(label: Any) -> bool:
    return type(label).__name__ == "Period" and hasattr(label, "year")  # pandas.Period


def estimate_year(label: Any) -> int | None:
    """The year of a label marked as an estimate, forecast, projection or budget, else None.

    Examples
    --------
    >>> estimate_year("2021E"), estimate_year("2022 (fcst)"), estimate_year("2025年预测")
    (2021, 2022, 2025)
    >>> estimate_year("2020A"), estimate_year("2020"), estimate_year("Ebitda")
    (None, None, None)
    """
    marked = marked_year(label)
    if marked is None or marked[1].lower() in ACTUAL_MARKS:
        return None
    return marked[0] if _FIRST_YEAR <= marked[0] <= _LAST_YEAR else None


def marked_year(label: Any) -> tuple[int, str] | None:
    """The year and the mark of a label marked as an actual or an estimate ("2021E" ->
    (2021, "E")), else None."""
    if not isinstance(label, str) or (match := _MARKED_YEAR.fullmatch(label)) is None:
        return None
    return int(match.group(1)), match.group(2)


# a year with a quarter or half ("2021 Q4", "2021H1", "Q4 2021", "2021年第四季度") or written as
# a fiscal year over two calendar years ("2021/22", "FY2021/2022"): not one year
_SUB_YEAR = re.compile(
    r"\s*(?:[FC]Y\s*)?(\d{4})\s*(?:年\s*)?[-/ ]?\s*(?:[QH][1-4]|[1-4]Q|第?[一二三四1-4]季度|"
    r"[上下]半年)\s*|\s*(?:[QH][1-4]|[1-4]Q)\s*[-/ ]?\s*(\d{4})\s*",
    re.IGNORECASE,
)
_SPLIT_YEAR = re.compile(r"\s*(?:FY\s*)?(\d{4})\s*/\s*(\d{2}|\d{4})\s*", re.IGNORECASE)
# a year written with two digits and marked as one: "FY19", "CY19", "'19", "19年", "19年度"
_TWO_DIGIT_YEAR = re.compile(
    r"\s*(?:(?:[FC]Y\s*'?|')(\d{2})(?:\s*年度?)?|(\d{2})\s*(?:年度?|财年))\s*([AEFP]?)\s*",
    re.IGNORECASE,
)


def unread_year(label: Any) -> str | None:
    """Why a label that looks like a year is not read as one, in words, else None: a year
    with a footnote marker ("2021*"), a quarter or half ("2021 Q4", "2021H1"), or a fiscal
    year over two calendar years ("2021/22").

    Examples
    --------
    >>> unread_year("2021*")  # doctest: +ELLIPSIS
    "is the year 2021 with the footnote marker '*'; ..."
    >>> unread_year("2021 Q4")  # doctest: +ELLIPSIS
    'is a quarter or half of a year, not a year; ...'
    >>> unread_year("FY2021/22")  # doctest: +ELLIPSIS
    "is a fiscal year over two calendar years; ..."
    >>> unread_year("FY19")  # doctest: +ELLIPSIS
    "is a year in two digits; expected the year in full: write 'FY2019'"
    >>> unread_year("CAGR 2019-21") is None, unread_year("2021") is None
    (True, True)
    """
    if not isinstance(label, str):
        return None
    end = len(label.rstrip())
    k = end
    while k > 0 and (_is_marker(label[k - 1]) or (label[k - 1].isspace() and k < end)):
        k -= 1
    body, marker = label[:k], "".join(label[k:end].split())
    if marker and estimate_year(body) is not None:
        return (
            f"is the estimate {body.strip()!r} with the footnote marker {marker!r}; expected "
            f"the year alone: delete the marker ('{body.strip()}'; estimates= then says what "
            "to do with estimates)"
        )
    year = year_label(body) if marker else None
    if year is not None:
        return (
            f"is the year {year} with the footnote marker {marker!r}; expected a year alone: "
            f"delete the marker, or if it marks an estimate, write '{year}E' (estimates= "
            "then says what to do with estimates)"
        )
    if _SUB_YEAR.fullmatch(label):
        return (
            "is a quarter or half of a year, not a year; expected one column (or row) per "
            "year with the annual figure: read_series reads yearly series"
        )
    two = _TWO_DIGIT_YEAR.fullmatch(label)
    if two:
        digits = two.group(1) or two.group(2)
        year = (2000 if int(digits) < 70 else 1900) + int(digits)  # "FY98" is 1998
        full = re.sub(rf"'?{digits}", str(year), label.strip(), count=1)
        return f"is a year in two digits; expected the year in full: write {full!r}"
    split = _SPLIT_YEAR.fullmatch(label)
    if split and int(split.group(2)[-2:]) == (int(split.group(1)) + 1) % 100:
        return (
            "is a fiscal year over two calendar years; expected one year: write the year it "
            f"ends in ('{int(split.group(1)) + 1}' or 'FY{int(split.group(1)) + 1}'), as "
            "annual reports label it"
        )
    return None


def check_estimates_policy(estimates: Any, *, caller: str) -> None:
    """A ``DataError`` unless ``estimates`` is one of :data:`ESTIMATE_POLICIES`."""
    if estimates not in ESTIMATE_POLICIES:
        raise DataError(
            f"{caller}: estimates={estimates!r} is not a policy; expected one of "
            f"{', '.join(map(repr, ESTIMATE_POLICIES))}",
            estimates=estimates,
        )


def has_year_headers(columns: Any) -> bool:
    """True when some column header is a year (2019, "2019年", "FY2020", "2021E").

    Examples
    --------
    >>> has_year_headers(["segment", "2021E"]), has_year_headers(["year", "value"])
    (True, False)
    """
    return any(year_label(c) is not None or estimate_year(c) is not None for c in columns)


def year_columns(
    columns: Any, *, name: str, estimates: str
) -> tuple[dict[Any, int], dict[Any, int]]:
    """The year columns of a wide table, by the ``estimates`` policy.

    Returns ``(years, estimated)``: every column read as a year (estimate columns included
    under ``"keep"``), and the columns marked as estimates ("2021E"). ``"error"`` raises a
    ``DataError`` naming the estimate columns; a table whose only year columns are
    estimates dropped under ``"drop"`` is an ``EmptyDataError``.

    Examples
    --------
    >>> year_columns(["id", "2020", "2021E"], name="t.csv", estimates="drop")
    ({'2020': 2020}, {'2021E': 2021})
    """
    from idcforecast.errors import EmptyDataError

    check_estimates_policy(estimates, caller=name)
    years = {c: year for c in columns if (year := year_label(c)) is not None}
    estimated = {c: year for c in columns if (year := estimate_year(c)) is not None}
    for column in columns:  # else a column of numbers, neither year nor name, left unread
        if column not in years and column not in estimated and (why := unread_year(column)):
            raise DataError(
                f"{name}: column {str(column).strip()!r} {why}",
                source=name,
                column=str(column),
            )
    if estimated and estimates == "error":
        labels = ", ".join(repr(str(c).strip()) for c in estimated)
        raise DataError(
            f"{name}: column(s) {labels} hold estimates, not published figures; pass "
            "estimates='drop' (--estimates drop) to read the history only, or "
            f"estimates='keep' to read them as {', '.join(map(str, estimated.values()))} "
            "(noted as estimates)",
            source=name,
            columns=labels,
        )
    if estimates == "keep":
        years.update(estimated)
    if estimated and not years:
        raise EmptyDataError(
            f"{name}: every year column holds estimates ({', '.join(map(str, estimated))}), "
            "dropped as asked (estimates='drop'); expected published years, or pass "
            "estimates='keep' to read the estimates as data",
            source=name,
        )
    return years, estimated


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


def read_year(cell: Any, *, place: str) -> int:
    """Read a year cell; raise :class:`NonNumericValueError` naming ``place`` otherwise.

    Examples
    --------
    >>> read_year(" 2019 ", place="f.csv row 2, column 'year'")
    2019
    """
    year = year_label(cell)
    if year is None:
        shown = "a blank cell" if is_blank(cell) else repr(cell)
        # words without a digit ("Figures", "Source CAICT") are most often a note under
        # the table: say how to have it skipped as a footnote; a total line ("合计",
        # "Total") sums the years above it, and is no note to keep
        from idcforecast._table_headers import HEADER_ALIASES
        from idcforecast._totals import is_total_label  # _totals imports this module

        header = isinstance(cell, str) and (
            cell.strip().casefold() == "year" or HEADER_ALIASES.get(cell.strip()) == "year"
        )
        note = (
            "; a total row? it sums the years above it and is no year: delete the row"
            if is_total_label(cell)
            else "; the header of a second table below the first? one table is read a sheet "
            "or file: move it to a sheet (or file) of its own, or delete it"
            if header
            else "; a note under the table? start it with 'Note:' or 'Source:' and it is "
            "skipped as a footnote"
            if isinstance(cell, str) and cell.strip() and not any(ch.isdigit() for ch in cell)
            else ""
        )
        why = unread_year(cell)
        raise NonNumericValueError(
            f"{place}: {shown} {why}"
            if why
            else f"{place}: {shown} is not a year; expected a whole year between {_FIRST_YEAR} "
            f"and {_LAST_YEAR} such as 2019{note}",
            place=place,
            value=repr(cell),
        )
    return year


def read_year_or_estimate(cell: Any, *, place: str, estimates: str) -> tuple[int, str] | None:
    """:func:`read_year`, with a year marked as an estimate ("2021E") read by policy.

    ``estimates``: ``"error"`` raises a ``DataError`` naming ``place`` and both ways on;
    ``"drop"`` returns None (skip the row); ``"keep"`` returns the year with a note.

    Returns
    -------
    tuple or None
        ``(year, note)``, the note empty unless the year was an estimate.

    Examples
    --------
    >>> read_year_or_estimate("2021E", place="f.csv row 4", estimates="keep")
    (2021, "estimate (year written '2021E')")
    >>> read_year_or_estimate("2020A", place="f.csv row 3", estimates="error")
    (2020, '')
    """
    year = estimate_year(cell)
    if year is None:
        return read_year(cell, place=place), ""
    if estimates == "keep":
        return year, estimate_note(cell)
    if estimates == "drop":
        return None
    raise DataError(
        f"{place}: {str(cell).strip()!r} is an estimate, not a published figure; pass "
        f"estimates='drop' to read the history only, or estimates='keep' to read it as "
        f"{year} (noted as an estimate)",
        place=place,
        value=str(cell),
    )


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
           alternate='', marker='')
    >>> figure = read_figure("320①", place="f.csv row 5")  # a footnote marker after it
    >>> figure.value, figure.marker, figure.quote
    (320.0, '①', '320①')
    >>> read_figure("1.2e+12", place="f.csv row 4").value  # a program's export
    1200000000000.0
    """
    # Decimal (database NUMERIC columns) is a Number but not a numbers.Real
    if isinstance(cell, numbers.Real | decimal.Decimal) and not isinstance(cell, bool):
        value = float(cell)
        if math.isfinite(value):
            return Figure(value, None)
    elif isinstance(cell, str) and any(ch.isdigit() for ch in cell):
        body, marker = footnote_marker(cell, place=place)
        if marker:  # "320①": read 320, the marker kept apart (and in the quote)
            figure = read_figure(body, place=place, decimal_mark=decimal_mark)
            return replace(figure, marker=marker, quote=cell.strip())
        if decimal_mark == "." and _SCIENTIFIC.fullmatch(cell):
            return Figure(float(cell), None)  # "1.2e+12": a program's export, unambiguous
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
    try:
        # "(12.5)": the accountants' negative, as spreadsheets and financial exports write it
        quantity = parse_quantity(f"-{accounting.group(1)}" if accounting else text)
    except IdcForecastError as err:
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
    plain = bool(_PLAIN_NUMBER.fullmatch(text))
    unit = None if quantity.unit == "count" else quantity.unit
    alternate = "" if quantity.alternate is None else str(quantity.alternate)
    quote = "" if plain else text.strip()
    return Figure(
        quantity.value, unit, quantity.qualifier, quantity.low, quantity.high, quote, alternate
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
