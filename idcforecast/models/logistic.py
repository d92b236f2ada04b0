"""Logistic (Verhulst) saturation curve: symmetric S-shaped adoption towards a cap."""

from __future__ import annotations

import numpy as np

from idcforecast.models._saturation import SaturationModel
from idcforecast.models.base import FloatArray, register_model

__all__ = ["Logistic"]


@register_model
class Logistic(SaturationModel):
    """Logistic curve ``y = cap / (1 + exp(-(a + b s)))`` fitted to ``log(y)``.

    ``s`` counts years from the last observation. Fitting, bounds and the (delta-method)
    intervals are described in :mod:`idcforecast.models._saturation`, including their
    limits: read them before quoting a cap.

    Parameters
    ----------
    cap
        Known saturation level (same unit as ``y``), above the last observation; ``None``
        estimates it.
    cap_bounds
        ``(low, high)`` multiples of the last observation between which an estimated cap
        must lie.

    Examples
    --------
    >>> s = np.arange(-9, 1)
    >>> y = 500 / (1 + np.exp(-(0.5 + 0.45 * s)))
    >>> model = Logistic().fit(y)
    >>> round(model.cap_, 1), round(model.growth_rate_, 3)
    (500.0, 0.45)
    >>> Logistic(cap=500.0).fit(y).predict(1).mean.round(1)  # 500 / (1 + exp(-0.95))
    array([360.6])
    """

    alias = "logistic"

    @staticmethod
    def _log_shape(x: FloatArray) -> FloatArray:
        return -np.logaddexp(0.0, -x)

    @staticmethod
    def _log_shape_grad(x: FloatArray) -> FloatArray:
        return 1.0 / (1.0 + np.exp(x))

    @staticmethod
    def _linearise(share: FloatArray) -> FloatArray:
        return np.log(share / (1.0 - share))
