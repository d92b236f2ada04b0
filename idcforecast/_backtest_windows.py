"""Which backtest windows fit a series, and what :func:`idcforecast.backtest` says when
they do not (private): a method's minimum up to a cutoff (``_enough``, ``_shortfall``), the
gap refusals (``_refuse_gaps`` under ``gaps="error"``, ``_refuse_gap_years_only`` when every
window forecasts gap years only) and the warnings for series left out or windows that
failed, and the horizons that would score a window (``scored_horizons``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from idcforecast._wording import counted
from idcforecast.errors import DataError, IdcForecastError, NoBacktestWindowError

__all__: list[str] = []


def _refuse_gap_years_only(unscored: list[tuple[str, int, int]], horizon: int) -> None:
    """A :class:`NoBacktestWindowError` for windows that were fitted but forecast gap years
    only (a gap is never scored): it said "add years: one year ahead is the shortest
    backtest there is" of a series with years enough, where a longer horizon reaches an
    observed year. ``unscored``: (series, cutoff, years from the cutoff to the next
    observed year) of each such window. Fields: ``horizon``, ``longest_horizon`` None,
    ``reach_horizon`` (the shortest horizon that reaches an observed year) and ``detail``.

    Examples
    --------
    >>> _refuse_gap_years_only([("s", 2022, 2)], 1)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    idcforecast.errors.NoBacktestWindowError: no backtest window can be scored: the year
    after each cutoff a method can fit is missing (series 's' cutoff 2022: 2023), and a
    year not published is never scored; pass horizon=2 to reach the next observed year, or
    add the missing years
    """
    from idcforecast._series import _fmt_years

    reach = min(ahead for _, _, ahead in unscored)
    shown = "; ".join(
        f"series {sid!r} cutoff {cut}: {_fmt_years(list(range(cut + 1, cut + horizon + 1)))}"
        for sid, cut, _ in unscored[:3]
    ) + ("; ..." if len(unscored) > 3 else "")
    detail = f"({shown})"
    raise NoBacktestWindowError(
        gap_years_only_message(horizon, reach, detail),
        horizon=int(horizon),
        longest_horizon=None,
        reach_horizon=reach,
        detail=detail,
    )


def gap_years_only_message(horizon: int, reach: int, detail: str, name: str = "horizon") -> str:
    """The message of :func:`_refuse_gap_years_only`, the horizon argument called ``name``
    (``compare_methods`` calls it ``backtest_horizon``)."""
    what = "year after each cutoff" if horizon == 1 else f"{horizon} years after each cutoff"
    verb = "is" if horizon == 1 else "are"
    return (
        f"no backtest window can be scored: the {what} a method can fit {verb} missing "
        f"{detail}, and a year not published is never scored; pass {name}={reach} to reach "
        "the next observed year, or add the missing years"
    )


def _refuse_gaps(series: Any, cutoffs: list[int]) -> None:
    """Under ``gaps="error"``, a :class:`DataError` naming the missing years that some
    window of ``cutoffs`` would be fitted across, and those windows (the first window's
    refusal named its own span, "missing inside 2012-2017", as if that were the series).

    Examples
    --------
    >>> from idcforecast._series import SeriesData
    >>> years = np.array([2012, 2013, 2014, 2015, 2017, 2018, 2019, 2020])
    >>> series = SeriesData(series_id="s", years=years, values=years - 2000.0, unit="MW")
    >>> _refuse_gaps(series, [2014, 2015, 2017, 2018])  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    idcforecast.errors.DataError: backtest: series 's': year 2016 is missing inside its
    history (2012-2020), and the windows with cutoffs 2017, 2018 (2 of 4) would be fitted
    across it; fill it, or pass gaps='interpolate' (fit on interpolated values, flagged) or
    gaps='span' (fit the latest consecutive run)
    """
    from idcforecast._series import _fmt_years

    years = series.years
    if not cutoffs:
        return
    seen = set(years.tolist())
    missing = [y for y in range(int(years[0]), max(cutoffs)) if y not in seen]
    hit = [c for c in cutoffs if missing and missing[0] < c]
    if not hit:
        return
    missing = [y for y in missing if y < max(hit)]
    one = len(missing) == 1
    windows = (
        f"the window with cutoff {hit[0]}"
        if len(hit) == 1
        else f"the windows with cutoffs {', '.join(map(str, hit))}"
    )
    shown = f" ({len(hit)} of {len(cutoffs)})" if len(hit) < len(cutoffs) else ""
    raise DataError(
        f"backtest: series {series.series_id!r}: {'year' if one else 'years'} "
        f"{_fmt_years(missing)} {'is' if one else 'are'} missing inside its history "
        f"({int(years[0])}-{int(years[-1])}), and {windows}{shown} would be fitted across "
        f"{'it' if one else 'them'}; fill {'it' if one else 'them'}, or pass "
        "gaps='interpolate' (fit on interpolated values, flagged) or gaps='span' (fit the "
        "latest consecutive run)",
        series_id=series.series_id,
        missing_years=missing,
        cutoffs=hit,
    )


def _warn_left_out(left_out: list[str], horizon: int) -> None:
    """Series (and methods) with no backtest window: named, as accuracy()'s "(all)" row
    would otherwise cover fewer series than were passed, in silence."""
    import warnings

    from idcforecast.errors import BacktestWarning

    shown = "; ".join(left_out[:5]) + (
        f"; and {len(left_out) - 5} more" if len(left_out) > 5 else ""
    )
    warnings.warn(
        f"backtest: no window fits {shown}: too few years after the method's minimum for "
        f"horizon={horizon}; left out of the result (and of accuracy()'s totals)",
        BacktestWarning,
        stacklevel=3,
    )


def _warn_failed(failed: list[tuple[str, IdcForecastError]]) -> None:
    """Windows whose fit failed: left out, each named with its reason (the first few)."""
    import warnings

    from idcforecast.errors import BacktestWarning

    shown = "; ".join(f"{where} ({error})" for where, error in failed[:3]) + (
        f"; and {len(failed) - 3} more" if len(failed) > 3 else ""
    )
    warnings.warn(
        f"backtest: {counted(len(failed), 'window')} could not be fitted and "
        f"{'is' if len(failed) == 1 else 'are'} left out of the result (and of accuracy()): "
        f"{shown}",
        BacktestWarning,
        stacklevel=3,
    )


def _enough(
    years: np.ndarray, cutoff: int, alias: str, gaps: str, cap: float | None = None
) -> bool:
    """Whether the observed years up to ``cutoff`` meet the method's minimum (with
    ``cap``, the minimum of a saturation model given its cap: 4 for ``logistic``, not 5).

    Filled gap years do not count (``forecast_array`` counts observed values), and a cutoff
    whose years up to it are mostly missing is not feasible under ``gaps="interpolate"``
    (the policy refuses such a series); under ``gaps="span"`` only the latest consecutive
    run up to ``cutoff`` is fitted.
    """
    from idcforecast.auto import AUTO_MIN_OBS
    from idcforecast.models import MODEL_REGISTRY

    need = AUTO_MIN_OBS if alias == "auto" else _min_obs(MODEL_REGISTRY[alias], cap)
    train = years[years <= cutoff]
    if gaps == "span":
        breaks = np.flatnonzero(np.diff(train) > 1)
        train = train[int(breaks[-1]) + 1 :] if breaks.size else train
    elif gaps == "interpolate" and train.size:
        missing = int(train[-1] - train[0] + 1) - int(train.size)
        if missing > train.size:  # the policy refuses to invent most of a series
            return False
    return int(train.size) >= need


def _shortfall(series: Any, alias: str, gaps: str, cap: float | None) -> tuple[str, int | None]:
    """Why no backtest window fits ``series`` for method ``alias`` (its observed years
    against the method's minimum up to a cutoff), and the longest horizon that would fit
    (None when the series is too short for one year ahead).

    Examples
    --------
    >>> from idcforecast._series import SeriesData
    >>> years = np.arange(2019, 2024)
    >>> series = SeriesData(series_id="s", years=years, values=years - 2000.0, unit="MW")
    >>> _shortfall(series, "drift", "interpolate", None)  # cutoff 2021: 2019-2021 fit drift
    ("series 's' has 5 observed years, 2019-2023, and 'drift' needs 3 up to a cutoff", 2)
    >>> _shortfall(series, "damped_log", "interpolate", None)[1] is None
    True
    """
    from idcforecast.auto import AUTO_MIN_OBS
    from idcforecast.models import MODEL_REGISTRY

    years = series.years
    need = AUTO_MIN_OBS if alias == "auto" else _min_obs(MODEL_REGISTRY[alias], cap)
    last = int(years[-1])
    first_fit = next((int(c) for c in years[:-1] if _enough(years, int(c), alias, gaps, cap)), None)
    breaks = np.flatnonzero(np.diff(years) > 1)
    if gaps == "span" and breaks.size:  # what the policy fits: its latest run
        run = years[int(breaks[-1]) + 1 :]
        has = (
            f"the latest run of series {series.series_id!r}, {int(run[0])}-{last}, has "
            f"{counted(run.size, 'year')}"
        )
    else:
        has = (
            f"series {series.series_id!r} has {counted(years.size, 'observed year')}, "
            f"{int(years[0])}-{last},"
        )
    why = f"{has} and {alias!r} needs {need} up to a cutoff"
    return why, None if first_fit is None else last - first_fit


def scored_horizons(
    series: Any, alias: str, gaps: str, cap: float | None, below: int, n_windows: int | None
) -> list[int]:
    """The horizons shorter than ``below`` at which :func:`idcforecast.backtest` scores a
    window of ``series`` for ``alias``: a cutoff meets the method's minimum, and one of the
    years it forecasts was published (a gap year is never scored). "Shorten the horizon to
    2 or less" sent a user of a gappy series to a horizon whose one year ahead is a gap.

    Examples
    --------
    >>> from idcforecast._series import SeriesData
    >>> years = np.array([2016, 2017, 2019, 2022, 2024])
    >>> series = SeriesData(series_id="s", years=years, values=years - 2000.0, unit="MW")
    >>> scored_horizons(series, "auto", "interpolate", None, 3, None)  # 2023 is a gap
    [2]
    >>> scored_horizons(series, "drift", "interpolate", None, 9, None)  # cutoffs 2019, 2022
    [2, 3, 4, 5]
    """
    years = [int(y) for y in series.years]
    published = set(years)
    last = years[-1]
    out = []
    for horizon in range(1, below):
        feasible = [
            c for c in years if c <= last - horizon and _enough(series.years, c, alias, gaps, cap)
        ]
        chosen = feasible if n_windows is None else feasible[-int(n_windows) :]
        if any(c + step in published for c in chosen for step in range(1, horizon + 1)):
            out.append(horizon)
    return out


def horizon_choices(horizons: list[int]) -> str:
    """The horizons a backtest can be run at, in words: "2 or less" only when 1 and 2 both
    score windows.

    Examples
    --------
    >>> [horizon_choices(h) for h in ([1, 2, 3], [2], [2, 3], [2, 3, 4, 5], [2, 4, 5])]
    ['3 or less', '2', '2 or 3', '2, 3, 4 or 5', '2, 4 or 5']
    >>> horizon_choices([1]), horizon_choices(list(range(2, 9)))
    ('1', 'between 2 and 8')
    """
    first, last = horizons[0], horizons[-1]
    if len(horizons) == 1:
        return str(first)
    if horizons == list(range(first, last + 1)):
        if first == 1:
            return f"{last} or less"
        if len(horizons) > 5:
            return f"between {first} and {last}"
    return ", ".join(map(str, horizons[:-1])) + f" or {last}"


def _min_obs(model: Any, cap: float | None) -> int:
    """A model class's minimum number of points, given ``cap`` when it takes one."""
    from idcforecast._forecast_plan import _init_params

    if cap is None or "cap" not in _init_params(model):
        return int(model.min_obs)
    try:
        given = float(cap)
    except (TypeError, ValueError):  # forecast_array names the bad cap
        return int(model.min_obs)
    return int(model(cap=given)._requirements()[0])
