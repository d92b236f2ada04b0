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
from typing import TYPE_CHECKING

from idcforecast.errors import MissingFxRateError, ScenarioWarning

if TYPE_CHECKING:
    from idcforecast.units import Quantity

__all__ = ["LOOKBACK_YEARS", "at_constant_rate", "fx_rate_words", "warn_constant_rate"]

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
    figure: Quantity | None = None,
) -> None:
    """The ScenarioWarning for ``where`` in ``year`` read at ``anchor``'s rate (``why``
    says why that year) as ``level`` ``unit``; ``instead`` is the other fix ("pass the
    threshold in 'CNY 100m'"). ``stacklevel`` is counted from the function calling this
    one (1: that function's line), as ``warnings.warn`` counts from its caller.

    ``figure``: the figure converted ("US$150bn"), when it is money in another currency:
    the warning then names the rate, its year and source and gives ``level`` to the
    figure's significant digits, three at least (it printed "10,781.2 CNY 100m" at no
    stated rate), as ``idcforecast parse --to`` does."""
    rate, digits = ("", 0) if figure is None else fx_rate_words(figure, unit, anchor)
    shown = f"{_level(level)} {unit}"
    if rate:
        from idcforecast._rounding import to_significant_digits

        shown = (
            f"about {_level(to_significant_digits(level, digits))} {unit} (rounded to "
            f"{digits} significant digits)"
        )
        rate = f", {rate}"
    warnings.warn(
        f"{where} in {year}: the FX table has no {year} rate, so it is read at the {anchor} "
        f"rate{rate} ({why}; exchange rates held constant): {shown}; give a {year} "
        f"rate (--fx-rates FILE, idcforecast.units.fx.use_fx_rates) to use it, or {instead}",
        ScenarioWarning,
        stacklevel=stacklevel + 1,
    )


def fx_rate_words(figure: Quantity, unit: str, year: int) -> tuple[str, int]:
    """The FX rate converting ``figure`` into ``unit`` in ``year`` as a market quotes it
    (the direction above 1), with its source (the publisher of the bundled table's annual
    average, Federal Reserve G.5A or the ECB-derived rows, or the user's file), and the
    significant digits to show the converted figure with (the figure's, three at least);
    ("", 0) when no currency changes.

    Examples
    --------
    >>> from idcforecast.units import Quantity
    >>> fx_rate_words(Quantity(150, "USD bn"), "CNY 100m", 2025)
    ('7.1875 CNY per USD, the 2025 annual average of Federal Reserve G.5A', 3)
    >>> fx_rate_words(Quantity(150, "CNY bn"), "CNY 100m", 2025)
    ('', 0)
    """
    from idcforecast._rounding import significant_digits
    from idcforecast.units.convert import fx_file_between
    from idcforecast.units.fx import bundled_fx_source, fx_rate
    from idcforecast.units.registry import parse_unit

    theirs = parse_unit(figure.unit).currency or ""
    ours = parse_unit(unit).currency or ""
    if not theirs or not ours or theirs == ours:
        return "", 0
    per_theirs = fx_rate(theirs, ours, year=year)
    if per_theirs < 1:
        rate = f"{1 / per_theirs:,.4f} {theirs} per {ours}"
    else:
        rate = f"{per_theirs:,.4f} {ours} per {theirs}"
    origin = fx_file_between(figure.unit, unit, year=year)
    source = f"from {origin}" if origin else f"of {bundled_fx_source(theirs, ours, year=year)}"
    return f"{rate}, the {year} annual average {source}", max(3, significant_digits(figure.value))


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
    figure: Quantity | None = None,
) -> float:
    """``convert(year)``; for a year after the FX table's last (a MissingFxRateError), the
    value at ``anchor``'s rate when given (the driver model's year), else at the latest
    earlier year with a rate, with :func:`warn_constant_rate`. A year before the table's
    first, or a pair it lacks, raises the original error. ``stacklevel`` is counted from
    the function calling this one; ``figure`` (the figure converted) names the rate in the
    warning (:func:`warn_constant_rate`)."""
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
            where,
            year,
            earlier,
            why,
            level,
            unit,
            instead,
            stacklevel=stacklevel + 1,
            figure=figure,
        )
        return level
    raise first_error
