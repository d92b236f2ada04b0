"""Vulgar fractions as decimals: "1½ GW" is 1.5 GW, "2¼" 2.25, "¾" 0.75. NFKC writes "½" as
"1⁄2", which would glue its 1 to the number before ("1½" as "11⁄2"): they are read first.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

__all__ = ["VULGAR_FRACTIONS", "vulgar_fractions"]

# the characters: a text without any needs no look (most figures)
VULGAR_FRACTIONS = frozenset("¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞")
_FRACTION = re.compile(r"(?<![\d.])(\d+)? ?([¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")


def _decimal(match: re.Match[str]) -> str:
    whole = Decimal(match[1] or 0)
    fraction = Decimal(repr(unicodedata.numeric(match[2])))
    return format((whole + fraction).normalize(), "f")


def vulgar_fractions(text: str) -> str:
    """``text`` with each vulgar fraction, and the whole number written before it, as a
    decimal number (thirds and sixths to 16 places); other text as it is.

    Examples
    --------
    >>> vulgar_fractions("1½ GW"), vulgar_fractions("2 ¼ MW"), vulgar_fractions("¾")
    ('1.5 GW', '2.25 MW', '0.75')
    """
    return _FRACTION.sub(_decimal, text)
