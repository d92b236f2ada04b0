"""Simple exponential smoothing, ETS(A,N,N): a level that follows the data, no trend."""

from __future__ import annotations

from idcforecast.models._ets import EtsModelBase
from idcforecast.models.base import register_model

__all__ = ["SES"]


@register_model
class SES(EtsModelBase):
    """Simple exponential smoothing with additive errors (ETS(A,N,N)).

    ``l_t = l_{t-1} + alpha e_t``; flat forecasts ``l_T``; ``sigma_h^2 =
    sigma^2 (1 + (h - 1) alpha^2)``. ``alpha`` and ``l0`` are the maximum-likelihood
    estimates (the same optimum as statsmodels' ``ETSModel(y, error="add")``), found by
    the fast profiled search of :mod:`idcforecast.models._ets`.

    Examples
    --------
    >>> model = SES().fit([100.0, 104.0, 101.0, 103.0, 102.0, 104.0])
    >>> bool(0 < model.alpha_ < 1), model.predict(3).mean.shape
    (True, (3,))
    """

    alias = "ses"
    min_obs = 3

    def __init__(self) -> None:
        pass
