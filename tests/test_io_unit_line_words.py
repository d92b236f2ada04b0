"""A line above the header that states the table's unit in other words than "Unit:" -
"Figures in US$ millions", "In US$ millions", "USD millions" - is checked against unit=
as "Unit: USD m" is: unit='USD bn' read its bare 1,562.5 (USD m) as 1,562.5 USD bn, a
thousand times too large, in silence."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import openpyxl
import pytest

from idcforecast import read_series
from idcforecast._unit_lines import _unit_alone
from idcforecast.batch import read_long_table
from idcforecast.errors import UnitError, UnitLineWarning

LINES = (
    "Figures in US$ millions",
    "All figures in USD m",
    "In US$ millions",
    "USD millions",
    # "<magnitude> of <currency>" (annual reports) was no unit spelling: read 1,000x off
    "Amounts in millions of US dollars",
)


def _csv(tmp_path: Path, line: str) -> Path:
    path = tmp_path / "m.csv"
    path.write_text(f"IDC market sizes,\n{line},,\nyear,market\n2019,1562.5\n2020,2238.7\n")
    return path


@pytest.mark.parametrize("line", LINES)
def test_a_line_in_other_words_is_checked_against_unit(tmp_path: Path, line: str) -> None:
    path = _csv(tmp_path, line)
    said = f"a line above the header says {line!r}, but unit='USD bn' "
    with pytest.raises(UnitError, match=re.escape(said + "reads")):
        read_series(path, header_row=2, unit="USD bn")
    with pytest.raises(UnitError, match=re.escape(said + "takes the rows without a unit")):
        read_long_table(path, header_row=2, unit="USD bn")
    # the unit it states is read, 1,562.5 USD m (= 1.5625 USD bn once converted)
    out = read_series(path, header_row=2, unit="USD m")
    assert out["value"].tolist() == [1562.5, 2238.7] and set(out["unit"]) == {"USD mn"}
    with pytest.warns(UnitLineWarning, match=re.escape(line)):
        read_long_table(path, header_row=2)


def test_an_excel_title_and_unit_line(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in (["IDC Market Report"], ["Values in USD million"], ["year", "market"],
                [2019, 1562.5]):  # fmt: skip
        book.active.append(row)
    book.save(tmp_path / "m.xlsx")
    with pytest.raises(UnitError, match="says 'Values in USD million'"):
        read_series(tmp_path / "m.xlsx", header_row=2, unit="USD bn")


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("Figures in US$ millions", "US$ millions"),
        ("In USD m", "USD m"),
        ("亿元", "亿元"),
        ("RMB 100 million", "RMB 100m"),
        ("China IDC market", None),  # a title
        ("Racks", None),  # a bare physical word may be a title, not the unit
        ("MW", None),
        ("Amounts in millions of US dollars", "millions of US dollars"),
        ("Figures in billions of yuan", "billions of yuan"),
    ],
)
def test_unit_alone(line: str, unit: str | None) -> None:
    assert _unit_alone(line) == unit


def test_a_title_line_is_no_unit(tmp_path: Path) -> None:
    path = _csv(tmp_path, "China IDC market")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_series(path, header_row=2, unit="USD bn")["value"].tolist() == [1562.5, 2238.7]
