"""The hyphen of a number joined to its unit as a compound adjective ("a 100-MW campus",
"a 1.2-gigawatt site"): read as a space, so the figure reads, only before a physical unit
("Form 10-K", "a 15-year PPA", "2-for-1" keep it: a count or a duration is no size).
"""

from __future__ import annotations

import re

from idcforecast.errors import IdcForecastError

__all__ = ["unhyphened", "unit_hyphens"]

_HYPHENED_UNIT = re.compile(r"(?<=\d)-(?=([A-Za-z]+)\b)")


def unit_hyphens(text: str) -> list[int]:
    """The offsets of the hyphens in ``text`` between a number and a physical unit."""
    from idcforecast.units.registry import parse_unit, without_suggestions

    found = []
    for match in _HYPHENED_UNIT.finditer(text):
        try:
            with without_suggestions():
                unit = parse_unit(match[1])
        except IdcForecastError:
            continue
        if unit.dimension not in ("count", "time") and unit.magnitude is None:
            found.append(match.start())
    return found


def unhyphened(text: str) -> str:
    """``text`` with each hyphen between a number and a physical unit as a space.

    Examples
    --------
    >>> unhyphened("a 1.2-gigawatt campus, a 15-year PPA, 100-MW")
    'a 1.2 gigawatt campus, a 15-year PPA, 100 MW'
    """
    if "-" not in text:
        return text
    chars = list(text)
    for i in unit_hyphens(text):
        chars[i] = " "
    return "".join(chars)
