"""Periods as claims write them: "2020-22", "2020年至2022年", "FY2019-FY2022", "十四五".

:func:`parse_period` (importable from :mod:`idcforecast.claims`, where it was defined)
reads one into its first and last year; how many compounding steps they span is a reading
that :func:`idcforecast.check_claims` evaluates both ways.
"""

from __future__ import annotations

import re

from idcforecast.errors import SpecError

__all__ = ["parse_period"]

# a year may carry the broker's estimate or forecast mark, "2022-2027E", "2022E-27F"
_MARK = r"(?:[EF](?![A-Z]))?"
# "2020-2022年间", "2020至2022年期间": the years of a period, said as one
_SPAN_WORDS = r"(?:间|間|期间|期間|时期|時期)?"
# a fiscal or calendar year as brokers write one, "FY2019-FY2022", "CY2020-22"
_FY = r"(?:FY|CY)?\s*"
_PERIOD = re.compile(
    rf"^\s*(?:from\s+|between\s+)?{_FY}(\d{{4}}){_MARK}\s*年?\s*"
    r"(?:-|–|—|~|～|/|to|through|and|至|到)\s*"
    rf"{_FY}(\d{{2}}|\d{{4}}){_MARK}\s*年?\s*{_SPAN_WORDS}\s*$",
    re.IGNORECASE,
)
# China's five-year plans, "十四五" (the 14th, 2021-2025), as policy texts name a period
_PLAN = re.compile(
    r"^\s*[“\"「『]?十([一二三四五六七八九]?)五[”\"」』]?\s*(?:规划|規劃)?\s*"
    r"(?:期间|期間|时期|時期)?\s*$"
)
_PLAN_NUMBERS = {"": 10, **{d: 10 + i for i, d in enumerate("一二三四五六七八九", start=1)}}


def parse_period(text: str) -> tuple[int, int]:
    """Read a period as written ("2020-22", "2020–2022", "2020 to 2022", "between 2020 and
    2022", "2020年至2022年", "2020-2022年间", "2022-2027E", "FY2019-FY2022", "十四五") into
    two years (a year's estimate or forecast mark, "2027E" or "2027F", and a fiscal or
    calendar year's "FY" or "CY", as brokers write them, are left out, as a claim's year
    "FY2022" is read as 2022).

    The years are returned as written; how many compounding steps they span is a reading
    (:func:`idcforecast.check_claims` evaluates both). A five-year plan is its own years:
    "十四五" (the 14th, "“十四五”期间") is 2021-2025, so a plan-period CAGR is read both
    from 2021 and from the 2020 base.

    Raises
    ------
    SpecError
        Text that is not two years, or an end before the start.

    Examples
    --------
    >>> parse_period("2020-22")
    (2020, 2022)
    >>> parse_period("2022 to 2027"), parse_period("2022-2027E"), parse_period("FY2019-FY22")
    ((2022, 2027), (2022, 2027), (2019, 2022))
    >>> parse_period("2020年至2022年"), parse_period("十四五")
    ((2020, 2022), (2021, 2025))
    """
    if plan := _PLAN.match(str(text)):
        first = 1966 + 5 * (_PLAN_NUMBERS[plan.group(1)] - 3)  # the 3rd plan: 1966-1970
        return first, first + 4
    match = _PERIOD.match(str(text))
    if match is None:
        raise SpecError(
            f"period {text!r} is not two years; expected a form like '2020-22', '2020-2022', "
            "'2020 to 2022', '2020年至2022年' or a five-year plan such as '十四五'",
            value=text,
        )
    start, end_text = int(match.group(1)), match.group(2)
    end = int(end_text)
    if len(end_text) == 2:
        end += (start // 100) * 100
        if end <= start:  # "1998-02" crosses a century
            end += 100
    if end == start:  # "write the earlier year first" did not help
        raise SpecError(
            f"period {text!r} is one year ({start}); a period runs from one year to a later "
            f"one: for one year's growth give kind 'growth' with year {start}",
            value=text,
        )
    if end < start:
        raise SpecError(
            f"period {text!r}: the end year {end} is not after the start year {start}; "
            "write the earlier year first",
            value=text,
        )
    return start, end
