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
