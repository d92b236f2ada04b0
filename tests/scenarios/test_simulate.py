"""simulate(data, ...): series selection and the wiring to the forecasting engine."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from idcforecast.errors import DataError, UnknownSeriesError
from idcforecast.scenarios import simulate

TWO = pd.DataFrame(
    {
        "series_id": ["east"] * 3 + ["west"] * 3,
        "year": [2021, 2022, 2023] * 2,
        "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
    }
)


def test_several_series_need_a_series_id() -> None:
    with pytest.raises(
        DataError,
        match=re.escape(
            "simulate: data holds 2 series (east, west); pass series_id= to choose one"
        ),
    ):
        simulate(TWO, 3)


def test_unknown_series_suggests_a_close_one() -> None:
    with pytest.raises(
        UnknownSeriesError,
        match=re.escape(
            "simulate: series 'eats' is not in the data (found east, west); did you mean 'east'?"
        ),
    ):
        simulate(TWO, 3, series_id="eats")


def test_missing_column() -> None:
    with pytest.raises(
        DataError,
        match=re.escape(
            "simulate: data has no column 'value'; expected a tidy frame with series_id, year, "
            "value (found series_id, year)"
        ),
    ):
        simulate(TWO[["series_id", "year"]], 3)
