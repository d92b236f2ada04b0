"""A Wind/iFinD export read by read_long_table as read_series reads it: the rows that
describe the series above the years ("频率", "单位") are the same error, and years in a
column under another header are named with the year_column= to pass."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError


def _wind(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["指标名称", "中国:IDC市场规模", "中国:IDC机柜数"])
    sheet.append(["频率", "年", "年"])
    sheet.append(["单位", "亿元", "万架"])
    for year, size, racks in ((2019, 1562.5, 315), (2020, 2238.7, 400)):
        sheet.append([dt.datetime(year, 12, 31), size, racks])
    path = tmp_path / "wind.xlsx"
    book.save(path)
    return path


def test_description_rows_are_the_error_read_series_gives(tmp_path: Path) -> None:
    # was: rows '频率' and '单位' read as data, 'year not read' notes, the values '年' and
    # '亿元' kept as text, and both series failing in forecast_many
    path = _wind(tmp_path)
    said = (
        "the 2 rows under the header before the first year ('频率', '单位') describe the "
        "series, as Wind and iFinD exports write them; expected the years right under the "
        "header: write each series' unit in brackets after its name ('中国:IDC市场规模（亿元）')"
    )
    with pytest.raises(DataError, match=re.escape(said)):
        read_series(path, year_column="指标名称")
    with pytest.raises(DataError, match=re.escape(said)):
        read_long_table(path, year_column="指标名称")


def test_years_under_another_header_name_the_column(tmp_path: Path) -> None:
    # was: "(a title above the header? pass header_row=N, ...)", a fix that cannot work
    path = tmp_path / "dates.csv"
    path.write_text("Date,IDC (亿元)\n2019-12-31,1562.5\n2020-12-31,2238.7\n", encoding="utf-8")
    said = "(the years are in column 'Date': pass year_column='Date')"
    with pytest.raises(DataError, match=re.escape(said)):
        read_long_table(path)
    with pytest.raises(DataError, match=re.escape("(the years are in column 'Date')")):
        read_series(path)
    assert read_long_table(path, year_column="Date")["year"].tolist() == [2019, 2020]
