"""Legacy Excel 97-2003 workbooks (.xls): read with the checks an .xlsx sheet gets.

The workbook is tests/fixtures/legacy_book.xls, saved by LibreOffice 7.4 (which computed its
formulas) from the sheets tests/fixtures/legacy_book_source.py writes. Before readers30 every
.xls was refused ("cannot read .xls files ... save it as .xlsx").
"""

from __future__ import annotations

import re
import shutil
import sys
import warnings
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.errors import (
    DataError,
    FormulaCellsWarning,
    HiddenCellsWarning,
    UnitError,
    UnreadSheetsWarning,
)

pytest.importorskip("xlrd")

BOOK = Path(__file__).parent / "fixtures" / "legacy_book.xls"
UNITS = {"colo": "CNY bn", "gap": "MW", "link": "MW"}


def _values(frame, series: str) -> dict[int, float]:
    rows = frame[frame["series_id"] == series]
    return dict(zip(rows["year"], rows["value"], strict=True))


def test_an_xls_sheet_is_read_with_its_formats_formulas_and_hidden_rows() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = read_series(BOOK, unit=UNITS)  # sheet 0: 'Market', the hidden 'Lookup' skipped
    # the stored numbers; colo 2022 is =D2*1.1's stored result, 121.5 * 1.1 = 133.65
    assert _values(frame, "colo") == {2019: 100.0, 2020: 110.0, 2021: 121.5, 2022: 133.65}
    # shown as 1.5% (format 0.0%, stored 0.015): a percent, not 0.015 of a unit
    assert _values(frame, "share") == {2019: 1.5, 2020: 1.6, 2021: 1.75}
    assert set(frame.loc[frame["series_id"] == "share", "unit"]) == {"%"}
    assert _values(frame, "gap") == {2019: 1.0, 2020: 2.0, 2022: 4.0}  # =IF(...,"") blank
    assert _values(frame, "link") == {2019: 1.0, 2020: 2.0, 2021: 100.0, 2022: 1.0}
    keys = list(zip(frame["series_id"], frame["year"], strict=True))
    notes = dict(zip(keys, frame["note"], strict=True))
    derived = dict(zip(keys, frame["derived"], strict=True))
    assert notes["colo", 2022] == (
        "Excel formula '=D2*1.1': a value computed in the workbook, not a published figure"
    )
    assert derived["colo", 2022]
    # links to a cell (of this sheet, of the hidden one) are noted, not derived
    assert notes["link", 2021] == "Excel formula '=B2': the value of the cell it links"
    assert notes["link", 2022] == "Excel formula '=Lookup!B2': the value of the cell it links"
    assert not derived["link", 2022]
    messages = [(w.category, str(w.message)) for w in caught]
    assert (
        HiddenCellsWarning,
        "legacy_book.xls, sheet 'Market': row 4 hidden in Excel (by hand or by a filter) was "
        "read as data like the cells shown; delete it from the sheet (or save a copy without) "
        "if not part of the table",
    ) in messages
    formula_messages = [m for c, m in messages if c is FormulaCellsWarning]
    assert any("cell D4 '=IF(C4>5,C4,\"\")'" in m for m in formula_messages)
    assert any(
        m.startswith(
            "legacy_book.xls: 1 value computed by Excel formulas (legacy_book.xls sheet "
            "'Market' cell E2 '=D2*1.1') read as their stored results"
        )
        for m in formula_messages
    )


def test_an_xls_error_cell_is_named_with_its_formula() -> None:
    with pytest.raises(DataError) as caught:
        read_series(BOOK, sheet_name="Errors", unit="MW")
    assert str(caught.value).startswith(
        "legacy_book.xls sheet 'Errors' cell B3: the formula '=1/0' gives the Excel error "
        "'#DIV/0!', not a value"
    )


def test_an_xls_sheet_keeps_merged_cells_hidden_sheets_and_the_unit_line_above() -> None:
    frame = read_series(BOOK, sheet_name="Merged", unit="MW")
    assert list(dict.fromkeys(frame["series_id"])) == ["China / colo", "China / cloud"]
    assert _values(frame, "China / cloud") == {2019: 50.0, 2020: 60.0}
    hidden = read_series(BOOK, sheet_name="Lookup", unit="MW")  # by name: read
    assert hidden["value"].tolist() == [1.0]
    with pytest.raises(UnitError, match=re.escape("a line above the header says '单位：亿元'")):
        read_series(BOOK, sheet_name="Rows", header_row=1)
    rows = read_series(BOOK, sheet_name="Rows", header_row=1, unit="CNY 100m")
    assert _values(rows, "cidc") == {2019: 1562.5, 2020: 2238.7}
    with pytest.raises(DataError, match=re.escape("'Lookup' (hidden), 'Market', 'Rows'")):
        read_series(BOOK, sheet_name="Nope")


def test_an_xls_in_a_folder_joins_the_other_files(tmp_path: Path) -> None:
    # was: "folder ...: c.xls cannot be read (expected .csv, .txt, .xlsx, .xlsm files)"
    shutil.copy(BOOK, tmp_path / "b.xls")
    (tmp_path / "a.csv").write_text("year,value\n2018,90\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FormulaCellsWarning)
        warnings.simplefilter("ignore", HiddenCellsWarning)
        warnings.simplefilter("ignore", UnreadSheetsWarning)  # its other tabs: 'Rows', ...
        frame = read_series(tmp_path, series_id="colo", unit="CNY bn")
    assert frame["year"].tolist() == [2018, 2019, 2020, 2021, 2022]
    assert frame["source"].tolist()[:2] == ["a.csv row 2", "b.xls sheet 'Market' cell B2"]


def test_an_xls_without_xlrd_says_how_to_read_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "xlrd", None)  # import xlrd raises ImportError
    with pytest.raises(DataError) as caught:
        read_series(BOOK, unit=UNITS)
    assert str(caught.value) == (
        "legacy_book.xls: reading an .xls workbook (Excel 97-2003) needs the xlrd package: "
        "python -m pip install 'idcforecast[xls]'; or open it in Excel and save it as .xlsx, "
        "or convert it: soffice --headless --convert-to xlsx legacy_book.xls"
    )


def test_a_broken_xls_is_a_typed_error(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old Excel workbook")
    with pytest.raises(
        DataError, match=re.escape("old.xls: not a readable Excel 97-2003 workbook")
    ):
        read_series(path, unit="MW")


def test_the_commands_read_an_xls_with_their_sheet_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from idcforecast.cli import main

    path = tmp_path / "b.xls"
    shutil.copy(BOOK, path)
    assert main(["show", "--data", str(path), "--sheet", "Merged", "--unit", "MW"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("China / colo  ·  file ")
    # 110 / 100 - 1 = +10.0%
    assert next(line for line in out.splitlines() if line.startswith("2020")).split()[:3] == [
        "2020",
        "110",
        "+10.0%",
    ]
    assert main(["show", "--data", str(path), "--sep", ";", "--unit", "MW"]) == 2
    assert "--sep describes the text of a CSV, and the file is an Excel workbook" in (
        capsys.readouterr().err
    )


def test_an_xls_piped_on_standard_input_is_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # readers30: '--data -' wrote any bytes but a zip's to stdin.csv: a legacy workbook was
    # "not utf-8 text"
    import io

    from idcforecast.cli import main

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BOOK.read_bytes())))
    assert main(["show", "--data", "-", "--sheet", "Merged", "--unit", "MW"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("China / colo  ·  standard input")
