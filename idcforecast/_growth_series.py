"""Growth over a year-indexed series: the series form of ``cagr`` and :func:`yoy`.

Private; :func:`yoy` is public as :func:`idcforecast.growth.yoy` (and ``idcforecast.yoy``),
and :func:`cagr_of_series` is what ``cagr(series, start_year, end_year)`` runs. Here too
are the readers of such a series the growth functions and the claim history share:
:func:`year_series` (a Series or a one-series tidy frame as a float Series indexed by
year), :func:`value_at_year` and :func:`pick_year`. The checks of plain arguments are in
:mod:`idcforecast._growth_inputs`.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
import pandas as pd

from idcforecast._growth_inputs import period_years, refuse_percent_series
from idcforecast.errors import (
    DataError,
    DuplicateYearError,
    EmptyDataError,
    GrowthError,
    InsufficientDataError,
)

__all__ = ["cagr_of_series", "pick_year", "value_at_year", "year_series", "yoy"]


def _numbers(values: pd.Series, label: str, func: str) -> np.ndarray:
    """``values`` as floats; a text cell ("1,562.5亿元") is a DataError naming it (it was
    pandas' "could not convert string to float")."""
    numbers = pd.to_numeric(values, errors="coerce")
    bad = numbers.isna() & values.notna()
    if bad.any():
        found = values[bad].iloc[0]
        raise DataError(
            f"{func}: {label} has a value that is not a number, {found!r}; read figures "
            "written as text with read_series (or parse_quantity) first, or give plain "
            "numbers in one unit",
            func=func,
            value=found,
        )
    return numbers.to_numpy(dtype=float, na_value=np.nan)


def year_series(data: Any, *, func: str) -> tuple[pd.Series, str | None, str]:
    """A float Series indexed by int year (sorted, NaN dropped), its unit and its label."""
    unit: str | None = None
    label = "series"
    if isinstance(data, pd.DataFrame):
        missing = [c for c in ("year", "value") if c not in data.columns]
        if missing:
            raise DataError(
                f"{func}: the frame has no {missing} column(s) (found {list(data.columns)}); "
                "pass a tidy frame with 'year' and 'value' or a year-indexed Series",
                func=func,
                missing=missing,
            )
        if "series_id" in data.columns:
            ids = list(pd.unique(data["series_id"]))
            if len(ids) > 1:
                raise DataError(
                    f"{func}: the frame holds {len(ids)} series ({', '.join(map(str, ids))}); "
                    "expected one; select one first (frame[frame.series_id == ...])",
                    func=func,
                    series_ids=ids,
                )
            if ids:
                label = f"series {ids[0]!r}"
        if "unit" in data.columns:
            units = list(pd.unique(data["unit"].dropna()))
            if len(units) > 1:
                raise DataError(
                    f"{func}: {label} mixes units {units}; expected one unit per series; "
                    "convert to one unit first",
                    func=func,
                    units=units,
                )
            unit = str(units[0]) if units else None
        years = pd.to_numeric(data["year"], errors="coerce")
        if years.isna().any():  # was pandas' bare ValueError
            found = data["year"][years.isna()].iloc[0]
            raise DataError(
                f"{func}: {label} has a year that is not a number, {found!r}; expected whole "
                "years (2019) in the 'year' column",
                func=func,
                year=found,
            )
        series = pd.Series(_numbers(data["value"], label, func), index=years.to_numpy())
    elif isinstance(data, pd.Series):
        label = f"series {data.name!r}" if data.name is not None else "series"
        series = pd.Series(_numbers(data, label, func), index=data.index)
        index = data.index
        if isinstance(index, pd.PeriodIndex | pd.DatetimeIndex):
            series.index = index.year
        else:
            series.index = pd.Index(np.asarray(index))
        unit = data.attrs.get("unit")
    else:
        raise DataError(
            f"{func}: expected a year-indexed Series or a tidy frame with 'year' and 'value', "
            f"found {type(data).__name__}",
            func=func,
        )
    if not pd.api.types.is_integer_dtype(series.index) and not (
        pd.api.types.is_float_dtype(series.index)
        and np.all(np.mod(series.index.to_numpy(dtype=float), 1) == 0)
    ):
        raise DataError(
            f"{func}: {label} is not indexed by years (index {list(series.index)[:5]}); "
            "index it by integer years, a yearly PeriodIndex or a DatetimeIndex",
            func=func,
        )
    series.index = series.index.astype("int64")
    dup = series.index[series.index.duplicated()]
    if len(dup):
        raise DuplicateYearError(
            f"{func}: {label} has more than one value for year {int(dup[0])}; keep one",
            func=func,
            year=int(dup[0]),
        )
    # NaN is a missing observation: a gap, like a year that is simply not published.
    series = series.dropna().sort_index()
    if series.empty:
        raise EmptyDataError(f"{func}: {label} has no values", func=func)
    series.index.name = "year"
    return series, unit, label


def value_at_year(series: pd.Series, year: int, *, label: str, func: str) -> float:
    if year not in series.index:
        present = ", ".join(str(y) for y in series.index)
        raise InsufficientDataError(
            f"{func}: {label} has no value for {year} (years present: {present}); "
            "pick a year present or fill the gap explicitly",
            func=func,
            year=year,
        )
    return float(series.loc[year])


def pick_year(positional: Any, keyword: int | None, *, default: int, name: str) -> int:
    """The year given (by keyword or position) or ``default``; a year must be whole (2019.5
    and True were truncated to 2019 and 1, in silence)."""
    year = keyword if keyword is not None else positional
    if year is None:
        return default
    is_bool = isinstance(year, bool | np.bool_)
    try:
        number = math.nan if is_bool else float(year)
    except (TypeError, ValueError):
        number = math.nan
    if not number.is_integer():
        raise GrowthError(
            f"cagr: {name} must be a whole year of the series, found {year!r}; give the "
            "calendar year (e.g. cagr(series, 2019, 2022)), or cagr(start, end, years) for "
            "a fractional number of steps",
            func="cagr",
            argument=name,
            value=repr(year),
        )
    return int(number)


def cagr_of_series(
    data: Any,
    pos_start: Any,
    pos_end: Any,
    *,
    start_year: int | None,
    end_year: int | None,
) -> float:
    """``cagr(series, start_year, end_year)``: the rate between two years of ``data`` (a
    year-indexed Series or a one-series tidy frame); the years are given by position or by
    keyword, or as one period text ("2019-2022"), and default to the first and last."""
    if pos_start is not None and start_year is not None:
        raise GrowthError(
            "cagr: start_year given twice (positionally and by keyword); give it once",
            func="cagr",
        )
    if pos_end is not None and end_year is not None:
        raise GrowthError(
            "cagr: end_year given twice (positionally and by keyword); give it once",
            func="cagr",
        )
    given = start_year if start_year is not None else pos_start
    period = period_years(given, func="cagr", argument="start_year")
    if given is None and (end := end_year if end_year is not None else pos_end) is not None:
        # cagr(series, end_year="2019-2022"): the period given where the end year goes
        period = period_years(end, func="cagr", argument="end_year")
        if period is not None:
            given, pos_end, end_year = end, None, None
    if period is not None:  # cagr(series, "2019-2022"): from the first to the last year
        if pos_end is not None or end_year is not None:
            raise GrowthError(
                f"cagr: the period {given!r} gives both years, and end_year is given too "
                f"({end_year if end_year is not None else pos_end!r}); give the period "
                "alone, or two years",
                func="cagr",
            )
        pos_start, start_year, pos_end = period[0], None, period[1]
    series, unit, label = year_series(data, func="cagr")
    refuse_percent_series(unit, label, func="cagr")
    y0 = pick_year(pos_start, start_year, default=int(series.index[0]), name="start_year")
    y1 = pick_year(pos_end, end_year, default=int(series.index[-1]), name="end_year")
    if len(series) == 1 and pos_start is None and start_year is None and y1 == y0:
        # was "end_year must be after start_year, found 2020 -> 2020": years not given
        raise InsufficientDataError(
            f"cagr: {label} has one year's level ({y0}: {float(series.iloc[0]):g}); a "
            "growth rate needs two years' levels: add another year, or give the start "
            "level yourself, cagr(start, end, years)",
            func="cagr",
            year=y0,
        )
    if y1 <= y0:
        raise GrowthError(
            f"cagr: end_year must be after start_year, found {y0} -> {y1} for {label}",
            func="cagr",
            start_year=y0,
            end_year=y1,
        )
    first = value_at_year(series, y0, label=label, func="cagr")
    last = value_at_year(series, y1, label=label, func="cagr")
    for year, value in ((y0, first), (y1, last)):
        if value <= 0:
            raise GrowthError(
                f"cagr: {label} year {year} must be a positive level, found {value:g}; "
                "compound growth is undefined from or to a level <= 0",
                func="cagr",
                year=year,
                value=value,
            )
    said = _said_qualifiers(data, (y0, y1), label=label)
    if said != ("exact", "exact"):
        # "more than 2200" in 2022 makes the rate from 2021 a bound; "about" makes it about
        # (the qualifier column was ignored: a plain float that read as exact)
        return _qualified_rate((first, said[0]), (last, said[1]), (y0, y1), label=label)
    return math.expm1((math.log(last) - math.log(first)) / (y1 - y0))


def _said_qualifiers(data: Any, years: tuple[int, int], *, label: str) -> tuple[str, str]:
    """The qualifiers of ``years`` in a tidy frame's ``qualifier`` column ("exact" where
    the column is missing or blank); one not in :data:`idcforecast.units.QUALIFIERS` is a
    DataError (a "more than" read as exact would be dropped again)."""
    if not isinstance(data, pd.DataFrame) or "qualifier" not in data.columns:
        return "exact", "exact"
    from idcforecast.units.quantity import qualifier_cell

    out = []
    for year in years:
        cells = data.loc[pd.to_numeric(data["year"]) == year, "qualifier"]
        cell = cells.iloc[0] if len(cells) else None
        where = f"cagr: {label} year {year}"
        out.append(qualifier_cell(cell, where=where, func="cagr", year=year, qualifier=cell))
    return out[0], out[1]


def _qualified_rate(
    start: tuple[float, str], end: tuple[float, str], years: tuple[int, int], *, label: str
) -> Any:
    """The rate between two qualified levels as :func:`idcforecast.growth.cagr_bounds`
    reads them: a :class:`~idcforecast.growth_bounds.RateBounds`."""
    from idcforecast._claim_history import bounds
    from idcforecast.growth_bounds import _rate_between
    from idcforecast.units import QUALIFIER_WORDS

    approximate = "approximately" in (start[1], end[1])
    rate = _rate_between(
        bounds(start[0], start[1]),
        bounds(end[0], end[1]),
        float(years[1] - years[0]),
        approximate=approximate,
        func="cagr",
    )
    if rate is None:
        said = [
            f"{QUALIFIER_WORDS[q]}{v:g} in {y}"
            for (v, q), y in zip((start, end), years, strict=True)
        ]
        raise GrowthError(
            f"cagr: {label} is {said[0]} and {said[1]}, so the rate between them is bounded "
            "neither above nor below (it rises with the end and falls with the start); "
            "pick years whose start or end is an exact figure",
            func="cagr",
        )
    return rate


def yoy(data: Any) -> pd.DataFrame:
    """Growth between consecutive observed years, annualized across gaps and flagged.

    Parameters
    ----------
    data
        A year-indexed Series, or a tidy frame (``year``, ``value``, optional
        ``series_id``: each series is handled on its own).

    Returns
    -------
    DataFrame
        One row per observed year that has an earlier observation (the first year has no
        predecessor and no row): ``series_id`` (frames only), ``year``, ``from_year``,
        ``years_apart``, ``value``, ``previous``, ``growth`` (total growth over the span),
        ``yoy`` (the per-year rate: equal to ``growth`` for adjacent years, the compound
        annual rate across a gap) and ``annualized`` (True when ``yoy`` spans a gap and is
        an average, not an observed year-on-year change). Rates are fractions. A frame
        with a ``qualifier`` column (as :func:`idcforecast.load_dataset` and
        :func:`idcforecast.read_series` give) adds ``qualifier``: how the two levels'
        qualifiers bound the rate, as :func:`~idcforecast.growth.cagr_bounds` reads them
        (from "more than 2200" to 2407 is ``"at_most"`` 9.4%; from and to "more than"
        figures ``"unbounded"``: nothing bounds it; ``"approximately"``; ``"exact"``).

    Raises
    ------
    GrowthError
        A level <= 0, or a series in % or pp (a share: its change is in percentage points,
        as ``idcforecast show`` gives it), as :func:`~idcforecast.growth.cagr` refuses one.

    Examples
    --------
    >>> s = pd.Series([210.5, 518.6, 714.5], index=[2012, 2015, 2016])
    >>> table = yoy(s)
    >>> table["year"].tolist(), table["years_apart"].tolist(), table["annualized"].tolist()
    ([2015, 2016], [3, 1], [True, False])
    >>> table["yoy"].round(4).tolist()  # 2012->2015 is an annual average, flagged
    [0.3506, 0.3777]
    """
    if isinstance(data, pd.DataFrame) and "series_id" in data.columns:
        parts = [
            _yoy_one(group, series_id=sid) for sid, group in data.groupby("series_id", sort=False)
        ]
        if not parts:
            raise EmptyDataError("yoy: the frame has no rows", func="yoy")
        return pd.concat(parts, ignore_index=True)
    return _yoy_one(data, series_id=None)


def _yoy_one(data: Any, *, series_id: Any) -> pd.DataFrame:
    series, unit, label = year_series(data, func="yoy")
    refuse_percent_series(unit, label, func="yoy")  # as cagr: a share's change is in pp
    bad = series[series <= 0]
    if len(bad):
        raise GrowthError(
            f"yoy: {label} year {int(bad.index[0])} must be a positive level, found "
            f"{float(bad.iloc[0]):g}; growth rates are undefined from or to a level <= 0",
            func="yoy",
            year=int(bad.index[0]),
        )
    years = series.index.to_numpy()
    values = series.to_numpy()
    apart = np.diff(years)
    growth = values[1:] / values[:-1] - 1.0
    rate = np.expm1(np.log1p(growth) / apart)
    out = pd.DataFrame(
        {
            "year": years[1:],
            "from_year": years[:-1],
            "years_apart": apart.astype("int64"),
            "value": values[1:],
            "previous": values[:-1],
            "growth": growth,
            "yoy": rate,
            "annualized": apart > 1,
        }
    )
    if isinstance(data, pd.DataFrame) and "qualifier" in data.columns:
        out["qualifier"] = _rate_qualifiers(data, years)
    if series_id is not None:
        out.insert(0, "series_id", series_id)
    return out


def _rate_qualifiers(data: pd.DataFrame, years: np.ndarray) -> list[str]:
    """The qualifier of each rate between consecutive ``years`` of ``data``: a growth
    rate from or to a "more than" level is a bound, or nothing (both "more than"); it was
    given as if exact (from "more than 2200" to 2407, 9.4% a year, really at most)."""
    from idcforecast.growth_bounds import _rate_qualifier

    said = {
        int(year): (q if isinstance(q, str) else "")
        for year, q in zip(pd.to_numeric(data["year"]), data["qualifier"], strict=True)
    }
    out = []
    for start, end in itertools.pairwise(years):
        read = _rate_qualifier(said.get(int(start), ""), said.get(int(end), ""))
        out.append("unbounded" if read is None else read[0])
    return out
