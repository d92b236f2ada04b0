"""Gompertz saturation curve: fast early growth, a long slow approach to the cap."""

from __future__ import annotations

import numpy as np

from idcforecast.models._saturation import SaturationModel
from idcforecast.models.base import FloatArray, register_model

__all__ = ["Gompertz"]


@register_model
class Gompertz(SaturationModel):
    """Gompertz curve ``y = cap * exp(-exp(-(a + b s)))`` fitted to ``log(y)``.

    Asymmetric: the inflection comes at ``1/e`` (37%) of the cap, against 50% for the
    logistic, so the approach to saturation is slower. On the log scale the curve is
    ``log cap - exp(-(a + b s))``: the growth rate of ``y`` decays geometrically by
    ``exp(-b)`` a year. Fitting and intervals as in :mod:`idcforecast.models._saturation`.

    Parameters
    ----------
    cap
        Known saturation level above the last observation; ``None`` estimates it.
    cap_bounds
        ``(low, high)`` multiples of the last observation for an estimated cap.

    Examples
    --------
    >>> s = np.arange(-11, 1)
    >>> y = 800 * np.exp(-np.exp(-(0.3 + 0.25 * s)))
    >>> model = Gompertz().fit(y)
    >>> round(model.cap_, 1), round(model.growth_rate_, 3)
    (800.0, 0.25)
    """

    alias = "gompertz"

    @staticmethod
    def _log_shape(x: FloatArray) -> FloatArray:
        return -np.exp(-x)

    @staticmethod
    def _log_shape_grad(x: FloatArray) -> FloatArray:
        return np.exp(-x)

    @staticmethod
    def _linearise(share: FloatArray) -> FloatArray:
        return -np.log(-np.log(share))
