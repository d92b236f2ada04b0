"""Driver values from figure text and numbers, in each driver's internal unit.

"500 billion yuan", "RMB 20-50 m per MW" (a range: a uniform driver), "1,000 yuan per kW
per month" (per kW: converted at the model's kw_per_rack), "61.9%"; a bare number in text is
in the driver's own unit, and a bound ("more than ...") is refused.
"""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING, Any

from idcforecast.errors import SpecError

if TYPE_CHECKING:
    from idcforecast.units import Quantity

__all__ = ["TEXT_EXAMPLES", "TEXT_UNITS", "text_quantity", "to_number"]


# driver -> the unit figure text converts to (rates in the parser's canonical spelling)
TEXT_UNITS = {
    "capex": "CNY",
    "capex_per_mw": "CNY/MW",
    "kw_per_rack": "kW/racks",
    "racks": "racks",
    "utilisation": "%",
    "revenue_per_rack": "CNY/racks/year",
    "revenue_per_kw": "CNY/kW/year",
    "mw": "MW",
}


def text_quantity(
    name: str, text: str, *, year: int | None, kw_per_rack: float
) -> tuple[float, float | None, float | None]:
    """Figure text as ``(value, low, high)`` in the driver's internal unit (low/high: a range)."""
    from idcforecast.errors import IdcForecastError, IncompatibleUnitsError
    from idcforecast.scenarios._driver_inputs import DRIVER_UNITS
    from idcforecast.units import parse_quantity

    target = TEXT_UNITS[name]
    where = f"driver {name!r}: figure text {text!r}"
    try:
        quantity = parse_quantity(text)
    except IdcForecastError as err:
        raise SpecError(
            f"{where} is not a figure ({err}); give a number in {DRIVER_UNITS[name][0]} or "
            f"text such as {TEXT_EXAMPLES[name]!r}",
            key=name,
        ) from err
    if quantity.qualifier in ("at_least", "at_most"):  # was read as the figure itself
        side = "lower" if quantity.qualifier == "at_least" else "upper"
        raise SpecError(
            f"{where} is a bound (its {side} end only), but a driver is a value or a range "
            "and the bound was being dropped; give the range you assume, e.g. "
            f"{name}=(low, high), or the figure itself without 'more than'/'less than'",
            key=name,
            value=text,
        )
    if quantity.unit == "count":
        # a bare number ("1,000,000", "0.62" from a text column) is in the driver's own unit,
        # as a bare threshold or cap is in the series unit; it was refused with "no
        # conversion between count and racks"
        return quantity.value, quantity.low, quantity.high
    if quantity.unit.startswith("count "):  # "520万", "500 billion": a magnitude, no unit
        raise SpecError(
            f"{where} has a magnitude word but no unit (a count, {quantity.unit!r}); write "
            f"the unit after it, as in {TEXT_EXAMPLES[name]!r}, or pass a number in "
            f"{DRIVER_UNITS[name][0]}",
            key=name,
            value=text,
        )
    try:
        converted = _converted(name, text, quantity, target, year, kw_per_rack)
    except IdcForecastError as err:
        if math.isnan(kw_per_rack) and "kw_per_rack" in err.fields:
            per_kw = (
                "; for a price per kW with a density range, give it as revenue_per_kw= "
                "(each draw's density multiplies it)"
                if name == "revenue_per_rack"
                else ""
            )
            raise SpecError(
                f"{where} is in {quantity.unit!r}; converting it to {target!r} needs one "
                "rack density, but kw_per_rack is not a single number here; give kw_per_rack "
                f"as a number or the figure in {target!r} (e.g. {TEXT_EXAMPLES[name]!r})" + per_kw,
                key=name,
            ) from err
        hint = ""
        if isinstance(err, IncompatibleUnitsError):
            hint = f"; write it in {DRIVER_UNITS[name][0]}, e.g. {TEXT_EXAMPLES[name]!r}"
        raise SpecError(f"{where} in {quantity.unit!r}: {err}{hint}", key=name) from err
    scale = 0.01 if name == "utilisation" else 1.0  # percent -> fraction
    low, high = converted.low, converted.high
    return (
        converted.value * scale,
        None if low is None else low * scale,
        None if high is None else high * scale,
    )


def _converted(
    name: str, text: str, quantity: Quantity, target: str, year: int | None, kw_per_rack: float
) -> Quantity:
    """``quantity`` in ``target``; money in another currency for a year after the FX
    table's last at the table's last rate for the pair, with a ScenarioWarning, as a
    threshold and a reconciliation's top-down figure are read (``_constant_fx``); it was
    refused ("the nearest year is never used") for ``DriverModel(..., year=2030)``."""
    from idcforecast._caller import caller_stacklevel
    from idcforecast.scenarios._constant_fx import at_constant_rate

    if year is None:
        return quantity.to(target, year=year, kw_per_rack=kw_per_rack)
    read: dict[str, Quantity] = {}  # the conversion at_constant_rate settled on

    def value_at(rate_year: int) -> float:
        read["at"] = quantity.to(target, year=rate_year, kw_per_rack=kw_per_rack)
        return float(read["at"].value)

    at_constant_rate(
        value_at,
        year,
        anchor=None,
        where=f"DriverModel: driver {name!r} {text!r}",
        unit=target,
        instead=f"give the driver in yuan (e.g. {TEXT_EXAMPLES[name]!r})",
        stacklevel=caller_stacklevel(),
        figure=quantity,
    )
    return read["at"]


TEXT_EXAMPLES = {
    "capex": "500 billion yuan",
    "capex_per_mw": "RMB 20-50 m per MW",
    "kw_per_rack": "6 kW per rack",
    "racks": "520万架",
    "utilisation": "61.9%",
    "revenue_per_rack": "9,486 yuan per rack per month",
    "revenue_per_kw": "1,000 yuan per kW per month",
    "mw": "300 MW",
}


def to_number(name: str, value: Any, *, year: int | None, kw_per_rack: float) -> float:
    if isinstance(value, str):
        number, low, _ = text_quantity(name, value, year=year, kw_per_rack=kw_per_rack)
        if low is not None:
            raise SpecError(
                f"driver {name!r}: figure text {value!r} is a range where one number is "
                f"expected; give the range as the whole driver ({name}={value!r} reads as "
                "uniform low-high) or split it into low and high",
                key=name,
            )
        return number
    # numbers.Real: numpy's scalars too (np.int64 from an integer column, np.float32), which
    # were refused as "expected a number"; bool (and np.bool_, no Real) is no driver value
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise SpecError(
            f"driver {name!r}: expected a number or figure text; found {value!r}", key=name
        )
    return float(value)
