"""What runs on a worker: forecast every series of a chunk, isolating failures.

Pure numpy (no pandas): a worker process or Dask worker imports only this module, the
forecast core and numpy. Every series runs the same code whatever the engine, with warnings
captured the same way, so results do not depend on where they were computed.
"""

from __future__ import annotations

import itertools
import threading
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from idcforecast._history_notes import bound_years
from idcforecast._series import YEAR_MAX, YEAR_MIN, duplicate_year_message, short_after_gap
from idcforecast.batch.chunks import Chunk
from idcforecast.errors import (
    DuplicateYearError,
    IdcForecastError,
    InsufficientDataError,
    NonNumericValueError,
)

__all__ = ["BatchSpec", "ChunkResult", "run_chunk"]

STATUS_OK, STATUS_FALLBACK, STATUS_FAILED = "ok", "fallback", "failed"

# warnings.catch_warnings swaps process-wide state (filters, showwarning): two chunks run by
# threads of one Dask worker would record each other's warnings, and undo the "ignore" of a
# model's own catch_warnings. Chunks of one process record their warnings one at a time.
_RECORDING = threading.Lock()


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
    order of ``BatchSpec.levels``; NaN rows are failed (series, method) pairs.
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


def _prepare_series(
    series_id: Any, years: NDArray[np.float64], values: NDArray[np.float64], spec: BatchSpec
) -> tuple[Any, float | None]:
    """The series as every method fits it (gap policy applied), and its cap.

    Raises, as ``forecast()`` does, for a series no method can take (a gap the policy
    refuses): every method of that series fails with that error.
    """
    from idcforecast._series import prepare_values

    name = str(series_id)
    prepared = prepare_values(years.astype(np.int64), values, gaps=spec.gaps, series_id=name)
    cap = spec.cap.get(name) if isinstance(spec.cap, Mapping) else spec.cap
    return prepared, cap


def _plan_method(
    series_id: Any,
    prepared: Any,
    cap: float | None,
    method: str,
    spec: BatchSpec,
    bound: NDArray[np.bool_] | None = None,
) -> Any:
    """One method's forecast of a prepared series, as ``forecast()`` computes it.

    A method other than "auto" is forecast here by ``forecast_array``; "auto" is validated
    by ``plan_forecast`` (the same checks and errors) and computed later for the whole
    chunk. Raises the error ``forecast()`` raises for this series and method alone.
    ``bound``: the values published as bounds (``forecast_array(bound=...)``).
    """
    from idcforecast.forecasting import AUTO, forecast_array, plan_forecast

    common: dict[str, Any] = {
        "horizon": spec.horizon,
        "method": method,
        "levels": spec.levels,
        "cap": cap,
        "series_id": str(series_id),
        "first_year": prepared.first_year,
        "observed": prepared.observed,
        "bound": bound,
    }
    if method == AUTO:
        return plan_forecast(prepared.values, **common)
    return forecast_array(prepared.values, seed=spec.seed, **common)


def _last_real_year(years: NDArray[np.float64]) -> float:
    """The last of ``years`` that is a year forecast() takes (an integer from 1 to 9999), or
    NaN: the output's years follow it (was: 99999 in a year cell gave a failed series the
    years 100000, 100001, ...).

    Examples
    --------
    >>> _last_real_year(np.array([2015.0, 2016.0, 99999.0, np.nan]))
    2016.0
    """
    finite = years[np.isfinite(years)]
    if not finite.size:
        return float("nan")
    top = float(finite.max())
    if YEAR_MIN <= top <= YEAR_MAX and top.is_integer():  # the usual case: one check
        return top
    real = finite[(finite >= YEAR_MIN) & (finite <= YEAR_MAX) & (finite % 1 == 0)]
    return float(real.max()) if real.size else float("nan")


def _all_real_years(years: NDArray[np.float64]) -> bool:
    """Whether every one of ``years`` is a year forecast() takes (an integer, 1 to 9999).

    Examples
    --------
    >>> _all_real_years(np.array([2015.0, 2016.0])), _all_real_years(np.array([1.0, -3.0]))
    (True, False)
    """
    real = np.isfinite(years) & (years >= YEAR_MIN) & (years <= YEAR_MAX) & (years % 1 == 0)
    return bool(real.all())


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


def _error_text(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    if not isinstance(error, IdcForecastError):  # a bug or a library error: say which
        text = f"{type(error).__name__}: {text}"
    return text


def run_chunk(chunk: Chunk, spec: BatchSpec) -> ChunkResult:
    """Forecast every (series, method) pair of ``chunk``; a failing pair never stops the others.

    A series whose input no method can take (a value that is not a number, a repeated year,
    a gap the policy refuses) fails every method, each row with that error as its note. A
    method that cannot fit one series (too few years for it, a value it cannot take) fails
    that (series, method) pair only: NaN forecasts, status ``"failed"`` and that method's
    error as the note, while the other methods of the series keep their forecasts. Warnings
    raised while a series is prepared are appended to the note of each of its methods;
    warnings raised while one method is forecast, to that method's note only; none escapes.
    Method "auto" is computed for every series of the chunk in one vectorised call
    (:mod:`idcforecast.auto_kernel`, final fit and rolling-origin cutoffs together), then
    calibrated per series by :func:`idcforecast.forecasting.finish_forecast`, as
    ``forecast_array`` does. Chunks run by threads of one process (a Dask worker with
    several threads) run one at a time, so that each records its own warnings only.
    """
    from idcforecast.forecasting import ForecastPlan, finish_forecast

    k, m, h, n_levels = len(chunk), len(spec.methods), spec.horizon, len(spec.levels)
    mean = np.full((k * m, h), np.nan)
    lower = np.full((k * m, n_levels, h), np.nan)
    upper = np.full((k * m, n_levels, h), np.nan)
    last_year = np.full(k, np.nan)
    # per series: its input problem (fails every method), gap note and warnings
    series_errors: list[BaseException | None] = [None] * k
    gap_notes = [""] * k
    series_caught: list[list[Any]] = [[] for _ in range(k)]
    # per (series, method) row i * m + j: its result, error and warnings
    results: list[Any] = [None] * (k * m)
    errors: list[BaseException | None] = [None] * (k * m)
    caught_by: list[list[Any]] = [[] for _ in range(k * m)]
    pending: list[int] = []  # rows planned for "auto"
    # One recorder for the chunk: the warnings recorded while a series is prepared, or one
    # of its methods planned or finished, are the new entries of the log (cheaper than a
    # context per call).
    with _RECORDING, warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        for i in range(k):
            series_id, years, values = chunk.series(i)
            last_year[i] = _last_real_year(years)
            seen = len(log)
            try:
                _check_series(series_id, years, values, chunk.problems.get(i))
                prepared, cap = _prepare_series(series_id, years, values, spec)
            except Exception as err:  # one bad series never stops the batch
                series_errors[i] = err
                series_caught[i].extend(log[seen:])
                if not _all_real_years(years):
                    # its years are what failed it (-3 among 1, 2): rows for years 3, 4
                    # followed the readable ones, made up; it has no forecast years
                    last_year[i] = np.nan
                continue
            series_caught[i].extend(log[seen:])
            gap_notes[i] = prepared.note
            # years published as bounds: fitted, never scored by the calibration (forecast())
            bound = prepared.bound_mask(bound_years(chunk.bounds[i])) if i in chunk.bounds else None
            for j, method in enumerate(spec.methods):
                row, seen = i * m + j, len(log)
                try:
                    results[row] = _plan_method(series_id, prepared, cap, method, spec, bound)
                except Exception as err:  # nor does one method that cannot fit it
                    errors[row] = err
                caught_by[row].extend(log[seen:])
                if isinstance(results[row], ForecastPlan):
                    pending.append(row)
        point_rows = _auto_point_rows([results[row] for row in pending])  # warnings per plan
        for row, (rows, kernel_error, caught) in zip(pending, point_rows, strict=True):
            caught_by[row].extend(caught)
            if rows is None:  # the kernel failed on this series alone
                errors[row] = kernel_error
                continue
            seen = len(log)
            try:
                results[row] = finish_forecast(
                    results[row], mean=rows[0], origin_forecasts=rows[1:]
                )
            except Exception as failure:
                errors[row] = failure
            caught_by[row].extend(log[seen:])
    model: list[str] = []
    status: list[str] = []
    note: list[str] = []
    for i in range(k):
        series_error = series_errors[i]
        for j, method in enumerate(spec.methods):
            row = i * m + j
            extra = _warning_note(series_caught[i] + caught_by[row])
            error = series_error if series_error is not None else errors[row]
            if error is not None:
                text = _error_text(error)
                if (
                    series_error is None
                    and gap_notes[i]
                    and isinstance(error, InsufficientDataError)
                ):
                    # as forecast() raises it: the gaps filled are part of why it is short
                    text = f"{text}{short_after_gap(gap_notes[i])}"
                model.append(method)
                status.append(STATUS_FAILED)
                note.append("; ".join(filter(None, [text, extra])))
                continue
            res = results[row]
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
