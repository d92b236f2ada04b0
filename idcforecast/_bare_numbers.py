"""Bare numbers beside converted ones in one series (:func:`warn_bare_beside_converted`):
``unit=`` is both the unit values are converted to and the unit of numbers written without
one, so a folder of "value（亿元）" files and ``year,value`` files read with
``unit="CNY bn"`` converted the first (1,562.5 亿元 = 156.25 CNY bn) and took the second's
3,012.7 (亿元 as well) as 3,012.7 CNY bn: a tenfold error, without a word."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING

from idcforecast._caller import caller_stacklevel

if TYPE_CHECKING:
    from idcforecast._normalize import Observation

__all__ = ["warn_bare_beside_converted"]


def warn_bare_beside_converted(
    sid: str, group: list[Observation], target: str, canonical: Callable[[str], str]
) -> None:
    """Warn (:class:`~idcforecast.errors.AmbiguousNumberWarning`) when series ``sid``,
    read with ``unit=`` (canonical ``target``), holds values stated in another unit
    (converted to ``target``) and bare numbers (taken as ``target``). Nothing is changed.

    Examples
    --------
    >>> from idcforecast._cells import Figure
    >>> from idcforecast._normalize import Observation
    >>> rows = [Observation("m", 2020, Figure(2238.7, "CNY 100m"), "a.csv row 2"),
    ...         Observation("m", 2021, Figure(3012.7, None), "b.csv row 2")]
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_bare_beside_converted("m", rows, "CNY bn", str)
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    series 'm': 1 value (a.csv row 2) stated in 'CNY 100m' is converted to 'CNY bn', while
    1 bare number (b.csv row 2) is taken as 'CNY bn' (unit= is also the unit of numbers
    written without one); if the bare numbers are in 'CNY 100m' too, state it (a unit
    column, or the unit in their value column's header) or pass unit='CNY 100m'; they are
    read as 'CNY bn'
    """
    bare = [obs for obs in group if obs.figure.unit is None]
    if not bare:
        return
    stated = [o for o in group if o.figure.unit is not None and canonical(o.figure.unit) != target]
    if not stated:
        return
    first = canonical(str(stated[0].figure.unit))
    in_first = [o.figure.value for o in stated if canonical(str(o.figure.unit)) == first]
    if not _closer_in(first, target, stated[0].year, in_first, [o.figure.value for o in bare]):
        return  # "52 billion yuan" beside bare 亿元 in line with it: nothing to say
    from idcforecast.errors import AmbiguousNumberWarning

    def counted(rows: list[Observation], what: str) -> str:
        more = f", and {len(rows) - 1} more" if len(rows) > 1 else ""
        return f"{len(rows)} {what}{'' if len(rows) == 1 else 's'} ({rows[0].place}{more})"

    warnings.warn(
        f"series {sid!r}: {counted(stated, 'value')} stated in {first!r} "
        f"{'is' if len(stated) == 1 else 'are'} converted to {target!r}, while "
        f"{counted(bare, 'bare number')} {'is' if len(bare) == 1 else 'are'} taken as "
        f"{target!r} (unit= is also the unit of numbers written without one); if the bare "
        f"numbers are in {first!r} too, state it (a unit column, or the unit in their value "
        f"column's header) or pass unit={first!r}; they are read as {target!r}",
        AmbiguousNumberWarning,
        stacklevel=caller_stacklevel(),
    )


def _closer_in(
    stated_unit: str, target: str, year: int, stated: list[float], bare: list[float]
) -> bool:
    """Whether the ``bare`` numbers, read in ``stated_unit`` rather than ``target``, fall in
    line with the ``stated`` values converted to ``target`` (their geometric means 3 times
    or more apart as read, and within 3 times the other way): a tenfold step between two
    files, not a text figure ("52 billion yuan") beside bare numbers already in ``target``.

    Examples
    --------
    >>> _closer_in("CNY 100m", "CNY bn", 2020, [1562.5, 2238.7], [3012.7, 4043.2])
    True
    >>> _closer_in("CNY bn", "CNY 100m", 2021, [52.0], [358.3, 430.0])
    False
    >>> _closer_in("USD", "USD bn", 2020, [1300.0], [1.2, 1.4])  # the $1,300 is the slip
    False
    """
    import math

    from idcforecast.errors import IdcForecastError
    from idcforecast.units import conversion_factor

    try:
        factor = conversion_factor(stated_unit, target, year=year)
    except IdcForecastError:
        return False
    converted = [value * factor for value in stated]
    if not converted or not bare or any(v <= 0 for v in [*converted, *bare]):
        return False

    def log_mean(xs: list[float]) -> float:
        return sum(math.log(x) for x in xs) / len(xs)

    apart = log_mean(bare) - log_mean(converted)  # bare as read, against the converted
    # in line the other way: within 3 times (a "$1,300" slip among bare USD bn, a millionfold
    # apart either way, is the MagnitudeJumpWarning's to name, not this one's)
    return abs(apart) >= math.log(3) and abs(apart + math.log(factor)) < math.log(3)
