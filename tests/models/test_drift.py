"""drift and drift_log: random walk with drift, by hand arithmetic."""

from __future__ import annotations

import numpy as np
import pytest

from idcforecast.models import Drift, DriftLog

Y = np.array([100.0, 112.0, 121.0, 135.0, 146.0, 154.0, 166.0, 171.0, 183.0, 188.0])


def test_drift_by_hand() -> None:
    # drift = (188 - 100) / 9; sigma = sd of the 9 differences (ddof 1);
    # sigma_h = sigma * sqrt(h (1 + h / 9)), as R's forecast::rwf(drift = TRUE).
    model = Drift().fit(Y)
    diffs = np.diff(Y)
    pred = model.predict(3)
    np.testing.assert_allclose(pred.mean, 188 + np.arange(1, 4) * 88 / 9)
    h = np.arange(1, 4)
    np.testing.assert_allclose(pred.sigma, diffs.std(ddof=1) * np.sqrt(h * (1 + h / 9)))


def test_drift_log_compounds_the_average_growth_rate() -> None:
    model = DriftLog().fit(Y)
    cagr = (188 / 100) ** (1 / 9) - 1
    assert model.growth_ == pytest.approx(cagr)
    pred = model.predict(3)
    np.testing.assert_allclose(pred.mean, 188 * (1 + cagr) ** np.arange(1, 4))
    growth = np.diff(np.log(Y))
    h = np.arange(1, 4)
    np.testing.assert_allclose(pred.sigma, growth.std(ddof=1) * np.sqrt(h * (1 + h / 9)))
    assert pred.scale == "log"
