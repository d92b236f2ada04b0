"""Compound-growth arithmetic: CAGR, year-on-year growth, projections and implied values.

Conventions
-----------
- **Rates are fractions**: ``0.278`` means 27.8% a year, ``-0.1`` means -10%. A rate must be
  greater than ``-1`` (a level cannot fall by 100% or more and keep compounding).
- ``years`` counts **compounding steps**, not calendar years named: 2019 -> 2022 is 3 steps.
  Steps may be fractional (2.5 steps for a mid-year to year-end span) but must be > 0.
- Levels must be positive: a compound rate from or to zero or a negative level is undefined.
- Every function accepts plain numbers, numpy arrays and pandas Series (element-wise, with
  broadcasting); a Series result keeps the index of the Series given.
- Levels may be :class:`idcforecast.units.Quantity` objects: the level result of
  :func:`implied_base` and :func:`implied_target` is then a Quantity in the same unit
  (qualifier kept, range scaled), while a rate is always a plain float. :func:`project`
  gives a path of numbers (a Series with ``attrs["unit"]``), and it, :func:`implied_years`
  and :func:`doubling_time` refuse a range or a bound ("more than"), which one number
  cannot carry.
  A rate may be given as a Quantity in ``"%"`` (``parse_quantity("27.8%")``); in
  :func:`implied_base` and :func:`implied_target` its range ("25-27.8%") or bound ("more
  than 27.8%") carries through to the level (a higher rate lowers the base and raises the
  target), and an end and a rate that push the result opposite ways are a
  :class:`GrowthError`.
- A Quantity's qualifier ("more than 3200.5") bounds the rate computed from it, and a range
  ("320-330 billion yuan") gives a range of rates: :func:`cagr_bounds` returns them
  (:func:`cagr` uses the figures' values as they are, a range's midpoint).

Examples
--------
>>> round(cagr(1562.5, 3200.5, 3), 4)
0.27
>>> round(implied_base(3200, 0.278, 3), 1), round(implied_base(3200, 0.278, 2), 1)
(1533.1, 1959.2)
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pandas as pd

from idcforecast._claim_history import bounds
from idcforecast.errors import (
    DataError,
    DuplicateYearError,
    EmptyDataError,
    GrowthError,
    IncompatibleUnitsError,
    InsufficientDataError,
    UnitError,
)

__all__ = [
    "RateBounds",
    "cagr",
    "cagr_bounds",
    "doubling_time",
    "implied_base",
    "implied_target",
    "implied_years",
    "project",
    "yoy",
]

Number = Any  # float | int | numpy array | pandas Series | Quantity


# ----------------------------------------------------------------------------------------
# input handling
# ----------------------------------------------------------------------------------------


def _is_quantity(x: object) -> bool:
    # Duck-typed so this module does not import the units registry it does not need.
    return hasattr(x, "value") and hasattr(x, "unit") and hasattr(x, "to")


def _scalar_like(x: Any) -> bool:
    return np.ndim(x) == 0 and not isinstance(x, pd.Series)


def _values(x: Number, *, name: str, func: str) -> np.ndarray:
    """Float array of ``x`` (a number, array, Series or Quantity); NaN is refused."""
    raw = x.value if _is_quantity(x) else x
    try:
        arr = np.asarray(raw, dtype=float)
    except (TypeError, ValueError) as err:
        raise GrowthError(
            f"{func}: {name} must be a number, array or Series of numbers, found "
            f"{type(raw).__name__} {raw!r}; parse text figures first with parse_quantity()",
            func=func,
            argument=name,
        ) from err
    bad = np.flatnonzero(np.isnan(arr).ravel())
    if bad.size:
        raise GrowthError(
            f"{func}: {name} is NaN{_where(x, int(bad[0]))}; drop or fill missing values "
            "before compounding",
            func=func,
            argument=name,
        )
    return arr


def _where(x: Any, flat_position: int) -> str:
    if isinstance(x, pd.Series):
        label = x.index[flat_position]
        return f" at index {getattr(label, 'item', lambda: label)()!r}"
    if np.ndim(x) == 0:
        return ""
    return f" at position {flat_position}"


def _first_bad(arr: np.ndarray, mask: np.ndarray, x: object) -> tuple[float, str]:
    pos = int(np.flatnonzero(mask.ravel())[0])
    return float(arr.ravel()[pos]), _where(x, pos)


def _check_level(arr: np.ndarray, x: object, *, name: str, func: str) -> None:
    infinite = np.isinf(arr)
    if infinite.any():  # an infinite level gave inf or -100% rates, silently
        found, where = _first_bad(arr, infinite, x)
        raise GrowthError(
            f"{func}: {name} must be a finite level, found {found:g}{where}; check the "
            "figure (an overflow or a division by zero upstream)",
            func=func,
            argument=name,
            value=found,
        )
    mask = ~(arr > 0)
    if mask.any():
        found, where = _first_bad(arr, mask, x)
        raise GrowthError(
            f"{func}: {name} must be a positive level, found {found:g}{where}; compound "
            "growth is undefined from or to a level <= 0 (compare differences instead)",
            func=func,
            argument=name,
            value=found,
        )


def _check_years(arr: np.ndarray, x: object, *, func: str) -> None:
    raw = getattr(x, "value", x) if _is_quantity(x) else x
    if isinstance(raw, bool | np.bool_) or np.asarray(raw).dtype == bool:
        # True was 1 step, in silence
        raise GrowthError(
            f"{func}: years (compounding steps) must be a number of steps, found the truth "
            f"value {raw!r}; 2019 -> 2022 is years=3",
            func=func,
            argument="years",
            value=repr(raw),
        )
    mask = ~(arr > 0) | ~np.isfinite(arr)
    if mask.any():
        found, where = _first_bad(arr, mask, x)
        raise GrowthError(
            f"{func}: years (compounding steps) must be > 0, found {found:g}{where}; "
            "2019 -> 2022 is years=3",
            func=func,
            argument="years",
            value=found,
        )


def _check_shapes(func: str, **arrays: np.ndarray) -> None:
    """Refuse arguments that numpy cannot broadcast together (instead of numpy's error)."""
    try:
        np.broadcast_shapes(*(a.shape for a in arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{name} {a.shape}" for name, a in arrays.items())
        raise GrowthError(
            f"{func}: the arguments' shapes do not match ({shapes}); give arrays of one "
            "length, or single numbers",
            func=func,
        ) from None


def _check_result(result: np.ndarray, *, func: str, what: str, years: np.ndarray) -> None:
    """Refuse a result that overflowed to inf or underflowed to 0 (never return it).

    A tiny number of steps (``years=1e-9``: a fraction of a second) or a huge one makes
    ``(end / start) ** (1 / years)`` or ``(1 + rate) ** years`` leave the float range;
    numpy returned ``inf`` (or 0.0 for a level) with only a RuntimeWarning.
    """
    bad = ~np.isfinite(result) | (result == 0 if what != "rate" else False)
    if not np.any(bad):
        return
    steps = float(np.broadcast_to(years, np.shape(bad)).ravel()[int(np.flatnonzero(bad)[0])])
    found = "overflows" if not np.all(np.isfinite(result)) else "underflows to 0 in"
    raise GrowthError(
        f"{func}: the {what} {found} the float range at years={steps:g} compounding steps; "
        "years counts compounding steps (2019 -> 2022 is years=3): check the number of "
        "steps and the levels",
        func=func,
        argument="years",
        value=steps,
    )


def _refuse_bounded(func: str, **figures: Any) -> None:
    """Refuse a Quantity that is a range or a bound where one figure is needed.

    :func:`implied_years`, :func:`doubling_time` and :func:`project` return plain numbers,
    which cannot carry "more than" or a range: they used a range's midpoint and dropped a
    bound without a word ("超过3200.5亿元" gave 2.92 steps, not "at least 2.92").
    """
    for name, x in figures.items():
        if not _is_quantity(x):
            continue
        if x.is_range:
            what = f"the range {x.low:g} to {x.high:g}{_unit_text(x.unit)}"
        elif x.qualifier in ("at_least", "at_most"):
            what = f"{_figure_words(x)}{_unit_text(x.unit)} (a bound)"
        else:
            continue
        raise GrowthError(
            f"{func}: {name} is {what}, but {func} gives one number and would drop the "
            f"range or bound; pass one figure ({name}.value, or each end in turn: "
            f"{name}.low and {name}.high), or use cagr_bounds, implied_base or "
            "implied_target, which carry ranges and bounds through",
            func=func,
            argument=name,
        )


PERCENT_LIKE_RATE = 10.0  # a plain rate of 10 (1,000% a year) or more is taken for a percent


def _rate_values(rate: Number, *, func: str) -> np.ndarray:
    if _is_quantity(rate):
        if rate.unit != "%":
            raise IncompatibleUnitsError(
                f"{func}: rate is a Quantity in {rate.unit!r}; a rate must be a fraction "
                "(0.278) or a Quantity in '%' (27.8%)",
                func=func,
                unit=rate.unit,
            )
        arr = _values(rate, name="rate", func=func) / 100.0
    else:
        arr = _values(rate, name="rate", func=func)
    mask = ~(arr > -1) | ~np.isfinite(arr)
    if mask.any():
        found, where = _first_bad(arr, mask, rate)
        raise GrowthError(
            f"{func}: rate must be a finite fraction > -1 (0.278 = 27.8%, -1 = -100%), "
            f"found {found:g}{where}; a level cannot fall by 100% or more",
            func=func,
            argument="rate",
            value=found,
        )
    if not _is_quantity(rate):
        # 27.8 meant as 27.8% would silently compound at 2,780% a year
        percent_like = arr >= PERCENT_LIKE_RATE
        if percent_like.any():
            found, where = _first_bad(arr, percent_like, rate)
            raise GrowthError(
                f"{func}: rate {found:g}{where} would be {found * 100:,.0f}% a year; rates "
                f"are fractions (0.278 = 27.8%): pass {found / 100:g} for {found:g}%, or a "
                f"Quantity in '%' (parse_quantity('{found:g}%')) for a rate that really is "
                f"{PERCENT_LIKE_RATE * 100:,.0f}% a year or more",
                func=func,
                argument="rate",
                value=found,
            )
    return arr


def _series_index(*xs: object, func: str) -> pd.Index | None:
    index: pd.Index | None = None
    for x in xs:
        if isinstance(x, pd.Series):
            if index is None:
                index = x.index
            elif not index.equals(x.index):
                raise GrowthError(
                    f"{func}: the Series arguments have different indexes "
                    f"({list(index)[:5]} vs {list(x.index)[:5]}); align them first "
                    "(a.align(b, join='inner'))",
                    func=func,
                )
    return index


def _wrap(result: np.ndarray, index: pd.Index | None, *, name: str | None = None) -> Any:
    if index is not None:
        return pd.Series(result, index=index, name=name)
    if result.ndim == 0:
        return float(result)
    return result


def _level_result(
    template: Any, result: np.ndarray, factor: np.ndarray, index: pd.Index | None
) -> Any:
    """Wrap a level result; a Quantity input gives a Quantity in the same unit."""
    if template is not None and result.ndim == 0:
        scale = float(factor)
        low = None if template.low is None else template.low * scale
        high = None if template.high is None else template.high * scale
        return dataclasses.replace(
            template, value=float(result), low=low, high=high, alternate=None, text=None
        )
    return _wrap(result, index)


def _same_unit(start: Any, end: Any, *, func: str) -> Any:
    """Return ``end`` in the unit of ``start`` (both Quantities or both plain numbers)."""
    qs, qe = _is_quantity(start), _is_quantity(end)
    if qs != qe:
        given, missing = ("start", "end") if qs else ("end", "start")
        unit = (start if qs else end).unit
        raise IncompatibleUnitsError(
            f"{func}: {given} is a Quantity in {unit!r} but {missing} is a plain number; "
            f"give both as Quantities or both as numbers in the same unit",
            func=func,
            unit=unit,
        )
    if qs:
        _refuse_percent_levels(start, end, func=func)
    if not qs or start.unit == end.unit:
        return end
    try:
        return end.to(start.unit)
    except UnitError as err:
        raise IncompatibleUnitsError(
            f"{func}: start is in {start.unit!r} and end in {end.unit!r}, which cannot be "
            f"compared as they are ({err}); a growth rate needs both levels in one unit: "
            "convert one first, e.g. end.to(start.unit, year=...)",
            func=func,
            start_unit=start.unit,
            end_unit=end.unit,
        ) from err


_RATE_DIMENSIONS = ("percent", "points")


def _refuse_percent_levels(start: Any, end: Any, *, func: str) -> None:
    """Refuse a compound rate between percentages (growth rates or shares), not levels."""
    from idcforecast.units import parse_unit

    named = [
        (name, x)
        for name, x in (("start", start), ("end", end))
        if _is_quantity(x) and parse_unit(x.unit).dimension in _RATE_DIMENSIONS
    ]
    if not named:
        return
    found = " and ".join(f"{name} {_figure_words(x)}{_unit_text(x.unit)}" for name, x in named)
    units = " and ".join(dict.fromkeys(x.unit for _, x in named))
    what = "is a rate or a share" if len(named) == 1 else "are rates or shares"
    raise GrowthError(
        f"{func}: {found} {what} (in {units}), not {'a level' if len(named) == 1 else 'levels'}; "
        "the compound growth of a growth rate or a share is almost certainly a mistake: give "
        "the levels they describe (the market's size in each year, e.g. 1562.5亿元 and "
        "3200.5亿元), or compare two rates by their difference in percentage points",
        func=func,
        argument=named[0][0],
        unit=named[0][1].unit,
    )


def _unit_text(unit: str) -> str:
    return "%" if unit == "%" else f" {unit}"


# ----------------------------------------------------------------------------------------
# year-indexed series
# ----------------------------------------------------------------------------------------


def _year_series(data: Any, *, func: str) -> tuple[pd.Series, str | None, str]:
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
        years = pd.to_numeric(data["year"], errors="raise").to_numpy()
        series = pd.Series(data["value"].to_numpy(dtype=float), index=years)
    elif isinstance(data, pd.Series):
        series = data.astype(float)
        label = f"series {data.name!r}" if data.name is not None else "series"
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


def _at_year(series: pd.Series, year: int, *, label: str, func: str) -> float:
    if year not in series.index:
        present = ", ".join(str(y) for y in series.index)
        raise InsufficientDataError(
            f"{func}: {label} has no value for {year} (years present: {present}); "
            "pick a year present or fill the gap explicitly",
            func=func,
            year=year,
        )
    return float(series.loc[year])


# ----------------------------------------------------------------------------------------
# public functions
# ----------------------------------------------------------------------------------------


def cagr(
    start: Number,
    end: Number | None = None,
    years: Number | None = None,
    /,
    *,
    start_year: int | None = None,
    end_year: int | None = None,
) -> Any:
    """Compound annual growth rate, as a fraction.

    Two call forms:

    - ``cagr(start, end, years)``: ``(end / start) ** (1 / years) - 1``;
    - ``cagr(series, start_year, end_year)``: the rate between two years of a year-indexed
      Series or a tidy frame holding one series (``year``, ``value`` columns); the years
      default to the first and last observed, and ``years = end_year - start_year``.

    Parameters
    ----------
    start, end
        Positive levels: numbers, arrays, Series or Quantities. Quantities in different
        units are converted when a path exists without an FX rate.
    years
        Compounding steps (> 0).
    start_year, end_year
        Keyword spelling of the years in the series form.

    Returns
    -------
    float, ndarray or Series
        The rate as a fraction (0.278 = 27.8%), never a Quantity.

    Notes
    -----
    A Series or frame as the first argument means the series form unless ``end`` is also
    a Series or array (then the rates are element-wise). For a Series of start levels and
    one end level, pass the end level as an array: ``cagr(s, np.full(len(s), e), 3)``.

    Quantities are used at their ``value``: a qualifier ("more than 3200.5") is not turned
    into a bound on the rate; :func:`cagr_bounds` does that for one start and one end. The
    series form likewise ignores a frame's ``qualifier`` column;
    :func:`idcforecast.check_claims` reasons with qualified figures.

    Raises
    ------
    GrowthError
        A level <= 0, years <= 0, or NaN; a Quantity in % or pp (a rate or a share, whose
        compound growth is almost certainly a mistake for the levels it describes).
    IncompatibleUnitsError
        Start and end in units with no conversion path.
    InsufficientDataError
        The series has no value for a requested year.

    Examples
    --------
    >>> round(cagr(1562.5, 3200.5, 3), 4)
    0.27
    >>> s = pd.Series([1562.5, 2238.7, 3012.7], index=[2019, 2020, 2021])
    >>> round(cagr(s, 2019, 2021), 4)
    0.3886
    """
    if isinstance(start, pd.DataFrame) or (
        isinstance(start, pd.Series) and (end is None or _scalar_like(end))
    ):
        return _cagr_series(start, end, years, start_year=start_year, end_year=end_year)
    if end is None or years is None:
        raise GrowthError(
            "cagr: expected cagr(start, end, years) or cagr(series, start_year, end_year); "
            f"found start={type(start).__name__}, end={end!r}, years={years!r}",
            func="cagr",
        )
    end = _same_unit(start, end, func="cagr")
    s = _values(start, name="start", func="cagr")
    e = _values(end, name="end", func="cagr")
    n = _values(years, name="years", func="cagr")
    _check_level(s, start, name="start", func="cagr")
    _check_level(e, end, name="end", func="cagr")
    _check_years(n, years, func="cagr")
    _check_shapes("cagr", start=s, end=e, years=n)
    index = _series_index(start, end, years, func="cagr")
    # exp/log is the exact closed form and stays accurate for rates near zero.
    with np.errstate(over="ignore"):
        result = np.expm1((np.log(e) - np.log(s)) / n)
    _check_result(result, func="cagr", what="rate", years=n)
    return _wrap(result, index)


@dataclasses.dataclass(frozen=True)
class RateBounds:
    """Where a compound growth rate lies when its levels are qualified figures or ranges.

    Attributes
    ----------
    low, high
        The bounds of the rate, as fractions (0.278 = 27.8%); ``low == high`` for one rate,
        ``low < high`` for a range of rates (from a range of levels).
        ``low`` is ``-1.0`` (-100%) when nothing bounds the rate below and ``high`` is
        ``inf`` when nothing bounds it above.
    qualifier
        In the vocabulary of :class:`idcforecast.units.Quantity`: ``"at_least"`` (``low``
        is the bound, ``high`` is inf), ``"at_most"`` (``high`` is the bound, ``low`` is
        -1), ``"approximately"`` (from an "about" level) or ``"exact"``.
    approximate
        True when an "about" figure set the rate: with ``"approximately"`` always, and with
        a bound when the other figure was "about" ("at least about 26.0%": more than 200
        after about 100).

    Examples
    --------
    >>> str(RateBounds(0.269987, math.inf, "at_least")), str(RateBounds(0.27, 0.283))
    ('at least 27.0%', '27.0% to 28.3%')
    >>> str(RateBounds(0.259921, math.inf, "at_least", approximate=True))
    'at least about 26.0%'
    """

    low: float
    high: float
    qualifier: str = "exact"
    approximate: bool = False

    def __str__(self) -> str:
        about = "about " if self.approximate else ""
        if self.qualifier == "at_least":
            return f"at least {about}{self.low:.1%}"
        if self.qualifier == "at_most":
            return f"at most {about}{self.high:.1%}"
        from idcforecast.units import QUALIFIER_WORDS  # (not at import: units costs ~30 ms)

        words = QUALIFIER_WORDS.get(self.qualifier, "")
        if self.is_range:
            return f"{words}{self.low:.1%} to {self.high:.1%}"
        return f"{words}{self.low:.1%}"

    @property
    def is_range(self) -> bool:
        """True for a range of rates (finite ``low < high``), not a bound or one rate."""
        return self.qualifier not in ("at_least", "at_most") and self.low < self.high


def cagr_bounds(start: Number, end: Number, years: Number, /) -> RateBounds:
    """Compound annual growth rate between two qualified figures or ranges, as bounds.

    The rate ``(end / start) ** (1 / years) - 1`` rises with ``end`` and falls with
    ``start``, so it is computed at the ends of the interval each figure allows
    (as :func:`idcforecast.check_claims` reads figures): an end of "more than 3200.5" makes
    the rate *at least* the rate to 3200.5; a start of "more than 1562.5" makes it *at
    most* the rate from 1562.5. An "about" figure is read as the figure itself and makes
    the rate "approximately". A range ("320-330 billion yuan") gives a range of rates:
    from the rate to its low end to the rate to its high end (never its midpoint's).

    Parameters
    ----------
    start, end
        One positive level each: a number or a :class:`idcforecast.units.Quantity`
        (converted as in :func:`cagr`).
    years
        Compounding steps (> 0).

    Returns
    -------
    RateBounds
        ``low``, ``high`` (fractions) and ``qualifier``; ``str()`` reads "at least 27.0%"
        or "27.0% to 28.3%".

    Raises
    ------
    GrowthError
        A level <= 0, years <= 0, an array instead of one figure, or figures that bound the
        rate neither above nor below (start and end both "more than", or both "less
        than"); a figure in % or pp (as :func:`cagr`).
    IncompatibleUnitsError
        Start and end in units with no conversion path.

    Examples
    --------
    >>> from idcforecast.units import parse_quantity
    >>> bounds = cagr_bounds(parse_quantity("1562.5亿元"), parse_quantity("超过3200.5亿元"), 3)
    >>> str(bounds), round(bounds.low, 6), bounds.high
    ('at least 27.0%', 0.269987, inf)
    >>> str(cagr_bounds(parse_quantity("1562.5亿元"), parse_quantity("320-330 billion yuan"), 3))
    '27.0% to 28.3%'
    """
    return _cagr_bounds(start, end, years, func="cagr_bounds")


def _cagr_bounds(start: Number, end: Number, years: Number, *, func: str) -> RateBounds:
    """:func:`cagr_bounds`, its errors naming ``func`` (the command line's "cagr")."""
    end = _same_unit(start, end, func=func)
    s_lo, s_hi = _level_interval(start, name="start", func=func)
    e_lo, e_hi = _level_interval(end, name="end", func=func)
    n = _values(years, name="years", func=func)
    _check_years(n, years, func=func)
    if n.ndim:
        raise GrowthError(
            f"{func}: years must be one number of steps, found shape {n.shape}; "
            "use cagr() for arrays",
            func=func,
            argument="years",
        )
    approximate = "approximately" in (
        getattr(start, "qualifier", ""),
        getattr(end, "qualifier", ""),
    )
    result = _rate_between((s_lo, s_hi), (e_lo, e_hi), float(n), approximate=approximate, func=func)
    if result is None:
        raise GrowthError(
            f"{func}: start is {_figure_words(start)} and end is {_figure_words(end)}, so "
            "the rate is bounded neither above nor below (it rises with the end and falls "
            "with the start); give the start or the end as an exact figure",
            func=func,
        )
    return result


def _rate_between(
    start: tuple[float, float],
    end: tuple[float, float],
    steps: float,
    *,
    approximate: bool,
    func: str = "cagr_bounds",
) -> RateBounds | None:
    """The rate from a level in ``start`` to one in ``end`` (intervals of positive levels,
    as :func:`idcforecast._claim_history.bounds` gives them); None when nothing bounds it."""
    (s_lo, s_hi), (e_lo, e_hi) = start, end

    def rate(s: float, e: float) -> float:
        try:
            return math.expm1((math.log(e) - math.log(s)) / steps)
        except OverflowError:  # was a traceback from the command line (years=1e-9)
            _check_result(np.array(math.inf), func=func, what="rate", years=np.array(steps))
            raise  # pragma: no cover - _check_result raised

    # the rate falls to -100% as the end nears 0 or the start grows without bound
    low = -1.0 if e_lo == 0 or math.isinf(s_hi) else rate(s_hi, e_lo)
    high = math.inf if s_lo == 0 or math.isinf(e_hi) else rate(s_lo, e_hi)
    if low == -1.0 and math.isinf(high):
        return None
    if math.isinf(high):
        return RateBounds(low, high, "at_least", approximate)
    if low == -1.0:
        return RateBounds(low, high, "at_most", approximate)
    return RateBounds(low, high, "approximately" if approximate else "exact", approximate)


def _rate_qualifier(start: str, end: str) -> tuple[str, bool] | None:
    """How the qualifiers of a start and an end figure qualify the rate between them.

    Returns ``(qualifier, approximate)`` as :func:`cagr_bounds` reads the figures (the rate
    rises with the end and falls with the start), or None when nothing bounds the rate.
    A blank qualifier is exact.

    Examples
    --------
    >>> _rate_qualifier("exact", "at_least"), _rate_qualifier("at_least", "")
    (('at_least', False), ('at_most', False))
    >>> _rate_qualifier("approximately", "at_least"), _rate_qualifier("at_least", "at_least")
    (('at_least', True), None)
    """
    return _joint_qualifier(rising=(end,), falling=(start,))


def _joint_qualifier(
    *, rising: tuple[str, ...] = (), falling: tuple[str, ...] = ()
) -> tuple[str, bool] | None:
    """How the qualifiers of the figures a result is computed from qualify the result.

    ``rising``: qualifiers of figures the result rises with (an end level for a rate; a
    base and a rate for a projected end); ``falling``: of figures it falls with (a start
    level for a rate; a rate for an implied base). Returns ``(qualifier, approximate)``, or
    None when the figures bound it from both sides' opposite ends (nothing bounds it).

    Examples
    --------
    >>> _joint_qualifier(rising=("at_least", "exact")), _joint_qualifier(falling=("at_least",))
    (('at_least', False), ('at_most', False))
    >>> _joint_qualifier(rising=("at_least",), falling=("at_least",)) is None
    True
    """
    rising = tuple(q or "exact" for q in rising)
    falling = tuple(q or "exact" for q in falling)
    open_above = "at_least" in rising or "at_most" in falling  # a higher riser, a lower faller
    open_below = "at_most" in rising or "at_least" in falling
    approximate = "approximately" in (*rising, *falling)
    if open_above and open_below:
        return None
    if open_above:
        return "at_least", approximate
    if open_below:
        return "at_most", approximate
    return ("approximately" if approximate else "exact"), approximate


def _level_interval(x: Number, *, name: str, func: str) -> tuple[float, float]:
    """Where one level lies: ``(low, high)``, ``high`` inf for "more than" (positive)."""
    arr = _values(x, name=name, func=func)
    if arr.ndim:
        raise GrowthError(
            f"{func}: {name} must be one level, found an array of shape {arr.shape}; "
            "use cagr() for element-wise rates",
            func=func,
            argument=name,
        )
    _check_level(arr, x, name=name, func=func)
    qualifier = getattr(x, "qualifier", "exact")
    if not getattr(x, "is_range", False):
        return bounds(float(arr), qualifier)
    if not x.low > 0:
        raise GrowthError(
            f"{func}: {name} must be a positive level, found the range {x.low:g} to "
            f"{x.high:g}; compound growth is undefined from or to a level <= 0",
            func=func,
            argument=name,
            value=x.low,
        )
    return bounds(x.low, qualifier)[0], bounds(x.high, qualifier)[1]


def _rate_words(rate: Any) -> str:
    """A rate Quantity as words: "25% to 27.8%", "at least 27.8%"."""
    from idcforecast.units import QUALIFIER_WORDS

    words = QUALIFIER_WORDS.get(rate.qualifier, "")
    if rate.is_range:
        return f"{words}{rate.low:g}% to {rate.high:g}%"
    return f"{words}{rate.value:g}%"


def _figure_words(x: Any) -> str:
    from idcforecast.units import QUALIFIER_WORDS

    words = QUALIFIER_WORDS.get(getattr(x, "qualifier", "exact"), "")
    value = float(x.value) if _is_quantity(x) else float(x)
    return f"{words}{value:g}"


def _cagr_series(
    data: Any,
    pos_start: Any,
    pos_end: Any,
    *,
    start_year: int | None,
    end_year: int | None,
) -> float:
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
    series, _, label = _year_series(data, func="cagr")
    y0 = _pick_year(pos_start, start_year, default=int(series.index[0]), name="start_year")
    y1 = _pick_year(pos_end, end_year, default=int(series.index[-1]), name="end_year")
    if y1 <= y0:
        raise GrowthError(
            f"cagr: end_year must be after start_year, found {y0} -> {y1} for {label}",
            func="cagr",
            start_year=y0,
            end_year=y1,
        )
    first = _at_year(series, y0, label=label, func="cagr")
    last = _at_year(series, y1, label=label, func="cagr")
    for year, value in ((y0, first), (y1, last)):
        if value <= 0:
            raise GrowthError(
                f"cagr: {label} year {year} must be a positive level, found {value:g}; "
                "compound growth is undefined from or to a level <= 0",
                func="cagr",
                year=year,
                value=value,
            )
    return math.expm1((math.log(last) - math.log(first)) / (y1 - y0))


def _pick_year(positional: Any, keyword: int | None, *, default: int, name: str) -> int:
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


def implied_target(base: Number, rate: Number, years: Number) -> Any:
    """Level reached from ``base`` after ``years`` steps at ``rate``: ``base*(1+rate)**years``.

    A rate Quantity that is a range or a bound gives a target that is one too (the target
    rises with the rate), as in :func:`implied_base`; a "more than" base with a "less than"
    rate (or the reverse) bounds no target and is a :class:`GrowthError`.

    Examples
    --------
    >>> round(implied_target(1562.5, 0.278, 3), 1)
    3261.5
    """
    return _compound(base, rate, years, sign=1.0, func="implied_target")


def implied_base(end: Number, rate: Number, years: Number) -> Any:
    """Base level that reaches ``end`` after ``years`` steps at ``rate``.

    ``end / (1 + rate) ** years``. A Quantity ``end`` gives a Quantity base in its unit,
    with its qualifier ("more than 3200" at a fixed rate implies a base of more than ...).

    A rate Quantity that is a range or a bound gives a base that is one too (the base falls
    as the rate rises): 25-27.8% gives ``end / 1.278**n`` to ``end / 1.25**n``, "more than
    27.8%" a base of at most ``end / 1.278**n``. It needs one Quantity ``end``, whose own
    range or qualifier combines with the rate's; "more than" both (or "less than" both)
    bound no base and are a :class:`GrowthError`.

    Examples
    --------
    >>> round(implied_base(3200, 0.278, 3), 1)  # "2020-22" read as three steps from 2019
    1533.1
    >>> round(implied_base(3200, 0.278, 2), 1)  # read as two steps from 2020
    1959.2
    """
    return _compound(end, rate, years, sign=-1.0, func="implied_base")


def _compound(level: Number, rate: Number, years: Number, *, sign: float, func: str) -> Any:
    name = "base" if sign > 0 else "end"
    if _is_quantity(rate) and (rate.is_range or rate.qualifier in ("at_least", "at_most")):
        return _compound_bounded(level, rate, years, sign=sign, func=func)
    x = _values(level, name=name, func=func)
    _check_level(x, level, name=name, func=func)
    r = _rate_values(rate, func=func)
    n = _values(years, name="years", func=func)
    _check_years(n, years, func=func)
    _check_shapes(func, **{name: x, "rate": r, "years": n})
    index = _series_index(level, rate, years, func=func)
    with np.errstate(over="ignore", under="ignore"):
        factor = np.exp(sign * n * np.log1p(r))
        result = x * factor
    _check_result(result, func=func, what="target" if sign > 0 else "base", years=n)
    template = level if _is_quantity(level) else None
    return _level_result(template, result, factor, index)


def _compound_bounded(level: Number, rate: Any, years: Number, *, sign: float, func: str) -> Any:
    """:func:`_compound` for a rate Quantity that is a range or a bound ("more than 27.8%").

    The result rises with the level; it rises with the rate going forward (``sign`` 1) and
    falls with it going back (``sign`` -1). Each end of the result is taken from the ends of
    the level's and the rate's intervals that push it that way (never a midpoint's).
    """
    name = "base" if sign > 0 else "end"
    _rate_values(rate, func=func)  # unit '%' and > -100%
    if rate.is_range and not rate.low > -100:
        raise GrowthError(
            f"{func}: rate must be > -100%, found the range {rate.low:g}% to {rate.high:g}%; "
            "a level cannot fall by 100% or more",
            func=func,
            argument="rate",
            value=rate.low,
        )
    n = _values(years, name="years", func=func)
    _check_years(n, years, func=func)
    if n.ndim or not _is_quantity(level):
        raise GrowthError(
            f"{func}: rate {_rate_words(rate)} is a range or a bound, so the result is one "
            f"too: give the {name} as one Quantity (parse_quantity('3200亿元')) and years as "
            "one number of steps, and the result is a Quantity carrying the range or bound; "
            "or pass rate.value to use the published figure as an exact rate",
            func=func,
            argument="rate",
        )
    l_lo, l_hi = _level_interval(level, name=name, func=func)
    low_pct, high_pct = (rate.low, rate.high) if rate.is_range else (rate.value, rate.value)
    r_lo = bounds(low_pct / 100.0, rate.qualifier, floor=-1.0)[0]
    r_hi = bounds(high_pct / 100.0, rate.qualifier, floor=-1.0)[1]
    steps = float(n)

    def factor(r: float) -> float:  # (1 + r) ** (sign * steps), 0 and inf at the ends
        if r == -1.0:
            return 0.0 if sign > 0 else math.inf
        if math.isinf(r):
            return math.inf if sign > 0 else 0.0
        try:
            value = math.exp(sign * steps * math.log1p(r))
        except OverflowError:
            value = math.inf
        if value == 0 or math.isinf(value):  # out of the float range, not a bound
            what = "target" if sign > 0 else "base"
            _check_result(np.array(value), func=func, what=what, years=n)
        return value

    # the rate end that lowers the result: its low end going forward, its high end back
    f_lo, f_hi = (factor(r_lo), factor(r_hi)) if sign > 0 else (factor(r_hi), factor(r_lo))
    low = 0.0 if f_lo == 0 else l_lo * f_lo
    high = math.inf if math.isinf(f_hi) or math.isinf(l_hi) else l_hi * f_hi
    if low == 0 and math.isinf(high):
        raise GrowthError(
            f"{func}: {name} is {_figure_words(level)} and rate is "
            f"{_rate_words(rate)}, so the {'target' if sign > 0 else 'base'} is bounded "
            f"neither above nor below (it rises with the {name} and "
            f"{'rises' if sign > 0 else 'falls'} with the rate); give the {name} or the rate "
            "as an exact figure or a range",
            func=func,
        )
    approximate = "approximately" in (getattr(level, "qualifier", ""), rate.qualifier)
    if math.isinf(high):
        qualifier, value, lo, hi = "at_least", low, None, None
    elif low == 0:
        qualifier, value, lo, hi = "at_most", high, None, None
    else:  # a range: its midpoint is the value, as parse_quantity gives a range
        qualifier = "approximately" if approximate else "exact"
        value = (low + high) / 2
        lo, hi = (low, high) if low < high else (None, None)
    return dataclasses.replace(
        level, value=value, low=lo, high=hi, qualifier=qualifier, alternate=None, text=None
    )


def implied_years(base: Number, end: Number, rate: Number) -> Any:
    """Compounding steps for ``base`` to reach ``end`` at ``rate``.

    ``log(end / base) / log(1 + rate)``; fractional steps are returned as they are.

    Raises
    ------
    GrowthError
        When ``end`` is never reached going forward (a zero rate with ``end != base``, or
        a rate whose sign points away from ``end``).

    Examples
    --------
    >>> round(implied_years(1562.5, 3200.5, 0.278), 2)
    2.92
    """
    _refuse_bounded("implied_years", base=base, end=end, rate=rate)
    end = _same_unit(base, end, func="implied_years")
    b = _values(base, name="base", func="implied_years")
    e = _values(end, name="end", func="implied_years")
    _check_level(b, base, name="base", func="implied_years")
    _check_level(e, end, name="end", func="implied_years")
    r = _rate_values(rate, func="implied_years")
    _check_shapes("implied_years", base=b, end=e, rate=r)
    index = _series_index(base, end, rate, func="implied_years")
    num = np.log(e) - np.log(b)
    den = np.log1p(r)
    with np.errstate(divide="ignore", invalid="ignore"):
        steps = np.where(num == 0, 0.0, num / np.where(den == 0, np.nan, den))
    never = ~(steps >= 0)
    if never.any():
        pos = int(np.flatnonzero(np.broadcast_to(never, steps.shape).ravel())[0])
        bb, ee, rr = (np.broadcast_to(a, steps.shape).ravel()[pos] for a in (b, e, r))
        raise GrowthError(
            f"implied_years: a level of {bb:g} never reaches {ee:g} at a rate of "
            f"{rr:g} ({rr:.1%} a year){_where(base if not _scalar_like(base) else rate, pos)};"
            " the rate must be positive to grow and negative to shrink",
            func="implied_years",
        )
    return _wrap(steps, index)


def doubling_time(rate: Number) -> Any:
    """Compounding steps for a level to double at ``rate``: ``log 2 / log(1 + rate)``.

    Raises
    ------
    GrowthError
        ``rate <= 0`` (a level that never doubles).

    Examples
    --------
    >>> round(doubling_time(0.278), 2)
    2.83
    """
    _refuse_bounded("doubling_time", rate=rate)
    r = _rate_values(rate, func="doubling_time")
    mask = ~(r > 0)
    if mask.any():
        found, where = _first_bad(r, mask, rate)
        raise GrowthError(
            f"doubling_time: rate must be > 0 for a level to double, found {found:g}{where}",
            func="doubling_time",
            value=found,
        )
    return _wrap(math.log(2) / np.log1p(r), _series_index(rate, func="doubling_time"))


def project(
    base: Number,
    rate: Number,
    years: int | None = None,
    *,
    base_year: int | None = None,
) -> Any:
    """Compound ``base`` forward: the path ``base * (1 + rate) ** k`` for ``k = 0..years``.

    Parameters
    ----------
    base
        Positive level (number or Quantity), or a 1-D array of levels (one path per row).
    rate
        One rate (fraction) for every step, or a sequence of per-step rates (then ``years``
        defaults to its length).
    years
        Steps to project (a positive integer).
    base_year
        When given, the result is a Series indexed by year from ``base_year`` to
        ``base_year + years`` (named ``"value"``; ``attrs["unit"]`` holds a Quantity's unit).

    Returns
    -------
    ndarray or Series
        ``years + 1`` values starting with ``base``; shape ``(len(base), years + 1)`` for an
        array of bases.

    Examples
    --------
    >>> project(100.0, 0.1, 2).round(2).tolist()
    [100.0, 110.0, 121.0]
    >>> rate = cagr(1562.5, 3200.5, 3)
    >>> project(1562.5, rate, 3, base_year=2019).round(1).to_dict()
    {2019: 1562.5, 2020: 1984.4, 2021: 2520.1, 2022: 3200.5}
    """
    _refuse_bounded("project", base=base, rate=rate)
    x = _values(base, name="base", func="project")
    _check_level(x, base, name="base", func="project")
    r = _rate_values(rate, func="project")
    if r.ndim > 1:
        raise GrowthError(
            f"project: rate must be one rate or a 1-D sequence of per-step rates, found "
            f"shape {r.shape}",
            func="project",
        )
    if years is None:
        if r.ndim == 0:
            raise GrowthError(
                "project: years is required with a single rate (e.g. project(100, 0.1, 5))",
                func="project",
            )
        years = int(r.size)
    if isinstance(years, bool) or not float(years).is_integer() or years < 1:
        raise GrowthError(
            f"project: years must be a positive whole number of steps, found {years!r}",
            func="project",
            value=years,
        )
    years = int(years)
    if r.ndim == 1 and r.size != years:
        raise GrowthError(
            f"project: {r.size} per-step rates given for years={years}; give one rate per step",
            func="project",
        )
    steps = np.broadcast_to(r, (years,))
    if x.ndim > 1:
        raise GrowthError(
            f"project: base must be a number or a 1-D array, found shape {x.shape}",
            func="project",
        )
    with np.errstate(over="ignore", under="ignore"):
        growth = np.concatenate([[1.0], np.exp(np.cumsum(np.log1p(steps)))])
        path = np.multiply.outer(x, growth)
    _check_result(path, func="project", what="path", years=np.array(float(years)))
    if base_year is None:
        return path
    if path.ndim != 1:
        raise GrowthError(
            "project: base_year needs a single base level, found an array; project each "
            "base separately",
            func="project",
        )
    out = pd.Series(
        path, index=pd.Index(range(base_year, base_year + years + 1), name="year"), name="value"
    )
    if _is_quantity(base):
        out.attrs["unit"] = base.unit
    return out


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
        an average, not an observed year-on-year change). Rates are fractions.

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
    series, _, label = _year_series(data, func="yoy")
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
    if series_id is not None:
        out.insert(0, "series_id", series_id)
    return out
