"""Arguments of the growth arithmetic, checked and coerced: numbers, Quantities, units, series.

Private to :mod:`idcforecast.growth` and :mod:`idcforecast.growth_bounds` (and the
command line's ``cagr``). What is here:

- numbers: :func:`float_values` (a number, array, Series or Quantity as a float array,
  NaN refused), :func:`rate_values` (a fraction, or a Quantity in ``"%"``; a plain rate of
  :data:`PERCENT_LIKE_RATE` or more is taken for a percent and refused) and the checks of
  levels, steps, shapes and results (:func:`check_level`, :func:`check_years`,
  :func:`check_shapes`, :func:`check_result`), each a :class:`~idcforecast.errors.GrowthError`
  naming the function, the argument, the value and where it is;
- Quantities and units: :func:`same_unit` (both levels in one unit),
  :func:`refuse_percent_levels` and :func:`refuse_percent_series` (a rate or a share is
  not a level), :func:`refuse_bounded`
  (a range or a bound where one number is needed) and the words messages use for them;
- results: :func:`series_index` (the Series arguments' common index), :func:`wrap_result`
  and :func:`level_result` (a float, array, Series or Quantity, as the arguments were).

Year-indexed series (``year_series``, ``value_at_year``, ``pick_year``) are read in
:mod:`idcforecast._growth_series`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from idcforecast.errors import (
    GrowthError,
    IncompatibleUnitsError,
    MissingFxRateError,
    UnitError,
)

__all__ = [
    "PERCENT_LIKE_RATE",
    "Number",
    "about_plain_level",
    "about_steps",
    "check_level",
    "check_result",
    "check_shapes",
    "check_years",
    "figure_words",
    "first_bad",
    "float_values",
    "is_quantity",
    "level_result",
    "position_text",
    "rate_quantity",
    "rate_values",
    "rate_words",
    "refuse_bounded",
    "refuse_percent_levels",
    "refuse_percent_series",
    "same_unit",
    "scalar_like",
    "series_index",
    "unit_text",
    "wrap_result",
]

Number = Any  # float | int | numpy array | pandas Series | Quantity


# ----------------------------------------------------------------------------------------
# numbers, Quantities and units
# ----------------------------------------------------------------------------------------


def is_quantity(x: object) -> bool:
    # Duck-typed so this module does not import the units registry it does not need.
    return hasattr(x, "value") and hasattr(x, "unit") and hasattr(x, "to")


def scalar_like(x: Any) -> bool:
    return np.ndim(x) == 0 and not isinstance(x, pd.Series)


def float_values(x: Number, *, name: str, func: str) -> np.ndarray:
    """Float array of ``x`` (a number, array, Series or Quantity); NaN is refused."""
    raw = x.value if is_quantity(x) else x
    if raw is None:  # np.asarray(None, dtype=float) is NaN: "start is NaN" for a None
        raise GrowthError(
            f"{func}: {name} is None; give a number, an array, a Series or a Quantity",
            func=func,
            argument=name,
        )
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
            f"{func}: {name} is NaN{position_text(x, int(bad[0]))}; drop or fill missing values "
            "before compounding",
            func=func,
            argument=name,
        )
    return arr


def period_years(text: Any, *, func: str, argument: str) -> tuple[int, int] | None:
    """The first and last year of a period written as text ("2019-2022", "2019-22",
    "2019年至2022年"), or None when ``text`` is no text or a plain number ("2019").

    A five-year plan ("十四五", 2021-2025) is a GrowthError: its growth is measured from
    the year before (2020) as often as from its first year, so the years must be given.
    Text that is neither a number nor a period is a GrowthError naming ``argument``.

    Examples
    --------
    >>> period_years("2019-2022", func="cagr", argument="start_year")
    (2019, 2022)
    >>> period_years("2019", func="cagr", argument="start_year") is None
    True
    """
    if not isinstance(text, str):
        return None
    try:
        float(text)
    except ValueError:
        pass
    else:
        return None
    from idcforecast._claim_periods import is_plan
    from idcforecast.claims import parse_period
    from idcforecast.errors import SpecError

    try:
        first, last = parse_period(text)
    except SpecError as err:
        raise GrowthError(
            f"{func}: {argument} {text!r} is neither a year nor a period: {err}",
            func=func,
            argument=argument,
            value=text,
        ) from err
    if is_plan(text):  # "十四五": 2021-2025, its growth often from 2020 ("FY20-FY22" is none)
        raise GrowthError(
            f"{func}: {argument} {text!r} is a five-year plan ({first}-{last}), whose growth "
            f"is read from {first - 1} (the base year) as often as from {first}; give the "
            f"years: ({first - 1}, {last}) or ({first}, {last})",
            func=func,
            argument=argument,
            value=text,
        )
    return first, last


def years_values(x: Number, *, func: str) -> np.ndarray:
    """Float array of compounding steps: a number, array or Series, or a Quantity that is a
    duration ("3 years", "36 months": in years) or a bare number ("3"). A Quantity in any
    other unit, or a range or a bound of years, is a GrowthError (its value was taken as
    the steps: "36 months" as 36 steps, "3 MW" as 3); so is a period ("2020-2022"), whose
    steps are a reading (2 from 2020, 3 from a 2019 base), named in the error."""
    try:
        years = period_years(x, func=func, argument="years")
    except GrowthError:  # no period: the error below says what years are
        years = None
    if years is not None:
        first, last = years
        raise GrowthError(
            f"{func}: years is the period {x!r}, but years are compounding steps, and a "
            f"published period's steps are a reading: {last - first} from {first}, or "
            f"{last - first + 1} from a {first - 1} base (check_claims reads both); give "
            f"the steps as a number (years={last - first})",
            func=func,
            argument="years",
            value=x,
        )
    if not is_quantity(x):
        return float_values(x, name="years", func=func)
    if x.is_range or x.qualifier in ("at_least", "at_most"):
        what = f"the range {x.low:g} to {x.high:g}" if x.is_range else figure_words(x)
        raise GrowthError(
            f"{func}: years is {what}{unit_text(x.unit)}, not one number of steps; give "
            "the steps as a number (years=3)",
            func=func,
            argument="years",
        )
    from idcforecast.units import parse_unit

    unit = parse_unit(x.unit)
    if unit.dimension == "time" and not unit.per:
        return float_values(x.to("year"), name="years", func=func)
    if x.unit == "count":
        return float_values(x, name="years", func=func)
    raise GrowthError(
        f"{func}: years is a Quantity in {x.unit!r}; years are compounding steps: a number "
        "(2019 -> 2022 is years=3) or a duration such as parse_quantity('3 years')",
        func=func,
        argument="years",
        unit=x.unit,
    )


def position_text(x: Any, flat_position: int) -> str:
    if isinstance(x, pd.Series):
        label = x.index[flat_position]
        return f" at index {getattr(label, 'item', lambda: label)()!r}"
    if np.ndim(x) == 0:
        return ""
    return f" at position {flat_position}"


def first_bad(arr: np.ndarray, mask: np.ndarray, x: object) -> tuple[float, str]:
    pos = int(np.flatnonzero(mask.ravel())[0])
    return float(arr.ravel()[pos]), position_text(x, pos)


def check_level(arr: np.ndarray, x: object, *, name: str, func: str) -> None:
    infinite = np.isinf(arr)
    if infinite.any():  # an infinite level gave inf or -100% rates, silently
        found, where = first_bad(arr, infinite, x)
        raise GrowthError(
            f"{func}: {name} must be a finite level, found {found:g}{where}; check the "
            "figure (an overflow or a division by zero upstream)",
            func=func,
            argument=name,
            value=found,
        )
    mask = ~(arr > 0)
    if mask.any():
        found, where = first_bad(arr, mask, x)
        raise GrowthError(
            f"{func}: {name} must be a positive level, found {found:g}{where}; compound "
            "growth is undefined from or to a level <= 0 (compare differences instead)",
            func=func,
            argument=name,
            value=found,
        )


def check_years(arr: np.ndarray, x: object, *, func: str) -> None:
    raw = getattr(x, "value", x) if is_quantity(x) else x
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
        found, where = first_bad(arr, mask, x)
        raise GrowthError(
            f"{func}: years (compounding steps) must be > 0, found {found:g}{where}; "
            "2019 -> 2022 is years=3",
            func=func,
            argument="years",
            value=found,
        )


def check_shapes(func: str, **arrays: np.ndarray) -> None:
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


def check_result(result: np.ndarray, *, func: str, what: str, years: np.ndarray) -> None:
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


def refuse_bounded(func: str, **figures: Any) -> None:
    """Refuse a Quantity that is a range or a bound where one figure is needed.

    :func:`~idcforecast.growth.implied_years`, :func:`~idcforecast.growth.doubling_time` and
    :func:`~idcforecast.growth.project` return plain numbers, which cannot carry "more than"
    or a range: they used a range's midpoint and dropped a bound without a word
    ("超过3200.5亿元" gave 2.92 steps, not "at least 2.92").
    """
    for name, x in figures.items():
        if not is_quantity(x):
            continue
        if x.is_range:
            what = f"the range {x.low:g} to {x.high:g}{unit_text(x.unit)}"
        elif x.qualifier in ("at_least", "at_most"):
            what = f"{figure_words(x)}{unit_text(x.unit)} (a bound)"
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


def rate_quantity(rate: Any) -> Any:
    """A :class:`~idcforecast.growth_bounds.RateBounds` (what :func:`~idcforecast.growth.cagr`
    gives for qualified figures) as the rate Quantity in ``"%"`` it stands for, so that its
    qualifier carries into a level or a number of steps ("about 27.0%" made
    ``implied_base`` exact, through ``float()``; a bound was a GrowthError); any other
    rate as it is.

    Examples
    --------
    >>> from idcforecast.growth_bounds import RateBounds
    >>> str(rate_quantity(RateBounds(0.27, 0.27, "approximately", True)))
    'about 27 %'
    >>> q = rate_quantity(RateBounds(0.25, float("inf"), "at_least"))
    >>> q.qualifier, q.value
    ('at_least', 25.0)
    >>> from idcforecast.units import parse_quantity
    >>> str(rate_quantity(parse_quantity("近三成")))
    'at most 30 %'
    """
    from idcforecast.growth_bounds import RateBounds

    if is_quantity(rate) and rate.unit == "tenths":
        # "三成" (3 成) is 30%: it was "rate is a Quantity in 'tenths'; a rate must be ... in
        # '%'", though the conversion is exact (a claims file reads it so too)
        return rate.to("%")
    if not isinstance(rate, RateBounds):
        return rate
    from idcforecast.units import Quantity

    if rate.qualifier == "at_least":
        return Quantity(100 * rate.low, "%", qualifier="at_least")
    if rate.qualifier == "at_most":
        return Quantity(100 * rate.high, "%", qualifier="at_most")
    qualifier = "approximately" if rate.approximate else "exact"
    if rate.is_range:
        middle = 50 * (rate.low + rate.high)
        low, high = 100 * rate.low, 100 * rate.high
        return Quantity(middle, "%", low=low, high=high, qualifier=qualifier)
    return Quantity(100 * rate.low, "%", qualifier=qualifier)


def rate_values(rate: Number, *, func: str) -> np.ndarray:
    if is_quantity(rate):
        if rate.unit != "%":
            raise IncompatibleUnitsError(
                f"{func}: rate is a Quantity in {rate.unit!r}; a rate must be a fraction "
                "(0.278) or a Quantity in '%' (27.8%)",
                func=func,
                unit=rate.unit,
            )
        arr = float_values(rate, name="rate", func=func) / 100.0
    else:
        arr = float_values(rate, name="rate", func=func)
    mask = ~(arr > -1) | ~np.isfinite(arr)
    if mask.any():
        found, where = first_bad(arr, mask, rate)
        raise GrowthError(
            f"{func}: rate must be a finite fraction > -1 (0.278 = 27.8%, -1 = -100%), "
            f"found {found:g}{where}; a level cannot fall by 100% or more",
            func=func,
            argument="rate",
            value=found,
        )
    if not is_quantity(rate):
        # 27.8 meant as 27.8% would silently compound at 2,780% a year
        percent_like = arr >= PERCENT_LIKE_RATE
        if percent_like.any():
            found, where = first_bad(arr, percent_like, rate)
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


def series_index(*xs: object, func: str) -> pd.Index | None:
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


def wrap_result(result: np.ndarray, index: pd.Index | None, *, name: str | None = None) -> Any:
    if index is not None:
        return pd.Series(result, index=index, name=name)
    if result.ndim == 0:
        return float(result)
    return result


def level_result(
    template: Any, result: np.ndarray, factor: np.ndarray, index: pd.Index | None
) -> Any:
    """Wrap a level result; a Quantity input gives a Quantity in the same unit."""
    if template is not None and result.ndim == 0:
        scale = float(factor)
        low = None if template.low is None else template.low * scale
        high = None if template.high is None else template.high * scale
        return dataclasses.replace(
            template, value=float(result), low=low, high=high, alternate=None, year=None, text=None
        )
    return wrap_result(result, index)


def same_unit(start: Any, end: Any, *, func: str, kw_per_rack: float = 2.5) -> Any:
    """Return ``end`` in the unit of ``start`` (both Quantities or both plain numbers);
    racks and power convert at ``kw_per_rack``."""
    qs, qe = is_quantity(start), is_quantity(end)
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
        refuse_percent_levels(start, end, func=func)
    if not qs or start.unit == end.unit:
        return end
    try:
        return end.to(start.unit, kw_per_rack=kw_per_rack)
    except MissingFxRateError as err:
        # the FX error says "pass year=...", which these functions do not take
        raise IncompatibleUnitsError(
            f"{func}: start is in {start.unit!r} and end in {end.unit!r}, two currencies; "
            "converting one into the other needs the FX rate of a year you choose (a rate "
            "across currencies also carries the exchange-rate move): convert one first, "
            f"e.g. end.to({start.unit!r}, year=2022)",
            func=func,
            start_unit=start.unit,
            end_unit=end.unit,
        ) from err
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


def refuse_percent_levels(start: Any, end: Any, *, func: str) -> None:
    """Refuse a compound rate between percentages (growth rates or shares), not levels."""
    from idcforecast.units import parse_unit

    named = [
        (name, x)
        for name, x in (("start", start), ("end", end))
        if is_quantity(x) and parse_unit(x.unit).dimension in _RATE_DIMENSIONS
    ]
    if not named:
        return
    found = " and ".join(f"{name} {figure_words(x)}{unit_text(x.unit)}" for name, x in named)
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


def refuse_percent_series(unit: str | None, label: str, *, func: str) -> None:
    """Refuse a compound rate of a series in % or pp (a share or a rate), as
    :func:`refuse_percent_levels` refuses two such figures: ``cagr(frame)`` of a share in %
    returned a growth rate of the percentage (1.5% -> 3.0% in 3 years "26.0% a year")."""
    if unit is None:
        return
    from idcforecast.errors import UnitError
    from idcforecast.units import parse_unit

    try:
        dimension = parse_unit(unit).dimension
    except UnitError:  # an unknown unit is not this check's to judge
        return
    if dimension not in _RATE_DIMENSIONS:
        return
    raise GrowthError(
        f"{func}: {label} is in {unit!r}, a rate or a share, not a level; the compound growth "
        "of a share is almost certainly a mistake: its change is in percentage points "
        "(1.5% -> 3.0% is +1.5 pp; idcforecast show gives them), or take the CAGR of the "
        "levels it is a share of",
        func=func,
        unit=unit,
    )


def unit_text(unit: str) -> str:
    return "%" if unit == "%" else f" {unit}"


def figure_words(x: Any) -> str:
    from idcforecast.units import QUALIFIER_WORDS

    words = QUALIFIER_WORDS.get(getattr(x, "qualifier", "exact"), "")
    if is_quantity(x) and x.is_range:  # as written, "25-30": not its midpoint, 27.5
        joint = " to " if x.low < 0 or x.high < 0 else "-"
        return f"{words}{x.low:g}{joint}{x.high:g}"
    value = float(x.value) if is_quantity(x) else float(x)
    return f"{words}{value:g}"


def about_bound(result: Any, level: Any, rate: Any, *, years: Any) -> Any:
    """``result`` (a bound Quantity) with a text that keeps the "about" of a figure it came
    from: a Quantity has one qualifier, so "约3200亿元" at "超过27.8%" is ``at_most``
    1959.2, and its ``text`` says "about 1959.2 CNY 100m or less" and from what.
    ``result`` as it is when it is no bound or nothing was "about"."""
    if not is_quantity(result) or result.qualifier not in ("at_least", "at_most"):
        return result
    figures = [x for x in (level, rate) if is_quantity(x)]
    if not any(x.qualifier == "approximately" for x in figures):
        return result
    side = "more" if result.qualifier == "at_least" else "less"
    level_text = f"{figure_words(level)} {level.unit}"
    rate_text = rate_words(rate) if is_quantity(rate) else f"{float(rate):.6g} (a fraction)"
    text = (
        f"about {result.value:.6g} {result.unit} or {side} (from {level_text} and a rate "
        f"of {rate_text} over {float(years):g} steps: the bound is itself approximate)"
    )
    return dataclasses.replace(result, text=text)


def about_plain_level(value: float, *, level: float, rate: Any, name: str, func: str) -> Any:
    """``value`` (a level compounded from the plain number ``level`` at the "about" rate
    Quantity ``rate``) as an "about" Quantity in ``"count"``, a bare number, as
    ``parse_quantity("3200")`` reads one: a float read as exact (``implied_base(3200,
    parse_quantity("约27.8%"), 3)`` was 1533.05, the "about" gone). Its ``text`` says so.

    Examples
    --------
    >>> from idcforecast.units import Quantity
    >>> about = Quantity(27.8, "%", qualifier="approximately")
    >>> base = about_plain_level(1533.05, level=3200, rate=about, name="end", func="implied_base")
    >>> str(base), base.qualifier, base.value
    ('about 1533.05 count', 'approximately', 1533.05)
    """
    from idcforecast.units import Quantity

    text = (
        f"about {value:.6g} (in the unit of the {name}): {func} of the {name} {level:g} at a "
        f"rate of {rate_words(rate)}, so the result is approximate too"
    )
    return Quantity(value, "count", qualifier="approximately", text=text)


def about_steps(steps: Any, *, func: str, **figures: Any) -> Any:
    """``steps`` (a float) as an "about" Quantity in ``"year"`` when a figure it came from
    is "about" ("约27.8%"): a plain float read as exact (``doubling_time`` of "about 27.8%"
    was 2.8258, the "about" gone). Its ``text`` says from what. ``steps`` as it is when
    no figure is "about" or it is not one number (an array or Series has no place for it).

    Examples
    --------
    >>> from idcforecast.units import Quantity
    >>> about = Quantity(27.8, "%", qualifier="approximately")
    >>> str(about_steps(2.8257, func="doubling_time", rate=about))
    'about 2.8257 year'
    >>> about_steps(2.8257, func="doubling_time", rate=Quantity(27.8, "%"))
    2.8257
    """
    about = [
        (name, x)
        for name, x in figures.items()
        if is_quantity(x) and x.qualifier == "approximately"
    ]
    if not about or not isinstance(steps, float):
        return steps
    from idcforecast.units import Quantity

    given = " and ".join(
        f"{name} {rate_words(x) if x.unit == '%' else figure_words(x) + unit_text(x.unit)}"
        for name, x in about
    )
    text = (
        f"about {steps:.6g} compounding steps (years): {func} of {given}, so the steps are "
        "approximate too"
    )
    return Quantity(steps, "year", qualifier="approximately", text=text)


def rate_words(rate: Any) -> str:
    """A rate Quantity as words: "25% to 27.8%", "at least 27.8%"."""
    from idcforecast.units import QUALIFIER_WORDS

    words = QUALIFIER_WORDS.get(rate.qualifier, "")
    if rate.is_range:
        return f"{words}{rate.low:g}% to {rate.high:g}%"
    return f"{words}{rate.value:g}%"
