"""Rolling-origin errors, the pooled sigma and the interval formula (hand arithmetic)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from idcforecast.calibration import (
    CalibrationSettings,
    calibrated_sigma,
    interval_bounds,
    prior_sigma,
    rolling_origin_errors,
    t_quantile,
)
from idcforecast.errors import ModelError

ONE_TRAIN = CalibrationSettings(min_train=1)


def naive(train: np.ndarray, h: int) -> np.ndarray:
    return np.full(h, train[-1])


def test_rolling_origin_errors_level_and_log() -> None:
    y = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 7.0])
    # cutoffs 5 and 4 (min_train 4): from 5 -> [7-5]; from 4 -> [5-4, 7-4]
    errs = rolling_origin_errors(y, naive, horizon=2, log=False)
    np.testing.assert_array_equal(errs, [[2.0, np.nan], [1.0, 3.0]])
    logs = rolling_origin_errors(y, naive, horizon=2, log=True)
    np.testing.assert_allclose(logs, [[np.log(7 / 5), np.nan], [np.log(5 / 4), np.log(7 / 4)]])


def test_rolling_origin_respects_max_origins_and_min_train() -> None:
    y = np.arange(1.0, 21.0)
    settings = CalibrationSettings(max_origins=3, min_train=4)
    assert rolling_origin_errors(y, naive, horizon=1, log=False, settings=settings).shape == (3, 1)
    short = CalibrationSettings(max_origins=8, min_train=18)
    # cutoffs 19 and 18 only
    assert rolling_origin_errors(y, naive, horizon=1, log=False, settings=short).shape == (2, 1)


def test_non_positive_log_forecast_gives_nan_not_a_number() -> None:
    y = np.array([5.0, 4.0, 3.0, 2.0, 1.0])

    def crash(train: np.ndarray, h: int) -> np.ndarray:
        return np.full(h, -1.0)

    assert np.isnan(rolling_origin_errors(y, crash, horizon=1, log=True)).all()


def test_prior_sigma_hand() -> None:
    # log diffs of 100, 110, 99: log(1.1), log(0.9); trend_weight 1: their RMS,
    # sqrt((0.0953102^2 + 0.1053605^2) / 2) = 0.1004612; trend_weight 0: RMS about the mean
    d = np.array([np.log(1.1), np.log(0.9)])
    y = np.array([100.0, 110.0, 99.0])
    assert prior_sigma(y, log=True, trend_weight=1.0) == pytest.approx(0.1004612, abs=1e-7)
    assert prior_sigma(y, log=True, trend_weight=1.0) == pytest.approx(np.sqrt(np.mean(d**2)))
    spread = np.sqrt(np.mean((d - d.mean()) ** 2))  # 0.1003355
    assert prior_sigma(y, log=True, trend_weight=0.0) == pytest.approx(spread)
    # half weight: sqrt(spread^2 + (0.5 * mean)^2), mean = -0.00502515
    half = np.sqrt(spread**2 + (0.5 * d.mean()) ** 2)
    assert prior_sigma(y, log=True, trend_weight=0.5) == pytest.approx(half)
    # default weight 1.5: sqrt(0.1003355^2 + (1.5 * 0.00502515)^2)
    # = sqrt(0.01006721 + 0.00005682) = 0.1006181
    assert prior_sigma(y, log=True) == pytest.approx(0.1006181, abs=1e-7)
    # level scale, weight 1: diffs 10, -11 -> RMS sqrt((100 + 121) / 2) = 10.5119
    assert prior_sigma(y, log=False, trend_weight=1.0) == pytest.approx(10.511898, abs=1e-6)
    # two points: the one change (1) stands for the spread, sqrt(1 + 1.5^2) = 1.8027756
    assert prior_sigma(np.array([1.0, 2.0]), log=False) == pytest.approx(1.8027756, abs=1e-7)
    assert prior_sigma(np.array([1.0]), log=False) == 0.0


def test_prior_of_a_steady_grower_follows_its_growth_rate() -> None:
    # +30% a year exactly: no spread in growth, so a prior from the spread alone would be 0
    # (intervals of a smooth fast-growing market far too narrow); the default counts 1.5
    # times the growth rate: 1.5 * log(1.3) = 0.393546, weight 1 once: 0.262364
    y = 100.0 * 1.3 ** np.arange(8)
    assert prior_sigma(y, log=True) == pytest.approx(0.393546, abs=1e-6)
    assert prior_sigma(y, log=True, trend_weight=1.0) == pytest.approx(0.262364, abs=1e-6)
    assert prior_sigma(y, log=True, trend_weight=0.0) == pytest.approx(0.0, abs=1e-12)


def test_calibrated_sigma_shrinks_toward_the_prior() -> None:
    errs = np.array([[0.1, 0.3], [0.1, np.nan]])
    settings = CalibrationSettings(growth=1.0, offset=1.0, prior_weight=2.0)
    # growth law g(h) = (h + 1) / 2: g(1) = 1, g(2) = 1.5, g(3) = 2
    scaled = np.array([0.1, 0.3 / 1.5, 0.1])
    s = np.sqrt((np.sum(scaled**2) + 2.0 * 0.4**2) / (3 + 2.0))
    got = calibrated_sigma(errs, horizon=3, prior=0.4, settings=settings)
    np.testing.assert_allclose(got, s * np.array([1.0, 1.5, 2.0]))
    # no errors at all: the prior alone
    empty = np.full((0, 2), np.nan)
    np.testing.assert_allclose(
        calibrated_sigma(empty, horizon=1, prior=0.4, settings=settings), [0.4]
    )


def test_t_quantile_matches_tables() -> None:
    # Student t tables: t(0.975; 5) = 2.5706, t(0.90; 5) = 1.4759; normal 1.9600
    assert t_quantile(95, 5.0) == pytest.approx(2.570582, abs=1e-6)
    assert t_quantile(80, 5.0) == pytest.approx(1.475884, abs=1e-6)
    assert t_quantile(95, float("inf")) == pytest.approx(1.959964, abs=1e-6)


def test_t_quantile_with_4_degrees_of_freedom_matches_tables_and_scipy() -> None:
    # the default tail_df: computed in closed form, not by scipy.special.stdtrit
    # Student t tables, 4 degrees of freedom: t(0.975) = 2.7764, t(0.90) = 1.5332,
    # t(0.995) = 4.6041
    assert t_quantile(95, 4.0) == pytest.approx(2.776445, abs=1e-6)
    assert t_quantile(80, 4.0) == pytest.approx(1.533206, abs=1e-6)
    assert t_quantile(99, 4.0) == pytest.approx(4.604095, abs=1e-6)
    # and the same bits as scipy's, so no interval moved: every level 0.01..99.99
    from scipy.special import stdtrit

    levels = np.arange(1, 10000) / 100.0
    ours = np.array([t_quantile.__wrapped__(float(level), 4.0) for level in levels])
    np.testing.assert_array_equal(ours, stdtrit(4.0, 0.5 + levels / 200.0))


def test_interval_bounds_log_and_level() -> None:
    settings = CalibrationSettings(tail_df=5.0, spread=0.5)
    q = 0.5 * 2.570582
    lo, hi = interval_bounds(np.array([100.0]), np.array([0.2]), level=95, log=True,
                             settings=settings)  # fmt: skip
    np.testing.assert_allclose([lo[0], hi[0]], [100 * np.exp(-q * 0.2), 100 * np.exp(q * 0.2)],
                               rtol=1e-6)  # fmt: skip
    lo, hi = interval_bounds(np.array([100.0]), np.array([20.0]), level=95, log=False,
                             settings=settings)  # fmt: skip
    np.testing.assert_allclose([lo[0], hi[0]], [100 - q * 20, 100 + q * 20], rtol=1e-6)


def test_filled_years_are_neither_actuals_nor_origins() -> None:
    from idcforecast.calibration import origin_errors

    y = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 7.0, 8.0])
    seen = np.array([True, True, True, True, False, True, True])  # y[4] filled
    forecasts = [np.full(2, 7.0), np.full(2, 5.0), np.full(2, 4.0)]  # naive at cutoffs 6, 5, 4
    errs = origin_errors(y, forecasts, horizon=2, log=False, observed=seen)
    # cutoff 6: 8 - 7; cutoff 5 ends on the filled y[4]: no errors; cutoff 4: y[4] is not
    # an actual, 7 - 4 = 3 at step 2
    np.testing.assert_array_equal(errs, [[1.0, np.nan], [np.nan, np.nan], [np.nan, 3.0]])
    every = origin_errors(y, forecasts, horizon=2, log=False, observed=np.ones(7, bool))
    np.testing.assert_array_equal(every, origin_errors(y, forecasts, horizon=2, log=False))
    with pytest.raises(ModelError, match=re.escape("observed has shape (6,); expected (7,)")):
        origin_errors(y, forecasts, horizon=2, log=False, observed=seen[:6])
    # was "got 1 forecasts for the 3 cutoffs"
    msg = (
        "origin_errors: got 1 forecast for the 3 cutoffs [6, 5, 4] of a series of 7 points; "
        "pass one forecast per cutoff, latest first"
    )
    with pytest.raises(ModelError, match=re.escape(msg) + "$"):
        origin_errors(y, forecasts[:1], horizon=2, log=False)
    msg = "origin_errors: got 2 forecasts for the 1 cutoff [1] of a series of 2 points; "
    with pytest.raises(ModelError, match=re.escape(msg)):
        origin_errors(y[:2], forecasts[:2], horizon=1, log=False, settings=ONE_TRAIN)


def test_prior_sigma_over_gaps_weights_rates_by_their_span() -> None:
    y = np.array([100.0, 110.0, 99.0, 120.0, 130.0])
    # all observed: the same number as without a mask
    assert prior_sigma(y, log=True, observed=np.ones(5, bool)) == prior_sigma(y, log=True)
    # y[2] filled: log changes 0.0953102 (1 year), log(120/110) = 0.0870114 over 2 years
    # (rate 0.0435057), log(130/120) = 0.0800427 (1 year); mean log(130/100) / 4 = 0.0655910
    # var = (0.0297191^2 + 2 * 0.0220854^2 + 0.0144516^2) / 3 = 0.000689201
    # weight 1.5: sqrt(0.000689201 + (1.5 * 0.0655911)^2) = 0.1018289
    seen = np.array([True, True, False, True, True])
    assert prior_sigma(y, log=True, observed=seen) == pytest.approx(0.1018289, abs=1e-7)
    # two observed values: their one change stands for the spread, as without a gap (was
    # 0, so a naive forecast got zero-width intervals): rate log(1.3) / 4 = 0.0655911 over
    # g = 4 years, times sqrt(g + 1.5^2) = sqrt(6.25) = 2.5 -> 0.1639777
    two = np.array([1, 0, 0, 0, 1], bool)
    assert prior_sigma(y, log=True, observed=two) == pytest.approx(0.1639777, abs=1e-7)
    # one observed year apart it is the no-gap rule, |d| sqrt(1 + 1.5^2)
    one_apart = np.array([1, 1, 0], bool)
    assert prior_sigma(y[:3], log=True, observed=one_apart) == prior_sigma(y[:2], log=True)
    assert prior_sigma(y, log=True, observed=np.array([1, 0, 0, 0, 0], bool)) == 0.0


def test_a_naive_forecast_from_two_years_with_a_gap_has_an_interval() -> None:
    # before: 100 (2020), 150 (2022) gave lo == hi == 150 and the note "the history never
    # changed"; no cutoff can be scored, so the width is the prior alone:
    # sigma_h = log(1.5) / 2 * sqrt(2 + 1.5^2) * sqrt(h), bounds 150 exp(-/+ q sigma_h),
    # q = 0.851 * t(4 d.f.) quantile
    import pandas as pd
    from scipy.stats import t

    from idcforecast import forecast

    fc = forecast(pd.Series([100.0, 150.0], index=[2020, 2022]), 2, method="naive")
    sigma = np.log(1.5) / 2 * np.sqrt(4.25) * np.sqrt([1.0, 2.0])
    for level, p in ((80, 0.9), (95, 0.975)):
        q = 0.851 * t.ppf(p, 4)
        np.testing.assert_allclose(fc[f"lo_{level}"], 150.0 * np.exp(-q * sigma), rtol=1e-9)
        np.testing.assert_allclose(fc[f"hi_{level}"], 150.0 * np.exp(q * sigma), rtol=1e-9)
    assert "never changed" not in fc["note"].iloc[0]


def test_origin_errors_leave_a_bound_actual_out_whatever_its_number() -> None:
    """A year published as a bound ("more than 7") was scored as an exact actual: its
    stated number set the errors of every cutoff forecasting it. It is left out now, and
    the other cells do not change with its number."""
    from idcforecast.calibration import origin_errors

    forecasts = [np.full(2, 5.0), np.full(2, 4.0)]  # cutoffs 5 and 4 of six points
    more_than = np.array([False] * 5 + [True])
    tables = [
        origin_errors(
            np.array([1.0, 2.0, 3.0, 4.0, 5.0, last]),
            forecasts,
            horizon=2,
            log=False,
            bound=more_than,
        )
        for last in (7.0, 700.0)
    ]
    # cutoff 4 forecasts 4 for y[4] = 5: error 1; every cell scored on y[5] is NaN
    for table in tables:
        np.testing.assert_array_equal(table, [[np.nan, np.nan], [1.0, np.nan]])
    with pytest.raises(ModelError, match=re.escape("origin_errors: bound has shape (5,)")):
        origin_errors(
            np.arange(1.0, 7.0), forecasts, horizon=2, log=False, bound=np.zeros(5, dtype=bool)
        )
