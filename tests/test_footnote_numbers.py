"""``footnote_numbers`` checks each distinct character once: the same answer as a check of
every character (the definition it replaced), on many random strings."""

from __future__ import annotations

import random
import sys
import unicodedata

from idcforecast._cells import _MARK_SYMBOLS, _is_exponent, footnote_numbers


def _every_character(text: str) -> list[int]:
    """The definition: every position whose character is an "other number" (category No)
    but a fraction, no footnote symbol, outside a unit's exponent."""
    return [
        j
        for j, ch in enumerate(text)
        if unicodedata.category(ch) == "No"
        and "FRACTION" not in unicodedata.name(ch, "")
        and ch not in _MARK_SYMBOLS
        and not _is_exponent(text, j)
    ]


# the characters the check is about (markers, exponents, fractions, footnote symbols), the
# words around them, CJK and digits
_ALPHABET = [*"①②⑳¹²³⁴₂₃⑴⒈½¼⅓*†‡§※ mkftcCOtbn$亿元年320.,（）\n", "km", "m", "ft", "tCO"]


def _random_text(rng: random.Random) -> str:
    pieces = []
    for _ in range(rng.randrange(0, 30)):
        if rng.random() < 0.2:  # any code point at all (surrogates are no str characters)
            code = rng.randrange(sys.maxunicode + 1)
            pieces.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "x")
        else:
            pieces.append(rng.choice(_ALPHABET))
    return "".join(pieces)


def test_footnote_numbers_equals_the_check_of_every_character() -> None:
    rng = random.Random(31)
    texts = [_random_text(rng) for _ in range(20_000)]
    texts += ["320①", "500 m²", "$3.2bn¹", "tCO₂", "⑴ 2023", "½", "1,562.5亿元*", "", "abc"]
    found = 0
    for text in texts:
        expected = _every_character(text)
        assert footnote_numbers(text) == expected, text
        found += bool(expected)
    assert found > 1000  # the strings do hold markers: the test is not of empty answers
