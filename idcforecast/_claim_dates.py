"""Publication dates as claims write them: "2020/7/7", "2020年7月7日", "July 7, 2020".

:func:`iso_made` turns a date whose reading is certain (year first, or the month by its
name) into the ISO date a :class:`idcforecast.claims.Claim`'s ``made`` holds; "7/8/2020"
(day and month in either order) is left as written, for Claim to refuse.
:func:`year_text` reads a claim's year as analysts write it ("2022年", "FY22", "2022E").
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["iso_made", "year_text"]

_YEAR_FIRST_DATE = re.compile(
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月\s*)?(?:[-/.]?\s*(\d{1,2})\s*日?)?\s*$"
)


# a part of a year as reports date themselves: "2020H1", "2020 Q3", "Q3 2020", "2020年上半年",
# "2020年第三季度"; read as its year (a month would be a guess)
_YEAR_PART = re.compile(
    r"\s*(?:(?:H[12]|Q[1-4])\s+)?((?:19|20)\d{2})\s*(?:[-/]?\s*(?:H[12]|Q[1-4])|年?\s*(?:上半年|下半年"
    r"|第?[一二三四1-4]季度|[一二三四1-4]季度|年[初中末底]))?\s*",
    re.IGNORECASE,
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
# "July 2020", "Jul. 7, 2020", "7 July 2020": the month by its name, never ambiguous
_MONTH_NAME_DATE = re.compile(
    r"^\s*(?:(?P<d1>\d{1,2})\s+)?(?P<month>[A-Za-z]+)\.?\s*(?:(?P<d2>\d{1,2})\s*,?\s*)?"
    r",?\s*(?P<year>\d{4})\s*$"
)


def iso_made(text: str) -> str:
    """A publication date written year first ("2020/7/7", "2020-7-7", "2020年7月7日",
    "2020年7月") or with the month's name ("July 2020", "July 7, 2020", "7 Jul 2020") as
    the ISO date it is; anything else as written (Claim refuses what is no ISO date,
    naming the form). Those forms were refused, though none is ambiguous.

    Examples
    --------
    >>> iso_made("2020年7月7日"), iso_made("July 7, 2020"), iso_made("Jul. 2020")
    ('2020-07-07', '2020-07-07', '2020-07')
    >>> iso_made("7/7/2020")  # day and month in either order: as written, refused
    '7/7/2020'
    >>> iso_made("20200707"), iso_made("2020H1"), iso_made("2020年第三季度")
    ('2020-07-07', '2020', '2020')
    """
    if re.fullmatch(r"\s*\d{4}\s*年\s*", text):  # "2020年"
        return text.strip().rstrip("年").strip()
    if part := _YEAR_PART.fullmatch(text):
        return part.group(1)  # "2020H1", "2020 Q3", "2020年上半年": its year (was refused)
    if basic := re.fullmatch(r"\s*((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*", text):
        return "-".join(basic.groups())  # "20200707", ISO 8601's basic form (was refused)
    named = _MONTH_NAME_DATE.match(text)
    if named and (month_number := _MONTHS.get(named.group("month").lower())):
        if named.group("d1") and named.group("d2"):  # two days: no date
            return text
        day = named.group("d1") or named.group("d2")
        if day is not None and not 1 <= int(day) <= 31:
            return text
        return f"{named.group('year')}-{month_number:02d}" + (
            "" if day is None else f"-{int(day):02d}"
        )
    match = _YEAR_FIRST_DATE.match(text)
    if match is None:
        return text
    year, month, day = match.group(1), int(match.group(2)), match.group(3)
    if not 1 <= month <= 12 or (day is not None and not 1 <= int(day) <= 31):
        return text
    return f"{year}-{month:02d}" + ("" if day is None else f"-{int(day):02d}")


def year_text(value: Any) -> int | None:
    """The year of a year as analysts write it ("2022", "2022年", "FY2022", "2022财年",
    "2022E": a claim's year is often marked as an estimate), else None."""
    from idcforecast._cells import estimate_year, year_label

    if not isinstance(value, str):
        return None
    text = value.strip()
    if not re.fullmatch(r"\d{4}(\.0)?", text) and not re.search(r"[^\d.\s]", text):
        return None  # "2022.5": left to the number check
    if short := re.fullmatch(r"(?:FY|CY)\s*(\d{2})[EF]?", text, re.IGNORECASE):
        # "FY22" (was "year must be a year"), as the period "FY20-FY22" reads it: 2022; a
        # two-digit year from 50 on is of the 1900s ("FY98")
        return int(short[1]) + (1900 if int(short[1]) >= 50 else 2000)
    return year_label(text) or estimate_year(text)
