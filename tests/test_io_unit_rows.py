"""A wide table's second header row of units ("单位" over "亿元, 亿元" under the years) is
the same typed error in both readers: read_series said "'亿元' is not a number", and
read_long_table read '单位' as a series of text values and left IDC without its unit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError

SAID = (
    "row 2: the row holds '亿元', '亿元', a second header row of units; expected one header "
    "row: write the unit in brackets after each series' name ('China (USD bn)') or a 'unit' "
    "column and delete this row"
)


@pytest.mark.parametrize("label", ["单位", "Unit", "units", ""])
def test_a_units_row_under_the_years(tmp_path: Path, label: str) -> None:
    path = tmp_path / "w.csv"
    path.write_text(f"指标,2019,2020\n{label},亿元,亿元\nIDC,1562.5,2238.7\n", encoding="utf-8")
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=re.escape(f"w.csv {SAID}")):
            read(path)


def test_a_series_named_like_no_unit_row_is_read(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("指标,2019,2020\nUnits shipped,12,15\n", encoding="utf-8")
    assert read_long_table(path)["value"].tolist() == [12, 15]
