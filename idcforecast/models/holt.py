"""Holt's linear trend, ETS(A,A,N): a level and a trend that both adapt."""

from __future__ import annotations

from idcforecast.models._ets import EtsModelBase
from idcforecast.models.base import register_model

__all__ = ["Holt"]


@register_model
class Holt(EtsModelBase):
    """Holt's linear trend method with additive errors (ETS(A,A,N)).

    ``l_t = l_{t-1} + b_{t-1} + alpha e_t``, ``b_t = b_{t-1} + beta e_t``; forecasts
    ``l_T + h b_T``; ``sigma_h^2 = sigma^2 (1 + sum_{j<h} (alpha + beta j)^2)``. Maximum
    likelihood with statsmodels' bounds (``beta < alpha``). An undamped trend extrapolates
    without limit: on M3 yearly it is the weakest of the smoothing methods (sMAPE 20.0);
    prefer ``damped`` unless a steady trend is known.

    Examples
    --------
    >>> model = Holt().fit([100.0, 110.0, 121.0, 130.0, 141.0, 150.0])
    >>> bool(model.predict(2).mean[1] > 150)
    True
    """

    alias = "holt"
    min_obs = 5

    def __init__(self) -> None:
        pass

    _trend = True
