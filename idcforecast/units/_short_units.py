"""Short unit spellings that only read as units right after a number: "3.2pc" (per cent,
as British papers write it), "1.5万P" and "300P算力" (PFLOPS, as Chinese computing-power
news writes it: "万P" is ten thousand PFLOPS). Alone, "pc" is a personal computer and "P"
a resolution ("1080P") or pence; the registry cannot list them as aliases.
"""

from __future__ import annotations

import re

__all__ = ["PETAFLOPS_MARK", "petaflops_in_context", "short_units"]

# "3.2pc", "up 3.2pc": lower-case "pc" glued to the number ("500 PC" is no share)
_PC = re.compile(r"(?<=\d)pc(?![A-Za-z0-9])")
# "1.5万P", "2千P": a P after a Chinese magnitude word is PFLOPS ("万P" is 10,000 PFLOPS); after
# digits only before 算力 (computing power: "300P算力"), never "1080P" video
_PETAFLOPS = re.compile(r"(?<=[千万萬亿億])P(?:\s*算力)?(?![A-Za-z])|(?<=\d)\s*P\s*算力")
# a P that find_figures read as PFLOPS from its sentence ("算力规模达到500P以上"): a character
# of Unicode's private use area, one for one, which no text of figures holds
PETAFLOPS_MARK = "\ue000"
# digits and a P in a clause that speaks of computing power (算力) before it
_BARE_P = re.compile(r"(?<=\d)P(?![A-Za-z0-9])")
_COMPUTING_POWER = re.compile(r"算力[^，。；;！？!?\n]{0,20}$")


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
    if PETAFLOPS_MARK in text:
        text = text.replace(PETAFLOPS_MARK, "PFLOPS")
    return text


def petaflops_in_context(reading: str, scan: str) -> str:
    """``reading`` with each P after digits in a clause about computing power ("算力规模达到
    500P以上", "智算中心算力为300P") as :data:`PETAFLOPS_MARK`, which :func:`short_units`
    reads as PFLOPS: for :func:`idcforecast.find_figures`, which sees the clause
    (``parse_quantity`` alone sees a figure, "500P", that may be a video's "1080P")."""
    chars = list(reading)
    for match in _BARE_P.finditer(scan):
        if _COMPUTING_POWER.search(scan, max(0, match.start() - 24), match.start()):
            chars[match.start()] = PETAFLOPS_MARK
    return "".join(chars)
