"""A unit written after a series' name with only a space ("Capacity MW", "IT load GW",
"市场规模 亿元", "Revenue USD bn", "Market size US$ billion") was not read: the series had
no unit, and unit= relabelled its numbers in the unit given instead of converting them
(unit='GW' read 100 MW as 100 GW: 1,000x; unit='CNY bn' read 100亿元 as 100 CNY bn: 10x).
Now the last words are the unit when together they parse as one unit the registry lists
and are written as units are; names ending in a word stay names ("Tier III", "Top 10",
"Region APAC", "Colocation GB"), and a tail that looks like a unit the registry does not
read is an error naming the header, never a silent relabel."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast._table_layouts import header_unit
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError, UnitError

READERS = (read_series, read_long_table)


def _years_as_rows(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "rows.csv"
    path.write_text(f"year,{name}\n2019,100\n2020,120\n", encoding="utf-8")
    return path


def _years_as_columns(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "columns.csv"
    path.write_text(f"name,2019,2020\n{name},100,120\n", encoding="utf-8")
    return path


LAYOUTS = (_years_as_rows, _years_as_columns)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "name", ["Capacity MW", "IT load MW", "Capacity MW IT", "Capacity (MW) IT"]
)
def test_megawatts_after_the_name_convert(tmp_path: Path, layout: object, name: str) -> None:
    path = layout(tmp_path, name)  # type: ignore[operator]
    for read in READERS:
        assert read(path)["unit"].tolist() == ["MW", "MW"]
        # 100 MW = 100 / 1000 GW = 0.1 GW (before: 100 GW, relabelled)
        assert read(path, unit="GW")["value"].tolist() == pytest.approx([0.1, 0.12])
        assert read(path)["series_id"].tolist() == [name, name]  # the id as written


@pytest.mark.parametrize("layout", LAYOUTS)
def test_gigawatts_after_the_name_convert(tmp_path: Path, layout: object) -> None:
    path = layout(tmp_path, "IT load GW")  # type: ignore[operator]
    for read in READERS:
        # 100 GW = 100 x 1000 MW = 100,000 MW
        assert read(path, unit="MW")["value"].tolist() == pytest.approx([100_000.0, 120_000.0])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_yi_yuan_after_the_name_converts(tmp_path: Path, layout: object) -> None:
    path = layout(tmp_path, "市场规模 亿元")  # type: ignore[operator]
    for read in READERS:
        assert read(path)["unit"].tolist() == ["CNY 100m", "CNY 100m"]
        # 100亿元 = 100 x 1e8 / 1e9 CNY bn = 10 CNY bn
        assert read(path, unit="CNY bn")["value"].tolist() == pytest.approx([10.0, 12.0])


@pytest.mark.parametrize(
    "name", ["Revenue USD bn", "Market size US$ billion", "Revenue US$ bn", "Revenue USDbn"]
)
def test_money_after_the_name_converts(tmp_path: Path, name: str) -> None:
    path = _years_as_rows(tmp_path, name)
    for read in READERS:
        assert read(path)["unit"].tolist() == ["USD bn", "USD bn"]
        # 100 USD bn = 100 x 1e9 / 1e6 USD mn = 100,000 USD mn
        assert read(path, unit="USD mn")["value"].tolist() == pytest.approx([1e5, 1.2e5])


def test_hundred_million_yuan_in_words_after_the_name(tmp_path: Path) -> None:
    path = _years_as_rows(tmp_path, "Revenue RMB 100 million")
    for read in READERS:
        # 100 x 1e8 yuan = 1e10 = 10 x 1e9: 10 CNY bn
        assert read(path, unit="CNY bn")["value"].tolist() == pytest.approx([10.0, 12.0])


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("Capacity MW", "MW"),
        ("Storage PB", "PB"),
        ("Power kW", "kW"),
        ("Energy TWh", "TWh"),
        ("机架 万架", "racks 10k"),
        ("Capacity MW (est.)", "MW"),  # a remark after the unit
        # names ending in a word, not a unit: as before
        ("Tier III", None),
        ("Top 10", None),
        ("Region APAC", None),
        ("Colocation GB", None),  # Great Britain, not gigabytes
        ("Hong Kong SAR", None),  # a region, not Saudi riyals
        ("Deals won", None),  # not Korean won
        ("Series B", None),
        ("China IDC", None),
        ("Sites >10 MW", None),  # a size class: the numbers count sites
        ("Halls 1-5 MW", None),
        ("北京 数据中心", None),  # a count word: no unit given to the numbers
    ],
)
def test_which_tails_are_units(name: str, unit: str | None) -> None:
    assert header_unit(name) == unit


@pytest.mark.parametrize("name", ["Bandwidth Gbps", "Capacity MVA", "Power MWe"])
def test_a_unit_symbol_the_registry_lacks_is_named(tmp_path: Path, name: str) -> None:
    path = _years_as_rows(tmp_path, name)
    for read in READERS:
        with pytest.raises(UnitError, match=r"rows\.csv row 2.*states the unit .*not read here"):
            read(path, unit="MW")


def test_a_currency_the_registry_lacks_is_named(tmp_path: Path) -> None:
    path = _years_as_rows(tmp_path, "Revenue XYZ bn")
    for read in READERS:
        with pytest.raises(UnitError, match=r"'Revenue XYZ bn' ends in 'XYZ bn'.*'\(USD bn\)'"):
            read(path, unit="USD bn")


@pytest.mark.parametrize("name", ["Revenue bn", "IT load k", "Capacity '000", "规模 万"])
def test_a_magnitude_alone_after_the_name_is_an_error(tmp_path: Path, name: str) -> None:
    path = _years_as_rows(tmp_path, name)
    for read in READERS:
        with pytest.raises(DataError, match=r"ends in the magnitude .* but no unit"):
            read(path, unit="racks")


def test_a_unit_cell_of_another_unit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("name,unit,2019,2020\nCapacity MW,GW,100,120\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(DataError, match="MW"):
            read(path)


@pytest.mark.parametrize("name", ["Revenue (USD)", "Revenue USD"])
def test_a_currency_name_over_a_unit_cell_with_its_magnitude_agrees(
    tmp_path: Path, name: str
) -> None:
    # the name says the currency, the cell its magnitude: one unit, USD bn (was, for the
    # bracketed name: "states the unit 'USD' but the unit column says 'USD bn'")
    path = tmp_path / "t.csv"
    path.write_text(f"name,unit,2019,2020\n{name},USD bn,10,12\n", encoding="utf-8")
    for read in READERS:
        table = read(path)
        assert table["unit"].tolist() == ["USD bn", "USD bn"]
        assert table["value"].tolist() == [10.0, 12.0]
        # 10 USD bn = 10 x 1e9 / 1e6 = 10,000 USD mn
        assert read(path, unit="USD mn")["value"].tolist() == pytest.approx([1e4, 1.2e4])


def test_a_currency_name_over_another_currency_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("name,unit,2019,2020\nRevenue USD,CNY bn,10,12\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(DataError, match="states the unit 'USD' but the unit column says"):
            read(path)


@pytest.mark.parametrize(
    ("heading", "unit", "in_cny_bn"),
    [
        # 100亿元 = 100 x 1e8 / 1e9 = 10 CNY bn; 100 RMB bn is 100 CNY bn
        ("市场规模 亿元", "CNY 100m", 10.0),
        ("IDC market RMB bn", "CNY bn", 100.0),
    ],
)
def test_a_merged_heading_with_a_spaced_unit_is_the_tables(
    tmp_path: Path, heading: str, unit: str, in_cny_bn: float
) -> None:
    # the heading merged over the year columns was passed over: unit='CNY bn' relabelled
    # 100亿元 as 100 CNY bn (10x)
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([None, heading, None])
    sheet.append(["market", 2019, 2020])
    sheet.append(["cidc", 100, 120])
    sheet.merge_cells("B1:C1")
    path = tmp_path / "heading.xlsx"
    book.save(path)
    for read in READERS:
        assert read(path, header_row=1)["unit"].tolist() == [unit, unit]
        converted = read(path, header_row=1, unit="CNY bn")["value"].tolist()
        assert converted == pytest.approx([in_cny_bn, in_cny_bn * 1.2])


@pytest.mark.parametrize(
    ("name", "per_unit"),
    [
        ("Racks k", 1e3),
        ("Racks '000", 1e3),
        ("Racks (k)", 1e3),
        ("Total racks (k)", 1e3),
        ("机架 万", 1e4),
        ("机架（万）", 1e4),
        ("Servers (k)", 1e3),
    ],
)
def test_a_magnitude_after_the_things_counted_is_theirs(
    tmp_path: Path, name: str, per_unit: float
) -> None:
    # "Racks (k)": thousands of racks (was the magnitude-alone DataError, or for "Racks k"
    # no unit at all: unit='racks' read 5 thousand racks as 5 racks)
    path = _years_as_rows(tmp_path, name)
    base = "servers" if name.startswith("Servers") else "racks"
    for read in READERS:
        # 100 x 1,000 (or x 10,000 for 万) = 100,000 (1,000,000) racks
        values = read(path, unit=base)["value"].tolist()
        assert values == pytest.approx([100 * per_unit, 120 * per_unit])
