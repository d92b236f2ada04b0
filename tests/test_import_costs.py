"""What a new process loads to forecast: libraries the default path does not use are not
imported, since each is paid again by every script, command and worker that forecasts.

Measured costs (CPU seconds, numpy and pandas already loaded): ``scipy.special`` ~0.11,
``scipy.optimize`` ~0.10 (``scipy.linalg``, which numba loads anyway for more than 64
problems, ~0.03).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

# 12 positive series of 10 years: method "auto" with its default 80%/95% intervals
FORECAST_SCRIPT = """
import sys
import numpy as np
import pandas as pd
from idcforecast import forecast, forecast_many

years = np.arange(2014, 2024)
frame = pd.DataFrame({
    "series_id": np.repeat([f"s{i}" for i in range(12)], years.size),
    "year": np.tile(years, 12),
    "value": np.concatenate([100 * (1.05 + 0.01 * i) ** np.arange(years.size) for i in range(12)]),
    "unit": "USD mn",
})
ENTRY
print(",".join(m for m in sys.argv[1:] if m in sys.modules))
"""

ENTRIES = [
    'forecast_many(frame, 6, engine="serial", progress=False)',
    'forecast(frame[frame["series_id"] == "s0"], 6)',
]


def _loaded(entry: str, modules: tuple[str, ...]) -> list[str]:
    code = FORECAST_SCRIPT.replace("ENTRY", entry)
    done = subprocess.run(
        [sys.executable, "-c", code, *modules], capture_output=True, text=True, check=True
    )
    return [m for m in done.stdout.strip().split(",") if m]


@pytest.mark.parametrize("entry", ENTRIES)
def test_forecasting_with_auto_loads_no_scipy_optimize(entry: str) -> None:
    # it came with idcforecast.models: ARIMA's likelihood (models._arma_mle), imported by
    # the model registry though "auto" fits no ARIMA
    assert _loaded(entry, ("scipy.optimize", "statsmodels")) == []


@pytest.mark.parametrize("entry", ENTRIES)
def test_forecasting_with_auto_loads_no_scipy_special(entry: str) -> None:
    # it came with the intervals' Student-t quantile (calibration.t_quantile), whose
    # default tail_df 4 has a closed form
    assert _loaded(entry, ("scipy.special",)) == []
