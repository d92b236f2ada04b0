"""A table whose top-left header cell is blank, read when the first column can only hold
the names (",2019,2020" over "China IDC,...", a wide table as research firms export one)
or only the years (",China IDC,US colo" over "2019,1562.5,14.2", an Excel chart's data
range with a year per row)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_blank_top_left_cell_over_the_names_is_read_by_both_readers(tmp_path: Path) -> None:
    # was: "a column without a header holds 'China IDC (亿元)'" (DataError) in both readers
    path = _csv(
        tmp_path,
        ",2019,2020,2021\nChina IDC (亿元),1562.5,2000.1,2500.3\nUS colo (USD bn),14.2,15.8,17.1\n",
    )
    series = read_series(path)
    assert series["series_id"].tolist() == ["China IDC (亿元)"] * 3 + ["US colo (USD bn)"] * 3
    assert series["value"].tolist() == [1562.5, 2000.1, 2500.3, 14.2, 15.8, 17.1]
    assert series["unit"].tolist() == ["CNY 100m"] * 3 + ["USD bn"] * 3  # from the brackets
    long = read_long_table(path)
    assert long["series_id"].tolist() == series["series_id"].tolist()
    assert long["value"].tolist() == series["value"].tolist()
    # 亿元 = 1e8 CNY: 1,562.5 亿元 = 156.25 CNY bn
    assert read_series(path, series_id="China IDC (亿元)", unit="CNY bn")["value"].iloc[
        0
    ] == pytest.approx(156.25)


def test_a_blank_top_left_cell_in_an_excel_sheet_is_read(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in ([None, 2019, 2020], ["China IDC", 1562.5, 2000.1]):
        book.active.append(row)
    book.save(tmp_path / "export.xlsx")
    out = read_series(tmp_path / "export.xlsx", unit="亿元")
    assert out["series_id"].tolist() == ["China IDC", "China IDC"]
    assert out["value"].tolist() == [1562.5, 2000.1]
    assert read_long_table(tmp_path / "export.xlsx", unit="亿元")["value"].tolist() == [
        1562.5,
        2000.1,
    ]


def test_a_unit_column_beside_the_names_is_no_second_name(tmp_path: Path) -> None:
    path = _csv(tmp_path, ",unit,2019,2020\nChina IDC,亿元,1562.5,2000.1\n")
    assert read_series(path)["unit"].tolist() == ["CNY 100m", "CNY 100m"]
    assert read_long_table(path)["series_id"].tolist() == ["China IDC", "China IDC"]


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        # two text columns: which names the series is not guessed
        (",region,2019,2020\nChina IDC,Asia,1562.5,2000.1\n", "'China IDC'"),
        # numbers under the blank cell: a year column whose header was lost, not names
        (",2019,2020\n1200.5,1562.5,2000.1\n", "'1200.5'"),
        # a series_id column beside it: which names the series is not guessed
        (",series_id,2019,2020\nChina IDC,cn,1562.5,2000.1\n", "'China IDC'"),
        # the blank-headed column is not the first: the names' column is 'market'
        ("market,,2019,2020\nChina IDC,x,1562.5,2000.1\n", "'x'"),
    ],
)
def test_a_blank_header_stays_an_error_where_it_is_ambiguous(
    tmp_path: Path, text: str, cell: str
) -> None:
    path = _csv(tmp_path, text)
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=f"a column without a header holds {cell}"):
            read(path)


def test_a_blank_cell_over_a_year_per_row_table_is_named_by_both_readers(tmp_path: Path) -> None:
    # read_long_table said "found 'Unnamed: 0', ... (a title above the header? pass
    # header_row=N)": pandas' name for the column, and advice about another problem. A
    # column of years alone is read now (below); a row that is no year ('CAGR') keeps the
    # error and its fix
    path = _csv(tmp_path, ",China IDC,US colo\n2019,1562.5,14.2\n2020,2000.1,15.8\nCAGR,28%,11%\n")
    fix = "column 1 has no header and holds the years: write 'year' in its header cell"
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=re.escape(fix)) as caught:
            read(path)
        assert "Unnamed" not in str(caught.value)


def test_a_blank_cell_over_a_column_of_years_is_read_by_both_readers(tmp_path: Path) -> None:
    # was the DataError above ("column 1 has no header and holds the years: write 'year'
    # in its header cell") in both readers: a fix the reader could make itself
    path = _csv(
        tmp_path,
        ",China IDC (亿元),US colo (USD bn)\n"
        "2019,1562.5,14.2\n2020,2000.1,15.8\n2021,2500.3,17.1\n",
    )
    series = read_series(path)
    assert series["series_id"].tolist() == ["China IDC (亿元)"] * 3 + ["US colo (USD bn)"] * 3
    assert series["year"].tolist() == [2019, 2020, 2021] * 2
    assert series["value"].tolist() == [1562.5, 2000.1, 2500.3, 14.2, 15.8, 17.1]
    assert series["unit"].tolist() == ["CNY 100m"] * 3 + ["USD bn"] * 3  # from the brackets
    assert series["source"].iloc[0] == "export.csv row 2, column 'China IDC (亿元)'"
    long = read_long_table(path)
    assert long["series_id"].tolist() == series["series_id"].tolist()
    assert long["year"].tolist() == series["year"].tolist()
    assert long["value"].tolist() == series["value"].tolist()
    # 亿元 = 1e8 CNY: 2,000.1 亿元 = 200.01 CNY bn
    cidc = read_series(path, series_id="China IDC (亿元)", unit="CNY bn")
    assert cidc["value"].iloc[1] == pytest.approx(200.01)


def test_a_blank_cell_over_the_years_in_an_excel_sheet_is_read(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in ([None, "China IDC"], [2019, 1562.5], [2020, 2000.1], ["2021E", 2500.3]):
        book.active.append(row)
    book.save(tmp_path / "chart.xlsx")
    out = read_series(tmp_path / "chart.xlsx", unit="亿元", estimates="drop")
    assert out["year"].tolist() == [2019, 2020]
    assert out["value"].tolist() == [1562.5, 2000.1]
    kept = read_long_table(tmp_path / "chart.xlsx", unit="亿元", estimates="keep")
    assert kept["year"].tolist() == [2019, 2020, 2021]
    assert kept["value"].tolist() == [1562.5, 2000.1, 2500.3]
    # an estimate refused names the cell as the sheet has it, not as 'year'
    with pytest.raises(DataError, match=r"chart\.xlsx sheet 'Sheet' cell A4"):
        read_series(tmp_path / "chart.xlsx", unit="亿元")


def test_a_blank_cell_over_the_years_of_a_value_column_is_read(tmp_path: Path) -> None:
    # a Series saved with to_csv(): ",value" over "2019,1562.5"
    path = _csv(tmp_path, ",value\n2019,1562.5\n2020,2000.1\n")
    assert read_series(path, unit="亿元")["value"].tolist() == [1562.5, 2000.1]
    long = read_long_table(path, unit="亿元")
    assert long["series_id"].tolist() == ["export", "export"]
    assert long["year"].tolist() == [2019, 2020]


def test_a_blank_cell_over_years_stays_an_error_beside_another_headerless_column(
    tmp_path: Path,
) -> None:
    # two columns without a header: which holds the years is not guessed
    path = _csv(tmp_path, ",,China IDC\n2019,a,1562.5\n2020,b,2000.1\n")
    for read in (read_series, read_long_table):
        with pytest.raises(DataError):
            read(path, unit="亿元")
