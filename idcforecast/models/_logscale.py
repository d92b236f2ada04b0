"""Shared behaviour of models fitted on logarithms (``scale = "log"``).

A log model works on ``z = log(y)``: its forecast error is Gaussian on the log scale with
mean ``mu_h`` and standard deviation ``sigma_h``. The point forecast it reports is the
**median** ``exp(mu_h)`` (not the mean ``exp(mu_h + sigma_h**2 / 2)``): the median is what
minimises absolute errors (sMAPE, MASE), it is what R's ``forecast`` returns by default
(``biasadj = FALSE``), and the expected value can always be derived from ``mean`` and
``sigma``. Intervals are ``mean * exp(-/+ z * sigma)``, so they are never negative.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from idcforecast.models.base import FloatArray

__all__ = ["LogScaleMixin"]


class LogScaleMixin:
    """Mixin for :class:`~idcforecast.models.base.ForecastModel` subclasses fitted on logs.

    Subclasses implement ``_log_mean_sigma(h)`` (log-scale mean and sigma) and
    ``_log_errors(h, n_paths, rng)`` (zero-mean log-scale error paths whose per-step
    standard deviation is ``sigma``).
    """

    _scale: ClassVar[str] = "log"
    requires_positive: ClassVar[bool] = True

    # Subclasses provide _log_mean_sigma and _log_errors (not declared here so that the
    # mixin can sit first in the MRO without shadowing a parent's implementation).
    def _predict_mean_sigma(self, h: int) -> tuple[FloatArray, FloatArray]:
        mu, sigma = self._log_mean_sigma(h)  # type: ignore[attr-defined]
        # an overflow is inf, which the caller turns into a typed error naming the step
        # (finish_forecast); numpy's "overflow encountered in exp" warned beside it
        with np.errstate(over="ignore"):
            return np.exp(mu), sigma

    def _interval(
        self, mean: FloatArray, sigma: FloatArray, z: float
    ) -> tuple[FloatArray, FloatArray]:
        return mean * np.exp(-z * sigma), mean * np.exp(z * sigma)

    def _simulate(self, h: int, n_paths: int, rng: np.random.Generator) -> FloatArray:
        mu, _ = self._log_mean_sigma(h)  # type: ignore[attr-defined]
        return np.exp(mu + self._log_errors(h, n_paths, rng))  # type: ignore[attr-defined]
