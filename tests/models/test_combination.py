"""mean / median / weighted combinations of member models."""

from __future__ import annotations

import re

import numpy as np
import pytest

from idcforecast.errors import InsufficientDataError, ModelError, UnknownMethodError
from idcforecast.models import (
    Drift,
    LogLinear,
    MeanCombination,
    MedianCombination,
    Naive,
    Theta,
    WeightedCombination,
)

Y = np.array([100.0, 112.0, 121.0, 135.0, 146.0, 154.0, 166.0, 171.0, 183.0, 188.0])


def test_mean_pools_point_forecasts_and_sigmas_by_hand() -> None:
    # naive: 188 flat, sigma = rms(diffs) sqrt(h); drift: 188 + h * 88 / 9.
    combo = MeanCombination(members=("naive", "drift")).fit(Y)
    naive, drift = Naive().fit(Y).predict(3), Drift().fit(Y).predict(3)
    np.testing.assert_allclose(combo.predict(3).mean, (naive.mean + drift.mean) / 2)
    np.testing.assert_allclose(combo.predict(3).mean[0], (188 + 188 + 88 / 9) / 2)
    np.testing.assert_allclose(combo.predict(3).sigma, (naive.sigma + drift.sigma) / 2)
    assert combo.predict(3).scale == "level"


def test_median_takes_the_middle_member() -> None:
    combo = MedianCombination(members=("naive", "drift", "theta")).fit(Y)
    means = np.array([cls().fit(Y).predict(4).mean for cls in (Naive, Drift, Theta)])
    np.testing.assert_allclose(combo.predict(4).mean, np.median(means, axis=0))


def test_weighted_normalises_weights() -> None:
    combo = WeightedCombination(members=("naive", "drift"), weights=[3.0, 1.0]).fit(Y)
    assert combo.weights_.tolist() == [0.75, 0.25]
    expected = 0.75 * 188 + 0.25 * (188 + 88 / 9)
    assert combo.predict(1).mean[0] == pytest.approx(expected)


def test_weighted_without_weights_takes_them_from_backtests_by_hand() -> None:
    # Was: equal weights, so method="weighted" gave exactly method="mean".
    # y = 100, 112, 121, 135, 146, 154, 166, 171; cutoffs t = 3..7 (drift needs 3 points),
    # up to 6 years ahead of each. Absolute errors summed over each cutoff's forecasts:
    #   t=3: naive 121 vs 135,146,154,166,171 -> 14+25+33+45+50 = 167;
    #        drift 121 + 10.5 h -> 3.5+4+1.5+3+2.5 = 14.5
    #   t=4: naive 135 -> 11+19+31+36 = 97; drift 135 + 35/3 h -> 0.667+4.333+4+10.667 = 19.667
    #   t=5: naive 146 -> 8+20+25 = 53; drift 146 + 11.5 h -> 3.5+3+9.5 = 16
    #   t=6: naive 154 -> 12+17 = 29; drift 154 + 10.8 h -> 1.2+4.6 = 5.8
    #   t=7: naive 166 -> 5; drift 166 + 11 -> 6
    # naive 351, drift 61.967 over the same 15 forecasts: weights are the inverse MAEs,
    # naive 61.9667 / (351 + 61.9667) = 0.150052, drift 0.849948.
    y = Y[:8]
    combo = WeightedCombination(members=("naive", "drift")).fit(y)
    np.testing.assert_allclose(combo.weights_, [0.150052, 0.849948], atol=1e-6)
    assert combo.weight_origins_ == 5
    assert combo.fit_notes() == (
        "weights naive 0.15, drift 0.85, from backtests at 5 earlier cutoffs",
    )
    mean = MeanCombination(members=("naive", "drift")).fit(y)
    assert combo.predict(1).mean[0] != pytest.approx(mean.predict(1).mean[0])
    # too short for any cutoff at which both fit: equal weights, and the note says so
    short = WeightedCombination(members=("naive", "drift")).fit(y[:3])
    assert short.weights_.tolist() == [0.5, 0.5] and short.weight_origins_ == 0
    assert short.fit_notes() == (
        "weights naive 0.50, drift 0.50: equal, too few points to backtest the members at "
        "an earlier cutoff",
    )


def test_log_member_spread_converted_to_level_scale() -> None:
    # A log member's level half-width is mean * sinh(sigma): half the distance between
    # mean * exp(-sigma) and mean * exp(sigma).
    combo = MeanCombination(members=("drift", "loglinear")).fit(Y)
    drift, loglin = Drift().fit(Y).predict(2), LogLinear().fit(Y).predict(2)
    expected = (drift.sigma + loglin.mean * np.sinh(loglin.sigma)) / 2
    np.testing.assert_allclose(combo.predict(2).sigma, expected)
    assert combo.predict(2).scale == "level"


def test_all_log_members_combine_on_the_log_scale() -> None:
    combo = MeanCombination(members=("loglinear", "damped_log")).fit(Y)
    pred = combo.predict(3, level=95)
    assert pred.scale == "log"
    assert np.all(pred.lower[95.0] > 0)
    assert np.all(combo.simulate(3, 200, seed=0) > 0)


def test_requirements_come_from_the_members() -> None:
    MeanCombination(members=("naive", "drift")).fit(Y[:3])
    msg = "model 'mean' needs at least 6 observations; got 5"
    with pytest.raises(InsufficientDataError, match=re.escape(msg)):
        MeanCombination().fit(Y[:5])
    y = Y.copy()
    y[2] = -1.0
    msg = (
        "model 'median' works on logarithms and needs positive values; observation 2 is -1.0;"
        " use a level model such as 'drift' instead"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        MedianCombination(members=("drift", "loglinear", "theta")).fit(y)


def test_bad_members_and_weights() -> None:
    with pytest.raises(UnknownMethodError, match=re.escape("unknown member model 'arma'")):
        MeanCombination(members=("drift", "arma")).fit(Y)
    msg = "model 'mean': members is empty; pass model aliases such as ('drift', 'damped', 'theta')"
    with pytest.raises(ModelError, match=re.escape(msg)):
        MeanCombination(members=()).fit(Y)
    msg = (
        "model 'weighted': weights=[1.0] has 1 entry for 2 members; pass one weight per "
        "member or weights=None"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        WeightedCombination(members=("naive", "drift"), weights=[1.0]).fit(Y)
    msg = (
        "model 'weighted': weights=[1.0, -1.0] must be finite, non-negative and not all zero; "
        "pass e.g. inverse backtest errors"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        WeightedCombination(members=("naive", "drift"), weights=[1.0, -1.0]).fit(Y)


def test_simulated_paths_are_autocorrelated_like_a_random_walk() -> None:
    combo = MeanCombination(members=("naive", "drift")).fit(Y)
    paths = combo.simulate(4, 20_000, seed=5)
    corr = np.corrcoef(paths[:, 0], paths[:, 3])[0, 1]
    assert corr == pytest.approx(0.5, abs=0.03)  # corr(W_1, W_4) = sqrt(1/4)


def test_weighted_leaves_out_a_cutoff_where_a_member_cannot_be_refitted() -> None:
    # before: the logistic fits the whole series but not its falling start (cutoffs 5 and
    # 6 of 2020-2029: y[:5], y[:6]), and that refit's ConvergenceError failed the fit
    from idcforecast.models import Logistic

    y = np.array([500.0, 480, 470, 440, 430, 450, 520, 600, 700, 820])
    model = WeightedCombination(members=("drift", "logistic")).fit(y)
    # the weights come from cutoffs 7, 8, 9 only (5 and 6 left out for both members):
    # drift at t: y[t-1] + k (y[t-1] - y[0]) / (t - 1), k = 1..min(6, 10 - t)
    drift_err, logistic_err, count = 0.0, 0.0, 0
    for t in (7, 8, 9):
        k = np.arange(1, min(6, 10 - t) + 1)
        drift = y[t - 1] + k * (y[t - 1] - y[0]) / (t - 1)
        drift_err += float(np.abs(drift - y[t : t + k.size]).sum())
        logistic = Logistic().fit(y[:t]).predict(k.size).mean
        logistic_err += float(np.abs(logistic - y[t : t + k.size]).sum())
        count += k.size
    inverse = np.array([count / drift_err, count / logistic_err])
    np.testing.assert_allclose(model.weights_, inverse / inverse.sum(), rtol=1e-12)
    shares = ", ".join(
        f"{n} {w:.2f}" for n, w in zip(("drift", "logistic"), model.weights_, strict=True)
    )
    assert model.fit_notes() == (
        f"weights {shares}, from backtests at 3 earlier cutoffs (2 cutoffs left out: a "
        "member's refit failed)",
    )
