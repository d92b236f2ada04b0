"""A figure of equal parts, "2x48MW", "48MW x 2" (two halls of 48 MW): read as the total."""

from __future__ import annotations

import re

from idcforecast.units._figure_error import figure_error
from idcforecast.units.quantity import Quantity
from idcforecast.units.registry import parse_unit

__all__ = ["multiplied", "multiplier"]

# "2x48MW", "2 x 48 MW", "4×25 MW": a small whole number of equal parts before the size of
# one (halls, phases, units), as capacity news writes it
_MULTIPLIER = re.compile(r"(?P<times>[1-9]\d?)\s*[x×X*]\s*(?=\d)")
# or after it: "48MW x 2", "48MW×2" (Chinese project specs)
_TRAILING_MULTIPLIER = re.compile(r"(?<=[^\d\s])\s*[x×X*]\s*(?P<times>[1-9]\d?)$")


def multiplier(norm: str) -> tuple[int | None, str]:
    """The number of parts of "2x48MW" or "48MW x 2" and the rest of the figure ("48MW"),
    or None and ``norm`` as it is."""
    if match := _MULTIPLIER.match(norm):
        return int(match["times"]), norm[match.end() :]
    if match := _TRAILING_MULTIPLIER.search(norm):
        return int(match["times"]), norm[: match.start()]
    return None, norm


def multiplied(text: str, part: Quantity, times: int, alternate: str | None) -> Quantity:
    """``times`` parts of ``part`` ("2x48MW" is 96 MW: two of 48 MW); a bare number
    ("24x7", "2 x 2 m": a size, its metres read as millions), a share or a rate ("2 x
    5%") is no amount to add up, and a parenthesised alternate would be of one part or of
    all (unclear): those are refused."""
    unit = parse_unit(part.unit)
    if unit.dimension == "count":  # "24x7", "2 x 2 m" (2 m, two metres, is no 2 million)
        raise figure_error(text, f"{times} times a bare number; write the total, or its unit")
    if unit.dimension in ("percent", "points") or unit.per or alternate is not None:
        what = "a share or rate" if alternate is None else "a figure with an alternate"
        raise figure_error(
            text,
            f"{times} times {what}; write the total ('96 MW' for '2x48MW'), or the size of "
            "one part alone",
        )
    return Quantity(
        part.value * times,
        part.unit,
        low=None if part.low is None else part.low * times,
        high=None if part.high is None else part.high * times,
        qualifier=part.qualifier,
        text=text,
    )
