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
    batch = (
        f"m.csv row 2, column 'unit' (year 2019): the unit {canonical!r} is a magnitude with "
        "no unit (a cell such as '亿' or 'million' alone); write the unit with it ('亿元'"
    )
    with pytest.raises(IncompatibleUnitsError, match=re.escape(batch)):
        read_long_table(path, unit="CNY 100m")


def test_another_dimension_keeps_its_message(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("series_id,year,value,unit\nA,2019,1.5,MW\n", encoding="utf-8")
    with pytest.raises(IncompatibleUnitsError) as caught:
        read_series(path, unit="CNY 100m")
    assert "magnitude" not in str(caught.value)
    assert "cannot convert 'MW' (power) to 'CNY 100m' (money)" in str(caught.value)
