"""Exact maximum likelihood for the differenced log series of :class:`~idcforecast.models.Arima`.

statsmodels' ``ARIMA(z, order, trend="t").fit(method="innovations_mle")`` estimates a drift
by iterated GLS: each round re-runs a BFGS over the ARMA parameters with numerical
gradients, 3 rounds and ~100-400 ms per order on 10-40 points. Here the mean (the drift,
when the model has one) and the innovation variance are profiled out in closed form, so the
optimiser only sees the ``p + q`` ARMA coefficients: for ``w = diff(z, d)`` with
``w ~ N(mu 1, s2 G)``, ``G`` the ARMA autocovariance matrix of unit innovation variance
and ``G = L L'``,

    ``mu = (1' G^-1 w) / (1' G^-1 1)``, ``s2 = (w - mu)' G^-1 (w - mu) / m`` and
    ``-loglik = m/2 log(2 pi s2) + log|L| + m/2``.

This is the same exact Gaussian likelihood that statsmodels maximises (its Kalman filter at
our parameters returns our log-likelihood to rounding; ``tests/models/test_arima.py``), so
the optimum is the same up to the optimisers' tolerances; where they differ ours is higher
(statsmodels stops its inner BFGS after 100 iterations). Coefficients are kept stationary
and invertible by statsmodels' own transformation (``constrain_stationary_univariate``;
MA coefficients are its negation, as in statsmodels). ``benchmarks/models_speed.py`` times
both.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.linalg import solve_triangular, toeplitz
from scipy.optimize import minimize

from idcforecast.models.base import FloatArray

__all__ = ["ArmaFit", "arma_autocovariance", "fit_arma"]

# A finite stand-in for "outside the model" (a singular covariance), so BFGS's line search
# backs off instead of stopping on an infinite value.
_INFEASIBLE = 1e12
# A residual variance below this fraction of the mean square of the differences is rounding
# (a standard deviation under 1e-10 of their size): the fit is exact.
_DEGENERATE = 1e-20
# Starting points of the unconstrained coefficients; the better optimum is kept.
_STARTS = (0.0, 0.3)


@dataclass(frozen=True)
class ArmaFit:
    """One fitted ARMA(p, q) on ``diff(z, d)``.

    Attributes
    ----------
    params
        statsmodels' ``ARIMA`` parameter order: the drift (only with ``d = 1``), the AR
        coefficients, the MA coefficients, the innovation variance.
    loglike
        Exact Gaussian log-likelihood of the differenced series.
    aicc
        ``-2 loglike + 2 k + 2 k (k + 1) / (m - k - 1)`` with ``k = len(params)`` and ``m``
        the number of differenced values (statsmodels' ``aicc`` for the same model).
    """

    params: FloatArray
    loglike: float
    aicc: float


def _coefficients(free: FloatArray, p: int, q: int) -> tuple[FloatArray, FloatArray]:
    from statsmodels.tsa.statespace.tools import constrain_stationary_univariate

    ar = constrain_stationary_univariate(free[:p]) if p else np.zeros(0)
    ma = -constrain_stationary_univariate(free[p:]) if q else np.zeros(0)
    return np.asarray(ar, dtype=np.float64), np.asarray(ma, dtype=np.float64)


def arma_autocovariance(ar: FloatArray, ma: FloatArray, m: int) -> FloatArray:
    """Autocovariances at lags ``0 .. m-1`` of a stationary ARMA with unit innovation variance.

    The process is ``x_t = sum_i ar[i] x_{t-1-i} + e_t + sum_j ma[j] e_{t-1-j}``. The first
    ``r = max(p, q) + 1`` values solve Brockwell & Davis (1991) eq. 3.3.8, the rest follow
    the AR recursion 3.3.9: statsmodels' ``arma_acovf`` without its stationarity check
    (our coefficients are stationary by construction) and its filtering overhead, about 3x
    faster on these sizes (``tests/models/test_arima.py`` compares the two).

    Examples
    --------
    >>> arma_autocovariance(np.array([0.5]), np.zeros(0), 3)  # AR(1): 0.5^k / (1 - 0.25)
    array([1.33333333, 0.66666667, 0.33333333])
    """
    p, q = ar.size, ma.size
    r = max(p, q) + 1
    theta = np.r_[1.0, ma]
    psi = np.zeros(q + 1)  # MA(infinity) weights 0..q
    psi[0] = 1.0
    for j in range(1, q + 1):
        psi[j] = theta[j] + sum(ar[i - 1] * psi[j - i] for i in range(1, min(j, p) + 1))
    system = np.eye(r)
    for k in range(r):
        for i in range(1, p + 1):
            system[k, abs(k - i)] -= ar[i - 1]
    rhs = np.array([sum(theta[j] * psi[j - k] for j in range(k, q + 1)) for k in range(r)])
    out = np.zeros(max(m, r))
    out[:r] = np.linalg.solve(system, rhs)
    for k in range(r, m):
        out[k] = sum(ar[i - 1] * out[k - i] for i in range(1, p + 1))
    return out[:m]


def _profile(
    free: FloatArray, w: FloatArray, p: int, q: int, with_mean: bool
) -> tuple[float, float, float]:
    """``(-loglik, mu, s2)`` at the free coefficients; ``-loglik`` is inf where undefined."""
    ar, ma = _coefficients(free, p, q)
    m = w.size
    try:
        acov = arma_autocovariance(ar, ma, m)
        lower = np.linalg.cholesky(toeplitz(acov))
    except (ValueError, np.linalg.LinAlgError):  # a root on the unit circle, to rounding
        return np.inf, np.nan, np.nan
    white = solve_triangular(lower, w, lower=True)
    mu = 0.0
    if with_mean:
        ones = solve_triangular(lower, np.ones(m), lower=True)
        mu = float(ones @ white / (ones @ ones))
        white = white - mu * ones
    # Residuals at rounding level (exact constant growth) get a floor, so every order ties
    # there and AICc keeps the simplest; all-zero differences (a constant series) have none.
    s2 = max(float(white @ white) / m, _DEGENERATE * float(w @ w) / m)
    if not s2 > 0 or not np.isfinite(s2):
        return np.inf, mu, s2
    neg_loglik = 0.5 * m * (np.log(2 * np.pi * s2) + 1.0) + float(np.sum(np.log(np.diag(lower))))
    return neg_loglik, mu, s2


def fit_arma(z: FloatArray, p: int, d: int, q: int, *, drift: bool | None = None) -> ArmaFit | None:
    """Maximum-likelihood ARIMA(p, d, q) of ``z``, with or without a drift.

    Parameters
    ----------
    z
        The (log) series.
    p, d, q
        Orders; ``d`` is 1 or 2.
    drift
        Estimate a mean of the differences (a drift, for ``d = 1``); ``None``: when
        ``d == 1``.

    Returns
    -------
    ArmaFit or None
        ``None`` when no finite likelihood exists (all differences zero: a constant series),
        or there are too few values for the parameters. Exact constant growth (residuals at
        rounding level) gets the innovation variance ``1e-20`` times the mean square of
        the differences, the same for every order.

    Examples
    --------
    >>> z = np.log([100.0, 110, 125, 134, 150, 163, 181, 196, 219, 240])
    >>> fit = fit_arma(z, 0, 1, 0)
    >>> bool(np.isclose(fit.params[0], np.log(240 / 100) / 9))  # the mean log growth
    True
    """
    w = np.diff(np.asarray(z, dtype=np.float64), n=d)
    with_mean = d == 1 if drift is None else bool(drift)
    k = p + q + 1 + int(with_mean)
    if w.size - k - 1 <= 0:
        return None

    def objective(free: FloatArray) -> float:
        value = _profile(free, w, p, q, with_mean)[0]
        return value if np.isfinite(value) else _INFEASIBLE

    best_free = np.zeros(p + q)
    best = _profile(best_free, w, p, q, with_mean)
    if p + q:
        for start in _STARTS:
            with np.errstate(all="ignore"):
                found = minimize(objective, np.full(p + q, start), method="BFGS")
            candidate = _profile(found.x, w, p, q, with_mean)
            if candidate[0] < best[0]:
                best_free, best = found.x, candidate
    neg_loglik, mu, s2 = best
    if not np.isfinite(neg_loglik):
        return None
    ar, ma = _coefficients(best_free, p, q)
    params = np.r_[[mu] if with_mean else [], ar, ma, s2]
    loglike = -neg_loglik
    aicc = -2 * loglike + 2 * k + 2 * k * (k + 1) / (w.size - k - 1)
    return ArmaFit(params=params, loglike=loglike, aicc=float(aicc))
