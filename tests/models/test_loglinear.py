"""Log-linear trend against statsmodels OLS on log values."""

from __future__ import annotations

import numpy as np
import pytest

from idcforecast.models import LogLinear

Y = np.array([312.0, 355.0, 401.0, 476.0, 530.0, 618.0, 702.0, 779.0, 905.0, 1024.0])


def test_matches_statsmodels_ols_prediction() -> None:
    # r = sm.OLS(np.log(Y), sm.add_constant(np.arange(10.0))).fit()
    # p = r.get_prediction(sm.add_constant(np.arange(10.0, 13.0)))
    # r.params, np.sqrt(r.scale); np.exp(p.predicted_mean); np.sqrt(p.se_mean**2 + r.scale)
    model = LogLinear().fit(Y)
    assert model.intercept_ == pytest.approx(5.74562141, rel=1e-8)
    assert model.slope_ == pytest.approx(0.13264451, rel=1e-7)
    assert model.sigma_ == pytest.approx(0.014193377247257447, rel=1e-10)
    pred = model.predict(3)
    np.testing.assert_allclose(pred.mean, [1178.58104146, 1345.75570231, 1536.64308741])
    np.testing.assert_allclose(pred.sigma, [0.01718903, 0.01802124, 0.018946], rtol=1e-6)
    assert pred.scale == "log"


def test_exact_growth_by_hand() -> None:
    # 100 * 1.1^t exactly: growth 10%, zero residuals, next value 100 * 1.1^4 = 146.41.
    model = LogLinear().fit(100 * 1.1 ** np.arange(4))
    assert model.growth_ == pytest.approx(0.1)
    assert model.sigma_ == pytest.approx(0.0, abs=1e-12)
    np.testing.assert_allclose(model.predict(2).mean, [146.41, 161.051])


def test_simulated_log_spread_matches_sigma() -> None:
    model = LogLinear().fit(Y)
    paths = np.log(model.simulate(5, 40_000, seed=2))
    np.testing.assert_allclose(paths.std(axis=0), model.predict(5).sigma, rtol=0.02)
