"""Units Chinese papers write after a slash ("规模/亿元", "机架数/万架") and a count with a
magnitude in brackets ("Racks (10k units)"): the first is read as the series' unit, the
second is the magnitude error "Racks (10k)" gives. Both stated no unit: unit='CNY bn' read
100亿元 as 100 CNY bn (10x), unit='racks' 5 (10k units) as 5 racks (10,000x)."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast._table_layouts import header_unit
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError

READERS = (read_series, read_long_table)


@pytest.mark.parametrize(
    ("name", "unit"),
    [("规模/亿元", "CNY 100m"), ("收入／亿美元", "USD 100m"), ("机架数/万架", "racks 10k")],
)
def test_a_unit_after_a_slash_is_read(tmp_path: Path, name: str, unit: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"年份,{name}\n2019,100\n2020,120\n", encoding="utf-8")
    for read in READERS:
        got = read(path)
        assert got["unit"].tolist() == [unit, unit]
        assert got["value"].tolist() == [100.0, 120.0]


def test_cny_bn_converts_from_it(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("年份,规模/亿元\n2019,100\n2020,120\n", encoding="utf-8")
    for read in READERS:  # 100亿元 = 10 CNY bn
        assert read(path, unit="CNY bn")["value"].tolist() == pytest.approx([10.0, 12.0])


def test_a_count_in_ten_thousands_is_the_magnitude_error(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("year,Racks (10k units)\n2019,5\n2020,6\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(DataError, match="states '10k units', a magnitude in a unit not read"):
            read(path, unit="racks")


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("Price, USD/kW", "USD/kW"),
        ("华北/华东", None),
        ("Revenue (n=10k)", None),
        ("规模/个", None),
    ],
)
def test_other_slashes_and_counts_are_as_before(name: str, unit: str | None) -> None:
    assert header_unit(name) == unit
