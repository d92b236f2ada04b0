"""A value cell with a magnitude and no unit ("1562m", "1562.5亿") beside a unit without a
magnitude (a header "Revenue (USD)", a unit column "元"): read_long_table reads it as
read_series does, the unit at the cell's magnitude (was: "one of them is wrong", the
series failed, and the frame held 1562 dollars as 1.562e-06 USD bn); beside a unit with a
magnitude of its own ("1.5bn" under "USD m") its series fails with read_series' words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import forecast_many, read_long_table
from idcforecast.errors import MagnitudeJumpWarning, UnitError

READERS = (read_series, read_long_table)


def test_a_header_currency_takes_the_cell_s_magnitude(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("year,Revenue (USD)\n2019,1562m\n2020,1.8bn\n", encoding="utf-8")
    for read in READERS:
        # 1,562 USD m = 1.562 USD bn; 1.8 USD bn
        assert read(path, unit="USD bn")["value"].tolist() == pytest.approx([1.562, 1.8])


def test_a_unit_column_takes_the_cell_s_magnitude(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "series_id,year,value,unit\ncn,2019,1562.5亿,元\ncn,2020,2238.7亿,元\n", encoding="utf-8"
    )
    for read in READERS:
        # 1,562.5 x 100m = 156.25 bn
        assert read(path, unit="CNY bn")["value"].tolist() == pytest.approx([156.25, 223.87])


def test_two_magnitudes_fail_the_series(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("year,Revenue (USD m)\n2019,1.5bn\n2020,1800\n2021,2000\n", encoding="utf-8")
    said = (
        "'1.5bn' has the magnitude 'bn' and the unit 'USD mn' its own; expected one "
        "magnitude: a plain number in the cell, or the unit 'USD'"
    )
    with pytest.raises(UnitError, match=re.escape(said)):
        read_series(path)
    with pytest.warns(MagnitudeJumpWarning):  # the row keeps 1.5 in the header's USD m
        data = read_long_table(path)
    out = forecast_many(data, horizon=1, method="drift")
    assert out["status"].tolist() == ["failed"]
    assert said in out["note"].iloc[0]
