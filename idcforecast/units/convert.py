"""Conversion between units: magnitudes, currencies (FX by year), racks <-> power."""

from __future__ import annotations

import math
import numbers
from typing import Any

from idcforecast.errors import (
    IdcForecastError,
    IncompatibleUnitsError,
    MissingFxRateError,
    ParseError,
    UnitError,
)
from idcforecast.units.fx import fx_rate
from idcforecast.units.quantity import Quantity
from idcforecast.units.registry import MONEY, Unit, chinese_magnitude, parse_unit

__all__ = [
    "DEFAULT_KW_PER_RACK",
    "changes_currency",
    "conversion_factor",
    "convert",
    "fx_file_between",
]

DEFAULT_KW_PER_RACK = 2.5  # MIIT standard rack: "按照标准机架2.5kW统计"
_WATTS_PER_KW = 1e3


def checked_kw_per_rack(
    kw_per_rack: Any, /, *, error: type[IdcForecastError] = UnitError, **fields: Any
) -> float:
    """``kw_per_rack`` as a float, or ``error`` (with ``fields``) when it is not a positive
    finite number: one check and one message for conversions (UnitError) and for the
    options of claims and scenarios that take it.

    Examples
    --------
    >>> checked_kw_per_rack(5)
    5.0
    """
    ok = isinstance(kw_per_rack, numbers.Real) and not isinstance(kw_per_rack, bool)
    if not (ok and math.isfinite(kw_per_rack) and kw_per_rack > 0):
        raise error(
            f"kw_per_rack: expected a positive number of kW per standard rack, found "
            f"{kw_per_rack!r}; pass e.g. kw_per_rack=2.5 (MIIT standard rack) or 5 "
            "(a 5 kW cabinet)",
            **fields,
        )
    return float(kw_per_rack)


def _watts_per_rack(kw_per_rack: float) -> float:
    return checked_kw_per_rack(kw_per_rack, kw_per_rack=kw_per_rack) * _WATTS_PER_KW


# currencies a reader may take for another; the FX table never stands one in for the other
_NOT_THE_SAME = {
    "CNH": "CNH is the offshore yuan (traded in Hong Kong), not CNY: its rate "
    "differs from CNY's and is never taken for it"
}


def _fx_rate(source: str, target: str, year: int | None) -> float:
    """:func:`fx_rate`, its missing-rate error saying why CNH is not read as CNY."""
    try:
        return fx_rate(source, target, year=year)
    except MissingFxRateError as err:
        why = next((_NOT_THE_SAME[c] for c in (source, target) if c in _NOT_THE_SAME), None)
        if why is None:
            raise
        fields = {key: getattr(err, key) for key in err.fields}
        raise MissingFxRateError(f"{err.message}; {why}", **fields) from None


def _simple_factor(src: Unit, dst: Unit, year: int | None, kw_per_rack: float) -> float | None:
    """Factor between two units without denominators, or None when there is no path."""
    if src.dimension == dst.dimension:
        ratio = src.factor / dst.factor
        if src.dimension == MONEY:
            ratio *= _fx_rate(src.base, dst.base, year)
        return ratio
    dimensions = (src.dimension, dst.dimension)
    if dimensions == ("racks", "power"):
        return src.factor * _watts_per_rack(kw_per_rack) / dst.factor
    if dimensions == ("power", "racks"):
        return src.factor / (_watts_per_rack(kw_per_rack) * dst.factor)
    return None


def conversion_factor(
    from_unit: str,
    to_unit: str,
    *,
    year: int | None = None,
    kw_per_rack: float = DEFAULT_KW_PER_RACK,
) -> float:
    """The number to multiply a value in ``from_unit`` by to express it in ``to_unit``.

    One call per unit pair, then multiply a whole column: the vectorized path for loaders.

    Parameters
    ----------
    from_unit, to_unit
        Any unit spellings the registry knows.
    year
        Year of the FX rate; required only when the currencies differ.
    kw_per_rack
        Power of one standard rack in kW (default 2.5), used only between racks and power.

    Raises
    ------
    IncompatibleUnitsError
        No conversion path (money -> MW, servers -> racks, % -> count, a rate to a
        non-rate, an exchange rate such as "CNY/USD" to anything but itself). Rates
        convert part by part: "USD/kW/month" -> "CNY mn/MW/year".
    MissingFxRateError
        Different currencies without a year, or a pair/year the FX table lacks.
    UnknownUnitError, ParseError
        A unit the registry cannot read.

    Examples
    --------
    >>> conversion_factor("亿元", "CNY bn")
    0.1
    >>> conversion_factor("万架", "MW")
    25.0
    >>> round(conversion_factor("CNY 100m", "USD bn", year=2020), 6)
    0.014484
    >>> conversion_factor("万元/racks", "CNY mn/MW")  # 1e4 yuan per 2.5 kW = 4 m per MW
    4.0
    """
    src, dst = parse_unit(from_unit), parse_unit(to_unit)
    if src.is_exchange_rate or dst.is_exchange_rate:
        if src == dst:
            return 1.0
        rate = src if src.is_exchange_rate else dst
        raise IncompatibleUnitsError(
            f"cannot convert {from_unit!r} to {to_unit!r}: {rate.canonical!r} is an exchange "
            f"rate ({rate.base} per {rate.per[0]}), not an amount of money, and converts to "
            f"no other unit than itself; to express money in another currency convert the "
            f"amount with a year (convert(x, 'USD bn', from_unit='CNY bn', year=2020)); for "
            f"{rate.per[0]} per {rate.base} take 1 / the rate",
            from_unit=from_unit,
            to_unit=to_unit,
        )
    if len(src.per) == len(dst.per):
        factor = _simple_factor(src.numerator(), dst.numerator(), year, kw_per_rack)
        unmatched = list(dst.denominators())
        for denominator in src.denominators():
            for i, candidate in enumerate(unmatched):
                step = _simple_factor(denominator, candidate, None, kw_per_rack)
                if step is not None:
                    factor = None if factor is None else factor / step
                    del unmatched[i]
                    break
            else:
                factor = None
        if factor is not None:
            return factor
    if (hint := _magnitude_alone(src, dst)) is not None:
        raise IncompatibleUnitsError(
            f"cannot convert {from_unit!r} ({src.dimension}) to {to_unit!r}: the unit asked "
            f"for is a plain count (the magnitude {dst.magnitude!r} without a currency or "
            f"unit); did you mean {hint}?",
            from_unit=from_unit,
            to_unit=to_unit,
        )
    raise IncompatibleUnitsError(
        f"cannot convert {from_unit!r} ({src.dimension}) to {to_unit!r} ({dst.dimension}): "
        f"there is no conversion between {src.dimension} and {dst.dimension}; convert to a "
        f"unit of the same dimension (racks and power convert through kw_per_rack, "
        "currencies through the FX table by year)",
        from_unit=from_unit,
        to_unit=to_unit,
    )


def _magnitude_alone(src: Unit, dst: Unit) -> str | None:
    """The unit meant when the target ``dst`` is a magnitude alone ("亿", "bn": a plain
    count) and the value is money or a physical unit, e.g. "'亿元' (CNY 100m)"; else None.

    Examples
    --------
    >>> _magnitude_alone(parse_unit("亿元"), parse_unit("亿"))
    "'亿元' (CNY 100m)"
    >>> _magnitude_alone(parse_unit("USD mn"), parse_unit("bn"))
    "'USD bn'"
    """
    if dst.dimension != "count" or dst.magnitude is None or src.dimension == "count" or src.per:
        return None
    meant = Unit(src.base, dst.magnitude, src.dimension, 1.0).canonical
    chinese = chinese_magnitude(dst.magnitude)
    if src.base == "CNY" and chinese is not None:
        return f"'{chinese}元' ({meant})"
    return repr(meant)


def convert(
    x: str | Quantity | float,
    unit: str,
    *,
    from_unit: str | None = None,
    year: int | None = None,
    kw_per_rack: float = DEFAULT_KW_PER_RACK,
) -> float:
    """Convert a figure to ``unit`` and return the number (a range gives its midpoint).

    Parameters
    ----------
    x
        Figure text ("1,562.5亿元"), a :class:`Quantity`, or a plain number with ``from_unit``.
    unit
        Target unit, any spelling.
    from_unit
        The unit of a plain number; must be None for text and quantities (they carry one).
    year, kw_per_rack
        As in :func:`conversion_factor`.

    Examples
    --------
    >>> convert("1,562.5亿元", "CNY bn")
    156.25
    >>> round(convert("500 billion yuan", "USD bn", year=2020), 2)
    72.42
    >>> convert(2.6, "racks", from_unit="racks mn")
    2600000.0
    """
    if isinstance(x, Quantity | str):
        if from_unit is not None:
            raise ParseError(
                f"convert({x!r}, {unit!r}): from_unit={from_unit!r} is only for plain numbers; "
                f"the figure carries its own unit, so drop from_unit",
                from_unit=from_unit,
            )
        if isinstance(x, str):
            # here, not with the module: the figure reader costs two thirds of the package's
            # import, which callers that only look up units (the registry) need not pay
            from idcforecast.units.parse import parse_quantity

            x = parse_quantity(x)
        return x.to(unit, year=year, kw_per_rack=kw_per_rack).value
    if from_unit is None:
        raise ParseError(
            f"convert({x!r}, {unit!r}): a plain number needs from_unit (e.g. from_unit='CNY "
            f"100m'), found none; pass its unit or pass figure text such as '{x} 亿元'",
            value=x,
        )
    if isinstance(x, bool) or not isinstance(x, numbers.Real) or not math.isfinite(x):
        raise ParseError(
            f"convert({x!r}, {unit!r}): expected a finite number, text or a Quantity, "
            f"found {type(x).__name__} {x!r}; pass a real number",
            value=repr(x),
        )
    factor = conversion_factor(from_unit, unit, year=year, kw_per_rack=kw_per_rack)
    return float(x) * factor


def changes_currency(from_unit: str, to_unit: str) -> bool:
    """Whether converting ``from_unit`` to ``to_unit`` goes through an FX rate (two
    currencies), so that growth in ``to_unit`` includes FX moves.

    Examples
    --------
    >>> changes_currency("CNY 100m", "USD bn"), changes_currency("CNY 100m", "CNY bn")
    (True, False)
    >>> changes_currency("MW", "MW")
    False
    """
    if from_unit == to_unit:  # nothing converted
        return False
    return parse_unit(from_unit).currency != parse_unit(to_unit).currency


def fx_file_between(from_unit: str, to_unit: str, *, year: int) -> str | None:
    """The user FX file (:func:`idcforecast.use_fx_rates`) whose rate converts
    ``from_unit`` to ``to_unit`` in ``year``; None when the rate is the bundled table's or
    no currency changes (a magnitude, or no money at all).

    Examples
    --------
    >>> fx_file_between("CNY 100m", "USD bn", year=2020) is None  # bundled G.5A
    True
    >>> fx_file_between("MW", "racks", year=2020) is None
    True
    """
    from idcforecast.units.fx import fx_rate_origin

    source, target = parse_unit(from_unit).currency, parse_unit(to_unit).currency
    if source is None or target is None or source == target:
        return None
    return fx_rate_origin(source, target, year=year)
