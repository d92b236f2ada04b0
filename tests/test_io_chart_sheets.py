"""A workbook whose tabs include chart sheets: positions count the tabs Excel shows, charts
included, and a chart sheet (no cells) named is an error pointing to the worksheets."""

from __future__ import annotations

from pathlib import Path

import pytest

import idcforecast as idc
from idcforecast.errors import DataError, UnreadSheetsWarning


def _workbook(path: Path, *, hidden_chart: bool = False) -> Path:
    from openpyxl import Workbook
    from openpyxl.chart import LineChart, Reference

    book = Workbook()
    china = book.active
    china.title = "China"
    china.append(["year", "value (CNY bn)"])
    for year, value in [(2020, 223.87), (2021, 301.23), (2022, 397.57), (2023, 507.8)]:
        china.append([year, value])
    us = book.create_sheet("US")
    us.append(["year", "value (USD bn)"])
    for year, value in [(2020, 22), (2021, 25), (2022, 27), (2023, 30)]:
        us.append([year, value])
    chart = LineChart()
    chart.add_data(Reference(china, min_col=2, min_row=1, max_row=5), titles_from_data=True)
    sheet = book.create_chartsheet("Chart China", 0)  # the first tab, as reports put it
    sheet.add_chart(chart)
    if hidden_chart:
        sheet.sheet_state = "hidden"
    book.save(path)
    return path


def test_a_sheet_position_counts_a_chart_sheet_as_the_tab_it_is(tmp_path: Path) -> None:
    # tabs: 'Chart China' (0), 'China' (1), 'US' (2); position 1 read 'US', the third tab,
    # because pandas' sheet list leaves chart sheets out
    path = _workbook(tmp_path / "book.xlsx")
    # read by position, each names the other worksheet with data (UnreadSheetsWarning)
    with pytest.warns(UnreadSheetsWarning, match="other tab 'US'"):
        assert set(idc.read_series(path, sheet_name=1)["unit"]) == {"CNY bn"}
    with pytest.warns(UnreadSheetsWarning, match="other tab 'China'"):
        assert set(idc.read_series(path, sheet_name=2)["unit"]) == {"USD bn"}
    # the default (position 0, a chart sheet here) is the first worksheet, as before
    with pytest.warns(UnreadSheetsWarning, match="read sheet 'China' \\(sheet position 0\\)"):
        assert set(idc.read_series(path)["source"].str.contains("sheet 'China'")) == {True}


def test_a_hidden_chart_sheet_is_no_tab(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "book.xlsx", hidden_chart=True)
    with pytest.warns(UnreadSheetsWarning, match="other tab 'China'"):
        assert set(idc.read_series(path, sheet_name=1)["unit"]) == {"USD bn"}


def test_a_chart_sheet_named_is_an_error_naming_the_worksheets(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "book.xlsx")
    with pytest.raises(DataError) as raised:
        idc.read_series(path, sheet_name="Chart China")
    message = str(raised.value)
    assert "'Chart China' is a chart sheet" in message
    assert "'China' (position 1), 'US' (position 2)" in message
    with pytest.raises(DataError, match=r"3 sheet\(s\).*'Chart China' \(chart\), 'China', 'US'"):
        idc.read_series(path, sheet_name=3)


def test_a_chart_sheet_picked_on_the_command_line(tmp_path: Path, capsys) -> None:
    from idcforecast.cli import main

    path = _workbook(tmp_path / "book.xlsx")
    assert main(["show", "--data", str(path), "--sheet", "Chart China"]) == 2
    assert "is a chart sheet" in capsys.readouterr().err
