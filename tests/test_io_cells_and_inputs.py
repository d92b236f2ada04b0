"""read_series and read_long_table: a cell's own unit beside its header's, Series input,
standard input and legacy workbooks."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from idcforecast import read_series
from idcforecast.errors import DataError, DuplicateYearError, NonNumericValueError, UnitError


@pytest.mark.filterwarnings("ignore::idcforecast.errors.MagnitudeJumpWarning")  # arbitrary values
def test_a_cells_own_unit_beside_its_headers_is_said_in_its_note() -> None:
    # before: "1.2万亿元" under "市场规模（亿元）" was read in the cell's unit with only
    # "converted from 'CNY tn' (x10000)": that the header said otherwise was not said
    table = pd.DataFrame({"year": [2019, 2020], "市场规模（亿元）": ["1000", "1.2万亿元"]})
    frame = read_series(table)
    assert frame["value"].tolist() == [1000.0, 12000.0]  # 1.2 万亿 = 1.2e12 = 12000 x 1e8
    assert frame["note"].tolist() == [
        "",
        "read in the cell's own unit 'CNY tn' ('1.2万亿元'), not in the unit of its header or "
        "unit column, 'CNY 100m'; converted from 'CNY tn' (x10000)",
    ]
    # a unit column says so the same way, naming the unit as written
    column = pd.DataFrame({"year": [2019, 2020], "value": ["1000", "1200万元"], "unit": "亿元"})
    frame = read_series(column)
    assert frame["value"].tolist() == pytest.approx([1000.0, 0.12])  # 1200 x 1e4 / 1e8
    assert (
        frame["note"]
        .iloc[1]
        .startswith(
            "read in the cell's own unit 'CNY 10k' ('1200万元'), not in the unit of its header "
            "or unit column, '亿元' ('CNY 100m')"
        )
    )


def test_a_series_with_nan_names_the_year_not_a_dataframe_row() -> None:
    # before: "DataFrame row 1, column 'value': the value is blank but the row is not;
    # expected a number or a figure (blank a whole row to skip it)" for a Series' NaN
    series = pd.Series([1.0, float("nan"), 3.0], index=[2019, 2020, 2021], name="cidc")
    with pytest.raises(DataError) as caught:
        read_series(series, unit="MW")
    assert str(caught.value) == (
        "Series 'cidc': year 2020 is NaN; expected a number for every year of the index; "
        "drop the years not published (series.dropna()): they are then gaps, never filled"
    )
    out = read_series(series.dropna(), unit="MW")  # the fix it names works
    assert out["year"].tolist() == [2019, 2021]
    # places and sources name the Series and year ("DataFrame row 0" before)
    assert out["source"].tolist() == ["Series 'cidc' year 2019", "Series 'cidc' year 2021"]
    bad = pd.Series(["1562.5亿元", "abc"], index=[2019, 2020], name="cidc")
    with pytest.raises(NonNumericValueError, match=re.escape("Series 'cidc' year 2020: 'abc'")):
        read_series(bad)
    # an unnamed Series is still the series "series"; a year given twice is still an error
    assert read_series(pd.Series([1.0], index=[2019]), unit="MW")["series_id"].tolist() == [
        "series"
    ]
    with pytest.raises(DuplicateYearError, match=re.escape("year 2019 (entry 1) and")):
        read_series(pd.Series([1.0, 2.0], index=[2019, 2019], name="x"), unit="MW")


@pytest.mark.parametrize(
    ("head", "advice"),
    [
        # web exports: an HTML table, or tab-separated text, under a workbook's name
        (
            b'<html><meta charset="gbk"><table><tr><td>2019</td></tr></table></html>',
            "idc.xls is a web page (HTML), not a workbook, as web exports often are: open it in "
            "Excel and save it as .xlsx, or save the table as CSV",
        ),
        (
            "年份\t市场规模\n2019\t1562.5\n".encode(),
            "idc.xls holds text, not a workbook, as web exports often do: rename it idc.txt (or "
            ".csv) and read that",
        ),
        (b"PK\x03\x04" + bytes(100), "idc.xls is a zip archive, as an .xlsx workbook is"),
    ],
)
def test_a_file_named_xls_is_refused_with_advice_for_what_it_holds(
    tmp_path: Path, head: bytes, advice: str
) -> None:
    # before: every one was "cannot read .xls files; expected .csv, .txt, .xlsx or .xlsm
    # (re-save an .xls workbook as .xlsx; or pass a DataFrame)", though half of the '.xls'
    # files data portals export are HTML or text that Excel re-saving (or a rename) fixes
    path = tmp_path / "idc.xls"
    path.write_bytes(head)
    with pytest.raises(DataError) as caught:
        read_series(path)
    assert str(caught.value).startswith(
        "idc.xls: cannot read .xls files; expected .csv, .txt, .xlsx, .xlsm or .xls (" + advice
    )
    (tmp_path / "ok.csv").write_text("year,value\n2019,1\n")
    with pytest.raises(DataError) as caught:  # in a folder too
        read_series(tmp_path, unit="MW")
    assert advice in str(caught.value)


def test_a_text_file_of_another_kind_keeps_the_general_advice(tmp_path: Path) -> None:
    path = tmp_path / "market.json"
    path.write_text('{"year": 2019}')
    with pytest.raises(DataError) as caught:
        read_series(path)
    assert str(caught.value) == (
        "market.json: cannot read .json files; expected .csv, .txt, .xlsx, .xlsm or .xls (save "
        "it as .xlsx or CSV; or pass a DataFrame)"
    )


def test_a_legacy_workbook_under_another_name_is_told_to_be_named_xls(tmp_path: Path) -> None:
    # readers30: an .xls is read (tests/test_io_xls.py); one saved as 'idc.et' (WPS) was told
    # to be re-saved as .xlsx
    path = tmp_path / "idc.et"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(DataError) as caught:
        read_series(path)
    assert str(caught.value) == (
        "idc.et: cannot read .et files; expected .csv, .txt, .xlsx, .xlsm or .xls (idc.et is a "
        "legacy Excel 97-2003 workbook: rename it idc.xls and read that, or open it in Excel "
        "and save it as .xlsx)"
    )


def test_a_unit_asked_against_the_line_above_the_header_is_an_error(tmp_path: Path) -> None:
    # before: unit="CNY bn" over "单位：亿元" (a line header_row skips) read 1562.5亿元 as
    # 1562.5 CNY bn, ten times too large (1 亿 = 0.1 bn), without a word
    path = tmp_path / "t.csv"
    path.write_text(
        "表1 中国IDC市场规模\n单位：亿元\n年份,托管,云\n2019,1000,562.5\n", encoding="utf-8"
    )
    with pytest.raises(UnitError) as caught:
        read_series(path, header_row=2, unit="CNY bn")
    assert str(caught.value) == (
        "t.csv row 4, column '托管' (series '托管'): a line above the header says '单位：亿元', "
        "but unit='CNY bn' reads the series' bare numbers as 'CNY bn' (unit= is also the "
        "unit of numbers written without one); pass unit='亿元' to read them as the line "
        "states (convert the result afterwards), or correct the line"
    )
    out = read_series(path, header_row=2, unit="亿元")  # as the line states: read
    assert out["value"].tolist() == [1000.0, 562.5]
    assert set(out["unit"]) == {"CNY 100m"}


def test_every_series_of_bare_numbers_is_named_in_the_unit_advice(tmp_path: Path) -> None:
    # before: "pass unit={'托管': '亿元'} (or series_id='托管', unit='亿元')" for a table whose
    # every series is bare: passing it, the next series failed the same way
    path = tmp_path / "t.csv"
    path.write_text("单位：亿元\n年份,托管,云\n2019,1000,562.5\n", encoding="utf-8")
    with pytest.raises(
        UnitError, match=re.escape("a line above the header says '单位：亿元': pass unit='亿元'")
    ):
        read_series(path, header_row=1)
    # two bare series beside one with its own unit: a dict naming both
    mixed = tmp_path / "m.csv"
    mixed.write_text("单位：亿元\n年份,托管,云,增速\n2019,1000,562.5,27.2%\n", encoding="utf-8")
    with pytest.raises(UnitError) as caught:
        read_series(mixed, header_row=1)
    assert str(caught.value).endswith(
        "a line above the header says '单位：亿元': pass unit={'托管': '亿元', '云': '亿元'}"
    )
    out = read_series(mixed, header_row=1, unit={"托管": "亿元", "云": "亿元"})
    assert out["value"].tolist() == [1000.0, 562.5, 27.2]


def test_the_batch_reader_reads_the_unit_a_series_name_states(tmp_path: Path) -> None:
    # before: read_long_table left "北京（亿元）" without a unit, and unit="CNY bn" took its
    # 100 (亿元) for 100 CNY bn, ten times read_series' 10 (100 x 1e8 / 1e9)
    from idcforecast.batch import read_long_table

    wide = tmp_path / "wide.csv"
    wide.write_text("地区,2019,2020\n北京（亿元）,100,120\n广州,5,6\n", encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text("year,北京（亿元）,上海（亿元）\n2019,100,90\n", encoding="utf-8")
    out = read_long_table(wide, unit="CNY bn")
    assert out["value"].tolist()[:2] == pytest.approx([10.0, 12.0])
    assert out["unit"].tolist()[:2] == ["CNY bn", "CNY bn"]
    assert read_series(wide, series_id="北京（亿元）", unit="CNY bn")["value"].tolist() == (
        pytest.approx([10.0, 12.0])
    )
    assert read_long_table(wide)["unit"].tolist() == ["CNY 100m", "CNY 100m", None, None]
    assert read_long_table(rows, unit="CNY bn")["value"].tolist() == pytest.approx([10.0, 9.0])
    # a unit column that says otherwise is an error, as read_series makes it
    both = tmp_path / "both.csv"
    both.write_text("地区,unit,2019\n北京（亿元）,USD bn,100\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(
        "both.csv row 2: the series' name states the unit 'CNY 100m' but the unit column says "
        "'USD bn'"
    )):  # fmt: skip
        read_long_table(both)


def test_the_batch_reader_refuses_a_unit_against_the_line_above_the_header(
    tmp_path: Path,
) -> None:
    # before: "单位：亿元" above the header and unit="CNY bn": 1000 read as 1000 CNY bn (10x)
    from idcforecast.batch import read_long_table

    path = tmp_path / "t.csv"
    path.write_text("单位：亿元\n地区,2019,2020\n北京,1000,1200\n", encoding="utf-8")
    with pytest.raises(UnitError) as caught:
        read_long_table(path, header_row=1, unit="CNY bn")
    assert str(caught.value) == (
        "t.csv: a line above the header says '单位：亿元', but unit='CNY bn' takes the rows "
        "without a unit (series '北京'...) to be in 'CNY bn' already; pass unit='亿元' to read "
        "them as the line states, or correct the line"
    )
    out = read_long_table(path, header_row=1, unit="亿元")
    assert out["value"].tolist() == [1000.0, 1200.0]


def test_forecast_of_a_series_with_nan_names_the_series_fix() -> None:
    # before: "series 'cidc' year 2019: the value is blank (NaN) but the row is not; ...
    # drop the row or write 'n/a' as its value": rows and a text marker a float Series lacks
    import idcforecast as idc

    series = pd.Series([1.0, float("nan"), 3.0, 4.0, 5.0], index=range(2018, 2023), name="cidc")
    with pytest.raises(NonNumericValueError) as caught:
        idc.forecast(series, 2)
    assert str(caught.value) == (
        "Series 'cidc': year 2019 is NaN; expected a number for every year of the index; "
        "drop the years not published (series.dropna()): they are then gaps, never filled"
    )
    # the fix named works: 2019 is a gap, filled only when asked (interpolated 2.0; drift
    # over 2018-2022: 5 + (5 - 1) / 4 = 6)
    out = idc.forecast(series.dropna(), 1, method="drift", gaps="interpolate")
    assert out["mean"].tolist() == pytest.approx([6.0])


def test_year_end_headers_are_read_and_other_number_columns_are_named() -> None:
    # before: "2019年末" (a stock at the year's end, as Chinese statistics head it) was no
    # year; beside a series_id column its figures were dropped without a word
    from idcforecast.errors import IgnoredColumnWarning

    table = pd.DataFrame(
        {"series_id": ["racks"], "2019年末": ["1"], "2020年底": ["2"], "2021年12月31日": ["3"]}
    )
    out = read_series(table, unit="MW")
    assert out["year"].tolist() == [2019, 2020, 2021]
    half = pd.DataFrame({"series_id": ["racks"], "2019年6月30日": ["1"], "2020": ["2"]})
    with pytest.warns(IgnoredColumnWarning, match=re.escape("column '2019年6月30日' holds")):
        out = read_series(half, unit="MW")  # a mid-year figure is no year's: named, not read
    assert out["year"].tolist() == [2020]


def test_reading_warnings_point_at_the_callers_line(tmp_path: Path) -> None:
    # before: FootnoteWarning, IgnoredColumnWarning and HiddenCellsWarning pointed at
    # idcforecast's own lines (io.py, _table_files.py), and on the folder path the others too
    import warnings

    import openpyxl

    from idcforecast.batch import read_long_table

    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "a.csv").write_text(
        "series_id,2019,2020,CAGR\ncn,1,2,100%\n\nNote: 2020 not published.\n", encoding="utf-8"
    )
    book = openpyxl.Workbook()
    for row in (["year", "value (MW)"], [2019, 1], [2020, 2]):
        book.active.append(row)
    book.active.row_dimensions[3].hidden = True
    book.save(tmp_path / "hidden.xlsx")
    calls = {
        "file": lambda: read_series(tmp_path / "folder" / "a.csv", unit="MW"),
        "folder": lambda: read_series(tmp_path / "folder", unit="MW"),
        "batch": lambda: read_long_table(tmp_path / "folder" / "a.csv"),
        "sheet": lambda: read_series(tmp_path / "hidden.xlsx"),
    }
    for how, call in calls.items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            call()
        kinds = {w.category.__name__ for w in caught}
        assert kinds, how
        assert {w.filename for w in caught} == {__file__}, (how, kinds)


def test_a_pandas_index_column_is_named_as_one(tmp_path: Path) -> None:
    # before: "a column without a header holds 0; expected a year or the name ... in its
    # header", the usual cause (frame.to_excel without index=False) not named
    from idcforecast.batch import read_long_table

    path = tmp_path / "wide.xlsx"
    pd.DataFrame({"region": ["cn", "us"], "2019": [1.0, 2.0]}).to_excel(path)
    hint = "(it counts the rows 0, 1, 2...: the index pandas writes unless told index=False)"
    for read in (lambda: read_series(path, unit="MW"), lambda: read_long_table(path)):
        with pytest.raises(DataError) as caught:
            read()
        assert str(caught.value).startswith(
            "wide.xlsx sheet 'Sheet1' cell A2: a column without a header holds 0; "
        )
        assert str(caught.value).endswith("or delete the column " + hint)
    read_series_ok = pd.DataFrame({"region": ["cn", "us"], "2019": [1.0, 2.0]})
    read_series_ok.to_excel(path, index=False)  # the fix named
    assert read_series(path, unit="MW")["value"].tolist() == [1.0, 2.0]


def test_a_blank_header_under_text_points_at_the_row_above(tmp_path: Path) -> None:
    # before: a two-row header saved as CSV ("地区" above a blank cell, the years in the row
    # below) read with header_row=1 was "a column without a header holds '华北'", the name
    # one row up not mentioned
    import openpyxl

    from idcforecast.batch import read_long_table

    # (a 'segment' column beside it: which of the two names the series is not guessed; a
    # blank header over the only text column is read, tests/test_io_headerless_names.py)
    path = tmp_path / "t.csv"
    path.write_text(
        "地区,,市场规模（亿元）,,\n,segment,2019,2020,2021\n华北,colo,100,120,140\n",
        encoding="utf-8",
    )
    hint = (
        "(the row above the header holds '地区' in this column: if that is its name, write it "
        "in the header row)"
    )
    book = openpyxl.Workbook()
    rows = (
        ["地区", None, "市场规模（亿元）"],
        [None, "segment", 2019, 2020],
        ["华北", "colo", 100, 120],
    )
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "t.xlsx")
    for read in (
        lambda: read_series(path, header_row=1),
        lambda: read_long_table(path, header_row=1),
        lambda: read_series(tmp_path / "t.xlsx", header_row=1),
    ):
        with pytest.raises(DataError) as caught:
            read()
        assert "a column without a header holds '华北'" in str(caught.value)
        assert str(caught.value).endswith("or delete the column " + hint)
