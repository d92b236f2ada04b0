"""Monte Carlo sample paths: the vectorized engine on arrays and ``simulate`` on data.

The engine draws paths from a forecast's calibrated error distribution, the one documented
for ``idcforecast.forecasting.forecast_paths``: on the ``"log"`` scale,
``log(mean) + cumsum(sqrt(diff(sigma ** 2)) * Z)`` (random-walk increments, so each year's
marginal has spread ``sigma[h]`` and consecutive years are correlated); on the ``"level"``
scale the same without logs. ``mean`` is therefore the path median on the log scale.
The forecasts' heavy tails are kept: each path's noise is multiplied by
``spread * sqrt(tail_df / chi2(tail_df))`` (one draw per path), as in
``SeriesForecast.sample_paths``, so every year's error follows the intervals' scaled t.

Reproducibility: paths are generated in fixed blocks of :data:`BLOCK_PATHS` paths, each with
its own generator from ``SeedSequence(seed).spawn``. Memory chunks are whole numbers of
blocks, so the numbers do not depend on the chunk size (nor on the order chunks run in).
Scenarios share the draws (common random numbers).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast.errors import (
    ModelError,
    SpecError,
    UnknownMethodError,
)
from idcforecast.scenarios._series_choice import select_series, series_id_text
from idcforecast.scenarios._spec_checks import (
    check_adjusted_levels_positive,
    check_adjustment_kinds,
    check_caps_above_origin,
    check_kw_per_rack,
    check_scenario_years,
    check_share_bounds,
    check_spec_unit,
    resolve_cap,
    share_unit_factor,
    warn_paths_out_of_range,
)
from idcforecast.scenarios._spec_magnitude import spec_magnitude_rescale
from idcforecast.scenarios.paths import Paths
from idcforecast.scenarios.spec import (
    SMOOTH_CAP_EXPONENT,
    Scenario,
    ScenarioSet,
    load_scenarios,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BLOCK_PATHS", "simulate", "simulate_paths"]

BLOCK_PATHS = 8192  # paths per random block; fixed, so chunking never changes the numbers
# one block (640 kB of work for 10 years) stays in cache: measured ~1.7x faster than 16 blocks
DEFAULT_CHUNK_PATHS = BLOCK_PATHS


def simulate_paths(
    *,
    mean: np.ndarray,
    sigma: np.ndarray,
    years: np.ndarray,
    scale: str = "log",
    scenarios: ScenarioSet | Mapping[str, Any] | str | Path | None = None,
    n_paths: int = 10_000,
    seed: int | None = None,
    chunk_paths: int | None = None,
    unit: str = "",
    series_id: str = "series",
    origin_year: int | None = None,
    origin_value: float | None = None,
    model: str = "",
    spread: float = 1.0,
    tail_df: float = math.inf,
    kw_per_rack: float = 2.5,
    history_max: float | None = None,
) -> Paths:
    """Sample paths around ``mean`` with cumulative error spread ``sigma``, per scenario.

    Parameters
    ----------
    mean
        Point forecasts for ``years`` (the median path on the log scale), shape ``(h,)``.
    sigma
        Standard deviation of the cumulative forecast error at each step, on ``scale``.
        A spread that shrinks with the horizon cannot come from accumulated increments; it
        is raised to its running maximum (wider, never narrower).
    years
        Consecutive years of the forecast, shape ``(h,)``.
    scale
        ``"log"`` (multiplicative errors; ``mean`` must be positive) or ``"level"``.
    scenarios
        A :class:`ScenarioSet`, a dict or TOML path for :func:`load_scenarios`, or None for
        a single scenario ``"base"`` without adjustments. A spec ``unit`` must agree with
        ``unit`` when both are given (canonical spelling, "亿元" = "CNY 100m"), or be
        another magnitude of it ("USD bn" for "USD", GW for MW): ``mean``, ``origin_value``,
        ``history_max`` (and ``sigma`` on the level scale) are then rescaled to the spec's
        unit, the ``Paths`` are in it and ``note`` says so, as in :func:`simulate`. Another
        currency is refused (read the series in the spec's unit first).
    n_paths
        Paths per scenario.
    seed
        Integer seed; None draws fresh entropy (recorded in ``Paths.seed``).
    chunk_paths
        Paths computed at once (memory); rounded up to a multiple of :data:`BLOCK_PATHS`.
        Does not change the result.
    unit, series_id, origin_year, origin_value, model
        Metadata kept on the result (the origin is the last observed point, for CAGRs).
    spread, tail_df
        Heavy tails as in the calibrated forecasts: each path's accumulated noise is
        multiplied by ``spread * sqrt(tail_df / chi2(tail_df))`` (one draw per path), so
        every year's standardised error is ``spread * t(tail_df)``. The defaults (1, inf)
        give Gaussian noise.
    kw_per_rack
        Rack density for a ``cap`` in power against a series of racks, or the reverse
        ("2000 MW" is 800,000 racks at 2.5 kW); ``Paths.note`` says when it was used, and
        when a cap in another currency was converted at ``origin_year``'s FX rate.
    history_max
        The largest observed value (series unit), None when not known. A series in % whose
        history went past 100% is no share: its paths are not bounded to 0-100% (the rule
        of ``idcforecast._shares``, which ``forecast()``'s "passes 100%" note follows too).

    Examples
    --------
    >>> p = simulate_paths(mean=np.array([100.0, 110.0]), sigma=np.array([0.1, 0.2]),
    ...                    years=np.array([2025, 2026]), n_paths=20_000, seed=1)
    >>> p.values.shape
    (1, 20000, 2)
    >>> [round(float(v)) for v in np.median(p.values[0], axis=0)]
    [100, 110]
    """
    mean = np.asarray(mean, dtype=np.float64)
    sigma = np.asarray(sigma, dtype=np.float64)
    years = np.asarray(years, dtype=np.int64)
    _check_inputs(mean, sigma, years, scale, n_paths, series_id)
    if not (spread > 0 and tail_df > 0):
        raise ModelError(
            f"series {series_id!r}: spread and tail_df must be positive; got {spread!r}, "
            f"{tail_df!r}",
            series_id=series_id,
        )
    heavy = math.isfinite(tail_df)
    check_kw_per_rack(kw_per_rack)  # a positive number, also when no cap needs it
    spec = _as_scenario_set(scenarios)
    # a spec in "USD bn" for a series in "USD" (GW for MW): read in the spec's unit, as
    # simulate() does (was refused here, rescaled there); another currency is refused below
    rescale = spec_magnitude_rescale(unit, spec.unit)
    if rescale is not None:
        mean, unit = mean * rescale.factor, rescale.unit
        if scale == "level":  # a log-scale spread is a ratio: the same in any magnitude
            sigma = sigma * rescale.factor
        if origin_value is not None:
            origin_value = origin_value * rescale.factor
        if history_max is not None:
            history_max = history_max * rescale.factor
    check_spec_unit(spec, unit, series_id)
    h = mean.size
    sigma = np.maximum.accumulate(sigma)
    step_sd = np.sqrt(np.diff(sigma**2, prepend=0.0))
    center = np.log(mean) if scale == "log" else mean
    check_scenario_years(spec, years)
    check_adjustment_kinds(spec, unit, series_id, origin_year, origin_value, history_max)
    adjust = np.stack([s.log_adjustment(years) for s in spec.scenarios])
    check_adjusted_levels_positive(spec, adjust, mean, years, series_id)
    # percentage points ("+2pp", series in % only) add to the level: 10 points are 1 成
    points_per_unit = share_unit_factor(unit or spec.unit or "") or 1.0
    shift = np.stack([s.point_shift(years) for s in spec.scenarios]) / points_per_unit
    # a share taken below 0% or above 100% by the scenario: refused on its central path,
    # its paths clipped to 0-100%; another series in % (a rate may leave it) is warned of
    resolved = [
        resolve_cap(s, unit, origin_year, spec.source, kw_per_rack=kw_per_rack)
        for s in spec.scenarios
    ]
    caps = [cap for cap, _, _ in resolved]
    share_bounds = check_share_bounds(
        spec,
        adjust,
        shift,
        mean,
        years,
        unit or spec.unit or "",
        series_id,
        history_max,
        caps=caps,
    )
    outside = np.zeros((len(spec), h), dtype=np.int64)
    density = f"at {kw_per_rack:g} kW per rack"
    check_caps_above_origin(spec, resolved, unit, origin_year, origin_value, density=density)
    # what decided a cap given in another unit: the rack density, the FX rate of a year
    cap_note = "; ".join(
        f"scenario {s.name!r}: cap {s.cap!r} read as {_level_text(cap)} {unit} "
        + (f"{density} (kw_per_rack)" if crossed else f"at the {origin_year} FX rate")
        for s, (cap, crossed, fx) in zip(spec.scenarios, resolved, strict=True)
        if (crossed or fx) and cap is not None
    )

    _check_seed(seed)
    chunk = DEFAULT_CHUNK_PATHS if chunk_paths is None else int(chunk_paths)
    if chunk < 1:
        raise ModelError(
            f"chunk_paths must be a positive integer; got {chunk_paths!r}",
            chunk_paths=chunk_paths,
        )
    out = _allocate(len(spec), int(n_paths), h, series_id)  # before spawning its seeds
    seq = np.random.SeedSequence(seed)
    n_blocks = -(-int(n_paths) // BLOCK_PATHS)
    children = seq.spawn(n_blocks)
    blocks_per_chunk = -(-chunk // BLOCK_PATHS)
    rows = min(blocks_per_chunk * BLOCK_PATHS, int(n_paths))
    work = np.empty((rows, h), dtype=np.float64)
    scale_work = np.full((rows, 1), float(spread))
    for first in range(0, n_blocks, blocks_per_chunk):
        start = first * BLOCK_PATHS
        stop = min((first + blocks_per_chunk) * BLOCK_PATHS, int(n_paths))
        z = work[: stop - start]
        for b in range(first, min(first + blocks_per_chunk, n_blocks)):
            lo = b * BLOCK_PATHS - start
            hi = min((b + 1) * BLOCK_PATHS, int(n_paths)) - start
            rng = np.random.Generator(np.random.PCG64(children[b]))
            # year by year (a whole block each, also for a last, partial block): a path's
            # draw for a year is the same whatever n_paths and the horizon are, so a run to
            # 2030 repeats a run to 2027 in 2024-2027
            z[lo:hi] = rng.standard_normal((h, BLOCK_PATHS)).T[: hi - lo]
            if heavy:  # from the block's own child stream: the same whatever h is
                tail = np.random.Generator(np.random.PCG64(children[b].spawn(1)[0]))
                chi2 = tail.chisquare(tail_df, BLOCK_PATHS)[: hi - lo]
                scale_work[lo:hi, 0] = spread * np.sqrt(tail_df / chi2)
        z *= step_sd
        np.cumsum(z, axis=1, out=z)
        if heavy or spread != 1.0:
            z *= scale_work[: stop - start]
        z += center
        base_outside = None  # the forecast's own paths outside 0-100%, this chunk
        for s in range(len(spec)):
            dest = out[s, start:stop]
            _apply_scenario(z, dest, adjust[s], scale)
            if np.any(shift[s]):
                dest += shift[s]
            cap = caps[s]
            if cap is not None:  # before the 0-100% clip: a smooth cap of 100% took every
                # path the clip had put at 100% to one level below it (9.33 of 10 成)
                _apply_cap(dest, cap, spec.scenarios[s].cap_mode)
            if share_bounds is not None and share_bounds.watched[s]:
                now = (dest < 0) | (dest > share_bounds.upper)
                if share_bounds.known:  # a share: every value outside is clipped, and counted
                    np.clip(dest, 0.0, share_bounds.upper, out=dest)
                else:  # a rate: the paths the scenario took out, not the forecast's own
                    if base_outside is None:
                        base_outside = _outside(z, scale, share_bounds.upper)
                    now &= ~base_outside
                outside[s] += now.sum(axis=0)
    if share_bounds is not None:
        clipped = warn_paths_out_of_range(
            spec, share_bounds, outside, int(n_paths), years, series_id
        )
        cap_note = "; ".join(n for n in (cap_note, clipped) if n)
    if rescale is not None:
        cap_note = "; ".join(n for n in (rescale.note.rstrip("."), cap_note) if n)
    return Paths(
        values=out,
        years=years,
        scenarios=spec.names,
        weights=spec.weights,
        unit=unit,
        series_id=series_id,
        origin_year=origin_year,
        origin_value=origin_value,
        seed=int(seq.entropy),  # type: ignore[arg-type]
        model=model,
        note=cap_note,
        history_max=history_max,
    )


def _outside(z: np.ndarray, scale: str, upper: float) -> np.ndarray:
    """Where the unadjusted paths (``z`` on ``scale``) are below 0 or above ``upper``."""
    level = np.exp(z) if scale == "log" else z
    return (level < 0) | (level > upper)


def _level_text(value: float) -> str:
    """A converted cap for the note: six significant digits below a million ("14,161.8"),
    whole numbers above (",.6g" printed 1,200,000 racks as "1.2e+06 racks")."""
    return f"{value:,.0f}" if abs(value) >= 1e6 else f"{value:,.6g}"


def _allocate(n_scenarios: int, n_paths: int, h: int, series_id: str) -> np.ndarray:
    """The result array, or a ModelError saying how much it needs (was NumPy's
    ``_ArrayMemoryError`` from Python; only the command line translated it)."""
    try:
        return np.empty((n_scenarios, n_paths, h), dtype=np.float64)
    except MemoryError:
        need = n_scenarios * n_paths * h * 8 / 2**30
        raise ModelError(
            f"series {series_id!r}: {n_paths:,} paths x {h} year{'s' if h != 1 else ''} x "
            f"{n_scenarios} scenario{'s' if n_scenarios != 1 else ''} need {need:,.1f} GiB "
            "(8 bytes a value, all held at once), more than this machine can allocate; lower "
            "n_paths (--paths on the command line; default 10,000)",
            series_id=series_id,
            n_paths=n_paths,
        ) from None


def _apply_scenario(z: np.ndarray, dest: np.ndarray, adjust: np.ndarray, scale: str) -> None:
    if scale == "log":
        if np.any(adjust):
            np.add(z, adjust, out=dest)
            np.exp(dest, out=dest)
        else:
            np.exp(z, out=dest)
    elif np.any(adjust):
        np.multiply(z, np.exp(adjust), out=dest)
    else:
        dest[...] = z


def _apply_cap(values: np.ndarray, cap: float, mode: str) -> None:
    if mode == "clip":
        np.minimum(values, cap, out=values)
        return
    # Smooth saturation y / (1 + (y/cap)^k)^(1/k): ~y well below the cap, -> cap above it.
    k = SMOOTH_CAP_EXPONENT
    ratio = np.maximum(values, 0.0) / cap
    np.power(ratio, k, out=ratio)
    ratio += 1.0
    np.power(ratio, 1.0 / k, out=ratio)
    values /= ratio


def _as_scenario_set(
    scenarios: ScenarioSet | Mapping[str, Any] | str | Path | None,
) -> ScenarioSet:
    if scenarios is None:
        return ScenarioSet(scenarios=(Scenario("base"),))
    if isinstance(scenarios, ScenarioSet):
        return scenarios
    if not isinstance(scenarios, Mapping | str | Path):  # a list raised a bare TypeError
        raise SpecError(
            f"scenarios must be a TOML file's path, a dict such as {{'scenarios': {{'bull': "
            f"{{...}}}}}}, a ScenarioSet or None; got {type(scenarios).__name__} {scenarios!r}",
            key="scenarios",
        )
    return load_scenarios(scenarios)


def _check_seed(seed: Any) -> None:
    """None or a whole number 0 or more, as NumPy's SeedSequence takes (it raised a bare
    ValueError for -1 and a TypeError for 1.5)."""
    if seed is None:
        return
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ModelError(
            f"seed must be a whole number 0 or more, or None; got {seed!r}; e.g. seed=7",
            seed=seed,
        )


def _check_inputs(
    mean: np.ndarray,
    sigma: np.ndarray,
    years: np.ndarray,
    scale: str,
    n_paths: int,
    series_id: str,
) -> None:
    where = f"series {series_id!r}"
    if mean.ndim != 1 or mean.size == 0 or sigma.shape != mean.shape or years.shape != mean.shape:
        raise ModelError(
            f"{where}: mean, sigma and years must be 1-D arrays of one common length; got "
            f"shapes {mean.shape}, {sigma.shape}, {years.shape}",
            series_id=series_id,
        )
    if scale not in ("log", "level"):
        raise ModelError(
            f"{where}: scale must be 'log' or 'level'; got {scale!r}", series_id=series_id
        )
    if not (np.all(np.isfinite(mean)) and np.all(np.isfinite(sigma)) and np.all(sigma >= 0)):
        raise ModelError(
            f"{where}: mean and sigma must be finite and sigma >= 0; got mean {mean.tolist()}, "
            f"sigma {sigma.tolist()}",
            series_id=series_id,
        )
    if scale == "log" and np.any(mean <= 0):
        raise ModelError(
            f"{where}: log-scale paths need a positive mean; got {mean.tolist()}; use "
            "scale='level'",
            series_id=series_id,
        )
    if np.any(np.diff(years) != 1):
        raise ModelError(
            f"{where}: years must be consecutive; got {years.tolist()}", series_id=series_id
        )
    if isinstance(n_paths, bool) or not isinstance(n_paths, int | np.integer) or n_paths < 1:
        from idcforecast._forecast_inputs import horizon_fix

        # n_paths=1e5 (a float): say which integer, as a float horizon is told
        raise ModelError(
            f"n_paths must be a positive integer; got {n_paths!r}; "
            f"{horizon_fix(n_paths, example='n_paths=10_000')}",
            n_paths=n_paths,
        )


def simulate(
    data: pd.DataFrame | pd.Series,
    horizon: int,
    *,
    n_paths: int = 10_000,
    scenarios: ScenarioSet | Mapping[str, Any] | str | Path | None = None,
    seed: int | None = None,
    series_id: str | int | None = None,
    method: str = "auto",
    chunk_paths: int | None = None,
    kw_per_rack: float = 2.5,
) -> Paths:
    """Simulate ``n_paths`` future paths per scenario from the fitted forecast model.

    Fits ``method`` (default the "auto" combination) with
    ``idcforecast.forecasting.forecast_array`` and samples its calibrated error distribution
    (sigma from the series' own rolling-origin errors) with :func:`simulate_paths`; scenario
    growth adjustments and shocks then compound on each path and caps saturate it.

    Parameters
    ----------
    data
        A tidy frame (``series_id, year, value`` [+ ``unit``]) or a year-indexed Series.
    horizon
        Years after the last observed year.
    n_paths, seed, chunk_paths
        As in :func:`simulate_paths`; the same seed gives the same numbers.
    scenarios
        A :class:`ScenarioSet`, a dict, a TOML path, or None (one scenario "base"). A spec
        with a ``unit`` must agree with the series' unit (``SpecError`` otherwise), or be
        another magnitude of it ("USD bn" for a series in "USD", GW for MW): the series is
        then rescaled to the spec's unit and simulated in it (the ``Paths`` are in the
        spec's unit, and the ``note`` says so). Another currency is refused (read the
        series in the spec's unit first, at each year's FX rate).
    series_id
        Which series to simulate when ``data`` holds several (defaults to the spec's
        ``series_id``). Data of one series without a ``series_id`` column (a
        year-indexed Series: its name, or "series") must be that series, so a spec written
        for another series is refused here too (``UnknownSeriesError``); pass this
        series' id to apply the spec to it anyway.
    method
        Model alias passed to the forecasting engine.
    kw_per_rack
        Rack density (kW) for a scenario ``cap`` in power against a series of racks, or the
        reverse; 2.5 is the MIIT standard rack. The ``note`` says when it was used.

    Returns
    -------
    Paths
        With ``note``: a spec written for another series applied as ``series_id=`` asks;
        the series rescaled to the spec's magnitude;
        what ``forecast()`` writes in its ``note`` column for the same series
        (gap years filled for fitting, estimates read as data, a fallback), and a cap
        converted between power and racks (at ``kw_per_rack``) or currencies (at the last
        observed year's FX rate); "" when nothing.

    Raises
    ------
    ModelError
        ``seed``, ``n_paths``, ``chunk_paths`` or ``horizon`` is not a whole number in its
        range.
    UnknownMethodError
        ``method`` is not one known model alias.
    UnknownSeriesError
        ``series_id`` (or the spec's) names no series of ``data``.
    SpecError
        The scenarios cannot be read or do not fit the series (a file that is not there, a
        growth that is not a rate, a unit that disagrees, growth or shocks on a forecast at
        or below zero).
    DataError
        ``data`` is not a series :func:`idcforecast.forecast` reads.
    UnitError
        ``kw_per_rack`` is not a positive number.

    Examples
    --------
    >>> import pandas as pd
    >>> history = pd.Series([100.0, 120, 150, 175, 210, 260, 300, 350],
    ...                     index=range(2016, 2024), name="demo")
    >>> paths = simulate(history, 3, n_paths=1000, seed=7)
    >>> paths.values.shape, paths.years.tolist()
    ((1, 1000, 3), [2024, 2025, 2026])
    """
    _check_seed(seed)  # before the forecast is fitted
    check_kw_per_rack(kw_per_rack)
    if not isinstance(method, str):  # was forecast_array's "call it once per alias", an API
        raise UnknownMethodError(  # the caller never called
            f"simulate: method must be one model alias such as 'auto' or 'drift'; got "
            f"{method!r}; paths come from one model: call simulate once per method",
            method=method,
        )
    spec = _as_scenario_set(scenarios)
    chosen = series_id_text(series_id)
    sid, years, values, unit, kept, bounds = select_series(
        data, chosen or spec.series_id, spec=spec
    )
    # a spec in "USD bn" for a series in "USD" (GW for MW): the series is simulated in the
    # spec's unit, which its caps are in (it was refused as another unit); another
    # currency or kind of unit is still refused by check_spec_unit
    rescale = spec_magnitude_rescale(unit, spec.unit)
    if rescale is not None:
        values, unit = np.asarray(values, dtype=float) * rescale.factor, rescale.unit
    from idcforecast._forecast_inputs import check_horizon

    check_horizon(horizon, caller="simulate")  # was forecast_array's, led by no function
    from idcforecast._history_notes import bound_years
    from idcforecast._series import prepare_values
    from idcforecast.forecasting import forecast_array

    prepared = prepare_values(years, values, series_id=sid)  # the engine's gap policy
    fc = forecast_array(
        prepared.values,
        horizon=horizon,
        method=method,
        seed=seed,
        series_id=sid,
        first_year=prepared.first_year,
        observed=prepared.observed,
        # years published as bounds: fitted, not scored by the calibration, as forecast()
        bound=prepared.bound_mask(bound_years(bounds)),
    )
    last = int(prepared.last_year)
    sigma = fc.sigma if fc.sigma is not None else np.zeros_like(fc.mean)
    paths = simulate_paths(
        mean=np.asarray(fc.mean),
        sigma=np.asarray(sigma),
        years=np.arange(last + 1, last + 1 + int(horizon)),
        scale=fc.scale,
        scenarios=spec,
        n_paths=n_paths,
        seed=seed,
        chunk_paths=chunk_paths,
        unit=unit,
        series_id=sid,
        origin_year=last,
        origin_value=float(prepared.values[-1]),
        model=fc.model,
        spread=float(fc.settings.spread),
        tail_df=float(fc.settings.tail_df),
        kw_per_rack=kw_per_rack,
        # the whole history, as forecast()'s note takes it: above 100% once, no share
        history_max=float(np.nanmax(values)),
    )
    # forecast()'s note column, here: gap years filled for fitting, estimates read as data,
    # a fallback (all were dropped in silence, so paths from a filled or shortened history
    # looked like any other)
    # a spec written for another series, applied as series_id= asks: said, as its caps,
    # growth and shocks are that series' numbers (it ran without a word)
    other = (
        f"scenario spec {spec.source} is written for series {spec.series_id!r}, applied to "
        f"{sid!r}, the series asked for"
        if spec.series_id is not None and spec.series_id != sid
        else ""
    )
    # a share whose forecast passes 100%: forecast()'s note, with the scenarios' fix
    past_100 = _past_100_note(paths, fc.mean, fc.upper, unit, float(np.nanmax(values)))
    rescaled = "" if rescale is None else rescale.note.rstrip(".")
    parts = (other, rescaled, kept, prepared.note, fc.note, past_100, paths.note)
    note = "; ".join(n for n in parts if n)
    # the last year published as a bound ("more than 880"): said where the origin is shown
    origin_qualifier = bound_years(bounds).get(last, "")
    return replace(paths, note=note or paths.note, origin_qualifier=origin_qualifier)


def _past_100_note(
    paths: Paths,
    mean: np.ndarray,
    upper: Mapping[float, np.ndarray],
    unit: str,
    history_max: float,
) -> str:
    """The note ``forecast()`` gives a series that may be a share (``idcforecast._shares``)
    whose forecast passes 100%, with the scenarios' fix, a spec ``cap``; "" otherwise.
    The simulated levels passed 100% with nothing said (the scenarios bound a share only
    where a scenario changes it)."""
    from idcforecast._share_notes import past_100_in_arrays
    from idcforecast._shares import percent_factor

    when = past_100_in_arrays(paths.years, mean, upper, unit, history_max)
    if not when:
        return ""
    cap = 100.0 / (percent_factor(unit) or 1.0)
    if paths.values.size and float(np.nanmax(paths.values)) <= cap:
        return ""  # the spec's caps keep every path at or below 100%: the fix is in place
    return (
        f"forecast passes 100% ({when}): a share cannot; if the series is one, give its "
        f'scenarios a cap of {cap:g} in the spec (cap = {cap:g}, cap_mode = "clip": the '
        "default smooth cap lowers a share near it, 98% to about 92%)"
    )
