"""Reading the year cells and year headers of user tables: "2019", "2019年", "FY2019",
Excel dates, years marked as actuals or estimates ("2020A", "2021E"), and the forms that
would be years but for their form ("FY19", "2021/22", "2021 Q4"), named as not read.

Private helpers of :func:`idcforecast.read_series`, beside :mod:`idcforecast._cells` (which
reads the other cells and imports these names, so ``idcforecast._cells.year_label`` still
works). Every function takes the cell's *place* and puts it at the front of any error.
"""

from __future__ import annotations

import datetime
import numbers
import re
from typing import Any

from idcforecast._history_notes import estimate_note
from idcforecast.errors import DataError, NonNumericValueError

__all__ = [
    "ACTUAL_MARKS",
    "ESTIMATE_POLICIES",
    "check_estimates_policy",
    "estimate_year",
    "has_year_headers",
    "marked_year",
    "read_year",
    "read_year_or_estimate",
    "revised_note",
    "split_year_end",
    "unread_year",
    "year_columns",
    "year_label",
]

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
# "2026年预测", "2027年（预期）"; or as revised ("2021R", "2021 (revised)", "2021修订"): a
# published figure, the latest one for its year
_MARKED_YEAR = re.compile(
    r"\s*(?:[FC]Y\s*)?(\d{4})\s*(?:年度?)?\s*[(\[（]?\s*"
    r"(a|act\.?|actual|实际|e|est\.?|estimate[ds]?|f|fcst\.?|forecast|p|proj\.?|projected"
    r"|b|budget|预测|预计|预估|估计|预期|r|rev\.?|revised|restated|修订|修正)"
    r"\s*[)\]）]?\s*",
    re.IGNORECASE,
)
# an estimate marked before its year, as some broker tables head columns: "E2021"
_ESTIMATE_BEFORE = re.compile(r"\s*(e|est\.)\s*(\d{4})\s*", re.IGNORECASE)
# marks of a published figure: an actual, or a revised (restated) one
ACTUAL_MARKS = {"a", "act", "act.", "actual", "实际", "r", "rev", "rev.", "revised", "restated",
                "修订", "修正"}  # fmt: skip
ESTIMATE_POLICIES = ("error", "drop", "keep")

_FIRST_YEAR, _LAST_YEAR = 1900, 2100
# a row label of a statistic over the years, under a table's years ("CAGR", "平均增速")
_STATISTIC_LABEL = re.compile(
    r"\s*(?:CAGR|AAGR|average|avg\.?|mean|growth|YoY|(?:复合|年均|平均)?(?:增长率?|增速)|"
    r"年复合增长率|平均值?|均值)(?:\s*[(（].*[)）])?\s*[:：]?\s*",
    re.IGNORECASE,
)


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


_REVISED_MARKS = frozenset(("r", "rev", "rev.", "revised", "restated", "修订", "修正"))


def revised_note(label: Any) -> str:
    """The note of a value whose year is marked as revised ("2021R": a published figure
    restated), else "".

    Examples
    --------
    >>> revised_note("2021R"), revised_note("2021"), revised_note("2020A")
    ("revised figure (year written '2021R')", '', '')
    """
    marked = marked_year(label)
    if marked is None or marked[1].lower() not in _REVISED_MARKS:
        return ""
    return f"revised figure (year written {str(label).strip()!r})"


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
    (2021, "E"); "E2021" too), or as revised ("2021R"), else None."""
    if not isinstance(label, str):
        return None
    if (before := _ESTIMATE_BEFORE.fullmatch(label)) is not None:
        return int(before.group(2)), before.group(1)
    if (footnoted := _FOOTNOTED_ESTIMATE.fullmatch(label)) is not None:  # "2019* (forecast)"
        return int(footnoted.group(1)), footnoted.group(2)
    if (match := _MARKED_YEAR.fullmatch(label)) is None:
        return None
    return int(match.group(1)), match.group(2)


# a year with a footnote marker that the table's footnotes define as an estimate, as the
# readers write it with the footnote's word (idcforecast._footnoted_years): "2019* (forecast)"
_FOOTNOTED_ESTIMATE = re.compile(
    r"\s*(\d{4})\s*[*†‡#¹²³]+\s*\((forecast|estimate|projected|预测|预计|估计|预估)\)\s*",
    re.IGNORECASE,
)


# the same, its year and marker as the file wrote them ("2019*") apart from the word
_FOOTNOTED_AS_WRITTEN = re.compile(
    r"\s*(\d{4}\s*[*†‡#¹²³]+)\s*\((forecast|estimate|projected|预测|预计|估计|预估)\)\s*",
    re.IGNORECASE,
)


def quoted_as_written(label: Any) -> str:
    """A year label quoted as its file wrote it, for a message: the readers' "2019*
    (forecast)" (a footnoted year, :mod:`idcforecast._footnoted_years`) is the file's
    "'2019*'" with the footnote's word after it; any other label quoted as it is.

    Examples
    --------
    >>> quoted_as_written("2019* (forecast)"), quoted_as_written("2021E")
    ("'2019*' (its footnote: forecast)", "'2021E'")
    """
    text = str(label).strip()
    written = _FOOTNOTED_AS_WRITTEN.fullmatch(text)
    if written is None:
        return repr(text)
    return f"{written.group(1)!r} (its footnote: {written.group(2)})"


# a year with a quarter or half ("2021 Q4", "2021H1", "Q4 2021", "2021年第四季度") or written as
# a fiscal year over two calendar years ("2021/22", "FY2021/2022"): not one year
# (and with the year in two digits, as broker notes write halves: "1H21", "2H21", "Q4'21")
_SUB_YEAR = re.compile(
    r"\s*(?:[FC]Y\s*)?(\d{4}|\d{2})\s*(?:年\s*)?[-/ ]?\s*(?:[QH][1-4]|[1-4][QH]|第?[一二三四1-4]"
    r"季度|[上下]半年)\s*|\s*(?:[QH][1-4]|[1-4][QH])\s*[-/ ']?\s*(?:FY\s*)?(\d{4}|\d{2})\s*",
    re.IGNORECASE,
)
# a fiscal year over two calendar years: "2021/22", "FY2021-22", "2021–2022", "FY21/22"
_SPLIT_YEAR = re.compile(r"\s*(FY\s*)?(\d{4}|\d{2})\s*([/\-–—])\s*(\d{2}|\d{4})\s*", re.IGNORECASE)
# a year written with two digits and marked as one: "FY19", "CY19", "'19", "19年", "19年度"
_TWO_DIGIT_YEAR = re.compile(
    r"\s*(?:(?:[FC]Y\s*'?|')(\d{2})(?:\s*年度?)?|(\d{2})\s*(?:年度?|财年))\s*([AEFP]?)\s*",
    re.IGNORECASE,
)


# a header written as a fiscal year: "FY2019", "2019财年", "2019财政年度"
_FISCAL_WORD = re.compile(r"FY|[财財]年|[财財]政年度", re.IGNORECASE)


def split_year_end(label: Any) -> int | None:
    """The year a label written as two consecutive years ends in ("2019-20" -> 2020,
    "2019/2020" -> 2020), else None.

    Examples
    --------
    >>> split_year_end("2019-20"), split_year_end("FY2021/22"), split_year_end("2019-23")
    (2020, 2022, None)
    """
    split = _SPLIT_YEAR.fullmatch(label) if isinstance(label, str) else None
    if split is None or not _is_fiscal_year(*split.groups(), hyphen=True):
        return None
    first = int(split.group(2))
    first += 0 if first >= 100 else 2000 if first < 70 else 1900  # "FY98/99": 1998
    return first + 1


def _is_fiscal_year(
    fy: str | None, first: str, mark: str, second: str, *, hyphen: bool = True
) -> bool:
    """Whether a split label's parts (the "FY", the years and the mark between them) name
    a fiscal year: consecutive years written as fiscal years are ("2021/22", "2021-22",
    "FY2021-2022"), not a month ("2011-12" is December 2011), a change between two years
    ("2019-2020") nor two digits alone ("21-22"), unless "FY" or a "/" says so."""
    if int(second[-2:]) != (int(first[-2:]) + 1) % 100:
        return False  # "2019-23", "CAGR 2019-21": a range of years
    if fy or mark == "/":
        return True
    return hyphen and len(first) == 4 and len(second) == 2 and int(second) > 12


def unread_year(label: Any, *, hyphen_fiscal: bool = True) -> str | None:
    """Why a label that looks like a year is not read as one, in words, else None: a year
    with a footnote marker ("2021*"), a quarter or half ("2021 Q4", "2021H1"), or a fiscal
    year over two calendar years ("2021/22"; "2021-22" unless ``hyphen_fiscal`` is False,
    for a header that may be a CAGR period).

    Examples
    --------
    >>> unread_year("2021*")  # doctest: +ELLIPSIS
    "is the year 2021 with the footnote marker '*'; ..."
    >>> unread_year("2021 Q4")  # doctest: +ELLIPSIS
    'is a quarter or half of a year, not a year; ...'
    >>> unread_year("FY2021/22")  # doctest: +ELLIPSIS
    "is a fiscal year over two calendar years; ..."
    >>> unread_year("2021-22")  # doctest: +ELLIPSIS
    "is a fiscal year over two calendar years; expected one year: write the year it ends ..."
    >>> unread_year("2011-12") is None, unread_year("2019-2020") is None  # a month, a change
    (True, True)
    >>> unread_year("FY19")  # doctest: +ELLIPSIS
    "is a year in two digits; expected the year in full: write 'FY2019'"
    >>> unread_year("CAGR 2019-21") is None, unread_year("2021") is None
    (True, True)
    """
    if not isinstance(label, str):
        return None
    from idcforecast._cells import _is_marker  # _cells imports this module

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
    if split and _is_fiscal_year(*split.groups(), hyphen=hyphen_fiscal):
        ends_in = split_year_end(label)
        return (
            "is a fiscal year over two calendar years; expected one year: write the year it "
            f"ends in ('{ends_in}' or 'FY{ends_in}'), as annual reports label it"
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
    fiscal = [c for c in years if isinstance(c, str) and _FISCAL_WORD.search(c)]
    for column in columns:  # else a column of numbers, neither year nor name, left unread
        # (a header "2019-20" beside year columns is a CAGR period as often as a fiscal
        # year: left to the number-column warning, which names the reading taken, when the
        # years have a column; "FY2019-20" and "2019/20" are named, and so is "2019-20"
        # whose end year (2020) has no column, beside fiscal years ("FY2019") or beside
        # neither of its years)
        why = unread_year(column, hyphen_fiscal=False)
        end = split_year_end(column)
        if why is None and end is not None and end not in years.values():
            if fiscal:
                beside = (
                    f"beside fiscal years {', '.join(repr(str(c).strip()) for c in fiscal[:2])}"
                )
            elif end - 1 not in years.values():  # no column of the period's years either
                beside = (
                    f"or a period whose years have no column ({end - 1}, {end}): for a growth "
                    f"rate over it, head it 'CAGR {str(column).strip()}'"
                )
            else:
                beside = ""
            why = beside and str(unread_year(column)).replace(
                "; expected", f" ({beside}); expected", 1
            )
        if column not in years and column not in estimated and why:
            raise DataError(
                f"{name}: column {str(column).strip()!r} {why}",
                source=name,
                column=str(column),
            )
    _no_dates_within_a_year(years, name)
    if estimated and estimates == "error":
        labels = ", ".join(quoted_as_written(c) for c in estimated)
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


_DATE_TEXT = re.compile(r"\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*")


def _no_dates_within_a_year(years: dict[Any, int], name: str) -> None:
    """A DataError for date headers two or more of which fall in one year (2020-03-31,
    2020-06-30: quarter or month ends, as Wind exports a quarterly series): read as years,
    they were "two values for year 2020 ... give a different observation date its own
    series id", which does not say that the table is not yearly."""
    import datetime as dt

    dates: dict[int, list[str]] = {}
    for column, year in years.items():
        if isinstance(column, dt.date):  # datetime and pandas' Timestamp too
            dates.setdefault(year, []).append(f"{column:%Y-%m-%d}")
        elif isinstance(column, str) and _DATE_TEXT.fullmatch(column):  # a CSV's "2020-03-31"
            dates.setdefault(year, []).append(column.strip())
    for year, columns in dates.items():
        if len(columns) > 1:
            shown = ", ".join(columns[:4])
            raise DataError(
                f"{name}: the headers {shown}{', ...' if len(columns) > 4 else ''} are dates "
                f"within {year}, as a quarterly or monthly series is written; expected one "
                "column per year (idcforecast reads yearly figures): keep each year's figure "
                "(the year's total, or the year-end value) and delete the other columns",
                source=name,
                year=year,
            )


def read_year(cell: Any, *, place: str) -> int:
    """Read a year cell; raise :class:`NonNumericValueError` naming ``place`` otherwise.

    Examples
    --------
    >>> read_year(" 2019 ", place="f.csv row 2, column 'year'")
    2019
    """
    year = year_label(cell)
    if year is None:
        from idcforecast._cells import is_blank  # _cells imports this module

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
            else "; a row of a statistic over the years above (a growth rate, an average)? "
            "it is no year: delete the row (idcforecast.cagr computes growth from the values)"
            if isinstance(cell, str) and _STATISTIC_LABEL.fullmatch(cell)
            else "; a note inside the table? move it below the last row (it is then skipped "
            "as a footnote), or delete it"
            if isinstance(cell, str) and _is_note(cell)
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


def _is_note(cell: str) -> bool:
    from idcforecast._table_footnotes import _FOOTNOTE_START  # imports this module

    return bool(_FOOTNOTE_START.match(cell))


def read_year_or_estimate(cell: Any, *, place: str, estimates: str) -> tuple[int, str] | None:
    """:func:`read_year`, with a year marked as an estimate ("2021E") read by policy.

    ``estimates``: ``"error"`` raises a ``DataError`` naming ``place`` and both ways on;
    ``"drop"`` returns None (skip the row); ``"keep"`` returns the year with a note.

    Returns
    -------
    tuple or None
        ``(year, note)``, the note empty unless the year was an estimate or marked as
        revised ("2021R").

    Examples
    --------
    >>> read_year_or_estimate("2021E", place="f.csv row 4", estimates="keep")
    (2021, "estimate (year written '2021E')")
    >>> read_year_or_estimate("2020A", place="f.csv row 3", estimates="error")
    (2020, '')
    """
    year = estimate_year(cell)
    if year is None:
        return read_year(cell, place=place), revised_note(cell)
    if estimates == "keep":
        return year, estimate_note(cell)
    if estimates == "drop":
        return None
    raise DataError(
        f"{place}: {quoted_as_written(cell)} is an estimate, not a published figure; pass "
        f"estimates='drop' to read the history only, or estimates='keep' to read it as "
        f"{year} (noted as an estimate)",
        place=place,
        value=str(cell),
    )
