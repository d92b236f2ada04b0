"""Which year or period a figure in a text is of: the year mentions of a text (years, spans,
fiscal years, dates), base years ("compared with 2022"), years named relative to an unknown
date ("last year"), the nearest mention to a figure in its sentence, and the periods of
compound rates. :mod:`idcforecast.text_figures` finds the figures; this module dates them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from idcforecast._figure_clauses import japanese_clauses
from idcforecast._figure_respectively import respective_years

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

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


def is_year(quantity: Quantity) -> bool:
    """A year or a span of years, not a figure: "2019年" reads as 2019 "year" (a duration),
    "2020" as a count, "2020年至2022年" as a range of them."""
    from idcforecast.units import parse_unit

    low, high = quantity.low, quantity.high
    ends = [quantity.value] if low is None or high is None else [low, high]  # not a midpoint
    years = all(float(v).is_integer() and 1900 <= v <= 2099 for v in ends)
    return years and parse_unit(quantity.unit).dimension in ("time", "count")


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
            mentions.append(Mention(span[0], span[1], year, year, _base(scan, *span)))
    return sorted(mentions, key=lambda m: m.start)


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
_PER_YEAR = re.compile(
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


# between a base year and the base level of that year: "较2022年的1900亿元", "versus 2022's
# $1.9bn"
_BASE_LEVEL = re.compile(r"\s*(?:年\s*(?:底|末|初)?\s*的|['’]s)\s*")


def is_base_of(
    mention: Mention,
    scan: str,
    figure: tuple[int, int],
    quantity: Quantity,
    sentence_start: int,
) -> bool:
    """Whether ``mention`` is the base year of the figure at ``start``, not its year. The
    base level itself, right after its year ("较2022年的1900亿元", "versus 2022's $1.9bn"),
    is of that year. "From 2024" is where a compound rate starts ("From 2024, the market
    will grow at a CAGR of 12%"), not its base."""
    start, end = figure
    if mention.start < start and _BASE_LEVEL.fullmatch(scan, mention.end, start):
        return False
    if mention.base == "any":
        return True
    if quantity.unit not in ("%", "tenths", "pp", "bp") or mention.base not in ("rate", "from"):
        return False
    low = max(sentence_start, start - 30)
    per_year = _PER_YEAR.search(scan, low, max(start, mention.start))
    if mention.base == "rate":
        return True
    return per_year is None and not is_compound_rate(scan, start, end, quantity.unit)


# a figure of a year named relative to an unknown date: "$150bn last year", "a year
# earlier"; "去年为100亿元", "上年同期为..." (not "较上年增长", "与上年相比增长": there the
# year is the base)
_RELATIVE_AFTER = re.compile(
    r"\s*(?:in\s+|during\s+)?(?:(?:last|this|next)\s+year|a\s+year\s+(?:earlier|ago|before)|"
    r"the\s+(?:previous|prior|preceding|current|coming|following)\s+year|the\s+year\s+before"
    r"|the\s+year[- ](?:earlier|ago)\s+(?:period|quarter|half)"
    r"|today|at\s+present)\b",
    re.IGNORECASE,
)  # "this year", "next year" (text40), "today" (text50: "$250 billion today and will double
# by 2030" took 2030): of a date the text does not give, as "last year"
_RELATIVE_BEFORE = re.compile(
    r"(?<![较比同])(?:去年|上年|上一年|前一年|前年|今年|明年|后年|後年|次年)(?:同期)?"
    r"[^，,；;较比]{0,12}$"
)
# the base level itself after 较/比 ("较上年同期的2500亿元", "比上年的2500亿元"): of that year
_RELATIVE_LEVEL = re.compile(r"(?:去年|上年|上一年|前一年|前年)(?:同期)?\s*(?:的|之)\s*$")


# "this year it expects $6bn", "Last year, revenue was $5bn": up to four words between
_RELATIVE_BEFORE_EN = re.compile(
    r"\b(?:this|next|last)\s+year(?:'s)?\b,?(?:\s+[A-Za-z]+){0,4}\s+$", re.IGNORECASE
)


# of those, the words that name a year relative to another year of the sentence, not to the
# text's date: "4,200 MW in 2024, up from 3,778 MW a year earlier" (2023), "2024年…，上年为
# 2500亿元" (2023); "a year ago", "last year", "去年" are of the text's date
_EARLIER = re.compile(
    r"a\s+year\s+(?:earlier|before)|the\s+(?:previous|prior|preceding)\s+year"
    r"|the\s+year\s+before|the\s+year[- ]earlier|the\s+year[- ]ago|上年|上一年|前一年",
    re.IGNORECASE,
)
_LATER = re.compile(r"the\s+following\s+year|次年|第二年", re.IGNORECASE)


def relative_year(scan: str, start: int, end: int, floor: int) -> int | bool:
    """Whether the figure at ``start:end`` is of a year named relative to the text's date
    ("last year", "去年"): no year mention is its year then. A year named relative to
    another year of the sentence ("a year earlier", "the previous year", "上年") is the
    offset to that year instead: -1, or 1 ("the following year", "次年")."""
    words = _RELATIVE_AFTER.match(scan, end)
    if words is None:
        low = max(floor, start - 40)
        words = _RELATIVE_BEFORE_EN.search(scan, low, start)
        if words is not None and _BASE_BEFORE.search(scan, max(low, start - 20), start):
            # "$315 billion this year, up from $230 billion in 2024": "this year" is the
            # figure's before; a base level is never of it
            words = None
        words = (
            words
            or _RELATIVE_BEFORE.search(scan, max(floor, start - 14), start)
            or _RELATIVE_LEVEL.search(scan, max(floor, start - 10), start)
        )
    if words is None:
        return False
    if _EARLIER.search(words[0]):
        return -1
    return 1 if _LATER.search(words[0]) else True


def year_relative_to(own: Sequence[Mention], offset: int, start: int) -> Mention | None:
    """The year ``offset`` years from the one year its sentence names ("4,200 MW in 2024,
    up from 3,778 MW a year earlier": 2023), or None when the sentence names no single
    year or more than one (which one is meant is not clear)."""
    years = {m.first for m in own if m.first == m.last}
    if len(years) != 1 or any(m.first != m.last for m in own):
        return None
    near = min(own, key=lambda m: abs(m.start - start))
    year = near.first + offset
    return Mention(near.start, near.end, year, year)


def nearest_mention(
    text: str,
    mentions: list[Mention],
    start: int,
    end: int,
    figures: Sequence[tuple[int, int]] = (),
) -> Mention | None:
    """The mention closest to the figure, first among those with no other figure between
    them ("By 2025 the market will reach $20 billion, from $12 billion in 2022": 2022 is the
    $12 billion's year), then among those in its clause (no comma between them: "，", or ", "
    in a Latin text, never the comma of "1,562.5": "预计2025年规模将达到1.2万亿元，2022-2025年
    复合增长率为25%" gives the 1.2万亿元 its 2025 and the 25% its 2022-2025; "$3bn in 2023,
    more than $2.5bn in 2022" gives the $2.5bn its 2022); on a tie the one after it ("320
    billion yuan in 2022" rather than "from 2020"). Outside the figure's clause, a mention
    in the clause of another figure is that figure's ("预计到2025年，市场规模将突破3800亿元，
    2023-2025年复合增长率约为25.6%": the period is the 25.6%'s, the 3800亿元's year 2025;
    "In 2023, revenue was $3bn, and in 2024 it will be $4bn": 2023 for the $3bn). A mention
    after the figure in another clause that is another figure's is never this one's ("It
    will use 4.5 TWh, while data centers used 460 TWh in 2022", "规模达到3000亿元，而2022年为
    2500亿元": the first figure has no year). A year before the figure that "in", "by"...
    binds to the figure before it is that figure's, taken only when no other is near ("4.4%
    of U.S. electricity in 2023 and ... 6.7 to 12% ... by 2028": 2028 for the 6.7-12%).
    ``figures`` are the ``(start, end)`` of the figures of the sentence."""

    def split(low: int, high: int) -> bool:  # a clause boundary between the two places
        between = text[low:high]
        return any(mark in between for mark in ("，", ", ", "；", ";"))

    def claimed(m: Mention) -> bool:  # in the clause of a figure other than this one
        return any(
            (a, b) != (start, end) and not split(min(b, m.end), max(a, m.start)) for a, b in figures
        )

    def distance(m: Mention) -> tuple[bool, bool, bool, bool, bool, int, int]:
        after = m.start >= end
        low, high = (end, m.start) if after else (m.end, start)
        other = any(low <= a and b <= high for a, b in figures)
        clause = split(low, high)
        # "2017年的1.6": the year's own figure, nearer than any after it ("降至2023年的1.48")
        gap = 0 if not after and _YEAR_OF.fullmatch(text, low, high) else high - low
        return (
            other,
            clause,
            clause and claimed(m),
            not after and binds_to_another(m),
            after and leads(m, low, high),
            gap,
            int(not after),
        )

    def binds_to_another(m: Mention) -> bool:
        # "4.4% of U.S. electricity in 2023 and ... 6.7 to 12% ... by 2028": the 2023 is
        # the 4.4%'s, the first year after it, bound to it by "in"; the 6.7-12% takes it only
        # when it has no other
        before = [(a, b) for a, b in figures if b <= m.start and (a, b) != (start, end)]
        if not before:
            return False
        b = max(b for _, b in before)
        return (
            not split(b, m.start)
            and _A_YEAR.search(text, b, m.start) is None
            and _BOUND_BY.search(text, max(b, m.start - 12), m.start) is not None
        )

    def leads(m: Mention, low: int, high: int) -> bool:
        # a year after the figure with no preposition that binds it back ("$12bn and FY2025
        # capex will be $15bn", not "$12bn in FY2024 and..."), before another figure of the
        # clause: it leads that figure
        return _BINDS_BACK.search(text, low, high) is None and any(
            a >= m.end and not split(m.end, a) for a, _ in figures
        )

    def compared(m: Mention) -> bool:  # the year of a figure this one is compared with
        return m.start >= end and any(
            end <= a
            and b <= m.start
            and _COMPARED_BEFORE.search(text, max(end, a - 20), a) is not None
            and _YEAR_AFTER.fullmatch(text, b, m.start) is not None
            for a, b in figures
        )

    def target(m: Mention) -> bool:  # "500 MW by 2025 from 300 MW": not the 300 MW's
        return (
            m.end <= start
            and _FROM_AFTER.fullmatch(text, m.end, start) is not None
            and _BY_BEFORE.search(text, max(0, m.start - 20), m.start) is not None
        )

    # a base level ("up from $52.5bn") takes no year written before it but its own ("versus
    # 2022's $1.9bn"): that year is the figure's it is compared with
    base_level = _BASE_BEFORE.search(text, max(0, start - 20), start) is not None

    def anothers(m: Mention, rank: tuple[bool, bool, bool, bool, bool, int, int]) -> bool:
        # after the figure, in another figure's clause; or before a base level ("$75bn in
        # 2025, up from $52.5bn": no 2025 for the $52.5bn)
        _, clause, claimed_by_it, _, _, _, before = rank
        if before:
            return base_level and _BASE_LEVEL.fullmatch(text, m.end, start) is None
        return clause and claimed_by_it

    ranked = [(distance(m), m) for m in mentions if not (compared(m) or target(m))]
    kept = [(rank, m) for rank, m in ranked if not anothers(m, rank)]
    return min(kept, key=lambda pair: pair[0])[1] if kept else None


# "8.5 kW/rack, up from 7.3 kW in 2023": 2023 is the 7.3 kW's, what the 8.5 is compared
# with, never the 8.5's year; a base level's words ("up from $4bn", "compared with $4bn")
_BASE_WORDS = (
    r"(?:up|down|rising|falling|rose|fell)\s+from|versus|vs\.?|compared\s+(?:with|to)|than"
)
_HEDGE = r"\s+(?:(?:about|around|approximately|nearly|roughly|some)\s+)?$"
_BASE_BEFORE = re.compile(rf"\b(?:{_BASE_WORDS}){_HEDGE}", re.IGNORECASE)
# and a bare "from" ("increased by 3.2% to RMB7,413.7 million from RMB7,185.9 million in
# 2022": 2022 is the second's), which for a level's own year may also start a change
# ("grew from $10bn to $20bn", whose first level takes a year written before it)
_COMPARED_BEFORE = re.compile(rf"\b(?:{_BASE_WORDS}|from){_HEDGE}", re.IGNORECASE)
_YEAR_AFTER = re.compile(
    r"\s*(?:(?:in|during|at\s+the\s+end\s+of|a\s+year\s+earlier\s+in)\s+)?"
    r"(?:(?:the\s+)?(?:fiscal\s+(?:year\s+)?)?)?(?:[QH][1-4]\s+)?",
    re.IGNORECASE,
)
_YEAR_OF = re.compile(r"\s*年\s*(?:底|末|初)?\s*的\s*")  # "2017年的" before its figure
# a preposition between a figure and the year after it: the year is the figure's ("$5bn in
# 2023", "17GW of 2022", "10 GW by 2030")
_BINDS_BACK = re.compile(
    r"\b(?:in|during|by|for|at|of|as\s+of|through|until|to|since|from|over|on|before|after"
    r"|end)\b|[年的]",
    re.IGNORECASE,
)
# a year bound to the figure before it ("4.4% of electricity in 2023")
_BOUND_BY = re.compile(r"\b(?:in|during|by|for|as\s+of)\s+(?:FY\s*)?$", re.IGNORECASE)
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# a target year and the level a change starts from: "to 500 MW by 2025 from 300 MW" (2025
# is the 500 MW's, the 300 MW has no year written)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?:FY\s*)?$", re.IGNORECASE)
_FROM_AFTER = re.compile(
    r"\s*,?\s*(?:up\s+|rising\s+|growing\s+)?from\s+"
    r"(?:(?:about|around|approximately|nearly|roughly|some)\s+)?",
    re.IGNORECASE,
)


# a rate compounded over years: "15% CAGR", "compound annual growth", "年复合增长率", "年均增长"
_COMPOUND = re.compile(r"\bcagr\b|compound|复合|複合|年均|年平均", re.IGNORECASE)


# a percentage a year, in the figure or right after it: "grow 14% a year to 2028" is a rate
# over the years to 2028, as a CAGR is ("up 14% in 2023" is the change of one year); or
# Chinese naming the rate after it: "将以15%的年均复合增长率增长"
_EACH_YEAR = re.compile(
    r"%\s*(?:(?:a|per|each|every)\s+year\b|per\s+annum\b|annually\b|yearly\b|p\.a\."
    r"|的\s*(?:年均|年?复合|年?複合))",
    re.IGNORECASE,
)


def is_compound_rate(scan: str, start: int, end: int, unit: str) -> bool:
    """Whether the percentage at ``start:end`` is a rate compounded over years: "15% CAGR",
    "年复合增长率", "14% a year", "20% annually", "15%的年均复合增长率"."""
    if unit != "%":
        return False
    if _COMPOUND.search(scan, max(0, start - 20), end) is not None:
        return True
    return "%" in scan[start:end] and _EACH_YEAR.search(scan, start, end + 16) is not None


def compounding_period(
    near: Mention,
    own: list[Mention],
    text: str,
    rate: tuple[int, int],
    others: set[int],
    rivals: Sequence[int] = (),
) -> Mention:
    """The period of a compound rate whose nearest mention is one year: from that year to
    the next year its sentence names when it is the first, from the one before when it is
    the last ("a 15% CAGR from 2023 levels to reach $50bn by 2030": 2023-2030; "from USD
    76.85 billion in 2025 to USD 204.31 billion by 2032, a CAGR of 15.0%" after "in 2024":
    2025-2032); a CAGR has no single year. Else (one year, or one in the middle) ``near``.
    Only a year that another figure of the sentence took (``others``) or one in the rate's
    own clause (``rate`` its span) counts: "The firm, founded in 2010, expects a CAGR of
    20% to 2028" has no period from 2010. Nor does a year past another compound rate of
    the sentence (``rivals``, their starts): "a 10% CAGR to 2025 and a 14% CAGR to 2030"
    gives the 10% its 2025, the 14% 2025-2030. A year after a start word opening its
    clause counts from any clause before the rate ("From 2024, the market will grow at a
    CAGR of 12% through 2030": 2024-2030)."""

    def counts(m: Mention) -> bool:
        low, high = min(rate[1], m.end), max(rate[0], m.start)
        if any(low <= r < high for r in rivals):
            return False
        between = text[low:high]
        if m.first in others or not any(mark in between for mark in CLAUSE_MARKS):
            return True
        # "From 2024, the market will grow at a CAGR of 12% through 2030": a clause that
        # opens with "from" names the start, whichever clause the rate is in
        opening = _OPENING_START.search(text, max(0, m.start - 24), m.start)
        return m.end <= rate[0] and opening is not None

    years = sorted({m.first for m in own if m.first == m.last and counts(m)})
    if len(years) < 2 or near.first not in (years[0], years[-1]):
        return near
    if near.first == years[-1]:
        return Mention(near.start, near.end, years[-2], years[-1])
    return Mention(near.start, near.end, years[0], years[1])


# a word before a year that ends a span: "to 2028", "through 2030", "by 2030", "到2025年"
_END_WORD_BEFORE = re.compile(
    r"(?:\b(?:to|through|thru|until|till|by)\s+(?:the\s+end\s+of\s+)?(?:FY\s*)?"
    r"|(?:至|到|截至|截止到?)\s*)$",
    re.IGNORECASE,
)


def open_period(near: Mention, text: str) -> Mention:
    """``near``, the one year of a compound rate that no start year joined, as the end of
    a period whose start is unknown when a word ending a span is before it ("grow 14% a
    year to 2028", "a CAGR of 20% through 2030", "到2025年年均增长15%"): a rate over the
    years up to 2028, never a rate of 2028 alone. Else ``near`` as it is."""
    if near.first != near.last or not _END_WORD_BEFORE.search(
        text, max(0, near.start - 24), near.start
    ):
        return near
    return Mention(near.start, near.end, near.first, near.last, near.base, open_start=True)


# "From 2024, ...", "..., since 2024, ...", "从2024年起，": a start word opening its clause
_OPENING_START = re.compile(
    r"(?:^|(?<=[.!?;,。！？；，\n]))\s*(?:from|since|starting(?:\s+(?:in|from))?"
    r"|beginning(?:\s+in)?|从|從|自)\s*$",
    re.IGNORECASE,
)
RATE_UNITS = ("%", "tenths", "pp", "bp")
CLAUSE_MARKS = ("，", ", ", "；", ";")
# a comma alone, or with a base year ("1900.7亿元，较2021年增长26.6%": the 26.6% is 2022's)
_APPOSITION = re.compile(
    r"\s*[，,]\s*(?:(?:较|(?<!占)比|相比|相较于?|与|與)\s*(?:19|20)\d{2}\s*年?\s*(?:同期)?\s*"
    r"(?:相比|相较|相較)?\s*[，,]?\s*)?"
    # or its share of a whole: "1500亿千瓦时，约占全社会用电量的1.6%"
    r"(?:(?:约|約|大约|大約)?(?:占|佔)(?:比)?[^，,。；;\d]{0,20}?(?:的|之)?\s*)?"
)


def change_of(
    previous: tuple[int, int, Mention | None, str],
    start: int,
    end: int,
    near: Mention | None,
    unit: str,
    scan: str,
) -> bool:
    """Whether the rate at ``start:end`` is the change of the level just before it, set
    off by a comma alone ("2407亿元，同比增长26.7%", "$282 billion, up 57%"), and its own
    clause names no year: it then takes that level's year, not one from a later clause
    ("…，预计2025年将突破3800亿元")."""
    _, p_end, p_near, p_unit = previous
    if unit not in RATE_UNITS or p_unit in RATE_UNITS or p_near is None:
        return False
    if not _APPOSITION.fullmatch(scan, p_end, start):
        return False
    if near is None:
        return True
    between = scan[min(near.end, end) : max(near.start, start)]
    return any(mark in between for mark in ("，", ", ", "；", ";"))


def _change_levels(
    spans: Sequence[tuple[int, int]], changes: Mapping[int, tuple[int, int]], start: int
) -> tuple[bool, tuple[int, int]] | None:
    """(True, the change's "from" and "to") for the first level of a change, (False, the
    same) for its second level, else None."""
    i = bisect.bisect_left(spans, (start, -1))
    if start in changes:
        return True, changes[start]
    if i > 0 and spans[i - 1][0] in changes:
        return False, changes[spans[i - 1][0]]
    return None


def _level_year(
    text: str,
    own: list[Mention],
    span: tuple[int, int],
    beside: Sequence[tuple[int, int]],
    level: tuple[bool, tuple[int, int]],
) -> Mention | None:
    """The year of one level of a change: a year written between its "from" and its "to"
    is the first level's ("from $10bn in 2023 to $20bn", "从2020年的1000亿元增长到"), one
    elsewhere the second's ("from $10bn to $20bn in 2024": the $10bn has no year); a
    period around the change gives the first level its first year and the second its
    last ("between 2020 and 2024 ... from $10bn to $20bn": 2020 and 2024)."""
    start, end = span
    first, (low, high) = level
    if first:
        if near := nearest_mention(
            text, [m for m in own if low <= m.start < high], start, end, beside
        ):
            return near
        near = nearest_mention(text, own, start, end, beside)
        if near is None or near.first == near.last:
            return None
        return Mention(near.start, near.end, near.first, near.first)
    near = nearest_mention(text, [m for m in own if not low <= m.start < high], start, end, beside)
    if near is None or near.first == near.last:
        return near
    return Mention(near.start, near.end, near.last, near.last)


def years_of_figures(
    text: str,
    scan: str,
    figures: Sequence[tuple[int, int, Quantity, str]],
    dates: Sequence[tuple[int, int]],
    sentences: Sequence[tuple[int, int]],
    changes: Mapping[int, tuple[int, int]] | None = None,
) -> list[tuple[int, int, Mention | None]]:
    """The sentence (start, end) and the year or period (None: no year) of each figure.

    Parameters
    ----------
    text, scan
        The text as written and as scanned (same offsets).
    figures
        ``(start, end, quantity, unit)`` of each figure, in text order.
    dates
        ``(start, end)`` of the dates in the text, whose year is a year mention.
    sentences
        ``(start, end)`` of each sentence, in text order.
    changes
        The figures that are the first level of a change to the next figure ("from $10bn
        to $20bn in 2024"), by start: where the change's "from" and "to" are. Such a level
        takes only a year written between the two, or the first year of a period around
        the change, never the second level's year (see :func:`_level_year`).
    """
    if "、" in text:  # a Japanese sentence's clause comma (a list's comma in Chinese)
        text = japanese_clauses(text, sentences)
    mentions = year_mentions(scan, [(a, b) for a, b, _, _ in figures] + list(dates))
    # a date's numbers are no figures, but its year is a year ("截至2023年6月底" is 2023)
    dated = [Mention(a, b, int(scan[a : a + 4]), int(scan[a : a + 4])) for a, b in dates]
    mentions = sorted(mentions + dated, key=lambda m: m.start)
    spans = [(a, b) for a, b, _, _ in figures]
    starts = [a for a, _ in spans]  # in text order
    found = []  # each figure with its sentence, its candidate mentions and the nearest one
    for start, end, quantity, unit in figures:
        s_start, s_end = next(((a, b) for a, b in sentences if a <= start < b), (0, len(scan)))
        own = [
            m
            for m in mentions
            if s_start <= m.start < s_end
            and not is_base_of(m, scan, (start, end), quantity, s_start)
        ]
        # the figures of the sentence only (all of the text's made it quadratic)
        beside = spans[bisect.bisect_left(starts, s_start) : bisect.bisect_left(starts, s_end)]
        if relative := relative_year(scan, start, end, s_start):
            # "a year earlier" after "in 2024" is 2023; "last year" is of the text's date
            near = None if relative is True else year_relative_to(own, int(relative), start)
        elif changes and (level := _change_levels(spans, changes, start)) is not None:
            near = _level_year(text, own, (start, end), beside, level)
        else:
            near = nearest_mention(text, own, start, end, beside)
        found.append((start, end, unit, s_start, s_end, own, near))
    if "分别" in scan or "分別" in scan or "espectively" in scan or "それぞれ" in scan:
        found = respective_years(scan, found)  # "分别为100亿元、120亿元": in the years' order
    # the year each figure took, by its start: a compound rate's period runs between those
    taken = {f[0]: f[6].first for f in found if f[6] is not None and f[6].first == f[6].last}
    compound = [a for a, b, _, unit in figures if is_compound_rate(scan, a, b, unit)]
    years: list[tuple[int, int, Mention | None]] = []
    previous: tuple[int, int, Mention | None, str] | None = None  # the figure before
    for start, end, unit, s_start, s_end, own, near in found:
        if (
            near is not None
            and near.first == near.last
            and is_compound_rate(scan, start, end, unit)
        ):
            others = {y for a, y in taken.items() if s_start <= a < s_end and a != start}
            rivals = [a for a in compound if s_start <= a < s_end and a != start]
            near = open_period(
                compounding_period(near, own, text, (start, end), others, rivals), scan
            )
        elif previous is not None and change_of(previous, start, end, near, unit, scan):
            near = previous[2]  # "2023年收入达到2407亿元，同比增长26.7%": the 2407亿元's 2023
        previous = (start, end, near, unit)
        years.append((s_start, s_end, near))
    return years
