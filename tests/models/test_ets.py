"""ses / holt / damped / damped_log and the fast ETS numerics, against statsmodels."""

from __future__ import annotations

import re

import numpy as np
import pytest

from idcforecast.errors import ModelError
from idcforecast.models import SES, Damped, DampedLog, Holt
from idcforecast.models._ets import (
    error_weights,
    ets_forecast,
    ets_states,
    fit_ets,
    profile_sse,
)

Y = np.array(
    [52.0, 61.0, 75.0, 83.0, 101.0, 118.0, 124.0, 146.0, 150.0, 166.0, 169.0, 180.0, 181.0, 190.0]
)


def test_same_params_same_likelihood_forecasts_and_variance_as_statsmodels() -> None:
    # Reference (statsmodels 0.15):
    #   ys = pd.Series(Y, index=pd.period_range("2010", periods=14, freq="Y"))
    #   r = ETSModel(ys, error="add", trend="add", damped_trend=True).smooth(
    #       [0.35, 0.12, 0.9, 45.0, 12.0])        # alpha, beta, phi, l0, b0
    #   r.sse, r.llf, r.forecast(4), r.get_prediction(start=14, end=17).forecast_variance
    alpha, beta, phi, l0, b0 = 0.35, 0.12, 0.9, 45.0, 12.0
    level, slope, resid = ets_states(Y, alpha, beta, phi, l0, b0, True)
    sse = float(np.sum(resid**2))
    assert sse == pytest.approx(1093.1156350598285, rel=1e-12)
    n = Y.size
    llf = -n / 2 * (np.log(2 * np.pi * sse / n) + 1)  # concentrated Gaussian likelihood
    assert llf == pytest.approx(-50.369249107826185, rel=1e-12)
    from idcforecast.models._ets import EtsFit

    fit = EtsFit(alpha, beta, phi, l0, b0, level, slope, sse, resid, 5)
    np.testing.assert_allclose(
        ets_forecast(fit, 4),
        [196.8489411869403, 202.1362403510675, 206.894809598782, 211.17752192172503],
        rtol=1e-12,
    )
    scale = sse / n  # statsmodels' sigma^2
    variance = scale * np.cumsum(error_weights(alpha, beta, phi, 4) ** 2)
    np.testing.assert_allclose(
        variance,
        [78.0796882185592, 94.45799593803713, 118.52582871553099, 150.7756743718702],
        rtol=1e-10,
    )


@pytest.mark.parametrize(
    ("cls", "sm_sse", "sm_forecast", "sm_variance", "k"),
    [
        # ETSModel(ys, error="add", trend="add", damped_trend=True).fit(disp=False):
        # params [1e-4, 1e-8, 0.942449609, 29.4344647, 17.7315757]
        (
            Damped,
            256.2701177390556,
            [200.45622412, 207.32497154, 213.79841986, 219.8993187],
            [18.30500841, 18.30500859, 18.30500878, 18.30500896],
            5,
        ),
        # ETSModel(ys, error="add", trend="add").fit(disp=False):
        # params [0.46789473, 0.46784794, 39.40237855, 10.00467926]
        (
            Holt,
            367.6426161158579,
            [193.86960825, 198.58869908, 203.30778991, 208.02688074],
            [26.26018687, 49.25398299, 100.98829966, 192.95888522],
            4,
        ),
        # ETSModel(ys, error="add").fit(disp=False): params [0.9999, 52.00233133]
        (
            SES,
            1958.2350521727112,
            [189.99909999] * 4,
            [139.8739323, 279.71989121, 419.56585012, 559.41180903],
            2,
        ),
    ],
)
def test_fitted_models_reach_the_statsmodels_optimum(
    cls: type, sm_sse: float, sm_forecast: list[float], sm_variance: list[float], k: int
) -> None:
    model = cls().fit(Y)
    # Same optimum: SSE within 1e-5 relative (statsmodels' own optimiser tolerance).
    assert model.sse_ <= sm_sse * (1 + 1e-5)
    pred = model.predict(4)
    np.testing.assert_allclose(pred.mean, sm_forecast, rtol=5e-4)
    # sigma^2 = SSE / (n - k) here, SSE / n in statsmodels.
    n = Y.size
    np.testing.assert_allclose(pred.sigma**2 * (n - k) / n, sm_variance, rtol=2e-3)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_damped_against_a_live_statsmodels_fit(seed: int) -> None:
    import pandas as pd
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    rng = np.random.default_rng(seed)
    y = 100 + np.cumsum(6 + 5 * rng.standard_normal(18))
    ys = pd.Series(y, index=pd.period_range("2000", periods=y.size, freq="Y"))
    model = ETSModel(ys, error="add", trend="add", damped_trend=True)
    ref = model.fit(disp=False)
    ours = Damped().fit(y)
    assert ours.sse_ <= ref.sse * (1 + 1e-4)
    # statsmodels' optimiser can stop at a worse local optimum than ours (seed 1 with scipy
    # 1.17.1: SSE 99.0 at alpha 0.071 against our 80.0 at alpha 0.0001); started from our
    # parameters it stays there, so its best fit of the two is the reference for the forecast
    ours_start = np.array([ours.alpha_, ours.beta_, ours.phi_, ours.l0_, ours.b0_])
    best = min(ref, model.fit(start_params=ours_start, disp=False), key=lambda fit: fit.sse)
    assert ours.sse_ == pytest.approx(best.sse, rel=1e-4)
    np.testing.assert_allclose(ours.predict(6).mean, np.asarray(best.forecast(6)), rtol=5e-3)
    # And our recursion reproduces statsmodels' SSE at statsmodels' own parameters.
    a, b, p, l0, b0 = np.asarray(ref.params)
    assert np.sum(ets_states(y, a, b, p, l0, b0, True)[2] ** 2) == pytest.approx(ref.sse)


def test_profiled_initial_states_are_the_least_squares_ones() -> None:
    a, b, p = np.array([0.4]), np.array([0.1]), np.array([0.9])
    sse, l0, b0 = profile_sse(Y, a, b, p, trend=True)
    direct = np.sum(ets_states(Y, 0.4, 0.1, 0.9, float(l0[0]), float(b0[0]), True)[2] ** 2)
    assert float(sse[0]) == pytest.approx(direct, rel=1e-9)
    for dl, db in [(0.5, 0), (-0.5, 0), (0, 0.5), (0, -0.5)]:
        moved = ets_states(Y, 0.4, 0.1, 0.9, float(l0[0]) + dl, float(b0[0]) + db, True)[2]
        assert np.sum(moved**2) > direct


def test_error_weights_by_hand() -> None:
    # c_j = alpha + beta * (phi + ... + phi^j): 0.3 + 0.1 * 0.9 = 0.39; 0.3 + 0.1 * 1.71 = 0.471
    np.testing.assert_allclose(error_weights(0.3, 0.1, 0.9, 3), [1.0, 0.39, 0.471])


def test_fit_is_shift_and_scale_equivariant() -> None:
    a = fit_ets(Y, trend=True, damped=True)
    b = fit_ets(1000.0 + 3.0 * Y, trend=True, damped=True)
    assert (a.alpha, a.beta, a.phi) == pytest.approx((b.alpha, b.beta, b.phi))
    assert b.sse == pytest.approx(9.0 * a.sse, rel=1e-9)


def test_fixed_phi_and_its_validation() -> None:
    assert Damped(phi=0.85).fit(Y).phi_ == 0.85
    msg = (
        "model 'damped': damping factor phi=1.5 is outside (0, 1]; pass a value such as 0.9, "
        "or phi=None to estimate it in [0.8, 0.98]"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        Damped(phi=1.5).fit(Y)


def test_sigma_uses_n_minus_k_degrees_of_freedom() -> None:
    model = Damped().fit(Y)
    assert model.sigma_ == pytest.approx(np.sqrt(model.sse_ / (Y.size - 5)))
    assert SES().fit(Y).sigma_ == pytest.approx(np.sqrt(SES().fit(Y).sse_ / (Y.size - 2)))


def test_damped_log_is_damped_on_logs() -> None:
    log_fit = DampedLog().fit(Y)
    level_fit = Damped().fit(np.log(Y))
    assert log_fit.phi_ == level_fit.phi_
    np.testing.assert_allclose(log_fit.predict(3).mean, np.exp(level_fit.predict(3).mean))
    np.testing.assert_allclose(log_fit.predict(3).sigma, level_fit.predict(3).sigma)
    assert log_fit.predict(3).scale == "log"


def test_constant_series_gives_flat_zero_width_forecasts() -> None:
    pred = Damped().fit(np.full(8, 5.0)).predict(3)
    np.testing.assert_allclose(pred.mean, 5.0, atol=1e-9)
    np.testing.assert_allclose(pred.sigma, 0.0, atol=1e-6)
