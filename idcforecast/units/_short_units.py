"""Short unit spellings that only read as units right after a number: "3.2pc" (per cent,
as British papers write it), "1.5万P" and "300P算力" (PFLOPS, as Chinese computing-power
news writes it: "万P" is ten thousand PFLOPS). Alone, "pc" is a personal computer and "P"
a resolution ("1080P") or pence; the registry cannot list them as aliases.
"""

from __future__ import annotations

import re

__all__ = ["short_units"]

# "3.2pc", "up 3.2pc": lower-case "pc" glued to the number ("500 PC" is no share)
_PC = re.compile(r"(?<=\d)pc(?![A-Za-z0-9])")
# "1.5万P", "2千P": a P after a Chinese magnitude word is PFLOPS ("万P" is 10,000 PFLOPS); after
# digits only before 算力 (computing power: "300P算力"), never "1080P" video
_PETAFLOPS = re.compile(r"(?<=[千万萬亿億])P(?:\s*算力)?(?![A-Za-z])|(?<=\d)\s*P\s*算力")


def short_units(text: str) -> str:
    """``text`` with "pc" after a number as "%", and "P" after a Chinese magnitude word, or
    "P算力" after digits, as "PFLOPS"; other text as it is.

    Examples
    --------
    >>> short_units("up 3.2pc"), short_units("1.5万P"), short_units("300P算力")
    ('up 3.2%', '1.5万PFLOPS', '300PFLOPS')
    >>> short_units("1080P"), short_units("500 PC")
    ('1080P', '500 PC')
    """
    if "pc" in text:
        text = _PC.sub("%", text)
    if "P" in text and not text.isascii():
        text = _PETAFLOPS.sub("PFLOPS", text)
    return text
