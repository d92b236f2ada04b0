"""Excel date cells in a long table's year column (2019-12-31, as Wind and Bloomberg export
a year-end series) are read as their year by read_long_table, as read_series reads them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from idcforecast import read_series
from idcforecast.batch import read_long_table


def test_excel_dates_in_the_year_column_are_their_years(tmp_path: Path) -> None:
    # was: years 1577750400000000 (pandas' microseconds since 1970) with the note "year
    # ... is above 9999; use four-digit years", every row of the series failing
    book = openpyxl.Workbook()
    book.active.append(["date", "IDC (亿元)"])
    for year, value in ((2019, 1562.5), (2020, 2238.7), (2021, 3012.3)):
        book.active.append([dt.datetime(year, 12, 31), value])
    path = tmp_path / "wind.xlsx"
    book.save(path)
    out = read_long_table(path, year_column="date")
    assert out["year"].tolist() == [2019, 2020, 2021]
    assert out["value"].tolist() == [1562.5, 2238.7, 3012.3]
    assert "note" not in out.columns
    assert out["year"].tolist() == read_series(path, year_column="date")["year"].tolist()


def test_a_long_sheet_of_dates_and_series(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["series_id", "year", "value"])
    for sid, year, value in (("cn", 2019, 1.0), ("cn", 2020, 1.5), ("us", 2020, 3.0)):
        book.active.append([sid, dt.datetime(year, 12, 31), value])
    path = tmp_path / "long.xlsx"
    book.save(path)
    out = read_long_table(path, unit="USD bn")
    assert out["year"].tolist() == [2019, 2020, 2020]
    assert str(out["year"].dtype) == "int64"
