"""Headers whose unit was not read, so that unit= relabelled their numbers instead of
converting them: "(MW IT)" / "(IT MW)" / "MW (IT)" / "(MW-IT)" (megawatts of IT load),
"Capacity: MW", "规模：亿元" and "规模 单位：亿元" (the unit after a colon or said in words
after the name, no bracket), and "带宽（Tbps）", "(MWe)" (units the registry does not list).
The first are now read; the last are the UnitError naming the header. Before, unit='GW'
read 100 MW IT as 100 GW (1,000x) and unit='CNY bn' read 100亿元 as 100 CNY bn (10x)."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast._table_layouts import header_unit
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError, UnitError

READERS = (read_series, read_long_table)


@pytest.mark.parametrize(
    "name",
    [
        "Capacity (MW IT)",
        "Capacity (IT MW)",
        "容量（MW IT）",
        "Capacity (MW-IT)",
        "Capacity MW (IT)",
        "Capacity: MW",
    ],
)
def test_megawatts_of_it_load_convert(tmp_path: Path, name: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"year,{name}\n2019,100\n2020,120\n", encoding="utf-8")
    for read in READERS:
        assert read(path)["unit"].tolist() == ["MW", "MW"]
        # 100 MW = 100 / 1000 GW = 0.1 GW
        assert read(path, unit="GW")["value"].tolist() == pytest.approx([0.1, 0.12])


@pytest.mark.parametrize("name", ["规模 单位：亿元", "规模：亿元"])
def test_a_unit_said_after_the_name_converts(tmp_path: Path, name: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"年份,{name}\n2019,100\n2020,120\n", encoding="utf-8")
    for read in READERS:
        assert read(path)["unit"].tolist() == ["CNY 100m", "CNY 100m"]
        # 100亿元 = 100 x 1e8 / 1e9 CNY bn = 10 CNY bn
        assert read(path, unit="CNY bn")["value"].tolist() == pytest.approx([10.0, 12.0])


@pytest.mark.parametrize("name", ["带宽（Tbps）", "Bandwidth (Gbps)", "Power (MVA)", "Power (MWe)"])
def test_a_unit_the_registry_lacks_is_named(tmp_path: Path, name: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"year,{name}\n2019,100\n2020,120\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(UnitError, match=r"t\.csv row 2.*states the unit .*not read here"):
            read(path, unit="MW")


def test_a_magnitude_said_alone_is_the_magnitude_error(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("年份,机架 单位：万\n2019,5\n2020,6\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(DataError, match=r"states the magnitude .万. but no unit"):
            read(path, unit="racks")


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("Power (MW, IT)", "MW"),
        ("IT spend (USD bn)", "USD bn"),
        ("East (est.)", None),
        ("规模 单位：个", "count"),
        ("Scenario: base", None),
        ("East (IT)", None),
    ],
)
def test_other_headers_are_as_before(name: str, unit: str | None) -> None:
    assert header_unit(name) == unit
