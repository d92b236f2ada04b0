"""A wide table's top-left cell stating the table's unit in words ("单位：亿元", "Unit: USD
m") over the series' names, as Chinese research tables head them: the unit of every row
that states none, as "地区（亿元）" there is (was: not read, so unit='CNY bn' read 100亿元 as
100 CNY bn, ten times too large, and 'Unit: USD m' numbers as CNY bn, in both readers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table

READERS = (read_series, read_long_table)


@pytest.mark.parametrize(
    ("corner", "unit", "expected"),
    [
        ("单位：亿元", "CNY bn", [10.0, 12.0]),  # 100亿元 = 10 CNY bn
        ("Unit: USD m", "USD bn", [0.1, 0.12]),  # 100 USD m = 0.1 USD bn
        ("单位为亿元", "CNY bn", [10.0, 12.0]),
    ],
)
def test_the_corner_states_the_unit(
    tmp_path: Path, corner: str, unit: str, expected: list[float]
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"{corner},2019年,2020年\n北京,100,120\n", encoding="utf-8")
    for read in READERS:
        got = read(path, unit=unit)
        assert got["value"].tolist() == pytest.approx(expected)
        assert got["series_id"].tolist() == ["北京", "北京"]


def test_a_corner_without_a_unit_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("地区,2019年,2020年\n北京,100,120\n", encoding="utf-8")
    for read in READERS:
        assert read(path, unit="CNY bn")["value"].tolist() == [100, 120]
