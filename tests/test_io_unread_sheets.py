"""A workbook read by position (the default: its first tab) whose other tabs hold data:
only one sheet is read, and the others' figures were left without a word. Now an
UnreadSheetsWarning names them and the sheet_name= that reads one; naming the sheet read,
or a workbook whose other tabs are empty, hidden or absent, says nothing."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError, UnreadSheetsWarning

READERS = (read_series, read_long_table)


def _book(path: Path, *, hide_us: bool = False) -> Path:
    book = Workbook()
    china = book.active
    china.title = "China"
    china.append(["year", "China IDC (CNY bn)"])
    china.append([2019, 1562.5])
    china.append([2020, 2238.7])
    us = book.create_sheet("US")
    us.append(["year", "US colo (USD bn)"])
    us.append([2019, 14.2])
    us.append([2020, 15.9])
    if hide_us:
        us.sheet_state = "hidden"
    book.create_sheet("Notes")  # empty: nothing unread
    book.save(path)
    return path


def test_the_other_tabs_with_data_are_named(tmp_path: Path) -> None:
    path = _book(tmp_path / "markets.xlsx")
    for read in READERS:
        with pytest.warns(UnreadSheetsWarning) as caught:
            got = read(path)
        assert got["value"].tolist() == [1562.5, 2238.7]
        (message,) = [str(w.message) for w in caught]
        assert message == (
            "markets.xlsx: read sheet 'China' (sheet position 0) only; the workbook's other "
            "tab 'US' holds data too, not read: pass sheet_name='US' to read one, or "
            "sheet_name='China' to read this one and silence this note"
        )


def test_a_position_past_the_first_names_the_first(tmp_path: Path) -> None:
    path = _book(tmp_path / "markets.xlsx")
    with pytest.warns(UnreadSheetsWarning, match="other tab 'China' holds data too"):
        got = read_series(path, sheet_name=1)
    assert got["value"].tolist() == [14.2, 15.9]


@pytest.mark.parametrize("hide_us", [False, True])
def test_a_named_sheet_or_hidden_tabs_say_nothing(tmp_path: Path, hide_us: bool) -> None:
    path = _book(tmp_path / "markets.xlsx", hide_us=hide_us)
    for read in READERS:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            got = read(path) if hide_us else read(path, sheet_name="China")
        assert got["value"].tolist() == [1562.5, 2238.7]


def test_one_sheet_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "one.xlsx"
    pd.DataFrame({"year": [2019, 2020], "value": [1.0, 2.0]}).to_excel(path, index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_series(path, unit="USD bn")["value"].tolist() == [1.0, 2.0]


def test_a_tab_of_notes_is_no_data(tmp_path: Path) -> None:
    # a title sheet first ("Overview", as Statista's workbooks open) and a sources tab: no
    # figures in either; the data sheet read by name says nothing, by position names 'Data'
    book = Workbook()
    overview = book.active
    overview.title = "Overview"
    overview["B2"] = "Data center market revenue worldwide"
    overview["B4"], overview["C4"] = "Release date", "March 2024"
    data = book.create_sheet("Data")
    data.append(["year", "Revenue (USD bn)"])
    data.append([2019, "100.5"])
    data.append([2020, 110.2])
    sources = book.create_sheet("Sources")
    sources.append(["Source", "Statista Market Insights, 2024"])
    path = tmp_path / "statista.xlsx"
    book.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = read_series(path, sheet_name="Data")
    assert got["value"].tolist() == [100.5, 110.2]
    with (
        pytest.warns(UnreadSheetsWarning, match="other tab 'Data' holds data too") as caught,
        pytest.raises(DataError, match="no 'year' column"),  # the title sheet is no table
    ):
        read_series(path)
    assert "'Sources'" not in str(caught[0].message)
