"""A unit heading merged over a sheet's year columns ("RMB bn" over 2019..2021)."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import UnitError


def _book(
    path: Path, heading: str, merged: str, rows: list[list[object]], header: list[object]
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet[merged.split(":")[0]] = heading  # the row above the header, merged over the years
    sheet.merge_cells(merged)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_unit_merged_over_the_year_columns_is_their_unit(tmp_path: Path) -> None:
    # 'RMB bn' merged over B1:D1 above 2019..2021 was skipped with header_row=1: the bare
    # numbers had no unit (a UnitError), and unit='CNY 100m' relabelled them (10x off)
    path = _book(
        tmp_path / "m.xlsx",
        "RMB bn",
        "B1:D1",
        [["cidc", 156.25, 200, 250]],
        ["market", 2019, 2020, 2021],
    )
    out = read_series(path, header_row=1)
    assert out["value"].tolist() == [156.25, 200.0, 250.0]
    assert out["unit"].tolist() == ["CNY bn"] * 3
    # unit= converts from it: 1 CNY bn = 10 CNY 100m, so 156.25 -> 1562.5
    converted = read_series(path, header_row=1, unit="CNY 100m")
    assert converted["value"].tolist() == [1562.5, 2000.0, 2500.0]
    batch = read_long_table(path, header_row=1)
    assert batch["value"].tolist() == [156.25, 200.0, 250.0]
    assert batch["unit"].tolist() == ["CNY bn"] * 3


@pytest.mark.parametrize("heading", ["单位：亿元", "市场规模（亿元）"])
def test_a_heading_saying_its_unit_in_words_or_brackets(tmp_path: Path, heading: str) -> None:
    path = _book(
        tmp_path / "m.xlsx",
        heading,
        "B1:D1",
        [["cidc", 1562.5, 2000, 2500]],
        ["市场", 2019, 2020, 2021],
    )
    assert read_series(path, header_row=1)["unit"].tolist() == ["CNY 100m"] * 3


def test_a_unit_cell_against_the_heading_is_refused_in_both_readers(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "m.xlsx",
        "RMB bn",
        "C1:E1",
        [["cidc", "USD bn", 22, 29, 36]],
        ["market", "unit", 2019, 2020, 2021],
    )
    said = (
        "the unit heading (cell C1 'RMB bn', merged over C1:E1 above the year columns) "
        "says 'CNY bn'"
    )
    with pytest.raises(UnitError, match=re.escape(said)):
        read_series(path, header_row=1)
    with pytest.raises(UnitError, match=re.escape(said)):
        read_long_table(path, header_row=1)


def test_a_name_stating_another_unit_is_refused(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "m.xlsx",
        "RMB bn",
        "B1:D1",
        [["cidc (USD bn)", 22, 29, 36]],
        ["market", 2019, 2020, 2021],
    )
    with pytest.raises(
        UnitError, match=re.escape("the row's unit (its unit cell or its name) says 'USD bn'")
    ):
        read_series(path, header_row=1)


def test_a_heading_over_some_of_the_years_is_not_used(tmp_path: Path) -> None:
    # 'RMB bn' over 2019-2020 only (2021 in another unit?): not the table's unit, as before
    path = _book(
        tmp_path / "m.xlsx",
        "RMB bn",
        "B1:C1",
        [["cidc", 156.25, 200, 250]],
        ["market", 2019, 2020, 2021],
    )
    with pytest.raises(UnitError, match="no unit for this series"):
        read_series(path, header_row=1)


_TITLED = (
    '"China IDC Market Size, 2019-2022"\n"Unit: RMB 100 million"\n'
    "Metric,2019,2020,2021,2022\nMarket size,1562.5,2238.7,3012.3,3975.9\n"
)


def test_a_line_above_in_rmb_100_million_is_read_as_cny_100m(tmp_path: Path) -> None:
    # 'Unit: RMB 100 million' above the header was read as 'RMB' (its first word): the
    # error advised unit='RMB' (yuan, 1e8 times off), and unit='亿元' (what the line says)
    # was refused as contradicting it, in both readers
    path = tmp_path / "t.csv"
    path.write_text(_TITLED, encoding="utf-8")
    with pytest.raises(UnitError, match=re.escape("pass unit='RMB 100m'")):
        read_series(path, header_row=2)
    out = read_series(path, header_row=2, unit="亿元")
    assert out["value"].tolist() == [1562.5, 2238.7, 3012.3, 3975.9]
    assert out["unit"].unique().tolist() == ["CNY 100m"]
    assert read_long_table(path, header_row=2, unit="亿元")["value"].iloc[0] == 1562.5
    # a unit other than the line's is still refused, with the line's unit to pass
    with pytest.raises(UnitError, match=re.escape("pass unit='RMB 100m' to read them")):
        read_series(path, header_row=2, unit="CNY bn")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("RMB 100 million", "CNY 100m"), ("US$ '000", "USD thousand"), ("in US$ m", "USD mn")],
)
def test_a_unit_cell_or_unit_as_tables_write_them(
    tmp_path: Path, written: str, canonical: str
) -> None:
    # a unit column saying 'RMB 100 million' was an UnknownUnitError in read_series and kept
    # as written (unconverted, another unit than 'CNY 100m') by read_long_table; it reads as
    # the same words in a series' name's brackets read ('市场规模 (RMB 100 million)')
    path = tmp_path / "u.csv"
    path.write_text(
        f'series_id,year,value,unit\ncidc,2019,1562.5,"{written}"\ncidc,2020,2238.7,"{written}"\n',
        encoding="utf-8",
    )
    assert read_series(path)["unit"].tolist() == [canonical] * 2
    assert read_long_table(path)["unit"].tolist() == [canonical] * 2
    assert read_series(path, unit=written)["value"].tolist() == [1562.5, 2238.7]
    assert read_long_table(path, unit=written)["unit"].tolist() == [canonical] * 2


def test_a_unit_over_the_names_column_is_the_tables_unit(tmp_path: Path) -> None:
    # '地区（亿元）' over the region names (the top-left cell of a research table) was not
    # read: the bare numbers had no unit (a UnitError), and unit='CNY bn' took 1,562.5 亿元
    # for 1,562.5 CNY bn (10x too large) in silence; it is now their unit, and unit=
    # converts from it (1 亿元 = 0.1 CNY bn)
    path = tmp_path / "w.csv"
    path.write_text(
        "地区（亿元）,2019年,2020年\n华东,1562.5,2238.7\n增速 (%),27.2,43.3\n", encoding="utf-8"
    )
    out = read_series(path)
    assert out["unit"].tolist() == ["CNY 100m"] * 2 + ["%"] * 2  # a row's own unit holds
    assert read_series(path, series_id="华东", unit="CNY bn")["value"].tolist() == [
        156.25,
        223.87,
    ]
    batch = read_long_table(path)
    assert batch["unit"].tolist() == ["CNY 100m"] * 2 + ["%"] * 2
    assert batch["value"].tolist() == [1562.5, 2238.7, 27.2, 43.3]


def test_two_name_columns_stating_units_give_none(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("Region (USD bn),Segment (MW),2019,2020\nChina,colo,1.5,2.0\n")
    with pytest.raises(UnitError, match="no unit for this series"):
        read_series(path)


def test_a_unit_in_a_cells_number_format_is_read_with_it(tmp_path: Path) -> None:
    # 1562.5 formatted '#,##0.0"亿元"' shows as '1,562.5亿元'; pandas reads 1562.5, and
    # unit='CNY bn' took it for 1562.5 CNY bn (10x too large) in silence; it is read as the
    # sheet shows it: 1562.5 CNY 100m, converted by unit= (x 0.1 = 156.25 CNY bn)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["market", 2019, 2020, 2021])
    sheet.append(["cidc", 1562.5, 2238.7, 3012.3])
    sheet.append(["usd", 1200, 1500, 1900])  # '"$"#,##0': a sign alone, no scale: bare
    sheet.append(["power", 1.5e11, 1.6e11, 1.7e11])  # '0" MW"': written out whole
    for cell in sheet[2][1:]:
        cell.number_format = '#,##0.0"亿元"'
    for cell in sheet[3][1:]:
        cell.number_format = '"$"#,##0'
    for cell in sheet[4][1:]:
        cell.number_format = '0" MW"'
    path = tmp_path / "f.xlsx"
    book.save(path)
    out = read_series(path, series_id="cidc", unit="CNY bn")
    assert out["value"].tolist() == [156.25, 223.87, 301.23]
    assert read_series(path, series_id="cidc")["unit"].tolist() == ["CNY 100m"] * 3
    assert read_series(path, series_id="usd", unit="USD mn")["value"].tolist() == [
        1200.0,
        1500.0,
        1900.0,
    ]
    power = read_series(path, series_id="power", unit="GW")  # 1.5e11 MW = 1.5e8 GW
    assert power["value"].tolist() == [1.5e8, 1.6e8, 1.7e8]
    batch = read_long_table(path, unit="CNY bn")
    assert batch[batch["series_id"] == "cidc"]["value"].tolist() == [156.25, 223.87, 301.23]
