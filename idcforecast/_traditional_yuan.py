"""Which currency a table's bare 億元 / 萬元 is. The unit registry reads "元" as yuan (CNY),
as mainland sources mean it, so "（億元）" and "1,562億元" are CNY 100m. Taiwan and Hong Kong
write in the same traditional script, where a bare 元 is their own dollar: 億元 in a Taiwan
report is TWD 100m, about a fourth of a yuan (a Hong Kong one's HKD, about 0.9 yuan).

A table file holding a bare 億元 or 萬元 (no currency word beside it) is read with it as
yuan when the file names the mainland or its money (人民幣, 中國, RMB...); one naming Taiwan
or Hong Kong (台灣, 新台幣, NT$, 香港, 港元, HK$...) is ambiguous and an error naming the cell
and the choice; one naming none of them is read as yuan with an
:class:`~idcforecast.errors.AssumedCurrencyWarning` saying so.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

from idcforecast._caller import caller_stacklevel

__all__ = ["SIGNS", "check_traditional_yuan"]

# the traditional-script magnitudes before 元 (億 also Japanese: a Japanese text's 億元 is yuan)
SIGNS = ("億元", "萬元")
_SIGN = re.compile(r"[億萬]元")
# a currency word beside it names the money: "新台幣億元", "億元人民幣", "港幣 萬元"
_WORD_BEFORE = re.compile(r"(?:幣|币|\$|NTD|TWD|HKD|RMB|CNY)\s*$", re.IGNORECASE)
_WORD_AFTER = re.compile(
    r"^\s*[(（]?\s*(?:人民幣|人民币|新?[台臺]幣|台币|港幣|港币|RMB|CNY|TWD|HKD)"
)
_TAIWAN_OR_HONG_KONG = re.compile(
    r"台灣|臺灣|台湾|新[台臺]幣|新台币|[台臺]幣|台币|(?<![A-Za-z])NT\$|\bTWD\b|\bTaiwan(?:ese)?\b"
    r"|\bTaipei\b|台北|臺北|香港|港元|港幣|港币|(?<![A-Za-z])HK\$|\bHKD\b|\bHong\s*Kong\b",
)
_MAINLAND = re.compile(
    r"人民幣|人民币|中國|中国|大陸|大陆|內地|内地|北京|上海|\bRMB\b|\bCNY\b|\b[Yy]uan\b"
    r"|\b[Rr]enminbi\b|\bChina\b|\bChinese\b|\bBeijing\b|\bShanghai\b",
)


def _bare_signs(text: str) -> bool:
    """Whether ``text`` holds a 億元 or 萬元 with no currency word beside it."""
    for found in _SIGN.finditer(text):
        before, after = text[: found.start()], text[found.end() :]
        if _WORD_BEFORE.search(before[-8:]) or _WORD_AFTER.match(after):
            continue
        return True
    return False


def check_traditional_yuan(texts: Iterable[tuple[str, str]], name: str) -> None:
    """Check the bare 億元 / 萬元 of a table file's ``texts`` (``(place, text)`` pairs: its
    lines, or its header and cells) before they are read as yuan.

    Raises a :class:`~idcforecast.errors.UnitError` naming the first one's place and the
    Taiwan or Hong Kong word when the file names either (a bare 元 there is their dollar:
    about 4x off for TWD); warns with :class:`~idcforecast.errors.AssumedCurrencyWarning`
    when it names neither them nor the mainland. Nothing when it names the mainland or its
    money alone, or holds no bare 億元 / 萬元."""
    pairs = [(place, text) for place, text in texts if text]
    signs = [(place, text) for place, text in pairs if _bare_signs(text)]
    if not signs:
        return
    place, text = signs[0]
    where = f"{place}{_quoted(text)}"
    more = f" and {len(signs) - 1} more" if len(signs) > 1 else ""
    other = next(
        ((p, m.group(), t) for p, t in pairs if (m := _TAIWAN_OR_HONG_KONG.search(t))), None
    )
    from idcforecast.errors import AssumedCurrencyWarning, UnitError

    if other is not None:
        raise UnitError(
            f"{name}: '億元'/'萬元' at {where}{more} reads as yuan (CNY) but the file names "
            f"Taiwan or Hong Kong ({other[1]!r} at {other[0]}{_quoted(other[2], other[1])}), "
            "where a bare 元 is the local dollar (a New Taiwan dollar is about a fourth of a "
            "yuan); expected the currency said: write 'TWD 100m' (億新台幣), 'HKD 100m' (億港元) "
            "or 'CNY 100m' (人民幣億元) in place of '億元' ('TWD 10k' etc. for '萬元')",
            source=name,
            place=place,
        )
    if any(_MAINLAND.search(t) for _, t in pairs):
        return
    warnings.warn(
        f"{name}: '億元'/'萬元' at {where}{more} read as yuan (CNY), assumed: the file is in "
        "traditional script and names neither mainland China nor Taiwan or Hong Kong, where "
        "a bare 元 is the local dollar; write 'CNY 100m' (人民幣億元) or 'TWD 100m' / "
        "'HKD 100m' in place of '億元' to say which and silence this note",
        AssumedCurrencyWarning,
        stacklevel=caller_stacklevel(),
    )


def _quoted(text: str, word: str = "") -> str:
    """`` ('text')`` for a message, cut at 60 characters; empty when it is ``word`` alone."""
    shown = text.strip()
    if shown == word:
        return ""
    return f" ({shown if len(shown) <= 60 else shown[:57] + '...'!r})"
