"""Scenario weights in a spec: each one read (a fraction or "25%") and all of them checked
(given for every scenario or none, summing to 1), private to ``spec``."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from idcforecast.errors import SpecError

if TYPE_CHECKING:
    from idcforecast.scenarios.spec import Scenario

__all__ = ["WEIGHT_TOLERANCE", "check_weights", "parse_weight"]

WEIGHT_TOLERANCE = 1e-9


def parse_weight(weight: Any, origin: str, name: str) -> float | None:
    """A scenario's probability: a number from 0 to 1, or a percent text ("25%", "25 pct",
    as growth takes it; it was refused). A number above 1 is refused with its fraction
    (25 -> 0.25)."""
    if weight is None:
        return None
    given = weight
    if isinstance(weight, str):
        from idcforecast.units.registry import normalize_text

        text = normalize_text(weight)
        try:
            weight = float(text[:-1]) / 100.0 if text.endswith("%") else _percent_words(text)
        except ValueError:
            weight = math.nan
    ok = not isinstance(weight, bool) and isinstance(weight, int | float)
    if not (ok and 0 <= weight <= 1):
        hint = (
            f' (weights are fractions: {weight / 100:g} or "{weight:g}%" for {weight:g}%)'
            if ok and 1 < weight <= 100
            else ' (a fraction such as 0.25, or a percent text such as "25%")'
        )
        raise SpecError(
            f"{origin}: scenario {name!r} key 'weight' must be a number between 0 and 1"
            f"{hint}; found {given!r}",
            file=origin,
            scenario=name,
            key="weight",
        )
    return float(weight)


def _percent_words(text: str) -> float:
    """The fraction of a percent said in words, "25 pct", "25 percent", "百分之二十五"
    (as growth reads them); NaN for other text."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_quantity

    try:
        quantity = parse_quantity(text)
    except IdcForecastError:
        return math.nan
    if quantity.unit != "%" or quantity.is_range or quantity.qualifier != "exact":
        return math.nan
    return float(quantity.value) / 100.0


def _rescaled(scenarios: list[Scenario], total: float) -> str:
    """The weights divided by their sum, to four decimals, the last taking the rounding so
    they add up to 1 exactly as written ("base 0.4545, bull 0.2727, bear 0.2728")."""
    shares = [round(float(s.weight) / total, 4) for s in scenarios]  # type: ignore[arg-type]
    shares[-1] = round(1.0 - math.fsum(shares[:-1]), 4)
    return ", ".join(f"{s.name} {w:g}" for s, w in zip(scenarios, shares, strict=True))


def check_weights(scenarios: list[Scenario], *, origin: str) -> None:
    given = [s.name for s in scenarios if s.weight is not None]
    if not given:
        return
    if len(given) != len(scenarios):
        missing = [s.name for s in scenarios if s.weight is None]
        raise SpecError(
            f"{origin}: scenario(s) {', '.join(map(repr, missing))} have no 'weight' while "
            f"{', '.join(map(repr, given))} do; give every scenario a weight or none",
            file=origin,
            scenario=missing[0],
            key="weight",
        )
    total = math.fsum(s.weight for s in scenarios)  # type: ignore[misc]
    if abs(total - 1.0) > WEIGHT_TOLERANCE:
        listing = " + ".join(f"{s.name} {s.weight:g}" for s in scenarios)
        raise SpecError(
            f"{origin}: scenario weights must sum to 1; found {listing} = {total:.6g}; "
            + (
                f"rescale the weights ({_rescaled(scenarios, total)})"
                if total > 0
                else "give at least one scenario a positive weight"
            ),
            file=origin,
            key="weight",
            total=total,
        )
