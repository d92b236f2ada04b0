"""A table's bare "¥" ("(¥bn)", "¥1,562", "（¥億）") is yuan to the unit registry, and yen
in a Japanese source: a yen is about a twentieth of a yuan, so either reading of the other's
figures is a 20x error. A file that names Japan (円, JPY, yen, Japan, kana, a Japanese
operator; in a cell, a note, the sheet's or the file's name) is an error asking for the
code; one that names neither country reads yuan with an AssumedCurrencyWarning; one that
names China or its currency (元, 人民币, RMB, 亿) reads yuan in silence. It was yuan always,
without a word, in both readers."""

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
    ("text", "word"),
    [
        ("region,year,value (¥bn)\nJapan,2019,100\nJapan,2020,120\n", "Japan"),
        ("year,Market size (¥bn)\n2019,100\n2020,120\nNote: NTT and KDDI sites\n", "NTT"),
        ("年份,市場規模（¥億）\n2019,100\n2020,120\n注：単位は億円\n", "は"),
        ("year,value\n2019,¥1562\n2020,¥1700\nSource: Yano Research; yen\n", "yen"),
    ],
)
def test_a_yen_sign_in_a_file_naming_japan_is_an_error(
    tmp_path: Path, text: str, word: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    for read in READERS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the footnote rows' note
            with pytest.raises(UnitError) as err:
                read(path)
        message = str(err.value)
        assert "t.csv: '¥' at line" in message
        assert f"names Japan ({word!r} at line" in message
        assert "write 'JPY' (or 'CNY') in place of '¥'" in message


def test_a_workbook_named_for_japan_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "dc.xlsx"
    frame = pd.DataFrame({"year": [2019, 2020], "Market size (¥bn)": [100, 120]})
    frame.to_excel(path, sheet_name="Japan DC", index=False)
    for read in READERS:
        with pytest.raises(UnitError, match=r"names Japan \('Japan' at the sheet name"):
            read(path)


def test_a_yen_sign_naming_neither_country_is_yuan_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("year,Market size (¥bn)\n2019,100\n2020,120\n", encoding="utf-8")
    for read in READERS:
        with pytest.warns(AssumedCurrencyWarning, match="read as yuan \\(CNY\\), assumed"):
            got = read(path)
        assert got["unit"].tolist() == ["CNY bn", "CNY bn"]
        assert got["value"].tolist() == [100.0, 120.0]


@pytest.mark.parametrize(
    "text",
    [
        "年份,市场规模（¥亿）\n2019,100\n2020,120\n",  # 亿: mainland Chinese
        "year,China market (¥bn)\n2019,100\n2020,120\n",
        "year,value\n2019,JP¥100\n2020,JP¥120\n",  # the letters say which: no bare sign
    ],
)
def test_a_yen_sign_in_a_chinese_file_reads_in_silence(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    for read in READERS:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            got = read(path)
        assert got["value"].tolist() == [100.0, 120.0]


def test_a_gbk_file_with_a_full_width_yen_sign_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes("年份,市場規模（￥億）\n2019,100\n2020,120\n注：日本\n".encode("gb18030"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(UnitError, match=r"names Japan \('日本' at line 4"):
            read_series(path, encoding="gb18030")
