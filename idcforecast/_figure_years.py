"""Which year or period a figure in a text is of: among the year mentions of its sentence
(:mod:`idcforecast._year_mentions`), not a base year of it ("compared with 2022"), a year
named relative to another ("a year earlier"), the nearest mention, a change's levels' own
years, and a compound rate's period (:mod:`idcforecast._compound_periods`).
:mod:`idcforecast.text_figures` finds the figures; this module dates them.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from idcforecast._compound_periods import (
    change_by_period,
    compounding_period,
    invested,
    invested_by_period,
    is_compound_rate,
    open_period,
    yearly_amount_period,
)
from idcforecast._figure_clauses import japanese_clauses
from idcforecast._figure_later_verbs import PART_OF_YEAR, covers_both, later_figures_year
from idcforecast._figure_lists import list_years
from idcforecast._figure_phases import phase_year
from idcforecast._figure_respectively import respective_years
from idcforecast._year_mentions import PER_YEAR, Mention, year_mentions
from idcforecast.errors import IdcForecastError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from idcforecast.units.quantity import Quantity


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
    per_year = PER_YEAR.search(scan, low, max(start, mention.start))
    if mention.base == "rate":
        return True
    return per_year is None and not is_compound_rate(scan, start, end, quantity.unit)


# a figure of a year named relative to an unknown date: "$150bn last year", "a year
# earlier"; "去年为100亿元", "上年同期为..." (not "较上年增长", "与上年相比增长": there the
# year is the base)
_RELATIVE_AFTER = re.compile(
    # what the amount is spent on or earned in, first: "$300 billion on capex this year",
    # "$5bn in revenue last year", "$2bn on data centers next year" (not "in the last year")
    r"(?:\s+(?:on|for|in)(?:\s+(?!(?:the|a|an|its|their|last|this|next|past)\b)[A-Za-z-]+){1,2}"
    r"(?=\s+(?:last|this|next)\s+year\b))?"
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
# words, not a conjunction that opens another clause ("jumped 30% last year, while data
# centres used 21% ... in 2023": the 21% is 2023's)
_RELATIVE_BEFORE_EN = re.compile(
    r"\b(?:this|next|last)\s+year(?:'s)?\b,?"
    r"(?:\s+(?!(?:while|whereas|but|although|though|and|when|as)\b)[A-Za-z]+){0,4}\s+$",
    re.IGNORECASE,
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


# the years of words relative to the text's date, from its year: "last year" is -1
_FROM_THE_DATE = (
    (re.compile(r"前年"), -2),
    (re.compile(r"后年|後年"), 2),
    (re.compile(r"last\s+year|a\s+year\s+ago|去年", re.IGNORECASE), -1),
    (re.compile(r"next\s+year|the\s+coming\s+year|明年", re.IGNORECASE), 1),
    (
        re.compile(r"this\s+year|the\s+current\s+year|today|at\s+present|今年", re.IGNORECASE),
        0,
    ),
)


def date_offset(scan: str, start: int, end: int, floor: int) -> int | None:
    """The years from the text's date to the year of the figure at ``start:end``, when it
    is named relative to that date: "last year", "去年" -1, "this year", "today" 0, "next
    year" 1, "前年" -2; else None."""
    words = _relative_words(scan, start, end, floor)
    if words is None or _EARLIER.search(words[0]) or _LATER.search(words[0]):
        return None
    return next((offset for word, offset in _FROM_THE_DATE if word.search(words[0])), None)


def relative_year(scan: str, start: int, end: int, floor: int) -> int | bool:
    """Whether the figure at ``start:end`` is of a year named relative to the text's date
    ("last year", "去年"): no year mention is its year then. A year named relative to
    another year of the sentence ("a year earlier", "the previous year", "上年") is the
    offset to that year instead: -1, or 1 ("the following year", "次年")."""
    words = _relative_words(scan, start, end, floor)
    if words is None:
        return False
    if _EARLIER.search(words[0]):
        return -1
    return 1 if _LATER.search(words[0]) else True


def _relative_words(scan: str, start: int, end: int, floor: int) -> re.Match[str] | None:
    """The words naming the figure's year relative to a date or another year, if any."""
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
    return words


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
            and _BOUND_BY.search(text, max(b, m.start - 40), m.start) is not None
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
# ("$3bn in the first quarter of 2024 and $3.5bn in the second quarter of 2025": the 2024)
_BOUND_BY = re.compile(
    r"\b(?:in|during|by|for|as\s+of)\s+(?:" + PART_OF_YEAR + r"\s*(?:of\s+)?)?(?:FY\s*)?$",
    re.IGNORECASE,
)
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# a target year and the level a change starts from: "to 500 MW by 2025 from 300 MW" (2025
# is the 500 MW's, the 300 MW has no year written)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?:FY\s*)?$", re.IGNORECASE)
_FROM_AFTER = re.compile(
    r"\s*,?\s*(?:up\s+|rising\s+|growing\s+)?from\s+"
    r"(?:(?:about|around|approximately|nearly|roughly|some)\s+)?",
    re.IGNORECASE,
)


RATE_UNITS = ("%", "tenths", "pp", "bp")
# a comma alone, or with a base year ("1900.7亿元，较2021年增长26.6%": the 26.6% is 2022's)
_APPOSITION = re.compile(
    r"\s*[，,]\s*(?:(?:较|(?<!占)比|相比|相较于?|与|與)\s*(?:19|20)\d{2}\s*年?\s*(?:同期)?\s*"
    r"(?:相比|相较|相較)?\s*[，,]?\s*)?"
    # or its share of a whole: "1500亿千瓦时，约占全社会用电量的1.6%"
    r"(?:(?:约|約|大约|大約)?(?:占|佔)(?:比)?[^，,。；;\d]{0,20}?(?:的|之)?\s*)?"
)


# a change of the level before it, in a later verb phrase of the sentence: "worth $3.5bn
# and will double by 2030", "$3.5bn, which is expected to triple by 2030"
_LATER_CHANGE = re.compile(
    r"(?:\band|\bbut|\bwhich|\bthat|,)\s+(?:(?:is|are|was|were)\s+)?"
    r"(?:(?:expected|set|forecast|projected|poised|likely|predicted|estimated|tipped"
    r"|anticipated|on\s+track)\s+to|(?:expects?|plans?|aims?|hopes?|wants?)\s+to|will|could"
    r"|would|may|might|should|can)"
    r"(?:\s+(?:at\s+least|nearly|almost|more\s+than|roughly|about|again|then|further"
    r"|continue\s+to|likely))*\s+"
    r"(?:double|triple|quadruple|halve|grow|rise|increase|expand|surge|climb|jump|soar|fall"
    r"|decline|drop|shrink|reach|hit|top|exceed|surpass|more\s+than\s+double)\b",
    re.IGNORECASE,
)
# a level of now in Chinese: "目前市场规模为1000亿元", "现已达到3000亿元"
_NOW_BEFORE = re.compile(
    r"(?:目前|当前|當前|现已|現已|(?<![体體表实實出])(?:现在|現在)|如今|眼下|现阶段|現階段)[^，,；;。]*$"
)
# a change in a later Chinese clause: "，预计到2025年将翻一番"
_CHANGE_AFTER_ZH = re.compile(
    r"[^，,；;。]*?(?:翻一番|翻番|翻倍|翻两番|翻兩番|增长一倍|增長一倍|增加一倍|两倍|兩倍|三倍)"
)


def later_change_year(scan: str, figure: tuple[int, int], mention: Mention, floor: int) -> bool:
    """Whether ``mention``, after the figure, is the year of a change of it named in a later
    verb phrase, not the figure's year: "The market is worth $3.5bn and will double by 2030"
    (the $3.5bn is today's, not 2030's), "is valued at $3.5bn, which is expected to triple
    by 2030", "目前市场规模为1000亿元，预计到2025年将翻一番" (a level of now, 目前, before a
    clause of a later year), "市场规模为1000亿元，到2030年将翻番"."""
    start, end = figure
    if mention.start < end:
        return False
    if _LATER_CHANGE.search(scan, end, mention.start):
        # "$3bn in January and are expected to reach $3.5bn in March 2025": both 2025
        return not covers_both(scan, end, mention)
    if not any(mark in scan[end : mention.start] for mark in ("，", "；")):
        return False
    return bool(
        _NOW_BEFORE.search(scan, max(floor, start - 30), start)
        or _CHANGE_AFTER_ZH.match(scan, mention.end)
    )


# a year a project opens, is finished or starts building: "is slated to open in 2026",
# "预计2026年投产", "2023年开工"
_OPENS_BEFORE = re.compile(
    r"\b(?:open|opens|opened|opening|operational|online|go\s+live|goes\s+live|completed?"
    r"|completion|commissioned|start\s+operations?|begin\s+operations?|ready\s+for\s+service"
    r"|broke\s+ground|break\s+ground|(?:began|begin|start|started)\s+construction"
    r"|construction\s+(?:began|starts|started|will\s+start|will\s+begin))"
    r"\s+(?:in|by|during|at\s+the\s+end\s+of)\s+(?:(?:early|mid|late)[- ])?(?:FY\s*)?$",
    re.IGNORECASE,
)
_OPENS_AFTER = re.compile(
    r"\s*年?\s*(?:年底|年末|底|末|初|内|內|前|上半年|下半年)?\s*"
    r"(?:将|將|可|能|正式|全面|实现|實現|建成并|建成並)?"
    r"(?:建成|投产|投產|投运|投運|竣工|完工|交付|上线|上線|启用|啟用|投入使用|投入运营|投入運營"
    r"|开工|開工|动工|動工|开建|開建)"
)


def opening_year(scan: str, mention: Mention, unit: str) -> bool:
    """Whether ``mention`` is the year the project of an amount of money opens, is finished
    or starts building, not the amount's: "The 150-megawatt facility, costing roughly $1
    billion, is slated to open in 2026", "该项目总投资约120亿元，规划建设3万个机柜，预计2026年
    投产", "broke ground in 2023", "2023年开工" (a cost, spent over the years of building;
    "the 100 MW campus will open in 2026" keeps 2026, the capacity of that year)."""
    from idcforecast.units import parse_unit

    if mention.first != mention.last:
        return False
    if not (
        _OPENS_BEFORE.search(scan, max(0, mention.start - 40), mention.start)
        or _OPENS_AFTER.match(scan, mention.end)
    ):
        return False
    try:
        return parse_unit(unit).currency is not None and "/" not in unit
    except IdcForecastError:
        return False


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


_CLAUSE_MARK = re.compile(r"[，,；;]")


def _clause(scan: str, start: int, end: int, s_start: int, s_end: int) -> str:
    """The clause of the figure at ``start:end`` in its sentence: from the clause mark
    before it to the one after it (a comma inside "1,562.5" counts; harmless here)."""
    before = [m.end() for m in _CLAUSE_MARK.finditer(scan, s_start, start)]
    after = _CLAUSE_MARK.search(scan, end, s_end)
    return scan[before[-1] if before else s_start : after.start() if after else s_end]


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
    published: int | None = None,
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
    published
        The year of the text's date (from ``find_figures``' ``source``), or None: a figure
        of "last year" is of the year before it, one of "this year" of it; without it such
        a figure has no year.
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
        # the figures of the sentence only (all of the text's made it quadratic)
        beside = spans[bisect.bisect_left(starts, s_start) : bisect.bisect_left(starts, s_end)]
        own = [
            m
            for m in mentions
            if s_start <= m.start < s_end
            and not is_base_of(m, scan, (start, end), quantity, s_start)
            and not (
                later_change_year(scan, (start, end), m, s_start)
                and not is_compound_rate(scan, start, end, unit)
            )
            and not opening_year(scan, m, unit)
            and not (m.since and not (_runs_from(unit) or _ADDED.search(scan, s_start, start)))
            and not phase_year(scan, m, (start, end))
            and not (
                later_figures_year(scan, (start, end), m, beside)
                and not is_compound_rate(scan, start, end, unit)
            )
        ]
        if relative := relative_year(scan, start, end, s_start):
            # "a year earlier" after "in 2024" is 2023; "last year" is of the text's date
            near = None if relative is True else year_relative_to(own, int(relative), start)
            if (
                relative is True
                and published is not None
                and (offset := date_offset(scan, start, end, s_start)) is not None
            ):  # "last year" in a text of 2024-03-05: 2023
                year = published + offset
                near = Mention(start, end, year, year)
        elif changes and (level := _change_levels(spans, changes, start)) is not None:
            near = _level_year(text, own, (start, end), beside, level)
        else:
            near = nearest_mention(text, own, start, end, beside)
        found.append((start, end, unit, s_start, s_end, own, near))
    paired: set[int] = set()  # figures given their years by "respectively"
    if "分别" in scan or "分別" in scan or "espectively" in scan or "それぞれ" in scan:
        found, paired = respective_years(
            scan, found
        )  # "分别为100亿元、120亿元": in the years' order
    # "invest €2 billion, £5 billion and $3.2 billion by 2029": the list's year is each's
    found = list_years(scan, found, paired)
    # the year each figure took, by its start: a compound rate's period runs between those
    taken = {f[0]: f[6].first for f in found if f[6] is not None and f[6].first == f[6].last}
    compound = [a for a, b, _, unit in figures if is_compound_rate(scan, a, b, unit)]
    years: list[tuple[int, int, Mention | None]] = []
    previous: tuple[int, int, Mention | None, str] | None = None  # the figure before
    invests: tuple[int, bool] | None = None  # its end and whether it is money invested
    for start, end, unit, s_start, s_end, own, near in found:
        if invests is not None and invests[0] < s_start:
            invests = None  # another sentence's "invest" governs nothing here
        invests = (end, invested(scan, (start, end), invests))
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
        elif near is not None and unit not in RATE_UNITS:
            # "invest $2bn per year through 2027": an amount each year up to 2027, "?-2027"
            near = yearly_amount_period(near, scan, (start, end), unit)
            # "will invest $10bn by 2030": a total over the years to 2030, "?-2030"
            near = invested_by_period(near, scan, (start, end), unit, invests[1])
        elif (
            previous is not None
            and start not in paired
            and change_of(previous, start, end, near, unit, scan)
        ):
            near = previous[2]  # "2023年收入达到2407亿元，同比增长26.7%": the 2407亿元's 2023
        elif near is not None and unit == "%":
            # "could rise 160% by 2030": the change over the years to 2030, "?-2030"
            near = change_by_period(
                near, scan, (start, end), _clause(scan, start, end, s_start, s_end)
            )
        if near is not None and near.since and near.first == near.last and not near.open_start:
            # "has invested $5bn since 2021", "up 30% since 2021": from 2021 to the text's
            # date, "2021-?", never a total or change of 2021 alone
            near = Mention(near.start, near.end, near.first, near.last, open_end=True)
        previous = (start, end, near, unit)
        years.append((s_start, s_end, near))
    return years


# capacity added over years: "has deployed over 1 GW since 2020" (a total added, "2020-?")
_ADDED = re.compile(
    r"(?:\b(?:added|adding|deployed|built|installed|commissioned|delivered|brought\s+online)"
    r"(?:\s+(?:over|more\s+than|about|around|nearly|some|another|a\s+total\s+of))*\s*"
    r"|(?:累计|累計|新增)[^，,。；;\d]{0,8})$",
    re.IGNORECASE,
)


def _runs_from(unit: str) -> bool:
    """Whether a figure in ``unit`` can run from a year to now: money (a total invested or
    spent, "has invested $5bn since 2021") or a change in percent ("up 30% since 2021"); a
    level ("runs 300 MW", "has operated since 2015") is of now, not of that year."""
    from idcforecast.units import parse_unit

    if unit in RATE_UNITS:
        return True
    try:
        return parse_unit(unit).currency is not None
    except IdcForecastError:
        return False
