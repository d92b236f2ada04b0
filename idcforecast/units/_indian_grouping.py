"""Indian digit grouping as plain digits, character for character (so that offsets in a text
stay): "Rs 1,56,250 crore" (one lakh fifty-six thousand two hundred and fifty crore, groups
of two above the thousands) is read as "Rs 00156250 crore", 156,250 crore; "₹12,34,567"
as 1,234,567. Only beside a rupee sign or an Indian magnitude word (₹, Rs, INR, lakh,
crore): elsewhere "1,56,250" is no number the parsers read (it was "Rs 1", one rupee, and
"56,250" apart). The zeros before the digits keep the length, as
:mod:`idcforecast.units._chinese_numerals` writes "0120万台".
"""

from __future__ import annotations

import re

__all__ = ["indian_grouping"]

# "1,56,250", "12,34,56,789", "1,00,000.50": groups of two, then one of three
_INDIAN_NUMBER = re.compile(r"(?<![\d.,])\d{1,2}(?:,\d{2})+,\d{3}(?![\d,]|\.\d+,)")
_RUPEE_BEFORE = re.compile(r"(?:₹|\bRs\.?|\bINR)\s*$", re.IGNORECASE)
_INDIAN_WORD_AFTER = re.compile(r"(?:\.\d+)?\s*(?:lakhs?|lacs?|crores?|cr)\b", re.IGNORECASE)


def indian_grouping(text: str) -> str:
    """``text`` with each Indian-grouped number beside a rupee sign or lakh/crore as its
    digits, zeros before them to the length written; other text as it is.

    Examples
    --------
    >>> indian_grouping("Rs 1,56,250 crore and ₹12,34,567; 1,56,250 apples")
    'Rs 00156250 crore and ₹001234567; 1,56,250 apples'
    """
    if "," not in text:
        return text
    out, last = [], 0
    for match in _INDIAN_NUMBER.finditer(text):
        if _RUPEE_BEFORE.search(text, max(0, match.start() - 5), match.start()) or (
            _INDIAN_WORD_AFTER.match(text, match.end())
        ):
            digits = match[0].replace(",", "")
            out.append(text[last : match.start()] + digits.rjust(len(match[0]), "0"))
            last = match.end()
    return "".join(out) + text[last:]
