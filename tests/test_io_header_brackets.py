"""A CSV header cell with a comma inside its brackets, written without quotes
("Market size (CNY bn, est.)"): read as the one column it is when the rows below have one
field fewer (was: two columns, 'Market size (CNY bn' and ' est.)', the unit lost and an
empty series or an error about a column with no values), a typed error naming the line and
the fix when the rows fill both fields; and a bracketed unit with a remark after a comma,
quoted or not, reads as its unit (was: "states 'CNY bn, est.', a magnitude in a unit not
read here")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError

NAME = "Market size (CNY bn, est.)"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("header", [NAME, f'"{NAME}"'])
def test_a_year_per_row_table(tmp_path: Path, header: str) -> None:
    path = _write(tmp_path, f"year,{header}\n2019,156.25\n2020,200.9\n")
    for read in (read_series, read_long_table):
        got = read(path)
        assert got["series_id"].tolist() == [NAME, NAME]
        assert got["unit"].tolist() == ["CNY bn", "CNY bn"]
        assert got["value"].tolist() == [156.25, 200.9]


@pytest.mark.parametrize("header", ["value (CNY bn, est.)", '"value (CNY bn, est.)"'])
def test_a_long_table_value_header(tmp_path: Path, header: str) -> None:
    path = _write(tmp_path, f"series_id,year,{header}\nchina,2019,156.25\nchina,2020,200.9\n")
    for read in (read_series, read_long_table):
        got = read(path, unit="CNY 100m")
        # 156.25 CNY bn = 1,562.5 CNY 100m (1 bn = 10 x 100m)
        assert got["value"].tolist() == pytest.approx([1562.5, 2009.0])
        assert got["series_id"].tolist() == ["china", "china"]


def test_the_columns_after_the_cell_keep_their_fields(tmp_path: Path) -> None:
    # 3 header fields once joined, 3 fields a row: 'CIDC' is the source, not a series
    path = _write(tmp_path, f"year,{NAME},source\n2019,156.25,CIDC\n2020,200.9,CIDC\n")
    got = read_series(path)
    assert got["source"].tolist() == ["CIDC", "CIDC"]
    assert got["value"].tolist() == [156.25, 200.9]
    assert got["series_id"].unique().tolist() == [NAME]


def test_rows_filling_both_fields_are_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, f"title\nyear,{NAME}\n2019,156.25,x\n")
    said = (
        f"t.csv line 2: the header cell {NAME!r} holds the separator ',' unquoted, so it is "
        "split into 2 columns ('Market size (CNY bn', ' est.)'), and the rows below have a "
        f'field for each; expected one field per column: write the cell in double quotes ("{NAME}")'
    )
    for read in (read_series, read_long_table):
        with pytest.raises(DataError, match=re.escape(said)):
            read(path, header_row=1)


@pytest.mark.parametrize(
    ("header", "unit"), [("规模（亿元，估计）", "CNY 100m"), ("Revenue (USD m; nominal)", "USD mn")]
)
def test_a_unit_with_a_remark(tmp_path: Path, header: str, unit: str) -> None:
    path = _write(tmp_path, f'year,"{header}"\n2019,1\n')
    assert read_series(path)["unit"].tolist() == [unit]


def test_two_units_in_one_bracket_stay_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, 'year,"Market (CNY bn, USD bn)"\n2019,1\n')
    with pytest.raises(DataError, match=re.escape("states 'CNY bn, USD bn', a magnitude")):
        read_series(path)


def test_a_bracket_closed_in_its_own_field_is_untouched(tmp_path: Path) -> None:
    path = _write(tmp_path, "year,North (CNY bn),South (CNY bn)\n2019,1,2\n")
    got = read_series(path)
    assert got["series_id"].tolist() == ["North (CNY bn)", "South (CNY bn)"]
    assert got["value"].tolist() == [1, 2]
