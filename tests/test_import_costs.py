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


@pytest.mark.parametrize("entry", ENTRIES)
def test_forecasting_a_frame_loads_no_figure_reader(entry: str) -> None:
    # forecast_many asks the unit registry whether a series' unit is percent ("USD mn" is
    # not); that imported the whole units package, the figure reader (units.parse) with it
    assert _loaded(entry, ("idcforecast.units.parse",)) == []


def test_the_figure_reader_is_there_when_asked_for() -> None:
    # loaded on first use, under every name it had
    code = (
        "import sys, idcforecast.units.convert; "
        "from idcforecast.units import convert, parse_quantity; "
        "import idcforecast as idc; "
        "print(convert('1,562.5亿元', 'CNY bn'), parse_quantity('超过520万架').value, "
        "idc.parse_quantity('3亿元').unit, type(idc.units.convert).__name__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["156.25", "520.0", "CNY", "100m", "function"]


def test_a_batch_without_its_progress_bar_loads_no_tqdm() -> None:
    # progress=False (and None where no one sees the bar: stderr is a pipe here)
    entries = [
        'forecast_many(frame, 6, engine="serial", progress=False)',
        'forecast_many(frame, 6, engine="serial")',
    ]
    assert [_loaded(entry, ("tqdm",)) for entry in entries] == [[], []]


def test_forecasting_a_frame_loads_no_file_reader() -> None:
    # `from idcforecast.batch import forecast_many` (and the local engine's fork server,
    # through idcforecast.batch.preload) imported read_long_table's readers too
    entry = 'forecast_many(frame, 6, engine="serial", progress=False)'
    assert _loaded(entry, ("idcforecast.batch.reading", "idcforecast._table_files")) == []


def test_read_long_table_is_there_when_asked_for(tmp_path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("series_id,year,value\na,2020,1\na,2021,2\n", encoding="utf-8")
    code = (
        "import sys; from idcforecast.batch import read_long_table; import idcforecast as idc; "
        "import idcforecast.batch as b; "
        f"print(len(read_long_table({str(path)!r})), idc.read_long_table is b.read_long_table)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["2", "True"]
