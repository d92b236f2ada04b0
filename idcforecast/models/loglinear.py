"""Constant-growth trend: ordinary least squares of ``log(y)`` on time."""

from __future__ import annotations

import numpy as np

from idcforecast.models._logscale import LogScaleMixin
from idcforecast.models.base import FloatArray, ForecastModel, register_model

__all__ = ["LogLinear"]


@register_model
class LogLinear(LogScaleMixin, ForecastModel):
    """Log-linear (exponential, constant-growth) trend.

    Fits ``log(y_t) = a + b t + e_t`` by OLS (``t = 0..T-1``), so the implied annual growth
    rate is ``exp(b) - 1``. The point forecast is the median ``exp(a + b (T-1+h))`` (see
    :mod:`idcforecast.models._logscale` for why not the mean). ``sigma_h`` is the standard
    error of a new observation in linear regression, on the log scale:
    ``s * sqrt(1 + 1/T + (t* - tbar)^2 / Sxx)`` with ``s^2 = RSS / (T - 2)``, so the
    intervals include the uncertainty of the fitted growth rate. Intervals use normal
    quantiles like every model here (the exact regression interval uses Student's t with
    ``T - 2`` degrees of freedom and is wider for very short series; the front door
    recalibrates widths from rolling-origin errors).

    Honest limits: errors are assumed independent around a fixed trend, so for series that
    wander like a random walk the intervals are too narrow at long horizons.

    Examples
    --------
    >>> model = LogLinear().fit([100.0, 110.0, 121.0, 133.1])
    >>> round(model.growth_, 4)
    0.1
    >>> model.predict(1).mean.round(2)
    array([146.41])
    """

    alias = "loglinear"
    min_obs = 3

    def __init__(self) -> None:
        pass

    def _fit(self, y: FloatArray) -> None:
        z = np.log(y)
        n = z.size
        t = np.arange(n, dtype=np.float64)
        tbar = t.mean()
        sxx = float(np.sum((t - tbar) ** 2))
        slope = float(np.sum((t - tbar) * (z - z.mean())) / sxx)
        intercept = float(z.mean() - slope * tbar)
        resid = z - (intercept + slope * t)
        self.intercept_ = intercept
        self.slope_ = slope
        self.growth_ = float(np.expm1(slope))
        self.sigma_ = float(np.sqrt(np.sum(resid**2) / (n - 2)))
        self.residuals_ = resid
        self._tbar = float(tbar)
        self._sxx = sxx

    def _future_t(self, h: int) -> FloatArray:
        return self.n_obs_ - 1 + np.arange(1, h + 1, dtype=np.float64)

    def _log_mean_sigma(self, h: int) -> tuple[FloatArray, FloatArray]:
        t = self._future_t(h)
        mu = self.intercept_ + self.slope_ * t
        lever = 1.0 + 1.0 / self.n_obs_ + (t - self._tbar) ** 2 / self._sxx
        return mu, self.sigma_ * np.sqrt(lever)

    def _log_errors(self, h: int, n_paths: int, rng: np.random.Generator) -> FloatArray:
        # One draw of the fitted level (at tbar) and slope per path, plus independent noise:
        # the same three independent variance terms as the regression prediction error.
        t = self._future_t(h)
        level_err = self.sigma_ / np.sqrt(self.n_obs_) * rng.standard_normal((n_paths, 1))
        slope_err = self.sigma_ / np.sqrt(self._sxx) * rng.standard_normal((n_paths, 1))
        noise = self.sigma_ * rng.standard_normal((n_paths, h))
        return level_err + slope_err * (t - self._tbar) + noise
