"""ARIMA on the log scale with a small automatic order search (statsmodels)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast.errors import ConvergenceError, ModelError
from idcforecast.models._logscale import LogScaleMixin
from idcforecast.models.base import FloatArray, ForecastModel, register_model

if TYPE_CHECKING:  # _arma_mle imports scipy.optimize and scipy.linalg: loaded on first fit
    from idcforecast.models._arma_mle import ArmaFit

__all__ = ["Arima", "stepwise_search"]


def _statsmodels_warnings() -> tuple[type[Warning], ...]:
    from statsmodels.tools.sm_exceptions import ModelWarning

    # ModelWarning covers ConvergenceWarning, EstimationWarning, ValueWarning and KPSS's
    # InterpolationWarning; statsmodels also warns with plain UserWarning/RuntimeWarning
    # about non-invertible starting values and overflow in trial parameters.
    return (ModelWarning, UserWarning, RuntimeWarning)


def choose_d(z: FloatArray) -> int:
    """Differences for log values ``z``: 1, or 2 when the growth rate itself trends.

    KPSS test (level stationarity, ``regression="c"``, ``trunc(4 (n/100)^(1/4))`` lags) on
    ``diff(z)``, as in R's ``forecast::ndiffs``: if stationarity of the growth rate is
    rejected at 5%, take ``d = 2``. (``d = 0``, a stationary log level, is not considered:
    market series trend.)

    Examples
    --------
    >>> z = np.log(100 * 1.1 ** np.arange(12) * (1 + 0.01 * np.sin(np.arange(12))))
    >>> choose_d(z)
    1
    """
    from statsmodels.tsa.stattools import kpss

    diffs = np.diff(z)
    if np.ptp(diffs) == 0:
        return 1
    with warnings.catch_warnings():
        # p-values outside KPSS's table are reported at the table edge with a warning
        warnings.simplefilter("ignore", _statsmodels_warnings())
        lags = int(4 * (diffs.size / 100) ** 0.25)  # R urca's lags="short", as ndiffs uses
        p_value = kpss(diffs, regression="c", nlags=lags, result_object=True).pvalue
    return 2 if p_value < 0.05 else 1


Order = tuple[int, int, bool]  # (p, q, drift)


def stepwise_search(
    allowed: set[tuple[int, int]],
    fit_order: Callable[[int, int, bool], ArmaFit | None],
    drifts: tuple[bool, ...] = (True,),
) -> dict[Order, ArmaFit]:
    """Models ``(p, q, drift)`` visited by a reduced Hyndman-Khandakar (2008) stepwise search.

    Start from (0, 0) with each drift option, (1, 0) and (0, 1) with the first; then move to
    the lowest-AICc model's neighbours ((p +- 1, q), (p, q +- 1), (p + 1, q + 1), and the
    other drift option) while that lowers AICc, as R's ``forecast::auto.arima`` does.

    Parameters
    ----------
    allowed
        The orders ``(p, q)`` that may be fitted.
    fit_order
        ``(p, q, drift) -> ArmaFit``, or ``None`` when the model cannot be fitted.
    drifts
        The drift options: ``(True, False)`` lets AICc choose, ``(True,)`` or ``(False,)``
        fixes it.

    Returns
    -------
    dict
        Every fitted model with a finite AICc (empty if none).

    Examples
    --------
    >>> from idcforecast.models._arma_mle import ArmaFit
    >>> aicc = {(0, 0): 5.0, (1, 0): 3.0, (0, 1): 4.0, (2, 0): 3.5, (1, 1): 2.0}
    >>> def fake(p, q, drift):
    ...     found = aicc.get((p, q))
    ...     return None if found is None else ArmaFit(np.zeros(1), 0.0, found + (not drift))
    >>> fitted = stepwise_search({(p, q) for p in range(3) for q in range(3)}, fake, (True, False))
    >>> min(fitted, key=lambda model: fitted[model].aicc)
    (1, 1, True)
    """
    fitted: dict[Order, ArmaFit] = {}
    aiccs: dict[Order, float] = {}

    def try_model(model: Order) -> None:
        result = fit_order(*model)
        aiccs[model] = np.inf if result is None else result.aicc
        if result is not None and np.isfinite(result.aicc):
            fitted[model] = result

    starts = [(0, 0, c) for c in drifts] + [(1, 0, drifts[0]), (0, 1, drifts[0])]
    for model in starts:
        if model[:2] in allowed:
            try_model(model)
    while aiccs:
        current = min(aiccs, key=aiccs.__getitem__)
        p, q, c = current
        steps = [(p + 1, q), (p, q + 1), (p - 1, q), (p, q - 1), (p + 1, q + 1)]
        neighbours = [(*pq, c) for pq in steps] + [(p, q, o) for o in drifts if o != c]
        new = [m for m in neighbours if m[:2] in allowed and m not in aiccs]
        for model in new:
            try_model(model)
        if not new or min(aiccs, key=aiccs.__getitem__) == current:
            break
    return fitted


@register_model
class Arima(LogScaleMixin, ForecastModel):
    """ARIMA(p, d, q) on ``log(y)`` with the order chosen automatically.

    ``d`` is chosen by :func:`choose_d` (KPSS on the growth rates) unless given. With
    ``d = 1`` the model may have a drift (a constant growth rate, statsmodels
    ``trend="t"``): chosen by AICc in the order search, as R's ``auto.arima`` does, unless
    ``drift=`` fixes it; with ``d = 2`` none. Orders ``(p, q)`` with ``p <= max_p``,
    ``q <= max_q`` and ``p + q <= max(max_p, max_q)`` and the drift are searched stepwise
    (:func:`stepwise_search`), each fitted by exact maximum likelihood
    (:func:`~idcforecast.models._arma_mle.fit_arma`: the drift and the innovation variance
    profiled out in closed form, the likelihood statsmodels' ``ARIMA`` maximises); the
    chosen order is then run through statsmodels' Kalman filter (``ARIMA(...).filter``)
    for its forecasts.
    Forecast sigma is statsmodels' ``get_forecast`` standard error on the log scale
    (parameter uncertainty not included); paths use the model's psi-weights, so they are
    autocorrelated as the model implies and their marginals equal the intervals.

    Cost: about 0.1-0.2 s per series of 10-40 points, 7x less than fitting each order with
    statsmodels' ``fit(method="innovations_mle")``, with the same orders and forecasts
    (``benchmarks/models_speed.py`` on 100 M3 yearly series: 113 against 801 ms, AICc as low
    or lower on all): fine for market series and their backtests, slow for thousands.

    Parameters
    ----------
    max_p, max_q
        Largest AR and MA orders tried (with ``p + q <= max(max_p, max_q)``).
    d
        Number of differences (1 or 2); ``None`` chooses it.
    drift
        With ``d = 1``: ``None`` (default) lets AICc choose; ``True`` always fits a drift
        (releases before 2026-12-06 did), ``False`` never. On the yearly tuning sets of
        ``benchmarks/tune_auto.py`` (final cutoff, OWA against naive; M1 / Tourism / M3
        training tails; measured with an exhaustive search over the same orders, a scratch
        script), a forced drift scored 4.45 (one explosive log drift) / 1.16 / 1.03, AICc's
        choice 0.77 / 1.16 / 1.06 and no drift 0.81 / 1.10 / 0.95.

    Examples
    --------
    >>> y = 100 * np.exp(np.cumsum([0.1, 0.12, 0.08, 0.11, 0.09, 0.1, 0.13, 0.07, 0.1, 0.11]))
    >>> model = Arima().fit(y)
    >>> model.d_, bool(model.predict(2).mean[1] > y[-1])
    (1, True)
    """

    alias = "arima"
    min_obs = 8

    def __init__(
        self, *, max_p: int = 2, max_q: int = 2, d: int | None = None, drift: bool | None = None
    ) -> None:
        self.max_p = max_p
        self.max_q = max_q
        self.d = d
        self.drift = drift

    def _orders(self) -> list[tuple[int, int]]:
        for name in ("max_p", "max_q"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
                raise ModelError(
                    f"model 'arima': {name}={value!r} must be an integer from 0 to 5; the "
                    "default 2 suits short yearly series",
                    alias=self.alias,
                    **{name: value},
                )
        limit = max(self.max_p, self.max_q)
        return [
            (p, q) for p in range(self.max_p + 1) for q in range(self.max_q + 1) if p + q <= limit
        ]

    def _fit(self, y: FloatArray) -> None:
        from statsmodels.tsa.arima.model import ARIMA

        orders = self._orders()
        if self.d not in (None, 1, 2):
            raise ModelError(
                f"model 'arima': d={self.d!r} must be 1, 2 or None (chosen by a KPSS test)",
                alias=self.alias,
                d=self.d,
            )
        if self.drift not in (None, True, False):
            raise ModelError(
                f"model 'arima': drift={self.drift!r} must be True, False or None (chosen by AICc)",
                alias=self.alias,
                drift=self.drift,
            )
        z = np.log(y)
        d = choose_d(z) if self.d is None else int(self.d)
        drifts = (True, False) if self.drift is None else (bool(self.drift),)
        if d != 1:
            drifts = (False,)  # a drift on second differences would be a quadratic trend

        # here, not with the module: scipy.optimize and scipy.linalg take ~0.15 s to import,
        # which every forecast_many paid in a new process though "auto" fits no ARIMA
        from idcforecast.models._arma_mle import fit_arma

        def fit_order(p: int, q: int, drift: bool) -> ArmaFit | None:
            return fit_arma(z, p, d, q, drift=drift)

        fitted = stepwise_search(set(orders), fit_order, drifts)
        if not fitted:
            raise ConvergenceError(
                f"model 'arima': no ARIMA order could be fitted to {y.size} observations; use "
                "'drift' or 'damped_log' for this series",
                alias=self.alias,
            )
        best_model = min(fitted, key=lambda model: fitted[model].aicc)
        best = fitted[best_model]
        self.order_ = (best_model[0], d, best_model[1])
        self.drift_ = best_model[2]
        self.d_ = d
        self.aicc_ = best.aicc
        self.n_fits_ = len(fitted)
        self.params_ = best.params
        self.sigma_ = float(np.sqrt(best.params[-1]))
        # statsmodels' Kalman filter at our estimates: forecasts and their standard errors.
        model = ARIMA(z, order=self.order_, trend="t" if self.drift_ else "n")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", _statsmodels_warnings())
            self._result: Any = model.filter(best.params)

    def _log_mean_sigma(self, h: int) -> tuple[FloatArray, FloatArray]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", _statsmodels_warnings())
            forecast = self._result.get_forecast(h)
        return np.asarray(forecast.predicted_mean), np.asarray(forecast.se_mean)

    def _log_errors(self, h: int, n_paths: int, rng: np.random.Generator) -> FloatArray:
        from statsmodels.tsa.arima_process import arma2ma

        _, sigma = self._log_mean_sigma(h)
        ar = np.r_[1.0, -np.asarray(self._result.arparams)]
        ma = np.r_[1.0, np.asarray(self._result.maparams)]
        for _ in range(self.d_):
            ar = np.convolve(ar, [1.0, -1.0])
        psi = arma2ma(ar, ma, lags=h)
        lag = np.arange(h)[:, None] - np.arange(h)[None, :]
        weights = np.where(lag >= 0, psi[np.clip(lag, 0, None)], 0.0)
        # Correlation from the psi-weights, scale from the Kalman-filter standard errors.
        paths = rng.standard_normal((n_paths, h)) @ weights.T
        return paths / np.sqrt(np.sum(weights**2, axis=1)) * sigma
