"""Damped-trend exponential smoothing, ETS(A,Ad,N), on values or on logarithms."""

from __future__ import annotations

from idcforecast.errors import ModelError
from idcforecast.models._ets import PHI_BOUNDS, EtsModelBase
from idcforecast.models._logscale import LogScaleMixin
from idcforecast.models.base import register_model

__all__ = ["Damped", "DampedLog"]


@register_model
class Damped(EtsModelBase):
    """Additive damped-trend exponential smoothing (ETS(A,Ad,N), Gardner & McKenzie).

    ``l_t = l_{t-1} + phi b_{t-1} + alpha e_t``, ``b_t = phi b_{t-1} + beta e_t``;
    forecasts ``l_T + (phi + ... + phi^h) b_T``, so the trend fades instead of running on;
    ``sigma_h^2 = sigma^2 (1 + sum_{j<h} (alpha + beta (phi + ... + phi^j))^2)``
    (Hyndman et al. 2008, class 1). Maximum likelihood with statsmodels' bounds
    (``alpha`` in [1e-4, 0.9999], ``beta < alpha``, ``phi`` in [0.8, 0.98]); the fit is a
    vectorised grid-and-zoom search with the initial states profiled out exactly (about
    1-3 ms, against ~30-300 ms for statsmodels' ``ETSModel``, and the same optimum to
    ~1e-5 in SSE: see ``benchmarks/models_speed.py`` and the tests).

    Parameters
    ----------
    phi
        Fixed damping factor in (0, 1]; ``None`` (default) estimates it in [0.8, 0.98].

    Examples
    --------
    >>> model = Damped().fit([100.0, 110.0, 121.0, 130.0, 138.0, 145.0, 150.0])
    >>> bool(0.8 <= model.phi_ <= 0.98)
    True
    >>> Damped(phi=0.9).fit([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).phi_
    0.9
    """

    alias = "damped"
    min_obs = 6
    _trend = True
    _damped = True

    def __init__(self, *, phi: float | None = None) -> None:
        self.phi = phi

    def _fixed_phi(self) -> float | None:
        if self.phi is None:
            return None
        phi = float(self.phi)
        if not 0.0 < phi <= 1.0:
            raise ModelError(
                f"model {self.alias!r}: damping factor phi={self.phi!r} is outside (0, 1]; "
                f"pass a value such as 0.9, or phi=None to estimate it in "
                f"[{PHI_BOUNDS[0]}, {PHI_BOUNDS[1]}]",
                alias=self.alias,
                phi=self.phi,
            )
        return phi


@register_model
class DampedLog(LogScaleMixin, Damped):
    """Damped trend on the logarithms: a growth rate that fades (positive series only).

    The same model as :class:`Damped` fitted to ``log(y)``: the trend is a growth rate,
    damped towards zero growth, and errors are proportional to the level (the usual shape
    of market-size series). Forecasts are medians ``exp(mu_h)``; intervals
    ``mean * exp(-/+ z sigma_h)``, never negative.

    Parameters
    ----------
    phi
        Fixed damping factor of the log trend in (0, 1]; ``None`` (default) estimates it in
        [0.8, 0.98], as :class:`Damped` does.

    Examples
    --------
    >>> model = DampedLog().fit([100.0, 120.0, 142.0, 165.0, 188.0, 210.0, 230.0])
    >>> bool(model.predict(3).lower[95.0].min() > 0)
    True
    """

    alias = "damped_log"
