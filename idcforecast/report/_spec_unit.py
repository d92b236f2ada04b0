"""A scenario spec against a series the report converted (``unit=``, ``--unit``).

``simulate`` refuses a spec whose unit is not the series', advising to read the series in
the spec's unit. When the report itself converted the series (``--unit "USD bn"`` on a
series published in 亿元, with a spec in 亿元), that advice read "read the series in 'CNY
100m' (money at each year's FX rate)": the series already is, as published; it is the
conversion that made it differ. This check says so before any work, naming the published
unit and which fix fits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from idcforecast.errors import SpecError

__all__ = ["check_converted_against_spec"]


def check_converted_against_spec(
    spec: Any,
    history: pd.DataFrame,
    options: Mapping[str, Any],
    read_published: Callable[[Mapping[str, Any]], pd.DataFrame],
) -> None:
    """Raise SpecError when ``unit=`` converted the series away from a unit the spec fits.

    ``history`` is the series as read with ``options``; ``read_published`` reads it again
    with the options it is given (called without ``unit`` and ``kw_per_rack``, only when
    the converted unit does not fit the spec). Nothing is raised when no ``unit`` was asked,
    the spec has none, the converted unit fits it (the same unit or another magnitude of
    it), or the published unit fits it no better (``simulate``'s own error says that case).
    """
    from idcforecast.scenarios._spec_magnitude import spec_magnitude_rescale

    asked = options.get("unit")
    if not asked or spec is None or not spec.unit or "unit" not in history.columns:
        return
    read_in = str(history["unit"].iloc[0])
    if _fits(read_in, spec.unit) or spec_magnitude_rescale(read_in, spec.unit) is not None:
        return
    as_is = {k: v for k, v in options.items() if k not in ("unit", "kw_per_rack")}
    published_rows = read_published(as_is)
    if "unit" not in published_rows.columns or not len(published_rows):
        return
    published = str(published_rows["unit"].iloc[0])
    if not (_fits(published, spec.unit) or spec_magnitude_rescale(published, spec.unit)):
        return
    sid = str(history["series_id"].iloc[0])
    how = " at each year's FX rate" if _currency(published) != _currency(read_in) else ""
    raise SpecError(
        f"{spec.source}: the spec's key 'unit' is {spec.unit!r} but series {sid!r} was "
        f"converted to {read_in!r} by unit={asked!r} (from {published!r} as published"
        f"{',' if how else ''}{how}); the spec's numbers (caps) are in its unit, which "
        "the series as published fits: drop unit= to simulate it as published (the report "
        f"is then in {published!r}), or use a spec written in {read_in!r}",
        file=spec.source,
        key="unit",
        unit=spec.unit,
        series_unit=read_in,
        published_unit=published,
    )


def _fits(unit: str, spec_unit: str) -> bool:
    """The same unit in canonical spelling ("亿元" and "CNY 100m")."""
    from idcforecast.units.registry import canonical_or_as_written

    return bool(canonical_or_as_written(unit) == canonical_or_as_written(spec_unit))


def _currency(unit: str) -> str | None:
    """The currency of a unit of money, None for another unit or one that does not parse."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.units.registry import parse_unit

    try:
        return parse_unit(unit).currency
    except IdcForecastError:
        return None
