"""An .xls workbook's merged headings (tests/fixtures/headings_book.xls, saved by
LibreOffice from tests/fixtures/headings_book_source.py): a unit merged over the year
columns is their unit, and two tables side by side under merged headings are named, as
in an .xlsx sheet (closing19 noted the .xls unit heading untested)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError

pytest.importorskip("xlrd")

BOOK = Path(__file__).parent / "fixtures" / "headings_book.xls"


def test_a_unit_merged_over_the_years_of_an_xls_sheet_is_their_unit() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the total-like check of the regions: not here
        out = read_series(BOOK, sheet_name="M", header_row=2)
        long = read_long_table(BOOK, sheet_name="M", header_row=2)
        # RMB bn converted: 156.25 CNY bn = 1,562.5 CNY 100m (1 bn = 10 x 100m)
        converted = read_series(BOOK, sheet_name="M", header_row=2, unit="CNY 100m")
    assert out["value"].tolist()[:3] == [156.25, 223.87, 301.23]
    assert set(out["unit"]) == {"CNY bn"} and set(long["unit"]) == {"CNY bn"}
    assert converted["value"].tolist()[0] == pytest.approx(1562.5)


def test_two_blocks_side_by_side_in_an_xls_sheet_are_named() -> None:
    said = (
        "its years 2019-2020 run from column 2 and start again at column 4: 2 tables side "
        "by side under 'Revenue (USD bn)' and 'Capacity (MW)'"
    )
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=re.escape(said)):
            read(BOOK, sheet_name="Side", header_row=1)
