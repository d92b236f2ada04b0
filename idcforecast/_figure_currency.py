"""Which currency a bare "¥" of a text is: yuan (the registry's reading, for Chinese sources)
or yen, when the figure's sentence, else the text, is about Japan and not China.
:mod:`idcforecast.text_figures` finds the figures; this module only re-reads that sign.
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

# a "¥" that no letters name ("CN¥", "RMB¥", "JP¥" say which yen or yuan they are)
_BARE_YEN_SIGN = re.compile(r"(?<![A-Za-z])¥")
_JAPAN = re.compile(
    r"[\u3040-\u30ff]|円|日元|日圓|日币|日幣|日本|\bJPY\b|\b[Yy]en\b|\bJapan(?:ese)?\b|\bTokyo\b"
    r"|\bOsaka\b|\b(?:NTT|KDDI|SoftBank|Fujitsu|Hitachi|NEC|Sakura\s+Internet|IIJ|Rakuten)\b",
)  # kana (hiragana, katakana) write only Japanese; Japanese operators name Japan
_CHINA = re.compile(
    r"人民币|人民幣|(?<![日美欧歐港澳加新台])元|中国|中國|\bRMB\b|\bCNY\b|\b[Yy]uan\b"
    r"|\b[Rr]enminbi\b|\bChina\b|\bChinese\b|\bBeijing\b|\bShanghai\b"
    r"|\b(?:Alibaba|Tencent|Baidu|Huawei|GDS|Chindata|ByteDance)\b",
)


def _side(text: str) -> str | None:
    """ "JPY" or "CNY" when ``text`` names one country's money or places only, else None."""
    japan, china = _JAPAN.search(text) is not None, _CHINA.search(text) is not None
    if japan == china:
        return None
    return "JPY" if japan else "CNY"


def _alternate_says(quantity: Quantity, year: int | None) -> str | None:
    """ "JPY" or "CNY" when the figure's own alternate in a third currency ("¥440 billion
    ($2.9 billion)") matches one reading (within a factor 1.5) and misses the other (by a
    factor 3 or more; a yen is about a twentieth of a yuan), at the figure's year, else
    the latest year of the FX table; None otherwise."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_unit

    alternate = quantity.alternate
    if alternate is None or alternate.value <= 0 or quantity.value <= 0:
        return None
    try:
        currency = parse_unit(alternate.unit).currency
        if currency in (None, "CNY", "JPY"):
            return None
        as_yen = dataclasses.replace(quantity, unit="JPY" + quantity.unit[3:], alternate=None)
        on = year if year is not None else _latest_year()
        gaps = {
            side: abs(math.log(q.to(alternate.unit, year=on).value / alternate.value))
            for side, q in (("CNY", dataclasses.replace(quantity, alternate=None)), ("JPY", as_yen))
        }
    except IdcForecastError:
        return None
    near, far = sorted(gaps, key=gaps.__getitem__)
    return near if gaps[near] < math.log(1.5) and gaps[far] > math.log(3) else None


def _latest_year() -> int | None:
    """The latest year of the bundled FX table with both the yuan and the yen per dollar."""
    from idcforecast.units.fx import fx_table

    table = fx_table()
    years = set(table.get(("USD", "CNY"), {})) & set(table.get(("USD", "JPY"), {}))
    return max(years, default=None)


def yen_or_yuan(
    text: str,
    figure: tuple[int, int],
    sentence: tuple[int, int],
    quantity: Quantity,
    year: int | None = None,
) -> Quantity:
    """``quantity`` in yen when its ``figure`` (start, end in ``text``) writes a bare "¥"
    read as yuan and its ``sentence`` (start, end), else its paragraph (the line it is
    on), else the whole ``text``, is about Japan alone ("¥1.2 trillion in data centers
    in Japan", a sentence with kana, "NTT plans to invest ¥1.5 trillion"); otherwise as
    read. Both countries named, or neither, leave the registry's reading, yuan. Before all
    that, the figure's own alternate in a third currency decides when it matches one
    reading and not the other ("¥440 billion ($2.9 billion)" is yen), at ``year``."""
    if not quantity.unit.startswith("CNY") or not _BARE_YEN_SIGN.search(text, *figure):
        return quantity
    if said := _alternate_says(quantity, year):  # the text's own second figure decides
        return quantity if said == "CNY" else _in_yen(quantity)
    line_start = text.rfind("\n", 0, sentence[0]) + 1
    line_end = text.find("\n", sentence[1])
    places = (text[slice(*sentence)], text[line_start : len(text) if line_end < 0 else line_end])
    if (_side(places[0]) or _side(places[1]) or _side(text)) != "JPY":
        return quantity
    return _in_yen(quantity)


def yuan_assumed(text: str, figure: tuple[int, int], quantity: Quantity) -> bool:
    """Whether ``quantity``, read as yuan from a bare "¥" of its ``figure``, is yuan only by
    the registry's default: its alternate does not decide, and ``text`` names neither
    China nor Japan and has no Chinese characters (a Chinese text's "¥" is yuan)."""
    if not quantity.unit.startswith("CNY") or not _BARE_YEN_SIGN.search(text, *figure):
        return False
    if _CJK.search(text) or _side(text) is not None:
        return False
    return _alternate_says(quantity, None) is None


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _in_yen(quantity: Quantity) -> Quantity:
    return dataclasses.replace(quantity, unit="JPY" + quantity.unit[3:])
