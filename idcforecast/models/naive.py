"""Naive (random walk) forecasts: the next year equals the last one."""

from __future__ import annotations

import numpy as np

from idcforecast.models.base import FloatArray, ForecastModel, register_model, sqrt_steps

__all__ = ["Naive"]


@register_model
class Naive(ForecastModel):
    """Random walk: ``y[T+h] = y[T]``; error sigma grows as ``sigma * sqrt(h)``.

    ``sigma`` is the root mean square of the first differences (no drift term), as in
    R's ``forecast::naive``. The benchmark against which OWA is measured (Naive2 equals
    Naive for yearly data).

    Examples
    --------
    >>> model = Naive().fit([100.0, 110.0, 125.0])
    >>> model.predict(2).mean
    array([125., 125.])
    """

    alias = "naive"
    min_obs = 2

    def __init__(self) -> None:
        pass

    def _fit(self, y: FloatArray) -> None:
        diffs = np.diff(y)
        self.sigma_ = float(np.sqrt(np.mean(diffs**2)))

    def _predict_mean_sigma(self, h: int) -> tuple[FloatArray, FloatArray]:
        return np.full(h, self.last_), self.sigma_ * sqrt_steps(h)

    def _simulate(self, h: int, n_paths: int, rng: np.random.Generator) -> FloatArray:
        steps = self.sigma_ * rng.standard_normal((n_paths, h))
        return self.last_ + np.cumsum(steps, axis=1)
