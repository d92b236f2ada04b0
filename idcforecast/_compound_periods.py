"""The period of a rate compounded over years ("15% CAGR", "14% a year", "年均增长"): from
the year the rate took to the next year its sentence names, or up to a year from a start no
year names ("grow 14% a year to 2028": "?-2028"); and the other figures over years up to
one whose start is not written: an amount each year ("invest $2bn per year through 2027"),
money invested by a year ("will invest $10bn by 2030") and a change by a year ("could rise
160% by 2030"), never that year's level or rate. Used by :mod:`idcforecast._figure_years`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from idcforecast._year_mentions import Mention

if TYPE_CHECKING:
    from collections.abc import Sequence

CLAUSE_MARKS = ("，", ", ", "；", ";")


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


# an amount each year, by the words after it ("$10bn a year", "3-4GW of capacity per year",
# "$2bn annually"; "$2bn per year" has them in its unit, "USD bn/year")
_EACH_YEAR_AFTER = re.compile(
    r"(?:\s+(?:of|in)(?:\s+[A-Za-z-]+){1,2})?\s*(?:(?:a|per|each|every)\s+year\b"
    r"|per\s+annum\b|annually\b|yearly\b|p\.a\.)",
    re.IGNORECASE,
)
# a word before a year that ends a run of years: "through 2027", "until 2030", "to 2028",
# "至2027年"; not "by" ("$2bn a year by 2027" is the run rate reached in 2027) nor 到
_RUN_END_BEFORE = re.compile(
    r"(?:\b(?:to|through|thru|until|till|up\s+to)\s+(?:the\s+end\s+of\s+)?(?:FY\s*)?"
    r"|(?:至|截至|截止到?)\s*)$",
    re.IGNORECASE,
)


def yearly_amount_period(near: Mention, text: str, span: tuple[int, int], unit: str) -> Mention:
    """``near``, the one year of an amount each year ("invest $2bn per year through 2027",
    "$10bn a year until 2030"), as the end of a period whose start is unknown when a word
    ending a run of years is before it: a yearly amount over the years up to 2027, never
    the level of 2027 (nor a total, which the text does not give). Else ``near``."""
    if near.first != near.last or near.open_start:
        return near
    if not (unit.endswith("/year") or _EACH_YEAR_AFTER.match(text, span[1])):
        return near
    if not _RUN_END_BEFORE.search(text, max(0, near.start - 24), near.start):
        return near
    return Mention(near.start, near.end, near.first, near.last, near.base, open_start=True)


# money invested or spent over the years up to one: "will invest $10bn by 2030", "计划到2025年
# 投资3000亿元", "2030年までに約5,000億円を投資する": a total over years, no level of 2030
_INVEST_BEFORE = re.compile(
    r"\b(?:invest|invests|investing|spend|spends|spending|pour|pours|pouring)\b"
    r"(?:\s+(?:a\s+(?:total\s+of\s+)?|about|around|approximately|nearly|roughly|some|up\s+to"
    r"|more\s+than|over|at\s+least|another|an\s+additional|a\s+further|total|a\s+combined))*"
    r"\s*$|(?:投资|投資|投入|投放)(?:总额|總額|金额|金額)?(?:约|約|超过|超過|逾|近|达|達)?\s*$",
    re.IGNORECASE,
)
_INVEST_AFTER = re.compile(r"\s*(?:を|の|을|를)?\s*(?:投資|投じ|投入|투자)")
# a word about the year that ends the run: before it in English and Chinese, "までに" after
# it in Japanese, "까지" in Korean; not "截至" (as of: "截至2023年末，总投资超过1500亿元" is
# the total to date, a level of 2023)
_BY_BEFORE = re.compile(
    r"(?:\b(?:by|through|thru|until|till|to)\s+(?:the\s+end\s+of\s+)?(?:FY\s*)?"
    r"|(?<!截)(?<!截止)(?:到|至)\s*)$",
    re.IGNORECASE,
)
_BY_AFTER = re.compile(r"\s*[年년]?\s*(?:度)?\s*(?:末|底)?\s*(?:までに|まで|까지)")


# between two amounts that one "invest" governs: the first's year or place, then "and" or
# a list's comma ("invest $2bn in 2025 and $3bn by 2027", "€2 billion, £5 billion and",
# "投资3000亿元和500亿美元")
_CARRIED = re.compile(
    r"(?:\s+(?:in|by|through|until|to|during)\s+(?:the\s+end\s+of\s+)?(?:FY\s*)?"
    r"(?:19|20)\d{2}|\s+(?:in|into|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|和|及|以及|、)"
    # a second investor, its verb left out: "will invest $7 billion, and Brookfield $10 billion"
    r"(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}\s+)?"
    r"(?:(?:another|a\s+further|an\s+additional|about"
    r"|around|nearly|roughly|up\s+to|more\s+than|over)\s+)*$",
    re.IGNORECASE,
)


def invested(text: str, span: tuple[int, int], previous: tuple[int, bool] | None) -> bool:
    """Whether the amount at ``span`` is money invested or spent: "invest" (投资, を投資)
    right before or after it, or it follows, after "and" or a list's comma, an amount that
    is ("invest $2bn in 2025 and $3bn by 2027": the $3bn is invested too). ``previous`` is
    the end of the figure before in the sentence and whether it was invested."""
    start, end = span
    if _INVEST_BEFORE.search(text, max(0, start - 40), start) or _INVEST_AFTER.match(text, end):
        return True
    return (
        previous is not None
        and previous[1]
        and _CARRIED.fullmatch(text, previous[0], start) is not None
    )


def invested_by_period(
    near: Mention, text: str, span: tuple[int, int], unit: str, invests: bool
) -> Mention:
    """``near``, the one year of an amount of money invested or spent up to that year ("will
    invest $10bn by 2030", "计划到2025年投资3000亿元", "2030年までに約5,000億円を投資する"),
    as the end of a period whose start is unknown: a total over the years to 2030, never
    the level of 2030. Else ``near`` ("invest $10bn in 2030" is that year's). ``invests``
    says whether the amount is invested (:func:`invested`)."""
    from idcforecast.units import parse_unit

    end = span[1]
    if near.first != near.last or near.open_start or "/" in unit:
        return near
    if _EACH_YEAR_AFTER.match(text, end):
        return near  # "spend $5bn a year by 2027": the run rate reached in 2027
    if not invests:
        return near
    dated = _BY_BEFORE.search(text, max(0, near.start - 24), near.start) or _BY_AFTER.match(
        text, near.end
    )
    if dated is None or parse_unit(unit).currency is None:
        return near
    return Mention(near.start, near.end, near.first, near.last, near.base, open_start=True)


# a change in percent up to a year: "could rise 160% by 2030", "到2030年将增长160%": the
# change over the years to 2030 from a level the sentence may not date, no rate of 2030
_CHANGE_VERB = re.compile(
    r"(?:\b(?:rise|rises|rising|grow|grows|growing|increase|increases|increasing|jump|jumps"
    r"|surge|surges|climb|climbs|expand|expands|soar|soars|fall|falls|decline|declines|drop"
    r"|drops|(?<!make\s)(?<!makes\s)(?<!made\s)(?<!making\s)up|down)\b(?:\s+by)?"
    r"|(?:增长|增長|增加|提升|提高|上升|下降|减少|減少)(?:了)?)"
    r"([^\d，,。；;]{0,15})\d[\d.,]*\s*(?:%|percent\b|per\s*cent\b)\s*$",
    re.IGNORECASE,
)
# between the verb and the percentage, a word that makes it the level reached: "rise to
# 70%", "提升到70%", "提高至50%" (a level of that year, not a change)
_TO_LEVEL = re.compile(r"\b(?:to|at)\b|到|至|为|為", re.IGNORECASE)
# a change of one year on the year before: "up 20% year on year by 2025" is 2025's
_ONE_YEAR = re.compile(
    r"year[- ](?:on|over)[- ]year|\by/?o/?y\b|同比|前年比|前年度比|对上年|對上年", re.IGNORECASE
)


def change_by_period(near: Mention, text: str, span: tuple[int, int], clause: str) -> Mention:
    """``near``, the one year of a change in percent ("could rise 160% by 2030", "到2030年
    将增长160%"), as the end of a period whose start is unknown when "by", 到 or までに dates
    it: the change over the years to 2030, never the rate of 2030 alone ("rose 58% in
    2024", "up 20% year on year by 2025" keep their year). ``clause`` is the figure's
    clause, where a year-on-year word would be."""
    start, end = span
    if near.first != near.last or near.open_start or _ONE_YEAR.search(clause):
        return near
    verb = _CHANGE_VERB.search(text, max(0, start - 25), end)
    if verb is None or _TO_LEVEL.search(verb[1]):
        return near
    dated = _BY_BEFORE.search(text, max(0, near.start - 24), near.start) or _BY_AFTER.match(
        text, near.end
    )
    if dated is None or dated[0].strip().lower() in ("to", "至"):
        return near  # "grew 10% to 2024's ...", "至": a level's word, not a change's end
    return Mention(near.start, near.end, near.first, near.last, near.base, open_start=True)


# "From 2024, ...", "..., since 2024, ...", "从2024年起，": a start word opening its clause
_OPENING_START = re.compile(
    r"(?:^|(?<=[.!?;,。！？；，\n]))\s*(?:from|since|starting(?:\s+(?:in|from))?"
    r"|beginning(?:\s+in)?|从|從|自)\s*$",
    re.IGNORECASE,
)
