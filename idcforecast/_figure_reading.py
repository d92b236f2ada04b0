"""Read the longest figure around one number of a text (see :mod:`idcforecast.text_figures`).

Each candidate stretch (from :mod:`idcforecast._figure_spans`) is given to
``parse_quantity``; the longest that reads is the figure, unless it is a year with its
figure in parentheses, or a count noun that modifies the noun after it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from idcforecast._figure_rates import NOT_A_NOUN, dimension
from idcforecast._figure_spans import figure_ends, figure_starts, left_bound, right_bound
from idcforecast._year_mentions import is_year
from idcforecast.errors import IdcForecastError

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

__all__ = ["best_figure", "is_plain_count", "level_before_change", "read_as"]


def _read(text: str, start: int, end: int) -> Quantity | None:
    from idcforecast.units import parse_quantity

    piece = text[start:end]
    if piece != piece.strip() or _bracketed(piece):
        return None
    try:
        quantity = parse_quantity(piece)
    except IdcForecastError:
        return None
    if quantity.year is not None:
        return None  # "1562.5亿元（2019年）": the year is read as the text's years are
    if quantity.alternate is not None and (
        is_year(quantity.alternate) or is_year(quantity) or is_plain_count(quantity)
    ):
        # "1562.5亿元（2019年）": the parentheses hold its year, not a figure; "in 2023
        # (176 TWh)": they hold the figure of the year, read on its own; so do those of a
        # bare number ("Phase 1 (40MW)": a count is no figure, 40 MW is)
        return None
    if _TRAILING_PARTS.search(piece) and _TIME_WORD.match(text, end):
        # "5 MW x 2 years": the 2 counts years, not halls of 5 MW
        return None
    return quantity


# a number of parts after the size ("48MW x 2"), and a time word that makes that number
# a duration instead ("48MW x 2 years", "48MW×2年")
_TRAILING_PARTS = re.compile(r"[x×X*]\s*\d{1,2}$")
_TIME_WORD = re.compile(
    r"\s*(?:(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|quarters?)\b|年|个月|月|周|天|日|小时|季度)",
    re.IGNORECASE,
)


def best_figure(
    text: str, scan: str, number: tuple[int, int], floor: int, ceiling: int | None = None
) -> tuple[int, int, Quantity] | None:
    """The longest readable figure around ``number`` (its start, end and quantity), ending
    at ``ceiling`` at the latest.

    A count noun that modifies the noun after it ("3.76 million data center GPUs") is not
    what the figure counts: the figure ends before it ("3.76 million", count mn), or takes
    the noun after it when that reads ("10,000 data center racks" is 10,000 racks)."""
    low = left_bound(scan, number[0], floor)
    # the window starts after the spaces that pad number words written as digits ("42307"
    # of "Forty-two thousand three hundred and seven racks" is 5 digits and 37 spaces)
    padded = number[1]
    if scan.startswith("  ", padded):  # padding, not the one space before a unit
        while padded < len(scan) and scan[padded] == " ":
            padded += 1
    high = right_bound(scan, padded)
    if ceiling is not None:
        high = min(high, ceiling)
    ends = figure_ends(scan, number[1], high)
    best: tuple[int, int, Quantity] | None = None
    noun: tuple[int, int] | None = None  # the noun after a modifier, for best's start
    for start in figure_starts(scan, number[0], low):
        if best is not None and ends[0] - start <= best[1] - best[0]:
            break  # nearer starts cannot give a longer figure
        modified: tuple[int, int] | None = None
        for end in ends:
            if best is not None and end - start <= best[1] - best[0]:
                break
            quantity = _read(text, start, end)
            if quantity is not None and (after := _modified_noun(scan, end, quantity)):
                modified = modified or after
                continue
            if quantity is not None and best is not None and _money_then_count(best[2], quantity):
                break  # "a $3 billion data center": $3 billion, no 3 billion data centers
            if quantity is not None:
                best, noun = (start, end, quantity), modified
                break
    if best is not None and noun is not None:
        counted = read_as(f"{text[best[0] : best[1]]} {text[noun[0] : noun[1]]}")
        if counted is not None and dimension(counted.unit) != "count":
            return best[0], noun[1], counted
    return best


def _money_then_count(money: Quantity, count: Quantity) -> bool:
    """Whether ``money``, read from a currency before the number ("$3 billion"), is the
    figure rather than the longer ``count`` read from the number on ("3 billion data
    center" of "a $3 billion data center", a campus of that price, not 3 billion of them)."""
    return dimension(money.unit) == "money" and dimension(count.unit) == "count"


_NEXT_WORD = re.compile(r" +([A-Za-z][A-Za-z-]*)")


def _modified_noun(scan: str, end: int, quantity: Quantity) -> tuple[int, int] | None:
    """The span of the noun that the figure's last words modify, or None: a figure that
    ends in a singular count noun ("3.76 million data center") followed by another noun
    ("GPUs"), not a function word ("in") nor an adverb ("-ly")."""
    from idcforecast.units import parse_unit

    if not quantity.unit.startswith("count") or "/" in quantity.unit:
        return None
    words = re.search(r"(?:[A-Za-z]+ )?[A-Za-z]+$", scan[max(0, end - 40) : end])
    nxt = _NEXT_WORD.match(scan, end)
    if words is None or nxt is None or words[0].endswith("s"):
        return None
    word = nxt[1].lower()
    if word in NOT_A_NOUN or word.endswith("ly"):
        return None
    for tail in (words[0], words[0].split()[-1]):
        try:
            unit = parse_unit(tail)
        except IdcForecastError:
            continue
        if unit.base == "count" and unit.magnitude is None:
            return nxt.start(1), nxt.end(1)
    return None


def read_as(piece: str) -> Quantity | None:
    from idcforecast.units import parse_quantity

    if _bracketed(piece):
        return None
    try:
        return parse_quantity(piece)
    except IdcForecastError:
        return None


def _bracketed(piece: str) -> bool:
    """A stretch of prose wholly in brackets, "(US$12 billion)": an aside, read without
    its brackets; ``parse_quantity`` alone reads a money cell so written as the
    accountants' negative (-12 USD bn), which in a sentence it is not."""
    return piece.startswith("(") and piece.endswith(")")


def is_plain_count(quantity: Quantity) -> bool:
    """A bare number (a year, a date's day, "5G", "top 10"): not a figure by default."""
    return quantity.unit == "count"


def level_before_change(
    text: str, scan: str, number: tuple[int, int], floor: int, to: int, change: Quantity
) -> tuple[int, int, Quantity]:
    """The first level of a change read as a range (``change``), ending at ``to``: read on
    its own ("$10bn" of "$10bn to $20bn"), or a bare number taking the unit the range gave
    it ("10" of "from 10 to 20 MW" is 10 MW)."""
    from idcforecast.units.quantity import Quantity

    assert change.low is not None  # a range: change_to checked
    found = best_figure(text, scan, number, floor, to)
    if found is not None and found[2].unit == change.unit:
        return found
    start = number[0] if found is None else found[0]
    qualifier = "exact" if found is None else found[2].qualifier
    level = Quantity(change.low, change.unit, qualifier=qualifier, text=text[start:to])
    return start, to, level
