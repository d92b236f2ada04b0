"""'新台幣億元', '港幣億元', 'NT$ 億元': Taiwan and Hong Kong write 元 for their own dollar,
so these are TWD and HKD in 億 (hundred million, 1e8), the natural spelling of a Taiwanese
or Hong Kong table. The units registry refused them as naming two units ('TWD' and 'CNY'),
so a Taiwanese user had to rewrite the header as '億新台幣' or 'TWD 100m'."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import ParseError
from idcforecast.units import parse_quantity, parse_unit

READERS = (read_series, read_long_table)


@pytest.mark.parametrize(
    ("text", "canonical", "factor"),
    [
        ("新台幣億元", "TWD 100m", 1e8),  # 億 = 10^8
        ("新臺幣億元", "TWD 100m", 1e8),
        ("新台币亿元", "TWD 100m", 1e8),
        ("NT$ 億元", "TWD 100m", 1e8),
        ("新台幣萬元", "TWD 10k", 1e4),  # 萬 = 10^4
        ("新台幣元", "TWD", 1.0),
        ("港幣億元", "HKD 100m", 1e8),
        ("港元億元", "HKD 100m", 1e8),
        ("HK$ 億元", "HKD 100m", 1e8),
        ("港币万元", "HKD 10k", 1e4),
    ],
)
def test_the_dollar_written_yuan_is_that_dollar(text: str, canonical: str, factor: float) -> None:
    unit = parse_unit(text)
    assert (unit.canonical, unit.factor) == (canonical, factor)


def test_other_currencies_beside_yuan_are_still_two_units() -> None:
    with pytest.raises(ParseError, match="names 2 units"):
        parse_unit("美元億元")  # US dollars and yuan: which one?


def test_figures_read_the_same() -> None:
    q = parse_quantity("新台幣100億元")
    # 100 億 = 100 x 1e8 = 1e10 TWD = 10 TWD bn
    assert (q.value, q.unit) == (100.0, "TWD 100m")
    assert q.to("TWD bn").value == pytest.approx(10.0)


@pytest.mark.parametrize("name", ["營收（新台幣億元）", "營收 新台幣億元", "營收（NT$ 億元）"])
def test_a_taiwan_header_converts(tmp_path: Path, name: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"年份,{name}\n2019,100\n2020,120\n", encoding="utf-8")
    for read in READERS:
        assert read(path)["unit"].tolist() == ["TWD 100m", "TWD 100m"]
        # 100 x 1e8 TWD = 1e10 TWD = 10 x 1e9: 10 TWD bn
        assert read(path, unit="TWD bn")["value"].tolist() == pytest.approx([10.0, 12.0])


def test_a_hong_kong_header_converts(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("地區,2019,2020\n收入（港幣萬元）,500,600\n", encoding="utf-8")
    for read in READERS:
        # 500 萬 HKD = 500 x 1e4 = 5e6 HKD = 5 HKD mn
        assert read(path, unit="HKD mn")["value"].tolist() == pytest.approx([5.0, 6.0])
