"""A line above the header that states the table's unit as one part of it, after a comma or
semicolon ("Revenue, USD m", "Source: IDC; USD million"), as titles and CSV cells write it:
checked against unit= as "Unit: USD m" is (was: not seen, so unit='USD bn' read 1,562.5
USD m as 1,562.5 USD bn in silence, in both readers)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import UnitError

READERS = (read_series, read_long_table)


def _write(tmp_path: Path, line: str) -> Path:
    path = tmp_path / "t.csv"
    path.write_text(f"{line}\nyear,China\n2019,1562.5\n2020,2238.7\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "said"),
    [("Revenue, USD m", "USD m"), ('"Source: IDC; USD million"', "USD million")],
)
def test_a_unit_part_of_the_line_above_is_checked(tmp_path: Path, line: str, said: str) -> None:
    path = _write(tmp_path, line)
    for read in READERS:
        with pytest.raises(UnitError, match=re.escape(f"pass unit={said!r} to read them")):
            read(path, header_row=1, unit="USD bn")
    for read in READERS:  # the unit the line states: read as written
        assert read(path, header_row=1, unit=said)["value"].tolist() == [1562.5, 2238.7]


def test_two_units_in_the_line_state_no_table_unit(tmp_path: Path) -> None:
    path = _write(tmp_path, "Revenue, USD m,, Capacity, MW")
    for read in READERS:
        assert read(path, header_row=1, unit="USD bn")["value"].tolist() == [1562.5, 2238.7]
