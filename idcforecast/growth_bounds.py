"""Growth between qualified figures and ranges: the rate, or a level, as bounds.

A figure published as "more than 3200.5亿元", "about 27.8%" or "320-330 billion yuan"
bounds what is computed from it. :func:`cagr_bounds` gives the compound annual growth rate
between two such figures as a :class:`RateBounds` ("at least 27.0%", "27.0% to 28.3%");
both are also importable from :mod:`idcforecast.growth` and :mod:`idcforecast`.

The private helpers hold the rule the claim checks share (:func:`_rate_between`,
:func:`_rate_qualifier`, :func:`_joint_qualifier`: the rate rises with the end and falls
with the start) and the bounded path of :func:`idcforecast.growth.implied_base` and
:func:`idcforecast.growth.implied_target` for a rate that is a range or a bound
(:func:`_compound_bounded`). Arguments are checked by :mod:`idcforecast._growth_inputs`.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np

from idcforecast._claim_history import bounds
from idcforecast._growth_inputs import (
    Number,
    about_bound,
    check_level,
    check_result,
    check_years,
    figure_words,
    float_values,
    is_quantity,
    rate_values,
    rate_words,
    same_unit,
    years_values,
)
from idcforecast.errors import GrowthError

__all__ = ["RateBounds", "cagr_bounds"]


@dataclasses.dataclass(frozen=True)
class RateBounds:
    """Where a compound growth rate lies when its levels are qualified figures or ranges.

    The fields are the constructor's parameters and the attributes of the same names
    (``cagr_bounds`` returns a RateBounds). An exact or "about" rate is one number:
    ``float(rate)``, arithmetic (``rate * 100``, ``(1 + rate) ** 3``) and comparisons
    (``rate > 0.25``) use it and give plain floats and bools; for a bound or a range they are
    a :class:`~idcforecast.errors.GrowthError` naming ``low`` and ``high`` (which end is
    meant?).

    Parameters
    ----------
    low, high
        The bounds of the rate, as fractions (0.278 = 27.8%); ``low == high`` for one rate,
        ``low < high`` for a range of rates (from a range of levels).
        ``low`` is ``-1.0`` (-100%) when nothing bounds the rate below and ``high`` is
        ``inf`` when nothing bounds it above.
    qualifier
        In the vocabulary of :class:`idcforecast.units.Quantity`: ``"at_least"`` (``low``
        is the bound, ``high`` is inf), ``"at_most"`` (``high`` is the bound, ``low`` is
        -1), ``"approximately"`` (from an "about" level) or ``"exact"``.
    approximate
        True when an "about" figure set the rate: with ``"approximately"`` always, and with
        a bound when the other figure was "about" ("about 26.0% or more": more than 200
        after about 100).

    Examples
    --------
    >>> str(RateBounds(0.269987, math.inf, "at_least")), str(RateBounds(0.27, 0.283))
    ('at least 27.0%', '27.0% to 28.3%')
    >>> str(RateBounds(0.259921, math.inf, "at_least", approximate=True))
    'about 26.0% or more'
    """

    low: float
    high: float
    qualifier: str = "exact"
    approximate: bool = False

    def __str__(self) -> str:
        # "about 27.0% or more" ("at least about 27.0%" stacked two qualifiers)
        if self.qualifier == "at_least":
            return (
                f"about {self.low:.1%} or more" if self.approximate else f"at least {self.low:.1%}"
            )
        if self.qualifier == "at_most":
            return (
                f"about {self.high:.1%} or less" if self.approximate else f"at most {self.high:.1%}"
            )
        from idcforecast.units import QUALIFIER_WORDS  # (not at import: units costs ~30 ms)

        words = QUALIFIER_WORDS.get(self.qualifier, "")
        if self.is_range:
            return f"{words}{self.low:.1%} to {self.high:.1%}"
        return f"{words}{self.low:.1%}"

    @property
    def is_range(self) -> bool:
        """True for a range of rates (finite ``low < high``), not a bound or one rate."""
        return self.qualifier not in ("at_least", "at_most") and self.low < self.high

    def __float__(self) -> float:
        """The rate when it is one number (exact or "about"); a bound or a range is a
        :class:`GrowthError` (one float would drop it: use ``low`` or ``high``)."""
        if self.qualifier in ("at_least", "at_most") or self.is_range:
            raise GrowthError(
                f"the rate is {self}, not one number: float() would drop the "
                f"{'range' if self.is_range else 'bound'}; use its low ({self.low:g}) or "
                f"high ({self.high:g}) end, or str() for its words",
                func="RateBounds",
            )
        return float(self.low)

    def __format__(self, spec: str) -> str:
        """``str()`` with ``spec`` applied to each number: ``f"{rate:.2%}"`` is "about
        27.00%" or "at least 27.00%" (a bare ``f"{rate}"`` is ``str(rate)``).

        Examples
        --------
        >>> f"{RateBounds(0.269987, 0.269987, 'approximately', True):.2%}"
        'about 27.00%'
        >>> f"{RateBounds(0.25, math.inf, 'at_least'):.3f}"
        'at least 0.250'
        """
        if not spec:
            return str(self)
        low, high = format(self.low, spec), format(self.high, spec)
        if self.qualifier == "at_least":
            return f"about {low} or more" if self.approximate else f"at least {low}"
        if self.qualifier == "at_most":
            return f"about {high} or less" if self.approximate else f"at most {high}"
        words = "about " if self.qualifier == "approximately" else ""
        return f"{words}{low} to {high}" if self.is_range else f"{words}{low}"

    # Arithmetic and ordering on the rate's number: ``cagr()`` of an "about" figure returns a
    # RateBounds where it used to return a float, and ``rate * 100`` or ``rate > 0.25`` was a
    # bare TypeError. A bound or a range is float()'s GrowthError (which end is meant?).
    def __add__(self, other: float) -> float:
        return float(self) + other

    def __radd__(self, other: float) -> float:
        return other + float(self)

    def __sub__(self, other: float) -> float:
        return float(self) - other

    def __rsub__(self, other: float) -> float:
        return other - float(self)

    def __mul__(self, other: float) -> float:
        return float(self) * other

    def __rmul__(self, other: float) -> float:
        return other * float(self)

    def __truediv__(self, other: float) -> float:
        return float(self) / other

    def __rtruediv__(self, other: float) -> float:
        return other / float(self)

    def __pow__(self, other: float) -> float:
        return float(self) ** other

    def __rpow__(self, other: float) -> float:
        return other ** float(self)

    def __neg__(self) -> float:
        return -float(self)

    def __lt__(self, other: float) -> bool:
        return float(self) < other

    def __le__(self, other: float) -> bool:
        return float(self) <= other

    def __gt__(self, other: float) -> bool:
        return float(self) > other

    def __ge__(self, other: float) -> bool:
        return float(self) >= other

    def __round__(self, ndigits: int | None = None) -> RateBounds:
        """The bounds rounded (an open end, -1 or inf, kept), qualifier and all:
        ``round(cagr(...), 4)`` works as it does for a float."""

        def end(x: float) -> float:
            return x if math.isinf(x) or x == -1.0 else round(x, ndigits or 0)

        return dataclasses.replace(self, low=end(self.low), high=end(self.high))


def cagr_bounds(
    start: Number, end: Number, years: Number, /, *, kw_per_rack: float = 2.5
) -> RateBounds:
    """Compound annual growth rate between two qualified figures or ranges, as bounds.

    The rate ``(end / start) ** (1 / years) - 1`` rises with ``end`` and falls with
    ``start``, so it is computed at the ends of the interval each figure allows
    (as :func:`idcforecast.check_claims` reads figures): an end of "more than 3200.5" makes
    the rate *at least* the rate to 3200.5; a start of "more than 1562.5" makes it *at
    most* the rate from 1562.5. An "about" figure is read as the figure itself and makes
    the rate "approximately". A range ("320-330 billion yuan") gives a range of rates:
    from the rate to its low end to the rate to its high end (never its midpoint's).

    Parameters
    ----------
    start, end
        One positive level each: a number or a :class:`idcforecast.units.Quantity`
        (converted as in :func:`idcforecast.growth.cagr`).
    years
        Compounding steps (> 0).
    kw_per_rack
        Power of one standard rack in kW (default 2.5), for racks against power.

    Returns
    -------
    RateBounds
        ``low``, ``high`` (fractions) and ``qualifier``; ``str()`` reads "at least 27.0%"
        or "27.0% to 28.3%".

    Raises
    ------
    GrowthError
        A level <= 0, years <= 0, an array instead of one figure, or figures that bound the
        rate neither above nor below (start and end both "more than", or both "less
        than"); a figure in % or pp (as :func:`idcforecast.growth.cagr`).
    IncompatibleUnitsError
        Start and end in units with no conversion path.

    Examples
    --------
    >>> from idcforecast.units import parse_quantity
    >>> bounds = cagr_bounds(parse_quantity("1562.5亿元"), parse_quantity("超过3200.5亿元"), 3)
    >>> str(bounds), round(bounds.low, 6), bounds.high
    ('at least 27.0%', 0.269987, inf)
    >>> str(cagr_bounds(parse_quantity("1562.5亿元"), parse_quantity("320-330 billion yuan"), 3))
    '27.0% to 28.3%'
    """
    return _cagr_bounds(start, end, years, func="cagr_bounds", kw_per_rack=kw_per_rack)


def _cagr_bounds(
    start: Number, end: Number, years: Number, *, func: str, kw_per_rack: float = 2.5
) -> RateBounds:
    """:func:`cagr_bounds`, its errors naming ``func`` (the command line's "cagr")."""
    end = same_unit(start, end, func=func, kw_per_rack=kw_per_rack)
    s_lo, s_hi = _level_interval(start, name="start", func=func)
    e_lo, e_hi = _level_interval(end, name="end", func=func)
    n = years_values(years, func=func)
    check_years(n, years, func=func)
    if n.ndim:
        raise GrowthError(
            f"{func}: years must be one number of steps, found shape {n.shape}; "
            "use cagr() for arrays",
            func=func,
            argument="years",
        )
    approximate = "approximately" in (
        getattr(start, "qualifier", ""),
        getattr(end, "qualifier", ""),
    )
    result = _rate_between((s_lo, s_hi), (e_lo, e_hi), float(n), approximate=approximate, func=func)
    if result is None:
        raise GrowthError(
            f"{func}: start is {figure_words(start)} and end is {figure_words(end)}, so "
            "the rate is bounded neither above nor below (it rises with the end and falls "
            "with the start); give the start or the end as an exact figure",
            func=func,
        )
    return result


def _rate_between(
    start: tuple[float, float],
    end: tuple[float, float],
    steps: float,
    *,
    approximate: bool,
    func: str = "cagr_bounds",
) -> RateBounds | None:
    """The rate from a level in ``start`` to one in ``end`` (intervals of positive levels,
    as :func:`idcforecast._claim_history.bounds` gives them); None when nothing bounds it."""
    (s_lo, s_hi), (e_lo, e_hi) = start, end

    def rate(s: float, e: float) -> float:
        try:
            return math.expm1((math.log(e) - math.log(s)) / steps)
        except OverflowError:  # was a traceback from the command line (years=1e-9)
            check_result(np.array(math.inf), func=func, what="rate", years=np.array(steps))
            raise  # pragma: no cover - check_result raised

    # the rate falls to -100% as the end nears 0 or the start grows without bound
    low = -1.0 if e_lo == 0 or math.isinf(s_hi) else rate(s_hi, e_lo)
    high = math.inf if s_lo == 0 or math.isinf(e_hi) else rate(s_lo, e_hi)
    if low == -1.0 and math.isinf(high):
        return None
    if math.isinf(high):
        return RateBounds(low, high, "at_least", approximate)
    if low == -1.0:
        return RateBounds(low, high, "at_most", approximate)
    return RateBounds(low, high, "approximately" if approximate else "exact", approximate)


def _rate_qualifier(start: str, end: str) -> tuple[str, bool] | None:
    """How the qualifiers of a start and an end figure qualify the rate between them.

    Returns ``(qualifier, approximate)`` as :func:`cagr_bounds` reads the figures (the rate
    rises with the end and falls with the start), or None when nothing bounds the rate.
    A blank qualifier is exact.

    Examples
    --------
    >>> _rate_qualifier("exact", "at_least"), _rate_qualifier("at_least", "")
    (('at_least', False), ('at_most', False))
    >>> _rate_qualifier("approximately", "at_least"), _rate_qualifier("at_least", "at_least")
    (('at_least', True), None)
    """
    return _joint_qualifier(rising=(end,), falling=(start,))


def _joint_qualifier(
    *, rising: tuple[str, ...] = (), falling: tuple[str, ...] = ()
) -> tuple[str, bool] | None:
    """How the qualifiers of the figures a result is computed from qualify the result.

    ``rising``: qualifiers of figures the result rises with (an end level for a rate; a
    base and a rate for a projected end); ``falling``: of figures it falls with (a start
    level for a rate; a rate for an implied base). Returns ``(qualifier, approximate)``, or
    None when the figures bound it from both sides' opposite ends (nothing bounds it).

    Examples
    --------
    >>> _joint_qualifier(rising=("at_least", "exact")), _joint_qualifier(falling=("at_least",))
    (('at_least', False), ('at_most', False))
    >>> _joint_qualifier(rising=("at_least",), falling=("at_least",)) is None
    True
    """
    rising = tuple(q or "exact" for q in rising)
    falling = tuple(q or "exact" for q in falling)
    open_above = "at_least" in rising or "at_most" in falling  # a higher riser, a lower faller
    open_below = "at_most" in rising or "at_least" in falling
    approximate = "approximately" in (*rising, *falling)
    if open_above and open_below:
        return None
    if open_above:
        return "at_least", approximate
    if open_below:
        return "at_most", approximate
    return ("approximately" if approximate else "exact"), approximate


def _level_interval(x: Number, *, name: str, func: str) -> tuple[float, float]:
    """Where one level lies: ``(low, high)``, ``high`` inf for "more than" (positive)."""
    arr = float_values(x, name=name, func=func)
    if arr.ndim:
        raise GrowthError(
            f"{func}: {name} must be one level, found an array of shape {arr.shape}; "
            "use cagr() for element-wise rates",
            func=func,
            argument=name,
        )
    check_level(arr, x, name=name, func=func)
    qualifier = getattr(x, "qualifier", "exact")
    if not getattr(x, "is_range", False):
        return bounds(float(arr), qualifier)
    if not x.low > 0:
        raise GrowthError(
            f"{func}: {name} must be a positive level, found the range {x.low:g} to "
            f"{x.high:g}; compound growth is undefined from or to a level <= 0",
            func=func,
            argument=name,
            value=x.low,
        )
    return bounds(x.low, qualifier)[0], bounds(x.high, qualifier)[1]


def _compound_bounded(level: Number, rate: Any, years: Number, *, sign: float, func: str) -> Any:
    """``idcforecast.growth._compound`` for a rate Quantity that is a range or a bound
    ("more than 27.8%").

    The result rises with the level; it rises with the rate going forward (``sign`` 1) and
    falls with it going back (``sign`` -1). Each end of the result is taken from the ends of
    the level's and the rate's intervals that push it that way (never a midpoint's).
    """
    name = "base" if sign > 0 else "end"
    rate_values(rate, func=func)  # unit '%' and > -100%
    if rate.is_range and not rate.low > -100:
        raise GrowthError(
            f"{func}: rate must be > -100%, found the range {rate.low:g}% to {rate.high:g}%; "
            "a level cannot fall by 100% or more",
            func=func,
            argument="rate",
            value=rate.low,
        )
    n = years_values(years, func=func)
    check_years(n, years, func=func)
    if n.ndim or not is_quantity(level):
        raise GrowthError(
            f"{func}: rate {rate_words(rate)} is a range or a bound, so the result is one "
            f"too: give the {name} as one Quantity (parse_quantity('3200亿元')) and years as "
            "one number of steps, and the result is a Quantity carrying the range or bound; "
            "or pass rate.value to use the published figure as an exact rate",
            func=func,
            argument="rate",
        )
    l_lo, l_hi = _level_interval(level, name=name, func=func)
    low_pct, high_pct = (rate.low, rate.high) if rate.is_range else (rate.value, rate.value)
    r_lo = bounds(low_pct / 100.0, rate.qualifier, floor=-1.0)[0]
    r_hi = bounds(high_pct / 100.0, rate.qualifier, floor=-1.0)[1]
    steps = float(n)

    def factor(r: float) -> float:  # (1 + r) ** (sign * steps), 0 and inf at the ends
        if r == -1.0:
            return 0.0 if sign > 0 else math.inf
        if math.isinf(r):
            return math.inf if sign > 0 else 0.0
        try:
            value = math.exp(sign * steps * math.log1p(r))
        except OverflowError:
            value = math.inf
        if value == 0 or math.isinf(value):  # out of the float range, not a bound
            what = "target" if sign > 0 else "base"
            check_result(np.array(value), func=func, what=what, years=n)
        return value

    # the rate end that lowers the result: its low end going forward, its high end back
    f_lo, f_hi = (factor(r_lo), factor(r_hi)) if sign > 0 else (factor(r_hi), factor(r_lo))
    low = 0.0 if f_lo == 0 else l_lo * f_lo
    high = math.inf if math.isinf(f_hi) or math.isinf(l_hi) else l_hi * f_hi
    if low == 0 and math.isinf(high):
        raise GrowthError(
            f"{func}: {name} is {figure_words(level)} and rate is "
            f"{rate_words(rate)}, so the {'target' if sign > 0 else 'base'} is bounded "
            f"neither above nor below (it rises with the {name} and "
            f"{'rises' if sign > 0 else 'falls'} with the rate); give the {name} or the rate "
            "as an exact figure or a range",
            func=func,
        )
    approximate = "approximately" in (getattr(level, "qualifier", ""), rate.qualifier)
    if math.isinf(high):
        qualifier, value, lo, hi = "at_least", low, None, None
    elif low == 0:
        qualifier, value, lo, hi = "at_most", high, None, None
    else:  # a range: its midpoint is the value, as parse_quantity gives a range
        qualifier = "approximately" if approximate else "exact"
        value = (low + high) / 2
        lo, hi = (low, high) if low < high else (None, None)
    result = dataclasses.replace(
        level,
        value=value,
        low=lo,
        high=hi,
        qualifier=qualifier,
        alternate=None,
        year=None,
        text=None,
    )
    return about_bound(result, level, rate, years=steps)
