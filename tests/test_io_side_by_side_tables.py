"""Two sub-tables side by side under merged headings ("Revenue (USD bn)" over 2019-2021 |
"Capacity (MW)" over 2019-2021), as Excel reports lay them out: not read (one table per
sheet), but a typed error naming the blocks, their headings and the fix, in both readers,
at the header row and from the heading row above it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast._table_headers import repeated_years
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError

BLOCKS = (
    "its years 2019-2021 run from column 2 and start again at column 5: 2 tables side by "
    "side under 'Revenue (USD bn)' and 'Capacity (MW)'"
)


def _workbook(tmp_path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([None, "Revenue (USD bn)", None, None, "Capacity (MW)", None, None])
    sheet.append(["Region", 2019, 2020, 2021, 2019, 2020, 2021])
    sheet.append(["China", 10.5, 12.1, 14.0, 1500, 1800, 2100])
    sheet.append(["US", 30.2, 33.0, 36.1, 4000, 4500, 5100])
    sheet.merge_cells("B1:D1")
    sheet.merge_cells("E1:G1")
    path = tmp_path / "report.xlsx"
    book.save(path)
    return path


def test_the_header_row_of_two_blocks_names_them(tmp_path: Path) -> None:
    # was: "the header '2019' appears twice (columns 2 and 5); expected unique column
    # names; rename or delete one" - renaming a year would read the capacity as revenue
    path = _workbook(tmp_path)
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=re.escape(BLOCKS)) as caught:
            read(path, header_row=1)
        assert "move each block to a sheet or file of its own" in str(caught.value)


def test_the_heading_row_above_two_blocks_points_at_them(tmp_path: Path) -> None:
    # was: "(column 7 has no header and holds the years: write 'year' in its header cell)",
    # a fix that reads 2021, 2100, 5100 as years
    path = _workbook(tmp_path)
    for read in (read_series, read_long_table):
        with pytest.raises(
            DataError, match=re.escape(f"(row 2 looks like the header, but {BLOCKS}")
        ):
            read(path)


def test_a_csv_of_two_blocks_with_a_spacer_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_text(
        ",Revenue (USD bn),,,Capacity (MW),\n"
        "Region,2019,2020,,2020,2021\n"
        "China,10.5,12.1,,1800,2100\n",
        encoding="utf-8",
    )
    said = (
        "its years 2019-2021 run from column 2 and start again at column 5: 2 tables side "
        "by side under 'Revenue (USD bn)' and 'Capacity (MW)'"
    )
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=re.escape(said)):
            read(path, header_row=1)


def test_a_repeated_header_that_is_no_year_keeps_its_message(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("series_id,2019,2020,2020\nchina,1560,1800,2238.7\n", encoding="utf-8")
    with pytest.raises(DataError, match="expected unique column names") as caught:
        read_series(path)
    assert "side by side" not in str(caught.value)  # 2019, 2020, 2020: one run, no blocks


@pytest.mark.parametrize(
    ("cells", "starts"),
    [
        (["Region", "2019", "2020", "2019", "2020"], [1, 3]),
        (["x", 2019, 2020, 2021, 2020, 2021, 2022, 2019, 2020], [1, 4, 7]),
        (["x", 2019, 2020, 2020], None),  # a year typed twice: no second run of two
        (["China", 1980, 2010, 1990, 2050], None),  # a data row's numbers: no year shared
        (["x", 2019, 2020, 2021], None),
    ],
)
def test_repeated_years(cells: list[object], starts: list[int] | None) -> None:
    assert repeated_years(cells) == starts


def test_each_block_s_columns_are_named_to_cut(tmp_path: Path) -> None:
    # each block under its own label column, a blank column between: the columns to move
    # (was: only "start again at column 7", which leaves the label column F to guess)
    path = tmp_path / "blocks.csv"
    path.write_text(
        "Revenue (USD bn),2019,2020,2021,,Capacity (MW),2019,2020,2021\n"
        "China,10.5,12.1,14.0,,China,1500,1800,2100\n",
        encoding="utf-8",
    )
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=re.escape("columns 1-4 (A-D) and 6-9 (F-I)")):
            read(path)
    sheet = _workbook(tmp_path)  # no blank column: the second block starts at its 2019
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=re.escape("columns 1-4 (A-D) and 5-7 (E-G)")):
            read(sheet, header_row=1)


def test_two_year_per_row_blocks_are_named_side_by_side(tmp_path: Path) -> None:
    # was: "the header 'year' appears twice ...; rename or delete one", a fix that reads
    # the capacity block's years as a series
    path = tmp_path / "blocks.csv"
    path.write_text(
        "year,Revenue (USD bn),,year,Capacity (MW)\n2019,10.5,,2019,1500\n2020,12.1,,2020,1800\n",
        encoding="utf-8",
    )
    said = (
        "blocks.csv: the header 'year' appears twice (columns 1 and 4, after a blank column): "
        "2 tables side by side, columns 1-2 (A-B) and 4-5 (D-E); expected one table per sheet "
        "or file: move each block to a sheet or file of its own"
    )
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=re.escape(said)):
            read(path)


def test_a_repeated_header_without_a_blank_column_keeps_its_message(tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text("year,north,year\n2019,1,2\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("rename or delete one")):
        read_series(path)
