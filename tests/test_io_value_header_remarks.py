"""A long table's value header with a remark beside its unit ("value (CNY bn, est.)",
"数值（亿元，估计）"): the unit is read (as before) and the remark is kept in every row's
note, in both readers. It was dropped: the values of an estimates column read as plain
figures with nothing saying what the header said of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table

READERS = (read_series, read_long_table)


@pytest.mark.parametrize(
    ("header", "unit", "note"),
    [
        ('"value (CNY bn, est.)"', "CNY bn", "'est.' (from the header 'value (CNY bn, est.)')"),
        ("数值（亿元，估计）", "CNY 100m", "'估计' (from the header '数值（亿元，估计）')"),
        (
            '"value (USD m; nominal)"',
            "USD mn",
            "'nominal' (from the header 'value (USD m; nominal)')",
        ),
    ],
)
def test_the_remark_is_kept_in_every_note(
    tmp_path: Path, header: str, unit: str, note: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"series_id,year,{header}\ncidc,2019,100\ncidc,2020,120\n", encoding="utf-8")
    for read in READERS:
        got = read(path)
        assert got["unit"].tolist() == [unit, unit]
        assert got["value"].tolist() == [100.0, 120.0]
        assert got["note"].tolist() == [note, note]


def test_the_remark_joins_a_note_already_there(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        'series_id,year,"value (CNY bn, est.)"\ncidc,2019,100*\ncidc,2020,120\n', encoding="utf-8"
    )
    for read in READERS:
        with pytest.warns(UserWarning, match="footnote marker"):
            got = read(path)
        first, second = got["note"].tolist()
        assert set(first.split("; ")) == {
            "footnote marker '*' after the figure (not read as part of it)",
            "'est.' (from the header 'value (CNY bn, est.)')",
        }
        assert second == "'est.' (from the header 'value (CNY bn, est.)')"


def test_a_unit_alone_adds_no_note(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("series_id,year,value (CNY bn)\ncidc,2019,100\n", encoding="utf-8")
    assert read_series(path)["note"].tolist() == [""]
    assert "note" not in read_long_table(path).columns


def test_a_wide_tables_corner_remark_is_kept_too(tmp_path: Path) -> None:
    # the top-left cell over the names states the unit and a remark: 估计 (estimated)
    path = tmp_path / "t.csv"
    path.write_text("地区（亿元，估计）,2019年,2020年\n北京,100,120\n", encoding="utf-8")
    note = "'估计' (from the header '地区（亿元，估计）')"
    for read in READERS:
        got = read(path)
        assert got["unit"].tolist() == ["CNY 100m", "CNY 100m"]
        assert got["value"].tolist() == [100.0, 120.0]
        assert got["note"].tolist() == [note, note]
