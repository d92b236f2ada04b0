"""The unit a report shows a series in: figures of a million or more in a unit without a
magnitude word ("USD": 5,668,995,200) are shown in millions, billions or trillions, and a
share in 成 (tenths) in percent.

A series entered in plain USD printed forecasts with ten significant digits ("8,763,500,126
(6,768,534,865-11,346,463,600)") in the headline, the tables and the chart labels. The
report now converts such a series once, before anything is computed from it, so every
table, card, chart and sentence shows one unit ("USD bn": 5.669, 11.31), and the
assumptions say what was converted.

Examples
--------
>>> display_unit([1.2e9, 5.67e9], "USD")
('USD bn', 1e-09)
>>> display_unit([5078.3], "CNY 100m") is None, display_unit([2.5e6], "MW") is None
(True, True)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["display_unit", "in_display_unit"]

# the magnitudes a report may show a large series in, largest first
_MAGNITUDES = ("tn", "bn", "mn")
# units counted in amounts that take a magnitude word: money and counted things
_SCALED_DIMENSIONS = frozenset({"money", "count", "racks", "servers"})


def display_unit(values: Iterable[Any], unit: str) -> tuple[str, float] | None:
    """The unit to show ``values`` (in ``unit``) in and the factor that converts them, or
    None to show them as they are: only money and counted things (racks, servers, a plain
    count) whose largest figure is a million or more, shown in the largest of trillions,
    billions and millions of the unit's base that keeps that figure at 1 or more.

    Examples
    --------
    >>> display_unit([3.0e7, 4.2e7], "EUR")
    ('EUR mn', 1e-06)
    >>> display_unit([8.0e12], "USD"), display_unit([4.0e8], "CNY 10k")
    (('USD tn', 1e-12), ('CNY tn', 1e-08))
    >>> display_unit([999_999.0], "USD") is None, display_unit([5e6], "count")
    (True, ('count mn', 1e-06))
    >>> display_unit([5e9], "USD/MW") is None, display_unit([5e9], "%") is None
    (True, True)
    >>> display_unit([8.9], "成")  # a share in tenths: in percent, 8.9 成 = 89%
    ('%', 10.0)
    """
    from idcforecast._shares import percent_factor
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_unit

    tenths = percent_factor(unit)
    if tenths == 10.0:
        # a share in 成 (tenths): in percent, so its changes are percentage points and its
        # ceiling 100, as for a series read in % (it got growth rates of a share, "9.7% a
        # year", and a forecast "13.4 tenths" beside a sentence about 100%)
        return "%", tenths
    sizes = [abs(float(v)) for v in values]
    sizes = [s for s in sizes if math.isfinite(s)]
    if not sizes or max(sizes) < 1e6 or str(unit).strip() in ("", "nan"):
        return None
    try:
        parsed = parse_unit(str(unit))
    except IdcForecastError:
        return None
    if parsed.dimension not in _SCALED_DIMENSIONS or parsed.per or parsed.is_exchange_rate:
        return None
    from idcforecast.units.convert import conversion_factor

    for word in _MAGNITUDES:
        shown = parse_unit(f"{parsed.base} {word}").canonical
        factor = conversion_factor(parsed.canonical, shown, year=None)
        if factor < 1 and max(sizes) * factor >= 1:
            return shown, _rounded(factor)
    return None


def _rounded(factor: float) -> float:
    """A power-of-ten factor without float noise (1e-09, not 1.0000000000000001e-09)."""
    return float(f"{factor:.12g}")


def in_display_unit(history: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """``history`` in its :func:`display_unit` and the assumption that says so, or
    ``history`` itself and "" when it is shown as it is.

    Examples
    --------
    >>> import pandas as pd
    >>> hist = pd.DataFrame({"year": [2022, 2023], "value": [4.5e9, 5668995200.0],
    ...                      "unit": "USD"})
    >>> shown, said = in_display_unit(hist)
    >>> shown["value"].round(6).tolist(), shown["unit"].tolist()
    ([4.5, 5.668995], ['USD bn', 'USD bn'])
    >>> said[:85]
    'The figures, read in USD, are shown in USD billion (divided by 1,000,000,000) so that'
    """
    from idcforecast.report.style import unit_heading, unit_label

    if "unit" not in history.columns or history["unit"].isna().all():
        return history, ""
    unit = str(history["unit"].dropna().iloc[0])
    found = display_unit(history["value"], unit)
    if found is None:
        return history, ""
    shown_unit, factor = found
    shown = history.copy()
    shown["value"] = shown["value"].astype(float) * factor
    shown["unit"] = shown_unit
    if factor == 10.0:  # 成 (tenths, read as the unit "tenths") shown in percent
        return shown, (
            "The figures, read in 成 (tenths of a whole), are shown in percent (multiplied by "
            "10: 1 成 is 10%), so that changes read as percentage points and the ceiling of a "
            "share is 100%."
        )
    read_in = "as plain numbers" if unit_label(unit) == "number" else f"in {unit_label(unit)}"
    divisor = f"{round(1 / factor):,}"
    return shown, (
        f"The figures, read {read_in}, are shown in {unit_heading(shown_unit)} "
        f"(divided by {divisor}) so that they read at a glance; nothing else changes: "
        "growth rates and errors in percent are the same in any unit."
    )
