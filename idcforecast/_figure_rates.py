"""Amounts per a thing: "$2 per GPU-hour" (a thing the registry lacks, after the amount) and
"每架每月8000元" (Chinese order, before it). :mod:`idcforecast.text_figures` finds the
figures; this module tells when a figure is a price or a density, and of what.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from idcforecast.errors import IdcForecastError

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

__all__ = ["NOT_A_NOUN", "dimension", "per_before", "per_unknown", "rate_of_before"]


# words after a singular count noun that show it is the counted thing ("1 data center in
# Shanghai"), not a modifier of the next word ("data center GPUs", "data center racks")
NOT_A_NOUN = frozenset(
    re.findall(
        r"\w+",
        """a an the and or but nor of in on at by for from to with within across around into
        onto over under near per than as so that which who whose where when while if is was
        are were be been being will would could can may might shall should must has have had
        do does did it its their this these those each every worldwide globally nationwide""",
    )
)


def dimension(unit: str) -> str:
    """The dimension of a canonical unit ("racks" of "racks 10k")."""
    from idcforecast.units import parse_unit

    return parse_unit(unit).dimension


# "per" or "/" and the thing an amount is per, in one or two words: "per GPU-hour",
# "/GPU-hour", "per cabinet", "per used rack"
_WORD = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
_TOKEN = re.compile(r"[^\s,;:'\"’)]+")  # "US$" of "per US$'"
_PER_THING = re.compile(
    rf"\s*(?:\bper\s+|/\s*)({_WORD})(?:\s+({_WORD}))?\b(?![$¥€£₹₩\d])"
)  # not "/US$70 million", "/S$0.5bn": a second currency's amount


def per_unknown(scan: str, end: int, quantity: Quantity) -> tuple[int, str] | None:
    """The new end and unit of an amount followed by "per" a thing the registry lacks
    ("$2 per GPU-hour": "USD/GPU-hour", "30 kW per cabinet": "kW/cabinet", "5.2万元 per
    used rack per year": "CNY 10k/used rack/year", the things as written), or None: such
    an amount is a price or a density, never a plain amount. A first thing the registry
    knows ("5 servers per US$") leaves the figure as the registry read it."""
    if dimension(quantity.unit) == "count" or "/" in quantity.unit:
        return None
    parts: list[str] = []
    stop = end
    while (per := _PER_THING.match(scan, stop)) and per[1].lower() not in NOT_A_NOUN:
        token = _TOKEN.match(scan, per.start(1))
        if not parts and token is not None and _known(token[0]):
            return None  # a rate the registry refused ("per US$"): as read
        two = per[2] is not None and per[2].lower() not in NOT_A_NOUN | {"per"}
        parts.append(f"{per[1]} {per[2]}" if two else per[1])
        stop = per.end(2) if two else per.end(1)
    return (stop, "/".join([quantity.unit, *parts])) if parts else None


# what a Chinese price is per, written before it: "每架每月8000元", "每千瓦每月150元"; the
# price's name may stand between ("每兆瓦投资约1000万元", "每月租金8000元")
_PRICE_NAME = (
    r"(?:建设投资|建設投資|投资额|投資額|投资|投資|造价|造價|建设成本|建設成本|成本|租金|价格|價格"
    r"|电价|電價|费用|費用|售价|售價|单价|單價)(?:为|為|是|在|约为|約為)?"
)
_PER_BEFORE = re.compile(
    rf"((?:每\s*[^\d\s每，。,；;：:、（(]{{1,3}}?)+?)\s*(?:{_PRICE_NAME})?\s*$"
)
# things a price is per that the registry lacks, kept as written ("每机柜每年10万元")
_PER_NOUNS = frozenset(["机柜", "機櫃", "柜", "櫃", "卡", "张卡", "張卡", "GPU", "户", "戶"])


def per_before(scan: str, start: int, quantity: Quantity, floor: int) -> tuple[int, str] | None:
    """The new start and unit of an amount after "每X每Y" (per X per Y, Chinese order):
    "每架每月8000元" is 8000 "CNY/racks/month", "每机柜每年10万元" 10 "CNY 10k/机柜/year",
    "每兆瓦投资约1000万元" (the price's name between) 1000 "CNY 10k/MW", "每月租金8000元"
    (monthly rent) 8000 "CNY/month"; or None when a word after 每 is neither a registry
    unit without a magnitude nor a thing a price is per ("每年新增200亿元")."""
    from idcforecast.units import parse_unit

    if dimension(quantity.unit) in ("count", "percent", "points") or "/" in quantity.unit:
        return None  # "每年20%" is 20% a year: a percent a year is a percent
    before = _PER_BEFORE.search(scan, max(floor, start - 16), start)
    if before is None:
        return None
    names = []
    for piece in before[1].split("每")[1:]:
        piece = piece.strip()
        try:
            unit = parse_unit(piece)
        except IdcForecastError:
            if piece not in _PER_NOUNS:
                return None
            names.append(piece)
            continue
        if unit.magnitude is not None or unit.per or unit.dimension in ("money", "count"):
            return None
        names.append(unit.base)
    return before.start(), "/".join([quantity.unit, *names])


def _known(word: str) -> bool:
    from idcforecast.units import parse_unit

    try:
        parse_unit(word)
    except IdcForecastError:
        return False
    return True


# "12 kW per rack in 2024 from 8.4 kW": a level after "from", in the same sentence
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]|\.\s")


def rate_of_before(scan: str, previous: tuple[int, str] | None, start: int, unit: str) -> str:
    """``unit``, or the rate unit of the figure before (``previous``: its end and unit)
    when this figure is the level that one is compared with ("12 kW per rack in 2024 from
    8.4 kW": kW/racks, the "per rack" written once for both): after "from", in the same
    sentence, its unit the rate's amount."""
    if previous is None or "/" in unit or not previous[1].startswith(unit + "/"):
        return unit
    between = scan[previous[0] : start]
    if _SENTENCE_BREAK.search(between) or not _FROM_BEFORE.search(between):
        return unit
    return previous[1]
