"""Prediction intervals calibrated from a series' own rolling-origin errors.

Models' textbook intervals are too narrow on annual data (ETS 95% intervals cover about 84%
of M4 Yearly outcomes). Here the interval width comes from how wrong the method actually was
on the same series, re-fitted at earlier cutoffs ("rolling origin"):

1. For cutoffs ``c = n-1, n-2, ...`` (at most ``max_origins``, each with at least
   ``min_train`` points) fit on ``y[:c]`` and record the errors of steps ``1..n-c``. On a
   positive series the errors are ``log(actual / forecast)`` (relative errors: a market that
   doubled has doubled its errors too); otherwise plain differences.
2. Pool all steps with the growth law ``sigma_h = s * h ** growth``: the per-series scale is
   ``s^2 = mean((e_{c,h} / h ** growth) ** 2)`` over the available errors.
3. Shrink ``s^2`` toward a prior (the spread of the series' own first differences, on the same
   scale) with weight ``prior_weight`` pseudo-errors: short series lean on the prior.
4. Interval at level L: ``mean * exp(+/- k_L * z_L * sigma_h)`` (log) or
   ``mean +/- k_L * z_L * sigma_h`` (level), ``z_L`` the normal quantile and ``k_L`` a
   widening factor for the heavy tails of pooled errors.

The constants in :data:`DEFAULT_SETTINGS` were tuned on data that M3 Yearly's test years
never touch (M1 Yearly and Tourism Yearly test periods, and M3 Yearly training periods split
in-sample); see ``benchmarks/m3_yearly.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from idcforecast.models.base import normal_quantile

__all__ = [
    "DEFAULT_SETTINGS",
    "CalibrationSettings",
    "calibrated_sigma",
    "interval_bounds",
    "prior_sigma",
    "rolling_origin_errors",
]

FloatArray = np.ndarray
PointForecaster = Callable[[np.ndarray, int], np.ndarray]


@dataclass(frozen=True)
class CalibrationSettings:
    """Constants of the calibration (see the module docstring).

    Attributes
    ----------
    growth
        Exponent of the error growth law ``sigma_h = s * h ** growth`` (0.5 = random walk,
        1.0 = a wrong trend).
    prior_weight
        Pseudo-errors given to the prior scale when shrinking the empirical one.
    max_origins
        Most cutoffs re-fitted per series (the latest ones).
    min_train
        Fewest points a rolling-origin fit may use.
    widen
        ``level -> k``: multiplier of the normal quantile (heavy tails); levels not listed
        are interpolated linearly in the normal quantile between listed ones.
    """

    growth: float = 1.0
    prior_weight: float = 4.0
    max_origins: int = 8
    min_train: int = 4
    widen: tuple[tuple[float, float], ...] = ((80.0, 1.0), (95.0, 1.0))

    def widen_factor(self, level: float) -> float:
        """The widening factor ``k`` for ``level`` (percent)."""
        levels = np.array([lv for lv, _ in self.widen])
        factors = np.array([k for _, k in self.widen])
        zs = np.array([normal_quantile(lv) for lv in levels])
        return float(np.interp(normal_quantile(level), zs, factors))


DEFAULT_SETTINGS = CalibrationSettings()


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
    cutoffs = list(range(n - 1, max(settings.min_train, n - settings.max_origins) - 1, -1))
    errors = np.full((len(cutoffs), horizon), np.nan)
    for row, cut in enumerate(cutoffs):
        steps = min(horizon, n - cut)
        mean = np.asarray(point_forecast(y[:cut], steps), dtype=np.float64)
        actual = y[cut : cut + steps]
        if log:
            with np.errstate(divide="ignore", invalid="ignore"):
                err = np.log(actual / mean)
            err[~np.isfinite(err)] = np.nan
        else:
            err = actual - mean
        errors[row, :steps] = err
    return errors


def prior_sigma(y: np.ndarray, *, log: bool) -> float:
    """Prior one-step scale: RMS deviation of the first differences from their mean.

    On logs when ``log`` (growth-rate volatility); 0 when fewer than three points.

    Examples
    --------
    >>> round(prior_sigma(np.array([100.0, 110.0, 121.0, 133.1]), log=True), 6)
    0.0
    """
    values = np.log(y) if log else y
    diffs = np.diff(values)
    if diffs.size < 2:
        return 0.0
    return float(np.sqrt(np.mean((diffs - diffs.mean()) ** 2)))


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
    >>> settings = CalibrationSettings(growth=1.0, prior_weight=0.0)
    >>> calibrated_sigma(errs, horizon=3, prior=0.5, settings=settings).round(3)
    array([0.1, 0.2, 0.3])
    """
    steps = np.arange(1, errors.shape[1] + 1, dtype=np.float64) ** settings.growth
    scaled = (errors / steps)[np.isfinite(errors)]
    k = scaled.size
    w = settings.prior_weight
    total = k + w
    s2 = (float(np.sum(scaled**2)) + w * prior**2) / total if total > 0 else prior**2
    s = np.sqrt(s2)
    return s * np.arange(1, horizon + 1, dtype=np.float64) ** settings.growth


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
    >>> lo, hi = interval_bounds(np.array([100.0]), np.array([0.1]), level=95, log=True)
    >>> lo.round(2), hi.round(2)
    (array([82.2]), array([121.65]))
    """
    q = settings.widen_factor(level) * normal_quantile(level)
    if log:
        return mean * np.exp(-q * sigma), mean * np.exp(q * sigma)
    return mean - q * sigma, mean + q * sigma
