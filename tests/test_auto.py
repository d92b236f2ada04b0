"""The "auto" combination: its members, their fallbacks and the median (hand arithmetic)."""

from __future__ import annotations

import numpy as np
import pytest

from idcforecast.auto import (
    AUTO_MEMBERS,
    AUTO_MIN_OBS,
    THEIL_SEN_WINDOW,
    auto_members_for,
    auto_point,
    theil_sen_slope,
)
from idcforecast.models import MODEL_REGISTRY

Y = np.array([100.0, 104.0, 120.0, 121.0, 140.0, 150.0])


def test_members_are_the_tuned_six() -> None:
    # benchmarks/tune_auto.py: best mean OWA over the eight tuning sets
    assert [m.name for m in AUTO_MEMBERS] == [
        "naive",
        "damped",
        "ses",
        "loglinear",
        "drift_log",
        "theil_sen",
    ]
    assert AUTO_MIN_OBS == 4


@pytest.mark.parametrize(
    ("n_obs", "positive", "names", "note"),
    [
        (12, True, ["naive", "damped", "ses", "loglinear", "drift_log", "theil_sen"], ""),
        (
            4,
            True,
            ["naive", "ses", "loglinear", "drift_log", "theil_sen"],
            "4 points: left out 'damped' (needs 6)",
        ),
        (
            6,
            False,
            ["naive", "drift", "ses", "dotm", "theil_sen"],
            "6 points: a value is not positive, so the log members cannot fit: the median of "
            "naive, drift, ses, dotm, theil_sen in place of the six",
        ),
        (
            4,
            False,
            ["naive", "drift", "ses", "theil_sen"],
            "4 points: a value is not positive, so the log members cannot fit: the median of "
            "naive, drift, ses, dotm, theil_sen in place of the six; left out 'dotm' (needs 6)",
        ),
    ],
)
def test_members_for_short_or_non_positive_series(n_obs, positive, names, note) -> None:
    members, got = auto_members_for(n_obs, positive=positive)
    assert [m.name for m in members] == names
    assert got == note


def test_member_forecasts_by_hand() -> None:
    by_name = {m.name: m.point(Y, 2) for m in AUTO_MEMBERS}
    steps = np.array([1.0, 2.0])
    np.testing.assert_allclose(by_name["naive"], [150.0, 150.0])
    # mean log growth = log(150 / 100) / 5
    np.testing.assert_allclose(by_name["drift_log"], 150.0 * 1.5 ** (steps / 5))
    slope, intercept = np.polyfit(np.arange(6.0), np.log(Y), 1)
    np.testing.assert_allclose(by_name["loglinear"], np.exp(intercept + slope * (5 + steps)))
    # all six points are within the nine-point window; the 15 pairwise slopes
    # (104-100)/1=4, 20/2=10, 21/3=7, 40/4=10, 50/5=10, 16/1=16, 17/2=8.5, 36/3=12, 46/4=11.5,
    # 1/1=1, 20/2=10, 30/3=10, 19/1=19, 29/2=14.5, 10/1=10: sorted, the 8th is 10
    np.testing.assert_allclose(by_name["theil_sen"], 150.0 + 10.0 * steps)
    # the smoothing members are the registry models (tested against statsmodels there)
    for alias in ("damped", "ses"):
        expected = MODEL_REGISTRY[alias]().fit(Y).predict(2, level=()).mean
        np.testing.assert_array_equal(by_name[alias], expected)


def test_theil_sen_uses_only_the_last_nine_points() -> None:
    # six flat years, then nine rising by 2 a year: the member follows the recent trend
    y = np.concatenate([np.full(6, 50.0), 50.0 + 2.0 * np.arange(1.0, 10.0)])
    by_name = {m.name: m.point(y, 3) for m in AUTO_MEMBERS}
    np.testing.assert_allclose(by_name["theil_sen"], 68.0 + 2.0 * np.arange(1.0, 4.0))
    # over all 15 points, 15 of the 105 pairwise slopes are 0 (flat pairs) and the rest
    # fall below 2 when they start in the flat part: the median slope is smaller
    assert theil_sen_slope(y) < 2.0


def _registry(alias: str, y: np.ndarray, h: int) -> np.ndarray:
    return MODEL_REGISTRY[alias]().fit(y).predict(h, level=()).mean


def test_auto_point_with_six_members_averages_the_middle_two() -> None:
    slope, intercept = np.polyfit(np.arange(6.0), np.log(Y), 1)
    members = np.vstack(
        [
            [150.0, 150.0],  # naive
            _registry("damped", Y, 2),
            _registry("ses", Y, 2),
            np.exp(intercept + slope * np.array([6.0, 7.0])),  # log-linear
            150.0 * 1.5 ** (np.array([1.0, 2.0]) / 5),  # drift on logs
            [160.0, 170.0],  # Theil-Sen, slope 10 (above)
        ]
    )
    ordered = np.sort(members, axis=0)
    np.testing.assert_allclose(auto_point(Y, 2), (ordered[2] + ordered[3]) / 2)


def test_auto_point_with_five_members_takes_the_middle_one() -> None:
    y = Y[:4]  # 100, 104, 120, 121: no damped (needs 6)
    # naive 121; drift on logs 121 * 1.21^(1/3); Theil-Sen: pairwise slopes 4, 10, 7, 16,
    # 8.5, 1 -> median (7 + 8.5) / 2 = 7.75, so 128.75
    log_growth = np.log(1.21) / 3
    slope, intercept = np.polyfit(np.arange(4.0), np.log(y), 1)
    members = np.sort(
        [
            121.0,
            _registry("ses", y, 1)[0],
            121.0 * np.exp(log_growth),
            np.exp(intercept + slope * 4),
            128.75,
        ]
    )
    assert auto_point(y, 1)[0] == pytest.approx(members[2])


def test_non_positive_series_uses_level_members_only() -> None:
    z = np.array([3.0, -1.0, 4.0, 6.0, 5.0, 9.0])
    # naive 9, 9; Theil-Sen: the 15 pairwise slopes sorted are -4, -1, .5, .5, .5, 1, 1.2,
    # 1.5, 5/3, 2, 2, 2.5, 3.5, 4, 5: median 1.5, so 9 + 1.5h = 10.5, 12; drift (9 - 3) / 5
    # = 1.2 a year: 10.2, 11.4; with SES and DOTM, five members: the median is the middle one
    members = np.vstack(
        [
            [9.0, 9.0],
            [10.2, 11.4],
            _registry("ses", z, 2),
            _registry("dotm", z, 2),
            [10.5, 12.0],
        ]
    )
    ordered = np.sort(members, axis=0)
    np.testing.assert_allclose(auto_point(z, 2), ordered[2])
    assert np.all(np.isfinite(auto_point(z, 2)))


def test_a_growing_series_from_zero_is_not_forecast_flat() -> None:
    # 0, 1, 3, 6, 10: the four members that fitted before (naive 10, ses ~10, theil_sen,
    # damped needs 6) had a median of 10 a year, flat. Now naive 10, drift 10 + 2.5 h,
    # ses 10 (alpha 1 fits this series best: every step is a level shift) and theil_sen
    # 10 + 2.5 h (pairwise slopes 1, 1.5, 2, 2, 2.5, 3, 2.5, 3, 3.5, 4: median 2.5); the
    # median of four is the mean of the middle two, 10 + 1.25 h
    y = np.array([0.0, 1.0, 3.0, 6.0, 10.0])
    np.testing.assert_allclose(auto_point(y, 3), [11.25, 12.5, 13.75], rtol=1e-6)


def test_not_positive_members_against_the_registry_models() -> None:
    # the median of the registry's own naive, drift, ses, dotm and the Theil-Sen member
    y = np.array([-5.0, -2.0, 1.0, 3.0, 6.0, 10.0, 12.0, 15.0])
    points = [
        MODEL_REGISTRY[a]().fit(y).predict(2, level=()).mean
        for a in ("naive", "drift", "ses", "dotm")
    ]
    slope = theil_sen_slope(y[-THEIL_SEN_WINDOW:])
    points.append(y[-1] + slope * np.array([1.0, 2.0]))
    np.testing.assert_allclose(auto_point(y, 2), np.median(np.vstack(points), axis=0), rtol=1e-12)
