"""The years and periods a text names: years, spans ("2020-22", "between 2023 and 2028"),
fiscal years ("FY2025/26", "3Q24"), China's five-year plans ("十四五"), dates, and whether a
year is a base year ("compared with 2022"). :mod:`idcforecast._figure_years` picks the one
of them that is each figure's year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity


# not inside "1,562.5" or ".5"; a comma after no digit is punctuation ("收入增长，2023年"
# holds the year 2023)
NOT_INSIDE_A_NUMBER = r"(?<![\d.])(?<!\d,)"

_YEAR_RANGE = re.compile(
    NOT_INSIDE_A_NUMBER + r"(?:FY|CY)?((?:19|20)\d{2})\s*年?\s*(?:-|–|—|~|至|到|to|through)\s*"
    r"(?:FY|CY)?((?:19|20)\d{2}|\d{2})(?![\d%]|[.,]\d)"
    # "between 2023 and 2028" (an "and" without "between" joins two single years)
    r"|\bbetween\s+(?:FY|CY)?((?:19|20)\d{2})\s+and\s+(?:FY|CY)?((?:19|20)\d{2})(?![\d%]|[.,]\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(
    NOT_INSIDE_A_NUMBER + r"(?:FY|CY)?((?:19|20)\d{2})(?![\d%]|[.,]\d)", re.IGNORECASE
)
# a fiscal year over two calendar years, named by the year it ends in as annual reports
# and the table readers name it: "FY2025/26", "2025/26", "FY2024-25", "2025/26财年", "FY26"
_END = r"((?:19|20)?\d{2})(?![\d%]|[.,]\d)"
_FISCAL_YEAR = re.compile(
    NOT_INSIDE_A_NUMBER
    + r"(?:\bFY\s*|\bfiscal\s+(?:year\s+)?)?((?:19|20)\d{2})\s*/\s*"
    + _END
    + r"|(?:\bFY\s*|\bfiscal\s+(?:year\s+)?)((?:19|20)\d{2})\s*[-–]\s*"
    + _END
    + r"|((?:19|20)\d{2})\s*[-–]\s*"
    + _END
    + r"(?=\s*(?:财年|財年|财政年度|財政年度))"
    + r"|\bFY\s*'?(\d{2})(?![\d%]|[.,]\d)"
    # a quarter or half of a two-digit year, as earnings releases write it: "3Q24", "Q3'24",
    # "1H24" (2024); 2010-2039 only: "H100" is a GPU, not H1 of 2000
    + r"|\b(?:[1-4]Q|Q[1-4]|[12]H|H[12])'?([123]\d)(?![\d%]|[.,]\d)",
    re.IGNORECASE,
)
DATE = re.compile(
    r"(?<!\d)(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|年\d{1,2}月(?:\d{1,2}日)?)"
)
# a month named by its number, without a year: "3月5日", "12月底", "3月份" (a duration of
# months is "3个月"; "100元/月", "每月" are per month)
MONTH_DAY = re.compile(
    r"(?<![\d.个個/每])(?:(?:1[0-2]|0?[1-9])\s*(?:-|–|~|～|至|到)\s*)?(?:1[0-2]|0?[1-9])\s*月(?!\s*[/每])"
)  # and a span of months of the calendar: "1-9月", "1至6月" (a duration is "3-6个月")


@dataclass(frozen=True)
class Mention:
    """A year ("2022") or period ("2020-22") in the text, outside any figure."""

    start: int
    end: int
    first: int
    last: int
    base: str = ""  # a base year ("compared with 2022", "15% on 2022"): see _base
    # a compound rate's period whose last year alone is written ("14% a year to 2028"):
    # ``first`` is that year too, and the start unknown (see :func:`open_period`)
    open_start: bool = False
    # a year a total or a change runs from ("has invested $5bn since 2021", "自2021年以来"):
    # never a figure's one year (see :func:`since`)
    since: bool = False
    # a period from ``first`` to a year the text does not give, the text's date: "2021-?"
    open_end: bool = False


def is_year(quantity: Quantity) -> bool:
    """A year or a span of years, not a figure: "2019年" reads as 2019 "year" (a duration),
    "2020" as a count, "2020年至2022年" as a range of them, and "2027年每年" (the year 2027,
    then "each year") as 2027 "year/year"."""
    from idcforecast.units import parse_unit

    low, high = quantity.low, quantity.high
    ends = [quantity.value] if low is None or high is None else [low, high]  # not a midpoint
    years = all(float(v).is_integer() and 1900 <= v <= 2099 for v in ends)
    if not years:
        return False
    if quantity.unit == "year/year":  # "到2027年每年投资100亿元": no 2027 years a year
        return True
    # "The 2024 PUE was 1.3": a year before a ratio's name (a PUE is 1 to 3), no PUE
    return parse_unit(quantity.unit).dimension in ("time", "count", "ratio", "partial_ratio")


def year_mentions(scan: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Years and periods outside the figures' spans, in text order."""

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    mentions = [m for m in _fiscal_years(scan) + _five_year_plans(scan) if free(m.start, m.end)]
    fiscal = [(m.start, m.end) for m in mentions]
    for match in _YEAR_RANGE.finditer(scan):
        first_text, last_text = (match[1], match[2]) if match[1] else (match[3], match[4])
        first = int(first_text)
        last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
        span = (match.start(), match.end())
        if first < last and free(*span) and all(span[1] <= a or span[0] >= b for a, b in fiscal):
            mentions.append(Mention(span[0], span[1], first, last))
    ranges = [(m.start, m.end) for m in mentions]
    for match in _YEAR.finditer(scan):
        span = (match.start(), match.end())
        if free(*span) and all(span[1] <= a or span[0] >= b for a, b in ranges):
            year = int(match[1])
            base, runs = _base(scan, *span), since(scan, *span)
            if runs and _compared_since(scan, *span):
                base, runs = "any", False  # "the highest since 2019": a point of comparison
            mentions.append(Mention(*span, year, year, base, since=runs))
    return sorted(mentions, key=lambda m: m.start)


def year_range_tails(scan: str) -> list[tuple[int, int]]:
    """The spans of the two-digit last years of the year ranges and fiscal years in
    ``scan`` ("22" of "2020-22", "25" of "FY2024-25"): a year's digits, never a count.

    >>> year_range_tails("Capacity grew 30% in 2020-22 and FY2024-25; 2019 to 2021.")
    [(26, 28), (40, 42)]
    """
    tails = []
    for match in _YEAR_RANGE.finditer(scan):
        if match[2] is not None and len(match[2]) == 2 and int(match[2]) > int(match[1]) % 100:
            tails.append((match.start(2), match.end(2)))
    for match in _FISCAL_YEAR.finditer(scan):
        for group in (2, 4, 6):
            if match[group] is not None and len(match[group]) == 2:
                tails.append((match.start(group), match.end(group)))
    return sorted(set(tails))


# a year something runs from up to now: "since 2021", "自2021年以来", "2021年以来"
_SINCE_BEFORE = re.compile(
    r"\bsince\s+(?:(?:the\s+)?(?:end|start|beginning)\s+of\s+"
    # "since listing in 2010", "since its founding in 2015", "since the IPO in 2021"
    r"|(?:(?:its|their|the|our)\s+)?(?:listing|founding|launch|IPO|inception|opening|entry)"
    r"(?:\s+\w+){0,2}?\s+in\s+)?$",
    re.IGNORECASE,
)
_SINCE_AFTER = re.compile(r"\s*年?\s*(?:初|底|末)?\s*(?:以来|以來)")


def since(scan: str, start: int, end: int) -> bool:
    """Whether the year at ``scan[start:end]`` is one something runs from up to the text's
    date: "has invested $5bn since 2021", "自2021年以来累计投资50亿元".

    >>> since("has invested $5bn since 2021", 24, 28), since("自2021年以来", 1, 5)
    (True, True)
    >>> since("invested $5bn in 2021", 17, 21)
    False
    """
    return bool(
        _SINCE_BEFORE.search(scan, max(0, start - 30), start) or _SINCE_AFTER.match(scan, end)
    )


# "the highest since 2019", "the first drop since 2015", "创2019年以来新高": the year is
# what the figure is compared with, no start of it
_COMPARED_SINCE_BEFORE = re.compile(
    r"\b(?:highest|lowest|largest|biggest|smallest|strongest|weakest|fastest|slowest|best"
    r"|worst|most|least|first|record|steepest|sharpest|only)\b[^,;.!?]{0,30}\bsince\s+$",
    re.IGNORECASE,
)
_COMPARED_SINCE_AFTER = re.compile(
    r"\s*年?\s*(?:以来|以來)\s*(?:的)?\s*(?:新高|新低|最高|最低|最大|最小|最快|最慢|首次)"
)


def _compared_since(scan: str, start: int, end: int) -> bool:
    """Whether the "since" year at ``scan[start:end]`` is a point of comparison ("the
    highest since 2019"), not the start of a total."""
    return bool(
        _COMPARED_SINCE_BEFORE.search(scan, max(0, start - 60), start)
        or _COMPARED_SINCE_AFTER.match(scan, end)
    )


# China's five-year plans by their short names: "十一五" (2006-2010) to "十五五" (2026-2030)
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五])五")
_PLAN_NUMBER = {"一": 11, "二": 12, "三": 13, "四": 14, "五": 15}


def _five_year_plans(scan: str) -> list[Mention]:
    """The periods of the five-year plans named in ``scan``: "十四五" is 2021-2025 (the
    third plan ran 1966-1970, each since five years after the one before)."""
    mentions = []
    for match in _FIVE_YEAR_PLAN.finditer(scan):
        first = 1966 + 5 * (_PLAN_NUMBER[match[1]] - 3)
        mentions.append(Mention(match.start(), match.end(), first, first + 4))
    return mentions


def _fiscal_years(scan: str) -> list[Mention]:
    """Fiscal years over two calendar years ("FY2025/26"), each a mention of the year it
    ends in (2026); "2024-25" without "FY" or "财年" stays a period of two years."""
    mentions = []
    for match in _FISCAL_YEAR.finditer(scan):
        if match[7] or match[8]:  # "FY26", "3Q24"
            yy = int(match[7] or match[8])
            end = (2000 if yy < 70 else 1900) + yy
        else:
            first_text, end_text = next(
                (match[i], match[i + 1]) for i in (1, 3, 5) if match[i] is not None
            )
            first = int(first_text)
            end = int(end_text) if len(end_text) == 4 else first // 100 * 100 + int(end_text)
            if end != first + 1:
                continue  # "2020/22" is no fiscal year
        span = (match.start(), match.end())
        mentions.append(Mention(*span, end, end, _base(scan, *span)))
    return mentions


# words that make the year after them a base year, what a change is measured against
_BASE_FOR_ANY = re.compile(
    r"(?:\b(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to|against)\s+(?:the\s+)?"
    r"(?:(?:end|close|start|beginning)\s+of\s+(?:the\s+)?)?"  # "the end of 4Q22"
    r"(?:fiscal\s+)?(?:year\s+)?(?:[QH][1-4]\s+|[1-4]Q\s+)?"
    r"|(?:较|(?<!占)比|相比|相较于?|相比于|对比|對比|相較於?)"
    # Vietnamese, German, French, Spanish ("giảm 3,5% so với năm 2023", "gegenüber 2023")
    r"|(?:so\s+với(?:\s+năm)?|gegenüber(?:\s+dem\s+Jahr)?|im\s+Vergleich\s+zum?(?:\s+Jahr)?"
    r"|par\s+rapport\s+à|frente\s+a|en\s+comparación\s+con)\s+)$",
    re.IGNORECASE,
)
# Korean after the year: "2023년 대비 3.5% 감소" (compared with 2023)
_BASE_AFTER_KO = re.compile(r"\s*년?\s*(?:동기\s*)?대비")
_BASE_WITH = re.compile(r"(?:与|與|和|同)\s*$")  # "与2022年相比"
# "是2019年的3倍" (three times 2019's): a multiple of the year's level, a base year
_TIMES_AFTER = re.compile(
    r"\s*年?\s*(?:同期)?\s*的?\s*(?:\d+(?:\.\d+)?|[一二两兩三四五六七八九十百]+(?:点[〇零一二三四五六七八九]+)?)"
    r"\s*(?:多|余)?\s*倍"
)
_BASE_WITH_AFTER = re.compile(r"\s*年?(?:同期)?\s*(?:相比|相较|相較|比较|比較)")
# "on", "over", "from" before a year: a base year only for a rate ("up 15% on FY2022");
# "$1bn from 2025" starts then, "over 2023" may be during it
_BASE_FOR_RATE = re.compile(
    r"\b(on|over|from)\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?)?(?:[QH][1-4]\s+|[1-4]Q\s+)?$",
    re.IGNORECASE,
)  # "up 10% from Q4 2022's $4.5bn": a quarter's year is a base year too
# a rate a year: "from 2024" is where it starts ("a CAGR of 12% from 2024"), not its base
PER_YEAR = re.compile(
    r"\b(?:a|per)\s+year\b|annual|per annum|\bcagr\b|compound|年均|复合|複合", re.IGNORECASE
)


def _base(scan: str, start: int, end: int) -> str:
    """Whether the year at ``scan[start:end]`` is a base year: "any" (any figure's),
    "rate" (a rate's), "from" (a rate's unless a rate a year) or ""."""
    before = scan[max(0, start - 40) : start]
    if (
        _BASE_FOR_ANY.search(before)
        or (_BASE_WITH.search(before) and _BASE_WITH_AFTER.match(scan, end))
        or _TIMES_AFTER.match(scan, end)
        or _BASE_AFTER_KO.match(scan, end)
    ):
        return "any"
    if word := _BASE_FOR_RATE.search(before):
        return "from" if word[1].lower() == "from" else "rate"
    return ""
