"""A unit cell holding a magnitude alone ("亿", "million": 亿元 or USD m half-written) is
named as such in both readers, with the fix; was "cannot convert 'count 100m' (count) to
'CNY 100m' (money)", which says neither what the cell holds nor what to write."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import IncompatibleUnitsError


@pytest.mark.parametrize(("cell", "canonical"), [("亿", "count 100m"), ("million", "count mn")])
def test_a_magnitude_alone_in_the_unit_column(tmp_path: Path, cell: str, canonical: str) -> None:
    path = tmp_path / "m.csv"
    path.write_text(
        f"series_id,year,value,unit\nA,2019,1.5,{cell}\nA,2020,1.7,{cell}\n", encoding="utf-8"
    )
    said = (
        f"m.csv row 2 (series 'A', year 2019): the unit {cell!r} is a magnitude with no unit, "
        f"so the value reads as a count ({canonical!r}), not 'CNY 100m'; write the unit with it"
    )
    with pytest.raises(IncompatibleUnitsError, match=re.escape(said)):
        read_series(path, unit="CNY 100m")
    # the cell as the user wrote it ('亿'), not the canonical 'count 100m' it reads as
    batch = (
        f"m.csv row 2, column 'unit' (year 2019): the unit {cell!r} is a magnitude with no "
        f"unit, so the value reads as a count ({canonical!r}), not 'CNY 100m'; write the unit "
        "with it ('亿元'"
    )
    with pytest.raises(IncompatibleUnitsError, match=re.escape(batch)):
        read_long_table(path, unit="CNY 100m")


def test_a_padded_unit_cell_is_quoted_without_its_spaces(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("series_id,year,value,unit\nA,2019,1.5, 亿 \n", encoding="utf-8")
    with pytest.raises(IncompatibleUnitsError, match="the unit '亿' is a magnitude"):
        read_long_table(path, unit="CNY bn")


def test_a_magnitude_alone_in_the_value_cell(tmp_path: Path) -> None:
    # '1.5亿' read by read_long_table named a column 'unit' the file does not have
    path = tmp_path / "m.csv"
    path.write_text("series_id,year,value\nA,2019,1.5亿\nA,2020,2亿\n", encoding="utf-8")
    said = (
        "m.csv row 2, column 'value' (year 2019): '1.5亿' has a magnitude but no unit, so it "
        "reads as a count ('count 100m'), not 'CNY bn'; write the unit in the cell"
    )
    with pytest.raises(IncompatibleUnitsError, match=re.escape(said)):
        read_long_table(path, unit="CNY bn")
    with pytest.raises(IncompatibleUnitsError, match=re.escape("'1.5亿' has a magnitude")):
        read_series(path, unit="CNY bn")


def test_a_magnitude_cell_in_a_workbook(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "m.xlsx"
    frame = pd.DataFrame(
        {"series_id": ["A", "A"], "year": [2019, 2020], "value": [1.5, 2.0], "unit": ["亿", "亿"]}
    )
    frame.to_excel(path, index=False)
    said = "m.xlsx sheet 'Sheet1' cell D2 (year 2019): the unit '亿' is a magnitude"
    with pytest.raises(IncompatibleUnitsError, match=re.escape(said)):
        read_long_table(path, unit="CNY bn")


def test_another_dimension_keeps_its_message(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("series_id,year,value,unit\nA,2019,1.5,MW\n", encoding="utf-8")
    with pytest.raises(IncompatibleUnitsError) as caught:
        read_series(path, unit="CNY 100m")
    assert "magnitude" not in str(caught.value)
    assert "cannot convert 'MW' (power) to 'CNY 100m' (money)" in str(caught.value)
