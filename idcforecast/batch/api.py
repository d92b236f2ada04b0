"""``forecast_many``: the front door for thousands of series at once."""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from idcforecast._forecast_inputs import (
    check_cap_mapping,
    check_seed,
    resolve_caps,
    resolve_levels,
    resolve_methods,
)
from idcforecast._history_notes import history_note
from idcforecast._share_notes import add_past_100_notes
from idcforecast.batch.chunks import SeriesTable, auto_chunk_size, group_series, iter_chunks
from idcforecast.batch.engines import available_cores, check_engine, resolve_client, run_engine
from idcforecast.batch.progress import make_progress
from idcforecast.batch.worker import STATUS_FAILED, BatchSpec, ChunkResult, run_chunk
from idcforecast.errors import DataError, EngineError, HorizonError, ModelError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["forecast_many"]


def _positive_int(name: str, value: Any) -> int:
    """``value`` as an int, or an EngineError with the fix (it named none: "got 0")."""
    from idcforecast._forecast_inputs import as_typed, horizon_fix

    if isinstance(value, bool) or not isinstance(value, int | np.integer) or int(value) < 1:
        default, example = (
            ("all cores", "n_jobs=2") if name == "n_jobs" else ("chosen by size", "chunk_size=64")
        )
        fix = horizon_fix(value, example).replace("pass e.g.", "e.g.")
        raise EngineError(
            f"forecast_many: {name} must be a positive integer or None ({default}); got "
            f"{as_typed(value)!r}; {fix}",
            **{name: value},
        )
    return int(value)


def _check_horizon(horizon: Any) -> int:
    from idcforecast._forecast_inputs import horizon_as_year_message, horizon_fix

    if isinstance(horizon, bool) or not isinstance(horizon, int | np.integer) or horizon < 1:
        raise HorizonError(
            f"forecast_many: horizon must be a positive integer number of years; got "
            f"{horizon!r}; {horizon_fix(horizon)}",
            horizon=horizon,
        )
    if (too_far := horizon_as_year_message(int(horizon))) is not None:
        raise HorizonError(f"forecast_many: {too_far}", horizon=horizon)
    return int(horizon)


def _cap_series_as_mapping(cap: Any) -> Any:
    """A pandas Series of caps indexed by series id is a ``{series_id: cap}`` mapping, as
    forecast() takes it (it was refused as "cap a    25.0 / dtype: float64 is not a number",
    the Series' repr over several lines)."""
    import pandas as pd

    return cap.to_dict() if isinstance(cap, pd.Series) else cap


def _check_gaps_and_cap(gaps: Any, cap: Any) -> None:
    """Raise for a ``gaps`` policy or a single ``cap`` that no series can take, before the run
    (was: every series of the batch failed, each with the same note, "series 's0001':
    gaps='bogus' is not a gap policy", "cap 'abc' is not a number").

    A cap that is a number but below some series' last value fails those series only,
    as a cap in a ``{series_id: cap}`` mapping does.
    """
    from idcforecast._series import GAP_POLICIES

    if not isinstance(gaps, str) or gaps not in GAP_POLICIES:
        raise DataError(
            f"forecast_many: gaps={gaps!r} is not a gap policy; expected one of "
            f"{', '.join(repr(p) for p in GAP_POLICIES)}",
            gaps=repr(gaps),
        )
    if isinstance(cap, Mapping):
        check_cap_mapping(cap, caller="forecast_many")
        return
    if cap is None:
        return
    try:
        number = float(cap) if not isinstance(cap, bool) else math.nan  # True is no level
    except (TypeError, ValueError):
        number = math.nan
    if math.isnan(number):
        raise ModelError(
            f"forecast_many: cap {cap!r} is not a number; pass the saturation level of every "
            "series as a number in their unit, a {series_id: cap} mapping for some of them, "
            "or cap=None (convert figure text first: idcforecast.convert('2万亿元', "
            "'CNY 100m') gives 20000.0)",
            cap=repr(cap),
        )
    if math.isinf(number):  # every series failed, each told to "use a larger unit"
        raise ModelError(
            f"forecast_many: cap {cap!r} is no saturation level; for no cap pass cap=None "
            "(on the command line, leave out --cap), else a number above every series' last "
            "value",
            cap=repr(cap),
        )


class _Assembler:
    """Collects chunk results into preallocated arrays, at their series' position."""

    def __init__(self, n_series: int, spec: BatchSpec, bar: Any) -> None:
        rows, h, n_levels = n_series * len(spec.methods), spec.horizon, len(spec.levels)
        self.m = len(spec.methods)
        self.last_year = np.full(n_series, np.nan)
        self.mean = np.empty((rows, h))
        self.lower = np.empty((rows, n_levels, h))
        self.upper = np.empty((rows, n_levels, h))
        self.model = np.empty(rows, dtype=object)
        self.status = np.empty(rows, dtype=object)
        self.note = np.empty(rows, dtype=object)
        self.bar = bar

    def __call__(self, result: ChunkResult) -> None:
        lo, hi = result.start * self.m, (result.start + result.n_series) * self.m
        self.last_year[result.start : result.start + result.n_series] = result.last_year
        self.mean[lo:hi] = result.mean
        self.lower[lo:hi] = result.lower
        self.upper[lo:hi] = result.upper
        self.model[lo:hi] = result.model
        self.status[lo:hi] = result.status
        self.note[lo:hi] = result.note
        self.bar.update(result.n_series)


def _frame(table: SeriesTable, spec: BatchSpec, out: _Assembler) -> pd.DataFrame:
    import pandas as pd

    from idcforecast.forecasting import _level_label

    h, m = spec.horizon, len(spec.methods)
    steps = np.arange(1, h + 1)
    years = (out.last_year[:, None, None] + steps[None, None, :]).repeat(m, axis=1).reshape(-1)
    columns: dict[str, Any] = {
        # the ids as given, in their dtype (1, not '1': merged back on an int id column,
        # the text matched nothing)
        "series_id": _given_ids(table).repeat(m * h),
        "year": years.astype(np.int64) if np.isfinite(years).all() else pd.array(years, "Int64"),
        "model": out.model.repeat(h),
        "mean": out.mean.reshape(-1),
    }
    for li, level in enumerate(spec.levels):
        columns[f"lo_{_level_label(level)}"] = out.lower[:, li, :].reshape(-1)
        columns[f"hi_{_level_label(level)}"] = out.upper[:, li, :].reshape(-1)
    columns["unit"] = _unit_column(table).repeat(m * h)
    columns["status"] = out.status.repeat(h)
    columns["note"] = _with_estimates(out.note, out.status, table, m).repeat(h)
    return add_past_100_notes(pd.DataFrame(columns), _percent_history_max(table))


def _unit_column(table: SeriesTable) -> NDArray[np.object_]:
    """The unit of each series of ``table`` as its output rows name it: its unit, "" when
    the frame has none, and for a series refused for mixing units every unit it holds
    ("mixed: GW, MW"), not its first ('GW', a unit the series does not have throughout).

    Examples
    --------
    >>> import pandas as pd
    >>> from idcforecast.batch.chunks import group_series
    >>> frame = pd.DataFrame({"series_id": ["a", "b", "b"], "year": [2020, 2020, 2021],
    ...                       "value": [1.0, 2.0, 3.0], "unit": ["MW", "GW", "MW"]})
    >>> _unit_column(group_series(frame)).tolist()
    ['MW', 'mixed: GW, MW']
    """
    if table.units is None:
        return np.full(table.n_series, "", dtype=object)
    if not table.mixed_units:
        return table.units
    units = table.units.copy()
    for i, mixed in table.mixed_units.items():
        units[i] = f"mixed: {', '.join(mixed)}"
    return units


def _given_ids(table: SeriesTable) -> pd.Index:
    """The series ids of ``table`` as the frame held them (its dtype kept)."""
    import pandas as pd

    return table.given_ids if table.given_ids is not None else pd.Index(table.ids)


def _percent_history_max(table: SeriesTable) -> dict[str, float]:
    """The largest value of each series in "%", or with no unit and an id that names a
    share (by id as text), for :func:`idcforecast._share_notes.add_past_100_notes`."""
    from idcforecast._share_notes import is_unitless_share

    units = table.units if table.units is not None else np.full(len(table.ids), None)
    chosen = np.isin(units, _percent_units(units)) | np.array(
        [is_unitless_share(u, sid) for u, sid in zip(units, table.ids, strict=True)], dtype=bool
    )
    return {
        str(table.ids[i]): float(np.nanmax(table.values[table.offsets[i] : table.offsets[i + 1]]))
        if table.offsets[i + 1] > table.offsets[i]
        else np.inf
        for i in np.flatnonzero(chosen)
    }


def _percent_units(units: np.ndarray) -> list[str]:
    """The distinct units of ``units`` that spell percent ("%", "percent", "pct")."""
    from idcforecast._share_notes import is_percent_unit

    return [u for u in dict.fromkeys(units.tolist()) if is_percent_unit(u)]


def _with_estimates(
    notes: NDArray[np.object_], status: NDArray[np.object_], table: SeriesTable, m: int
) -> NDArray[np.object_]:
    """``notes`` (one per series and method) naming the estimates each series read as data,
    the years its reader converted at FX rates and the years marked as not published in the
    frame (:func:`idcforecast._history_notes.history_note`,
    as forecast() words it): first, or after the error of a failed row (its error leads, as
    forecast() raises it).

    Added here, from the whole table, so that no chunk or engine can change it.
    """
    kinds = (table.estimates, table.fx_years, table.unpublished, table.bounds, table.conversions)
    if not any(kinds):
        return notes
    out = notes.copy()
    for series in sorted(set().union(*kinds)):
        text = history_note(*(kind.get(series, ()) for kind in kinds))
        for row in range(series * m, (series + 1) * m):
            parts = [out[row], text] if status[row] == STATUS_FAILED else [text, out[row]]
            out[row] = "; ".join(filter(None, parts))
    return out


def forecast_many(
    data: pd.DataFrame,
    horizon: int,
    *,
    method: str | Sequence[str] = "auto",
    level: float | Sequence[float] = (80, 95),
    engine: str = "local",
    n_jobs: int | None = None,
    chunk_size: int | None = None,
    progress: bool | None = None,
    client: Any = None,
    cap: float | Mapping[str, float] | None = None,
    seed: int | None = None,
    gaps: str = "interpolate",
) -> pd.DataFrame:
    """Forecast every series of a long frame, on this machine's cores or a Dask cluster.

    Each series gets exactly what :func:`idcforecast.forecasting` gives it (the same calls of
    the per-series core, which depend only on the series and the arguments, never on the
    chunk or worker that ran them), whatever the engine, ``n_jobs`` and ``chunk_size``.
    Failures are per (series, method) pair and never stop the batch: a method that cannot
    fit a series (arima on 6 years, drift_log on values <= 0) fails that series' rows of
    that method only, with NaN forecasts, ``status`` "failed" and, in ``note``, the error
    ``forecast()`` raises for that series and method alone; the series' other methods keep
    their forecasts. Input no method can take (a value that is not a number, a repeated
    year; a True/False cell, which is never read as 1 or 0) fails every method of its
    series. Warnings raised while a series is forecast are
    appended to the ``note`` of the method that raised them (of every method, when raised
    while the series' input was checked).

    A series whose history holds estimates read as data (years such as "2022E" kept with
    ``estimates="keep"`` by :func:`idcforecast.batch.read_long_table` or
    :func:`idcforecast.read_series`, which mark those rows in their ``note`` column) has
    them named in its ``note``, "estimates read as data: 2022E, 2023F": first, or after the
    error of a failed series (``forecast()`` names them the same way). A value cell marked
    as not published ("n/a", "—", "..", "暂无") is a year left out (a gap), as
    :func:`idcforecast.read_series` and :func:`idcforecast.batch.read_long_table` read it,
    and named in the note, "year marked as not published, read as a gap: 2018 ('n/a')"; a
    blank value (NaN) in a row fails its series ("the value is blank (NaN) but the row is
    not"), as ``read_series`` refuses a long file's blank value: drop the row or mark it.

    Parameters
    ----------
    data
        Long frame with columns ``series_id, year, value`` (plus ``unit``, and ``note``
        read for estimates as above; other columns are ignored).
    horizon
        Years to forecast after each series' last year.
    method
        "auto", a model alias, or a list of them (one block of rows per method).
    level
        Central interval levels in percent; each gives a ``lo_<level>``/``hi_<level>`` pair;
        an empty sequence (``level=()``) gives central values only, as :func:`forecast`.
    engine
        "serial" (this process), "local" (worker processes on this machine, one
        math-library thread each) or "dask" (a ``dask.distributed`` cluster).
    n_jobs
        Worker processes for "local" (default: every available core); refused with the
        other engines, which it would not change.
    chunk_size
        Series per task (default: about eight tasks per worker, at most 256 series each;
        for "dask", per worker thread of the cluster).
        Memory in flight is a few chunks per worker, whatever the number of series.
    progress
        Show a tqdm progress bar: None (default) shows it in terminals and notebooks for
        runs longer than a second; True always; False never.
    client
        For "dask": a ``distributed.Client``, a scheduler address ("tcp://host:8786"), or
        None for the current client.
    cap, seed, gaps
        As in :func:`idcforecast.forecasting` (``cap`` may map series ids to caps, a dict or
        a pandas Series indexed by series id; ``seed`` is
        passed to every series unchanged, so no result depends on its position).

    Returns
    -------
    DataFrame
        The columns of :func:`idcforecast.forecasting` (``series_id, year, model, mean,
        lo_80, hi_80, lo_95, hi_95, unit, status, note``) with ``status`` in {"ok",
        "fallback", "failed"} and ``note`` naming fallbacks, filled gaps, warnings, errors
        and estimates read as data; series in order of first appearance, each with one
        block of rows per method; ``series_id`` holds the ids as given, in the dtype of
        ``data``'s column (int ids stay int), whatever the engine and chunking. A failed
        series has its ``horizon`` rows, with the years after its last year; a series
        failed by its years themselves (a year that is not a year: -3, 99999, 2020.5, a
        blank) has no forecast years: ``year`` is <NA> on its rows (the column is then a
        nullable ``Int64``).

    Raises
    ------
    DataError
        If ``data`` is not a long frame with the required columns, or ``gaps`` is not a
        gap policy (problems of one series or of one method on one series are reported in
        ``status``/``note`` instead).
    HorizonError
        If ``horizon`` is not a positive whole number of years (a ModelError and a
        DataError both).
    ModelError
        If a ``level`` is not a percentage, or
        a single ``cap`` is not a number (NaN included), or a ``{series_id: cap}``
        mapping holds NaN caps (leave uncapped series out of it), or ``seed`` is not None
        or a whole number 0 or more.
    UnknownMethodError
        If ``method`` is not known.
    EngineError, MissingDependencyError
        If ``engine`` is not one of "serial", "local", "dask", or cannot run (bad
        ``n_jobs``, ``n_jobs`` with another engine than "local", no Dask client, dask not
        installed), or a worker died running a chunk (a local worker process, or every
        Dask worker that tried it: usually memory), or a chunk failed on a Dask worker as a
        whole (idcforecast missing there, another version).

    Warns
    -----
    EngineWarning
        For engine "dask" on a cluster without workers: the batch waits for them.

    Examples
    --------
    >>> import pandas as pd
    >>> data = pd.DataFrame({"series_id": ["a"] * 5 + ["b"] * 2,
    ...                      "year": [2019, 2020, 2021, 2022, 2023, 2022, 2023],
    ...                      "value": [10.0, 12.0, 14.0, 16.0, 18.0, 5.0, float("nan")]})
    >>> out = forecast_many(data, 2, method="drift", engine="serial", progress=False)
    >>> out["mean"].tolist(), out["status"].tolist()
    ([20.0, 22.0, nan, nan], ['ok', 'ok', 'failed', 'failed'])
    """
    cap = _cap_series_as_mapping(cap)
    spec = BatchSpec(
        horizon=_check_horizon(horizon),
        methods=resolve_methods(method, caller="forecast_many"),
        levels=resolve_levels(level, caller="forecast_many"),
        cap=cap,
        seed=seed,
        gaps=gaps,
    )
    _check_gaps_and_cap(gaps, cap)
    check_seed(seed, caller="forecast_many")
    check_engine(engine)
    if client is not None and engine != "dask":
        raise EngineError(
            f"forecast_many: client= is used only by engine='dask'; got engine={engine!r}; "
            "pass engine='dask' to run on that cluster",
            engine=engine,
        )
    if n_jobs is not None and engine != "local":
        # was: ignored without a word (engine="serial", n_jobs=8 ran in this process alone),
        # where the command line refuses --n-jobs with these engines
        runs_on = (
            "this process alone"
            if engine == "serial"
            else "the cluster's worker threads (start more with `dask worker`)"
        )
        raise EngineError(
            f"forecast_many: n_jobs is used only by engine='local'; engine={engine!r} runs on "
            f"{runs_on}; leave out n_jobs, or pass engine='local'",
            engine=engine,
            n_jobs=n_jobs,
        )
    workers = available_cores() if n_jobs is None else _positive_int("n_jobs", n_jobs)
    if chunk_size is not None:
        chunk_size = _positive_int("chunk_size", chunk_size)
    table = group_series(data)
    if isinstance(cap, Mapping):
        spec = dataclasses.replace(
            spec, cap=resolve_caps(cap, table.ids.tolist(), caller="forecast_many")
        )
    elif cap is not None and table.units is not None:
        # one number for series in different units: refused, as forecast() refuses it
        resolve_caps(cap, table.ids.tolist(), caller="forecast_many", units=table.units.tolist())
    owned = False
    if engine == "dask":  # connected once, here: its workers size the chunks
        client, owned = resolve_client(client)
    try:
        if engine == "dask" and n_jobs is None:
            workers = _cluster_threads(client) or workers
        size = auto_chunk_size(table.n_series, workers) if chunk_size is None else chunk_size
        bar = make_progress(table.n_series, progress=progress)
        out = _Assembler(table.n_series, spec, bar)
        try:
            run_engine(
                iter_chunks(table, size),
                functools.partial(run_chunk, spec=spec),
                out,
                engine=engine,
                n_jobs=workers,
                client=client,
            )
        finally:
            bar.close()
    finally:
        if owned:
            client.close()
    return _frame(table, spec, out)


def _cluster_threads(client: Any) -> int:
    """Worker threads of a Dask cluster (0 while it has none): the default chunk size gives
    each about eight chunks, as local workers get (was: this machine's cores, so 2,000
    series on a 32-thread cluster made 16 chunks, half the threads idle)."""
    return int(sum(client.nthreads().values()))
