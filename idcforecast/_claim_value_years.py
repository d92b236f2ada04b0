"""Private: the year or period a claim's value gives in brackets.

Analysts copy a figure with its year or period: "3200亿元（2022年）", "27.8% (2020-2022)".
The bracketed period of a rate is its period (the figure reader took "(2020-2022)" for an
alternate range, "2020 to 2022 count (not used)", and the CAGR lacked its start year); a
bracketed year without a year column is the claim's year (the row was refused as "missing
year"). The record's note says where the years came from.
"""

from __future__ import annotations

import re
from typing import Any

from idcforecast._claim_dates import year_text
from idcforecast._claim_marks import note_added

__all__ = ["bracketed_years", "check_same_year", "unit_and_year_apart", "years_of_value"]

# a year's estimate or forecast mark, "2025E", "2027F", as the period column reads it
_MARK = r"(?:[EF](?![A-Z]))?"
_YEAR = rf"(?:FY\s*)?\d{{4}}{_MARK}\s*年?"
_BRACKETED = re.compile(
    rf"\s*[(（]\s*(?P<years>{_YEAR}(?:\s*(?:[-–—~～]|至|到|to)\s*(?:FY\s*)?\d{{2,4}}{_MARK}"
    r"\s*年?)?)\s*[)）]\s*$",
    re.IGNORECASE,
)


def bracketed_years(value: str) -> str:
    """The bracketed year or period ending ``value`` ("2022年", "2020-2022"), else "".

    Examples
    --------
    >>> bracketed_years("3200亿元（2022年）"), bracketed_years("27.8% (2020-22)")
    ('2022年', '2020-22')
    >>> bracketed_years("27.8% (2020-2025E)"), bracketed_years("3200亿元 (2022E)")
    ('2020-2025E', '2022E')
    >>> bracketed_years("20% (十四五)"), bracketed_years("27.8% (FY20-FY22)")
    ('十四五', 'FY20-FY22')
    >>> bracketed_years("3200亿元（2022财年）"), bracketed_years("3200亿元 (FY22)")
    ('2022财年', 'FY22')
    >>> bracketed_years("3,200 (CNY 100m)"), bracketed_years("27.8% (in RMB terms)")
    ('', '')
    """
    found = _bracketed(value)
    return "" if found is None else found["years"]


# the last bracketed words of a value, read as a year or a period as the columns read them
_LAST_BRACKETS = re.compile(r"\s*[(（]\s*(?P<years>[^()（）]+?)\s*[)）]\s*$")


def _bracketed(value: str) -> re.Match[str] | None:
    """The bracketed year or period ending ``value``: the common forms ("2022年",
    "2020-2022E"), else any period the period column reads ("FY20-FY22", "2020 to 2022", a
    five-year plan "十四五", which the value's brackets missed)."""
    found = _BRACKETED.search(value)
    if found is not None:
        return found
    last = _LAST_BRACKETS.search(value)
    if last is None or not re.search(r"\d|五", last["years"]):
        return None
    if year_text(last["years"]) is not None:  # "2022财年", "FY22", "2022年度": the year column's
        return last
    from idcforecast._claim_periods import parse_period
    from idcforecast.errors import SpecError

    try:
        parse_period(last["years"])
    except (SpecError, ValueError):
        return None
    return last


def years_of_value(record: dict[str, Any], *, where: str, row: Any) -> None:
    """Take the bracketed year or period at the end of ``record``'s value text.

    A single year ("3200亿元（2022年）") becomes the claim's ``year`` when the record has
    none (a year given as well is checked against it where the figure is read); of a CAGR
    only when its ``start_year`` is given ("25% (2025)" from 2020: 2020-2025); a period
    ("27.8% (2020-2022)") of a growth or CAGR claim leaves the value and becomes its
    ``start_year`` and ``year``, which must agree with any given. The note says so.

    Examples
    --------
    >>> record = {"kind": "cagr", "value": "27.8% (2020-2022)"}
    >>> years_of_value(record, where="row 2", row=2)
    >>> record["value"], record["start_year"], record["year"]
    ('27.8%', 2020, 2022)
    >>> record = {"kind": "level", "value": "3200亿元（2022年）"}
    >>> years_of_value(record, where="row 3", row=3)
    >>> record["year"], record["note"]
    (2022, "year 2022 taken from the value '3200亿元（2022年）'")
    """
    value = record.get("value")
    if not isinstance(value, str):
        return
    # "3,200 (CNY 100m, 2022)": read as "3,200 CNY 100m (2022)"; notes and errors quote
    # the value as written
    quoted = value
    record["value"] = value = unit_and_year_apart(value)
    found = _bracketed(value)
    if found is None:
        return
    text = found["years"]
    kind = record.get("kind")
    single = year_text(text)
    if single is not None:
        # "3200亿元（2022财年）", "(FY22)", "(2022年度)": read as the year column reads
        # them, and taken out of the value (the figure reader reads no '财年': the row was
        # "missing year", or with a year column "unit '财年' is not defined")
        own_words = _BRACKETED.search(value) is None
        if (own_words or quoted != value) and "year" in record:
            check_same_year(record["year"], single, quoted, row=row, where=where)
        # a CAGR needs its period: one year in brackets ends it when start_year is given
        # (without it the row is left out by _claim_open_periods.open_bracketed_rate)
        if "year" not in record and (
            kind in ("level", "growth") or (kind == "cagr" and "start_year" in record)
        ):
            record["year"] = single
            record["note"] = note_added(
                record.get("note"), f"year {single} taken from the value {quoted!r}"
            )
        if own_words and "year" in record:
            record["value"] = value[: found.start()].rstrip()
        return
    from idcforecast.errors import SpecError

    if kind == "level" and "year" not in record:
        # "missing year ... (a year or period in brackets after the value gives them)" to
        # a value that has a period in brackets: a level is about one year
        raise SpecError(
            f"{where}: value {quoted!r} gives the period {text} in brackets, and a level claim "
            "is about one year (a total over years is no year's level); give its year, as a "
            "year column or in the brackets ('3200亿元（2022年）')",
            row=row,
            key="value",
            value=quoted,
        )
    if kind not in ("growth", "cagr"):
        return  # a level is about one year: the figure reader says what it makes of it
    from idcforecast._claim_records import _period

    years = _period(text, kind, where=where, row=row)
    said = "-".join(str(years[key]) for key in ("start_year", "year") if key in years)
    differ = [
        f"{key} {record[key]!r}"
        for key in ("start_year", "year")
        if key in record and key in years and not _same_year(record[key], years[key])
    ]
    if differ:
        raise SpecError(
            f"{where}: value {quoted!r} gives the period {said}, but {' and '.join(differ)} "
            f"{'is' if len(differ) == 1 else 'are'} given (as a column or period); give the "
            "years once (drop them from the value, or the columns), or make them agree",
            row=row,
            key="value",
            value=quoted,
        )
    record.update(years)
    record["value"] = value[: found.start()].strip()
    record["note"] = note_added(
        record.get("note"), f"period {said} taken from the value {quoted!r}"
    )


# one bracket holding a unit and a year, "(CNY 100m, 2022)", "（亿元，2022年）"
_UNIT_AND_YEAR = re.compile(
    r"\s*[(（]\s*(?P<first>[^()（）,，;；、]+?)\s*[,，;；、]\s*(?P<second>[^()（）,，;；、]+?)"
    r"\s*[)）]\s*$"
)


def unit_and_year_apart(value: str) -> str:
    """``value`` with a bare figure's unit and year given in one bracket written apart,
    the unit after the figure and the year in brackets ("3,200 (CNY 100m, 2022)" ->
    "3,200 CNY 100m (2022)"), as a table's cell gives both; else ``value`` unchanged
    (the bracket was read as neither: "missing year").

    Examples
    --------
    >>> unit_and_year_apart("3,200 (CNY 100m, 2022)"), unit_and_year_apart("3200（2022年，亿元）")
    ('3,200 CNY 100m (2022)', '3200 亿元 (2022年)')
    >>> unit_and_year_apart("3200 (est., 2022)"), unit_and_year_apart("3200亿元 (2022)")
    ('3200 (est., 2022)', '3200亿元 (2022)')
    """
    found = _UNIT_AND_YEAR.search(value)
    if found is None:
        return value
    first, second = found["first"], found["second"]
    year, unit = (first, second) if year_text(first) is not None else (second, first)
    if year_text(year) is None or year_text(unit) is not None:
        return value
    from idcforecast._claim_figure_cells import unit_out_of_brackets

    figure = value[: found.start()].rstrip()
    with_unit = unit_out_of_brackets(f"{figure} ({unit})")
    if with_unit == f"{figure} ({unit})":  # no unit, or the figure has its own
        return value
    return f"{with_unit} ({year})"


def check_same_year(given: Any, year: int, value: str, *, where: str, row: Any) -> None:
    """A SpecError when the year column (``given``) is not the ``year`` the value gives in
    brackets ("3200亿元（2022年）", "27.8% (2022)"), naming ``where`` and the fix."""
    if _same_year(given, year):
        return
    from idcforecast.errors import SpecError

    raise SpecError(
        f"{where}: value {value!r} gives the year {year}, and year is {given!r}; give the "
        "year once (drop it from the value, or the year column), or make them agree",
        key="year",
        value=given,
        row=row,
    )


def _same_year(given: Any, year: int) -> bool:
    """Whether a year as given (2022, 2022.0 from a CSV column with blanks, "2022年",
    "FY2022") is ``year``."""
    read = year_text(given) if isinstance(given, str) else given
    try:
        return read is not None and float(read) == year
    except (TypeError, ValueError):
        return False
