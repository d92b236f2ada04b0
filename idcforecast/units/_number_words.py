"""English number words as digits, character for character (so that offsets in a text
stay): before a magnitude word ("two billion yuan" is read as "2   billion yuan", 2 CNY bn;
"twenty-five million servers" as "25          million servers") or with "hundred" ("two
hundred servers" as "200         servers"). Elsewhere a number word is a word ("one of the
largest", "two sites").
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
_ONE_TO_99 = (
    rf"(?:(?P<{{0}}tens>{'|'.join(_TENS)})(?:[- ](?P<{{0}}unit>{'|'.join(_ONES[:9])}))?"
    rf"|(?P<{{0}}ones>{'|'.join(_ONES)}))"
)
_NUMBER_WORD = re.compile(
    # "two hundred", "three hundred and fifty" (a number by "hundred" itself), or a number
    # word 1..99 before a magnitude word ("two billion", "twenty-five million")
    r"\b(?:(?P<hundreds>" + "|".join(_ONES[:9]) + r")\s+hundred(?:\s+(?:and\s+)?"
    + _ONE_TO_99.format("rest_") + r")?\b"
    + r"|" + _ONE_TO_99.format("") + r"(?=\s+(?:thousand|million|billion|trillion)\b))",
    re.IGNORECASE,
)  # fmt: skip

_WORD_BEFORE_MAGNITUDE = re.compile(
    r"[a-z]\s+(?:hundred|thousand|million|billion|trillion)\b", re.IGNORECASE
)


def _below_100(match: re.Match[str], prefix: str) -> int:
    if match[prefix + "ones"]:
        return _VALUES[match[prefix + "ones"].lower()]
    if match[prefix + "tens"]:
        unit = match[prefix + "unit"]
        return _VALUES[match[prefix + "tens"].lower()] + (_VALUES[unit.lower()] if unit else 0)
    return 0


def _digits(match: re.Match[str]) -> str:
    if match["hundreds"]:
        value = 100 * _VALUES[match["hundreds"].lower()] + _below_100(match, "rest_")
    else:
        value = _below_100(match, "")
    return str(value).ljust(len(match[0]))


def number_words(text: str) -> str:
    """``text`` with each English number word before a magnitude word as its digits, spaces
    after them to the word's length; other text as it is.

    Examples
    --------
    >>> number_words("Tencent will invest two billion yuan in twenty-five million servers.")
    'Tencent will invest 2   billion yuan in 25          million servers.'
    >>> number_words("three hundred and fifty million yuan, two hundred servers")
    '350                     million yuan, 200         servers'
    >>> number_words("one of the two sites")
    'one of the two sites'
    """
    if not (
        "illion" in text
        or "housand" in text
        or "undred" in text
        or "ILLION" in text
        or "HOUSAND" in text
        or "UNDRED" in text
    ):
        return text  # no magnitude word (a look-up per case: no lowered copy of each text)
    if _WORD_BEFORE_MAGNITUDE.search(text) is None:
        return text  # "$2 billion": digits before each (one simple pattern, then the words)
    return _NUMBER_WORD.sub(_digits, text)
