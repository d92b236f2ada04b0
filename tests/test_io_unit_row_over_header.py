"""A row of units over a wide table's year header ("Region, USD m, USD m" above "2019,
2020"): skipped with header_row=1, the row is checked against unit= as a "Unit: USD m" line
is (was: not seen, since the unit was written once per column, so unit='USD bn' read 1,562
USD m as 1,562 USD bn in silence); read as the header, its repeated unit is named as a unit
row with the fix (was: "the header 'USD m' appears twice; rename or delete one")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError, UnitError

READERS = (read_series, read_long_table)


def _write(tmp_path: Path, units: str = "USD m,USD m") -> Path:
    path = tmp_path / "t.csv"
    path.write_text(f"Region,{units}\n,2019,2020\nChina,1562,2238\n", encoding="utf-8")
    return path


def test_the_unit_row_is_checked_against_unit(tmp_path: Path) -> None:
    path = _write(tmp_path)
    for read in READERS:
        with pytest.raises(UnitError, match=re.escape("pass unit='USD m' to read them")):
            read(path, header_row=1, unit="USD bn")
        assert read(path, header_row=1, unit="USD m")["value"].tolist() == [1562, 2238]


def test_two_units_over_the_columns_state_no_table_unit(tmp_path: Path) -> None:
    path = _write(tmp_path, "USD m,MW")
    for read in READERS:
        assert read(path, header_row=1, unit="USD bn")["value"].tolist() == [1562, 2238]


def test_the_unit_row_read_as_the_header_is_named(tmp_path: Path) -> None:
    said = (
        "t.csv: the header 'USD m' appears twice (columns 2 and 3) and is a unit: a row of "
        "units over the header? expected one header row: pass header_row=N"
    )
    for read in READERS:
        with pytest.raises(DataError, match=re.escape(said)):
            read(_write(tmp_path), unit="USD bn")
