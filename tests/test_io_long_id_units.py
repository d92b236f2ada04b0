"""A long table's series ids that state a unit ("north (GW)", "Capacity MW", "市场规模（亿元）")
were not read for it, as a wide table's names are: the rows had no unit, and unit= took
them to be in it already (unit='MW' read 5 GW as 5 MW: 1,000x), while the error for bare
numbers told the user to write "the unit in brackets after the series' name", which then
changed nothing. Both readers now read them once per series."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError

READERS = (read_series, read_long_table)


def _long(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "long.csv"
    path.write_text("series_id,year,value\n" + body, encoding="utf-8")
    return path


def test_a_bracketed_unit_in_an_id_converts(tmp_path: Path) -> None:
    path = _long(tmp_path, "north (GW),2019,5\nnorth (GW),2020,6\nsouth MW,2019,300\n")
    for read in READERS:
        table = read(path)
        assert table["unit"].tolist() == ["GW", "GW", "MW"]
        # 5 GW = 5 x 1000 MW = 5,000 MW; 300 MW stays 300 MW
        converted = read(path, unit="MW")
        assert converted["value"].tolist() == pytest.approx([5000.0, 6000.0, 300.0])
        assert converted["series_id"].tolist()[0] == "north (GW)"  # the id as written


def test_yi_yuan_in_an_id_converts(tmp_path: Path) -> None:
    path = _long(tmp_path, "市场规模（亿元）,2019,100\n")
    for read in READERS:
        # 100亿元 = 100 x 1e8 / 1e9 = 10 CNY bn
        assert read(path, unit="CNY bn")["value"].tolist() == pytest.approx([10.0])


def test_an_id_unit_and_a_unit_cell_must_agree(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("series_id,year,value,unit\nnorth (GW),2019,5,MW\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(DataError, match="states the unit 'GW' but the unit column says"):
            read(path)


def test_ids_stating_no_unit_read_as_before(tmp_path: Path) -> None:
    path = _long(tmp_path, "China (excl. HK),2019,5\nTier III,2019,6\ncn,2019,7\n")
    for read in READERS:
        table = read(path, unit="MW")
        assert table["value"].tolist() == [5.0, 6.0, 7.0]
        assert table["unit"].tolist() == ["MW", "MW", "MW"]
