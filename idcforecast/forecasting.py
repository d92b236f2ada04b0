"""The forecast front door: ``forecast()`` on frames, ``forecast_array()`` on one array.

``forecast_array`` is the pure, picklable per-series core (numpy only): it fits the method,
re-fits it at earlier cutoffs to measure its own errors, and turns them into calibrated
intervals (:mod:`idcforecast.calibration`). Its two halves, :func:`plan_forecast` (checks,
in :mod:`idcforecast._forecast_plan`) and :func:`finish_forecast` (calibration), are also
called by the batch worker, which computes the "auto" point forecasts of a whole chunk in
one :func:`idcforecast.auto_kernel.auto_point_many` call in between. ``forecast`` validates a
tidy frame, applies the gap policy (:mod:`idcforecast._series`) and loops over series and methods.
The result type :class:`SeriesForecast` lives in :mod:`idcforecast._series_forecast` and
:func:`finish_forecast` in :mod:`idcforecast._forecast_finish`; both are re-exported here.

Positive series are never forecast negative: their errors and intervals live on the log
scale (``lo/hi = mean * exp(-/+ q * sigma)``), and a combined point forecast that would fall
to zero or below is floored at 1% of the smallest observation (named in ``note``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._cells import in_context
from idcforecast._forecast_finish import finish_forecast
from idcforecast._forecast_inputs import (
    AUTO,
    check_horizon,
    check_seed,
    conversions_by_series,
    place_in_series,
    resolve_caps,
    resolve_levels,
    resolve_methods,
)
from idcforecast._forecast_plan import ForecastPlan, plan_forecast
from idcforecast._history_notes import bound_years, history_note
from idcforecast._series_forecast import SeriesForecast
from idcforecast._share_notes import add_past_100_notes
from idcforecast._wording import counted
from idcforecast.calibration import DEFAULT_SETTINGS, CalibrationSettings
from idcforecast.errors import (
    HorizonError,
    IdcForecastError,
    InsufficientDataError,
    ModelError,
)

if TYPE_CHECKING:
    import pandas as pd


__all__ = [
    "ForecastPlan",
    "SeriesForecast",
    "finish_forecast",
    "forecast",
    "forecast_array",
    "forecast_columns",
    "forecast_paths",
    "plan_forecast",
    "resolve_methods",
]


def forecast_array(
    y: Any,
    *,
    horizon: int,
    method: str = AUTO,
    levels: Sequence[float] = (80, 95),
    cap: float | None = None,
    seed: int | None = None,
    series_id: str = "series",
    first_year: int | None = None,
    settings: CalibrationSettings = DEFAULT_SETTINGS,
    observed: Any = None,
    bound: Any = None,
) -> SeriesForecast:
    """Forecast one series of consecutive yearly values (the pandas-free core).

    Parameters
    ----------
    y
        Consecutive yearly observations, oldest first (no gaps, no NaN). A pandas Series
        indexed by year must hold consecutive years in increasing order (a
        :class:`DataError` otherwise: its values are read in their order, one a year).
    horizon
        Steps (years) after the last observation.
    method
        "auto" or one registered model alias.
    levels
        Interval levels in percent.
    cap
        Saturation level: passed to models that take one (``logistic``, ``gompertz``);
        for every method the forecasts and bounds are clipped at it. At least the last
        observation (a share at 100% capped at 100 is clipped there); above it for
        ``logistic`` and ``gompertz``, whose curves approach it.
    seed
        Accepted for interface symmetry with :func:`forecast_paths` (None or a whole number
        0 or more, as :func:`forecast` checks it); the current methods are deterministic, so
        the result does not depend on it.
    series_id, first_year
        Used in notes and error messages only.
    settings
        Calibration constants (the defaults are the tuned ones).
    observed
        Boolean mask of ``y``, False where a gap policy filled the value in
        (``PreparedSeries.observed``); None when every value was observed. Filled values are
        fitted on but never count as data: a method's minimum counts observed values, and
        the interval calibration neither scores a filled year nor forecasts from one.
    bound
        Boolean mask of ``y``, True where the value was published as a bound ("more than
        300", a ``qualifier`` of ``at_least`` / ``at_most``); None when none was. Such a
        value is fitted as its number but never scored as an actual by the interval
        calibration, as :func:`idcforecast.accuracy` leaves bound actuals out.

    Returns
    -------
    SeriesForecast

    Examples
    --------
    >>> fc = forecast_array(np.array([210.0, 260.0, 372.0, 519.0]), horizon=2)
    >>> fc.model, fc.status, fc.mean.round(1)
    ('auto', 'fallback', array([626.5, 734. ]))
    >>> left_out, combined, uncalibrated = fc.note.split("; ")
    >>> left_out
    "4 points: left out 'damped' (needs 6)"
    >>> combined
    'combined naive, ses, loglinear, drift_log, theil_sen'
    >>> uncalibrated[:57]  # 4 points: no earlier cutoff with enough years before it
    'no earlier cutoff could be scored: the interval width is '
    >>> bool(np.all(fc.lower[95] < fc.mean) and np.all(fc.mean < fc.upper[95]))
    True
    """
    # "horizon must be ...; got 0" named no function (plan_forecast checks it again)
    check_horizon(horizon, caller="forecast_array")
    # deterministic methods (see the docstring), but checked as forecast() checks it:
    # seed=-1 was accepted here without a word
    check_seed(seed, caller=f"series {series_id!r}")
    plan = plan_forecast(
        y,
        horizon=horizon,
        method=method,
        levels=levels,
        cap=cap,
        series_id=series_id,
        first_year=first_year,
        settings=settings,
        observed=observed,
        bound=bound,
    )
    if plan.method == AUTO:
        from idcforecast.auto_kernel import auto_point_many

        # the final fit and every rolling-origin cutoff in one vectorised call
        rows = auto_point_many(
            [plan.values],
            plan.point_steps,
            lengths=[plan.problem_lengths],
            observed=[plan.observed],
        )
        return finish_forecast(plan, mean=rows[0], origin_forecasts=rows[1:])
    values, h, steps = plan.values, plan.horizon, plan.local.error_steps
    assert plan.fit is not None  # every method but "auto" is one registry model
    try:
        final = plan.fit(values)
    except IdcForecastError as err:  # a model's own message does not know the series
        raise in_context(err, f"series {series_id!r}", series_id=series_id) from err
    mean = final.predict(h, level=()).mean
    origin, failed = [], []
    for cut in plan.cutoffs:
        try:
            origin.append(plan.point(values[:cut], min(steps, values.size - cut)))
        except IdcForecastError:
            # a refit on fewer years may fail where the full fit did not (a cap below a
            # peak seen earlier, a fit that does not converge): that cutoff only is left out
            origin.append(np.full(min(steps, values.size - cut), np.nan))
            failed.append(cut)
    notes = list(final.fit_notes())
    if failed:
        where = ", ".join(place_in_series(first_year, cut - 1) for cut in failed)
        notes.append(
            f"refits ending at {where} failed; left out of the interval calibration "
            f"({len(failed)} of {counted(len(plan.cutoffs), 'cutoff')})"
        )
    return finish_forecast(plan, mean=mean, origin_forecasts=origin, fit_notes=notes)


def forecast_paths(
    y: Any,
    *,
    horizon: int,
    n_paths: int,
    method: str = AUTO,
    cap: float | None = None,
    seed: int | np.random.Generator | None = None,
) -> np.ndarray:
    """Sample paths ``(n_paths, horizon)`` from the calibrated forecast distribution.

    The same distribution as the intervals of :func:`forecast_array` (see
    :meth:`SeriesForecast.sample_paths`).

    Parameters
    ----------
    y
        The observed values, oldest first (one 1-D array of consecutive years).
    horizon
        Steps (years) after the last value.
    n_paths
        Paths to draw.
    method
        "auto" (default) or a model alias.
    cap
        Saturation cap, as for :func:`forecast`.
    seed
        A seed or a ``numpy.random.Generator``; the same seed gives the same paths.

    Examples
    --------
    >>> y = np.array([100.0, 120.0, 150.0, 180.0, 210.0, 260.0])
    >>> paths = forecast_paths(y, horizon=4, n_paths=2000, seed=0)
    >>> paths.shape, bool(paths.min() > 0)
    ((2000, 4), True)
    """
    check_horizon(horizon, caller="forecast_paths")  # not forecast_array's, never called
    result = forecast_array(y, horizon=horizon, method=method, levels=(), cap=cap)
    return result.sample_paths(n_paths, seed)


def _level_label(level: float) -> str:
    return str(int(level)) if float(level).is_integer() else str(level).replace(".", "_")


def forecast_columns(levels: Sequence[float], *, cutoff: bool = False) -> list[str]:
    """The columns of a :func:`forecast` frame at interval ``levels`` (with ``cutoff``:
    of a :func:`idcforecast.backtest` frame, before its scoring columns), in order: the
    header of a result with no rows (``forecast --csv`` when no series could be forecast).

    Examples
    --------
    >>> forecast_columns((80, 95))
    ['series_id', 'year', 'model', 'mean', 'lo_80', 'hi_80', 'lo_95', 'hi_95', 'unit', 'status', 'note']
    """  # noqa: E501
    bounds = [f"{side}_{_level_label(lv)}" for lv in levels for side in ("lo", "hi")]
    first = ["series_id", "cutoff"] if cutoff else ["series_id"]
    return [*first, "year", "model", "mean", *bounds, "unit", "status", "note"]


def _forecast_row(
    fc: SeriesForecast,
    step: int,
    *,
    year: int,
    unit: str,
    note: str,
    cutoff: int | None = None,
) -> dict[str, Any]:
    """One row of a forecast frame (``step`` 0-based): the column layout's one source.

    ``series_id, [cutoff,] year, model, mean, lo_<L>, hi_<L>... , unit, status, note``
    (:func:`forecast_columns`); :func:`forecast` and
    :func:`idcforecast.evaluation.backtest` both build rows here.
    """
    row: dict[str, Any] = {"series_id": fc.series_id}
    if cutoff is not None:
        row["cutoff"] = cutoff
    row.update(year=year, model=fc.model, mean=float(fc.mean[step]))
    for level in fc.lower:
        label = _level_label(level)
        row[f"lo_{label}"] = float(fc.lower[level][step])
        row[f"hi_{label}"] = float(fc.upper[level][step])
    row.update(unit=unit, status=fc.status, note=note)
    return row


def _leave_out(alias: str, methods: tuple[str, ...]) -> str:
    """The fix of a method that cannot run among several asked for: the call fails as a
    whole (one frame, every method's rows), so the others run once it is left out.

    Examples
    --------
    >>> _leave_out("arima", ("drift", "arima")), _leave_out("arima", ("arima",))
    ("; or leave 'arima' out of method=['drift', 'arima']", '')
    """
    if len(methods) == 1:
        return ""
    return f"; or leave {alias!r} out of method={list(methods)}"


def forecast(
    data: Any,
    horizon: int,
    *,
    method: str | Sequence[str] = AUTO,
    level: float | Sequence[float] = (80, 95),
    cap: float | Mapping[str, float] | None = None,
    seed: int | None = None,
    gaps: str = "interpolate",
) -> pd.DataFrame:
    """Forecast every series in ``data`` ``horizon`` years past its own last year.

    Parameters
    ----------
    data
        A tidy frame (``series_id, year, value`` [+ ``unit``]; extra columns ignored),
        e.g. from :func:`idcforecast.load_dataset`, or a year-indexed Series. A ``note``
        column is read for estimates read as data (``read_series(..., estimates="keep")``):
        a series' ``note`` starts with them, "estimates read as data: 2022E". A value
        cell marked as not published ("n/a", "—", "..", "暂无") is a year left out (a gap),
        as :func:`idcforecast.read_series` reads it, and named in the ``note``: "year
        marked as not published, read as a gap: 2018 ('n/a')". A blank value (NaN, None)
        is an error, as a long file's blank value is for ``read_series``: drop the row or
        mark it "n/a" (``pandas.read_csv`` turns "n/a" and "NA" cells into NaN unless
        given ``keep_default_na=False``; :func:`idcforecast.read_series` reads them as gaps).
    horizon
        Years after each series' last observed year.
    method
        "auto" (default), a model alias, or a list of them (one block of rows each).
    level
        Interval level(s) in percent: columns ``lo_<level>``, ``hi_<level>``. An empty
        sequence (``level=()``) asks for central values only: the frame has no ``lo_`` or
        ``hi_`` column (what the models' own ``predict(h, level=())`` gives).
    cap
        Saturation cap for all series, or ``{series_id: cap}`` or a pandas Series of caps
        indexed by series id (keys compared as text; a key that names no series in
        ``data`` is an :class:`UnknownSeriesError`; a series left out is not capped). One
        number for series in different units is a :class:`ModelError`: give a mapping.
    seed
        Passed on to :func:`forecast_array` (deterministic methods ignore it).
    gaps
        Gap policy for missing interior years: "interpolate", "span" or "error"
        (see :mod:`idcforecast._series`).

    Returns
    -------
    pandas.DataFrame
        ``series_id, year, model, mean, lo_80, hi_80, lo_95, hi_95, unit, status, note``;
        ``series_id`` holds the ids as given, in their dtype (int ids stay int; a Series'
        id is its name as text, "series" when it has none).

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.Series([100.0, 112.0, 125.0, 139.0, 156.0, 171.0], index=range(2018, 2024))
    >>> fc = forecast(y, 2)
    >>> fc[["year", "model", "status"]].values.tolist()
    [[2024, 'auto', 'ok'], [2025, 'auto', 'ok']]
    >>> bool((fc.lo_95 < fc["mean"]).all() and (fc["mean"] < fc.hi_95).all())
    True
    >>> list(forecast(y, 1, method="drift", level=()).columns)  # central values only
    ['series_id', 'year', 'model', 'mean', 'unit', 'status', 'note']
    """
    import pandas as pd

    from idcforecast._series import (
        check_gap_policy,
        prepare_values,
        short_after_gap,
        split_series,
    )
    from idcforecast._series_ids import given_ids, with_given_ids

    methods = resolve_methods(method, caller="forecast")
    levels = resolve_levels(level)
    # once, not per series: "series 'a': horizon must be ..." named a series the error
    # was not about (a horizon read as a year is still named per series, by its last year)
    check_horizon(horizon, caller="forecast")
    check_seed(seed, caller="forecast")
    check_gap_policy(gaps, "forecast")
    all_series = split_series(data)
    cap = resolve_caps(
        cap,
        [series.series_id for series in all_series],
        units=[series.unit for series in all_series],
        given=given_ids(data),
    )
    # "converted from 'GW' (x1000)" on rows read in another unit: named, as forecast_many
    # names them
    conversions = conversions_by_series(data)
    rows: list[dict[str, Any]] = []
    history_max: dict[str, float] = {}  # by series id: a share never went past 100%
    for series in all_series:
        prepared = prepare_values(
            series.years, series.values, gaps=gaps, series_id=series.series_id
        )
        series_cap = cap.get(series.series_id) if isinstance(cap, Mapping) else cap
        # years published as bounds ("more than 300"): fitted, never scored as actuals by
        # the interval calibration (as accuracy() leaves them out of a backtest's scores)
        stated_bounds = prepared.bound_mask(bound_years(series.bounds))
        # the whole history (gaps="span" fits only the latest run: a series above 100%
        # before a gap is no share all the same)
        history_max[str(series.series_id)] = float(np.nanmax(series.values))
        for alias in methods:
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
                    bound=stated_bounds,
                )
            except HorizonError:
                # the same for every method: "or leave 'naive' out of method=" fixed nothing
                raise
            except InsufficientDataError as err:
                message = f"{err}{short_after_gap(prepared.note)}"
                message += _leave_out(alias, methods)
                if len(all_series) > 1:
                    # one short series should not cost the analyst the whole table
                    message += (
                        "; forecast_many() forecasts each series on its own and records the "
                        "ones it cannot forecast as failed"
                    )
                if message == str(err):
                    raise
                fields = {k: getattr(err, k) for k in err.fields}
                raise InsufficientDataError(message, **fields) from None
            except ModelError as err:
                if len(methods) == 1:
                    raise
                fields = {k: getattr(err, k) for k in err.fields}
                raise type(err)(f"{err}{_leave_out(alias, methods)}", **fields) from None
            kept = history_note(
                series.estimates,
                series.fx_years,
                series.unpublished,
                series.bounds,
                conversions.get(series.series_id, ()),
            )
            note = "; ".join(n for n in (kept, prepared.note, fc.note) if n)
            rows.extend(
                _forecast_row(
                    fc, step, year=prepared.last_year + step + 1, unit=series.unit, note=note
                )
                for step in range(fc.mean.size)
            )
    frame = add_past_100_notes(pd.DataFrame(rows), history_max)
    # the ids as given (1, not '1'): the result merges back on the caller's id column
    return with_given_ids(frame.astype({"year": "int64"}), given_ids(data))
