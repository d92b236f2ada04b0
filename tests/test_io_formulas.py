"""Excel value cells that hold formulas: read as their stored results, marked as computed."""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.errors import DataError, FormulaCellsWarning

openpyxl = pytest.importorskip("openpyxl")


def _saved_as_excel(tmp_path: Path, rows: list[list[object]], cells: dict[str, bytes]) -> Path:
    """A workbook of ``rows`` whose cells ``cells`` ({"B3": b'<f>B2*1.1</f><v>110</v>'})
    are written as Excel saves a formula with its stored result: openpyxl cannot store a
    result, so the sheet's XML is edited."""
    book = openpyxl.Workbook()
    book.active.title = "S"
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "plain.xlsx")
    path = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, xml in cells.items():
                    data, count = re.subn(
                        rb'<c r="' + ref.encode() + rb'"[^>]*>.*?</c>',
                        b'<c r="' + ref.encode() + b'"' + xml + b"</c>",
                        data,
                    )
                    assert count == 1, ref
            out.writestr(item, data)
    return path


def test_a_computed_formula_is_marked_derived_with_its_formula_and_named(tmp_path: Path) -> None:
    # before: '=B3*1.1' (a projection written beside the history) was read as a published
    # 2021 figure: derived False, no note, no warning
    path = _saved_as_excel(
        tmp_path,
        [["year", "value"], [2019, 100], [2020, 110], [2021, 0], [2022, 0]],
        {
            "B4": b"><f>B3*1.1</f><v>121</v>",
            "B5": b"><f>Sheet2!B1</f><v>133.1</v>",  # a link to another sheet's figure
        },
    )
    with pytest.warns(FormulaCellsWarning) as caught:
        frame = read_series(path, unit="MW")
    assert frame["value"].tolist() == [100.0, 110.0, 121.0, 133.1]  # the stored results
    assert frame["derived"].tolist() == [False, False, True, False]
    assert frame["note"].tolist() == [
        "",
        "",
        "Excel formula '=B3*1.1': a value computed in the workbook, not a published figure",
        "Excel formula '=Sheet2!B1': the value of the cell it links",
    ]
    # the link is noted, not warned about; the warning points at the caller's line
    assert len(caught) == 1
    assert str(caught[0].message).startswith(
        "saved.xlsx: 1 value computed by Excel formulas (saved.xlsx sheet 'S' row 4 "
        "'=B3*1.1') read as their stored results"
    )
    assert caught[0].filename == __file__


def test_a_shared_formula_of_a_wide_sheet_names_its_first_cell(tmp_path: Path) -> None:
    # Excel writes a formula filled across cells once (t="shared"), the others by index only
    path = _saved_as_excel(
        tmp_path,
        [["series_id", 2019, 2020, 2021], ["cn", 100, 0, 0]],
        {
            "C2": b'><f t="shared" ref="C2:D2" si="0">B2*1.1</f><v>110</v>',
            "D2": b'><f t="shared" si="0"/><v>121</v>',
        },
    )
    with pytest.warns(FormulaCellsWarning, match=re.escape("2 values computed")):
        frame = read_series(path, unit="MW")
    assert frame["derived"].tolist() == [False, True, True]
    assert frame["note"].iloc[2] == (
        "Excel formula '=B2*1.1 (shared with C2)': a value computed in the workbook, not a "
        "published figure"
    )


def test_a_derived_column_is_kept_over_the_formula(tmp_path: Path) -> None:
    # a unit conversion written as a formula (=B2/10) that the table says is published
    path = _saved_as_excel(
        tmp_path,
        [["year", "value", "derived"], [2019, 0, "false"]],
        {"B2": b"><f>C5/10</f><v>156.25</v>"},
    )
    with pytest.warns(FormulaCellsWarning):
        frame = read_series(path, unit="CNY bn")
    assert frame["derived"].tolist() == [False]
    assert frame["note"].iloc[0].startswith("Excel formula '=C5/10'")


def test_an_empty_text_result_is_a_blank_cell_not_a_missing_result(tmp_path: Path) -> None:
    # before: '=IF(A4>2020,"",B3)' saved by Excel (result "", t="str") was called "a formula
    # with no stored result (the workbook was written by a program and never recalculated)"
    path = _saved_as_excel(
        tmp_path,
        [["series_id", 2019, 2020, 2021], ["cn", 100, 110, 0]],
        {"D2": b' t="str"><f>IF(D1&gt;2020,"",C2)</f><v></v>'},
    )
    # readers30: a wide table's blank is a year not published, but a formula stands there
    # (a figure it reads may be missing): it was a gap without a word; now it is named
    with pytest.warns(FormulaCellsWarning) as caught:
        frame = read_series(path, unit="MW")
    assert frame["year"].tolist() == [2019, 2020]
    assert [str(w.message) for w in caught] == [
        "saved.xlsx: 1 cell with a formula that gives empty text, read as years not "
        "published (gaps) as the sheet shows them blank (saved.xlsx sheet 'S' cell D2 "
        "'=IF(D1>2020,\"\",C2)'); check the figures the formula reads (one may be missing); "
        "write the figure in its place, or clear the cell if the year was not published, to "
        "silence this note"
    ]
    assert caught[0].filename == __file__
    # a formula without any stored result stays the error it was
    unstored = _saved_as_excel(
        tmp_path, [["series_id", 2019, 2020], ["cn", 100, 0]], {"C2": b"><f>B2*1.1</f><v/>"}
    )
    with pytest.raises(DataError, match=re.escape("cell C2: the formula '=B2*1.1' has no stored")):
        read_series(unstored, unit="MW")


def test_the_batch_reader_names_computed_values(tmp_path: Path) -> None:
    # forecast-many's reader fits them like published figures: it says so
    from idcforecast.batch import read_long_table

    path = _saved_as_excel(
        tmp_path,
        [["series_id", "year", "value"], ["cn", 2019, 100], ["cn", 2020, 0], ["cn", 2021, 0]],
        {
            "B4": b"><f>B3+1</f><v>2021</v>",  # a year counted on: not a value
            "C4": b"><f>C3*1.1</f><v>121</v>",
        },
    )
    with pytest.warns(FormulaCellsWarning) as caught:
        frame = read_long_table(path)
    assert frame["value"].tolist() == [100.0, 0.0, 121.0]
    assert len(caught) == 1
    assert str(caught[0].message).startswith(
        "saved.xlsx: 1 value computed by Excel formulas (saved.xlsx sheet 'S' cell C4 "
        "'=C3*1.1') read as their stored results, fitted like published figures"
    )
    assert caught[0].filename == __file__


def test_the_report_says_a_formulas_derived_year_was_computed_by_it(tmp_path: Path) -> None:
    # before: a year computed by the user's own formula was described as "derived from a
    # neighbouring year's reported growth", the bundled data's compiler's way
    from idcforecast.report._assumptions import assumptions

    path = _saved_as_excel(
        tmp_path,
        [["year", "value"], [2019, 100], [2020, 110], [2021, 0]],
        {"B4": b"><f>B3*1.1</f><v>121</v>"},
    )
    with pytest.warns(FormulaCellsWarning):
        history = read_series(path, unit="MW")
    items = assumptions(history, history.iloc[:0])
    assert (
        "Years not published but computed by the workbook's formulas (2021) are used like "
        "published years." in items
    )
    # the bundled data's derived years keep their sentence
    plain = history.assign(note="")
    assert any(
        "derived from a neighbouring year's reported growth (2021)" in i
        for i in assumptions(plain, plain.iloc[:0])
    )


def test_the_warning_names_formula_cells_in_the_order_read(tmp_path: Path) -> None:
    # before: in the order of a set ("cell E2 ...; cell B2 ...; cell D2 ...")
    cells = "BCDEFG"
    path = _saved_as_excel(
        tmp_path,
        [["series_id", 2018, 2019, 2020, 2021, 2022, 2023], ["cn", *[0] * 6]],
        {f"{c}2": f"><f>{c}3+{c}4</f><v>{k}</v>".encode() for k, c in enumerate(cells)},
    )
    with pytest.warns(FormulaCellsWarning) as caught:
        read_series(path, unit="MW")
    assert (
        "6 values computed by Excel formulas (saved.xlsx sheet 'S' cell B2 '=B3+B4'; "
        "saved.xlsx sheet 'S' cell C2 '=C3+C4'; saved.xlsx sheet 'S' cell D2 '=D3+D4'; ...)"
        in str(caught[0].message)
    )


def test_the_batch_reader_names_only_the_value_cells_it_reads(tmp_path: Path) -> None:
    # before: a wide sheet's CAGR formula beside the years (not read) and an estimate
    # column dropped by estimates="drop" were counted among the values computed
    from idcforecast.batch import read_long_table
    from idcforecast.errors import IgnoredColumnWarning

    path = _saved_as_excel(
        tmp_path,
        [["series_id", 2019, 2020, "2021E", "CAGR"], ["cn", 100, 0, 0, 0]],
        {
            "C2": b"><f>B2*1.1</f><v>110</v>",
            "D2": b"><f>C2*1.1</f><v>121</v>",
            "E2": b"><f>(C2/B2)-1</f><v>0.1</v>",
        },
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_long_table(path, estimates="drop")
    formula = [w for w in caught if issubclass(w.category, FormulaCellsWarning)]
    assert [str(w.message).split(" read as")[0] for w in formula] == [
        "saved.xlsx: 1 value computed by Excel formulas (saved.xlsx sheet 'S' cell C2 '=B2*1.1')"
    ]
    assert any(issubclass(w.category, IgnoredColumnWarning) for w in caught)  # the CAGR


def test_series_id_keeps_the_warning_to_its_own_formulas(tmp_path: Path) -> None:
    # before: reading 'colo' alone still named the total's formulas (another series)
    path = _saved_as_excel(
        tmp_path,
        [["series_id", 2019, 2020], ["colo", 100, 110], ["cloud", 50, 60], ["all", 0, 0]],
        {"B4": b"><f>B2+B3</f><v>150</v>", "C4": b"><f>C2+C3</f><v>170</v>"},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = read_series(path, series_id="colo", unit="MW")
    assert out["value"].tolist() == [100.0, 110.0]
    with pytest.warns(FormulaCellsWarning, match=re.escape("2 values computed")):
        total = read_series(path, series_id="all", unit="MW")
    assert total["derived"].tolist() == [True, True]


def test_a_long_tables_blank_from_a_formula_names_the_formula(tmp_path: Path) -> None:
    # before: "cell B3: the value is blank but the row is not" for a cell the sheet shows
    # blank because =IF(...) gave "": the formula behind it was not named
    path = _saved_as_excel(
        tmp_path,
        [["year", "value"], [2019, 100], [2020, 0]],
        {"B3": b' t="str"><f>IF(A3&gt;2019,"",B2)</f><v></v>'},
    )
    with pytest.raises(DataError) as caught:
        read_series(path, unit="MW")
    assert str(caught.value) == (
        "saved.xlsx sheet 'S' cell B3: the value is blank (its formula '=IF(A3>2019,\"\",B2)' "
        "gives empty text) but the row is not; expected a number or a figure (blank a whole "
        "row to skip it; or have the formula give a number)"
    )


def test_a_column_per_series_names_its_empty_formula_cells_of_the_series_read(
    tmp_path: Path,
) -> None:
    # readers30: years as rows, cn's 2020 an =IF(...) giving "": a gap named, only when cn is
    # read; a formula in the note column is no year's value
    path = _saved_as_excel(
        tmp_path,
        [["year", "cn", "us", "note"], [2019, 100, 10, "x"], [2020, 0, 12, 0], [2021, 130, 13]],
        {
            "B3": b' t="str"><f>IF(B2&gt;200,B2*1.1,"")</f><v></v>',
            "D3": b' t="str"><f>IF(1,"","x")</f><v></v>',
        },
    )
    with pytest.warns(FormulaCellsWarning, match=re.escape("(saved.xlsx sheet 'S' cell B3 '=IF(")):
        frame = read_series(path, unit="MW")
    assert frame[frame["series_id"] == "cn"]["year"].tolist() == [2019, 2021]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        us = read_series(path, unit="MW", series_id="us")
    assert us["value"].tolist() == [10.0, 12.0, 13.0]


def test_a_header_formula_without_a_stored_result_is_named(tmp_path: Path) -> None:
    # readers30: a year header written as '=B1+1' by a program (never recalculated) was read
    # blank: "cell C2: a column without a header holds 120"
    book = openpyxl.Workbook()
    book.active.title = "S"
    book.active.append(["series_id", 2019, "=B1+1"])
    book.active.append(["cn", 100, 120])
    path = tmp_path / "h.xlsx"
    book.save(path)
    with pytest.raises(DataError) as caught:
        read_series(path, unit="MW")
    assert str(caught.value) == (
        "h.xlsx sheet 'S' cell C1: the header's formula '=B1+1' has no stored result (the "
        "workbook was written by a program and never recalculated); expected a header: open "
        "and save the workbook in Excel or LibreOffice, or write the header (the year) in the "
        "cell"
    )
    # with its stored result (as Excel saves it), the header is the year
    saved = _saved_as_excel(
        tmp_path, [["series_id", 2019, 0], ["cn", 100, 120]], {"C1": b"><f>B1+1</f><v>2020</v>"}
    )
    assert read_series(saved, unit="MW")["year"].tolist() == [2019, 2020]
