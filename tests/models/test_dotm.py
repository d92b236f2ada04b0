"""Dynamic Optimised Theta: a literal transcription of the published recursions as reference."""

from __future__ import annotations

import numpy as np
import pytest

from idcforecast.models import DynamicOptimisedTheta, DynamicOptimisedThetaLog
from idcforecast.models.dotm import recursive_ols

Y = np.array(
    [52.0, 61.0, 75.0, 83.0, 101.0, 118.0, 124.0, 146.0, 150.0, 166.0, 169.0, 180.0, 181.0, 190.0]
)


def literal(params: np.ndarray, y: np.ndarray, h: int = 0, shocks: np.ndarray | None = None):
    """Fiorucci et al. (2016) DOTM, equation by equation (1-based time as in the paper).

    Returns the SSE of errors 3..n and, for h > 0, the forecasts with optional shocks added
    to the future values (future y = forecast + shock).
    """
    l0, alpha, theta = params
    n = y.size
    ell = alpha * y[0] + (1 - alpha) * l0
    mean_y, a, b = y[0], y[0], 0.0
    sse, future = 0.0, []
    shocks = np.zeros(h) if shocks is None else shocks
    for i in range(1, n + h):
        mu = ell + (1 - 1 / theta) * (
            a * (1 - alpha) ** i + b * (1 - (1 - alpha) ** (i + 1)) / alpha
        )
        if i < n:
            value = y[i]
            if i >= 2:
                sse += (value - mu) ** 2
        else:
            future.append(mu)
            value = mu + shocks[i - n]
        ell = alpha * value + (1 - alpha) * ell
        b = ((i - 1) * b + 6 * (value - mean_y) / (i + 1)) / (i + 2)
        mean_y = (i * mean_y + value) / (i + 1)
        a = mean_y - b * (i + 2) / 2
    return sse, np.array(future)


def test_recursive_ols_equals_polyfit_on_every_prefix() -> None:
    intercept, slope, _ = recursive_ols(Y)
    for t in range(2, Y.size + 1):
        ref_slope, ref_intercept = np.polyfit(np.arange(1, t + 1), Y[:t], 1)
        assert slope[t - 1] == pytest.approx(ref_slope, rel=1e-10)
        assert intercept[t - 1] == pytest.approx(ref_intercept, rel=1e-10)


def test_same_sse_and_forecasts_as_the_literal_recursions() -> None:
    model = DynamicOptimisedTheta().fit(Y)
    params = np.array([model.l0_, model.alpha_, model.theta_])
    sse, future = literal(params, Y, h=5)
    assert model.sse_ == pytest.approx(sse, rel=1e-9)
    np.testing.assert_allclose(model.predict(5).mean, future, rtol=1e-10)


def test_reaches_the_optimum_of_a_general_purpose_optimiser() -> None:
    # Reference: scipy L-BFGS-B on (l0, alpha, theta) from 9 starting points, within the
    # forecTheta bounds alpha in [0.1, 0.99], theta >= 1.
    from scipy.optimize import minimize

    best = np.inf
    for alpha0 in (0.2, 0.5, 0.8):
        for theta0 in (1.5, 2.0, 4.0):
            res = minimize(
                lambda p: literal(p, Y)[0],
                x0=[Y[0], alpha0, theta0],
                bounds=[(None, None), (0.1, 0.99), (1.0, 1e3)],
                method="L-BFGS-B",
            )
            best = min(best, res.fun)
    assert DynamicOptimisedTheta().fit(Y).sse_ <= best * (1 + 1e-6)


def test_psi_weights_are_the_response_to_future_shocks() -> None:
    model = DynamicOptimisedTheta().fit(Y)
    params = np.array([model.l0_, model.alpha_, model.theta_])
    _, base = literal(params, Y, h=4)
    psi = np.empty((4, 4))
    for j in range(4):
        shock = np.zeros(4)
        shock[j] = 1.0
        psi[:, j] = literal(params, Y, h=4, shocks=shock)[1] + shock - base
    np.testing.assert_allclose(
        model.predict(4).sigma, model.sigma_ * np.sqrt(np.sum(psi**2, axis=1)), rtol=1e-9
    )
    assert model.sigma_ == pytest.approx(np.sqrt(model.sse_ / (Y.size - 5)))


def test_log_variant_is_dotm_on_logs() -> None:
    log_fit = DynamicOptimisedThetaLog().fit(Y)
    level_fit = DynamicOptimisedTheta().fit(np.log(Y))
    assert log_fit.alpha_ == level_fit.alpha_
    np.testing.assert_allclose(log_fit.predict(4).mean, np.exp(level_fit.predict(4).mean))
    np.testing.assert_allclose(log_fit.predict(4).sigma, level_fit.predict(4).sigma)
