"""read_long_table keeps a value cell as published in a ``quote`` column ("2023亿元",
"超过2500", "2,600*", "27.8%"), as read_series keeps it (DESIGN.md: the original text is
kept beside the number); a plain number gets "", and a file's own quote column is kept."""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
import pandas as pd

from idcforecast import read_series
from idcforecast.batch import read_long_table


def _read(path: Path, **options: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the FootnoteWarning of '2,600*'
        return read_long_table(path, **options)


def test_a_cell_that_writes_more_than_a_number_is_quoted(tmp_path: Path) -> None:
    # was: no quote column; '2023亿元' and '超过2500' were 2023.0 and 2500.0 with no trace of
    # the text (the README said the marker of '2,600*' was kept in its quote)
    path = tmp_path / "q.csv"
    path.write_text(
        'series_id,year,value\nA,2019,"1,562.5"\nA,2020,2023亿元\nA,2021,超过2500\n'
        'A,2022,"2,600*"\nB,2019,27.8%\nB,2020,n/a\nB,2021,31\n',
        encoding="utf-8",
    )
    out = _read(path)
    assert out["value"].tolist() == [1562.5, 2023.0, 2500.0, 2600.0, 27.8, 31.0]
    assert out["quote"].tolist() == ["", "2023亿元", "超过2500", "2,600*", "27.8%", ""]
    assert list(out.columns) == ["series_id", "year", "value", "unit", "qualifier", "quote", "note"]
    # the quotes read_series keeps for the same cells
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = read_series(path, series_id="A", unit="亿元")
    assert a["quote"].tolist() == out["quote"].tolist()[:4]


def test_an_excel_percent_cell_is_quoted_as_shown(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["series_id", "year", "value"], ["g", 2019, 0.278], ["g", 2020, "约30%"]):
        sheet.append(row)
    sheet["C2"].number_format = "0.0%"
    book.save(tmp_path / "g.xlsx")
    out = _read(tmp_path / "g.xlsx")
    assert out["value"].tolist() == [27.8, 30.0]
    assert out["quote"].tolist() == ["27.8%", "约30%"]


def test_plain_numbers_add_no_quote_column(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("series_id,year,value\nA,2019,1562.5\nA,2020,2023\n", encoding="utf-8")
    assert "quote" not in _read(path, unit="亿元").columns


def test_the_files_own_quote_column_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text(
        "series_id,year,value,quote\n"
        'A,2019,1562.5,"2019年市场规模1562.5亿元"\nA,2020,2023亿元,\nA,2021,2500,\n',
        encoding="utf-8",
    )
    out = _read(path)
    assert out["quote"].tolist() == ["2019年市场规模1562.5亿元", "2023亿元", ""]
