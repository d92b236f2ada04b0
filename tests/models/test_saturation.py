"""logistic and gompertz saturation curves."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from idcforecast.errors import ConvergenceError, InsufficientDataError, ModelError
from idcforecast.models import MODEL_REGISTRY, Gompertz, Logistic

S = np.arange(-11, 1, dtype=float)  # years relative to the last observation
NOISE = np.array([0.02, -0.01, 0.015, -0.02, 0.0, 0.01, -0.015, 0.02, -0.01, 0.005, -0.005, 0.01])
LOGISTIC_Y = 500 / (1 + np.exp(-(0.5 + 0.45 * S)))
GOMPERTZ_Y = 800 * np.exp(-np.exp(-(0.3 + 0.25 * S)))


@pytest.mark.parametrize(
    ("cls", "y", "truth"),
    [(Logistic, LOGISTIC_Y, (500.0, 0.5, 0.45)), (Gompertz, GOMPERTZ_Y, (800.0, 0.3, 0.25))],
)
def test_exact_curves_are_recovered(cls: type, y: np.ndarray, truth: tuple) -> None:
    model = cls().fit(y)
    cap, a, b = truth
    assert model.cap_ == pytest.approx(cap, rel=1e-6)
    np.testing.assert_allclose(model.params_, [np.log(cap), a, b], rtol=1e-6, atol=1e-8)
    assert not model.cap_at_bound_


def test_logistic_matches_scipy_curve_fit_on_noisy_data() -> None:
    # Independent optimiser: Levenberg-Marquardt (scipy.optimize.curve_fit, no bounds) on the
    # same log-scale model, from the true values.
    from scipy.optimize import curve_fit

    y = LOGISTIC_Y * np.exp(NOISE)

    def log_curve(s: np.ndarray, log_cap: float, a: float, b: float) -> np.ndarray:
        return log_cap - np.logaddexp(0.0, -(a + b * s))

    ref, _ = curve_fit(log_curve, S, np.log(y), p0=[np.log(500), 0.5, 0.45])
    model = Logistic().fit(y)
    np.testing.assert_allclose(model.params_, ref, rtol=1e-5)


def test_delta_method_sigma_against_finite_differences() -> None:
    y = GOMPERTZ_Y * np.exp(NOISE)
    model = Gompertz().fit(y)
    p = model.params_

    def log_curve(params: np.ndarray, s: np.ndarray) -> np.ndarray:
        return params[0] - np.exp(-(params[1] + params[2] * s))

    def jac(s: np.ndarray) -> np.ndarray:
        eps = 1e-6
        cols = []
        for i in range(3):
            d = np.zeros(3)
            d[i] = eps
            cols.append((log_curve(p + d, s) - log_curve(p - d, s)) / (2 * eps))
        return np.column_stack(cols)

    resid = np.log(y) - log_curve(p, S)
    s2 = np.sum(resid**2) / (12 - 3)
    cov = s2 * np.linalg.inv(jac(S).T @ jac(S))

    # The forecast curve keeps the cap and speed and passes through the last observation:
    # a' = g^-1(y_last / cap) with g^-1(share) = -log(-log(share)) for the Gompertz.
    def anchored(params: np.ndarray, s: np.ndarray) -> np.ndarray:
        a_last = -np.log(-np.log(y[-1] / np.exp(params[0])))
        return params[0] - np.exp(-(a_last + params[2] * s))

    assert anchored(p, np.array([0.0]))[0] == pytest.approx(np.log(y[-1]), abs=1e-12)
    steps = np.arange(1.0, 4.0)
    eps = 1e-6
    g = np.column_stack(
        [(anchored(p + d, steps) - anchored(p - d, steps)) / (2 * eps) for d in np.eye(3) * eps]
    )
    # residual part 2 s^2: step h's error around the curve minus the last observation's
    expected = np.sqrt(2 * s2 + np.einsum("ij,jk,ik->i", g, cov, g))
    fc = model.predict(3)
    np.testing.assert_allclose(fc.sigma, expected, rtol=1e-5)
    np.testing.assert_allclose(np.log(fc.mean), anchored(p, steps), rtol=1e-12)


@pytest.mark.parametrize("cls", [Logistic, Gompertz])
def test_forecasts_continue_from_the_last_observation(cls: type) -> None:
    # 30% a year with a cap of twice the last value: the least-squares curve cannot follow
    # that growth and passed below the last value (Gompertz: 1,434 after 1,792)
    y = 100 * 1.3 ** np.arange(12)
    model = cls(cap=2 * y[-1]).fit(y)
    mean = model.predict(5).mean
    assert y[-1] < mean[0] and np.all(np.diff(mean) > 0) and np.all(mean < 2 * y[-1])
    if cls is Logistic:  # share 1/2 at the last value: a' = 0, so cap / (1 + exp(-b s))
        b = model.growth_rate_
        expected = 2 * y[-1] / (1 + np.exp(-b * np.arange(1, 6)))
        np.testing.assert_allclose(mean, expected, rtol=1e-12)


def test_given_cap_is_used_and_needs_fewer_points() -> None:
    model = Logistic(cap=500.0).fit(LOGISTIC_Y[-4:])
    assert model.cap_ == 500.0
    np.testing.assert_allclose(model.params_, [0.5, 0.45], rtol=1e-6)
    msg = "model 'logistic' needs at least 5 observations; got 4"
    with pytest.raises(InsufficientDataError, match=re.escape(msg)):
        Logistic().fit(LOGISTIC_Y[-4:])


def test_exponential_growth_puts_the_cap_on_its_bound() -> None:
    y = 100 * 1.2 ** np.arange(10) * np.exp(NOISE[:10])
    model = Logistic().fit(y)
    assert model.cap_at_bound_
    assert model.cap_ == pytest.approx(5.0 * y[-1], rel=1e-6)
    assert np.all(np.isfinite(model.predict(5).sigma))
    # 5 x the last value: the upper bound of the default cap_bounds (1.05, 5.0)
    cap = f"{5.0 * y[-1]:,.0f}"  # thousands separated, no exponent ("2,600", not "2600")
    assert model.fit_notes() == (
        f"logistic: estimated cap {cap} sits on its bound (5x the last value): the data do not "
        "pin the saturation level, and the intervals (from rolling-origin errors) are not "
        # cap_bounds named as the class's: forecast() and the command line have no such
        # option (was "pass cap= or widen cap_bounds")
        "bounded by it; pass cap=, or fit idcforecast.models.Logistic(cap_bounds=(1.05, "
        "HIGH)) yourself with HIGH above 5 (forecast() keeps the default bounds)",
    )


def test_the_forecast_note_says_when_the_cap_sits_on_its_bound() -> None:
    from idcforecast import forecast

    years = np.arange(2014, 2024)
    rising = 100 * 1.2 ** np.arange(10) * np.exp(NOISE[:10])
    fc = forecast(pd.Series(rising, index=years), 3, method="logistic")
    assert "logistic: estimated cap" in fc["note"].iloc[0]
    assert "sits on its bound (5x the last value)" in fc["note"].iloc[0]
    assert set(fc["status"]) == {"ok"}
    # an S-curve that has turned: the cap is estimated inside its bounds, nothing to say
    fitted = forecast(pd.Series(GOMPERTZ_Y, index=np.arange(2012, 2024)), 3, method="gompertz")
    assert "estimated cap" not in fitted["note"].iloc[0]
    assert Gompertz(cap=900.0).fit(GOMPERTZ_Y).fit_notes() == ()  # a given cap is never on a bound


@pytest.mark.parametrize("cap", [150.0, 180.0])
def test_cap_not_above_the_last_observation(cap: float) -> None:
    y = np.array([100.0, 120.0, 140.0, 160.0, 180.0])
    msg = (
        f"model 'gompertz': cap={cap!r} is not above the last observation 180.0 (index 4); a "
        "saturation level must exceed the data: pass a larger cap, or cap=None to estimate "
        "it between 1.05 and 5.0 times the last observation"
    )
    with pytest.raises(ModelError, match=re.escape(msg)) as info:
        Gompertz(cap=cap).fit(y)
    assert (info.value.cap, info.value.last) == (cap, 180.0)


def test_bad_cap_bounds() -> None:
    msg = (
        "model 'logistic': cap_bounds=(0.9, 3.0) must be (low, high) multiples of the last "
        "observation with 1 < low < high; e.g. (1.05, 5.0)"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        Logistic(cap_bounds=(0.9, 3.0)).fit(LOGISTIC_Y)


def test_forecasts_stay_below_the_cap() -> None:
    model = Logistic(cap=520.0).fit(LOGISTIC_Y * np.exp(NOISE))
    assert np.all(model.predict(30).mean < 520.0)
    assert np.all(np.diff(model.predict(30).mean) > 0)


def test_falling_series_is_a_convergence_error() -> None:
    # An M3 yearly series (values relative to the last) that falls steadily: the curve
    # flattens towards b -> 0 with a running off, and the optimiser gives up.
    y = np.array([1.09, 1.1, 1.1, 1.11, 1.11, 1.11, 1.1, 1.09, 1.09, 1.08, 1.08, 1.07, 1.06, 1.05])
    y = np.concatenate([y, [1.05, 1.04, 1.02, 1.01, 1.0]])
    with pytest.raises(ConvergenceError, match="the series may not be rising towards a cap"):
        Logistic().fit(y)


@pytest.mark.parametrize("alias", ["logistic", "gompertz"])
def test_forecasts_do_not_depend_on_the_unit(alias: str) -> None:
    # The same market in CNY 100m, CNY and USD bn must give the same forecast. Before, the
    # fit ran on log(y) with its cap in the data's unit, so the optimiser stopped at
    # slightly different points: up to 1.4e-7 relative on these series; now ~1e-12.
    rng = np.random.default_rng(0)
    worst = 0.0
    for _ in range(40):
        n = int(rng.integers(6, 20))
        cap, slope, shift = rng.uniform(100, 300), rng.uniform(0.2, 0.8), rng.uniform(0, 4)
        t = np.arange(n) - n
        y = cap / (1 + np.exp(-(slope * t + shift))) * np.exp(0.03 * rng.standard_normal(n))
        try:
            base = MODEL_REGISTRY[alias]().fit(y).predict(4)
        except ConvergenceError:
            continue
        for factor in (1e-3, 7.3, 1e6):
            scaled = MODEL_REGISTRY[alias]().fit(y * factor).predict(4)
            worst = max(
                worst,
                float(np.max(np.abs(scaled.mean / (base.mean * factor) - 1))),
                float(np.max(np.abs(scaled.sigma / base.sigma - 1))),
            )
    assert worst < 1e-10


@pytest.mark.parametrize("model", [Logistic(), Logistic(cap=600.0), Gompertz(cap=600.0)])
def test_a_falling_series_is_said_to_fit_no_rising_curve(model) -> None:
    # before: the fit "converged" with its speed on the lower bound (1e-6 a year), the
    # forecast was flat at the last value and nothing said why (status "ok", no note)
    falling = np.array([500.0, 480, 470, 440, 430, 400, 390, 370])
    fitted = model.fit(falling)
    assert fitted.speed_at_bound_
    np.testing.assert_allclose(fitted.predict(2).mean, 370.0, rtol=1e-5)
    assert fitted.fit_notes()[0] == (
        f"{fitted.alias}: the fitted speed of adoption sits on its lower bound (1e-06 a "
        "year): the series does not rise towards a cap, so the curve stays flat at the last "
        "value; use a trend model such as 'damped_log' or 'drift'"
    )
    # a rising series is not flagged
    assert not Logistic().fit(np.array([5.0, 9, 16, 27, 42, 58, 71, 80])).speed_at_bound_


def test_an_estimated_cap_in_the_thousands_is_written_out() -> None:
    # before: "estimated cap 2.539e+04" for the CIDC series (25,391.5 CNY 100m)
    from idcforecast.models._saturation import _figure

    assert [_figure(25391.5), _figure(95.7623), _figure(0.123456)] == ["25,392", "95.76", "0.1235"]


def test_a_levelled_off_series_says_its_cap_sits_on_the_lower_bound() -> None:
    # An exact logistic with cap 1000 (speed 0.5, inflection 6 years in), 14 years: the last
    # value 1000 / (1 + exp(-0.5 * 7)) = 970.7 is 97% of the cap, so the true cap is below
    # the lowest estimate cap_bounds allows, 1.05 x 970.7 = 1,019. The note said "the data do
    # not pin the saturation level" (false: they pin it below the bound).
    from idcforecast import forecast

    y = 1000 / (1 + np.exp(-0.5 * (np.arange(14) - 6)))
    assert y[-1] == pytest.approx(970.6878, rel=1e-6)
    model = Logistic().fit(y)
    assert model.cap_at_bound_
    assert model.cap_ == pytest.approx(1.05 * y[-1], rel=1e-6)
    assert model.fit_notes() == (
        "logistic: estimated cap 1,019 sits on its lower bound (1.05x the last value "
        "970.7): the series has nearly levelled off and the data point to a cap at or below "
        "that, which cap_bounds does not allow, so the forecast may overshoot; pass the "
        "saturation level if you know it (cap=, above the last value), or fit "
        "idcforecast.models.Logistic(cap_bounds=(LOW, 5)) yourself with LOW between 1 and "
        "1.05 (forecast() keeps the default bounds)",
    )
    fc = forecast(pd.Series(y, index=np.arange(2010, 2024)), 2, method="logistic")
    assert model.fit_notes()[0] in fc["note"].iloc[0]
    # the given true cap: no note, and a forecast on the curve's path (982.0 in 2024)
    capped = forecast(pd.Series(y, index=np.arange(2010, 2024)), 1, method="logistic", cap=1000)
    assert "sits on its" not in capped["note"].iloc[0]
    assert capped["mean"].iloc[0] == pytest.approx(1000 / (1 + np.exp(-0.5 * 8)), rel=1e-6)
