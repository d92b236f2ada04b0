"""Changes from one level to another in a text: "grew from $10bn to $20bn" (two figures, the
level before and the level after, never a range), "从1000亿元增长到2000亿元", "PUE dropped
from 1.6 to 1.3". :mod:`idcforecast.text_figures` finds the figures; this module tells
which two are the levels of one change, and where its "from" and "to" are, so that
:mod:`idcforecast._figure_years` dates each level by its own year.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from idcforecast.units.quantity import Quantity

__all__ = ["change_levels", "change_to", "ranges_after_by", "warn_ranges_after_by"]


# a change from one level to another ("grew from $10bn to $20bn", "an increase from 5% to
# 8%"), not a range ("prices range from $100 to $150", "between $5bn and $6bn")
_CHANGE_FROM = re.compile(
    r"\b(?:grow|grows|grew|grown|growing|growth|rise|rises|rose|risen|rising|increase|increases"
    r"|increased|increasing|climb|climbs|climbed|climbing|jump|jumps|jumped|surge|surges|surged"
    r"|soar|soars|soared|expand|expands|expanded|expanding|expansion|double|doubles|doubled"
    r"|triple|tripled|fall|falls|fell|fallen|falling|decline|declines|declined|declining|drop"
    r"|drops|dropped|decrease|decreases|decreased|decreasing|shrink|shrinks|shrank|shrunk"
    r"|reduce|reduced|cut|cuts|raise|raised|lift|lifted|boost|boosted|go|goes|went|gone|move"
    r"|moved|improve|improved|slow|slowed|accelerate|accelerated|change|changed|up|down)"
    r"(?:\s+[A-Za-z]+){0,2}?\s+from\s+$",
    re.IGNORECASE,
)
_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
# a change by an amount: "rose by $2bn to $10bn" (an amount, then the level reached) or
# "could rise by $2bn to $3bn" (a range of amounts): the words before the first number
_CHANGE_BY = re.compile(
    _CHANGE_FROM.pattern.removesuffix(r"\s+from\s+$")
    + r"(?:\s+[A-Za-z]+){0,2}?\s+by\s+(?:(?:about|around|approximately|nearly|roughly|some"
    r"|almost|over|more\s+than)\s+)?(?:US\s*)?[$€£¥]?\s*$",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def ranges_after_by(
    text: str, scan: str, figures: Sequence[tuple[int, int, Quantity, str]]
) -> list[tuple[str, Quantity]]:
    """The ranges (figure as written, quantity) read after a verb of change and "by" ("rose
    by $2bn to $10bn"), which may be an amount and the level reached rather than a range;
    not in percent ("grew by 10 to 15%" is a range of growth)."""
    found = []
    for start, end, quantity, unit in figures:
        if quantity.low is None or quantity.high is None or unit in ("%", "pp", "PUE", "pPUE"):
            continue
        digit = _DIGIT.search(scan, start, end)
        if digit and _CHANGE_BY.search(scan, max(0, start - 60), digit.start()):
            found.append((text[start:end], quantity))
    return found


def warn_ranges_after_by(found: list[tuple[str, Quantity]]) -> None:
    """Say which ranges after "by" may be an amount of change and a level."""
    import warnings

    from idcforecast._caller import caller_stacklevel
    from idcforecast._wording import counted
    from idcforecast.errors import AmbiguousNumberWarning
    from idcforecast.units.quantity import number_text

    shown = ", ".join(
        f"{' '.join(figure.split())!r} (value {number_text(q.value)} {q.unit}, the midpoint)"
        for figure, q in found[:3]
    )
    shown += ", ..." if len(found) > 3 else ""
    warnings.warn(
        f"find_figures: {counted(len(found), 'range')} after a change 'by' ({shown}) read as "
        "a range of amounts; if the first number is the change and the second the level "
        "reached ('rose by $2bn to $10bn'), the level is the range's high end (column "
        "'high'), not the value",
        AmbiguousNumberWarning,
        stacklevel=caller_stacklevel(),
    )


def change_to(scan: str, start: int, end: int, quantity: Quantity) -> int | None:
    """Where the first level of a change read as a range ends ("$10bn to $20bn" after
    "grew from": at "$10bn"), or None when the figure is no such change."""
    if quantity.low is None or quantity.high is None:
        return None
    if not _CHANGE_FROM.search(scan, max(0, start - 60), start):
        return None
    to = _TO.search(scan, start, end)
    return None if to is None else to.start()


# a Chinese change from one level to another: "从1000亿元增长到2000亿元", "由2020年的1.6降至"
_ZH_FROM = re.compile(r"(?:从|從|由)\s*(?:(?:19|20)\d{2}\s*年\s*(?:的|底|末)?\s*)?$")
_ZH_TO = re.compile(
    r"\s*((?:增长|增長|增加|提升|提高|上升|扩大|擴大|跃升|躍升|下降|降低|减少|減少|回落|降|升)?"
    r"\s*(?:到|至))\s*(?:(?:19|20)\d{2}\s*年\s*(?:的|底|末)?\s*)?"
)
# between the levels of an English change: "from $10bn in 2023 to $20bn", "from 2 GW today
# to 5 GW", "from $2bn a year to $5bn a year" (amounts each year)
_EN_TO = re.compile(
    r"(?:\s+(?:(?:a|per)\s+year|annually|per\s+annum))?"
    r"(?:\s*,?\s*(?:in|by|during)\s+(?:FY\s*)?(?:19|20)\d{2}\s*,?"
    r"|\s+(?:today|now|currently|at\s+present|this\s+year|last\s+year),?)?\s+(to)\s+"
    r"(?:(?:in|by)\s+(?:FY\s*)?(?:19|20)\d{2}\s*,?\s*)?",
    re.IGNORECASE,
)
_RATIO_TO = re.compile(r"\bto\b|降|至|到", re.IGNORECASE)


def change_levels(
    scan: str, first: tuple[int, int], second: int, split: int | None, ratio_next: bool
) -> tuple[int, int] | None:
    """Where the change whose first level is the figure at ``first`` (start, end) begins
    ("from", "从") and where its "to" ("到", "增长至") is, when the figure starting at
    ``second`` is the level it reaches; else None. ``split`` is the "to" of a change
    read as a range ("$10bn to $20bn"), ``ratio_next`` whether ``second`` is a PUE's next
    value ("PUE dropped from 1.6 to 1.3")."""
    a, b = first
    if split is not None:
        return a, split
    zh = _ZH_FROM.search(scan, max(0, a - 12), a)
    if zh and (to := _ZH_TO.match(scan, b)) and b <= second <= to.end():
        return zh.start(), to.start(1)  # "增长至" may open the second figure
    if ratio_next and (to := _RATIO_TO.search(scan, b, second)):
        return a, to.start()
    english = _CHANGE_FROM.search(scan, max(0, a - 60), a)
    if english and (to := _EN_TO.match(scan, b)) and to.end() == second:
        return a, to.start(1)
    return None
