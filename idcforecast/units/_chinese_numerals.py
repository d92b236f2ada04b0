"""The Chinese numerals that a figure reads safely: one numeral before a magnitude word or
成 ("五百亿元", "两千亿元", "三成"), written as its digit, character for character (so that
offsets in a text stay). Compound numerals ("三千五百亿元"), numerals inside a word or a
name ("十四五", a five-year plan; "一成不变", an idiom) are left as written: no figure.
"""

from __future__ import annotations

import re

__all__ = ["CJK_NUMERAL", "arabic_numerals"]

_DIGITS = {"一": "1", "二": "2", "两": "2", "兩": "2", "三": "3", "四": "4", "五": "5"}
_DIGITS |= {"六": "6", "七": "7", "八": "8", "九": "9"}
_NUMERAL_CHARS = "〇零一二两兩三四五六七八九十百千万萬亿億"
# words that begin with 成 (成本 cost, 成功 success, 成立 founded...): no tenths; nor is a
# numeral after 成 ("九成九", 99%)
_CHENG_WORDS = "不变|不變|本|功|立|长|長|交|员|員|果|熟|都|绩|績|型|品|就|效"
_ONE_NUMERAL = re.compile(
    rf"(?<![{_NUMERAL_CHARS}\d.])[一二两兩三四五六七八九]"
    rf"(?=[十百千万萬亿億]+(?![{_NUMERAL_CHARS}])|成(?!{_CHENG_WORDS}|[{_NUMERAL_CHARS}]))"
)
CJK_NUMERAL = re.compile(rf"[{_NUMERAL_CHARS}]")


def arabic_numerals(text: str) -> str:
    """``text`` with each lone Chinese numeral before a magnitude word or 成 as its digit
    ("两千亿元" -> "2千亿元", "三成" -> "3成"); the same length, other text as it is.

    Examples
    --------
    >>> arabic_numerals("五百亿元，三成，十四五，三千五百亿元")
    '5百亿元，3成，十四五，三千五百亿元'
    """
    return _ONE_NUMERAL.sub(lambda m: _DIGITS[m[0]], text)
