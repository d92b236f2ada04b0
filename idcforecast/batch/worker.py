"""What runs on a worker: forecast every series of a chunk, isolating failures.

Pure numpy (no pandas): a worker process or Dask worker imports only this module, the
forecast core and numpy. Every series runs the same code whatever the engine, with warnings
captured the same way, so results do not depend on where they were computed.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from idcforecast._series import duplicate_year_message
from idcforecast.batch.chunks import Chunk
from idcforecast.errors import DuplicateYearError, IdcForecastError, NonNumericValueError

__all__ = ["BatchSpec", "ChunkResult", "run_chunk"]

STATUS_OK, STATUS_FALLBACK, STATUS_FAILED = "ok", "fallback", "failed"


@dataclass(frozen=True)
class BatchSpec:
    """The per-series settings shared by every chunk of one batch (small, picklable)."""

    horizon: int
    methods: tuple[str, ...]
    levels: tuple[float, ...]
    cap: float | Mapping[str, float] | None = None
    seed: int | None = None
    gaps: str = "interpolate"


@dataclass(frozen=True)
class ChunkResult:
    """Forecasts of one chunk; rows are (series, method) pairs, series-major.

    ``mean`` has shape ``(rows, h)``; ``lower``/``upper`` ``(rows, n_levels, h)`` in the
    order of ``BatchSpec.levels``; NaN rows belong to failed series.
    """

    start: int
    n_series: int
    last_year: NDArray[np.float64]
    mean: NDArray[np.float64]
    lower: NDArray[np.float64]
    upper: NDArray[np.float64]
    model: list[str]
    status: list[str]
    note: list[str]


def _check_series(
    series_id: Any,
    years: NDArray[np.float64],
    values: NDArray[np.float64],
    problem: str | None,
) -> None:
    """Raise, worded as ``forecast()`` words it, for input that no model can work around."""
    if problem is not None:
        raise NonNumericValueError(problem, series_id=series_id)
    repeated = np.flatnonzero(np.diff(years) == 0)
    if repeated.size:
        year = int(years[repeated[0]])
        both = values[years == year]
        raise DuplicateYearError(
            duplicate_year_message(str(series_id), year, both),
            series_id=series_id,
            year=year,
        )


def _plan_series(
    series_id: Any, years: NDArray[np.float64], values: NDArray[np.float64], spec: BatchSpec
) -> tuple[list[Any], str]:
    """One forecast (or, for "auto", a validated plan) per method, as ``forecast()`` does.

    Non-"auto" methods are forecast here by ``forecast_array``; "auto" is validated by
    ``plan_forecast`` (the same checks and errors) and computed later for the whole chunk.
    Returns the per-method results and the gap-policy note (empty when no year was filled).
    """
    from idcforecast._series import prepare_values
    from idcforecast.forecasting import AUTO, forecast_array, plan_forecast

    name = str(series_id)
    prepared = prepare_values(years.astype(np.int64), values, gaps=spec.gaps, series_id=name)
    cap = spec.cap.get(name) if isinstance(spec.cap, Mapping) else spec.cap

    def call(method: str, func: Callable[..., Any], **extra: Any) -> Any:
        return func(
            prepared.values,
            horizon=spec.horizon,
            method=method,
            levels=spec.levels,
            cap=cap,
            series_id=name,
            first_year=prepared.first_year,
            observed=prepared.observed,
            **extra,
        )

    results = [
        call(method, plan_forecast)
        if method == AUTO
        else call(method, forecast_array, seed=spec.seed)
        for method in spec.methods
    ]
    return results, prepared.note


def _warning_note(caught: list[warnings.WarningMessage]) -> str:
    seen = dict.fromkeys(f"{w.category.__name__}: {w.message}" for w in caught)
    return "; ".join(f"warning {text}" for text in seen)


def _auto_point_rows(
    plans: list[Any],
) -> list[tuple[NDArray[np.float64] | None, BaseException | None, list[Any]]]:
    """ "auto" point forecasts (final + cutoffs) of every plan: one kernel call for all.

    Each problem's result does not depend on the batch, so when the joint call warns or
    raises, the plans are re-run one at a time to pin the warning or error on its series.
    """
    from idcforecast.auto_kernel import auto_point_many

    if not plans:
        return []
    lengths = [plan.problem_lengths for plan in plans]
    # forecasts of every problem cover the horizon and the calibration's error steps; the
    # first steps of a problem do not depend on how many are asked
    horizon = max(plan.point_steps for plan in plans)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            rows = auto_point_many(
                [p.values for p in plans],
                horizon,
                lengths=lengths,
                observed=[p.observed for p in plans],
            )
        except Exception:  # re-run one by one below to find the series
            rows = None
    if rows is not None and not caught:
        bounds = np.cumsum([0] + [len(ls) for ls in lengths])
        return [(rows[a:b], None, []) for a, b in itertools.pairwise(bounds)]
    out: list[tuple[NDArray[np.float64] | None, BaseException | None, list[Any]]] = []
    for plan, ls in zip(plans, lengths, strict=True):
        with warnings.catch_warnings(record=True) as one:
            warnings.simplefilter("always")
            try:
                rows = auto_point_many(
                    [plan.values], horizon, lengths=[ls], observed=[plan.observed]
                )
                out.append((rows, None, one))
            except Exception as err:
                out.append((None, err, one))
    return out


def run_chunk(chunk: Chunk, spec: BatchSpec) -> ChunkResult:
    """Forecast every series of ``chunk``; a failing series never stops the others.

    A series that raises (any exception: bad input, a model that cannot fit) gets NaN
    forecasts, status ``"failed"`` and the error as its note. Warnings raised while a series
    is forecast are appended to its note instead of escaping. Method "auto" is computed for
    every series of the chunk in one vectorised call (:mod:`idcforecast.auto_kernel`, final
    fit and rolling-origin cutoffs together), then calibrated per series by
    :func:`idcforecast.forecasting.finish_forecast`, as ``forecast_array`` does.
    """
    from idcforecast.forecasting import ForecastPlan, finish_forecast

    k, m, h, n_levels = len(chunk), len(spec.methods), spec.horizon, len(spec.levels)
    mean = np.full((k * m, h), np.nan)
    lower = np.full((k * m, n_levels, h), np.nan)
    upper = np.full((k * m, n_levels, h), np.nan)
    last_year = np.full(k, np.nan)
    results: list[list[Any]] = [[] for _ in range(k)]  # empty: the series failed early
    gap_notes = [""] * k
    errors: list[BaseException | None] = [None] * k
    caught_by: list[list[Any]] = [[] for _ in range(k)]
    pending: list[tuple[int, int]] = []  # (series, method) pairs planned for "auto"
    # One recorder for the chunk: the warnings recorded while series i is planned or
    # finished are the new entries of the log (cheaper than a context per series).
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        for i in range(k):
            series_id, years, values = chunk.series(i)
            finite_years = years[np.isfinite(years)]
            if finite_years.size:
                last_year[i] = finite_years.max()
            seen = len(log)
            try:
                _check_series(series_id, years, values, chunk.problems.get(i))
                results[i], gap_notes[i] = _plan_series(series_id, years, values, spec)
            except Exception as err:  # one bad series never stops the batch
                errors[i] = err
            caught_by[i].extend(log[seen:])
            pending.extend((i, j) for j, r in enumerate(results[i]) if isinstance(r, ForecastPlan))
        plans = [results[i][j] for i, j in pending]
        point_rows = _auto_point_rows(plans)  # records its warnings per plan itself
        for (i, j), (rows, kernel_error, caught) in zip(pending, point_rows, strict=True):
            caught_by[i].extend(caught)
            if errors[i] is not None:
                continue
            if rows is None:  # the kernel failed on this series alone
                errors[i] = kernel_error
                continue
            seen = len(log)
            try:
                results[i][j] = finish_forecast(
                    results[i][j], mean=rows[0], origin_forecasts=rows[1:]
                )
            except Exception as failure:
                errors[i] = failure
            caught_by[i].extend(log[seen:])
    model: list[str] = []
    status: list[str] = []
    note: list[str] = []
    for i in range(k):
        extra = _warning_note(caught_by[i])
        error = errors[i]
        for j, method in enumerate(spec.methods):
            row = i * m + j
            if error is not None or not results[i]:
                model.append(method)
                status.append(STATUS_FAILED)
                text = str(error) or type(error).__name__
                if not isinstance(error, IdcForecastError):  # a bug or a library error: say which
                    text = f"{type(error).__name__}: {text}"
                note.append("; ".join(filter(None, [text, extra])))
                continue
            res = results[i][j]
            mean[row] = res.mean
            for li, level in enumerate(spec.levels):
                lower[row, li] = res.lower[level]
                upper[row, li] = res.upper[level]
            model.append(res.model)
            status.append(res.status)
            note.append("; ".join(filter(None, [gap_notes[i], res.note, extra])))
    return ChunkResult(
        start=chunk.start,
        n_series=k,
        last_year=last_year,
        mean=mean,
        lower=lower,
        upper=upper,
        model=model,
        status=status,
        note=note,
    )
