"""Private: where evidence lies against what claims allow, in the words of the
explanations (:mod:`idcforecast._claim_explain`): "3.0% below that floor (gap +3.1%,
outside the 1.0% tolerance)", "inside that range (fits)", "at least 2,307.7", and the
figures as the tables print them.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from idcforecast._claim_history import interval_gap
from idcforecast._wording import figure_text, level_words

__all__ = [
    "actual_end_words",
    "against_bound",
    "against_span",
    "bound_actuals",
    "claimed_num",
    "computed_num",
    "is_bound",
    "label_qualifier",
    "num",
    "span_against_span",
    "span_words",
]


def num(x: float) -> str:
    return figure_text(x)


# a figure computed from levels keeps their significant digits, never fewer than these
# (as a figure converted between currencies does, _claim_currency.MIN_SIGNIFICANT_DIGITS)
_MIN_DIGITS = 4
# below this every figure prints with about four significant digits (figure_text)
_WHOLE_FROM = 100_000


def _significant_digits(x: float) -> int:
    """The significant digits ``x`` is written with: 1562.5 has 5, 156,250,000,000 has 5
    (a whole figure's trailing zeros are no digits of precision), 3200.0 has 2."""
    mantissa = f"{abs(x):.12g}".split("e")[0]
    digits = mantissa.replace(".", "").lstrip("0")
    if "." not in mantissa:
        digits = digits.rstrip("0")
    return max(len(digits), 1)


def computed_num(x: float, *inputs: float) -> str:
    """A level computed from ``inputs`` (an implied base or end) as :func:`num` prints it,
    rounded to the significant digits of the inputs it comes from (the most of them, at
    least four) when it is 100,000 or more: a series in plain CNY printed every digit of
    the arithmetic ("402,654,345,468.8" from 156,250,000,000 and 37.1%). Smaller figures
    print as :func:`num` prints them (about four significant digits already).

    Examples
    --------
    >>> computed_num(402654345468.8, 156250000000.0), computed_num(4026.54345, 1562.5)
    ('402,650,000,000', '4,026.5')
    >>> computed_num(433858575474.6, 122800000000.0, 404320000000.0)
    '433,860,000,000'
    """
    finite = [v for v in inputs if math.isfinite(v) and v != 0]
    if not math.isfinite(x) or abs(x) < _WHOLE_FROM or not finite:
        return num(x)
    digits = max(_MIN_DIGITS, *(_significant_digits(v) for v in finite))
    return num(float(f"{x:.{digits}g}"))


def claimed_num(x: float) -> str:
    """A claimed figure as the Claims column prints it: :func:`_num` without the zeros a
    publication never wrote ("3,200", not "3,200.0" beside the column's "3,200"; "3,200.5";
    "0.36"; a converted 3,172.896 still "3,172.9").

    Examples
    --------
    >>> claimed_num(3200.0), claimed_num(3200.5), claimed_num(0.36), claimed_num(3172.896)
    ('3,200', '3,200.5', '0.36', '3,172.9')
    """
    text = num(x)
    return text.rstrip("0").rstrip(".") if "." in text else text


def is_bound(qualifier: Any) -> bool:
    return qualifier in ("at_least", "at_most")


def bound_actuals(r: Any) -> list[str]:
    """The actuals of reading ``r`` published only as a bound, in words ("more than 520.0
    in 2021"): a rate checked against one can only be consistent with it, not fit it (any
    rate above 39.9% a year reaches "more than 520" from 265.8). Empty when none is.

    Examples
    --------
    >>> from types import SimpleNamespace as R
    >>> bound_actuals(R(reference="actual", reference_base=265.8, base_year=2019,
    ...     actual_end=520.0, actual_end_qualifier="at_least", end_year=2021))
    ['more than 520.0 in 2021']
    >>> bound_actuals(R(reference="actual, at least", reference_base=2200.0, base_year=2022,
    ...     actual_end=math.nan, actual_end_qualifier=pd.NA, end_year=2023))
    ['more than 2,200.0 in 2022']
    """
    found = []
    words = str(r.reference).split(", ")
    if words[0] == "actual" and ("at least" in words or "at most" in words):
        qualifier = "at_least" if "at least" in words else "at_most"
        found.append(f"{level_words(qualifier)}{num(r.reference_base)} in {r.base_year}")
    end_qualifier = getattr(r, "actual_end_qualifier", None)
    if not math.isnan(r.actual_end) and is_bound(end_qualifier):
        found.append(f"{level_words(end_qualifier)}{num(r.actual_end)} in {r.end_year}")
    return found


def actual_end_words(r: Any) -> str:
    """The end year's actual as published: "more than 650.0", "4,043.2 (derived)"."""
    flag = getattr(r, "actual_end_derived", False)
    derived = " (derived)" if not pd.isna(flag) and bool(flag) else ""
    return f"{level_words(getattr(r, 'actual_end_qualifier', ''))}{num(r.actual_end)}{derived}"


def label_qualifier(label: Any) -> str:
    """The qualifier a figure's label names ("actual, at least" -> "at_least"), else
    "exact"."""
    words = str(label).split(", ")
    return "at_least" if "at least" in words else "at_most" if "at most" in words else "exact"


def against_bound(
    value: float,
    bound: float,
    qualifier: str,
    fits: Any,
    tolerance: float,
    value_qualifier: str = "exact",
) -> str:
    """Where ``value`` lies against a floor ("at_least") or ceiling ("at_most") ``bound``:
    "above that floor (fits)", "0.5% below that floor (gap +0.5%, within the 1.0%
    tolerance: fits)"; the gap is the table's, the bound over the value. A ``value`` that
    is itself a bound on the same side ("more than 1,500" against the floor 1,800.3) meets
    it whatever its figure: "a floor too, so both allow levels above 1,800.3 (fits)" (it
    was "16.7% below that floor (gap +20.0%, within the 1.0% tolerance: fits)").

    Examples
    --------
    >>> against_bound(1500.0, 1800.3, "at_least", True, 0.01, "at_least")
    'a floor too, so both allow levels above 1,800.3 (fits)'
    >>> against_bound(1500.0, 1800.3, "at_least", False, 0.01)
    '16.7% below that floor (gap +20.0%, outside the 1.0% tolerance)'
    """
    floor = qualifier == "at_least"
    name = "floor" if floor else "ceiling"
    if value_qualifier == qualifier:
        side, edge = ("above", max(value, bound)) if floor else ("below", min(value, bound))
        return f"a {name} too, so both allow levels {side} {num(edge)} (fits)"
    if (value >= bound) if floor else (value <= bound):
        return f"{'above' if floor else 'below'} that {name} ({'fits' if fits else 'outside'})"
    off = abs(value / bound - 1)
    side = "below" if floor else "above"
    return f"{off:.1%} {side} that {name} ({_gap_verdict(bound / value - 1, fits, tolerance)})"


def _gap_verdict(gap: float, fits: Any, tolerance: float) -> str:
    """The table's ``gap`` and the verdict it gives, for a sentence that measured the other
    way round ("14.3% above that ceiling" beside a table's "-12.5%", with no word on which
    one the tolerance applies to): "gap -12.5%, outside the 1.0% tolerance"."""
    within = "within the" if fits else "outside the"
    return f"gap {gap:+.1%}, {within} {tolerance:.1%} tolerance{': fits' if fits else ''}"


def span_words(
    interval: tuple[float, float], *, claimed: bool = False, inputs: tuple[float, ...] = ()
) -> str:
    """An interval of levels as prose: "1,456.5 to 1,638.4", "at least 5.0", "at most 9.0";
    ``claimed``: a published range, its ends as published ("3,000 to 3,400"); ``inputs``:
    the levels a computed interval comes from, whose digits it keeps (:func:`computed_num`)."""

    def computed(x: float) -> str:
        return computed_num(x, *inputs)

    text = claimed_num if claimed else computed if inputs else num
    lo, hi = interval
    if math.isinf(hi):
        return f"at least {text(lo)}"
    if lo <= 0:
        return f"at most {text(hi)}"
    if text(lo) == text(hi):  # an exact rate and end imply one base: not "1,959.2 to 1,959.2"
        return text(lo)
    return f"{text(lo)} to {text(hi)}"


def _span_name(interval: tuple[float, float]) -> str:
    """ "range", "figure" for an interval that is one figure (as printed), "floor" or
    "ceiling" for one open at an end, as :func:`_span_words` writes it ("at least
    2,307.7" was followed by "3.0% below that range")."""
    if math.isinf(interval[1]):
        return "floor"
    if interval[0] <= 0:
        return "ceiling"
    return "figure" if num(interval[0]) == num(interval[1]) else "range"


def against_span(value: float, interval: tuple[float, float], fits: Any, tolerance: float) -> str:
    """Where ``value`` lies against an interval: "inside that range (fits)", "2.3% below
    that range (outside the 1.0% tolerance)"."""
    gap = interval_gap(interval, (value, value))
    if gap == 0:
        inside = {"floor": "above", "ceiling": "below"}.get(_span_name(interval), "inside")
        return f"{inside} that {_span_name(interval)} (fits)"
    # interval_gap is the range's end over the value; say where the value lies
    off = abs(value / (interval[1] if gap < 0 else interval[0]) - 1)
    side = "above" if gap < 0 else "below"
    name = _span_name(interval)
    return f"{off:.1%} {side} that {name} ({_gap_verdict(gap, fits, tolerance)})"


def span_against_span(
    span: tuple[float, float], allowed: tuple[float, float], fits: Any, tolerance: float
) -> str:
    gap = interval_gap(span, allowed)
    if gap == 0:
        return f"meets that {_span_name(allowed)} (fits)"
    side = "below" if gap < 0 else "above"
    table = interval_gap(allowed, span)  # the table's gap: the allowed range over the span
    name = _span_name(allowed)
    return f"lies {abs(gap):.1%} {side} that {name} ({_gap_verdict(table, fits, tolerance)})"
