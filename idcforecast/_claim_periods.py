"""Periods as claims write them: "2020-22", "2020年至2022年", "FY2019-FY2022", "十四五".

:func:`parse_period` (importable from :mod:`idcforecast.claims`, where it was defined)
reads one into its first and last year; how many compounding steps they span is a reading
that :func:`idcforecast.check_claims` evaluates both ways.
"""

from __future__ import annotations

import re

from idcforecast.errors import SpecError

__all__ = ["is_plan", "parse_period"]

# a year may carry the broker's estimate or forecast mark, "2022-2027E", "2022E-27F"
_MARK = r"(?:[EF](?![A-Z]))?"
# "2020-2022年间", "2020至2022年期间": the years of a period, said as one
_SPAN_WORDS = r"(?:间|間|期间|期間|时期|時期)?"
# a fiscal or calendar year as brokers write one, "FY2019-FY2022", "CY2020-22"
_FY = r"(?:FY|CY)?\s*"
# the year word after a year: 年, 年度, and the fiscal year's 财年 / 財年 (as FY: "2022财年"
# is 2022, as the year column reads it)
_YEAR_WORD = r"(?:[财財]?年度?)?"
_PERIOD = re.compile(
    # the first year in four digits, or in two after "FY" / "CY" ("FY20-FY22"; a bare
    # "20-22" is no year)
    rf"^\s*(?:from\s+|between\s+)?(?:{_FY}(\d{{4}})|(?:FY|CY)\s*(\d{{2}})){_MARK}\s*"
    rf"{_YEAR_WORD}\s*(?:-|–|—|~|～|/|to|through|and|至|到)\s*"
    rf"{_FY}(\d{{2}}|\d{{4}}){_MARK}\s*{_YEAR_WORD}\s*{_SPAN_WORDS}\s*$",
    re.IGNORECASE,
)
# a year in four digits, alone in a text ("through 2030", "到2030年")
_ONE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# a fiscal year across two calendar years, "2021/22", "FY2021-22"
_SPLIT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[/-]\s*(\d{2})(?!\d)")
# words that make one year a period's end ("through 2030", "到2030年") or its start ("2020
# onwards", "2020年以来")
_END_WORDS = re.compile(r"\b(?:through|thru|to|by|until|till|up to)\b|到|至|截至|截止", re.I)
_START_WORDS = re.compile(r"\b(?:since|from|onwards?|after)\b|起|以来|开始", re.I)
# China's five-year plans, "十四五" (the 14th, 2021-2025), as policy texts name a period
_PLAN = re.compile(
    r"^\s*[“\"「『]?十([一二三四五六七八九]?)五[”\"」』]?\s*(?:规划|規劃)?\s*"
    r"(?:期间|期間|时期|時期)?\s*$"
)
_PLAN_NUMBERS = {"": 10, **{d: 10 + i for i, d in enumerate("一二三四五六七八九", start=1)}}
# a period with its plan named beside it: "2021-2025年（十四五）", "十四五（2021-2025年）"
_WITH_PLAN = re.compile(r"^\s*(?P<outer>[^（(]+?)\s*[（(]\s*(?P<inner>[^)）]+?)\s*[)）]\s*$")


def parse_period(text: str) -> tuple[int, int]:
    """Read a period as written ("2020-22", "2020–2022", "2020 to 2022", "between 2020 and
    2022", "2020年至2022年", "2020-2022年间", "2022-2027E", "FY2019-FY2022", "十四五") into
    two years (a year's estimate or forecast mark, "2027E" or "2027F", and a fiscal or
    calendar year's "FY" or "CY", as brokers write them, are left out, as a claim's year
    "FY2022" is read as 2022; after "FY" a year may have two digits, "FY20-FY22"; "财年"
    and "年度" are read as "年", "2022-2027财年"). A
    period may name its plan beside it, "2021-2025年（十四五）", when their years agree.

    The years are returned as written; how many compounding steps they span is a reading
    (:func:`idcforecast.check_claims` evaluates both). A five-year plan is its own years:
    "十四五" (the 14th, "“十四五”期间") is 2021-2025, so a plan-period CAGR is read both
    from 2021 and from the 2020 base.

    Raises
    ------
    SpecError
        Text that is not two years, an end before the start, or years beside a plan
        whose years differ.

    Examples
    --------
    >>> parse_period("2020-22")
    (2020, 2022)
    >>> parse_period("2022 to 2027"), parse_period("2022-2027E"), parse_period("FY2019-FY22")
    ((2022, 2027), (2022, 2027), (2019, 2022))
    >>> parse_period("2020年至2022年"), parse_period("十四五"), parse_period("FY20-FY22")
    ((2020, 2022), (2021, 2025), (2020, 2022))
    >>> parse_period("2021-2025年（十四五）")
    (2021, 2025)
    >>> parse_period("2022-2027财年"), parse_period("2022财年至2027财年")
    ((2022, 2027), (2022, 2027))
    """
    if plan := _PLAN.match(str(text)):
        first = 1966 + 5 * (_PLAN_NUMBERS[plan.group(1)] - 3)  # the 3rd plan: 1966-1970
        return first, first + 4
    if (both := _WITH_PLAN.match(str(text))) and (
        sum(bool(_PLAN.match(both[part])) for part in ("outer", "inner")) == 1
    ):
        return _years_with_plan(str(text), both["outer"], both["inner"])
    match = _PERIOD.match(str(text))
    if match is None and len(years := _ONE_YEAR.findall(str(text))) == 1:
        raise _one_year_error(str(text), years[0])
    if match is None and len(split := _SPLIT_YEAR.findall(str(text))) == 2:
        # "FY2021/22-FY2025/26": fiscal years across two calendar years ("is not two years"
        # said nothing of them)
        (a, a_next), (b, b_next) = ((int(y), int(y[:2] + n)) for y, n in split)
        raise SpecError(
            f"period {text!r} runs between fiscal years that each span two calendar years "
            f"({a}/{a_next} and {b}/{b_next}); give the period in the calendar years the "
            f"series counts them in ('{a}-{b}' or '{a_next}-{b_next}')",
            value=text,
        )
    if match is None:
        raise SpecError(
            f"period {text!r} is not two years; expected a form like '2020-22', '2020-2022', "
            "'2020 to 2022', '2020年至2022年' or a five-year plan such as '十四五'",
            value=text,
        )
    if match.group(1) is not None:
        start = int(match.group(1))
    else:  # "FY20": 2020 (a two-digit year from 50 on is of the 1900s, "FY98")
        start = int(match.group(2)) + (1900 if int(match.group(2)) >= 50 else 2000)
    end_text = match.group(3)
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


def _one_year_error(text: str, year: str) -> SpecError:
    """The error of a period that names one year: its end ("through 2030", "到2030年"), its
    start ("2020 onwards") or neither ("2030"), and the other year to give ("is not two
    years" did not say which was missing)."""
    if _END_WORDS.search(text) and not _START_WORDS.search(text):
        which, form, other = (
            "its end",
            f"YYYY-{year}",
            "the year the rate grows from (the base year the source names; often the last "
            "year with an actual when it was published)",
        )
    elif _START_WORDS.search(text) and not _END_WORDS.search(text):
        which, form, other = "its start", f"{year}-YYYY", "the last year the rate runs to"
    else:
        which, form, other = "alone", f"YYYY-{year}' or '{year}-YYYY", "the other year"
    return SpecError(
        f"period {text!r} names one year, {year}, {which}; a rate over a period runs from "
        f"a first year to a last one: give both, '{form}' with YYYY {other}",
        value=text,
    )


def _years_with_plan(text: str, outer: str, inner: str) -> tuple[int, int]:
    """The years of a period written with its five-year plan beside it ("2021-2025年（十四
    五）"): the years, when the plan's are the same; a SpecError naming both when not
    ("2021-2024（十四五）": which one did the source mean?)."""
    plan, years = (outer, inner) if _PLAN.match(outer) else (inner, outer)
    said, planned = parse_period(years), parse_period(plan)
    if said != planned:
        raise SpecError(
            f"period {text!r}: the years {said[0]}-{said[1]} are not those of the plan "
            f"{plan.strip()!r} ({planned[0]}-{planned[1]}); give the one the source means",
            value=text,
        )
    return said


def is_plan(text: str) -> bool:
    """Whether ``text`` names a five-year plan alone ("十四五", "“十四五”期间"), no years.

    Examples
    --------
    >>> is_plan("十四五"), is_plan("FY20-FY22"), is_plan("2021-2025年（十四五）")
    (True, False, False)
    """
    return bool(_PLAN.match(str(text)))
