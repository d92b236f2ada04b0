"""The standard Theta method (Assimakopoulos & Nikolopoulos 2000), no seasonality."""

from __future__ import annotations

import numpy as np

from idcforecast.models._ets import error_paths
from idcforecast.models.base import FloatArray, ForecastModel, register_model

__all__ = ["Theta", "ses_fixed_start"]


def ses_fixed_start(y: FloatArray, alpha: FloatArray) -> tuple[FloatArray, FloatArray]:
    """SES with the initial level fixed at ``y[0]``, vectorised over ``alpha``.

    Returns the sum of squared one-step errors and the final level, each of shape
    ``alpha.shape``. (The first error is zero by construction.)

    Examples
    --------
    >>> sse, level = ses_fixed_start(np.array([1.0, 3.0]), np.array([0.5, 1.0]))
    >>> sse.tolist(), level.tolist()
    ([4.0, 4.0], [2.0, 3.0])
    """
    level = np.full(alpha.shape, float(y[0]))
    sse = np.zeros(alpha.shape)
    for value in y[1:].tolist():
        err = value - level
        sse += err * err
        level = level + alpha * err
    return sse, level


def _fit_alpha(y: FloatArray) -> float:
    # 1-D grid, then two zooms: spacing 0.025 -> 1.25e-3 -> 6e-5 (statsmodels agrees to ~1e-4).
    grid = np.linspace(0.0, 1.0, 41)
    spacing = grid[1] - grid[0]
    best = float(grid[int(np.argmin(ses_fixed_start(y, grid)[0]))])
    for _ in range(2):
        grid = np.clip(best + spacing * np.linspace(-1.0, 1.0, 41), 0.0, 1.0)
        best = float(grid[int(np.argmin(ses_fixed_start(y, grid)[0]))])
        spacing = spacing / 20.0
    return best


def _drift_factor(alpha: float, n: int) -> float:
    # (1 - (1 - alpha)^n) / alpha, with its limit n at alpha = 0.
    return float(n) if alpha == 0.0 else (1.0 - (1.0 - alpha) ** n) / alpha


@register_model
class Theta(ForecastModel):
    """Standard Theta method for yearly data (theta = 2, no deseasonalising).

    As Hyndman & Billah (2003) showed, it is simple exponential smoothing with drift equal
    to half the slope ``b0`` of the OLS linear trend:
    ``yhat_{T+h} = l_T + b0 / 2 * (h - 1 + (1 - (1 - alpha)^T) / alpha)``, where ``l_T`` is
    the SES level with ``l_0 = y[0]`` and ``alpha`` minimises the SES sum of squared errors.
    Point forecasts agree with statsmodels'
    ``ThetaModel(y, period=1, deseasonalize=False).fit().forecast(h)`` to about 1e-4
    relative (the two optimisers of ``alpha`` stop at slightly different points; 2e-5 on
    the CIDC series).

    ``sigma_h^2 = sigma^2 (1 + (h - 1) alpha^2)`` (SES with drift), with ``sigma^2`` the mean
    square of the method's own in-sample one-step errors (``T - 3`` degrees of freedom).
    statsmodels instead takes ``sigma^2`` from a separate ARIMA(0,1,1) fit and uses
    ``1 + (h - 1)(1 + (alpha - 1)^2)``, which is not the SES variance.

    Examples
    --------
    >>> model = Theta().fit([100.0, 108.0, 118.0, 125.0, 137.0, 146.0, 155.0, 166.0])
    >>> bool(model.predict(2).mean[1] > 166)
    True
    """

    alias = "theta"
    min_obs = 4

    def __init__(self) -> None:
        pass

    def _fit(self, y: FloatArray) -> None:
        n = y.size
        t = np.arange(n, dtype=np.float64)
        tc = t - t.mean()
        self.b0_ = float(np.dot(tc, y) / np.dot(tc, tc))
        alpha = _fit_alpha(y)
        self.alpha_ = alpha
        _, level = ses_fixed_start(y, np.array([alpha]))
        self.level_ = float(level[0])
        # In-sample one-step errors of the Theta forecast made at t = 1..n-1 (1-based).
        levels = np.empty(n - 1)
        current = float(y[0])
        for i, value in enumerate(y[1:].tolist()):
            levels[i] = current
            current += alpha * (value - current)
        drift = np.array([_drift_factor(alpha, k) for k in range(1, n)])
        self.residuals_ = y[1:] - (levels + 0.5 * self.b0_ * drift)
        self.sigma_ = float(np.sqrt(np.sum(self.residuals_**2) / (n - 3)))

    def _predict_mean_sigma(self, h: int) -> tuple[FloatArray, FloatArray]:
        steps = np.arange(h, dtype=np.float64)
        trend = 0.5 * self.b0_ * (steps + _drift_factor(self.alpha_, self.n_obs_))
        mean = self.level_ + trend
        sigma = self.sigma_ * np.sqrt(1.0 + steps * self.alpha_**2)
        return mean, sigma

    def _simulate(self, h: int, n_paths: int, rng: np.random.Generator) -> FloatArray:
        mean, _ = self._predict_mean_sigma(h)
        c = np.full(h, self.alpha_)
        c[0] = 1.0
        return mean + error_paths(c, self.sigma_, n_paths, rng)
