"""Rolling-origin backtests and accuracy metrics (M3/M4 definitions).

Metric functions take numpy arrays; ``backtest`` and ``accuracy`` work on tidy frames.
Definitions (as in the M3 and M4 evaluation code: Makridakis and Hibon 2000, "The
M3-Competition: results, conclusions and implications", and the M4 Competitor's Guide):

- sMAPE = mean of ``200 |y - f| / (|y| + |f|)`` (percent, 0-200; a term with
  ``y = f = 0`` counts 0).
- MASE = mean ``|y - f|`` / mean ``|first difference|`` of the history up to the cutoff.
- OWA = ½ (sMAPE / sMAPE_naive + MASE / MASE_naive), from averages over the group.
- coverage = share of actuals inside ``[lo, hi]``.
- An actual published as a bound ("more than 300": ``actual_bound`` at_least / at_most)
  is not a number to score against: ``accuracy`` leaves it out and counts it (``n_bound``).
- Winkler score at level L (alpha = 1 - L/100): ``(hi - lo) + 2/alpha (lo - y)`` if
  ``y < lo``, ``+ 2/alpha (y - hi)`` if ``y > hi``; ``accuracy`` reports it divided by the
  MASE scale (the MSIS of Makridakis et al.) so series of different sizes can be averaged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._backtest_windows import (
    _enough,
    _refuse_gap_years_only,
    _refuse_gaps,
    _shortfall,
    _warn_failed,
    _warn_left_out,
    horizon_choices,
    scored_horizons,
)
from idcforecast._metrics import coverage, mase, smape, winkler_score
from idcforecast._wording import counted
from idcforecast.errors import (
    DataError,
    EmptyDataError,
    HorizonError,
    IdcForecastError,
    NoBacktestWindowError,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["accuracy", "backtest", "coverage", "mase", "smape", "winkler_score"]


def backtest(
    data: Any,
    horizon: int,
    *,
    method: str | Sequence[str] = "auto",
    n_windows: int | None = None,
    level: float | Sequence[float] = (80, 95),
    gaps: str = "interpolate",
    cap: float | Mapping[str, float] | None = None,
    seed: int | None = None,
) -> pd.DataFrame:
    """Rolling-origin evaluation: re-forecast from earlier cutoffs and compare.

    The cutoffs of a series are its years ``c`` with a full ``horizon`` of observed years
    after them (``c <= last_year - horizon``) and enough points up to ``c`` for the method;
    ``n_windows`` keeps the latest ones (all when None). Each window is fitted only on years
    ``<= c`` (the gap policy applied to them); rows whose year is not observed (a gap) are
    dropped, never compared with interpolated values.

    ``cap`` is :func:`idcforecast.forecast`'s (one number, or ``{series_id: cap}``): each
    window is forecast with it, so a saturation model with a given cap (``logistic``,
    ``gompertz``) is backtested as it forecasts, from its own minimum with a cap.

    Parameters
    ----------
    data
        What :func:`idcforecast.forecast` takes: a tidy frame (``series_id, year, value``
        [+ ``unit``]) or a year-indexed Series.
    horizon
        Years forecast from each cutoff, a whole number of at least 1; only cutoffs with
        that many years after them are used.
    method
        "auto" (default), a model alias, or a list of them (one block of rows each).
    n_windows
        Keep only the latest ``n_windows`` cutoffs of each series and method (a positive
        whole number); None (default) uses every cutoff.
    level
        Interval level(s) in percent (default 80 and 95): columns ``lo_<level>``,
        ``hi_<level>``.
    gaps
        Gap policy for missing interior years, as for :func:`idcforecast.forecast`:
        "interpolate" (default), "span" or "error".
    cap
        Saturation cap, as for :func:`idcforecast.forecast` (above).
    seed
        :func:`idcforecast.forecast`'s, checked the same way (None or a whole number 0 or
        more) and passed to every window's forecast: the current methods are
        deterministic, so the result does not depend on it, and a call written for
        ``forecast()`` with ``seed=`` runs unchanged here.

    Returns
    -------
    pandas.DataFrame
        The :func:`idcforecast.forecast` columns plus ``cutoff``, ``actual``, ``naive`` (the
        last value up to the cutoff, for OWA), ``mase_scale`` (mean absolute first
        difference up to the cutoff) and ``actual_bound``: "" for an actual published as a
        number, ``"at_least"`` / ``"at_most"`` for one published as a bound ("more than
        300", a ``qualifier`` column as :func:`idcforecast.read_series` writes it), which
        :func:`accuracy` does not score as if exact; ``series_id`` holds the ids as given,
        in their dtype.

    Raises
    ------
    HorizonError
        ``horizon`` is not a positive whole number of years (a DataError and a ModelError
        both, as in :func:`idcforecast.forecast`).
    DataError
        ``n_windows`` is not a positive whole number, or ``gaps`` is not a policy.
    NoBacktestWindowError
        No series has a cutoff with ``horizon`` observed years after the method's minimum
        number of points (a DataError; the message says what to shorten, the fields
        ``horizon`` and ``longest_horizon`` say it too).
    UnknownMethodError
        A method alias is not known (the error lists the valid ones).
    ModelError
        A level is not a percentage strictly between 0 and 100, or ``cap`` is refused as
        :func:`idcforecast.forecast` refuses it (one number for series in different units,
        a blank or infinite cap).
    UnknownSeriesError
        A ``cap`` mapping names a series that ``data`` does not hold.
    IdcForecastError
        The fit failed at every cutoff: the first failure, its cutoff named. Failures at
        some cutoffs only leave those windows out, with a
        :class:`~idcforecast.errors.BacktestWarning` naming them; so do series (and
        methods) with no cutoff at all.

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.Series([10.0, 12, 13, 15, 18, 20, 23, 25], index=range(2016, 2024), name="s")
    >>> bt = backtest(y, 2, method="drift", n_windows=2)
    >>> bt[["cutoff", "year"]].values.tolist()
    [[2020, 2021], [2020, 2022], [2021, 2022], [2021, 2023]]
    >>> bt["actual"].tolist()
    [20.0, 23.0, 23.0, 25.0]
    """
    import pandas as pd

    from idcforecast._forecast_inputs import (
        as_typed,
        check_seed,
        conversions_by_series,
        horizon_as_year_message,
        horizon_fix,
        resolve_caps,
        resolve_levels,
        resolve_methods,
    )
    from idcforecast._forecast_plan import checked_cap
    from idcforecast._history_notes import bound_years, history_note
    from idcforecast._series import check_gap_policy, prepare_values, split_series
    from idcforecast._series_ids import given_ids, with_given_ids
    from idcforecast.forecasting import _forecast_row, forecast_array

    methods = resolve_methods(method, caller="backtest")
    if isinstance(horizon, bool) or not isinstance(horizon, int | np.integer) or horizon < 1:
        raise HorizonError(
            f"backtest horizon must be a positive whole number of years; got "
            f"{as_typed(horizon)!r}; {horizon_fix(horizon, 'horizon=3')}",
            horizon=horizon,
        )
    if (too_far := horizon_as_year_message(int(horizon))) is not None:
        raise HorizonError(f"backtest: {too_far}", horizon=horizon)
    # a numpy integer is an integer (np.int64(2) was refused as "not a positive integer"),
    # True is not (it was taken as 1)
    whole = isinstance(n_windows, int | np.integer) and not isinstance(n_windows, bool)
    if n_windows is not None and (not whole or n_windows < 1):
        # a whole float (2.0, from arithmetic) was refused without the fix
        fix = horizon_fix(n_windows, "n_windows=3")
        raise DataError(
            "backtest: n_windows must be a positive integer or None (all cutoffs); got "
            f"{as_typed(n_windows)!r}; {fix.replace('pass e.g.', 'e.g.')}",
            n_windows=n_windows,
        )
    levels = resolve_levels(level, caller="backtest")
    check_seed(seed, caller="backtest")
    check_gap_policy(gaps, "backtest")
    rows: list[dict[str, Any]] = []
    left_out: list[str] = []
    short: list[tuple[str, int | None]] = []  # why each left out, the horizon that would fit
    unfit: list[tuple[Any, str, float | None]] = []  # (series, method, cap) of each left out
    failed: list[tuple[str, IdcForecastError]] = []
    spans: list[str] = []
    # windows fitted whose years ahead are all gaps: (series, cutoff, years to the next)
    unscored: list[tuple[str, int, int]] = []
    all_series = split_series(data)
    conversions = conversions_by_series(data)  # named in the note, as forecast() names them
    caps = resolve_caps(
        cap,
        [series.series_id for series in all_series],
        caller="backtest",
        units=[series.unit for series in all_series],
        given=given_ids(data),
    )
    for series in all_series:
        series_cap = caps.get(series.series_id) if isinstance(caps, Mapping) else caps
        # as forecast() checks it: a cap the series has since passed (800 for a series
        # at 1,010) was applied to every window and scored, though no forecast can use it
        series_cap = checked_cap(
            series_cap, float(series.values[-1]), series.series_id, int(series.years[-1]), 1
        )
        observed = dict(zip(series.years.tolist(), series.values.tolist(), strict=True))
        bound_of = bound_years(series.bounds)  # actuals published as "more than" / "at most"
        last = int(series.years[-1])
        cutoffs = [int(c) for c in series.years if c <= last - horizon]
        breaks = np.flatnonzero(np.diff(series.years) > 1)
        if gaps == "span" and breaks.size:  # what the policy leaves, said if nothing fits
            start = int(series.years[int(breaks[-1]) + 1])
            spans.append(f"{series.series_id!r} {start}-{last}")
        for alias in methods:
            feasible = [c for c in cutoffs if _enough(series.years, c, alias, gaps, series_cap)]
            if not feasible:
                left_out.append(
                    f"{series.series_id!r} ({counted(series.years.size, 'year')}) for {alias!r}"
                )
                short.append(_shortfall(series, alias, gaps, series_cap))
                unfit.append((series, alias, series_cap))
            chosen = feasible if n_windows is None else feasible[-int(n_windows) :]
            if gaps == "error":
                _refuse_gaps(series, chosen)
            for cut in chosen:
                keep = series.years <= cut
                prepared = prepare_values(
                    series.years[keep], series.values[keep], gaps=gaps, series_id=series.series_id
                )
                try:
                    fc = forecast_array(
                        prepared.values,
                        horizon=horizon,
                        method=alias,
                        levels=levels,
                        cap=series_cap,
                        seed=seed,
                        series_id=series.series_id,
                        first_year=prepared.first_year,
                        observed=prepared.observed,
                        # the window's bounds: fitted, not scored by its calibration
                        bound=prepared.bound_mask(bound_of),
                    )
                except IdcForecastError as err:
                    # a fit that fails at one cutoff (a saturation curve on a stretch that
                    # does not rise) cost the whole backtest, without naming the cutoff
                    failed.append((f"{series.series_id!r} {alias!r} cutoff {cut}", err))
                    continue
                scale = float(np.mean(np.abs(np.diff(prepared.values))))
                # as forecast()'s note: estimates read as data are scored as actuals too
                kept = history_note(
                    series.estimates,
                    series.fx_years,
                    series.unpublished,
                    # only the bounds this window was fitted on (a bound after the cutoff
                    # is an actual, scored as a bound: actual_bound)
                    [b for b, year in zip(series.bounds, bound_of, strict=True) if year <= cut],
                    conversions.get(series.series_id, ()),
                )
                note = "; ".join(n for n in (kept, prepared.note, fc.note) if n)
                if not any(cut + step + 1 in observed for step in range(horizon)):
                    # every year it forecasts is a gap: the window scores nothing
                    later = series.years[series.years > cut]
                    unscored.append((series.series_id, cut, int(later[0]) - cut))
                for step in range(horizon):
                    year = cut + step + 1
                    if year not in observed:
                        continue
                    row = _forecast_row(
                        fc, step, year=year, unit=series.unit, note=note, cutoff=cut
                    )
                    row.update(
                        actual=observed[year],
                        naive=float(prepared.values[-1]),
                        mase_scale=scale,
                        actual_bound=bound_of.get(year, ""),
                    )
                    rows.append(row)
    if not rows and failed:  # every window failed: its error, named, is the answer
        where, first = failed[0]
        fields = {key: getattr(first, key) for key in first.fields}
        raise type(first)(f"backtest {where}: {first}", **fields) from first
    if not rows and unscored:
        _refuse_gap_years_only(unscored, horizon)
    if not rows:
        # the longest horizon some series and method could be backtested at, and why the
        # first could not (was: "shorten the horizon", to what unsaid, and said where no
        # horizon fits at all)
        fits = max((longest for _, longest in short if longest is not None), default=None)
        # the horizons that score a window, not all up to the longest: a gappy series'
        # shorter horizon may forecast gap years only ("2 or less" where 1 scores nothing)
        could = sorted(
            {
                h
                for one, alias, one_cap in unfit
                for h in scored_horizons(one, alias, gaps, one_cap, int(horizon), n_windows)
            }
        )
        if horizon == 1:
            fix = "add years: one year ahead is the shortest backtest there is"
        elif could:
            fix = f"shorten the horizon to {horizon_choices(could)}"
        else:
            fix = "add years: no horizon fits, not even one year ahead"
        details = [short[0][0]] if short else []
        if spans:
            # was the bare advice above: gaps="span" had left 3 of 8 observed years, unsaid
            shown = ", ".join(spans[:3]) + (", ..." if len(spans) > 3 else "")
            details.append(
                f"gaps='span' fits only the latest run of consecutive years: {shown}; "
                "gaps='interpolate' uses the years before a gap too"
            )
        detail = " ".join(f"({d})" for d in details)
        raise NoBacktestWindowError(
            f"no backtest window fits: every series needs at least horizon="
            f"{counted(horizon, 'year')} after the method's minimum number of points; {fix}"
            + (f" {detail}" if detail else ""),
            horizon=int(horizon),
            longest_horizon=fits,
            horizons=tuple(could),
            detail=detail,
        )
    if left_out:
        _warn_left_out(left_out, horizon)
    if failed:
        _warn_failed(failed)
    frame = pd.DataFrame(rows).astype({"year": "int64", "cutoff": "int64"})
    return with_given_ids(frame, given_ids(data))  # 1, not '1', as forecast() gives it


def _ratio(num: float, den: float) -> float:
    return num / den if den > 0 else float("nan")


BOUND_QUALIFIERS = ("at_least", "at_most")


def _is_bound(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose actual was published as a bound (``actual_bound`` "at_least" or
    "at_most"; a frame without the column has none)."""
    if "actual_bound" not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    return frame["actual_bound"].isin(BOUND_QUALIFIERS).to_numpy()


def _group_metrics(g: pd.DataFrame, levels: list[str]) -> dict[str, float]:
    bound = _is_bound(g)
    n_bound = int(bound.sum())
    # a "more than 300" actual is not 300: no error or coverage can be scored against it
    g = g[~bound]
    if len(g) == 0:
        empty = {"smape": float("nan"), "mase": float("nan"), "owa": float("nan")}
        for label in levels:
            empty[f"coverage_{label}"] = empty[f"winkler_{label}"] = float("nan")
        return empty | {"n": 0.0, "n_bound": float(n_bound)}
    y = g["actual"].to_numpy(dtype=np.float64)
    f = g["mean"].to_numpy(dtype=np.float64)
    nv = g["naive"].to_numpy(dtype=np.float64)
    scale = g["mase_scale"].to_numpy(dtype=np.float64)
    # A constant history up to a cutoff has no MASE scale: such rows leave MASE and the
    # scaled Winkler score (NaN when no row is left), never divide by zero.
    k = scale > 0
    out = {"smape": smape(y, f), "mase": float("nan")}
    m_naive = float("nan")
    if k.any():
        out["mase"] = float(np.mean(np.abs(y[k] - f[k]) / scale[k]))
        m_naive = float(np.mean(np.abs(y[k] - nv[k]) / scale[k]))
    # OWA is NaN when naive was exact (nothing to be relatively better than)
    out["owa"] = 0.5 * (_ratio(out["smape"], smape(y, nv)) + _ratio(out["mase"], m_naive))
    for label in levels:
        lo = g[f"lo_{label}"].to_numpy(dtype=np.float64)
        hi = g[f"hi_{label}"].to_numpy(dtype=np.float64)
        out[f"coverage_{label}"] = coverage(y, lo, hi)
        level = float(label.replace("_", "."))
        # The score is linear in (y, lo, hi): scoring scaled values scales each term.
        out[f"winkler_{label}"] = (
            winkler_score(y[k] / scale[k], lo[k] / scale[k], hi[k] / scale[k], level=level)
            if k.any()
            else float("nan")
        )
    out["n"] = float(len(g))
    out["n_bound"] = float(n_bound)
    return out


def accuracy(backtest_frame: pd.DataFrame) -> pd.DataFrame:
    """Accuracy per (series_id, model) and overall (the rows with ``overall`` True).

    Parameters
    ----------
    backtest_frame
        The frame :func:`backtest` returns (at least ``series_id, model, mean, actual,
        naive, mase_scale``; each ``lo_<L>``/``hi_<L>`` pair is scored as the
        ``coverage_<L>`` and ``winkler_<L>`` columns).

    Returns
    -------
    pandas.DataFrame
        One row per (series_id, model), then one overall row per model, as below.

    Raises
    ------
    DataError
        ``backtest_frame`` is not a DataFrame, lacks a needed column or value, has an
        interval bound without its pair, or repeats a (series, model, cutoff, year) row.
    EmptyDataError
        ``backtest_frame`` has no rows.
    NonNumericValueError
        An ``actual``, ``mean``, ``naive`` or ``mase_scale`` cell is not a finite number
        (or a ``mase_scale`` is negative); the row is named.

    Columns: ``series_id, model, smape, mase, owa, coverage_<L>, winkler_<L>, n, n_bound,
    overall`` (``winkler`` scaled by the MASE scale; see the module docstring). Means are
    over every row (series x window x step) of the group whose actual was published as a
    number: ``n`` counts them. A row whose actual was published as a bound (``actual_bound``
    "at_least" or "at_most": "more than 300" says only that the value passed 300, so no
    error or coverage can be measured against it) is left out of every score and counted in
    ``n_bound``; a group of bound actuals only has NaN scores and ``n`` 0. Rows whose
    history up to the cutoff is constant (MASE scale 0) are left out of ``mase`` and
    ``winkler``; those are NaN when no row is left, and ``owa`` is NaN when the naive
    forecast was exact. Models scored on different forecasts (a backtest of several methods,
    whose minimums differ) do not compare: a :class:`~idcforecast.errors.BacktestWarning`
    says so and how to keep the common rows (:func:`idcforecast.compare_methods` scores on
    common cutoffs). A repeated row (a frame concatenated with itself) is a
    :class:`~idcforecast.errors.DataError` rather than counted twice: one (series, model,
    cutoff, year) twice, or, in a frame without a ``cutoff`` column, two rows alike in the
    year and every scored cell.

    The overall row of a model is the one with ``overall`` True. Its ``series_id`` is
    ``"(all)"`` when the series ids are text; when they are numbers (int ids) it is missing
    (``<NA>``), so the column keeps the ids' numeric dtype (nullable ``Int64``) rather than
    mixing them with text. ``acc[acc["overall"]]`` selects the totals for either kind.

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.Series([10.0, 12, 13, 15, 18, 20, 23, 25], index=range(2016, 2024), name="s")
    >>> acc = accuracy(backtest(y, 2, method="naive", n_windows=2))
    >>> acc[["series_id", "model", "owa"]].values.tolist()
    [['s', 'naive', 1.0], ['(all)', 'naive', 1.0]]
    >>> acc["overall"].tolist()
    [False, True]
    """
    import pandas as pd

    from idcforecast._accuracy_checks import check_accuracy_frame

    if not isinstance(backtest_frame, pd.DataFrame):  # was an AttributeError on .columns
        raise DataError(
            f"accuracy() needs a backtest() frame; got {type(backtest_frame).__name__}; "
            "pass the result of idcforecast.backtest(...)",
            found=type(backtest_frame).__name__,
        )
    need = {"series_id", "model", "mean", "actual", "naive", "mase_scale"}
    missing = sorted(need - set(backtest_frame.columns))
    if missing:
        raise DataError(
            f"accuracy() needs a backtest() frame; column(s) {', '.join(missing)} are "
            "missing; pass the result of idcforecast.backtest(...)",
            missing=missing,
        )
    if len(backtest_frame) == 0:
        raise EmptyDataError(
            "accuracy(): the backtest frame has no rows; expected at least one (cutoff, year) "
            "row; backtest() with a shorter horizon or a longer history gives some"
        )
    levels = check_accuracy_frame(backtest_frame)
    rows = []
    for (sid, model), g in backtest_frame.groupby(["series_id", "model"], sort=False):
        try:
            metrics = _group_metrics(g, levels)
        except DataError as err:
            raise type(err)(
                f"accuracy(): series {sid!r} model {model!r}: {err}", series_id=sid, model=model
            ) from None
        rows.append({"series_id": sid, "model": model, **metrics, "overall": False})
    own = len(rows)
    for model, g in backtest_frame.groupby("model", sort=False):
        metrics = _group_metrics(g, levels)
        rows.append({"series_id": "(all)", "model": model, **metrics, "overall": True})
    out = pd.DataFrame(rows).astype({"n": "int64", "n_bound": "int64", "overall": bool})
    return out.assign(series_id=_ids_with_totals(backtest_frame["series_id"], out, own))


def _ids_with_totals(given: pd.Series, out: pd.DataFrame, own: int) -> pd.Series:
    """``out``'s ``series_id`` column: the per-series ids (its first ``own`` rows) in the
    dtype of the backtest's ids, and the overall rows' id: ``"(all)"`` among text ids, a
    missing value in a nullable column among numeric ones (ints and "(all)" shared an
    object column, where ``acc["series_id"] + 1`` or a merge on the int ids broke).

    Examples
    --------
    >>> import pandas as pd
    >>> out = pd.DataFrame({"series_id": [7, 3, "(all)"]})
    >>> _ids_with_totals(pd.Series([7, 3]), out, 2).tolist()
    [7, 3, <NA>]
    """
    import pandas as pd
    from pandas.api.types import is_bool_dtype, is_float_dtype, is_integer_dtype

    dtype = given.dtype
    nullable = (
        "boolean"
        if is_bool_dtype(dtype)
        else "Int64"
        if is_integer_dtype(dtype)
        else "Float64"
        if is_float_dtype(dtype)
        else None
    )
    if nullable is None:
        return out["series_id"]
    ids = out["series_id"].iloc[:own].tolist() + [pd.NA] * (len(out) - own)
    return pd.Series(pd.array(ids, dtype=nullable), index=out.index, name="series_id")
