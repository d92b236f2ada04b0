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
  cannot carry; the steps of :func:`implied_years` and :func:`doubling_time` from an
  "about" figure are an "about" Quantity in ``"year"``.
  A rate may be given as a Quantity in ``"%"`` (``parse_quantity("27.8%")``); in
  :func:`implied_base` and :func:`implied_target` its range ("25-27.8%") or bound ("more
  than 27.8%") carries through to the level (a higher rate lowers the base and raises the
  target), and an end and a rate that push the result opposite ways are a
  :class:`GrowthError`; an "about" rate ("约27.8%") makes the level "about" (from a plain
  number, an "about" Quantity in ``"count"``, a bare number).
- A Quantity's qualifier ("more than 3200.5") bounds the rate computed from it, and a range
  ("320-330 billion yuan") gives a range of rates: :func:`cagr_bounds` returns them as a
  :class:`RateBounds`, and so does :func:`cagr` when a figure it reads is qualified (a
  Quantity, or a frame's ``qualifier`` column in the series form).

This module holds the element-wise arithmetic (:func:`cagr`, :func:`implied_target`,
:func:`implied_base`, :func:`implied_years`, :func:`doubling_time`, :func:`project`,
:func:`yoy`). The arithmetic of qualified figures and ranges, :func:`cagr_bounds` and
:class:`RateBounds`, is in :mod:`idcforecast.growth_bounds` and importable from here; the
series form of :func:`cagr` and :func:`yoy` are in :mod:`idcforecast._growth_series`
(``yoy`` importable from here); the checks and coercion of the arguments are in
:mod:`idcforecast._growth_inputs`.

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

from idcforecast._growth_inputs import (
    Number,
    about_bound,
    about_plain_level,
    about_steps,
    check_level,
    check_result,
    check_shapes,
    check_years,
    figure_words,
    first_bad,
    float_values,
    is_quantity,
    level_result,
    position_text,
    rate_quantity,
    rate_values,
    refuse_bounded,
    same_unit,
    scalar_like,
    series_index,
    wrap_result,
    years_values,
)
from idcforecast._growth_series import cagr_of_series, yoy
from idcforecast.errors import GrowthError
from idcforecast.growth_bounds import RateBounds, _cagr_bounds, _compound_bounded, cagr_bounds

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


def cagr(
    start: Number,
    end: Number | None = None,
    years: Number | None = None,
    /,
    *,
    start_year: int | None = None,
    end_year: int | None = None,
    kw_per_rack: float = 2.5,
) -> Any:
    """Compound annual growth rate, as a fraction.

    Two call forms:

    - ``cagr(start, end, years)``: ``(end / start) ** (1 / years) - 1``;
    - ``cagr(series, start_year, end_year)``: the rate between two years of a year-indexed
      Series or a tidy frame holding one series (``year``, ``value`` columns); the years
      default to the first and last observed, and ``years = end_year - start_year``. A
      period text in place of the years, ``cagr(series, "2019-2022")``, is its first and
      last year (3 steps; "2019-22", "2019年至2022年" too).

    Parameters
    ----------
    start, end
        Positive levels: numbers, arrays, Series or Quantities. Quantities in different
        units are converted when a path exists without an FX rate.
    years
        Compounding steps (> 0).
    start_year, end_year
        Keyword spelling of the years in the series form.
    kw_per_rack
        Power of one standard rack in kW (default 2.5, MIIT's), for a start in racks and
        an end in power or the reverse: 265.8万架 to 13 GW over 2 steps is 39.9% a year at
        2.5 kW (13 GW = 520万架) and -1.1% at 5 kW (260万架).

    Returns
    -------
    float, ndarray, Series or RateBounds
        The rate as a fraction (0.278 = 27.8%), never a Quantity. When a figure it is
        computed from is qualified, a :class:`RateBounds` (as :func:`cagr_bounds` gives)
        that carries it: an "about" figure ("约1562.5亿元") gives an "about" rate, a "more
        than" end a rate of at least ..., a "more than" start at most ..., a range of
        levels a range of rates. ``float()`` of an "about" rate is its number, of a bound
        or a range a :class:`GrowthError`; ``f"{rate:.1%}"`` prints "about 27.0%". Passed
        on as the rate of :func:`implied_base`, :func:`implied_target`,
        :func:`implied_years`, :func:`doubling_time` or :func:`project`, it is the rate
        Quantity in "%" it stands for (its qualifier, bound or range carried).

    Notes
    -----
    A Series or frame as the first argument means the series form unless ``end`` is also
    a Series or array (then the rates are element-wise). For a Series of start levels and
    one end level, pass the end level as an array: ``cagr(s, np.full(len(s), e), 3)``.

    Qualified figures are read as :func:`cagr_bounds` reads them: a Quantity's qualifier
    or range (with one number of ``years``), and in the series form a frame's
    ``qualifier`` column at the start and end years (as :func:`idcforecast.load_dataset`
    and :func:`idcforecast.read_series` give it; a Series has none). Both were ignored
    (the value, a range's midpoint, read as exact). With an array of years the rates are
    plain numbers, from the values.

    Raises
    ------
    GrowthError
        A level <= 0, years <= 0, or NaN; a start and an end that bound the rate neither
        above nor below (both "more than"); a Quantity, or a series (its ``unit`` column or
        ``attrs["unit"]``), in % or pp (a rate or a share, whose compound growth is almost
        certainly a mistake for the levels it describes: its change is in pp).
    IncompatibleUnitsError
        Start and end in units with no conversion path.
    InsufficientDataError
        The series has no value for a requested year.

    Examples
    --------
    >>> round(cagr(1562.5, 3200.5, 3), 4)
    0.27
    >>> s = pd.Series([1562.5, 2238.7, 3012.7], index=[2019, 2020, 2021])
    >>> round(cagr(s, 2019, 2021), 4), round(cagr(s, "2019-2021"), 4)
    (0.3886, 0.3886)
    >>> from idcforecast.units import parse_quantity
    >>> print(cagr(parse_quantity("1562.5亿元"), parse_quantity("超过3200.5亿元"), 3))
    at least 27.0%
    """
    if isinstance(start, pd.DataFrame) or (
        isinstance(start, pd.Series) and (end is None or scalar_like(end))
    ):
        return cagr_of_series(start, end, years, start_year=start_year, end_year=end_year)
    if end is None or years is None:
        raise GrowthError(
            "cagr: expected cagr(start, end, years) or cagr(series, start_year, end_year); "
            f"found start={type(start).__name__}, end={end!r}, years={years!r}",
            func="cagr",
        )
    if scalar_like(years) and any(
        is_quantity(x) and (x.is_range or x.qualifier != "exact") for x in (start, end)
    ):
        # "约1562.5亿元", "超过3200.5亿元", "320-330 billion yuan": the rate carries it (was a
        # plain float from the values, a range's midpoint, the qualifier dropped)
        return _cagr_bounds(start, end, years, func="cagr", kw_per_rack=kw_per_rack)
    end = same_unit(start, end, func="cagr", kw_per_rack=kw_per_rack)
    s = float_values(start, name="start", func="cagr")
    e = float_values(end, name="end", func="cagr")
    n = years_values(years, func="cagr")
    check_level(s, start, name="start", func="cagr")
    check_level(e, end, name="end", func="cagr")
    check_years(n, years, func="cagr")
    check_shapes("cagr", start=s, end=e, years=n)
    index = series_index(start, end, years, func="cagr")
    # exp/log is the exact closed form and stays accurate for rates near zero.
    with np.errstate(over="ignore"):
        result = np.expm1((np.log(e) - np.log(s)) / n)
    check_result(result, func="cagr", what="rate", years=n)
    return wrap_result(result, index)


def implied_target(base: Number, rate: Number, years: Number) -> Any:
    """Level reached from ``base`` after ``years`` steps at ``rate``: ``base*(1+rate)**years``.

    A rate Quantity that is a range or a bound gives a target that is one too (the target
    rises with the rate), and an "about" one an "about" target (for a plain-number
    ``base``, a Quantity in ``"count"``, a bare number), as in :func:`implied_base`; a
    "more than" base with a "less than" rate (or the reverse) bounds no target and is a
    :class:`GrowthError`.

    Parameters
    ----------
    base
        The starting level: a number, an array, or a Quantity (its unit and qualifier are
        kept).
    rate
        Growth per step as a fraction (0.278 = 27.8%), or a Quantity in "%" (a range or a
        bound gives a range or a bound, as above); a plain number of 10 or more (1,000% a
        year) is refused as a likely percent.
    years
        Compounding steps (2019 to 2022 is 3), a number or an array.

    Raises
    ------
    GrowthError
        A rate that reads as a percent, or a base and rate whose bounds point opposite ways.

    Examples
    --------
    >>> round(implied_target(1562.5, 0.278, 3), 1)
    3261.5
    """
    return _compound(base, rate, years, sign=1.0, func="implied_target")


def implied_base(end: Number, rate: Number, years: Number) -> Any:
    """Base level that reaches ``end`` after ``years`` steps at ``rate``.

    ``end / (1 + rate) ** years``. A Quantity ``end`` gives a Quantity base in its unit,
    with its qualifier ("more than 3200" at a fixed rate implies a base of more than ...);
    an "about" rate Quantity ("约27.8%") makes an exact end's base "about" too, and a
    plain-number ``end``'s an "about" Quantity in ``"count"`` (a bare number, in
    ``end``'s unit; ``.value`` is the number). With an
    array of rates or years the bases are a plain array, in ``end``'s unit (which the array
    does not carry; a range or a bound ``end`` is then an error, as it would be dropped).

    A rate Quantity that is a range or a bound gives a base that is one too (the base falls
    as the rate rises): 25-27.8% gives ``end / 1.278**n`` to ``end / 1.25**n``, "more than
    27.8%" a base of at most ``end / 1.278**n``. It needs one Quantity ``end``, whose own
    range or qualifier combines with the rate's; "more than" both (or "less than" both)
    bound no base and are a :class:`GrowthError`.

    A bound computed from an "about" figure ("约3200亿元" at "超过27.8%": at most 1959.2)
    is itself approximate, which one qualifier cannot say: the result is ``"at_most"``
    and its ``text`` says "about 1959.24 CNY 100m or less" and from what (so does
    :func:`implied_target`'s).

    Parameters
    ----------
    end
        The level reached: a number, an array, or a Quantity (its unit and qualifier are
        kept).
    rate
        Growth per step as a fraction (0.278 = 27.8%), or a Quantity in "%" (a range or a
        bound gives a range or a bound, as above); a plain number of 10 or more (1,000% a
        year) is refused as a likely percent.
    years
        Compounding steps (2019 to 2022 is 3), a number or an array.

    Raises
    ------
    GrowthError
        A rate that reads as a percent, an end and rate bounded the same way ("more than"
        both), or a range or bound ``end`` with an array of rates or years.

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
    rate = rate_quantity(rate)  # cagr's RateBounds ("about 27.0%"): its qualifier carries
    if is_quantity(rate) and (rate.is_range or rate.qualifier in ("at_least", "at_most")):
        return _compound_bounded(level, rate, years, sign=sign, func=func)
    x = float_values(level, name=name, func=func)
    check_level(x, level, name=name, func=func)
    r = rate_values(rate, func=func)
    n = years_values(years, func=func)
    check_years(n, years, func=func)
    check_shapes(func, **{name: x, "rate": r, "years": n})
    index = series_index(level, rate, years, func=func)
    with np.errstate(over="ignore", under="ignore"):
        factor = np.exp(sign * n * np.log1p(r))
        result = x * factor
    check_result(result, func=func, what="target" if sign > 0 else "base", years=n)
    template = level if is_quantity(level) else None
    if template is not None and np.ndim(result) > 0:
        # an array of results is plain numbers: a range or a bound of the level would be
        # dropped (the midpoint of '1500-1600亿元' was used, 'more than' lost)
        bound = level.qualifier in ("at_least", "at_most")
        if level.is_range or bound:
            what = (
                f"the range {level.low:g} to {level.high:g} {level.unit}"
                if level.is_range
                else f"{figure_words(level)} {level.unit} (a bound)"
            )
            raise GrowthError(
                f"{func}: {name} is {what}, but with an array of rates or years the results "
                "are plain numbers, which would drop it; pass one rate and one number of "
                f"years (the result is then a Quantity carrying it), or {name}.value",
                func=func,
                argument=name,
            )
    about_rate = is_quantity(rate) and rate.qualifier == "approximately"
    if template is not None and about_rate and template.qualifier == "exact":
        # "about 27.8%" makes the level about one too (was dropped: an exact result)
        template = dataclasses.replace(template, qualifier="approximately")
    if template is not None and np.ndim(result) == 0:  # "不到3200亿元" at "约27.8%"
        return about_bound(level_result(template, result, factor, index), level, rate, years=n)
    if about_rate and np.ndim(result) == 0 and index is None:
        # a plain level at "about 27.8%" gave a float that read as exact, where a Quantity
        # level's result was "about" (and doubling_time's, implied_years')
        return about_plain_level(float(result), level=float(x), rate=rate, name=name, func=func)
    return level_result(template, result, factor, index)


def implied_years(base: Number, end: Number, rate: Number, *, kw_per_rack: float = 2.5) -> Any:
    """Compounding steps for ``base`` to reach ``end`` at ``rate``.

    ``log(end / base) / log(1 + rate)``; fractional steps are returned as they are.
    ``kw_per_rack`` converts racks and power, as in :func:`cagr`.

    Parameters
    ----------
    base, end
        The levels: numbers or Quantities (converted to one unit, as :func:`cagr` does).
    rate
        Growth per step as a fraction (0.278 = 27.8%) or a Quantity in "%".
    kw_per_rack
        kW per standard rack, when one level is racks and the other power (default 2.5).

    Returns
    -------
    float, ndarray or Series
        The steps; when ``base``, ``end`` or ``rate`` is an "about" Quantity ("约1562.5亿元",
        "about 27.8%") and the result is one number, a Quantity in ``"year"`` with
        qualifier ``"approximately"`` instead (``.value`` is the number; ``text`` says
        from what), as :func:`doubling_time`. A range or a bound is refused (one number
        cannot carry it).

    Raises
    ------
    GrowthError
        When ``end`` is never reached going forward (a zero rate with ``end != base``, or
        a rate whose sign points away from ``end``).

    Examples
    --------
    >>> round(implied_years(1562.5, 3200.5, 0.278), 2)
    2.92
    >>> from idcforecast.units import parse_quantity
    >>> steps = implied_years(parse_quantity("约1562.5亿元"), parse_quantity("3200.5亿元"), 0.278)
    >>> steps.qualifier, round(steps.value, 2)
    ('approximately', 2.92)
    """
    rate = rate_quantity(rate)
    refuse_bounded("implied_years", base=base, end=end, rate=rate)
    given_end = end  # as given, for the "about" text (not in the base's unit)
    end = same_unit(base, end, func="implied_years", kw_per_rack=kw_per_rack)
    b = float_values(base, name="base", func="implied_years")
    e = float_values(end, name="end", func="implied_years")
    check_level(b, base, name="base", func="implied_years")
    check_level(e, end, name="end", func="implied_years")
    r = rate_values(rate, func="implied_years")
    check_shapes("implied_years", base=b, end=e, rate=r)
    index = series_index(base, end, rate, func="implied_years")
    num = np.log(e) - np.log(b)
    den = np.log1p(r)
    with np.errstate(divide="ignore", invalid="ignore"):
        steps = np.where(num == 0, 0.0, num / np.where(den == 0, np.nan, den))
    never = ~(steps >= 0)
    if never.any():
        pos = int(np.flatnonzero(np.broadcast_to(never, steps.shape).ravel())[0])
        bb, ee, rr = (np.broadcast_to(a, steps.shape).ravel()[pos] for a in (b, e, r))
        where = position_text(base if not scalar_like(base) else rate, pos)
        raise GrowthError(
            f"implied_years: a level of {bb:g} never reaches {ee:g} at a rate of "
            f"{rr:g} ({rr:.1%} a year){where};"
            " the rate must be positive to grow and negative to shrink",
            func="implied_years",
        )
    result = wrap_result(steps, index)
    return about_steps(result, func="implied_years", base=base, end=given_end, rate=rate)


def doubling_time(rate: Number) -> Any:
    """Compounding steps for a level to double at ``rate``: ``log 2 / log(1 + rate)``.

    Parameters
    ----------
    rate
        Growth per step as a fraction (0.278 = 27.8%): a number, an array, or a Quantity
        in "%".

    Returns
    -------
    float, ndarray or Series
        The steps; for an "about" rate Quantity ("约27.8%") a Quantity in ``"year"`` with
        qualifier ``"approximately"`` (``.value`` is the number), not a float that reads
        as exact. A range or a bound ("more than 27.8%") is refused.

    Raises
    ------
    GrowthError
        ``rate <= 0`` (a level that never doubles).

    Examples
    --------
    >>> round(doubling_time(0.278), 2)
    2.83
    >>> from idcforecast.units import parse_quantity
    >>> str(doubling_time(parse_quantity("约27.8%")))
    'about 2.825754087786509 year'
    """
    rate = rate_quantity(rate)
    refuse_bounded("doubling_time", rate=rate)
    r = rate_values(rate, func="doubling_time")
    mask = ~(r > 0)
    if mask.any():
        found, where = first_bad(r, mask, rate)
        raise GrowthError(
            f"doubling_time: rate must be > 0 for a level to double, found {found:g}{where}",
            func="doubling_time",
            value=found,
        )
    steps = wrap_result(math.log(2) / np.log1p(r), series_index(rate, func="doubling_time"))
    return about_steps(steps, func="doubling_time", rate=rate)


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
        defaults to its length). A Series of rates indexed by years (the growth into each
        year) must cover consecutive years in order, and the year before the first is
        ``base_year`` when one is given.
    years
        Steps to project (a positive integer).
    base_year
        When given, the result is a Series indexed by year from ``base_year`` to
        ``base_year + years`` (named ``"value"``; ``attrs["unit"]`` holds a Quantity's unit).

    Returns
    -------
    ndarray or Series
        ``years + 1`` values starting with ``base``; shape ``(len(base), years + 1)`` for an
        array of bases. Without ``base_year`` a plain ndarray (positions 0 to ``years``,
        not years; ``path[-1]`` is the last value), which has no place for a unit or for
        the years of a Series of rates indexed by years: a Quantity base's unit is dropped
        there (the values are in it). Pass ``base_year`` (for rates indexed by years,
        ``rates.index[0] - 1``) for a Series indexed by year, its unit in ``attrs["unit"]``
        and, for an "about" base or rate ("约27.8%"), ``attrs["qualifier"] ==
        "approximately"`` (the array form has no place for it).

    Examples
    --------
    Without ``base_year``, an array (one row per base for an array of bases):

    >>> project(100.0, 0.1, 2)
    array([100., 110., 121.])
    >>> project(np.array([100.0, 200.0]), 0.1, 2)
    array([[100., 110., 121.],
           [200., 220., 242.]])

    With it, a Series indexed by year:

    >>> project(100.0, 0.1, 2, base_year=2020).round(2).to_dict()
    {2020: 100.0, 2021: 110.0, 2022: 121.0}
    >>> from idcforecast.units import parse_quantity
    >>> path = project(parse_quantity("1562.5亿元"), 0.278, 1, base_year=2019)
    >>> path.round(1).to_dict(), path.attrs["unit"]
    ({2019: 1562.5, 2020: 1996.9}, 'CNY 100m')
    >>> rate = cagr(1562.5, 3200.5, 3)
    >>> project(1562.5, rate, 3, base_year=2019).round(1).to_dict()
    {2019: 1562.5, 2020: 1984.4, 2021: 2520.1, 2022: 3200.5}
    """
    rate = rate_quantity(rate)
    refuse_bounded("project", base=base, rate=rate)
    x = float_values(base, name="base", func="project")
    check_level(x, base, name="base", func="project")
    r = rate_values(rate, func="project")
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
    _check_rate_years(rate, base_year)
    steps = np.broadcast_to(r, (years,))
    if x.ndim > 1:
        raise GrowthError(
            f"project: base must be a number or a 1-D array, found shape {x.shape}",
            func="project",
        )
    with np.errstate(over="ignore", under="ignore"):
        growth = np.concatenate([[1.0], np.exp(np.cumsum(np.log1p(steps)))])
        path = np.multiply.outer(x, growth)
    check_result(path, func="project", what="path", years=np.array(float(years)))
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
    if is_quantity(base):
        out.attrs["unit"] = base.unit
    if any(is_quantity(x) and x.qualifier == "approximately" for x in (base, rate)):
        out.attrs["qualifier"] = "approximately"  # from "约1562.5亿元" or "about 27.8%"
    return out


def _check_rate_years(rate: Any, base_year: int | None) -> None:
    """Per-step rates in a Series indexed by years (2021, 2022: the growth into each) are
    applied in order, one step a year: years out of order or with a gap, or a
    ``base_year`` that is not the year before the first, were applied by position in
    silence (rates for 2021-2022 labelled 2016-2017 with ``base_year=2015``)."""
    if not isinstance(rate, pd.Series) or rate.empty:
        return
    index = rate.index
    if not pd.api.types.is_integer_dtype(index.dtype) or not (
        int(index.min()) >= 1900 and int(index.max()) <= 2100
    ):
        return  # positions (0, 1, ...), not years
    years = [int(y) for y in index]
    if years != list(range(years[0], years[0] + len(years))):
        raise GrowthError(
            f"project: the rates are indexed by the years {', '.join(map(str, years))}, but "
            "per-step rates are applied in order, one step a year; sort them and give one "
            "rate for every year (rate.sort_index(), a gap's rate filled in)",
            func="project",
            argument="rate",
        )
    if base_year is not None and base_year != years[0] - 1:
        raise GrowthError(
            f"project: the rates are for {years[0]}-{years[-1]} (the growth into each year), "
            f"so the path starts in {years[0] - 1}, but base_year is {base_year}; give "
            f"base_year={years[0] - 1}, or rates for the years from {base_year + 1}",
            func="project",
            argument="base_year",
            value=base_year,
        )
