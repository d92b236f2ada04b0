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
from idcforecast._text_places import (
    PlaceAt,
    Search,
    file_places,
    first_word,
    joined_places,
    quoted_place_text,
)

__all__ = ["SIGNS", "check_file_traditional_yuan", "check_traditional_yuan"]

# the traditional-script magnitudes before 元 (億 also Japanese: a Japanese text's 億元 is yuan)
SIGNS = ("億元", "萬元")
# a bare one: no currency word beside it ("新台幣億元", "億元人民幣", "港幣 萬元", "NT$ 億元")
# (the magnitude first, so that the search skips to it; the words before it looked back at)
_BARE = re.compile(
    r"[億萬](?<!幣.)(?<!币.)(?<!\$.)(?<!NTD.)(?<!TWD.)(?<!HKD.)(?<!RMB.)(?<!CNY.)"
    r"(?<!幣 .)(?<!币 .)(?<!\$ .)(?<!NTD .)(?<!TWD .)(?<!HKD .)(?<!RMB .)(?<!CNY .)"
    r"元(?!\s*[(（]?\s*(?:人民幣|人民币|新?[台臺]幣|台币|港幣|港币|RMB|CNY|TWD|HKD))"
)
# the words that name Taiwan or Hong Kong, and the mainland: plain Chinese ones, searched
# as literals (the search skips to their first characters), and Latin ones as whole words,
# searched only when their text is there (a 17 MB file in 0.1 s, where one pattern of them
# all, with its word boundaries, took 3 s to find nothing)
_TAIWAN_OR_HONG_KONG: tuple[Search, ...] = (
    (
        re.compile(
            "台灣|臺灣|台湾|新台幣|新臺幣|新台币|台幣|臺幣|台币|台北|臺北|香港|港元|港幣|港币"
        ),
        "台臺港",
    ),
    (
        re.compile(
            r"(?<![A-Za-z])NT\$|\bTWD\b|\bTaiwan(?:ese)?\b|\bTaipei\b|(?<![A-Za-z])HK\$|\bHKD\b"
            r"|\bHong\s*Kong\b"
        ),
        re.compile(r"NT\$|TWD|Taiwan|Taipei|HK\$|HKD|Hong"),
    ),
)
_MAINLAND: tuple[Search, ...] = (
    (re.compile("人民幣|人民币|中國|中国|大陸|大陆|內地|内地|北京|上海"), "人中大內内北上"),
    (
        re.compile(
            r"\bRMB\b|\bCNY\b|\b[Yy]uan\b|\b[Rr]enminbi\b|\bChina\b|\bChinese\b|\bBeijing\b"
            r"|\bShanghai\b"
        ),
        re.compile("RMB|CNY|uan|enminbi|Chin|Beijing|Shanghai"),
    ),
)


def check_traditional_yuan(texts: Iterable[tuple[str, str]], name: str) -> None:
    """Check the bare 億元 / 萬元 of a table's ``texts`` (``(place, text)`` pairs: a sheet's
    header and cells, its name and the file's) before they are read as yuan.

    Raises a :class:`~idcforecast.errors.UnitError` naming the first one's place and the
    Taiwan or Hong Kong word when the texts name either (a bare 元 there is their dollar:
    about 4x off for TWD); warns with :class:`~idcforecast.errors.AssumedCurrencyWarning`
    when they name neither them nor the mainland. Nothing when they name the mainland or
    its money alone, or hold no bare 億元 / 萬元."""
    _check(*joined_places(texts), name)


def check_file_traditional_yuan(text: str, name: str) -> None:
    """:func:`check_traditional_yuan` of a text file: its name and its ``text``, searched
    whole (a 500,000-line file in a fraction of a second), a place named by its line."""
    _check(*file_places(text, name), name)


def _check(joined: str, pair_at: PlaceAt, name: str) -> None:
    """The check of :func:`check_traditional_yuan` on the ``joined`` texts, ``pair_at`` an
    offset's ``(place, text)``."""
    signs = _BARE.search(joined)
    if signs is None:
        return
    place, text = pair_at(signs.start())
    where = f"{place}{quoted_place_text(text)}"
    count = sum(joined.count(sign) for sign in SIGNS)  # with any not bare: a count said
    more = f" and {count - 1} more" if count > 1 else ""
    from idcforecast.errors import AssumedCurrencyWarning, UnitError

    other = first_word(joined, *_TAIWAN_OR_HONG_KONG)
    if other is not None:
        other_place, other_text = pair_at(other[0])
        raise UnitError(
            f"{name}: '億元'/'萬元' at {where}{more} reads as yuan (CNY) but the file names "
            f"Taiwan or Hong Kong ({other[1]!r} at {other_place}"
            f"{quoted_place_text(other_text, other[1])}), "
            "where a bare 元 is the local dollar (a New Taiwan dollar is about a fourth of a "
            "yuan); expected the currency said: write 'TWD 100m' (億新台幣), 'HKD 100m' (億港元) "
            "or 'CNY 100m' (人民幣億元) in place of '億元' ('TWD 10k' etc. for '萬元')",
            source=name,
            place=place,
        )
    if first_word(joined, *_MAINLAND) is not None:
        return
    warnings.warn(
        f"{name}: '億元'/'萬元' at {where}{more} read as yuan (CNY), assumed: the file is in "
        "traditional script and names neither mainland China nor Taiwan or Hong Kong, where "
        "a bare 元 is the local dollar; write 'CNY 100m' (人民幣億元) or 'TWD 100m' / "
        "'HKD 100m' in place of '億元' to say which and silence this note",
        AssumedCurrencyWarning,
        stacklevel=caller_stacklevel(),
    )
