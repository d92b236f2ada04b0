"""A series name that states its unit after "in", as Statista heads its columns ("Revenue in
million U.S. dollars"): read as that unit by both readers (was: no unit read, so with
unit='USD bn' the USD m figures were read as USD bn in silence, 1,000 times too large)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError

READERS = (read_series, read_long_table)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "statista.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_statista_column_is_read_in_its_unit(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        'Characteristic,Revenue in million U.S. dollars\n2017,"1,522"\n2018,"1,679"\n',
    )
    for read in READERS:
        got = read(path, year_column="Characteristic", unit="USD bn")
        # 1,522 USD m = 1.522 USD bn (1 bn = 1,000 m)
        assert got["value"].tolist() == pytest.approx([1.522, 1.679])
        assert got["unit"].tolist() == ["USD bn", "USD bn"]
        got = read(path, year_column="Characteristic")
        assert got["unit"].tolist() == ["USD mn", "USD mn"]


def test_a_wide_row_name_and_a_power_unit(tmp_path: Path) -> None:
    path = _write(tmp_path, "series,2019,2020\nCapacity in MW,1500,1800\n")
    for read in READERS:
        got = read(path, unit="GW")
        assert got["value"].tolist() == pytest.approx([1.5, 1.8])  # 1,500 MW = 1.5 GW


def test_in_before_other_words_is_no_unit(tmp_path: Path) -> None:
    path = _write(tmp_path, "year,Sales in Europe,Spending in data centers\n2019,12,7\n")
    for read in READERS:
        got = read(path, unit="USD bn")
        assert got["value"].tolist() == [12, 7]


def test_a_magnitude_alone_after_in_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "year,Revenue in millions\n2019,1522\n")
    said = "the name 'Revenue in millions' states the magnitude 'millions' but no unit"
    for read in READERS:
        with pytest.raises(DataError, match=re.escape(said)):
            read(path, unit="USD bn")
