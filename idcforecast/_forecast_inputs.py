"""Checks of the forecast front door's arguments, shared by ``forecast``, ``backtest`` and
``forecast_many``: method aliases, interval levels, caps, and one series' values.

Every failure is a typed error naming the series, the value and the fix.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from idcforecast.errors import (
    DataError,
    HorizonError,
    ModelError,
    NonNumericValueError,
    UnknownMethodError,
    UnknownSeriesError,
)

__all__ = [
    "AUTO",
    "VALUE_LIMIT",
    "as_typed",
    "bound_mask",
    "check_cap_mapping",
    "check_horizon",
    "check_index_years",
    "check_inputs",
    "check_seed",
    "conversions_by_series",
    "horizon_fix",
    "observed_mask",
    "place_in_series",
    "resolve_caps",
    "resolve_levels",
    "resolve_methods",
]

AUTO = "auto"


def resolve_methods(
    method: str | Sequence[str], *, argument: str = "method", caller: str = ""
) -> tuple[str, ...]:
    """Validate ``method`` ("auto", an alias or a list of them); return the aliases, each
    once (a repeated alias would repeat its rows, as a repeated level is kept once).
    ``argument``: the parameter's name in the messages, led by ``caller`` when given
    (``compare_methods`` takes ``methods=``; its errors said ``method=[...]``, a parameter
    it does not have).

    Examples
    --------
    >>> resolve_methods(["auto", "drift", "auto"])
    ('auto', 'drift')
    """
    from idcforecast.models import MODEL_REGISTRY

    lead = f"{caller}: " if caller else ""
    many = not isinstance(method, str | bytes) and isinstance(method, Iterable)
    names: tuple[Any, ...] = tuple(method) if many else (method,)
    if not names:
        raise UnknownMethodError(
            f"{lead}{argument} is an empty list; pass 'auto', a model alias or a list of aliases",
            method=method,
        )
    valid = sorted([AUTO, *MODEL_REGISTRY])
    for name in names:
        if not isinstance(name, str):  # method=None was a bare TypeError
            raise UnknownMethodError(
                f"{lead}{argument} {name!r} is not a method name; pass 'auto', a model alias "
                "such as 'drift', or a list of aliases",
                method=repr(name),
                valid=valid,
            )
        if name != AUTO and name not in MODEL_REGISTRY:
            parts = [p.strip() for p in name.split(",")]
            if len(parts) > 1 and all(p in valid for p in parts):  # the command line's way
                raise UnknownMethodError(
                    f"{lead}{argument} {name!r} is one string naming {len(parts)} methods; pass "
                    f"them as a list: {argument}={parts!r} (a comma list is the command line's "
                    "--method way)",
                    method=name,
                    valid=valid,
                )
            # "DRIFT" is one letter case away from 'drift': matched case-insensitively
            close = difflib.get_close_matches(name.lower(), valid, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise UnknownMethodError(
                f"{lead}unknown forecasting method {name!r}; {hint}valid methods are "
                f"{', '.join(valid)}",
                method=name,
                valid=valid,
            )
    return tuple(dict.fromkeys(names))


def resolve_levels(level: Any, *, caller: str = "forecast") -> tuple[float, ...]:
    """Validate interval ``level`` (one percentage or several); return them as floats.

    Each level must be a number strictly between 0 and 100 (100 would be an infinite
    interval, 150 or NaN none at all) and at least 1 (0.8 is a fraction meant as 80%);
    repeated levels are kept once.

    Examples
    --------
    >>> resolve_levels((80, 95.0, 80))
    (80.0, 95.0)
    >>> resolve_levels(150)
    Traceback (most recent call last):
    ...
    idcforecast.errors.ModelError: forecast: interval level 150 is not a percentage strictly between 0 and 100; pass levels like (80, 95)
    """  # noqa: E501
    if isinstance(level, np.ndarray) and level.ndim == 0:
        level = level.item()
    many = not isinstance(level, str | bytes) and isinstance(level, Iterable)
    levels = tuple(level) if many else (level,)
    out: dict[float, None] = {}
    for value in levels:
        number = isinstance(value, int | float | np.integer | np.floating)
        if isinstance(value, bool) or not number or not 0 < float(value) < 100:
            raise ModelError(
                f"{caller}: interval level {as_typed(value)!r} is not a percentage strictly "
                "between 0 and 100; pass levels like (80, 95)",
                level=value,
            )
        if float(value) < 1:
            # 0.8 or 0.95 is a fraction written for a percentage: it gave a 0.8% interval
            # a hair wide around the mean (columns lo_0_8, hi_0_8), never what was meant
            raise ModelError(
                f"{caller}: interval level {as_typed(value)!r} reads as a {float(value):g}% "
                f"interval; levels are percentages: pass {100 * float(value):g}, not "
                f"{as_typed(value)!r} (as in "
                "level=(80, 95))",
                level=value,
            )
        out[float(value)] = None
    return tuple(out)


def check_seed(seed: Any, *, caller: str) -> None:
    """Raise for a ``seed`` that is not None or a whole number 0 or more, as
    :func:`idcforecast.simulate` and ``--seed`` on the command line refuse it (seed=-1,
    seed=1.5 and seed="7" were accepted without a word by forecast() and forecast_many()).

    Examples
    --------
    >>> check_seed(7, caller="forecast")
    >>> check_seed(-1, caller="forecast")
    Traceback (most recent call last):
    ...
    idcforecast.errors.ModelError: forecast: seed must be a whole number 0 or more, or None; got -1; e.g. seed=7
    """  # noqa: E501
    if seed is None:
        return
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ModelError(
            f"{caller}: seed must be a whole number 0 or more, or None; got {seed!r}; e.g. seed=7",
            seed=repr(seed),
        )


def resolve_caps(
    cap: float | Mapping[Any, float] | None,
    series_ids: Any,
    *,
    caller: str = "forecast",
    units: Sequence[str] | None = None,
    given: Any = None,
) -> float | dict[str, float] | None:
    """``cap`` as given, or a ``{series_id: cap}`` mapping keyed by the ids as text.

    Series ids become text in every output, so ``{1: 80.0}`` caps series ``"1"``; a key
    that names no series is an error (a misspelt id would silently leave a series uncapped);
    a series the mapping leaves out is not capped.
    A pandas Series of caps indexed by series id (``df.groupby("series_id")["value"].max()
    * 2``) is such a mapping (it was refused as "cap a 500 / b 50 / dtype: int64 is not a
    number", its repr over several lines).

    ``units``: the series' units, in the order of ``series_ids``. One number cannot be the
    saturation level of series in different units (100 is a share's ceiling and 100 TWh a
    level the other series may be far past): a scalar ``cap`` is then a :class:`ModelError`
    that names the units and asks for a mapping.

    ``given``: the data's ids as the caller wrote them (ints stay ints), for the message
    naming an unknown key; ``series_ids`` when None.

    Examples
    --------
    >>> resolve_caps({1: 80.0}, ["1", "2"])
    {'1': 80.0}
    >>> import pandas as pd
    >>> resolve_caps(pd.Series({"2": 90.0}), ["1", "2"])
    {'2': 90.0}
    """
    import pandas as pd

    if isinstance(cap, pd.Series):
        cap = cap.to_dict()
    if not isinstance(cap, Mapping):
        if cap is not None and units is not None:
            _check_one_unit(cap, list(series_ids), list(units), caller)
        return cap
    check_cap_mapping(cap, caller=caller)
    caps = {str(key): value for key, value in cap.items()}
    known = {str(sid) for sid in series_ids}
    # named as written: the int key 3 and the int ids 1, 2 were shown as '3', '1', '2'
    unknown = [as_typed(key) for key in cap if str(key) not in known]
    if unknown:
        ids = {str(sid): as_typed(sid) for sid in (series_ids if given is None else given)}
        some = list(ids.values())[:5]  # in the order of the data
        raise UnknownSeriesError(
            f"{caller}: cap is given for series {', '.join(map(repr, unknown))}, which "
            f"{'is' if len(unknown) == 1 else 'are'} not in the data; expected series ids "
            f"such as {', '.join(map(repr, some))}; fix the key or drop it",
            series_id=str(unknown[0]),
        )
    return caps


def check_cap_mapping(caps: Mapping[Any, Any], *, caller: str) -> None:
    """Raise for NaN caps in a ``{series_id: cap}`` mapping: caps read from a table with a
    blank for each uncapped series (``dict(zip(t.series_id, t.cap))``) failed each of those
    series with "cap nan is not above the last observation 60.0" (NaN compares false),
    which names no fix.

    Examples
    --------
    >>> check_cap_mapping({"a": 100.0, "b": float("nan")}, caller="forecast")
    Traceback (most recent call last):
    ...
    idcforecast.errors.ModelError: forecast: cap is NaN (blank) for series 'b'; expected a number for each series in the mapping; leave the uncapped series out of it ({sid: c for sid, c in caps.items() if c == c}) or give their caps
    """  # noqa: E501
    import math

    blank = []
    infinite = []  # was: each such series failed, told "for no cap pass cap=None"
    for key, value in caps.items():
        try:
            if not isinstance(value, bool | str) and math.isnan(float(value)):
                blank.append(key)
            elif not isinstance(value, bool | str) and math.isinf(float(value)):
                infinite.append(key)
        except (TypeError, ValueError):
            continue  # not a number (None is no cap): the series' own check names it
    if infinite and not blank:
        some = ", ".join(repr(str(key)) for key in infinite[:5])
        more = f" and {len(infinite) - 5} more" if len(infinite) > 5 else ""
        raise ModelError(
            f"{caller}: cap is infinite for series {some}{more}, which is no saturation "
            "level; leave the uncapped series out of the mapping or give their caps",
            series_id=str(infinite[0]),
        )
    if blank:
        some = ", ".join(repr(str(key)) for key in blank[:5])
        more = f" and {len(blank) - 5} more" if len(blank) > 5 else ""
        raise ModelError(
            f"{caller}: cap is NaN (blank) for series {some}{more}; expected a number "
            "for each series in the mapping; leave the uncapped series out of it "
            "({sid: c for sid, c in caps.items() if c == c}) or give their caps",
            series_id=str(blank[0]),
        )


def _check_one_unit(cap: Any, series_ids: list[Any], units: list[str], caller: str) -> None:
    """A scalar ``cap`` for series in different units is refused (it capped every series
    at the same number whatever its unit: a share's 100 applied to TWh as well).

    Examples
    --------
    >>> _check_one_unit(100, ["a", "b"], ["%", "%"], "forecast")  # one unit: fine
    >>> _check_one_unit(100, ["share", "twh"], ["%", "TWh"], "forecast")
    Traceback (most recent call last):
    ...
    idcforecast.errors.ModelError: forecast: cap=100 is one number for series in different units ('share' in '%', 'twh' in 'TWh'); pass one cap per series as a mapping, e.g. cap={'share': 100} (a series left out of it is not capped)
    """  # noqa: E501
    first: dict[str, str] = {}
    for sid, unit in zip(series_ids, units, strict=True):
        first.setdefault(str(unit), str(sid))
    if len(first) < 2:
        return
    shown = ", ".join(
        f"{sid!r} in {unit!r}" if unit else f"{sid!r} with no unit" for unit, sid in first.items()
    )
    example = next(iter(first.values()))
    # as typed: 100, not np.float64(100.0) (a cap computed with numpy)
    shown_cap = cap.item() if isinstance(cap, np.generic) else cap
    raise ModelError(
        f"{caller}: cap={shown_cap!r} is one number for series in different units ({shown}); "
        f"pass one cap per series as a mapping, e.g. cap={{{example!r}: {shown_cap!r}}} (a "
        "series left out of it is not capped)",
        cap=repr(cap),
        units=list(first),
    )


# Largest value size forecast: every model was checked to fit series up to it (a square of
# 1e154 already overflows a float); no market figure in any unit comes near.
VALUE_LIMIT = 1e150


def place_in_series(first_year: int | None, index: int) -> str:
    """``"year 2021"`` for value ``index`` of a series starting in ``first_year``, or
    ``"observation 3"`` when the years are not known (a bare array)."""
    return f"year {first_year + index}" if first_year is not None else f"observation {index}"


MAX_HORIZON = 100  # years ahead; a larger horizon is a calendar year given by mistake


def horizon_as_year_message(horizon: int, last_year: int | None = None) -> str | None:
    """Why ``horizon`` (a valid count) is refused: it is above :data:`MAX_HORIZON`, most
    likely the target year (2030) given instead of the years ahead; None when it is not.

    Examples
    --------
    >>> horizon_as_year_message(6) is None
    True
    >>> horizon_as_year_message(2030, 2023)  # doctest: +NORMALIZE_WHITESPACE
    'horizon 2030 is more than 100 years ahead: a year given as the horizon? the horizon
    counts years after the last observation (2023): to forecast to 2030 pass 7'
    """
    if horizon <= MAX_HORIZON:
        return None
    if last_year is not None and last_year < horizon <= last_year + 1000:
        fix = f"to forecast to {horizon} pass {horizon - last_year}"
    else:
        fix = "pass e.g. 5 for five years ahead"
    where = f" ({last_year})" if last_year is not None else ""
    return (
        f"horizon {horizon} is more than {MAX_HORIZON} years ahead: a year given as the "
        f"horizon? the horizon counts years after the last observation{where}: {fix}"
    )


def as_typed(value: Any) -> Any:
    """``value`` for a message as the user would have typed it: a numpy scalar as its
    Python number (messages showed "got np.int64(0)" for a horizon computed from a year
    column).

    Examples
    --------
    >>> as_typed(np.int64(0)), as_typed(np.float64(0.8)), as_typed("x")
    (0, 0.8, 'x')
    """
    return value.item() if isinstance(value, np.generic) else value


def horizon_fix(horizon: Any, example: str = "horizon=5") -> str:
    """The fix for a refused horizon: ``int(h)`` for a whole float (7.0, from year
    arithmetic on a float year column, read as "not a whole number" otherwise), else an
    example.

    Examples
    --------
    >>> horizon_fix(7.0), horizon_fix(2.5)
    ('7.0 is a float: pass the integer 7', 'pass e.g. horizon=5')
    """
    whole_float = (
        isinstance(horizon, float | np.floating)
        and float(horizon).is_integer()
        and float(horizon) >= 1
    )
    if whole_float:
        return f"{float(horizon)!r} is a float: pass the integer {int(horizon)}"
    return f"pass e.g. {example}"


def check_horizon(horizon: Any, caller: str | None = None) -> int:
    """``horizon`` as an int, or a :class:`HorizonError` led by ``caller`` (not by a
    series: a horizon that is no whole number is wrong whatever the series).

    Examples
    --------
    >>> check_horizon(3)
    3
    >>> check_horizon(2.5, "forecast")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    idcforecast.errors.HorizonError: forecast: horizon must be a positive whole number of
    years after the last observation; got 2.5; pass e.g. horizon=5
    """
    if isinstance(horizon, bool) or not isinstance(horizon, int | np.integer) or horizon < 1:
        lead = f"{caller}: " if caller else ""
        raise HorizonError(
            f"{lead}horizon must be a positive whole number of years after the last "
            f"observation; got {as_typed(horizon)!r}; {horizon_fix(horizon)}",
            horizon=horizon,
        )
    return int(horizon)


def check_inputs(
    y: np.ndarray, horizon: Any, series_id: str, first_year: int | None
) -> tuple[np.ndarray, int]:
    """``y`` as a 1-D float array and ``horizon`` as an int, or a typed error: a horizon
    below 1 (named without the series, whose it is not), a horizon that reads as a year
    past this series' last one, a value that is not finite or beyond :data:`VALUE_LIMIT`
    (each naming the series)."""
    check_horizon(horizon)
    last = None if first_year is None else int(first_year) + int(np.size(y)) - 1
    too_far = horizon_as_year_message(int(horizon), last)
    if too_far is not None:
        raise HorizonError(f"series {series_id!r}: {too_far}", series_id=series_id, horizon=horizon)
    check_index_years(y, f"series {series_id!r}", series_id=series_id)
    values = np.asarray(y, dtype=np.float64)
    if values.ndim != 1:
        raise ModelError(
            f"series {series_id!r}: expected a 1-D array of yearly values; got shape "
            f"{values.shape}",
            series_id=series_id,
        )
    if not np.isfinite(values).all():
        i = int(np.flatnonzero(~np.isfinite(values))[0])
        where = place_in_series(first_year, i)
        raise NonNumericValueError(
            f"series {series_id!r} {where}: value {float(values[i])!r} is not finite; drop "
            "that year (the gap policy of forecast() handles missing years)",
            series_id=series_id,
            index=i,
        )
    if (np.abs(values) > VALUE_LIMIT).any():
        i = int(np.flatnonzero(np.abs(values) > VALUE_LIMIT)[0])
        where = place_in_series(first_year, i)
        raise DataError(
            f"series {series_id!r} {where}: value {values[i]:.6g} is beyond "
            f"{VALUE_LIMIT:g} in size, where the models' sums of squares overflow; express "
            "the series in a larger unit (a unit mix-up?)",
            series_id=series_id,
            index=i,
            value=float(values[i]),
        )
    return values, int(horizon)


def check_index_years(y: Any, where: str, **fields: Any) -> None:
    """A year-indexed pandas Series given to the array core (``forecast_array``,
    ``forecast_paths``) must hold consecutive years, oldest first: its values are read in
    their order, one a year. A Series with a year missing (2019) or in reverse order was
    forecast as if its values were consecutive years, in silence. ``where`` starts the
    message ("series 's'", "model 'drift'"); the model layer's ``fit`` checks the same."""
    import pandas as pd

    if not isinstance(y, pd.Series) or y.size < 2:
        return
    index = y.index
    if isinstance(index, pd.PeriodIndex | pd.DatetimeIndex):
        years = np.asarray(index.year, dtype=np.int64)
    elif pd.api.types.is_integer_dtype(index.dtype):
        years = np.asarray(index, dtype=np.int64)
    else:
        return
    steps = np.diff(years)
    if (steps == 1).all():
        return
    if (steps <= 0).any():
        found = "is not in increasing year order"
        fix = "sort it (y.sort_index())"
    else:
        missing = sorted(set(range(int(years[0]), int(years[-1]) + 1)) - set(years.tolist()))
        shown = ", ".join(map(str, missing[:5])) + (", ..." if len(missing) > 5 else "")
        found = f"skips {'year' if len(missing) == 1 else 'years'} {shown}"
        fix = (
            "fill the missing years or pass only the latest consecutive run; forecast() "
            "handles gaps (gaps='interpolate' or 'span')"
        )
    raise DataError(
        f"{where}: expected consecutive yearly values, oldest first (their "
        f"order is read as one a year); the Series' index {found}; {fix}",
        **fields,
    )


def observed_mask(observed: Any, n: int, series_id: str) -> np.ndarray | None:
    """``observed`` as a boolean mask of ``n`` values; None when every value was observed."""
    if observed is None:
        return None
    seen = np.asarray(observed)
    if seen.dtype != np.bool_ or seen.shape != (n,):
        raise ModelError(
            f"series {series_id!r}: observed must be a boolean mask with one flag per value "
            f"({n}); got dtype {seen.dtype} and shape {seen.shape}",
            series_id=series_id,
        )
    if not seen[-1]:
        raise ModelError(
            f"series {series_id!r}: the last value must be observed (a forecast starts from "
            "data); got observed[-1] False",
            series_id=series_id,
        )
    return None if seen.all() else seen.copy()


def bound_mask(bound: Any, n: int, series_id: str) -> np.ndarray | None:
    """``bound`` (True where a value was published as a bound, "more than 300") as a
    boolean mask of ``n`` values; None when no value was."""
    if bound is None:
        return None
    stated = np.asarray(bound)
    if stated.dtype != np.bool_ or stated.shape != (n,):
        raise ModelError(
            f"series {series_id!r}: bound must be a boolean mask with one flag per value "
            f"({n}), True where the value was published as a bound; got dtype "
            f"{stated.dtype} and shape {stated.shape}",
            series_id=series_id,
        )
    return stated.copy() if stated.any() else None


def conversions_by_series(data: Any) -> dict[str, tuple[str, ...]]:
    """Series id (as text) -> the unit conversions a reader noted on its rows in a ``note``
    column, each with its years ("converted from 'GW' (x1000): 2020, 2021":
    :func:`idcforecast._history_notes.conversion_labels`), for the forecast's note, as
    :func:`idcforecast.batch.forecast_many` names them; {} without such notes.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"series_id": ["a", "a", "b"], "year": [2020, 2021, 2020],
    ...                       "note": ["", "converted from 'GW' (x1000)", ""]})
    >>> conversions_by_series(frame)
    {'a': ("converted from 'GW' (x1000): 2021",)}
    """
    import pandas as pd

    from idcforecast._history_notes import conversion_labels
    from idcforecast._series import year_numbers

    if not isinstance(data, pd.DataFrame) or not {"note", "year"} <= set(data.columns):
        return {}
    codes, distinct = pd.factorize(data["note"], sort=False)
    hit = np.array([*(isinstance(n, str) and "converted from " in n for n in distinct), False])
    rows = np.flatnonzero(hit[codes])
    if rows.size == 0:
        return {}
    every = data["series_id"] if "series_id" in data.columns else pd.Series("series", data.index)
    n_rows = every.value_counts(sort=False)
    part = data.iloc[rows]
    ids = every.iloc[rows]
    years = year_numbers(part["year"])
    found: dict[str, tuple[str, ...]] = {}
    notes = part["note"].to_numpy()
    for sid, at in ids.reset_index(drop=True).groupby(ids.to_numpy(), sort=False).indices.items():
        usable = years.iloc[at].notna().to_numpy()  # (positions: index labels may repeat)
        labels = conversion_labels(
            years.iloc[at][usable].tolist(), notes[at][usable].tolist(), n_rows=int(n_rows[sid])
        )
        if labels:
            found[str(sid)] = labels
    return found
