"""The model contract of idcforecast.models.base, run over EVERY registered model."""

from __future__ import annotations

import inspect
import pickle
import re

import numpy as np
import pytest

from idcforecast.errors import InsufficientDataError, ModelError, NotFittedError
from idcforecast.models import MODEL_REGISTRY
from idcforecast.models.base import normal_quantile

# A positive, trending, slightly saturating series of market-size shape (20 points).
SERIES = np.array(
    [
        52.0, 61.0, 75.0, 83.0, 101.0, 118.0, 124.0, 146.0, 150.0, 166.0,
        169.0, 180.0, 181.0, 190.0, 197.0, 199.0, 206.0, 208.0, 213.0, 214.0,
    ]
)  # fmt: skip

ALIASES = sorted(MODEL_REGISTRY)
# Models whose fit takes ~0.1 s or more: fewer simulated paths keep the suite fast.
SLOW = {"arima"}


@pytest.fixture(scope="module")
def fitted() -> dict[str, object]:
    return {alias: MODEL_REGISTRY[alias]().fit(SERIES) for alias in ALIASES}


def test_registry_holds_the_model_families() -> None:
    expected = {
        "naive", "drift", "drift_log", "loglinear", "ses", "holt", "damped", "damped_log",
        "theta", "dotm", "dotm_log", "arima", "logistic", "gompertz", "mean", "median",
        "weighted",
    }  # fmt: skip
    assert expected <= set(MODEL_REGISTRY)


@pytest.mark.parametrize("alias", ALIASES)
def test_alias_and_class_attributes(alias: str) -> None:
    cls = MODEL_REGISTRY[alias]
    assert cls.alias == alias
    assert isinstance(cls.min_obs, int) and cls.min_obs >= 1
    assert isinstance(cls.requires_positive, bool)


@pytest.mark.parametrize("alias", ALIASES)
def test_parameters_are_keyword_only_and_stored_verbatim(alias: str) -> None:
    cls = MODEL_REGISTRY[alias]
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params)
    model = cls()
    assert model.get_params() == {p.name: p.default for p in params}
    assert repr(model).startswith(f"{cls.__name__}(")


@pytest.mark.parametrize("alias", ALIASES)
def test_predict_and_simulate_before_fit_raise(alias: str) -> None:
    model = MODEL_REGISTRY[alias]()
    msg = (
        f"this {type(model).__name__} (alias {alias!r}) is not fitted yet; "
        "call fit(y) before predict() or simulate()"
    )
    with pytest.raises(NotFittedError, match=re.escape(msg)):
        model.predict(3)
    with pytest.raises(NotFittedError, match=re.escape(msg)):
        model.simulate(3, 10)
    with pytest.raises(NotFittedError, match=re.escape(msg)):
        model.fit_notes()


@pytest.mark.parametrize("alias", ALIASES)
def test_fit_notes_are_a_tuple_of_text(alias: str, fitted: dict) -> None:
    notes = fitted[alias].fit_notes()
    assert isinstance(notes, tuple) and all(isinstance(n, str) and n for n in notes)


@pytest.mark.parametrize("alias", ALIASES)
def test_fit_returns_self_and_sets_trailing_underscore_attributes(alias: str) -> None:
    model = MODEL_REGISTRY[alias]()
    before = set(vars(model))
    assert model.fit(SERIES) is model
    new = {k for k in set(vars(model)) - before if not k.startswith("_")}
    assert new and all(k.endswith("_") for k in new), new
    assert model.n_obs_ == SERIES.size


@pytest.mark.parametrize("alias", ALIASES)
def test_predict_shapes_order_and_levels(alias: str, fitted: dict) -> None:
    pred = fitted[alias].predict(6, level=(50, 80, 95))
    assert pred.mean.shape == (6,) and pred.sigma.shape == (6,)
    assert np.all(np.isfinite(pred.mean)) and np.all(pred.sigma >= 0)
    assert pred.scale in {"level", "log"}
    for narrow, wide in [(50.0, 80.0), (80.0, 95.0)]:
        assert np.all(pred.lower[wide] <= pred.lower[narrow])
        assert np.all(pred.upper[narrow] <= pred.upper[wide])
    assert np.all(pred.lower[50.0] <= pred.mean) and np.all(pred.mean <= pred.upper[50.0])


@pytest.mark.parametrize("alias", ALIASES)
def test_intervals_follow_sigma_and_scale(alias: str, fitted: dict) -> None:
    # The documented relation the front door relies on (docs/internals.md).
    pred = fitted[alias].predict(5, level=95)
    z = normal_quantile(95)
    if pred.scale == "log":
        lo, hi = pred.mean * np.exp(-z * pred.sigma), pred.mean * np.exp(z * pred.sigma)
    else:
        lo, hi = pred.mean - z * pred.sigma, pred.mean + z * pred.sigma
    np.testing.assert_allclose(pred.lower[95.0], lo, rtol=1e-9)
    np.testing.assert_allclose(pred.upper[95.0], hi, rtol=1e-9)


@pytest.mark.parametrize("alias", ALIASES)
def test_simulate_is_seeded_and_shaped(alias: str, fitted: dict) -> None:
    model = fitted[alias]
    a = model.simulate(4, 7, seed=3)
    assert a.shape == (7, 4)
    np.testing.assert_array_equal(a, model.simulate(4, 7, seed=3))
    assert not np.array_equal(a, model.simulate(4, 7, seed=4))


@pytest.mark.parametrize("alias", ALIASES)
def test_simulated_marginals_match_predicted_intervals(alias: str, fitted: dict) -> None:
    # With n paths the empirical 10%/90% quantiles have a standard error of about
    # sqrt(0.09 / n) / pdf(q) in probability terms: 0.3% for n = 10,000. The bounds of the
    # 80% interval must sit at those empirical quantiles (tolerance: 5% of the width).
    model = fitted[alias]
    n_paths = 4_000 if alias in SLOW else 10_000
    paths = model.simulate(6, n_paths, seed=11)
    pred = model.predict(6, level=80)
    width = pred.upper[80.0] - pred.lower[80.0]
    tol = 0.05 * width + 1e-9
    np.testing.assert_array_less(np.abs(np.quantile(paths, 0.1, axis=0) - pred.lower[80.0]), tol)
    np.testing.assert_array_less(np.abs(np.quantile(paths, 0.9, axis=0) - pred.upper[80.0]), tol)
    np.testing.assert_array_less(np.abs(np.median(paths, axis=0) - pred.mean), tol)


@pytest.mark.parametrize("alias", ALIASES)
def test_positive_models_never_forecast_negative(alias: str) -> None:
    cls = MODEL_REGISTRY[alias]
    if not cls.requires_positive:
        pytest.skip("level model: clipping is the front door's policy")
    falling = np.array([100.0, 80.0, 65.0, 50.0, 41.0, 30.0, 24.0, 20.0, 15.0, 11.0])
    model = cls().fit(falling)
    assert np.all(model.predict(10, level=99).lower[99.0] > 0)
    assert np.all(model.simulate(10, 500, seed=1) > 0)


@pytest.mark.parametrize("alias", ALIASES)
def test_too_few_observations(alias: str) -> None:
    cls = MODEL_REGISTRY[alias]
    short = SERIES[: cls.min_obs - 1]
    msg = f"model {alias!r} needs at least {cls.min_obs} observations; got {short.size}"
    with pytest.raises(InsufficientDataError, match=re.escape(msg)):
        cls().fit(short)
    cls().fit(SERIES[: cls.min_obs]).predict(2)  # the minimum itself works


def test_too_few_observations_message_names_the_fix() -> None:
    # the three lowest minimums among registered models: naive 2, drift 3, drift_log 3
    with pytest.raises(InsufficientDataError) as caught:
        MODEL_REGISTRY["arima"]().fit(SERIES[:7])
    assert str(caught.value) == (
        "model 'arima' needs at least 8 observations; got 7; add years or use a model that "
        "needs fewer, such as 'naive' (2), 'drift' (3), 'drift_log' (3)"
    )
    with pytest.raises(InsufficientDataError) as caught:
        MODEL_REGISTRY["naive"]().fit(SERIES[:1])
    assert str(caught.value) == "model 'naive' needs at least 2 observations; got 1; add years"


@pytest.mark.parametrize("alias", ALIASES)
def test_non_positive_values_for_log_models(alias: str) -> None:
    cls = MODEL_REGISTRY[alias]
    if not cls.requires_positive:
        pytest.skip("level model")
    y = SERIES.copy()
    y[3] = 0.0
    msg = (
        f"model {alias!r} works on logarithms and needs positive values; observation 3 is "
        "0.0; use a level model such as 'drift' instead"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        cls().fit(y)


@pytest.mark.parametrize("alias", ALIASES)
def test_bad_horizon(alias: str, fitted: dict) -> None:
    msg = f"{alias} predict(): horizon h must be a positive integer number of years; got 0"
    with pytest.raises(ModelError, match=re.escape(msg)):
        fitted[alias].predict(0)


@pytest.mark.parametrize("alias", ALIASES)
def test_fitted_model_pickles(alias: str, fitted: dict) -> None:
    model = pickle.loads(pickle.dumps(fitted[alias]))
    np.testing.assert_allclose(model.predict(3).mean, fitted[alias].predict(3).mean)


@pytest.mark.parametrize("level", ["95", None, (80, "95"), (80, float("nan")), True])
def test_text_or_missing_levels_are_model_errors(level: object) -> None:
    # Was: level="95" became the levels 9 and 5 (tuple of characters); None or a text
    # entry raised a raw TypeError/ValueError from float().
    model = MODEL_REGISTRY["drift"]().fit(SERIES)
    bad = level if isinstance(level, str | bool) or level is None else level[1]  # type: ignore[index]
    with pytest.raises(ModelError) as caught:
        model.predict(2, level=level)  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"interval level {bad!r} is not a percentage strictly between 0 and 100; pass levels "
        "like (80, 95)"
    )


def test_a_level_as_a_fraction_and_a_fractional_path_count_are_model_errors() -> None:
    # before: predict(level=0.8) gave a 0.8% interval, simulate(2, 1.5) one path and
    # sample_paths(2.5) two, as forecast()'s front door already refuses the first
    model = MODEL_REGISTRY["drift"]().fit(SERIES)
    msg = (
        "interval level 0.8 reads as a 0.8% interval; levels are percentages: pass 80, not "
        "0.8 (as in level=(80, 95))"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        model.predict(2, level=0.8)
    with pytest.raises(ModelError, match=re.escape("n_paths must be a positive integer; got 1.5")):
        model.simulate(2, 1.5)  # type: ignore[arg-type]
    assert model.simulate(2, np.int64(3), seed=0).shape == (3, 2)
    from idcforecast import forecast_array

    fc = forecast_array(np.array([10.0, 12.0, 14.5, 17.0, 20.5]), horizon=2)
    msg = "series 'series': n_paths must be a positive integer; got 2.5"
    with pytest.raises(ModelError, match=re.escape(msg)):
        fc.sample_paths(2.5)  # type: ignore[arg-type]


def test_fit_refuses_a_year_indexed_series_with_a_year_missing() -> None:
    # fit() reads values in their order, one a year: Drift().fit() of 100, 120, 150, 170,
    # 200 in 2016, 2017, 2019, 2020, 2021 gave a slope of (200 - 100) / 4 = 25 a year
    # (the truth over 5 years: 20) and a forecast of 225, in silence
    import pandas as pd

    from idcforecast.errors import DataError

    gappy = pd.Series([100.0, 120.0, 150.0, 170.0, 200.0], index=[2016, 2017, 2019, 2020, 2021])
    msg = (
        "model 'drift': expected consecutive yearly values, oldest first (their order is read "
        "as one a year); the Series' index skips year 2018; fill the missing years or pass "
        "only the latest consecutive run; forecast() handles gaps (gaps='interpolate' or "
        "'span')"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        MODEL_REGISTRY["drift"]().fit(gappy)
    consecutive = gappy.set_axis(range(2017, 2022))
    assert MODEL_REGISTRY["drift"]().fit(consecutive).predict(1).mean.tolist() == [225.0]
