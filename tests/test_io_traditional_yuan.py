"""A table's bare 億元 / 萬元 ("營收（億元）", "1,562億元") is yuan to the unit registry, as a
mainland source means it; in a Taiwan or Hong Kong report a bare 元 is the local dollar
(a New Taiwan dollar is about a fourth of a yuan: 100億元 read as CNY is ~4x too much).
A file that names Taiwan or Hong Kong (台灣, 新台幣, NT$, 香港, 港元, HK$; in a cell, a note,
the sheet's or the file's name) is an error naming the cell and the choice; one that names
neither them nor the mainland reads yuan with an AssumedCurrencyWarning; one that names the
mainland (中國, 人民幣, RMB) reads yuan in silence. It was yuan always, in both readers."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import AssumedCurrencyWarning, UnitError

READERS = (read_series, read_long_table)


@pytest.mark.parametrize(
    ("text", "word", "line"),
    [
        ("年度,台灣IDC營收（億元）\n2019,100\n2020,120\n", "台灣", "line 1"),
        ("年度,營收（億元）,source\n2019,100,資策會 NT$\n2020,120,資策會\n", "NT$", "line 2"),
        ("年度,營收\n2019,100億元\n2020,120億元\n注：香港數據中心市場\n", "香港", "line 4"),
        ("year,IDC revenue (萬元)\n2019,100\n2020,120\nSource: Hong Kong OFCA\n", "Hong Kong", ""),
    ],
)
def test_a_bare_yi_yuan_in_a_taiwan_or_hong_kong_file_is_an_error(
    tmp_path: Path, text: str, word: str, line: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    for read in READERS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the footnote rows' note
            with pytest.raises(UnitError) as err:
                read(path)
        message = str(err.value)
        assert "t.csv: '億元'/'萬元' at line" in message
        assert f"names Taiwan or Hong Kong ({word!r} at {line}" in message
        assert "write 'TWD 100m' (億新台幣), 'HKD 100m' (億港元) or 'CNY 100m'" in message


def test_a_workbook_named_for_taiwan_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "dc.xlsx"
    frame = pd.DataFrame({"年度": [2019, 2020], "營收（億元）": [100, 120]})
    frame.to_excel(path, sheet_name="臺灣", index=False)
    for read in READERS:
        with pytest.raises(UnitError, match=r"names Taiwan or Hong Kong \('臺灣' at the sheet"):
            read(path)


def test_a_bare_yi_yuan_naming_no_place_is_yuan_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("年度,營收（億元）\n2019,100\n2020,120\n", encoding="utf-8")
    for read in READERS:
        with pytest.warns(AssumedCurrencyWarning, match="read as yuan \\(CNY\\), assumed"):
            got = read(path)
        assert got["unit"].tolist() == ["CNY 100m", "CNY 100m"]
        assert got["value"].tolist() == [100.0, 120.0]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("年度,中國IDC營收（億元）\n2019,100\n2020,120\n", "CNY 100m"),  # the mainland named
        ("年度,營收（人民幣億元）\n2019,100\n2020,120\n", "CNY 100m"),
        ("年度,台灣營收（億新台幣）\n2019,100\n2020,120\n", "TWD 100m"),  # the money said
        ("年度,香港營收（億港元）\n2019,100\n2020,120\n", "HKD 100m"),
        ("年份,台湾营收（亿元）\n2019,100\n2020,120\n", "CNY 100m"),  # simplified: not checked
    ],
)
def test_other_yuan_read_in_silence(tmp_path: Path, text: str, unit: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    for read in READERS:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            got = read(path)
        assert got["unit"].tolist() == [unit, unit]
        assert got["value"].tolist() == [100.0, 120.0]


def test_a_big5_file_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes("年度,營收（億元）\n2019,100\n2020,120\n注：臺灣\n".encode("big5"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(UnitError, match=r"names Taiwan or Hong Kong \('臺灣' at line 4"):
            read_series(path, encoding="big5")
