"""English number words as digits, character for character (so that offsets in a text
stay): before a magnitude word ("two billion yuan" is read as "2   billion yuan", 2 CNY bn;
"twenty-five million servers" as "25          million servers"; "a million servers" as
"1 million servers"), with "hundred" ("two hundred servers" as "200         servers", "a
hundred megawatts" as "100       megawatts", "twenty-five hundred" 2500), a thousand with
what follows it ("two thousand five hundred megawatts" 2500: never 2 thousand and 500 MW),
halves ("half a billion" 0.5 billion, "one and a half million" 1.5 million) and dozens ("a
dozen" 12, "two dozen" 24, "half a dozen" 6), and before a unit of power, energy, compute or
percent, spelled out or its symbol ("two percent" 2%, "five megawatts" 5 MW, "ten GW" 10
GW). Elsewhere a number word is a word ("one of the largest", "two sites", "dozens of").
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["number_words"]

_ONES = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_VALUES = {word: i + 1 for i, word in enumerate(_ONES)} | {
    word: 10 * (i + 2) for i, word in enumerate(_TENS)
}
# 1..99: "twenty-five", "twenty five", "fifteen" (longest first: "seventeen" is no "seven")
_BELOW_100 = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[:9])})\b)?"
    rf"|(?:{'|'.join(sorted(_ONES, key=len, reverse=True))}))"
)
# "two hundred and fifty", "a hundred", "twenty-five hundred" (2500)
_HUNDREDS = rf"(?:(?:{_BELOW_100}|a)\s+hundred(?:\s+(?:and\s+)?{_BELOW_100}\b)?)"
_SMALL = rf"(?:{_HUNDREDS}|{_BELOW_100})"
# not a compound adjective ("a billion-dollar company" is no 1 billion)
_MAGNITUDE = r"(?:thousand|million|billion|trillion)\b(?!-)"
# units a number word before them counts, spelled out as prose spells numbers: "two
# percent", "five megawatts"
_UNIT = (
    r"(?:percent|per\s+cent|percentage\s+points?|basis\s+points?"
    r"|(?:kilo|mega|giga|tera)watts?(?:[- ]hours?)?|(?:exa|peta)flops)\b"
)
# and their symbols, as written ("ten GW", "two TWh", "five EFLOPS"; "ten gw" is none)
_SYMBOL = r"(?-i:[kMGT]Wh?|[EPT]FLOPS)\b"
_NUMBER_WORD = re.compile(
    r"\b(?:"
    # a thousand with its hundreds or units: "two thousand five hundred" is 2500
    rf"(?:{_SMALL}|a)\s+thousand\s+(?:and\s+)?{_SMALL}\b(?!\s+thousand\b)"
    # dozens: "a dozen" 12, "two dozen" 24, "half a dozen" 6 ("dozens of" is no number)
    rf"|(?:half\s+an?|a|{_BELOW_100})\s+dozen\b"
    # halves before a magnitude word: "half a billion", "one and a half million"
    rf"|(?:{_BELOW_100}\s+and\s+a\s+half|half\s+an?|a\s+half)(?=\s+{_MAGNITUDE})"
    # "two hundred", "three hundred and fifty", "a hundred", "fifteen hundred" (not "a
    # hundred-year-old")
    rf"|{_HUNDREDS}\b(?!-)"
    # a number word 1..99 or "a" before a magnitude word ("two billion", "a million")
    rf"|(?:{_BELOW_100}|a)(?=\s+{_MAGNITUDE})"
    # a number word 1..99 before a unit ("two percent", "five megawatts", "ten GW")
    rf"|{_BELOW_100}(?=\s+(?:{_UNIT}|{_SYMBOL})))",
    re.IGNORECASE,
)

_WORD_BEFORE_MAGNITUDE = re.compile(
    rf"[a-z]\s+(?:hundred|thousand|million|billion|trillion|dozen|{_UNIT})", re.IGNORECASE
)
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
# a word before a symbol ("ten GW", "five EFLOPS"), not digits ("300 MW")
_WORD_BEFORE_SYMBOL = re.compile(r"[A-Za-z] (?:[kMGT]W|[EPT]FLOPS)")


def _value(words: str) -> Decimal:
    """The number that ``words`` (a match of ``_NUMBER_WORD``) say: "two thousand five
    hundred" 2500, "twenty-five hundred" 2500, "half a dozen" 6, "one and a half" 1.5."""
    lower = " ".join(_WORD.findall(words.lower()))
    if lower.endswith(" and a half"):
        return _value(lower[: -len(" and a half")]) + Decimal("0.5")
    if lower == "a half":
        return Decimal("0.5")  # "a half billion"
    if lower.startswith("half "):
        return _value(lower.removeprefix("half ")) / 2  # "half a billion", "half a dozen"
    total, current = Decimal(0), Decimal(0)
    for word in lower.split():
        if word in ("a", "an"):
            current = Decimal(1)  # "a hundred", "a dozen", "half a billion"
        elif word == "hundred":
            current = (current or Decimal(1)) * 100
        elif word == "thousand":
            total, current = total + (current or Decimal(1)) * 1000, Decimal(0)
        elif word == "dozen":
            current = (current or Decimal(1)) * 12
        elif word in _VALUES:
            current += _VALUES[word]
    return total + current


# "a hundred percent sure": a word of certainty, no share (as "我百分之百确定" is none)
_CERTAIN = re.compile(
    r"\s+(?:percent|per\s+cent)\s+(?:sure|certain|confident|committed|convinced|behind|right"
    r"|correct|true|honest|serious)\b",
    re.IGNORECASE,
)


def _digits(match: re.Match[str]) -> str:
    value = _value(match[0])
    if value == 100 and _CERTAIN.match(match.string, match.end()):
        return match[0]
    return format(value.normalize(), "f").ljust(len(match[0]))


def number_words(text: str) -> str:
    """``text`` with each English number word before a magnitude word or a unit of power,
    energy, compute or percent, with "hundred" or "dozen", as its digits, spaces after them
    to the words' length; other text as it is.

    Examples
    --------
    >>> number_words("Tencent will invest two billion yuan in twenty-five million servers.")
    'Tencent will invest 2   billion yuan in 25          million servers.'
    >>> number_words("three hundred and fifty million yuan, two hundred servers")
    '350                     million yuan, 200         servers'
    >>> number_words("two thousand five hundred megawatts, half a billion dollars")
    '2500                      megawatts, 0.5    billion dollars'
    >>> number_words("a hundred racks, a dozen sites, a million servers")
    '100       racks, 12      sites, 1 million servers'
    >>> number_words("two percent, five megawatts, ten gigawatts")
    '2   percent, 5    megawatts, 10  gigawatts'
    >>> number_words("ten GW of load, two TWh, five EFLOPS")
    '10  GW of load, 2   TWh, 5    EFLOPS'
    >>> number_words("one of the two sites")
    'one of the two sites'
    """
    if not (
        "illion" in text
        or "housand" in text
        or "undred" in text
        or "ozen" in text
        or "er cent" in text
        or "ercent" in text
        or "watt" in text
        or "WATT" in text
        or "lops" in text
        or "point" in text
        or "ILLION" in text
        or "HOUSAND" in text
        or "UNDRED" in text
        or "OZEN" in text
        or "ERCENT" in text
        or "LOPS" in text
        or "POINT" in text
    ):
        if not ("W" in text or "FLOPS" in text) or not _WORD_BEFORE_SYMBOL.search(text):
            return text  # no magnitude or unit word (a look-up per case: no lowered copy)
    elif _WORD_BEFORE_MAGNITUDE.search(text) is None and (
        not ("W" in text or "FLOPS" in text) or not _WORD_BEFORE_SYMBOL.search(text)
    ):
        return text  # "$2 billion": digits before each (one simple pattern, then the words)
    return _NUMBER_WORD.sub(_digits, text)
