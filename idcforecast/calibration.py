"""Prediction intervals calibrated from a series' own rolling-origin errors.

Models' textbook intervals are too narrow on annual data (ETS 95% intervals cover about 84%
of M4 Yearly outcomes). Here the interval width comes from how wrong the method actually was
on the same series, re-fitted at earlier cutoffs ("rolling origin"):

1. For cutoffs ``c = n-1, n-2, ...`` (at most ``max_origins``, each with at least
   ``min_train`` points) fit on ``y[:c]`` and record the errors of steps
   ``1..min(n-c, error_steps)`` (6: the same steps whatever horizon is asked). On a
   positive series the errors are ``log(actual / forecast)`` (relative errors: a market that
   doubled has doubled its errors too); otherwise plain differences. A year whose value was
   published as a bound ("more than 300") is never scored as an actual (``bound=``).
2. Pool all steps with the growth law ``sigma_h = s * g(h)``,
   ``g(h) = ((h + offset) / (1 + offset)) ** growth``: the per-series scale is
   ``s^2 = mean((e_{c,h} / g(h)) ** 2)`` over the available errors.
3. Shrink ``s^2`` toward a prior (from the series' own first differences on the same
   scale: their spread and 1.5 times their mean, see :func:`prior_sigma`, so a fast,
   steadily growing market gets a prior of 1.5 times its growth rate: a wrong trend is the
   typical error there) with weight ``prior_weight`` pseudo-errors: short series lean on the
   prior.
4. Interval at level L: ``mean * exp(+/- q_L * sigma_h)`` (log) or ``mean +/- q_L *
   sigma_h`` (level), with ``q_L = spread * t_quantile(L, tail_df)``: standardised errors
   are heavier-tailed than normal, so a scaled Student t fits both 80% and 95%.

The constants in :data:`DEFAULT_SETTINGS` and :data:`PRIOR_TREND_WEIGHT` were tuned by
``benchmarks/tune_calibration.py`` on data that M3 Yearly's test years never touch (the
eight tuning sets of ``benchmarks/tune_auto.py``: M1 Yearly and Tourism Yearly test periods,
M3 Yearly training periods split in-sample, and quarterly/monthly competition series summed
to annual totals), for coverage across series lengths and horizons, not only pooled. With
``growth`` 0.5 and ``offset`` 0 the error scale grows like ``sqrt(h)`` (a random walk's).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from idcforecast._wording import counted
from idcforecast.errors import ModelError
from idcforecast.models.base import normal_quantile

__all__ = [
    "DEFAULT_SETTINGS",
    "PRIOR_TREND_WEIGHT",
    "CalibrationSettings",
    "calibrated_sigma",
    "interval_bounds",
    "origin_cutoffs",
    "origin_errors",
    "prior_sigma",
    "rolling_origin_errors",
    "t_quantile",
]

FloatArray = np.ndarray
PointForecaster = Callable[[np.ndarray, int], np.ndarray]


@lru_cache(maxsize=256)  # called for every forecast; the same few (level, df) pairs
def t_quantile(level: float, df: float) -> float:
    """Two-sided Student-t quantile for a central ``level`` % interval (normal if df=inf).

    Examples
    --------
    >>> round(t_quantile(95, 4.0), 4)
    2.7764
    """
    if np.isinf(df):
        return normal_quantile(level)
    if df == 4.0 and 0.0 < level < 100.0:  # the default tail_df: no scipy.special to import
        return _t4_quantile(0.5 + level / 200.0)
    from scipy.special import stdtrit

    return float(stdtrit(df, 0.5 + level / 200.0))


def _t4_quantile(p: float) -> float:
    """The Student-t quantile at probability ``p`` with 4 degrees of freedom, in closed
    form: with ``a = 4 p (1 - p)`` and ``c = cos(arccos(sqrt(a)) / 3) / sqrt(a)``, it is
    ``sign(p - 1/2) * 2 * sqrt(c - 1)``, the exact inverse of the t(4) distribution function
    (solving its cubic in closed form); ``scipy.special.stdtrit(4, p)`` gives the same bits
    (``tests/test_calibration.py``).

    Examples
    --------
    >>> round(_t4_quantile(0.975), 6), round(_t4_quantile(0.9), 6)  # tables: 2.776, 1.533
    (2.776445, 1.533206)
    """
    root = math.sqrt(4.0 * p * (1.0 - p))
    c = math.cos(math.acos(root) / 3.0) / root
    return math.copysign(2.0 * math.sqrt(c - 1.0), p - 0.5)


@dataclass(frozen=True)
class CalibrationSettings:
    """Constants of the calibration (see the module docstring).

    Attributes
    ----------
    growth, offset
        The error growth law ``sigma_h = s * ((h + offset) / (1 + offset)) ** growth``
        (``growth`` 0.5 = random walk, 1.0 = a wrong trend; ``offset`` > 0 flattens the
        growth over the first steps, where a level error dominates).
    prior_weight
        Pseudo-errors given to the prior scale when shrinking the empirical one.
    max_origins
        Most cutoffs re-fitted per series (the latest ones).
    error_steps
        Steps ahead whose rolling-origin errors are pooled, whatever horizon is asked (the
        constants were tuned with 6), so a year's interval does not change with the horizon
        requested: the forecast to 2030 and the one to 2026 agree on 2024-2026.
    min_train
        Fewest points a rolling-origin fit may use.
    tail_df, spread
        Standardised errors ``e_h / sigma_h`` are modelled as ``spread * t(tail_df)``:
        pooled rolling-origin errors have heavier tails than a normal, so the 95% interval
        is relatively wider than the 80% one. Level ``L`` uses
        ``q_L = spread * t_quantile(L, tail_df)``.
    """

    growth: float = 0.5
    offset: float = 0.0
    prior_weight: float = 2.0
    max_origins: int = 8
    error_steps: int = 6
    min_train: int = 4
    tail_df: float = 4.0
    spread: float = 0.851

    def quantile(self, level: float) -> float:
        """Multiplier ``q`` of ``sigma`` for the central ``level`` % interval."""
        return self.spread * t_quantile(level, self.tail_df)


DEFAULT_SETTINGS = CalibrationSettings()
PRIOR_TREND_WEIGHT = 1.5


def rolling_origin_errors(
    y: np.ndarray,
    point_forecast: PointForecaster,
    *,
    horizon: int,
    log: bool,
    settings: CalibrationSettings = DEFAULT_SETTINGS,
) -> np.ndarray:
    """Errors of ``point_forecast`` re-fitted at the latest cutoffs of ``y``.

    Parameters
    ----------
    y
        Consecutive observations.
    point_forecast
        ``f(y_train, h) -> mean`` of shape ``(h,)``.
    horizon
        Longest step recorded.
    log
        Record ``log(actual / forecast)`` (needs positive values and forecasts) instead of
        ``actual - forecast``.

    Returns
    -------
    ndarray
        Shape ``(n_origins, horizon)``; row ``i`` is cutoff ``n - 1 - i``; NaN where the
        actual is not observed (or a log forecast was not positive).

    Examples
    --------
    >>> y = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 7.0])
    >>> naive = lambda train, h: np.full(h, train[-1])
    >>> rolling_origin_errors(y, naive, horizon=2, log=False)
    array([[ 2., nan],
           [ 1.,  3.]])
    """
    n = int(y.size)
    forecasts = [
        np.asarray(point_forecast(y[:cut], min(horizon, n - cut)), dtype=np.float64)
        for cut in origin_cutoffs(n, settings=settings)
    ]
    return origin_errors(y, forecasts, horizon=horizon, log=log, settings=settings)


def origin_cutoffs(n_obs: int, *, settings: CalibrationSettings = DEFAULT_SETTINGS) -> list[int]:
    """Rolling-origin cutoffs of a series of ``n_obs`` points, latest first.

    Cutoff ``c`` fits on the first ``c`` points; the cutoffs run ``n_obs - 1`` down to
    ``max(min_train, n_obs - max_origins)`` (none when that is above ``n_obs - 1``).

    Examples
    --------
    >>> origin_cutoffs(12), origin_cutoffs(6), origin_cutoffs(4)
    ([11, 10, 9, 8, 7, 6, 5, 4], [5, 4], [])
    """
    lowest = max(settings.min_train, n_obs - settings.max_origins)
    return list(range(n_obs - 1, lowest - 1, -1))


def origin_errors(
    y: np.ndarray,
    forecasts: Sequence[np.ndarray] | np.ndarray,
    *,
    horizon: int,
    log: bool,
    settings: CalibrationSettings = DEFAULT_SETTINGS,
    observed: np.ndarray | None = None,
    bound: np.ndarray | None = None,
) -> np.ndarray:
    """:func:`rolling_origin_errors` from forecasts already made at each cutoff.

    ``forecasts[i]`` is the forecast made at cutoff ``origin_cutoffs(y.size)[i]``, with at
    least ``min(horizon, y.size - cutoff)`` steps (extra steps are ignored), e.g. from
    :func:`idcforecast.auto_kernel.auto_point_many` for all cutoffs at once.

    ``observed``: boolean mask of ``y`` (None: all observed) when some values were filled
    in by a gap policy. A filled year is never scored as an actual, and a cutoff whose last
    training value was filled gives no errors at all: that value was interpolated towards
    the next observed one, the very actual it would be scored on (a look-ahead).

    Examples
    --------
    >>> y = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 7.0])
    >>> origin_errors(y, [np.full(2, 5.0), np.full(2, 4.0)], horizon=2, log=False)
    array([[ 2., nan],
           [ 1.,  3.]])
    >>> seen = np.array([True, True, True, True, False, True])  # y[4] was filled
    >>> origin_errors(
    ...     y, [np.full(2, 5.0), np.full(2, 4.0)], horizon=2, log=False, observed=seen
    ... )
    array([[nan, nan],
           [nan,  3.]])
    >>> more_than = np.array([False, False, False, False, False, True])  # y[5] a bound
    >>> origin_errors(
    ...     y, [np.full(2, 5.0), np.full(2, 4.0)], horizon=2, log=False, bound=more_than
    ... )
    array([[nan, nan],
           [ 1., nan]])
    """
    n = int(y.size)
    cutoffs, index, in_range, clipped = _origin_table(n, horizon, settings)
    if len(forecasts) != len(cutoffs):
        raise ModelError(
            f"origin_errors: got {counted(len(forecasts), 'forecast')} for the "
            f"{counted(len(cutoffs), 'cutoff')} {list(cutoffs)} of a series of "
            f"{counted(n, 'point')}; pass one forecast per cutoff, latest first",
        )
    # one pass over a (cutoffs x horizon) table; cells past the last observation are NaN
    actual = y[clipped] if n else np.zeros(index.shape)
    if isinstance(forecasts, np.ndarray) and forecasts.ndim == 2:
        mean = forecasts[:, :horizon]  # e.g. rows of auto_point_many, all `horizon` long
    else:
        mean = np.ones(index.shape)
        for row, forecast in enumerate(forecasts):
            steps = min(horizon, n - cutoffs[row])
            mean[row, :steps] = np.asarray(forecast, dtype=np.float64)[:steps]
    if log:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            errors = np.log(actual / mean)
        errors[~np.isfinite(errors)] = np.nan
    else:
        errors = actual - mean
    errors[~in_range] = np.nan
    if observed is not None:
        seen = np.asarray(observed, dtype=bool)
        if seen.shape != (n,):
            raise ModelError(
                f"origin_errors: observed has shape {seen.shape}; expected ({n},), one flag "
                "per value of y",
            )
        if not seen.all():
            errors[~seen[clipped]] = np.nan  # filled actuals
            errors[~seen[np.asarray(cutoffs, dtype=np.int64) - 1]] = np.nan  # filled origins
    if bound is not None:
        stated = np.asarray(bound, dtype=bool)
        if stated.shape != (n,):
            raise ModelError(
                f"origin_errors: bound has shape {stated.shape}; expected ({n},), one flag "
                "per value of y",
            )
        errors[stated[clipped]] = np.nan  # an actual published as a bound is no number
    return errors


@lru_cache(maxsize=1024)  # a batch asks for the same few (length, horizon) tables
def _origin_table(
    n: int, horizon: int, settings: CalibrationSettings
) -> tuple[tuple[int, ...], np.ndarray, np.ndarray, np.ndarray]:
    """Cutoffs of a series of ``n`` points, the (cutoffs x horizon) index of each forecast
    step's actual, which cells are inside the series, and the index clipped to it."""
    cutoffs = tuple(origin_cutoffs(n, settings=settings))
    index = np.asarray(cutoffs, dtype=np.int64).reshape(-1, 1) + np.arange(horizon)
    in_range = index < n
    clipped = np.minimum(index, max(n - 1, 0))
    for table in (index, in_range, clipped):
        table.setflags(write=False)  # shared by every caller
    return cutoffs, index, in_range, clipped


def prior_sigma(
    y: np.ndarray,
    *,
    log: bool,
    trend_weight: float | None = None,
    observed: np.ndarray | None = None,
) -> float:
    """Prior one-step scale from the first differences (on logs when ``log``).

    ``sqrt(var(d) + (trend_weight * mean(d)) ** 2)`` of the differences ``d``: with
    ``trend_weight`` 1 this is their RMS, the one-step error scale of a naive forecast, so a
    steadily growing series gets a prior as large as its growth rate (a wrong trend is the
    typical error there); 0 gives the spread of the growth rates alone (far too small for a
    smooth but fast growing market). The default, :data:`PRIOR_TREND_WEIGHT` = 1.5, counts
    one and a half times the growth rate (tuned with the other constants). With two points
    the one change stands for the spread too (``|d| * sqrt(1 + trend_weight ** 2)``: a
    single step says how large steps are, not that they never vary); 0 with one point.

    ``observed``: boolean mask of ``y`` (None: all observed). Filled values are left out:
    a change over ``g`` years between observed values counts as the rate ``d = change / g``
    with weight ``g`` in the variance (a random walk's ``g``-year change has ``g`` times
    the variance of a one-year one), so filled years, smooth by construction, do not shrink
    the prior. Without gaps this is the formula above; with two observed values their one
    rate ``d`` over ``g`` years gives ``|d| * sqrt(g + trend_weight ** 2)`` (the one-change
    rule, span-weighted); 0 with one.

    Examples
    --------
    >>> y = np.array([100.0, 110.0, 121.0, 133.1])  # +10% a year: log growth 0.09531
    >>> round(prior_sigma(y, log=True, trend_weight=1), 6), round(prior_sigma(y, log=True), 6)
    (0.09531, 0.142965)
    >>> round(prior_sigma(y[:2], log=False, trend_weight=1), 4)  # one change of 10: 10 * sqrt(2)
    14.1421
    >>> z = np.array([1.0, 3.0, 4.0, 6.0, 9.0])  # z[2] filled: rates 2, 1.5 (2 years), 3
    >>> seen = np.array([True, True, False, True, True])  # mean (9 - 1) / 4 = 2
    >>> # var = (1 * 0 ** 2 + 2 * 0.5 ** 2 + 1 * 1 ** 2) / 3 = 0.5
    >>> round(prior_sigma(z, log=False, trend_weight=0, observed=seen), 6)  # sqrt(0.5)
    0.707107
    """
    weight = PRIOR_TREND_WEIGHT if trend_weight is None else float(trend_weight)
    values = np.log(y) if log else np.asarray(y, dtype=np.float64)
    if observed is None or np.all(observed):
        diffs = values[1:] - values[:-1]  # np.diff, without its checks
        if diffs.size == 1:  # one change: it stands for the spread of changes too
            return float(abs(diffs[0]) * np.sqrt(1.0 + weight**2))
        if diffs.size < 2:
            return 0.0
        # numpy's own sums (pairwise, as mean() does) divided by the count: mean() exactly
        mean = float(diffs.sum() / diffs.size)
        spread = float(((diffs - mean) ** 2).sum() / diffs.size)
        return math.sqrt(spread + (weight * mean) ** 2)
    where = np.flatnonzero(np.asarray(observed, dtype=bool))
    if where.size == 2:
        # one change over g years, as one change without a gap: it stands for the spread
        # too, span-weighted (a g-year change has g times a year's variance). Was 0: a naive
        # forecast of 100 (2020), 150 (2022) had zero-width intervals and a note saying the
        # history never changed
        g = float(where[1] - where[0])
        rate = float(values[where[1]] - values[where[0]]) / g
        return abs(rate) * math.sqrt(g + weight**2)
    if where.size < 3:
        return 0.0
    spans = np.diff(where).astype(np.float64)
    rates = np.diff(values[where]) / spans
    mean = float((values[where[-1]] - values[where[0]]) / (where[-1] - where[0]))
    return float(np.sqrt(np.mean(spans * (rates - mean) ** 2) + (weight * mean) ** 2))


def calibrated_sigma(
    errors: np.ndarray,
    *,
    horizon: int,
    prior: float,
    settings: CalibrationSettings = DEFAULT_SETTINGS,
) -> np.ndarray:
    """Per-step sigma ``s * h ** growth`` from pooled rolling-origin ``errors``.

    Examples
    --------
    >>> errs = np.array([[0.1, 0.2], [-0.1, np.nan]])
    >>> settings = CalibrationSettings(growth=1.0, offset=0.0, prior_weight=0.0)
    >>> calibrated_sigma(errs, horizon=3, prior=0.5, settings=settings).round(3)
    array([0.1, 0.2, 0.3])
    """
    steps = _growth_law(errors.shape[1], settings)
    scaled = (errors / steps)[np.isfinite(errors)]
    k = scaled.size
    w = settings.prior_weight
    total = k + w
    s2 = (float((scaled**2).sum()) + w * prior**2) / total if total > 0 else prior**2
    return np.sqrt(s2) * _growth_law(horizon, settings)


@lru_cache(maxsize=256)  # called twice per forecast with the same few arguments
def _growth_law(horizon: int, settings: CalibrationSettings) -> np.ndarray:
    steps = np.arange(1, horizon + 1, dtype=np.float64)
    law = ((steps + settings.offset) / (1.0 + settings.offset)) ** settings.growth
    law.setflags(write=False)  # shared by every caller
    return law


def interval_bounds(
    mean: np.ndarray,
    sigma: np.ndarray,
    *,
    level: float,
    log: bool,
    settings: CalibrationSettings = DEFAULT_SETTINGS,
) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper bounds of the central ``level`` % interval.

    Examples
    --------
    >>> normal = CalibrationSettings(tail_df=float("inf"), spread=1.0)
    >>> lo, hi = interval_bounds(
    ...     np.array([100.0]), np.array([0.1]), level=95, log=True, settings=normal
    ... )
    >>> lo.round(2), hi.round(2)  # 100 * exp(-/+ 1.96 * 0.1)
    (array([82.2]), array([121.65]))
    """
    q = settings.quantile(level)
    if log:
        return mean * np.exp(-q * sigma), mean * np.exp(q * sigma)
    return mean - q * sigma, mean + q * sigma
