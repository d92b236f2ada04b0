"""Bottom-up versus top-down: the reconciliation table of a driver model and a forecast."""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast.errors import DataError, SpecError
from idcforecast.scenarios.drivers import DriverModel, _revenue_factor

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["reconciliation_table"]


def reconciliation_table(
    model: DriverModel,
    top_down: float | str | pd.DataFrame,
    *,
    year: int,
    unit: str = "CNY 100m",
    n_draws: int = 10_000,
    seed: int | None = 0,
) -> pd.DataFrame:
    """Set the bottom-up revenue beside the top-down figure for ``year`` and show the gap.

    Parameters
    ----------
    model
        A :class:`DriverModel` that reaches revenue (racks, MW or capex, utilisation and
        revenue per rack or per kW).
    top_down
        A number in ``unit``; a figure ("1600亿元", "US$22 bn" or a Quantity; money in
        another currency converted at the FX rate of ``year``, or, for a year after the FX
        table's last, of the model's ``year``, else of the table's last year, with a
        :class:`~idcforecast.errors.ScenarioWarning`, as ``prob_exceeds`` reads a threshold;
        the bottom-up revenue in ``unit`` likewise); or a forecast frame
        (``year, mean`` [+ ``lo_80, hi_80``, ``unit``, ``model``]) or a history frame
        (``year, value`` [+ ``unit``, ``qualifier``]) for one series. With several models,
        the ``"auto"`` rows are used (else the first model). A history row that is a bound
        (qualifier ``at_least``/``at_most``, "more than 2,200亿元") is compared as such; a
        bound as figure text is refused (write the figure without "more than").
    year
        The year compared; also the year of the FX rate that puts the bottom-up revenue
        (yuan) in ``unit`` when the model has no ``year`` of its own.
    unit
        Unit of the table (the top-down frame's unit must match it).
    n_draws, seed
        The driver model's draws (:meth:`DriverModel.simulate`; seed 0 by default, so the
        table is the same in every run; None for fresh entropy).

    Returns
    -------
    DataFrame
        One row: ``year, unit, bottom_up_p5, bottom_up_p50, bottom_up_p95, top_down,
        top_down_lo_80, top_down_hi_80, gap, gap_pct, overlap, top_down_qualifier``.
        ``gap`` = bottom-up median minus top-down (``gap_pct`` relative to top-down, in
        percent; to the bound when it is one); ``overlap`` is true when the bottom-up 5-95%
        range and the top-down figure meet: its 80% interval when it has one (a forecast),
        the values it allows when it is a bound (at or above a lower bound: the range's p95
        reaches it), else its value. ``top_down_qualifier`` is the history row's
        ``qualifier`` ("exact" for numbers, figures and forecasts).

    Raises
    ------
    SpecError
        ``model`` does not reach revenue (no utilisation, or no revenue per rack or kW).
    DataError
        ``top_down`` cannot be read in ``unit``, or its frame has no row for ``year``.

    Examples
    --------
    Occupied racks times revenue per rack against a market figure (all assumptions made up):

    >>> m = DriverModel(racks=5_000_000, utilisation=0.6, revenue_per_rack=50_000)
    >>> t = reconciliation_table(m, 1600.0, year=2021)
    >>> t[["bottom_up_p50", "top_down", "gap", "gap_pct"]].round(2).to_dict("records")
    [{'bottom_up_p50': 1500.0, 'top_down': 1600.0, 'gap': -100.0, 'gap_pct': -6.25}]
    """
    import pandas as pd

    if "revenue" not in model.quantities:
        raise SpecError(
            f"reconciliation_table: the driver model {model!r} does not reach revenue; "
            "give utilisation and revenue_per_rack (or revenue_per_kw)",
            key="revenue_per_rack",
        )
    if isinstance(year, bool) or not float(year).is_integer():  # 2021.5 was read as 2021
        raise SpecError(
            f"reconciliation_table: year must be a whole year, found {year!r}", key="year"
        )
    year = int(year)
    value, lo, hi, qualifier = _top_down_value(top_down, year, unit, anchor=model.year)
    if not (math.isfinite(value) and value > 0):  # 0 raised ZeroDivisionError, -1600 a
        raise DataError(  # gap of -193.75%, NaN a row of NaN
            f"reconciliation_table: the top-down figure for {year} is {value:g} {unit}; "
            "expected a positive level (a market size) to compare the bottom-up revenue with",
            year=year,
            value=value,
        )
    # the revenue in yuan, then in unit at the model's FX year, else the table's (a model
    # without a year stopped with "give the model a year" though year= was given here)
    summary = model.summary(n_draws=n_draws, seed=seed, revenue_unit="CNY")
    revenue = summary[summary["quantity"] == "revenue"].iloc[0]
    fx_year = model.year if model.year is not None else year
    factor = _revenue_factor(
        unit,
        fx_year,
        float(revenue["p50"]),
        caller="reconciliation_table: unit",
        where="reconciliation_table: the bottom-up revenue (median)",
        instead="pass a unit in yuan (unit='CNY 100m')",
    )
    p5, p50, p95 = (float(revenue[k]) * factor for k in ("p5", "p50", "p95"))
    gap = p50 - value
    return pd.DataFrame(
        [
            {
                "year": int(year),
                "unit": unit,
                "bottom_up_p5": p5,
                "bottom_up_p50": p50,
                "bottom_up_p95": p95,
                "top_down": value,
                "top_down_lo_80": lo,
                "top_down_hi_80": hi,
                "gap": gap,
                "gap_pct": 100.0 * gap / value,
                "overlap": _meets(p5, p95, value, lo, hi, qualifier),
                "top_down_qualifier": qualifier,
            }
        ]
    )


def _meets(
    p5: float, p95: float, value: float, lo: float, hi: float, qualifier: str = "exact"
) -> bool:
    """Whether the bottom-up range [p5, p95] meets the top-down interval [lo, hi] (a
    forecast's 80%), the half-line a bound allows ("more than 2,200": [2200, inf)), or
    holds the top-down value.

    Examples
    --------
    >>> _meets(4443.0, 8104.0, 10297.7, 3917.2, 27070.9), _meets(1.0, 2.0, 3.0, np.nan, np.nan)
    (True, False)
    >>> _meets(1.0, 2.0, 0.5, np.nan, np.nan, "at_least")  # more than 0.5: 1-2 is allowed
    True
    """
    if np.isfinite(lo) and np.isfinite(hi):
        return bool(p5 <= hi and lo <= p95)
    # a bound was compared as if exact: a bottom-up range above "more than X" did not meet it
    if qualifier == "at_least":
        return bool(value <= p95)
    if qualifier == "at_most":
        return bool(p5 <= value)
    return bool(p5 <= value <= p95)


def _top_down_value(
    top_down: float | str | pd.DataFrame, year: int, unit: str, *, anchor: int | None = None
) -> tuple[float, float, float, str]:
    import pandas as pd

    # numbers.Real: numpy scalars too (np.int64 was "found int64")
    if isinstance(top_down, numbers.Real) and not isinstance(top_down, bool):
        return float(top_down), np.nan, np.nan, "exact"
    from idcforecast.units import Quantity

    if isinstance(top_down, str | Quantity):
        level, qualifier = _top_down_figure(top_down, year, unit, anchor=anchor)
        return level, np.nan, np.nan, qualifier
    if not isinstance(top_down, pd.DataFrame):
        raise DataError(
            "reconciliation_table: top_down must be a number in the table unit, a figure "
            "such as '1600亿元', or a forecast or history frame; found "
            f"{type(top_down).__name__}",
            found=type(top_down).__name__,
        )
    frame = top_down
    if "model" in frame.columns and frame["model"].nunique() > 1:
        models = frame["model"].unique().tolist()
        frame = frame[frame["model"] == ("auto" if "auto" in models else models[0])]
    if "series_id" in frame.columns and frame["series_id"].nunique() > 1:
        raise DataError(
            "reconciliation_table: the top-down frame holds several series "
            f"({', '.join(map(str, frame['series_id'].unique()[:5]))}); pass one",
            column="series_id",
        )
    column = "mean" if "mean" in frame.columns else "value"
    if column not in frame.columns or "year" not in frame.columns:
        raise DataError(
            "reconciliation_table: the top-down frame needs year and mean (forecast) or "
            f"value (history); found {', '.join(map(str, frame.columns))}",
            column=column,
        )
    if "unit" in frame.columns and not frame.empty:
        units = list(dict.fromkeys(frame["unit"].dropna().astype(str)))
        if len(units) > 1:  # only the first row's unit was checked
            raise DataError(
                f"reconciliation_table: the top-down frame mixes units ({', '.join(units)}); "
                "convert it to one unit first",
                column="unit",
            )
        found = units[0] if units else unit
        from idcforecast.units.registry import canonical_or_as_written

        # one unit in two spellings is one unit ("亿元" and "CNY 100m"), as in reconcile()
        # and simulate() (unit="亿元" against a CNY 100m frame was refused)
        if canonical_or_as_written(found) != canonical_or_as_written(unit):
            raise DataError(
                f"reconciliation_table: the top-down frame is in {found!r} but the table "
                f"unit is {unit!r}; pass unit={found!r}",
                column="unit",
            )
    rows = frame[frame["year"] == year]
    if rows.empty:
        raise DataError(
            f"reconciliation_table: the top-down frame has no row for {year} (years "
            f"{', '.join(map(str, sorted(frame['year'].unique())))}); pick one of them",
            year=year,
        )
    if len(rows) > 1:  # the first was taken in silence (two series, or a year twice)
        shown = ", ".join(f"{v:g}" for v in rows[column])
        raise DataError(
            f"reconciliation_table: the top-down frame has {len(rows)} rows for {year} "
            f"({column} {shown}); expected one: pass one series (and one model)",
            year=year,
        )
    row = rows.iloc[0]
    lo = float(row["lo_80"]) if "lo_80" in rows.columns else np.nan
    hi = float(row["hi_80"]) if "hi_80" in rows.columns else np.nan
    given = row["qualifier"] if "qualifier" in rows.columns else None
    return float(row[column]), lo, hi, str(given) if pd.notna(given) else "exact"


def _top_down_figure(
    figure: Any, year: int, unit: str, *, anchor: int | None = None
) -> tuple[float, str]:
    """A figure ("1600亿元", "US$22 bn" or a Quantity) in ``unit``, money converted at the FX
    rate of ``year``, and its qualifier; a bare number ("1600") is read in ``unit``.

    For a year after the FX table's last, money in another currency is read at the rate of
    ``anchor`` (the driver model's year) or else of the table's last year, with a
    ScenarioWarning, as a threshold against simulated paths is (``_constant_fx``); it was
    refused, while ``prob_exceeds`` took "US$150bn" in 2030."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.scenarios._constant_fx import at_constant_rate
    from idcforecast.units import parse_quantity

    where = f"reconciliation_table: top_down {str(figure)!r}"
    try:
        quantity = parse_quantity(figure) if isinstance(figure, str) else figure
    except IdcForecastError as err:
        raise DataError(f"{where} cannot be read in {unit!r} ({year}): {err}") from err
    # a bare range ("1600-1800") was its midpoint and a bare bound ("超过1600") compared
    # as a level, in silence, while the same with 亿元 was refused
    if quantity.is_range:
        raise DataError(f"{where} is a range; expected one level; pass its low or high end")
    if quantity.qualifier in ("at_least", "at_most"):  # "超过1600亿元" was compared as 1600
        raise DataError(
            f"{where} is a bound, not a level: the gap to it is no number; pass the figure "
            "itself (without 'more than'/'less than') to compare with its value"
        )
    if quantity.unit == "count":
        return float(quantity.value), quantity.qualifier
    try:
        value = at_constant_rate(
            lambda rate_year: float(quantity.to(unit, year=rate_year).value),
            year,
            anchor=anchor,
            where=where,
            unit=unit,
            instead=f"pass the top-down figure in {unit!r}",
            stacklevel=4,  # reconciliation_table's caller, counted from here
            figure=quantity,
        )
    except IdcForecastError as err:
        raise DataError(f"{where} cannot be read in {unit!r} ({year}): {err}") from err
    return value, quantity.qualifier
