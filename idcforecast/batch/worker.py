"""What runs on a worker: forecast every series of a chunk, isolating failures.

Pure numpy (no pandas): a worker process or Dask worker imports only this module, the
forecast core and numpy. Every series runs the same code whatever the engine, with warnings
captured the same way, so results do not depend on where they were computed.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
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


def _forecast_series(
    series_id: Any, years: NDArray[np.float64], values: NDArray[np.float64], spec: BatchSpec
) -> tuple[list[Any], str]:
    """One forecast per method for one series, by the same calls as ``forecast()``.

    Returns the forecasts and the gap-policy note (empty when no year was filled).
    """
    from idcforecast._series import prepare_values
    from idcforecast.forecasting import forecast_array

    name = str(series_id)
    prepared = prepare_values(years.astype(np.int64), values, gaps=spec.gaps, series_id=name)
    cap = spec.cap.get(name) if isinstance(spec.cap, Mapping) else spec.cap
    results = [
        forecast_array(
            prepared.values,
            horizon=spec.horizon,
            method=method,
            levels=spec.levels,
            cap=cap,
            seed=spec.seed,
            series_id=name,
            first_year=prepared.first_year,
        )
        for method in spec.methods
    ]
    return results, prepared.note


def _warning_note(caught: list[warnings.WarningMessage]) -> str:
    seen = dict.fromkeys(f"{w.category.__name__}: {w.message}" for w in caught)
    return "; ".join(f"warning {text}" for text in seen)


def run_chunk(chunk: Chunk, spec: BatchSpec) -> ChunkResult:
    """Forecast every series of ``chunk``; a failing series never stops the others.

    A series that raises (any exception: bad input, a model that cannot fit) gets NaN
    forecasts, status ``"failed"`` and the error as its note. Warnings raised while a series
    is forecast are appended to its note instead of escaping.
    """
    k, m, h, n_levels = len(chunk), len(spec.methods), spec.horizon, len(spec.levels)
    mean = np.full((k * m, h), np.nan)
    lower = np.full((k * m, n_levels, h), np.nan)
    upper = np.full((k * m, n_levels, h), np.nan)
    last_year = np.full(k, np.nan)
    model: list[str] = []
    status: list[str] = []
    note: list[str] = []
    for i in range(k):
        series_id, years, values = chunk.series(i)
        finite_years = years[np.isfinite(years)]
        if finite_years.size:
            last_year[i] = finite_years.max()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                _check_series(series_id, years, values, chunk.problems.get(i))
                results, gap_note = _forecast_series(series_id, years, values, spec)
                error = None
            except Exception as err:  # one bad series never stops the batch
                results, gap_note, error = None, "", err
        extra = _warning_note(caught)
        for j, method in enumerate(spec.methods):
            row = i * m + j
            if results is None:
                model.append(method)
                status.append(STATUS_FAILED)
                text = str(error) or type(error).__name__
                if not isinstance(error, IdcForecastError):  # a bug or a library error: say which
                    text = f"{type(error).__name__}: {text}"
                note.append("; ".join(filter(None, [text, extra])))
                continue
            res = results[j]
            mean[row] = res.mean
            for li, level in enumerate(spec.levels):
                lower[row, li] = res.lower[level]
                upper[row, li] = res.upper[level]
            model.append(res.model)
            status.append(res.status)
            note.append("; ".join(filter(None, [gap_note, res.note, extra])))
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
