"""A number written in two magnitude words as one number, character for character (so that
offsets in a text stay): "1亿5000万元" (one 亿 and 5000 万) is "0001.5亿元", 1.5亿元, never
1亿 and 5000万元 apart (also with grouped thousands, "1亿5,000万元"); "1万亿2000亿元" is
1.2万亿元; Korean "2조5000억원" and "2조 5000억
원" (2 조 and 5000 억) 2.5조원, "1조2천억원" 1.2조원. The leading zeros keep the length, as
:mod:`idcforecast.units._chinese_numerals` writes "0120万台". A second part that does not
fit below the first ("1亿5亿"), or whose digits do not fit in the characters written
("1亿5万" is 1.0005亿: six digits in three places), is left as written.
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["compound_magnitudes", "japanese_trillions"]

# the magnitude words a number's first part ends in
_LARGE = {"万亿": 10**12, "萬億": 10**12, "亿": 10**8, "億": 10**8, "万": 10**4, "萬": 10**4}
_LARGE |= {"조": 10**12, "억": 10**8, "만": 10**4}  # Korean
# the magnitude words of its second part
_SMALL = {
    "千亿": 10**11, "千億": 10**11, "百亿": 10**10, "百億": 10**10, "十亿": 10**9, "十億": 10**9,
    "亿": 10**8, "億": 10**8, "千万": 10**7, "千萬": 10**7, "百万": 10**6, "百萬": 10**6,
    "十万": 10**5, "十萬": 10**5, "万": 10**4, "萬": 10**4, "千": 10**3, "仟": 10**3,
    "천억": 10**11, "백억": 10**10, "십억": 10**9, "억": 10**8, "천만": 10**7, "백만": 10**6,
    "십만": 10**5, "만": 10**4, "천": 10**3,
}  # fmt: skip


def _words(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# the second part may group its thousands ("2兆4,000億円", "1亿5,000万元", as Japanese and
# Chinese news write them)
_SECOND = r"(\d{1,3}(?:,\d{3})+|\d+)"
_COMPOUND = re.compile(
    rf"(?<![\d.,])(\d+)({_words(_LARGE)}) ?{_SECOND}({_words(_SMALL)})"
    r"(?![万萬亿億억조만\d])"
)
# a digit, a large magnitude word and a digit again: the shape of every compound here
_TWO_PARTS = re.compile(r"\d(?:万亿|萬億|[万萬亿億조억만兆]) ?\d")


def _one_number(match: re.Match[str]) -> str:
    first, large, second, small = match[1], match[2], match[3].replace(",", ""), match[4]
    high, low = _LARGE[large], _SMALL[small]
    if int(second) * low >= high:
        return match[0]  # "1亿5亿", "1万5000万": no part below the first
    value = Decimal(first) + Decimal(second) * low / high
    written = format(value.normalize(), "f")
    width = len(match[0]) - len(large)
    if len(written) > width:
        return match[0]  # "1亿5万" (1.0005亿): its digits do not fit
    return written.rjust(width, "0") + large


# Japanese "1兆2000億円" (1 兆, a trillion, and 2000 億): the registry lacks 兆 (mega- in
# Chinese units), so the number is written in 億: "012000億円", 12000億円 (it read 2000億円)
_CHO_OKU = re.compile(r"(?<![\d.,])(\d+)兆 ?(\d,\d{3}|\d{1,4})(億|亿)(?![万萬亿億\d])")


def _in_oku(match: re.Match[str]) -> str:
    written = str(int(match[1]) * 10**4 + int(match[2].replace(",", "")))
    width = len(match[0]) - 1
    return match[0] if len(written) > width else written.rjust(width, "0") + match[3]


def compound_magnitudes(text: str) -> str:
    """``text`` with each number written in two magnitude words as one number in the first
    word, zeros before it to the length written; other text as it is.

    Examples
    --------
    >>> compound_magnitudes("投资1亿5000万元，1万亿2000亿元")
    '投资0001.5亿元，0001.2万亿元'
    >>> compound_magnitudes("2조5000억원, 1조2천억원, 1兆2000億円")
    '0002.5조원, 01.2조원, 012000億円'
    >>> compound_magnitudes("2兆4,000億円, 1亿5,000万元")
    '0024000億円, 00001.5亿元'
    """
    if text.isascii() or not _TWO_PARTS.search(text):
        return text  # most figures: one magnitude word ("1562.5亿元")
    if "兆" in text:
        text = _CHO_OKU.sub(_in_oku, text)
    return _COMPOUND.sub(_one_number, text)


# 兆 before yen or dollars in Japanese ("1.5兆円", "1兆ドル") is a trillion, never the mega-
# of Chinese units ("兆瓦", MW) nor the Chinese 兆 of either reading ("1兆元" is left unknown);
# after a number, or starting a unit ("兆円" as parse_unit takes it)
_CHO_MONEY = re.compile(r"(?:(?<=\d)|(?<!\S))兆(?=\s*(?:円|日元|米ドル|ドル))")


def japanese_trillions(text: str) -> str:
    """``text`` with the 兆 of a Japanese amount of yen or dollars as 万亿 (a trillion, the
    registry's Chinese word for it); other text as it is.

    Examples
    --------
    >>> japanese_trillions("1.5兆円"), japanese_trillions("1兆元")
    ('1.5万亿円', '1兆元')
    >>> japanese_trillions("兆円"), japanese_trillions("兆瓦"), japanese_trillions("億兆円")
    ('万亿円', '兆瓦', '億兆円')
    """
    return _CHO_MONEY.sub("万亿", text)
