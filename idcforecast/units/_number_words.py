"""English number words before a magnitude word as digits, character for character (so
that offsets in a text stay): "two billion yuan" is read as "2   billion yuan" (2 CNY bn),
"twenty-five million servers" as "25          million servers". Elsewhere a number word is
a word ("one of the largest", "two sites"): only a magnitude word after it makes it a
figure's number.
"""

from __future__ import annotations

import re

__all__ = ["number_words"]

_ONES = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_VALUES = {word: i + 1 for i, word in enumerate(_ONES)} | {
    word: 10 * (i + 2) for i, word in enumerate(_TENS)
}
_NUMBER_WORD = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS)})(?:[- ](?P<unit>{'|'.join(_ONES[:9])}))?"
    rf"|(?P<ones>{'|'.join(_ONES)}))"
    r"(?=\s+(?:thousand|million|billion|trillion)\b)",
    re.IGNORECASE,
)

_WORD_BEFORE_MAGNITUDE = re.compile(r"[a-z]\s+(?:thousand|million|billion|trillion)\b", re.I)


def _digits(match: re.Match[str]) -> str:
    if match["ones"]:
        value = _VALUES[match["ones"].lower()]
    else:
        value = _VALUES[match["tens"].lower()] + (
            _VALUES[match["unit"].lower()] if match["unit"] else 0
        )
    return str(value).ljust(len(match[0]))


def number_words(text: str) -> str:
    """``text`` with each English number word before a magnitude word as its digits, spaces
    after them to the word's length; other text as it is.

    Examples
    --------
    >>> number_words("Tencent will invest two billion yuan in twenty-five million servers.")
    'Tencent will invest 2   billion yuan in 25          million servers.'
    >>> number_words("one of the two sites")
    'one of the two sites'
    """
    if not ("illion" in text or "housand" in text or "ILLION" in text or "HOUSAND" in text):
        return text  # no magnitude word (a look-up per case: no lowered copy of each text)
    if _WORD_BEFORE_MAGNITUDE.search(text) is None:
        return text  # "$2 billion": digits before each (one simple pattern, then the words)
    return _NUMBER_WORD.sub(_digits, text)
