"""A long table's year cells in two digits ('19', '20', as some exports abbreviate them):
read_long_table reads a file's years as read_series does, 1900 to 2100, so each such row
is marked and its series fails naming the cell and the fix (was: read as the years 19-22
and forecast as 23, 24 in silence, status ok); a year corrected in the frame since is
read."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from idcforecast import forecast
from idcforecast.batch import forecast_many, read_long_table
from idcforecast.errors import NonNumericValueError

SAID = (
    "series 'cn': year 19 (y.csv row 2, column 'year') is not a year; expected a whole year "
    "between 1900 and 2100 such as 2019 (a year in two digits? write it in full, 2019 for 19)"
)


def _read(tmp_path: Path, years: tuple[int, ...] = (19, 20, 21, 22)) -> pd.DataFrame:
    path = tmp_path / "y.csv"
    rows = "".join(f"cn,{y},{100 + 10 * k}\n" for k, y in enumerate(years))
    path.write_text(f"series_id,year,value\n{rows}", encoding="utf-8")
    return read_long_table(path)


def test_two_digit_years_fail_their_series(tmp_path: Path) -> None:
    data = _read(tmp_path)
    out = forecast_many(data, horizon=2, method="drift")
    assert out["status"].tolist() == ["failed", "failed"]
    assert out["note"].iloc[0] == SAID
    with pytest.raises(NonNumericValueError, match=re.escape(SAID)):
        forecast(data, horizon=2, method="drift")


def test_years_corrected_in_the_frame_are_read(tmp_path: Path) -> None:
    data = _read(tmp_path)
    data["year"] += 2000
    # drift: 130 + (130 - 100) / 3 = 140 in 2023
    assert forecast_many(data, horizon=1, method="drift")["mean"].tolist() == [140.0]
    assert forecast(data, horizon=1, method="drift")["mean"].tolist() == [140.0]


def test_four_digit_years_are_unchanged(tmp_path: Path) -> None:
    data = _read(tmp_path, (2019, 2020, 2021, 2022))
    assert "note" not in data.columns
    assert forecast_many(data, horizon=1, method="drift")["status"].tolist() == ["ok"]


def test_failed_rows_of_two_digit_years_have_no_forecast_years(tmp_path: Path) -> None:
    """The failed rows carried the years 23, 24 (after '22' read as the year 22), a calendar
    no forecast would use: they have none now (<NA>, as a year cell 'abc' gives), the
    other series of the frame keep theirs."""
    data = _read(tmp_path)
    good = pd.DataFrame({"series_id": "ok", "year": [2019, 2020, 2021], "value": [1.0, 2, 3]})
    out = forecast_many(pd.concat([data, good], ignore_index=True), horizon=2, method="drift")
    assert out["year"].isna().tolist() == [True, True, False, False]
    assert out["year"].iloc[2:].tolist() == [2022, 2023]
    one = _read(tmp_path, (2019, 2020, 21, 2022))  # one two-digit year among full ones
    assert forecast_many(one, horizon=2, method="drift")["year"].isna().all()
