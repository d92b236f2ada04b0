"""The standard Theta method against statsmodels' ThetaModel."""

from __future__ import annotations

import numpy as np
import pytest

from idcforecast.models import Theta
from idcforecast.models.theta import ses_fixed_start

Y = np.array([103.0, 101.0, 118.0, 109.0, 125.0, 118.0, 133.0, 140.0, 129.0, 147.0, 142.0, 160.0])


def test_matches_statsmodels_theta_model() -> None:
    # r = ThetaModel(Y, period=1, deseasonalize=False).fit()
    # r.params -> b0 4.751748251748252, alpha 0.6917969070894555; r.forecast(4) below
    model = Theta().fit(Y)
    assert model.b0_ == pytest.approx(4.751748251748252, rel=1e-12)
    assert model.alpha_ == pytest.approx(0.6917969070894555, abs=1e-4)
    np.testing.assert_allclose(
        model.predict(4).mean,
        [157.90224792477193, 160.27812205064603, 162.65399617652017, 165.0298703023943],
        rtol=1e-5,
    )


def test_live_statsmodels_on_noisy_trends() -> None:
    from statsmodels.tsa.forecasting.theta import ThetaModel

    rng = np.random.default_rng(5)
    for _ in range(3):
        y = 100 + 5 * np.arange(15) + 8 * rng.standard_normal(15)
        ref = ThetaModel(y, period=1, deseasonalize=False).fit()
        np.testing.assert_allclose(
            Theta().fit(y).predict(6).mean, np.asarray(ref.forecast(6)), rtol=1e-4
        )


def test_formula_by_hand() -> None:
    # y = 1, 3, 2, 4: OLS slope b0 = 0.8 (sum((t - 1.5) y) / 5 = 4 / 5).
    model = Theta().fit([1.0, 3.0, 2.0, 4.0])
    alpha = model.alpha_
    level = 1.0
    for value in (3.0, 2.0, 4.0):
        level += alpha * (value - level)
    drift = (1 - (1 - alpha) ** 4) / alpha
    expected = level + 0.4 * (np.arange(3) + drift)
    np.testing.assert_allclose(model.predict(3).mean, expected)
    assert model.b0_ == pytest.approx(0.8)
    # sigma_h^2 = sigma^2 (1 + (h - 1) alpha^2)
    np.testing.assert_allclose(
        model.predict(3).sigma, model.sigma_ * np.sqrt(1 + np.arange(3) * alpha**2)
    )


def test_ses_fixed_start_finds_the_least_squares_alpha() -> None:
    model = Theta().fit(Y)
    grid = np.linspace(0, 1, 100_001)
    sse, _ = ses_fixed_start(Y, grid)
    assert model.alpha_ == pytest.approx(grid[np.argmin(sse)], abs=2e-4)
