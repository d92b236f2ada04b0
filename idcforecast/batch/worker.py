"""What runs on a worker: forecast every series of a chunk, isolating failures.

Pure numpy (no pandas): a worker process or Dask worker imports only this module, the
forecast core and numpy. Every series runs the same code whatever the engine, with warnings
captured the same way, so results do not depend on where they were computed.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

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
    cap: float | None = None
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


def _check_series(series_id: Any, years: NDArray[np.float64], problem: str | None) -> None:
    """Raise for input problems that no model can work around."""
    if problem is not None:
        raise NonNumericValueError(f"series {series_id!r}: {problem}", series_id=series_id)
    repeated = years[1:][np.diff(years) == 0]
    if repeated.size:
        year = int(repeated[0])
        n = int(np.count_nonzero(years == year))
        raise DuplicateYearError(
            f"series {series_id!r}: year {year} has {n} values; one series has one value per "
            "year: drop or aggregate the duplicates",
            series_id=series_id,
            year=year,
        )


def _forecast_series(
    series_id: Any, years: NDArray[np.float64], values: NDArray[np.float64], spec: BatchSpec
) -> list[Any]:
    """One forecast per method for one series (the same calls as ``forecast()``)."""
    from idcforecast._series import prepare_values
    from idcforecast.forecast import forecast_array

    y = prepare_values(years.astype(np.int64), values, gaps=spec.gaps, series_id=series_id)
    return [
        forecast_array(
            y,
            horizon=spec.horizon,
            method=method,
            levels=spec.levels,
            cap=spec.cap,
            seed=spec.seed,
            series_id=series_id,
        )
        for method in spec.methods
    ]


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
                _check_series(series_id, years, chunk.problems.get(i))
                results = _forecast_series(series_id, years, values, spec)
                error = None
            except Exception as err:  # one bad series never stops the batch
                results, error = None, err
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
            note.append("; ".join(filter(None, [res.note, extra])))
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
