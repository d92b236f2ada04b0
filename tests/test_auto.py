"""The "auto" combination: its members, their fallbacks and the median (hand arithmetic)."""

from __future__ import annotations

import numpy as np
import pytest

from idcforecast.auto import AUTO_MEMBERS, AUTO_MIN_OBS, auto_members_for, auto_point
from idcforecast.models import MODEL_REGISTRY

Y = np.array([100.0, 104.0, 120.0, 121.0, 140.0, 150.0])


def test_members_are_the_tuned_five() -> None:
    # benchmarks/tune_auto.py ranks this median first on the tuning sets
    assert [m.name for m in AUTO_MEMBERS] == [
        "naive",
        "holt",
        "loglinear",
        "drift_log",
        "median_drift",
    ]
    assert AUTO_MIN_OBS == 4


@pytest.mark.parametrize(
    ("n_obs", "positive", "names", "note"),
    [
        (12, True, ["naive", "holt", "loglinear", "drift_log", "median_drift"], ""),
        (
            4,
            True,
            ["naive", "loglinear", "drift_log", "median_drift"],
            "4 points: left out 'holt' (needs 5)",
        ),
        (
            6,
            False,
            ["naive", "holt", "median_drift"],
            "6 points: left out 'loglinear' (needs positive values), 'drift_log' (needs "
            "positive values)",
        ),
        (
            4,
            False,
            ["naive", "median_drift"],
            "4 points: left out 'holt' (needs 5), 'loglinear' (needs positive values), "
            "'drift_log' (needs positive values)",
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
    # first differences 4, 16, 1, 19, 10: median 10
    np.testing.assert_allclose(by_name["median_drift"], 150.0 + 10.0 * steps)
    # mean log growth = log(150 / 100) / 5
    np.testing.assert_allclose(by_name["drift_log"], 150.0 * 1.5 ** (steps / 5))
    slope, intercept = np.polyfit(np.arange(6.0), np.log(Y), 1)
    np.testing.assert_allclose(by_name["loglinear"], np.exp(intercept + slope * (5 + steps)))


def test_auto_point_is_the_median_of_the_members() -> None:
    holt = MODEL_REGISTRY["holt"]().fit(Y).predict(2, level=()).mean
    # h=1: naive 150, holt 158.4, median drift 160, log-linear 162.43, drift on logs 162.67
    # h=2: 150, 168.66, 170, 176.60, 176.41: the median drift is the middle one both times
    assert holt[0] < 160.0 and holt[1] < 170.0
    np.testing.assert_allclose(auto_point(Y, 2), [160.0, 170.0])


def test_auto_point_with_four_members_averages_the_middle_two() -> None:
    y = Y[:4]  # 100, 104, 120, 121: no holt
    # naive 121; median drift 121 + 4 (diffs 4, 16, 1); drift on logs 121 * 1.21^(1/3)
    log_growth = np.log(1.21) / 3
    slope, intercept = np.polyfit(np.arange(4.0), np.log(y), 1)
    members = np.sort([121.0, 125.0, 121.0 * np.exp(log_growth), np.exp(intercept + slope * 4)])
    assert auto_point(y, 1)[0] == pytest.approx((members[1] + members[2]) / 2)


def test_non_positive_series_uses_level_members_only() -> None:
    z = np.array([3.0, -1.0, 4.0, 6.0, 5.0, 9.0])
    holt = MODEL_REGISTRY["holt"]().fit(z).predict(2, level=()).mean
    # naive 9, 9; median drift 9 + 2h (diffs -4, 5, 2, -1, 4: median 2) = 11, 13
    expected = np.median(np.vstack([[9.0, 9.0], holt, [11.0, 13.0]]), axis=0)
    np.testing.assert_allclose(auto_point(z, 2), expected)
    assert np.all(np.isfinite(auto_point(z, 2)))
