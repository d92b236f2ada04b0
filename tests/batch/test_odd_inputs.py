"""forecast_many on odd inputs an analyst passes: numbers too large for floating point far
ahead, a frame whose years are its index."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

from idcforecast import forecast
from idcforecast.batch import forecast_many
from idcforecast.errors import DataError, ModelError


def _tenfold() -> pd.DataFrame:
    # 1, 1e10, ..., 1e70: ten decades a year, a line on the log scale
    return pd.DataFrame(
        {"series_id": "fast", "year": range(2015, 2023), "value": 10.0 ** np.arange(0, 80, 10)}
    )


def test_an_overflow_far_ahead_is_said_in_words_not_a_numpy_warning() -> None:
    # before: "warning RuntimeWarning: overflow encountered in exp" ended the note of every
    # method, and forecast() warned it, beside the typed error or the inf bound
    data = _tenfold()
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        out = forecast_many(
            data, 100, method=["auto", "loglinear"], engine="serial", progress=False
        )
        forecast(data, 100)
    notes = out.drop_duplicates("model")["note"].tolist()
    assert not any("RuntimeWarning" in note for note in notes)
    assert notes[0].endswith(
        "upper bounds of the 95% interval overflow (inf): the history grows too fast for a "
        "finite bound"
    )
    # loglinear: 10 ** (70 + 10 k) passes the float maximum (1.8e308) at k = 24 (10 ** 310),
    # not at k = 23 (10 ** 300)
    assert notes[1] == (
        "series 'fast': the 'loglinear' forecast overflows at step 24 (inf): the history grows "
        "too fast to extrapolate in floating point; check the values and their unit, or use "
        "a level method such as 'drift'"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        with pytest.raises(ModelError, match=re.escape("overflows at step 24 (inf)")):
            forecast(data, 100, method="loglinear")


def test_a_frame_indexed_by_year_is_told_how_to_make_the_column() -> None:
    # before: "reshape wide tables with read_series() first" (a file reader) for a frame
    # whose years are its index; forecast() said how to make the column
    data = _tenfold().assign(value=np.arange(1.0, 9.0))
    msg = (
        "forecast_many: data lacks column(s) 'year'; expected a long frame with columns "
        "series_id, year, value; found ['series_id', 'value']; the years are the frame's "
        "index: pass frame.rename_axis('year').reset_index()"
    )
    with pytest.raises(DataError, match=re.escape(msg) + "$"):
        forecast_many(data.set_index("year"), 1, engine="serial")
    wide = data.pivot(index="year", columns="series_id", values="value")
    with pytest.raises(DataError, match=re.escape("pass frame.rename_axis('year').reset_index()")):
        forecast_many(wide, 1, engine="serial")
    fixed = wide.rename_axis("year").reset_index().melt("year", var_name="series_id")
    # drift: 8 + (8 - 1) / 7
    assert forecast_many(fixed, 1, method="drift", engine="serial")["mean"].tolist() == [9.0]
