"""Header units written the compact way reports write them: a currency code with its
magnitude glued on ("USDbn", "EURm", "MEUR", "kUSD"), India's "INR crore" / "INR bn" and
Japan's 兆円 (a trillion yen).
Were: no unit read ("USDbn", "MEUR", "INR crore", "兆円": with unit= given, the numbers were taken
in that unit in silence, 1,000 or 100 times off) or refused ("INR bn": the "IN" of INR was
stripped as the word "in")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError

READERS = (read_series, read_long_table)


@pytest.mark.parametrize(
    ("header", "cell", "unit", "expected"),
    [
        ("Revenue (USDbn)", "1.5", "USD mn", 1500.0),  # 1.5 bn = 1,500 m
        ("Revenue (EURm)", "1234", "EUR bn", 1.234),  # 1,234 m = 1.234 bn
        ("Revenue (MEUR)", "1234", "EUR bn", 1.234),  # M(illion) EUR
        ("Revenue (kUSD)", "2500", "USD mn", 2.5),  # 2,500 thousand = 2.5 m
        ("Revenue (INR crore)", "250", "INR bn", 2.5),  # 1 crore = 10 m: 250 crore = 2.5 bn
        ("Revenue (INR bn)", "2.5", "INR mn", 2500.0),
        ("市場規模（兆円）", "2.1", "JPY 100m", 21000.0),  # 1 兆 = 10,000 億
    ],
)
def test_a_glued_unit_is_read(
    tmp_path: Path, header: str, cell: str, unit: str, expected: float
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"year,{header}\n2019,{cell}\n", encoding="utf-8")
    for read in READERS:
        assert read(path, unit=unit)["value"].tolist() == pytest.approx([expected])


def test_a_thousand_or_a_trillion_is_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("year,Umsatz (TEUR)\n2019,1234\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(DataError, match=re.escape("states 'TEUR', a magnitude in a unit")):
            read(path, unit="EUR mn")


def test_a_chinese_zhao_is_not_guessed(tmp_path: Path) -> None:
    # 兆元: a trillion in Taiwan, a million (mega) on the mainland; was no unit, in silence
    path = tmp_path / "t.csv"
    path.write_text("year,规模（兆元）\n2019,3\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(DataError, match=re.escape("states '兆元', a magnitude in a unit")):
            read(path, unit="CNY 100m")


def test_words_in_brackets_stay_no_unit(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("year,Revenue (incl. cloud),Sites (MEMS)\n2019,12,7\n", encoding="utf-8")
    for read in READERS:
        assert read(path, unit="USD bn")["value"].tolist() == [12, 7]


def test_rmb_100mn_is_rmb_100_million(tmp_path: Path) -> None:
    # was: no unit read ('100mn' is no word 'mn'), 1562.5 read as CNY bn with unit='CNY bn'
    path = tmp_path / "t.csv"
    path.write_text("year,市场规模 (RMB 100mn)\n2019,1562.5\n", encoding="utf-8")
    for read in READERS:
        # 1,562.5 x 100m = 156.25 bn
        assert read(path, unit="CNY bn")["value"].tolist() == pytest.approx([156.25])


def test_a_german_thousand_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("year,Umsatz (Tsd. EUR)\n2019,1234\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(DataError, match=re.escape("states 'Tsd. EUR', a magnitude")):
            read(path, unit="EUR mn")
