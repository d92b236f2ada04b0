"""Random walk with drift: the average historical change, continued."""

from __future__ import annotations

import numpy as np

from idcforecast.models._logscale import LogScaleMixin
from idcforecast.models.base import FloatArray, ForecastModel, register_model

__all__ = ["Drift", "DriftLog"]


@register_model
class Drift(ForecastModel):
    """Random walk with drift, as R's ``forecast::rwf(drift = TRUE)``.

    ``drift = (y[T] - y[1]) / (T - 1)``; forecasts ``y[T] + h * drift``; the error variance
    adds the drift's estimation error: ``sigma^2 * h * (1 + h / (T - 1))``, with ``sigma``
    the standard deviation of the first differences (``T - 2`` degrees of freedom).

    Examples
    --------
    >>> model = Drift().fit([100.0, 110.0, 130.0])
    >>> model.predict(2).mean
    array([145., 160.])
    """

    alias = "drift"
    min_obs = 3

    def __init__(self) -> None:
        pass

    def _fit(self, y: FloatArray) -> None:
        diffs = np.diff(y)
        self.drift_ = float(diffs.mean())
        self.sigma_ = float(diffs.std(ddof=1))

    def _predict_mean_sigma(self, h: int) -> tuple[FloatArray, FloatArray]:
        steps = np.arange(1, h + 1, dtype=np.float64)
        mean = self.last_ + steps * self.drift_
        n_diffs = self.n_obs_ - 1
        sigma = self.sigma_ * np.sqrt(steps * (1.0 + steps / n_diffs))
        return mean, sigma

    def _simulate(self, h: int, n_paths: int, rng: np.random.Generator) -> FloatArray:
        # Drift uncertainty: one draw per path of the estimated drift, then a random walk.
        n_diffs = self.n_obs_ - 1
        drift = self.drift_ + self.sigma_ / np.sqrt(n_diffs) * rng.standard_normal((n_paths, 1))
        steps = drift + self.sigma_ * rng.standard_normal((n_paths, h))
        return self.last_ + np.cumsum(steps, axis=1)


@register_model
class DriftLog(LogScaleMixin, ForecastModel):
    """Random walk with drift on the logarithms: the average growth rate, compounded.

    ``g = (log y[T] - log y[1]) / (T - 1)`` (so ``exp(g) - 1`` is the historical CAGR);
    median forecasts ``y[T] * exp(h g)``; log-scale ``sigma_h`` as in :class:`Drift`:
    ``s * sqrt(h (1 + h / (T - 1)))`` with ``s`` the standard deviation of the log growth
    rates. The natural "the CAGR continues" baseline for market series; positive values
    only.

    Examples
    --------
    >>> model = DriftLog().fit([100.0, 110.0, 121.0])
    >>> round(model.growth_, 6), model.predict(1).mean.round(2)
    (0.1, array([133.1]))
    """

    alias = "drift_log"
    min_obs = 3

    def __init__(self) -> None:
        pass

    def _fit(self, y: FloatArray) -> None:
        diffs = np.diff(np.log(y))
        self.drift_ = float(diffs.mean())
        self.growth_ = float(np.expm1(self.drift_))
        self.sigma_ = float(diffs.std(ddof=1))

    def _log_mean_sigma(self, h: int) -> tuple[FloatArray, FloatArray]:
        steps = np.arange(1, h + 1, dtype=np.float64)
        mu = np.log(self.last_) + steps * self.drift_
        return mu, self.sigma_ * np.sqrt(steps * (1.0 + steps / (self.n_obs_ - 1)))

    def _log_errors(self, h: int, n_paths: int, rng: np.random.Generator) -> FloatArray:
        n_diffs = self.n_obs_ - 1
        drift_err = self.sigma_ / np.sqrt(n_diffs) * rng.standard_normal((n_paths, 1))
        steps = drift_err + self.sigma_ * rng.standard_normal((n_paths, h))
        return np.cumsum(steps, axis=1)
