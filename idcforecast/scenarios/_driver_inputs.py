"""One driver of a :class:`~idcforecast.scenarios.drivers.DriverModel`: its units, valid
ranges and distributions (:class:`Driver`), built from a number, a ``(low, high)`` pair, a
mapping or figure text, and checked (private to ``drivers``, which re-exports ``Driver``)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from statistics import NormalDist
from typing import Any

import numpy as np

from idcforecast.errors import SpecError
from idcforecast.scenarios._driver_text import text_quantity, to_number

__all__ = ["DISTRIBUTIONS", "DRIVER_UNITS", "Driver"]

DISTRIBUTIONS = ("fixed", "uniform", "triangular", "normal", "lognormal")
# driver -> (unit, upper bound of a valid value); every driver must be > 0
DRIVER_UNITS: dict[str, tuple[str, float]] = {
    "capex": ("CNY", math.inf),
    "capex_per_mw": ("CNY per MW", math.inf),
    "kw_per_rack": ("kW per rack", math.inf),
    "racks": ("racks", math.inf),
    "utilisation": ("fraction", 1.0),
    "revenue_per_rack": ("CNY per rack per year", math.inf),
    "revenue_per_kw": ("CNY per kW per year", math.inf),
    "mw": ("MW", math.inf),  # last: the others' random streams stay as they were
}
# driver -> (smallest plausible value, how to write a typical one): values below are a
# magnitude slip (RMB 20-50 m per MW written as (20, 50)), not a data center
PLAUSIBLE_MINIMUM: dict[str, tuple[float, str]] = {
    "capex_per_mw": (1e5, "RMB 20-50 m per MW is (20e6, 50e6)"),
    "revenue_per_rack": (100.0, "RMB 50,000 a rack a year is 50e3"),
    "revenue_per_kw": (10.0, "RMB 1,000 a kW a month is 12e3 a year"),
}
# yearly prices below a month's worth of the cheapest racks (1,000 yuan a rack, 100 a kW):
# a monthly rent typed as a number (9,486 for "9,486 yuan per rack per month") is a twelfth
# of the price, and lands here; a ScenarioWarning says so (a real price there is possible)
MONTHLY_SLIP: dict[str, tuple[float, str]] = {
    "revenue_per_rack": (12_000.0, "yuan per rack per month"),
    "revenue_per_kw": (1_200.0, "yuan per kW per month"),
}
Z95 = NormalDist().inv_cdf(0.95)  # low/high of normal and lognormal = p5/p95


@dataclass(frozen=True)
class Driver:
    """One assumption: a fixed value or a distribution, with its unit and source.

    Examples
    --------
    >>> d = Driver(name="capex_per_mw", dist="uniform", low=20e6, high=50e6,
    ...            source="shared reference s.8: working range for China")
    >>> d.bounds()
    (20000000.0, 50000000.0)
    """

    name: str
    dist: str = "fixed"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    source: str = ""
    note: str = ""

    @property
    def unit(self) -> str:
        return DRIVER_UNITS[self.name][0]

    def bounds(self) -> tuple[float, float]:
        """Range used for interval arithmetic (fixed: the value twice; p5/p95 for normals)."""
        if self.dist == "fixed":
            return float(self.value), float(self.value)  # type: ignore[arg-type]
        return float(self.low), float(self.high)  # type: ignore[arg-type]

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """``n`` draws of the driver."""
        lo, hi = self.bounds()
        if self.dist == "fixed":
            return np.full(n, lo)
        if self.dist == "uniform":
            return rng.uniform(lo, hi, n)
        if self.dist == "triangular":
            return rng.triangular(lo, float(self.value), hi, n)  # type: ignore[arg-type]
        if self.dist == "normal":
            return rng.normal((lo + hi) / 2, (hi - lo) / (2 * Z95), n)
        mu, sd = (math.log(lo) + math.log(hi)) / 2, (math.log(hi) - math.log(lo)) / (2 * Z95)
        return rng.lognormal(mu, sd, n)


def _make_driver(name: str, spec: Any, *, year: int | None, kw_per_rack: float) -> Driver:
    def number(value: Any) -> float:
        return to_number(name, value, year=year, kw_per_rack=kw_per_rack)

    if isinstance(spec, Driver):
        driver = replace(spec, name=name)
    elif isinstance(spec, str):
        middle, low, high = text_quantity(name, spec, year=year, kw_per_rack=kw_per_rack)
        if low is not None:  # "RMB 20-50 m per MW" is the uniform range, not its midpoint
            driver = Driver(name=name, dist="uniform", low=low, high=high)
        else:
            driver = Driver(name=name, value=middle)
    elif isinstance(spec, Mapping):
        extra = set(spec) - {"dist", "value", "low", "mode", "high", "source", "note"}
        if extra:
            raise SpecError(
                f"driver {name!r}: unknown key {sorted(extra)[0]!r}; expected dist, value, "
                "low, mode, high, source, note",
                key=name,
            )
        mode = spec.get("mode", spec.get("value"))
        if "mode" in spec and "value" in spec and spec["mode"] != spec["value"]:
            raise SpecError(  # mode won and value was dropped in silence
                f"driver {name!r}: both mode {spec['mode']!r} and value {spec['value']!r} "
                "given; they are one number (the fixed value, or a triangular's peak): give one",
                key=name,
            )
        driver = Driver(
            name=name,
            dist=str(spec.get("dist", "fixed" if "low" not in spec else "uniform")),
            value=None if mode is None else number(mode),
            low=None if spec.get("low") is None else number(spec["low"]),
            high=None if spec.get("high") is None else number(spec["high"]),
            source=str(spec.get("source", "")),
            note=str(spec.get("note", "")),
        )
    elif isinstance(spec, tuple | list):
        if len(spec) != 2:
            raise SpecError(
                f"driver {name!r}: a range must be (low, high); found {spec!r}", key=name
            )
        driver = Driver(name=name, dist="uniform", low=number(spec[0]), high=number(spec[1]))
    else:
        driver = Driver(name=name, value=number(spec))
    _check_driver(driver)
    return driver


def _check_driver(d: Driver) -> None:
    unit, upper = DRIVER_UNITS[d.name]
    where = f"driver {d.name!r} ({d.dist})"
    if d.dist not in DISTRIBUTIONS:
        raise SpecError(
            f"{where}: unknown distribution; expected one of {', '.join(DISTRIBUTIONS)}",
            key=d.name,
        )
    needed = {"fixed": ("value",), "triangular": ("low", "value", "high")}.get(
        d.dist, ("low", "high")
    )
    for attr in needed:
        if getattr(d, attr) is None:
            label = "mode" if attr == "value" and d.dist == "triangular" else attr
            raise SpecError(f"{where}: missing {label!r}", key=d.name)
    _check_nothing_unused(d, needed, where)
    values = [v for v in (d.value, d.low, d.high) if v is not None]
    for v in values:
        if not (math.isfinite(v) and 0 < v <= upper):
            bound = "number in (0, 1]" if upper == 1.0 else "positive number"
            why = f"a negative {d.name.replace('_', ' ')} is meaningless"
            if v == 0:  # (0 was "a negative capex is meaningless")
                why = (
                    "dividing by 0 gives infinite capacity"
                    if d.name in ("capex_per_mw", "kw_per_rack")
                    else "0 makes every quantity after it 0"
                )
            elif not math.isfinite(v):  # (NaN too)
                why = "NaN or infinity is no assumption"
            elif v > upper:
                why = "a share above 1 is more than all racks; write 61.9% as '61.9%' or 0.619"
            raise SpecError(
                f"{where}: {v!r} {unit} is not a valid value; expected a {bound} ({why})",
                key=d.name,
                value=v,
            )
    if d.name in PLAUSIBLE_MINIMUM and values:
        minimum, example = PLAUSIBLE_MINIMUM[d.name]
        if min(values) < minimum:
            raise SpecError(
                f"{where}: {min(values)!r} {unit} is implausibly small (below {minimum:,.0f}); "
                f"the unit is {unit}, in yuan, not millions or thousands: {example}",
                key=d.name,
                value=min(values),
            )
    _warn_if_monthly(d, values, where)
    if d.dist != "fixed":
        lo, hi = d.bounds()
        mode_ok = d.dist != "triangular" or lo <= float(d.value) <= hi  # type: ignore[arg-type]
        if not lo < hi or not mode_ok:
            raise SpecError(
                f"{where}: expected low < high (and low <= mode <= high); found low {lo!r}, "
                f"mode {d.value!r}, high {hi!r}",
                key=d.name,
            )
    if d.dist in ("normal", "lognormal"):
        # 5 standard deviations either side must stay valid. A lognormal is never <= 0 but
        # has no upper end: utilisation lognormal 0.9-0.99 drew 2.3% of shares above 1
        # (more racks occupied than exist), and 'lognormal' was the advice for a normal there
        lo, hi = float(d.low), float(d.high)  # type: ignore[arg-type]
        if d.dist == "normal":
            mean, sd = (lo + hi) / 2, (hi - lo) / (2 * Z95)
            ends = (mean - 5 * sd, mean + 5 * sd)
        else:
            mu, sd = (math.log(lo) + math.log(hi)) / 2, (math.log(hi) - math.log(lo)) / (2 * Z95)
            ends = (math.exp(mu - 5 * sd), math.exp(mu + 5 * sd))
        if ends[0] <= 0 or ends[1] > upper:
            advice = (
                "'lognormal' or 'triangular'"
                if math.isinf(upper)
                else "'triangular' or 'uniform' (they stay within low-high)"
            )
            raise SpecError(
                f"{where}: the range {d.low!r}-{d.high!r} as p5-p95 puts noticeable "
                f"probability outside the valid values; use {advice}",
                key=d.name,
            )


def _warn_if_monthly(d: Driver, values: list[float], where: str) -> None:
    """A ScenarioWarning for a yearly price below :data:`MONTHLY_SLIP`: probably a monthly
    figure given as a number, read as yearly (revenue a twelfth of the meant)."""
    if d.name not in MONTHLY_SLIP or not values or min(values) >= MONTHLY_SLIP[d.name][0]:
        return
    import warnings

    from idcforecast.errors import ScenarioWarning

    floor, monthly = MONTHLY_SLIP[d.name]
    low = min(values)
    warnings.warn(
        f"{where}: {low:,.6g} {d.unit} is below {floor:,.0f} a year ({floor / 12:,.0f} a "
        f"month); if it is a monthly price, write it as text, '{low:,.6g} {monthly}' "
        f"({12 * low:,.6g} a year), or multiply by 12",
        ScenarioWarning,
        stacklevel=5,  # DriverModel's caller
    )


def _check_nothing_unused(d: Driver, needed: tuple[str, ...], where: str) -> None:
    """Refuse a value the distribution does not use: it was dropped in silence, so
    ``{"low": 20e6, "mode": 47e6, "high": 50e6}`` (no ``dist``) was a uniform 20-50 m, its
    mode gone, and ``{"dist": "fixed", "value": .., "low": .., "high": ..}`` one number."""

    def label(attr: str) -> str:
        return "mode" if attr == "value" and d.dist != "fixed" else attr

    unused = [a for a in ("low", "value", "high") if a not in needed and getattr(d, a) is not None]
    if not unused:
        return
    given = " and ".join(f"{label(a)} {getattr(d, a)!r}" for a in unused)
    dropped = " and ".join(label(a) for a in unused)
    fix = (
        "for a range use dist='uniform' (or 'triangular', the value as its mode)"
        if d.dist == "fixed"
        else "for a peak at the mode use dist='triangular'"
    )
    raise SpecError(
        f"{where}: {given} given, but a {d.dist} driver uses only "
        f"{', '.join(map(label, needed))}, so {'they' if len(unused) > 1 else 'it'} would be "
        f"ignored; {fix}, or drop {dropped}",
        key=d.name,
    )
