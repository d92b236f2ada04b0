"""Summaries of simulated paths: quantile tables, CAGR distributions, exceedance odds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from idcforecast.errors import IdcForecastError, ModelError, SpecError, UnknownNameError
from idcforecast.scenarios.paths import Paths

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.units import Quantity

__all__ = ["QUANTILES", "WEIGHTED", "cagr_draws", "prob_exceeds", "scenario_table"]

QUANTILES: tuple[int, ...] = (5, 10, 50, 90, 95)
WEIGHTED = "weighted"  # name of the probability-weighted mixture of the scenarios


def _weighted_quantiles(
    blocks: np.ndarray, weights: Sequence[float] | np.ndarray, probs: np.ndarray
) -> np.ndarray:
    """Quantiles of the mixture: scenario ``s`` has probability ``weights[s]``.

    ``blocks`` is ``(n_scenarios, n_paths, k)``; returns ``(len(probs), k)``. The pooled
    draws, sorted, each carry ``weights[s] / n_paths``; the ``i``-th sits at the plotting
    position ``(C_i - w_i) / (1 - w_last)`` (``C_i`` the cumulative weight) and quantiles
    interpolate linearly between positions. With equal weights that is numpy's default
    (``"linear"``) quantile of the pooled draws, and scenarios of weight 0 are left out, so
    a mixture with all its weight on one scenario has exactly that scenario's quantiles
    (the inverse weighted CDF used before put its p10 a whole order statistic lower).

    Examples
    --------
    >>> draws = np.arange(1.0, 11.0).reshape(1, 10, 1)
    >>> both = np.concatenate([draws, draws + 100.0])
    >>> _weighted_quantiles(both, [1.0, 0.0], np.array([0.1, 0.5]))[:, 0].tolist()
    [1.9, 5.5]
    >>> np.quantile(draws[0, :, 0], [0.1, 0.5]).tolist()
    [1.9, 5.5]
    """
    w_s = np.asarray(weights, dtype=np.float64)
    keep = w_s > 0
    blocks, w_s = blocks[keep], w_s[keep] / w_s[keep].sum()
    n_s, n_p, k = blocks.shape
    flat = blocks.transpose(2, 0, 1).reshape(k, n_s * n_p)
    w = np.repeat(w_s / n_p, n_p)
    out = np.empty((probs.size, k))
    for j in range(k):
        order = np.argsort(flat[j], kind="stable")
        values, wj = flat[j, order], w[order]
        denominator = 1.0 - wj[-1]
        if denominator <= 0:  # one draw carries all the weight
            out[:, j] = values[-1]
            continue
        positions = np.minimum((np.cumsum(wj) - wj) / denominator, 1.0)
        out[:, j] = np.interp(probs, positions, values)
    return out


def cagr_draws(paths: Paths, target_year: int) -> np.ndarray:
    """CAGR from the last observed point to ``target_year``, per scenario and path.

    ``(value[target] / origin_value) ** (1 / (target_year - origin_year)) - 1``, shape
    ``(n_scenarios, n_paths)``; a path at or below zero has no CAGR and raises.

    Examples
    --------
    >>> p = Paths(values=np.array([[[110.0, 121.0]]]), years=np.array([2025, 2026]),
    ...           scenarios=("base",), origin_year=2024, origin_value=100.0)
    >>> np.round(cagr_draws(p, 2026), 6)
    array([[0.1]])
    """
    if paths.origin_year is None or paths.origin_value is None or paths.origin_value <= 0:
        raise ModelError(
            f"series {paths.series_id!r}: the paths have no positive origin (last observed "
            f"year and value: {paths.origin_year!r}, {paths.origin_value!r}); a CAGR needs "
            "one: simulate from data, or pass origin_year and origin_value",
            series_id=paths.series_id,
        )
    j = paths.year_index(target_year)
    end = paths.values[:, :, j]
    if np.any(end <= 0):
        raise ModelError(
            f"series {paths.series_id!r}: some paths are <= 0 in {target_year}; a CAGR is "
            "undefined there (simulate on the log scale)",
            series_id=paths.series_id,
        )
    span = int(target_year) - int(paths.origin_year)
    return (end / paths.origin_value) ** (1.0 / span) - 1.0


def scenario_table(
    paths: Paths,
    *,
    quantiles: Sequence[float] = QUANTILES,
    target_year: int | None = None,
) -> pd.DataFrame:
    """Quantiles per year and scenario, and the CAGR distribution to ``target_year`` (for a
    share, the change in percentage points instead).

    Parameters
    ----------
    paths
        The result of :func:`~idcforecast.simulate`.
    quantiles
        Percentiles to report (columns ``p5``, ``p10``...).
    target_year
        Year for the CAGR (or, for a share, points) rows (default: the last simulated year).

    Returns
    -------
    DataFrame
        Tidy, one row per (scenario, quantity, year): ``series_id, scenario, weight,
        quantity, year, unit, p5, p10, p50, p90, p95``. ``quantity`` is ``"level"``
        (the simulated value of that year, in the series unit) or ``"cagr"`` (percent a
        year from ``origin_year`` to ``target_year``, unit "%", one row per scenario; left
        out when the origin is at or below zero, and for a scenario with a path at or
        below zero in the target year, where a compound rate is undefined: a series of net
        changes; the weighted row needs every scenario's). For a series that may be a
        share (``idcforecast._shares.may_be_share``: in percent, or 成, and its history,
        ``paths.history_max``, never past 100%) ``"change_pp"`` takes the place of
        ``"cagr"``: the change in percentage points from ``origin_value`` to
        ``target_year``, unit "pp", one row per scenario and the weighted one (40% -> 48%
        is +8 points, where its CAGR, +4.7% a year, is relative growth read as points; also
        defined for a share clipped to 0%). With weights, a ``"weighted"`` scenario is the
        probability mixture of the others. Fan charts use the ``"level"`` rows.

    Raises
    ------
    ModelError
        With fewer paths per scenario than the outermost quantile needs, ``1 / min(p, 1 - p)``
        (20 for ``p5``): beyond that the sample cannot place the quantile, and with one path
        every quantile would be that path.

    Notes
    -----
    No mean: the paths of :func:`~idcforecast.simulate` are ``mean * exp(noise)`` with
    Student-t tails (the distribution the calibrated intervals use), and the exponential of
    a t-tailed variable has no finite expectation. A sample mean of such paths is set by the
    few most extreme ones: for the China IDC example's base case in 2030 it was 20,149 with
    seed 0 and 840,215 with seed 2, against a p95 near 38,000 with either. The quantiles
    are stable (p50 10,272 and 10,302); read p50 as the central figure.

    Examples
    --------
    >>> p = Paths(values=np.arange(1.0, 101.0).reshape(1, 100, 1), years=np.array([2026]),
    ...           scenarios=("base",), origin_year=2025, origin_value=50.0, unit="CNY 100m")
    >>> table = scenario_table(p)
    >>> print(table[["quantity", "year", "p5", "p50", "p95"]].to_string(index=False))
    quantity  year     p5  p50   p95
       level  2026   5.95 50.5 95.05
        cagr  2026 -88.10  1.0 90.10
    """
    import pandas as pd

    probs = _check_quantiles(quantiles)
    _check_enough_paths(paths, probs)
    # year_index rejects a year that was not simulated or is not whole (2026.5)
    target = int(
        paths.years[paths.year_index(paths.years[-1] if target_year is None else target_year)]
    )
    qcols = [f"p{_label(q)}" for q in quantiles]
    blocks = _quantity_blocks(paths, "level", paths.values, paths.years, paths.unit, probs, qcols)
    points = _points_per_unit(paths)
    if points is not None and paths.origin_value is not None:
        # a share's growth in percentage points (1 成 is 10), the CLI's and report's reading
        end = paths.values[:, :, paths.year_index(target)]
        change = (end - float(paths.origin_value)) * points
        one = np.array([target])
        return pd.concat(
            blocks
            + _quantity_blocks(paths, "change_pp", change[:, :, None], one, "pp", probs, qcols),
            ignore_index=True,
        )
    keep = _with_cagr(paths, target)
    if keep.any() and paths.origin_year is not None and paths.origin_value is not None:
        # per scenario: one bear case clipped to 0% (a share) or below zero dropped every
        # scenario's CAGR; the weighted mix needs them all
        end = paths.values[:, :, paths.year_index(target)]
        span = target - int(paths.origin_year)
        with np.errstate(invalid="ignore"):  # the scenarios left out
            cagr = 100.0 * ((end / float(paths.origin_value)) ** (1.0 / span) - 1.0)
        one = np.array([target])
        blocks += _quantity_blocks(
            paths, "cagr", cagr[:, :, None], one, "%", probs, qcols, keep=keep
        )
    return pd.concat(blocks, ignore_index=True)


def _points_per_unit(paths: Paths) -> float | None:
    """Percentage points in one unit of ``paths`` when the series may be a share
    (``idcforecast._shares.may_be_share``: 1 for %, 10 for 成); None otherwise."""
    from idcforecast._shares import may_be_share, percent_factor

    return percent_factor(paths.unit) if may_be_share(paths.unit, paths.history_max) else None


def _with_cagr(paths: Paths, target_year: int) -> np.ndarray:
    """Which scenarios have a CAGR on every path: a positive origin and positive
    target-year values (a boolean per scenario)."""
    if paths.origin_year is None or paths.origin_value is None or paths.origin_value <= 0:
        return np.zeros(len(paths.scenarios), dtype=bool)
    return np.all(paths.values[:, :, paths.year_index(target_year)] > 0, axis=1)


def _weight(paths: Paths, s: int) -> float:
    return float("nan") if paths.weights is None else float(paths.weights[s])


def _quantity_blocks(
    paths: Paths,
    quantity: str,
    draws: np.ndarray,
    years: np.ndarray,
    unit: str,
    probs: np.ndarray,
    qcols: list[str],
    *,
    keep: np.ndarray | None = None,
) -> list[pd.DataFrame]:
    """One block per scenario from ``draws`` (scenario, path, year), plus the weighted mix;
    with ``keep``, the scenarios it marks only, and the mix when it marks them all."""
    keep = np.ones(len(paths.scenarios), dtype=bool) if keep is None else keep
    blocks = [
        _block(
            paths,
            name=name,
            weight=_weight(paths, s),
            quantity=quantity,
            years=years,
            unit=unit,
            qs=np.quantile(draws[s], probs, axis=0),
            qcols=qcols,
        )
        for s, name in enumerate(paths.scenarios)
        if keep[s]
    ]
    if paths.weights is not None and len(paths.scenarios) > 1 and keep.all():
        w = np.asarray(paths.weights, dtype=np.float64)
        blocks.append(
            _block(
                paths,
                name=WEIGHTED,
                weight=1.0,
                quantity=quantity,
                years=years,
                unit=unit,
                qs=_weighted_quantiles(draws, w, probs),
                qcols=qcols,
            )
        )
    return blocks


def _block(
    paths: Paths,
    *,
    name: str,
    weight: float,
    quantity: str,
    years: np.ndarray,
    unit: str,
    qs: np.ndarray,
    qcols: list[str],
) -> pd.DataFrame:
    import pandas as pd

    data: dict[str, object] = {
        "series_id": paths.series_id,
        "scenario": name,
        "weight": weight,
        "quantity": quantity,
        "year": np.asarray(years, dtype=np.int64),
        "unit": unit,
    }
    for i, col in enumerate(qcols):
        data[col] = qs[i]
    return pd.DataFrame(data)


def _label(q: float) -> str:
    return f"{q:g}".replace(".", "_")


def _check_quantiles(quantiles: Sequence[float]) -> np.ndarray:
    # "50" would iterate as the percentiles 5 and 0; text entries are not percentiles
    numbers = not isinstance(quantiles, str | bytes) and all(
        isinstance(q, int | float | np.number) and not isinstance(q, bool) for q in quantiles
    )
    probs = np.asarray(list(quantiles) if numbers else [np.nan], dtype=np.float64)
    bad = probs.ndim != 1 or probs.size == 0 or not np.all((probs > 0) & (probs < 100))
    if not bad and np.all(probs < 1):  # (0.05, 0.5, 0.95): numpy's fractions, not percents
        shown = ", ".join(f"{100 * p:g}" for p in probs)
        raise SpecError(
            f"quantiles {list(quantiles)!r} are all below 1: fractions? quantiles are "
            f"percentiles here; for these pass ({shown})",
            key="quantiles",
        )
    if bad:
        raise SpecError(
            f"quantiles must be percentiles strictly between 0 and 100, like (5, 50, 95); "
            f"got {quantiles if isinstance(quantiles, str | bytes) else list(quantiles)!r}",
            key="quantiles",
        )
    return probs / 100.0


def _check_enough_paths(paths: Paths, probs: np.ndarray) -> None:
    """Refuse quantiles the sample cannot estimate: ``p`` needs ``1 / min(p, 1 - p)`` paths.

    With fewer paths than that, the outermost quantile lies beyond the sample's extremes in
    probability and ``np.quantile`` would return an extreme (with one path, every quantile
    is that path): a fan of zero width that looks like certainty.
    """
    tails = np.minimum(probs, 1.0 - probs)
    outer = float(probs[int(np.argmin(tails))])
    needed = int(np.ceil(1.0 / float(tails.min()) - 1e-9))
    if paths.n_paths < needed:
        raise ModelError(
            f"series {paths.series_id!r}: {paths.n_paths:,} path"
            f"{'' if paths.n_paths == 1 else 's'} per scenario cannot estimate the "
            f"p{outer * 100.0:g} quantile, which needs at least {needed:,}; simulate "
            f"with n_paths >= {needed:,} (--paths on the command line; default 10,000)",
            series_id=paths.series_id,
            n_paths=paths.n_paths,
        )


def prob_exceeds(
    paths: Paths,
    threshold: float | str | Quantity,
    year: int,
    *,
    scenario: str | None = None,
    kw_per_rack: float = 2.5,
) -> float | pd.Series:
    """Probability that the simulated value in ``year`` exceeds ``threshold``.

    Parameters
    ----------
    paths
        Simulated paths, as :func:`idcforecast.simulate` returns them.
    threshold
        A number in the paths' unit, or a figure such as ``"8000亿元"`` or a
        :class:`~idcforecast.units.Quantity` (converted to the paths' unit; money in another
        currency converts with the FX rate of ``year``, or, for a year the FX table has no
        rate for (every year after its last), the table's last rate for the pair held
        constant, with a :class:`~idcforecast.errors.ScenarioWarning` naming it). One level: a range
        ("8000-9000") and an upper bound ("不超过8000亿元") are refused (``SpecError``), as
        is anything that is not a number or a figure; a lower bound ("超过8000亿元",
        "more than $50bn", "at least 1 GW") is read as its level: P(value > 8000). A
        bare number between 0 and 1 against paths in % of a series above 1% (0.5 for a
        40% share: 0.5%, not 50%) gets a :class:`~idcforecast.errors.ScenarioWarning`.
    year
        A simulated year.
    scenario
        One scenario name, or ``"weighted"`` for the weighted mixture (returns a float;
        an ``UnknownNameError`` when the scenarios carry no weights). None returns a
        Series indexed by scenario, with a ``"weighted"`` entry when the scenarios carry
        weights.
    kw_per_rack
        Power of one rack, for a threshold in power against paths in racks or the reverse
        ("200 MW" is 80,000 racks at the default 2.5 kW, 33,333 at 6 kW).

    Raises
    ------
    SpecError
        ``threshold`` is a range, an upper bound, not a figure, or a figure in a unit the
        paths' unit does not convert to.
    UnknownNameError
        ``year`` was not simulated, ``scenario`` names no scenario of the paths, or
        ``"weighted"`` is asked of scenarios without weights.

    Examples
    --------
    >>> p = Paths(values=np.arange(1.0, 11.0).reshape(1, 10, 1), years=np.array([2027]),
    ...           scenarios=("base",), unit="CNY 100m")
    >>> prob_exceeds(p, 8.0, 2027, scenario="base")
    0.2
    """
    import pandas as pd

    j = paths.year_index(year)
    level = _threshold_value(paths, threshold, int(paths.years[j]), kw_per_rack=kw_per_rack)
    _warn_if_a_fraction_of_a_share(paths, threshold, level)
    share = (paths.values[:, :, j] > level).mean(axis=1)
    weights = None if paths.weights is None or len(paths.scenarios) < 2 else paths.weights
    if scenario == WEIGHTED and WEIGHTED not in paths.scenarios:
        if paths.weights is None:  # was "no scenario 'weighted'", which hid the reason
            raise UnknownNameError(
                f"series {paths.series_id!r}: scenario='weighted' needs scenario weights, "
                f"and the scenarios ({', '.join(paths.scenarios)}) carry none; give every "
                "scenario a 'weight' in the spec, or pass one scenario's name",
                scenario=scenario,
            )
        return float(np.dot(np.asarray(paths.weights, dtype=np.float64), share))
    if scenario is not None:
        return float(share[paths.scenario_index(scenario)])
    out = pd.Series(share, index=pd.Index(paths.scenarios, name="scenario"), name="prob")
    if weights is not None:
        out[WEIGHTED] = float(np.dot(np.asarray(weights, dtype=np.float64), share))
    return out


def _warn_if_a_fraction_of_a_share(paths: Paths, threshold: object, level: float) -> None:
    """A ScenarioWarning for a bare number between 0 and 1 against paths in % whose last
    observation is above 1: 0.5 is 0.5% there (the series unit), and P(share > 0.5%) was
    100% with nothing to say that 50% was probably meant."""
    import warnings

    from idcforecast.errors import ScenarioWarning
    from idcforecast.scenarios._spec_checks import share_unit_factor

    if isinstance(threshold, str):
        try:
            float(threshold.replace(",", ""))
        except ValueError:
            return  # figure text says its unit ("50%")
    elif isinstance(threshold, bool) or not isinstance(threshold, int | float | np.number):
        return
    origin = paths.origin_value
    # in points of a percent ("%", "pp"): 0.5 against a 40% share reads as a fraction
    if share_unit_factor(paths.unit) != 1.0 or not 0 < level < 1 or not (origin and origin > 1):
        return
    at = f" in {paths.origin_year}" if paths.origin_year is not None else ""
    unit = paths.unit if paths.unit == "%" else f" {paths.unit}"
    warnings.warn(
        f"series {paths.series_id!r}: threshold {threshold!r} is {level:g}{unit} (a bare "
        f"number is in the series unit), and the series was {origin:g}{unit}{at}; if "
        f"{100 * level:g}{unit} is meant, pass {100 * level:g} (or '{100 * level:g}{unit}')",
        ScenarioWarning,
        stacklevel=3,
    )


def _threshold_value(
    paths: Paths, threshold: object, year: int, *, kw_per_rack: float = 2.5
) -> float:
    """``threshold`` as a level in the paths' unit: a number, figure text or a Quantity."""
    from idcforecast.units import Quantity

    where = f"series {paths.series_id!r}: threshold {threshold!r}"
    if isinstance(threshold, str):
        from idcforecast.units import parse_quantity

        try:
            threshold = parse_quantity(threshold)
        except SpecError:
            raise
        except IdcForecastError as err:
            raise SpecError(
                f"{where} cannot be read in the paths' unit {paths.unit!r} ({year}): {err}",
                key="threshold",
            ) from err
    if isinstance(threshold, Quantity):
        return _quantity_level(paths, threshold, year, where, kw_per_rack=kw_per_rack)
    if isinstance(threshold, bool) or not isinstance(threshold, int | float | np.number):
        # None, a list or a bool raised a bare TypeError, or read True as the level 1
        raise SpecError(
            f"series {paths.series_id!r}: threshold must be a number in the paths' unit, "
            f"figure text such as '8000亿元' or a Quantity; got {type(threshold).__name__} "
            f"{threshold!r}; for several thresholds call prob_exceeds once for each",
            key="threshold",
        )
    value = float(threshold)
    if not np.isfinite(value):
        raise SpecError(
            f"series {paths.series_id!r}: threshold must be a finite number; got {threshold!r}",
            key="threshold",
        )
    return value


def _quantity_level(
    paths: Paths, quantity: Quantity, year: int, where: str, *, kw_per_rack: float = 2.5
) -> float:
    """A parsed threshold in the paths' unit: one level (a range is refused, a bare range
    "8000-9000" as well as "8000-9000亿元"), not an upper bound ("不超过8000亿元": P(value >
    X) does not answer it), converted (a bare number is in the series unit)."""
    if quantity.is_range:  # quantity.value is the midpoint: "8000-9000" was read as 8500
        raise SpecError(
            f"{where} is a range; expected one level; pass its low or high end",
            key="threshold",
        )
    if quantity.qualifier == "at_most":
        raise SpecError(
            f"{where} is an upper bound ('at most'); prob_exceeds gives P(value > X): pass "
            f"the level alone ({quantity.value:g}) and take 1 minus the probability for "
            "P(value <= X)",
            key="threshold",
        )
    if quantity.unit == "count":  # a bare number: the series unit, as in the CLI
        return _threshold_value(paths, float(quantity.value), year)
    if not paths.unit:
        raise SpecError(
            f"{where} is a figure but the paths have no unit to convert it to; pass "
            "a number in the series unit",
            key="threshold",
        )
    if quantity.unit.startswith("count ") and not paths.unit.startswith("count"):
        # "8000亿" (no 元) is a count of 100m: say what to write, not "count vs money"
        raise SpecError(
            f"{where} has a magnitude word but no unit (a count, {quantity.unit!r}), so it "
            f"is no level in {paths.unit!r}; write the unit after it, as in '8000亿元' or "
            f"'8 thousand racks', or pass a number in {paths.unit!r}",
            key="threshold",
        )
    try:
        level = quantity.to(paths.unit, year=year, kw_per_rack=kw_per_rack)
    except IdcForecastError as err:
        fallback = _at_last_fx_rate(paths, quantity, year, where, err, kw_per_rack=kw_per_rack)
        if fallback is None:
            raise SpecError(
                f"{where} cannot be read in the paths' unit {paths.unit!r} ({year}): {err}",
                key="threshold",
            ) from err
        return fallback
    return float(level.value)


def _at_last_fx_rate(
    paths: Paths,
    quantity: Quantity,
    year: int,
    where: str,
    err: Exception,
    *,
    kw_per_rack: float,
) -> float | None:
    """A threshold in another currency for a simulated year the FX table has no rate for
    (every year after the table's last): the level at the table's last rate for the pair,
    held constant, with a ScenarioWarning naming the rate (``_constant_fx``, the rule
    driver figures and reconciliation's top-down figures follow); None when that does not
    help (no FX gap, a pair the table lacks).

    "US$150bn" in 2030 against paths in 亿元 was refused for want of a 2030 rate; it was
    then read at the last observed year's rate (2023's 7.0809 for the China series) while
    2025's threshold took 2025's 7.1875, so the level jumped back between 2025 and 2026."""
    from idcforecast._caller import caller_stacklevel
    from idcforecast.errors import MissingFxRateError
    from idcforecast.scenarios._constant_fx import at_constant_rate

    if not isinstance(err, MissingFxRateError):
        return None

    def level_at(rate_year: int) -> float:
        return float(quantity.to(paths.unit, year=rate_year, kw_per_rack=kw_per_rack).value)

    try:
        return at_constant_rate(
            level_at,
            year,
            anchor=None,
            where=where,
            unit=paths.unit,
            instead=f"pass the threshold in {paths.unit!r}",
            stacklevel=caller_stacklevel(),
            figure=quantity,
        )
    except IdcForecastError:
        return None
