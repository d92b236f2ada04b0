"""Date headers within one year (2020-03-31, 2020-06-30: a quarterly series, as Wind
exports one) are said to be no yearly table, in both readers; one date per year
(2019-12-31, 2020-12-31) is read as before."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError


def test_quarter_end_dates_in_an_excel_header(tmp_path: Path) -> None:
    # was: read_series "two values for year 2020 (cells B2 and C2) ... give a different
    # observation date (mid-year, a restatement) its own series id"; read_long_table four
    # rows of 2020 noted "year repeated", the series failing
    book = openpyxl.Workbook()
    quarters = [dt.datetime(2020, m, d) for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))]
    book.active.append(["series", *quarters])
    book.active.append(["IDC (亿元)", 500, 520, 540, 560])
    book.save(tmp_path / "q.xlsx")
    said = (
        "q.xlsx: the headers 2020-03-31, 2020-06-30, 2020-09-30, 2020-12-31 are dates within "
        "2020, as a quarterly or monthly series is written; expected one column per year"
    )
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=re.escape(said)):
            read(tmp_path / "q.xlsx")


def test_date_text_in_a_csv_header(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("series,2020-03-31,2020-06-30,2021-03-31\nIDC (亿元),500,520,540\n")
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=re.escape("the headers 2020-03-31, 2020-06-30 ")):
            read(path)


def test_one_date_per_year_is_read(tmp_path: Path) -> None:
    path = tmp_path / "y.csv"
    path.write_text("series,2019-12-31,2020-12-31\nIDC (亿元),500,520\n")
    assert read_series(path)["year"].tolist() == [2019, 2020]
    assert read_long_table(path)["year"].tolist() == [2019, 2020]
