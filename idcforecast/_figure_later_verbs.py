"""A year after a figure that belongs to another figure named in a later verb phrase ("The
company has 1 GW and plans another 2 GW by 2030": 2030 is the 2 GW's), unless the later
period plainly covers both: a quarter, half or month with the year after a quarter, half or
month without one ("$3bn in the first quarter and is expected to be $3.5bn in the second
quarter of 2025": both 2025). :mod:`idcforecast._figure_years` dates the figures.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from idcforecast._year_mentions import Mention

# a later verb phrase with a figure of its own: "has 1 GW and plans another 2 GW by 2030",
# "spent $2bn but will spend $3bn by 2027" (the year is the later figure's)
_LATER_VERB = re.compile(
    r"\b(?:and|but|while|whereas)\s+(?:(?:it|they|the\s+\w+|is|are|now|also|then)\s+)*"
    r"(?:plans?|planning|will|expects?|expecting|aims?|intends?|targets?|hopes?|wants?"
    r"|could|would|may|might|should|is\s+(?:set|expected|due|poised|likely)"
    r"|are\s+(?:set|expected|due|poised|likely))\b",
    re.IGNORECASE,
)

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
_ORDINAL = r"(?P<ord>first|1st|second|2nd|third|3rd|fourth|4th|final|last)"
_MONTH = r"(?P<month>" + "|".join(_MONTHS) + r")"
# a part of a year: "the first quarter", "the second half", "Q1", "H2", "March"
_PART = (
    r"(?:(?:the\s+)?" + _ORDINAL + r"[\s-]+(?P<kind>quarter|half)"
    r"|(?P<short>[QH])(?P<num>[1-4])|" + _MONTH + r")"
)
# the same without names, to use in other patterns
PART_OF_YEAR = (
    r"(?:(?:the\s+)?(?:first|1st|second|2nd|third|3rd|fourth|4th|final|last)[\s-]+"
    r"(?:quarter|half)|[QH][1-4]|" + "|".join(_MONTHS) + r")"
)
# right after the figure, with no year of its own: "$3bn in the first quarter"
_PART_AFTER = re.compile(
    r"\s*(?:in|during|for|over)\s+" + _PART + r"\b(?!\s*(?:of\s+)?(?:fiscal\s+|FY\s*)?\d)",
    re.IGNORECASE,
)
# right before the year: "in the second quarter of 2025", "in Q2 2025", "in March 2025"
_PART_BEFORE = re.compile(
    _PART + r"\s*(?:of\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s*)?$", re.IGNORECASE
)


def _first_month(match: re.Match[str]) -> int:
    """The month (1-12) a part of a year starts in."""
    if match["month"]:
        return _MONTHS.index(match["month"].lower()) + 1
    if match["ord"]:
        number, per_year = _ORDINALS[match["ord"].lower()], match["kind"].lower()
    else:
        number, per_year = int(match["num"]), "half" if match["short"].upper() == "H" else ""
    if per_year == "half":
        return 1 if number == 1 else 7 if number == 2 else 13  # "H3" is no half
    return 3 * (number - 1) + 1


def covers_both(scan: str, end: int, mention: Mention) -> bool:
    """Whether the year ``mention`` is of a part of a year ("the second quarter of 2025")
    that comes after the figure's own part with no year ("$3bn in the first quarter"), so
    that the year is plainly both's. "The fourth quarter ... the first quarter of 2025" is
    not: the fourth quarter is likely 2024's."""
    own = _PART_AFTER.match(scan, end)
    if own is None:
        return False
    later = _PART_BEFORE.search(scan, own.end(), mention.start)
    if later is None:
        return False
    first, second = _first_month(own), _first_month(later)
    return first <= 12 and second <= 12 and first < second


def later_figures_year(
    scan: str, figure: tuple[int, int], mention: Mention, beside: Sequence[tuple[int, int]]
) -> bool:
    """Whether ``mention``, after the figure, is the year of another figure named after it
    in a later verb phrase ("The company has 1 GW and plans another 2 GW by 2030": 2030 is
    the 2 GW's; the 1 GW is of now), not the figure's. A year of a later part of a year
    after the figure's own part ("$3bn in the first quarter and is expected to be $3.5bn in
    the second quarter of 2025") is both's. ``beside`` are the figures of the sentence."""
    end = figure[1]
    if mention.start < end:
        return False
    return any(
        end <= a and b <= mention.start and _LATER_VERB.search(scan, end, a) is not None
        for a, b in beside
    ) and not covers_both(scan, end, mention)
