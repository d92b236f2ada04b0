"""The year of a list of figures: "will invest €2 billion, £5 billion and $3.2 billion by
2029" dates every amount of the list, not the last two (the year after the list is in the
clause of its last members, so the nearest-year rule gave the first none). Used by
:mod:`idcforecast._figure_years`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from idcforecast.errors import IdcForecastError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["list_years"]

# between two members of a list: a comma, "and", "or", a Chinese list mark, after a place the
# member is for ("€2 billion in Spain, £5 billion in the UK and $3.2 billion by 2029")
_PLACE = r"(?:\s+(?:in|into|for|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?"
_HEDGES = (
    r"(?:(?:another|a\s+further|an\s+additional|about|around|nearly|roughly|up\s+to"
    r"|more\s+than|over)\s+)*"
)
# the last join of a list, before its dated member: "and", "or", 和, 及, 以及
_LAST_JOIN = re.compile(
    _PLACE + r"\s*(?:,\s*)?(?:\s(?:and|or)\s+|和|及|以及|或)" + _HEDGES, re.IGNORECASE
)
# a join before it: a comma or a Chinese list mark (or "and" too: "A and B and C")
_JOIN = re.compile(
    _PLACE + r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+|、|和|及|以及|或)" + _HEDGES,
    re.IGNORECASE,
)


def _dimension(unit: str) -> str | None:
    from idcforecast.units import parse_unit

    try:
        unit_ = parse_unit(unit)
    except IdcForecastError:
        return None
    return "money" if unit_.currency is not None and not unit_.per else unit_.dimension


def list_years(
    scan: str, found: Sequence[tuple[Any, ...]], paired: set[int]
) -> list[tuple[Any, ...]]:
    """``found`` (each figure's start, end, unit, sentence start and end, the sentence's
    year mentions, and its nearest one, last) with the members of a list that took no
    year given the year after the list that its last member took: "will invest €2
    billion, £5 billion and $3.2 billion by 2029" (each amount in its own currency; all
    three of 2029, as the last two were), "add 5 GW, 3 GW and 2 GW by 2030". The members
    are figures of one dimension (money: any currency), joined by commas and a last "and"
    (和, 及), each perhaps for a place ("€2 billion in Spain, £5 billion in the UK and
    ..."). A member with a year of its own, or paired with one by "respectively"
    (``paired``), keeps it."""
    rows = list(found)
    # from the last figure back: whether the figure after is a list member dated by the
    # year after the list, and whether its year was its own (then the join must be "and")
    for i in range(len(rows) - 2, -1, -1):
        start, end, unit, s_start, s_end, own, near = rows[i]
        after = rows[i + 1]
        later = after[6]
        if near is not None or later is None or start in paired or after[0] >= s_end:
            continue
        if later.start < after[1]:
            continue  # the year is before the member after: not the list's year
        own_year = i + 2 >= len(rows) or rows[i + 2][6] is not later
        join = _LAST_JOIN if own_year else _JOIN
        if join.fullmatch(scan, end, after[0]) is None:
            continue
        dimension = _dimension(unit)
        if dimension is None or dimension != _dimension(after[2]):
            continue
        rows[i] = (start, end, unit, s_start, s_end, own, later)
    return rows
