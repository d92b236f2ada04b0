"""Money in another currency for a year after the FX table's last: one rule, one warning.

The FX table stops at its last year (2025 in the bundled one), while scenarios and
comparisons run to 2030. A figure in another currency for such a year is read at the rate
of an earlier year, held constant, and a :class:`~idcforecast.errors.ScenarioWarning` says
which year and why: the FX table's last year for the pair for a threshold against
simulated paths (:func:`~idcforecast.prob_exceeds`), a ``DriverModel``'s figures ("US$10bn"
with ``year=2030``) and its summary's ``revenue_unit``; the driver model's year or else the
FX table's last year for :func:`~idcforecast.reconciliation_table`. (A scenario ``cap`` in
another currency is one level for every year, read at the last observed year's rate.) The
units module itself never uses a nearest year (:func:`idcforecast.units.fx.fx_rate`);
these callers say so when they do.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

from idcforecast.errors import MissingFxRateError, ScenarioWarning

__all__ = ["LOOKBACK_YEARS", "at_constant_rate", "warn_constant_rate"]

LOOKBACK_YEARS = 50  # how far back a rate is looked for (the bundled table starts in 2010)


def warn_constant_rate(
    where: str,
    year: int,
    anchor: int,
    why: str,
    level: float,
    unit: str,
    instead: str,
    *,
    stacklevel: int,
) -> None:
    """The ScenarioWarning for ``where`` in ``year`` read at ``anchor``'s rate (``why``
    says why that year) as ``level`` ``unit``; ``instead`` is the other fix ("pass the
    threshold in 'CNY 100m'"). ``stacklevel`` is counted from the function calling this
    one (1: that function's line), as ``warnings.warn`` counts from its caller."""
    warnings.warn(
        f"{where} in {year}: the FX table has no {year} rate, so it is read at the {anchor} "
        f"rate ({why}; exchange rates held constant): {_level(level)} {unit}; give a {year} "
        f"rate (--fx-rates FILE, idcforecast.units.fx.use_fx_rates) to use it, or {instead}",
        ScenarioWarning,
        stacklevel=stacklevel + 1,
    )


def _level(value: float) -> str:
    """Six significant digits below a million ("10,621.4"), whole numbers above: ",.6g"
    wrote 71.875 billion yuan as "7.1875e+10"."""
    return f"{value:,.0f}" if abs(value) >= 1e6 else f"{value:,.6g}"


def at_constant_rate(
    convert: Callable[[int], float],
    year: int,
    *,
    anchor: int | None,
    where: str,
    unit: str,
    instead: str,
    stacklevel: int,
) -> float:
    """``convert(year)``; for a year after the FX table's last (a MissingFxRateError), the
    value at ``anchor``'s rate when given (the driver model's year), else at the latest
    earlier year with a rate, with :func:`warn_constant_rate`. A year before the table's
    first, or a pair it lacks, raises the original error. ``stacklevel`` is counted from
    the function calling this one."""
    try:
        return convert(year)
    except MissingFxRateError as err:
        first_error = err
    anchored = anchor is not None and anchor != year
    candidates: list[int] | range = (
        [anchor] if anchor is not None and anchored else range(year - 1, year - LOOKBACK_YEARS, -1)
    )
    for earlier in candidates:
        try:
            level = convert(earlier)
        except MissingFxRateError:
            continue
        why = (
            "the driver model's year, whose rate converts its revenue"
            if anchored
            else "the FX table's last year for the pair"
        )
        warn_constant_rate(
            where, year, earlier, why, level, unit, instead, stacklevel=stacklevel + 1
        )
        return level
    raise first_error
